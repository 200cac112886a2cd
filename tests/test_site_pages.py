"""The built site: each page lists exactly what the plan says, and pages link each other both ways.

Expected sets are computed here from the plan's own fields, not from the views that drew the pages.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from plannav import sitemap
from plannav.textnorm import slugify

AGENCY_SECTIONS = {
    "chu-tri": ("task", "appendix-task"),
    "phoi-hop": ("task", "appendix-task"),
    "thu-tuc": ("procedure",),
    "trach-nhiem": ("duty",),
}


def _uids(soup, section):
    table = soup.find("table", attrs={"data-section": section})  # find: a CSS selector walks the whole page
    return [] if table is None else [tr["data-item"] for tr in table.tbody.find_all("tr")]


def test_build_is_strict_and_quiet(built_site):
    _, output = built_site
    assert "WARNING" not in output and "ERROR" not in output, output


def test_every_agency_page_lists_exactly_what_it_leads_and_coordinates(site, page, index, plan):
    for agency in plan.agencies.agencies:
        soup = page(site, f"co-quan/{agency.id}/")
        assert soup.select_one("article h1").get_text(strip=True) == agency.name
        for section, kinds in AGENCY_SECTIONS.items():
            expected = []
            for item in index.items:
                if item.kind not in kinds:
                    continue
                # A body that carries others' work (plan/successors.yaml) lists theirs too, with their roles.
                mine = {agency.id, *index.registry.predecessors.get(agency.id, ())}
                leads, coordinates = bool(mine & set(item.lead)), bool(mine & set(item.coordinators))
                if (
                    section == "chu-tri"
                    and leads
                    or section == "phoi-hop"
                    and coordinates
                    and not leads
                    or section in ("thu-tuc", "trach-nhiem")
                    and (leads or coordinates)
                ):
                    expected.append(item.uid)
            assert sorted(_uids(soup, section)) == sorted(expected), (agency.id, section)


def test_group_assignments_are_shown_apart_from_direct_ones(site, page, index, plan):
    soup = page(site, "co-quan/so-y-te/")
    via_group = set(_uids(soup, "qua-nhom"))
    direct = {i.uid for i in index.items if "so-y-te" in i.lead + i.coordinators}
    assert via_group and not via_group & direct
    # 1.a is led by Công an tỉnh with "các Sở, Ban, ngành, địa phương có liên quan": it reaches Sở Y tế through the group
    assert "task:1.a" in via_group
    assert soup.select_one('table[data-section="qua-nhom"]').find_parent("details") is not None


def _months_of(deadline):
    kind = deadline.kind
    if kind == "month":
        return {deadline.month, deadline.month[:4]}
    if kind == "year":
        return {str(deadline.year)}
    if kind == "date":
        return {deadline.date[:7], deadline.date[:4]}
    if kind == "staged":
        return {s.start[:7] for s in deadline.stages} | {s.start[:4] for s in deadline.stages}
    return {"recurring": {"dinh-ky"}, "continuous": {"thuong-xuyen"}, "event": {"theo-su-kien"}}[kind]


def test_every_deadline_page_lists_exactly_the_items_due_then(site, page, index):
    expected = {}
    for item in index.items:
        for deadline in item.deadlines:
            for key in _months_of(deadline):
                expected.setdefault(key, []).append(item.uid)
    assert {"2022-03", "2022-05", "2022", "2023-12", "dinh-ky", "thuong-xuyen", "theo-su-kien"} <= set(expected)
    for key, uids in expected.items():
        soup = page(site, f"thoi-han/{key}/")
        assert sorted(_uids(soup, "danh-sach")) == sorted(uids), key
    index_page = page(site, "thoi-han/")
    listed = [a["href"].strip("./").split("/")[0] for a in index_page.select("article ul.deadline-index a")]
    assert sorted(listed) == sorted(expected)


def test_deadline_index_is_chronological(site, page):
    soup = page(site, "thoi-han/")
    keys = [a["href"].strip("./").split("/")[0] for a in soup.select("article ul.deadline-index a")]
    dated = [k for k in keys if k[0].isdigit()]
    assert dated == sorted(dated, key=lambda k: (k[:4], k[5:] or "00"))
    assert keys[-3:] == ["dinh-ky", "thuong-xuyen", "theo-su-kien"]


def test_may_2022_lists_its_eleven_procedures(site, page, plan):
    may = [p.number for p in plan.procedures.procedures if p.deadline.kind == "month" and p.deadline.month == "2022-05"]
    assert len(may) == 11
    soup = page(site, "thoi-han/2022-05/")
    assert {f"procedure:{n}" for n in may} <= set(_uids(soup, "danh-sach"))


def test_every_procedure_page_links_its_lead_and_coordinators(site, page, plan):
    for proc in plan.procedures.procedures:
        soup = page(site, f"thu-tuc/{proc.number}/")
        facts = soup.select_one("article table.facts")
        hrefs = {a["href"] for a in facts.select("a")}
        for agency in proc.lead.agencies + proc.coordinators.agencies:
            assert f"../../co-quan/{agency}/" in hrefs, (proc.number, agency)


def test_lien_thong_procedures_link_the_procedures_they_join(site, page):
    soup = page(site, "thu-tuc/15/")
    joined = {a["href"] for a in soup.select("#lien-thong ~ ul a")}
    assert {"../9/", "../3/"} <= joined
    back = page(site, "thu-tuc/9/")
    assert "../15/" in {a["href"] for a in back.select("#thuoc-lien-thong ~ ul a")}


def test_procedure_pages_list_the_tasks_that_require_them(site, page):
    soup = page(site, "thu-tuc/9/")
    assert set(_uids(soup, "nhiem-vu")) == {"task:2.đ", "appendix-task:15"}


def test_agency_and_task_pages_link_each_other_both_ways(site, page, index):
    listed = {}  # agency: the items its page lists, read once
    for item in index.items:
        if item.kind not in ("task", "appendix-task"):
            continue
        target, _ = sitemap.item_target(item)
        task_url = target.removesuffix(".md") + "/"
        soup = page(site, task_url)
        facts = soup.select_one("article table.facts")
        for agency in item.lead + item.coordinators:
            assert f"../../co-quan/{agency}/" in {a["href"] for a in facts.select("a")}
            if agency not in listed:
                rows = page(site, f"co-quan/{agency}/").find_all("tr", attrs={"data-item": True})
                listed[agency] = {tr["data-item"] for tr in rows}
            assert item.uid in listed[agency], (item.uid, agency)


def test_task_pages_show_their_counterpart_and_differences(site, page):
    soup = page(site, "nhiem-vu/2-d/")
    counterpart = soup.select_one("#doi-chieu ~ div table.items tr[data-item]")
    assert counterpart["data-item"] == "appendix-task:14"
    differences = soup.select_one("table.differences")
    assert "Bộ Tư pháp" in differences.get_text() and "Sở Tư pháp" in differences.get_text()


def test_document_pages_link_back_to_every_place_that_cites_them(site, page, index):
    cited = {}
    for item in index.items:
        for doc in item.cites:
            cited.setdefault(doc, {})[item.uid] = item
    for doc, items in cited.items():
        soup = page(site, f"van-ban/{doc}/")
        hrefs = {urljoin(f"/van-ban/{doc}/", a["href"]) for a in soup.select("table.places a")}
        for item in items.values():
            target, anchor = sitemap.item_target(item)
            url = "/" + target.removesuffix(".md").removesuffix("index") + "/" + (f"#{anchor}" if anchor else "")
            assert url.replace("//", "/") in hrefs, (doc, item.uid)


def test_agency_names_and_document_numbers_in_text_are_links(site, page):
    soup = page(site, "nhiem-vu/phu-luc-12/")
    wording = soup.select_one("blockquote.wording")
    assert "../../van-ban/qd-34-2021-qd-ttg/" in {a["href"] for a in wording.select("a")}
    duty = page(site, "toan-van/").select_one("#iv-1-d")
    assert "../co-quan/so-tu-phap/" in {a["href"] for a in duty.select("a")}


def test_full_text_has_every_item_anchored_and_supplied_headings_marked(site, page, plan):
    soup = page(site, "toan-van/")
    ids = {tag["id"] for tag in soup.select("[id]")}
    for ref in plan.task_refs:
        assert f"ii-{slugify(ref.key)}" in ids
    for ref in plan.duty_refs:
        assert (f"iv-{slugify(ref.key)}" if ref.duty.letter else f"iv-{ref.section.number}") in ids
    for number in range(1, 26):
        assert f"pl1-{number}" in ids
    for number in range(1, 45):
        assert f"pl2-{number}" in ids
    supplied = [
        tag.find_parent(["h2", "h3", "h4", "p"]).get_text(" ", strip=True)
        for tag in soup.select("article .supplied")
        if not tag.find_parent("p", class_="note")
    ]
    # "Điều 3.", section II.1, parts III and IV, the "PHỤ LỤC I/II" labels, the first Appendix II group, related list
    assert len(supplied) == 8
    assert any("III. KINH PHÍ" in s for s in supplied) and any("Điều 3." in s for s in supplied)


def test_reconciliation_page_lists_every_pair(site, page, plan):
    soup = page(site, "doi-chieu/")
    pairs = soup.select('article h2[id^="ii-"]')
    restated = [r for r in plan.appendix_task_refs if r.task.restates]
    assert len(pairs) == len(restated)


class _Hrefs(HTMLParser):
    """The href of every <a> of a page, read by the standard library's parser: the page is read for its
    links alone, and no tree is built."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value is not None]


