"""The check and the build refuse a broken plan as a whole: every problem of every file in one run, the
command's exit status and compiler-style report without a traceback, each case of the other modules said by
the command, the build refusing what the check refuses, nothing forged on the terminal, thousands of problems
counted rather than listed, a reader that stops reading, and a build on one core.

Tests whose subject is the process (its exit status, its output on a terminal or a pipe) run the command in a
process of its own; those that read its report call it in this one.
"""

import os
import subprocess
import sys

import pytest
from badplan import break_plan, check_in_process, line_of, run_check
from sitebuild import ROOT, build_site, edit_plan
from test_bad_plan_reading import CASES as READING
from test_bad_plan_references import CASES as REFERENCES
from test_bad_plan_shape import CASES as SHAPE
from test_bad_plan_wordings import CASES as WORDINGS

from plannav.loader import load_plan

CASES = {case.id: case for case in READING + SHAPE + REFERENCES + WORDINGS}
assert len(CASES) == len(READING + SHAPE + REFERENCES + WORDINGS), "case ids are unique"

# What an adversarial probe found (each used to give a traceback, pass unnoticed or point elsewhere).
PROBE_CASES = [
    "only-a-null",
    "nul-character",
    "escape-sequence-raw",
    "escape-sequence-quoted",
    "line-separator",
    "next-line-character",
    "bidi-override-in-name",
    "zero-width-space-in-wording",
    "octal-number",
    "decimal-level",
    "blank-name",
    "blank-title",
    "wording-of-pasted-text",
    "month-in-year-0000",
    "month-in-year-9999",
    "date-in-year-1",
    "monthly-day-31",
    "before-day-1",
    "utility-group-id-index",
    "agency-id-index",
    "duplicate-utility-group-id",
    "pasted-rows",
]


def test_all_problems_are_reported_in_one_run(plan_copy):
    chosen = ["unknown-agency-typo", "unknown-restated-task", "deadline-disagrees-with-wording", "task-without-lead"]
    for case_id in chosen:
        break_plan(plan_copy, CASES[case_id])
    _, problems = load_plan(plan_copy)
    for case_id in chosen:
        assert any(CASES[case_id].message in p.message for p in problems), case_id
    assert {p.file.rsplit("/", 1)[-1] for p in problems} >= {"procedures.yaml", "appendix_tasks.yaml", "tasks.yaml"}
    # Each mistake gives what it gives alone, nothing more and nothing less.
    assert sorted(p.code for p in problems) == sorted(code for c in chosen for code, _ in CASES[c].problems)


def test_schema_errors_in_several_files_are_reported_together(plan_copy):
    chosen = ["unknown-key", "malformed-month", "not-utf8", "missing-file"]
    for case_id in chosen:
        break_plan(plan_copy, CASES[case_id])
    _, problems = load_plan(plan_copy)
    files = {p.file.rsplit("/", 1)[-1] for p in problems}
    assert files == {"tasks.yaml", "procedures.yaml", "decision.yaml", "requirements.yaml"}
    assert sorted(p.code for p in problems) == sorted(code for c in chosen for code, _ in CASES[c].problems)


def test_check_command_passes_on_the_real_plan():
    result = run_check(ROOT / "plan")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and "28 Part II tasks" in result.stdout


