"""Linking, connected components and the stable network-id rule."""

from __future__ import annotations

import random

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.engine.duckdb import DuckDBEngine
from unveil.link.network_ids import assign_ids, new_network_id
from unveil.pipeline import AnalyzeOptions, analyze
from unveil.store import Store

from conftest import simple_ads


def _union_find(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, str]:
    parent = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {n: min(m for m in nodes if find(m) == find(n)) for n in nodes}


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 40), st.lists(st.tuples(st.integers(0, 39), st.integers(0, 39)), max_size=80))
def test_sql_components_match_union_find(n, pairs):
    nodes = [f"n{i:02d}" for i in range(n)]
    edges = [(f"n{a:02d}", f"n{b:02d}") for a, b in pairs if a < n and b < n]
    engine = DuckDBEngine()
    engine.register("e", pa.table({"a": [a for a, _ in edges], "b": [b for _, b in edges]},
                                  schema=pa.schema([("a", pa.string()), ("b", pa.string())])))
    engine.register("v", pa.table({"node": nodes}))
    engine.connected_components("e", "v", "cc")
    got = {r["node"]: r["component"] for r in engine.query("SELECT * FROM cc").to_pylist()}
    assert got == _union_find(nodes, edges)


def test_long_chain_converges_in_few_rounds():
    n = 2000
    engine = DuckDBEngine()
    nodes = [f"{i:05d}" for i in range(n)]
    engine.register("e", pa.table({"a": nodes[:-1], "b": nodes[1:]}))
    engine.register("v", pa.table({"node": nodes}))
    rounds = engine.connected_components("e", "v", "cc")
    assert engine.scalar("SELECT COUNT(DISTINCT component) AS c FROM cc") == 1
    assert rounds < 40


def _members(db) -> dict[str, list[str]]:
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT network_id, list(ad_key ORDER BY ad_key) AS ads FROM network_members "
                          "GROUP BY network_id")
    return {r["network_id"]: r["ads"] for r in rows}


def _run(tmp_path, name, ads_lists):
    from conftest import write_jsonl

    db = tmp_path / f"{name}.duckdb"
    for i, ads in enumerate(ads_lists):
        path = write_jsonl(tmp_path / f"{name}-{i}.jsonl", ads)
        analyze([path], db, options=AnalyzeOptions(progress=False))
    return db


def test_shared_phone_or_email_links_ads(tmp_path):
    ads = [
        {"id": "1", "source": "s", "body": "Call 020 7946 0001", "country": "GB"},
        {"id": "2", "source": "s", "body": "Call +44 20 7946 0001 or mia@example.com", "country": "GB"},
        {"id": "3", "source": "s", "body": "Write to MIA@example.com", "country": "GB"},
        {"id": "4", "source": "s", "body": "Call 020 7946 0002", "country": "GB"},
    ]
    members = _members(_run(tmp_path, "a", [ads]))
    assert sorted(members.values()) == [["s/1", "s/2", "s/3"], ["s/4"]]


def test_same_input_gives_same_ids_whatever_the_file_order(tmp_path):
    ads = simple_ads(300, networks=6)
    first = _members(_run(tmp_path, "one", [ads]))
    again = _members(_run(tmp_path, "two", [list(reversed(ads))]))
    assert first == again
    assert all(nid == new_network_id(min(keys)) for nid, keys in first.items())


def test_ids_persist_when_new_ads_join(tmp_path):
    ads = simple_ads(200, networks=4)
    db = _run(tmp_path, "inc", [ads[:100]])
    before = _members(db)
    _run(tmp_path, "inc", [ads[:100], ads[100:]])  # same db, second batch of new ads
    after = _members(db)
    for nid, keys in before.items():
        grown = [n for n, k in after.items() if set(keys) <= set(k)]
        assert grown == [nid], "a network that only gained ads keeps its id"
    # and the union of the two runs partitions ads like one run over everything
    assert sorted(map(tuple, after.values())) == sorted(map(tuple, _members(_run(tmp_path, "all", [ads])).values()))


def test_merge_keeps_the_larger_id_and_records_lineage(tmp_path):
    a = [{"id": f"a{i}", "source": "s", "body": "Call 020 7946 0011", "country": "GB"} for i in range(3)]
    b = [{"id": f"b{i}", "source": "s", "body": "Call 020 7946 0022", "country": "GB"} for i in range(2)]
    bridge = [{"id": "z", "source": "s", "body": "020 7946 0011 or 020 7946 0022", "country": "GB"}]
    db = _run(tmp_path, "m", [a + b])
    ids = {tuple(v): k for k, v in _members(db).items()}
    id_a, id_b = ids[("s/a0", "s/a1", "s/a2")], ids[("s/b0", "s/b1")]
    _run(tmp_path, "m", [a + b, bridge])
    [(merged_id, keys)] = _members(db).items()
    assert merged_id == id_a and len(keys) == 6
    with Store(db, read_only=True) as store:
        events = store.rows("SELECT network_id, event, other_id FROM network_lineage WHERE event = 'absorbed'")
    assert events == [{"network_id": id_a, "event": "absorbed", "other_id": id_b}]


