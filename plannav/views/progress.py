"""The progress dashboard: statuses as of the latest report, per agency, what is overdue, and who has
reported which month (the reporting register)."""

from collections import Counter
from dataclasses import dataclass

from plannav import sitemap
from plannav.exports.catalog import drafted_report
from plannav.progress.changes import PeriodChanges
from plannav.progress.drafted import AgencyReport, MonthSummary
from plannav.progress.letterhead import FORM, DocumentForm
from plannav.progress.models import period_title
from plannav.progress.months import (
    LATE,
    MISSING,
    NOT_EXPECTED,
    ON_TIME,
    ChangeNote,
    change_notes,
    drafted_months,
    drafted_reports,
    month_standing,
    register,
    timeliness,
)
from plannav.progress.status import (
    DONE,
    DONE_LATE,
    NOT_DONE,
    OVERDUE,
    STATUS_SLUGS,
    STATUSES,
    in_order,
)
from plannav.sitemap import SUMMARY
from plannav.views.progresscharts import (
    AGENCY_BAR_WIDTH,
    BAR_WIDTH,
    CHART_HEIGHT,
    CHART_WIDTH,
    MonthCount,
    StatusCount,
    stacked,
    trend,
)
from plannav.views.rows import ItemRow
from plannav.views.siteviews import Link, SiteViews


@dataclass(frozen=True)
class AgencyProgressRow:
    link: Link
    counts: tuple[int, ...]  # in STATUSES order
    total: int
    done_percent: int  # done, done late or not to be done, of its items
    bar: tuple[StatusCount, ...] = ()  # its statuses as a stacked bar, AGENCY_BAR_WIDTH wide


@dataclass(frozen=True)
class RegisterCell:
    text: str  # đúng hạn | muộn | chưa có
    css: str


@dataclass(frozen=True)
class RegisterRow:
    link: Link
    day: int  # the day of the month it reports by
    cells: tuple[RegisterCell, ...]  # one per month


@dataclass(frozen=True)
class SentReport:
    link: Link  # the agency
    date: str  # dd/mm/yyyy
    number: str
    timeliness: str  # đúng hạn | muộn | "" (the agency has no monthly day)
    entries: int


@dataclass(frozen=True)
class DraftPage:
    """A drafted report, as a page: the same object the Word document prints, and where that is."""

    report: AgencyReport | MonthSummary
    docx: Link
    month: Link
    form: DocumentForm = FORM  # the fixed words, as the Word document has them


@dataclass(frozen=True)
class PeriodPage:
    """One month of reports: who sent theirs and when, who has not, and what changed since their
    earlier reports (progress.changes)."""

    title: str  # Tháng 10/2026
    sample: bool
    sent: tuple[SentReport, ...]
    missing: tuple[Link, ...]  # agencies with a monthly reporting day and no report for the month
    first: tuple[Link, ...]  # agencies whose first report this is: their starting point, not changes
    done: tuple[ChangeNote, ...]  # newly done
    overdue: tuple[ChangeNote, ...]  # newly overdue
    difficulties: tuple[ChangeNote, ...]  # difficulties newly reported
    previous: Link | None
    next: Link | None
    summary: tuple[Link, Link] | None = None  # the drafted consolidated report: its page, its Word file
    drafts: tuple[tuple[Link, Link], ...] = ()  # each agency's drafted report: its page, its Word file


@dataclass(frozen=True)
class ProgressPage:
    has_reports: bool
    sample: bool
    as_of: str  # dd/mm/yyyy
    total: int  # items that someone reports on
    counts: tuple[StatusCount, ...]
    bar_width: int
    statuses: tuple[str, ...]
    agencies: tuple[AgencyProgressRow, ...]
    overdue: tuple[ItemRow, ...]
    months: tuple[Link, ...]  # the register's columns: each month's page
    register: tuple[RegisterRow, ...]
    trend: tuple[MonthCount, ...] = ()  # the plan's items month by month
    chart_width: int = CHART_WIDTH
    chart_height: int = CHART_HEIGHT
    pairs: int = 0  # the agency table's rows added up: (agency, item) pairs, not items
    pairs_overdue: int = 0


# Each status and each register cell as a class name, for its colour (site.css).
STATUS_CSS = STATUS_SLUGS

TIMELINESS_CSS = {
    ON_TIME: "on-time",
    LATE: "late",
    MISSING: "missing",
    NOT_EXPECTED: "not-expected",
}


def periods(views: SiteViews) -> list[str]:
    """Every month from the first report's to the as-of date's (YYYY-MM); none until a report is in."""
    return views.progress.periods if views.reports_exist() else []


