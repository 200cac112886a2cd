"""The walk of the decision's structure: every part once, where it lives, in the decision's own order."""

from collections import Counter

from plannav import fulltext
from plannav.items import ITEM_KINDS
from plannav.planwalk import KINDS, walk
from plannav.textnorm import squash
from plannav.texts import iter_texts

BANNER_LINES = 2  # the copying website's banner, not the decision


def _at(data, path):
    for part in path:
        data = data[part]
    return data


def test_the_wording_comes_in_the_decisions_order(plan, seed_lines):
    """Each piece of wording is found in the source at or after the one before it, so no part of the walk
    comes before a part the decision puts ahead of it."""
    source = squash(" ".join(seed_lines[BANNER_LINES:]))
    at, out_of_order = 0, []
    for ref in iter_texts(plan):
        found = source.find(squash(ref.text), at)
        if found < 0:
            out_of_order.append(f"{ref.file}.yaml {ref.path}: {ref.text[:80]}")
        else:
            at = found
    assert not out_of_order, "\n".join(out_of_order)


def test_every_part_is_at_its_path_with_its_reference(plan):
    for node in walk(plan):
        data = _at(plan.sources[node.file].data, node.path)
        if isinstance(node.value, str):
            assert data == node.value, node
        for field in ("number", "letter"):
            if node.key and isinstance(data, dict) and data.get(field) is not None:
                assert node.key.endswith(str(data[field])), node


def test_the_kinds_are_listed_in_the_order_they_first_come(plan):
    kinds = Counter(node.kind for node in walk(plan))
    assert list(kinds) == list(KINDS)
    assert {kind: kinds[kind] for kind in ITEM_KINDS} == {
        "task": 28,
        "appendix-task": 44,
        "procedure": 25,
        "duty": 59,
        "funding": 2,
    }


def test_each_item_is_walked_once_within_its_section(plan):
    nodes = [node for node in walk(plan) if node.kind in ITEM_KINDS]
    assert len({(node.kind, node.key) for node in nodes}) == len(nodes)
    for node in nodes:
        if node.within is not None:
            section = _at(plan.sources[node.file].data, node.path[:2])
            assert node.within.heading.text == section["heading"]["text"], node


def test_the_full_text_shows_every_kind_of_part():
    assert set(fulltext._BLOCKS) == set(KINDS)
