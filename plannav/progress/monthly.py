"""The monthly reports, drafted from the progress reports (IV.2.k): each agency's report for a month it
reported, and the consolidated report of the month, which the Tổ công tác prepares for the Chủ tịch UBND
tỉnh to send to Văn phòng Chính phủ and Bộ Công an.

Each is a short body (results, difficulties, next month's work, proposals) and the full tables as its
appendix, worked out once here as plain data. The Word writer (exports/wordreport.py) and the page
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
from plannav.progress.status import (
    DONE,
    DONE_LATE,
    NOT_DONE,
    NOT_REPORTED,
    NOT_STARTED,
    OVERDUE,
    STATUSES,
    Progress,
    Report,
    in_order,
)
from plannav.progress.status import overall as status_overall
from plannav.sitemap import Link
from plannav.succession import carriers

# Documents are drafted for the latest month only: staff draft this month's report, and the draft of an
# earlier month was on the site in its month. A build with two years of reports stays fast (README).
DRAFTED_MONTHS = 1
CONTENT_LENGTH = 160  # the item's wording in a report's table, cut at a word: the page has it all
SHORT_LENGTH = 60  # in the body's tables: enough to know the item; the appendix has more
SENTENCE_LENGTH = 200  # what was reported on an item, in the body: its first sentence, cut at a word
REASONS_SHOWN = 2  # the consolidated report's reasons for an overdue item: the first given, distinct
REGISTER_MONTHS = 6  # the consolidated report's register: this month and the five before
CLOSED = (DONE, DONE_LATE, NOT_DONE)
FINISHED = (DONE, DONE_LATE)
PROVINCE = "ubnd-tinh"  # issues the consolidated report, and names the place of every date line
# IV.2.k: the agencies report by the 18th to Văn phòng UBND tỉnh and Công an tỉnh; the Tổ công tác advises
# the Chủ tịch UBND tỉnh, who reports to Văn phòng Chính phủ and Bộ Công an before the 22nd.
AGENCY_ADDRESSEES = ("Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh")
AGENCY_COPIES = ()
SUMMARY_ADDRESSEES = ("Văn phòng Chính phủ", "Bộ Công an")
SUMMARY_COPIES = (
    "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "Tổ công tác thực hiện Đề án 06 của tỉnh",
    "Công an tỉnh (cơ quan thường trực)",
    "Các sở, ban, ngành",
)
ON_TIME, LATE, MISSING = "đúng hạn", "muộn", "chưa có"
NOT_EXPECTED = "—"  # the body did not exist that month


@dataclass(frozen=True)
class ReportRow:
    """A row of an agency report's appendix: every item it reports on."""

    number: int  # in the table
    item: Link  # its reference ("II.2.đ") and page
    content: str  # its wording, shortened
    deadline: str  # normalised, as staff write it ("Tháng 3/2022; Ngày 18 hằng tháng")
    status: str
    since: str  # "Tháng 8/2026" where the status stands from an earlier month's report; else ""
    result: str


@dataclass(frozen=True)
class ItemNote:
    """An item with what was said about it: a proposal, a deadline, a reason."""

    item: Link
    content: str
    status: str
    text: str  # what the report writes after the item's reference
    agency: str = ""  # in the consolidated report: whose words


@dataclass(frozen=True)
class Difficulty:
    """A row of section II: an item behind time or with difficulties reported, once, with since when it is
    due and why it is not done."""

    item: Link
    content: str
    due: str  # dd/mm/yyyy: the day it was due by; "" where it has none
    status: str
    reason: str  # as reported; "" where none was given
    agencies: str = ""  # in the consolidated report: how many bodies are behind on it

    @property
    def what(self) -> str:
        """Its cell: the item's wording, and its status where it is not overdue (a difficulty only)."""
        return self.content if self.status == OVERDUE else f"{self.content} ({self.status.lower()})"


@dataclass(frozen=True)
class MonthChange:
    """An item whose status changed with the month's report (I.2): newly done, started or dropped, with what
    was reported in a sentence."""

    item: Link
    content: str
    status: str
    sentence: str
    agencies: str = ""  # in the consolidated report: who ("Sở Tư pháp, Sở Y tế")

    @property
    def line(self) -> str:
        """After the item's reference, in the agency's report: '(hoàn thành): wording. What was reported.'"""
        return f"({self.status.lower()}): {self.content}" + (f" {self.sentence}" if self.sentence else "")


