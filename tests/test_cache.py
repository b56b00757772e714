"""The one cache rule: an entry is found again only by the same code, message language and inputs;
a cache that cannot be written costs time, never the build."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import run_mkdocs

from generator.facts import cache as cache_module
from generator.facts.cache import DiskCache
from generator.facts.load import cached_fact_base
from generator.facts.problems import DataError

CODE = ("facts/dates.py",)
DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the code the test cache names, to change."""
    root = tmp_path / "generator"
    (root / "facts").mkdir(parents=True)
    shutil.copy(cache_module.CODE_ROOT / CODE[0], root / CODE[0])
    monkeypatch.setattr(cache_module, "CODE_ROOT", root)
    return root


def test_an_entry_is_read_back_by_its_inputs_only(tmp_path):
    cache = DiskCache(tmp_path, "test", CODE)
    assert cache.read("a", 1) is None
    cache.write(b"first", "a", 1)
    assert DiskCache(tmp_path, "test", CODE).read("a", 1) == b"first"
    assert cache.read("a", 2) is None and cache.read("a") is None
    cache.write_json({"x": ["一"]}, "b")
    assert cache.read_json("b") == {"x": ["一"]}
    assert [p for p in cache.folder.iterdir() if p.suffix != ".json"] == []  # no temporary left


def test_a_change_to_the_code_starts_afresh_and_drops_the_old_entries(tmp_path, code):
    DiskCache(tmp_path, "test", CODE).write(b"old", "a")
    with (code / CODE[0]).open("a", encoding="utf-8") as changed:
        changed.write("\n# changed\n")
    cache = DiskCache(tmp_path, "test", CODE)
    assert cache.read("a") is None
    assert list((tmp_path / "test").iterdir()) == []  # the old code's folder is gone


def test_another_message_language_has_its_own_entries_and_keeps_the_first(tmp_path, monkeypatch):
    DiskCache(tmp_path, "test", CODE).write(b"zh", "a")
    monkeypatch.setenv("REPORT_LANG", "en")
    english = DiskCache(tmp_path, "test", CODE)
    assert english.read("a") is None
    english.write(b"en", "a")
    monkeypatch.delenv("REPORT_LANG")
    assert DiskCache(tmp_path, "test", CODE).read("a") == b"zh"  # switching back reads it again


def test_a_read_only_cache_is_read_and_never_written(tmp_path, monkeypatch):
    cache = DiskCache(tmp_path, "test", CODE)
    cache.write(b"kept", "a")

    def refused(*args: object, **options: object) -> None:
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(cache_module.tempfile, "mkstemp", refused)
    monkeypatch.setattr(cache_module.Path, "mkdir", refused)
    assert DiskCache(tmp_path, "test", CODE).read("a") == b"kept"
    assert cache.write(b"new", "b") is None
    assert cache.read("b") is None


def test_a_missing_or_unusable_cache_folder_is_no_error(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = DiskCache(blocked, "test", CODE)
    assert cache.write(b"x", "a") is None and cache.read("a") is None
    assert DiskCache(tmp_path / "missing", "test", CODE).read("a") is None


def test_a_cache_that_cannot_be_written_builds_the_same_site(
    history_project, built_site, site_url, tmp_path
):
    """A checkout where `.cache` cannot be made: history, cards and the Traditional search
    dictionary are all made again, and the site is the same, byte for byte."""
    project = tmp_path / "project"
    shutil.copytree(history_project[0], project, ignore=shutil.ignore_patterns("site", ".cache"))
    (project / ".cache").write_text("not a folder", encoding="utf-8")
    result = run_mkdocs(project, "build", "--strict", site_url=site_url)
    assert result.returncode == 0, result.stderr[-3000:]
    built = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    again = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*"))
    assert [p for p in again if (project / "site" / p).is_file()] == built
    differ = [
        p for p in built if (built_site / p).read_bytes() != (project / "site" / p).read_bytes()
    ]
    assert differ == []


def test_an_entry_a_build_reads_is_kept_and_one_unused_for_a_week_is_dropped(tmp_path):
    cache = DiskCache(tmp_path, "test", CODE)
    long_ago = time.time() - 8 * 24 * 3600
    for name in ("read", "unused"):
        os.utime(cache.write(name.encode(), name) or "", (long_ago, long_ago))
    cache.write(b"new", "new")
    assert cache.read("read") == b"read"  # a build still uses it
    again = DiskCache(tmp_path, "test", CODE)
    assert again.read("read") == b"read" and again.read("new") == b"new"
    assert again.read("unused") is None


def test_the_fact_base_is_loaded_again_after_an_edit_within_the_same_second(tmp_path):
    """Reused by the data files' contents, not their times: a quick edit is never missed."""
    shutil.copytree(DATA, tmp_path / "data")
    figures = tmp_path / "data" / "figures.yml"
    before = cached_fact_base(tmp_path / "data")
    assert cached_fact_base(tmp_path / "data") is before
    stat = figures.stat()
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("芯片筹集的资金\n", "芯片募集的资金\n", 1),
        encoding="utf-8",
    )
    os.utime(figures, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same time, the same size
    assert figures.stat().st_size == stat.st_size
    assert cached_fact_base(tmp_path / "data").figures[0].label.endswith("芯片募集的资金")


def test_code_that_does_not_exist_is_an_error_not_a_key_without_it(tmp_path):
    with pytest.raises(FileNotFoundError):
        DiskCache(tmp_path, "test", ("facts/no_such_module.py",))


def test_the_fact_base_is_checked_again_after_a_fingerprint_changes(tmp_path):
    """A fingerprint is part of what the cached fact base was checked against: removing one
    (or editing it) must be seen by the next load, as an edit to a data file is."""
    shutil.copytree(DATA, tmp_path / "data")
    cached_fact_base(tmp_path / "data")
    next((tmp_path / "data" / "fingerprints").glob("*.yml")).unlink()
    with pytest.raises(DataError):
        cached_fact_base(tmp_path / "data")


def test_a_missing_file_and_an_empty_one_hash_differently(tmp_path):
    from generator.facts.cache import files_digest

    missing = files_digest([tmp_path / "events.yml"], tmp_path)
    (tmp_path / "events.yml").write_bytes(b"")
    assert files_digest([tmp_path / "events.yml"], tmp_path) != missing
