"""Pages are finished on Python-Markdown's tree: wide tables ready to become cards on a phone,
and each heading's ¶ held to the heading's last character, whatever the heading ends with."""

from __future__ import annotations

import markdown

from generator.glue.page_tree import PageTree

LINK = '<a class="headerlink" href="#x" title="永久链接">&para;</a>'


def html_of(source: str) -> str:
    md = markdown.Markdown(
        extensions=["toc", "tables", "attr_list", PageTree()],
        extension_configs={"toc": {"permalink": True, "permalink_title": "永久链接"}},
    )
    return md.convert(source)


def test_the_last_character_and_the_link_share_a_no_wrap_span():
    for title, kept, last in (
        ("中文版首发之争", "中文版首发之", "争"),
        ("Boximator", "Boximato", "r"),
        ("AT&T", "AT&amp;", "T"),
        ("谁先撞线？", "谁先撞线", "？"),
        ("字段 `id`", "字段 ", "<code>id</code>"),
        (
            "人物：[张楠](people.html#zhang-nan)",
            "人物：",
            '<a href="people.html#zhang-nan">张楠</a>',
        ),
    ):
        assert html_of(f"## {title} {{#x}}") == (
            f'<h2 id="x">{kept}<span class="heading-end">{last}{LINK}</span></h2>'
        ), title


def test_unusual_endings_are_left_alone():
    for title, shown in (
        ("*`id`*", "<em><code>id</code></em>"),  # nested elements: left whole
        # too long to hold unbroken on a phone
        (
            "见[一个长得足以超出手机屏幕宽度的链接文字](a.html)",
            '见<a href="a.html">一个长得足以超出手机屏幕宽度的链接文字</a>',
        ),
    ):
        assert html_of(f"## {title} {{#x}}") == f'<h2 id="x">{shown}{LINK}</h2>'


WIDE = """| 人物 | 日期 | 变动 |
| --- | --- | ---: |
| 张楠 | 2024年 | A & B |
"""


def test_a_wide_table_names_each_cell_s_column_and_gives_roles():
    html = html_of(WIDE)
    assert '<table data-cards="data-cards" role="table">' in html
    assert '<thead role="rowgroup">' in html and '<tbody role="rowgroup">' in html
    assert html.count('<tr role="row">') == 2
    assert '<td data-label="人物" role="cell">张楠</td>' in html
    assert '<td data-label="变动" role="cell" style="text-align: right;">A &amp; B</td>' in html
    # Header cells keep their implicit role: Material styles th[role=columnheader] as a button.
    assert "<th>人物</th>" in html


def test_a_narrow_table_stays_a_table():
    html = html_of("| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n")
    assert "<table>" in html and "data-label" not in html and "role=" not in html
