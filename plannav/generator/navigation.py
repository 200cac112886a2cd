"""The site's titles and navigation as the theme reads them."""

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
