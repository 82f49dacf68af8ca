"""Ads from Canada, Australia, Portuguese, Romanian and Polish posters, and phones written the ways of every
country: what the red teams of rounds 85 to 88 (benchmarks/redteam) found, one case per reading."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad

from conftest import extract_values

_values = extract_values


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # an age or a weight after a slash is the next item of a list, not a number's last digits
        ("Léa / 01 99 00 13 45 / 23 ans / Lyon", "FR", ["+33199001345"]),
        ("Holly / Call 020 7946 0214 / 24 years old / Leeds", "GB", ["+442079460214"]),
        ("Tél 01 99 00 13 48 / 55 kg / 1m65", "FR", ["+33199001348"]),
        ("Mia / 212-555-0146 / 25 yo / Brooklyn", "US", ["+12125550146"]),
        ("Angielka / Tel. +44 20 7946 0292 / 24 lata / Kraków", "PL", ["+442079460292"]),
        ("Englezoaică / Tel +44 20 7946 0294 / 24 de ani / Iași", "RO", ["+442079460294"]),
        # ... while an office's next line still is
        ("Réservation : 01 99 00 37 41 / 42", "FR", ["+33199003741", "+33199003742"]),
    ],
)
def test_a_list_item_after_a_slash_is_no_next_line(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "phone") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a number in French pairs, a dash, then her age: no range of clients' ages
        ("Tél. 01 99 00 13 50 - 23 ans, brune", "FR", ["23"]),
        ("Tel. +33 1 99 00 13 52 - 25 anni", "IT", ["25"]),
        ("Tel. 01 99 00 13 06 - 23 anni, italiana, Torino", "IT", ["23"]),
        ("Clients de 30 - 45 ans", "FR", []),
        # a partner's age
        ("Mon chum a 35 ans. Moi, j'ai 28 ans.", "CA", ["28"]),
        ("Ma blonde a 30 ans, moi 27 ans", "CA", ["27"]),
        ("Mon mari a 35 ans", "FR", []),
        # a rule about clients
        ("Réservé aux hommes dès 18 ans. Léa, 24 ans", "FR", ["24"]),
        # a house number before an abbreviated street word, or right before a French street word
        ("Jade, 19 Queen St W — I'm 24.", "CA", ["24"]),
        ("Jade, 14 Queen St", "CA", []),
        ("Amber, 14 High St", "GB", []),
        ("Jade, 21 Crescent Blvd", "CA", []),
        ("Mia, 22 boul. Saint-Laurent, app. 3. J'ai 27 ans.", "CA", ["27"]),
        ("Mia, 23 av. du Parc", "CA", []),
        ("Mia, 24, St. Louis", "US", ["24"]),
    ],
)
def test_ages_next_to_phones_partners_and_streets(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "age") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # "1h30" before an amount with its sign in front: ninety minutes for that amount
        ("Rates: 1hr $250, 1h30 $350, 2hrs $450", "CA", ["250 CAD/60min", "350 CAD/90min", "450 CAD/120min"]),
        ("1h30 £380", "GB", ["380 GBP/90min"]),
        ("1h45 $350", "US", ["350 USD/105min"]),
        # an hour for a sign-last amount stays one
        ("1h 30€", "FR", ["30 EUR/60min"]),
        ("1h £30", "GB", ["30 GBP/60min"]),
    ],
)
def test_a_length_in_hours_and_minutes_before_a_signed_amount(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "price") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a country's adjective or name next to a word for a number, after a small word or hyphenated
        ("Numer amerykański: 212 555 0187", "PL", ["+12125550187"]),
        ("Numéro des États-Unis : 212 555 0188", "FR", ["+12125550188"]),
        ("Numéro du Royaume-Uni : 020 7946 0298", "FR", ["+442079460298"]),
        ("Nummer aus Frankreich: 01 99 00 13 55", "DE", ["+33199001355"]),
        ("Nummer uit Frankrijk: 01 99 00 13 56", "NL", ["+33199001356"]),
        ("Australische Handynummer: 0491 570 027", "DE", ["+61491570027"]),
        ("Australisch nummer: 0491 570 047", "BE", ["+61491570047"]),
        ("Numer australijski: 0491 570 048", "PL", ["+61491570048"]),
        ("Numero britannico: 020 7946 0296", "IT", ["+442079460296"]),
        ("Número británico: 020 7946 0297", "ES", ["+442079460297"]),
        ("Telemóvel francês 01 99 00 13 57", "PT", ["+33199001357"]),
        ("Número de Inglaterra: 020 7946 0298", "ES", ["+442079460298"]),
    ],
)
def test_a_country_named_next_to_a_word_for_a_number(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "phone") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # Brazil's CPF (a Pix key) and CEP shapes hold no phone
        ("Chave Pix (CPF): 123.456.789-09", "BR", []),
        ("Pix: 123.456.789-09 (CPF)", "BR", []),
        ("Av. Paulista 1578, 01310-200 São Paulo", "BR", []),
        ("Rua da Bahia 1148, 30160-011", "BR", []),
        ("CEP 01310-200, tel 11 3016 0011", "BR", ["+551130160011"]),
        # a number spelled out word by word keeps its last word
        ("nr tel. dwa jeden trzy pięć pięć pięć zero jeden cztery dwa (numer amerykański)", "PL",
         ["+12135550142"]),
        ("nr tel. dwa jeden trzy pięć pięć pięć zero jeden siedem siedem", "PL", ["+482135550177"]),
        # a capital "O" ending a number spelled digit by digit; a lower-case "o" there is "or"
        ("my # is 9 O 5 . 5 5 5 . O 1 2 O", "CA", ["+19055550120"]),
        ("Llama al 6 1 2 3 4 5 6 7 8 o escribe", "ES", ["+34612345678"]),
    ],
)
def test_identifier_shapes_and_spelled_runs(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "phone") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Been doing this 10 years, still love it", []),
        ("Been a masseuse 15 years, Sydney CBD", []),
        ("Working 10 years in Sydney, I'm 33", ["33"]),
        ("Working girl 24 years young", ["24"]),
        ("Been told I look 24 years old", ["24"]),
    ],
)
def test_years_at_work_are_no_age(body: str, expected: list[str]) -> None:
    assert _values(body, "AU", "age") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # "St" for street after a town's name; not "Saint" before a capitalised word
        ("45 Brisbane St, Hobart", "AU", ["Hobart|AU"]),
        ("88 Melbourne St, Adelaide SA 5006", "AU", ["Adelaide|AU"]),
        ("London St Pancras", "GB", ["London|GB"]),
        # an Australian state's code no other country has: no English Ipswich, in any ad, but Queensland's
        ("Ipswich QLD next week", "GB", ["Ipswich|AU"]),
    ],
)
def test_towns_before_street_and_state_abbreviations(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "city") == expected


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # with no country, a town whose country reads the number only as a neighbour's (Ireland's) says
        # nothing of it: the language's countries are asked
        ("Incall Ipswich · 0491 570 131", "en", ["+61491570131"]),
        ("Brighton — 0491 570 070", None, ["+61491570070"]),
        # a number of the town's own country stays its
        ("Incall Ipswich · 020 7946 0131", "en", ["+442079460131"]),
        # a number its own mark reads abroad is no neighbour's reading: Christchurch stays New Zealand's
        ("Kiwi lass in Christchurch, text my AU mob 0491 570 049", "en", ["+61491570049"]),
    ],
)
def test_a_town_whose_country_reads_the_number_only_abroad(body: str, lang: str | None,
                                                            expected: list[str]) -> None:
    assert _values(body, None, "phone", lang) == expected


@pytest.mark.parametrize(
    ("body", "lang", "phones", "prices"),
    [
        # no country and no language it can tell: the currency names the countries to try
        ("$280/hr, text 0491 570 036", None, ["+61491570036"], ["280 AUD/60min"]),
        ("Hi I'm Lily. 0491 570 033. $300/hr", None, ["+61491570033"], ["300 AUD/60min"]),
        ("$300/hr, text 213-555-0142", None, ["+12135550142"], ["300 USD/60min"]),
        ("$300/hr, text 416-555-0142", "en", ["+14165550142"], ["300 CAD/60min"]),
        ("£150 an hour, call 020 7946 0123", None, ["+442079460123"], ["150 GBP/60min"]),
        # ... and among a town's namesakes; an age before the number leaves its trunk zero its own
        ("Newcastle · Grace 23 · 0491 570 115 · $260/hr", None, ["+61491570115"], ["260 AUD/60min"]),
        ("Ipswich · Grace 23 · 0491 570 114 · $260/hr", None, ["+61491570114"], ["260 AUD/60min"]),
    ],
)
def test_the_currency_of_an_ad_with_no_country(body: str, lang: str | None, phones: list[str],
                                               prices: list[str]) -> None:
    assert _values(body, None, "phone", lang) == phones
    assert _values(body, None, "price", lang) == prices


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a shorthand heading a list of lengths, paired with the list of amounts after it
        ("HH/1hr/2hr $180/$300/$550", "AU", ["180 AUD/30min", "300 AUD/60min", "550 AUD/120min"]),
        # amounts first, then their lengths in brackets
        ("200 / 350 / 600 lei (30 min / 1 oră / 2 ore)", "RO", ["200 RON/30min", "350 RON/60min", "600 RON/120min"]),
        ("Ceny: 200 / 350 / 600 zł (30 min / 1 godz. / 2 godz.)", "PL",
         ["200 PLN/30min", "350 PLN/60min", "600 PLN/120min"]),
        ("£100/£150/£250 (30min/1hr/2hr)", "GB", ["100 GBP/30min", "150 GBP/60min", "250 GBP/120min"]),
        # pounds and dollars in Polish, Portuguese, Romanian
        ("200 dolarów za godzinę", "US", ["200 USD/60min"]),
        ("150 funtów za godzinę", "GB", ["150 GBP/60min"]),
        ("150 libras a hora", "GB", ["150 GBP/60min"]),
        ("150 de lire sterline o oră", "GB", ["150 GBP/60min"]),
        # Quebec's money words and "$CA"; Australia's half hour
        ("100 balles la demi-heure", "CA", ["100 CAD/30min"]),
        ("100 balles la demi-heure", "FR", ["100 EUR/30min"]),
        ("200 piasses de l'heure, cash seulement", "CA", ["200 CAD/60min"]),
        ("Tarif: 180 $CA/h", "CA", ["180 CAD/60min"]),
        ("Halfie $180, hour $300", "AU", ["180 AUD/30min", "300 AUD/60min"]),
        # a rate right before a number dialled with its trunk prefix
        ("2hr 550 0491 570 074", "AU", ["550 AUD/120min"]),
        ("Overnight 2000 0491 570 075", "AU", ["2000 AUD/night"]),
        ("150 0491 570 074", "AU", []),
    ],
)
def test_rate_lists_and_currency_words(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "price") == expected


@pytest.mark.parametrize(
    ("body", "country", "kind", "expected"),
    [
        # words that are towns only with a cue
        ("Sorriso lindo, 24 anos, em Goiânia", "BR", "city", ["Goiânia|BR"]),
        ("Piła kawę w Poznaniu", "PL", "city", ["Poznań|PL"]),
        ("Ruda, naturalna, 25 lat, Warszawa", "PL", "city", ["Warsaw|PL"]),
        ("Amora e baunilha, óleos quentes. Setúbal", "PT", "city", ["Setúbal|PT"]),
        # ... and some not after a weak cue either
        ("Óleos de Amora e Baunilha, em Setúbal", "PT", "city", ["Setúbal|PT"]),
        ("Feliz Natal, amores! Promoção de Natal em São Paulo", "BR", "city", ["São Paulo|BR"]),
        ("Estou em Natal esta semana", "BR", "city", ["Natal|BR"]),
        # Polish case forms of more towns
        ("Mieszkam w Gliwicach, dojadę do Gliwic", "PL", "city", ["Gliwice|PL", "Gliwice|PL"]),
        ("Jestem z Zabrza", "PL", "city", ["Zabrze|PL"]),
        ("Nowa w Bielsku-Białej", "PL", "city", ["Bielsko-Biala|PL"]),
        # women of a town or a region are no names
        ("Sunt Clujeancă, 24 de ani", "RO", "name", []),
        ("Sunt Moldoveancă, 24 de ani", "RO", "name", []),
        ("Sou Paulista, 26 anos", "BR", "name", []),
        ("Sunt Bianca, 24 de ani", "RO", "name", ["Bianca"]),
    ],
)
def test_words_towns_and_demonyms(body: str, country: str, kind: str, expected: list[str]) -> None:
    assert _values(body, country, kind) == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("St. John's NL, text 709-555-0119", "CA", ["St. John's|CA"]),
        ("Now in St. John's this week", "CA", ["St. John's|CA"]),
        ("Peterborough, near Trent University", "CA", ["Peterborough|CA"]),
        ("Incall near Central City mall, Surrey BC", "CA", ["Surrey|CA"]),
        ("Richmond, near the airport and Aberdeen Centre. 778-555-0125", "CA", ["Richmond|CA"]),
    ],
)
def test_canadian_towns(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "city") == expected


@pytest.mark.parametrize(
    ("body", "city", "price"),
    [
        # no country: the area code picks among North American namesakes, and so the currency
        ("Kingston, Queen's area. Text 613-555-0191. $250/hr", "Kingston|CA", "250 CAD/60min"),
        ("Richmond, text 604-555-0191. $250/hr", "Richmond|CA", "250 CAD/60min"),
        ("Richmond, text 804-555-0191. $250/hr", "Richmond|US", "250 USD/60min"),
    ],
)
def test_area_codes_pick_among_north_american_namesakes(body: str, city: str, price: str) -> None:
    assert _values(body, None, "city", "en") == [city]
    assert _values(body, None, "price", "en") == [price]


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a nationality the ad names reads a number that is no valid one at home as that country's
        ("French girl in London this week. Ring 01 99 00 13 58", "GB", ["+33199001358"]),
        ("Aussie backpacker in Brighton, call 0491 570 043", "GB", ["+61491570043"]),
        ("Australijka w Warszawie, tel. 0491 570 044", "PL", ["+61491570044"]),
        ("Franse dame in Rotterdam, bel 01 99 00 13 59", "NL", ["+33199001359"]),
        ("Engländerin in Berlin, Tel. 020 7946 0300", "DE", ["+442079460300"]),
        ("Australierin in Zürich, Tel. 0491 570 046", "CH", ["+61491570046"]),
        # ... never one valid at home, and without a nationality the neighbour's reading stays
        ("Spanish girl in London, call 020 7946 0123", "GB", ["+442079460123"]),
        ("Call 0491 570 043 now", "GB", ["+353491570043"]),
    ],
)
def test_a_nationality_reads_a_number_foreign_to_the_ad(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "phone") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # an X profile's "Joined" line in Romanian and Polish, with a preposition before the month
        ("Roxana Ionescu\n@roxana_ldn\nRomâncă în Londra\nS-a alăturat în mai 2021\n210 Urmărește", "GB",
         ["x:roxana_ldn"]),
        ("Kasia W.\n@kasia_waw\nPolka w Warszawie\nDołączył(a) w marcu 2019\n150 obserwowanych", "PL",
         ["x:kasia_waw"]),
    ],
)
def test_x_profiles_pasted_in_romanian_and_polish(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "handle") == expected


def test_a_marked_number_leaves_the_town_its_country() -> None:
    body = "Kiwi lass in Christchurch, text my AU mob 0491 570 049"
    assert _values(body, None, "city", "en") == ["Christchurch|NZ"]


@pytest.mark.parametrize(
    ("body", "country", "text"),
    [
        ("Call (212) 555-0142", "US", "(212) 555-0142"),
        ("Zap (11) 91234-5678", "BR", "(11) 91234-5678"),
        ("Call (+44) 20 7946 0123", "GB", "(+44) 20 7946 0123"),
        ("[01] 99 00 12 34", "FR", "[01] 99 00 12 34"),
        # a bracket around the whole number stays outside
        ("(020 7946 0123)", "GB", "020 7946 0123"),
    ],
)
def test_a_phones_evidence_keeps_the_bracket_of_its_area_code(body: str, country: str, text: str) -> None:
    [phone] = [e for e in extract_ad({"body": body, "country": country}) if e.kind == "phone"]
    assert phone.text == text == body[phone.start:phone.end]
