"""The progress dashboard: statuses as of the latest report, per agency, what is overdue, and who has
reported which month (the reporting register)."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from plannav import schedule
from plannav.progress.status import DONE, DONE_LATE, NOT_DONE, OVERDUE, STATUSES
from plannav.views.base import ItemRow, Link, SiteViews

BAR_WIDTH = 600  # the status bar's drawing width; the page scales it
ON_TIME, LATE, MISSING = "đúng hạn", "muộn", "chưa có"


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


@dataclass(frozen=True)
class RegisterRow:
    link: Link
    day: int  # the day of the month it reports by
    cells: tuple[str, ...]  # per month: đúng hạn | muộn | chưa có


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
    months: tuple[str, ...]  # the register's columns, YYYY-MM
    register: tuple[RegisterRow, ...]


def _css(status: str) -> str:
    return {
        "Chưa báo cáo": "not-reported",
        "Chưa triển khai": "not-started",
        "Quá hạn": "overdue",
        "Đang thực hiện": "in-progress",
        "Hoàn thành quá hạn": "done-late",
        "Hoàn thành": "done",
        "Không thực hiện": "not-done",
    }[status]


def _months(first: str, last: str) -> list[str]:
    year, month = map(int, first.split("-"))
    out = []
    while f"{year}-{month:02d}" <= last:
        out.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def monthly_report_day(views: SiteViews, agency_id: str) -> int | None:
    """The day of the month by which the agency reports: its monthly recurring deadline (IV.2.k's 18th)."""
    identities = views.registry.identities(agency_id)
    days = [
        d.day - 1 if d.before else d.day
        for uid in views.progress.reporters.by_agency.get(agency_id, ())
        for d in views.index.by_uid[uid].deadlines
        if d.kind == "recurring" and d.every == "month" and d.day and schedule.applies_to(d, identities)
    ]
    return min(days) if days else None


def progress_page(views: SiteViews) -> ProgressPage:
    progress = views.progress
    reported = [uid for uid, agencies in progress.reporters.by_item.items() if agencies]
    if not views.reports_exist():
        return ProgressPage(False, progress.sample, "", len(reported), (), BAR_WIDTH, STATUSES, (), (), (), ())
    overall = {uid: progress.item_status(uid) for uid in reported}
    tally = Counter(overall.values())
    counts, x = [], 0.0
    for status in STATUSES:
        width = tally[status] / len(reported) * BAR_WIDTH
        counts.append(StatusCount(status, tally[status], _css(status), f"{x:.1f}", f"{width:.1f}"))
        x += width
    agencies = []
    for agency in views.registry.agencies:
        uids = progress.reporters.by_agency.get(agency.id)
        if not uids:
            continue
        mine = Counter(progress.status(uid, agency.id).status for uid in uids)
        done = mine[DONE] + mine[DONE_LATE] + mine[NOT_DONE]
        agencies.append(
            AgencyProgressRow(
                views.agency_link(agency.id), tuple(mine[s] for s in STATUSES), len(uids), round(100 * done / len(uids))
            )
        )
    overdue = tuple(views.row(views.index.by_uid[uid]) for uid in reported if overall[uid] == OVERDUE)
    months = _months(min(r.period for r in progress.reports), f"{progress.as_of:%Y-%m}")
    by_agency_month = {}
    for report in progress.reports:
        if report.date <= progress.as_of:
            key = (report.agency, report.period)
            by_agency_month[key] = min(by_agency_month.get(key, report.date), report.date)
    register = []
    for agency in views.registry.agencies:
        day = monthly_report_day(views, agency.id)
        if day is None:
            continue
        cells = []
        for month in months:
            sent = by_agency_month.get((agency.id, month))
            due = dt.date.fromisoformat(f"{month}-{day:02d}")
            cells.append(MISSING if sent is None else (ON_TIME if sent <= due else LATE))
        register.append(RegisterRow(views.agency_link(agency.id), day, tuple(cells)))
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
        tuple(months),
        tuple(register),
    )
