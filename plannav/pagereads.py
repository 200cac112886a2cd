"""What each page's view read of the reports (progress.status.Progress.reading): the reports of some
agencies, the months they span, all of them, the as-of date, or what that date decides of the bodies
(which ceased, who carries whose work). A build after new reports takes from the build cache the body of
a page that read nothing that changed, without working out its view: after one agency's report, about
half the pages (133 of 256 for the border guard's), and 161 when the report moves the as-of date. The
others are worked out, and rendered again if what they show changed.

What a view reads besides is in the state its notes are kept for: the program, the plan, an as-of date
given (one that leaves later reports out), whether the reports are made up, and what every page shows
(PageBodies.shared). A view that read the reports otherwise than through Progress and SiteViews would be
taken from the cache when it should not be: tests/test_pagereads.py changes the reports and compares the
view of every page that noted nothing that changed."""

from collections.abc import Callable

from plannav.buildcache import Results
from plannav.keys import canonical, digest
from plannav.progress.status import AS_OF, BODIES, EVERY_REPORT, MONTHS


class PageReads:
    """The notes of one build: each page's reads, with the digests of what it read, and its body's key."""

    def __init__(self, results: Results, state: str, model):  # model: the SiteModel
        self.results, self.state, self.progress = results, state, model.progress
        files, views = model.report_files, model.views
        self.by_agency = files.by_agency if files else {}
        self.made = {  # how each read but an agency's reports is digested
            EVERY_REPORT: lambda: files.digest if files else "",
            MONTHS: lambda: digest(*self.progress.periods),
            AS_OF: lambda: str(self.progress.as_of),
            BODIES: lambda: canonical([(views.carried_by(a), self.progress.ceased(a)) for a in views.registry.by_id]),
        }
        self.kept: dict[str, tuple[dict[str, str], str]] = results.note(state) or {}  # page: (reads, body's key)
        self.read: dict[str, set[str]] = {}  # page: what its view read in this build
        self._digests: dict[str, str] = {}  # what was read: its digest now

    def view(self, src: str, work: Callable[[], object]):
        """The page's view, made by `work`, noting what it reads of the reports."""
        outer, self.progress.reading = self.progress.reading, set()
        try:
            return work()
        finally:
            self.read[src] = self.progress.reading
            self.progress.reading = outer if outer is None else outer | self.read[src]

    def key(self, src: str) -> str | None:
        """The key of the page's body, kept by a build that found its view to have read what is read now."""
        found = self.kept.get(src)
        if found and all(self.digest_of(read) == was for read, was in found[0].items()):
            return found[1]
        return None

    def save(self, keys: dict[str, str | None]) -> None:
        """Note the reads of the pages worked out in this build, with their bodies' keys (Results.used)."""
        notes = dict(self.kept)
        for src, read in self.read.items():
            if keys.get(src):
                notes[src] = ({r: self.digest_of(r) for r in sorted(read)}, keys[src])
        if notes != self.kept:
            self.results.keep_note(self.state, notes)

    def digest_of(self, read: str) -> str:
        """The digest of what a view read, as it is in this build."""
        if read not in self._digests:
            made = self.made.get(read)
            self._digests[read] = made() if made else self.by_agency.get(read, "")
        return self._digests[read]
