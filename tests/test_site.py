"""The real `mkdocs build --strict` output read as files: two editions, their links, search
indexes, security policy, scripts, and a failed build that leaves the last good site alone."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import opencc
import pytest
from bs4 import BeautifulSoup
from conftest import run_generator, run_mkdocs

from generator.site.plotly_bundle import BUNDLE_URI

HANT = "zh-Hant"
CHART_PAGES = {"timeline.html", "people.html", "products.html", "market.html"}
BASE_URL = "http://127.0.0.1/"  # any origin: only used to resolve page-relative links


EMBED = "embed"  # one page per chart for other sites' <iframe>s: outside nav, sitemap and search


def root_pages(site: Path) -> list[str]:
    """Site-relative paths of the Simplified pages (outside zh-Hant/, assets/ and embed/)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] not in {HANT, "assets", EMBED}
    )


def hant_pages(site: Path) -> list[str]:
    tree = site / HANT
    return sorted(
        p.relative_to(tree).as_posix()
        for p in tree.rglob("*.html")
        if p.relative_to(tree).parts[0] not in {"assets", EMBED}
    )


def all_pages(site: Path) -> list[str]:
    return root_pages(site) + [f"{HANT}/{page}" for page in hant_pages(site)]


def embed_pages(site: Path) -> list[str]:
    """Site-relative paths of the chart embed pages of both editions."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in [*site.glob(f"{EMBED}/*.html"), *site.glob(f"{HANT}/{EMBED}/*.html")]
    )


def every_html_file(site: Path) -> list[str]:
    """Pages and embed pages: everything a browser may open."""
    return all_pages(site) + embed_pages(site)


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def soup(site: Path, page: str) -> BeautifulSoup:
    return _soup(site / page)


def resolve(page: str, href: str) -> str:
    """Site-relative path that `href` on `page` points at (query and fragment dropped)."""
    return urlsplit(urljoin(BASE_URL + page, href)).path.lstrip("/")


# --- the two editions -------------------------------------------------------------------------


def test_both_editions_have_the_same_pages(built_site):
    simplified = root_pages(built_site)
    assert "index.html" in simplified
    assert "people.html" in simplified
    assert simplified == hant_pages(built_site)


def test_404_page_in_both_editions(built_site):
    hans, hant = soup(built_site, "404.html"), soup(built_site, f"{HANT}/404.html")
    assert hans.html["lang"] == "zh-Hans" and hant.html["lang"] == "zh-Hant"
    assert hans.h1.get_text() == "404：找不到这个页面"
    assert hant.h1.get_text() == "404：找不到這個頁面"
    assert "中文版Sora竞赛" in hans.title.get_text()
    assert "中文版Sora競賽" in hant.title.get_text()
    for page in (hans, hant):
        assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is not None


def test_html_lang_per_edition(built_site):
    for page in all_pages(built_site):
        html = soup(built_site, page).find("html")
        expected = HANT if page.startswith(HANT + "/") else "zh-Hans"
        assert html is not None and html.get("lang") == expected, page


def test_hreflang_alternates_on_every_page(built_site, site_url):
    for page in all_pages(built_site):
        name = page.removeprefix(HANT + "/")
        if name == "404.html":
            continue  # served at whatever URL was not found: it has no alternate of its own
        links = {
            link.get("hreflang"): link["href"]
            for link in soup(built_site, page).find_all("link", rel="alternate")
            if link.get("hreflang")
        }
        # Absolute, as search engines require; the page-relative selector is tested below.
        assert links == {
            "zh-Hans": site_url + name,
            HANT: f"{site_url}{HANT}/{name}",
            "x-default": site_url + name,
        }, page


@pytest.mark.parametrize("edition", ["", f"{HANT}/"])
def test_each_sitemap_lists_every_page_in_every_edition(built_site, site_url, edition):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ElementTree.parse(built_site / edition / "sitemap.xml")
    urls = tree.getroot().findall("s:url", ns)
    pages = {url.findtext("s:loc", namespaces=ns).removeprefix(site_url + edition) for url in urls}
    assert pages == {p for p in root_pages(built_site) if p != "404.html"}
    for url in urls:
        name = url.findtext("s:loc", namespaces=ns).removeprefix(site_url + edition)
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", ns)
            if link.get("rel") == "alternate"
        }
        assert alternates == {
            "zh-Hans": site_url + name,
            HANT: f"{site_url}{HANT}/{name}",
            "x-default": site_url + name,
        }, name


def test_language_selector_points_at_the_same_page(built_site):
    for page, other, lang in (
        ("people.html", f"{HANT}/people.html", HANT),
        (f"{HANT}/people.html", "people.html", "zh-Hans"),
    ):
        links = soup(built_site, page).select(".md-select a.md-select__link")
        assert links, f"{page}: no language selector"
        targets = {link.get("hreflang"): resolve(page, link["href"]) for link in links}
        assert targets.get(lang) == other, (page, targets)
        assert (built_site / other).is_file()


# --- Traditional text in the Traditional edition -----------------------------------------------


def test_material_ui_text_is_traditional(built_site):
    simplified = soup(built_site, "people.html").select_one("input.md-search__input")
    traditional = soup(built_site, f"{HANT}/people.html").select_one("input.md-search__input")
    assert simplified is not None and simplified.get("placeholder") == "搜索"
    assert traditional is not None and traditional.get("placeholder") == "搜尋"


# Attributes a reader hears or sees as text (tooltips, screen readers, empty fields).
READER_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


def english_attributes(page: BeautifulSoup) -> list[str]:
    """Reader-facing attribute values that are English words with no Chinese in them."""
    return [
        f'{name}="{value}"'
        for tag in page.find_all(True)
        for name in READER_ATTRIBUTES
        if isinstance(value := tag.get(name), str)
        and re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", value)
        and not re.search(r"[\u4e00-\u9fff]", value)
    ]


@pytest.mark.parametrize(("folder", "permalink"), [("", "永久链接"), (HANT, "永久連結")])
def test_theme_strings_speak_the_page_language(built_site, folder, permalink):
    pages = [f"{folder}/{page}" if folder else page for page in root_pages(built_site)]
    links = 0
    for page in pages:
        parsed = soup(built_site, page)
        assert english_attributes(parsed) == [], page
        for link in parsed.select("a.headerlink"):
            assert link.get("title") == permalink, page
            links += 1
    assert links > 50


def test_the_english_check_finds_an_english_tooltip():
    page = BeautifulSoup('<a title="Permanent link">¶</a><a title="OpenAI">x</a>', "html.parser")
    assert english_attributes(page) == ['title="Permanent link"']


def _nav_titles(page: BeautifulSoup) -> list[str]:
    return [link.get_text(" ", strip=True) for link in page.select("nav.md-nav--primary a")]


def test_site_name_and_nav_titles_are_converted(built_site):
    for page in root_pages(built_site):
        simplified = soup(built_site, page)
        traditional = soup(built_site, f"{HANT}/{page}")
        assert "时间线" in " ".join(_nav_titles(simplified)), page
        nav = " ".join(_nav_titles(traditional))
        assert "時間軸" in nav and "时间线" not in nav, page
        topic = traditional.select_one(".md-header__topic .md-ellipsis")
        assert topic is not None and "竞赛" not in topic.text and "競賽" in topic.text, page


def test_page_titles_are_converted(built_site):
    for page in root_pages(built_site):
        simplified = soup(built_site, page).title
        traditional = soup(built_site, f"{HANT}/{page}").title
        assert simplified is not None and traditional is not None
        assert "竞赛" in simplified.text and "競賽" in traditional.text, page
        s2tw = opencc.OpenCC("s2tw")
        assert [c for c in traditional.text if s2tw.convert(c) != c] == [], page


def _search_text(index: Path) -> str:
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    return "".join(doc["title"] + doc["text"] for doc in docs).replace("\u200b", "")


def test_each_edition_has_its_own_search_index(built_site):
    simplified = _search_text(built_site / "search" / "search_index.json")
    traditional = _search_text(built_site / HANT / "search" / "search_index.json")
    assert "張楠" in traditional and "张楠" not in traditional
    assert "张楠" in simplified and "張楠" not in simplified


@pytest.mark.parametrize(
    ("edition", "badge_words"),
    [
        ("", ("文章陈述", "原文：", "更新于", "¶")),
        (f"{HANT}/", ("文章陳述", "原文：", "更新於", "¶")),
    ],
)
def test_search_results_show_the_facts_words_not_their_labels(built_site, edition, badge_words):
    """A search result's snippet is the fact itself: the attribution label, the ¶ links, the
    source's quoted words and the update date beside each fact are not indexed."""
    docs = json.loads((built_site / edition / "search" / "search_index.json").read_text("utf-8"))
    texts = {doc["location"]: doc["text"].replace("\u200b", "") for doc in docs["docs"]}
    timeline = soup(built_site, f"{edition}timeline.html")
    entry = timeline.select_one("h2[id] ~ p small.fact-source").find_parent("p")
    fact_words = entry.get_text().replace(entry.select_one("small").get_text(), "").strip()
    heading = entry.find_previous("h2")["id"]
    indexed = next(text for place, text in texts.items() if place.endswith(f"#{heading}"))
    assert fact_words[:12] in indexed
    fact_pages = ("timeline.html", "people.html", "analysis.html", "organizations.html", "")
    for place, text in texts.items():
        if place.split("#")[0] in fact_pages:
            assert not [word for word in badge_words if word in text], (place, text[:200])


