"""The decision's parts in its own order, walked once.

Each part comes as a `Node`: its kind, the plan file and the path in it where it lives, its model and
its reference. The texts, the items, the full-text view and the references all read this walk, so
which parts the decision has, and in what order, is decided here alone.
"""

from collections.abc import Iterator
from dataclasses import KW_ONLY, dataclass
from functools import partial
from itertools import groupby
from typing import Any, NamedTuple

from plannav.plan import Plan

# Every kind of part, in the order each first comes. "part" is the heading of Part I, II, III or IV;
# "appendix" opens Appendix I or II (its file's model: label, title, subtitle, columns).
KINDS = (
    *("header", "legal-basis", "decides", "article", "signature", "plan-title"),
    *("part", "general-objective", "specific-objectives", "objective", "phase", "statement"),
    *("requirements", "requirement", "task-section", "task", "funding", "duty-section", "duty", "closing"),
    *("appendix", "procedure", "appendix-group", "appendix-task"),
    *("related-documents", "earlier-related", "related", "metadata"),
)
ROLES = ("lead", "coordinators")


@dataclass(frozen=True)
class Node:
    """One part of the decision, where it lives in the plan files."""

    kind: str  # one of KINDS; an item's kind is its kind in items.ITEM_KINDS
    path: tuple  # the path of its value in its file
    value: Any  # its model; a str for a line of wording (a legal basis, a statement, the closing)
    _: KW_ONLY
    file: str  # plan file name without .yaml
    key: str = ""  # its reference: "2.đ" (task), "15" (procedure), "1.d" or "4" (duty), "b" (requirement), …
    within: Any = None  # for a task, a duty or an Appendix II task, the section or group it is in


def walk(plan: Plan) -> Iterator[Node]:
    """Every part of the decision in its order: the decision itself, Part I (objectives, requirements),
    Parts II, III and IV, Appendices I and II, the related documents and the decision's metadata."""
    yield from _decision(plan)
    yield from _objectives(plan)
    yield from _requirements(plan)
    yield from _tasks(plan)
    yield from _funding(plan)
    yield from _responsibilities(plan)
    yield from _procedures(plan)
    yield from _appendix_tasks(plan)
    yield from _related(plan)
    yield Node("metadata", ("metadata",), plan.decision.metadata, file="decision")


class Agencies(NamedTuple):
    """The agency ids of one role of an item, and the path of their list."""

    path: tuple
    ids: list[str]


def item_roles(node: Node) -> dict[str, Agencies]:
    """An item's agencies by role ("lead", "coordinators"); {} for other parts."""
    value, path = node.value, node.path
    if node.kind == "task":
        return {role: Agencies(path + ("who", role), getattr(value.who, role)) for role in ROLES}
    if node.kind in ("appendix-task", "procedure"):
        return {role: Agencies(path + (role, "agencies"), getattr(value, role).agencies) for role in ROLES}
    if node.kind in ("duty", "funding"):
        return {role: Agencies(path + (role,), getattr(value, role)) for role in ROLES}
    return {}


def item_deadlines(node: Node) -> list[tuple[tuple, Any]]:
    """An item's deadlines, each with its path: one for a task or a procedure, any number for a duty or a
    funding item (they quote its text); none for other parts."""
    if node.kind in ("task", "appendix-task", "procedure"):
        return [(node.path + ("deadline",), node.value.deadline)]
    if node.kind in ("duty", "funding"):
        return [(node.path + ("deadlines", i), deadline) for i, deadline in enumerate(node.value.deadlines)]
    return []


def _by_section(refs) -> Iterator[tuple[tuple, list]]:
    """The refs of a file's items, grouped by the path of the section or group they are in."""
    for path, refs_in in groupby(refs, key=lambda ref: ref.path[:2]):
        yield path, list(refs_in)


