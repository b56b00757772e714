"""A heading's ¶ is held to the heading's last character, whatever the heading ends with."""

from __future__ import annotations

from generator.site.heading_links import keep_permalink_with_heading

LINK = '<a class="headerlink" href="#x" title="永久链接">&para;</a>'


def test_the_last_character_and_the_link_share_a_no_wrap_span():
    for title, kept, last in (
        ("中文版首发之争", "中文版首发之", "争"),
        ("Boximator", "Boximato", "r"),
        ("AT&amp;T", "AT&amp;", "T"),
        ("谁先撞线&#65311;", "谁先撞线", "&#65311;"),
        ("字段 <code>id</code>", "字段 ", "<code>id</code>"),
        (
            '人物：<a href="people.html#zhang-nan">张楠</a>',
            "人物：",
            '<a href="people.html#zhang-nan">张楠</a>',
        ),
    ):
        html = f'<h2 id="x">{title}{LINK}</h2>'
        assert keep_permalink_with_heading(html) == (
            f'<h2 id="x">{kept}<span class="heading-end">{last}{LINK}</span></h2>'
        )


def test_other_links_and_unusual_endings_are_left_alone():
    untouched = [
        f"<p>正文{LINK}</p>",  # not at the end of a heading
        f'<h3 id="x"><em><code>id</code></em>{LINK}</h3>',  # nested elements: left whole
        # too long to hold unbroken on a phone
        f'<h2 id="x">见<a href="a.html">一个长得足以超出手机屏幕宽度的链接文字</a>{LINK}</h2>',
        '<h2 id="x">标题</h2>',
    ]
    for html in untouched:
        assert keep_permalink_with_heading(html) == html
