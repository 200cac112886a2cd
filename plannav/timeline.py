"""The 2022–2030 timeline as drawing data: every position computed here, so the template only prints.

Lanes: the objectives' phases as spans; dated deadlines as marks per month (a year-long one as a
span over its year); recurring, continuous and event-driven items as lanes of their own.
"""

from collections import Counter
from dataclasses import dataclass

from plannav import schedule, sitemap
from plannav.views import Link, SiteViews

WIDTH, LEFT, RIGHT = 1100, 190, 20
ROW, TOP = 26, 34


@dataclass(frozen=True)
class Mark:
    """A phase or deadline drawn on its lane: a bar (span) or a dot (point), with its label."""

    shape: str  # span | point
    x: str  # bar's left or dot's centre
    y: int  # bar's top or dot's centre
    width: str  # bar only
    height: int  # bar only
    text_x: str
    text_y: int
    label: str
    link: Link
    title: str  # tooltip
    css: str


def _span(x: float, lane_y: int, width: float, label: str, link: Link, title: str, css: str) -> Mark:
    return Mark("span", _n(x), lane_y + 3, _n(width), ROW - 8, _n(x + 5), lane_y + 15, label, link, title, css)


def _point(x: float, lane_y: int, label: str, link: Link, title: str, css: str) -> Mark:
    return Mark("point", _n(x), lane_y + 10, "", 0, _n(x), lane_y + 14, label, link, title, css)


def _n(value: float) -> str:
    return f"{value:.1f}"


@dataclass(frozen=True)
class Lane:
    y: int
    text_y: int
    label: str
    link: Link | None


def _lane(y: int, label: str, link: Link | None) -> Lane:
    return Lane(y, y + 15, label, link)


def _year_weight(month_pages: int) -> int:
    """A year's share of the width: more for a year of many month pages, so that their marks stay apart
    (1 for a year without any, up to 4)."""
    return min(4, 1 + -(-month_pages // 2))


class _Scale:
    """Where a month lies across the drawing, for the years first..last."""

    def __init__(self, first: int, last: int, month_pages: Counter):
        self.first, self.last = first, last
        self.weights = [_year_weight(month_pages[y]) for y in range(first, last + 2)]  # one more: a year's end
        self.total = sum(self.weights[:-1])

    def __call__(self, year: int, month: int = 1) -> float:
        index = min(max(year, self.first), self.last + 1) - self.first
        before = sum(self.weights[:index]) + (month - 1) / 12 * self.weights[index]
        return LEFT + min(before, self.total) / self.total * (WIDTH - LEFT - RIGHT)


@dataclass(frozen=True)
class TimelinePage:
    width: int
    height: int
    years: list  # [{x, grid_top, label_x, label_y, label, link}]: a grid line and label per year
    lanes: list  # [Lane]
    marks: list  # [Mark]
    months: list  # [{key, link, rows}]: the same content as a list


def _years_drawn(views: SiteViews) -> tuple[int, int]:
    """The plan's own span, widened by any deadline outside it."""
    years = [key.year for key in views.due if key.dated]
    return min([views.identity.first_year, *years]), max([views.identity.last_year, *years])


def timeline(views: SiteViews) -> TimelinePage:
    first_year, last_year = _years_drawn(views)
    _x = _Scale(first_year, last_year, Counter(key.year for key in views.due if key.kind == "month"))
    lanes, marks = [], []
    y = TOP
    # Objectives: one row per utility group, a span per phase.
    for objective in views.plan.objectives.specific.objectives:
        group_link = views.group_link[objective.group]
        lanes.append(_lane(y, f"Mục tiêu ({objective.group})", group_link))
        for phase in objective.phases:
            end = phase.to_year or last_year
            start_x, end_x = _x(phase.from_year), _x(end + 1)
            marks.append(
                _span(start_x, y, end_x - start_x - 2, phase.label, group_link, f"{group_link.text}: {phase.label}", "phase")
            )
        y += ROW
    # Dated deadlines: a mark per month page (with its count), a span per year-only page.
    lanes.append(_lane(y, "Hạn theo tháng", Link("Thời hạn", sitemap.DEADLINE_INDEX)))
    month_y, year_y = y, y + ROW
    lanes.append(_lane(year_y, "Hạn trong năm", None))
    for key, entries in views.due.items():
        link = views.deadline_link(key)
        if key.kind == "month":
            marks.append(
                _point(
                    _x(key.year, key.month) + 3,
                    month_y,
                    str(len(entries)),
                    link,
                    f"{link.text}: {len(entries)} việc",
                    "month",
                )
            )
        elif key.kind == "year":
            only_year = [e for e in entries if e[0].kind == "year"]
            if only_year:
                year = key.year
                marks.append(
                    _span(
                        _x(year),
                        year_y,
                        _x(year + 1) - _x(year) - 2,
                        f"{len(only_year)} việc",
                        link,
                        f"{link.text}: {len(only_year)} việc có hạn trong năm",
                        "year",
                    )
                )
    y = year_y + ROW
    # Undated kinds: one lane each, across the whole period.
    for kind in schedule.UNDATED_PAGES:
        key = schedule.PageKey.undated(kind)
        count, title = len(views.due.get(key, [])), key.title
        link = Link(title, sitemap.deadline(key.slug))
        lanes.append(_lane(y, title, link))
        marks.append(
            _span(
                _x(first_year, 3),
                y,
                _x(last_year, 12) - _x(first_year, 3),
                f"{count} việc",
                link,
                f"{title}: {count} việc",
                "undated",
            )
        )
        y += ROW
    # A year: its grid line from just above the lanes to the bottom, and its label above the line.
    years = [
        {
            "x": _n(_x(year)),
            "label_x": _n(_x(year) + 4),
            "label_y": TOP - 18,
            "grid_top": TOP - 14,
            "label": str(year),
            "link": views.deadline_link(schedule.PageKey.of_year(year))
            if schedule.PageKey.of_year(year) in views.due
            else None,
        }
        for year in range(first_year, last_year + 1)
    ]
    months = [
        {
            "key": key.slug,
            "link": views.deadline_link(key),
            "rows": [views.row(item, deadlines=[deadline]) for deadline, item in entries],
        }
        for key, entries in views.due.items()
        if key.kind == "month"
    ]
    return TimelinePage(WIDTH, y + 6, years, lanes, marks, months)
