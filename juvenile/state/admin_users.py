"""The users page of the administration: list, create, edit, disable, reset.

Every handler resolves the Actor and calls the accounts service, whose gate
decides; a temporary password travels to the browser once, in a notice, and is
never kept in the page's state.
"""

import asyncio

import reflex as rx

from juvenile import clock
from juvenile.i18n import format_date
from juvenile.models import Role
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.identity import accounts
from juvenile.state.auth import AuthState
from juvenile.state.workspace import WorkspaceState

# Long enough to copy the password down; the administrator closes it.
_PASSWORD_NOTICE_MS = 10 * 60 * 1000
ROLES = [role.value for role in Role]


def _id(text: str) -> int | None:
    text = str(text)
    return int(text) if text.isdigit() and len(text) <= 18 else None


class AdminUsersState(WorkspaceState, AuthState):
    rows: list[dict[str, str]] = []
    page: int = 1
    pages: int = 1
    total: int = 0
    search: str = ""

    editor_open: bool = False
    editing: bool = False  # False: a new account
    form_login: str = ""
    form_name: str = ""
    form_role: str = Role.SCHOOL_PSYCHOLOGIST.value
    form_organisation: str = ""
    form_language: str = "kk"
    organisation_choices: list[dict[str, str]] = []
    form_error: str = ""

    # The account being edited: kept on the server, the service checks it anyway.
    _editing_id: int | None = None

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            listing = accounts.list_users(actor, self.page, self.search)
        except AccessDenied:
            self.denied, self.rows = True, []
            return None
        language = await self._language()
        self.denied = False
        self.page, self.pages, self.total = listing.page, listing.pages, listing.total
        self.rows = [
            {
                "id": str(account.id),
                "login": account.login,
                "name": account.full_name,
                "role_key": f"ui.role.{account.role.value}",
                "organisation": (f"{account.organisation.code} — "
                                 f"{account.organisation.name(language)}"
                                 if account.organisation else ""),
                "active": "yes" if account.active else "",
                "created": format_date(clock.day_of(account.created_at), language),
            }
            for account in listing.accounts
        ]
        return None

    @rx.event
    async def load(self):
        self.editor_open = False
        return await self._refresh()

    @rx.event
    async def find(self, form: dict):
        self.search, self.page = str(form.get("search", ""))[:100], 1
        return await self._refresh()

    @rx.event
    async def go_to_page(self, page: int):
        self.page = max(1, min(int(page), self.pages))
        return await self._refresh()

    async def _load_choices(self, search: str = ""):
        actor = self._actor()
        if actor is None:
            return
        language = await self._language()
        self.organisation_choices = [
            {"code": org.code, "label": f"{org.code} — {org.name(language)}"}
            for org in accounts.organisation_choices(actor, self.form_role, search)
        ]

    @rx.event
    async def new_account(self):
        self._editing_id, self.editing, self.editor_open = None, False, True
        self.form_login = self.form_name = self.form_organisation = self.form_error = ""
        self.form_role, self.form_language = Role.SCHOOL_PSYCHOLOGIST.value, "kk"
        await self._load_choices()

    @rx.event
    async def edit_account(self, user_id: str):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            account = accounts.get_user(actor, _id(user_id) or 0)
        except (AccessDenied, NotFound):
            return await self._refresh()
        self._editing_id, self.editing, self.editor_open = account.id, True, True
        self.form_login, self.form_name = account.login, account.full_name
        self.form_role, self.form_language = account.role.value, account.language
        self.form_organisation = account.organisation.code if account.organisation else ""
        self.form_error = ""
        await self._load_choices()
        return None

    @rx.event
    def close_editor(self):
        self.editor_open, self._editing_id = False, None

    @rx.event
    async def set_form_role(self, role: str):
        self.form_role = role if role in ROLES else Role.SCHOOL_PSYCHOLOGIST.value
        self.form_organisation = ""
        await self._load_choices()

    @rx.event
    async def set_form_organisation(self, code: str):
        self.form_organisation = str(code)[:32]
        await self._load_choices(self.form_organisation)

    @rx.event
    def set_form_login(self, value: str):
        self.form_login = str(value)[:64]

    @rx.event
    def set_form_name(self, value: str):
        self.form_name = str(value)[:200]

    @rx.event
    def set_form_language(self, value: str):
        self.form_language = str(value)[:2]

    @rx.event
    async def save(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        form = accounts.AccountForm(self.form_name, self.form_role, self.form_organisation,
                                    self.form_language)
        try:
            if self._editing_id is None:
                # the hash of the temporary password: off the event loop
                created = await asyncio.to_thread(accounts.create_user, actor,
                                                  self.form_login, form)
                assert created.temporary_password is not None  # none chosen: generated
                notice = await self._password_notice(created.account.login,
                                                     created.temporary_password)
            else:
                accounts.update_user(actor, self._editing_id, form)
                notice = rx.toast.success(await self._text("admin.saved"))
        except accounts.AccountRefused as refused:
            self.form_error = await self._refusal(refused)
            return None
        except (AccessDenied, NotFound):
            self.form_error = await self._text("ui.common.not_found_or_no_access")
            return None
        self.editor_open, self._editing_id = False, None
        await self._refresh()
        return notice

    async def _refusal(self, refused: accounts.AccountRefused) -> str:
        """The refusal's message, naming a role by its title rather than its code."""
        params = dict(refused.params)
        if params.get("role") in ROLES:
            params["role"] = await self._text(f"ui.role.{params['role']}")
        return await self._text(refused.key, **params)

    async def _password_notice(self, login: str, password: str) -> rx.event.EventSpec:
        """The temporary password, shown once in a notice the administrator closes."""
        return rx.toast.info(
            await self._text("admin.temporary_password", login=login),
            description=password, duration=_PASSWORD_NOTICE_MS, close_button=True,
            id="temporary-password",
        )

    @rx.event
    async def set_active(self, user_id: str, active: bool):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            accounts.set_active(actor, _id(user_id) or 0, bool(active))
        except accounts.AccountRefused as refused:
            await self._refresh()
            return rx.toast.error(await self._refusal(refused))
        except (AccessDenied, NotFound):
            pass
        return await self._refresh()

    @rx.event
    async def reset_password(self, user_id: str):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            account = accounts.get_user(actor, _id(user_id) or 0)
            password = await asyncio.to_thread(accounts.reset_password, actor, account.id)
        except (AccessDenied, NotFound):
            return await self._refresh()
        return await self._password_notice(account.login, password)
