"""Every reference resolves: agencies, Part II tasks, procedures, duties, documents and utility groups."""

from plannav.checks.findings import Findings
from plannav.plan import Plan
from plannav.problems import did_you_mean
from plannav.textnorm import match_key
from plannav.traversal import agency_references


def _suggest_agency(plan: Plan, value: str) -> str:
    """A hint for an unknown agency id: the id of the body it names, or the closest id."""
    for agency in plan.registry.agencies:
        if match_key(value) in {match_key(w) for w in (*agency.wordings, *agency.bare_wordings)}:
            return f"'{value}' is a wording of '{agency.id}': refer to agencies by id"
    return did_you_mean(value, plan.registry.by_id, "add the agency to plan/agencies.yaml or use an id listed there")


def unknown_agencies(plan: Plan, report: Findings) -> None:
    for place, agency_id in agency_references(plan):
        if not report.known(agency_id):
            report.add(
                place.file, place.path, f"unknown agency '{agency_id}'", _suggest_agency(plan, agency_id), "unknown-agency"
            )


def unknown_items(plan: Plan, report: Findings) -> None:
    """Part II tasks restated in Appendix II, procedures named by tasks and joins, duties named by procedures."""
    p = plan
    for ref in p.appendix_task_refs:
        if ref.task.restates and ref.task.restates not in p.task_by_key:
            report.add(
                "appendix_tasks",
                ref.path + ("restates",),
                f"unknown Part II task '{ref.task.restates}'",
                did_you_mean(ref.task.restates, p.task_by_key, "write section.letter of a task in plan/tasks.yaml"),
                "unknown-task",
            )
    numbers = set(p.procedure_by_number)
    for file, refs in (("tasks", p.task_refs), ("appendix_tasks", p.appendix_task_refs)):
        for ref in refs:
            for i, number in enumerate(ref.task.procedures):
                if number not in numbers:
                    report.add(
                        file,
                        ref.path + ("procedures", i),
                        f"unknown procedure {number}",
                        f"Appendix I numbers its procedures 1-{max(numbers, default=0)}",
                        "unknown-procedure",
                    )
    for pi, proc in enumerate(p.procedures.procedures):
        for ji, join in enumerate(proc.joins):
            path = ("procedures", pi, "joins", ji, "procedure")
            if join.procedure is not None and join.procedure not in numbers:
                report.add(
                    "procedures",
                    path,
                    f"unknown procedure {join.procedure}",
                    "leave `procedure` out when the joined procedure is not in Appendix I",
                    "unknown-procedure",
                )
            if join.procedure == proc.number:
                report.add(
                    "procedures",
                    path,
                    "a procedure cannot join itself",
                    "name the other procedures of the 'liên thông' group",
                    "self-join",
                )
        if proc.duty and proc.duty not in p.duty_by_key:
            report.add(
                "procedures",
                ("procedures", pi, "duty"),
                f"unknown Part IV duty '{proc.duty}'",
                did_you_mean(proc.duty, p.duty_by_key, "write section.letter, or the section number for a single paragraph"),
                "unknown-duty",
            )


def unknown_documents(plan: Plan, report: Findings) -> None:
    for key in ("related", "earlier_related"):
        for i, entry in enumerate(getattr(plan.documents, key)):
            if entry.document not in plan.document_by_id:
                report.add(
                    "documents",
                    (key, i, "document"),
                    f"unknown document '{entry.document}'",
                    did_you_mean(entry.document, plan.document_by_id, "add it under `documents:`"),
                    "unknown-document",
                )


def unknown_groups(plan: Plan, report: Findings) -> None:
    groups = set(plan.utility_groups)
    located = [("tasks", ("sections", i, "group"), s.group) for i, s in enumerate(plan.tasks.sections)]
    located += [("appendix_tasks", ("groups", i, "group"), g.group) for i, g in enumerate(plan.appendix_tasks.groups)]
    located += [
        ("objectives", ("specific", "objectives", i, "group"), o.group)
        for i, o in enumerate(plan.objectives.specific.objectives)
    ]
    for file, path, number in located:
        if number is not None and number not in groups:
            report.add(
                file,
                path,
                f"unknown utility group {number}",
                f"the groups are {sorted(groups)} in plan/objectives.yaml",
                "unknown-group",
            )
