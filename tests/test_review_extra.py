"""zhconv-rs is the review tools' own: a site builds without it, and the review says in one
Chinese line how to install it."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, run_generator

INSTALL = "pip install -e '.[review]'"


def without_zhconv_rs(tmp_path: Path) -> dict[str, str]:
    """The variable under which `import zhconv_rs` fails, as it does without the `review` extra."""
    shim = tmp_path / "shim" / "zhconv_rs"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text(
        "raise ImportError(\"No module named 'zhconv_rs'\")\n", encoding="utf-8"
    )
    return {"PYTHONPATH": str(shim.parent)}


def test_a_site_builds_without_zhconv_rs(make_project, tmp_path):
    project = make_project("no-zhconv-rs")
    result = run_generator("build", cwd=project, env=without_zhconv_rs(tmp_path))
    assert result.returncode == 0, result.stderr[-2000:]
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "zh-Hant" / "index.html").is_file()


def test_the_review_without_zhconv_rs_says_how_to_install_it(tmp_path):
    env = without_zhconv_rs(tmp_path)
    result = run_generator("conversions", cwd=ROOT, env=env)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and INSTALL in lines[0] and "zhconv-rs" in lines[0], lines
    assert "没有安装" in lines[0]
    # Listing conversions without the second opinion does not need it.
    listed = run_generator("conversions", "--all", cwd=ROOT, env=env)
    assert listed.returncode == 0, listed.stderr[-2000:]
