"""Who carries a body's work on a given day, down the chains of plan/successors.yaml.

A body's successions in effect on the day are followed to the bodies that carry the work then; the
latest succession of a body counts where it has several. A chain that ends in a succession without
heirs means the work's body ceased with no recorded successor.
"""

from dataclasses import dataclass

from plannav.models import Succession


@dataclass(frozen=True)
class Carrier:
    body: str  # who carries the work on the day
    chain: tuple[Succession, ...]  # the successions that lead there, first to last
    shares: tuple[str, ...]  # the share of each link where the work was split
    bases: tuple[str, ...] = ()  # the document of each link: the heir's own, else its succession's

    @property
    def since(self) -> str:
        return self.chain[-1].since


def in_effect(successions: list[Succession], agency_id: str, day: str) -> Succession | None:
    """The body's latest succession on or before the day."""
    found = [s for s in successions if s.of == agency_id and s.since <= day]
    return max(found, key=lambda s: s.since) if found else None


def carriers(successions: list[Succession], agency_id: str, day: str | None) -> tuple[list[Carrier], Succession | None]:
    """The bodies that carry the body's work on the day, each once, and, where none does, the succession
    that ended it without an heir. ([], None): the body carries its own work."""
    if day is None:
        return [], None
    out, ceased = [], None
    stack: list[tuple[str, tuple, tuple, tuple]] = [(agency_id, (), (), ())]
    seen = set()
    while stack:
        body, chain, shares, bases = stack.pop()
        if body in seen:  # two branches of a split may merge again
            continue
        seen.add(body)
        succession = in_effect(successions, body, day)
        if succession is None:
            if chain:
                out.append(Carrier(body, chain, shares, bases))
            continue
        if not succession.by:
            ceased = succession
        for heir in reversed(succession.by):
            link_basis = heir.basis or succession.basis
            stack.append((heir.id, (*chain, succession), (*shares, heir.share or ""), (*bases, link_basis)))
    return out, (None if out else ceased)  # a branch that ceased while another carries on ended nothing


class CarriersOnDay:
    """Who carries each body's work on one day (carriers), worked out once per body: the site's day, which
    is the reports' as-of day, or without reports the last day a succession took effect, so that all
    recorded ones show (on_site_day)."""

    def __init__(self, successions: list[Succession], day: str | None):
        self.successions, self.day = successions, day
        self._found: dict[str, tuple[list[Carrier], Succession | None]] = {}

    @classmethod
    def on_site_day(cls, successions: list[Succession], as_of: str | None) -> "CarriersOnDay":
        return cls(successions, as_of or max((s.since for s in successions), default=None))

    def __call__(self, agency_id: str) -> tuple[list[Carrier], Succession | None]:
        if agency_id not in self._found:
            self._found[agency_id] = carriers(self.successions, agency_id, self.day)
        return self._found[agency_id]
