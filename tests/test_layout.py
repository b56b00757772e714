"""The folders of generator/ follow the pipeline, and imports only run down it.

facts → editions → site → glue: a module may import its own folder and the folders before it,
never one after it, not even inside a function. Every module lives in one of the folders.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).parent.parent / "generator"
# In pipeline order.
FOLDERS = ("facts", "editions", "site", "glue")
# The package itself and `python -m generator` stay at the top, above the glue.
TOP = {"__init__.py", "__main__.py"}


def imported(path: Path, root: Path) -> set[str]:
    """Every generator module `path` imports, at any depth of the file, as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(root.parent).with_suffix("").parts
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            if module == root.name:  # `from generator import site` names a folder
                found |= {f"{module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] == root.name}


def folder_rank(dotted: str) -> int | None:
    parts = dotted.split(".")
    return FOLDERS.index(parts[1]) if len(parts) > 1 and parts[1] in FOLDERS else None


def upward_imports(root: Path) -> list[str]:
    """`file imports module` for each import that runs up the pipeline."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rank = folder_rank(".".join(path.relative_to(root.parent).with_suffix("").parts))
        if rank is None:
            continue
        for module in sorted(imported(path, root)):
            theirs = folder_rank(module)
            if theirs is not None and theirs > rank:
                found.append(f"{path.relative_to(root.parent)} imports {module}")
    return found


def test_imports_run_down_the_pipeline() -> None:
    assert upward_imports(GENERATOR) == []


def test_every_module_lives_in_a_pipeline_folder() -> None:
    loose = sorted(
        p.name
        for p in GENERATOR.iterdir()
        if p.name not in TOP and p.name not in FOLDERS and p.name != "__pycache__"
    )
    assert loose == [], f"place these in one of {FOLDERS}: {loose}"


def test_every_folder_says_what_it_holds() -> None:
    for folder in FOLDERS:
        init = GENERATOR / folder / "__init__.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init


@pytest.mark.parametrize(
    ("where", "source"),
    [
        ("facts/model.py", "from generator.site.render import md_text\n"),
        ("editions/convert.py", "def f():\n    from generator.glue import plugin\n"),
        ("site/pages.py", "from ..glue.cli import main\n"),
        ("facts/load.py", "import generator.editions.convert\n"),
    ],
)
def test_an_import_up_the_pipeline_is_found(tmp_path: Path, where: str, source: str) -> None:
    root = tmp_path / "generator"
    for folder in FOLDERS:
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text('"""x"""\n')
    (root / where).write_text(source, encoding="utf-8")
    assert len(upward_imports(root)) == 1


def test_an_import_down_the_pipeline_is_allowed(tmp_path: Path) -> None:
    root = tmp_path / "generator"
    (root / "site").mkdir(parents=True)
    (root / "site" / "notes.py").write_text(
        "from generator.facts.model import FactBase\nfrom ..editions import convert\n"
        "from . import render\n",
        encoding="utf-8",
    )
    assert upward_imports(root) == []
