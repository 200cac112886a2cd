"""Reading the form's rows into entries, with each cell's problems: the columns found by their headers, each
row with a Mã made into its entry or refused cell by cell (a formula, an item not the agency's, a row given
twice, a status, a day or a character that cannot be read), and what is left aside told in warnings (read-only
cells typed over, rows without a Mã). Messages are in Vietnamese: they go back to the agency."""

import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from plannav.problems import Problem
from plannav.progress import cells
from plannav.progress.form import ASSESSED_HEADER, HEADER_ROW, READ_ONLY, REPORTED_HEADER, SHEET, TO_FILL, assessed_text
from plannav.progress.formfile import refuse
from plannav.progress.importmessages import TEXT_KEYS
from plannav.progress.status import STATUSES
from plannav.textnorm import FORBIDDEN, character_name

_KEYS = ("status", "completed", *TEXT_KEYS)  # in TO_FILL's order
CODE_HEADER = READ_ONLY[0][0]  # Mã
_FILL_HEADERS = dict(zip(_KEYS, (header for header, _ in TO_FILL), strict=True))  # status -> "Trạng thái", ...
_REQUIRED = (CODE_HEADER, *_FILL_HEADERS.values())
# Each header's column in the form as the site makes it now (the marked copy is made in this layout).
FRESH_COLUMN = {header: c for c, (header, _) in enumerate(READ_ONLY + TO_FILL, start=1)}
_REPORTED_CELL = re.compile(r"\((báo cáo tháng \d{1,2}/\d{4}|\d{4}-\d{2})\)$")  # as form.reported_text, or older
_ASSESSED_TEXTS = frozenset(assessed_text(status) for status in STATUSES)


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


def in_cell(file: str, *, cell: str, message: str, hint: str, code: str) -> Problem:
    """A problem told against one cell of the form (or an argument of the command): a sheet has no lines."""
    return Problem(file, 0, cell, message, hint, code)


def cell_at(row: int, column: int) -> str:
    return f"{SHEET}!{get_column_letter(column)}{row}"


def _quoted(value, limit: int = 60) -> str:
    """A typed value quoted in a message: a cell of thousands of characters is named by its start."""
    text = " ".join(str(value).split())
    return f"'{text[:limit]}…' ({len(text):,} ký tự)" if len(text) > limit else f"'{text}'"


def _forbidden(text: str) -> str | None:
    found = FORBIDDEN.search(text)
    return character_name(found.group()) if found else None


def read_layout(rows, file: str, form: FormRead) -> dict[int, str]:
    """Column -> the form's header it holds. Columns are found by their headers, so that a form of an
    earlier layout (one column fewer before Đánh giá theo thời hạn was added) still imports; every
    column staff fill, and Mã, must be there."""
    layout, width = {}, len(rows[HEADER_ROW - 1]) if len(rows) >= HEADER_ROW else 0
    for c in range(1, width + 1):
        value = _row_value(rows, HEADER_ROW, c)
        if cells.is_blank(value):
            continue
        header = " ".join(str(value).split())
        if header in FRESH_COLUMN and header not in layout.values():
            layout[c] = header
        else:
            form.warnings.append(
                in_cell(
                    file,
                    cell=cell_at(HEADER_ROW, c),
                    message=f"cột '{header}' không có trong biểu mẫu: bỏ qua",
                    hint="không thêm cột",
                    code="unknown-column",
                )
            )
    missing = [h for h in _REQUIRED if h not in layout.values()]
    if missing:
        raise refuse(
            file,
            f"dòng tiêu đề thiếu cột {', '.join(missing)}",
            "không xóa hay đổi tên cột; tải lại biểu mẫu của cơ quan",
            "form-changed",
            cell_at(HEADER_ROW, 1),
        )
    return layout


def rows_without_code(rows: list[int], file: str) -> list[Problem]:
    """One warning per run of rows without a Mã (a note under the table, a padded sheet)."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and runs[-1][1] == r - 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    return [
        in_cell(
            file,
            cell=cell_at(first, 1),
            message=f"dòng {first} không có Mã: bỏ qua" if first == last else f"các dòng {first}–{last} không có Mã: bỏ qua",
            hint="mỗi việc báo cáo ở đúng dòng có Mã của nó; ghi chú thêm gửi kèm báo cáo",
            code="ignored-row",
        )
        for first, last in runs
    ]


def _row_value(rows, r: int, c: int):
    if r > len(rows) or c > len(rows[r - 1]):
        return None
    return rows[r - 1][c - 1].value


def _value(named: dict, header: str):
    return named[header][0].value if header in named else None


def read_row(form: FormRead, named: dict, r: int, expected, seen, file) -> list[Problem]:
    """One row, its cells by header: (cell, sheet column)."""
    problems = _formulas(named, r, file)
    if problems:
        return problems
    uid = _value(named, CODE_HEADER)
    if cells.is_blank(uid):
        if not all(cells.is_blank(cell.value) for cell, _ in named.values()):
            form.ignored_rows.append(r)
        return []
    problems = _not_its_item_or_twice(uid, cell_at(r, named[CODE_HEADER][1]), expected, seen, file)
    if problems:
        return problems
    seen[uid] = r
    form.warnings += _read_only_typed(named, r, file)
    filled = {key: _value(named, header) for key, header in _FILL_HEADERS.items()}
    if all(cells.is_blank(v) for v in filled.values()):
        return []  # nothing new this period: the previous status stands
    form.warnings += _read_only_changed(named, r, expected[uid].read_only[1:], file)
    return _add_entry(form, named, r, uid, filled, file)


def _formulas(named: dict, r: int, file: str) -> list[Problem]:
    """The row's cells that hold a formula: refused, as the form is read and never calculated."""
    return [
        in_cell(
            file,
            cell=cell_at(r, c),
            message="ô có công thức",
            hint="gõ chính giá trị: biểu mẫu được đọc, không được tính",
            code="formula",
        )
        for cell, c in named.values()
        if getattr(cell, "data_type", None) == "f"
    ]


