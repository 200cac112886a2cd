"""The whole plan as one JSON file: every plan file's normalised model with the original
wording, plus the computed items and body/appendix differences; and the JSON Schema of it."""

import json

from pydantic import BaseModel, Field

from plannav import schedule, sitemap
from plannav.exports.rows import page_path
from plannav.items import ActionItem, ItemIndex
from plannav.models import (
    AgenciesFile,
    AppendixTasksFile,
    Deadline,
    DecisionFile,
    DocumentsFile,
    Exclusion,
    FundingFile,
    ObjectivesFile,
    ProceduresFile,
    RequirementsFile,
    ResponsibilitiesFile,
    SuccessorsFile,
    TasksFile,
)
from plannav.progress.models import Entry
from plannav.reconcile import Reconciliation, reconcile


class ExportDeadline(BaseModel):
    deadline: Deadline
    label: str = Field(description="normalised Vietnamese label, e.g. 'Tháng 5/2022'")
    dates: list[str] = Field(description="ISO days it falls on; empty when undated")


class ExportItem(BaseModel):
    uid: str = Field(description="kind:key, e.g. 'task:2.đ', 'procedure:15', 'duty:1.d'")
    kind: str
    key: str
    label: str
    text: str
    lead: list[str]
    lead_unstated: bool = Field(description="the decision names no lead: `lead` is empty on purpose")
    coordinators: list[str]
    not_for: list[Exclusion] = Field(description="members of a group in the roles that the item does not bind, and why")
    deadlines: list[ExportDeadline]
    group: int | None
    cites: list[str] = Field(description="ids of documents the wording cites")
    mentions: list[str] = Field(description="ids of agencies the wording names")
    page: str = Field(description="path of the item's page on the site")
    roles_note: str = Field(description="editors' basis for the roles, where the reading rules alone do not give them")
    note: str = Field(description="editors' note beside the wording; never the decision's words")


class ExportDifference(BaseModel):
    field: str
    body: list[str]
    appendix: list[str]


class ExportReconciliation(BaseModel):
    task: str
    appendix_task: int
    differences: list[ExportDifference]


class ExportReport(BaseModel):
    agency: str
    period: str = Field(description="the month reported on, YYYY-MM")
    date: str
    number: str | None
    entries: list[Entry]


class ExportStatus(BaseModel):
    agency: str
    status: str = Field(description="as of the date, derived: Quá hạn, Hoàn thành quá hạn, Chưa báo cáo included")


class ExportItemProgress(BaseModel):
    uid: str
    status: str = Field(description="the item's overall status, from its leads' (see EDITING.md)")
    by_agency: list[ExportStatus] = Field(description="each reporting body's status")


class ExportProgress(BaseModel):
    as_of: str | None = Field(description="the date the statuses are as of: the latest report's, or one given")
    reports: list[ExportReport] = Field(description="every report in full, oldest first")
    items: list[ExportItemProgress]


class PlanExport(BaseModel):
    decision: DecisionFile
    objectives: ObjectivesFile
    requirements: RequirementsFile
    tasks: TasksFile
    funding: FundingFile
    responsibilities: ResponsibilitiesFile
    procedures: ProceduresFile
    appendix_tasks: AppendixTasksFile
    agencies: AgenciesFile
    documents: DocumentsFile
    successors: SuccessorsFile = Field(description="who carries the decision's work since the 2025 reorganisation")
    items: list[ExportItem]
    reconciliation: list[ExportReconciliation]
    progress: ExportProgress | None = Field(None, description="the monthly reports and the statuses they give")


def progress_export(progress) -> ExportProgress:
    return ExportProgress(
        as_of=progress.as_of.isoformat() if progress.as_of else None,
        reports=[
            ExportReport(
                agency=r.agency, period=r.period, date=r.date.isoformat(), number=r.number, entries=list(r.entries.values())
            )
            for r in progress.reports
        ],
        items=[
            ExportItemProgress(
                uid=uid,
                status=progress.item_status(uid),
                by_agency=[ExportStatus(agency=a, status=progress.status(uid, a).status) for a in agencies],
            )
            for uid, agencies in progress.reporters.by_item.items()
            if agencies
        ],
    )


def _export_item(item: ActionItem) -> ExportItem:
    return ExportItem(
        uid=item.uid,
        kind=item.kind,
        key=item.key,
        label=sitemap.item_label(item),
        text=item.text,
        lead=list(item.lead),
        lead_unstated=item.lead_unstated,
        coordinators=list(item.coordinators),
        not_for=[Exclusion(agency=a, reason=r) for a, r in item.not_for],
        deadlines=[
            ExportDeadline(deadline=d, label=schedule.label(d), dates=[x.isoformat() for x in schedule.dates(d)])
            for d in item.deadlines
        ],
        group=item.group,
        cites=list(item.cites),
        mentions=list(item.mentions),
        page=page_path(item),
        roles_note=item.roles_note,
        note=item.note,
    )


def _export_reconciliation(found: Reconciliation) -> ExportReconciliation:
    return ExportReconciliation(
        task=found.task_key,
        appendix_task=found.appendix_number,
        differences=[
            ExportDifference(field=d.field, body=list(d.body), appendix=list(d.appendix)) for d in found.differences
        ],
    )


def plan_export(index: ItemIndex, progress=None) -> PlanExport:
    """Every plan file whole, in the schema's order; the items in the items' order (ItemIndex.items)."""
    plan = index.plan
    return PlanExport(
        decision=plan.decision,
        objectives=plan.objectives,
        requirements=plan.requirements,
        tasks=plan.tasks,
        funding=plan.funding,
        responsibilities=plan.responsibilities,
        procedures=plan.procedures,
        appendix_tasks=plan.appendix_tasks,
        agencies=plan.agencies,
        documents=plan.documents,
        successors=plan.successors,
        items=[_export_item(item) for item in index.items],
        reconciliation=[_export_reconciliation(found) for found in reconcile(index)],
        progress=progress_export(progress) if progress is not None else None,
    )


def json_bytes(index: ItemIndex, progress=None) -> bytes:
    # pydantic's own serialiser: the same text as json.dumps(..., ensure_ascii=False, indent=1), ten
    # times as fast on two years of reports.
    return plan_export(index, progress).model_dump_json(indent=1).encode("utf-8") + b"\n"


def schema_bytes() -> bytes:
    schema = PlanExport.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Kế hoạch: toàn bộ dữ liệu (ke-hoach.json)"
    return (json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
