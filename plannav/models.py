"""Typed models of the plan files. Their JSON Schema is what editors validate against.

Every model forbids unknown keys and is strict about types, so a typo or a number where
text belongs is reported rather than silently coerced.
"""

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from plannav.deadlines import EVENTS


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PlanValueError(ValueError):
    """A value the plan may not hold, with a hint on what to write instead."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


# Dates the outputs can represent (calendars, spreadsheets, the timeline) and a plan of 2022-2030 needs.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _calendar_date(value: str) -> str:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise PlanValueError(f"{value} is not a calendar date", "write a day that exists, as YYYY-MM-DD") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise PlanValueError(f"{value} is outside {FIRST_YEAR}-{LAST_YEAR}", "check the year against the decision's text")
    return value


def _month_in_range(value: str) -> str:
    if not FIRST_YEAR <= int(value[:4]) <= LAST_YEAR:
        raise PlanValueError(f"{value} is outside {FIRST_YEAR}-{LAST_YEAR}", "check the year against the decision's text")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PlanValueError("is blank: only spaces", "write the text, or remove the key where it is optional")
    return value


def _whole_number(value):
    # Strict models still take 4.0 for the literal 4 (they compare by value); a level is written 3 or 4.
    if isinstance(value, float):
        raise PlanValueError(f"expected a whole number, found {value!r}", f"write {int(value)}" if value.is_integer()
                             else "write a whole number")
    return value


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_blank)]
# A name is matched in every text of the plan: a name of a few hundred characters is pasted text, not a name.
Name = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_not_blank)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
AgencyId = Slug
IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_calendar_date)]
IsoMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$"), AfterValidator(_month_in_range)]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
GroupNumber = Annotated[int, Field(ge=1, le=5)]
Letter = Annotated[str, StringConstraints(pattern=r"^[a-zđ]$")]
TaskKey = Annotated[str, StringConstraints(pattern=r"^\d+\.[a-zđ]$")]
DutyKey = Annotated[str, StringConstraints(pattern=r"^\d+(\.[a-zđ])?$")]


class Heading(Model):
    """A heading as written; `supplied: true` marks one lost in the copy and added by an editor."""

    text: Text
    supplied: bool = False


# ---- deadlines: the wording plus its normalised form, one model per kind


class _Deadline(Model):
    text: Text
    label: Text | None = None
    applies_to: list[AgencyId] = Field(default_factory=list, description="only these agencies, when not the item's own")


class MonthDeadline(_Deadline):
    kind: Literal["month"]
    month: IsoMonth


class YearDeadline(_Deadline):
    kind: Literal["year"]
    year: Year


class DateDeadline(_Deadline):
    kind: Literal["date"]
    date: IsoDate
    before: bool = False


class Stage(Model):
    level: Literal["province", "district", "commune"]
    start: IsoDate


class StagedDeadline(_Deadline):
    kind: Literal["staged"]
    stages: Annotated[list[Stage], Field(min_length=1)]


class RecurringDeadline(_Deadline):
    kind: Literal["recurring"]
    every: Literal["month", "year"]
    day: Annotated[int, Field(ge=1, le=31)] | None = None
    before: bool = False

    @model_validator(mode="after")
    def _day_in_every_month(self):
        # A monthly day must exist in every month, and "before day N" needs a day before it in the month.
        if self.every == "month" and self.day and self.day > 28:
            raise PlanValueError(f"day {self.day} does not exist in every month",
                                 "a monthly deadline falls on day 1-28; for the month's end write the wording's own rule")
        if self.before and self.day == 1:
            raise PlanValueError("'before day 1' falls in the previous month",
                                 "write the day the deadline falls on, without `before`")
        return self


class ContinuousDeadline(_Deadline):
    kind: Literal["continuous"]


class EventDeadline(_Deadline):
    kind: Literal["event"]
    event: Literal[tuple(EVENTS)]  # type: ignore[valid-type]


Deadline = Annotated[
    Union[MonthDeadline, YearDeadline, DateDeadline, StagedDeadline, RecurringDeadline, ContinuousDeadline, EventDeadline],
    Field(discriminator="kind"),
]

# ---- agencies.yaml

AgencyKind = Literal[
    "provincial-leadership", "provincial-agency", "central-in-province",
    "local-government", "national", "enterprise", "group",
]


class Agency(Model):
    id: Slug
    name: Name
    kind: AgencyKind
    wordings: Annotated[list[Name], Field(min_length=1)]
    bare_wordings: list[Name] = Field(default_factory=list)
    members: list[AgencyId] = Field(default_factory=list)
    open: bool = Field(False, description="a group whose wording names no enumerable bodies ('các đơn vị liên quan')")
    may_concern: list[AgencyId] = Field(
        default_factory=list,
        description="open groups only: bodies whose pages list the group's items apart, as possibly concerning them")
    note: Text | None = None


class AgenciesFile(Model):
    agencies: Annotated[list[Agency], Field(min_length=1)]


# ---- decision.yaml


class Header(Model):
    issuer: Text
    motto: Text
    number: Text
    place_date: Text
    date: IsoDate
    authority: Text


class Article(Model):
    number: int
    label: Heading
    text: Text


class PlanTitle(Model):
    title: Text
    subtitle: Text
    preamble: Text


class Signature(Model):
    title: Text


class Metadata(Model):
    title: Text
    number: Text
    type: Text
    issued: Text
    issued_date: IsoDate
    place: Text
    signer: Text
    gazette_date: Text
    gazette_number: Text
    effective: Text
    status: Text


class DecisionFile(Model):
    header: Header
    legal_basis: Annotated[list[Text], Field(min_length=1)]
    decides: Text
    articles: Annotated[list[Article], Field(min_length=1)]
    signature: Signature
    plan: PlanTitle
    metadata: Metadata


# ---- objectives.yaml and requirements.yaml


class UtilityGroup(Model):
    number: GroupNumber
    id: Slug
    text: Text


class GeneralObjective(Model):
    heading: Heading
    text: Text
    note: Text | None = None
    groups: Annotated[list[UtilityGroup], Field(min_length=1)]


class Phase(Model):
    label: Text
    from_year: Year
    to_year: Year | None = Field(description="null: open-ended ('và các năm tiếp theo')")
    inline: bool = Field(False, description="the first statement shares the label's line")
    statements: Annotated[list[Text], Field(min_length=1)]


class Objective(Model):
    letter: Letter
    group: GroupNumber
    heading: Heading
    phases: Annotated[list[Phase], Field(min_length=1)]


class SpecificObjectives(Model):
    heading: Heading
    objectives: Annotated[list[Objective], Field(min_length=1)]


class ObjectivesFile(Model):
    part: Heading
    general: GeneralObjective
    specific: SpecificObjectives


class Requirement(Model):
    letter: Letter
    text: Text


class RequirementsFile(Model):
    heading: Heading
    requirements: Annotated[list[Requirement], Field(min_length=1)]


# ---- tasks.yaml (Part II)


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
    roles_note: Text | None = Field(None, description="the basis of the roles where the reading rules alone do not give them")
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
    level: Annotated[Literal[3, 4], BeforeValidator(_whole_number)]
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


# ---- documents.yaml


class Document(Model):
    id: Slug
    type: Text
    number: Text | None = None
    date: IsoDate | None = None
    issuer: Text | None = None
    title: Text
    status: Literal["issued", "pending"] = "issued"
    wordings: list[Name] = Field(default_factory=list)
    note: Text | None = None


class RelatedEntry(Model):
    number: int
    text: Text
    document: Slug


class DocumentsFile(Model):
    documents: Annotated[list[Document], Field(min_length=1)]
    related: list[RelatedEntry]
    earlier_related: list[RelatedEntry] = Field(default_factory=list)


# File name (without .yaml) -> the model of its content.
FILE_MODELS: dict[str, type[Model]] = {
    "decision": DecisionFile,
    "objectives": ObjectivesFile,
    "requirements": RequirementsFile,
    "tasks": TasksFile,
    "funding": FundingFile,
    "responsibilities": ResponsibilitiesFile,
    "procedures": ProceduresFile,
    "appendix_tasks": AppendixTasksFile,
    "agencies": AgenciesFile,
    "documents": DocumentsFile,
}
