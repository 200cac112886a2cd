"""Checking every internal link and anchor of a built site, with the standard library only."""

import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        attr = _LINK_ATTRS.get(tag)
        if attr and values.get(attr):
            self.links.append((values[attr], self.getpos()[0]))


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith("//")


def broken_links(site_dir: str | os.PathLike) -> list[str]:
    """'page.html:line: link -> problem' for every internal link that leads nowhere."""
    site_dir = Path(site_dir)
    pages = {path: _parse(path) for path in sorted(site_dir.rglob("*.html"))}
    problems = []
    for page, parsed in pages.items():
        if page == site_dir / "404.html":
            continue  # served at any missing path, so its links are root-relative by design
        for url, line in parsed.links:
            if _is_external(url) or url.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            parts = urlsplit(url)
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site_dir).as_posix()}:{line}"
            if not target.is_file():
                problems.append(f"{where}: {url} -> no such file")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: {url} -> no anchor '#{parts.fragment}'")
    return problems
