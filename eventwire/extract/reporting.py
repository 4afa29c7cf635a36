"""Reporting cues shared by the QUOTES and ATTRIBUTION stages.

Reads ``data/lexicons/reporting.yaml`` (reporting verbs with their stance, multi-word
cues, evidentials) and finds, over a parsed Doc, the cue that governs a token: the
reporting verb or "according to" whose claim contains it, with the words naming the
source. Both stages turn a ``Cue`` into their own record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Iterator
from pathlib import Path

import yaml
from spacy.tokens import Span as SpacySpan, Token

from ..errors import DataFileError, message
from ..records import Actor

LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "reporting.yaml"
STANCES = ("neutral", "assert", "doubt", "deny", "warn", "wish")
FRAMES = ("source_follows", "passive_speaker")
EVIDENTIAL_KINDS = ("adverb", "passive")
# Dependency labels under a reporting verb that hold the claim it reports.
CLAIM_DEPS = ("ccomp", "xcomp", "parataxis")
OBJECT_DEPS = ("dobj", "nsubjpass")
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
    if _is_passive(token):
        agent = _agent(token)
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
    if not _is_passive(prep.head):
        return None
    return token.doc[prep.head.i:token.i + 1]


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def _agent(verb: Token) -> SpacySpan | None:
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


def claim_cues(token: Token, lexicon: Lexicon, *, outside: tuple[int, int] | None = None,
               speech: bool = False) -> Iterator[Cue]:
    """Every cue whose claim contains ``token``, closest first: walk up the parse from it.

    At each word on the way up, an aside hanging on it ("according to X", ", officials
    said" as parataxis, "as X reported", "a charge X denies") counts, then the word's
    head when the word is that head's claim (ccomp, xcomp, parataxis; the object of
    verbs like "announce"). The token's own reporting verb and its subject are not in
    the claim. ``outside`` (a character range) skips cues whose words lie inside it.
    With ``speech`` (quotes), any path up counts except through a subject, and speech
    acts are cues too ("X condemned the 'barbaric' attacks").
    """
    node, came_from = token, None
    while True:
        yield from _aside_cues(node, came_from, lexicon, outside)
        head = node.head
        if head.i == node.i:
            return
        if node.i == token.i and _charge_on_act(token, head, lexicon):
            pass
        elif _is_claim_of(node, head, lexicon) or (speech and node.dep_ not in SUBJECT_DEPS):
            cue = cue_of(head, lexicon, speech=speech)
            if cue is not None and cue.source is not None and not _within(cue.words, outside):
                yield cue
        elif node.dep_ not in SUBJECT_DEPS and verb_entry(head, lexicon, speech=True) is SPEECH_ACT:
            yield from _charge_cues(token, head, lexicon)
        node, came_from = head, node


def _charge_on_act(act: Token, head: Token, lexicon: Lexicon) -> bool:
    """ "X accused Y of ..., a charge Z denies" parsed with "accused" under "denies": the
    denial is of the accusation's content, not of the act of accusing."""
    if verb_entry(act, lexicon, speech=True) is not SPEECH_ACT:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.claim_nouns and c.i > act.i
               for c in head.children)


def _charge_cues(token: Token, act: Token, lexicon: Lexicon) -> Iterator[Cue]:
    """ "X accused Y of <token> ..., a charge Z denies": Z is the source of the accusation's
    content (the accusation itself is X's act, never attributed)."""
    for noun in act.subtree:
        if noun.i > token.i and noun.lemma_.lower() in lexicon.claim_nouns and noun.i > 0 \
                and noun.doc[noun.left_edge.i - 1].text == ",":
            cue = _commented_claim(noun, lexicon)
            if cue is not None:
                yield cue


def claim_cue(token: Token, lexicon: Lexicon, *, outside: tuple[int, int] | None = None
              ) -> Cue | None:
    """The closest cue whose claim contains ``token`` (see ``claim_cues``)."""
    return next(claim_cues(token, lexicon, outside=outside), None)