@pytest.mark.parametrize("edition", ["", f"{HANT}/"])
def test_search_leaves_out_who_stands_behind_each_step_of_the_chain(built_site, edition):
    """The compute chain's steps are indexed by what they say, not by their source lines."""
    docs = json.loads((built_site / edition / "search" / "search_index.json").read_text("utf-8"))
    page = next(
        doc["text"].replace("\u200b", "")
        for doc in docs["docs"]
        if doc["location"] == "compute.html"
    )
    chain = soup(built_site, f"{edition}compute.html").select_one("ol.report-chain__steps")
    first = chain.select_one("li")
    label = first.select_one(".report-chain__label").get_text()
    source = first.select_one("small.fact-source").get_text()
    assert re.sub(r"\s+", "", label) in re.sub(r"\s+", "", page)
    assert source.strip() and re.sub(r"\s+", "", source) not in re.sub(r"\s+", "", page)


VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
HIDDEN = {"script", "style", "code", "pre", "template", "noscript"}


class VisibleText(HTMLParser):
    """Text a reader sees: no scripts, styles, code, attributes, nor text marked as Simplified
    (`lang="zh-Hans"`, the selector's own 简体中文 entry, which is deliberately Simplified)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, hidden)

    def _hidden(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        lang = (dict(attrs).get("lang") or "").lower()
        hidden = self._hidden() or tag in HIDDEN or lang in {"zh-hans", "zh-cn"}
        self._stack.append((tag, hidden))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self._hidden():
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = VisibleText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return "".join(parser.parts)


# Words whose characters OpenCC's s2tw maps one by one to another character, but that are
# already correct Traditional as they stand: a character-level check cannot see the word, so
# these are removed from the text first. Add a word only with the reason it is right in Taiwan.
def test_every_page_has_a_strict_content_security_policy(built_site):
    for page in every_html_file(built_site):
        meta = soup(built_site, page).find(
            "meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)}
        )
        assert meta is not None, f"{page}: no Content-Security-Policy meta"
        directives = {
            part.strip().split(" ", 1)[0]: part.strip()
            for part in meta["content"].split(";")
            if part.strip()
        }
        assert "script-src" in directives, page
        assert "'unsafe-inline'" not in directives["script-src"], page
        assert "'unsafe-eval'" not in directives["script-src"], page


def _chart_script(page_soup: BeautifulSoup) -> list[dict[str, str]]:
    return [
        {"src": s["src"], "plotly": s.get("data-plotly", "")}
        for s in page_soup.find_all("script", src=True)
        if s["src"].endswith("report-charts.js")
    ]


def test_plotly_is_named_only_on_chart_pages_and_never_loaded_up_front(built_site):
    bundle = built_site / BUNDLE_URI
    assert bundle.is_file()
    for page in every_html_file(built_site):
        parsed = soup(built_site, page)
        sources = [s["src"] for s in parsed.find_all("script", src=True)]
        assert not [s for s in sources if "plotly" in s], (page, sources)
        charts = _chart_script(parsed)
        if page.removeprefix(HANT + "/") in CHART_PAGES or f"{EMBED}/" in page:
            assert len(charts) == 1, page
            src = charts[0]["src"]
            assert not src.startswith(("/", "http:", "https:", "//")), (page, src)
            script = resolve(page, src)
            assert resolve(script, charts[0]["plotly"]) == BUNDLE_URI, page
        else:
            assert charts == [], page
    assert {"sources.html", "index.html"}.isdisjoint(CHART_PAGES)


def test_every_edition_uses_the_root_editions_single_copy_of_the_assets(built_site):
    assert not (built_site / HANT / "assets").exists()
    for page in every_html_file(built_site):
        parsed = soup(built_site, page)
        urls = [s["src"] for s in parsed.find_all("script", src=True)]
        urls += [link["href"] for link in parsed.find_all("link", href=True)]
        for url in urls:
            if "assets/" in url and not url.startswith("/"):
                target = resolve(page, url)
                assert target.startswith("assets/"), (page, url)
                assert (built_site / target).is_file(), (page, url)


def test_a_chart_keeps_its_drawn_height_before_it_is_drawn(built_site):
    with_charts = set()
    for page in every_html_file(built_site):
        for chart in soup(built_site, page).select(".report-chart"):
            with_charts.add(page)
            figure = json.loads(chart["data-figure"])
            assert chart["style"] == f"height:{figure['layout']['height']}px", page
            assert chart.select_one(".report-chart__waiting").get_text() == chart["aria-label"]
    chart_pages = {prefix + page for page in CHART_PAGES for prefix in ("", f"{HANT}/")}
    assert chart_pages <= with_charts, sorted(chart_pages - with_charts)


EXTERNAL = re.compile(r"^(https?:)?//", re.I)
LOADED_LINKS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch"}


def test_no_external_scripts_styles_or_fonts(built_site):
    for page in every_html_file(built_site):
        html = (built_site / page).read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page
        parsed = soup(built_site, page)
        for script in parsed.find_all("script", src=True):
            assert not EXTERNAL.match(script["src"]), (page, script["src"])
        for link in parsed.find_all("link", href=True):
            if LOADED_LINKS & set(link.get("rel") or []):
                assert not EXTERNAL.match(link["href"]), (page, link["href"])
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        external = re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")]+)", text)
        assert external == [], (css.relative_to(built_site), external)


# --- a failed build keeps the last good site ----------------------------------------------------


def tree_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def break_people(project: Path) -> int:
    """Add an unknown field to the first person of data/people.yml; return its 1-based line."""
    people = project / "data" / "people.yml"
    lines = people.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("  - id:"))
    lines.insert(first + 1, "    nickname: 测试\n")
    people.write_text("".join(lines), encoding="utf-8")
    return first + 2


def assert_reported(result: subprocess.CompletedProcess[str], line: int) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.search(rf"data/people\.yml:{line}:\d+:", output), output
    assert "Traceback" not in output, output


@pytest.fixture
def built_project(make_project) -> Path:
    project = make_project("failed-build")
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.slow  # builds the site again
def test_failed_mkdocs_build_leaves_the_site_untouched(built_project):
    before = tree_hashes(built_project / "site")
    assert "index.html" in before and f"{HANT}/index.html" in before
    line = break_people(built_project)
    assert_reported(run_mkdocs(built_project, "build", "--strict"), line)
    assert tree_hashes(built_project / "site") == before


@pytest.mark.slow  # builds the site again
def test_failed_generator_build_leaves_the_site_untouched(make_project):
    """`make build` fails on a broken link (a warning, strict) found once MkDocs has emptied and
    refilled its output folder, and on bad data found before: the last good site stays."""
    built_project = make_project("failed-generator-build")
    assert run_generator("build", cwd=built_project).returncode == 0
    before = tree_hashes(built_project / "site")
    assert "index.html" in before and f"{HANT}/index.html" in before
    method = built_project / "docs" / "method.md"
    good = method.read_text(encoding="utf-8")
    method.write_text(good + "\n[另见](no-such-page.md)\n", encoding="utf-8")
    linked = run_generator("build", cwd=built_project)
    assert linked.returncode != 0, linked.stderr
    assert "Traceback" not in linked.stderr
    # Named with its file and line, and the fix, in the contributor's language.
    line = method.read_text(encoding="utf-8").splitlines().index("[另见](no-such-page.md)") + 1
    assert f"docs/method.md:{line}：链接“no-such-page.md”指向的页面不存在" in linked.stderr
    assert "analysis.md" in linked.stderr, "the pages a link may name, generated ones too"
    assert "site.new" not in linked.stderr, "the staging folder is no reader's business"
    assert tree_hashes(built_project / "site") == before
    method.write_text(good, encoding="utf-8")
    line = break_people(built_project)
    assert_reported(run_generator("build", cwd=built_project), line)
    assert tree_hashes(built_project / "site") == before
    leftovers = sorted(p.name for p in built_project.iterdir() if p.name.startswith("site."))
    assert leftovers == [], "staging folders left behind"
