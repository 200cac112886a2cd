"""Paths and the site builds shared by the tests and their fixtures.

`build_site` builds in this process, through mkdocs' own API, as `mkdocs build --strict` does: a test that
only reads what a build made pays neither for a new interpreter nor for importing mkdocs again.
`build_site_command` runs the command `make build` runs, for the tests of the command itself (its exit
code, its output, no traceback). `shared_folder` makes a site once per run, whichever test process asks
first, for the tests that only read it.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from plannav.generator.publish import build as build_site_command  # noqa: F401 (the command `make build` runs)
from plannav.generator.publish import build_settings

ROOT = Path(__file__).resolve().parents[1]
PLAN_DIR = ROOT / "plan"
SEED = Path(os.environ.get("PLANNAV_SEED", ROOT.parent / "shared" / "seed" / "000_cd5e8df5816cc414.txt"))
SAMPLE_MONTHS = 24  # the shared sample's reports: two years, ending in October 2026 (scripts/sample_progress.py)


def copy_plan(target: Path) -> Path:
    """A writable copy of the real plan folder at `target`."""
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


def _script(name: str):
    """A module of scripts/ (the benchmark's helpers), imported as a module."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(ROOT / "scripts"))


def synthetic_plan(factor: int, target: Path) -> Path:
    """A plan `factor` times the real one at `target` (scripts/synthetic_plan.py, the benchmark's)."""
    return _script("synthetic_plan").scale(factor, target)


def sample_reports(months: int, target: Path) -> Path:
    """`months` months of made-up reports from every reporting agency at `target`, marked as sample data
    (scripts/sample_progress.py, the benchmark's)."""
    return _script("sample_progress").write_sample(months, target)


@contextmanager
def _environment(values: dict[str, str]):
    """os.environ with `values` set, as the build command's own environment would have them; then as it was."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_site(
    target: Path,
    base_url: str | None = None,
    offline: bool = False,
    plan_dir: str | os.PathLike | None = None,
    config_file: str | os.PathLike | None = None,
    progress_dir: str | os.PathLike | None = None,
    cache_dir: str | os.PathLike | None = None,
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` into target, in this process: the same settings as build_site_command (and
    the same arguments, in the same order), and a result of the same shape: the exit code the command would
    give (1 for a build that stopped), and what it printed, mkdocs' log lines and the message it ends with.
    `cache_dir` sets the build cache's folder (PLANNAV_CACHE_DIR) for this build only."""
    import io
    import logging

    import click
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    environment = build_settings(base_url, offline, plan_dir, progress_dir, cache_dir)
    # What the command prints: mkdocs' log from INFO up, each line as "LEVEL   -  message" (mkdocs.__main__).
    printed = io.StringIO()
    handler = logging.StreamHandler(printed)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    code = 0
    try:
        with _environment(environment):
            config = load_config(str(config_file or ROOT / "mkdocs.yml"), strict=True, site_dir=str(target))
            # The command's on_startup and on_shutdown are left out: they only matter to `mkdocs serve`, and
            # on_shutdown freezes the collector for a process about to end, which this one is not.
            build(config)
    except click.ClickException as stopped:  # mkdocs' "Aborted with ...", a bad configuration
        code = stopped.exit_code
        printed.write(stopped.format_message() + "\n")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
    command = ["mkdocs", "build", "--strict", "--site-dir", str(target)]
    return subprocess.CompletedProcess(command, code, "", printed.getvalue())


def sample_progress_site(root: Path, months: int) -> Path:
    """A site built at root/site from `months` months of made-up reports written at root/progress (the
    benchmark's); its build cache at root/cache. Returns the site's folder."""
    sample_reports(months, root / "progress")
    result = build_site(root / "site", progress_dir=root / "progress", cache_dir=root / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def reports_site(root: Path, reports: dict[tuple[str, str], str]) -> Path:
    """A site built at root/site from the given made-up reports ({(period, agency): YAML text}), written at
    root/progress and marked as sample data; its build cache at root/cache. Returns the site's folder."""
    import textwrap

    progress = root / "progress"
    for (period, agency), text in reports.items():
        path = progress / period / f"{agency}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    (progress / "DU-LIEU-MAU").write_text("", encoding="utf-8")
    result = build_site(root / "site", progress_dir=progress, cache_dir=root / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


MADE = ".made"  # in a shared folder: what was made there is complete


def shared_folder(runs: Path, name: str, make: Callable[[Path], object]) -> Path:
    """runs/name, filled by `make(folder)` once per run: the first test process to ask makes it while
    holding a lock on it, and the others wait for it, then read what it made. What a process that failed
    half-way left is made again, so a failure is told in every process that asks."""
    import fcntl

    folder = runs / name
    runs.mkdir(parents=True, exist_ok=True)
    with open(runs / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # let go when the file is closed, or the process ends
        if not (folder / MADE).is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (folder / MADE).write_text("", encoding="utf-8")
    return folder
