"""Who leads and who coordinates: every item has a lead, and the ids are the bodies the wording names. The
Part IV reading rules are checked in checks/duties."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from plannav.checks.findings import Findings
from plannav.plan import Plan
from plannav.problems import did_you_mean
from plannav.registry import AgencyRegistry
from plannav.textnorm import ALIAS_DEFINITION

# Words that may stand between agency names in a "who" field.
_CONNECTIVES = {"chủ", "trì", "phối", "hợp", "với", "và", "cùng"}
_ROLE_MARKER = re.compile(r"(?<!\w)(chủ trì|phối hợp)(?!\w)", re.IGNORECASE)
_LEAD_HINT = "name who leads ('chủ trì'); when the wording names several bodies without a lead, list them all as joint leads"


@dataclass(frozen=True)
class _Role:
    """One role of an item that has a "who" wording: the ids listed and the bodies the wording names in it."""

    name: str  # 'lead' or 'coordinators'
    path: tuple  # where its ids are listed
    listed: tuple
    named: tuple
    text: str  # the wording naming them
    text_path: tuple
    unresolved: tuple[str, ...]  # the phrases of the wording that name no body

    @property
    def resolved(self) -> bool:
        """Every phrase of the wording names a body: what it names is known."""
        return not self.unresolved

    @property
    def as_role(self) -> str:
        return "lead" if self.name == "lead" else "a coordinator"


@dataclass(frozen=True)
class _WhoItem:
    file: str
    title: str  # 'task 1.a', 'procedure 4'
    lead: _Role
    coordinators: _Role


def _who_items(plan: Plan) -> Iterator[_WhoItem]:
    """Every item with a "who" wording: Part II tasks (one wording, "chủ trì"/"phối hợp" telling the roles
    apart; with neither, all lead jointly), Appendix II tasks and procedures (a cell per role)."""
    registry, match, found = plan.registry, plan.registry.who_matcher, {}

    def unresolved(text: str) -> tuple[str, ...]:  # a wording shared by both roles, or by items, read once
        if text not in found:
            found[text] = tuple(unresolved_phrases(registry, text))
        return found[text]

    for ref in plan.task_refs:
        who, path = ref.task.who, ref.path + ("who",)
        wordings = {"lead": (who.text, path + ("text",)), "coordinators": (who.text, path + ("text",))}
        marker = _ROLE_MARKER.search(who.text)
        if who.label is not None or who.with_text is not None:  # a line per role: each names its role's bodies
            wordings["coordinators"] = (who.with_text or "", path + ("with_text",))
            named = {"lead": match.targets(who.text), "coordinators": match.targets(who.with_text or "")}
        elif marker:
            named = {
                "lead": match.targets(who.text[: marker.start()]),
                "coordinators": match.targets(who.text[marker.end() :]),
            }
        else:
            named = {"lead": match.targets(who.text), "coordinators": []}
        roles = [
            _Role(
                name,
                path + (name,),
                tuple(getattr(who, name)),
                tuple(named[name]),
                *wordings[name],
                unresolved(wordings[name][0]),
            )
            for name in ("lead", "coordinators")
        ]
        yield _WhoItem("tasks", f"task {ref.key}", *roles)
    cells = [("appendix_tasks", r.path, r.task, f"Appendix II task {r.number}") for r in plan.appendix_task_refs]
    cells += [
        ("procedures", ("procedures", i), x, f"procedure {x.number}") for i, x in enumerate(plan.procedures.procedures)
    ]
    for file, path, item, title in cells:
        roles = []
        for name in ("lead", "coordinators"):
            cell = getattr(item, name)
            named = tuple(match.targets(cell.text))
            roles.append(
                _Role(
                    name,
                    path + (name, "agencies"),
                    tuple(cell.agencies),
                    named,
                    cell.text,
                    path + (name, "text"),
                    unresolved(cell.text),
                )
            )
        yield _WhoItem(file, title, *roles)


def _lead_hint(item: _WhoItem) -> str:
    """How to give an item with an empty lead its lead: the bodies its wording names as lead, if known."""
    lead = item.lead
    if not (lead.resolved and lead.named):
        return _LEAD_HINT
    where = "`lead`" if lead.path[-1] == "lead" else "`lead.agencies`"
    to_move = [a for a in lead.named if a in item.coordinators.listed]
    to_add = [a for a in lead.named if a not in to_move]
    fixes = [f"add {', '.join(to_add)} to {where}"] if to_add else []
    if to_move:
        fixes.append(f"move {', '.join(to_move)} from coordinators to {where}")
    return f"{' and '.join(fixes)}: the wording '{lead.text}' names {', '.join(lead.named)} as lead"


def leads(plan: Plan, report: Findings) -> None:
    # An empty lead where the wording names one is this problem alone (who_wordings leaves it out),
    # with the wording's lead as the fix.
    for item in _who_items(plan):
        if not item.lead.listed:
            report.add(item.file, item.lead.path, f"{item.title} has no lead", _lead_hint(item), "no-lead")
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
    """Phrases of a 'who' wording that are neither agency names nor connectives. The text's own definition
    of a short name, "(sau đây gọi tắt là Sở TT&TT)", names the body already named before it."""
    leftover = registry.who_matcher.leftover(ALIAS_DEFINITION.sub(" ", text))
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


def _compare(report: Findings, file: str, role: _Role, other: _Role) -> None:
    """The ids listed in a role are the bodies its wording names there (the role's wording resolved). A
    body listed in one role that the wording names in the other was put in the wrong role: that is said
    once, where it is listed, with the move as its hint; an empty lead is leads()'s problem alone."""
    if not all(report.known(a) for a in role.listed):
        return  # an unknown id is reported once, as such
    other_compared = other.resolved and all(report.known(a) for a in other.listed)
    # Listed in the other role, which its wording does not name it in: said there, as in the wrong role.
    said_there = {a for a in other.listed if a not in other.named} if other_compared else set()
    missing = [a for a in role.named if a not in role.listed and a not in said_there]
    if role.name == "lead" and not role.listed:
        missing = []  # the item has no lead: leads() says so, naming these
    extra = [a for a in role.listed if a not in role.named]
    wrong_role = [a for a in extra if a in other.named] if other.resolved else []
    if role.name == "coordinators" and not other.listed:
        extra = [a for a in extra if a not in wrong_role]  # the item has no lead: leads() says to move them
        wrong_role = []
    unnamed = [a for a in extra if a not in wrong_role]
    listing = role.path[-1]
    if missing:
        report.add(
            file,
            role.path,
            f"the wording '{role.text}' names {', '.join(missing)} but {listing} omits it",
            f"add {', '.join(missing)} to {listing}",
            "who-mismatch",
        )
    if unnamed:
        report.add(
            file,
            role.path,
            f"{listing} lists {', '.join(unnamed)} but the wording '{role.text}' does not name it",
            "remove it, or add the wording it goes by to plan/agencies.yaml",
            "who-mismatch",
        )
    if wrong_role:
        there = "it" if other.text == role.text else f"'{other.text}'"
        listed_there = [a for a in wrong_role if a in other.listed]
        to_move = [a for a in wrong_role if a not in other.listed]
        hints = [f"move {', '.join(to_move)} from {role.name} to {other.name}"] if to_move else []
        if listed_there:
            hints.append(f"remove {', '.join(listed_there)} from {role.name}: {other.name} lists it already")
        report.add(
            file,
            role.path,
            f"{listing} lists {', '.join(wrong_role)} but the wording '{role.text}' does not name it as "
            f"{role.as_role}: {there} names it as {other.as_role}",
            "; ".join(hints),
            "who-mismatch",
        )


def _resolved(report: Findings, file, path, phrases: tuple[str, ...]) -> None:
    """Report the phrases of a wording no registry entry names."""
    for phrase in phrases:
        report.add(
            file,
            path,
            f"unresolved agency wording '{phrase}'",
            _closest_wording(report.plan.registry, phrase),
            "who-unresolved",
        )


def who_wordings(plan: Plan, report: Findings) -> None:
    """The ids of a "who" field are exactly the bodies its wording names: before "chủ trì"/"phối hợp"
    they lead, after it they coordinate; with neither, all lead jointly."""
    for item in _who_items(plan):
        roles = (item.lead, item.coordinators)
        for text_path, phrases in dict.fromkeys((r.text_path, r.unresolved) for r in roles if r.text):
            _resolved(report, item.file, text_path, phrases)
        for role, other in (roles, roles[::-1]):
            if role.resolved:  # what the wording names is unknown until the phrase is: no comparison
                _compare(report, item.file, role, other)
