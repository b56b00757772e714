"""The security policy allows exactly the page's own inline scripts, found as a browser finds them."""

from __future__ import annotations

import base64
import hashlib

from conftest import run_mkdocs

from generator.site.web_safety import add_content_security_policy, inline_scripts


def sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


PAGE = """<!doctype html><html><head><title>t</title>
<script>var a = "</div>";</script>
<SCRIPT type="module">import x from "./x.js"</SCRIPT >
<script type='text/javascript' data-src="lazy">b()</script>
<script src="assets/app.js"></script>
<script type="application/json">{"not": "run"}</script>
<script id="x" type=application/ld+json>{}</script>
</head><body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>
<script
  defer>multi()
</script></body></html>"""


def test_only_scripts_a_browser_runs_are_found():
    assert inline_scripts(PAGE) == [
        'var a = "</div>";',
        'import x from "./x.js"',
        "b()",
        "multi()\n",
    ]


def test_the_policy_names_each_inline_script_and_nothing_escaped():
    page = add_content_security_policy(PAGE)
    policy = page.split('content="', 1)[1].split('"', 1)[0]
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src"))
    assert script_src.split()[2:] == sorted(
        sha(body) for body in ('var a = "</div>";', 'import x from "./x.js"', "b()", "multi()\n")
    )
    assert sha("alert(1)") not in policy
    assert page.index("Content-Security-Policy") < page.index("<title>")


def test_a_script_of_the_page_content_gets_no_hash():
    page = add_content_security_policy(PAGE, refused=["b()"])
    assert sha("b()") not in page and sha('var a = "</div>";') in page


def test_an_inline_script_in_a_hand_written_page_is_refused_and_named(make_project):
    """A script pasted into a page's Markdown never runs: the policy gives it no hash, and a
    strict build stops, naming the page and the fix."""
    project = make_project("inline-script")
    page = project / "docs" / "method.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n<script>alert('hi')</script>\n", encoding="utf-8"
    )
    line = page.read_text(encoding="utf-8").splitlines().index("<script>alert('hi')</script>") + 1
    strict = run_mkdocs(project, "build", "--strict")
    assert strict.returncode != 0
    assert f"docs/method.md:{line}：正文里有内联 <script>" in strict.stderr
    assert "extra_javascript" in strict.stderr and "Traceback" not in strict.stderr
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("strict: true", "strict: false"), "utf-8"
    )
    relaxed = run_mkdocs(project, "build")
    assert relaxed.returncode == 0
    assert relaxed.stderr.count("正文里有内联 <script>") == 1, "said once, not once per edition"
    built = (project / "site" / "method.html").read_text(encoding="utf-8")
    assert "alert('hi')" in built and sha("alert('hi')") not in built
    theme_script = inline_scripts(built)[0]
    assert sha(theme_script) in built


def test_a_script_closed_the_way_browsers_also_accept_is_found():
    page = "<script>a()</script foo><p>x</p><script>b()</script/><script>c()</SCRIPT\n>"
    assert inline_scripts(page) == ["a()", "b()", "c()"]


def test_the_policy_refuses_plugins_and_foreign_bases_and_forms():
    from generator.site.web_safety import policy_for

    policy = policy_for("<p>x</p>")
    for directive in ("object-src 'none'", "base-uri 'self'", "form-action 'self'"):
        assert directive in policy.split("; ")
