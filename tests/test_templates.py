"""A page template's only inputs are its view and the renderer's few tools (the site's facts, the link and
text helpers, the rows kept across rebuilds), so that a page body kept in the build cache under its view and
those facts is the body a build would make: no template can read anything else of the site (it would fail,
the renderer's undefined values being strict)."""

import sys
from dataclasses import fields, is_dataclass

import pytest
from jinja2 import meta
from sitebuild import ROOT

from plannav.progress import months
from plannav.render import TEMPLATES, PageRenderer, _environment
from plannav.sitemodel import SiteModel
from plannav.views import SiteViews
from plannav.views import progress as progress_view

TOOLS = {"site", "url_for", "text_links", "count_word", "remembered"}
sys.path.insert(0, str(ROOT / "scripts"))
from sample_progress import write_sample  # noqa: E402


def _reads(env, name: str, seen=None) -> set[str]:
    """The names a template reads from its context, through the templates it imports or includes with
    their context."""
    seen = seen if seen is not None else set()
    if name in seen:
        return set()
    seen.add(name)
    source = env.loader.get_source(env, name)[0]
    tree = env.parse(source)
    names = meta.find_undeclared_variables(tree)
    for other in meta.find_referenced_templates(tree):
        if other and "with context" in source:
            names |= _reads(env, other, seen)
    return names


def test_every_page_template_reads_only_its_view_and_the_tools(tmp_path):
    """Every page of a site with two months of made-up reports, the drafted reports' pages included."""
    write_sample(2, tmp_path / "progress")
    model = SiteModel.from_folder(ROOT / "plan", tmp_path / "progress")
    report = model.progress.month_reports(months.drafted_months(model.progress)[-1])[0]
    pages = [(spec.template, spec.view) for spec in model.pages] + [
        ("report_agency.html.j2", lambda: progress_view.agency_draft_page(model.views, report)),
        ("report_summary.html.j2", lambda: progress_view.summary_draft_page(model.views, report.period)),
    ]
    env, checked = _environment(), set()
    for template, make in pages:
        if template in checked:
            continue
        checked.add(template)
        view = make()
        given = {f.name for f in fields(view)} if is_dataclass(view) else set(view)
        assert _reads(env, template) <= given | TOOLS, (template, _reads(env, template) - given - TOOLS)
    assert checked == {p.name for p in TEMPLATES.glob("*.j2") if not p.name.startswith("_")}


def test_a_template_that_reads_the_whole_site_fails(plan, tmp_path):
    renderer = PageRenderer(SiteViews(plan))
    renderer.env.loader.searchpath.append(str(tmp_path))
    (tmp_path / "probe.md.j2").write_text("{{ views.progress.as_of }}", encoding="utf-8")
    with pytest.raises(Exception, match="views"):
        renderer.render("probe.md.j2", {}, lambda page, anchor=None: page)
