"""Importing a filled report form into progress/<YYYY-MM>/<agency-id>.yaml.

One validation, two doors: the importer reads the form's cells as staff see them, makes the report file
it would write, and runs on that text exactly the check `make check` and the build run
(loader.check_report_text). Nothing is written unless that check passes, so a report that import writes
always builds. Each problem is told against the form's cell (`Báo cáo!J14`) or the argument it comes
from (DATE, PERIOD, NUMBER), in Vietnamese: the messages go back to the agency. Opening the file is
bounded (formfile); what is read and what is left aside with a warning is said here.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openpyxl.utils import get_column_letter

from plannav.problems import Problem
from plannav.progress import cells
from plannav.progress.form import (
    ASSESSED_HEADER,
    HEADER_ROW,
    META_SHEET,
    READ_ONLY,
    REPORTED_HEADER,
    SHEET,
    TO_FILL,
    assessed_text,
    form_rows,
)
from plannav.progress.formfile import FormRefused, FormWorkbook, read_form_bytes, refuse
from plannav.progress.importmessages import TEXT_KEYS, in_vietnamese
from plannav.progress.loader import check_report_text
from plannav.progress.models import REPORT_SCHEMA
from plannav.progress.reporters import Reporters
from plannav.progress.status import STATUSES
from plannav.textnorm import FORBIDDEN, character_name

_KEYS = ("status", "completed", *TEXT_KEYS)  # in TO_FILL's order
_TEXT_KEYS = TEXT_KEYS
_COLUMNS = len(READ_ONLY) + len(TO_FILL)
CODE_HEADER = READ_ONLY[0][0]  # Mã
_FILL_HEADERS = dict(zip(_KEYS, (header for header, _ in TO_FILL), strict=True))  # status -> "Trạng thái", ...
_REQUIRED = (CODE_HEADER, *_FILL_HEADERS.values())
# Each header's column in the form as the site makes it now (the marked copy is made in this layout).
_FRESH_COLUMN = {header: c for c, (header, _) in enumerate(READ_ONLY + TO_FILL, start=1)}
_REPORTED_CELL = re.compile(r"\((báo cáo tháng \d{1,2}/\d{4}|\d{4}-\d{2})\)$")  # as form.reported_text, or older
_ASSESSED_TEXTS = frozenset(assessed_text(status) for status in STATUSES)
_EXTRA_COLUMNS = 13  # columns read past the form's, to warn about what was typed there
_EXTRA_ROWS = 2_000  # rows read below the items, to warn about notes written there
_ENTRY_PATH = re.compile(r"^entries\[(\d+)\](?:\.(\w+))?")


@dataclass
class FormRead:
    """What a form holds: whose it is, one entry per filled row (with its sheet row), what the sender
    typed cell by cell (for the marked copy), and the warnings about what was left aside."""

    agency_id: str
    entries: list[dict] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # entries[i] came from sheet row rows[i]
    where: list[dict] = field(default_factory=list)  # and its fields from these cells (key -> "Báo cáo!I14")
    columns: dict[int, int] = field(default_factory=dict)  # the sheet's column -> the same header's in today's form
    typed: dict[tuple[int, int], object] = field(default_factory=dict)  # (row, column) -> value as read
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # what cannot be read in a cell: refused with the rest
    ignored_rows: list[int] = field(default_factory=list)  # rows with text but no Mã (notes under the table)


def _quoted(value, limit: int = 60) -> str:
    """A typed value quoted in a message: a cell of thousands of characters is named by its start."""
    text = " ".join(str(value).split())
    return f"'{text[:limit]}…' ({len(text):,} ký tự)" if len(text) > limit else f"'{text}'"


def _cell(row: int, column: int) -> str:
    return f"{SHEET}!{get_column_letter(column)}{row}"


def _forbidden(text: str) -> str | None:
    found = FORBIDDEN.search(text)
    return character_name(found.group()) if found else None


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
    layout = _layout(sheet.rows, file, form)
    form.columns = {c: _FRESH_COLUMN[header] for c, header in layout.items()}
    if sheet.declared_rows and sheet.declared_rows > last_row:
        form.warnings.append(
            Problem(
                file,
                0,
                f"{SHEET}!A{last_row + 1}",
                f"trang tính kéo dài tới dòng {sheet.declared_rows:,}; chỉ đọc tới dòng {last_row:,}",
                "biểu mẫu chỉ có các dòng của cơ quan; nội dung dưới đó không được nhập",
                "beyond-form",
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
                    form.typed[(r, _FRESH_COLUMN[header])] = cell.value
            elif not cells.is_blank(cell.value):
                form.warnings.append(
                    Problem(
                        file,
                        0,
                        _cell(r, c),
                        "ô nằm ngoài các cột của biểu mẫu: bỏ qua",
                        "chỉ điền các cột nền vàng",
                        "unknown-column",
                    )
                )
        problems += _read_row(form, named, r, expected, seen, file)
    form.warnings += _ignored(form.ignored_rows, file)
    form.problems = problems
    return form


def _layout(rows, file: str, form: FormRead) -> dict[int, str]:
    """Column -> the form's header it holds. Columns are found by their headers, so that a form of an
    earlier layout (one column fewer before Đánh giá theo thời hạn was added) still imports; every
    column staff fill, and Mã, must be there."""
    layout, width = {}, len(rows[HEADER_ROW - 1]) if len(rows) >= HEADER_ROW else 0
    for c in range(1, width + 1):
        value = _row_value(rows, HEADER_ROW, c)
        if cells.is_blank(value):
            continue
        header = " ".join(str(value).split())
        if header in _FRESH_COLUMN and header not in layout.values():
            layout[c] = header
        else:
            form.warnings.append(
                Problem(
                    file,
                    0,
                    _cell(HEADER_ROW, c),
                    f"cột '{header}' không có trong biểu mẫu: bỏ qua",
                    "không thêm cột",
                    "unknown-column",
                )
            )
    missing = [h for h in _REQUIRED if h not in layout.values()]
    if missing:
        raise refuse(
            file,
            f"dòng tiêu đề thiếu cột {', '.join(missing)}",
            "không xóa hay đổi tên cột; tải lại biểu mẫu của cơ quan",
            "form-changed",
            _cell(HEADER_ROW, 1),
        )
    return layout


def _ignored(rows: list[int], file: str) -> list[Problem]:
    """One warning per run of rows without a Mã (a note under the table, a padded sheet)."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and runs[-1][1] == r - 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    return [
        Problem(
            file,
            0,
            _cell(first, 1),
            f"dòng {first} không có Mã: bỏ qua" if first == last else f"các dòng {first}–{last} không có Mã: bỏ qua",
            "mỗi việc báo cáo ở đúng dòng có Mã của nó; ghi chú thêm gửi kèm báo cáo",
            "ignored-row",
        )
        for first, last in runs
    ]


