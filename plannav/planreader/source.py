"""The decision's text file, refused before it costs anything when it cannot be a decision's text, and
its lines as the reader sees them: numbered as in the file, whitespace squashed, invisible characters out."""

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from plannav.problems import Problem
from plannav.textnorm import FORBIDDEN, squash

# A decision with its appendices is a few hundred kilobytes of text; more is another kind of file.
MAX_BYTES = 4 * 1024 * 1024
# What a file given by mistake starts with: the reader names it rather than reading bytes as text.
_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a Word or Excel document (a zip archive)",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel document",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}
_TEXT_HINT = "save the decision as plain text (UTF-8): in Word, Save As > Plain Text > Unicode (UTF-8)"


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as editors count lines in the file
    text: str  # whitespace squashed; never empty


@dataclass(frozen=True)
class DecisionText:
    path: str  # as given, for notes and messages
    lines: tuple[Line, ...]
    removed: tuple[Line, ...] = ()  # lines that held invisible characters, with their original text
    raw: dict[int, str] | None = None  # each line as written (tabs and runs of spaces separate table cells)


def _refusal(display: str, message: str, hint: str, code: str) -> tuple[None, list[Problem]]:
    return None, [Problem.of_file(display, message, hint, code)]


def read_decision_text(path: Path, display: str) -> tuple[DecisionText | None, list[Problem]]:
    """The decision's lines, or why the file cannot be read as a decision's text."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return _refusal(display, "file is missing", "give the path of the decision's text file", "file-missing")
    except OSError as err:
        return _refusal(display, f"cannot be read: {err.strerror or err}", "check the path", "file-unreadable")
    if not stat.S_ISREG(mode):
        return _refusal(display, "is not a regular file", "give the decision's text file itself", "file-unreadable")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # the size is known without reading a huge file whole
    except OSError as err:
        return _refusal(display, f"cannot be read: {err.strerror or err}", "check the permissions", "file-unreadable")
    if len(raw) > MAX_BYTES:
        size = os.path.getsize(path)
        return _refusal(
            display,
            f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit of a decision's text",
            "give the text of one decision with its appendices",
            "file-too-large",
        )
    return decision_text(raw, display)


def decision_text(raw: bytes, display: str) -> tuple[DecisionText | None, list[Problem]]:
    for signature, kind in _SIGNATURES.items():
        if raw.startswith(signature):
            return _refusal(display, f"is {kind}, not plain text", _TEXT_HINT, "not-plain-text")
    if b"\x00" in raw[:4096]:
        return _refusal(display, "holds binary data, not text", _TEXT_HINT, "not-plain-text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return None, [Problem(display, line, "", f"byte {err.start}: not UTF-8 text", _TEXT_HINT, "not-utf8")]
    text = text.removeprefix("\ufeff")
    lines, removed, raw_lines = [], [], {}
    # Lines are counted at line feeds only, as editors count them (splitlines would also break at U+2028).
    for number, written in enumerate(text.split("\n"), start=1):
        written = written.removesuffix("\r")
        cleaned = FORBIDDEN.sub("", written)
        if cleaned != written:
            removed.append(Line(number, written))
        if squash(cleaned):
            lines.append(Line(number, squash(cleaned)))
            raw_lines[number] = cleaned
    if not lines:
        return _refusal(display, "file holds no text", "give the decision's text file", "file-empty")
    return DecisionText(display, tuple(lines), tuple(removed), raw_lines), []
