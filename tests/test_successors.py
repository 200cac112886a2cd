"""Who carries the decision's work since the 2025 reorganisation (plan/successors.yaml): chains resolve by
date, bad data is one clear problem with its line, a body formed since lists exactly its predecessors'
items and reports on them, and every succession cites a document the site shows."""

import datetime as dt
import io
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup
from openpyxl import load_workbook
from sitebuild import ROOT, edit_plan

from plannav.__main__ import main
from plannav.items import ItemIndex
from plannav.loader import load_plan
from plannav.progress.form import column_of, form_bytes
from plannav.progress.loader import load_progress
from plannav.progress.models import Entry
from plannav.progress.reporters import Reporters
from plannav.progress.status import Progress, Report
from plannav.succession import carriers

HEIR = "cong-an-tinh-lam-dong"  # carries the work of Công an tỉnh from 01/07/2025 (Nghị quyết 202/2025/QH15)
FIRST = 6  # the first item row of a report form

# A chain: Sở Thông tin và Truyền thông -> a merged department (01/03/2025) -> its successor (01/07/2025).
# Made-up bodies and document, for the test only.
CHAIN = (
    "bodies:\n",
    """bodies:
  - id: so-mau-a
    name: Sở Mẫu A
    kind: provincial-agency
    since: '2025-03-01'
  - id: so-mau-b
    name: Sở Mẫu B
    kind: provincial-agency
    since: '2025-07-01'
""",
)
CHAIN_SUCCESSIONS = (
    "successions:\n",
    """successions:
  - of: dien-luc-dak-nong
    by: [{id: so-mau-a}]
    since: '2025-03-01'
    basis: nd-55-2025-nd-cp
  - of: so-mau-a
    by: [{id: so-mau-b}]
    since: '2025-07-01'
    basis: nq-202-2025-qh15
""",
)


