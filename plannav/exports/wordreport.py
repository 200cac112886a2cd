"""The drafted monthly reports as Word documents (.docx), in the form of an administrative document.

The form follows Nghị định 30/2020/NĐ-CP of 05/3/2020 on clerical work (công tác văn thư), Appendix I,
"Thể thức, kỹ thuật trình bày văn bản hành chính", as its rules are set out in the project's design
notes and in the public guides to it consulted (the decree's own text could not be read here):
- A4 portrait; margins top and bottom 20 mm, left 30 mm, right 18 mm (the decree allows 20–25, 20–25,
  30–35, 15–20); the font Times New Roman throughout; an appendix whose table is wide, landscape;
- page numbers in Arabic figures, 14 pt, centred in the top margin, not on the first page;
- top left, the name of the body directly above the issuer (upright capitals, 13 pt), then the issuer's
  name (bold capitals, 13 pt) with a short rule under it, then the number line "Số: …/BC-STP": the kind's
  symbol (BC, Phụ lục III) and the issuer's, the number itself left for the clerk;
- top right, the national title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in capitals, 12 pt, upright, bold,
  and under it the motto "Độc lập - Tự do - Hạnh phúc", 13 pt, bold, underlined by a rule; under them the
  place and date "Lâm Đồng, ngày … tháng … năm …", 13 pt, italic, the day left to fill;
- the document type "BÁO CÁO", 14 pt, bold, centred, and its summary line, 14 pt, bold, centred, with a
  short rule under it; "Kính gửi:" and the addressees;
- the body in 14 pt, justified, first lines indented 1.27 cm, 6 pt between paragraphs;
- "Nơi nhận:" 12 pt, bold italic, its list 11 pt ("- Như trên;" for the addressees, "- Lưu: VT, …" last);
  on the right the authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), capitals,
  14 pt, bold, then room for the signature and the signer's name, left blank;
- each appendix on its own pages: "PHỤ LỤC", its title, "(Kèm theo Báo cáo số …/BC-… ngày … của …)", and
  its table, the header row repeated on every page.
The rules drawn under names are runs of a line character; the pieces python-docx has no single call for are
in exports/docxparts.py.
"""

import datetime as dt

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm, Pt

from plannav.exports.docxparts import (
    BODY_PT,
    CENTER,
    FONT,
    LEFT,
    PORTRAIT,
    SMALL_PT,
    as_bytes,
    cell_text,
    keep_whole,
    margins,
    page_number,
    para,
    sized_table,
    table,
)
from plannav.progress.drafted import AgencyReport, Difficulty, MonthSummary
from plannav.progress.letterhead import FORM, Heading

# The letterhead's two columns are wider together than the text (16.2 cm), into both margins, as forms
# usually are: the national title and "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" each keep to one line.
LETTERHEAD_CM = (8.4, 9.6)
SIGNING_SPACE = 4  # empty lines under the authority lines: the signature and the seal


def _document(heading: Heading, stamp: dt.date) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PORTRAIT["width"], PORTRAIT["height"]
    margins(section)
    # The page number from the second page: the first page's header is left empty.
    section.different_first_page_header_footer = True
    page_number(section.header.paragraphs[0])
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


def _letterhead(doc, heading: Heading) -> None:
    head = heading.letterhead
    table = sized_table(doc, 1, LETTERHEAD_CM)
    left, right = table.rows[0].cells
    first = True
    if head.superior:
        cell_text(left, head.superior, 12, align=CENTER)
        first = False
    for line in head.lines:
        cell_text(left, line, 13, bold=True, align=CENTER, first=first)
        first = False
    cell_text(left, "──────", 13, align=CENTER, first=False)
    cell_text(left, head.number_line, 13, align=CENTER, first=False)
    cell_text(right, FORM.national_title, 12, bold=True, align=CENTER)
    cell_text(right, FORM.motto, 13, bold=True, align=CENTER, first=False)
    cell_text(right, "─────────────────", 13, align=CENTER, first=False)
    cell_text(right, head.place_date, 13, italic=True, align=CENTER, first=False)
    if heading.sample:
        para(doc, FORM.sample_note, 12, bold=True, align=CENTER)
    para(doc, "", after=0)
    para(doc, FORM.kind, 14, bold=True, align=CENTER, after=0)
    para(doc, heading.summary, 14, bold=True, align=CENTER, after=0)
    para(doc, "────────", 14, align=CENTER)
    if len(heading.addressees) == 1:
        para(doc, f"{FORM.addressed} {heading.addressees[0]}.", align=CENTER)
        return
    para(doc, FORM.addressed, align=CENTER, after=0)
    for number, addressee in enumerate(heading.addressees, 1):
        line = para(doc, f"- {addressee}{'.' if number == len(heading.addressees) else ';'}", align=LEFT, after=0)
        line.paragraph_format.left_indent = Cm(5)
    para(doc, "", after=0)


def _heading(doc, text: str) -> None:
    para(doc, text, bold=True, indent=True)


def _dashed(doc, lines) -> None:
    for line in lines:
        para(doc, f"- {line}", indent=True)


def _closing(doc, heading: Heading) -> None:
    para(doc, "", after=0)
    table = sized_table(doc, 1, (7.6, 8.6))
    keep_whole(table.rows[0])
    left, right = table.rows[0].cells
    cell_text(left, FORM.recipients, 12, bold=True, italic=True)
    for recipient in (FORM.as_above, *(f"{c};" for c in heading.copies), FORM.filed):
        cell_text(left, f"- {recipient}", SMALL_PT, first=False)
    for number, line in enumerate(heading.signs):
        cell_text(right, line, 14, bold=True, align=CENTER, first=not number)
    for _ in range(SIGNING_SPACE):
        cell_text(right, "", 14, first=False)


