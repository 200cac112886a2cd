"""The drafted monthly reports (progress.monthly, exports/wordreport.py): every Word document opened with
python-docx and checked for the form of an administrative document (Nghị định 30/2020/NĐ-CP: A4, the
margins, Times New Roman and its sizes, the national title and motto, the issuing body, the period),
every item row with its status, and numbers that agree with the dashboard and with the page version.
The reports are the sample's 24 months of made-up ones (scripts/sample_progress.py, ending in October
2026), marked as sample data."""

import datetime as dt
import io
import shutil
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup
from docx import Document
from docx.shared import Mm, Pt
from sitebuild import ROOT, edit_plan

from plannav.exports.wordreport import agency_report_bytes, month_summary_bytes
from plannav.progress import months
from plannav.progress.drafting import agency_report
from plannav.progress.letterhead import FORM
from plannav.sitemodel import SiteModel


@pytest.fixture(scope="module")
def drafted(two_years):
    """The sample's site, whose latest month (October 2026) is drafted, and the model of its reports."""
    return two_years / "site", SiteModel.from_folder(ROOT / "plan", two_years / "progress")


def _docx(site, period, name):
    return Document(str(site / "tai-ve" / "bao-cao" / period / f"{name}.docx"))


def _soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _letterhead(doc) -> tuple[list, list]:
    left, right = doc.tables[0].rows[0].cells
    return left.paragraphs, right.paragraphs


def _headed(doc, first: str):
    """The tables whose header row starts with `first`, in the document's order."""
    return [t for t in doc.tables if len(t.rows[0].cells) > 2 and t.rows[0].cells[0].text == first]


def _body(doc) -> list[str]:
    """The paragraphs before the first appendix."""
    texts = _texts(doc)
    return texts[: next((i for i, t in enumerate(texts) if t.startswith("PHỤ LỤC")), len(texts))]


def _closing(doc):
    """The table of "Nơi nhận" and the authority lines."""
    return next(t for t in doc.tables if t.rows[0].cells[0].paragraphs[0].text == FORM.recipients)


def _repeats_header(table) -> bool:
    return table.rows[0]._tr.xpath("./w:trPr/w:tblHeader") != []


def test_a_document_is_drafted_for_each_report_of_the_latest_month_and_for_the_month(drafted):
    site, model = drafted
    progress = model.progress
    assert months.drafted_months(progress) == ["2026-10"]
    assert not (site / "tai-ve" / "bao-cao" / "2026-09").exists()  # an earlier month had its drafts in its time
    assert not (site / "thuc-hien" / "2026-09" / "tong-hop").exists()
    for period in ["2026-10"]:
        folder = site / "tai-ve" / "bao-cao" / period
        senders = {r.agency for r in progress.month_reports(period)}
        assert senders and {p.stem for p in folder.glob("*.docx")} == senders | {"tong-hop"}
        assert (site / "thuc-hien" / period / "tong-hop" / "index.html").is_file()
        for agency in senders:
            assert (site / "thuc-hien" / period / agency / "index.html").is_file()


