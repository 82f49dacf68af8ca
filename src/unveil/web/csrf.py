"""CSRF protection for every form.

Logged-in forms carry the session's token (a hidden ``csrf_token`` field, or
the ``X-CSRF-Token`` header); every POST is refused unless it matches.  The
login form has no session yet: it uses a double-submit cookie signed with the
server secret, so a page on another site cannot log a victim into an account
of the attacker's choosing.
"""

from __future__ import annotations

import hmac
import secrets

from itsdangerous import BadSignature, URLSafeTimedSerializer

FIELD = "csrf_token"
HEADER = "x-csrf-token"
LOGIN_COOKIE = "unveil_login_csrf"
LOGIN_MAX_AGE = 3600


def tokens_match(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


class LoginCsrf:
    """Signed double-submit token for the login form."""

    def __init__(self, secret: bytes) -> None:
        self._signer = URLSafeTimedSerializer(secret, salt="unveil-login-csrf")

    def issue(self) -> tuple[str, str]:
        """A ``(cookie value, form value)`` pair."""
        raw = secrets.token_urlsafe(24)
        return self._signer.dumps(raw), raw

    def check(self, cookie: str | None, given: str | None) -> bool:
        if not cookie or not given:
            return False
        try:
            raw = self._signer.loads(cookie, max_age=LOGIN_MAX_AGE)
        except BadSignature:
            return False
        return isinstance(raw, str) and tokens_match(raw, given)
