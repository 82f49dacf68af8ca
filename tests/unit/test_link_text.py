"""Text fingerprints: masking, segments, shingles, MinHash signatures, verification, templates."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.link.templates import SLOT, explain
from unveil.link.text_candidates import verify_pairs
from unveil.link.text_signatures import (
    MASK,
    TextSettings,
    ad_token_segments,
    estimate_jaccard,
    fingerprint_batch,
    mask_city,
    mask_spans,
    segment_hashes,
    shingle_hashes,
    signatures_from_binary,
    tokenise,
)

TEMPLATE = ("Hello guys, my name is {name}. Lovely {who} woman. Companionship and relaxing massage, "
            "outcall only. Incall near {city} centre, discreet entrance. Available day and night, just call. "
            "Call to book my girls!! {price} half hour. WhatsApp {phone}")


def _ads(texts: list[tuple[str, str]], cities: list[str] | None = None) -> pa.Table:
    return pa.table({
        "ad_no": pa.array(range(1, len(texts) + 1), pa.int64()),
        "title": [t for t, _ in texts],
        "body": [b for _, b in texts],
        "city": cities or [None] * len(texts),
    })


@pytest.mark.parametrize(("text", "spans", "expected"), [
    ("call 0123 now", [(5, 9)], f"call  {MASK}  now"),
    ("abcdef", [(0, 2), (1, 4)], f" {MASK} ef"),  # overlaps merge
    ("abcdef", [], "abcdef"),
])
def test_mask_spans(text, spans, expected):
    assert mask_spans(text, spans) == expected


def test_mask_city_is_case_insensitive_and_keeps_other_words():
    assert mask_city("Incall near LEEDS centre", "Leeds") == f"Incall near  {MASK}  centre"
    assert mask_city("Incall near Leeds", None) == "Incall near Leeds"


@pytest.mark.parametrize(("text", "segments"), [
    ("Hello there. Call 0790!", [["hello", "there"], ["call", MASK]]),
    ("Line one\nline two • three ✨ four", [["line", "one"], ["line", "two"], ["three"], ["four"]]),
    ("Price: 100 € / 150 €", [["price", MASK]]),  # digit runs and what separates them collapse into one mask
    ("Ça va? ÇA VA", [["ça", "va"], ["ça", "va"]]),
    ("   ", []),
])
def test_tokenise_segments(text, segments):
    tokens, parent = tokenise(pa.array([text]))
    assert tokens.to_pylist() == segments
    assert list(parent) == [0] * len(segments)


def test_shingles_respect_document_boundaries_and_short_documents():
    toks = np.array([1, 2, 3, 4, 5, 6], dtype=np.uint64)
    sh, off = shingle_hashes(toks, np.array([0, 4, 5, 6]), 3)
    assert list(off) == [0, 2, 3, 4]  # 4 tokens -> 2 shingles; 1-token documents -> 1 shingle each
    again, _ = shingle_hashes(toks, np.array([0, 4, 5, 6]), 3)
    assert np.array_equal(sh, again)
    alone, _ = shingle_hashes(toks[:4], np.array([0, 4]), 3)
    assert np.array_equal(sh[:2], alone)  # a document's shingles do not depend on its neighbours


def test_fingerprint_of_an_ad_does_not_depend_on_its_batch():
    texts = [("t", TEMPLATE.format(name=n, who="Chinese", city="Leeds", price="£80", phone="07700 900123"))
             for n in ("Mia", "Lea", "Ana", "Eva")]
    s = TextSettings(min_shingles=8)
    whole = fingerprint_batch(_ads(texts), None, frozenset(), s)
    part = fingerprint_batch(_ads(texts).slice(2, 2), None, frozenset(), s)
    assert whole.signatures.slice(2, 2).equals(part.signatures)
    assert whole.bands.num_rows == 4 * s.bands


def test_masking_makes_rotated_phones_names_and_cities_irrelevant():
    a = TEMPLATE.format(name="Mia", who="Chinese", city="Leeds", price="£80", phone="07700 900123")
    b = TEMPLATE.format(name="Lea", who="Chinese", city="York", price="£90", phone="07700 900456")
    na, nb = a.index("Mia"), b.index("Lea")
    spans = pa.table({"ad_no": pa.array([1, 2], pa.int64()), "field": ["body", "body"],
                      "start": [na, nb], "end": [na + 3, nb + 3]})
    ads = _ads([("t", a), ("t", b)], ["Leeds", "York"])
    fp = fingerprint_batch(ads, spans, frozenset(), TextSettings(min_shingles=8))
    sigs = signatures_from_binary(fp.signatures.column("sig"), 128)
    assert estimate_jaccard(sigs[:1], sigs[1:])[0] == 1.0


def test_boilerplate_segments_are_left_out_and_listed_as_masked():
    texts = [("", "Unique words about an independent companion here. Report this ad please now.")]
    ads = _ads(texts)
    tokens, _ = ad_token_segments(ads, None)
    footer = int(segment_hashes(tokens)[1])
    fp = fingerprint_batch(ads, None, frozenset({footer}), TextSettings(min_shingles=1))
    masked = dict(zip(fp.segments.column("seg").to_pylist(), fp.segments.column("masked").to_pylist(), strict=True))
    assert masked[footer] is True and sum(masked.values()) == 1
    assert fp.signatures.column("shingles").to_pylist() == [5]  # 7 tokens of the first segment -> 5 shingles


def test_short_texts_get_no_signature():
    fp = fingerprint_batch(_ads([("", "Call me. 0790")]), None, frozenset(), TextSettings())
    assert fp.signatures.num_rows == 0 and fp.bands.num_rows == 0


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60), st.integers(5, 60))
def test_bbit_estimate_tracks_exact_jaccard(shared, only_a, only_b):
    """The 16-bit signature estimate stays within ~4 standard errors of the true Jaccard similarity."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = [letters[i // 26] + letters[i % 26] for i in range(shared + only_a + only_b)]
    a = vocab[: shared + only_a] or ["zzz"]
    b = vocab[:shared] + vocab[shared + only_a :]
    s = TextSettings(shingle=1, min_shingles=1)
    fp = fingerprint_batch(_ads([("", " ".join(a)), ("", " ".join(b))]), None, frozenset(), s)
    sigs = signatures_from_binary(fp.signatures.column("sig"), s.num_perm)
    true = len(set(a) & set(b)) / len(set(a) | set(b))
    est = estimate_jaccard(sigs[:1], sigs[1:])[0]
    assert abs(est - true) <= 4 * max(0.02, (true * (1 - true) / s.num_perm) ** 0.5)


