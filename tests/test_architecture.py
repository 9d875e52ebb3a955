"""The package layout holds: imports run with the flow of the data (readers → attribution → ingest →
embedding → storage → search), backends stand side by side, and no module imports itself back in a
cycle.  Read from the source with ``ast``, every import counted, those inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src"


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(top_level_only: bool) -> dict[str, set[str]]:
    """Module -> the docqa modules it imports (a ``from package import name`` counts the submodule if it is one)."""
    modules = {_module(p): p for p in SRC.joinpath("docqa").rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = tree.body if top_level_only else list(ast.walk(tree))
        if top_level_only:  # imports under "if TYPE_CHECKING:" are for type checkers only
            nodes = [n for n in nodes if not (isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test))]
        found: set[str] = set()
        for node in nodes:
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found |= {f"{node.module}.{alias.name}" for alias in node.names if f"{node.module}.{alias.name}" in modules}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _ancestor(package: str, module: str) -> bool:
    return module.startswith(package + ".")


def test_no_module_imports_itself_back_in_a_cycle() -> None:
    graph = _imports(top_level_only=True)
    # a module importing its own package (to reach a sibling) is how Python packages work, not a cycle
    edges = {m: {t for t in targets if not _ancestor(t, m)} for m, targets in graph.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(trail[trail.index(target):] + [target] if target in trail else [node, target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == [], cycles


@pytest.mark.parametrize("importer,forbidden", [
    ("docqa.storage.milvus", "docqa.storage.local"),  # backends side by side
    ("docqa.storage.local", "docqa.storage.milvus"),
    ("docqa.ingest", "docqa.storage.local"),  # ingest sees the protocols only
    ("docqa.ingest", "docqa.storage.milvus"),
    ("docqa.readers", "docqa.attribution"),  # English knowledge is the language layer's
    ("docqa.search", "docqa.attribution"),
    ("docqa.search", "docqa.ingest"),
    ("docqa.language", "docqa.attribution"),
    ("docqa.web", "docqa.render"),  # the page does not borrow the terminal's renderer
    ("docqa.embedding.onnx", "docqa.embedding.transformers"),  # the two backends never import each other
    ("docqa.embedding.transformers", "docqa.embedding.exported"),
])
def test_imports_run_with_the_flow(importer: str, forbidden: str) -> None:
    graph = _imports(top_level_only=False)
    offenders = sorted(m for m, targets in graph.items() if (m == importer or _ancestor(importer, m))
                       and any(t == forbidden or _ancestor(forbidden, t) for t in targets))
    assert offenders == [], f"{offenders} import {forbidden}"
