"""The core computes what the site shows and knows nothing of the site generator."""

import subprocess
import sys

from sitebuild import ROOT


def test_the_core_imports_no_mkdocs_module_in_a_fresh_interpreter():
    core = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "plannav").rglob("*.py")
        if "generator" not in p.parts and p.name != "__main__.py"
    )
    assert "plannav.site" in core and "plannav.render" not in core and "plannav.render.__init__" in core
    modules = [m.removesuffix(".__init__") for m in core]
    program = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros')))"
    )
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_generator_module_imports_in_a_fresh_interpreter():
    modules = sorted(
        f"plannav.generator.{p.stem}" for p in (ROOT / "plannav" / "generator").glob("*.py") if p.stem != "__init__"
    )
    program = f"import importlib\nfor name in {modules!r}: importlib.import_module(name)\n"
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
