"""The whole site as data: which pages exist, their titles, the navigation, and each page's body.

The site generator's glue asks this module for pages and bodies; nothing here imports it.
"""

import gc
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

from plannav import schedule, sitemap
from plannav.exports.catalog import all_downloads
from plannav.fulltext import full_text
from plannav.loader import load_plan
from plannav.models import FILE_MODELS
from plannav.problems import Problem, report
from plannav.render import PageRenderer, UrlFor, restore_html_blocks, stash_html_blocks
from plannav.timeline import timeline
from plannav.views import Link, SiteViews


class PlanProblems(Exception):
    """The plan failed its checks; the message lists every problem."""

    def __init__(self, problems: list[Problem]):
        super().__init__(report(problems))
        self.problems = problems


@dataclass(frozen=True)
class PageSpec:
    src: str  # source path, e.g. co-quan/cong-an-tinh.md
    title: str  # page title, plain text: <title>, search results
    template: str
    view: Callable[[], dict]  # what the template shows: a SiteViews method, bound to its entity
    section: str = ""  # the section page it belongs under (empty for the section pages themselves)


@dataclass(frozen=True)
class Section:
    """One entry of the site's navigation: a section page and the few pages listed under it.

    Entity pages (agencies, deadlines, procedures, tasks, ...) are reached from their section page,
    not listed in the navigation: a sidebar of every agency on every page would make each page's
    weight and build cost grow with the plan."""

    title: str
    src: str
    children: tuple[tuple[str, str], ...] = ()  # (title, src)


