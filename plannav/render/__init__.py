"""Rendering page bodies (Markdown with HTML blocks) from the views, with Jinja.

Every value from the plan is escaped: autoescape is on and the only markup added to plan text
is links, built here from escaped pieces. Filters are registered in one place, below.

Plan text never reaches the Markdown step as Markdown: a page body is HTML blocks and a few
heading lines the templates write, and the HTML blocks are set aside before the Markdown step by
splitting the page at blank lines. A line break in plan text (a YAML block, `text: |`) would cut
a block there and hand the rest to Markdown, so every value is printed on one line: line breaks
become spaces, and the paragraphs of prose become <span class="paragraph"> elements.
"""

import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from functools import cache, partial
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from plannav.buildcache import code_fingerprint
from plannav.identity import count_word
from plannav.render.fragments import PIECES
from plannav.sitemap import RelativeLinks
from plannav.views import DeadlineCell, Link, SiteViews

TEMPLATES = Path(__file__).parent / "templates"

# url_for(page, anchor) -> a URL relative to the page being rendered
UrlFor = Callable[[str, str], str]


_LINE_BREAKS = re.compile(r"\s*[\r\n]\s*")
_PARAGRAPH_BREAK = re.compile(r"[ \t]*\r?\n(?:[ \t]*\r?\n)+")


def one_line(text) -> Markup:
    """Plan text, escaped, on one line."""
    escaped = escape(text)
    if "\n" in escaped or "\r" in escaped:
        return Markup(_LINE_BREAKS.sub(" ", escaped))
    return escaped  # most values: one line already, and a rendered page holds some hundred thousand


def _finalize(value):
    # Every {{ value }} of a template: text from the plan printed escaped and on one line. Markup made
    # by the filters below is already both.
    if isinstance(value, str) and not isinstance(value, Markup):
        return one_line(value)
    return value


def _url(context, link: Link) -> str:
    return context["url_for"](link.page, link.anchor)


@pass_context
def href(context, link: Link) -> str:
    return _url(context, link)


@pass_context
def a(context, link: Link | None) -> Markup:
    if link is None:
        return Markup("")
    return Markup(f'<a href="{escape(_url(context, link))}">{one_line(link.text)}</a>')


@pass_context
def links(context, items, separator: str = "; ") -> Markup:
    return Markup(one_line(separator)).join(a(context, link) for link in items)


@pass_context
def deadlines(context, cells: tuple[DeadlineCell, ...]) -> Markup:
    """Normalised label linked to its deadline page, with the wording as written beneath when it differs."""
    out = []
    for cell in cells:
        target = cell.pages[0] if cell.pages else None
        shown = a(context, Link(cell.label, target.page, target.anchor)) if target else escape(cell.label)
        if cell.text.rstrip(".").strip().lower() != cell.label.lower():
            shown += Markup(f'<br> <span class="as-written" title="Nguyên văn">{one_line(cell.text)}</span>')
        if cell.applies_to:
            shown += (
                Markup('<br> <span class="applies-to">Áp dụng cho: ') + links(context, cell.applies_to) + Markup("</span>")
            )
        out.append(shown)
    return Markup("<br>").join(out) if out else Markup('<span class="none" title="Không nêu thời hạn">—</span>')


@pass_context
def linked(context, text: str) -> Markup:
    """Plan text, escaped, with every agency name and document citation linked to its page; text of
    several paragraphs (a blank line between them) as one span per paragraph."""
    paragraphs = _PARAGRAPH_BREAK.split(text.strip())
    if len(paragraphs) > 1:
        return Markup("").join(
            Markup('<span class="paragraph">') + _linked(context, p) + Markup("</span>") for p in paragraphs
        )
    return _linked(context, text)


def _linked(context, text: str) -> Markup:
    out, last = [], 0
    for start, end, page in context["text_links"](text):
        out.append(one_line(text[last:start]))
        out.append(a(context, Link(text[start:end], page)))
        last = end
    out.append(one_line(text[last:]))
    return Markup("").join(out)


def lines(items) -> Markup:
    """Each item's text, escaped, one per line (an item's earlier reports: a few dozen in a cell)."""
    return Markup("<br> ").join(one_line(item.text) for item in items)


_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")


