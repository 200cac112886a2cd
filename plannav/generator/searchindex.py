"""Making the site's search find Vietnamese typed with or without diacritics.

Material's Vietnamese search (lunr.vi) matches words as typed: "dang ky" does not find "đăng ký".
We add a field holding the same words folded ("đăng ký" -> "dang ky") to every entry and list
it in the index's fields; a query typed either way then matches. Results still show the
original title and text, which the entries keep.
"""

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from markupsafe import escape

from plannav.textnorm import fold

_TAGS = re.compile(r"<[^>]+>")
TITLE_FACTOR = 10


def _plain(html: str) -> str:
    return _TAGS.sub(" ", html or "")


def report_entries(found, url_of: Callable[[str], str]) -> list[dict]:
    """The reports' texts as entries (SiteModel.report_search_entries), each at its page's URL (`url_of` a page's
    source): the pages' report tables are left out of the search's reading."""
    return [
        {"location": f"{url_of(e.link.page)}#{e.link.anchor}", "title": str(escape(e.title)), "text": str(escape(e.text))}
        for e in found
    ]


def add_entries(index: dict, entries: list[dict]) -> dict:
    """Return the search index with more entries ({location, title, text}), made from the data. An entry
    whose location the index has (the section of a page) adds its text to that one: the search tells
    its results apart by their location."""
    docs = [dict(doc) for doc in index["docs"]]
    at = {doc["location"]: doc for doc in docs}
    for entry in entries:
        if entry["location"] in at:
            doc = at[entry["location"]]
            doc["text"] = f"{doc['text']} {entry['text']}".strip()
        else:
            docs.append(dict(entry))
            at[entry["location"]] = docs[-1]
    return dict(index, docs=docs)


# A rebuild under mkdocs serve folds again the same two thousand entries, of which an edit changes a few:
# each text is folded, and looked at for abbreviations, once per process.
_folded = lru_cache(maxsize=20_000)(fold)


def add_folded_field(index: dict) -> dict:
    """Return the search index with diacritics-free copies of title and text on every entry."""
    fields = dict(index["config"].get("fields", {}))
    # Folding merges words ("sở", "số", "sổ" all become "so"), so folded words are far more common
    # than accented ones and each match weighs less; a stronger title boost restores the balance.
    fields["title_folded"] = {"boost": fields.get("title", {}).get("boost", 1e3) * TITLE_FACTOR}
    fields["text_folded"] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    docs = [
        dict(entry, title_folded=_folded(_plain(entry.get("title", ""))), text_folded=_folded(_plain(entry.get("text", ""))))
        for entry in index["docs"]
    ]
    return dict(index, config=dict(index["config"], fields=fields), docs=docs)


def _pattern(forms: Iterable[str]) -> re.Pattern:
    """Any of the forms, folded, as whole words of a folded text."""
    return re.compile("|".join(rf"(?<!\w){re.escape(fold(form))}(?!\w)" for form in forms))


@lru_cache(maxsize=4)
def _others_finder(entries: tuple[tuple[str, ...], ...]) -> Callable[[str], tuple[str, ...]]:
    """For a folded text, the other forms of each abbreviation one of whose forms it holds (each text once)."""
    # Each entry's forms as folded words, to look for cheaply before the whole-word pattern is tried.
    patterns = [(_pattern(forms), forms, [fold(form) for form in forms]) for forms in entries]

    @lru_cache(maxsize=20_000)
    def others(text: str) -> tuple[str, ...]:
        found = []
        for pattern, forms, folded in patterns:
            if any(form in text for form in folded) and pattern.search(text):
                found += [variant for form in forms for variant in dict.fromkeys((form.lower(), fold(form)))]
        return tuple(found)

    return others


def add_abbreviations(index: dict, entries: list[tuple[str, ...]]) -> dict:
    """Return the search index where each entry that holds one form of an abbreviation (plan/
    abbreviations.yaml: "CCCD", "Căn cước công dân") also holds the others, as typed and folded, in two
    fields of their own: beside its title (weighted as the title) or its text. "cccd" then finds the
    pages about Căn cước công dân, and "trung hoc pho thong" the page that says THPT."""
    fields = dict(index["config"].get("fields", {}))
    fields["abbr_title"] = {"boost": fields.get("title", {}).get("boost", 1e3)}
    fields["abbr_text"] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    others = _others_finder(tuple(entries))
    docs = []
    for entry in index["docs"]:
        # The folded copies add_folded_field made, where it ran first.
        title = entry.get("title_folded") or _folded(_plain(entry.get("title", "")))
        text = entry.get("text_folded") or _folded(_plain(entry.get("text", "")))
        docs.append(dict(entry, abbr_title=" ".join(others(title)), abbr_text=" ".join(others(text))))
    return dict(index, config=dict(index["config"], fields=fields), docs=docs)


def add_aliases(index: dict, aliases: dict[str, str]) -> dict:
    """Return the search index where the entry of each page in `aliases` (by location) holds its other
    names in a field of their own, weighted as the title: "T3/2022" finds the page "Tháng 3/2022"."""
    fields = dict(index["config"].get("fields", {}))
    fields["aliases"] = {"boost": fields.get("title", {}).get("boost", 1e3)}
    docs = [
        dict(entry, aliases=aliases[entry["location"]]) if entry["location"] in aliases else entry for entry in index["docs"]
    ]
    return dict(index, config=dict(index["config"], fields=fields), docs=docs)
