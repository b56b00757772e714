"""`python -m mkdocs …` and `python -m generator …` for the tests, without paying Python's start-up
and imports on every command.

A test process starts one server with multiprocessing's forkserver, which imports MkDocs,
Material and the generator once; each command then runs in a fresh process forked from it, with
its own working folder, environment, output and exit code, as `subprocess.run` gives them. A
command the server cannot stand in for (another interpreter, a terminal or input on stdin, a
changed PYTHON* variable, which acts only at start-up) runs through `subprocess.run` itself.
"""

from __future__ import annotations

import multiprocessing
import os
import runpy
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# properdocs runs as its own process: the server has MkDocs itself imported.
MODULES = frozenset({"mkdocs", "generator"})
# What the server imports once; `generator.__main__` would run the command line, so not it.
PRELOADED = [
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "material.plugins.search.plugin",
    "generator.glue.plugin",
    "generator.glue.cli",
]
_context: Any = None


def _forkserver() -> Any:
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOADED)
    return _context


def _child(module: str, args: list[str], cwd: str, env: dict[str, str], out: str, err: str) -> None:
    """In the forked process: become `python -m MODULE ARGS` in `cwd` with `env`."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    for name, fd in ((out, 1), (err, 2)):
        target = os.open(name, os.O_WRONLY | os.O_TRUNC)
        os.dup2(target, fd)
        os.close(target)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


def _can_fork(argv: Sequence[str], env: Mapping[str, str], options: Mapping[str, Any]) -> bool:
    if len(argv) < 3 or argv[1] != "-m" or argv[2] not in MODULES:
        return False
    if Path(argv[0]).absolute() != Path(sys.executable).absolute():
        return False
    if options.get("stdin") not in (None, subprocess.DEVNULL) or "input" in options:
        return False
    if not (options.get("capture_output") and options.get("text")):
        return False
    python_variables = {key for key in {*env, *os.environ} if key.startswith("PYTHON")}
    return all(env.get(key) == os.environ.get(key) for key in python_variables)


def fork_run(
    argv: Sequence[str], cwd: str, env: dict[str, str], timeout: float | None
) -> subprocess.CompletedProcess[str]:
    """`argv` (python -m MODULE ARGS) run in a process forked from the preloaded server."""
    with tempfile.TemporaryDirectory() as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        out.touch()
        err.touch()
        process = _forkserver().Process(
            target=_child, args=(argv[2], list(argv[3:]), cwd, env, str(out), str(err))
        )
        process.start()
        process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired(list(argv), timeout or 0)
        return subprocess.CompletedProcess(
            list(argv),
            process.exitcode if process.exitcode is not None else 1,
            out.read_text(encoding="utf-8", errors="replace"),
            err.read_text(encoding="utf-8", errors="replace"),
        )


def run_command(argv: Sequence[str], **options: Any) -> subprocess.CompletedProcess[str]:
    """`subprocess.run(argv, **options)`, forked from the preloaded server when it can be."""
    env = dict(options.get("env") or os.environ)
    if not _can_fork(argv, env, options):
        return subprocess.run(argv, **options)
    cwd = str(options.get("cwd") or Path.cwd())
    result = fork_run(argv, cwd, env, options.get("timeout"))
    if options.get("check") and result.returncode:
        raise subprocess.CalledProcessError(
            result.returncode, result.args, result.stdout, result.stderr
        )
    return result
