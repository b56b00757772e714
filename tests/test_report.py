"""The built report, read as HTML: every fact shown and cited, prose references, editions, preview."""

from __future__ import annotations

import functools
import json
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import BUILD_ENV, copy_project, python, run_mkdocs, simplified_context, stop

from generator.facts.fields import records
from generator.facts.load import load_fact_base

ROOT = Path(__file__).parent.parent


def project_copy(tmp: Path) -> Path:
    return copy_project(tmp / "project")


def mkdocs_build(project: Path, site: str = "site") -> subprocess.CompletedProcess[str]:
    return run_mkdocs(project, "build", "--strict", "-d", site)


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    """The report's one shared build (both editions, with a published history)."""
    return built_site


@pytest.fixture(scope="module")
def base():
    return load_fact_base(ROOT / "data")


@functools.cache
def pages(tree: Path) -> dict[str, BeautifulSoup]:
    """Every page of one edition, parsed once (tests read them, never change them)."""
    return {
        str(path.relative_to(tree)): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(tree.glob("*.html"))
    }


@functools.cache
def first_element_by_id(tree: Path) -> dict[str, tuple[str, Tag]]:
    """Each id of an edition's pages: the first page (in name order) and element that carry it."""
    found: dict[str, tuple[str, Tag]] = {}
    for name, soup in pages(tree).items():
        for element in soup.find_all(id=True):
            found.setdefault(element["id"], (name, element))
    return found


def cited_ids(base) -> dict[str, object]:
    return {
        r.id: r
        for _, r in records(base)
        if getattr(r, "id", None) and getattr(r, "cite", None) and getattr(r, "attribution", None)
    }


def fact_block(element: Tag) -> list[Tag]:
    """The element that carries a fact and what belongs to it on the page."""
    if element.name in ("h2", "h3"):
        block = [element]
        for sibling in element.find_next_siblings():
            if sibling.name in ("h1", "h2", "h3"):
                break
            block.append(sibling)
        return block
    container = element if element.name == "div" else element.find_parent(["li", "div"])
    return [container or element]


@pytest.mark.parametrize("tree", ["", "zh-Hant"])
def test_every_fact_appears_with_its_citation(site, base, tree):
    by_id = first_element_by_id(site / tree if tree else site)
    for record_id, record in cited_ids(base).items():
        assert record_id in by_id, f"{record_id} appears on no page"
        _, element = by_id[record_id]
        block = fact_block(element)
        labels = [label for part in block for label in part.select("span.cite")]
        links = {a["href"] for part in block for a in part.select("a.cite-link")}
        assert labels, f"{record_id}: no attribution label"
        quotes = [q.get_text() for part in block for q in part.select("span.cite-quote")]
        for citation in record.cite:
            wanted = f"sources.html#{citation.source}-p{citation.paragraph}"
            assert wanted in links, f"{record_id}: no link to {wanted}"
            if not tree:
                assert f"「{citation.quote}」" in " ".join(quotes), f"{record_id}: quote missing"
            else:  # the same words, converted glyph by glyph: as many characters
                shown = [q.split("「", 1)[-1].rsplit("」", 1)[0] for q in quotes]
                assert len(citation.quote) in map(len, shown), f"{record_id}: quote missing"
        assert len(quotes) >= len(record.cite), f"{record_id}: a ¶ link without its quote"


def test_traditional_quotes_keep_the_sources_words(site):
    """Quotes change glyphs only: the source's 视频 stays 視頻, never Taiwan's 影片."""
    organizations = pages(site / "zh-Hant")["organizations.html"]
    youtube = fact_block(organizations.find(id="youtube"))
    quotes = " ".join(q.get_text() for part in youtube for q in part.select("span.cite-quote"))
    assert "全球最大視頻分享網站YouTube" in quotes
    text = " ".join(part.get_text() for part in youtube).replace(quotes, "")
    assert "影片分享" in text  # the project's own words follow the edition's vocabulary


@pytest.mark.parametrize("tree", ["", "zh-Hant"])
def test_inferred_dates_are_marked_with_their_reason(site, base, tree):
    timeline = pages(site / tree if tree else site)["timeline.html"]
    inferred = [e for e in base.events if "date" in e.inferred]
    assert inferred
    for event in inferred:
        block = fact_block(timeline.find(id=event.id))
        tags = [t for part in block for t in part.select("span.fact-tag--inferred")]
        reasons = [r.get_text() for part in block for r in part.select("span.fact-inferred")]
        assert tags and reasons, f"{event.id}: inferred date not marked"
        if not tree:
            assert event.inferred["date"] in reasons[0]
    plain = next(e for e in base.events if not e.inferred)
    assert not [
        t
        for part in fact_block(timeline.find(id=plain.id))
        for t in part.select("span.fact-tag--inferred")
    ], f"{plain.id}: a date not inferred is marked"


