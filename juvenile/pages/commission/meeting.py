"""One commission meeting: the agenda builder, attendance with the live quorum, hearing
notes and decisions per question, the minutes and the documents (Art. 79).

Members see the same page without any control that changes it.
"""

import reflex as rx

from juvenile.components.dates import date_input
from juvenile.components.text import t
from juvenile.components.ui import empty_state, field, label_for, label_id, no_access, notice
from juvenile.pages.commission.common import MEETINGS, commission_page, section, status_badge
from juvenile.state.commission.meeting import MeetingState as S

ROUTE = "/commission/meetings/[meeting_id]"
_MINUTES_COLORS = {"draft": "gray", "approved": "green", "amendment": "amber"}


def _select(value: rx.Var, options: rx.Var, on_change, select_id: str,
            placeholder_key: str, **props) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(id=select_id, placeholder=t(placeholder_key), width="100%",
                          aria_label=t(placeholder_key)),
        rx.select.content(rx.foreach(options, lambda o: rx.select.item(o["label"],
                                                                       value=o["value"]))),
        value=value,
        on_change=on_change,
        **props,
    )


# ---- the header ------------------------------------------------------------------------

def _header() -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(S.commission, " · ", S.area, size="2", color_scheme="gray"),
            rx.heading(S.title, size="6", id="meeting-title"),
            rx.hstack(
                status_badge(S.status, S.status_label),
                rx.match(S.minutes_state,
                         *[(state, rx.badge(rx.icon("file-text", size=12), S.minutes_badge,
                                            color_scheme=color, variant="soft",
                                            id="minutes-state"))
                           for state, color in _MINUTES_COLORS.items()]),
                rx.cond(S.place != "", rx.hstack(
                    rx.icon("map-pin", size=14, color=rx.color("gray", 10)),
                    rx.text(S.place, size="2", color_scheme="gray"), spacing="1",
                    align="center")),
                spacing="2", align="center", wrap="wrap",
            ),
            spacing="1",
        ),
        rx.spacer(),
        rx.button(rx.icon("file-down", size=16), t("ui.commission.meeting.agenda_pdf"),
                  variant="soft", on_click=S.download_agenda, id="meeting-agenda-pdf"),
        rx.cond(S.may_edit & (S.minutes_state != "approved"),
                rx.button(rx.icon("file-pen", size=16), t("ui.commission.meeting.draft_pdf"),
                          variant="soft", on_click=S.download_draft,
                          id="meeting-minutes-draft")),
        width="100%",
        align="start",
        spacing="2",
    )


# ---- the agenda ------------------------------------------------------------------------

def _text_field(label_key: str, blocked: rx.Var) -> rx.Component:
    """The decision's text, or the reason for postponing (Art. 79)."""
    return field(label_key,
                 rx.text_area(value=S.form["text"], id="item-text", rows="2", disabled=blocked,
                              on_change=lambda v: S.set_form("text", v)),
                 S.item_errors["text"])


def _decision_controls() -> rx.Component:
    blocked = S.decisions_blocked != ""
    return rx.vstack(
        rx.cond(blocked, rx.callout(S.decisions_blocked, icon="users", color_scheme="amber",
                                    size="1", width="100%", id="decisions-blocked")),
        field("ui.commission.item.decision",
              _select(S.form["type"], S.decision_options, lambda v: S.set_form("type", v),
                      "item-decision-type", "ui.commission.item.choose_decision",
                      disabled=blocked),
              S.item_errors["type"]),
        rx.cond(S.follow_up, rx.grid(
            field("ui.commission.item.executor",
                  rx.input(value=S.form["executor"], id="item-executor", disabled=blocked,
                           on_change=lambda v: S.set_form("executor", v)),
                  S.item_errors["executor"]),
            field("ui.commission.item.due",
                  date_input(S.form["due"], id="item-due", disabled=blocked,
                           on_change=lambda v: S.set_form("due", v)),
                  S.item_errors["due"]),
            columns="2", spacing="3", width="100%", style={"grid_template_columns": "2fr 1fr"},
        )),
        rx.cond(S.postponing, field(
            "ui.commission.item.target",
            rx.cond(S.target_options.length() > 0,
                    _select(S.form["target"], S.target_options,
                            lambda v: S.set_form("target", v), "item-target",
                            "ui.commission.item.choose_meeting", disabled=blocked),
                    rx.text(t("ui.commission.item.no_later_meeting"), size="2",
                            color_scheme="gray")),
            S.item_errors["target"])),
        rx.cond(S.postponing, _text_field("ui.commission.item.reason", blocked),
                _text_field("ui.commission.item.text", blocked)),
        rx.button(rx.icon("gavel", size=16), t("ui.commission.item.save_decision"),
                  on_click=S.save_decision, disabled=blocked, id="item-save-decision"),
        spacing="3",
        width="100%",
    )


