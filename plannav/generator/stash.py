"""The HTML blocks of a page, set aside around Python-Markdown and put back after it.

Markdown passes raw HTML through untouched but pays dearly to find where each block ends; the item
tables are most of a page. The core renders a page body as HTML blocks separated by blank lines and a
few Markdown headings; plan text inside them never holds a line break (render.one_line), so splitting
at blank lines finds exactly the blocks the templates wrote.
"""

import re

_BLOCK_START = re.compile(r"<(div|table|p|ul|ol|h[1-6]|blockquote|nav|details|svg|form)\b")
PLACEHOLDER = re.compile(r"<!--plannav-block:(\d+)-->")


def stash_html_blocks(markdown: str) -> tuple[str, list[str]]:
    """Set the HTML blocks aside, leaving a comment in their place."""
    blocks, parts = [], []
    for chunk in markdown.split("\n\n"):
        if _BLOCK_START.match(chunk):
            parts.append(f"<!--plannav-block:{len(blocks)}-->")
            blocks.append(chunk)
        else:
            parts.append(chunk)
    return "\n\n".join(parts), blocks


def search_excluded(block: str) -> bool:
    """Whether the block's outer element carries data-search-exclude (the search skips it)."""
    return "data-search-exclude" in block[: block.find(">")]


def restore_html_blocks(html: str, blocks: list[str], excluded: bool) -> str:
    """Put back the blocks the search skips (excluded=True) or those it reads (False)."""

    def block(match: re.Match) -> str:
        text = blocks[int(match.group(1))]
        return text if search_excluded(text) == excluded else match.group(0)

    return PLACEHOLDER.sub(block, html)
