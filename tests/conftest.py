"""Shared fixtures: one real `mkdocs build --strict` of the report, an HTTP server, Chromium."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.server
import inspect
import itertools
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import types
import unittest.mock
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import commands
import pytest
import yaml
from commands import run_command
from filelock import FileLock

from generator.facts.load import load_fact_base
from generator.facts.problems import DataError
from generator.glue.staged_build import ENGINES, site_engine

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
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Debian's headless shell first (the same engine, built for automation, faster per page), then
# Debian's full browser; CHROMIUM=/path overrides both.
CHROMIUM_BUILDS = ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium")
CHROMIUM_MISSING = (
    "Headless Chromium not found: sudo apt-get install chromium-headless-shell fonts-noto-cjk "
    "(or set CHROMIUM=/path)"
)


# Every test is sorted at collection into one of two buckets. A "site" test builds a site or runs
# the generator's or MkDocs's command line: it, a fixture it uses or a function of the tests they
# call holds such a command (COMMAND), or it is marked `site`, `browser` or `slow`. Every other
# test is a "unit" test, run by `make unit` in seconds. A unit test that starts a build or a
# command anyway fails, saying to mark it, so no test lands in the wrong bucket silently.
COMMAND = re.compile(
    r'(?:python\(\)|executable),\s*"-m",\s*(?:"(?:mkdocs|generator)"|site_engine\(\))'
)
UNMARKED_BUILD = (
    "这个测试构建了网站或运行了命令，却被归为 unit 测试：请给它加上 @pytest.mark.site "
    "(a unit test must not build a site or run a command: mark it site)"
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "site: builds a site or runs a command (set at collection; by hand if need be)"
    )
    config.addinivalue_line("markers", "unit: builds no site, runs no command: make unit")


def _code_names(code: types.CodeType) -> Iterator[str]:
    yield from code.co_names
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from _code_names(constant)


@functools.cache
def runs_a_command(function: Callable[..., object]) -> bool:
    """Whether a function of the tests, or one of the tests' functions it calls, holds COMMAND."""
    code = getattr(function, "__code__", None)
    if code is None or not Path(code.co_filename).is_relative_to(ROOT / "tests"):
        return False
    if COMMAND.search(inspect.getsource(function)):
        return True
    called = (getattr(function, "__globals__", {}).get(name) for name in set(_code_names(code)))
    return any(runs_a_command(f) for f in called if inspect.isfunction(f) and f is not function)


