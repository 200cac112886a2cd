"""Every document number cited in the decision's text is registered, and every registered one is cited."""

from plannav.checks.findings import Findings
from plannav.plan import Plan
from plannav.texts import iter_texts


def every_citation_registered(plan: Plan, report: Findings) -> None:
    cited = set()
    for ref in iter_texts(plan):
        cited.update(plan.document_index.cited(ref.text))
        for number in plan.document_index.unknown_numbers(ref.text):
            report.add(
                ref.file,
                ref.path,
                f"cites document {number}, which plan/documents.yaml does not list",
                "add it under `documents:` with its number, type, date and title",
                "unregistered-document",
            )
    listed = {e.document for key in ("related", "earlier_related") for e in getattr(plan.documents, key)}
    for i, doc in enumerate(plan.documents.documents):
        if doc.id not in cited | listed:
            report.add(
                "documents",
                ("documents", i, "id"),
                f"document '{doc.id}' is never cited nor listed as related",
                "remove it, or fix its number or wordings so the citing text finds it",
                "uncited-document",
            )
