"""`python -m generator diff`: the fact diff between two git revisions, as text and as Markdown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.facts.compare import compare
from generator.facts.load import load_fact_base
from generator.glue.cli import main
from generator.review.fact_diff import escape_cell

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
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(SITE_CONFIG, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    make_edits(root / "data")
    monkeypatch.chdir(root)
    return root


# The review tools read the editions to review from here, as the plugin does.
SITE_CONFIG = """site_name: 测试
plugins:
  - report:
      data_licence: {name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/"}
      editions:
        - lang: zh-Hans
          name: 简体中文
        - lang: zh-Hant
          name: 繁體中文
          opencc: s2twp
          path: zh-Hant
"""


def test_the_editions_reviewed_are_those_mkdocs_yml_lists(repo, capsys):
    hong_kong = SITE_CONFIG + "        - {lang: zh-HK, name: 香港版, opencc: s2hk, path: zh-HK}\n"
    (repo / "mkdocs.yml").write_text(hong_kong, encoding="utf-8")
    code, out, _ = run(capsys, "HEAD")
    assert code == 0
    assert "的繁体（zh-Hant）" in out and "的繁体（zh-HK）" in out


def test_without_mkdocs_yml_the_review_asks_which_edition(repo, capsys):
    (repo / "mkdocs.yml").unlink()
    code, _, err = run(capsys, "HEAD")
    assert code == 1
    assert "找不到 mkdocs.yml" in err and "--opencc" in err and "Traceback" not in err
    code, out, _ = run(capsys, "HEAD", "--opencc", "s2hk", "--lang", "zh-HK")
    assert code == 0 and "的繁体（zh-HK）" in out and "（zh-Hant）" not in out


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["diff", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


EXPECTED_TEXT = """\
事实变化：HEAD~1 → HEAD
新增 1，删除 1，改名 1，修改 4

people.yml
  修改 职位 zhang-nan-ceo（属于人物 zhang-nan）
      title: 首席执行官 → 首席执行官（CEO）
      出处 test-source 第 2 段说：张楠改任新职。
      title 的繁体（zh-Hant）：執行長（CEO）

products.yml
  改名 产品 video-tool → video-model-x
      出处 test-source 第 1 段说：公司发布视频工具。

events.yml
  新增 事件 zhang-nan-moves
      date: 2024-02-09
      kind: personnel
      title: 张楠改任新职
      summary: 张楠卸任首席执行官。
        转而专注视频|剪辑。
      involves: zhang-nan
      cite: test-source#2
      attribution: reported
      出处 test-source 第 2 段说：张楠改任新职。
      title 的繁体（zh-Hant）：張楠改任新職
      summary 的繁体（zh-Hant）：張楠卸任執行長。
        轉而專注影片|剪輯。
  修改 事件 tool-announced
      involves: bytedance, video-tool → bytedance, video-model-x
      出处 test-source 第 1 段说：公司发布视频工具。

figures.yml
  修改 数字 training-hours
      value: 3 → 2.5
      about: video-tool → video-model-x
      出处 test-source 第 3 段说：训练用时与分析。

claims.yml
  删除 论断 video-matters
      topic: strategy
      text: 视频是公司的核心业务。
      about: bytedance
      cite: test-source#3
      attribution: author
  修改 论断 tool-is-early
      about: video-tool → video-model-x
      出处 test-source 第 1 段说：公司发布视频工具。
      出处 test-source 第 3 段说：训练用时与分析。

繁体转换审核（zh-Hant）
  - phrase   视频 → 影片 ×2  claims.yml › video-matters › text, products.yml › video-tool › about
  - phrase   视频工具 → 影片工具 ×1  products.yml › video-tool › name
  - phrase   首席执行官 → 執行長 ×1  people.yml › zhang-nan › roles: zhang-nan-ceo › title
  + phrase   视频 → 影片 ×2  events.yml › zhang-nan-moves › summary, products.yml › video-model-x › about
  + phrase   首席执行官 → 執行長 ×2  events.yml › zhang-nan-moves › summary, people.yml › zhang-nan › roles: zhang-nan-ceo › title
  + phrase   视频工具 → 影片工具 ×1  products.yml › video-model-x › name
"""


def test_text_diff_between_two_commits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "commit", "-q", "-a", "-m", "edits")
    code, out, err = run(capsys, "HEAD~1", "HEAD")
    assert (code, err) == (0, "")
    assert out == EXPECTED_TEXT


EXPECTED_MARKDOWN = """\
## 事实变化：`HEAD` → `工作区`

新增 1，删除 1，改名 1，修改 4

### people.yml

#### 职位

**修改** 职位 `zhang-nan-ceo`（属于人物 `zhang-nan`）

| 字段 | 原来 | 现在 |
| --- | --- | --- |
| title | 首席执行官 | 首席执行官（CEO） |

- 出处 `test-source` 第 2 段说：张楠改任新职。
- `title` 的繁体（zh-Hant）：執行長（CEO）

### products.yml

#### 产品

**改名** 产品 `video-tool` → `video-model-x`

- 出处 `test-source` 第 1 段说：公司发布视频工具。

### events.yml

#### 事件

**新增** 事件 `zhang-nan-moves`

| 字段 | 原来 | 现在 |
| --- | --- | --- |
| date |  | 2024-02-09 |
| kind |  | personnel |
| title |  | 张楠改任新职 |
| summary |  | 张楠卸任首席执行官。<br>转而专注视频\\|剪辑。 |
| involves |  | zhang-nan |
| cite |  | test-source#2 |
| attribution |  | reported |

- 出处 `test-source` 第 2 段说：张楠改任新职。
- `title` 的繁体（zh-Hant）：張楠改任新職
- `summary` 的繁体（zh-Hant）：張楠卸任執行長。<br>轉而專注影片\\|剪輯。

**修改** 事件 `tool-announced`

| 字段 | 原来 | 现在 |
| --- | --- | --- |
| involves | bytedance, video-tool | bytedance, video-model-x |

- 出处 `test-source` 第 1 段说：公司发布视频工具。

### figures.yml

#### 数字

**修改** 数字 `training-hours`

| 字段 | 原来 | 现在 |
| --- | --- | --- |
| value | 3 | 2.5 |
| about | video-tool | video-model-x |

- 出处 `test-source` 第 3 段说：训练用时与分析。

### claims.yml

#### 论断

**删除** 论断 `video-matters`

| 字段 | 原来 | 现在 |
| --- | --- | --- |
| topic | strategy |  |
| text | 视频是公司的核心业务。 |  |
| about | bytedance |  |
| cite | test-source#3 |  |
| attribution | author |  |

**修改** 论断 `tool-is-early`

| 字段 | 原来 | 现在 |
| --- | --- | --- |
| about | video-tool | video-model-x |

- 出处 `test-source` 第 1 段说：公司发布视频工具。
- 出处 `test-source` 第 3 段说：训练用时与分析。

### 繁体转换审核（zh-Hant）

```diff
- phrase   视频 → 影片 ×2  claims.yml › video-matters › text, products.yml › video-tool › about
- phrase   视频工具 → 影片工具 ×1  products.yml › video-tool › name
- phrase   首席执行官 → 執行長 ×1  people.yml › zhang-nan › roles: zhang-nan-ceo › title
+ phrase   视频 → 影片 ×2  events.yml › zhang-nan-moves › summary, products.yml › video-model-x › about
+ phrase   首席执行官 → 執行長 ×2  events.yml › zhang-nan-moves › summary, people.yml › zhang-nan › roles: zhang-nan-ceo › title
+ phrase   视频工具 → 影片工具 ×1  products.yml › video-model-x › name
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
    assert out == "事实变化：HEAD → HEAD\n新增 0，删除 0，改名 0，修改 0\n没有事实变化。\n"


def test_base_that_does_not_load_is_reported_without_traceback(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo / "data" / "figures.yml", "value: 2.5\n", "value: lots\n")
    git(repo, "commit", "-q", "-a", "-m", "broken")
    code, out, err = run(capsys, "HEAD", "HEAD~1")
    assert (code, out) == (1, "")
    assert err.startswith("基准版本 HEAD 的数据读不进来：\n")
    assert "HEAD:data/figures.yml:" in err
    assert ": training-hours › value: 这里应该是数字，却是文字" in err
    assert "Traceback" not in err


def test_unknown_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "no-such-branch")
    assert (code, out) == (1, "")
    assert err == "找不到 git 版本 'no-such-branch'：检查分支名，或先运行 git fetch。\n"


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


def test_conversions_since_lists_every_conversion_in_changed_text_with_file_and_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["conversions", "--since", "HEAD"])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    # Character conversions are listed too, not only what phrases change.
    assert "char     张楠 → 張楠 ×2  data/events.yml:13, data/events.yml:14" in lines
    assert "phrase   首席执行官 → 執行長 ×2  data/events.yml:14, data/people.yml:10" in lines
    # Text that did not change since HEAD is left out.
    assert not any("发布" in line for line in lines)
    assert lines[-1] == "共 7 种转换：词表 0 处，用语表 0 处，词语 3 处，逐字 6 处。"


def test_conversion_review_places_are_file_and_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["conversions", "--docs", "no-docs"]) == 0
    out = capsys.readouterr().out
    # ×4: the fixture's focus line has no dated product, so its chart (two more) is not drawn.
    assert "phrase   视频 → 影片 ×4  data/events.yml:14, data/products.yml:8" in out
    assert "[" not in out.replace("[+", "")  # no zero-based list index


def test_a_record_removed_and_one_of_another_kind_added_are_not_a_rename():
    from generator.facts.compare import Entry, changes_between

    fields = {"label": "同样的文字", "value": "3"}
    old = {("figure", "a"): Entry("figures.yml", "figure", "a", "", fields)}
    new = {("claim", "b"): Entry("claims.yml", "claim", "b", "", fields)}
    assert sorted(c.status for c in changes_between(old, new)) == ["added", "removed"]
