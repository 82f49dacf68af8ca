"""Ads in the smaller languages of Europe, ads dense with figures, the edges of North America and text run
through a translator: what the red teams of rounds 105 to 108 (benchmarks/redteam) found, and the leftovers
of rounds 101 to 104, one case per reading."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad
from unveil.normalise.deobfuscate import deobfuscate_digits

from conftest import extract_entities, extract_values


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # a first group of weak number words, then groups that convert on their own
        ("Ring me: oh two oh, then seven nine four six, then oh four seven two", "GB", "en", ["+442079460472"]),
        ("Ring me: oh two oh, then 7946, then 0472", "GB", "en", ["+442079460472"]),
        # two-word groups on both sides of one that converts
        ("Mon numéro commence par zéro un, puis quatre-vingt-dix-neuf zéro zéro, et finit par douze trente-quatre",
         "FR", "fr", ["+33199001234"]),
        # no call word before the groups: no number
        ("oh two oh, then seven nine four six, then oh four seven two", "GB", "en", []),
    ],
)
def test_number_given_in_groups_of_few_words(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert extract_values(body, country, "phone", lang) == expected
    assert all(e.attrs["obfuscated"] for e in extract_entities(body, country, "phone", lang))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a short word run converts beside a group that converted, a few words away on the same line
        ("Vorwahl null zwei null, dann sieben neun vier sechs", "de", "Vorwahl 020, dann 7946"),
        # alone, or beside a whole number, or past a full stop, it stays words
        ("I have two kids, then 2019 was hard", "en", "I have two kids, then 2019 was hard"),
        ("twenty one, call 020 7946 0123", "en", "twenty one, call 02079460123"),
        ("Room two one. Then 7946 more", "en", "Room two one. Then 7946 more"),
    ],
)
def test_word_groups_beside_a_converted_group(text: str, lang: str, expected: str) -> None:
    assert deobfuscate_digits(text, lang).text == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # a postcode before a number dialled with "00" is no part of it
        ("Paris 75016 0033 1 99 00 16 75", "FR", "fr", ["+33199001675"]),
        ("Milano 20123 0044 20 7946 0977", "IT", "it", ["+442079460977"]),
        ("Barcelona 08001 0044 20 7946 0801", "ES", "es", ["+442079460801"]),
        # Macedonian, Serbian and Bulgarian "плус"
        ("Тел: плус 44 20 7946 0183", "MK", "mk", ["+442079460183"]),
        ("Јави се: плус четири четири два нула седум девет четири шест нула еден осум три", "MK", "mk",
         ["+442079460183"]),
        # a number spelled word by word does not stop a few words before its end
        ("cuatro cuatro dos cero siete nueve cuatro seis cero uno ocho tres", "ES", "es", ["+442079460183"]),
        ("нула седум седум нула нула девет нула нула еден два три", "MK", "mk", []),
        # France's overseas departments and the mainland share numbers
        ("01 99 00 23 45", "GP", "fr", ["+33199002345"]),
        ("Tel 0690 55 01 23", "FR", "fr", ["+590690550123"]),
        # Caribbean and Albanian country marks
        ("Jamaican number: 876-555-0109", "GB", "en", ["+18765550109"]),
        ("WhatsApp dominicano 809 555 0123", "ES", "es", ["+18095550123"]),
        ("Numër anglez: 020 7946 0123", "AL", "sq", ["+442079460123"]),
        # Miami's and New York's numbers in the Caribbean outside the North American plan
        ("Willemstad, Curaçao. WhatsApp 305-555-0127. NAf 250 la hora", "CW", "es", ["+13055550127"]),
        ("Tel (305) 555-0127", "GP", "fr", ["+13055550127"]),
        ("Bel 9 561 2345", "CW", "nl", ["+59995612345"]),
    ],
)
def test_phones_of_rounds_105_to_108(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert extract_values(body, country, "phone", lang) == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # "Sat" is Saturday outside the Serbo-Croatian countries
        ("Fri 24, Sat 25, Sun 26 in Leeds. £150 1hr", "GB", "en", ["150 GBP/60min"]),
        ("Mia, Sat 25 Oct – Mon 27 Oct only. $350/hr", "US", "en", ["350 USD/60min"]),
        ("Cena: sat 5000 din, noć 20000 din", "RS", "sr", ["20000 RSD/night", "5000 RSD/60min"]),
        # a word between the length and its amount
        ("Il prezzo per un'ora è di 150 euro e per la notte 900 euro.", "IT", "it",
         ["150 EUR/60min", "900 EUR/night"]),
        ("Price for one hour is of 150 pounds, all the night 900 pounds", "GB", "en",
         ["150 GBP/60min", "900 GBP/night"]),
        ("Der Preis für eine Stunde beträgt 200 Euro.", "DE", "de", ["200 EUR/60min"]),
        ("Preis für eine Stunde ist von 200 Euro", "DE", "de", ["200 EUR/60min"]),
        ("Prijs voor een uur is van 140 euro.", "NL", "nl", ["140 EUR/60min"]),
        # a currency code glued to figures inside a contact is no rate
        ("Line: nok1995", "AU", "en", []),
        ("Email nok2024@example.com", "AU", "en", []),
        ("Visit www.nok1995.com", "AU", "en", []),
        ("Snapchat: eur150", "AU", "en", []),
        ("1 time 1500kr, 2 timer NOK2500", "NO", "no", ["1500 NOK/60min", "2500 NOK/120min"]),
        # the Caribbean's currencies and the local "$" and "pesos"
        ("3500 pesos la hora", "DO", "es", ["3500 DOP/60min"]),
        ("$1,500 la hora, 3000 pesos la noche", "MX", "es", ["1500 MXN/60min", "3000 MXN/night"]),
        ("$10,000 one hour", "JM", "en", ["10000 JMD/60min"]),
        ("300 BSD 1hr", "BS", "en", ["300 BSD/60min"]),
        ("TT$800 per hour", "TT", "en", ["800 TTD/60min"]),
        ("NAf 300 per uur", "CW", "nl", ["300 XCG/60min"]),
        ("300 BBD per hour", "BB", "en", ["300 BBD/60min"]),
        # the lek's code in Albania
        ("Çmimi: 4000 ALL për orë", "AL", "sq", ["4000 ALL/60min"]),
        # Irish hour and night words
        ("€150 an uair", "IE", "en", ["150 EUR/60min"]),
        ("oíche iomlán €1000", "IE", "ga", ["1000 EUR/night"]),
        ("Price for one hour is of 150 pounds sterling, for half of hour is of 100 pounds sterling.", "GB", "en",
         ["100 GBP/30min", "150 GBP/60min"]),
        # an incall/outcall pair in thousands is no phone's groups
        ("Tarifas in/out: 1 hora 120/150 €, noche 1.000/1.200 €", "ES", "es",
         ["1000 EUR/night", "120 EUR/60min", "1200 EUR/night", "150 EUR/60min"]),
        ("Nuit 1 000/1 200 € (incall/outcall)", "FR", "fr", ["1000 EUR/night", "1200 EUR/night"]),
        # the florin and the Caribbean guilder, Papiamento "pa ora"
        ("200 florin pa ora", "AW", "pap", ["200 AWG/60min"]),
        ("200 florin pa ora", "CW", "pap", ["200 XCG/60min"]),
    ],
)
def test_prices_of_rounds_105_to_108(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert extract_values(body, country, "price", lang) == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("3500 pesos dominicanos la hora, depósito de RD$1,000", "DO", ["1000 DOP"]),
        # a gloss in brackets before the amount is its clause's
        ("Taisce (deposit) €50", "IE", ["50 EUR"]),
    ],
)
def test_fees_of_rounds_105_to_108(body: str, country: str, expected: list[str]) -> None:
    ads = extract_ad({"body": body, "country": country})
    assert [e.value for e in ads if e.kind == "price" and e.attrs.get("fee")] == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "expected"),
    [
        # "I have" / "I am" heading an age in the regional languages is no name
        ("Jam 24 vjeç, nga Vlora.", "AL", "sq", "name", []),
        ("Tinc 24 anys, sóc de Girona.", "ES", "ca", "name", []),
        ("Teño 24 anos, son de Vigo.", "ES", "gl", "name", []),
        ("Għandi 22 sena, minn Tas-Sliema.", "MT", "mt", "name", []),
        ("Elira 24 vjeç, nga Vlora.", "AL", "sq", "name", ["Elira"]),
        # towns
        ("Għandi 22 sena, minn Tas-Sliema.", "MT", "mt", "city", ["Sliema|MT"]),
        ("Baiona eta Biarritz", "FR", "fr", "city", ["Bayonne|FR", "Biarritz|FR"]),
        ("Aloha 🌺 new in Honolulu", "US", "en", "city", ["Honolulu|US"]),
        ("Boricua de Puerto Rico, en Orlando", "US", "es", "city", ["Orlando|US"]),
        ("Incall San Juan, PR", "US", "en", "city", ["San Juan|PR"]),
        ("Nassau County, Long Island", "US", "en", "city", []),
        ("Je suis en Guadeloupe, à Pointe-à-Pitre", "FR", "fr", "city", ["Pointe-à-Pitre|GP"]),
        # Romanian "am 22 de ani" word for word
        ("I have 22 of years, from Iasi", "GB", "en", "age", ["22"]),
        # Italian "Telegramma"
        ("Telegramma: @sofia_napoli", "IT", "it", "handle", ["telegram:sofia_napoli"]),
    ],
)
def test_readings_of_rounds_105_to_108(body: str, country: str, lang: str, kind: str, expected: list[str]) -> None:
    assert extract_values(body, country, kind, lang) == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # number words of the regional and smaller languages
        ("Truca'm al zero un nou nou zero zero quatre cinc un vuit", "FR", "ca", ["+33199004518"]),
        ("Deitu: +44 bi zero zazpi bederatzi lau sei zero bat bost bi", "ES", "eu", ["+442079460152"]),
        ("Chama ao +44 dous cero sete nove catro seis cero un nove oito", "ES", "gl", ["+442079460198"]),
        ("Ċempel: +33 wieħed disgħa disgħa żero żero tnejn sebgħa erbgħa tnejn", "MT", "mt", ["+33199002742"]),
        ("Më telefono: +44 dy zero shtatë nëntë katër gjashtë zero një tetë pesë", "AL", "sq", ["+442079460185"]),
        ("Rufft mech un: +44 zwee null siwen néng véier sechs null eent néng véier", "LU", "lb", ["+442079460194"]),
        # their weak words stay prose elsewhere
        ("Set of 3, tres bien, nou", "GB", "en", []),
        # French "ou" is no "o" and "u"
        ("Tél. 01 99 00 12 345 ou 01 99 00 12 34", "FR", "fr", ["+33199001234"]),
    ],
)
def test_number_words_of_the_smaller_languages(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert extract_values(body, country, "phone", lang) == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "expected"),
    [
        ("Shwmae! Seren ydw i, rwy'n 25 oed ac yn byw yn Abertawe.", "GB", "cy", "age", ["25"]),
        ("Mandi! O soi Sara, o ai 27 agns, o stoi a Udin.", "IT", "fur", "age", ["27"]),
        ("Hoi! Ik bin Sjoukje, 24 jier, út Ljouwert.", "NL", "fy", "age", ["24"]),
        ("Prisiau: hanner awr £90, awr £150, dwy awr £280, noson gyfan £900", "GB", "cy", "price",
         ["150 GBP/60min", "280 GBP/120min", "90 GBP/30min", "900 GBP/night"]),
        ("Lara us Züri. 1 Stund 300.-, e halbi Stund 200.-", "CH", "de", "price", ["200 CHF/30min", "300 CHF/60min"]),
        ("Jam Besa, 23 vjeç, shqiptare në Londër.", "GB", "sq", "city", ["London|GB"]),
        ("Jau sun Seraina, 25 onns, a Cuira.", "CH", "rm", "city", ["Chur|CH"]),
        # a code after a "$" amount names a currency only where it is one
        ("$180 hr | $1200 all nite", "US", "en", "price", ["1200 USD/night", "180 USD/60min"]),
    ],
)
def test_regional_words(body: str, country: str, lang: str, kind: str, expected: list[str]) -> None:
    assert extract_values(body, country, kind, lang) == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "expected"),
    [
        # leftovers of rounds 101 to 104
        ("Zona Santa Fe, CDMX", "MX", "es", "city", ["Mexico City|MX"]),
        ("Orlando/Kissimmee, 30 años", "US", "es", "city", ["Kissimmee|US", "Orlando|US"]),
        ("León, Gto. Hermosa chica 25 años", "MX", "es", "city", ["León de los Aldama|MX"]),
    ],
)
def test_leftover_towns(body: str, country: str, lang: str, kind: str, expected: list[str]) -> None:
    assert extract_values(body, country, kind, lang) == expected


def test_a_deposit_word_before_a_link_makes_the_amount_after_it_a_fee() -> None:
    ads = extract_ad({"body": "Deposit: paypal.me/RosieHfx — £30 to secure", "country": "GB"})
    assert [(e.value, e.attrs["fee"]) for e in ads if e.kind == "price"] == [("30 GBP", True)]


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a figure before a list of numbers set apart by spaced marks: each item is read alone
        ("Open 10-22 | 020 7946 0720 | 020 7946 0721 | 020 7946 0722", "GB",
         ["+442079460720", "+442079460721", "+442079460722"]),
        ("Rates: 150/250/400 | 020 7946 0720 | 020 7946 0721", "GB", ["+442079460720", "+442079460721"]),
        ("Overnight £1000 | 020 7946 0720 | 020 7946 0721", "GB", ["+442079460720", "+442079460721"]),
        ("£150 / 020 7946 0720 / 020 7946 0721", "GB", ["+442079460720", "+442079460721"]),
        ("€150 | 01 99 00 12 34 | 01 99 00 56 78", "FR", ["+33199001234", "+33199005678"]),
        ("Overnight $1000 | 212 555 0143 | 212 555 0144", "US", ["+12125550143", "+12125550144"]),
        ("Rates from £150. 020 7946 0720 24/7 — WhatsApp +44 20 7946 0721", "GB",
         ["+442079460720", "+442079460721"]),
        # numbers written onto each other at a "+"
        ("+442079460123+33199001234", "GB", ["+33199001234", "+442079460123"]),
        ("+12125550143+12125550144", "US", ["+12125550143", "+12125550144"]),
        # a country code before a trunk "0" written out of habit stays one number
        ("+44 020 7946 0720", "GB", ["+442079460720"]),
        ("Sydney 2000 0491 570 071", "AU", ["+61491570071"]),
    ],
)
def test_several_numbers_in_one_ad(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "phone") == expected


def test_numbers_after_a_price_and_a_list_mark_are_written_plainly() -> None:
    phones = extract_entities("$200 | (212) 555-0143 | (212) 555-0144", "US", "phone")
    assert [e.attrs["obfuscated"] for e in phones] == [False, False]


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "expected"),
    [
        # round 110: Turkish-speaking posters
        ("Elif, 15 Mart'a kadar Köln'de.", "DE", "tr", "age", []),
        ("Aylin – Boy 168 / Kilo 55 – Bielefeld", "DE", "tr", "age", []),
        ("Aylin – Boy 168 / Kilo 55 – Bielefeld", "DE", "tr", "city", ["Bielefeld|DE"]),
        ("Selam beyler! Hamburg'da yeniyim.", "DE", "tr", "city", ["Hamburg|DE"]),
        ("Ayşe, 24 yaş", "DE", "tr", "age", ["24"]),
        # days listed after an age go back from it: the age stays
        ("Elif, 24, 15-20 Mart arası Köln'de.", "DE", "tr", "age", ["24"]),
        ("Lucie, 25, 26 et 27 juin à Lyon", "FR", "fr", "age", []),
        ("Cep: +44 20 7946 0148", "DE", "tr", "phone", ["+442079460148"]),
        ("Cep: 020 7946 0149", "GB", "tr", "phone", ["+442079460149"]),
        ("Amerikan numarası: 212 555 0143", "TR", "tr", "phone", ["+12125550143"]),
        ("İngiliz numaram: 020 7946 0123", "DE", "tr", "phone", ["+442079460123"]),
        ("Fransız hattı: 01 99 00 12 35", "DE", "tr", "phone", ["+33199001235"]),
        ("İnsta: @zeynep.hh34", "DE", "tr", "handle", ["instagram:zeynep.hh34"]),
        ("İNSTAGRAM: zeynep.hh34", "DE", "tr", "handle", ["instagram:zeynep.hh34"]),
        ("Kızlarımız: Elif (24), Merve (26), Derya (29)", "DE", "tr", "name", ["Derya", "Elif", "Merve"]),
        ("Kapora: 50 €, 30 dk 80 €, 1 saat 150 €, gecelik 800 €", "DE", "tr", "price",
         ["150 EUR/60min", "80 EUR/30min", "800 EUR/night"]),
        # round 109: companionship ads
        ("Google Voice: 212-555-0144", "US", "en", "city", []),
        ("Caparra di 50 € su PayPal", "IT", "it", "city", []),
        ("Seeking Generous Mentor 40+", "US", "en", "city", []),
        ("Toronto SB, 25.", "CA", "en", "age", ["25"]),
        ("Sanne, 22 jaar, zoekt een heer tussen de 40 en 60 jaar", "NL", "nl", "age", ["22"]),
        ("PayPal Freunde & Familie: mia.muc", "DE", "de", "payment", ["paypal:mia.muc"]),
        ("My wishlist https://www.amazon.com/hz/wishlist/ls/3KX9ZQ1ABCDEF?ref_=wl_share", "US", "en", "url",
         ["amazon.com/hz/wishlist/ls/3KX9ZQ1ABCDEF"]),
        # round 111: an ellipsis between a town and a name
        ("Leeds… Jess, 24", "GB", "en", "name", ["Jess"]),
        ("Sevilla… Lucía 24", "ES", "es", "age", ["24"]),
    ],
)
def test_readings_of_rounds_109_to_112(body: str, country: str, lang: str, kind: str, expected: list[str]) -> None:
    assert extract_values(body, country, kind, lang) == expected


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("$50 verification fee.", "US"),
        ("$75 non-refundable verification deposit", "US"),
        ("Verifizierungsgebühr 30 €", "DE"),
        ("Quota di verifica 25 €", "IT"),
        ("Verificatiekosten €25", "NL"),
        ("Deposit via Interac to kayla@example.com ($60).", "CA"),
        ("Kapora: 50 €", "DE"),
    ],
)
def test_verification_and_deposit_fees(body: str, country: str) -> None:
    prices = [e for e in extract_ad({"body": body, "country": country}) if e.kind == "price"]
    assert len(prices) == 1 and prices[0].attrs["fee"]


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # small towns the main index lacks, before their own state's or province's code or name
        ("Wasilla, AK — 45 min from Anchorage. Text 907-555-0174", "US", ["Anchorage|US", "Wasilla|US"]),
        ("Iqaluit, Nunavut — in town until Friday.", "CA", ["Iqaluit|CA"]),
        ("Gander, NL and Summerside, PE", "CA", ["Gander|CA", "Summerside|CA"]),
        ("Outcall Wasilla, AK", "US", ["Wasilla|US"]),
        # a first name before a state is no town
        ("Jessica, TX", "US", []),
    ],
)
def test_small_towns_before_their_state(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "city", "en") == expected
