"""mkdocs-macros glue: hands each page its body, rendered by the core from the plan.

All the work is in the `plannav` package; this file only connects it to the page being built.
"""

from pathlib import Path

from mkdocs.structure.files import File

from plannav.site import site_model


def define_env(env):
    conf = env.conf
    plan_dir = Path(conf["config_file_path"]).parent / conf["extra"].get("plan_dir", "plan")

    def url_for(page: str, anchor: str = "") -> str:
        """A URL to another page (and anchor), relative to the page being rendered."""
        target = File(page, conf["docs_dir"], conf["site_dir"], conf["use_directory_urls"])
        url = target.url_relative_to(env.page.file)
        return f"{url}#{anchor}" if anchor else url

    @env.macro
    def page_body() -> str:
        """The body of the current page, as the core renders it."""
        return site_model(plan_dir).render(env.page.file.src_uri, url_for)
