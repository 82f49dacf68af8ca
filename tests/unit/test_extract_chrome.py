"""Site chrome of scraped pages: no towns, names, ages or prices of other ads or of the site."""

from __future__ import annotations

import pytest

from unveil.extract import extract_ad
from unveil.extract.chrome import chrome_spans

PAGE = (
    "CITYNIGHTADS\n"
    "Escorts | Massage | Trans | Men | Post an ad | Log in | Sign up\n"
    "Escorts by city: Denver (1,466) · Tampa (871) · Las Vegas (829)\n"
    "Hey guys, I'm Sasha, 25, visiting Las Vegas this week only.\n"
    "30 min 200 | 1 hr 300\n"
    "Call or text 702-555-0147\n"
    "Boost your ad to the top for $9.99 — Featured for 7 days $24.99\n"
    "Related ads\n"
    "Paige 29 ❤ new in Tampa\n"
    "Skylar (33) incall Phoenix\n"
    "\n"
    "Contact us: support@citynightads.example\n"
    "© 2019-2026 CityNight Media LLC, Registered office: 1 Main St, Dover. Company no. 7731942.\n"
)


def _values(ad: dict[str, str], kind: str) -> list[str]:
    return sorted({e.value for e in extract_ad(ad) if e.kind == kind})


def test_a_page_gives_the_posters_attributes_and_every_contact() -> None:
    ad = {"body": PAGE, "country": "US", "lang": "en"}
    assert _values(ad, "city") == ["Las Vegas|US"]
    assert _values(ad, "name") == ["Sasha"]
    assert _values(ad, "age") == ["25"]
    assert _values(ad, "price") == ["200 USD/30min", "300 USD/60min"]
    assert _values(ad, "phone") == ["+17025550147"]
    assert _values(ad, "email") == ["support@citynightads.example"]


def test_chrome_lines() -> None:
    spans = chrome_spans(PAGE)
    chrome = [PAGE[s:e] for s, e in spans]
    assert chrome[0].startswith("Escorts by city")
    assert chrome[1].startswith("Boost your ad")
    assert chrome[2] == "Related ads\nPaige 29 ❤ new in Tampa\nSkylar (33) incall Phoenix"
    assert chrome[3].startswith("©")
    assert len(chrome) == 4


@pytest.mark.parametrize(
    "text",
    [
        "Today: Chloe (25), Jess (32), Lani (27)\nCall 0491 570 023",  # a roster's ages are no listing counts
        "Hi, I'm Mia, 24, in Paris\n1h 200€",
        "Related ads are not my thing, I'm Mia from Leeds\n£150 per hour",  # a heading stands alone on its line
        "One line: Related ads © 2026 Toronto (1,482) Ottawa (529)",  # one line: no page around an ad
    ],
)
def test_ordinary_ads_have_no_chrome(text: str) -> None:
    assert chrome_spans(text) == []


def test_a_footer_keeps_its_contacts_but_not_its_town_or_capital() -> None:
    text = ("Rosa, 27 anni, Napoli\nTel 312 345 6789\n"
            "© 2026 Rosa Web S.r.l. – Sede legale: Via Roma 1, 20121 Milano – Capitale sociale € 10.000 i.v.\n"
            "Assistenza clienti: 02 1234 5600")
    ad = {"body": text, "country": "IT", "lang": "it"}
    assert _values(ad, "city") == ["Naples|IT"]
    assert _values(ad, "price") == []
    assert "+390212345600" in _values(ad, "phone")


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "hostile",
    [
        "Related ads\n" * 80_000,
        "Related ads\n" + "Mia 24 Tampa\n" * 70_000,
        "Toronto (1,482) · " * 60_000,
        ("Boost your ad\n© 2026\n" + "Anna, 25, Paris\n") * 30_000,
    ],
    ids=["headings", "long-block", "one-menu-line", "mixed"],
)
def test_hostile_pages_are_linear(hostile: str) -> None:
    chrome_spans(hostile)
    extract_ad({"body": hostile[:300_000], "country": "CA"})
