"""The plan is the decision, word for word: every line of the source is in the YAML, and every
piece of the decision's wording in the YAML is in the source."""

import re

import pytest
from sitebuild import PLAN_DIR

from plannav.models import FILE_MODELS
from plannav.textnorm import squash
from plannav.texts import iter_texts
from plannav.yamlsource import read_source

BANNER_LINES = 2  # the copying website's banner, not the decision
METADATA_LABELS = {
    "Số hiệu",
    "Loại văn bản",
    "Ngày ban hành",
    "Nơi ban hành",
    "Người ký",
    "Ngày công báo",
    "Số công báo",
    "Ngày hiệu lực",
    "Tình trạng hiệu lực",
}
# Keys whose values are editorial, not the decision's wording.
EDITORIAL_KEYS = {"note", "id"}


def _values(data, key=None):
    if isinstance(data, dict):
        for k, v in data.items():
            if k not in EDITORIAL_KEYS:
                yield from _values(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from _values(v, key)
    elif data is not None:
        yield key, data


@pytest.fixture(scope="module")
def yaml_values():
    """Every string and number of the plan files that carry the decision's wording."""
    strings, numbers = set(), set()
    for name in FILE_MODELS:
        if name in ("agencies", "abbreviations"):
            continue  # editorial: their names must not satisfy fidelity
        source, problems = read_source(PLAN_DIR / f"{name}.yaml", name)
        assert not problems
        data = source.data
        if name == "documents":
            data = {k: data[k] for k in ("related", "earlier_related")}
        for _, value in _values(data):
            if isinstance(value, str):
                strings.add(squash(value))
            elif isinstance(value, int) and not isinstance(value, bool):
                numbers.add(str(value))
    return strings, numbers


def _fragments(line: str) -> list[str]:
    """The pieces of one source line that must appear in the YAML as whole values."""
    if "|" in line:
        return [c.strip() for c in line.split("|") if c.strip()]
    if m := re.match(r"^- (\d+)(\D.*)$", line):
        return [m[2].strip()]
    if m := re.match(r"^- ([^:]+):(.*)$", line):
        label, rest = m[1].strip(), m[2].strip()
        if label in METADATA_LABELS:
            return [rest]
        return [label] + ([rest] if rest else [])
    if m := re.match(r"^Cơ quan thực hiện: (.*)$", line):
        return [m[1]]
    if m := re.match(r"^(Thời gian (?:hoàn thành|thực hiện)): (.*)$", line):
        return [m[1], m[2]]
    if m := re.match(r"^Điều \d\. (.*)$", line):
        return [m[1]]
    return [line]


def _found(fragment, strings, numbers, whole_line):
    fragment = squash(fragment)
    if fragment in strings or fragment.rstrip(".") in numbers:
        return True
    # List items keep their marker out of the text ("a) ..." -> "..."); headings keep it in.
    m = re.match(r"^(?:[a-zđ]\)|\d+\.)\s+(.*)$", fragment)
    return bool(whole_line and m and squash(m[1]) in strings)


def test_every_line_of_the_decision_is_in_the_plan(seed_lines, yaml_values):
    strings, numbers = yaml_values
    missing = []
    for number, line in enumerate(seed_lines[BANNER_LINES:], start=BANNER_LINES + 1):
        line = line.strip()
        if not line:
            continue
        pieces = _fragments(line)
        whole = pieces == [line]
        for piece in pieces:
            if not _found(piece, strings, numbers, whole):
                missing.append(f"seed line {number}: {piece[:100]}")
    assert not missing, "\n".join(missing)


def test_the_banner_is_left_out(seed_lines, yaml_values):
    strings, _ = yaml_values
    for line in seed_lines[:BANNER_LINES]:
        assert squash(line) not in strings


def test_every_wording_in_the_plan_is_in_the_decision(plan, seed_lines):
    source = squash(" ".join(seed_lines))
    invented = [
        f"{ref.file}.yaml {ref.path}: {ref.text[:80]}"
        for ref in iter_texts(plan)
        if ref.text and squash(ref.text) not in source
    ]
    assert not invented, "\n".join(invented)


def test_known_typos_are_kept(plan, seed_lines):
    wording = " ".join(ref.text for ref in iter_texts(plan))
    for typo in ("Chuyển đổi sổ quốc gia", "Cơ sở sở dữ liệu", "Cổng Dịch vụ tỉnh", "chữ số chuyên dùng"):
        assert typo in wording
