"""The duty index: Part IV, each agency section's duties with their roles."""

from dataclasses import dataclass

from plannav.models import Heading
from plannav.views.rows import ItemRow
from plannav.views.siteviews import Link, SiteViews


@dataclass(frozen=True)
class DutySection:
    heading: Heading
    rows: tuple[ItemRow, ...]


@dataclass(frozen=True)
class DutyIndexPage:
    sections: tuple[DutySection, ...]
    filters: dict
    count: int
    downloads: tuple[Link, ...]


def duty_index(views: SiteViews) -> DutyIndexPage:
    sections = tuple(
        DutySection(
            s.heading, tuple(views.row(views.index.by_uid[f"duty:{r.key}"]) for r in views.plan.duty_refs if r.section is s)
        )
        for s in views.plan.responsibilities.sections
    )
    rows = [r for section in sections for r in section.rows]
    return DutyIndexPage(sections, views.filter_options(rows), len(rows), tuple(views.table_downloads("trach-nhiem")))
