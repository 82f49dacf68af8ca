"""Ads without a ``country``: the country their national phone numbers are read in."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad
from unveil.extract.assumed_country import Assumed, assume_country


@pytest.mark.parametrize(("city", "region", "expected"), [
    ("Houston", None, "US"),
    ("Houston, TX", None, "US"),
    ("Montréal", None, "CA"),
    ("Kraków", None, "PL"),
    ("London", "Greater London", "GB"),  # London, Ontario is a twentieth of it
    ("Paris, TX", None, "US"),  # a state after the comma
    ("Berlin, DE", None, "DE"),  # a country code after the comma, not Delaware
    ("London", "KY", "US"),  # a state in the region field wins over the bigger town
    ("Birmingham", "Alabama", "US"),
    ("Victoria", "BC", "CA"),
    ("Valencia", None, "ES"),  # cities.yaml prefers Spain's; Venezuela's is bigger
    ("Richmond", None, "US"),  # Virginia and British Columbia: both +1, no conflict for a phone
    ("Killarney", "Co. Kerry", "IE"),  # an Irish county with its prefix; Killarney, Manitoba is no rival
    ("Kingston", "Greater London", "GB"),
])
def test_country_from_the_ads_city(city: str, region: str | None, expected: str) -> None:
    assert assume_country({"city": city, "region": region}) == Assumed(expected, "city")


@pytest.mark.parametrize(("city", "region"), [
    ("Cambridge", None),  # England, Ontario and Massachusetts, of like size
    ("Victoria", None),  # Hong Kong and British Columbia
    ("Nowhereville", None),
    ("", None),
    ("   ", "  "),
])
def test_no_country_from_an_unclear_city(city: str, region: str | None) -> None:
    assert assume_country({"city": city, "region": region}) is None


def test_country_from_the_towns_the_text_names() -> None:
    assert assume_country({"title": "New in Leeds", "body": "Sweet and friendly."}) == Assumed("GB", "towns")
    # Towns of two countries with one calling code agree.
    assert assume_country({"body": "Toronto this week, then Miami."}) == Assumed("CA", "towns")
    # Towns of countries with other calling codes leave it unclear.
    assert assume_country({"body": "This week in Paris, then London."}) is None


def test_the_city_field_wins_over_the_text() -> None:
    ad = {"city": "Houston", "body": "Back from London!"}
    assert assume_country(ad) == Assumed("US", "city")
    # An unclear city leaves the text to decide.
    assert assume_country({"city": "Cambridge", "body": "Near Boston, call me"}) == Assumed("US", "towns")


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.ads.example.com/uk/leeds/companions/12345", "GB"),  # a town in the path
    ("https://example.com/ca/toronto/ad/88123", "CA"),
    ("https://houston.example-classifieds.com/ads/9912", "US"),  # a town as the subdomain
    ("https://www.example.com/listing/771234?city=amsterdam&country=nl", "NL"),  # place-like query keys
    ("https://example.com/au/9912", "AU"),  # a country code in the path of a site of no country
    ("https://www.example.fr/be/bruxelles/4412", "BE"),  # the path's town beats the domain
    ("https://www.example.be/fr/annonce/5512", "BE"),  # "/fr/" on a Belgian site is a language
    ("https://example.de/inserat?id=99812", "DE"),  # "id=" names no Indonesia
    ("https://www.example.nl/ad/99812", "NL"),  # "/ad/" is no Andorra
])
def test_country_from_the_web_address_path(url: str, expected: str) -> None:
    assert assume_country({"url": url, "body": "Hello"}) == Assumed(expected, "web address")


@pytest.mark.parametrize(("url", "expected"), [
    ("https://annonces.example.fr/paris/1", "FR"),
    ("https://ads.example.co.uk/x/1", "GB"),
    ("http://ANZEIGEN.EXAMPLE.DE/1", "DE"),
    ("ads.example.ca/listing/9", "CA"),
    ("https://ads.example.co/x/1", None),  # sold for other uses
    ("https://ads.example.io/x/1", None),
    ("https://ads.example.com/x/1", None),
    ("https://ads.example.eu/x/1", None),  # no country
    ("https://[::1/x", None),  # malformed
    ("not a web address", None),
])
def test_country_from_the_web_address_domain(url: str, expected: str | None) -> None:
    got = assume_country({"url": url, "body": "Hello"})
    assert got == (Assumed(expected, "web address") if expected else None)


def test_candidates_of_several_calling_codes_are_settled_by_the_numbers() -> None:
    # "Cambridge": England, Ontario and Massachusetts; only the British reading of this number is valid.
    assert assume_country({"city": "Cambridge", "body": "Text 020 7946 0123"}) == Assumed("GB", "city")
    # Ontario's and Massachusetts' readings are one and the same number (+1).
    got = assume_country({"city": "Cambridge", "body": "Text (617) 555-0190"})
    assert got is not None and got.country in ("CA", "US") and got.source == "city"
    # Towns of two countries in the text: the number is valid in one of them only.
    assert assume_country({"body": "Paris / Brussels tour\n01 99 00 44 55"}) == Assumed("FR", "towns")
    assert assume_country({"body": "Touring Sydney & Auckland\n0491 570 071"}) == Assumed("AU", "towns")
    # A clear favourite that reads no number at all gives way to a smaller namesake where one reads:
    # "Windsor" is Ontario's, but this number is British ...
    assert assume_country({"city": "Windsor", "body": "07700 900 654"}) == Assumed("GB", "city")
    # ... while a favourite that reads the number keeps it.
    assert assume_country({"city": "Liverpool", "body": "0 7 7 0 0 - 9 0 0 - 2 2 2"}) == Assumed("GB", "city")
    # "Mérida": Yucatán's and Venezuela's read nothing of a Spanish mobile; Extremadura's does.
    assert assume_country({"city": "Mérida", "body": "Centro\n612 345 656"}) == Assumed("ES", "city")
    # Valid in neither, or in both with different readings: no answer.
    assert assume_country({"body": "London & Paris, no calls"}) is None


def phones(ad: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    return [(e.value, e.attrs["foreign"], e.attrs.get("assumed_country"))
            for e in extract_ad(ad) if e.kind == "phone"]


def test_national_numbers_are_read_in_the_assumed_country() -> None:
    ad = {"id": "a", "city": "Houston", "body": "Houston TX — Jada 23 — 713 555 0184"}
    assert phones(ad) == [("+17135550184", False, "US")]
    ad = {"id": "b", "title": "New in Leeds", "body": "Text 020 7946 0123"}
    assert phones(ad) == [("+442079460123", False, "GB")]
    ad = {"id": "c", "url": "https://annonces.example.fr/1", "body": "Appelle le 01 99 00 12 34"}
    assert phones(ad) == [("+33199001234", False, "FR")]


def test_foreign_only_against_the_ads_own_city() -> None:
    # The listing's town is a fact about the ad, like its country: a British number is foreign to it.
    ad = {"id": "a", "city": "Houston", "body": "(713) 555-0184 or +44 20 7946 0123"}
    assert phones(ad) == [("+17135550184", False, "US"), ("+442079460123", True, "US")]
    # A town the text names is only a guess: nothing is foreign to it.
    ad = {"id": "b", "body": "Visiting Houston! (713) 555-0184 or +44 20 7946 0123"}
    assert phones(ad) == [("+17135550184", False, "US"), ("+442079460123", False, "US")]


def test_a_stated_country_is_never_replaced() -> None:
    ad = {"id": "a", "country": "GB", "city": "Houston", "body": "Call 020 7946 0123 or (713) 555-0184"}
    # "(713) 555-0184" is read as the British number it could be, never as Houston's.
    assert phones(ad) == [("+442079460123", False, None), ("+447135550184", False, None)]


def test_no_guess_no_national_numbers() -> None:
    # Nothing says where the ad is (North America's layout would: "(713) 555-0184" is read in the United
    # States, see test_extract_us_uk_southern_europe_ads): only numbers with a country code are read.
    ad = {"id": "a", "body": "Call 713 555 0184 or +44 20 7946 0123"}
    assert phones(ad) == [("+442079460123", False, None)]


def test_the_ads_language_when_nothing_names_a_place() -> None:
    # No town, no national web address: the countries of the ad's language, settled by its numbers.
    ad = {"body": "(702) 555-0178 call or text", "url": "https://m.example.com/view?id=441231"}
    assert assume_country(ad, "en") == Assumed("US", "language")  # British numbers start with their "0"
    assert phones({**ad, "lang": "en"}) == [("+17025550178", False, "US")]
    # Valid in Spain and in Chile: the country with more ads of the language first.
    assert assume_country({"body": "Llámame 612 34 56 78"}, "es") == Assumed("ES", "language")
    assert assume_country({"body": "Zadzwoń 512 345 678"}, "pl") == Assumed("PL", "language")
    assert assume_country({"body": "Call me 020 7946 0123"}, "en") == Assumed("GB", "language")
    assert assume_country({"body": "Chiamami 312 345 6789"}, "it") == Assumed("IT", "language")
    assert assume_country({"body": "Liga 912 345 678"}, "pt") == Assumed("PT", "language")  # only possible in Brazil
    # No number, no valid one, or no language: no guess.
    assert assume_country({"body": "Sweet and friendly, call me"}, "en") is None
    assert assume_country({"body": "Call me 555 0178"}, "en") is None
    assert assume_country({"body": "702 555 0178"}, None) is None
    # ... but North America's layout names the US and Canada in an ad of no known language
    assert assume_country({"body": "(702) 555-0178"}, None) == Assumed("US", "layout")


@pytest.mark.parametrize(("body", "expected"), [
    ("Sono una ragazza dolce e simpatica, disponibile anche la sera, solo persone serie 312 345 6732",
     "+393123456732"),
    ("Ik ben een lieve meid en ontvang je graag bij mij thuis 06 12345633", "+31612345633"),
    ("Érett hölgy, Judit, Pécsen várja az urakat masszázsra. Csak előzetes bejelentkezéssel. 06 20 123 4577",
     "+36201234577"),
    ("Zralá paní Jana z Plzně nabízí masáž pro pány. Pouze po domluvě. 601 123 477", "+420601123477"),
])
def test_an_ad_with_no_country_and_no_language_is_read_in_a_country_of_its_identified_language(
        body: str, expected: str) -> None:
    # Scraped ads often come without both: the body's identified language names the countries to try.
    got = [e for e in extract_ad({"id": "x", "body": body}) if e.kind == "phone"]
    assert [e.value for e in got] == [expected]
    assert got[0].attrs["foreign"] is False  # foreign only to a stated country


def test_a_stated_language_is_not_replaced_by_the_identified_one() -> None:
    # Stated "en" with an Italian body: the English countries are tried, as the metadata says (312 is
    # Chicago's area code).
    ad = {"id": "x", "body": "Sono una ragazza dolce e simpatica, disponibile anche la sera 312 345 6732", "lang": "en"}
    assert [e.value for e in extract_ad(ad) if e.kind == "phone"] == ["+13123456732"]


def test_the_language_never_settles_a_tour() -> None:
    # Towns of several countries where the number reads in each: the ad's language does not pick one.
    assert assume_country({"body": "Chicago & Milan\n312 345 6789"}, "en") is None
    assert assume_country({"body": "Rotterdam & Johannesburg\n010 123 4567"}, "en") is None
    assert assume_country({"body": "Buenos Aires y São Paulo\n(11) 2345-6789"}, "es") is None


def test_one_text_in_two_ads_of_different_assumed_countries() -> None:
    from unveil.extract import extract_batch

    body = "Appelle le 01 99 00 12 34"  # a French number
    got = extract_batch([{"id": "a", "city": "Paris", "body": body}, {"id": "b", "city": "Houston", "body": body}])
    paris, houston = ([(e.value, e.attrs["assumed_country"]) for e in ents if e.kind == "phone"] for ents in got)
    assert paris == [("+33199001234", "FR")]
    assert all(value != "+33199001234" and country == "US" for value, country in houston)


def test_hostile_metadata_is_read_in_linear_time() -> None:
    # Megabyte fields: one pass each (a quadratic scan would not finish here).
    big = "Houston, " * 110_000
    assert assume_country({"city": big, "region": "x" * 1_000_000}) == Assumed("US", "city")
    assert assume_country({"city": "x" * 1_000_000, "region": "Houston, " * 110_000}) is None
    assert assume_country({"url": "https://" + "a." * 500_000 + "fr/"}) == Assumed("FR", "web address")
    assert assume_country({"body": "Leeds " * 150_000}) == Assumed("GB", "towns")


@settings(max_examples=60, deadline=None)
@given(city=st.text(max_size=40), region=st.one_of(st.none(), st.text(max_size=20)),
       url=st.one_of(st.none(), st.text(max_size=40)), body=st.text(max_size=80))
def test_assume_country_never_raises(city: str, region: str | None, url: str | None, body: str) -> None:
    got = assume_country({"city": city, "region": region, "url": url, "body": body})
    assert got is None or (len(got.country) == 2 and got.source in ("city", "towns", "web address", "currency"))


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("London 1–5 June | New York 8–12 June\nUK: 020 7946 0333\nUS: 646-555-0133", None,
     ["+442079460333", "+16465550133"]),
    ("London & Paris\n🇬🇧 07400 123 466 | 🇫🇷 06 12 34 56 44", None, ["+447400123466", "+33612345644"]),
    ("Geneva, Zurich, Milan\n+41 78 123 45 99\nor my Italian SIM 312 345 6744", None,
     ["+41781234599", "+393123456744"]),
    ("Warsaw & Berlin tour\n+48 512 345 677 (PL)\n0151 23456733 (DE)", None, ["+48512345677", "+4915123456733"]),
    ("Cel americano 713 555 0184", "MX", ["+17135550184"]),
    ("IE: 085 012 3430 / UK: 07400 123 430", "IE", ["+353850123430", "+447400123430"]),
    # A code needs its colon or dash: "CALL US" is no country.
    ("CALL US 07700 900123", "GB", ["+447700900123"]),
    # A marked country in which the number is no number leaves the ad's own.
    ("UK: 01 99 00 12 34", "FR", ["+33199001234"]),
    # Adjectives and names in the ads' languages, after or before a word for a number.
    ("Belge en tournée\nTél belge 0450 00 12 78", "FR", ["+32450001278"]),
    ("Deze week in Antwerpen\nNederlands nummer 06 12345611 (ook WhatsApp)", "BE", ["+31612345611"]),
    ("WhatsApp colombiano 321 1234511", "ES", ["+573211234511"]),
    ("Zap BR (11) 96123-4533", "PT", ["+5511961234533"]),
    ("Norwegian number 40 61 23 11", "SE", ["+4740612311"]),
    # A short aside in brackets between the mark and the number; an adjective alone before a colon.
    ("Spanish number (WhatsApp only): 612 34 56 33", "GB", ["+34612345633"]),
    ("Romanian: 0712 034 522", "GB", ["+40712034522"]),
    ("Mobile (24/7): 020 7946 0123", "GB", ["+442079460123"]),
    ("Tel oficina (UK): 020 7946 0158", "MX", ["+442079460158"]),
    # Up to three words with a word for a number, and a copula before the number; Mexican words for the US.
    ("Mi cel de Estados Unidos es (915) 555-0147 pero estoy en Juárez", "MX", ["+19155550147"]),
    ("Mi número de USA es 915 555 0147", "MX", ["+19155550147"]),
    ("Cel de EUA: 760-555-0157.", "MX", ["+17605550157"]),
    ("El Paso y Juárez. Mi cel gringo: 915 555 0128.", "MX", ["+19155550128"]),
    ("my UK number is 020 7946 0158", "US", ["+442079460158"]),
    # A mark ending the line before the number: a word for a number, or a code with its colon; a flag or a
    # bare code there tells a woman's nationality or a town, not the number's.
    ("Romanian number:\n0721 234 567", "IT", ["+40721234567"]),
    ("Număr românesc:\n0721 234 567", "IT", ["+40721234567"]),
    ("UK:\n020 7946 0123", "ES", ["+442079460123"]),
    ("Alina 🇷🇴\n0612 345 678", "IT", ["+390612345678"]),
    ("Madrid ES\n612 345 678", "FR", ["+33612345678"]),
    # Codes starting an item of a list, in brackets before, flags after.
    ("CH 078 123 45 22 | DE 01512 3456722", "DE", ["+41781234522", "+4915123456722"]),
    ("(UK) 020 7946 0578 · (ES) 612 34 56 01", "GB", ["+442079460578", "+34612345601"]),
    ("Contact\n612 34 56 99 🇪🇸\n312 345 6744 🇮🇹", None, ["+34612345699", "+393123456744"]),
    # Definite forms and abbreviations; a code in capitals next to a word for a number; words in brackets
    # after the number.
    ("Pe WhatsApp la numărul românesc 0712 034 509", "IT", ["+40712034509"]),
    ("Scrie-mi la numărul din România 0712 034 519", "GB", ["+40712034519"]),
    ("Call 030 123445 or my RO mobile 0712 034 546", "DE", ["+4930123445", "+40712034546"]),
    ("Nr. RO: 0712 034 516\nPescara", "IT", ["+40712034516"]),
    ("Magyar szám: 06-20/123-4504\nOsztrák: 0664 123404", "AT", ["+36201234504", "+43664123404"]),
    ("Укр. номер (050) 123 45 21, польский 512 345 621", "PL", ["+380501234521", "+48512345621"]),
    ("Бг номер 043 012 342, немски 0151 2345 6742", "DE", ["+35943012342", "+4915123456742"]),
    ("0.7.1.2.0.3.4.5.2.7 (număr din România)\nAlmería", "ES", ["+40712034527"]),
    ("0712 034 531 (Romanian number, WhatsApp)", "GB", ["+40712034531"]),
    ("06 12 34 56 44 (no UK numbers)", "FR", ["+33612345644"]),
])
def test_a_number_marked_with_its_country_is_read_there(text: str, country: str | None,
                                                        expected: list[str]) -> None:
    got = [e.value for e in extract_ad({"id": "m", "body": text, "country": country}) if e.kind == "phone"]
    assert got == expected


def test_a_marked_foreign_number_is_foreign() -> None:
    [phone] = [e for e in extract_ad({"id": "m", "body": "Cel americano 713 555 0184", "country": "MX"})
               if e.kind == "phone"]
    assert phone.attrs["foreign"] is True


def test_the_old_mexican_mobile_prefix() -> None:
    got = [e.value for e in extract_ad({"id": "m", "body": "Citas +52 1 222 123 4544"}) if e.kind == "phone"]
    assert got == ["+522221234544"]


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Birmingham, Alabama", None, "Birmingham|US"),
    ("Birmingham AL 205 555 0163", None, "Birmingham|US"),
    ("London, Ontario", None, "London|CA"),
    ("Kingston, ON", None, "Kingston|CA"),
    ("Victoria BC", None, "Victoria|CA"),
    ("Perth, Scotland", None, "Perth|GB"),
    ("Sydney, Nova Scotia", None, "Sydney|CA"),
    ("Birmingham New Street", None, "Birmingham|GB"),
    ("LONDON ON FRIDAY", "GB", "London|GB"),  # a word in capitals, not Ontario
])
def test_a_state_or_province_after_a_town_picks_its_country(text: str, country: str | None,
                                                            expected: str) -> None:
    got = [e.value for e in extract_ad({"id": "c", "body": text, "country": country}) if e.kind == "city"]
    assert got == [expected]


def test_hostile_region_and_marks_are_linear() -> None:
    # Megabyte bodies of towns with regions after them, and of marks before digits.
    body = "Birmingham, Alabama " * 50_000
    assert {e.value for e in extract_ad({"id": "h", "body": body}) if e.kind == "city"} == {"Birmingham|US"}
    body = "Italian SIM UK: 🇬🇧 " * 50_000 + "07400 123 466"
    assert [e.value for e in extract_ad({"id": "h", "body": body}) if e.kind == "phone"] == ["+447400123466"]


def _marks_rejected(monkeypatch: pytest.MonkeyPatch, change: dict[str, Any], message: str) -> None:
    """Load phone_marks.yaml with ``change`` applied: its check must fail with ``message``."""
    from unveil.extract import cities, phones

    real = cities.load_attribute_data

    def fake(name: str) -> dict[str, Any]:
        data = real(name)
        return data | change if name == "phone_marks.yaml" else data

    phones._marks.cache_clear()
    monkeypatch.setattr(cities, "load_attribute_data", fake)
    try:
        with pytest.raises(ValueError, match=message):
            phones._marks()
    finally:
        monkeypatch.undo()
        phones._marks.cache_clear()


def test_phone_marks_file_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    _marks_rejected(monkeypatch, {"words": {"XX": ["atlantean"]}},
                    r"phone_marks.yaml: words: 'XX' is not a country code")


@pytest.mark.parametrize("bad", [None, ["call"], {}])
def test_phone_marks_call_words_are_checked(monkeypatch: pytest.MonkeyPatch, bad: Any) -> None:
    _marks_rejected(monkeypatch, {"call_words": bad}, r"phone_marks.yaml: call_words must map languages to lists")


@pytest.mark.parametrize(("bad", "message"), [
    (["dot"], r"separator_words must map languages to lists"),
    ({"en": ["dot", "full stop"]}, r"separator_words: each must be one word of letters"),
    ({"en": ["dot", True]}, r"separator_words.en: True is not a word; quote it"),
])
def test_phone_marks_separator_words_are_checked(monkeypatch: pytest.MonkeyPatch, bad: Any, message: str) -> None:
    _marks_rejected(monkeypatch, {"separator_words": bad}, message)


@pytest.mark.parametrize(
    ("body", "country", "phone"),
    [
        # A town named in the text without a clue to its country: its namesakes' countries are candidates
        # too, and a number valid only in one of them settles it.
        ("London this week. Call 519-555-0177", "CA", "+15195550177"),
        # Ontario's and Massachusetts' are one code: the area code says which
        ("Cambridge, (617) 555-0190", "US", "+16175550190"),
        ("Cambridge, (519) 555-0190", "CA", "+15195550190"),
        ("Kingston this weekend, text 613-555-0147", "CA", "+16135550147"),
        ("Kingston, text 876-555-0147", "JM", "+18765550147"),
        ("Paris — (903) 555-0142, Texas girl", "US", "+19035550142"),
        ("Dublin — 614 555 0133", "US", "+16145550133"),
        ("Windsor, 020 7946 0654", "GB", "+442079460654"),
        # ... while a favourite that reads the number as written there keeps it
        ("London, call 07700 900123", "GB", "+447700900123"),
        ("New in Leeds, 020 7946 0123", "GB", "+442079460123"),
    ],
)
def test_a_number_settles_which_namesake_the_text_names(body: str, country: str, phone: str) -> None:
    assert assume_country({"body": body}) == Assumed(country, "towns")
    assert [value for value, _, _ in phones({"id": "a", "body": body, "lang": "en"})] == [phone]


def test_a_tie_between_towns_countries_goes_to_the_ads_language() -> None:
    # Newcastle, NSW and Newcastle, KwaZulu-Natal both read this number; the ad is written in English.
    ad = {"id": "x", "lang": "en", "body": "Newcastle tonight only, text 0491 570 155"}
    assert assume_country(ad, "en") == Assumed("AU", "towns")
    assert phones(ad) == [("+61491570155", False, "AU")]


def test_a_reading_that_drops_a_written_zero_is_not_as_dialled() -> None:
    # Read in the United States the spelled number loses its "oh"; in Britain it is read whole.
    body = "Call oh two zero / seven nine four six / zero three four five"
    assert phones({"id": "a", "lang": "en", "body": body}) == [("+442079460345", False, "GB")]
    assert phones({"id": "b", "lang": "en", "body": "Manchester. " + body}) == [("+442079460345", False, "GB")]


def _prices(ad: dict[str, Any]) -> list[str]:
    return [e.value for e in extract_ad(ad) if e.kind == "price"]


def test_a_language_of_one_country_names_it_without_numbers() -> None:
    assert _prices({"id": "a", "lang": "da", "body": "Hej, 1 time 1500 kr"}) == ["1500 DKK/60min"]
    assert _prices({"id": "b", "lang": "hu", "body": "Óra: 20e"}) == ["20000 HUF/60min"]
    assert [e.value for e in extract_ad({"id": "c", "lang": "fi", "body": "Mia, 23v. Helsinki"})
            if e.kind == "age"] == ["23"]
    # ... but not for a language of several countries
    assert assume_country({"body": "Sweet and friendly, call me"}, "en") is None


@pytest.mark.parametrize(("country", "lang"), [("gb", "en"), (" UK ", "en"), (None, "en-GB"), (None, "EN_gb")])
def test_codes_as_callers_write_them(country: str | None, lang: str) -> None:
    # Records passed straight to the library, not through ingest: "gb", "UK", "en-GB" are read as ingest
    # stores them.
    ad = {"id": "x", "country": country, "lang": lang, "body": "Call 020 7946 0123"}
    assert [e.value for e in extract_ad(ad) if e.kind == "phone"] == ["+442079460123"]


def test_a_country_that_is_no_code_is_assumed() -> None:
    ad = {"id": "x", "country": "United Kingdom", "body": "New in Leeds, call 020 7946 0123"}
    assert phones(ad) == [("+442079460123", False, "GB")]


def test_a_north_american_number_names_its_country_by_its_area_code() -> None:
    ad = {"id": "x", "lang": "en", "body": "$300/hr, text 416-555-0122"}
    assert assume_country(ad, "en") == Assumed("CA", "currency")
    assert [e.value for e in extract_ad(ad) if e.kind == "price"] == ["300 CAD/60min"]
    # numbers of both countries: the first of the language's countries, as before
    assert assume_country({"body": "Text 416-555-0122 or 702-555-0133"}, "en") == Assumed("US", "language")


def test_the_title_helps_identify_a_short_bodys_language() -> None:
    ad = {"id": "x", "title": "Jessica 22", "body": "New to the area. Text 202-555-0171"}
    assert phones(ad) == [("+12025550171", False, "US")]
