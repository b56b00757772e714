"""Each kind of record is declared once, on the model, and every registry is derived from it."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Annotated

from conftest import simplified_context
from pydantic import Field

from generator.facts import guide, kinds, model
from generator.facts.kinds import DATA_FILES, FILE_OF_LIST, KIND_OF_LIST, KINDS, declared
from generator.facts.model import Fact, FactBase, Identified, InFile, KindOf, Text
from generator.site import labels
from generator.site.pages import generated_page_of_kind, generated_pages
from generator.site.prose_refs import hand_written_pages

ROOT = Path(__file__).parent.parent
GENERATOR = ROOT / "generator"


class Rumour(Fact):
    """A kind of record a newsroom might add: only its model and its list are written."""

    text: Text = Field(description="传闻的内容。")


class FactBaseWithRumours(FactBase):
    rumours: Annotated[
        list[Rumour],
        InFile("rumours.yml", optional=True),
        KindOf("rumour", zh="传闻", en="rumour", label="传闻"),
    ] = Field(default_factory=list, description="传闻列表。")


def test_a_new_kind_is_declared_by_its_list_alone():
    found = declared(FactBaseWithRumours)
    assert found.kinds["rumour"].file == "rumours.yml"
    assert found.kinds["rumour"].model is Rumour
    assert found.file_of_list["rumours"] == "rumours.yml"
    assert "rumours.yml" in found.optional_files
    content = found.data_files["rumours.yml"]
    assert list(content.model_fields) == ["rumours"]
    assert content.model_json_schema()["title"] == "RumoursFile"
    assert list(found.kinds)[: len(KINDS)] == list(KINDS)


def test_nested_kinds_live_in_their_holders_file():
    assert KINDS["role"].file == KINDS["person"].file
    assert KINDS["role"].holder == "person"
    assert KINDS["market-count"].holder == "market-move"


def test_every_record_with_an_id_is_a_declared_kind():
    models = {
        cls
        for _, cls in inspect.getmembers(model, inspect.isclass)
        if issubclass(cls, Identified) and cls not in (Identified, Fact)
    }
    assert models == {kind.model for kind in KINDS.values()}


def test_every_registry_has_exactly_the_declared_kinds():
    assert set(labels.RECORD_KIND_WORDS) == set(KINDS)
    assert set(KINDS) <= set(guide.MODELS)
    assert set(FILE_OF_LIST) == set(FactBase.model_fields)
    assert set(DATA_FILES) == set(FILE_OF_LIST.values())
    assert set(KIND_OF_LIST) == {k.list_key for k in KINDS.values() if k.holder is None}
    for name in DATA_FILES:
        assert (ROOT / "data" / "schema" / name.replace(".yml", ".schema.json")).exists()


def test_every_kind_is_shown_on_one_page():
    generated = generated_page_of_kind()
    hand_written = hand_written_pages(ROOT / "docs")
    assert set(generated).isdisjoint(hand_written)
    assert set(generated) | set(hand_written) == set(KINDS)
    uris = [page.uri for page in generated_pages()]
    assert len(uris) == len(set(uris))
    shown = [kind for page in generated_pages() for kind in page.shows]
    assert len(shown) == len(set(shown)), "a kind shown on two generated pages"


def _constants(tree: ast.AST) -> list[ast.Constant]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _key_text(node: ast.expr | None) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return node.id
    return ""


def test_no_module_keeps_its_own_registry_of_kinds_or_files():
    """A data file's name appears only in its declaration; no dict lists kinds by hand (a few
    names may coincide: a citation's `source` field is not the kind `source`)."""
    kind_names = set(KINDS) | {kind.model.__name__ for kind in KINDS.values()}
    list_keys = {kind.list_key for kind in KINDS.values()}
    found = []
    for path in sorted(GENERATOR.rglob("*.py")):
        if path == GENERATOR / "facts/model.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        shown = path.relative_to(ROOT)
        for node in _constants(tree):
            if node.value in DATA_FILES:
                found.append(f"{shown}:{node.lineno}: data file {node.value!r}")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            texts = [_key_text(item) for item in [*node.keys, *node.values]]
            if len(kind_names & set(texts)) >= 3 or len(list_keys & set(texts)) >= 3:
                found.append(f"{shown}:{node.lineno}: a dict keyed by kinds of record")
    assert found == []


def test_the_kinds_module_is_the_registry():
    # The declaration is read, not copied: the registry sits on the model's own classes.
    assert kinds.KIND_OF_MODEL[model.Person].list_key == "people"
    assert FactBase.model_fields["people"].description


def test_a_hand_written_page_that_lists_notes_is_their_page(tmp_path):
    from generator.facts.load import load_fact_base
    from generator.site.prose_refs import check_references

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes-here.md").write_text("# 编者注\n\n{{ @editor-notes }}\n", encoding="utf-8")
    base = load_fact_base(ROOT / "data")
    note = base.notes[0]
    assert hand_written_pages(docs) == {"note": "notes-here.md"}
    ctx = simplified_context(base, hand_written=hand_written_pages(docs))
    assert ctx.link(note.id).endswith(f"(notes-here.md#{note.id})")
    assert f"notes-here.md#{note.id}" in "\n".join(ctx.note_body(note))
    # Prose may link a note only where a page lists the notes.
    (docs / "prose.md").write_text(f"见{{{{ {note.id}.link }}}}。\n", encoding="utf-8")
    assert check_references(docs, base) == []
    (docs / "notes-here.md").unlink()
    assert [p.message for p in check_references(docs, base)] != []
