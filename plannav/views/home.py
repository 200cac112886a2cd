"""The home page (pick your agency, the sections, the plan in figures) and the downloads page."""

from dataclasses import dataclass

from plannav import sitemap
from plannav.exports.catalog import plan_downloads
from plannav.identity import count_word
from plannav.models import DecisionFile
from plannav.views.siteviews import AGENCY_KINDS, Link, SiteViews


@dataclass(frozen=True)
class Picker:
    label: str  # a kind of agency
    agencies: tuple[Link, ...]


@dataclass(frozen=True)
class EntryPoint:
    link: Link
    description: str


@dataclass(frozen=True)
class PlanCounts:
    agencies: int
    groups: int
    tasks: int
    appendix_tasks: int
    procedures: int
    duties: int
    documents: int
    deadline_pages: int
    differences: int  # Part II tasks whose Appendix II restatement differs


@dataclass(frozen=True)
class HomePage:
    decision: DecisionFile
    pickers: tuple[Picker, ...]
    links: tuple[EntryPoint, ...]
    counts: PlanCounts


@dataclass(frozen=True)
class AgencyFiles:
    link: Link
    files: tuple[Link, ...]


@dataclass(frozen=True)
class DownloadsPage:
    plan: tuple[Link, ...]
    agencies: tuple[AgencyFiles, ...]


def home(views: SiteViews) -> HomePage:
    plan = views.plan
    bodies = [a for a in views.registry.agencies if a.kind != "group"]
    pickers = (
        Picker(label, views.agency_links(a.id for a in bodies if a.kind == kind))
        for kind, label in AGENCY_KINDS.items()
        if kind not in ("group", "national")
    )
    return HomePage(
        decision=plan.decision,
        pickers=tuple(p for p in pickers if p.agencies),
        links=tuple(
            EntryPoint(
                Link(section.label, section.page),
                section.description.format(
                    procedures=len(plan.procedures.procedures), groups=count_word(len(plan.utility_groups))
                ),
            )
            for section in sitemap.SECTIONS
        )
        + (EntryPoint(Link("Hướng dẫn", sitemap.GUIDE), "Cách đọc trang, báo cáo hằng tháng, dự thảo báo cáo"),),
        # The bodies the decision names: not those formed since (plan/successors.yaml), which the pickers offer.
        counts=PlanCounts(
            agencies=sum(1 for a in views.registry.named if a.kind != "group"),
            groups=sum(1 for a in views.registry.named if a.kind == "group"),
            tasks=len(plan.task_refs),
            appendix_tasks=len(plan.appendix_task_refs),
            procedures=len(plan.procedures.procedures),
            duties=len(plan.duty_refs),
            documents=len(plan.documents.documents),
            deadline_pages=len(views.due),
            differences=sum(1 for r in views.reconciliations.values() if r.differences),
        ),
    )


def downloads(views: SiteViews) -> DownloadsPage:
    return DownloadsPage(
        tuple(Link(d.label, d.path) for d in plan_downloads(views.index)),
        tuple(
            AgencyFiles(
                views.agency_link(a.id),
                views.agency_files(a.id),
            )
            for a in views.registry.agencies
        ),
    )
