"""One report file checked against the plan: the body it is from, the month it is for, its date and each
of its entries, every problem with its line and a hint. `make check`, the build and the importer all
check a report here."""

import datetime as dt
import os
from pathlib import Path

from pydantic import ValidationError

from plannav import schedule
from plannav.problems import Problem, did_you_mean
from plannav.progress.models import REPORT_SCHEMA, ReportFile, entry_rule_problems
from plannav.progress.reporters import Reporters
from plannav.progress.status import Report
from plannav.succession import carriers
from plannav.textfile import checked_text
from plannav.validation import problems_from
from plannav.yamlsource import parse_source


def display_path(path: Path) -> str:
    """How a file is named in messages: from the working folder where it lies under it, else in full."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def check_report_text(raw: bytes, path: Path, period: str, reporters: Reporters) -> tuple[Report | None, list[Problem]]:
    """The report a file at `path` holding `raw` would be, and every problem `make check` would find in it:
    the text's own (size, encoding, characters), then the report's. The importer runs this on the file it
    would write, before writing it."""
    text, problems = checked_text(raw, display_path(path))
    if text is None:
        return None, problems
    return load_report(path, text, period, reporters)


def load_report(path: Path, text: str, period: str, reporters: Reporters) -> tuple[Report | None, list[Problem]]:
    display, agency_id = display_path(path), path.stem
    registry = reporters.index.registry
    if agency_id not in registry.by_id:
        hint = did_you_mean(agency_id, registry.by_id, "name the file after an agency id of plan/agencies.yaml")
        return None, [Problem.of_file(display, f"unknown agency '{agency_id}'", hint, "unknown-agency")]
    if agency_id not in reporters.by_agency:
        return None, [
            Problem.of_file(
                display,
                f"'{agency_id}' reports on no item of the plan",
                "reports come from the bodies the plan gives work to",
                "not-a-reporter",
            )
        ]
    early = _period_problems(display, period, reporters)
    source, problems = parse_source(text, display)
    if problems or source.data is None:
        return None, early + problems
    try:
        report_file = ReportFile.model_validate(source.data)
    except ValidationError as err:
        return None, early + problems_from(err, ReportFile, source, schema=REPORT_SCHEMA)
    problems = early + _check(report_file, agency_id, period, reporters, source)
    if problems:
        return None, problems
    date = dt.date.fromisoformat(report_file.date)
    entries = {entry.item: entry for entry in report_file.entries}
    return Report(agency_id, period, date, report_file.number, entries, display), []


def _period_problems(display: str, period: str, reporters: Reporters) -> list[Problem]:
    """A month folder before the plan was decided (a mistyped year): the month's own problem, found
    whatever the file holds."""
    decided = reporters.index.identity.date
    if period >= f"{decided:%Y-%m}":
        return []
    return [
        Problem.of_file(
            display,
            f"a report for {period}, before the plan was decided ({decided:%m/%Y})",
            f"check the month folder's year: reports start in {decided:%Y-%m}",
            "period-before-plan",
        )
    ]


# How to put right, in a report file, what breaks a rule of models.entry_rule_problems.
_FILE_HINTS = {
    "completed-missing": "add `completed: YYYY-MM-DD`",
    "completed-not-done": "set status: Hoàn thành, or remove `completed`",
    "completed-after-report": "a report tells what was done by its date",
    "completed-before-plan": "check the year: work under the plan is done after it was decided",
    "reason-missing": "say why in `difficulties` or `proposals`",
}


def absence(reporters: Reporters, agency_id: str, period: str) -> tuple[str, str] | None:
    """(message, hint) where the body was not there in the month the report is for (plan/successors.yaml):
    formed later, or its work carried by another body by then. None where it was there."""
    registry = reporters.index.registry
    found = registry.absent_in(agency_id, period)
    if found is None:
        return None
    why, day = found
    if why == "formed":
        return (
            f"'{agency_id}' was formed on {day}, after {period}",
            "a month before it was formed is its predecessors' to report",
        )
    heirs = [c.body for c in carriers(registry.successions, agency_id, f"{period}-01")[0]]
    hint = (
        f"from {day} its work is carried by {' and '.join(heirs)}: report as that body" if heirs else "it had ceased by then"
    )
    return f"'{agency_id}' no longer existed in {period} (since {day})", hint


def _check(report: ReportFile, agency_id: str, period: str, reporters: Reporters, source) -> list[Problem]:
    problems = []
    gone = absence(reporters, agency_id, period)
    if gone:
        problems.append(source.problem((), *gone, "not-there-that-month"))
    first = dt.date.fromisoformat(f"{period}-01")
    decided = reporters.index.identity.date
    last = schedule.month_end(*schedule.next_month(first.year, first.month))  # within the month or the next
    date = dt.date.fromisoformat(report.date)
    if not first <= date <= last:
        problems.append(
            source.problem(
                ("date",),
                f"a report for {period} dated {report.date}",
                f"date it within {period} or the month after",
                "report-date",
            )
        )
    mine, seen = reporters.by_agency[agency_id], {}
    for i, entry in enumerate(report.entries):
        path = ("entries", i)
        if entry.item not in reporters.index.by_uid:
            problems.append(
                source.problem(
                    path + ("item",),
                    f"unknown item '{entry.item}'",
                    did_you_mean(entry.item, mine, "use the Mã column of the agency's form"),
                    "unknown-item",
                )
            )
            continue
        if entry.item not in mine:
            problems.append(
                source.problem(
                    path + ("item",),
                    f"'{entry.item}' is not '{agency_id}''s to report on",
                    "report only on the items of the agency's form",
                    "not-its-item",
                )
            )
        if entry.item in seen:
            problems.append(
                source.problem(
                    path + ("item",),
                    f"'{entry.item}' is reported twice (first at line {source.line_of(('entries', seen[entry.item]))})",
                    "keep one entry",
                    "duplicate-entry",
                )
            )
        seen.setdefault(entry.item, i)
        completed = dt.date.fromisoformat(entry.completed) if entry.completed else None
        has_reason = bool(entry.difficulties or entry.proposals)
        rules = entry_rule_problems(entry.status, completed, date, has_reason, dt.date.isoformat, decided)
        for code, wrong, message in rules:
            where = ("completed",) if wrong == "completed" and entry.completed else ("status",)
            problems.append(source.problem(path + where, message, _FILE_HINTS[code], code))
    return problems
