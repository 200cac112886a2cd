"""The agency registry: matching wordings to agencies, and expanding groups to their members."""

from functools import cached_property

from plannav.matching import PhraseMatcher
from plannav.models import AgenciesFile, Agency


class AgencyRegistry:
    def __init__(self, agencies: AgenciesFile):
        self.agencies = agencies.agencies
        self.by_id: dict[str, Agency] = {a.id: a for a in self.agencies}

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
        """The body and every collective wording that names it: what a deadline's `applies_to` may say."""
        return {agency_id, *self.groups_reaching(agency_id)}

    def names(self, ids) -> str:
        """Agencies' names as a list staff read: "Công an tỉnh; Sở Tư pháp"."""
        return "; ".join(self.by_id[a].name for a in ids)
