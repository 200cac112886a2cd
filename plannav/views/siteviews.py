"""What every page is built from: links, item rows and their filter facets, made once per build.

Templates only loop over these and print them. Links are (page, anchor) pairs of source paths; the
site generator makes them relative URLs. The section modules beside this one build each page's data.
"""

from collections import defaultdict
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from plannav import schedule, sitemap
from plannav.exports.catalog import PLAN_WORKBOOK, agency_downloads, report_form, table_csv
from plannav.items import ITEM_KINDS, ActionItem, ItemIndex
from plannav.plan import Plan
from plannav.progress.models import period_title
from plannav.progress.status import AS_OF, BODIES, EVERY_REPORT, STATUS_SLUGS, STATUSES, Progress
from plannav.reconcile import FIELD_LABELS, reconcile
from plannav.schedule import day_text
from plannav.sitemap import Link  # noqa: F401 (the views' links, defined beside the pages they lead to)
from plannav.succession import CarriersOnDay
from plannav.views.rows import AgencyReports, DeadlineCell, Difference, ItemRow, ReportLines, SiteFacts

if TYPE_CHECKING:
    from plannav.progress.monthly import MonthlyReports

AGENCY_KINDS = {
    "provincial-leadership": "Lãnh đạo tỉnh",
    "provincial-agency": "Sở, ban, ngành của tỉnh",
    "central-in-province": "Cơ quan trung ương đóng tại tỉnh",
    "local-government": "Chính quyền cấp huyện",
    "enterprise": "Doanh nghiệp",
    "national": "Cơ quan trung ương",
    "group": "Nhóm cơ quan (cách gọi tập thể)",
}


ROLE_LABELS = {"lead": "Chủ trì", "coordinators": "Phối hợp"}


LEVEL_LABELS = {3: "Mức độ 3", 4: "Mức độ 4"}


UNKNOWN_NUMBER = "số hiệu chưa tra được"  # a later document known by its issuer, date and subject only


