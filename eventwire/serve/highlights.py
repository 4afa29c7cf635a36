"""The spans of one event to highlight in its article: each value beside the words it came from.

A highlight is (role, start, end, text, label); ``start``/``end`` index ``article.text``.
A span whose offsets fall outside the text, or do not hold its words, is left out, so the
page never marks the wrong words.
"""

from __future__ import annotations

from typing import Any

ROLES = ("evidence", "trigger", "actor", "recipient", "place", "date", "size", "source", "quote")


def event_highlights(text: str, event: dict[str, Any], quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every span of ``event`` (and the article's quotes) that indexes ``text`` exactly, in order."""
    spans = [("evidence", span, "evidence") for span in event.get("evidence") or []]
    if event.get("trigger"):
        spans.append(("trigger", event["trigger"], f"trigger: {event.get('event_type')}"))
    for role in ("actor", "recipient"):
        spans += [(role, actor, f"{role}: {_actor(actor)}") for actor in event.get(role) or []]
    spans += [("place", place, f"place: {_place(place)}") for place in event.get("location") or []]
    if event.get("date"):
        date = event["date"]
        spans.append(("date", date, f"date: {date.get('value') or '?'} ({date.get('precision') or '?'})"))
    if event.get("size"):
        size = event["size"]
        spans.append(("size", size, f"size: {_number(size.get('value'))} {size.get('unit') or ''}".strip()))
    if event.get("attribution"):
        attribution = event["attribution"]
        spans.append(("source", attribution, f"source: {_actor(attribution.get('source') or {})}"))
    spans += [("quote", quote, f"quote by {_actor(quote.get('speaker') or {})}") for quote in quotes]
    out = [_highlight(text, role, span, label) for role, span, label in spans]
    found = [h for h in out if h is not None]
    return sorted(found, key=_order)


def _highlight(text: str, role: str, span: dict[str, Any], label: str) -> dict[str, Any] | None:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return None
    if span.get("text") is not None and text[start:end] != span["text"]:
        return None
    return {"role": role, "start": start, "end": end, "text": text[start:end], "label": label}


def _order(highlight: dict[str, Any]) -> tuple[int, int, int]:
    return highlight["start"], -highlight["end"], ROLES.index(highlight["role"])


def _actor(actor: dict[str, Any]) -> str:
    name = actor.get("name") or actor.get("text") or "unknown"
    codes = ", ".join(v for v in (actor.get("country"), actor.get("sector")) if v)
    return f"{name} ({codes})" if codes else name


def _place(place: dict[str, Any]) -> str:
    name = place.get("name") or place.get("text") or "?"
    where = ", ".join(v for v in (place.get("admin1"), place.get("country")) if v)
    if place.get("lat") is not None and place.get("lon") is not None:
        where += f" {place['lat']:.2f}, {place['lon']:.2f}"
    return f"{name} ({where.strip()})" if where.strip() else name


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}" if isinstance(value, (int, float)) else "?"
