"""The deadline pages: the index of months and years, each month's, year's and undated kind's page."""

from dataclasses import dataclass

from plannav import schedule, sitemap
from plannav.exports.catalog import PLAN_CALENDAR
from plannav.items import ITEM_KINDS
from plannav.views.rows import ItemRow
from plannav.views.siteviews import Link, SiteViews


@dataclass(frozen=True)
class DeadlineEntry:
    link: Link
    count: int  # items due
    slug: str


@dataclass(frozen=True)
class YearEntry:
    link: Link
    count: int
    slug: str
    months: tuple[DeadlineEntry, ...]


@dataclass(frozen=True)
class DeadlineIndexPage:
    years: tuple[YearEntry, ...]
    undated: tuple[DeadlineEntry, ...]
    rows: tuple[ItemRow, ...]  # every deadline of every item, one row each, in date order
    filters: dict
    calendar: Link
    timeline: Link


@dataclass(frozen=True)
class DeadlinePage:
    title: str
    rows: tuple[ItemRow, ...]
    filters: dict
    by_kind: dict  # counted noun of each item kind present -> how many
    previous: Link | None  # the month (or year) before, among the pages that exist
    next: Link | None
    year: Link | None  # a month's year


def deadline_index(views: SiteViews, timeline_title: str) -> DeadlineIndexPage:
    years, undated = [], []
    for key, entries in views.due.items():
        entry = DeadlineEntry(views.deadline_link(key), len(entries), key.slug)
        if key.kind == "undated":
            undated.append(entry)
        elif key.kind == "month":
            years[-1][1].append(entry)
        else:
            years.append((entry, []))
    every = [views.row(item, deadlines=[deadline]) for item in views.index.items for deadline in item.deadlines]
    every.sort(key=lambda r: r.sort_due)
    return DeadlineIndexPage(
        tuple(YearEntry(year.link, year.count, year.slug, tuple(months)) for year, months in years),
        tuple(undated),
        tuple(every),
        views.filter_options(every),
        Link("Lịch (iCalendar) mọi thời hạn", PLAN_CALENDAR),
        Link(timeline_title, sitemap.TIMELINE),
    )


def deadline(views: SiteViews, key: schedule.PageKey) -> DeadlinePage:
    # Previous and next among the pages of the same kind: months lead to months, years to years.
    keys = [k for k in views.due if k.kind == key.kind] if key.dated else []
    position = keys.index(key) if key in keys else -1
    neighbour = lambda i: views.deadline_link(keys[i]) if 0 <= i < len(keys) else None  # noqa: E731
    rows = tuple(views.row(item, deadlines=[d]) for d, item in views.due[key])
    return DeadlinePage(
        title=key.title,
        rows=rows,
        filters=views.filter_options(rows),
        by_kind={
            names.counted: count
            for kind, names in ITEM_KINDS.items()  # the kinds present, counted
            if (count := sum(1 for r in rows if r.kind == kind))
        },
        previous=neighbour(position - 1) if position >= 0 else None,
        next=neighbour(position + 1) if position >= 0 else None,
        year=views.deadline_link(key.year_page()) if key.kind == "month" else None,
    )
