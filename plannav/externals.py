"""Finding anything a built page would fetch from outside its own origin.

The intranet has no internet access: a web font, a CDN script or an analytics beacon would
fail there and leak the reader's visit elsewhere. Links that a reader may follow (<a href>)
are not fetches and are allowed.
"""

import os
import re
from pathlib import Path

from plannav.htmlscan import ScannedPage, line_at

# Tag -> attributes whose URL the browser fetches by itself.
_FETCHING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "form": ("action",),
}
# <link rel=...> values that make the browser fetch or connect; "canonical" and "alternate" only name a URL.
_FETCHING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "preconnect",
    "dns-prefetch",
    "prerender",
    "mask-icon",
}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def _is_external(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//", "ftp://", "ws://", "wss://"))


def _fetched(tag: str, attributes: dict) -> list[str]:
    """External URLs this tag makes the browser fetch."""
    urls = []
    if tag == "link":
        if set(attributes.get("rel", "").lower().split()) & _FETCHING_RELS:
            urls.append(attributes.get("href", ""))
    for attr in _FETCHING.get(tag, ()):
        urls += [part.strip().split(" ")[0] for part in attributes.get(attr, "").split(",")]
    for match in _CSS_URL.finditer(attributes.get("style", "")):
        urls.append(match.group(1) or match.group(2))
    return [url for url in urls if url and _is_external(url)]


def page_fetches(page: ScannedPage) -> list[tuple[str, int]]:
    """(url, line) of everything outside the site that the page makes the browser fetch."""
    return [(url, page.line(offset)) for tag, attributes, offset in page.tags for url in _fetched(tag, attributes)]


def external_fetches(site_dir: str | os.PathLike, fetches: dict[str, list]) -> list[str]:
    """'file:line: url' for every external URL a page (given its fetches, page_fetches, as taken when it
    was written) or a stylesheet of the site would load."""
    site_dir = Path(site_dir)
    found = [f"{name}:{line}: {url}" for name, page in fetches.items() for url, line in page]
    for path in sorted(site_dir.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in _CSS_URL.finditer(text):
            url = match.group(1) or match.group(2)
            if _is_external(url):
                found.append(f"{path.relative_to(site_dir).as_posix()}:{line_at(text, match.start())}: {url}")
    return found
