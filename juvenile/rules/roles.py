"""The roles of the portal's users, by the body of Law 245-VIII they act for: the
school's psychologist and administration (Art. 23), the commission's secretary
and members (Art. 79), the education department's analyst (Art. 21) and the
deployment's administrator. What each may do is ``security.policy``.

Plain Python, so that the command line can offer the roles without the database.
"""

import enum


class Role(enum.StrEnum):
    """What a user may do; each role is scoped to one organisation (see security.policy)."""

    SCHOOL_PSYCHOLOGIST = "school_psychologist"
    SCHOOL_ADMIN = "school_admin"
    COMMISSION_SECRETARY = "commission_secretary"
    COMMISSION_MEMBER = "commission_member"
    EDUCATION_ANALYST = "education_analyst"
    ADMIN = "admin"
