"""mkdocs hooks: the build's events, handed to the one object that owns the build's state.

Pages are virtual (File.generated): nothing is written into docs/, so nothing can drift from the
plan. Everything is in `plannav.generator.plugin`; this file only tells mkdocs where.
"""

from plannav.generator.plugin import SITE_BUILD as _build

on_startup = _build.on_startup
on_config = _build.on_config
on_files = _build.on_files
on_nav = _build.on_nav
on_env = _build.on_env
on_page_content = _build.on_page_content
on_page_context = _build.on_page_context
on_post_page = _build.on_post_page
on_post_build = _build.on_post_build
on_build_error = _build.on_build_error
on_serve = _build.on_serve
on_shutdown = _build.on_shutdown
