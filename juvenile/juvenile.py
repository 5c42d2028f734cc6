"""The Reflex app: pages from ``juvenile.pages`` and the health route."""

import reflex as rx

from juvenile.health import health_api
from juvenile.pages import admin, auth, landing, student_card

app = rx.App(api_transformer=health_api)
landing.register(app)
auth.register(app)
admin.register(app)
student_card.register(app)
