"""Items as table rows, shared by the CSV and Excel exports."""

import datetime as dt
from dataclasses import dataclass

from plannav import schedule, sitemap
from plannav.items import ITEM_KINDS, ActionItem, ItemIndex

# The three tables staff asked for, by item kind.
TABLES = {
    "nhiem-vu": ("Nhiệm vụ", ("task", "appendix-task")),
    "thu-tuc": ("Thủ tục hành chính", ("procedure",)),
    "trach-nhiem": ("Trách nhiệm", ("duty", "funding")),
}

COLUMNS = (
    ("Số hiệu", 12),
    ("Loại", 24),
    ("Nội dung", 80),
    ("Chủ trì", 36),
    ("Phối hợp", 40),
    ("Thời hạn", 22),
    ("Thời hạn (nguyên văn)", 36),
    ("Loại thời hạn", 18),
    ("Ngày hạn", 12),
    ("Nhóm tiện ích", 30),
    ("Mã chủ trì", 30),
    ("Mã phối hợp", 30),
    ("Trang", 28),
    ("Mã", 20),
    ("Trạng thái", 20),  # once reports exist: the item's, or the agency's on its own table
)
ROLE_COLUMN = ("Vai trò", 10)


@dataclass(frozen=True)
class Row:
    values: tuple  # in COLUMNS order, with ROLE_COLUMN first when the table is an agency's
    due: dt.date | None  # the first dated deadline, for sorting and for Excel's date column


def page_path(item: ActionItem) -> str:
    return sitemap.permalink(*sitemap.item_target(item))


def first_due(item: ActionItem) -> dt.date | None:
    days = [day for deadline in item.deadlines for day in schedule.dates(deadline)]
    return min(days) if days else None


def item_row(index: ItemIndex, item: ActionItem, role: str | None = None, status: str = "") -> Row:
    names = index.registry.names
    groups = index.plan.utility_groups
    due = first_due(item)
    values = (
        sitemap.item_label(item),
        ITEM_KINDS[item.kind].label,
        item.text,
        "Không nêu" if item.lead_unstated else names(item.lead),
        names(item.coordinators),
        " | ".join(schedule.label(d) for d in item.deadlines),
        " | ".join(d.text for d in item.deadlines),
        " | ".join(schedule.KIND_LABELS[d.kind] for d in item.deadlines),
        due,
        f"({item.group}) {groups[item.group].text}" if item.group in groups else "",
        "; ".join(item.lead),
        "; ".join(item.coordinators),
        page_path(item),
        item.uid,
        status,
    )
    return Row(((role,) if role is not None else ()) + values, due)


def table_rows(index: ItemIndex, table: str, agency_id: str | None = None, progress=None) -> list[Row]:
    """Rows of one table, for the whole plan or for what one agency leads or coordinates; with reports in
    (`progress`), each row's status: the item's overall, or the agency's own."""
    _, kinds = TABLES[table]

    def status(item) -> str:
        return progress.shown(item.uid, agency_id) if progress is not None else ""

    rows = []
    named = index.registry.stands_for(agency_id) if agency_id else set()  # a body formed since: its predecessors'
    for item in index.items:
        if item.kind not in kinds:
            continue
        if agency_id is None:
            rows.append(item_row(index, item, status=status(item)))
        elif named.intersection(item.lead):
            rows.append(item_row(index, item, "Chủ trì", status(item)))
        elif named.intersection(item.coordinators):
            rows.append(item_row(index, item, "Phối hợp", status(item)))
    return rows


def headers(agency: bool) -> list[str]:
    return [name for name, _ in ((ROLE_COLUMN,) if agency else ()) + COLUMNS]


def widths(agency: bool) -> list[int]:
    return [width for _, width in ((ROLE_COLUMN,) if agency else ()) + COLUMNS]
