"""Server-rendered pages: login, dashboard, networks, network, ad, images, search, labels, export.

Every page needs a session; every POST also needs the session's CSRF token.
Views of ads and networks, searches, labels and exports are written to the
audit log before the answer is sent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from unveil.store import Store
from unveil.web import export, labels, queries, search, sessions, views
from unveil.web.auth import client_address, csrf_role, csrf_session, is_secure, page_session, safe_next
from unveil.web.csrf import LOGIN_COOKIE
from unveil.web.images import resolve_image
from unveil.web.render import ad_url, network_url, page
from unveil.web.sessions import Session
from unveil.web.state import WebState, get_state
from unveil.web.users import User, authenticate

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50

StateDep = Annotated[WebState, Depends(get_state)]
SessionDep = Annotated[Session, Depends(page_session)]


def error_page(request: Request, status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    state: WebState | None = getattr(request.app.state, "unveil", None)
    if state is None:
        return HTMLResponse(f"<p>{status}</p>", status_code=status)
    return page(request, state, "error.html", {"status": status, "message": message}, status=status,
                headers=headers)


# -- login -----------------------------------------------------------------------------------------

@router.get("/login")
def login_form(request: Request, state: StateDep, next: str = "/") -> Response:
    with state.db.use() as store:
        if sessions.load_session(store, request.cookies.get(sessions.COOKIE)):
            return RedirectResponse(safe_next(next), status_code=303)
    return _login_page(request, state, safe_next(next))


def _login_page(request: Request, state: WebState, next_path: str, *, error: str = "", status: int = 200) -> Response:
    cookie, form_token = state.login_csrf.issue()
    response = page(request, state, "login.html", {"next": next_path, "error": error, "login_token": form_token},
                    status=status)
    response.set_cookie(LOGIN_COOKIE, cookie, httponly=True, samesite="strict", secure=is_secure(request,
                        state.settings), max_age=3600, path="/login")
    return response


@router.post("/login")
def login(request: Request, state: StateDep, username: Annotated[str, Form(max_length=64)],
          password: Annotated[str, Form(max_length=1024)], csrf_token: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/") -> Response:
    next_path = safe_next(next)
    if not state.login_csrf.check(request.cookies.get(LOGIN_COOKIE), csrf_token):
        return _login_page(request, state, next_path, error="The form expired; please try again.", status=403)
    addr = client_address(request, state.settings) or "unknown"
    keys = (f"user:{username.lower()}", f"ip:{addr}")
    wait = state.limiter.blocked(*keys)
    with state.db.use() as store:
        if wait > 0:
            state.audit.record(store, action="login_blocked", target=username, client=addr, via="page")
            return _login_page(request, state, next_path, status=429,
                               error=f"Too many failed attempts; try again in {int(wait // 60) + 1} minutes.")
        user = authenticate(store, username, password)
        if user is None:
            state.limiter.failure(*keys)
            state.audit.record(store, action="login_failed", target=username, client=addr, via="page")
            return _login_page(request, state, next_path, error="Wrong user name or password.", status=401)
        state.limiter.success(keys[0])
        sessions.end_session(store, request.cookies.get(sessions.COOKIE))  # never keep a session id across login
        session_id = sessions.create_session(store, user, state.settings.session_hours, addr)
        state.audit.record(store, action="login", username=user.username, role=user.role, client=addr, via="page")
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie(sessions.COOKIE, session_id, httponly=True, samesite="lax",
                        secure=is_secure(request, state.settings), max_age=int(state.settings.session_hours * 3600),
                        path="/")
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, state: StateDep, session: Annotated[Session, Depends(csrf_session)]) -> Response:
    with state.db.use() as store:
        sessions.end_session(store, request.cookies.get(sessions.COOKIE))
        state.record(store, request, session.user, "logout")
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(sessions.COOKIE, path="/")
    return response


# -- dashboard and lists ---------------------------------------------------------------------------

@router.get("/")
def dashboard(request: Request, state: StateDep, session: SessionDep) -> Response:
    with state.db.use() as store:
        data = queries.dashboard(store)
        ids = [n["network_id"] for n in data["minor_networks"] + data["top_networks"]]
        latest = labels.latest_labels(store, ids)
        recent = labels.recent_labels(store)
    return page(request, state, "dashboard.html", {**data, "latest": latest, "recent_labels": recent},
                session=session)


@router.get("/networks")
def network_list(request: Request, state: StateDep, session: SessionDep,
                 min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 2,
                 min_risk: Annotated[float, Query(ge=0, le=100)] = 0.0,
                 minor_risk: Annotated[str, Query(pattern="^(|yes|no)$")] = "",
                 page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1) -> Response:
    flag = {"yes": True, "no": False}.get(minor_risk)
    with state.db.use() as store:
        total, rows = queries.list_networks(store, min_size=min_size, min_risk=min_risk, minor_risk=flag,
                                            limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
        latest = labels.latest_labels(store, [r["network_id"] for r in rows])
    return page(request, state, "networks.html", {
        "networks": rows, "total": total, "page": page_no, "pages": max(1, -(-total // PAGE_SIZE)),
        "filters": {"min_size": min_size, "min_risk": min_risk, "minor_risk": minor_risk}, "latest": latest,
        "formats": list(export.FORMATS),
    }, session=session)


# -- network ---------------------------------------------------------------------------------------

def network_context(store: Store, network_id: str) -> dict[str, Any] | None:
    """Everything the network page shows (shared with the API's detail view)."""
    net = queries.get_network(store, network_id)
    if net is None:
        return None
    members = queries.network_members(store, network_id)
    identifiers = queries.network_identifiers(store, network_id)
    links = queries.network_links(store, network_id)
    return {
        "net": net,
        "members": members,
        "identifiers": identifiers,
        "links": links,
        "link_kinds": Counter(link["kind"] for link in links),
        "indicators": queries.network_indicators(store, network_id),
        "labels": labels.labels_for_network(store, network_id),
        "lineage": queries.network_lineage(store, network_id),
        "templates": views.template_view(net["features"], links),
    }


@router.get("/networks/{network_id}")
def network_page(request: Request, state: StateDep, session: SessionDep, network_id: str) -> Response:
    with state.db.use() as store:
        ctx = network_context(store, network_id)
        if ctx is None:
            raise HTTPException(404, "no such network")
        state.record(store, request, session.user, "view_network", target=network_id,
                     detail={"size": ctx["net"]["size"]})
    ctx["graph"] = views.network_graph(ctx["members"], ctx["identifiers"], ctx["links"], ad_url)
    ctx["timeline"] = views.network_timeline(ctx["members"], ad_url)
    ctx["timeline_rows"] = views.timeline_rows(ctx["members"])
    ctx["label_classes"] = labels.LABELS
    ctx["formats"] = list(export.FORMATS)
    ctx["features"] = ctx["net"]["features"] if isinstance(ctx["net"]["features"], dict) else None
    return page(request, state, "network.html", ctx, session=session)


@router.post("/networks/{network_id}/labels")
def add_label(request: Request, state: StateDep, network_id: str,
              session: Annotated[Session, Depends(csrf_role("analyst"))],
              label: Annotated[str, Form()], likelihood: Annotated[int, Form(ge=0, le=100)],
              note: Annotated[str, Form(max_length=labels.NOTE_MAX)] = "") -> Response:
    with state.db.use() as store:
        try:
            row = labels.add_label(store, network_id, label, likelihood, note.strip() or None, session.user.username)
        except labels.LabelError as exc:
            raise HTTPException(400, str(exc)) from None
        except LookupError:
            raise HTTPException(404, "no such network") from None
        state.record(store, request, session.user, "label", target=network_id,
                     detail={"label": label, "likelihood": likelihood, "label_id": row["label_id"],
                             "ads": row["network_size"]})
    return RedirectResponse(network_url(network_id) + "#labels", status_code=303)


@router.post("/export")
def export_case(request: Request, state: StateDep, session: Annotated[Session, Depends(csrf_role("analyst"))],
                network_id: Annotated[list[str], Form()], format: Annotated[str, Form()] = "html",
                pseudonymise: Annotated[str, Form()] = "") -> Response:
    return run_export(request, state, session.user, network_id, format, pseudonymise in ("1", "on", "true"),
                      via="page")


def run_export(request: Request, state: WebState, user: User, network_ids: list[str], fmt: str,
               pseudonymise: bool, via: str) -> Response:
    """Build, audit and send an export (pages and API)."""
    if fmt not in export.FORMATS:
        raise HTTPException(400, f"unknown format; choose one of {', '.join(export.FORMATS)}")
    with state.db.use() as store:
        try:
            case = export.build_case(store, network_ids, pseudo=state.pseudonymiser(pseudonymise),
                                     exported_by=user.username)
        except export.ExportError as exc:
            raise HTTPException(404 if "no network" in str(exc) else 400, str(exc)) from None
        body = export.render(case, fmt, state.env, state.catalogue.info)
        state.record(store, request, user, "export", target=",".join(network_ids)[:500],
                     detail={"format": fmt, "pseudonymised": pseudonymise, "networks": len(case["networks"]),
                             "ads": len(case["ads"])}, via=via)
    media, _ = export.FORMATS[fmt]
    name = export.filename(network_ids, fmt, pseudonymise)
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


# -- ad and images ---------------------------------------------------------------------------------

@router.get("/ads/{ad_key:path}")
def ad_page(request: Request, state: StateDep, session: SessionDep, ad_key: str) -> Response:
    with state.db.use() as store:
        ad = queries.get_ad(store, ad_key)
        if ad is None:
            raise HTTPException(404, "no such ad")
        network = queries.get_network(store, ad["network_id"]) if ad["network_id"] else None
        state.record(store, request, session.user, "view_ad", target=ad_key,
                     detail={"network_id": ad["network_id"]})
    view = views.ad_view(ad, state.catalogue.info)
    images = [{"index": i, "name": name, "ok": resolve_image(ad, i) is not None} for i, name in enumerate(ad["images"])]
    return page(request, state, "ad.html", {"ad": ad, "view": view, "images": images, "network": network},
                session=session)


@router.get("/images/{index}/{ad_key:path}")
def ad_image(state: StateDep, session: SessionDep, index: int, ad_key: str) -> Response:
    with state.db.use() as store:
        ad = queries.get_ad(store, ad_key)
    if ad is None:
        raise HTTPException(404, "no such image")
    found = resolve_image(ad, index)
    if found is None:
        raise HTTPException(404, "no such image")
    path, media = found
    return FileResponse(path, media_type=media, headers={"Cache-Control": "private, no-store",
                                                         "Content-Disposition": "inline"})


# -- search ----------------------------------------------------------------------------------------

@router.get("/search")
def search_form(request: Request, state: StateDep, session: SessionDep) -> Response:
    return page(request, state, "search.html", {"result": None, "query": ""}, session=session)


@router.post("/search")
def search_page(request: Request, state: StateDep, session: Annotated[Session, Depends(csrf_session)],
                q: Annotated[str, Form(max_length=search.QUERY_MAX)]) -> Response:
    with state.db.use() as store:
        result = search.search(store, q, state.countries(store))
        state.record(store, request, session.user, "search", detail={
            "query": result.query, "identifiers": len(result.identifiers), "ads": len(result.ads)})
    return page(request, state, "search.html", {"result": result, "query": q}, session=session)


__all__ = ["error_page", "network_context", "router", "run_export"]
