"""What the plan records against the decision's own wordings: who does the work (a wording that names no
body, roles that differ from the wording or break the reading rules of Part IV, an exclusion that excludes
nothing), the agency registry (a body never referenced, a wording that occurs nowhere or names two bodies,
groups empty, circular or open with members), and when (a deadline that says otherwise than its wording,
or a wording no deadline form reads).

Each case breaks a copy of the real plan in one way and lists every problem it must give (badplan.py).
"""

import pytest
from badplan import Case, assert_reported, break_plan

from plannav.loader import load_plan

CASES = [
    # Roles (the reading rules of responsibilities.yaml, open wordings, recipients).
    Case(
        "task-without-lead",
        "tasks.yaml",
        "      lead: [cong-an-tinh]\n",
        "      lead: []\n",
        "task 1.a has no lead",
        at="lead: []",
        hint="add cong-an-tinh to `lead`: the wording 'Công an tỉnh chủ trì",
        problems=[("no-lead", "lead: []")],
    ),
    Case(
        "who-role-mismatch",
        "tasks.yaml",
        "      lead: [van-phong-ubnd-tinh]\n",
        "      lead: [cong-an-tinh]\n",
        "names van-phong-ubnd-tinh but lead omits it",
        at="lead: [cong-an-tinh]\n      coordinators: [cong-an-tinh",
        # One lead swapped for another: the body the wording names as lead is missing, and the one listed
        # is named as a coordinator (test_a_body_in_the_wrong_role_is_named_as_such).
        problems=[
            ("who-mismatch", "lead: [cong-an-tinh]\n      coordinators: [cong-an-tinh"),
            ("who-mismatch", "lead: [cong-an-tinh]\n      coordinators: [cong-an-tinh"),
        ],
    ),
    Case(
        "coordinator-listed-as-lead",
        "tasks.yaml",
        "      lead: [van-phong-ubnd-tinh]\n      coordinators: [cong-an-tinh, so-ban-nganh-dia-phuong]\n",
        "      lead: [van-phong-ubnd-tinh, cong-an-tinh]\n      coordinators: [so-ban-nganh-dia-phuong]\n",
        "lead lists cong-an-tinh but the wording",
        at="lead: [van-phong-ubnd-tinh, cong-an-tinh]",
        hint="move cong-an-tinh from lead to coordinators",
        # Said once, where it is listed: not also as a coordinator the list omits.
        problems=[("who-mismatch", "lead: [van-phong-ubnd-tinh, cong-an-tinh]")],
    ),
    Case(
        "unresolved-agency-wording",
        "procedures.yaml",
        "    text: Sở Tư pháp\n",
        "    text: Sở Tư phapp\n",
        "unresolved agency wording 'Sở Tư phapp'",
        at="Sở Tư phapp",
        hint="did you mean 'Sở Tư pháp'",
        problems=[("who-unresolved", "Sở Tư phapp")],
    ),
    Case(
        "cell-lists-unnamed-agency",
        "procedures.yaml",
        "    agencies: [so-tu-phap]\n",
        "    agencies: [so-tu-phap, so-y-te]\n",
        "agencies lists so-y-te but the wording 'Sở Tư pháp' does not name it",
        at="so-tu-phap, so-y-te",
        problems=[("who-mismatch", "so-tu-phap, so-y-te")],
    ),
    Case(
        "duty-lists-unnamed-agency",
        "responsibilities.yaml",
        "    lead: [cong-an-tinh, so-noi-vu]\n",
        "    lead: [cong-an-tinh, so-y-te]\n",
        "duty 1.đ lists 'so-y-te' but neither its text nor its section names it",
        at="lead: [cong-an-tinh, so-y-te]",
        problems=[("duty-agency-unnamed", "lead: [cong-an-tinh, so-y-te]")],
    ),
    Case(
        "duty-roles-against-the-rules",
        "responsibilities.yaml",
        "    lead: []\n    lead_unstated: true\n    coordinators: [bo-chi-huy-quan-su-tinh, bo-chi-huy-bien-phong-tinh]\n",
        "    lead: [bo-chi-huy-quan-su-tinh, bo-chi-huy-bien-phong-tinh]\n    coordinators: []  # 12.b\n",
        "duty 12.b: by rule 5",
        at="coordinators: []  # 12.b",
        hint="roles_note",
        problems=[("duty-roles", "coordinators: []  # 12.b")],
    ),
    Case(
        "duty-without-lead-not-marked-unstated",
        "responsibilities.yaml",
        "    lead_unstated: true\n",
        "",
        "duty 12.b has no lead",
        at="    lead: []\n    coordinators: [bo-chi-huy",
        hint="lead_unstated",
        problems=[("no-lead", "    lead: []\n    coordinators: [bo-chi-huy")],
    ),
    Case(
        "excluded-body-not-reached",
        "responsibilities.yaml",
        "    - {agency: cong-an-tinh, reason: nơi nhận kế hoạch}\n",
        "    - {agency: bo-cong-an, reason: nơi nhận kế hoạch}\n",
        "'bo-cong-an' is not reached by any group in the roles of duty 2.b",
        at="agency: bo-cong-an",
        problems=[("exclusion", "agency: bo-cong-an")],
    ),
    # The agency registry and its groups.
    Case(
        "unreferenced-agency",
        "agencies.yaml",
        "agencies:\n",
        "agencies:\n  - id: so-du-lich\n    name: Sở Du lịch\n    kind: provincial-agency\n    wordings: [Sở Du lịch]\n",
        "agency 'so-du-lich' is never referenced",
        at="id: so-du-lich",
        hint="remove it",
        # No text names the new body, so its wording occurs nowhere either.
        problems=[("unreferenced-agency", "id: so-du-lich"), ("unused-wording", "wordings: [Sở Du lịch]")],
    ),
    Case(
        "wording-occurs-nowhere",
        "agencies.yaml",
        "      - Sở Y tế\n",
        "      - Sở Y tế\n      - Sở Y Tế tỉnh\n",
        "wording 'Sở Y Tế tỉnh' occurs nowhere",
        at="Sở Y Tế tỉnh",
        problems=[("unused-wording", "Sở Y Tế tỉnh")],
    ),
    Case(
        "wording-claimed-twice",
        "agencies.yaml",
        "      - Sở Nội vụ\n",
        "      - Sở Nội vụ\n      - Sở Y tế\n",
        "wording 'Sở Y tế' also names",
        at="      - Sở Y tế\n  - id: so-giao-thong-van-tai",
        hint="remove it here, or at line",
        # Said at the second body's wording, naming the first's line.
        problems=[("wording-claimed-twice", "      - Sở Y tế\n  - id: so-giao-thong-van-tai")],
    ),
    Case(
        "wording-listed-twice",
        "agencies.yaml",
        "      - Sở Nội vụ\n",
        "      - Sở Nội vụ\n      - Sở Nội vụ\n",
        "duplicate wording 'Sở Nội vụ' (first at line",
        at="      - Sở Nội vụ\n  - id: so-ke-hoach-dau-tu",
        hint="a body lists each wording once",
        problems=[("duplicate-wording", "      - Sở Nội vụ\n  - id: so-ke-hoach-dau-tu")],
    ),
    Case(
        "group-without-members",
        "agencies.yaml",
        "    members: [ubnd-huyen-thanh-pho]\n",
        "",
        "group 'dia-phuong' has no members",
        at="id: dia-phuong",
        problems=[("group-without-members", "id: dia-phuong")],
    ),
    Case(
        "group-cycle",
        "agencies.yaml",
        "    members: [so-ban-nganh, ubnd-huyen-thanh-pho]\n",
        "    members: [so-ban-nganh, so-ban-nganh-dia-phuong]\n",
        "contains itself",
        at="members: [so-ban-nganh, so-ban-nganh-dia-phuong]",
        problems=[("group-cycle", "members: [so-ban-nganh, so-ban-nganh-dia-phuong]")],
    ),
    Case(
        "open-group-with-members",
        "agencies.yaml",
        "    may_concern: [so-ban-nganh-dia-phuong]\n",
        "    members: [so-ban-nganh-dia-phuong]\n",
        "open group 'don-vi-lien-quan' lists members",
        at="members: [so-ban-nganh-dia-phuong]",
        hint="may_concern",
        problems=[("open-group", "members: [so-ban-nganh-dia-phuong]")],
    ),
    Case(
        "may-concern-on-a-closed-group",
        "agencies.yaml",
        "    members: [ubnd-huyen-thanh-pho]\n",
        "    members: [ubnd-huyen-thanh-pho]\n    may_concern: [so-y-te]\n",
        "'dia-phuong' has `may_concern` but is not an open group",
        at="may_concern: [so-y-te]",
        problems=[("open-group", "may_concern: [so-y-te]")],
    ),
    # Deadlines read from their wordings.
    Case(
        "deadline-disagrees-with-wording",
        "procedures.yaml",
        "month: 2022-03\n",
        "month: 2022-04\n",
        "does not match its wording 'Tháng 3/2022'",
        at="month: 2022-04",
        hint="month: 2022-03",
        problems=[("deadline-mismatch", "month: 2022-04")],
    ),
    Case(
        "deadline-wording-not-understood",
        "procedures.yaml",
        "text: Tháng 5/2022",
        "text: Sớm nhất có thể",
        "deadline wording not understood",
        at="Sớm nhất có thể",
        hint="known forms",
        problems=[("deadline-unreadable", "Sớm nhất có thể")],
    ),
]

CASES_BY_ID = {case.id: case for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_broken_plan_reports_the_problem(plan_copy, case):
    assert_reported(plan_copy, case)


def test_a_body_in_the_wrong_role_is_named_as_such(plan_copy):
    """A lead the wording names as a coordinator: the problem says so, and its hint is the move, not a
    wording to add to the registry."""
    break_plan(plan_copy, CASES_BY_ID["who-role-mismatch"])
    _, problems = load_plan(plan_copy)
    (wrong_role,) = [p for p in problems if "lead lists cong-an-tinh" in p.message]
    assert wrong_role.message.endswith("does not name it as lead: it names it as a coordinator")
    assert wrong_role.hint == "remove cong-an-tinh from lead: coordinators lists it already"
