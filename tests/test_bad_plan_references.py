"""References between the plan's files and what identifies an entry: ids, letters and numbers that must be
unique, ids a page path cannot take, references to tasks, duties, procedures, agencies and documents that do
not exist, a document cited but not registered, and abbreviations (a full form the decision does not hold, a
short form listed twice).

Each case breaks a copy of the real plan in one way and lists every problem it must give (badplan.py).
"""

import pytest
from badplan import At, Case, assert_reported

# An agency renamed away from `so-y-te`: every place that still names it, after the agency's own problem.
SO_Y_TE_NAMED = [
    ("unknown-agency", At("agencies: [cong-an-tinh, so-y-te]", file="appendix_tasks.yaml")),
    ("unknown-agency", At("  agencies: [so-y-te]", file="responsibilities.yaml")),
    ("unknown-agency", At("coordinators: [so-y-te]", file="responsibilities.yaml")),
    ("unknown-agency", "      - so-y-te\n"),  # a member of a group
    ("unknown-predecessor", At("- of: so-y-te\n", file="successors.yaml")),
]

CASES = [
    Case(
        "duplicate-task-letter",
        "tasks.yaml",
        "  - letter: c\n",
        "  - letter: b\n",
        "duplicate task '1.b'",
        at="letter: b\n    text: Tham gia nghiên cứu",
        # Task 1.c is gone with its letter, so Appendix II's restatement of it names an unknown task.
        problems=[
            ("duplicate-number", "letter: b\n    text: Tham gia nghiên cứu"),
            ("unknown-task", At("restates: 1.c", file="appendix_tasks.yaml")),
        ],
    ),
    Case(
        "duplicate-agency-id",
        "agencies.yaml",
        "  - id: so-y-te\n",
        "  - id: so-noi-vu\n",
        "duplicate agency id 'so-noi-vu'",
        at="id: so-noi-vu\n    name: Sở Y tế",
        problems=[("duplicate-id", "id: so-noi-vu\n    name: Sở Y tế"), *SO_Y_TE_NAMED],
    ),
    Case(
        "unknown-agency-typo",
        "procedures.yaml",
        "    agencies: [so-tu-phap]\n",
        "    agencies: [so-tu-phapp]\n",
        "unknown agency 'so-tu-phapp'",
        at="so-tu-phapp",
        hint="did you mean 'so-tu-phap'?",
        problems=[("unknown-agency", "so-tu-phapp")],
    ),
    Case(
        "unknown-restated-task",
        "appendix_tasks.yaml",
        "restates: 1.c\n",
        "restates: 1.z\n",
        "unknown Part II task '1.z'",
        at="restates: 1.z",
        problems=[("unknown-task", "restates: 1.z")],
    ),
    Case(
        "restated-twice",
        "appendix_tasks.yaml",
        "restates: 1.c\n",
        "restates: 1.a\n",
        "duplicate restated task '1.a'",
        at="restates: 1.a\n  - number: 3",
        problems=[("duplicate-restatement", "restates: 1.a\n  - number: 3")],
    ),
    Case(
        "unknown-joined-procedure",
        "procedures.yaml",
        "procedure: 9\n",
        "procedure: 99\n",
        "unknown procedure 99",
        at="procedure: 99",
        problems=[("unknown-procedure", "procedure: 99")],
    ),
    Case(
        "unknown-duty",
        "procedures.yaml",
        "duty: 1.d\n",
        "duty: 1.z\n",
        "unknown Part IV duty '1.z'",
        at="duty: 1.z",
        hint="did you mean",
        problems=[("unknown-duty", "duty: 1.z")],
    ),
    Case(
        "unregistered-document",
        "tasks.yaml",
        "Nghị định số 137/2015/NĐ-CP",
        "Nghị định số 999/2015/NĐ-CP",
        "cites document 999/2015/NĐ-CP",
        at="999/2015/NĐ-CP",
        hint="add it under `documents:`",
        problems=[("unregistered-document", "999/2015/NĐ-CP")],
    ),
    Case(
        "unknown-related-document",
        "documents.yaml",
        "  document: nd-47-2020-nd-cp\n",
        "  document: nd-47-2020-nd-cpp\n",
        "unknown document 'nd-47-2020-nd-cpp'",
        at="nd-cpp",
        hint="did you mean 'nd-47-2020-nd-cp'?",
        problems=[("unknown-document", "nd-cpp")],
    ),
    Case(
        "abbreviation-not-in-the-decision",
        "abbreviations.yaml",
        "  full: [Chứng minh nhân dân]\n",
        "  full: [Chứng minh thư nhân dân]\n",
        "'Chứng minh thư nhân dân' (CMND) does not occur in the decision",
        at="Chứng minh thư nhân dân",
        hint="write the full form exactly as the decision does",
        problems=[("abbreviation-not-found", "Chứng minh thư nhân dân")],
    ),
    Case(
        "abbreviation-listed-twice",
        "abbreviations.yaml",
        "- short: [CMND]\n",
        "- short: [CCCD]\n",
        "'CCCD' is listed twice (first in entry 1)",
        at="- short: [CCCD]\n  full: [Chứng minh",
        hint="keep one entry per short form",
        problems=[("duplicate-abbreviation", "- short: [CCCD]\n  full: [Chứng minh")],
    ),
    # What an adversarial probe found (each used to give a traceback, pass unnoticed or point elsewhere).
    Case(
        "utility-group-id-index",
        "objectives.yaml",
        "id: cong-dan-so",
        "id: index",
        "'index' is reserved for the section's own page",
        at="id: index",
        problems=[("reserved-id", "id: index")],
    ),
    Case(
        "agency-id-index",
        "agencies.yaml",
        "  - id: so-y-te\n",
        "  - id: index\n",
        "'index' is reserved for the section's own page",
        at="id: index",
        problems=[("reserved-id", "id: index"), *SO_Y_TE_NAMED],
    ),
    Case(
        "duplicate-utility-group-id",
        "objectives.yaml",
        "id: cong-dan-so",
        "id: thu-tuc-hanh-chinh",
        "duplicate utility group id 'thu-tuc-hanh-chinh'",
        at="id: thu-tuc-hanh-chinh\n    text: Phục vụ công dân số",
        problems=[("duplicate-id", "id: thu-tuc-hanh-chinh\n    text: Phục vụ công dân số")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_broken_plan_reports_the_problem(plan_copy, case):
    assert_reported(plan_copy, case)
