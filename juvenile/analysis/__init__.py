"""The quarterly analysis of schools' prevention work (Art. 21 item 10).

- ``periods``: calendar quarters and their edges (pure, no database)
- ``indicators``: what is counted, how totals, rates and changes are derived (pure pandas)
- ``scope``: the district, region or school analysed, and its schools in SQL
- ``queries``: the SQL aggregations (GROUP BY in the database, never row by row)
- ``result``: the result object a page, an export or the command line reads
- ``tables``: the presentation tables shared by the XLSX and PDF exports

The service entry points are in ``juvenile.services.analysis.quarterly``.
"""
