"""A form's cells read as staff see them: numbers with their format applied ("85%", "12/11/2026"), the
day spellings staff type, and statuses however they were pasted (composed or not, any kind of space)."""

import datetime as dt
import re
import unicodedata

from openpyxl.utils.datetime import from_excel

from plannav.progress.models import TYPED_STATUSES
from plannav.textnorm import FORBIDDEN

_ANY_SPACE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_DECIMALS = re.compile(r"0\.(0+)")
_TIME_PARTS = re.compile(r"[hs]", re.IGNORECASE)
# Day first, as Vietnamese writes dates: 18/11/2026, 18-11-2026, 18.11.2026, 18/11/26; or ISO 2026-11-18.
_DAY_FIRST = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Excel's serial numbers of 01/01/1900 and 31/12/9999: a number in a date cell outside them is no day.
_FIRST_SERIAL, _LAST_SERIAL = 1, 2_958_465


def _number(value: float, number_format: str) -> str:
    """A number as Excel shows it under the formats forms use: percent, fixed decimals, thousands."""
    fmt = (number_format or "General").split(";")[0]
    decimals = _DECIMALS.search(fmt)
    places = len(decimals.group(1)) if decimals else 0
    if "%" in fmt:
        return f"{value * 100:.{places}f}%"
    if fmt in ("General", "@") or not re.search(r"[0#]", fmt):
        if float(value).is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.10g}"
    return f"{value:,.{places}f}" if "," in fmt else f"{value:.{places}f}"


def shown(value, number_format: str = "General") -> str | None:
    """The text a cell shows, for the columns staff write text in; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() != dt.time() and _TIME_PARTS.search(number_format or ""):
            return f"{value:%d/%m/%Y %H:%M}"
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, (int, float)):
        return _number(value, number_format)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text


def day_of(value) -> dt.date | None:
    """The day a completion-day cell holds: a date, a date serial, or a day typed day first; None if it
    holds no day that can be read one way only."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if float(value).is_integer() and _FIRST_SERIAL <= value <= _LAST_SERIAL:
            return from_excel(int(value)).date()
        return None
    text = _ANY_SPACE.sub(" ", str(value)).strip()
    found = _DAY_FIRST.fullmatch(text)
    try:
        if found:
            day, _, month, year = found.groups()
            year = int(year) + 2000 if len(year) == 2 else int(year)
            return dt.date(year, int(month), int(day))
        found = _ISO.fullmatch(text)
        if found:
            return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None  # 31/02/2026: no such day
    return None


def _status_key(text: str) -> str:
    cleaned = FORBIDDEN.sub("", unicodedata.normalize("NFC", text))
    return _ANY_SPACE.sub(" ", cleaned).strip().casefold()


_STATUS_BY_KEY = {_status_key(status): status for status in TYPED_STATUSES}


def status_of(value) -> str | None:
    """One of TYPED_STATUSES for what the cell holds, however it was typed or pasted; None if it names none."""
    if value is None:
        return None
    return _STATUS_BY_KEY.get(_status_key(str(value)))


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not _ANY_SPACE.sub("", value))
