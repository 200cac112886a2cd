"""The monthly reports, drafted from the progress reports (IV.2.k): each agency's report for a month it
reported, and the consolidated report of the month, which Công an tỉnh, standing body of the working
group, sends on.

Each is worked out once here as plain data. The Word writer (exports/wordreport.py) and the page
template both print that same object, so the document and the page cannot disagree. Statuses are the
ones the site shows (progress.status), taken as of the month's report rather than as of the latest one.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from plannav import schedule, sitemap
from plannav.items import ActionItem, ItemIndex
from plannav.progress.changes import Change
from plannav.progress.models import Entry, period_title
from plannav.progress.status import DONE, DONE_LATE, NOT_DONE, NOT_REPORTED, OVERDUE, STATUSES, Progress, Report, in_order
from plannav.sitemap import Link
from plannav.succession import carriers

# Documents are drafted for the latest month only: staff draft this month's report, and the draft of an
# earlier month was on the site in its month. A build with two years of reports stays fast (README).
DRAFTED_MONTHS = 1
CONTENT_LENGTH = 160  # the item's wording in a report's table, cut at a word: the page has it all
CLOSED = (DONE, DONE_LATE, NOT_DONE)
CONSOLIDATING = "cong-an-tinh"  # standing body of the working group: it consolidates the month (IV.2.k)
AGENCY_RECIPIENTS = ("Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh")  # IV.2.k: where the 18th's reports go
SUMMARY_RECIPIENTS = ("Văn phòng Chính phủ", "Bộ Công an", "Chủ tịch Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh")
ON_TIME, LATE, MISSING = "đúng hạn", "muộn", "chưa có"
NOT_EXPECTED = "—"  # the body did not exist that month


@dataclass(frozen=True)
class ReportRow:
    number: int  # in the table
    item: Link  # its reference ("II.2.đ") and page
    content: str  # its wording, shortened
    deadline: str  # normalised, as staff write it ("Tháng 3/2022; Ngày 18 hằng tháng")
    status: str
    since: str  # "Tháng 8/2026" where the status stands from an earlier month's report; else ""
    result: str


@dataclass(frozen=True)
class ItemNote:
    """An item with what was said about it: a difficulty, a proposal, a reason."""

    item: Link
    content: str
    status: str
    text: str
    agency: str = ""  # in the consolidated report: whose words


@dataclass(frozen=True)
class DocumentForm:
    """The fixed words of an administrative document's form (Nghị định 30/2020/NĐ-CP, Appendix I), printed
    the same on a draft's page and in its Word document (exports/wordreport.py). Blanks are for staff."""

    national_title: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    number_line: str = "Số: …/BC-…"
    place_date: str = "……, ngày …… tháng …… năm ……"
    kind: str = "BÁO CÁO"
    recipients: str = "Nơi nhận:"
    filed: str = "Lưu: VT."  # the last recipient: the issuing body's records
    signer: str = "THỦ TRƯỞNG CƠ QUAN"
    sign_hint: str = "(Ký, ghi rõ họ tên, đóng dấu)"
    # The consolidated table's last row adds up the agencies' rows: agency-item pairs, not the plan's items.
    pairs_total: str = "Tổng cộng (lượt cơ quan – việc)"
    sample_note: str = "DỮ LIỆU MẪU — báo cáo này soạn từ số liệu giả định, dùng để thử nghiệm; không phải báo cáo thật."


FORM = DocumentForm()


@dataclass(frozen=True)
class Heading:
    """What every drafted document starts with (Nghị định 30/2020/NĐ-CP): who issues it, its kind, its
    summary line, and where it goes. The form's fixed words are FORM's, above."""

    issuer: str
    summary: str  # the summary line under "BÁO CÁO"
    recipients: tuple[str, ...]
    period_title: str  # Tháng 10/2026
    sample: bool  # drafted from made-up reports: every document says so


@dataclass(frozen=True)
class AgencyReport:
    heading: Heading
    agency: Link
    report_date: str  # dd/mm/yyyy, the progress report's
    report_number: str
    rows: tuple[ReportRow, ...]  # I. every item the agency reports on
    blocked: tuple[ItemNote, ...]  # II. overdue, or with difficulties reported
    next_title: str  # "tháng 11/2026"
    upcoming: tuple[ItemNote, ...]  # III. what falls due next month, and what is overdue still
    proposals: tuple[ItemNote, ...]  # IV.

    statuses = STATUSES  # the order its counts are in

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def counts(self) -> tuple[int, ...]:
        """Its items by status, in STATUSES' order."""
        return in_order(Counter(row.status for row in self.rows))

    @property
    def counted(self) -> tuple[tuple[str, int], ...]:
        """(status, items) for the statuses it has, least advanced first."""
        return tuple((s, n) for s, n in zip(self.statuses, self.counts, strict=True) if n)


