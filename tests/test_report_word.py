"""The drafted monthly reports (progress.monthly, exports/wordreport.py): every Word document opened with
python-docx and checked for the form of an administrative document (Nghị định 30/2020/NĐ-CP: A4, the
margins, Times New Roman and its sizes, the national title and motto, the issuing body, the period),
every item row with its status, and numbers that agree with the dashboard and with the page version.
The reports are two months of made-up ones (scripts/sample_progress.py), marked as sample data."""

import datetime as dt
import io
import shutil
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup
from docx import Document
from docx.shared import Mm, Pt
from sitebuild import ROOT, sample_progress_site

from plannav.exports.wordreport import agency_report_bytes
from plannav.progress import monthly
from plannav.site import SiteModel

MONTHS = ("2026-09", "2026-10")  # reported; the latest is drafted


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    root = tmp_path_factory.mktemp("drafted")
    site = sample_progress_site(root, len(MONTHS))
    model = SiteModel.from_folder(ROOT / "plan", root / "progress")
    return site, model


def _docx(site, period, name):
    return Document(str(site / "tai-ve" / "bao-cao" / period / f"{name}.docx"))


def _soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _letterhead(doc) -> tuple[list, list]:
    left, right = doc.tables[0].rows[0].cells
    return left.paragraphs, right.paragraphs


def test_a_document_is_drafted_for_each_report_of_the_latest_month_and_for_the_month(drafted):
    site, model = drafted
    progress = model.progress
    assert monthly.drafted_months(progress) == ["2026-10"]
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
    site, _ = drafted
    documents = list((site / "tai-ve" / "bao-cao").rglob("*.docx"))
    assert len(documents) > 20
    for path in documents:
        doc = Document(str(path))
        section = doc.sections[0]
        # A4 portrait, to the twip Word stores it in
        assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1), path
        assert Mm(20) <= section.top_margin <= Mm(25) and Mm(20) <= section.bottom_margin <= Mm(25), path
        assert Mm(30) <= section.left_margin <= Mm(35) and Mm(15) <= section.right_margin <= Mm(20), path
        normal = doc.styles["Normal"].font
        assert normal.name == "Times New Roman" and Pt(13) <= normal.size <= Pt(14), path
        runs = [r for p in doc.paragraphs for r in p.runs] + [
            r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
        ]
        assert {r.font.name for r in runs} <= {None, "Times New Roman"}, path
        left, right = _letterhead(doc)
        title, motto = right[0].runs[0], right[1].runs[0]
        assert title.text == monthly.FORM.national_title and title.bold and Pt(12) <= title.font.size <= Pt(13), path
        assert motto.text == monthly.FORM.motto and motto.bold and Pt(13) <= motto.font.size <= Pt(14), path
        issuer = left[0].runs[0]
        assert issuer.bold and issuer.text == issuer.text.upper() and Pt(12) <= issuer.font.size <= Pt(13), path
        assert left[2].text.startswith("Số:") and "ngày" in right[3].text and right[3].runs[0].italic, path
        texts = _texts(doc)
        assert "BÁO CÁO" in texts and monthly.FORM.sample_note in texts, path  # made-up reports say so
        period = path.parent.name
        summary = texts[texts.index("BÁO CÁO") + 1]
        assert summary.endswith(f"tháng {int(period[5:])}/{period[:4]}") and "468/QĐ-UBND" in summary, path
        closing = doc.tables[-1].rows[0].cells[0].paragraphs
        assert closing[0].text == "Nơi nhận:" and closing[0].runs[0].bold and closing[0].runs[0].italic, path


def test_an_agency_report_lists_every_item_it_reports_on_with_its_status(drafted):
    site, model = drafted
    progress = model.progress
    for report in progress.month_reports("2026-10"):
        doc = _docx(site, "2026-10", report.agency)
        name = model.views.registry.by_id[report.agency].name
        assert _letterhead(doc)[0][0].text == name.upper()
        rows = doc.tables[1].rows
        assert [c.text for c in rows[0].cells] == ["STT", "Nội dung", "Thời hạn", "Trạng thái", "Kết quả"]
        uids = progress.reporters.by_agency[report.agency]
        assert len(rows) - 1 == len(uids), report.agency
        for row, uid in zip(rows[1:], uids, strict=True):
            label = model.views.item_link(model.views.index.by_uid[uid]).text
            assert row.cells[1].text.startswith(f"{label}: "), (report.agency, uid)
            # As of this report, the latest one: the status every page shows.
            assert row.cells[3].text.split(" (theo báo cáo")[0] == progress.status(uid, report.agency).status


def test_the_numbers_agree_with_the_dashboard(drafted):
    site, model = drafted
    dashboard = {
        tr.td.get_text(): [int(td.get_text()) for td in tr.select("td")[1:-1]]
        for tr in _soup(site, "thuc-hien").select("table.progress-agencies tbody tr")
    }
    summary = _docx(site, "2026-10", "tong-hop").tables[1]
    tallies = {row.cells[0].text: [int(c.text) for c in row.cells[2:-1]] for row in summary.rows[1:-1]}
    assert tallies == dashboard
    totals = [int(c.text) for c in summary.rows[-1].cells[2:-1]]
    assert totals == [sum(column) for column in zip(*dashboard.values(), strict=True)]
    for report in model.progress.month_reports("2026-10"):
        drafted_report = monthly.agency_report(model.views.index, model.progress, report)
        assert list(drafted_report.counts) == dashboard[drafted_report.agency.text]
        said = _texts(_docx(site, "2026-10", report.agency))
        assert (
            f"Tổng số {drafted_report.total} việc. " + "; ".join(f"{s}: {n}" for s, n in drafted_report.counted) + "."
            in said
        )


