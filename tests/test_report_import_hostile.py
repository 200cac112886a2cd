"""The monthly cycle against real files: whatever import accepts passes `make check`; what a careless or
hostile sender makes is refused by its cell, or read within bounds; no file name or make value runs a
command; no report is lost. All reports here are fictitious ("DỮ LIỆU MẪU")."""

import argparse
import datetime as dt
import io
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sitebuild import ROOT

from plannav.progress import importcommand
from plannav.progress.form import column_of, form_bytes
from plannav.progress.loader import SAMPLE_MARKER, load_progress
from plannav.progress.reporters import Reporters
from plannav.progress.writer import write_report

sys.path.insert(0, str(ROOT / "scripts"))
import hostile_forms  # noqa: E402

AGENCY = "so-tu-phap-lam-dong"  # Sở Tư pháp's work since 01/07/2025 (plan/successors.yaml)
SAMPLE = "DỮ LIỆU MẪU, không có thật"
FIRST = 6  # the first item row
ITEM = "duty:2.k"
# The columns of today's form, by their headers.
STATUS, COMPLETED, RESULT, DIFFICULTIES, EVIDENCE = (
    column_of(header)
    for header in ("Trạng thái", "Ngày hoàn thành", "Kết quả thực hiện", "Khó khăn, vướng mắc", "Văn bản, minh chứng")
)
REPORTED = column_of("Trạng thái đã báo cáo")


@pytest.fixture(scope="module")
def reporters(index):
    return Reporters(index)


@pytest.fixture
def workbook(reporters):
    return load_workbook(io.BytesIO(form_bytes(reporters.index, reporters, AGENCY)))