class SiteModel:
    def __init__(self, plan_dir: str | os.PathLike):
        self.plan_dir = Path(plan_dir)
        plan, problems = load_plan(self.plan_dir)
        if problems:
            raise PlanProblems(problems)
        self.plan = plan
        self.views = SiteViews(plan)
        self.renderer = PageRenderer(self.views)
        self.pages = self._pages()
        self._blocks: dict[str, list[str]] = {}
        self.by_src = {p.src: p for p in self.pages}
        self.section_label = {section.src: section.title for section in self.sections()}

    def _pages(self) -> list[PageSpec]:
        v, plan, pages = self.views, self.plan, []
        def add(src, title, template, view, section=""):
            pages.append(PageSpec(src, title, template, view, section))

        add(sitemap.HOME, "Trang chủ", "home.md.j2", v.home)
        add(sitemap.AGENCY_INDEX, "Cơ quan, đơn vị", "agency_index.md.j2", v.agency_index)
        for agency in v.registry.agencies:
            add(sitemap.agency(agency.id), agency.name, "agency.md.j2", partial(v.agency, agency.id), sitemap.AGENCY_INDEX)
        add(sitemap.DEADLINE_INDEX, "Thời hạn", "deadline_index.md.j2", v.deadline_index)
        for key in v.deadline_keys:
            add(sitemap.deadline(key), schedule.page_title(key), "deadline.md.j2", partial(v.deadline, key),
                sitemap.DEADLINE_INDEX)
        add(sitemap.PROCEDURE_INDEX, "Thủ tục hành chính", "procedure_index.md.j2", v.procedure_index)
        for proc in plan.procedures.procedures:
            add(sitemap.procedure(proc.number), f"{proc.number}. {proc.name}", "procedure.md.j2",
                partial(v.procedure, proc.number), sitemap.PROCEDURE_INDEX)
        add(sitemap.TASK_INDEX, "Nhiệm vụ", "task_index.md.j2", v.task_index)
        for item in v.index.items:
            if item.kind in ("task", "appendix-task"):
                page, _ = sitemap.item_target(item)
                # A short title keeps search ranking honest: the task's words are in its text, once.
                add(page, f"Nhiệm vụ {sitemap.item_label(item)}", "task.md.j2", partial(v.task, item.uid), sitemap.TASK_INDEX)
        add(sitemap.OBJECTIVE_INDEX, "Mục tiêu", "objective_index.md.j2", v.objective_index)
        for group in plan.objectives.general.groups:
            add(sitemap.objective(group.id), f"({group.number}) {group.text}", "objective.md.j2",
                partial(v.objective, group.number), sitemap.OBJECTIVE_INDEX)
        add(sitemap.DOCUMENT_INDEX, "Văn bản", "document_index.md.j2", v.document_index)
        for doc in plan.documents.documents:
            add(sitemap.document(doc.id), v.document_link(doc.id).text, "document.md.j2", partial(v.document, doc.id),
                sitemap.DOCUMENT_INDEX)
        add(sitemap.FULL_TEXT, "Toàn văn", "fulltext.md.j2", partial(full_text, v))
        add(sitemap.RECONCILIATION, "Đối chiếu Phần II và Phụ lục II", "reconciliation.md.j2", v.reconciliation)
        add(sitemap.DOWNLOADS, "Tải về", "downloads.md.j2", v.downloads)
        add(sitemap.TIMELINE, "Tiến độ 2022–2030", "timeline.md.j2", partial(timeline, v))
        add(sitemap.DUTY_INDEX, "Trách nhiệm các cơ quan", "duty_index.md.j2", v.duty_index)
        return pages

    def render(self, src: str, url_for: UrlFor) -> str:
        """The page's Markdown, its HTML blocks set aside until `restore` (see render.stash_html_blocks)."""
        spec = self.by_src[src]
        body = self.renderer.render(spec.template, spec.view(), url_for)
        if spec.section:
            section = Link(self.section_label[spec.section], spec.section)
            body = self.renderer.render("_trail.html.j2", {"section": section}, url_for) + "\n" + body
        markdown, self._blocks[src] = stash_html_blocks(body)
        return markdown

    def restore(self, src: str, html: str, *, search_excluded: bool) -> str:
        """Put a page's HTML blocks back into its converted content, in two steps: first the blocks
        the site search reads; then, once the search has read the page, the blocks it skips (the
        item tables, most of a page's weight), so that it does not parse them only to skip them."""
        blocks = self._blocks.pop(src, None) if search_excluded else self._blocks.get(src)
        return restore_html_blocks(html, blocks, excluded=search_excluded) if blocks else html

    def sections(self) -> list[Section]:
        """The site's navigation: the section pages, in reading order, with their short labels."""
        title = {spec.src: spec.title for spec in self.pages}
        under = {sitemap.DEADLINE_INDEX: ((title[sitemap.TIMELINE], sitemap.TIMELINE),)}
        return [Section("Trang chủ", sitemap.HOME)] + [
            Section(label, page, under.get(page, ())) for label, page, _ in sitemap.SECTIONS]

    def downloads(self, base_url: str | None = None):
        """Every file to write under the site: (path, bytes)."""
        return [(d.path, d.make()) for d in all_downloads(self.views.index, base_url)]

    def coverage_problems(self, page_srcs: set[str]) -> list[str]:
        """Every agency and every task must have a page; report the ones that do not."""
        missing = []
        for agency in self.views.registry.agencies:
            if sitemap.agency(agency.id) not in page_srcs:
                missing.append(f"agency '{agency.id}' has no page ({sitemap.agency(agency.id)})")
        for item in self.views.index.items:
            page, _ = sitemap.item_target(item)
            if page not in page_srcs:
                missing.append(f"{item.kind} {item.key} has no page ({page})")
        return missing


_CACHE: dict = {}


def _stamp(path: Path) -> tuple | None:
    """When a plan file last changed; only the plan's own files count (not an editor's lock file)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def site_model(plan_dir: str | os.PathLike) -> SiteModel:
    """One model per plan state: reloaded when any plan file changes (live reload while editing)."""
    plan_dir = Path(plan_dir).resolve()
    stamp = tuple(_stamp(plan_dir / f"{name}.yaml") for name in FILE_MODELS)
    cached = _CACHE.get(plan_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    # Loading only allocates, and keeps what it allocates: the cycle collector would walk the growing
    # plan again and again for nothing (a third of the load time of a large plan).
    gc.disable()
    try:
        model = SiteModel(plan_dir)
    finally:
        gc.enable()
    _CACHE[plan_dir] = (stamp, model)
    return model


def site_downloads(plan_dir: str | os.PathLike, base_url: str | None = None) -> list[tuple[str, bytes]]:
    """Every download of the site for a plan folder: (path under the site, bytes)."""
    return site_model(plan_dir).downloads(base_url)