class SiteViews:
    """The plan's items as links and rows, made once and shared by every page of a build."""

    def __init__(
        self,
        plan: Plan,
        index: ItemIndex | None = None,
        progress: Progress | None = None,
        monthly: "MonthlyReports | None" = None,
    ):
        self.plan = plan
        self.index = index or ItemIndex(plan)
        self.registry = self.index.registry
        self.documents = self.index.documents
        self.identity = self.index.identity
        self.progress = progress  # the reports as of their date (progress.status.Progress); None: the plan alone
        self._monthly = monthly
        self._text_links: dict[str, list] = {}
        self._rows: dict[tuple, ItemRow] = {}
        self._report_line = ReportLines()
        as_of = progress.as_of.isoformat() if progress and progress.as_of else None
        self._carriers = CarriersOnDay.on_site_day(self.registry.successions, as_of)
        self._note = progress.note if progress else lambda *read: None  # what a page's view reads

    @property
    def monthly(self) -> "MonthlyReports":
        """Each month's changes and drafts (progress.monthly.MonthlyReports), made once from every report."""
        self._note(EVERY_REPORT)
        return self._monthly

    def carried_by(self, agency_id: str):
        """Who carries the body's work on the site's day, and what ended it (succession.CarriersOnDay)."""
        self._note(BODIES)
        return self._carriers(agency_id)

    @property
    def site_day(self) -> str | None:  # the reports' as-of day, else the latest succession's
        self._note(AS_OF)
        return self._carriers.day

    # ---- links

    def agency_link(self, agency_id: str) -> Link:
        return sitemap.agency_link(self.registry, agency_id)

    def agency_files(self, agency_id: str) -> tuple[Link, ...]:
        """The body's extracts and its monthly report form, as its page and the downloads page offer them;
        for a body whose work passed on, the form of each body that carries it now instead (its own could
        no longer be imported for this month), and for one that ceased, none."""
        links = [Link(d.label, d.path) for d in agency_downloads(self.index, agency_id, progress=self.progress)]
        carried, ended = self.carried_by(agency_id)
        if not carried and ended is None:
            return tuple(links)
        own = report_form(agency_id)
        heirs = [
            Link(f"Biểu mẫu báo cáo tháng của {self.registry.by_id[c.body].name} (Excel)", report_form(c.body))
            for c in carried
            if c.body in self.progress.reporters.by_agency
        ]
        return (*heirs, *(link for link in links if link.page != own))

    def agency_links(self, ids) -> tuple[Link, ...]:
        return tuple(self.agency_link(a) for a in ids)

    def deadline_link(self, key: schedule.PageKey) -> Link:
        return Link(key.title, sitemap.deadline(key.slug))

    def deadline_cell(self, deadline) -> DeadlineCell:
        pages = tuple(self.deadline_link(k) for k in schedule.page_keys(deadline))
        return DeadlineCell(schedule.label(deadline), deadline.text, pages, self.agency_links(deadline.applies_to))

    def item_link(self, item: ActionItem) -> Link:
        return sitemap.item_link(item)

    def document_link(self, document_id: str) -> Link:
        doc = self.plan.document_by_id[document_id]
        if doc.number:
            return Link(f"{doc.type} {doc.number}", sitemap.document(document_id))
        if hasattr(doc, "sources"):  # issued after the decision, its number not found: said so, with who and when
            when = f" ngày {day_text(doc.date)}" if doc.date else ""
            return Link(f"{doc.type} của {doc.issuer}{when} ({UNKNOWN_NUMBER})", sitemap.document(document_id))
        return Link(doc.title, sitemap.document(document_id))

    @cached_property
    def group_link(self) -> dict[int, Link]:
        return {
            g.number: Link(f"({g.number}) {g.text}", sitemap.objective(g.id)) for g in self.plan.objectives.general.groups
        }

    @staticmethod
    def table_downloads(table: str) -> list[Link]:
        return [Link("CSV", table_csv(table)), Link("Excel (cả ba bảng)", PLAN_WORKBOOK)]

    def text_links(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, page) of every agency name and document citation in a text, first-longest wins.

        The same item text is shown on many pages; it is matched once and remembered.
        """
        if text not in self._text_links:
            spans = [(m.start, m.end, sitemap.agency(m.target)) for m in self.registry.prose_matcher.find(text)]
            spans += [
                (m.start(), m.end(), sitemap.document(self.documents.by_number[m.group(0)]))
                for m in self.documents.numbers_in(text)
                if m.group(0) in self.documents.by_number
            ]
            spans += [(m.start, m.end, sitemap.document(m.target)) for m in self.documents.name_matcher.find(text)]
            kept, last = [], 0
            for start, end, page in sorted(spans):
                if start >= last:  # overlapping names: the first, longest one wins
                    kept.append((start, end, page))
                    last = end
            self._text_links[text] = kept
        return self._text_links[text]

    # ---- item rows and their filters

    def row(self, item: ActionItem, role: str = "", via=(), deadlines=None, agency_id: str | None = None) -> ItemRow:
        """An item's row; once reports exist, with the status of the agency given (on its page) or else
        the item's overall status."""
        status = self.progress.shown(item.uid, agency_id) if self.progress else ""
        note = self._not_updated(item.uid, agency_id) if status and agency_id is not None else ""
        reported = self.progress.status(item.uid, agency_id) if status and agency_id is not None else None
        line = self._report_line(reported.report, reported.entry) if reported and reported.entry else None
        # The same rows appear on many pages (agency, deadline and index pages): make each once, and
        # each agency's status on it once.
        key = (item.uid, role, tuple(via), None if deadlines is None else tuple(map(id, deadlines)))
        if key not in self._rows:
            self._rows[key] = self._row(item, role, via, item.deadlines if deadlines is None else deadlines)
        if not status:
            return self._rows[key]
        with_status = (*key, status, note, line)
        if with_status not in self._rows:
            made = self._rows[key]
            facets = (*made.facets, ("status", STATUS_SLUGS[status]))
            self._rows[with_status] = replace(made, status=status, status_note=note, report=line, facets=facets)
        return self._rows[with_status]

    def heirs(self, agency_id: str) -> tuple[Link, ...]:
        """The bodies that carry the body's work on the site's day (carried_by), as links; none if its
        work has not passed on."""
        found, _ = self.carried_by(agency_id)
        return self.agency_links(c.body for c in found)

    def reports_exist(self) -> bool:
        """Whether any report is in: until one is, the site shows no status (none is known)."""
        return bool(self.progress and self.progress.has_reports)

    def link_words(self) -> tuple[dict[str, str], ...]:
        """All that decides what text_links finds in a text: the bodies' and documents' wordings, the numbers
        of documents with a page. A page body is kept under these, not under the whole plan."""
        return (self.registry.prose_matcher.phrases, self.documents.by_number, self.documents.name_matcher.phrases)

    def facts(self) -> SiteFacts:
        """What the page templates get besides their view (SiteFacts)."""
        who = self.identity
        exist = self.reports_exist()
        return SiteFacts(who.number, who.date_text, who.province, who.committee, who.known_as, who.years, exist)

    def item_progress(self, item: ActionItem) -> tuple["AgencyReports", ...]:
        """Once reports exist: each reporting body's status for the item and what it reported, newest first."""
        if not self.reports_exist():
            return ()
        out = []
        for agency_id in self.progress.reporters.by_item[item.uid]:
            history = [self._report_line(r, e) for r, e in reversed(self.progress.history(item.uid, agency_id))]
            status = self.progress.status(item.uid, agency_id).status
            latest = history[0] if history else None
            note = self._not_updated(item.uid, agency_id)
            out.append(AgencyReports(self.agency_link(agency_id), status, note, latest, tuple(history[1:])))
        return tuple(out)

    def _not_updated(self, uid: str, agency_id: str) -> str:
        """'chưa cập nhật tháng 10/2026' where the agency's latest report left the item blank; else ""."""
        month = self.progress.not_updated(uid, agency_id)
        return f"chưa cập nhật {period_title(month).lower()}" if month else ""

    def _row(self, item: ActionItem, role: str, via, deadlines) -> ItemRow:
        return ItemRow(
            uid=item.uid,
            label=sitemap.item_label(item),
            kind=item.kind,
            kind_label=ITEM_KINDS[item.kind].short,
            target=self.item_link(item),
            text=item.text,
            lead=self.agency_links(item.lead),
            coordinators=self.agency_links(item.coordinators),
            deadlines=tuple(self.deadline_cell(d) for d in deadlines),
            role=role,
            via=tuple(via),
            note=item.note,
            roles_note=item.roles_note,
            lead_unstated=item.lead_unstated,
            not_for=tuple((self.agency_link(a), reason) for a, reason in item.not_for),
            facets=self._facets(item, deadlines),
            sort_due=min((schedule.sort_text(d) for d in deadlines), default="~"),
            sort_ref=f"{self.index.order[item.uid]:04d}",
        )

    def _facets(self, item: ActionItem, deadlines) -> tuple[tuple[str, str], ...]:
        keys = [k.slug for d in deadlines for k in schedule.page_keys(d)]
        facets = [
            ("lead", " ".join(item.lead)),
            ("coord", " ".join(item.coordinators)),
            ("when", " ".join(dict.fromkeys(keys))),
            ("dkind", " ".join(dict.fromkeys(d.kind for d in deadlines))),
            ("group", str(item.group or "")),
            ("kind", item.kind),
        ]
        if item.kind == "procedure":
            facets.append(("level", str(self.plan.procedure_by_number[int(item.key)].level)))
        return tuple(facets)

    def filter_options(self, rows) -> dict:
        """The values the rows carry, for the filter bar, in the order it lists them:
        {facet: [(value, label), ...]} (pairs, not a mapping, so the order survives JSON)."""
        values: dict[str, dict[str, None]] = defaultdict(dict)
        for row in rows:
            for name, joined in row.facets:
                for value in joined.split():
                    values[name][value] = None
        agencies = {a: None for name in ("lead", "coord") for a in values.get(name, {})}
        order = {a.id: i for i, a in enumerate(self.registry.agencies)}
        when = sorted((schedule.PageKey.parse(k) for k in values.get("when", {})), key=lambda k: k.order)
        options = {
            "agency": [(a, self.registry.by_id[a].name) for a in sorted(agencies, key=order.get)],
            "when": [(k.slug, k.title) for k in when],
            "dkind": [(k, label) for k, label in schedule.KIND_LABELS.items() if k in values.get("dkind", {})],
            "group": [(g, self.group_link[int(g)].text) for g in sorted(values.get("group", {}), key=int)],
            "kind": [(k, ITEM_KINDS[k].label) for k in ITEM_KINDS if k in values.get("kind", {})],
            "level": [(lv, LEVEL_LABELS[int(lv)]) for lv in sorted(values.get("level", {}))],
            "status": [(STATUS_SLUGS[s], s) for s in STATUSES if STATUS_SLUGS[s] in values.get("status", {})],
        }
        return {facet: pairs for facet, pairs in options.items() if pairs}

    # ---- what several sections share

    @cached_property
    def due(self) -> dict[schedule.PageKey, list[tuple]]:
        """Each deadline page's (deadline, item) pairs, chronologically."""
        return schedule.due_by_page(self.index.items)

    @cached_property
    def reconciliations(self) -> dict:
        return {r.task_key: r for r in reconcile(self.index)}

    def differences(self, reconciliation) -> list[Difference]:
        out = []
        for diff in reconciliation.differences:
            agencies = diff.field in ("lead", "coordinators", "named-agencies")
            body = self.agency_links(diff.body) if agencies else diff.body
            appendix = self.agency_links(diff.appendix) if agencies else diff.appendix
            out.append(Difference(FIELD_LABELS[diff.field], diff.field, diff.changes, body, appendix))
        return out
