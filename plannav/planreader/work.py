"""Part II (tasks.yaml), Part III (funding.yaml) and Part IV (responsibilities.yaml): the items, their
wording verbatim, who does them and by when. Roles are body keys here; the draft turns them into ids."""

import difflib
import re
from dataclasses import dataclass, field

from plannav.planreader import deadline_phrases, roles
from plannav.planreader.bodies import BodyRegistry, split_names
from plannav.planreader.notes import Notes
from plannav.planreader.outline import DECIMAL, LETTERED, NUMBERED, Part
from plannav.planreader.source import Line
from plannav.textnorm import match_key

_WHO = re.compile(r"^(Cơ quan|Đơn vị) thực hiện\s*:\s*(?P<text>.+)$", re.IGNORECASE)
_WHO_LEAD = re.compile(r"^(Cơ quan|Đơn vị) chủ trì\s*:\s*(?P<text>.+)$", re.IGNORECASE)
_WHO_WITH = re.compile(r"^(Cơ quan|Đơn vị) phối hợp\s*:\s*(?P<text>.+)$", re.IGNORECASE)
_WHEN = re.compile(r"^(?P<label>Thời (gian|hạn)( hoàn thành| thực hiện)?)\s*:\s*(?P<text>.+)$", re.IGNORECASE)


@dataclass
class TaskDraft:
    line: Line
    letter: str  # "" where the decision numbers the task with decimals
    text: str
    who: Line | None = None
    lead_line: Line | None = None
    with_line: Line | None = None
    when: Line | None = None
    numbered_as: str = ""  # "1.2" where the text numbers tasks with decimals


@dataclass
class SectionDraft:
    number: int
    heading: Line | None
    title: str
    tasks: list[TaskDraft] = field(default_factory=list)


def task_sections(part: Part, notes: Notes) -> list[SectionDraft]:
    sections: list[SectionDraft] = []
    for line in part.lines:
        decimal, numbered, lettered = DECIMAL.match(line.text), NUMBERED.match(line.text), LETTERED.match(line.text)
        if numbered and not decimal:
            sections.append(SectionDraft(int(numbered["number"]), line, line.text))
        elif decimal or lettered:
            if not sections:
                sections.append(SectionDraft(1, None, "1. (Tiêu đề mục không có trong văn bản)"))
                notes.add(
                    "tasks",
                    ("sections", 0, "heading"),
                    line.number,
                    line.text[:80],
                    "tasks before any numbered heading: the first section's heading is missing; write it",
                )
            tasks = sections[-1].tasks
            if decimal:
                tasks.append(TaskDraft(line, "", decimal["text"], numbered_as=f"{decimal['section']}.{decimal['number']}"))
            else:
                tasks.append(TaskDraft(line, lettered["letter"], lettered["text"]))
        elif sections and sections[-1].tasks:
            task = sections[-1].tasks[-1]
            if _WHO.match(line.text):
                task.who = line
            elif _WHO_LEAD.match(line.text):
                task.lead_line = line
            elif _WHO_WITH.match(line.text):
                task.with_line = line
            elif _WHEN.match(line.text):
                task.when = line
            else:
                task.text += "\n" + line.text
    return sections


def tasks_file(part: Part, registry: BodyRegistry, groups: list[dict], notes: Notes) -> dict:
    sections = task_sections(part, notes)
    out = []
    for si, section in enumerate(sections):
        tasks = [_task(task, ("sections", si, "tasks", ti), registry, notes) for ti, task in enumerate(section.tasks)]
        entry = {
            "number": section.number,
            "heading": {"text": section.title, **({} if section.heading else {"supplied": True})},
            "group": group_of(section.title, groups),
            "tasks": tasks,
        }
        if tasks:
            out.append(entry)
    heading = part.heading_entry()
    return {"part": heading, "sections": out}


def group_of(title: str, groups: list[dict]) -> int | None:
    """The utility group a heading serves, where its words are close to one group's."""
    words = re.sub(r"^\d+\.\s*", "", title)
    scored = [(difflib.SequenceMatcher(None, match_key(g["text"]), match_key(words)).ratio(), g["number"]) for g in groups]
    best = max(scored, default=(0, None))
    return best[1] if best[0] >= 0.75 else None


