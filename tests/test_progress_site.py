"""Progress on the built site: the dashboard, the statuses on agency pages and the sample-data banner.

The reports are fictitious and their folder is marked as sample data (progress/DU-LIEU-MAU), so every
page of that site says so. The repository's own progress/ is empty: its site shows no status at all."""

import csv
import io
import json

import openpyxl
import pytest
import yaml
from bs4 import BeautifulSoup, SoupStrainer
from sitebuild import ROOT, build_site, reports_site, shared_folder

from plannav.progress.status import STATUSES

SAMPLE = "DỮ LIỆU MẪU, không có thật"
HOSTILE = "<img src=x onerror=alert(1)> mẫu"  # a result staff typed: text on every page, never markup
REPORTS = {
    ("2026-09", "so-tu-phap-lam-dong"): """
        date: '2026-09-18'
        entries:
        - item: appendix-task:34
          status: Đang thực hiện
          result: Kết quả tháng chín (mẫu)
          difficulties: Khó khăn tháng chín (mẫu)
        - item: duty:2.k
          status: Đang thực hiện
        """,
    ("2026-10", "so-tu-phap-lam-dong"): f"""
        date: '2026-10-18'
        number: 1/BC-MAU
        entries:
        - item: appendix-task:34
          status: Hoàn thành
          completed: '2026-10-01'
          result: {SAMPLE}
        """,
    # Công an tỉnh's work is carried by Công an tỉnh Lâm Đồng since 01/07/2025 (plan/successors.yaml).
    ("2026-10", "cong-an-tinh-lam-dong"): f"""
        date: '2026-10-20'
        entries:
        - item: appendix-task:34
          status: Hoàn thành
          completed: '2022-03-15'
          result: '{HOSTILE}'
        - item: task:4.a
          status: Chưa triển khai
        """,
}


@pytest.fixture(scope="module")
def sample_site(runs):
    return shared_folder(runs, "progress-sample", lambda folder: reports_site(folder, REPORTS)) / "site"


def _soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_page_of_a_sample_site_says_so(sample_site):
    """The theme's pages in its banner, the drafted reports' pages (written outside the theme) in theirs."""
    pages = list(sample_site.rglob("index.html"))
    assert len(pages) > 190
    only_banners = SoupStrainer(class_=["md-banner", "sample-banner"])  # each page read for its banner alone
    banners = {
        p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser", parse_only=only_banners).select_one(
            ".md-banner, .sample-banner"
        )
        for p in pages
    }
    assert [p for p, banner in banners.items() if banner is None or "DỮ LIỆU MẪU" not in banner.get_text()] == []
    assert any(banner["class"] == ["sample-banner"] for banner in banners.values())


def test_the_dashboard_counts_what_the_reports_say(sample_site, index):
    soup = _soup(sample_site, "thuc-hien")
    counts = {
        li.get_text(" ", strip=True).rsplit(":", 1)[0]: int(li.strong.get_text())
        for li in soup.select("ul.status-counts li")
    }
    reported = [i for i in index.items if i.lead or i.coordinators]
    # By hand: PL II-34 done by both its leads, Sở Tư pháp tỉnh Lâm Đồng after its deadline; II.4.a not started, past its
    # deadline; IV.2.k (monthly, no day to pass) under way at Sở Tư pháp tỉnh Lâm Đồng, as it said in September.
    assert counts["Hoàn thành quá hạn"] == 1 and counts["Quá hạn"] == 1 and counts["Đang thực hiện"] == 1
    assert counts["Hoàn thành"] == counts["Chưa triển khai"] == counts["Không thực hiện"] == 0
    assert sum(counts.values()) == counts["Chưa báo cáo"] + 3 and sum(counts.values()) <= len(reported)
    overdue = [tr["data-item"] for tr in soup.select('table[data-section="qua-han"] tbody tr')]
    assert overdue == ["task:4.a"]
    register = {
        tr.select_one("td a").get_text(): [td.get_text() for td in tr.select("td")[2:]]
        for tr in soup.select("table.register tbody tr")
    }
    assert register["Sở Tư pháp tỉnh Lâm Đồng"] == ["đúng hạn", "đúng hạn"]  # on the 18th, in September and October
    assert register["Sở Y tế tỉnh Lâm Đồng"] == ["chưa có", "chưa có"]
    assert "Sở Y tế" not in register  # its work passed to Sở Y tế tỉnh Lâm Đồng on 01/07/2025
    assert "Công an tỉnh Lâm Đồng" not in register  # it receives the monthly reports (IV.2.k), it does not send them


