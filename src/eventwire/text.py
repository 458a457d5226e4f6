"""Small text helpers shared by the matchers (actors, places, API search)."""
from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """'Sécurité' -> 'Securite': the form accent-insensitive comparisons use."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
