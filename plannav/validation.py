"""Turning pydantic validation errors into problems with a line, a path and a hint."""

import types
import typing

from pydantic import BaseModel, ValidationError

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


def _unwrap(tp, data):
    """Strip Annotated/Optional and pick a discriminated union member from the data's `kind`."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [m for m in typing.get_args(tp) if m is not type(None)]
            chosen = members[0] if len(members) == 1 else None
            for member in members:
                if isinstance(member, type) and issubclass(member, BaseModel) and isinstance(data, dict):
                    kind = member.model_fields.get("kind")
                    if kind and data.get("kind") in typing.get_args(kind.annotation):
                        chosen = member
            if chosen is None:
                return None
            tp = chosen
        else:
            return tp


def _type_at(root: type[BaseModel], data, parts):
    """The annotation that validates the value at ``parts`` in ``data``, and that value (None if unknown)."""
    tp = root
    for part in parts:
        tp = _unwrap(tp, data)
        if isinstance(part, int) and typing.get_origin(tp) is list and isinstance(data, list) and part < len(data):
            tp, data = typing.get_args(tp)[0], data[part]
        elif isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(data, dict) and part in tp.model_fields:
            tp, data = tp.model_fields[part].annotation, data.get(part)
        else:
            return None, None
    return tp, data


def _model_at(root: type[BaseModel], data, parts):
    """The model class that validates the mapping at ``parts`` in ``data`` (None if unknown)."""
    tp, data = _type_at(root, data, parts)
    tp = _unwrap(tp, data) if tp is not None else None
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _kinds_at(root: type[BaseModel], data, parts) -> str:
    """The `kind` values the tagged union at ``parts`` accepts, for a hint: 'month', 'year', ..."""
    tp, _ = _type_at(root, data, parts)
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    kinds = [
        repr(kind)
        for member in typing.get_args(tp)
        if isinstance(member, type) and issubclass(member, BaseModel) and "kind" in member.model_fields
        for kind in typing.get_args(member.model_fields["kind"].annotation)
    ]
    return ", ".join(kinds)


def _data_path(data, loc) -> tuple:
    """Drop the discriminator tags pydantic inserts in `loc` for tagged unions."""
    parts = []
    tagged = None  # the mapping whose union tag pydantic put in `loc` (it may also be a key: month: 2022-05)
    for at, part in enumerate(loc):
        # A tag is never the last part: the error is about a key of the member it chose.
        if isinstance(data, dict) and data.get("kind") == part and tagged is not data and at < len(loc) - 1:
            tagged = data
            continue
        parts.append(part)
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            data = None
    return tuple(parts)


def problems_from(
    error: ValidationError, model: type[BaseModel], source: SourceFile, schema: str | None = None
) -> list[Problem]:
    """The first MAX_REPORTED errors as problems, and one line counting the rest (a file of pasted rows
    can hold a hundred thousand). schema: the name of the file's JSON Schema in plan/schema/, where it
    is not named after the file (a plan file's is: plan/tasks.yaml, schema/tasks.schema.json)."""
    schema = schema or source.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    schema_hint = f"see plan/schema/{schema}.schema.json for the expected shape"
    total = error.error_count()
    problems = [_more_problems(source, total - MAX_REPORTED)] if total > MAX_REPORTED else []
    for err in error.errors(include_url=False)[:MAX_REPORTED]:
        parts = _data_path(source.data, err["loc"])
        if err["type"] == "union_tag_invalid":
            parts = parts + ("kind",)  # the item has a kind, a wrong one: point at it
        message, hint, code = _explained(err, parts, model=model, data=source.data, schema_hint=schema_hint)
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


def _explained(err: dict, parts: tuple, model: type[BaseModel], data, schema_hint: str) -> tuple[str, str, str]:
    """(message, hint, code) for one pydantic error at ``parts`` of the file's data, in the file's words."""
    kind, value = err["type"], err.get("input")
    name = parts[-1] if parts else ""
    if kind == "extra_forbidden":
        return _unknown_key(name, _model_at(model, data, parts[:-1]))
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
        tags = err.get("ctx", {}).get("expected_tags") or _kinds_at(model, data, parts)
        return _deadline_kind(kind, value), f"kind is one of {tags}", "deadline-kind"
    if kind == "literal_error":
        message = f"expected one of {err['ctx']['expected']}, found {_describe(value)}"
        return message, "use one of the listed values", "not-allowed"
    if kind == "value_error":
        cause = err["ctx"]["error"]
        return str(cause), getattr(cause, "hint", "check the value against the decision's text"), "invalid-value"
    return f"{err['msg']} (found {_describe(value)})", schema_hint, "invalid-value"


def _unknown_key(name, parent: type[BaseModel] | None) -> tuple[str, str, str]:
    """(message, hint, code) for a key the mapping's model does not have: the nearest allowed key, and all of them."""
    allowed = sorted(parent.model_fields) if parent else []
    hint = did_you_mean(name, allowed)
    hint = (hint + " " if hint else "") + (f"allowed keys here: {', '.join(allowed)}" if allowed else "")
    return f"unknown key '{name}'", hint.strip(), "unknown-key"


def _deadline_kind(kind: str, value) -> str:
    """The message for a tagged union's `kind`: one it does not know, or none at all."""
    if kind == "union_tag_invalid":
        return f"unknown deadline kind '{value.get('kind') if isinstance(value, dict) else value}'"
    return "missing required key 'kind'"
