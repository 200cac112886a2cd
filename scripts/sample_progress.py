#!/usr/bin/env python3
"""Write a folder of made-up progress reports, for the benchmark and for demonstrations:
`python scripts/sample_progress.py MONTHS DIR` writes MONTHS months of reports from every reporting agency,
ending in October 2026, marked as sample data (DU-LIEU-MAU), so that every page of a site built from them
says the reports are not real. The texts say so too. Deterministic: the same arguments give the same files.
"""

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plannav.items import ItemIndex  # noqa: E402
from plannav.loader import load_plan  # noqa: E402
from plannav.progress.loader import SAMPLE_MARKER  # noqa: E402
from plannav.progress.reporters import Reporters  # noqa: E402

TEXT = "DỮ LIỆU MẪU, không có thật"


def _months(count: int, last: tuple[int, int] = (2026, 10)) -> list[str]:
    year, month, out = *last, []
    for _ in range(count):
        out.append(f"{year}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return sorted(out)


def write_sample(months: int, target: Path) -> Path:
    plan, problems = load_plan(ROOT / "plan")
    assert not problems, problems
    reporters = Reporters(ItemIndex(plan))
    rng = random.Random(2026)
    target.mkdir(parents=True, exist_ok=True)
    (target / SAMPLE_MARKER).write_text("", encoding="utf-8")
    for period in _months(months):
        for agency, uids in reporters.by_agency.items():
            lines = [f"date: '{period}-{rng.choice((15, 18, 18, 18, 20)):02d}'", "entries:"]
            for uid in rng.sample(uids, min(8, len(uids))):
                status = rng.choice(("Chưa triển khai", "Đang thực hiện", "Đang thực hiện", "Hoàn thành"))
                lines += [f"- item: '{uid}'", f"  status: {status}", f"  result: {TEXT}"]
                if status == "Hoàn thành":
                    lines.append(f"  completed: '{period}-05'")
            (target / period).mkdir(exist_ok=True)
            (target / period / f"{agency}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(write_sample(int(sys.argv[1]), Path(sys.argv[2])))
