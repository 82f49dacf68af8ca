"""Web addresses: with a scheme, with a path and no scheme, and lone hosts under common endings."""

from __future__ import annotations

import time

import pytest

from unveil.extract import extract_ad
from unveil.extract.base import AdContext
from unveil.extract.emails import PatternError
from unveil.extract.urls import UrlExtractor, bare_host_endings, web_address_spans

EXTRACTOR = UrlExtractor()
CTX = AdContext(country="US", lang="en")


def urls(text: str) -> list[tuple[str, str]]:
    return [(e.value, e.text) for e in EXTRACTOR.extract(text, "body", CTX)]


@pytest.mark.parametrize(("text", "expected"), [
    ("see https://Site.example/ad/1.", [("site.example/ad/1", "https://Site.example/ad/1")]),
    ("www.annasite.com!", [("annasite.com", "www.annasite.com")]),
    # A path after the host: any real top-level domain, also a country one.
    ("Fotos: annasite.es/fotos", [("annasite.es/fotos", "annasite.es/fotos")]),
    ("web:meinseite.de/profil?id=7", [("meinseite.de/profil?id=7", "meinseite.de/profil?id=7")]),
    # tracking keys are dropped; a fragment stays only as a route (a Signal link's is the person's)
    ("https://jadexo.com/?utm_source=ad&fbclid=IwAR0abc", [("jadexo.com", "https://jadexo.com/?utm_source=ad&fbclid=IwAR0abc")]),
    ("https://example.com/gallery?id=12&utm_campaign=x#top",
     [("example.com/gallery?id=12", "https://example.com/gallery?id=12&utm_campaign=x#top")]),
    ("signal.me/#eu/Xq3kZ0v9bA1y-Lm7", [("signal.me/#eu/Xq3kZ0v9bA1y-Lm7", "signal.me/#eu/Xq3kZ0v9bA1y-Lm7")]),
    ("(sweetpage.example/new/)", [("sweetpage.example/new", "sweetpage.example/new/")]),
    # A lone host under a listed ending.
    ("visit annasite.com today", [("annasite.com", "annasite.com")]),
    ("Mehr auf Anna-London.co.uk.", [("anna-london.co.uk", "Anna-London.co.uk")]),
    ("ANNASITE.COM", [("annasite.com", "ANNASITE.COM")]),
    # after a label, a lone host under any ending
    ("Website: lena-berlin.de", [("lena-berlin.de", "lena-berlin.de")]),
    ("Mi web: luciamadrid.es", [("luciamadrid.es", "luciamadrid.es")]),
    # country endings that are no word, alone; endings that are words where the host ends its phrase
    ("Toutes les infos sur noemie-geneve.ch !", [("noemie-geneve.ch", "noemie-geneve.ch")]),
    ("Kijk op sofiecompanion.nl voor foto's", [("sofiecompanion.nl", "sofiecompanion.nl")]),
    ("Book Jade: bookjade.io - deposits by card", [("bookjade.io", "bookjade.io")]),
    ("Bella Rose, Cork.\nbellarose.me\nNo texts", [("bellarose.me", "bellarose.me")]),
    ("Más fotos en sofiavip.es #Madrid", [("sofiavip.es", "sofiavip.es")]),  # hashtags after it
    # "at" after a prose word is no address's "@"
    ("All my reviews are at lolavelvetmia.com.", [("lolavelvetmia.com", "lolavelvetmia.com")]),
    ("Verify at lolavelvet.vip, or text me", [("lolavelvet.vip", "lolavelvet.vip")]),
    # emoji and the quotes of every language close an address; a scheme hidden from filters
    ("👉www.carlasalamancavip.es👈", [("carlasalamancavip.es", "www.carlasalamancavip.es")]),
    ("Mi web: «www.martamadridvip.es». Besos.", [("martamadridvip.es", "www.martamadridvip.es")]),
    ("Pics: hxxps://rosieleeds.com/gallery", [("rosieleeds.com/gallery", "hxxps://rosieleeds.com/gallery")]),
    ("Book: bookjade.io/book?ref=ad12&lang=en", [("bookjade.io/book", "bookjade.io/book?ref=ad12&lang=en")]),
    # Both forms of one address count once.
    ("www.annasite.com/x and annasite.com", [("annasite.com/x", "www.annasite.com/x"),
                                             ("annasite.com", "annasite.com")]),
])
def test_written_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert urls(text) == expected


