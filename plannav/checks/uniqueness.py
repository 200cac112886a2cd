"""Ids and numbers that must be unique, ids a page path cannot take, one objective per utility group."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from plannav.checks.findings import Findings
from plannav.plan import Plan
from plannav.textnorm import match_key, squash

# Ids that would name a page a section already has: co-quan/index.md is the list of agencies.
RESERVED_IDS = {"index"}


def _unique(report: Findings, file: str, entries, what: str, hint: str, code: str, within: int = 0) -> None:
    """entries: (path, value); the second and later of a value are reported, naming the first's line.
    within: values need only differ among entries whose paths share their first `within` parts."""
    seen = {}
    for path, value in entries:
        key = (tuple(path[:within]), value)
        if key in seen:
            first = report.plan.sources[file].line_of(seen[key])
            report.add(file, path, f"duplicate {what} '{value}' (first at line {first})", hint, code)
        else:
            seen[key] = path


@dataclass(frozen=True)
class UniqueRule:
    """Values of one file that must differ: the entries (path, value) and what to say of a second one."""

    file: str
    what: str
    hint: str
    code: str
    entries: Callable[[Plan], Iterable[tuple[tuple, object]]]
    within: int = 0  # values differ only among entries sharing this many first parts of their path


_ID_HINT = "ids are permalinks; give each its own"
_ONCE = "each letter appears once"
# Every value of the plan that names one thing, file by file. The bodies formed since and the documents
# issued since have pages of their own too (plan/successors.yaml); against agencies.yaml and
# documents.yaml they are checked in checks/successions.py.
UNIQUE = (
    UniqueRule(
        "agencies",
        "agency id",
        "ids are permalinks; give each body its own",
        "duplicate-id",
        lambda p: ((("agencies", i, "id"), a.id) for i, a in enumerate(p.agencies.agencies)),
    ),
    # One body's wordings, each once; a wording under two bodies is wording-claimed-twice
    # (wordings_name_one_body). Wordings differing in case are the decision's own variants.
    UniqueRule(
        "agencies",
        "wording",
        "a body lists each wording once; remove this one",
        "duplicate-wording",
        lambda p: (
            (("agencies", i, key, j), squash(w))
            for i, a in enumerate(p.agencies.agencies)
            for key in ("wordings", "bare_wordings")
            for j, w in enumerate(getattr(a, key))
        ),
        within=2,
    ),
    UniqueRule(
        "successors",
        "body id",
        _ID_HINT,
        "duplicate-id",
        lambda p: ((("bodies", i, "id"), b.id) for i, b in enumerate(p.successors.bodies)),
    ),
    UniqueRule(
        "successors",
        "document id",
        _ID_HINT,
        "duplicate-id",
        lambda p: ((("documents", i, "id"), d.id) for i, d in enumerate(p.successors.documents)),
    ),
    UniqueRule(
        "documents",
        "document id",
        "give each document its own id",
        "duplicate-id",
        lambda p: ((("documents", i, "id"), d.id) for i, d in enumerate(p.documents.documents)),
    ),
    UniqueRule(
        "documents",
        "document number",
        "a number identifies one document; merge the entries",
        "duplicate-id",
        lambda p: ((("documents", i, "number"), d.number) for i, d in enumerate(p.documents.documents) if d.number),
    ),
    UniqueRule(
        "objectives",
        "utility group id",
        "ids are permalinks (/muc-tieu/<id>/); give each group its own",
        "duplicate-id",
        lambda p: ((("general", "groups", i, "id"), g.id) for i, g in enumerate(p.objectives.general.groups)),
    ),
    UniqueRule(
        "objectives",
        "utility group",
        "groups are numbered (1) to (5)",
        "duplicate-number",
        lambda p: ((("general", "groups", i, "number"), g.number) for i, g in enumerate(p.objectives.general.groups)),
    ),
    UniqueRule(
        "objectives",
        "objective",
        _ONCE,
        "duplicate-number",
        lambda p: (
            (("specific", "objectives", i, "letter"), o.letter) for i, o in enumerate(p.objectives.specific.objectives)
        ),
    ),
    UniqueRule(
        "requirements",
        "requirement",
        _ONCE,
        "duplicate-number",
        lambda p: ((("requirements", i, "letter"), r.letter) for i, r in enumerate(p.requirements.requirements)),
    ),
    UniqueRule(
        "tasks",
        "section number",
        "number the sections 1, 2, 3, ...",
        "duplicate-number",
        lambda p: ((("sections", i, "number"), s.number) for i, s in enumerate(p.tasks.sections)),
    ),
    UniqueRule(
        "tasks",
        "task",
        "each letter appears once in a section",
        "duplicate-number",
        lambda p: ((r.path + ("letter",), r.key) for r in p.task_refs),
    ),
    UniqueRule(
        "appendix_tasks",
        "Appendix II number",
        "each TT appears once",
        "duplicate-number",
        lambda p: ((r.path + ("number",), r.number) for r in p.appendix_task_refs),
    ),
    UniqueRule(
        "appendix_tasks",
        "restated task",
        "one Appendix II row restates a given Part II task",
        "duplicate-restatement",
        lambda p: ((r.path + ("restates",), r.task.restates) for r in p.appendix_task_refs if r.task.restates),
    ),
    UniqueRule(
        "procedures",
        "procedure number",
        "each TT appears once",
        "duplicate-number",
        lambda p: ((("procedures", i, "number"), x.number) for i, x in enumerate(p.procedures.procedures)),
    ),
    UniqueRule(
        "responsibilities",
        "section number",
        "number the sections 1, 2, 3, ...",
        "duplicate-number",
        lambda p: ((("sections", i, "number"), s.number) for i, s in enumerate(p.responsibilities.sections)),
    ),
    UniqueRule(
        "responsibilities",
        "duty",
        "each letter appears once in a section",
        "duplicate-number",
        lambda p: ((r.path + ("letter",), r.key) for r in p.duty_refs),
    ),
    UniqueRule(
        "documents",
        "entry number",
        "each entry number appears once",
        "duplicate-number",
        lambda p: ((("related", i, "number"), e.number) for i, e in enumerate(p.documents.related)),
    ),
    UniqueRule(
        "documents",
        "entry number",
        "each entry number appears once",
        "duplicate-number",
        lambda p: ((("earlier_related", i, "number"), e.number) for i, e in enumerate(p.documents.earlier_related)),
    ),
)


def unique_ids(plan: Plan, report: Findings) -> None:
    for rule in UNIQUE:
        _unique(report, rule.file, rule.entries(plan), rule.what, rule.hint, rule.code, rule.within)


def wordings_name_one_body(plan: Plan, report: Findings) -> None:
    """A wording (in any case) names one body: two bodies claiming it would make every text ambiguous."""
    owner: dict[str, tuple] = {}
    for i, agency in enumerate(plan.agencies.agencies):
        for key in ("wordings", "bare_wordings"):
            for j, wording in enumerate(getattr(agency, key)):
                first = owner.setdefault(match_key(wording), (agency.id, ("agencies", i, key, j)))
                if first[0] != agency.id:
                    line = plan.sources["agencies"].line_of(first[1])
                    report.add(
                        "agencies",
                        ("agencies", i, key, j),
                        f"wording '{wording}' also names '{first[0]}' (line {line})",
                        f"a wording names one body only: remove it here, or at line {line} if it names this body",
                        "wording-claimed-twice",
                    )


def reserved_ids(plan: Plan, report: Findings) -> None:
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


def one_objective_per_group(plan: Plan, report: Findings) -> None:
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