@dataclass(frozen=True)
class AgencyTally:
    agency: Link
    sent: str  # dd/mm/yyyy of its report for the month; "" if none
    timeliness: str  # đúng hạn | muộn | chưa có; "" for a body with no monthly day
    counts: tuple[int, ...]  # in STATUSES order, as of its latest report up to the month
    total: int

    @property
    def shown(self) -> str:
        """What its report cell says: the day it reported, else whether it is missing, else "—"."""
        return self.sent or self.timeliness or "—"


@dataclass(frozen=True)
class ChangeNote:
    """An item whose status a month's report changed: on the month's page and in its consolidated report."""

    item: Link
    agency: Link
    status: str  # as of the report's date, derived
    before: str  # the agency's previous status for the item; "" for its first report on it
    text: str  # what it reported: the result where done, else the difficulties

    @property
    def shown(self) -> str:
        """Its status as the consolidated report writes it, with the one before: "Hoàn thành (trước: Quá hạn)"."""
        return f"{self.status} (trước: {self.before})" if self.before else self.status


@dataclass(frozen=True)
class MonthSummary:
    heading: Heading
    tallies: tuple[AgencyTally, ...]  # each body expected to report that month, with something to report on
    overdue: tuple[ItemNote, ...]  # with the reasons given
    done: tuple[ChangeNote, ...]  # changed since the agencies' earlier reports
    newly_overdue: tuple[ChangeNote, ...]
    difficulties: tuple[ChangeNote, ...]

    statuses = STATUSES  # the order its counts are in

    @property
    def totals(self) -> tuple[int, ...]:
        """Per status, over every body's items."""
        return tuple(sum(t.counts[i] for t in self.tallies) for i in range(len(STATUSES)))

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def sent(self) -> int:
        return sum(1 for t in self.tallies if t.sent)

    @property
    def missing(self) -> tuple[str, ...]:
        """The bodies with a monthly day and no report for the month."""
        return tuple(t.agency.text for t in self.tallies if t.timeliness == MISSING)

    @property
    def late(self) -> tuple[str, ...]:
        return tuple(t.agency.text for t in self.tallies if t.timeliness == LATE)

    @property
    def changes(self) -> tuple[tuple[str, tuple[ChangeNote, ...]], ...]:
        """IV., under their titles: what is newly done, newly overdue, and the difficulties newly said."""
        return (
            ("Mới hoàn thành", self.done),
            ("Mới quá hạn", self.newly_overdue),
            ("Khó khăn, vướng mắc mới nêu", self.difficulties),
        )

    @staticmethod
    def listed(names: tuple[str, ...]) -> str:
        """A list of bodies as the report writes it; "không có" for none."""
        return ", ".join(names) or "không có"


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


