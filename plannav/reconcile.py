"""Differences between a Part II task and the Appendix II row that restates it.

Both are the decision's words; a difference is information for staff, not an error.
"""

import difflib
from dataclasses import dataclass

from plannav.items import ItemIndex
from plannav.textnorm import squash


@dataclass(frozen=True)
class WordChange:
    op: str  # "equal", "replace", "delete" (only in Part II), "insert" (only in Appendix II)
    body: str
    appendix: str


@dataclass(frozen=True)
class Difference:
    field: str  # "lead", "coordinators", "deadline", "named-agencies", "wording"
    body: tuple[str, ...]  # agency ids, or the deadline / wording as written
    appendix: tuple[str, ...]
    changes: tuple[WordChange, ...] = ()  # word-level changes, for "wording"


@dataclass(frozen=True)
class Reconciliation:
    task_key: str
    appendix_number: int
    differences: tuple[Difference, ...]


FIELD_LABELS = {
    "lead": "Cơ quan chủ trì",
    "coordinators": "Cơ quan phối hợp",
    "deadline": "Thời hạn",
    "named-agencies": "Cơ quan được nêu trong nội dung",
    "wording": "Nội dung",
}


def _words(text: str) -> list[str]:
    return squash(text).rstrip(".").split(" ")


def word_changes(body: str, appendix: str) -> tuple[WordChange, ...]:
    a, b = _words(body), _words(appendix)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return tuple(WordChange(op, " ".join(a[i1:i2]), " ".join(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes())


def _normalised(deadline) -> dict:
    return deadline.model_dump(exclude={"text", "label", "applies_to"})


def reconcile(index: ItemIndex) -> list[Reconciliation]:
    """One entry per Appendix II row that restates a Part II task, in Appendix II order."""
    out = []
    for ref in index.plan.appendix_task_refs:
        if not ref.task.restates or ref.task.restates not in index.plan.task_by_key:
            continue
        body = index.by_uid[f"task:{ref.task.restates}"]
        appendix = index.by_uid[f"appendix-task:{ref.number}"]
        diffs = []
        for role in ("lead", "coordinators"):
            if set(getattr(body, role)) != set(getattr(appendix, role)):
                diffs.append(Difference(role, getattr(body, role), getattr(appendix, role)))
        body_deadline, appendix_deadline = body.deadlines[0], appendix.deadlines[0]
        if _normalised(body_deadline) != _normalised(appendix_deadline):
            diffs.append(Difference("deadline", (body_deadline.text,), (appendix_deadline.text,)))
        body_named = index.registry.prose_matcher.targets(body.text)
        appendix_named = index.registry.prose_matcher.targets(appendix.text)
        if set(body_named) != set(appendix_named):
            diffs.append(Difference("named-agencies", tuple(body_named), tuple(appendix_named)))
        if _words(body.text) != _words(appendix.text):
            diffs.append(Difference("wording", (body.text,), (appendix.text,), word_changes(body.text, appendix.text)))
        out.append(Reconciliation(ref.task.restates, ref.number, tuple(diffs)))
    return out
