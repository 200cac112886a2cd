"""The loaded plan: every file's model, plus lookups by the keys the files use to refer to each other."""

from dataclasses import dataclass, field
from functools import cached_property

from plannav import models as m
from plannav.documents import DocumentIndex
from plannav.registry import AgencyRegistry
from plannav.yamlsource import SourceFile


@dataclass(frozen=True)
class TaskRef:
    """A Part II task with its place: key '2.đ', section and path in tasks.yaml."""

    key: str
    section: m.TaskSection
    task: m.Task
    path: tuple


@dataclass(frozen=True)
class AppendixTaskRef:
    number: int
    group: m.AppendixGroup
    task: m.AppendixTask
    path: tuple


@dataclass(frozen=True)
class DutyRef:
    """A Part IV duty: key '1.d', or '4' for a single-paragraph section."""

    key: str
    section: m.DutySection
    duty: m.Duty
    path: tuple


@dataclass
class Plan:
    decision: m.DecisionFile
    objectives: m.ObjectivesFile
    requirements: m.RequirementsFile
    tasks: m.TasksFile
    funding: m.FundingFile
    responsibilities: m.ResponsibilitiesFile
    procedures: m.ProceduresFile
    appendix_tasks: m.AppendixTasksFile
    agencies: m.AgenciesFile
    documents: m.DocumentsFile
    abbreviations: m.AbbreviationsFile
    successors: m.SuccessorsFile
    review: m.ReviewFile | None = None  # a drafted plan's notes still to review (make draft-plan)
    sources: dict[str, SourceFile] = field(default_factory=dict, repr=False)

    @cached_property
    def registry(self) -> AgencyRegistry:
        """The agency registry, made once per plan (the checks and the items both use it)."""
        return AgencyRegistry(self.agencies, self.successors)

    @cached_property
    def document_index(self) -> DocumentIndex:
        """Documents by number and by name, made once per plan."""
        return DocumentIndex(self.documents)

    @cached_property
    def task_refs(self) -> list[TaskRef]:
        return [
            TaskRef(t.number or f"{s.number}.{t.letter}", s, t, ("sections", si, "tasks", ti))
            for si, s in enumerate(self.tasks.sections)
            for ti, t in enumerate(s.tasks)
        ]

    @cached_property
    def task_by_key(self) -> dict[str, TaskRef]:
        return {r.key: r for r in self.task_refs}

    @cached_property
    def appendix_task_refs(self) -> list[AppendixTaskRef]:
        return [
            AppendixTaskRef(t.number, g, t, ("groups", gi, "tasks", ti))
            for gi, g in enumerate(self.appendix_tasks.groups)
            for ti, t in enumerate(g.tasks)
        ]

    @cached_property
    def appendix_task_by_number(self) -> dict[int, AppendixTaskRef]:
        return {r.number: r for r in self.appendix_task_refs}

    @cached_property
    def procedure_by_number(self) -> dict[int, m.Procedure]:
        return {p.number: p for p in self.procedures.procedures}

    @cached_property
    def duty_refs(self) -> list[DutyRef]:
        return [
            DutyRef(f"{s.number}.{d.letter}" if d.letter else str(s.number), s, d, ("sections", si, "duties", di))
            for si, s in enumerate(self.responsibilities.sections)
            for di, d in enumerate(s.duties)
        ]

    @cached_property
    def duty_by_key(self) -> dict[str, DutyRef]:
        return {r.key: r for r in self.duty_refs}

    @cached_property
    def latest_date(self) -> str:
        """The day of the latest dated fact the plan files hold (YYYY-MM-DD): the decision's, or a later
        body's, succession's or document's (successors.yaml)."""
        later = self.successors
        # A list, not arguments: with no successions, max of one string would be its greatest character.
        return max(
            [
                self.decision.header.date,
                *(b.since for b in later.bodies),
                *(s.since for s in later.successions),
                *(d.date for d in later.documents if d.date),
            ]
        )

    @cached_property
    def document_by_id(self) -> dict[str, m.Document]:
        """Every document: those of the decision's world, and those issued after it (successors.yaml)."""
        return {d.id: d for d in (*self.documents.documents, *self.successors.documents)}

    @cached_property
    def utility_groups(self) -> dict[int, m.UtilityGroup]:
        return {g.number: g for g in self.objectives.general.groups}
