"""GET /api/health: the portal and its database answer (for tests and monitors)."""

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from juvenile import db


async def health(_request: Request) -> JSONResponse:
    try:
        with db.begin() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:  # any failure means "not healthy"; the reason stays in the server log
        return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})


health_api = Starlette(routes=[Route("/api/health", health, methods=["GET"])])
