"""The site's titles and navigation as the theme reads them."""

from functools import lru_cache

import yaml
from markupsafe import escape


def theme_title(text: str) -> str:
    """A title for the theme, which prints titles as raw HTML and renders "{{ }}" in them as macros:
    HTML-escaped, on one line, with braces as character references so that no template ever evaluates them."""
    return " ".join(str(escape(text)).split()).replace("{", "&#123;").replace("}", "&#125;")


def nav_entry(section) -> dict:
    """A section in mkdocs' navigation format: its page, then the pages listed under it."""
    if not section.children:
        return {theme_title(section.title): section.src}
    return {theme_title(section.title): [section.src, *({theme_title(t): src} for t, src in section.children)]}


@lru_cache(maxsize=20_000)  # the same few hundred pages on every rebuild of make serve
def page_source(title: str, boost: float | None) -> str:
    """A generated page's Markdown source: its title (theme_title's) and search weight as front matter, then
    its body, which mkdocs-macros asks the build for (SiteBuild.page_body)."""
    meta = {"title": title, **({"search": {"boost": boost}} if boost is not None else {})}
    front_matter = yaml.safe_dump(meta, allow_unicode=True, width=10_000).strip()
    return f"---\n{front_matter}\n---\n\n{{{{ page_body() }}}}\n"
