"""The actor knowledge base: who a name, a capital or a common noun stands for.

Reads the YAML files of ``eventwire/data/actors/`` (countries, organizations, people,
agents) and any user files with the same schema, validates every entry and reports
``file:line: what is wrong`` as a DataFileError. A file is a mapping whose keys are
sections (``countries``, ``organizations``, ``people``, ``agents``, ``regions``, ``motion``,
``former``, ``references``); each section is a list. ``lookup`` resolves a phrase: a known
name; a known organization after its modifiers ("Russia's Baltic Fleet"); modifiers plus an
agent noun, a modifier's country coming from a country word, a known name or the gazetteer
("Shanghai police"), "former"/"retired" making a person an elite (ELI); a title plus a name;
an agent plus "of/in/from/for/at" a known country or body ("people in the UK"). Later files override earlier ones for the same alias, so a user
file can correct a packaged entry. Every ISO 3166-1 country missing from the files is
added from pycountry under its common name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from ..datafiles import LINE as _LINE, fail, read_yaml
from ..errors import DataFileError
from ..records import Actor
from .gazetteer import load_gazetteer

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
PACKAGED = ("countries.yaml", "organizations.yaml", "people.yaml", "agents.yaml")
KINDS = ("person", "organization", "state", "group")
SECTORS = frozenset(
    "GOV MIL COP JUD LEG REB PTY OPP BUS MED JRN CVL REF REL EDU LAB HLH NGO IGO SPY CRM UAF ELI "
    "AGR ENV MOD RAD UNK".split()
)
EXTRA_CODES = frozenset({"IGO", "XKX"})
DETERMINERS = ("the ", "a ", "an ")
FUNCTION_WORDS = frozenset({"of", "in", "for", "from", "at", "to", "and", "or", "with", "by", "on", "the", "a", "an"})
PLACE_PREPOSITIONS = frozenset({"of", "in", "from", "for", "at"})
PLACE_FEATURES = frozenset({"city", "admin1"})
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "SPY", "CRM"})
_SECTION_KEYS = {
    "countries": ({"code", "name"}, {"aliases", "adjectives", "demonyms", "capitals"}),
    "organizations": ({"name"}, {"aliases", "country", "sector", "kind"}),
    "people": ({"name", "country"}, {"aliases", "surname", "sector", "role"}),
    "agents": ({"sector", "kind", "words"}, set()),
    "references": ({"words", "to"}, set()),
}


@dataclass(frozen=True, slots=True)
class Entry:
    """What a known name resolves to; ``role`` is a person's office, ``capital`` a seat of government."""

    name: str
    country: str | None
    sector: str | None
    kind: str
    role: str | None = None
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Agent:
    """A common noun that names an actor ("troops" -> MIL group)."""

    sector: str
    kind: str


def _fail(path: Path | str, line: int, detail: str) -> DataFileError:
    return fail(path, line, detail)


