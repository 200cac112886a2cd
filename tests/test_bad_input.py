"""Broken plans are refused with every problem listed: file, line, path, message and a hint.

Each case breaks a copy of the real plan in one way and names the problem it must produce
and the line it must point at (the first line of the edited file containing `at`).
"""

import os
import subprocess
import sys
from dataclasses import dataclass

import pytest
from sitebuild import ROOT, edit_plan

from plannav.loader import load_plan


@dataclass
class Case:
    id: str
    file: str
    old: str | None  # text to replace (first occurrence); None: replace the whole file
    new: str | bytes | None  # None: delete the file
    message: str
    at: str | None = None  # expected line: first line containing this text; None: no line check
    hint: str = ""
    slack: int = 0  # YAML syntax errors may be detected a line or two later
    column: int | None = None  # expected "column N" in the message


CASES = [
    Case(
        "yaml-syntax-unclosed-bracket",
        "tasks.yaml",
        "      lead: [cong-an-tinh]\n",
        "      lead: [cong-an-tinh\n",
        "YAML syntax error",
        at="lead: [cong-an-tinh",
        slack=2,
    ),
    Case(
        "yaml-tab-indentation",
        "requirements.yaml",
        "- letter: b\n",
        "- letter: b\n\ttext: x\n",
        "YAML syntax error",
        at="\ttext: x",
        hint="tabs",
        slack=1,
    ),
    Case(
        "unknown-key",
        "tasks.yaml",
        "  - letter: c\n",
        "  - lettr: c\n",
        "unknown key 'lettr'",
        at="lettr: c",
        hint="did you mean 'letter'?",
    ),
    Case(
        "wrong-type",
        "procedures.yaml",
        "- number: 1\n",
        "- number: một\n",
        "expected a whole number, found text 'một'",
        at="number: một",
    ),
    Case("wrong-literal", "procedures.yaml", "  level: 4\n", "  level: bốn\n", "expected one of 3 or 4", at="level: bốn"),
    Case(
        "duplicate-key",
        "procedures.yaml",
        "  level: 4\n",
        "  level: 4\n  level: 3\n",
        "duplicate key 'level'",
        at="level: 3",
        hint="silently keep only the last",
    ),
    Case(
        "duplicate-task-letter",
        "tasks.yaml",
        "  - letter: c\n",
        "  - letter: b\n",
        "duplicate task '1.b'",
        at="letter: b\n    text: Tham gia nghiên cứu",
    ),
    Case(
        "unknown-agency-typo",
        "procedures.yaml",
        "    agencies: [so-tu-phap]\n",
        "    agencies: [so-tu-phapp]\n",
        "unknown agency 'so-tu-phapp'",
        at="so-tu-phapp",
        hint="did you mean 'so-tu-phap'?",
    ),
    Case(
        "abbreviation-not-in-the-decision",
        "abbreviations.yaml",
        "  full: [Chứng minh nhân dân]\n",
        "  full: [Chứng minh thư nhân dân]\n",
        "'Chứng minh thư nhân dân' (CMND) does not occur in the decision",
        at="Chứng minh thư nhân dân",
        hint="write the full form exactly as the decision does",
    ),
    Case(
        "abbreviation-listed-twice",
        "abbreviations.yaml",
        "- short: [CMND]\n",
        "- short: [CCCD]\n",
        "'CCCD' is listed twice (first in entry 1)",
        at="- short: [CCCD]\n  full: [Chứng minh",
        hint="keep one entry per short form",
    ),
    Case(
        "agency-name-instead-of-id",
        "responsibilities.yaml",
        "    lead: [so-noi-vu]\n",
        "    lead: [Sở Nội vụ]\n",
        "expected an id in lowercase ASCII",
        at="lead: [Sở Nội vụ]",
    ),
    Case(
        "malformed-month",
        "procedures.yaml",
        "month: 2022-05\n",
        "month: 2022-13\n",
        "expected a month written YYYY-MM, found '2022-13'",
        at="2022-13",
    ),
    Case(
        "impossible-date",
        "responsibilities.yaml",
        "date: '2022-03-20'",
        "date: '2022-02-31'",
        "2022-02-31 is not a calendar date",
        at="2022-02-31",
    ),
    Case(
        "deadline-disagrees-with-wording",
        "procedures.yaml",
        "month: 2022-03\n",
        "month: 2022-04\n",
        "does not match its wording 'Tháng 3/2022'",
        at="month: 2022-04",
        hint="month: 2022-03",
    ),
    Case(
        "unknown-deadline-kind",
        "tasks.yaml",
        "kind: continuous",
        "kind: always",
        "unknown deadline kind 'always'",
        at="kind: always",
        hint="kind is one of",
    ),
    Case(
        "deadline-wording-not-understood",
        "procedures.yaml",
        "text: Tháng 5/2022",
        "text: Sớm nhất có thể",
        "deadline wording not understood",
        at="Sớm nhất có thể",
        hint="known forms",
    ),
    Case(
        "task-without-lead",
        "tasks.yaml",
        "      lead: [cong-an-tinh]\n",
        "      lead: []\n",
        "task 1.a has no lead",
        at="lead: []",
        hint="joint leads",
    ),
    Case(
        "who-role-mismatch",
        "tasks.yaml",
        "      lead: [van-phong-ubnd-tinh]\n",
        "      lead: [cong-an-tinh]\n",
        "names van-phong-ubnd-tinh but lead omits it",
        at="lead: [cong-an-tinh]\n      coordinators: [cong-an-tinh",
    ),
    Case(
        "unresolved-agency-wording",
        "procedures.yaml",
        "    text: Sở Tư pháp\n",
        "    text: Sở Tư phapp\n",
        "unresolved agency wording 'Sở Tư phapp'",
        at="Sở Tư phapp",
        hint="did you mean 'Sở Tư pháp'",
    ),
    Case(
        "cell-lists-unnamed-agency",
        "procedures.yaml",
        "    agencies: [so-tu-phap]\n",
        "    agencies: [so-tu-phap, so-y-te]\n",
        "agencies lists so-y-te but the wording 'Sở Tư pháp' does not name it",
        at="so-tu-phap, so-y-te",
    ),
    Case(
        "duty-lists-unnamed-agency",
        "responsibilities.yaml",
        "    lead: [cong-an-tinh, so-noi-vu]\n",
        "    lead: [cong-an-tinh, so-y-te]\n",
        "duty 1.đ lists 'so-y-te' but neither its text nor its section names it",
        at="lead: [cong-an-tinh, so-y-te]",
    ),
    Case(
        "unreferenced-agency",
        "agencies.yaml",
        "agencies:\n",
        "agencies:\n  - id: so-du-lich\n    name: Sở Du lịch\n    kind: provincial-agency\n    wordings: [Sở Du lịch]\n",
        "agency 'so-du-lich' is never referenced",
        at="id: so-du-lich",
        hint="remove it",
    ),
    Case(
        "wording-occurs-nowhere",
        "agencies.yaml",
        "      - Sở Y tế\n",
        "      - Sở Y tế\n      - Sở Y Tế tỉnh\n",
        "wording 'Sở Y Tế tỉnh' occurs nowhere",
        at="Sở Y Tế tỉnh",
    ),
    Case(
        "wording-claimed-twice",
        "agencies.yaml",
        "      - Sở Nội vụ\n",
        "      - Sở Nội vụ\n      - Sở Y tế\n",
        "wording 'Sở Y tế' also names",
        at="      - Sở Y tế\n  - id: so-giao-thong-van-tai",
    ),
    Case(
        "duplicate-agency-id",
        "agencies.yaml",
        "  - id: so-y-te\n",
        "  - id: so-noi-vu\n",
        "duplicate agency id 'so-noi-vu'",
        at="id: so-noi-vu\n    name: Sở Y tế",
    ),
    Case(
        "group-without-members",
        "agencies.yaml",
        "    members: [ubnd-huyen-thanh-pho]\n",
        "",
        "group 'dia-phuong' has no members",
        at="id: dia-phuong",
    ),
    Case(
        "group-cycle",
        "agencies.yaml",
        "    members: [so-ban-nganh, ubnd-huyen-thanh-pho]\n",
        "    members: [so-ban-nganh, so-ban-nganh-dia-phuong]\n",
        "contains itself",
        at="members: [so-ban-nganh, so-ban-nganh-dia-phuong]",
    ),
    # Roles (the reading rules of responsibilities.yaml, open wordings, recipients).
    Case(
        "open-group-with-members",
        "agencies.yaml",
        "    may_concern: [so-ban-nganh-dia-phuong]\n",
        "    members: [so-ban-nganh-dia-phuong]\n",
        "open group 'don-vi-lien-quan' lists members",
        at="members: [so-ban-nganh-dia-phuong]",
        hint="may_concern",
    ),
    Case(
        "may-concern-on-a-closed-group",
        "agencies.yaml",
        "    members: [ubnd-huyen-thanh-pho]\n",
        "    members: [ubnd-huyen-thanh-pho]\n    may_concern: [so-y-te]\n",
        "'dia-phuong' has `may_concern` but is not an open group",
        at="may_concern: [so-y-te]",
    ),
    Case(
        "duty-roles-against-the-rules",
        "responsibilities.yaml",
        "    lead: []\n    lead_unstated: true\n    coordinators: [bo-chi-huy-quan-su-tinh, bo-chi-huy-bien-phong-tinh]\n",
        "    lead: [bo-chi-huy-quan-su-tinh, bo-chi-huy-bien-phong-tinh]\n    coordinators: []  # 12.b\n",
        "duty 12.b: by rule 5",
        at="coordinators: []  # 12.b",
        hint="roles_note",
    ),
    Case(
        "duty-without-lead-not-marked-unstated",
        "responsibilities.yaml",
        "    lead_unstated: true\n",
        "",
        "duty 12.b has no lead",
        hint="lead_unstated",
    ),
    Case(
        "excluded-body-not-reached",
        "responsibilities.yaml",
        "    - {agency: cong-an-tinh, reason: nơi nhận kế hoạch}\n",
        "    - {agency: bo-cong-an, reason: nơi nhận kế hoạch}\n",
        "'bo-cong-an' is not reached by any group in the roles of duty 2.b",
        at="agency: bo-cong-an",
    ),
    Case(
        "excluded-body-without-reason",
        "responsibilities.yaml",
        "    - {agency: cong-an-tinh, reason: nơi nhận kế hoạch}\n",
        "    - {agency: cong-an-tinh}\n",
        "missing",
        at="agency: cong-an-tinh}",
    ),
    Case(
        "unknown-restated-task",
        "appendix_tasks.yaml",
        "restates: 1.c\n",
        "restates: 1.z\n",
        "unknown Part II task '1.z'",
        at="restates: 1.z",
    ),
    Case(
        "restated-twice",
        "appendix_tasks.yaml",
        "restates: 1.c\n",
        "restates: 1.a\n",
        "duplicate restated task '1.a'",
        at="restates: 1.a\n  - number: 3",
    ),
    Case(
        "unknown-joined-procedure",
        "procedures.yaml",
        "procedure: 9\n",
        "procedure: 99\n",
        "unknown procedure 99",
        at="procedure: 99",
    ),
    Case(
        "unknown-duty",
        "procedures.yaml",
        "duty: 1.d\n",
        "duty: 1.z\n",
        "unknown Part IV duty '1.z'",
        at="duty: 1.z",
        hint="did you mean",
    ),
    Case("unknown-utility-group", "tasks.yaml", "  group: 1\n", "  group: 9\n", "less than or equal to 5", at="group: 9"),
    Case(
        "unregistered-document",
        "tasks.yaml",
        "Nghị định số 137/2015/NĐ-CP",
        "Nghị định số 999/2015/NĐ-CP",
        "cites document 999/2015/NĐ-CP",
        at="999/2015/NĐ-CP",
        hint="add it under `documents:`",
    ),
    Case(
        "unknown-related-document",
        "documents.yaml",
        "  document: nd-47-2020-nd-cp\n",
        "  document: nd-47-2020-nd-cpp\n",
        "unknown document 'nd-47-2020-nd-cpp'",
        at="nd-cpp",
        hint="did you mean 'nd-47-2020-nd-cp'?",
    ),
    Case(
        "missing-required-key",
        "procedures.yaml",
        "  name: Đăng ký tạm trú\n",
        "",
        "missing required key 'name'",
        at="- number: 4",
    ),
    Case("missing-file", "requirements.yaml", None, None, "file is missing"),
    Case("empty-file", "funding.yaml", None, "", "file is empty"),
    Case("only-comments", "funding.yaml", None, "# nothing here\n", "file is empty"),
    Case("top-level-list", "requirements.yaml", None, "- a\n- b\n", "expected a mapping of keys at the top"),
    Case("not-utf8", "decision.yaml", "header:\n", b"header:\n  # \xff\xfe\n", "not UTF-8", at="  # \ufffd"),
    Case(
        "yaml-alias",
        "requirements.yaml",
        "heading: {text: 3. Yêu cầu}\n",
        "heading: &h {text: 3. Yêu cầu}\nagain: *h\n",
        "anchors (&name) are not allowed",
        at="heading: &h",
    ),
    Case(
        "yaml-alias-bomb",
        "requirements.yaml",
        None,
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
        "not allowed",
        at="a: &a",
    ),
    Case("deeply-nested", "requirements.yaml", None, "x: " + "[" * 60 + "]" * 60 + "\n", "nested more than 40 levels"),
    Case(
        "huge-file",
        "objectives.yaml",
        None,
        "# padding\n" + "x: " + "y" * (3 * 1024 * 1024) + "\n",
        "over the 2,097,152-byte limit",
    ),
    Case(
        "python-tag",
        "requirements.yaml",
        "heading: {text: 3. Yêu cầu}\n",
        "heading: !!python/object:os.system {text: 3. Yêu cầu}\n",
        "unsupported YAML tag",
        at="!!python",
    ),
    # What an adversarial probe found (each used to give a traceback, pass unnoticed or point elsewhere).
    Case("only-a-null", "requirements.yaml", None, "~\n", "file holds no values, only a null ('~')", at="~"),
    Case(
        "nul-character",
        "requirements.yaml",
        "Phải xác định",
        "Phải\x00 xác định",
        "column 13: forbidden character U+0000 NULL",
        at="Phải\x00",
        column=13,
        hint="control character",
    ),
    Case(
        "escape-sequence-raw",
        "requirements.yaml",
        "- letter: b\n",
        "- letter: b\n  x\x1b[2J: 1\n",
        "forbidden character U+001B ESCAPE",
        at="x\x1b[2J",
        column=4,
    ),
    Case(
        "escape-sequence-quoted",
        "requirements.yaml",
        "heading: {text: 3. Yêu cầu}\n",
        'heading: {text: "3. Yêu cầu\\e[2J"}\n',
        "forbidden character U+001B ESCAPE (written as an escape)",
        at="heading:",
        hint="escape sequence",
    ),
    Case(
        "line-separator",
        "requirements.yaml",
        "Phải xác định",
        "Phải\u2028 xác định",
        "column 13: forbidden character U+2028 LINE SEPARATOR",
        at="Phải\u2028",
        column=13,
        hint="line break",
    ),
    Case(
        "next-line-character",
        "tasks.yaml",
        "Hoàn thiện thể chế",
        "Hoàn thiện\u0085 thể chế",
        "forbidden character U+0085 NEXT LINE",
        at="Hoàn thiện\u0085",
    ),
    Case(
        "bidi-override-in-name",
        "agencies.yaml",
        "    name: Sở Y tế\n",
        "    name: Sở Y\u202e tế\n",
        "column 15: forbidden character U+202E RIGHT-TO-LEFT OVERRIDE",
        at="Sở Y\u202e",
        column=15,
        hint="invisible",
    ),
    Case(
        "zero-width-space-in-wording",
        "agencies.yaml",
        "      - Sở Y tế\n",
        "      - Sở\u200b Y tế\n",
        "forbidden character U+200B ZERO WIDTH SPACE",
        at="Sở\u200b",
    ),
    Case(
        "octal-number",
        "procedures.yaml",
        "- number: 10\n",
        "- number: 010\n",
        "'010' is not a plain decimal number (YAML reads it as 8)",
        at="number: 010",
        hint="e.g. 10",
    ),
    Case(
        "decimal-level",
        "procedures.yaml",
        "  level: 4\n",
        "  level: 4.0\n",
        "expected a whole number, found 4.0",
        at="level: 4.0",
        hint="write 4",
    ),
    Case(
        "blank-name", "agencies.yaml", "    name: Sở Y tế\n", "    name: '   '\n", "is blank: only spaces", at="name: '   '"
    ),
    Case(
        "blank-title",
        "documents.yaml",
        "  title: Quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước\n",
        "  title: ' '\n",
        "is blank: only spaces",
        at="title: ' '",
    ),
    Case(
        "wording-of-pasted-text",
        "agencies.yaml",
        "      - Sở Y tế\n",
        "      - Sở Y tế\n      - " + "Sở Y tế " * 70 + "\n",
        "is 559 characters long, more than the 200 a name may have",
        at="Sở Y tế Sở Y tế",
        hint="pasted",
    ),
    Case(
        "month-in-year-0000",
        "procedures.yaml",
        "month: 2022-05\n",
        "month: 0000-05\n",
        "0000-05 is outside 1900-2100",
        at="month: 0000-05",
    ),
    Case(
        "month-in-year-9999",
        "procedures.yaml",
        "month: 2022-05\n",
        "month: 9999-12\n",
        "9999-12 is outside 1900-2100",
        at="month: 9999-12",
    ),
    Case(
        "date-in-year-1",
        "responsibilities.yaml",
        "date: '2022-03-20'",
        "date: '0001-01-01'",
        "0001-01-01 is outside 1900-2100",
        at="0001-01-01",
    ),
    Case(
        "monthly-day-31",
        "responsibilities.yaml",
        "      day: 18\n",
        "      day: 31\n",
        "day 31 does not exist in every month",
        at="- text: Định kỳ ngày 18",
    ),
    Case(
        "before-day-1",
        "responsibilities.yaml",
        "      day: 22\n",
        "      day: 1\n",
        "'before day 1' falls in the previous month",
        at="- text: trước ngày 22",
    ),
    Case(
        "utility-group-id-index",
        "objectives.yaml",
        "id: cong-dan-so",
        "id: index",
        "'index' is reserved for the section's own page",
        at="id: index",
    ),
    Case(
        "agency-id-index",
        "agencies.yaml",
        "  - id: so-y-te\n",
        "  - id: index\n",
        "'index' is reserved for the section's own page",
        at="id: index",
    ),
    Case(
        "duplicate-utility-group-id",
        "objectives.yaml",
        "id: cong-dan-so",
        "id: thu-tuc-hanh-chinh",
        "duplicate utility group id 'thu-tuc-hanh-chinh'",
        at="id: thu-tuc-hanh-chinh\n    text: Phục vụ công dân số",
    ),
    Case(
        "pasted-rows",
        "requirements.yaml",
        None,
        "requirements:\n" + "- {letter: a, text: x}\n" * 50_000,
        "more than 250,000 values in one file",
        hint="pasted data",
    ),
]


