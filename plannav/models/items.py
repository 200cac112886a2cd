"""The files of actionable items: tasks.yaml (Part II), funding.yaml (Part III), responsibilities.yaml
(Part IV), procedures.yaml (Appendix I) and appendix_tasks.yaml (Appendix II)."""

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from plannav.models.base import (
    AgencyId,
    DutyKey,
    GroupNumber,
    Heading,
    Letter,
    Model,
    PlanValueError,
    TaskKey,
    TaskNumber,
    Text,
    whole_number,
)
from plannav.models.deadlines import Deadline


class Who(Model):
    """A 'Cơ quan thực hiện' wording and the agencies it names, by role; or, where the decision writes who
    leads and who coordinates on lines of their own ("Đơn vị chủ trì:", "Đơn vị phối hợp:"), both lines."""

    text: Text = Field(description="the wording after 'Cơ quan thực hiện:', or after the lead's own label")
    label: Text | None = Field(None, description="the lead line's label where it is written apart: 'Đơn vị chủ trì'")
    with_text: Text | None = Field(None, description="the coordinators' line's wording, where it is written apart")
    with_label: Text | None = Field(None, description="that line's label: 'Đơn vị phối hợp'")

    lead: list[AgencyId]
    coordinators: list[AgencyId] = Field(default_factory=list)

    @property
    def lines(self) -> tuple[tuple[str, str], ...]:
        """(label, wording) as the decision writes them: one "Cơ quan thực hiện" line, or a line per role."""
        if self.label is None and self.with_text is None:
            return (("Cơ quan thực hiện", self.text),)
        apart = ((self.with_label or "Cơ quan phối hợp", self.with_text),) if self.with_text else ()
        return ((self.label or "Cơ quan chủ trì", self.text), *apart)


class Task(Model):
    letter: Letter | None = Field(None, description="the task's letter in its section: 'a', 'đ'")
    number: TaskNumber | None = Field(
        None, description="instead of a letter, the decimal number the decision gives it ('1.2' for '1.2.')"
    )
    text: Text
    who: Who
    deadline: Deadline
    procedures: list[int] = Field(default_factory=list, description="Appendix I procedures (TT) this task covers")
    note: Text | None = None

    @model_validator(mode="after")
    def _one_reference(self):
        if (self.letter is None) == (self.number is None):
            raise PlanValueError(
                "a task has a letter or a decimal number, and only one",
                "write `letter: a` where the decision writes 'a)', or `number: '1.2'` where it writes '1.2.'",
            )
        return self


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
    procedures: list[Procedure]


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
    groups: list[AppendixGroup]
