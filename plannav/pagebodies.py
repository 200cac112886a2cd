"""The page bodies of a build, kept in the build cache: by the state of the data, and each by what its page
shows. The site model renders them (sitemodel.SiteModel); this module only keeps them."""

from typing import Protocol

from plannav.buildcache import BuildCache
from plannav.render import UrlFor

BODIES = "pages"  # the build cache's folder of page bodies, one entry per state of the data
# ... and of each page's body by what it shows, across states; some builds' worth (a site has some 240).
BODIES_BY_VIEW, KEPT_BODIES_BY_VIEW = "page-views", 1000


class Renders(Protocol):
    """What makes a page body: the site model (sitemodel.SiteModel)."""

    def view(self, src: str) -> object: ...

    def render_view(self, src: str, view, url_for: UrlFor) -> str: ...


class PageBodies:
    """The page bodies of one build (SiteModel.page_bodies). A body is the page's own HTML and Markdown,
    before the theme. The build cache keeps them twice:
    - all of them, by the state of the data (the plan, the reports, the program, the form of URLs): a build
      of the same data renders none and works out no page's data;
    - each one, by what its page shows (its view, plain data, as text) and what else a template reads (the
      plan, whether reports are in): after a new report, only the pages that show something else are
      rendered again."""

    def __init__(self, model: Renders, cache: BuildCache | None, state: str, shape: str):
        self.model, self.cache, self.state, self.shape = model, cache, state, shape
        self.kept: dict[str, str] = (cache.get(f"{BODIES}/{state}", "bodies") if cache else None) or {}
        self.made: dict[str, str] = {}
        self.rendered: dict[str, str] = {}  # by the key of the page's view: the bodies this build rendered

    def body(self, src: str, url_for: UrlFor) -> str:
        if src in self.kept:
            return self.kept[src]
        view = self.model.view(src)
        key = self.cache.key(self.shape, src, repr(view)) if self.cache else ""
        body = self.cache.get(BODIES_BY_VIEW, key, touch=True) if key else None
        if body is None:
            body = self.model.render_view(src, view, url_for)
            if key:
                self.rendered[key] = body
        self.made[src] = body
        return body

    def save(self) -> None:
        """At the end of a build whose pages were found sound: keep what it made."""
        if not self.cache:
            return
        if self.made:
            self.cache.put(f"{BODIES}/{self.state}", "bodies", {**self.kept, **self.made})
        for key, body in self.rendered.items():
            self.cache.put(BODIES_BY_VIEW, key, body)
        self.cache.keep_recent(BODIES, current=self.state)
        self.cache.keep_recent(BODIES_BY_VIEW, KEPT_BODIES_BY_VIEW)
