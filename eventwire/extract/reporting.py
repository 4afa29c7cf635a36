"""Reporting cues shared by the QUOTES and ATTRIBUTION stages.

Reads ``data/lexicons/reporting.yaml`` (reporting verbs with their stance, speech acts,
multi-word cues, evidentials) and, over a parsed Doc, tells whether a word is a cue and
which words name its source ("US officials have said" -> "US officials"). Which cue
governs a given word is ``claims.py``'s business; both stages turn a ``Cue`` into
their own record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span as SpacySpan, Token

from ..nlp import doc_text
from ..errors import DataFileError, message
from ..records import Actor

LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "reporting.yaml"
STANCES = ("neutral", "assert", "doubt", "deny", "warn", "wish")
FRAMES = ("source_follows", "passive_speaker")
EVIDENTIAL_KINDS = ("adverb", "passive")
# Children of a source's head word that are not part of the words naming it.
NOT_SOURCE_WORDS = ("relcl", "appos", "punct", "advcl", "parataxis")
PASSIVE_DEPS = ("auxpass", "nsubjpass", "csubjpass")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Punctuation that ends a dateline or heading before a subject ("ISLAMABAD, May 12 (Wire) -").
DATELINE_ENDS = ("-", "—", "–", ")", ":")
# Verb endings to take off when the lemmatizer gives a word the lexicon lacks.
SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
            ("d", ""), ("ing", ""), ("ing", "e"))


@dataclass(frozen=True, slots=True)
class VerbCue:
    """A reporting verb: its stance, and whether its object can be the claim."""

    stance: str
    objects: bool


SPEECH_ACT = VerbCue("speech_act", False)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The reporting lexicon as loaded and validated."""

    verbs: dict[str, VerbCue]
    phrases: dict[str, tuple[str, str]]
    extensions: tuple[str, ...]
    speech_acts: frozenset[str]
    claim_nouns: frozenset[str]
    documents: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_passives: frozenset[str]


@dataclass(frozen=True, slots=True)
class Cue:
    """One reporting cue in a Doc: its words, the words naming the source, its stance."""

    words: SpacySpan
    source: SpacySpan | None
    stance: str

    @property
    def text(self) -> str:
        """The cue as written: "said", "reports", "according to"."""
        return self.words.text


def load_reporting(path: str | Path | None = None) -> Lexicon:
    """Load and validate a reporting lexicon (the packaged one by default)."""
    return _load(str(Path(path) if path is not None else LEXICON))


