"""How close a draft is to a curated plan of the same decision, item by item: found with its exact
wording, its exact lead and coordinators, its exact deadline reading. Bodies are compared by the
wordings the two registries share, since a draft names its ids from the text."""

from collections import Counter
from collections.abc import Iterator
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


def _who_roles(task: dict) -> tuple:
    return task["who"]["lead"], task["who"].get("coordinators", [])


def _cell_roles(row: dict) -> tuple:
    return row["lead"]["agencies"], row["coordinators"]["agencies"]


def _listed_roles(item: dict) -> tuple:
    return item.get("lead", []), item.get("coordinators", [])


def _duty_key(section: dict, duty: dict) -> str:
    return f"duty {section['number']}" + (f".{duty['letter']}" if duty.get("letter") else "")


# Each kind of item: its file, the list holding it (and the list inside each entry of that one), its key
# from the entry holding it and itself, the key of its text, its roles, and the key of its one deadline
# ('deadline') or of its list of them ('deadlines').
_KINDS = (
    ("tasks", ("sections", "tasks"), lambda s, t: "task " + task_key(s, t), "text", _who_roles, "deadline"),
    ("appendix_tasks", ("groups", "tasks"), lambda _, r: f"appendix row {r['number']}", "text", _cell_roles, "deadline"),
    ("procedures", ("procedures",), lambda _, p: f"procedure {p['number']}", "name", _cell_roles, "deadline"),
    ("responsibilities", ("sections", "duties"), _duty_key, "text", _listed_roles, "deadlines"),
    ("funding", ("items",), lambda _, i: f"funding {i['number']}", "text", _listed_roles, "deadlines"),
)


def _entries(data: dict, outer: str, inner: str | None = None) -> Iterator[tuple[tuple, dict | None, dict]]:
    """Each entry of a file's list, or of the lists inside its entries: (its path, the entry holding it, itself)."""
    for i, parent in enumerate(data[outer]):
        if inner is None:
            yield (outer, i), None, parent
            continue
        for j, entry in enumerate(parent[inner]):
            yield (outer, i, inner, j), parent, entry


def items_of(files: dict) -> dict[str, Item]:
    out: dict[str, Item] = {}
    for file, lists, key_of, text, roles, deadline in _KINDS:
        for path, parent, entry in _entries(files[file], *lists):
            key, (lead, coordinators) = key_of(parent, entry), roles(entry)
            listed = entry.get(deadline, []) if deadline == "deadlines" else [entry[deadline]]
            deadlines = tuple(deadline_fields(d) for d in listed)
            out[key] = Item(key, file, path, entry[text], frozenset(lead), frozenset(coordinators), deadlines)
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
