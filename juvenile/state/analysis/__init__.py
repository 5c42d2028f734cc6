"""States of the education department's quarterly analysis (Art. 21 item 10)."""
