"""The law's rules as plain functions: no Reflex, no database.

Each rule cites its article of Law No. 245-VIII in its docstring.
"""
