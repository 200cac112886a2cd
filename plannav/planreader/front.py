"""The decision itself (decision.yaml): letterhead, legal basis, articles, signature, the plan's title and
preamble, and the document's particulars; the lists of related documents copied with it."""

import re

from plannav.planreader.notes import Notes
from plannav.planreader.outline import ARTICLE, ISSUED_WITH, Outline, cells, is_capitals
from plannav.planreader.source import Line

PLACE_DATE = re.compile(r"^(?P<place>[^,|]+), ngày (?P<day>\d{1,2}) tháng (?P<month>\d{1,2}) năm (?P<year>\d{4})")
NUMBER = re.compile(r"Số\s*:\s*(?P<number>\d+/[\wĐđ-]+)")
_BASIS = re.compile(r"^(Căn cứ|Theo đề nghị|Xét đề nghị|Xét)\b")
_NOT_STATED = "Không ghi trong văn bản"


def _first(lines: list[Line], pattern: re.Pattern):
    for line in lines:
        for cell in cells(line):
            if m := pattern.search(cell):
                return line, m
    return None, None


def header(outline: Outline, notes: Notes) -> dict:
    lines = outline.letterhead
    first_cells = [c for c in cells(lines[0]) if c] if lines else []
    issuer = first_cells[0] if first_cells else ""
    motto = next((c for ln in lines for c in cells(ln) if "CỘNG HÒA" in c.upper()), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    number_line, number = _first(lines, NUMBER)
    date_line, when = _first(lines, PLACE_DATE)
    authority = next((ln.text for ln in lines if is_capitals(ln.text) and "|" not in ln.text and ln.text != issuer), issuer)
    if not number or not when:
        notes.add(
            "decision",
            ("header",),
            (lines[0].number if lines else 1),
            " / ".join(ln.text for ln in lines[:3]),
            "the decision's number or its place and date were not found in the letterhead; write them",
        )
    day = f"{when['year']}-{int(when['month']):02d}-{int(when['day']):02d}" if when else "1900-01-01"
    return {
        "issuer": issuer or _NOT_STATED,
        "motto": motto,
        "number": number.group(0) if number else "Số: ……",
        "place_date": when.group(0) if when else _NOT_STATED,
        "date": day,
        "authority": authority or _NOT_STATED,
    }


def legal_basis(outline: Outline) -> list[str]:
    return [ln.text for ln in outline.letterhead if _BASIS.match(ln.text)]


def articles(outline: Outline, notes: Notes) -> tuple[list[dict], str]:
    """The articles, a paragraph without its "Điều N." label (lost in a copy) read as the next article."""
    decides, *body = outline.decision
    body = body[:-1]  # the signature
    out: list[dict] = []
    for line in body:
        m = ARTICLE.match(line.text)
        if m:
            out.append({"number": int(m["number"]), "label": {"text": f"Điều {m['number']}."}, "text": m["text"]})
        elif out and line.text[:1].isupper():
            number = out[-1]["number"] + 1
            out.append({"number": number, "label": {"text": f"Điều {number}.", "supplied": True}, "text": line.text})
            notes.add(
                "decision",
                ("articles", len(out) - 1, "label"),
                line.number,
                line.text[:80],
                f"a paragraph after Điều {number - 1} without a label: read as Điều {number}; check the signed text",
            )
        elif out:
            out[-1]["text"] += "\n" + line.text
    return out, decides.text


def signature(outline: Outline) -> dict:
    last = outline.decision[-1]
    return {"title": " ".join(c for c in cells(last) if c)}


def plan_title(outline: Outline, notes: Notes, known_as: str) -> dict:
    head = [ln for ln in outline.plan_head if ln.text.upper() != "KẾ HOẠCH"]
    titles = [ln for ln in head if is_capitals(ln.text)]
    subtitle = next((ln for ln in head if ISSUED_WITH.match(ln.text)), None)
    preamble = [ln for ln in head if ln not in titles and ln is not subtitle]
    if not titles or not subtitle:
        notes.add(
            "decision",
            ("plan",),
            head[0].number if head else 1,
            " / ".join(ln.text[:60] for ln in head[:3]),
            "the plan's title or its line '(Ban hành kèm theo …)' was not found; write them",
        )
    return {
        "title": " ".join(ln.text for ln in titles) or _NOT_STATED,
        "subtitle": subtitle.text if subtitle else _NOT_STATED,
        "known_as": known_as,
        "preamble": "\n".join(ln.text for ln in preamble) or _NOT_STATED,
    }


_PARTICULARS = {
    "Số hiệu": "number",
    "Loại văn bản": "type",
    "Ngày ban hành": "issued",
    "Nơi ban hành": "place",
    "Người ký": "signer",
    "Ngày công báo": "gazette_date",
    "Số công báo": "gazette_number",
    "Ngày hiệu lực": "effective",
    "Tình trạng hiệu lực": "status",
}


def metadata(outline: Outline, head: dict, notes: Notes) -> dict:
    """The particulars copied with the text ('- Số hiệu: …'), else what the letterhead says."""
    found: dict[str, str] = {}
    title = ""
    for i, line in enumerate(outline.trailer):
        m = re.match(r"^-\s?([^:]+):\s*(.*)$", line.text)
        if m and m[1].strip() in _PARTICULARS:
            found[_PARTICULARS[m[1].strip()]] = m[2].strip() or _NOT_STATED
            if not title and i and not outline.trailer[i - 1].text.startswith("-"):
                title = outline.trailer[i - 1].text
    number = head["number"].removeprefix("Số:").strip()
    issued = head["date"]
    year, month, day = issued.split("-")
    derived = {
        "title": title or f"Quyết định {number}",
        "number": number,
        "type": "Quyết định",
        "issued": f"{day}/{month}/{year}",
        "place": head["place_date"].split(",")[0],
        "signer": _NOT_STATED,
        "gazette_date": _NOT_STATED,
        "gazette_number": _NOT_STATED,
        "effective": _NOT_STATED,
        "status": _NOT_STATED,
    }
    if not found:
        notes.add(
            "decision",
            ("metadata",),
            outline.decision[-1].number,
            derived["title"],
            "the text carries no particulars ('Số hiệu', 'Người ký', …): those not in the letterhead are "
            f"written '{_NOT_STATED}'; fill in the signer",
        )
    return {**derived, **found, "issued_date": issued}


def related_lists(outline: Outline) -> list[list[tuple[Line, str]]]:
    """The numbered lists of related documents ('- 1Kế hoạch …'), each as (line, text), in order."""
    lists: list[list[tuple[Line, str]]] = []
    for line in outline.trailer:
        m = re.match(r"^-\s?(\d{1,3})(\S.*)$", line.text)
        if not m:
            continue
        if int(m[1]) == 1 or not lists:
            lists.append([])
        lists[-1].append((line, m[2].strip()))
    return lists
