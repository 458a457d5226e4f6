"""An API over a small database ingested once per session from tests/api/corpus.py."""
from __future__ import annotations

import shutil
import warnings

import pytest

from .corpus import build_database

with warnings.catch_warnings():  # starlette 1.x warns, once, that its TestClient still uses httpx
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-4f1c"


@pytest.fixture(scope="session")
def api_db(tmp_path_factory, pipeline):
    return build_database(tmp_path_factory.mktemp("api"), pipeline)


@pytest.fixture
def db_copy(api_db, tmp_path):
    """A copy of the database that a test may write to."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(api_db, path)
    return path


def make_client(path, pipeline, **kwargs):
    from eventwire.api import ApiLimits, create_app

    kwargs.setdefault("limits", ApiLimits(rate_burst=0))
    app = create_app(path, pipeline=pipeline, **kwargs)
    return TestClient(app)


@pytest.fixture(scope="module")
def client(api_db, pipeline):
    """Read-only use: shared by a module; ingest is enabled with TOKEN."""
    with make_client(api_db, pipeline, token=TOKEN) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def con(api_db, client):
    """A cursor on the server's own connection, to check answers against SQL."""
    cursor = client.app.state.eventwire.store.con.cursor()
    yield cursor
    cursor.close()
