"""The drafted reports' pages (views.progress.DraftPage), each laid out as the Word document it previews:
written with the downloads, in the build's second process, not through the theme."""

from functools import partial

from plannav import sitemap
from plannav.exports.catalog import Download
from plannav.progress import months
from plannav.progress.loader import SAMPLE_NOTICE
from plannav.progress.models import period_title
from plannav.render import PageRenderer
from plannav.views import Link, SiteViews
from plannav.views import progress as progress_view

# The site's own files a drafted report's page uses (docs/assets/): its layout, and the tables read as
# labelled blocks on a phone.
DOCUMENT_STYLESHEET, TABLE_SCRIPT = "assets/document.css", "assets/table-cards.js"


def drafted_pages(views: SiteViews, renderer: PageRenderer, trail: list[Link], directory_urls: bool) -> list[Download]:
    """The drafted reports' pages (views.progress.DraftPage), each laid out as the Word document it
    previews. They are written with the downloads, in the build's second process, not through the
    theme: a month's thirty drafts, which the search leaves out, cost the page build nothing."""
    out, document = [], partial(_document, views, renderer, trail, directory_urls)
    for period in months.drafted_months(views.progress):
        title = f"Dự thảo báo cáo tổng hợp {period_title(period).lower()}"
        view = partial(progress_view.summary_draft_page, views, period)
        out.append(document(sitemap.drafted_report_page(period), title, "report_summary.html.j2", view))
    for sent in months.drafted_reports(views.progress):
        title = f"Dự thảo báo cáo {period_title(sent.period).lower()}: {views.registry.by_id[sent.agency].name}"
        view = partial(progress_view.agency_draft_page, views, sent)
        src = sitemap.drafted_report_page(sent.period, sent.agency)
        out.append(document(src, title, "report_agency.html.j2", view))
    return out


def _document(views, renderer, trail, directory_urls, src, title, template, view) -> Download:
    url_for = sitemap.links_from(sitemap.page_url(src, directory_urls), directory_urls)

    def make() -> bytes:
        page = view()
        shell = dict(
            title=title,
            site_name=views.identity.site_name,
            home=Link(views.identity.site_name, sitemap.HOME),
            trail=[*trail, page.month],
            sample=SAMPLE_NOTICE if views.progress.sample else None,
            stylesheet=url_for(DOCUMENT_STYLESHEET),
            script=url_for(TABLE_SCRIPT),
        )
        return renderer.document(template, page, url_for, **shell).encode("utf-8")

    return Download(sitemap.page_file(src, directory_urls), title, make)
