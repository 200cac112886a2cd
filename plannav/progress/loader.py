"""Reading progress/: one report per agency and month, each checked against the plan, every problem
with its file, line and a hint, and the folder's layout checked as well (month folders, agency files)."""

import datetime as dt
import os
import re
from dataclasses import dataclass, replace
from functools import cached_property, partial
from pathlib import Path

from pydantic import ValidationError

from plannav import schedule
from plannav.buildcache import BuildCache, digest
from plannav.problems import Problem, did_you_mean
from plannav.progress.models import REPORT_SCHEMA, ReportFile, entry_rule_problems
from plannav.progress.reporters import Reporters
from plannav.progress.status import Report
from plannav.succession import carriers
from plannav.textfile import checked_text, read_text
from plannav.validation import problems_from
from plannav.yamlsource import load_checked, parse_source

_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# A file of this name in progress/ marks its reports as made up, for tests and demonstrations: every
# page of a site built from them says so.
SAMPLE_MARKER = "DU-LIEU-MAU"
IGNORED = {"README.md", "schema", SAMPLE_MARKER}  # beside the month folders
REPORTS = "reports"  # the build cache's folder of reports read and found clean


@dataclass(frozen=True)
class Notice:
    label: str
    text: str


# What every page of a site built from made-up reports says, in its banner.
SAMPLE_NOTICE = Notice(
    "DỮ LIỆU MẪU",
    "các báo cáo tiến độ trên trang này là giả định, dùng để thử nghiệm; không phải báo cáo thật của cơ quan nào.",
)


def _display(path: Path) -> str:
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _display_in(folder: str, name: str) -> str:
    """How a report file is named in messages: '2026-10/x.yaml' under the progress folder as _display names it
    (worked out once per folder: some hundreds of reports)."""
    return name if folder == "." else f"{folder}/{name}"


@dataclass(frozen=True)
class ProgressFiles:
    """The report files' texts, read once, like the plan's (loader.PlanFiles)."""

    folder: str
    texts: dict[str, str | None]  # "2026-10/so-tu-phap.yaml" -> its text (None: unreadable, said in problems)
    problems: tuple[Problem, ...] = ()  # what is wrong with the folder's layout or a file's text
    sample: bool = False  # made-up reports (SAMPLE_MARKER): the site says so on every page

    @cached_property
    def digest(self) -> str:
        """Of the names and texts, in the order read: the reports' part of the build cache's keys."""
        return digest(*(f"{name}\n{text}" for name, text in self.texts.items()))


def read_progress_files(progress_dir) -> ProgressFiles:
    """Every report file's text under progress_dir (missing or empty: none), and what stands in the way."""
    progress_dir = Path(progress_dir)
    if not progress_dir.is_dir():
        return ProgressFiles(str(progress_dir), {})
    texts, problems, shown = {}, [], _display(progress_dir)
    for folder in sorted(progress_dir.iterdir()):
        if folder.name in IGNORED or folder.name.startswith("."):
            continue
        if not folder.is_dir() or not _PERIOD.match(folder.name):
            problems.append(
                Problem.of_file(
                    _display(folder),
                    "not a month folder of reports",
                    "reports go in progress/<YYYY-MM>/<agency-id>.yaml",
                    "progress-layout",
                )
            )
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith("."):
                continue  # an editor's lock or backup file
            if path.suffix != ".yaml":
                problems.append(
                    Problem.of_file(_display(path), "not a report file", "name reports <agency-id>.yaml", "progress-layout")
                )
                continue
            name = f"{folder.name}/{path.name}"
            text, found = read_text(path, _display_in(shown, name))
            problems += found
            texts[name] = text
    return ProgressFiles(str(progress_dir), texts, tuple(problems), (progress_dir / SAMPLE_MARKER).exists())


def load_progress(progress_dir, reporters: Reporters) -> tuple[list[Report], list[Problem]]:
    """Every report under progress_dir and every problem found in them."""
    return load_progress_files(read_progress_files(progress_dir), reporters)


def load_progress_files(
    files: ProgressFiles,
    reporters: Reporters,
    checked: bool = False,
    cache: BuildCache | None = None,
    plan_digest: str = "",
) -> tuple[list[Report], list[Problem]]:
    """The reports and every problem in them. checked: another process of the same build reads and
    checks the same files, and stops this one at its first problem; here they are only read, without
    the line of every value, and nothing is kept. cache: a report read and found clean by an earlier
    build is taken from there: by name for the same plan (plan_digest) and files, else by what its
    cleanness depends on (_report_inputs), so that a plan edit reads again only the reports it concerns."""
    reports, problems, shown = [], list(files.problems), _display(Path(files.folder))
    results = (cache or BuildCache(None)).results(REPORTS, plan_digest, files.digest)

    def read(name: str, text: str) -> tuple[Report | None, list[Problem]]:
        path, period = Path(files.folder) / name, name.split("/")[0]
        return (_read_checked(path, text, period), []) if checked else _load_report(path, text, period, reporters)

    for name, text in files.texts.items():
        if text is None:
            continue
        inputs = partial(_report_inputs, reporters, name, text)
        report, found = results.memo(name, inputs, partial(read, name, text), keep=lambda made: not checked and not made[1])
        problems += found
        if report:
            reports.append(replace(report, file=_display_in(shown, name)))
    if not checked:
        results.save()  # the clean ones: a build stopped by one report reads the others no more
    return reports, problems


def _report_inputs(reporters: Reporters, name: str, text: str) -> tuple:
    """All that a report found clean depends on: its file's name and text, and what _load_report asks of
    the plan for it (the body exists, whether it was there that month, the items it reports on, the day the
    plan was decided). A report with a problem is never kept, so the problems' wording need not be."""
    period, agency_id = name.split("/")[0], Path(name).stem
    registry = reporters.index.registry
    there = agency_id in registry.by_id and registry.absent_in(agency_id, period)
    return name, text, there, reporters.by_agency.get(agency_id), reporters.index.identity.date


def check_report_text(raw: bytes, path: Path, period: str, reporters: Reporters) -> tuple[Report | None, list[Problem]]:
    """The report a file at `path` holding `raw` would be, and every problem `make check` would find in it:
    the text's own (size, encoding, characters), then the report's. The importer runs this on the file it
    would write, before writing it."""
    text, problems = checked_text(raw, _display(path))
    if text is None:
        return None, problems
    return _load_report(path, text, period, reporters)


def _load_report(path: Path, text: str, period: str, reporters: Reporters) -> tuple[Report | None, list[Problem]]:
    display, agency_id = _display(path), path.stem
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


def _read_checked(path: Path, text: str, period: str) -> Report:
    report_file = ReportFile.model_validate(load_checked(text))
    entries = {entry.item: entry for entry in report_file.entries}
    date = dt.date.fromisoformat(report_file.date)
    return Report(path.stem, period, date, report_file.number, entries, _display(path))


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
