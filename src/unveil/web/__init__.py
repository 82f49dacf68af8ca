"""The secure review workspace: server-rendered pages and the REST API over one store.

``create_app(settings)`` builds the ASGI application; nothing is read from the
environment or the disk at import time.  The server owns the DuckDB file while
it runs (DuckDB lets one process open a file at a time), so ``unveil analyze``
on the same file runs while the server is stopped, or through the API's batch
ingest.  See docs/web.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unveil.web.app import create_app
    from unveil.web.settings import Settings

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI is imported only when the workspace is used, so `import unveil.web.cli` stays light.
    if name == "create_app":
        from unveil.web.app import create_app

        return create_app
    if name == "Settings":
        from unveil.web.settings import Settings

        return Settings
    raise AttributeError(name)
