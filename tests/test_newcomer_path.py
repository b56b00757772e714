"""A newcomer's whole path, as README's "Starting another report" walks it, in one build.

`new` with the newsroom's identity → `git init` and a first commit → `fingerprint` of the
article's copy → a record citing it with a short quote → `check` (a wrong quote refused in
Chinese, naming file and line) → the preview (`mkdocs serve`, at the address its terminal
shows, both editions) → a publishing build (`SITE_URL` set) → the record on the site in both
editions under the report's own name, and the change on the corrections page.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BUILD_ENV, free_port, python, run_generator, stop

SITE_NAME = "港口季报：一份有出处的事实报告"
SITE_URL = "https://newsroom.example.org/harbour-report/"
# The article's copy stays outside the report: only its fingerprint is committed.
ARTICLE = "东岭港务集团4月12日公布，一季度集装箱吞吐量为86万标准箱。\n集团表示，二季度将开通两条新航线。\n"
SOURCES = """
  - id: dongling-daily-2024-04-13
    title: 东岭港一季度吞吐量公布
    outlet: dongling-port-group
    published: '2024-04-13'
    copy_read: 编辑部存档的打印件。
    archive_note: 测试用的短文，没有网址。
    language: zh-Hans
    numbering: 每个非空行算一段。
    paragraphs:
      - n: 1
        gist: 东岭港务集团公布一季度集装箱吞吐量。
      - n: 2
        gist: 集团预告二季度开通新航线。
"""
ORGANIZATION = """
  - id: dongling-port-group
    name: 东岭港务集团
    kind: company
    country: unknown
    about: 公布东岭港吞吐量的港口运营公司。
    cite:
      - {{source: dongling-daily-2024-04-13, paragraph: 1, quote: '{quote}'}}
    attribution: reported
"""


def run(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_generator(*args, cwd=project, env=env)


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=港口新闻组", "-c", "user.email=desk@example.org", *args],
        cwd=project,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull},
        check=True,
        capture_output=True,
    )


def text_of(site: Path, edition: str, name: str) -> str:
    html = (site / edition / name).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").get_text()


# What `mkdocs serve` prints once the site is built and served (MkDocs' own log line).
SERVING = re.compile(r"Serving on (http://\S+)")
PREVIEW_SECONDS = 120


@contextmanager
def preview(project: Path, log: Path) -> Iterator[str]:
    """`mkdocs serve` in the report's folder, as its README says (on a free 127.0.0.1 port, so
    tests can run side by side): yields the address it prints once it has built both editions,
    and stops it on the way out. It builds once: nothing is edited while it runs."""
    port = free_port()
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [python(), "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env={**BUILD_ENV, "REPORT_LANG": "zh"},
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + PREVIEW_SECONDS
        while not (found := SERVING.search(log.read_text(encoding="utf-8"))):
            assert server.poll() is None, f"mkdocs serve stopped:\n{log.read_text('utf-8')}"
            assert time.monotonic() < deadline, f"no address yet:\n{log.read_text('utf-8')}"
            time.sleep(0.2)
        yield found.group(1)
    finally:
        stop(server)


def page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200, url
        return str(response.read().decode("utf-8"))


@pytest.mark.slow  # starts a report, runs its commands, previews it and builds it
def test_a_newcomer_goes_from_article_to_published_site(tmp_path: Path) -> None:
    project = tmp_path / "harbour-report"
    started = run(
        tmp_path,
        *("new", str(project), "--no-input", "--site-name", SITE_NAME, "--author", "港口新闻组"),
        *("--citation-key", "harbour-report", "--site-url", SITE_URL),
        *("--editions", "zh-Hans,zh-Hant"),
    )
    assert started.returncode == 0, started.stderr
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "开始新报道")

    copy = tmp_path / "article.txt"  # outside the project, as README says
    copy.write_text(ARTICLE, encoding="utf-8")
    printed = run(project, "fingerprint", "dongling-daily-2024-04-13", str(copy), "--lines", "1-2")
    assert printed.returncode == 0, printed.stderr
    assert "已写入" in printed.stdout and "2 段" in printed.stdout, "it answers in Chinese"
    fingerprint = project / "data" / "fingerprints" / "dongling-daily-2024-04-13.yml"
    assert "集装箱吞吐量" not in fingerprint.read_text(encoding="utf-8"), "hashes, never the text"

    data = project / "data"
    sources = data / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + SOURCES, encoding="utf-8")
    organizations = data / "organizations.yml"
    before = organizations.read_text(encoding="utf-8")
    wrong = before + ORGANIZATION.format(quote="东岭港务集团5月")  # the article says 4月
    organizations.write_text(wrong, encoding="utf-8")
    line = next(n for n, text in enumerate(wrong.splitlines(), 1) if "5月" in text)
    refused = run(project, "check")
    assert refused.returncode == 1
    assert f"organizations.yml:{line}" in refused.stderr, refused.stderr
    assert "引语 '东岭港务集团5月' 不在来源" in refused.stderr and "一字不改" in refused.stderr
    assert "Traceback" not in refused.stderr

    organizations.write_text(
        before + ORGANIZATION.format(quote="东岭港务集团4月12日"), encoding="utf-8"
    )
    checked = run(project, "check")
    assert checked.returncode == 0, checked.stderr

    # The preview, at the address the terminal shows (under the site's own path).
    with preview(project, tmp_path / "serve.log") as address:
        assert address.startswith("http://127.0.0.1:") and address.endswith("/harbour-report/")
        for edition, name in (("", "东岭港务集团"), ("zh-Hant/", "東嶺港務集團")):
            home = page(address + edition)
            assert "港口季报" in home or "港口季報" in home, f"home page of '{edition or 'root'}'"
            assert name in page(f"{address}{edition}organizations.html")
    assert not (project / "site").exists(), "the preview writes nothing into the report"
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "增加东岭港务集团", "-m", "说明：新来源的第一条记录。")

    built = run(project, "build", SITE_URL=SITE_URL)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    for edition, name in (("", "东岭港务集团"), ("zh-Hant", "東嶺港務集團")):
        organizations_page = text_of(site, edition, "organizations.html")
        assert name in organizations_page, f"the record in edition '{edition or 'root'}'"
        assert "港口季报" in organizations_page or "港口季報" in organizations_page
        changes = text_of(site, edition, "changes.html")
        assert name in changes, "the corrections page lists the commit's record"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert SITE_URL in home and "127.0.0.1" not in home, "published at its own address"
    assert "示例报道编写组" not in home and "港口新闻组" in home
