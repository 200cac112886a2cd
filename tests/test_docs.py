"""The README stays true: its module table names every module, and its commands are the task runner's."""

import re

from sitebuild import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_module_table_names_every_module_of_the_core_package():
    table = {name for row in re.findall(r"^\| (.+?) \|", README, re.M) for name in re.findall(r"`([\w/]+(?:\.py)?)`", row)}
    modules = {p.name for p in (ROOT / "plannav").glob("*.py") if p.stem not in ("__init__", "__main__")}
    packages = {p.name + "/" for p in (ROOT / "plannav").iterdir() if (p / "__init__.py").is_file()}
    assert modules | packages <= table, sorted((modules | packages) - table)
    generator = {p.name for p in (ROOT / "plannav" / "generator").glob("*.py") if p.stem != "__init__"}
    assert generator <= table, sorted(generator - table)


def test_every_make_command_in_the_readme_is_a_target():
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    named = set(re.findall(r"`make ([\w-]+)", README))
    assert {"serve", "test", "test-all", "build", "check"} <= named
    assert named <= targets, sorted(named - targets)
