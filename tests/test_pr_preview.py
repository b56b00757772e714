"""The pull-request preview comment, built offline from a recorded `pull_request` event."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from commands import run_command
from conftest import BUILD_ENV, build_once, copy_project, python
from test_workflows import WORKFLOWS, load_workflow, steps

from generator.editions.edition import Edition
from generator.facts.messages import say
from generator.review import pull_request as pr_module
from generator.review.pull_request import (
    MARKER,
    PullRequest,
    base_revision,
    build_comment,
    page_url,
)

HANS = Edition("zh-Hans", "简体中文", None, "")
HANT = Edition("zh-Hant", "繁體中文", "s2twp", "zh-Hant")
HK = Edition("zh-HK", "香港繁體", "s2hk", "zh-HK")

EVENT = Path(__file__).parent / "fixtures" / "pr" / "pull_request_synchronize.json"
RUN_URL = "https://github.com/example-newsroom/sora-report/actions/runs/8000000001"

JIANYING_RELATION = "        target: jianying-business\n"
NEW_RELATION = """\
      - kind: compared-with
        target: sora
        cite:
          - {source: zhinengpro-2024-02-25, paragraph: 27, quote: '向Sora看齐'}
        attribution: author
        asserted_by: zhinengpro
"""
NEW_CLAIM = """\
  - id: jianying-subscription-test
    topic: strategy
    text: 剪映的收费能否成立，取决于它能否为创作者节省人力。
    about: [jianying]
    cite:
      - {source: zhinengpro-2024-02-25, paragraph: 28, quote: '收费也就更有底气'}
    attribution: author
    asserted_by: zhinengpro
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory) -> Path:
    """A clone-like repository: main holds the report, the branch adds a claim and a relation."""
    return build_once(tmp_path_factory, "pull-request", make_pull_request) / "repo"


def make_pull_request(folder: Path) -> None:
    repo = copy_project(folder / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "switch", "-q", "-c", "add-jianying-sora")
    claims = repo / "data" / "claims.yml"
    claims.write_text(claims.read_text(encoding="utf-8") + NEW_CLAIM, encoding="utf-8")
    products = repo / "data" / "products.yml"
    text = products.read_text(encoding="utf-8")
    anchor = text.index(JIANYING_RELATION)
    end = text.index("        attribution: reported\n", anchor) + len(
        "        attribution: reported\n"
    )
    products.write_text(text[:end] + NEW_RELATION + text[end:], encoding="utf-8")
    git(repo, "commit", "-q", "-a", "-m", "add a claim and a relation")
    (repo / "site").mkdir()
    (repo / "site" / "index.html").write_text("<!doctype html>", encoding="utf-8")


