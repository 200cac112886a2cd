"""CSV (UTF-8 with BOM, so Excel shows Vietnamese) and Excel workbooks of the plan's tables."""

import csv
import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from plannav.exports.rows import TABLES, headers, table_rows, widths
from plannav.items import ItemIndex

# Fixed document times keep two builds of the same plan byte-identical.
FIXED_TIME = dt.datetime(2022, 3, 1)


def _cell(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def csv_bytes(index: ItemIndex, table: str, agency_id: str | None = None) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers(agency_id is not None))
    for row in table_rows(index, table, agency_id):
        writer.writerow([_cell(v) if v is not None else "" for v in row.values])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def xlsx_bytes(index: ItemIndex, agency_id: str | None = None) -> bytes:
    """One sheet per table: header row frozen, filters on, column widths set, dates as dates."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    agency = agency_id is not None
    for table, (title, _) in TABLES.items():
        sheet = workbook.create_sheet(title)
        sheet.append(headers(agency))
        for row in table_rows(index, table, agency_id):
            sheet.append(list(row.values))
        for column, width in enumerate(widths(agency), start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        due_column = headers(agency).index("Ngày hạn") + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=due_column, max_col=due_column):
            cell.number_format = "DD/MM/YYYY"
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    workbook.properties.creator = "Kế hoạch 468/QĐ-UBND"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    out = io.BytesIO()
    workbook.save(out)
    return _fixed_zip_times(out.getvalue())


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_zip_times(data: bytes) -> bytes:
    """openpyxl stamps each zip entry, and the document's "modified" property, with the current
    time; rewrite them with a fixed one so that the same plan always gives the same file."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\2", content)
            target.writestr(fixed, content)
    return out.getvalue()
