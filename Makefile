# Two entry points, both self-contained on a fresh machine (Python 3.11, package registries only).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SEED   := ../shared/seed/000_d01af30d1e087809.txt

.PHONY: setup demo test bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	@if [ -f $(SEED) ]; then \
	  echo "== eventwire code $(SEED) --published 2018-04-25"; \
	  $(VENV)/bin/eventwire code $(SEED) --published 2018-04-25; fi
	@echo "== eventwire code samples/corpus --summary"
	$(VENV)/bin/eventwire code samples/corpus --summary

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/bench_code.py

clean:
	rm -rf $(VENV) .pytest_cache
