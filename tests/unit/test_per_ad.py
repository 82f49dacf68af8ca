"""The per-ad batch function's helpers: attribute JSON, process preparation, the indicator scan cache."""

from __future__ import annotations

import gc
import json
import pickle

import pyarrow as pa

from unveil import arrow_schemas, per_ad
from unveil.indicators import default_rulebook
from unveil.per_ad import analyse_ad, attrs_json, prepare_process, process_batch


def test_attrs_json_is_canonical_and_keeps_equal_python_values_apart() -> None:
    assert attrs_json({"b": 1, "a": "é"}) == '{"a": "é", "b": 1}'
    assert attrs_json({"a": "é", "b": 1}) == '{"a": "é", "b": 1}'
    # True == 1 == 1.0 in Python; their JSON differs and must not be served from one cache entry.
    assert [attrs_json({"x": v}) for v in (1, True, 1.0, 1, True)] == [
        '{"x": 1}', '{"x": true}', '{"x": 1.0}', '{"x": 1}', '{"x": true}']
    assert attrs_json({"spans": [1, 2]}) == '{"spans": [1, 2]}'  # unhashable values are not cached
    assert json.loads(attrs_json({})) == {}


def test_prepare_process_freezes_the_tables_and_changes_no_result() -> None:
    rules = default_rulebook()
    ad = {"ad_key": "k1", "title": "Mia, Lyon", "body": "Mia, 16 ans. Appelle 01 99 00 12 34.", "country": "FR",
          "lang": "fr"}
    before = analyse_ad(ad, rules)
    try:
        prepare_process(rules)
        assert gc.get_freeze_count() > 0 or per_ad._FROZEN  # frozen now, or earlier in this process
        assert analyse_ad(ad, rules) == before
        entities, flags = process_batch(pa.Table.from_pylist([ad], schema=arrow_schemas.ADS), rules)
        assert sorted(entities.column("kind").to_pylist()) == sorted(e.kind for e in before.entities)
        assert flags.num_rows == len(before.flags) > 0
    finally:
        gc.unfreeze()


def test_indicator_scan_cache_returns_fresh_lists_and_is_not_pickled() -> None:
    book = default_rulebook()
    book.keep_scans(4096)  # the process-wide default (a web app started earlier may have set 0)
    matcher = book._matcher
    first = matcher.scan("title", "New in town, 16 ans", "fr")
    first.append("caller's own list")  # type: ignore[arg-type]
    again = matcher.scan("title", "New in town, 16 ans", "fr")
    assert again and "caller's own list" not in again
    assert matcher._scans
    assert pickle.loads(pickle.dumps(book))._matcher._scans == {}
    long_text = "new in town " * 300  # long texts are scanned every time, not kept
    matcher.scan("body", long_text, "en")
    assert ("body", long_text, "en") not in matcher._scans
    book.clear_cache()
    assert matcher._scans == {}
    book.keep_scans(0)  # the screening server's setting: nothing kept, results unchanged
    assert matcher.scan("title", "New in town, 16 ans", "fr") == again
    assert matcher._scans == {}
    book.keep_scans(4096)


def test_recent_fields_are_reused_across_batches_with_the_same_entities() -> None:
    from unveil.demo.generator import iter_ads
    from unveil.extract import base

    ads = [{**ad, "ad_key": str(i)} for i, ad in enumerate(iter_ads(300, seed=3, with_images=False))]
    # Two batches that share titles and phone fields with the first, in another order and grouping.
    batches = [ads[:150], ads[150:], ads[::-1][:120]]
    base.keep_recent_fields(0)
    expected = [base.extract_batch(batch) for batch in batches]
    try:
        base.keep_recent_fields(4096)
        assert [base.extract_batch(batch) for batch in batches] == expected
        kept = base._RECENT.table
        assert kept and {key[0] for key in kept} <= {"title", "phone", "email"}
        assert all(len(key[1]) <= base._RECENT_CHARS for key in kept)
        # Served from the table, and callers' lists are not the kept ones.
        again = base.extract_batch(batches[2])
        assert again == expected[2]
        again[0].append("caller's own item")  # type: ignore[arg-type]
        assert base.extract_batch(batches[2]) == expected[2]
        # Extractors passed by the caller (user patterns) neither read nor fill the table.
        base.keep_recent_fields(0)
        base.keep_recent_fields(4096)
        assert base.extract_batch(batches[0], base.default_extractors()) == expected[0]
        assert base._RECENT.table == {}
        base.extract_batch(batches[0])
        assert base._RECENT.table
        base.keep_recent_fields(0)  # the screening server's setting: nothing kept
        assert base._RECENT.table == {}
        assert base.extract_batch(batches[1]) == expected[1] and base._RECENT.table == {}
    finally:
        base.keep_recent_fields(0)


def test_recent_fields_table_is_bounded() -> None:
    from unveil.extract import base

    try:
        base.keep_recent_fields(3)
        ads = [{"title": f"Title number {i}", "country": "GB"} for i in range(10)]
        assert base.extract_batch(ads) == [base.extract_batch([ad])[0] for ad in ads]
        assert 0 < len(base._RECENT.table) <= 3
    finally:
        base.keep_recent_fields(0)


def test_batch_processes_rarely_run_full_collections_and_the_stages_leave_no_cycles() -> None:
    from unveil.demo.generator import iter_ads

    rules = default_rulebook()
    before = gc.get_threshold()
    with per_ad.rare_full_collections():
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] >= per_ad.FULL_COLLECTION_AFTER
    assert gc.get_threshold() == before
    try:
        prepare_process(rules)
        ads = [{**ad, "ad_key": str(i)} for i, ad in enumerate(iter_ads(300, seed=4, with_images=False))]
        # Hostile and odd fields too: the paths where parsers raise and extractors give up.
        odd = ["9" * 400, "+" * 50 + "1", "call ０２０ ７９４６ ０１２３ or 0️⃣2️⃣0️⃣", "@" * 300, "a@b." * 100,
               "zero " * 200, "£" * 100 + "40", "ᴀɴɴᴀ ᴀᴛ ᴇxᴀᴍᴘʟᴇ ᴅᴏᴛ ᴄᴏᴍ", "\u0000\ufeff\u200b" * 30,
               "1[0-7] " * 100, "bc1" + "q" * 80, "DE89 " * 40, "https://" + "x" * 500]
        ads += [{"ad_key": f"odd{i}", "title": text[:200], "body": text, "url": text[:300], "phone": text[:60],
                 "country": "GB", "lang": "en"} for i, text in enumerate(odd)]
        table = pa.Table.from_pylist(ads, schema=arrow_schemas.ADS)
        process_batch(table, rules)  # lazily built tables and caches settle
        gc.collect()
        entities, flags = process_batch(table, rules)
        del entities, flags
        # What rare full collections would have freed: nothing, the per-ad stages make no reference cycles.
        assert gc.collect() == 0
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
