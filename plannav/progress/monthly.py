"""The monthly reports of one state of the reports, each worked out once and handed to what prints them: the
changes of each month (progress.changes) and the drafted reports (progress.drafting). Built beside the
Progress by the site model: the Progress itself knows nothing of what is made from it."""

from functools import cached_property

from plannav.progress.changes import PeriodChanges, changes_by_period
from plannav.progress.drafted import AgencyReport, MonthSummary
from plannav.progress.drafting import agency_report, month_summary
from plannav.progress.status import Progress, Report


class MonthlyReports:
    """The month pages, the drafted reports' pages, their Word documents and the documents' keys in the build
    cache all print the objects made here, once each."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self._agency: dict[str, AgencyReport] = {}
        self._summary: dict[str, MonthSummary] = {}

    @cached_property
    def changes(self) -> dict[str, PeriodChanges]:
        """Each month's changes since the agencies' earlier reports, agencies in the registry's order."""
        return changes_by_period(self.progress, [a.id for a in self.progress.index.registry.agencies])

    def agency(self, report: Report) -> AgencyReport:
        if report.file not in self._agency:  # a report is known by its file
            self._agency[report.file] = agency_report(self.progress.index, self.progress, report)
        return self._agency[report.file]

    def summary(self, period: str) -> MonthSummary:
        if period not in self._summary:
            made = month_summary(self.progress.index, self.progress, period, self.changes.get(period))
            self._summary[period] = made
        return self._summary[period]
