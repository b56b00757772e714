"""A publishing build refuses a site that still says it is the sample, or lives on this machine.

A build is a publishing one when `SITE_URL` is set (the Pages workflow sets it to the site's
address): `make build` and `python -m generator build` then read mkdocs.yml as MkDocs does and stop,
in one line naming each key and its fix, while a key that says whose report it is keeps the
sample value `python -m generator new` writes (示例报道, sample-report, …) or `site_url` is a
loopback address. A preview (`mkdocs serve`) and a plain local build are not checked: they are
meant to run with the sample and on this machine.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.facts.messages import say
from generator.glue.starter import sample_values

LOOPBACK_NAMES = ("localhost", "localhost.localdomain")


def publishing() -> bool:
    """Whether this build publishes: SITE_URL names the site's address."""
    return bool(os.environ.get("SITE_URL", "").strip())


def is_loopback(url: str) -> bool:
    """Whether `url` points at this machine (127.0.0.1, ::1, localhost, 0.0.0.0)."""
    host = (urlsplit(url).hostname or "").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _value(config: Any, key: str) -> object:
    """The value of a dotted key (`plugins.report.citation_key`) of a loaded config."""
    if key.startswith("plugins."):
        _, plugin, option = key.split(".", 2)
        return config["plugins"][plugin].config[option]
    return config[key]


def publishing_problems(config: Any) -> list[str]:
    """What keeps the site of a loaded MkDocs `config` from being published, each with its fix."""
    problems = [
        say("publish-sample-value", key=key, value=sample)
        for key, sample in sample_values().items()
        if str(_value(config, key)).strip() == sample
    ]
    if is_loopback(str(config["site_url"] or "")):
        problems.append(say("publish-loopback", url=config["site_url"]))
    return problems


def refusal(config_file: Path) -> str | None:
    """The one line refusing to publish the site `config_file` describes, or None.

    A config MkDocs itself refuses is left to the build, which names the key.
    """
    try:
        config = load_config(str(config_file))
    except MkDocsException:
        return None
    problems = publishing_problems(config)
    return say("publish-refused", problems="；".join(problems)) if problems else None
