"""The commission's composition (Art. 79 (4)): the chair, the deputy chairs, the
members and the secretary, current ones first; the quorum of a meeting counts the
current ones. The secretary adds a person and takes one out (or back in)."""

import reflex as rx

from juvenile.components.text import t
from juvenile.components.ui import actions_header, field, no_access, notice, page_header
from juvenile.pages.commission.common import MEMBERS, commission_page, section
from juvenile.state.commission.members import MembersState as S


def _member(member: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(member.full_name, weight="medium", size="2",
                              color=rx.cond(member.active, rx.color("gray", 12),
                                            rx.color("gray", 10)))),
        rx.table.cell(member.position),
        rx.table.cell(rx.cond(
            member.active,
            rx.badge(t("ui.commission.members.current"), color_scheme="teal", variant="soft"),
            rx.badge(t("ui.commission.members.former"), color_scheme="gray", variant="soft"))),
        rx.cond(S.may_change, rx.table.cell(rx.cond(
            member.active,
            rx.button(t("ui.commission.members.take_out"), size="1", variant="soft",
                      color_scheme="gray", on_click=S.set_active(member.member_id, False),
                      id="member-out-" + member.member_id),
            rx.button(t("ui.commission.members.bring_back"), size="1", variant="soft",
                      on_click=S.set_active(member.member_id, True),
                      id="member-in-" + member.member_id)))),
        class_name=rx.cond(member.active, "member-row", "member-row former"),
    )


def _add_form() -> rx.Component:
    return section(
        "ui.commission.members.add_title",
        rx.hstack(
            rx.box(field("ui.commission.members.full_name",
                         rx.input(value=S.new_name, on_change=S.set_new_name,
                                  id="member-name", width="100%"),
                         S.name_error), flex="1"),
            rx.box(field("ui.commission.members.position",
                         rx.select.root(
                             rx.select.trigger(id="member-position", width="100%",
                                               aria_label=t("ui.commission.members.position")),
                             rx.select.content(rx.foreach(S.position_options, lambda o:
                                                          rx.select.item(o["label"],
                                                                         value=o["value"]))),
                             value=S.new_position, on_change=S.set_new_position)),
                   width="16rem"),
            rx.button(rx.icon("user-plus", size=14), t("ui.commission.members.add"),
                      on_click=S.add, id="member-add", margin_top="1.6rem"),
            spacing="3",
            align="start",
            width="100%",
        ),
    )


def members_page() -> rx.Component:
    return commission_page(
        MEMBERS, S,
        rx.cond(
            S.denied,
            no_access(),
            rx.vstack(
                page_header("ui.commission.members.title",
                            subtitle=t("ui.commission.members.subtitle")),
                notice(S.error),
                rx.cond(S.may_change, _add_form()),
                rx.table.root(
                    rx.table.header(rx.table.row(
                        rx.table.column_header_cell(t("ui.commission.members.full_name")),
                        rx.table.column_header_cell(t("ui.commission.members.position")),
                        rx.table.column_header_cell(t("ui.commission.members.status")),
                        rx.cond(S.may_change, actions_header()),
                    )),
                    rx.table.body(rx.foreach(S.members, _member)),
                    width="100%", size="1", variant="surface", id="members-table",
                ),
                spacing="4",
                width="100%",
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(members_page, route=MEMBERS, title="Juvenile", on_load=S.load)
