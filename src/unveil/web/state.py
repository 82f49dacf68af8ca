"""What the running app holds: settings, the store pool, the audit log, the rulebook, templates."""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from jinja2 import Environment, PackageLoader, select_autoescape

from unveil import __version__
from unveil.per_ad import RuleEvaluator
from unveil.store import Store
from unveil.web import queries
from unveil.web.audit import AuditLog
from unveil.web.csrf import LoginCsrf
from unveil.web.db import Database
from unveil.web.pseudonym import Pseudonymiser
from unveil.web.ratelimit import LoginLimiter
from unveil.web.rules import RuleCatalogue
from unveil.web.screen_index import IdentifierIndex
from unveil.web.settings import Settings
from unveil.web.urls import ad_url, image_url, network_url
from unveil.web.users import User, token_hash, user_for_token

TOKEN_CACHE_SECONDS = 30.0
TOKEN_CACHE_MAX = 10_000


def template_env() -> Environment:
    """Jinja environment over the package's templates; every template autoescapes."""
    env = Environment(loader=PackageLoader("unveil.web", "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(version=__version__, ad_url=ad_url, image_url=image_url, network_url=network_url)
    return env


@dataclass
class WebState:
    settings: Settings
    db: Database
    rules: RuleEvaluator | None
    env: Environment = field(default_factory=template_env)
    audit: AuditLog = field(default_factory=AuditLog)
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    identifiers: IdentifierIndex = field(default_factory=IdentifierIndex)
    _countries: list[str] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _tokens: dict[str, tuple[User, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.catalogue = RuleCatalogue(self.rules)
        self.login_csrf = LoginCsrf(self.settings.secret_key)
        self.limiter = LoginLimiter(self.settings.login_max_failures, self.settings.login_window_seconds)
        # Separate keys for separate jobs, derived from the one server secret.
        self.pseudonym_key = hmac.new(self.settings.secret_key, b"unveil/pseudonym/v1", hashlib.sha256).digest()

    def pseudonymiser(self, active: bool) -> Pseudonymiser:
        return Pseudonymiser(self.pseudonym_key if active else None)

    def countries(self, store: Store) -> list[str]:
        """Countries tried for national phone numbers in searches (cached until the next ingest)."""
        if self.settings.default_countries:
            return list(self.settings.default_countries)
        with self._lock:
            if self._countries is None:
                self._countries = queries.corpus_countries(store)
            return list(self._countries)

    def corpus_changed(self) -> None:
        """After an ingest: the country list and the screening index are rebuilt on next use."""
        with self._lock:
            self._countries = None
        self.identifiers.invalidate()

    def cached_token_user(self, token: str) -> User | None:
        """The remembered user of a token, without touching the store (``None``: look it up)."""
        with self._lock:
            hit = self._tokens.get(token_hash(token))
            return hit[0] if hit and hit[1] > time.monotonic() else None

    def token_user(self, store: Store, token: str) -> User | None:
        """The user of an API token, remembered for a few seconds (screening calls come in bursts).

        Account changes made through the server clear the memory at once (:meth:`accounts_changed`);
        the CLI cannot change accounts while the server holds the store.  Unknown tokens are not remembered.
        """
        key = token_hash(token)
        now = time.monotonic()
        with self._lock:
            hit = self._tokens.get(key)
            if hit and hit[1] > now:
                return hit[0]
        user = user_for_token(store, token)
        if user is not None:
            with self._lock:
                if len(self._tokens) >= TOKEN_CACHE_MAX:
                    self._tokens.clear()
                self._tokens[key] = (user, now + TOKEN_CACHE_SECONDS)
        return user

    def accounts_changed(self) -> None:
        with self._lock:
            self._tokens.clear()

    def record(self, store: Store, request: Request, user: User | None, action: str, *, target: str | None = None,
               detail: dict[str, Any] | None = None, via: str = "page") -> None:
        """Append an audit row for this request."""
        from unveil.web.auth import client_address

        self.audit.record(store, action=action, username=user.username if user else None,
                          role=user.role if user else None, target=target, detail=detail,
                          client=client_address(request, self.settings), via=via)


async def get_state(request: Request) -> WebState:
    """Dependency (async: no I/O, so FastAPI need not send it to a worker thread)."""
    state: WebState = request.app.state.unveil
    return state
