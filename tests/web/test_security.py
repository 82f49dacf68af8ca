"""Security properties: no anonymous access, roles, CSRF, escaping, image paths, no identifiers in logs."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import Mount, Route

from unveil.store import Store
from unveil.web.app import create_app

from .conftest import HOSTILE_ADS, PASSWORD, Corpus, TestClient, login, make_workspace, top_network

PUBLIC = {("/login", "GET"), ("/login", "POST"), ("/healthz", "GET")}
FILL = {"network_id": "N-0000000000", "ad_key": "site/1", "index": "0", "username": "admin", "fmt": "csv"}


def _routes(app: Any) -> list[tuple[str, str]]:
    """Every (path, method) the app serves, with path parameters filled in (included routers flattened)."""
    out = []
    for route in iter_route_contexts(app.routes):
        if isinstance(route.original_route, Mount):
            continue
        if isinstance(route.original_route, APIRoute | Route):
            for method in sorted(route.methods or ()):
                if method == "HEAD":
                    continue
                path = re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: FILL.get(m.group(1), "x"), route.path)
                out.append((path, method))
    return out


def test_every_page_and_endpoint_refuses_anonymous_access(client: Any) -> None:
    client.cookies.clear()
    routes = _routes(client.app)
    assert len(routes) > 30
    checked = 0
    for path, method in routes:
        if (path, method) in PUBLIC:
            continue
        response = client.request(method, path)
        if path.startswith("/api/"):
            assert response.status_code == 401, (method, path, response.status_code)
            assert response.headers.get("www-authenticate") == "Bearer"
        else:
            assert response.status_code == 303, (method, path, response.status_code)
            assert response.headers["location"].startswith("/login")
        assert "N-" not in response.text or path.startswith("/api/")  # nothing from the store leaks
        checked += 1
    assert checked == len(routes) - len(PUBLIC)


def test_a_forged_or_revoked_token_is_refused(client: Any, workspace: Any) -> None:
    for header in ({"Authorization": "Bearer unv_forged"}, {"Authorization": "Basic YWRtaW46eA=="},
                   {"Authorization": workspace.tokens["viewer"]}):
        assert client.get("/api/v1/networks", headers=header).status_code == 401


def test_static_files_are_public_but_hold_no_data(client: Any) -> None:
    client.cookies.clear()
    assert client.get("/static/unveil.css").status_code == 200
    assert client.get("/static/../unveil.duckdb").status_code == 404


@pytest.mark.parametrize("role", ["viewer"])
def test_viewers_cannot_label_export_ingest_or_screen(client: Any, workspace: Any, role: str) -> None:
    h = workspace.headers(role)
    net = top_network(client, h)["network_id"]
    assert client.post(f"/api/v1/networks/{net}/labels", headers=h,
                       json={"label": "spam", "likelihood": 10}).status_code == 403
    assert client.get(f"/api/v1/export?network_id={net}", headers=h).status_code == 403
    assert client.post("/api/v1/ads", headers=h, json=[{"id": "v1", "body": "x"}]).status_code == 403
    assert client.post("/api/v1/screen", headers=h, json={"body": "x"}).status_code == 403
    assert client.get("/api/v1/audit", headers=h).status_code == 403
    assert client.get("/api/v1/users", headers=h).status_code == 403
    csrf = login(client, role)
    assert client.post(f"/networks/{net}/labels", data={"label": "spam", "likelihood": "10",
                                                        "csrf_token": csrf}).status_code == 403
    assert client.post("/export", data={"network_id": net, "format": "json", "csrf_token": csrf}).status_code == 403
    page = client.get(f"/networks/{net}")
    assert page.status_code == 200 and "Save label" not in page.text and "Export case file" not in page.text
    assert client.get(f"/api/v1/networks/{net}/labels", headers=h).json() == []


def test_analysts_cannot_manage_users_or_read_the_audit_log(client: Any, workspace: Any) -> None:
    h = workspace.headers("analyst")
    assert client.get("/api/v1/audit", headers=h).status_code == 403
    assert client.post("/api/v1/users", headers=h,
                       json={"username": "eve", "password": "x" * 12, "role": "admin"}).status_code == 403
    csrf = login(client, "analyst")
    assert client.get("/admin/audit").status_code == 403
    assert client.get("/admin/audit.csv").status_code == 403
    assert client.post("/admin/users", data={"username": "eve", "password": "x" * 12, "role": "admin",
                                             "csrf_token": csrf}).status_code == 403


def test_csrf_is_required_on_every_form(client: Any, workspace: Any) -> None:
    net = top_network(client, workspace.headers("admin"))["network_id"]
    csrf = login(client, "analyst")
    forms = [(f"/networks/{net}/labels", {"label": "spam", "likelihood": "10"}),
             ("/export", {"network_id": net, "format": "json"}),
             ("/search", {"q": "hello"}),
             ("/logout", {})]
    for path, data in forms:
        assert client.post(path, data=data).status_code == 403, path
        assert client.post(path, data={**data, "csrf_token": "wrong"}).status_code == 403, path
    # A token from another session does not work either.
    other = TestClient(client.app, follow_redirects=False)
    other_csrf = login(other, "admin")
    assert other_csrf != csrf
    assert client.post("/search", data={"q": "hello", "csrf_token": other_csrf}).status_code == 403
    assert client.post("/search", data={"q": "hello", "csrf_token": csrf}).status_code == 200
    # The login form needs its own double-submit token.
    client.cookies.clear()
    done = client.post("/login", data={"username": "analyst", "password": PASSWORD, "csrf_token": "x"})
    assert done.status_code == 403 and "unveil_session" not in done.headers.get("set-cookie", "")


def test_session_cookie_flags_and_logout(client: Any, workspace: Any) -> None:
    client.cookies.clear()
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    done = client.post("/login", data={"username": "viewer", "password": PASSWORD, "csrf_token": token},
                       headers={"X-Forwarded-Proto": "https"})
    cookie = done.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie  # X-Forwarded-Proto is ignored without --trust-proxy
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 303
    assert client.get("/").status_code == 303


def test_secure_cookie_behind_a_trusted_proxy(demo_corpus: Corpus, tmp_path: Path) -> None:
    from dataclasses import replace

    ws = make_workspace(demo_corpus, tmp_path)
    with TestClient(create_app(replace(ws.settings, trust_proxy=True)), follow_redirects=False) as c:
        page = c.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        done = c.post("/login", data={"username": "viewer", "password": PASSWORD, "csrf_token": token},
                      headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7, 203.0.113.9"})
        assert "secure" in done.headers["set-cookie"].lower()
        rows = c.get("/api/v1/audit?action=login", headers=ws.headers("admin")).json()["rows"]
        assert rows[0]["client"] == "203.0.113.9"


def test_login_rate_limit_per_user_and_per_address(client: Any) -> None:
    def attempt(user: str, password: str) -> int:
        client.cookies.clear()
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)  # type: ignore
        return client.post("/login", data={"username": user, "password": password, "csrf_token": token}).status_code

    state = client.app.state.unveil
    state.limiter._failures.clear()
    assert [attempt("viewer", "wrong-password") for _ in range(5)] == [401] * 5
    assert attempt("viewer", PASSWORD) == 429  # even the right password, until the window passes
    state.limiter._failures.clear()
    for i in range(5):  # five different names from one address
        attempt(f"nobody{i}", "wrong-password")
    assert attempt("analyst", PASSWORD) == 429
    state.limiter._failures.clear()
    assert attempt("viewer", PASSWORD) == 303


def test_markup_in_ads_is_shown_as_text(client: Any, workspace: Any) -> None:
    login(client, "admin")
    for ad in HOSTILE_ADS:
        page = client.get(f"/ads/hostile.example/{ad['id']}")
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "<iframe" not in page.text and "<img src=x" not in page.text
        assert "&lt;script&gt;alert(" in page.text or "&lt;iframe" in page.text
        # The only scripts are the workspace's own file.
        assert re.findall(r"<script[^>]*>", page.text) == ['<script src="/static/unveil.js" defer>']
    net = client.get("/api/v1/ads/hostile.example/x-1", headers=workspace.headers("admin")).json()["network_id"]
    for path in (f"/networks/{net}", "/networks?min_size=1&min_risk=0"):
        text = client.get(path).text
        assert "<script>alert" not in text and "<img src=x" not in text
    csrf = login(client, "admin")
    found = client.post("/search", data={"q": "<script>alert('body')</script>", "csrf_token": csrf}).text
    assert "<script>alert" not in found and "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in found
    case = client.post("/export", data={"network_id": net, "format": "html", "csrf_token": csrf}).text
    assert "<script" not in case and "&lt;script&gt;alert(" in case


def test_pages_send_security_headers(client: Any) -> None:
    login(client, "viewer")
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"
    # every script, style sheet and image comes from the workspace itself: no CDN, no other origin (a page's
    # random tokens may hold any letters, so the test reads the attributes that load things)
    loaded = re.findall(r'<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"]*)"', page.text)
    assert loaded and all(url.startswith("/") and not url.startswith("//") for url in loaded)
    assert "https://" not in page.text.split("<main>")[0]


@pytest.fixture()
def hostile_images(demo_corpus: Corpus, tmp_path: Path) -> tuple[Any, str]:
    """A store whose ad lists image paths that try to leave the corpus folder."""
    ws = make_workspace(demo_corpus, tmp_path)
    secret = demo_corpus.root / "secret.jpg"
    secret.write_bytes(b"\xff\xd8\xff not for reviewers")
    link = demo_corpus.corpus_dir / "images" / "escape-link.jpg"
    if not link.exists():
        link.symlink_to(secret)
    real = next(p.name for p in sorted((demo_corpus.corpus_dir / "images").glob("*.jpg")) if not p.is_symlink())
    paths = ["../secret.jpg", str(secret), "images/../../secret.jpg", "images/escape-link.jpg",
             "https://evil.example/x.jpg", "images/../ads.jsonl", f"images/{real}"]
    with Store(ws.db) as store:
        key = store.rows("SELECT ad_key FROM ads WHERE source <> 'hostile.example' ORDER BY ad_key LIMIT 1")[0][
            "ad_key"]
        store.engine.execute("UPDATE ads SET images = ? WHERE ad_key = ?", [paths, key])
    return ws, key


def test_image_paths_cannot_escape_the_corpus_folder(hostile_images: tuple[Any, str]) -> None:
    ws, key = hostile_images
    with TestClient(create_app(ws.settings), follow_redirects=False) as c:
        login(c, "viewer")
        codes = [c.get(f"/images/{i}/{key}").status_code for i in range(7)]
        assert codes == [404] * 6 + [200]
        assert c.get(f"/images/7/{key}").status_code == 404
        assert c.get(f"/images/-1/{key}").status_code in (404, 422)
        page = c.get(f"/ads/{key}").text
        assert page.count('class="noimg"') == 6 and page.count('class="blurred"') == 1


def test_server_log_carries_no_identifiers_or_search_terms(client: Any, workspace: Any,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="unveil")
    csrf = login(client, "analyst")
    phone = "07700 900777"
    client.post("/search", data={"q": phone, "csrf_token": csrf})
    client.post("/api/v1/search", headers=workspace.headers("analyst"), json={"query": "+447700900777"})
    client.post("/api/v1/screen", headers=workspace.headers("analyst"), json={"body": f"call {phone}"})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "/search" in logged  # the access log is on
    for needle in ("7700", "900777", "Jess"):
        assert needle not in logged


def test_internal_errors_answer_500_without_leaking_the_message(client: Any, workspace: Any,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    from unveil.web import queries

    def broken(*_a: Any, **_k: Any) -> None:
        raise ValueError("failed on +447700900777")

    login(client, "viewer")
    monkeypatch.setattr(queries, "corpus_counts", broken)
    monkeypatch.setattr(queries, "dashboard", broken)
    caplog.set_level(logging.INFO)
    api = client.get("/api/v1/stats", headers=workspace.headers("viewer"))
    assert api.status_code == 500 and api.json() == {"detail": "internal error"}
    page = client.get("/")
    assert page.status_code == 500 and "900777" not in page.text
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "ValueError" in logged and "900777" not in logged


def test_login_never_redirects_to_another_site(client: Any) -> None:
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"):
        client.cookies.clear()
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)  # type: ignore
        done = client.post("/login", data={"username": "viewer", "password": PASSWORD, "csrf_token": token,
                                           "next": target})
        assert done.status_code == 303 and done.headers["location"] == "/", target
    client.cookies.clear()
    assert client.get("/networks?min_size=3").headers["location"] == "/login?next=/networks%3Fmin_size%3D3"
