"""Administration: user accounts and the audit log."""

import reflex as rx

from juvenile.components.dates import spelled_day
from juvenile.components.shell import page_shell
from juvenile.components.text import t
from juvenile.components.ui import actions_header, field
from juvenile.i18n import LANGUAGES
from juvenile.state.admin_users import ROLES, AdminUsersState
from juvenile.state.audit_log import ANY_RECORD, RECORD_TYPES, AuditLogState
from juvenile.state.i18n import I18nState

USERS_ROUTE = "/admin/users"
AUDIT_ROUTE = "/admin/audit"
_LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def _no_access() -> rx.Component:
    return rx.callout(t("ui.common.not_found_or_no_access"), icon="circle-alert",
                      color_scheme="gray", id="admin-no-access")


def _pager(state) -> rx.Component:
    return rx.hstack(
        rx.button(rx.icon("chevron-left"), variant="soft", disabled=state.page <= 1,
                  on_click=state.go_to_page(state.page - 1), aria_label="previous"),
        rx.text(state.page, " / ", state.pages, size="2"),
        rx.button(rx.icon("chevron-right"), variant="soft", disabled=state.page >= state.pages,
                  on_click=state.go_to_page(state.page + 1), aria_label="next"),
        rx.text(t("ui.admin.total"), ": ", state.total, size="2", color_scheme="gray"),
        align="center",
        spacing="3",
    )


def _labelled(label_key: str, control: rx.Component, width: str = "100%") -> rx.Component:
    return rx.box(field(label_key, control), width=width)


# ---- users -----------------------------------------------------------------------------

def _user_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.code(row["login"])),
        rx.table.cell(row["name"]),
        rx.table.cell(I18nState.messages[row["role_key"]]),
        rx.table.cell(row["organisation"]),
        rx.table.cell(rx.cond(row["active"] != "",
                              rx.badge(t("ui.admin.active"), color_scheme="green"),
                              rx.badge(t("ui.admin.disabled"), color_scheme="gray"))),
        rx.table.cell(
            rx.hstack(
                _action("pencil", "ui.admin.edit", AdminUsersState.edit_account(row["id"])),
                _action("key-round", "ui.admin.reset_password",
                        AdminUsersState.reset_password(row["id"])),
                rx.cond(
                    row["active"] != "",
                    _action("user-x", "ui.admin.disable",
                            AdminUsersState.set_active(row["id"], False), "red"),
                    _action("user-check", "ui.admin.enable",
                            AdminUsersState.set_active(row["id"], True)),
                ),
                spacing="2",
            )
        ),
    )


def _action(icon: str, label_key: str, event, color: str = "teal") -> rx.Component:
    """An icon button; its name (tooltip, screen readers) is the translated label."""
    return rx.tooltip(
        rx.icon_button(rx.icon(icon, size=16), size="1", variant="soft", color_scheme=color,
                       on_click=event, aria_label=t(label_key)),
        content=t(label_key),
    )


def _editor() -> rx.Component:
    state = AdminUsersState
    return rx.card(
        rx.vstack(
            rx.heading(rx.cond(state.editing, t("ui.admin.edit_user"), t("ui.admin.new_user")),
                       size="4"),
            _labelled("ui.auth.login", rx.input(
                value=state.form_login, on_change=state.set_form_login,
                disabled=state.editing, id="user-login", width="100%")),
            _labelled("ui.admin.full_name", rx.input(
                value=state.form_name, on_change=state.set_form_name, id="user-name",
                width="100%")),
            _labelled("ui.admin.role", rx.select.root(
                rx.select.trigger(id="user-role", width="100%", aria_label=t("ui.admin.role")),
                rx.select.content(*[
                    rx.select.item(I18nState.messages[f"ui.role.{role}"], value=role)
                    for role in ROLES
                ]),
                value=state.form_role, on_change=state.set_form_role)),
            rx.cond(
                state.form_role != "admin",
                _labelled("ui.admin.organisation", rx.vstack(
                    rx.input(value=state.form_organisation, list="organisation-choices",
                             on_change=state.set_form_organisation,
                             placeholder=t("ui.admin.organisation_hint"),
                             id="user-organisation", width="100%"),
                    rx.el.datalist(
                        rx.foreach(state.organisation_choices,
                                   lambda org: rx.el.option(org["label"], value=org["code"])),
                        id="organisation-choices",
                    ),
                    width="100%",
                )),
            ),
            _labelled("ui.admin.language", rx.select.root(
                rx.select.trigger(width="100%", aria_label=t("ui.admin.language")),
                rx.select.content(*[
                    rx.select.item(_LANGUAGE_NAMES[code], value=code) for code in LANGUAGES
                ]),
                value=state.form_language, on_change=state.set_form_language)),
            rx.cond(state.form_error != "",
                    rx.callout(state.form_error, color_scheme="red", icon="triangle-alert",
                               id="user-error", width="100%")),
            rx.hstack(
                rx.button(t("ui.admin.save"), on_click=state.save, id="user-save"),
                rx.button(t("ui.admin.cancel"), variant="soft", color_scheme="gray",
                          on_click=state.close_editor),
                spacing="3",
            ),
            spacing="3",
            width="100%",
        ),
        width="100%",
        max_width="28rem",
    )


