"""The education department's workspace: the quarterly analysis and its drill-down."""

import reflex as rx

from juvenile.pages.analysis import school, screen

ROUTES = (screen.ROUTE,)  # the area's front page, which replaces the landing placeholder


def register(app: rx.App) -> None:
    screen.register(app)
    school.register(app)
