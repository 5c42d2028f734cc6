"""Questions about the organisation tree that several areas ask: which commission
serves a school's district (Art. 78 (4): a refusal goes to it; Art. 80, 81: it
is responsible for the placements of the district's minors).
"""

from sqlmodel import Session, col, select

from juvenile.models import Commission, CommissionLevel, District, School
from juvenile.rules.council import require_district_commission

# A district's own commission; in a city of republican significance the city one
# may serve the district directly (see models.organisations.Commission).
_SERVING_LEVELS = (CommissionLevel.DISTRICT, CommissionLevel.CITY)


def district_commission(session: Session, school: School) -> Commission:
    """The commission of the school's district, or a refusal naming the district."""
    found = session.exec(
        select(Commission)
        .where(Commission.district_id == school.district_id,
               col(Commission.level).in_(_SERVING_LEVELS))
        .order_by(col(Commission.id))
    ).first()
    if found is None:
        district = session.get(District, school.district_id)
        assert district is not None  # the school's district
        require_district_commission(found, district.code, school.code)
    assert found is not None  # refused above otherwise
    return found