def _break(plan_dir, case: Case) -> str | None:
    path = plan_dir / case.file
    if case.new is None:
        path.unlink()
        return None
    if case.old is None:
        content = case.new
    else:
        original = path.read_text(encoding="utf-8")
        assert case.old in original, f"{case.id}: the real plan no longer contains {case.old!r}"
        new = case.new.decode("utf-8", "replace") if isinstance(case.new, bytes) else case.new
        content = original.replace(case.old, new, 1)
        if isinstance(case.new, bytes):
            content = original.encode("utf-8").replace(case.old.encode(), case.new, 1)
    if isinstance(content, bytes):
        path.write_bytes(content)
        return content.decode("utf-8", "replace")
    path.write_text(content, encoding="utf-8")
    return content


def _line_of(text: str, needle: str) -> int:
    position = text.index(needle)
    return text.count("\n", 0, position) + 1


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_plan_reports_the_problem(plan_copy, case):
    text = _break(plan_copy, case)
    plan, problems = load_plan(plan_copy)
    assert plan is None
    matching = [p for p in problems if case.message in p.message and p.file.endswith(case.file)]
    assert matching, f"expected '{case.message}' in {case.file}, got:\n" + "\n".join(map(str, problems))
    problem = matching[0]
    if case.at is not None:
        expected = _line_of(text, case.at)
        assert expected <= problem.line <= expected + case.slack, f"{problem} (expected line {expected})"
    if case.hint:
        assert case.hint in problem.hint, str(problem)
    if case.column is not None:
        assert f"column {case.column}:" in problem.message, str(problem)
    assert all(p.hint for p in problems), "every problem carries a hint"
    assert all(p.code for p in problems), "every problem carries a code"


