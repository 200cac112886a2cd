"""Writing one report file so that nothing is ever lost: a whole file or none, never two imports of the
same report both taking effect, the mode the rest of the project's files have, no temporary file left."""

import os
import secrets
from pathlib import Path

from plannav.problems import Problem
from plannav.progress.formfile import FormRefused


class WriteFailed(Exception):
    """The report could not be written: one line for the editor (a full disk, a folder that is a file)."""


def _mode() -> int:
    """0644 under the usual umask: what a file made with an editor or `git checkout` gets."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _create_exclusively(finished: Path, target: Path) -> None:
    """Put the finished file at `target` unless a file is there: a hard link (whole, and exclusive); where the
    file system has no hard links (a FAT or network drive), an exclusive create and a copy of the bytes."""
    try:
        os.link(finished, target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links here: fall back to an exclusive create, then write
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _mode())
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(finished.read_bytes())
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        target.unlink(missing_ok=True)  # never half a report
        raise


def write_report(progress_dir: Path, period: str, agency_id: str, text: str, replace: bool = False) -> Path:
    """Write progress/<period>/<agency_id>.yaml. Without `replace`, only if no report is there: created
    exclusively (a hard link of the finished file), so that of two imports at once exactly one succeeds."""
    target = progress_dir / period / f"{agency_id}.yaml"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise WriteFailed(f"{target.parent.as_posix()}: một phần của đường dẫn là tệp, không phải thư mục") from None
    except OSError as err:
        raise WriteFailed(f"không tạo được thư mục {target.parent.as_posix()}: {err.strerror or err}") from None
    temporary = target.parent / f".{agency_id}.{secrets.token_hex(6)}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _mode())
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, target)
        else:
            try:
                _create_exclusively(temporary, target)
            except FileExistsError:
                raise FormRefused(
                    [
                        Problem.of_file(
                            target.as_posix(),
                            "đã có báo cáo của cơ quan cho kỳ này",
                            "thêm REPLACE=1 (--replace) để thay báo cáo đó",
                            "report-exists",
                        )
                    ]
                ) from None
    except OSError as err:
        raise WriteFailed(f"không ghi được {target.as_posix()}: {err.strerror or err}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return target
