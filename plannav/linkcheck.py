"""Checking every internal link and anchor of a built site."""

import os
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from plannav.htmlscan import ScannedPage, scan_site

_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith("//")


def _ids_and_links(page: ScannedPage):
    ids, links = set(), []
    for tag, attributes, offset in page.tags:
        if attributes.get("id"):
            ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            ids.add(attributes["name"])
        attr = _LINK_ATTRS.get(tag)
        if attr and attributes.get(attr):
            links.append((attributes[attr], offset))
    return ids, links


def broken_links(site_dir: str | os.PathLike, pages: dict[str, ScannedPage] | None = None) -> list[str]:
    """'page.html:line: link -> problem' for every internal link that leads nowhere.

    `pages` is the site already scanned (htmlscan.scan_site), when another check reads it too.
    """
    site_dir = Path(site_dir)
    files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    pages = scan_site(site_dir) if pages is None else pages
    scanned = {name: _ids_and_links(page) for name, page in pages.items()}
    problems = []
    for name, (_, links) in sorted(scanned.items()):
        source = pages[name]
        if name == "404.html":
            continue  # served at any missing path, so its links are root-relative by design
        for url, offset in links:
            if _is_external(url) or url.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            parts = urlsplit(url)
            if parts.path.startswith("/"):
                problems.append(f"{name}:{source.line(offset)}: {url} -> root-relative, breaks under a sub-path")
                continue
            target = name if not parts.path else posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            if target == "." or parts.path.endswith("/") or f"{target}/index.html" in files:
                target = "index.html" if target == "." else f"{target}/index.html"
            if target.startswith("..") or target not in files:
                problems.append(f"{name}:{source.line(offset)}: {url} -> no such file")
                continue
            if parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in scanned[target][0]:
                problems.append(f"{name}:{source.line(offset)}: {url} -> no anchor '#{parts.fragment}'")
    return problems