def _row(workbook, uid=ITEM):
    sheet = workbook["Báo cáo"]
    return next(r for r in range(FIRST, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == uid)


def _set(workbook, column, value, uid=ITEM, number_format=None):
    cell = workbook["Báo cáo"].cell(row=_row(workbook, uid), column=column, value=value)
    if number_format:
        cell.number_format = number_format
    return cell


def _run(tmp_path, workbook_or_path, period="2026-10", date="", number="", replace="", progress=None):
    """import-report in this process: (exit code, stdout, stderr, progress folder)."""
    if isinstance(workbook_or_path, Path):
        path = workbook_or_path
    else:
        path = tmp_path / f"{AGENCY}.xlsx"
        workbook_or_path.save(path)
    progress = progress or tmp_path / "progress"
    args = argparse.Namespace(
        file=str(path),
        period=period,
        date=date,
        number=number,
        replace=replace,
        plan=str(ROOT / "plan"),
        progress=str(progress),
    )
    out, err = io.StringIO(), io.StringIO()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = importcommand.run(args, today=dt.date(2026, 12, 7))
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    return code, out.getvalue(), err.getvalue(), progress


def _written(progress: Path) -> list[Path]:
    return sorted(p for p in progress.rglob("*") if p.is_file()) if progress.exists() else []


def _check_passes(progress, reporters):
    reports, problems = load_progress(progress, reporters)
    assert problems == [], problems
    return reports


# 1. What import accepted, the build then refused: each is now refused by the form's cell or argument.


@pytest.mark.parametrize(
    "pasted",
    ["Đã\u00adtriển khai", "Đã\u200btriển khai", "\ufeffĐã triển khai", "Đã triển\u2028khai"],
    ids=["soft-hyphen", "zero-width-space", "bom", "line-separator"],
)
def test_a_pasted_invisible_character_is_refused_by_its_cell(workbook, tmp_path, pasted):
    _set(workbook, STATUS, "Đang thực hiện")
    cell = _set(workbook, RESULT, pasted)
    code, _, err, progress = _run(tmp_path, workbook)
    assert code == 1 and "[forbidden-character]" in err and f"Báo cáo!{cell.coordinate}" in err, err
    assert _written(progress) == []


def test_not_a_character_is_refused_by_the_check_everywhere(tmp_path, reporters):
    """U+FFFE passed `make check` and broke the Word drafts: the check refuses it in any report file."""
    folder = tmp_path / "progress" / "2026-10"
    folder.mkdir(parents=True)
    (folder / f"{AGENCY}.yaml").write_text(
        f"date: '2026-10-18'\nentries:\n- item: {ITEM}\n  status: Đang thực hiện\n  result: \"x\ufffe\"\n", encoding="utf-8"
    )
    _, problems = load_progress(tmp_path / "progress", reporters)
    assert [p.code for p in problems] == ["forbidden-character"] and "U+FFFE" in problems[0].message


def test_a_report_over_the_size_limit_is_refused_naming_its_longest_cells(workbook, tmp_path, reporters):
    uids = list(reporters.by_agency[AGENCY])[:30]
    for uid in uids:
        _set(workbook, STATUS, "Đang thực hiện", uid=uid)
        _set(workbook, RESULT, "ệ" * 32_000, uid=uid)  # 96 KB each in UTF-8: 2.9 MB in all
    code, _, err, progress = _run(tmp_path, workbook)
    assert code == 1 and "[file-too-large]" in err and "32,000 ký tự" in err, err
    assert _written(progress) == []


@pytest.mark.parametrize("date", ["2026-09-30", "2027-01-05"], ids=["before-the-month", "long-after"])
def test_a_report_date_outside_the_window_is_refused_by_its_argument(workbook, tmp_path, date):
    _set(workbook, STATUS, "Đang thực hiện")
    code, _, err, progress = _run(tmp_path, workbook, date=date)
    assert code == 1 and "[report-date]" in err and f"DATE={date}" in err, err
    assert _written(progress) == []


@pytest.mark.parametrize("period", ["1899-12", "2021-12"])
def test_a_period_before_the_decision_is_refused(workbook, tmp_path, period):
    _set(workbook, STATUS, "Đang thực hiện")
    code, _, err, progress = _run(tmp_path, workbook, period=period)
    assert code == 1 and "[period-before-plan]" in err and f"PERIOD={period}" in err, err
    assert _written(progress) == []


def test_a_period_after_the_current_month_is_refused_with_a_hint(workbook, tmp_path):
    _set(workbook, STATUS, "Đang thực hiện")
    code, _, err, progress = _run(tmp_path, workbook, period="2062-10")
    assert code == 2 and "kỳ 2062-10 ở sau tháng hiện tại (12/2026)" in err and "PERIOD=2026-12" in err, err
    assert _written(progress) == []


@pytest.mark.parametrize("typed", [dt.datetime(1800, 5, 1), "05/11/2016"], ids=["year-1800", "2016-for-2026"])
def test_a_completion_day_before_the_decision_is_refused(workbook, tmp_path, typed):
    _set(workbook, STATUS, "Hoàn thành")
    cell = _set(workbook, COMPLETED, typed)
    code, _, err, progress = _run(tmp_path, workbook)
    assert code == 1 and f"Báo cáo!{cell.coordinate}" in err, err
    assert "[completed-before-plan]" in err or "[invalid-value]" in err, err
    assert _written(progress) == []


# 3. What staff see is what is stored.


def test_cells_are_read_as_excel_shows_them(workbook, tmp_path, reporters):
    _set(workbook, STATUS, "Hoàn\u00a0thành")  # a non-breaking space, copied from a web page
    _set(workbook, COMPLETED, "05.11.2026")
    _set(workbook, RESULT, 0.85, number_format="0%")
    _set(workbook, EVIDENCE, dt.datetime(2026, 11, 12), number_format="DD/MM/YYYY")
    decomposed = "Đang thực hiện".encode().decode()  # then one in decomposed Unicode
    import unicodedata

    _set(workbook, STATUS, unicodedata.normalize("NFD", decomposed), uid="appendix-task:34")
    code, out, err, progress = _run(tmp_path, workbook, date="2026-11-20")
    assert code == 0, err
    report = _check_passes(progress, reporters)[0]
    entry = report.entries[ITEM]
    assert (entry.status, entry.completed, entry.result, entry.evidence) == ("Hoàn thành", "2026-11-05", "85%", "12/11/2026")
    assert report.entries["appendix-task:34"].status == "Đang thực hiện"


@pytest.mark.parametrize("typed", ["18-11-2026", "18.11.2026", "18/11/26", 46344, " 18 / 11 / 2026 "])
def test_the_day_spellings_staff_type_are_read(workbook, tmp_path, reporters, typed):
    _set(workbook, STATUS, "Hoàn thành")
    _set(workbook, COMPLETED, typed, number_format="General")
    code, _, err, progress = _run(tmp_path, workbook, date="2026-11-20", period="2026-11")
    assert code == 0, err
    assert _check_passes(progress, reporters)[0].entries[ITEM].completed == "2026-11-18"


def test_a_note_under_the_table_an_extra_column_and_a_typed_read_only_cell_are_warnings(workbook, tmp_path, reporters):
    sheet = workbook["Báo cáo"]
    _set(workbook, STATUS, "Đang thực hiện")
    note_row = sheet.max_row + 2
    sheet.cell(row=note_row, column=2, value="Ghi chú: số liệu tính đến ngày 15")
    extra = _set(workbook, EVIDENCE + 1, "thêm cột")
    typed_status = _set(workbook, REPORTED, "Hoàn thành", uid="appendix-task:34")
    code, out, err, progress = _run(tmp_path, workbook)
    assert code == 0, err
    assert f"Báo cáo!A{note_row}" in err and "[ignored-row]" in err
    assert f"Báo cáo!{extra.coordinate}" in err and "[unknown-column]" in err
    assert f"Báo cáo!{typed_status.coordinate}" in err and "[read-only-typed]" in err
    assert "3 cảnh báo" in out
    _check_passes(progress, reporters)


def test_a_wording_changed_since_the_form_went_out_warns_and_imports(workbook, tmp_path, reporters):
    cell = workbook["Báo cáo"].cell(row=_row(workbook), column=4)
    cell.value = cell.value.replace(",", "", 1) if "," in cell.value else cell.value + "."
    _set(workbook, STATUS, "Đang thực hiện")
    code, _, err, progress = _run(tmp_path, workbook)
    assert code == 0 and f"Báo cáo!{cell.coordinate}" in err and "[read-only-changed]" in err, err
    assert list(_check_passes(progress, reporters)[0].entries) == [ITEM]


# 2. A refused form comes back marked.


def test_a_refused_form_gets_a_marked_copy_beside_it(workbook, tmp_path):
    _set(workbook, STATUS, "xong")
    bad = _set(workbook, STATUS, "Hoàn thành", uid="appendix-task:34")
    code, _, err, _ = _run(tmp_path, workbook, date="2026-09-01")
    marked = tmp_path / f"{AGENCY}.can-sua.xlsx"
    assert code == 1 and marked.as_posix() in err and marked.is_file(), err
    sheet = load_workbook(marked)["Báo cáo"]
    status_cell = sheet.cell(row=_row(workbook), column=STATUS)
    assert status_cell.value == "xong" and "không phải một trạng thái" in status_cell.comment.text
    assert status_cell.fill.fgColor.rgb.endswith("FFC7CE")
    # Every problem at once: the rows that could be read are checked too, and the report date is said above.
    assert "Hoàn thành cần có ngày hoàn thành" in sheet.cell(row=bad.row, column=COMPLETED).comment.text
    assert "BIỂU MẪU CẦN SỬA: 3 lỗi" in sheet["A4"].value and "DATE=2026-09-01" in sheet["A4"].value


# 4. Bounded by construction.


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))  # 1 GB: the old reader took 3 GB and more


