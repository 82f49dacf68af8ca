"""Ads disguised with Unicode typography: fancy letters and digits, invisible characters, full-width signs
and look-alike letters from other scripts (red team 77)."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad
from unveil.normalise.styles import plain_styles


def _values(body: str, country: str, kind: str, lang: str | None = "en") -> list[str]:
    ad = {"body": body, "country": country, "lang": lang}
    return sorted(e.value for e in extract_ad(ad) if e.kind == kind and not e.attrs.get("fee"))


@pytest.mark.parametrize(
    ("body", "kind", "value"),
    [
        # the text variation selector U+FE0E inside a word, as the emoji one U+FE0F
        ("Mail: mi\ufe0ea.rose@gmail.com", "email", ["mia.rose@gmail.com"]),
        ("Snapchat: mia\ufe0e_ldn", "handle", ["snapchat:mia_ldn"]),
        ("Hi, I'm Lu\ufe0ena, 24", "name", ["Luna"]),
    ],
)
def test_text_variation_selector_inside_a_word(body: str, kind: str, value: list[str]) -> None:
    assert _values(body, "GB", kind) == value


@pytest.mark.parametrize(
    ("body", "country", "lang", "age"),
    [
        ("Ich bin ❷❼ Jahre alt", "DE", "de", "27"),  # dingbat negative circled digits, also symbols
        ("Age ➋➏", "US", "en", "26"),
        ("I am ②⑦ years old", "US", "en", "27"),
        ("I am ₂₅ years old", "US", "en", "25"),  # a run of subscript digits
    ],
)
def test_styled_digits_of_an_age(body: str, country: str, lang: str, age: str) -> None:
    assert _values(body, country, "age", lang) == [age]


def test_a_single_subscript_digit_stays_an_index() -> None:
    nt = plain_styles("H₂O and CO₂, Ⓜⓘⓐ")
    assert nt is not None and nt.text == "H₂O and CO₂, Mia"


@pytest.mark.parametrize(
    ("body", "country", "lang", "prices"),
    [
        ("£2ОО/hr", "GB", "en", ["200 GBP/60min"]),  # Cyrillic capital O for the zeros
        ("Цена 2ООО руб/час", "RU", "ru", ["2000 RUB/60min"]),
        ("⒉⒌🄀 lei / oră", "RO", "ro", ["250 RON/60min"]),  # digits with a full stop
        ("２００ＥＵＲ／ｈ", "IT", "it", ["200 EUR/60min"]),  # a full-width slash
        ("１５０＄／ｈｒ", "US", "en", ["150 USD/60min"]),  # a full-width dollar sign
        ("Ｐｅｒｔｈ\n＄３００ １ｈｒ", "AU", "en", ["300 AUD/60min"]),
        ("𝟏𝟓𝟎～𝟐𝟎𝟎€/h", "FR", "fr", ["150 EUR/60min", "200 EUR/60min"]),  # a wave dash between a range's ends
        ("150~200€/h", "FR", "fr", ["150 EUR/60min", "200 EUR/60min"]),
    ],
)
def test_styled_prices(body: str, country: str, lang: str, prices: list[str]) -> None:
    assert _values(body, country, "price", lang) == sorted(prices)


def test_marks_over_an_accented_letter_are_dropped() -> None:
    assert _values("O̲c̲é̲a̲n̲e̲, 24 ans", "FR", "name", "fr") == ["Océane"]


@pytest.mark.parametrize(
    ("body", "prices"),
    [
        ("250$ h", ["250 USD/60min"]),  # an hour's "h" after a sign written after the amount, as "$250 h"
        ("𝟏𝟓𝟎$ 𝐡𝐡 / 𝟐𝟓𝟎$ 𝐡", ["150 USD/30min", "250 USD/60min"]),
        ("$35 foot massage 1hr", ["35 USD/60min"]),  # the kind of massage between the amount and its length
        ("$60 Thai massage 60 min, $90 hot stone 90 min", ["60 USD/60min", "90 USD/90min"]),
        ("$50 special 1hr", ["50 USD/60min"]),
        ("$40 tip 20 min early", ["40 USD"]),  # no word of a session between them
    ],
)
def test_lengths_after_a_sign_or_a_session_word(body: str, prices: list[str]) -> None:
    assert _values(body, "US", "price") == prices


@pytest.mark.parametrize(
    ("body", "country", "lang", "phones"),
    [
        ("Escríbeme al 2️⃣0️⃣2️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣1️⃣8️⃣ (número de Estados Unidos)", "MX", "es", ["+12025550118"]),
        ("Call 020 7946 0123 (United Kingdom number)", "US", "en", ["+442079460123"]),
    ],
)
def test_a_country_of_two_words_in_brackets_after_a_number(body: str, country: str, lang: str,
                                                           phones: list[str]) -> None:
    assert _values(body, country, "phone", lang) == phones


@pytest.mark.parametrize(
    ("body", "names", "ages"),
    [
        ("New girls Coco 24, Mimi 27", ["Coco", "Mimi"], ["24", "27"]),  # a plural heading the list
        ("New staff Yuki 24 Japan", ["Yuki"], ["24"]),
        ("Call the girls 24 hours a day", [], []),
    ],
)
def test_a_shops_list_after_a_plural(body: str, names: list[str], ages: list[str]) -> None:
    assert _values(body, "US", "name") == names
    assert _values(body, "US", "age") == ages


def test_nouvelles_filles_and_nuevas_chicas() -> None:
    assert _values("Nuevas chicas Carla 22, Sofia 25", "ES", "age", "es") == ["22", "25"]
    assert _values("Nouvelles filles Chloé 23, Inès 26", "FR", "name", "fr") == ["Chloé", "Inès"]


def test_a_name_between_javanese_ornaments_heads_the_ad() -> None:
    assert _values("꧁ Valentina ꧂\nNueva en Valencia", "ES", "name", "es") == ["Valentina"]
    assert _values("『Lara』\nNeu in Köln", "DE", "name", "de") == ["Lara"]


def test_small_capitals_with_a_plain_x() -> None:
    # small-capital generators have no small "x" and leave the plain letter
    assert _values("Je m'appelle ᴍᴀʀɢᴀᴜx", "FR", "name", "fr") == ["Margaux"]


@pytest.mark.parametrize(
    ("body", "names", "ages"),
    [
        ("Yuki, Japanese, 26", ["Yuki"], ["26"]),  # a describing word between the name and the age
        ("Ana, brasileña, 23, nueva en Madrid", ["Ana"], ["23"]),
        ("Anna, Room, 24", ["Anna"], []),  # no describing word
    ],
)
def test_a_nationality_between_a_name_and_an_age(body: str, names: list[str], ages: list[str]) -> None:
    assert _values(body, "US", "name") == names
    assert _values(body, "US", "age") == ages
