"""The scripts beside the product keep working with it: the benchmark's synthetic plans pass every check."""

from sitebuild import synthetic_plan

from plannav.loader import load_plan
from plannav.problems import report


def test_a_synthetic_plan_twice_the_size_passes_every_check(tmp_path, plan):
    doubled, problems = load_plan(synthetic_plan(2, tmp_path / "plan"))
    assert problems == [], report(problems)
    assert len(doubled.procedures.procedures) == 2 * len(plan.procedures.procedures)
    assert len(doubled.task_refs) == 2 * len(plan.task_refs)