def test_every_document_has_the_form_of_an_administrative_document(drafted):
    site, model = drafted
    registry = model.views.registry
    documents = list((site / "tai-ve" / "bao-cao").rglob("*.docx"))
    assert len(documents) > 20
    for path in documents:
        doc = Document(str(path))
        first, *appendices = doc.sections
        # A4 portrait, to the twip Word stores it in; the appendices landscape, the same margins
        assert abs(first.page_width - Mm(210)) < Mm(0.1) and abs(first.page_height - Mm(297)) < Mm(0.1), path
        assert appendices, path
        for section in doc.sections:
            assert Mm(20) <= section.top_margin <= Mm(25) and Mm(20) <= section.bottom_margin <= Mm(25), path
            assert Mm(30) <= section.left_margin <= Mm(35) and Mm(15) <= section.right_margin <= Mm(20), path
        assert all(s.page_width > s.page_height for s in appendices), path
        # Page numbers: a PAGE field centred in the header, not on the first page; the appendices go on counting.
        assert first.different_first_page_header_footer and not first.first_page_header.paragraphs[0].text, path
        number = first.header.paragraphs[0]
        assert number._p.xpath(".//w:instrText[normalize-space()='PAGE']") and number.alignment == 1, path
        assert all(not s.different_first_page_header_footer and s.header.is_linked_to_previous for s in appendices)
        normal = doc.styles["Normal"].font
        assert normal.name == "Times New Roman" and Pt(13) <= normal.size <= Pt(14), path
        runs = [r for p in doc.paragraphs for r in p.runs] + [
            r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
        ]
        assert {r.font.name for r in runs} <= {None, "Times New Roman"}, path
        left, right = _letterhead(doc)
        title, motto = right[0].runs[0], right[1].runs[0]
        assert title.text == FORM.national_title and title.bold and Pt(12) <= title.font.size <= Pt(13), path
        assert motto.text == FORM.motto and motto.bold and Pt(13) <= motto.font.size <= Pt(14), path
        # The superior body upright, the issuer bold, then the number line with the issuer's symbol.
        issuer_id = path.stem if path.stem != "tong-hop" else "ubnd-tinh-lam-dong"
        drawn = registry.by_id[issuer_id].letterhead
        lines = [p for p in left if p.text and not p.text.startswith("─")]
        if drawn and drawn.superior:
            assert lines[0].text == drawn.superior and not lines[0].runs[0].bold, path
            lines = lines[1:]
        elif drawn is None or drawn.superior is None:
            assert lines[0].text == FORM.unknown_superior, path  # to fill, or strike out
            lines = lines[1:]
        *names, number_line = lines
        assert [n.text for n in names] == (
            drawn.lines if drawn and drawn.lines else [registry.by_id[issuer_id].name.upper()]
        )
        assert all(n.runs[0].bold and Pt(12) <= n.runs[0].font.size <= Pt(13) for n in names), path
        symbol = drawn.symbol if drawn and drawn.symbol else FORM.blank
        assert number_line.text == f"Số: {FORM.blank}/BC-{symbol}", path
        # Lâm Đồng's bodies since 07/2025: the place of the date line, its day left blank
        assert right[3].text == "Lâm Đồng, ngày …… tháng …… năm ……" and right[3].runs[0].italic, path
        texts = _texts(doc)
        assert "BÁO CÁO" in texts and FORM.sample_note in texts, path  # made-up reports say so
        period = path.parent.name
        summary = texts[texts.index("BÁO CÁO") + 1]
        assert summary == (
            "Kết quả thực hiện Kế hoạch triển khai Đề án 06 ban hành kèm theo Quyết định số 468/QĐ-UBND ngày 01/3/2022 "
            f"của Ủy ban nhân dân tỉnh Đắk Nông, tháng {int(period[5:])}/{period[:4]}"
        ), path
        assert not any("Kế hoạch số 468" in t for t in texts), path
        closing = _closing(doc).rows[0].cells
        sent_to = closing[0].paragraphs
        assert sent_to[0].text == "Nơi nhận:" and sent_to[0].runs[0].bold and sent_to[0].runs[0].italic, path
        assert sent_to[1].text == "- Như trên;" and sent_to[-1].text.startswith("- Lưu: VT"), path
        signs = [p for p in closing[1].paragraphs if p.text]
        expected = drawn.signs if drawn and drawn.signs else list(FORM.head_signs)
        assert [p.text for p in signs] == expected and all(p.runs[0].bold for p in signs), path
        assert "(Ký" not in closing[1].text, path  # no placeholder: the space is for the signature
        # Every table of rows says its header again on each page it runs onto.
        closing_table = _closing(doc)._tbl
        for table in doc.tables[1:]:
            if table._tbl is not closing_table:
                assert _repeats_header(table), path
        # Every appendix says which report it goes with, its number and date left blank like the head's.
        appendix_lines = [t for t in texts if t.startswith("(Kèm theo Báo cáo số")]
        assert len(appendix_lines) == len(appendices), path
        assert all(f"……/BC-{symbol} ngày ……/……/……" in t for t in appendix_lines), path


