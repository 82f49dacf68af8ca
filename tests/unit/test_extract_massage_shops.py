"""Ads of massage shops run by and staffed with women from East and South-East Asia (red team 76)."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad


def _values(body: str, country: str, kind: str, lang: str | None = "en") -> list[str]:
    ad = {"body": body, "country": country, "lang": lang}
    return sorted(e.value for e in extract_ad(ad) if e.kind == kind and not e.attrs.get("fee"))


@pytest.mark.parametrize(
    ("body", "country", "phones"),
    [
        # a figure before a neighbour's number dialled with its trunk prefix: no home number made of both
        ("Room 27 · 0491 570 042", "NZ", ["+61491570042"]),
        ("Coco 24, Mimi 27, 0491 570 043", "NZ", ["+61491570043"]),
        ("Mimi 27 · 020 7946 0123", "IE", ["+442079460123"]),
        ("Android 14.0.1 / iOS 17.4.1 / app version 5.12.0.1432", "GB", []),  # a version's figures
    ],
)
def test_a_figure_then_a_neighbours_number(body: str, country: str, phones: list[str]) -> None:
    assert _values(body, country, "phone") == phones


@pytest.mark.parametrize(
    ("body", "handle"),
    [
        ("加微信 lily_spa88", "wechat:lily_spa88"),  # "add WeChat"
        ("微信号 meimei_88", "wechat:meimei_88"),  # "WeChat ID"
        ("微信：lily_spa", "wechat:lily_spa"),
    ],
)
def test_wechat_with_chinese_words_glued(body: str, handle: str) -> None:
    assert _values(body, "US", "handle") == [handle]


@pytest.mark.parametrize(
    ("body", "country", "kind", "expected"),
    [
        ("Lily 23岁, Coco 25歳", "US", "age", ["23", "25"]),
        ("60分钟 $80, 90分钟 $110", "US", "price", ["110 USD/90min", "80 USD/60min"]),
        ("1小时 $70", "US", "price", ["70 USD/60min"]),
        ("Foot massage 30分 25€", "DE", "price", ["25 EUR/30min"]),
        ("Salle 22, au fond du couloir", "FR", "age", []),  # room numbers
        ("Cabina 24 al fondo", "ES", "age", []),
        ("Ploy 24, Fon 27 and Aoi 26", "GB", "name", ["Aoi", "Fon", "Ploy"]),
    ],
)
def test_units_rooms_and_names(body: str, country: str, kind: str, expected: list[str]) -> None:
    assert _values(body, country, kind) == expected


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        # a road named after a town, abbreviated as street signs write it
        ("Azusa Ave, suite 5, Covina", "US", ["Covina|US"]),
        ("1200 Las Tunas Dr, San Gabriel", "US", ["San Gabriel|US"]),
        ("Dover CT16, by the port", "GB", ["Dover|GB"]),  # a postcode, no "Court"
        ("Hartford CT tonight", "US", ["Hartford|US"]),
        # neighbourhoods every city has, which the gazetteer files under one
        ("Chinatown incall, Chicago", "US", ["Chicago|US"]),
        ("Koreatown spa, Carrollton", "US", ["Carrollton|US"]),
        ("Capitol Hill, Seattle", "US", ["Seattle|US"]),
    ],
)
def test_roads_and_neighbourhoods(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "lang", "names"),
    [
        # where she comes from after her age closes the roster's item
        ("New girls: Lily 23, Coco 25, Amy 28 from Thailand", "US", "en", ["Amy", "Coco", "Lily"]),
        ("Amy 28 from Thailand", "US", "en", ["Amy"]),
        # "or" in more languages between the names a client may ask for
        ("Vraag naar Mei of Lili.", "NL", "nl", ["Lili", "Mei"]),
        ("Ask for the Queen of Hearts", "GB", "en", []),
    ],
)
def test_rosters(body: str, country: str, lang: str, names: list[str]) -> None:
    assert _values(body, country, "name", lang) == names


@pytest.mark.parametrize(
    ("body", "handle"),
    [
        ("Korean therapists. KakaoTalk: sora77", "kakaotalk:sora77"),
        ("Korean spa North York. 카톡 ID: jenny_spa. 647-555-0151", "kakaotalk:jenny_spa"),
        ("Kakao ID: minji.spa", "kakaotalk:minji.spa"),
        ("open.kakao.com/me/minji_spa", "kakaotalk:minji_spa"),
    ],
)
def test_kakaotalk(body: str, handle: str) -> None:
    assert _values(body, "US", "handle") == [handle]


def test_kakao_word_alone_is_no_handle() -> None:
    assert _values("Kakao Talk available", "US", "handle") == []


@pytest.mark.parametrize(
    ("body", "country", "phones"),
    [
        ("626一555一0146", "US", ["+16265550146"]),  # the numeral one typed as a dash between groups
        ("626ー555ー0146", "US", ["+16265550146"]),  # the Japanese sound mark
        ("01一99一00一12一34", "FR", ["+33199001234"]),
    ],
)
def test_groups_split_by_a_cjk_stroke(body: str, country: str, phones: list[str]) -> None:
    assert _values(body, country, "phone") == phones
