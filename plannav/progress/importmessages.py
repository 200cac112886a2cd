"""What the report check says (progress.reportcheck.check_report_text), told to the form's sender in Vietnamese:
each code's message and hint, with the cells and the agencies named. Import says every problem of a form in
these words (progress.importer)."""

import datetime as dt

from plannav.textfile import MAX_BYTES

TEXT_KEYS = ("result", "difficulties", "proposals", "evidence")  # the form's text columns, as the report names them


def _day(day) -> str:
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return f"{day:%d/%m/%Y}"


def _fallback(problem, **_) -> tuple[str, str]:
    return f"báo cáo không qua được kiểm tra: {problem.message}", problem.hint


def _absent(period, form, reporters, **_) -> tuple[str, str]:
    registry = reporters.index.registry
    name = registry.by_id[form.agency_id].name
    why, day = registry.absent_in(form.agency_id, period) or ("", "")
    if why == "formed":
        return (
            f"{name} được thành lập ngày {_day(day)}, sau kỳ {period}",
            "kỳ trước khi thành lập do cơ quan tiền thân báo cáo",
        )
    heirs = registry.heirs.get(form.agency_id, ())
    named = ", ".join(registry.by_id[h].name for h in heirs if h in registry.by_id)
    return (
        f"{name} không còn trong kỳ {period} (từ {_day(day)})" if day else f"{name} không báo cáo kỳ {period}",
        f"công việc do {named} đảm nhận: tải biểu mẫu của cơ quan đó" if named else "kiểm tra kỳ báo cáo",
    )


def _too_large(form, **_) -> tuple[str, str]:
    lengths = sorted(
        (
            (len(entry[key]), where[key])
            for entry, where in zip(form.entries, form.where, strict=True)
            for key in TEXT_KEYS
            if key in entry
        ),
        reverse=True,
    )[:3]
    cells_named = ", ".join(f"{cell.partition('!')[2]} ({n:,} ký tự)" for n, cell in lengths)
    return (
        f"báo cáo quá dài: quá giới hạn {MAX_BYTES:,} byte của một tệp báo cáo",
        f"rút gọn các ô dài nhất: {cells_named}; văn bản đầy đủ gửi kèm báo cáo giấy",
    )


_VIETNAMESE = {
    "completed-missing": lambda **_: ("Hoàn thành cần có ngày hoàn thành", "điền Ngày hoàn thành (ngày/tháng/năm)"),
    "completed-not-done": lambda entry, **_: (
        f"có ngày hoàn thành nhưng trạng thái là '{entry['status']}'",
        "chọn Hoàn thành, hoặc xóa Ngày hoàn thành",
    ),
    "completed-after-report": lambda entry, report_date, **_: (
        f"hoàn thành ngày {_day(entry['completed'])}, sau ngày báo cáo {_day(report_date)}",
        "báo cáo nêu việc đã làm tới ngày báo cáo; kiểm tra lại ngày",
    ),
    "completed-before-plan": lambda entry, reporters, **_: (
        f"hoàn thành ngày {_day(entry['completed'])}, trước ngày ban hành kế hoạch {_day(reporters.index.identity.date)}",
        "kiểm tra năm (ví dụ 2016 gõ nhầm cho 2026)",
    ),
    "reason-missing": lambda **_: (
        "Không thực hiện cần nêu lý do",
        "ghi lý do ở cột Khó khăn, vướng mắc hoặc Đề xuất, kiến nghị",
    ),
    "report-date": lambda period, report_date, **_: (
        f"ngày báo cáo {_day(report_date)} nằm ngoài kỳ {period}",
        f"báo cáo kỳ {period} ghi ngày trong tháng đó hoặc tháng sau, ví dụ DATE={period}-18",
    ),
    "period-before-plan": lambda period, reporters, **_: (
        f"kỳ {period} trước khi kế hoạch được ban hành ({reporters.index.identity.date:%m/%Y})",
        "kiểm tra năm của PERIOD",
    ),
    "not-there-that-month": _absent,
    "file-too-large": _too_large,
    "invalid-value": lambda problem, **_: (
        f"giá trị không hợp lệ: {problem.message}",
        "kiểm tra năm: ngày phải từ 1900 tới 2100" if "outside" in problem.message else problem.hint,
    ),
    "forbidden-character": lambda problem, **_: (
        f"có ký tự không được phép ({problem.message})",
        "xóa ký tự đó; gõ lại đoạn văn nếu cần",
    ),
}
# The check's codes a report may fail and the importer says in Vietnamese (the rest: _fallback, which
# can only be reached by a change of the check that this table has not followed; a test keeps them even).
TOLD_IN_VIETNAMESE = frozenset(_VIETNAMESE)


def in_vietnamese(code: str, **context) -> tuple[str, str]:
    """(message, hint) of a problem of the report file, as the form's sender reads it: the check's own words
    where no Vietnamese is written for its code."""
    return _VIETNAMESE.get(code, _fallback)(**context)
