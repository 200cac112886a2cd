"""Property: whatever is done to a plan file, loading either succeeds or reports problems; it never raises."""

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitebuild import PLAN_DIR

from plannav.loader import load_plan
from plannav.models import FILE_MODELS

FILES = sorted(FILE_MODELS)
NASTY = [
    "",
    " ",
    "\t",
    ":",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "&a",
    "*a",
    "!!python/object:os.system",
    "'",
    '"',
    "#",
    "|",
    ">",
    "null",
    "~",
    "true",
    "1e9",
    "0x1F",
    "2022-13-45",
    "\x00",
    "\ufeff",
    "đ",
    "{{ 7*7 }}",
    "<script>",
    "-1",
    ".",
]


@st.composite
def mutation(draw):
    file = draw(st.sampled_from(FILES))
    lines = (PLAN_DIR / f"{file}.yaml").read_text(encoding="utf-8").split("\n")
    edits = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["delete", "duplicate", "insert", "replace", "indent", "dedent"]),
                st.integers(0, len(lines) - 1),
                st.one_of(st.sampled_from(NASTY), st.text(max_size=12)),
            ),
            min_size=1,
            max_size=4,
        )
    )
    for action, at, text in edits:
        at = min(at, len(lines) - 1)
        if action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "insert":
            lines.insert(at, text)
        elif action == "replace" and lines[at]:
            position = draw(st.integers(0, len(lines[at]) - 1))
            lines[at] = lines[at][:position] + text + lines[at][position + 1 :]
        elif action == "indent":
            lines[at] = "  " + lines[at]
        elif action == "dedent":
            lines[at] = lines[at][2:] if lines[at].startswith("  ") else lines[at]
    return file, "\n".join(lines)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation())
def test_mutated_plans_load_or_report_but_never_crash(tmp_path_factory, change):
    file, content = change
    plan_dir = tmp_path_factory.mktemp("plan")
    shutil.rmtree(plan_dir)
    shutil.copytree(PLAN_DIR, plan_dir)
    (plan_dir / f"{file}.yaml").write_text(content, encoding="utf-8", errors="surrogatepass")
    plan, problems = load_plan(plan_dir)
    assert (plan is None) == bool(problems)
    for problem in problems:
        assert problem.file and problem.message and problem.hint, problem
        assert str(problem).startswith(problem.file)
