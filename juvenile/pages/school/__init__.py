"""The school workspace: the psychologist's and the school administration's screens."""

import reflex as rx

from juvenile.pages.school import (
    absences,
    case,
    council,
    dashboard,
    flag_form,
    imports,
    student_card,
)
from juvenile.pages.school import register as student_register

ROUTES = ("/school",)  # the area's front page, which replaces the landing placeholder


def register(app: rx.App) -> None:
    for module in (dashboard, student_register, student_card, imports, absences, flag_form,
                   case, council):
        module.register(app)
