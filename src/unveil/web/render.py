"""Rendering pages with what every page needs (the user, the CSRF token, the current path)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from unveil.web.sessions import Session
from unveil.web.state import WebState
from unveil.web.urls import ad_url, image_url, network_url

__all__ = ["ad_url", "image_url", "network_url", "page"]


def page(request: Request, state: WebState, template: str, context: dict[str, Any], *,
         session: Session | None = None, status: int = 200, headers: Mapping[str, str] | None = None) -> HTMLResponse:
    """Render ``templates/pages/<template>`` with the common context."""
    ctx = {
        "request_path": request.url.path,
        "user": session.user if session else None,
        "csrf_token": session.csrf_token if session else "",
        **context,
    }
    html = state.env.get_template(f"pages/{template}").render(**ctx)
    return HTMLResponse(html, status_code=status, headers=headers)