def comment(repo: Path, *extra: str) -> str:
    # Outside the repository, which every worker of the run shares.
    out = Path(tempfile.mkdtemp()) / "preview-comment.md"
    result = run_command(
        [python(), "-m", "generator", "pr-comment", str(EVENT), "--out", str(out), *extra],
        cwd=repo,
        env={**BUILD_ENV, "REPORT_LANG": ""},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def body(tmp_path_factory, pull_request: Path) -> str:
    """The comment for the recorded event, written once per run."""

    def write(folder: Path) -> None:
        text = comment(pull_request, "--run-url", RUN_URL)
        (folder / "comment.md").write_text(text, encoding="utf-8")

    folder = build_once(tmp_path_factory, "pull-request-comment", write)
    return (folder / "comment.md").read_text(encoding="utf-8")


def test_the_comment_is_marked_for_updating_and_names_the_pull_request(body):
    assert body.startswith(MARKER + "\n")
    assert "拉取请求 #7 的预览（提交 9b2e7d4）" in body


def test_the_comment_points_to_the_uploaded_site(body):
    assert "`site-preview-7`" in body
    assert f"({RUN_URL}#artifacts)" in body


def test_the_comment_lists_the_changed_pages_in_both_scripts(body):
    table = body.split("### 改动的页面", 1)[1].split("###", 1)[0]
    assert "| 页面 | 简体中文 | 繁體中文 |" in table
    assert "| `analysis.md` | `analysis.html` | `zh-Hant/analysis.html` |" in table
    assert "| `products.md` | `products.html` | `zh-Hant/products.html` |" in table
    assert "timeline.md" not in table  # no event changed


def test_the_comment_reviews_every_conversion_of_the_new_text(pull_request, body):
    claims = (pull_request / "data" / "claims.yml").read_text(encoding="utf-8").splitlines()
    where = f"data/claims.yml:{next(n for n, x in enumerate(claims, 1) if '剪映的收费' in x)}"
    review = body.split("### 新文字的繁体转换（请逐条核对）", 1)[1].split("<details", 1)[0]
    lines = [line for line in review.splitlines() if "→" in line]
    # Character conversions too, each located by file and line; only the new text is reviewed.
    assert f"char     创作者 → 創作者 ×1  {where}" in lines
    assert f"char     取决于 → 取決於 ×1  {where}" in lines
    # Nothing else is reviewed: not the new relation's quote either, the source's own words,
    # whose glyphs alone change.
    assert all(line.endswith(where) for line in lines), lines


def test_the_comment_holds_the_fact_diff(body):
    diff = body.split("<summary>事实差异</summary>", 1)[1]
    assert "**新增** 论断 `jianying-subscription-test`" in diff
    assert "**修改** 产品 `jianying`" in diff
    # Counted from 1 after Jianying's existing relations, however many there are.
    assert re.search(r"\| relations 第\d+条 › kind \|  \| compared-with \|", diff)
    assert "出处 `zhinengpro-2024-02-25` 第 28 段说：" in diff
    # The relation's own citation is shown too, though the product cites other paragraphs.
    assert "出处 `zhinengpro-2024-02-25` 第 27 段说：" in diff
    assert "`text` 的繁体（zh-Hant）：剪映的收費能否成立" in diff


def test_without_a_built_site_the_comment_says_so(pull_request, tmp_path):
    text = comment(pull_request, "--site-dir", str(tmp_path / "missing"))
    assert "网站没有构建成功，所以没有预览" in text
    assert "site-preview-7" not in text


def test_a_preview_host_turns_paths_into_links(pull_request):
    text = comment(pull_request, "--preview-url", "https://preview.example.org/pr-7/")
    assert (
        "[https://preview.example.org/pr-7/zh-Hant/products.html]"
        "(https://preview.example.org/pr-7/zh-Hant/products.html)" in text
    )


def test_the_workflow_builds_uploads_and_posts_the_comment():
    workflow = load_workflow(WORKFLOWS / "pr.yml")
    # Only the job that posts may write to the pull request (it runs none of the PR's code).
    assert workflow["jobs"]["comment"]["permissions"] == {"pull-requests": "write"}
    all_steps = steps(workflow)
    names = [str(step.get("uses", step.get("run", ""))) for step in all_steps]
    build = next(i for i, n in enumerate(names) if "make build" in n)
    upload = next(i for i, n in enumerate(names) if n.startswith("actions/upload-artifact@"))
    write = next(i for i, n in enumerate(names) if "-m generator pr-comment" in n)
    post = next(i for i, n in enumerate(names) if n.startswith("actions/github-script@"))
    assert build < upload < write < post
    assert all_steps[upload]["with"]["path"] == "site"
    assert (
        all_steps[upload]["with"]["name"] == "site-preview-${{ github.event.pull_request.number }}"
    )
    command = all_steps[write]["run"]
    assert '"$GITHUB_EVENT_PATH"' in command and "--out preview-comment.md" in command
    script = all_steps[post]["with"]["script"]
    # The text the check job wrote reaches the posting job as its output, through the environment.
    assert "preview-comment.md" in command and '"$GITHUB_OUTPUT"' in command
    assert all_steps[post]["env"]["BODY"] == "${{ needs.check.outputs.comment }}"
    assert "process.env.BODY" in script and MARKER in script
    assert "updateComment" in script and "createComment" in script


def comment_in_process(repo: Path, editions: list[Edition]) -> str:
    return build_comment(EVENT, editions, repo / "docs", repo / "data", repo / "site")


def test_a_comment_too_long_for_github_is_cut_and_says_so(pull_request, monkeypatch):
    monkeypatch.setattr(pr_module, "MAX_COMMENT", 500)
    text = comment_in_process(pull_request, [HANS, HANT])
    assert text.endswith(say("preview-truncated") + "\n")
    assert len(text) < 700


def test_each_converted_editions_review_is_named(pull_request):
    text = comment_in_process(pull_request, [HANS, HANT, HK])
    review = text.split("### " + say("preview-conversions"), 1)[1].split("<details", 1)[0]
    assert "`zh-Hant`" in review and "`zh-HK`" in review


def test_a_changed_hand_written_page_is_listed(pull_request, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(pull_request), str(clone)], check=True)
    method = clone / "docs" / "method.md"
    method.write_text(method.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    table = comment_in_process(clone, [HANS, HANT]).split("<details", 1)[0]
    assert "| `method.md` | `method.html` | `zh-Hant/method.html` |" in table


def test_the_fetched_base_branch_wins_over_the_recorded_commit(pull_request):
    recorded = subprocess.run(
        ["git", "-C", str(pull_request), "rev-parse", "main"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    pull = PullRequest(number=7, base_ref="main", base_sha=recorded, head_sha="0" * 40)
    assert base_revision(pull_request, pull) == "main"


def test_a_home_page_link_in_the_comment_is_its_folder():
    assert page_url("index.md", HANT, "https://preview.example.org/pr-7/") == (
        "https://preview.example.org/pr-7/zh-Hant/"
    )
