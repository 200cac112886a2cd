"""The shapes the pages share: an item's row in every table of items, a deadline's cell, a report's line and
an item's reports, a table of differences, and the few facts every page may print (SiteFacts). Made by
SiteViews (views/siteviews.py); printed by the templates."""

from dataclasses import dataclass, field

from plannav.progress.models import reported_fields
from plannav.sitemap import Link


@dataclass(frozen=True)
class DeadlineCell:
    label: str  # normalised
    text: str  # as written
    pages: tuple[Link, ...]
    applies_to: tuple[Link, ...] = ()  # whom it binds, when not every agency of its item


@dataclass(frozen=True)
class ItemRow:
    uid: str
    label: str  # "II.2.đ"
    kind: str
    kind_label: str
    target: Link
    text: str
    lead: tuple[Link, ...]
    coordinators: tuple[Link, ...]
    deadlines: tuple[DeadlineCell, ...]
    role: str = ""  # on agency pages: Chủ trì / Phối hợp
    via: tuple[Link, ...] = ()  # on agency pages: the groups through which the item reaches it
    note: str = ""  # the editors' note
    roles_note: str = ""  # the basis of the roles, where the reading rules alone do not give them
    lead_unstated: bool = False  # the decision names no lead
    not_for: tuple[tuple[Link, str], ...] = ()  # bodies a group in the roles reaches but the item does not bind
    facets: tuple[tuple[str, str], ...] = ()  # (name, space-separated values) for the client-side filters
    sort_due: str = ""  # the deadline column sorts by this, chronologically
    sort_ref: str = ""  # the reference column sorts in the decision's order
    status: str = ""  # once reports exist: the agency's own status on its page, elsewhere the item's overall
    status_note: str = ""  # on an agency's page: that its latest report left the item blank
    report: "ReportLine | None" = None  # on an agency's page: its latest report on the item, every field


@dataclass
class Table:
    title: str
    anchor: str
    rows: list = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class Difference:
    """One way a Part II task and its Appendix II restatement differ, as the pages show it."""

    field: str  # its label
    kind: str  # lead | coordinators | named-agencies | deadline | text
    changes: tuple
    body: tuple  # Links for agency fields, text otherwise
    appendix: tuple


@dataclass(frozen=True)
class ReportLine:
    """One report's entry on an item: its month, day and typed status, and every field staff filled."""

    period: str
    date: str  # dd/mm/yyyy
    status: str  # as typed
    fields: tuple[tuple[str, str], ...] = ()  # (label, text): models.reported_fields

    @property
    def heading(self) -> str:
        """ "2026-10 (18/10/2026): Hoàn thành"."""
        return f"{self.period} ({self.date}): {self.status}"

    @property
    def text(self) -> str:
        """The whole entry on one line: "2026-10 (18/10/2026): Hoàn thành — Kết quả thực hiện: …"."""
        said = "; ".join(f"{label}: {text}" for label, text in self.fields)
        return f"{self.heading} — {said}" if said else self.heading


def report_line(report, entry) -> ReportLine:
    return ReportLine(report.period, f"{report.date:%d/%m/%Y}", entry.status, reported_fields(entry))


class ReportLines:
    """report_line of one build's reports, each made once: the latest reports are on every page that lists
    their items. The report and entry are held beside their line, so that their ids stay theirs."""

    def __init__(self):
        self._made: dict[tuple[int, int], tuple] = {}

    def __call__(self, report, entry) -> ReportLine:
        key = (id(report), id(entry))
        if key not in self._made:
            self._made[key] = (report, entry, report_line(report, entry))
        return self._made[key][2]


@dataclass(frozen=True)
class AgencyReports:
    """One reporting body's status for an item, and what it reported on it."""

    agency: Link
    status: str  # as of the date, derived
    note: str  # "chưa cập nhật tháng 10/2026": its latest report left the item blank
    latest: ReportLine | None  # its latest report on the item
    earlier: tuple[ReportLine, ...]  # the ones before, newest first


@dataclass(frozen=True)
class SiteFacts:
    """What every page may say besides its own view: how the site names its decision, and whether any
    report is in. The page templates get this and their view, nothing else, and a page body is kept in
    the build cache under both."""

    number: str  # "468/QĐ-UBND"
    date_text: str  # "01/3/2022"
    province: str
    committee: str  # "Ủy ban nhân dân tỉnh Đắk Nông"
    known_as: str  # "Đề án 06"
    years: str  # "2022–2030"
    reports_exist: bool