def read_actor_file(path: Path | str) -> dict[str, Any]:
    """Parse one actor file and validate its sections; raise DataFileError at the bad line."""
    path = Path(path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise _fail(path, 1, "the file must be a mapping of sections (countries, organizations, people, agents, regions)")
    for section, items in data.items():
        if section == _LINE:
            continue
        if section in ("regions", "motion", "former"):
            _check_words(path, data[_LINE], items, section)
        elif section in _SECTION_KEYS:
            _check_section(path, section, items, data[_LINE])
        else:
            raise _fail(path, data[_LINE], f"unknown section '{section}'; use one of {', '.join([*_SECTION_KEYS, 'regions', 'motion', 'former'])}")
    return data


def _check_section(path: Path, section: str, items: Any, line: int) -> None:
    if not isinstance(items, list):
        raise _fail(path, line, f"section '{section}' must be a list of entries")
    required, optional = _SECTION_KEYS[section]
    seen: dict[str, int] = {}
    for item in items:
        if not isinstance(item, dict):
            raise _fail(path, line, f"every entry of '{section}' must be a mapping, not {item!r}")
        where = item[_LINE]
        keys = set(item) - {_LINE}
        if missing := sorted(required - keys):
            raise _fail(path, where, f"{section} entry lacks '{missing[0]}'")
        if unknown := sorted(keys - required - optional):
            raise _fail(path, where, f"{section} entry has unknown field '{unknown[0]}'")
        _check_fields(path, where, item)
        key = str(item.get("name") or item.get("code") or "")
        if key and key in seen:
            raise _fail(path, where, f"duplicate {section} entry '{key}' (first at line {seen[key]})")
        seen[key] = where


def _check_fields(path: Path, line: int, item: dict[str, Any]) -> None:
    """Check the value of each field an entry has."""
    for field in ("name", "code", "role", "surname"):
        if field in item and not isinstance(item[field], str):
            raise _fail(path, line, f"'{field}' must be text, not {item[field]!r}")
    for field in ("aliases", "adjectives", "demonyms", "capitals", "words", "to"):
        if field in item:
            _check_words(path, line, item[field], field)
    code = item.get("code", item.get("country"))
    if code is not None and not _known_code(code):
        raise _fail(path, line, f"'{code}' is not an ISO 3166-1 alpha-3 code or IGO")
    if item.get("sector") is not None and item["sector"] not in SECTORS:
        raise _fail(path, line, f"unknown sector '{item['sector']}'; use one of {', '.join(sorted(SECTORS))}")
    if "kind" in item and item["kind"] not in KINDS:
        raise _fail(path, line, f"unknown kind '{item['kind']}'; use one of {', '.join(KINDS)}")


def _check_words(path: Path, line: int, words: Any, field: str) -> None:
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise _fail(path, line, f"'{field}' must be a list of non-empty texts")


def _known_code(code: Any) -> bool:
    return isinstance(code, str) and (code in EXTRA_CODES or pycountry.countries.get(alpha_3=code) is not None)


def _strip_phrase(text: str) -> str:
    """Drop a leading article and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    text = " ".join(text.split())
    if text.lower().startswith(DETERMINERS):
        text = text.split(" ", 1)[1]
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


class ActorKB:
    """Names, capitals, nationality words and agent nouns, with the matchers built over them."""

    def __init__(self, files: tuple[Path | str, ...]) -> None:
        self.names: dict[str, Entry] = {}
        self.surnames: dict[str, Entry | None] = {}
        self.country_words: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        self.agents: dict[str, Agent] = {}
        self.regions: set[str] = set()
        self.motion: set[str] = set()
        self.former: set[str] = set()
        self.refers: dict[str, set[str]] = {}
        self.files = tuple(str(f) for f in files)
        for path in files:
            self._add_file(read_actor_file(path))
        self._add_pycountry()
        self._matchers: dict[int, tuple[PhraseMatcher, PhraseMatcher, dict[str, Any], dict[str, Agent]]] = {}

    def _add_file(self, data: dict[str, Any]) -> None:
        for item in data.get("countries", []):
            self._add_country(item)
        for item in data.get("organizations", []):
            entry = Entry(item["name"], item.get("country"), item.get("sector"), item.get("kind", "organization"))
            self._add_names(entry, [item["name"], *item.get("aliases", [])])
        for item in data.get("people", []):
            self._add_person(item)
        for item in data.get("agents", []):
            for word in item["words"]:
                self.agents[word.lower()] = Agent(item["sector"], item["kind"])
        self.regions.update(word.lower() for word in data.get("regions", []))
        self.motion.update(word.lower() for word in data.get("motion", []))
        self.former.update(word.lower() for word in data.get("former", []))
        for item in data.get("references", []):
            for word in item["words"]:
                self.refers.setdefault(word.lower(), set()).update(item["to"])

    def _add_country(self, item: dict[str, Any]) -> None:
        code, name = item["code"], item["name"]
        self.country_names[code] = name
        state = Entry(name, code, "GOV", "state")
        self._add_names(state, _with_upper([name, *item.get("aliases", [])]))
        capital = Entry(name, code, "GOV", "state", capital=True)
        self._add_names(capital, _with_upper(item.get("capitals", [])))
        for demonym in item.get("demonyms", []):
            self._add_names(Entry(demonym, code, "CVL", "group"), [demonym])
        for word in [name, *item.get("aliases", []), *item.get("adjectives", []), *item.get("capitals", [])]:
            self.country_words[_strip_phrase(word)] = code

    def _add_person(self, item: dict[str, Any]) -> None:
        entry = Entry(item["name"], item["country"], item.get("sector", "GOV"), "person",
                      role=(item.get("role") or "").lower() or None)
        self._add_names(entry, [item["name"], *item.get("aliases", [])])
        surname = item.get("surname", _last_word(item["name"]))
        if not surname:
            return
        if surname in self.surnames:
            known = self.surnames[surname]
            self.surnames[surname] = entry if known is not None and known.name == entry.name else None
        else:
            self.surnames[surname] = entry

    def _add_names(self, entry: Entry, aliases: list[str]) -> None:
        """Each alias without a leading "The", unless one word would be left ("The Times")."""
        for alias in aliases:
            alias = " ".join(alias.split())
            stripped = _strip_phrase(alias)
            self.names[stripped if " " in stripped else alias] = entry

    def _add_pycountry(self) -> None:
        """Every ISO country the files lack, under its common name."""
        for country in pycountry.countries:
            if country.alpha_3 in self.country_names:
                continue
            name = getattr(country, "common_name", None) or country.name
            self.country_names[country.alpha_3] = name
            self._add_names(Entry(name, country.alpha_3, "GOV", "state"), [name])
            self.country_words[name] = country.alpha_3

    def country_of(self, word: str) -> str | None:
        """The ISO alpha-3 code a country name, alias, adjective or capital stands for."""
        word = _strip_phrase(word)
        code = self.country_words.get(word) or self.country_words.get(word[:1].upper() + word[1:])
        if code is None and word in self.names and self.names[word].kind == "group":
            code = self.names[word].country
        return code

    def entry(self, text: str, *, surnames: bool = True) -> Entry | None:
        """The entry of a name or alias as written (surnames only when asked)."""
        text = " ".join(text.split())
        found = self.names.get(text) or self.names.get(_strip_phrase(text))
        text = _strip_phrase(text)
        if found is None and surnames:
            found = self.surnames.get(text)
        return found

    def lookup(self, text: str) -> Actor | None:
        """Resolve a phrase ("Kremlin", "Russian foreign minister") to an Actor; offsets span the phrase."""
        found = self.entry(text)
        if found is not None:
            return Actor(text, 0, len(text), found.name, found.country, found.sector, found.kind)
        return self._known_head(text) or self._compose(text) or self._titled(text) or self._prepositional(text)

    def _known_head(self, text: str) -> Actor | None:
        """A known organization after its modifiers: "Russia's Baltic Fleet", "Kurdish-led SDF"."""
        words = _strip_phrase(text).split()
        for cut in range(1, len(words)):
            known = self.entry(" ".join(words[cut:]), surnames=False)
            if known is None or known.kind == "person" or FUNCTION_WORDS.intersection(w.lower() for w in words[:cut]):
                continue
            owner = next((c for w in words[:cut] if (c := self.country_of(w))), None)
            if owner is not None and known.country not in (None, owner):
                return None  # "Chile's Defense Department" is not the Pentagon
            return Actor(text, 0, len(text), known.name, known.country or owner, known.sector, known.kind)
        return None

    def _prepositional(self, text: str) -> Actor | None:
        """An agent, then "of/in/from/for/at" a known country or body: "people in the UK",
        "president of the Riigikogu". An armed agent takes no country from "in" (troops in X)."""
        words = _strip_phrase(text).split()
        cuts = [i for i, w in enumerate(words) if w.lower() in PLACE_PREPOSITIONS and i > 0]
        first = next((i for i in cuts if self._compose(" ".join(words[:i]))), None)
        if first is None:
            return None
        head = self._compose(" ".join(words[:first]))
        for i in (i for i in cuts if i >= first):
            if words[i].lower() == "in" and head.sector in ARMED_SECTORS:
                continue
            for j in range(len(words), i + 1, -1):
                tail = " ".join(words[i + 1:j])
                known = self.entry(tail, surnames=False)
                country = self.country_of(tail) or (known.country if known else None)
                if country is None:
                    continue
                sector = head.sector
                if sector == "GOV" and known is not None and known.kind == "organization" and known.sector:
                    sector = known.sector
                return Actor(text, 0, len(text), head.name, head.country or country, sector, head.kind)
        return head

    def _titled(self, text: str) -> Actor | None:
        """A title, then a name: "Russian president Vladimir Putin", "French foreign minister Jean Dupont".

        A known full name wins at any cut; a bare known surname only after a title ("Secretary
        Hicks", not "Adam Curtis Brown"). A title of another sector than GOV gives the sector
        ("US Senator X" is LEG even when X is also a minister); the title's country fills a gap.
        """
        words = _strip_phrase(text).split()
        cuts = [cut for cut in range(1, len(words)) if all(word[:1].isupper() for word in words[cut:])]
        for cut in cuts:
            known = self.entry(" ".join(words[cut:]), surnames=False)
            if known is not None and known.kind == "person":
                return self._with_title(text, known, self._compose(" ".join(words[:cut])))
        for cut in reversed(cuts):
            name = " ".join(words[cut:])
            title = self._compose(" ".join(words[:cut]))
            if title is None or title.kind != "person":
                continue
            known = self.surnames.get(name) if " " not in name else None
            if known is not None:
                return self._with_title(text, known, title)
            return Actor(text, 0, len(text), name, title.country, title.sector, "person")
        return None

    def _with_title(self, text: str, known: Entry, title: Actor | None) -> Actor:
        sector, country = known.sector, known.country
        if title is not None and title.kind == "person" and title.sector not in (None, "GOV"):
            sector = title.sector
        return Actor(text, 0, len(text), known.name, country or (title.country if title else None), sector, "person")

    def _compose(self, text: str) -> Actor | None:
        """A modifier-plus-agent phrase: the longest agent suffix, a country or organization before it."""
        words = _strip_phrase(text).split()
        for cut in range(len(words)):
            agent = self.agents.get(" ".join(words[cut:]).lower())
            if agent is None:
                continue
            country, sector = None, agent.sector
            for modifier in self._modifier_phrases(words[:cut]):
                if modifier.lower() in self.regions:
                    country = None
                    break
                known = self.entry(modifier)
                place = modifier.rsplit("-", 1)[0] if modifier.lower().endswith("-based") else modifier
                country = (self.country_of(place) or (known.country if known else None)
                           or self._place_country(place) or country)
                named = self.agents.get(modifier.lower())
                if sector == "GOV" and known is not None and known.kind == "organization" and known.sector:
                    sector = known.sector
                elif sector == "GOV" and named is not None and named.kind == "organization":
                    sector = named.sector
            if agent.kind == "person" and self.former.intersection(w.lower() for w in words[:cut]):
                sector = "ELI"
            return Actor(text, 0, len(text), " ".join(words), country, sector, agent.kind)
        return None

    def _place_country(self, word: str) -> str | None:
        """The country of a city or province named before an agent ("Shanghai police")."""
        if not word[:1].isupper() or word.lower() in self.regions:
            return None
        place = load_gazetteer().resolve(word)
        return place.country if place is not None and place.feature in PLACE_FEATURES else None

    def _modifier_phrases(self, words: list[str]) -> list[str]:
        """Modifier words of a phrase, keeping known two-word names together ("South Korean")."""
        phrases: list[str] = []
        i = 0
        while i < len(words):
            pair = " ".join(words[i:i + 2])
            width = 2 if i + 1 < len(words) and (self.country_of(pair) or self.entry(pair)) else 1
            phrases.append(" ".join(words[i:i + width]))
            i += width
        return phrases

    def matchers(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[str, Any], dict[str, Agent]]:
        """Phrase matchers over names (exact case) and agent nouns (lower case), built once per vocab."""
        if id(vocab) not in self._matchers:
            self._matchers[id(vocab)] = self._build_matchers(vocab)
        return self._matchers[id(vocab)]

    def _build_matchers(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[str, Any], dict[str, Agent]]:
        tokenizer = English(vocab=vocab).tokenizer
        known = {text: entry for text, entry in self.surnames.items() if entry is not None}
        known.update(self.names)
        name_patterns = list(tokenizer.pipe(known))
        names = {token_key(p[:]): entry for p, entry in zip(name_patterns, known.values())}
        name_matcher = PhraseMatcher(vocab, attr="ORTH")
        name_matcher.add("ACTOR_NAME", name_patterns)
        nouns = {word: Agent("UNK", "organization") for word in self.refers}
        nouns.update(self.agents)
        # Tokenized as written and capitalized: "sen." splits where "Sen." stays one token.
        variants = [(form, agent) for word, agent in nouns.items() for form in {word, word[:1].upper() + word[1:]}]
        agent_patterns = list(tokenizer.pipe(form for form, _ in variants))
        agents = {token_key(p[:]).lower(): agent for p, (_, agent) in zip(agent_patterns, variants)}
        agent_matcher = PhraseMatcher(vocab, attr="LOWER")
        agent_matcher.add("ACTOR_AGENT", agent_patterns)
        return name_matcher, agent_matcher, names, agents

    def is_surname(self, entry: Entry, text: str) -> bool:
        """Whether ``text`` reaches ``entry`` only as a surname (needs a PERSON tag to count)."""
        return text not in self.names and self.surnames.get(text) is entry


def token_key(span: SpacySpan) -> str:
    """Tokens joined by single spaces: the key both patterns and matches are looked up by."""
    return " ".join(token.text for token in span)


def _with_upper(names: list[str]) -> list[str]:
    """Names plus their upper-case form, as datelines write them ("TEHRAN")."""
    return [*names, *(n.upper() for n in names if len(n) > 3 and n.upper() != n)]


def _last_word(name: str) -> str | None:
    words = [w for w in name.split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")]
    return words[-1] if len(words) > 1 else None


@lru_cache(maxsize=8)
def load_actor_kb(*, extra_files: tuple[str, ...] = ()) -> ActorKB:
    """The packaged actor files plus ``extra_files`` (later wins), loaded once per tuple of files."""
    return ActorKB((*(DATA_DIR / name for name in PACKAGED), *extra_files))
