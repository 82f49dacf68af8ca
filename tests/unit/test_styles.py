"""Unicode "fonts" and decorations are read as the plain letters and digits they imitate, offsets kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad
from unveil.normalise.styles import plain_styles


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Hi I am 𝐌𝐢𝐚, 𝟐𝟒", "Hi I am Mia, 24"),  # mathematical bold
        ("𝓜𝓲𝓪 𝓱𝓮𝓻𝓮", "Mia here"),  # script
        ("ℭ𝔥𝔦𝔞𝔯𝔞", "Chiara"),  # fraktur, its capital C among the letterlike symbols
        ("Ｍｉａ ２４", "Mia 24"),  # full-width
        ("Ⓜⓘⓐ", "Mia"),
        ("🅼🅸🅰 🅛🅞🅛🅐", "MIA LOLA"),  # negative squared and circled: capitals only
        ("⒨⒜⒭⒤⒜", "MARIA"),  # parenthesised: one case, read as capitals
        ("ᴍɪᴀ", "MIA"),  # small capitals
        ("ᵉᵛᵃ, ³¹ jaar", "EVA, 31 jaar"),  # superscript letters, a run of superscript digits
        ("i'm 2️⃣3️⃣", "i'm 23"),  # keycaps
        ("❷❼ ans, ⓪④⑨①", "27 ans, 0491"),  # dingbat and circled digits
        ("Anna ㉔ ans, ⑩ min", "Anna 24 ans, 10 min"),  # circled numbers from 10 to 50: their two digits
        ("⒇ ⓫ ㊿", "20 11 50"),  # parenthesised, negative circled
        ("𝐋𝐞́𝐚", "Léa"),  # an accent typed as a mark over a styled letter
        ("Sofi\u0301a", "Sofía"),  # ... or over a plain one
        ("C̲i̲a̲r̲a̲", "Ciara"),  # underline marks compose with nothing: dropped
        ("m̶a̶r̶i̶a̶n̶a̶", "mariana"),  # strike-through
        ("🇭 🇴 🇱 🇱 🇾", "HOLLY"),  # regional indicator letters kept apart
        ("🇸\u200b🇨\u200b🇦\u200b🇷\u200b🇱\u200b🇪\u200b🇹\u200b🇹", "SCARLETT"),
        ("Dеniѕa", "Denisa"),  # Cyrillic look-alikes inside a Latin word
        ("B★e★l★l★a", "Bella"),  # a symbol between every letter
        ("m❤️i❤️a", "mia"),
        ("Mi\u200ba", "Mia"),  # invisible characters inside a word
        ("Anna\u00adMaria", "AnnaMaria"),
        # the emoji variation selector, direction marks and invisible operators inside words and numbers, and
        # the selector after a word's last letter
        ("I'm Lu\ufe0fna\ufe0f ✨", "I'm Luna ✨"),
        ("2\ufe0f8 jaar, 1\ufe0f5\ufe0f0\ufe0f €", "28 jaar, 150 €"),
        ("Age 2\u20638, Ana\u200eis", "Age 28, Anais"),
        # marks and invisible characters on an address's "." and "_"
        ("w̲w̲w̲.̲s̲o̲f̲i̲a̲-̲m̲a̲d̲r̲i̲d̲.̲e̲s̲", "www.sofia-madrid.es"),
        ("l̶e̶x̶i̶_̶v̶i̶p̶", "lexi_vip"),
        ("www.\u00adgiulia\u00adroma.it", "www.giuliaroma.it"),
        # a full-width hyphen joins a name; the full-width dots are the URL reader's
        ("ｌｏｌａ－ｌｏｎｄｏｎ．ｃｏ．ｕｋ", "lola-london．co．uk"),
        ("je m'appelle C H L O É, 27 ans", "je m'appelle CHLOÉ, 27 ans"),  # capitals spaced apart
        ("T O N I G H T  O N L Y", "TONIGHT  ONLY"),  # two spaces part words
    ],
)
def test_styled_text_reads_plain(text: str, plain: str) -> None:
    nt = plain_styles(text)
    assert nt is not None
    assert nt.text == plain


@pytest.mark.parametrize(
    "text",
    [
        "plain ASCII text 24",
        "Size 45 m², x₂",  # a superscript digit alone is a unit
        "1º andar, 2ª vez",  # ordinal indicators
        "Москва, Київ, Αθήνα",  # whole words of other scripts
        "Call me 🇬🇧 +44 20 7946 0123",  # two regional indicators side by side: a flag
        "Café Zoë",  # precomposed accents
        "Nº 5 ™",  # compatibility forms of more than one character
        "lena.k ⓐ gmail.com",  # a circled "a" alone is an "@" for the email extractor
        "hello ＠ mail",  # full-width punctuation is the contact extractors' business
        "Hearts ❤️ and stars ★ ★",  # symbols not between single letters
        "Call ☎️ now",  # an emoji's variation selector
        "Email: I V Y . D A L L A 2 5 @ P R O T O N . M E",  # a spaced-out address: the email extractor's
        "s a n n e . r o t t e",  # spaced lower-case letters
        "Call A B",  # two capitals
    ],
)
def test_what_is_not_styling_stays_as_written(text: str) -> None:
    nt = plain_styles(text)
    assert nt is None or nt.text == text


@pytest.mark.parametrize(
    ("text", "country", "kind", "value", "written"),
    [
        ("Hi, I'm 𝐌𝐢𝐚, 24", "US", "name", "Mia", "𝐌𝐢𝐚"),
        ("Hi I am 𝟐𝟑 years old", "US", "age", "23", "𝟐𝟑 years old"),
        ("i'm 2️⃣3️⃣ and new in town", "US", "age", "23", "2️⃣3️⃣"),
        ("Rates: 𝟐𝟎𝟎$ per hour", "US", "price", "200 USD/60min", "𝟐𝟎𝟎$ per hour"),
        ("New in 𝐁𝐨𝐬𝐭𝐨𝐧 this week", "US", "city", "Boston|US", "𝐁𝐨𝐬𝐭𝐨𝐧"),
        ("Neu in 𝗞𝗼̈𝗹𝗻, diskret", "DE", "city", "Köln|DE", "𝗞𝗼̈𝗹𝗻"),
        ("Hi lads, C̲i̲a̲r̲a̲ here, 33", "IE", "name", "Ciara", "C̲i̲a̲r̲a̲"),
        ("🇭 🇴 🇱 🇱 🇾, 26, Bristol", "GB", "name", "Holly", "🇭 🇴 🇱 🇱 🇾"),
        ("Relaxing massage by B★e★l★l★a", "US", "name", "Bella", "B★e★l★l★a"),
        ("Homepage: n♡e♡l♡e♡.♡c♡o♡m", "DE", "url", "nele.com", "n♡e♡l♡e♡.♡c♡o♡m"),
        ("25 years old, located in D A L L A S", "US", "city", "Dallas|US", "D A L L A S"),
        ("Email: I V Y . D A L L A 2 5 @ P R O T O N . M E", "US", "email", "ivy.dalla25@proton.me",
         "I V Y . D A L L A 2 5 @ P R O T O N . M E"),
        ("🅛🅤🅒í🅐 | Barcelona", "ES", "name", "Lucía", "🅛🅤🅒í🅐"),  # styled capitals around a plain accent
        ("Hi I'm 『𝐄𝐦𝐦𝐚』, 【𝟑𝟐】, sensual massage", "CA", "age", "32", "𝟑𝟐"),
    ],
)
def test_entities_in_styled_text_point_at_the_stored_text(text: str, country: str, kind: str, value: str,
                                                          written: str) -> None:
    found = [e for e in extract_ad({"body": text, "country": country}) if e.kind == kind]
    assert [(e.value, e.text) for e in found] == [(value, written)]
    for e in found:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Call 𝟕𝟎𝟐 555 0147 now", "phone"),
        ("Call ７０２ ５５５ ０１４７", "phone"),
        ("Call (3★1★2) 5★5★5-0★1★6★6", "phone"),
        ("mail 𝐦𝐢𝐚@𝐠𝐦𝐚𝐢𝐥.𝐜𝐨𝐦", "email"),
        ("see 𝐦𝐢𝐚𝐯𝐢𝐩.𝐜𝐨𝐦 now", "url"),
    ],
)
def test_a_styled_contact_is_marked_obfuscated(text: str, kind: str) -> None:
    [found] = [e for e in extract_ad({"body": text, "country": "US"}) if e.kind == kind]
    assert found.attrs["obfuscated"] is True


def test_a_plain_contact_next_to_styled_text_is_not_obfuscated() -> None:
    [ph] = [e for e in extract_ad({"body": "𝐌𝐢𝐚 here, call 702 555 0147", "country": "US"}) if e.kind == "phone"]
    assert ph.attrs["obfuscated"] is False


_PIECES = st.sampled_from(["𝐌", "𝐢", "𝟐", "Ⓜ", "ⓐ", "🅼", "ᴍ", "ᵉ", "³", "¹", "2️⃣", "\u0301", "\u0332", "🇭", "🇬🇧",
                           "\u200b", " ", "е", "ѕ", "★", "❤️", "a", "B", "7", ".", "@", "-", "Ж", "Ｍ", "\u00ad"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_every_plain_character_maps_inside_the_stored_text(text: str) -> None:
    nt = plain_styles(text)
    if nt is not None:
        assert len(nt.text) <= len(text)
        for i in range(len(nt.text)):
            assert 0 <= nt.starts[i] < nt.ends[i] <= len(text)
            assert i == 0 or nt.starts[i] >= nt.ends[i - 1]  # in order, never overlapping
    for e in extract_ad({"body": text, "country": "GB"}):
        assert text[e.start : e.end] == e.text


@pytest.mark.timeout(30)
@pytest.mark.parametrize("unit", ["𝐌", "a\u0332", "\u0332", "🇭 ", "a★", "★", "a\u200b", "\u200b", "Lе", "е", "2️⃣",
                                  "³", "a\u0301\u0302\u0303", "A ", "AB "])
def test_a_megabyte_of_styling_finishes(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    nt = plain_styles(text)
    assert nt is None or len(nt.text) <= len(text)


def test_roman_numerals_and_fractions_stay_as_written() -> None:
    assert plain_styles("Ⅻ ½ ⅓") is None
