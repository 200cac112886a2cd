import os
import shutil
from pathlib import Path

import pytest

from plannav.items import ItemIndex
from plannav.loader import load_plan
from plannav.problems import report

ROOT = Path(__file__).resolve().parents[1]
PLAN_DIR = ROOT / "plan"
SEED = Path(os.environ.get("PLANNAV_SEED", ROOT.parent / "shared" / "seed" / "000_cd5e8df5816cc414.txt"))


@pytest.fixture(scope="session")
def plan():
    loaded, problems = load_plan(PLAN_DIR)
    assert not problems, report(problems)
    return loaded


@pytest.fixture(scope="session")
def index(plan):
    return ItemIndex(plan)


@pytest.fixture(scope="session")
def seed_lines():
    assert SEED.is_file(), f"the decision's text is expected at {SEED} (set PLANNAV_SEED to point elsewhere)"
    return SEED.read_text(encoding="utf-8").split("\n")


@pytest.fixture
def plan_copy(tmp_path):
    """A writable copy of the real plan, for tests that break it."""
    target = tmp_path / "plan"
    shutil.copytree(PLAN_DIR, target)
    return target