def _not_its_item_or_twice(uid, at: str, expected, seen, file: str) -> list[Problem]:
    """The row's Mã refused where it names no item of the agency's form, or one an earlier row reported."""
    if uid not in expected:
        return [
            in_cell(
                file,
                cell=at,
                message=f"{_quoted(uid)} không phải một việc trong biểu mẫu của cơ quan",
                hint="không chép dòng từ biểu mẫu khác; tải lại biểu mẫu của cơ quan",
                code="not-its-item",
            )
        ]
    if uid in seen:
        return [
            in_cell(
                file,
                cell=at,
                message=f"'{uid}' xuất hiện hai lần (lần đầu ở dòng {seen[uid]})",
                hint="giữ một dòng cho mỗi việc",
                code="duplicate-entry",
            )
        ]
    return []


def _read_only_typed(named: dict, r: int, file: str) -> list[Problem]:
    """Warnings for the site's own read-only texts (reported in, assessed) typed over by the sender."""
    warnings = []
    for header, looks_generated in (
        (REPORTED_HEADER, _REPORTED_CELL.search),
        (ASSESSED_HEADER, _ASSESSED_TEXTS.__contains__),
    ):
        typed = _value(named, header)
        if not cells.is_blank(typed) and not looks_generated(" ".join(str(typed).split())):
            warnings.append(
                in_cell(
                    file,
                    cell=cell_at(r, named[header][1]),
                    message="ô chỉ để đọc có nội dung được gõ thêm: bỏ qua",
                    hint="ghi trạng thái ở cột Trạng thái (nền vàng)",
                    code="read-only-typed",
                )
            )
    return warnings


def _read_only_changed(named: dict, r: int, wanted, file: str) -> list[Problem]:
    """Warnings for the read-only cells of the plan's words that differ from the plan as it is now."""
    warnings = []
    for (header, _), want in zip(READ_ONLY[1:6], wanted, strict=True):
        if header in named and (cells.shown(_value(named, header)) or "") != want:
            warnings.append(
                in_cell(
                    file,
                    cell=cell_at(r, named[header][1]),
                    message="khác với kế hoạch hiện hành (ô chỉ để đọc; có thể kế hoạch đã sửa sau khi gửi biểu mẫu)",
                    hint="kiểm tra lại: báo cáo được nhập theo Mã của dòng",
                    code="read-only-changed",
                )
            )
    return warnings


def _add_entry(form: FormRead, named: dict, r: int, uid: str, filled: dict, file: str) -> list[Problem]:
    """The row's entry added to the form with the cells it came from; or the problems of its cells."""
    formats = {
        key: getattr(named[h][0], "number_format", "General") if h in named else "General"
        for key, h in _FILL_HEADERS.items()
    }
    where = {key: cell_at(r, named[h][1]) if h in named else cell_at(r, FRESH_COLUMN[h]) for key, h in _FILL_HEADERS.items()}
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
            in_cell(
                file,
                cell=where["status"],
                message=f"{_quoted(typed)} không phải một trạng thái" if typed else "chưa chọn trạng thái",
                hint="chọn trong danh sách: Chưa triển khai, Đang thực hiện, Hoàn thành, Không thực hiện",
                code="unknown-status",
            )
        )
    completed = None
    if not cells.is_blank(filled["completed"]):
        completed = cells.day_of(filled["completed"])
        if completed is None:
            problems.append(
                in_cell(
                    file,
                    cell=where["completed"],
                    message=f"{_quoted(cells.shown(filled['completed']))} không phải một ngày",
                    hint="ghi ngày/tháng/năm, ví dụ 05/11/2026",
                    code="not-a-date",
                )
            )
    texts = {}
    for key in TEXT_KEYS:
        text = cells.shown(filled[key], formats[key])
        if cells.is_blank(text):
            continue
        text = text.strip()
        bad = _forbidden(text)
        if bad:
            problems.append(
                in_cell(
                    file,
                    cell=where[key],
                    message=f"có ký tự không được phép: {bad}",
                    hint="thường do sao chép từ trang web hay Word: xóa ký tự đó, hoặc gõ lại đoạn văn",
                    code="forbidden-character",
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
