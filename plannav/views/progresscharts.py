"""The progress dashboard's drawings, worked out as numbers for the template to print as SVG: the status
bar (the items by status, as parts of a bar), each agency's small bar, and the chart of the months (done,
under way and overdue at the end of each month, counted as the dashboard counts them)."""

from collections import Counter
from dataclasses import dataclass

from plannav import schedule, sitemap
from plannav.progress.models import period_title
from plannav.progress.status import DONE, DONE_LATE, IN_PROGRESS, OVERDUE, STATUS_SLUGS, STATUSES
from plannav.views.siteviews import Link, SiteViews

BAR_WIDTH = 600  # the status bar's drawing width; the page scales it


AGENCY_BAR_WIDTH = 60  # each agency's row: a small bar beside its numbers


CHART_WIDTH, CHART_HEIGHT = 600, 160  # the chart of the months (its columns; their labels go below)


CHART_LABEL_EVERY = 3  # months between two labels under the chart


@dataclass(frozen=True)
class StatusCount:
    status: str
    count: int
    css: str  # the status as a class name, for its colour
    x: str  # where its part of the bar starts and how wide it is
    width: str


@dataclass(frozen=True)
class MonthCount:
    """The plan's items at the end of a reported month (overall statuses, as the dashboard counts them),
    and where the month's column of the chart stands."""

    month: Link
    done: int  # Hoàn thành and Hoàn thành quá hạn
    in_progress: int
    overdue: int
    x: str
    width: str
    parts: tuple[tuple[str, str, str, int], ...]  # (css, y, height, count) from the bottom: done, under way, overdue
    label: str = ""  # under its column, every CHART_LABEL_EVERY months and the last: "10/2026"
    label_x: str = ""
    label_anchor: str = "middle"  # the first and last labels keep inside the chart


def stacked(tally: Counter, total: int, width: int) -> tuple[StatusCount, ...]:
    """A tally of statuses as the parts of a bar `width` wide, in STATUSES' order."""
    counts, x = [], 0.0
    for status in STATUSES:
        part = tally[status] / total * width if total else 0
        counts.append(StatusCount(status, tally[status], STATUS_SLUGS[status], f"{x:.1f}", f"{part:.1f}"))
        x += part
    return tuple(counts)


def trend(views: SiteViews, months: list[str], reported: list[str]) -> tuple[MonthCount, ...]:
    """Each reported month: the plan's items done, under way and overdue at its end (or at the as-of day,
    for the month it falls in), as the dashboard would have counted them then; and the chart's columns."""
    progress, out, previous = views.progress, [], None
    step = CHART_WIDTH / max(len(months), 1)
    for i, month in enumerate(months):
        end = min(schedule.month_end(*map(int, month.split("-"))), progress.as_of)
        # Month after month, each reading goes on from the month before's.
        then = previous = progress.on(end, after=previous)
        tally = Counter(then.item_status(uid) for uid in reported)
        series = (
            ("done", tally[DONE] + tally[DONE_LATE]),
            ("in-progress", tally[IN_PROGRESS]),
            ("overdue", tally[OVERDUE]),
        )
        parts, y = [], float(CHART_HEIGHT)
        for css, count in series:
            height = count / len(reported) * CHART_HEIGHT
            y -= height
            parts.append((css, f"{y:.1f}", f"{height:.1f}", count))
        out.append(
            MonthCount(
                Link(period_title(month).removeprefix("Tháng "), sitemap.progress_period(month)),
                series[0][1],
                series[1][1],
                series[2][1],
                f"{i * step + step * 0.15:.1f}",
                f"{step * 0.7:.1f}",
                tuple(parts),
                f"{month[5:]}/{month[:4]}" if i % CHART_LABEL_EVERY == 0 or i == len(months) - 1 else "",
                f"{0 if i == 0 else CHART_WIDTH if i == len(months) - 1 else i * step + step / 2:.1f}",
                "start" if i == 0 else "end" if i == len(months) - 1 else "middle",
            )
        )
    return tuple(out)
