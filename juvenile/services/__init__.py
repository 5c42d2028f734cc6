"""One transactional function per legal or administrative action, by working area.

Each opens its transaction with ``db.transaction()``; called inside another one
(a service that combines services, or ``db.unit_of_work()``) it joins that one, so
a page handler calls one service function per user action and that action is one
commit. The law's refusals come from ``juvenile.rules`` (``RuleViolation``); an
unusable input is ``InputRefused``.

- ``common``: paging, an import's counts, the migration helper.
- ``administration``: organisations, the working calendar, the decision catalogue.
- ``identity``: accounts, sign-in sessions, the audit log.
- ``deadlines``: every open deadline of a school or a commission (reads only).
- ``school``: students, attendance, flags, cases, the prevention council, and its
  refusal handed to the commission.
- ``commission``: referrals, meetings, agenda, decisions, minutes, placements.
- ``analysis``: the quarterly analysis and its exports.

Every area may import ``common``; ``school`` and ``commission`` also read
``administration``, and ``school`` reads ``deadlines``. No other area imports
another. Below services lie ``reports``, ``analysis`` (the computation),
``security``, ``models`` and ``rules``; ``tests/test_layers.py`` holds the table
and checks every import against it.
"""
