"""Numbers glued by a lost line break, US territories, personas named after famous towns, the small states of
Europe and Oceania, the short texts a platform screens: the leftovers of rounds 105 to 112 and what the red
teams of rounds 113 to 120 (benchmarks/redteam) found, one case per reading."""

from __future__ import annotations

import pytest

from unveil.normalise.deobfuscate import glued_layouts

from conftest import extract_entities, extract_values


@pytest.mark.parametrize(
    ("lens", "expected"),
    [
        ([3, 3, 7, 3, 4], [[3, 3, 4], [3, 3, 4]]),
        ([3, 3, 7, 3, 7, 3, 4], [[3, 3, 4]] * 3),
        ([2, 2, 2, 2, 4, 2, 2, 2, 2], [[2, 2, 2, 2, 2]] * 2),
        ([4, 3, 7, 3, 3], [[4, 3, 3], [4, 3, 3]]),
        ([11, 11], None),  # two whole numbers with a gap: a list, no glue
        ([3, 3, 3, 3], None),
        ([3, 3, 7, 3, 5], None),  # the second number's layout differs
    ],
)
def test_glued_layouts(lens: list[int], expected: list[list[int]] | None) -> None:
    assert glued_layouts(lens) == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Two lines: 212-555-0143212-555-0144", "US", ["+12125550143", "+12125550144"]),
        ("Lines: 212-555-0143212-555-0144212-555-0145", "US", ["+12125550143", "+12125550144", "+12125550145"]),
        ("Call 020 7946 0123020 7946 0124 now", "GB", ["+442079460123", "+442079460124"]),
        ("Tel 01 99 00 12 3401 99 00 12 35", "FR", ["+33199001234", "+33199001235"]),
        ("0491 570 0060491 570 007", "AU", ["+61491570006", "+61491570007"]),
        # the same layout twice, but no valid number in it: nothing read as glued
        ("Ref 123-456-7890123-456-7890", "US", []),
    ],
)
def test_numbers_glued_end_to_start(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "phone") == expected
    for e in extract_entities(body, country, "phone"):
        assert body[e.start:e.end].replace(" ", "").replace("-", "") in e.value.replace("+1", "").replace(
            "+44", "0").replace("+33", "0").replace("+61", "0")


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Incall Carolina, PR. Sofia 26", "PR", ["Carolina|PR"]),
        ("Incall in Carolina, PR tonight", "US", ["Carolina|PR"]),
        ("Visiting St. Thomas, USVI this week", "US", []),  # the island, which the gazetteer lacks; not Ontario's
        ("Visiting St. Thomas USVI this week", "US", []),
        ("Visiting Charlotte Amalie, USVI this week", "US", ["Charlotte Amalie|VI"]),
        ("Boricua, 25 años, en Orlando 🇵🇷", "US", ["Orlando|US"]),  # her flag, not the town's territory
        ("Touring the Carolinas: Charlotte, NC", "US", ["Charlotte|US"]),
    ],
)
def test_us_territories_after_a_town(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "city") == expected


