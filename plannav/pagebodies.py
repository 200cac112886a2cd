"""The page bodies of a build, kept in the build cache (buildcache.Results): by name for a build of the same
data, by what each page read of the reports (pagereads), and each by what its page shows. The site model
renders them (sitemodel.SiteModel); this module only keeps them."""

from functools import cache, partial

from plannav.buildcache import Results
from plannav.pagereads import PageReads
from plannav.render import UrlFor

BODIES = "pages"  # the build cache's folder of page bodies


class PageBodies:
    """The page bodies of one build (SiteModel.page_bodies). A body is the page's own HTML and Markdown,
    before the theme. A build of the same data (the plan, the reports, the program, the form of URLs) takes
    them all by name and works out no page's data; after a new report, a page is worked out only if it
    read a report that changed, and rendered again only if its view (what it shows) or what every page
    shows (`shared`: the plan, SiteFacts) changed."""

    def __init__(self, model, results: Results, shared: tuple):  # model: the SiteModel (view, render_view)
        self.model, self.results = model, results
        self.shared = (results.canonical(shared) if results.folder else "",)  # written out once, not for every page
        progress = model.progress
        # What a view reads but the reports: the shared facts, the plan, an as-of date given, the program.
        state = model.cache.state(model.plan_digest, str(progress.as_of_given), str(progress.sample), *self.shared)
        self.reads = PageReads(results, state, model)

    def body(self, src: str, url_for: UrlFor) -> str:
        view = cache(partial(self.reads.view, src, partial(self.model.view, src)))  # only for a page not kept
        render = partial(self.model.render_view, src, url_for=url_for)
        return self.results.memo(
            src, lambda: (*self.shared, src, view()), lambda: render(view()), kept=partial(self.reads.key, src)
        )

    def save(self) -> None:
        """Keep the bodies this build made, and what their views read (once the pages are found sound)."""
        self.results.save()
        self.reads.save(self.results.used)
