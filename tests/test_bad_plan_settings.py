"""Settings given wrong or empty: the plan folder the check reads (PLANNAV_PLAN_DIR, as the build reads it),
a site date that is not a day (PLANNAV_AS_OF), and settings read as typed rather than as YAML would read them.
"""

import os
import subprocess
import sys

import pytest
from badplan import break_plan, check_in_process
from sitebuild import ROOT
from test_bad_plan_references import CASES as REFERENCES


def test_check_reads_the_plan_folder_the_build_reads(plan_copy, capsys, monkeypatch):
    case = next(c for c in REFERENCES if c.id == "unknown-agency-typo")
    break_plan(plan_copy, case)
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PLANNAV_PROGRESS_DIR", raising=False)
    monkeypatch.setenv("PLANNAV_PLAN_DIR", str(plan_copy))
    status, _, said = check_in_process(capsys)
    assert status == 1 and case.message in said
    assert str(plan_copy / case.file) in said
    monkeypatch.setenv("PLANNAV_PLAN_DIR", "")  # set but empty: the default, as for the build
    status, printed, _ = check_in_process(capsys)
    assert status == 0 and printed.startswith("plan: OK")


@pytest.mark.parametrize("value", ["2026-13-45", "18/10/2026", "hôm nay"])
def test_a_site_date_that_is_not_a_day_stops_the_build_with_a_message(tmp_path, value):
    """PLANNAV_AS_OF reaches the build as typed: a month 13 is said to be wrong, not a traceback of mkdocs'
    own YAML reading, and nothing is built."""
    env = dict(os.environ, PLANNAV_AS_OF=value, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 1
    assert f"PLANNAV_AS_OF: '{value}' is not a day; give one as YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(
    ("variable", "value", "read"), [("PLANNAV_AS_OF", "2026-10-18", "2026-10-18"), ("PLANNAV_CACHE_DIR", "off", None)]
)
def test_the_build_reads_its_settings_as_typed(monkeypatch, variable, value, read):
    """mkdocs' !ENV would read `off` as false (and so the default cache) and a day as a date object."""
    from mkdocs.config import load_config

    from plannav.generator.settings import BuildSettings

    monkeypatch.setenv(variable, value)
    settings = BuildSettings.from_config(load_config(str(ROOT / "mkdocs.yml")))
    found = settings.as_of.isoformat() if variable == "PLANNAV_AS_OF" else settings.cache.folder
    assert found == read
