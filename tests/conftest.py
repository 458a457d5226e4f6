"""Shared fixtures: the spaCy-backed pipeline loads once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_d01af30d1e087809.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code one clean text: (text, lang, published) -> events."""
    from eventwire.model import RawItem, content_id

    def run(text: str, lang: str, published: str | None = "2024-03-13"):
        item = RawItem(item_id=content_id(text), origin="test", content=text, kind="plain",
                       published=published, published_source="test" if published else None, lang=lang)
        result = pipeline.process_batch([item])
        assert not result.rejections, result.rejections
        return result.results[0].events

    return run
