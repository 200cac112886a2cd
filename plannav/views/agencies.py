"""The agency pages: the list of agencies by kind, and each agency's duties, tasks, procedures and deadlines."""

from dataclasses import dataclass

from plannav import schedule, sitemap
from plannav.models import Agency
from plannav.progress import months
from plannav.progress.models import period_title
from plannav.progress.status import STATUSES
from plannav.schedule import day_text
from plannav.views.progress import draft_links
from plannav.views.rows import ItemRow, Table
from plannav.views.siteviews import AGENCY_KINDS, ROLE_LABELS, Link, SiteViews
from plannav.views.successors import Succession, succession


@dataclass(frozen=True)
class AgencyCounts:
    lead: int  # tasks it leads
    coordinate: int  # tasks it coordinates
    via_group: int  # items that reach it through a group
    mentioned: int  # items whose text only names it


@dataclass(frozen=True)
class AgencyEntry:
    link: Link
    counts: AgencyCounts
    replaces: tuple[Link, ...] = ()  # for a body formed since the decision: the bodies whose work it carries


@dataclass(frozen=True)
class AgencyKind:
    label: str
    anchor: str
    agencies: tuple[AgencyEntry, ...]


@dataclass(frozen=True)
class AgencyIndexPage:
    kinds: tuple[AgencyKind, ...]  # the bodies there on the day the site reads successions as of
    total: int  # bodies the decision names
    formed: int = 0  # bodies formed since, listed among them
    replaced: tuple = ()  # (body, successors (Links), since): the decision's bodies whose work others carry now
    as_of: str = ""


@dataclass(frozen=True)
class AgencyPageCounts:
    lead: int
    coordinate: int
    procedures: int
    duties: int
    via_group: int
    deadlines: int


@dataclass(frozen=True)
class ReportEntry:
    period: str
    date: str  # dd/mm/yyyy
    number: str
    count: int  # items reported on


@dataclass(frozen=True)
class AgencyProgress:
    as_of: str  # dd/mm/yyyy
    counts: tuple[tuple[str, int], ...]  # (status, items), the statuses it has, least advanced first
    history: tuple[ReportEntry, ...]  # its reports, newest first
    dashboard: Link
    drafts: tuple[tuple[Link, Link], ...] = ()  # its drafted monthly reports: (page, Word file), newest first


@dataclass(frozen=True)
class AgencyPage:
    agency: Agency
    permalink: str
    downloads: tuple[Link, ...]
    kind_label: str
    members: tuple[Link, ...]  # for a group: the bodies it reaches
    may_concern: tuple[Link, ...]  # for an open group: whose pages list its items apart
    groups: tuple[Link, ...]  # the collective wordings that reach this body
    counts: AgencyPageCounts
    tables: tuple[Table, ...]  # duties, tasks led, tasks coordinated, procedures, funding: those it has
    via_group: Table
    possibly: Table
    mentioned: tuple[ItemRow, ...]
    timeline: tuple[ItemRow, ...]  # one row per deadline that binds it, in date order
    progress: AgencyProgress | None = None  # once reports exist, for a body that reports
    succession: Succession = Succession()  # who carries its work today; for a body formed since, whose it carries


def agency_counts(views: SiteViews, agency_id: str) -> AgencyCounts:
    found = views.index.reach(agency_id)
    return AgencyCounts(
        sum(1 for _, roles in found.direct if "lead" in roles),
        sum(1 for _, roles in found.direct if "lead" not in roles),
        len(found.via_group),
        len(found.mentioned),
    )


def agency_index(views: SiteViews) -> AgencyIndexPage:
    kinds = []
    registry, day = views.registry, views.site_day
    replaced = []
    for agency in registry.named:
        found, ceased = views.carried_by(agency.id)
        if found or ceased:
            since = found[0].since if found else ceased.since
            replaced.append((views.agency_link(agency.id), views.heirs(agency.id), day_text(since)))
    for kind, kind_label in AGENCY_KINDS.items():
        # The bodies there on the day: not those whose work passed on, nor those formed later.
        entries = [a for a in registry.agencies if a.kind == kind and (day is None or registry.exists_on(a.id, day))]
        if entries:
            kinds.append(
                AgencyKind(
                    kind_label,
                    kind,
                    tuple(
                        AgencyEntry(
                            views.agency_link(a.id),
                            agency_counts(views, a.id),
                            views.agency_links(registry.predecessors.get(a.id, ())),
                        )
                        for a in entries
                    ),
                )
            )
    return AgencyIndexPage(
        tuple(kinds), len(registry.named), len(registry.formed), tuple(replaced), day_text(day) if day else ""
    )


