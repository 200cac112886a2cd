"""Reading progress/: one report per agency and month, each checked against the plan (reportcheck), every
problem with its file, line and a hint, and the folder's layout checked as well (month folders, agency files)."""

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cached_property, partial
from pathlib import Path

from plannav.buildcache import BuildCache
from plannav.keys import digest
from plannav.problems import Problem
from plannav.progress.models import ReportFile
from plannav.progress.reportcheck import display_path, load_report
from plannav.progress.reporters import Reporters
from plannav.progress.status import Report
from plannav.textfile import read_text
from plannav.yamlparse import load_checked

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


def _display_in(folder: str, name: str) -> str:
    """How a report file is named in messages: '2026-10/x.yaml' under the progress folder as display_path
    names it (worked out once per folder: some hundreds of reports)."""
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

    @cached_property
    def by_agency(self) -> dict[str, str]:
        """Of each agency's files (<month>/<agency-id>.yaml), names and texts: what a page that read its
        reports was made from (pagereads)."""
        files: dict[str, list[str]] = {}
        for name, text in self.texts.items():
            files.setdefault(Path(name).stem, []).append(f"{name}\n{text}")
        return {agency: digest(*texts) for agency, texts in files.items()}


def read_progress_files(progress_dir) -> ProgressFiles:
    """Every report file's text under progress_dir (missing or empty: none), and what stands in the way."""
    progress_dir = Path(progress_dir)
    if not progress_dir.is_dir():
        return ProgressFiles(str(progress_dir), {})
    texts, problems, shown = {}, [], display_path(progress_dir)
    for folder in sorted(progress_dir.iterdir()):
        if folder.name in IGNORED or folder.name.startswith("."):
            continue
        if not folder.is_dir() or not _PERIOD.match(folder.name):
            problems.append(
                Problem.of_file(
                    display_path(folder),
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
                    Problem.of_file(
                        display_path(path), "not a report file", "name reports <agency-id>.yaml", "progress-layout"
                    )
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
    reports, problems, shown = [], list(files.problems), display_path(Path(files.folder))
    results = (cache or BuildCache(None)).results(REPORTS, plan_digest, files.digest, recent=True)

    def read(name: str, text: str) -> tuple[Report | None, list[Problem]]:
        path, period = Path(files.folder) / name, name.split("/")[0]
        return (_read_checked(path, text, period), []) if checked else load_report(path, text, period, reporters)

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
    """All that a report found clean depends on: its file's name and text, and what load_report asks of
    the plan for it (the body exists, whether it was there that month, the items it reports on, the day the
    plan was decided). A report with a problem is never kept, so the problems' wording need not be."""
    period, agency_id = name.split("/")[0], Path(name).stem
    registry = reporters.index.registry
    there = agency_id in registry.by_id and registry.absent_in(agency_id, period)
    return name, text, there, reporters.by_agency.get(agency_id), reporters.index.identity.date


def _read_checked(path: Path, text: str, period: str) -> Report:
    report_file = ReportFile.model_validate(load_checked(text))
    entries = {entry.item: entry for entry in report_file.entries}
    date = dt.date.fromisoformat(report_file.date)
    return Report(path.stem, period, date, report_file.number, entries, display_path(path))
