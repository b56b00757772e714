"""CI workflows, pre-commit hooks and the contributing guide: they parse and refer to real things."""

from __future__ import annotations

import fnmatch
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.facts.history import reasons_of
from generator.glue.cli import build_parser

ROOT = Path(__file__).parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
MAKE_CALL = re.compile(r"(?<![\w./-])make[ \t]+((?:[A-Za-z0-9_.-]+[ \t]*)+)")


def makefile_targets() -> set[str]:
    """Targets the Makefile defines (rule lines `name: ...`, not variable assignments)."""
    targets: set[str] = set()
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.$()/ -]+?)\s*:(?!=)", line)
        if match and not line.startswith("\t"):
            targets.update(name for name in match.group(1).split() if "$" not in name)
    targets.discard(".PHONY")
    return targets


def make_calls(text: str) -> list[str]:
    """Every target named by a `make X [Y]` command in `text`."""
    names: list[str] = []
    for match in MAKE_CALL.finditer(text):
        names += [word for word in match.group(1).split() if not word.startswith("-")]
    return names


def load_workflow(path: Path) -> dict[str, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict), path
    # YAML 1.1 reads the bare key `on` as true.
    document["on"] = document.pop(True, document.get("on"))
    return document


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in steps(workflow))


def uses(workflow: dict[str, Any]) -> list[str]:
    return [str(step["uses"]).split("@")[0] for step in steps(workflow) if "uses" in step]


def test_makefile_targets_are_read() -> None:
    assert {"serve", "build", "check", "lint", "test", "bench"} <= makefile_targets()


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_workflow_parses_and_calls_only_existing_make_targets(path: Path) -> None:
    workflow = load_workflow(path)
    assert workflow["on"], "no trigger"
    assert workflow["jobs"]
    called = make_calls(runs(workflow))
    assert called, "the workflow runs no make target"
    assert set(called) <= makefile_targets()


def test_pull_request_workflow() -> None:
    workflow = load_workflow(WORKFLOWS / "pr.yml")
    assert "pull_request" in workflow["on"]
    checkout = next(
        s for s in steps(workflow) if str(s.get("uses", "")).startswith("actions/checkout@")
    )
    assert checkout["with"]["fetch-depth"] == 0
    # Debian's chromium package is the real browser; the job runs in a Debian Python image.
    assert workflow["jobs"]["check"]["container"] == "python:3.11-bookworm"
    commands = runs(workflow)
    assert "apt-get install" in commands and "chromium" in commands and "fonts-noto-cjk" in commands
    # The preview is built and posted before the long test run, so reviewers see it early.
    assert make_calls(commands) == ["check", "build", "test", "engine-test"]
    assert '-m generator pr-comment "$GITHUB_EVENT_PATH"' in commands
    assert '>> "$GITHUB_STEP_SUMMARY"' in commands