@pytest.mark.parametrize("text", [
    "hola.es nueva en la ciudad",  # a missing space before a country ending
    "Hi.My name is Anna",
    "new.Call me",  # "call" is a top-level domain, but not one a lone host is read under
    "100.ro/h, 1.5/hr",  # rates: the label before the ending has no letter
    "e.g. tomorrow",
    "anna.b@example.com",  # an email address, not a host
    "jolie at example.com",  # the domain of a hidden email address
    "honey_b [ AT ] example.com",
    "anna arobase example.com",
    "write to gmail.com",  # a mail provider
    "Im new.Com see me",  # a capitalised ending after a lower-case word: a missing space
    "Sweet.Info inside",
    "website hola.es",  # no label (no colon): a missing space
    "I'm available.it will be fun",  # an ending that is a word, the phrase going on
    "snap: lola.vip 👻",  # a handle after its platform's label
    "Instagram: carla.es – solo fotos",
    "Booking.com was full, new hotel tonight",  # a service named alone
    "Een Bol.com cadeaubon is welkom",
    "bree.vip at gmail dot com",  # the mailbox name of a hidden address
    "bree.vip -at- gmail -dot- com",
])
def test_not_web_addresses(text: str) -> None:
    assert urls(text) == []


def test_spans_are_sorted_and_trimmed() -> None:
    text = "a.example/x, then https://b.example/y). www.c.com."
    assert [text[s:e] for s, e in web_address_spans(text)] == ["a.example/x", "https://b.example/y",
                                                                "www.c.com"]


def test_messaging_and_payment_links_without_scheme_are_addresses_too() -> None:
    ents = extract_ad({"body": "t.me/anna_x or paypal.me/AnnaB", "country": "US", "lang": "en"})
    assert {(e.kind, e.value) for e in ents if e.kind != "language"} == {
        ("handle", "telegram:anna_x"), ("url", "t.me/anna_x"),
        ("payment", "paypal:annab"), ("url", "paypal.me/annab"),
    }


@pytest.mark.parametrize(("body", "value"), [
    ("LINKTR.EE/LOLAVELVET", "linktr.ee/lolavelvet"),  # a QR code's text in capitals
    ("https://www.Instagram.com/Lola.Vip/", "instagram.com/lola.vip"),
    ("snapchat.com/add/Lola.Vip", "snapchat.com/add/lola.vip"),
    ("https://beacons.ai/MiaRose", "beacons.ai/miarose"),
    ("instagram.com/p/CxYzAb12", "instagram.com/p/CxYzAb12"),  # a post's code keeps its case
    ("https://t.me/+AbCdEf123", "t.me/+AbCdEf123"),  # so does an invite
    ("https://sweetpage.example/Rates", "sweetpage.example/Rates"),  # any other site's path too
])
def test_user_name_paths_of_platforms_are_read_in_any_case(body: str, value: str) -> None:
    ents = extract_ad({"body": f"All my links: {body}", "country": "GB", "lang": "en"})
    assert [e.value for e in ents if e.kind == "url"] == [value]


@pytest.mark.parametrize("body", [
    "more pics: sweetpage.example/gallery/2025550199",
    "pics at sweetpage.example/p?id=2025550199",
    "archive sweetpage.example/2026-11-03/item-2025550199",
])
def test_numbers_in_addresses_without_scheme_are_not_phones(body: str) -> None:
    ents = extract_ad({"body": body, "country": "US", "lang": "en"})
    assert [e.kind for e in ents if e.kind in ("phone", "url")] == ["url"]


@pytest.mark.parametrize(("body", "phone"), [
    ("sweetpage.example/new-in-town-202-555-0147/", "+12025550147"),  # written as a phone in a slug
    ("sweetpage.example/book?phone=2025550147", "+12025550147"),  # behind a phone-like key
    ("wa.me/12025550147", "+12025550147"),  # a messaging link
])
def test_phones_written_in_addresses_without_scheme_are_read(body: str, phone: str) -> None:
    ents = extract_ad({"body": body, "country": "US", "lang": "en"})
    assert [e.value for e in ents if e.kind == "phone"] == [phone]


def test_bare_host_endings_are_checked() -> None:
    endings = bare_host_endings()
    assert {"com", "co.uk"} <= endings
    assert not {"es", "it", "de", "me", "call"} & endings


