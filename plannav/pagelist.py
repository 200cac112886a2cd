"""The site's pages as a table: each section page and the entity pages under it, with its title,
template and view, and the navigation made of the section pages."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from plannav import sitemap
from plannav.fulltext import full_text
from plannav.timeline import timeline
from plannav.views import SiteViews, agencies, deadlines, documents, duties, home, objectives, procedures, tasks
from plannav.views import progress as progress_view


@dataclass(frozen=True)
class PageSpec:
    src: str  # source path, e.g. co-quan/cong-an-tinh.md
    title: str  # page title, plain text: <title>, search results
    template: str
    view: Callable[[], object]  # what the template shows: a section module's page data, bound to its entity
    section: str = ""  # the section page it belongs under (empty for the section pages themselves)


@dataclass(frozen=True)
class NavEntry:
    """One entry of the site's navigation: a section page and the few pages listed under it.

    Entity pages (agencies, deadlines, procedures, tasks, ...) are reached from their section page,
    not listed in the navigation: a sidebar of every agency on every page would make each page's
    weight and build cost grow with the plan."""

    title: str
    src: str
    children: tuple[tuple[str, str], ...] = ()  # (title, src)


def site_pages(views: SiteViews) -> list[PageSpec]:
    """Every page: the site's table of sections, each a section page and the entities under it."""
    pages = [PageSpec(sitemap.HOME, "Trang chủ", "home.md.j2", partial(home.home, views))]
    for index, (index_template, index_view), template, entities in _sections(views):
        pages.append(PageSpec(index, sitemap.SECTION_TITLES[index], index_template, index_view))
        pages += [PageSpec(src, title, template, view, index) for src, title, view in entities]
    # The timeline: a page the navigation lists under Thời hạn, with a title of its own.
    pages.append(PageSpec(sitemap.TIMELINE, timeline_title(views), "timeline.md.j2", partial(timeline, views)))
    return pages


def timeline_title(views: SiteViews) -> str:
    return f"Tiến độ {views.identity.years}"


def _sections(views: SiteViews):
    """The site's sections in reading order: (section page, (its template, its view), its entities'
    template, [(src, title, view)])."""
    v, plan = views, views.plan
    citations = documents.Citations(v)
    tasks_shown = [item for item in v.index.items if item.kind in ("task", "appendix-task")]
    return (
        (
            sitemap.AGENCY_INDEX,
            ("agency_index.md.j2", partial(agencies.agency_index, v)),
            "agency.md.j2",
            [(sitemap.agency(a.id), a.name, partial(agencies.agency, v, a.id)) for a in v.registry.agencies],
        ),
        (
            sitemap.DEADLINE_INDEX,
            ("deadline_index.md.j2", partial(deadlines.deadline_index, v, timeline_title(views))),
            "deadline.md.j2",
            [(sitemap.deadline(k.slug), k.title, partial(deadlines.deadline, v, k)) for k in v.due],
        ),
        (
            sitemap.PROCEDURE_INDEX,
            ("procedure_index.md.j2", partial(procedures.procedure_index, v)),
            "procedure.md.j2",
            [
                (sitemap.procedure(x.number), f"{x.number}. {x.name}", partial(procedures.procedure, v, x.number))
                for x in plan.procedures.procedures
            ],
        ),
        (
            sitemap.TASK_INDEX,
            ("task_index.md.j2", partial(tasks.task_index, v)),
            "task.md.j2",
            # A short title keeps search ranking honest: the task's words are in its text, once.
            [
                (sitemap.item_target(i)[0], f"Nhiệm vụ {sitemap.item_label(i)}", partial(tasks.task, v, i.uid))
                for i in tasks_shown
            ],
        ),
        (
            sitemap.OBJECTIVE_INDEX,
            ("objective_index.md.j2", partial(objectives.objective_index, v)),
            "objective.md.j2",
            [
                (sitemap.objective(g.id), f"({g.number}) {g.text}", partial(objectives.objective, v, g.number))
                for g in plan.objectives.general.groups
            ],
        ),
        (
            sitemap.DOCUMENT_INDEX,
            ("document_index.md.j2", partial(documents.document_index, v, citations)),
            "document.md.j2",
            # Those of the decision, then those issued after it.
            [
                (sitemap.document(d), v.document_link(d).text, partial(documents.document, v, citations, d))
                for d in plan.document_by_id
            ],
        ),
        (sitemap.FULL_TEXT, ("fulltext.md.j2", partial(full_text, v)), "", []),
        (
            sitemap.PROGRESS,
            ("progress.md.j2", partial(progress_view.progress_page, v)),
            "progress_period.md.j2",
            [
                (
                    sitemap.progress_period(period),
                    f"Báo cáo tiến độ {progress_view.period_link(period).text.lower()}",
                    partial(progress_view.period_page, v, period),
                )
                for period in progress_view.periods(v)
            ],
        ),
        (sitemap.RECONCILIATION, ("reconciliation.md.j2", partial(tasks.reconciliation, v)), "", []),
        (sitemap.DOWNLOADS, ("downloads.md.j2", partial(home.downloads, v)), "", []),
        (sitemap.DUTY_INDEX, ("duty_index.md.j2", partial(duties.duty_index, v)), "", []),
    )


def navigation(pages: list[PageSpec]) -> list[NavEntry]:
    """The site's navigation: the section pages, in reading order, with their short labels."""
    title = {spec.src: spec.title for spec in pages}
    under = {sitemap.DEADLINE_INDEX: ((title[sitemap.TIMELINE], sitemap.TIMELINE),)}
    return (
        [NavEntry("Trang chủ", sitemap.HOME)]
        + [NavEntry(section.label, section.page, under.get(section.page, ())) for section in sitemap.SECTIONS]
        + [NavEntry("Hướng dẫn", sitemap.GUIDE, sitemap.GUIDE_PAGES)]
    )
