"""Where everything lives on the site: stable ASCII paths (permalinks) and display labels.

Paths are source paths ("co-quan/cong-an-tinh.md"); the site generator turns them into URLs
(/co-quan/cong-an-tinh/), relative to the page that links them.
"""

from dataclasses import dataclass
from functools import lru_cache

from plannav.items import ActionItem
from plannav.textnorm import slugify


@dataclass(frozen=True)
class Link:
    """What a page shows as a link: its text, the page (its source path) and a place on it."""

    text: str
    page: str
    anchor: str = ""


HOME = "index.md"
AGENCY_INDEX = "co-quan/index.md"
DEADLINE_INDEX = "thoi-han/index.md"
PROCEDURE_INDEX = "thu-tuc/index.md"
TASK_INDEX = "nhiem-vu/index.md"
OBJECTIVE_INDEX = "muc-tieu/index.md"
DOCUMENT_INDEX = "van-ban/index.md"
FULL_TEXT = "toan-van.md"
RECONCILIATION = "doi-chieu.md"
DOWNLOADS = "tai-ve/index.md"
TIMELINE = "thoi-han/tien-do.md"
DUTY_INDEX = "trach-nhiem/index.md"
PROGRESS = "thuc-hien/index.md"


@dataclass(frozen=True)
class SiteSection:
    label: str  # in the navigation and on the home page
    page: str
    title: str  # the section page's own title
    description: str  # on the home page; {procedures} and {groups} (as a word) are counts of the plan


# The staff guide: hand-written pages in docs/huong-dan/, last in the navigation (their titles are the
# pages' own, which a test holds to these).
GUIDE = "huong-dan/index.md"
GUIDE_PAGES = (
    ("Đọc trang của cơ quan", "huong-dan/co-quan.md"),
    ("Báo cáo hằng tháng", "huong-dan/bao-cao-hang-thang.md"),
    ("Điền biểu mẫu báo cáo", "huong-dan/dien-bieu-mau.md"),
    ("Dự thảo báo cáo", "huong-dan/du-thao.md"),
)

# The site's sections in reading order. The navigation, the section pages' titles and the home page's
# entry points are all made from this one table, so none of them can omit or misname a section.
SECTIONS = (
    SiteSection("Cơ quan, đơn vị", AGENCY_INDEX, "Cơ quan, đơn vị", "Mỗi cơ quan phải làm gì, với ai, hạn nào"),
    SiteSection("Thời hạn", DEADLINE_INDEX, "Thời hạn", "Việc đến hạn theo tháng, theo năm"),
    SiteSection("Thủ tục hành chính", PROCEDURE_INDEX, "Thủ tục hành chính", "{procedures} thủ tục thiết yếu tại Phụ lục I"),
    SiteSection("Nhiệm vụ", TASK_INDEX, "Nhiệm vụ", "Nhiệm vụ tại Phần II và Phụ lục II"),
    SiteSection("Trách nhiệm", DUTY_INDEX, "Trách nhiệm các cơ quan", "Trách nhiệm của từng cơ quan tại Phần IV"),
    SiteSection("Mục tiêu", OBJECTIVE_INDEX, "Mục tiêu", "{groups} nhóm tiện ích và mục tiêu theo giai đoạn"),
    SiteSection("Văn bản", DOCUMENT_INDEX, "Văn bản", "Văn bản được viện dẫn và liên quan"),
    SiteSection("Toàn văn", FULL_TEXT, "Toàn văn", "Quyết định và Kế hoạch theo đúng thứ tự, câu chữ"),
    SiteSection(
        "Thực hiện",
        PROGRESS,
        "Tình hình thực hiện",
        "Việc đã xong, quá hạn, chưa báo cáo; cơ quan nào đã báo cáo tháng nào",
    ),
    SiteSection(
        "Đối chiếu",
        RECONCILIATION,
        "Đối chiếu Phần II và Phụ lục II",
        "Chỗ khác nhau giữa các phần, và ghi chú của biên tập viên",
    ),
    SiteSection("Tải về", DOWNLOADS, "Tải về", "Excel, CSV, lịch (iCalendar), JSON"),
)
SECTION_TITLES = {section.page: section.title for section in SECTIONS}


def permalink(page: str, anchor: str = "") -> str:
    """The address of a page under the site's root, as staff paste it: 'co-quan/x.md' -> '/co-quan/x/'."""
    path = "/" + page.removesuffix(".md").removesuffix("index")
    path = path if path.endswith("/") else path + "/"
    return path + (f"#{anchor}" if anchor else "")


# The site search ranks the page of one deadline, agency, procedure, task, objective or document above
# the long pages that mention it (the theme's per-page boost; other pages count 1).
SEARCH_BOOSTS = {
    DEADLINE_INDEX: 4,
    AGENCY_INDEX: 2,
    PROCEDURE_INDEX: 2,
    TASK_INDEX: 2,
    OBJECTIVE_INDEX: 2,
    DOCUMENT_INDEX: 2,
}


