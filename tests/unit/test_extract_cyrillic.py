"""Ads in Russian, Ukrainian, Belarusian, Serbian and Macedonian, through every extractor.

Synthetic, non-explicit texts; phone numbers from the ranges reserved for fiction.
"""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad
from unveil.extract.cities import cyrillic_case_forms
from unveil.extract.translit import latin_spellings
from unveil.normalise.deobfuscate import deobfuscate_digits


def values(text: str, kind: str, country: str | None = "DE", lang: str | None = "ru") -> list[str]:
    ad = {"id": "1", "body": text, "country": country, "lang": lang}
    return sorted({e.value for e in extract_ad(ad) if e.kind == kind})


@pytest.mark.parametrize(
    ("text", "country", "lang", "phone"),
    [
        ("тел: ноль два ноль, семь девять четыре шесть, ноль один два три", "GB", "ru", "+442079460123"),
        ("Звони: Ноль один, девяносто девять, ноль ноль, двенадцать, тридцать четыре", "FR", "ru", "+33199001234"),
        ("пиши: два один два п'ять п'ять п'ять нуль один чотири сім", "US", "uk", "+12125550147"),
        ("номер: два один два пʼять пʼять пʼять нуль один чотири сім", "US", "uk", "+12125550147"),
        ("Вотсап: плюс сорок четыре, двадцать, семь девять четыре шесть, ноль один два три", "DE", "ru",
         "+442079460123"),
        ("tel: nol dva nol, sem devyat chetyre shest, nol odin dva tri", "GB", "ru", "+442079460123"),
        ("тел: нула два нула, седам девет четири шест, нула један два три", "GB", "sr", "+442079460123"),
        # Cyrillic look-alike digits: О (0), З (3), Ч (4), б (6); a capital S for 5
        ("Вацап: О2О 79Ч6 О12З", "GB", "ru", "+442079460123"),
        ("тел 0l 99 OO 1б З4", "FR", "ru", "+33199001634"),
        ("call (212) 5S5-O147", "US", "en", "+12125550147"),
        # a country code of look-alikes glued to its "+": never the ad's own country's number
        ("Вайбер +ЗЗ 1 99 ОО б7 8З, Познань", "PL", "ru", "+33199006783"),
        ("+ЗЗ 1 99 00 12 34 — звоните после 12", "IT", "ru", "+33199001234"),
        ("Tel. +ЗЗ 1 99 00 12 34", "RS", "sr", "+33199001234"),
        # a country code alone, a few words before the rest of the number
        ("Код +44, номер 20 7946 0606", "CZ", "ru", "+442079460606"),
        ("Код Англии +44, дальше 20 7946 0606", "CZ", "ru", "+442079460606"),
        ("Code +1, then 202 555 0143", "CZ", "en", "+12025550143"),
    ],
)
def test_phones_in_cyrillic_ads(text: str, country: str, lang: str, phone: str) -> None:
    assert values(text, "phone", country, lang) == [phone]


@pytest.mark.parametrize(
    "text", ["Параметры: 24/170/55/3", "Лена | 24 | 170 | 55", "Аня, 24/170/55/2, Берлин", "Anna 24 / 170 / 55"])
def test_a_stats_line_is_no_phone(text: str) -> None:
    # age, height, weight (and size) split by slashes or bars
    assert values(text, "phone") == []


def test_a_figure_with_a_plus_is_no_country_code_words_before_a_number() -> None:
    assert values("Tarif +50, call 202 555 0143", "phone", "US", "en") == ["+12025550143"]  # "+50" is no code