def test_an_agency_page_shows_its_statuses_and_its_reports(sample_site):
    soup = _soup(sample_site, "co-quan/so-tu-phap-lam-dong")
    row = soup.select_one('table[data-section="chu-tri"] tr[data-item="appendix-task:34"]')
    assert row.select_one("td.status").get_text() == "Hoàn thành quá hạn"
    assert "1 Hoàn thành quá hạn" in soup.select_one("p.progress-summary").get_text(" ", strip=True)
    assert [td.get_text() for td in soup.select("table.reports tbody tr")[0].select("td")] == [
        "2026-10",
        "18/10/2026",
        "1/BC-MAU",
        "1",
    ]


def test_a_row_left_blank_keeps_its_status_and_says_it_was_not_updated(sample_site):
    # Sở Tư pháp tỉnh Lâm Đồng reported IV.2.k in September and left it blank in October: not an error, not a new status.
    cell = _soup(sample_site, "co-quan/so-tu-phap-lam-dong").select_one('tr[data-item="duty:2.k"] td.status')
    assert cell.get_text(" ", strip=True) == "Đang thực hiện (chưa cập nhật tháng 10/2026)"
    row = _soup(sample_site, "co-quan/so-tu-phap-lam-dong").select_one('tr[data-item="appendix-task:34"] td.status')
    assert row.select_one(".not-updated") is None  # reported in October


def test_without_reports_the_site_shows_no_status(site):
    assert "Chưa có báo cáo tiến độ nào" in _soup(site, "thuc-hien").select_one("article").get_text()
    agency = _soup(site, "co-quan/so-tu-phap-lam-dong")
    assert agency.select("td.status") == [] and agency.select_one("p.progress-summary") is None
    assert _soup(site, "").select_one(".md-banner") is None


def test_an_item_page_shows_each_reporting_body_and_its_reports(sample_site):
    soup = _soup(sample_site, "nhiem-vu/phu-luc-34")
    rows = {tr.select_one("td a").get_text(): tr for tr in soup.select("table.item-progress tbody tr")}
    assert rows["Sở Tư pháp tỉnh Lâm Đồng"].select_one("td.status").get_text() == "Hoàn thành quá hạn"
    assert f"2026-10 (18/10/2026): Hoàn thành Ngày hoàn thành: 01/10/2026 Kết quả thực hiện: {SAMPLE}" in rows[
        "Sở Tư pháp tỉnh Lâm Đồng"
    ].get_text(" ", strip=True)
    assert rows["Công an tỉnh Lâm Đồng"].select_one("td.status").get_text() == "Hoàn thành"
    assert HOSTILE in rows["Công an tỉnh Lâm Đồng"].get_text() and not rows["Công an tỉnh Lâm Đồng"].select("img")
    assert rows["Sở Y tế"].select_one("td.status").get_text() == "Chưa báo cáo"  # a coordinator, through the group
    earlier = rows["Sở Tư pháp tỉnh Lâm Đồng"].select_one("td.earlier details")
    assert "Kết quả tháng chín (mẫu)" in earlier.get_text() and earlier.summary.get_text() == "1 kỳ"


def test_search_finds_what_each_body_last_reported_on_an_item(sample_site):
    index = json.loads((sample_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert len(locations) == len(set(locations))  # the search tells results apart by their location
    docs = {doc["location"]: doc for doc in index["docs"]}
    # The page's section, its text made from the reports: the page's report table is not read.
    entry = docs["nhiem-vu/phu-luc-34/#thuc-hien"]
    assert entry["title"].startswith("Tình hình thực hiện")
    # Each report stands for the body whose work it carries too: both names find it.
    assert entry["text"] == (
        "Công an tỉnh, Công an tỉnh Lâm Đồng — Kết quả: &lt;img src=x onerror=alert(1)&gt; mẫu "
        f"Sở Tư pháp, Sở Tư pháp tỉnh Lâm Đồng — Kết quả: {SAMPLE}"
    )
    assert entry["text_folded"] == (
        "cong an tinh, cong an tinh lam dong — ket qua: &lt;img src=x onerror=alert(1)&gt; mau "
        "so tu phap, so tu phap tinh lam dong — ket qua: du lieu mau, khong co that"
    )
    # Only the latest: September's words are on the page, folded, but no longer what the body reports.
    assert not any("tháng chín" in doc["text"] for doc in index["docs"])
    assert not any(loc.startswith("thuc-hien/") and "<table" in doc["text"] for loc, doc in docs.items())


def test_report_texts_reach_the_search_index_escaped(sample_site):
    index = json.loads((sample_site / "search/search_index.json").read_text(encoding="utf-8"))
    text = next(doc["text"] for doc in index["docs"] if doc["location"] == "nhiem-vu/phu-luc-34/#thuc-hien")
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt; mẫu" in text


def test_item_pages_show_no_progress_without_reports(site):
    assert _soup(site, "nhiem-vu/phu-luc-34").select("table.item-progress") == []


def _csv_rows(path):
    return {row["Mã"]: row for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))}


