"""The facts' history read from git: reasons, corrections, freshness, merges, cache, no history."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.facts import cache as cache_module
from generator.facts import history as history_module
from generator.facts.history import read_history

FIXTURE = Path(__file__).parent / "fixtures" / "diff"
DAYS = ("2024-01-01T12:00:00+08:00", "2024-01-02T12:00:00+08:00", "2024-01-03T12:00:00+08:00")


def git(repo: Path, *args: str, when: str = DAYS[0]) -> str:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    done = subprocess.run(
        ["git", "-c", "user.name=编辑", "-c", "user.email=desk@example.org", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Published, then a figure corrected, then a role retitled with a reason."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURE, root / "data")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first publication")
    edit(root / "data" / "figures.yml", "value: 3\n", "value: 2.5\n")
    message = "Fix a figure\n\n更正：训练时长应为2.5小时，原先误写为3小时。"
    git(root, "commit", "-q", "-am", message, when=DAYS[1])
    edit(root / "data" / "people.yml", "title: 首席执行官", "title: 首席执行官（CEO）")
    git(root, "commit", "-q", "-am", "Retitle\n\n说明：补上英文缩写。", when=DAYS[2])
    return root


def test_each_change_has_its_date_records_and_reason(repo, tmp_path):
    found = read_history(repo / "data", tmp_path / "cache")
    assert found.available
    first, correction, change = found.revisions
    assert first.initial and first.record_count > 0 and first.day == "2024-01-01"
    assert correction.correction == "训练时长应为2.5小时，原先误写为3小时。"
    assert correction.day == "2024-01-02"
    [figure] = correction.records
    assert (figure.status, figure.kind, figure.key) == ("changed", "figure", "training-hours")
    assert [(f.path, f.before, f.after) for f in figure.fields] == [("value", "3", "2.5")]
    assert change.correction is None and change.reason == "补上英文缩写。"
    assert [r.key for r in change.records] == ["zhang-nan-ceo"]


def test_each_record_knows_its_last_change_and_its_correction(repo, tmp_path):
    found = read_history(repo / "data", tmp_path / "cache")
    assert found.updated["training-hours"].day == "2024-01-02"
    assert found.updated["zhang-nan-ceo"].day == "2024-01-03"
    assert found.updated["zhang-nan"].day == "2024-01-01"
    assert set(found.corrected) == {"training-hours"}
    assert found.latest().day == "2024-01-03"  # type: ignore[union-attr]
    assert found.latest(["zhang-nan", "training-hours"]).day == "2024-01-02"  # type: ignore[union-attr]


def test_english_correction_line_and_subject_as_reason(repo, tmp_path):
    edit(repo / "data" / "figures.yml", "value: 2.5\n", "value: 2\n")
    git(repo, "commit", "-q", "-am", "Round the figure\n\nCorrection: the source says 2 hours.")
    edit(repo / "data" / "figures.yml", "value: 2\n", "value: 2.0001\n")
    git(repo, "commit", "-q", "-am", "Adjust the figure again")
    found = read_history(repo / "data", tmp_path / "cache")
    assert found.revisions[-2].correction == "the source says 2 hours."
    assert found.revisions[-1].correction is None
    # A subject in another language than the readers' is not shown as the reason.
    assert found.revisions[-1].reason == ""
    assert found.corrected["training-hours"] is found.revisions[-2]


def test_a_correction_line_in_a_merged_branch_counts(repo, tmp_path):
    git(repo, "checkout", "-q", "-b", "fix")
    edit(repo / "data" / "figures.yml", "value: 2.5\n", "value: 2\n")
    git(repo, "commit", "-q", "-am", "Fix\n\n更正：原文是2小时。")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge the fix", "fix")
    found = read_history(repo / "data", tmp_path / "cache")
    assert found.revisions[-1].correction == "原文是2小时。"
    assert len(found.revisions) == 4  # the merge once, not the branch commit too


def test_the_second_read_loads_no_revision(repo, tmp_path, monkeypatch):
    first = read_history(repo / "data", tmp_path / "cache")
    history_module._last_read.clear()  # another process: only the cache on disk is left

    def must_not_load(*args: object) -> None:
        raise AssertionError("a cached commit was loaded again")

    monkeypatch.setattr(history_module, "load_revision", must_not_load)
    again = read_history(repo / "data", tmp_path / "cache")
    assert again is not first
    assert again.revisions == first.revisions
    assert again.updated == first.updated


def loads_counted(monkeypatch) -> list[str]:
    """The revisions whose data read_history loads from now on."""
    loaded: list[str] = []
    real = history_module.load_revision

    def counted(root: Path, data_rel: str, revision: str) -> object:
        loaded.append(git(root, "rev-parse", revision).strip())
        return real(root, data_rel, revision)

    monkeypatch.setattr(history_module, "load_revision", counted)
    return loaded


def test_after_a_new_commit_only_it_is_compared(repo, tmp_path, monkeypatch):
    read_history(repo / "data", tmp_path / "cache")
    history_module._last_read.clear()
    cached = {p.name: p.read_bytes() for p in (tmp_path / "cache").rglob("*.json")}
    parent = git(repo, "rev-parse", "HEAD").strip()
    edit(repo / "data" / "figures.yml", "value: 2.5\n", "value: 2\n")
    git(repo, "commit", "-q", "-am", "Round\n\n说明：取整。", when=DAYS[2])
    new = git(repo, "rev-parse", "HEAD").strip()
    loaded = loads_counted(monkeypatch)
    found = read_history(repo / "data", tmp_path / "cache")
    assert found.revisions[-1].reason == "取整。" and len(found.revisions) == 4
    assert sorted(loaded) == sorted([new, parent])  # the new commit, and its parent to compare
    after = {p.name: p.read_bytes() for p in (tmp_path / "cache").rglob("*.json")}
    added = set(after) - set(cached)
    assert len(added) == 1 and after == {**cached, **{name: after[name] for name in added}}


def test_the_editions_of_one_build_read_the_history_once(repo, tmp_path, monkeypatch):
    first = read_history(repo / "data", tmp_path / "cache")
    loaded = loads_counted(monkeypatch)

    def must_not_read(*args: object) -> None:
        raise AssertionError("the cache was read again")

    monkeypatch.setattr(cache_module.DiskCache, "read", must_not_read)  # not even the cache
    assert read_history(repo / "data", tmp_path / "cache") is first
    assert loaded == []


def test_the_cache_is_kept_per_message_language(repo, tmp_path, monkeypatch):
    """REPORT_LANG words the field paths of a diff: each language has its own diffs."""
    read_history(repo / "data", tmp_path / "cache")
    monkeypatch.setenv("REPORT_LANG", "en")
    loaded = loads_counted(monkeypatch)
    read_history(repo / "data", tmp_path / "cache")
    assert len(loaded) == 3  # English diffs are made, not the Chinese ones reused
    folders = sorted(p.name.partition("-")[0] for p in (tmp_path / "cache" / "history").iterdir())
    assert folders == ["en", "zh"]  # and the Chinese ones are kept for the next Chinese build
    monkeypatch.delenv("REPORT_LANG")
    history_module._last_read.clear()
    read_history(repo / "data", tmp_path / "cache")
    assert len(loaded) == 3


def test_a_change_to_any_module_that_loads_facts_starts_a_new_cache(repo, tmp_path, monkeypatch):
    """Not only the model and the loader: a date rule or a field's meaning may change a diff."""
    code = tmp_path / "generator"
    shutil.copytree(cache_module.CODE_ROOT / "facts", code / "facts")
    monkeypatch.setattr(cache_module, "CODE_ROOT", code)
    read_history(repo / "data", tmp_path / "cache")
    history_module._last_read.clear()
    loaded = loads_counted(monkeypatch)
    read_history(repo / "data", tmp_path / "cache")
    assert loaded == []  # the same code reads its diffs
    with (code / "facts" / "dates.py").open("a", encoding="utf-8") as changed:
        changed.write("\n# changed\n")
    found = read_history(repo / "data", tmp_path / "cache")
    assert len(loaded) == 3 and len(found.revisions) == 3  # every commit compared again
    # The diffs of the code before are gone: they will never be read again.
    assert len(list((tmp_path / "cache" / "history").iterdir())) == 1


