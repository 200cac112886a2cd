"""A month of reports: which months and reports are drafted, whether a body reported in time, what a body's
line of work reported as of a month, and the changes of a month as the month's page lists them."""

import datetime as dt
from dataclasses import dataclass

from plannav import sitemap
from plannav.items import ItemIndex
from plannav.progress.changes import Change
from plannav.progress.models import Entry
from plannav.progress.status import NOT_REPORTED, Progress, Report
from plannav.sitemap import Link

# Documents are drafted for the latest month only: staff draft this month's report, and the draft of an
# earlier month was on the site in its month. A build with two years of reports stays fast (EDITING.md).
DRAFTED_MONTHS = 1


ON_TIME, LATE, MISSING = "đúng hạn", "muộn", "chưa có"


NOT_EXPECTED = "—"  # the body did not exist that month


@dataclass(frozen=True)
class ChangeNote:
    """An item whose status a month's report changed: on the month's page."""

    item: Link
    agency: Link
    status: str  # as of the report's date, derived
    before: str  # the agency's previous status for the item; "" for its first report on it
    text: str  # what it reported: the result where done, else the difficulties

    @property
    def shown(self) -> str:
        """Its status, with the one before: "Hoàn thành (trước: Quá hạn)"."""
        return f"{self.status} (trước: {self.before})" if self.before else self.status


def drafted_months(progress: Progress) -> list[str]:
    """The months whose documents are drafted: the latest DRAFTED_MONTHS of them."""
    return progress.periods[-DRAFTED_MONTHS:] if DRAFTED_MONTHS else []


def drafted_reports(progress: Progress) -> list[Report]:
    """The agencies' reports whose documents are drafted: those of the drafted months, from bodies
    with something to report on."""
    return [
        r
        for period in drafted_months(progress)
        for r in progress.month_reports(period)
        if progress.reporters.by_agency.get(r.agency)
    ]


def drafted_reports_of(progress: Progress, agency_id: str) -> list[Report]:
    """The body's reports among drafted_reports, in their order (by month), reading no other body's."""
    if not progress.reporters.by_agency.get(agency_id):
        return []
    months = drafted_months(progress)
    return sorted((r for r in progress.reports_of(agency_id) if r.period in months), key=lambda r: months.index(r.period))


def month_key(period: str) -> tuple[int, int]:
    year, month = map(int, period.split("-"))
    return year, month


def line_reports(progress: Progress, agency_id: str) -> list[Report]:
    """The reports of the body and of the bodies one line of work with it (registry.family), oldest first."""
    family = progress.index.registry.family(agency_id)
    return sorted((r for member in family for r in progress.reports_of(member)), key=lambda r: (r.date, r.period, r.agency))


def latest_entries(reports: list[Report]) -> dict[str, tuple[Report, Entry]]:
    """The latest entry on each item of a line's reports (line_reports, up to some report)."""
    return {uid: (report, entry) for report in reports for uid, entry in report.entries.items()}


def statuses_of(progress: Progress, agency_id: str, latest: dict, uids) -> dict[str, str]:
    return {uid: progress.entry_status(uid, agency_id, *latest[uid]) if uid in latest else NOT_REPORTED for uid in uids}


def summary_date(progress: Progress, period: str) -> dt.date:
    """The date of a month's consolidated report: its last report's (or the month's first day)."""
    sent = [r.date for r in progress.month_reports(period)]
    return max(sent) if sent else dt.date.fromisoformat(f"{period}-01")


def timeliness(sent: dt.date | None, period: str, day: int | None) -> str:
    """Whether a body's report for a month came by its day: đúng hạn, muộn, chưa có ("" with no day)."""
    if day is None:
        return ""
    if sent is None:
        return MISSING
    return ON_TIME if sent <= dt.date.fromisoformat(f"{period}-{day:02d}") else LATE


def month_standing(progress: Progress, agency_id: str, period: str) -> str:
    """A body's report for the month, as the month page, the register and the consolidated report all
    say it: NOT_EXPECTED where it sent none and did not exist on its day that month (plan/successors.yaml),
    else its timeliness ("" for a body with no day to report by)."""
    day = progress.reporters.report_days.get(agency_id)
    sent = progress.sent_on(agency_id, period)
    if sent is None and not progress.index.registry.exists_on(agency_id, f"{period}-{day or 1:02d}"):
        return NOT_EXPECTED
    return timeliness(sent, period, day)


def change_notes(index: ItemIndex, changes: list[Change], text: str) -> tuple[ChangeNote, ...]:
    """The changes of a month (progress.changes), each with what was reported: its `text` field."""
    return tuple(
        ChangeNote(
            sitemap.item_link(index.by_uid[c.uid]),
            sitemap.agency_link(index.registry, c.report.agency),
            c.status,
            c.before,
            getattr(c.entry, text) or "",
        )
        for c in changes
    )


def register(progress: Progress, months: list[str]) -> list[tuple[str, int, tuple[str, ...]]]:
    """The reporting register: each body with a monthly day, that day, and its report in each month
    (month_standing); not the bodies that did not exist in any of those months."""
    out = []
    for agency in progress.index.registry.agencies:
        day = progress.reporters.report_days.get(agency.id)
        if day is None:
            continue
        cells = tuple(month_standing(progress, agency.id, month) for month in months)
        if any(c != NOT_EXPECTED for c in cells):  # else formed after the last month, or gone before the first
            out.append((agency.id, day, cells))
    return out
