"""The shape of a monthly report file: its date, its number and one entry per item it reports on, and the
rules an entry keeps whether it was typed in a file or in the Excel form."""

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import Field

from plannav.models.base import IsoDate, Model, Text

# What staff type, as they read it. The site derives the rest (overdue, completed late, not reported).
NOT_STARTED, IN_PROGRESS, DONE, NOT_DONE = "Chưa triển khai", "Đang thực hiện", "Hoàn thành", "Không thực hiện"
TYPED_STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, NOT_DONE)
REPORT_SCHEMA = "progress-report"  # plan/schema/progress-report.schema.json: the JSON Schema of a report file
ItemId = Annotated[
    str,
    Field(
        pattern=r"^(task|appendix-task|procedure|duty|funding):[0-9a-zđ.]+$",
        description="the item's Mã, as in the downloads: 'task:2.đ', 'procedure:9', 'duty:1.d'",
    ),
]


class Entry(Model):
    item: ItemId
    status: Literal[TYPED_STATUSES]  # type: ignore[valid-type]
    completed: IsoDate | None = Field(None, description="the day it was done: required for Hoàn thành, only then")
    result: Text | None = Field(None, description="Kết quả thực hiện")
    difficulties: Text | None = Field(None, description="Khó khăn, vướng mắc")
    proposals: Text | None = Field(None, description="Đề xuất, kiến nghị")
    evidence: Text | None = Field(None, description="Văn bản, minh chứng: document numbers")


class ReportFile(Model):
    """progress/<YYYY-MM>/<agency-id>.yaml: the path gives the month and the agency."""

    date: IsoDate = Field(description="the report's date (ngày báo cáo)")
    number: Text | None = Field(None, description="the report's own document number, e.g. '123/BC-STP'")
    entries: list[Entry] = Field(default_factory=list)


def period_title(period: str) -> str:
    """A reporting month as staff write it: '2026-03' -> 'Tháng 3/2026'."""
    year, month = period.split("-")
    return f"Tháng {int(month)}/{year}"


def entry_rule_problems(
    status: str,
    completed: dt.date | None,
    report_date: dt.date,
    has_reason: bool,
    show: Callable[[dt.date], str],
    plan_date: dt.date | None = None,
) -> list[tuple[str, str, str]]:
    """(code, what is wrong: "completed" or "reason", message) for each rule an entry breaks; `show`
    writes a date as the reader typed it. The file loader says where, and how to put it right, in its
    terms; the form importer runs the loader's check on the report it would write."""
    out = []
    if completed and plan_date and completed < plan_date:
        message = f"done on {show(completed)}, before the plan was decided on {show(plan_date)}"
        out.append(("completed-before-plan", "completed", message))
    if status == DONE and completed is None:
        out.append(("completed-missing", "completed", "Hoàn thành needs the day it was done"))
    if completed and status != DONE and status in TYPED_STATUSES:
        out.append(("completed-not-done", "completed", f"a completion day for '{status}'"))
    if completed and completed > report_date:
        message = f"done on {show(completed)}, after the report's date {show(report_date)}"
        out.append(("completed-after-report", "completed", message))
    if status == NOT_DONE and not has_reason:
        out.append(("reason-missing", "reason", "Không thực hiện needs its reason"))
    return out


# What staff write beside a status, under the form's own column names: the pages and the drafts show each.
FIELD_LABELS = (
    ("completed", "Ngày hoàn thành"),
    ("result", "Kết quả thực hiện"),
    ("difficulties", "Khó khăn, vướng mắc"),
    ("proposals", "Đề xuất, kiến nghị"),
    ("evidence", "Văn bản, minh chứng"),
)


def reported_fields(entry: Entry) -> tuple[tuple[str, str], ...]:
    """(label, text) of each field an entry fills, in the form's order; the completion day as dd/mm/yyyy;
    texts as typed, line breaks kept."""
    out = []
    for key, label in FIELD_LABELS:
        value = getattr(entry, key)
        if value:
            out.append((label, f"{dt.date.fromisoformat(value):%d/%m/%Y}" if key == "completed" else value))
    return tuple(out)