@dataclass(frozen=True)
class DocumentForm:
    """The fixed words of an administrative document's form (Nghị định 30/2020/NĐ-CP, Appendix I), printed
    the same on a draft's page and in its Word document (exports/wordreport.py). Blanks are for staff."""

    national_title: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    kind: str = "BÁO CÁO"
    kind_symbol: str = "BC"  # the kind's abbreviation in the number (Nghị định 30/2020/NĐ-CP, Phụ lục III)
    blank: str = "……"  # what staff fill: the number, the day, an unknown symbol
    unknown_superior: str = "……………………"  # the line of a superior body not recorded: filled or struck out
    addressed: str = "Kính gửi:"
    recipients: str = "Nơi nhận:"
    as_above: str = "Như trên;"  # the addressees, in "Nơi nhận"
    filed: str = "Lưu: VT, ……"  # the issuing body's records, and the drafting unit's initials to fill
    head_signs: tuple[str, ...] = ("THỦ TRƯỞNG CƠ QUAN",)  # where the body's authority lines are not recorded
    appendix: str = "Phụ lục"
    results: str = "I. KẾT QUẢ THỰC HIỆN"
    difficulties: str = "II. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN"
    next_work: str = "III. NHIỆM VỤ TRỌNG TÂM {month}"
    proposals: str = "IV. ĐỀ XUẤT, KIẾN NGHỊ"
    none: str = "Không có."
    no_reason: str = "Chưa nêu"  # an overdue item's reason, where its report gives none
    # The consolidated table's last row adds up the agencies' rows: agency-item pairs, not the plan's items.
    pairs_total: str = "Tổng cộng (lượt cơ quan – việc)"
    sample_note: str = "DỮ LIỆU MẪU — báo cáo này soạn từ số liệu giả định, dùng để thử nghiệm; không phải báo cáo thật."


FORM = DocumentForm()


@dataclass(frozen=True)
class Letterhead:
    """The top left of a document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the body above the issuer, the
    issuer's name, its number; and the place of its date line. From the body's `letterhead` in plan/."""

    superior: str | None  # None: no line; FORM.unknown_superior where it is not recorded
    lines: tuple[str, ...]  # the issuer's name, in capitals, line by line
    symbol: str  # "STP"; FORM.blank where it is not recorded
    proposed: bool  # the symbol was not read in a document of the body: check it before signing
    place: str  # "Lâm Đồng": the province of the report's date
    unknown: tuple[str, ...] = ()  # what plan/ does not record, for the draft page to say

    @property
    def number_line(self) -> str:
        return f"Số: {FORM.blank}/{FORM.kind_symbol}-{self.symbol}"

    @property
    def place_date(self) -> str:
        return f"{self.place}, ngày {FORM.blank} tháng {FORM.blank} năm {FORM.blank}"


@dataclass(frozen=True)
class Heading:
    """What every drafted document starts and ends with (Nghị định 30/2020/NĐ-CP): who issues it, its
    summary line, to whom it goes, who signs. The form's fixed words are FORM's, above."""

    issuer: str  # the body's name, as in the text: "Sở Tư pháp tỉnh Lâm Đồng"
    letterhead: Letterhead
    summary: str  # the summary line under "BÁO CÁO"
    addressees: tuple[str, ...]  # Kính gửi
    copies: tuple[str, ...]  # in "Nơi nhận", after "Như trên"
    signs: tuple[str, ...]  # the authority lines: ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    period_title: str  # Tháng 10/2026
    sample: bool  # drafted from made-up reports: every document says so

    @property
    def appendix_line(self) -> str:
        """Under an appendix's title: which document it goes with, its number and date left as blanks."""
        return (
            f"(Kèm theo Báo cáo số {FORM.blank}/{FORM.kind_symbol}-{self.letterhead.symbol} "
            f"ngày {FORM.blank}/{FORM.blank}/{FORM.blank} của {self.issuer})"
        )


