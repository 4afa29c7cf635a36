"""The exception tree and its coded messages.

    EventwireError
    ├── InputError            an input cannot be read or coded (the batch records a Skip)
    │   ├── EmptyInput        nothing left after cleaning
    │   ├── BinaryInput       not text
    │   ├── DecodeError       bytes that no text encoding explains
    │   ├── MalformedInput    JSON / JSONL / HTML that does not parse or lacks a field
    │   ├── InputTooLarge     larger than the configured limit
    │   ├── UnsupportedLanguage  not English
    │   ├── UnreadableInput   a path that does not exist or cannot be opened
    │   └── FetchError        a URL that cannot be fetched
    │       ├── PrivateAddress   a loopback, private or link-local host (not allowed by default)
    │       ├── UnwantedContent  not a page, text or a feed
    │       └── FetchTooLarge    over the size cap
    ├── DataFileError         a packaged or user data file (lexicon, actors) is invalid
    ├── GoldError             a gold file does not follow the record schema
    ├── DatasetError          an unknown public data set, or its files are missing or malformed
    └── StoreError            the database file cannot be opened or written

Every message names the input and says what to do. Messages live here, once.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    code = "E000"


class InputError(EventwireError):
    """An input that cannot be read or coded; a batch records it as a Skip and goes on."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class DecodeError(InputError):
    code = "E103"


class MalformedInput(InputError):
    code = "E104"


class InputTooLarge(InputError):
    code = "E105"


class UnsupportedLanguage(InputError):
    code = "E106"


class UnreadableInput(InputError):
    code = "E107"


class FetchError(InputError):
    code = "E600"


class PrivateAddress(FetchError):
    code = "E601"


class UnwantedContent(FetchError):
    code = "E602"


class FetchTooLarge(FetchError):
    code = "E603"


class DataFileError(EventwireError):
    code = "E200"


class GoldError(EventwireError):
    code = "E300"


class DatasetError(EventwireError):
    code = "E400"


class StoreError(EventwireError):
    code = "E500"


MESSAGES = {
    "E101": "{source}: no article text is left after cleaning; give a file with the article's body.",
    "E102": "{source}: this is a binary file, not text or HTML; give the article as .txt, .html, .json or .jsonl.",
    "E103": "{source}: the bytes are not valid text in any common encoding; re-save the file as UTF-8.",
    "E104": "{source}: {detail}",
    "E105": "{source}: {size:,} characters is over the limit of {limit:,}; split the input or raise --max-chars.",
    "E106": "{source}: the text looks like '{language}', but eventwire codes English only; translate it first or pass --language-check off.",
    "E107": "{source}: cannot be read ({reason}); check the path and its permissions.",
    "E200": "{path}:{line}: {detail}",
    "E300": "{path}: {detail}",
    "E400": "no data set named '{name}'; known: {known}",
    "E401": "{name}: {path} is not there; pass --data-dir DIR, the folder holding the data sets",
    "E402": "{name}: {path}: {detail}",
    "E501": "no export format '{fmt}'; known: {known}",
    "E600": "{url}: cannot be fetched ({detail})",
    "E601": "{url}: resolves to {address}, a loopback, private or link-local address; pass --allow-private to fetch it",
    "E602": "{url}: the server sent {kind}, not an HTML page, text or a feed",
    "E603": "{url}: larger than {limit:,} bytes; raise --max-fetch-bytes to fetch it",
    "E500": "{path}: the database cannot be opened ({detail}); is another eventwire writing to it?",
}


def message(code: str, **values: object) -> str:
    """Format the catalogue message for ``code``."""
    return MESSAGES[code].format(**values)
