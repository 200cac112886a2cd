"""The report form's round trip: an agency's form, filled as staff fill it, imported into progress/; and every
bad form refused with its Sheet!Cell, writing nothing. All reports here are fictitious ("DỮ LIỆU MẪU")."""

import datetime as dt
import io
import subprocess
import sys
import zipfile

import pytest
from badplan import command_in_process
from openpyxl import load_workbook
from sitebuild import ROOT

from plannav.progress.form import form_bytes, form_rows
from plannav.progress.loader import load_progress
from plannav.progress.reporters import Reporters
from plannav.progress.status import Progress

AGENCY = "so-tu-phap-lam-dong"  # Sở Tư pháp's work since 01/07/2025 (plan/successors.yaml)
SAMPLE = "DỮ LIỆU MẪU, không có thật"
FIRST = 6  # the first item row of the form


@pytest.fixture(scope="module")
def reporters(index):
    return Reporters(index)


@pytest.fixture
def form(reporters, tmp_path):
    """The agency's blank form, opened for filling, and where to save it."""
    workbook = load_workbook(io.BytesIO(form_bytes(reporters.index, reporters, AGENCY)))
    return workbook, tmp_path / f"{AGENCY}.xlsx"


def _row(workbook, uid):
    sheet = workbook["Báo cáo"]
    return next(r for r in range(FIRST, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == uid)


def _import(capsys, path, progress, *extra) -> subprocess.CompletedProcess:
    """The command staff run (`make import-report`), called in this process: these tests read what it says
    and writes, not the process (its own is run by test_a_mistyped_period_or_date_is_refused_with_an_example)."""
    argv = ["import-report", str(path), "2026-10", "--progress", str(progress), *extra]
    return subprocess.CompletedProcess(["python", "-m", "plannav", *argv], *command_in_process(capsys, *argv))


def test_the_form_lists_what_the_agency_reports_on_with_locked_columns(form, reporters):
    workbook, _ = form
    sheet = workbook["Báo cáo"]
    uids = [sheet.cell(row=r, column=1).value for r in range(FIRST, sheet.max_row + 1)]
    assert uids == [row.uid for row in form_rows(reporters.index, reporters, AGENCY)] == list(reporters.by_agency[AGENCY])
    assert "duty:2.k" in uids  # the monthly report, which reaches it through "các Sở, Ban, ngành"
    assert sheet.protection.sheet and sheet.cell(row=FIRST, column=1).protection.locked
    assert not sheet.cell(row=FIRST, column=9).protection.locked  # Trạng thái takes input
    assert [sheet.cell(row=5, column=c).value for c in range(9, 15)] == [
        "Trạng thái",
        "Ngày hoàn thành",
        "Kết quả thực hiện",
        "Khó khăn, vướng mắc",
        "Đề xuất, kiến nghị",
        "Văn bản, minh chứng",
    ]
    status = next(v for v in sheet.data_validations.dataValidation if "Hoàn thành" in v.formula1)
    day = next(v for v in sheet.data_validations.dataValidation if v.type == "date")
    last = FIRST + len(uids) - 1
    # Every item row, and none below: the list of statuses, the date check, the yellow cells unlocked.
    assert all(f"I{r}" in status.sqref and f"J{r}" in day.sqref for r in range(FIRST, last + 1))
    assert f"I{last + 1}" not in status.sqref and f"J{FIRST - 1}" not in day.sqref
    assert all(sheet.cell(row=r, column=10).number_format == "DD/MM/YYYY" for r in range(FIRST, last + 1))
    assert all(not sheet.cell(row=r, column=c).protection.locked for r in (FIRST, last) for c in range(9, 15))
    assert all(sheet.cell(row=r, column=c).protection.locked for r in (FIRST, last) for c in range(1, 9))
    # In the workbook's own font, as the lines above them (a style that names none prints in another).
    shown = lambda cell: (cell.font.name, cell.font.sz, cell.font.b, cell.font.i)  # noqa: E731
    assert all(shown(sheet.cell(row=FIRST, column=c)) == shown(sheet["A2"]) for c in (1, 9, 10)), shown(sheet["A2"])
    assert workbook["_bieu_mau"].sheet_state == "hidden"


def test_a_filled_form_is_imported_and_its_statuses_read(form, reporters, tmp_path, capsys):
    workbook, path = form
    sheet = workbook["Báo cáo"]
    r = _row(workbook, "appendix-task:34")
    sheet.cell(row=r, column=9, value="Hoàn thành")
    sheet.cell(row=r, column=10, value=dt.datetime(2026, 10, 2))
    sheet.cell(row=r, column=11, value=SAMPLE)
    sheet.cell(row=_row(workbook, "duty:2.k"), column=9, value="Đang thực hiện")
    workbook.save(path)
    progress_dir = tmp_path / "progress"
    result = _import(capsys, path, progress_dir, "--number", "1/BC-MAU")
    assert result.returncode == 0, result.stderr
    assert (progress_dir / "2026-10" / f"{AGENCY}.yaml").is_file()
    reports, problems = load_progress(progress_dir, reporters)
    assert problems == [] and len(reports) == 1 and reports[0].number == "1/BC-MAU"
    assert reports[0].date == dt.date(2026, 10, 18)  # the plan's reporting day, unless given
    assert set(reports[0].entries) == {"appendix-task:34", "duty:2.k"}  # blank rows are not reported
    progress = Progress(reporters.index, reporters, reports)
    assert progress.status("appendix-task:34", AGENCY).status == "Hoàn thành quá hạn"
    assert progress.status("duty:2.k", AGENCY).status == "Đang thực hiện"
    # The same month again needs REPLACE=1; without it nothing changes.
    before = (progress_dir / "2026-10" / f"{AGENCY}.yaml").read_bytes()
    again = _import(capsys, path, progress_dir)
    assert again.returncode == 1 and "report-exists" in again.stderr and "REPLACE=1" in again.stderr
    assert (progress_dir / "2026-10" / f"{AGENCY}.yaml").read_bytes() == before
    assert _import(capsys, path, progress_dir, "--replace").returncode == 0


def _fill(cells):
    def apply(workbook):
        sheet = workbook["Báo cáo"]
        for uid, column, value in cells:
            sheet.cell(row=_row(workbook, uid), column=column, value=value)

    return apply


def _copy_row_twice(workbook):
    sheet = workbook["Báo cáo"]
    r = _row(workbook, "duty:2.k")
    for column in range(1, 15):
        sheet.cell(
            row=sheet.max_row + 1 if column == 1 else sheet.max_row,
            column=column,
            value=sheet.cell(row=r, column=column).value,
        )
    sheet.cell(row=r, column=9, value="Đang thực hiện")
    sheet.cell(row=sheet.max_row, column=9, value="Đang thực hiện")


BAD_FORMS = [
    ("unknown-status", _fill([("duty:2.k", 9, "xong")]), "'xong' không phải một trạng thái", "Báo cáo!I"),
    ("completed-missing", _fill([("duty:2.k", 9, "Hoàn thành")]), "Hoàn thành cần có ngày hoàn thành", "Báo cáo!J"),
    (
        "completed-after-report",
        _fill([("duty:2.k", 9, "Hoàn thành"), ("duty:2.k", 10, dt.datetime(2026, 12, 1))]),
        "sau ngày báo cáo 18/10/2026",
        "Báo cáo!J",
    ),
    (
        "not-a-date",
        _fill([("duty:2.k", 9, "Hoàn thành"), ("duty:2.k", 10, "hôm qua")]),
        "'hôm qua' không phải một ngày",
        "Báo cáo!J",
    ),
    ("reason-missing", _fill([("duty:2.k", 9, "Không thực hiện")]), "cần nêu lý do", "Báo cáo!L"),
    (
        "not-its-item",
        _fill([("duty:2.k", 1, "procedure:24"), ("procedure:24", 9, "Đang thực hiện")]),
        "'procedure:24' không phải một việc trong biểu mẫu của cơ quan",
        "Báo cáo!A",
    ),
    ("duplicate-entry", _copy_row_twice, "'duty:2.k' xuất hiện hai lần", "Báo cáo!A"),
    ("formula", _fill([("duty:2.k", 9, '=IF(1,"Hoàn thành","")')]), "ô có công thức", "Báo cáo!I"),
    ("empty-form", lambda workbook: None, "không dòng nào được điền", ""),
    (
        "not-a-form",
        lambda workbook: workbook["_bieu_mau"].cell(row=1, column=2, value="so-khong-co"),
        "biểu mẫu ghi cơ quan 'so-khong-co'",
        "_bieu_mau!B1",
    ),
]


@pytest.mark.parametrize(("code", "change", "message", "where"), BAD_FORMS, ids=[b[0] for b in BAD_FORMS])
def test_a_bad_form_names_its_cell_and_writes_nothing(form, tmp_path, capsys, code, change, message, where):
    workbook, path = form
    change(workbook)
    workbook.save(path)
    progress_dir = tmp_path / "progress"
    progress_dir.mkdir()
    result = _import(capsys, path, progress_dir)
    assert result.returncode == 1, result.stdout
    assert f"[{code}]" in result.stderr and message in result.stderr, result.stderr
    assert where in result.stderr and "Traceback" not in result.stderr
    assert "không ghi gì" in result.stderr
    assert list(progress_dir.iterdir()) == []


def _zip(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)


BAD_FILES = [
    ("old-excel.xls", lambda path: path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100), "not-xlsx"),
    ("macros.xlsm", lambda path: _zip(path, {"xl/workbook.xml": "<x/>"}), "not-xlsx"),
    ("renamed.xlsx", lambda path: path.write_text("Mã,Trạng thái\n", encoding="utf-8"), "not-xlsx"),
    ("macros-inside.xlsx", lambda path: _zip(path, {"xl/workbook.xml": "<x/>", "xl/vbaProject.bin": "x"}), "not-xlsx"),
    ("bomb.xlsx", lambda path: _zip(path, {"xl/workbook.xml": "<x/>", "xl/pad.xml": "0" * (60 * 1024 * 1024)}), "zip-bomb"),
    ("huge.xlsx", lambda path: path.write_bytes(b"PK" + b"\0" * (6 * 1024 * 1024)), "file-too-large"),
]