def test_verify_pairs_keeps_pairs_at_or_above_the_threshold():
    sigs = np.zeros((3, 128), dtype=np.uint16)
    sigs[1, :32] = 7  # 75% agreement with row 0
    sigs[2, :] = np.arange(1, 129)  # no agreement
    row_of = np.array([-1, 0, 1, 2])
    out = verify_pairs(np.array([1, 1]), np.array([2, 3]), sigs, row_of, 0.7)
    assert out.column("a").to_pylist() == [1] and out.column("b").to_pylist() == [2]
    assert abs(out.column("similarity")[0].as_py() - 0.75) < 0.01


def test_signatures_of_other_settings_are_refused():
    with pytest.raises(ValueError, match="other settings"):
        signatures_from_binary(pa.array([b"\x00" * 10]), 128)


def test_template_explanation_marks_the_varying_slots():
    medoid = [["hello", "i", "am", "mia"], ["lovely", "chinese", "woman"], ["call", MASK]]
    members = [[["hello", "i", "am", n], ["lovely", w, "woman"], ["call", MASK]]
               for n, w in (("lea", "thai"), ("eva", "chinese"), ("ana", "polish"), ("mia", "thai"))]
    assert explain(medoid, members) == f"hello i am {SLOT} · lovely {SLOT} woman · call #"
