"""One object that owns a site build: the model of the plan, the page bodies' HTML blocks, the second
process. mkdocs' events reach it through `hooks.py`, and the page bodies through `macros.py`.

Its state lives on the instance, set in `on_config` for each build (mkdocs serve rebuilds in the
same process): the plan is read once per build, and the hooks and the macros use that one model, so
a plan file saved during a build cannot give pages whose blocks were set aside by one model and put
back by another.
"""

import gc
import json
import logging
import threading
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from plannav import sitemap
from plannav.buildcache import code_fingerprint
from plannav.generator.finishing import DownloadsAndChecks
from plannav.generator.navigation import nav_entry, page_source, theme_title
from plannav.generator.rewriting import WrittenPages
from plannav.generator.searchindex import (
    add_abbreviations,
    add_aliases,
    add_entries,
    add_folded_field,
    report_entries,
)
from plannav.generator.settings import BuildSettings
from plannav.generator.stash import restore_html_blocks, stash_html_blocks
from plannav.generator.templatecache import THEME_TEMPLATES
from plannav.generator.themefiles import list_theme_once, theme_watched
from plannav.generator.watching import keep_watching, poll_edited_folders_often
from plannav.generator.worker import BackgroundWorker, WorkerFailed
from plannav.loader import read_plan_files
from plannav.pagebodies import PageBodies
from plannav.progress.loader import SAMPLE_NOTICE, read_progress_files
from plannav.reviewnotes import draft_notice
from plannav.sitemodel import PlanProblems, SiteModel

log = logging.getLogger("mkdocs.plugins.plannav")
FOLLOWED = "downloads written and pages checked"  # make serve: said once the shown build's work beside is done


