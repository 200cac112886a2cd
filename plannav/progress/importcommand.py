"""`python -m plannav import-report FORM PERIOD`: the editor's side of the monthly cycle.

Every refusal ends in one line saying that nothing was written, and exits non-zero, never with a
traceback: a mistyped argument (2), a form or report with problems (1, with a copy of the form marked
cell by cell beside it), a full disk or a folder that is a file (1), Ctrl-C (130).
"""

import datetime as dt
import re
import sys
from pathlib import Path

from plannav.items import ItemIndex
from plannav.loader import load_plan
from plannav.makeflags import make_flag
from plannav.problems import Problem, report
from plannav.progress.cells import day_of
from plannav.progress.formfile import FormRefused
from plannav.progress.importer import checked_report, read_form
from plannav.progress.loader import SAMPLE_MARKER
from plannav.progress.marked import write_marked_copy
from plannav.progress.reporters import Reporters
from plannav.progress.writer import WriteFailed, write_report
from plannav.textnorm import FORBIDDEN, visible

_PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


class BadArgument(Exception):
    def __init__(self, said: str, hint: str):
        super().__init__(said)
        self.hint = hint


def flag(value: str | None, name: str) -> bool:
    found = make_flag(value)
    if found is None:
        raise BadArgument(f"{name}='{visible(value)}' không rõ nghĩa", f"viết {name}=1 để bật; bỏ {name} đi để tắt")
    return found


def _arguments(args, today: dt.date) -> tuple[str, dt.date, str | None, bool]:
    period = args.period.strip()
    if not _PERIOD.fullmatch(period):
        raise BadArgument(f"kỳ '{visible(args.period)}' không phải một tháng viết YYYY-MM", "ví dụ PERIOD=2026-10")
    if period > f"{today:%Y-%m}":
        raise BadArgument(
            f"kỳ {period} ở sau tháng hiện tại ({today:%m/%Y})",
            f"kiểm tra năm; báo cáo tháng này là PERIOD={today:%Y-%m}",
        )
    if args.date:
        date = day_of(args.date.strip())
        if date is None:
            raise BadArgument(f"ngày '{visible(args.date)}' không phải một ngày", f"ví dụ DATE={period}-18")
    else:
        date = dt.date.fromisoformat(f"{period}-18")  # the plan's monthly reporting day (IV.2.k)
    number = args.number.strip() if args.number else None
    if number and FORBIDDEN.search(number):
        raise BadArgument(f"số hiệu '{visible(number)}' có ký tự không được phép", "gõ lại số hiệu, ví dụ NUMBER=123/BC-STP")
    return period, date, number or None, flag(args.replace, "REPLACE")


def run(args, today: dt.date | None = None) -> int:
    try:
        return _run(args, today or dt.date.today())
    except KeyboardInterrupt:
        print("import-report: đã dừng (Ctrl-C); không ghi gì.", file=sys.stderr)
        return 130


def _nothing_written(progress: Path) -> str:
    return f"import-report: không ghi gì vào {visible(progress.as_posix())}."


def _run(args, today: dt.date) -> int:
    progress, form_path = Path(args.progress), Path(args.file)
    try:
        period, date, number, replace = _arguments(args, today)
    except BadArgument as bad:
        print(f"import-report: {bad}\n    gợi ý: {bad.hint}", file=sys.stderr)
        return 2
    plan, problems = load_plan(args.plan)
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    reporters = Reporters(ItemIndex(plan))
    form = None
    try:
        form = read_form(form_path, reporters, file=args.file)
        text = checked_report(form, progress, period, date, number, reporters, args.file)
        if (progress / SAMPLE_MARKER).exists():
            form.warnings.append(
                Problem.of_file(
                    progress.as_posix(),
                    "thư mục này được đánh dấu DỮ LIỆU MẪU: trang sẽ ghi mọi báo cáo trong đó là giả định",
                    f"báo cáo thật nhập vào thư mục không có tệp {SAMPLE_MARKER}",
                    "sample-folder",
                )
            )
        target = write_report(progress, period, form.agency_id, text, replace)
    except FormRefused as refused:
        print(report(refused.problems, "vi"), file=sys.stderr)
        read = refused.form
        if read is not None:
            marked = write_marked_copy(form_path, reporters, read, refused.problems)
            said = f"bản đánh dấu các ô cần sửa, để gửi lại cơ quan: {visible(marked.as_posix())}"
            print(f"import-report: {said if isinstance(marked, Path) else visible(marked)}", file=sys.stderr)
        print(_nothing_written(progress), file=sys.stderr)
        return 1
    except WriteFailed as failed:
        print(f"import-report: {visible(str(failed))}", file=sys.stderr)
        print(_nothing_written(progress), file=sys.stderr)
        return 1
    if form.warnings:
        print("Cảnh báo (không chặn việc nhập):\n" + report(form.warnings, "vi-warnings"), file=sys.stderr)
    print(
        f"import-report: đã ghi {len(form.entries)} việc của {form.agency_id} cho kỳ {period} "
        f"vào {visible(target.as_posix())}" + (f"; {len(form.warnings)} cảnh báo" if form.warnings else "")
    )
    return 0
