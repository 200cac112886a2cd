"""Who reports on what: the bodies an item binds, by name or through a group that lists its members.

IV.2.k has every department and district report on the 18th; what the plan gives a collective wording
("các Sở, Ban, ngành") is each member's to report on. Open wordings ("các đơn vị liên quan") bind no
one by name, national bodies report elsewhere, and a recipient excluded by `not_for` reports nothing.
"""

from functools import cached_property

from plannav import schedule
from plannav.items import ActionItem, ItemIndex

# Bodies of the province (and enterprises it names) report to it; ministries and groups do not.
REPORTING_KINDS = {"provincial-leadership", "provincial-agency", "central-in-province", "local-government", "enterprise"}


class Reporters:
    def __init__(self, index: ItemIndex):
        self.index = index
        self._lines: dict[tuple[str, str], frozenset[str]] = {}  # line_of, per (body, item)

    @cached_property
    def by_item(self) -> dict[str, tuple[str, ...]]:
        """Item uid -> the bodies that report on it, in registry order: those it binds, and the bodies
        formed since that carry their work (plan/successors.yaml), for the months they exist."""
        registry, order = self.index.registry, {a.id: i for i, a in enumerate(self.index.registry.agencies)}
        out = {}
        for item in self.index.items:
            bodies = registry.bodies((*item.lead, *item.coordinators)) - {agency for agency, _ in item.not_for}
            bodies |= {heir for body in bodies for heir in registry.heirs.get(body, ())}
            out[item.uid] = tuple(sorted((b for b in bodies if registry.by_id[b].kind in REPORTING_KINDS), key=order.get))
        return out

    def line_of(self, agency_id: str, uid: str) -> frozenset[str]:
        """The bodies of the agency's line of work (plan/successors.yaml) that report on the item, and the
        agency itself: what it reports on the item stands for them all. Worked out once per build."""
        key = (agency_id, uid)
        if key not in self._lines:
            family = self.index.registry.family(agency_id)
            self._lines[key] = frozenset(family.intersection(self.by_item.get(uid, ())) | {agency_id})
        return self._lines[key]

    @cached_property
    def by_agency(self) -> dict[str, tuple[str, ...]]:
        """Agency id -> the uids of the items it reports on, in the decision's order."""
        out: dict[str, list[str]] = {}
        for item in self.index.items:
            for agency_id in self.by_item[item.uid]:
                out.setdefault(agency_id, []).append(item.uid)
        return {agency: tuple(uids) for agency, uids in out.items()}

    @cached_property
    def report_days(self) -> dict[str, int]:
        """Each agency with a monthly report to send: the day of the month it reports by (IV.2.k's 18th)."""
        out = {}
        for agency_id, uids in self.by_agency.items():
            identities = self.index.registry.identities(agency_id)
            days = [
                day
                for uid in uids
                for d in self.index.by_uid[uid].deadlines
                if (day := schedule.monthly_day(d)) and schedule.applies_to(d, identities)
            ]
            if days:
                out[agency_id] = min(days)
        return out

    def leads(self, item: ActionItem) -> tuple[str, ...]:
        """The reporters whose statuses make the item's overall status: its leads (through groups too), or
        all its reporters where the decision names no lead."""
        leads = self.index.registry.bodies(item.lead)
        counted = [a for a in self.by_item[item.uid] if a in leads]
        return tuple(counted) or self.by_item[item.uid]
