"""The procedure pages: Appendix I as a table, and each essential procedure with what it joins and requires."""

from dataclasses import dataclass

from plannav import sitemap
from plannav.models import Procedure
from plannav.views.rows import AgencyReports, ItemRow
from plannav.views.siteviews import LEVEL_LABELS, Link, SiteViews
from plannav.views.successors import now_carried_by


@dataclass(frozen=True)
class ProcedureEntry:
    number: int
    sort: str  # the TT column sorts by this: "01", "02", ... "25"
    link: Link
    level: str
    row: ItemRow


@dataclass(frozen=True)
class ProcedureIndexPage:
    rows: tuple[ProcedureEntry, ...]
    filters: dict
    downloads: tuple[Link, ...]


@dataclass(frozen=True)
class Join:
    text: str  # as written
    link: Link | None  # None when the joined procedure is not in Appendix I


@dataclass(frozen=True)
class ProcedurePage:
    procedure: Procedure
    row: ItemRow
    level: str
    required_by: tuple[ItemRow, ...]  # the tasks that cover it
    joins: tuple[Join, ...]
    joined_by: tuple[Link, ...]
    duty: ItemRow | None  # the Part IV duty behind it
    cites: tuple[Link, ...]
    progress: tuple[AgencyReports, ...] = ()  # once reports exist
    now: tuple = ()  # (body, bodies that carry its work today): plan/successors.yaml


def procedure_index(views: SiteViews) -> ProcedureIndexPage:
    entries = []
    for proc in views.plan.procedures.procedures:
        row = views.row(views.index.by_uid[f"procedure:{proc.number}"])
        entries.append(
            ProcedureEntry(
                proc.number,
                f"{proc.number:02d}",
                Link(proc.name, sitemap.procedure(proc.number)),
                LEVEL_LABELS[proc.level],
                row,
            )
        )
    return ProcedureIndexPage(
        tuple(entries), views.filter_options([e.row for e in entries]), tuple(views.table_downloads("thu-tuc"))
    )


def procedure(views: SiteViews, number: int) -> ProcedurePage:
    plan = views.plan
    proc = plan.procedure_by_number[number]
    item = views.index.by_uid[f"procedure:{number}"]
    name = lambda n: Link(plan.procedure_by_number[n].name, sitemap.procedure(n))  # noqa: E731
    duty = views.index.by_uid.get(f"duty:{proc.duty}") if proc.duty else None
    return ProcedurePage(
        now=now_carried_by(views, (*item.lead, *item.coordinators)),
        procedure=proc,
        row=views.row(item),
        level=LEVEL_LABELS[proc.level],
        required_by=tuple(views.row(t) for t in views.index.tasks_requiring(number)),
        joins=tuple(Join(j.text, name(j.procedure) if j.procedure else None) for j in proc.joins),
        joined_by=tuple(name(n) for n in views.index.joined_by(number)),
        duty=views.row(duty) if duty else None,
        cites=tuple(views.document_link(d) for d in item.cites),
        progress=views.item_progress(item),
    )
