"""Ads in the smaller languages of Europe, ads dense with figures, the edges of North America and text run
through a translator: what the red teams of rounds 105 to 108 (benchmarks/redteam) found, and the leftovers
of rounds 101 to 104, one case per reading."""

from __future__ import annotations

import pytest

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