def test_the_body_never_quotes_a_number_or_a_date_the_head_leaves_blank(drafted):
    site, model = drafted
    for report in model.progress.month_reports("2026-10"):
        body = " ".join(_body(_docx(site, "2026-10", report.agency)))
        assert f"{report.date:%d/%m/%Y}" not in body, report.agency
        assert not report.number or report.number not in body, report.agency


def test_the_consolidated_report_is_the_provinces_to_the_government_and_the_ministry(drafted):
    """IV.2.k: the Tổ công tác advises the Chủ tịch UBND tỉnh, who reports to Văn phòng Chính phủ and Bộ Công
    an; UBND tỉnh Lâm Đồng carries UBND tỉnh Đắk Nông's work from 01/07/2025 (plan/successors.yaml)."""
    site, _ = drafted
    doc = _docx(site, "2026-10", "tong-hop")
    left, _ = _letterhead(doc)
    assert [p.text for p in left if p.text][:3] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "──────"]
    assert "Số: ……/BC-UBND" in [p.text for p in left]
    texts = _texts(doc)
    at = texts.index("Kính gửi:")
    assert texts[at + 1 : at + 3] == ["- Văn phòng Chính phủ;", "- Bộ Công an."]
    assert "Tổ công tác" in texts[at + 4] and "Ủy ban nhân dân tỉnh Lâm Đồng báo cáo" in texts[at + 4]
    signs = [p.text for p in _closing(doc).rows[0].cells[1].paragraphs if p.text]
    assert signs == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert not any("CÔNG AN TỈNH" in p.text for p in left)


def test_an_agency_report_gives_every_item_in_its_appendix_and_each_difficulty_once(drafted):
    site, model = drafted
    progress = model.progress
    for report in progress.month_reports("2026-10"):
        doc = _docx(site, "2026-10", report.agency)
        rows = _headed(doc, "STT")[-1].rows
        assert [c.text for c in rows[0].cells] == ["STT", "Nhiệm vụ", "Thời hạn", "Trạng thái", "Kết quả"]
        uids = progress.reporters.by_agency[report.agency]
        assert len(rows) - 1 == len(uids), report.agency
        for row, uid in zip(rows[1:], uids, strict=True):
            label = model.views.item_link(model.views.index.by_uid[uid]).text
            assert row.cells[1].text.startswith(f"{label}: "), (report.agency, uid)
            # As of this report, the latest one: the status every page shows.
            assert row.cells[3].text.split(" (theo báo cáo")[0] == progress.status(uid, report.agency).status
        body = _body(doc)
        # Items with nothing reported are a count in the body, never a row each.
        assert not any(t.endswith("Chưa báo cáo") for t in body), report.agency
        drafted_report = model.monthly.agency(report)
        overdue = {uid for uid in uids if progress.status(uid, report.agency).status == "Quá hạn"}
        difficulties = _headed(doc, "STT")[:-1]
        listed = [r.cells[1].text.split(":")[0] for t in difficulties for r in t.rows[1:]]
        assert len(listed) == len(set(listed)) == len(drafted_report.difficulties), report.agency
        assert {model.views.item_link(model.views.index.by_uid[u]).text for u in overdue} <= set(listed), report.agency
        # III never lists again what II lists.
        upcoming = {n.item.text for n in drafted_report.upcoming}
        assert not upcoming & set(listed), report.agency


