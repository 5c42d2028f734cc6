"""The layers of ``juvenile`` point one way, and the areas do not reach sideways.

Every ``import`` of every module is read with ``ast`` (nothing is imported), so
this test also catches an import inside a function.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "juvenile"

# Modules anyone may import: settings, the refusal base, translation, the clock,
# the guard of exported text cells.
FOUNDATION = {"settings", "errors", "i18n", "clock", "spreadsheet"}

# Which layer may import which (besides itself and FOUNDATION), top to bottom:
# app → pages → state → services → reports/analysis → security → models → rules.
# ``cache`` (big per-session values kept beside Reflex's state) is for state only.
ALLOWED_LAYERS: dict[str, set[str]] = {
    "juvenile": {"pages", "health"},  # the Reflex app
    "health": {"db"},
    "cli": {"services", "demo", "security", "imports", "models", "rules", "db", "toolchain",
            "analysis"},
    "pages": {"components", "state"},
    "components": {"state"},
    "state": {"demo", "services", "reports", "analysis", "imports", "security", "models",
              "rules", "cache"},
    "demo": {"services", "analysis", "security", "models", "rules", "db"},
    "services": {"reports", "analysis", "imports", "security", "models", "rules", "db"},
    "reports": {"analysis", "models", "rules"},
    "analysis": {"security", "models", "rules", "db"},
    "imports": {"rules"},
    "security": {"models", "rules", "db"},
    "models": {"rules"},
    "rules": set(),
    "db": {"rules"},  # the alphabets its SQLite collations sort by (rules.collation)
    "cache": set(),
    "toolchain": set(),
    "settings": set(),
    "clock": set(),  # the day and the time in Kazakhstan; imports only settings
    "spreadsheet": set(),
    "errors": set(),
    "i18n": set(),
}

# Inside services, pages and state: which area may import which (besides itself).
# A name without an area (``services.deadlines``, ``state.auth``) is its own area.
SHARED = {
    "services": {"common"},
    "state": {"auth", "i18n", "messages", "workspace"},
    "pages": set(),
}
ALLOWED_AREAS: dict[str, dict[str, set[str]]] = {
    "services": {
        "school": {"administration", "deadlines"},
        "commission": {"administration"},
        "analysis": {"administration"},  # the working calendar: criterion 4's school days
    },
    "state": {},
    "pages": {},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) of every absolute or relative juvenile import."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names]
            # ``from juvenile.services import x`` imports the submodule x
            found += [(node.lineno, name if base.count(".") < 2 else base) for name in names]
    return [(line, name) for line, name in found if name.split(".")[0] == "juvenile"]


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "juvenile"


def _area(module: str) -> str | None:
    """The area within its layer: ``juvenile.services.school.cases`` -> ``school``."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else None


def violation(importer: str, imported: str) -> str | None:
    """Why ``importer`` may not import ``imported``, or None when it may."""
    source, target = _layer(importer), _layer(imported)
    if target == source:
        if source not in ALLOWED_AREAS:
            return None
        mine, theirs = _area(importer), _area(imported)
        if theirs is None or mine in (None, theirs) or theirs in SHARED[source]:
            return None
        if theirs in ALLOWED_AREAS[source].get(mine, set()):
            return None
        return f"{source}.{mine} may not import {source}.{theirs} (sideways)"
    if target in FOUNDATION or target in ALLOWED_LAYERS[source]:
        return None
    return f"{source} may not import {target}"


def _all_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_layer_and_area_is_known():
    layers = {_layer(_module_name(path)) for path in _all_modules()}
    assert layers <= set(ALLOWED_LAYERS), layers - set(ALLOWED_LAYERS)


def test_every_import_points_down_or_within_its_area():
    wrong = []
    for path in _all_modules():
        importer = _module_name(path)
        for line, imported in _imports(path):
            reason = violation(importer, imported)
            if reason:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} {imported}: {reason}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("importer", "imported"), [
    ("juvenile.pages.analysis.screen", "juvenile.services.analysis.quarterly"),
    ("juvenile.pages.auth", "juvenile.models"),
    ("juvenile.reports.commission_minutes", "juvenile.services.commission.meeting_record"),
    ("juvenile.rules.cases", "juvenile.models"),
    ("juvenile.services.school.flags", "juvenile.services.commission.agenda"),
    ("juvenile.services.commission.placements", "juvenile.services.school.escalation"),
    ("juvenile.services.administration.calendar", "juvenile.services.school.students"),
    ("juvenile.state.commission.referral", "juvenile.state.school.case"),
    ("juvenile.services.school.imports", "juvenile.cache"),
    ("juvenile.cache", "juvenile.models"),
])
def test_an_upward_or_sideways_import_is_refused(importer, imported):
    assert violation(importer, imported)


@pytest.mark.parametrize(("importer", "imported"), [
    ("juvenile.pages.school.case", "juvenile.state.school.case"),
    ("juvenile.state.school.case", "juvenile.services.school.cases"),
    ("juvenile.services.commission.placements", "juvenile.services.administration.calendar"),
    ("juvenile.services.school.dashboard", "juvenile.services.deadlines"),
    ("juvenile.services.identity.accounts", "juvenile.services.common"),
    ("juvenile.state.commission.meeting", "juvenile.state.workspace"),
    ("juvenile.reports.commission_minutes", "juvenile.reports.meeting_data"),
    ("juvenile.state.school.imports", "juvenile.cache"),
    ("juvenile.cache", "juvenile.settings"),
])
def test_a_downward_or_shared_import_is_allowed(importer, imported):
    assert violation(importer, imported) is None


def test_the_school_services_have_no_import_circle():
    """cases -> flags -> students must not lead back to cases (issue 10)."""
    services = PACKAGE / "services"
    graph = {
        _module_name(path): {name for _, name in _imports(path)
                             if name.startswith("juvenile.services.")}
        for path in services.rglob("*.py")
    }

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    circles = [module for module in graph if reaches(module, module, {module})]
    assert not circles, circles


# Data generators may be long; every other module stays short enough to read whole.
LONG_MODULES_ALLOWED = {"juvenile/demo/region_scale.py"}
MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines():
    long = []
    for path in _all_modules():
        name = str(path.relative_to(PACKAGE.parent))
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES and name not in LONG_MODULES_ALLOWED:
            long.append(f"{name}: {lines} lines")
    assert not long, long
