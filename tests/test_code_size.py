"""The core package stays in pieces one can read whole: no module over 300 lines, no function (methods and
nested functions included) over 60, but for the few listed here with the reason."""

import ast

from sitebuild import ROOT

MODULE_LINES = 300
FUNCTION_LINES = 60
# The modules allowed over MODULE_LINES, each with why.
LONG_MODULES: set[str] = set()
# The functions allowed over FUNCTION_LINES (path::qualified name), each with why.
LONG_FUNCTIONS = {
    "plannav/pagelist.py::_sections",  # a table: the site's sections, one entry each
}


def _functions(tree: ast.AST, prefix: str = ""):
    """Every function under a node, methods and nested functions included, by its qualified name."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            name = f"{prefix}{node.name}"
            if not isinstance(node, ast.ClassDef):
                yield name, node
            yield from _functions(node, f"{name}.")
        else:
            yield from _functions(node, prefix)


def _sizes() -> tuple[dict[str, int], dict[str, int]]:
    """The lines of each module of the package and of each function in it (path::qualified name)."""
    modules, functions = {}, {}
    for path in sorted((ROOT / "plannav").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        modules[name] = len(text.splitlines())
        for qualname, node in _functions(ast.parse(text)):
            functions[f"{name}::{qualname}"] = node.end_lineno - node.lineno + 1
    return modules, functions


def test_no_module_is_over_the_limit():
    modules, _ = _sizes()
    over = [f"{name}: {lines} lines" for name, lines in modules.items() if lines > MODULE_LINES and name not in LONG_MODULES]
    assert not over, f"split these by concern (at most {MODULE_LINES} lines each):\n" + "\n".join(over)


def test_no_function_is_over_the_limit():
    _, functions = _sizes()
    over = [
        f"{name}: {lines} lines"
        for name, lines in functions.items()
        if lines > FUNCTION_LINES and name not in LONG_FUNCTIONS
    ]
    assert not over, f"split these (at most {FUNCTION_LINES} lines each):\n" + "\n".join(over)


def test_every_exception_is_still_needed():
    modules, functions = _sizes()
    stale = [name for name in LONG_MODULES if modules.get(name, 0) <= MODULE_LINES]
    stale += [name for name in LONG_FUNCTIONS if functions.get(name, 0) <= FUNCTION_LINES]
    assert not stale, "within the limit now (or gone): remove from the exceptions:\n" + "\n".join(stale)
