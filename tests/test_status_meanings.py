"""Statuses mean what the plan says: a start date is not a deadline. The status rule (EDITING.md), the audit of
every item's deadlines (tests/data/deadline_meanings.yaml), and the statuses a site built from fixed
reports shows on the agency page, the item page, the dashboard and the drafted report. The reports are
fictitious ("DỮ LIỆU MẪU")."""

import datetime as dt
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuild import ROOT, edit_plan, reports_site, shared_folder

from plannav.loader import load_plan
from plannav.progress.models import DONE, IN_PROGRESS, NOT_DONE, NOT_STARTED, Entry
from plannav.progress.reporters import Reporters
from plannav.progress.status import Progress, Report, derived, due_day

AUDIT = ROOT / "tests" / "data" / "deadline_meanings.yaml"
SAMPLE = "DỮ LIỆU MẪU, không có thật"


def test_every_item_has_the_meanings_the_audit_gives_it(index):
    audit = {row["item"]: row for row in yaml.safe_load(AUDIT.read_text(encoding="utf-8"))}
    assert set(audit) == set(index.by_uid), "the audit lists every item of the plan, and only those"
    for item in index.items:
        assert [d.means for d in item.deadlines] == audit[item.uid]["meanings"], item.uid
        assert audit[item.uid]["why"].strip(), item.uid


def _rule_table() -> dict[str, list[str]]:
    editing = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    table = editing[editing.index("| meaning | example |") :].split("\n\n")[0].splitlines()[2:]
    return {cells[0]: cells[2:] for cells in ([c.strip() for c in row.strip("|").split("|")] for row in table)}


def test_the_documented_status_rule_is_the_rule_the_site_applies(index):
    """Each row of the status rule's table (EDITING.md): its example item, reported in each status by a report
    dated after the deadline's day (done after it), shows what the table says."""
    rule, reporters = _rule_table(), Reporters(index)
    assert set(rule) == {"due", "start", "recurring", "continuous", "condition"}
    examples = {"due": "task:3.a", "start": "task:2.e", "recurring": "duty:2.k", "continuous": "task:1.l"}
    examples["condition"] = "task:1.i"
    for meaning, uid in examples.items():
        item = index.by_uid[uid]
        assert meaning in {d.means for d in item.deadlines}, uid
        agency = reporters.by_item[uid][0]
        due = due_day(item, index.registry.identities(agency))
        for typed, said in zip((NOT_STARTED, IN_PROGRESS, DONE, NOT_DONE), rule[meaning], strict=True):
            late = dt.date(2026, 11, 18)
            entry = Entry(item=uid, status=typed, completed="2026-11-05" if typed == DONE else None, difficulties="x")
            assert derived(entry, late, due) == said.split(" (")[0], (meaning, typed)


def test_a_staged_deadline_binds_each_body_by_its_level_s_stage(plan_copy):
    """With `meaning: due`, II.2.e's stages would be days to be done by: a department by the province's,
    the districts' people's committees by the district's (and neither by the communes')."""
    edit_plan(plan_copy, "tasks.yaml", ("      kind: staged\n", "      kind: staged\n      meaning: due\n"))
    plan, problems = load_plan(plan_copy)
    assert problems == [], problems
    item = next(i for i in __import__("plannav.items", fromlist=["ItemIndex"]).ItemIndex(plan).items if i.uid == "task:2.e")
    registry = plan.registry
    assert due_day(item, registry.identities("so-tu-phap"), "province") == dt.date(2022, 6, 1)
    assert due_day(item, registry.identities("ubnd-huyen-thanh-pho"), "district") == dt.date(2022, 12, 1)
    from plannav import schedule

    assert schedule.label(item.deadlines[0]).startswith("Cấp tỉnh: hạn 01/06/2022")  # no longer "từ"