def _decision(plan: Plan) -> Iterator[Node]:
    """The decision's head, its legal basis, its articles, its signature and the plan's title."""
    node, d = partial(Node, file="decision"), plan.decision
    yield node("header", ("header",), d.header)
    for i, line in enumerate(d.legal_basis):
        yield node("legal-basis", ("legal_basis", i), line, key=str(i + 1))
    yield node("decides", ("decides",), d.decides)
    for i, article in enumerate(d.articles):
        yield node("article", ("articles", i), article, key=str(article.number))
    yield node("signature", ("signature",), d.signature)
    yield node("plan-title", ("plan",), d.plan)


def _objectives(plan: Plan) -> Iterator[Node]:
    """Part I's heading, the general objective, and the specific objectives phase by phase."""
    node, o = partial(Node, file="objectives"), plan.objectives
    yield node("part", ("part",), o.part)
    yield node("general-objective", ("general",), o.general)
    yield node("specific-objectives", ("specific",), o.specific)
    for oi, objective in enumerate(o.specific.objectives):
        path = ("specific", "objectives", oi)
        yield node("objective", path, objective, key=objective.letter)
        for pi, phase in enumerate(objective.phases):
            yield node("phase", path + ("phases", pi), phase)
            for si, statement in enumerate(phase.statements):
                yield node("statement", path + ("phases", pi, "statements", si), statement)


def _requirements(plan: Plan) -> Iterator[Node]:
    """Part I.3: the requirements."""
    node = partial(Node, file="requirements")
    yield node("requirements", (), plan.requirements)
    for i, requirement in enumerate(plan.requirements.requirements):
        yield node("requirement", ("requirements", i), requirement, key=requirement.letter)


def _tasks(plan: Plan) -> Iterator[Node]:
    """Part II: its heading, then each section and its tasks."""
    node = partial(Node, file="tasks")
    yield node("part", ("part",), plan.tasks.part)
    for path, refs in _by_section(plan.task_refs):
        section = refs[0].section
        yield node("task-section", path, section, key=str(section.number))
        for ref in refs:
            yield node("task", ref.path, ref.task, key=ref.key, within=section)


def _funding(plan: Plan) -> Iterator[Node]:
    """Part III: its heading and its funding items."""
    node = partial(Node, file="funding")
    yield node("part", ("part",), plan.funding.part)
    for i, item in enumerate(plan.funding.items):
        yield node("funding", ("items", i), item, key=str(item.number))


def _responsibilities(plan: Plan) -> Iterator[Node]:
    """Part IV: its heading, each body's section and its duties, and the closing sentence."""
    node = partial(Node, file="responsibilities")
    yield node("part", ("part",), plan.responsibilities.part)
    for path, refs in _by_section(plan.duty_refs):
        section = refs[0].section
        yield node("duty-section", path, section, key=str(section.number))
        for ref in refs:
            yield node("duty", ref.path, ref.duty, key=ref.key, within=section)
    yield node("closing", ("closing",), plan.responsibilities.closing)


def _procedures(plan: Plan) -> Iterator[Node]:
    """Appendix I: the essential procedures."""
    node = partial(Node, file="procedures")
    yield node("appendix", (), plan.procedures)
    for i, procedure in enumerate(plan.procedures.procedures):
        yield node("procedure", ("procedures", i), procedure, key=str(procedure.number))


def _appendix_tasks(plan: Plan) -> Iterator[Node]:
    """Appendix II: its tasks, group by group."""
    node = partial(Node, file="appendix_tasks")
    yield node("appendix", (), plan.appendix_tasks)
    for path, refs in _by_section(plan.appendix_task_refs):
        group = refs[0].group
        yield node("appendix-group", path, group)
        for ref in refs:
            yield node("appendix-task", ref.path, ref.task, key=str(ref.number), within=group)


def _related(plan: Plan) -> Iterator[Node]:
    """The two lists of related documents, the shorter first, as the copy gives them."""
    node, docs = partial(Node, file="documents"), plan.documents
    yield node("related-documents", (), docs)
    for i, entry in enumerate(docs.earlier_related):
        yield node("earlier-related", ("earlier_related", i), entry, key=str(entry.number))
    for i, entry in enumerate(docs.related):
        yield node("related", ("related", i), entry, key=str(entry.number))
