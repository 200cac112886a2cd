"""Opening a report form that came by e-mail, bounded by construction.

Whatever the sender made, reading it costs at most a few megabytes and a fraction of a second:
- only a regular file is opened (not a pipe, a device or a link to one), and at most MAX_FILE_BYTES of
  it are read, once, into memory;
- every part of the archive is measured before any is parsed: its unpacked size as the archive
  declares it (and as zipfile then enforces), the count of rows, merged ranges and shared strings it
  can hold; a part with a DTD is refused, so that no entity can expand;
- the workbook is read with openpyxl's streaming reader (read_only), which parses XML with defusedxml,
  never builds merged cells, and is asked only for the rows and columns a form has.
Messages are in Vietnamese: they go back to the agency that sent the form.
"""

import io
import os
import stat
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import defusedxml  # noqa: F401  (openpyxl parses with it when it is installed; required, not optional)
from openpyxl import load_workbook

from plannav.problems import Problem

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_PARTS = 64  # a form saved by Excel or LibreOffice has about a dozen
# The unpacked size of one part, by what it is; a report of at most 2 MB of text needs no more.
_PART_LIMITS = (("xl/sharedStrings.xml", 8 * 1024 * 1024), ("xl/worksheets/", 8 * 1024 * 1024))
MAX_OTHER_PART = 2 * 1024 * 1024
MAX_UNZIPPED_BYTES = 24 * 1024 * 1024
MAX_MERGED_RANGES = 1_000
MAX_SHARED_STRINGS = 200_000
MAX_ROW_TAGS = 20_000  # rows the sheet's XML may hold at all; only the form's rows are read


class FormRefused(Exception):
    """Every problem, each with its cell; `form`: what was read of the form (importer.FormRead), for the
    marked copy, where it was read that far."""

    def __init__(self, problems: list[Problem], form=None):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems
        self.form = form


def refuse(file: str, message: str, hint: str, code: str, where: str = "") -> FormRefused:
    return FormRefused([Problem(file, 0, where, message, hint, code)])


def read_form_bytes(path: Path, file: str) -> bytes:
    """The file's bytes, once it is known to be a regular file of a form's size."""
    if path.suffix.lower() != ".xlsx":
        raise refuse(
            file,
            f"tệp {path.suffix or 'không có đuôi'} không phải biểu mẫu báo cáo",
            "lưu biểu mẫu dạng Excel Workbook (.xlsx), đúng dạng đã tải về",
            "not-xlsx",
        )
    try:
        # O_NONBLOCK: opening a pipe must not wait for a writer; what it is, is asked of the open file.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise refuse(file, "là một thư mục, không phải tệp", "chỉ đường dẫn tới tệp .xlsx", "file-unreadable") from None
    except OSError as err:
        raise refuse(
            file, f"không đọc được: {err.strerror or err}", "kiểm tra đường dẫn và quyền đọc tệp", "file-unreadable"
        ) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise refuse(file, "là một thư mục, không phải tệp", "chỉ đường dẫn tới tệp .xlsx", "file-unreadable")
        raise refuse(
            file,
            "không phải tệp thường (một thiết bị, một đường ống hoặc liên kết tới chúng)",
            "lưu biểu mẫu thành tệp .xlsx rồi nhập tệp đó",
            "file-unreadable",
        )
    with os.fdopen(descriptor, "rb") as handle:
        try:
            raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as err:
            raise refuse(file, f"không đọc được: {err.strerror or err}", "kiểm tra tệp", "file-unreadable") from None
    if len(raw) > MAX_FILE_BYTES:
        raise refuse(
            file,
            f"tệp lớn hơn giới hạn {MAX_FILE_BYTES:,} byte của một biểu mẫu",
            "nhập đúng biểu mẫu đã tải về và điền; không chèn ảnh hay dữ liệu khác",
            "file-too-large",
        )
    return raw


def _part_limit(name: str) -> int:
    return next((limit for prefix, limit in _PART_LIMITS if name.startswith(prefix)), MAX_OTHER_PART)


