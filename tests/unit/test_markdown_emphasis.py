"""Markdown's bold markers ("**Call:** **020 7946 0345**") are read as nothing, with stored offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad
from unveil.normalise.markdown import plain_emphasis


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("**Call:** **020 7946 0345**", "Call: 020 7946 0345"),
        ("**Age:** 24", "Age: 24"),
        ("__Mia__, 24\n**Rates:** 1h **£150**", "Mia, 24\nRates: 1h £150"),
    ],
)
def test_paired_bold_markers_are_dropped(text: str, plain: str) -> None:
    nt = plain_emphasis(text)
    assert nt is not None
    assert nt.text == plain


@pytest.mark.parametrize("text", [
    "*219~*851~33**77",  # stars between digits hide a number
    "Call 020 7946 03**",  # a mask: the last digits withheld
    "@lola__vip",  # a name's double underscore
    "**unclosed bold",
    "** spaced **",
    "plain text",
])
def test_stars_that_are_no_bold_stay(text: str) -> None:
    nt = plain_emphasis(text)
    assert nt is None or nt.text == text


@pytest.mark.parametrize(
    ("body", "kind", "value", "written"),
    [
        ("**Call:** **020 7946 0345**", "phone", "+442079460345", "020 7946 0345"),
        ("**Age:** 24", "age", "24", "24"),
        ("Age: **24**", "age", "24", "24"),
        ("**Rates:** 1h **£150**", "price", "150 GBP/60min", "1h **£150"),
    ],
)
def test_values_inside_bold_point_at_the_stored_text(body: str, kind: str, value: str, written: str) -> None:
    found = [e for e in extract_ad({"body": body, "country": "GB"}) if e.kind == kind]
    assert [(e.value, e.text) for e in found] == [(value, written)]


def test_a_masked_number_stays_masked() -> None:
    assert [e for e in extract_ad({"body": "Call 020 7946 03**", "country": "GB"}) if e.kind == "phone"] == []


_PIECES = st.sampled_from(["**", "__", "*", "_", "Call", ":", " ", "\n", "020", "7946", "x", "@"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_every_plain_character_maps_inside_the_stored_text(text: str) -> None:
    nt = plain_emphasis(text)
    if nt is not None:
        for i in range(len(nt.text)):
            assert 0 <= nt.starts[i] < nt.ends[i] <= len(text)
            assert nt.text[i] == text[nt.starts[i]]
    for e in extract_ad({"body": text, "country": "GB"}):
        assert text[e.start : e.end] == e.text


@pytest.mark.timeout(30)
@pytest.mark.parametrize("unit", ["**", "**a", "a**", "**a** ", "__x"])
def test_a_megabyte_of_stars_finishes(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    nt = plain_emphasis(text)
    assert nt is None or len(nt.text) <= len(text)
