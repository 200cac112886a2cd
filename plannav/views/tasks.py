"""The task pages: Part II and Appendix II as tables, each task with its restatement and their
differences, and the reconciliation of the two parts."""

from dataclasses import dataclass

from plannav import sitemap
from plannav.items import ITEM_KINDS
from plannav.models import Heading
from plannav.views.rows import AgencyReports, Difference, ItemRow
from plannav.views.siteviews import Link, SiteViews
from plannav.views.successors import now_carried_by


@dataclass(frozen=True)
class TaskGroup:
    """A section of Part II or a group of Appendix II, with its tasks."""

    heading: Heading
    group: Link | None  # its utility group
    rows: tuple[ItemRow, ...]


@dataclass(frozen=True)
class TaskIndexPage:
    sections: tuple[TaskGroup, ...]  # Part II
    groups: tuple[TaskGroup, ...]  # Appendix II
    filters: dict
    downloads: tuple[Link, ...]


@dataclass(frozen=True)
class Cells:
    """An Appendix II row's agency cells as written."""

    lead: str
    coordinators: str


@dataclass(frozen=True)
class TaskPage:
    row: ItemRow
    full_kind: str
    counterpart_kind: str
    heading: Heading
    who_lines: tuple[tuple[str, str], ...]  # Part II: the "Cơ quan thực hiện" line (or a line per role) as written
    deadline_label: str | None  # Part II: "Thời gian hoàn thành" or "Thời gian thực hiện"
    cells: Cells | None  # Appendix II
    group: Link | None
    cites: tuple[Link, ...]
    procedures: tuple[Link, ...]
    counterpart: ItemRow | None  # the other statement of the same task
    differences: tuple[Difference, ...]
    progress: tuple[AgencyReports, ...] = ()  # once reports exist
    now: tuple = ()  # (body, bodies that carry its work today): plan/successors.yaml


@dataclass(frozen=True)
class Reconciled:
    body: ItemRow
    appendix: ItemRow
    differences: tuple[Difference, ...]
    anchor: str


@dataclass(frozen=True)
class ReconciliationPage:
    entries: tuple[Reconciled, ...]
    with_differences: int
    flagged: tuple[ItemRow, ...]  # items with an editors' note, a role basis or an exclusion


def task_index(views: SiteViews) -> TaskIndexPage:
    by_uid, plan = views.index.by_uid, views.plan
    sections = tuple(
        TaskGroup(
            s.heading,
            views.group_link.get(s.group),
            tuple(views.row(by_uid[f"task:{r.key}"]) for r in plan.task_refs if r.section is s),
        )
        for s in plan.tasks.sections
    )
    groups = tuple(
        TaskGroup(
            g.heading, views.group_link.get(g.group), tuple(views.row(by_uid[f"appendix-task:{t.number}"]) for t in g.tasks)
        )
        for g in plan.appendix_tasks.groups
    )
    rows = [r for part in sections + groups for r in part.rows]
    return TaskIndexPage(sections, groups, views.filter_options(rows), tuple(views.table_downloads("nhiem-vu")))


def task(views: SiteViews, uid: str) -> TaskPage:
    plan = views.plan
    item = views.index.by_uid[uid]
    counterpart = views.index.counterpart(item)
    if item.kind == "task":
        ref = plan.task_by_key[item.key]
        heading, who_lines, deadline_label = ref.section.heading, ref.task.who.lines, ref.task.deadline.label
        key, cells = item.key, None
    else:
        ref = plan.appendix_task_by_number[int(item.key)]
        heading, who_lines, deadline_label = ref.group.heading, (), None
        key, cells = ref.task.restates, Cells(ref.task.lead.text, ref.task.coordinators.text)
    reconciliation = views.reconciliations.get(key) if counterpart else None
    return TaskPage(
        now=now_carried_by(views, (*item.lead, *item.coordinators)),
        row=views.row(item),
        full_kind=ITEM_KINDS[item.kind].label,
        counterpart_kind=ITEM_KINDS[counterpart.kind].label if counterpart else "",
        heading=heading,
        who_lines=who_lines,
        deadline_label=deadline_label,
        cells=cells,
        group=views.group_link.get(item.group),
        cites=tuple(views.document_link(d) for d in item.cites),
        procedures=tuple(
            Link(f"{n}. {plan.procedure_by_number[n].name}", sitemap.procedure(n)) for n in ref.task.procedures
        ),
        counterpart=views.row(counterpart) if counterpart else None,
        differences=tuple(views.differences(reconciliation)) if reconciliation else (),
        progress=views.item_progress(item),
    )


def reconciliation(views: SiteViews) -> ReconciliationPage:
    entries = []
    for key, rec in views.reconciliations.items():
        body = views.index.by_uid[f"task:{key}"]
        appendix = views.index.by_uid[f"appendix-task:{rec.appendix_number}"]
        entries.append(
            Reconciled(views.row(body), views.row(appendix), tuple(views.differences(rec)), sitemap.anchor("ii", key))
        )
    # Items whose roles or wording editors flag (errata, roles read from another part, oddities kept as written).
    flagged = tuple(views.row(item) for item in views.index.items if item.note or item.roles_note or item.not_for)
    return ReconciliationPage(tuple(entries), sum(1 for e in entries if e.differences), flagged)
