"""Duplicates: the same article twice, and syndicated near-copies of it.

A wire story reaches many outlets; coding it once per copy counts one event as many.
Exact duplicates share a URL or the fingerprint of their normalized text; near
duplicates share most of their word 5-grams, found with MinHash and LSH (datasketch).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SCHEME = "affine32"  # stored signatures stay comparable across datasketch versions
THRESHOLD = 0.8
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)


def normalized_words(text: str) -> list[str]:
    """The text's words, case-folded: what copies of one story share."""
    return _WORD.findall(text.casefold())


def fingerprint(text: str) -> str:
    """sha1 of the normalized words: equal for copies that differ only in spacing or case."""
    return hashlib.sha1(" ".join(normalized_words(text)).encode("utf-8")).hexdigest()


def signature(text: str) -> list[int]:
    """The MinHash signature of the text's word 5-grams."""
    words = normalized_words(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    grams = [" ".join(words[i:i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))]
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return [int(v) for v in minhash.hashvalues]


class NearDuplicates:
    """An LSH index of the signatures seen so far (rebuilt from the store on start)."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)

    def add(self, article_id: str, values: list[int]) -> None:
        if article_id not in self._lsh.keys:
            self._lsh.insert(article_id, _minhash(values))

    def match(self, values: list[int]) -> str | None:
        """The id of an earlier near-copy, or None."""
        found = self._lsh.query(_minhash(values))
        return min(found) if found else None


def _minhash(values: list[int]) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.array(values, dtype=np.uint64))
