"""Reflex configuration: nothing here calls out of the closed network.

The database is the project's own (``juvenile.db``, migrated by Alembic through
``juvenile db upgrade``), so Reflex is given no ``db_url`` of its own.
"""

import reflex as rx

from juvenile import settings

config = rx.Config(
    app_name="juvenile",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    redis_url=settings.redis_url(),
    frontend_port=settings.port(),
    backend_port=settings.port(),
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="teal", gray_color="slate", radius="medium"),
        ),
    ],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
