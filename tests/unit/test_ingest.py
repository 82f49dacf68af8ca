"""Ingest: every reject reason, readers for each format, idempotent re-ingest."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from unveil.ingest.readers import expand_paths
from unveil.ingest.validate import REJECT_REASONS, ad_key, ad_schema, validate_record
from unveil.pipeline import AnalyzeOptions, analyze
from unveil.store import Store

from conftest import snapshot

OK = {"id": "a1", "body": "Call 020 7946 0123", "country": "GB"}


def run(paths: list[Path], db: Path) -> dict:
    return analyze(paths, db, options=AnalyzeOptions(progress=False)).to_dict()


def rejects(db: Path) -> list[dict]:
    with Store(db, read_only=True) as store:
        return store.rows("SELECT * FROM rejects ORDER BY input_file, line")


@pytest.mark.parametrize(
    ("record", "reason", "words"),
    [
        ("{not json", "bad_json", "invalid JSON"),
        ("[1, 2]", "not_an_object", "got array"),
        ({"body": "x"}, "missing_field", "'id'"),
        ({"id": "x"}, "missing_field", "'body'"),
        ({"id": "x", "body": "   "}, "missing_field", "'body'"),
        ({"id": 5, "body": "x"}, "wrong_type", "'id' must be string"),
        ({"id": "x", "body": "x", "age": "twenty"}, "wrong_type", "'age' must be integer"),
        ({"id": "x", "body": "x", "images": "a.jpg"}, "wrong_type", "'images' must be array"),
        ({"id": "x", "body": "x", "images": [1]}, "wrong_type", "'images[0]' must be string"),
        ({"id": "x", "body": "x", "posted_at": "yesterday"}, "invalid_value", "ISO 8601"),
        ({"id": "x", "body": "x", "country": "XX"}, "invalid_value", "ISO 3166"),
        ({"id": "x", "body": "x", "age": 400}, "invalid_value", "outside"),
        ({"id": "x", "body": "y" * 200_001}, "too_large", "over the limit of 200000"),
        ({"id": "x", "body": "x", "title": "t" * 2001}, "too_large", "'title'"),
        ({"id": "x", "body": "x", "images": ["a.jpg"] * 101}, "too_large", "'images'"),
        ({"id": "x", "body": "x", "images": ["../../etc/passwd"]}, "invalid_value", "relative"),
        ({"id": "x", "body": "x", "images": ["/etc/passwd"]}, "invalid_value", "relative"),
        ({"id": "x", "body": "x", "images": ["C:\\Windows\\x.jpg"]}, "invalid_value", "relative"),
    ],
)
def test_each_invalid_record_is_rejected_with_its_reason(tmp_path, jsonl, record, reason, words):
    path = jsonl([OK, record, {**OK, "id": "a2"}])
    summary = run([path], tmp_path / "t.duckdb")
    assert summary["accepted"] == 2 and summary["rejected"] == 1
    [row] = rejects(tmp_path / "t.duckdb")
    assert row["reason"] == reason
    assert words in row["detail"]
    assert row["line"] == 2
    assert row["input_file"] == str(path)
    assert reason in REJECT_REASONS


def test_undecodable_bytes_reject_only_their_line(tmp_path):
    path = tmp_path / "ads.jsonl"
    bad = b'{"id": "b", "body": "caf\xe9"}'
    path.write_bytes(json.dumps(OK).encode() + b"\n" + bad + b"\n" + json.dumps({**OK, "id": "c"}).encode())
    summary = run([path], tmp_path / "t.duckdb")
    assert summary["accepted"] == 2
    [row] = rejects(tmp_path / "t.duckdb")
    assert (row["reason"], row["line"]) == ("undecodable_text", 2)


def test_undecodable_csv_row(tmp_path):
    path = tmp_path / "ads.csv"
    path.write_bytes(b"id,body,country\na,hello,GB\nb,caf\xe9,GB\nc,\"multi\nline\",GB\n")
    summary = run([path], tmp_path / "t.duckdb")
    assert summary["accepted"] == 2
    [row] = rejects(tmp_path / "t.duckdb")
    assert (row["reason"], row["line"]) == ("undecodable_text", 3)


def test_malformed_csv_row(tmp_path):
    path = tmp_path / "ads.csv"
    path.write_text("id,body,country\na,hello,GB\nb,too,many,cells\n", encoding="utf-8")
    run([path], tmp_path / "t.duckdb")
    [row] = rejects(tmp_path / "t.duckdb")
    assert (row["reason"], row["line"]) == ("bad_csv", 3)


def test_oversized_line_is_rejected_without_parsing(tmp_path, jsonl):
    path = jsonl([OK, {"id": "big", "body": "z" * (5 * 1024 * 1024)}])
    run([path], tmp_path / "t.duckdb")
    [row] = rejects(tmp_path / "t.duckdb")
    assert row["reason"] == "too_large" and "bytes" in row["detail"]


def test_unreadable_parquet_file(tmp_path):
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"PAR1 this is not parquet")
    summary = run([bad], tmp_path / "t.duckdb")
    assert summary["rejected"] == 1
    assert rejects(tmp_path / "t.duckdb")[0]["reason"] == "unreadable_file"


def test_duplicate_id_with_different_content_within_a_run(tmp_path, jsonl):
    path = jsonl([OK, {**OK}, {**OK, "body": "different text"}])
    summary = run([path], tmp_path / "t.duckdb")
    assert summary["accepted"] == 1 and summary["unchanged"] == 1 and summary["rejected"] == 1
    [row] = rejects(tmp_path / "t.duckdb")
    assert row["reason"] == "duplicate_id" and row["line"] == 3 and "line 1" in row["detail"]


def test_duplicate_id_against_the_store(tmp_path, jsonl):
    db = tmp_path / "t.duckdb"
    run([jsonl([OK], "first.jsonl")], db)
    summary = run([jsonl([{**OK, "source": "first", "body": "edited"}], "second.jsonl")], db)
    assert summary["rejected"] == 1
    assert rejects(db)[0]["reason"] == "duplicate_id"
    assert "already stored" in rejects(db)[0]["detail"]


def test_same_id_in_two_sources_is_two_ads(tmp_path, jsonl):
    path = jsonl([{**OK, "source": "site-a"}, {**OK, "source": "site-b"}])
    assert run([path], tmp_path / "t.duckdb")["accepted"] == 2


def test_every_reason_is_documented():
    doc = (Path(__file__).parents[2] / "docs" / "input.md").read_text(encoding="utf-8")
    for reason in REJECT_REASONS:
        assert f"`{reason}`" in doc


def test_readers_agree_across_formats(tmp_path):
    ads = [
        {"id": "1", "body": "Call 020 7946 0123", "country": "GB", "age": 24, "images": ["a.jpg", "b.jpg"]},
        {"id": "2", "body": "Mail anna@example.com", "country": "FR", "posted_at": "2026-01-05"},
    ]
    (tmp_path / "j").mkdir()
    (tmp_path / "c").mkdir()
    (tmp_path / "p").mkdir()
    with gzip.open(tmp_path / "j" / "ads.jsonl.gz", "wt", encoding="utf-8") as fh:
        for a in ads:
            fh.write(json.dumps(a) + "\n")
    (tmp_path / "c" / "ads.csv").write_text(
        "id,body,country,age,images,posted_at\n"
        "1,Call 020 7946 0123,GB,24,a.jpg|b.jpg,\n"
        "2,Mail anna@example.com,FR,,,2026-01-05\n",
        encoding="utf-8",
    )
    # from_pylist takes its columns from the first row only: name them all.
    columns = sorted({k for a in ads for k in a})
    pq.write_table(pa.Table.from_pylist([{k: a.get(k) for k in columns} for a in ads]), tmp_path / "p" / "ads.parquet")
    hashes = []
    for sub in ("j", "c", "p"):
        db = tmp_path / f"{sub}.duckdb"
        summary = run([tmp_path / sub], db)
        assert summary["accepted"] == 2, sub
        with Store(db, read_only=True) as store:
            hashes.append(sorted(r["content_hash"] for r in store.rows("SELECT content_hash FROM ads")))
    assert hashes[0] == hashes[1] == hashes[2]


def test_folders_are_read_recursively_in_order(tmp_path, jsonl):
    (tmp_path / "in" / "b").mkdir(parents=True)
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps(OK) + "\n")
    (tmp_path / "in" / "b" / "c.jsonl").write_text(json.dumps(OK) + "\n")
    (tmp_path / "in" / "notes.txt").write_text("ignored")
    files = expand_paths([tmp_path / "in"])
    assert [f.name for f in files] == ["a.jsonl", "c.jsonl"]


def test_reingesting_the_same_input_changes_nothing(tmp_path, jsonl):
    path = jsonl([OK, {**OK, "id": "a2", "body": "Call 020 7946 0123 too"}, "{bad", {"id": 3, "body": "x"}])
    db = tmp_path / "t.duckdb"
    first = run([path], db)
    before = snapshot(db)
    second = run([path], db)
    assert snapshot(db) == before
    assert first["accepted"] == 2 and second["accepted"] == 0 and second["unchanged"] == 2
    assert second["rejected"] == first["rejected"] == 2


def test_rejects_file_lists_every_reject(tmp_path, jsonl):
    path = jsonl([OK, "{bad", {"id": "x"}])
    summary = run([path], tmp_path / "t.duckdb")
    lines = [json.loads(x) for x in Path(summary["rejects_file"]).read_text().splitlines()]
    assert [(r["line"], r["reason"]) for r in lines] == [(2, "bad_json"), (3, "missing_field")]


def test_validation_keeps_text_as_given():
    ad = validate_record({"id": " a ", "body": "  spaced  ", "country": "uk", "lang": "EN"}, "src")
    assert isinstance(ad, dict)
    assert ad["id"] == "a" and ad["body"] == "  spaced  " and ad["country"] == "GB" and ad["lang"] == "en"
    assert ad["source"] == "src"


def test_ad_key_is_unambiguous():
    assert ad_key("a/b", "c") != ad_key("a", "b/c")


def test_schema_file_is_published_in_docs():
    doc = (Path(__file__).parents[2] / "docs" / "input.md").read_text(encoding="utf-8")
    for name in ad_schema()["properties"]:
        assert f"`{name}`" in doc


def test_docs_embed_the_schema_file_verbatim():
    doc = (Path(__file__).parents[2] / "docs" / "input.md").read_text(encoding="utf-8")
    schema = (Path(__file__).parents[2] / "src" / "unveil" / "schema" / "ad.schema.json").read_text("utf-8")
    assert schema.strip() in doc


def test_pipeline_workers_collect_garbage_every_few_batches(monkeypatch):
    import pyarrow as pa

    from unveil import arrow_schemas, pipeline

    calls = []
    monkeypatch.setattr(pipeline.gc, "collect", lambda *a: calls.append(a) or 0)
    monkeypatch.setattr(pipeline, "_WORKER_BATCHES", 0)
    empty = pa.Table.from_pylist([], schema=arrow_schemas.ADS)
    for _ in range(pipeline.BATCHES_BETWEEN_COLLECTIONS * 2 + 1):
        pipeline._process_in_worker(empty)
    assert len(calls) == 2
