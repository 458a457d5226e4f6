"""ISO 3166 alpha-3 -> (numeric code, English name): the keys world-atlas country shapes carry."""
from __future__ import annotations

from functools import lru_cache

SPECIAL = {"KSV": (None, "Kosovo"), "XKX": (None, "Kosovo")}


@lru_cache(maxsize=512)
def country_info(iso3: str) -> tuple[str | None, str]:
    if iso3 in SPECIAL:
        return SPECIAL[iso3]
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None, iso3
    return country.numeric, getattr(country, "common_name", None) or country.name
