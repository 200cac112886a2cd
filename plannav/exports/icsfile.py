"""iCalendar (RFC 5545) files of the plan's dated deadlines, made with the icalendar library.

Dated deadlines are all-day events on the last day they allow ("Tháng 5/2022" -> 31/05/2022,
"trước ngày 20/3/2022" -> 19/03/2022); the monthly reports (the 18th; before the 22nd) recur
monthly. UIDs derive from the item and never change, so importing a newer file updates events
instead of duplicating them. Continuous and event-driven items have no date and are left out.
"""

import datetime as dt

from icalendar import Calendar, Event

from plannav import schedule, sitemap
from plannav.exports.rows import page_path
from plannav.items import ITEM_KINDS, ActionItem, ItemIndex
from plannav.textnorm import slugify


def uid(index: ItemIndex, item: ActionItem, position: int, occurrence: int = 0) -> str:
    """Stable per plan, item, deadline and (for staged deadlines) stage: re-importing updates, never duplicates."""
    stage = f"-{occurrence}" if occurrence else ""
    return f"{item.kind}-{slugify(item.key)}-{position}{stage}@{index.identity.slug}"


def _first_monthly(day: int, signed: dt.date) -> dt.date:
    """The first such day of the month on or after the decision was signed."""
    year, month = signed.year, signed.month
    while dt.date(year, month, day) < signed:
        year, month = schedule.next_month(year, month)
    return dt.date(year, month, day)


def _occurrences(deadline, signed: dt.date) -> list[tuple[dt.date, dict | None]]:
    """(first day, recurrence rule or None) of each event a deadline makes."""
    if deadline.kind == "recurring":
        day = schedule.monthly_day(deadline)
        if day:
            return [(_first_monthly(day, signed), {"freq": "monthly", "bymonthday": day})]
        return []
    days = schedule.dates(deadline)
    if deadline.kind == "date" and deadline.before:
        days = [d - dt.timedelta(days=1) for d in days]
    return [(day, None) for day in days]


def _event(
    index: ItemIndex, item: ActionItem, deadline, position: int, occurrence: int, day, rule, base_url: str | None
) -> Event:
    names = lambda ids: index.registry.names(ids) or "—"
    label = sitemap.item_label(item)
    short = item.text if len(item.text) <= 90 else item.text[:90].rsplit(" ", 1)[0] + "…"
    event = Event()
    event.add("uid", uid(index, item, position, occurrence))
    # Fixed, the day the decision was signed: rebuilding must not change the file.
    event.add("dtstamp", dt.datetime.combine(index.identity.date, dt.time(), tzinfo=dt.UTC))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    # A recurring report says which one it is: one duty can carry two (the 18th; before the 22nd).
    when = f" ({schedule.label(deadline)})" if rule else ""
    event.add("summary", f"{label}{when}: {short}")
    event.add(
        "description",
        "\n".join(
            (
                f"{ITEM_KINDS[item.kind].label} {label}",
                item.text,
                f"Chủ trì: {names(item.lead)}",
                f"Phối hợp: {names(item.coordinators)}",
                f"Thời hạn: {schedule.label(deadline)} (nguyên văn: {deadline.text})",
                f"Trang: {page_path(item)}",
            )
        ),
    )
    event.add("categories", [ITEM_KINDS[item.kind].label])
    event.add("transp", "TRANSPARENT")
    if rule:
        event.add("rrule", rule)
    if base_url:
        event.add("url", base_url.rstrip("/") + page_path(item))
    return event


def calendar_bytes(index: ItemIndex, title: str, agency_id: str | None = None, base_url: str | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{index.identity.ascii_name}//plannav//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    named = index.registry.stands_for(agency_id) if agency_id is not None else set()
    for item in index.items:
        if agency_id is not None and not named.intersection(item.lead + item.coordinators):
            continue
        for position, deadline in enumerate(item.deadlines):
            if agency_id is not None and not schedule.applies_to(deadline, index.registry.identities(agency_id)):
                continue
            for occurrence, (day, rule) in enumerate(_occurrences(deadline, index.identity.date)):
                calendar.add_component(_event(index, item, deadline, position, occurrence, day, rule, base_url))
    return calendar.to_ical()
