"""Reading deadline wordings ("Tháng 3/2022", "Thường xuyên", ...) into normalised fields.

The plan YAML keeps the wording and its normalised fields side by side; the check reads
the wording again here and reports any disagreement, so neither can drift.
"""

import datetime as dt
import re
from typing import Literal

from plannav.textnorm import match_key, squash

# Event-driven deadlines: key -> what staff read on the site.
EVENTS = {
    "thong-tu": "Theo Thông tư của các Bộ, ngành",
    "nghi-dinh": "Ngay sau khi Chính phủ ban hành Nghị định",
    "luat": "Ngay sau khi Luật ban hành",
    "huong-dan": "Theo hướng dẫn của các Bộ, ngành",
    "ke-hoach": "Theo Kế hoạch của các Bộ, ngành",
}

LEVELS = {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã"}

# What a deadline's day means for the status of the work (progress/status.py; the status rule in EDITING.md):
# due: late after it; start: the work begins then and goes on, never late by date; recurring: due again
# each period; continuous: a standing duty, the period's report is what counts; condition: bound to an
# event outside the province (a law, a ministry's guidance), no day to pass.
Meaning = Literal["due", "start", "recurring", "continuous", "condition"]
MEANING_LABELS = {
    "due": "Hạn hoàn thành",
    "start": "Thời điểm bắt đầu",
    "recurring": "Định kỳ",
    "continuous": "Thường xuyên",
    "condition": "Theo điều kiện",
}
DEFAULT_MEANINGS = {
    "month": "due",
    "year": "due",
    "date": "due",
    "staged": "start",
    "recurring": "recurring",
    "continuous": "continuous",
    "event": "condition",
}
ALLOWED_MEANINGS = {
    kind: {"due", "start"} if kind in ("month", "year", "date", "staged") else {m} for kind, m in DEFAULT_MEANINGS.items()
}
# Words that say a day is when work starts ("từ ngày 01/6/2022") or by when it is done ("trước ngày").
START_WORDS = re.compile(r"\b(từ|kể từ|bắt đầu)\b", re.IGNORECASE)
DUE_WORDS = re.compile(r"\b(trước|chậm nhất|hoàn thành|trong)\b", re.IGNORECASE)

ACCEPTED_FORMS = (
    "'Tháng 3/2022', 'Trong tháng 03 năm 2022', 'Năm 2022', 'Trong năm 2023', "
    "'trước ngày 20/3/2022', '... từ ngày 01 tháng 6 năm 2022; ...', "
    "'Định kỳ ngày 18 hàng tháng', 'trước ngày 22 hàng tháng', 'Hàng tháng', 'Hằng năm', "
    "'Thường xuyên', 'Ngay sau khi Chính phủ ban hành Nghị định', 'Ngay sau khi Luật ban hành', "
    "'Theo Thông tư của các Bộ, ngành', 'Theo hướng dẫn của các Bộ, ngành', "
    "'Thực hiện theo Kế hoạch của các Bộ, ngành'"
)


class DeadlineError(ValueError):
    """A wording that names an impossible date or matches no known form."""


_EVENT_PATTERNS = [
    (re.compile(r"^ngay sau (khi )?chính phủ ban hành nghị định$|^ngay sau nghị định ban hành$"), "nghi-dinh"),
    (re.compile(r"^ngay sau (khi )?luật ban hành$"), "luat"),
    (re.compile(r"^(thực hiện )?theo thông tư của các bộ, ngành$"), "thong-tu"),
    (re.compile(r"^(thực hiện )?theo hướng dẫn của các bộ, ngành$"), "huong-dan"),
    (re.compile(r"^(thực hiện )?theo kế hoạch của các bộ, ngành$"), "ke-hoach"),
]
_MONTH = re.compile(r"^(trong )?tháng 0?(\d{1,2})(/| năm )(\d{4})$")
_YEAR = re.compile(r"^(trong )?năm (\d{4})$")
_BEFORE_DATE = re.compile(r"^trước ngày (\d{1,2})/(\d{1,2})/(\d{4})$")
_MONTHLY_ON = re.compile(r"^định kỳ ngày (\d{1,2}) h[àằ]ng tháng$")
_MONTHLY_BEFORE = re.compile(r"^trước ngày (\d{1,2}) h[àằ]ng tháng$")
_MONTHLY = re.compile(r"^h[àằ]ng tháng$")
_YEARLY = re.compile(r"^h[àằ]ng năm$")
_STAGE_DATE = re.compile(r"từ ngày (\d{1,2})(?: tháng |/)(\d{1,2})(?: năm |/)(\d{4})")


def _iso_date(day: str, month: str, year: str, wording: str) -> str:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise DeadlineError(f"'{wording}' names an impossible date {day}/{month}/{year}") from None


def _stage_level(segment: str) -> str | None:
    if "trung tâm phục vụ hành chính công tỉnh" in segment or "cấp tỉnh" in segment:
        return "province"
    if "cấp huyện" in segment:
        return "district"
    if "cấp xã" in segment:
        return "commune"
    return None


def read_deadline(wording: str) -> dict:
    """Return the normalised fields for a deadline wording, or raise DeadlineError.

    >>> read_deadline("Trong tháng 03 năm 2022.")
    {'kind': 'month', 'month': '2022-03'}
    """
    key = match_key(wording).rstrip(".").strip()
    if key == "thường xuyên":
        return {"kind": "continuous"}
    for pattern, event in _EVENT_PATTERNS:
        if pattern.match(key):
            return {"kind": "event", "event": event}
    if m := _MONTHLY_ON.match(key):
        return {"kind": "recurring", "every": "month", "day": int(m[1])}
    if m := _MONTHLY_BEFORE.match(key):
        return {"kind": "recurring", "every": "month", "day": int(m[1]), "before": True}
    if _MONTHLY.match(key):
        return {"kind": "recurring", "every": "month"}
    if _YEARLY.match(key):
        return {"kind": "recurring", "every": "year"}
    if m := _MONTH.match(key):
        month = int(m[2])
        if not 1 <= month <= 12:
            raise DeadlineError(f"'{squash(wording)}' names month {month}, which does not exist")
        return {"kind": "month", "month": f"{m[4]}-{month:02d}"}
    if m := _YEAR.match(key):
        return {"kind": "year", "year": int(m[2])}
    if m := _BEFORE_DATE.match(key):
        return {"kind": "date", "date": _iso_date(m[1], m[2], m[3], squash(wording)), "before": True}
    if "từ ngày" in key:
        stages = []
        for segment in (s.strip() for s in key.split(";") if s.strip()):
            m = _STAGE_DATE.search(segment)
            level = _stage_level(segment)
            if not m or not level:
                raise DeadlineError(f"stage '{segment}' needs a level (cấp tỉnh/huyện/xã) and 'từ ngày D/M/YYYY'")
            stages.append({"level": level, "start": _iso_date(m[1], m[2], m[3], squash(wording))})
        return {"kind": "staged", "stages": stages}
    raise DeadlineError(f"'{squash(wording)}' is not a deadline form this plan knows")
