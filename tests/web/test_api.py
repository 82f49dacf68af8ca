"""The REST API: networks, ads, search, labels, export, screening, batch ingest, audit and users."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from unveil.web.app import create_app

from .conftest import Corpus, TestClient, make_workspace, top_network

HOSTILE_PHONE = "+447700900777"


def test_openapi_document_needs_a_token_and_lists_the_api(client: Any, workspace: Any) -> None:
    client.cookies.clear()
    assert client.get("/api/v1/openapi.json").status_code == 401
    doc = client.get("/api/v1/openapi.json", headers=workspace.headers("viewer")).json()
    paths = set(doc["paths"])
    for p in ("/api/v1/networks", "/api/v1/networks/{network_id}", "/api/v1/ads/{ad_key}", "/api/v1/ads",
              "/api/v1/search", "/api/v1/networks/{network_id}/labels", "/api/v1/export", "/api/v1/screen"):
        assert p in paths, p
    assert not any(p.startswith(("/networks", "/ads", "/login")) for p in paths)  # pages are not API
    assert doc["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_network_list_filters_and_order(client: Any, workspace: Any) -> None:
    h = workspace.headers("viewer")
    body = client.get("/api/v1/networks?min_size=3&limit=500", headers=h).json()
    nets = body["networks"]
    assert body["total"] == len(nets) > 3
    assert all(n["size"] >= 3 for n in nets)
    keys = [(n["minor_risk"] > 0, n["risk"]) for n in nets]
    assert keys == sorted(keys, key=lambda k: (not k[0], -k[1]))  # minor risk first, then riskiest
    risky = client.get("/api/v1/networks?min_size=1&min_risk=30&limit=500", headers=h).json()["networks"]
    assert all(n["risk"] >= 30 for n in risky)
    minor = client.get("/api/v1/networks?min_size=1&minor_risk=true", headers=h).json()["networks"]
    assert all(n["minor_risk"] > 0 for n in minor)
    page2 = client.get("/api/v1/networks?min_size=3&limit=2&offset=2", headers=h).json()["networks"]
    assert [n["network_id"] for n in page2] == [n["network_id"] for n in nets[2:4]]
    assert client.get("/api/v1/networks?limit=0", headers=h).status_code == 422


def test_network_and_ad_detail(client: Any, workspace: Any) -> None:
    h = workspace.headers("viewer")
    net = top_network(client, h)
    detail = client.get(f"/api/v1/networks/{net['network_id']}", headers=h).json()
    assert detail["size"] == len(detail["members"]) and detail["reasons"] and detail["links"]
    assert {lk["kind"] for lk in detail["links"]} <= {"phone", "email", "handle", "text", "image"}
    key = detail["members"][0]["ad_key"]
    ad = client.get(f"/api/v1/ads/{key}", headers=h).json()
    assert ad["network_id"] == net["network_id"] and ad["content_hash"] and ad["input_file"]
    for e in ad["entities"]:
        assert (ad[e["field"]] or "")[e["start"]:e["end"]] == e["text"]
    assert client.get("/api/v1/ads/no-such/ad", headers=h).status_code == 404
    assert client.get("/api/v1/networks/N-nope", headers=h).status_code == 404


@pytest.mark.parametrize("query", ["0 7 7 0 0 9 0 0 7 7 7", "+44 7700 900777", "07700900777", "(07700) 900-777"])
def test_search_finds_a_phone_in_any_written_form(client: Any, workspace: Any, query: str) -> None:
    found = client.post("/api/v1/search", headers=workspace.headers("viewer"), json={"query": query}).json()
    assert {"kind": "phone", "value": HOSTILE_PHONE} in found["identifiers"]
    assert {a["ad_key"] for a in found["ads"]} >= {"hostile.example/x-1", "hostile.example/x-2"}
    assert len({a["network_id"] for a in found["ads"] if a["ad_key"].startswith("hostile")}) == 1


def test_search_by_email_and_words(client: Any, workspace: Any) -> None:
    h = workspace.headers("viewer")
    email = client.app.state.unveil.db
    with email.use() as store:
        row = store.rows("SELECT ad_key, value FROM entities WHERE kind = 'email' ORDER BY ad_key LIMIT 1")[0]
    found = client.post("/api/v1/search", headers=h, json={"query": row["value"].upper()}).json()
    assert row["ad_key"] in {a["ad_key"] for a in found["ads"]}
    words = client.post("/api/v1/search", headers=h, json={"query": "jess"}).json()
    assert {"hostile.example/x-1", "hostile.example/x-2"} <= {a["ad_key"] for a in words["ads"]}
    nothing = client.post("/api/v1/search", headers=h, json={"query": "zzqqxx-not-there"}).json()
    assert nothing["ads"] == [] and nothing["networks"] == []
    assert client.post("/api/v1/search", headers=h, json={"query": ""}).status_code == 422


def test_labels_through_the_api(client: Any, workspace: Any) -> None:
    net = top_network(client, workspace.headers("viewer"))["network_id"]
    h = workspace.headers("analyst")
    made = client.post(f"/api/v1/networks/{net}/labels", headers=h,
                       json={"label": "massage_parlour", "likelihood": 40, "note": "same template"})
    assert made.status_code == 201
    assert made.json()["username"] == "analyst" and made.json()["network_size"] > 1
    assert client.post(f"/api/v1/networks/{net}/labels", headers=h,
                       json={"label": "trafficking", "likelihood": 80}).status_code == 201
    labels = client.get(f"/api/v1/networks/{net}/labels", headers=h).json()
    assert [lab["label"] for lab in labels] == ["trafficking", "massage_parlour"]
    assert labels[0]["current"] and not labels[1]["current"]
    listed = client.get("/api/v1/networks?min_size=3&limit=1", headers=h).json()["networks"][0]
    assert listed["label"]["label"] == "trafficking"
    for bad in ({"label": "victim", "likelihood": 5}, {"label": "spam", "likelihood": 101}, {"label": "spam"}):
        assert client.post(f"/api/v1/networks/{net}/labels", headers=h, json=bad).status_code == 422
    assert client.post("/api/v1/networks/N-nope/labels", headers=h,
                       json={"label": "spam", "likelihood": 5}).status_code == 404


def test_export_formats(client: Any, workspace: Any) -> None:
    h = workspace.headers("analyst")
    nets = client.get("/api/v1/networks?min_size=3&limit=2", headers=h).json()["networks"]
    ids = [n["network_id"] for n in nets]
    query = "&".join(f"network_id={i}" for i in ids)
    case = client.get(f"/api/v1/export?{query}&format=json", headers=h)
    assert case.status_code == 200 and "attachment" in case.headers["content-disposition"]
    data = case.json()
    assert [n["network_id"] for n in data["networks"]] == ids
    assert len(data["ads"]) == sum(n["size"] for n in nets)
    ad = data["ads"][0]
    assert set(ad["provenance"]) >= {"source_url", "ingested_at", "content_hash", "input_file"}
    assert data["htcds"]["historic_trafficking_events"][0].keys() >= {"hte_Date", "hte_City", "hte_Country"}
    ads_csv = list(csv.DictReader(io.StringIO(client.get(f"/api/v1/export?{query}&format=ads_csv", headers=h).text)))
    assert len(ads_csv) == len(data["ads"]) and ads_csv[0]["content_hash"]
    nets_csv = list(csv.DictReader(io.StringIO(
        client.get(f"/api/v1/export?{query}&format=networks_csv", headers=h).text)))
    assert [r["network_id"] for r in nets_csv] == ids
    graph = ET.fromstring(client.get(f"/api/v1/export?{query}&format=graphml", headers=h).content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    node_ids = {n.get("id") for n in graph.findall(".//g:node", ns)}
    assert {a["ad_key"] for a in data["ads"]} <= node_ids
    assert all(e.get("source") in node_ids and e.get("target") in node_ids for e in graph.findall(".//g:edge", ns))
    html = client.get(f"/api/v1/export?{query}&format=html", headers=h).text
    assert "Content-Security-Policy" in html and "<script" not in html and ids[0] in html
    assert client.get("/api/v1/export?network_id=N-nope", headers=h).status_code == 404
    assert client.get(f"/api/v1/export?{query}&format=pdf", headers=h).status_code == 422


def test_pseudonymised_export_hides_identifiers_everywhere(client: Any, workspace: Any) -> None:
    h = workspace.headers("analyst")
    net = client.get("/api/v1/ads/hostile.example/x-1", headers=h).json()["network_id"]
    raw = client.get(f"/api/v1/export?network_id={net}&format=json", headers=h).json()
    phones = {e["value"] for a in raw["ads"] for e in a["entities"] if e["kind"] == "phone"}
    texts = {e["text"] for a in raw["ads"] for e in a["entities"] if e["kind"] == "phone"}
    assert HOSTILE_PHONE in phones
    outputs = {fmt: client.get(f"/api/v1/export?network_id={net}&format={fmt}&pseudonymise=true", headers=h).text
               for fmt in ("json", "ads_csv", "networks_csv", "graphml", "html")}
    for fmt, text in outputs.items():
        for needle in phones | texts | {"900777", "900 777"}:
            assert needle not in text, (fmt, needle)
    case = json.loads(outputs["json"])
    assert case["pseudonymised"] is True
    tokens = {e["value"] for a in case["ads"] for e in a["entities"] if e["kind"] == "phone"}
    assert all(t.startswith("phone-") and len(t) == 22 for t in tokens)
    for a in case["ads"]:  # evidence offsets still point at the (redacted) text
        for e in a["entities"] + [f for f in a["flags"] if f["field"]]:
            assert (a[e["field"]] or "")[e["start"]:e["end"]] == e["text"]
        # free text stays; the persona name, read through the markup ("I am <b>Jess</b>"), is a token
        assert "apostrophes" in a["body"] or a["ad_key"] != "hostile.example/x-1"
        assert "Jess" not in a["body"]
    again = client.get(f"/api/v1/export?network_id={net}&format=json&pseudonymise=true", headers=h).json()
    assert {e["value"] for a in again["ads"] for e in a["entities"] if e["kind"] == "phone"} == tokens


def test_screen_reports_evidence_and_the_known_network_without_storing(client: Any, workspace: Any) -> None:
    h = workspace.headers("analyst")
    before = client.get("/api/v1/stats", headers=h).json()["ads"]
    known = client.get("/api/v1/ads/hostile.example/x-1", headers=h).json()["network_id"]
    out = client.post("/api/v1/screen", headers=h, json={
        "title": "New in town", "body": "Call me on 0 7 7 0 0 9 0 0 7 7 7 today", "country": "GB", "city": "Hull"})
    assert out.status_code == 200, out.text
    body = out.json()
    assert body["network"]["network_id"] == known and body["stored"] is False
    assert {"kind": "phone", "value": HOSTILE_PHONE, "ads": 2} in body["network"]["shared_identifiers"]
    phone = next(e for e in body["entities"] if e["kind"] == "phone")
    assert "0 7 7 0 0 9 0 0 7 7 7".startswith(phone["text"][:3])
    assert 0 <= body["score"] <= 100 and isinstance(body["reasons"], list)
    assert client.get("/api/v1/stats", headers=h).json()["ads"] == before
    alone = client.post("/api/v1/screen", headers=h, json={"body": "Nothing to link here", "country": "GB"}).json()
    assert alone["network"] is None and alone["candidates"] == []
    bad = client.post("/api/v1/screen", headers=h, json={"body": "x", "country": "Great Britain"})
    assert bad.status_code == 422 and bad.json()["detail"]["reason"] == "invalid_value"
    assert client.post("/api/v1/screen", headers=h, json={"body": 5}).status_code == 422


def test_screen_ignores_hub_identifiers(client: Any, workspace: Any) -> None:
    h = workspace.headers("analyst")
    with client.app.state.unveil.db.use() as store:
        hubs = store.rows("SELECT value FROM hub_identifiers WHERE kind = 'phone' LIMIT 1")
    if not hubs:
        pytest.skip("the demo corpus has no hub phone")
    out = client.post("/api/v1/screen", headers=h, json={"body": f"Report this ad: {hubs[0]['value']}"}).json()
    assert out["network"] is None and out["hub_identifiers"][0]["value"] == hubs[0]["value"]


@pytest.fixture()
def fresh(demo_corpus: Corpus, tmp_path: Path) -> Any:
    ws = make_workspace(demo_corpus, tmp_path)
    with TestClient(create_app(ws.settings), follow_redirects=False) as c:
        yield c, ws


def test_batch_ingest_goes_through_the_pipeline(fresh: Any) -> None:
    c, ws = fresh
    h = ws.headers("analyst")
    before = c.get("/api/v1/stats", headers=h).json()
    ads = [
        {"id": "api-1", "source": "api-test", "body": "Appointments only. Text 020 7946 0991.", "country": "GB",
         "city": "Leeds", "posted_at": "2026-03-01T10:00:00Z"},
        {"id": "api-2", "source": "api-test", "body": "Same number 02079460991 here", "country": "GB",
         "city": "York", "posted_at": "2026-03-02T10:00:00Z"},
        {"id": "api-3", "source": "api-test", "body": "bad date", "posted_at": "yesterday-ish"},
        {"id": "api-4", "body": "no source given, defaults to api", "country": "gb"},
    ]
    out = c.post("/api/v1/ads", headers=h, json=ads)
    assert out.status_code == 200, out.text
    res = out.json()
    assert (res["records"], res["accepted"], res["rejected"]) == (4, 3, 1)
    assert res["rejects"] == [{"index": 2, "reason": "invalid_value", "detail": res["rejects"][0]["detail"],
                               "record_id": "api-3"}]
    assert c.get("/api/v1/stats", headers=h).json()["ads"] == before["ads"] + 3
    a1 = c.get("/api/v1/ads/api-test/api-1", headers=h).json()
    a2 = c.get("/api/v1/ads/api-test/api-2", headers=h).json()
    assert a1["network_id"] == a2["network_id"] and a1["input_file"].endswith("api.jsonl")
    assert c.get("/api/v1/ads/api/api-4", headers=h).json()["country"] == "GB"
    again = c.post("/api/v1/ads", headers=h, json=ads[:2]).json()
    assert (again["accepted"], again["unchanged"]) == (0, 2)
    assert c.post("/api/v1/ads", headers=h, json=[{"id": 1, "body": "x"}]).status_code == 422


def test_screen_with_store_true_ingests_the_ad(fresh: Any) -> None:
    c, ws = fresh
    h = ws.headers("analyst")
    out = c.post("/api/v1/screen?store=true", headers=h, json={
        "id": "scr-1", "source": "platform", "body": "Call 07700 900777", "country": "GB"}).json()
    assert out["stored"] is True and out["stored_network_id"] == out["network"]["network_id"]
    assert c.get("/api/v1/ads/platform/scr-1", headers=h).json()["network_id"] == out["stored_network_id"]


def test_audit_and_user_management_through_the_api(fresh: Any) -> None:
    c, ws = fresh
    admin = ws.headers("admin")
    net = top_network(c, admin)["network_id"]
    c.get(f"/api/v1/networks/{net}", headers=ws.headers("viewer"))
    rows = c.get("/api/v1/audit?action=view_network", headers=admin).json()["rows"]
    assert rows[0]["username"] == "viewer" and rows[0]["target"] == net and rows[0]["via"] == "api"
    jsonl = c.get("/api/v1/audit/export?format=jsonl", headers=admin)
    lines = [json.loads(line) for line in jsonl.text.splitlines()]
    assert lines and [r["seq"] for r in lines] == list(range(1, len(lines) + 1))
    assert "row_hash" in lines[0]
    csv_rows = list(csv.DictReader(io.StringIO(c.get("/api/v1/audit/export?format=csv", headers=admin).text)))
    assert len(csv_rows) >= len(lines)
    made = c.post("/api/v1/users", headers=admin, json={"username": "newbie", "password": "long enough pw",
                                                        "role": "viewer"})
    assert made.status_code == 201
    assert c.post("/api/v1/users", headers=admin, json={"username": "newbie", "password": "long enough pw",
                                                        "role": "viewer"}).status_code == 409
    token = c.post("/api/v1/users/newbie/tokens", headers=admin).json()["token"]
    assert c.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json() == {"username": "newbie",
                                                                                        "role": "viewer"}
    assert c.post("/api/v1/users/newbie/disable", headers=admin).json()["disabled"] is True
    assert c.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    names = {u["username"] for u in c.get("/api/v1/users", headers=admin).json()}
    assert {"admin", "analyst", "viewer", "newbie"} <= names
    assert c.post("/api/v1/users/admin/disable", headers=admin).status_code == 400
