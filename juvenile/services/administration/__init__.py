"""Reference data that every area reads and the administrator keeps: the
organisation tree and its import, the working-day calendar, and the catalogue
of the commission's decisions.

May import: ``services.common``.
"""
