"""Integrity checks across the plan files.

Each check reports every problem it finds and none stops early. Every problem carries a stable code
(`unknown-agency`, `who-mismatch`, `deadline-mismatch`, ...) printed with it, so a message can be
searched and a test can compare the exact list of (code, line). A value already reported as unknown
gives no follow-on problem elsewhere: one typo, one line.
"""

from plannav.checks import abbreviations, agencies, deadlines, documents, duties, references, roles, successions, uniqueness
from plannav.checks.findings import Findings
from plannav.plan import Plan
from plannav.problems import Problem

CHECKS = (
    uniqueness.unique_ids,
    uniqueness.wordings_name_one_body,
    uniqueness.reserved_ids,
    uniqueness.one_objective_per_group,
    references.unknown_agencies,
    references.unknown_items,
    references.unknown_documents,
    references.unknown_groups,
    roles.leads,
    roles.who_wordings,
    duties.duty_agencies,
    duties.duty_roles,
    duties.exclusions,
    deadlines.readable_wordings,
    deadlines.quoted_in_text,
    deadlines.meaning_stated,
    documents.every_citation_registered,
    agencies.every_agency_referenced,
    agencies.groups,
    agencies.letterheads,
    agencies.committee_in_registry,
    agencies.open_groups,
    abbreviations.forms_found_in_the_decision,
    abbreviations.initials_apart,
    successions.known_bodies_and_documents,
    successions.no_cycles,
    successions.as_the_calendar_allows,
    successions.numbers_or_sources,
)


def check_plan(plan: Plan) -> list[Problem]:
    """Every cross-file problem of a plan whose files all loaded."""
    report = Findings(plan)
    for check in CHECKS:
        check(plan, report)
    return report.problems
