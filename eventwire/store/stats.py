"""Events per day, by type or by dyad: a table and a stacked bar chart (PNG).

The day is the event's own date when the text gives one to the day, else the
article's publication date: the day the event was reported.
"""

from __future__ import annotations

from pathlib import Path

from .duckdb import Store

DAY = "COALESCE(CASE WHEN length(e.date) >= 10 THEN left(e.date, 10) END, a.published)"
KEYS = {
    "type": "e.event_type",
    "dyad": ("COALESCE(e.actor_countries[1], '-') || '>' || COALESCE(e.recipient_countries[1], '-')"),
}


def daily_counts(store: Store, *, by: str = "type") -> list[tuple[str, str, int]]:
    """(day, type or dyad, number of events), days in order."""
    sql = (f"SELECT {DAY} AS day, {KEYS[by]} AS key, count(*) FROM events e JOIN articles a "
           f"ON a.id = e.article_id WHERE {DAY} IS NOT NULL GROUP BY day, key ORDER BY day, key")
    return [(day, key, count) for day, key, count in store.db.execute(sql).fetchall()]


def plot(rows: list[tuple[str, str, int]], path: str | Path, *, title: str) -> None:
    """A stacked bar chart of the counts, one colour per type or dyad (the ten most frequent)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    days = sorted({day for day, _, _ in rows})
    totals: dict[str, int] = {}
    for _, key, count in rows:
        totals[key] = totals.get(key, 0) + count
    keys = sorted(totals, key=totals.__getitem__, reverse=True)[:10]
    figure, axes = pyplot.subplots(figsize=(max(6, len(days) * 0.5), 4), dpi=100)
    bottom = [0] * len(days)
    for key in keys:
        heights = [sum(c for d, k, c in rows if d == day and k == key) for day in days]
        axes.bar(days, heights, bottom=bottom, label=key)
        bottom = [b + h for b, h in zip(bottom, heights)]
    axes.set_title(title)
    axes.set_ylabel("events")
    axes.tick_params(axis="x", labelrotation=60, labelsize=7)
    if keys:
        axes.legend(fontsize=7, ncols=2)
    figure.tight_layout()
    figure.savefig(path)
    pyplot.close(figure)
