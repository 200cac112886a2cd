"""The pieces of a Word document that python-docx gives no single call for, at the sizes of an administrative
document (Nghị định 30/2020/NĐ-CP, Phụ lục I; exports/wordreport.py lays them out): paragraphs and table cells
in Times New Roman, tables whose columns keep their widths, a PAGE field, a header row repeated on every page,
a row kept on one page, and the bytes of a document stamped with a fixed date. The field and the two row
properties are the only elements written by hand (docx.oxml)."""

import datetime as dt
import io

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from plannav.exports.tables import fixed_zip_times

FONT = "Times New Roman"


BODY_PT, TABLE_PT, SMALL_PT = 14, 12, 11


PORTRAIT = {"width": Mm(210), "height": Mm(297)}


MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(18)}


WIDTH_CM = 16.2  # the text's width on a portrait page; 24.9 on a landscape one


CENTER, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


def margins(section) -> None:
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]


def page_number(paragraph) -> None:
    """A PAGE field, centred: Word and Writer print the page's number in its place."""
    paragraph.alignment = CENTER
    run = paragraph.add_run()
    run.font.size = Pt(BODY_PT)
    for kind, text in (("begin", None), ("instr", "PAGE"), ("separate", None), ("text", "2"), ("end", None)):
        if kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        elif kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def repeat_header(table) -> None:
    """The table's first row repeated at the top of every page it runs onto."""
    row = table.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    row.append(element)


def keep_whole(row) -> None:
    """The row on one page: "Nơi nhận" and the signature are never parted."""
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def run(paragraph, text: str, size: int, bold: bool, italic: bool) -> None:
    # Only what differs from the Normal style: each property set is an element more in every paragraph.
    run = paragraph.add_run(text)
    if size != BODY_PT:
        run.font.size = Pt(size)
    if bold:
        run.bold = True
    if italic:
        run.italic = True


def para(container, text="", size=BODY_PT, bold=False, italic=False, align=None, indent=False, after=6):
    paragraph = container.add_paragraph()
    if text:
        run(paragraph, text, size, bold, italic)
    paragraph.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    if after:
        paragraph.paragraph_format.space_after = Pt(after)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
    return paragraph


def cell_text(cell, text, size=TABLE_PT, bold=False, italic=False, align=LEFT, first=True):
    paragraph = cell.paragraphs[0] if first and not cell.paragraphs[0].text else cell.add_paragraph()
    run(paragraph, text, size, bold, italic)
    paragraph.alignment = align
    return paragraph


def sized_table(doc, rows: int, widths: tuple[float, ...]):
    """A table whose columns keep the widths given (in cm): the grid's, which Word and Writer follow,
    and each cell's."""
    table = doc.add_table(rows=rows, cols=len(widths))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for number, cell in enumerate(cells_of(table)):
        cell.width = Cm(widths[number % len(widths)])
    return table


def cells_of(table) -> list:
    """Every cell, row by row. python-docx's public accessors (row.cells, column.cells) rebuild this
    whole list at each call, which makes a long table's filling quadratic; it is read once here."""
    return table._cells


def table(doc, headers, rows, widths: tuple[float, ...], size: int = TABLE_PT) -> None:
    # Every row made at once: adding them one by one costs more than filling them.
    table = sized_table(doc, 1 + len(rows), widths)
    table.style = doc.styles["Table Grid"]
    repeat_header(table)
    columns, points = len(widths), Pt(size)
    cells = cells_of(table)
    for cell, text in zip(cells[:columns], headers, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = True, points
    for number, values in enumerate(rows, 1):
        for cell, value in zip(cells[number * columns : (number + 1) * columns], values, strict=True):
            # Writer does not read a table style's text size: each run says it.
            cell.paragraphs[0].add_run(value).font.size = points
    para(doc, "", after=0)


def as_bytes(doc, stamp: dt.date) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return fixed_zip_times(out.getvalue(), dt.datetime.combine(stamp, dt.time()))
