"""Central European, Baltic and Nordic ads as posters there write them (red team 75)."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad


def _values(body: str, country: str, kind: str, lang: str | None = None) -> list[str]:
    ad = {"body": body, "country": country, "lang": lang}
    return sorted(e.value for e in extract_ad(ad) if e.kind == kind and not e.attrs.get("fee"))


@pytest.mark.parametrize(
    ("body", "country", "lang", "phone"),
    [
        # "plus" spelled as in Hungarian, Lithuanian, Estonian and Norwegian is the "+" of a foreign number,
        # not noise before a home number cut out of the run
        ("Telefonszám: plusz négy négy kettő nulla hét kilenc négy hat nulla három három hét", "HU", "hu",
         "+442079460337"),
        ("plusz egy kettő nulla kettő öt öt öt nulla egy négy nyolc", "HU", "hu", "+12025550148"),
        ("Tel.: plius keturi keturi du nulis septyni devyni keturi šeši nulis trys du penki", "LT", "lt",
         "+442079460325"),
        ("Telefon: pluss neli neli kaks null seitse üheksa neli kuus null üks üks kaks", "EE", "et", "+442079460112"),
        ("Ring: pluss fire fire to null sju ni fire seks null fire to ni", "NO", "no", "+442079460429"),
        # a country's code or name glued by a hyphen to the word for a number, or in the genitive
        ("UK-numero: 020 7946 0717", "FI", "fi", "+442079460717"),
        ("UK-nummer: 020 7946 0717", "DK", "da", "+442079460717"),
        ("Anglijos numeris: 020 7946 0666", "LT", "lt", "+442079460666"),
    ],
)
def test_foreign_numbers_marked_in_local_words(body: str, country: str, lang: str, phone: str) -> None:
    assert _values(body, country, "phone", lang) == [phone]


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("Ilmoitus nro 2079460 · Katselukerrat 1 234", "FI"),  # an ad's number and its view counter
        ("Annonse nr. 2079460177", "NO"),
        ("Skelbimo Nr. 2079460177", "LT"),
        ("Katselukerrat: 12 345 678", "FI"),
    ],
)
def test_listing_numbers_are_no_phones(body: str, country: str) -> None:
    assert _values(body, country, "phone") == []


@pytest.mark.parametrize(
    ("body", "country", "lang", "ages"),
    [
        # tens in words, in every language of the region
        ("Je mi dvacet pět let a jsem ze Slovenska.", "CZ", "cs", ["25"]),
        ("Je mi pětadvacet let.", "CZ", "cs", ["25"]),
        ("Mám dvadsaťtri rokov a rada cestujem.", "SK", "sk", ["23"]),
        ("Huszonhárom éves diáklány vagyok.", "HU", "hu", ["23"]),
        ("Harmincöt éves vagyok.", "HU", "hu", ["35"]),
        ("Stara sem štiriindvajset let.", "SI", "sl", ["24"]),
        ("Man dvidešimt treji metai.", "LT", "lt", ["23"]),
        ("Man ir divdesmit četri gadi.", "LV", "lv", ["24"]),
        ("Olen kakskümmend kolm aastat vana.", "EE", "et", ["23"]),
        ("Olen kaksikymmentäkolme vuotta vanha.", "FI", "fi", ["23"]),
        ("Jeg er fireogtyve år gammel.", "DK", "da", ["24"]),
        ("Jeg er tjuefem år.", "NO", "no", ["25"]),
        ("Jag är tjugofem år.", "SE", "sv", ["25"]),
        ("Imam dvadeset pet godina.", "HR", "hr", ["25"]),
        ("Είμαι είκοσι πέντε ετών.", "GR", "el", ["25"]),
        ("Yirmi beş yaşındayım.", "TR", "tr", ["25"]),
        # short units of one country, after a space with their dot
        ("Esu Rūta, 25 m., naujokė Vilniuje.", "LT", "lt", ["25"]),
        ("24 g.v. meitene no Rīgas", "LV", "lv", ["24"]),
        ("Esmu 30 gadus veca sieviete.", "LV", "lv", ["30"]),
        ("Nimeni on Aino ja olen 26 v.", "FI", "fi", ["26"]),
        ("Mám 24 r., výška 170 cm", "SK", "sk", ["24"]),
        ("Atstumas 15 m. nuo stoties", "LT", "lt", []),  # fifteen metres
        ("Od 2024 r. pracuji v Brně", "CZ", "cs", []),
        # rooms and years at work or in a town
        ("Huone 23 – hotelli aseman vieressä", "FI", "fi", []),
        ("Szoba 21 – a recepción kérd a kulcsot", "HU", "hu", []),
        ("Izba 24, hotel pri stanici", "SK", "sk", []),
        ("Soba 25, hotel v centru", "SI", "sl", []),
        ("Kambarys 21 – viešbutis prie stoties", "LT", "lt", []),
        ("Istaba 24, viesnīca pie stacijas", "LV", "lv", []),
        ("Tuba 23 – hotell jaama lähedal", "EE", "et", []),
        ("Værelse 24, hotel ved stationen", "DK", "da", []),
        ("Rom 25 – hotell ved stasjonen", "NO", "no", []),
        ("Masiram že 10 let, diplomirana maserka.", "SI", "sl", []),
        ("Olen Tallinnas elanud 10 aastat.", "EE", "et", []),
        ("Olen Tartus elanud juba 11 aastat.", "EE", "et", []),
        ("Olen juba 25 aastat vana.", "EE", "et", ["25"]),
        ("Работаю 11 лет, мне 30", "DE", "ru", ["30"]),
    ],
)
def test_ages(body: str, country: str, lang: str, ages: list[str]) -> None:
    assert _values(body, country, "age", lang) == ages


@pytest.mark.parametrize(
    ("body", "country", "lang", "prices"),
    [
        ("120 eurų už valandą, 200 eurų už dvi valandas.", "LT", "lt", ["120 EUR/60min", "200 EUR/120min"]),
        ("120 evrov na uro, dve uri 220 evrov.", "SI", "sl", ["120 EUR/60min", "220 EUR/120min"]),
        ("150 euroa tunti, koko yö 900 euroa.", "FI", "fi", ["150 EUR/60min", "900 EUR/night"]),
        ("1500 kroner for en time.", "NO", "no", ["1500 NOK/60min"]),
        ("EUR 100/st., nakts EUR 500", "LV", "lv", ["100 EUR/60min", "500 EUR/night"]),
        ("Overnatning 10.000 kr", "DK", "da", ["10000 DKK/night"]),
        # a range whose second end carries the thousands word: both ends are thousands
        ("Ár: 20-25 ezer/óra", "HU", "hu", ["20000 HUF/60min", "25000 HUF/60min"]),
        ("20-25 тыс/час", "RU", "ru", ["20000 RUB/60min", "25000 RUB/60min"]),
        ("10-15 hiljada dinara sat", "RS", "sr", ["10000 RSD/60min", "15000 RSD/60min"]),
        ("20-25k/hr", "US", "en", ["20000 USD/60min", "25000 USD/60min"]),
        # discounts and travel costs are no rates
        ("Sleva 500 Kč pro stálé klienty. Hodina 2 800 Kč.", "CZ", "cs", ["2800 CZK/60min"]),
        ("Doprava po Praze 300 Kč, hodina 2500 Kč.", "CZ", "cs", ["2500 CZK/60min"]),
        ("Doprava po Bratislave 20 €, hodina 130 €.", "SK", "sk", ["130 EUR/60min"]),
    ],
)
def test_prices(body: str, country: str, lang: str, prices: list[str]) -> None:
    assert _values(body, country, "price", lang) == prices


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        ("Byt v centru Prahy, klidné prostředí.", "CZ", ["Prague|CZ"]),
        ("Helsingin keskustassa, yksityinen asunto.", "FI", ["Helsinki|FI"]),
        ("Asun Espoossa, tulen myös Helsinkiin.", "FI", ["Espoo|FI", "Helsinki|FI"]),
        ("Københavns centrum, diskret lejlighed.", "DK", ["Copenhagen|DK"]),
        ("22-ročná študentka z Košíc ponúka masáže.", "SK", ["Košice|SK"]),
        ("Pécsett és Egerben is vagyok.", "HU", ["Eger|HU", "Pécs|HU"]),
        ("Minulla on vanha Nokia-puhelin, joten vain tekstiviestit.", "FI", []),  # a brand
    ],
)
def test_towns_in_their_case_forms(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "handle"),
    [
        ("Napíš mi na Telegrame @nina_ke, odpíšem hneď.", "SK", "telegram:nina_ke"),
        ("Instagramon: @dora.masszazs", "HU", "instagram:dora.masszazs"),
        ("Piši na Telegramu: @maja_mb", "SI", "telegram:maja_mb"),
        ("Rašyk į Telegramą @ieva_kaunas", "LT", "telegram:ieva_kaunas"),
        ("Raksti Telegramā: @anna_rix", "LV", "telegram:anna_rix"),
        ("Kirjuta Telegramis @kadri_tln", "EE", "telegram:kadri_tln"),
        ("Löydät minut Instagramista @aino.helsinki", "FI", "instagram:aino.helsinki"),
        ("Telegramissa @tiia_tampere", "FI", "telegram:tiia_tampere"),
        ("Snäppi: aino.fi", "FI", "snapchat:aino.fi"),
    ],
)
def test_platform_words_in_their_case_forms(body: str, country: str, handle: str) -> None:
    assert _values(body, country, "handle") == [handle]


def test_norwegian_dot_word() -> None:
    assert _values("Skriv til ingrid_bgo(krøllalfa)example(prikk)com", "NO", "email") == ["ingrid_bgo@example.com"]


@pytest.mark.parametrize(
    ("body", "country", "names"),
    [
        ("Sofie her! 24 år, Aalborg", "DK", ["Sofie"]),  # Danish and Norwegian "her" is "here"
        ("Līga šeit, 25, Rīgā", "LV", ["Līga"]),
        ("Réka itt, 23 éves", "HU", ["Réka"]),
    ],
)
def test_here_after_a_name(body: str, country: str, names: list[str]) -> None:
    assert _values(body, country, "name") == names


@pytest.mark.parametrize(
    ("body", "country", "cities"),
    [
        ("Είμαι στην Πάφο για λίγες μέρες", "CY", ["Paphos|CY"]),
        ("Κέντρο της Αθήνας, ιδιωτικό διαμέρισμα", "GR", ["Athens|GR"]),
        ("Λάρνακα — νέα κοπέλα", "CY", ["Larnaca|CY"]),
        ("Κέρκυρα, 25 ετών", "GR", ["Corfu|GR"]),
    ],
)
def test_greek_and_cypriot_towns_in_greek(body: str, country: str, cities: list[str]) -> None:
    assert _values(body, country, "city", "el") == cities
