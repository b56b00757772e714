"""A copy of the project with no .git (a ZIP download, an sdist) builds, and dates nothing it
cannot know: no 1970-01-01, no day taken from the clock; the corrections page says why it is empty."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from commands import run_command
from conftest import BUILD_ENV, build_once, copy_project, python

EDITIONS = ("", "zh-Hant/")
TEXT_FILES = ("*.html", "*.xml", "*.json", "*.csv", "*.txt", "*.md", "*.bib")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def undated(tmp_path_factory) -> tuple[Path, str]:
    """(site/, build output) of a build with no git repository and no SOURCE_DATE_EPOCH."""

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        env = {key: value for key, value in BUILD_ENV.items() if key != "SOURCE_DATE_EPOCH"}
        # git must not find a repository above the copy either (a TMPDIR inside a checkout).
        env["GIT_CEILING_DIRECTORIES"] = str(project.parent)
        env["SITE_URL"] = "https://example.org/report/"
        result = run_command(
            [python(), "-m", "mkdocs", "build", "--strict"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
        (folder / "output.txt").write_text(result.stderr, encoding="utf-8")

    folder = build_once(tmp_path_factory, "outside-git", make)
    return folder / "project" / "site", (folder / "output.txt").read_text(encoding="utf-8")


def _today() -> set[str]:
    return {datetime.now(UTC).date().isoformat(), datetime.now().date().isoformat()}


def _texts(site: Path) -> dict[str, str]:
    """Every text file of the site, and every file inside its data bundles, by path."""
    found = {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for pattern in TEXT_FILES
        for path in site.rglob(pattern)
    }
    for bundle in site.rglob("*.zip"):
        with zipfile.ZipFile(io.BytesIO(bundle.read_bytes())) as archive:
            for name in archive.namelist():
                found[f"{bundle.name}/{name}"] = archive.read(name).decode("utf-8")
    return found


def test_nothing_is_dated_1970_or_by_the_clock(undated):
    site, _ = undated
    texts = _texts(site)
    assert any(name.endswith("CITATION.bib") for name in texts)
    assert [name for name, text in texts.items() if "1970" in text] == []
    dated_by_clock = [
        name
        for name, text in texts.items()
        if name.endswith(("sitemap.xml", "feed.xml", "CITATION.bib", "CITATION.json", "README.md"))
        and any(day in text for day in _today())
    ]
    assert dated_by_clock == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_sitemap_lists_every_page_without_a_last_modified_day(undated, edition):
    site, _ = undated
    sitemap = ET.parse(site / edition / "sitemap.xml").getroot()
    urls = sitemap.findall(f"{SITEMAP}url")
    assert len(urls) > 10
    assert sitemap.findall(f"{SITEMAP}url/{SITEMAP}lastmod") == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_feed_has_no_entry_and_no_invented_update_time(undated, edition):
    site, _ = undated
    feed = ET.parse(site / edition / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.find(f"{ATOM}updated") is None
    assert feed.find(f"{ATOM}title") is not None


def test_how_to_cite_leaves_the_unknown_date_out_or_says_it_is_unknown(undated):
    site, _ = undated
    for edition in EDITIONS:
        for page in ("index.html", "data.html"):
            soup = BeautifulSoup((site / edition / page).read_text(encoding="utf-8"), "html.parser")
            box = soup.select_one("article .admonition.quote")
            assert box is not None, edition + page
            bib, csl_text = (code.get_text() for code in box.select("pre code"))
            assert "year =" not in bib and "date =" not in bib
            csl = json.loads(csl_text)
            assert "issued" not in csl[0] and csl[0]["URL"].startswith("https://example.org/")
            reference = box.select_one("p:not(.admonition-title)").get_text()
            if edition:  # APA in Chinese says so: （無日期）
                assert "（無日期）" in reference, reference
            else:  # GB/T 7714 leaves the date out: no "(YYYY-MM-DD)."
                assert re.search(r"\(\d{4}", reference) is None, reference
                assert "[DB/OL]." in reference


def test_the_bundle_says_its_date_is_unknown(undated):
    site, _ = undated
    with zipfile.ZipFile(site / "downloads" / "sora-report-data-zh-Hans.zip") as archive:
        readme = archive.read("sora-report-data-zh-Hans/README.md").decode("utf-8")
        stamps = {info.date_time for info in archive.infolist()}
    assert "日期未知" in readme and "不是数据的日期" in readme
    assert stamps == {(1980, 1, 1, 0, 0, 0)}  # the zip format's earliest: the README says so


def test_corrections_page_says_there_is_no_history_and_why(undated):
    site, output = undated
    for edition, empty, why in (
        ("", "暂无修订记录", "不是在 git 仓库里构建的"),
        ("zh-Hant/", "暫無修訂記錄", "不是在 git 儲存庫裡建置的"),
    ):
        page = BeautifulSoup(
            (site / edition / "changes.html").read_text(encoding="utf-8"), "html.parser"
        )
        note = page.select_one("article .admonition.note")
        assert note is not None, edition
        assert empty in note.get_text() and why in note.get_text(), note.get_text()
        assert "git clone" in note.get_text()
        assert page.select("article h2") == []
    # No page claims a day it last changed.
    assert [p for p in site.rglob("*.html") if 'class="page-updated"' in p.read_text("utf-8")] == []
    assert "git" in output  # the one line that says why the build has no history
    for edition in ("", "zh-Hant/"):
        timeline = BeautifulSoup(
            (site / edition / "timeline.html").read_text(encoding="utf-8"), "html.parser"
        )
        assert timeline.select(".fact-updated, .fact-correction") == []
        assert "<entry>" not in (site / edition / "feed.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", EDITIONS)
def test_reference_managers_and_dataset_search_get_no_invented_date(undated, edition):
    """Zotero and Scholar read citation_* tags, Dataset Search the Dataset: without a known
    build date neither carries one, and everything else is still there."""
    site, _ = undated
    data_page = (site / edition / "data.html").read_text(encoding="utf-8")
    assert 'name="citation_title"' in data_page and 'name="citation_author"' in data_page
    assert "citation_publication_date" not in data_page
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', data_page)
    (dataset,) = [json.loads(block) for block in blocks]
    assert dataset["@type"] == "Dataset" and dataset["distribution"]
    assert "datePublished" not in dataset


def test_an_engine_this_project_lacks_is_named_in_one_line(monkeypatch, tmp_path, capsys):
    from generator.glue.staged_build import staged_build

    monkeypatch.setenv("SITE_ENGINE", "zensical")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("上一次的网站", encoding="utf-8")
    assert staged_build(tmp_path) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "SITE_ENGINE=zensical" in err and "properdocs" in err
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "上一次的网站"
