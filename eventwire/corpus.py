"""Ingest many articles into the store: read, drop duplicates, code on every core, write.

``ingest`` is the corpus job behind ``eventwire ingest``. The steps:

1. read every source into Articles or Skips (``ingest.read_inputs``); a Skip is an error row;
2. drop what the store already has (same id, URL or normalized text) and note duplicates:
   exact ones by fingerprint, syndicated near-copies by MinHash (``dedup``) — a duplicate is
   stored as another report of the first copy, never coded again;
3. code the originals with ``code_article`` in worker processes (one per core);
4. write each record in one transaction as it arrives (``store.duckdb.Store``).
Only the main process writes, so the DuckDB file has one writer.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

from tqdm import tqdm

from .config import Settings
from .dedup import NearDuplicates, fingerprint, signature
from .errors import EventwireError
from .ingest import read_inputs
from .pipeline import code_article
from .records import Article, Record, Skip
from .store.duckdb import Store


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did."""

    coded: int = 0
    events: int = 0
    duplicates: int = 0
    already_stored: int = 0
    skipped: list[Skip] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"coded {self.coded} article(s), {self.events} event(s); {self.duplicates} duplicate(s) "
               f"recorded as further reports; {self.already_stored} already in the store; "
               f"{len(self.skipped)} skipped"]
        reasons: dict[str, int] = {}
        for skip in self.skipped:
            reasons[skip.code] = reasons.get(skip.code, 0) + 1
        out += [f"  skipped [{code}] x{count}" for code, count in sorted(reasons.items())]
        return out


@dataclass(slots=True)
class _Item:
    article: Article
    source: str
    fingerprint: str
    minhash: list[int]


def ingest(sources: Sequence[str], *, db: str | Path, settings: Settings, workers: int | None = None,
           published: str | None = None, outlet: str | None = None, progress: bool = True,
           log: TextIO | None = None) -> IngestSummary:
    """Ingest every article of ``sources`` into the store at ``db``; see the module docstring.

    ``log`` gets one line per article stored, once its transaction has committed.
    """
    summary = IngestSummary()
    with Store(db) as store:
        duplicates: list[tuple[_Item, str]] = []
        originals = list(_originals(store, read_inputs(sources, settings=settings, published=published,
                                                       outlet=outlet), summary, duplicates))
        bar = tqdm(total=len(originals), unit="article", disable=not progress, dynamic_ncols=True)
        for item, result in _code_all(originals, settings, workers):
            if isinstance(result, Skip):
                store.add_error(result)
                summary.skipped.append(result)
            elif store.add_record(result, source=item.source, fingerprint=item.fingerprint,
                                  minhash=item.minhash):
                summary.coded += 1
                summary.events += len(result.events)
                if log is not None:
                    print(f"stored {result.article.id} ({len(result.events)} events)", file=log, flush=True)
            bar.update(1)
            bar.set_postfix(events=summary.events, errors=len(summary.skipped), refresh=False)
        bar.close()
        for item, first in duplicates:  # after their originals, so a crash never orphans one
            if store.has(first) and store.add_duplicate(item.article, source=item.source,
                                                        fingerprint=item.fingerprint, duplicate_of=first):
                summary.duplicates += 1
    return summary


def _originals(store: Store, items: Iterable[Article | Skip], summary: IngestSummary,
               duplicates: list[tuple[_Item, str]]) -> Iterator[_Item]:
    """Record skips, set duplicates aside; yield the articles that still need coding."""
    near = NearDuplicates()
    for article_id, values in store.signatures():
        near.add(article_id, values)
    seen: dict[str, str] = {}
    for article in items:
        if isinstance(article, Skip):
            store.add_error(article)
            summary.skipped.append(article)
            continue
        if store.has(article.id):
            summary.already_stored += 1
            continue
        item = _Item(article=article, source=article.url or article.id,
                     fingerprint=fingerprint(article.text), minhash=signature(article.text))
        first = (store.known(article, item.fingerprint) or seen.get(item.fingerprint)
                 or seen.get(article.url or "") or near.match(item.minhash))
        if first is not None:
            duplicates.append((item, first))
            continue
        seen[item.fingerprint] = article.id
        if article.url:
            seen[article.url] = article.id
        near.add(article.id, item.minhash)
        yield item


def _code_all(items: list[_Item], settings: Settings,
              workers: int | None) -> Iterator[tuple[_Item, Record | Skip]]:
    """Code the items on ``workers`` processes (default: every core), in order."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(items) < 2:
        for item in items:
            yield item, code_safely(item.article, settings)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = pool.map(code_safely, [i.article for i in items], [settings] * len(items), chunksize=4)
        yield from zip(items, results)


def code_safely(article: Article, settings: Settings) -> Record | Skip:
    """``code_article``, with a failure turned into a recorded Skip so the batch goes on."""
    try:
        return code_article(article, settings)
    except EventwireError as error:
        return Skip(source=article.url or article.id, reason=str(error), code=error.code)
    except Exception as error:  # noqa: BLE001 - one bad article must not stop a corpus
        return Skip(source=article.url or article.id, reason=f"coding failed: {error!r}", code="E900")
