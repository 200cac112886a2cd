"""Importing a filled report form into progress/<YYYY-MM>/<agency-id>.yaml.

The file is refused before it is opened unless it is a real .xlsx of sane size (no macros, no zip
bomb); its values are read, never its formulas evaluated; every problem is listed with its Sheet!Cell;
and nothing is written unless the whole form is clean. An existing report of the same agency and
month is replaced only when asked.
"""

import datetime as dt
import os
import tempfile
import zipfile
from pathlib import Path

import yaml
from openpyxl import load_workbook

from plannav.problems import Problem
from plannav.progress.form import HEADER_ROW, META_SHEET, READ_ONLY, SHEET, TO_FILL, form_rows
from plannav.progress.models import REPORT_SCHEMA, TYPED_STATUSES, entry_rule_problems
from plannav.progress.reporters import Reporters

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024  # a form of a few hundred rows unzips to well under a megabyte
_KEYS = ("status", "completed", "result", "difficulties", "proposals", "evidence")  # in TO_FILL's order


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def _refuse(file: str, message: str, hint: str, code: str, where: str = "") -> ImportRefused:
    return ImportRefused([Problem(file, 0, where, message, hint, code)])


def _open(path: Path, file: str):
    """The workbook, once the file is known to be a real, sane .xlsx."""
    if path.suffix.lower() != ".xlsx":
        raise _refuse(
            file,
            f"a {path.suffix or 'file without extension'} is not a report form",
            "save the form as Excel Workbook (.xlsx), the format it was downloaded in",
            "not-xlsx",
        )
    try:
        size = path.stat().st_size
    except OSError as err:
        raise _refuse(file, f"cannot be read: {err.strerror or err}", "check the path", "file-unreadable") from None
    if size > MAX_FILE_BYTES:
        raise _refuse(
            file,
            f"{size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit of a form",
            "import the form as downloaded, filled in; nothing else belongs in it",
            "file-too-large",
        )
    if not zipfile.is_zipfile(path):
        raise _refuse(
            file,
            "not an Excel workbook (an .xlsx file is a zip archive)",
            "download the form again and fill it in Excel or LibreOffice",
            "not-xlsx",
        )
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if "xl/workbook.xml" not in names:
            raise _refuse(file, "not an Excel workbook", "download the form again", "not-xlsx")
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise _refuse(file, "holds macros (an .xlsm saved as .xlsx)", "save it as Excel Workbook (.xlsx)", "not-xlsx")
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
            raise _refuse(file, "unpacks to far more than a form can hold", "import the form as downloaded", "zip-bomb")
    try:
        return load_workbook(path, data_only=False)  # formulas stay formulas: they are refused, never evaluated
    except Exception as err:  # openpyxl raises many kinds on a damaged file
        raise _refuse(file, f"cannot be read as a workbook: {err}", "download the form again", "not-xlsx") from None


def read_form(path: Path, reporters: Reporters, report_date: dt.date, file: str | None = None):
    """(agency id, entries) of a filled form; ImportRefused with every problem otherwise."""
    file = file or path.name
    workbook = _open(path, file)
    if META_SHEET not in workbook.sheetnames or SHEET not in workbook.sheetnames:
        raise _refuse(
            file, "not a report form of this site", "download the agency's form from the site's Tải về page", "not-a-form"
        )
    meta = {row[0]: row[1] for row in workbook[META_SHEET].iter_rows(values_only=True) if row and row[0]}
    agency_id = meta.get("agency")
    if agency_id not in reporters.by_agency:
        raise _refuse(
            file,
            f"the form names agency '{agency_id}', which reports on nothing in this plan",
            "download the agency's form again",
            "not-a-form",
            f"{META_SHEET}!B1",
        )
    sheet = workbook[SHEET]
    headers = READ_ONLY + TO_FILL
    found = [sheet.cell(row=HEADER_ROW, column=c).value for c in range(1, len(headers) + 1)]
    if found != [h for h, _ in headers]:
        raise _refuse(
            file,
            "the header row is not the form's",
            "do not move, add or rename columns",
            "form-changed",
            f"{SHEET}!A{HEADER_ROW}",
        )
    expected = {row.uid: row for row in form_rows(reporters.index, reporters, agency_id)}
    problems, entries, seen = [], [], {}

    def at(row: int, column: int) -> str:
        return f"{SHEET}!{sheet.cell(row=row, column=column).coordinate}"

    for r in range(HEADER_ROW + 1, sheet.max_row + 1):
        cells = [sheet.cell(row=r, column=c) for c in range(1, len(headers) + 1)]
        formulas = [c for c in cells if c.data_type == "f"]
        for cell in formulas:
            problems.append(
                Problem(
                    file,
                    0,
                    f"{SHEET}!{cell.coordinate}",
                    "holds a formula",
                    "type the value itself: the form is read, never calculated",
                    "formula",
                )
            )
        if formulas:
            continue
        values = [c.value for c in cells]
        uid = values[0]
        if uid is None and all(v is None for v in values):
            continue
        if uid not in expected:
            problems.append(
                Problem(
                    file,
                    0,
                    at(r, 1),
                    f"'{uid}' is not an item of this agency's form",
                    "do not copy rows from another form; download this agency's form again",
                    "not-its-item",
                )
            )
            continue
        if uid in seen:
            problems.append(
                Problem(
                    file,
                    0,
                    at(r, 1),
                    f"'{uid}' appears twice (first in row {seen[uid]})",
                    "keep one row per item",
                    "duplicate-entry",
                )
            )
            continue
        seen[uid] = r
        changed = [
            c
            for c, (value, want) in enumerate(zip(values[1:6], expected[uid].read_only[1:], strict=True), start=2)
            if (value or "") != want
        ]
        for column in changed:
            problems.append(
                Problem(
                    file,
                    0,
                    at(r, column),
                    "a read-only cell was changed",
                    "write only in the yellow columns; download the form again",
                    "read-only-changed",
                )
            )
        filled = dict(zip(_KEYS, values[len(READ_ONLY) :], strict=True))
        if all(v is None or str(v).strip() == "" for v in filled.values()):
            continue  # nothing new this period: the previous status stands
        entry, entry_problems = _entry(uid, filled, report_date, file, lambda column, r=r: at(r, len(READ_ONLY) + column))
        problems += entry_problems
        if entry:
            entries.append(entry)
    if problems:
        raise ImportRefused(problems)
    if not entries:
        raise _refuse(
            file, "no row is filled in", "fill the yellow columns of the items that changed this month", "empty-form"
        )
    return agency_id, entries


