"""The layout's promise, checked by reading the code: no module circle, no import hidden in a function.

Module-level imports of the apps (visits, people, orgs, common) must form a graph without a cycle. An
import inside a function is allowed only where the house style asks for it: a Celery task importing the
service it runs (so that a service may enqueue the task), and an app's ready() (Django loads models first).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("visits", "people", "orgs", "common", "config", "summaries")
OURS = ("visits", "people", "orgs", "common", "config", "summaries")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                found[_module_name(path)] = path
    return found


def _target(node: ast.ImportFrom | ast.Import, module: str, is_package: bool, known: set[str]) -> list[str]:
    """The modules of ours that an import statement loads (a name imported from a package may be a module)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            anchor = module.split(".") if is_package else module.split(".")[:-1]
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
    return [n for n in names if n.split(".")[0] in OURS and n in known]


def _graph() -> tuple[dict[str, set[str]], list[str]]:
    modules = _modules()
    known = set(modules)
    edges: dict[str, set[str]] = {m: set() for m in modules}
    hidden = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                edges[module].update(_target(node, module, is_package, known))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    targets = _target(node, module, is_package, known)
                    # A task loads its service when it runs; an app's ready() wires what needs models loaded.
                    allowed = (module.endswith(".tasks") and all(".services" in t for t in targets)) or (
                        module.endswith(".apps") and func.name == "ready"
                    )
                    if targets and not allowed:
                        hidden.append(f"{module}.{func.name} imports {', '.join(targets)}")
    return edges, hidden


def _cycle(edges: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_the_import_graph_has_no_cycle():
    edges, _ = _graph()
    assert _cycle(edges) == []


def test_no_import_hides_in_a_function_except_a_task_loading_its_service():
    _, hidden = _graph()
    assert hidden == []


def test_the_checker_sees_a_cycle_when_there_is_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_the_checker_reads_the_real_edges():
    edges, _ = _graph()
    assert "visits.services.records" in edges["visits.services.sources"]
    assert "visits.tasks" in edges["visits.services.sources"]
    assert not any(t.startswith("visits.services") for t in edges["visits.tasks"])


def test_no_module_is_over_600_lines():
    """Modules stay small enough to read in one sitting (migrations and generated data aside)."""
    long = []
    for folder in (*APPS, "tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts or any(part.startswith(".venv") for part in path.parts):
                continue
            lines = path.read_text(encoding="utf-8").count("\n")
            if lines > 600:
                long.append(f"{path.relative_to(ROOT)}: {lines}")
    assert long == []