class SiteBuild:
    def __init__(self):
        self.settings: BuildSettings | None = None
        self.model: SiteModel | None = None
        self.plan_files = self.progress_files = None
        self.worker: BackgroundWorker | None = None  # the downloads and page checks of the build under way
        self._blocks: dict[str, list[str]] = {}  # each page's HTML blocks, set aside during the Markdown step
        self._bodies = None  # the pages' bodies of this state of the data (SiteModel.page_bodies)
        self.rewriting: WrittenPages | None = None  # mkdocs serve --dirty: only pages that changed are written
        self._page_urls: list[str] = []  # every page's URL, in the order mkdocs builds them
        self._titles: dict[str, str] = {}  # each generated page's title, by its source
        self._following: threading.Thread | None = None  # make serve: the shown build's downloads and checks
        self.pages_first = False  # mkdocs serve --dirty: pages shown before their downloads are written and checked
        self.theme_watched = False  # mkdocs serve --watch-theme: the theme's files are listed on every build

    def on_startup(self, command, dirty):
        if dirty and self.rewriting is None:
            self.rewriting = WrittenPages()
        self.pages_first = command == "serve" and dirty

    # ---- the build's start: the plan, the navigation, one page per entity

    def on_config(self, config):
        self._await_following()  # make serve: the last build's downloads, written beside, are all there
        self.settings = BuildSettings.from_config(config)
        if self.pages_first and not self.theme_watched:
            list_theme_once(config.theme)  # make serve: the theme's files, unwatched, are listed once (themefiles)
        if self.rewriting and (search := config.plugins.get("material/search")):
            search.search_index_prev = None  # its index of a dirty build is made here (WrittenPages.search_entries)
        code_fingerprint.cache_clear()  # mkdocs serve: the page templates are read again by this build
        self.plan_files = read_plan_files(self.settings.plan_dir)
        self.progress_files = read_progress_files(self.settings.progress_dir)
        # In a second process, from the same files: make the downloads, then check each page as written.
        # Made first, so that its fork server starts while this process reads the plan and the reports.
        self.cancel()  # what a failed build left (mkdocs serve)
        self.worker = BackgroundWorker(
            partial(
                DownloadsAndChecks,
                self.plan_files,
                self.progress_files,
                self.settings.as_of,
                self.settings.site_url,
                self.settings.cache,
                self.settings.use_directory_urls,
                self.settings.site_dir,
            )
        )
        try:
            self.model = SiteModel.load(self.plan_files, self.progress_files, self.settings.as_of, cache=self.settings.cache)
        except PlanProblems as err:
            self.cancel()
            raise PluginError(f"the plan has problems; nothing was built:\n{err}") from None
        self._blocks = {}
        self._bodies = self.model.page_bodies(self.settings.use_directory_urls)
        # Made-up reports (progress/DU-LIEU-MAU): a banner on every page says so (overrides/main.html).
        config.extra["sample_data"] = vars(SAMPLE_NOTICE) if self.model.progress.sample else None
        # A plan drafted from a decision's text with readings still to review (review.yaml): every page says so.
        review = self.model.plan.review
        config.extra["draft_plan"] = vars(draft_notice(len(review.notes))) if review and review.notes else None
        who = self.model.views.identity
        config.site_name = who.site_name
        config.site_description = (
            f"Tra cứu Kế hoạch thực hiện {who.known_as} trên địa bàn tỉnh {who.province} "
            f"(Quyết định {who.number} ngày {who.date_text})"
        )
        config.nav = [nav_entry(section) for section in self.model.sections()]
        # mkdocs serve: rebuild when a plan file or a report changes.
        config.watch.append(str(self.settings.plan_dir))  # progress/: on_serve, which sees it come and go
        # The model lives as long as the build: the collector's full passes, while the pages are made,
        # need not walk its hundreds of thousands of objects again (they are let go in on_post_build).
        gc.freeze()
        return config

    def on_files(self, files, config):
        self._titles = {spec.src: theme_title(spec.title) for spec in self.model.pages}  # as the theme prints them
        for spec in self.model.pages:
            if files.get_file_from_path(spec.src) is not None:
                self.cancel()
                raise PluginError(f"docs/{spec.src} would hide the generated page of the same path; remove it")
            content = page_source(self._titles[spec.src], sitemap.SEARCH_BOOSTS.get(spec.section))
            # Entity pages are reached from their section page, not from the navigation.
            inclusion = InclusionLevel.NOT_IN_NAV if spec.section else InclusionLevel.UNDEFINED
            file = File.generated(config, spec.src, content=content, inclusion=inclusion)
            if self.rewriting:
                file.is_modified = partial(self._modified, spec, file)
            files.append(file)
        if self.rewriting:
            self.rewriting.start(config.site_dir, *self._shell(config))
        missing = self.model.coverage_problems({f.src_uri for f in files.documentation_pages()})
        if missing:
            self.cancel()
            raise PluginError("pages are missing:\n" + "\n".join(missing))
        self.worker.call("write_downloads")  # mkdocs emptied the site's folder before listing its files
        return files

    # ---- each page: its body, its blocks put back around Markdown, then checked

    def on_env(self, env, config, files):
        env.bytecode_cache = THEME_TEMPLATES
        return env

    def on_nav(self, nav, config, files):
        for file in files.documentation_pages():
            if file.page:  # every page, written this build or not: not the day of the build (the sitemap's lastmod)
                file.page.update_date = self.model.updated
        # As the search index's entries locate them (Page.url: "" for the home page, not "./").
        self._page_urls = [f.page.url for f in files.documentation_pages(inclusion=InclusionLevel.is_included) if f.page]
        if self.rewriting:
            self._titles_before_reading(files)
        return nav

    def _titles_before_reading(self, files) -> None:
        """mkdocs serve --dirty: a page not written again is not read, and its title, which the navigation
        and its neighbours' footers show, would be empty. A generated page's is known (its front matter's);
        the few pages of docs/ take theirs from their heading, so they are always written."""
        for file in files.documentation_pages():
            if file.src_uri not in self._titles:
                file.is_modified = lambda: True
            elif file.page and "title" not in vars(file.page):  # not one the navigation gives
                file.page.title = self._titles[file.src_uri]

    def _shell(self, config) -> tuple[str, ...]:
        """What every page shows besides its body and title: the navigation, the site's name, address and
        date, the sample banner, the theme's settings and templates, the program."""
        theme = sorted(Path(config.theme.custom_dir).rglob("*")) if config.theme.custom_dir else []
        settings = (config.nav, config.site_name, config.site_description, config.site_url, dict(config.extra))
        return (
            json.dumps(settings, ensure_ascii=False, default=str),
            self.model.updated,
            code_fingerprint(),
            Path(config.config_file_path).read_text(encoding="utf-8"),
            *(f"{path}\n{path.read_text(encoding='utf-8')}" for path in theme if path.is_file()),
        )

    def _modified(self, spec, file) -> bool:
        return self.rewriting.modified(spec.src, spec.title, partial(self._body, file))

    def _body(self, file) -> str:
        """The page's body (SiteModel.page_bodies), its links relative to where the page is written."""
        return self._bodies.body(file.src_uri, sitemap.links_from(file.url, self.settings.use_directory_urls))

    def page_body(self, page) -> str:
        """The page's body for mkdocs-macros: the core renders it; its HTML blocks wait here until Markdown is done."""
        markdown, self._blocks[page.file.src_uri] = stash_html_blocks(self._body(page.file))
        return markdown

    def _url(self, target: str) -> str:
        return sitemap.page_url(target, self.settings.use_directory_urls)

    def on_page_content(self, html, page, config, files):
        # First the blocks the site search reads; the item tables, which it skips, once it has read the page.
        blocks = self._blocks.get(page.file.src_uri)
        return restore_html_blocks(html, blocks, excluded=False) if blocks else html

    @event_priority(-100)  # after the search plugin has read the page
    def on_page_context(self, context, page, config, nav):
        blocks = self._blocks.pop(page.file.src_uri, None)
        if blocks:
            page.content = restore_html_blocks(page.content, blocks, excluded=True)
        return context

    @event_priority(-100)  # the page as written, after every other plugin
    def on_post_page(self, output, page, config):
        self.worker.add(page.file.dest_uri, output)
        return output

    # ---- the build's end: the search index, the downloads and the checks

    def on_post_build(self, config):
        # Runs after the search plugin wrote its index, and before the offline plugin inlines it.
        gc.unfreeze()  # what this build made can be freed before the next (mkdocs serve)
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if index_file.is_file():
            index = json.loads(index_file.read_text(encoding="utf-8"))
            if self.rewriting:
                index["docs"] = self.rewriting.search_entries(index["docs"], self._page_urls)
            index = add_entries(index, report_entries(self.model.report_search_entries(), self._url))
            index = add_abbreviations(add_folded_field(index), self.model.abbreviations())
            aliases = {self._url(src): names for src, names in self.model.search_aliases().items()}
            index = add_aliases(index, aliases)
            index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            log.info(f"search index: {index_file.stat().st_size / 1024:.0f} KB, {len(index['docs'])} entries")
        worker, self.worker = self.worker, None
        if self.pages_first:
            # make serve: the pages are shown now (livereload fires when this returns); the downloads and the
            # page checks follow beside, and the next rebuild waits for them (_await_following).
            self._finish_rewriting(config)
            self._following = threading.Thread(target=self._follow, args=(worker, self._bodies))
            self._following.start()
            return
        problems = self._site_problems(worker)
        if problems:
            raise PluginError("\n".join(problems))
        self._bodies.save()  # once the pages are found sound
        if self.rewriting:
            self._finish_rewriting(config)

    def _finish_rewriting(self, config) -> None:
        site = Path(config.site_dir)
        written = self.rewriting.finish(lambda src: site / sitemap.page_file(src, self.settings.use_directory_urls))
        log.info(f"{written} of the {len(self.model.pages)} plan pages written again")

    def _site_problems(self, worker: BackgroundWorker) -> list[str]:
        """The downloads written and every page checked (the second process's work): what is wrong."""
        try:
            return worker.finish().messages()
        except WorkerFailed as err:
            return [f"the downloads or checks in the second process failed:\n{err}"]

    def _follow(self, worker: BackgroundWorker, bodies: PageBodies) -> None:
        """make serve, beside the served pages: the downloads and checks of the build just shown, their problems
        said as a failed build's would be; its page bodies are kept only if the pages are found sound."""
        problems = self._site_problems(worker)
        if problems:
            log.error("\n".join(problems))
        else:
            bodies.save()
            log.info(FOLLOWED)

    def _await_following(self) -> None:
        if self._following is not None:
            self._following.join()
            self._following = None

    def on_build_error(self, error):
        # A page could not be written (a full disk, say): stop the second process now, or the queue of
        # pages it no longer reads would hold the build open at exit.
        gc.unfreeze()
        self.cancel()

    def on_serve(self, server, config, builder):
        self.theme_watched = theme_watched(server, config.theme)
        poll_edited_folders_often(server)
        keep_watching(server, self.settings.progress_dir)
        return server

    def on_shutdown(self):
        self._await_following()
        self.cancel()
        # mkdocs ends now (a build, or the end of `serve`): the process's hundreds of thousands of objects
        # need not be scanned and freed one by one on the way out, a tenth of a build's time.
        gc.freeze()

    def cancel(self):
        if self.worker:
            self.worker.cancel()
            self.worker = None


SITE_BUILD = SiteBuild()  # the one build of this process; mkdocs serve runs its builds one after another
