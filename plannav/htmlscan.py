"""A fast scan of generated HTML: start tags with their attributes, and the ids they define.

The built site is machine-written HTML, so a regular expression over start tags is exact enough
and much faster than a full parser over 200 pages whose navigation repeats on each.
"""

import html
import re

_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)(\s[^<>]*?)?/?>")
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_COMMENT_OR_SCRIPT = re.compile(r"<!--.*?-->|(<script\b[^>]*>).*?</script>|(<style\b[^>]*>).*?</style>", re.S | re.I)


def _blank(match: re.Match) -> str:
    # Keep the opening tag (its src matters) and the line count; drop the body, which is not markup.
    kept = match.group(1) or match.group(2) or ""
    body = match.group(0)[len(kept):]
    return kept + "\n" * body.count("\n")


def start_tags(text: str):
    """Yield (tag, attributes, offset) for every start tag outside comments, scripts and styles."""
    text = _COMMENT_OR_SCRIPT.sub(_blank, text)
    for match in _START_TAG.finditer(text):
        attributes = {}
        for name, double, single, bare in _ATTRIBUTE.findall(match.group(2) or ""):
            attributes[name.lower()] = html.unescape(double or single or bare)
        yield match.group(1).lower(), attributes, match.start(), text


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