def _appendix(doc, heading: Heading, title: str, landscape: bool = True):
    """A new section on a new page for an appendix, its heading printed; the page numbers go on."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False  # its first page is not the document's
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = PORTRAIT["height"], PORTRAIT["width"]
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PORTRAIT["width"], PORTRAIT["height"]
    margins(section)
    para(doc, title.split("\n", 1)[0], 14, bold=True, align=CENTER, after=0)
    for line in title.split("\n")[1:]:
        para(doc, line, 14, bold=True, align=CENTER, after=0)
    para(doc, heading.appendix_line, 14, italic=True, align=CENTER)
    if heading.sample:
        para(doc, FORM.sample_note, 12, bold=True, align=CENTER)


def _difficulties(doc, rows: tuple[Difficulty, ...], with_agencies: bool = False) -> None:
    if not rows:
        para(doc, FORM.none, indent=True)
        return
    if with_agencies:
        headers = ("STT", "Nhiệm vụ", "Hạn", "Số cơ quan chậm", "Nguyên nhân")
        widths = (1.3, 5.8, 2.6, 1.9, 4.6)
        values = [
            (str(n), f"{d.item.text}: {d.what}", d.due, d.agencies, d.reason or FORM.no_reason)
            for n, d in enumerate(rows, 1)
        ]
    else:
        headers = ("STT", "Nhiệm vụ", "Hạn", "Nguyên nhân")
        widths = (1.3, 7.1, 2.6, 5.2)
        values = [(str(n), f"{d.item.text}: {d.what}", d.due, d.reason or FORM.no_reason) for n, d in enumerate(rows, 1)]
    table(doc, headers, values, widths, SMALL_PT)


def _the_rest(doc, report: AgencyReport | MonthSummary, proposals: list[str], with_agencies: bool = False) -> None:
    """II. difficulties, III. next month's work, IV. proposals, then "Nơi nhận" and the signature: the same
    in an agency's report and the consolidated one."""
    _heading(doc, FORM.difficulties)
    _difficulties(doc, report.difficulties, with_agencies)
    _heading(doc, report.next_heading)
    para(doc, report.next_line, indent=True)
    _dashed(doc, (f"{n.item.text}: {n.text}" for n in report.upcoming))
    _heading(doc, FORM.proposals)
    if not proposals:
        para(doc, FORM.none, indent=True)
    _dashed(doc, proposals)
    _closing(doc, report.heading)


def _begun(report: AgencyReport | MonthSummary, stamp: dt.date) -> Document:
    """A report's document up to its results' heading: the letterhead, the title, the opening paragraph."""
    doc = _document(report.heading, stamp)
    _letterhead(doc, report.heading)
    para(doc, report.opening, indent=True)
    _heading(doc, FORM.results)
    return doc


def agency_report_bytes(report: AgencyReport, stamp: dt.date) -> bytes:
    heading = report.heading
    doc = _begun(report, stamp)
    para(doc, f"1. {report.standing_line}", indent=True)
    para(doc, f"2. {report.month_line}", indent=True)
    _dashed(doc, (f"{c.item.text} {c.line}" for c in report.changed))
    _the_rest(doc, report, [f"{n.item.text}: {n.text}" for n in report.proposals])
    _appendix(doc, heading, f"{FORM.appendix.upper()}\n{report.appendix_title.upper()}")
    table(
        doc,
        ("STT", "Nhiệm vụ", "Thời hạn", "Trạng thái", "Kết quả"),
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
        (1.2, 9.6, 3.4, 3.2, 7.5),
        SMALL_PT,
    )
    return as_bytes(doc, stamp)


def month_summary_bytes(summary: MonthSummary, stamp: dt.date) -> bytes:
    heading = summary.heading
    doc = _begun(summary, stamp)
    para(doc, f"1. {summary.reporting_line}", indent=True)
    para(doc, f"2. {summary.items_line} {summary.pairs_line}", indent=True)
    para(doc, f"3. {summary.month_line}", indent=True)
    _the_rest(doc, summary, [f"{n.item.text} ({n.agency}): {n.text}" for n in summary.proposals], with_agencies=True)
    _appendix(doc, heading, f"{FORM.appendix.upper()} I\n{summary.appendix_titles[0].upper()}")
    table(
        doc,
        ("Cơ quan", "Báo cáo", *summary.statuses, "Tổng"),
        [(t.agency.text, t.shown, *(str(n) for n in t.counts), str(t.total)) for t in summary.tallies]
        + [(FORM.pairs_total, "", *(str(n) for n in summary.totals), str(summary.total))],
        (6.4, 2.9, *([1.9] * len(summary.statuses)), 2.3),
        SMALL_PT,
    )
    _appendix(doc, heading, f"{FORM.appendix.upper()} II\n{summary.appendix_titles[1].upper()}")
    table(
        doc,
        ("Cơ quan", "Hạn (ngày)", *summary.register_months),
        [(r.agency.text, str(r.day), *r.cells) for r in summary.register],
        (7.9, 2.0, *([15.0 / max(len(summary.register_months), 1)] * len(summary.register_months))),
        SMALL_PT,
    )
    _appendix(doc, heading, f"{FORM.appendix.upper()} III\n{summary.appendix_titles[2].upper()}")
    table(
        doc,
        ("STT", "Nhiệm vụ", "Cơ quan báo cáo hoàn thành", "Kết quả"),
        [(str(n), f"{c.item.text}: {c.content}", c.agencies, c.sentence) for n, c in enumerate(summary.changed, 1)],
        (1.2, 9.0, 6.7, 8.0),
        SMALL_PT,
    )
    return as_bytes(doc, stamp)
