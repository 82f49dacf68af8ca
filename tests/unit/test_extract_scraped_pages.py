"""Ads as scrapers save them: profile fields, tables of rates, breadcrumbs, related ads and file names
around the ad (red team 78)."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad


def _values(body: str, country: str, kind: str, lang: str | None = "en") -> list[str]:
    ad = {"body": body, "country": country, "lang": lang}
    return sorted(e.value for e in extract_ad(ad) if e.kind == kind and not e.attrs.get("fee"))


@pytest.mark.parametrize(
    ("body", "country", "lang", "prices"),
    [
        # a table's cells a tab apart: every cell of a row takes the row's length
        ("Duration\tIncall\tOutcall\n30 mins\t£100\t£130\n1 hour\t£150\t£180\nOvernight\t£900\t£1,000", "GB", "en",
         ["1000 GBP/night", "100 GBP/30min", "130 GBP/30min", "150 GBP/60min", "180 GBP/60min",
          "900 GBP/night"]),
        ("Duur\tPrivé\tEscort\n30 min\t€100\t–\n1 uur\t€160\t€200", "NL", "nl",
         ["100 EUR/30min", "160 EUR/60min", "200 EUR/60min"]),
        # ... and the table run onto one line, lengths first
        ("Rates: Duration Incall Outcall 30 mins £100 £130 1 hour £150 £180 2 hours £280 £320 Overnight £900 £1000",
         "GB", "en", ["1000 GBP/night", "100 GBP/30min", "130 GBP/30min", "150 GBP/60min", "180 GBP/60min",
                      "280 GBP/120min", "320 GBP/120min", "900 GBP/night"]),
        ("Dauer Haus Hotel 30 Min. 100 € 150 € 60 Min. 160 € 220 €", "DE", "de",
         ["100 EUR/30min", "150 EUR/30min", "160 EUR/60min", "220 EUR/60min"]),
        ("30 min 100 € 1h 160 €, extra 50 €", "DE", "de", ["100 EUR/30min", "160 EUR/60min", "50 EUR"]),
        # an incall/outcall label before the rates of their line
        ("Tariffe in/out: 1h 150/200 €", "IT", "it", ["150 EUR/60min", "200 EUR/60min"]),
        ("Tarifs (incall / outcall) : 1h 200 € / 250 € · 2h 350 € / 400 €", "FR", "fr",
         ["200 EUR/60min", "250 EUR/60min", "350 EUR/120min", "400 EUR/120min"]),
        # an HTML table: cells a tab apart, rows a line apart
        ("<table><tr><td>30 min</td><td>100 €</td></tr><tr><td>1 h</td><td>180 €</td></tr></table>", "FR", "fr",
         ["100 EUR/30min", "180 EUR/60min"]),
        # markdown's bold around the amounts
        ("## Rates\n- 30 min: **£120**\n- 1 hour: **£180**", "GB", "en", ["120 GBP/30min", "180 GBP/60min"]),
    ],
)
def test_tables_of_rates(body: str, country: str, lang: str, prices: list[str]) -> None:
    assert _values(body, country, "price", lang) == sorted(prices)


@pytest.mark.parametrize(
    ("body", "country", "lang", "cities"),
    [
        ("Nombre: Sofía | Edad: 26 | Ciudad: Valencia | Tarifa: 100€/h", "ES", "es", ["Valencia|ES"]),
        ("Leeftijd\t24 jaar\nRegio\tEindhoven", "NL", "nl", ["Eindhoven|NL"]),  # a label, not Reggio Calabria
        ("Edad\t22 años\tZona\tMadrid centro", "ES", "es", ["Madrid|ES"]),  # a label's cell, a tab after it
        ("Zona: Madrid centro", "ES", "es", ["Madrid|ES"]),  # a city of millions is no district
        ("zona Eixample", "ES", "es", []),
        ("Milano zona Roma", "IT", "it", ["Milan|IT"]),
        # a breadcrumb whose steps carry their listing counts is no menu of towns
        ("Home > Escorts (4,512) > London (1,204) > Soho\nDiscreet companion", "GB", "en", ["London|GB"]),
    ],
)
def test_towns_in_profile_fields(body: str, country: str, lang: str, cities: list[str]) -> None:
    assert _values(body, country, "city", lang) == cities


@pytest.mark.parametrize(
    ("body", "country", "lang", "names", "ages"),
    [
        ("Hi, I'm Ella, 25, Leeds.\n\nOther escorts in Leeds\nAmber, 27, Headingley\nJess, 31, Bradford", "GB", "en",
         ["Ella"], ["25"]),
        ("Hi, I'm Ella, 25, Leeds.\n\nRecently viewed\nAmber, 27, Bradford\nJess, 31, York", "GB", "en",
         ["Ella"], ["25"]),
        ("Ich bin Melanie, 33, Köln.\n\nWeitere Anzeigen in Köln\nMia (23) Porz\nLara (28) Bonn", "DE", "de",
         ["Melanie"], ["33"]),
        ("Soy Natalia, 27 años, Madrid.\n\nOtras chicas en Madrid\nLucía 22 años Getafe", "ES", "es",
         ["Natalia"], ["27"]),
        # a heading with its ads on its own line
        ("Hi, I'm Ella, 25, Leeds.\nSimilar profiles: Amber, 27, Bradford · Jess, 31, York", "GB", "en",
         ["Ella"], ["25"]),
    ],
)
def test_related_ads_blocks(body: str, country: str, lang: str, names: list[str], ages: list[str]) -> None:
    assert _values(body, country, "name", lang) == names
    assert _values(body, country, "age", lang) == ages


@pytest.mark.parametrize(
    ("body", "country", "lang", "phones"),
    [
        ("Advertentienummer: 612345678 | Geplaatst: 12-03-2026\nbel +44 20 7946 0392", "NL", "nl",
         ["+442079460392"]),
        ("photo_4165550199.jpg\nphoto_4165550199_2.jpg\nVancouver, text 604-555-0133", "CA", "en", ["+16045550133"]),
        ("/media/images/0199001234_thumb.jpg\nNice, Jade 27 ans, 01 99 00 97 38", "FR", "fr", ["+33199009738"]),
        ("Call 202-555-0143. jpg pics on request", "US", "en", ["+12025550143"]),
    ],
)
def test_ad_numbers_and_file_names_are_no_phones(body: str, country: str, lang: str, phones: list[str]) -> None:
    assert _values(body, country, "phone", lang) == phones


@pytest.mark.parametrize(
    ("body", "country", "lang", "ages"),
    [
        ("Musisz mieć ukończone 18 lat, aby wejść.\n\nRoksana, 25 lat, Łódź.", "PL", "pl", ["25"]),
        ("WARNING: adult content. I am 18 or older - Enter | Exit\n\nMiami Beach companion", "US", "en", []),
    ],
)
def test_age_gates_state_no_age(body: str, country: str, lang: str, ages: list[str]) -> None:
    assert _values(body, country, "age", lang) == ages


def test_a_heading_name_when_a_field_states_the_same_age() -> None:
    body = "Marloes (25) – Rotterdam Centrum\nLeeftijd: 25 | Lengte: 1,70 m"  # a name the list does not know
    assert _values(body, "NL", "name", "nl") == ["Marloes"]
    assert _values(body, "NL", "age", "nl") == ["25"]


@pytest.mark.parametrize(
    ("body", "cities"),
    [
        ("Naomi – 29 – Chicago Gold Coast", ["Chicago|US"]),  # a district running on from the town's name
        ("Chicago, Gold Coast", ["Chicago|US", "Gold Coast|AU"]),  # a list
    ],
)
def test_a_foreign_place_written_onto_a_home_town(body: str, cities: list[str]) -> None:
    assert _values(body, "US", "city") == cities
