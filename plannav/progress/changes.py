"""What changed in each month's reports since the same agency's earlier ones: items newly done, newly
overdue, and difficulties newly reported (a text that differs from the agency's last one on the item).

A change is counted in the month of the report that shows it. An agency's first report is its
starting point, not a change: there is nothing to compare it with. After that, its first entry on an
item is compared with nothing: what it reports done or overdue then is new.
"""

from dataclasses import dataclass, field

from plannav.progress.models import Entry
from plannav.progress.status import DONE, DONE_LATE, OVERDUE, Progress, Report

FINISHED = (DONE, DONE_LATE)


@dataclass(frozen=True)
class Change:
    uid: str
    report: Report
    entry: Entry
    status: str  # as of the report's date, derived
    before: str  # the status the agency's previous entry on the item gave; "" for its first


@dataclass
class PeriodChanges:
    first: list[str] = field(default_factory=list)  # agencies whose first report this is
    done: list[Change] = field(default_factory=list)
    overdue: list[Change] = field(default_factory=list)
    difficulties: list[Change] = field(default_factory=list)


def changes_by_period(progress: Progress, agencies) -> dict[str, PeriodChanges]:
    """{YYYY-MM: its changes}, for the months that have reports; agencies in the order pages list them."""
    out: dict[str, PeriodChanges] = {}
    for agency_id in agencies:
        last: dict[str, tuple[str, Entry]] = {}  # item -> (status, entry) of the agency's previous report on it
        for number, report in enumerate(progress.reports_of(agency_id)):
            month = out.setdefault(report.period, PeriodChanges())
            if number == 0:
                month.first.append(agency_id)
            for uid, entry in report.entries.items():
                status = progress.entry_status(uid, agency_id, report, entry)
                before, previous = last.get(uid, ("", None))
                last[uid] = (status, entry)
                if number == 0:
                    continue
                change = Change(uid, report, entry, status, before)
                if status in FINISHED and before not in FINISHED:
                    month.done.append(change)
                if status == OVERDUE and before != OVERDUE:
                    month.overdue.append(change)
                if entry.difficulties and (previous is None or previous.difficulties != entry.difficulties):
                    month.difficulties.append(change)
    return out