def builds_a_site(item: pytest.Item) -> bool:
    """Whether a collected test builds a site or runs a command, itself or through a fixture."""
    if any(item.get_closest_marker(name) for name in ("site", "browser", "slow")):
        return True
    info = getattr(item, "_fixtureinfo", None)
    definitions = info.name2fixturedefs.values() if info else ()
    functions = [getattr(item, "function", None), *(d.func for ds in definitions for d in ds)]
    return any(runs_a_command(f) for f in functions if f is not None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test `site` (it builds a site or runs a command) or `unit` (neither)."""
    for item in items:
        item.add_marker(pytest.mark.site if builds_a_site(item) else pytest.mark.unit)


def starts_a_build(argv: object) -> bool:
    """Whether a command line runs MkDocs or the generator."""
    if isinstance(argv, str | bytes | os.PathLike):
        words = os.fsdecode(argv).split()
    else:
        words = [os.fsdecode(word) for word in argv]  # type: ignore[attr-defined]
    modules = {words[i + 1] for i, word in enumerate(words[:-1]) if word == "-m"}
    named_mkdocs = any(Path(word).name in ENGINES for word in words[:1])
    return named_mkdocs or bool(modules & {*ENGINES, "generator"})


class _NoBuildPopen(subprocess.Popen):  # type: ignore[type-arg]
    def __init__(self, args: object, *rest: object, **options: object) -> None:
        if starts_a_build(args):
            pytest.fail(UNMARKED_BUILD, pytrace=False)
        super().__init__(args, *rest, **options)  # type: ignore[arg-type]


def _no_build(*args: object, **options: object) -> None:
    pytest.fail(UNMARKED_BUILD, pytrace=False)


@contextlib.contextmanager
def _building_fails(item: pytest.Item) -> Iterator[None]:
    """While a unit test and the fixtures it sets up run: starting a build fails the test."""
    if not item.get_closest_marker("unit"):
        yield
        return
    from generator.glue.plugin import ReportPlugin

    with (
        unittest.mock.patch.object(subprocess, "Popen", _NoBuildPopen),
        unittest.mock.patch.object(commands, "fork_run", _no_build),
        unittest.mock.patch.object(ReportPlugin, "on_files", _no_build),
    ):
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    with _building_fails(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    with _building_fails(item):
        return (yield)


def python() -> str:
    """The project's .venv interpreter (the one running the tests when it is missing)."""
    return str(PYTHON) if PYTHON.exists() else sys.executable


def copy_project(target: Path, root: Path = ROOT) -> Path:
    """Copy what a build reads (mkdocs.yml, docs/, data/) of the report in `root` into
    `target`; return it."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "data"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


def run_mkdocs(
    project: Path,
    *args: str,
    timeout: float = 300,
    site_url: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`python -m mkdocs ARGS` (or SITE_ENGINE's engine) in `project`, output captured;
    `site_url` sets SITE_URL, `env` adds variables."""
    extra = {**(env or {}), **({"SITE_URL": site_url} if site_url else {})}
    return run_command(
        [python(), "-m", site_engine(), *args],
        cwd=project,
        env={**BUILD_ENV, **extra},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_generator(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGS` in `cwd`, in Chinese, with no terminal (`new` asks nothing),
    output captured; `env` adds variables."""
    return run_command(
        [python(), "-m", "generator", *args],
        cwd=cwd,
        env={**BUILD_ENV, "REPORT_LANG": "zh", **(env or {})},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


@dataclass(frozen=True)
class PublishedHistory:
    """What `add_history` committed: the record added later and the record corrected."""

    added_file: str
    added_id: str
    corrected_id: str
    corrected_field: str
    wrong_value: str
    right_value: str
    reason: str
    correction: str
    correction_day: str


HISTORY_DAYS = (
    "2024-03-01T10:00:00+08:00",
    "2024-03-05T09:30:00+08:00",
    "2024-03-10T18:00:00+08:00",
)
ADDED_REASON = "补上文章提到、首次发布时漏掉的一条记录。"
CORRECTION_REASON = "标题多写了“（误）”，按原文改正。"


def _git(project: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(
        ["git", "-c", "user.name=编辑部", "-c", "user.email=desk@example.org", *args],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of each top-level list item `  - id:` of a data file."""
    starts = [m.start() for m in re.finditer(r"^  - id: ", text, re.M)]
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def _loads(data: Path, changes: dict[str, str]) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(data, Path(folder) / "data")
        for name, text in changes.items():
            (Path(folder) / "data" / name).write_text(text, encoding="utf-8")
        try:
            load_fact_base(Path(folder) / "data")
        except DataError:
            return False
    return True


def add_history(project: Path) -> PublishedHistory:
    """Make `project` a git repository whose history ends at its current data.

    First publication without one record and with a wrong title; the record added in a second
    commit with a reason; the title corrected in a third with a `更正：` line.
    """
    data = project / "data"
    current = {
        name: (data / name).read_text(encoding="utf-8") for name in ("events.yml", "claims.yml")
    }
    events = current["events.yml"]
    first_start, first_end = _blocks(events)[0]
    first = events[first_start:first_end]
    title = re.search(r"^    title: (.+)$", first, re.M)
    assert title is not None, "the first event has no title line"
    wrong = title.group(1) + "（误）"
    wrong_events = (
        events[:first_start]
        + first.replace(title.group(0), f"    title: {wrong}", 1)
        + events[first_end:]
    )
    added = None
    for name in ("claims.yml", "events.yml"):
        text = wrong_events if name == "events.yml" else current[name]
        for start, end in reversed(_blocks(text)[1:]):
            without = {**current, "events.yml": wrong_events, name: text[:start] + text[end:]}
            if _loads(data, without):
                added = (name, re.match(r"  - id: (\S+)", text[start:end]).group(1), without)  # type: ignore[union-attr]
                break
        if added:
            break
    assert added is not None, "no record can be left out of the first publication"
    name, added_id, first_publication = added
    _git(project, "init", "-q", "-b", "main")
    for file, text in first_publication.items():
        (data / file).write_text(text, encoding="utf-8")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "首次发布", when=HISTORY_DAYS[0])
    (data / name).write_text(
        current[name] if name != "events.yml" else wrong_events, encoding="utf-8"
    )
    _git(
        project,
        "commit",
        "-q",
        "-am",
        f"补充一条记录\n\n说明：{ADDED_REASON}",
        when=HISTORY_DAYS[1],
    )
    (data / "events.yml").write_text(events, encoding="utf-8")
    _git(
        project,
        "commit",
        "-q",
        "-am",
        f"改正标题\n\n更正：{CORRECTION_REASON}",
        when=HISTORY_DAYS[2],
    )
    event_id = re.match(r"  - id: (\S+)", first).group(1)  # type: ignore[union-attr]
    return PublishedHistory(
        name,
        added_id,
        event_id,
        "title",
        wrong,
        title.group(1),
        ADDED_REASON,
        CORRECTION_REASON,
        "2024-03-10",
    )


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every xdist worker of this run sees (the workers' temporary folders' parent)."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared-sites"
    folder.mkdir(exist_ok=True)
    return folder


def build_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """`make(folder)` once per test run across all xdist workers; the folder it filled.

    The first worker to ask builds under a file lock while the others wait, then all read the
    same files: every distinct site is built once per run, not once per worker. A failed build
    leaves no folder behind, so each worker that needs it reports the failure.
    """
    shared = shared_folder(tmp_path_factory)
    folder, done = shared / name, shared / f"{name}.done"
    with FileLock(shared / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            try:
                make(folder)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            done.touch()
    return folder


@pytest.fixture(scope="session")
def make_project(tmp_path_factory) -> Callable[[str], Path]:
    """Factory: a fresh copy of the project's build inputs in a new tmp dir."""

    def make(name: str = "project") -> Path:
        return copy_project(tmp_path_factory.mktemp(name) / "project")

    return make


def simplified_context(base: Any, **extra: Any) -> Any:
    """The page context of `base` in the source script (Simplified), as the root edition's
    renderers get it; `extra` as `page_context` takes it (history, report, publication...)."""
    from generator.editions.convert import ScriptConverter
    from generator.site.pages import page_context

    return page_context(base, ScriptConverter(None, "zh-Hans"), "zh-Hans", **extra)


@functools.cache
def chart_pages() -> tuple[str, ...]:
    """The generated pages (as .html) whose content, rendered from the project's data, holds a
    chart to draw: the pages that load plotly.js."""
    from generator.site.chart_embed import holds_chart
    from generator.site.prose_refs import expand_references
    from generator.site.site_files import page_sources

    ctx = simplified_context(load_fact_base(ROOT / "data"))
    return tuple(
        sorted(
            uri.replace(".md", ".html")
            for uri, markdown in page_sources(ctx)
            if holds_chart(expand_references(markdown, ctx, uri))
        )
    )


@functools.cache
def chart_ids() -> tuple[str, ...]:
    """The id of every chart the generated pages draw: each has an embed page."""
    from generator.site.chart_share import charts_in
    from generator.site.prose_refs import expand_references
    from generator.site.site_files import page_sources

    ctx = simplified_context(load_fact_base(ROOT / "data"))
    return tuple(
        sorted(
            chart.chart_id
            for uri, markdown in page_sources(ctx)
            for chart in charts_in(expand_references(markdown, ctx, uri))
        )
    )


def wait_for_previews(page) -> None:
    """Bring every chart into view and wait until the light preview has drawn each (plotly.js
    runs only when the reader reaches for a chart, so it has not run)."""
    for chart in page.locator(".report-chart").all():
        chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.report-chart')]"
        ".every(chart => chart.querySelector('.report-chart__preview'))",
        timeout=20_000,
    )


def wait_for_charts(page) -> None:
    """Reach for every chart (plotly.js runs only then), wait until plotly.js has drawn all."""
    for chart in page.locator(".report-chart").all():
        chart.scroll_into_view_if_needed()
        chart.hover()
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.report-chart')]"
        ".every(chart => chart.querySelector('.main-svg'))",
        timeout=20_000,
    )


def chart_marks(page, drawn: str = "plotly") -> list[list[int]]:
    """Per chart of the page: [marks its figure data asks for, bars and markers drawn in its SVG],
    the SVG being plotly.js's drawing or (`drawn="preview"`) the light preview's."""
    return page.evaluate(
        """drawn => [...document.querySelectorAll('.report-chart')].map(chart => {
            const figure = JSON.parse(chart.dataset.figure);
            let expected = 0;
            for (const trace of figure.data) {
                const points = (trace.x || trace.y || []).filter(v => v !== null).length;
                if (trace.type === 'bar' || (trace.mode || 'markers').includes('markers')) {
                    expected += points;
                }
            }
            if (drawn === 'preview') {
                return [expected, chart.querySelectorAll(
                    '.report-chart__preview .report-chart__bars path,'
                    + ' .report-chart__preview .report-chart__markers path').length];
            }
            const bars = chart.querySelectorAll('g.trace.bars g.point path').length;
            const dots = chart.querySelectorAll('g.trace.scatter g.points path.point').length;
            return [expected, chart.querySelector('.main-svg') ? bars + dots : 0];
        })""",
        drawn,
    )


EXAMPLES = ROOT / "examples"
# The identity `built_report("new")` gives `python -m generator new`, and the address it is built for.
NEW_REPORT_URL = "https://newsroom.example.org/chip-results/"
NEW_REPORT_FLAGS = (
    "--site-name",
    "芯片季报：一份有出处的事实报告",
    "--author",
    "财经新闻组",
    "--citation-key",
    "chip-results",
    "--site-url",
    NEW_REPORT_URL,
    "--editions",
    "zh-Hans,zh-Hant",
)


@pytest.fixture(scope="session")
def built_report(tmp_path_factory) -> Callable[[str], Path]:
    """Factory: another report, built once per test run with --strict, as a project folder.

    `name` is a folder under examples/, copied as it is, or "new" for the report that
    `python -m generator new` starts with NEW_REPORT_FLAGS, built by a publishing build
    (`python -m generator build` with SITE_URL set). Tests that share a report share one build.
    """

    def build(name: str) -> Path:
        def make(folder: Path) -> None:
            project = folder / "project"
            if name == "new":
                started = run_command(
                    [python(), "-m", "generator", "new", str(project), *NEW_REPORT_FLAGS],
                    capture_output=True,
                    text=True,
                    env=BUILD_ENV,
                    stdin=subprocess.DEVNULL,  # never a terminal: nothing is asked
                    check=False,
                )
                assert started.returncode == 0, started.stderr
                # Built as it is published: `mkdocs build --strict` behind the publishing check.
                result = run_command(
                    [python(), "-m", "generator", "build"],
                    cwd=project,
                    capture_output=True,
                    text=True,
                    env={**BUILD_ENV, "SITE_URL": NEW_REPORT_URL},
                    timeout=300,
                    check=False,
                )
            else:
                copy_project(project, EXAMPLES / name)
                result = run_mkdocs(project, "build", "--strict")
            assert result.returncode == 0, f"the build failed:\n{result.stderr}"

        return build_once(tmp_path_factory, f"report-{name}", make) / "project"

    return build


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def built_at_address(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    prepare: Callable[[Path], None] = lambda project: None,
    path: str = "/",
) -> tuple[Path, str]:
    """(site/, address) of a copy of the project, changed by `prepare`, built once per run for
    `http://127.0.0.1:PORT{path}` (PORT free when it was built): serve it there with `serving`."""

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        prepare(project)
        url = f"http://127.0.0.1:{free_port()}{path}"
        (folder / "address").write_text(url, encoding="utf-8")
        result = run_mkdocs(project, "build", "--strict", site_url=url)
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-3000:]}"

    folder = build_once(tmp_path_factory, name, make)
    return folder / "project" / "site", (folder / "address").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def history_project(tmp_path_factory) -> tuple[Path, PublishedHistory]:
    """A copy of the project with a published history (see add_history), built once per run.

    It is built for an address on 127.0.0.1 (a port free when it was built), at which
    `site_server` serves it: absolute links (hreflang, sitemaps) then point where the browser
    really is, as they do once deployed.
    """

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        history = add_history(project)
        url = f"http://127.0.0.1:{free_port()}/"
        (folder / "history.json").write_text(
            json.dumps({"site_url": url, "history": dataclasses.asdict(history)}),
            encoding="utf-8",
        )
        result = run_mkdocs(project, "build", "--strict", site_url=url)
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"

    folder = build_once(tmp_path_factory, "main", make)
    recorded = json.loads((folder / "history.json").read_text(encoding="utf-8"))
    return folder / "project", PublishedHistory(**recorded["history"])


@pytest.fixture(scope="session")
def site_url(tmp_path_factory, history_project) -> str:
    """The address the built site is published at, and served at by `site_server`."""
    folder = shared_folder(tmp_path_factory) / "main"
    return str(json.loads((folder / "history.json").read_text(encoding="utf-8"))["site_url"])


@pytest.fixture(scope="session")
def built_site(history_project) -> Path:
    """The site/ of one `mkdocs build --strict` of a copy of the project (both editions)."""
    return history_project[0] / "site"


@pytest.fixture(scope="session")
def published_history(history_project) -> PublishedHistory:
    """What the history of the built site holds."""
    return history_project[1]


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """A build of the report whose every reader-facing text field ends in a payload of PAYLOADS."""
    return build_once(tmp_path_factory, "hostile", make_hostile_site) / "site"


def make_hostile_site(project: Path) -> None:
    """Write and build, in `project`, the report with a payload at the end of every text."""
    from pydantic import AfterValidator

    from generator.facts.fields import map_strings, records
    from generator.facts.kinds import DATA_FILES
    from generator.facts.load import load_fact_base, load_report
    from generator.facts.model import TEXT

    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "data").mkdir()
    shutil.copytree(ROOT / "data" / "schema", project / "data" / "schema")
    shutil.copytree(ROOT / "data" / "fingerprints", project / "data" / "fingerprints")
    base = load_fact_base(ROOT / "data")
    payloads = itertools.cycle(PAYLOADS)
    # Quotes must stay the source's words to pass the check; poisoned names (short forms too)
    # keep their original form as an alias, so every entity is still named in its quotes.
    quotes = {c.quote for _, r in records(base) for c in getattr(r, "cite", None) or []}
    names = {
        r.id: [r.name, *[getattr(r, f, None) or r.name for f in ("short", "name_en")], *r.aliases]
        for _, r in records(base)
        if hasattr(r, "aliases")
    }

    def poison(value: str, markers: tuple) -> str:
        # A field with its own grammar (a pattern or a validator, e.g. a formula) refuses markup
        # at load: a payload there would stop the build, not reach a page.
        grammar = any(getattr(m, "pattern", None) or isinstance(m, AfterValidator) for m in markers)
        if TEXT not in markers or value in quotes or grammar:
            return value
        return value + next(payloads)

    hostile = map_strings(base, poison)
    report = map_strings(load_report(ROOT / "data", base), poison)
    (project / "data" / "report.yml").write_text(
        yaml.safe_dump(
            {"report": report.model_dump(mode="json", exclude_none=True)},
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
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
def hong_kong_project(tmp_path_factory) -> Path:
    """A project copy with a zh-HK edition added by configuration, built once with --strict."""

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        add_hong_kong_edition(project)
        result = run_mkdocs(project, "build", "--strict")
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"

    return build_once(tmp_path_factory, "hong-kong", make) / "project"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _SharedPortServer(http.server.ThreadingHTTPServer):
    allow_reuse_port = True
    daemon_threads = True


@contextlib.contextmanager
def serving(
    directory: Path,
    port: int = 0,
    handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler,
) -> Iterator[str]:
    """Base URL (ending in /) of an HTTP server on 127.0.0.1 (any free port) serving `directory`.

    The port may be shared: each xdist worker serves the one shared build of the site at the
    address it was built for, and the kernel hands each connection to one of them.
    """
    handler = functools.partial(handler_class, directory=str(directory))
    server = _SharedPortServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        _drain(server)
        server.server_close()
        thread.join(timeout=10)


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Stop a server the tests started (mkdocs serve): politely, then for certain."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


def _drain(server: _SharedPortServer) -> None:
    """Answer the connections the kernel still hands this server: closing a shared port with
    connections waiting would reset them, failing another worker's page loads."""
    quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < 0.3:
        ready, _, _ = select.select([server.socket], [], [], 0.05)
        if ready:
            server.handle_request()
            quiet_since = time.monotonic()


@pytest.fixture(scope="session")
def site_server(built_site, site_url) -> Iterator[str]:
    """Base URL (ending in /) of an HTTP server on 127.0.0.1 serving the built site at site_url."""
    with serving(built_site, int(urlsplit(site_url).port or 0)) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Any]:
    """Playwright, started once per test process for every browser it launches."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


def _launched(playwright: Any, builds: Sequence[str]) -> Any:
    """Headless Chromium: $CHROMIUM, else the first of `builds` installed."""
    candidates = [os.environ["CHROMIUM"]] if os.environ.get("CHROMIUM") else builds
    found = [path for path in candidates if Path(path).is_file() and os.access(path, os.X_OK)]
    if not found:
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    return playwright.chromium.launch(executable_path=found[0], headless=True, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser(playwright_driver) -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (no browser download needed)."""
    chromium = _launched(playwright_driver, CHROMIUM_BUILDS)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="session")
def print_browser(playwright_driver) -> Iterator[object]:
    """Debian's full Chromium, which a reader prints from: the headless shell's print emulation
    now and then leaves a chart drawn again for paper without its axis labels."""
    chromium = _launched(playwright_driver, CHROMIUM_BUILDS[::-1])
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def print_context(print_browser) -> Iterator[object]:
    """A desktop-sized context of the full browser, for what is printed."""
    ctx = print_browser.new_context(viewport=DESKTOP, locale="zh-CN")
    ctx.set_default_timeout(20_000)
    yield ctx
    ctx.close()


@pytest.fixture
def phone(browser) -> Iterator[object]:
    """A phone-sized, touch browser context in a Chinese locale, closed after the test."""
    ctx = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    ctx.set_default_timeout(20_000)
    yield ctx
    ctx.close()


@pytest.fixture
def context(browser) -> Iterator[object]:
    """A desktop-sized browser context in a Chinese locale, closed after the test."""
    ctx = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    ctx.set_default_timeout(20_000)
    yield ctx
    ctx.close()
