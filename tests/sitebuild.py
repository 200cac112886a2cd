"""Paths and the site build shared by the tests and their fixtures."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN_DIR = ROOT / "plan"
SEED = Path(os.environ.get("PLANNAV_SEED", ROOT.parent / "shared" / "seed" / "000_cd5e8df5816cc414.txt"))


def build_site(site_dir, plan_dir=None, extra_args=(), env=None):
    """Run `mkdocs build --strict` into site_dir (optionally from another plan folder); return the result."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    if plan_dir is not None:
        env["PLANNAV_PLAN_DIR"] = str(plan_dir)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra_args],
                          cwd=ROOT, env=env, capture_output=True, text=True)
