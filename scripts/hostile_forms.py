#!/usr/bin/env python3
"""Report forms as a careless or hostile sender might make them, for the tests and the benchmark.

Each is the site's own form of an agency, filled as staff fill it, then changed inside the .xlsx's XML
where no spreadsheet program would let one change it: an empty cell on the sheet's last row, a merge
to the sheet's end, a comment of tens of megabytes that compresses to a few kilobytes.
Usage: python scripts/hostile_forms.py DIR   writes each of them into DIR, for trying by hand.
"""

import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402

from plannav.items import ItemIndex  # noqa: E402
from plannav.loader import load_plan  # noqa: E402
from plannav.progress.form import HEADER_ROW, SHEET, column_of, form_bytes  # noqa: E402
from plannav.progress.reporters import Reporters  # noqa: E402

AGENCY = "so-tu-phap-lam-dong"  # Sở Tư pháp's work since 01/07/2025 (plan/successors.yaml)
SAMPLE = "DỮ LIỆU MẪU, không có thật"
SHEET_PART = "xl/worksheets/sheet1.xml"
LAST_ROW = 1_048_576  # Excel's last row
STATUS_COLUMN = column_of("Trạng thái")


def reporters_of(plan_dir: Path = ROOT / "plan") -> Reporters:
    plan, problems = load_plan(plan_dir)
    if problems:
        sys.exit(f"hostile_forms: the plan at {plan_dir} has problems")
    return Reporters(ItemIndex(plan))


def filled_form(reporters: Reporters, agency: str = AGENCY, rows: int = 2) -> bytes:
    """The agency's form with its first `rows` items reported under way (a made-up result)."""
    workbook = load_workbook(io.BytesIO(form_bytes(reporters.index, reporters, agency)))
    sheet = workbook[SHEET]
    for r in range(HEADER_ROW + 1, HEADER_ROW + 1 + rows):
        sheet.cell(row=r, column=STATUS_COLUMN, value="Đang thực hiện")
        sheet.cell(row=r, column=STATUS_COLUMN + 2, value=SAMPLE)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def with_sheet_xml(form: bytes, change) -> bytes:
    """The form with its report sheet's XML passed through change(str) -> str; every other part as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(form)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == SHEET_PART:
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(info.filename, data)
    return out.getvalue()


def empty_cell_on_last_row(form: bytes) -> bytes:
    """One styled, empty cell on row 1,048,576: the sheet's extent is then the whole sheet."""
    return with_sheet_xml(
        form,
        lambda xml: re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:N{LAST_ROW}"/>', xml, count=1).replace(
            "</sheetData>", f'<row r="{LAST_ROW}"><c r="N{LAST_ROW}" s="1"/></row></sheetData>', 1
        ),
    )


def merge_to_sheet_end(form: bytes) -> bytes:
    """One merged range from below the items to the sheet's last row and column."""
    merge = f'<mergeCells count="1"><mergeCell ref="A200:XFD{LAST_ROW}"/></mergeCells>'
    return with_sheet_xml(form, lambda xml: xml.replace("</sheetData>", "</sheetData>" + merge, 1))


def huge_comment(form: bytes, megabytes: int = 49) -> bytes:
    """An XML comment of `megabytes` MB inside the sheet: the file stays some tens of kilobytes."""
    comment = "<!--" + "x" * (megabytes * 1024 * 1024) + "-->"
    return with_sheet_xml(form, lambda xml: xml.replace("<sheetData>", comment + "<sheetData>", 1))


def many_rows(form: bytes, count: int = 1000) -> bytes:
    """The form with `count` rows of notes under its items, each with text in every column: a form a
    sender padded, which import must read no slower than the form itself (and warn about)."""
    workbook = load_workbook(io.BytesIO(form))
    sheet = workbook[SHEET]
    first = sheet.max_row + 1
    for r in range(first, first + count):
        for column in range(2, STATUS_COLUMN + 6):
            sheet.cell(row=r, column=column, value=f"ghi chú {r}")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


HOSTILE = {
    "empty-cell-on-last-row.xlsx": empty_cell_on_last_row,
    "merge-to-sheet-end.xlsx": merge_to_sheet_end,
    "huge-comment.xlsx": huge_comment,
    "one-thousand-rows.xlsx": many_rows,
}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/hostile_forms.py DIR")
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    form = filled_form(reporters_of())
    (target / "filled.xlsx").write_bytes(form)
    for name, make in HOSTILE.items():
        (target / name).write_bytes(make(form))
        print(f"wrote {target / name} ({(target / name).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
