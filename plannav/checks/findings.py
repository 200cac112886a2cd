"""What the checks find: problems at the line of a path in a plan file."""

from plannav.plan import Plan
from plannav.problems import Problem


class Findings:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.problems: list[Problem] = []

    def add(self, file: str, path, message: str, hint: str, code: str) -> None:
        self.problems.append(self.plan.sources[file].problem(tuple(path), message, hint, code))

    def known(self, agency_id: str) -> bool:
        """Whether an agency id is in the registry; an unknown one is reported once, by references."""
        return agency_id in self.plan.registry.by_id
