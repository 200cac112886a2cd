"""The documents stay true: the README is short and points to the others; the architecture's module table
names every module; every command they give is the task runner's or the program's; the figures they quote
are the ones the suite and the benchmark state."""

import os
import re

import pytest
from sitebuild import ROOT

DOCS = ("README.md", "PUBLISHING.md", "EDITING.md", "ARCHITECTURE.md", "BENCHMARKS.md")


def _read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_the_readme_is_short_and_leads_to_each_audiences_document():
    readme = _read("README.md")
    assert readme.count("\n") <= 200
    for name in DOCS[1:]:
        assert f"]({name})" in readme, name
    assert "Hướng dẫn" in readme and "docs/huong-dan/" in readme  # the staff guide, on the site


def test_the_module_table_names_every_module_of_the_core_package():
    architecture = _read("ARCHITECTURE.md")
    table = {
        name for row in re.findall(r"^\| (.+?) \|", architecture, re.M) for name in re.findall(r"`([\w/]+(?:\.py)?)`", row)
    }
    modules = {p.name for p in (ROOT / "plannav").glob("*.py") if p.stem not in ("__init__", "__main__")}
    packages = {p.name + "/" for p in (ROOT / "plannav").iterdir() if (p / "__init__.py").is_file()}
    assert modules | packages <= table, sorted((modules | packages) - table)
    generator = {p.name for p in (ROOT / "plannav" / "generator").glob("*.py") if p.stem != "__init__"}
    assert generator <= table, sorted(generator - table)


@pytest.mark.parametrize("name", DOCS)
def test_every_make_command_a_document_gives_is_a_target(name):
    targets = set(re.findall(r"^([\w-]+):", _read("Makefile"), re.M))
    named = set(re.findall(r"`make ([\w-]+)", _read(name)))
    assert named <= targets, sorted(named - targets)
    if name == "README.md":
        assert {"serve", "test", "test-all", "build", "check"} <= named


@pytest.mark.parametrize("name", DOCS)
def test_every_program_command_a_document_gives_exists(name):
    from plannav.__main__ import main

    commands = set(re.findall(r"python -m plannav ([a-z-]+)", _read(name)))
    for command in commands:
        with pytest.raises(SystemExit) as asked:
            main([command, "--help"])
        assert asked.value.code == 0, command


def test_every_document_a_document_links_exists():
    for name in DOCS:
        for target in re.findall(r"\]\(([\w./-]+\.md)(?:#[\w-]+)?\)", _read(name)):
            assert (ROOT / target).is_file(), (name, target)


def test_the_readme_quotes_the_suites_size():
    """The number of tests it gives: those pytest collects, with and without the browser tests."""
    import subprocess
    import sys

    readme = _read("README.md")
    quoted_all = int(re.search(r"`make test-all` about [\d.]+ min \((\d+) tests", readme).group(1))
    quoted_fast = int(re.search(r"`make test` takes about [\d.]+ min \((\d+) tests", readme).group(1))
    quoted_browser = int(re.search(r"it leaves out the\s+(\d+) browser tests", readme).group(1))
    # One collection says both: the browser tests selected, of all the tests, and the others deselected.
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "browser"]
    env = {name: value for name, value in os.environ.items() if name != "PYTEST_ADDOPTS"}  # the options given to this run
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True).stdout
    browser, total, others = map(int, re.search(r"(\d+)/(\d+) tests? collected \((\d+) deselected\)", out).groups())
    assert browser + others == total
    counted = {"browser": browser, "not browser": others}
    assert (quoted_fast, quoted_browser) == (counted["not browser"], counted["browser"])
    assert quoted_all == quoted_fast + quoted_browser