def shorten(text: str, length: int = CONTENT_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _summary_line(index: ItemIndex, period: str) -> str:
    who = index.identity
    return (
        f"Kết quả thực hiện Kế hoạch số {who.number} ngày {who.date_text} của {who.committee} "
        f"({who.known_as}), {period_title(period).lower()}"
    )


def _month_key(period: str) -> tuple[int, int]:
    year, month = map(int, period.split("-"))
    return year, month


def _line_reports(progress: Progress, agency_id: str) -> list[Report]:
    """The reports of the body and of the bodies one line of work with it (registry.family), oldest first."""
    family = progress.index.registry.family(agency_id)
    return sorted((r for member in family for r in progress.reports_of(member)), key=lambda r: (r.date, r.period, r.agency))


def _latest_entries(reports: list[Report]) -> dict[str, tuple[Report, Entry]]:
    """The latest entry on each item of a line's reports (_line_reports, up to some report)."""
    return {uid: (report, entry) for report in reports for uid, entry in report.entries.items()}


def _statuses(progress: Progress, agency_id: str, latest: dict, uids) -> dict[str, str]:
    return {uid: progress.entry_status(uid, agency_id, *latest[uid]) if uid in latest else NOT_REPORTED for uid in uids}


def _falls_due(item: ActionItem, identities, year: int, month: int) -> bool:
    """Whether the item has a deadline binding the agency in that month: a dated one, or a monthly one."""
    for deadline in item.deadlines:
        if not schedule.applies_to(deadline, identities):
            continue
        if schedule.monthly_day(deadline) or any((d.year, d.month) == (year, month) for d in schedule.dates(deadline)):
            return True
    return False


def said(entry) -> str:
    """What a body wrote on an item, for a draft's table: the result, the day it was done, the reason where
    the work will not be done, the documents; one per line, the result's own line breaks kept."""
    if entry is None:
        return ""
    parts = [entry.result] if entry.result else []
    if entry.completed:
        parts.append(f"Hoàn thành ngày {dt.date.fromisoformat(entry.completed):%d/%m/%Y}")
    if entry.status == NOT_DONE and (entry.difficulties or entry.proposals):
        parts.append(f"Lý do: {entry.difficulties or entry.proposals}")
    if entry.evidence:
        parts.append(f"Văn bản, minh chứng: {entry.evidence}")
    return "\n".join(parts)


def agency_report(index: ItemIndex, progress: Progress, report: Report) -> AgencyReport:
    agency_id, registry = report.agency, index.registry
    uids = progress.reporters.by_agency.get(agency_id, ())
    # Its line's reports up to this one: those of the bodies whose work it carries, or that carry its
    # work, count as its own (plan/successors.yaml), as on the site's pages.
    line = _line_reports(progress, agency_id)
    latest = _latest_entries(line[: next(i for i, r in enumerate(line) if r is report) + 1])
    status = _statuses(progress, agency_id, latest, uids)
    rows, blocked, upcoming, proposals = [], [], [], []
    year, month = schedule.next_month(*_month_key(report.period))
    identities = registry.identities(agency_id)
    for number, uid in enumerate(uids, 1):
        item = index.by_uid[uid]
        found = latest.get(uid)
        entry = found[1] if found else None
        since = period_title(found[0].period) if found and found[0] is not report else ""
        link, content = sitemap.item_link(item), shorten(item.text)
        due = schedule.labels_for(item.deadlines, identities)  # as its form says: the deadlines that bind it
        rows.append(
            ReportRow(
                number,
                link,
                content,
                due,
                status[uid],
                since,
                said(entry),
            )
        )
        if status[uid] == OVERDUE or (entry and entry.difficulties and status[uid] not in CLOSED):
            blocked.append(ItemNote(link, content, status[uid], (entry and entry.difficulties) or ""))
        if status[uid] not in CLOSED and (status[uid] == OVERDUE or _falls_due(item, identities, year, month)):
            upcoming.append(ItemNote(link, content, status[uid], due))
        if entry and entry.proposals and uid in report.entries:
            proposals.append(ItemNote(link, content, status[uid], entry.proposals))
    return AgencyReport(
        Heading(
            registry.by_id[agency_id].name,
            _summary_line(index, report.period),
            AGENCY_RECIPIENTS,
            period_title(report.period),
            progress.sample,
        ),
        sitemap.agency_link(registry, agency_id),
        f"{report.date:%d/%m/%Y}",
        report.number or "",
        tuple(rows),
        tuple(blocked),
        f"tháng {month}/{year}",
        tuple(upcoming),
        tuple(proposals),
    )


def _issuer(registry, agency_id: str, period: str) -> str:
    """The body that issues a month's report: the one named, or the one that carries its work that month
    (plan/successors.yaml): Công an tỉnh Lâm Đồng from July 2025."""
    found, _ = carriers(registry.successions, agency_id, f"{period}-01")
    return registry.by_id[found[0].body if found else agency_id].name


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


def month_summary(index: ItemIndex, progress: Progress, period: str) -> MonthSummary:
    registry, reporters = index.registry, progress.reporters
    tallies, overdue_at = [], {}
    for agency in registry.agencies:
        uids = reporters.by_agency.get(agency.id)
        standing = month_standing(progress, agency.id, period)
        if not uids or standing == NOT_EXPECTED:
            continue  # nothing to report on, or not there that month
        latest = _latest_entries([r for r in _line_reports(progress, agency.id) if r.period <= period])
        status = _statuses(progress, agency.id, latest, uids)
        sent = progress.sent_on(agency.id, period)
        tallies.append(
            AgencyTally(
                sitemap.agency_link(registry, agency.id),
                f"{sent:%d/%m/%Y}" if sent else "",
                standing,
                in_order(Counter(status.values())),
                len(uids),
            )
        )
        for uid in uids:
            if status[uid] == OVERDUE:
                entry = latest[uid][1]
                overdue_at.setdefault(uid, []).append((agency.name, entry.difficulties or entry.proposals or ""))
    overdue = []
    for uid in sorted(overdue_at, key=index.order.get):  # each item once, with the bodies late on it and why
        item, said = index.by_uid[uid], overdue_at[uid]
        reasons = "; ".join(f"{name}: {reason}" for name, reason in said if reason)
        overdue.append(
            ItemNote(sitemap.item_link(item), shorten(item.text), OVERDUE, reasons, ", ".join(n for n, _ in said))
        )
    changes = progress.changes.get(period)

    return MonthSummary(
        Heading(
            _issuer(registry, CONSOLIDATING, period),
            _summary_line(index, period),
            SUMMARY_RECIPIENTS,
            period_title(period),
            progress.sample,
        ),
        tuple(tallies),
        tuple(overdue),
        change_notes(index, changes.done, "result") if changes else (),
        change_notes(index, changes.overdue, "difficulties") if changes else (),
        change_notes(index, changes.difficulties, "difficulties") if changes else (),
    )


class Drafts:
    """The drafted reports of one Progress, each worked out once: its page, its Word document and the
    document's key in the build cache all print the same object (Progress.drafts)."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self._agency: dict[str, AgencyReport] = {}
        self._summary: dict[str, MonthSummary] = {}

    def agency(self, report: Report) -> AgencyReport:
        if report.file not in self._agency:  # a report is known by its file
            self._agency[report.file] = agency_report(self.progress.index, self.progress, report)
        return self._agency[report.file]

    def summary(self, period: str) -> MonthSummary:
        if period not in self._summary:
            self._summary[period] = month_summary(self.progress.index, self.progress, period)
        return self._summary[period]
