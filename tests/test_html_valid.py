"""Every page the site serves, read by the W3C Nu Html Checker (vnu.jar, the npm registry's `vnu-jar`,
pinned in tests/axe/package-lock.json; it runs on Debian's default-jre-headless): the site built from the
plan, and the site built with the 24-month sample reports (the progress pages, the drafted reports' pages,
the downloads page). No error is the project's own; the theme's are listed below by exact message."""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitebuild import ROOT

pytestmark = pytest.mark.browser  # Java and the npm packages of tests/axe: `make test-all`

VNU = ROOT / "tests" / "axe" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# The theme's own base template (mkdocs-material's base.html, the same on every site made with it), which
# the project does not copy or rewrite: overriding that template to change two attributes would leave the
# site on a fork of the theme's page frame, to be kept in step with each of its releases.
THEME = {
    # Its two toggle checkboxes (the drawer and the search) carry autocomplete="off", so that a browser
    # restoring a page does not restore them ticked: an attribute the standard allows on text inputs only.
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
    # Its table-of-contents toggle (label for="__toc") points at a checkbox the theme writes only on pages
    # whose table of contents has entries.
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
}


def _errors(*folders) -> list[dict]:
    """The checker's errors on every page of the folders, read in one run (one Java start, its code warmed once)."""
    java = shutil.which("java")
    assert java and VNU.is_file(), "needs Java (default-jre-headless) and `npm ci --prefix tests/axe`: .ci/run installs both"
    checked = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", *map(str, folders)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert checked.returncode in (0, 1), checked.stderr[-2000:]  # 1: it found errors, read below
    return [m for m in json.loads(checked.stderr)["messages"] if m["type"] in ("error", "non-document-error")]


@pytest.fixture(scope="module")
def errors_by_site(site, two_years):
    """The plan's site and the sample's, checked in one run: each one's errors."""
    sites = {"plan": site.resolve(), "two-years": (two_years / "site").resolve()}
    errors = _errors(*sites.values())
    within = lambda e, folder: Path(urlsplit(e["url"]).path).is_relative_to(folder)
    assert all(any(within(e, folder) for folder in sites.values()) for e in errors), errors[:3]  # each one told
    return {name: [e for e in errors if within(e, folder)] for name, folder in sites.items()}


def _pages(folder) -> int:
    return sum(1 for _ in folder.resolve().rglob("*.html"))


def test_every_page_of_the_plans_site_is_valid_html(site, errors_by_site):
    errors = errors_by_site["plan"]
    assert errors  # the theme's, on every page: this site's pages were read
    ours = [
        f"{e['url'].split('/site/', 1)[-1]}:{e.get('lastLine')}: {e['message']}" for e in errors if e["message"] not in THEME
    ]
    assert ours == [], "\n".join(ours[:40])
    assert _pages(site) > 200


def test_every_page_with_two_years_of_reports_is_valid_html(two_years, errors_by_site):
    site = two_years / "site"
    errors = errors_by_site["two-years"]
    ours = [
        f"{e['url'].split('/site/', 1)[-1]}:{e.get('lastLine')}: {e['message']}" for e in errors if e["message"] not in THEME
    ]
    assert ours == [], "\n".join(ours[:40])
    checked = {e["url"] for e in errors}
    # The pages the reports add were read too: the theme's errors show on the progress pages.
    assert any("/thuc-hien/" in url for url in checked)
    assert (site / "thuc-hien" / "2026-10" / "tong-hop" / "index.html").is_file()  # a draft's page, read clean
    assert _pages(site) > 250


def test_the_checker_finds_an_error_of_ours(tmp_path):
    """The checker is read right: a table split by a paragraph, as a blank line in an HTML block once made it."""
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title></head>'
        "<body><table><tbody><tr><td>1</td></tr><p></tbody></table></p></body></html>",
        encoding="utf-8",
    )
    assert [e for e in _errors(tmp_path) if e["message"] not in THEME]
