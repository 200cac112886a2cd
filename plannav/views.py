"""What each page of the site shows, computed from the plan: rows, links, counts, order.

Templates only loop over these and print them. Links are (page, anchor) pairs of source
paths; the site generator makes them relative URLs.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from plannav import schedule, sitemap
from plannav.items import ITEM_KINDS, ActionItem, ItemIndex
from plannav.plan import Plan
from plannav.reconcile import FIELD_LABELS, reconcile
from plannav.exports.catalog import PLAN_CALENDAR, PLAN_WORKBOOK, agency_downloads, plan_downloads, table_csv
from plannav.texts import iter_texts

AGENCY_KINDS = {
    "provincial-leadership": "Lãnh đạo tỉnh",
    "provincial-agency": "Sở, ban, ngành của tỉnh",
    "central-in-province": "Cơ quan trung ương đóng tại tỉnh",
    "local-government": "Chính quyền cấp huyện",
    "enterprise": "Doanh nghiệp",
    "national": "Cơ quan trung ương",
    "group": "Nhóm cơ quan (cách gọi tập thể)",
}
ROLE_LABELS = {"lead": "Chủ trì", "coordinators": "Phối hợp"}
# How an item reaches an agency's page, each list apart: named in its roles; through a group that
# lists the agency as a member; through an open wording that may concern it; only named in the text.
AGENCY_REACH = ("direct", "via_group", "possibly", "mentioned")
LEVEL_LABELS = {3: "Mức độ 3", 4: "Mức độ 4"}


@dataclass(frozen=True)
class Link:
    text: str
    page: str
    anchor: str = ""


@dataclass(frozen=True)
class DeadlineCell:
    label: str  # normalised
    text: str  # as written
    pages: tuple[Link, ...]
    applies_to: tuple[Link, ...] = ()  # whom it binds, when not every agency of its item


@dataclass(frozen=True)
class ItemRow:
    uid: str
    label: str  # "II.2.đ"
    kind: str
    kind_label: str
    target: Link
    text: str
    lead: tuple[Link, ...]
    coordinators: tuple[Link, ...]
    deadlines: tuple[DeadlineCell, ...]
    role: str = ""  # on agency pages: Chủ trì / Phối hợp
    via: tuple[Link, ...] = ()  # on agency pages: the groups through which the item reaches it
    note: str = ""  # the editors' note
    roles_note: str = ""  # the basis of the roles, where the reading rules alone do not give them
    lead_unstated: bool = False  # the decision names no lead
    not_for: tuple[tuple[Link, str], ...] = ()  # bodies a group in the roles reaches but the item does not bind
    facets: tuple[tuple[str, str], ...] = ()  # (name, space-separated values) for the client-side filters
    sort_due: str = ""  # the deadline column sorts by this, chronologically
    sort_ref: str = ""  # the reference column sorts in the decision's order


@dataclass(frozen=True)
class Place:
    """A place in the decision that cites a document."""

    label: str
    target: Link
    excerpt: str


@dataclass
class Table:
    title: str
    anchor: str
    rows: list = field(default_factory=list)
    note: str = ""


class SiteViews:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.index = ItemIndex(plan)
        self.registry = self.index.registry
        self.documents = self.index.documents
        self._text_links: dict[str, list] = {}
        self._rows: dict[tuple, ItemRow] = {}

    # ---- links and rows

    def agency_link(self, agency_id: str) -> Link:
        return Link(self.registry.by_id[agency_id].name, sitemap.agency(agency_id))

    def agency_links(self, ids) -> tuple[Link, ...]:
        return tuple(self.agency_link(a) for a in ids)

    def deadline_cell(self, deadline) -> DeadlineCell:
        pages = tuple(Link(schedule.page_title(k), sitemap.deadline(k)) for k in schedule.page_keys(deadline))
        return DeadlineCell(schedule.label(deadline), deadline.text, pages, self.agency_links(deadline.applies_to))

    def item_link(self, item: ActionItem) -> Link:
        page, anchor = sitemap.item_target(item)
        return Link(sitemap.item_label(item), page, anchor)

    def row(self, item: ActionItem, role: str = "", via=(), deadlines=None) -> ItemRow:
        # The same rows appear on many pages (agency, deadline and index pages): make each once.
        key = (item.uid, role, tuple(via), None if deadlines is None else tuple(map(id, deadlines)))
        if key not in self._rows:
            self._rows[key] = self._row(item, role, via, item.deadlines if deadlines is None else deadlines)
        return self._rows[key]

    def _row(self, item: ActionItem, role: str, via, deadlines) -> ItemRow:
        return ItemRow(
            item.uid, sitemap.item_label(item), item.kind, ITEM_KINDS[item.kind].short, self.item_link(item), item.text,
            self.agency_links(item.lead), self.agency_links(item.coordinators),
            tuple(self.deadline_cell(d) for d in deadlines), role, tuple(via), item.note, item.roles_note,
            item.lead_unstated, tuple((self.agency_link(a), reason) for a, reason in item.not_for),
            self._facets(item, deadlines), min((schedule.sort_text(d) for d in deadlines), default="~"),
            f"{self._order[item.uid]:04d}",
        )

    @cached_property
    def _order(self) -> dict[str, int]:
        return {item.uid: i for i, item in enumerate(self.index.items)}

    def _facets(self, item: ActionItem, deadlines) -> tuple[tuple[str, str], ...]:
        keys = [k for d in deadlines for k in schedule.page_keys(d)]
        facets = [("lead", " ".join(item.lead)), ("coord", " ".join(item.coordinators)),
                  ("when", " ".join(dict.fromkeys(keys))), ("dkind", " ".join(dict.fromkeys(d.kind for d in deadlines))),
                  ("group", str(item.group or "")), ("kind", item.kind)]
        if item.kind == "procedure":
            facets.append(("level", str(self.plan.procedure_by_number[int(item.key)].level)))
        return tuple(facets)

    def filter_options(self, rows) -> dict:
        """Labels of the values the rows carry, for the filter bar: {facet: {value: label}}."""
        values: dict[str, dict[str, None]] = defaultdict(dict)
        for row in rows:
            for name, joined in row.facets:
                for value in joined.split():
                    values[name][value] = None
        agencies = {a: None for name in ("lead", "coord") for a in values.get(name, {})}
        order = {a.id: i for i, a in enumerate(self.registry.agencies)}
        return {
            "agency": {a: self.registry.by_id[a].name for a in sorted(agencies, key=order.get)},
            "when": {k: schedule.page_title(k) for k in sorted(values.get("when", {}), key=schedule.page_order)},
            "dkind": {k: label for k, label in schedule.KIND_LABELS.items() if k in values.get("dkind", {})},
            "group": {g: self.group_link[int(g)].text for g in sorted(values.get("group", {}))},
            "kind": {k: ITEM_KINDS[k].label for k in ITEM_KINDS if k in values.get("kind", {})},
            "level": {lv: LEVEL_LABELS[int(lv)] for lv in sorted(values.get("level", {}))},
        }

    def text_links(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, page) of every agency name and document citation in a text, first-longest wins.

        The same item text is shown on many pages; it is matched once and remembered.
        """
        if text not in self._text_links:
            spans = [(m.start, m.end, sitemap.agency(m.target)) for m in self.registry.prose_matcher.find(text)]
            spans += [(m.start(), m.end(), sitemap.document(self.documents.by_number[m.group(0)]))
                      for m in self.documents.numbers_in(text) if m.group(0) in self.documents.by_number]
            spans += [(m.start, m.end, sitemap.document(m.target)) for m in self.documents.name_matcher.find(text)]
            kept, last = [], 0
            for start, end, page in sorted(spans):
                if start >= last:  # overlapping names: the first, longest one wins
                    kept.append((start, end, page))
                    last = end
            self._text_links[text] = kept
        return self._text_links[text]

    def document_link(self, document_id: str) -> Link:
        doc = self.plan.document_by_id[document_id]
        return Link(f"{doc.type} {doc.number}" if doc.number else doc.title, sitemap.document(document_id))

    @cached_property
    def group_link(self) -> dict[int, Link]:
        return {g.number: Link(f"({g.number}) {g.text}", sitemap.objective(g.id)) for g in self.plan.objectives.general.groups}

    # ---- deadlines: which items are due on which page

    @cached_property
    def due(self) -> dict[str, list[tuple]]:
        """Page key -> [(deadline, item)] in chronological order."""
        pages = defaultdict(list)
        for item in self.index.items:
            for deadline in item.deadlines:
                for key in schedule.page_keys(deadline):
                    pages[key].append((deadline, item))
        order = {item.uid: i for i, item in enumerate(self.index.items)}
        return {key: sorted(entries, key=lambda e: (schedule.sort_key(e[0]), order[e[1].uid]))
                for key, entries in sorted(pages.items(), key=lambda kv: schedule.page_order(kv[0]))}

    @property
    def deadline_keys(self) -> list[str]:
        return list(self.due)

    # ---- agencies

    def agency_items(self, agency_id: str) -> dict:
        """The items that name an agency directly, reach it through a group, may concern it through an
        open wording ("các đơn vị liên quan"), or only mention it. Each item is in one list at most."""
        return self._items_by_agency.get(agency_id) or {key: [] for key in AGENCY_REACH}

    @cached_property
    def _items_by_agency(self) -> dict[str, dict]:
        # One pass over the items for all agencies: asking item by item for each agency would cost
        # agencies x items, which grows with the square of the plan.
        reached_by = self.registry.group_members
        concerned_by = self.registry.open_group_concerns
        found = defaultdict(lambda: {key: [] for key in AGENCY_REACH})
        for item in self.index.items:
            named = {}
            for role in ("lead", "coordinators"):
                for agency_id in getattr(item, role):
                    named.setdefault(agency_id, []).append(role)
            for agency_id, roles in named.items():
                found[agency_id]["direct"].append((item, roles))
            excluded = {agency_id for agency_id, _ in item.not_for}
            through, possibly = {}, {}  # agency id -> {role: [groups of that role reaching it]}
            for role in ("lead", "coordinators"):
                for group in getattr(item, role):
                    for agency_id in reached_by.get(group, ()):
                        if agency_id not in named and agency_id not in excluded:
                            through.setdefault(agency_id, {}).setdefault(role, []).append(group)
                    for agency_id in concerned_by.get(group, ()):
                        possibly.setdefault(agency_id, []).append(group)
            for agency_id, groups in through.items():
                role = "lead" if "lead" in groups else "coordinators"
                found[agency_id]["via_group"].append((item, role, groups[role]))
            for agency_id, groups in possibly.items():
                if agency_id not in named and agency_id not in through and agency_id not in excluded:
                    found[agency_id]["possibly"].append((item, list(dict.fromkeys(groups))))
            for agency_id in item.mentions:
                if agency_id not in named and agency_id not in through and agency_id not in possibly:
                    found[agency_id]["mentioned"].append(item)
        return dict(found)

    def agency_counts(self, agency_id: str) -> dict:
        found = self.agency_items(agency_id)
        return {
            "lead": sum(1 for _, roles in found["direct"] if "lead" in roles),
            "coordinate": sum(1 for _, roles in found["direct"] if "lead" not in roles),
            "via_group": len(found["via_group"]),
            "mentioned": len(found["mentioned"]),
        }

    def agency_index(self) -> dict:
        kinds = []
        for kind, kind_label in AGENCY_KINDS.items():
            entries = [a for a in self.registry.agencies if a.kind == kind]
            if entries:
                kinds.append({"label": kind_label, "anchor": kind, "agencies": [
                    {"link": self.agency_link(a.id), "counts": self.agency_counts(a.id)} for a in entries]})
        return {"kinds": kinds, "total": len(self.registry.agencies)}

    def agency(self, agency_id: str) -> dict:
        agency = self.registry.by_id[agency_id]
        found = self.agency_items(agency_id)
        identities = self.registry.identities(agency_id)

        def binding(item):  # only the deadlines that bind this agency (IV.2.k: the 22nd is the working group's)
            return [d for d in item.deadlines if schedule.applies_to(d, identities)]

        lead_tasks, coordinate_tasks, procedures, duties, funding = [], [], [], [], []
        for item, roles in found["direct"]:
            role = ROLE_LABELS["lead"] if "lead" in roles else ROLE_LABELS["coordinators"]
            row = self.row(item, role, deadlines=binding(item))
            if item.kind in ("task", "appendix-task"):
                (lead_tasks if "lead" in roles else coordinate_tasks).append(row)
            elif item.kind == "procedure":
                procedures.append(row)
            elif item.kind == "duty":
                duties.append(row)
            else:
                funding.append(row)
        group_rows = [self.row(item, ROLE_LABELS[role], self.agency_links(groups), deadlines=binding(item))
                      for item, role, groups in found["via_group"]]
        possibly_rows = [self.row(item, via=self.agency_links(groups)) for item, groups in found["possibly"]]
        timeline = []
        for item, roles in found["direct"]:
            for deadline in binding(item):
                role = ROLE_LABELS["lead"] if "lead" in roles else ROLE_LABELS["coordinators"]
                timeline.append((schedule.sort_key(deadline), self.row(item, role, deadlines=[deadline])))
        timeline.sort(key=lambda entry: entry[0])
        is_group = agency.kind == "group"
        return {
            "agency": agency,
            "permalink": sitemap.permalink(sitemap.agency(agency_id)),
            "downloads": [Link(d.label, d.path) for d in agency_downloads(self.index, agency_id)],
            "kind_label": AGENCY_KINDS[agency.kind],
            "members": self.agency_links(self.registry.members(agency_id)) if is_group else (),
            "may_concern": self.agency_links(agency.may_concern),
            "groups": self.agency_links(self.registry.groups_reaching(agency_id)),
            "counts": {"lead": len(lead_tasks), "coordinate": len(coordinate_tasks), "procedures": len(procedures),
                       "duties": len(duties), "via_group": len(group_rows), "deadlines": len(timeline)},
            "tables": [t for t in (
                Table("Trách nhiệm theo Phần IV", "trach-nhiem", duties),
                Table("Nhiệm vụ chủ trì", "chu-tri", lead_tasks),
                Table("Nhiệm vụ phối hợp", "phoi-hop", coordinate_tasks),
                Table("Thủ tục hành chính", "thu-tuc", procedures),
                Table("Kinh phí", "kinh-phi", funding),
            ) if t.rows],
            "via_group": Table("Giao cho nhóm có cơ quan này", "qua-nhom", group_rows,
                               "Việc giao cho một cách gọi tập thể (\"các Sở, Ban, ngành, địa phương\", ...) "
                               "mà cơ quan này thuộc về; không nêu tên cơ quan."),
            "possibly": Table("Có thể liên quan", "co-the-lien-quan", possibly_rows,
                              "Việc giao cho một cách gọi mở (\"các đơn vị liên quan\", \"các cơ quan, tổ chức có liên "
                              "quan\", ...). Quyết định không nêu tên cơ quan này và không nói cách gọi đó gồm những ai: "
                              "cơ quan này có thể liên quan, tùy nội dung việc. Không tính là việc chủ trì hay phối hợp."),
            "mentioned": [self.row(item) for item in found["mentioned"]],
            "timeline": [row for _, row in timeline],
        }

    # ---- deadlines

    def deadline_index(self) -> dict:
        years, undated = [], []
        for key, entries in self.due.items():
            entry = {"link": Link(schedule.page_title(key), sitemap.deadline(key)), "count": len(entries), "key": key}
            if key in schedule.UNDATED_KEYS:
                undated.append(entry)
            elif "-" in key:
                years[-1]["months"].append(entry)
            else:
                years.append(dict(entry, months=[]))
        every = [self.row(item, deadlines=[deadline]) for item in self.index.items for deadline in item.deadlines]
        every.sort(key=lambda r: r.sort_due)
        return {"years": years, "undated": undated, "rows": every, "filters": self.filter_options(every),
                "calendar": Link("Lịch (iCalendar) mọi thời hạn", PLAN_CALENDAR),
                "timeline": Link("Tiến độ 2022–2030", sitemap.TIMELINE)}

    def deadline(self, key: str) -> dict:
        undated = schedule.UNDATED_KEYS
        is_month = key not in undated and "-" in key
        keys = [k for k in self.due if k not in undated and ("-" in k) == is_month] if key not in undated else []
        position = keys.index(key) if key in keys else -1
        neighbour = lambda i: Link(schedule.page_title(keys[i]), sitemap.deadline(keys[i])) if 0 <= i < len(keys) else None
        rows = [self.row(item, deadlines=[deadline]) for deadline, item in self.due[key]]
        return {
            "title": schedule.page_title(key),
            "rows": rows,
            "filters": self.filter_options(rows),
            "by_kind": {names.counted: count for kind, names in ITEM_KINDS.items()  # the kinds present, counted
                        if (count := sum(1 for r in rows if r.kind == kind))},
            "previous": neighbour(position - 1) if position >= 0 else None,
            "next": neighbour(position + 1) if position >= 0 else None,
            "year": Link(schedule.page_title(key[:4]), sitemap.deadline(key[:4])) if is_month else None,
        }

    # ---- procedures

    def procedure_index(self) -> dict:
        rows = [self._procedure_row(p) for p in self.plan.procedures.procedures]
        return {"rows": rows, "filters": self.filter_options([r["row"] for r in rows]),
                "downloads": self.table_downloads("thu-tuc")}

    def _procedure_row(self, proc):
        item = self.index.by_uid[f"procedure:{proc.number}"]
        return {"number": proc.number, "link": Link(proc.name, sitemap.procedure(proc.number)),
                "level": LEVEL_LABELS[proc.level], "row": self.row(item)}

    def procedure(self, number: int) -> dict:
        proc = self.plan.procedure_by_number[number]
        item = self.index.by_uid[f"procedure:{number}"]
        joins = [{"text": j.text, "link": Link(self.plan.procedure_by_number[j.procedure].name, sitemap.procedure(j.procedure))
                  if j.procedure else None} for j in proc.joins]
        joined_by = [Link(self.plan.procedure_by_number[n].name, sitemap.procedure(n)) for n in self.index.joined_by(number)]
        duty = self.index.by_uid.get(f"duty:{proc.duty}") if proc.duty else None
        return {
            "procedure": proc, "row": self.row(item), "level": LEVEL_LABELS[proc.level],
            "required_by": [self.row(t) for t in self.index.tasks_requiring(number)],
            "joins": joins, "joined_by": joined_by,
            "duty": self.row(duty) if duty else None,
            "cites": [self.document_link(d) for d in item.cites],
        }

    # ---- tasks

    def task_index(self) -> dict:
        sections = [{"heading": s.heading, "group": self.group_link.get(s.group),
                     "rows": [self.row(self.index.by_uid[f"task:{s.number}.{t.letter}"]) for t in s.tasks]}
                    for s in self.plan.tasks.sections]
        groups = [{"heading": g.heading, "group": self.group_link.get(g.group),
                   "rows": [self.row(self.index.by_uid[f"appendix-task:{t.number}"]) for t in g.tasks]}
                  for g in self.plan.appendix_tasks.groups]
        rows = [r for part in sections + groups for r in part["rows"]]
        return {"sections": sections, "groups": groups, "filters": self.filter_options(rows),
                "downloads": self.table_downloads("nhiem-vu")}

    @cached_property
    def reconciliations(self) -> dict:
        return {r.task_key: r for r in reconcile(self.index)}

    def _differences(self, reconciliation) -> list[dict]:
        out = []
        for diff in reconciliation.differences:
            entry = {"field": FIELD_LABELS[diff.field], "kind": diff.field, "changes": diff.changes}
            if diff.field in ("lead", "coordinators", "named-agencies"):
                entry["body"], entry["appendix"] = self.agency_links(diff.body), self.agency_links(diff.appendix)
            else:
                entry["body"], entry["appendix"] = diff.body, diff.appendix
            out.append(entry)
        return out

    def task(self, uid: str) -> dict:
        item = self.index.by_uid[uid]
        counterpart = self.index.counterpart(item)
        if item.kind == "task":
            ref = self.plan.task_by_key[item.key]
            heading, who_text, deadline_label = ref.section.heading, ref.task.who.text, ref.task.deadline.label
            procedures, key = ref.task.procedures, item.key
        else:
            ref = self.plan.appendix_task_by_number[int(item.key)]
            heading, who_text, deadline_label = ref.group.heading, None, None
            procedures, key = ref.task.procedures, ref.task.restates
        reconciliation = self.reconciliations.get(key) if counterpart else None
        return {
            "row": self.row(item), "full_kind": ITEM_KINDS[item.kind].label,
            "counterpart_kind": ITEM_KINDS[counterpart.kind].label if counterpart else "",
            "heading": heading, "who_text": who_text, "deadline_label": deadline_label,
            "cells": None if item.kind == "task" else {"lead": ref.task.lead.text, "coordinators": ref.task.coordinators.text},
            "group": self.group_link.get(item.group),
            "cites": [self.document_link(d) for d in item.cites],
            "procedures": [Link(f"{n}. {self.plan.procedure_by_number[n].name}", sitemap.procedure(n)) for n in procedures],
            "counterpart": self.row(counterpart) if counterpart else None,
            "differences": self._differences(reconciliation) if reconciliation else [],
        }

    # ---- objectives

    def objective_index(self) -> dict:
        general = self.plan.objectives.general
        return {"general": general, "groups": [
            {"link": self.group_link[g.number], "count": sum(1 for i in self.index.items if i.group == g.number
                                                              and i.kind in ("task", "appendix-task"))}
            for g in general.groups]}

    def objective(self, group_number: int) -> dict:
        objective = next(o for o in self.plan.objectives.specific.objectives if o.group == group_number)
        phases = [{"label": p.label, "years": f"{p.from_year}–{p.to_year}" if p.to_year and p.to_year != p.from_year
                   else (f"{p.from_year}" if p.to_year else f"từ {p.from_year}"), "statements": p.statements}
                  for p in objective.phases]
        rows = [self.row(i) for i in self.index.items if i.group == group_number and i.kind in ("task", "appendix-task")]
        return {"group": self.plan.utility_groups[group_number], "objective": objective, "phases": phases, "rows": rows}

    # ---- documents

    def place(self, ref) -> tuple[str, Link]:
        """Where a text of the plan is shown, and how to cite that place."""
        file, path = ref.file, ref.path
        if file in ("tasks", "appendix_tasks", "procedures", "responsibilities", "funding") and len(path) > 2:
            for item in self.index.items:
                if item.file == file and path[: len(item.path)] == item.path:
                    return f"{ITEM_KINDS[item.kind].label} {sitemap.item_label(item)}", self.item_link(item)
        if file == "objectives" and path[:2] == ("specific", "objectives"):
            objective = self.plan.objectives.specific.objectives[path[2]]
            return f"Mục tiêu cụ thể {objective.letter})", self.group_link[objective.group]
        if file == "documents":
            return "Văn bản liên quan", Link("Văn bản liên quan", sitemap.DOCUMENT_INDEX, "lien-quan")
        labels = {"decision": ("Phần mở đầu của Quyết định", "quyet-dinh"), "objectives": ("Mục tiêu tổng quát", "i-1"),
                  "requirements": ("Yêu cầu", "i-3"), "responsibilities": ("Tổ chức thực hiện", "iv"),
                  "procedures": ("Phụ lục I", "phu-luc-i"), "appendix_tasks": ("Phụ lục II", "phu-luc-ii")}
        label, anchor = labels[file]
        return label, Link(label, sitemap.FULL_TEXT, anchor)

    @cached_property
    def citations(self) -> dict[str, list[Place]]:
        places = defaultdict(list)
        for ref in iter_texts(self.plan):
            for doc in self.documents.cited(ref.text):
                label, target = self.place(ref)
                if not any(p.target == target for p in places[doc]):
                    places[doc].append(Place(label, target, ref.text))
        return places

    def _places(self, document_id: str) -> list[Place]:
        """Places in the decision's own text; the related-documents list is shown apart."""
        return [p for p in self.citations.get(document_id, []) if p.target.page != sitemap.DOCUMENT_INDEX]

    def document_index(self) -> dict:
        cited, pending, related_only = [], [], []
        for doc in self.plan.documents.documents:
            entry = {"link": self.document_link(doc.id), "title": doc.title, "count": len(self._places(doc.id))}
            if doc.status == "pending":
                pending.append(entry)
            elif entry["count"]:
                cited.append(entry)
            else:
                related_only.append(entry)
        related = [{"number": e.number, "text": e.text, "link": self.document_link(e.document)} for e in self.plan.documents.related]
        return {"cited": cited, "pending": pending, "related_only": related_only, "related": related}

    def document(self, document_id: str) -> dict:
        doc = self.plan.document_by_id[document_id]
        related_at = [e.number for e in self.plan.documents.related if e.document == document_id]
        return {"document": doc, "places": self._places(document_id), "related_at": related_at}

    # ---- reconciliation and home

    def reconciliation(self) -> dict:
        entries = []
        for key, rec in self.reconciliations.items():
            body = self.index.by_uid[f"task:{key}"]
            appendix = self.index.by_uid[f"appendix-task:{rec.appendix_number}"]
            entries.append({"body": self.row(body), "appendix": self.row(appendix), "differences": self._differences(rec),
                            "anchor": sitemap.anchor("ii", key)})
        # Items whose roles or wording editors flag (errata, roles read from another part, oddities kept as written).
        flagged = [self.row(item) for item in self.index.items if item.note or item.roles_note or item.not_for]
        return {"entries": entries, "with_differences": sum(1 for e in entries if e["differences"]), "flagged": flagged}

    @staticmethod
    def table_downloads(table: str) -> list[Link]:
        return [Link("CSV", table_csv(table)), Link("Excel (cả ba bảng)", PLAN_WORKBOOK)]

    def duty_index(self) -> dict:
        sections = [{"heading": s.heading, "rows": [self.row(self.index.by_uid[f"duty:{r.key}"])
                                                    for r in self.plan.duty_refs if r.section is s]}
                    for s in self.plan.responsibilities.sections]
        rows = [r for section in sections for r in section["rows"]]
        return {"sections": sections, "filters": self.filter_options(rows), "count": len(rows),
                "downloads": self.table_downloads("trach-nhiem")}

    def downloads(self) -> dict:
        return {
            "plan": [Link(d.label, d.path) for d in plan_downloads(self.index)],
            "agencies": [{"link": self.agency_link(a.id), "files": [Link(d.label, d.path) for d in
                                                                   agency_downloads(self.index, a.id)]}
                         for a in self.registry.agencies],
        }

    def home(self) -> dict:
        plan = self.plan
        bodies = [a for a in self.registry.agencies if a.kind != "group"]
        entry_points = [(Link(label, page), description) for label, page, description in sitemap.SECTIONS]
        pickers = [{"label": label, "agencies": self.agency_links(a.id for a in bodies if a.kind == kind)}
                   for kind, label in AGENCY_KINDS.items() if kind not in ("group", "national")]
        return {
            "decision": plan.decision,
            "pickers": [p for p in pickers if p["agencies"]],
            "links": [{"link": link, "description": text} for link, text in entry_points],
            "counts": {
                "agencies": len(bodies), "groups": len(self.registry.agencies) - len(bodies),
                "tasks": len(plan.task_refs), "appendix_tasks": len(plan.appendix_task_refs),
                "procedures": len(plan.procedures.procedures), "duties": len(plan.duty_refs),
                "documents": len(plan.documents.documents), "deadline_pages": len(self.due),
                "differences": sum(1 for r in self.reconciliations.values() if r.differences),
            },
        }
