"""Signing in, signing out, and changing one's own password."""

import reflex as rx

from juvenile.components.shell import page_shell
from juvenile.components.text import t
from juvenile.components.ui import label_for
from juvenile.state.account import PasswordState
from juvenile.state.auth import (
    PASSWORD_ROUTE,
    SIGN_IN_ROUTE,
    SIGN_OUT_ROUTE,
    AuthState,
    published_demo_sign_ins,
)
from juvenile.state.i18n import I18nState


def _field(label_key: str, name: str, field_id: str, **props) -> rx.Component:
    return rx.vstack(
        label_for(field_id, t(label_key), size="2", weight="medium"),
        rx.input(name=name, id=field_id, required=True, width="100%", size="3", **props),
        spacing="1",
        width="100%",
    )


def _error(message: rx.Var, error_id: str) -> rx.Component:
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle-alert", color_scheme="red", role="alert",
                   id=error_id, width="100%"),
    )


def _demo_sign_ins() -> rx.Component:
    """The published demo accounts; built into the page only in demo mode."""
    return rx.card(
        rx.vstack(
            rx.heading(t("ui.auth.demo_sign_ins"), size="3"),
            rx.table.root(
                rx.table.body(
                    *[
                        rx.table.row(
                            rx.table.cell(rx.code(login)),
                            rx.table.cell(rx.code(password)),
                            rx.table.cell(I18nState.messages[f"ui.role.{role}"]),
                        )
                        for login, password, role in published_demo_sign_ins()
                    ]
                ),
                size="1",
            ),
            spacing="3",
        ),
        id="demo-sign-ins",
        width="100%",
    )


def _narrow(*children: rx.Component) -> rx.Component:
    return page_shell(
        rx.center(
            rx.vstack(*children, spacing="4", width="100%", max_width="26rem"),
            padding_y="2rem",
        )
    )


def sign_in_page() -> rx.Component:
    return _narrow(
        rx.heading(t("ui.auth.sign_in_title"), size="6", id="sign-in-title"),
        rx.card(
            rx.form(
                rx.vstack(
                    _field("ui.auth.login", "login", "sign-in-login", auto_complete="username",
                           auto_focus=True),
                    _field("ui.auth.password", "password", "sign-in-password",
                           type="password", auto_complete="current-password"),
                    _error(AuthState.sign_in_error, "sign-in-error"),
                    rx.button(t("ui.auth.sign_in"), type="submit", size="3", width="100%",
                              id="sign-in-submit"),
                    spacing="4",
                ),
                on_submit=AuthState.sign_in,
                reset_on_submit=True,
            ),
            size="3",
            width="100%",
        ),
        _demo_sign_ins() if published_demo_sign_ins() else rx.fragment(),
    )


def sign_out_page() -> rx.Component:
    # Says so only once the server has ended the session (AuthState.sign_out on load).
    return _narrow(
        rx.cond(
            AuthState.signed_in,
            rx.spinner(size="3"),
            rx.vstack(
                rx.heading(t("ui.auth.signed_out"), size="6", id="signed-out-title"),
                rx.link(t("ui.auth.sign_in_again"), href=SIGN_IN_ROUTE),
                spacing="4",
            ),
        )
    )


def change_password_page() -> rx.Component:
    return _narrow(
        rx.heading(t("ui.auth.change_password"), size="6"),
        rx.card(
            rx.form(
                rx.vstack(
                    _field("ui.auth.current_password", "current_password", "current-password",
                           type="password", auto_complete="current-password"),
                    _field("ui.auth.new_password", "new_password", "new-password",
                           type="password", auto_complete="new-password"),
                    _field("ui.auth.repeat_password", "repeat_password", "repeat-password",
                           type="password", auto_complete="new-password"),
                    _error(PasswordState.password_error, "password-error"),
                    rx.button(t("ui.auth.change_password"), type="submit", size="3",
                              width="100%", id="change-password-submit"),
                    spacing="4",
                ),
                on_submit=PasswordState.change_password,
                reset_on_submit=True,
            ),
            size="3",
            width="100%",
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(sign_in_page, route=SIGN_IN_ROUTE, title="Juvenile")
    app.add_page(sign_out_page, route=SIGN_OUT_ROUTE, title="Juvenile",
                 on_load=AuthState.sign_out)
    app.add_page(change_password_page, route=PASSWORD_ROUTE, title="Juvenile")
