"""A decision's text read into the data of every plan file, with the review notes of what is uncertain."""

import re
from dataclasses import dataclass

from plannav.planreader import bodies, citations, front, prosenames, purposes, tables, work
from plannav.planreader.accuracy import task_key
from plannav.planreader.bodies import BodyRegistry
from plannav.planreader.duties import borrow_leads, register_headings, responsibilities_file
from plannav.planreader.notes import Notes
from plannav.planreader.outline import Outline, outline
from plannav.planreader.source import DecisionText
from plannav.problems import Problem
from plannav.textnorm import ALIAS_OPENING

_ALIAS = re.compile(rf"([A-ZĐ][^()]{{3,80}}?)\s*{ALIAS_OPENING}([^()]{{2,40}}?)\)")
_KNOWN_AS = re.compile(r"Đề án\s+\d+")
# "Thực hiện Quyết định số 06/QĐ-TTg … phê duyệt Đề án …": the scheme staff call by its decision's number.
_APPROVED_SCHEME = re.compile(r"Thực hiện Quyết định (?:số )?0*(\d+)/\S+[^.;]*?phê duyệt Đề án")


@dataclass
class Draft:
    files: dict[str, dict]  # plan file name (without .yaml) -> its data
    notes: Notes


def _part(parts, kind):
    return next((p for p in parts if p.kind == kind), None)


def draft(text: DecisionText) -> tuple[Draft | None, list[Problem]]:
    notes = Notes()
    shape = outline(_without_repeats(text.lines, notes), notes)
    missing = _missing_parts(shape)
    if missing:
        return None, [
            Problem.of_file(
                text.path,
                f"no recognisable structure of a plan: {missing}",
                "give the plain text of a decision that issues a plan: 'QUYẾT ĐỊNH:', its articles, then the plan "
                "in parts numbered I., II., … with lettered tasks",
                "no-plan-structure",
            )
        ]
    for line in text.removed:
        notes.add("decision", (), line.number, line.text[:80], "invisible or control characters were removed from this line")
    head = front.header(shape, notes)
    province = head["place_date"].split(",")[0].strip()
    registry = BodyRegistry(province)
    files = _read_parts(text, shape, registry, notes, year=int(head["date"][:4]))
    decision = _decision(shape, head, notes)
    files["decision"] = decision
    files["documents"] = citations.documents_file(_all_texts(files), front.related_lists(shape), notes)
    files["agencies"] = _agencies(registry, files, decision["metadata"]["place"], notes)
    files["abbreviations"] = {"abbreviations": []}
    files["successors"] = {"bodies": [], "successions": [], "documents": []}
    _to_ids(files, registry.ids())
    return Draft(files, notes), []


def _without_repeats(lines, notes: Notes) -> list:
    """The lines, a line the copy repeated (the same words as the line before it) kept once."""
    out = []
    for line in lines:
        if out and line.text == out[-1].text and len(line.text) > 20:
            notes.add("decision", (), line.number, line.text[:80], "the line before says the same: read once")
            continue
        out.append(line)
    return out


def _missing_parts(shape: Outline | None) -> str:
    if shape is None:
        return "neither 'QUYẾT ĐỊNH:' nor a part numbered I., II., …"
    kinds = {p.kind for p in shape.parts}
    absent = [k for k in ("objectives", "tasks", "responsibilities") if k not in kinds]
    if absent:
        return "no part of " + ", ".join(absent)
    return ""


def _read_parts(text: DecisionText, shape: Outline, registry: BodyRegistry, notes: Notes, year: int) -> dict:
    for line in text.lines:
        for full, short in _ALIAS.findall(line.text):
            registry.alias(short, full, line.number)
    objectives, requirements = purposes.objectives(_part(shape.parts, "objectives"), notes, year)
    groups = objectives["general"]["groups"]
    tasks = work.tasks_file(_part(shape.parts, "tasks"), registry, groups, notes)
    # The table of procedures has a level column ("Cấp độ", "Mức độ"); the other is the table of tasks.
    procedures_at = next((a for a in shape.appendices if tables.is_procedures(a, text.raw)), None)
    tasks_at = next((a for a in shape.appendices if a is not procedures_at), None)
    keyed = [(task_key(s, t), t["text"]) for s in tasks["sections"] for t in s["tasks"]]
    procedures = tables.procedures_file(procedures_at, text.raw, registry, notes) if procedures_at else None
    appendix_tasks = tables.appendix_tasks_file(tasks_at, text.raw, registry, keyed, groups, notes) if tasks_at else None
    register_headings(_part(shape.parts, "responsibilities"), registry)
    known = registry.matcher()
    for line in text.lines:
        found = prosenames.prose_names(line.text, known) + prosenames.prose_collectives(line.text, known)
        for name in found:
            registry.add(name, line.number, in_prose=True)
        for name in prosenames.committee_wordings(line.text, registry.province, known):
            registry.add(name, line.number)
    funding_part = _part(shape.parts, "funding")
    files = {
        "objectives": objectives,
        "requirements": requirements,
        "tasks": tasks,
        "procedures": procedures or tables.no_appendix("procedures", notes),
        "appendix_tasks": appendix_tasks or tables.no_appendix("appendix_tasks", notes),
    }
    files["responsibilities"], duty_lines = responsibilities_file(_part(shape.parts, "responsibilities"), registry, notes)
    files["funding"] = work.funding_file(funding_part, registry, notes) if funding_part else _no_funding(shape, notes)
    names = {key: bodies.canonical_name(body) for key, body in registry.bodies.items()}
    borrow_leads(files, names, notes, duty_lines)
    return files


