"""The whole site as data: which pages exist, their titles, the navigation, and each page's body.

The site generator's glue asks this module for pages and bodies; nothing here imports it.
"""

import gc
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from plannav import sitemap
from plannav.buildcache import BuildCache, digest
from plannav.exports.catalog import Download, all_downloads
from plannav.fulltext import full_text
from plannav.initials import initials
from plannav.items import ItemIndex
from plannav.loader import PlanFiles, load_plan_files, read_plan_files
from plannav.pagebodies import BODIES, PageBodies
from plannav.plan import Plan
from plannav.problems import Problem, report
from plannav.progress import months
from plannav.progress.loader import SAMPLE_NOTICE, ProgressFiles, load_progress_files, read_progress_files
from plannav.progress.models import period_title
from plannav.progress.monthly import MonthlyReports
from plannav.progress.reporters import Reporters
from plannav.progress.status import Progress
from plannav.render import PageRenderer, UrlFor
from plannav.timeline import timeline
from plannav.views import Link, SiteViews, agencies, deadlines, documents, duties, home, objectives, procedures, tasks
from plannav.views import progress as progress_view
from plannav.views.reportsearch import report_search_entries

ALIASES = " · "  # between a page's other names in the search index: search-rank.js weighs each apart


class PlanProblems(Exception):
    """The plan failed its checks; the message lists every problem."""

    def __init__(self, problems: list[Problem]):
        super().__init__(report(problems))
        self.problems = problems


DOWNLOADS = "downloads"  # the build cache's folder of downloads
# The site's own files a drafted report's page uses (docs/assets/): its layout, and the tables read as
# labelled blocks on a phone.
DOCUMENT_STYLESHEET, TABLE_SCRIPT = "assets/document.css", "assets/table-cards.js"


