"""Successions (plan/successors.yaml) rest on known bodies and documents, and lead somewhere: each
names a body that exists, heirs that exist, a basis document that is registered; no chain of
successions comes back to where it started; every body formed since the decision succeeds someone."""

from plannav.checks.findings import Findings
from plannav.plan import Plan
from plannav.registry import reachable
from plannav.validation import did_you_mean

FILE = "successors"


def known_bodies_and_documents(plan: Plan, report: Findings) -> None:
    """Each succession names a known body, known heirs and registered basis documents; the bodies and
    documents of plan/successors.yaml take no id the decision's files already use, and each body
    formed since the decision succeeds someone."""
    _no_id_taken(plan, report)
    for i, succession in enumerate(plan.successors.successions):
        _known_predecessor_and_heirs(plan, report, i, succession)
        _basis_cited_and_known(plan, report, i, succession)
    _every_body_succeeds(plan, report)


def _no_id_taken(plan: Plan, report: Findings) -> None:
    """A body or document of plan/successors.yaml whose id agencies.yaml or documents.yaml already uses."""
    for section, code, entries, taken, what, hint in (
        (
            "bodies",
            "duplicate-body",
            plan.successors.bodies,
            plan.agencies.agencies,
            "a body of agencies.yaml",
            "a body formed since the decision needs an id of its own",
        ),
        (
            "documents",
            "duplicate-document",
            plan.successors.documents,
            plan.documents.documents,
            "a document of documents.yaml",
            "cite that one as the basis, or give this one an id of its own",
        ),
    ):
        ids = {entry.id for entry in taken}
        for i, entry in enumerate(entries):
            if entry.id in ids:
                report.add(FILE, (section, i, "id"), f"'{entry.id}' is already {what}", hint, code)


def _known_predecessor_and_heirs(plan: Plan, report: Findings, i: int, succession) -> None:
    """The i-th succession's body, and each heir with the basis document it names, are known."""
    registry, documents = plan.registry, plan.document_by_id
    if succession.of not in registry.by_id:
        report.add(
            FILE,
            ("successions", i, "of"),
            f"unknown body '{succession.of}'",
            did_you_mean(succession.of, registry.by_id, "use the id of a body of agencies.yaml or of `bodies:`"),
            "unknown-predecessor",
        )
    for j, heir in enumerate(succession.by):
        if heir.basis and heir.basis not in documents:
            report.add(
                FILE,
                ("successions", i, "by", j, "basis"),
                f"unknown basis document '{heir.basis}'",
                did_you_mean(heir.basis, documents, "add it under `documents:`"),
                "unknown-basis",
            )
        if heir.id not in registry.by_id:
            report.add(
                FILE,
                ("successions", i, "by", j, "id"),
                f"unknown successor '{heir.id}'",
                did_you_mean(heir.id, registry.by_id, "add the body under `bodies:` with the day it was formed"),
                "unknown-successor",
            )


def _basis_cited_and_known(plan: Plan, report: Findings, i: int, succession) -> None:
    """The i-th succession cites a basis document, and a registered one."""
    documents = plan.document_by_id
    if succession.basis is None:
        report.add(
            FILE,
            ("successions", i),
            f"the succession of '{succession.of}' cites no basis document",
            "add `basis:` with the id of the document that decided it (under `documents:` here, with its "
            "number, date, issuer and where it was read); record nothing that no document supports",
            "succession-without-basis",
        )
    elif succession.basis not in documents:
        report.add(
            FILE,
            ("successions", i, "basis"),
            f"unknown basis document '{succession.basis}'",
            did_you_mean(succession.basis, documents, "add it under `documents:`"),
            "unknown-basis",
        )


def _every_body_succeeds(plan: Plan, report: Findings) -> None:
    """A body of `bodies:` that no succession names as an heir."""
    heirs = {heir.id for s in plan.successors.successions for heir in s.by}
    if heirs - set(plan.registry.by_id):
        return  # a mistyped heir leaves its body unused: one typo, one problem
    for i, body in enumerate(plan.successors.bodies):
        if body.id not in heirs:
            report.add(
                FILE,
                ("bodies", i, "id"),
                f"'{body.id}' succeeds no one",
                "name it under `by:` of a succession, or remove it",
                "unused-body",
            )