def _row_value(rows, r: int, c: int):
    if r > len(rows) or c > len(rows[r - 1]):
        return None
    return rows[r - 1][c - 1].value


def _read_row(form: FormRead, named: dict, r: int, expected, seen, file) -> list[Problem]:
    """One row, its cells by header: (cell, sheet column)."""
    problems = [
        Problem(file, 0, _cell(r, c), "ô có công thức", "gõ chính giá trị: biểu mẫu được đọc, không được tính", "formula")
        for cell, c in named.values()
        if getattr(cell, "data_type", None) == "f"
    ]
    if problems:
        return problems

    def value(header):
        return named[header][0].value if header in named else None

    uid = value(CODE_HEADER)
    filled = {key: value(header) for key, header in _FILL_HEADERS.items()}
    formats = {
        key: getattr(named[h][0], "number_format", "General") if h in named else "General"
        for key, h in _FILL_HEADERS.items()
    }
    if cells.is_blank(uid):
        if not all(cells.is_blank(cell.value) for cell, _ in named.values()):
            form.ignored_rows.append(r)
        return []
    at = named[CODE_HEADER][1]
    if uid not in expected:
        return [
            Problem(
                file,
                0,
                _cell(r, at),
                f"{_quoted(uid)} không phải một việc trong biểu mẫu của cơ quan",
                "không chép dòng từ biểu mẫu khác; tải lại biểu mẫu của cơ quan",
                "not-its-item",
            )
        ]
    if uid in seen:
        return [
            Problem(
                file,
                0,
                _cell(r, at),
                f"'{uid}' xuất hiện hai lần (lần đầu ở dòng {seen[uid]})",
                "giữ một dòng cho mỗi việc",
                "duplicate-entry",
            )
        ]
    seen[uid] = r
    for header, looks_generated in (
        (REPORTED_HEADER, _REPORTED_CELL.search),
        (ASSESSED_HEADER, _ASSESSED_TEXTS.__contains__),
    ):
        typed = value(header)
        if not cells.is_blank(typed) and not looks_generated(" ".join(str(typed).split())):
            form.warnings.append(
                Problem(
                    file,
                    0,
                    _cell(r, named[header][1]),
                    "ô chỉ để đọc có nội dung được gõ thêm: bỏ qua",
                    "ghi trạng thái ở cột Trạng thái (nền vàng)",
                    "read-only-typed",
                )
            )
    if all(cells.is_blank(v) for v in filled.values()):
        return []  # nothing new this period: the previous status stands
    for (header, _), want in zip(READ_ONLY[1:6], expected[uid].read_only[1:], strict=True):
        if header in named and (cells.shown(value(header)) or "") != want:
            form.warnings.append(
                Problem(
                    file,
                    0,
                    _cell(r, named[header][1]),
                    "khác với kế hoạch hiện hành (ô chỉ để đọc; có thể kế hoạch đã sửa sau khi gửi biểu mẫu)",
                    "kiểm tra lại: báo cáo được nhập theo Mã của dòng",
                    "read-only-changed",
                )
            )
    where = {key: _cell(r, named[h][1]) if h in named else _cell(r, _FRESH_COLUMN[h]) for key, h in _FILL_HEADERS.items()}
    entry, problems = _entry(uid, filled, formats, where, file)
    if entry:
        form.entries.append(entry)
        form.rows.append(r)
        form.where.append(where)
    return problems