@pytest.mark.parametrize(
    ("body", "country", "names", "cities"),
    [
        ("Paris 24 — new in town", "US", ["Paris"], []),
        ("Paris 🌸 24", "US", ["Paris"], []),
        ("Paris 24 — new in town", "GB", ["Paris"], []),
        # the ad's own big town of that name stays the town
        ("Paris 24 ans, 16e", "FR", [], ["Paris|FR"]),
        ("London 25 - new", "GB", [], ["London|GB"]),
        # not before an age, nor away from the head of the line
        ("Escorts in Paris 24 hours", "US", [], ["Paris|US"]),
        ("I'm in town: Paris 24/7", "US", [], ["Paris|US"]),
    ],
)
def test_famous_town_heading_as_a_persona(body: str, country: str, names: list[str], cities: list[str]) -> None:
    assert extract_values(body, country, "name") == names
    assert extract_values(body, country, "city") == cities


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Ann an Inbhir Nis an-dràsta", "GB", ["Inverness|GB"]),  # no Niš inside the Gaelic name
        ("Árasán, Baile Átha Cliath 2", "IE", ["Dublin|IE"]),
        ("Ann an Dùn Èideann agus Obar Dheathain", "GB", ["Aberdeen|GB", "Edinburgh|GB"]),
        ("Escort in Nis, Serbia", "RS", ["Niš|RS"]),
    ],
)
def test_towns_in_gaelic_and_irish(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "city") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("New in town: Tbilisi, Georgia until Friday", "", ["Tbilisi|GE"]),
        ("New in town: Tbilisi, Georgia until Friday", "US", ["Tbilisi|GE"]),
        # the US state still reads as the state
        ("Columbus, Georgia this weekend", "", ["Columbus|US"]),
        ("Atlanta, Georgia this weekend", "US", ["Atlanta|US"]),
    ],
)
def test_country_named_like_a_state_after_its_town(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "city") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a postcode, the number, then a floor after a comma
        ("Paris 75008 01 99 00 67 90, 3e étage, digicode 4512B", ["+33199006790"]),
        ("Paris 75008 01 99 00 67 90", ["+33199006790"]),
        # a door code before the number, a floor after it
        ("Digicode 0199 01 99 00 45 30, 4e étage gauche", ["+33199004530"]),
    ],
)
def test_french_number_between_an_address_figure_and_a_floor(body: str, expected: list[str]) -> None:
    assert extract_values(body, "FR", "phone") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("Lea, 12. April bis 16. April in Hamburg.", "DE", []),
        ("Lea, 22. April - 25. April", "DE", []),
        ("Mia, 25. May 2026 in Köln", "DE", []),
        # a capital after the full stop still opens a sentence
        ("Anna, 25. May I call you?", "GB", ["25"]),
        ("Anna, 25. April is my birthday", "GB", ["25"]),
    ],
)
def test_day_before_a_month_that_is_also_a_word(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "age") == expected


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_ukrainian_nine_with_any_apostrophe(apostrophe: str) -> None:
    nine = f"дев{apostrophe}ять"
    body = f"Дзвоніть: нуль два нуль сім {nine} чотири шість нуль один {nine} один"
    assert extract_values(body, "GB", "phone") == ["+442079460191"]


def test_region_written_in_cyrillic_is_no_town() -> None:
    assert extract_values("Лондон, Онтарио. Массаж.", "CA", "city") == ["London|CA"]
    assert extract_values("Сейчас в Онтарио", "CA", "city") == []


def test_prepayment_in_russian_and_ukrainian_is_a_fee() -> None:
    assert extract_values("1 час 200 €. Предоплата 50 евро.", "DE", "price") == ["200 EUR/60min"]
    assert extract_values("Година 150 €, завдаток 20 €", "DE", "price") == ["150 EUR/60min"]


def _phones_of(ad: dict[str, str]) -> list[str]:
    from unveil.extract import extract_ad

    return sorted(e.value for e in extract_ad(ad) if e.kind == "phone")


@pytest.mark.parametrize(
    ("ad", "expected"),
    [
        # Monaco writes its numbers without the trunk prefix libphonenumber strips: a leading 0 is France's
        ({"body": "Appelez le 01 99 00 12 42 pour un dîner.", "country": "MC"}, ["+33199001242"]),
        ({"body": "Appelez le 01 99 00 12 57", "city": "Monaco"}, ["+33199001257"]),
        # her nationality reads the number valid whole where the ad's country reads nothing, or a piece
        ({"body": "English girl in Monte-Carlo this week. Ring 020 7946 0303", "country": "MC"}, ["+442079460303"]),
        ({"body": "English girl in Sliema this week, ring 020 7946 0301.", "country": "MT"}, ["+442079460301"]),
        ({"body": "British girl based in Gibraltar, 28. Call 020 7946 0302", "country": "GI"}, ["+442079460302"]),
        ({"body": "Ragazza inglese a San Marino, 25 anni. Tel. 020 7946 0151", "country": "SM"}, ["+442079460151"]),
        # where no number starts with 0, a run that does is no home number after a figure
        ({"body": "Call 020 7946 0155", "country": "MT"}, []),
        # Christchurch is New Zealand's: the number is Australia's there, not an Irish one of Dorset's town
        ({"body": "0491 570 060 texts only", "city": "Christchurch"}, ["+61491570060"]),
    ],
)
def test_numbers_of_the_small_states(ad: dict[str, str], expected: list[str]) -> None:
    assert _phones_of(ad) == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a capital opening the sentence joins no name to the town after "to"
        ("Flying to Reykjavik next month.", "GB", ["Reykjavík|IS"]),
        ("Moving to Rimini next week", "GB", ["Rimini|IT"]),
        ("Flying to Dunedin on Friday.", "AU", ["Dunedin|NZ"]),
        ("zona Campo di Marte, Firenze", "IT", ["Campo di Marte|IT", "Florence|IT"]),
        # "St" for "Saint", and places named after a saint
        ("Over in St. Helier, Jersey this weekend.", "GB", ["Saint Helier|JE"]),
        ("St Peter Port, discreet apartment.", "GG", ["Saint Peter Port|GG"]),
        ("Outcall to St Paul's Bay and Mosta.", "MT", ["Mosta|MT", "San Pawl il-Baħar|MT"]),
        ("Incall near St Paul's Cathedral", "GB", []),
        ("Incall in St John's Wood", "GB", []),
        ("in St. John's this week", "CA", ["St. John's|CA"]),
        # the ad's own small town after a cue, not a small foreign one
        ("Outcall to Ramsey and the north of the island.", "IM", ["Ramsey|IM"]),
        ("Peterborough, near Trent University", "CA", ["Peterborough|CA"]),
        # a country named after a town picks its small town there, which only the 5,000+ table holds
        ("Visiting Queenstown, New Zealand in July.", "AU", ["Queenstown|NZ"]),
    ],
)
def test_towns_of_the_small_states(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "city") == expected


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        # a flag with a colon labels the number, also at the end of the line above
        ("En tournée à Montréal bientôt. 🇨🇦: 416-555-0123", "FR", ["+14165550123"]),
        ("New in Leeds\n🇺🇸:\n212 555 0149", "GB", ["+12125550149"]),
        # a keycap "#" labels a profile's number as "#" does
        ("Profile #️⃣ 4165550133 — Chloe, Toronto.", "CA", []),
    ],
)
def test_emoji_marks_before_numbers(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "phone") == expected


