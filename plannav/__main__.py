"""Command line: ``python -m plannav check`` and ``python -m plannav schema``."""

import argparse
import os
import sys
from pathlib import Path

from plannav.items import ItemIndex
from plannav.loader import load_plan, plan_dir_setting, progress_dir_setting
from plannav.makeflags import flag_option
from plannav.problems import Problem, report
from plannav.progress.loader import load_progress
from plannav.progress.reporters import Reporters
from plannav.reviewnotes import review_warnings
from plannav.schema import stale_schemas, write_schemas
from plannav.textnorm import visible


def _check(args) -> int:
    plan, problems = load_plan(args.plan)
    stale = stale_schemas(Path(args.plan)) if Path(args.plan).is_dir() else []
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    if stale:
        print(
            report(
                [
                    Problem.of_file(path, "out of date with the models", "run `python -m plannav schema`", "stale-schema")
                    for path in stale
                ]
            ),
            file=sys.stderr,
        )
        return 1
    print(
        f"{visible(str(args.plan))}: OK: {len(plan.agencies.agencies)} agencies, {len(plan.task_refs)} Part II tasks, "
        f"{len(plan.appendix_task_refs)} Appendix II tasks, {len(plan.procedures.procedures)} procedures, "
        f"{len(plan.duty_refs)} duties, {len(plan.documents.documents)} documents; "
        f"{len(plan.successors.successions)} successions since, {len(plan.successors.bodies)} bodies formed"
    )
    warnings = review_warnings(plan)
    if warnings:
        print(
            f"{len(warnings)} readings of the decision's text to review (warnings; review.yaml lists them, and the "
            "site says 'Bản nháp' on every page until it lists none):"
        )
        print("\n".join(w.render() for w in sorted(warnings)))
    reports, problems = load_progress(args.progress, Reporters(ItemIndex(plan)))
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    latest = max((r.date for r in reports), default=None)
    print(
        f"{visible(str(args.progress))}: OK: {len(reports)} reports from {len({r.agency for r in reports})} agencies"
        + (f", the latest dated {latest:%d/%m/%Y}" if latest else "")
    )
    return 0


def _import_report(args) -> int:
    """Read a filled form; write progress/<PERIOD>/<agency>.yaml only if the report it makes passes the check."""
    from plannav.progress.importcommand import run

    return run(args)


def _draft_plan(args) -> int:
    """A draft plan folder from a decision's plain text; nothing written when it cannot be read."""
    from plannav.planreader.command import run

    return run(args)


def _codes(args) -> int:
    from plannav.problemcodes import listing

    print(listing(), end="")
    return 0


def _schema(args) -> int:
    for path in write_schemas(Path(args.plan)):
        print(f"wrote {path.as_posix()}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plannav", description="Check the plan files of a decision.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check every plan file; exit 1 and list all problems if any")
    check.add_argument("--plan", default=plan_dir_setting(), help="plan folder (default: $PLANNAV_PLAN_DIR, else plan)")
    check.add_argument(
        "--progress",
        default=progress_dir_setting(),
        help="progress reports folder (default: $PLANNAV_PROGRESS_DIR, else progress)",
    )
    check.set_defaults(run=_check)
    imported = sub.add_parser("import-report", help="write a filled report form into progress/<PERIOD>/<agency>.yaml")
    imported.add_argument("file", help="the filled form, an .xlsx downloaded from the site")
    imported.add_argument("period", help="the month it reports on, YYYY-MM")
    imported.add_argument("--date", help="the report's date, YYYY-MM-DD or DD/MM/YYYY (default: the 18th of the month)")
    imported.add_argument("--number", help="the report's own document number, e.g. 123/BC-STP")
    flag_option(imported, "--replace", "replace the agency's report for that month")
    imported.add_argument("--plan", default=plan_dir_setting(), help="plan folder")
    imported.add_argument("--progress", default=progress_dir_setting(), help="progress folder")
    imported.set_defaults(run=_import_report)
    schema = sub.add_parser("schema", help="regenerate plan/schema/*.schema.json from the models")
    schema.add_argument("--plan", default="plan", help="plan folder (default: plan)")
    schema.set_defaults(run=_schema)
    drafted = sub.add_parser("draft-plan", help="draft a plan folder from a decision's plain text (UTF-8)")
    drafted.add_argument("text", help="the decision's text file")
    drafted.add_argument("out", help="the folder to write the draft into; it must not exist or be empty")
    flag_option(drafted, "--replace", "replace the folder if it exists")
    drafted.set_defaults(run=_draft_plan)
    codes = sub.add_parser("codes", help="print every problem code with what it means")
    codes.set_defaults(run=_codes)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        # Whoever read the output stopped reading (`… | head`): say nothing more, and no traceback on exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
