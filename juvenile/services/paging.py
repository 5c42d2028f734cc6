"""Lists paged on the server: how many pages a total makes."""


def page_count(total: int, page_size: int) -> int:
    """Pages needed for ``total`` rows (at least one, so an empty list has page 1)."""
    return max(1, -(-total // page_size))


class Paged:
    """Mixin for a page of results that has ``total`` and ``page_size`` fields."""

    total: int
    page_size: int

    @property
    def pages(self) -> int:
        return page_count(self.total, self.page_size)
