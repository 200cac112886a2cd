"""Every export re-read with its own library and compared with the plan: same items, agencies, dates."""

import csv
import datetime as dt
import io
import json

import jsonschema
import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from plannav import schedule, sitemap
from plannav.exports.catalog import agency_downloads, plan_downloads
from plannav.exports.icsfile import calendar_bytes
from plannav.exports.jsondump import json_bytes, schema_bytes
from plannav.exports.rows import TABLES
from plannav.exports.tables import csv_bytes, xlsx_bytes

KINDS = {table: kinds for table, (_, kinds) in TABLES.items()}


def _csv(data: bytes):
    assert data.startswith("\ufeff".encode()), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_json_holds_the_whole_plan_and_validates_against_its_schema(index):
    data = json.loads(json_bytes(index))
    jsonschema.Draft202012Validator(json.loads(schema_bytes())).validate(data)
    assert [i["uid"] for i in data["items"]] == [i.uid for i in index.items]
    assert len(data["procedures"]["procedures"]) == 25 and len(data["agencies"]["agencies"]) == len(index.registry.named)
    assert len(data["successors"]["bodies"]) == len(index.registry.formed) and data["successors"]["successions"]
    item = next(i for i in data["items"] if i["uid"] == "procedure:15")
    assert item["lead"] == ["van-phong-ubnd-tinh"] and item["deadlines"][0]["deadline"]["text"] == "Tháng 5/2022"
    assert item["deadlines"][0]["dates"] == ["2022-05-31"]
    assert any(
        r["task"] == "2.d" and any(d["field"] == "named-agencies" for d in r["differences"]) for r in data["reconciliation"]
    )


@pytest.mark.parametrize("table", list(TABLES))
def test_csv_of_the_whole_plan_lists_every_item_with_its_agencies(index, table):
    rows = _csv(csv_bytes(index, table))
    expected = [i for i in index.items if i.kind in KINDS[table]]
    assert [r["Mã"] for r in rows] == [i.uid for i in expected]
    for row, item in zip(rows, expected, strict=True):
        assert [a for a in row["Mã chủ trì"].split("; ") if a] == list(item.lead)
        assert (row["Chủ trì"] == "Không nêu") == item.lead_unstated
        assert row["Mã phối hợp"] == "; ".join(item.coordinators)
        dates = [d for deadline in item.deadlines for d in schedule.dates(deadline)]
        assert row["Ngày hạn"] == (min(dates).isoformat() if dates else "")


def test_agency_csv_holds_what_it_leads_and_coordinates(index):
    rows = _csv(agency_downloads(index, "so-tu-phap")[1].make())
    expected = {
        i.uid: ("Chủ trì" if "so-tu-phap" in i.lead else "Phối hợp")
        for i in index.items
        if "so-tu-phap" in i.lead + i.coordinators
    }
    assert {r["Mã"]: r["Vai trò"] for r in rows} == expected


