# Every target sets up .venv first when it is missing or pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
CHROMIUM ?= /usr/bin/chromium
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve build check test lint bench browser clean

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(READY)

serve: $(READY)  ## preview both scripts at http://127.0.0.1:8000/ with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(READY)  ## build site/ (both scripts); a failed build leaves the last good site/ as it was
	$(BIN)/python -m generator build

check: $(READY)  ## validate every data file
	$(BIN)/python -m generator check

lint: $(READY)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy generator

browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "The browser tests need Debian's Chromium: sudo apt-get install chromium fonts-noto-cjk" >&2; exit 1; \
	  fi; }

test: $(READY) browser lint  ## every test, browser suite included
	$(BIN)/python -m generator check
	$(BIN)/python -m pytest -n 2 --dist loadgroup

bench: $(READY)  ## print build, rebuild, page-weight and scaling figures
	$(BIN)/python tests/benchmark.py

clean:
	rm -rf site .cache
