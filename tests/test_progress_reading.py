"""A Progress read on from an earlier day's (the dashboard's trend, month after month) is the Progress
read afresh as of that day: every body's status on every item, and every item's overall status."""

import subprocess
import sys

import pytest
from sitebuild import ROOT

from plannav import schedule
from plannav.progress.loader import load_progress
from plannav.progress.reporters import Reporters
from plannav.progress.status import Progress


@pytest.fixture(scope="module")
def progress(tmp_path_factory, index):
    folder = tmp_path_factory.mktemp("reports") / "progress"
    made = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sample_progress.py"), "6", str(folder)], capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    reporters = Reporters(index)
    reports, problems = load_progress(folder, reporters)
    assert problems == []
    return Progress(index, reporters, reports)


def test_reading_on_from_the_month_before_gives_the_fresh_reading(progress):
    previous = None
    assert len(progress.periods) >= 6
    for month in progress.periods:
        end = min(schedule.month_end(*map(int, month.split("-"))), progress.as_of)
        fresh = Progress(progress.index, progress.reporters, progress.reports, as_of=end)
        previous = Progress(
            progress.index, progress.reporters, progress.reports, as_of=end, dues=progress._due, after=previous
        )
        pairs = [(uid, agency) for uid, agencies in progress.reporters.by_item.items() for agency in agencies]
        assert [previous.status(u, a).status for u, a in pairs] == [fresh.status(u, a).status for u, a in pairs]
        assert [previous.item_status(u) for u, _ in pairs] == [fresh.item_status(u) for u, _ in pairs]
        assert {a: len(r) for a, r in previous._by_agency.items()} == {a: len(r) for a, r in fresh._by_agency.items()}
