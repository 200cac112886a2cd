"""Statuses as of a date: each item's per reporting agency, from its latest report, and overall. Or by month,
as the drafted monthly reports take them: from the reports for the month and the months before, whenever sent.

Typed statuses come from the reports; the site derives the rest, and nobody types them:
- Chưa báo cáo: no report of the agency has the item yet;
- Quá hạn: not done, and a due day that binds the agency passed before the report's date;
- Hoàn thành quá hạn: done after that day.
Only a deadline that means "due" has such a day (models.deadlines: `means`): a start date ("từ ngày
01/6/2022": the work begins then and goes on), a recurring, continuous or conditional deadline has
none, and their status is the period's. A staged deadline binds each body by the stage of its level.

An item's overall status is its leads' (every reporting body that a lead names or that a leading group
lists; all its reporters where the decision names no lead; not a body that ended with no one recorded to
carry its work, Progress.ceased): Không thực hiện when every one of them says
so; Hoàn thành (quá hạn, if any was late) when every one of them is done; else Quá hạn when one is
overdue; Đang thực hiện when one is under way or done; Chưa triển khai when one has reported; Chưa
báo cáo when none has.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from plannav import schedule
from plannav.items import ActionItem
from plannav.progress.models import DONE, IN_PROGRESS, NOT_DONE, NOT_STARTED, Entry

# What a page's view reads of the reports (Progress.reading), besides the agencies' reports it names (their ids):
EVERY_REPORT = "*"  # all of them (a month's reports, the dashboard)
MONTHS = "months"  # the months from the first report's to the as-of date's (Progress.periods)
AS_OF = "as-of"  # the as-of date itself (printed: "tình hình đến ngày ...")
BODIES = "bodies"  # which bodies ceased by the as-of date, and who carries whose work then (Progress.ceased)

OVERDUE, DONE_LATE, NOT_REPORTED = "Quá hạn", "Hoàn thành quá hạn", "Chưa báo cáo"
# Every status, in the order the site lists them: least advanced first.
STATUSES = (NOT_REPORTED, NOT_STARTED, OVERDUE, IN_PROGRESS, DONE_LATE, DONE, NOT_DONE)
# Each status as a word without spaces: the value of the tables' status filter and the class of its colour.
STATUS_SLUGS = dict(
    zip(STATUSES, ("not-reported", "not-started", "overdue", "in-progress", "done-late", "done", "not-done"), strict=True)
)


@dataclass(frozen=True)
class Report:
    """One agency's report for one month, as loaded."""

    agency: str
    period: str  # YYYY-MM
    date: dt.date
    number: str | None
    entries: dict[str, Entry]  # item uid -> entry
    file: str  # where it was read from


@dataclass(frozen=True)
class Reported:
    """An item's status for one agency as of a date, and the report and entry it comes from."""

    status: str
    report: Report | None = None
    entry: Entry | None = None


def due_day(item: ActionItem, identities, level: str = "province") -> dt.date | None:
    """The last day allowed by the item's due deadlines that bind the agency (a staged one: the stage of
    its level); None where it has none: a start date, a recurring, continuous or conditional deadline is
    no day to be late after (the status rule in EDITING.md)."""
    days = [day for d in item.deadlines if schedule.applies_to(d, identities) for day in schedule.due_days(d, level)]
    return max(days) if days else None


def derived(entry: Entry | None, report_date: dt.date | None, due: dt.date | None) -> str:
    """The status shown for one agency's latest entry on an item."""
    if entry is None:
        return NOT_REPORTED
    if entry.status == DONE:
        return DONE_LATE if due and dt.date.fromisoformat(entry.completed) > due else DONE
    if entry.status in (NOT_STARTED, IN_PROGRESS) and due and report_date > due:
        return OVERDUE
    return entry.status


def overall(statuses: list[str]) -> str:
    """An item's status from its leads' statuses (see the module's docstring)."""
    if not statuses or all(s == NOT_REPORTED for s in statuses):
        return NOT_REPORTED
    if all(s == NOT_DONE for s in statuses):
        return NOT_DONE
    if all(s in (DONE, DONE_LATE, NOT_DONE) for s in statuses):
        return DONE_LATE if DONE_LATE in statuses else DONE
    if OVERDUE in statuses:
        return OVERDUE
    if any(s in (IN_PROGRESS, DONE, DONE_LATE) for s in statuses):
        return IN_PROGRESS
    return NOT_STARTED


def in_order(tally: Counter) -> tuple[int, ...]:
    """A tally of statuses as its counts in STATUSES' order: the columns of every table of counts."""
    return tuple(tally[s] for s in STATUSES)