def test_the_numbers_agree_with_the_dashboard(drafted):
    site, model = drafted
    dashboard = {
        tr.td.get_text(): [int(td.get_text()) for td in tr.select("td")[1:-1]]
        for tr in _soup(site, "thuc-hien").select("table.progress-agencies tbody tr")
    }
    doc = _docx(site, "2026-10", "tong-hop")
    summary = _headed(doc, "Cơ quan")[0]
    tallies = {row.cells[0].text: [int(c.text) for c in row.cells[2:-1]] for row in summary.rows[1:-1]}
    assert tallies == dashboard
    assert summary.rows[-1].cells[0].text == FORM.pairs_total  # what its total counts
    totals = [int(c.text) for c in summary.rows[-1].cells[2:-1]]
    assert totals == [sum(column) for column in zip(*dashboard.values(), strict=True)]
    # The body's two totals, each saying what it counts: the items, as the dashboard counts them, and the pairs.
    counts = _soup(site, "thuc-hien").select_one(".progress-total")
    items = model.monthly.summary("2026-10").items
    assert (
        f"{items} việc" in counts.get_text()
        if counts
        else items == len([u for u, a in model.progress.reporters.by_item.items() if a])
    )
    body = " ".join(_body(doc))
    assert f"Tính theo việc (mỗi việc một lần, theo các cơ quan chủ trì), {items} việc:" in body
    assert f"Tính theo lượt cơ quan – việc (một việc giao nhiều cơ quan tính cho từng cơ quan), {sum(totals)} lượt" in body
    for report in model.progress.month_reports("2026-10"):
        drafted_report = agency_report(model.views.index, model.progress, report)
        assert list(drafted_report.counts) == dashboard[drafted_report.agency.text]
        said = _texts(_docx(site, "2026-10", report.agency))
        assert f"1. {drafted_report.standing_line}" in said
        assert all(f"{s.lower()}: {n}" in drafted_report.standing_line for s, n in drafted_report.counted)


def test_the_page_and_the_document_say_the_same(drafted):
    site, model = drafted
    for report in model.progress.month_reports("2026-10")[:6] + model.progress.month_reports("2026-10")[-3:]:
        page = _soup(site, f"thuc-hien/2026-10/{report.agency}")
        doc = _docx(site, "2026-10", report.agency)
        tables = {"table.report-rows": _headed(doc, "STT")[-1]}
        if page.select_one("table.report-difficulties"):
            tables["table.report-difficulties"] = _headed(doc, "STT")[0]
        for css, table in tables.items():
            on_page = [[" ".join(td.get_text().split()) for td in tr.select("td")] for tr in page.select(f"{css} tbody tr")]
            in_doc = [[" ".join(c.text.split()) for c in row.cells] for row in table.rows[1:]]
            assert on_page == in_doc, (report.agency, css)
        assert page.select_one("a[href$='.docx']")["href"].endswith(f"tai-ve/bao-cao/2026-10/{report.agency}.docx")
        # The head and the closing: the same words of the form, in the same places.
        left, right = _letterhead(doc)
        head = page.select_one(".report-head")
        assert [p.text for p in left if p.text and not p.text.startswith("─")] == head.select_one(".issuer").get_text(
            "|"
        ).split("|")
        assert [p.text for p in right if p.text and not p.text.startswith("─")] == head.select_one(".nation").get_text(
            "|"
        ).split("|")
        signs = [p.text for p in _closing(doc).rows[0].cells[1].paragraphs if p.text]
        assert page.select_one(".signs").get_text("|").split("|") == signs
        body = [" ".join(p.get_text().split()) for p in page.select(".document > p")]
        for line in (doc_line for doc_line in _body(doc) if doc_line[:2] in ("1.", "2.")):
            assert line in body, (report.agency, line)
    summary_page = _soup(site, "thuc-hien/2026-10/tong-hop")
    doc = _docx(site, "2026-10", "tong-hop")
    for css, first in (("table.report-tallies", "Cơ quan"), ("table.report-difficulties", "STT")):
        on_page = [
            [" ".join(td.get_text().split()) for td in tr.select("td")] for tr in summary_page.select(f"{css} tbody tr")
        ]
        in_doc = [[c.text for c in row.cells] for row in _headed(doc, first)[0].rows[1:]]
        assert on_page == in_doc, css


