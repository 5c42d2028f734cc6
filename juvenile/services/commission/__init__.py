"""The commission's work (Art. 79, 80, 81): the referral inbox and packets,
meetings with attendance and quorum, the agenda, decisions and their follow-up,
the minutes and their lock, documents, and placements in special organisations
with their notices, returns and rehabilitation plans.

May import: ``services.common``, ``services.administration``.
"""
