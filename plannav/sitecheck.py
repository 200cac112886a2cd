"""The checks of a built site, fed page by page as the pages are written.

Each page is scanned once when it is written; at the end the links and anchors are resolved and the
fetches from outside the site listed, with the pages that were not fed (the 404 page) read from disk.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from plannav.externals import external_fetches, page_fetches
from plannav.htmlscan import ScannedPage, scan_page
from plannav.linkcheck import PageLinks, broken_links, page_links


@dataclass
class SiteProblems:
    broken_links: list[str]  # "page.html:line: link -> problem"
    external_fetches: list[str]  # "page.html:line: url"


class SiteChecker:
    def __init__(self):
        self.links: dict[str, PageLinks] = {}
        self.fetches: dict[str, list] = {}

    def add(self, name: str, html: str) -> None:
        """A page as written: its path under the site (co-quan/cong-an-tinh/index.html) and its HTML."""
        self._keep(name, scan_page(html))

    def _keep(self, name: str, page: ScannedPage) -> None:
        self.links[name], self.fetches[name] = page_links(page), page_fetches(page)

    def finish(self, site_dir: str | os.PathLike) -> SiteProblems:
        for path in Path(site_dir).rglob("*.html"):
            name = path.relative_to(site_dir).as_posix()
            if name not in self.links:  # written by the theme, not as a page (404.html)
                self._keep(name, scan_page(path.read_text(encoding="utf-8", errors="replace")))
        fetches = dict(sorted(self.fetches.items()))
        return SiteProblems(broken_links(site_dir, self.links), external_fetches(site_dir, fetches))
