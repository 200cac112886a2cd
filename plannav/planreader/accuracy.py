"""How close a draft is to a curated plan of the same decision, item by item: found with its exact
wording, its exact lead and coordinators, its exact deadline reading. Bodies are compared by the
wordings the two registries share, since a draft names its ids from the text."""

from collections import Counter
from dataclasses import dataclass, field

from plannav.textnorm import match_key, squash

_DEADLINE_KEYS = ("kind", "month", "year", "date", "before", "stages", "every", "day", "event", "meaning")


@dataclass
class Item:
    key: str  # "task 2.đ", "appendix row 16", "procedure 3", "duty 1.b", "funding 2"
    file: str
    path: tuple
    text: str
    lead: frozenset
    coordinators: frozenset
    deadlines: tuple


@dataclass
class Comparison:
    items: int = 0
    found: int = 0
    roles: int = 0
    deadlines: int = 0
    differences: list[tuple[str, str, tuple, str]] = field(default_factory=list)  # (item, what, path, detail)

    def share(self, count: int) -> float:
        return count / self.items if self.items else 0.0


def task_key(section: dict, task: dict) -> str:
    """'2.đ' or, where the decision numbers tasks with decimals, the number it gives: '1.2'."""
    return task.get("number") or f"{section['number']}.{task['letter']}"


def deadline_fields(d: dict) -> tuple:
    return tuple((k, str(d[k])) for k in _DEADLINE_KEYS if k in d and d[k] not in (None, False, []))


def items_of(files: dict) -> dict[str, Item]:
    out: dict[str, Item] = {}
    for si, section in enumerate(files["tasks"]["sections"]):
        for ti, task in enumerate(section["tasks"]):
            key = "task " + task_key(section, task)
            out[key] = Item(
                key,
                "tasks",
                ("sections", si, "tasks", ti),
                task["text"],
                frozenset(task["who"]["lead"]),
                frozenset(task["who"].get("coordinators", [])),
                (deadline_fields(task["deadline"]),),
            )
    for gi, group in enumerate(files["appendix_tasks"]["groups"]):
        for ti, row in enumerate(group["tasks"]):
            key = f"appendix row {row['number']}"
            out[key] = Item(
                key,
                "appendix_tasks",
                ("groups", gi, "tasks", ti),
                row["text"],
                frozenset(row["lead"]["agencies"]),
                frozenset(row["coordinators"]["agencies"]),
                (deadline_fields(row["deadline"]),),
            )
    for pi, proc in enumerate(files["procedures"]["procedures"]):
        key = f"procedure {proc['number']}"
        out[key] = Item(
            key,
            "procedures",
            ("procedures", pi),
            proc["name"],
            frozenset(proc["lead"]["agencies"]),
            frozenset(proc["coordinators"]["agencies"]),
            (deadline_fields(proc["deadline"]),),
        )
    for si, section in enumerate(files["responsibilities"]["sections"]):
        for di, duty in enumerate(section["duties"]):
            key = f"duty {section['number']}" + (f".{duty['letter']}" if duty.get("letter") else "")
            out[key] = Item(
                key,
                "responsibilities",
                ("sections", si, "duties", di),
                duty["text"],
                frozenset(duty.get("lead", [])),
                frozenset(duty.get("coordinators", [])),
                tuple(deadline_fields(d) for d in duty.get("deadlines", [])),
            )
    for ii, item in enumerate(files["funding"]["items"]):
        key = f"funding {item['number']}"
        out[key] = Item(
            key,
            "funding",
            ("items", ii),
            item["text"],
            frozenset(item.get("lead", [])),
            frozenset(item.get("coordinators", [])),
            tuple(deadline_fields(d) for d in item.get("deadlines", [])),
        )
    return out


def body_map(draft_agencies: list[dict], curated_agencies: list[dict]) -> dict[str, str]:
    """Each draft body's curated id: the body most of its wordings belong to."""
    owner = {match_key(w): a["id"] for a in curated_agencies for w in a["wordings"] + a.get("bare_wordings", [])}
    out = {}
    for body in draft_agencies:
        votes = Counter(owner[k] for w in body["wordings"] + body.get("bare_wordings", []) if (k := match_key(w)) in owner)
        if votes:
            out[body["id"]] = votes.most_common(1)[0][0]
    return out


def compare(draft_files: dict, curated_files: dict) -> Comparison:
    mapping = body_map(draft_files["agencies"]["agencies"], curated_files["agencies"]["agencies"])
    drafted = items_of(draft_files)
    result = Comparison()
    for key, want in items_of(curated_files).items():
        result.items += 1
        got = drafted.get(key)
        if got is None:
            result.differences.append((key, "missing", (), "no such item in the draft"))
            continue
        place = (got.file, got.path)
        if squash(got.text) == squash(want.text):
            result.found += 1
        else:
            result.differences.append((key, "wording", place, f"{got.text[:60]!r} != {want.text[:60]!r}"))
        lead = frozenset(mapping.get(b, b) for b in got.lead)
        coordinators = frozenset(mapping.get(b, b) for b in got.coordinators)
        if (lead, coordinators) == (want.lead, want.coordinators):
            result.roles += 1
        else:
            result.differences.append(
                (
                    key,
                    "roles",
                    place,
                    f"lead {sorted(lead)} coordinators {sorted(coordinators)}; "
                    f"curated lead {sorted(want.lead)} coordinators {sorted(want.coordinators)}",
                )
            )
        if got.deadlines == want.deadlines:
            result.deadlines += 1
        else:
            result.differences.append((key, "deadline", place, f"{got.deadlines} != {want.deadlines}"))
    return result