def _hrefs(path) -> list[str]:
    reader = _Hrefs()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.hrefs


def test_every_page_is_reachable_from_the_home_page(site):
    pages = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    seen, queue = set(), ["index.html"]
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        for link in _hrefs(site / current):
            href = link.split("#")[0]
            if not href or "://" in href or href.startswith(("mailto:", "/")):
                continue
            resolved = urljoin("/" + current, href).lstrip("/")
            if resolved.endswith("/") or resolved == "":
                resolved += "index.html"
            if resolved in pages:
                queue.append(resolved)
    assert pages - seen == set()


SECTION_PAGES = {
    "",
    "co-quan/",
    "thoi-han/",
    "thoi-han/tien-do/",
    "thu-tuc/",
    "nhiem-vu/",
    "trach-nhiem/",
    "muc-tieu/",
    "van-ban/",
    "toan-van/",
    "thuc-hien/",
    "doi-chieu/",
    "tai-ve/",
}


GUIDE_PAGES = {
    src.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
    for src in (sitemap.GUIDE, *(s for _, s in sitemap.GUIDE_PAGES))
}


@pytest.mark.parametrize("url", ["", "co-quan/cong-an-tinh/", "thu-tuc/15/", "thoi-han/2022-05/", "van-ban/"])
def test_navigation_lists_every_section_page_and_no_entity_page(site, page, url):
    # Entity pages are reached from their section page: a sidebar listing them all would grow with the plan.
    soup = page(site, url)
    listed = {
        urljoin("/" + url, a["href"]).lstrip("/")
        for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")
        if "#" not in a["href"]
    }
    assert listed == SECTION_PAGES | GUIDE_PAGES  # and the staff guide's few pages, listed under it