def test_inferred_places_and_makers_are_marked_and_a_repost_date_is_not_a_publication(site, base):
    """A country or maker the site infers carries the 推断 tag with its reason; the source's
    publication is "not later than" the repost, and no day is claimed for it in the page data."""
    site_pages = pages(site)
    organizations, products = site_pages["organizations.html"], site_pages["products.html"]
    for org in base.organizations:
        tags = (
            fact_block(organizations.find(id=org.id))[0]
            .find_next("p")
            .select("span.fact-tag--inferred")
        )
        assert bool(tags) == bool({"country", "parent"} & set(org.inferred)), org.id
        if "country" in org.inferred:
            assert tags[0]["title"] == org.inferred["country"]
    sora = fact_block(products.find(id="sora"))[0].find_next("p")
    assert sora.select("span.fact-tag--inferred")
    sources = site_pages["sources.html"].get_text()
    assert (
        "发表日期：不晚于2024年2月25日" in sources and "所读副本发布日期：2024年2月25日" in sources
    )
    ld = json.loads(site_pages["index.html"].find("script", type="application/ld+json").string)
    assert "datePublished" not in ld["isBasedOn"]


@pytest.mark.parametrize("tree", ["", "zh-Hant"])
def test_editors_notes_stand_beside_their_facts_and_on_the_method_page(site, base, tree):
    html_pages = pages(site / tree if tree else site)
    method = html_pages["method.html"]
    for note in base.notes:
        assert method.find(id=note.id) is not None, f"{note.id} is not on the method page"
        for record_id in note.about:
            page, element = next(
                (name, soup.find(id=record_id))
                for name, soup in html_pages.items()
                if name != "method.html" and soup.find(id=record_id)
            )
            box = element.find_next("div", class_="admonition")
            assert box is not None and box.find("a", href=f"method.html#{note.id}"), (
                f"{note.id}: no note beside {record_id} on {page}"
            )
    compute = html_pages["compute.html"].find(id="derived-video-per-second")
    assert compute is not None
    word = "編者註" if tree else "编者注"
    assert word in compute.find_next("div", class_="admonition").get_text()


def test_citation_links_land_on_paragraphs(site, base):
    sources = pages(site)["sources.html"]
    for source in base.sources:
        for paragraph in source.paragraphs:
            assert sources.find(id=f"{source.id}-p{paragraph.n}") is not None


@pytest.mark.parametrize("tree", ["", "zh-Hant"])
def test_no_raw_ids_or_placeholders_on_pages(site, base, tree):
    ids = [record_id for record_id in cited_ids(base) if "-" in record_id]
    for name, soup in pages(site / tree if tree else site).items():
        text = " ".join(
            string
            for string in soup.find_all(string=True)
            if not string.find_parent(["script", "style", "code", "pre"])
        )
        assert "{{" not in text and "}}" not in text, name
        assert not re.search(r"\bNone\b", text), name
        leaked = [record_id for record_id in ids if record_id in text]
        assert not leaked, f"{name} shows raw ids {leaked[:3]}"


def test_prose_takes_values_from_the_data(site):
    overview = pages(site)["index.html"]
    text = overview.get_text(" ")
    # The source's date range (`published: ../2024-02-25`) and a figure, rendered from data.
    assert "不晚于2024年2月25日" in text
    assert "单次训练也要1个月" in text
    link = overview.find("a", href="people.html#zhang-nan")
    assert link is not None and link.get_text() == "张楠"
    hant = pages(site / "zh-Hant")["index.html"]
    assert hant.find("a", href="people.html#zhang-nan").get_text() == "張楠"


