"""Pieces of page bodies kept across the builds of one process.

`make serve` renders a page again when anything it shows changed, and a task's wording edited changes
forty agency pages whose other hundred rows are the ones rendered before: each row is taken from here.
A piece is kept under everything it is printed from: the template's macro, the page it is printed on
(its links are relative to that page), the site's facts and the row itself (a frozen record, hashed and
compared by value); and the answers it was printed with that the rest of the plan decides (which names a text
links, SiteViews.text_links: an agency renamed unlinks its old name in every text). Those are asked again
and must be the same, or the piece is printed anew (PageRenderer.remembered).
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable

KEPT = 30_000  # pieces kept, the most recently used: every row of a site a few times the real one


class Fragments:
    """A bounded store of printed pieces, each with the answers it was printed with."""

    def __init__(self, kept: int = KEPT):
        self.kept = kept
        self._pieces: OrderedDict[Hashable, tuple[str, object]] = OrderedDict()  # key: (printed, answers)

    def piece(self, key: Hashable, still: Callable[[object], bool], make: Callable[[], tuple[str, object]]) -> str:
        """The piece kept under `key` if its answers are `still` those of now, else the one `make` prints now
        (with the answers it was printed with)."""
        kept = self._pieces.get(key)
        if kept is None or not still(kept[1]):
            kept = self._pieces[key] = make()
        self._pieces.move_to_end(key)
        while len(self._pieces) > self.kept:
            self._pieces.popitem(last=False)
        return kept[0]


PIECES = Fragments()  # this process's: mkdocs serve's rebuilds find the pieces of the one before
