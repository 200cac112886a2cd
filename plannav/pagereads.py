"""What each page's view read of the reports (progress.status.Progress.reading): the reports of some
agencies, the months they span, or all of them. A build after new reports takes from the build cache the
body of a page that read none of the reports that changed, without working out its view: after one
agency's report, about half the pages. The others are worked out, and rendered again if what they show
changed.

What a view reads besides the reports is in the state its notes are kept for: the program, the plan, the
as-of date, whether the reports are made up, and what every page shows (PageBodies.shared). A view that
read the reports otherwise than through Progress would be taken from the cache when it should not be:
tests/test_pagereads.py changes the reports a page did not note and compares its view."""

from collections.abc import Callable

from plannav.buildcache import Results
from plannav.keys import digest
from plannav.progress.status import EVERY_REPORT, MONTHS, Progress


class PageReads:
    """The notes of one build: each page's reads, with the digests of what it read, and its body's key."""

    def __init__(self, results: Results, state: str, progress: Progress, files):  # files: loader.ProgressFiles
        self.results, self.state, self.progress = results, state, progress
        self.by_agency = files.by_agency if files else {}
        self.every = files.digest if files else ""
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
        if found and all(self._digest(read) == was for read, was in found[0].items()):
            return found[1]
        return None

    def save(self, keys: dict[str, str | None]) -> None:
        """Note the reads of the pages worked out in this build, with their bodies' keys (Results.used)."""
        notes = dict(self.kept)
        for src, read in self.read.items():
            if keys.get(src):
                notes[src] = ({r: self._digest(r) for r in sorted(read)}, keys[src])
        if notes != self.kept:
            self.results.keep_note(self.state, notes)

    def _digest(self, read: str) -> str:
        if read not in self._digests:
            if read == EVERY_REPORT:
                self._digests[read] = self.every
            elif read == MONTHS:
                self._digests[read] = digest(*self.progress.periods)
            else:
                self._digests[read] = self.by_agency.get(read, "")
        return self._digests[read]
