"""`python -m plannav draft-plan TEXT OUT`: a draft plan folder from a decision's text, or one clear
message and nothing written."""

import sys
from pathlib import Path

from plannav.loader import PlanFiles, load_plan_files
from plannav.planreader.draft import draft
from plannav.planreader.source import read_decision_text
from plannav.planreader.writer import file_texts, write_draft
from plannav.problems import Problem, report
from plannav.textnorm import visible


def run(args) -> int:
    text_path, out = Path(args.text), Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not args.replace:
        problem = Problem.of_file(
            str(out),
            "already exists and is not an empty folder",
            "give a new folder, or REPLACE=1 (--replace) to replace this one",
            "output-exists",
        )
        print(report([problem]), file=sys.stderr)
        return 1
    text, problems = read_decision_text(text_path, str(args.text))
    if text is not None:
        drafted, problems = draft(text)
    if not problems:
        texts = file_texts(drafted, text_path.name)
        problems = _checked(texts, str(args.text))
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    try:
        write_draft(drafted, texts, out, text_path.name)
    except OSError as err:
        print(f"{visible(str(out))}: cannot be written: {err.strerror or err}", file=sys.stderr)
        return 1
    print(
        f"{visible(str(out))}: draft written from {visible(text_path.name)}: "
        f"{len(drafted.notes)} readings to review (REVIEW.md); then PLANNAV_PLAN_DIR={visible(str(out))} make check"
    )
    return 0


def _checked(texts: dict[str, str], display: str) -> list[Problem]:
    """What `make check` would say of the draft: nothing, or why the text could not be read into a plan
    that checks (a line lost, repeated or cut in the copy), with the first problems as the check says them."""
    _, problems = load_plan_files(PlanFiles("draft", texts))
    if not problems:
        return []
    first = "; ".join(f"{p.file.removeprefix('draft/')}: {p.message}" for p in sorted(problems)[:3])
    return [
        Problem.of_file(
            display,
            f"the text could not be read into a plan that checks ({len(problems)} problems; {first})",
            "the copy may have lost, repeated or cut a line: compare the text with the signed decision, near the "
            "items these problems name, and draft again",
            "draft-does-not-check",
        )
    ]
