"""What the school workspace's states share beyond the workspace's own parts."""

from juvenile.i18n import translate


def presence(present: bool | None, reason: str, language: str) -> str:
    """Whether the minor or the representatives took part in the council (Art. 78 (3))."""
    if present is None:
        return translate("ui.school.council.not_recorded", language)
    return (translate("ui.school.council.took_part", language) if present
            else translate("ui.school.council.absent_because", language, reason=reason))
