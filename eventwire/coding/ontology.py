"""Loads the PLOVER ontology and the event lexicons from ``eventwire/data``.

The ontology (types, quad classes, modes, recipient roles), the word classes,
the per-type trigger files and the modality cues are data so that analysts can
read and extend them; this module validates them once and reports the file and
line of any error, so a typo in a user's lexicon is never a silent miss.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..datafiles import read_yaml
from ..errors import DataFileError
from ..records import EVENT_TYPES

DATA = Path(str(resources.files("eventwire") / "data"))

CONDITION_KEYS = frozenset({
    "object", "not_object", "subject", "not_subject", "prep", "not_prep", "prep_object",
    "not_prep_object", "prt", "not_prt", "light", "modifier", "not_modifier", "xcomp", "not_xcomp",
    "xcomp_lemma", "ccomp_modal", "object_is_actor", "followed_by", "not_dep", "active", "not_xcomp_lemma", "transitive",
})
ENTRY_KEYS = CONDITION_KEYS | {"lemma", "pos", "mode", "context"}
POS_VALUES = frozenset({"VERB", "NOUN", "ADJ"})


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon line: a lemma, its part of speech, and the conditions it needs."""

    event_type: str
    lemma: str
    pos: str
    conditions: dict[str, Any]
    mode: str | None
    context: tuple[str, ...]
    source: str

    @property
    def specificity(self) -> int:
        """More conditions means a more specific reading; it wins ties."""
        return len(self.conditions)


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """What the ontology says of one event type."""

    name: str
    quad_class: str
    modes: tuple[str, ...]
    context: tuple[str, ...]
    recipient_from: tuple[str, ...]
    theme_from: tuple[str, ...]
    mode_by_class: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mode_by_word: dict[str, str] = field(default_factory=dict)
    default_mode: str | None = None
    target_from_condition: bool = False   # "sanctions if Russia invades": Russia is the target
    actor_from_theme: bool = False        # "German troops will be sent": Germany sends them
    state_actor_type: str | None = None   # the type it is when only states or governments act


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the event coder reads from data files."""

    types: dict[str, TypeInfo]
    classes: dict[str, frozenset[str]]
    entries: dict[str, tuple[TriggerEntry, ...]]
    modality: dict[str, Any]
    context_words: dict[str, str]


@lru_cache(maxsize=4)
def load_lexicon(lexicon_dir: str | None = None) -> Lexicon:
    """Load and validate the ontology, classes, trigger files and modality cues."""
    events_dir = Path(lexicon_dir) if lexicon_dir else DATA / "lexicons" / "events"
    classes = _load_classes(DATA / "lexicons" / "classes.yaml")
    types = _load_ontology(DATA / "plover" / "ontology.yaml")
    entries: dict[str, list[TriggerEntry]] = {}
    files = sorted(events_dir.glob("*.yaml"))
    if not files:
        raise DataFileError(f"{events_dir}:0: no event lexicon files (*.yaml) in this folder")
    for path in files:
        info = _load_type_file(path, types, classes)
        for entry in info:
            entries.setdefault(entry.lemma, []).append(entry)
    modality = {k: v for k, v in read_yaml(DATA / "lexicons" / "modality.yaml").items()
                if k != "__line__"}
    return Lexicon(types=types, classes=classes,
                   entries={k: tuple(v) for k, v in entries.items()}, modality=modality,
                   context_words=_load_context_words(DATA / "plover" / "ontology.yaml"))


def _load_context_words(path: Path) -> dict[str, str]:
    """Invert the ontology's context_words table: lemma -> context."""
    table = read_yaml(path).get("context_words") or {}
    return {word.lower(): context for context, words in table.items() if context != "__line__"
            for word in words}


def _load_classes(path: Path) -> dict[str, frozenset[str]]:
    data = read_yaml(path)
    classes = {}
    for name, words in data.items():
        if name == "__line__":
            continue
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DataFileError(f"{path}:{data['__line__']}: class '{name}' must be a list of words")
        classes[name] = frozenset(w.lower() for w in words)
    return classes


