"""Email extraction: plain and obfuscated addresses in six languages, hard negatives, hostile input.

Rows are ``(text, [(value, written form, obfuscated)])``: the written form is the exact original span, so
every row also checks the offsets.  Domains are example.com/.org/.net and mail.example; provider names
(gmail, hotmail, yahoo) appear only in short-form rows.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract.base import AdContext
from unveil.extract.emails import (
    EmailExtractor,
    PatternError,
    find_emails,
    load_email_patterns,
    parse_email_patterns,
    scan_emails,
)

CTX = AdContext()


def emails(text: str, extractor: EmailExtractor | None = None) -> list[tuple[str, str, bool]]:
    out = []
    for e in (extractor or EmailExtractor()).extract(text, "body", CTX):
        assert e.kind == "email"
        assert text[e.start : e.end] == e.text
        out.append((e.value, e.text, e.attrs["obfuscated"]))
    return out


PLAIN = [
    ("Email: anna.b@example.com", [("anna.b@example.com", "anna.b@example.com", False)]),
    ("mail me at Anna.Smith@Example.COM.", [("anna.smith@example.com", "Anna.Smith@Example.COM", False)]),
    ("bookings@mail.example / x.y+z@example.org", [("bookings@mail.example", "bookings@mail.example", False),
                                                   ("x.y+z@example.org", "x.y+z@example.org", False)]),
    ("(anna_b@example.net)", [("anna_b@example.net", "anna_b@example.net", False)]),
    ("mailto:info@example.com?subject=hi", [("info@example.com", "info@example.com", False)]),
    ("anna@example.com's inbox", [("anna@example.com", "anna@example.com", False)]),
    ("write anna@example.com.Thanks", [("anna@example.com", "anna@example.com", False)]),
    ("anna@example.com . com", [("anna@example.com", "anna@example.com", False)]),
]

OBFUSCATED_EN = [
    ("anna at example dot com", [("anna@example.com", "anna at example dot com", True)]),
    # brackets of other scripts, doubled dashes, underscores between spaces
    ("tia.bk «at» icloud «dot» com", [("tia.bk@icloud.com", "tia.bk «at» icloud «dot» com", True)]),
    ("holly.mcr【at】outlook【dot】com", [("holly.mcr@outlook.com", "holly.mcr【at】outlook【dot】com", True)]),
    ("aria.van ⟨at⟩ proton ⟨dot⟩ me", [("aria.van@proton.me", "aria.van ⟨at⟩ proton ⟨dot⟩ me", True)]),
    ("amber.leeds--at--hotmail--dot--co--dot--uk",
     [("amber.leeds@hotmail.co.uk", "amber.leeds--at--hotmail--dot--co--dot--uk", True)]),
    ("julie.nice _arobase_ gmail _point_ com",
     [("julie.nice@gmail.com", "julie.nice _arobase_ gmail _point_ com", True)]),
    ("ola.poz małpka gmail kropka com", [("ola.poz@gmail.com", "ola.poz małpka gmail kropka com", True)]),
    # a word for "_" or "-" inside the name, one or two words in each language
    ("mila underscore rose at gmail dot com",
     [("mila_rose@gmail.com", "mila underscore rose at gmail dot com", True)]),
    ("mila dot rose dash 92 at gmail dot com",
     [("mila.rose-92@gmail.com", "mila dot rose dash 92 at gmail dot com", True)]),
    ("julie tiret bas lyon arobase gmail point com",
     [("julie_lyon@gmail.com", "julie tiret bas lyon arobase gmail point com", True)]),
    ("lena unterstrich ffm bei gmail.com", [("lena_ffm@gmail.com", "lena unterstrich ffm bei gmail.com", True)]),
    # a provider's name cut in two words
    ("jenna at g mail dot com", [("jenna@gmail.com", "jenna at g mail dot com", True)]),
    ("lola.b at hot mail dot fr", [("lola.b@hotmail.fr", "lola.b at hot mail dot fr", True)]),
    # a circled "a" alone for "@"
    ("lena.k ⓐ gmail.com", [("lena.k@gmail.com", "lena.k ⓐ gmail.com", True)]),
    ("lenaⓐgmail.com", [("lena@gmail.com", "lenaⓐgmail.com", True)]),
    # a comma for a dot after a mail provider's name
    ("pauline@hotmail,fr", [("pauline@hotmail.fr", "pauline@hotmail,fr", True)]),
    ("grace.lpool@yahoo,co,uk", [("grace.lpool@yahoo.co.uk", "grace.lpool@yahoo,co,uk", True)]),
    # spaced dots in the name too, but not after a prose word
    ("sophie . m @ gmail . com", [("sophie.m@gmail.com", "sophie . m @ gmail . com", True)]),
    ("email . anna @ gmail . com", [("anna@gmail.com", "anna @ gmail . com", True)]),
    ("I love it . anna@gmail.com", [("anna@gmail.com", "anna@gmail.com", False)]),
    # a space after the dot before a lower-case ending; not before a capital (a sentence ends there)
    ("anna@example. com", [("anna@example.com", "anna@example. com", True)]),
    # dashes around the words, between spaces; not inside a hyphenated word
    ("bree.vip -at- gmail -dot- com", [("bree.vip@gmail.com", "bree.vip -at- gmail -dot- com", True)]),
    ("lena.berlin -at- gmx -punkt- de", [("lena.berlin@gmx.de", "lena.berlin -at- gmx -punkt- de", True)]),
    ("anna @ gmail -dot- com", [("anna@gmail.com", "anna @ gmail -dot- com", True)]),
    # an invisible character inside the domain
    ("bree\u200b.vip@gm\u200bail.com", [("bree.vip@gmail.com", "bree\u200b.vip@gm\u200bail.com", True)]),
    ("Email me at anna at example dot com please", [("anna@example.com", "anna at example dot com", True)]),
    ("Contact: anna [at] example [dot] com", [("anna@example.com", "anna [at] example [dot] com", True)]),
    ("anna(at)example(dot)com", [("anna@example.com", "anna(at)example(dot)com", True)]),
    ("anna (AT) example {dot} com", [("anna@example.com", "anna (AT) example {dot} com", True)]),
    ("anna{at}example{dot}org", [("anna@example.org", "anna{at}example{dot}org", True)]),
    ("anna #at# example #dot# com", [("anna@example.com", "anna #at# example #dot# com", True)]),
    ("anna*at*example*dot*com", [("anna@example.com", "anna*at*example*dot*com", True)]),
    ("ANNA AT EXAMPLE DOT NET", [("anna@example.net", "ANNA AT EXAMPLE DOT NET", True)]),
    ("anna <at> example <dot> com", [("anna@example.com", "anna <at> example <dot> com", True)]),
    ("anna [@] example [.] com", [("anna@example.com", "anna [@] example [.] com", True)]),
    ("anna [ at ] example [ dot ] org", [("anna@example.org", "anna [ at ] example [ dot ] org", True)]),
    ("anna @ example . com", [("anna@example.com", "anna @ example . com", True)]),
    ("anna @ example.com", [("anna@example.com", "anna @ example.com", True)]),
    ("anna@ example.net", [("anna@example.net", "anna@ example.net", True)]),
    ("anna@example dot com", [("anna@example.com", "anna@example dot com", True)]),
    ("anna dot smith at example dot com", [("anna.smith@example.com", "anna dot smith at example dot com", True)]),
    ("anna.smith at example dot co dot uk", [("anna.smith@example.co.uk", "anna.smith at example dot co dot uk",
                                              True)]),
    ("anna at mail dot example", [("anna@mail.example", "anna at mail dot example", True)]),
    ("E-mail: anna at example.com", [("anna@example.com", "anna at example.com", True)]),
    ("anna at gmail.com", [("anna@gmail.com", "anna at gmail.com", True)]),
    ("write to a n n a @ e x a m p l e . c o m tonight",
     [("anna@example.com", "a n n a @ e x a m p l e . c o m", True)]),
    ("a n n a @ g m a i l . c o m I love you", [("anna@gmail.com", "a n n a @ g m a i l . c o m", True)]),
    ("anna @ e x a m p l e . n e t", [("anna@example.net", "anna @ e x a m p l e . n e t", True)]),
    ("ａｎｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ", [("anna@example.com", "ａｎｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ", True)]),
    ("аnna@example.com", [("anna@example.com", "аnna@example.com", True)]),  # Cyrillic а
    ("anna\u200b@example.com", [("anna@example.com", "anna\u200b@example.com", True)]),
]

SHORTCUTS = [
    ("anna@gml", [("anna@gmail.com", "anna@gml", True)]),
    ("Mail anna_b@gmail tonight", [("anna_b@gmail.com", "anna_b@gmail", True)]),
    ("anna@gmial.com", [("anna@gmail.com", "anna@gmial.com", True)]),
    ("anna at gml", [("anna@gmail.com", "anna at gml", True)]),
    ("anna@hotmial.com", [("anna@hotmail.com", "anna@hotmial.com", True)]),
    ("anna@hotmial", [("anna@hotmail.com", "anna@hotmial", True)]),
    ("anna@yaho", [("anna@yahoo.com", "anna@yaho", True)]),
    ("anna@hotmail", []),  # hotmail.com, .fr, .it ...: ambiguous
    ("anna@yahoo", []),
]

LANGUAGES = [
    # Norwegian, Greek, Bulgarian, Croatian, Lithuanian, Latvian and Slovenian words for "@" and "."
    ("E-post: ingrid.oslo krøllalfa proton punktum me",
     [("ingrid.oslo@proton.me", "ingrid.oslo krøllalfa proton punktum me", True)]),
    ("Email: eleni.ath παπάκι gmail τελεία com", [("eleni.ath@gmail.com", "eleni.ath παπάκι gmail τελεία com", True)]),
    ("Пиши ми: maria.sf маймунка abv точка bg", [("maria.sf@abv.bg", "maria.sf маймунка abv точка bg", True)]),
    ("Mail: ivana.zg (et) gmail (točka) com", [("ivana.zg@gmail.com", "ivana.zg (et) gmail (točka) com", True)]),
    ("gabija.vln eta gmail taškas com", [("gabija.vln@gmail.com", "gabija.vln eta gmail taškas com", True)]),
    ("E-pasts: laura.riga et inbox punkts lv", [("laura.riga@inbox.lv", "laura.riga et inbox punkts lv", True)]),
    ("E-pošta: nina.lj afna gmail pika com", [("nina.lj@gmail.com", "nina.lj afna gmail pika com", True)]),
    # French
    ("Écrivez-moi : anna arobase example point fr", [("anna@example.fr", "anna arobase example point fr", True)]),
    ("anna(arobase)example(point)com", [("anna@example.com", "anna(arobase)example(point)com", True)]),
    ("mail : anna at example point com", [("anna@example.com", "anna at example point com", True)]),
    ("Courriel : anna.b at example.com", [("anna.b@example.com", "anna.b at example.com", True)]),
    ("camille_gva arobas yahoo point fr", [("camille_gva@yahoo.fr", "camille_gva arobas yahoo point fr", True)]),
    ("em@il: anna.r AT example.co.uk", [("anna.r@example.co.uk", "anna.r AT example.co.uk", True)]),
    ("anna chez gmail point com", [("anna@gmail.com", "anna chez gmail point com", True)]),
    ("anna(a)example.com", [("anna@example.com", "anna(a)example.com", True)]),  # "a" only in brackets
    ("anna [a] example [dot] com", [("anna@example.com", "anna [a] example [dot] com", True)]),
    # Spanish
    ("correo: anna arroba example punto com", [("anna@example.com", "anna arroba example punto com", True)]),
    ("anna [arroba] example [punto] es", [("anna@example.es", "anna [arroba] example [punto] es", True)]),
    # Italian
    ("scrivimi: anna chiocciola example punto it", [("anna@example.it", "anna chiocciola example punto it", True)]),
    ("anna(chiocciola)example(punto)com", [("anna@example.com", "anna(chiocciola)example(punto)com", True)]),
    # German
    ("E-Mail: anna ät example punkt de", [("anna@example.de", "anna ät example punkt de", True)]),
    ("anna(at)example(punkt)de", [("anna@example.de", "anna(at)example(punkt)de", True)]),
    ("Kontakt: anna [at] example [punkt] de", [("anna@example.de", "anna [at] example [punkt] de", True)]),
    # Dutch
    ("mail: anna apenstaartje example punt nl", [("anna@example.nl", "anna apenstaartje example punt nl", True)]),
    ("anna (at) example (punt) nl", [("anna@example.nl", "anna (at) example (punt) nl", True)]),
    # Portuguese
    ("anna arroba example ponto com", [("anna@example.com", "anna arroba example ponto com", True)]),
    # A preposition between a name in an address's shape and a mail provider's name
    ("Mon mail c'est margaux.lille sur gmail", [("margaux.lille@gmail.com", "margaux.lille sur gmail", True)]),
    ("mi correo es ainhoa.bilbao en gmail", [("ainhoa.bilbao@gmail.com", "ainhoa.bilbao en gmail", True)]),
    ("schreib an hanna.ffm bei gmail.com", [("hanna.ffm@gmail.com", "hanna.ffm bei gmail.com", True)]),
    ("lana_92 on gmail", [("lana_92@gmail.com", "lana_92 on gmail", True)]),
    ("sofia.v on hotmail.fr", [("sofia.v@hotmail.fr", "sofia.v on hotmail.fr", True)]),
    # ... and a name in a site's shape after an email label
    ("Correo: sofi.vip en hotmail punto es", [("sofi.vip@hotmail.es", "sofi.vip en hotmail punto es", True)]),
]

NEGATIVES = [
    # ... and not a word of prose, a web address, a figure or a handle before it
    "je suis sur gmail", "anna on gmail", "find me on gmail.com", "Estoy en hotmail.es",
    "my site annavip.com on gmail too", "from 9.30 on gmail chat", "reply @anna_b on gmail", "sofi.vip en gmail",
    "Búscame en Insta como @valeria.mx",  # "as" before a handle: no mailbox called "como"
    "anna.b on hotmail",  # "hotmail" alone names no one domain
    "Managed by @velvet.agency",  # a handle after "by"
    "I reply at gmail speed lol, but text is faster",
    "Book at lotusspa-nyc dot com or call 917-555-0181",  # a website to book on, not a mailbox "book"
    "Book online at lotusspa dot com",
    "Reply only from @gmail.com addresses please",
    "stay--at--home mum",
    "run dash fast at home",  # a joiner word in prose
    "see you at g mail party",  # a cut provider's name with no domain ending
    "ⓜⓘⓛⓐ ⓖⓜⓐⓘⓛ",  # circled letters are letters: no "@" among them
    "mail anna@home, fr",  # a comma after a word that names no mail provider
    "Adresse e-mail : chloé.massage@orange.fr",  # a letter no address holds: never the tail "massage@..."
    "mia,rose@gmail.com",  # a name cut by a glued mark (OCR's comma for a dot): never the tail "rose@..."
    "anna·b@gmail.com",
    "Mail : julie tiret du bas lyon arobase gmail point com",  # a joiner's last word before: a cut name
    "Contact: léa@example.fr",
    "TG-@zuri_lv; IG-@zuri.lv",  # a label and a handle: no name ends with "-"
    "me@home. Com on over",
    "retrouve-moi sur MYM @lea.paris",  # a handle after a platform word
    "je reçois chez moi",
    "massage chez vous. com",
    "(a) first option (b) second.com",
    "a stay-at-home.com day",
    "3233@no.s",
    "user@localhost",
    "logo@2x.png",
    "@@@@",
    "..@example.com",
    "x..y@example.com",
    "see you at 10. dot",
    "available at home dot now",
    "I am at the hotel. Dot is my friend",
    "find me at onlyfans.com",
    "meet me at example.com",
    "contact me at example dot com",
    "Telegram @ anna_vip",
    "@anna_vip",
    "Rates @ 200. 2h @ 350",
    "Incall at 10 pm, outcall at 11",
    "at at at dot dot dot",
    "anna at example",
    "anna [at] example",
    "anna at example dot",
    "anna at example dot comx",
    "Arrive at 8. Com on",
    "stay at Hotel Central. Point taken",
    "24/7 @ home", "Anna et Lola, gmail users",
    "100% real pics @ 150 roses",
]


@pytest.mark.parametrize(("text", "expected"), PLAIN + OBFUSCATED_EN + SHORTCUTS + LANGUAGES)
def test_emails_found_with_exact_spans(text, expected):
    assert emails(text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negatives(text):
    assert emails(text) == []


def test_address_without_obfuscated_dot_needs_a_cue_or_a_provider():
    # "at" is a preposition: "anna at example.com" alone is too weak, the same with an email cue word is not.
    assert emails("anna at example.com") == []
    assert [v for v, _, _ in emails("Email anna at example.com")] == ["anna@example.com"]
    assert [v for v, _, _ in emails("anna at outlook.fr")] == ["anna@outlook.fr"]


def test_several_addresses_in_one_ad():
    text = "Mail anna at example dot com or bookings [at] mail [dot] example, also x@example.org"
    assert [v for v, _, _ in emails(text)] == ["anna@example.com", "bookings@mail.example", "x@example.org"]


def test_scan_emails_keeps_its_tuple_shape():
    assert list(scan_emails("a@b.co and anna at example dot com")) == [
        (0, 6, "a@b.co"),
        (11, 34, "anna@example.com"),
    ]


def test_find_emails_is_non_overlapping_and_ordered():
    text = "anna at example dot com at example dot org"
    found = find_emails(text)
    assert [m.value for m in found] == ["anna@example.com"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# ---------------------------------------------------------------------------------------------------------
# Pattern files
# ---------------------------------------------------------------------------------------------------------

POLISH = """
at_words:
  strong:
    pl: [małpa]
  weak:
    any: [at]
