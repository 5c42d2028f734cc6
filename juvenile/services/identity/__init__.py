"""Who is signed in and what they did: accounts and passwords, sign-in sessions
with their lockout, and reading the audit log (Art. 83 (2)).

May import: ``services.common``.
"""
