"""The files of actionable items: tasks.yaml (Part II), funding.yaml (Part III), responsibilities.yaml
(Part IV), procedures.yaml (Appendix I) and appendix_tasks.yaml (Appendix II)."""

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from plannav.models.base import AgencyId, DutyKey, GroupNumber, Heading, Letter, Model, TaskKey, Text, whole_number
from plannav.models.deadlines import Deadline


class Who(Model):
    """A 'Cơ quan thực hiện' wording and the agencies it names, by role."""

    text: Text
    lead: list[AgencyId]
    coordinators: list[AgencyId] = Field(default_factory=list)


class Task(Model):
    letter: Letter
    text: Text
    who: Who
    deadline: Deadline
    procedures: list[int] = Field(default_factory=list, description="Appendix I procedures (TT) this task covers")
    note: Text | None = None


class TaskSection(Model):
    number: int
    heading: Heading
    group: GroupNumber | None
    note: Text | None = None
    tasks: Annotated[list[Task], Field(min_length=1)]


class TasksFile(Model):
    part: Heading
    sections: Annotated[list[TaskSection], Field(min_length=1)]


# ---- funding.yaml (Part III) and responsibilities.yaml (Part IV)


class FundingItem(Model):
    number: int
    text: Text
    lead: list[AgencyId]
    coordinators: list[AgencyId] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    note: Text | None = None


class FundingFile(Model):
    part: Heading
    items: Annotated[list[FundingItem], Field(min_length=1)]


class Exclusion(Model):
    """A body a collective wording would reach but the item does not bind, and why."""

    agency: AgencyId
    reason: Text


class Duty(Model):
    letter: Letter | None = Field(None, description="absent for a section of a single paragraph")
    text: Text
    lead: list[AgencyId]
    lead_unstated: bool = Field(False, description="the decision names no lead for this duty; `lead` stays empty")
    coordinators: list[AgencyId] = Field(default_factory=list)
    not_for: list[Exclusion] = Field(default_factory=list, description="members of a group in the roles it does not bind")
    deadlines: list[Deadline] = Field(default_factory=list)
    roles_note: Text | None = Field(
        None, description="the basis of the roles where the reading rules alone do not give them"
    )
    note: Text | None = None


class DutySection(Model):
    number: int
    heading: Heading
    agencies: Annotated[list[AgencyId], Field(min_length=1)]
    duties: Annotated[list[Duty], Field(min_length=1)]


class ResponsibilitiesFile(Model):
    part: Heading
    sections: Annotated[list[DutySection], Field(min_length=1)]
    closing: Text


# ---- procedures.yaml (Appendix I) and appendix_tasks.yaml (Appendix II)


class Cell(Model):
    """A table cell naming agencies: its wording and the agencies it resolves to."""

    text: str
    agencies: list[AgencyId]


class Join(Model):
    text: Text
    procedure: int | None = Field(None, description="TT in Appendix I, when the joined procedure is listed there")


class Procedure(Model):
    number: int
    name: Text
    level: Annotated[Literal[3, 4], BeforeValidator(whole_number)]
    lead: Cell
    coordinators: Cell
    deadline: Deadline
    joins: list[Join] = Field(default_factory=list)
    duty: DutyKey | None = None
    note: Text | None = None


class ProceduresFile(Model):
    label: Heading
    title: Text
    subtitle: Text
    columns: list[Text]
    procedures: Annotated[list[Procedure], Field(min_length=1)]


class AppendixTask(Model):
    number: int
    tt: Text
    text: Text
    lead: Cell
    coordinators: Cell
    deadline: Deadline
    restates: TaskKey | None = Field(None, description="the Part II task this row restates, as 'section.letter'")
    procedures: list[int] = Field(default_factory=list)
    note: Text | None = None


class AppendixGroup(Model):
    heading: Heading
    group: GroupNumber | None
    note: Text | None = None
    tasks: Annotated[list[AppendixTask], Field(min_length=1)]


class AppendixTasksFile(Model):
    label: Heading
    title: Text
    subtitle: Text
    columns: list[Text]
    groups: Annotated[list[AppendixGroup], Field(min_length=1)]