def test_a_deadline_whose_wording_leaves_its_meaning_open_is_refused(plan_copy):
    """A staged wording that also says "hoàn thành" may set the day work is due or the day it starts: the
    editor says which. An unreadable wording is one problem (deadline-unreadable), not two."""
    text = edit_plan(
        plan_copy,
        "appendix_tasks.yaml",
        ("      text: Cấp tỉnh từ ngày 01/6/2022\n", "      text: Cấp tỉnh hoàn thành từ ngày 01/6/2022\n"),
        ("      text: Tháng 4/2022\n", "      text: Từ tháng 4 năm 2022\n"),
    )
    _, problems = load_plan(plan_copy)
    codes = [p.code for p in problems]
    assert codes.count("deadline-meaning-unstated") == 1 and "deadline-unreadable" in codes, problems
    found = next(p for p in problems if p.code == "deadline-meaning-unstated")
    assert found.line == text[: text.index("      text: Cấp tỉnh hoàn thành từ ngày 01/6/2022")].count("\n") + 1
    assert "meaning: start" in found.hint
    edit_plan(
        plan_copy,
        "appendix_tasks.yaml",
        (
            "      text: Cấp tỉnh hoàn thành từ ngày 01/6/2022\n",
            "      text: Cấp tỉnh hoàn thành từ ngày 01/6/2022\n      meaning: due\n",
        ),
    )
    _, problems = load_plan(plan_copy)
    assert "deadline-meaning-unstated" not in [p.code for p in problems]


# The site, built from fixed reports: every kind of meaning, as each page and the draft show it.
REPORTS = {
    ("2026-11", "so-tu-phap-lam-dong"): f"""
        date: '2026-11-18'
        entries:
        - item: task:2.e
          status: Hoàn thành
          completed: '2026-11-05'
          result: "{SAMPLE}: dòng một\\ndòng hai"
          evidence: Công văn 12/STP-MAU
        - item: task:1.b
          status: Không thực hiện
          difficulties: Lý do mẫu, không có thật
        - item: procedure:15
          status: Hoàn thành
          completed: '2022-05-20'
        - item: funding:1
          status: Đang thực hiện
        - item: duty:2.c
          status: Đang thực hiện
        - item: duty:2.k
          status: Đang thực hiện
        - item: task:1.l
          status: Đang thực hiện
        - item: task:1.a
          status: Chưa triển khai
        - item: appendix-task:34
          status: Hoàn thành
          completed: '2026-10-01'
        """,
    ("2026-11", "trung-tam-phuc-vu-hanh-chinh-cong"): """
        date: '2026-11-18'
        entries:
        - item: task:2.e
          status: Đang thực hiện
        """,
}
# Sở Tư pháp tỉnh Lâm Đồng's items (Sở Tư pháp's, since 01/07/2025): (meaning, the status every page and the draft show)
EXPECTED = {
    "task:2.e": ("start", "Hoàn thành"),
    "duty:2.c": ("due", "Quá hạn"),
    "duty:2.k": ("recurring", "Đang thực hiện"),
    "task:1.l": ("continuous", "Đang thực hiện"),
    "task:1.a": ("condition", "Chưa triển khai"),
    "task:1.b": ("condition", "Không thực hiện"),
    "procedure:15": ("due", "Hoàn thành"),  # done by its month, "Tháng 5/2022"
    "funding:1": ("recurring", "Đang thực hiện"),
    "appendix-task:34": ("due", "Hoàn thành quá hạn"),
}
PAGES = {
    "task:2.e": "nhiem-vu/2-e",
    "duty:2.c": None,
    "duty:2.k": None,
    "task:1.l": "nhiem-vu/1-l",
    "task:1.a": "nhiem-vu/1-a",
    "task:1.b": "nhiem-vu/1-b",
    "procedure:15": "thu-tuc/15",
    "funding:1": None,
    "appendix-task:34": "nhiem-vu/phu-luc-34",
}


@pytest.fixture(scope="module")
def meanings_site(runs):
    return shared_folder(runs, "meanings", lambda folder: reports_site(folder, REPORTS)) / "site"


