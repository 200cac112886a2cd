"""In a real browser: each kind of page loads cleanly, fetches nothing from outside the site and meets
accessibility rules; the site works at the web root, under a sub-path and from disk; search finds
Vietnamese typed with or without diacritics; search and navigation work from the keyboard alone."""

from urllib.parse import urlsplit

import pytest
from browser_fixtures import AXE, search, serious_violations
from searchqueries import FIRST_THREE

from plannav import schedule

pytestmark = pytest.mark.browser  # Chromium, nginx and axe-core: `make test-all`


def _outside(requests, origin):
    return [url for url in requests if not url.startswith(origin) and not url.startswith(("data:", "blob:", "about:"))]


def test_missing_pages_get_the_sites_404_page(nginx, tab):
    page, _ = tab
    response = page.goto(nginx["root"] + "khong-co-trang-nay/")
    assert response.status == 404
    assert page.locator("a.md-header__button.md-logo").count() == 1  # the site's own page, with its header


def test_subpath_target_navigates_and_searches(nginx, tab):
    page, watch = tab
    base = nginx["subpath"]
    origin = base.split("/ke-hoach-06/")[0]
    page.goto(base)
    page.locator("article a[href='co-quan/cong-an-tinh/']").first.click()
    page.wait_for_url(base + "co-quan/cong-an-tinh/")
    assert page.locator("article h1").inner_text() == "Công an tỉnh"
    page.locator("article table[data-section='chu-tri'] a[href^='../../nhiem-vu/']").first.click()
    assert urlsplit(page.url).path.startswith("/ke-hoach-06/nhiem-vu/")
    results = search(page, "so tu phap")
    assert any(href.startswith(base + "co-quan/so-tu-phap/") for _, href in results[:3]), results
    assert _outside(watch.requests, origin) == [] and watch.errors == [] and watch.failures == []
    assert all(urlsplit(r).path.startswith("/ke-hoach-06/") for r in watch.requests if r.startswith(origin))


def test_subpath_without_trailing_slash_redirects(nginx, tab):
    page, _ = tab
    page.goto(nginx["subpath"].rstrip("/"))
    assert page.url == nginx["subpath"]


def test_file_target_navigates_and_searches_from_disk(offline_site, tab):
    page, watch = tab
    home = (offline_site / "index.html").as_uri()
    page.goto(home)
    page.locator("article a[href='co-quan/cong-an-tinh.html']").first.click()
    assert page.url.endswith("/co-quan/cong-an-tinh.html")
    assert page.locator("article h1").inner_text() == "Công an tỉnh"
    page.locator("nav.md-nav--primary a[href$='thoi-han/index.html']").first.dispatch_event("click")
    page.wait_for_url("**/thoi-han/index.html")
    page.locator("article a[href$='2022-05.html']").first.click()
    page.wait_for_url("**/thoi-han/2022-05.html")
    results = search(page, "dang ky khai sinh")
    assert any(href.split("?")[0].endswith("thu-tuc/9.html") for _, href in results[:3]), results
    assert [r for r in watch.requests if not r.startswith("file://")] == []
    assert watch.errors == []


def test_search_finds_each_page_in_the_top_three(nginx, tab):
    # All the queries in one page, as a reader types one after another.
    page, _ = tab
    page.goto(nginx["root"])
    misses = []
    for query, expected in FIRST_THREE:
        results = search(page, query)
        top = [urlsplit(href).path.lstrip("/") for _, href in results[:3]]
        if expected not in top:
            misses.append((query, expected, results[:5]))
    assert misses == []


def test_results_read_in_vietnamese_with_diacritics(nginx, tab):
    page, _ = tab
    page.goto(nginx["root"])
    titles = [title for title, _ in search(page, "dang ky khai sinh")]
    assert "9. Đăng ký khai sinh" in titles
    assert not any(t.startswith("9. dang ky") for t in titles)
    text = page.locator(".md-search-result").inner_text()
    assert "đăng ký" in text.lower() and "dang ky khai sinh" not in text.lower()


def test_d_folds_to_d(nginx, tab):
    page, _ = tab
    page.goto(nginx["root"])
    results = search(page, "dak nong dien luc")
    assert any("Điện lực tỉnh Đắk Nông" in title for title, _ in results[:3]), results


