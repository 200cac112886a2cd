"""Deadlines: each normalised form is what its wording reads as, and a duty's deadline quotes its text."""

from plannav.checks.findings import Findings
from plannav.deadlines import (
    ACCEPTED_FORMS,
    ALLOWED_MEANINGS,
    DEFAULT_MEANINGS,
    DUE_WORDS,
    START_WORDS,
    DeadlineError,
    read_deadline,
)
from plannav.plan import Plan
from plannav.textnorm import squash
from plannav.traversal import deadline_references


def readable_wordings(plan: Plan, report: Findings) -> None:
    for place, deadline in deadline_references(plan):
        try:
            expected = read_deadline(deadline.text)
        except DeadlineError as err:
            report.add(
                place.file,
                place.path + ("text",),
                f"deadline wording not understood: {err}",
                f"known forms: {ACCEPTED_FORMS}",
                "deadline-unreadable",
            )
            continue
        declared = deadline.model_dump(exclude={"text", "label", "applies_to", "meaning"}, exclude_defaults=True)
        declared["kind"] = deadline.kind
        if declared != expected:
            shown = ", ".join(f"{k}: {v}" for k, v in expected.items())
            differing = next((k for k in declared if declared[k] != expected.get(k)), "kind")
            report.add(
                place.file,
                place.path + (differing,),
                f"normalised deadline {declared} does not match its wording '{deadline.text}'",
                f"the wording reads as {shown}",
                "deadline-mismatch",
            )


def quoted_in_text(plan: Plan, report: Findings) -> None:
    """A duty's or funding item's deadline quotes the words of its own text and binds its own agencies."""
    located = [("responsibilities", r.path, r.duty) for r in plan.duty_refs]
    located += [("funding", ("items", i), item) for i, item in enumerate(plan.funding.items)]
    for file, path, item in located:
        for di, deadline in enumerate(item.deadlines):
            for ai, agency in enumerate(deadline.applies_to):
                if report.known(agency) and agency not in item.lead + item.coordinators:
                    report.add(
                        file,
                        path + ("deadlines", di, "applies_to", ai),
                        f"deadline applies to '{agency}', which neither leads nor coordinates the item",
                        "list it under the item's lead or coordinators too",
                        "deadline-applies-elsewhere",
                    )
            if squash(deadline.text).lower() not in squash(item.text).lower():
                report.add(
                    file,
                    path + ("deadlines", di, "text"),
                    f"'{deadline.text}' does not occur in the item's text",
                    "quote the deadline exactly as the item's text words it",
                    "deadline-not-quoted",
                )


def meaning_stated(plan: Plan, report: Findings) -> None:
    """A dated deadline whose wording leaves open whether its day is when work is due or when it starts
    ("từ ... trước ...", or "từ tháng 6/2022" read as a month) states its meaning; the status rule needs it."""
    for place, deadline in deadline_references(plan):
        if deadline.meaning or len(ALLOWED_MEANINGS[deadline.kind]) == 1:
            continue
        try:
            read_deadline(deadline.text)
        except DeadlineError:
            continue  # an unreadable wording is one problem, said by readable_wordings
        says = {m for m, words in (("start", START_WORDS), ("due", DUE_WORDS)) if words.search(deadline.text)}
        if says and says != {DEFAULT_MEANINGS[deadline.kind]}:
            report.add(
                place.file,
                place.path + ("text",),
                f"'{deadline.text}' may say when the work is due or when it starts",
                "add `meaning: due` (late after the day) or `meaning: start` (work begins then and goes on), "
                "as the decision means it",
                "deadline-meaning-unstated",
            )
