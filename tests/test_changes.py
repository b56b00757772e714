"""The built site's history, as readers meet it: the corrections page, corrections on facts,
last-updated dates on facts and pages, and the Atom feed of each edition."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag
from conftest import simplified_context
from test_site import all_pages

from generator.editions.convert import ScriptConverter, converter_for
from generator.facts.history import FieldEdit, History, RecordEdit, Revision, reasons_of
from generator.facts.kinds import KINDS
from generator.facts.load import load_fact_base
from generator.site.feed import atom_feed
from generator.site.pages import changes, generated_page_of_kind, page_context

HANT = "zh-Hant"
ATOM = "{http://www.w3.org/2005/Atom}"
EDITIONS = ["", f"{HANT}/"]


# The Traditional edition's own converter (OpenCC and the reviewed glossary).
@cache
def to_hant() -> ScriptConverter:
    return converter_for(load_fact_base(Path(__file__).parent.parent / "data"), "s2twp", "zh-Hant")


def read(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def record_block(page: BeautifulSoup, record_id: str) -> str:
    """The text of a record's entry: its heading or element up to the next heading."""
    anchor = page.find(id=record_id)
    assert isinstance(anchor, Tag), record_id
    if anchor.name not in ("h2", "h3"):
        parent = anchor.find_parent(["li", "p"])
        return str(parent if parent is not None else anchor)
    parts = [str(anchor)]
    for sibling in anchor.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        parts.append(str(sibling))
    return "".join(parts)


def page_of(record_id: str, file: str) -> str:
    kind = next(kind for kind in KINDS.values() if kind.file == file and kind.holder is None)
    return generated_page_of_kind()[kind.name].replace(".md", ".html")


@pytest.mark.parametrize("edition", EDITIONS)
def test_corrections_page_lists_each_change_with_date_records_and_reason(
    built_site, published_history, edition
):
    ui = to_hant() if edition else str
    page = read(built_site, f"{edition}changes.html")
    headings = [h.get_text().replace("¶", "").strip() for h in page.select("h2")]
    assert headings == [
        ui("2024年3月10日 · 更正"),
        ui("2024年3月5日 · 修订"),
        ui("2024年3月1日 · 首次发布"),
    ]
    correction = page.select_one("h2.change-correction")
    assert correction is not None
    section = "".join(str(s) for s in correction.find_next_siblings(limit=2))
    assert ui(published_history.correction) in BeautifulSoup(section, "html.parser").get_text()
    assert page.find("del", string=ui(published_history.wrong_value)) is not None
    assert page.find("ins", string=ui(published_history.right_value)) is not None
    added = page.select("a[href]")
    target = f"{page_of(published_history.added_id, published_history.added_file)}#{published_history.added_id}"
    assert target in [a["href"] for a in added]
    assert ui(published_history.reason) in page.get_text()


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_corrected_fact_says_so_with_date_and_reason(built_site, published_history, edition):
    ui = to_hant() if edition else str
    name = page_of(published_history.corrected_id, "events.yml")
    page = read(built_site, f"{edition}{name}")
    block = BeautifulSoup(record_block(page, published_history.corrected_id), "html.parser")
    notice = block.select_one(".fact-correction")
    assert notice is not None, "no correction notice on the corrected fact"
    text = notice.get_text()
    assert text.startswith(ui("更正")) and ui(published_history.correction) in text
    assert notice.select_one("time")["datetime"] == published_history.correction_day  # type: ignore[index]
    link = notice.select_one("a")
    assert link is not None
    changes_page, _, anchor = urljoin(name, link["href"]).partition("#")
    assert changes_page == "changes.html"
    assert read(built_site, f"{edition}changes.html").find(id=anchor) is not None
    assert len(page.select(".fact-correction")) == 1, "only the corrected fact carries a notice"


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_fact_shows_its_own_date_only_when_it_changed_on_another_day_than_the_rest(
    built_site, published_history, edition
):
    """Most events were first published on 2024-03-01: that day is said once, at the foot of the
    page, not after every event; the corrected event still carries its date and its notice."""
    ui = to_hant() if edition else str
    timeline = read(built_site, f"{edition}timeline.html")
    days = [tag["datetime"] for tag in timeline.select(".fact-updated time")]
    expected = [published_history.correction_day]
    if published_history.added_file == "events.yml":
        expected.append("2024-03-05")
    assert sorted(days) == sorted(expected)
    corrected = BeautifulSoup(record_block(timeline, published_history.corrected_id), "html.parser")
    stamp = corrected.select_one(".fact-updated time")
    assert stamp is not None and stamp["datetime"] == published_history.correction_day
    assert corrected.select_one(".fact-correction") is not None
    foot = timeline.select_one(".page-updated")
    assert foot is not None
    assert [t["datetime"] for t in foot.select("time")] == ["2024-03-10", "2024-03-01"]
    assert ui("未注明日期的事实更新于") in foot.get_text()
    added_page = read(
        built_site,
        edition + page_of(published_history.added_id, published_history.added_file),
    )
    added = BeautifulSoup(record_block(added_page, published_history.added_id), "html.parser")
    stamp = added.select_one(".fact-updated time")
    assert stamp is not None and stamp["datetime"] == "2024-03-05"


