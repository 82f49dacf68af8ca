"""Browser sessions kept in the store, so logout and account changes end them at once.

The cookie carries a random 256-bit id; the store keeps only its SHA-256, the
user, an expiry and the session's CSRF token.  Cookies are ``HttpOnly``,
``SameSite=Lax`` and ``Secure`` whenever the request came over TLS.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from unveil.store import Store
from unveil.store.store import utcnow
from unveil.web.users import User

COOKIE = "unveil_session"


@dataclass(frozen=True, slots=True)
class Session:
    user: User
    csrf_token: str
    session_hash: str


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


def create_session(store: Store, user: User, hours: float, client: str | None) -> str:
    """Start a session; returns the id to put in the cookie."""
    session_id = secrets.token_urlsafe(32)
    now = utcnow()
    store.engine.execute(
        "INSERT INTO sessions (session_hash, username, csrf_token, created_at, expires_at, client) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [_hash(session_id), user.username, secrets.token_urlsafe(32), now, now + timedelta(hours=hours), client],
    )
    return session_id


def load_session(store: Store, session_id: str | None) -> Session | None:
    """The live session of an enabled user for this cookie value, or ``None``."""
    if not session_id or len(session_id) > 128:
        return None
    rows = store.rows(
        "SELECT s.session_hash, s.csrf_token, u.username, u.role, u.disabled FROM sessions s "
        "JOIN users u ON u.username = s.username WHERE s.session_hash = ? AND s.expires_at > ?",
        [_hash(session_id), utcnow()],
    )
    if not rows or rows[0]["disabled"]:
        return None
    r = rows[0]
    return Session(User(r["username"], r["role"], False), r["csrf_token"], r["session_hash"])


def end_session(store: Store, session_id: str | None) -> None:
    if session_id:
        store.engine.execute("DELETE FROM sessions WHERE session_hash = ?", [_hash(session_id)])


def purge_expired(store: Store) -> None:
    store.engine.execute("DELETE FROM sessions WHERE expires_at <= ?", [utcnow()])
