"""Ads of central and south-eastern Europe, phones and other contacts hidden on purpose, and Spanish-speaking
North America: what the red teams of rounds 101 to 104 (benchmarks/redteam) found, and the leftovers of rounds
89 to 100, one case per reading."""

from __future__ import annotations

import pytest

from conftest import extract_entities, extract_values

_entities = extract_entities
_values = extract_values


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # bare amounts in columns under an in/out label share their row's length
        ("In/Out : 30 min 150/200, 1h 250/300", "FR", "fr",
         ["150 EUR/30min", "200 EUR/30min", "250 EUR/60min", "300 EUR/60min"]),
        ("In/Out\n1hr 150/200\n2hrs 280/350", "GB", "en",
         ["150 GBP/60min", "200 GBP/60min", "280 GBP/120min", "350 GBP/120min"]),
        # with no such label a bare second amount may be another length's: left alone
        ("1h 150/200, 2h 300", "FR", "fr", ["150 EUR/60min", "300 EUR/120min"]),
        # an evening out, its length in brackets
        ("500 € la soirée (4h)", "FR", "fr", ["500 EUR/240min"]),
        ("600 euro la serata (4 ore)", "IT", "it", ["600 EUR/240min"]),
    ],
)
def test_leftover_rate_cards(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert _values(body, country, "price", lang) == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # opening hours written loosely before a spelled or plain number are none of its digits
        ("Available twenty four seven oh two oh seven nine four six oh one two five", "GB", ["+442079460125"]),
        ("Available 24-7 oh two oh seven nine four six oh one eight one", "GB", ["+442079460181"]),
        ("Open nonstop 24 7 oh four nine one five seven oh oh seven eight", "AU", ["+61491570078"]),
        ("Call twenty four seven two one two five five five zero one four seven", "US", ["+12125550147"]),
        ("Dispo 24 7 zéro un quatre-vingt-dix-neuf zéro zéro douze quarante-trois", "FR", ["+33199001243"]),
        ("disponibile h24 7/7 zero uno novantanove zero zero diciassette settantasei", "FR", ["+33199001776"]),
        ("open 24 7 020 7946 0125", "GB", ["+442079460125"]),
        # a country named in Serbian Cyrillic, Hungarian or Greek before the number
        ("Енглески број: 020 7946 0876.", "RS", ["+442079460876"]),
        ("Француски број: 01 99 00 52 61", "RS", ["+33199005261"]),
        ("Angliai szám: 020 7946 0876", "HU", ["+442079460876"]),
        ("Τηλέφωνο (Γαλλία): 01 99 00 52 61", "GR", ["+33199005261"]),
    ],
)
def test_phones_of_rounds_101_and_102(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "phone") == expected


