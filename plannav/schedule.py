"""Deadlines as staff read them: a label, a place in time, and the pages they are listed on.

Page keys: "2022-03" (a month), "2022" (a year), and one page per undated kind:
"dinh-ky" (recurring), "thuong-xuyen" (continuous), "theo-su-kien" (event-driven).
"""

import datetime as dt

from plannav.deadlines import EVENTS, LEVELS

# What each kind of deadline is called: filters, downloads and the undated pages' titles.
KIND_LABELS = {"month": "Trong tháng", "year": "Trong năm", "date": "Trước ngày cụ thể", "staged": "Theo cấp",
               "recurring": "Định kỳ", "continuous": "Thường xuyên", "event": "Theo sự kiện"}
UNDATED_PAGES = {kind: (key, KIND_LABELS[kind])
                 for kind, key in (("recurring", "dinh-ky"), ("continuous", "thuong-xuyen"), ("event", "theo-su-kien"))}
UNDATED_KEYS = frozenset(key for key, _ in UNDATED_PAGES.values())
_UNDATED_ORDER = {key: i for i, (key, _) in enumerate(UNDATED_PAGES.values())}
_FAR = (9999, 12, 31)


def _day(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def applies_to(deadline, identities) -> bool:
    """Whether a deadline binds an agency, given the ids it goes by (its own and its groups'): all the
    item's agencies, unless the deadline names its own (the report before the 22nd is the working
    group's, not every department's)."""
    return not deadline.applies_to or not set(deadline.applies_to).isdisjoint(identities)


def label(deadline) -> str:
    """Normalised Vietnamese label: 'Tháng 3/2022', 'Trước ngày 20/03/2022', 'Ngày 18 hằng tháng', ..."""
    kind = deadline.kind
    if kind == "month":
        year, month = deadline.month.split("-")
        return f"Tháng {int(month)}/{year}"
    if kind == "year":
        return f"Năm {deadline.year}"
    if kind == "date":
        return f"{'Trước ngày' if deadline.before else 'Ngày'} {_day(deadline.date)}"
    if kind == "staged":
        return "; ".join(f"{LEVELS[s.level]}: từ {_day(s.start)}" for s in deadline.stages)
    if kind == "recurring":
        every = "hằng tháng" if deadline.every == "month" else "hằng năm"
        if deadline.day:
            return f"{'Trước ngày' if deadline.before else 'Ngày'} {deadline.day} {every}"
        return every.capitalize()
    if kind == "continuous":
        return "Thường xuyên"
    return EVENTS[deadline.event]


def dates(deadline) -> list[dt.date]:
    """The calendar days a dated deadline falls on (the last day of a month or year); [] if undated."""
    kind = deadline.kind
    if kind == "month":
        year, month = map(int, deadline.month.split("-"))
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return [following - dt.timedelta(days=1)]
    if kind == "year":
        return [dt.date(deadline.year, 12, 31)]
    if kind == "date":
        return [dt.date.fromisoformat(deadline.date)]
    if kind == "staged":
        return [dt.date.fromisoformat(s.start) for s in deadline.stages]
    return []


def sort_key(deadline) -> tuple:
    """Chronological: dated deadlines by their first day; then recurring, continuous, event-driven."""
    days = dates(deadline)
    if days:
        first = min(days)
        # A month-long or year-long deadline sorts after exact dates within it.
        width = {"date": 0, "staged": 0, "month": 1, "year": 2}[deadline.kind]
        return (first.year, first.month, first.day, width, "")
    key, _ = UNDATED_PAGES[deadline.kind]
    return (*_FAR, _UNDATED_ORDER[key], getattr(deadline, "event", "") or "")


def sort_text(deadline) -> str:
    """sort_key as text that sorts the same way (the tables sort in the browser by text)."""
    year, month, day, rank, event = sort_key(deadline)
    return f"{year:04d}-{month:02d}-{day:02d}-{rank}-{event}"


def page_keys(deadline) -> list[str]:
    """The deadline pages that list this deadline."""
    kind = deadline.kind
    if kind in UNDATED_PAGES:
        return [UNDATED_PAGES[kind][0]]
    if kind == "year":
        return [str(deadline.year)]
    keys = []
    for day in dates(deadline):
        for key in (f"{day.year}-{day.month:02d}", str(day.year)):
            if key not in keys:
                keys.append(key)
    return keys


def page_title(key: str) -> str:
    for undated_key, title in UNDATED_PAGES.values():
        if key == undated_key:
            return title
    if "-" in key:
        year, month = key.split("-")
        return f"Tháng {int(month)}/{year}"
    return f"Năm {key}"


def page_order(key: str) -> tuple:
    """Years before their months, months in order, undated kinds last."""
    if key in _UNDATED_ORDER:
        return (9999, 99, _UNDATED_ORDER[key])
    if "-" in key:
        year, month = key.split("-")
        return (int(year), int(month), 0)
    return (int(key), 0, 0)
