"""Contacts other than phones, hidden by posters who know platforms search for them (red team 82)."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad
from unveil.extract.crypto import find_crypto


def _found(body: str, country: str = "US") -> list[tuple[str, str]]:
    ents = extract_ad({"body": body, "country": country, "lang": "en"})
    return sorted((e.kind, e.value) for e in ents if e.kind in ("handle", "url", "email", "payment", "crypto"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a handle whose dot is hidden after its platform's label is no web address
        ("Snap: lola dot vip", [("handle", "snapchat:lola.vip")]),
        ("Insta: vale punto mx", [("handle", "instagram:vale.mx")]),
        ("Snap: lola(dot)vip", [("handle", "snapchat:lola.vip")]),
        ("Snap: lola [.] vip", [("handle", "snapchat:lola.vip")]),
        ("Website: lola(dot)vip", [("url", "lola.vip")]),
        # a "$" for the "s" of a platform's label, and platform words spaced out letter by letter
        ("$nap: lola.vip", [("handle", "snapchat:lola.vip")]),
        ("S n a p c h a t: mia.kay", [("handle", "snapchat:mia.kay")]),
        ("I n s t a g r a m: mia.kay", [("handle", "instagram:mia.kay")]),
        ("Cashapp $nap", [("payment", "cashapp:nap")]),  # a cashtag stays one
        ("Snapchet: lola.vip", [("handle", "snapchat:lola.vip")]),  # a common misspelling
        ("Telegram: mara liniuță jos buc", [("handle", "telegram:mara_buc")]),  # Romanian for "_"
    ],
)
def test_hidden_platforms_and_dots(body: str, expected: list[tuple[str, str]]) -> None:
    assert _found(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Shoot last week 📸: @photo.by.ana",  # a camera and a colon credit the photographer
        "New set 📸 | @photo.by.ana",
        "Twitter drama? Not me.",  # a question, no name
        "Snapchat anyone?",
        "my inbox at gmail.com is full",
        "Photos taken at studio dot london",
    ],
)
def test_prose_that_looks_like_a_contact(body: str) -> None:
    assert _found(body) == []


def test_a_camera_after_instagrams_name_still_names_it() -> None:
    assert _found("IG 📸: @dani.cdmx") == [("handle", "instagram:dani.cdmx")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("BTC: 1A1zP1eP 5QGefi2D MPTfTL5S Lmv7DivfNa", "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
        ("Deposit wallet 1A1z-P1eP-5QGe-fi2D-MPTf-TL5S-Lmv7-Divf-Na", "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
        ("ETH:\n0x5aAeb6053F3E94C9b9A09f33669435E7\nEf1BeAed", "eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
        ("bc1qw508d6qejxtdg4y5 r3zarvary0c5xw7 kv8f3t4", "btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
    ],
)
def test_an_address_split_into_groups(text: str, value: str) -> None:
    found = find_crypto(text)
    assert [m.value for m in found] == [value]
    assert found[0].attrs["split"] is True
    span = text[found[0].start:found[0].end]  # from the first group to the last
    assert "".join(ch for ch in span if ch.isalnum()).lower() == value.split(":", 1)[1].lower()


@pytest.mark.parametrize(
    "text",
    [
        "1A1zP1eP 5QGefi2D MPTfTL5S Lmv7DivfNa",  # no coin named: a split address needs its label
        "BTC: 1A1zP1eP 5QGefi2D MPTfTL5S Lmv7DivfNb",  # a checksum that fails
        "Wallet: order 1234 5678 9012 3456 7890 1234 5678",
        "Crypto accepted. Tonight at the hotel 1500 per hour, 3 girls",
    ],
)
def test_no_address_from_other_groups(text: str) -> None:
    assert find_crypto(text) == []
