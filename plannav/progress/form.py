"""The monthly report form: an Excel workbook per agency, one row per item it reports on.

The columns staff read are locked; the columns they fill are not, and the status column offers the
four statuses as a drop-down. A hidden sheet names the agency, so that the importer knows whose form
it reads. The same rows are what the importer compares the read-only cells with.
"""

import datetime as dt
import io
from copy import copy
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from plannav import schedule, sitemap
from plannav.exports.tables import fixed_zip_times
from plannav.items import ITEM_KINDS, ItemIndex
from plannav.progress.models import TYPED_STATUSES, period_title
from plannav.progress.reporters import Reporters
from plannav.progress.status import DONE_LATE, OVERDUE

SHEET, META_SHEET = "Báo cáo", "_bieu_mau"
# (header, width): what staff read (locked), then what they fill.
READ_ONLY = (
    ("Mã", 18),
    ("Mục", 10),
    ("Loại", 12),
    ("Nội dung", 70),
    ("Vai trò", 10),
    ("Thời hạn", 22),
    ("Trạng thái đã báo cáo", 24),  # what the agency last typed, and in which month's report
    ("Đánh giá theo thời hạn", 26),  # what the site makes of it against the deadline (progress.status)
)
REPORTED_HEADER, ASSESSED_HEADER = READ_ONLY[-2][0], READ_ONLY[-1][0]
TO_FILL = (
    ("Trạng thái", 18),
    ("Ngày hoàn thành", 14),
    ("Kết quả thực hiện", 40),
    ("Khó khăn, vướng mắc", 32),
    ("Đề xuất, kiến nghị", 32),
    ("Văn bản, minh chứng", 24),
)
HEADER_ROW = 5  # rows above it say how to fill the form


def column_of(header: str) -> int:
    """A header's column in the form as the site makes it now (1 for Mã)."""
    return next(c for c, (name, _) in enumerate(READ_ONLY + TO_FILL, start=1) if name == header)


INSTRUCTIONS = (
    "Điền các cột nền vàng cho những việc có thay đổi trong kỳ; để trống dòng không có gì mới (giữ trạng thái đã báo cáo).",
    "Trạng thái: chọn trong danh sách. Hoàn thành cần Ngày hoàn thành (ngày/tháng/năm); Không thực hiện cần lý do ở cột "
    "Khó khăn hoặc Đề xuất. Không sửa các cột khác.",
)
_FILL = PatternFill("solid", fgColor="FFF2CC")
_BOLD, _WRAP = Font(bold=True), Alignment(wrap_text=True, vertical="top")
# The item rows' cells, as named styles: each cell names one, which is much quicker than setting its
# alignment, fill and protection one by one (openpyxl looks each of those up in the workbook's lists).
_READ_ONLY_CELL, _TO_FILL_CELL, _DAY_CELL = "Chỉ đọc", "Ô cần điền", "Ô cần điền (ngày)"


def _row_styles(workbook: Workbook) -> None:
    """The item rows' styles: locked text, and the yellow cells staff fill, one of them a day."""
    unlocked, font = Protection(locked=False), copy(DEFAULT_FONT)  # a named style's own font has no name
    workbook.add_named_style(NamedStyle(_READ_ONLY_CELL, font=font, alignment=_WRAP))
    workbook.add_named_style(NamedStyle(_TO_FILL_CELL, font=font, fill=_FILL, protection=unlocked, alignment=_WRAP))
    day = NamedStyle(_DAY_CELL, font=font, fill=_FILL, protection=unlocked, alignment=_WRAP, number_format="DD/MM/YYYY")
    workbook.add_named_style(day)


@dataclass(frozen=True)
class FormRow:
    """What the locked cells of one item's row say."""

    uid: str
    label: str
    kind: str
    text: str
    role: str
    deadline: str

    @property
    def read_only(self) -> tuple[str, ...]:
        return (self.uid, self.label, self.kind, self.text, self.role, self.deadline)


def form_rows(index: ItemIndex, reporters: Reporters, agency_id: str) -> list[FormRow]:
    identities = index.registry.identities(agency_id)
    rows = []
    for uid in reporters.by_agency.get(agency_id, ()):
        item = index.by_uid[uid]
        role = "Chủ trì" if identities & set(item.lead) else "Phối hợp"
        deadline = schedule.labels_for(item.deadlines, identities)
        rows.append(FormRow(uid, sitemap.item_label(item), ITEM_KINDS[item.kind].short, item.text, role, deadline))
    return rows


