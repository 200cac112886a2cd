"""mkdocs hooks: refuse a wrong plan, add one page per entity, make the downloads and check every page.

Pages are virtual (File.generated): nothing is written into docs/, so nothing can drift from
the plan. Their bodies are rendered by macros.py; their list and the navigation come from the core.
The downloads and the page checks run in a second process beside the page build (plannav.beside).
"""

from functools import partial
from pathlib import Path

import json
import logging

import yaml
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from plannav.beside import BesideConsumer, BesideFailed
from plannav.postbuild import PostBuild
from plannav.searchindex import add_folded_field
from plannav.loader import DEFAULT_PLAN_DIR
from plannav.site import PlanProblems, site_model

log = logging.getLogger("mkdocs.plugins.plannav")
_model = None  # the site model of the build under way, loaded once in on_config
_post_build: BesideConsumer | None = None  # the downloads and checks of the build under way


def _plan_dir(config) -> Path:
    # PLANNAV_PLAN_DIR set but empty reaches here as "": the default, as for `make check`.
    return Path(config.config_file_path).parent / (config.extra.get("plan_dir") or DEFAULT_PLAN_DIR)


def on_config(config):
    global _model
    try:
        _model = site_model(_plan_dir(config))
    except PlanProblems as err:
        raise PluginError(f"the plan has problems; nothing was built:\n{err}") from None
    config.nav = [_nav_entry(section) for section in _model.sections()]
    # mkdocs serve: rebuild when a plan file changes.
    config.watch.append(str(_plan_dir(config)))
    return config


def _theme_title(text: str) -> str:
    """A title for the theme, which prints titles as raw HTML and renders "{{ }}" in them as macros:
    HTML-escaped, on one line, with braces as character references so that no template ever evaluates them."""
    return " ".join(str(escape(text)).split()).replace("{", "&#123;").replace("}", "&#125;")


def _nav_entry(section) -> dict:
    """A section in mkdocs' navigation format: its page, then the pages listed under it."""
    if not section.children:
        return {_theme_title(section.title): section.src}
    return {_theme_title(section.title): [section.src, *({_theme_title(t): src} for t, src in section.children)]}


def on_files(files, config):
    for spec in _model.pages:
        if files.get_file_from_path(spec.src) is not None:
            raise PluginError(f"docs/{spec.src} would hide the generated page of the same path; remove it")
        front_matter = yaml.safe_dump({"title": _theme_title(spec.title)}, allow_unicode=True, width=10_000).strip()
        content = f"---\n{front_matter}\n---\n\n{{{{ page_body() }}}}\n"
        # Entity pages are reached from their section page, not from the navigation.
        inclusion = InclusionLevel.NOT_IN_NAV if spec.section else InclusionLevel.UNDEFINED
        files.append(File.generated(config, spec.src, content=content, inclusion=inclusion))
    missing = _model.coverage_problems({f.src_uri for f in files.documentation_pages()})
    if missing:
        raise PluginError("pages are missing:\n" + "\n".join(missing))
    # Beside the page build, in a second process: make the downloads, then check each page as it is written.
    global _post_build
    if _post_build:
        _post_build.cancel()  # left by a build that failed (mkdocs serve)
    _post_build = BesideConsumer(partial(PostBuild, _plan_dir(config), config.site_url))
    return files


def on_build_error(error):
    # A page could not be written (a full disk, say): stop the second process now, or the queue of
    # pages it no longer reads would hold the build open at exit.
    _cancel_post_build()


def on_shutdown():
    _cancel_post_build()


def _cancel_post_build():
    global _post_build
    if _post_build:
        _post_build.cancel()
        _post_build = None


def on_page_content(html, page, config, files):
    return _model.restore(page.file.src_uri, html, search_excluded=False)


@event_priority(-100)  # after the search plugin has read the page
def on_page_context(context, page, config, nav):
    page.content = _model.restore(page.file.src_uri, page.content, search_excluded=True)
    return context


@event_priority(-100)  # the page as written, after every other plugin
def on_post_page(output, page, config):
    _post_build.add(page.file.dest_uri, output)
    return output


def on_post_build(config):
    global _post_build
    # Runs after the search plugin wrote its index, and before the offline plugin inlines it.
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.is_file():
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index_file.write_text(json.dumps(add_folded_field(index), ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")
        log.info(f"search index: {index_file.stat().st_size / 1024:.0f} KB, {len(index['docs'])} entries")
    try:
        found = _post_build.finish(config.site_dir)
    except BesideFailed as err:
        raise PluginError(f"the downloads or checks beside the build failed:\n{err}") from None
    finally:
        _post_build = None
    problems = []
    if found.broken_links:
        problems.append(f"{len(found.broken_links)} broken internal links or anchors:\n" + "\n".join(found.broken_links))
    if found.external_fetches:
        problems.append(f"{len(found.external_fetches)} things pages would load from outside the site (the intranet "
                        "has no internet access; vendor the file under docs/assets/vendor/):\n"
                        + "\n".join(found.external_fetches))
    if problems:
        raise PluginError("\n".join(problems))
