"""Keys of data: a digest of texts, and a digest of plain data (what the build cache keeps each result under)."""

import hashlib
import io
import pickle

from pydantic import BaseModel


def digest(*parts: str) -> str:
    out = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        out.update(len(encoded).to_bytes(8, "big") + encoded)  # lengths first: ("ab", "c") is not ("a", "bc")
    return out.hexdigest()


def canonical(value) -> str:
    """A digest of plain data (what a page view or a printed document holds): equal values give the same
    digest in any process, and values a template would print otherwise give other digests, for the type
    of each record and of each text that is not a plain str (such as Markup) is written with it.

    The value is pickled, with no memo: how a view shares its records (an item's row is on forty pages)
    or its texts does not change what is written. A record (a dataclass) is written as its type and its
    attributes; one of the plan's models as its type and its fields in order, not with the set of fields
    given, whose order changes from process to process. So does a set's: a value holding a set may be made
    again by another process, never taken for another. A bare object, or what pickle cannot write, is a
    TypeError: say here how it is written, rather than let the key miss what the page shows."""
    buffer = io.BytesIO()
    writer = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    writer.fast = True  # no memo: a text or record met twice is written twice
    writer.dispatch_table = _REDUCERS
    try:
        writer.dump(value)
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        raise TypeError(f"not plain data the build cache can write (keys.canonical): {error}") from None
    return hashlib.sha256(buffer.getbuffer()).hexdigest()


def _model_fields(model: BaseModel) -> tuple:
    return type(model), tuple(getattr(model, name) for name in type(model).model_fields)


def _as_pickle_writes(value) -> tuple:
    return value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


def _refused(value: object):
    raise TypeError(f"a bare {type(value).__qualname__}, which prints as where it is in memory")


class _Reducers(dict):
    """How each type is written, found on its first value: a model as _model_fields, a bare object refused,
    anything else as pickle writes it."""

    def __missing__(self, kind: type):
        if issubclass(kind, type):  # a class (of a metaclass: a model's, an enum's), written by its name
            raise KeyError(kind)
        reducer = self[kind] = (
            _model_fields if issubclass(kind, BaseModel) else _refused if kind is object else _as_pickle_writes
        )
        return reducer


_REDUCERS = _Reducers()