@pytest.mark.parametrize(("name", "make", "code"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_file_that_is_not_a_sane_xlsx_is_refused_before_it_is_opened(tmp_path, capsys, name, make, code):
    path = tmp_path / name
    make(path)
    progress_dir = tmp_path / "progress"
    progress_dir.mkdir()
    result = _import(capsys, path, progress_dir)
    assert result.returncode == 1 and f"[{code}]" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert list(progress_dir.iterdir()) == []


def test_round_trip_through_the_built_site(site, tmp_path, reporters):
    """The form as the site serves it, filled, imported, and the site built again with the report (the
    command and the build run in this process: only what they make is read here)."""
    import json

    from sitebuild import build_site

    from plannav.__main__ import main

    served = site / "tai-ve" / "bao-cao" / f"{AGENCY}.xlsx"
    assert served.is_file()
    workbook = load_workbook(served)
    sheet = workbook["Báo cáo"]
    r = _row(workbook, "appendix-task:34")
    sheet.cell(row=r, column=9, value="Đang thực hiện")
    sheet.cell(row=r, column=11, value=SAMPLE)
    path = tmp_path / f"{AGENCY}.xlsx"
    workbook.save(path)
    progress_dir = tmp_path / "progress"
    assert main(["import-report", str(path), "2026-10", "--progress", str(progress_dir), "--plan", str(ROOT / "plan")]) == 0
    rebuilt = tmp_path / "site"
    result = build_site(rebuilt, progress_dir=progress_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((rebuilt / "tai-ve" / "ke-hoach.json").read_text(encoding="utf-8"))
    assert data["progress"]["as_of"] == "2026-10-18"
    assert [(r["agency"], r["period"]) for r in data["progress"]["reports"]] == [(AGENCY, "2026-10")]
    item = next(i for i in data["progress"]["items"] if i["uid"] == "appendix-task:34")
    by_agency = {s["agency"]: s["status"] for s in item["by_agency"]}
    assert by_agency[AGENCY] == "Quá hạn"  # under way in 2026, against a deadline of March 2022
    assert by_agency["cong-an-tinh"] == "Chưa báo cáo" and item["status"] == "Quá hạn"
    # The new form shows what was reported beside the item.
    again = load_workbook(rebuilt / "tai-ve" / "bao-cao" / f"{AGENCY}.xlsx")["Báo cáo"]
    # The new form shows what was reported beside the item, as typed, and what the site makes of it.
    assert again.cell(row=r, column=7).value == "Đang thực hiện (báo cáo tháng 10/2026)"
    assert again.cell(row=r, column=8).value == "Quá hạn: đã qua thời hạn mà chưa hoàn thành"


@pytest.mark.parametrize(
    "args, said",
    [
        (["10/2026"], ("kỳ '10/2026' không phải một tháng viết YYYY-MM", "gợi ý: ví dụ PERIOD=2026-10")),
        (["2026-10", "--date", "hôm qua"], ("ngày 'hôm qua' không phải một ngày", "gợi ý: ví dụ DATE=2026-10-18")),
    ],
)
def test_a_mistyped_period_or_date_is_refused_with_an_example(tmp_path, args, said):
    result = subprocess.run(
        [sys.executable, "-m", "plannav", "import-report", "x.xlsx", *args, "--progress", str(tmp_path / "p")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert all(s in result.stderr for s in said), result.stderr
    assert not (tmp_path / "p").exists()
