"""Every actionable item of the plan in one shape: tasks, Appendix II tasks, procedures,
Part IV duties and funding items, each with its agencies by role, deadlines, utility group,
and the documents and agencies its wording names.
"""

from dataclasses import dataclass, field
from functools import cached_property

from plannav.identity import Identity, identity
from plannav.plan import Plan
from plannav.planwalk import Node, item_deadlines, item_roles, walk


@dataclass(frozen=True)
class KindNames:
    """How the site names one kind of item."""

    label: str  # on its own: "Thủ tục hành chính (Phụ lục I)"
    short: str  # in a table cell, beside the item's reference (PL I-15), which says where it is: "Thủ tục"
    counted: str  # after a number: "11 thủ tục hành chính (Phụ lục I)"


ITEM_KINDS = {
    "task": KindNames("Nhiệm vụ (Phần II)", "Nhiệm vụ", "nhiệm vụ (Phần II)"),
    "appendix-task": KindNames("Nhiệm vụ (Phụ lục II)", "Nhiệm vụ", "nhiệm vụ (Phụ lục II)"),
    "procedure": KindNames("Thủ tục hành chính (Phụ lục I)", "Thủ tục", "thủ tục hành chính (Phụ lục I)"),
    "duty": KindNames("Trách nhiệm (Phần IV)", "Trách nhiệm", "trách nhiệm (Phần IV)"),
    "funding": KindNames("Kinh phí (Phần III)", "Kinh phí", "khoản kinh phí (Phần III)"),
}


@dataclass(frozen=True)
class ActionItem:
    kind: str  # one of ITEM_KINDS
    key: str  # "2.đ", "15", "1.d", ...
    text: str
    lead: tuple[str, ...]
    coordinators: tuple[str, ...]
    deadlines: tuple  # models.Deadline instances
    group: int | None
    file: str
    path: tuple
    cites: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()  # agencies the wording names, whatever their role
    note: str = ""  # the editors' note beside the wording, never the decision's words
    roles_note: str = ""  # where the roles come from, when the reading rules alone do not give them
    lead_unstated: bool = False  # the decision names no lead: `lead` is empty on purpose
    not_for: tuple[tuple[str, str], ...] = ()  # (agency, reason): reached through a group, yet not bound

    @property
    def uid(self) -> str:
        return f"{self.kind}:{self.key}"


def _utility_group(node: Node) -> int | None:
    """A task's section's or an Appendix II task's group's; every procedure serves group 1; duties and
    funding items serve none."""
    if node.kind in ("task", "appendix-task"):
        return node.within.group
    return 1 if node.kind == "procedure" else None


@dataclass
class AgencyReach:
    """How the items reach one agency, each item in one list at most: named in its roles; through a
    group that lists the agency as a member; through an open wording that may concern it ("các đơn vị
    liên quan"); or only named in the text."""

    direct: list = field(default_factory=list)  # (item, roles the agency has: "lead", "coordinators")
    via_group: list = field(default_factory=list)  # (item, role, groups of that role that reach it)
    possibly: list = field(default_factory=list)  # (item, open groups)
    mentioned: list = field(default_factory=list)  # items


