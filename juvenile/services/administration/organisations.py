"""Importing the organisation tree from a file, all or nothing."""

import re
import unicodedata
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session, select

from juvenile.db import transaction
from juvenile.imports.table import ImportRejected, RowError, read_table
from juvenile.models import (
    Commission,
    CommissionLevel,
    District,
    Region,
    RegionKind,
    School,
    SpecialOrganisation,
    SpecialOrganisationKind,
)
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.services.common import ImportSummary

# Letters (any script) and digits, single hyphens between them: AST-SCH-012.
_CODE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
ORGANISATION_COLUMNS = ("kind", "code", "name_kk", "name_ru", "parent_code")
# special_education or special_regime; needed on special_organisation rows only.
SPECIAL_KIND_COLUMN = "special_kind"
CODE_MAX_LENGTH = 32
NAME_MAX_LENGTH = 300

# What each kind of row creates, and what its parent_code must name.
_TABLES = {
    "district": District,
    "school": School,
    "commission": Commission,
    "special_organisation": SpecialOrganisation,
}
_PARENT_KINDS = {
    "district": ("region",),
    "school": ("district",),
    "commission": ("district", "region"),
    "special_organisation": ("region",),
}
_SPECIAL_KINDS = {kind.value for kind in SpecialOrganisationKind}
# Districts first, so that schools and commissions in the same file find them.
_ORDER = ("district", "school", "commission", "special_organisation")


def import_organisations(
    actor: Actor, source: str | Path | BinaryIO, filename: str | None = None
) -> ImportSummary:
    """Create or update the organisations listed in a CSV/XLSX file.

    The whole file is checked first; one bad row rejects it and nothing is
    written (ImportRejected lists every bad row and field). A row whose code
    already exists updates that organisation's names, so a re-import is harmless.
    """
    frame = read_table(source, ORGANISATION_COLUMNS, (SPECIAL_KIND_COLUMN,), filename=filename)
    rows = [(number, dict(row)) for number, row in frame.iterrows()]
    with transaction() as session:
        authorize(session, actor, Permission.CREATE, RecordScope(kind=RecordKind.ORGANISATION))
        errors = _row_errors(session, rows)
        if errors:
            raise ImportRejected(errors)
        return _write(session, rows)


def _row_errors(session: Session, rows: list[tuple[int, dict]]) -> list[RowError]:
    errors: list[RowError] = []
    codes_in_file: dict[tuple[str, str], int] = {}
    new_districts = {row["code"] for _, row in rows if row["kind"] == "district"}
    for number, row in rows:
        for column in ORGANISATION_COLUMNS:
            if not row[column]:
                errors.append(RowError(number, column, "import.error.required"))
        for column, limit in (("code", CODE_MAX_LENGTH), ("name_kk", NAME_MAX_LENGTH),
                              ("name_ru", NAME_MAX_LENGTH)):
            if len(row[column]) > limit:
                errors.append(RowError(number, column, "import.error.too_long", {"limit": limit}))
        errors += _text_errors(number, row)
        kind = row["kind"]
        if kind and kind not in _TABLES:
            errors.append(RowError(number, "kind", "import.error.unknown_kind", {"value": kind}))
            continue
        key = (kind, row["code"])
        if row["code"] and key in codes_in_file:
            errors.append(RowError(number, "code", "import.error.duplicate_code",
                                   {"value": row["code"], "first_row": codes_in_file[key]}))
        codes_in_file.setdefault(key, number)
        special_kind = row[SPECIAL_KIND_COLUMN]
        if kind == "special_organisation" and special_kind not in _SPECIAL_KINDS:
            errors.append(RowError(number, SPECIAL_KIND_COLUMN, "import.error.special_kind",
                                   {"value": special_kind}))
        parent = row["parent_code"]
        if kind and parent and not _parent_exists(session, kind, parent, new_districts):
            errors.append(RowError(number, "parent_code", "import.error.unknown_parent",
                                   {"value": parent}))
    return errors


def _text_errors(number: int, row: dict) -> list[RowError]:
    """A code of letters, digits and hyphens, starting with a letter or a digit (it
    ends up in file names, CSV cells and URLs); names without control or invisible
    characters (a right-to-left override, a NUL) that would garble every list."""
    errors = []
    if row["code"] and not _CODE.fullmatch(row["code"]):
        errors.append(RowError(number, "code", "import.error.code_characters"))
    for column in ("name_kk", "name_ru"):
        position = next((i for i, ch in enumerate(row[column], start=1)
                         if unicodedata.category(ch).startswith("C")), None)
        if position is not None:
            errors.append(RowError(number, column, "import.error.name_control",
                                   {"position": position}))
    return errors


def _parent_exists(session: Session, kind: str, code: str, new_districts: set[str]) -> bool:
    parent_kinds = _PARENT_KINDS[kind]
    if "district" in parent_kinds and (code in new_districts or _district(session, code)):
        return True
    return "region" in parent_kinds and _region(session, code) is not None


def _region(session: Session, code: str) -> Region | None:
    return session.exec(select(Region).where(Region.code == code)).first()


def _district(session: Session, code: str) -> District | None:
    return session.exec(select(District).where(District.code == code)).first()


def _write(session: Session, rows: list[tuple[int, dict]]) -> ImportSummary:
    created = updated = 0
    for kind in _ORDER:
        table = _TABLES[kind]
        for _, row in rows:
            if row["kind"] != kind:
                continue
            record = session.exec(select(table).where(table.code == row["code"])).first()
            if record is None:
                record = table(code=row["code"], **_placement_in_tree(session, kind, row))
                created += 1
            else:
                updated += 1
            record.name_kk, record.name_ru = row["name_kk"], row["name_ru"]
            session.add(record)
        session.flush()  # the next kinds look these up by code
    return ImportSummary(created=created, updated=updated)


def _placement_in_tree(session: Session, kind: str, row: dict) -> dict:
    """The parent ids (and the commission level) a new record needs."""
    parent = row["parent_code"]
    district = _district(session, parent) if "district" in _PARENT_KINDS[kind] else None
    if kind == "school":
        return {"district_id": district.id}
    if kind == "commission" and district is not None:
        return {"district_id": district.id, "region_id": district.region_id,
                "level": CommissionLevel.DISTRICT}
    region = _region(session, parent)
    if kind == "commission":
        level = CommissionLevel.CITY if region.kind == RegionKind.CITY else CommissionLevel.REGIONAL
        return {"region_id": region.id, "level": level}
    if kind == "special_organisation":
        return {"region_id": region.id, "kind": SpecialOrganisationKind(row[SPECIAL_KIND_COLUMN])}
    return {"region_id": region.id}
