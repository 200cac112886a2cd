"""The page bodies of a build, kept in the build cache (buildcache.Results): by name for a build of the same
data, and each by what its page shows. The site model renders them (sitemodel.SiteModel); this module only
keeps them."""

from functools import cache, partial

from plannav.buildcache import Results
from plannav.render import UrlFor

BODIES = "pages"  # the build cache's folder of page bodies


class PageBodies:
    """The page bodies of one build (SiteModel.page_bodies). A body is the page's own HTML and Markdown,
    before the theme. A build of the same data (the plan, the reports, the program, the form of URLs) takes
    them all by name and works out no page's data; after a new report, a page is rendered again only if
    its view (what it shows) or what every page shows (`shared`: the plan, SiteFacts) changed."""

    def __init__(self, model, results: Results, shared: tuple):  # model: the SiteModel (view, render_view)
        self.model, self.results = model, results
        self.shared = (results.canonical(shared) if results.folder else "",)  # written out once, not for every page

    def body(self, src: str, url_for: UrlFor) -> str:
        view = cache(partial(self.model.view, src))  # worked out only for a page not kept by name
        render = partial(self.model.render_view, src, url_for=url_for)
        return self.results.memo(src, lambda: (*self.shared, src, view()), lambda: render(view()))