dot_words:
  any: [dot]
  pl: [kropka]
"""


def test_a_user_adds_a_language_without_code(tmp_path: Path):
    path = tmp_path / "emails.yaml"
    path.write_text(POLISH, encoding="utf-8")
    ex = EmailExtractor(path)
    assert emails("pisz: anna małpa example kropka pl", ex) == [
        ("anna@example.pl", "anna małpa example kropka pl", True)
    ]


@pytest.mark.parametrize(
    ("content", "key", "problem"),
    [
        ("at_words: [at]\ndot_words: {any: [dot]}\n", "at_words", "must be a mapping"),
        ("at_words: {strong: {any: [arobase]}}\n", "(top level)", "missing required key 'dot_words'"),
        ("at_words: {strong: {any: [x]}}\ndot_words: {any: [dot]}\ncolour: red\n", "colour", "unknown key"),
        ("at_words: {strong: {any: [arobase]}}\ndot_words: {any: [dot, \"on\", on]}\n", "dot_words.any[2]",
         "YAML reads unquoted"),
        ("at_words: {strong: {english: [at]}}\ndot_words: {any: [dot]}\n", "at_words.strong.english", "language"),
        ("at_words: {strong: {any: [a.t]}}\ndot_words: {any: [dot]}\n", "at_words", "not a word"),
        ("at_words: {strong: {any: [at]}}\ndot_words: {any: [at]}\n", "dot_words", "also listed"),
        ("at_words: {strong: {any: [at]}}\ndot_words: {any: [dot]}\nshortcuts: {split: {gmail: gmail}}\n",
         "shortcuts.split.gmail", "two words"),
        ("at_words: {strong: {any: [at]}}\ndot_words: {any: [dot]}\njoiner_words: {'+': {any: [plus]}}\n",
         "joiner_words", "unknown key"),
        ("at_words: {strong: {any: [at]}}\ndot_words: {any: [dot]}\njoiner_words: {'_': {any: [dot]}}\n",
         "joiner_words._", "also listed"),
        ("at_words: {strong: {any: [at]}}\ndot_words: {any: [dot]}\nshortcuts: {bare: {gml: gmail}}\n",
         "shortcuts.bare.gml", "not a full domain"),
        ("at_words: {strong: {any: [at]}\n", "line", "invalid YAML"),
    ],
)
def test_bad_pattern_files_say_file_key_and_problem(tmp_path: Path, content, key, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PatternError) as info:
        load_email_patterns(path)
    message = str(info.value)
    assert str(path) in message
    assert key in info.value.key
    assert problem in message


def test_missing_pattern_file_is_a_pattern_error(tmp_path: Path):
    with pytest.raises(PatternError, match="cannot be read"):
        load_email_patterns(tmp_path / "nope.yaml")


# ---------------------------------------------------------------------------------------------------------
# Hostile input: linear time
# ---------------------------------------------------------------------------------------------------------

MB = 1_000_000


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "text",
    [
        "a@" * (MB // 2),
        "at dot " * (MB // 7),
        "[(" * (MB // 4) + ")]" * (MB // 4),
        "[at]" * (MB // 4),
        "a " * (MB // 2) + "@ " + "b " * 1000,
        "anna at example dot " * (MB // 20),
        "x.y." * (MB // 4) + "@example.com",
        "@" + " " * MB + "!",  # what follows an "@" is looked at once, not once per space given back
        "a--at--b" * (MB // 8),
        " _at_ b" * (MB // 7),
        "«at»" * (MB // 4),
        "a-" * (MB // 2),
    ],
    ids=["a@", "at-dot", "brackets", "[at]", "spaced", "no-tld", "long-local", "at-spaces", "dashed", "underscored",
         "guillemets", "dashes"],
)
def test_hostile_input_finishes(text):
    for m in find_emails(text):
        assert m.end - m.start <= 1000


@pytest.mark.parametrize(("text", "possible", "marker"), [
    ("Available at weekends, see you soon", False, True),  # prose "at": the marker scan runs and says no
    ("Contact anna AT example DOT com", True, True),
    ("anna[at]example.com", True, True),
    ("anna arobase example point com", True, True),
    ("anna@example.com", True, True),
    ("No address here, just a price: 150 per hour", False, False),  # no at-word: the word-set test says no
    ("Chat on the app, ask for Anna", False, False),
])
def test_possible_skips_ascii_fields_without_an_at_word(text: str, possible: bool, marker: bool) -> None:
    from unveil.extract.emails import _possible, email_patterns

    pats = email_patterns()
    assert _possible(text, pats) is possible
    assert (pats.hint_re.search(text) is not None) is marker  # what the word-set test stands in for


@pytest.mark.parametrize(("text", "possible"), [
    ("Telegram @anna_vip, fast replies.", False),  # a handle: no domain after the "@"
    ("@anna_vip on telegram. Text me anytime.", False),
    ("anna@example.com", True),
    ("anna @ example . com", True),
    ("anna @ example dot com", True),
    ("anna (@) example [dot] com", True),
    ("a n n a @ g m a i l . c o m", True),
    ("anna@gml", True),
    ("anna@gmail", True),
])
def test_possible_looks_past_handles(text: str, possible: bool) -> None:
    from unveil.extract.emails import _possible, email_patterns

    assert _possible(text, email_patterns()) is possible


_PIECES = st.sampled_from([
    "anna", "a", "n", "b", "gmail", "gml", "example", "com", "co", "uk", "dot", "punkt", "at", "AT", "arobase",
    "@", "＠", ".", " . ", " ", "  ", "\n", "[", "]", "(", ")", "{", "}", "<", ">", "#", "*", "_", "-", "'",
    "é", "İ", "ä", "2", "telegram", "email:",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_possible_never_hides_an_address(text: str) -> None:
    """The cheap test says "no" only where the full scan finds nothing."""
    from unveil.extract.emails import _possible, _Scanner, email_patterns

    pats = email_patterns()
    if not _possible(text, pats):
        assert _Scanner(text, pats).scan() == []


def test_addresses_listed_with_a_glued_comma_are_both_read() -> None:
    from unveil.extract import extract_ad

    got = [e.value for e in extract_ad({"body": "anna@gmail.com,mia@gmail.com", "country": "GB"}) if e.kind == "email"]
    assert got == ["anna@gmail.com", "mia@gmail.com"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("scarlett.boston@grnail.com", ["scarlett.boston@gmail.com"]),  # OCR's "rn" for "m"
        ("Email: jolie.vip@gmaii.com", ["jolie.vip@gmail.com"]),
        ("lena@outiook.com", ["lena@outlook.com"]),
    ],
)
def test_a_providers_name_as_ocr_reads_it(text: str, expected: list[str]) -> None:
    from unveil.extract import extract_ad

    assert [e.value for e in extract_ad({"body": text, "country": "US"}) if e.kind == "email"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb for writing to someone is an email cue before a bare "at"
        ("Write to jade at example.com for bookings", ["jade@example.com"]),
        ("Scrivimi a giulia at example.com", ["giulia@example.com"]),
        ("Write to me at example.com", []),
        # a town's ending in a name before a provider preposition
        ("Écrivez-moi : chloe.paris sur gmail", ["chloe.paris@gmail.com"]),
        ("Schreib mir: lena.berlin bei gmail", ["lena.berlin@gmail.com"]),
        ("annavip.com on gmail", []),
    ],
)
def test_writing_cues_and_town_endings(text: str, expected: list[str]) -> None:
    assert [e.value for e in EmailExtractor().extract(text, "body", AdContext())] == expected


@pytest.mark.parametrize("text", ["Mein Insta ist @sophie.wien", "Mi Insta es @sophie.wien",
                                  "Insta-ul meu e @irina.bv"])
def test_a_copula_before_a_spaced_at_is_no_mailbox(text: str) -> None:
    assert emails(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gmail: mia.rose", [("mia.rose@gmail.com", "Gmail: mia.rose", True)]),
        ("Gmail:\nmia.rose", [("mia.rose@gmail.com", "Gmail:\nmia.rose", True)]),
        ("Contact: Gmail - mia.rose.", [("mia.rose@gmail.com", "Gmail - mia.rose", True)]),
        ("my gmail is lola_22", [("lola_22@gmail.com", "gmail is lola_22", True)]),
        ("Mon gmail c'est lola_22", [("lola_22@gmail.com", "gmail c'est lola_22", True)]),
        ("mia.rose (gmail)", [("mia.rose@gmail.com", "mia.rose (gmail)", True)]),
        ("iCloud: jade.k", [("jade.k@icloud.com", "iCloud: jade.k", True)]),
        ("| Gmail | mia.rose |", [("mia.rose@gmail.com", "Gmail | mia.rose", True)]),  # a table's row
        ("Gmail\tmia.rose", [("mia.rose@gmail.com", "Gmail\tmia.rose", True)]),
        ("Gmail: sexylola", [("sexylola@gmail.com", "Gmail: sexylola", True)]),
        ("mia.rose\n@gmail.com", [("mia.rose@gmail.com", "mia.rose\n@gmail.com", True)]),
        ("anna@\nyahoo.fr", [("anna@yahoo.fr", "anna@\nyahoo.fr", True)]),
        # the same address written plainly too: both places are evidence
        ("mia.rose@gmail.com or Gmail: mia.rose", [("mia.rose@gmail.com", "mia.rose@gmail.com", False),
                                                  ("mia.rose@gmail.com", "Gmail: mia.rose", True)]),
    ],
)
def test_a_providers_name_for_its_domain(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert emails(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gmail: yes",  # an answer, not a name
        "Gmail: available on request",
        "Gmail - Facebook",  # a list of apps
        "Gmail\tFacebook",
        "Text Lola (gmail)",  # a plain word before brackets
        "hotmail: mia_rose22",  # hotmail.com, hotmail.fr, hotmail.it ...: no one domain
        "Email\n@gmail.com",
        "IG\n@lola.paris",  # a handle under its platform's label
    ],
)
def test_a_providers_name_without_a_mailbox(text: str) -> None:
    assert emails(text) == []


def test_provider_label_copulas_are_checked() -> None:
    with pytest.raises(PatternError, match="label_copulas"):
        parse_email_patterns("x.yaml", {"at_words": {"strong": {"any": ["at"]}}, "dot_words": {"any": ["dot"]},
                                        "label_copulas": {"en": "is"}})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a domain spaced out letter by letter after any hidden "@", not only a spaced "@"
        ("k e l s e y . p h l (a) i c l o u d . c o m", "kelsey.phl@icloud.com"),
        ("kelsey.phl (a) i c l o u d . c o m", "kelsey.phl@icloud.com"),
        ("m i a [at] g m a i l . c o m", "mia@gmail.com"),
        ("m i a at g m x . d e", "mia@gmx.de"),
    ],
)
def test_spaced_out_domain_after_a_hidden_at(text: str, expected: str) -> None:
    assert [(v, hidden) for v, _, hidden in emails(text)] == [(expected, True)]


@pytest.mark.parametrize("text", ["meet me at a b c. Then", "I am at a b c . d e f . com", "p (a) b c d"])
def test_spaced_letters_after_at_in_prose_are_no_domain(text: str) -> None:
    assert emails(text) == []