def period_link(period: str) -> Link:
    return Link(period_title(period), sitemap.progress_period(period))


def period_page(views: SiteViews, period: str) -> PeriodPage:
    progress, months = views.progress, periods(views)
    at = months.index(period)
    days = views.progress.reporters.report_days
    reports = sorted(progress.month_reports(period), key=lambda r: (r.date, views.registry.by_id[r.agency].name))
    sent = []
    for report in reports:
        day = days.get(report.agency)
        in_time = timeliness(report.date, period, day)
        sent.append(
            SentReport(
                views.agency_link(report.agency),
                f"{report.date:%d/%m/%Y}",
                report.number or "",
                in_time,
                len(report.entries),
            )
        )
    missing = tuple(
        views.agency_link(a.id) for a in views.registry.agencies if month_standing(progress, a.id, period) == MISSING
    )
    changes = views.monthly.changes.get(period, PeriodChanges())
    drafted = period in drafted_months(progress)
    return PeriodPage(
        period_title(period),
        progress.sample,
        tuple(sent),
        missing,
        views.agency_links(changes.first),
        change_notes(views.index, changes.done, "result"),
        change_notes(views.index, changes.overdue, "difficulties"),
        change_notes(views.index, changes.difficulties, "difficulties"),
        period_link(months[at - 1]) if at > 0 else None,
        period_link(months[at + 1]) if at + 1 < len(months) else None,
        draft_links("Báo cáo tổng hợp", period) if drafted else None,
        tuple(
            draft_links(views.registry.by_id[r.agency].name, r.period, r.agency)
            for r in drafted_reports(progress)
            if r.period == period
        ),
    )


def draft_links(title: str, period: str, agency_id: str = SUMMARY) -> tuple[Link, Link]:
    """A drafted report's page (under `title`) and Word file."""
    return Link(title, sitemap.drafted_report_page(period, agency_id)), Link("Word", drafted_report(period, agency_id))


def agency_draft_page(views: SiteViews, report) -> DraftPage:
    return DraftPage(
        views.monthly.agency(report),
        Link("Tải bản Word (.docx)", drafted_report(report.period, report.agency)),
        period_link(report.period),
    )


def summary_draft_page(views: SiteViews, period: str) -> DraftPage:
    return DraftPage(
        views.monthly.summary(period),
        Link("Tải bản Word (.docx)", drafted_report(period)),
        period_link(period),
    )


def progress_page(views: SiteViews) -> ProgressPage:
    progress = views.progress
    reported = [uid for uid, agencies in progress.reporters.by_item.items() if agencies]
    if not views.reports_exist():
        return ProgressPage(False, progress.sample, "", len(reported), (), BAR_WIDTH, STATUSES, (), (), (), ())
    overall = {uid: progress.item_status(uid) for uid in reported}
    counts = stacked(Counter(overall.values()), len(reported), BAR_WIDTH)
    agencies, today = [], progress.as_of.isoformat()
    for agency in views.registry.agencies:
        uids = progress.reporters.by_agency.get(agency.id)
        if not uids or not views.registry.exists_on(agency.id, today):
            continue  # nothing to report on, or its work is carried by another body now
        mine = progress.tally(agency.id)
        done = mine[DONE] + mine[DONE_LATE] + mine[NOT_DONE]
        agencies.append(
            AgencyProgressRow(
                views.agency_link(agency.id),
                in_order(mine),
                len(uids),
                round(100 * done / len(uids)),
                stacked(mine, len(uids), AGENCY_BAR_WIDTH),
            )
        )
    overdue = tuple(views.row(views.index.by_uid[uid]) for uid in reported if overall[uid] == OVERDUE)
    months = periods(views)
    rows = [
        RegisterRow(views.agency_link(a), day, tuple(RegisterCell(s, TIMELINESS_CSS[s]) for s in said))
        for a, day, said in register(progress, months)
    ]
    return ProgressPage(
        True,
        progress.sample,
        f"{progress.as_of:%d/%m/%Y}",
        len(reported),
        tuple(counts),
        BAR_WIDTH,
        STATUSES,
        tuple(agencies),
        overdue,
        tuple(Link(period_title(m).removeprefix("Tháng "), sitemap.progress_period(m)) for m in months),
        tuple(rows),
        trend(views, months, reported),
        CHART_WIDTH,
        CHART_HEIGHT,
        sum(row.total for row in agencies),
        sum(row.counts[STATUSES.index(OVERDUE)] for row in agencies),
    )
