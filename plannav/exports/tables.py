"""CSV (UTF-8 with BOM, so Excel shows Vietnamese) and Excel workbooks of the plan's tables."""

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from plannav.exports.rows import TABLES, headers, table_rows, widths
from plannav.items import ItemIndex

# Fixed document times keep two builds of the same plan byte-identical.


def _cell(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def csv_bytes(index: ItemIndex, table: str, agency_id: str | None = None, progress=None) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers(agency_id is not None))
    for row in table_rows(index, table, agency_id, progress):
        writer.writerow([_cell(v) if v is not None else "" for v in row.values])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


@dataclass(frozen=True)
class WorkbookContent:
    """What a workbook of tables prints, as plain data: the file is made from this alone, so the build
    cache can keep it by this (exports.catalog.Download.content)."""

    agency: bool  # an agency's extract (its columns), or the whole plan's
    creator: str
    stamp: dt.datetime
    sheets: tuple[tuple[str, tuple[tuple, ...]], ...]  # (title, each row's values)


def xlsx_content(index: ItemIndex, agency_id: str | None = None, progress=None) -> WorkbookContent:
    sheets = tuple(
        (title, tuple(tuple(row.values) for row in table_rows(index, table, agency_id, progress)))
        for table, (title, _) in TABLES.items()
    )
    # Fixed, the day the decision was signed: the same plan always gives the same file.
    stamp = dt.datetime.combine(index.identity.date, dt.time())
    return WorkbookContent(agency_id is not None, index.identity.plan_name, stamp, sheets)


def xlsx_bytes(index: ItemIndex, agency_id: str | None = None, progress=None) -> bytes:
    return write_xlsx(xlsx_content(index, agency_id, progress))


def write_xlsx(content: WorkbookContent) -> bytes:
    """One sheet per table: header row frozen, filters on, column widths set, dates as dates."""
    # Written in openpyxl's streaming mode: a workbook per agency is made on every build.
    workbook = Workbook(write_only=True)
    names = headers(content.agency)
    due_column = names.index("Ngày hạn")
    for title, rows in content.sheets:
        sheet = workbook.create_sheet(title)
        for column, width in enumerate(widths(content.agency), start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{len(rows) + 1}"
        sheet.append([_styled(sheet, name, font=_BOLD) for name in names])
        for values in rows:
            sheet.append(
                [
                    _styled(sheet, value, alignment=_WRAP, number_format="DD/MM/YYYY" if i == due_column else None)
                    for i, value in enumerate(values)
                ]
            )
    workbook.properties.creator = content.creator
    workbook.properties.created = workbook.properties.modified = content.stamp
    out = io.BytesIO()
    workbook.save(out)
    return fixed_zip_times(out.getvalue(), content.stamp)


_BOLD, _WRAP = Font(bold=True), Alignment(wrap_text=True, vertical="top")


def _styled(sheet, value, font=None, alignment=None, number_format=None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if font:
        cell.font = font
    if alignment:
        cell.alignment = alignment
    if number_format:
        cell.number_format = number_format
    return cell


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def fixed_zip_times(data: bytes, stamp: dt.datetime) -> bytes:
    """openpyxl stamps each zip entry, and the document's "modified" property, with the current
    time; rewrite them with a fixed one so that the same plan always gives the same file."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\2", content)
            target.writestr(fixed, content)
    return out.getvalue()
