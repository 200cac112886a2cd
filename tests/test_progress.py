"""Progress reports: read from progress/<YYYY-MM>/<agency>.yaml, checked against the plan, and turned into
statuses as of a date. Every report here is fictitious ("DỮ LIỆU MẪU"): no real agency's status."""

import datetime as dt
import textwrap

import pytest

from plannav.progress.changes import changes_by_period
from plannav.progress.loader import load_progress
from plannav.progress.reporters import Reporters
from plannav.progress.status import DONE_LATE, NOT_REPORTED, OVERDUE, Progress

SAMPLE = "DỮ LIỆU MẪU, không có thật"


@pytest.fixture(scope="module")
def reporters(index):
    return Reporters(index)


def _write(folder, period, agency, text):
    path = folder / period / f"{agency}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def _load(folder, reporters, as_of=None):
    reports, problems = load_progress(folder, reporters)
    assert problems == [], "\n".join(map(str, problems))
    return Progress(reporters.index, reporters, reports, as_of)


def test_who_reports_follows_names_and_listed_groups_not_open_wordings_or_recipients(reporters):
    assert "so-y-te" in reporters.by_item["duty:2.k"]  # every department reports monthly (IV.2.k)
    assert "cong-an-tinh" not in reporters.by_item["duty:2.k"]  # its recipient does not
    assert "cong-an-tinh-lam-dong" not in reporters.by_item["duty:2.k"]  # nor the body that carries its work
    # "và các đơn vị liên quan" names no one; Công an tỉnh Lâm Đồng carries Công an tỉnh's work (successors.yaml)
    assert reporters.by_item["task:4.a"] == ("cong-an-tinh", "cong-an-tinh-lam-dong")
    assert "bo-cong-an" not in reporters.by_item["appendix-task:31"]  # a ministry reports elsewhere
    assert reporters.by_item["duty:12.b"] == (
        "bo-chi-huy-quan-su-tinh",
        "bo-chi-huy-bien-phong-tinh",
        "ban-chi-huy-bien-phong-lam-dong",  # carries the border guard's work since 01/07/2025
    )
    assert reporters.leads(reporters.index.by_uid["appendix-task:34"]) == ("cong-an-tinh", "so-tu-phap")


def test_no_reports_means_every_item_is_not_reported(tmp_path, reporters):
    progress = _load(tmp_path / "progress", reporters)
    assert progress.as_of is None
    assert progress.item_status("task:2.d") == NOT_REPORTED


def test_statuses_are_derived_from_the_latest_report_as_of_its_date(tmp_path, reporters):
    folder = tmp_path / "progress"
    _write(
        folder,
        "2026-09",
        "so-tu-phap-lam-dong",
        f"""
        date: '2026-09-18'
        entries:
        - item: appendix-task:34
          status: Đang thực hiện
          result: {SAMPLE}
        - item: duty:2.k
          status: Đang thực hiện
        """,
    )
    _write(
        folder,
        "2026-10",
        "so-tu-phap-lam-dong",
        f"""
        date: '2026-10-18'
        number: 1/BC-MAU
        entries:
        - item: appendix-task:34
          status: Hoàn thành
          completed: '2026-10-01'
          result: {SAMPLE}
        """,
    )
    _write(
        folder,
        "2026-10",
        "cong-an-tinh-lam-dong",  # Công an tỉnh's work since 01/07/2025: what it reports stands for it too
        """
        date: '2026-10-17'
        entries:
        - item: appendix-task:34
          status: Hoàn thành
          completed: '2022-03-15'
        - item: task:4.a
          status: Chưa triển khai
        """,
    )
    progress = _load(folder, reporters)
    assert progress.as_of == dt.date(2026, 10, 18)
    # Done in October 2026 against a deadline of March 2022: completed late.
    assert progress.status("appendix-task:34", "so-tu-phap-lam-dong").status == DONE_LATE
    assert progress.status("appendix-task:34", "cong-an-tinh").status == "Hoàn thành"
    assert progress.item_status("appendix-task:34") == DONE_LATE
    # Not started, reported after its deadline (March 2022): overdue.
    assert progress.status("task:4.a", "cong-an-tinh").status == OVERDUE
    # The monthly report has no day to pass: the September entry stands, not overdue.
    assert progress.status("duty:2.k", "so-tu-phap-lam-dong").status == "Đang thực hiện"
    assert progress.status("duty:2.k", "so-y-te").status == NOT_REPORTED
    assert [r.period for r, _ in progress.history("appendix-task:34", "so-tu-phap-lam-dong")] == ["2026-09", "2026-10"]
    # Sở Tư pháp tỉnh Lâm Đồng left IV.2.k blank in October: its September status stands, not updated this period.
    assert progress.not_updated("duty:2.k", "so-tu-phap-lam-dong") == "2026-10"
    assert progress.not_updated("appendix-task:34", "so-tu-phap-lam-dong") == ""
    assert progress.not_updated("duty:2.k", "so-y-te") == ""  # never reported: not reported, not "not updated"
    assert progress.not_updated("appendix-task:34", "cong-an-tinh") == ""  # reported in its latest report
    # As of a September day, the October reports do not count yet.
    earlier = _load(folder, reporters, as_of=dt.date(2026, 9, 30))
    assert earlier.status("appendix-task:34", "so-tu-phap-lam-dong").status == OVERDUE
    assert earlier.item_status("appendix-task:34") == OVERDUE


