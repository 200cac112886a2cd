"""The drafted monthly reports as Word documents (.docx), in the form of an administrative document.

The form follows Nghị định 30/2020/NĐ-CP of 05/3/2020 on clerical work (công tác văn thư), Appendix I,
"Thể thức, kỹ thuật trình bày văn bản hành chính", as its rules are set out in the project's design
notes and in the public guides to it consulted (the decree's own text could not be read here):
- A4 portrait; margins top and bottom 20 mm, left 30 mm, right 18 mm (the decree allows 20–25, 20–25,
  30–35, 15–20); the font Times New Roman throughout;
- top right, the national title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in capitals, 12 pt, upright, bold,
  and under it the motto "Độc lập - Tự do - Hạnh phúc", 13 pt, upright, bold, underlined by a rule;
- top left, the issuing body's name in capitals, 13 pt, upright, bold, with a short rule under it,
  then the number line "Số: …/BC-…", 13 pt, left for the clerk to fill;
- place and date "…, ngày … tháng … năm …", 13 pt, italic, under the motto, left to fill;
- the document type "BÁO CÁO", 14 pt, bold, centred, and its summary line, 14 pt, bold, centred;
- the body in 14 pt, justified, first lines indented 1.27 cm, 6 pt between paragraphs;
- "Nơi nhận:" 12 pt, bold italic, and its list 11 pt; the signer's title in capitals, 14 pt, bold,
  with the signature left blank.
The rules drawn under names are runs of a line character, which python-docx writes without any
hand-made Office XML.
"""

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from plannav.exports.tables import fixed_zip_times
from plannav.progress.monthly import FORM, AgencyReport, Heading, ItemNote, MonthSummary

