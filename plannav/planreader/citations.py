"""The documents a decision cites (documents.yaml): every document number in its text, with the type
written before it, its date and issuer where the citation gives them; the lists of related documents."""

import re

from plannav.documents import DOCUMENT_NUMBER
from plannav.planreader.notes import Notes
from plannav.textnorm import slugify

_TYPES = (
    "Quyết định",
    "Nghị định",
    "Nghị quyết",
    "Thông tư",
    "Chỉ thị",
    "Kế hoạch",
    "Tờ trình",
    "Công văn",
    "Luật",
    "Báo cáo",
    "Thông báo",
    "Hướng dẫn",
)
_TYPE_BEFORE = re.compile(rf"({'|'.join(_TYPES)})(\s+số)?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"^\s*(?:ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+(\d{1,2})/(\d{1,2})/(\d{4}))")
_ISSUER_AFTER = re.compile(
    r"^\s*của\s+([^,;.(]+?)(?=\s+(?:về|phê duyệt|quy định|ban hành|có hiệu lực|theo|đề nghị)\b|[,;.(]|$)"
)
_YEAR_IN_NUMBER = re.compile(r"/(\d{4})/")
_UNNUMBERED_LAW = re.compile(r"^(Luật [^0-9]+?)(?:\s+(\d{4}))?$")


def _citation(text: str, match: re.Match) -> dict:
    number = match.group(0)
    before = _TYPE_BEFORE.search(text[max(0, match.start() - 20) : match.start()])
    after = text[match.end() :]
    date = _DATE_AFTER.match(after)
    entry: dict = {
        "type": before.group(1)[0].upper() + before.group(1)[1:].lower() if before else "Văn bản",
        "number": number,
    }
    rest = after[date.end() :] if date else after
    if date:
        d, m, y = (date.group(1), date.group(2), date.group(3)) if date.group(1) else date.group(4, 5, 6)
        entry["date"] = f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    issuer = _ISSUER_AFTER.match(rest)
    if issuer:
        entry["issuer"] = issuer.group(1).strip()
    tail = re.match(r"^[^;]*", rest)[0].strip(" ,.")
    entry["title"] = f"{entry['type']} {number}" + (f" {tail}" if tail else "")
    return entry


def documents_file(texts: list[tuple[int, str]], related: list[list[tuple]], notes: Notes) -> dict:
    """Every numbered citation once (the first, fullest reading), and the related lists linked to them."""
    by_number: dict[str, dict] = {}
    for line, text in texts:
        for match in DOCUMENT_NUMBER.finditer(text):
            entry = _citation(text, match)
            known = by_number.get(entry["number"])
            if known is None or len(entry) > len(known):
                by_number[entry["number"]] = entry | {"_line": line}
    documents = []
    for entry in by_number.values():
        year = entry.get("date", "")[:4] or (m.group(1) if (m := _YEAR_IN_NUMBER.search(entry["number"])) else "")
        entry["id"] = slugify(f"{entry['type']} {entry['number']} {year}".replace("/", " "))[:60].strip("-")
        documents.append(entry)
    lists = []
    for entries in related:
        out = []
        for i, (line, text) in enumerate(entries, start=1):
            found = DOCUMENT_NUMBER.search(text)
            doc = by_number.get(found.group(0)) if found else None
            if doc is None:
                doc = _related_document(text, found, documents)
                if found:
                    by_number[found.group(0)] = doc
                notes.add(
                    "documents",
                    ("documents", len(documents) - 1),
                    line.number,
                    text[:80],
                    "a related document the decision does not cite: read from its entry in the list",
                )
            out.append({"number": i, "text": text, "document": doc["id"]})
        lists.append(out)
    for doc in documents:
        doc.pop("_line", None)
    ordered = [
        {k: d[k] for k in ("id", "type", "number", "date", "issuer", "title", "wordings") if k in d} for d in documents
    ]
    return {
        "documents": ordered,
        "related": lists[-1] if lists else [],
        "earlier_related": lists[0] if len(lists) > 1 else [],
    }


def _related_document(text: str, found, documents: list[dict]) -> dict:
    kind = next((t for t in _TYPES if text.startswith(t)), "Văn bản")
    law = _UNNUMBERED_LAW.match(text) if not found else None
    year = re.search(r"\b(19|20)\d{2}\b", text)
    doc = {"type": kind, "title": text}
    if found:
        doc["number"] = found.group(0)
    if law:
        doc["issuer"] = "Quốc hội"
        doc["wordings"] = [law.group(1)]
    elif not found:
        doc["issuer"] = "Không ghi trong văn bản"
    base = slugify(f"{kind} {found.group(0) if found else text[:40]} {year.group(0) if year else ''}".replace("/", " "))
    ids = {d["id"] for d in documents}
    doc["id"], n = base[:60].strip("-"), 2
    while doc["id"] in ids:
        doc["id"], n = f"{base[:56].strip('-')}-{n}", n + 1
    documents.append(doc)
    return doc
