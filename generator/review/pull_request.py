"""Pull-request preview: one comment with the fact diff, the conversion review and page links.

Runs on the pull-request event GitHub records (`$GITHUB_EVENT_PATH`) after the site is built,
offline: it reads git and the data, and writes the comment body. The workflow uploads the
built site and posts the body (updating its earlier comment, found by MARKER).
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.editions.edition import Edition, converted_editions
from generator.facts.at_revision import load_revision
from generator.facts.load import load_documents
from generator.facts.messages import say
from generator.facts.model import FactBase
from generator.facts.revisions import changed_files, commit_of, repository_of
from generator.review.conversions import conversions_in, recorded_page_texts, texts_of
from generator.review.fact_diff import render_markdown, reviewed

MARKER = "<!-- report-preview -->"
# GitHub refuses comments longer than 65,536 characters.
MAX_COMMENT = 60_000


@dataclass(frozen=True)
class PullRequest:
    """What the comment needs from a `pull_request` event."""

    number: int
    base_ref: str
    base_sha: str
    head_sha: str


def read_event(path: Path) -> PullRequest:
    """The pull request of a recorded `pull_request` event payload."""
    event: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    pull = event["pull_request"]
    return PullRequest(
        number=int(pull["number"]),
        base_ref=str(pull["base"]["ref"]),
        base_sha=str(pull["base"]["sha"]),
        head_sha=str(pull["head"]["sha"]),
    )


def base_revision(root: Path, pull: PullRequest) -> str:
    """The base branch as fetched (origin/REF), else the local branch, else the recorded commit."""
    for candidate in (f"origin/{pull.base_ref}", pull.base_ref, pull.base_sha):
        if commit_of(root, candidate):
            return candidate
    return pull.base_sha


def changed_pages(old: FactBase, new: FactBase, root: Path, base: str, docs: Path) -> list[str]:
    """Page sources (`timeline.md`) whose text differs between base and head, in site order."""
    before, after = recorded_page_texts(old), recorded_page_texts(new)
    pages = [uri for uri in after if before.get(uri) != after[uri]]
    try:
        docs_rel = docs.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return pages
    for name in changed_files(root, base, docs_rel):
        if name.endswith(".md") and (root / name).exists():
            pages.append(posixpath.relpath(name, docs_rel))
    return list(dict.fromkeys(pages))


def page_url(uri: str, edition: Edition, preview_url: str | None) -> str:
    html = uri[: -len(".md")] + ".html"
    if html == "index.html" or html.endswith("/index.html"):
        html = html[: -len("index.html")]
    path = posixpath.join(edition.path, html) if edition.path else html
    return f"{preview_url.rstrip('/')}/{path}" if preview_url else path


def _pages_table(pages: list[str], links: list[Edition], preview_url: str | None) -> list[str]:
    if not pages:
        return [say("preview-no-pages")]
    head = "| " + " | ".join([say("preview-page"), *(e.name for e in links)]) + " |"
    lines = [head, "|" + " --- |" * (len(links) + 1)]
    for uri in pages:
        cells = []
        for edition in links:
            url = page_url(uri, edition, preview_url) or "./"
            cells.append(f"[{url}]({url})" if preview_url else f"`{url}`")
        lines.append(f"| `{uri}` | " + " | ".join(cells) + " |")
    return lines


def build_comment(
    event_path: Path,
    editions: list[Edition],
    docs: Path,
    data_dir: Path,
    site_dir: Path,
    run_url: str | None = None,
    preview_url: str | None = None,
) -> str:
    """The comment body: page links, the fact diff and the review of conversions in new text."""
    pull = read_event(event_path)
    root, data_rel = repository_of(data_dir)
    base = base_revision(root, pull)
    old = load_revision(root, data_rel, base)
    new, documents = load_documents(data_dir, data_rel)
    converted = converted_editions(editions)

    lines = [MARKER, "## " + say("preview-title", number=pull.number, head=pull.head_sha[:7]), ""]
    if site_dir.is_dir():
        where = f"[{say('preview-artifact-link')}]({run_url}#artifacts)" if run_url else ""
        lines.append(say("preview-artifact", number=pull.number, where=where))
    else:
        lines.append(say("preview-no-site"))
    lines += ["", "### " + say("preview-pages"), ""]
    lines += _pages_table(changed_pages(old, new, root, base, docs), editions, preview_url)

    known = {text for _, text in texts_of(old, None)}
    texts = [(place, text) for place, text in texts_of(new, None, documents) if text not in known]
    lines += ["", "### " + say("preview-conversions"), ""]
    review = {e.lang: conversions_in(texts, new, e.opencc or "", e.lang) for e in converted}
    if any(review.values()):
        for lang, changes in review.items():
            if len(review) > 1:
                lines += [f"`{lang}`", ""]
            lines += ["```text", *(change.line() for change in changes), "```"]
    else:
        lines.append(say("preview-no-conversions"))

    diff = render_markdown(reviewed(old, new, converted), {}, base, pull.head_sha[:7])
    lines += [
        "",
        "<details open>",
        f"<summary>{say('preview-diff')}</summary>",
        "",
        diff,
        "</details>",
    ]
    body = "\n".join(lines) + "\n"
    if len(body) > MAX_COMMENT:
        body = body[:MAX_COMMENT] + "\n\n" + say("preview-truncated") + "\n"
    return body