def test_downloads_carry_the_statuses_the_pages_show(sample_site):
    agency = _csv_rows(sample_site / "tai-ve/co-quan/so-tu-phap-lam-dong.csv")
    assert agency["appendix-task:34"]["Trạng thái"] == "Hoàn thành quá hạn"  # the agency's own status
    police = _csv_rows(sample_site / "tai-ve/co-quan/cong-an-tinh-lam-dong.csv")
    assert police["task:4.a"]["Trạng thái"] == "Quá hạn"  # reported not started, past its deadline
    tasks = _csv_rows(sample_site / "tai-ve/nhiem-vu.csv")
    page = _soup(sample_site, "nhiem-vu/phu-luc-34")
    assert tasks["appendix-task:34"]["Trạng thái"] in page.get_text()
    assert tasks["task:4.a"]["Trạng thái"] != ""


def test_downloads_leave_the_status_empty_without_reports(site):
    tasks = _csv_rows(site / "tai-ve/nhiem-vu.csv")
    assert {row["Trạng thái"] for row in tasks.values()} == {""}


def test_a_month_page_lists_who_reported_who_did_not_and_what(sample_site):
    soup = _soup(sample_site, "thuc-hien/2026-10")
    assert soup.select_one("article h1").get_text() == "Báo cáo tiến độ tháng 10/2026"
    sent = {
        tr.select_one("td a").get_text(): [td.get_text() for td in tr.select("td")]
        for tr in soup.select("table.period-reports tbody tr")
    }
    assert sent["Sở Tư pháp tỉnh Lâm Đồng"][1:4] == ["18/10/2026", "1/BC-MAU", "đúng hạn"]
    assert sent["Công an tỉnh Lâm Đồng"][3] == "—"  # it receives the monthly reports, it has no day to send them by
    missing = [a.get_text() for a in soup.select("ul.period-missing a")]
    assert "Sở Y tế tỉnh Lâm Đồng" in missing and "Sở Tư pháp tỉnh Lâm Đồng" not in missing

    def changed(section):
        return [
            [td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in soup.select(f'table[data-section="{section}"] tbody tr')
        ]

    # Sở Tư pháp tỉnh Lâm Đồng's report, compared with its September one; the police's first report is its starting point.
    assert changed("moi-hoan-thanh") == [
        ["PL II-34", "Sở Tư pháp tỉnh Lâm Đồng", "Hoàn thành quá hạn (trước: Quá hạn)", SAMPLE]
    ]
    assert changed("moi-qua-han") == [] and changed("kho-khan-moi") == []
    assert [a.get_text() for a in soup.select("p.period-first a")] == ["Công an tỉnh Lâm Đồng"]
    dashboard = _soup(sample_site, "thuc-hien")
    assert [a["href"] for a in dashboard.select("table.register thead a")] == ["2026-09/", "2026-10/"]
    september = _soup(sample_site, "thuc-hien/2026-09")
    assert [a.get_text() for a in september.select("p.period-first a")] == ["Sở Tư pháp tỉnh Lâm Đồng"]
    assert september.select("table.period-changes") == []  # nothing before it to compare with


def test_without_reports_there_are_no_month_pages(site):
    assert [p.name for p in (site / "thuc-hien").iterdir()] == ["index.html"]


def test_index_tables_show_each_item_s_overall_status_and_offer_it_as_a_filter(sample_site):
    soup = _soup(sample_site, "nhiem-vu")
    rows = {tr["data-item"]: tr for tr in soup.select("table.items tbody tr")}
    assert rows["appendix-task:34"].select_one("td.status").get_text() == "Hoàn thành quá hạn"
    assert rows["appendix-task:34"]["data-status"] == "done-late"
    assert rows["task:4.a"]["data-status"] == "overdue"
    first = soup.select_one("table[data-filter-options]")
    options = json.loads(first["data-filter-options"])
    # Least advanced first, only the statuses the rows have, labelled as the pages print them.
    assert [label for _, label in options["status"]] == ["Chưa báo cáo", "Quá hạn", "Hoàn thành quá hạn"]
    procedures = _soup(sample_site, "thu-tuc")
    assert {td.get_text() for td in procedures.select("table.procedures td.status")} <= set(STATUSES)
    duties = _soup(sample_site, "trach-nhiem")
    assert len(duties.select("td.status")) == len(duties.select("table.items tbody tr"))


def test_without_reports_no_table_has_a_status_filter(site):
    for url in ("nhiem-vu", "thu-tuc", "trach-nhiem", "thoi-han"):
        soup = _soup(site, url)
        assert soup.select("[data-status]") == [] and soup.select("td.status") == []
        options = [json.loads(t["data-filter-options"]) for t in soup.select("table[data-filter-options]")]
        assert options and all("status" not in o for o in options)


def test_the_dashboard_agrees_with_a_count_made_from_the_files(two_years):
    """Counted here from the YAML files and the report forms alone, without the site's code."""
    site, progress = two_years / "site", two_years / "progress"
    # A body formed since the decision carries its predecessors' work (plan/successors.yaml): their
    # reports count as its own; a body whose work passed on is no longer on the dashboard.
    successions = yaml.safe_load((ROOT / "plan" / "successors.yaml").read_text(encoding="utf-8"))["successions"]
    before: dict[str, set[str]] = {}  # heir -> the bodies whose work it carries, down the chains
    for s in successions:
        for heir in s["by"]:
            before.setdefault(heir["id"], set()).add(s["of"])
    line = {}
    for heir in before:
        found, todo = set(), [heir]
        while todo:
            for predecessor in before.get(todo.pop(), ()):
                if predecessor not in found:
                    found.add(predecessor)
                    todo.append(predecessor)
        line[heir] = found
    gone = {s["of"] for s in successions}
    latest: dict[str, dict[str, str]] = {}  # agency -> item -> its latest typed status
    for path in sorted(progress.glob("*/*.yaml")):  # month folders in order: a later report replaces
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]:
            for agency in {path.stem} | {heir for heir, before in line.items() if path.stem in before}:
                latest.setdefault(agency, {})[entry["item"]] = entry["status"]
    header = [th.get_text() for th in _soup(site, "thuc-hien").select("table.progress-agencies thead th")]
    rows = _soup(site, "thuc-hien").select("table.progress-agencies tbody tr")
    assert len(rows) == len(set(latest) - gone) == 23  # the bodies there in October 2026
    every_item = set()
    for tr in rows:
        agency = tr.select_one("a")["href"].rstrip("/").rsplit("/", 1)[-1]
        counts = dict(zip(header[1:-1], (int(td.get_text()) for td in tr.select("td")[1:-1]), strict=True))
        form = openpyxl.load_workbook(site / "tai-ve/bao-cao" / f"{agency}.xlsx", read_only=True)["Báo cáo"]
        items = {row[0] for row in form.iter_rows(min_row=6, max_col=1, values_only=True) if row[0]}
        every_item |= items
        said = latest.get(agency, {})
        assert sum(counts.values()) == len(items)
        assert counts["Chưa báo cáo"] == len(items - set(said))
        assert counts["Hoàn thành"] + counts["Hoàn thành quá hạn"] == sum(s == "Hoàn thành" for s in said.values())
        assert counts["Không thực hiện"] == sum(s == "Không thực hiện" for s in said.values())
        open_items = sum(s in ("Chưa triển khai", "Đang thực hiện") for s in said.values())
        assert counts["Chưa triển khai"] + counts["Đang thực hiện"] + counts["Quá hạn"] == open_items
    overall = _soup(site, "thuc-hien").select("ul.status-counts li strong")
    assert sum(int(s.get_text()) for s in overall) == len(every_item)


