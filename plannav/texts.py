"""Every piece of the decision's wording in the plan, with where it lives.

Used to find agency names and document citations in running text, to prove fidelity to
the source, and to build the full-text view.
"""

from dataclasses import dataclass

from plannav.plan import Plan


@dataclass(frozen=True)
class TextRef:
    file: str  # plan file name without .yaml
    path: tuple
    text: str
    who: bool = False  # a "who" field: only agency names and connectives


def _deadline_texts(file, path, deadline):
    yield TextRef(file, path + ("text",), deadline.text)


def iter_texts(plan: Plan):
    d = plan.decision
    yield TextRef("decision", ("header", "authority"), d.header.authority)
    for i, line in enumerate(d.legal_basis):
        yield TextRef("decision", ("legal_basis", i), line)
    for i, article in enumerate(d.articles):
        yield TextRef("decision", ("articles", i, "text"), article.text)
    for key in ("title", "subtitle", "preamble"):
        yield TextRef("decision", ("plan", key), getattr(d.plan, key))
    yield TextRef("decision", ("metadata", "title"), d.metadata.title)

    o = plan.objectives
    yield TextRef("objectives", ("general", "text"), o.general.text)
    for oi, objective in enumerate(o.specific.objectives):
        yield TextRef("objectives", ("specific", "objectives", oi, "heading", "text"), objective.heading.text)
        for pi, phase in enumerate(objective.phases):
            for si, statement in enumerate(phase.statements):
                yield TextRef("objectives", ("specific", "objectives", oi, "phases", pi, "statements", si), statement)
    for i, req in enumerate(plan.requirements.requirements):
        yield TextRef("requirements", ("requirements", i, "text"), req.text)

    for ref in plan.task_refs:
        yield TextRef("tasks", ref.path + ("text",), ref.task.text)
        yield TextRef("tasks", ref.path + ("who", "text"), ref.task.who.text, who=True)
        yield from _deadline_texts("tasks", ref.path + ("deadline",), ref.task.deadline)

    for i, item in enumerate(plan.funding.items):
        yield TextRef("funding", ("items", i, "text"), item.text)

    for si, section in enumerate(plan.responsibilities.sections):
        yield TextRef("responsibilities", ("sections", si, "heading", "text"), section.heading.text)
    for ref in plan.duty_refs:
        yield TextRef("responsibilities", ref.path + ("text",), ref.duty.text)
    yield TextRef("responsibilities", ("closing",), plan.responsibilities.closing)

    p = plan.procedures
    yield TextRef("procedures", ("title",), p.title)
    yield TextRef("procedures", ("subtitle",), p.subtitle)
    for i, proc in enumerate(p.procedures):
        path = ("procedures", i)
        yield TextRef("procedures", path + ("name",), proc.name)
        yield TextRef("procedures", path + ("lead", "text"), proc.lead.text, who=True)
        yield TextRef("procedures", path + ("coordinators", "text"), proc.coordinators.text, who=True)
        yield from _deadline_texts("procedures", path + ("deadline",), proc.deadline)

    a = plan.appendix_tasks
    yield TextRef("appendix_tasks", ("title",), a.title)
    yield TextRef("appendix_tasks", ("subtitle",), a.subtitle)
    for gi, group in enumerate(a.groups):
        if not group.heading.supplied:
            yield TextRef("appendix_tasks", ("groups", gi, "heading", "text"), group.heading.text)
    for ref in plan.appendix_task_refs:
        yield TextRef("appendix_tasks", ref.path + ("text",), ref.task.text)
        yield TextRef("appendix_tasks", ref.path + ("lead", "text"), ref.task.lead.text, who=True)
        yield TextRef("appendix_tasks", ref.path + ("coordinators", "text"), ref.task.coordinators.text, who=True)
        yield from _deadline_texts("appendix_tasks", ref.path + ("deadline",), ref.task.deadline)

    for key in ("related", "earlier_related"):
        for i, entry in enumerate(getattr(plan.documents, key)):
            yield TextRef("documents", (key, i, "text"), entry.text)


def citing_texts(plan: Plan) -> dict[str, list[TextRef]]:
    """Each document id -> the texts of the plan that cite it, in the plan's order."""
    found: dict[str, list[TextRef]] = {}
    for ref in iter_texts(plan):
        for doc in plan.document_index.cited(ref.text):
            found.setdefault(doc, []).append(ref)
    return found