def test_bare_host_endings_must_end_in_a_real_domain(monkeypatch: pytest.MonkeyPatch) -> None:
    from unveil.extract import emails
    from unveil.extract import urls as module

    monkeypatch.setattr(emails, "read_pattern_file",
                        lambda name: ("tlds.yaml", {"tlds": ["com"], "bare_hosts": ["com", "co.nowhere"]}))
    for cached in (module.bare_host_endings, emails.tlds_file, emails.known_tlds):
        cached.cache_clear()
    try:
        with pytest.raises(PatternError, match=r"bare_hosts: 'co\.nowhere' does not end in a listed"):
            module.bare_host_endings()
    finally:
        monkeypatch.undo()
        for cached in (module.bare_host_endings, emails.tlds_file, emails.known_tlds):
            cached.cache_clear()


@pytest.mark.parametrize("unit", ["a.", "ab.", "a-b.c", "x.example/", "www.a.", "a@b.", "1.2.", "a.com", "a.com ",
                                  "at a.com ", "x.example/2025550147 ", "a[.]", "a [.] ", "a (dot) ", "a{.}b ",
                                  "site: a dot ", "website: a dot b ", "abcd dot ", "ab . ", "abcd•", "a,com ",
                                  "abcd . c o m ", "w w w . ", "abcd (punkt) de / ", "a.com abcd dot com\n",
                                  "https://a,", ",https://a", "[https://a](", "a.com/b—", "a.b(.)", "a.b[.]c a.b ",
                                  "abcd dot com slash a slash ", "abcd dot com barra "])