def test_every_entity_page_links_back_to_its_section(site, page):
    checked = 0
    for path in site.glob("*/*/index.html"):
        url = path.parent.relative_to(site).as_posix() + "/"
        if url in SECTION_PAGES | GUIDE_PAGES:
            continue
        trail = re.findall(r'<nav class="trail"[^>]*><a href="([^"]+)"', path.read_text(encoding="utf-8"))
        assert [urljoin("/" + url, href).lstrip("/") for href in trail] == [url.split("/")[0] + "/"], url
        checked += 1
    assert checked > 150


def test_every_page_is_one_click_from_a_page_in_the_navigation(site, page, plan):
    soup = page(site, "")
    nav_pages = {a["href"].split("#")[0].lstrip("./") for a in soup.select("nav.md-nav a.md-nav__link[href]")}
    reachable = set(nav_pages)
    for url in nav_pages:
        for a in page(site, url).select("article a[href]"):
            reachable.add(urljoin("/" + url, a["href"]).lstrip("/").split("#")[0])
    pages = {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")} - {"./"}
    assert pages - reachable == set()


def test_timeline_links_every_deadline_page_and_every_objective(site, page, plan):
    soup = page(site, "thoi-han/tien-do/")
    svg_links = {a["href"] for a in soup.select("svg.timeline a")}
    deadline_pages = {p.parent.name for p in (site / "thoi-han").glob("*/index.html")} - {"tien-do"}
    months = {k for k in deadline_pages if "-" in k and k[:4].isdigit()}
    undated = {"dinh-ky", "thuong-xuyen", "theo-su-kien"}
    assert {f"../{k}/" for k in months | undated} <= svg_links
    assert {f"../../muc-tieu/{g.id}/" for g in plan.objectives.general.groups} <= svg_links
    listed = {a["href"] for a in soup.select("h3 a")}
    assert listed == {f"../{k}/" for k in months}


def test_no_page_shows_markdown_it_was_meant_to_render(site, page):
    # A heading written right after an HTML line without a blank line between them stays raw text
    # ("## Nơi viện dẫn { #noi-vien-dan }"): the template macros keep that blank line.
    leftovers = []
    for path in sorted(site.rglob("index.html")):
        text = page(site, path.relative_to(site).as_posix()).select_one("article").get_text("\n")
        if "{ #" in text or any(line.lstrip().startswith("## ") for line in text.splitlines()):
            leftovers.append(path.relative_to(site).as_posix())
    assert leftovers == []


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_files_and_links_are_where_mkdocs_puts_and_resolves_them(directory_urls):
    """The drafted reports' pages are written beside mkdocs' pages, and every page's links are made, by
    sitemap's one rule: the same files and relative URLs as mkdocs' own, with and without directory URLs."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    sources = [
        sitemap.HOME,
        sitemap.AGENCY_INDEX,
        sitemap.agency("so-tu-phap"),
        sitemap.FULL_TEXT,
        sitemap.progress_period("2026-10"),
        sitemap.drafted_report_page("2026-10"),
        sitemap.drafted_report_page("2026-10", "so-tu-phap"),
        "co/x.md",  # a folder whose name begins another's
    ]
    files = {src: File(src, "docs", "site", directory_urls) for src in sources}
    for src, file in files.items():
        assert sitemap.page_file(src, directory_urls) == file.dest_uri
        assert sitemap.page_url(src, directory_urls) == file.url
    targets = [f.url for f in files.values()] + ["assets/document.css", "tai-ve/bao-cao/2026-10/tong-hop.docx"]
    for file in files.values():
        for target in targets:
            assert sitemap.relative_url(target, file.url) == get_relative_url(target, file.url), (target, file.url)
        url_for = sitemap.links_from(file.url, directory_urls)  # what each page's links are made with
        for src, there in files.items():
            assert url_for(src, "muc") == f"{get_relative_url(there.url, file.url)}#muc", (src, file.url)


def test_no_html_block_is_split_by_a_blank_line(site):
    """A blank line inside an HTML block the templates write (an empty conditional row of a facts table)
    would end the block for Markdown, which wraps the rest in a <p> that the browser moves out of the table.
    No page holds a <p> whose next tag closes a table part."""
    import re

    split = re.compile(r"<p>\s*</(tbody|table|tr|ul|ol|div|details)>")
    pages = list(site.rglob("index.html"))
    found = [p.relative_to(site).as_posix() for p in pages if split.search(p.read_text(encoding="utf-8"))]
    assert len(pages) > 190 and found == []
