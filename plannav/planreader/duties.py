"""Part IV (responsibilities.yaml): a section per body (or bodies, or a collective wording), its duties
lettered or a single paragraph, each duty's roles by the reading rules, its deadlines where its sentence
holds them, and the closing sentence."""

import re
from dataclasses import dataclass, field

from plannav.planreader import deadline_phrases, roles
from plannav.planreader.accuracy import task_key
from plannav.planreader.bodies import COLLECTIVE, BodyRegistry
from plannav.planreader.notes import Notes
from plannav.planreader.outline import LETTERED, NUMBERED, Part
from plannav.planreader.source import Line
from plannav.planreader.work import section_bodies
from plannav.textnorm import match_key


@dataclass
class DutySection:
    number: int
    heading: Line
    paragraphs: list[tuple[Line, str | None, str]] = field(default_factory=list)  # (line, letter, text)


def sections_of(part: Part) -> tuple[list[DutySection], list[Line]]:
    """The sections, and the lines before the first (none, in a well-copied text)."""
    sections: list[DutySection] = []
    stray: list[Line] = []
    for line in part.lines:
        numbered, lettered = NUMBERED.match(line.text), LETTERED.match(line.text)
        if numbered and len(numbered["text"].split()) <= 20:
            sections.append(DutySection(int(numbered["number"]), line))
        elif not sections:
            stray.append(line)
        elif lettered:
            sections[-1].paragraphs.append((line, lettered["letter"], lettered["text"]))
        else:
            sections[-1].paragraphs.append((line, None, line.text))
    return sections, stray


def register_headings(part: Part, registry: BodyRegistry) -> None:
    for section in sections_of(part)[0]:
        section_bodies(NUMBERED.match(section.heading.text)["text"], registry, section.heading.number)


def responsibilities_file(part: Part, registry: BodyRegistry, notes: Notes) -> tuple[dict, dict[tuple, int]]:
    """Part IV as the responsibilities file, and the line of the decision's text of each duty (by its path
    in the file), for borrow_leads."""
    sections, _ = sections_of(part)
    lines: dict[tuple, int] = {}
    closing, closing_line = _closing(sections)
    matcher = registry.matcher()
    out = []
    for si, section in enumerate(sections):
        heading_text = NUMBERED.match(section.heading.text)["text"]
        bodies = section_bodies(heading_text, registry, section.heading.number)
        collective = bool(COLLECTIVE.match(heading_text)) or any(registry.bodies[b].collective for b in bodies)
        duties = []
        for di, (line, letter, text) in enumerate(section.paragraphs):
            path = ("sections", len(out), "duties", di)  # where the duty is in the file: sections with none are left out
            lines[path] = line.number
            duties.append(_duty(line, letter, text, bodies, collective, matcher, path, notes))
        if not duties:
            notes.add(
                "responsibilities",
                ("sections", si),
                section.heading.number,
                section.heading.text,
                "a section without duties: its text may be missing",
            )
            continue
        out.append(
            {"number": section.number, "heading": {"text": section.heading.text}, "agencies": bodies, "duties": duties}
        )
    if closing_line:
        notes.add(
            "responsibilities",
            ("closing",),
            closing_line.number,
            closing[:80],
            "read as Part IV's closing sentence (the last paragraph, not one of the last section's duties)",
        )
    heading = part.heading_entry()
    return {"part": heading, "sections": out, "closing": closing or "Không ghi trong văn bản"}, lines


def _closing(sections: list[DutySection]) -> tuple[str, Line | None]:
    """The last paragraph of Part IV when it is not a duty: unlettered after lettered duties, or a second
    unlettered paragraph of a section of one paragraph."""
    if not sections or not sections[-1].paragraphs:
        return "", None
    last = sections[-1].paragraphs
    line, letter, text = last[-1]
    if letter is None and (len(last) > 1):
        last.pop()
        return text, line
    return "", None


def _duty(line, letter, text, bodies, collective, matcher, path, notes: Notes) -> dict:
    read = roles.duty_roles(text, bodies, collective, matcher)
    duty: dict = {"letter": letter} if letter else {}
    duty.update({"text": text, "lead": read.lead})
    if read.lead_unstated:
        duty["lead_unstated"] = True
    duty["coordinators"] = read.coordinators
    if read.roles_note:
        duty["roles_note"] = read.roles_note
    if read.doubt:
        notes.add("responsibilities", path + ("lead",), line.number, text[:80], read.doubt)
    deadlines = []
    for phrase in deadline_phrases.buried(text):
        fields, doubt = deadline_phrases.reading(phrase)
        if fields:
            deadlines.append(fields)
            notes.add(
                "responsibilities",
                path + ("deadlines",),
                line.number,
                phrase,
                "a deadline read inside the duty's sentence" + (f"; {doubt}" if doubt else ""),
            )
    if deadlines:
        duty["deadlines"] = deadlines
    return duty


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = re.findall(r"\w+", match_key(text))
    return set(zip(words, words[1:], strict=False))


def _alike(first: str, second: str) -> float:
    a, b = _bigrams(first), _bigrams(second)
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


# How alike two wordings must be (shared word pairs over the shorter's) to be read as the same work.
SAME_WORK = 0.4


def borrow_leads(files: dict, names: dict[str, str], notes: Notes, lines: dict[tuple, int]) -> None:
    """A duty whose sentence names no lead ("Phối hợp với X …", "Tham gia …") takes the lead the decision
    gives the same work elsewhere (a Part II task, an appendix row, another duty), among the bodies it
    names, with that basis in roles_note and a review note at its line (`lines`, responsibilities_file's)."""
    places = [
        (f"nhiệm vụ {task_key(s, t)} Phần II", t["text"], t["who"]["lead"])
        for s in files["tasks"]["sections"]
        for t in s["tasks"]
    ]
    places += [
        (f"Phụ lục II, dòng {r['number']}", r["text"], r["lead"]["agencies"])
        for g in files["appendix_tasks"]["groups"]
        for r in g["tasks"]
    ]
    sections = files["responsibilities"]["sections"]
    places += [
        (f"mục IV.{s['number']}" + (f".{d['letter']}" if d.get("letter") else ""), d["text"], d["lead"])
        for s in sections
        for d in s["duties"]
        if d["lead"]
    ]
    for si, section in enumerate(sections):
        for di, duty in enumerate(section["duties"]):
            if not duty.get("lead_unstated"):
                continue
            named = set(duty["coordinators"])
            fits = [(p, _alike(duty["text"], p[1])) for p in places if p[2] and set(p[2]) <= named and p[1] != duty["text"]]
            (where, _, lead), score = max(fits, key=lambda f: f[1], default=((None, None, None), 0.0))
            if score < SAME_WORK:
                continue
            duty["lead"] = list(lead)
            duty["coordinators"] = [c for c in duty["coordinators"] if c not in lead]
            del duty["lead_unstated"]
            lead_names = ", ".join(names.get(b, b) for b in lead)
            duty["roles_note"] = f"{lead_names} chủ trì theo {where}, cùng việc."
            path = ("sections", si, "duties", di)
            notes.add(
                "responsibilities",
                path + ("lead",),
                lines[path],
                where,
                f"the lead is taken from {where}, read as the same work ({score:.0%} of word pairs shared): check it",
            )