@dataclass(frozen=True)
class AgencyReport:
    """An agency's monthly report: a short body (I–IV) and the full table as its appendix."""

    heading: Heading
    agency: Link
    opening: str  # the paragraph before I.
    rows: tuple[ReportRow, ...]  # the appendix: every item the agency reports on
    changed: tuple[MonthChange, ...]  # I.2: what its report for the month changed
    updated: int  # I.2: items its report for the month says something on
    difficulties: tuple[Difficulty, ...]  # II: overdue, or with difficulties reported; each item once
    next_title: str  # "tháng 11/2026"
    upcoming: tuple[ItemNote, ...]  # III: open items falling due next month (the overdue ones are in II)
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

    @property
    def overdue(self) -> int:
        return sum(1 for d in self.difficulties if d.status == OVERDUE)

    @property
    def next_heading(self) -> str:
        return FORM.next_work.format(month=self.next_title.upper())

    @property
    def appendix_title(self) -> str:
        return f"Kết quả thực hiện các nhiệm vụ được giao, {self.heading.period_title.lower()}"

    # The body's sentences, worked out here so that the page and the Word document say the same words.
    @property
    def standing_line(self) -> str:
        counted = "; ".join(f"{s.lower()}: {n}" for s, n in self.counted)
        return (
            f"{self.heading.issuer} được giao {self.total} việc; đến kỳ báo cáo này: {counted}. "
            "Chi tiết từng việc tại Phụ lục kèm theo."
        )

    @property
    def month_line(self) -> str:
        said = f"Báo cáo {self.heading.period_title.lower()} cập nhật {self.updated} việc"
        if not self.changed:
            return f"{said}; không có việc chuyển trạng thái."
        return f"{said}, trong đó {len(self.changed)} việc chuyển trạng thái:"

    @property
    def next_line(self) -> str:
        carried = f"Tiếp tục thực hiện {self.overdue} việc quá hạn nêu tại mục II. " if self.overdue else ""
        if not self.upcoming:
            return f"{carried}Không có việc đến hạn trong {self.next_title}."
        return f"{carried}Các việc đến hạn trong {self.next_title} ({len(self.upcoming)}):"


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


@dataclass(frozen=True)
class RegisterLine:
    """A row of the consolidated report's register: a body and its report in each of the last months."""

    agency: Link
    day: int
    cells: tuple[str, ...]  # đúng hạn | muộn | chưa có | — (not there that month)


@dataclass(frozen=True)
class MonthSummary:
    """The consolidated monthly report of the province: a short body (I–IV) and the agencies' tables and
    the reporting register as its appendices."""

    heading: Heading
    opening: str
    tallies: tuple[AgencyTally, ...]  # appendix I: each body expected to report that month
    items: int  # the plan's items that someone reports on
    item_counts: tuple[int, ...]  # those items by their overall status that month, in STATUSES' order
    changed: tuple[MonthChange, ...]  # appendix III: items newly done that month, each once, with who did them
    difficulties: tuple[Difficulty, ...]  # II: overdue items, each once
    next_title: str
    upcoming: tuple[ItemNote, ...]  # III: open items falling due next month
    proposals: tuple[ItemNote, ...]  # IV: the agencies' proposals of the month
    register_months: tuple[str, ...]  # appendix II's columns: "5/2026"
    register: tuple[RegisterLine, ...]

    statuses = STATUSES  # the order its counts are in

    @property
    def totals(self) -> tuple[int, ...]:
        """Per status, over every body's items: agency-item pairs."""
        return tuple(sum(t.counts[i] for t in self.tallies) for i in range(len(STATUSES)))

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def item_counted(self) -> tuple[tuple[str, int], ...]:
        return tuple((s, n) for s, n in zip(self.statuses, self.item_counts, strict=True) if n)

    @property
    def next_heading(self) -> str:
        return FORM.next_work.format(month=self.next_title.upper())

    @property
    def appendix_titles(self) -> tuple[str, str, str]:
        month = self.heading.period_title.lower()
        return (
            f"Kết quả thực hiện theo cơ quan, {month}",
            "Tình hình gửi báo cáo hằng tháng",
            f"Các việc mới hoàn thành, {month}",
        )

    # The body's sentences, worked out here so that the page and the Word document say the same words.
    @property
    def reporting_line(self) -> str:
        late = len(self.late)
        return (
            f"{self.sent} cơ quan, đơn vị đã báo cáo"
            + (f" ({late} báo cáo muộn: {self.listed(self.late)})" if late else "")
            + (
                f"; {len(self.missing)} chưa báo cáo: {self.listed(self.missing)}."
                if self.missing
                else "; không có cơ quan chưa báo cáo."
            )
        )

    @property
    def items_line(self) -> str:
        counted = "; ".join(f"{s.lower()}: {n}" for s, n in self.item_counted)
        return f"Tính theo việc (mỗi việc một lần, theo các cơ quan chủ trì), {self.items} việc: {counted}."

    @property
    def pairs_line(self) -> str:
        overdue = self.totals[STATUSES.index(OVERDUE)]
        return (
            f"Tính theo lượt cơ quan – việc (một việc giao nhiều cơ quan tính cho từng cơ quan), {self.total} lượt, "
            f"trong đó {overdue} lượt quá hạn; chi tiết theo cơ quan tại Phụ lục I."
        )

    @property
    def month_line(self) -> str:
        month = self.heading.period_title.lower()
        if not self.changed:
            return f"Trong {month}, không cơ quan nào báo cáo mới hoàn thành việc được giao."
        return (
            f"Trong {month}, các cơ quan báo cáo mới hoàn thành {len(self.changed)} việc "
            f"(chi tiết tại Phụ lục III); những việc còn lại tiếp tục thực hiện."
        )

    @property
    def next_line(self) -> str:
        carried = f"Đôn đốc hoàn thành {len(self.difficulties)} việc quá hạn nêu tại mục II. " if self.difficulties else ""
        if not self.upcoming:
            return f"{carried}Không có việc đến hạn trong {self.next_title}."
        return f"{carried}Các việc đến hạn trong {self.next_title} ({len(self.upcoming)}):"

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
    return f"Kết quả thực hiện Kế hoạch triển khai {who.known_as} {who.issued_with}, {period_title(period).lower()}"


