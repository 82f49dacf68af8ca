"""UTF-8 read as Windows-1252 or Latin-1 ("MÃ¼nchen") is read as written, with offsets in the stored text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad
from unveil.normalise.mojibake import repair_mojibake

_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def damaged(text: str) -> str:
    """``text``'s UTF-8 bytes read as Windows-1252, the undefined bytes as Latin-1 (as browsers do)."""
    return "".join(chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252")
                   for b in text.encode("utf-8"))


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("SÃ©verine", "Séverine"),
        ("MÃ¼nchen", "München"),
        ("150â‚¬ / 1h", "150€ / 1h"),
        ("Â£150 1hr", "£150 1hr"),
        ("Iâ€™m here", "I’m here"),
        ("25 aÃ±os", "25 años"),
        ("kisses ðŸ’‹", "kisses 💋"),
        ("ÃƒÂ©tÃƒÂ©", "été"),  # decoded wrongly twice
        ("Ã©tÃ© Ã\xa0 Lyon", "été à Lyon"),
        ("Ã©tÃ© Ã  Lyon", "été à  Lyon"),  # the no-break space of "à" became a plain space
        ("ÐœÐ°ÑˆÐ°", "Маша"),
        ("Ã\x89milie", "Émilie"),  # Latin-1 keeps the C1 byte as a control character
    ],
)
def test_mis_decoded_utf8_is_read(text: str, read: str) -> None:
    nt = repair_mojibake(text)
    assert nt is not None
    assert nt.text == read


@pytest.mark.parametrize(
    "text",
    ["plain ascii text", "NÃO PERCA", "São Paulo", "ÎN ROMÂNIA", "été à Paris", "JOSÉ’S CAFÉ’S",
     "C'est l'été…»", "«ME LLAMÓ»", "IRMÃ E MÃE", "Ã alone", "Größe 168 – Maße"],
)
def test_text_a_person_writes_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) is None


@given(st.text(alphabet="abcxyz ABC019,.:@éèàçßüöñÉ€’–💋😘", max_size=60))
@settings(max_examples=300, deadline=None)
def test_damage_is_undone(text: str) -> None:
    nt = repair_mojibake(damaged(text))
    assert (nt.text if nt is not None else damaged(text)) == text


@given(st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_offsets_point_into_the_stored_text(text: str) -> None:
    nt = repair_mojibake(text)
    if nt is None:
        return
    assert len(nt.starts) == len(nt.ends) == len(nt.text)
    for i in range(len(nt.text)):
        start, end = nt.to_original(i, i + 1)
        assert 0 <= start < end <= len(text)


@pytest.mark.parametrize(
    ("text", "country", "kind", "value", "written"),
    [
        ("SÃ©verine, 24 ans, Ã  Lyon", "FR", "name", "Séverine", "SÃ©verine"),
        ("Rates 150â‚¬ / 1h", "FR", "price", "150 EUR/60min", "150â‚¬ / 1h"),
        ("Lovely Chloe, Â£150 1hr", "GB", "price", "150 GBP/60min", "Â£150 1hr"),
        ("Iâ€™m in MÃ¼nchen this week", "DE", "city", "Munich|DE", "MÃ¼nchen"),
        ("Hola, 25 aÃ±os, MÃ¡laga", "ES", "age", "25", "25 aÃ±os"),
        ("TÃ©l : 01 99 00 12 34", "FR", "phone", "+33199001234", "01 99 00 12 34"),
    ],
)
def test_entities_in_damaged_text_point_at_the_stored_text(text: str, country: str, kind: str, value: str,
                                                           written: str) -> None:
    found = [e for e in extract_ad({"body": text, "country": country}) if e.kind == kind]
    assert [(e.value, e.text) for e in found] == [(value, written)]
    for e in found:
        assert text[e.start : e.end] == e.text


def test_a_repaired_value_is_not_obfuscation() -> None:
    [ph] = [e for e in extract_ad({"body": "TÃ©lÃ©phone : 01 99 00 12 34", "country": "FR"}) if e.kind == "phone"]
    assert ph.attrs["obfuscated"] is False


def test_a_megabyte_of_damage_is_read_in_linear_time() -> None:
    text = "Ã©" * 500_000
    nt = repair_mojibake(text)
    assert nt is not None
    assert nt.text == "é" * 500_000


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("150\u202f€ 1h / 250\u202f€ 2h / 1\u202f000\u202f€ nuit", "price", "1000 EUR/night"),
        ("$\u20091\u2009500 overnight", "price", "1500 USD/night"),
        ("150\u202f€ l’heure", "price", "150 EUR/60min"),
        ("Sophie, 24\u202fans", "age", "24"),
    ],
)
def test_typographic_spaces_read_as_plain_ones(text: str, kind: str, value: str) -> None:
    found = [e for e in extract_ad({"body": text, "country": "FR"}) if e.kind == kind]
    assert value in [e.value for e in found]
    for e in found:
        assert text[e.start : e.end] == e.text


def test_plain_spaces_keeps_offsets() -> None:
    from unveil.normalise.spaces import plain_spaces

    nt = plain_spaces("1\u202f000\u2009€")
    assert nt is not None
    assert nt.text == "1 000 €"
    assert nt.to_original(0, 7) == (0, 7)
    assert plain_spaces("plain text") is None
    assert plain_spaces("café crème") is None
