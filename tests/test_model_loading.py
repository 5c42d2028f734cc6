"""Model modules load on demand (``juvenile.models.__getattr__``), so each one must
import the modules its foreign keys point at; otherwise saving a row of it in a
process that loaded nothing else fails to resolve the foreign key (issue 10: a
command line that starts at once)."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

MODELS = Path(__file__).resolve().parents[1] / "juvenile" / "models"
FOREIGN_KEY = re.compile(r'foreign_key="([a-z_]+)\.')


def _tables_and_imports() -> tuple[dict[str, str], dict[str, set[str]]]:
    """table name -> its module; module -> the model modules it imports."""
    table_of, imports = {}, {}
    for path in MODELS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports[path.stem] = {
            alias.name for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "juvenile.models"
            for alias in node.names
        }
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and any(k.arg == "table" for k in node.keywords):
                names = [s.value.value for s in node.body if isinstance(s, ast.Assign)
                         and any(getattr(t, "id", None) == "__tablename__" for t in s.targets)]
                table_of[names[0] if names else node.name.lower()] = path.stem
    return table_of, imports


def test_every_foreign_key_target_is_imported_by_its_module():
    table_of, imports = _tables_and_imports()
    missing = []
    for path in MODELS.glob("*.py"):
        for table in set(FOREIGN_KEY.findall(path.read_text(encoding="utf-8"))):
            target = table_of[table]
            if target != path.stem and target not in imports[path.stem]:
                missing.append(f"{path.name} points at {table} but does not import {target}")
    assert not missing, missing


@pytest.mark.parametrize("name", ["CalendarDay", "AuditEntry", "AgendaItem", "AbsenceProposal"])
def test_one_table_loads_with_its_foreign_key_targets_only(name):
    """In a fresh process, one name resolves every foreign key of what it loaded."""
    script = (
        "import juvenile.models as m, sqlalchemy as sa\n"
        f"getattr(m, {name!r})\n"
        "from sqlmodel import SQLModel\n"
        "tables = list(SQLModel.metadata.tables.values())\n"
        "[fk.column for t in tables for fk in t.foreign_keys]\n"
        "sa.schema.sort_tables(tables)\n"
        "print(len(tables))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert 0 < int(done.stdout) < 32  # not every table: the point of loading on demand


def test_metadata_registers_every_table():
    from juvenile.models import metadata

    assert {"calendar_day", "audit_entry", "agenda_item", "special_placement"} <= set(
        metadata.tables)


def test_the_type_checkers_view_of_the_models_is_the_lazy_table():
    """``juvenile.models`` names each model twice: in ``_MODULE_OF`` (what
    ``__getattr__`` loads) and under ``TYPE_CHECKING`` (what pyright sees, since it
    cannot follow ``__getattr__``). The two must name the same classes in the same
    modules, or a type checker and the running portal disagree."""
    tree = ast.parse((MODELS / "__init__.py").read_text(encoding="utf-8"))
    [lazy] = [node.value for node in tree.body if isinstance(node, ast.Assign)
              and getattr(node.targets[0], "id", None) == "_MODULE_OF"]
    lazy_table = {key.value: value.value for key, value in zip(lazy.keys, lazy.values,
                                                                strict=True)}
    [checked] = [node for node in tree.body if isinstance(node, ast.If)
                 and getattr(node.test, "id", None) == "TYPE_CHECKING"]
    typed = {alias.name: node.module.removeprefix("juvenile.models.")
             for node in checked.body if isinstance(node, ast.ImportFrom)
             for alias in node.names}
    assert typed == lazy_table
