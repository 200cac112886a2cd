"""Drafting the monthly reports (IV.2.k) from the progress reports: each agency's report for a month it
reported, and the consolidated report of the month, which the Tổ công tác prepares for the Chủ tịch UBND
tỉnh to send to Văn phòng Chính phủ and Bộ Công an. Statuses are the ones the site shows (progress.status),
taken as of the month's report rather than as of the latest one; the consolidated report's, from the reports
read by month (Progress.for_period)."""

import datetime as dt
from collections import Counter

from plannav import schedule, sitemap
from plannav.items import ActionItem, ItemIndex
from plannav.progress.changes import Change, PeriodChanges
from plannav.progress.drafted import (
    AgencyReport,
    AgencyTally,
    Difficulty,
    ItemNote,
    MonthChange,
    MonthSummary,
    RegisterLine,
    ReportRow,
    said,
)
from plannav.progress.letterhead import (
    AGENCY_ADDRESSEES,
    AGENCY_COPIES,
    SUMMARY_ADDRESSEES,
    carrier,
    heading_of,
    province_body,
    summary_copies,
)
from plannav.progress.models import period_title
from plannav.progress.months import (
    NOT_EXPECTED,
    latest_entries,
    line_reports,
    month_key,
    month_standing,
    register,
    statuses_of,
)
from plannav.progress.status import DONE, DONE_LATE, NOT_DONE, NOT_STARTED, OVERDUE, Progress, Report, in_order

CONTENT_LENGTH = 160  # the item's wording in a report's table, cut at a word: the page has it all


SHORT_LENGTH = 60  # in the body's tables: enough to know the item; the appendix has more


SENTENCE_LENGTH = 200  # what was reported on an item, in the body: its first sentence, cut at a word


REASONS_SHOWN = 2  # the consolidated report's reasons for an overdue item: the first given, distinct


REGISTER_MONTHS = 6  # the consolidated report's register: this month and the five before


CLOSED = (DONE, DONE_LATE, NOT_DONE)


FINISHED = (DONE, DONE_LATE)