def test_excel_workbook_is_ready_to_filter(index):
    workbook = load_workbook(io.BytesIO(xlsx_bytes(index)))
    assert workbook.sheetnames == [title for title, _ in TABLES.values()]
    for sheet, table in zip(workbook.worksheets, TABLES, strict=True):
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        assert sheet.column_dimensions["C"].width == 80
        headers = [c.value for c in sheet[1]]
        uids = [row[headers.index("Mã")] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert uids == [i.uid for i in index.items if i.kind in KINDS[table]]
        due = headers.index("Ngày hạn")
        for row in sheet.iter_rows(min_row=2):
            if row[due].value is not None:
                assert isinstance(row[due].value, dt.datetime) and row[due].number_format == "DD/MM/YYYY"
    sheet = workbook["Thủ tục hành chính"]
    headers = [c.value for c in sheet[1]]
    first = next(sheet.iter_rows(min_row=2, values_only=True))
    assert first[headers.index("Ngày hạn")].date() == dt.date(2022, 3, 31)


def test_agency_workbook_has_a_role_column(index):
    workbook = load_workbook(io.BytesIO(xlsx_bytes(index, "cong-an-tinh")))
    sheet = workbook["Nhiệm vụ"]
    roles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert roles.count("Chủ trì") == sum(1 for i in index.items if i.kind in KINDS["nhiem-vu"] and "cong-an-tinh" in i.lead)


def _events(data: bytes):
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def test_calendar_has_an_all_day_event_per_dated_deadline(index):
    events = _events(calendar_bytes(index, "Kế hoạch", base_url="http://intranet.local/ke-hoach-06/"))
    dated = [(i, d) for i in index.items for d in i.deadlines if schedule.dates(d)]
    expected_days = sorted(
        day - dt.timedelta(days=1) if d.kind == "date" and d.before else day for _, d in dated for day in schedule.dates(d)
    )
    single = [e for e in events if "RRULE" not in e]
    assert sorted(e.decoded("dtstart") for e in single) == expected_days
    assert all(
        isinstance(e.decoded("dtstart"), dt.date) and not isinstance(e.decoded("dtstart"), dt.datetime) for e in events
    )
    assert len({str(e["uid"]) for e in events}) == len(events)
    may = [e for e in single if e.decoded("dtstart") == dt.date(2022, 5, 31)]
    assert any(str(e["url"]) == "http://intranet.local/ke-hoach-06/thu-tuc/15/" for e in may)


def test_monthly_reports_recur(index):
    events = {str(e["uid"]): e for e in _events(calendar_bytes(index, "Kế hoạch"))}
    on_18 = events["duty-2-k-0@ke-hoach-468.dak-nong"]
    before_22 = events["duty-2-k-1@ke-hoach-468.dak-nong"]
    assert on_18["rrule"]["FREQ"] == ["MONTHLY"] and on_18["rrule"]["BYMONTHDAY"] == [18]
    assert on_18.decoded("dtstart") == dt.date(2022, 3, 18)
    assert before_22["rrule"]["BYMONTHDAY"] == [21] and before_22.decoded("dtstart") == dt.date(2022, 3, 21)


def test_uids_are_stable_and_agency_calendars_hold_only_their_events(index):
    whole = {str(e["uid"]) for e in _events(calendar_bytes(index, "Kế hoạch"))}
    assert whole == {str(e["uid"]) for e in _events(calendar_bytes(index, "Kế hoạch"))}
    group = {str(e["uid"]) for e in _events(calendar_bytes(index, "Tổ", "to-cong-tac-de-an"))}
    assert group == {"duty-2-k-1@ke-hoach-468.dak-nong"}
    # Công an tỉnh's calendar: exactly the items that name it and have a day in the calendar.
    mine = {str(e["summary"]).split(":")[0].split(" (")[0] for e in _events(calendar_bytes(index, "CA", "cong-an-tinh"))}
    on_a_day = lambda d: schedule.dates(d) or d.kind == "recurring" and d.every == "month" and d.day  # noqa: E731
    expected = {
        sitemap.item_label(i)
        for i in index.items
        if "cong-an-tinh" in i.lead + i.coordinators and any(on_a_day(d) for d in i.deadlines)
    }
    assert mine == expected and len(mine) > 20
    assert group <= whole


def test_built_site_serves_the_downloads_and_links_them(site, page, index):
    # A body of today, with its own form: Sở Y tế tỉnh Lâm Đồng (Sở Y tế's work since 01/07/2025).
    assert (site / "tai-ve" / "bao-cao" / "so-y-te-lam-dong.xlsx").is_file()
    for download in plan_downloads(index) + agency_downloads(index, "so-y-te-lam-dong"):
        assert (site / download.path).is_file(), download.path
    soup = page(site, "co-quan/so-y-te-lam-dong/")
    hrefs = {a["href"] for a in soup.select("p.downloads a")}
    assert hrefs == {
        "../../tai-ve/bao-cao/so-y-te-lam-dong.xlsx",  # its monthly report form
        "../../tai-ve/co-quan/so-y-te-lam-dong.xlsx",
        "../../tai-ve/co-quan/so-y-te-lam-dong.csv",
        "../../tai-ve/co-quan/so-y-te-lam-dong.ics",
    }
