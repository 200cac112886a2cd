"""The progress pages in Chromium, with months of made-up reports (scripts/sample_progress.py): they load
without error, fetch nothing from outside, meet accessibility, show the sample-data banner, and read on a
phone without the page scrolling sideways."""

import pytest
from browser_fixtures import cells_off_screen, serious_violations
from sitebuild import build_site, shared_folder

pytestmark = pytest.mark.browser  # Chromium and axe-core: `make test-all`

# The offline build, opened from disk as staff without a server would.
PAGES = [
    "thuc-hien/index.html",
    "thuc-hien/2026-10.html",
    "thuc-hien/2026-10/tong-hop.html",  # the drafted reports
    "thuc-hien/2026-10/so-tu-phap-lam-dong.html",
    "co-quan/so-tu-phap-lam-dong.html",
    "nhiem-vu/phu-luc-34.html",
    "thu-tuc/9.html",
]


@pytest.fixture(scope="module")
def sample_site(runs, two_years):
    """The sample's reports (two years of them), built as the copy to open from disk, once per run; from the
    build cache the sample's own build left, whose workbooks and Word documents print the same."""

    def make(folder):
        progress, cache = two_years / "progress", two_years / "cache"
        result = build_site(folder / "site", offline=True, progress_dir=progress, cache_dir=cache)
        assert result.returncode == 0, result.stdout + result.stderr

    return shared_folder(runs, "two-years-offline", make) / "site"


@pytest.mark.parametrize("url", PAGES)
def test_progress_pages_load_cleanly_and_meet_accessibility(sample_site, tab, url):
    page, watch = tab
    page.goto((sample_site / url).as_uri(), wait_until="load")
    assert watch.errors == [] and watch.failures == []
    assert [r for r in watch.requests if not r.startswith("file://")] == []
    assert "DỮ LIỆU MẪU" in page.locator(".md-banner, .sample-banner").inner_text()  # the drafts: outside the theme
    assert serious_violations(page) == []


@pytest.mark.parametrize("url", PAGES)
def test_progress_pages_read_on_a_phone(sample_site, browser, url):
    """At 360 px wide the page itself does not scroll sideways: the item tables read as blocks, every cell
    on screen, and the wide progress tables scroll inside their frame."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    try:
        page = context.new_page()
        page.goto((sample_site / url).as_uri(), wait_until="load")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        assert cells_off_screen(page, 360) == []
        assert page.locator("article h1").first.is_visible()
    finally:
        context.close()


def test_the_dashboard_bar_matches_its_counts(sample_site, tab):
    page, _ = tab
    page.goto((sample_site / PAGES[0]).as_uri(), wait_until="load")
    titles = page.eval_on_selector_all(".status-bar rect title", "ts => ts.map(t => t.textContent)")
    listed = page.eval_on_selector_all(".status-counts li", "ls => ls.map(l => l.textContent.trim())")
    counted = {t.split(": ")[0]: int(t.split(": ")[1]) for t in listed}
    assert titles and all(counted[t.split(": ")[0]] == int(t.split(": ")[1]) for t in titles)
    assert len(titles) == sum(1 for n in counted.values() if n)
    widths = page.eval_on_selector_all(".status-bar rect", "rs => rs.map(r => r.getBoundingClientRect().width)")
    bar = page.locator(".status-bar svg").bounding_box()["width"]
    assert abs(sum(widths) - bar) < 2  # the parts fill the bar


def test_the_task_index_filters_by_status_and_keeps_it_in_the_address(sample_site, tab):
    page, watch = tab
    page.goto((sample_site / "nhiem-vu" / "index.html").as_uri(), wait_until="load")
    select = page.locator("form.table-filters select[name=trang-thai]")
    labels = select.locator("option").all_inner_texts()
    assert labels[0] == "Tất cả" and "Quá hạn" in labels
    every = page.eval_on_selector_all("table.items tbody tr", "rs => rs.map(r => r.dataset.status)")
    select.select_option(label="Quá hạn")
    shown = page.eval_on_selector_all(
        "table.items tbody tr:not([hidden])", "rs => rs.map(r => r.querySelector('td.status').textContent)"
    )
    assert shown and set(shown) == {"Quá hạn"} and len(shown) == every.count("overdue")
    assert "trang-thai=overdue" in page.url
    assert page.locator("form.table-filters output").inner_text() == f"Hiện {len(shown)} / {len(every)} việc"
    assert watch.errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_dashboard_shows_every_column_its_bars_and_its_chart(sample_site, browser, width, tmp_path):
    """At 1280 px the agencies' table fits its column (nothing hidden until scrolled); at 390 px it reads as
    cards; each agency's bar and the chart are drawn; axe finds nothing. The screenshots are kept for a look."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto((sample_site / PAGES[0]).as_uri(), wait_until="load")
        fits = page.evaluate(
            "() => { const t = document.querySelector('table.progress-agencies');"
            " return t.scrollWidth <= t.parentElement.clientWidth; }"
        )
        assert fits
        assert cells_off_screen(page, width) == []
        bars = page.locator("table.progress-agencies td.bar svg")
        assert bars.count() == page.locator("table.progress-agencies tbody tr").count() > 0
        assert all(box["width"] >= 59 for box in (bars.nth(i).bounding_box() for i in range(bars.count())))
        chart = page.locator(".trend-chart svg")
        assert chart.is_visible() and chart.bounding_box()["width"] > 300
        assert page.locator(".trend-chart rect").count() > 0
        page.screenshot(path=str(tmp_path / f"dashboard-{width}.png"), full_page=True)
        assert serious_violations(page) == []
    finally:
        context.close()
