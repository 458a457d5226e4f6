# Two entry points, both self-contained on a fresh machine (Python 3.11, package registries only).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SEED   := ../shared/seed/000_d01af30d1e087809.txt
# The dashboard's front-end files (ECharts, htmx, topojson-client, world-atlas, Swagger UI): from the
# npm registry, copied into the static directory the server serves. Git-ignored, rebuilt here.
VENDOR := src/eventwire/web/static/vendor/.built-stamp
DEMO_DB   ?= demo.duckdb
DEMO_PORT ?= 8000

.PHONY: setup demo test bench clean chromium

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,ray]"
	touch $(STAMP)

$(VENDOR): package.json package-lock.json scripts/vendor_web.mjs
	command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm)
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	node scripts/vendor_web.mjs
	touch $(VENDOR)

setup: $(STAMP) $(VENDOR)

# The browser tests drive Debian's chromium through Playwright (no browser download).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium) \
	  || echo "make: could not install chromium: the browser tests will be skipped"

demo: setup
	@if [ -f $(SEED) ]; then \
	  echo "== eventwire code $(SEED) --published 2018-04-25"; \
	  $(VENV)/bin/eventwire code $(SEED) --published 2018-04-25; fi
	@echo "== eventwire code samples/corpus --summary"
	$(VENV)/bin/eventwire code samples/corpus --summary
	@echo "== eventwire ingest samples/corpus --db $(DEMO_DB)"
	$(VENV)/bin/eventwire ingest samples/corpus --db $(DEMO_DB) --quiet
	@echo "== eventwire serve --db $(DEMO_DB): open http://127.0.0.1:$(DEMO_PORT)/ (Ctrl-C to stop)"
	$(VENV)/bin/eventwire serve --db $(DEMO_DB) --port $(DEMO_PORT)

test: setup chromium
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/bench_code.py

clean:
	rm -rf $(VENV) .pytest_cache node_modules src/eventwire/web/static/vendor
