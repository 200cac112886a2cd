#!/usr/bin/env python3
"""Write a synthetic plan N times the size of the real one, for the benchmark.

Each extra copy adds 24 invented agencies (one per Part IV section) and copies of every Part II task,
Appendix II task, procedure and duty, led and coordinated by those agencies; wording and deadlines
are the real ones, so every check still applies and passes.
Usage: python scripts/synthetic_plan.py 10 /tmp/plan-10x
"""

import copy
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plannav.models import FILE_MODELS  # noqa: E402
from plannav.yamlsource import read_source  # noqa: E402

PER_COPY = 24


def _agency(copy_number: int, index: int) -> tuple[str, str]:
    return f"don-vi-thu-nghiem-{copy_number}-{index}", f"Đơn vị thử nghiệm {copy_number}.{index}"


def _reassign(row: dict, lead: tuple[str, str], coordinator: tuple[str, str], dropped: tuple[str, ...]) -> None:
    """An appendix row given to invented agencies, without its cross-references to the real plan."""
    row["lead"] = {"text": lead[1], "agencies": [lead[0]]}
    row["coordinators"] = {"text": coordinator[1], "agencies": [coordinator[0]]}
    for key in dropped:
        row.pop(key, None)


def scale(factor: int, target: Path) -> Path:
    data = {name: read_source(ROOT / "plan" / f"{name}.yaml", name)[0].data for name in FILE_MODELS}
    tasks, appendix, procedures, duties = (
        data["tasks"],
        data["appendix_tasks"],
        data["procedures"],
        data["responsibilities"],
    )
    real_sections = copy.deepcopy(tasks["sections"])
    real_groups = copy.deepcopy(appendix["groups"])
    real_procedures = copy.deepcopy(procedures["procedures"])
    real_duty_sections = copy.deepcopy(duties["sections"])
    appendix_count = sum(len(group["tasks"]) for group in real_groups)  # copies are numbered after the real rows
    for number in range(1, factor):
        ids = [_agency(number, i) for i in range(1, PER_COPY + 1)]
        for agency_id, name in ids:
            data["agencies"]["agencies"].append(
                {"id": agency_id, "name": name, "kind": "provincial-agency", "wordings": [name]}
            )
        pick = lambda i, offset=0, ids=ids: ids[(i + offset) % PER_COPY]
        for s, section in enumerate(real_sections):
            section = copy.deepcopy(section)
            section["number"] = len(tasks["sections"]) + 1
            section["heading"] = {"text": f"{section['number']}. {section['heading']['text']}"}
            for t, task in enumerate(section["tasks"]):
                (lead, lead_name), (coord, coord_name) = pick(s * 20 + t), pick(s * 20 + t, 1)
                task["who"] = {
                    "text": f"{lead_name} chủ trì, phối hợp với {coord_name}.",
                    "lead": [lead],
                    "coordinators": [coord],
                }
                task.pop("procedures", None)
            tasks["sections"].append(section)
        for g, group in enumerate(real_groups):
            group = copy.deepcopy(group)
            for t, task in enumerate(group["tasks"]):
                task["number"] += appendix_count * number
                task["tt"] = f"{task['number']}."
                _reassign(task, pick(g * 50 + t, 2), pick(g * 50 + t, 3), ("restates", "procedures", "note"))
            appendix["groups"].append(group)
        for p, procedure in enumerate(copy.deepcopy(real_procedures)):
            procedure["number"] += len(real_procedures) * number
            procedure["name"] = f"{procedure['name']} ({number})"
            _reassign(procedure, pick(p, 4), pick(p, 5), ("joins", "duty", "note"))
            procedures["procedures"].append(procedure)
        for d, section in enumerate(copy.deepcopy(real_duty_sections)):
            agency_id, name = ids[d % PER_COPY]
            section["number"] += len(real_duty_sections) * number
            section["heading"] = {"text": f"{section['number']}. {name}"}
            section["agencies"] = [agency_id]
            for duty in section["duties"]:
                duty["lead"], duty["coordinators"] = [agency_id], []
                for key in ("lead_unstated", "not_for"):
                    duty.pop(key, None)
                # The copy's roles follow no reading of its sentence: say so, as the check asks.
                duty["roles_note"] = "Bản sao thử nghiệm: mọi việc giao cho đơn vị của mục."
                for deadline in duty.get("deadlines", []):
                    deadline.pop("applies_to", None)
            duties["sections"].append(section)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name, content in data.items():
        (target / f"{name}.yaml").write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8"
        )
    shutil.copytree(ROOT / "plan" / "schema", target / "schema")  # the same models: the check finds them current
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(scale(int(sys.argv[1]), Path(sys.argv[2])))