@dataclass(frozen=True)
class PageSpec:
    src: str  # source path, e.g. co-quan/cong-an-tinh.md
    title: str  # page title, plain text: <title>, search results
    template: str
    view: Callable[[], object]  # what the template shows: a section module's page data, bound to its entity
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
    """Everything the site shows, for one plan: its pages, their bodies, the navigation, the downloads."""

    def __init__(
        self,
        plan: Plan,
        progress: Progress | None = None,
        cache: BuildCache | None = None,
        data_digest: str = "",
        plan_digest: str = "",
    ):
        # With a cache and the digests of the data read (the plan's, and the plan's and reports' together),
        # what an earlier build made of the same data is taken from the cache.
        self.plan, self.data_digest, self.plan_digest = plan, data_digest, plan_digest
        self.cache = cache or BuildCache(None)
        self.views = SiteViews(plan, progress.index if progress else None)
        # The reports as of their latest date (or a date given); none: every item "Chưa báo cáo".
        self.progress = progress or Progress(self.views.index, Reporters(self.views.index), [])
        self.monthly = MonthlyReports(self.progress)  # each month's changes and drafts, made once
        self.views.progress = self.progress  # the pages show statuses and link the report forms
        self.views.monthly = self.monthly
        self.renderer = PageRenderer(self.views)
        self.pages = self._pages()
        self.by_src = {p.src: p for p in self.pages}
        self.section_label = {section.src: section.title for section in self.sections()}

    @classmethod
    def load(
        cls,
        files: PlanFiles,
        progress_files: ProgressFiles | None = None,
        as_of=None,
        reports_checked: bool = False,
        cache: BuildCache | None = None,
    ) -> "SiteModel":
        """The model of a plan and its progress reports, each read once (loader.read_plan_files,
        progress.loader.read_progress_files); PlanProblems if either has any. reports_checked: the
        build's own process checks the same report files, so they are read without their lines.
        cache: reports read by an earlier build from the same texts and plan are taken from there."""
        # Loading only allocates, and keeps what it allocates: the cycle collector would walk the growing
        # plan again and again for nothing (a third of the load time of a large plan).
        gc.disable()
        try:
            plan, problems = load_plan_files(files)
            if problems:
                raise PlanProblems(problems)
            index = ItemIndex(plan)
            reporters = Reporters(index)
            plan_digest = files.digest if cache else ""
            reports, problems = (
                load_progress_files(progress_files, reporters, reports_checked, cache, plan_digest)
                if progress_files
                else ([], [])
            )
            if problems:
                raise PlanProblems(problems)
            sample = bool(progress_files and progress_files.sample)
            # The state of the data, for what the build cache keeps of it (the page bodies, the downloads).
            reports_digest = progress_files.digest if progress_files else ""
            data = digest(plan_digest, reports_digest, str(as_of), str(sample)) if cache else ""
            return cls(plan, Progress(index, reporters, reports, as_of, sample), cache, data, plan_digest)
        finally:
            gc.enable()

    @property
    def updated(self) -> str:
        """The day of the latest fact the site shows (YYYY-MM-DD): the plan files', or the day statuses are
        taken at. Each page's "last modified" (the sitemap): a build of the same data on another day is
        the same site."""
        as_of = self.progress.as_of
        return max(self.plan.latest_date, as_of.isoformat() if as_of else "")

    @classmethod
    def from_folder(cls, plan_dir: str | os.PathLike, progress_dir: str | os.PathLike | None = None) -> "SiteModel":
        return cls.load(read_plan_files(plan_dir), read_progress_files(progress_dir) if progress_dir else None)

    def _pages(self) -> list[PageSpec]:
        """Every page: the site's table of sections, each a section page and the entities under it."""
        pages = [PageSpec(sitemap.HOME, "Trang chủ", "home.md.j2", partial(home.home, self.views))]
        for index, (index_template, index_view), template, entities in self._sections():
            pages.append(PageSpec(index, sitemap.SECTION_TITLES[index], index_template, index_view))
            pages += [PageSpec(src, title, template, view, index) for src, title, view in entities]
        # The timeline: a page the navigation lists under Thời hạn, with a title of its own.
        pages.append(PageSpec(sitemap.TIMELINE, self._timeline_title, "timeline.md.j2", partial(timeline, self.views)))
        return pages

    @property
    def _timeline_title(self) -> str:
        return f"Tiến độ {self.views.identity.years}"

    def _sections(self):
        """The site's sections in reading order: (section page, (its template, its view), its entities'
        template, [(src, title, view)])."""
        v, plan = self.views, self.plan
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
                ("deadline_index.md.j2", partial(deadlines.deadline_index, v, self._timeline_title)),
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

    def view(self, src: str):
        """What the page shows, as plain data (a section module's frozen dataclass)."""
        return self.by_src[src].view()

    def render(self, src: str, url_for: UrlFor) -> str:
        """The page's body: HTML blocks and Markdown headings, plan text escaped and on one line."""
        return self.render_view(src, self.view(src), url_for)

    def render_view(self, src: str, view, url_for: UrlFor) -> str:
        """The page's body from what it shows (SiteModel.view), worked out already."""
        spec = self.by_src[src]
        body = self.renderer.render(spec.template, view, url_for)
        if spec.section:
            section = Link(self.section_label[spec.section], spec.section)
            body = self.renderer.render("_trail.html.j2", {"section": section}, url_for) + "\n" + body
        return body

    def page_bodies(self, directory_urls: bool = True) -> PageBodies:
        """The pages' bodies, each rendered once for what it shows: a build of the same plan, reports and
        program (mkdocs serve after a change of style, a second publish) takes them from the build cache."""
        results = self.cache.results(BODIES, self.data_digest, directory_urls)
        # What a template reads besides its page's view: the plan (its text links, its name), SiteFacts.
        return PageBodies(self, results, (self.plan_digest, self.views.facts(), directory_urls))

    def sections(self) -> list[Section]:
        """The site's navigation: the section pages, in reading order, with their short labels."""
        title = {spec.src: spec.title for spec in self.pages}
        under = {sitemap.DEADLINE_INDEX: ((title[sitemap.TIMELINE], sitemap.TIMELINE),)}
        return (
            [Section("Trang chủ", sitemap.HOME)]
            + [Section(section.label, section.page, under.get(section.page, ())) for section in sitemap.SECTIONS]
            + [Section("Hướng dẫn", sitemap.GUIDE, sitemap.GUIDE_PAGES)]
        )

    def abbreviations(self) -> list[tuple[str, ...]]:
        """Each abbreviation of plan/abbreviations.yaml with its full forms: every form of one entry."""
        return [(*a.short, *a.full) for a in self.views.plan.abbreviations.abbreviations]

    def search_aliases(self) -> dict[str, str]:  # each page's names, ALIASES apart (docs/assets/search-rank.js)
        """Each page's other names for the search, by page source: a month's page is also "T3/2022"; the
        page of a body whose work another carries now is also found by that one's name."""
        out = {sitemap.deadline(key.slug): ALIASES.join(key.typed_forms) for key in self.views.due if key.typed_forms}
        for agency in self.views.registry.named:
            if heirs := self.views.heirs(agency.id):
                out[sitemap.agency(agency.id)] = ALIASES.join(link.text for link in heirs)
        # Every body by its initials too ("NHNN", "VKSND tỉnh"): plannav.initials; make check keeps them apart.
        for agency in self.views.registry.agencies:
            if agency.kind != "group" and (forms := initials(agency.name)):
                page = sitemap.agency(agency.id)
                out[page] = ALIASES.join(filter(None, (out.get(page, ""), *forms)))
        return out

    def report_search_entries(self):
        """Search entries made from the reports (views.reportsearch.report_search_entries)."""
        return report_search_entries(self.views)

    def drafted_pages(self, directory_urls: bool = True) -> list[Download]:
        """The drafted reports' pages (views.progress.DraftPage), each laid out as the Word document it
        previews. They are written with the downloads, in the build's second process, not through the
        theme: a month's thirty drafts, which the search leaves out, cost the page build nothing."""
        v, out = self.views, []
        trail = [Link(self.section_label[sitemap.PROGRESS], sitemap.PROGRESS)]
        for period in months.drafted_months(self.progress):
            title = f"Dự thảo báo cáo tổng hợp {period_title(period).lower()}"
            view = partial(progress_view.summary_draft_page, v, period)
            out.append(
                self._document(
                    sitemap.drafted_report_page(period), title, "report_summary.html.j2", view, trail, directory_urls
                )
            )
        for sent in months.drafted_reports(self.progress):
            title = f"Dự thảo báo cáo {period_title(sent.period).lower()}: {v.registry.by_id[sent.agency].name}"
            view = partial(progress_view.agency_draft_page, v, sent)
            src = sitemap.drafted_report_page(sent.period, sent.agency)
            out.append(self._document(src, title, "report_agency.html.j2", view, trail, directory_urls))
        return out

    def _document(self, src, title, template, view, trail, directory_urls) -> Download:
        url_for = sitemap.links_from(sitemap.page_url(src, directory_urls), directory_urls)

        def make() -> bytes:
            page = view()
            shell = dict(
                title=title,
                site_name=self.views.identity.site_name,
                home=Link(self.views.identity.site_name, sitemap.HOME),
                trail=[*trail, page.month],
                sample=SAMPLE_NOTICE if self.progress.sample else None,
                stylesheet=url_for(DOCUMENT_STYLESHEET),
                script=url_for(TABLE_SCRIPT),
            )
            return self.renderer.document(template, page, url_for, **shell).encode("utf-8")

        return Download(sitemap.page_file(src, directory_urls), title, make)

    def downloads(self, base_url: str | None = None, directory_urls: bool = True):
        """Every file to write under the site, the drafted reports' pages included: (path, bytes). A file
        an earlier build made from the same data, address and program, or a workbook or Word document that
        prints what one made earlier printed (Download.content), is taken from the build cache."""
        made = all_downloads(self.views.index, base_url, self.progress, self.monthly) + self.drafted_pages(directory_urls)
        state = (self.data_digest, base_url or "", directory_urls)
        results = self.cache.results(DOWNLOADS, *state)
        out = [(d.path, results.memo(d.path, partial(_made_from, d, state), d.make)) for d in made]
        results.save()
        return out

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


def _made_from(download: Download, state: tuple) -> tuple:
    """What a download is made from: what it prints where that is known (a month's new report leaves the
    other agencies' files as they were), else the whole state of the data."""
    return (download.path, download.content()) if download.content else (download.path, *state)
