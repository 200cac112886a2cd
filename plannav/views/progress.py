"""The progress dashboard: statuses as of the latest report, per agency, what is overdue, and who has
reported which month (the reporting register)."""

from collections import Counter
from dataclasses import dataclass

from plannav import schedule, sitemap
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
    timeliness,
)
from plannav.progress.status import (
    DONE,
    DONE_LATE,
    IN_PROGRESS,
    NOT_DONE,
    OVERDUE,
    STATUS_SLUGS,
    STATUSES,
    Progress,
    in_order,
)
from plannav.sitemap import SUMMARY
from plannav.views.siteviews import ItemRow, Link, SiteViews

BAR_WIDTH = 600  # the status bar's drawing width; the page scales it
AGENCY_BAR_WIDTH = 60  # each agency's row: a small bar beside its numbers
CHART_WIDTH, CHART_HEIGHT = 600, 160  # the chart of the months (its columns; their labels go below)
CHART_LABEL_EVERY = 3  # months between two labels under the chart


@dataclass(frozen=True)
class StatusCount:
    status: str
    count: int
    css: str  # the status as a class name, for its colour
    x: str  # where its part of the bar starts and how wide it is
    width: str


@dataclass(frozen=True)
class AgencyProgressRow:
    link: Link
    counts: tuple[int, ...]  # in STATUSES order
    total: int
    done_percent: int  # done, done late or not to be done, of its items
    bar: tuple[StatusCount, ...] = ()  # its statuses as a stacked bar, AGENCY_BAR_WIDTH wide


@dataclass(frozen=True)
class MonthCount:
    """The plan's items at the end of a reported month (overall statuses, as the dashboard counts them),
    and where the month's column of the chart stands."""

    month: Link
    done: int  # Hoàn thành and Hoàn thành quá hạn
    in_progress: int
    overdue: int
    x: str
    width: str
    parts: tuple[tuple[str, str, str, int], ...]  # (css, y, height, count) from the bottom: done, under way, overdue
    label: str = ""  # under its column, every CHART_LABEL_EVERY months and the last: "10/2026"
    label_x: str = ""
    label_anchor: str = "middle"  # the first and last labels keep inside the chart


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
    register = []
    for agency in views.registry.agencies:
        day = progress.reporters.report_days.get(agency.id)
        if day is None:
            continue
        said = [month_standing(progress, agency.id, month) for month in months]
        if all(s == NOT_EXPECTED for s in said):
            continue  # formed after the last month, or gone before the first
        cells = tuple(RegisterCell(s, TIMELINESS_CSS[s]) for s in said)
        register.append(RegisterRow(views.agency_link(agency.id), day, cells))
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
        tuple(register),
        trend(views, months, reported),
        CHART_WIDTH,
        CHART_HEIGHT,
        sum(row.total for row in agencies),
        sum(row.counts[STATUSES.index(OVERDUE)] for row in agencies),
    )


def stacked(tally: Counter, total: int, width: int) -> tuple[StatusCount, ...]:
    """A tally of statuses as the parts of a bar `width` wide, in STATUSES' order."""
    counts, x = [], 0.0
    for status in STATUSES:
        part = tally[status] / total * width if total else 0
        counts.append(StatusCount(status, tally[status], STATUS_CSS[status], f"{x:.1f}", f"{part:.1f}"))
        x += part
    return tuple(counts)


def trend(views: SiteViews, months: list[str], reported: list[str]) -> tuple[MonthCount, ...]:
    """Each reported month: the plan's items done, under way and overdue at its end (or at the as-of day,
    for the month it falls in), as the dashboard would have counted them then; and the chart's columns."""
    progress, out = views.progress, []
    step = CHART_WIDTH / max(len(months), 1)
    for i, month in enumerate(months):
        end = min(schedule.month_end(*map(int, month.split("-"))), progress.as_of)
        then = Progress(views.index, progress.reporters, progress.reports, as_of=end)
        tally = Counter(then.item_status(uid) for uid in reported)
        series = (
            ("done", tally[DONE] + tally[DONE_LATE]),
            ("in-progress", tally[IN_PROGRESS]),
            ("overdue", tally[OVERDUE]),
        )
        parts, y = [], float(CHART_HEIGHT)
        for css, count in series:
            height = count / len(reported) * CHART_HEIGHT
            y -= height
            parts.append((css, f"{y:.1f}", f"{height:.1f}", count))
        out.append(
            MonthCount(
                Link(period_title(month).removeprefix("Tháng "), sitemap.progress_period(month)),
                series[0][1],
                series[1][1],
                series[2][1],
                f"{i * step + step * 0.15:.1f}",
                f"{step * 0.7:.1f}",
                tuple(parts),
                f"{month[5:]}/{month[:4]}" if i % CHART_LABEL_EVERY == 0 or i == len(months) - 1 else "",
                f"{0 if i == 0 else CHART_WIDTH if i == len(months) - 1 else i * step + step / 2:.1f}",
                "start" if i == 0 else "end" if i == len(months) - 1 else "middle",
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class SearchEntry:
    """An entry of the site search made from the data, not read from a page: an item's latest reports."""

    link: Link  # where the search result leads
    title: str
    text: str


HAS_OWN_PAGE = ("task", "appendix-task", "procedure")  # the items whose page shows their reports (#thuc-hien)


def report_search_entries(views: SiteViews) -> list[SearchEntry]:
    """What each body last reported on each item (result, difficulties, proposals, evidence), one search
    entry per item page, so that the search finds report texts without reading the long report tables
    of the pages. Bodies that reported the same words are listed together."""
    if not views.reports_exist():
        return []
    out = []
    for item in views.index.items:
        if item.kind not in HAS_OWN_PAGE:
            continue
        said: dict[str, list[str]] = {}
        for agency_id in views.progress.reporters.by_item[item.uid]:
            entry = views.progress.status(item.uid, agency_id).entry
            if entry is None:
                continue
            parts = [
                f"{label}: {text}"
                for label, text in (
                    ("Kết quả", entry.result),
                    ("Khó khăn", entry.difficulties),
                    ("Đề xuất", entry.proposals),
                    ("Văn bản", entry.evidence),
                )
                if text
            ]
            if parts:
                said.setdefault(" ".join(parts), []).append(views.registry.by_id[agency_id].name)
        if said:
            page = views.item_link(item).page
            text = " ".join(f"{', '.join(names)} — {words}" for words, names in said.items())
            title = f"Tình hình thực hiện {sitemap.item_label(item)}"
            out.append(SearchEntry(Link(title, page, "thuc-hien"), title, text))
    return out
