"""`make build`: build into a staging folder and swap it in only when the whole build succeeded.

MkDocs cleans its site directory early in a build; a failure after that (a warning under
--strict, a broken page) would leave a half-built site. Building beside it keeps the last good
site/ until the new one is complete. A publishing build (SITE_URL set) first refuses a site that
still carries the sample's identity or a loopback address (see `publishing.py`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator.facts.messages import say
from generator.glue.publishing import publishing, refusal

# The site engines that run this project's plugin and theme: MkDocs 1.x, and properdocs, its
# maintained fork (which answers `import mkdocs` with itself). SITE_ENGINE chooses.
ENGINES = ("mkdocs", "properdocs")
# How MkDocs begins a progress line ("INFO    -  Building documentation ...").
_PROGRESS = re.compile(r"INFO\s+-")


def site_engine() -> str:
    """The engine SITE_ENGINE names (MkDocs when unset); ValueError for one this project lacks."""
    engine = os.environ.get("SITE_ENGINE", "").strip() or ENGINES[0]
    if engine not in ENGINES:
        raise ValueError(say("engine-unknown", engine=engine, engines="、".join(ENGINES)))
    return engine


def staged_build(project: Path, site_dir: str = "site", config_file: str = "mkdocs.yml") -> int:
    """Run `mkdocs build --strict` (or SITE_ENGINE's) into `<site>.new` and swap on success;
    return the exit code."""
    try:
        engine = site_engine()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    target = project / site_dir
    refused = refusal(project / config_file) if publishing() else None
    if refused is not None:
        print(refused, file=sys.stderr)
        return 1
    staging = project / f"{site_dir}.new"
    retired = project / f"{site_dir}.old"
    shutil.rmtree(staging, ignore_errors=True)
    # No --quiet: MkDocs 1.6 then counts no warnings, and --strict lets a broken link through.
    command = [sys.executable, "-m", engine, "build", "--strict"]
    command += ["--config-file", config_file, "--site-dir", str(staging)]
    # Material for MkDocs prints an end-of-life banner on every run unless this is set.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    returncode = _run_showing_problems(command, project, env)
    if returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(say("build-failed", site=site_dir), file=sys.stderr)
        return returncode
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
    print(say("build-done", site=site_dir))
    return 0


def _run_showing_problems(command: list[str], cwd: Path, env: dict[str, str]) -> int:
    """Run the engine, passing on every line of its output but its progress notes (INFO), which
    name the staging folder a reader never sees."""
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        encoding="utf-8",
        errors="replace",
    ) as engine:
        assert engine.stdout is not None
        for line in engine.stdout:
            if not _PROGRESS.match(line):
                sys.stderr.write(line)
    return engine.returncode
