"""The dashboard served by a real uvicorn server on 127.0.0.1 (in a thread), and Debian's chromium
driven by Playwright. No browser is downloaded: without /usr/bin/chromium the browser tests skip."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from ..api.corpus import build_database

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, pipeline):
    return build_database(tmp_path_factory.mktemp("web"), pipeline)


@pytest.fixture(scope="session")
def server(web_db, pipeline):
    """Base URL of `eventwire serve`'s app over the test database."""
    import uvicorn

    from eventwire.api import ApiLimits, create_app

    app = create_app(web_db, pipeline=pipeline, limits=ApiLimits(rate_burst=0))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (`apt-get install chromium`; "
                    "`make test` installs it)")
    from eventwire.web import vendor_missing

    if vendor_missing():
        pytest.skip(f"the dashboard's front-end libraries are not built ({', '.join(vendor_missing())}): run `make setup`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the playwright Python package (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page; fails the test on any JavaScript error or any request leaving the test server."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text} {message.location}")
            if message.type == "error" else None)
    page.on("request", lambda request: problems.append(f"request left the server: {request.url}")
            if not request.url.startswith(server) and not request.url.startswith("data:") else None)
    yield page
    context.close()
    assert not problems, problems
