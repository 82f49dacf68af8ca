"""Forms of the Nordic, Baltic and central European ads and of directory profile pages (red teams 66-68)."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad


def _values(body: str, country: str, kind: str, lang: str | None = None) -> list[str]:
    ad = {"body": body, "country": country, "lang": lang}
    return sorted(e.value for e in extract_ad(ad) if e.kind == kind and not e.attrs.get("fee"))


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("Numer: 01 99 00 65 43", "PL"),  # a French number is no "+48 0199..." nor "+48 99 00 65 43"
        ("Tur: 12.03.–15.03. i Oslo", "NO"),  # days of a tour
        ("Julen 24.12. – 27.12. i Malmö", "SE"),
        ("Priser: 2000 2500 4000", "DK"),  # round amounts where numbers have no trunk prefix
        ("Priser 1500 2000 3500 kr", "NO"),
        ("Hind: 50 80 120", "EE"),
        ("Profile #7135550162", "US"),  # a directory's identifiers
        ("Profil-Nr.: 4420794601", "DE"),
        ("Member ID 2025550143", "US"),
        ("Номер объявления 2025550143", "US"),  # ... in Russian, Greek and Serbian
        ("Номер анкеты: 4165550134", "CA"),
        ("Код подтверждения 202555 0143 никому не сообщайте", "US"),
        ("Заказ № 2025550143", "US"),
        ("Αριθμός παραγγελίας 4471902235", "GR"),
        ("Porudžbina br. 02079460177", "RS"),
    ],
)
def test_figures_are_no_phones(body: str, country: str) -> None:
    assert _values(body, country, "phone") == []


@pytest.mark.parametrize(
    ("body", "country", "phone"),
    [
        ("Mitt engelska nummer: 020 7946 0210", "SE", "+442079460210"),
        ("britiske nummer 020 7946 0193", "NO", "+442079460193"),
        ("Fransk nummer: 01 99 00 23 45", "DK", "+33199002345"),
        ("numer z Francji 01 99 00 65 43", "PL", "+33199006543"),
        ("numer z Wielkiej Brytanii 020 7946 0979", "PL", "+442079460979"),
        ("Număr din Anglia 020 7946 0271", "RO", "+442079460271"),
        ("Angol szám: 020 7946 0455", "HU", "+442079460455"),
        ("Francouzské číslo 01 99 00 22 33", "CZ", "+33199002233"),
        ("Αγγλικό κινητό 020 7946 0535", "GR", "+442079460535"),
        ("Call 310 450 2000", "US", "+13104502000"),  # round groups of a real North American number
    ],
)
def test_a_number_marked_foreign_in_the_languages_of_europe(body: str, country: str, phone: str) -> None:
    assert _values(body, country, "phone") == [phone]


@pytest.mark.parametrize(
    ("body", "country", "ages"),
    [
        ("Sofia 24 +44 20 7946 0123", "GB", ["24"]),  # a country code after the age
        ("Duo Katya & Rosa (20 + 25)", "GB", ["20", "25"]),
        ("Chloe (24 reviews)", "GB", []),  # counts on a profile page
        ("Jade · 24 photos", "GB", []),
        ("Mia | 12 Fotos", "DE", []),
        ("Manon – 27 avis", "FR", []),
        ("Klädstorlek 36", "SE", []),  # sizes
        ("Størrelse 38", "DK", []),
        ("Koko 38", "FI", []),
        ("Klientai nuo 25 metų", "LT", []),  # rules about clients
        ("Karlar 25 ára og eldri", "IS", []),
        ("Doświadczenie w masażu 10 lat", "PL", []),  # years of experience or residence
        ("Jestem Ola, z doświadczeniem 12 lat", "PL", []),
        ("Sunt în București de 10 ani", "RO", []),
        ("I am 29. Living in Bristol: 10 years", "GB", ["29"]),
        ("Sara här, 24", "SE", ["24"]),  # "here" in Swedish
    ],
)
def test_ages(body: str, country: str, ages: list[str]) -> None:
    assert _values(body, country, "age") == ages


@pytest.mark.parametrize(
    ("body", "country", "prices"),
    [
        ("Available Fri–Sat 24/7", "US", []),  # "sat" is also an hour in Serbian and Croatian
        ("Anja 23 – 150 € 1 Std.", "DE", ["150 EUR/60min"]),  # an age, then a price: no range
        ("150-200 € de l’heure", "FR", ["150 EUR/60min", "200 EUR/60min"]),
        ("Taux horaire : 200 €", "FR", ["200 EUR/60min"]),
        ("Tariffa oraria 150 euro", "IT", ["150 EUR/60min"]),
        ("Uurtarief € 150", "NL", ["150 EUR/60min"]),
        ("Halfuurtarief € 90", "NL", ["90 EUR/30min"]),
        ("Tunni hind 150€", "EE", ["150 EUR/60min"]),
        ("Förskott 500 kr", "SE", []),  # a deposit and rent are fees
        ("hyra 3000 kr/vecka", "SE", []),
    ],
)
def test_prices(body: str, country: str, prices: list[str]) -> None:
    assert _values(body, country, "price") == prices


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        ("Hair: Auburn\nEyes: Hazel\nLocation: Seattle", "US", ["Seattle|US"]),
        ("Signe astrologique : Lion", "BE", []),  # read as Lyon
        ("Haarfarbe: Auburn, Sternzeichen: Löwe", "DE", []),
        ("City: Auburn", "US", ["Auburn|US"]),
    ],
)
def test_a_profile_attribute_is_no_town(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "lang", "phone"),
    [
        ("Número inglés 👉 020 7946 0211", "ES", "es", "+442079460211"),  # an arrow after the mark
        ("Numero inglese 👇\n020 7946 0211", "IT", "it", "+442079460211"),
        ("mi cel gringo 👉 210 555 0143", "MX", "es", "+12105550143"),
        ("Mi número: +33 1 99 00 treintaiuno veintiuno", "ES", "es", "+33199003121"),  # "treinta y uno"
        ("Llámame +44 20 79 cuarentaiseis 0123", "ES", "es", "+442079460123"),
    ],
)
def test_marks_and_number_words_of_southern_europe(body: str, country: str, lang: str, phone: str) -> None:
    assert _values(body, country, "phone", lang) == [phone]


@pytest.mark.parametrize(
    ("body", "country", "handles", "urls"),
    [
        ("Mi insta es vale.mx", "MX", ["instagram:vale.mx"], []),  # one fact, one kind
        ("Il mio Insta è giulia.it", "IT", ["instagram:giulia.it"], []),
        ("Tik Tok: vale.mx", "MX", ["tiktok:vale.mx"], []),
        ("my insta is mia.london and my site is miasite.co.uk", "GB", ["instagram:mia.london"], ["miasite.co.uk"]),
        ("Telegram: vorhanden", "DE", [], []),  # a profile's yes
    ],
)
def test_a_handle_after_a_platform_and_a_copula_is_no_site(body: str, country: str, handles: list[str],
                                                           urls: list[str]) -> None:
    assert _values(body, country, "handle") == handles
    assert _values(body, country, "url") == urls


@pytest.mark.parametrize(
    ("body", "country", "handles", "urls"),
    [
        # links spelled in the ad's language
        ("Telegram: t punto me barra sofi_bcn", "ES", ["telegram:sofi_bcn"], ["t.me/sofi_bcn"]),
        ("Telegram: t ponto me barra bia_porto", "PT", ["telegram:bia_porto"], ["t.me/bia_porto"]),
        ("Fotos: instagram punto com barra vale.bcn", "ES", ["instagram:vale.bcn"], ["instagram.com/vale.bcn"]),
        ("t[punto]me/anna_b", "IT", ["telegram:anna_b"], ["t.me/anna_b"]),
        # "as" between the platform and the name: the name needs a sigil or a handle's shape
        ("Búscame en Insta como @valeria.mx", "MX", ["instagram:valeria.mx"], []),
        ("Sígueme en TikTok como vale.mx", "MX", ["tiktok:vale.mx"], []),
        ("Me procura no Telegram como bia_porto", "PT", ["telegram:bia_porto"], []),
        ("Find me on Insta as @mia.b", "GB", ["instagram:mia.b"], []),
        ("Telegram as well.", "GB", [], []),
        ("Snap as usual, call first", "GB", [], []),
        # platform words as said or misspelt
        ("Instagran: @vale.bcn", "ES", ["instagram:vale.bcn"], []),
        ("Agrégame, mi esnap: vale_mx", "MX", ["snapchat:vale_mx"], []),
    ],
)
def test_handles_written_the_way_southern_europe_says_them(body: str, country: str, handles: list[str],
                                                          urls: list[str]) -> None:
    assert _values(body, country, "handle") == handles
    assert _values(body, country, "url") == urls
    assert _values(body, country, "email") == []  # "como @valeria.mx" is no mailbox called "como"


@pytest.mark.parametrize("body", ["Name: Anonymous", "Nom : Anonyme"])
def test_a_hidden_name_is_no_name(body: str) -> None:
    assert _values(body, "GB", "name") == []


@pytest.mark.parametrize(
    ("body", "country", "ages"),
    [
        ("Age\n24", "GB", ["24"]),  # a profile's label alone on its line
        ("Edad\n24", "ES", ["24"]),
        ("| Alter | 26 |", "DE", ["26"]),  # a table's row
        ("Age | 31", "GB", ["31"]),
        ("Age\n24/7 service", "GB", []),
        ("Wiek\n30 min 200 zł", "PL", []),
    ],
)
def test_a_profile_label_before_its_value_on_the_next_line(body: str, country: str, ages: list[str]) -> None:
    assert _values(body, country, "age") == ages


def test_similar_profiles_are_other_posters() -> None:
    body = ("Similar profiles\nMia, 22 - Leeds\nKate, 30 - York\nLola, 26 - Sheffield\n\n"
            "Rosie, 28, Newcastle. Incall 1hr £200.")
    assert _values(body, "GB", "age") == ["28"]
    assert _values(body, "GB", "name") == ["Rosie"]


@pytest.mark.parametrize(
    ("body", "emails", "urls"),
    [
        ("s o f i . v i p arroba gmail punto com", ["sofi.vip@gmail.com"], []),  # not "p@gmail.com"
        ("a n n a at gmail dot com", ["anna@gmail.com"], []),
    ],
)
def test_spaced_names_and_providers(body: str, emails: list[str], urls: list[str]) -> None:
    assert _values(body, "ES", "email") == emails
    assert _values(body, "ES", "url") == urls


def test_a_mail_providers_hidden_domain_is_no_site() -> None:
    assert "hotmail.es" not in _values("sofi.vip en hotmail punto es", "ES", "url")


@pytest.mark.parametrize(
    ("body", "country", "phone"),
    [
        ("[+][4][4] [2][0] [7][9][4][6] [0][1][2][3]", "IT", "+442079460123"),  # not "+39 44..."
        ("(+) 44 20 7946 0123", "ES", "+442079460123"),
    ],
)
def test_a_plus_in_brackets_of_its_own(body: str, country: str, phone: str) -> None:
    assert _values(body, country, "phone") == [phone]


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        ("Pašto kodas: LT-01100", "LT", []),  # "of the post", not Pasto, Colombia
        ("Tour: Kraków, München, Malmö", "GB", ["Kraków|PL", "Malmö|SE", "Munich|DE"]),
    ],
)
def test_a_word_with_accents_a_foreign_town_lacks(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "names"),
    [
        ("Kram, Wilma", "SE", ["Wilma"]),  # Nordic sign-offs before a known first name
        ("Hilsen Mette", "DK", ["Mette"]),
        ("Terveisin, Tuuli", "FI", ["Tuuli"]),
        ("ÅSA 26 STOCKHOLM", "SE", ["Åsa"]),  # Nordic first names
        ("Jag är Åsa, 27 år", "SE", ["Åsa"]),
        ("klem og kos", "NO", []),
    ],
)
def test_nordic_names_and_sign_offs(body: str, country: str, names: list[str]) -> None:
    assert _values(body, country, "name") == names


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        ("Based in: Bath", "GB", ["Bath|GB"]),  # a profile's field written as a phrase with its colon
        ("Basée à : Tours", "FR", ["Tours|FR"]),
    ],
)
def test_a_phrase_label_before_a_town(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "prices"),
    [
        ("Ceny: 300 (1h), 550 (2h), 1500 (noc)", "PL", ["1500 PLN/night", "300 PLN/60min", "550 PLN/120min"]),
        ("Tarife: 300 (1h), 500 (2h)", "RO", ["300 RON/60min", "500 RON/120min"]),
        ("Ceník: 2000 (1h), 3500 (2h)", "CZ", ["2000 CZK/60min", "3500 CZK/120min"]),  # 2000 is no year here
        ("Since 2005 (1h drive)", "GB", []),
    ],
)
def test_rate_lists_of_central_europe(body: str, country: str, prices: list[str]) -> None:
    assert _values(body, country, "price") == prices


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        ("όχι κάτω των 25 ετών. Ελένη, 35 ετών", "GR", "age", ["35"]),  # a rule about clients
        ("από 30 ετών και πάνω", "GR", "age", []),
        ("Νέα 23, Αθήνα", "GR", "name", []),  # "new", heading the ad
        ("Nova devojka, 23", "RS", "name", []),
    ],
)
def test_greek_and_balkan_rules_and_headings(body: str, country: str, kind: str, values: list[str]) -> None:
    assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "price"),
    [("10 hiljada dinara sat", "10000 RSD/60min"), ("Cena: 10 хиљада динара", "10000 RSD"),
     ("hiljada dinara sat", "1000 RSD/60min")],
)
def test_thousands_words_of_the_balkans(body: str, price: str) -> None:
    assert _values(body, "RS", "price") == [price]  # not 1000 for "10 hiljada"


@pytest.mark.parametrize(
    ("body", "country", "phone"),
    [
        # the nationality and the neighbour both read it: the grouping says whose it is
        ("Sofia | 25 — Italienne, discrète. Appels : 01 99 00 14 63", "CH", "+33199001463"),
        ("Italienne. Appels : 0199 001463", "CH", "+390199001463"),  # not written in France's pairs
        ("French girl in London this week. Ring 01 99 00 13 58", "GB", "+33199001358"),
        # spaced typographic dashes between every group: the number's own layout
        ("Numéro (France) : zéro un – nonante-neuf – zéro zéro – huitante-quatre – vingt-sept", "CH",
         "+33199008427"),
        ("Call 202 555 0100 – 150$ per hour", "US", "+12025550100"),
    ],
)
def test_the_layout_of_a_number_tells_its_country_and_its_end(body: str, country: str, phone: str) -> None:
    assert _values(body, country, "phone") == [phone]


@pytest.mark.parametrize(
    ("body", "country", "handles"),
    [
        ("WhatsApp : z3ro un, n3uf n3uf, zéro zéro, trente-neuf, soixante-quinze", "RE", []),
        ("WhatsApp: seven0 two five five five zero one 2one", "US", []),
        ("Snap: l0la_b · Insta: b3lla", "US", ["instagram:b3lla", "snapchat:l0la_b"]),
    ],
)
def test_a_number_word_with_digits_for_letters_is_no_handle(body: str, country: str, handles: list[str]) -> None:
    assert _values(body, country, "handle") == handles


@pytest.mark.parametrize(
    ("body", "urls"),
    [
        ("Telegram: t punto me barra valeria_vlc · Insta: valeria.es", ["t.me/valeria_vlc"]),
        ("Telegram: t dot me slash valeria_vlc hi", ["t.me/valeria_vlc"]),
        ("the dot com era", []),
    ],
)
def test_a_link_spelled_out_whole_needs_no_phrase_end(body: str, urls: list[str]) -> None:
    assert _values(body, "ES", "url") == urls


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        ("Gosia we Frankfurcie – Sachsenhausen, 27 lat", "DE", "name", []),
        ("Zuzia tu 😘 Kralingen, 3062 Rotterdam, dyskretne mieszkanie", "NL", "name", ["Zuzia"]),
        ("Mi chiamo Vittoria. Ricevo a Ragusa; venerdì a Vittoria, vicino a piazza del Popolo.", "IT", "city",
         ["Ragusa|IT", "Vittoria|IT"]),
        ("Mi chiamo Vittoria. Ricevo a Ragusa.", "IT", "city", ["Ragusa|IT"]),
    ],
)
def test_districts_and_towns_named_like_women(body: str, country: str, kind: str, values: list[str]) -> None:
    assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "kind", "values"),
    [
        ("Hey, I'm Mia, 22 years old, Derby based", "city", ["Derby|GB"]),
        ("Reading-based companion", "city", ["Reading|GB"]),
        ("Evidence based massage", "city", []),
        ("My email from my flyer: millie.toon©example.com", "url", []),  # the address's domain, no site
        ("My email from my flyer: millie.toon©example.com", "email", ["millie.toon@example.com"]),
    ],
)
def test_british_towns_before_based_and_a_misread_at(body: str, kind: str, values: list[str]) -> None:
    assert _values(body, "GB", kind) == values


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        # a tour's arrows join stops of any size, with their days in brackets
        ("Toledo (Mar 3-5) ➡️ Lima (Mar 6-7) ➡️ Dayton (Mar 8-10)", "US", "city",
         ["Dayton|US", "Lima|US", "Toledo|US"]),
        ("viviendo en Nuevo México desde hace 6 años", "US", "city", []),  # the state
        ("Nica en Granada 💃 Jessenia", "ES", "city", ["Granada|ES"]),  # a Nicaraguan woman, not Nice
        ("Holidays in Tenerife, Adeje", "ES", "city", ["Adeje|ES"]),  # the island
        ("Javiera, chilena, 23 – A Coruña", "ES", "age", ["23"]),
        ("Zwo Stunden 300 €", "DE", "price", ["300 EUR/120min"]),
        # neither Germany nor a nationality reads it: France's pairs, not Vienna's number
        ("Termine: 01 99 00 72 83", "DE", "phone", ["+33199007283"]),
        ("Termine: 0199 007283", "DE", "phone", ["+43199007283"]),
    ],
)
def test_tours_states_islands_and_german_numbers(body: str, country: str, kind: str, values: list[str]) -> None:
    assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "country", "fees"),
    [
        ("Anfahrt: Innenstadt 20 €, Außenbezirke 35 €, Umland nach Absprache", "DE", ["20 EUR", "35 EUR"]),
        ("Déplacement : Paris 30 €, banlieue 50 €", "FR", ["30 EUR", "50 EUR"]),
    ],
)
def test_every_amount_on_a_fee_labels_line_is_a_fee(body: str, country: str, fees: list[str]) -> None:
    ad = {"body": body, "country": country}
    assert sorted(e.value for e in extract_ad(ad) if e.kind == "price" and e.attrs.get("fee")) == fees
    assert [e.value for e in extract_ad(ad) if e.kind == "price" and not e.attrs.get("fee")] == []


@pytest.mark.parametrize(
    ("body", "country", "phones"),
    [
        # a home landline yields to the named nationality's mobile in that country's groups
        ("ragazza australiana, chiamami 0491 570 087", "IT", ["+61491570087"]),
        ("chiamami 0491 570 087", "IT", ["+390491570087"]),
        # ... never a home mobile: a French poster writes her Perth number in French pairs
        ("Française à Perth, 28 ans. Appelle-moi au 04 91 57 00 75", "AU", ["+61491570075"]),
        # Italy's landline in Italy's groups in a Swiss ad; France's pairs stay France's
        ("frontaliera, chiamami 019 900 1463", "CH", ["+390199001463"]),
        ("Appels : 01 99 00 14 63", "CH", ["+33199001463"]),
        # one number written twice, nationally and with its country code
        ("Solo WhatsApp: 0 uno - 9 nove - 0 zero - 7 tre - 4 uno oppure wa.me/33199007341", "IT", ["+33199007341"]),
        ("Chiamami +44 20 7946 0123 (020 7946 0123)", "IT", ["+442079460123"]),
        ("Chiamami 02 1234 5678 oppure +44 20 7946 0123", "IT", ["+390212345678", "+442079460123"]),
        # a page's number after a number split over lines
        ("Call\n020 7946\n0173\n- 2 -\nisla", "GB", ["+442079460173"]),
        ("Rates\n150\n250\n400\n1000", "GB", []),
    ],
)
def test_whose_number_a_national_number_is(body: str, country: str, phones: list[str]) -> None:
    assert _values(body, country, "phone") == phones


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        ("Massaggio thai tradizionale con Nok, 38 anni", "IT", "name", ["Nok"]),
        ("Ricevo a Verona, zona Borgo Trento.", "IT", "city", ["Verona|IT"]),
        ("Staff: Yuki 25歳, Aya 28歳, Rina 24歳", "AU", "name", ["Aya", "Rina", "Yuki"]),
        ("Herzlich willkommen im Asia Massage Studio", "DE", "name", []),
        ("Hi I'm Coco 😊 26岁 from Taiwan", "US", "name", ["Coco"]),
        ("India, 24, Perth", "AU", "name", ["India"]),
        ("Home studio in West End, Glasgow", "GB", "city", ["Glasgow|GB"]),
        ("Annuleringskosten € 50,- bij afzeggen.", "NL", "price", []),  # a fee
    ],
)
def test_shops_rosters_and_italian_quarters(body: str, country: str, kind: str, values: list[str]) -> None:
    assert _values(body, country, kind) == values


def test_an_in_out_pair_whose_second_amount_is_in_thousands() -> None:
    body = "Tariffe in/out: 30 min 100/130 € · 1h 150/200 € · notte 800/1.000 €"
    assert _values(body, "IT", "price") == ["100 EUR/30min", "1000 EUR/night", "130 EUR/30min", "150 EUR/60min",
                                             "200 EUR/60min", "800 EUR/night"]
    assert _values(body, "IT", "phone") == []


def _fees(body: str, country: str) -> list[str]:
    return sorted(e.value for e in extract_ad({"body": body, "country": country}) if e.attrs.get("fee"))


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "values"),
    [
        # a suburb that is a town of its own, where the poster goes; a neighbourhood stays its borough's
        ("Incall Cardiff city centre, outcall to Penarth.", "GB", "en", "city", ["Cardiff|GB", "Penarth|GB"]),
        ("Incall in Brooklyn, outcall to Park Slope +$25", "US", "en", "city", ["Brooklyn|US"]),
        ("Incall Boston, Back Bay", "US", "en", "city", ["Boston|US"]),
        # a state or province as the press abbreviates it, in brackets or with dots
        ("Burnaby and Vancouver, Wash. this week", "CA", "en", "city", ["Burnaby|CA", "Vancouver|US"]),
        ("Seattle → Richmond (BC) this weekend", "US", "en", "city", ["Richmond|CA", "Seattle|US"]),
        ("Delta, Langley and Surrey B.C. incall", "CA", "en", "city", ["Delta|CA", "Langley|CA", "Surrey|CA"]),
        ("Surrey (UK) girl", "CA", "en", "city", []),
        ("Wash. Car wash.", "GB", "en", "city", []),
        # a range's second end after a length written before its first, and in brackets in another currency
        ("1 hour £150-200", "GB", "en", "price", ["150 GBP/60min", "200 GBP/60min"]),
        ("£120-150 per hour (€140-175), depending", "GB", "en", "price",
         ["120 GBP/60min", "140 EUR/60min", "150 GBP/60min", "175 EUR/60min"]),
        # whom the length is spent with, before the amount's colon
        ("Uma hora com uma de nós: cento e vinte euros", "PT", "pt", "price", ["120 EUR/60min"]),
        ("Duas horas com as duas: quatrocentos e cinquenta euros", "PT", "pt", "price", ["450 EUR/120min"]),
        ("1 hour with both of us: £250", "GB", "en", "price", ["250 GBP/60min"]),
        ("Chat with me: £250", "GB", "en", "price", ["250 GBP"]),
        # ages in words after a word for the poster, two of them before one unit, not the clients' range
        ("Dag heren, ik ben Lotte, een meisje van vierentwintig.", "BE", "nl", "age", ["24"]),
        ("Irish girl, twenty four.", "IE", "en", "age", ["24"]),
        ("Irish girl, one night only", "IE", "en", "age", []),
        ("duas amigas de vinte e um e vinte e quatro anos", "PT", "pt", "age", ["21", "24"]),
        ("dos amigas de veintiuno y veinticuatro años", "ES", "es", "age", ["21", "24"]),
        ("clients between twenty and thirty years old", "GB", "en", "age", []),
        ("tenho vinte e quatro anos", "PT", "pt", "age", ["24"]),
        # two women after the Portuguese article, and Japanese personas
        ("Olá! Somos a Bia e a Luana, duas amigas", "PT", "pt", "name", ["Bia", "Luana"]),
        ("Keiko here, 29, based in Seattle.", "US", "en", "name", ["Keiko"]),
    ],
)
def test_outcall_towns_press_states_ranges_and_spelled_ages(body: str, country: str, lang: str, kind: str,
                                                             values: list[str]) -> None:
    assert _values(body, country, kind, lang) == values


@pytest.mark.parametrize(
    ("body", "country", "fees"),
    [
        ("Travel to Letterkenny €40 extra.", "IE", ["40 EUR"]),
        ("1 hour £150, overnight £800. Weekends £30 extra.", "GB", ["30 GBP"]),
        ("Desplazamiento 20€ extra", "ES", ["20 EUR"]),
        ("Hora extra 100€", "ES", []),
    ],
)
def test_an_amount_added_with_extra_is_a_fee(body: str, country: str, fees: list[str]) -> None:
    assert _fees(body, country) == fees


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        # shorthand lengths in brackets after their amounts
        ("rates: 150/250/400/1000 (hh/hr/2hr/ON)", "US", "price",
         ["1000 USD/night", "150 USD/30min", "250 USD/60min", "400 USD/120min"]),
        ("HH/1hr/2hr $180/$300/$550", "US", "price", ["180 USD/30min", "300 USD/60min", "550 USD/120min"]),
        # a known first name before her age, height in feet and weight in pounds
        ("Sasha 24/5'3/115 petite & sweet", "US", "age", ["24"]),
        ("Sasha 24/5'3/115 petite & sweet", "US", "name", ["Sasha"]),
        # a schedule's days before a town named like a word; a day before other words is no stop
        ("mon–tue Providence (downcity) | wed–thu Hartford", "US", "city", ["Hartford|US", "Providence|US"]),
        ("Sunday Bath | Monday Reading", "GB", "city", ["Bath|GB", "Reading|GB"]),
        ("Saturday Derby match, come watch", "GB", "city", []),
        # "incall" and "outcall" before a place; a neighbourhood's "Village" makes no town of its first word
        ("outcall Queens ok (Jamaica, Forest Hills)", "US", "city", ["Queens|US"]),
        ("Toronto. Text 416-555-0122. $300/hr, incall Liberty Village.", "CA", "city", ["Toronto|CA"]),
        ("Incall Only", "US", "city", []),
    ],
)
def test_shorthand_lists_imperial_stats_schedules_and_incall_places(body: str, country: str, kind: str,
                                                                    values: list[str]) -> None:
    assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "phones"),
    [
        # a capital "O" ends the number spelled digit by digit; the small "o" after it is Spanish "or"
        ("Llámame al 0 0 6 1 4 9 1 5 7 0 1 4 O o escríbeme por Telegram.", ["+61491570140"]),
        ("Llámame al 0 0 6 1 4 9 1 5 7 0 1 4 O", ["+61491570140"]),
        ("Llámame al 0 0 6 1 4 9 1 5 7 0 1 4 o escríbeme", ["+6149157014"]),  # no zero from the word
    ],
)
def test_a_capital_o_ends_a_number_before_the_word_o(body: str, phones: list[str]) -> None:
    assert _values(body, "ES", "phone") == phones


@pytest.mark.parametrize(
    ("ad", "kind", "values"),
    [
        # Arabic and Persian lengths before amounts in Arabic-Indic digits
        ({"body": "Rates:\nنصف ساعة £٨٠\nساعة £١٣٠", "country": "GB", "lang": "en"}, "price",
         ["130 GBP/60min", "80 GBP/30min"]),
        ({"body": "۲ ساعت £۲۵۰", "country": "GB", "lang": "en"}, "price", ["250 GBP/120min"]),
        # Persian first names; Turkish "Yeni!" (new) names no one outside Spanish-speaking ads
        ({"title": "Nazanin – Persian massage, Croydon", "body": "", "country": "GB"}, "name", ["Nazanin"]),
        ({"title": "Yeni! Nurhan Stuttgart'ta", "body": "Hallo, ich bin Nurhan, 23 yaş.", "country": "DE"}, "name",
         ["Nurhan"]),
        ({"title": "Yeni, latina 24", "body": "", "country": "US"}, "name", ["Yeni"]),
    ],
)
def test_arabic_and_persian_lengths_and_names(ad: dict[str, str], kind: str, values: list[str]) -> None:
    assert sorted(e.value for e in extract_ad(ad) if e.kind == kind) == values


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        # Croatian accusative "godinu" after an age; "10 godina" of work is no age
        ("Ime mi je Dunja, imam 31 godinu i masiram već 10 godina.", "HR", "age", ["31"]),
        # an "@" ending a line before any real domain; no domain for a word on the next line
        ("Email me: jenna.yyz@\nexample.com\n12:45", "CA", "email", ["jenna.yyz@example.com"]),
        ("contact@\nnothing here", "CA", "email", []),
        ("x@\n3233.no.s", "CA", "email", []),
        # a mall named after a foreign town, a word between them
        ("Suite 108, Houston TX 77036 (same plaza as Hong Kong City Mall)", "US", "city", ["Houston|US"]),
    ],
)
def test_croatian_years_split_addresses_and_malls(body: str, country: str, kind: str, values: list[str]) -> None:
    assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        ("Είμαι στη Λεμεσό αυτή την εβδομάδα", "CY", ["Limassol|CY"]),
        ("κέντρο της Λάρνακας", "CY", ["Larnaca|CY"]),
        ("Λεμεσό", "CY", []),  # a generated case form needs its preposition or article
    ],
)
def test_greek_towns_in_the_accusative_and_the_genitive(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        ("Olen Tallinnassa ja Tukholmassa ensi viikolla", "FI", ["Stockholm|SE", "Tallinn|EE"]),
        ("Need a barista", "GB", []),  # no elative: "Bari" + "-sta" is a word
    ],
)
def test_finnish_inessive_of_foreign_towns(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "cities"),
    [
        ("neu in Düssel-\ndorf (Altstadt).", ["Düsseldorf|DE"]),
        ("Treffen in Ham-\nburg", ["Hamburg|DE"]),
        ("Ein Text mit Zeilen-\numbruch in Berlin", ["Berlin|DE"]),
    ],
)
def test_a_town_hyphenated_at_a_lines_end(body: str, cities: list[str]) -> None:
    assert _values(body, "DE", "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        # a borough the ad shortens to the first part of its dashed name, not a small foreign town
        ("incall dans Rosemont proche du métro.", "CA", "city", ["Rosemont–La Petite-Patrie|CA"]),
        ("in Rosemont tonight", "US", "city", ["Rosemont|US"]),
        ("Victoria BC, near James Bay and the Bay Street shops", "CA", "city", ["Victoria|CA"]),
        # the end of a longer hyphenated name is no town
        ("à 3 minutes à pied du métro Longueuil–Université-de-Sherbrooke.", "CA", "city", []),
        ("Je reçois à Aix-en-Provence", "FR", "city", ["Aix-en-Provence|FR"]),
    ],
)
def test_shortened_boroughs_and_hyphenated_names(body: str, country: str, kind: str, values: list[str]) -> None:
    assert _values(body, country, kind) == values


def test_a_deposit_paid_by_e_transfer_is_a_fee() -> None:
    assert _fees("New clients send $40 by e-transfer, the rest cash.", "CA") == ["40 CAD"]


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        # a country's number named in brackets after a word for the number
        ("Telefoon of WhatsApp (Engels nummer): 020 7946 0719", "BE", "phone", ["+442079460719"]),
        # an emoji between "here" and the age in brackets
        ("Hey! Noor hier 👋 (26), masseuse in Gent", "BE", "age", ["26"]),
        # "the Springs" (Colorado Springs) is no town Springs
        ("Jade 31 — Colorado Springs (the Springs)", "US", "city", ["Colorado Springs|US"]),
        # a tour's arrows join stops named like words
        ("Salem (Jun 3-4) ➡️ Bend (Jun 5-7) ➡️ Medford (Jun 8-9)", "US", "city", ["Bend|US", "Medford|US", "Salem|US"]),
        # a road's "St" before "&"
        ("incall Aurora, CO off Havana St & Mississippi Ave", "US", "city", ["Aurora|US"]),
        # a rose beside a card's heading word, shorthand rows with dashes
        ("🌹 Donations 🌹\nQV – 100\nHH – 160\nH – 260\nON – 1500", "US", "price",
         ["100 ROSES", "1500 ROSES/night", "160 ROSES/30min", "260 ROSES/60min"]),
    ],
)
def test_bracketed_marks_here_emoji_tours_and_rose_cards(body: str, country: str, kind: str,
                                                          values: list[str]) -> None:
    assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "country", "fees"),
    [
        ("Anfahrt Raum Verviers / Aachen: 35 €", "BE", ["35 EUR"]),
        ("Supplément week-end : 20 €", "BE", ["20 EUR"]),
        ("C@sh @pp dep $20: $NylaKentPNW", "US", ["20 USD"]),
    ],
)
def test_surcharges_abbreviated_deposits_and_long_fee_labels(body: str, country: str, fees: list[str]) -> None:
    assert _fees(body, country) == fees


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        ("je travaille au Luxembourg depuis peu. Je reçois à Esch-sur-Alzette, quartier Brill", "LU",
         ["Esch-sur-Alzette|LU"]),  # "au Luxembourg" is the country
        ("je reçois à Luxembourg", "LU", ["Luxembourg|LU"]),
        ("Déplacement Luxembourg-Ville / Kirchberg : +40 €", "LU", ["Luxembourg|LU"]),
    ],
)
def test_luxembourg_the_country_and_the_city(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city") == cities


def test_a_district_written_after_its_town_in_one_field_is_no_town_in_another() -> None:
    ad = {"title": "Namur (Jambes) – Chloé, 27 ans", "body": "Je reçois à Jambes, à 5 minutes de la gare de Namur.",
          "country": "BE"}
    assert sorted({e.value for e in extract_ad(ad) if e.kind == "city"}) == ["Namur|BE"]
    ad = {"title": "Gdańsk, Sopot", "body": "Przyjmuję w Sopot.", "country": "PL"}  # 11 km: two towns
    assert sorted({e.value for e in extract_ad(ad) if e.kind == "city"}) == ["Gdańsk|PL", "Sopot|PL"]


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        # a Catalan article written small before the town's capital
        ("Desplazamiento hotel: 15€ Benidorm, 25€ Altea / l'Alfàs del Pi", "ES", "city",
         ["Altea|ES", "Benidorm|ES", "l'Alfàs del Pi|ES"]),
        ("près de l'Opéra", "FR", "city", []),
        ("+40€ a Elx", "ES", "city", ["Elche|ES"]),
        # years out here, a place of several words between, are no age
        ("I'm Kelly, British lady, 38, been out here on the Costa del Sol 14 years.", "ES", "age", ["38"]),
    ],
)
def test_catalan_articles_valencian_names_and_years_abroad(body: str, country: str, kind: str,
                                                          values: list[str]) -> None:
    assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "country", "fees"),
    [
        ("Travel: €10 Fuengirola, €20 everywhere else.", "ES", ["10 EUR", "20 EUR"]),
        ("I travel to you, £250", "GB", []),  # "travel" heads fees only as a line's label
    ],
)
def test_travel_labels_a_line_of_fees(body: str, country: str, fees: list[str]) -> None:
    assert _fees(body, country) == fees


def test_a_norwegian_ad_abroad_reads_norwegian_hours() -> None:
    ad = {"body": "Klassisk massasje:\n1 time 120 €\n2 timer 220 €", "country": "ES", "lang": "no"}
    assert sorted(e.value for e in extract_ad(ad) if e.kind == "price") == ["120 EUR/60min", "220 EUR/120min"]
    ad = {"body": "1 time 120 €", "country": "ES", "lang": "en"}  # an English "time" is no hour
    assert [e.value for e in extract_ad(ad) if e.kind == "price"] == ["120 EUR"]


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        ("Two blocks from the Fremont St Experience, Vegas", "US", ["Las Vegas|US"]),
        ("Pike St Market, Seattle", "US", ["Seattle|US"]),
        ("London St Pancras", "GB", ["London|GB"]),  # "St" then any other word is "Saint"
    ],
)
def test_a_landmark_named_after_a_street_is_no_town(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "phones"),
    [
        ("Dispo dès 12h45 : 01 99 00' 37 `82", ["+33199003782"]),  # OCR specks between the groups
        ("Tel : 01 99 00' 37 82", ["+33199003782"]),
        ("1m68 / 5'6\", 55 kg", []),
    ],
)
def test_ocr_specks_between_digit_groups(body: str, phones: list[str]) -> None:
    assert _values(body, "FR", "phone") == phones


def test_a_nationality_in_the_title_reads_the_number_in_the_body() -> None:
    ad = {"title": "British babe in Benidorm, Chloe, 29", "body": "Ring or text 020 7946 0301, my number from home.",
          "country": "ES", "lang": "en"}
    phones = [(e.field, e.value, e.attrs["foreign"]) for e in extract_ad(ad) if e.kind == "phone"]
    assert phones == [("body", "+442079460301", True)]
    # ... and in the site's phone field; without it, the same digits read as nothing in Spain
    ad = {"title": "Chica inglesa en Benidorm", "phone": "020 7946 0301", "country": "ES"}
    assert [e.value for e in extract_ad(ad) if e.kind == "phone"] == ["+442079460301"]
    ad = {"title": "Chica en Benidorm", "phone": "020 7946 0301", "country": "ES"}
    assert [e.value for e in extract_ad(ad) if e.kind == "phone"] == []


@pytest.mark.parametrize(
    ("body", "lang", "cities"),
    [
        # a cue reads the whole list, surnames among its towns too
        ("También voy a Haltom City, Keller y Burleson", "es", ["Burleson|US", "Haltom City|US", "Keller|US"]),
        ("Haltom City, Keller", "en", ["Haltom City|US"]),  # no cue: Keller is a surname
        # a first name inside a cued list, or last after "and", is a town too; not before her age
        ("outcall University Park, Addison, Las Colinas", "en", ["Addison|US", "University Park|US"]),
        ("outcall Plano and Addison", "en", ["Addison|US", "Plano|US"]),
        ("incall Plano, Madison here 24", "en", ["Plano|US"]),
        # the small town of the state written after it, not a bigger one known by the name too (Syracuse)
        ("outcall to Milan, TN or Humboldt, TN", "en", ["Humboldt|US", "Milan|US"]),
        ("Just moved from San Juan, PR to the Queen City.", "en", ["San Juan|PR"]),  # a nickname of several
        ("NO Jefferson Parish or Orleans Parish outcalls", "en", []),  # counties, whatever their alternate names
        ("Fort Worth Stockyards", "en", ["Fort Worth|US"]),  # a word that starts "St" is no street sign
    ],
)
def test_lists_after_a_cue_states_parishes_and_nicknames(body: str, lang: str, cities: list[str]) -> None:
    assert _values(body, "US", "city", lang) == cities


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        ("$30 gas fee if you're across the Causeway", "US", "fee", ["30 USD"]),
        ("$40 hotel fee", "US", "fee", ["40 USD"]),
        ("$150 hotel room", "US", "fee", []),
        # a page's table: the header's currency reads the bare cells of every column
        ("<table><tr><th>Duur</th><th>Privé (€)</th><th>Escort (€)</th></tr><tr><td>1 uur</td><td>150</td>"
         "<td>180</td></tr><tr><td>Hele nacht</td><td>900</td><td>1100</td></tr></table>", "NL", "price",
         ["1100 EUR/night", "150 EUR/60min", "180 EUR/60min", "900 EUR/night"]),
        ("Hele nacht 900 1100", "NL", "phone", []),  # two growing round amounts, no "0900 1100"
        ("Bel 0900 1100", "NL", "phone", ["+319001100"]),
    ],
)
def test_fees_tables_of_tabs_and_round_amounts(body: str, country: str, kind: str, values: list[str]) -> None:
    if kind == "fee":
        assert _fees(body, country) == values
    else:
        assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "values"),
    [
        # a length followed by a way there is a distance, which sets no habit of lengths first
        ("Incall (5 min from AT&T Stadium)\n150hh · 250h · 450 2hrs · 1500 O/N", "US", "en", "price",
         ["150 USD/30min", "1500 USD/night", "250 USD/60min", "450 USD/120min"]),
        ("30 min from $80, 1 hr from $150", "US", "en", "price", ["150 USD/60min", "80 USD/30min"]),
        # a line that opens with a length, says what it is for, then a colon and the amount
        ("– kwartier nek/schouders: € 35\n– 1 uur: € 110", "NL", "nl", "price", ["110 EUR/60min", "35 EUR/15min"]),
        ("30 min neck and shoulders: £35", "GB", "en", "price", ["35 GBP/30min"]),
        ("hey boo its Kandi, 23 😘", "US", "en", "age", ["23"]),  # "its" for "it's"
        ("it's Sunday, 23 May", "US", "en", "age", []),  # a weekday, no persona
        ("I'm April, 23", "US", "en", "age", ["23"]),
        ("Hej! Ola here, 26, Polish girl living in Enschede", "NL", "en", "age", ["26"]),  # Poland's "Ola"
        ("proper English girl from Birmingham (the UK one)", "US", "en", "city", ["Birmingham|GB"]),
        ("Canadian girl from London, visiting", "GB", "en", "city", ["London|CA"]),
        # a Dutch away cue keeps a small town next to a big one apart
        ("Ontvangst in Den Haag. Escort ook naar Rijswijk, Delft en Wassenaar.", "NL", "nl", "city",
         ["Delft|NL", "Rijswijk|NL", "The Hague|NL", "Wassenaar|NL"]),
        # Polish locatives soften the consonant before the ending
        ("mieszkam w Pradze, dojazd do hotelu w Hadze", "NL", "pl", "city", ["Prague|CZ", "The Hague|NL"]),
    ],
)
def test_distances_rows_presentations_and_origins(body: str, country: str, lang: str, kind: str,
                                                   values: list[str]) -> None:
    assert _values(body, country, kind, lang) == values


@pytest.mark.parametrize(
    ("body", "country", "fees"),
    [
        ("Anfahrt nach Kleve 30 €, nach Arnheim 25 €", "DE", ["25 EUR", "30 EUR"]),
        ("Travel fee £20, to Salford £30", "GB", ["20 GBP", "30 GBP"]),
        ("Deposit $50, then $150", "US", ["50 USD"]),  # no place after the comma: the rest is no fee
        # Serbian and Slovene taxis and travel costs
        ("Taksi do vas plaćate vi (oko 1.000 din)", "RS", ["1000 RSD"]),
        ("Potni stroški izven centra: 15 €", "SI", ["15 EUR"]),
    ],
)
def test_fee_lines_to_places_and_balkan_travel_costs(body: str, country: str, fees: list[str]) -> None:
    assert _fees(body, country) == fees


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "values"),
    [
        ("outcall to Newcastle-under-Lyme only.", "GB", "en", "city", ["Newcastle under Lyme|GB"]),
        # an away cue a few words before: a town of its own, however near the big one
        ("Newcastle born. Outcall over the bridge to Gateshead", "GB", "en", "city",
         ["Gateshead|GB", "Newcastle upon Tyne|GB"]),
        # a list that holds a big town of the ad's country reads every item
        ("Dispo sur le 69 (Lyon, Bourg-en-Bresse, Vienne).", "FR", "fr", "city",
         ["Bourg-en-Bresse|FR", "Lyon|FR", "Vienne|FR"]),
        ("Juan-les-Pins ou Nice +60 €.", "FR", "fr", "city", ["Juan-les-Pins|FR", "Nice|FR"]),
        ("Juan-les-Pins", "FR", "fr", "name", []),  # the head of a compound is no name
        ("Perpignan (66) – Nuria, catalane, 32 ans", "FR", "fr", "name", ["Nuria"]),
        ("Beth here, 31, qualified sports massage therapist", "GB", "en", "age", ["31"]),
        ("Mobile: 07700 900 862\nSue x", "GB", "en", "name", ["Sue"]),
        ("1h seule : 220 €\n1h à deux : 400 €", "FR", "fr", "price", ["220 EUR/60min", "400 EUR/60min"]),
        ("half price today: 100", "GB", "en", "price", []),
        # the "same" word says the name is another platform's; the camera emoji decorates the word
        ("Télégram : @clara_annecy74\nInsta même pseudo 📸\nMon gmail c'est clara.annecy74", "FR", "fr", "handle",
         ["instagram:clara_annecy74", "telegram:clara_annecy74"]),
    ],
)
def test_hyphenated_towns_away_cues_sign_offs_and_same_names(body: str, country: str, lang: str, kind: str,
                                                             values: list[str]) -> None:
    assert _values(body, country, kind, lang) == values


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "values"),
    [
        # a list goes on after the small place: no district of the town before it
        ("massages aan huis in Leiden, Oegstgeest en Alphen aan den Rijn.", "NL", "nl", "city",
         ["Alphen aan den Rijn|NL", "Leiden|NL", "Oegstgeest|NL"]),
        ("I'm Layla, twenty-five, Lebanese girl", "US", "en", "age", ["25"]),
        ("I'm Mia, twenty minutes from downtown", "US", "en", "age", []),
        ("NOLA 🎭 Mardi Gras wknd only — Giselle, 29", "US", "en", "name", ["Giselle"]),  # a nickname in capitals
        # nationality marks of central Europe and the Balkans, and a long aside before the colon
        ("Australské číslo: 0491 570 133", "CZ", "cs", "phone", ["+61491570133"]),
        ("Mobitel (Australija): 0491 570 119", "HR", "hr", "phone", ["+61491570119"]),
        ("na mojo francosko številko: 01 99 00 58 14", "SI", "sl", "phone", ["+33199005814"]),
        ("Dzwoń na numer z USA (pracowałam kilka lat w Stanach): 347 555 0163", "PL", "pl", "phone",
         ["+13475550163"]),
        ("pola sata – 60 €\nsat – 100 €\ndva sata – 180 €", "HR", "hr", "price",
         ["100 EUR/60min", "180 EUR/120min", "60 EUR/30min"]),
        # a table's cell of its own, in thousands with a space
        ("Czas | Incall (zł) | Outcall (zł)\n30 min | 250 | –\nNoc | 2 500 | 2 800", "PL", "pl", "price",
         ["250 PLN/30min", "2500 PLN/night", "2800 PLN/night"]),
        # a label's value after a bar is no item of a list
        ("Nombre: Sofía | Edad: 26 | Ciudad: Valencia | Tarifa: 100€/h", "ES", "es", "city", ["Valencia|ES"]),
    ],
)
def test_lists_going_on_ages_nicknames_marks_and_table_cells(body: str, country: str, lang: str, kind: str,
                                                             values: list[str]) -> None:
    assert _values(body, country, kind, lang) == values


def test_a_district_hyphenated_in_the_title_is_no_town_declined_in_the_body() -> None:
    ad = {"title": "Nikola (23) – Bratislava-Petržalka, privát",
          "body": "Privát v Petržalke.\nVýjazd mimo Petržalky +20 €", "country": "SK", "lang": "sk"}
    assert [e.value for e in extract_ad(ad) if e.kind == "city"] == ["Bratislava|SK"]


@pytest.mark.parametrize(
    ("ad", "kind", "values"),
    [
        # a nationality reads digits with no trunk "0" where home numbers are written with one
        ({"title": "American girl in Berlin", "body": "Text (646) 555-0192, my US cell", "country": "DE", "lang": "en"},
         "phone", ["+16465550192"]),
        # a tour's days with the month written once are no digits of the number after them
        ({"body": "Hannover 18.–20.03. – 01 99 00 58 61 (SMS/WhatsApp)", "country": "DE", "lang": "de"},
         "phone", ["+33199005861"]),
        ({"body": "Anfahrt (Taxi): bis 5 km 20 €, darüber 40 €", "country": "DE", "lang": "de"}, "fee",
         ["20 EUR", "40 EUR"]),
        # a German article makes a part of a town; a far smaller town after a hyphen is a district
        ({"body": "seit einem Jahr in Dresden. Ich wohne in der Neustadt, 4 Min. vom Bahnhof Dresden-Neustadt.",
          "country": "DE", "lang": "de"}, "city", ["Dresden|DE", "Dresden|DE"]),
        ({"title": "Берлин, район Шарлоттенбург – Алина, 25 лет", "body": "Принимаю у себя (Шарлоттенбург, рядом с "
          "S-Bahn Savignyplatz). Сейчас живу в Берлине.", "country": "DE", "lang": "ru"}, "city",
         ["Berlin|DE", "Berlin|DE"]),
        ({"title": "HH-Eimsbüttel | Kayla 26", "body": "living in HH for 3 years", "country": "DE", "lang": "en"},
         "city", ["Hamburg|DE", "Hamburg|DE"]),
    ],
)
def test_german_ads_of_foreign_posters(ad: dict[str, str], kind: str, values: list[str]) -> None:
    found = extract_ad(ad)
    got = [e.value for e in found if e.kind == kind] if kind != "fee" else \
        sorted(e.value for e in found if e.attrs.get("fee"))
    assert got == values


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        ("Greek girl from Athens, now in Athens, OH", "US", "city", ["Athens|GR", "Athens|US"]),
        ("Sydney here, 24. HH $200 / 1hr $300. Text 0491570124.", "", "city", []),  # "HH" before an amount
        ("Meine australische Handynummer (auch WhatsApp): null vier neun eins, fünfhundertsiebzig, null siebzig",
         "DE", "phone", ["+61491570070"]),
    ],
)
def test_origins_rate_shorthands_and_long_asides(body: str, country: str, kind: str, values: list[str]) -> None:
    assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        # a weekday alone after a town on its own line (or item) makes a schedule's stop, a first name too
        ("Nanaimo Mon–Tue (downtown hotel)\nDuncan Wed\nCourtenay Thu–Fri", "CA", "city",
         ["Courtenay|CA", "Duncan|CA", "Nanaimo|CA"]),
        ("I met Duncan Wed night", "CA", "city", []),
        # a foreign town before "Town Centre" names a shopping centre; a home town's centre is the town
        ("Outcalls to hotels near Brentwood Town Centre & in New Westminster.", "CA", "city",
         ["New Westminster|CA"]),
        ("Outcalls to Leeds Town Centre", "GB", "city", ["Leeds|GB"]),
        # years "in" a country are years of living there, not an age
        ("I'm Angelica, 26, Filipina from Manila, 12 yrs in Canada na", "CA", "age", ["26"]),
        ("Llevo 10 años en España, tengo 25", "ES", "age", ["25"]),
        ("Anna 19 yrs in Toronto", "CA", "age", ["19"]),
    ],
)
def test_schedule_days_shopping_centres_and_years_in_a_country(body: str, country: str, kind: str,
                                                                values: list[str]) -> None:
    assert _values(body, country, kind) == values


@pytest.mark.parametrize(
    ("body", "country", "lang", "kind", "values"),
    [
        # Russian and Ukrainian adjectives of countries mark a number, as their SIM words do
        ("WhatsApp: 0491 570 134 (австралійський номер)", "IE", "en", "phone", ["+61491570134"]),
        ("моя австралійська сімка 0491 570 134", "DE", "uk", "phone", ["+61491570134"]),
        # the soft signs of transliterated Ukrainian number words
        ("UK: nul' dva nul' – sim dev'yat' chotyry shist' – nul' p'yat' visim try", "CZ", "uk", "phone",
         ["+442079460583"]),
        ("I'm sim' here, don't worry", "US", "en", "phone", []),
        # years of living in a town, in Russian and Ukrainian
        ("Живу в Берлине 12 лет, родом из Минска.", "DE", "ru", "age", []),
        ("Мешкаю у Празі вже 5 років, мені 30 років", "CZ", "uk", "age", ["30"]),
        # the Russian neuter declined
        ("Привет, я Маша, из Запорожья.", "IE", "ru", "city", ["Zaporizhzhya|UA"]),
        # the Lithuanian nominative of a platform
        ("Telegramas: @olga_lt88", "LT", "lt", "handle", ["telegram:olga_lt88"]),
    ],
)
def test_ukrainian_and_russian_speaking_posters(body: str, country: str, lang: str, kind: str,
                                                values: list[str]) -> None:
    assert _values(body, country, kind, lang) == values


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        # a range of days written month first, before a number
        ("Buffalo 3/17–3/19 716.555.0121", "US", "phone", ["+17165550121"]),
        # fee words after words of when
        ("$25 late-night fee after midnight", "US", "fee", ["25 USD"]),
        ("$50 short notice fee", "US", "fee", ["50 USD"]),
        # a fee's words, then a word for an added amount
        ("Bathurst trips: $100 travel extra", "AU", "fee", ["100 AUD"]),
        ("1 hour $250 extra time $100", "AU", "fee", []),
        # a cue opens a list: its first item counts though a first name, its next items though words
        ("Outcall Elizabeth, Linden & Newark (+$50 travel)", "US", "city", ["Elizabeth|US", "Linden|US", "Newark|US"]),
        ("Say hi to Victoria, Chelsea and Paige", "US", "city", []),
        # a profile page pasted under the ad, after a blank line
        ("Text:\n401 555\n0178\n\nTelegram\nRhea\nlast seen recently\nUsername\n@rhea_401", "US", "handle",
         ["telegram:rhea_401"]),
        # an ad of no country: the currency, or North America's layout, picks a smaller namesake
        ("In Salem till Halloween. Rates: $$ 200 hr. Call 978.555.0134", "", "phone", ["+19785550134"]),
        ("In Salem till Halloween. Call 978.555.0134", "", "city", ["Salem|US"]),
        ("Kingston this weekend, text 876-555-0181", "", "city", ["Kingston|JM"]),
    ],
)
def test_new_england_and_new_york_ads(body: str, country: str, kind: str, values: list[str]) -> None:
    found = extract_ad({"body": body, "country": country or None, "lang": "en"})
    got = sorted(e.value for e in found if e.kind == kind and not e.attrs.get("fee")) if kind != "fee" else \
        sorted(e.value for e in found if e.attrs.get("fee"))
    assert got == values


def test_dates_before_a_number_hide_nothing_of_it() -> None:
    found = extract_ad({"body": "Buffalo 3/17–3/19, 716.555.0121", "country": "US"})
    assert [e.attrs["obfuscated"] for e in found if e.kind == "phone"] == [False]
