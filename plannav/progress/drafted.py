"""The drafted monthly reports as plain data: an agency's report and the consolidated report of a month,
each a short body (results, difficulties, next month's work, proposals) and the full tables as appendices.
The Word writer (exports/wordreport.py) and the page templates print these same objects, so the document
and the page cannot disagree; the sentences they share are worked out here. Built by progress.drafting."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from plannav.progress.letterhead import FORM, Heading
from plannav.progress.months import LATE, MISSING
from plannav.progress.status import NOT_DONE, OVERDUE, STATUSES, in_order
from plannav.sitemap import Link


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
        return _next_line(carried, self.next_title, self.upcoming)


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
        return _next_line(carried, self.next_title, self.upcoming)

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


def _next_line(carried: str, next_title: str, upcoming: tuple) -> str:
    """Section III's opening, for an agency's report and the consolidated one: the overdue work carried, then
    what falls due next month."""
    if not upcoming:
        return f"{carried}Không có việc đến hạn trong {next_title}."
    return f"{carried}Các việc đến hạn trong {next_title} ({len(upcoming)}):"
