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


class SampleRefused(Exception):
    pass


def _real_reports(target: Path) -> list[str]:
    """The report files in a folder that is not marked as sample data: real reports, never to be replaced."""
    if not target.is_dir() or (target / SAMPLE_MARKER).exists():
        return []
    return sorted(p.relative_to(target).as_posix() for p in target.glob("*/*.yaml"))


def write_sample(months: int, target: Path) -> Path:
    """Each agency's work on each of its items follows one made-up course, as real work does: not started,
    then under way from some month, then done from a later one (or, rarely, not to be done). Each month
    the agency reports what changed and a few items more; a blank row keeps the previous status."""
    plan, problems = load_plan(ROOT / "plan")
    assert not problems, problems
    reporters = Reporters(ItemIndex(plan))
    rng = random.Random(2026)
    periods = _months(months)
    real = _real_reports(target)
    if real:
        raise SampleRefused(
            f"sample_progress: {target} holds reports not marked as sample data ({', '.join(real[:3])}"
            f"{', ...' if len(real) > 3 else ''}): nothing was written\n"
            f"    hint: write sample reports into an empty folder, or one marked with {SAMPLE_MARKER}"
        )
    target.mkdir(parents=True, exist_ok=True)
    (target / SAMPLE_MARKER).write_text("", encoding="utf-8")
    courses = {
        (agency, uid): (rng.randrange(-6, months), rng.randrange(2, 30), rng.random() < 0.03)
        for agency, uids in reporters.by_agency.items()
        for uid in uids
    }

    def status(agency: str, uid: str, month: int) -> str:
        start, length, dropped = courses[(agency, uid)]
        if month < start:
            return "Chưa triển khai"
        if dropped:
            return "Không thực hiện"
        return "Hoàn thành" if month >= start + length else "Đang thực hiện"

    registry = reporters.index.registry
    for month, period in enumerate(periods):
        for agency, uids in reporters.by_agency.items():
            if not registry.exists_on(agency, f"{period}-18"):
                continue  # formed later, or its work carried by another body by then (plan/successors.yaml)
            changed = [u for u in uids if month == 0 or status(agency, u, month) != status(agency, u, month - 1)]
            open_items = [u for u in uids if u not in changed and status(agency, u, month) == "Đang thực hiện"]
            reported = set(changed) | set(rng.sample(open_items, min(4, len(open_items))))
            lines = [f"date: '{period}-{rng.choice((15, 18, 18, 18, 20)):02d}'", "entries:" if reported else "entries: []"]
            for uid in (u for u in uids if u in reported):
                now = status(agency, uid, month)
                lines += [f"- item: '{uid}'", f"  status: {now}", f"  result: {TEXT}"]
                if now == "Hoàn thành":
                    start, length, _ = courses[(agency, uid)]
                    done = periods[start + length] if 0 <= start + length < len(periods) else period
                    lines.append(f"  completed: '{done}-05'")
                if now == "Không thực hiện" or (now == "Đang thực hiện" and rng.random() < 0.1):
                    lines.append(f"  difficulties: Khó khăn tháng {period} ({TEXT})")
            (target / period).mkdir(exist_ok=True)
            (target / period / f"{agency}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    try:
        print(write_sample(int(sys.argv[1]), Path(sys.argv[2])))
    except SampleRefused as refused:
        sys.exit(str(refused))
