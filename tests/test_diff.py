"""`python -m generator diff`: the fact diff between two git revisions, as text and as Markdown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.diff import compare, escape_cell
from generator.load import load_fact_base

FIXTURE = Path(__file__).parent / "fixtures" / "diff"

NEW_EVENT = """\
  - id: zhang-nan-moves
    date: '2024-02-09'
    kind: personnel
    title: 张楠改任新职
    summary: |-
      张楠卸任首席执行官。
      转而专注视频|剪辑。
    involves: [zhang-nan]
    cite: [{source: test-source, paragraph: 2}]
    attribution: reported
"""

REMOVED_CLAIM = """\
  - id: video-matters
    topic: strategy
    text: 视频是公司的核心业务。
    about: [bytedance]
    cite: [{source: test-source, paragraph: 3}]
    attribution: author
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_edits(data: Path) -> None:
    """Add an event, remove a claim, change a figure value and a role title, rename a product."""
    events = data / "events.yml"
    events.write_text(events.read_text(encoding="utf-8") + NEW_EVENT, encoding="utf-8")
    edit(data / "claims.yml", REMOVED_CLAIM, "")
    edit(data / "figures.yml", "value: 3\n", "value: 2.5\n")
    edit(data / "people.yml", "title: 首席执行官", "title: 首席执行官（CEO）")
    for name in ("products.yml", "events.yml", "figures.yml", "claims.yml"):
        edit(data / name, "video-tool", "video-model-x")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose first commit holds the fixture and whose working tree the edits."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "user.name", "Test")
    git(root, "config", "commit.gpgsign", "false")
    shutil.copytree(FIXTURE, root / "data")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    make_edits(root / "data")
    monkeypatch.chdir(root)
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["diff", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


EXPECTED_TEXT = """\
Fact changes: HEAD~1 → HEAD
1 added, 1 removed, 1 renamed, 4 changed

people.yml
  changed role zhang-nan-ceo (in person zhang-nan)
      title: 首席执行官 → 首席执行官（CEO）

products.yml
  renamed product video-tool → video-model-x

events.yml
  added event zhang-nan-moves
      date: 2024-02-09
      kind: personnel
      title: 张楠改任新职
      summary: 张楠卸任首席执行官。
        转而专注视频|剪辑。
      involves: zhang-nan
      cite: test-source#2
      attribution: reported
  changed event tool-announced
      involves: bytedance, video-tool → bytedance, video-model-x

figures.yml
  changed figure training-hours
      value: 3 → 2.5
      about: video-tool → video-model-x

claims.yml
  removed claim video-matters
      topic: strategy
      text: 视频是公司的核心业务。
      about: bytedance
      cite: test-source#3
      attribution: author
  changed claim tool-is-early
      about: video-tool → video-model-x

Conversion review (zh-Hant)
  - phrase   视频 → 影片 ×2  claims.yml:claims[0].text, products.yml:products[0].about
  - phrase   首席执行官 → 執行長 ×1  people.yml:people[0].roles[0].title
  + phrase   视频 → 影片 ×2  events.yml:events[1].summary, products.yml:products[0].about
  + phrase   首席执行官 → 執行長 ×2  events.yml:events[1].summary, people.yml:people[0].roles[0].title
"""


def test_text_diff_between_two_commits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "commit", "-q", "-a", "-m", "edits")
    code, out, err = run(capsys, "HEAD~1", "HEAD")
    assert (code, err) == (0, "")
    assert out == EXPECTED_TEXT


