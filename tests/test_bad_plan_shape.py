"""The shape of each plan file (its model and JSON Schema): keys unknown or missing, values of the wrong type
or form, values outside what the key allows (a month 13, a year 9999, a day not in every month, a blank name,
pasted text), and a deadline of an unknown kind.

Each case breaks a copy of the real plan in one way and lists every problem it must give (badplan.py).
"""

import pytest
from badplan import Case, assert_reported, break_plan
from sitebuild import edit_plan

from plannav.loader import load_plan

CASES = [
    Case(
        "unknown-key",
        "tasks.yaml",
        "  - letter: c\n",
        "  - lettr: c\n",
        "unknown key 'lettr'",
        at="lettr: c",
        hint="did you mean 'letter'?",
        problems=[("unknown-key", "lettr: c")],
    ),
    Case(
        "misspelt-required-key",
        "procedures.yaml",
        "  level: 4\n",
        "  levle: 4\n",
        "unknown key 'levle'",
        at="levle: 4",
        hint="did you mean 'level'? it is required, and missing here",
        # Said once, as the key misspelt: not also as the required key missing from the procedure.
        problems=[("unknown-key", "levle: 4")],
    ),
    Case(
        "missing-required-key",
        "procedures.yaml",
        "  name: Đăng ký tạm trú\n",
        "",
        "missing required key 'name'",
        at="- number: 4",
        problems=[("missing-key", "- number: 4")],
    ),
    Case(
        "wrong-type",
        "procedures.yaml",
        "- number: 1\n",
        "- number: một\n",
        "expected a whole number, found text 'một'",
        at="number: một",
        problems=[("wrong-type", "number: một")],
    ),
    Case(
        "wrong-literal",
        "procedures.yaml",
        "  level: 4\n",
        "  level: bốn\n",
        "expected one of 3 or 4",
        at="level: bốn",
        problems=[("not-allowed", "level: bốn")],
    ),
    Case(
        "decimal-level",
        "procedures.yaml",
        "  level: 4\n",
        "  level: 4.0\n",
        "expected a whole number, found 4.0",
        at="level: 4.0",
        hint="write 4",
        problems=[("invalid-value", "level: 4.0")],
    ),
    Case(
        "unknown-utility-group",
        "tasks.yaml",
        "  group: 1\n",
        "  group: 9\n",
        "expected a utility group from 1 to 5, found 9",
        at="group: 9",
        hint="the utility groups of I.1 are numbered from 1 to 5",
        problems=[("invalid-value", "group: 9")],
    ),
    Case(
        "agency-name-instead-of-id",
        "responsibilities.yaml",
        "    lead: [so-noi-vu]\n",
        "    lead: [Sở Nội vụ]\n",
        "expected an id in lowercase ASCII",
        at="lead: [Sở Nội vụ]",
        problems=[("wrong-format", "lead: [Sở Nội vụ]")],
    ),
    Case(
        "excluded-body-without-reason",
        "responsibilities.yaml",
        "    - {agency: cong-an-tinh, reason: nơi nhận kế hoạch}\n",
        "    - {agency: cong-an-tinh}\n",
        "missing",
        at="agency: cong-an-tinh}",
        problems=[("missing-key", "agency: cong-an-tinh}")],
    ),
    Case(
        "malformed-month",
        "procedures.yaml",
        "month: 2022-05\n",
        "month: 2022-13\n",
        "expected a month written YYYY-MM, found '2022-13'",
        at="2022-13",
        problems=[("wrong-format", "2022-13")],
    ),
    Case(
        "impossible-date",
        "responsibilities.yaml",
        "date: '2022-03-20'",
        "date: '2022-02-31'",
        "2022-02-31 is not a calendar date",
        at="2022-02-31",
        problems=[("invalid-value", "2022-02-31")],
    ),
    Case(
        "unknown-deadline-kind",
        "tasks.yaml",
        "kind: continuous",
        "kind: always",
        "unknown deadline kind 'always'",
        at="kind: always",
        hint="kind is one of",
        problems=[("deadline-kind", "kind: always")],
    ),
    # What an adversarial probe found (each used to give a traceback, pass unnoticed or point elsewhere).
    Case(
        "blank-name",
        "agencies.yaml",
        "    name: Sở Y tế\n",
        "    name: '   '\n",
        "is blank: only spaces",
        at="name: '   '",
        problems=[("invalid-value", "name: '   '")],
    ),
    Case(
        "blank-title",
        "documents.yaml",
        "  title: Quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước\n",
        "  title: ' '\n",
        "is blank: only spaces",
        at="title: ' '",
        problems=[("invalid-value", "title: ' '")],
    ),
    Case(
        "wording-of-pasted-text",
        "agencies.yaml",
        "      - Sở Y tế\n",
        "      - Sở Y tế\n      - " + "Sở Y tế " * 70 + "\n",
        "is 559 characters long, more than the 200 a name may have",
        at="Sở Y tế Sở Y tế",
        hint="pasted",
        problems=[("too-long", "Sở Y tế Sở Y tế")],
    ),
    Case(
        "month-in-year-0000",
        "procedures.yaml",
        "month: 2022-05\n",
        "month: 0000-05\n",
        "0000-05 is outside 1900-2100",
        at="month: 0000-05",
        problems=[("invalid-value", "month: 0000-05")],
    ),
    Case(
        "month-in-year-9999",
        "procedures.yaml",
        "month: 2022-05\n",
        "month: 9999-12\n",
        "9999-12 is outside 1900-2100",
        at="month: 9999-12",
        problems=[("invalid-value", "month: 9999-12")],
    ),
    Case(
        "date-in-year-1",
        "responsibilities.yaml",
        "date: '2022-03-20'",
        "date: '0001-01-01'",
        "0001-01-01 is outside 1900-2100",
        at="0001-01-01",
        problems=[("invalid-value", "0001-01-01")],
    ),
    # A check of the whole deadline, said at the key it is about.
    Case(
        "monthly-day-31",
        "responsibilities.yaml",
        "      day: 18\n",
        "      day: 31\n",
        "day 31 does not exist in every month",
        at="day: 31\n",
        problems=[("invalid-value", "day: 31\n")],
    ),
    Case(
        "before-day-1",
        "responsibilities.yaml",
        "      day: 22\n",
        "      day: 1\n",
        "'before day 1' falls in the previous month",
        at="day: 1\n",
        problems=[("invalid-value", "day: 1\n")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_broken_plan_reports_the_problem(plan_copy, case):
    assert_reported(plan_copy, case)


@pytest.mark.parametrize("case_id", ["monthly-day-31", "before-day-1"])
def test_a_check_of_a_whole_deadline_names_the_key_it_is_about(plan_copy, case_id):
    """The rule weighs several keys of a recurring deadline; the problem names its `day`, the one edited,
    not the deadline's kind."""
    break_plan(plan_copy, next(case for case in CASES if case.id == case_id))
    _, problems = load_plan(plan_copy)
    assert [p.path.rsplit(".", 1)[-1] for p in problems] == ["day"]
    assert "recurring" not in problems[0].path


def test_a_deadline_whose_keys_slid_out_of_it_is_named_exactly(plan_copy):
    """`kind` and `month` typed one level too far left: they belong to the procedure now, and its
    deadline lacks a kind. Three problems, each naming its key, the kinds listed in the hint."""
    text = edit_plan(
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
    lines = text.split("\n")
    assert [(p.code, lines[p.line - 1]) for p in problems] == [
        ("deadline-kind", "  deadline:"),
        ("unknown-key", "  kind: month"),
        ("unknown-key", "  month: 2022-03"),
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