def test_a_cyrillic_word_is_not_folded_into_latin_look_alikes() -> None:
    nt = deobfuscate_digits("Ноль один пять", "ru")
    assert nt.text == "015"
    assert deobfuscate_digits("тел: нет", "ru").text == "тел: нет"
    # mixed into Latin text or digits, look-alikes are still folded: "tеlegram" with a Cyrillic "е"
    assert deobfuscate_digits("tеlegram", None).text == "telegram"


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Пиши на почту: anna.koeln собака gmail точка com", "anna.koeln@gmail.com"),
        ("пошта: lyuda.han равлик gmail крапка com", "lyuda.han@gmail.com"),
        ("Почта: mila.muc [собака] proton [точка] me", "mila.muc@proton.me"),
        ("мејл: sanja.bg мајмунче gmail тачка com", "sanja.bg@gmail.com"),
    ],
)
def test_emails_with_cyrillic_at_and_dot_words(text: str, email: str) -> None:
    assert values(text, "email") == [email]


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Телеграм: @snezhana_gva", "telegram:snezhana_gva"),
        ("Пиши в ТГ: @vika_dus", "telegram:vika_dus"),
        ("пиши в телегу @asya_travel", "telegram:asya_travel"),
        ("Инстаграм: zlata.bcn", "instagram:zlata.bcn"),
        ("Снэпчат: sonya_bcn22", "snapchat:sonya_bcn22"),
    ],
)
def test_handles_after_cyrillic_platform_words(text: str, handle: str) -> None:
    assert values(text, "handle") == [handle]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Привет! Меня зовут Алина, мне 24.", ["24"]),
        ("Катя, 23 года. Новенькая в Берлине!", ["23"]),
        ("Возраст: 27\nРост: 168\nВес: 55", ["27"]),
        ("Мені 27 років.", ["27"]),
        ("Лейпциг. Даша 26.\nтел по запросу", ["26"]),
        ("Опыт 10 лет. Мне 33.", ["33"]),
        ("Вика (двадцать три года), Прага", ["23"]),
        ("Мені двадцять чотири роки, звати Олеся.", ["24"]),
        ("Мені двадцять п'ять років", ["25"]),  # the apostrophe inside the word, as typed or as "ʼ"
        ("Мені двадцять дев’ять років", ["29"]),
        ("Новенькая! Только исполнилось 19.", ["19"]),
        ("Только для мужчин старше 25 лет.", []),
        # years of marriage, a salon's, a child's
        ("Замужем 10 лет, ищу общения", []),
        ("Салону 15 лет! Скидки постоянным гостям", []),
        ("Мне 38 лет, дочке 18 лет, она учится", ["38"]),
    ],
)
def test_ages_in_cyrillic(text: str, ages: list[str]) -> None:
    assert values(text, "age") == ages


@pytest.mark.parametrize(
    ("text", "country", "prices"),
    [
        ("Час 150€, 2 часа 280€, ночь 800€.", "DE", ["150 EUR/60min", "280 EUR/120min", "800 EUR/night"]),
        ("1000 грн час, ночь 5000 грн", "UA", ["1000 UAH/60min", "5000 UAH/night"]),
        ("Цена 150 евро/час", "DE", ["150 EUR/60min"]),
        ("200 € 1ч", "DE", ["200 EUR/60min"]),
        ("час 150 долларов", "TR", ["150 USD/60min"]),
        ("Полчаса - 100€\nЧас - 180€", "DE", ["100 EUR/30min", "180 EUR/60min"]),
        ("150 євро година", "IT", ["150 EUR/60min"]),
    ],
)
def test_prices_in_cyrillic(text: str, country: str, prices: list[str]) -> None:
    assert values(text, "price", country) == prices


@pytest.mark.parametrize(
    ("text", "country", "cities"),
    [
        ("Новенькая в Берлине! Прага, Варшава", "DE", ["Berlin|DE", "Prague|CZ", "Warsaw|PL"]),
        ("из Киева, сейчас по Мюнхену", "DE", ["Kyiv|UA", "Munich|DE"]),
        ("Нова у Празі! Потім у Відні", "CZ", ["Prague|CZ", "Vienna|AT"]),
        ("Мене звуть Христина, я у Дніпрі лише до п'ятниці", "UA", ["Dnipro|UA"]),  # listed in `inflected`
        ("В Івано-Франківську та Тернополі.", "UA", ["Ivano-Frankivsk|UA", "Ternopil|UA"]),
        ("Выезд в отели Мюнхена", "DE", ["Munich|DE"]),
        ("Стамбул, Шишли.", "TR", ["Istanbul|TR"]),
        ("Сопот. Рим. Нью-Йорк", "PL", ["New York City|US", "Rome|IT", "Sopot|PL"]),
        # case forms need a preposition: "Буду" (I will be) is not Buda, "Лера" (a name) is not Leer
        ("Прага. Буду в городе с 12.03.", "CZ", ["Prague|CZ"]),
        ("Дюссельдорф. Лера 24.", "DE", ["Düsseldorf|DE"]),
        # a first name is no town without a cue: "София" is a person here
        ("Нью-Йорк. Меня зовут София.", "US", ["New York City|US"]),
    ],
)
def test_cities_in_cyrillic(text: str, country: str | None, cities: list[str]) -> None:
    assert values(text, "city", country) == cities


