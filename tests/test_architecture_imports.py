"""The package's import structure: no cycles among the coder's stages, no private names shared.

The modules of ``tripolar.events``, ``tripolar.actors`` and ``tripolar.assessments`` are
stages that data flows through one way; an import cycle among them (at module level, inside a
function or under ``TYPE_CHECKING``) means two stages lean on each other. A leading underscore
means "this module only", so no module of the package imports another module's ``_name``.
The source is read with ``ast``: nothing is imported.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import tripolar

PACKAGE = Path(tripolar.__file__).resolve().parent
STAGES = ("tripolar.events", "tripolar.actors", "tripolar.assessments")


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = ["tripolar", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def imports_of(
    name: str, path: Path, modules: dict[str, Path]
) -> Iterator[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every import of tripolar modules,
    wherever it stands in the file; a name that is itself a module counts as that module."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = name.split(".") if is_package else name.split(".")[:-1]
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            if base not in modules:
                continue
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in modules:
                    yield submodule, None, node.lineno
                else:
                    yield base, alias.name, node.lineno


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for target, _, _ in imports_of(name, path, modules):
            if target != name:
                graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]], within: tuple[str, ...]) -> list[list[str]]:
    """Strongly connected groups of more than one module among those under `within`
    (Tarjan's algorithm, iterative)."""
    nodes = [n for n in graph if n.startswith(within)]
    inside = set(nodes)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start] & inside)))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child] & inside))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def private_imports(modules: dict[str, Path], root: Path = PACKAGE) -> list[str]:
    found = []
    for name, path in modules.items():
        for target, imported, line in imports_of(name, path, modules):
            private = imported is not None and imported.startswith("_")
            if private and not imported.startswith("__") and target != name:
                found.append(f"{path.relative_to(root.parent)}:{line} imports {imported}")
    return found


def test_architecture_no_import_cycle_among_stage_modules() -> None:
    found = cycles(import_graph(package_modules()), STAGES)
    assert found == [], f"import cycles: {found}"


def test_architecture_no_module_imports_another_modules_private_names() -> None:
    found = private_imports(package_modules())
    assert found == [], "private names imported across modules:\n" + "\n".join(found)


def test_architecture_checks_see_cycles_and_private_imports(tmp_path: Path) -> None:
    """The checks themselves: a made-up package with a lazy cycle and a private import."""
    root = tmp_path / "tripolar"
    (root / "events").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "events" / "__init__.py").write_text("")
    (root / "events" / "a.py").write_text("from tripolar.events.b import _helper\n")
    (root / "events" / "b.py").write_text(
        "def _helper():\n    from tripolar.events import a\n    return a\n"
    )
    (root / "events" / "c.py").write_text("from . import b\n")
    modules = package_modules(root)
    assert cycles(import_graph(modules), STAGES) == [["tripolar.events.a", "tripolar.events.b"]]
    graph = import_graph(modules)
    assert graph["tripolar.events.c"] == {"tripolar.events.b"}
    assert private_imports(modules, root) == ["tripolar/events/a.py:1 imports _helper"]
