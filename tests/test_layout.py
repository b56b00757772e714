"""The layout's contracts (pyproject.toml, `[tool.importlinter]`) hold, and they catch what they
are there to catch: a circle, an import up the pipeline or up a folder's layers (inside a function
too), the site engine reached from outside glue/, and a new module placed in no layer.

facts → editions → site → review → glue: a module may import its own folder's lower layers and
the folders before it, never one after it.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
GENERATOR = ROOT / "generator"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
FOLDERS = ("facts", "editions", "site", "review", "glue")


def broken_contracts(project: Path) -> list[str]:
    """The names of the contracts `project`'s generator/ breaks (its pyproject.toml's)."""
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", "pyproject.toml"],
        cwd=project,
        env={"PYTHONPATH": str(project), "PATH": "", "COLUMNS": "400"},
        capture_output=True,
        text=True,
        check=False,
    )
    lines = done.stdout.splitlines()
    broken = [line.removesuffix("BROKEN").strip() for line in lines if line.endswith("BROKEN")]
    assert (done.returncode != 0) == bool(broken), done.stdout + done.stderr
    return broken


def copy_of_generator(tmp_path: Path) -> Path:
    """The project's code and contracts, without theme files or anything else."""
    for path in GENERATOR.rglob("*.py"):
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_code_keeps_every_contract() -> None:
    assert broken_contracts(ROOT) == []


@pytest.mark.parametrize(
    ("where", "added", "breaks"),
    [
        # A circle hidden inside a function: render is below the pages that import it.
        (
            "site/render.py",
            "def _late() -> None:\n    from generator.site import pages  # noqa\n",
            {"No import circle", "site:"},
        ),
        ("facts/model.py", "from generator.site import render  # noqa\n", {"The folders"}),
        ("editions/convert.py", "import generator.glue.cli  # noqa\n", {"The folders"}),
        # Up a folder's layers without a circle: the page context does not import slugs.
        ("site/slugs.py", "from generator.site import context  # noqa\n", {"site:"}),
        # The site engine is known to glue/ alone.
        ("site/render.py", "from mkdocs.utils import get_relative_url  # noqa\n", {"Only glue/"}),
        ("facts/new_part.py", '"""A module placed in no layer."""\n', {"facts:"}),
    ],
)
def test_a_contract_breaks_when_the_layout_does(
    tmp_path: Path, where: str, added: str, breaks: set[str]
) -> None:
    project = copy_of_generator(tmp_path)
    target = project / "generator" / where
    before = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(before + "\n" + added, encoding="utf-8")
    broken = broken_contracts(project)
    for start in breaks:
        assert any(name.startswith(start) for name in broken), (start, broken)


def test_every_module_lives_in_a_pipeline_folder() -> None:
    loose = sorted(
        p.name
        for p in GENERATOR.iterdir()
        if p.name not in {"__init__.py", "__main__.py", "__pycache__", *FOLDERS}
    )
    assert loose == [], f"place these in one of {FOLDERS}: {loose}"


def test_every_folder_says_what_it_holds() -> None:
    for init in GENERATOR.rglob("__init__.py"):
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init


def test_no_module_reaches_into_another_modules_private_names() -> None:
    """A name that starts with `_` is its module's own: another module, or a test, that imports
    it (or reads it off the module) ties itself to what may change without notice."""
    reached = []
    for path in sorted([*GENERATOR.rglob("*.py"), *(ROOT / "tests").rglob("test_*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
            if alias.name.startswith("generator.")
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator"):
                names = [a.name for a in node.names if a.name.startswith("_")]
                reached += [f"{path.relative_to(ROOT)}:{node.lineno}: {n}" for n in names]
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in modules
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                reached.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.attr}")
    assert reached == []
