"""Labels survive re-analysis: they follow their ads to whichever network holds them now."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from unveil.pipeline import AnalyzeOptions, analyze
from unveil.web.app import create_app

from .conftest import Corpus, TestClient, login, make_workspace


def _phone(detail: dict[str, Any]) -> str:
    return next(i["value"] for i in detail["identifiers"] if i["kind"] == "phone" and not i.get("hub"))


def test_labels_follow_their_ads_across_reanalysis(demo_corpus: Corpus, tmp_path: Path) -> None:
    ws = make_workspace(demo_corpus, tmp_path)
    h = ws.headers("analyst")
    with TestClient(create_app(ws.settings), follow_redirects=False) as c:
        nets = c.get("/api/v1/networks?min_size=2&limit=500", headers=h).json()["networks"]
        with_phone = [n for n in nets if any(i["kind"] == "phone" and not i.get("hub") for i in n["identifiers"])]
        big, grow = with_phone[0], with_phone[1]
        small = next(n for n in reversed(with_phone) if n["size"] < big["size"] and n is not grow)
        for net, label in ((small, "spam"), (grow, "independent")):
            assert c.post(f"/api/v1/networks/{net['network_id']}/labels", headers=h,
                          json={"label": label, "likelihood": 60, "note": f"labelled {label}"}).status_code == 201
    extra = tmp_path / "more.jsonl"
    extra.write_text("\n".join(json.dumps(a) for a in [
        {"id": "more-1", "source": "more", "body": f"Call {_phone(grow)} tonight", "posted_at": "2026-03-05"},
        {"id": "more-2", "source": "more", "body": f"Two numbers: {_phone(small)} and {_phone(big)}",
         "posted_at": "2026-03-06"},
    ]) + "\n", encoding="utf-8")
    analyze([extra], ws.db, options=AnalyzeOptions(progress=False, rejects_path=tmp_path / "rej.jsonl"))

    with TestClient(create_app(ws.settings), follow_redirects=False) as c:
        grown = c.get(f"/api/v1/networks/{grow['network_id']}", headers=h).json()
        assert grown["size"] == grow["size"] + 1
        assert [(lab["label"], lab["carried_over"]) for lab in grown["labels"]] == [("independent", False)]
        merged_id = c.get("/api/v1/ads/more/more-2", headers=h).json()["network_id"]
        assert merged_id == big["network_id"]  # the larger network keeps its id
        assert c.get(f"/api/v1/networks/{small['network_id']}", headers=h).status_code == 404
        carried = c.get(f"/api/v1/networks/{merged_id}/labels", headers=h).json()
        assert len(carried) == 1
        assert carried[0]["label"] == "spam" and carried[0]["carried_over"] is True
        assert carried[0]["network_id"] == small["network_id"] and carried[0]["shared_ads"] == small["size"]
        login(c, "viewer")
        page = c.get(f"/networks/{merged_id}").text
        assert f"Given to {small['network_id']}" in page and "labelled spam" in page
