"""`python -m generator new` makes a report that is the newsroom's own, and a publishing build
refuses one that still carries the sample's identity or an address on this machine."""

from __future__ import annotations

import os
import pty
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from commands import run_command
from conftest import BUILD_ENV, NEW_REPORT_FLAGS, NEW_REPORT_URL, python, run_generator

from generator.facts.commands import make_targets
from generator.facts.grounding import REQUIRED_BY_CHECK
from generator.facts.guide import field_table
from generator.facts.load import load_fact_base
from generator.facts.model import Citation
from generator.facts.problems import DataError
from generator.glue.publishing import publishing_problems, refusal
from generator.glue.starter import (
    Identity,
    StarterError,
    asked,
    create_report,
    sample_values,
    written_settings,
)

STARTER_SETTINGS = (Path(__file__).parent.parent / "generator/glue/starter/mkdocs.yml").read_text(
    encoding="utf-8"
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def flag(name: str) -> str:
    return NEW_REPORT_FLAGS[NEW_REPORT_FLAGS.index(name) + 1]


# --- what new writes ---------------------------------------------------------------------------


@pytest.mark.slow  # builds the new report (shared with test_other_reports)
def test_new_with_flags_writes_the_identity_and_the_report_builds_and_checks(built_report):
    project = built_report("new")
    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert f'site_name: "{flag("--site-name")}"' in settings
    assert f'site_author: "{flag("--author")}"' in settings
    assert f'citation_key: "{flag("--citation-key")}"' in settings
    assert f'site_url: !ENV [SITE_URL, "{NEW_REPORT_URL}"]' in settings
    assert not [value for value in sample_values().values() if value in settings]
    checked = run_generator("check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    home = BeautifulSoup((project / "site" / "index.html").read_text("utf-8"), "html.parser")
    assert flag("--site-name") in home.title.get_text()
    assert home.find("h1").get_text(strip=True).startswith(flag("--site-name"))
    author = home.find("meta", attrs={"name": "citation_author"})
    assert author is not None and author["content"] == flag("--author")
    built = "\n".join(p.read_text("utf-8") for p in (project / "site").rglob("*.html"))
    assert (
        "127.0.0.1" not in built and "sample-report" not in built and "示例报道编写组" not in built
    )
    assert "示例报道" not in home.title.get_text()
    assert NEW_REPORT_URL in built
    bundle = project / "site" / "downloads" / f"{flag('--citation-key')}-data-zh-Hans.zip"
    assert bundle.is_file(), "the data bundle is named after the citation key"


def test_editions_are_written_with_their_opencc_config_and_name():
    settings = written_settings(STARTER_SETTINGS, Identity(editions="zh-Hans,zh-TW,zh-HK"))
    assert "      - {lang: zh-Hans, name: 简体中文}\n" in settings
    assert "      - {lang: zh-TW, name: 臺灣正體, opencc: s2twp, path: zh-TW}\n" in settings
    assert "      - {lang: zh-HK, name: 香港繁體, opencc: s2hk, path: zh-HK}\n" in settings
    assert "zh-Hant" not in settings.split("editions:")[1].split("search:")[0]


@pytest.mark.parametrize(
    "identity, words",
    [
        (Identity(editions="zh-Hans,zh-XX"), "不认识的版本 'zh-XX'"),
        (Identity(editions="zh-Hant,zh-Hans"), "第一个版本必须是简体 zh-Hans"),
        (Identity(editions="zh-Hans,zh-HK,zh-HK"), "重复的版本"),
        (Identity(citation_key="My Report"), "引用键 'My Report' 不能用"),
        (Identity(site_url="example.org/report"), "网址 'example.org/report' 不对"),
    ],
)
def test_a_wrong_flag_is_refused_in_chinese_before_anything_is_written(tmp_path, identity, words):
    with pytest.raises(StarterError, match=re.escape(words)):
        create_report(tmp_path / "report", identity)
    assert not (tmp_path / "report").exists()


def test_what_is_not_given_is_asked_and_an_empty_answer_keeps_the_sample():
    questions: list[str] = []
    answers = iter(["我的报道", "", "my-report", "https://example.org/r", "zh-Hans,zh-HK"])

    def ask(question: str) -> str:
        questions.append(question)
        return next(answers)

    identity = asked(Identity(author=None, citation_key=None), ask)
    assert identity == Identity(
        "我的报道", None, "my-report", "https://example.org/r", "zh-Hans,zh-HK"
    )
    assert all(CJK.search(q) for q in questions) and len(questions) == 5
    assert "示例报道编写组" in questions[1], "each question shows the sample value"


def new_at_a_terminal(folder, answers: str, *flags: str) -> subprocess.CompletedProcess[str]:
    """`new FOLDER FLAGS` with a terminal for stdin, on which `answers` are typed."""
    main, child = pty.openpty()
    os.write(main, answers.encode())
    try:
        return run_command(
            [python(), "-m", "generator", "new", str(folder), *flags],
            stdin=child,
            capture_output=True,
            text=True,
            env=BUILD_ENV,
            timeout=60,
            check=False,
        )
    finally:
        os.close(main)
        os.close(child)


def test_new_asks_at_a_terminal(tmp_path):
    """With a terminal for stdin, `new` asks for what no flag gave, and writes the answers."""
    answers = "终端报道\n终端组\nterminal-report\nhttps://example.org/t/\n\n"
    started = new_at_a_terminal(tmp_path / "report", answers)
    assert started.returncode == 0, started.stderr
    assert "网站名称" in started.stdout
    settings = (tmp_path / "report" / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "终端报道"' in settings and 'citation_key: "terminal-report"' in settings
    assert "注意" not in started.stdout, "nothing was left at its sample value"
    quiet = new_at_a_terminal(tmp_path / "quiet", "", "--no-input")
    assert quiet.returncode == 0 and "网站名称（" not in quiet.stdout, "--no-input asks nothing"


def test_new_without_a_terminal_or_flags_asks_nothing_and_marks_the_samples(tmp_path):
    started = run_generator("new", str(tmp_path / "report"), cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    settings = (tmp_path / "report" / "mkdocs.yml").read_text(encoding="utf-8")
    assert settings == STARTER_SETTINGS, "the defaults are the starter's own sample values"
    assert "网站名称（" not in started.stdout, "nothing was asked"
    notice = started.stdout.splitlines()[-1]
    assert notice.startswith("注意：没有给出 --site-name --author --citation-key --site-url")
    assert all(value in notice for value in ("示例报道", "sample-report", "127.0.0.1"))


# --- the publishing build ----------------------------------------------------------------------


def _published(project: Path, url: str):
    (project / "site").mkdir(exist_ok=True)
    (project / "site" / "index.html").write_text("last good", encoding="utf-8")
    return run_generator("build", cwd=project, env={"SITE_URL": url})


def _refused_in_one_line(result) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("发布构建停下了"), lines[0]
    return lines[0]


def test_a_publishing_build_refuses_the_sample_identity_and_keeps_the_site(tmp_path):
    project = tmp_path / "report"
    assert run_generator("new", str(project), cwd=tmp_path).returncode == 0
    line = _refused_in_one_line(_published(project, "https://example.org/report/"))
    for key in ("site_name", "site_author", "plugins.report.citation_key"):
        assert f"mkdocs.yml 的 {key} 还是" in line, key
    assert "“示例报道”" in line and "“sample-report”" in line and "改成你的" in line
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "last good"
    assert not (project / "site.new").exists()


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://localhost/r/", "http://[::1]/"])
def test_a_publishing_build_refuses_a_loopback_address(tmp_path, url):
    project = tmp_path / "report"
    assert run_generator("new", str(project), *NEW_REPORT_FLAGS, cwd=tmp_path).returncode == 0
    line = _refused_in_one_line(_published(project, url))
    assert f"site_url 是本机地址 {url}" in line and "SITE_URL=" in line
    assert "示例值" not in line, "only the address is wrong"
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "last good"


def test_the_refusal_ends_once_the_sample_values_are_replaced(tmp_path, monkeypatch):
    project = tmp_path / "report"
    create_report(project)
    monkeypatch.setenv("SITE_URL", "https://example.org/report/")
    assert refusal(project / "mkdocs.yml") is not None
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    for key, value in sample_values().items():
        text = text.replace(f"{key.split('.')[-1]}: {value}", f"{key.split('.')[-1]}: 自己的-{key}")
    settings.write_text(text.replace("sample-report", "own-report"), encoding="utf-8")
    assert refusal(settings) is None
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    assert refusal(settings) is not None


def test_the_first_report_and_a_local_build_are_not_refused(monkeypatch):
    from mkdocs.config import load_config

    from generator.glue.publishing import publishing

    root = Path(__file__).parent.parent
    monkeypatch.setenv("SITE_URL", "https://example.org/sora/")
    assert publishing_problems(load_config(str(root / "mkdocs.yml"))) == []
    monkeypatch.delenv("SITE_URL")
    assert not publishing(), "a build without SITE_URL is a local one: nothing is checked"


# --- every command shown exists where it is shown -----------------------------------------------


def _commands(text: str) -> list[str]:
    """Each command a README's sh blocks or the success message's numbered steps show."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        found += [line.strip() for line in block.splitlines() if line.strip()]
    for step in re.findall(r"^  \d\. [^：]*：(.*)$", text, flags=re.MULTILINE):
        found.append(re.split(r"[，；]", step)[0].strip())
    return [part.strip() for command in found for part in command.split("&&")]


def _works_here(command: str, folder: Path) -> None:
    words = shlex.split(command, comments=True)
    while words and re.match(r"^[A-Z_]+=", words[0]):
        words = words[1:]
    program = words[0]
    if program == "cd":
        assert (folder.parent / words[1]).is_dir() or (folder / words[1]).is_dir(), command
        return
    if program == ".":
        assert Path(words[1]).is_file(), command
        return
    if program == "git":
        # `git SUBCOMMAND -h` prints its usage and exits 129; an unknown subcommand exits 1.
        usage = subprocess.run(["git", words[1], "-h"], capture_output=True, check=False)
        assert usage.returncode == 129, f"{command}: no such git command"
        return
    if program == "make":
        assert words[1] in make_targets(folder), f"{command}: no Makefile target there"
        return
    if program in ("python", "mkdocs"):
        program = str(Path(python()).parent / program)  # as the activated environment finds it
    help_words = words[1:4] if words[1:3] == ["-m", "generator"] else words[1:2]
    shown = subprocess.run(
        [program, *help_words, "--help"],
        cwd=folder,
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        timeout=120,
        check=False,
    )
    assert shown.returncode == 0, f"{command}: {shown.stderr}"


def test_every_command_the_readme_and_the_success_message_show_works_there(tmp_path):
    started = run_generator("new", "report", *NEW_REPORT_FLAGS, cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    project = tmp_path / "report"
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# {flag('--site-name')}\n")
    shown = {"README.md": _commands(readme), "new": _commands(started.stdout)}
    for where, commands in shown.items():
        assert len(commands) >= 6, (where, commands)
        joined = " ".join(commands)
        for step in ("git init", "git commit", "fingerprint", "check", "serve", "build"):
            assert step in joined, (where, step)
        assert f"SITE_URL={NEW_REPORT_URL}" in joined
        for command in commands:
            _works_here(command, project)


# --- messages fit any report -------------------------------------------------------------------


def test_a_report_without_a_makefile_is_told_the_generators_command(tmp_path, monkeypatch):
    from generator.facts.problems import Problem

    problem = Problem("data/events.yml", 3, 5, "date", "日期不对。")
    monkeypatch.chdir(tmp_path)
    summary = DataError([problem]).summary()
    assert "make" not in summary
    command = summary.split("改好后再运行 ")[1].rstrip("。")
    program, rest = command.split(" ", 1)
    assert rest == "-m generator check"
    assert shutil.which(program) or Path(program).is_file(), command
    (tmp_path / "Makefile").write_text("check: .venv/.ready\n\tpython -m generator check\n")
    assert DataError([problem]).summary().endswith("改好后再运行 make check。")


def test_problems_in_pages_are_counted_as_pages_and_point_at_a_build(tmp_path, monkeypatch):
    from generator.facts.problems import Problem

    monkeypatch.chdir(tmp_path)
    page = Problem("docs/index.md", 4, 1, "{{ nobody }}", "找不到。")
    data = Problem("data/events.yml", 3, 5, "date", "日期不对。")
    assert DataError([page]).summary().startswith("页面里共有 1 处问题")
    both = DataError([page, data]).summary()
    assert both.startswith("数据里有 1 处问题，页面里有 1 处问题")
    assert both.endswith("-m generator build。")


def test_fingerprint_speaks_chinese(tmp_path, capsys):
    from generator.glue.cli import main

    data = tmp_path / "data"
    assert main(["--data", str(data), "fingerprint", "src", str(tmp_path / "missing.txt")]) == 1
    assert "读不了原文" in capsys.readouterr().err
    copy = tmp_path / "copy.txt"
    copy.write_text("第一段。\n第二段。\n", encoding="utf-8")
    assert main(["--data", str(data), "fingerprint", "src", str(copy), "--lines", "x"]) == 1
    assert "--lines 'x' 看不懂" in capsys.readouterr().err
    assert main(["--data", str(data), "fingerprint", "src", str(copy)]) == 0
    written = capsys.readouterr().out
    assert written.startswith(f"已写入 {data}/fingerprints/src.yml：2 段。"), written


def test_the_guide_marks_required_what_check_refuses_to_do_without(tmp_path):
    table = field_table(Citation)
    assert re.search(r"^\| `quote` \| 是 \|", table, flags=re.MULTILINE), table
    create_report(tmp_path / "report")
    data = tmp_path / "report" / "data"
    for model, names in REQUIRED_BY_CHECK.items():
        assert model is Citation
        for name in names:
            events = data / "events.yml"
            text = events.read_text(encoding="utf-8")
            cut = re.sub(rf", {name}: '[^']*'", "", text, count=1)
            assert cut != text, f"the starter's events.yml cites with {name}"
            events.write_text(cut, encoding="utf-8")
            with pytest.raises(DataError, match="缺少引语"):
                load_fact_base(data, "data")
            events.write_text(text, encoding="utf-8")


def test_the_pages_workflow_publishes_through_the_check():
    """The Pages workflow runs `make build` with SITE_URL set; `make build` is the generator's
    build, which checks before it builds."""
    import yaml

    root = Path(__file__).parent.parent
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    assert "-m generator build" in recipe
    workflow = yaml.safe_load((root / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    build = next(step for step in steps if "make build" in str(step.get("run", "")))
    assert "SITE_URL" in build["env"]


def test_the_same_problem_found_twice_is_listed_once():
    from generator.facts.problems import Problem

    problem = Problem("data/events.yml", 3, 5, "date", "日期不对。")
    assert DataError([problem, problem]).problems == [problem]