def agency(agency_id: str) -> str:
    return f"co-quan/{agency_id}.md"


def deadline(key: str) -> str:
    return f"thoi-han/{key}.md"


def procedure(number: int | str) -> str:
    return f"thu-tuc/{number}.md"


def task(key: str) -> str:
    """Part II task '2.đ' -> nhiem-vu/2-dd.md."""
    return f"nhiem-vu/{slugify(key)}.md"


def appendix_task(number: int | str) -> str:
    return f"nhiem-vu/phu-luc-{number}.md"


def objective(group_id: str) -> str:
    return f"muc-tieu/{group_id}.md"


def document(document_id: str) -> str:
    return f"van-ban/{document_id}.md"


def progress_period(period: str) -> str:
    """A month of progress reports: '2026-10' -> thuc-hien/2026-10.md."""
    return f"thuc-hien/{period}.md"


SUMMARY = "tong-hop"  # the consolidated report's name, beside the agencies' ids (pages and Word files)


def drafted_report_page(period: str, agency_id: str = SUMMARY) -> str:
    """The page of a drafted monthly report: an agency's, or (without one) the consolidated report."""
    return f"thuc-hien/{period}/{agency_id}.md"


def page_file(src: str, directory_urls: bool = True) -> str:
    """The file a page is written to, as mkdocs writes it: co-quan/x.md -> co-quan/x/index.html (or
    co-quan/x.html without directory URLs); an index.md stays index.html where it is. Any other file (a
    download) is written where it says."""
    if not src.endswith(".md"):
        return src
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index") or not directory_urls:
        return f"{stem}.html"
    return f"{stem}/index.html"


def page_url(src: str, directory_urls: bool = True) -> str:
    """A page's URL from the site's root: co-quan/x/ (co-quan/x.html without directory URLs); the home page ./."""
    path = page_file(src, directory_urls)
    if not src.endswith(".md"):
        return path
    return (path.removesuffix("index.html") or "./") if directory_urls else path


def relative_url(target: str, page: str) -> str:
    """The URL `target` (from the site's root) as a link on the page at URL `page`: both are site paths
    without '..' (page_url), so the shared folders are dropped and each folder left of the page's is a '..'."""
    here = [part for part in page.split("/")[:-1] if part != "."]  # the folders the page is in
    there = [part for part in target.split("/") if part not in ("", ".")]
    shared = 0
    while shared < min(len(here), len(there)) and here[shared] == there[shared]:
        shared += 1
    relative = "/".join([".."] * (len(here) - shared) + there[shared:])
    if not relative:
        return "./"
    return f"{relative}/" if target.endswith("/") else relative


@dataclass(frozen=True)
class RelativeLinks:
    """The url_for of the page at URL `page` (page_url): another page's URL, and an anchor on it, relative to
    this one. Every link of every page goes through one: the URLs are worked out once. Equal for one page, so
    that what a page printed can be kept for it (render.fragments)."""

    page: str
    directory_urls: bool = True

    def __call__(self, target: str, anchor: str = "") -> str:
        url = _relative_url(_page_url(target, self.directory_urls), self.page)
        return f"{url}#{anchor}" if anchor else url


def links_from(page: str, directory_urls: bool = True) -> RelativeLinks:
    return RelativeLinks(page, directory_urls)


# Pure functions of short strings, asked for each of the site's links (tens of thousands): each answer once.
_page_url = lru_cache(maxsize=None)(page_url)
_relative_url = lru_cache(maxsize=None)(relative_url)


def item_link(item: ActionItem) -> Link:
    """A link to where an item is shown in full, under its label."""
    page, anchor = item_target(item)
    return Link(item_label(item), page, anchor)


def agency_link(registry, agency_id: str) -> Link:
    """A link to a body's page, under its name."""
    return Link(registry.by_id[agency_id].name, agency(agency_id))


def anchor(*parts) -> str:
    """Anchor in the full text: anchor('iv', '1.d') -> 'iv-1-d'; 'đ' becomes 'dd'."""
    return "-".join(slugify(str(p)) for p in parts)


def item_target(item: ActionItem) -> tuple[str, str]:
    """(page, anchor) where an item is shown in full."""
    if item.kind == "task":
        return task(item.key), ""
    if item.kind == "appendix-task":
        return appendix_task(item.key), ""
    if item.kind == "procedure":
        return procedure(item.key), ""
    if item.kind == "duty":
        return FULL_TEXT, anchor("iv", item.key)
    return FULL_TEXT, anchor("iii", item.key)


def item_label(item: ActionItem) -> str:
    """Short reference staff can cite: 'II.2.đ', 'PL II-15', 'PL I-15', 'IV.1.d', 'III.1'."""
    return {
        "task": f"II.{item.key}",
        "appendix-task": f"PL II-{item.key}",
        "procedure": f"PL I-{item.key}",
        "duty": f"IV.{item.key}",
        "funding": f"III.{item.key}",
    }[item.kind]