def _no_funding(shape: Outline, notes: Notes) -> dict:
    notes.add("funding", ("items",), shape.parts[-1].lines[0].number, "", "no part on funding found: write it")
    return {
        "part": {"text": "KINH PHÍ THỰC HIỆN", "supplied": True},
        "items": [{"number": 1, "text": "Không ghi trong văn bản", "lead": [], "coordinators": []}],
    }


def _decision(shape: Outline, head: dict, notes: Notes) -> dict:
    articles, decides = front.articles(shape, notes)
    known = _KNOWN_AS.search(" ".join(ln.text for ln in shape.plan_head)) or _KNOWN_AS.search(
        " ".join(ln.text for ln in shape.decision)
    )
    approved = _APPROVED_SCHEME.search(" ".join(ln.text for ln in shape.plan_head))
    known_as = known.group(0) if known else f"Đề án {int(approved[1]):02d}" if approved else "Kế hoạch"
    if approved and not known:
        notes.add(
            "decision",
            ("plan", "known_as"),
            shape.plan_head[-1].number,
            known_as,
            "what staff call the scheme is read from the number of the decision that approved it: check it",
        )
    if not known and not approved:
        notes.add(
            "decision",
            ("plan", "known_as"),
            shape.plan_head[0].number if shape.plan_head else 1,
            known_as,
            "what staff call the scheme the plan carries out ('Đề án' and its number) was not found: write it",
        )
    return {
        "header": head,
        "legal_basis": front.legal_basis(shape) or ["Không ghi trong văn bản"],
        "decides": decides,
        "articles": articles,
        "signature": front.signature(shape),
        "plan": front.plan_title(shape, notes, known_as),
        "metadata": front.metadata(shape, head, notes),
    }


def _all_texts(files: dict) -> list[tuple[int, str]]:
    """Every text of the draft, for the citations in it (lines are not kept: 0)."""
    out: list[tuple[int, str]] = []

    def walk(value):
        if isinstance(value, str):
            out.append((0, value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(files)
    return out


def _agencies(registry: BodyRegistry, files: dict, place: str, notes: Notes) -> list[dict]:
    committee = f"Ủy ban nhân dân tỉnh {place}"
    committee_key = bodies.body_key(committee, place)
    ids = registry.ids()
    out = []
    by_kind = {key: bodies.kind_of(body) for key, body in registry.bodies.items()}
    for key, body in registry.bodies.items():
        kind = by_kind[key]
        wordings = [w for w in body.wordings if not bodies.is_bare(w)] or body.wordings[:1]
        bare = [w for w in body.wordings if w not in wordings]
        entry = {
            "id": ids[key],
            "name": committee if key == committee_key else bodies.canonical_name(body),
            "kind": kind,
            "wordings": wordings,
        }
        if bare:
            entry["bare_wordings"] = bare
        if body.in_prose_only and key != committee_key:
            notes.add(
                "agencies",
                ("agencies", len(out), "name"),
                body.first_line,
                body.wordings[0],
                "a body named only in running text: where its name ends is read from the words around it; "
                "check the name, or remove the body if it is none",
            )
        if kind == "group":
            members = _members(body, registry, by_kind)
            if members and not bodies.is_open(body):
                entry["members"] = [ids[m] for m in members]
                notes.add(
                    "agencies",
                    ("agencies", len(out), "members"),
                    body.first_line,
                    body.wordings[0],
                    "a collective wording: its members are read as the bodies of the kinds it names; check them",
                )
            else:
                entry["open"] = True
        out.append(entry)
    return {"agencies": out}


def _members(body, registry: BodyRegistry, by_kind: dict[str, str]) -> list[str]:
    key = body.key
    kinds = set()
    if re.search(r"\b(sở|ban|ngành)\b", key):
        kinds |= {"provincial-agency", "central-in-province"}
    if re.search(r"\b(địa phương|huyện|thành phố|xã)\b", key):
        kinds |= {"local-government"}
    if re.search(r"\bbộ\b", key):
        kinds |= {"national"}
    return [k for k, kind in by_kind.items() if kind in kinds and k != key]


_ROLE_KEYS = ("lead", "coordinators", "agencies")


def _to_ids(files: dict, ids: dict[str, str]) -> None:
    """Roles were read as body keys; the plan refers to bodies by id."""

    def walk(value):
        if isinstance(value, dict):
            for k, v in value.items():
                if k in _ROLE_KEYS and isinstance(v, list) and all(isinstance(x, str) for x in v):
                    value[k] = [ids.get(x, x) for x in v]
                else:
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for name, data in files.items():
        if name != "agencies":
            walk(data)
