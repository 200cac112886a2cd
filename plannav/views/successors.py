"""Who carries the decision's work today (plan/successors.yaml), as the pages show it: on a 2022 body's
page, who carries its work now and since when, on which basis; on a body formed since, whose work it
carries; beside a responsible body on an item's page, "Nay do … thực hiện"."""

from dataclasses import dataclass

from plannav.schedule import day_text
from plannav.views.siteviews import Link, SiteViews


@dataclass(frozen=True)
class SuccessorLine:
    body: Link  # who carries the work today
    since: str  # dd/mm/yyyy
    share: str
    through: tuple[Link, ...]  # the bodies between, down a chain
    basis: tuple[Link, ...]  # the documents of each link


@dataclass(frozen=True)
class CeasedLine:
    since: str
    basis: Link
    note: str


@dataclass(frozen=True)
class PredecessorLine:
    body: Link  # a body whose work this one carries
    since: str
    share: str
    basis: Link
    note: str


@dataclass(frozen=True)
class Succession:
    """What a page says of a body's succession: who carries its work today, or that it ceased; for a
    body formed since the decision, when, and whose work it carries."""

    now: tuple[SuccessorLine, ...] = ()
    ceased: CeasedLine | None = None
    formed: str = ""  # dd/mm/yyyy, for a body formed since the decision
    before: tuple[PredecessorLine, ...] = ()
    as_of: str = ""  # the day the site reads the successions as of


def succession(views: SiteViews, agency_id: str) -> Succession:
    registry, day = views.registry, views.site_day
    found, ceased = views.carried_by(agency_id)
    now = tuple(
        SuccessorLine(
            views.agency_link(c.body),
            day_text(c.since),
            "; ".join(s for s in c.shares if s),
            tuple(views.agency_link(s.of) for s in c.chain[1:]),
            tuple(dict.fromkeys(views.document_link(basis) for basis in c.bases)),
        )
        for c in found
    )
    ended = CeasedLine(day_text(ceased.since), views.document_link(ceased.basis), ceased.note or "") if ceased else None
    since = registry.formed_on(agency_id)
    before = tuple(
        PredecessorLine(
            views.agency_link(s.of),
            day_text(s.since),
            heir.share or "",
            views.document_link(heir.basis or s.basis),
            s.note or "",
        )
        for s in registry.successions
        for heir in s.by
        if heir.id == agency_id
    )
    return Succession(now, ended, day_text(since) if since else "", before, day_text(day) if day else "")


def now_carried_by(views: SiteViews, agency_ids) -> tuple[tuple[Link, tuple[Link, ...], str], ...]:
    """For an item's page: each of the bodies given whose work another carries today, with who does; or that
    ended with no one recorded to carry its work (the districts, since 01/07/2025), with the day it ended."""
    out, named = [], list(dict.fromkeys(agency_ids))  # a body may be named in both roles
    # A body that ended is said even where a collective wording reaches it ("các địa phương": the districts).
    reached = [m for a in named for m in views.registry.members(a) if m not in named]
    for agency_id in (*named, *dict.fromkeys(reached)):
        if agency_id in named and (heirs := views.heirs(agency_id)):
            out.append((views.agency_link(agency_id), heirs, ""))
        elif ceased := views.carried_by(agency_id)[1]:
            out.append((views.agency_link(agency_id), (), day_text(ceased.since)))
    return tuple(out)
