"""The decision's outline: where the decision itself ends and the plan begins, the plan's parts (with
the headings a copy lost, found by numbering that starts again), the appendix tables and what follows
them. Each piece keeps its lines; the readers of each part read them."""

import re
from dataclasses import dataclass, field

from plannav.planreader.notes import Notes
from plannav.planreader.source import Line

ROMAN = re.compile(r"^(?P<number>[IVX]{1,4})\.\s+(?P<title>\S.*)$")
NUMBERED = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<text>\S.*)$")
DECIMAL = re.compile(r"^(?P<section>\d{1,2})\.(?P<number>\d{1,2})\.?\s+(?P<text>\S.*)$")
LETTERED = re.compile(r"^(?P<letter>[a-zđ])\)\s*(?P<text>\S.*)$")
DASHED = re.compile(r"^[-–•+]\s*(?P<text>\S.*)$")
ARTICLE = re.compile(r"^Điều\s+(?P<number>\d{1,2})\s*[.:]?\s*(?P<text>.*)$")
APPENDIX_LABEL = re.compile(r"^PHỤ LỤC(\s+[IVX\d]+)?\.?$")
ISSUED_WITH = re.compile(r"^\(\s*(Ban hành )?[Kk]èm theo .+\)$")
# What each part of a plan is about, by the words of its heading (Roman numbered, in capitals).
PART_KINDS = (
    ("objectives", ("MỤC TIÊU", "MỤC ĐÍCH")),
    ("tasks", ("NHIỆM VỤ",)),
    ("funding", ("KINH PHÍ",)),
    ("responsibilities", ("TỔ CHỨC THỰC HIỆN", "TRÁCH NHIỆM")),
)
ROMAN_NUMBERS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
SUPPLIED_HEADINGS = {
    "objectives": "MỤC TIÊU, YÊU CẦU",
    "tasks": "NHIỆM VỤ, GIẢI PHÁP",
    "funding": "KINH PHÍ THỰC HIỆN",
    "responsibilities": "TỔ CHỨC THỰC HIỆN",
}


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def cells(line: Line) -> list[str]:
    """A table row's cells: '|'-separated (a copy from the web), tab-separated (a copy from Word) or
    columns aligned by runs of spaces are told apart by the source module; here only '|' and tabs."""
    if "|" in line.text:
        parts = [c.strip() for c in line.text.strip().strip("|").split("|")]
    else:
        parts = [c.strip() for c in line.text.split("\t")]
    return parts


@dataclass
class Part:
    kind: str  # objectives | tasks | funding | responsibilities | other
    number: str  # the Roman number, as written or supplied
    heading: Line | None  # None: lost in the copy, supplied
    title: str
    lines: list[Line] = field(default_factory=list)

    def heading_entry(self) -> dict:
        """The part's heading as a plan file writes it: marked supplied where the copy lost it."""
        return {"text": f"{self.number}. {self.title}", **({} if self.heading else {"supplied": True})}


@dataclass
class Appendix:
    label: Line | None
    title: Line
    subtitle: Line | None
    rows: list[Line] = field(default_factory=list)


@dataclass
class Outline:
    letterhead: list[Line]
    decision: list[Line]  # from "QUYẾT ĐỊNH:" to the signature, inclusive
    plan_head: list[Line]  # the plan's title, subtitle and preamble
    parts: list[Part]
    appendices: list[Appendix]
    trailer: list[Line]  # lists of related documents and the document's particulars, where copied with it


def _kind_of(title: str) -> str:
    upper = title.upper()
    return next((kind for kind, words in PART_KINDS if any(w in upper for w in words)), "other")


def _index(lines: list[Line], test, start: int = 0) -> int | None:
    return next((i for i in range(start, len(lines)) if test(lines[i])), None)


def outline(lines: list[Line], notes: Notes) -> Outline | None:
    """The decision's pieces, or None when the text has none of a decision's landmarks."""
    decides = _index(lines, lambda ln: re.fullmatch(r"QUYẾT ĐỊNH\s*:?", ln.text) is not None)
    first_part = _index(lines, lambda ln: ROMAN.match(ln.text) is not None and is_capitals(ln.text), decides or 0)
    if decides is None or first_part is None:
        return None
    start = _index(lines, lambda ln: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in ln.text.upper() or "ỦY BAN NHÂN DÂN" in ln.text)
    start = start if start is not None and start < decides else 0
    for line in lines[:start]:
        notes.add("decision", ("header",), line.number, line.text, "left out: a line before the letterhead")
    signature = _signature_index(lines, decides, first_part)
    appendix_starts = _appendix_starts(lines, first_part)
    trailer_start = _trailer_start(lines, appendix_starts[-1] if appendix_starts else first_part)
    plan_end = appendix_starts[0] if appendix_starts else trailer_start
    found = [_appendix(lines[a : (appendix_starts + [trailer_start])[i + 1]]) for i, a in enumerate(appendix_starts)]
    appendices = [a for a in found if a is not None]
    return Outline(
        letterhead=lines[start:decides],
        decision=lines[decides : signature + 1],
        plan_head=lines[signature + 1 : first_part],
        parts=_parts(lines[first_part:plan_end], notes),
        appendices=appendices,
        trailer=lines[trailer_start:],
    )