def _soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_each_meaning_shows_its_status_on_every_page_and_in_the_draft(meanings_site, index):
    agency = _soup(meanings_site, "co-quan/so-tu-phap-lam-dong")
    draft = _soup(meanings_site, "thuc-hien/2026-11/so-tu-phap-lam-dong")
    labels = {
        re.sub(r"\s+", " ", tr.select("td")[1].get_text(" ", strip=True)).split(":")[0].strip(): tr.select("td")[3].get_text(
            " ", strip=True
        )
        for tr in draft.select("table.report-rows tbody tr")
    }
    for uid, (meaning, status) in EXPECTED.items():
        assert meaning in {d.means for d in index.by_uid[uid].deadlines}, uid
        cell = agency.select_one(f'tr[data-item="{uid}"] td.status')
        assert cell.get_text(" ", strip=True) == status, (uid, "agency page")
        if PAGES[uid]:
            rows = {
                tr.select_one("td a").get_text(): tr
                for tr in _soup(meanings_site, PAGES[uid]).select("table.item-progress tbody tr")
            }
            assert rows["Sở Tư pháp tỉnh Lâm Đồng"].select_one("td.status").get_text() == status, (uid, "item page")
        from plannav.sitemap import item_label

        shown = next(v for k, v in labels.items() if k == item_label(index.by_uid[uid]))
        assert shown.split(" (theo báo cáo")[0] == status, (uid, "draft")


def test_no_body_is_overdue_on_an_item_that_only_has_start_dates(meanings_site):
    dashboard = _soup(meanings_site, "thuc-hien")
    overdue = [tr["data-item"] for tr in dashboard.select('table[data-section="qua-han"] tbody tr')]
    assert "task:2.e" not in overdue and "duty:2.c" in overdue
    centre = _soup(meanings_site, "co-quan/trung-tam-phuc-vu-hanh-chinh-cong")
    assert centre.select_one('tr[data-item="task:2.e"] td.status').get_text(" ", strip=True) == "Đang thực hiện"
    rows = {tr.td.get_text(): tr for tr in dashboard.select("table.progress-agencies tbody tr")}
    headers = [th.get_text(" ", strip=True) for th in dashboard.select("table.progress-agencies thead th")]
    row = [td.get_text() for td in rows["Trung tâm phục vụ hành chính công tỉnh"].select("td")]
    assert row[headers.index("Quá hạn")] == "0", list(zip(headers, row, strict=False))


def test_progress_as_of_a_start_day_is_never_late(index):
    """In process, for every body bound by II.2.e: under way long after every stage's day, never overdue."""
    reporters = Reporters(index)
    reports = [
        Report(agency, "2026-11", dt.date(2026, 11, 18), None, {"task:2.e": Entry(item="task:2.e", status=IN_PROGRESS)}, "x")
        for agency in reporters.by_item["task:2.e"]
        if index.registry.exists_on(agency, "2026-11-18")
    ]
    progress = Progress(index, reporters, reports)
    assert {progress.status("task:2.e", r.agency).status for r in reports} == {IN_PROGRESS}


def test_what_staff_entered_is_shown_on_the_item_page_the_agency_page_and_the_draft(meanings_site):
    """The completion day, the evidence, the result's line breaks and the reason for Không thực hiện, all
    from a first report, on the pages where staff look and in the agency's own draft."""
    item = _soup(meanings_site, "nhiem-vu/2-e")
    row = next(tr for tr in item.select("table.item-progress tbody tr") if tr.td.get_text() == "Sở Tư pháp tỉnh Lâm Đồng")
    latest = row.select_one("td.latest")
    said = latest.get_text(" ", strip=True)
    assert "Ngày hoàn thành: 05/11/2026" in said and "Văn bản, minh chứng: Công văn 12/STP-MAU" in said
    assert latest.find("br") and f"{SAMPLE}: dòng một" in said and "dòng hai" in said
    result = next(f for f in latest.select(".report-field") if "Kết quả" in f.get_text())
    assert len(result.find_all("br")) == 1  # the result's own line break, kept
    agency = _soup(meanings_site, "co-quan/so-tu-phap-lam-dong")
    folded = agency.select_one('tr[data-item="task:2.e"] details.reported')
    assert "Ngày hoàn thành: 05/11/2026" in folded.get_text(" ", strip=True)
    reason = agency.select_one('tr[data-item="task:1.b"] details.reported').get_text(" ", strip=True)
    assert "Khó khăn, vướng mắc: Lý do mẫu, không có thật" in reason
    draft = _soup(meanings_site, "thuc-hien/2026-11/so-tu-phap-lam-dong").get_text(" ", strip=True)
    assert "Lý do: Lý do mẫu, không có thật" in draft and "Hoàn thành ngày 05/11/2026" in draft
    assert "Văn bản, minh chứng: Công văn 12/STP-MAU" in draft