class ItemIndex:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.registry = plan.registry
        self.documents = plan.document_index

    @cached_property
    def items(self) -> list[ActionItem]:
        """Every item: Part II tasks, Appendix II tasks, Appendix I procedures, Part IV duties, Part III
        funding items, the kinds in the order of ITEM_KINDS and each kind's items in the decision's order."""
        rank = {kind: i for i, kind in enumerate(ITEM_KINDS)}
        nodes = sorted((node for node in walk(self.plan) if node.kind in rank), key=lambda node: rank[node.kind])
        return [self._make(node) for node in nodes]

    def _make(self, node: Node) -> ActionItem:
        source = node.value
        text = source.name if node.kind == "procedure" else source.text
        # A task's `who:` wording is read with its text for the documents and agencies it names.
        wording = f"{text} {source.who.text} {source.who.with_text or ''}" if node.kind == "task" else text
        roles = item_roles(node)
        return ActionItem(
            kind=node.kind,
            key=node.key,
            text=text,
            lead=tuple(roles["lead"].ids),
            coordinators=tuple(roles["coordinators"].ids),
            deadlines=tuple(deadline for _, deadline in item_deadlines(node)),
            group=_utility_group(node),
            file=node.file,
            path=node.path,
            cites=tuple(self.documents.cited(wording)),
            mentions=tuple(self.registry.prose_matcher.targets(wording)),
            note=source.note or "",
            roles_note=getattr(source, "roles_note", None) or "",
            lead_unstated=getattr(source, "lead_unstated", False),
            not_for=tuple((x.agency, x.reason) for x in getattr(source, "not_for", ())),
        )

    @cached_property
    def identity(self) -> Identity:
        """What the site calls the decision: its number, date, province, years."""
        return identity(self.plan)

    @cached_property
    def by_uid(self) -> dict[str, ActionItem]:
        return {item.uid: item for item in self.items}

    @cached_property
    def order(self) -> dict[str, int]:
        """Each item's position in the decision's order (uid -> 0, 1, …): for sorting by it."""
        return {item.uid: i for i, item in enumerate(self.items)}

    def counterpart(self, item: ActionItem) -> ActionItem | None:
        """The other statement of the same task: Part II <-> Appendix II."""
        if item.kind == "appendix-task":
            key = self.plan.appendix_task_by_number[int(item.key)].task.restates
            return self.by_uid.get(f"task:{key}") if key else None
        if item.kind == "task":
            for ref in self.plan.appendix_task_refs:
                if ref.task.restates == item.key:
                    return self.by_uid[f"appendix-task:{ref.number}"]
        return None

    def tasks_requiring(self, procedure_number: int) -> list[ActionItem]:
        """Tasks that cover an Appendix I procedure (Part II 2.đ and its Appendix II row)."""
        p = self.plan
        found = [self.by_uid[f"task:{r.key}"] for r in p.task_refs if procedure_number in r.task.procedures]
        found += [
            self.by_uid[f"appendix-task:{r.number}"] for r in p.appendix_task_refs if procedure_number in r.task.procedures
        ]
        return found

    def joined_by(self, procedure_number: int) -> list[int]:
        """The 'liên thông' procedures that join this one."""
        return [p.number for p in self.plan.procedures.procedures if any(j.procedure == procedure_number for j in p.joins)]

    def reach(self, agency_id: str) -> AgencyReach:
        """What the decision gives a body; for a body that carries others' work (plan/successors.yaml), what
        it gives the body itself and the bodies whose work it carries, all of it."""
        if agency_id in self.registry.predecessors:
            return self._inherited(agency_id)
        return self._reach.get(agency_id) or AgencyReach()

    def _inherited(self, heir: str) -> AgencyReach:
        order = self.order
        direct: dict[str, tuple] = {}
        via_group: dict[str, tuple] = {}
        possibly: dict[str, tuple] = {}
        mentioned: dict[str, ActionItem] = {}
        for predecessor in (heir, *self.registry.predecessors[heir]):  # its own work too, where it had any
            found = self._reach.get(predecessor) or AgencyReach()
            for item, roles in found.direct:
                before = direct.get(item.uid, (item, []))[1]
                direct[item.uid] = (item, [r for r in ("lead", "coordinators") if r in roles or r in before])
            for item, role, groups in found.via_group:
                via_group.setdefault(item.uid, (item, role, groups))
            for item, groups in found.possibly:
                possibly.setdefault(item.uid, (item, groups))
            for item in found.mentioned:
                mentioned.setdefault(item.uid, item)
        in_order = lambda found: [found[uid] for uid in sorted(found, key=order.get)]  # noqa: E731
        named = set(direct)
        return AgencyReach(
            direct=in_order(direct),
            via_group=[row for row in in_order(via_group) if row[0].uid not in named],
            possibly=[row for row in in_order(possibly) if row[0].uid not in named and row[0].uid not in via_group],
            mentioned=[item for item in in_order(mentioned) if item.uid not in named | set(via_group) | set(possibly)],
        )

    @cached_property
    def _reach(self) -> dict[str, AgencyReach]:
        # One pass over the items for all agencies: asking item by item for each agency would cost
        # agencies x items, which grows with the square of the plan.
        reached_by = self.registry.group_members
        concerned_by = self.registry.open_group_concerns
        found: dict[str, AgencyReach] = {}
        for item in self.items:
            named = {}
            for role in ("lead", "coordinators"):
                for agency_id in getattr(item, role):
                    named.setdefault(agency_id, []).append(role)
            for agency_id, roles in named.items():
                found.setdefault(agency_id, AgencyReach()).direct.append((item, roles))
            excluded = {agency_id for agency_id, _ in item.not_for}
            through, possibly = {}, {}  # agency id -> {role: [groups of that role reaching it]}; -> [open groups]
            for role in ("lead", "coordinators"):
                for group in getattr(item, role):
                    for agency_id in reached_by.get(group, ()):
                        if agency_id not in named and agency_id not in excluded:
                            through.setdefault(agency_id, {}).setdefault(role, []).append(group)
                    for agency_id in concerned_by.get(group, ()):
                        possibly.setdefault(agency_id, []).append(group)
            for agency_id, groups in through.items():
                role = "lead" if "lead" in groups else "coordinators"
                found.setdefault(agency_id, AgencyReach()).via_group.append((item, role, groups[role]))
            for agency_id, groups in possibly.items():
                if agency_id not in named and agency_id not in through and agency_id not in excluded:
                    found.setdefault(agency_id, AgencyReach()).possibly.append((item, list(dict.fromkeys(groups))))
            for agency_id in item.mentions:
                if agency_id not in named and agency_id not in through and agency_id not in possibly:
                    found.setdefault(agency_id, AgencyReach()).mentioned.append(item)
        return found
