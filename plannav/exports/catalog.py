"""Every download of the site: where it goes under the site, what it holds, and its bytes."""

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from plannav.exports.rows import TABLES
from plannav.items import ItemIndex
from plannav.progress import months
from plannav.progress.monthly import MonthlyReports
from plannav.sitemap import SUMMARY

FOLDER = "tai-ve"
PLAN_CALENDAR = f"{FOLDER}/ke-hoach.ics"
PLAN_WORKBOOK = f"{FOLDER}/ke-hoach.xlsx"


def table_csv(table: str) -> str:
    """Where one table of the whole plan goes as CSV (tables: exports.rows.TABLES)."""
    return f"{FOLDER}/{table}.csv"


@dataclass(frozen=True)
class Download:
    path: str  # under the site, e.g. tai-ve/ke-hoach.xlsx
    label: str  # what staff read on the link
    make: Callable[[], bytes]
    # What the file prints, as plain data (keys.canonical), where that is cheap to know and the file
    # dear to make (a workbook, a Word document): the same data makes the same bytes, whatever else changed.
    content: Callable[[], object] | None = None
    plan_only: bool = False  # made from the plan alone (a calendar): kept whatever the reports say


def printed(path: str, label: str, content: Callable[[], object], write: Callable[[object], bytes]) -> Download:
    """A download made by `write` from `content` alone (plain data, worked out once): kept by the build
    cache by what it prints, so that a new report makes again only the files it changes."""
    once = cache(content)
    return Download(path, label, lambda: write(once()), once)


def _writer(module: str, name: str) -> Callable:
    """A writer (or what it prints) imported when a file is made: they load openpyxl, icalendar and the
    JSON Schema machinery, which listing the downloads (every agency page links its own) does not need.
    module: under plannav.exports, or a full name (the report form's)."""
    where = module if "." in module else f"plannav.exports.{module}"

    def write(*args, **kwargs):
        return getattr(importlib.import_module(where), name)(*args, **kwargs)

    return write


csv_bytes = _writer("tables", "csv_bytes")
xlsx_content, write_xlsx = _writer("tables", "xlsx_content"), _writer("tables", "write_xlsx")
calendar_bytes = _writer("icsfile", "calendar_bytes")
json_bytes, schema_bytes = _writer("jsondump", "json_bytes"), _writer("jsondump", "schema_bytes")
agency_docx = _writer("wordreport", "agency_report_bytes")
summary_docx = _writer("wordreport", "month_summary_bytes")
form_content = _writer("plannav.progress.form", "form_content")
write_form = _writer("plannav.progress.form", "write_form")


def plan_downloads(index: ItemIndex, base_url: str | None = None, progress=None) -> list[Download]:
    downloads = [
        printed(
            PLAN_WORKBOOK, "Excel: nhiệm vụ, thủ tục, trách nhiệm", lambda: xlsx_content(index, None, progress), write_xlsx
        ),
        *[
            Download(table_csv(table), f"CSV: {title.lower()}", lambda table=table: csv_bytes(index, table, None, progress))
            for table, (title, _) in TABLES.items()
        ],
        Download(
            PLAN_CALENDAR,
            "Lịch (iCalendar): mọi thời hạn",
            lambda: calendar_bytes(index, index.identity.plan_name, base_url=base_url),
            plan_only=True,
        ),
        Download(f"{FOLDER}/ke-hoach.json", "JSON: toàn bộ kế hoạch", lambda: json_bytes(index, progress)),
        Download(f"{FOLDER}/ke-hoach.schema.json", "JSON Schema của tệp JSON", schema_bytes),
    ]
    return downloads


def report_form(agency_id: str) -> str:
    """Where an agency's monthly report form goes."""
    return f"{FOLDER}/bao-cao/{agency_id}.xlsx"


def agency_downloads(index: ItemIndex, agency_id: str, base_url: str | None = None, progress=None) -> list[Download]:
    """An agency's extract as Excel, CSV and a calendar; with `progress`, its monthly report form too,
    listing what it reports on beside the status it last reported."""
    name = index.registry.by_id[agency_id].name
    folder = f"{FOLDER}/co-quan/{agency_id}"
    form = []
    if progress is not None and agency_id in progress.reporters.by_agency:
        form = [
            printed(
                report_form(agency_id),
                "Biểu mẫu báo cáo tháng (Excel)",
                lambda: form_content(index, progress.reporters, agency_id, progress),
                write_form,
            )
        ]
    return form + [
        printed(f"{folder}.xlsx", "Excel", lambda: xlsx_content(index, agency_id, progress), write_xlsx),
        Download(f"{folder}.csv", "CSV", lambda: _agency_csv(index, agency_id, progress)),
        Download(
            f"{folder}.ics",
            "Lịch (iCalendar)",
            lambda: calendar_bytes(index, f"{name} — {index.identity.plan_name}", agency_id, base_url),
            plan_only=True,
        ),
    ]


def _agency_csv(index: ItemIndex, agency_id: str, progress=None) -> bytes:
    """One CSV for an agency: its tasks, procedures and duties, one after the other."""
    parts = [csv_bytes(index, table, agency_id, progress) for table in TABLES]
    header_end = parts[0].index(b"\r\n") + 2
    return parts[0] + b"".join(part[header_end:] for part in parts[1:])


def drafted_report(period: str, agency_id: str = SUMMARY) -> str:
    """Where the drafted Word report of one agency's month goes (without an agency: the consolidated one)."""
    return f"{FOLDER}/bao-cao/{period}/{agency_id}.docx"


def report_downloads(monthly: MonthlyReports) -> list[Download]:
    """The drafted monthly reports as Word documents, for the months drafted (progress.months)."""
    progress = monthly.progress

    out = [
        printed(
            drafted_report(r.period, r.agency),
            "Dự thảo báo cáo tháng (Word)",
            lambda r=r: (monthly.agency(r), r.date),
            lambda drafted: agency_docx(*drafted),
        )
        for r in months.drafted_reports(progress)
    ]
    for period in months.drafted_months(progress):
        out.append(
            printed(
                drafted_report(period),
                "Dự thảo báo cáo tổng hợp (Word)",
                lambda p=period: (monthly.summary(p), months.summary_date(progress, p)),
                lambda drafted: summary_docx(*drafted),
            )
        )
    return out


def all_downloads(index: ItemIndex, monthly: MonthlyReports, base_url: str | None = None) -> list[Download]:
    """Every download of the site: the plan's, each agency's, the drafted reports' (of monthly.progress)."""
    progress = monthly.progress
    out = plan_downloads(index, base_url, progress)
    for agency in index.registry.agencies:
        out += agency_downloads(index, agency.id, base_url, progress)
    return out + report_downloads(monthly)
