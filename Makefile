# Two commands: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_ADS ?= 2000
DEMO_OUT ?= unveil-demo

.PHONY: demo test lint typecheck unit browser java bench bench-spark clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "unveil needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The Spark extra (pyspark, built from source on first install: a few minutes), for the tests and
# `--engine spark`; `make demo` does not need it.
$(VENV)/.installed-spark: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,spark]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/unveil demo --ads $(DEMO_ADS) --out $(DEMO_OUT)

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks

typecheck: $(VENV)/.installed-spark
	$(BIN)/mypy

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser:
	bash scripts/install-browser.sh

# A Java 17+ runtime for Spark (tests/spark); Debian's OpenJDK when missing.
java:
	bash scripts/install-java.sh

unit: $(VENV)/.installed-spark browser java
	$(BIN)/pytest -q

test: lint typecheck unit

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/analyze.py

bench-spark: $(VENV)/.installed-spark java
	$(BIN)/python benchmarks/spark.py --sizes 100000 1000000 --record

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache build dist
