"""Ads from the United States, the United Kingdom and Ireland, Spain and Italy, and from Latin American posters
in Europe and North America: what the red teams of rounds 89 to 92 (benchmarks/redteam) found, and the
leftovers of rounds 85 to 88, one case per reading."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad

from conftest import extract_entities, extract_values

_entities = extract_entities
_values = extract_values


@pytest.mark.parametrize(
    ("body", "expected", "assumed"),
    [
        # too short for its language to be told: North America's layout of the number names the country
        ("Hey it's Kim, text me 416-555-0141", ["+14165550141"], "CA"),
        ("Allo chu Kim, texto 514-555-0141", ["+15145550141"], "CA"),
        ("Call me (212) 555-0142", ["+12125550142"], "US"),
        ("Txt 1-702.555.0178", ["+17025550178"], "US"),
    ],
)
def test_north_american_layout_names_the_country_of_an_ad_in_no_known_language(
        body: str, expected: list[str], assumed: str) -> None:
    phones = _entities(body, None, "phone")
    assert sorted(e.value for e in phones) == expected
    assert {e.attrs.get("assumed_country") for e in phones} == {assumed}


@pytest.mark.parametrize(
    "body",
    [
        "Ciao, 347 123 4567",  # an Italian mobile spaced 3-3-4: no North American layout
        "Hi, 06-12345678",
    ],
)
def test_other_layouts_name_no_north_american_country(body: str) -> None:
    assert all(e.attrs.get("assumed_country") not in ("US", "CA") for e in _entities(body, None, "phone"))


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Toronto rates: 1hr $300, 2hr $550, ON $1200. Text 416-555-0142", "CA",
         ["1200 CAD/night", "300 CAD/60min", "550 CAD/120min"]),
        ("Rates\n30min $180 | 1hr $300\nON $1400\nToronto, ON", "CA",
         ["1400 CAD/night", "180 CAD/30min", "300 CAD/60min"]),
        # Ontario after its town is no night
        ("Mississauga ON 250 per hour. 905-555-0144", "CA", ["250 CAD/60min"]),
        ("Kitchener, ON\n1 hr 280\nOvernight 1500", "CA", ["1500 CAD/night", "280 CAD/60min"]),
        ("Ottawa ON K1P 1J1 - 1hr 300", "CA", ["300 CAD/60min"]),
        ("1hr $300 / 2hrs $550 / ON $1500", "US", ["1500 USD/night", "300 USD/60min", "550 USD/120min"]),
    ],
)
def test_on_is_a_night_unless_it_follows_a_town(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "price") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("1 hour $300 (incall) $350 (outcall). Call 212-555-0142", "US", ["300 USD/60min", "350 USD/60min"]),
        ("1hr $300 (in) / $350 (out)", "US", ["300 USD/60min", "350 USD/60min"]),
        ("1 hour £150 (incall) £180 (outcall)\n30 mins £90 (incall)", "GB",
         ["150 GBP/60min", "180 GBP/60min", "90 GBP/30min"]),
    ],
)
def test_bracketed_incall_and_outcall_rates_share_their_length(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "price") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a state after a town picks that state's small town, with or without the ad's country
        ("Berlin, NH — north country getaway. Text 603-555-0130", None, ["Berlin|US"]),
        ("London, KY · off I-75 exit 38 · 606-555-0125", None, ["London|US"]),
        ("London, KY · off I-75 exit 38 · 606-555-0125", "US", ["London|US"]),
        ("Berlin, NH", "US", ["Berlin|US"]),
        # "state" after a town's name makes it the state
        ("Touring Washington state: Spokane, Tacoma, Everett.", "US", ["Everett|US", "Spokane|US", "Tacoma|US"]),
        # "LA" after a town of no Louisiana is Los Angeles
        ("Koreatown, LA — near Wilshire/Western", "US", ["Los Angeles|US"]),
        ("Lafayette, LA · Baton Rouge", "US", ["Baton Rouge|US", "Lafayette|US"]),
        # streets named after towns, regions after a town, and a district's name holding a weak cue
        ("Recibo en C/ Toledo, metro La Latina, Madrid", "ES", ["Madrid|ES"]),
        ("Recibo en C/Sevilla, Madrid", "ES", ["Madrid|ES"]),
        ("Estoy en Valladolid, Castilla y León", "ES", ["Valladolid|ES"]),
        ("Toledo, Castilla-La Mancha", "ES", ["Toledo|ES"]),
        ("Firenze, zona Campo di Marte", "IT", ["Florence|IT"]),
    ],
)
def test_towns_of_us_spain_and_italy(body: str, country: str | None, expected: list[str]) -> None:
    assert _values(body, country, "city", "en" if country in (None, "US") else None) == expected


def test_a_state_after_a_town_settles_an_ad_of_no_country() -> None:
    phones = _entities("Berlin, NH — north country getaway. Text 603-555-0130", None, "phone")
    assert [(e.value, e.attrs.get("assumed_country")) for e in phones] == [("+16035550130", "US")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a smaller namesake where the number reads as well, more often the ad's language's country
        ("In Hamilton this week, text 020 7946 0185", ("+442079460185", "GB")),
        ("Perth this week, text 07700 900185", ("+447700900185", "GB")),
        ("In Richmond this week, text 07700 900187", ("+447700900187", "GB")),
        ("Newcastle tonight, text 07700 900186", ("+447700900186", "GB")),
        # ... never over a number valid in the favourite's country
        ("Perth this week, 0491 570 131", ("+61491570131", "AU")),
        # a currency of one country reads its possible numbers too
        ("Lovely lady, 30 mins £80, call 07700 900164", ("+447700900164", "GB")),
        ("150 quid the hour, text oh seven seven oh oh nine oh oh one six five", ("+447700900165", "GB")),
    ],
)
def test_british_numbers_in_ads_of_no_country(body: str, expected: tuple[str, str]) -> None:
    phones = _entities(body, None, "phone", "en")
    assert [(e.value, e.attrs.get("assumed_country")) for e in phones] == [expected]


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # a rate list, then its lengths in brackets, after a price label: no phone, four rates
        ("Tariffe: 100 / 150 / 250 / 800 (30 min / 1 ora / 2 ore / notte)", "IT", "it",
         ["100 EUR/30min", "150 EUR/60min", "250 EUR/120min", "800 EUR/night"]),
        ("Tariffe: 100/150/250/800 (30 min / 1 ora / 2 ore / notte)", "IT", "it",
         ["100 EUR/30min", "150 EUR/60min", "250 EUR/120min", "800 EUR/night"]),
        # a slash list's next amount is no length in minutes
        ("Tarifas: 80 / 120 / 200 / 600.", "ES", "es", ["120 EUR", "200 EUR", "600 EUR", "80 EUR"]),
        ("Tarifas: €150/60", "ES", "es", ["150 EUR/60min"]),
        ("Rates: 200 (30) / 300 (60)", "US", "en", ["200 USD/30min", "300 USD/60min"]),
        # "Roses:" labels a card of bare amounts
        ("Roses: 200 1hr / 150 hh / 1000 overnight", "US", "en",
         ["1000 ROSES/night", "150 ROSES/30min", "200 ROSES/60min"]),
    ],
)
def test_rate_lists(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert _values(body, country, "price", lang) == expected
    assert _values(body, country, "phone", lang) == []


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # Danish "tres" (60) counts only inside a compound: alone it is three
        ("Fa tres anys que visc a Girona. Tinc 27 anys", "ES", "ca", ["27"]),
        ("tres años", "ES", "es", []),
        ("Jeg er tre og tres år", "DK", "da", ["63"]),
        # Catalan ages in words
        ("Tinc vint-i-tres anys", "ES", "ca", ["23"]),
        ("Tinc trenta-dos anys", "ES", "ca", ["32"]),
        # a North American house number: direction, numbered street
        ("Kayla, 21 W 57th St, NYC", "US", "en", []),
        ("Mia, 22 East 14th Street", "US", "en", []),
        ("Mia, 22, W 14th St", "US", "en", ["22"]),
    ],
)
def test_ages(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert _values(body, country, "age", lang) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a plane after a word, then a dash and a capitalised word: a heading, no Telegram name
        ("near the airport ✈️ — Latina 27", []),
        ("Flying in tomorrow ✈️ - Kiara 24", []),
        ("✈️ — lola_vip", ["telegram:lola_vip"]),
        ("TG - lolavip", ["telegram:lolavip"]),
    ],
)
def test_telegrams_plane(body: str, expected: list[str]) -> None:
    assert _values(body, "US", "handle", "en") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # her nationality before "de" and a town: the town where she comes from, not its namesake here
        ("Peruana de Lima, ahora en Miami", "US", ["Lima|PE", "Miami|US"]),
        ("Cubana de Santa Clara, ahora en Miami", "US", ["Miami|US", "Santa Clara|CU"]),
        ("Mexicana de Guadalajara, ahora en Madrid", "ES", ["Guadalajara|MX", "Madrid|ES"]),
        ("Colombiana recién llegada de Cartagena, ahora en Murcia", "ES", ["Cartagena|CO", "Murcia|ES"]),
        ("Brasileira de Santarém, agora em Lisboa", "PT", ["Lisbon|PT", "Santarém|BR"]),
        ("Soy de Valencia, 25 años", "ES", ["Valencia|ES"]),
        # British counties' abbreviations, and a town centre after a town that is also a word
        ("Ware, Herts", "GB", ["Ware|GB"]),
        ("Reading, Berks", "GB", ["Reading|GB"]),
        ("Incall Reading town centre", "GB", ["Reading|GB"]),
        ("Reading the news today at the town centre", "GB", []),
    ],
)
def test_towns_of_origin_and_british_addresses(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "city") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a woman of a town or a country of Latin America heading the ad is no name
        ("Caraqueña, 24 años, en Madrid", "ES", []),
        ("Boricua, 25, en Orlando", "US", []),
        ("Catracha, 24, en Houston", "US", []),
        # a German demonym describes the name after it; "Bjs" signs off
        ("Kolumbianerin Valentina, 27. Neu in Köln", "DE", ["Valentina"]),
        ("Agenda aberta, chama no zap. Bjs, Bia", "BR", ["Bia"]),
        ("Lottie here, 22, Camden", "GB", ["Lottie"]),
    ],
)
def test_names(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "name") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("60€ x media, 100€ x hora", "ES", ["100 EUR/60min", "60 EUR/30min"]),
        ("300 francos la hora", "CH", ["300 CHF/60min"]),
    ],
)
def test_latin_american_prices(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "price") == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "expected"),
    [
        # a sign-off with kisses after the last sentence
        ("Call oh two oh, seven nine four six, oh one three oh. Lily x", "GB", "en", "name", ["Lily"]),
        ("Call me. Mia x 2 hours", "GB", "en", "name", []),
        # Monzo's payment links and label
        ("Deposit by Revolut: @poppy_ldn or Monzo: monzo.me/poppyldn", "GB", "en", "payment",
         ["monzo:poppyldn", "revolut:poppy_ldn"]),
        ("Monzo preferred, bank transfer ok", "GB", "en", "payment", []),
        # a number marked with its country in Catalan
        ("Telèfon francès: 01 99 00 55 12. Sóc a Girona centre.", "ES", "ca", "phone", ["+33199005512"]),
        ("Número anglès: 020 7946 0123", "ES", "ca", "phone", ["+442079460123"]),
        # Spanish "y" after a cued age is "and"
        ("Hola chicos, tengo 23 y soy nueva en Zaragoza.", "ES", "es", "age", ["23"]),
        ("Tengo 23 y 150 euros", "ES", "es", "age", []),
        # a heading's age before the words of someone just arrived
        ("Brasileira 22 recém chegada 💕 Atendo em Faro e Albufeira.", "PT", "pt", "age", ["22"]),
        ("Latina 24 new in town", "US", "en", "age", ["24"]),
        ("Suite 22 new rooms available", "US", "en", "age", []),
        # a verb of finding someone between the platform and "as"
        ("Su Telegram mi trovi come martina_roma", "IT", "it", "handle", ["telegram:martina_roma"]),
        ("On Telegram find me as lola_22", "US", "en", "handle", ["telegram:lola_22"]),
    ],
)
def test_more_readings(body: str, country: str, lang: str, kind: str, expected: list[str]) -> None:
    assert _values(body, country, kind, lang) == expected


# Rounds 93-96: France, German-speaking countries, Eastern European posters in the west, tours.


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a day and month in brackets or before a full stop open no number
        ("Lille (17/06) 01 99 00 23 48", "FR", ["+33199002348"]),
        ("Lille (17.06) 01 99 00 23 48", "FR", ["+33199002348"]),
        ("15-17/06. 01 99 00 23 48", "FR", ["+33199002348"]),
        ("(le 17/06) - 01 99 00 23 48", "FR", ["+33199002348"]),
        ("[17/06]. 01 99 00 23 48", "FR", ["+33199002348"]),
        ("Lille 17/06 01 99 00 23 48", "FR", ["+33199002348"]),
    ],
)
def test_a_tour_date_before_a_french_number(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "phone", "fr") == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # a region's compound name and a business district hold no town
        ("Je reçois dans le 93 (Seine-Saint-Denis), à Montreuil.", "FR", "fr", ["Montreuil|FR"]),
        ("près des tours de La Défense, à Courbevoie", "FR", "fr", ["Courbevoie|FR"]),
        ("Dallas-Fort Worth area", "US", "en", ["Dallas|US", "Fort Worth|US"]),
        # a big town listed with a town of any size; a tour's arrows, planes, dashes and dates
        ("Cannes / Antibes / Nice", "FR", "fr", ["Antibes|FR", "Cannes|FR", "Nice|FR"]),
        ("Lyon ➡️ Nice", "FR", "fr", ["Lyon|FR", "Nice|FR"]),
        ("12/05 Lyon – 18/05 Nice", "FR", "fr", ["Lyon|FR", "Nice|FR"]),
        ("Paris → Tours → Nantes", "FR", "fr", ["Nantes|FR", "Paris|FR", "Tours|FR"]),
        ("Dallas ✈️ Charlotte ✈️ Atlanta", "US", "en", ["Atlanta|US", "Charlotte|US", "Dallas|US"]),
        ("Une fille nice, douce et gentille", "FR", "fr", []),
        ("Accueil > Québec > Montréal > Escortes > Rosalie 26", "CA", "fr", ["Montréal|CA"]),
        ("Cambridge, Ontario — Galt side, by the river.", "CA", "en", ["Cambridge|CA"]),
        # stations found in many cities; Portuguese "perto"
        ("Incall near Union Station, Chicago, till Sunday. Then Milwaukee.", "US", "en",
         ["Chicago|US", "Milwaukee|US"]),
        ("Perto do metro Saldanha. Lisboa.", "PT", "pt", ["Lisbon|PT"]),
        # a small town near a bigger one; Vienna's numbered districts; a postcode before its town
        ("Baden bei Wien – Privat.", "AT", "de", ["Baden|AT"]),
        ("Baden (bei Wien)", "AT", "de", ["Baden|AT"]),
        ("Essen bei Mama, dann Kino", "DE", "de", []),
        ("Wien 10. Bezirk (Favoriten), nahe U1 Reumannplatz", "AT", "de", ["Vienna|AT"]),
        ("Wien 22 – Donaustadt | Kathi 25", "AT", "de", ["Vienna|AT"]),
        ("Emma – Hauptstraße 12, 45127 Essen.", "DE", "de", ["Essen|DE"]),
        ("Ich habe 2000 Essen gekocht", "DE", "de", []),
        # her home town after "from" in her language, then her age
        ("Я Оля из Киева, 23 года.", "GB", "ru", ["Kyiv|UA"]),
        ("Sunt din Cluj, 23 de ani, acum în Londra", "GB", "ro", ["Cluj-Napoca|RO", "London|GB"]),
        ("Jestem Ola z Warszawy, 24 lata", "GB", "pl", ["Warsaw|PL"]),
    ],
)
def test_towns_of_rounds_93_to_96(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert _values(body, country, "city", lang) == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "expected"),
    [
        # French and German sign-offs, "je me prénomme"
        ("Je t'attends. Bises, Manon", "FR", "fr", "name", ["Manon"]),
        ("Kiss, Océane", "FR", "fr", "name", ["Océane"]),
        ("Je me prénomme Juliette et j'ai 32 ans", "FR", "fr", "name", ["Juliette"]),
        ("Ich freue mich auf dich!\nGrüße, Mia", "DE", "de", "name", ["Mia"]),
        ("Bussi, Mia", "AT", "de", "name", ["Mia"]),
        # a duo's second woman and a name before a town after "in"; describing words
        ("Mia 24 & Lola 26 in London.", "GB", "en", "name", ["Lola", "Mia"]),
        ("Romanian girl Andreea 22 in London.", "GB", "en", "name", ["Andreea"]),
        ("Hello. Anna 22 in town", "GB", "en", "name", []),
        ("Барселона, красивая украинка Вика, 23 года.", "ES", "ru", "name", ["Вика"]),
        ("Poolse meid Kasia 24 jaar in Amsterdam.", "NL", "nl", "name", ["Kasia"]),
        # "c'est" before a spaced "@" is no mailbox; Instagram after "c'est" with either apostrophe
        ("Mon insta c'est @lea.vip", "FR", "fr", "email", []),
        ("Mon insta c'est @lea.vip", "FR", "fr", "handle", ["instagram:lea.vip"]),
        ("Mon snap c’est @lola_13", "FR", "fr", "handle", ["snapchat:lola_13"]),
        # a taxi's money is a fee
        ("Taxigeld 20€.", "DE", "de", "price", []),
    ],
)
def test_more_readings_of_rounds_93_to_96(body: str, country: str, lang: str, kind: str, expected: list[str]) -> None:
    assert _values(body, country, kind, lang) == expected


def test_taxigeld_is_a_fee() -> None:
    fees = [e for e in extract_ad({"body": "20 € Taxigeld", "country": "DE"}) if e.kind == "price"]
    assert [(e.value, e.attrs["fee"]) for e in fees] == [("20 EUR", True)]


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Pret 150 lire ora", "GB", ["150 GBP/60min"]),
        ("150 lire pe ora", "GB", ["150 GBP/60min"]),
        ("Costava 5000 lire", "IT", []),
    ],
)
def test_romanian_lire_are_pounds_in_britain(body: str, country: str, expected: list[str]) -> None:
    assert _values(body, country, "price") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hola, soy la Yuli, colombiana, 24 años, en Murcia", ["Yuli"]),
        ("Soy la mejor de Madrid", []),
        ("soy la nueva, 24 años", []),
    ],
)
def test_an_article_after_soy(body: str, expected: list[str]) -> None:
    assert _values(body, "ES", "name", "es") == expected


# Rounds 97-100: rate cards, contacts on newer platforms, Benelux, the Nordic countries and central Europe.


@pytest.mark.parametrize(
    ("body", "country", "lang", "expected"),
    [
        # a heading's age before a dash and a price is no range's first end
        ("Anna 30 - 120 € 30 Min.", "DE", "de", ["120 EUR/30min"]),
        ("Lucía, 27 - 100€ media hora", "ES", "es", ["100 EUR/30min"]),
        ("Preis 100-150 € pro Stunde", "DE", "de", ["100 EUR/60min", "150 EUR/60min"]),
        # the same rate in another currency in brackets before its length
        ("£150 (€175) per hour", "GB", "en", ["150 GBP/60min", "175 EUR/60min"]),
        # a list of shorthand lengths, and of worded ones in Italian
        ("HH/H/2H $200/$300/$550", "US", "en", ["200 USD/30min", "300 USD/60min", "550 USD/120min"]),
        ("mezz'ora / un'ora / notte = 100 / 150 / 700 euro", "IT", "it",
         ["100 EUR/30min", "150 EUR/60min", "700 EUR/night"]),
        ("une heure 200 €", "FR", "fr", ["200 EUR/60min"]),
    ],
)
def test_rate_cards_of_round_97(body: str, country: str, lang: str, expected: list[str]) -> None:
    assert _values(body, country, "price", lang) == expected


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("Taxi bezahlst du (ca. 15 €)", "DE"),  # an abbreviation's dot ends no clause
        ("Voorschot 50€ op rekening", "BE"),
        ("Waarborg 50 euro", "BE"),
    ],
)
def test_fees_of_rounds_97_and_99(body: str, country: str) -> None:
    prices = [e for e in extract_ad({"body": body, "country": country}) if e.kind == "price"]
    assert prices and all(e.attrs["fee"] for e in prices)


@pytest.mark.parametrize(
    ("body", "kind", "expected"),
    [
        # a label ending the line above a name: a handle, no web address
        ("Snap:\nlola.vip", "url", []),
        ("IG 📸\nlola.vip", "handle", ["instagram:lola.vip"]),
        ("Photos of the town\nlolavelvet.com", "url", ["lolavelvet.com"]),
        # a name cut by the line's end gives nothing rather than its head
        ("Insta: @lola.\nvip.ldn", "handle", []),
        ("Insta: @lola.vip.\nText me", "handle", ["instagram:lola.vip"]),
        # German hyphenated labels
        ("Signal-Benutzername: lena.88", "handle", ["signal:lena.88"]),
        ("Insta-Name: lena.hh", "handle", ["instagram:lena.hh"]),
        ("Insta-Name: lena.hh", "name", []),
        # emoji between a name and its platform, and a handle-shaped name before "(IG)"
        ("✨ @lola.vip ✨ on IG", "handle", ["instagram:lola.vip"]),
        ("Follow @lola.vip (IG) for daily updates", "handle", ["instagram:lola.vip"]),
        ("Working from @home (IG) today", "handle", []),
        # "same" in the Nordic languages
        ("Snap: lola.cph (samme på Insta)", "handle", ["instagram:lola.cph", "snapchat:lola.cph"]),
    ],
)
def test_contacts_of_rounds_98_to_100(body: str, kind: str, expected: list[str]) -> None:
    assert _values(body, "GB", kind, "en") == expected


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "expected"),
    [
        # Swedish neuter adjectives mark a number's country
        ("Brittiskt nummer: 020 7946 0124", "SE", "sv", "phone", ["+442079460124"]),
        ("Franskt nummer: 01 99 00 12 34", "SE", "sv", "phone", ["+33199001234"]),
        ("Amerikanskt nummer: 212 555 0143", "SE", "sv", "phone", ["+12125550143"]),
        # Danish "rabat", a slogan before a dash, a Dutch postcode
        ("Rabat 100 kr. til faste kunder. København", "DK", "da", "city", ["Copenhagen|DK"]),
        ("Anything Goes – Amsterdam", "NL", "en", "city", ["Amsterdam|NL"]),
        ("Hoofdstraat 8, 5683 AB Best.", "NL", "nl", "city", ["Best|NL"]),
        # Dutch names and short demonyms
        ("Amsterdam-Zuid, vlakbij de RAI. Jasmijn 26.", "NL", "nl", "name", ["Jasmijn"]),
        ("Ik ben Gentse, 26 jaar", "BE", "nl", "name", []),
    ],
)
def test_benelux_and_nordic_readings(body: str, country: str, lang: str, kind: str, expected: list[str]) -> None:
    assert _values(body, country, kind, lang) == expected


@pytest.mark.parametrize(
    ("body", "country", "kind", "expected"),
    [
        ("1000 roses ON", "US", "price", ["1000 ROSES/night"]),  # a currency word before "ON" is no town
        ("Mississauga ON 250 per hour", "CA", "price", ["250 CAD/60min"]),
        ("Ny i KBH, Vesterbro", "DK", "city", ["Copenhagen|DK"]),
        ("Sthlm city, 1500 kr", "SE", "city", ["Stockholm|SE"]),
    ],
)
def test_nicknames_and_a_night_after_roses(body: str, country: str, kind: str, expected: list[str]) -> None:
    assert _values(body, country, kind) == expected
