"""The ids each data file holds on the base branch, to tell a new record from an old one.

When two records share an id, the one the contributor just added is the one to rename. The base
is the merge-base of HEAD with origin/main (or main); outside a git checkout, or when the base
cannot be read, nothing is known and the caller falls back to blaming the later record.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from generator.facts.problems import DataError
from generator.facts.revisions import git_text_or_none, merge_base, show
from generator.facts.yaml_source import read_yaml


def _ids_in(data: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            found.add(data["id"])
        for value in data.values():
            found |= _ids_in(value)
    elif isinstance(data, list):
        for item in data:
            found |= _ids_in(item)
    return found


def ids_on_base(data_dir: Path, names: list[str]) -> tuple[str, dict[str, set[str]]] | None:
    """(base branch, file name -> ids it holds there), or None when there is no readable base."""
    if not data_dir.is_dir():
        return None
    base = merge_base(data_dir)
    top = git_text_or_none(data_dir, "rev-parse", "--show-toplevel")
    if base is None or top is None:
        return None
    commit, branch = base
    try:
        relative = data_dir.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    except ValueError:
        return None
    held: dict[str, set[str]] = {}
    with tempfile.TemporaryDirectory(prefix="base-ids-") as folder:
        for name in names:
            text = show(data_dir, commit, f"{relative}/{name}")
            if text is None:
                continue
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            try:
                held[name] = _ids_in(read_yaml(path, name).data)
            except DataError:
                continue
    return branch, held
