"""The theme's own words (footer, 404 page), in Simplified Chinese; each edition converts them
before the templates show them.
"""

from __future__ import annotations

UI_TEXT = {
    # The credit reads as one sentence around the theme's name: 本站以 Material for MkDocs 构建。
    "made_with": "本站以",
    "made_with_after": "构建。",
    "not_found": "404：找不到这个页面",
    "not_found_help": "链接可能已经失效，或者网址输入有误。可以用右上角的搜索，或者从首页重新开始。",
    "home": "返回首页",
    # The ¶ beside every heading (Python-Markdown's toc writes "Permanent link" otherwise).
    "permalink": "永久链接",
}