def test_a_page_whose_facts_all_changed_on_its_own_day_shows_that_day_once(built_site):
    """People changed only at the first publication: no fact repeats the page's date."""
    people = read(built_site, "people.html")
    assert people.select(".fact-updated") == []
    foot = people.select_one(".page-updated")
    assert foot is not None
    assert [t["datetime"] for t in foot.select("time")] == ["2024-03-01"]
    assert "2024年3月1日" not in people.select_one("article").get_text().replace(
        foot.get_text(), ""
    )


@pytest.mark.parametrize(
    ("page", "day"),
    [
        ("timeline.html", "2024-03-10"),
        ("analysis.html", "2024-03-05"),
        ("people.html", "2024-03-01"),
        ("changes.html", "2024-03-10"),
        (f"{HANT}/timeline.html", "2024-03-10"),
    ],
)
def test_each_page_ends_with_the_day_it_last_changed(built_site, published_history, page, day):
    if published_history.added_file != "claims.yml" and page == "analysis.html":
        day = "2024-03-01"
    stamp = read(built_site, page).select_one(".page-updated time")
    assert stamp is not None and stamp["datetime"] == day


def test_every_page_links_its_editions_feed_in_head(built_site):
    for page in all_pages(built_site):
        links = read(built_site, page).select(
            'head link[rel=alternate][type="application/atom+xml"]'
        )
        assert len(links) == 1, page
        feed = urlsplit(urljoin(f"http://h/{page}", links[0]["href"])).path.lstrip("/")
        expected = f"{HANT}/feed.xml" if page.startswith(HANT + "/") else "feed.xml"
        assert feed == expected, page


@pytest.mark.parametrize("edition", EDITIONS)
def test_feed_is_valid_atom_with_an_entry_per_change(built_site, published_history, edition):
    text = (built_site / edition / "feed.xml").read_text(encoding="utf-8")
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == 3
    newest = parsed.entries[0]
    assert newest.updated.startswith("2024-03-10")
    assert newest.link.endswith(f"{edition}changes.html#" + newest.link.split("#")[1])
    assert [t.term for t in newest.tags] == ["correction"]
    ui = to_hant() if edition else str
    assert ui(published_history.correction) in newest.title
    added = parsed.entries[1].content[0].value
    assert published_history.added_id not in added, "records are named, not given as ids"
    changes_page = read(built_site, f"{edition}changes.html")
    named = changes_page.select_one(f'a[href$="#{published_history.added_id}"]')
    assert named is not None and named.get_text() in added, "named as the changes page names it"
    # RFC 4287 4.1.1 and 4.1.2: what a feed and each entry must hold.
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), name
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    ids = set()
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None and link.get("href", "").startswith("http")
        ids.add(entry.findtext(f"{ATOM}id"))
    assert len(ids) == 3
    anchors = [e.link.split("#")[1] for e in parsed.entries]
    page = read(built_site, f"{edition}changes.html")
    assert all(page.find(id=anchor) is not None for anchor in anchors)


def test_the_two_feeds_are_the_same_changes_in_each_script(built_site):
    hans = feedparser.parse((built_site / "feed.xml").read_text(encoding="utf-8"))
    hant = feedparser.parse((built_site / HANT / "feed.xml").read_text(encoding="utf-8"))
    assert [e.updated for e in hans.entries] == [e.updated for e in hant.entries]
    assert {e.id for e in hans.entries}.isdisjoint({e.id for e in hant.entries})
    assert hant.feed.title == to_hant()(hans.feed.title)


HOSTILE = "<script>alert(1)</script> ]]> & [x](javascript:alert(1)) \x01{: onclick=x}"
VALUE = HOSTILE.replace("\x01", "")


def hostile_history() -> History:
    edit = RecordEdit(
        "changed", "event", "no-such-event", None, (FieldEdit("title", VALUE, "<b>新</b>"),)
    )
    correction, reason = reasons_of(f"标题\n\n更正：{HOSTILE}")
    revision = Revision(
        "f" * 40, 0, "2024-01-01T00:00:00+08:00", correction, reason, False, (edit,), 0
    )
    return History(revisions=[revision], missing=None)


