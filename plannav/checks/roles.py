"""Who leads and who coordinates: every item has a lead, the ids are the bodies the wording names, and
Part IV duties follow the reading rules written at the top of plan/responsibilities.yaml."""

import re

from plannav.checks.report import Report
from plannav.plan import Plan
from plannav.problems import did_you_mean
from plannav.registry import AgencyRegistry

# Words that may stand between agency names in a "who" field.
_CONNECTIVES = {"chủ", "trì", "phối", "hợp", "với", "và", "cùng"}
_ROLE_MARKER = re.compile(r"(?<!\w)(chủ trì|phối hợp)(?!\w)", re.IGNORECASE)
# The role a Part IV duty's opening gives its section's bodies: the first role word among its first
# ten words ("Chủ trì, ...", "Đề nghị chủ trì ...", "Trên cơ sở nhu cầu thực tế, chủ động phối hợp ...").
_OPENING_ROLE = re.compile(r"^(?:\S+\s+){0,9}?(chủ trì|phối hợp|tham gia)(?!\w)", re.IGNORECASE)
_LEAD_HINT = "name who leads ('chủ trì'); when the wording names several bodies without a lead, list them all as joint leads"


def leads(plan: Plan, report: Report) -> None:
    for ref in plan.task_refs:
        if not ref.task.who.lead:
            report.add("tasks", ref.path + ("who", "lead"), f"task {ref.key} has no lead", _LEAD_HINT, "no-lead")
    for ref in plan.appendix_task_refs:
        if not ref.task.lead.agencies:
            report.add(
                "appendix_tasks",
                ref.path + ("lead", "agencies"),
                f"Appendix II task {ref.number} has no lead",
                _LEAD_HINT,
                "no-lead",
            )
    for pi, proc in enumerate(plan.procedures.procedures):
        if not proc.lead.agencies:
            report.add(
                "procedures",
                ("procedures", pi, "lead", "agencies"),
                f"procedure {proc.number} has no lead",
                _LEAD_HINT,
                "no-lead",
            )
    for ref in plan.duty_refs:
        if not ref.duty.lead and not ref.duty.lead_unstated:
            report.add(
                "responsibilities",
                ref.path + ("lead",),
                f"duty {ref.key} has no lead",
                _LEAD_HINT + "; where the decision names none, set `lead_unstated: true` and give the reason in "
                "`roles_note`",
                "no-lead",
            )
        if ref.duty.lead and ref.duty.lead_unstated:
            report.add(
                "responsibilities",
                ref.path + ("lead_unstated",),
                f"duty {ref.key} has `lead_unstated: true` but lists a lead",
                "remove one of the two",
                "no-lead",
            )
    for ii, item in enumerate(plan.funding.items):
        if not item.lead:
            report.add("funding", ("items", ii, "lead"), f"funding item {item.number} has no lead", _LEAD_HINT, "no-lead")


def unresolved_phrases(registry: AgencyRegistry, text: str) -> list[str]:
    """Phrases of a 'who' wording that are neither agency names nor connectives."""
    leftover = registry.who_matcher.leftover(text)
    phrases, current = [], []
    for token in re.split(r"([\s,;.()]+)", leftover):
        word = token.strip(" ,;.()").lower()
        if not word:
            continue
        if word in _CONNECTIVES:
            if current:
                phrases.append(" ".join(current))
                current = []
        else:
            current.append(token.strip(" ,;.()"))
    if current:
        phrases.append(" ".join(current))
    return phrases


def _closest_wording(registry: AgencyRegistry, phrase: str) -> str:
    wordings = {w: a.id for a in registry.agencies for w in (*a.wordings, *a.bare_wordings)}
    hint = did_you_mean(phrase, wordings)
    if hint:
        return f"{hint[:-1]} ({wordings[hint.split(chr(39))[1]]})? otherwise add the wording to plan/agencies.yaml"
    return "add the wording to the body's `wordings` in plan/agencies.yaml"


def _compare(report: Report, file, path, role, declared, expected, text) -> None:
    if not all(report.known(a) for a in declared):
        return  # an unknown id is reported once, as such
    missing = [a for a in expected if a not in declared]
    extra = [a for a in declared if a not in expected]
    if missing:
        report.add(
            file,
            path + (role,),
            f"the wording '{text}' names {', '.join(missing)} but {role} omits it",
            f"add {', '.join(missing)} to {role}",
            "who-mismatch",
        )
    if extra:
        report.add(
            file,
            path + (role,),
            f"{role} lists {', '.join(extra)} but the wording '{text}' does not name it",
            "remove it, or add the wording it goes by to plan/agencies.yaml",
            "who-mismatch",
        )


def _resolved(report: Report, file, path, text) -> bool:
    """Report the phrases of a wording no registry entry names; True when there are none."""
    phrases = unresolved_phrases(report.plan.registry, text)
    for phrase in phrases:
        report.add(
            file,
            path,
            f"unresolved agency wording '{phrase}'",
            _closest_wording(report.plan.registry, phrase),
            "who-unresolved",
        )
    return not phrases


def who_wordings(plan: Plan, report: Report) -> None:
    """The ids of a "who" field are exactly the bodies its wording names: before "chủ trì"/"phối hợp"
    they lead, after it they coordinate; with neither, all lead jointly."""
    match = plan.registry.who_matcher
    for ref in plan.task_refs:
        who, path = ref.task.who, ref.path + ("who",)
        if not _resolved(report, "tasks", path + ("text",), who.text):
            continue  # what the wording names is unknown until the phrase is: no comparison
        marker = _ROLE_MARKER.search(who.text)
        if marker:
            leads_named, coordinators = match.targets(who.text[: marker.start()]), match.targets(who.text[marker.end() :])
        else:
            leads_named, coordinators = match.targets(who.text), []
        _compare(report, "tasks", path, "lead", who.lead, leads_named, who.text)
        _compare(report, "tasks", path, "coordinators", who.coordinators, coordinators, who.text)
    cells = [("appendix_tasks", r.path, r.task) for r in plan.appendix_task_refs]
    cells += [("procedures", ("procedures", i), x) for i, x in enumerate(plan.procedures.procedures)]
    for file, path, item in cells:
        for role in ("lead", "coordinators"):
            cell = getattr(item, role)
            if _resolved(report, file, path + (role, "text"), cell.text):
                _compare(report, file, path + (role,), "agencies", cell.agencies, match.targets(cell.text), cell.text)


def duty_agencies(plan: Plan, report: Report) -> None:
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


def duty_roles(plan: Plan, report: Report) -> None:
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


def exclusions(plan: Plan, report: Report) -> None:
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
