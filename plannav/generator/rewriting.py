"""`make serve` after an edit: only the pages that show something else are written again.

mkdocs serve (with --dirty) asks each page whether it was modified; a generated page always says yes.
Here a page says yes only if what it writes would differ from what this process wrote into the same
folder last: its body (the core's, kept by what the page shows), its title, or anything every page
shows (the navigation, the site's name and date, the theme and the program: `shell`). A page that says
no is neither rendered nor written; its search entries are the ones of the build that wrote it, put
back in the order a full build gives them, so the served site is the one a full build makes
(tests/test_serve.py compares every page, the search index and the sitemap).
"""

import logging
from collections.abc import Callable
from pathlib import Path

from plannav.keys import digest


class _DirtyNotice(logging.Filter):
    """mkdocs warns on every --dirty build that pages may be stale, which strict mode counts as a failure;
    here each page is asked exactly, so the warning is not true of these builds."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class WrittenPages:
    """What this process wrote into a site folder, page by page, across the builds of one `mkdocs serve`."""

    def __init__(self):
        self.site_dir: str | None = None
        self.written: dict[str, str] = {}  # page source: the key of what its file holds
        self.search: dict[str, list[dict]] = {}  # page URL: its entries in the search index
        self.pending: dict[str, str] = {}  # this build's pages: the key of what they write
        self.shell = ""
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())

    def start(self, site_dir: str, *shell: str) -> None:
        """A build begins: into `site_dir`, with `shell` (everything every page shows) as given."""
        if site_dir != self.site_dir or self.pending:  # another folder, or the last build did not finish
            self.site_dir, self.written, self.search = site_dir, {}, {}
        self.shell, self.pending = digest(*shell), {}

    def modified(self, src: str, title: str, body: Callable[[], str]) -> bool:
        """Whether the page must be written again (its body is the one the page's build then takes). mkdocs
        asks twice, before reading the page and before writing it: worked out once."""
        if src not in self.pending:
            self.pending[src] = digest(self.shell, title, body())
        return self.written.get(src) != self.pending[src]

    def search_entries(self, docs: list[dict], order: list[str]) -> list[dict]:
        """The search index's entries: this build's for the pages it wrote, the last ones for the others,
        in the order of the site's pages (`order`, their URLs), as a full build lists them."""
        made: dict[str, list[dict]] = {}
        for entry in docs:
            made.setdefault(entry["location"].split("#")[0], []).append(entry)
        self.search = {url: made.get(url, self.search.get(url, [])) for url in order}
        return [entry for url in order for entry in self.search[url]]

    def finish(self, stale: Callable[[str], Path]) -> int:
        """The build succeeded: what it wrote is what the folder holds; pages the site no longer has are
        removed (`stale` gives a page's file). Returns how many pages it wrote."""
        for src in set(self.written) - set(self.pending):
            stale(src).unlink(missing_ok=True)
        rewritten = sum(self.written.get(src) != key for src, key in self.pending.items())
        self.written, self.pending = self.pending, {}
        return rewritten
