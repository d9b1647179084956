# One-command setup: every target bootstraps .venv from pyproject.toml (+ constraints.txt).
PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
BUILD   ?= _build
SPHINXOPTS ?= -W --keep-going -n
STAMP   := $(VENV)/.installed
NODE    := tests/node
NODE_STAMP := $(NODE)/node_modules/.installed

.PHONY: html test lint typecheck live clean bench check screenshots

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,live]'
	touch $@

# The tests' JavaScript consumers (Nu HTML Checker, citation.js/citeproc-js), from the lock file.
$(NODE_STAMP): $(NODE)/package.json $(NODE)/package-lock.json
	npm ci --prefix $(NODE) --no-audit --no-fund --loglevel=error
	touch $@

html: $(STAMP)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILD)/html

check: $(STAMP)
	$(BIN)/python -m tools.proceedings check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck $(NODE_STAMP)
	$(BIN)/python -m pytest

live: $(STAMP)
	$(BIN)/sphinx-autobuild $(SPHINXOPTS) . $(BUILD)/html

screenshots: $(STAMP)
	$(BIN)/python -m pytest -q tests/site/browser/test_screenshots.py

bench: $(STAMP)
	$(BIN)/python -m bench --jobs

clean:
	rm -rf $(BUILD) proceedings/*/papers proceedings/people
