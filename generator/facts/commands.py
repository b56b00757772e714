"""The command a contributor types for a step, written as it works where they are.

The first report's folder has a Makefile, and there a step is `make check`; a report that
`python -m generator new` started has none, and there the step is the generator's own command,
run by the Python the generator is installed in: `python` when the shell finds that one (its
virtual environment is active), else that Python's path. Messages name steps through
`step_command`, so none tells a contributor to type a command that does not work where they are.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

# What each step runs when no Makefile target of that name is there.
GENERATOR_STEPS = {
    "check": ("python", "-m generator check"),
    "build": ("python", "-m generator build"),
    "schema": ("python", "-m generator schema"),
    "guide": ("python", "-m generator guide"),
    "conversions": ("python", "-m generator conversions"),
    "fingerprint": ("python", "-m generator fingerprint"),
    "serve": ("mkdocs", "serve"),
}
_TARGET = re.compile(r"^([A-Za-z][\w.-]*)\s*:(?![=:])", re.MULTILINE)


def make_targets(folder: Path) -> set[str]:
    """The targets the Makefile in `folder` declares (none when there is no Makefile)."""
    try:
        text = (folder / "Makefile").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return set(_TARGET.findall(text))


def program(name: str, folder: Path | None = None) -> str:
    """How to run `name` (python, mkdocs) as installed beside the running Python, from `folder`.

    Its bare name when the shell finds that very program first; else its path, relative when it
    lies inside `folder` (`.venv/bin/python`).
    """
    here = Path(folder or Path.cwd()).absolute()
    bin_dir = Path(sys.executable).absolute().parent
    wanted = bin_dir / name
    found = shutil.which(name)
    if found is not None and Path(found).absolute().parent == bin_dir:
        return name
    if name == "python" and not wanted.exists():
        wanted = Path(sys.executable).absolute()
    try:
        return str(wanted.relative_to(here))
    except ValueError:
        return str(wanted)


def step_command(step: str, folder: Path | None = None) -> str:
    """The command for `step` in `folder` (default: where the command runs): `make STEP` when the
    folder's Makefile has that target, else the generator's (or MkDocs') own command."""
    here = Path(folder or Path.cwd())
    if step in make_targets(here):
        return f"make {step}"
    tool, arguments = GENERATOR_STEPS[step]
    return f"{program(tool, here)} {arguments}"
