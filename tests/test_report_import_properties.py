"""Whatever a sender types into a real form, import either refuses it naming the cell (or the argument) of
every problem, or writes a report that `make check` passes and the site builds. All reports here are
fictitious ("DỮ LIỆU MẪU")."""

import datetime as dt
import io
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sitebuild import PLAN_DIR, build_site
from test_report_import_hostile import AGENCY, _run

from plannav.progress import importcommand
from plannav.progress.form import column_of, form_bytes
from plannav.progress.importmessages import TOLD_IN_VIETNAMESE
from plannav.progress.loader import load_progress
from plannav.progress.reporters import Reporters

FIRST = 6  # the item rows
STATUS = column_of("Trạng thái")
COLUMNS = range(STATUS, STATUS + 7)  # the six columns to fill, and one past them
EXCEL_CELL_LIMIT = 32_767
# Where a refusal may point: a cell of the form, or the argument the editor gave.
WHERES = ("Báo cáo!", "_bieu_mau!", "DATE=", "PERIOD=", "NUMBER=")


@pytest.fixture(scope="module")
def reporters(index):
    return Reporters(index)


@pytest.fixture(scope="module")
def blank_form(reporters):
    return form_bytes(reporters.index, reporters, AGENCY)


@pytest.fixture
def plan_read_once(plan, monkeypatch):
    """Each import reads the plan folder; the examples of a property all import against the real plan,
    read once (the plan's reading has tests of its own)."""

    def load_plan(folder):
        assert Path(folder) == PLAN_DIR, folder
        return plan, []

    monkeypatch.setattr(importcommand, "load_plan", load_plan)


def _xml_text(text: str) -> str:
    """What a spreadsheet file can hold at all (XML 1.0 characters): a sender cannot send the rest."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


texts = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.sampled_from(["Hoàn thành", "Đang thực hiện", "Không thực hiện", "Chưa triển khai", "hoàn  thành", "xong"]),
    st.builds(lambda n: "ệ" * n, st.integers(0, EXCEL_CELL_LIMIT)),
).map(_xml_text)
values = st.one_of(
    texts,
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 12, 31)).map(lambda d: dt.datetime(d.year, d.month, d.day)),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.none(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fills=st.lists(st.tuples(st.integers(0, 30), st.sampled_from(list(COLUMNS)), values), min_size=1, max_size=12))
def test_import_refuses_naming_a_cell_or_writes_what_the_check_passes(
    tmp_path_factory, reporters, blank_form, plan_read_once, fills
):
    tmp_path = tmp_path_factory.mktemp("form")
    workbook = load_workbook(io.BytesIO(blank_form))
    sheet = workbook["Báo cáo"]
    rows = len(reporters.by_agency[AGENCY])
    for offset, column, value in fills:
        sheet.cell(row=FIRST + offset % rows, column=column, value=value)
    code, out, err, progress = _run(tmp_path, workbook)
    assert "Traceback" not in err
    if code == 0:
        reports, problems = load_progress(progress, reporters)
        assert problems == [] and len(reports) == 1, problems
        return
    assert code == 1, err
    listed = [line for line in err.splitlines() if line.startswith(str(tmp_path))]
    assert listed, err
    for line in listed:
        said = line.removeprefix(f"{tmp_path / AGENCY}.xlsx: ")
        assert said.startswith(WHERES) or "[empty-form]" in said or "[file-too-large]" in said, line
    assert not any(p.is_file() for p in progress.rglob("*")) if progress.exists() else True


def _filled(*cells):
    """(uid offset, column, value) cells of the blank form; then the arguments of the import."""

    def make(blank_form, **arguments):
        workbook = load_workbook(io.BytesIO(blank_form))
        for offset, column, value in cells:
            workbook["Báo cáo"].cell(row=FIRST + offset, column=column, value=value)
        return workbook, arguments

    return make


# Each code the check can give a report the importer makes, and a form (and arguments) that earns it.
CHECK_CODES = {
    "forbidden-character": _filled((0, 9, "Đang thực hiện"), (0, 11, "a\u200bb")),
    "file-too-large": _filled(
        *(
            (n, c, "ệ" * 32_000 if c > STATUS else "Đang thực hiện")
            for n in range(8)
            for c in (STATUS, STATUS + 2, STATUS + 3, STATUS + 4)
        )
    ),
    "invalid-value": _filled((0, 9, "Hoàn thành"), (0, 10, "01/05/1800")),
    "report-date": lambda form: _filled((0, 9, "Đang thực hiện"))(form, date="2026-12-01"),
    "period-before-plan": lambda form: _filled((0, 9, "Đang thực hiện"))(form, period="2022-02"),
    "completed-missing": _filled((0, 9, "Hoàn thành")),
    "completed-not-done": _filled((0, 9, "Đang thực hiện"), (0, 10, "01/10/2026")),
    "completed-after-report": _filled((0, 9, "Hoàn thành"), (0, 10, "01/11/2026")),
    "completed-before-plan": _filled((0, 9, "Hoàn thành"), (0, 10, "05/11/2016")),
    "reason-missing": _filled((0, 9, "Không thực hiện")),
}


@pytest.mark.parametrize("code", sorted(CHECK_CODES))
def test_every_code_the_check_gives_a_report_is_refused_at_import_by_its_cell(tmp_path, blank_form, code):
    """What `make check` would refuse in the report, import refuses first, in Vietnamese, by cell or argument."""
    workbook, arguments = CHECK_CODES[code](blank_form)
    result, _, err, progress = _run(tmp_path, workbook, **arguments)
    assert result == 1 and f"[{code}]" in err, err
    line = next(line for line in err.splitlines() if f"[{code}]" in line)
    said = line.removeprefix(f"{tmp_path / AGENCY}.xlsx: ")
    assert said.startswith(WHERES) or code == "file-too-large", line
    assert code in TOLD_IN_VIETNAMESE and "báo cáo không qua được kiểm tra" not in line
    assert not progress.exists() or not any(p.is_file() for p in progress.rglob("*"))


def test_a_body_no_longer_there_is_refused_by_the_period(tmp_path, reporters):
    """not-there-that-month, the last code of a report: the body's own form, after its work passed on."""
    assert "not-there-that-month" in TOLD_IN_VIETNAMESE  # its case: test_report_import_hostile