def test_the_overall_status_follows_the_leads_by_a_written_rule():
    from plannav.progress.status import overall

    assert overall(["Hoàn thành", "Đang thực hiện"]) == "Đang thực hiện"
    assert overall(["Hoàn thành", "Hoàn thành quá hạn"]) == "Hoàn thành quá hạn"
    assert overall(["Hoàn thành", "Không thực hiện"]) == "Hoàn thành"
    assert overall(["Không thực hiện", "Không thực hiện"]) == "Không thực hiện"
    assert overall(["Quá hạn", "Hoàn thành"]) == "Quá hạn"
    assert overall(["Chưa báo cáo", "Chưa triển khai"]) == "Chưa triển khai"
    assert overall(["Chưa báo cáo", "Chưa báo cáo"]) == "Chưa báo cáo"


BAD_REPORTS = [
    ("unknown-item", "- item: task:9.z\n  status: Đang thực hiện\n", "unknown item 'task:9.z'", 3),
    ("not-its-item", "- item: procedure:24\n  status: Đang thực hiện\n", "'procedure:24' is not 'so-tu-phap-lam-dong''s", 3),
    (
        "duplicate-entry",
        "- item: duty:2.k\n  status: Đang thực hiện\n- item: duty:2.k\n  status: Hoàn thành\n  completed: '2026-10-01'\n",
        "'duty:2.k' is reported twice (first at line 3)",
        5,
    ),
    ("completed-missing", "- item: duty:2.k\n  status: Hoàn thành\n", "Hoàn thành needs the day it was done", 4),
    (
        "completed-after-report",
        "- item: duty:2.k\n  status: Hoàn thành\n  completed: '2026-12-01'\n",
        "done on 2026-12-01, after the report's date 2026-10-18",
        5,
    ),
    (
        "completed-not-done",
        "- item: duty:2.k\n  status: Đang thực hiện\n  completed: '2026-10-01'\n",
        "a completion day for 'Đang thực hiện'",
        5,
    ),
    ("reason-missing", "- item: duty:2.k\n  status: Không thực hiện\n", "Không thực hiện needs its reason", 4),
    ("not-allowed", "- item: duty:2.k\n  status: xong\n", "expected one of", 4),
]


@pytest.mark.parametrize(("code", "entries", "message", "line"), BAD_REPORTS, ids=[b[0] for b in BAD_REPORTS])
def test_a_bad_report_is_refused_with_its_code_and_line(tmp_path, reporters, code, entries, message, line):
    folder = tmp_path / "progress"
    path = folder / "2026-10" / "so-tu-phap-lam-dong.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("date: '2026-10-18'\nentries:\n" + entries, encoding="utf-8")
    reports, problems = load_progress(folder, reporters)
    assert reports == []
    found = [p for p in problems if p.code == code]
    assert found and message in found[0].message and found[0].line == line, problems


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda folder: (folder / "thang-10").mkdir(), "progress-layout"),
        (lambda folder: _write(folder, "2026-10", "so-tu-phapp", "date: '2026-10-18'\n"), "unknown-agency"),
        (lambda folder: _write(folder, "2026-10", "so-ban-nganh", "date: '2026-10-18'\n"), "not-a-reporter"),
        (lambda folder: _write(folder, "2026-10", "so-tu-phap-lam-dong", "date: '2026-08-18'\n"), "report-date"),
    ],
    ids=["month-folder", "unknown-agency", "a-group", "date-outside-its-month"],
)
def test_the_layout_of_progress_is_checked(tmp_path, reporters, make, code):
    folder = tmp_path / "progress"
    folder.mkdir()
    make(folder)
    _, problems = load_progress(folder, reporters)
    assert [p.code for p in problems] == [code], problems
    assert all(p.hint for p in problems)