def test_the_month_page_the_register_and_the_consolidated_report_name_the_same_missing_bodies(sample_site):
    """Three pages say who owes a month's report and did not send it; they must never disagree."""
    dashboard = _soup(sample_site, "thuc-hien")
    months = [a["href"].rstrip("/") for a in dashboard.select("table.register thead a")]
    rows = [
        (tr.select_one("td a").get_text(), [td.get_text() for td in tr.select("td")][2:])
        for tr in dashboard.select("table.register tbody tr")
    ]
    for at, month in enumerate(months):
        in_register = sorted(name for name, cells in rows if cells[at] == "chưa có")
        on_month_page = sorted(a.get_text() for a in _soup(sample_site, f"thuc-hien/{month}").select("ul.period-missing a"))
        assert in_register and on_month_page == in_register, month
    summary = _soup(sample_site, f"thuc-hien/{months[-1]}/tong-hop")
    in_summary = sorted(
        tr.select_one("td a").get_text()
        for tr in summary.select("table.report-tallies tbody tr")
        if "chưa có" in tr.get_text()
    )
    assert in_summary == in_register


def test_the_register_expects_reports_only_from_the_bodies_there_each_month(two_years):
    """The district level ended on 01/07/2025 (plan/successors.yaml): from that month its row expects no
    report ("—"), never "chưa có"; before, its reports count as any other's."""
    soup = _soup(two_years / "site", "thuc-hien")
    months = [th.get_text() for th in soup.select("table.register thead th")][2:]
    row = next(
        [td.get_text() for td in tr.select("td")][2:]
        for tr in soup.select("table.register tbody tr")
        if tr.select_one("td a").get_text() == "Ủy ban nhân dân các huyện, thành phố"
    )
    ended = months.index("7/2025")
    assert set(row[ended:]) == {"—"} and "—" not in row[:ended] and set(row[:ended]) <= {"đúng hạn", "muộn"}


