"""The referral inbox: the referrals schools escalated after a refusal (Art. 78 (4))."""

import reflex as rx

from juvenile.components.text import t
from juvenile.components.ui import empty_state, no_access, page_header, pager
from juvenile.pages.commission.common import INBOX, commission_page, status_badge
from juvenile.state.commission.inbox import STATUSES
from juvenile.state.commission.inbox import InboxState as S

ROUTE = INBOX


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row["name"], href="/commission/referrals/" + row["id"],
                              weight="medium", class_name="referral-link")),
        rx.table.cell(rx.text(row["school"], size="2"),
                      rx.text(row["school_code"], size="1", color_scheme="gray"),
                      class_name="referral-school"),
        rx.table.cell(row["referred"], white_space="nowrap"),
        rx.table.cell(status_badge(row["status"], row["status_label"])),
    )


def _table() -> rx.Component:
    return rx.cond(
        S.total > 0,
        rx.vstack(
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(t("ui.commission.inbox.student")),
                    rx.table.column_header_cell(t("ui.commission.inbox.school")),
                    rx.table.column_header_cell(t("ui.commission.inbox.referred")),
                    rx.table.column_header_cell(t("ui.commission.inbox.status")),
                )),
                rx.table.body(rx.foreach(S.rows, _row)),
                width="100%", variant="surface", id="inbox-table",
            ),
            pager(S.page, S.pages, S.total, S.previous_page, S.next_page),
            width="100%",
        ),
        rx.cond(S.loaded, rx.match(
            S.status,
            ("new", empty_state("inbox", "ui.commission.inbox.empty.new",
                                rx.link(t("ui.commission.inbox.to_meetings"),
                                        href="/commission/meetings"))),
            ("on_agenda", empty_state("calendar-days", "ui.commission.inbox.empty.on_agenda",
                                      rx.link(t("ui.commission.inbox.to_meetings"),
                                              href="/commission/meetings"))),
            empty_state("folder-check", "ui.commission.inbox.empty.done"),
        )),
    )


def inbox_page() -> rx.Component:
    return commission_page(
        ROUTE, S,
        rx.cond(
            S.denied,
            no_access(),
            rx.vstack(
                page_header("ui.commission.inbox.title",
                            subtitle=t("ui.commission.inbox.subtitle")),
                rx.tabs.root(
                    rx.tabs.list(*[rx.tabs.trigger(S.tab_labels[status], value=status,
                                                   id=f"inbox-tab-{status}")
                                   for status in STATUSES]),
                    # one panel, the chosen tab's, which the tabs control
                    rx.tabs.content(_table(), value=S.status, padding_top="1rem"),
                    value=S.status,
                    on_change=S.set_status,
                    width="100%",
                ),
                spacing="4",
                width="100%",
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(inbox_page, route=ROUTE, title="Juvenile", on_load=S.load)