EXPECTED_MARKDOWN = """\
## Fact changes: `HEAD` → `working tree`

1 added, 1 removed, 1 renamed, 4 changed

### people.yml

#### role

**changed** role `zhang-nan-ceo` (in person `zhang-nan`)

| field | before | after |
| --- | --- | --- |
| title | 首席执行官 | 首席执行官（CEO） |

### products.yml

#### product

**renamed** product `video-tool` → `video-model-x`

### events.yml

#### event

**added** event `zhang-nan-moves`

| field | before | after |
| --- | --- | --- |
| date |  | 2024-02-09 |
| kind |  | personnel |
| title |  | 张楠改任新职 |
| summary |  | 张楠卸任首席执行官。<br>转而专注视频\\|剪辑。 |
| involves |  | zhang-nan |
| cite |  | test-source#2 |
| attribution |  | reported |

**changed** event `tool-announced`

| field | before | after |
| --- | --- | --- |
| involves | bytedance, video-tool | bytedance, video-model-x |

### figures.yml

#### figure

**changed** figure `training-hours`

| field | before | after |
| --- | --- | --- |
| value | 3 | 2.5 |
| about | video-tool | video-model-x |

### claims.yml

#### claim

**removed** claim `video-matters`

| field | before | after |
| --- | --- | --- |
| topic | strategy |  |
| text | 视频是公司的核心业务。 |  |
| about | bytedance |  |
| cite | test-source#3 |  |
| attribution | author |  |

**changed** claim `tool-is-early`

| field | before | after |
| --- | --- | --- |
| about | video-tool | video-model-x |

### Conversion review (zh-Hant)

```diff
- phrase   视频 → 影片 ×2  claims.yml:claims[0].text, products.yml:products[0].about
- phrase   首席执行官 → 執行長 ×1  people.yml:people[0].roles[0].title
+ phrase   视频 → 影片 ×2  events.yml:events[1].summary, products.yml:products[0].about
+ phrase   首席执行官 → 執行長 ×2  events.yml:events[1].summary, people.yml:people[0].roles[0].title
```
"""


def test_markdown_diff_against_the_working_tree(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "HEAD", "--markdown")
    assert (code, err) == (0, "")
    assert out == EXPECTED_MARKDOWN


def test_no_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "HEAD", "HEAD")
    assert code == 0
    assert (
        out
        == "Fact changes: HEAD → HEAD\n0 added, 0 removed, 0 renamed, 0 changed\nNo fact changed.\n"
    )


def test_base_that_does_not_load_is_reported_without_traceback(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo / "data" / "figures.yml", "value: 2.5\n", "value: lots\n")
    git(repo, "commit", "-q", "-a", "-m", "broken")
    code, out, err = run(capsys, "HEAD", "HEAD~1")
    assert (code, out) == (1, "")
    assert err.startswith("The data at the base revision HEAD does not load:\n")
    assert "HEAD:data/figures.yml:" in err
    assert ": figures[0].value: expected a number, got text" in err
    assert "Traceback" not in err


def test_unknown_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "no-such-branch")
    assert (code, out) == (1, "")
    assert err == "diff: unknown revision 'no-such-branch'\n"


def test_a_different_record_of_the_same_kind_is_not_a_rename(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    old = load_fact_base(data, grounding=False)
    edit(
        data / "claims.yml",
        "id: tool-is-early\n    topic: technology\n    text: 这款工具仍处于研究阶段。",
        "id: tool-is-late\n    topic: technology\n    text: 这款工具上市比对手晚了一年多。",
    )
    changes = compare(old, load_fact_base(data, grounding=False))
    assert [(c.status, c.key) for c in changes] == [
        ("added", "tool-is-late"),
        ("removed", "tool-is-early"),
    ]


def test_table_cells_are_escaped() -> None:
    assert escape_cell("a|b\nc\r\nd <x>") == "a\\|b<br>c<br>d &lt;x>"
    assert escape_cell(None) == ""


def test_a_renamed_record_with_a_small_edit_is_a_rename(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    old = load_fact_base(data, grounding=False)
    edit(
        data / "claims.yml",
        "id: tool-is-early\n    topic: technology\n    text: 这款工具仍处于研究阶段。",
        "id: tool-still-early\n    topic: technology\n    text: 这款工具目前仍处于研究阶段。",
    )
    changes = compare(old, load_fact_base(data, grounding=False))
    assert [(c.status, c.old_key, c.key) for c in changes] == [
        ("renamed", "tool-is-early", "tool-still-early")
    ]
    assert [(f.path, f.before, f.after) for f in changes[0].fields] == [
        ("text", "这款工具仍处于研究阶段。", "这款工具目前仍处于研究阶段。")
    ]
