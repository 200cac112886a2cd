"""Who leads and who coordinates, read from a plan's wordings: a task's "Cơ quan thực hiện" (or the split
"Đơn vị chủ trì:" / "Đơn vị phối hợp:" lines), and a duty's sentence by the reading rules of Part IV
(written at the top of plan/responsibilities.yaml and applied by `make check`)."""

import re
from dataclasses import dataclass, field

from plannav.matching import PhraseMatcher
from plannav.planreader.bodies import split_names

_LEAD_MARK = re.compile(r"(?<!\w)chủ trì(?!\w)", re.IGNORECASE)
_WITH_MARK = re.compile(r"(?<!\w)phối hợp(?!\w)", re.IGNORECASE)
_OPENING_ROLE = re.compile(r"^(?:\S+\s+){0,9}?(chủ trì|phối hợp|tham gia)(?!\w)", re.IGNORECASE)
_CONNECTOR = re.compile(r"^[\s,;]*(?:và|cùng|với)?[\s,;]*(?:các\s+)?$", re.IGNORECASE)


@dataclass
class Roles:
    lead: list[str] = field(default_factory=list)  # body keys
    coordinators: list[str] = field(default_factory=list)
    lead_unstated: bool = False
    roles_note: str = ""
    doubt: str = ""  # why the reading is uncertain, for a review note


def who_roles(wording: str, add) -> Roles:
    """A task's wording of who does the work: before "chủ trì" (or "phối hợp") lead, after it coordinate;
    without either, every body named leads jointly. `add(wording)` registers a name and gives its key."""
    marker = _LEAD_MARK.search(wording) or _WITH_MARK.search(wording)
    if not marker:
        return Roles(lead=_keys(split_names(wording), add))
    before, after = wording[: marker.start()], wording[marker.start() :]
    return Roles(lead=_keys(split_names(before), add), coordinators=_keys(split_names(after), add))


def split_roles(lead_text: str, with_text: str, add) -> Roles:
    return Roles(lead=_keys(split_names(lead_text), add), coordinators=_keys(split_names(with_text), add))


def _keys(names: list[str], add) -> list[str]:
    return list(dict.fromkeys(add(n) for n in names))


def run_after(text: str, start: int, matcher: PhraseMatcher) -> list[str]:
    """The bodies named one after another from `start`, separated only by commas, 'và' and 'các'."""
    out, position = [], start
    for m in matcher.find(text[start:]):
        gap = text[position : start + m.start]
        if not _CONNECTOR.match(gap):
            break
        out.append(m.target)
        position = start + m.end
    return list(dict.fromkeys(out))


def duty_roles(text: str, section: list[str], collective_section: bool, matcher: PhraseMatcher) -> Roles:
    """A duty's roles by the reading rules; the section's bodies are the subject of every duty in it."""
    opening = _OPENING_ROLE.match(text)
    verb = opening.group(1).lower() if opening else ""
    if not verb:
        return Roles(lead=list(section))  # rule 8: any other opening, the section's bodies lead
    rest = text[opening.end() :]
    offset = opening.end()
    if verb == "chủ trì":
        together = re.match(r"^\s*,?\s*cùng với\s+", rest)
        partner = re.match(r"^\s*,?\s*(?:phối hợp(?: chặt chẽ)?\s*)?(?:với\s+)?", rest)
        named = run_after(text, offset + (together or partner).end(), matcher)
        if together:
            return Roles(lead=_union(section, named))  # rule 3
        return Roles(lead=list(section), coordinators=[n for n in named if n not in section])  # rule 2
    if verb == "tham gia":
        return Roles(coordinators=list(section), lead_unstated=True, doubt=_UNSTATED)  # rule 6
    with_ = re.match(r"^(\s+chặt chẽ)?\s+với\s+", rest)
    if not with_:
        return Roles(coordinators=list(section), lead_unstated=True, doubt=_UNSTATED)  # rule 5
    named = run_after(text, offset + with_.end(), matcher)
    after_names = text[offset + with_.end() :]
    leads_here = _named_as_lead(after_names, named, matcher)
    if leads_here:  # "Phối hợp với Sở Tư pháp chủ trì …": the sentence gives the lead
        return Roles(
            lead=leads_here,
            coordinators=_union(section, [n for n in named if n not in leads_here]),
            roles_note="Theo chính câu văn: cơ quan được nêu ngay trước “chủ trì” là cơ quan chủ trì.",
            doubt="the lead is read from 'chủ trì' after the body's name in the same sentence",
        )
    if collective_section:  # rule 7: each body does its own part with X's support
        return Roles(
            lead=list(section),
            coordinators=[n for n in named if n not in section],
            roles_note="Mục này giao cho từng cơ quan phần việc của mình; cơ quan được nêu sau “phối hợp với” "
            "hỗ trợ (quy tắc 7).",
            doubt="a duty of a collective section: read by rule 7 (each body leads its own part)",
        )
    return Roles(coordinators=_union(section, named), lead_unstated=True, doubt=_UNSTATED)  # rule 4


_UNSTATED = (
    "the sentence names no lead ('Phối hợp …', 'Tham gia …'): the lead may be given for the same work in a "
    "Part II task, another duty or an appendix row; record it with its basis in roles_note, or leave it unstated"
)


def _named_as_lead(after: str, named: list[str], matcher: PhraseMatcher) -> list[str]:
    """Of the bodies named after "phối hợp với", the one the sentence follows with "chủ trì"."""
    return [
        m.target
        for m in matcher.find(after)
        if m.target in named and re.match(r"^\s*,?\s*chủ trì(?!\w)", after[m.end :], re.IGNORECASE)
    ][:1]


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))
