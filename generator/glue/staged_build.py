"""`make build`: build into a staging folder and swap it in only when the whole build succeeded.

MkDocs cleans its site directory early in a build; a failure after that (a warning under
--strict, a broken page) would leave a half-built site. Building beside it keeps the last good
site/ until the new one is complete. A publishing build (SITE_URL set) first refuses a site that
still carries the sample's identity or a loopback address (see `publishing.py`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.facts.messages import say
from generator.glue.publishing import publishing, refusal


def staged_build(project: Path, site_dir: str = "site", config_file: str = "mkdocs.yml") -> int:
    """Run `mkdocs build --strict` into `<site>.new` and swap on success; return the exit code."""
    target = project / site_dir
    refused = refusal(project / config_file) if publishing() else None
    if refused is not None:
        print(refused, file=sys.stderr)
        return 1
    staging = project / f"{site_dir}.new"
    retired = project / f"{site_dir}.old"
    shutil.rmtree(staging, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["--config-file", config_file, "--site-dir", str(staging)]
    # Material for MkDocs prints an end-of-life banner on every run unless this is set.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=project, check=False, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(say("build-failed", site=site_dir), file=sys.stderr)
        return result.returncode
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
    print(say("build-done", site=site_dir))
    return 0