def test_pages_workflow_uses_the_official_pages_actions() -> None:
    workflow = load_workflow(WORKFLOWS / "pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    # Only the deploy job may publish; the build, which runs the repository's code, reads.
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"] == "pages"
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= set(uses(workflow))
    upload = next(
        s
        for s in steps(workflow)
        if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")
    )
    assert upload["with"]["path"] == "site"
    configure = next(
        s for s in steps(workflow) if str(s.get("uses", "")).startswith("actions/configure-pages@")
    )
    build = next(s for s in steps(workflow) if "make build" in str(s.get("run", "")))
    assert f"steps.{configure['id']}.outputs.base_url" in build["env"]["SITE_URL"]


HASHED = re.compile(r"hashFiles\((.*?)\)")
# Files whose change must give the cache a new key: the code that makes each cached value, and
# what a build makes them of (see generator/facts/cache.py).
MADE_FROM = (
    "generator/facts/cache.py",
    "generator/facts/history.py",
    "generator/site/share_cards.py",
    "pyproject.toml",
    "mkdocs.yml",
    "docs/index.md",
    "data/figures.yml",
    "data/fingerprints/zhinengpro-2024-02-25.yml",
)


@pytest.mark.parametrize("name", ["pages.yml", "pr.yml"])
def test_workflows_keep_the_cache_between_runs(name: str) -> None:
    """Each build restores the whole .cache/ before it builds and saves it after, so a build
    reads only the commits that are new since the last run and draws only changed cards."""
    workflow = load_workflow(WORKFLOWS / name)
    listed = steps(workflow)
    caches = [s for s in listed if str(s.get("uses", "")).startswith("actions/cache@")]
    assert caches, "no actions/cache step"
    cache = next(c for c in caches if str(c["with"]["path"]).split() == [".cache"])
    build = next(s for s in listed if "make build" in str(s.get("run", "")))
    assert listed.index(cache) < listed.index(build)
    key, restore = str(cache["with"]["key"]), str(cache["with"]["restore-keys"]).strip()
    # A new key when the code or the data change saves a new entry (an existing key is never
    # saved again); the prefix restores the newest entry of an earlier run.
    assert key.startswith(restore) and restore
    hashed = HASHED.search(key)
    assert hashed is not None, key
    patterns = [part.strip().strip("'\"") for part in hashed.group(1).split(",")]
    for path in MADE_FROM:
        assert (ROOT / path).exists(), path
        assert any(fnmatch.fnmatch(path, pattern) for pattern in patterns), path


def test_pre_commit_hooks_refer_to_existing_commands() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    entries = {hook["id"]: shlex.split(hook["entry"]) for hook in hooks}
    for hook in hooks:
        assert hook["language"] == "system"
        program = entries[hook["id"]][0]
        # .venv/bin/... exists once any make target has set up the environment
        assert program.startswith(".venv/bin/"), program
        assert program.removeprefix(".venv/bin/") in {"python", "ruff"}
    check = next(hook for hook in hooks if "generator" in hook["entry"])
    assert check["files"].startswith("^data/")
    assert check["pass_filenames"] is False
    argv = entries[check["id"]]
    assert argv[1:3] == ["-m", "generator"]
    build_parser().parse_args(argv[3:])  # a subcommand the command line knows
    ruff = sorted(tuple(argv[1:2]) for argv in entries.values() if argv[0].endswith("ruff"))
    assert ruff == [("check",), ("format",)]
    for target in make_calls((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")):
        assert target in makefile_targets()


def test_pull_request_template_lists_the_review_checklist() -> None:
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 6
    for phrase in ("cite", "attribution", "make check", "glossary", "/zh-Hant/", "预览"):
        assert phrase in template
    # The preview comment shows both scripts: nobody takes screenshots by hand.
    assert "## 截图" not in template and "| 简体 | 繁体 |" not in template


def contributing() -> str:
    return (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_contributing_names_only_existing_make_targets() -> None:
    called = make_calls(contributing())
    assert {"check", "serve"} <= set(called)
    assert set(called) <= makefile_targets()


def test_contributing_correction_example_is_read_as_a_correction() -> None:
    messages = re.findall(r"^```text\n(.*?)^```", contributing(), flags=re.MULTILINE | re.DOTALL)
    example = next(m for m in messages if "更正：" in m)
    correction, reason = reasons_of(example)
    assert correction is not None and correction.startswith("原文只说")
    assert reason == correction
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "更正：" in template and "说明：" in template


def test_pages_workflow_installs_the_share_card_font_before_building() -> None:
    workflow = load_workflow(WORKFLOWS / "pages.yml")
    commands = [str(step.get("run", "")) for step in steps(workflow)]
    font = next(i for i, run in enumerate(commands) if "fonts-noto-cjk" in run)
    build = next(i for i, run in enumerate(commands) if "make build" in run)
    assert font < build


def test_no_contributor_code_runs_with_a_token_that_can_write() -> None:
    """In the pull-request workflow, every job that checks out the pull request reads only and
    keeps no token in .git; the job that may write (the comment) checks out nothing and runs no
    command: it posts the text the read-only job wrote, passed as an environment variable."""
    workflow = load_workflow(WORKFLOWS / "pr.yml")
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        writes = {scope for scope, level in granted.items() if level == "write"}
        checks_out = [
            s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@")
        ]
        if writes:
            assert not checks_out and not any("run" in s for s in job["steps"]), name
            assert all("${{" not in str(s.get("with", {}).get("script", "")) for s in job["steps"])
        for step in checks_out:
            assert step["with"]["persist-credentials"] is False, name


ROOT_DIR = Path(__file__).parent.parent


@pytest.mark.parametrize(
    "linter",
    [
        [str(Path(sys.executable).parent / "actionlint"), "-oneline"],
        [
            str(Path(sys.executable).parent / "zizmor"),
            "--offline",
            "--quiet",
            "--config",
            str(ROOT_DIR / ".github" / "zizmor.yml"),
        ],
    ],
    ids=["actionlint", "zizmor"],
)
def test_the_workflow_linters_pass_and_catch_untrusted_input_in_a_script(
    tmp_path: Path, linter: list[str]
) -> None:
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    clean = subprocess.run([*linter, *map(str, workflows)], capture_output=True, text=True)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    injected = tmp_path / "pr.yml"
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    injected.write_text(
        text.replace(
            "        run: make check",
            '        run: echo "${{ github.event.pull_request.title }}" && make check',
        ),
        encoding="utf-8",
    )
    found = subprocess.run([*linter, str(injected)], capture_output=True, text=True)
    assert found.returncode != 0, found.stdout
