"""What every plan model shares: strict models, the checked types of values, headings."""

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


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


def whole_number(value):
    # Strict models still take 4.0 for the literal 4 (they compare by value); a level is written 3 or 4.
    if isinstance(value, float):
        raise PlanValueError(
            f"expected a whole number, found {value!r}",
            f"write {int(value)}" if value.is_integer() else "write a whole number",
        )
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
# A Part II task: section and letter ("2.đ"), or the decimal number the decision gives it ("1.2").
TaskKey = Annotated[str, StringConstraints(pattern=r"^\d+\.([a-zđ]|\d{1,2})$")]
TaskNumber = Annotated[str, StringConstraints(pattern=r"^\d+\.\d{1,2}$")]
DutyKey = Annotated[str, StringConstraints(pattern=r"^\d+(\.[a-zđ])?$")]


class Heading(Model):
    """A heading as written; `supplied: true` marks one lost in the copy and added by an editor."""

    text: Text
    supplied: bool = False
