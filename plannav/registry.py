"""The agency registry: matching wordings to agencies, and expanding groups to their members."""

from collections.abc import Iterable, Mapping
from functools import cached_property

from plannav.matching import PhraseMatcher
from plannav.models import AgenciesFile, Agency, SuccessorsFile


def reachable(start: Iterable[str], edges: Mapping[str, Iterable[str]]) -> set[str]:
    """Every node reached from `start` along `edges` (node -> the nodes it leads to), `start` included;
    ends on a circle too (checks.successions.no_cycles refuses one)."""
    seen, stack = set(), list(start)
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(edges.get(current, ()))
    return seen


class AgencyRegistry:
    def __init__(self, agencies: AgenciesFile, successors: SuccessorsFile | None = None):
        # The bodies the decision names, then those formed since (successors.yaml), which it never names.
        self.named = agencies.agencies
        self.formed = successors.bodies if successors else []
        self.agencies = [*self.named, *self.formed]
        self.by_id: dict[str, Agency] = {a.id: a for a in self.agencies}
        self.successions = successors.successions if successors else []

    @cached_property
    def prose_matcher(self) -> PhraseMatcher:
        """Wordings that name a body anywhere in running text."""
        return PhraseMatcher({w: a.id for a in self.agencies for w in a.wordings})

    @cached_property
    def who_matcher(self) -> PhraseMatcher:
        """Wordings allowed in 'who' fields, including bare ones such as 'địa phương'."""
        return PhraseMatcher({w: a.id for a in self.agencies for w in (*a.wordings, *a.bare_wordings)})

    def matcher(self, who: bool) -> PhraseMatcher:
        return self.who_matcher if who else self.prose_matcher

    def members(self, agency_id: str) -> list[str]:
        """Every non-group body a group reaches, through nested groups; [] for a body."""
        seen, out, stack = {agency_id}, [], list(reversed(self.by_id[agency_id].members))
        while stack:
            current = stack.pop()
            if current in seen or current not in self.by_id:
                continue
            seen.add(current)
            agency = self.by_id[current]
            if agency.kind == "group":
                stack.extend(reversed(agency.members))
            else:
                out.append(current)
        return out

    @cached_property
    def group_members(self) -> dict[str, set[str]]:
        """Each group's bodies, through nested groups, worked out once. An open group has none."""
        return {a.id: set(self.members(a.id)) for a in self.agencies if a.kind == "group"}

    def groups_reaching(self, agency_id: str) -> list[str]:
        """The groups whose members include this body, directly or through nested groups."""
        return [group for group, members in self.group_members.items() if agency_id in members]

    @cached_property
    def open_group_concerns(self) -> dict[str, set[str]]:
        """Each open group's bodies that it may concern ("các đơn vị liên quan" may mean a Sở), never members."""
        out = {}
        for agency in self.agencies:
            if agency.open:
                out[agency.id] = self.bodies(agency.may_concern)
        return out

    def bodies(self, ids) -> set[str]:
        """The bodies that agency ids stand for: a group's members, or the body itself."""
        out = set()
        for agency_id in ids:
            out |= self.group_members.get(agency_id, set()) or {agency_id}
        return out

    def identities(self, agency_id: str) -> set[str]:
        """The body and every collective wording that names it: what a deadline's `applies_to` may say.
        A body formed since the decision goes by its predecessors' too: their deadlines bind it."""
        out = {agency_id, *self.groups_reaching(agency_id)}
        for predecessor in self.predecessors.get(agency_id, ()):
            out |= {predecessor, *self.groups_reaching(predecessor)}
        return out

    @cached_property
    def predecessors(self) -> dict[str, tuple[str, ...]]:
        """Each heir of a succession: every body whose work it carries, directly or down a chain (whatever
        the date: the successions say from when), in the registry's order."""
        direct: dict[str, set[str]] = {}
        for succession in self.successions:
            for heir in succession.by:
                direct.setdefault(heir.id, set()).add(succession.of)
        order = {a.id: i for i, a in enumerate(self.agencies)}
        return {
            heir: tuple(sorted(reachable(direct[heir], direct) - {heir}, key=lambda a: order.get(a, len(order))))
            for heir in direct
        }

    def stands_for(self, agency_id: str) -> set[str]:
        """The body and those whose work it carries: the ids an item names it by."""
        return {agency_id, *self.predecessors.get(agency_id, ())}

    @cached_property
    def heirs(self) -> dict[str, set[str]]:
        """Each body whose work passes on: every body that carries it, directly or down a chain."""
        out: dict[str, set[str]] = {}
        for heir, predecessors in self.predecessors.items():
            for predecessor in predecessors:
                out.setdefault(predecessor, set()).add(heir)
        return out

    @cached_property
    def passed_on(self) -> dict[str, str]:
        """Each body whose work passed on: the first day it did."""
        out: dict[str, str] = {}
        for s in self.successions:
            out[s.of] = min(out.get(s.of, s.since), s.since)
        return out

    def family(self, agency_id: str) -> set[str]:
        """The body, the bodies whose work it carries and those that carry its work: one line of work."""
        return {*self.stands_for(agency_id), *self.heirs.get(agency_id, ())}

    def formed_on(self, agency_id: str) -> str | None:
        """The day a body formed since the decision was formed (YYYY-MM-DD); None for the decision's own."""
        return self._formed.get(agency_id)

    @cached_property
    def _formed(self) -> dict[str, str]:
        # Asked for every row of every page: a model without the field answers getattr through an exception.
        return {a.id: since for a in self.agencies if (since := getattr(a, "since", None))}

    def absent_in(self, agency_id: str, period: str) -> tuple[str, str] | None:
        """Why the body could not report on a month (YYYY-MM): ("formed", day) when it was formed after
        the month, ("succeeded", day) when its work had passed on by the month's first day; None if it
        was there."""
        since = self.formed_on(agency_id)
        if since and since[:7] > period:
            return "formed", since
        passed = self.passed_on.get(agency_id)
        return ("succeeded", passed) if passed and passed <= f"{period}-01" else None

    def exists_on(self, agency_id: str, day: str) -> bool:
        """Whether the body is there on a day (YYYY-MM-DD): formed by then, and its work not passed on."""
        since = self.formed_on(agency_id)
        if since and since > day:
            return False
        passed = self.passed_on.get(agency_id)
        return not (passed and passed <= day)

    def names(self, ids) -> str:
        """Agencies' names as a list staff read: "Công an tỉnh; Sở Tư pháp"."""
        return "; ".join(self.by_id[a].name for a in ids)