def agency(views: SiteViews, agency_id: str) -> AgencyPage:
    """An agency's page: the items that name it, by kind and role; those that reach it through a group or
    may concern it; the deadlines that bind it, in date order; its reports and its succession."""
    agency = views.registry.by_id[agency_id]
    found = views.index.reach(agency_id)
    identities = views.registry.identities(agency_id)
    named = _named_tables(views, agency_id, found.direct, identities)
    via_group = _via_group_table(views, agency_id, found.via_group, identities)
    possibly = _possibly_table(views, found.possibly)
    timeline = _deadline_rows(views, found.direct, identities)
    is_group = agency.kind == "group"
    return AgencyPage(
        agency=agency,
        permalink=sitemap.permalink(sitemap.agency(agency_id)),
        downloads=views.agency_files(agency_id),
        kind_label=AGENCY_KINDS[agency.kind],
        members=views.agency_links(views.registry.members(agency_id)) if is_group else (),
        may_concern=views.agency_links(agency.may_concern),
        groups=views.agency_links(views.registry.groups_reaching(agency_id)),
        counts=AgencyPageCounts(
            lead=len(named["chu-tri"].rows),
            coordinate=len(named["phoi-hop"].rows),
            procedures=len(named["thu-tuc"].rows),
            duties=len(named["trach-nhiem"].rows),
            via_group=len(via_group.rows),
            deadlines=len(timeline),
        ),
        tables=tuple(table for table in named.values() if table.rows),
        via_group=via_group,
        possibly=possibly,
        mentioned=tuple(views.row(item) for item in found.mentioned),
        progress=_progress(views, agency_id),
        succession=succession(views, agency_id),
        timeline=tuple(timeline),
    )


# The tables of the items that name an agency, by anchor, in the order its page shows them.
_NAMED_TABLES = {
    "trach-nhiem": "Trách nhiệm theo Phần IV",
    "chu-tri": "Nhiệm vụ chủ trì",
    "phoi-hop": "Nhiệm vụ phối hợp",
    "thu-tuc": "Thủ tục hành chính",
    "kinh-phi": "Kinh phí",
}


def _binding(item, identities) -> list:
    """The item's deadlines that bind the agency (IV.2.k: the 22nd is the working group's)."""
    return [d for d in item.deadlines if schedule.applies_to(d, identities)]


def _role_label(roles) -> str:
    """How a row names the agency's role: lead where it leads, else coordinator."""
    return ROLE_LABELS["lead"] if "lead" in roles else ROLE_LABELS["coordinators"]


def _named_tables(views: SiteViews, agency_id: str, direct, identities) -> dict[str, Table]:
    """The items that name the agency in their roles, a table per anchor of _NAMED_TABLES, empty ones too:
    tasks (Part II and Appendix II) by its role, then procedures, duties and funding items."""
    rows = {anchor: [] for anchor in _NAMED_TABLES}
    for item, roles in direct:
        row = views.row(item, _role_label(roles), deadlines=_binding(item, identities), agency_id=agency_id)
        if item.kind in ("task", "appendix-task"):
            anchor = "chu-tri" if "lead" in roles else "phoi-hop"
        elif item.kind == "procedure":
            anchor = "thu-tuc"
        elif item.kind == "duty":
            anchor = "trach-nhiem"
        else:
            anchor = "kinh-phi"
        rows[anchor].append(row)
    return {anchor: Table(title, anchor, rows[anchor]) for anchor, title in _NAMED_TABLES.items()}


def _via_group_table(views: SiteViews, agency_id: str, via_group, identities) -> Table:
    """The items given to a collective wording the agency belongs to, each with the groups that reach it."""
    rows = [
        views.row(
            item,
            ROLE_LABELS[role],
            via=views.agency_links(groups),
            deadlines=_binding(item, identities),
            agency_id=agency_id,
        )
        for item, role, groups in via_group
    ]
    return Table(
        "Giao cho nhóm có cơ quan này",
        "qua-nhom",
        rows,
        note='Việc giao cho một cách gọi tập thể ("các Sở, Ban, ngành, địa phương", ...) '
        "mà cơ quan này thuộc về; không nêu tên cơ quan.",
    )


def _possibly_table(views: SiteViews, possibly) -> Table:
    """The items given to an open wording that may concern the agency, each with the wordings."""
    return Table(
        "Có thể liên quan",
        "co-the-lien-quan",
        [views.row(item, via=views.agency_links(groups)) for item, groups in possibly],
        note='Việc giao cho một cách gọi mở ("các đơn vị liên quan", "các cơ quan, tổ chức có liên '
        'quan", ...). Quyết định không nêu tên cơ quan này và không nói cách gọi đó gồm những ai: '
        "cơ quan này có thể liên quan, tùy nội dung việc. Không tính là việc chủ trì hay phối hợp.",
    )


def _deadline_rows(views: SiteViews, direct, identities) -> list[ItemRow]:
    """A row per deadline that binds the agency, of the items that name it, in date order."""
    dated = [
        (schedule.sort_key(deadline), views.row(item, _role_label(roles), deadlines=[deadline]))
        for item, roles in direct
        for deadline in _binding(item, identities)
    ]
    dated.sort(key=lambda entry: entry[0])
    return [row for _, row in dated]


def _progress(views: SiteViews, agency_id: str) -> AgencyProgress | None:
    progress = views.progress
    if not views.reports_exist() or agency_id not in progress.reporters.by_agency:
        return None
    statuses = progress.tally(agency_id)
    history = [
        ReportEntry(r.period, f"{r.date:%d/%m/%Y}", r.number or "", len(r.entries))
        for r in reversed(progress.reports_of(agency_id))
    ]
    return AgencyProgress(
        f"{progress.as_of:%d/%m/%Y}",
        tuple((s, statuses[s]) for s in STATUSES if statuses[s]),
        tuple(history),
        Link("Tình hình thực hiện", sitemap.PROGRESS),
        tuple(
            draft_links(period_title(r.period), r.period, agency_id)
            for r in reversed(months.drafted_reports_of(progress, agency_id))
        ),
    )