def breaks(text: str) -> Markup:
    """Text staff typed, escaped, its line breaks kept as <br> on the page's one line (a result of several
    lines reads as they wrote it; no blank line can split the page's HTML block)."""
    return Markup("<br> ").join(escape(part) for part in _BREAK.split(str(text).strip()))


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def mdtext(text: str) -> Markup:
    """Plan text for a Markdown line (a heading): HTML-escaped, then Markdown punctuation escaped."""
    return Markup(_MARKDOWN_PUNCTUATION.sub(r"\\\1", str(one_line(text))))


@cache  # one per process: mkdocs serve's rebuilds reuse its compiled templates (it reloads an edited one)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    # `join` returns markup the `finalize` step does not see: plan text joined is put on one line here.
    env.filters.update(
        href=href,
        a=a,
        links=links,
        deadlines=deadlines,
        linked=linked,
        mdtext=mdtext,
        one_line=one_line,
        lines=lines,
        breaks=breaks,
    )
    return env


_BLANK_RUNS = re.compile(r"\n{3,}")


# The block elements the templates write over several lines. Inside one, a blank line (an empty
# conditional row, say) would end the HTML block for Markdown, which would then wrap the rest in <p>.
_BLOCK_TAG = re.compile(r"<(/?)(table|thead|tbody|tr|ul|ol|dl|div|details|blockquote|figure|svg)\b[^>]*?(/?)>", re.I)


def _tidy(markdown: str) -> str:
    # Indented lines would turn into code blocks in Markdown; templates indent only for readability.
    lines, depth = [], 0
    for line in (raw.strip() for raw in markdown.splitlines()):
        if not line and depth > 0:
            continue  # no blank line inside an HTML block: it would split the block
        lines.append(line)
        for closing, _, empty in _BLOCK_TAG.findall(line):
            depth += -1 if closing else (0 if empty else 1)
        depth = max(depth, 0)
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip() + "\n"


class PageRenderer:
    def __init__(self, views: SiteViews):
        self.views = views
        self.env = _environment()
        # What every kept piece is printed with: the site's facts, and the program with its templates as they are
        # now (code_fingerprint, which each build reads again: make serve reads an edited template again).
        self._printed_with = (views.facts(), code_fingerprint())
        self._asked: dict[str, tuple] | None = None  # while a piece is printed: the texts it linked, and how

    def render(self, template: str, page, url_for: UrlFor) -> str:
        """A page body from its data: a section module's frozen dataclass (or a dict), one field a name."""
        context = {f.name: getattr(page, f.name) for f in fields(page)} if is_dataclass(page) else page
        # The view's fields, the site's facts and the tools that print them: nothing that could change the body
        # without changing its key in the build cache (pagebodies.PageBodies).
        tools = dict(
            site=self.views.facts(),
            url_for=url_for,
            text_links=self.text_links,
            count_word=count_word,
            remembered=self.remembered,
        )
        body = self.env.get_template(template).render(**context, **tools)
        return _tidy(body)

    def text_links(self, text: str) -> tuple:
        """Where a text links (SiteViews.text_links), noted while a piece is printed."""
        found = tuple(self.views.text_links(text))
        if self._asked is not None:
            self._asked[text] = found
        return found

    @pass_context
    def remembered(self, context, macro, row, *options) -> Markup:
        """`macro(row, *options)` as printed on this page, taken from an earlier build of this process where
        nothing it was printed from changed (fragments.PIECES)."""
        url_for = context["url_for"]
        if not isinstance(url_for, RelativeLinks):  # a page's links made otherwise: printed each time
            return macro(row, *options)
        # The row itself, hashed and compared by value: thirty times faster than writing it out, and as exact,
        # since a row holds plain data and no Markup (which would equal a str of the same text).
        key = (macro.name, url_for, self._printed_with, row, options)
        return PIECES.piece(key, self._links_unchanged, partial(self._printed, macro, row, *options))

    def _printed(self, macro, *args) -> tuple[Markup, dict]:
        self._asked = {}
        try:
            return macro(*args), self._asked
        finally:
            self._asked = None

    def _links_unchanged(self, asked: dict) -> bool:
        return all(tuple(self.views.text_links(text)) == found for text, found in asked.items())

    def document(self, template: str, page, url_for: UrlFor, **shell) -> str:
        """A page that stands alone, outside the theme: its body from its data, in _document_page.html.j2
        with the shell's title, trail and assets."""
        body = Markup(self.render(template, page, url_for))  # made here from escaped values
        return self.render("_document_page.html.j2", {**shell, "body": body}, url_for)
