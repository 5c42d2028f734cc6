"""The one base of every refusal a user reads: a catalog key and its parameters.

Services raise a subclass: ``RuleViolation`` (``juvenile/rules/errors.py``) when
the law forbids the action, ``InputRefused`` when the input itself is unusable (a
required field left blank, too long, malformed), and a few of their own (a bad
account form, an unusable database URL). The CLI and the pages catch ``Refusal``
and show ``message(language)``.
"""


class Refusal(Exception):
    """An expected refusal; ``key`` names an i18n message, ``params`` fill it."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(f"{key} {params}" if params else key)

    def message(self, language: str | None) -> str:
        """The refusal in ``language``."""
        from juvenile.i18n import translate  # keeps the rules free of i18n at import

        return translate(self.key, language, **self.params)


class InputRefused(Refusal, ValueError):
    """The input cannot be used as typed: a required field is blank, a text is too
    long, a value is malformed. Not a legal refusal (that is ``RuleViolation``)."""