def test_megabyte_of_host_like_text_is_linear(unit: str) -> None:
    """Every start of a hostile megabyte of labels and dots costs work bounded by its own token."""
    text = unit * (1_000_000 // len(unit))
    t0 = time.process_time()
    list(EXTRACTOR.extract(text, "body", CTX))
    web_address_spans(text[: len(text) // 2])
    extract_ad({"body": text[:200_000], "country": "US"})
    # Generous: a quadratic scan of a megabyte takes hours, a linear one well under a second.
    assert time.process_time() - t0 < 30


@pytest.mark.parametrize(("text", "expected"), [
    # dots hidden in brackets, anywhere; spelled out only after a label
    ("site: annavip[.]com", [("annavip.com", "annavip[.]com")]),
    ("zoe-lux[dot]com for photos", [("zoe-lux.com", "zoe-lux[dot]com")]),
    ("visit my-site (.) co [.] uk now", [("my-site.co.uk", "my-site (.) co [.] uk")]),
    ("website: sophiavip dot com", [("sophiavip.com", "sophiavip dot com")]),
    # a path after a hidden dot; more words for the dot
    ("Galerie: mariefrankfurt(punkt)de/galerie", [("mariefrankfurt.de/galerie", "mariefrankfurt(punkt)de/galerie")]),
    ("Ivy. tinyurl (dot) com / ivybook", [("tinyurl.com/ivybook", "tinyurl (dot) com / ivybook")]),
    # dots written loosely, under a listed ending, where the address ends its phrase
    ("Lola, Phoenix. lolavelvet dot com\nText me", [("lolavelvet.com", "lolavelvet dot com")]),
    ("Bianca, Brașov. Site: biancabrasov punct ro", [("biancabrasov.ro", "biancabrasov punct ro")]),
    ("Larissa. larissacwb ponto com ponto br\nZap", [("larissacwb.com.br", "larissacwb ponto com ponto br")]),
    ("Rosie, Sheffield. rosieleeds dot co dot uk", [("rosieleeds.co.uk", "rosieleeds dot co dot uk")]),
    ("Tahlia. tahliaperth dot com dot au slash rates",
     [("tahliaperth.com.au/rates", "tahliaperth dot com dot au slash rates")]),
    ("Rosie, York. rosieleeds·com", [("rosieleeds.com", "rosieleeds·com")]),
    ("Jasmine. jasminela。vip", [("jasminela.vip", "jasminela。vip")]),
    ("Mia. site: miavancouver . com  (spaces on purpose)", [("miavancouver.com", "miavancouver . com")]),
    ("Tahlia – tahliaperth.c0m – SMS", [("tahliaperth.com", "tahliaperth.c0m")]),
    ("Scarlett. scarlettdenver.c o m", [("scarlettdenver.com", "scarlettdenver.c o m")]),
    ("Lola, Vegas. lolavelvet,vip", [("lolavelvet.vip", "lolavelvet,vip")]),
    ("Marie – w w w . marie-frankfurt . de – Anruf", [("marie-frankfurt.de", "w w w . marie-frankfurt . de")]),
    ("Lola. DM me: t . me / lolavelvet", [("t.me/lolavelvet", "t . me / lolavelvet")]),
    # not a site: prose, an unknown ending, an address's domain
    ("the dot com era", []),
    ("un rendez-vous point de vue", []),  # the ending goes on as a sentence
    ("Mia, Vancouver. site: none", []),  # a sentence, then a word that is also an ending
    ("Hola, la casa", []),
    ("see x[.]zz", []),
    ("anna at gmail[dot]com", []),
    ("anna[at]gmail[dot]com", []),
])
def test_hosts_with_hidden_dots(text: str, expected: list[tuple[str, str]]) -> None:
    found = [e for e in EXTRACTOR.extract(text, "body", CTX)]
    assert [(e.value, e.text) for e in found] == expected
    assert all(e.attrs == {"obfuscated": True} for e in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("www.martavitoria,com", ["martavitoria.com"]),  # a comma for the dot before a generic ending
        ("www.anna,site.com", []),  # any other comma makes no host
    ],
)
def test_a_comma_in_a_hosts_name(text: str, expected: list[str]) -> None:
    assert [e.value for e in UrlExtractor().extract(text, "body", AdContext(country="ES"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dashes, bars, an ellipsis, brackets and stars glued after an address end it
        ("Site : marilou.example.com/tarifs—appelle avant.", ["marilou.example.com/tarifs"]),
        ("Site: jade.example.com/rates–call first", ["jade.example.com/rates"]),
        ("Seite:https://lena.example.com|Telegram:@lena_ffm", ["lena.example.com"]),
        ("*jade.example.com/rates*", ["jade.example.com/rates"]),
        ("Voir chloe.example.com/tarifs… à bientôt", ["chloe.example.com/tarifs"]),
        # markdown and BBCode links, two addresses glued by a comma
        ("[https://poppy.example.com](https://poppy.example.com)", ["poppy.example.com", "poppy.example.com"]),
        ("Rates here: [my rates](https://ruby.example.com/rates)", ["ruby.example.com/rates"]),
        ("[url=https://mia.example.com/rates]my rates[/url]", ["mia.example.com/rates"]),
        ("Gallery: [url]https://mia.example.com/gallery[/url]", ["mia.example.com/gallery"]),
        ("Sites: https://jade.example.com/rates,https://jade.example.com/faq",
         ["jade.example.com/rates", "jade.example.com/faq"]),
    ],
)
def test_what_ends_an_address(text: str, expected: list[str]) -> None:
    assert [e.value for e in UrlExtractor().extract(text, "body", AdContext(country="US"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain dots before a hidden one: the whole host, not its plain start
        ("Site: jade.example(.)com/rates", ["jade.example.com/rates"]),
        ("Website: www.mia-rose.example[.]com", ["mia-rose.example.com"]),
        ("Website: poppy-leeds.example . com", ["poppy-leeds.example.com"]),
        ("Site: mia-rose.example,com", ["mia-rose.example.com"]),
        ("annavip[.]com and site.example.com", ["site.example.com", "annavip.com"]),
        ("Site: www.mia-rose.example.c0m", ["mia-rose.example.com"]),  # a hidden ending on the same span
    ],
)
def test_plain_dots_before_a_hidden_one(text: str, expected: list[str]) -> None:
    assert [e.value for e in UrlExtractor().extract(text, "body", AdContext(country="GB"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every slash of a hidden host's path, spelled in several languages
        ("Site : example dot com slash chloe slash tarifs", ["example.com/chloe/tarifs"]),
        ("web: lucia-madrid punto example punto com barra tarifas", ["lucia-madrid.example.com/tarifas"]),
        ("Seite: lena-ffm punkt example punkt de schrägstrich preise", ["lena-ffm.example.de/preise"]),
    ],
)
def test_spelled_slashes_of_a_hidden_hosts_path(text: str, expected: list[str]) -> None:
    assert [e.value for e in UrlExtractor().extract(text, "body", AdContext(country="FR"))] == expected


def test_linktree_share_keys_are_tracking() -> None:
    text = "Tous mes liens 👉 https://linktr.ee/emma.lux?utm_source=linktree_profile_share&ltsid=a1b2c3"
    assert [v for v, _ in urls(text)] == ["linktr.ee/emma.lux"]
