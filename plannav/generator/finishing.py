"""What a build does besides rendering pages: write the downloads, and check every page as written.

Each page is scanned once, when it is written; the drafted reports' pages, made here with the
downloads, when they are made. The downloads are written as soon as mkdocs has emptied the site's
folder (write_downloads, from on_files), while it turns pages into HTML and before it writes any: on a
slow disk two processes creating files at once wait on each other. At the end the links and anchors
are resolved and the fetches from outside the site listed; pages that were not fed (the theme's 404
page, the pages `make serve` did not write again) are read from disk. A page's links and fetches are
kept in the build cache by its HTML.
"""

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from plannav.buildcache import BuildCache
from plannav.externals import external_fetches, page_fetches
from plannav.htmlscan import scan_page
from plannav.keys import digest
from plannav.linkcheck import PageLinks, broken_links, page_links
from plannav.loader import PlanFiles
from plannav.progress.loader import ProgressFiles
from plannav.sitemodel import SiteModel

CHECKS = "checks"  # the build cache's folder of pages' links and fetches


def _scanned(html: str) -> tuple:
    page = scan_page(html)
    return page_links(page), page_fetches(page)


@dataclass
class SiteProblems:
    broken_links: list[str]  # "page.html:line: link -> problem"
    external_fetches: list[str]  # "page.html:line: url"

    def messages(self) -> list[str]:
        """What is wrong, a message for each kind of problem; none for a sound site."""
        problems = []
        if self.broken_links:
            problems.append(f"{len(self.broken_links)} broken internal links or anchors:\n" + "\n".join(self.broken_links))
        if self.external_fetches:
            problems.append(
                f"{len(self.external_fetches)} things pages would load from outside the site (the intranet "
                "has no internet access; vendor the file under docs/assets/vendor/):\n" + "\n".join(self.external_fetches)
            )
        return problems


class DownloadsAndChecks:
    """Made in the build's second process from the same plan files as the pages: the downloads first,
    while the first pages render; then each page's links and fetches as it is written."""

    def __init__(
        self,
        plan_files: PlanFiles,
        progress_files: ProgressFiles,
        as_of,
        base_url: str | None = None,
        cache=None,
        directory_urls: bool = True,
        site_dir: str | os.PathLike = "site",
    ):
        # The build's own process checks the reports (and keeps them in the cache); it stops this one at
        # the first problem.
        model = SiteModel.load(plan_files, progress_files, as_of, reports_checked=True, cache=cache)
        self.downloads = model.downloads(base_url, directory_urls)
        self.site_dir, self.written = Path(site_dir), False
        self.links: dict[str, PageLinks] = {}
        self.fetches: dict[str, list] = {}
        # Each page's links and fetches, kept by its HTML: a rebuild checks again only the pages it changed.
        self.checked = (cache or BuildCache(None)).results(CHECKS, "pages as written")
        for path, data in self.downloads:
            if path.endswith(".html"):
                self._keep(path, data.decode("utf-8"))

    def add(self, name: str, html: str) -> None:
        """A page as written: its path under the site (co-quan/cong-an-tinh/index.html) and its HTML."""
        self._keep(name, html)

    def write_downloads(self) -> None:
        """Write every download under the site's folder, which mkdocs has emptied."""
        for path, data in self.downloads:
            target = self.site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        self.written = True

    def _keep(self, name: str, html: str) -> None:
        written = digest(html)
        checked = self.checked.memo(f"{name} {written}", lambda: (written,), partial(_scanned, html))
        self.links[name], self.fetches[name] = checked

    def finish(self) -> SiteProblems:
        if not self.written:  # not asked for (a build that never reached its files)
            self.write_downloads()
        site_dir = self.site_dir
        for path in site_dir.rglob("*.html"):
            name = path.relative_to(site_dir).as_posix()
            if name not in self.links:  # written by the theme, not as a page (404.html)
                self._keep(name, path.read_text(encoding="utf-8", errors="replace"))
        self.checked.save()
        fetches = dict(sorted(self.fetches.items()))
        return SiteProblems(broken_links(site_dir, self.links), external_fetches(site_dir, fetches))