def test_the_page_and_the_document_say_the_same(drafted):
    site, model = drafted
    for report in model.progress.month_reports("2026-10")[:6]:
        page = _soup(site, f"thuc-hien/2026-10/{report.agency}")
        on_page = [
            [" ".join(td.get_text().split()) for td in tr.select("td")] for tr in page.select("table.report-rows tbody tr")
        ]
        in_doc = [
            [" ".join(c.text.split()) for c in row.cells] for row in _docx(site, "2026-10", report.agency).tables[1].rows[1:]
        ]
        assert on_page == in_doc, report.agency
        assert page.select_one("a[href$='.docx']")["href"].endswith(f"tai-ve/bao-cao/2026-10/{report.agency}.docx")
        # The head and the closing: the same fixed words of the form, in the same places.
        left, right = _letterhead(_docx(site, "2026-10", report.agency))
        head = page.select_one(".report-head")
        assert [p.text for p in left if p.text.startswith("Số")] == [head.select_one(".issuer").get_text("|").split("|")[1]]
        assert [p.text for p in right if p.text and not p.text.startswith("─")] == head.select_one(".nation").get_text(
            "|"
        ).split("|")
    summary_page = _soup(site, "thuc-hien/2026-10/tong-hop")
    on_page = [
        [" ".join(td.get_text().split()) for td in tr.select("td")]
        for tr in summary_page.select("table.report-tallies tbody tr")
    ]
    in_doc = [[c.text for c in row.cells] for row in _docx(site, "2026-10", "tong-hop").tables[1].rows[1:]]
    assert on_page == in_doc


def test_the_changes_of_the_month_agree_on_the_month_page_the_consolidated_page_and_its_document(drafted):
    site, _ = drafted
    in_summary = [
        " ".join(li.get_text().split())
        for li in _soup(site, "thuc-hien/2026-10/tong-hop").select("#thay-doi ~ ul.report-notes li")
    ]
    paragraphs = [p.text for p in _docx(site, "2026-10", "tong-hop").paragraphs]
    changes_at = paragraphs.index("IV. THAY ĐỔI SO VỚI THÁNG TRƯỚC")
    in_doc = [p.removeprefix("- ") for p in paragraphs[changes_at:] if p.startswith("- ")]
    assert in_summary and in_summary == in_doc
    month = _soup(site, "thuc-hien/2026-10")
    on_month_page = [
        [" ".join(td.get_text().split()) for td in tr.select("td")] for tr in month.select("table.period-changes tbody tr")
    ]
    # The same changes, item, body and status (with the one before) alike, in the same order.
    assert [f"{item} ({agency}) [{status}]" for item, agency, status, _ in on_month_page] == [
        line.split("]")[0] + "]" for line in in_doc
    ]
    assert any("(trước: " in line for line in in_doc)


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
    content = monthly.agency_report(model.views.index, model.progress, report)
    first, again = agency_report_bytes(content, report.date), agency_report_bytes(content, report.date)
    assert first == again == (site / "tai-ve" / "bao-cao" / "2026-10" / f"{report.agency}.docx").read_bytes()
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert stamps == {dt.datetime.combine(report.date, dt.time()).timetuple()[:6]}
    assert Document(io.BytesIO(first)).core_properties.modified.replace(tzinfo=None) == dt.datetime.combine(
        report.date, dt.time()
    )


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(
    not SOFFICE or not shutil.which("pdftotext"),
    reason="LibreOffice (libreoffice-writer-nogui) or pdftotext (poppler-utils) is not installed; .ci/run installs both",
)
def test_a_report_prints_through_libreoffice(drafted, tmp_path):
    site, _ = drafted
    source = site / "tai-ve" / "bao-cao" / "2026-10" / "so-tu-phap-lam-dong.docx"
    converted = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert converted.returncode == 0, converted.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "so-tu-phap-lam-dong.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    for expected in (
        "SỞ TƯ PHÁP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        "tháng 10/2026",
        "Nơi nhận:",
        "I. KẾT QUẢ THỰC HIỆN",
    ):
        assert expected in words, expected


def test_the_consolidated_report_is_issued_by_the_body_that_carries_the_work_that_month(drafted):
    site, _ = drafted
    # Công an tỉnh's work is carried by Công an tỉnh Lâm Đồng from 01/07/2025 (plan/successors.yaml).
    assert _letterhead(_docx(site, "2026-10", "tong-hop"))[0][0].text == "CÔNG AN TỈNH LÂM ĐỒNG"


def test_a_report_gives_each_item_the_deadlines_its_form_gives(drafted):
    """Only the deadlines that bind the agency: the working group's 22nd is not a department's."""
    from plannav.progress.form import form_rows

    site, model = drafted
    progress = model.progress
    form = {row.uid: row.deadline for row in form_rows(model.views.index, progress.reporters, "so-tu-phap-lam-dong")}
    rows = _docx(site, "2026-10", "so-tu-phap-lam-dong").tables[1].rows[1:]
    uids = progress.reporters.by_agency["so-tu-phap-lam-dong"]
    assert [row.cells[2].text for row in rows] == [form[uid] for uid in uids]
    assert "Trước ngày 22 hằng tháng" not in form["duty:2.k"]
