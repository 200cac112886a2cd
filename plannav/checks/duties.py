"""Part IV duties: the bodies a section's heading and a duty's text name, the roles the reading rules
written at the top of plan/responsibilities.yaml give them, and the bodies `not_for` leaves out."""

import re

from plannav.checks.findings import Findings
from plannav.plan import Plan

# The role a Part IV duty's opening gives its section's bodies: the first role word among its first
# ten words ("Chủ trì, ...", "Đề nghị chủ trì ...", "Trên cơ sở nhu cầu thực tế, chủ động phối hợp ...").
_OPENING_ROLE = re.compile(r"^(?:\S+\s+){0,9}?(chủ trì|phối hợp|tham gia)(?!\w)", re.IGNORECASE)


def duty_agencies(plan: Plan, report: Findings) -> None:
    """A section's agencies are those its heading names; a duty's are named by its text or its section."""
    match = plan.registry.prose_matcher
    for si, section in enumerate(plan.responsibilities.sections):
        named = match.targets(section.heading.text)
        for i, agency in enumerate(section.agencies):
            if report.known(agency) and agency not in named:
                report.add(
                    "responsibilities",
                    ("sections", si, "agencies", i),
                    f"'{agency}' is not named in the heading '{section.heading.text}'",
                    "a section's agencies are the bodies its heading names",
                    "duty-agency-unnamed",
                )
    for ref in plan.duty_refs:
        named = set(match.targets(ref.duty.text)) | set(ref.section.agencies)
        for role in ("lead", "coordinators"):
            for i, agency in enumerate(getattr(ref.duty, role)):
                if report.known(agency) and agency not in named:
                    report.add(
                        "responsibilities",
                        ref.path + (role, i),
                        f"duty {ref.key} lists '{agency}' but neither its text nor its section names it",
                        "check the id, or add the wording the text uses to plan/agencies.yaml",
                        "duty-agency-unnamed",
                    )


def duty_roles(plan: Plan, report: Findings) -> None:
    """Each duty's roles follow the reading rules of responsibilities.yaml, or say why not in `roles_note`."""
    for ref in plan.duty_refs:
        duty, section = ref.duty, set(ref.section.agencies)
        if duty.roles_note:
            continue
        opening = _OPENING_ROLE.match(duty.text)
        verb = opening.group(1).lower() if opening else ""
        if verb == "phối hợp" and re.match(r"(\s+chặt chẽ)?\s+với(?!\w)", duty.text[opening.end() :], re.IGNORECASE):
            expected, rule = "coordinators", 'rule 4 ("Phối hợp với X ...")'
        elif verb == "phối hợp":
            expected, rule = "coordinators", 'rule 5 ("Phối hợp ..." with no other body)'
        elif verb == "tham gia":
            expected, rule = "coordinators", 'rule 6 ("Tham gia ...")'
        else:
            expected, rule = "lead", "rules 2, 3 and 8 (the section's bodies lead)"
        declared = set(getattr(duty, expected))
        if not section <= declared or expected == "coordinators" and duty.lead:
            report.add(
                "responsibilities",
                ref.path + (expected,),
                f"duty {ref.key}: by {rule} the section's bodies ({', '.join(ref.section.agencies)}) "
                + ("coordinate, and a lead needs its basis in `roles_note`" if expected == "coordinators" else "lead"),
                "follow the reading rules at the top of plan/responsibilities.yaml, or give the basis of these "
                "roles in `roles_note`",
                "duty-roles",
            )


def exclusions(plan: Plan, report: Findings) -> None:
    """`not_for` names a body that a group in the item's roles reaches, once, and not one named in them."""
    reached = plan.registry.group_members
    for ref in plan.duty_refs:
        roles = ref.duty.lead + ref.duty.coordinators
        through = set().union(*(reached.get(a, set()) for a in roles))
        seen = set()
        for i, exclusion in enumerate(ref.duty.not_for):
            path = ref.path + ("not_for", i, "agency")
            if not report.known(exclusion.agency):
                continue
            if exclusion.agency in roles:
                report.add(
                    "responsibilities",
                    path,
                    f"duty {ref.key} names '{exclusion.agency}' in its roles and excludes it",
                    "remove it from `not_for`, or from the roles",
                    "exclusion",
                )
            elif exclusion.agency not in through:
                report.add(
                    "responsibilities",
                    path,
                    f"'{exclusion.agency}' is not reached by any group in the roles of duty {ref.key}",
                    "`not_for` excludes members of the item's groups; remove the entry",
                    "exclusion",
                )
            if exclusion.agency in seen:
                report.add("responsibilities", path, f"'{exclusion.agency}' is excluded twice", "list it once", "exclusion")
            seen.add(exclusion.agency)
