"""The full-text reading view: the whole decision in its own order, every part and item anchored,
each item linked to its own page."""

from dataclasses import dataclass, replace

from plannav import sitemap
from plannav.plan import Plan
from plannav.views import Link, SiteViews


@dataclass(frozen=True)
class Block:
    """One block of the full-text view, in the decision's order."""

    kind: str  # section (a heading listed in the page's contents) | heading | para | item | label | table
    text: str = ""
    level: int = 0  # heading level
    anchor: str = ""
    link: Link | None = None  # the item's own page
    supplied: bool = False  # heading added by an editor
    marker: str = ""  # "a)", "1.", "- Năm 2022:"
    lines: tuple = ()  # extra (label, text) lines: who, deadline
    rows: tuple = ()  # table rows
    columns: tuple = ()
    note: str = ""
    roles_note: str = ""  # the basis of a duty's roles, where the reading rules alone do not give them
    not_for: str = ""  # bodies a collective wording in the duty's roles reaches but the duty does not bind


@dataclass(frozen=True)
class FullTextPage:
    blocks: tuple[Block, ...]


def _decision(views: SiteViews, plan: Plan) -> list[Block]:
    """The decision's head, its legal basis, its articles, its signature, and the plan's title."""
    blocks: list[Block] = []
    add, d = blocks.append, plan.decision
    add(Block("para", f"{d.header.issuer} — {d.header.motto}", anchor="quyet-dinh"))
    add(Block("para", f"{d.header.number} — {d.header.place_date}"))
    add(Block("heading", d.header.authority, level=2))
    for i, line in enumerate(d.legal_basis, start=1):
        add(Block("para", line, anchor=f"can-cu-{i}"))
    add(Block("heading", d.decides, level=3))
    for article in d.articles:
        add(
            Block(
                "item",
                article.text,
                anchor=f"dieu-{article.number}",
                marker=article.label.text,
                supplied=article.label.supplied,
            )
        )
    add(Block("para", d.signature.title + " — " + d.metadata.signer))
    add(Block("heading", d.plan.title, level=2, anchor="ke-hoach"))
    add(Block("para", d.plan.subtitle))
    add(Block("para", d.plan.preamble))
    return blocks


def _objectives(views: SiteViews, plan: Plan) -> list[Block]:
    """Part I: the general and specific objectives, and the requirements."""
    blocks: list[Block] = []
    add = blocks.append
    o = plan.objectives
    add(Block("heading", o.part.text, level=2, anchor="i", supplied=o.part.supplied))
    add(Block("heading", o.general.heading.text, level=3, anchor="i-1", supplied=o.general.heading.supplied))
    add(Block("para", o.general.text, note=o.general.note or ""))
    add(Block("heading", o.specific.heading.text, level=3, anchor="i-2"))
    for objective in o.specific.objectives:
        add(
            Block(
                "heading",
                objective.heading.text,
                level=4,
                anchor=sitemap.anchor("i-2", objective.letter),
                link=views.group_link[objective.group],
                supplied=objective.heading.supplied,
            )
        )
        for phase in objective.phases:
            add(Block("label", phase.label))
            for statement in phase.statements:
                add(Block("para", statement))
    r = plan.requirements
    add(Block("heading", r.heading.text, level=3, anchor="i-3"))
    for req in r.requirements:
        add(Block("item", req.text, marker=f"{req.letter})", anchor=sitemap.anchor("i-3", req.letter)))
    return blocks


def _tasks(views: SiteViews, plan: Plan) -> list[Block]:
    """Part II: the tasks, section by section, with who does them and when."""
    blocks: list[Block] = []
    add = blocks.append
    add(Block("heading", plan.tasks.part.text, level=2, anchor="ii"))
    for section in plan.tasks.sections:
        add(
            Block(
                "heading",
                section.heading.text,
                level=3,
                anchor=sitemap.anchor("ii", section.number),
                supplied=section.heading.supplied,
                note=section.note or "",
            )
        )
        for task in section.tasks:
            key = f"{section.number}.{task.letter}"
            add(
                Block(
                    "item",
                    task.text,
                    marker=f"{task.letter})",
                    anchor=sitemap.anchor("ii", key),
                    link=views.item_link(views.index.by_uid[f"task:{key}"]),
                    lines=(("Cơ quan thực hiện", task.who.text), (task.deadline.label or "Thời gian", task.deadline.text)),
                )
            )
    return blocks


def _funding(views: SiteViews, plan: Plan) -> list[Block]:
    """Part III: funding."""
    blocks: list[Block] = []
    add = blocks.append
    add(Block("heading", plan.funding.part.text, level=2, anchor="iii", supplied=plan.funding.part.supplied))
    for item in plan.funding.items:
        add(Block("item", item.text, marker=f"{item.number}.", anchor=sitemap.anchor("iii", item.number)))
    return blocks


