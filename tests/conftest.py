"""Shared fixtures: one real `mkdocs build --strict` of the report, an HTTP server, Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import itertools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
# Numbers are written in Chinese: a digit the cited paragraph lacks would (rightly) fail the check.
PAYLOADS = [
    "甲<script>alert(一)</script>",
    "乙<img src=x onerror=alert(二)>",
    "丙</script><script>alert(三)</script>",
    "丁[点我](javascript:alert(四))",
    '戊"><svg onload=alert(五)>',
    "己![图](javascript:alert(六))",
    '庚<a href="data:text/html,<script>alert(七)</script>">链接</a>',
    "辛{: onclick=alert(八) }",
    "壬&lt;script&gt;alert(九)&lt;/script&gt;",
    "癸{{ zhang-nan }}<iframe src=javascript:alert(十)>",
    "子`code`*强调*_下划线_<b>粗</b>",
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHROMIUM_MISSING = (
    "Headless Chromium not found: sudo apt-get install chromium fonts-noto-cjk "
    "(or set CHROMIUM=/path)"
)


def python() -> str:
    """The project's .venv interpreter (the one running the tests when it is missing)."""
    return str(PYTHON) if PYTHON.exists() else sys.executable


def copy_project(target: Path) -> Path:
    """Copy what a build reads (mkdocs.yml, docs/, data/) into `target`; return it."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


def run_mkdocs(project: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`python -m mkdocs ARGS` in `project`, output captured."""
    return subprocess.run(
        [python(), "-m", "mkdocs", *args],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def make_project(tmp_path_factory) -> Callable[[str], Path]:
    """Factory: a fresh copy of the project's build inputs in a new tmp dir."""

    def make(name: str = "project") -> Path:
        return copy_project(tmp_path_factory.mktemp(name) / "project")

    return make


@pytest.fixture(scope="session")
def built_site(make_project) -> Path:
    """The site/ of one `mkdocs build --strict` of a copy of the project (both editions)."""
    project = make_project("built-site")
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return project / "site"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """A build of the report whose every reader-facing text field ends in a payload of PAYLOADS."""
    from generator.fields import map_strings, records
    from generator.load import load_fact_base
    from generator.model import DATA_FILES, TEXT

    project = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "data").mkdir()
    shutil.copytree(ROOT / "data" / "schema", project / "data" / "schema")
    shutil.copytree(ROOT / "data" / "fingerprints", project / "data" / "fingerprints")
    base = load_fact_base(ROOT / "data")
    payloads = itertools.cycle(PAYLOADS)
    # Quotes must stay the source's words to pass the check; poisoned names keep their
    # original form as an alias, so every entity is still named in its quotes.
    quotes = {c.quote for _, r in records(base) for c in getattr(r, "cite", None) or []}
    names = {r.id: [r.name, *r.aliases] for _, r in records(base) if hasattr(r, "aliases")}

    def poison(value: str, markers: tuple) -> str:
        return value + next(payloads) if TEXT in markers and value not in quotes else value

    hostile = map_strings(base, poison)
    for name, model in DATA_FILES.items():
        content = {
            field: [item.model_dump(mode="json") for item in getattr(hostile, field)]
            for field in model.model_fields
        }
        for items in content.values():
            for item in items:
                if item.get("id") in names:
                    item["aliases"] = names[item["id"]]
        (project / "data" / name).write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    result = run_mkdocs(project, "build", "--strict", "-d", "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def html_pages(site: Path) -> list[Path]:
    """Every HTML file of a built site, both editions, in a stable order."""
    return sorted(site.rglob("*.html"))


HONG_KONG_EDITION = (
    "      - lang: zh-HK\n        name: 香港繁體\n        opencc: s2hk\n        path: zh-HK\n"
)


def add_hong_kong_edition(project: Path) -> None:
    """Add a zh-HK edition to the project's mkdocs.yml: configuration only, no code."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("        path: zh-Hant\n", "        path: zh-Hant\n" + HONG_KONG_EDITION, 1)
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def hong_kong_project(make_project) -> Path:
    """A project copy with a zh-HK edition added by configuration, built with --strict."""
    project = make_project("hong-kong")
    add_hong_kong_edition(project)
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return project


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[str]:
    """Base URL (ending in /) of an HTTP server on 127.0.0.1 serving `directory`."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site_server(built_site) -> Iterator[str]:
    """Base URL (ending in /) of an HTTP server on 127.0.0.1 serving the built site."""
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (no browser download needed)."""
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (Path(executable).is_file() and os.access(executable, os.X_OK)):
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
