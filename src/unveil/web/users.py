"""Accounts and API tokens: creation, password checks, roles.

Passwords are hashed with argon2id (``argon2-cffi`` defaults).  API tokens are
random 256-bit strings, so a plain SHA-256 is enough to store them: only the
hash is kept and the token is shown once.  Used by the CLI (``unveil users``)
while the server is stopped, and by the admin pages while it runs.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from unveil.errors import UnveilError
from unveil.store import Store
from unveil.store.store import utcnow

ROLES = ("viewer", "analyst", "admin")  # in increasing order of rights
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 10
TOKEN_PREFIX = "unv_"

_hasher = PasswordHasher()
_dummy: dict[PasswordHasher, str] = {}


def use_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Swap the password hasher (tests use cheap parameters); returns the previous one."""
    global _hasher
    previous, _hasher = _hasher, hasher
    return previous


def _dummy_hash() -> str:
    """Verified when the user does not exist, so a wrong name takes as long as a wrong password."""
    if _hasher not in _dummy:
        _dummy[_hasher] = _hasher.hash("unveil-dummy-password")
    return _dummy[_hasher]


class AccountError(UnveilError):
    """A user or token operation that cannot be done (unknown user, weak password...)."""


@dataclass(frozen=True, slots=True)
class User:
    username: str
    role: str
    disabled: bool = False

    def can(self, role: str) -> bool:
        """Whether this user has at least the rights of ``role``."""
        return not self.disabled and ROLE_RANK.get(self.role, -1) >= ROLE_RANK[role]


def check_username(name: str) -> str:
    if not USERNAME_RE.match(name or ""):
        raise AccountError(f"invalid user name {name!r}: letters, digits and . _ @ - (1-64 characters)")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password too short: at least {MIN_PASSWORD} characters")
    return password


def add_user(store: Store, username: str, password: str, role: str, *, created_by: str | None = None) -> User:
    """Create an account; the password is hashed before it reaches the store."""
    check_username(username)
    check_password(password)
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if get_user(store, username) is not None:
        raise AccountError(f"user {username!r} already exists")
    store.engine.execute(
        "INSERT INTO users (username, password_hash, role, disabled, created_at, created_by) "
        "VALUES (?, ?, ?, false, ?, ?)",
        [username, _hasher.hash(password), role, utcnow(), created_by],
    )
    return User(username, role)


def get_user(store: Store, username: str) -> User | None:
    rows = store.rows("SELECT username, role, disabled FROM users WHERE username = ?", [username])
    if not rows:
        return None
    r = rows[0]
    return User(r["username"], r["role"], bool(r["disabled"]))


def list_users(store: Store) -> list[dict[str, Any]]:
    """Accounts without their password hashes, with their number of live tokens."""
    return store.rows(
        "SELECT u.username, u.role, u.disabled, u.created_at, u.created_by, u.changed_at, "
        "(SELECT COUNT(*) FROM api_tokens t WHERE t.username = u.username AND t.revoked_at IS NULL) AS tokens "
        "FROM users u ORDER BY u.username"
    )


def set_disabled(store: Store, username: str, disabled: bool = True) -> None:
    """Disable (or enable) an account; its sessions end and its tokens stop working at once."""
    if get_user(store, username) is None:
        raise AccountError(f"no user {username!r}")
    with store.engine.transaction():
        store.engine.execute("UPDATE users SET disabled = ?, changed_at = ? WHERE username = ?",
                             [disabled, utcnow(), username])
        if disabled:
            store.engine.execute("DELETE FROM sessions WHERE username = ?", [username])


def set_password(store: Store, username: str, password: str) -> None:
    check_password(password)
    if get_user(store, username) is None:
        raise AccountError(f"no user {username!r}")
    with store.engine.transaction():
        store.engine.execute("UPDATE users SET password_hash = ?, changed_at = ? WHERE username = ?",
                             [_hasher.hash(password), utcnow(), username])
        store.engine.execute("DELETE FROM sessions WHERE username = ?", [username])


def authenticate(store: Store, username: str, password: str) -> User | None:
    """The user if the password matches and the account is enabled, else ``None``.

    Takes about the same time whether or not the user exists.
    """
    rows = store.rows("SELECT username, role, disabled, password_hash FROM users WHERE username = ?", [username])
    stored = rows[0]["password_hash"] if rows else _dummy_hash()
    try:
        _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if not rows or rows[0]["disabled"]:
        return None
    r = rows[0]
    if _hasher.check_needs_rehash(stored):
        store.engine.execute("UPDATE users SET password_hash = ? WHERE username = ?",
                             [_hasher.hash(password), username])
    return User(r["username"], r["role"], False)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token(store: Store, username: str, name: str | None = None) -> str:
    """Create an API token for ``username`` and return it (the only time it is visible)."""
    user = get_user(store, username)
    if user is None:
        raise AccountError(f"no user {username!r}")
    if user.disabled:
        raise AccountError(f"user {username!r} is disabled")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    store.engine.execute(
        "INSERT INTO api_tokens (token_hash, prefix, username, name, created_at) VALUES (?, ?, ?, ?, ?)",
        [token_hash(token), token[: len(TOKEN_PREFIX) + 6], username, name, utcnow()],
    )
    return token


def revoke_tokens(store: Store, username: str) -> int:
    """Revoke every live token of ``username``; returns how many."""
    n = int(store.engine.scalar(
        "SELECT COUNT(*) AS n FROM api_tokens WHERE username = ? AND revoked_at IS NULL", [username]) or 0)
    store.engine.execute("UPDATE api_tokens SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL",
                         [utcnow(), username])
    return n


def user_for_token(store: Store, token: str) -> User | None:
    """The enabled user owning a live token, or ``None``."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    rows = store.rows(
        "SELECT u.username, u.role, u.disabled FROM api_tokens t JOIN users u ON u.username = t.username "
        "WHERE t.token_hash = ? AND t.revoked_at IS NULL",
        [token_hash(token)],
    )
    if not rows or rows[0]["disabled"]:
        return None
    return User(rows[0]["username"], rows[0]["role"], False)
