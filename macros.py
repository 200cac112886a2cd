"""mkdocs-macros glue: each page's body is `{{ page_body() }}`, which the build's one owner renders
from the same plan model as the hooks use (plannav.generator.plugin)."""

from plannav.generator.plugin import SITE_BUILD


def define_env(env):
    @env.macro
    def page_body() -> str:
        """The body of the current page, as the core renders it."""
        return SITE_BUILD.page_body(env.page)
