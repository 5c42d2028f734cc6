"""The one exception type a rule raises when the law forbids something."""

from juvenile.errors import Refusal


class RuleViolation(Refusal, ValueError):
    """A legal rule refused the input.

    ``key`` names a message in the i18n catalogs (``juvenile/i18n/locales``);
    ``params`` fill its placeholders; ``article`` is the law's reference, shown
    to the user so they can look the rule up.
    """

    def __init__(self, key: str, article: str | None = None, **params: object):
        self.article = article
        super().__init__(key, **params)
