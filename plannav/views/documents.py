"""The document pages: every legal document the decision cites or lists, and each one with the places
that cite it."""

from dataclasses import dataclass
from functools import cached_property

from plannav import sitemap
from plannav.items import ITEM_KINDS
from plannav.models import Document
from plannav.models.successors import LaterDocument
from plannav.schedule import day_text
from plannav.texts import TextRef, citing_texts
from plannav.views.siteviews import UNKNOWN_NUMBER, Link, SiteViews

STATUS_LABELS = {"issued": "Đã ban hành", "pending": "Chưa ban hành khi Quyết định được ký"}


@dataclass(frozen=True)
class CitingPlace:
    """A place in the decision that cites a document."""

    label: str
    target: Link
    excerpt: str


@dataclass(frozen=True)
class DocumentEntry:
    link: Link
    title: str
    count: int  # places in the decision's own text that cite it


@dataclass(frozen=True)
class RelatedEntry:
    number: int
    text: str
    link: Link


@dataclass(frozen=True)
class DocumentIndexPage:
    cited: tuple[DocumentEntry, ...]
    pending: tuple[DocumentEntry, ...]  # to be issued; the decision asks for them to be applied
    related_only: tuple[DocumentEntry, ...]
    related: tuple[RelatedEntry, ...]  # the related-documents list, as the copy gives it
    later: tuple[DocumentEntry, ...] = ()  # issued after the decision: the basis of who carries its work now


@dataclass(frozen=True)
class DocumentPage:
    document: Document
    status: str  # its label
    places: tuple[CitingPlace, ...]
    related_at: str  # its numbers in the related-documents list: "3, 12"
    decided: tuple[tuple[Link, tuple[Link, ...], str], ...] = ()  # successions it is the basis of: (body, heirs, since)
    sources: tuple[str, ...] = ()  # for a document issued after the decision: where it was read
    later: bool = False  # issued after the decision (plan/successors.yaml): cited nowhere in it
    number: str = ""  # its number, or, for a later document whose number was not found, that it was not
    effective: str = ""  # dd/mm/yyyy, where it takes effect on another day than its date


class Citations:
    """Where each document is cited, as places on the site (made once per build)."""

    def __init__(self, views: SiteViews):
        self.views = views

    def place(self, ref: TextRef) -> tuple[str, Link]:
        """Where a text of the plan is shown, and how to cite that place."""
        views, file, path = self.views, ref.file, ref.path
        if file in ("tasks", "appendix_tasks", "procedures", "responsibilities", "funding") and len(path) > 2:
            for item in views.index.items:
                if item.file == file and path[: len(item.path)] == item.path:
                    return f"{ITEM_KINDS[item.kind].label} {sitemap.item_label(item)}", views.item_link(item)
        if file == "objectives" and path[:2] == ("specific", "objectives"):
            objective = views.plan.objectives.specific.objectives[path[2]]
            return f"Mục tiêu cụ thể {objective.letter})", views.group_link[objective.group]
        if file == "documents":
            return "Văn bản liên quan", Link("Văn bản liên quan", sitemap.DOCUMENT_INDEX, "lien-quan")
        labels = {
            "decision": ("Phần mở đầu của Quyết định", "quyet-dinh"),
            "objectives": ("Mục tiêu tổng quát", "i-1"),
            "requirements": ("Yêu cầu", "i-3"),
            "responsibilities": ("Tổ chức thực hiện", "iv"),
            "procedures": ("Phụ lục I", "phu-luc-i"),
            "appendix_tasks": ("Phụ lục II", "phu-luc-ii"),
        }
        label, anchor = labels[file]
        return label, Link(label, sitemap.FULL_TEXT, anchor)

    @cached_property
    def by_document(self) -> dict[str, list[CitingPlace]]:
        places: dict[str, list[CitingPlace]] = {}
        for doc, refs in citing_texts(self.views.plan).items():
            for ref in refs:
                label, target = self.place(ref)
                if not any(p.target == target for p in places.setdefault(doc, [])):
                    places[doc].append(CitingPlace(label, target, ref.text))
        return places

    def in_text(self, document_id: str) -> list[CitingPlace]:
        """Places in the decision's own text; the related-documents list is shown apart."""
        return [p for p in self.by_document.get(document_id, []) if p.target.page != sitemap.DOCUMENT_INDEX]


def decided_by(views: SiteViews, document_id: str) -> list[tuple]:
    """(succession, the heirs it passed work to on this document's basis): the succession's own basis, or
    the heir's, where one share was passed on by another document."""
    out = []
    for s in views.registry.successions:
        heirs = [h for h in s.by if (h.basis or s.basis) == document_id]
        if heirs or (s.basis == document_id and not s.by):
            out.append((s, heirs))
    return out


def document_index(views: SiteViews, citations: Citations) -> DocumentIndexPage:
    cited, pending, related_only = [], [], []
    for doc in views.plan.documents.documents:
        entry = DocumentEntry(views.document_link(doc.id), doc.title, len(citations.in_text(doc.id)))
        if doc.status == "pending":
            pending.append(entry)
        elif entry.count:
            cited.append(entry)
        else:
            related_only.append(entry)
    related = tuple(RelatedEntry(e.number, e.text, views.document_link(e.document)) for e in views.plan.documents.related)
    later = tuple(
        DocumentEntry(views.document_link(doc.id), doc.title, len(decided_by(views, doc.id)))
        for doc in views.plan.successors.documents
    )
    return DocumentIndexPage(tuple(cited), tuple(pending), tuple(related_only), related, later)


def document(views: SiteViews, citations: Citations, document_id: str) -> DocumentPage:
    doc = views.plan.document_by_id[document_id]
    related_at = [str(e.number) for e in views.plan.documents.related if e.document == document_id]
    decided = tuple(
        (views.agency_link(s.of), views.agency_links(h.id for h in heirs), day_text(s.since))
        for s, heirs in decided_by(views, document_id)
    )
    later = isinstance(doc, LaterDocument)  # issued after the decision: plan/successors.yaml
    return DocumentPage(
        doc,
        STATUS_LABELS[doc.status],
        tuple(citations.in_text(document_id)),
        ", ".join(related_at),
        decided,
        tuple(doc.sources) if later else (),  # where it was read; the decision's own documents cite none
        later,
        doc.number or (UNKNOWN_NUMBER if later else ""),
        day_text(doc.effective) if later and doc.effective else "",
    )