FONT = "Times New Roman"
BODY_PT, TABLE_PT = 14, 12
PAGE = {"width": Mm(210), "height": Mm(297), "top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(18)}


def _document(heading: Heading, stamp: dt.date) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE["width"], PAGE["height"]
    section.top_margin, section.bottom_margin = PAGE["top"], PAGE["bottom"]
    section.left_margin, section.right_margin = PAGE["left"], PAGE["right"]
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    normal.paragraph_format.space_after = normal.paragraph_format.space_before = Pt(0)
    doc.styles["Table Grid"].font.name = FONT
    props = doc.core_properties
    props.title = f"Báo cáo {heading.period_title.lower()} — {heading.issuer}"
    props.author = props.last_modified_by = heading.issuer
    props.revision = 1
    moment = dt.datetime.combine(stamp, dt.time())
    props.created = props.modified = moment
    props.last_printed = moment
    return doc


def _run(paragraph, text: str, size: int, bold: bool, italic: bool) -> None:
    # Only what differs from the Normal style: each property set is an element more in every paragraph.
    run = paragraph.add_run(text)
    if size != BODY_PT:
        run.font.size = Pt(size)
    if bold:
        run.bold = True
    if italic:
        run.italic = True


def _para(container, text="", size=BODY_PT, bold=False, italic=False, align=None, indent=False, after=6):
    paragraph = container.add_paragraph()
    if text:
        _run(paragraph, text, size, bold, italic)
    paragraph.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    if after:
        paragraph.paragraph_format.space_after = Pt(after)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
    return paragraph


def _cell_text(cell, text, size=TABLE_PT, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.LEFT, first=True):
    paragraph = cell.paragraphs[0] if first and not cell.paragraphs[0].text else cell.add_paragraph()
    _run(paragraph, text, size, bold, italic)
    paragraph.alignment = align
    return paragraph


def _sized_table(doc, rows: int, widths: tuple[float, ...]):
    """A table whose columns keep the widths given (in cm): the grid's, which Word and Writer follow,
    and each cell's."""
    table = doc.add_table(rows=rows, cols=len(widths))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for number, cell in enumerate(_cells(table)):
        cell.width = Cm(widths[number % len(widths)])
    return table


def _cells(table) -> list:
    """Every cell, row by row. python-docx's public accessors (row.cells, column.cells) rebuild this
    whole list at each call, which makes a long table's filling quadratic; it is read once here."""
    return table._cells


def _letterhead(doc, heading: Heading) -> None:
    table = _sized_table(doc, 1, (6.0, 10.0))
    left, right = table.rows[0].cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_text(left, heading.issuer.upper(), 13, bold=True, align=center)
    _cell_text(left, "──────", 13, align=center, first=False)
    _cell_text(left, FORM.number_line, 13, align=center, first=False)
    _cell_text(right, FORM.national_title, 12, bold=True, align=center)
    _cell_text(right, FORM.motto, 13, bold=True, align=center, first=False)
    _cell_text(right, "─────────────────", 13, align=center, first=False)
    _cell_text(right, FORM.place_date, 13, italic=True, align=center, first=False)
    if heading.sample:
        _para(doc, FORM.sample_note, 12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "", after=0)
    _para(doc, FORM.kind, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(doc, heading.summary, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(doc, "────────", 14, align=WD_ALIGN_PARAGRAPH.CENTER)


def _table(doc, headers, rows, widths: tuple[float, ...], small: bool = False) -> None:
    # Every row made at once: adding them one by one costs more than filling them.
    table = _sized_table(doc, 1 + len(rows), widths)
    table.style = doc.styles["Table Grid"]
    columns, size = len(widths), Pt(10 if small else TABLE_PT)
    head = Pt(9) if small else size  # a narrow column's header ("Không thực hiện") keeps its words whole
    cells = _cells(table)
    for cell, text in zip(cells[:columns], headers, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = True, head
    for number, values in enumerate(rows, 1):
        for cell, value in zip(cells[number * columns : (number + 1) * columns], values, strict=True):
            # Writer does not read a table style's text size: each run says it.
            cell.paragraphs[0].add_run(value).font.size = size
    _para(doc, "", after=0)


def _notes(doc, notes: tuple[ItemNote, ...], empty: str, with_agency: bool = False) -> None:
    if not notes:
        _para(doc, empty, indent=True)
    for note in notes:
        who = f" ({note.agency})" if with_agency and note.agency else ""
        said = f": {note.text}" if note.text else ""
        _para(doc, f"- {note.item.text}{who} — {note.content} [{note.status}]{said}", indent=True)


def _closing(doc, heading: Heading) -> None:
    table = _sized_table(doc, 1, (7.5, 8.5))
    left, right = table.rows[0].cells
    _cell_text(left, FORM.recipients, 12, bold=True, italic=True)
    for recipient in heading.recipients:
        _cell_text(left, f"- {recipient};", 11, first=False)
    _cell_text(left, f"- {FORM.filed}", 11, first=False)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_text(right, FORM.signer, 14, bold=True, align=center)
    _cell_text(right, FORM.sign_hint, 13, italic=True, align=center, first=False)


def _bytes(doc, stamp: dt.date) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return fixed_zip_times(out.getvalue(), dt.datetime.combine(stamp, dt.time()))


def agency_report_bytes(report: AgencyReport, stamp: dt.date) -> bytes:
    doc = _document(report.heading, stamp)
    _letterhead(doc, report.heading)
    said = f"ngày {report.report_date}" + (f", số {report.report_number}" if report.report_number else "")
    _para(
        doc,
        f"{report.agency.text} báo cáo kết quả thực hiện {report.heading.period_title.lower()} ({said}) "
        f"đối với {report.total} việc được giao, như sau:",
        indent=True,
    )
    _para(doc, "I. KẾT QUẢ THỰC HIỆN", bold=True)
    counted = "; ".join(f"{s}: {n}" for s, n in report.counted)
    _para(doc, f"Tổng số {report.total} việc. {counted}.", indent=True)
    _table(
        doc,
        ("STT", "Nội dung", "Thời hạn", "Trạng thái", "Kết quả"),
        [
            (
                str(r.number),
                f"{r.item.text}: {r.content}",
                r.deadline,
                r.status + (f" (theo báo cáo {r.since.lower()})" if r.since else ""),
                r.result,
            )
            for r in report.rows
        ],
        (1.3, 6.2, 2.5, 2.5, 3.5),
    )
    _para(doc, "II. NHIỆM VỤ CHẬM TIẾN ĐỘ, KHÓ KHĂN, VƯỚNG MẮC", bold=True)
    _notes(doc, report.blocked, "Không có.")
    _para(doc, f"III. NHIỆM VỤ TRỌNG TÂM {report.next_title.upper()}", bold=True)
    _notes(doc, report.upcoming, "Không có việc đến hạn.")
    _para(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ", bold=True)
    _notes(doc, report.proposals, "Không có.")
    _closing(doc, report.heading)
    return _bytes(doc, stamp)


def month_summary_bytes(summary: MonthSummary, stamp: dt.date) -> bytes:
    doc = _document(summary.heading, stamp)
    _letterhead(doc, summary.heading)
    _para(
        doc,
        f"Tổng hợp báo cáo {summary.heading.period_title.lower()} của các cơ quan, đơn vị: "
        f"{summary.sent} cơ quan đã báo cáo, {len(summary.missing)} cơ quan chưa báo cáo, "
        f"{len(summary.late)} cơ quan báo cáo muộn.",
        indent=True,
    )
    _para(doc, "I. KẾT QUẢ THỰC HIỆN THEO CƠ QUAN", bold=True)
    _table(
        doc,
        ("Cơ quan", "Báo cáo", *summary.statuses, "Tổng"),
        [(t.agency.text, t.shown, *(str(n) for n in t.counts), str(t.total)) for t in summary.tallies]
        + [(FORM.pairs_total, "", *(str(n) for n in summary.totals), str(summary.total))],
        (3.3, 2.0, *([1.3] * len(summary.statuses)), 1.5),
        small=True,  # nine columns on the width of an A4 page
    )
    _para(doc, "II. NHIỆM VỤ QUÁ HẠN VÀ NGUYÊN NHÂN", bold=True)
    _notes(doc, summary.overdue, "Không có.", with_agency=True)
    _para(doc, "III. CƠ QUAN CHƯA BÁO CÁO, BÁO CÁO MUỘN", bold=True)
    _para(doc, f"Chưa báo cáo: {summary.listed(summary.missing)}.", indent=True)
    _para(doc, f"Báo cáo muộn: {summary.listed(summary.late)}.", indent=True)
    _para(doc, "IV. THAY ĐỔI SO VỚI THÁNG TRƯỚC", bold=True)
    for title, changes in summary.changes:
        _para(doc, f"{title}: {len(changes)}.", indent=True)
        for c in changes:
            said = f": {c.text}" if c.text else ""
            _para(doc, f"- {c.item.text} ({c.agency.text}) [{c.shown}]{said}", indent=True)
    _closing(doc, summary.heading)
    return _bytes(doc, stamp)
