"""The objective pages: the general objective and its five utility groups, each group's phases and tasks."""

from dataclasses import dataclass

from plannav.models import GeneralObjective, Objective, UtilityGroup
from plannav.views.rows import ItemRow
from plannav.views.siteviews import Link, SiteViews

_TASK_KINDS = ("task", "appendix-task")


@dataclass(frozen=True)
class GroupEntry:
    link: Link
    count: int  # tasks of Part II and Appendix II in the group


@dataclass(frozen=True)
class ObjectiveIndexPage:
    general: GeneralObjective
    groups: tuple[GroupEntry, ...]


@dataclass(frozen=True)
class Phase:
    label: str  # as written: "Năm 2022", "Giai đoạn 2023 - 2025"
    years: str  # "2023–2025", "2022", "từ 2026"
    statements: tuple[str, ...]


@dataclass(frozen=True)
class ObjectivePage:
    group: UtilityGroup
    objective: Objective
    phases: tuple[Phase, ...]
    rows: tuple[ItemRow, ...]


def _years(phase) -> str:
    if phase.to_year and phase.to_year != phase.from_year:
        return f"{phase.from_year}–{phase.to_year}"
    return f"{phase.from_year}" if phase.to_year else f"từ {phase.from_year}"


def objective_index(views: SiteViews) -> ObjectiveIndexPage:
    general = views.plan.objectives.general
    return ObjectiveIndexPage(
        general,
        tuple(
            GroupEntry(
                views.group_link[g.number],
                sum(1 for i in views.index.items if i.group == g.number and i.kind in _TASK_KINDS),
            )
            for g in general.groups
        ),
    )


def objective(views: SiteViews, group_number: int) -> ObjectivePage:
    plan = views.plan
    objective = next(o for o in plan.objectives.specific.objectives if o.group == group_number)
    phases = tuple(Phase(p.label, _years(p), tuple(p.statements)) for p in objective.phases)
    rows = tuple(views.row(i) for i in views.index.items if i.group == group_number and i.kind in _TASK_KINDS)
    return ObjectivePage(plan.utility_groups[group_number], objective, phases, rows)
