"""Per-text sharing between extractors (unveil.normalise.memo) and the offset-run helper."""

from __future__ import annotations

from array import array
from collections.abc import Callable

from unveil.extract.base import extract_ad, extract_batch
from unveil.normalise.memo import per_text, shared_texts
from unveil.normalise.offsets import extend_run


def _counting() -> tuple[list[str], Callable[[str], str]]:
    calls: list[str] = []

    @per_text
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    return calls, upper


def test_scope_computes_once_per_text_and_forgets_at_the_end() -> None:
    calls, upper = _counting()
    with shared_texts():
        assert [upper("a"), upper("b"), upper("a"), upper("a")] == ["A", "B", "A", "A"]
        with shared_texts():  # nested: shares the outer results
            assert upper("b") == "B"
    assert calls == ["a", "b"]
    with shared_texts():
        upper("a")
    assert calls == ["a", "b", "a"]


def test_outside_a_scope_a_small_cache_still_answers() -> None:
    calls, upper = _counting()
    assert upper("x") == "X" and upper("x") == "X"
    assert calls == ["x"]


def test_batch_and_per_ad_extraction_agree_with_shared_work() -> None:
    # The same field text in several ads and fields: shared results must not leak between fields.
    text = "Anna, 25. Call 020 7946 0123 or anna at example dot com, snap: anna_b. £120/h in London."
    ads = [
        {"title": "Anna in London", "body": text, "country": "GB"},
        {"title": text, "body": "Nothing here.", "country": "GB"},
        {"title": "Anna", "body": text, "country": "US"},
    ]
    assert extract_batch(ads) == [extract_ad(ad) for ad in ads]
    assert any(e.kind == "email" for e in extract_ad(ads[1]))


def test_extend_run_matches_range_on_both_sides_of_the_table() -> None:
    for start, end in [(0, 0), (3, 10), (65530, 65536), (65530, 70000), (70000, 70003)]:
        buf = array("l", [7])
        extend_run(buf, start, end)
        assert list(buf) == [7, *range(start, end)]
