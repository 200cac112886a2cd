"""Ids and numbers that must be unique, ids a page path cannot take, one objective per utility group."""

from collections import Counter

from plannav.checks.report import Report
from plannav.plan import Plan
from plannav.textnorm import match_key, squash

# Ids that would name a page a section already has: co-quan/index.md is the list of agencies.
RESERVED_IDS = {"index"}


def _unique(report: Report, file: str, entries, what: str, hint: str, code: str) -> None:
    """entries: (path, value); the second and later of a value are reported, naming the first's line."""
    seen = {}
    for path, value in entries:
        if value in seen:
            first = report.plan.sources[file].line_of(seen[value])
            report.add(file, path, f"duplicate {what} '{value}' (first at line {first})", hint, code)
        else:
            seen[value] = path


def unique_ids(plan: Plan, report: Report) -> None:
    p = plan
    agencies = list(enumerate(p.agencies.agencies))
    _unique(
        report,
        "agencies",
        [(("agencies", i, "id"), a.id) for i, a in agencies],
        "agency id",
        "ids are permalinks; give each body its own",
        "duplicate-id",
    )
    _unique(
        report,
        "agencies",
        [
            (("agencies", i, key, j), squash(w))
            for i, a in agencies
            for key in ("wordings", "bare_wordings")
            for j, w in enumerate(getattr(a, key))
        ],
        "wording",
        "list each wording once",
        "duplicate-wording",
    )
    # The bodies formed since and the documents issued since have pages of their own too (plan/successors.yaml);
    # against agencies.yaml and documents.yaml they are checked in checks/successions.py.
    for key, what in (("bodies", "body id"), ("documents", "document id")):
        _unique(
            report,
            "successors",
            [((key, i, "id"), entry.id) for i, entry in enumerate(getattr(p.successors, key))],
            what,
            "ids are permalinks; give each its own",
            "duplicate-id",
        )
    owner: dict[str, tuple] = {}
    for i, agency in agencies:
        for key in ("wordings", "bare_wordings"):
            for j, wording in enumerate(getattr(agency, key)):
                first = owner.setdefault(match_key(wording), (agency.id, ("agencies", i, key, j)))
                if first[0] != agency.id:
                    report.add(
                        "agencies",
                        ("agencies", i, key, j),
                        f"wording '{wording}' also names '{first[0]}' (line {p.sources['agencies'].line_of(first[1])})",
                        "a wording names one body only; keep it under the body it names",
                        "wording-claimed-twice",
                    )
    documents = list(enumerate(p.documents.documents))
    _unique(
        report,
        "documents",
        [(("documents", i, "id"), d.id) for i, d in documents],
        "document id",
        "give each document its own id",
        "duplicate-id",
    )
    _unique(
        report,
        "documents",
        [(("documents", i, "number"), d.number) for i, d in documents if d.number],
        "document number",
        "a number identifies one document; merge the entries",
        "duplicate-id",
    )
    groups = list(enumerate(p.objectives.general.groups))
    _unique(
        report,
        "objectives",
        [(("general", "groups", i, "id"), g.id) for i, g in groups],
        "utility group id",
        "ids are permalinks (/muc-tieu/<id>/); give each group its own",
        "duplicate-id",
    )
    _unique(
        report,
        "objectives",
        [(("general", "groups", i, "number"), g.number) for i, g in groups],
        "utility group",
        "groups are numbered (1) to (5)",
        "duplicate-number",
    )
    _unique(
        report,
        "objectives",
        [(("specific", "objectives", i, "letter"), o.letter) for i, o in enumerate(p.objectives.specific.objectives)],
        "objective",
        "each letter appears once",
        "duplicate-number",
    )
    _unique(
        report,
        "requirements",
        [(("requirements", i, "letter"), r.letter) for i, r in enumerate(p.requirements.requirements)],
        "requirement",
        "each letter appears once",
        "duplicate-number",
    )
    _unique(
        report,
        "tasks",
        [(("sections", i, "number"), s.number) for i, s in enumerate(p.tasks.sections)],
        "section number",
        "number the sections 1, 2, 3, ...",
        "duplicate-number",
    )
    _unique(
        report,
        "tasks",
        [(r.path + ("letter",), r.key) for r in p.task_refs],
        "task",
        "each letter appears once in a section",
        "duplicate-number",
    )
    _unique(
        report,
        "appendix_tasks",
        [(r.path + ("number",), r.number) for r in p.appendix_task_refs],
        "Appendix II number",
        "each TT appears once",
        "duplicate-number",
    )
    _unique(
        report,
        "appendix_tasks",
        [(r.path + ("restates",), r.task.restates) for r in p.appendix_task_refs if r.task.restates],
        "restated task",
        "one Appendix II row restates a given Part II task",
        "duplicate-restatement",
    )
    _unique(
        report,
        "procedures",
        [(("procedures", i, "number"), x.number) for i, x in enumerate(p.procedures.procedures)],
        "procedure number",
        "each TT appears once",
        "duplicate-number",
    )
    _unique(
        report,
        "responsibilities",
        [(("sections", i, "number"), s.number) for i, s in enumerate(p.responsibilities.sections)],
        "section number",
        "number the sections 1, 2, 3, ...",
        "duplicate-number",
    )
    _unique(
        report,
        "responsibilities",
        [(r.path + ("letter",), r.key) for r in p.duty_refs],
        "duty",
        "each letter appears once in a section",
        "duplicate-number",
    )
    for key in ("related", "earlier_related"):
        _unique(
            report,
            "documents",
            [((key, i, "number"), e.number) for i, e in enumerate(getattr(p.documents, key))],
            "entry number",
            "each entry number appears once",
            "duplicate-number",
        )


def reserved_ids(plan: Plan, report: Report) -> None:
    """An id names a page in its section's folder, beside the section's own page (co-quan/index.md)."""
    for file, path, entries in (
        ("agencies", "agencies", plan.agencies.agencies),
        ("documents", "documents", plan.documents.documents),
        ("successors", "bodies", plan.successors.bodies),
        ("successors", "documents", plan.successors.documents),
        ("objectives", ("general", "groups"), plan.objectives.general.groups),
    ):
        prefix = path if isinstance(path, tuple) else (path,)
        for i, entry in enumerate(entries):
            if entry.id in RESERVED_IDS:
                report.add(
                    file,
                    prefix + (i, "id"),
                    f"'{entry.id}' is reserved for the section's own page",
                    "choose another id",
                    "reserved-id",
                )


def one_objective_per_group(plan: Plan, report: Report) -> None:
    counts = Counter(o.group for o in plan.objectives.specific.objectives)
    for number in plan.utility_groups:
        if counts[number] != 1:
            report.add(
                "objectives",
                ("specific", "objectives"),
                f"utility group {number} has {counts[number]} specific objectives, expected 1",
                "each utility group of I.1 has one specific objective in I.2",
                "objective-count",
            )
