"""Who is asking: session cookies for pages, bearer tokens for the API, and role checks.

Pages and the API never share credentials: a page is reached with a session
cookie (and every POST also needs the session's CSRF token), the API with
``Authorization: Bearer <token>`` only, so no cross-site request can use the
API with a reviewer's cookie.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Form, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from unveil.web import sessions
from unveil.web.csrf import HEADER, tokens_match
from unveil.web.settings import Settings
from unveil.web.state import WebState, get_state
from unveil.web.users import User

bearer = HTTPBearer(auto_error=False, description="An API token from `unveil users token USER`")


class LoginRequired(Exception):
    """Raised by page dependencies; the app turns it into a redirect to the login page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def client_address(request: Request, settings: Settings) -> str | None:
    """The client's address; with ``trust_proxy``, the last ``X-Forwarded-For`` entry.

    The last entry is the one our own proxy appended; earlier ones come from the client and could be
    forged to dodge the per-address login limit.
    """
    if settings.trust_proxy:
        forwarded = request.headers.get("x-forwarded-for")
        if forwarded:
            return forwarded.split(",")[-1].strip()[:64] or None
    return request.client.host if request.client else None


def is_secure(request: Request, settings: Settings) -> bool:
    """Whether the browser reached us over TLS (``X-Forwarded-Proto`` only with ``trust_proxy``)."""
    if settings.trust_proxy:
        proto = request.headers.get("x-forwarded-proto")
        if proto:
            return proto.split(",")[0].strip().lower() == "https"
    return request.url.scheme == "https"


def safe_next(path: str | None) -> str:
    """A local path to go back to after login (never another site)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path or "\n" in path:
        return "/"
    return path


StateDep = Annotated[WebState, Depends(get_state)]


def page_session(request: Request, state: StateDep) -> sessions.Session:
    """Dependency: the logged-in page user, or a redirect to the login page."""
    with state.db.use() as store:
        session = sessions.load_session(store, request.cookies.get(sessions.COOKIE))
    if session is None:
        path = request.url.path + (f"?{request.url.query}" if request.url.query and request.method == "GET" else "")
        raise LoginRequired(path if request.method == "GET" else "/")
    return session


SessionDep = Annotated[sessions.Session, Depends(page_session)]


def page_role(role: str) -> Callable[[sessions.Session], sessions.Session]:
    """Dependency: a logged-in page user with at least ``role``."""

    def check(session: SessionDep) -> sessions.Session:
        if not session.user.can(role):
            raise HTTPException(status_code=403, detail=f"this needs the {role} role")
        return session

    return check


def csrf_session(request: Request, session: SessionDep,
                 csrf_token: Annotated[str, Form(include_in_schema=False)] = "") -> sessions.Session:
    """Dependency for every page POST: the session, after checking its CSRF token."""
    if not (tokens_match(session.csrf_token, csrf_token)
            or tokens_match(session.csrf_token, request.headers.get(HEADER))):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token; reload the page and retry")
    return session


def csrf_role(role: str) -> Callable[[sessions.Session], sessions.Session]:
    """Dependency: a CSRF-checked page POST by a user with at least ``role``."""

    def check(session: Annotated[sessions.Session, Depends(csrf_session)]) -> sessions.Session:
        if not session.user.can(role):
            raise HTTPException(status_code=403, detail=f"this needs the {role} role")
        return session

    return check


async def api_user(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
                   state: StateDep) -> User:
    """The API caller, from its bearer token.

    Async so that a remembered token costs no trip to a worker thread; a store look-up goes to one.
    """
    user = None
    if credentials is not None and credentials.scheme.lower() == "bearer":
        token = credentials.credentials
        user = state.cached_token_user(token)
        if user is None:
            user = await run_in_threadpool(_lookup_token, state, token)
    if user is None:
        raise HTTPException(status_code=401, detail="a valid API token is required",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


def _lookup_token(state: WebState, token: str) -> User | None:
    with state.db.use() as store:
        return state.token_user(store, token)


def api_role(role: str) -> Callable[[User], Awaitable[User]]:
    """Dependency: an API caller with at least ``role``."""

    async def check(user: Annotated[User, Depends(api_user)]) -> User:
        if not user.can(role):
            raise HTTPException(status_code=403, detail=f"this needs the {role} role")
        return user

    return check
