"""The Reflex app: pages from ``juvenile.pages`` and the health route."""

import reflex as rx

from juvenile.health import health_api
from juvenile.pages import (
    admin,
    admin_config,
    analysis,
    auth,
    commission,
    landing,
    school,
)

# accessibility.css: colours at WCAG AA contrast; text for screen readers only
app = rx.App(api_transformer=health_api, stylesheets=["/accessibility.css"])
landing.register(
    app,
    replaced=(*school.ROUTES, *commission.ROUTES, *analysis.ROUTES, *admin_config.ROUTES),
)
auth.register(app)
admin.register(app)
admin_config.register(app)
school.register(app)
commission.register(app)
analysis.register(app)
