"""Where the plan refers to agencies and where it sets deadlines: every place, with its file and path.

The checks walk these to report a problem at its line; the tests walk them to compare the plan with
the source text.
"""

from dataclasses import dataclass

from plannav.plan import Plan


@dataclass(frozen=True)
class Place:
    file: str  # plan file name without .yaml
    path: tuple  # the path of the value in that file


def agency_references(plan: Plan):
    """(place, agency id) for every agency the plan refers to by id."""
    for ref in plan.task_refs:
        for role in ("lead", "coordinators"):
            for i, agency in enumerate(getattr(ref.task.who, role)):
                yield Place("tasks", ref.path + ("who", role, i)), agency
    for ref in plan.appendix_task_refs:
        for role in ("lead", "coordinators"):
            for i, agency in enumerate(getattr(ref.task, role).agencies):
                yield Place("appendix_tasks", ref.path + (role, "agencies", i)), agency
    for pi, proc in enumerate(plan.procedures.procedures):
        for role in ("lead", "coordinators"):
            for i, agency in enumerate(getattr(proc, role).agencies):
                yield Place("procedures", ("procedures", pi, role, "agencies", i)), agency
    for si, section in enumerate(plan.responsibilities.sections):
        for i, agency in enumerate(section.agencies):
            yield Place("responsibilities", ("sections", si, "agencies", i)), agency
    for ref in plan.duty_refs:
        for role in ("lead", "coordinators"):
            for i, agency in enumerate(getattr(ref.duty, role)):
                yield Place("responsibilities", ref.path + (role, i)), agency
        for i, exclusion in enumerate(ref.duty.not_for):
            yield Place("responsibilities", ref.path + ("not_for", i, "agency")), exclusion.agency
    for ii, item in enumerate(plan.funding.items):
        for role in ("lead", "coordinators"):
            for i, agency in enumerate(getattr(item, role)):
                yield Place("funding", ("items", ii, role, i)), agency
    for place, deadline in deadline_references(plan):
        for i, agency in enumerate(deadline.applies_to):
            yield Place(place.file, place.path + ("applies_to", i)), agency
    for ai, agency in enumerate(plan.agencies.agencies):
        for key in ("members", "may_concern"):
            for i, member in enumerate(getattr(agency, key)):
                yield Place("agencies", ("agencies", ai, key, i)), member


def deadline_references(plan: Plan):
    """(place, deadline) for every deadline in the plan."""
    for ref in plan.task_refs:
        yield Place("tasks", ref.path + ("deadline",)), ref.task.deadline
    for ref in plan.appendix_task_refs:
        yield Place("appendix_tasks", ref.path + ("deadline",)), ref.task.deadline
    for pi, proc in enumerate(plan.procedures.procedures):
        yield Place("procedures", ("procedures", pi, "deadline")), proc.deadline
    for ref in plan.duty_refs:
        for di, deadline in enumerate(ref.duty.deadlines):
            yield Place("responsibilities", ref.path + ("deadlines", di)), deadline
    for ii, item in enumerate(plan.funding.items):
        for di, deadline in enumerate(item.deadlines):
            yield Place("funding", ("items", ii, "deadlines", di)), deadline
