# frontierguard: two set-up commands, `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
FG     := $(VENV)/bin/frontierguard
DEMO   ?= demo-out

.PHONY: install dev browser demo demo-serve test check lint typecheck imports clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

## install: the virtual environment and an editable install (no extras)
install: $(VENV)/.installed

$(VENV)/.dev-installed: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install -q -e '.[dev,spark]'
	touch $@

dev: $(VENV)/.dev-installed

## browser: Debian's Chromium for the end-to-end page tests (skipped if it cannot be installed)
browser:
	@bash scripts/install-browser.sh

## demo: simulate labelled traffic, ingest it, detect campaigns, write the HTML report
demo: install
	$(FG) simulate --out $(DEMO)/sim --accounts 1500 --days 7 --seed 7
	$(FG) ingest $(DEMO)/sim/events.parquet --db $(DEMO)/frontierguard.duckdb
	$(FG) detect --db $(DEMO)/frontierguard.duckdb --releases $(DEMO)/sim/releases.csv --out $(DEMO)/detect
	$(FG) eval --detections $(DEMO)/detect --labels $(DEMO)/sim/labels.csv
	@echo "report: $(abspath $(DEMO)/detect/report.html)"
	@echo "gateway: $(FG) gateway --upstream http://127.0.0.1:9000 --db $(DEMO)/frontierguard.duckdb --watchlist $(DEMO)/detect/accounts.csv"
	@echo "  (admin token for /gateway/metrics: $(FG) tokens create --role admin --db $(DEMO)/frontierguard.duckdb)"

## demo-serve: after `make demo`, serve the demo store and print its URL and an admin token
demo-serve: demo
	@bash scripts/demo-serve.sh

## test: the whole suite (installs dev and spark extras, and Chromium where possible)
test: dev browser
	$(PY) -m pytest -q -n 2 --dist loadgroup

## check: lint, strict typing, the import contracts (.importlinter) and the tests
lint: dev
	$(VENV)/bin/ruff check src tests benchmarks
typecheck: dev
	$(VENV)/bin/mypy
imports: dev
	$(VENV)/bin/lint-imports
check: lint typecheck imports test

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .mypy_cache .ruff_cache
