"""Small page parts shared by every workspace: headers, fields, badges, pagers, empty states.

Texts are passed as catalog keys (``t``) or ready Vars; nothing here holds state.
"""

import reflex as rx
from reflex_components_core.el.elements.forms import Input as HtmlInput
from reflex_components_radix.themes.components.radio_group import RadioGroupRoot

from juvenile.components.text import t


def page_header(
    title_key: str, *actions: rx.Component, subtitle: rx.Var | str = ""
) -> rx.Component:
    """The page's title, an optional line under it, and its main actions on the right."""
    return rx.hstack(
        rx.vstack(
            rx.heading(t(title_key), size="6"),
            rx.cond(subtitle != "", rx.text(subtitle, color_scheme="gray", size="2")),
            spacing="1",
        ),
        rx.spacer(),
        *actions,
        align="end",
        width="100%",
        padding_bottom="1rem",
    )


def label_id(control_id: rx.Var | str) -> rx.Var | str:
    """The id of the label of the control with that id: a checkbox, which is a
    button, is named through ``aria_labelledby=label_id(...)``."""
    return control_id + "-label"


def label_for(control_id: rx.Var | str, *children, **props) -> rx.Component:
    """A text that labels the control with that id. (Radix's Text turns ``html_for``
    into a style, so the attribute is given as such.)"""
    return rx.text(*children, as_="label", id=label_id(control_id),
                   custom_attrs={"htmlFor": control_id}, **props)


def _labels_itself(control: rx.Component) -> bool:
    """A radio group, or a checkbox with its own text (Reflex wraps it in a label):
    another label around it would pick its first button, or nest labels."""
    return isinstance(control, RadioGroupRoot) or str(getattr(control, "as_", "")) == '"label"'


def field(label_key: str, control: rx.Component, error: rx.Var | str = "",
          hint_key: str | None = None) -> rx.Component:
    """A labelled form control with its server-side error right under it.

    The label wraps the control, so that a screen reader names it and a click on
    the label focuses it; a select's trigger, a button, still needs its own
    ``aria_label``, which axe-core asks of every button. Radio buttons and a
    checkbox with its own text go in a fieldset named by its legend instead.
    """
    caption = rx.text(t(label_key), as_="span", size="2", weight="medium")
    grouped = (rx.el.fieldset(rx.el.legend(caption, padding="0", margin_bottom="var(--space-1)"),
                              control, border="0", padding="0", margin="0", min_width="0",
                              width="100%")
               if _labels_itself(control) else
               rx.el.label(caption, control, display="flex", flex_direction="column",
                           gap="var(--space-1)", width="100%"))
    return rx.vstack(
        grouped,
        rx.cond(
            error != "",
            rx.text(error, color_scheme="red", size="1", role="alert"),
            rx.text(t(hint_key), color_scheme="gray", size="1") if hint_key else rx.fragment(),
        ),
        spacing="1",
        width="100%",
        align="stretch",
    )


def _file_inputs(component: rx.Component):
    if isinstance(component, HtmlInput) and str(getattr(component, "type", "")) == '"file"':
        yield component
    for child in component.children:
        yield from _file_inputs(child)


def drop_zone(upload_id: str, on_drop, accept: dict, choose_key: str, *notes: rx.Component,
              heading: rx.Component | None = None) -> rx.Component:
    """A zone to drop one CSV or XLSX file on, or to click and choose it, with the
    columns it expects in ``notes``. Its hidden file input is named by the choose
    button's text, so that a screen reader announces it."""
    zone = rx.upload.root(
        rx.vstack(
            rx.icon("file-spreadsheet", size=32, color=rx.color("teal", 9)),
            heading or rx.fragment(),
            rx.button(t(choose_key), variant="soft", size="2"),
            *notes,
            align="center",
            spacing="2",
        ),
        id=upload_id, accept=accept, max_files=1, multiple=False, on_drop=on_drop,
        border=f"2px dashed {rx.color('teal', 7)}", border_radius="10px", padding="1.5rem",
        width="100%", cursor="pointer",
    )
    for file_input in _file_inputs(zone):
        file_input.custom_attrs["aria-label"] = t(choose_key)
    return zone


def actions_header() -> rx.Component:
    """The header of a table's column of buttons: named for screen readers only."""
    return rx.table.column_header_cell(rx.text(t("ui.table.actions"), as_="span",
                                               class_name="visually-hidden"))


def empty_state(icon: str, message_key: str, *actions: rx.Component) -> rx.Component:
    """What an empty list shows: why it is empty and what to do next."""
    return rx.center(
        rx.vstack(
            rx.icon(icon, size=32, color=rx.color("gray", 9)),
            rx.text(t(message_key), color_scheme="gray", align="center", max_width="32rem"),
            *actions,
            align="center",
            spacing="3",
        ),
        padding="2.5rem",
        width="100%",
        border=f"1px dashed {rx.color('gray', 6)}",
        border_radius="8px",
    )


def pager(page: rx.Var, page_count: rx.Var, total: rx.Var, on_previous, on_next) -> rx.Component:
    """Previous / next for a list paged on the server, with "page X of Y · N in all"."""
    return rx.hstack(
        rx.text(
            t("ui.pager.page"), " ", page, " / ", page_count, " · ", total, " ",
            t("ui.pager.in_all"),
            size="2",
            color_scheme="gray",
        ),
        rx.spacer(),
        rx.button(rx.icon("chevron-left", size=16), t("ui.pager.previous"),
                  variant="soft", size="1", on_click=on_previous, disabled=page <= 1),
        rx.button(t("ui.pager.next"), rx.icon("chevron-right", size=16),
                  variant="soft", size="1", on_click=on_next, disabled=page >= page_count),
        width="100%",
        align="center",
        padding_top="0.75rem",
    )


def notice(message: rx.Var, color: str = "red") -> rx.Component:
    """A callout for a refusal or a confirmation, shown only when there is a message."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="info", color_scheme=color, size="1", width="100%",
                   role="alert" if color == "red" else "status"),
    )


def no_access() -> rx.Component:
    """One message for "no such record" and "not yours", so neither leaks."""
    return empty_state("shield-off", "ui.common.not_found_or_no_access",
                       rx.link(t("ui.common.back_home"), href="/"))
