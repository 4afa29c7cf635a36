"""Cleaning: the text every later stage reads, and whose offsets the record uses.

``clean_text`` turns extracted or plain text into one paragraph per line: it repairs
mojibake, normalises unicode (NFC) and whitespace, and drops the lines that are not
the article (adverts, sign-up prompts, tag lists, credits), whose patterns are data in
``data/lexicons/boilerplate.yaml``. ``check_language`` refuses what is not English.

Every line of the result ends with "\\n", the last included, so a cleaned article is a
POSIX text file and its lines can be concatenated without a join.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafiles import LINE, read_yaml
from .errors import DataFileError, UnsupportedLanguage, message

BOILERPLATE_FILE = Path(__file__).parent / "data" / "lexicons" / "boilerplate.yaml"

# Language identification: texts shorter than this are not judged, and a text is
# refused only when the identifier is at least this sure that it is not English.
MIN_WORDS_FOR_LANGUAGE = 20
MIN_LANGUAGE_CONFIDENCE = 0.9
LANGUAGE_SAMPLE_CHARS = 20_000  # the start of a long text is enough to tell its language

_TRAILING = " \t.:;,-–—|•>»"
_SPACES = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Zero-width characters and soft hyphens carry nothing a reader sees.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class BoilerplatePattern:
    """One compiled line pattern from boilerplate.yaml."""

    id: str
    regex: re.Pattern[str]
    max_words: int | None
    line: int


# "TAIPEI, May 21 (Meridian Wire) - ", "KYIV (AP) — ", "GOMA, Congo, April 8 -": the wire
# dateline names where the story was filed, not an actor of its first sentence.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\- ]{1,40})(?:, [A-Z][A-Za-z.'’\- ]{1,30})?(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"\s*(?:\([^)\n]{1,60}\))?\s*[-–—]+\s")


def dateline_end(text: str) -> int:
    """Offset just past a wire dateline at the start of ``text``, 0 when there is none."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def dateline_place(text: str) -> str | None:
    """The place a wire dateline names ("PORT SUDAN" -> "Port Sudan"), None without one."""
    match = _DATELINE.match(text)
    return match["place"].strip().title() if match else None


def clean_text(text: str) -> str:
    """Drop boilerplate lines and normalise; one paragraph per line, each ending in "\\n"."""
    lines = [line for line in normalise(text).split("\n") if line]
    kept = [line for line in lines if not is_boilerplate(line)]
    return "".join(line + "\n" for line in kept)


def normalise(text: str) -> str:
    """Repair mojibake, NFC, one space between words, stripped lines, no empty lines."""
    text = unicodedata.normalize("NFC", fix_mojibake(text))
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", _INVISIBLE.sub("", text))
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def is_boilerplate(line: str) -> bool:
    """True when a (normalised) line matches a pattern of boilerplate.yaml."""
    return boilerplate_match(line) is not None


def boilerplate_match(line: str) -> str | None:
    """The id of the pattern that drops ``line`` ("empty" for bare punctuation), or None."""
    key = line.strip().rstrip(_TRAILING)
    if not key.strip(_TRAILING):
        return "empty"
    words = len(key.split())
    for pattern in load_boilerplate():
        fits = pattern.max_words is None or words <= pattern.max_words
        if fits and pattern.regex.fullmatch(key):
            return pattern.id
    return None


@lru_cache(maxsize=4)
def load_boilerplate(path: Path = BOILERPLATE_FILE) -> tuple[BoilerplatePattern, ...]:
    """Read and compile boilerplate.yaml once; errors name the file and line."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise DataFileError(message("E200", path=path, line=1,
                                    detail="expected a top-level 'patterns:' list"))
    return tuple(_compile(_without_line(entry), path=path, line=_line(entry, 1))
                 for entry in data["patterns"])


def _line(entry: object, default: int) -> int:
    return entry.get(LINE, default) if isinstance(entry, dict) else default


def _without_line(entry: object) -> object:
    return {k: v for k, v in entry.items() if k != LINE} if isinstance(entry, dict) else entry


def _compile(entry: object, *, path: Path, line: int) -> BoilerplatePattern:
    """One pattern entry, checked: id and regex strings, max_words a positive int."""
    if not isinstance(entry, dict) or not isinstance(entry.get("regex"), str) \
            or not isinstance(entry.get("id"), str):
        raise DataFileError(message("E200", path=path, line=line,
                                    detail="each pattern needs an 'id' and a 'regex' string"))
    max_words = entry.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
        raise DataFileError(message("E200", path=path, line=line,
                                    detail="'max_words' must be a positive whole number"))
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    try:
        regex = re.compile(entry["regex"], flags)
    except re.error as error:
        detail = f"pattern '{entry['id']}' is not a valid regex: {error}"
        raise DataFileError(message("E200", path=path, line=line, detail=detail)) from error
    return BoilerplatePattern(id=entry["id"], regex=regex, max_words=max_words, line=line)


def check_language(text: str, *, source: str) -> str:
    """The text's language code; raise UnsupportedLanguage when surely not English.

    Texts under MIN_WORDS_FOR_LANGUAGE words are not judged (too short to tell) and
    count as English, as do texts the identifier is unsure about.
    """
    language, confidence = identify_language(text)
    if language != "en" and confidence >= MIN_LANGUAGE_CONFIDENCE:
        raise UnsupportedLanguage(message("E106", source=source, language=language))
    return "en"


def identify_language(text: str) -> tuple[str, float]:
    """(code, probability) from py3langid; ("en", 0.0) for texts too short to judge."""
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return "en", 0.0
    language, confidence = _identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(language), float(confidence)


@lru_cache(maxsize=1)
def _identifier():
    """The py3langid model with normalised probabilities, loaded once (~0.7 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# --- mojibake: UTF-8 bytes that were decoded as cp1252 (or latin-1) -----------------

def _byte_of_char() -> dict[str, int]:
    """Each cp1252 character, and each C1 control (latin-1), mapped to its byte."""
    table = {chr(b): b for b in range(0x80, 0xA0)}
    for b in range(0x80, 0x100):
        char = bytes([b]).decode("cp1252", errors="ignore")
        if char:
            table[char] = b
    return table


_BYTE_OF = _byte_of_char()


def _class(low: int, high: int) -> str:
    chars = "".join(c for c, b in _BYTE_OF.items() if low <= b <= high)
    return "[" + re.escape(chars) + "]"


_CONT = _class(0x80, 0xBF)
_MOJIBAKE = re.compile(
    f"(?:{_class(0xC2, 0xDF)}{_CONT}|{_class(0xE0, 0xEF)}{_CONT}{{2}}|{_class(0xF0, 0xF4)}{_CONT}{{3}})+"
)


def fix_mojibake(text: str) -> str:
    """Re-decode runs like "â€™" or "Ã©" that are UTF-8 read as cp1252 ("’", "é").

    A run is replaced only when its bytes are valid UTF-8, so ordinary accented
    text ("café", "Zürich") is never touched.
    """
    for _ in range(3):  # text encoded twice ("Ã¢â‚¬â„¢") takes two rounds
        fixed = _MOJIBAKE.sub(_redecode, text)
        if fixed == text:
            break
        text = fixed
    return text


def _redecode(match: re.Match[str]) -> str:
    raw = bytes(_BYTE_OF[c] for c in match.group())
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group()
