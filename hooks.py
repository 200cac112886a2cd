"""mkdocs hooks: refuse a wrong plan, add one page per entity, and check every link after the build.

Pages are virtual (File.generated): nothing is written into docs/, so nothing can drift from
the plan. Their bodies are rendered by macros.py; their list and the navigation come from the core.
"""

from pathlib import Path

import json
import logging

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from plannav.externals import external_fetches
from plannav.htmlscan import scan_site
from plannav.linkcheck import broken_links
from plannav.searchindex import add_folded_field
from plannav.site import PlanProblems, site_model

log = logging.getLogger("mkdocs.plugins.plannav")


def _plan_dir(config) -> Path:
    return Path(config.config_file_path).parent / config.extra.get("plan_dir", "plan")


def on_config(config):
    try:
        model = site_model(_plan_dir(config))
    except PlanProblems as err:
        raise PluginError(f"the plan has problems; nothing was built:\n{err}") from None
    config.nav = model.nav()
    # mkdocs serve: rebuild when a plan file changes.
    config.watch.append(str(_plan_dir(config)))
    return config


def on_files(files, config):
    model = site_model(_plan_dir(config))
    for spec in model.pages:
        if files.get_file_from_path(spec.src) is not None:
            raise PluginError(f"docs/{spec.src} would hide the generated page of the same path; remove it")
        front_matter = yaml.safe_dump({"title": spec.title}, allow_unicode=True, width=10_000).strip()
        content = f"---\n{front_matter}\n---\n\n{{{{ page_body() }}}}\n"
        inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, spec.src, content=content, inclusion=inclusion))
    missing = model.coverage_problems({f.src_uri for f in files.documentation_pages()})
    if missing:
        raise PluginError("pages are missing:\n" + "\n".join(missing))
    return files


def on_page_content(html, page, config, files):
    return site_model(_plan_dir(config)).restore(page.file.src_uri, html)


def on_post_build(config):
    for path, data in site_model(_plan_dir(config)).downloads(config.site_url):
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    # Runs after the search plugin wrote its index, and before the offline plugin inlines it.
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.is_file():
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index_file.write_text(json.dumps(add_folded_field(index), ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")
        log.info(f"search index: {index_file.stat().st_size / 1024:.0f} KB, {len(index['docs'])} entries")
    pages = scan_site(config.site_dir)  # read every page once for both checks
    problems = broken_links(config.site_dir, pages)
    if problems:
        raise PluginError(f"{len(problems)} broken internal links or anchors:\n" + "\n".join(problems))
    outside = external_fetches(config.site_dir, pages)
    if outside:
        raise PluginError(f"{len(outside)} pages would load something from outside the site (the intranet has no "
                          "internet access; vendor the file under docs/assets/vendor/):\n" + "\n".join(outside))