def users_page() -> rx.Component:
    state = AdminUsersState
    listing = rx.vstack(
        rx.hstack(
            rx.form(
                rx.hstack(
                    rx.input(name="search", placeholder=t("ui.admin.search"), width="18rem"),
                    rx.button(t("ui.admin.find"), type="submit", variant="soft"),
                    spacing="2",
                ),
                on_submit=state.find,
            ),
            rx.spacer(),
            rx.button(rx.icon("user-plus"), t("ui.admin.new_user"), on_click=state.new_account,
                      id="new-user"),
            width="100%",
        ),
        rx.table.root(
            rx.table.header(rx.table.row(
                rx.table.column_header_cell(t("ui.auth.login")),
                rx.table.column_header_cell(t("ui.admin.full_name")),
                rx.table.column_header_cell(t("ui.admin.role")),
                rx.table.column_header_cell(t("ui.admin.organisation")),
                rx.table.column_header_cell(t("ui.admin.status")),
                actions_header(),
            )),
            rx.table.body(rx.foreach(state.rows, _user_row)),
            width="100%",
            id="users-table",
        ),
        _pager(state),
        spacing="4",
        width="100%",
    )
    return page_shell(
        rx.vstack(
            rx.heading(t("ui.nav.users"), size="7"),
            rx.cond(
                state.denied,
                _no_access(),
                rx.flex(listing, rx.cond(state.editor_open, _editor()), spacing="5",
                        direction=rx.breakpoints(initial="column", lg="row"), width="100%"),
            ),
            spacing="4",
            width="100%",
        )
    )


# ---- audit log ---------------------------------------------------------------------------

def _audit_filter() -> rx.Component:
    state = AuditLogState
    return rx.form(
        rx.flex(
            _labelled("ui.audit.user", rx.input(name="login", default_value=state.login),
                      "12rem"),
            _labelled("ui.audit.record_type", rx.select.root(
                rx.select.trigger(width="100%", aria_label=t("ui.audit.record_type")),
                rx.select.content(
                    rx.select.item(t("ui.audit.any_record"), value=ANY_RECORD),
                    *[rx.select.item(kind, value=kind) for kind in RECORD_TYPES
                      if kind != ANY_RECORD],
                ),
                name="record_type", default_value=state.record_type), "12rem"),
            _labelled("ui.audit.record_id", rx.input(name="record_id",
                                                     default_value=state.record_id), "8rem"),
            *[_labelled(label, rx.vstack(
                rx.input(name=name, type="date", default_value=getattr(state, name),
                         on_change=lambda value, name=name: state.set_typed_day(name, value)),
                rx.text(spelled_day(getattr(state, name)), size="1", color_scheme="gray",
                        class_name="date-spelled"), spacing="1"), "10rem")
              for label, name in (("ui.audit.from", "date_from"), ("ui.audit.to", "date_to"))],
            rx.button(t("ui.admin.find"), type="submit", id="audit-search"),
            spacing="3",
            align="end",
            wrap="wrap",
        ),
        on_submit=state.search,
    )


def _audit_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["at"], white_space="nowrap"),
        rx.table.cell(rx.code(row["login"])),
        rx.table.cell(I18nState.messages[row["action_key"]]),
        rx.table.cell(row["record"]),
        rx.table.cell(row["organisation"]),
        rx.table.cell(I18nState.messages[row["outcome_key"]]),
        rx.table.cell(row["detail"]),
    )


def audit_page() -> rx.Component:
    state = AuditLogState
    return page_shell(
        rx.vstack(
            rx.heading(t("ui.nav.audit"), size="7"),
            rx.cond(
                state.denied,
                _no_access(),
                rx.vstack(
                    _audit_filter(),
                    rx.cond(state.query_error != "",
                            rx.callout(state.query_error, color_scheme="red",
                                       icon="triangle-alert")),
                    rx.table.root(
                        rx.table.header(rx.table.row(
                            rx.table.column_header_cell(t("ui.audit.at_utc")),
                            rx.table.column_header_cell(t("ui.audit.user")),
                            rx.table.column_header_cell(t("ui.audit.action")),
                            rx.table.column_header_cell(t("ui.audit.record")),
                            rx.table.column_header_cell(t("ui.audit.organisation")),
                            rx.table.column_header_cell(t("ui.audit.outcome")),
                            rx.table.column_header_cell(t("ui.audit.detail")),
                        )),
                        rx.table.body(rx.foreach(state.rows, _audit_row)),
                        width="100%",
                        id="audit-table",
                    ),
                    _pager(state),
                    spacing="4",
                    width="100%",
                ),
            ),
            spacing="4",
            width="100%",
        )
    )


def register(app: rx.App) -> None:
    app.add_page(users_page, route=USERS_ROUTE, title="Juvenile", on_load=AdminUsersState.load)
    app.add_page(audit_page, route=AUDIT_ROUTE, title="Juvenile", on_load=AuditLogState.load)
