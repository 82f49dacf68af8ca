"""Security headers on every response, an access log without query strings or identifiers, and a last
catch for errors so that no traceback (whose message could quote ad text) reaches the server's log."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("unveil.web.access")
error_log = logging.getLogger("unveil.web")

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the headers above; pages and API answers are never cached (they show victims' data)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        start = time.perf_counter()
        status = 0

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in names]
                if not path.startswith("/static/") and b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            # Type and route only; the exception is not re-raised, so the server does not log it either.
            error_log.error("error %s on %s %s", type(exc).__name__, scope.get("method"), path[:200],
                            exc_info=error_log.isEnabledFor(logging.DEBUG))
            if not status:
                status = 500
                api = path.startswith("/api/")
                body = b'{"detail":"internal error"}' if api else b"<!doctype html><title>500</title><p>internal error"
                await send_with_headers({"type": "http.response.start", "status": 500, "headers": [
                    (b"content-type", b"application/json" if api else b"text/html; charset=utf-8"),
                    (b"content-length", str(len(body)).encode())]})
                await send_with_headers({"type": "http.response.body", "body": body})
        finally:
            # The path only: search terms travel in POST bodies, and ids are not identifiers.
            access_log.info("%s %s %d %.1fms", scope.get("method"), path[:200], status,
                            (time.perf_counter() - start) * 1000)
