"""What each page of the site shows, one module per section, each page's data a frozen dataclass
whose name the template's context header gives. `siteviews` makes the links and item rows they share,
in the shapes of `rows`."""

from plannav.views.rows import DeadlineCell, Difference, ItemRow, Table
from plannav.views.siteviews import AGENCY_KINDS, Link, SiteViews

__all__ = ["AGENCY_KINDS", "DeadlineCell", "Difference", "ItemRow", "Link", "SiteViews", "Table"]
