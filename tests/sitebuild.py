"""Paths and the site build shared by the tests and their fixtures."""

import os
from pathlib import Path

from plannav.generator.publish import build as build_site  # noqa: F401 (the build `make build` runs)

ROOT = Path(__file__).resolve().parents[1]
PLAN_DIR = ROOT / "plan"
SEED = Path(os.environ.get("PLANNAV_SEED", ROOT.parent / "shared" / "seed" / "000_cd5e8df5816cc414.txt"))


def copy_plan(target: Path) -> Path:
    """A writable copy of the real plan folder at `target`."""
    import shutil

    shutil.copytree(PLAN_DIR, target)
    return target


def edit_plan(plan_dir: Path, file: str, *changes: tuple[str, str]) -> str:
    """Replace, in one plan file of a copy, the first occurrence of each `old` by its `new`; every `old`
    must be there (a test that edits nothing proves nothing). Returns the file's new text."""
    path = plan_dir / file
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, f"{file} no longer contains {old!r}"
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def synthetic_plan(factor: int, target: Path) -> Path:
    """A plan `factor` times the real one at `target` (scripts/synthetic_plan.py, the benchmark's)."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from synthetic_plan import scale
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return scale(factor, target)


def sample_progress_site(root: Path, months: int, offline: bool = False) -> Path:
    """A site built at root/site from `months` months of made-up reports (scripts/sample_progress.py, the
    benchmark's), written at root/progress. Returns the site's folder."""
    import subprocess
    import sys

    progress = root / "progress"
    made = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sample_progress.py"), str(months), str(progress)],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    result = build_site(root / "site", offline=offline, progress_dir=progress)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def reports_site(root: Path, reports: dict[tuple[str, str], str]) -> Path:
    """A site built at root/site from the given made-up reports ({(period, agency): YAML text}), written at
    root/progress and marked as sample data. Returns the site's folder."""
    import textwrap

    progress = root / "progress"
    for (period, agency), text in reports.items():
        path = progress / period / f"{agency}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    (progress / "DU-LIEU-MAU").write_text("", encoding="utf-8")
    result = build_site(root / "site", progress_dir=progress)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"
