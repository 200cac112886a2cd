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
    assert "plannav.sitemodel" in core and "plannav.render" not in core and "plannav.render.__init__" in core
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


def _import_graph() -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports, at the top or inside a function."""
    import ast

    modules = {}
    for path in (ROOT / "plannav").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = path
    graph = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The graph's strongly connected parts of more than one module (Tarjan's algorithm, without recursion)."""
    index, low, stack, on_stack, out, counter = {}, {}, [], set(), [], 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    part = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        part.append(member)
                        if member == node:
                            break
                    if len(part) > 1:
                        out.append(sorted(part))
    return out


def test_the_package_has_no_import_cycle():
    """No module imports, even inside a function, a module that imports it back: the lowest ones (the reports'
    statuses) know nothing of what is made from them (the month's changes, the drafts)."""
    graph = _import_graph()
    assert "plannav.progress.drafting" in graph["plannav.progress.monthly"]
    assert _cycles(graph) == []
    # The check itself sees a cycle where there is one.
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