@pytest.mark.parametrize("case_id", ["yaml-syntax-unclosed-bracket", "not-utf8", "deeply-nested", "unknown-agency-typo"])
def test_check_command_exits_1_with_compiler_style_messages_and_no_traceback(plan_copy, case_id):
    case = CASES[case_id]
    break_plan(plan_copy, case)
    result = run_check(plan_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    first = result.stderr.splitlines()[0]
    assert f"{case.file}:" in first and "    hint: " in result.stderr
    assert result.stderr.rstrip().endswith("found.")
    for code, _ in case.problems:
        assert f"[{code}]" in result.stderr


@pytest.mark.parametrize("case_id", PROBE_CASES)
def test_check_says_each_probe_case_without_a_traceback(plan_copy, capsys, case_id):
    case = CASES[case_id]
    break_plan(plan_copy, case)
    status, printed, said = check_in_process(capsys, "--plan", str(plan_copy))
    assert status == 1 and printed == ""
    assert "Traceback" not in said
    assert case.message in said and said.rstrip().endswith("found.")
    count = len(case.problems)
    assert said.rstrip().endswith(f"{count:,} problem{'s' if count > 1 else ''} found.")


@pytest.mark.parametrize(
    "case_id",
    [
        "only-a-null",
        "wording-of-pasted-text",
        "month-in-year-9999",
        "before-day-1",
        "utility-group-id-index",
        "nul-character",
    ],
)
def test_the_build_refuses_each_case_the_check_refuses_without_a_traceback(plan_copy, tmp_path, case_id):
    """The build called in this process (sitebuild.build_site), as it reads its report: the command's own
    process is run by test_on_one_core_a_broken_plan_is_said_without_a_traceback and tests/test_publish.py."""
    case = CASES[case_id]
    break_plan(plan_copy, case)
    result = build_site(tmp_path / "site", plan_dir=plan_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert case.message in output and "nothing was built" in output


def test_a_schema_file_that_is_not_utf8_is_out_of_date_not_a_crash(plan_copy, capsys):
    (plan_copy / "schema" / "tasks.schema.json").write_bytes(b"\xff\xfe not json")
    status, _, said = check_in_process(capsys, "--plan", str(plan_copy))
    assert status == 1 and "Traceback" not in said
    assert "tasks.schema.json: out of date with the models" in said
    assert "[stale-schema]" in said


def test_thousands_of_problems_are_counted_not_all_listed(plan_copy, capsys):
    rows = "".join(f"- {{letter: {i}, text: {i}}}\n" for i in range(3000))  # two problems a row
    (plan_copy / "requirements.yaml").write_text("heading: {text: x}\nrequirements:\n" + rows, encoding="utf-8")
    status, _, said = check_in_process(capsys, "--plan", str(plan_copy))
    lines = said.splitlines()
    assert status == 1 and len(lines) < 2 * 200 + 10
    assert "5,800 more problems in this file are not listed" in said
    assert lines[-1] == "6,000 problems found."


def test_values_cannot_forge_or_hide_lines_on_the_terminal(plan_copy):
    # Quoted YAML may spell a line break or an escape character inside a key: printed escaped, on one line.
    edit_plan(plan_copy, "requirements.yaml", ("- letter: b\n", '- letter: b\n  "x\\n0 problems found.\\n\\e[2J": 1\n'))
    result = run_check(plan_copy)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "0 problems found." not in result.stderr.splitlines()
    assert "x\\n0 problems found.\\n\\x1b[2J" in result.stderr


@pytest.mark.parametrize(
    ("case_id", "expected"),
    [
        ("unknown-agency-typo", [("unknown-agency", "so-tu-phapp")]),  # not also "lists"/"omits" for the same cell
        ("unresolved-agency-wording", [("who-unresolved", "Sở Tư phapp")]),  # not also a mismatch of the same cell
        ("deadline-disagrees-with-wording", [("deadline-mismatch", "month: 2022-04")]),
        ("octal-number", [("not-decimal", "number: 010")]),
    ],
)
def test_one_mistake_gives_exactly_one_problem_with_its_code_and_line(plan_copy, case_id, expected):
    text = break_plan(plan_copy, CASES[case_id])
    _, problems = load_plan(plan_copy)
    assert [(p.code, p.line) for p in problems] == [(code, line_of(text, at)) for code, at in expected]
    printed = str(problems[0])
    assert printed.endswith(f"[{expected[0][0]}]") or f"[{expected[0][0]}]\n    hint:" in printed


def test_a_reader_that_stops_reading_gets_no_traceback():
    """`python -m plannav check | head -1`: the pipe closes before the report ends."""
    command = [sys.executable, "-m", "plannav", "check"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        run.stdout.read(10)
        run.stdout.close()
        said = run.stderr.read().decode("utf-8", "replace")
        run.wait(timeout=60)
    assert "Traceback" not in said, said


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="needs Linux's sched_setaffinity to use one core")
def test_on_one_core_a_broken_plan_is_said_without_a_traceback(plan_copy, tmp_path):
    """With no core to spare the downloads are made in the build's own process; they wait until the build
    has checked the plan, so a problem is said as on two cores."""
    break_plan(plan_copy, CASES["unknown-agency-typo"])
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PLANNAV_PLAN_DIR=str(plan_copy))
    command = [sys.executable, "-m", "plannav.generator.buildrun", "build", "--strict", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, preexec_fn=lambda: os.sched_setaffinity(0, {0})
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output and "nothing was built" in output
    assert not (tmp_path / "site").exists()
