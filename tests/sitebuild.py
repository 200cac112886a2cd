"""Paths and the site build shared by the tests and their fixtures."""

import os
from pathlib import Path

from plannav.generator.publish import build as build_site  # noqa: F401 (the build `make build` runs)

ROOT = Path(__file__).resolve().parents[1]
PLAN_DIR = ROOT / "plan"
SEED = Path(os.environ.get("PLANNAV_SEED", ROOT.parent / "shared" / "seed" / "000_cd5e8df5816cc414.txt"))
