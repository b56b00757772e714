# Every target sets up .venv first when it is missing or pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# The build's date is the last commit's. Outside git (a ZIP download) it is unknown and left unset:
# the site then says so instead of dating itself 1970-01-01.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(strip $(SOURCE_DATE_EPOCH)),)
export SOURCE_DATE_EPOCH
endif
# Material for MkDocs prints an end-of-life banner on every mkdocs run unless this is set.
export NO_MKDOCS_2_WARNING := 1
SETUP_LOG := $(VENV)/setup.log
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: serve build check unit test data-test lint bench browser clean plotly-bundle engine-test

# pip's output goes to .venv/setup.log, shown only when the setup fails.
$(READY): pyproject.toml
	@echo "正在准备 .venv 并安装依赖（第一次约需 1 分钟）……"
	@$(PYTHON) -m venv $(VENV)
	@{ $(PIP) --upgrade pip && $(PIP) -e '.[test]'; } > $(SETUP_LOG) 2>&1 \
	  || { cat $(SETUP_LOG); echo "安装失败，完整记录见 $(SETUP_LOG)" >&2; exit 1; }
	@touch $(READY)
	@echo ".venv 已就绪。"

serve: $(READY)  ## preview both scripts at http://127.0.0.1:8000/ with live reload
	$(BIN)/$(or $(SITE_ENGINE),mkdocs) serve --dev-addr 127.0.0.1:8000

build: $(READY)  ## build site/ (both scripts); a failed build leaves the last good site/ as it was
	$(BIN)/python -m generator build

check: $(READY)  ## validate every data file; one line when all is well
	@$(BIN)/python -m generator check

lint: $(READY)
	$(BIN)/ruff check generator tests tools
	$(BIN)/ruff format --check generator tests tools
	$(BIN)/mypy generator tools
	$(BIN)/lint-imports --no-cache
	$(BIN)/actionlint -oneline .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet --config .github/zizmor.yml .github/workflows

# The browser tests drive Debian's chromium-headless-shell (the same engine as Debian's chromium,
# built for automation, about a third faster per page) and print in Debian's full chromium, which
# readers print from. CHROMIUM=/path picks one build for both.
HEADLESS_SHELL := /usr/bin/chromium-headless-shell
FULL_CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
browser:
	@if [ -n "$$CHROMIUM" ] || { [ -x $(HEADLESS_SHELL) ] && [ -x $(FULL_CHROMIUM) ] && [ -f $(CJK_FONT) ]; }; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell fonts-noto-cjk >/dev/null; \
	elif { [ -x $(FULL_CHROMIUM) ] || [ -x $(HEADLESS_SHELL) ]; } && [ -f $(CJK_FONT) ]; then \
	  echo "只找到 Chromium 的一种构建，浏览器测试都用它（较慢，或打印检查不如完整版可靠）。" >&2; \
	else \
	  echo "浏览器测试需要 Debian 的 Chromium 和中文字体：sudo apt-get install chromium chromium-headless-shell fonts-noto-cjk" >&2; exit 1; \
	fi

unit: $(READY)  ## the tests that build no site and run no command: after a code edit
# Two workers: each imports and collects everything, and still finishes in 25 s against 33 s.
	$(BIN)/python -m pytest -q -n 2 -m unit --ignore=tests/browser

test: $(READY) browser lint  ## every test, browser suite included
# Two workers, one per core: a third filled the browser tests' waits (3 min against 3 min 30 s)
# but left the printed timeline's preview without its years now and then on a loaded machine.
	$(BIN)/python -m generator check
	$(BIN)/python -m pytest -n 2 --dist loadgroup

data-test: $(READY)  ## the data, page and build tests: no lint, no type check, no browser
	@$(BIN)/python -m generator check
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup -m "not browser and not slow"

bench: $(READY)  ## print build, rebuild, page-weight, scaling and history figures
	$(BIN)/python tests/benchmark.py

engine-test: $(READY) browser  ## the site and browser tests on a site built by properdocs, MkDocs' maintained fork
	SITE_ENGINE=properdocs $(BIN)/python -m pytest -q -n 2 --dist loadgroup -m "browser or site"

plotly-bundle: $(READY)  ## rebuild the vendored plotly.js partial bundle (needs node and npm)
	$(BIN)/python tools/refresh_plotly_bundle.py

clean:
	rm -rf site .cache