@pytest.mark.parametrize(
    ("body", "hidden"),
    [
        ("call 2 1 2 5 5 5 0 1 3 2", True),  # one digit at a time, to slip past filters
        ("call 0 2 1 2 . 5 5 5 . 0 1 3 2", True),
        ("call 212 555 0132", False),
        ("call +1 212 555 0132", False),  # one lone digit is a country code
        ("call 1 800 555 0199", False),
    ],
)
def test_digits_spaced_one_by_one_are_obfuscated(body: str, hidden: bool) -> None:
    (phone,) = _entities(body, "US", "phone")
    assert phone.attrs["obfuscated"] is hidden


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # an abbreviation's dot ending a sentence: the next sentence's length is not this amount's
        ("Kiszállás 5000 Ft. Óra 30 000 Ft.", "HU", "hu", ["30000 HUF/60min"]),
        ("Taxi 1000 din. Sat 6000 din.", "RS", "sr", ["6000 RSD/60min"]),
        ("30 000 Ft. 1 óra", "HU", "hu", ["30000 HUF/60min"]),
        # deposits and taxis of south-eastern Europe are fees
        ("Такси 20 лв. Час 120 лв.", "BG", "bg", ["120 BGN/60min"]),
        ("Előleg 5000 Ft, 1 óra 30 000 Ft", "HU", "hu", ["30000 HUF/60min"]),
        ("Προκαταβολή 50€. 1 ώρα 150€", "GR", "el", ["150 EUR/60min"]),
        # a rose after a heading's name and age decorates it
        ("Chloe 23 🌹 1 hour £150, 30 min £100.", "GB", "en", ["100 GBP/30min", "150 GBP/60min"]),
        ("Lili 28 🌹 30 perc 18 000 Ft / 60 perc 30 000 Ft", "HU", "hu", ["18000 HUF/30min", "30000 HUF/60min"]),
        ("Rates: 200 🌹 1hr", "US", "en", ["200 ROSES/60min"]),
    ],
)
def test_prices_of_round_101(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert _values(body, country, "price", lang) == expected


@pytest.mark.parametrize(
    ("body", "country", "kind", "expected"),
    [
        ("Masiram već 10 godina.", "HR", "age", []),  # years at work
        ("Dalmatinka, dvadeset pet godina.", "HR", "name", []),  # a woman of a region
        ("Beograđanka, 24 godine", "RS", "name", []),
        ("Cypriot girl Maria, 29, in London.", "GB", "name", ["Maria"]),
        ("Serbian girl Nevena, 26", "GB", "name", ["Nevena"]),
        ("Είμαι η Ελένη, είκοσι δύο χρονών.", "GR", "name", ["Ελένη"]),
        ("Δέχομαι μόνο κυρίους άνω των 30 ετών. Δήμητρα, 31 χρονών, Πάτρα.", "GR", "name", ["Δήμητρα"]),
        ("Във Варна съм до неделя. Елена, 23 г.", "BG", "name", ["Елена"]),
        ("Nova u Novom Sadu, 24 godine", "RS", "city", ["Novi Sad|RS"]),
        ("Нова у Новом Саду", "RS", "city", ["Novi Sad|RS"]),
        ("Nova v Celju", "SI", "city", ["Celje|SI"]),
        ("Nova u Zadru", "HR", "city", ["Zadar|HR"]),
        ("Új lány Nyíregyházán", "HU", "city", ["Nyíregyháza|HU"]),
        ("Nová v Banskej Bystrici", "SK", "city", ["Banská Bystrica|SK"]),
        ("Nová v Hradci Králové", "CZ", "city", ["Hradec Králové|CZ"]),
    ],
)
def test_central_and_south_eastern_readings(body: str, country: str, kind: str, expected: list[str]) -> None:
    assert _values(body, country, kind) == expected


@pytest.mark.parametrize(
    ("body", "country", "kind", "expected"),
    [
        # placeholders and rate shorthands after "$" are no Cash App tags
        ("Deposit via Cash App — $TBA after screening", "US", "payment", []),
        ("Cash App deposit: $XX (ask me for the tag)", "US", "payment", []),
        ("Cashapp accepted. $HH 150 $H 250", "US", "payment", []),
        ("Cash App: $lolavip", "US", "payment", ["cashapp:lolavip"]),
        # how a PayPal payment is sent, before the label's colon
        ("PayPal F&F: rosie.hfx", "GB", "payment", ["paypal:rosie.hfx"]),
        ("PayPal Friends&Family: mia.leeds", "GB", "payment", ["paypal:mia.leeds"]),
        ("PayPal friends and family: mia.leeds", "GB", "payment", ["paypal:mia.leeds"]),
        # Polish case forms of Revolut
        ("Zaliczka przez Revoluta: @olawaw", "PL", "payment", ["revolut:olawaw"]),
        ("Zaliczka na Revolucie @olawaw", "PL", "payment", ["revolut:olawaw"]),
        # a handle ending in "_" before prose keeps to itself; a spaced one still closes up
        ("Twitter @lolamtl_ for updates", "US", "handle", ["x:lolamtl_"]),
        ("IG @lola_ and snap", "US", "handle", ["instagram:lola_"]),
        ("Insta @ sandy_ leipzig", "DE", "handle", ["instagram:sandy_leipzig"]),
        # bech32 in a wallet's groups of four; a split Tron address under a USDT label
        ("BTC: bc1q w508 d6qe jxtd g4y5 r3za rvar y0c5 xw7k v8f3 t4", "US", "crypto",
         ["btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"]),
        ("BTC: bc1q-w508-d6qe-jxtd-g4y5-r3za-rvar-y0c5-xw7k-v8f3-t4", "US", "crypto",
         ["btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"]),
        ("USDT TRC20: TNPeeaaF B7K9cmo4 uQpcU32z GK8G1NYq eL", "US", "crypto",
         ["trx:TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"]),
        ("Tonight at ten, The Tron Hotel lobby", "US", "crypto", []),
        # "EE. UU." with a space and the label's colon marks a US number in an ad from Spain
        ("Número de EE. UU.: 786 555 0139", "ES", "phone", ["+17865550139"]),
        # a country in brackets after a word for a number marks it where the number reads as-is at home too
        ("Τηλέφωνο (Γαλλία): 01 99 00 27 41", "IT", "phone", ["+33199002741"]),
        ("Phone (France): 01 99 00 27 41", "IT", "phone", ["+33199002741"]),
        # tour days with one-digit months, each closed by a dot, before a postcode are no phone
        ("Salzburg 12.3.–15.3. (5020, Nähe Mirabellgarten)", "AT", "phone", []),
        ("Innsbruck 16.3.–19.3. 6020", "AT", "phone", []),
        # a US rate card's amounts, then their lengths in brackets, are no number; a phone before hours stays
        ("rates: 150/250/400 (30 min/1 hr/2 hrs)", "US", "phone", []),
        ("call 212/555-0123 (24 hrs)", "US", "phone", ["+12125550123"]),
    ],
)
def test_hidden_contacts_of_round_103(body: str, country: str, kind: str, expected: list[str]) -> None:
    assert _values(body, country, kind) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Cel. EE.UU. 469 555 0117", ["+14695550117"]),
        ("Número de EE. UU.: 956 555 0111", ["+19565550111"]),
        ("Mi número de Estados Unidos es el 520 555 0106", ["+15205550106"]),
        ("Cel. 1-713-555-0175", ["+17135550175"]),  # North America's "1", not Mexico's old mobile prefix
        ("Cel. 1 (915) 555-0175", ["+19155550175"]),
        ("Cd. Juárez y El Paso. Cel. (915) 555-0134", ["+19155550134"]),  # only possible in Mexico
    ],
)
def test_us_numbers_in_mexican_ads(body: str, expected: list[str]) -> None:
    assert _values(body, "MX", "phone", "es") == expected


@pytest.mark.parametrize(
    ("body", "country", "kind", "expected"),
    [
        ("$1,500 M.N. la hora", "MX", "price", ["1500 MXN/60min"]),
        ("Pernocta $8,000", "MX", "price", ["8000 MXN/night"]),
        ("Tijuana. Todo a $100 verdes la hora", "MX", "price", ["100 USD/60min"]),
        ("Hondureña, 27 años", "MX", "name", []),
        ("Soy Regia 🔥 22 años", "MX", "name", []),
        ("Atiendo en Isla Verde y en Condado", "PR", "city", []),
    ],
)
def test_mexican_and_puerto_rican_readings(body: str, country: str, kind: str, expected: list[str]) -> None:
    assert _values(body, country, kind, "es") == expected