def test_all_problems_are_reported_in_one_run(plan_copy):
    chosen = {"unknown-agency-typo", "unknown-restated-task", "deadline-disagrees-with-wording", "task-without-lead"}
    for case in CASES:
        if case.id in chosen:
            _break(plan_copy, case)
    _, problems = load_plan(plan_copy)
    for case in CASES:
        if case.id in chosen:
            assert any(case.message in p.message for p in problems), case.id
    assert {p.file.rsplit("/", 1)[-1] for p in problems} >= {"procedures.yaml", "appendix_tasks.yaml", "tasks.yaml"}


def test_schema_errors_in_several_files_are_reported_together(plan_copy):
    for case in CASES:
        if case.id in {"unknown-key", "malformed-month", "not-utf8", "missing-file"}:
            _break(plan_copy, case)
    _, problems = load_plan(plan_copy)
    files = {p.file.rsplit("/", 1)[-1] for p in problems}
    assert files == {"tasks.yaml", "procedures.yaml", "decision.yaml", "requirements.yaml"}


def _run_check(plan_dir):
    return subprocess.run(
        [sys.executable, "-m", "plannav", "check", "--plan", str(plan_dir)], capture_output=True, text=True, cwd=ROOT
    )


def test_check_command_passes_on_the_real_plan():
    result = _run_check(ROOT / "plan")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and "28 Part II tasks" in result.stdout


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.id in {"yaml-syntax-unclosed-bracket", "not-utf8", "deeply-nested", "unknown-agency-typo"}],
    ids=lambda c: c.id,
)
def test_check_command_exits_1_with_compiler_style_messages_and_no_traceback(plan_copy, case):
    _break(plan_copy, case)
    result = _run_check(plan_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    first = result.stderr.splitlines()[0]
    assert f"{case.file}:" in first and "    hint: " in result.stderr
    assert result.stderr.rstrip().endswith("found.")


PROBE_CASES = {c.id for c in CASES[CASES.index(next(c for c in CASES if c.id == "only-a-null")) :]}


@pytest.mark.parametrize("case", [c for c in CASES if c.id in PROBE_CASES], ids=lambda c: c.id)
def test_check_says_each_probe_case_without_a_traceback(plan_copy, case):
    _break(plan_copy, case)
    result = _run_check(plan_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert case.message in result.stderr and result.stderr.rstrip().endswith("found.")


@pytest.mark.parametrize(
    "case",
    [
        c
        for c in CASES
        if c.id
        in {
            "only-a-null",
            "wording-of-pasted-text",
            "month-in-year-9999",
            "before-day-1",
            "utility-group-id-index",
            "nul-character",
        }
    ],
    ids=lambda c: c.id,
)
def test_the_build_refuses_each_case_the_check_refuses_without_a_traceback(plan_copy, tmp_path, case):
    from plannav.generator.publish import build

    _break(plan_copy, case)
    result = build(tmp_path / "site", plan_dir=plan_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert case.message in output and "nothing was built" in output


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: (path.unlink(), path.mkdir()), "is a folder, not a file"),
        (
            lambda path: (path.unlink(), path.symlink_to("gone.yaml")),
            "is a symbolic link to 'gone.yaml', which does not exist",
        ),
        (lambda path: (path.unlink(), path.symlink_to(path.name)), "cannot be read: Too many levels of symbolic links"),
        (lambda path: path.rename(path.with_suffix(".yml")), "file is missing"),
    ],
    ids=["folder", "dangling-link", "link-loop", "yml-extension"],
)
def test_something_else_in_place_of_a_plan_file_is_named(plan_copy, make, message):
    make(plan_copy / "tasks.yaml")
    _, problems = load_plan(plan_copy)
    found = [p for p in problems if p.file.endswith("tasks.yaml")]
    assert len(found) == 1 and message in found[0].message, problems
    if message == "file is missing":
        assert found[0].hint == "found tasks.yml: rename it tasks.yaml"


