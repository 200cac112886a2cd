"""Integrity checks across the plan files. Each returns every problem it finds; none stops early."""

import difflib
import re
from collections import Counter

from plannav.deadlines import ACCEPTED_FORMS, DeadlineError, read_deadline
from plannav.documents import DocumentIndex
from plannav.plan import Plan
from plannav.problems import Problem
from plannav.registry import AgencyRegistry
from plannav.texts import iter_texts
from plannav.textnorm import match_key, squash

# Ids that would name a page a section already has: co-quan/index.md is the list of agencies.
RESERVED_IDS = {"index"}

# Words that may stand between agency names in a "who" field.
_CONNECTIVES = {"chủ", "trì", "phối", "hợp", "với", "và", "cùng"}
_ROLE_MARKER = re.compile(r"(?<!\w)(chủ trì|phối hợp)(?!\w)", re.IGNORECASE)
# The role a Part IV duty's opening gives its section's bodies: the first role word among its first
# ten words ("Chủ trì, ...", "Đề nghị chủ trì ...", "Trên cơ sở nhu cầu thực tế, chủ động phối hợp ...").
_OPENING_ROLE = re.compile(r"^(?:\S+\s+){0,9}?(chủ trì|phối hợp|tham gia)(?!\w)", re.IGNORECASE)