def _task(task: TaskDraft, path: tuple, registry: BodyRegistry, notes: Notes) -> dict:
    entry: dict = {"number": task.numbered_as} if task.numbered_as else {"letter": task.letter}
    entry["text"] = task.text
    add = lambda name: registry.add(name, task.line.number)  # noqa: E731
    apart: dict = {}
    if task.who:
        wording = _WHO.match(task.who.text)["text"]
        read = roles.who_roles(wording, add)
    elif task.lead_line:
        lead = _WHO_LEAD.match(task.lead_line.text)
        partner = _WHO_WITH.match(task.with_line.text) if task.with_line else None
        wording = lead["text"]
        read = roles.split_roles(wording, partner["text"] if partner else "", add)
        apart = {"label": _label(task.lead_line.text)}
        if partner:
            apart |= {"with_text": partner["text"], "with_label": _label(task.with_line.text)}
    else:
        wording, read = "", roles.Roles()
    if not read.lead:
        notes.add(
            "tasks",
            path + ("who",),
            task.line.number,
            wording or task.text[:80],
            "no body found that does the task; write who leads it",
        )
    entry["who"] = {
        "text": wording or "Không ghi trong văn bản",
        **apart,
        "lead": read.lead,
        "coordinators": read.coordinators,
    }
    entry["deadline"] = _deadline(task, path, notes)
    return entry


def _deadline(task: TaskDraft, path: tuple, notes: Notes) -> dict:
    if not task.when:
        phrases = deadline_phrases.buried(task.text)
        if phrases:
            fields, doubt = deadline_phrases.reading(phrases[0])
            notes.add(
                "tasks",
                path + ("deadline",),
                task.line.number,
                phrases[0],
                "no 'Thời gian …:' line: the deadline is read from the task's sentence" + (f"; {doubt}" if doubt else ""),
            )
            if fields:
                return fields
        notes.add(
            "tasks",
            path + ("deadline",),
            task.line.number,
            task.text[:80],
            "no deadline found: written as 'Thường xuyên' (a standing task); write the decision's deadline",
        )
        return {"text": "Thường xuyên", "kind": "continuous"}
    m = _WHEN.match(task.when.text)
    label = m["label"][0].upper() + m["label"][1:]
    fields, doubt = deadline_phrases.reading(m["text"], label)
    if doubt:
        notes.add("tasks", path + ("deadline",), task.when.number, m["text"], doubt)
    if fields:
        return fields
    notes.add(
        "tasks",
        path + ("deadline",),
        task.when.number,
        m["text"],
        "read as a standing task ('Thường xuyên') until its form is written in the plan's terms",
    )
    return {"text": m["text"], "label": label, "kind": "continuous"}


def _label(line: str) -> str:
    """'Đơn vị chủ trì' of 'Đơn vị chủ trì: Sở Tư pháp'."""
    return line.split(":", 1)[0].strip()


def funding_file(part: Part, registry: BodyRegistry, notes: Notes) -> dict:
    items = []
    matcher = registry.matcher()
    for line in part.lines:
        m = NUMBERED.match(line.text)
        if not m:
            if items:
                items[-1]["text"] += "\n" + line.text
            continue
        text = m["text"]
        subject = _subject(text, matcher)
        item = {"number": int(m["number"]), "text": text, "lead": subject, "coordinators": []}
        deadlines = [f for p in deadline_phrases.buried(text) if (f := deadline_phrases.reading(p)[0])]
        if deadlines:
            item["deadlines"] = deadlines
        if not subject:
            item["lead"] = [registry.committee_key()]
        notes.add(
            "funding",
            ("items", len(items), "lead"),
            line.number,
            text[:80],
            "the bodies that lead are read as the sentence's subject: check them"
            if subject
            else "the sentence names no body: the committee that issued the plan is written as its lead; check it",
        )
        items.append(item)
    heading = part.heading_entry()
    return {"part": heading, "items": items}


def _subject(text: str, matcher) -> list[str]:
    """The first bodies named one after another in a sentence: its subject, in a plan's sentences."""
    found = matcher.find(text)
    return roles.run_after(text, found[0].start, matcher) if found else []


def section_bodies(heading_text: str, registry: BodyRegistry, line: int) -> list[str]:
    return list(dict.fromkeys(registry.add(n, line) for n in split_names(heading_text)))
