"""The region-scale generator (``juvenile demo --scale region``), at a small size:
valid data, the same data from the same seed, loaded once."""

import hashlib
import io
import shutil
from datetime import date

import pytest
from sqlmodel import func, select

from juvenile import db
from juvenile.cli import main
from juvenile.demo import region_scale
from juvenile.demo.region_scale import RegionScale, load_region_scale
from juvenile.models import (
    AttendanceMark,
    District,
    Placement,
    School,
    SchoolTransfer,
    Student,
)
from juvenile.rules.age import age_on
from juvenile.rules.iin import Sex, make_iin, parse_iin
from juvenile.security.actor import Actor
from juvenile.services.analysis.quarterly import quarterly_analysis, scope_ids_by_code
from juvenile.services.school.student_import import import_students

SMALL = RegionScale(districts=3, schools=12, students=6000)


def _region_analysis():
    _, region = scope_ids_by_code(region_code=SMALL.region_code)
    return quarterly_analysis(Actor.system(), 2026, 2, region_id=region)


def _fingerprint() -> tuple:
    with db.transaction() as session:
        iins = session.exec(select(Student.iin).order_by(Student.iin)).all()
        marks = session.exec(select(func.count()).select_from(AttendanceMark)).one()
    digest = hashlib.sha256("".join(iins).encode()).hexdigest()
    return digest, marks, _region_analysis().totals.fillna(-1).to_dict()  # NaN != NaN


def _load_copy(template, path, seed: int) -> tuple:
    shutil.copy(template, path)
    db.configure(f"sqlite:///{path}")
    try:
        load_region_scale(seed, SMALL)
        return _fingerprint()
    finally:
        db.engine().dispose()


def test_the_same_seed_gives_the_same_data(sqlite_template, tmp_path):
    first = _load_copy(sqlite_template, tmp_path / "a.db", 7)
    again = _load_copy(sqlite_template, tmp_path / "b.db", 7)
    other = _load_copy(sqlite_template, tmp_path / "c.db", 8)
    assert first == again
    assert first[0] != other[0] and first[2] != other[2]


def test_the_data_are_valid_and_loaded_only_once(database):
    summary = load_region_scale(7, SMALL)
    assert summary.created and summary.counts["student"] == 6000
    assert summary.counts["school"] == 12 and summary.counts["district"] == 3
    assert not load_region_scale(7, SMALL).created  # a second run changes nothing

    with db.transaction() as session:
        students = session.exec(select(Student)).all()
        schools = {s.id: s for s in session.exec(select(School))}
        districts = {d.id: d.code for d in session.exec(select(District))}
        transfers = session.exec(select(SchoolTransfer)).all()
        placements = session.exec(select(Placement)).all()
        statuses = session.exec(select(AttendanceMark.status).distinct()).all()
    for student in students:
        info = parse_iin(student.iin)  # valid check digit, birth date and sex agree
        assert (info.birth_date, info.sex) == (student.birth_date, student.sex)
        assert districts[schools[student.school_id].district_id].startswith("TRK-D")
    assert {str(s) for s in statuses} == {"excused", "unexcused"}  # absences only
    assert len(transfers) == 60 and all(t.from_school_id != t.to_school_id for t in transfers)
    born = {s.id: s.birth_date for s in students}
    assert placements and all(11 <= age_on(born[p.student_id], p.decision_date) < 18
                              for p in placements)
    for placement in placements:
        if placement.rehabilitation_plan_due is not None:
            assert placement.return_date < placement.rehabilitation_plan_due

    result = _region_analysis()
    assert len(result.by_school) == 12
    for code in ("support_start", "support_end", "flags_total", "flag_4", "cases_opened",
                 "cases_closed", "council_meetings", "refusals", "referrals",
                 "decisions_total", "unexcused_days", "students_4day"):
        assert result.figure(code).value > 0, code
    assert 20 < result.figure("unexcused_per_100").value < 100

    # Ids were assigned by the generator: new records still get fresh ones.
    school = next(iter(schools.values()))
    iin = make_iin(date(2012, 5, 17), Sex.FEMALE, 4000)
    source = io.BytesIO(("iin,last_name,first_name,middle_name,school_code,grade\n"
                         f"{iin},Жаңа,Оқушы,,{school.code},7\n").encode())
    assert import_students(Actor.system(), source, filename="new.csv").created == 1
    with db.transaction() as session:
        created = session.exec(select(Student).where(Student.iin == iin)).one()
    assert created.id > max(born)


def test_the_command_loads_the_region_scale(database, monkeypatch, capsys):
    monkeypatch.setattr(region_scale, "REGION", SMALL)
    assert main(["--lang", "en", "demo", "--scale", "region", "--seed", "3"]) == 0
    assert "Region-scale demo data created: 12 schools, 6000 students" in capsys.readouterr().out
    assert main(["--lang", "en", "demo", "--scale", "region"]) == 0
    assert "exist already (region KZ-61)" in capsys.readouterr().out


def test_unknown_scale_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["demo", "--scale", "country"])
    assert "invalid choice" in capsys.readouterr().err
