"""Contacts and attributes laid out in columns and drawn tables (red team 79)."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad
from unveil.normalise.spaces import collapse_blank_runs, plain_box_bars


def _values(body: str, country: str, kind: str, lang: str | None = "en") -> list[str]:
    ad = {"body": body, "country": country, "lang": lang}
    return sorted(e.value for e in extract_ad(ad) if e.kind == kind and not e.attrs.get("fee"))


def test_runs_of_blanks_read_as_one_space_with_offsets_kept() -> None:
    text = "Age           24\tok"
    nt = collapse_blank_runs(text)
    assert nt is not None and nt.text == "Age 24\tok"
    start = nt.text.index("24")
    assert nt.to_original(start, start + 2) == (14, 16)
    assert collapse_blank_runs("Mia 24, new  in town") is None  # two spaces stay


def test_box_bars_read_as_bars() -> None:
    nt = plain_box_bars("│ 30 min │ $150 │ ║ HH ║")
    assert nt is not None and nt.text == "| 30 min | $150 | | HH |"
    assert plain_box_bars("plain | text") is None


@pytest.mark.parametrize(
    ("body", "kind", "values"),
    [
        ("Age           24", "age", ["24"]),
        ("Name:    Mia\nAge:     24", "name", ["Mia"]),
        ("Instagram      @zoe.lux\nSnapchat       zoelux99\nOnlyFans       zoeluxvip", "handle",
         ["instagram:zoe.lux", "onlyfans:zoeluxvip", "snapchat:zoelux99"]),
        ("PayPal:        ruby.leeds", "payment", ["paypal:ruby.leeds"]),
        ("Incall   30 min      $150      $200\nIncall   1 hour      $250      $300", "price",
         ["150 USD/30min", "200 USD/30min", "250 USD/60min", "300 USD/60min"]),
    ],
)
def test_columns_aligned_with_spaces(body: str, kind: str, values: list[str]) -> None:
    assert _values(body, "US", kind) == values


@pytest.mark.parametrize(
    ("body", "kind", "values"),
    [
        ("│ Time   │ Incall │ Outcall │\n│ 30 min │ $150   │ $200    │\n│ 1 hour │ $250   │ $300    │", "price",
         ["150 USD/30min", "200 USD/30min", "250 USD/60min", "300 USD/60min"]),
        ("║ HH        ║ $160   ║\n║ H         ║ $250   ║", "price", ["160 USD", "250 USD"]),
        ("│ Age │ 24 │", "age", ["24"]),
    ],
)
def test_tables_drawn_with_box_bars(body: str, kind: str, values: list[str]) -> None:
    assert _values(body, "US", kind) == values


@pytest.mark.parametrize(
    ("body", "phones"),
    [
        ("| Order ref # | 4165550133 |\n| Status | paid |", []),  # an identifier's label in the cell before
        ("│ Order ref # │ 4165550133 │", []),
        ("| Phone | 416 555 0133 |", ["+14165550133"]),
    ],
)
def test_a_label_in_the_cell_before_the_number(body: str, phones: list[str]) -> None:
    assert _values(body, "CA", "phone") == phones


@pytest.mark.parametrize(
    ("body", "urls", "handles"),
    [
        ("Snap 👻 ➜ lola.vip", [], ["snapchat:lola.vip"]),  # a platform's emoji and an arrow before the name
        ("Snapchat 👻 lola.vip", [], ["snapchat:lola.vip"]),
        ("My site 👉 lola.vip", ["lola.vip"], []),
    ],
)
def test_a_handle_after_a_platform_and_an_arrow_is_no_site(body: str, urls: list[str], handles: list[str]) -> None:
    assert _values(body, "US", "url") == urls
    assert _values(body, "US", "handle") == handles


def test_dutch_bij_before_a_mail_provider() -> None:
    assert _values("Mailen kan: femke.ams bij gmail", "NL", "email", "nl") == ["femke.ams@gmail.com"]


@pytest.mark.parametrize(
    ("body", "country", "lang", "phones"),
    [
        ("Call me\ntwo\nzero\ntwo\nfive\nfive\nfive\nzero\none\nfour\nthree\nxx", "US", "en",
         ["+12025550143"]),
        ("TWO\n\nZERO\n\nTWO\n\nFIVE\n\nFIVE\n\nFIVE\n\nZERO\n\nONE\n\nFOUR\n\nTHREE", "US", "en",
         ["+12025550143"]),
        ("Call me two\nzero two\nfive five five\nzero one four three", "US", "en", ["+12025550143"]),
        ("\U0001f4de\n2\ufe0f\u20e3\nzero\ntwo\n5\n5\nfive\noh\n1\n4\n3", "US", "en", ["+12025550143"]),
        ("Appelle-moi\nzéro\nun\nquatre-vingt-dix-neuf\nzéro zéro\ntrente-neuf\nquatorze", "FR", "fr",
         ["+33199003914"]),
    ],
)
def test_a_number_written_one_word_per_line(body: str, country: str, lang: str, phones: list[str]) -> None:
    assert _values(body, country, "phone", lang) == phones


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("Steps:\none\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten", "US"),  # a numbered list
        ("Steps: 1 2 3 4 5 6 7 8 9 10", "US"),
        ("1\n2\n3\n4\n5\n6\n7\n8\n9\n10", "US"),
        ("Tel 01 23 45 67 89", "FR"),  # the placeholder of forms
        ("Rates\none hour\ntwo hundred\nthirty minutes\none hundred", "US"),
    ],
)
def test_counting_and_rate_lines_are_no_phone(body: str, country: str) -> None:
    assert _values(body, country, "phone") == []


@pytest.mark.parametrize(
    ("body", "country", "phones"),
    [
        ("Skye 24 – 0491 570", "AU", []),  # an age, then a number cut short: no number made of both
        ("Mia 22 - 0207 946", "GB", []),
        ("Skye 24 – 0491 570 110", "AU", ["+61491570110"]),
    ],
)
def test_an_age_before_a_number_with_its_trunk_prefix(body: str, country: str, phones: list[str]) -> None:
    assert _values(body, country, "phone") == phones


@pytest.mark.parametrize(
    "body",
    [
        "| Name | Mia |\n| Age | 24 |\n| City | Leeds |",
        "<table><tr><td>Name</td><td>Mia</td></tr><tr><td>Age</td><td>24</td></tr></table>",
        "Name\tMia\nAge\t24",
    ],
)
def test_a_name_in_the_cell_after_its_label(body: str) -> None:
    assert _values(body, "GB", "name") == ["Mia"]


@pytest.mark.parametrize(
    ("body", "country", "phones"),
    [
        ("Call\n202\n—\n555\n—\n0143", "US", ["+12025550143"]),  # a dash alone on its line between groups
        ("Text\n0\n2\n0\n–\n7\n9\n4\n6\n–\n0\n1\n2\n3", "GB", ["+442079460123"]),
        ("Rates\n150\n—\n250\n—\n400", "US", []),
    ],
)
def test_groups_down_the_page_with_dashes_between(body: str, country: str, phones: list[str]) -> None:
    assert _values(body, country, "phone") == phones
