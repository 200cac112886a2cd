"""What the tests of broken plans share: a case (one edit of a copy of the real plan, and the exact problems it
must produce), making it, and the check command run on a plan folder.

A case's `problems` lists each problem the broken plan gives as (code, where), in any order; `where` is
- a text: the first line of the edited file holding it, so that edits elsewhere in the plan move nothing;
- `At(text, file, below)`: the first line holding it in another plan file, or some lines below it;
- a number: that line (0 for the file as a whole, as when it is missing or too large).
"""

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sitebuild import ROOT

from plannav.loader import load_plan
from plannav.problems import Problem


@dataclass(frozen=True)
class At:
    """The first line holding `text` in `file` (the case's own file when None), `below` lines further down."""

    text: str
    file: str | None = None
    below: int = 0


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    old: str | None  # text to replace (first occurrence); None: replace the whole file
    new: str | bytes | None  # None: delete the file
    message: str  # the wording staff read, in the problem of `file` that names the mistake
    at: str | None = None  # that problem's line: first line containing this text; None: no line check
    hint: str = ""
    slack: int = 0  # YAML syntax errors may be detected a line or two later
    column: int | None = None  # expected "column N" in the message
    problems: list[tuple[str, str | int | At]] = field(kw_only=True)  # every problem, exactly: (code, where)


def break_plan(plan_dir: Path, case: Case) -> str | None:
    """Make the case's edit in a copy of the plan; the edited file's new text (None once deleted)."""
    path = plan_dir / case.file
    if case.new is None:
        path.unlink()
        return None
    if case.old is None:
        content = case.new
    else:
        original = path.read_text(encoding="utf-8")
        assert case.old in original, f"{case.id}: the real plan no longer contains {case.old!r}"
        if isinstance(case.new, bytes):
            content = original.encode("utf-8").replace(case.old.encode(), case.new, 1)
        else:
            content = original.replace(case.old, case.new, 1)
    if isinstance(content, bytes):
        path.write_bytes(content)
        return content.decode("utf-8", "replace")
    path.write_text(content, encoding="utf-8")
    return content


def line_of(text: str, needle: str) -> int:
    """The line (from 1) of the first occurrence of `needle` in `text`."""
    position = text.index(needle)
    return text.count("\n", 0, position) + 1


def expected_problems(plan_dir: Path, case: Case, text: str | None) -> list[tuple[str, str, int]]:
    """The case's problems as sorted (file, code, line), each place looked up in the broken plan."""
    found = []
    for code, where in case.problems:
        if isinstance(where, int):
            found.append((case.file, code, where))
            continue
        at = At(where) if isinstance(where, str) else where
        file = at.file or case.file
        within = text if file == case.file else (plan_dir / file).read_text(encoding="utf-8")
        assert within is not None and at.text in within, f"{case.id}: {file} holds no {at.text!r}"
        found.append((file, code, line_of(within, at.text) + at.below))
    return sorted(found)


def reported(problems: list[Problem]) -> list[tuple[str, str, int]]:
    """The problems as sorted (file, code, line), the file by its name."""
    return sorted((Path(p.file).name, p.code, p.line) for p in problems)


def assert_reported(plan_dir: Path, case: Case) -> None:
    """Break the plan as the case says; the plan is refused with exactly the case's problems, the one of its
    file saying the case's message (and hint, and column) at its line; every problem has a code and a hint."""
    assert case.problems, f"{case.id}: a case lists the problems it must give"
    text = break_plan(plan_dir, case)
    plan, problems = load_plan(plan_dir)
    listing = "\n".join(map(str, problems))
    assert plan is None, f"{case.id}: the broken plan was accepted"
    assert reported(problems) == expected_problems(plan_dir, case, text), f"{case.id} gave:\n{listing}"
    matching = [p for p in problems if case.message in p.message and p.file.endswith(case.file)]
    assert matching, f"expected '{case.message}' in {case.file}, got:\n{listing}"
    problem = matching[0]
    if case.at is not None:
        expected = line_of(text, case.at)
        assert expected <= problem.line <= expected + case.slack, f"{problem} (expected line {expected})"
    if case.hint:
        assert case.hint in problem.hint, str(problem)
    if case.column is not None:
        assert f"column {case.column}:" in problem.message, str(problem)
    assert all(p.hint for p in problems), f"every problem carries a hint:\n{listing}"
    assert all(p.code for p in problems), f"every problem carries a code:\n{listing}"


def run_check(plan_dir: Path) -> subprocess.CompletedProcess:
    """`python -m plannav check --plan plan_dir` in a process of its own, from the project's folder."""
    command = [sys.executable, "-m", "plannav", "check", "--plan", str(plan_dir)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def command_in_process(capsys, *argv: str) -> tuple[int, str, str]:
    """`python -m plannav ARGV` called in this process, for tests that read what a command says rather than
    its process: its exit status, what it printed on stdout and on stderr."""
    from plannav.__main__ import main

    capsys.readouterr()
    status = main(list(argv))
    printed = capsys.readouterr()
    return status, printed.out, printed.err


def check_in_process(capsys, *args: str) -> tuple[int, str, str]:
    """`python -m plannav check ARGS` called in this process (command_in_process)."""
    return command_in_process(capsys, "check", *args)
