"""A drafted plan's review notes (review.yaml) as warnings pointing at the plan file and line they concern."""

import re

from plannav.plan import Plan
from plannav.problems import Problem
from plannav.progress.loader import Notice

_PART = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def path_parts(path: str) -> tuple:
    """'sections[0].tasks[2].who' -> ('sections', 0, 'tasks', 2, 'who'): format_path read back."""
    return tuple(int(m[2]) if m[2] is not None else m[1] for m in _PART.finditer(path))


def review_warnings(plan: Plan) -> list[Problem]:
    if plan.review is None:
        return []
    out = []
    for note in plan.review.notes:
        source = plan.sources.get(note.file.removesuffix(".yaml"))
        out.append(
            Problem(
                source.path if source else note.file,
                source.line_of(path_parts(note.path)) if source else 0,
                note.path,
                f"to review: {note.why}",
                f"line {note.line} of {plan.review.source}" + (f" reads: {note.read}" if note.read else ""),
                "review-note",
            )
        )
    return out


def draft_notice(count: int) -> Notice:
    """What every page of a site built from a plan with notes to review says, in its banner."""
    return Notice(
        "BẢN NHÁP",
        f"kế hoạch trên trang này được đọc tự động từ văn bản và còn {count} chỗ cần rà soát (review.yaml); "
        "chưa phải bản đã đối chiếu với văn bản gốc.",
    )
