"""The visitor's language, remembered by the browser."""

import reflex as rx

from juvenile.i18n import catalog, normalise_language


def screen_texts(language: str | None) -> dict[str, str]:
    """The screen texts ("ui." keys) of ``language`` that the browser looks up itself.

    Counted messages stay on the server: their form depends on a number, so a
    state renders them with ``translate(key, language, count=n)`` and sends the
    finished text.
    """
    return {
        key: text
        for key, text in catalog(normalise_language(language)).items()
        if key.startswith("ui.") and isinstance(text, str)  # not counted
    }


LANGUAGE_STORAGE_KEY = "juvenile_language"  # the browser's localStorage key


class I18nState(rx.State):
    """Holds the chosen language; every visible string is looked up through it."""

    language: str = rx.LocalStorage("kk", name=LANGUAGE_STORAGE_KEY, sync=True)

    @rx.event
    def set_language(self, language: str):
        # The value comes from the browser: accept only a supported code.
        self.language = normalise_language(language)

    @rx.var
    def messages(self) -> dict[str, str]:
        """The screen texts of the chosen language (see ``screen_texts``)."""
        return screen_texts(self.language)
