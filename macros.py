"""mkdocs-macros glue: hands each page its body, rendered by the core from the plan.

All the work is in the `plannav` package; this file only connects it to the page being built.
"""

from functools import lru_cache
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from plannav.loader import DEFAULT_PLAN_DIR
from plannav.site import site_model


def define_env(env):
    conf = env.conf
    plan_dir = Path(conf["config_file_path"]).parent / (conf["extra"].get("plan_dir") or DEFAULT_PLAN_DIR)

    @lru_cache(maxsize=None)
    def site_url(page: str) -> str:
        return File(page, conf["docs_dir"], conf["site_dir"], conf["use_directory_urls"]).url

    # The same few hundred targets are linked from every page: compute each relative URL once.
    relative_url = lru_cache(maxsize=None)(get_relative_url)

    def url_for(page: str, anchor: str = "") -> str:
        """A URL to another page (and anchor), relative to the page being rendered."""
        url = relative_url(site_url(page), env.page.file.url)
        return f"{url}#{anchor}" if anchor else url

    @lru_cache(maxsize=1)
    def model():
        # Asked for once per build (define_env runs for each), not once per page: no plan files to
        # look at again. Not before the first page, so that the hooks report a broken plan first.
        return site_model(plan_dir)

    @env.macro
    def page_body() -> str:
        """The body of the current page, as the core renders it."""
        return model().render(env.page.file.src_uri, url_for)
