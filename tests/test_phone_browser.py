"""On a phone (390 × 844, touch): every kind of page reads without scrolling sideways, and the item tables
turn into one block per item whose every cell is on screen, labelled by its column's header; at 1280 px
they are tables again. The filter panel folds behind one button that says how many filters are on."""

import json
import os
import subprocess
from collections import Counter

import pytest
from browser_fixtures import CHROMIUM, ITEM_TABLES, MEASURE_ROWS, cells_off_screen, serious_violations
from sitebuild import ROOT

pytestmark = pytest.mark.browser  # Chromium and nginx: `make test-all`

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
# One page of each kind, the ones with item tables first.
PAGES = [
    "co-quan/so-tu-phap/",
    "co-quan/cong-an-tinh/",
    "thoi-han/2022-03/",
    "nhiem-vu/",
    "thu-tuc/15/",
    "thu-tuc/",
    "trach-nhiem/",
    "muc-tieu/cong-dan-so/",
    "thoi-han/",
    "thoi-han/dong-thoi-gian/",
    "nhiem-vu/2-dd/",
    "van-ban/qd-34-2021-qd-ttg/",
    "toan-van/",
    "doi-chieu/",
    "tai-ve/",
    "thuc-hien/",
    "",
]


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.parametrize("url", PAGES, ids=[u or "home" for u in PAGES])
def test_each_page_reads_on_a_phone_without_scrolling_sideways(nginx, phone, url):
    phone.goto(nginx["root"] + url, wait_until="load")
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls {overflow} px sideways"
    outside = cells_off_screen(phone, 390)
    assert outside == [], f"cells off screen: {outside[:5]}"


@pytest.mark.parametrize("url", PAGES[:5])
def test_item_rows_read_as_labelled_blocks_on_a_phone_and_as_tables_on_a_laptop(nginx, browser, url):
    semantics = {}
    for width, display in ((390, "block"), (1280, "table-cell")):
        context = browser.new_context(**(PHONE if width == 390 else {"viewport": {"width": 1280, "height": 900}}))
        try:
            page = context.new_page()
            page.goto(nginx["root"] + url, wait_until="load")
            tables = page.evaluate(MEASURE_ROWS, ITEM_TABLES)
            cells = [cell for table in tables for row in table for cell in row]
            assert cells and {cell["display"] for cell in cells} == {display}
            if width == 390:
                headers = page.eval_on_selector_all("article table thead th", "ths => ths.map(th => th.textContent.trim())")
                labelled = {cell["label"] for cell in cells if cell["shown"]}
                # Role, lead, coordinators, deadline: each block names them with the table's own headers.
                assert {"Chủ trì", "Phối hợp", "Thời hạn"} <= labelled <= set(headers)
            # What Chromium's accessibility tree, which screen readers read, makes of the page's tables.
            tree = context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
            roles = Counter(node.get("role", {}).get("value") for node in tree)
            semantics[width] = {role: roles[role] for role in ("table", "row", "columnheader", "cell")}
        finally:
            context.close()
    # Still tables for screen readers on a phone: the same tables, rows, headers and cells as on a laptop.
    assert semantics[390] == semantics[1280] and semantics[390]["cell"] > 0


def test_the_filter_panel_folds_behind_one_button_on_a_phone(nginx, phone):
    phone.goto(nginx["root"] + "nhiem-vu/?co-quan=so-tu-phap&vai-tro=lead", wait_until="load")
    toggle = phone.locator("form.table-filters button.filters-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert "2" in toggle.inner_text()  # two filters are on
    assert not phone.locator("form.table-filters select").first.is_visible()
    count = phone.locator("form.table-filters output")
    assert count.is_visible() and count.inner_text().startswith("Hiện ")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.locator("form.table-filters select").first.is_visible()


def test_the_first_item_shows_on_the_first_screen_of_the_task_index(nginx, phone):
    phone.goto(nginx["root"] + "nhiem-vu/", wait_until="load")
    first_row = phone.locator("article table.items tbody tr").first
    assert first_row.bounding_box()["y"] + 40 < 844
    # Filtered, the headings of sections with no item left go with their tables.
    phone.goto(nginx["root"] + "nhiem-vu/?co-quan=so-tu-phap&vai-tro=lead", wait_until="load")
    visible = phone.eval_on_selector_all("article h3", "hs => hs.filter(h => h.offsetParent !== null).length")
    shown = phone.eval_on_selector_all("article .table-wrap", "ws => ws.filter(w => !w.hidden).length")
    assert 0 < visible <= shown


@pytest.mark.parametrize("url", ["co-quan/so-tu-phap/", "nhiem-vu/"])
def test_pages_meet_accessibility_at_phone_width(nginx, phone, url):
    phone.goto(nginx["root"] + url, wait_until="load")
    assert serious_violations(phone) == []


def test_lighthouse_finds_the_agency_page_fully_accessible_on_a_phone(nginx, tmp_path):
    """Lighthouse's mobile accessibility audit (pinned in tests/axe/package.json), with Debian's Chromium."""
    cli = ROOT / "tests" / "axe" / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        pytest.fail("Lighthouse is not installed: make test-all installs it (npm ci --prefix tests/axe)")
    report = tmp_path / "lighthouse.json"
    command = [
        "node",
        str(cli),
        nginx["root"] + "co-quan/so-tu-phap/",
        "--only-categories=accessibility",
        "--form-factor=mobile",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    ran = subprocess.run(command, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=180)
    assert ran.returncode == 0, ran.stderr[-2000:]
    result = json.loads(report.read_text(encoding="utf-8"))
    failed = [name for name, audit in result["audits"].items() if audit.get("score") == 0]
    assert result["categories"]["accessibility"]["score"] == 1, failed
