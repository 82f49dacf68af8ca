"""Image hashes (statuses, robustness, banding) and image links, including the constructed cases."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from unveil.demo.images import render_base
from unveil.link.images import ImageSettings, band_values, hamming, hash_file, pdq_bits
from unveil.pipeline import AnalyzeOptions, analyze
from unveil.store import Store

from conftest import write_jsonl


def _save(img: Image.Image, path, quality: int = 85) -> str:
    img.save(path, format="JPEG", quality=quality)
    return str(path)


def test_hash_file_statuses(tmp_path):
    ok = _save(render_base("a"), tmp_path / "a.jpg")
    (tmp_path / "notes.jpg").write_text("not a picture")
    (tmp_path / "cut.jpg").write_bytes((tmp_path / "a.jpg").read_bytes()[:200])
    assert hash_file(ok)[0] == "ok" and len(hash_file(ok)[2]) == 64
    assert hash_file(str(tmp_path / "missing.jpg"))[0] == "missing"
    assert hash_file(str(tmp_path / "notes.jpg"))[0] == "not_image"
    status, detail, pdq, _q = hash_file(str(tmp_path / "cut.jpg"))
    assert status == "unreadable" and detail and pdq is None


def _distance(a: str, b: str) -> int:
    return int(hamming(pdq_bits([hash_file(a)[2]]), pdq_bits([hash_file(b)[2]]))[0])


def test_pdq_survives_resize_and_recompression_but_not_crops(tmp_path):
    base = render_base("photo-1").resize((384, 512))
    orig = _save(base, tmp_path / "o.jpg")
    small = _save(base.resize((288, 384)), tmp_path / "s.jpg", quality=40)
    crop = _save(base.crop((38, 51, 346, 461)), tmp_path / "c.jpg")  # 10% off each side
    other = _save(render_base("photo-2").resize((384, 512)), tmp_path / "x.jpg")
    limit = ImageSettings().max_distance
    assert _distance(orig, small) <= limit
    assert _distance(orig, crop) > limit  # documented: crops defeat PDQ
    assert _distance(orig, other) > 80


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=32, max_size=32), st.lists(st.integers(0, 255), max_size=15, unique=True))
def test_hashes_within_15_bits_always_share_a_band(raw, flips):
    """Pigeonhole: 16 bands of 16 bits, at most 15 differing bits leave one band untouched."""
    bits = np.unpackbits(np.frombuffer(raw, dtype=np.uint8))
    other = bits.copy()
    other[flips] ^= 1
    a, b = (np.packbits(x).tobytes().hex() for x in (bits, other))
    va, vb = band_values(pdq_bits([a]), 16), band_values(pdq_bits([b]), 16)
    assert (va == vb).any()
    assert int(hamming(pdq_bits([a]), pdq_bits([b]))[0]) == len(flips)


def _members(db) -> list[list[str]]:
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT list(ad_key ORDER BY ad_key) AS ads FROM network_members GROUP BY network_id")
    return sorted(r["ads"] for r in rows)


def test_only_images_link_two_halves_of_a_network(tmp_path):
    """Phones rotated, wording changed: one re-uploaded (resized, re-compressed) photo joins the halves."""
    photo = render_base("network-photo").resize((300, 400))
    _save(photo, tmp_path / "p1.jpg")
    _save(photo.resize((240, 320)), tmp_path / "p1_small.jpg", quality=45)
    for i in range(4):
        _save(render_base(f"own-{i}").resize((300, 400)), tmp_path / f"own{i}.jpg")
    ads = [
        {"id": "a1", "source": "s", "country": "GB", "body": "Sweet and new here. Call 020 7946 0101",
         "images": ["own0.jpg"]},
        {"id": "a2", "source": "s", "country": "GB", "body": "Available now, text me. Call 020 7946 0101",
         "images": ["p1.jpg", "own1.jpg"]},
        {"id": "b1", "source": "s", "country": "GB", "body": "Relaxing evenings. Ring 020 7946 0202",
         "images": ["p1_small.jpg", "own2.jpg"]},
        {"id": "b2", "source": "s", "country": "GB", "body": "Lovely company. Ring 020 7946 0202",
         "images": ["own3.jpg"]},
    ]
    db = tmp_path / "img.duckdb"
    analyze([write_jsonl(tmp_path / "ads.jsonl", ads)], db, options=AnalyzeOptions(progress=False))
    assert _members(db) == [["s/a1", "s/a2", "s/b1", "s/b2"]]
    with Store(db, read_only=True) as store:
        [link] = store.rows("SELECT ad_a, ad_b, kind, strength, evidence FROM links WHERE kind = 'image'")
        statuses = store.rows("SELECT DISTINCT status FROM image_hashes")
    assert {link["ad_a"], link["ad_b"]} == {"s/a2", "s/b1"}
    evidence = json.loads(link["evidence"])
    assert 0 < evidence["distance"] <= 31
    assert link["strength"] == pytest.approx(1 - evidence["distance"] / 256, abs=1e-4)
    assert statuses == [{"status": "ok"}]


def test_a_stock_photo_does_not_link_unrelated_posters(tmp_path):
    _save(render_base("stock").resize((300, 400)), tmp_path / "stock.jpg")
    ads = [{"id": str(i), "source": "s", "country": "GB", "body": f"Hello, call me on 020 7946 0{300 + i:03d}",
            "images": ["stock.jpg", "gone.jpg"]} for i in range(14)]
    db = tmp_path / "stock.duckdb"
    analyze([write_jsonl(tmp_path / "ads.jsonl", ads)], db, options=AnalyzeOptions(progress=False))
    assert len(_members(db)) == 14
    with Store(db, read_only=True) as store:
        [hub] = store.rows("SELECT kind, ads, co_phones, reason FROM hub_identifiers WHERE kind = 'image'")
        missing = store.rows("SELECT COUNT(*) AS n FROM image_hashes WHERE status = 'missing'")[0]["n"]
    assert hub["ads"] == 14 and hub["co_phones"] == 14 and "stock photo" in hub["reason"]
    assert missing == 14  # a missing file is recorded, never fatal