def _site_page(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_chain_of_successions_resolves_by_date(plan_copy):
    edit_plan(plan_copy, "successors.yaml", CHAIN, CHAIN_SUCCESSIONS)
    plan, problems = load_plan(plan_copy)
    assert problems == [] and plan is not None
    successions = plan.registry.successions
    assert carriers(successions, "dien-luc-dak-nong", "2025-02-28") == ([], None)  # its own work still
    found, _ = carriers(successions, "dien-luc-dak-nong", "2025-03-01")
    assert [(c.body, c.since) for c in found] == [("so-mau-a", "2025-03-01")]
    found, _ = carriers(successions, "dien-luc-dak-nong", "2026-11-27")
    assert [(c.body, c.since, [s.of for s in c.chain]) for c in found] == [
        ("so-mau-b", "2025-07-01", ["dien-luc-dak-nong", "so-mau-a"])
    ]
    # The end of the chain carries everything the first body was given.
    index = ItemIndex(plan)
    assert plan.registry.predecessors["so-mau-b"] == ("dien-luc-dak-nong", "so-mau-a")
    assert [i.uid for i, _ in index.reach("so-mau-b").direct] == [i.uid for i, _ in index.reach("dien-luc-dak-nong").direct]


def test_the_real_successions_resolve_as_of_today(plan):
    found, ceased = carriers(plan.registry.successions, "cong-an-tinh", "2026-11-27")
    assert [c.body for c in found] == [HEIR] and ceased is None
    found, ceased = carriers(plan.registry.successions, "ubnd-huyen-thanh-pho", "2026-11-27")
    assert found == [] and ceased.since == "2025-07-01" and ceased.basis == "nq-203-2025-qh15"
    assert carriers(plan.registry.successions, "cuc-thong-ke-tinh", "2026-11-27") == ([], None)  # nothing recorded


BAD = [
    (
        "unknown-successor",
        ("      - id: cong-an-tinh-lam-dong\n", "      - id: cong-an-tinh-lam-dng\n"),
        "id: cong-an-tinh-lam-dng",
        "did you mean 'cong-an-tinh-lam-dong'?",
    ),
    (
        "unknown-predecessor",
        ("  - of: cong-an-tinh\n", "  - of: cong-an-tnh\n"),
        "of: cong-an-tnh",
        "did you mean 'cong-an-tinh'?",
    ),
    (
        "succession-without-basis",
        ("    basis: nd-55-2025-nd-cp\n", ""),
        "  - of: bo-thong-tin-truyen-thong",
        "add `basis:`",
    ),
    (
        "unknown-basis",
        ("    basis: nd-55-2025-nd-cp\n", "    basis: nd-55-2025\n"),
        "basis: nd-55-2025\n",
        "did you mean 'nd-55-2025-nd-cp'?",
    ),
    (
        "duplicate-document",
        (
            "documents:\n",
            "documents:\n  - id: nd-137-2015-nd-cp\n    type: Nghị định\n    number: 137/2015/NĐ-CP\n    title: Trùng số\n",
        ),
        "  - id: nd-137-2015-nd-cp",
        "an id of its own",
    ),
    (
        "duplicate-id",
        (
            "bodies:\n",
            "bodies:\n  - id: cong-an-tinh-lam-dong\n    name: Trùng\n"
            "    kind: provincial-agency\n    since: '2025-07-01'\n",
        ),
        "  - id: cong-an-tinh-lam-dong\n    name: Công an tỉnh Lâm Đồng",
        "give each its own",
    ),
    (
        "succession-before-plan",
        ("    since: '2025-03-01'\n    basis: nd-55", "    since: '2021-03-01'\n    basis: nd-55"),
        "    since: '2021-03-01'",
        "check the year",
    ),
    (
        "succession-before-basis",
        ("    since: '2025-03-01'\n    basis: nd-55", "    since: '2025-02-01'\n    basis: nd-55"),
        "    since: '2025-02-01'",
        "check both",
    ),
    (
        "heir-not-yet-formed",
        (
            "  - of: cong-an-tinh\n    by:\n      - id: cong-an-tinh-lam-dong\n    since: '2025-07-01'\n"
            "    basis: nq-202-2025-qh15",
            "  - of: cong-an-tinh\n    by:\n      - id: cong-an-tinh-lam-dong\n    since: '2025-06-20'\n"
            "    basis: nq-202-2025-qh15",
        ),
        "    since: '2025-06-20'",
        "the day the heir is formed or later",
    ),
    (
        "ceases-when-formed",
        (
            "successions:\n",
            "successions:\n  - of: cong-an-tinh-lam-dong\n    by: []\n    since: '2025-07-01'\n"
            "    basis: nq-202-2025-qh15\n",
        ),
        "    since: '2025-07-01'\n    basis: nq-202-2025-qh15\n  - of: ubnd-tinh",
        "name its heirs directly",
    ),
    (
        "duplicate-succession",
        (
            "successions:\n",
            "successions:\n  - of: cuc-thong-ke-tinh\n    by: [{id: ubnd-tinh-lam-dong}]\n    since: '2025-07-01'\n"
            "    basis: nq-202-2025-qh15\n"
            "  - of: cuc-thong-ke-tinh\n    by: [{id: cong-an-tinh-lam-dong}]\n    since: '2025-07-01'\n"
            "    basis: nq-202-2025-qh15\n",
        ),
        "  - of: cuc-thong-ke-tinh\n    by: [{id: cong-an-tinh-lam-dong}]",
        "one succession per body and day",
    ),
    (
        "duplicate-heir",
        (
            "      - id: cong-an-tinh-lam-dong\n    since: '2025-07-01'",
            "      - id: cong-an-tinh-lam-dong\n      - id: cong-an-tinh-lam-dong\n    since: '2025-07-01'",
        ),
        "      - id: cong-an-tinh-lam-dong\n    since: '2025-07-01'",
        "name each heir once",
    ),
    (
        "collective-heir",
        (
            "successions:\n",
            "successions:\n  - of: cuc-thong-ke-tinh\n    by: [{id: so-ban-nganh}]\n    since: '2025-07-01'\n"
            "    basis: nq-202-2025-qh15\n",
        ),
        "    by: [{id: so-ban-nganh}]",
        "name the bodies themselves",
    ),
    (
        "partial-shares",
        (
            "      - id: bo-khoa-hoc-cong-nghe\n",
            "      - id: bo-tu-phap\n      - id: bo-khoa-hoc-cong-nghe\n",
        ),
        "    by:\n      - id: bo-tu-phap",
        "give each heir its share",
    ),
    (
        "succession-cycle",
        (
            "successions:\n",
            "successions:\n  - of: cong-an-tinh-lam-dong\n    by: [{id: cong-an-tinh}]\n    since: '2025-08-01'\n"
            "    basis: nq-202-2025-qh15\n",
        ),
        "  - of: cong-an-tinh-lam-dong",
        "circle",
    ),
]


@pytest.mark.parametrize("code, change, at, hint", BAD, ids=[b[0] for b in BAD])
def test_bad_successions_are_one_clear_problem_each(plan_copy, code, change, at, hint):
    text = edit_plan(plan_copy, "successors.yaml", change)
    plan, problems = load_plan(plan_copy)
    assert plan is None
    found = [p for p in problems if p.code == code]
    # A cycle is seen from each succession on it; anything else is one problem.
    assert found and (len(problems) == 1 or code == "succession-cycle"), "\n".join(map(str, problems))
    assert all(p.code == code for p in problems)
    problem = found[0]
    assert problem.file.endswith("successors.yaml") and hint in problem.hint, str(problem)
    assert problem.line == text[: text.index(at)].count("\n") + 1, str(problem)
    result = subprocess.run(
        [sys.executable, "-m", "plannav", "check", "--plan", str(plan_copy)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    assert f"successors.yaml:{problem.line}" in result.stdout + result.stderr


def test_a_successor_page_lists_exactly_its_predecessors_items(site):
    def items(url):
        return {tr["data-item"] for tr in _site_page(site, url).select("article table tr[data-item]")}

    mine, theirs = items(f"co-quan/{HEIR}"), items("co-quan/cong-an-tinh")
    assert mine and mine == theirs
    page = _site_page(site, f"co-quan/{HEIR}")
    formed = page.select_one(".successor").get_text(" ", strip=True)
    assert "hình thành từ ngày 01/07/2025" in formed and "Công an tỉnh" in formed and "Nghị quyết 202/2025/QH15" in formed
    # The same downloads, holding the same items.
    csv_text = (site / "tai-ve" / "co-quan" / f"{HEIR}.csv").read_text(encoding="utf-8-sig")
    before = (site / "tai-ve" / "co-quan" / "cong-an-tinh.csv").read_text(encoding="utf-8-sig")
    assert csv_text.count("\n") == before.count("\n") > 10


def test_a_2022_body_says_who_carries_its_work_now_and_keeps_the_decisions_words(site):
    page = _site_page(site, "co-quan/cong-an-tinh")
    now = page.select_one(".successor")
    assert "Nay do Công an tỉnh Lâm Đồng thực hiện" in now.get_text(" ", strip=True)
    assert now.select_one("a[href$='van-ban/nq-202-2025-qh15/']")
    assert page.select("article table tr[data-item]")  # its items stay, as the decision gives them
    ended = _site_page(site, "co-quan/ubnd-huyen-thanh-pho").select_one(".successor").get_text(" ", strip=True)
    assert "Đã kết thúc hoạt động từ ngày 01/07/2025" in ended
    task = _site_page(site, "nhiem-vu/2-dd")
    line = task.select_one("tr.now").get_text(" ", strip=True)
    assert "Công an tỉnh : nay do Công an tỉnh Lâm Đồng thực hiện" in line
    assert "Công an tỉnh" in task.select_one("table.facts").get_text()  # the decision's roles stay


def test_the_agency_index_shows_todays_bodies_and_folds_the_ones_replaced(site):
    page = _site_page(site, "co-quan")
    bodies = [a["href"] for a in page.select("table.agencies td > a:first-child")]  # each row's body
    assert f"{HEIR}/" in bodies and "cong-an-tinh/" not in bodies and "cuc-thong-ke-tinh/" in bodies
    # The five departments merged in Đắk Nông on 01/03/2025, then into Lâm Đồng's: today's bodies only.
    assert "so-tai-chinh-lam-dong/" in bodies and "so-ke-hoach-dau-tu/" not in bodies and "so-tai-chinh/" not in bodies
    folded = page.select_one("details.replaced").get_text(" ", strip=True)
    assert "Công an tỉnh → Công an tỉnh Lâm Đồng" in folded


def test_every_succession_cites_a_document_its_page_shows(site, plan):
    data = yaml.safe_load((ROOT / "plan" / "successors.yaml").read_text(encoding="utf-8"))
    assert data["successions"]
    for succession in data["successions"]:
        page = _site_page(site, f"van-ban/{succession['basis']}")
        listed = page.select_one("ul.successions").get_text(" ", strip=True)
        assert plan.registry.by_id[succession["of"]].name in listed
        assert page.select_one("p.sources code")  # where it was read, as text: the intranet has no internet


def test_a_report_from_a_successor_imports_and_stands_for_its_predecessor(index, tmp_path):
    reporters = Reporters(index)
    assert set(reporters.by_agency[HEIR]) == set(reporters.by_agency["cong-an-tinh"])
    workbook = load_workbook(io.BytesIO(form_bytes(index, reporters, HEIR)))
    sheet = workbook["Báo cáo"]
    row = next(r for r in range(FIRST, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "task:4.a")
    sheet.cell(row=row, column=column_of("Trạng thái"), value="Đang thực hiện")
    path = tmp_path / f"{HEIR}.xlsx"
    workbook.save(path)
    progress_dir = tmp_path / "progress"
    # The command, in this process: only the report it writes is read here.
    assert main(["import-report", str(path), "2026-10", "--progress", str(progress_dir), "--plan", str(ROOT / "plan")]) == 0
    reports, problems = load_progress(progress_dir, reporters)
    assert problems == [] and [r.agency for r in reports] == [HEIR]
    progress = Progress(index, reporters, reports)
    assert progress.status("task:4.a", HEIR).status == "Quá hạn"  # due in 2022, not done by 18/10/2026
    assert progress.status("task:4.a", "cong-an-tinh").status == "Quá hạn"  # the item's lead, through its heir
    assert progress.as_of == dt.date(2026, 10, 18)


def test_the_register_expects_reports_from_the_bodies_there_each_month(plan):
    registry = plan.registry
    assert registry.exists_on("cong-an-tinh", "2025-06-30") and not registry.exists_on("cong-an-tinh", "2025-07-01")
    assert not registry.exists_on(HEIR, "2025-06-30") and registry.exists_on(HEIR, "2025-07-01")
    assert registry.exists_on("cuc-thong-ke-tinh", "2026-11-27")  # nothing recorded: there still
    # Sở Kế hoạch và Đầu tư: merged into Sở Tài chính on 01/03/2025, which became Lâm Đồng's on 01/07/2025.
    assert registry.exists_on("so-ke-hoach-dau-tu", "2025-02-28") and not registry.exists_on(
        "so-ke-hoach-dau-tu", "2025-03-01"
    )
    assert registry.exists_on("so-tai-chinh", "2025-06-30") and not registry.exists_on("so-tai-chinh", "2025-07-01")


@pytest.mark.parametrize(
    "period, agency, said, hint",
    [
        ("2025-03", HEIR, f"'{HEIR}' was formed on 2025-07-01, after 2025-03", "its predecessors' to report"),
        ("2026-10", "cong-an-tinh", "'cong-an-tinh' no longer existed in 2026-10 (since 2025-07-01)", HEIR),
    ],
    ids=["before-it-was-formed", "after-its-work-passed-on"],
)
def test_a_report_from_a_body_not_there_that_month_is_refused(index, tmp_path, period, agency, said, hint):
    reporters = Reporters(index)
    path = tmp_path / "progress" / period / f"{agency}.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(f"date: '{period}-18'\nentries:\n- item: task:4.a\n  status: Đang thực hiện\n", encoding="utf-8")
    reports, problems = load_progress(tmp_path / "progress", reporters)
    assert reports == [] and [p.code for p in problems] == ["not-there-that-month"]
    assert said in problems[0].message and hint in problems[0].hint and problems[0].line == 1
    # The same from the Excel form: refused, nothing written.
    workbook = load_workbook(io.BytesIO(form_bytes(index, reporters, agency)))
    sheet = workbook["Báo cáo"]
    row = next(r for r in range(FIRST, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "task:4.a")
    sheet.cell(row=row, column=column_of("Trạng thái"), value="Đang thực hiện")
    workbook.save(tmp_path / f"{agency}.xlsx")
    out = tmp_path / "imported"
    result = subprocess.run(
        [sys.executable, "-m", "plannav", "import-report", str(tmp_path / f"{agency}.xlsx"), period, "--progress", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "not-there-that-month" in result.stderr and "Traceback" not in result.stderr
    assert not list(out.rglob("*.yaml"))


def test_a_date_written_as_staff_write_it_is_named_a_date(plan_copy):
    edit_plan(
        plan_copy,
        "successors.yaml",
        ("    since: '2025-03-01'\n    basis: nd-55", "    since: 01/03/2025\n    basis: nd-55"),
    )
    _, problems = load_plan(plan_copy)
    assert [p.code for p in problems] == ["wrong-format"]
    assert (
        "expected a date written YYYY-MM-DD, found '01/03/2025'" in problems[0].message and "2025-07-01" in problems[0].hint
    )


def test_a_split_that_merges_again_or_partly_ceases_reads_as_one_body_and_no_end(plan_copy):
    """Split: Sở Mẫu A and B each take part; later B ceases, or both merge into C."""
    bodies = "".join(
        f"  - id: {i}\n    name: {n}\n    kind: provincial-agency\n    since: '2025-03-01'\n"
        for i, n in (("so-mau-a", "Sở Mẫu A"), ("so-mau-b", "Sở Mẫu B"), ("so-mau-c", "Sở Mẫu C"))
    )
    successions = (
        "  - {of: dien-luc-dak-nong, by: [{id: so-mau-a}, {id: so-mau-b}], since: '2025-03-01',"
        " basis: nd-55-2025-nd-cp}\n"
        "  - {of: so-mau-b, by: [], since: '2025-05-01', basis: nd-55-2025-nd-cp}\n"
        "  - {of: so-mau-a, by: [{id: so-mau-c}], since: '2025-07-01', basis: nq-202-2025-qh15}\n"
        "  - {of: so-mau-b, by: [{id: so-mau-c}], since: '2025-07-01', basis: nq-202-2025-qh15}\n"
    )
    edit_plan(
        plan_copy, "successors.yaml", ("bodies:\n", "bodies:\n" + bodies), ("successions:\n", "successions:\n" + successions)
    )
    plan, problems = load_plan(plan_copy)
    assert problems == [], problems
    found, ceased = carriers(plan.registry.successions, "dien-luc-dak-nong", "2025-06-01")
    assert [c.body for c in found] == ["so-mau-a"] and ceased is None  # B ended, A carries on
    found, ceased = carriers(plan.registry.successions, "dien-luc-dak-nong", "2026-01-01")
    assert [c.body for c in found] == ["so-mau-c"] and ceased is None  # one body, once


def test_a_body_whose_work_passed_on_offers_the_report_form_of_the_body_that_carries_it(site):
    """Its own form could no longer be imported for this month: staff of the body there now get theirs."""

    def forms(url):  # the report forms the page links: tai-ve/bao-cao/<agency>.xlsx
        links = _site_page(site, url).select("p.downloads a")
        return {a["href"].rsplit("/", 1)[-1]: a.get_text() for a in links if "/bao-cao/" in a["href"]}

    assert forms("co-quan/cong-an-tinh") == {f"{HEIR}.xlsx": "Biểu mẫu báo cáo tháng của Công an tỉnh Lâm Đồng (Excel)"}
    assert forms(f"co-quan/{HEIR}") == {f"{HEIR}.xlsx": "Biểu mẫu báo cáo tháng (Excel)"}
    assert forms("co-quan/ubnd-huyen-thanh-pho") == {}  # ceased, with no heir recorded
    assert forms("co-quan/cuc-thong-ke-tinh") == {"cuc-thong-ke-tinh.xlsx": "Biểu mẫu báo cáo tháng (Excel)"}
    assert forms("co-quan/so-ke-hoach-dau-tu") == {
        "so-tai-chinh-lam-dong.xlsx": "Biểu mẫu báo cáo tháng của Sở Tài chính tỉnh Lâm Đồng (Excel)"
    }
    # The downloads page offers each body the same files as its own page.
    rows = {
        tr.td.a["href"].rstrip("/").rsplit("/", 1)[-1]: tr
        for tr in _site_page(site, "tai-ve").select("table.downloads tbody tr")
    }
    forms_listed = [a["href"].rsplit("/", 1)[-1] for a in rows["cong-an-tinh"].select("a") if "bao-cao/" in a["href"]]
    assert forms_listed == [f"{HEIR}.xlsx"]


def test_the_home_page_counts_the_bodies_the_decision_names_not_those_formed_since(site):
    """The count under "Cơ quan, đơn vị được nêu" is of plan/agencies.yaml, read here as data."""
    import yaml

    listed = yaml.safe_load((ROOT / "plan" / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]
    row = next(tr for tr in _site_page(site, "").select("tr") if "Cơ quan, đơn vị được nêu" in tr.get_text())
    bodies, groups = (sum(1 for a in listed if (a["kind"] == "group") == g) for g in (False, True))
    assert row.td.get_text(" ", strip=True) == f"{bodies} (và {groups} cách gọi tập thể)"


def test_network_security_passed_to_bo_cong_an_on_a_document_whose_number_is_unknown(site):
    """IV.10.a is Bộ TT&TT's network information security: its page names Bộ Công an for that share, on the
    handover of 28/02/2025, a document known by issuer, date and sources ('số hiệu chưa tra được'). Bộ Công
    an's page keeps its own items and adds the one it now carries."""
    page = _site_page(site, "co-quan/bo-thong-tin-truyen-thong")
    now = page.select_one(".successor").get_text(" ", strip=True)
    assert "Bộ Công an" in now and "an toàn thông tin mạng" in now and "số hiệu chưa tra được" in now
    handover = _site_page(site, "van-ban/bb-ban-giao-attt-2025")
    facts = {tr.th.get_text(): tr.td.get_text() for tr in handover.select("table.facts tr")}
    assert facts["Số hiệu"] == "số hiệu chưa tra được" and "vnexpress.net" in handover.get_text()
    ministry = _site_page(site, "co-quan/bo-cong-an")
    items = {tr["data-item"] for tr in ministry.select("tr[data-item]")}
    assert {"appendix-task:31", "duty:10.a"} <= items


def test_a_document_without_its_number_needs_a_date_and_a_source(plan_copy):
    text = edit_plan(
        plan_copy,
        "successors.yaml",
        (
            "    date: '2025-02-28'\n    issuer: Bộ Công an và Bộ Thông tin và Truyền thông\n",
            "    issuer: Bộ Công an và Bộ Thông tin và Truyền thông\n",
        ),
    )
    _, problems = load_plan(plan_copy)
    assert [p.code for p in problems] == ["document-unverifiable"], problems
    assert "lacks its date" in problems[0].message
    assert problems[0].line == text[: text.index("  - id: bb-ban-giao-attt-2025")].count("\n") + 1


@pytest.mark.parametrize(
    "body, heir, basis",
    [
        ("so-ke-hoach-dau-tu", "Sở Tài chính tỉnh Lâm Đồng", "nq-hdnd-dak-nong-2025-02-28"),
        ("so-tai-nguyen-moi-truong", "Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng", "nq-hdnd-dak-nong-2025-02-28"),
        ("so-nong-nghiep-phat-trien-nong-thon", "Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng", "nq-hdnd-dak-nong-2025-02-28"),
        ("so-thong-tin-truyen-thong", "Sở Khoa học và Công nghệ tỉnh Lâm Đồng", "nq-hdnd-dak-nong-2025-02-28"),
        ("so-lao-dong-thuong-binh-xa-hoi", "Sở Nội vụ tỉnh Lâm Đồng", "nq-hdnd-dak-nong-2025-02-28"),
        ("so-giao-thong-van-tai", "Sở Xây dựng tỉnh Lâm Đồng", "nq-hdnd-dak-nong-2025-02-28"),
    ],
)
def test_a_merged_department_s_page_names_today_s_body_and_the_basis_above_its_first_section(site, body, heir, basis):
    """The departments Đắk Nông merged on 01/03/2025 (its council's resolution, number not found), then carried
    into Lâm Đồng's on 01/07/2025: the notice comes before the page's first section and links both steps."""
    page = _site_page(site, f"co-quan/{body}")
    notice = page.select_one(".successor")
    first_section = page.select_one("article h2")
    assert notice and first_section and notice.sourceline < first_section.sourceline
    said = notice.get_text(" ", strip=True)
    assert f"Nay do {heir} thực hiện" in said and "số hiệu chưa tra được" in said
    assert notice.select_one(f"a[href$='van-ban/{basis}/']") and notice.select_one("a[href$='van-ban/nq-202-2025-qh15/']")


def test_the_districts_work_counts_against_no_one_after_they_ended(index, site):
    """The districts ended on 01/07/2025 with no heir recorded: an item they lead with others is done when the
    others are, and its page says the districts ended."""
    reporters = Reporters(index)
    uid = "task:2.c"
    others = [a for a in reporters.leads(index.by_uid[uid]) if a != "ubnd-huyen-thanh-pho"]
    assert others and "ubnd-huyen-thanh-pho" in reporters.leads(index.by_uid[uid])
    done = Entry(item=uid, status="Hoàn thành", completed="2026-10-01")
    reports = [
        Report(agency, "2026-10", dt.date(2026, 10, 18), None, {uid: done}, "x")
        for agency in others
        if index.registry.exists_on(agency, "2026-10-18") or index.registry.heirs.get(agency)
    ]
    heirs = {heir for agency in others for heir in index.registry.heirs.get(agency, ())}
    reports += [Report(heir, "2026-10", dt.date(2026, 10, 18), None, {uid: done}, "x") for heir in heirs]
    progress = Progress(index, reporters, reports)
    assert progress.ceased("ubnd-huyen-thanh-pho") and progress.status(uid, "ubnd-huyen-thanh-pho").status == "Chưa báo cáo"
    assert progress.item_status(uid).startswith("Hoàn thành")
    line = _site_page(site, "nhiem-vu/2-c").select_one("tr.now").get_text(" ", strip=True)
    assert "Ủy ban nhân dân các huyện, thành phố : đã kết thúc hoạt động từ ngày 01/07/2025" in line
