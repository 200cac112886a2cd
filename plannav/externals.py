"""Finding anything a built page would fetch from outside its own origin.

The intranet has no internet access: a web font, a CDN script or an analytics beacon would
fail there and leak the reader's visit elsewhere. Links that a reader may follow (<a href>)
are not fetches and are allowed.
"""

import os
import re
from html.parser import HTMLParser
from pathlib import Path

# Tag -> attributes whose URL the browser fetches by itself.
_FETCHING = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",), "track": ("src",),
    "image": ("href", "xlink:href"), "use": ("href", "xlink:href"), "form": ("action",),
}
# <link rel=...> values that make the browser fetch or connect; "canonical" and "alternate" only name a URL.
_FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "modulepreload",
                  "manifest", "preconnect", "dns-prefetch", "prerender", "mask-icon"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def _is_external(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//", "ftp://", "ws://", "wss://"))


class _FetchParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and set((values.get("rel") or "").lower().split()) & _FETCHING_RELS:
            if _is_external(values.get("href") or ""):
                self.found.append((self.getpos()[0], values["href"]))
        for attr in _FETCHING.get(tag, ()):
            for url in (values.get(attr) or "").split(","):
                url = url.strip().split(" ")[0]
                if url and _is_external(url):
                    self.found.append((self.getpos()[0], url))
        for url in _CSS_URL.findall(values.get("style") or ""):
            if _is_external(url[0] or url[1]):
                self.found.append((self.getpos()[0], url[0] or url[1]))


def external_fetches(site_dir: str | os.PathLike) -> list[str]:
    """'file:line: url' for every external URL a page or stylesheet would load."""
    site_dir = Path(site_dir)
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        parser = _FetchParser()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        found += [f"{path.relative_to(site_dir).as_posix()}:{line}: {url}" for line, url in parser.found]
    for path in sorted(site_dir.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in _CSS_URL.finditer(text):
            url = match.group(1) or match.group(2)
            if _is_external(url):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(site_dir).as_posix()}:{line}: {url}")
    return found
