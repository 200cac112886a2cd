"""Finding known wordings (agency names, document titles) inside running text."""

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    target: str
    wording: str  # the text as it stands in the source, not the registry's spelling


def _lower_keep_length(text: str) -> str:
    # str.lower() can lengthen a few characters; offsets must stay valid for the source text.
    lowered = text.lower()
    if len(lowered) == len(text):  # true of all Vietnamese text; the slow path is for 'İ' and the like
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def trie_pattern(phrases) -> str:
    """One regular expression for many phrases, their common beginnings written once.

    A plain alternation of a thousand agency names makes the engine try each name at each position of
    a text; written as a tree, it follows only the branch the text takes. Longer phrases win, as in an
    alternation sorted longest first: an optional tail is greedy and given back only when the end of
    a word does not follow.
    """
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


class PhraseMatcher:
    """Longest, case-insensitive, whole-word matches of many phrases at once."""

    def __init__(self, phrases: dict[str, str]):
        self._targets = {_lower_keep_length(unicodedata.normalize("NFC", p)): t for p, t in phrases.items()}
        self._pattern = re.compile(rf"(?<!\w)(?:{trie_pattern(self._targets) or '(?!x)x'})(?!\w)")

    @property
    def phrases(self) -> dict[str, str]:
        """Each phrase matched (case folded) and its target: all that decides what `find` finds."""
        return self._targets

    def find(self, text: str) -> list[Match]:
        source = unicodedata.normalize("NFC", text)
        lowered = _lower_keep_length(source)
        return [
            Match(m.start(), m.end(), self._targets[m.group(0)], source[m.start() : m.end()])
            for m in self._pattern.finditer(lowered)
        ]

    def targets(self, text: str) -> list[str]:
        """Distinct targets in order of first appearance."""
        return list(dict.fromkeys(m.target for m in self.find(text)))

    def leftover(self, text: str) -> str:
        """The text with every match cut out."""
        source = unicodedata.normalize("NFC", text)
        pieces, last = [], 0
        for m in self.find(source):
            pieces.append(source[last : m.start])
            last = m.end
        pieces.append(source[last:])
        return " ".join(pieces)