def shorten(text: str, length: int = CONTENT_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def sentence(text: str, length: int = SENTENCE_LENGTH) -> str:
    """The first sentence of what was reported, cut at a word: the body says each change in one."""
    text = " ".join(text.split())
    first = text.split(". ", 1)[0]
    return shorten(first if first.endswith(".") or first == text else first + ".", length)


def _falls_due(item: ActionItem, identities, year: int, month: int) -> bool:
    """Whether the item has a deadline binding the agency in that month: a dated one, or a monthly one."""
    for deadline in item.deadlines:
        if not schedule.applies_to(deadline, identities):
            continue
        if schedule.monthly_day(deadline) or any((d.year, d.month) == (year, month) for d in schedule.dates(deadline)):
            return True
    return False


def _due_text(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def agency_report(index: ItemIndex, progress: Progress, report: Report) -> AgencyReport:
    agency_id, registry = report.agency, index.registry
    uids = progress.reporters.by_agency.get(agency_id, ())
    # Its line's reports up to this one: those of the bodies whose work it carries, or that carry its
    # work, count as its own (plan/successors.yaml), as on the site's pages.
    line = line_reports(progress, agency_id)
    position = next(i for i, r in enumerate(line) if r is report)
    latest = latest_entries(line[: position + 1])
    status = statuses_of(progress, agency_id, latest, uids)
    before = statuses_of(progress, agency_id, latest_entries(line[:position]), uids)
    rows, changed, difficulties, upcoming, proposals = [], [], [], [], []
    year, month = schedule.next_month(*month_key(report.period))
    identities = registry.identities(agency_id)
    for number, uid in enumerate(uids, 1):
        item = index.by_uid[uid]
        found = latest.get(uid)
        entry = found[1] if found else None
        since = period_title(found[0].period) if found and found[0] is not report else ""
        link, brief = sitemap.item_link(item), shorten(item.text, SHORT_LENGTH)
        due = schedule.labels_for(item.deadlines, identities)  # as its form says: the deadlines that bind it
        now = status[uid]
        rows.append(ReportRow(number, link, shorten(item.text), due, now, since, said(entry)))
        if uid in report.entries and now != before[uid] and now not in (OVERDUE, NOT_STARTED):
            told = entry.result if now != NOT_DONE else (entry.difficulties or entry.proposals or "")
            changed.append(MonthChange(link, brief, now, sentence(told) if told else ""))
        if now == OVERDUE or (entry and entry.difficulties and now not in CLOSED):
            reason = (entry and (entry.difficulties or entry.proposals)) or ""
            due_day = _due_text(progress.due(uid, agency_id))
            difficulties.append(Difficulty(link, brief, due_day, now, sentence(reason) if reason else ""))
        elif now not in CLOSED and _falls_due(item, identities, year, month):
            upcoming.append(ItemNote(link, brief, now, f"{brief} ({due})"))
        if entry and entry.proposals and uid in report.entries:
            proposals.append(ItemNote(link, brief, now, sentence(entry.proposals)))
    heading = heading_of(
        index, agency_id, report.period, f"{report.date:%Y-%m-%d}", AGENCY_ADDRESSEES, AGENCY_COPIES, progress.sample
    )
    opening = (
        f"Thực hiện Kế hoạch triển khai {index.identity.known_as} {index.identity.issued_with}, "
        f"{heading.issuer} báo cáo kết quả thực hiện {heading.period_title.lower()} như sau:"
    )
    return AgencyReport(
        heading,
        sitemap.agency_link(registry, agency_id),
        opening,
        tuple(rows),
        tuple(changed),
        len(report.entries),
        tuple(difficulties),
        f"tháng {month}/{year}",
        tuple(upcoming),
        tuple(proposals),
    )


def _register(progress: Progress, period: str) -> tuple[tuple[str, ...], tuple[RegisterLine, ...]]:
    """Who reported in time in each of the last REGISTER_MONTHS months up to the period (the dashboard's
    register, shortened)."""
    months = [m for m in progress.periods if m <= period][-REGISTER_MONTHS:]
    registry = progress.index.registry
    lines = [RegisterLine(sitemap.agency_link(registry, a), day, cells) for a, day, cells in register(progress, months)]
    return tuple(period_title(m).removeprefix("Tháng ") for m in months), tuple(lines)


def _reasons(given: list[str]) -> str:
    """An overdue item's reasons in the consolidated report: the first REASONS_SHOWN distinct ones."""
    distinct = list(dict.fromkeys(sentence(r, SHORT_LENGTH) for r in given if r))
    more = len(distinct) - REASONS_SHOWN
    return "; ".join(distinct[:REASONS_SHOWN]) + (f" (và {more} lý do khác)" if more > 0 else "")


def _tallies(index: ItemIndex, progress: Progress, by_month: Progress, period: str):
    """Each body expected to report that month, with its counts of its items' statuses that month (`by_month`:
    the reports read by month, Progress.for_period); and the overdue items with the bodies behind on them and
    the reason each gave."""
    registry, reporters = index.registry, progress.reporters
    tallies, late = [], {}
    for agency in registry.agencies:
        uids = reporters.by_agency.get(agency.id)
        standing = month_standing(progress, agency.id, period)
        if not uids or standing == NOT_EXPECTED:
            continue  # nothing to report on, or not there that month
        found = [by_month.status(uid, agency.id) for uid in uids]
        sent = progress.sent_on(agency.id, period)
        counts = in_order(Counter(reported.status for reported in found))
        shown = f"{sent:%d/%m/%Y}" if sent else ""
        tallies.append(AgencyTally(sitemap.agency_link(registry, agency.id), shown, standing, counts, len(uids)))
        for uid, reported in zip(uids, found, strict=True):
            if reported.status == OVERDUE:
                entry = reported.entry
                late.setdefault(uid, []).append((agency.id, entry.difficulties or entry.proposals or ""))
    return tallies, late


def _overall_that_month(by_month: Progress) -> dict[str, str]:
    """Each item someone reports on, once, with its overall status that month: the dashboard's, of the reports
    read by month (Progress.for_period)."""
    return {uid: by_month.item_status(uid) for uid, agencies in by_month.reporters.by_item.items() if agencies}


def _behind_and_ahead(index: ItemIndex, progress: Progress, period: str, overall: dict, late: dict):
    """II. the overdue items, each once, with how many bodies are behind and why; III. the open items that
    fall due next month for one of their bodies."""
    reporters = progress.reporters
    year, month = schedule.next_month(*month_key(period))
    who = {a: index.registry.identities(a) for a in reporters.by_agency}  # what binds each body
    difficulties, upcoming = [], []
    for uid in sorted(overall, key=index.order.get):
        item = index.by_uid[uid]
        link, brief = sitemap.item_link(item), shorten(item.text, SHORT_LENGTH)
        behind = late.get(uid, [])
        if overall[uid] == OVERDUE:
            first_due = min((d for d in (progress.due(uid, a) for a, _ in behind) if d), default=None)
            reason = _reasons([r for _, r in behind])
            difficulties.append(Difficulty(link, brief, _due_text(first_due), OVERDUE, reason, str(len(behind))))
        elif overall[uid] not in CLOSED:
            binding = [who[a] for a in reporters.by_item[uid] if _falls_due(item, who[a], year, month)]
            if binding:
                due = schedule.labels_for(item.deadlines, binding[0])
                upcoming.append(ItemNote(link, brief, overall[uid], f"{brief} ({due})"))
    return tuple(difficulties), tuple(upcoming)


def _newly_done(index: ItemIndex, changes: PeriodChanges | None) -> tuple[MonthChange, ...]:
    """Appendix III: the items some body reported newly done that month, each once, with who did them."""
    done: dict[str, list[Change]] = {}
    for change in changes.done if changes else []:
        done.setdefault(change.uid, []).append(change)
    return tuple(
        MonthChange(
            sitemap.item_link(index.by_uid[uid]),
            shorten(index.by_uid[uid].text, SHORT_LENGTH),
            DONE,
            sentence(found[0].entry.result) if found[0].entry.result else "",
            ", ".join(index.registry.by_id[c.report.agency].name for c in found),
        )
        for uid, found in sorted(done.items(), key=lambda pair: index.order.get(pair[0]))
    )


def month_summary(index: ItemIndex, progress: Progress, period: str, changes: PeriodChanges | None) -> MonthSummary:
    """The consolidated report of a month; `changes`: the month's (progress.changes), None for none."""
    registry = index.registry
    by_month = progress.for_period(period)  # made once a month: MonthlyReports makes each month's summary once
    tallies, late = _tallies(index, progress, by_month, period)
    overall = _overall_that_month(by_month)
    difficulties, upcoming = _behind_and_ahead(index, progress, period, overall, late)
    year, month = schedule.next_month(*month_key(period))
    proposals = tuple(
        ItemNote(
            sitemap.item_link(index.by_uid[uid]),
            shorten(index.by_uid[uid].text, SHORT_LENGTH),
            overall.get(uid, ""),
            sentence(entry.proposals, SHORT_LENGTH),
            registry.by_id[r.agency].name,
        )
        for r in progress.month_reports(period)
        for uid, entry in r.entries.items()
        if entry.proposals
    )
    issuer = carrier(registry, province_body(index), f"{period}-01")
    copies = summary_copies(index.identity.known_as)
    heading = heading_of(index, issuer, period, f"{period}-01", SUMMARY_ADDRESSEES, copies, progress.sample)
    who = index.identity
    opening = (
        f"Thực hiện Kế hoạch triển khai {who.known_as} {who.issued_with}, trên cơ sở báo cáo của "
        f"{sum(1 for t in tallies if t.sent)} cơ quan, đơn vị và tham mưu của Tổ công tác thực hiện {who.known_as} "
        f"của tỉnh, {heading.issuer} báo cáo kết quả thực hiện {heading.period_title.lower()} như sau:"
    )
    months, register = _register(progress, period)
    return MonthSummary(
        heading,
        opening,
        tuple(tallies),
        len(overall),
        in_order(Counter(overall.values())),
        _newly_done(index, changes),
        difficulties,
        f"tháng {month}/{year}",
        upcoming,
        proposals,
        months,
        register,
    )
