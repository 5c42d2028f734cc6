"""The education department's quarterly analysis (Art. 21 item 10): the figures of
an area and period, the school view, and the audited exports. The computation
itself is ``juvenile.analysis``; this package adds the gate and the transaction.

May import: ``services.common``.
"""