def test_keyboard_only_search_and_navigation(nginx, tab):
    page, _ = tab
    page.goto(nginx["root"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/#tra-cuu")
    # Search: the "/" shortcut focuses the box, arrows choose a result, Enter opens it.
    page.goto(nginx["root"])
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("cong an tinh", delay=15)
    # The results of the whole query, not of a part typed so far (each keystroke asks the search again).
    page.locator(".md-search-result__item:first-child > a[href*='co-quan/cong-an-tinh/']").first.wait_for()
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/co-quan/cong-an-tinh/**")
    assert page.locator("article h1").inner_text() == "Công an tỉnh"
    # Navigation: from the home page, tab to the deadline index and on to March 2022, opening each with Enter.
    page.goto(nginx["root"])
    for target, url in (("thoi-han/", "**/thoi-han/"), ("2022-03/", "**/thoi-han/2022-03/")):
        for _ in range(150):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.getAttribute('href')") == target:
                break
        else:
            pytest.fail(f"no keyboard path to {target}")
        page.keyboard.press("Enter")
        page.wait_for_url(url)
    assert page.locator("article h1").inner_text() == "Thời hạn: Tháng 3/2022"


def test_agency_page_prints_as_a_clean_a4_extract(nginx, tab, index, tmp_path):
    import subprocess

    page, _ = tab
    page.goto(nginx["root"] + "co-quan/cong-an-tinh/")
    page.emulate_media(media="print")
    pdf = tmp_path / "cong-an-tinh.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Công an tỉnh" in text and "Quyết định số 468/QĐ-UBND" in text
    from plannav import sitemap

    for item in index.items:
        if "cong-an-tinh" in item.lead + item.coordinators and item.kind != "funding":
            assert sitemap.item_label(item) in text, sitemap.item_label(item)
    assert "Tìm kiếm" not in text  # no search box, navigation or footer chrome
    assert "Trang chủ" not in text
    assert "/co-quan/cong-an-tinh/" in text  # where the up-to-date version lives


def _visible_uids(page):
    return page.eval_on_selector_all(
        "table[data-filterable] tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.item)"
    )


def test_filters_follow_the_address_and_write_it_back(nginx, tab, index):
    page, watch = tab
    page.goto(nginx["root"] + "nhiem-vu/?co-quan=so-tu-phap&vai-tro=lead")
    expected = [i.uid for i in index.items if i.kind in ("task", "appendix-task") and "so-tu-phap" in i.lead]
    assert _visible_uids(page) == expected
    page.select_option("select[name=vai-tro]", "coord")
    assert _visible_uids(page) == [
        i.uid for i in index.items if i.kind in ("task", "appendix-task") and "so-tu-phap" in i.coordinators
    ]
    assert "vai-tro=coord" in page.url and "co-quan=so-tu-phap" in page.url
    page.select_option("select[name=vai-tro]", "")
    page.select_option("select[name=co-quan]", "")
    page.select_option("select[name=thoi-han]", "2022-06")
    june = [
        i.uid
        for i in index.items
        if i.kind in ("task", "appendix-task")
        and any(k.slug == "2022-06" for d in i.deadlines for k in schedule.page_keys(d))
    ]
    assert _visible_uids(page) == june
    page.fill("input[name=q]", "dang ky khai sinh")  # typed without diacritics
    from plannav.textnorm import fold

    expected = [u for u in june if "dang ky khai sinh" in fold(index.by_uid[u].text)]
    assert expected == ["task:2.d", "appendix-task:14"]
    assert _visible_uids(page) == expected
    assert watch.errors == []


def test_procedure_table_filters_by_level_and_sorts_by_deadline(nginx, tab, plan):
    page, _ = tab
    page.goto(nginx["root"] + "thu-tuc/?muc-do=3")
    assert _visible_uids(page) == [f"procedure:{p.number}" for p in plan.procedures.procedures if p.level == 3]
    page.goto(nginx["root"] + "thu-tuc/")
    page.click("table[data-filterable] th:nth-child(6) button.sort")
    page.click("table[data-filterable] th:nth-child(6) button.sort")  # descending: May 2022 first
    first = page.eval_on_selector("table[data-filterable] tbody tr", "r => r.dataset.item")
    assert first in {f"procedure:{p.number}" for p in plan.procedures.procedures if p.deadline.month == "2022-05"}


def test_tables_are_complete_without_javascript(nginx, browser, plan):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(nginx["root"] + "thu-tuc/?muc-do=3")
    rows = page.locator("table.procedures tbody tr")
    assert rows.count() == len(plan.procedures.procedures)
    assert page.locator("form.table-filters").count() == 0
    context.close()


@pytest.mark.parametrize(
    "url",
    [
        "co-quan/so-y-te/index.html",
        "nhiem-vu/1-a/index.html",
        "thoi-han/index.html",
        "toan-van/index.html",
        "thu-tuc/9/index.html",
        "van-ban/nd-47-2020-nd-cp/index.html",
        "muc-tieu/thu-tuc-hanh-chinh/index.html",
        "nhiem-vu/index.html",
        "index.html",
    ],
)
def test_hostile_plan_text_creates_no_element_dialog_or_template_result(hostile_site, tab, url):
    from conftest import HOSTILE

    page, watch = tab
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((hostile_site / url).as_uri())
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("img[onerror]").count() == 0
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('alert(1)')).length") == 0
    assert HOSTILE in page.locator("article").inner_text()


PAGE_TYPES = [
    "",
    "co-quan/",
    "co-quan/cong-an-tinh/",
    "co-quan/so-ban-nganh-dia-phuong/",
    "thoi-han/",
    "thoi-han/2022-05/",
    "thoi-han/tien-do/",
    "thoi-han/theo-su-kien/",
    "thu-tuc/",
    "thu-tuc/15/",
    "nhiem-vu/",
    "nhiem-vu/2-dd/",
    "nhiem-vu/phu-luc-16/",
    "trach-nhiem/",
    "muc-tieu/",
    "muc-tieu/cong-dan-so/",
    "van-ban/",
    "van-ban/qd-34-2021-qd-ttg/",
    "toan-van/",
    "doi-chieu/",
    "thuc-hien/",
    "tai-ve/",
    "khong-co-trang-nay/",
]


@pytest.mark.parametrize("url", PAGE_TYPES, ids=[u or "home" for u in PAGE_TYPES])
def test_each_page_type_loads_cleanly_fetches_nothing_outside_and_meets_accessibility(nginx, tab, url):
    """One visit per kind of page: no console or page error, no failed request but the 404 page's own, nothing
    fetched from outside the site, and no serious or critical axe violation."""
    page, watch = tab
    page.goto(nginx["root"] + url, wait_until="load")
    missing = url == "khong-co-trang-nay/"
    assert [e for e in watch.errors if not (missing and "404" in e)] == []
    assert [f for f in watch.failures if not (missing and "khong-co-trang-nay" in f)] == []
    assert _outside(watch.requests, nginx["root"].rstrip("/")) == []
    assert page.get_attribute("html", "lang") == "vi"
    assert serious_violations(page) == []
    for table in page.locator("article table").all():
        assert table.locator("th").count() > 0, "every table has header cells"


# Hovered and focused states, which a static audit does not see. Material's defaults fail here: links
# turn #526cfe on hover (4.3:1 on white) and a heading's permalink shows in light grey (2.3:1).
HOVER_TARGETS = [
    ("article a[href]:not(.headerlink)", "article a[href]:not(.headerlink)"),
    ("nav.md-nav--primary a.md-nav__link", "nav.md-nav--primary a.md-nav__link"),
    ("nav.md-nav--secondary a.md-nav__link", "nav.md-nav--secondary a.md-nav__link"),
    ("article h2", "article h2 a.headerlink"),
]


@pytest.mark.parametrize("url", ["co-quan/cong-an-tinh/", "thoi-han/2022-05/"])
def test_hovered_links_and_permalinks_keep_their_contrast(nginx, tab, url):
    page, _ = tab
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(nginx["root"] + url)
    page.add_script_tag(path=str(AXE))
    failures = []
    for hovered, checked in HOVER_TARGETS:
        page.locator(hovered).first.hover()
        page.wait_for_timeout(400)  # the theme fades colours in
        result = page.evaluate(
            """async ([hovered, checked]) => {
            const target = [...document.querySelectorAll(checked)].find(e => e.matches(':hover') || e.closest(':hover'));
            target.setAttribute('data-hovered', '');
            const found = await axe.run({include: [['[data-hovered]']]},
                                        {runOnly: ['color-contrast'], resultTypes: ['violations']});
            target.removeAttribute('data-hovered');
            return found.violations.flatMap(v => v.nodes.map(n => n.failureSummary));
        }""",
            [hovered, checked],
        )
        failures += [f"{checked}: {summary}" for summary in result]
    assert failures == []


@pytest.mark.parametrize(
    ("url", "section"),
    [("co-quan/cong-an-tinh/", "co-quan/"), ("thu-tuc/15/", "thu-tuc/"), ("thoi-han/2022-05/", "thoi-han/")],
)
def test_sidebar_marks_the_section_of_an_entity_page(nginx, tab, url, section):
    page, watch = tab
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(nginx["root"] + url)
    current = page.locator("nav.md-nav--primary a.md-nav__link[aria-current='location']")
    assert current.count() == 1
    assert current.first.evaluate("a => a.href") == nginx["root"] + section
    assert "md-nav__link--active" in current.first.get_attribute("class")
    assert watch.errors == []


def test_search_results_keep_their_contrast(nginx, tab):
    page, _ = tab
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(nginx["root"])
    page.add_script_tag(path=str(AXE))
    assert search(page, "cong an tinh")
    page.locator("li.md-search-result__item > a").first.hover()
    page.wait_for_timeout(400)
    result = page.evaluate("""async () => (await axe.run({include: [['.md-search__output']]},
        {runOnly: ['color-contrast'], resultTypes: ['violations']}))
        .violations.flatMap(v => v.nodes.map(n => n.failureSummary))""")
    assert result == []
