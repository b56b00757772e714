"""Values kept on disk between builds, under one rule for every cache.

An entry's key covers three things, so that no stale value is ever read and no version number is
bumped by hand:

- the code that makes the value: a hash of the source files the caller names (`"facts"` for a
  folder, `"site/share_cards.py"` for a module, relative to `generator/`);
- what in the environment changes it: the message language (REPORT_LANG);
- the inputs the caller gives (a commit id, a card's text, a file's content…).

Entries live in `CACHE/NAME/LANG-CODE/HASH-OF-INPUTS.SUFFIX`. A change to the code starts a new
folder, and the folders of other code are removed (their entries will never be read again);
another language's folder of the same code is kept, so switching REPORT_LANG back reads nothing
again. An entry no build has read or written for a week before the newest use is removed (inputs
that are gone: an edited card, a rebased commit), so the folder does not grow without bound.

Writes are atomic (a temporary file renamed into place). A cache that cannot be read or written
(a read-only checkout, a missing or unwritable folder) only makes the build slower: reading,
writing and removing never raise. Only a code name that does not exist does (a caller's typo
would otherwise leave that code out of the key).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from generator.facts.messages import language

# The folder that `code` names are relative to: generator/.
CODE_ROOT = Path(__file__).parents[1]
UNUSED_SECONDS = 7 * 24 * 3600


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """A hash of the names (relative to `root`) and contents of `paths`, in the order given; a
    missing file counts as missing, not as empty."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        try:
            digest.update(b"+" + path.read_bytes() + b"\0")
        except OSError:
            digest.update(b"-\0")
    return digest.hexdigest()[:16]


def code_version(code: Sequence[str]) -> str:
    """A hash of the source of `code`: folders (every .py file under them) and modules, named
    relative to generator/. A name that does not exist is an error of the caller's."""
    files: list[Path] = []
    for name in code:
        path = CODE_ROOT / name
        if path.is_dir():
            files += path.rglob("*.py")
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(path)
    return files_digest(sorted(set(files)), CODE_ROOT)


class DiskCache:
    """One cache: `read` and `write` an entry by its inputs (any JSON-able values)."""

    def __init__(
        self, cache_dir: Path, name: str, code: Sequence[str], suffix: str = ".json"
    ) -> None:
        self.code = code_version(code)
        self.folder = cache_dir / name / f"{language()}-{self.code}"
        self.suffix = suffix
        self._forget_stale()

    def path(self, *inputs: object) -> Path:
        """Where the entry of `inputs` is (or would be) kept."""
        text = json.dumps(inputs, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return self.folder / f"{hashlib.sha256(text.encode()).hexdigest()[:32]}{self.suffix}"

    def read(self, *inputs: object) -> bytes | None:
        """The entry of `inputs`, or None when there is none (or it cannot be read)."""
        path = self.path(*inputs)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):  # a read-only cache keeps its times
            os.utime(path)  # still in use: see _forget_stale
        return data

    def write(self, data: bytes, *inputs: object) -> Path | None:
        """Keep `data` as the entry of `inputs`; its path, or None when it cannot be written."""
        path = self.path(*inputs)
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
            temporary = Path(name)
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            temporary.replace(path)
        except OSError:
            if temporary is not None:
                _remove(temporary)
            return None
        return path

    def read_json(self, *inputs: object) -> Any:
        """The JSON entry of `inputs`, or None when there is none (or it is not JSON)."""
        data = self.read(*inputs)
        try:
            return None if data is None else json.loads(data)
        except ValueError:
            return None

    def write_json(self, value: object, *inputs: object) -> Path | None:
        return self.write(json.dumps(value, ensure_ascii=False).encode(), *inputs)

    def _forget_stale(self) -> None:
        """Remove other code's folders, and entries unused for a week before the newest use."""
        try:
            versions = list(self.folder.parent.iterdir())
        except OSError:
            return
        for other in versions:
            if other.name.rpartition("-")[2] == self.code:
                continue
            if other.is_dir() and not other.is_symlink():
                shutil.rmtree(other, ignore_errors=True)
            else:
                _remove(other)
        try:
            used = {path: path.stat().st_mtime for path in self.folder.iterdir()}
        except OSError:
            return
        newest = max(used.values(), default=0.0)
        for path, when in used.items():
            if when < newest - UNUSED_SECONDS:
                _remove(path)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only cache keeps what it has
        path.unlink(missing_ok=True)