def test_a_second_build_of_the_same_reports_writes_the_same_site(sample_site, tmp_path):
    """The second build takes the page bodies, the reports and the downloads from the build cache the
    first one left: every file it writes is the same, byte for byte."""
    again = tmp_path / "again"
    result = build_site(again, progress_dir=sample_site.parent / "progress", cache_dir=sample_site.parent / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    first = {p.relative_to(sample_site): p.read_bytes() for p in sample_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_the_chart_and_its_table_count_the_plan_month_by_month(two_years):
    """One row per reported month; the last month's numbers are the dashboard's own; the chart draws the
    same numbers its table gives."""
    soup = _soup(two_years / "site", "thuc-hien")
    rows = [[td.get_text() for td in tr.select("td")] for tr in soup.select("table.progress-trend tbody tr")]
    months = [a.get_text() for a in soup.select("table.register thead th a")]
    assert [r[0] for r in rows] == months and len(rows) == 24
    counts = {
        li.get_text(" ", strip=True).rsplit(":", 1)[0]: int(li.strong.get_text())
        for li in soup.select("ul.status-counts li")
    }
    done, under_way, overdue = map(int, rows[-1][1:])
    assert done == counts["Hoàn thành"] + counts["Hoàn thành quá hạn"]
    assert (under_way, overdue) == (counts["Đang thực hiện"], counts["Quá hạn"])
    drawn = {t.get_text() for t in soup.select(".trend-chart rect title")}
    table = {f"Tháng {r[0]}: {n}" for r in rows for n in map(int, r[1:]) if n}
    assert {t.split(": ")[1] for t in drawn} <= {t.split(": ")[1] for t in table} and len(drawn) <= len(table)
    assert int(rows[-1][1]) > int(rows[0][1])  # the made-up courses finish work month by month


def test_each_agency_row_draws_its_counts_and_says_what_its_numbers_count(two_years):
    soup = _soup(two_years / "site", "thuc-hien")
    total_pairs = 0
    for tr in soup.select("table.progress-agencies tbody tr"):
        counts = [int(td.get_text()) for td in tr.select("td")[1:-1]]
        total_pairs += sum(counts)
        widths = [float(r["width"]) for r in tr.select("td.bar svg rect")]
        assert len(widths) == sum(1 for c in counts if c) and abs(sum(widths) - 60) < 0.5, tr.td.get_text()
        shares = [c / sum(counts) * 60 for c in counts if c]
        assert all(abs(w - s) < 0.1 for w, s in zip(widths, shares, strict=True))
    note = soup.select_one("#co-quan + p.note").get_text(" ", strip=True)
    assert f"{total_pairs} lượt cơ quan – việc" in note and "không phải số việc" in note
    assert "mỗi việc đếm một lần" in soup.select_one("p.lead").get_text()
    month = max(a["href"] for a in soup.select("table.register thead th a")).strip("./").rsplit("/", 1)[-1]
    summary = _soup(two_years / "site", f"thuc-hien/{month}/tong-hop")
    assert summary.select_one("table.report-tallies tr.total td").get_text() == "Tổng cộng (lượt cơ quan – việc)"
