"""The abbreviations table of the search (plan/abbreviations.yaml) holds only what the decision says:
each full form as the decision writes it, unless the decision writes only the short one."""

import re

from plannav.checks.findings import Findings
from plannav.initials import head_key, initials
from plannav.plan import Plan
from plannav.textnorm import fold
from plannav.texts import iter_texts


def _occurs(form: str, folded_text: str) -> bool:
    folded = fold(form)
    # A substring test first: the whole-word pattern over the whole decision is a hundred times slower.
    return folded in folded_text and re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", folded_text) is not None


def forms_found_in_the_decision(plan: Plan, report: Findings) -> None:
    text = fold(" ".join(ref.text for ref in iter_texts(plan)))
    first_at: dict[str, int] = {}
    for i, entry in enumerate(plan.abbreviations.abbreviations):
        written_short = any(_occurs(short, text) for short in entry.short)
        for j, full in enumerate(entry.full):
            if not written_short and not _occurs(full, text):
                report.add(
                    "abbreviations",
                    ("abbreviations", i, "full", j),
                    f"'{full}' ({', '.join(entry.short)}) does not occur in the decision",
                    "write the full form exactly as the decision does, or remove the entry",
                    "abbreviation-not-found",
                )
        for j, short in enumerate(entry.short):
            key = fold(short)
            if key in first_at:
                report.add(
                    "abbreviations",
                    ("abbreviations", i, "short", j),
                    f"'{short}' is listed twice (first in entry {first_at[key] + 1})",
                    "keep one entry per short form",
                    "duplicate-abbreviation",
                )
            first_at.setdefault(key, i)


def initials_apart(plan: Plan, report: Findings) -> None:
    """The initials the search derives for each body's name (plannav.initials) name one body each: two
    different names sharing a form ("STP" for two Sở) would send staff to the wrong page. Bodies of one
    line of succession, and names that differ only after their place, share by right."""
    registry = plan.registry
    named = [("agencies", ("agencies", i, "name"), a) for i, a in enumerate(plan.agencies.agencies) if a.kind != "group"]
    named += [("successors", ("bodies", i, "name"), b) for i, b in enumerate(plan.successors.bodies)]
    decided = {short.casefold() for entry in plan.abbreviations.abbreviations for short in entry.short}
    first: dict[str, tuple] = {}
    for file, path, body in named:
        for form in initials(body.name):
            key = form.casefold()
            if key in decided:
                continue  # the editor has said what the form means
            if key not in first:
                first[key] = body
                continue
            other = first[key]
            if head_key(other.name) == head_key(body.name) or other.id in registry.family(body.id):
                continue
            report.add(
                file,
                path,
                f"'{body.name}' and '{other.name}' would both be found by their initials '{form}'",
                "list the form under `short:` in plan/abbreviations.yaml with the name staff mean by it, "
                "or rename one body as the decision writes it",
                "initials-shared",
            )
            break
