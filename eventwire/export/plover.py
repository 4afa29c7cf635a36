"""PLOVER JSON Lines and a GDELT-2.0-like TSV, one row per event.

PLOVER follows the manual's JSON fields (id, date, actor, recipient, event, event_loc,
event_text, quad_code, mode, context, link, cite_info, coder, coded_date); a modality
other than asserted goes into ``context`` as the manual's auxiliary modes (future,
hypothetical, negation). The GDELT-like TSV keeps the GDELT 2.0 event columns eventwire
can fill, in GDELT's order and names (``GDELT_COLUMNS``), with CAMEO root codes mapped
from PLOVER by ``data/plover/cameo_roots.yaml``; columns it cannot fill are left out.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from functools import lru_cache
from typing import Any, TextIO

from ..coding.ontology import DATA
from ..datafiles import read_yaml
from ..records import Actor, Event, Record

AUXILIARY = {"future": "future", "hypothetical": "hypothetical", "negated": "negation"}
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED",
    "SOURCEURL", "PLOVERType", "PLOVERMode", "Modality",
)
GEO_TYPE = {"country": 1, "admin1": 5, "city": 4, "region": 1, "other": 4}


@lru_cache(maxsize=1)
def _cameo() -> dict[str, Any]:
    return read_yaml(DATA / "plover" / "cameo_roots.yaml", lines=False)


def _entity(actor: Actor) -> dict[str, Any]:
    return {"code": actor.country, "sector": actor.sector, "entity_text": actor.text,
            "identifier_text": actor.name}


def plover_event(record: Record, event: Event) -> dict[str, Any]:
    """One event in the PLOVER manual's JSON fields."""
    article = record.article
    place = event.location[0] if event.location else None
    context = list(event.context) + ([AUXILIARY[event.modality]] if event.modality in AUXILIARY else [])
    return {
        "id": f"{article.id}-{event.id}", "date": _day(event, record), "actor": [_entity(a) for a in event.actor],
        "recipient": [_entity(a) for a in event.recipient], "event": [event.event_type],
        "event_loc": None if place is None else {"name": place.name or place.text, "geonameid": place.geonameid,
                                                 "lat": place.lat, "lon": place.lon, "country": place.country},
        "event_text": [span.text for span in event.evidence],
        "quad_code": _cameo()["quad_codes"].get(event.quad_class),
        "mode": [event.mode] if event.mode else [], "context": context, "link": article.id,
        "cite_info": {"url": article.url, "outlet": article.outlet, "published": article.published},
        "coder": "eventwire", "coded_date": date.today().isoformat(),
    }


def write_plover(records: list[Record], out: TextIO) -> int:
    count = 0
    for record in records:
        for event in record.events:
            out.write(json.dumps(plover_event(record, event), ensure_ascii=False) + "\n")
            count += 1
    return count


def gdelt_row(record: Record, event: Event, number: int) -> list[Any]:
    """One event as GDELT 2.0 event columns (CAMEO root codes)."""
    spec = _cameo()["roots"][event.event_type]
    root = (spec.get("by_mode") or {}).get(event.mode or "", spec["root"])
    day = _day(event, record) or ""
    first = event.actor[0] if event.actor else None
    second = event.recipient[0] if event.recipient else None
    place = event.location[0] if event.location else None
    return [
        number, day.replace("-", "")[:8], day.replace("-", "")[:6], day[:4],
        *_gdelt_actor(first), *_gdelt_actor(second), 1, root, root, root,
        _cameo()["quad_codes"].get(event.quad_class), _cameo()["goldstein"].get(root),
        len(event.evidence), 1, 1,
        GEO_TYPE.get(place.feature or "", 0) if place else 0, (place.name or place.text) if place else "",
        place.country or "" if place else "", place.lat if place else "", place.lon if place else "",
        place.geonameid or "" if place else "", date.today().strftime("%Y%m%d"),
        record.article.url or record.article.id, event.event_type, event.mode or "", event.modality,
    ]


def _gdelt_actor(actor: Actor | None) -> list[str]:
    if actor is None:
        return ["", "", "", ""]
    code = (actor.country or "") + (actor.sector or "")
    return [code, (actor.name or actor.text).upper(), actor.country or "", actor.sector or ""]


def write_gdelt(records: list[Record], out: TextIO) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    count = 0
    for record in records:
        for event in record.events:
            count += 1
            writer.writerow(gdelt_row(record, event, count))
    return count


def _day(event: Event, record: Record) -> str | None:
    """The event's date when it is a day, else the article's publication date."""
    value = event.date.value if event.date and event.date.value else None
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else record.article.published
