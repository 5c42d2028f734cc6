"""The law's rules as plain functions: no Reflex, no database.

Each rule cites its article of Law No. 245-VIII in its docstring. What the law
refuses raises ``errors.RuleViolation`` with a message key from
``locales/*/rules.json``; input that cannot be read at all (blank, too long,
malformed) is ``juvenile.errors.InputRefused``, raised by the services.

- ``iin``: the individual identification number (birth date, sex, check digit)
- ``criteria``: the twelve criteria of Art. 78 (2)
- ``age``: full years, majority at 18 (Art. 59 (8) item 4)
- ``attendance``: criterion 4 from attendance marks (Art. 78 (2) item 4)
- ``calendar``: holidays, transfers and working days
- ``placements``: special organisations, terms and deadlines (Art. 80, Art. 81)
- ``cases``: the pedagogical support case state machine (Art. 78 (3), (4))
- ``quorum``: commission meeting quorum, and no decision without it (Art. 79)
- ``council``: the prevention council's meeting, participation and plan (Art. 78 (3))
- ``commission``: the commission's decisions, postponement and minutes (Art. 79)
"""
