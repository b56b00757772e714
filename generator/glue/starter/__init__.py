"""`python -m generator new DIR`: a new report that builds and passes `check` at once.

The files beside this module are copied as they are: mkdocs.yml, a hand-written page and a tiny
cited data set about an invented article. The article's text is not copied (a report keeps its
sources' fingerprints, never their text): its fingerprint and the JSON Schemas are written here.
What makes the report the newsroom's own (site name, author, citation key, address, editions) is
written into mkdocs.yml from `Identity`; what is not given stays the starter's sample value,
which a publishing build refuses (`SAMPLE_KEYS`, read from the starter's own mkdocs.yml).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import yaml

from generator.editions.edition import STARTING_EDITIONS, Edition, starting_edition
from generator.facts.commands import program
from generator.facts.fingerprint import build, dump, fingerprint_path
from generator.facts.messages import say, word
from generator.facts.schema import write_schemas

STARTER = Path(__file__).parent
SAMPLE_ARTICLE = STARTER / "sample-article.txt"
SAMPLE_SOURCE = "sample-article"
COPIED = ("mkdocs.yml", "docs", "data")
README = STARTER / "README.md.template"
# mkdocs.yml's keys that say whose report it is: the line each is written on, where the starter
# marks its sample value with a comment (`  # 示例值…`), dropped once the value is the report's.
_MARK = r"(?:  # .*)?$"
SAMPLE_KEYS = {
    "site_name": re.compile(r"^site_name: (.*?)" + _MARK, re.MULTILINE),
    "site_description": re.compile(r"^site_description: (.*?)" + _MARK, re.MULTILINE),
    "site_author": re.compile(r"^site_author: (.*?)" + _MARK, re.MULTILINE),
    "plugins.report.citation_key": re.compile(r"^    citation_key: (.*?)" + _MARK, re.MULTILINE),
}
SITE_URL = re.compile(r'^site_url: !ENV \[SITE_URL, "(.*)"\]' + _MARK, re.MULTILINE)
EDITIONS = re.compile(r"^    editions:\n(?:      - .*\n)+", re.MULTILINE)
HEADING = re.compile(r"^# .*$", re.MULTILINE)
SAMPLE_URL = "http://127.0.0.1:8000/"  # the starter's site_url: `mkdocs serve`'s own address
CITATION_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class StarterError(Exception):
    """The folder cannot take a new report; the message says why and what to do."""


def sample_values() -> dict[str, str]:
    """The starter's sample value of each identity key (示例报道, sample-report, …)."""
    text = (STARTER / "mkdocs.yml").read_text(encoding="utf-8")
    found = {key: pattern.search(text) for key, pattern in SAMPLE_KEYS.items()}
    return {key: str(yaml.safe_load(m.group(1))) for key, m in found.items() if m}


@dataclass(frozen=True)
class Identity:
    """Whose report it is: what `new` writes into mkdocs.yml. None keeps the sample value."""

    site_name: str | None = None
    author: str | None = None
    citation_key: str | None = None
    site_url: str | None = None
    editions: str | None = None  # language codes, comma-separated, the site root first

    def samples_left(self) -> dict[str, str]:
        """Each flag not given, with the sample value its key keeps in mkdocs.yml."""
        samples = sample_values()
        shown = {
            "site_name": samples.get("site_name", ""),
            "author": samples.get("site_author", ""),
            "citation_key": samples.get("plugins.report.citation_key", ""),
            "site_url": SAMPLE_URL,
        }
        return {
            f"--{name.replace('_', '-')}": sample
            for name, sample in shown.items()
            if getattr(self, name) is None
        }


DEFAULT_EDITIONS = "zh-Hans,zh-Hant"
# The README's first command when the generator is installed outside a virtual environment.
SYSTEM_PYTHON = "python -m generator --help  # 生成器装在系统的 Python 里，不用激活"


def asked(given: Identity, ask: Callable[[str], str]) -> Identity:
    """`given` with every value it lacks asked for; an empty answer keeps the sample value."""
    values = {f.name: getattr(given, f.name) for f in fields(given)}
    sample = {flag[2:].replace("-", "_"): v for flag, v in Identity().samples_left().items()}
    questions = {
        "site_name": say("new-ask-name", sample=sample["site_name"]),
        "author": say("new-ask-author", sample=sample["author"]),
        "citation_key": say("new-ask-key", sample=sample["citation_key"]),
        "site_url": say("new-ask-url", sample=sample["site_url"]),
        "editions": say(
            "new-ask-editions",
            sample=DEFAULT_EDITIONS,
            choices=word("comma").join(STARTING_EDITIONS),
        ),
    }
    for name, question in questions.items():
        if values[name] is None:
            values[name] = ask(question + " ").strip() or None
    return Identity(**values)


