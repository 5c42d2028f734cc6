"""The signed-in user's own account: changing the password."""

import asyncio

import reflex as rx

from juvenile.security.gate import NotFound
from juvenile.services.identity.accounts import AccountRefused, change_own_password
from juvenile.state.auth import AuthState, areas_of
from juvenile.state.workspace import WorkspaceState


class PasswordState(WorkspaceState, AuthState):
    """The change-password form; the passwords pass through and are kept nowhere."""

    password_error: str = ""

    @rx.event
    async def change_password(self, form: dict):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        new, repeated = str(form.get("new_password", "")), str(form.get("repeat_password", ""))
        if new != repeated:
            self.password_error = await self._text("auth.error.passwords_differ")
            return None
        try:
            # two argon2 hashes: in a worker thread, off the event loop
            await asyncio.to_thread(change_own_password, actor,
                                    str(form.get("current_password", "")), new,
                                    session_token=self._token())
        except AccountRefused as refused:
            self.password_error = await self._text(refused.key, **refused.params)
            return None
        except NotFound:
            return self._to_sign_in()
        self.password_error = ""
        return [
            rx.toast.success(await self._text("auth.password_changed")),
            rx.redirect(areas_of(actor.role)[0]),
        ]
