"""The pages render for each role, forms work, and the page routes write the audit log."""

from __future__ import annotations

import json
import re
from typing import Any

from .conftest import login, top_network


def test_every_page_renders_for_a_viewer(client: Any, workspace: Any) -> None:
    net = top_network(client, workspace.headers("viewer"))
    login(client, "viewer")
    key = client.get(f"/api/v1/networks/{net['network_id']}", headers=workspace.headers("viewer")).json()[
        "members"][0]["ad_key"]
    for path in ("/", "/networks", "/networks?min_size=1&min_risk=10&minor_risk=no&page=2", "/search",
                 f"/networks/{net['network_id']}", f"/ads/{key}"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<h1>" in page.text and "Log out" in page.text
    assert client.get("/networks/N-none").status_code == 404
    assert client.get("/ads/none/none").status_code == 404
    assert client.get("/networks?min_size=0").status_code == 422
    assert client.get("/admin/audit").status_code == 403


def test_network_page_shows_the_evidence(client: Any, workspace: Any) -> None:
    net = top_network(client, workspace.headers("viewer"))
    login(client, "viewer")
    text = client.get(f"/networks/{net['network_id']}").text
    for part in ('<svg class="graph"', '<svg class="timeline"', "Why this score", "Indicators by category",
                 net["reasons"][0]["text"], "table class=\"members\""):
        assert part in text, part
    assert text.count('<g class="node node-ad">') == min(net["size"], 80)


def test_ad_page_highlights_every_entity(client: Any, workspace: Any) -> None:
    h = workspace.headers("viewer")
    net = top_network(client, h)
    key = client.get(f"/api/v1/networks/{net['network_id']}", headers=h).json()["members"][0]["ad_key"]
    ad = client.get(f"/api/v1/ads/{key}", headers=h).json()
    login(client, "viewer")
    text = client.get(f"/ads/{key}").text
    assert len(re.findall(r'<mark class="[^"]*ent[ "]', text)) >= 1
    assert len(re.findall(r"<tr class=\"ev-", text)) == len(ad["entities"]) + len(ad["flags"])
    assert f'href="/networks/{net["network_id"]}"' in text
    assert "blurred" in text or not ad["images"]


def test_labels_and_exports_from_the_pages(client: Any, workspace: Any) -> None:
    nets = client.get("/api/v1/networks?min_size=3&limit=2", headers=workspace.headers("viewer")).json()["networks"]
    ids = [n["network_id"] for n in nets]
    csrf = login(client, "analyst")
    done = client.post(f"/networks/{ids[0]}/labels", data={"label": "scam", "likelihood": "35",
                                                           "note": "deposit asked up front", "csrf_token": csrf})
    assert done.status_code == 303 and done.headers["location"] == f"/networks/{ids[0]}#labels"
    page = client.get(f"/networks/{ids[0]}").text
    assert "deposit asked up front" in page and "35%" in page
    bad = client.post(f"/networks/{ids[0]}/labels", data={"label": "victim", "likelihood": "5", "csrf_token": csrf})
    assert bad.status_code == 400
    both = client.post("/export", data={"network_id": ids, "format": "json", "pseudonymise": "1",
                                        "csrf_token": csrf})
    assert both.status_code == 200
    assert both.headers["content-disposition"] == 'attachment; filename="unveil-case-2-networks-pseudonymised.json"'
    case = json.loads(both.text)
    assert [n["network_id"] for n in case["networks"]] == ids and case["pseudonymised"]
    assert case["networks"][0]["labels"][0]["note"].startswith("[note withheld")
    listing = client.get("/networks?min_size=3").text
    assert 'name="network_id"' in listing and 'form="export-form"' in listing


def test_admin_pages_manage_users_and_show_a_token_once(client: Any, workspace: Any) -> None:
    csrf = login(client, "admin")
    assert client.post("/admin/users", data={"username": "page-user", "password": "page user password",
                                             "role": "viewer", "csrf_token": csrf}).status_code == 303
    weak = client.post("/admin/users", data={"username": "weak", "password": "short1234", "role": "viewer",
                                             "csrf_token": csrf})
    assert weak.status_code == 400 and "too short" in weak.text
    shown = client.post("/admin/users/page-user/token", data={"csrf_token": csrf})
    token = re.search(r'<code class="tokenvalue">(unv_[^<]+)</code>', shown.text)
    assert token
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token.group(1)}"}).status_code == 200
    assert token.group(1) not in client.get("/admin/users").text
    assert client.post("/admin/users/page-user/disable", data={"csrf_token": csrf}).status_code == 303
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token.group(1)}"}).status_code == 401
    assert client.post("/admin/users/admin/disable", data={"csrf_token": csrf}).status_code == 400
    audit = client.get("/admin/audit?action=user_add").text
    assert "page-user" in audit
    csv_text = client.get("/admin/audit.csv").text
    assert csv_text.startswith("seq,logged_at,username") and "token_issue" in csv_text
    assert client.get("/admin/audit.xml").status_code == 400
