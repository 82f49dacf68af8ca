"""Admin pages: the audit log (view, filter, export) and user accounts.

The CLI (``unveil users``) cannot open the store while the server runs, so
accounts are also managed here.  Reading or exporting the audit log is itself
audited.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse

from unveil.web import audit, users
from unveil.web.auth import csrf_role, page_role
from unveil.web.render import page
from unveil.web.sessions import Session
from unveil.web.state import WebState, get_state

router = APIRouter(include_in_schema=False)
StateDep = Annotated[WebState, Depends(get_state)]
AdminPage = Annotated[Session, Depends(page_role("admin"))]
AdminPost = Annotated[Session, Depends(csrf_role("admin"))]
AUDIT_PAGE = 100


@router.get("/admin/audit")
def audit_page(request: Request, state: StateDep, session: AdminPage,
               username: Annotated[str, Query(max_length=64)] = "", action: Annotated[str, Query(max_length=64)] = "",
               target: Annotated[str, Query(max_length=500)] = "",
               page_no: Annotated[int, Query(alias="page", ge=1, le=1_000_000)] = 1) -> Response:
    with state.db.use() as store:
        total, rows = audit.query(store, username=username or None, action=action or None, target=target or None,
                                  limit=AUDIT_PAGE, offset=(page_no - 1) * AUDIT_PAGE)
        actions = [r["action"] for r in store.rows("SELECT DISTINCT action FROM audit_log ORDER BY action")]
        state.record(store, request, session.user, "view_audit",
                     detail={"username": username, "action": action, "target": target, "page": page_no})
    return page(request, state, "audit.html", {
        "rows": rows, "total": total, "page": page_no, "pages": max(1, -(-total // AUDIT_PAGE)), "actions": actions,
        "filters": {"username": username, "action": action, "target": target},
    }, session=session)


def audit_download(request: Request, state: WebState, user: users.User, fmt: str, via: str) -> Response:
    """Stream the whole audit log as CSV or JSON lines (audited first)."""
    if fmt not in ("csv", "jsonl"):
        raise HTTPException(400, "format must be csv or jsonl")
    with state.db.use() as store:
        state.record(store, request, user, "export_audit", detail={"format": fmt}, via=via)
        # Read it all now: the connection goes back to the pool before the body is streamed.
        chunks = list(audit.export_csv(store) if fmt == "csv" else audit.export_jsonl(store))
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
    return StreamingResponse(iter(chunks), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="unveil-audit.{fmt}"'})


@router.get("/admin/audit.{fmt}")
def audit_export(request: Request, state: StateDep, session: AdminPage, fmt: str) -> Response:
    return audit_download(request, state, session.user, fmt, via="page")


@router.get("/admin/users")
def users_page(request: Request, state: StateDep, session: AdminPage) -> Response:
    with state.db.use() as store:
        rows = users.list_users(store)
    return page(request, state, "users.html", {"users": rows, "roles": users.ROLES, "error": "", "token": None},
                session=session)


@router.post("/admin/users")
def create_user(request: Request, state: StateDep, session: AdminPost, username: Annotated[str, Form(max_length=64)],
                password: Annotated[str, Form(max_length=1024)], role: Annotated[str, Form()]) -> Response:
    with state.db.use() as store:
        try:
            users.add_user(store, username, password, role, created_by=session.user.username)
        except users.AccountError as exc:
            rows = users.list_users(store)
            return page(request, state, "users.html", {"users": rows, "roles": users.ROLES, "error": str(exc),
                                                       "token": None}, session=session, status=400)
        state.record(store, request, session.user, "user_add", target=username, detail={"role": role})
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{username}/disable")
def disable_user(request: Request, state: StateDep, session: AdminPost, username: str) -> Response:
    return _set_disabled(request, state, session, username, True)


@router.post("/admin/users/{username}/enable")
def enable_user(request: Request, state: StateDep, session: AdminPost, username: str) -> Response:
    return _set_disabled(request, state, session, username, False)


def _set_disabled(request: Request, state: WebState, session: Session, username: str, disabled: bool) -> Response:
    set_account_disabled(request, state, session.user, username, disabled, via="page")
    return RedirectResponse("/admin/users", status_code=303)


def set_account_disabled(request: Request, state: WebState, actor: users.User, username: str, disabled: bool, *,
                         via: str) -> users.User:
    """Disable or enable ``username`` for the admin ``actor`` (page or API): the check that nobody locks
    themselves out, the store, the token cache and the audit row, in one place; returns the account."""
    if username == actor.username and disabled:
        raise HTTPException(400, "you cannot disable your own account")
    with state.db.use() as store:
        try:
            users.set_disabled(store, username, disabled)
        except users.AccountError as exc:
            raise HTTPException(404, str(exc)) from None
        state.accounts_changed()  # sessions and tokens of a disabled account stop working now
        state.record(store, request, actor, "user_disable" if disabled else "user_enable", target=username, via=via)
        target = users.get_user(store, username)
    assert target is not None
    return target


@router.post("/admin/users/{username}/token")
def issue_token(request: Request, state: StateDep, session: AdminPost, username: str,
                name: Annotated[str, Form(max_length=100)] = "") -> Response:
    with state.db.use() as store:
        try:
            token = users.new_token(store, username, name or None)
        except users.AccountError as exc:
            raise HTTPException(400, str(exc)) from None
        state.record(store, request, session.user, "token_issue", target=username)
        rows = users.list_users(store)
    return page(request, state, "users.html", {"users": rows, "roles": users.ROLES, "error": "",
                                               "token": {"username": username, "value": token}}, session=session)
