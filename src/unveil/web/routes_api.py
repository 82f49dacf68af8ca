"""The REST API (``/api/v1``): networks, ads, batch ingest, search, labels, export, screening, audit, users.

Bearer tokens only (no cookies), roles enforced per route.  Reads of ads and
networks, searches, labels, exports, ingests and screens are audited with
``via="api"``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from unveil.web import audit, export, ingest, labels, queries, screen, search, sessions, users
from unveil.web.auth import api_role, api_user
from unveil.web.models import (
    AdIn,
    AdOut,
    AuditPage,
    ExportFormat,
    IngestOut,
    LabelIn,
    LabelOut,
    Me,
    NetworkDetail,
    NetworkList,
    ScreenIn,
    ScreenOut,
    SearchIn,
    SearchOut,
    Stats,
    TokenOut,
    UserIn,
    UserOut,
)
from unveil.web.routes_admin import audit_download, set_account_disabled
from unveil.web.routes_pages import run_export
from unveil.web.screen_index import Snapshot
from unveil.web.state import WebState, get_state
from unveil.web.users import User, user_for_token

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No valid API token"},
    403: {"description": "The token's user lacks the role"},
}
router = APIRouter(responses=ERRORS)
StateDep = Annotated[WebState, Depends(get_state)]
Viewer = Annotated[User, Depends(api_user)]
Analyst = Annotated[User, Depends(api_role("analyst"))]
Admin = Annotated[User, Depends(api_role("admin"))]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Not found"}}


def require_any_credentials(request: Request) -> User:
    """For the OpenAPI document: a bearer token or a page session will do."""
    state: WebState = request.app.state.unveil
    header = request.headers.get("authorization", "")
    with state.db.use() as store:
        if header.lower().startswith("bearer "):
            user = user_for_token(store, header[7:].strip())
            if user:
                return user
        session = sessions.load_session(store, request.cookies.get(sessions.COOKIE))
    if session is None:
        raise HTTPException(401, "a valid API token is required", headers={"WWW-Authenticate": "Bearer"})
    return session.user


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@router.get("/me", response_model=Me, tags=["account"])
def me(user: Viewer) -> Me:
    """Who the token belongs to."""
    return Me(username=user.username, role=user.role)


@router.get("/stats", response_model=Stats, tags=["corpus"])
def stats(state: StateDep, user: Viewer) -> dict[str, Any]:
    """Corpus counts (ads, networks, rejects...)."""
    with state.db.use() as store:
        return queries.corpus_counts(store)


@router.get("/networks", response_model=NetworkList, tags=["networks"])
def list_networks(state: StateDep, user: Viewer,
                  min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 2,
                  min_risk: Annotated[float, Query(ge=0, le=100)] = 0.0,
                  minor_risk: Annotated[bool | None, Query(description="only (true) or no (false) minor-risk")] = None,
                  limit: Annotated[int, Query(ge=1, le=500)] = 50,
                  offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
    """Networks, those with minor-risk evidence first, then riskiest first."""
    with state.db.use() as store:
        total, rows = queries.list_networks(store, min_size=min_size, min_risk=min_risk, minor_risk=minor_risk,
                                            limit=limit, offset=offset)
        latest = labels.latest_labels(store, [r["network_id"] for r in rows])
    for r in rows:
        r["label"] = latest.get(r["network_id"])
    return {"total": total, "limit": limit, "offset": offset, "networks": rows}


@router.get("/networks/{network_id}", response_model=NetworkDetail, responses=NOT_FOUND, tags=["networks"])
def get_network(request: Request, state: StateDep, user: Viewer, network_id: str) -> dict[str, Any]:
    """One network with its members, links, indicators, labels and lineage (audited)."""
    with state.db.use() as store:
        net = queries.get_network(store, network_id)
        if net is None:
            raise HTTPException(404, "no such network")
        members = queries.network_members(store, network_id)
        for m in members:
            m["posted_at_utc"] = _iso(m["posted_at_utc"])
        net.update({
            "members": members,
            "links": queries.network_links(store, network_id),
            "indicators": queries.network_indicators(store, network_id),
            "labels": labels.labels_for_network(store, network_id),
            "lineage": [{**r, "started_at": _iso(r["started_at"])} for r in queries.network_lineage(store, network_id)],
        })
        net["label"] = next(iter(net["labels"]), None)
        state.record(store, request, user, "view_network", target=network_id, detail={"size": net["size"]}, via="api")
    return net


@router.get("/networks/{network_id}/labels", response_model=list[LabelOut], responses=NOT_FOUND, tags=["labels"])
def get_labels(state: StateDep, user: Viewer, network_id: str) -> list[dict[str, Any]]:
    """Labels given to this network or to its ads under an earlier id, newest (current) first."""
    with state.db.use() as store:
        if queries.get_network(store, network_id) is None:
            raise HTTPException(404, "no such network")
        return labels.labels_for_network(store, network_id)


@router.post("/networks/{network_id}/labels", response_model=LabelOut, status_code=201, responses=NOT_FOUND,
             tags=["labels"])
def post_label(request: Request, state: StateDep, user: Analyst, network_id: str, body: LabelIn) -> dict[str, Any]:
    """Label the network as it is now (its id and member ads are both kept)."""
    with state.db.use() as store:
        try:
            row = labels.add_label(store, network_id, body.label, body.likelihood, body.note, user.username)
        except LookupError:
            raise HTTPException(404, "no such network") from None
        state.record(store, request, user, "label", target=network_id, via="api",
                     detail={"label": body.label, "likelihood": body.likelihood, "label_id": row["label_id"],
                             "ads": row["network_size"]})
    return row


@router.get("/ads/{ad_key:path}", response_model=AdOut, responses=NOT_FOUND, tags=["ads"])
def get_ad(request: Request, state: StateDep, user: Viewer, ad_key: str) -> dict[str, Any]:
    """One ad with its entities and flags (audited). ``ad_key`` is ``source/id``."""
    with state.db.use() as store:
        ad = queries.get_ad(store, ad_key)
        if ad is None:
            raise HTTPException(404, "no such ad")
        state.record(store, request, user, "view_ad", target=ad_key, detail={"network_id": ad["network_id"]},
                     via="api")
    for key in ("posted_at_utc", "ingested_at"):
        ad[key] = _iso(ad[key])
    return ad


@router.post("/ads", response_model=IngestOut, tags=["ads"])
def ingest_ads(request: Request, state: StateDep, user: Analyst,
               ads: Annotated[list[AdIn], Body(max_length=ingest.MAX_BATCH)]) -> dict[str, Any]:
    """Batch ingest: the ads go through the same validation and pipeline as ``unveil analyze``.

    Records failing the input contract are listed in ``rejects`` with the CLI's reasons; the rest are
    stored and every cross-ad stage is re-run, so networks include them when this returns.
    """
    result = ingest.ingest_records(state.db, state.settings.ingest_root, [a.record() for a in ads], state.rules,
                                   user.username)
    state.corpus_changed()
    with state.db.use() as store:
        state.record(store, request, user, "ingest", target=result["batch"], via="api",
                     detail={"records": result["records"], "accepted": result["accepted"],
                             "rejected": result["rejected"]})
    return result


@router.post("/search", response_model=SearchOut, tags=["search"])
def api_search(request: Request, state: StateDep, user: Viewer, body: SearchIn) -> dict[str, Any]:
    """Search by phone (any written form the extractors read), email, handle, name or words (audited)."""
    with state.db.use() as store:
        result = search.search(store, body.query, state.countries(store))
        state.record(store, request, user, "search", via="api", detail={
            "query": result.query, "identifiers": len(result.identifiers), "ads": len(result.ads)})
    return result.to_dict()


@router.get("/export", tags=["export"], responses={
    200: {"description": "The case file", "content": {"application/json": {}, "text/csv": {}, "text/html": {},
                                                      "application/graphml+xml": {}}},
    **NOT_FOUND})
def api_export(request: Request, state: StateDep, user: Analyst,
               network_id: Annotated[list[str], Query(min_length=1, max_length=export.MAX_NETWORKS)],
               format: ExportFormat = "json",
               pseudonymise: bool = False) -> Response:
    """Case export of one or more networks (audited); ``pseudonymise=true`` replaces identifiers by keyed hashes."""
    return run_export(request, state, user, network_id, format, pseudonymise, via="api")


@router.post("/screen", response_model=ScreenOut, tags=["screening"],
             responses={422: {"description": "The ad fails the input contract"}})
async def api_screen(request: Request, state: StateDep, user: Analyst, ad: ScreenIn,
                     store: Annotated[bool, Query(description="also ingest the ad (runs the pipeline)")] = False
                     ) -> dict[str, Any]:
    """Screen one ad: entities, flags, a score and the known network it would join. Not stored unless ``store``.

    The screening itself is computation over an in-memory index and runs on the event loop (no thread
    hand-off, no lock convoy between threads); only the audit write and the optional ingest, which touch
    the store, go to worker threads.
    """
    record = ad.record()
    record.setdefault("id", "screen")
    index = state.identifiers.current()
    if index is None:
        index = await run_in_threadpool(_build_index, state)
    try:
        result = screen.screen(record, state.rules, index)
    except screen.ScreenRejected as exc:
        raise HTTPException(422, {"reason": exc.reason, "detail": exc.detail}) from None
    await run_in_threadpool(_record, state, request, user, "screen", result["network"]["network_id"]
                            if result["network"] else None,
                            {"candidates": len(result["candidates"]), "score": result["score"], "store": store})
    if store:
        result.update(await run_in_threadpool(_store_screened, state, request, user, record, result["ad_key"]))
    return result


def _build_index(state: WebState) -> Snapshot:
    with state.db.use() as conn:
        return state.identifiers.snapshot(conn)


def _record(state: WebState, request: Request, user: User, action: str, target: str | None,
            detail: dict[str, Any]) -> None:
    with state.db.use() as conn:
        state.record(conn, request, user, action, target=target, detail=detail, via="api")


def _store_screened(state: WebState, request: Request, user: User, record: dict[str, Any],
                    ad_key: str) -> dict[str, Any]:
    summary = ingest.ingest_records(state.db, state.settings.ingest_root, [record], state.rules, user.username)
    state.corpus_changed()
    with state.db.use() as conn:
        state.record(conn, request, user, "ingest", target=summary["batch"], via="api",
                     detail={"records": 1, "accepted": summary["accepted"], "rejected": summary["rejected"]})
        return {"stored": summary["accepted"] + summary["unchanged"] > 0,
                "stored_network_id": queries.ad_network_id(conn, ad_key)}


@router.get("/audit", response_model=AuditPage, tags=["audit"])
def api_audit(request: Request, state: StateDep, user: Admin,
              username: Annotated[str | None, Query(max_length=64)] = None,
              action: Annotated[str | None, Query(max_length=64)] = None,
              target: Annotated[str | None, Query(max_length=500)] = None,
              limit: Annotated[int, Query(ge=1, le=1000)] = 100,
              offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0) -> dict[str, Any]:
    """Audit rows, newest first (admins; reading it is audited)."""
    with state.db.use() as store:
        total, rows = audit.query(store, username=username, action=action, target=target, limit=limit,
                                  offset=offset, decoded=True)
        state.record(store, request, user, "view_audit", via="api",
                     detail={"username": username, "action": action, "target": target})
    return {"total": total, "rows": rows}


@router.get("/audit/export", tags=["audit"], responses={200: {
    "description": "The whole audit log", "content": {"text/csv": {}, "application/x-ndjson": {}}}})
def api_audit_export(request: Request, state: StateDep, user: Admin,
                     format: Annotated[str, Query(pattern="^(csv|jsonl)$")] = "jsonl") -> Response:
    """The whole audit log as CSV or JSON lines (admins; audited)."""
    return audit_download(request, state, user, format, via="api")


@router.get("/users", response_model=list[UserOut], tags=["users"])
def api_users(state: StateDep, user: Admin) -> list[dict[str, Any]]:
    """Accounts (admins)."""
    with state.db.use() as store:
        rows = users.list_users(store)
    for r in rows:
        r["created_at"] = _iso(r["created_at"])
    return rows


@router.post("/users", response_model=UserOut, status_code=201, tags=["users"],
             responses={409: {"description": "The user exists or the password is too weak"}})
def api_add_user(request: Request, state: StateDep, user: Admin, body: UserIn) -> dict[str, Any]:
    """Create an account (admins)."""
    with state.db.use() as store:
        try:
            created = users.add_user(store, body.username, body.password, body.role, created_by=user.username)
        except users.AccountError as exc:
            raise HTTPException(409, str(exc)) from None
        state.record(store, request, user, "user_add", target=body.username, detail={"role": body.role}, via="api")
    return {"username": created.username, "role": created.role, "disabled": False, "created_by": user.username}


@router.post("/users/{username}/disable", response_model=UserOut, responses=NOT_FOUND, tags=["users"])
def api_disable_user(request: Request, state: StateDep, user: Admin, username: str) -> dict[str, Any]:
    """Disable an account: its sessions end and its tokens stop working (admins)."""
    target = set_account_disabled(request, state, user, username, True, via="api")
    return {"username": target.username, "role": target.role, "disabled": True}


@router.post("/users/{username}/tokens", response_model=TokenOut, status_code=201, responses=NOT_FOUND,
             tags=["users"])
def api_new_token(request: Request, state: StateDep, user: Admin, username: str) -> dict[str, Any]:
    """Issue an API token for a user; it is shown once (admins)."""
    with state.db.use() as store:
        try:
            token = users.new_token(store, username)
        except users.AccountError as exc:
            raise HTTPException(404, str(exc)) from None
        state.record(store, request, user, "token_issue", target=username, via="api")
    return {"username": username, "token": token}
