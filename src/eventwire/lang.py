"""Language identification with a library that ships its model (lingua)."""
from __future__ import annotations

from functools import lru_cache

from .settings import SUPPORTED_LANGS

# Languages we can tell apart; only fr and en are coded, the others are named in rejections.
_CANDIDATES = ("FRENCH", "ENGLISH", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH",
               "ARABIC", "RUSSIAN", "CHINESE", "TURKISH", "POLISH")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CANDIDATES]
    # trigram models only: ~20 MB instead of ~360 MB per worker, and articles are long enough
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:3000]
    if sum(ch.isalpha() for ch in sample) < 10:
        return None
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    return language.iso_code_639_1.name.lower()


def is_supported(lang: str | None) -> bool:
    return lang in SUPPORTED_LANGS
