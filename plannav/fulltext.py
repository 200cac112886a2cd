"""The full-text reading view: the whole decision in its own order, every part and item anchored,
each item linked to its own page."""

from dataclasses import dataclass, replace

from plannav import sitemap
from plannav.planwalk import Node, walk
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


# The anchor of each part's heading, by the file that holds it.
PART_ANCHORS = {
    "objectives": "i",
    "tasks": "ii",
    "funding": "iii",
    "responsibilities": "iv",
    "procedures": "phu-luc-i",
    "appendix_tasks": "phu-luc-ii",
}
METADATA_LABELS = (
    ("Số hiệu", "number"),
    ("Loại văn bản", "type"),
    ("Ngày ban hành", "issued"),
    ("Nơi ban hành", "place"),
    ("Người ký", "signer"),
    ("Ngày công báo", "gazette_date"),
    ("Số công báo", "gazette_number"),
    ("Ngày hiệu lực", "effective"),
    ("Tình trạng hiệu lực", "status"),
)


def _header(views: SiteViews, node: Node) -> list[Block]:
    h = node.value
    return [
        Block("para", f"{h.issuer} — {h.motto}", anchor="quyet-dinh"),
        Block("para", f"{h.number} — {h.place_date}"),
        Block("heading", h.authority, level=2),
    ]


def _article(views: SiteViews, node: Node) -> list[Block]:
    article = node.value
    label = article.label
    return [Block("item", article.text, anchor=f"dieu-{node.key}", marker=label.text, supplied=label.supplied)]


def _plan_title(views: SiteViews, node: Node) -> list[Block]:
    title = node.value
    return [
        Block("heading", title.title, level=2, anchor="ke-hoach"),
        Block("para", title.subtitle),
        Block("para", title.preamble),
    ]


def _part(views: SiteViews, node: Node) -> list[Block]:
    """The heading of Part I, II, III or IV."""
    heading = node.value
    return [Block("heading", heading.text, level=2, anchor=PART_ANCHORS[node.file], supplied=heading.supplied)]


def _general(views: SiteViews, node: Node) -> list[Block]:
    general = node.value
    return [
        Block("heading", general.heading.text, level=3, anchor="i-1", supplied=general.heading.supplied),
        Block("para", general.text, note=general.note or ""),
    ]


def _objective(views: SiteViews, node: Node) -> list[Block]:
    """A specific objective's heading, linked to its utility group's page."""
    objective = node.value
    return [
        Block(
            "heading",
            objective.heading.text,
            level=4,
            anchor=sitemap.anchor("i-2", node.key),
            link=views.group_link[objective.group],
            supplied=objective.heading.supplied,
        )
    ]


def _task_section(views: SiteViews, node: Node) -> list[Block]:
    heading, note = node.value.heading, node.value.note or ""
    return [
        Block("heading", heading.text, level=3, anchor=sitemap.anchor("ii", node.key), supplied=heading.supplied, note=note)
    ]


def _task(views: SiteViews, node: Node) -> list[Block]:
    """A Part II task, with who does it and when, linked to its page."""
    task = node.value
    return [
        Block(
            "item",
            task.text,
            marker=f"{task.number}." if task.number else f"{task.letter})",
            anchor=sitemap.anchor("ii", node.key),
            link=views.item_link(views.index.by_uid[f"task:{node.key}"]),
            lines=(*task.who.lines, (task.deadline.label or "Thời gian", task.deadline.text)),
        )
    ]


def _duty(views: SiteViews, node: Node) -> list[Block]:
    """A Part IV duty; one without a letter is its section's single paragraph."""
    duty = node.value
    return [
        Block(
            "item",
            duty.text,
            marker=f"{duty.letter})" if duty.letter else "",
            anchor=sitemap.anchor("iv", node.key) if duty.letter else "",  # the section's heading anchors it
            note=duty.note or "",
            roles_note=duty.roles_note or "",
            not_for="; ".join(f"{views.registry.by_id[x.agency].name} ({x.reason})" for x in duty.not_for),
        )
    ]


def _appendix(views: SiteViews, node: Node) -> list[Block]:
    """An appendix's label, title and subtitle; Appendix I is then one table, Appendix II a table per group."""
    appendix = node.value
    blocks = [
        Block("heading", appendix.label.text, level=2, anchor=PART_ANCHORS[node.file], supplied=appendix.label.supplied),
        Block("heading", appendix.title, level=3),
        Block("para", appendix.subtitle),
    ]
    if node.file == "procedures":
        blocks.append(Block("table", columns=tuple(appendix.columns)))
    return blocks