def _responsibilities(views: SiteViews, plan: Plan) -> list[Block]:
    """Part IV: each body's duties, section by section."""
    blocks: list[Block] = []
    add = blocks.append
    resp = plan.responsibilities
    add(Block("heading", resp.part.text, level=2, anchor="iv", supplied=resp.part.supplied))
    for section in resp.sections:
        add(Block("heading", section.heading.text, level=3, anchor=sitemap.anchor("iv", section.number)))
        for duty in section.duties:
            key = f"{section.number}.{duty.letter}" if duty.letter else str(section.number)
            add(
                Block(
                    "item",
                    duty.text,
                    marker=f"{duty.letter})" if duty.letter else "",
                    anchor=sitemap.anchor("iv", key) if duty.letter else "",  # the section's heading anchors it
                    note=duty.note or "",
                    roles_note=duty.roles_note or "",
                    not_for="; ".join(f"{views.registry.by_id[x.agency].name} ({x.reason})" for x in duty.not_for),
                )
            )
    add(Block("para", resp.closing))
    return blocks


def _procedures(views: SiteViews, plan: Plan) -> list[Block]:
    """Appendix I: the essential procedures, as one table."""
    blocks: list[Block] = []
    add = blocks.append
    p = plan.procedures
    add(Block("heading", p.label.text, level=2, anchor="phu-luc-i", supplied=p.label.supplied))
    add(Block("heading", p.title, level=3))
    add(Block("para", p.subtitle))
    add(
        Block(
            "table",
            columns=tuple(p.columns),
            rows=tuple(
                (
                    sitemap.anchor("pl1", x.number),
                    Link(str(x.number), sitemap.procedure(x.number)),
                    (x.name, str(x.level), x.lead.text, x.coordinators.text, x.deadline.text),
                )
                for x in p.procedures
            ),
        )
    )
    return blocks


def _appendix_tasks(views: SiteViews, plan: Plan) -> list[Block]:
    """Appendix II: the tasks, group by group, as tables."""
    blocks: list[Block] = []
    add = blocks.append
    a = plan.appendix_tasks
    add(Block("heading", a.label.text, level=2, anchor="phu-luc-ii", supplied=a.label.supplied))
    add(Block("heading", a.title, level=3))
    add(Block("para", a.subtitle))
    for group in a.groups:
        add(Block("heading", group.heading.text, level=4, supplied=group.heading.supplied, note=group.note or ""))
        add(
            Block(
                "table",
                columns=tuple(a.columns),
                rows=tuple(
                    (
                        sitemap.anchor("pl2", t.number),
                        Link(t.tt, sitemap.appendix_task(t.number)),
                        (t.text, t.lead.text, t.coordinators.text, t.deadline.text),
                    )
                    for t in group.tasks
                ),
            )
        )
    return blocks


def _related_and_metadata(views: SiteViews, plan: Plan) -> list[Block]:
    """The related documents and the decision's metadata."""
    blocks: list[Block] = []
    add = blocks.append
    docs = plan.documents
    add(Block("heading", "Văn bản liên quan", level=2, anchor="van-ban-lien-quan", supplied=True))
    for entry in docs.related:
        add(Block("item", entry.text, marker=f"{entry.number}.", link=views.document_link(entry.document)))
    m = plan.decision.metadata
    add(Block("heading", m.title, level=2, anchor="thong-tin"))
    for label_text, value in (
        ("Số hiệu", m.number),
        ("Loại văn bản", m.type),
        ("Ngày ban hành", m.issued),
        ("Nơi ban hành", m.place),
        ("Người ký", m.signer),
        ("Ngày công báo", m.gazette_date),
        ("Số công báo", m.gazette_number),
        ("Ngày hiệu lực", m.effective),
        ("Tình trạng hiệu lực", m.status),
    ):
        add(Block("item", value, marker=f"{label_text}:"))
    return blocks


def full_text(views: SiteViews) -> FullTextPage:
    """The decision in reading order, as blocks, with an anchor on every part and item."""
    parts = (
        _decision,
        _objectives,
        _tasks,
        _funding,
        _responsibilities,
        _procedures,
        _appendix_tasks,
        _related_and_metadata,
    )
    blocks = [block for part in parts for block in part(views, views.plan)]
    # The page's contents list the parts and sections (levels 2 and 3) that have an anchor.
    blocks = [replace(b, kind="section") if b.kind == "heading" and b.level <= 3 and b.anchor else b for b in blocks]
    return FullTextPage(tuple(blocks))
