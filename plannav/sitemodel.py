"""The whole site as data: which pages exist, their titles, the navigation, and each page's body.

The site generator's glue asks this module for pages and bodies; nothing here imports it.
"""

import gc
import os
from functools import partial

from plannav import sitemap
from plannav.buildcache import BuildCache
from plannav.draftpages import drafted_pages
from plannav.exports.catalog import Download, all_downloads
from plannav.initials import initials
from plannav.items import ItemIndex
from plannav.keys import digest
from plannav.loader import PlanFiles, load_plan_files, read_plan_files
from plannav.pagebodies import BODIES, PageBodies
from plannav.pagelist import NavEntry, navigation, site_pages
from plannav.plan import Plan
from plannav.problems import Problem, report
from plannav.progress.loader import ProgressFiles, load_progress_files, read_progress_files
from plannav.progress.monthly import MonthlyReports
from plannav.progress.reporters import Reporters
from plannav.progress.status import Progress
from plannav.render import PageRenderer, UrlFor
from plannav.views import Link, SiteViews
from plannav.views.reportsearch import report_search_entries

ALIASES = " · "  # between a page's other names in the search index: search-rank.js weighs each apart


class PlanProblems(Exception):
    """The plan failed its checks; the message lists every problem."""

    def __init__(self, problems: list[Problem]):
        super().__init__(report(problems))
        self.problems = problems


DOWNLOADS = "downloads"  # the build cache's folder of downloads


class SiteModel:
    """Everything the site shows, for one plan: its pages, their bodies, the navigation, the downloads."""

    def __init__(
        self,
        plan: Plan,
        progress: Progress | None = None,
        cache: BuildCache | None = None,
        data_digest: str = "",
        plan_digest: str = "",
        report_files: ProgressFiles | None = None,
    ):
        # With a cache and the digests of the data read (the plan's, and the plan's and reports' together),
        # what an earlier build made of the same data is taken from the cache.
        self.plan, self.data_digest, self.plan_digest = plan, data_digest, plan_digest
        self.report_files = report_files  # what the reports were read from (pagereads compares its parts)
        self.cache = cache or BuildCache(None)
        index = progress.index if progress else ItemIndex(plan)
        # The reports as of their latest date (or a date given); none: every item "Chưa báo cáo".
        self.progress = progress or Progress(index, Reporters(index), [])
        self.monthly = MonthlyReports(self.progress)  # each month's changes and drafts, made once
        self.views = SiteViews(plan, index, self.progress, self.monthly)
        self.renderer = PageRenderer(self.views)
        self.pages = site_pages(self.views)
        self.by_src = {p.src: p for p in self.pages}
        self.section_label = {section.src: section.title for section in self.sections()}

    def sections(self) -> list[NavEntry]:
        """The site's navigation (pagelist.navigation)."""
        return navigation(self.pages)

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
            progress = Progress(index, reporters, reports, as_of, sample)
            return cls(plan, progress, cache, data, plan_digest, progress_files)
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
        results = self.cache.results(BODIES, self.data_digest, directory_urls, recent=True)
        # What a template reads besides its page's view: SiteFacts, and the text links (views.text_links).
        return PageBodies(self, results, (self.views.link_words(), self.views.facts(), directory_urls))

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

    def downloads(self, base_url: str | None = None, directory_urls: bool = True):
        """Every file to write under the site, the drafted reports' pages included: (path, bytes). A file
        an earlier build made from the same data, address and program, or a workbook or Word document that
        prints what one made earlier printed (Download.content), is taken from the build cache."""
        trail = [Link(self.section_label[sitemap.PROGRESS], sitemap.PROGRESS)]
        made = all_downloads(self.views.index, self.monthly, base_url)
        made += drafted_pages(self.views, self.renderer, trail, directory_urls)
        state = (self.data_digest, base_url or "", directory_urls)
        plan_state = (self.plan_digest, base_url or "", directory_urls)
        results = self.cache.results(DOWNLOADS, *state)
        out = [(d.path, results.memo(d.path, partial(_made_from, d, state, plan_state), d.make)) for d in made]
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


def _made_from(download: Download, state: tuple, plan_state: tuple) -> tuple:
    """What a download is made from: what it prints where that is known (a month's new report leaves the
    other agencies' files as they were), the plan's state for a file made from the plan alone, else the
    whole state of the data."""
    if download.content:
        return (download.path, download.content())
    return (download.path, *(plan_state if download.plan_only else state))
