"""The last change to every finished page: its security policy, or the preview's problem panel.

Last of all the passes, so the policy hashes the page's final inline scripts. Not under
`mkdocs serve`, whose live-reload script is injected into each response after the build: there
the page shows the data's problems instead. An inline script in a page's own content is refused,
never hashed: only the theme's scripts run.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from generator.facts.messages import say
from generator.glue.edition_run import EditionRun
from generator.site.preview_problems import problems_panel, with_panel
from generator.site.web_safety import add_content_security_policy, inline_scripts

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


def finished_page(
    output: str, page: Page, config: MkDocsConfig, run: EditionRun, shown_docs: str, nested: bool
) -> str:
    """The page as published: with its policy, or in a preview with the problems panel.

    The root edition names a refused script (as a warning, so that a strict build stops); the
    preview shows it on its pages. `shown_docs` is the docs folder as messages name it.
    """
    refused = inline_scripts(page.content or "")
    if refused and not nested:
        message = say("inline-script-refused", page=_where_script(page, shown_docs))
        if run.command == "serve":
            run.problems.append(message)
        else:
            log.warning(message)
    if run.command == "serve":
        return in_preview(output, run)
    return add_content_security_policy(output, refused)


def finished_template(output: str, template_name: str, run: EditionRun) -> str:
    """A page made from a theme template alone (404.html), finished as a page is."""
    if not template_name.endswith(".html"):
        return output
    if run.command == "serve":
        return in_preview(output, run)
    return add_content_security_policy(output)


def in_preview(page_html: str, run: EditionRun) -> str:
    """The page with the data's problems on it, while there are any."""
    if not run.problems:
        return page_html
    return with_panel(page_html, problems_panel(run.problems, run.convert))


def _where_script(page: Page, shown_docs: str) -> str:
    """`docs/page.md:LINE` of the first <script in a hand-written page, else the page's path."""
    shown = (Path(shown_docs) / page.file.src_uri).as_posix()
    source = Path(page.file.abs_src_path or "")
    if not page.file.generated_by and source.is_file():
        lines = source.read_text(encoding="utf-8").splitlines()
        found = next((n for n, line in enumerate(lines, 1) if "<script" in line.lower()), None)
        if found is not None:
            return f"{shown}:{found}"
    return shown