def _signature_index(lines: list[Line], decides: int, first_part: int) -> int:
    """The signature's title line: the last short line in capitals (possibly a table row) before the plan's
    title, which is itself in capitals but long."""
    for i in range(decides + 1, first_part):
        text = " ".join(c for c in cells(lines[i]) if c)
        if is_capitals(text) and len(text) <= 40 and not text.startswith("KẾ HOẠCH"):
            return i
    return decides


def _appendix_starts(lines: list[Line], after: int) -> list[int]:
    starts = []
    for i in range(after, len(lines)):
        text = lines[i].text
        if APPENDIX_LABEL.match(text):
            starts.append(i)
        elif (
            is_capitals(text)
            and text.startswith("DANH MỤC")
            and i + 1 < len(lines)
            and ISSUED_WITH.match(lines[i + 1].text)
            and not (starts and starts[-1] == i - 1)
        ):
            starts.append(i)
    return starts


_RELATED = re.compile(r"^-\s?\d{1,3}\S")
_PARTICULAR = re.compile(r"^-\s?(Số hiệu|Loại văn bản|Ngày ban hành|Nơi ban hành|Người ký)\s*:")


def _trailer_start(lines: list[Line], after: int) -> int:
    found = _index(lines, lambda ln: bool(_RELATED.match(ln.text) or _PARTICULAR.match(ln.text)), after)
    return len(lines) if found is None else found


def _appendix(lines: list[Line]) -> Appendix | None:
    """An appendix: its label, title, subtitle and rows; None for a label with nothing after it."""
    label = lines[0] if APPENDIX_LABEL.match(lines[0].text) else None
    rest = lines[1:] if label else lines
    if not rest:
        return None
    title = rest[0]
    subtitle = rest[1] if len(rest) > 1 and ISSUED_WITH.match(rest[1].text) else None
    return Appendix(label, title, subtitle, rest[2 if subtitle else 1 :])


def _parts(lines: list[Line], notes: Notes) -> list[Part]:
    """Split at Roman headings, and where the top-level numbering starts again at 1: a heading lost in the
    copy. A lost heading's part is known by what its first numbered line is about."""
    parts: list[Part] = []
    last_number = 0
    for line in lines:
        roman = ROMAN.match(line.text)
        numbered = NUMBERED.match(line.text)
        if roman and is_capitals(line.text):
            title = roman["title"]
            parts.append(Part(_kind_of(title), roman["number"], line, title))
            last_number = 0
            continue
        if numbered and parts and int(numbered["number"]) <= last_number and int(numbered["number"]) == 1:
            kind = _lost_part_kind(numbered["text"], parts)
            number = _next_roman(parts[-1].number)
            title = SUPPLIED_HEADINGS.get(kind, "PHẦN KHÔNG RÕ TIÊU ĐỀ")
            parts.append(Part(kind, number, None, title))
            notes.add(
                kind if kind != "other" else "decision",
                ("part",),
                line.number,
                f"{number}. {title}",
                "the numbering starts again at 1 here without a heading: a part whose heading is missing from "
                "the text; the heading is supplied, check it against the signed decision",
            )
            last_number = 0
        if numbered:
            last_number = int(numbered["number"])
        if parts:
            parts[-1].lines.append(line)
    return parts


def _lost_part_kind(first_text: str, parts: list[Part]) -> str:
    seen = {p.kind for p in parts}
    if "kinh phí" in first_text.lower() and "funding" not in seen:
        return "funding"
    if "responsibilities" not in seen and len(first_text.split()) <= 16:
        return "responsibilities"  # a short numbered line naming a body: the first section of duties
    return next((kind for kind, _ in PART_KINDS if kind not in seen), "other")


def _next_roman(number: str) -> str:
    return ROMAN_NUMBERS[ROMAN_NUMBERS.index(number) + 1] if number in ROMAN_NUMBERS[:-1] else number + "+"