def test_the_report_schema_accepts_a_report_and_refuses_a_derived_status():
    import json

    import jsonschema
    import yaml
    from sitebuild import PLAN_DIR

    schema = json.loads((PLAN_DIR / "schema" / "progress-report.schema.json").read_text(encoding="utf-8"))
    good = yaml.safe_load("date: '2026-10-18'\nentries:\n- item: task:2.đ\n  status: Đang thực hiện\n")
    jsonschema.validate(good, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"date": "2026-10-18", "entries": [{"item": "task:2.đ", "status": "Quá hạn"}]}, schema)


def test_the_repository_publishes_no_report(reporters):
    from sitebuild import ROOT

    reports, problems = load_progress(ROOT / "progress", reporters)
    assert reports == [] and problems == []


def test_each_month_lists_what_changed_since_the_agency_s_earlier_reports(tmp_path, reporters):
    folder = tmp_path / "progress"
    month = {
        "2026-08": ("Đang thực hiện", "", "Khó khăn A (mẫu)", "Đang thực hiện", ""),
        "2026-09": ("Đang thực hiện", "", "Khó khăn A (mẫu)", "Đang thực hiện", "Khó khăn B (mẫu)"),
        "2026-10": ("Hoàn thành", "\n  completed: '2026-10-01'", "", "Đang thực hiện", "Khó khăn B (mẫu)"),
    }
    # July: Sở Tư pháp tỉnh Lâm Đồng's first report, its starting point: no change is counted in it.
    _write(
        folder,
        "2026-07",
        "so-tu-phap-lam-dong",
        "date: '2026-07-18'\nentries:\n- item: duty:2.k\n  status: Hoàn thành\n  completed: '2026-07-01'\n",
    )
    for period, (status, completed, trouble, monthly, monthly_trouble) in month.items():
        lines = [f"date: '{period}-18'", "entries:", "- item: appendix-task:34", f"  status: {status}{completed}"]
        lines += [f"  difficulties: {trouble}"] if trouble else []
        lines += ["- item: duty:2.k", f"  status: {monthly}"]
        lines += [f"  difficulties: {monthly_trouble}"] if monthly_trouble else []
        _write(folder, period, "so-tu-phap-lam-dong", "\n".join(lines) + "\n")
    police = "cong-an-tinh-lam-dong"  # Công an tỉnh's work since 01/07/2025 (plan/successors.yaml)
    _write(folder, "2026-10", police, "date: '2026-10-17'\nentries:\n- item: task:4.a\n  status: Chưa triển khai\n")
    progress = _load(folder, reporters)
    changes = changes_by_period(progress, ["so-tu-phap-lam-dong", police])

    def seen(period, kind):
        return [(c.uid, c.report.agency, c.status, c.before) for c in getattr(changes[period], kind)]

    assert changes["2026-07"].first == ["so-tu-phap-lam-dong"] and changes["2026-07"].done == []
    # August: its first entry on the task, compared with nothing; past its 2022 deadline, the task is overdue.
    assert seen("2026-08", "overdue") == [("appendix-task:34", "so-tu-phap-lam-dong", OVERDUE, "")]
    assert seen("2026-08", "difficulties") == [("appendix-task:34", "so-tu-phap-lam-dong", OVERDUE, "")]
    # September: still overdue, the same difficulty: nothing new there; a new difficulty on the monthly report.
    assert seen("2026-09", "overdue") == [] and seen("2026-09", "done") == []
    assert seen("2026-09", "difficulties") == [("duty:2.k", "so-tu-phap-lam-dong", "Đang thực hiện", "Đang thực hiện")]
    # October: done (late); the repeated difficulty is not new; the police's first report is a starting point.
    assert seen("2026-10", "done") == [("appendix-task:34", "so-tu-phap-lam-dong", DONE_LATE, OVERDUE)]
    assert seen("2026-10", "overdue") == [] and seen("2026-10", "difficulties") == []
    assert changes["2026-10"].first == [police]


def test_a_done_item_left_blank_is_not_flagged_as_not_updated(tmp_path, reporters):
    folder = tmp_path / "progress"
    done = "- item: appendix-task:34\n  status: Hoàn thành\n  completed: '2026-10-01'\n"
    _write(
        folder,
        "2026-10",
        "so-tu-phap-lam-dong",
        f"date: '2026-10-18'\nentries:\n{done}- item: task:2.d\n  status: Đang thực hiện\n",
    )
    _write(
        folder,
        "2026-11",
        "so-tu-phap-lam-dong",
        "date: '2026-11-18'\nentries:\n- item: duty:2.k\n  status: Đang thực hiện\n",
    )
    progress = _load(folder, reporters)
    assert progress.not_updated("appendix-task:34", "so-tu-phap-lam-dong") == ""  # done: nothing more to report
    assert progress.not_updated("task:2.d", "so-tu-phap-lam-dong") == "2026-11"  # still open, left blank
