"""One referral's case packet: student, representatives, criteria with evidence, the
council's decision, and the meetings that considered it (Art. 78 (4), Art. 79)."""

import reflex as rx

from juvenile.components.text import t
from juvenile.components.ui import no_access
from juvenile.pages.commission.common import INBOX, commission_page, section, status_badge
from juvenile.state.commission.referral import PacketState as S

ROUTE = "/commission/referrals/[referral_id]"


def _lines(rows: rx.Var) -> rx.Component:
    return rx.data_list.root(
        rx.foreach(rows, lambda row: rx.data_list.item(
            rx.data_list.label(row["label"], min_width="11rem"),
            rx.data_list.value(row["value"]))),
        size="2",
    )


def _criterion(row: rx.Var) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.badge(row["number"], color_scheme="amber", variant="solid"),
            rx.text(row["name"], weight="medium", size="2"),
            rx.cond(row["sensitive"] != "",
                    rx.badge(rx.icon("eye-off", size=12), t("ui.commission.packet.sensitive"),
                             color_scheme="red", variant="soft", class_name="sensitive")),
            align="center", spacing="2", wrap="wrap",
        ),
        rx.text(row["article"], " · ", t("ui.commission.packet.noticed"), " ", row["noticed"],
                size="1", color_scheme="gray"),
        rx.text(row["evidence"], size="2", white_space="pre-wrap"),
        padding_y="0.5rem",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        width="100%",
    )


def _steps() -> rx.Component:
    return section(
        "ui.commission.packet.meetings",
        rx.cond(
            S.steps.length() > 0,
            rx.vstack(rx.foreach(S.steps, lambda s: rx.vstack(
                rx.hstack(rx.link(s["meeting"], href="/commission/meetings/" + s["meeting_id"],
                                  weight="medium", size="2"),
                          status_badge(s["status"], s["status_label"]), align="center",
                          wrap="wrap"),
                rx.cond(s["decision"] != "", rx.text(s["decision"], size="2")),
                rx.cond(s["follow_up"] != "", rx.text(s["follow_up"], size="1",
                                                      color_scheme="gray")),
                spacing="1")), spacing="3", width="100%", id="packet-steps"),
            rx.text(t("ui.commission.packet.no_meeting"), size="2", color_scheme="gray"),
        ),
    )


def packet_page() -> rx.Component:
    return commission_page(
        INBOX, S,
        rx.cond(
            S.denied,
            no_access(),
            rx.cond(
                S.loaded,
                rx.vstack(
                    rx.hstack(
                        rx.vstack(
                            rx.link(rx.hstack(rx.icon("arrow-left", size=14),
                                              t("ui.commission.packet.back"), align="center",
                                              spacing="1"),
                                    href=INBOX, size="2", color_scheme="gray"),
                            rx.heading(S.student_name, size="6", id="packet-student"),
                            rx.text(t("ui.commission.packet.referred"), " ", S.referred,
                                    size="2", color_scheme="gray"),
                            spacing="1",
                        ),
                        rx.spacer(),
                        status_badge(S.status, S.status_label, size="2"),
                        width="100%", align="start",
                    ),
                    rx.grid(
                        rx.vstack(
                            section("ui.commission.packet.student", _lines(S.student)),
                            section("ui.commission.packet.representatives", rx.cond(
                                S.representatives.length() > 0,
                                rx.vstack(rx.foreach(S.representatives, lambda r: rx.text(
                                    rx.text(r["name"], weight="medium", as_="span"), " · ",
                                    r["relation"], " · ", r["phone"], size="2")), spacing="1"),
                                rx.text(t("ui.commission.packet.none"), size="2",
                                        color_scheme="gray"))),
                            section("ui.commission.packet.council", _lines(S.council),
                                    rx.cond(S.council_members.length() > 0, rx.text(
                                        t("ui.commission.packet.council_members"), ": ",
                                        S.council_members.join(", "), size="1",
                                        color_scheme="gray"))),
                            _steps(),
                            spacing="4", width="100%",
                        ),
                        section("ui.commission.packet.criteria", rx.cond(
                            S.criteria.length() > 0,
                            rx.vstack(rx.foreach(S.criteria, _criterion), spacing="0",
                                      width="100%", id="packet-criteria"),
                            rx.text(t("ui.commission.packet.none"), size="2",
                                    color_scheme="gray"))),
                        columns="2", spacing="4", width="100%", align="start",
                        style={"grid_template_columns": "1fr 1.2fr"},
                    ),
                    spacing="4", width="100%",
                ),
                rx.center(rx.spinner(size="3"), padding="3rem"),
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(packet_page, route=ROUTE, title="Juvenile", on_load=S.load)