@lru_cache(maxsize=8)
def _load(path: str) -> Lexicon:
    try:
        root = yaml.compose(Path(path).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", -1) + 1
        raise DataFileError(message("E200", path=path, line=line, detail=str(error))) from error
    sections = _sections(path, root)
    verbs = {row["lemma"]: VerbCue(row["stance"], row["objects"] == "true")
             for row in _rows(path, sections, "verbs", lemma=None, stance=STANCES,
                              objects=("true", "false"))}
    phrases = {row["text"]: (row["stance"], row["frame"])
               for row in _rows(path, sections, "phrases", text=None, stance=STANCES,
                                frame=FRAMES)}
    extensions = tuple(row["text"] for row in _rows(path, sections, "cue_extensions", text=None))
    evidentials = _rows(path, sections, "evidentials", text=None, kind=EVIDENTIAL_KINDS)
    return Lexicon(
        verbs=verbs, phrases=phrases, extensions=extensions,
        speech_acts=frozenset(r["lemma"] for r in _rows(path, sections, "speech_acts", lemma=None)),
        claim_nouns=frozenset(r["lemma"] for r in _rows(path, sections, "claim_nouns", lemma=None)),
        documents=frozenset(r["lemma"] for r in _rows(path, sections, "documents", lemma=None)),
        hedge_adverbs=frozenset(r["text"] for r in evidentials if r["kind"] == "adverb"),
        hedge_passives=frozenset(r["text"] for r in evidentials if r["kind"] == "passive"),
    )


def _sections(path: str, root: yaml.Node | None) -> dict[str, yaml.Node]:
    """The top-level mapping of the file, section name -> node."""
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        raise DataFileError(message("E200", path=path, line=line,
                                    detail="expected a mapping of sections (verbs, phrases, ...)"))
    return {key.value: value for key, value in root.value}


def _rows(path: str, sections: dict[str, yaml.Node], name: str,
          **allowed: tuple[str, ...] | None) -> list[dict[str, str]]:
    """The rows of one section; every row needs each key, with an allowed value."""
    node = sections.get(name)
    if not isinstance(node, yaml.SequenceNode):
        line = node.start_mark.line + 1 if node is not None else 1
        raise DataFileError(message("E200", path=path, line=line,
                                    detail=f"section '{name}' must be a list of entries"))
    rows = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise DataFileError(message("E200", path=path, line=line,
                                        detail=f"an entry of '{name}' must be a mapping"))
        row = {key.value: str(value.value).strip().lower() for key, value in item.value}
        for key, values in allowed.items():
            if not row.get(key):
                raise DataFileError(message("E200", path=path, line=line,
                                            detail=f"entry of '{name}' lacks '{key}'"))
            if values is not None and row[key] not in values:
                raise DataFileError(message(
                    "E200", path=path, line=line,
                    detail=f"'{key}: {row[key]}' is not one of {', '.join(values)}"))
        rows.append(row)
    return rows


def cue_of(token: Token, lexicon: Lexicon, *, speech: bool = False) -> Cue | None:
    """The reporting cue ``token`` heads, if it is one (a reporting verb or "according").

    With ``speech``, speech acts ("condemned", "called for") count too: quotes use them.
    """
    if token.lower_ == "according":
        return _according(token, lexicon)
    entry = verb_entry(token, lexicon, speech=speech)
    if entry is None:
        return None
    quoted = _quoted_as_saying(token)
    if quoted is not None:
        return Cue(quoted, _source_words(_passive_subject(quoted[0])), entry.stance)
    if is_passive(token):
        agent = agent_words(token)
        return None if agent is None else Cue(token.doc[token.i:token.i + 1], agent, entry.stance)
    subject = _subject(token, lexicon)
    return Cue(token.doc[token.i:token.i + 1], _source_words(subject), entry.stance)


def verb_entry(token: Token, lexicon: Lexicon, *, speech: bool = False) -> VerbCue | None:
    """The lexicon entry of a reporting verb, also when the lemmatizer misses ("hopes" -> "hop")."""
    if not token.tag_.startswith("VB"):
        return None
    for lemma in _lemmas(token):
        if lemma in lexicon.verbs:
            return lexicon.verbs[lemma]
        if speech and lemma in lexicon.speech_acts:
            return SPEECH_ACT
    return None


def _lemmas(token: Token) -> list[str]:
    """The lemma spaCy gives, then the word with common verb endings taken off."""
    word = token.lower_
    stems = [word[:-len(end)] + add for end, add in SUFFIXES if word.endswith(end)]
    return [token.lemma_.lower(), word, *stems]


def _according(token: Token, lexicon: Lexicon) -> Cue | None:
    """ "according to X": the cue is both words, the source the object of "to"."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    stance = lexicon.phrases.get("according to", ("neutral", ""))[0]
    return Cue(token.doc[token.i:to.i + 1], _source_words(pobj), stance)


def _quoted_as_saying(token: Token) -> SpacySpan | None:
    """The words "quoted as saying" when ``token`` is that "saying"."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() != "quote":
        return None
    if not is_passive(prep.head):
        return None
    return token.doc[prep.head.i:token.i + 1]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def agent_words(verb: Token) -> SpacySpan | None:
    """The "by X" of a passive verb, as source words."""
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return _source_words(pobj)
    return None


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """The subject of ``verb``, borrowed from the verb it hangs on when it has none.

    A cue joined to the claim of another cue ("X said the talks failed but urged ...",
    which the parser reads as a conjunct of "failed") borrows the outer cue's subject.
    """
    for _ in range(6):
        subject = _nearest_subject(verb)
        if subject is not None:
            if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ in ("acl", "relcl"):
            return verb.head
        sibling = _reporting_sibling(verb, lexicon)
        if sibling is not None:
            return _nearest_subject(sibling)
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return None
        if (verb.dep_ == "conj" and verb.head.dep_ == "ccomp"
                and verb_entry(verb.head.head, lexicon) is not None):
            verb = verb.head
        verb = verb.head
    return None


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a dateline read as one), the one nearest the verb."""
    best = None
    for child in verb.children:
        if child.dep_ == "nsubj" and (best is None or abs(child.i - verb.i) < abs(best.i - verb.i)):
            best = child
    return best


def _reporting_sibling(verb: Token, lexicon: Lexicon) -> Token | None:
    """For ", adding that ..." parsed onto the wrong clause: an earlier reporting verb
    on the same head, with a subject ("X told reporters, adding ...")."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    for sibling in verb.head.children:
        if sibling.i < verb.i and verb_entry(sibling, lexicon) is not None and _nearest_subject(sibling):
            return sibling
    return None


def _source_words(head: Token | None) -> SpacySpan | None:
    """The noun phrase ``head`` heads, without relative clauses, appositions or a dateline."""
    if head is None:
        return None
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in NOT_SOURCE_WORDS:
            break
        end = child.right_edge.i + 1
    start = head.left_edge.i
    for token in head.doc[start:head.i]:
        if (token.text in DATELINE_ENDS and token.whitespace_) or "\n" in token.text:
            start = token.i + 1
    return head.doc[start:end]


def cue_span_end(cue: Cue, lexicon: Lexicon) -> int:
    """Where the attribution's words end: after the cue, its addressee ("told Reuters")
    or a setting ("said in a statement")."""
    end = cue.words.end_char
    if cue.source is not None and cue.source.start_char >= end:
        end = cue.source.end_char
    addressee = _addressee(cue)
    if addressee is not None:
        return addressee.end_char
    rest = doc_text(cue.words.doc)[end:end + 40].lower()
    for extension in lexicon.extensions:
        if rest.startswith(" " + extension) and not rest[len(extension) + 1:][:1].isalnum():
            return end + 1 + len(extension)
    return end


def _addressee(cue: Cue) -> SpacySpan | None:
    """The object right after "told" ("told Reuters", "told a news conference")."""
    verb = cue.words[-1]
    if verb.lemma_.lower() != "tell":
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "dative") and child.left_edge.i == verb.i + 1:
            return verb.doc[child.left_edge.i:child.i + 1]
    return None


def source_actor(words: SpacySpan | None, actor_index: dict[int, Actor]) -> Actor | None:
    """The resolved actor the source words name: head word first, then the others.

    With no resolved actor, an Actor made of the words themselves (name left empty for
    pronouns), so the source is never lost.
    """
    if words is None:
        return None
    appositions = [t for c in words.root.children if c.dep_ == "appos" for t in c.subtree]
    for token in [words.root, *words, *appositions]:
        actor = actor_index.get(token.i)
        if actor is not None:
            return replace(actor)
    name = None if words.root.pos_ == "PRON" else _without_determiner(words)
    return Actor(text=words.text, start=words.start_char, end=words.end_char, name=name)


def _without_determiner(words: SpacySpan) -> str:
    start = 0
    while start < len(words) - 1 and words[start].dep_ == "det":
        start += 1
    return words[start:].text