@dataclass(frozen=True)
class FormContent:
    """What an agency's form prints, as plain data: the file is made from this alone, so the build cache
    can keep it by this (exports.catalog.Download.content)."""

    title: str
    agency_id: str
    plan_number: str
    creator: str
    stamp: dt.datetime
    rows: tuple[tuple[str, ...], ...]  # each item's locked cells: FormRow.read_only, its last status, its assessment


# The derived statuses, as a form says them to the staff who fill it: what the site made of the status they
# typed, against the deadline. The others read as typed.
_ASSESSED = {
    OVERDUE: "Quá hạn: đã qua thời hạn mà chưa hoàn thành",
    DONE_LATE: "Hoàn thành sau thời hạn",
}


def reported_text(entry, report) -> str:
    """ "Đang thực hiện (báo cáo tháng 10/2026)": the status as typed, and the month of its report."""
    return f"{entry.status} (báo cáo {period_title(report.period).lower()})"


def assessed_text(status: str) -> str:
    return _ASSESSED.get(status, status)


def form_content(index: ItemIndex, reporters: Reporters, agency_id: str, progress=None) -> FormContent:
    """The agency's form; with `progress`, beside each item the status it last reported, as typed, and
    what the site makes of it against the deadline, in two columns."""
    rows = []
    for row in form_rows(index, reporters, agency_id):
        reported = progress.status(row.uid, agency_id) if progress else None
        typed = reported_text(reported.entry, reported.report) if reported and reported.report else ""
        assessed = assessed_text(reported.status) if reported and reported.report else ""
        rows.append((*row.read_only, typed, assessed))
    return FormContent(
        f"Báo cáo tiến độ thực hiện {index.identity.plan_name} — {index.registry.by_id[agency_id].name}",
        agency_id,
        index.identity.number,
        index.identity.plan_name,
        dt.datetime.combine(index.identity.date, dt.time()),  # fixed: the same plan gives the same file
        tuple(rows),
    )


def form_bytes(index: ItemIndex, reporters: Reporters, agency_id: str, progress=None) -> bytes:
    return write_form(form_content(index, reporters, agency_id, progress))


def write_form(content: FormContent) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["A1"] = content.title
    sheet["A1"].font = Font(bold=True, size=13)
    for offset, line in enumerate(INSTRUCTIONS, start=2):
        sheet.cell(row=offset, column=1, value=line)
    headers = READ_ONLY + TO_FILL
    for column, (header, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = _BOLD
        sheet.column_dimensions[get_column_letter(column)].width = width
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(TYPED_STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Trạng thái",
        error="Chọn một trạng thái trong danh sách.",
    )
    day = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ngày hoàn thành",
        error="Nhập một ngày: ngày/tháng/năm.",
    )
    sheet.add_data_validation(status)
    sheet.add_data_validation(day)
    _row_styles(workbook)
    day_column = len(READ_ONLY) + 2
    for r, cells in enumerate(content.rows, start=HEADER_ROW + 1):
        for column, value in enumerate(cells, start=1):
            sheet.cell(row=r, column=column, value=value).style = _READ_ONLY_CELL
        for column in range(len(READ_ONLY) + 1, len(headers) + 1):
            sheet.cell(row=r, column=column).style = _DAY_CELL if column == day_column else _TO_FILL_CELL
    if content.rows:  # each list and check over its whole column of item rows
        first, last = HEADER_ROW + 1, HEADER_ROW + len(content.rows)
        for validation, column in ((status, len(READ_ONLY) + 1), (day, day_column)):
            letter = get_column_letter(column)
            validation.add(f"{letter}{first}:{letter}{last}")
    sheet.freeze_panes = f"B{HEADER_ROW + 1}"
    sheet.protection.sheet = True  # the locked columns stay as they are; the yellow ones take input
    meta = workbook.create_sheet(META_SHEET)
    meta.append(["agency", content.agency_id])
    meta.append(["plan", content.plan_number])
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    workbook.properties.creator = content.creator
    workbook.properties.created = workbook.properties.modified = content.stamp
    out = io.BytesIO()
    workbook.save(out)
    return fixed_zip_times(out.getvalue(), content.stamp)