# How to put right, in the form, what breaks a rule of models.entry_rule_problems.
_FORM_HINTS = {
    "completed-missing": "fill Ngày hoàn thành",
    "completed-not-done": "choose Hoàn thành, or clear Ngày hoàn thành",
    "completed-after-report": "a report tells what was done by its date",
    "reason-missing": "say why in Khó khăn, vướng mắc or Đề xuất, kiến nghị",
}


def _day(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _entry(uid, filled, report_date, file, where):
    problems = []
    status = str(filled["status"]).strip() if filled["status"] is not None else ""
    if status not in TYPED_STATUSES:
        problems.append(
            Problem(
                file,
                0,
                where(1),
                f"'{status}' is not a status" if status else "the status is missing",
                f"use one of: {', '.join(TYPED_STATUSES)}",
                "unknown-status",
            )
        )
    completed = filled["completed"]
    if isinstance(completed, dt.datetime):
        completed = completed.date()
    elif isinstance(completed, str) and completed.strip():
        try:
            completed = dt.datetime.strptime(completed.strip(), "%d/%m/%Y").date()
        except ValueError:
            problems.append(
                Problem(file, 0, where(2), f"'{completed}' is not a date", "write it as ngày/tháng/năm", "not-a-date")
            )
            completed = None
    elif completed is not None and not isinstance(completed, dt.date):
        problems.append(
            Problem(file, 0, where(2), f"'{completed}' is not a date", "write it as ngày/tháng/năm", "not-a-date")
        )
        completed = None
    texts = {
        k: str(filled[k]).strip()
        for k in ("result", "difficulties", "proposals", "evidence")
        if filled[k] is not None and str(filled[k]).strip()
    }
    has_reason = bool(texts.get("difficulties") or texts.get("proposals"))
    unreadable_day = any(p.code == "not-a-date" for p in problems)
    for code, wrong, message in entry_rule_problems(status, completed, report_date, has_reason, _day):
        if code == "completed-missing" and unreadable_day:
            continue  # already said: the day is there, but not as a date
        column = 2 if wrong == "completed" else 4
        problems.append(Problem(file, 0, where(column), message, _FORM_HINTS[code], code))
    if problems:
        return None, problems
    entry = {"item": uid, "status": status}
    if completed:
        entry["completed"] = completed.isoformat()
    entry.update(texts)
    return entry, []


def write_report(
    progress_dir: Path,
    period: str,
    agency_id: str,
    report_date: dt.date,
    entries: list[dict],
    number: str | None = None,
    replace: bool = False,
) -> Path:
    """Write the report atomically: a whole file or none."""
    target = progress_dir / period / f"{agency_id}.yaml"
    if target.exists() and not replace:
        raise _refuse(
            str(target),
            "a report of this agency for this month exists already",
            "add REPLACE=1 (--replace) to replace it",
            "report-exists",
        )
    data = {"date": report_date.isoformat(), **({"number": number} if number else {}), "entries": entries}
    text = f"# yaml-language-server: $schema=../../plan/schema/{REPORT_SCHEMA}.schema.json\n" + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=10_000
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=target.parent, prefix=f".{agency_id}.", suffix=".tmp", delete=False
    ) as handle:
        handle.write(text)
    os.replace(handle.name, target)
    return target
