"""The copy of a refused form that the editor sends back: the agency's form made anew, what the sender
typed put back in its cells, and each cell with a problem filled red with the message as its comment."""

import io
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from plannav.problems import Problem
from plannav.progress.form import HEADER_ROW, SHEET, form_bytes
from plannav.progress.reporters import Reporters
from plannav.textnorm import FORBIDDEN

SUFFIX = ".can-sua.xlsx"  # "cần sửa": to be corrected
_RED = PatternFill("solid", fgColor="FFC7CE")
_SUMMARY_ROW = HEADER_ROW - 1  # the empty row between the instructions and the header


def _clean(value):
    """What the sender typed, as a cell can hold it again (the problem itself is named in the comment)."""
    if not isinstance(value, str):
        return value
    return FORBIDDEN.sub("", ILLEGAL_CHARACTERS_RE.sub("", value))


def marked_path(form: Path) -> Path:
    return form.with_name(form.name.removesuffix(form.suffix) + SUFFIX)


def marked_copy(
    reporters: Reporters, agency_id: str, typed: dict, problems: list[Problem], columns: dict[int, int] | None = None
) -> bytes:
    """`typed`: (row, column of today's form) -> value; `columns`: the sent form's column -> today's, for the
    cells the problems name (a form of an earlier layout)."""
    workbook = load_workbook(io.BytesIO(form_bytes(reporters.index, reporters, agency_id)))
    sheet = workbook[SHEET]
    for (row, column), value in typed.items():
        cell = sheet.cell(row=row, column=column, value=_clean(value))
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # shown as typed, never a formula
    elsewhere = []
    for problem in problems:
        sheet_name, _, coordinate = problem.path.partition("!")
        text = f"{problem.message}\nGợi ý: {problem.hint}" if problem.hint else problem.message
        if sheet_name == SHEET and coordinate:
            column, row = coordinate_from_string(coordinate)
            cell = sheet.cell(
                row=row, column=(columns or {}).get(column_index_from_string(column), column_index_from_string(column))
            )
            cell.fill = _RED
            before = cell.comment.text + "\n\n" if cell.comment else ""
            cell.comment = Comment(_clean(before + text), "Kiểm tra biểu mẫu", width=320, height=160)
        else:
            said = f"{problem.message} (gợi ý: {problem.hint})" if problem.hint else problem.message
            elsewhere.append(f"{problem.path}: {said}" if problem.path else said)
    summary = sheet.cell(row=_SUMMARY_ROW, column=1)
    summary.value = _clean(
        f"BIỂU MẪU CẦN SỬA: {len(problems)} lỗi; các ô tô đỏ có ghi chú nói lỗi và cách sửa."
        + "".join(f" {line}" for line in elsewhere)
    )
    summary.font, summary.fill = Font(bold=True, color="9C0006"), _RED
    summary.alignment = Alignment(wrap_text=False)  # one line, running on over the empty cells beside it
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_marked_copy(form: Path, reporters: Reporters, read, problems) -> Path | str:
    """The marked copy beside the form; a sentence saying why not, where it cannot be written."""
    target = marked_path(form)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        temporary.write_bytes(marked_copy(reporters, read.agency_id, read.typed, problems, read.columns))
        temporary.replace(target)
    except OSError as err:
        return f"không ghi được bản đánh dấu {target.as_posix()}: {err.strerror or err}"
    finally:
        temporary.unlink(missing_ok=True)
    return target
