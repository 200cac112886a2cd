"""Making the site's search find Vietnamese typed with or without diacritics.

Material's Vietnamese search (lunr.vi) matches words as typed: "dang ky" does not find "đăng ký".
We add a field holding the same words folded ("đăng ký" -> "dang ky") to every entry and list
it in the index's fields; a query typed either way then matches. Results still show the
original title and text, which the entries keep.
"""

import re

from plannav.textnorm import fold

_TAGS = re.compile(r"<[^>]+>")
TITLE_FACTOR = 10


def _plain(html: str) -> str:
    return _TAGS.sub(" ", html or "")


def add_folded_field(index: dict) -> dict:
    """Return the search index with diacritics-free copies of title and text on every entry."""
    fields = dict(index["config"].get("fields", {}))
    # Folding merges words ("sở", "số", "sổ" all become "so"), so folded words are far more common
    # than accented ones and each match weighs less; a stronger title boost restores the balance.
    fields["title_folded"] = {"boost": fields.get("title", {}).get("boost", 1e3) * TITLE_FACTOR}
    fields["text_folded"] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    docs = [
        dict(entry, title_folded=fold(_plain(entry.get("title", ""))), text_folded=fold(_plain(entry.get("text", ""))))
        for entry in index["docs"]
    ]
    return dict(index, config=dict(index["config"], fields=fields), docs=docs)