def _measure(archive: zipfile.ZipFile, file: str) -> None:
    """Refuse an archive whose parts could cost more than a form's, before any is parsed."""
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if "xl/workbook.xml" not in names:
        raise refuse(file, "không phải sổ tính Excel", "tải lại biểu mẫu trên trang", "not-xlsx")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise refuse(file, "có macro (tệp .xlsm đổi tên thành .xlsx)", "lưu lại dạng Excel Workbook (.xlsx)", "not-xlsx")
    if len(infos) > MAX_PARTS or sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise refuse(file, "giải nén ra lớn hơn nhiều so với một biểu mẫu", "nhập đúng biểu mẫu đã tải về", "zip-bomb")
    for info in infos:
        if info.file_size > _part_limit(info.filename):
            raise refuse(
                file,
                f"phần {info.filename} giải nén ra {info.file_size:,} byte, quá giới hạn {_part_limit(info.filename):,}",
                "nhập đúng biểu mẫu đã tải về và điền; tệp này có nội dung ẩn không thuộc biểu mẫu",
                "zip-bomb",
            )
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            data = archive.read(info)  # at most the declared size: zipfile stops there and checks the CRC
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
            raise refuse(file, f"tệp nén bị hỏng ({err})", "tải lại biểu mẫu trên trang", "not-xlsx") from None
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise refuse(
                file,
                f"phần {info.filename} có khai báo DTD, điều mà Excel không bao giờ ghi",
                "nhập đúng biểu mẫu đã tải về",
                "not-xlsx",
            )
        counts = (
            (b"<mergeCell ", MAX_MERGED_RANGES, "vùng gộp ô"),
            (b"<row ", MAX_ROW_TAGS, "dòng"),
        )
        if info.filename == "xl/sharedStrings.xml":
            counts = ((b"<si>", MAX_SHARED_STRINGS, "chuỗi"),)
        elif not info.filename.startswith("xl/worksheets/"):
            continue
        for tag, limit, what in counts:
            found = data.count(tag)
            if found > limit:
                raise refuse(
                    file,
                    f"phần {info.filename} có {found:,} {what}, quá giới hạn {limit:,} của một biểu mẫu",
                    "nhập đúng biểu mẫu đã tải về; không thêm dòng hay gộp ô",
                    "form-too-large",
                )


@dataclass
class Sheet:
    """The cells of a sheet within the rows and columns asked for, and how far the sheet says it goes."""

    rows: list[tuple]  # openpyxl read-only cells (EMPTY_CELL where none), row by row from row 1
    declared_rows: int | None  # the sheet's own claim of its last row (its <dimension>), if any
    declared_columns: int | None


class FormWorkbook:
    """The open workbook: its sheet names, and any sheet's cells within bounds."""

    def __init__(self, raw: bytes, file: str):
        self.file = file
        try:
            archive = zipfile.ZipFile(io.BytesIO(raw))
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise refuse(
                file,
                "không phải sổ tính Excel (tệp .xlsx là một tệp nén zip)",
                "tải lại biểu mẫu và điền bằng Excel hoặc LibreOffice",
                "not-xlsx",
            ) from None
        with archive:
            _measure(archive, file)
        try:
            # read_only: streamed row by row, merged ranges never expanded; formulas stay formulas.
            self.workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        except Exception as err:  # openpyxl raises many kinds on a damaged file
            raise refuse(file, f"không đọc được như một sổ tính: {err}", "tải lại biểu mẫu trên trang", "not-xlsx") from None

    @property
    def sheetnames(self) -> list[str]:
        return self.workbook.sheetnames

    def sheet(self, name: str, max_row: int, max_column: int) -> Sheet:
        worksheet = self.workbook[name]
        try:
            with warnings.catch_warnings():
                # A number outside Excel's dates in a date cell: openpyxl warns in English and reads "#VALUE!",
                # which the importer then names by its cell.
                warnings.simplefilter("ignore")
                cells = worksheet.iter_rows(min_row=1, max_row=max_row, min_col=1, max_col=max_column)
                rows = [tuple(row) for row in cells]
        except Exception as err:  # a damaged sheet: openpyxl raises what its parser meets
            raise refuse(
                self.file, f"trang {name} không đọc được: {err}", "tải lại biểu mẫu trên trang", "not-xlsx"
            ) from None
        return Sheet(rows, worksheet._max_row, worksheet._max_column)

    def close(self) -> None:
        self.workbook.close()
