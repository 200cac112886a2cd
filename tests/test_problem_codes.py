"""Every problem code the program can report is in the catalogue `python -m plannav codes` prints, with its
meaning, and the catalogue lists no code the program has stopped using."""

import ast
import re
import subprocess
import sys

from sitebuild import ROOT

from plannav.problemcodes import CODES, GROUPS

CODE = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")
# The modules that report problems: where a string shaped like a code is a code.
REPORTING = [
    *sorted((ROOT / "plannav" / "checks").glob("*.py")),
    *(
        ROOT / "plannav" / name
        for name in (
            "loader.py",
            "validation.py",
            "yamlparse.py",
            "yamlsource.py",
            "textfile.py",
            "__main__.py",
            "reviewnotes.py",
        )
    ),
    *(ROOT / "plannav" / "planreader" / name for name in ("source.py", "draft.py", "command.py")),
    *(
        ROOT / "plannav" / "progress" / name
        for name in (
            "loader.py",
            "reportcheck.py",
            "importer.py",
            "formrows.py",
            "importmessages.py",
            "importcommand.py",
            "writer.py",
            "formfile.py",
            "cells.py",
            "models.py",
        )
    ),
]
# Strings of those modules shaped like a code that are something else: a command, a kind of entry in the
# build cache, the name of a JSON Schema, a kind of body, a file encoding, a logger's name.
NOT_CODES = {
    "import-report",
    "draft-plan",
    "progress-report",
    "vi-warnings",
    "local-government",
    "provincial-agency",
    "provincial-leadership",
    "central-in-province",
    "utf-8",
    "utf-8-sig",
}


def _strings_shaped_like_codes() -> dict[str, str]:
    found = {}
    for path in REPORTING:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value):
                found.setdefault(node.value, path.relative_to(ROOT).as_posix())
    return found


def test_every_code_the_program_reports_is_listed_with_its_meaning():
    found = _strings_shaped_like_codes()
    unlisted = {code: where for code, where in found.items() if code not in CODES and code not in NOT_CODES}
    assert unlisted == {}, "add each to plannav/problemcodes.py with its meaning (or to NOT_CODES here)"
    assert len(CODES) == sum(len(group) for _, group in GROUPS)  # no code listed twice
    assert all(meaning and not meaning.endswith(".") for meaning in CODES.values())


def test_the_catalogue_lists_no_code_the_program_no_longer_reports():
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "plannav").rglob("*.py") if p.name != "problemcodes.py"
    )
    assert [code for code in CODES if f'"{code}"' not in source] == []


def test_python_m_plannav_codes_prints_every_code():
    result = subprocess.run([sys.executable, "-m", "plannav", "codes"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    printed = {line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")}
    assert printed == set(CODES)
    assert "  unknown-agency " in result.stdout and "Successions (successors.yaml)" in result.stdout