def _entry(uid: str, filled: dict, formats: dict, where: dict, file: str) -> tuple[dict | None, list[Problem]]:
    """The entry a row makes, or the problems of what cannot be read in it. The rules that entries keep
    (a done item has its day, ...) are the check's, run on the report as a whole."""
    problems = []
    status = cells.status_of(filled["status"])
    if status is None:
        typed = "" if cells.is_blank(filled["status"]) else str(filled["status"])
        problems.append(
            Problem(
                file,
                0,
                where["status"],
                f"{_quoted(typed)} không phải một trạng thái" if typed else "chưa chọn trạng thái",
                "chọn trong danh sách: Chưa triển khai, Đang thực hiện, Hoàn thành, Không thực hiện",
                "unknown-status",
            )
        )
    completed = None
    if not cells.is_blank(filled["completed"]):
        completed = cells.day_of(filled["completed"])
        if completed is None:
            problems.append(
                Problem(
                    file,
                    0,
                    where["completed"],
                    f"{_quoted(cells.shown(filled['completed']))} không phải một ngày",
                    "ghi ngày/tháng/năm, ví dụ 05/11/2026",
                    "not-a-date",
                )
            )
    texts = {}
    for key in _TEXT_KEYS:
        text = cells.shown(filled[key], formats[key])
        if cells.is_blank(text):
            continue
        text = text.strip()
        bad = _forbidden(text)
        if bad:
            problems.append(
                Problem(
                    file,
                    0,
                    where[key],
                    f"có ký tự không được phép: {bad}",
                    "thường do sao chép từ trang web hay Word: xóa ký tự đó, hoặc gõ lại đoạn văn",
                    "forbidden-character",
                )
            )
        texts[key] = text
    if problems:
        return None, problems
    entry = {"item": uid, "status": status}
    if completed:
        entry["completed"] = completed.isoformat()
    entry.update(texts)
    return entry, []


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
    return Problem(file, 0, where, message, hint, code)