def _load_ontology(path: Path) -> dict[str, TypeInfo]:
    data = read_yaml(path)
    types = {}
    for name, spec in data.get("types", {}).items():
        if name == "__line__":
            continue
        if name not in EVENT_TYPES:
            raise DataFileError(f"{path}:{spec.get('__line__', 0)}: '{name}' is not a PLOVER type")
        types[name] = TypeInfo(
            name=name, quad_class=spec["quad_class"], modes=tuple(spec.get("modes", [])),
            context=tuple(spec.get("context", [])),
            recipient_from=tuple(spec.get("recipient_from", [])),
            theme_from=tuple(spec.get("theme_from", ["dobj", "nsubjpass"])),
            target_from_condition=bool(spec.get("target_from_condition", False)),
            actor_from_theme=bool(spec.get("actor_from_theme", False)),
            state_actor_type=spec.get("state_actor_type"))
    for info in types.values():
        if info.state_actor_type is not None and info.state_actor_type not in types:
            raise DataFileError(f"{path}:0: {info.name}: state_actor_type {info.state_actor_type!r} "
                                "is not a type of the ontology")
    return types


def _load_type_file(path: Path, types: dict[str, TypeInfo],
                    classes: dict[str, frozenset[str]]) -> list[TriggerEntry]:
    """Validate one per-type lexicon file and return its entries."""
    data = read_yaml(path)
    if not isinstance(data, dict) or data.get("type") not in types:
        raise DataFileError(f"{path}:1: the file must start with 'type:' naming a PLOVER type")
    info = types[data["type"]]
    by_class = {mode: tuple(_as_list(words)) for mode, words in
                (data.get("mode_by_class") or {}).items() if mode != "__line__"}
    by_word = {w: m for w, m in (data.get("mode_by_word") or {}).items() if w != "__line__"}
    types[info.name] = replace(info, mode_by_class=by_class, mode_by_word=by_word,
                               default_mode=data.get("default_mode"))
    entries = []
    for raw in data.get("triggers") or []:
        entries.append(_entry(path, raw, info.name, classes))
    return entries


def _entry(path: Path, raw: dict[str, Any], event_type: str,
           classes: dict[str, frozenset[str]]) -> TriggerEntry:
    line = raw.get("__line__", 0)
    unknown = set(raw) - ENTRY_KEYS - {"__line__"}
    if unknown:
        raise DataFileError(f"{path}:{line}: unknown key(s) {sorted(unknown)}; "
                            f"allowed: {sorted(ENTRY_KEYS)}")
    lemma, pos = raw.get("lemma"), raw.get("pos", "VERB")
    if not isinstance(lemma, str) or not lemma:
        raise DataFileError(f"{path}:{line}: every trigger needs a 'lemma'")
    if pos not in POS_VALUES:
        raise DataFileError(f"{path}:{line}: pos must be one of {sorted(POS_VALUES)}, not {pos!r}")
    conditions = {k: v for k, v in raw.items() if k in CONDITION_KEYS}
    for key, value in conditions.items():
        for word in _as_list(value):
            if isinstance(word, str) and word.startswith("@") and word[1:] not in classes:
                raise DataFileError(f"{path}:{line}: {key} names unknown class {word}")
    return TriggerEntry(event_type=event_type, lemma=lemma.lower(), pos=pos,
                        conditions=conditions, mode=raw.get("mode"),
                        context=tuple(_as_list(raw.get("context") or [])),
                        source=f"{path.name}:{line}")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def expand_words(lexicon: Lexicon, words: Any) -> frozenset[str]:
    """Lemmas named by a condition value: plain words and ``@class`` references."""
    out: set[str] = set()
    for word in _as_list(words):
        if isinstance(word, str) and word.startswith("@"):
            out |= lexicon.classes[word[1:]]
        elif isinstance(word, str):
            out.add(word.lower())
    return frozenset(out)
