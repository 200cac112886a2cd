"""Deadlines: the wording plus its normalised form, one model per kind."""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from plannav.deadlines import ALLOWED_MEANINGS, DEFAULT_MEANINGS, EVENTS, Meaning
from plannav.models.base import AgencyId, IsoDate, IsoMonth, Model, PlanValueError, Text, Year


class _Deadline(Model):
    text: Text
    label: Text | None = None
    applies_to: list[AgencyId] = Field(default_factory=list, description="only these agencies, when not the item's own")
    meaning: Meaning | None = Field(
        None,
        description="what the day means: due (late after it), start (work begins then and goes on); stated where the "
        "wording leaves it open, else the kind's own (deadlines.DEFAULT_MEANINGS)",
    )

    @property
    def means(self) -> str:
        """The deadline's meaning: the one stated, or its kind's."""
        return self.meaning or DEFAULT_MEANINGS[self.kind]

    @model_validator(mode="after")
    def _meaning_fits_kind(self):
        if self.meaning and self.meaning not in ALLOWED_MEANINGS[self.kind]:
            raise PlanValueError(
                f"a {self.kind} deadline cannot mean '{self.meaning}'",
                f"a {self.kind} deadline means {' or '.join(sorted(ALLOWED_MEANINGS[self.kind]))}",
            )
        return self


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
            raise PlanValueError(
                f"day {self.day} does not exist in every month",
                "a monthly deadline falls on day 1-28; for the month's end write the wording's own rule",
            )
        if self.before and self.day == 1:
            raise PlanValueError(
                "'before day 1' falls in the previous month", "write the day the deadline falls on, without `before`"
            )
        return self


class ContinuousDeadline(_Deadline):
    kind: Literal["continuous"]


class EventDeadline(_Deadline):
    kind: Literal["event"]
    event: Literal[tuple(EVENTS)]  # type: ignore[valid-type]


Deadline = Annotated[
    MonthDeadline | YearDeadline | DateDeadline | StagedDeadline | RecurringDeadline | ContinuousDeadline | EventDeadline,
    Field(discriminator="kind"),
]