def province_name(registry, day: str) -> str:
    """The province of a day, as a date line writes it ("Lâm Đồng"): that of the body that carries the
    provincial committee's work that day (plan/successors.yaml)."""
    found, _ = carriers(registry.successions, PROVINCE, day)
    name = registry.by_id[found[0].body if found else PROVINCE].name
    return name.split(" tỉnh ", 1)[1] if " tỉnh " in name else name


def letterhead(registry, agency_id: str, day: str) -> tuple[Letterhead, tuple[str, ...]]:
    """The body's letterhead on a day, and its authority lines: what plan/ records (`letterhead`), blanks
    for the clerk where it records nothing."""
    body = registry.by_id[agency_id]
    drawn = getattr(body, "letterhead", None)
    unknown = []
    if drawn is None or drawn.superior is None:
        superior = FORM.unknown_superior
        unknown.append("cơ quan cấp trên")
    else:
        superior = drawn.superior or None  # false: no line
    if drawn is None or drawn.symbol is None:
        unknown.append("ký hiệu")
    if drawn is None or not drawn.signs:
        unknown.append("chức danh người ký")
    head = Letterhead(
        superior,
        tuple(drawn.lines) if drawn and drawn.lines else (body.name.upper(),),
        drawn.symbol if drawn and drawn.symbol else FORM.blank,
        bool(drawn and drawn.symbol and not drawn.symbol_source),
        province_name(registry, day),
        tuple(unknown),
    )
    return head, tuple(drawn.signs) if drawn and drawn.signs else FORM.head_signs


def _heading(index: ItemIndex, agency_id: str, period: str, day: str, addressees, copies, sample: bool) -> Heading:
    head, signs = letterhead(index.registry, agency_id, day)
    return Heading(
        index.registry.by_id[agency_id].name,
        head,
        _summary_line(index, period),
        addressees,
        copies,
        signs,
        period_title(period),
        sample,
    )


def sentence(text: str, length: int = SENTENCE_LENGTH) -> str:
    """The first sentence of what was reported, cut at a word: the body says each change in one."""
    text = " ".join(text.split())
    first = text.split(". ", 1)[0]
    return shorten(first if first.endswith(".") or first == text else first + ".", length)


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


