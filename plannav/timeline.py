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
    """The timeline page: the objectives' band, the dated deadlines' band and the undated kinds' band, one
    below the other, over a grid of the years drawn; and the month pages' rows as a list."""
    first_year, last_year = _years_drawn(views)
    scale = _Scale(first_year, last_year, Counter(key.year for key in views.due if key.kind == "month"))
    lanes, marks = [], []
    for band in (_objectives_band, _dated_band, _undated_band):
        band_lanes, band_marks = band(views, scale, TOP + len(lanes) * ROW)
        lanes += band_lanes
        marks += band_marks
    return TimelinePage(
        width=WIDTH,
        height=TOP + len(lanes) * ROW + 6,
        years=_year_lines(views, scale),
        lanes=lanes,
        marks=marks,
        months=_month_lists(views),
    )


def _objectives_band(views: SiteViews, scale: _Scale, y: int) -> tuple[list[Lane], list[Mark]]:
    """One lane per objective (a utility group's), from ``y`` down, with a span per phase; a phase with no
    end runs to the last year drawn."""
    lanes, marks = [], []
    for objective in views.plan.objectives.specific.objectives:
        group_link = views.group_link[objective.group]
        lanes.append(_lane(y, f"Mục tiêu ({objective.group})", group_link))
        for phase in objective.phases:
            end = phase.to_year or scale.last
            start_x, end_x = scale(phase.from_year), scale(end + 1)
            marks.append(
                _span(
                    x=start_x,
                    lane_y=y,
                    width=end_x - start_x - 2,
                    label=phase.label,
                    link=group_link,
                    title=f"{group_link.text}: {phase.label}",
                    css="phase",
                )
            )
        y += ROW
    return lanes, marks


def _dated_band(views: SiteViews, scale: _Scale, y: int) -> tuple[list[Lane], list[Mark]]:
    """Two lanes from ``y`` down: a mark per month page, with its count; a span per year page over its year,
    counting the items due within the year and no month."""
    month_y, year_y = y, y + ROW
    lanes = [
        _lane(month_y, "Hạn theo tháng", Link("Thời hạn", sitemap.DEADLINE_INDEX)),
        _lane(year_y, "Hạn trong năm", None),
    ]
    marks = []
    for key, entries in views.due.items():
        link = views.deadline_link(key)
        if key.kind == "month":
            marks.append(
                _point(
                    x=scale(key.year, key.month) + 3,
                    lane_y=month_y,
                    label=str(len(entries)),
                    link=link,
                    title=f"{link.text}: {len(entries)} việc",
                    css="month",
                )
            )
        elif key.kind == "year":
            only_year = [e for e in entries if e[0].kind == "year"]
            if only_year:
                marks.append(
                    _span(
                        x=scale(key.year),
                        lane_y=year_y,
                        width=scale(key.year + 1) - scale(key.year) - 2,
                        label=f"{len(only_year)} việc",
                        link=link,
                        title=f"{link.text}: {len(only_year)} việc có hạn trong năm",
                        css="year",
                    )
                )
    return lanes, marks


def _undated_band(views: SiteViews, scale: _Scale, y: int) -> tuple[list[Lane], list[Mark]]:
    """One lane per undated kind the plan has items of (recurring, continuous, event-driven) from ``y`` down,
    each with a span across the whole period counting its items."""
    lanes, marks = [], []
    for kind in schedule.UNDATED_PAGES:
        key = schedule.PageKey.undated(kind)
        count, title = len(views.due.get(key, [])), key.title
        if not count:
            continue  # a kind the plan has no item of has no page to link to
        link = Link(title, sitemap.deadline(key.slug))
        lanes.append(_lane(y, title, link))
        marks.append(
            _span(
                x=scale(scale.first, 3),
                lane_y=y,
                width=scale(scale.last, 12) - scale(scale.first, 3),
                label=f"{count} việc",
                link=link,
                title=f"{title}: {count} việc",
                css="undated",
            )
        )
        y += ROW
    return lanes, marks


def _year_lines(views: SiteViews, scale: _Scale) -> list[dict]:
    """A year's grid line from just above the lanes to the bottom, and its label above the line, linked
    to the year's page where there is one."""
    return [
        {
            "x": _n(scale(year)),
            "label_x": _n(scale(year) + 4),
            "label_y": TOP - 18,
            "grid_top": TOP - 14,
            "label": str(year),
            "link": views.deadline_link(schedule.PageKey.of_year(year))
            if schedule.PageKey.of_year(year) in views.due
            else None,
        }
        for year in range(scale.first, scale.last + 1)
    ]


def _month_lists(views: SiteViews) -> list[dict]:
    """The month pages' items as rows, one per deadline: what the drawing shows, as a list."""
    return [
        {
            "key": key.slug,
            "link": views.deadline_link(key),
            "rows": [views.row(item, deadlines=[deadline]) for deadline, item in entries],
        }
        for key, entries in views.due.items()
        if key.kind == "month"
    ]