def test_the_changes_of_the_month_agree_on_the_month_page_and_the_consolidated_report(drafted):
    site, model = drafted
    month = _soup(site, "thuc-hien/2026-10")
    on_month_page = [
        [" ".join(td.get_text().split()) for td in tr.select("td")] for tr in month.select("table.period-changes tbody tr")
    ]
    newly_done = {item for item, _, status, _ in on_month_page if status.startswith("Hoàn thành")}
    doc = _docx(site, "2026-10", "tong-hop")
    done = _headed(doc, "STT")[-1]
    assert [c.text for c in done.rows[0].cells] == ["STT", "Nhiệm vụ", "Cơ quan báo cáo hoàn thành", "Kết quả"]
    in_doc = [row.cells[1].text.split(":")[0] for row in done.rows[1:]]
    assert in_doc and len(in_doc) == len(set(in_doc)) and set(in_doc) == newly_done  # each item once
    page = _soup(site, "thuc-hien/2026-10/tong-hop")
    assert [tr.select("td")[1].a.get_text() for tr in page.select("table.report-done tbody tr")] == in_doc


def test_the_agency_page_and_the_month_page_link_the_drafts(drafted):
    site, _ = drafted
    links = [a["href"] for a in _soup(site, "co-quan/so-tu-phap-lam-dong").select("p.drafts a")]
    assert links == ["../../thuc-hien/2026-10/so-tu-phap-lam-dong/", "../../tai-ve/bao-cao/2026-10/so-tu-phap-lam-dong.docx"]
    month = [a["href"] for a in _soup(site, "thuc-hien/2026-10").select("p.drafts a")]
    assert month[:2] == ["tong-hop/", "../../tai-ve/bao-cao/2026-10/tong-hop.docx"]
    assert "so-tu-phap-lam-dong/" in month


def test_a_document_is_the_same_bytes_each_time_it_is_drafted(drafted):
    site, model = drafted
    report = model.progress.month_reports("2026-10")[0]
    content = agency_report(model.views.index, model.progress, report)
    first, again = agency_report_bytes(content, report.date), agency_report_bytes(content, report.date)
    assert first == again == (site / "tai-ve" / "bao-cao" / "2026-10" / f"{report.agency}.docx").read_bytes()
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert stamps == {dt.datetime.combine(report.date, dt.time()).timetuple()[:6]}
    assert Document(io.BytesIO(first)).core_properties.modified.replace(tzinfo=None) == dt.datetime.combine(
        report.date, dt.time()
    )


SOFFICE = shutil.which("soffice")