def pick_cue(cues: Iterable[Cue], actor_index: dict[int, Actor], lexicon: Lexicon) -> Cue | None:
    """The closest cue, passing over an unnamed document ("according to a statement")
    when a cue further up names who issued it."""
    first = None
    for cue in cues:
        if first is None:
            first = cue
            if not _unnamed_document(cue, actor_index, lexicon):
                return cue
        elif not _unnamed_document(cue, actor_index, lexicon):
            return cue
    return first


def _unnamed_document(cue: Cue, actor_index: dict[int, Actor], lexicon: Lexicon) -> bool:
    if cue.source is None or cue.source.root.lemma_.lower() not in lexicon.documents:
        return False
    return not any(token.i in actor_index for token in cue.source.root.subtree)


def _is_claim_of(node: Token, head: Token, lexicon: Lexicon) -> bool:
    """Whether ``node`` heads what ``head`` reports (its ccomp, "and that ..." conjunct, object)."""
    if node.dep_ in CLAIM_DEPS:
        return True
    if node.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
        return verb_entry(head, lexicon) is not None
    entry = verb_entry(head, lexicon)
    return node.dep_ in OBJECT_DEPS and entry is not None and entry.objects


def _aside_cues(node: Token, came_from: Token | None, lexicon: Lexicon,
                outside: tuple[int, int] | None) -> Iterator[Cue]:
    """Cues attached to ``node`` as an aside: "according to X", ", X said", "as X said"."""
    for child in node.children:
        if came_from is not None and child.i == came_from.i:
            continue
        if came_from is not None and child.lemma_.lower() in lexicon.claim_nouns:
            cue = _commented_claim(child, lexicon)
        elif _is_aside(child):
            cue = cue_of(child, lexicon)
        else:
            continue
        if cue is not None and cue.source is not None and not _within(cue.words, outside):
            yield cue


def _commented_claim(noun: Token, lexicon: Lexicon) -> Cue | None:
    """ "..., a charge the government denies": the cue of the clause on the claim noun."""
    if noun.pos_ != "NOUN" or noun.dep_ in SUBJECT_DEPS:
        return None
    for child in noun.children:
        if child.dep_ == "relcl":
            cue = cue_of(child, lexicon)
            if cue is not None and cue.source is not None:
                return cue
    return None


def _is_aside(child: Token) -> bool:
    """Whether ``child`` could be a reporting aside on its head's clause."""
    if child.lower_ == "according":
        return True
    if child.dep_ == "relcl":
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in child.children):
        return False
    if child.dep_ == "parataxis":
        return True
    if child.dep_ == "conj":
        before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        return before is not None and before.text == ","
    return child.dep_ == "advcl" and any(c.lower_ == "as" for c in child.children)


def _within(words: SpacySpan, outside: tuple[int, int] | None) -> bool:
    if outside is None:
        return False
    return words.start_char >= outside[0] and words.end_char <= outside[1]


def hedged(token: Token, lexicon: Lexicon | None = None) -> bool:
    """Whether ``token``'s clause is hedged with no source: "reportedly", "is said to"."""
    lexicon = lexicon or load_reporting()
    node = token
    while True:
        if any(c.dep_ == "advmod" and c.lower_ in lexicon.hedge_adverbs for c in node.children):
            return True
        head = node.head
        if head.i == node.i:
            return False
        if (node.dep_ in ("xcomp", "ccomp") and _is_passive(head) and _agent(head) is None
                and head.lemma_.lower() in lexicon.hedge_passives):
            return True
        node = head


def cue_span_end(cue: Cue, lexicon: Lexicon) -> int:
    """Where the attribution's words end: after the cue, or after "reporters" / "in a statement"."""
    end = cue.words.end_char
    if cue.source is not None and cue.source.start_char >= end:
        end = cue.source.end_char
    rest = cue.words.doc.text[end:end + 40].lower()
    for extension in lexicon.extensions:
        if rest.startswith(" " + extension) and not rest[len(extension) + 1:][:1].isalnum():
            return end + 1 + len(extension)
    return end


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
