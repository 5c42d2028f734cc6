"""The person (or the command line) on whose behalf a service runs."""

from dataclasses import dataclass

from juvenile.models.identity import Role


@dataclass(frozen=True)
class Actor:
    """Resolved on the server from a session token, never from browser input.

    ``role`` is None only for the command line run by the deployment's
    operator (``is_system``), which may do everything and is audited as such.
    """

    user_id: int | None
    login: str
    role: Role | None
    school_id: int | None = None
    commission_id: int | None = None
    district_id: int | None = None
    region_id: int | None = None
    organisation_code: str = ""
    language: str = "kk"

    @property
    def is_system(self) -> bool:
        return self.role is None

    @classmethod
    def system(cls, login: str = "cli", language: str = "kk") -> "Actor":
        """The operator at the command line."""
        return cls(user_id=None, login=login, role=None, organisation_code="system",
                   language=language)