def _due_text(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def agency_report(index: ItemIndex, progress: Progress, report: Report) -> AgencyReport:
    agency_id, registry = report.agency, index.registry
    uids = progress.reporters.by_agency.get(agency_id, ())
    # Its line's reports up to this one: those of the bodies whose work it carries, or that carry its
    # work, count as its own (plan/successors.yaml), as on the site's pages.
    line = _line_reports(progress, agency_id)
    position = next(i for i, r in enumerate(line) if r is report)
    latest = _latest_entries(line[: position + 1])
    status = _statuses(progress, agency_id, latest, uids)
    before = _statuses(progress, agency_id, _latest_entries(line[:position]), uids)
    rows, changed, difficulties, upcoming, proposals = [], [], [], [], []
    year, month = schedule.next_month(*_month_key(report.period))
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
    heading = _heading(
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


def _carrier(registry, agency_id: str, day: str) -> str:
    """The body that carries a body's work on a day (plan/successors.yaml): UBND tỉnh Lâm Đồng from July 2025."""
    found, _ = carriers(registry.successions, agency_id, day)
    return found[0].body if found else agency_id


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


def _register(progress: Progress, period: str) -> tuple[tuple[str, ...], tuple[RegisterLine, ...]]:
    """Who reported in time in each of the last REGISTER_MONTHS months up to the period (the dashboard's
    register, shortened)."""
    months = [m for m in progress.periods if m <= period][-REGISTER_MONTHS:]
    lines = []
    for agency in progress.index.registry.agencies:
        day = progress.reporters.report_days.get(agency.id)
        if day is None:
            continue
        cells = tuple(month_standing(progress, agency.id, m) for m in months)
        if all(c == NOT_EXPECTED for c in cells):
            continue
        lines.append(RegisterLine(sitemap.agency_link(progress.index.registry, agency.id), day, cells))
    return tuple(period_title(m).removeprefix("Tháng ") for m in months), tuple(lines)


def _reasons(given: list[str]) -> str:
    """An overdue item's reasons in the consolidated report: the first REASONS_SHOWN distinct ones."""
    distinct = list(dict.fromkeys(sentence(r, SHORT_LENGTH) for r in given if r))
    more = len(distinct) - REASONS_SHOWN
    return "; ".join(distinct[:REASONS_SHOWN]) + (f" (và {more} lý do khác)" if more > 0 else "")


def month_summary(index: ItemIndex, progress: Progress, period: str) -> MonthSummary:
    registry, reporters = index.registry, progress.reporters
    tallies, statuses, late = [], {}, {}
    for agency in registry.agencies:
        uids = reporters.by_agency.get(agency.id)
        standing = month_standing(progress, agency.id, period)
        if not uids or standing == NOT_EXPECTED:
            continue  # nothing to report on, or not there that month
        latest = _latest_entries([r for r in _line_reports(progress, agency.id) if r.period <= period])
        status = statuses[agency.id] = _statuses(progress, agency.id, latest, uids)
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
                late.setdefault(uid, []).append((agency.id, entry.difficulties or entry.proposals or ""))
    # Each item once, with its leads' overall status that month: the dashboard's rule (progress.status),
    # a lead's status being that of its line of work (the body that carries its work that month reports it).
    day = f"{period}-28"
    for agency_id in {
        a for uid, agencies in reporters.by_item.items() if agencies for a in reporters.leads(index.by_uid[uid])
    }:
        if agency_id not in statuses and (registry.exists_on(agency_id, day) or registry.heirs.get(agency_id)):
            latest = _latest_entries([r for r in _line_reports(progress, agency_id) if r.period <= period])
            statuses[agency_id] = _statuses(progress, agency_id, latest, reporters.by_agency.get(agency_id, ()))
    overall = {}
    for uid, agencies in reporters.by_item.items():
        if agencies:
            leads = [a for a in reporters.leads(index.by_uid[uid]) if a in statuses]
            overall[uid] = status_overall([statuses[a][uid] for a in leads])
    year, month = schedule.next_month(*_month_key(period))
    who = {a: registry.identities(a) for a in reporters.by_agency}  # what binds each body (schedule.applies_to)
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
    changes = progress.changes.get(period)
    done: dict[str, list[Change]] = {}
    for change in changes.done if changes else []:
        done.setdefault(change.uid, []).append(change)
    changed = tuple(
        MonthChange(
            sitemap.item_link(index.by_uid[uid]),
            shorten(index.by_uid[uid].text, SHORT_LENGTH),
            DONE,
            sentence(found[0].entry.result) if found[0].entry.result else "",
            ", ".join(registry.by_id[c.report.agency].name for c in found),
        )
        for uid, found in sorted(done.items(), key=lambda pair: index.order.get(pair[0]))
    )
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
    issuer = _carrier(registry, PROVINCE, f"{period}-01")
    heading = _heading(index, issuer, period, f"{period}-01", SUMMARY_ADDRESSEES, SUMMARY_COPIES, progress.sample)
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
        changed,
        tuple(difficulties),
        f"tháng {month}/{year}",
        tuple(upcoming),
        proposals,
        months,
        register,
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
