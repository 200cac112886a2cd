"""Deadlines as staff read them: a label, a place in time, and the pages they are listed on.

Deadline pages (PageKey): one per month ("2022-03") and per year ("2022") that a deadline falls in,
and one per undated kind: "dinh-ky" (recurring), "thuong-xuyen" (continuous), "theo-su-kien" (event-driven).
"""

import datetime as dt
from dataclasses import dataclass

from plannav.deadlines import EVENTS, LEVELS

# What each kind of deadline is called: filters, downloads and the undated pages' titles.
KIND_LABELS = {
    "month": "Trong tháng",
    "year": "Trong năm",
    "date": "Trước ngày cụ thể",
    "staged": "Theo cấp",
    "recurring": "Định kỳ",
    "continuous": "Thường xuyên",
    "event": "Theo sự kiện",
}
UNDATED_PAGES = {
    kind: (key, KIND_LABELS[kind])
    for kind, key in (("recurring", "dinh-ky"), ("continuous", "thuong-xuyen"), ("event", "theo-su-kien"))
}
_UNDATED_ORDER = {key: i for i, (key, _) in enumerate(UNDATED_PAGES.values())}
_FAR = (9999, 12, 31)


def day_text(iso: str) -> str:
    """A day as staff write it: '2025-07-01' -> '01/07/2025'."""
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
        return f"{'Trước ngày' if deadline.before else 'Ngày'} {day_text(deadline.date)}"
    if kind == "staged":
        said = "từ" if deadline.means == "start" else "hạn"  # the label says what the day means
        return "; ".join(f"{LEVELS[s.level]}: {said} {day_text(s.start)}" for s in deadline.stages)
    if kind == "recurring":
        every = "hằng tháng" if deadline.every == "month" else "hằng năm"
        if deadline.day:
            return f"{'Trước ngày' if deadline.before else 'Ngày'} {deadline.day} {every}"
        return every.capitalize()
    if kind == "continuous":
        return "Thường xuyên"
    return EVENTS[deadline.event]


def labels_for(deadlines, identities) -> str:
    """The labels of the deadlines that bind an agency (applies_to), each once: what its form and its
    drafted report say of an item's deadline."""
    return "; ".join(dict.fromkeys(label(d) for d in deadlines if applies_to(d, identities)))


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def months_between(first: str, last: str) -> list[str]:
    """Every month from first to last, both given and returned as YYYY-MM."""
    year, month = map(int, first.split("-"))
    out = []
    while f"{year}-{month:02d}" <= last:
        out.append(f"{year}-{month:02d}")
        year, month = next_month(year, month)
    return out


def month_end(year: int, month: int) -> dt.date:
    following = next_month(year, month)
    return dt.date(*following, 1) - dt.timedelta(days=1)


def monthly_day(deadline) -> int | None:
    """The day of each month a monthly deadline falls on ("trước ngày 18" is the 17th); None if not monthly."""
    if deadline.kind != "recurring" or deadline.every != "month" or not deadline.day:
        return None
    return deadline.day - 1 if deadline.before else deadline.day


def dates(deadline) -> list[dt.date]:
    """The calendar days a dated deadline falls on (the last day of a month or year); [] if undated."""
    kind = deadline.kind
    if kind == "month":
        year, month = map(int, deadline.month.split("-"))
        return [month_end(year, month)]
    if kind == "year":
        return [dt.date(deadline.year, 12, 31)]
    if kind == "date":
        return [dt.date.fromisoformat(deadline.date)]
    if kind == "staged":
        return [dt.date.fromisoformat(s.start) for s in deadline.stages]
    return []


def level_of(kind: str) -> str:
    """The level of government a body works at, for a staged deadline: the district level for the districts'
    people's committees, the province for every other body that reports (communes report to districts)."""
    return "district" if kind == "local-government" else "province"


def due_days(deadline, level: str) -> list[dt.date]:
    """The days after which work under the deadline is late, for a body at `level`: a due deadline's days
    (a staged one's, the stage of that level only); none for a start, recurring, continuous or
    conditional one, which has no day to pass."""
    if deadline.means != "due":
        return []
    if deadline.kind == "staged":
        return [dt.date.fromisoformat(s.start) for s in deadline.stages if s.level == level]
    return dates(deadline)


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


@dataclass(frozen=True)
class PageKey:
    """A deadline page: a month (slug '2022-03'), a year ('2022') or an undated kind ('dinh-ky')."""

    kind: str  # month | year | undated
    slug: str  # in the page's address, /thoi-han/<slug>/, and in the tables' filter values
    year: int = 0
    month: int = 0

    @classmethod
    def of_month(cls, year: int, month: int) -> "PageKey":
        return cls("month", f"{year}-{month:02d}", year, month)

    @classmethod
    def of_year(cls, year: int) -> "PageKey":
        return cls("year", str(year), year)

    @classmethod
    def undated(cls, deadline_kind: str) -> "PageKey":
        return cls("undated", UNDATED_PAGES[deadline_kind][0])

    @classmethod
    def parse(cls, slug: str) -> "PageKey":
        """The key of a page address, as the tables' filters carry it."""
        for kind, (key, _) in UNDATED_PAGES.items():
            if slug == key:
                return cls.undated(kind)
        year, _, month = slug.partition("-")
        return cls.of_month(int(year), int(month)) if month else cls.of_year(int(year))

    @property
    def dated(self) -> bool:
        return self.kind != "undated"

    @property
    def title(self) -> str:
        if self.kind == "month":
            return f"Tháng {self.month}/{self.year}"
        if self.kind == "year":
            return f"Năm {self.year}"
        return next(title for key, title in UNDATED_PAGES.values() if key == self.slug)

    @property
    def typed_forms(self) -> tuple[str, ...]:
        """Other ways staff write a month than its title ("Tháng 3/2022"): "T3/2022", "03/2022"."""
        if self.kind != "month":
            return ()
        return (f"T{self.month}/{self.year}", f"{self.month:02d}/{self.year}")

    @property
    def order(self) -> tuple:
        """Years before their months, months in order, undated kinds last."""
        if self.kind == "undated":
            return (9999, 99, _UNDATED_ORDER[self.slug])
        return (self.year, self.month, 0)

    def year_page(self) -> "PageKey":
        return PageKey.of_year(self.year)


def page_keys(deadline) -> list[PageKey]:
    """The deadline pages that list this deadline."""
    kind = deadline.kind
    if kind in UNDATED_PAGES:
        return [PageKey.undated(kind)]
    if kind == "year":
        return [PageKey.of_year(deadline.year)]
    keys = []
    for day in dates(deadline):
        for key in (PageKey.of_month(day.year, day.month), PageKey.of_year(day.year)):
            if key not in keys:
                keys.append(key)
    return keys


def due_by_page(items) -> dict[PageKey, list[tuple]]:
    """Each deadline page's (deadline, item) pairs, chronologically; pages in their order."""
    pages: dict[PageKey, list] = {}
    order = {item.uid: i for i, item in enumerate(items)}
    for item in items:
        for deadline in item.deadlines:
            for key in page_keys(deadline):
                pages.setdefault(key, []).append((deadline, item))
    return {
        key: sorted(entries, key=lambda e: (sort_key(e[0]), order[e[1].uid]))
        for key, entries in sorted(pages.items(), key=lambda kv: kv[0].order)
    }