def _item_form() -> rx.Component:
    return rx.vstack(
        rx.divider(),
        field("ui.commission.item.notes",
              rx.text_area(value=S.form["notes"], id="item-notes", rows="3",
                           placeholder=t("ui.commission.item.notes_hint"),
                           on_change=lambda v: S.set_form("notes", v)),
              S.item_errors["notes"]),
        rx.button(t("ui.commission.item.save_notes"), size="1", variant="soft",
                  on_click=S.save_notes, id="item-save-notes"),
        _decision_controls(),
        notice(S.item_errors["general"]),
        rx.button(t("ui.commission.form.cancel"), variant="ghost", color_scheme="gray",
                  size="1", on_click=S.close_item),
        spacing="3",
        width="100%",
    )


def _outcome(item: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.cond(item["notes"] != "",
                rx.text(rx.text(t("ui.commission.item.notes"), ": ", weight="medium",
                                as_="span"), item["notes"], size="2", white_space="pre-wrap")),
        rx.cond(item["decision"] != "", rx.box(
            rx.hstack(rx.icon("gavel", size=14), rx.text(item["decision"], weight="bold",
                                                         size="2"), spacing="1", align="center"),
            rx.cond(item["decision_text"] != "", rx.text(item["decision_text"], size="2")),
            rx.cond(item["executor"] != "", rx.text(
                t("ui.commission.item.executor"), ": ", item["executor"], " · ",
                t("ui.commission.item.due"), ": ", item["due"], size="2",
                class_name="item-follow-up")),
            class_name="item-decision",
        )),
        rx.cond(item["postponed"] != "", rx.hstack(
            rx.icon("calendar-clock", size=14),
            rx.text(item["postponed"], ". ", item["decision_text"], size="2"),
            spacing="1", align="center", color=rx.color("orange", 11))),
        spacing="1",
        width="100%",
    )


def _item_controls(item: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="ghost",
                       disabled=item["first"] != "", on_click=S.move(item["id"], -1),
                       aria_label=t("ui.commission.agenda.up"), class_name="item-up"),
        rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="ghost",
                       disabled=item["last"] != "", on_click=S.move(item["id"], 1),
                       aria_label=t("ui.commission.agenda.down"), class_name="item-down"),
        rx.cond(item["open"] != "", rx.icon_button(
            rx.icon("trash-2", size=14), size="1", variant="ghost", color_scheme="red",
            on_click=S.remove(item["id"]), aria_label=t("ui.commission.agenda.remove"),
            class_name="item-remove")),
        spacing="1",
    )


def _agenda_item(item: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.badge(item["position"], variant="solid", radius="full"),
                rx.badge(item["kind_label"], variant="outline", color_scheme="gray"),
                status_badge(item["status"], item["status_label"]),
                rx.spacer(),
                rx.cond(S.may_edit, _item_controls(item)),
                width="100%", align="center", spacing="2",
            ),
            rx.cond(item["referral_id"] != "",
                    rx.link(item["question"], href="/commission/referrals/" + item["referral_id"],
                            size="2", weight="medium", high_contrast=True),
                    rx.text(item["question"], size="2", weight="medium")),
            _outcome(item),
            rx.cond(
                S.may_edit & (item["open"] != ""),
                rx.cond(S.active_item == item["id"], _item_form(),
                        rx.button(rx.icon("pen-line", size=14), t("ui.commission.item.record"),
                                  size="1", variant="soft", on_click=S.open_item(item["id"]),
                                  class_name="item-record")),
            ),
            rx.cond(S.may_approve & (S.minutes_state == "approved") & (item["open"] == ""),
                    rx.button(rx.icon("file-down", size=14), t("ui.commission.item.extract"),
                              size="1", variant="ghost", class_name="item-extract",
                              on_click=S.download_extract(item["id"]))),
            spacing="2",
            width="100%",
        ),
        width="100%",
        class_name="agenda-item",
    )


