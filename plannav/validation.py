"""Turning pydantic validation errors into problems with a line, a path and a hint."""

import difflib
import re

from pydantic import BaseModel, ValidationError

from plannav.modelpaths import bounds_of, data_path, field_types, kinds_at, model_at, value_at
from plannav.problems import MAX_REPORTED, Problem, did_you_mean, format_path
from plannav.yamlsource import SourceFile

_KIND_OF_VALUE = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    float: "a decimal number",
    type(None): "nothing (null)",
    list: "a list",
    dict: "a mapping (key: value lines)",
}

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "model_type": "a mapping (key: value lines)",
    "dict_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
}

_PATTERN_HINTS = {
    "month": ("a month written YYYY-MM", "for example '2022-05' for Tháng 5/2022"),
    "date": ("a date written YYYY-MM-DD", "for example '2022-03-20'"),
    "start": ("a date written YYYY-MM-DD", "for example '2022-06-01'"),
    "issued_date": ("a date written YYYY-MM-DD", "for example '2022-03-01'"),
    "letter": ("one lowercase Vietnamese letter", "for example 'a' or 'đ'"),
    "restates": ("a Part II task written section.letter", "for example '2.đ'"),
    "duty": ("a Part IV duty written section.letter or section", "for example '1.d' or '4'"),
    "symbol": ("a body's symbol in capitals, as in a document's number", "for example 'STP' in 'Số: 12/BC-STP'"),
}
_SLUG_HINT = ("an id in lowercase ASCII words joined by '-'", "for example 'cong-an-tinh'; see plan/agencies.yaml")
# Where the field's name says nothing, the pattern does: every date field of every file reads alike.
_HINTS_BY_PATTERN = {
    r"^\d{4}-\d{2}-\d{2}$": ("a date written YYYY-MM-DD", "for example '2025-07-01' for ngày 01/7/2025, in quotes"),
    r"^\d{4}-(0[1-9]|1[0-2])$": _PATTERN_HINTS["month"],
}


def _describe(value) -> str:
    kind = _KIND_OF_VALUE.get(type(value), type(value).__name__)
    if isinstance(value, (dict, list)) or value is None:
        return kind
    shown = repr(value) if not isinstance(value, str) else f"'{value[:60]}'"
    return f"{kind} {shown}"


def _key_named(message: str, mapping: dict):
    """The key a check of a whole mapping is about: the first the message names with its value ('day 31
    does not exist in every month' is about `day`; "cannot mean 'start'" about the `meaning` written
    'start'). None when it names none."""
    found = []
    for key, value in mapping.items():
        if key == "kind" or isinstance(value, (dict, list, bool)) or value is None:
            continue
        written = [rf"(?<!\w){re.escape(str(key))} {re.escape(str(value))}(?!\w)"]
        if isinstance(value, str):
            written.append(re.escape(f"'{value}'"))
        at = [m.start() for pattern in written for m in re.finditer(pattern, message)]
        if at:
            found.append((min(at), key))
    return min(found)[1] if found else None


def _misspelt_keys(errors: list[dict], paths: list[tuple]) -> dict[int, int]:
    """The unknown keys that stand for a required key missing from the same mapping, a misspelling ('lettr'
    for 'letter'): {the unknown key's error: the missing key's}. The pair is said once, as the unknown key
    naming the key meant."""
    missing = {}  # the mapping's path -> {missing key: its error}
    for i, (err, parts) in enumerate(zip(errors, paths, strict=True)):
        if err["type"] == "missing" and parts:
            missing.setdefault(parts[:-1], {})[str(parts[-1])] = i
    meant = {}
    for i, (err, parts) in enumerate(zip(errors, paths, strict=True)):
        keys = missing.get(parts[:-1]) if err["type"] == "extra_forbidden" and parts else None
        close = difflib.get_close_matches(str(parts[-1]), list(keys), n=1, cutoff=0.6) if keys else []
        if close:
            meant[i] = keys.pop(close[0])
    return meant


def problems_from(
    error: ValidationError, model: type[BaseModel], source: SourceFile, schema: str | None = None
) -> list[Problem]:
    """The first MAX_REPORTED errors as problems, and one line counting the rest (a file of pasted rows
    can hold a hundred thousand). schema: the name of the file's JSON Schema in plan/schema/, where it
    is not named after the file (a plan file's is: plan/tasks.yaml, schema/tasks.schema.json)."""
    schema = schema or source.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    schema_hint = f"see plan/schema/{schema}.schema.json for the expected shape"
    errors = error.errors(include_url=False)
    paths = [data_path(model, source.data, err["loc"]) for err in errors]
    misspelt = _misspelt_keys(errors, paths)
    said_as_misspelt = set(misspelt.values())
    explained = [(i, err, paths[i]) for i, err in enumerate(errors) if i not in said_as_misspelt]
    total = len(explained)
    problems = [_more_problems(source, total - MAX_REPORTED)] if total > MAX_REPORTED else []
    for i, err, parts in explained[:MAX_REPORTED]:
        meant = str(paths[misspelt[i]][-1]) if i in misspelt else None
        if err["type"] == "union_tag_invalid":
            parts = parts + ("kind",)  # the item has a kind, a wrong one: point at it
        elif err["type"] == "value_error" and isinstance(mapping := value_at(source.data, parts), dict):
            # A check of the whole mapping: said at the key it is about, the one the editor changed.
            key = _key_named(str(err["ctx"]["error"]), mapping)
            parts = parts + (key,) if key else parts
        message, hint, code = _explained(err, parts, model, source.data, schema_hint, meant)
        problems.append(Problem(source.path, source.line_of(parts), format_path(parts), message, hint, code))
    return problems