def test_commit_messages_and_values_reach_the_page_as_text():
    base = load_fact_base(Path(__file__).parent.parent / "data")
    ctx = simplified_context(base, history=hostile_history())
    markdown = changes.render(ctx)
    for raw in ("<script", "<b>", "](javascript", "{: onclick", "\x01"):
        assert raw not in markdown, raw
    # Escaped, not dropped: a reader sees the reason and both values as they were written.
    shown = html.unescape(markdown)
    assert f"**更正原因**：{VALUE}\n" in shown
    assert f"<del>{VALUE}</del> → <ins><b>新</b></ins>" in shown


def test_commit_messages_reach_the_feed_as_text():
    text = atom_feed(
        hostile_history(),
        ui=str,
        lang="zh-Hans",
        site_name="站<名>",
        changes_url="https://example.org/changes.html",
        feed_url="https://example.org/feed.xml",
    )
    root = ET.fromstring(text.encode("utf-8"))
    [entry] = root.findall(f"{ATOM}entry")
    assert "<script>alert(1)</script>" in (entry.findtext(f"{ATOM}title") or "")
    content = entry.findtext(f"{ATOM}content") or ""
    assert "<script>" not in content and "&lt;script&gt;" in content
    assert not feedparser.parse(text).bozo


@pytest.mark.parametrize("edition", EDITIONS)
def test_sitemap_says_when_each_page_last_changed(built_site, edition):
    sitemap = ET.fromstring((built_site / edition / "sitemap.xml").read_bytes())
    space = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmod = {
        (url.findtext(f"{space}loc") or "").rsplit("/", 1)[-1]: url.findtext(f"{space}lastmod")
        for url in sitemap.findall(f"{space}url")
    }
    assert lastmod["timeline.html"] == "2024-03-10"
    assert lastmod["people.html"] == "2024-03-01"
    for page, day in lastmod.items():
        stamp = read(built_site, f"{edition}{page or 'index.html'}").select_one(
            ".page-updated time"
        )
        assert stamp is not None and stamp["datetime"] == day, page


def test_a_changed_citation_keeps_the_source_words_in_the_traditional_edition():
    """A quote on the changes page is the source's own words: its glyphs change, never its
    wording (the article says 国内, which the Taiwan edition's vocabulary would make 中國)."""
    base = load_fact_base(Path(__file__).parent.parent / "data")
    cite = "zhinengpro-2024-02-25#39「国内的大厂们在算力这一块」"
    edit = RecordEdit(
        "changed", "organization", "bytedance", None, (FieldEdit("cite", None, cite),)
    )
    revision = Revision("e" * 40, 0, "2024-03-01T00:00:00+08:00", None, "补引", False, (edit,), 0)
    hant = converter_for(base, "s2twp", "zh-Hant")
    history = History(revisions=[revision], missing=None)
    markdown = changes.render(page_context(base, hant, "zh-Hant", history=history))
    assert "國內的大廠們在算力這一塊" in markdown
    assert "中國的大廠們" not in markdown
    # The feed shows the same change the same way, with full-width punctuation between quotes.
    feed = atom_feed(
        history,
        ui=hant,
        lang="zh-Hant",
        site_name="站",
        changes_url="https://example.org/changes.html",
        feed_url="https://example.org/feed.xml",
    )
    assert "國內的大廠們在算力這一塊" in feed and "中國的大廠們" not in feed


def test_the_feed_shows_cited_paragraphs_and_quotes_apart():
    base = load_fact_base(Path(__file__).parent.parent / "data")
    cite = "a#37“微软、Meta、谷歌等大厂”, a#39“国内的大厂们在算力这一块”"
    edit = RecordEdit("changed", "claim", "x", None, (FieldEdit("cite", None, cite),))
    revision = Revision("f" * 40, 0, "2024-03-01T00:00:00+08:00", None, "补引", False, (edit,), 0)
    feed = atom_feed(
        History(revisions=[revision], missing=None),
        ui=converter_for(base, "s2twp", "zh-Hant"),
        lang="zh-Hant",
        site_name="站",
        changes_url="https://example.org/changes.html",
        feed_url="https://example.org/feed.xml",
    )
    assert "第37段「微軟、Meta、谷歌等大廠」；第39段「國內的大廠們在算力這一塊」" in feed