def test_assign_ids_split_gives_largest_piece_the_old_id():
    out = assign_ids(
        components={"a": 3, "d": 2},
        overlaps=[("a", "N-old", 3), ("d", "N-old", 2)],
        old_sizes={"N-old": 5},
        used_ids={"N-old"},
    )
    assert out.ids["a"] == "N-old"
    assert out.ids["d"] == new_network_id("d")
    assert (out.ids["d"], "split_from", "N-old", 2) in out.lineage


def test_assign_ids_never_reuses_an_id():
    used = {new_network_id("a")}
    out = assign_ids({"a": 1}, [], {}, used)
    assert out.ids["a"] == new_network_id("a") + "-2"


def test_assign_ids_is_deterministic():
    rng = random.Random(1)
    comps = {f"c{i}": rng.randint(1, 5) for i in range(50)}
    overlaps = [(f"c{rng.randrange(50)}", f"N-{rng.randrange(20)}", rng.randint(1, 5)) for _ in range(60)]
    first = assign_ids(comps, overlaps, {}, set())
    second = assign_ids(comps, list(reversed(overlaps)), {}, set())
    assert first.ids == second.ids


def test_hub_identifier_is_not_used_to_link(tmp_path):
    # Twenty unrelated posters, each with their own phone, all carrying a site footer number.
    ads = [
        {"id": str(i), "source": "s", "country": "GB",
         "body": f"Call 020 7946 0{100 + i:03d}. Site support: 020 7946 0999"}
        for i in range(20)
    ]
    db = _run(tmp_path, "hub", [ads])
    assert len(_members(db)) == 20
    with Store(db, read_only=True) as store:
        # The site's footer also shows up as a boilerplate phrase (kind ``boilerplate``).
        [hub] = store.rows("SELECT kind, value, ads FROM hub_identifiers WHERE kind = 'phone'")
    assert hub == {"kind": "phone", "value": "+442079460999", "ads": 20}


def test_risk_reasons_explain_the_score(tmp_path):
    ads = [
        {"id": str(i), "source": "s", "country": "GB", "city": city, "body": f"Call {phone}",
         "posted_at": f"2026-01-0{1 + i}T10:00:00Z"}
        for i, (city, phone) in enumerate([("Leeds", "020 7946 0001"), ("York", "020 7946 0001 / 020 7946 0002"),
                                           ("Hull", "020 7946 0002")])
    ]
    db = _run(tmp_path, "risk", [ads])
    with Store(db, read_only=True) as store:
        [net] = store.rows("SELECT * FROM networks WHERE size = 3")
    import json

    reasons = json.loads(net["reasons"])
    assert {r["feature"] for r in reasons} >= {"size", "phones", "cities"}
    assert abs(sum(r["points"] for r in reasons) - net["risk"]) < 0.5


def test_networks_at_the_cap_are_ordered_by_their_points_before_it(tmp_path):
    import json

    from unveil.report.html import network_records
    from unveil.web.queries import list_networks

    db = _run(tmp_path, "cap", [simple_ads(60, networks=3)])
    with Store(db) as store:
        ids = [r["network_id"] for r in store.rows(
            "SELECT network_id FROM networks WHERE size > 1 ORDER BY network_id")]
        assert len(ids) == 3
        # Three networks at the cap of 100, with 110, 140 and 125 points before it; the one with the most
        # evidence must come first whatever its size or id.
        for nid, extra in zip(ids, (10.0, 40.0, 25.0), strict=True):
            reasons = [{"feature": "minor_risk", "value": 1, "points": 25.0, "text": "x"},
                       {"feature": "size", "value": 2, "points": 75.0 + extra, "text": "y"}]
            store.engine.execute("UPDATE networks SET risk = 100.0, reasons = ? WHERE network_id = ?",
                                 [json.dumps(reasons), nid])
        want = [ids[1], ids[2], ids[0]]
        assert [n["network_id"] for n in network_records(store, min_size=2)][:3] == want
        _, page = list_networks(store, min_size=2)
        assert [n["network_id"] for n in page][:3] == want