def test_reports_of_any_text_import_and_build(tmp_path, reporters, blank_form):
    """Three months of forms filled with text from every corner of Unicode and of markup, imported, then the
    site built from them: nothing a report can hold breaks a page or a drafted Word document."""
    rng = random.Random(22)
    corners = [
        "{{ config.site_name }} {% raw %}",
        "<script>alert(1)</script> <b>đậm</b> &amp;",
        "| a | b |\n|---|---|\n# tiêu đề",
        "עברית العربية",
        "😀 🇻🇳 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "e\u0301 a\u0300\u0323",
        "dòng 1\ndòng 2\r\ndòng 3",
        "\u00a0\u3000",
        "ệ" * 32_000,
    ]
    uids = list(reporters.by_agency[AGENCY])
    for month, period in enumerate(("2026-08", "2026-09", "2026-10")):
        workbook = load_workbook(io.BytesIO(blank_form))
        sheet = workbook["Báo cáo"]
        for offset in rng.sample(range(len(uids)), 5):
            row = FIRST + offset
            sheet.cell(row=row, column=STATUS, value=rng.choice(["Đang thực hiện", "Không thực hiện"]))
            for column in range(STATUS + 2, STATUS + 6):
                sheet.cell(row=row, column=column, value=rng.choice(corners) + f" ({month})")
        (tmp_path / period).mkdir()
        code, _, err, _ = _run(tmp_path / period, workbook, period=period, progress=tmp_path / "progress")
        assert code == 0, err
    reports, problems = load_progress(tmp_path / "progress", reporters)
    assert problems == [] and len(reports) == 3
    result = build_site(tmp_path / "site", progress_dir=tmp_path / "progress")
    assert result.returncode == 0, result.stdout + result.stderr
    drafted = list((tmp_path / "site" / "tai-ve" / "bao-cao").rglob("*.docx"))
    assert drafted, "the month's reports are drafted as Word documents"
