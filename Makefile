# Two entry points for a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-dev clean

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

clean:
	rm -rf output $(VENV) .pytest_cache
