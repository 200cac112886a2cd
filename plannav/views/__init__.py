"""What each page of the site shows, one module per section, each page's data a frozen dataclass
whose name the template's context header gives. `base` makes the links and item rows they share."""

from plannav.views.siteviews import AGENCY_KINDS, DeadlineCell, Difference, ItemRow, Link, SiteViews, Table

__all__ = ["AGENCY_KINDS", "DeadlineCell", "Difference", "ItemRow", "Link", "SiteViews", "Table"]
