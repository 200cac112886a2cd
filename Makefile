# One task runner. Every target creates the virtual environment it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: setup serve build build-offline publish check import-report draft-plan schema lint test test-all clean

# What is given on make's command line (FILE=, PERIOD=, DATE=, NUMBER=, REPLACE=, DEST=, BASE_URL=, OFFLINE=, TEXT=, OUT=)
# reaches the programs through the environment, exactly as typed: $(value …) keeps make from expanding a
# '$', and the recipes only ever write "$$MAKE_ARG_…" in double quotes, so no value is pasted into a
# shell command. A name with spaces, quotes, '$' or backticks is a name, never a command.
export MAKE_ARG_FILE := $(value FILE)
export MAKE_ARG_PERIOD := $(value PERIOD)
export MAKE_ARG_DATE := $(value DATE)
export MAKE_ARG_NUMBER := $(value NUMBER)
export MAKE_ARG_REPLACE := $(value REPLACE)
export MAKE_ARG_DEST := $(value DEST)
export MAKE_ARG_BASE_URL := $(value BASE_URL)
export MAKE_ARG_OFFLINE := $(value OFFLINE)
export MAKE_ARG_TEXT := $(value TEXT)
export MAKE_ARG_OUT := $(value OUT)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed  ## create .venv with the pinned dependencies

serve: setup  ## serve the site on http://127.0.0.1:8000 with live reload of docs/ and plan/ edits (--dirty: only pages that changed are written again, plannav/generator/rewriting.py)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --livereload --dirty --dev-addr 127.0.0.1:8000

# Built like a publication: into a new release, then `site` is switched to it, so a failed build
# (any plan problem, missing page, broken link or external fetch) leaves the previous site untouched.
# A site/ folder left by a plain `mkdocs build` is moved aside (site.before-publish-<time>), not deleted.
build: setup  ## build the site into site/
	$(BIN)/python scripts/publish.py site --replace

build-offline: setup  ## build a copy that works opened from disk (file://) into site-offline/, as atomically
	$(BIN)/python scripts/publish.py site-offline --offline --replace

# make draft-plan TEXT=decision.txt OUT=draft/ [REPLACE=1]
draft-plan: setup  ## draft a plan folder from a decision's plain text; uncertain readings listed in OUT/REVIEW.md
	@test -n "$$MAKE_ARG_TEXT" -a -n "$$MAKE_ARG_OUT" || { echo "make draft-plan: give TEXT=<decision.txt> OUT=<folder>" >&2; exit 2; }
	$(BIN)/python -m plannav draft-plan "$$MAKE_ARG_TEXT" "$$MAKE_ARG_OUT" --replace "$$MAKE_ARG_REPLACE"

# make publish DEST=/var/www/ke-hoach-06 [BASE_URL=http://intranet.local/ke-hoach-06/] [OFFLINE=1] [REPLACE=1]
publish: setup  ## build into a new release and switch DEST to it atomically; a failed build changes nothing
	@test -n "$$MAKE_ARG_DEST" || { echo "make publish: say where, e.g. make publish DEST=/var/www/ke-hoach-06" >&2; exit 2; }
	$(BIN)/python scripts/publish.py "$$MAKE_ARG_DEST" --base-url "$$MAKE_ARG_BASE_URL" --offline "$$MAKE_ARG_OFFLINE" --replace "$$MAKE_ARG_REPLACE"

check: setup  ## check the plan: every problem with file:line and a hint
	$(BIN)/python -m plannav check

# make import-report FILE=so-tu-phap.xlsx PERIOD=2026-10 [DATE=2026-10-18] [NUMBER=123/BC-STP] [REPLACE=1]
import-report: setup  ## write a filled report form into progress/<PERIOD>/<agency>.yaml; a form with any problem writes nothing
	@test -n "$$MAKE_ARG_FILE" -a -n "$$MAKE_ARG_PERIOD" || { echo "make import-report: give FILE=<form.xlsx> PERIOD=<YYYY-MM>" >&2; exit 2; }
	$(BIN)/python -m plannav import-report "$$MAKE_ARG_FILE" "$$MAKE_ARG_PERIOD" --date "$$MAKE_ARG_DATE" --number "$$MAKE_ARG_NUMBER" --replace "$$MAKE_ARG_REPLACE"

LINTED := plannav hooks.py macros.py scripts tests

lint: setup  ## ruff: lint rules and formatting, as CI runs them (ruff format $(LINTED) to reformat)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

schema: setup  ## regenerate plan/schema/*.schema.json after changing the models
	$(BIN)/python -m plannav schema

# axe-core for the accessibility tests and vnu-jar (the W3C Nu Html Checker), from the npm registry,
# pinned by tests/axe/package-lock.json.
tests/axe/node_modules/.installed: tests/axe/package-lock.json
	npm ci --prefix tests/axe --silent --no-audit --no-fund
	touch $@

# The tests that need nothing but Python: the plan, the build, every page read with an HTML parser.
test: setup  ## check the plan, then run every test that needs no browser
	$(BIN)/python -m plannav check
	$(BIN)/python -m pytest -m "not browser" -n 2 --dist worksteal  # two workers (pytest-xdist) sharing one build of each site; an idle one takes tests queued for the other
	@echo "Left out, for make test-all: $$($(BIN)/python -m pytest --collect-only -q -m browser 2>/dev/null | tail -1 | cut -d' ' -f1 | cut -d/ -f1) browser tests (Chromium, nginx, axe-core)"

# Everything, browser and nginx tests included: needs Debian's chromium, nginx, poppler-utils,
# libreoffice-writer-nogui and default-jre-headless, npm for axe-core and vnu-jar, and the decision's
# text at ../shared/seed/ (or PLANNAV_SEED). .ci/run installs them.
test-all: setup tests/axe/node_modules/.installed  ## check the plan, then run every test, in Chromium and nginx too
	$(BIN)/python -m plannav check
	PLANNAV_REQUIRE_SEED=1 PLANNAV_REQUIRE_TOOLS=1 $(BIN)/python -m pytest -n 2 --dist worksteal  # two workers, each with its own nginx and Chromium

clean:
	rm -rf $(VENV) site .site.releases site-offline .pytest_cache
