"""Corrections and changes page: every published change to the facts, newest first, with its reason."""

from __future__ import annotations

from generator.facts.history import FieldEdit, RecordEdit, Revision
from generator.site.context import PageContext
from generator.site.freshness import CHANGES_PAGE, day_words
from generator.site.labels import (
    CHANGE_STATUS_WORDS,
    RECORD_KIND_WORDS,
    field_words,
)
from generator.site.pages.page import Page
from generator.site.render import changed_value, md_text

TITLE = "更正与修订"
DESCRIPTION = "已发布事实的每一次改动：日期、记录、改动前后的内容和原因，更正单独标出。"
FEED = "feed.xml"
NAME_FIELDS = ("name", "title", "label", "theme", "measure", "claim", "text")
# Search indexes the newest changes only (as many as the feed holds): each one repeats its facts'
# words, so a long history would grow the index every searching reader downloads, and the build,
# with every commit. Older changes stay on the page.
SEARCHED = 100

MISSING_WORDS = {
    "no-git": (
        "这份网站不是在 git 仓库里构建的（例如从压缩包下载的副本），读不到修订历史，"
        "所以这里列不出改动，各页也不标更新日期。在 git 仓库里构建（已有的报道用 git clone 取得，"
        "新报道先 git init 并提交一次），就能看到完整的修订记录。"
    ),
    "shallow": "这次构建用的是浅克隆（shallow clone），修订历史不完整，所以这里暂时列不出改动。",
    "no-commits": "数据目录还没有任何提交，所以这里还没有改动可列。",
}


def _value(ctx: PageContext, edit: FieldEdit, value: str | None) -> str:
    if value is None:
        return ctx.ui("（无）")
    return md_text(changed_value(edit.path, value, ctx.ui, ctx.names, ctx.declared_words))


def _record_name(ctx: PageContext, edit: RecordEdit) -> str:
    if edit.status != "removed" and edit.key in ctx.pages_of_ids:
        return ctx.link(edit.key)
    for name in NAME_FIELDS:
        for item in edit.fields:
            if item.path == name and item.before:
                return f"{md_text(ctx.ui(item.before))}（`{edit.key}`）"
    return f"`{edit.key}`"


def _record_lines(ctx: PageContext, edit: RecordEdit) -> list[str]:
    ui = ctx.ui
    kind = ui(RECORD_KIND_WORDS.get(edit.kind, edit.kind))
    status = ui(CHANGE_STATUS_WORDS[edit.status])
    lines = [f"- **{status}** {kind} {_record_name(ctx, edit)}"]
    if edit.status in ("added", "removed"):
        return lines
    if edit.old_key:
        lines.append(f"    - {ui('原编号')}：`{edit.old_key}`")
    for item in edit.fields:
        before, after = _value(ctx, item, item.before), _value(ctx, item, item.after)
        before = f"<del>{before}</del>" if item.before is not None else before
        after = f"<ins>{after}</ins>" if item.after is not None else after
        lines.append(f"    - {ui(field_words(item.path))}：{before} → {after}")
    return lines


def _revision_lines(ctx: PageContext, revision: Revision, searched: bool = True) -> list[str]:
    ui = ctx.ui
    when = ui(day_words(revision))
    if revision.initial:
        heading, kind = ui("首次发布"), "initial"
    elif revision.correction:
        heading, kind = ui("更正"), "correction"
    else:
        heading, kind = ui("修订"), "change"
    # Search's indexer leaves out a section whose heading carries data-search-exclude.
    unsearched = "" if searched else ' data-search-exclude="true"'
    lines = [f"## {when} · {heading} {{ #{revision.anchor} .change-{kind}{unsearched} }}", ""]
    if revision.initial:
        count = revision.record_count
        return [*lines, ui(f"首次发布 {count} 条记录。"), ""]
    if revision.correction:
        lines += [f"**{ui('更正原因')}**：{md_text(ui(revision.correction))}", ""]
    elif revision.reason:
        lines += [f"{ui('说明')}：{md_text(ui(revision.reason))}", ""]
    for edit in revision.records:
        lines += _record_lines(ctx, edit)
    lines.append("")
    return lines


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    history = ctx.history
    lines = [
        f"# {ui(TITLE)}",
        "",
        ui(
            "本页从数据的修订历史生成，列出已发布事实的每一次改动：日期、涉及的记录、改动前后的内容和原因。"
            "其中的更正是对错误的纠正，被更正的事实在它所在的页面上也会注明。"
        ),
        "",
        f"{ui('订阅改动')}：[{ui('Atom 订阅源')}]({FEED})",
        "",
    ]
    if not history.available:
        reason = MISSING_WORDS.get(history.missing or "", MISSING_WORDS["no-git"])
        return "\n".join([*lines, f'!!! note "{ui("暂无修订记录")}"', "", f"    {ui(reason)}", ""])
    revisions = history.revisions
    corrections = sum(1 for r in revisions if r.correction)
    lines += [ui(f"共 {len(revisions)} 次发布与修订，其中 {corrections} 次更正。"), ""]
    for number, revision in enumerate(reversed(revisions)):
        lines += _revision_lines(ctx, revision, searched=number < SEARCHED)
    return "\n".join(lines)


PAGE = Page(CHANGES_PAGE, TITLE, DESCRIPTION, render)
