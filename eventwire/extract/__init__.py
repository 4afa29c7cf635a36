"""Extract stages: find actors, places, times, quantities and quotes in a parsed article."""
