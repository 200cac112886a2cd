"""The scripts beside the product keep working with it: the benchmark's synthetic plans pass every check."""

import pytest
from sitebuild import synthetic_plan

from plannav.loader import load_plan
from plannav.problems import report


def test_a_synthetic_plan_twice_the_size_passes_every_check(tmp_path, plan):
    doubled, problems = load_plan(synthetic_plan(2, tmp_path / "plan"))
    assert problems == [], report(problems)
    assert len(doubled.procedures.procedures) == 2 * len(plan.procedures.procedures)
    assert len(doubled.task_refs) == 2 * len(plan.task_refs)


def test_the_benchmark_sums_each_test_file_s_durations_as_pytest_reports_them():
    from sitebuild import _script

    report = (
        "============================= slowest durations =============================\n"
        "8.84s call     tests/test_publish.py::test_ctrl_c_stops_the_build[a case: with colon]\n"
        "11.10s setup    tests/test_progress_site.py::test_the_dashboard\n"
        "0.50s teardown tests/test_publish.py::test_ctrl_c_stops_the_build[a case: with colon]\n"
        "2.00s call     tests/test_progress_site.py::test_every_page\n"
        "(3 durations < 0.005s hidden.  Use -vv to show these durations.)\n"
        "641 passed in 124.23s (0:02:04)\n"
    )
    suitetimes = _script("suitetimes")
    files = suitetimes.time_by_file(report)
    assert [name for name, _ in files] == ["tests/test_progress_site.py", "tests/test_publish.py"]
    assert [seconds for _, seconds in files] == pytest.approx([13.1, 9.34])
    assert suitetimes._SUMMARY.findall(report) == ["641 passed in 124.23s (0:02:04)"]
    assert suitetimes._SUMMARY.findall("==== 2 failed, 639 passed in 120.10s (0:02:00) ====") == [
        "2 failed, 639 passed in 120.10s (0:02:00)"
    ]