@pytest.mark.parametrize("make", list(hostile_forms.HOSTILE.values()), ids=list(hostile_forms.HOSTILE))
def test_a_form_of_huge_extent_is_refused_or_read_within_bounds(tmp_path, reporters, make):
    path = tmp_path / f"{AGENCY}.xlsx"
    path.write_bytes(make(hostile_forms.filled_form(reporters)))
    result = subprocess.run(
        [sys.executable, "-m", "plannav", "import-report", str(path), "2026-10", "--progress", str(tmp_path / "p")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard, not a measurement: scripts/bench.py measures
        preexec_fn=_limited,
    )
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    if result.returncode == 0:
        _check_passes(tmp_path / "p", reporters)


def test_only_a_regular_file_is_opened(tmp_path):
    link = tmp_path / "zero.xlsx"
    link.symlink_to("/dev/zero")
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    for path in (link, fifo, tmp_path):
        if path == tmp_path:
            path = tmp_path / "folder.xlsx"
            path.mkdir()
        result = subprocess.run(
            [sys.executable, "-m", "plannav", "import-report", str(path), "2026-10", "--progress", str(tmp_path / "p")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1 and "[file-unreadable]" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


# 5. Safe hand-over from make.


def _make(*args, env=None):
    return subprocess.run(["make", "-s", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)


def test_no_value_given_to_make_is_pasted_into_a_command():
    hostile = "x`touch canary-a`$(touch canary-b)$$HOME\"'"
    for target, variables in (
        ("import-report", ["FILE", "PERIOD", "DATE", "NUMBER", "REPLACE"]),
        ("publish", ["DEST", "BASE_URL", "OFFLINE", "REPLACE"]),
    ):
        shown = _make("-n", target, *(f"{name}={hostile}" for name in variables))
        assert "canary" not in shown.stdout and "$HOME" not in shown.stdout, shown.stdout


def test_a_file_named_with_quotes_dollars_and_backticks_imports_through_make(tmp_path, reporters):
    folder = tmp_path / "thư mục"
    folder.mkdir()
    path = folder / "Báo cáo \"Sở\" $HOME `touch canary` $(touch canary2) 's'.xlsx"
    path.write_bytes(hostile_forms.filled_form(reporters))
    progress = tmp_path / "progress"
    env = {**os.environ, "PLANNAV_PROGRESS_DIR": str(progress)}
    result = _make("import-report", f"FILE={path}", "PERIOD=2026-10", "NUMBER=1/$(touch canary3)", env=env)
    assert result.returncode == 0, result.stderr
    assert not any((ROOT / name).exists() or (folder / name).exists() for name in ("canary", "canary2", "canary3"))
    report = _check_passes(progress, reporters)[0]
    assert report.number == "1/$(touch canary3)"


@pytest.mark.parametrize("value", ["0", "no", "true "])
def test_replace_takes_only_one_or_yes(workbook, tmp_path, reporters, value):
    _set(workbook, STATUS, "Đang thực hiện")
    assert _run(tmp_path, workbook)[0] == 0
    before = _written(tmp_path / "progress")[0].read_bytes()
    _set(workbook, STATUS, "Hoàn thành")
    _set(workbook, COMPLETED, "01/10/2026")
    code, _, err, progress = _run(tmp_path, workbook, replace=value)
    assert code == 2 and "REPLACE" in err, err
    assert _written(progress)[0].read_bytes() == before
    assert _run(tmp_path, workbook, replace="yes")[0] == 0
    assert _check_passes(progress, reporters)[0].entries[ITEM].status == "Hoàn thành"


# 7. Nothing lost.


def test_of_two_imports_of_one_report_at_once_exactly_one_succeeds(tmp_path):
    barrier, results = threading.Barrier(8), []

    def attempt(n):
        barrier.wait()
        try:
            write_report(tmp_path, "2026-10", AGENCY, f"date: '2026-10-18'\n# {n}\n")
            results.append(n)
        except Exception as err:  # noqa: BLE001 (the refusal is what is counted)
            assert getattr(err, "problems", None) and err.problems[0].code == "report-exists"

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 1
    target = tmp_path / "2026-10" / f"{AGENCY}.yaml"
    assert target.read_text(encoding="utf-8").endswith(f"# {results[0]}\n")
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_full_disk_ctrl_c_and_a_folder_that_is_a_file_end_in_one_line(workbook, tmp_path, monkeypatch):
    _set(workbook, STATUS, "Đang thực hiện")
    blocker = tmp_path / "progress-file"
    blocker.write_text("", encoding="utf-8")
    code, _, err, _ = _run(tmp_path, workbook, progress=blocker)
    assert code == 1 and "Traceback" not in err and "không phải thư mục" in err, err

    def full(_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err, progress = _run(tmp_path, workbook)
    assert code == 1 and "No space left on device" in err and "không ghi gì" in err, err
    assert [p for p in progress.rglob("*") if p.is_file()] == []  # the temporary file went too
    monkeypatch.undo()

    def interrupted(*_, **__):
        raise KeyboardInterrupt

    monkeypatch.setattr(importcommand, "read_form", interrupted)
    code, _, err, _ = _run(tmp_path, workbook)
    assert code == 130 and err.strip().count("\n") == 0 and "Ctrl-C" in err, err


def test_an_import_into_a_folder_of_sample_data_warns(workbook, tmp_path):
    progress = tmp_path / "progress"
    progress.mkdir()
    (progress / SAMPLE_MARKER).write_text("", encoding="utf-8")
    _set(workbook, STATUS, "Đang thực hiện")
    code, _, err, _ = _run(tmp_path, workbook, progress=progress)
    assert code == 0 and "[sample-folder]" in err, err


def test_sample_reports_are_never_written_over_real_ones(tmp_path, workbook):
    _set(workbook, STATUS, "Đang thực hiện")
    assert _run(tmp_path, workbook)[0] == 0
    real = _written(tmp_path / "progress")[0]
    before = real.read_bytes()
    result = subprocess.run(
        [sys.executable, "scripts/sample_progress.py", "2", str(tmp_path / "progress")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr and real.name in result.stderr, result.stderr
    assert real.read_bytes() == before and not (tmp_path / "progress" / SAMPLE_MARKER).exists()


def test_serve_keeps_watching_reports_after_their_folder_is_deleted_and_made_again(tmp_path):
    """mkdocs serve's own server and watcher: a report written into a re-created progress/ rebuilds."""
    import shutil
    import time

    from mkdocs.livereload import LiveReloadServer

    from plannav.generator.watching import keep_watching

    progress = tmp_path / "progress"
    progress.mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    keep_watching(server, progress)
    server.observer.start()

    def rebuild_wanted_after(change) -> bool:
        with server._rebuild_cond:
            server._want_rebuild = False
        change()
        deadline = time.monotonic() + 10  # a hang guard: the event comes within milliseconds
        while time.monotonic() < deadline:
            with server._rebuild_cond:
                if server._want_rebuild:
                    return True
            time.sleep(0.02)
        return False

    try:
        assert rebuild_wanted_after(lambda: (progress / "a.yaml").write_text("x", encoding="utf-8"))
        assert rebuild_wanted_after(lambda: shutil.rmtree(progress))
        assert rebuild_wanted_after(lambda: progress.mkdir())
        time.sleep(0.2)  # the folder is watched again once its creation is seen
        (progress / "2026-10").mkdir()
        assert rebuild_wanted_after(lambda: (progress / "2026-10" / f"{AGENCY}.yaml").write_text("x", encoding="utf-8"))
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_form_of_a_body_whose_work_passed_on_is_refused_naming_who_carries_it(reporters, tmp_path):
    workbook = load_workbook(io.BytesIO(form_bytes(reporters.index, reporters, "cong-an-tinh")))
    sheet = workbook["Báo cáo"]
    sheet.cell(row=FIRST, column=STATUS, value="Đang thực hiện")
    path = tmp_path / "cong-an-tinh.xlsx"
    workbook.save(path)
    code, _, err, progress = _run(tmp_path, path)
    assert code == 1 and "[not-there-that-month]" in err and "PERIOD=2026-10" in err, err
    assert "Công an tỉnh Lâm Đồng" in err and _written(progress) == []


def test_a_form_of_the_earlier_layout_imports_by_its_headers(workbook, tmp_path, reporters):
    """Forms sent out before "Đánh giá theo thời hạn" was added have one column fewer: read by their headers,
    they import, and a refused one is marked in the cells the sender used."""
    sheet = workbook["Báo cáo"]
    sheet.delete_cols(column_of("Đánh giá theo thời hạn"))
    row = _row(workbook)
    sheet.cell(row=row, column=STATUS - 1, value="Hoàn thành")
    sheet.cell(row=row, column=COMPLETED - 1, value="01/10/2026")
    code, _, err, progress = _run(tmp_path, workbook)
    assert code == 0, err
    assert _check_passes(progress, reporters)[0].entries[ITEM].completed == "2026-10-01"
    sheet.cell(row=row, column=STATUS - 1, value="xong")
    code, _, err, _ = _run(tmp_path / "again" if (tmp_path / "again").mkdir() is None else tmp_path, workbook)
    assert code == 1 and f"Báo cáo!H{row}" in err, err  # the sender's cell
    marked = load_workbook(tmp_path / "again" / f"{AGENCY}.can-sua.xlsx")["Báo cáo"]
    assert marked.cell(row=row, column=STATUS).value == "xong" and marked.cell(row=row, column=STATUS).comment


def test_a_file_system_without_hard_links_still_gets_one_whole_report(tmp_path, monkeypatch):
    """A FAT or network drive refuses hard links: the report is then created exclusively and written whole."""
    import errno

    def no_links(*_):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = write_report(tmp_path, "2026-10", AGENCY, "date: '2026-10-18'\n")
    assert target.read_text(encoding="utf-8") == "date: '2026-10-18'\n"
    with pytest.raises(Exception) as refused:
        write_report(tmp_path, "2026-10", AGENCY, "date: '2026-10-19'\n")
    assert refused.value.problems[0].code == "report-exists"
    assert target.read_text(encoding="utf-8") == "date: '2026-10-18'\n"
    assert [p.name for p in target.parent.iterdir()] == [target.name]