class _Checker:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.registry = AgencyRegistry(plan.agencies)
        self.documents = DocumentIndex(plan.documents)
        self.problems: list[Problem] = []

    def add(self, file: str, path, message: str, hint: str = "") -> None:
        self.problems.append(self.plan.sources[file].problem(tuple(path), message, hint))

    # ---- helpers

    def suggest_agency(self, value: str) -> str:
        """A hint for an unknown agency id: the closest id, or the id of a matching wording."""
        for agency in self.registry.agencies:
            if match_key(value) in {match_key(w) for w in (*agency.wordings, *agency.bare_wordings)}:
                return f"'{value}' is a wording of '{agency.id}': refer to agencies by id"
        close = difflib.get_close_matches(value, list(self.registry.by_id), n=1, cutoff=0.6)
        if close:
            return f"did you mean '{close[0]}'?"
        return "add the agency to plan/agencies.yaml or use an id listed there"

    def agency_refs(self):
        """(file, path, id) for every agency reference the plan declares."""
        p = self.plan
        for ref in p.task_refs:
            for role in ("lead", "coordinators"):
                for i, a in enumerate(getattr(ref.task.who, role)):
                    yield "tasks", ref.path + ("who", role, i), a
        for ref in p.appendix_task_refs:
            for role in ("lead", "coordinators"):
                for i, a in enumerate(getattr(ref.task, role).agencies):
                    yield "appendix_tasks", ref.path + (role, "agencies", i), a
        for pi, proc in enumerate(p.procedures.procedures):
            for role in ("lead", "coordinators"):
                for i, a in enumerate(getattr(proc, role).agencies):
                    yield "procedures", ("procedures", pi, role, "agencies", i), a
        for si, section in enumerate(p.responsibilities.sections):
            for i, a in enumerate(section.agencies):
                yield "responsibilities", ("sections", si, "agencies", i), a
        for ref in p.duty_refs:
            for role in ("lead", "coordinators"):
                for i, a in enumerate(getattr(ref.duty, role)):
                    yield "responsibilities", ref.path + (role, i), a
            for di, deadline in enumerate(ref.duty.deadlines):
                for i, a in enumerate(deadline.applies_to):
                    yield "responsibilities", ref.path + ("deadlines", di, "applies_to", i), a
            for i, exclusion in enumerate(ref.duty.not_for):
                yield "responsibilities", ref.path + ("not_for", i, "agency"), exclusion.agency
        for ii, item in enumerate(p.funding.items):
            for role in ("lead", "coordinators"):
                for i, a in enumerate(getattr(item, role)):
                    yield "funding", ("items", ii, role, i), a
            for di, deadline in enumerate(item.deadlines):
                for i, a in enumerate(deadline.applies_to):
                    yield "funding", ("items", ii, "deadlines", di, "applies_to", i), a
        for ai, agency in enumerate(p.agencies.agencies):
            for key in ("members", "may_concern"):
                for i, a in enumerate(getattr(agency, key)):
                    yield "agencies", ("agencies", ai, key, i), a

    def deadlines(self):
        """(file, path, deadline) for every deadline in the plan."""
        p = self.plan
        for ref in p.task_refs:
            yield "tasks", ref.path + ("deadline",), ref.task.deadline
        for ref in p.appendix_task_refs:
            yield "appendix_tasks", ref.path + ("deadline",), ref.task.deadline
        for pi, proc in enumerate(p.procedures.procedures):
            yield "procedures", ("procedures", pi, "deadline"), proc.deadline
        for ref in p.duty_refs:
            for di, deadline in enumerate(ref.duty.deadlines):
                yield "responsibilities", ref.path + ("deadlines", di), deadline
        for ii, item in enumerate(p.funding.items):
            for di, deadline in enumerate(item.deadlines):
                yield "funding", ("items", ii, "deadlines", di), deadline

    # ---- checks

    def unique_ids(self) -> None:
        p = self.plan

        def unique(file, items, what, hint):
            seen = {}
            for path, value in items:
                if value in seen:
                    self.add(file, path, f"duplicate {what} '{value}' (first at line {self.plan.sources[file].line_of(seen[value])})", hint)
                else:
                    seen[value] = path

        unique("agencies", [(("agencies", i, "id"), a.id) for i, a in enumerate(p.agencies.agencies)],
               "agency id", "ids are permalinks; give each body its own")
        unique("agencies", [(("agencies", i, key, j), squash(w)) for i, a in enumerate(p.agencies.agencies)
                            for key in ("wordings", "bare_wordings") for j, w in enumerate(getattr(a, key))],
               "wording", "list each wording once")
        owner: dict[str, tuple] = {}
        for i, agency in enumerate(p.agencies.agencies):
            for key in ("wordings", "bare_wordings"):
                for j, wording in enumerate(getattr(agency, key)):
                    first = owner.setdefault(match_key(wording), (agency.id, ("agencies", i, key, j)))
                    if first[0] != agency.id:
                        self.add("agencies", ("agencies", i, key, j),
                                 f"wording '{wording}' also names '{first[0]}' (line {p.sources['agencies'].line_of(first[1])})",
                                 "a wording names one body only; keep it under the body it names")
        unique("documents", [(("documents", i, "id"), d.id) for i, d in enumerate(p.documents.documents)],
               "document id", "give each document its own id")
        unique("objectives", [(("general", "groups", i, "id"), g.id) for i, g in enumerate(p.objectives.general.groups)],
               "utility group id", "ids are permalinks (/muc-tieu/<id>/); give each group its own")
        # An id names a page in its section's folder, beside the section's own page (co-quan/index.md).
        for file, key, entries in (("agencies", "agencies", p.agencies.agencies), ("documents", "documents", p.documents.documents)):
            for i, entry in enumerate(entries):
                if entry.id in RESERVED_IDS:
                    self.add(file, (key, i, "id"), f"'{entry.id}' is reserved for the section's own page", "choose another id")
        for i, group in enumerate(p.objectives.general.groups):
            if group.id in RESERVED_IDS:
                self.add("objectives", ("general", "groups", i, "id"), f"'{group.id}' is reserved for the section's own page",
                         "choose another id")
        unique("documents", [(("documents", i, "number"), d.number) for i, d in enumerate(p.documents.documents) if d.number],
               "document number", "a number identifies one document; merge the entries")
        unique("tasks", [(("sections", i, "number"), s.number) for i, s in enumerate(p.tasks.sections)],
               "section number", "number the sections 1, 2, 3, ...")
        unique("tasks", [(r.path + ("letter",), r.key) for r in p.task_refs], "task", "each letter appears once in a section")
        unique("appendix_tasks", [(r.path + ("number",), r.number) for r in p.appendix_task_refs],
               "Appendix II number", "each TT appears once")
        unique("appendix_tasks", [(r.path + ("restates",), r.task.restates) for r in p.appendix_task_refs if r.task.restates],
               "restated task", "one Appendix II row restates a given Part II task")
        unique("procedures", [(("procedures", i, "number"), x.number) for i, x in enumerate(p.procedures.procedures)],
               "procedure number", "each TT appears once")
        unique("responsibilities", [(("sections", i, "number"), s.number) for i, s in enumerate(p.responsibilities.sections)],
               "section number", "number the sections 1, 2, 3, ...")
        unique("responsibilities", [(r.path + ("letter",), r.key) for r in p.duty_refs], "duty", "each letter appears once in a section")
        unique("objectives", [(("general", "groups", i, "number"), g.number) for i, g in enumerate(p.objectives.general.groups)],
               "utility group", "groups are numbered (1) to (5)")
        unique("objectives", [(("specific", "objectives", i, "letter"), o.letter) for i, o in enumerate(p.objectives.specific.objectives)],
               "objective", "each letter appears once")
        unique("requirements", [(("requirements", i, "letter"), r.letter) for i, r in enumerate(p.requirements.requirements)],
               "requirement", "each letter appears once")
        for key in ("related", "earlier_related"):
            unique("documents", [((key, i, "number"), e.number) for i, e in enumerate(getattr(p.documents, key))],
                   "entry number", "each entry number appears once")

    def references(self) -> None:
        p = self.plan
        for file, path, agency_id in self.agency_refs():
            if agency_id not in self.registry.by_id:
                self.add(file, path, f"unknown agency '{agency_id}'", self.suggest_agency(agency_id))
        for ref in p.appendix_task_refs:
            if ref.task.restates and ref.task.restates not in p.task_by_key:
                close = difflib.get_close_matches(ref.task.restates, list(p.task_by_key), n=1)
                self.add("appendix_tasks", ref.path + ("restates",), f"unknown Part II task '{ref.task.restates}'",
                         f"did you mean '{close[0]}'?" if close else "write section.letter of a task in plan/tasks.yaml")
        procedure_numbers = set(p.procedure_by_number)
        for file, refs in (("tasks", p.task_refs), ("appendix_tasks", p.appendix_task_refs)):
            for ref in refs:
                for i, number in enumerate(ref.task.procedures):
                    if number not in procedure_numbers:
                        self.add(file, ref.path + ("procedures", i), f"unknown procedure {number}",
                                 f"Appendix I numbers its procedures 1-{max(procedure_numbers, default=0)}")
        for pi, proc in enumerate(p.procedures.procedures):
            for ji, join in enumerate(proc.joins):
                if join.procedure is not None and join.procedure not in procedure_numbers:
                    self.add("procedures", ("procedures", pi, "joins", ji, "procedure"), f"unknown procedure {join.procedure}",
                             "leave `procedure` out when the joined procedure is not in Appendix I")
                if join.procedure == proc.number:
                    self.add("procedures", ("procedures", pi, "joins", ji, "procedure"), "a procedure cannot join itself",
                             "name the other procedures of the 'liên thông' group")
            if proc.duty and proc.duty not in p.duty_by_key:
                close = difflib.get_close_matches(proc.duty, list(p.duty_by_key), n=1)
                self.add("procedures", ("procedures", pi, "duty"), f"unknown Part IV duty '{proc.duty}'",
                         f"did you mean '{close[0]}'?" if close else "write section.letter, or the section number for a single paragraph")
        for key in ("related", "earlier_related"):
            for i, entry in enumerate(getattr(p.documents, key)):
                if entry.document not in p.document_by_id:
                    close = difflib.get_close_matches(entry.document, list(p.document_by_id), n=1)
                    self.add("documents", (key, i, "document"), f"unknown document '{entry.document}'",
                             f"did you mean '{close[0]}'?" if close else "add it under `documents:`")
        groups = set(p.utility_groups)
        located = [("tasks", ("sections", i, "group"), s.group) for i, s in enumerate(p.tasks.sections)]
        located += [("appendix_tasks", ("groups", i, "group"), g.group) for i, g in enumerate(p.appendix_tasks.groups)]
        located += [("objectives", ("specific", "objectives", i, "group"), o.group) for i, o in enumerate(p.objectives.specific.objectives)]
        for file, path, number in located:
            if number is not None and number not in groups:
                self.add(file, path, f"unknown utility group {number}", f"the groups are {sorted(groups)} in plan/objectives.yaml")

    def leads(self) -> None:
        p = self.plan
        hint = "name who leads ('chủ trì'); when the wording names several bodies without a lead, list them all as joint leads"
        for ref in p.task_refs:
            if not ref.task.who.lead:
                self.add("tasks", ref.path + ("who", "lead"), f"task {ref.key} has no lead", hint)
        for ref in p.appendix_task_refs:
            if not ref.task.lead.agencies:
                self.add("appendix_tasks", ref.path + ("lead", "agencies"), f"Appendix II task {ref.number} has no lead", hint)
        for pi, proc in enumerate(p.procedures.procedures):
            if not proc.lead.agencies:
                self.add("procedures", ("procedures", pi, "lead", "agencies"), f"procedure {proc.number} has no lead", hint)
        for ref in p.duty_refs:
            if not ref.duty.lead and not ref.duty.lead_unstated:
                self.add("responsibilities", ref.path + ("lead",), f"duty {ref.key} has no lead",
                         hint + "; where the decision names none, set `lead_unstated: true` and give the reason in `roles_note`")
            if ref.duty.lead and ref.duty.lead_unstated:
                self.add("responsibilities", ref.path + ("lead_unstated",),
                         f"duty {ref.key} has `lead_unstated: true` but lists a lead", "remove one of the two")
        for ii, item in enumerate(p.funding.items):
            if not item.lead:
                self.add("funding", ("items", ii, "lead"), f"funding item {item.number} has no lead", hint)

    def _unresolved(self, text: str) -> list[str]:
        """Phrases of a 'who' wording that are neither agency names nor connectives."""
        leftover = self.registry.who_matcher.leftover(text)
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

    def _closest_wording(self, phrase: str) -> str:
        wordings = {w: a.id for a in self.registry.agencies for w in (*a.wordings, *a.bare_wordings)}
        close = difflib.get_close_matches(phrase, list(wordings), n=1, cutoff=0.6)
        if close:
            return f"did you mean '{close[0]}' ({wordings[close[0]]})? otherwise add the wording to plan/agencies.yaml"
        return "add the wording to the body's `wordings` in plan/agencies.yaml"

    def _compare(self, file, path, role, declared, expected, text):
        missing = [a for a in expected if a not in declared]
        extra = [a for a in declared if a not in expected]
        if missing:
            self.add(file, path + (role,), f"the wording '{text}' names {', '.join(missing)} but {role} omits it",
                     f"add {', '.join(missing)} to {role}")
        if extra:
            self.add(file, path + (role,), f"{role} lists {', '.join(extra)} but the wording '{text}' does not name it",
                     "remove it, or add the wording it goes by to plan/agencies.yaml")

    def who_wordings(self) -> None:
        p, match = self.plan, self.registry.who_matcher
        for ref in p.task_refs:
            who, path = ref.task.who, ref.path + ("who",)
            for phrase in self._unresolved(who.text):
                self.add("tasks", path + ("text",), f"unresolved agency wording '{phrase}'", self._closest_wording(phrase))
            marker = _ROLE_MARKER.search(who.text)
            if marker:
                leads, coordinators = match.targets(who.text[: marker.start()]), match.targets(who.text[marker.end():])
            else:
                leads, coordinators = match.targets(who.text), []
            self._compare("tasks", path, "lead", who.lead, leads, who.text)
            self._compare("tasks", path, "coordinators", who.coordinators, coordinators, who.text)
        cells = [("appendix_tasks", r.path, r.task) for r in p.appendix_task_refs]
        cells += [("procedures", ("procedures", i), x) for i, x in enumerate(p.procedures.procedures)]
        for file, path, item in cells:
            for role in ("lead", "coordinators"):
                cell = getattr(item, role)
                for phrase in self._unresolved(cell.text):
                    self.add(file, path + (role, "text"), f"unresolved agency wording '{phrase}'", self._closest_wording(phrase))
                self._compare(file, path + (role,), "agencies", cell.agencies, match.targets(cell.text), cell.text)

    def duty_agencies(self) -> None:
        match = self.registry.prose_matcher
        for si, section in enumerate(self.plan.responsibilities.sections):
            named = match.targets(section.heading.text)
            for i, agency in enumerate(section.agencies):
                if agency in self.registry.by_id and agency not in named:
                    self.add("responsibilities", ("sections", si, "agencies", i),
                             f"'{agency}' is not named in the heading '{section.heading.text}'",
                             "a section's agencies are the bodies its heading names")
        for ref in self.plan.duty_refs:
            named = set(match.targets(ref.duty.text)) | set(ref.section.agencies)
            for role in ("lead", "coordinators"):
                for i, agency in enumerate(getattr(ref.duty, role)):
                    if agency in self.registry.by_id and agency not in named:
                        self.add("responsibilities", ref.path + (role, i),
                                 f"duty {ref.key} lists '{agency}' but neither its text nor its section names it",
                                 "check the id, or add the wording the text uses to plan/agencies.yaml")

    def deadline_forms(self) -> None:
        for file, path, deadline in self.deadlines():
            try:
                expected = read_deadline(deadline.text)
            except DeadlineError as err:
                self.add(file, path + ("text",), f"deadline wording not understood: {err}", f"known forms: {ACCEPTED_FORMS}")
                continue
            declared = deadline.model_dump(exclude={"text", "label", "applies_to"}, exclude_defaults=True)
            declared["kind"] = deadline.kind
            if declared != expected:
                shown = ", ".join(f"{k}: {v}" for k, v in expected.items())
                differing = next((k for k in declared if declared[k] != expected.get(k)), "kind")
                self.add(file, path + (differing,), f"normalised deadline {declared} does not match its wording '{deadline.text}'",
                         f"the wording reads as {shown}")

    def deadlines_quoted(self) -> None:
        """A duty's or funding item's deadline quotes the words of its own text."""
        located = [(r.path, r.duty) for r in self.plan.duty_refs]
        located = [("responsibilities", path, item) for path, item in located]
        located += [("funding", ("items", i), item) for i, item in enumerate(self.plan.funding.items)]
        for file, path, item in located:
            for di, deadline in enumerate(item.deadlines):
                for ai, agency in enumerate(deadline.applies_to):
                    if agency not in item.lead + item.coordinators:
                        self.add(file, path + ("deadlines", di, "applies_to", ai),
                                 f"deadline applies to '{agency}', which neither leads nor coordinates the item",
                                 "list it under the item's lead or coordinators too")
                if squash(deadline.text).lower() not in squash(item.text).lower():
                    self.add(file, path + ("deadlines", di, "text"), f"'{deadline.text}' does not occur in the item's text",
                             "quote the deadline exactly as the item's text words it")

    def documents_cited(self) -> None:
        cited = set()
        for ref in iter_texts(self.plan):
            cited.update(self.documents.cited(ref.text))
            for number in self.documents.unknown_numbers(ref.text):
                self.add(ref.file, ref.path, f"cites document {number}, which plan/documents.yaml does not list",
                         "add it under `documents:` with its number, type, date and title")
        listed = {e.document for key in ("related", "earlier_related") for e in getattr(self.plan.documents, key)}
        for i, doc in enumerate(self.plan.documents.documents):
            if doc.id not in cited | listed:
                self.add("documents", ("documents", i, "id"), f"document '{doc.id}' is never cited nor listed as related",
                         "remove it, or fix its number or wordings so the citing text finds it")

    def agencies_referenced(self) -> None:
        declared = {agency for _, _, agency in self.agency_refs()}
        named: set[str] = set()
        used_wordings: set[str] = set()  # exactly as written
        used_keys: set[str] = set()  # ignoring case
        for ref in iter_texts(self.plan):
            for found in self.registry.matcher(ref.who).find(ref.text):
                named.add(found.target)
                used_wordings.add(squash(found.wording))
                used_keys.add(match_key(found.wording))
        for i, agency in enumerate(self.plan.agencies.agencies):
            if agency.id not in declared | named:
                self.add("agencies", ("agencies", i, "id"), f"agency '{agency.id}' is never referenced",
                         "no text names it and no item refers to it: remove it, or fix its wordings")
            spellings = Counter(match_key(w) for w in (*agency.wordings, *agency.bare_wordings))
            for key in ("wordings", "bare_wordings"):
                for j, wording in enumerate(getattr(agency, key)):
                    # Case variants document the decision's spellings, so each must occur as written;
                    # a wording without variants may occur in any case (at a sentence start, say).
                    exact_needed = spellings[match_key(wording)] > 1
                    used = squash(wording) in used_wordings if exact_needed else match_key(wording) in used_keys
                    if not used:
                        self.add("agencies", ("agencies", i, key, j), f"wording '{wording}' occurs nowhere in the plan",
                                 "remove it, or correct its spelling to the decision's")

    def groups(self) -> None:
        for i, agency in enumerate(self.plan.agencies.agencies):
            if agency.kind == "group" and not agency.members and not agency.open:
                self.add("agencies", ("agencies", i), f"group '{agency.id}' has no members",
                         "list the bodies this collective wording reaches under `members:`, or set `open: true` "
                         "for a wording that names none (\"các đơn vị liên quan\")")
            if agency.kind != "group" and agency.members:
                self.add("agencies", ("agencies", i, "members"), f"'{agency.id}' has members but is not a group",
                         "set `kind: group`, or remove `members:`")
            if agency.kind == "group" and agency.id in self._reachable(agency.id):
                self.add("agencies", ("agencies", i, "members"), f"group '{agency.id}' contains itself through its members",
                         "break the cycle between the groups")

    def open_groups(self) -> None:
        """An open wording ("các đơn vị liên quan") names no enumerable bodies: no members, no roles for them."""
        for i, agency in enumerate(self.plan.agencies.agencies):
            if agency.open and agency.kind != "group":
                self.add("agencies", ("agencies", i, "open"), f"'{agency.id}' is open but not a group",
                         "only a collective wording (kind: group) can be open")
            if agency.open and agency.members:
                self.add("agencies", ("agencies", i, "members"),
                         f"open group '{agency.id}' lists members",
                         "an open wording names no bodies: move them to `may_concern`, which lists its items apart "
                         "on their pages, never as their lead or coordinated work")
            if agency.may_concern and not agency.open:
                self.add("agencies", ("agencies", i, "may_concern"),
                         f"'{agency.id}' has `may_concern` but is not an open group",
                         "set `open: true`, or list the bodies under `members:`")

    def exclusions(self) -> None:
        """`not_for` names a body that a group in the item's roles reaches, once, and not one named in them."""
        reached = self.registry.group_members
        for ref in self.plan.duty_refs:
            roles = ref.duty.lead + ref.duty.coordinators
            through = set().union(*(reached.get(a, set()) for a in roles))
            seen = set()
            for i, exclusion in enumerate(ref.duty.not_for):
                path = ref.path + ("not_for", i, "agency")
                if exclusion.agency not in self.registry.by_id:
                    continue  # reported as an unknown agency
                if exclusion.agency in roles:
                    self.add("responsibilities", path, f"duty {ref.key} names '{exclusion.agency}' in its roles and excludes it",
                             "remove it from `not_for`, or from the roles")
                elif exclusion.agency not in through:
                    self.add("responsibilities", path,
                             f"'{exclusion.agency}' is not reached by any group in the roles of duty {ref.key}",
                             "`not_for` excludes members of the item's groups; remove the entry")
                if exclusion.agency in seen:
                    self.add("responsibilities", path, f"'{exclusion.agency}' is excluded twice", "list it once")
                seen.add(exclusion.agency)

    def duty_roles(self) -> None:
        """Each duty's roles follow the reading rules of responsibilities.yaml, or say why not in `roles_note`."""
        for ref in self.plan.duty_refs:
            duty, section = ref.duty, set(ref.section.agencies)
            if duty.roles_note:
                continue
            opening = _OPENING_ROLE.match(duty.text)
            verb = opening.group(1).lower() if opening else ""
            if verb == "phối hợp" and re.match(r"(\s+chặt chẽ)?\s+với(?!\w)", duty.text[opening.end():], re.IGNORECASE):
                expected, rule = "coordinators", 'rule 4 ("Phối hợp với X ...")'
            elif verb == "phối hợp":
                expected, rule = "coordinators", 'rule 5 ("Phối hợp ..." with no other body)'
            elif verb == "tham gia":
                expected, rule = "coordinators", 'rule 6 ("Tham gia ...")'
            else:
                expected, rule = "lead", "rules 2, 3 and 8 (the section's bodies lead)"
            declared = set(getattr(duty, expected))
            if not section <= declared or expected == "coordinators" and duty.lead:
                self.add("responsibilities", ref.path + (expected,),
                         f"duty {ref.key}: by {rule} the section's bodies ({', '.join(ref.section.agencies)}) "
                         + ("coordinate, and a lead needs its basis in `roles_note`" if expected == "coordinators"
                            else "lead"),
                         "follow the reading rules at the top of plan/responsibilities.yaml, or give the basis of "
                         "these roles in `roles_note`")

    def _reachable(self, start: str) -> set[str]:
        seen, stack = set(), list(self.registry.by_id[start].members)
        while stack:
            current = stack.pop()
            if current in seen or current not in self.registry.by_id:
                continue
            seen.add(current)
            stack.extend(self.registry.by_id[current].members)
        return seen

    def objective_groups(self) -> None:
        counts = Counter(o.group for o in self.plan.objectives.specific.objectives)
        for number in self.plan.utility_groups:
            if counts[number] != 1:
                self.add("objectives", ("specific", "objectives"),
                         f"utility group {number} has {counts[number]} specific objectives, expected 1",
                         "each of the five groups has one specific objective a)-đ)")


def check_plan(plan: Plan) -> list[Problem]:
    """Every cross-file problem of a plan whose files all loaded."""
    checker = _Checker(plan)
    for check in (checker.unique_ids, checker.references, checker.leads, checker.who_wordings,
                  checker.duty_agencies, checker.deadline_forms, checker.deadlines_quoted, checker.documents_cited,
                  checker.agencies_referenced, checker.groups, checker.open_groups, checker.exclusions,
                  checker.duty_roles, checker.objective_groups):
        check()
    return checker.problems