def _editions(codes: str) -> list[Edition]:
    langs = [code.strip() for code in codes.split(",") if code.strip()]
    unknown = [lang for lang in langs if lang not in STARTING_EDITIONS]
    choices = word("comma").join(STARTING_EDITIONS)
    if unknown or not langs:
        raise StarterError(say("new-bad-edition", lang=", ".join(unknown), choices=choices))
    if len(set(langs)) != len(langs):
        raise StarterError(say("new-edition-twice", editions=codes))
    editions = [starting_edition(lang) for lang in langs]
    if editions[0].converted or any(not e.converted for e in editions[1:]):
        raise StarterError(say("new-edition-root", editions=codes))
    return editions


def _quoted(value: str) -> str:
    """A YAML scalar for one line of mkdocs.yml (JSON strings are YAML strings)."""
    return json.dumps(value, ensure_ascii=False)


def _site_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StarterError(say("new-bad-url", url=value))
    return value if value.endswith("/") else value + "/"


def _replacing(value: str) -> Callable[[re.Match[str]], str]:
    """A substitution keeping a line's key and writing `value` after it."""
    return lambda match: match.group(0)[: match.start(1) - match.start(0)] + value


def written_settings(text: str, identity: Identity) -> str:
    """The starter's mkdocs.yml with the identity written in (sample values where none)."""
    changes = {
        "site_name": identity.site_name,
        "site_author": identity.author,
        "plugins.report.citation_key": identity.citation_key,
    }
    if identity.citation_key is not None and not CITATION_KEY.match(identity.citation_key):
        raise StarterError(say("new-bad-key", key=identity.citation_key))
    if identity.site_name is not None:
        changes["site_description"] = say("new-description", name=identity.site_name)
    for key, value in changes.items():
        if value is not None:
            text = SAMPLE_KEYS[key].sub(_replacing(_quoted(value)), text)
    if identity.site_url is not None:
        url = _quoted(_site_url(identity.site_url))
        text = SITE_URL.sub(lambda m: f"site_url: !ENV [SITE_URL, {url}]", text)
    editions = _editions(identity.editions or DEFAULT_EDITIONS)
    lines = ["    editions:\n"]
    for edition in editions:
        extra = f", opencc: {edition.opencc}, path: {edition.path}" if edition.converted else ""
        lines.append(f"      - {{lang: {edition.lang}, name: {edition.name}{extra}}}\n")
    return EDITIONS.sub(lambda m: "".join(lines), text)


def check_target(target: Path) -> None:
    """Refuse a folder that holds files (StarterError), before anything is asked or written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StarterError(say("new-not-empty", folder=target))


def create_report(target: Path, identity: Identity | None = None) -> list[Path]:
    """Write a new report into `target` (missing or empty); return the files written."""
    identity = identity or Identity()
    check_target(target)
    settings = written_settings((STARTER / "mkdocs.yml").read_text(encoding="utf-8"), identity)
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = STARTER / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    (target / "mkdocs.yml").write_text(settings, encoding="utf-8")
    if identity.site_name is not None:
        index = target / "docs" / "index.md"
        page = index.read_text(encoding="utf-8")
        index.write_text(HEADING.sub(lambda m: f"# {identity.site_name}", page, 1), "utf-8")
    (target / "README.md").write_text(readme(target, identity), encoding="utf-8")
    data = target / "data"
    paragraphs = [line.strip() for line in SAMPLE_ARTICLE.read_text("utf-8").splitlines()]
    printed = fingerprint_path(data, SAMPLE_SOURCE)
    printed.parent.mkdir(parents=True, exist_ok=True)
    printed.write_text(dump(build(SAMPLE_SOURCE, [p for p in paragraphs if p])), "utf-8")
    write_schemas(data)
    return sorted(path for path in target.rglob("*") if path.is_file())


def publish_address(identity: Identity) -> str:
    """The address a publishing build is shown with: the one given, else a placeholder."""
    return _site_url(identity.site_url) if identity.site_url else "https://你的网址/"


def readme(target: Path, identity: Identity) -> str:
    """The new report's own README: from article to published, with commands that work there."""
    name = identity.site_name or sample_values().get("site_name", "")
    in_venv = sys.prefix != sys.base_prefix
    activate = f". {Path(sys.prefix) / 'bin' / 'activate'}" if in_venv else SYSTEM_PYTHON
    return Template(README.read_text(encoding="utf-8")).substitute(
        site_name=name,
        site_url=publish_address(identity),
        python=program("python", target),
        activate=activate,
        sample=SAMPLE_SOURCE,
    )