def _print(sources: list, folder) -> dict[str, list[str]]:
    """The documents printed by LibreOffice as staff would open them: each one's text, page by page."""
    converted = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
        ]
        + [str(s) for s in sources],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert converted.returncode == 0, converted.stderr
    out = {}
    for source in sources:
        text = subprocess.run(
            ["pdftotext", "-layout", str(folder / f"{source.stem}.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        out[source.stem] = text.split("\f")[:-1]
    return out


@pytest.mark.browser  # needs Debian's LibreOffice and poppler-utils, as the browser tests need Chromium
def test_a_report_prints_through_libreoffice_with_page_numbers(drafted, tmp_path):
    site, _ = drafted
    pages = _print([site / "tai-ve" / "bao-cao" / "2026-10" / "so-tu-phap-lam-dong.docx"], tmp_path)["so-tu-phap-lam-dong"]
    words = " ".join(pages[0].split())
    for expected in (
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        "SỞ TƯ PHÁP",
        "Số: ……/BC-STP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày …… tháng …… năm ……",
        "BÁO CÁO",
        "tháng 10/2026",
        "I. KẾT QUẢ THỰC HIỆN",
    ):
        assert expected in words, expected
    # No number on the first page; from the second, its number alone on the first line.
    assert not pages[0].split()[0].isdigit()
    for number, page in enumerate(pages[1:], 2):
        assert page.split()[0] == str(number), number


@pytest.mark.browser
def test_in_a_month_of_two_years_of_reports_the_body_is_short(drafted, tmp_path):
    """The body, before the appendix, of the drafts of the last month of the 24-month sample: at most 4 pages for
    an agency, 6 for the consolidated report (EDITING.md: the page counts measured)."""
    _, model = drafted
    period = months.drafted_months(model.progress)[-1]
    report = next(r for r in model.progress.month_reports(period) if r.agency == "so-tu-phap-lam-dong")
    sources = [tmp_path / "so-tu-phap-lam-dong.docx", tmp_path / "tong-hop.docx"]
    sources[0].write_bytes(agency_report_bytes(model.monthly.agency(report), report.date))
    sources[1].write_bytes(month_summary_bytes(model.monthly.summary(period), report.date))
    printed = _print(sources, tmp_path)
    body = {name: next(i for i, p in enumerate(pages) if "(Kèm theo Báo cáo số" in p) for name, pages in printed.items()}
    assert body["so-tu-phap-lam-dong"] <= 4 and body["tong-hop"] <= 6, body
    # The body ends with the signature; the appendix has every item.
    # The signature closes the body, "Nơi nhận" beside it on the same page.
    for name, signer in (("so-tu-phap-lam-dong", "GIÁM ĐỐC"), ("tong-hop", "PHÓ CHỦ TỊCH")):
        last = printed[name][body[name] - 1]
        assert signer in last and "Nơi nhận:" in last and "Lưu: VT" in last, name


def test_a_report_gives_each_item_the_deadlines_its_form_gives(drafted):
    """Only the deadlines that bind the agency: the working group's 22nd is not a department's."""
    from plannav.progress.form import form_rows

    site, model = drafted
    progress = model.progress
    form = {row.uid: row.deadline for row in form_rows(model.views.index, progress.reporters, "so-tu-phap-lam-dong")}
    rows = _headed(_docx(site, "2026-10", "so-tu-phap-lam-dong"), "STT")[-1].rows[1:]
    uids = progress.reporters.by_agency["so-tu-phap-lam-dong"]
    assert [row.cells[2].text for row in rows] == [form[uid] for uid in uids]
    assert "Trước ngày 22 hằng tháng" not in form["duty:2.k"]


BAD_LETTERHEADS = [
    (
        "letterhead-source-without-symbol",
        (
            "      superior: BỘ CÔNG AN\n      lines: [CÔNG AN TỈNH ĐẮK NÔNG]\n      symbol: CAT\n",
            "      superior: BỘ CÔNG AN\n      lines: [CÔNG AN TỈNH ĐẮK NÔNG]\n",
        ),
        "      symbol_source: Tờ trình",
        "add the symbol",
    ),
    (
        "letterhead-of-group",
        ("    kind: group\n", "    kind: group\n    letterhead: {signs: [GIÁM ĐỐC]}\n"),
        "    letterhead: {signs",
        "a group issues no documents",
    ),
    ("schema", ("      symbol: CAT\n", "      symbol: C A T\n"), "      symbol: C A T", "'Số: 12/BC-STP'"),
    ("schema", ("      superior: BỘ CÔNG AN\n", "      superior: true\n"), "      superior: true", "false"),
]


@pytest.mark.parametrize("code, change, at, hint", BAD_LETTERHEADS, ids=["source", "group", "symbol", "superior"])
def test_a_bad_letterhead_is_one_problem_with_its_line_and_a_hint(plan_copy, code, change, at, hint):
    from plannav.loader import load_plan

    text = edit_plan(plan_copy, "agencies.yaml", change)
    plan, problems = load_plan(plan_copy)
    assert plan is None and len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert problem.file.endswith("agencies.yaml") and problem.line == text[: text.index(at)].count("\n") + 1, str(problem)
    assert code == "schema" or problem.code == code, str(problem)
    assert hint in problem.hint + problem.message, str(problem)


def test_the_committee_that_issued_the_plan_must_be_a_body_of_the_registry(plan_copy):
    """The consolidated report is the committee's, found by the name the decision gives it, not by an id."""
    from plannav.loader import load_plan

    edit_plan(plan_copy, "agencies.yaml", ("    name: Ủy ban nhân dân tỉnh Đắk Nông\n", "    name: Ủy ban tỉnh\n"))
    plan, problems = load_plan(plan_copy)
    assert plan is None and [p.code for p in problems] == ["committee-not-in-registry"], "\n".join(map(str, problems))
    assert "Ủy ban nhân dân tỉnh Đắk Nông" in problems[0].message and problems[0].file.endswith("agencies.yaml")
