"""Reading one plan file's text safely: what stands in its place if it is not a file, its size before
reading it, UTF-8, and characters that have no place in plan text, each named with its line and column."""

import os
import stat
import unicodedata
from pathlib import Path

from plannav.problems import Problem
from plannav.textnorm import FORBIDDEN, character_name

MAX_BYTES = 2 * 1024 * 1024


def _forbidden_characters(text: str, display: str, limit: int = 20) -> list[Problem]:
    """Each forbidden character with its line and column, counting lines as editors do (line feeds only)."""
    problems = []
    for match in FORBIDDEN.finditer(text):
        if match.start() == 0 and match.group() == "\ufeff":
            continue  # a byte-order mark at the very start is how some editors save UTF-8
        if len(problems) == limit:
            problems.append(
                Problem.of_file(
                    display,
                    "more forbidden characters follow",
                    "remove the ones listed first",
                    code="forbidden-character",
                )
            )
            break
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        char = match.group()
        if char in "\u0085\u2028\u2029":
            hint = "YAML reads it as a line break and editors do not; replace it with a space or a line feed"
        elif unicodedata.category(char) == "Cn":
            hint = "not a character at all (no Word or Excel file can hold it); delete it"
        elif unicodedata.category(char) == "Cc":
            hint = "a control character has no place in plan text; delete it (it may come from a copy and paste)"
        else:
            hint = "an invisible character can make text look other than it is; delete it"
        problems.append(
            Problem(
                display,
                line,
                "",
                f"column {column}: forbidden character {character_name(char)}",
                hint,
                code="forbidden-character",
            )
        )
    return problems


def _not_a_file(path: Path, display: str) -> Problem | None:
    """Why ``path`` cannot be read as a file, or None when it can."""
    try:
        mode = path.stat().st_mode  # through symbolic links
    except FileNotFoundError:
        if path.is_symlink():
            return Problem.of_file(
                display,
                f"is a symbolic link to '{os.readlink(path)}', which does not exist",
                "point the link at a plan file, or replace it with the file",
                code="file-missing",
            )
        siblings = (
            [
                p.name
                for p in path.parent.glob("*")
                if p.name != path.name and p.name.lower() in (path.name.lower(), path.stem.lower() + ".yml")
            ]
            if path.parent.is_dir()
            else []
        )
        hint = (
            f"found {siblings[0]}: rename it {path.name}" if siblings else f"create {display}; every plan file is required"
        )
        return Problem.of_file(display, "file is missing", hint, code="file-missing")
    except OSError as err:  # a loop of symbolic links, a folder we may not enter
        return Problem.of_file(
            display,
            f"cannot be read: {err.strerror or err}",
            "replace it with the plan file itself",
            code="file-unreadable",
        )
    if stat.S_ISDIR(mode):
        return Problem.of_file(
            display,
            "is a folder, not a file",
            f"replace the folder with the file {path.name}",
            code="file-unreadable",
        )
    if not stat.S_ISREG(mode):
        return Problem.of_file(
            display,
            "is not a regular file (a device or a pipe)",
            f"replace it with the file {path.name}",
            code="file-unreadable",
        )
    return None


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """A plan file's text, refused before it costs anything when too large, not UTF-8 or holding
    characters that have no place in plan text."""
    missing = _not_a_file(path, display)
    if missing:
        return None, [missing]
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # the size is known without reading a huge file whole
    except OSError as err:
        return None, [
            Problem.of_file(
                display,
                f"cannot be read: {err.strerror or err}",
                "check the file's permissions",
                code="file-unreadable",
            )
        ]
    if len(raw) > MAX_BYTES:
        return None, [_too_large(path.stat().st_size, display)]
    return checked_text(raw, display)


def _too_large(size: int, display: str) -> Problem:
    return Problem.of_file(
        display,
        f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit",
        "a plan file holds one part of one decision; split it or remove pasted data",
        code="file-too-large",
    )


def checked_text(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """The text of a file's bytes, as read_text reads a file: refused when too large, not UTF-8 or holding
    characters that have no place in plan text. The report importer checks the file it would write here."""
    if len(raw) > MAX_BYTES:
        return None, [_too_large(len(raw), display)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [
            Problem(
                display,
                line,
                "",
                f"not UTF-8: byte 0x{raw[err.start]:02x} cannot be decoded",
                "save the file as UTF-8 (most editors: 'Save with encoding')",
                code="not-utf8",
            )
        ]
    forbidden = _forbidden_characters(text, display)
    return (None, forbidden) if forbidden else (text, [])
