"""Persona names and the ages next to them, which count personas per phone (red team 83)."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad


def _values(body: str, country: str, lang: str, kind: str) -> list[str]:
    return [e.value for e in extract_ad({"body": body, "country": country, "lang": lang}) if e.kind == kind]


@pytest.mark.parametrize(
    ("body", "country", "lang"),
    [
        ("Mi hijo tiene 19 años y busca trabajo", "ES", "es"),  # a relative's age, with a verb
        ("Mi madre Rosario tiene 60 años", "ES", "es"),  # ... with her name between
        ("Mein Sohn ist 19 Jahre alt", "DE", "de"),
        ("Alleen heren boven de 30 jaar", "NL", "nl"),  # a rule about clients
        ("C/ Rosario 22, Sevilla – timbre 3B", "ES", "es"),  # a street named after a woman, and its number
        ("Via Giulia 24, Roma", "IT", "it"),
    ],
)
def test_no_poster_age_nor_name(body: str, country: str, lang: str) -> None:
    assert _values(body, country, lang, "age") == []
    assert _values(body, country, lang, "name") == []


@pytest.mark.parametrize(
    ("body", "country", "lang", "names"),
    [
        ("Demandez Lina ou Jade à l'accueil", "FR", "fr", ["Lina", "Jade"]),  # the list, then where to ask
        ("ASK FOR RUBY OR JADE AT RECEPTION", "US", "en", ["Ruby", "Jade"]),
        ("Call reception, ask for Tina to book.", "US", "en", []),  # the desk, then the one to ask: staff
        ("Sono Napoletana, 27 anni", "IT", "it", []),  # where she is from
        ("Soy Sevillana, morena, me llamo Rocío", "ES", "es", ["Rocío"]),
        ("We present Ivy, our newest companion", "GB", "en", ["Ivy"]),
        ("Fragen Sie nach Jana oder Mia", "DE", "de", ["Jana", "Mia"]),
        ("Massage relaxant. À très vite, Clémence", "FR", "fr", ["Clémence"]),
        ("See you soon, Paris!", "US", "en", []),  # a known-only cue takes known first names only
    ],
)
def test_persona_names(body: str, country: str, lang: str, names: list[str]) -> None:
    assert _values(body, country, lang, "name") == names


@pytest.mark.parametrize(
    ("body", "age"),
    [
        ("Si chiama Giada, ha 22 anni", ["22"]),  # Italian "has 22 years"
        ("Giada ha 22 anni", ["22"]),
        ("Mia figlia ha 19 anni", []),
    ],
)
def test_italian_ha_before_an_age(body: str, age: list[str]) -> None:
    assert _values(body, "IT", "it", "age") == age


def test_portuguese_ha_before_years_is_ago() -> None:
    assert _values("Trabalho aqui há 10 anos", "PT", "pt", "age") == []


@pytest.mark.parametrize(
    ("body", "names", "ages"),
    [
        ("hi im kayla 24 new in town", ["Kayla"], ["24"]),  # after a cue the name's number is her age
        ("I'm Kayla 24 hours a day for you", ["Kayla"], []),  # ... unless a unit follows it
        ("I'm Kayla 24/7", ["Kayla"], []),
        ("Miss Universe 2020 finalist", [], []),  # a contest's title after "Miss"
        ("Your Miss Behave 😉", [], []),
    ],
)
def test_a_name_after_a_cue_then_a_number(body: str, names: list[str], ages: list[str]) -> None:
    assert _values(body, "US", "en", "name") == names
    assert _values(body, "US", "en", "age") == ages


def test_german_age_words_after_ich_bin_are_no_names() -> None:
    assert _values("Ich bin Anfang 30", "DE", "de", "name") == []