def _add_form() -> rx.Component:
    return section(
        "ui.commission.agenda.add",
        rx.segmented_control.root(
            rx.segmented_control.item(t("ui.commission.agenda.kind.referral"), value="referral"),
            rx.segmented_control.item(t("ui.commission.agenda.kind.rehabilitation_review"),
                                      value="rehabilitation_review"),
            rx.segmented_control.item(t("ui.commission.agenda.kind.other"), value="other"),
            value=S.add_kind, on_change=lambda v: S.set_add("kind", v), size="1",
            id="agenda-add-kind", width="100%",
        ),
        rx.match(
            S.add_kind,
            ("referral", rx.cond(
                S.referral_options.length() > 0,
                _select(S.add_choice, S.referral_options, lambda v: S.set_add("choice", v),
                        "agenda-add-choice", "ui.commission.agenda.choose_referral"),
                rx.text(t("ui.commission.agenda.no_referrals"), size="2", color_scheme="gray"))),
            ("rehabilitation_review", rx.cond(
                S.review_options.length() > 0,
                _select(S.add_choice, S.review_options, lambda v: S.set_add("choice", v),
                        "agenda-add-choice", "ui.commission.agenda.choose_review"),
                rx.text(t("ui.commission.agenda.no_reviews"), size="2", color_scheme="gray"))),
            rx.fragment(),
        ),
        rx.input(value=S.add_title, on_change=lambda v: S.set_add("title", v),
                 placeholder=rx.cond(S.add_kind == "other", t("ui.commission.agenda.title"),
                                     t("ui.commission.agenda.note")),
                 id="agenda-add-title", width="100%"),
        rx.cond(S.add_error != "", rx.text(S.add_error, color_scheme="red", size="1",
                                           role="alert")),
        rx.button(rx.icon("list-plus", size=16), t("ui.commission.agenda.add_button"),
                  on_click=S.add_item, id="agenda-add"),
    )


def _agenda() -> rx.Component:
    return rx.vstack(
        rx.heading(t("ui.commission.agenda.title_heading"), size="4"),
        notice(S.item_notice, "amber"),
        rx.cond(
            S.items.length() > 0,
            rx.vstack(rx.foreach(S.items, _agenda_item), spacing="3", width="100%",
                      id="meeting-agenda"),
            rx.cond(S.may_edit, empty_state("list-plus", "ui.commission.agenda.empty"),
                    empty_state("list", "ui.commission.agenda.empty_member")),
        ),
        rx.cond(S.may_edit, _add_form()),
        spacing="3",
        width="100%",
    )


# ---- attendance and the minutes --------------------------------------------------------------

def _member(member: rx.Var) -> rx.Component:
    present = S.present.contains(member["id"])
    return rx.hstack(
        rx.checkbox(checked=present, id="present-" + member["id"],
                    aria_labelledby=label_id("present-" + member["id"]),
                    on_change=lambda checked: S.toggle_present(member["id"], checked)),
        rx.vstack(
            label_for("present-" + member["id"], member["name"], size="2", weight="medium"),
            rx.text(member["position"], size="1", color_scheme="gray"),
            spacing="0",
            flex="1",
            min_width="0",
        ),
        rx.cond(~present, rx.input(
            value=S.reasons[member["id"]].to(str), size="1", width="9.5rem",
            placeholder=t("ui.commission.attendance.reason"), class_name="absence-reason",
            on_change=lambda v: S.set_reason(member["id"], v))),
        align="center",
        spacing="2",
        width="100%",
        class_name="attendance-member",
    )


