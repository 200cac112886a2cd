"""Where the plan refers to agencies and where it sets deadlines: every place, with its file and path.

The checks walk these to report a problem at its line; the tests walk them to compare the plan with
the source text.
"""

from dataclasses import dataclass

from plannav.plan import Plan
from plannav.planwalk import item_deadlines, item_roles, walk


@dataclass(frozen=True)
class Location:
    file: str  # plan file name without .yaml
    path: tuple  # the path of the value in that file


def agency_references(plan: Plan):
    """(place, agency id) for every agency the plan refers to by id: in the decision's order, then the
    deadlines' and the registry's own."""
    for node in walk(plan):
        if node.kind == "duty-section":
            for i, agency in enumerate(node.value.agencies):
                yield Location(node.file, node.path + ("agencies", i)), agency
        for role in item_roles(node).values():
            for i, agency in enumerate(role.ids):
                yield Location(node.file, role.path + (i,)), agency
        if node.kind == "duty":
            for i, exclusion in enumerate(node.value.not_for):
                yield Location(node.file, node.path + ("not_for", i, "agency")), exclusion.agency
    for place, deadline in deadline_references(plan):
        for i, agency in enumerate(deadline.applies_to):
            yield Location(place.file, place.path + ("applies_to", i)), agency
    for ai, agency in enumerate(plan.agencies.agencies):
        for key in ("members", "may_concern"):
            for i, member in enumerate(getattr(agency, key)):
                yield Location("agencies", ("agencies", ai, key, i)), member


def deadline_references(plan: Plan):
    """(place, deadline) for every deadline in the plan, in the decision's order."""
    for node in walk(plan):
        for path, deadline in item_deadlines(node):
            yield Location(node.file, path), deadline
