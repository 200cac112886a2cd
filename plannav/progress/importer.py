"""Importing a filled report form into progress/<YYYY-MM>/<agency-id>.yaml.

One validation, two doors: the importer reads the form's cells as staff see them, makes the report file
it would write, and runs on that text exactly the check `make check` and the build run
(reportcheck.check_report_text). Nothing is written unless that check passes, so a report that import writes
always builds. Each problem is told against the form's cell (`Báo cáo!J14`) or the argument it comes
from (DATE, PERIOD, NUMBER), in Vietnamese: the messages go back to the agency. Opening the file is
bounded (formfile), the rows are read into entries cell by cell (formrows); what is read and what is
left aside with a warning is said in these two.
"""

import datetime as dt
import re
from pathlib import Path

import yaml

from plannav.problems import Problem
from plannav.progress import cells
from plannav.progress.form import HEADER_ROW, META_SHEET, READ_ONLY, SHEET, TO_FILL, form_rows
from plannav.progress.formfile import FormRefused, FormWorkbook, read_form_bytes, refuse
from plannav.progress.formrows import (
    FRESH_COLUMN,
    FormRead,
    cell_at,
    in_cell,
    read_layout,
    read_row,
    rows_without_code,
)
from plannav.progress.importmessages import in_vietnamese
from plannav.progress.models import REPORT_SCHEMA
from plannav.progress.reportcheck import check_report_text
from plannav.progress.reporters import Reporters

_COLUMNS = len(READ_ONLY) + len(TO_FILL)
_EXTRA_COLUMNS = 13  # columns read past the form's, to warn about what was typed there
_EXTRA_ROWS = 2_000  # rows read below the items, to warn about notes written there
_ENTRY_PATH = re.compile(r"^entries\[(\d+)\](?:\.(\w+))?")


def read_form(path: Path, reporters: Reporters, file: str | None = None) -> FormRead:
    """The form's entries, warnings and the problems of the cells that cannot be read (which
    checked_report refuses with the rest); FormRefused at once where the file is no form of this site.
    FormRefused.form carries what was read, for the marked copy, where the form was read that far."""
    file = file or path.name
    book = FormWorkbook(read_form_bytes(path, file), file)
    try:
        return _read(book, reporters, file)
    finally:
        book.close()


def _read(book: FormWorkbook, reporters: Reporters, file: str) -> FormRead:
    if META_SHEET not in book.sheetnames or SHEET not in book.sheetnames:
        raise refuse(file, "không phải biểu mẫu báo cáo của trang", "tải biểu mẫu của cơ quan ở trang Tải về", "not-a-form")
    meta = book.sheet(META_SHEET, 10, 2).rows
    values = {row[0].value: row[1].value for row in meta if len(row) == 2 and row[0].value}
    agency_id = values.get("agency")
    if not isinstance(agency_id, str) or agency_id not in reporters.by_agency:
        raise refuse(
            file,
            f"biểu mẫu ghi cơ quan '{agency_id}', không có trong kế hoạch này",
            "tải lại biểu mẫu của cơ quan trên trang",
            "not-a-form",
            f"{META_SHEET}!B1",
        )
    expected = {row.uid: row for row in form_rows(reporters.index, reporters, agency_id)}
    last_row = HEADER_ROW + len(expected) + _EXTRA_ROWS
    sheet = book.sheet(SHEET, last_row, _COLUMNS + _EXTRA_COLUMNS)
    form = FormRead(agency_id)
    layout = read_layout(sheet.rows, file, form)
    form.columns = {c: FRESH_COLUMN[header] for c, header in layout.items()}
    if sheet.declared_rows and sheet.declared_rows > last_row:
        form.warnings.append(
            in_cell(
                file,
                cell=f"{SHEET}!A{last_row + 1}",
                message=f"trang tính kéo dài tới dòng {sheet.declared_rows:,}; chỉ đọc tới dòng {last_row:,}",
                hint="biểu mẫu chỉ có các dòng của cơ quan; nội dung dưới đó không được nhập",
                code="beyond-form",
            )
        )
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for r in range(HEADER_ROW + 1, min(len(sheet.rows), last_row) + 1):
        row = sheet.rows[r - 1]
        named = {}
        for c, cell in enumerate(row, start=1):
            header = layout.get(c)
            if header is not None:
                named[header] = (cell, c)
                if cell.value is not None:
                    form.typed[(r, FRESH_COLUMN[header])] = cell.value
            elif not cells.is_blank(cell.value):
                form.warnings.append(
                    in_cell(
                        file,
                        cell=cell_at(r, c),
                        message="ô nằm ngoài các cột của biểu mẫu: bỏ qua",
                        hint="chỉ điền các cột nền vàng",
                        code="unknown-column",
                    )
                )
        problems += read_row(form, named, r, expected, seen, file)
    form.warnings += rows_without_code(form.ignored_rows, file)
    form.problems = problems
    return form


def report_text(report_date: dt.date, number: str | None, entries: list[dict]) -> str:
    """The report file exactly as it is written."""
    data = {"date": report_date.isoformat(), **({"number": number} if number else {}), "entries": entries}
    return f"# yaml-language-server: $schema=../../plan/schema/{REPORT_SCHEMA}.schema.json\n" + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=10_000
    )


def checked_report(
    form: FormRead,
    progress_dir: Path,
    period: str,
    report_date: dt.date,
    number: str | None,
    reporters: Reporters,
    file: str,
) -> str:
    """The report's text, once the check that `make check` runs has passed on it; FormRefused with each
    problem told against the form's cell or argument otherwise."""
    text = report_text(report_date, number, form.entries)
    target = progress_dir / period / f"{form.agency_id}.yaml"
    _, problems = check_report_text(text.encode("utf-8"), target, period, reporters)
    # The rows that could be read are checked even where others could not: every problem at once.
    said = form.problems + [_in_form_terms(p, form, period, report_date, number, reporters, file) for p in problems]
    if said:
        raise FormRefused(said, form)
    if not form.entries:
        empty = Problem.of_file(
            file,
            "không dòng nào được điền",
            "điền các cột nền vàng của những việc có thay đổi trong tháng",
            "empty-form",
        )
        raise FormRefused([empty], form)
    return text


def _in_form_terms(problem: Problem, form: FormRead, period, report_date, number, reporters, file) -> Problem:
    """A problem of the report file said against what the sender and the editor wrote, in Vietnamese."""
    code, where, key, entry = problem.code, f"PERIOD={period}", None, None
    found = _ENTRY_PATH.match(problem.path)
    if found:
        i = int(found.group(1))
        entry, key = form.entries[i], found.group(2)
        if code.startswith("completed-") or key == "completed":
            key = "completed"
        elif code == "reason-missing":
            key = "difficulties"
        where = form.where[i].get(key, form.where[i]["status"])
    elif problem.path.startswith("date") or code == "report-date":
        where = f"DATE={report_date.isoformat()}"
    elif problem.path.startswith("number"):
        where = f"NUMBER={number}"
    message, hint = in_vietnamese(
        code, problem=problem, entry=entry, period=period, report_date=report_date, reporters=reporters, form=form
    )
    return in_cell(file, cell=where, message=message, hint=hint, code=code)
