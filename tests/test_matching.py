"""Phrase matching: the tree-shaped pattern finds exactly what a plain alternation, longest first, finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plannav.matching import PhraseMatcher
from plannav.texts import iter_texts


def reference(phrases: list[str], text: str) -> list[tuple[int, int]]:
    """The obvious pattern: every phrase, longest first, between word boundaries."""
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, ordered))})(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text.lower())]


def test_agency_wordings_in_every_text_of_the_plan(plan):
    wordings = [w for agency in plan.agencies.agencies for w in agency.wordings]
    matcher = PhraseMatcher({w: "x" for w in wordings})
    texts = [ref.text for ref in iter_texts(plan)]
    assert len(texts) > 500
    found = 0
    for text in texts:
        expected = reference(wordings, text)
        assert [(m.start, m.end) for m in matcher.find(text)] == expected, text
        found += len(expected)
    assert found > 500


WORDS = st.sampled_from(["sở", "tư", "pháp", "sở tư", "ubnd", "tỉnh", "ubnd tỉnh", "công an", "an"])


@settings(max_examples=300, deadline=None)
@given(
    phrases=st.lists(WORDS, min_size=1, max_size=6),
    words=st.lists(WORDS, max_size=12),
    joiner=st.sampled_from([" ", ", ", "  ", "-"]),
)
def test_same_matches_as_the_plain_alternation(phrases, words, joiner):
    text = joiner.join(words)
    matcher = PhraseMatcher({p: p for p in phrases})
    assert [(m.start, m.end) for m in matcher.find(text)] == reference(phrases, text)
