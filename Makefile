# Two commands: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_ADS ?= 2000
DEMO_OUT ?= unveil-demo

.PHONY: demo test lint typecheck unit browser bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "unveil needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/unveil demo --ads $(DEMO_ADS) --out $(DEMO_OUT)

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks

typecheck: $(VENV)/.installed
	$(BIN)/mypy

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser:
	bash scripts/install-browser.sh

unit: $(VENV)/.installed browser
	$(BIN)/pytest -q

test: lint typecheck unit

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/analyze.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache build dist
