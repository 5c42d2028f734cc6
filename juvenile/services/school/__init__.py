"""The school's casework (Art. 78, Art. 23): the student register and its imports,
attendance and the absence scan (criterion 4), flags, support cases and their
plans, the prevention council and its documents, and housekeeping at 18.

A council refusal (Art. 78 (4)) is recorded here and handed over here:
``escalation`` creates the commission's referral in the same transaction,
because the law makes the referral the school's act. Everything after that is
the commission's (``services.commission``).

May import: ``services.common``, ``services.administration``, ``services.deadlines``.
"""