@pytest.mark.parametrize(
    ("text", "country", "cities"),
    [
        # big towns in lower case after a preposition, as chats and quick ads write them
        ("сейчас в лондоне, звони +44 20 7946 0123", "GB", ["London|GB"]),
        ("я в парижі до пʼятниці", "FR", ["Paris|FR"]),
        ("з києва, у львові", "UA", ["Kyiv|UA", "Lviv|UA"]),
        ("във виена", "AT", ["Vienna|AT"]),
        ("я в берлине, из минска", "DE", ["Berlin|DE", "Minsk|BY"]),
        # lower-case words that are no big town's case form after a preposition
        ("в доме, в отеле, в бане, у моря, до встречи, у нас, в пути, в салоне, у метро, в туре, в баре", "DE", []),
        ("у місті, з дому, до ранку, у вихідні, в неділю, у центрі", "UA", []),
    ],
)
def test_lower_case_towns_in_cyrillic(text: str, country: str, cities: list[str]) -> None:
    assert values(text, "city", country) == cities


def test_cyrillic_case_forms() -> None:
    assert {"берлине", "берлина", "берлину", "берліні"} <= cyrillic_case_forms("берлин") | cyrillic_case_forms("берлін")
    assert {"праге", "праги", "празі"} <= cyrillic_case_forms("прага")
    assert {"львова", "львові"} <= cyrillic_case_forms("львів")
    assert {"києва", "києві"} <= cyrillic_case_forms("київ")
    assert "відні" in cyrillic_case_forms("відень")
    assert cyrillic_case_forms("торонто") == set()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Привет! Меня зовут Алина, мне 24.", ["Алина"]),
        ("Мене звати Оксана, мені 33.", ["Оксана"]),
        ("Привет, я Даяна, 26 лет.", ["Даяна"]),
        ("Имя: Светлана\nВозраст: 27", ["Светлана"]),
        ("Гамбург. Настя.\nтел по запросу", ["Настя"]),
        # not in the list in Cyrillic, known through its Latin spelling
        ("Нью-Йорк. Стелла, 29.", ["Стелла"]),
        ("Ницца. Жасмин, 25.", ["Жасмин"]),
        # words describing her, that head an ad or follow "я", are no names
        ("Я Украинка, 25 лет", []),
        ("Блондинка 25 лет, Гамбург", []),
        ("Новенькая Маша, 22 года", ["Маша"]),
        ("Сыну 20 лет", []),
    ],
)
def test_names_in_cyrillic(text: str, names: list[str]) -> None:
    assert values(text, "name") == names


def test_latin_spellings() -> None:
    assert "stella" in latin_spellings("стелла")
    assert "jasmin" in latin_spellings("жасмин")
    assert "xenia" in latin_spellings("ксения")
    assert "maria" in latin_spellings("мария")
    assert latin_spellings("anna") == frozenset()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "hostile",
    [
        "а" + "б" * 400_000,  # one Cyrillic "word" of 400,000 letters
        "Анна. " * 100_000,
        "п'ять " * 100_000,
        "ноль один " * 80_000,
        "в Берлине из Киева " * 40_000,
        "Houston — Tori\n" * 50_000,
        "NYC LA ATL " * 60_000,
        "Leeds NYC " * 60_000,  # towns and nicknames: the nickname pass checks a sorted index of towns
    ],
    ids=["long-word", "names", "apostrophes", "number-words", "case-forms", "dash-names", "nicknames",
         "towns-and-nicknames"],
)
def test_hostile_cyrillic_and_header_input_is_linear(hostile: str) -> None:
    extract_ad({"id": "1", "body": hostile, "country": "US", "lang": "ru"})
