"""Keys of data: a digest of texts, and plain data written out as text to take one of (what the build cache
keeps each result under)."""

import dataclasses
import enum
import hashlib
import json
from datetime import date
from functools import cache

from pydantic import BaseModel


def digest(*parts: str) -> str:
    out = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        out.update(len(encoded).to_bytes(8, "big") + encoded)  # lengths first: ("ab", "c") is not ("a", "bc")
    return out.hexdigest()


def canonical(value) -> str:
    """Plain data (what a page view or a printed document holds) as text: equal values give the same text in
    any process, and values a template would print otherwise give other texts (the type of each record
    and of each text that is not a plain str, such as Markup, is written with it). Anything else is a
    TypeError: say here how it is written, rather than let the key miss what the page shows."""
    return Canonical()(value)


class Canonical:
    """`canonical` for the many values of one build, which share records (an item's row is on forty pages):
    each record object is written out once, and stands in the texts of the values holding it by its digest.
    Records are not changed once made (page views are frozen), and each is held here while the writer
    lives, so an id names one record."""

    def __init__(self):
        self._records: dict[int, tuple[object, list]] = {}

    def __call__(self, value) -> str:
        return _text(self._plain(value))

    def _plain(self, value):
        kind = type(value)
        if kind in _PLAIN:
            return value
        if (fields := _record_fields(kind)) is not None:
            if (known := self._records.get(id(value))) is None:
                written = _text([kind.__qualname__, [self._plain(getattr(value, name)) for name in fields]])
                known = self._records[id(value)] = (value, [kind.__qualname__, "#" + digest(written)])
            return known[1]
        if isinstance(value, enum.Enum):
            return [kind.__qualname__, self._plain(value.value)]
        if isinstance(value, str | int | float):  # Markup is not the same text as a str
            return [kind.__qualname__, str(value)]
        if isinstance(value, tuple | list):
            return [kind.__qualname__, [self._plain(v) for v in value]]
        if isinstance(value, dict):
            return ["dict", [[self._plain(k), self._plain(v)] for k, v in value.items()]]
        if isinstance(value, set | frozenset):
            return ["set", sorted(self(v) for v in value)]
        if isinstance(value, date):  # and datetime
            return [kind.__qualname__, value.isoformat()]
        raise TypeError(f"{kind.__qualname__} is not plain data the build cache can write (keys.canonical)")


_text = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # plain data on one line, as JSON


_PLAIN = frozenset({str, int, float, bool, type(None)})


@cache
def _record_fields(kind: type) -> tuple[str, ...] | None:
    """The fields of a record type (a dataclass, or one of the plan's models), in order; None for others."""
    if dataclasses.is_dataclass(kind):
        return tuple(f.name for f in dataclasses.fields(kind))
    if issubclass(kind, BaseModel):
        return tuple(kind.model_fields)
    return None
