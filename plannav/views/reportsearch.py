"""Search entries made from the reports, not read from the pages: what each body last reported on each item,
found by the site search on the item's page (its "Tình hình thực hiện" section)."""

from dataclasses import dataclass

from plannav import sitemap
from plannav.views.siteviews import Link, SiteViews


@dataclass(frozen=True)
class SearchEntry:
    """An entry of the site search made from the data, not read from a page: an item's latest reports."""

    link: Link  # where the search result leads
    title: str
    text: str


HAS_OWN_PAGE = ("task", "appendix-task", "procedure")  # the items whose page shows their reports (#thuc-hien)


def report_search_entries(views: SiteViews) -> list[SearchEntry]:
    """What each body last reported on each item (result, difficulties, proposals, evidence), one search
    entry per item page, so that the search finds report texts without reading the long report tables
    of the pages. Bodies that reported the same words are listed together."""
    if not views.reports_exist():
        return []
    out = []
    for item in views.index.items:
        if item.kind not in HAS_OWN_PAGE:
            continue
        said: dict[str, list[str]] = {}
        for agency_id in views.progress.reporters.by_item[item.uid]:
            entry = views.progress.status(item.uid, agency_id).entry
            if entry is None:
                continue
            parts = [
                f"{label}: {text}"
                for label, text in (
                    ("Kết quả", entry.result),
                    ("Khó khăn", entry.difficulties),
                    ("Đề xuất", entry.proposals),
                    ("Văn bản", entry.evidence),
                )
                if text
            ]
            if parts:
                said.setdefault(" ".join(parts), []).append(views.registry.by_id[agency_id].name)
        if said:
            page = views.item_link(item).page
            text = " ".join(f"{', '.join(names)} — {words}" for words, names in said.items())
            title = f"Tình hình thực hiện {sitemap.item_label(item)}"
            out.append(SearchEntry(Link(title, page, "thuc-hien"), title, text))
    return out
