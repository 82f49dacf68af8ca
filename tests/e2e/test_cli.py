"""The CLI contract: stdout machine-readable, stderr for humans, exit codes 0/1/2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from unveil import __version__

from conftest import simple_ads, write_jsonl

pytestmark = pytest.mark.e2e

COMMANDS = ("analyze", "extract", "networks", "demo")


def unveil(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unveil", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    script = {"id": "x", "source": "site-a", "title": "<script>alert(1)</script>", "city": "<b>Leeds</b>",
              "country": "GB", "body": "<script>alert(1)</script> call 020 7946 0000"}
    ads = [*simple_ads(120, networks=4), script]
    path = write_jsonl(root / "ads.jsonl", [*ads, "{oops"])
    db = root / "t.duckdb"
    done = unveil("analyze", str(path), "--db", str(db))
    return root, path, db, done


def test_version():
    done = unveil("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"unveil {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(command):
    done = unveil(command, "--help")
    assert done.returncode == 0 and "usage: unveil " + command in done.stdout


@pytest.mark.parametrize(
    "args", [(), ("nonsense",), ("networks", "--format", "xml"), ("networks", "--min-size", "0"), ("analyze",)]
)
def test_usage_errors_exit_2(args):
    done = unveil(*args)
    assert done.returncode == 2 and "usage:" in done.stderr and done.stdout == ""


def test_failures_exit_1_with_a_clear_message(tmp_path):
    done = unveil("analyze", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "t.duckdb"))
    assert done.returncode == 1 and "no such file or folder" in done.stderr
    done = unveil("networks", "--db", str(tmp_path / "none.duckdb"))
    assert done.returncode == 1 and "run `unveil analyze` first" in done.stderr


def test_analyze_prints_a_json_summary(analysed):
    _root, _path, db, done = analysed
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["accepted"] == 121 and summary["rejected"] == 1
    assert summary["rejects_by_reason"] == {"bad_json": 1}
    assert summary["report"].endswith(".report.html") and summary["db"] == str(db)


def test_networks_jsonl_contract(analysed):
    _root, _path, db, _ = analysed
    done = unveil("networks", "--db", str(db))
    assert done.returncode == 0
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records, "demo input has networks"
    for rec in records:
        assert set(rec) >= {"network_id", "ad_ids", "size", "risk", "reasons", "identifiers", "cities",
                            "first_seen", "last_seen"}
        assert rec["size"] == len(rec["ad_ids"]) >= 2
    risks = [r["risk"] for r in records]
    assert risks == sorted(risks, reverse=True)


def test_networks_min_size_and_csv(analysed):
    _root, _path, db, _ = analysed
    everything = unveil("networks", "--db", str(db), "--min-size", "1").stdout.splitlines()
    big = unveil("networks", "--db", str(db), "--min-size", "10").stdout.splitlines()
    assert len(everything) > len(big)
    assert all(json.loads(line)["size"] >= 10 for line in big)
    rows = list(csv.DictReader(io.StringIO(unveil("networks", "--db", str(db), "--format", "csv").stdout)))
    assert rows and set(rows[0]) == {"network_id", "ad_ids", "size", "risk", "reasons", "identifiers", "cities",
                                     "first_seen", "last_seen"}


def test_extract_contract(tmp_path):
    path = write_jsonl(tmp_path / "ads.jsonl", [
        {"id": "a1", "body": "Call 020 7946 0123 or anna@example.com", "country": "GB"},
        {"id": "a2"},
    ])
    done = unveil("extract", str(path))
    assert done.returncode == 0
    [line] = done.stdout.splitlines()
    rec = json.loads(line)
    assert rec["id"] == "a1" and isinstance(rec["indicators"], list)
    kinds = [e["kind"] for e in rec["entities"]]
    assert kinds == ["phone", "email"]
    for e in rec["entities"]:
        assert set(e) >= {"kind", "value", "field", "start", "end", "text"}
    assert "missing_field" in done.stderr  # rejects reported on stderr, not stdout


def test_extract_in_batches_matches_ad_by_ad(tmp_path):
    from unveil.indicators import load_rulebook
    from unveil.ingest.validate import validate_record
    from unveil.per_ad import analyse_ad

    ads = simple_ads(300, networks=3)  # more than one extraction batch of the command
    ads[5]["title"] = ads[7]["title"] = "Anna, 17, new in Leeds"  # a repeated text inside a batch
    done = unveil("extract", str(write_jsonl(tmp_path / "ads.jsonl", ads)))
    assert done.returncode == 0
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in lines] == [a["id"] for a in ads]
    rules = load_rulebook()
    for ad, rec in zip(ads, lines, strict=True):
        want = analyse_ad(validate_record(ad, "ads"), rules)
        assert rec["entities"] == [e.to_dict() for e in want.entities]
        assert rec["indicators"] == [f.to_dict() for f in want.flags]
    assert any(f["category"] == "minor_risk" for f in lines[5]["indicators"])


def test_report_escapes_ad_text(analysed):
    root, _path, _db, _done = analysed
    html = (root / "t.duckdb.report.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<b>Leeds" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as text
    assert "bad_json" in html and "Top networks" in html


def test_demo_generates_analyses_and_reports(tmp_path):
    done = unveil("demo", "--ads", "400", "--out", str(tmp_path / "demo"), "--seed", "3", "-q")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["ads"] == 400 and result["rejected"] >= 10
    assert (tmp_path / "demo" / "report.html").exists()
    assert result["top_networks"] and "report:" in done.stderr
    # Identifier links never join ads of different ground-truth posters (the hub guard keeps site support
    # numbers out), so every network found lies inside one true network.
    truth = {}
    for line in (tmp_path / "demo" / "corpus" / "ground_truth.jsonl").read_text().splitlines():
        rec = json.loads(line)
        if rec.get("type") == "ad":
            truth[f"{rec['source']}/{rec['id']}"] = rec["network"]
    listed = unveil("networks", "--db", result["db"], "--min-size", "2").stdout.splitlines()
    impure = [n for n in map(json.loads, listed) if len({truth[k] for k in n["ad_ids"]}) > 1]
    assert len(impure) <= len(listed) * 0.02


@pytest.mark.parametrize("args", [("--text-threshold", "1.5"), ("--text-threshold", "x"),
                                  ("--image-max-distance", "300"), ("--text-min-shingles", "0")])
def test_bad_linking_options_exit_2(tmp_path, args):
    done = unveil("analyze", str(tmp_path / "ads.jsonl"), *args)
    assert done.returncode == 2 and args[0] in done.stderr and done.stdout == ""


TEMPLATE = ("New in town for a short stay, friendly and discreet, available from noon until late in the "
            "evening, clean private apartment near the central station, text first with your name and the "
            "time you would like, no calls from hidden numbers please, {city} visit ends on sunday")


def _ads_sharing_only_their_text() -> list[dict]:
    return [{"id": f"t{i}", "source": "site-a", "country": "GB", "city": city,
             "posted_at": f"2026-11-0{i + 1}T10:00:00Z",
             "body": TEMPLATE.format(city=city) + f" call 020 7946 0{i}1{i}"}
            for i, city in enumerate(["Leeds", "York"])]


def test_linking_options_change_links_and_are_recorded(tmp_path):
    from unveil.store import Store

    path = write_jsonl(tmp_path / "ads.jsonl", _ads_sharing_only_their_text())
    sizes = {}
    for name, extra in (("default", ()), ("off", ("--no-text-links", "--no-image-links", "--text-threshold", "0.9"))):
        db = tmp_path / f"{name}.duckdb"
        done = unveil("analyze", str(path), "--db", str(db), "-q", *extra)
        assert done.returncode == 0, done.stderr
        sizes[name] = json.loads(done.stdout)["networks_multi_ad"]
        with Store(db) as store:
            params = json.loads(store.engine.scalar("SELECT parameters FROM runs"))
        sizes[name + "_params"] = (params["text"]["enabled"], params["images"]["enabled"], params["text"]["threshold"])
    assert sizes["default"] == 1 and sizes["default_params"] == (True, True, 0.6)
    assert sizes["off"] == 0 and sizes["off_params"] == (False, False, 0.9)
