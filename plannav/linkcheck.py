"""Checking every internal link and anchor of a built site."""

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from plannav.htmlscan import ScannedPage

_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith("//")


@dataclass
class PageLinks:
    ids: set[str]  # anchors the page defines
    links: list[tuple[str, int]]  # (url, line) of every link it makes


def page_links(page: ScannedPage) -> PageLinks:
    ids, links = set(), []
    for tag, attributes, offset in page.tags:
        if attributes.get("id"):
            ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            ids.add(attributes["name"])
        attr = _LINK_ATTRS.get(tag)
        if attr and attributes.get(attr):
            links.append((attributes[attr], page.line(offset)))
    return PageLinks(ids, links)


def broken_links(site_dir: str | os.PathLike, scanned: dict[str, PageLinks]) -> list[str]:
    """'page.html:line: link -> problem' for every internal link that leads nowhere, given each page's
    links (page_links) as taken when the pages were written."""
    site_dir = Path(site_dir)
    files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    problems = []
    resolved: dict[tuple[str, str], tuple[str, str]] = {}  # pages of one folder link the same URLs
    for name, found in sorted(scanned.items()):
        if name == "404.html":
            continue  # served at any missing path, so its links are root-relative by design
        folder = posixpath.dirname(name)
        for url, line in found.links:
            key = (folder if urlsplit(url).path else name, url)
            if key not in resolved:
                resolved[key] = _resolve(name, url, files)
            target, problem = resolved[key]
            if problem:
                problems.append(f"{name}:{line}: {url} -> {problem}")
            elif target and unquote(urlsplit(url).fragment) not in scanned[target].ids:
                problems.append(f"{name}:{line}: {url} -> no anchor '#{urlsplit(url).fragment}'")
    return problems


def _resolve(name: str, url: str, files: set[str]) -> tuple[str, str]:
    """(page whose anchor must exist or "", problem or "") for a link from page `name`."""
    if _is_external(url) or url.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return "", ""
    parts = urlsplit(url)
    if parts.path.startswith("/"):
        return "", "root-relative, breaks under a sub-path"
    target = name if not parts.path else posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
    if target == "." or parts.path.endswith("/") or f"{target}/index.html" in files:
        target = "index.html" if target == "." else f"{target}/index.html"
    if target.startswith("..") or target not in files:
        return "", "no such file"
    return (target if parts.fragment and target.endswith(".html") else ""), ""
