"""The build refuses to publish a wrong plan: it fails with every problem listed, and no traceback."""

import os
import shutil

from sitebuild import PLAN_DIR, ROOT, build_site, build_site_command, edit_plan

from plannav.externals import external_fetches, page_fetches
from plannav.htmlscan import scan_page
from plannav.linkcheck import broken_links, page_links

BROKEN_PLANS = [
    (
        "agency-nobody-references",
        "agencies.yaml",
        "agencies:\n",
        "agencies:\n  - id: so-du-lich\n    name: Sở Du lịch\n    kind: provincial-agency\n    wordings: [Sở Du lịch]\n",
        "agency 'so-du-lich' is never referenced",
    ),
    (
        "task-with-unknown-agency",
        "tasks.yaml",
        "      lead: [cong-an-tinh]\n",
        "      lead: [cong-an-tinhh]\n",
        "unknown agency 'cong-an-tinhh'",
    ),
    ("broken-cross-reference", "appendix_tasks.yaml", "restates: 1.c\n", "restates: 1.x\n", "unknown Part II task '1.x'"),
]


def test_build_fails_listing_every_problem_at_once_and_writes_nothing(plan_copy, tmp_path):
    # One build of a plan broken three ways: each problem with its file and hint, no traceback, no site.
    for _, file, old, new, _ in BROKEN_PLANS:
        edit_plan(plan_copy, file, (old, new))
    site_dir = tmp_path / "site"
    result = build_site_command(site_dir, plan_dir=plan_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    for _, file, _, _, message in BROKEN_PLANS:
        assert message in output and f"{file}:" in output
    assert output.count("hint:") >= len(BROKEN_PLANS)
    assert not (site_dir / "index.html").exists()


def _pages(site_dir):
    """Every page of a site folder, scanned as the build scans each page when it is written."""
    return {p.relative_to(site_dir).as_posix(): scan_page(p.read_text(encoding="utf-8")) for p in site_dir.rglob("*.html")}


def _broken_links(site_dir):
    return broken_links(site_dir, {name: page_links(page) for name, page in _pages(site_dir).items()})


def _external_fetches(site_dir):
    return external_fetches(site_dir, {name: page_fetches(page) for name, page in sorted(_pages(site_dir).items())})


def test_link_check_finds_missing_pages_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="../b/">b</a><a href="#here">ok</a>'
        '<a href="#gone">bad</a><a href="https://example.org/">ext</a>'
    )
    (tmp_path / "index.html").write_text('<a href="a/#here">ok</a><a href="a/#nowhere">bad</a><a href="c.html">bad</a>')
    problems = _broken_links(tmp_path)
    assert sorted(p.split(": ", 1)[1] for p in problems) == sorted(
        [
            "../b/ -> no such file",
            "#gone -> no anchor '#gone'",
            "a/#nowhere -> no anchor '#nowhere'",
            "c.html -> no such file",
        ]
    )
    assert all(p.split(":")[1].isdigit() for p in problems)