def test_emoji_ads() -> None:
    # a money bag between the name and the number: a price, no age
    assert extract_values("Chloe 💰 30 | Leeds", "GB", "age") == []
    assert extract_values("Giulia 🌹 38 anni", "IT", "age") == ["38"]
    # Snapchat's ghost alone on the line above names the handle: no web site
    assert extract_values("Add me\n👻\nlola.vip", "GB", "handle") == ["snapchat:lola.vip"]
    assert extract_values("Add me\n👻\nlola.vip", "GB", "url") == []
    assert extract_values("Add me\n🌸\nlola.vip", "GB", "url") == ["lola.vip"]
    # a pointing hand joins a length to its amount
    assert extract_values("⏰ 1 hour 👉 £150", "GB", "price") == ["150 GBP/60min"]
    # Scotland's flag (a black flag and tags) after a town names its country
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert extract_values(f"Next week Perth {scotland} then home", "AU", "city") == ["Perth|GB"]


def test_job_offer_costs_and_amounts_after_a_word() -> None:
    # the journey a recruiter charges for is a fee
    assert extract_values("Billete de avión 300 € (se descuenta del sueldo).", "ES", "price") == []
    assert extract_values("Flight ticket £250 paid back from wages", "GB", "price") == []
    # an amount with its currency after a capitalised word is no heading's age nor name
    body = "Haus- und Hotelbesuche: Anfahrtskosten 30 €"
    assert extract_values(body, "DE", "age") == []
    assert extract_values(body, "DE", "name") == []
    assert extract_values("Mia 25 £150/hr", "GB", "age") == ["25"]


def test_scraped_pages() -> None:
    # a cut field's stub before a scraper's "Read more" is no value
    assert extract_values("Elegant companion. Call 020 7946 034… Read more", "GB", "phone") == []
    assert extract_values("Dinner dates. Hi, I'm Chlo… Read more", "GB", "name") == []
    assert extract_values("Sophie 24 ans, nouvelle à Par... Lire la suite", "FR", "city") == []
    assert extract_values("Call 020 7946 0345… Read more", "GB", "phone") == ["+442079460345"]
    # markdown's escaped underscore inside a name, a no-break space around a platform's emoji
    assert extract_values("Telegram: @lola\\_vip", "GB", "handle") == ["telegram:lola_vip"]
    assert extract_values("Snap&nbsp;&#128123;&nbsp;lola.vip", "GB", "url") == []
    assert extract_values("Snap&nbsp;&#128123;&nbsp;lola.vip", "GB", "handle") == ["snapchat:lola.vip"]


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("I'm 27, incall at my cosy 30 year old house near Bath.", "GB", ["27"]),
        ("Ich bin 31 Jahre alt. Die Wohnung ist 20 Jahre alt, aber frisch renoviert.", "DE", ["31"]),
        # her own age next to her home stays hers
        ("I'm 24, my flat is in Soho", "GB", ["24"]),
        ("I am 25 years old house calls only", "GB", ["25"]),
        ("Anna, 24 home visits", "GB", ["24"]),
    ],
)
def test_a_homes_years_are_no_age(body: str, country: str, expected: list[str]) -> None:
    assert extract_values(body, country, "age") == expected