def test_a_commit_whose_data_does_not_load_is_passed_over(repo, tmp_path):
    edit(repo / "data" / "figures.yml", "value: 2.5\n", "value: [\n")
    git(repo, "commit", "-q", "-am", "Broken")
    edit(repo / "data" / "figures.yml", "value: [\n", "value: 2\n")
    git(repo, "commit", "-q", "-am", "Fixed\n\n更正：改为2小时。")
    found = read_history(repo / "data", tmp_path / "cache")
    assert [r.correction for r in found.revisions][-1] == "改为2小时。"
    assert len(found.revisions) == 4


def test_outside_git_there_is_no_history(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "data")
    found = read_history(tmp_path / "data", tmp_path / "cache")
    assert not found.available and found.missing == "no-git"
    assert found.revisions == [] and found.updated == {}


def test_a_shallow_clone_has_no_history(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    found = read_history(clone / "data", tmp_path / "cache")
    assert found.missing == "shallow"


def test_uncommitted_data_has_no_history(tmp_path):
    git(tmp_path, "init", "-q")
    shutil.copytree(FIXTURE, tmp_path / "data")
    found = read_history(tmp_path / "data", tmp_path / "cache")
    assert found.missing == "no-commits"


def test_diffs_made_by_other_code_are_dropped_from_the_cache(repo, tmp_path):
    """In any language: those folders will never be read again."""
    stale = [tmp_path / "cache" / "history" / name for name in ("zh-0123456789abcdef", "en-0123")]
    for folder in stale:
        folder.mkdir(parents=True)
        (folder / "a.json").write_text("{}", encoding="utf-8")
    read_history(repo / "data", tmp_path / "cache")
    assert not [folder for folder in stale if folder.exists()]
    assert len(list((tmp_path / "cache" / "history").glob("*/*.json"))) == 3


def test_reasons_read_as_sentences_in_the_readers_language():
    from generator.facts.history import reasons_of

    correction, reason = reasons_of("改正两处\n\n更正：甲写错了。\n更正：乙的单位\n更正：丙")
    assert correction == "甲写错了。乙的单位；丙"  # no 。； where a sentence already ended
    assert reason == correction
    # An English subject is not shown to Chinese readers; a Chinese one is, when nothing else is.
    assert reasons_of("Compute page: tidy the chain\n\nbody") == (None, "")
    assert reasons_of("补上一条记录\n\nbody") == (None, "补上一条记录")
    assert reasons_of("Taiwan read: 拚算力, 位元\n") == (None, "")
    assert reasons_of("补上Sora的开发方\n") == (None, "补上Sora的开发方")
    assert reasons_of("Tidy\n\n说明：补上漏掉的记录。") == (None, "补上漏掉的记录。")


def _rev(name: str, correction: str | None, *edits: tuple[str, str, str | None]):
    from generator.facts.history import RecordEdit, Revision

    records = tuple(RecordEdit(status, "figure", key, old, ()) for status, key, old in edits)
    return Revision(name * 40, 0, DAYS[0], correction, "", False, records, 0)


def test_a_correction_marks_only_the_records_it_changed_and_follows_a_rename():
    """A record added in a correcting commit was not corrected; a corrected record keeps the
    mark when it is later renamed."""
    from generator.facts.history import History, apply_revision

    found = History(missing=None)
    fix = _rev("a", "改正数字。", ("changed", "old-id", None), ("added", "new-record", None))
    apply_revision(found, fix, [])
    assert set(found.corrected) == {"old-id"}
    apply_revision(found, _rev("b", None, ("renamed", "new-id", "old-id")), [])
    assert found.corrected == {"new-id": fix}
    # A record removed later is neither updated nor corrected: its id may be used again.
    apply_revision(found, _rev("c", None, ("removed", "new-id", None)), [])
    assert "new-id" not in found.corrected and "new-id" not in found.updated


def test_a_change_to_the_conversion_glossary_alone_is_not_a_revision(repo, tmp_path):
    glossary = repo / "data" / "glossary.yml"
    entry = "  - simplified: 字节\n    traditional: 字節\n    why: 专名。\n"
    glossary.write_text("glossary:\n" + entry, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Glossary\n\n说明：补充术语。", when=DAYS[2])
    found = read_history(repo / "data", tmp_path / "cache")
    assert [r.reason for r in found.revisions][-1] == "补上英文缩写。"
    assert len(found.revisions) == 3
