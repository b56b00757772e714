"""`python -m generator new DIR`: a new report that builds and passes `check` at once.

The files beside this module are copied as they are: mkdocs.yml, a hand-written page and a tiny
cited data set about an invented article. The article's text is not copied (a report keeps its
sources' fingerprints, never their text): its fingerprint and the JSON Schemas are written here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.facts.fingerprint import build, dump, fingerprint_path
from generator.facts.messages import say
from generator.facts.schema import write_schemas

STARTER = Path(__file__).parent
SAMPLE_ARTICLE = STARTER / "sample-article.txt"
SAMPLE_SOURCE = "sample-article"
COPIED = ("mkdocs.yml", "docs", "data")


class StarterError(Exception):
    """The folder cannot take a new report; the message says why and what to do."""


def create_report(target: Path) -> list[Path]:
    """Write a new report into `target` (missing or empty); return the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StarterError(say("new-not-empty", folder=target))
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = STARTER / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    data = target / "data"
    paragraphs = [line.strip() for line in SAMPLE_ARTICLE.read_text("utf-8").splitlines()]
    printed = fingerprint_path(data, SAMPLE_SOURCE)
    printed.parent.mkdir(parents=True, exist_ok=True)
    printed.write_text(dump(build(SAMPLE_SOURCE, [p for p in paragraphs if p])), "utf-8")
    write_schemas(data)
    return sorted(path for path in target.rglob("*") if path.is_file())
