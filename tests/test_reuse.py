"""Reuse: licences, the data bundle of each edition and the how-to-cite box, read from a real build."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from generator.facts.export import facts_csv
from generator.facts.load import cached_fact_base
from generator.facts.schema import schema_files
from generator.site.bundle import data_bundle
from generator.site.publication import Licence, Publication, bibtex, build_date, formatted

ROOT = Path(__file__).parent.parent
EDITIONS = {"zh-Hans": "", "zh-Hant": "zh-Hant/"}
TITLES = {
    "zh-Hans": "中文版Sora竞赛：一份有出处的事实报告",
    "zh-Hant": "中文版Sora競賽：一份有出處的事實報告",
}
BUILD_DAY = "2023-11-14"  # SOURCE_DATE_EPOCH=1700000000 in the tests' builds
# The formatted reference as each edition's readers write one: GB/T 7714, APA in Chinese.
REFERENCES = {
    "zh-Hans": f"{TITLES['zh-Hans']}[DB/OL]. ({BUILD_DAY}).",
    "zh-Hant": f"中文版Sora競賽報告編輯小組（2023）。《{TITLES['zh-Hant']}》。http",
}


def bundle(site: Path, lang: str) -> zipfile.ZipFile:
    path = site / EDITIONS[lang] / "downloads" / f"sora-report-data-{lang}.zip"
    assert path.is_file(), path
    return zipfile.ZipFile(path)


def data_page(site: Path, lang: str) -> BeautifulSoup:
    text = (site / EDITIONS[lang] / "data.html").read_text(encoding="utf-8")
    return BeautifulSoup(text, "html.parser")


def test_code_and_data_have_their_licences():
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    data = (ROOT / "LICENSE-DATA").read_text(encoding="utf-8")
    assert code.startswith("MIT License")
    assert "Creative Commons Attribution 4.0 International" in data
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "MIT" in readme and "LICENSE-DATA" in readme


@pytest.mark.parametrize("lang", EDITIONS)
def test_bundle_holds_json_csvs_schemas_readme_and_citation(built_site, lang):
    with bundle(built_site, lang) as archive:
        names = archive.namelist()
        folder = f"sora-report-data-{lang}/"
        assert all(name.startswith(folder) for name in names)
        members = {name.removeprefix(folder): archive.read(name) for name in names}
    downloads = built_site / EDITIONS[lang] / "downloads"
    assert members["facts.json"] == (downloads / "facts.json").read_bytes()
    for csv_file in downloads.glob("*.csv"):
        assert members[csv_file.name] == csv_file.read_bytes(), csv_file.name
    for schema in (ROOT / "data" / "schema").glob("*.schema.json"):
        bundled = members[f"schema/{schema.name}"]
        if lang == "zh-Hans":
            assert bundled == schema.read_bytes(), schema.name
        else:  # the same schema, its descriptions in the edition's script
            committed = json.loads(schema.read_bytes())
            assert json.loads(bundled).keys() == committed.keys(), schema.name
            assert json.loads(bundled)["$defs"].keys() == committed["$defs"].keys(), schema.name
    readme = members["README.md"].decode("utf-8")
    assert readme.startswith(f"# {TITLES[lang]}\n")
    assert "CC BY 4.0" in readme and "https://creativecommons.org/licenses/by/4.0/" in readme
    assert "`events.csv`" in readme and "date_earliest" in readme and "belongs_to" in readme
    assert REFERENCES[lang] in readme
    assert ("许可" in readme) == (lang == "zh-Hans") and ("授權" in readme) == (lang == "zh-Hant")
    # The README lists exactly the tables the bundle holds.
    listed = set(re.findall(r"^- `([a-z_]+\.csv)`（", readme, flags=re.MULTILINE))
    held = {name for name in members if name.endswith(".csv")}
    assert listed == held and len(held) > 10
    assert ("glossary.csv" in held) == (lang == "zh-Hans")
    assert members["CITATION.bib"].decode("utf-8").startswith("@misc{sora-report,")
    csl = json.loads(members["CITATION.json"])
    assert csl[0]["title"] == TITLES[lang]


def test_bundle_is_byte_reproducible_with_the_build_date_inside(built_site):
    with bundle(built_site, "zh-Hans") as archive:
        stamps = {info.date_time for info in archive.infolist()}
        modes = {info.external_attr >> 16 for info in archive.infolist()}
    assert stamps == {(2023, 11, 14, 0, 0, 0)}
    assert modes == {0o644}
    base = cached_fact_base(ROOT / "data", "data")
    publication = Publication(
        "k", "t", "a", None, None, "zh-Hans", Licence("CC BY 4.0", "https://x.test/")
    )
    first = data_bundle(base, publication, str)
    assert first == data_bundle(base, publication, str)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        # README, facts.json, the CSVs, the schemas (facts.json's too), CITATION.bib and .json
        assert len(archive.namelist()) == len(facts_csv(base)) + len(schema_files()) + 5


@pytest.mark.parametrize("lang", EDITIONS)
def test_facts_json_is_valid_by_the_schema_bundled_with_it(built_site, lang):
    """A reader validating facts.json with the bundle's schema: its quote selectors are part
    of it, as the data page says, and a malformed one is refused."""
    with bundle(built_site, lang) as archive:
        folder = f"sora-report-data-{lang}/"
        facts = json.loads(archive.read(folder + "facts.json"))
        schema = json.loads(archive.read(folder + "schema/facts.schema.json"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(facts)
    cite = facts["events"][0]["cite"][0]
    assert cite["selector"]["type"] == "TextQuoteSelector"
    cite["selector"] = {"type": "TextQuoteSelector"}  # no exact words
    assert not validator.is_valid(facts)


def _assert_cite_box(page, lang, site_url):
    box = page.select_one("article .admonition.quote")
    assert box is not None
    assert box.select_one(".admonition-title").get_text(strip=True) in {"如何引用"}
    blocks = [code.get_text() for code in box.select("pre code")]
    assert len(blocks) == 2
    bib, csl_text = blocks
    url = site_url + EDITIONS[lang]
    assert bib.startswith("@misc{sora-report,")
    assert f"title = {{{TITLES[lang]}}}" in bib and f"url = {{{url}}}" in bib
    csl = json.loads(csl_text)
    assert csl[0]["title"] == TITLES[lang] and csl[0]["URL"] == url
    assert csl[0]["issued"] == {"date-parts": [[2023, 11, 14]]}
    assert REFERENCES[lang] in box.get_text()


@pytest.mark.parametrize("lang", EDITIONS)
def test_home_and_data_pages_show_how_to_cite_and_the_data_page_links_the_bundle(
    built_site, site_url, lang
):
    page = data_page(built_site, lang)
    links = [a["href"] for a in page.select("article a[href$='.zip']")]
    assert links == [f"downloads/sora-report-data-{lang}.zip"]
    licence = page.select_one("article a[href='https://creativecommons.org/licenses/by/4.0/']")
    assert licence is not None and licence.get_text() == "CC BY 4.0"
    home = built_site / EDITIONS[lang] / "index.html"
    for shown in (page, BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")):
        _assert_cite_box(shown, lang, site_url)


def test_bibtex_escapes_its_special_characters():
    publication = Publication(
        "k", "50% & {more}_x", "A#B", None, None, "zh-Hans", Licence("n", "https://x.test/")
    )
    entry = bibtex(publication)
    assert r"title = {50\% \& \{more\}\_x}" in entry and r"author = {A\#B}" in entry
    assert formatted(publication) == "A#B. 50% & {more}_x[DB/OL]."


def test_traditional_editions_cite_in_chinese_apa():
    licence = Licence("n", "https://x.test/")
    day = date(2024, 3, 1)
    hant = Publication("k", "題名", "編寫組", "https://x.test/", day, "zh-Hant", licence)
    assert formatted(hant) == "編寫組（2024）。《題名》。https://x.test/"
    undated = Publication("k", "題名", "編寫組", None, None, "zh-HK", licence)
    assert formatted(undated) == "編寫組（無日期）。《題名》。"
    hans = Publication("k", "题名", "编写组", "https://x.test/", day, "zh-Hans", licence)
    assert formatted(hans) == "编写组. 题名[DB/OL]. (2024-03-01). https://x.test/."


def _committed(folder: Path, when: str) -> Path:
    """A git repository in `folder` with one commit at `when`."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_DATE": when,
    }
    folder.mkdir()
    for args in (["init", "-q"], ["commit", "-q", "--allow-empty", "-m", "first"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=folder,
            env=env,
            check=True,
            capture_output=True,
        )
    return folder


def test_build_date_comes_from_source_date_epoch_or_git(monkeypatch, tmp_path):
    # Not this checkout's own history: the tests also pass in a copy without .git (a ZIP).
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert str(build_date(tmp_path)) == BUILD_DAY
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date(tmp_path) is None  # not a git checkout: no date rather than the clock
    repository = _committed(tmp_path / "repo", "2024-03-05T09:30:00+08:00")
    assert str(build_date(repository)) == "2024-03-05"


@pytest.mark.parametrize("epoch", ["0", "", "soon"])
def test_a_build_date_of_zero_or_nonsense_is_unknown_not_1970(monkeypatch, tmp_path, epoch):
    """What a script without git writes (`|| echo 0`) dates nothing 1970-01-01."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert build_date(tmp_path) is None
    repository = _committed(tmp_path / "repo", "2024-03-05T09:30:00+08:00")
    assert str(build_date(repository)) == "2024-03-05"  # then the last commit, as when unset