def test_an_editors_lock_file_among_the_plan_files_is_ignored(plan_copy, tmp_path):
    from plannav.generator.publish import build

    (plan_copy / ".#tasks.yaml").symlink_to("root@host.4242:1764000000")  # what Emacs leaves while editing
    assert _run_check(plan_copy).returncode == 0
    result = build(tmp_path / "site", plan_dir=plan_copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_reads_the_plan_folder_the_build_reads(plan_copy):
    case = next(c for c in CASES if c.id == "unknown-agency-typo")
    _break(plan_copy, case)
    env = dict(os.environ, PLANNAV_PLAN_DIR=str(plan_copy))
    result = subprocess.run([sys.executable, "-m", "plannav", "check"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 1 and case.message in result.stderr
    env["PLANNAV_PLAN_DIR"] = ""  # set but empty: the default, as for the build
    result = subprocess.run([sys.executable, "-m", "plannav", "check"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0 and result.stdout.startswith("plan: OK")


def test_a_schema_file_that_is_not_utf8_is_out_of_date_not_a_crash(plan_copy):
    (plan_copy / "schema" / "tasks.schema.json").write_bytes(b"\xff\xfe not json")
    result = _run_check(plan_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "tasks.schema.json: out of date with the models" in result.stderr


def test_thousands_of_problems_are_counted_not_all_listed(plan_copy):
    rows = "".join(f"- {{letter: {i}, text: {i}}}\n" for i in range(3000))  # two problems a row
    (plan_copy / "requirements.yaml").write_text("heading: {text: x}\nrequirements:\n" + rows, encoding="utf-8")
    result = _run_check(plan_copy)
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and len(lines) < 2 * 200 + 10
    assert "5,800 more problems in this file are not listed" in result.stderr
    assert lines[-1] == "6,000 problems found."


def test_values_cannot_forge_or_hide_lines_on_the_terminal(plan_copy):
    # Quoted YAML may spell a line break or an escape character inside a key: printed escaped, on one line.
    edit_plan(plan_copy, "requirements.yaml", ("- letter: b\n", '- letter: b\n  "x\\n0 problems found.\\n\\e[2J": 1\n'))
    result = _run_check(plan_copy)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "0 problems found." not in result.stderr.splitlines()
    assert "x\\n0 problems found.\\n\\x1b[2J" in result.stderr


def test_a_plan_file_of_gigabytes_is_refused_without_reading_it(plan_copy):
    path = plan_copy / "objectives.yaml"
    with path.open("r+b") as handle:
        handle.truncate(1536 * 1024 * 1024)  # sparse: 1.5 GB that take no disk
    _, problems = load_plan(plan_copy)
    assert [p.message for p in problems if p.file.endswith("objectives.yaml")] == [
        "file is 1,610,612,736 bytes, over the 2,097,152-byte limit"
    ]


def test_a_deadline_late_in_the_century_widens_the_timeline_without_negative_widths(plan_copy):
    from plannav.sitemodel import SiteModel
    from plannav.timeline import timeline

    edit_plan(
        plan_copy,
        "tasks.yaml",
        (
            "      text: Trong năm 2022.\n      kind: year\n      year: 2022\n",
            "      text: Trong năm 2100.\n      kind: year\n      year: 2100\n",
        ),
    )
    drawing = timeline(SiteModel.from_folder(plan_copy).views)
    assert all(float(mark.width) >= 0 for mark in drawing.marks if mark.shape == "span")
    xs = [float(year["x"]) for year in drawing.years]
    assert xs == sorted(xs) and drawing.years[-1]["label"] == "2100" and max(xs) <= drawing.width


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
    case = next(c for c in CASES if c.id == case_id)
    text = _break(plan_copy, case)
    _, problems = load_plan(plan_copy)
    assert [(p.code, p.line) for p in problems] == [(code, _line_of(text, at)) for code, at in expected]
    printed = str(problems[0])
    assert printed.endswith(f"[{expected[0][0]}]") or f"[{expected[0][0]}]\n    hint:" in printed


def test_a_deadline_whose_keys_slid_out_of_it_is_named_exactly(plan_copy):
    """`kind` and `month` typed one level too far left: they belong to the procedure now, and its
    deadline lacks a kind. Three problems, each naming its key, the kinds listed in the hint."""
    edit_plan(
        plan_copy,
        "procedures.yaml",
        (
            "    text: Tháng 3/2022\n    kind: month\n    month: 2022-03\n- number: 9\n",
            "    text: Tháng 3/2022\n  kind: month\n  month: 2022-03\n- number: 9\n",
        ),
    )
    _, problems = load_plan(plan_copy)
    assert [(p.path, p.message) for p in problems] == [
        ("procedures[7].deadline", "missing required key 'kind'"),
        ("procedures[7].kind", "unknown key 'kind'"),
        ("procedures[7].month", "unknown key 'month'"),
    ]
    assert "'month', 'year', 'date'" in problems[0].hint


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
    case = next(c for c in CASES if c.id == "unknown-agency-typo")
    _break(plan_copy, case)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PLANNAV_PLAN_DIR=str(plan_copy))
    command = [sys.executable, "-m", "plannav.generator.buildrun", "build", "--strict", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, preexec_fn=lambda: os.sched_setaffinity(0, {0})
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output and "nothing was built" in output
    assert not (tmp_path / "site").exists()


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
