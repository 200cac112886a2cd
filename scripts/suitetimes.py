"""The test suites' times, as the Makefile runs them (the benchmark's (j)): the wall time of `make test` or
`make test-all`, what pytest said at its end, and the test files that took longest, setup and teardown
included (pytest's --durations, given through PYTEST_ADDOPTS so that the command run is the Makefile's own)."""

import os
import re
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A line of pytest's --durations report: "3.81s call     tests/test_publish.py::test_…[case]"
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)s (?:setup|call|teardown)\s+(tests/[^:\s]+)::", re.MULTILINE)
# pytest's last line: "641 passed in 118.21s (0:01:58)", "2 failed, 639 passed in …", between '=' or not (-q)
_SUMMARY = re.compile(r"^=* ?(\d+ (?:passed|failed|errors?)\b.*? in [\d.]+s\b.*?) ?=*$", re.MULTILINE)


@dataclass
class SuiteTiming:
    target: str  # the Makefile's target: test or test-all
    wall: float  # seconds from `make` to its exit
    ok: bool
    summary: str  # pytest's last line: "641 passed in 118.2s", or what went wrong
    by_file: list[tuple[str, float]]  # the test files, longest first: seconds of test time in all workers
    failed: list[str]  # pytest's short summary of each test that failed or erred

    def lines(self, shown: int = 6) -> list[str]:
        if not self.ok:
            return [f"make {self.target} failed after {self.wall:.0f} s: {self.summary}", *(f"    {f}" for f in self.failed)]
        files = ", ".join(f"{Path(name).name} {seconds:.0f} s" for name, seconds in self.by_file[:shown])
        return [f"make {self.target}: {self.wall:.0f} s wall ({self.summary})", f"    longest files: {files}"]


def time_by_file(report: str) -> list[tuple[str, float]]:
    """Each test file's seconds in a --durations=0 report, setup, call and teardown summed, longest first."""
    totals: Counter[str] = Counter()
    for seconds, file in _DURATION.findall(report):
        totals[file] += float(seconds)
    return sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))


def time_suite(target: str) -> SuiteTiming:
    """Run `make <target>` from the project's root, timed, with pytest's report of every test's duration."""
    env = dict(os.environ, PYTEST_ADDOPTS="--durations=0 -q")
    started = time.perf_counter()
    result = subprocess.run(["make", "-s", target], cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    printed = result.stdout + result.stderr
    summaries = _SUMMARY.findall(printed)
    ok = result.returncode == 0 and bool(summaries)
    said = summaries[-1].strip() if summaries else (printed.strip().splitlines() or ["no output"])[-1]
    failed = re.findall(r"^(?:FAILED|ERROR) .*$", printed, re.MULTILINE)
    return SuiteTiming(target, wall, ok, said, time_by_file(printed), failed)