def _procedure(views: SiteViews, node: Node) -> list[Block]:
    x = node.value
    cells = (x.name, str(x.level), x.lead.text, x.coordinators.text, x.deadline.text)
    return [Block("row", rows=((sitemap.anchor("pl1", x.number), Link(str(x.number), sitemap.procedure(x.number)), cells),))]


def _appendix_group(views: SiteViews, node: Node) -> list[Block]:
    group = node.value
    return [
        Block("heading", group.heading.text, level=4, supplied=group.heading.supplied, note=group.note or ""),
        Block("table", columns=tuple(views.plan.appendix_tasks.columns)),
    ]


def _appendix_task(views: SiteViews, node: Node) -> list[Block]:
    t = node.value
    cells = (t.text, t.lead.text, t.coordinators.text, t.deadline.text)
    return [Block("row", rows=((sitemap.anchor("pl2", t.number), Link(t.tt, sitemap.appendix_task(t.number)), cells),))]


def _metadata(views: SiteViews, node: Node) -> list[Block]:
    m = node.value
    heading = Block("heading", m.title, level=2, anchor="thong-tin")
    return [heading, *(Block("item", getattr(m, field), marker=f"{label}:") for label, field in METADATA_LABELS)]


# How the full text shows each kind of part of the decision (planwalk.KINDS); every kind is here.
_BLOCKS = {
    "header": _header,
    "legal-basis": lambda views, node: [Block("para", node.value, anchor=f"can-cu-{node.key}")],
    "decides": lambda views, node: [Block("heading", node.value, level=3)],
    "article": _article,
    "signature": lambda views, node: [Block("para", f"{node.value.title} — {views.plan.decision.metadata.signer}")],
    "plan-title": _plan_title,
    "part": _part,
    "general-objective": _general,
    "specific-objectives": lambda views, node: [Block("heading", node.value.heading.text, level=3, anchor="i-2")],
    "objective": _objective,
    "phase": lambda views, node: [Block("label", node.value.label)],
    "statement": lambda views, node: [Block("para", node.value)],
    "requirements": lambda views, node: [Block("heading", node.value.heading.text, level=3, anchor="i-3")],
    "requirement": lambda views, node: [
        Block("item", node.value.text, marker=f"{node.key})", anchor=sitemap.anchor("i-3", node.key))
    ],
    "task-section": _task_section,
    "task": _task,
    "funding": lambda views, node: [
        Block("item", node.value.text, marker=f"{node.key}.", anchor=sitemap.anchor("iii", node.key))
    ],
    "duty-section": lambda views, node: [
        Block("heading", node.value.heading.text, level=3, anchor=sitemap.anchor("iv", node.key))
    ],
    "duty": _duty,
    "closing": lambda views, node: [Block("para", node.value)],
    "appendix": _appendix,
    "procedure": _procedure,
    "appendix-group": _appendix_group,
    "appendix-task": _appendix_task,
    "related-documents": lambda views, node: [
        Block("heading", "Văn bản liên quan", level=2, anchor="van-ban-lien-quan", supplied=True)
    ],
    "earlier-related": lambda views, node: [],  # the second list repeats the first: shown once, whole
    "related": lambda views, node: [
        Block("item", node.value.text, marker=f"{node.key}.", link=views.document_link(node.value.document))
    ],
    "metadata": _metadata,
}


def full_text(views: SiteViews) -> FullTextPage:
    """The decision in reading order, as blocks, with an anchor on every part and item."""
    blocks: list[Block] = []
    for node in walk(views.plan):
        for block in _BLOCKS[node.kind](views, node):
            if block.kind == "row":  # a table's row, added to the table its appendix or group opened
                blocks[-1] = replace(blocks[-1], rows=blocks[-1].rows + block.rows)
            else:
                blocks.append(block)
    # The page's contents list the parts and sections (levels 2 and 3) that have an anchor.
    blocks = [replace(b, kind="section") if b.kind == "heading" and b.level <= 3 and b.anchor else b for b in blocks]
    return FullTextPage(tuple(blocks))
