# Two entry points for a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## run the pipeline on the bundled seeds into output/, then validate the result
run: install
	$(BIN)/newsfacts run seeds --output output
	$(BIN)/newsfacts validate output

## run the whole test suite (unit, end-to-end, quality gates)
test: install-dev
	$(BIN)/python -m pytest

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[bench]'
	touch $@

## benchmark: full pipeline vs a bare read + regex pass and the spaCy peer (ARTICLES=N to resize)
ARTICLES ?= 3000
bench: $(VENV)/.installed-bench
	$(BIN)/python -m flows.bench --articles $(ARTICLES)

clean:
	rm -rf output $(VENV) .pytest_cache .bench
