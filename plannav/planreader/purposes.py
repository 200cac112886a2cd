"""Part I (objectives.yaml, requirements.yaml): the general objective with its numbered groups, the
specific objectives by letter in dated phases, and the requirements."""

import difflib
import re

from plannav.planreader.notes import Notes
from plannav.planreader.outline import DASHED, LETTERED, NUMBERED, Part
from plannav.planreader.source import Line
from plannav.textnorm import match_key, slugify

_GROUP = re.compile(r"\((\d)\)\s*([^;(]+?)\s*(?=;|\(\d\)|\.?$)")
_PHASE = re.compile(r"^(?P<label>(?:Năm|Giai đoạn)[^:]{0,40}?\d{4}[^:]{0,30}):\s*(?P<rest>.*)$")
_YEARS = re.compile(r"\d{4}")


def _sections(part: Part) -> dict[str, tuple[Line, list[Line]]]:
    """Part I's numbered sections by what they are: general, specific, requirements."""
    out: dict[str, tuple[Line, list[Line]]] = {}
    current = None
    for line in part.lines:
        m = NUMBERED.match(line.text)
        if m and len(m["text"].split()) <= 8:
            text = m["text"].lower()
            current = "requirements" if "yêu cầu" in text else "specific" if "cụ thể" in text else "general"
            if "mục đích" in text and "general" in out:
                current = "specific"
            out[current] = (line, [])
        elif current:
            out[current][1].append(line)
    return out


def objectives(part: Part, notes: Notes, year: int) -> tuple[dict, dict]:
    """objectives.yaml and requirements.yaml. `year`: the decision's, where purposes have no years."""
    sections = _sections(part)
    general_head, general_lines = sections.get("general", (part.heading, []))
    text = " ".join(ln.text for ln in general_lines)
    if "specific" not in sections and not _GROUP.search(text):  # purposes ("Mục đích"), not objectives by group
        return _as_purposes(part, general_head, general_lines, sections, notes, year)
    groups = [
        {"number": int(n), "id": slugify(words)[:40].strip("-"), "text": words.strip()} for n, words in _GROUP.findall(text)
    ]
    specific_head, specific_lines = sections.get("specific", (general_head, []))
    specific = _specific(specific_lines, groups, notes)
    if not groups:
        groups = [{"number": 1, "id": "muc-tieu-chung", "text": text[:200] or "Mục tiêu chung"}]
        notes.add(
            "objectives",
            ("general", "groups"),
            general_head.number if general_head else 1,
            text[:80],
            "no numbered groups '(1) …; (2) …' in the general objective: one group stands for it",
        )
    req_head, requirements = _requirements(part, sections, notes)
    heading = part.heading_entry()
    return (
        {
            "part": heading,
            "general": {
                "heading": {"text": general_head.text if general_head else "1. Mục tiêu tổng quát"},
                "text": text or "Không ghi trong văn bản",
                "groups": groups,
            },
            "specific": {
                "heading": {"text": specific_head.text if specific_head else "2. Mục tiêu cụ thể"},
                "objectives": specific,
            },
        },
        {"heading": {"text": req_head.text if req_head else "3. Yêu cầu"}, "requirements": requirements},
    )


def _group_of(heading: str, groups: list[dict], position: int) -> int:
    best = max(
        groups, key=lambda g: difflib.SequenceMatcher(None, match_key(g["text"]), match_key(heading)).ratio(), default=None
    )
    return best["number"] if best else min(position + 1, 5)


def _specific(lines: list[Line], groups: list[dict], notes: Notes) -> list[dict]:
    out: list[dict] = []
    for line in lines:
        if m := LETTERED.match(line.text):
            out.append(
                {
                    "letter": m["letter"],
                    "group": _group_of(m["text"], groups, len(out)),
                    "heading": {"text": line.text},
                    "phases": [],
                }
            )
            continue
        if not out:
            continue
        dashed = DASHED.match(line.text)
        phase = _PHASE.match(dashed["text"]) if dashed else None
        if phase:
            years = [int(y) for y in _YEARS.findall(phase["label"])]
            open_ended = "tiếp theo" in phase["label"]
            entry = {
                "label": phase["label"],
                "from_year": years[0],
                "to_year": None if open_ended else years[-1],
                "statements": [],
            }
            if phase["rest"]:
                entry["inline"] = True
                entry["statements"].append(phase["rest"])
            out[-1]["phases"].append(entry)
        elif out[-1]["phases"]:
            out[-1]["phases"][-1]["statements"].append(dashed["text"] if dashed else line.text)
        else:
            out[-1]["phases"].append(
                {"label": "Không ghi giai đoạn", "from_year": 1900, "to_year": None, "statements": [line.text]}
            )
            notes.add(
                "objectives",
                ("specific", "objectives", len(out) - 1, "phases"),
                line.number,
                line.text[:80],
                "a statement before any phase ('- Năm …:'): its years are unknown",
            )
    return out


def _requirements(part: Part, sections: dict, notes: Notes) -> tuple[Line | None, list[dict]]:
    req_head, req_lines = sections.get("requirements", (None, []))
    requirements = [{"letter": m["letter"], "text": m["text"]} for ln in req_lines if (m := LETTERED.match(ln.text))]
    if not requirements:
        notes.add(
            "requirements",
            ("requirements",),
            part.heading.number if part.heading else 1,
            "",
            "no lettered requirements found in Part I: write them",
        )
        requirements = [{"letter": "a", "text": "Không ghi trong văn bản"}]
    return req_head, requirements


def _as_purposes(part: Part, head: Line | None, lines: list[Line], sections: dict, notes: Notes, year: int):
    """A Part I of purposes ("1. Mục đích", then its points) where the plan's schema has objectives by utility
    group and phase: one group, one objective, one phase from the decision's year on, the points verbatim
    as its statements. Said in a review note, since the shape is the drafter's, not the decision's."""
    title = re.sub(r"^\d+\.\s*", "", head.text) if head else "Mục đích"
    points = [m["text"] if (m := LETTERED.match(ln.text) or DASHED.match(ln.text)) else ln.text for ln in lines]
    notes.add(
        "objectives",
        ("general",),
        head.number if head else 1,
        head.text if head else "",
        "the decision states purposes, not objectives by utility group and phase: they are written as one "
        f"group, one objective and one phase from {year} on, the points verbatim as its statements",
    )
    req_head, requirements = _requirements(part, sections, notes)
    heading = part.heading_entry()
    objectives = {
        "part": heading,
        "general": {
            "heading": {"text": head.text if head else "1. Mục đích", **({} if head else {"supplied": True})},
            "text": "\n".join(ln.text for ln in lines) or "Không ghi trong văn bản",
            "groups": [{"number": 1, "id": slugify(title)[:40].strip("-") or "muc-dich", "text": title}],
        },
        "specific": {
            "heading": {"text": head.text if head else "1. Mục đích", "supplied": True},
            "objectives": [
                {
                    "letter": "a",
                    "group": 1,
                    "heading": {"text": title, "supplied": True},
                    "phases": [{"label": title, "from_year": year, "to_year": None, "statements": points or [title]}],
                }
            ],
        },
    }
    return objectives, {"heading": {"text": req_head.text if req_head else "2. Yêu cầu"}, "requirements": requirements}
