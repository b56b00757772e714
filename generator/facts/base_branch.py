"""The ids each data file holds on the base branch, to tell a new record from an old one.

When two records share an id, the one the contributor just added is the one to rename. The base
is the merge-base of HEAD with origin/main (or main); outside a git checkout, or when the base
cannot be read, nothing is known and the caller falls back to blaming the later record.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from generator.facts.problems import DataError
from generator.facts.yaml_source import read_yaml

BASE_CANDIDATES = ("origin/main", "main")


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, check=False, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def merge_base(folder: Path) -> tuple[str, str] | None:
    """(commit, branch name) of the merge-base of HEAD with the first base branch that exists."""
    for branch in BASE_CANDIDATES:
        found = _git(folder, "merge-base", "HEAD", branch)
        if found:
            return found.strip(), branch
    return None


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
    top = _git(data_dir, "rev-parse", "--show-toplevel")
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
            text = _git(data_dir, "show", f"{commit}:{relative}/{name}")
            if text is None:
                continue
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            try:
                held[name] = _ids_in(read_yaml(path, name).data)
            except DataError:
                continue
    return branch, held
