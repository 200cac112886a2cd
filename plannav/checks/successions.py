"""Successions (plan/successors.yaml) rest on known bodies and documents, and lead somewhere: each
names a body that exists, heirs that exist, a basis document that is registered; no chain of
successions comes back to where it started; every body formed since the decision succeeds someone."""

from plannav.checks.report import Report
from plannav.plan import Plan
from plannav.registry import reachable
from plannav.validation import did_you_mean

FILE = "successors"


def known_bodies_and_documents(plan: Plan, report: Report) -> None:
    registry, documents = plan.registry, plan.document_by_id
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
    for i, succession in enumerate(plan.successors.successions):
        if succession.of not in registry.by_id:
            report.add(
                FILE,
                ("successions", i, "of"),
                f"unknown body '{succession.of}'",
                did_you_mean(succession.of, registry.by_id, "use the id of a body of agencies.yaml or of `bodies:`"),
                "unknown-predecessor",
            )
        for j, heir in enumerate(succession.by):
            if heir.id not in registry.by_id:
                report.add(
                    FILE,
                    ("successions", i, "by", j, "id"),
                    f"unknown successor '{heir.id}'",
                    did_you_mean(heir.id, registry.by_id, "add the body under `bodies:` with the day it was formed"),
                    "unknown-successor",
                )
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
    heirs = {heir.id for s in plan.successors.successions for heir in s.by}
    if heirs - set(registry.by_id):
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


def no_cycles(plan: Plan, report: Report) -> None:
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