class Progress:
    """The reports of every agency, read as of one date: the latest report date, or a date given; or read by
    month (`period`, see for_period)."""

    def __init__(
        self,
        index,
        reporters,
        reports: list[Report],
        as_of: dt.date | None = None,
        sample: bool = False,
        dues: dict | None = None,
        after: "Progress | None" = None,
        period: str | None = None,
    ):
        """dues: the due days another Progress of the same plan worked out (they do not depend on the date);
        after: a Progress of the same reports as of an earlier day, whose reading this one goes on from;
        period (YYYY-MM): read the reports for that month and the months before, whatever their date (a report
        for October sent in November counts for October), as of the month's 28th: the bodies still there."""
        self.index, self.reporters, self.sample = index, reporters, sample
        self._reports = sorted(reports, key=lambda r: (r.date, r.period, r.agency))
        self.as_of_given = as_of  # None: the latest report's date, which reads every report
        as_of = dt.date.fromisoformat(f"{period}-28") if period else as_of
        self._as_of = as_of or max((r.date for r in self._reports), default=None)
        self.has_reports = bool(self._reports)  # whether a report is in (SiteFacts.reports_exist: in every page's key)
        # While a page's view is worked out, what it reads of the reports: agency ids, EVERY_REPORT, MONTHS,
        # AS_OF, BODIES (pagereads); the plan and whether the reports are made up are in every page's key.
        self.reading: set[str] | None = None
        self._leads_read: dict[str, frozenset[str]] = {}
        self._latest: dict[tuple[str, str], tuple[Report, Entry]] = {}
        self._by_agency: dict[str, list[Report]] = {}  # each agency's reports read, oldest first
        self._statuses: dict[tuple[str, str], Reported] = {}  # asked for on many pages: worked out once
        self._due: dict[tuple[str, str], dt.date | None] = {} if dues is None else dues  # (agency, item) -> due_day
        self._overall: dict[str, str] = {}  # item -> its overall status
        self._ceased: dict[str, bool] = {}  # agency -> whether it ended by the as-of day with no one to carry on
        earlier = after._as_of if after else None
        if after:
            self._latest = dict(after._latest)
            self._by_agency = {agency: list(reports) for agency, reports in after._by_agency.items()}
        for report in self._reports:  # in date order: a later report of an item replaces an earlier one
            read = report.period <= period if period else self._as_of and report.date <= self._as_of
            if read and (earlier is None or report.date > earlier):
                self._by_agency.setdefault(report.agency, []).append(report)
                # A body and those whose work it carries, or that carry its work, are one line of work
                # (plan/successors.yaml): what one reports on an item stands for the others too.
                for uid, entry in report.entries.items():
                    for member in reporters.line_of(report.agency, uid):
                        self._latest[(member, uid)] = (report, entry)

    def note(self, *read: str) -> None:
        """While a page's view is worked out (`reading`), note what it reads of the reports."""
        if self.reading is not None:
            self.reading.update(read)

    def _leads_lines(self, uid: str) -> frozenset[str]:
        """What an item's overall status reads: its leads' lines of work (item_status), worked out once."""
        if uid not in self._leads_read:
            leads = self.reporters.leads(self.index.by_uid[uid])
            self._leads_read[uid] = frozenset().union(*(self.reporters.line_of(a, uid) for a in leads))
        return self._leads_read[uid]

    @property
    def as_of(self) -> dt.date | None:
        """The day the statuses are taken at: the date given, or the latest report's."""
        self.note(AS_OF)
        return self._as_of

    @property
    def reports(self) -> list[Report]:
        """Every report read, in date order."""
        self.note(EVERY_REPORT)
        return self._reports

    def for_period(self, period: str) -> "Progress":
        """The reports this Progress reads, read by month (the drafted monthly reports' statuses of a month)."""
        self.note(EVERY_REPORT)
        read = [report for reports in self._by_agency.values() for report in reports]
        return Progress(self.index, self.reporters, read, sample=self.sample, dues=self._due, period=period)

    def on(self, day: dt.date, after: "Progress | None" = None) -> "Progress":
        """The same reports read as of an earlier day, going on from `after`'s reading (of a day before it) where
        given: the dashboard's trend, month after month."""
        self.note(EVERY_REPORT)
        return Progress(
            self.index, self.reporters, self._reports, as_of=day, sample=self.sample, dues=self._due, after=after
        )

    def reports_of(self, agency_id: str) -> list[Report]:
        """The agency's reports up to the as-of date (or for the month and before), oldest first."""
        self.note(agency_id)
        return self._by_agency.get(agency_id, [])

    @property
    def periods(self) -> list[str]:
        """Every month from the first report's to the as-of date's (YYYY-MM); none until a report is in."""
        self.note(MONTHS)
        return self._periods

    @cached_property
    def _periods(self) -> list[str]:
        if not self._reports or self._as_of is None:
            return []
        return schedule.months_between(min(r.period for r in self._reports), f"{self._as_of:%Y-%m}")

    @cached_property
    def _by_period(self) -> dict[str, list[Report]]:
        out: dict[str, list[Report]] = {}
        for agency in self.index.registry.agencies:
            for report in self._by_agency.get(agency.id, []):
                out.setdefault(report.period, []).append(report)
        return out

    def month_reports(self, period: str) -> list[Report]:
        """The agencies' reports for the month up to the as-of date, in the registry's order."""
        self.note(EVERY_REPORT)
        return self._by_period.get(period, [])

    def sent_on(self, agency_id: str, period: str) -> dt.date | None:
        """The date of the agency's first report for the month; None if it sent none."""
        return next((r.date for r in self.reports_of(agency_id) if r.period == period), None)

    def shown(self, uid: str, agency_id: str | None = None) -> str:
        """The status a page or a download shows: the agency's own (or the item's overall, without one);
        "" before any report is in, or where the agency, or everyone, has nothing to report on the item."""
        reporting = self.reporters.by_item[uid]
        if not self.has_reports or not reporting or (agency_id is not None and agency_id not in reporting):
            return ""
        return self.item_status(uid) if agency_id is None else self.status(uid, agency_id).status

    def status(self, uid: str, agency_id: str) -> Reported:
        if self.reading is not None:  # asked some 30,000 times a build: its line of work (Reporters.line_of)
            self.reading.update(self.reporters.line_of(agency_id, uid))
        key = (agency_id, uid)
        if key not in self._statuses:
            found = self._latest.get(key)
            if found is None:
                self._statuses[key] = Reported(NOT_REPORTED)
            else:
                report, entry = found
                self._statuses[key] = Reported(self.entry_status(uid, agency_id, report, entry), report, entry)
        return self._statuses[key]

    def due(self, uid: str, agency_id: str) -> dt.date | None:
        """The day after which the agency is late on the item (due_day, at the agency's level)."""
        key = (agency_id, uid)
        if key not in self._due:
            registry = self.index.registry
            level = schedule.level_of(registry.by_id[agency_id].kind)
            self._due[key] = due_day(self.index.by_uid[uid], registry.identities(agency_id), level)
        return self._due[key]

    def entry_status(self, uid: str, agency_id: str, report: Report, entry: Entry) -> str:
        """The status one entry of a report gives, as of that report's date."""
        return derived(entry, report.date, self.due(uid, agency_id))

    def tally(self, agency_id: str) -> Counter:
        """The agency's items by their status as of the date (the dashboard's row, the agency's page)."""
        self.note(agency_id)  # and each item's line, through status
        return Counter(self.status(uid, agency_id).status for uid in self.reporters.by_agency.get(agency_id, ()))

    def not_updated(self, uid: str, agency_id: str) -> str:
        """The month of the agency's latest report where that report left an open item blank, having
        reported on it before: its status stands from the earlier report, "not updated this period".
        Else "" (a done or dropped item needs no more reports)."""
        if self.reading is not None:  # whether the agency's line reported on it, as status reads
            self.reading.update(self.reporters.line_of(agency_id, uid))
        reports = self.reports_of(agency_id)
        if not reports or uid in reports[-1].entries or (agency_id, uid) not in self._latest:
            return ""
        return "" if self.status(uid, agency_id).status in (DONE, DONE_LATE, NOT_DONE) else reports[-1].period

    def item_status(self, uid: str) -> str:
        if self.reading is not None:  # and whether each lead ceased (Progress.ceased)
            self.reading.update(self._leads_lines(uid))
            self.reading.add(BODIES)
        if uid not in self._overall:  # every row of every table shows it: worked out once
            leads = [a for a in self.reporters.leads(self.index.by_uid[uid]) if not self.ceased(a)]
            self._overall[uid] = overall([self.status(uid, agency).status for agency in leads])
        return self._overall[uid]

    def ceased(self, agency_id: str) -> bool:
        """Whether the body ended by the as-of day with no one recorded to carry its work (the districts, since
        01/07/2025): what it did not report is counted against no one."""
        self.note(BODIES)
        if agency_id not in self._ceased:  # asked for each lead of each item: worked out once
            registry = self.index.registry
            day = self._as_of.isoformat() if self._as_of else None
            ended = bool(day) and not registry.exists_on(agency_id, day)
            self._ceased[agency_id] = ended and not registry.heirs.get(agency_id)
        return self._ceased[agency_id]

    def history(self, uid: str, agency_id: str) -> list[tuple[Report, Entry]]:
        """Every report of the agency on the item up to the as-of date, oldest first."""
        self.note(agency_id)
        return [(r, r.entries[uid]) for r in self._by_agency.get(agency_id, ()) if uid in r.entries]