def test_search_indexes_the_newest_changes_and_the_page_keeps_them_all():
    """A long history stays on the page, but only the newest SEARCHED changes are indexed: the
    index every searching reader downloads does not grow with each commit."""
    import markdown
    from material.plugins.search.plugin import Parser

    edit = RecordEdit("changed", "claim", "c", None, (FieldEdit("text", "旧说法", "新说法"),))
    revisions = [
        Revision(
            f"{n:040x}",
            n,
            f"2024-01-01T00:00:{n % 60:02d}+08:00",
            None,
            f"第{n}次",
            False,
            (edit,),
            0,
        )
        for n in range(1, changes.SEARCHED + 21)
    ]
    base = load_fact_base(Path(__file__).parent.parent / "data")
    history = History(revisions=revisions, missing=None)
    ctx = simplified_context(base, history=history)
    html = markdown.markdown(
        changes.render(ctx), extensions=["attr_list", "md_in_html", "admonition"]
    )
    page = BeautifulSoup(html, "html.parser")
    assert len(page.select("h2")) == changes.SEARCHED + 20  # every change is on the page
    parser = Parser()
    parser.feed(html)
    parser.close()
    indexed = [s.id for s in parser.data if s.id and not s.is_excluded()]
    newest = [r.anchor for r in reversed(revisions)][: changes.SEARCHED]
    assert indexed == newest


def test_a_correction_of_several_records_sends_each_to_the_corrections_page():
    """Beside one of several records it corrected, a commit's reason would speak of the others:
    the notice dates the correction and says where its reason is."""
    from generator.site.freshness import fact_correction

    def revision(keys: tuple[str, ...], reason: str) -> Revision:
        edits = tuple(
            RecordEdit("changed", "claim", key, None, (FieldEdit("text", "旧", "新"),))
            for key in keys
        )
        return Revision("a" * 40, 0, "2024-03-01T00:00:00+08:00", reason, reason, False, edits, 0)

    one = revision(("x",), "甲的数字抄错了。")
    several = revision(("y", "z"), "乙的国别与丙的日期都改了。")
    history = History(revisions=[one, several], missing=None)
    history.corrected.update({"x": one, "y": several, "z": several})
    assert "甲的数字抄错了。" in fact_correction(history, "x", str)
    notice = fact_correction(history, "y", str)
    assert "乙的国别" not in notice and "一并改了2条记录" in notice and "#rev-" in notice


# Field paths as the fact comparison gives them, nested ones included.
FIELD_PATHS = (
    "inferred.date",
    "unit_forms.zh-Hant",
    "paragraphs[13].gist",
    "relations[0].attribution",
    "name_forms.zh-Hant",
    "cite",
)


@pytest.mark.parametrize("lang", ["zh-Hans", HANT])
def test_no_field_path_reaches_a_reader_of_the_corrections_page_or_the_feed(lang):
    base = load_fact_base(Path(__file__).parent.parent / "data")
    edits = tuple(FieldEdit(path, "甲", "乙") for path in FIELD_PATHS)
    record = RecordEdit("changed", "product", base.products[0].id, None, edits)
    revision = Revision(
        "f" * 40, 0, "2024-03-02T00:00:00+08:00", "改正", "改正", False, (record,), 0
    )
    history = History(revisions=[revision], missing=None)
    ui = to_hant() if lang == HANT else ScriptConverter(None, "zh-Hans")
    page = changes.render(page_context(base, ui, lang, history=history))
    feed = atom_feed(
        history,
        ui=ui,
        lang=lang,
        site_name="站",
        changes_url="https://example.org/changes.html",
        feed_url="https://example.org/feed.xml",
    )
    for path in FIELD_PATHS:
        for raw in (path, path.replace(".", " › "), path.split(".")[0].split("[")[0]):
            assert raw not in page and raw not in feed, (lang, raw)
    assert ui("推断依据·日期") in page and ui("推断依据·日期") in feed


def test_feed_text_drops_what_xml_cannot_hold():
    from generator.site.feed import xml_text

    text = xml_text("改\x0b正\x00<b>\t\n")
    assert text == "改正&lt;b&gt;\t\n"
    ET.fromstring(f"<t>{text}</t>")


def test_a_renamed_record_names_its_old_id():
    edit = RecordEdit("renamed", "claim", "new-id", "old-id", (FieldEdit("text", "旧", "新"),))
    revision = Revision("a" * 40, 0, "2024-01-01T00:00:00+08:00", None, "改名", False, (edit,), 0)
    base = load_fact_base(Path(__file__).parent.parent / "data")
    history = History(revisions=[revision], missing=None)
    ctx = simplified_context(base, history=history)
    assert "原编号：`old-id`" in changes.render(ctx)