def test_unknown_fact_reference_fails_with_file_and_line(tmp_path):
    project = project_copy(tmp_path)
    method = project / "docs" / "method.md"
    lines = method.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "见{{ no-such-fact.date }}。")
    method.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert (
        "docs/method.md:4:2: {{ no-such-fact.date }}: 找不到 id 为 'no-such-fact' 的事实。"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_open_graph_and_json_ld(site):
    soup = pages(site)["index.html"]
    assert soup.find("meta", property="og:title") is not None
    assert soup.find("meta", property="og:locale")["content"] == "zh_CN"
    ld = soup.find("script", type="application/ld+json")
    assert ld is not None and '"@type": "Report"' in ld.string and "张楠" in ld.string
    hant = pages(site / "zh-Hant")["index.html"]
    assert "張楠" in hant.find("script", type="application/ld+json").string
    people = pages(site)["people.html"]
    assert people.find("meta", attrs={"name": "description"})["content"].startswith("报道涉及")


@pytest.mark.slow  # builds the site again
def test_hong_kong_edition_takes_configuration_only(hong_kong_project):
    project = hong_kong_project
    people = (project / "site" / "zh-HK" / "people.html").read_text(encoding="utf-8")
    assert '<html lang="zh-HK"' in people
    assert "字節跳動" in people and "位元組" not in people
    organizations = (project / "site" / "zh-HK" / "organizations.html").read_text(encoding="utf-8")
    assert "互聯網" in organizations
    root = BeautifulSoup(
        (project / "site" / "people.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert {a["hreflang"] for a in root.select("a.md-select__link")} == {
        "zh-Hans",
        "zh-Hant",
        "zh-HK",
    }


@pytest.mark.slow  # builds the site again
def test_two_builds_are_byte_identical(history_project, site_url, tmp_path):
    # With history, feed and share cards: the second build reads them from .cache/.
    project, _ = history_project
    again = tmp_path / "again"
    assert (
        run_mkdocs(project, "build", "--strict", "-d", str(again), site_url=site_url).returncode
        == 0
    )
    one = {
        p.relative_to(project / "site"): p.read_bytes()
        for p in (project / "site").rglob("*")
        if p.is_file()
    }
    two = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def _serve(project: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    server = subprocess.Popen(
        [python(), "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=BUILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return server, f"http://127.0.0.1:{port}"


@pytest.mark.slow  # serves and rebuilds the site
def test_preview_shows_broken_data_and_rebuilds_both_scripts_once_it_is_fixed(tmp_path):
    project = project_copy(tmp_path)
    people = project / "data" / "people.yml"
    good = people.read_text(encoding="utf-8")
    # Broken from the start: the preview must come up anyway, showing the problem.
    people.write_text(good.replace("name: 张楠", "name: [张楠", 1), encoding="utf-8")
    server, root = _serve(project)
    try:
        assert _wait_for(f"{root}/index.html", "数据有问题", 90), "no problem panel"
        assert _wait_for(f"{root}/index.html", "data/people.yml:", 5)
        assert _wait_for(f"{root}/zh-Hant/index.html", "資料有問題", 5)
        renamed = good.replace("name: 张楠", "name: 张楠预览\n    aliases: [张楠]", 1)
        people.write_text(renamed, encoding="utf-8")
        assert _wait_for(f"{root}/people.html", "张楠预览", 60)
        assert _wait_for(f"{root}/zh-Hant/people.html", "張楠預覽", 30)  # both scripts rebuilt
        with urllib.request.urlopen(f"{root}/people.html", timeout=5) as response:
            assert "数据有问题" not in response.read().decode("utf-8")
        # Broken again after a good build: the last good facts stay, with the panel on top.
        people.write_text(
            renamed.replace("attribution: reported", "attribution: rumour", 1),
            encoding="utf-8",
        )
        assert _wait_for(f"{root}/people.html", "&#x27;rumour&#x27; 不在可选范围内", 60)
        assert _wait_for(f"{root}/people.html", "张楠预览", 5)
    finally:
        stop(server)


@pytest.mark.slow  # builds the site again
def test_a_broken_link_or_anchor_fails_the_build(tmp_path):
    project = project_copy(tmp_path)
    method = project / "docs" / "method.md"
    method.write_text(
        method.read_text(encoding="utf-8")
        + "\n见[人物](people.md#no-such-person)与[旧页](gone.md)。\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "gone.md" in result.stderr and "no-such-person" in result.stderr


def test_every_paragraph_of_every_source_is_cited(base):
    cited = {
        (c.source, c.paragraph) for _, r in records(base) for c in getattr(r, "cite", None) or []
    }
    missing = [(s.id, p.n) for s in base.sources for p in s.paragraphs if (s.id, p.n) not in cited]
    assert missing == []


def test_the_people_page_says_which_roles_still_hold_and_lists_related_facts():
    from generator.site.pages import people

    base = load_fact_base(ROOT / "data")
    page = people.render(simplified_context(base))
    open_roles = [r for p in base.people for r in p.roles if not r.end]
    assert page.count("至今（截至报道）") == len(open_roles)
    involved = next(p for p in base.people if any(p.id in e.involves for e in base.events))
    section = page.split(f"{{ #{involved.id} }}")[1].split("\n## ")[0]
    assert "**相关事实**" in section
    event = next(e for e in base.events if involved.id in e.involves)
    assert f"#{event.id})" in section


def test_an_inconsistency_note_is_a_warning_box():

    real = load_fact_base(ROOT / "data")
    note = real.notes[0].model_copy(update={"kind": "inconsistency"})
    base = real.model_copy(update={"notes": [note, *real.notes[1:]]})
    ctx = simplified_context(base)
    assert ctx.note_lines(note.about[0])[0].startswith("!!! warning")
