# One-command setup: every target bootstraps .venv from pyproject.toml (+ constraints.txt).
PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
BUILD   ?= _build
SPHINXOPTS ?= -W --keep-going -n
SITE    ?= .
DATA    := $(SITE)/proceedings/data
STAMP   := $(VENV)/.installed
NODE    := tests/node
NODE_STAMP := $(NODE)/node_modules/.installed

.PHONY: html test lint typecheck live clean bench check screenshots lighthouse new-edition import

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,live]'
	touch $@

# The tests' JavaScript consumers (Nu HTML Checker, citation.js/citeproc-js) and Lighthouse, from
# the lock file.
$(NODE_STAMP): $(NODE)/package.json $(NODE)/package-lock.json
	npm ci --prefix $(NODE) --no-audit --no-fund --loglevel=error
	touch $@

html: $(STAMP)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) $(SITE) $(BUILD)/html

# The organizer's commands (README, "An edition's year"); each works on a fresh clone.
check: $(STAMP)
	$(BIN)/python -m tools.proceedings check --series $(DATA)

# make new-edition YEAR=2027 HOST="ACM CoNEXT 2027" [HOST_SHORT= CITY= COUNTRY= TIMEZONE=
#   DATE= START= END= VENUE=]: what is not given is not known.
new-edition: $(STAMP)
	$(if $(YEAR),,$(error give the edition's year: make new-edition YEAR=2027 HOST="..."))
	$(BIN)/python -m tools.proceedings new-edition $(YEAR) --series $(DATA) --site $(SITE) \
	  $(if $(HOST),--host "$(HOST)") $(if $(HOST_SHORT),--host-short "$(HOST_SHORT)") \
	  $(if $(CITY),--city "$(CITY)") $(if $(COUNTRY),--country "$(COUNTRY)") \
	  $(if $(TIMEZONE),--timezone "$(TIMEZONE)") $(if $(DATE),--date "$(DATE)") \
	  $(if $(START),--start "$(START)") $(if $(END),--end "$(END)") \
	  $(if $(VENUE),--venue "$(VENUE)")

# make import FILE=export.json YEAR=2027 [AUTHORS=authors.csv] [DRY_RUN=1]: HotCRP JSON, CSV
# or BibTeX merged into proceedings/data/YEAR/papers.yaml.
import: $(STAMP)
	$(if $(and $(FILE),$(YEAR)),,$(error give the file and the edition: make import FILE=... YEAR=2027))
	$(BIN)/python -m tools.proceedings import "$(FILE)" --edition $(YEAR) --series $(DATA) \
	  $(if $(AUTHORS),--authors "$(AUTHORS)") $(if $(DRY_RUN),--dry-run)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck $(NODE_STAMP)
	$(BIN)/python -m pytest

live: $(STAMP)
	$(BIN)/sphinx-autobuild $(SPHINXOPTS) $(SITE) $(BUILD)/html

screenshots: $(STAMP)
	$(BIN)/python -m pytest -q tests/site/browser/test_screenshots.py

bench: $(STAMP)
	$(BIN)/python -m bench

# Lighthouse 12 (mobile) on the home, volume and paper pages of the built site, served gzipped
# on 127.0.0.1 as GitHub Pages serves it; PASS: performance >= 95, the other three 100.
lighthouse: html $(NODE_STAMP)
	$(BIN)/python -m bench.lighthouse $(BUILD)/html

clean:
	rm -rf $(BUILD) proceedings/*/papers
