"""The committed nginx samples serve the site with the right content types and caching."""

import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser  # nginx from Debian: `make test-all`


def _get(url):
    try:
        response = urllib.request.urlopen(url, timeout=5)
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()
    return response.status, response.headers, response.read()


def test_pages_are_html_in_utf8_and_revalidated(nginx):
    status, headers, body = _get(nginx["root"] + "co-quan/cong-an-tinh/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-cache"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Công an tỉnh".encode() in body


def test_search_index_is_json_and_revalidated(nginx):
    status, headers, _ = _get(nginx["root"] + "search/search_index.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert headers["Cache-Control"] == "no-cache"


def test_hashed_theme_bundles_are_cached_for_a_year(nginx, site):
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    status, headers, _ = _get(nginx["root"] + f"assets/javascripts/{bundle}")
    assert status == 200 and headers["Content-Type"].split(";")[0] in ("application/javascript", "text/javascript")
    assert "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers["Cache-Control"]
    stylesheet = next((site / "assets" / "stylesheets").glob("main.*.min.css")).name
    status, headers, _ = _get(nginx["subpath"] + f"assets/stylesheets/{stylesheet}")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and "immutable" in headers["Cache-Control"]


def test_unhashed_assets_are_revalidated(nginx):
    status, headers, _ = _get(nginx["root"] + "assets/site.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert headers["Cache-Control"] == "no-cache"


def test_missing_page_is_404_with_the_sites_page(nginx):
    for base in (nginx["root"], nginx["subpath"]):
        status, headers, body = _get(base + "khong-co/")
        assert status == 404 and headers["Content-Type"].startswith("text/html")
        assert b"md-header" in body
