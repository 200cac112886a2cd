"""What a file's model declares at a path of the file's data: the annotation and the model that validate
the value there, the kinds a tagged union accepts, a number's bounds; and the data's path of a pydantic
error's `loc`."""

import types
import typing

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo


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


def type_at(root: type[BaseModel], data, parts):
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


def model_at(root: type[BaseModel], data, parts):
    """The model class that validates the mapping at ``parts`` in ``data`` (None if unknown)."""
    tp, data = type_at(root, data, parts)
    tp = _unwrap(tp, data) if tp is not None else None
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def kinds_at(root: type[BaseModel], data, parts) -> str:
    """The `kind` values the tagged union at ``parts`` accepts, for a hint: 'month', 'year', ..."""
    tp, _ = type_at(root, data, parts)
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    kinds = [
        repr(kind)
        for member in typing.get_args(tp)
        if isinstance(member, type) and issubclass(member, BaseModel) and "kind" in member.model_fields
        for kind in typing.get_args(member.model_fields["kind"].annotation)
    ]
    return ", ".join(kinds)


def _tagged_union(tp) -> bool:
    """Whether an annotation is a union of models told apart by their `kind` (a deadline), whose member
    pydantic names in an error's `loc` by that tag."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return False
    members = [m for m in typing.get_args(tp) if m is not type(None)]
    if len(members) == 1:
        return _tagged_union(members[0])
    return any(isinstance(m, type) and issubclass(m, BaseModel) and "kind" in m.model_fields for m in members)


def data_path(model: type[BaseModel], data, loc) -> tuple:
    """The path in the file's data of an error's `loc`, without the tags pydantic inserts for a tagged
    union. A tag may also be the name of a key of its member (`kind: month` with `month: 2022-05`), and it
    ends the `loc` of an error about the member as a whole (a check weighing several of its keys)."""
    root, parts = data, []
    tag_read_at = None  # the path of the mapping whose tag was read: the part after it is one of its keys
    for part in loc:
        here = tuple(parts)
        if (
            isinstance(data, dict)
            and data.get("kind") == part
            and tag_read_at != here
            and _tagged_union(type_at(model, root, here)[0])
        ):
            tag_read_at = here
            continue
        parts.append(part)
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            data = None
    return tuple(parts)


def value_at(data, parts):
    """The value at a path of the file's data (None where there is none)."""
    for part in parts:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def field_types(model: type[BaseModel], data, parts) -> list:
    """What declares the value at ``parts``: its field (with the constraints pydantic moved out of its
    annotation) where it is a key of a model, else its annotation."""
    parent = model_at(model, data, parts[:-1]) if parts else None
    if parent is not None and parts[-1] in parent.model_fields:
        return [parent.model_fields[parts[-1]]]
    return [type_at(model, data, parts)[0]]


def bounds_of(declared) -> dict:
    """The bounds ('ge', 'le', 'gt', 'lt') found in annotations, fields and their constraints."""
    found = {}
    for item in declared:
        if isinstance(item, (annotated_types.Ge, annotated_types.Gt, annotated_types.Le, annotated_types.Lt)):
            found.update({key: getattr(item, key) for key in ("ge", "gt", "le", "lt") if hasattr(item, key)})
        elif isinstance(item, FieldInfo):
            found.update(bounds_of([item.annotation, *item.metadata]))
        elif typing.get_origin(item) in (typing.Annotated, typing.Union, types.UnionType):
            found.update(bounds_of(typing.get_args(item)))
    return found