def test_build_fails_on_a_broken_link_or_an_outside_fetch_in_a_page(tmp_path):
    # A hand-written page with raw HTML, which mkdocs' own link validation does not read.
    project = tmp_path / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    for name in ("hooks.py", "macros.py"):
        shutil.copy(ROOT / name, project / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8") + "\nnot_in_nav: /ghi-chu.md\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "docs" / "ghi-chu.md").write_text(
        '# Ghi chú\n\n<p><a href="../khong-co/">?</a> <a href="../co-quan/cong-an-tinh/#khong-co">?</a></p>\n\n'
        '<script src="https://cdn.example.com/x.js"></script>\n',
        encoding="utf-8",
    )
    result = build_site_command(tmp_path / "site", plan_dir=PLAN_DIR, config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "2 broken internal links or anchors" in output
    assert "ghi-chu/index.html:" in output and "../khong-co/ -> no such file" in output
    assert "no anchor '#khong-co'" in output
    assert "ghi-chu/index.html:" in output and "https://cdn.example.com/x.js" in output
    assert "Traceback" not in output


def test_real_site_has_no_broken_links(site):
    assert _broken_links(site) == []


def test_external_fetch_check_flags_what_a_browser_would_load(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">\n'
        '<link rel="canonical" href="https://intranet.local/">\n'
        '<script src="//cdn.example.org/x.js"></script>\n'
        '<a href="https://example.org/">a link to follow, not a fetch</a>\n'
        '<img src="assets/logo.png" srcset="assets/a.png 1x, https://img.example.org/b.png 2x">\n'
        "<div style=\"background: url('https://img.example.org/c.png')\"></div>\n"
        '<!-- <script src="https://commented.example.org/"></script> -->\n'
    )
    (tmp_path / "style.css").write_text("@import 'https://fonts.example.org/f.css';\nbody { background: url(a.png); }\n")
    assert _external_fetches(tmp_path) == [
        "index.html:1: https://fonts.googleapis.com/css",
        "index.html:3: //cdn.example.org/x.js",
        "index.html:5: https://img.example.org/b.png",
        "index.html:6: https://img.example.org/c.png",
        "style.css:1: https://fonts.example.org/f.css",
    ]


def test_real_site_fetches_nothing_from_outside(site):
    assert _external_fetches(site) == []


def test_plan_text_is_printed_as_text_never_markup_or_template(hostile_site):
    import re

    from bs4 import BeautifulSoup
    from conftest import HOSTILE

    # On every page: no script or element was made from the plan, no template was evaluated.
    shown = 0
    for path in hostile_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "alert(1)</script>" not in html.replace("&lt;/script&gt;", ""), path
        assert not re.search(r"<img[^>]*onerror", html), path
        assert "Sở Y tế 49" not in html and "Thông tư 49" not in html, path
        shown += html.count("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert shown > 100  # the hostile text is there, as text, on many pages

    for url, where in (("co-quan/so-y-te/index.html", "article h1"), ("nhiem-vu/1-a/index.html", "blockquote.wording")):
        soup = BeautifulSoup((hostile_site / url).read_text(encoding="utf-8"), "html.parser")
        assert HOSTILE in soup.select_one(where).get_text(), url
        assert not [s for s in soup.find_all("script") if "alert" in (s.string or "")], url
        assert not soup.find_all("img", attrs={"onerror": True}), url
        assert "49" not in soup.select_one(where).get_text()
    agency = BeautifulSoup((hostile_site / "co-quan/so-y-te/index.html").read_text(encoding="utf-8"), "html.parser")
    assert HOSTILE in agency.title.get_text()
    listing = BeautifulSoup((hostile_site / "co-quan/index.html").read_text(encoding="utf-8"), "html.parser")
    assert any(HOSTILE in a.get_text() for a in listing.select("article a[href$='so-y-te/']"))


def test_two_builds_of_the_same_plan_are_byte_identical(site, tmp_path, monkeypatch):
    import filecmp

    from plannav.generator import worker

    # The second build runs on one core, so its downloads and checks run in the build's own process:
    # the output must not depend on where they ran. It runs "on another day" too (mkdocs takes the day
    # of the build from SOURCE_DATE_EPOCH): nor on when (a build at midnight, the sitemap's dates). It
    # takes what it can from the cache the first one, a cold build, left: a cached build writes what a
    # cold one wrote.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1924992000")  # 2031-01-01
    again = tmp_path / "again"
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        assert not worker._spare_core()
        result = build_site(again, cache_dir=site.parent / "cache")
    finally:
        os.sched_setaffinity(0, cores)
    assert result.returncode == 0, result.stdout + result.stderr

    def differences(comparison):
        found = comparison.diff_files + comparison.left_only + comparison.right_only
        for sub in comparison.subdirs.values():
            found += differences(sub)
        return found

    comparison = filecmp.dircmp(site, again, ignore=[])
    assert differences(comparison) == []
    for path in site.rglob("*"):  # dircmp compares shallowly; compare contents too
        if path.is_file():
            assert path.read_bytes() == (again / path.relative_to(site)).read_bytes(), path


def test_search_index_is_small_and_reported(built_site):
    site_dir, output = built_site
    size = (site_dir / "search" / "search_index.json").stat().st_size
    assert size < 1.5 * 1024 * 1024
    assert f"search index: {size / 1024:.0f} KB" in output