def _attendance() -> rx.Component:
    return section(
        "ui.commission.attendance.title",
        rx.cond(S.attendance_recorded,
                rx.callout(S.quorum_text, icon=rx.cond(S.quorum_reached, "circle-check",
                                                       "circle-alert"),
                           color_scheme=rx.cond(S.quorum_reached, "green", "red"), size="1",
                           width="100%", id="quorum-state"),
                rx.text(S.quorum_text, size="2", color_scheme="gray", id="quorum-state")),
        rx.cond(
            S.may_edit,
            rx.vstack(
                rx.vstack(rx.foreach(S.members, _member), spacing="2", width="100%"),
                rx.callout(S.live_text, icon="users", size="1", width="100%",
                           color_scheme=rx.cond(S.live_reached, "teal", "gray"),
                           variant="outline", id="quorum-live"),
                rx.cond(S.attendance_error != "", rx.text(S.attendance_error, color_scheme="red",
                                                          size="1", role="alert")),
                rx.button(rx.icon("user-check", size=16), t("ui.commission.attendance.save"),
                          on_click=S.save_attendance, id="attendance-save"),
                spacing="3", width="100%",
            ),
            rx.vstack(rx.foreach(S.members, lambda m: rx.hstack(
                rx.vstack(rx.text(m["name"], size="2", weight="medium"),
                          rx.text(m["position"], size="1", color_scheme="gray"), spacing="0",
                          flex="1", min_width="0"),
                rx.text(m["recorded"], size="1", align="right", max_width="50%"),
                width="100%", align="center")), spacing="2", width="100%",
                id="attendance-list"),
        ),
    )


def _version(version: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(version["label"], size="2", weight="medium"),
            rx.cond(version["reason"] != "", rx.text(version["reason"], size="1")),
            rx.tooltip(rx.code("SHA-256 " + version["sha256"], size="1", variant="ghost"),
                       content=version["sha256_full"]),
            spacing="0",
        ),
        rx.spacer(),
        rx.button(rx.icon("file-down", size=14), "PDF", size="1", variant="soft",
                  on_click=S.download_version(version["number"]),
                  class_name="minutes-version-download"),
        width="100%",
        align="center",
    )


def _minutes() -> rx.Component:
    return section(
        "ui.commission.minutes.title",
        rx.text(S.minutes_label, size="2", id="minutes-label"),
        rx.cond(S.may_approve & (S.minutes_state != "approved"), rx.vstack(
            rx.text(t("ui.commission.minutes.approve_hint"), size="1", color_scheme="gray"),
            rx.button(rx.icon("stamp", size=16), t("ui.commission.minutes.approve"),
                      color_scheme="green", on_click=S.approve, id="minutes-approve"),
            spacing="2", width="100%")),
        rx.cond(S.may_approve & (S.minutes_state == "approved"), rx.vstack(
            rx.text(t("ui.commission.minutes.locked_hint"), size="1", color_scheme="gray"),
            rx.text_area(value=S.amendment_reason, on_change=S.set_amendment_reason, rows="2",
                         placeholder=t("ui.commission.minutes.amendment_placeholder"),
                         id="minutes-amend-reason", width="100%"),
            rx.button(rx.icon("file-pen-line", size=16), t("ui.commission.minutes.amend"),
                      variant="soft", color_scheme="amber", on_click=S.amend,
                      id="minutes-amend"),
            spacing="2", width="100%")),
        rx.cond(S.minutes_error != "", rx.text(S.minutes_error, color_scheme="red", size="1",
                                               role="alert", id="minutes-error")),
        rx.cond(S.versions.length() > 0,
                rx.vstack(rx.foreach(S.versions, _version), spacing="2", width="100%",
                          id="minutes-versions"),
                rx.cond(~S.may_approve, rx.text(t("ui.commission.minutes.not_yet"), size="2",
                                                color_scheme="gray"))),
    )


def meeting_page() -> rx.Component:
    return commission_page(
        MEETINGS, S,
        rx.cond(
            S.denied,
            no_access(),
            rx.cond(
                S.loaded,
                rx.vstack(
                    _header(),
                    rx.box(notice(S.record_changed), id="meeting-changed",
                           width="100%"),
                    rx.grid(
                        _agenda(),
                        rx.vstack(_attendance(), _minutes(), spacing="4", width="100%"),
                        columns="2", spacing="4", width="100%",
                        style={"grid_template_columns": "1.55fr 1fr"},
                    ),
                    spacing="4",
                    width="100%",
                ),
                rx.center(rx.spinner(size="3"), padding="3rem"),
            ),
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(meeting_page, route=ROUTE, title="Juvenile", on_load=S.load)
