"""A number word or digit right before an explicit international number is not glued onto it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad

# UK numbers reserved for drama (020 7946 0xxx), written with their country code.
FICTION_E164 = st.integers(0, 999).map(lambda n: f"+442079460{n:03d}")


def _phones(text: str, country: str = "GB") -> list[str]:
    return [e.value for e in extract_ad({"body": text, "country": country}) if e.kind == "phone"]


@pytest.mark.parametrize(
    "text",
    [
        "call me one (+44 20 7946 0775)",
        "call me 1 (+44 20 7946 0775)",
        "call me one(+44 20 7946 0775)",
        "ring seven (+44 20 7946 0775) anytime",
        "one two (+44 20 7946 0775)",
        "call me one +44 20 7946 0775",
    ],
)
def test_word_before_bracketed_international_number(text: str) -> None:
    assert _phones(text) == ["+442079460775"]
    assert _phones(text, "FR") == ["+442079460775"]


def test_offsets_start_at_the_plus() -> None:
    text = "call me one (+44 20 7946 0775)"
    [ent] = [e for e in extract_ad({"body": text, "country": "GB"}) if e.kind == "phone"]
    assert ent.text == "+44 20 7946 0775"


def test_obfuscated_number_in_brackets_still_one_number() -> None:
    # Brackets used as obfuscation (no "+") are still dropped inside one number.
    assert _phones("[0][2][0] [7][9][4][6] [0][7][7][5]") == ["+442079460775"]


NUMBER_WORDS = st.sampled_from(["one", "two", "seven", "nine", "un", "deux", "uno", "eins", "1", "7"])


@settings(max_examples=150, deadline=None)
@given(NUMBER_WORDS, FICTION_E164, st.sampled_from([" (", "(", " [", " ", " ( "]), st.sampled_from(["GB", "FR", "DE"]))
def test_number_word_never_glued_onto_explicit_country_code(word: str, e164: str, opener: str, country: str) -> None:
    national = e164[3:]
    written = f"+44 {national[:2]} {national[2:6]} {national[6:]}"
    closer = {"(": ")", "[": "]"}.get(opener.strip(), "")
    text = f"call me {word}{opener}{written}{closer} now"
    assert _phones(text, country) == [e164]
