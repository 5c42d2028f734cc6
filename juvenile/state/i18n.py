"""The visitor's language, remembered by the browser."""

import reflex as rx

from juvenile.i18n import catalog, normalise_language


class I18nState(rx.State):
    """Holds the chosen language; every visible string is looked up through it."""

    language: str = rx.LocalStorage("kk", name="juvenile_language", sync=True)

    @rx.event
    def set_language(self, language: str):
        # The value comes from the browser: accept only a supported code.
        self.language = normalise_language(language)

    @rx.var
    def messages(self) -> dict[str, str]:
        """The screen texts ("ui." keys) of the chosen language."""
        return {
            key: text
            for key, text in catalog(normalise_language(self.language)).items()
            if key.startswith("ui.")
        }