def no_cycles(plan: Plan, report: Findings) -> None:
    """A chain of successions never leads back to a body it started from."""
    after: dict[str, set[str]] = {}
    for succession in plan.successors.successions:
        after.setdefault(succession.of, set()).update(heir.id for heir in succession.by)
    for i, succession in enumerate(plan.successors.successions):
        if succession.of in reachable((heir.id for heir in succession.by), after):
            report.add(
                FILE,
                ("successions", i, "of"),
                f"the successions of '{succession.of}' lead back to it",
                "a body's work passes on to later bodies only: remove the succession that closes the circle",
                "succession-cycle",
            )


def _date_problem(plan: Plan, succession) -> tuple[str, str, str] | None:
    """(message, hint, code) of the first of the days a succession's day must not precede: the decision's,
    its basis document's, each heir's forming. One mistyped day is one problem."""
    registry, documents, since = plan.registry, plan.document_by_id, succession.since
    decided = plan.decision.header.date
    if since < decided:
        return (
            f"the work of '{succession.of}' passes on on {since}, before the decision ({decided})",
            "a succession records what changed after the decision: check the year",
            "succession-before-plan",
        )
    for basis_id in dict.fromkeys([succession.basis, *(heir.basis for heir in succession.by)]):
        basis = documents.get(basis_id) if basis_id else None
        in_force = basis and (getattr(basis, "effective", None) or basis.date)
        if in_force and since < in_force:
            return (
                f"takes effect on {since}, before its basis '{basis_id}' did ({in_force})",
                "a document decides from its date, or from the day it says it takes effect (`effective:`): check both",
                "succession-before-basis",
            )
    for heir in succession.by:
        formed = registry.formed_on(heir.id) if heir.id in registry.by_id else None
        if formed and since < formed:
            return (
                f"'{heir.id}' carries the work from {since}, before it was formed on {formed}",
                "the work passes on the day the heir is formed or later: check both dates",
                "heir-not-yet-formed",
            )
    return None


def as_the_calendar_allows(plan: Plan, report: Findings) -> None:
    """Each succession is one that could have happened: after the decision, once its heirs existed, on
    or after the document that decided it; one per body and day; each heir once, a body that can carry
    work, with a share given for every heir or for none."""
    registry = plan.registry
    seen: dict[tuple[str, str], int] = {}
    for i, succession in enumerate(plan.successors.successions):
        at = ("successions", i)
        dated = _date_problem(plan, succession)
        if dated:
            report.add(FILE, (*at, "since"), *dated)
        first = seen.setdefault((succession.of, succession.since), i)
        if first != i:
            report.add(
                FILE,
                (*at, "of"),
                f"a second succession of '{succession.of}' on {succession.since} (the first is successions[{first}])",
                "one succession per body and day: put every heir under the `by:` of one",
                "duplicate-succession",
            )
        formed = registry.formed_on(succession.of) if succession.of in registry.by_id else None
        if formed and formed == succession.since:
            report.add(
                FILE,
                (*at, "since"),
                f"'{succession.of}' would cease on {formed}, the day it was formed",
                "a body formed and succeeded on one day is no step of the chain: name its heirs directly",
                "ceases-when-formed",
            )
        heirs = [heir.id for heir in succession.by]
        for j, heir in enumerate(succession.by):
            where = (*at, "by", j, "id")
            if heir.id in heirs[:j]:
                report.add(
                    FILE, where, f"'{heir.id}' is listed twice", "name each heir once, with its share", "duplicate-heir"
                )
            body = registry.by_id.get(heir.id)
            if body is None:
                continue  # unknown: said by known_bodies_and_documents
            if body.kind == "group" or getattr(body, "open", False):
                report.add(
                    FILE,
                    where,
                    f"'{heir.id}' is a collective or open wording, not a body that can carry work",
                    "name the bodies themselves",
                    "collective-heir",
                )
        shared = [heir.share is not None for heir in succession.by]
        if any(shared) and not all(shared):
            report.add(
                FILE,
                (*at, "by"),
                "a share is given for some heirs but not for others",
                "where the work was split, give each heir its share; where it was not, give none",
                "partial-shares",
            )


def numbers_or_sources(plan: Plan, report: Findings) -> None:
    """A document issued since the decision whose number was not found may stand as a basis only when it is
    known otherwise: by its date, and by at least one source where it, or a report of it, was read."""
    for i, document in enumerate(plan.successors.documents):
        if document.number:
            continue
        missing = [what for what, there in (("its date", document.date), ("a source", document.sources)) if not there]
        if missing:
            report.add(
                FILE,
                ("documents", i, "id"),
                f"'{document.id}' has no number and lacks {' and '.join(missing)}",
                "a document whose number was not found is recorded with the day it was issued and where it was "
                "read (`date:`, `sources:`); its page says 'số hiệu chưa tra được'",
                "document-unverifiable",
            )