def _more_problems(source: SourceFile, hidden: int) -> Problem:
    """The line that counts the problems of a file left unlisted."""
    return Problem.of_file(
        source.path,
        f"{hidden:,} more problems in this file are not listed",
        "fix the ones listed first; they often have one cause",
        code="more-problems",
        hidden=hidden,
    )


def _explained(
    err: dict, parts: tuple, model: type[BaseModel], data, schema_hint: str, meant: str | None = None
) -> tuple[str, str, str]:
    """(message, hint, code) for one pydantic error at ``parts`` of the file's data, in the file's words;
    meant: for an unknown key, the missing required key it is a misspelling of."""
    kind, value = err["type"], err.get("input")
    name = parts[-1] if parts else ""
    if kind == "extra_forbidden":
        return _unknown_key(name, model_at(model, data, parts[:-1]), meant)
    if kind == "missing":
        return f"missing required key '{name}'", f"add `{name}:` to this item", "missing-key"
    if kind in _EXPECTED:
        hint = "put the value in quotes to make it text" if kind == "string_type" else schema_hint
        return f"expected {_EXPECTED[kind]}, found {_describe(value)}", hint, "wrong-type"
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern")
        expected, hint = _PATTERN_HINTS.get(str(name)) or _HINTS_BY_PATTERN.get(pattern, _SLUG_HINT)
        return f"expected {expected}, found '{value}'", hint, "wrong-format"
    if kind == "string_too_long":
        limit = err.get("ctx", {}).get("max_length")
        return (
            f"is {len(value)} characters long, more than the {limit} a name may have",
            "a name is a few words; check that no other text was pasted here",
            "too-long",
        )
    if kind == "too_short":
        return "must not be empty", "give at least one entry", "empty-list"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tags = err.get("ctx", {}).get("expected_tags") or kinds_at(model, data, parts)
        return _deadline_kind(kind, value), f"kind is one of {tags}", "deadline-kind"
    if kind == "literal_error":
        message = f"expected one of {err['ctx']['expected']}, found {_describe(value)}"
        return message, "use one of the listed values", "not-allowed"
    if kind in _BOUNDS:
        return _out_of_range(name, value, {**err.get("ctx", {}), **bounds_of(field_types(model, data, parts))})
    if kind == "value_error":
        cause = err["ctx"]["error"]
        return str(cause), getattr(cause, "hint", "check the value against the decision's text"), "invalid-value"
    return f"{err['msg']} (found {_describe(value)})", schema_hint, "invalid-value"


# pydantic's errors for a number beyond a bound, and the bound each names in its `ctx`.
_BOUNDS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt", "less_than_equal": "le"}
# What a bounded number is, by its key, and how to find the right one: (what, hint with {range}).
_RANGE_WORDS = {
    "group": ("a utility group", "the utility groups of I.1 are numbered {range}; see plan/objectives.yaml"),
    "year": ("a year", "check the year against the decision's text"),
    "from_year": ("a year", "check the year against the decision's text"),
    "to_year": ("a year", "check the year against the decision's text"),
    "day": ("a day of the month", "write the day the deadline's wording gives"),
}


def _out_of_range(name, value, bounds: dict) -> tuple[str, str, str]:
    """(message, hint, code) for a number beyond its bounds: the range, in the words of the key's meaning."""
    if "ge" in bounds and "le" in bounds:
        span = f"from {bounds['ge']} to {bounds['le']}"
    else:
        words = {"gt": "more than", "ge": "at least", "lt": "less than", "le": "at most"}
        span = " and ".join(f"{words[key]} {bounds[key]}" for key in words if key in bounds)
    number = "a whole number" if isinstance(value, int) else "a number"
    what, hint = _RANGE_WORDS.get(str(name), (number, f"write {number} {span}"))
    return f"expected {what} {span}, found {value!r}", hint.format(range=span), "invalid-value"


def _unknown_key(name, parent: type[BaseModel] | None, meant: str | None = None) -> tuple[str, str, str]:
    """(message, hint, code) for a key the mapping's model does not have: the nearest allowed key (the
    required key missing here it stands for, `meant`, if any), and all of them."""
    allowed = sorted(parent.model_fields) if parent else []
    if meant:
        hint = f"did you mean '{meant}'? it is required, and missing here;"
    else:
        hint = did_you_mean(name, allowed)
    hint = (hint + " " if hint else "") + (f"allowed keys here: {', '.join(allowed)}" if allowed else "")
    return f"unknown key '{name}'", hint.strip(), "unknown-key"


def _deadline_kind(kind: str, value) -> str:
    """The message for a tagged union's `kind`: one it does not know, or none at all."""
    if kind == "union_tag_invalid":
        return f"unknown deadline kind '{value.get('kind') if isinstance(value, dict) else value}'"
    return "missing required key 'kind'"
