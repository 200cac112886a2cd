"""Every piece of the decision's wording in the plan, with where it lives.

Used to find agency names and document citations in running text, and to prove fidelity to
the source.
"""

from dataclasses import dataclass
from functools import reduce

from plannav.plan import Plan
from plannav.planwalk import walk


@dataclass(frozen=True)
class TextRef:
    file: str  # plan file name without .yaml
    path: tuple
    text: str
    who: bool = False  # a "who" field: only agency names and connectives


# Where each kind of part holds the decision's wording, as paths below the part's own.
_WORDING: dict[str, tuple[tuple, ...]] = {
    "header": (("authority",),),
    "legal-basis": ((),),
    "article": (("text",),),
    "plan-title": (("title",), ("subtitle",), ("preamble",)),
    "general-objective": (("text",),),
    "objective": (("heading", "text"),),
    "statement": ((),),
    "requirement": (("text",),),
    "task": (("text",), ("who", "text"), ("who", "with_text"), ("deadline", "text")),
    "funding": (("text",),),
    "duty-section": (("heading", "text"),),
    "duty": (("text",),),
    "closing": ((),),
    "appendix": (("title",), ("subtitle",)),
    "procedure": (("name",), ("lead", "text"), ("coordinators", "text"), ("deadline", "text")),
    "appendix-group": (("heading", "text"),),
    "appendix-task": (("text",), ("lead", "text"), ("coordinators", "text"), ("deadline", "text")),
    "earlier-related": (("text",),),
    "related": (("text",),),
    "metadata": (("title",),),
}
_WHO = {("who", "text"), ("who", "with_text"), ("lead", "text"), ("coordinators", "text")}  # who does an item


def iter_texts(plan: Plan):
    """Every piece of the decision's wording, in the decision's order."""
    for node in walk(plan):
        if node.kind == "appendix-group" and node.value.heading.supplied:
            continue  # a group heading lost in the copy is the editors' wording, not the decision's
        for tail in _WORDING.get(node.kind, ()):
            text = reduce(getattr, tail, node.value)
            if text is not None:  # an optional wording the decision does not write
                yield TextRef(node.file, node.path + tail, text, who=tail in _WHO)


def citing_texts(plan: Plan) -> dict[str, list[TextRef]]:
    """Each document id -> the texts of the plan that cite it, in the plan's order."""
    found: dict[str, list[TextRef]] = {}
    for ref in iter_texts(plan):
        for doc in plan.document_index.cited(ref.text):
            found.setdefault(doc, []).append(ref)
    return found
