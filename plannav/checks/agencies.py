"""The agency registry itself: every body and every wording is used, groups are well formed."""

from collections import Counter

from plannav.checks.findings import Findings
from plannav.identity import identity
from plannav.plan import Plan
from plannav.textnorm import match_key, squash
from plannav.texts import iter_texts
from plannav.traversal import agency_references


def every_agency_referenced(plan: Plan, report: Findings) -> None:
    registry = plan.registry
    declared = {agency for _, agency in agency_references(plan)}
    named: set[str] = set()
    used_wordings: set[str] = set()  # exactly as written
    used_keys: set[str] = set()  # ignoring case
    for ref in iter_texts(plan):
        for found in registry.matcher(ref.who).find(ref.text):
            named.add(found.target)
            used_wordings.add(squash(found.wording))
            used_keys.add(match_key(found.wording))
    for i, agency in enumerate(plan.agencies.agencies):
        if agency.id not in declared | named:
            report.add(
                "agencies",
                ("agencies", i, "id"),
                f"agency '{agency.id}' is never referenced",
                "no text names it and no item refers to it: remove it, or fix its wordings",
                "unreferenced-agency",
            )
        spellings = Counter(match_key(w) for w in (*agency.wordings, *agency.bare_wordings))
        for key in ("wordings", "bare_wordings"):
            for j, wording in enumerate(getattr(agency, key)):
                # Case variants document the decision's spellings, so each must occur as written;
                # a wording without variants may occur in any case (at a sentence start, say).
                exact_needed = spellings[match_key(wording)] > 1
                used = squash(wording) in used_wordings if exact_needed else match_key(wording) in used_keys
                if not used:
                    report.add(
                        "agencies",
                        ("agencies", i, key, j),
                        f"wording '{wording}' occurs nowhere in the plan",
                        "remove it, or correct its spelling to the decision's",
                        "unused-wording",
                    )


def _reachable(plan: Plan, start: str) -> set[str]:
    by_id, seen, stack = plan.registry.by_id, set(), list(plan.registry.by_id[start].members)
    while stack:
        current = stack.pop()
        if current in seen or current not in by_id:
            continue
        seen.add(current)
        stack.extend(by_id[current].members)
    return seen


def groups(plan: Plan, report: Findings) -> None:
    for i, agency in enumerate(plan.agencies.agencies):
        if agency.kind == "group" and not agency.members and not agency.open:
            report.add(
                "agencies",
                ("agencies", i),
                f"group '{agency.id}' has no members",
                "list the bodies this collective wording reaches under `members:`, or set `open: true` "
                'for a wording that names none ("các đơn vị liên quan")',
                "group-without-members",
            )
        if agency.kind != "group" and agency.members:
            report.add(
                "agencies",
                ("agencies", i, "members"),
                f"'{agency.id}' has members but is not a group",
                "set `kind: group`, or remove `members:`",
                "members-of-a-body",
            )
        if agency.kind == "group" and agency.id in _reachable(plan, agency.id):
            report.add(
                "agencies",
                ("agencies", i, "members"),
                f"group '{agency.id}' contains itself through its members",
                "break the cycle between the groups",
                "group-cycle",
            )


def open_groups(plan: Plan, report: Findings) -> None:
    """An open wording ("các đơn vị liên quan") names no enumerable bodies: no members, no roles for them."""
    for i, agency in enumerate(plan.agencies.agencies):
        if agency.open and agency.kind != "group":
            report.add(
                "agencies",
                ("agencies", i, "open"),
                f"'{agency.id}' is open but not a group",
                "only a collective wording (kind: group) can be open",
                "open-group",
            )
        if agency.open and agency.members:
            report.add(
                "agencies",
                ("agencies", i, "members"),
                f"open group '{agency.id}' lists members",
                "an open wording names no bodies: move them to `may_concern`, which lists its items apart "
                "on their pages, never as their lead or coordinated work",
                "open-group",
            )
        if agency.may_concern and not agency.open:
            report.add(
                "agencies",
                ("agencies", i, "may_concern"),
                f"'{agency.id}' has `may_concern` but is not an open group",
                "set `open: true`, or list the bodies under `members:`",
                "open-group",
            )


def letterheads(plan: Plan, report: Findings) -> None:
    """A letterhead belongs to a body that issues documents, and a source names a symbol it was read for."""
    bodies = [("agencies", ("agencies", i), a) for i, a in enumerate(plan.agencies.agencies)]
    bodies += [("successors", ("bodies", i), b) for i, b in enumerate(plan.successors.bodies)]
    for file, path, body in bodies:
        head = body.letterhead
        if head is None:
            continue
        if body.kind == "group":
            report.add(
                file,
                (*path, "letterhead"),
                f"group '{body.id}' has a letterhead",
                "a group issues no documents: move the letterhead to the body that reports for it",
                "letterhead-of-group",
            )
        if head.symbol_source and not head.symbol:
            report.add(
                file,
                (*path, "letterhead", "symbol_source"),
                f"'{body.id}' gives where its symbol was read, but no symbol",
                "add the symbol as read there (symbol: STP), or remove symbol_source",
                "letterhead-source-without-symbol",
            )


def committee_in_registry(plan: Plan, report: Findings) -> None:
    """The committee that issued the plan (as plan/decision.yaml names its province) is a body of the
    registry: the consolidated report is its, and every drafted report's date line names its province."""
    committee = identity(plan).committee
    if not any(a.name == committee for a in plan.registry.agencies):  # formed since (successors.yaml) too
        report.add(
            "agencies",
            ("agencies",),
            f"no body of the registry is named '{committee}', the committee that issued the plan",
            f"give the committee's body name: {committee} in plan/agencies.yaml, or correct the province "
            "(metadata.place) in plan/decision.yaml",
            "committee-not-in-registry",
        )
