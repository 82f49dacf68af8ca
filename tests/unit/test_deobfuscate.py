"""Table-driven tests for the de-obfuscation front end (unveil.normalise.deobfuscate).

The cases are written the way posters write them in real ads (the shapes come from
shared/research/field.md, "Obfuscation seen in real ads"); the numbers are made up.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.normalise import deobfuscate as deob
from unveil.normalise.deobfuscate import deobfuscate_digits, digit_spans, fold_text
from unveil.normalise.numwords import Lexicon, lexicon
from unveil.normalise.offsets import NormalisedText


@pytest.fixture(autouse=True)
def _strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Surface internal errors instead of the production fallback (unchanged text)."""
    monkeypatch.setattr(deob, "RAISE_INTERNAL_ERRORS", True)


def check_offsets(nt: NormalisedText) -> None:
    """Every output char maps to a non-empty source span; spans never go backwards."""
    assert len(nt.starts) == len(nt.ends) == len(nt.text)
    prev_start, prev_end = 0, 0
    for i in range(len(nt.text)):
        s, e = nt.starts[i], nt.ends[i]
        assert 0 <= s < e <= len(nt.original), (i, s, e)
        assert s >= prev_start and e >= prev_end, (i, s, e, prev_start, prev_end)
        prev_start, prev_end = s, e


def numbers(text: str, lang: str | None = None) -> list[str]:
    nt = deobfuscate_digits(text, lang)
    return [nt.text[s:e] for s, e, _ in digit_spans(nt)]


# ---------------------------------------------------------------------------------------------------------
# Per-language cases: (lang, ad text, expected de-obfuscated text)
# ---------------------------------------------------------------------------------------------------------

LANG_CASES: list[tuple[str, str, str]] = [
    # English
    ("en", "Call me: zero seven seven double oh nine oh oh one two three", "Call me: 07700900123"),
    ("en", "txt 07 seven 7 00 nine hundred 123", "txt 077700900123"),
    ("en", "SEVEN SEVEN ZERO ZERO 900123 new in town", "7700900123 new in town"),
    ("en", "my number is f1ve f1ve f1ve tw0 0ne n1ne eight", "my number is 5552198"),
    ("en", "4four4 555 0one00", "4445550100"),
    ("en", "sevn sevn 0 fiv 9oo 123", "7705900123"),
    ("en", "triple seven 8 double 0 nine", "7778009"),
    ("en", "call two o two five five five o one o o", "call 2025550100"),
    ("en", "twenty six seventy seven hundred", "267700"),
    # Digits read out one by one after "nine hundred" follow 900; "nine hundred one" alone is 901.
    ("en", "07700 nine hundred one two three", "07700900123"),
    ("en", "room nine hundred one", "room 901"),
    ("fr", "neuf cent un deux trois", "900123"),
    ("en", "0 7seven hundred nine hundred three eight5", "07700900385"),
    # Leet in weak words and in two-word numbers: "n3uf" is no longer "new", "quatre-v1ngt" is 80.
    ("fr", "z3ro s1x tr3nte-n3uf quatre-v1ngt-d1x-hu1t d0uze tr3nte-quatre", "0639981234"),
    # "4" for "a" too
    ("it", "tr3 un0 du3 - tr3 qu4ttro c1nque - s3i s3tte tr3dici", "3123456713"),
    ("pt", "n0ve 1 d0is tr3s qu4tro c1nco s3is um d0is", "912345612"),
    ("fr", "un café neuf", "un café neuf"),
    ("ro", "zero zero patru patru douăzeci șaptezeci și nouă patruzeci și șase zero o sută șaizeci și nouă",
     "00442079460169"),  # "o sută" is one hundred
    ("en", "ring on 0seven7OO900one23 xx", "ring on 07700900123 xx"),
    ("en", "whats app: oh 7 7 double oh 9oo one2three", "whats app: 07700900123"),
    ("en", "eigth eigth 0 one two th0usand", "88012000"),  # "two thousand" is 2000
    ("en", "for80 2sixseven one9zerofor", "4802671904"),
    # French
    (
        "fr",
        "appelle-moi au zéro six douze trente-quatre cinquante-six soixante-dix-huit",
        "appelle-moi au 0612345678",
    ),
    ("fr", "06 vingt-six 33 quatre-vingt-dix-neuf 12", "0626339912"),
    ("fr", "zero six 12 34 56 soixante-dix", "0612345670"),
    ("fr", "ZÉRO SEPT quatre-vingts 12 34 56", "0780123456"),
    ("fr", "mon num: 0six 1deux 34 cinq6 78", "mon num: 0612345678"),
    ("fr", "zéro six un deux trois quatre cinq six sept huit", "0612345678"),
    ("fr", "zero six, vingt et un, trente deux, quarante trois, cinquante quatre", "0621324354"),
    ("fr", "tel zéro six dix-sept dix-huit dix-neuf onze", "tel 0617181911"),
    ("fr", "zéro six soixante et onze 12 34 56", "0671123456"),
    # Spanish
    ("es", "llámame al seis cero cero uno dos tres cuatro cinco seis", "llámame al 600123456"),
    ("es", "6 doce treinta y cuatro cincuenta y seis", "6123456"),
    ("es", "seis uno dos, tres cuatro cinco, seis siete ocho", "612345678"),
    ("es", "whatsapp: 6seis6 123 cuatrocientos cincuenta y seis", "whatsapp: 666123456"),
    ("es", "mi numero es seis veintidós treinta y tres cuarenta y cuatro", "mi numero es 6223344"),
    ("es", "SEIS CERO CERO 123 456", "600123456"),
    ("es", "sinco sinco sinco sero uno", "55501"),  # misspelt as heard
    ("it", "dicianove diciasette quatordici", "191714"),
    ("fr", "zéro un cinqe trente-cinqe", "01535"),
    ("es", "nueve uno dos tres cuatro cinco seis siete ocho", "912345678"),
    ("es", "seis cien 12 34 dieciséis", "600123416"),
    ("es", "cero seis veintiséis 55 66", "0626 55 66".replace(" ", "")),
    # German
    ("de", "ruf an: null eins sieben sechs zwei drei vier fünf sechs sieben acht", "ruf an: 01762345678"),
    ("de", "0170 sieben sechsundzwanzig achtunddreißig neunzehn", "01707263819"),
    ("de", "null-eins-sieben-null 1234567", "01701234567"),
    ("de", "NULL EINS SIEBEN 12 34 567", "0171234567"),
    ("de", "Tel: 0 1 sieben 6 zwo 3 vier 5 6", "Tel: 017623456"),
    ("de", "null eins fuenf zwei zwoelf dreissig", "01521230"),
    ("de", "0176 dreihundert zweiundvierzig 99", "017634299"),
    ("de", "null einhundertsiebzig 1234567", "01701234567"),
    # Italian
    ("it", "chiamami al tre tre tre uno due tre quattro cinque sei sette", "chiamami al 3331234567"),
    ("it", "3 ventisei 45 sessantotto 99", "326456899"),
    ("it", "TRE QUATTRO SETTE 1234567", "3471234567"),
    ("it", "zero sei trentuno quarantotto 12", "06314812"),
    ("it", "zero sette otto due 12345", "078212345"),
    # Dutch
    ("nl", "bel me: nul zes een twee drie vier vijf zes zeven acht", "bel me: 0612345678"),
    ("nl", "06 zesentwintig drieëndertig 12 34", "0626331234"),
    ("nl", "NUL ZES 12345678", "0612345678"),
    ("nl", "nul zes vierentwintig achtentachtig 1 2 3 4", "0624881234"),
    # Portuguese
    ("pt", "liga para nove um dois três quatro cinco seis sete oito", "liga para 912345678"),
    ("pt", "9 vinte e seis 33 quarenta e quatro 55", "926334455"),
    ("pt", "zap: nove meia meia 1234 5678", "zap: 96612345678"),
    ("pt", "NOVE NOVE UM DOIS 345678", "9912345678"),
    # Romanian
    ("ro", "sună-mă: zero șapte doi doi unu doi trei patru cinci șase", "sună-mă: 0722123456"),
    ("ro", "07 douăzeci și doi 33 44 55", "0722334455"),
    ("ro", "ZERO SAPTE 22 333 444", "0722333444"),
    ("ro", "zero sapte doisprezece treizeci si unu 456", "071231456"),
    ("ro", "zerou șapte 12 345 678", "0712345678"),
    # Polish
    ("pl", "zadzwoń: pięć zero jeden dwa trzy cztery pięć sześć siedem", "zadzwoń: 501234567"),
    ("pl", "500 dwadzieścia sześć trzydzieści 12", "500263012"),
    ("pl", "PIĘĆ ZERO ZERO 123 456", "500123456"),
    ("pl", "pięćset sto dwadzieścia trzy 456", "500123456"),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), LANG_CASES, ids=[f"{c[0]}-{c[1][:30]}" for c in LANG_CASES]
)
def test_language_cases(lang: str, text: str, expected: str) -> None:
    nt = deobfuscate_digits(text, lang)
    assert nt.text == expected
    check_offsets(nt)


@pytest.mark.parametrize(
    ("lang", "text", "expected"), LANG_CASES, ids=[f"{c[0]}-{c[1][:30]}" for c in LANG_CASES]
)
def test_language_hint_is_optional(lang: str, text: str, expected: str) -> None:
    """All languages are tried regardless of the hint (ads mix languages)."""
    assert deobfuscate_digits(text).text == expected
    assert deobfuscate_digits(text, "xx").text == expected


def test_minimum_case_counts_per_language() -> None:
    counts = {lang: sum(1 for c in LANG_CASES if c[0] == lang) for lang in {c[0] for c in LANG_CASES}}
    for lang in ("en", "fr", "es", "de"):
        assert counts[lang] >= 8, lang
    for lang in ("it", "nl", "pt", "ro", "pl"):
        assert counts[lang] >= 4, lang


# ---------------------------------------------------------------------------------------------------------
# The examples from the module brief
# ---------------------------------------------------------------------------------------------------------

# Standalone compounds such as "twenty six" stay words (an age!): they need numeric context, so each
# example is embedded in a phone-like run.
EXAMPLES: list[tuple[str, str]] = [
    ("07 twenty six 55", "072655"),
    ("06 vingt-six 55", "062655"),
    ("06 soixante-dix 55", "067055"),
    ("06 quatre-vingt-dix-neuf 55", "069955"),
    ("0170 sechsundzwanzig 55", "01702655"),
    ("6 veintiséis 55", "62655"),
    ("3 ventisei 55", "32655"),
    ("06 zesentwintig 55", "062655"),
    ("07700 seven hundred", "07700700"),
    ("call 07 double five triple 0", "call 0755000"),
    ("zero zéro cero 0", "0000"),
    ("null nul zerou 0", "0000"),
    ("seven7oo", "7700"),
    ("for80 2sixseven one9zerofor", "4802671904"),
    ("f1ve th0usand", "5000"),
    ("tw0 n1ne", "29"),
    ("sevn fiv eigth 1", "7581"),
    ("O7700 9OO123", "07700900123"),
    ("o7 7oo", "07700"),
    ("*219~*851~33**77", "2198513377"),
    ("0 7 . 7 0", "0770"),
    ("[9][0][4]", "904"),
    ("(202) 555-0100", "2025550100"),
    ("{5}{5}{5}", "555"),
    ("+44 7700 900123", "+447700900123"),
    ("call +44 (0) 7700-900-123 now", "call +4407700900123 now"),
    ("O7|OO 9OO123", "07100900123"),
    ("0 7 7 O O 9 O O 1 2 3", "07700900123"),
    ("Зl2-555-0l88", "3125550188"),  # Cyrillic Ze for 3
    # a capital Z for 2 and B for 8 after a digit of their token; a group of letters between two groups
    ("O6 l2 34 S6 7B", "0612345678"),
    ("3lZ 34S 67B9", "3123456789"),
    ("4l6 SSS Ol23", "4165550123"),
    # hundreds then a unit before a comma: the comma ends the number (702, not 700 then 2 read with the next)
    ("seven hundred two, five five five, zero one four three", "7025550143"),
    ("nine hundred one two three", "900123"),
    # "!" for "i" inside a word, read as the letter and copied as written around the number
    ("two oh two f!ve f!ve f!ve zero one n!ne s!x now!", "2025550196 now!"),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_brief_examples(text: str, expected: str) -> None:
    nt = deobfuscate_digits(text)
    assert nt.text == expected
    check_offsets(nt)


# ---------------------------------------------------------------------------------------------------------
# Text that must come back unchanged
# ---------------------------------------------------------------------------------------------------------

UNCHANGED = [
    "150€",
    "CIF B12345678",  # an identifier's letter at the start of its token
    "NIE Z1234567X",
    "22:30",
    "I am",
    "I am here",
    "hello",
    "Oslo",
    "Rio",
    "one of the best",
    "I'm twenty six years old",
    "twenty six",
    "seven hundred",
    "double five",
    "2 for 1 deal",
    "two for one deal",
    "12 sept 2024",
    "très très très belle",
    "un dos tres",
    "eine schöne Frau",
    "una chica",
    "once upon a time",
    "oil massage",
    "I love you",
    "vingt-six ans",
    "sechsundzwanzig Jahre",
    "veintiséis años",
    "ventisei anni",
    "zesentwintig jaar",
    "lol",
    "Hello, I'm Olivia",
    "No deposit, no fuss",
    "call 0770 or 0771",
    "150 GBP 07700900123",
    "Trent",
    "otto e mezzo",
    "seven days a week",
    "oh my god",
    "I o u",
    "Room 12 one night",
    "top ten girls",
    "single one",
    "Xoxo",
    "l8r",
    "I 07700900123",
    "o 912345678",
    "07700900123 07700900456",
    "0612345678, 0698765432",
    "call (07700900123)",
    "new in town!!!",
    "",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_unchanged(text: str) -> None:
    nt = deobfuscate_digits(text)
    assert nt.text == text
    check_offsets(nt)


def test_cyrillic_ze_in_words_stays_a_letter() -> None:
    nt = deobfuscate_digits("Здравей, обади се на Зоя 22")  # look-alike letters fold, but no digit appears
    assert "3" not in nt.text and nt.text.endswith(" 22")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("un 06 12 34", "un 061234"),  # French article "un", not a one
        ("ligue para o 912 345 678", "ligue para o 912345678"),  # Portuguese article "o", not a zero
        ("available 24/7 for you", "available 247 for you"),  # slash is a separator, "for" stays a word
        ("I 07700 900 123", "I 07700900123"),  # the pronoun stays
        ("call 07700 900 123 for 2 hours", "call 07700900123 for 2 hours"),
        ("seven seven zero zero nine I love you", "77009 I love you"),
        ("ligue para o nove um dois três", "ligue para o 9123"),
        # a weak word ends a number only where the number spells other digits as words and the line ends
        ("+44 20 7946 0 três 6 um beijo", "+44207946036 um beijo"),
        ("call 555 0123 um", "call 5550123 um"),
    ],
)
def test_articles_and_pronouns_next_to_numbers_stay_words(text: str, expected: str) -> None:
    assert deobfuscate_digits(text).text == expected


def test_numbers_separated_by_words_or_gaps_stay_apart() -> None:
    assert numbers("call 0770 or 0771") == ["0770", "0771"]
    assert numbers("150 GBP 07700900123") == ["150", "07700900123"]
    assert numbers("0770\n0771") == ["0770", "0771"]
    assert numbers("0770   0771") == ["0770", "0771"]
    assert numbers("07700900123 07700900456") == ["07700900123", "07700900456"]
    assert numbers("+447700900123 +447700900456") == ["+447700900123", "+447700900456"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two\nzero\ntwo\nfive\nfive\nfive", "202555"),
        ("Call me two\nzero two\nfive five five", "Call me 202555"),
        ("two\n\nzero\n\nseven\n\nseven", "2077"),  # a blank line between the words
        ("2 zero 2\r\n555", "202555"),
        ("one two\nthree", "123"),
    ],
)
def test_a_number_written_one_word_per_line_is_one_run(text: str, expected: str) -> None:
    nt = deobfuscate_digits(text, "en")
    assert nt.text == expected
    check_offsets(nt)


@pytest.mark.parametrize(
    "text",
    [
        "Age\ntwenty\nfive",  # two lines of words and a label: too few votes
        "I am twenty\nfive",  # words before the first line of a two-line block
        "150\n200\n300",  # a column of plain figures: left to the phone extractor
        "Rates\none hour\ntwo hundred",  # a word on each line that is no number
        "seven\n\n\nzero\n\n\nseven",  # two blank lines end the block
    ],
)
def test_lines_that_are_not_one_number_stay_apart(text: str) -> None:
    assert deobfuscate_digits(text, "en").text == text


def test_trailing_separator_is_kept() -> None:
    assert deobfuscate_digits("call 0770 900 123. Thanks").text == "call 0770900123. Thanks"
    assert deobfuscate_digits("07700-900-123, xx").text == "07700900123, xx"


def test_other_text_is_untouched_around_numbers() -> None:
    text = "Hi gents, Sasha here! call me: zero seven seven double oh 900 one two three (no texts)"
    nt = deobfuscate_digits(text)
    assert nt.text == "Hi gents, Sasha here! call me: 07700900123 (no texts)"


# ---------------------------------------------------------------------------------------------------------
# Offsets and the obfuscated flag
# ---------------------------------------------------------------------------------------------------------


def test_number_word_maps_to_all_its_letters() -> None:
    text = "ring zero seven seven 00 900 123"
    nt = deobfuscate_digits(text)
    assert nt.text == "ring 07700900123"
    assert text[nt.starts[5] : nt.ends[5]] == "zero"
    assert text[nt.starts[6] : nt.ends[6]] == "seven"


def test_double_maps_both_digits_to_the_phrase() -> None:
    text = "07 double five 123"
    nt = deobfuscate_digits(text)
    assert nt.text == "0755123"
    for i in (2, 3):
        assert text[nt.starts[i] : nt.ends[i]] == "double five"


def test_digit_run_maps_to_exact_original() -> None:
    text = "Call me on *219~*851~33**77 xx"
    nt = deobfuscate_digits(text)
    [(s, e, obf)] = digit_spans(nt)
    a, z = nt.to_original(s, e)
    assert text[a:z] == "219~*851~33**77"
    assert obf


@pytest.mark.parametrize(
    ("text", "number", "source", "obfuscated"),
    [
        ("call 07700 900123 now", "07700900123", "07700 900123", False),
        ("(202) 555-0100", "2025550100", "202) 555-0100", False),
        ("tel +44 7700 900123", "+447700900123", "+44 7700 900123", False),
        ("tel 07700\u00a0900123", "07700900123", "07700\u00a0900123", False),
        ("seven seven 0 0 900123", "7700900123", "seven seven 0 0 900123", True),
        ("O7700 900123", "07700900123", "O7700 900123", True),
        ("[0][7][7][0][0] 900123", "07700900123", "0][7][7][0][0] 900123", True),
        ("０７７００ ９００１２３", "07700900123", "０７７００ ９００１２３", True),
        ("07\u200b700900123", "07700900123", "07\u200b700900123", True),
        ("0️⃣7️⃣7️⃣0️⃣0️⃣900123", "07700900123", "0️⃣7️⃣7️⃣0️⃣0️⃣900123", True),
        ("٠٧٧٠٠٩٠٠١٢٣", "07700900123", "٠٧٧٠٠٩٠٠١٢٣", True),
    ],
)
def test_digit_spans(text: str, number: str, source: str, obfuscated: bool) -> None:
    nt = deobfuscate_digits(text)
    spans = digit_spans(nt)
    assert [(nt.text[s:e], o) for s, e, o in spans] == [(number, obfuscated)]
    s, e, _ = spans[0]
    a, z = nt.to_original(s, e)
    assert text[a:z] == source


def test_digit_spans_on_plain_text() -> None:
    assert digit_spans(deobfuscate_digits("no numbers here")) == []
    nt = deobfuscate_digits("price 150€, 22:30")
    assert [(nt.text[s:e], o) for s, e, o in digit_spans(nt)] == [
        ("150", False),
        ("22", False),
        ("30", False),
    ]


# ---------------------------------------------------------------------------------------------------------
# fold_text
# ---------------------------------------------------------------------------------------------------------

FOLD_CASES = [
    ("ＡＢＣ０１２", "ABC012"),  # full-width
    ("саll mе", "call me"),  # Cyrillic а, е
    ("Οslo", "Oslo"),  # Greek Omicron for a Latin O
    # a whole word of another script, with a letter that has no Latin twin (Gamma, "л"), is a word of its
    # own language and stays as written; made only of look-alikes, it is folded
    ("Οslo ΑΒΓ", "Oslo ΑΒΓ"),
    ("ноль один", "ноль один"),
    ("ХОХО", "XOXO"),  # Cyrillic
    ("٠١٢٣٤٥٦٧٨٩", "0123456789"),  # Arabic-Indic
    ("۰۱۲۳", "0123"),  # Extended Arabic-Indic (Persian)
    ("०१२३४५६७८९", "0123456789"),  # Devanagari
    ("০১২৩", "0123"),  # Bengali
    ("𝟎𝟏𝟐𝟑𝟗", "01239"),  # mathematical bold digits
    ("𝐬𝐞𝐯𝐞𝐧", "seven"),  # mathematical bold letters
    ("0️⃣7️⃣", "07"),  # keycaps with VS16
    ("0⃣7⃣", "07"),  # keycaps without VS16
    ("🔟", "10"),
    ("①②③", "123"),
    ("⑴⑵", "12"),
    ("➀➁➂", "123"),
    ("❶❷", "12"),
    ("⓪⑩⑳", "01020"),
    ("07\u200b7\u200c0\u200d0\u2060x\ufeff", "07700x"),  # zero-width characters
    ("se\u00advem", "sevem"),  # soft hyphen
    ("Case KEPT", "Case KEPT"),
    ("e\u0301", "é"),  # composed
]


@pytest.mark.parametrize(("text", "expected"), FOLD_CASES)
def test_fold_text(text: str, expected: str) -> None:
    nt = fold_text(text)
    assert nt.text == expected
    check_offsets(nt)


def test_fold_maps_keycap_to_whole_sequence() -> None:
    text = "a7\ufe0f\u20e3b"
    nt = fold_text(text)
    assert nt.text == "a7b"
    assert text[nt.starts[1] : nt.ends[1]] == "7\ufe0f\u20e3"


def test_fold_every_unicode_decimal_digit() -> None:
    digits = [
        chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) == "Nd"
    ]
    nt = fold_text("".join(digits))
    assert nt.text == "".join(str(unicodedata.decimal(d)) for d in digits)
    check_offsets(nt)


def test_fold_ascii_is_identity() -> None:
    text = "Plain ASCII text, 0770 900 123 -- no change!"
    nt = fold_text(text)
    assert nt.text == text
    assert list(nt.starts) == list(range(len(text)))


# ---------------------------------------------------------------------------------------------------------
# Robustness: never raises, stays linear
# ---------------------------------------------------------------------------------------------------------

NASTY = [
    "\ud800",
    "\udfff\ud800abc",
    "\x00\x00seven\x00seven\x00seven",
    "\u0301\u0301\u0301",
    "a" + "\u0301" * 1000,
    "\u20e3\ufe0f",
    "|||o|||",
    "+",
    "++++0++++",
    "((((((",
    "0" * 5000,
    "double",
    "double double double",
    "and and and",
    "seven and",
    "und zwanzig",
    "quatre",
    "o",
    "\U0010ffff\U000e0001",
    "\u202e0770\u202c",
]


@pytest.mark.parametrize("text", NASTY)
def test_never_raises(text: str) -> None:
    nt = deobfuscate_digits(text)
    check_offsets(nt)
    digit_spans(nt)
    check_offsets(fold_text(text))


@pytest.mark.timeout(60)
def test_linear_on_one_megabyte_of_digits_and_separators() -> None:
    import random

    rng = random.Random(7)
    text = "".join(rng.choice("0123456789 .-/*~_,|+") for _ in range(1_000_000))
    nt = deobfuscate_digits(text)
    assert sum(ch.isdigit() for ch in nt.text) == sum(ch.isdigit() for ch in text)
    assert digit_spans(nt)


@pytest.mark.timeout(60)
def test_linear_on_one_megabyte_of_brackets() -> None:
    text = "[" * 1_000_000
    assert deobfuscate_digits(text).text == text


@pytest.mark.timeout(60)
def test_linear_on_repeated_number_words() -> None:
    nt = deobfuscate_digits("seven " * 100_000)
    assert set(nt.text) <= {"7", " "}
    assert nt.text.count("7") == 100_000


@pytest.mark.timeout(60)
def test_all_decimal_digits_at_once() -> None:
    digits = "".join(
        chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) == "Nd"
    )
    nt = deobfuscate_digits(digits)
    [(s, e, obf)] = digit_spans(nt)
    assert (s, e, obf) == (0, len(digits), True)


@pytest.mark.timeout(60)
def test_linear_on_pathological_tokens() -> None:
    for text in ("1|o" * 30_000, "o " * 100_000, "1a" * 100_000, "a" + "\u0301\u0316" * 50_000):
        check_offsets(deobfuscate_digits(text))


# ---------------------------------------------------------------------------------------------------------
# The lexicon
# ---------------------------------------------------------------------------------------------------------


def test_lexicon_is_loaded_once() -> None:
    assert lexicon() is lexicon()


def test_lexicon_covers_all_languages() -> None:
    lex = lexicon()
    for lang in ("en", "fr", "es", "de", "it", "nl", "pt", "ro", "pl"):
        assert lang in lex.order
    for word in (
        "seven",
        "zéro",
        "ZERO",
        "cero",
        "null",
        "nul",
        "zerou",
        "șapte",
        "sapte",
        "dziewięć",
        "f1ve",
    ):
        assert lex.is_number_word(word), word
    for word in ("hello", "oslo", "rio", "best"):
        assert not lex.is_number_word(word), word


def test_a_language_can_be_added_without_code() -> None:
    lex = Lexicon(
        {
            "default_order": ["xx"],
            "languages": {
                "xx": {
                    "numbers": {0: ["nolla"], 7: ["seitsemän"], 20: ["kaksikymmentä"]},
                    "weak": [],
                }
            },
        }
    )
    pieces = lex.segment("nollaseitsemän")
    assert pieces is not None
    assert [(p.value, p.text) for p in pieces] == [(0, "nolla"), (7, "seitseman")]
    assert lex.lookup("kaksikymmenta") is not None


@pytest.mark.parametrize(("text", "lang", "out"), [
    # Weak only because they are prose elsewhere: numbers in an ad declared in their own language.
    ("nove zero 0 0 3 otto.", "it", "900038."),
    ("seis cero 5 tres dos.", "es", "60532."),
    ("sieben neun 4 6 elf", "de", "794611"),
    # The same words in another language's ad, and words that are prose in their own language, stay weak.
    ("seis cero 5 tres dos.", "fr", "605 tres dos."),
    ("otto persone", "it", "otto persone"),
    ("12 sept 2024", "fr", "12 sept 2024"),
    ("12 dez 2024", "pt", "12 dez 2024"),
    ("ho due gatti e 3 cani", "it", "ho due gatti e 3 cani"),
])
def test_strong_here_words_are_numbers_in_their_own_language(text: str, lang: str, out: str) -> None:
    assert deobfuscate_digits(text, lang).text == out


def test_strong_here_is_checked_when_the_lexicon_loads() -> None:
    def lex(strong: list[str]) -> Lexicon:
        return Lexicon({"languages": {"xx": {
            "numbers": {2: ["kaksi"], 7: ["seitsemän"]}, "multipliers": {100: ["sata"]},
            "weak": ["kaksi", "sata"], "strong_here": strong}}})

    assert lex(["kaksi"]).lookup("kaksi", "xx").weak is False  # type: ignore[union-attr]
    assert lex(["kaksi"]).lookup("kaksi", "yy").weak is True  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="not one of this language's number words"):
        lex(["kolme"])
    with pytest.raises(ValueError, match="hundreds or thousands"):
        lex(["sata"])


def test_not_numbers_are_checked_when_the_lexicon_loads() -> None:
    spec = {"languages": {"xx": {"numbers": {1: ["un"], 5: ["cinq"]}}}, "substitutes": {5: ["S"]}}
    lex = Lexicon({**spec, "not_numbers": ["sun"]})
    assert lex.segment("Sun") is None
    assert lex.segment("Sun".lower()) is None
    assert Lexicon(spec).segment("Sun") is not None  # "S" for 5 and "un"
    with pytest.raises(ValueError, match="also stand for numbers"):
        Lexicon({**spec, "not_numbers": ["cinq"]})


def test_deobfuscate_digits_if_is_exact() -> None:
    from unveil.normalise.deobfuscate import deobfuscate_digits_if

    texts = [
        "Roxana - companion in London", "https://citylistings.example/gb/london/83791", "anna@example.com",
        "I am 26", "zero seven", "call 0770", "O7700", "seven seven seven", "tel07700", "1|o1|o1",
        "７７００ ９００", "7\ufe0f\u20e3 7\ufe0f\u20e3", "double five", "un deux trois", "12345", "123456",
    ]
    for text in texts:
        for need in (1, 6, 7):
            nt = deobfuscate_digits_if(text, "en", need)
            full = deobfuscate_digits(text, "en")
            if nt is None:
                assert sum(c.isdigit() for c in full.text) < need, text
            else:
                assert (nt.text, list(nt.starts), list(nt.ends)) == (full.text, list(full.starts), list(full.ends))


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"\+?[0-9]{1,30}", fullmatch=True))
def test_plain_number_shortcut_matches_the_full_rewrite(text: str) -> None:
    from unveil.normalise.deobfuscate import _deobfuscate_from_folded, deobfuscate_digits_if, fold_text

    fast = deobfuscate_digits_if(text, None, 6)
    full = _deobfuscate_from_folded(text, fold_text(text), None)
    if fast is None:
        assert sum(c.isdigit() for c in text) < 6
        return
    assert (fast.text, list(fast.starts), list(fast.ends)) == (full.text, list(full.starts), list(full.ends))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    "(" * 1_000_000 + "1 " * 500_000 + ")1",  # each bracket asked whether its partner is in the number
    "1 " * 500_000 + "(1" + ")" * 1_000_000,
])
def test_linear_on_bracket_runs_around_a_long_number(text: str) -> None:
    nt = deobfuscate_digits(text)
    assert sum(ch.isdigit() for ch in nt.text) == sum(ch.isdigit() for ch in text)


@pytest.mark.timeout(60)
def test_linear_on_many_distinct_digit_tokens_before_a_long_run() -> None:
    # "1 11 111 ... 1111...": every distinct token occurs inside the long run at almost every position.
    text = " ".join("1" * n for n in range(1, 161)) + " " + "1" * 1_000_000
    nt = deobfuscate_digits(text)
    assert nt.text.count("1") == text.count("1")


def test_one_pass_token_search_finds_what_the_per_token_searches_find(monkeypatch) -> None:
    texts = ["call 0 7 7 0 0 9 0 0 1 2 3 or seven seven 1 11 111", "O7700 9OO123 and 12 ans, 1|o1|o1",
             "zéro six 12 34 56 78 ou 06 12 34 56 78 ８９ un deux"]
    expected = [deob._numeric_token_starts(t, "en", set()) for t in texts]
    monkeypatch.setattr(deob, "_FIND_WORK", 0)
    monkeypatch.setattr(deob, "_FIND_OCCURRENCES", 0)
    assert [deob._numeric_token_starts(t, "en", set()) for t in texts] == expected
    assert all(expected)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a number word of a language outside the main ones is prose between digits in other ads: Lithuanian
        # "du" (2) is French "from"
        ("reçu à 23:41 du 01 99 00 58 32", "fr", "reçu à 23:41 du 0199005832"),
        ("le 09/03 du 01 99 00 58 32", "fr", "le 0903 du 0199005832"),
        # ... and a digit in an ad of its own language
        ("5 du 7 8 9", "lt", "52789"),
        # a weak word of a main language still is, between digits
        ("3 sei 8 5 5", "it", "36855"),
    ],
)
def test_weak_words_of_other_languages_between_digits(text: str, lang: str, expected: str) -> None:
    nt = deobfuscate_digits(text, lang)
    assert nt.text == expected
    check_offsets(nt)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Portuguese "um" (also the article) ends a number that mixes words and digits
        ("+44 20 7946 0 cinco 9 um", "pt", "+442079460591"),
        ("Mel: +44 20 7946 0 três 6 um\nLuna: x", None, "Mel: +442079460361\nLuna: x"),
        ("+44 20 7946 0 cinco 9 um.", None, "+442079460591."),
        # "três" is no prose in Portuguese: strong in a Portuguese ad at a number's end
        ("(718) 555-0 1 2 três", "pt", "7185550123"),
        ("(718) 555-0 1 2 três", None, "718555012 três"),
        # the weak word that ends the number lends to nothing after it: the next sentence's "Sei" stays prose
        ("+33~1~99~00~7 tre~2 sei. Sei libero stasera?", "it", "+33199007326. Sei libero stasera?"),
        # a spelled "plus" before a country code's word keeps the word in the number across a bracket
        ("más uno (dos uno dos) five five five - cero 1 cuatro 9", "es", "más 12125550149"),
        ("plus one (212) 555 0149", "en", "plus 12125550149"),
    ],
)
def test_weak_word_closing_a_mixed_number(text: str, lang: str | None, expected: str) -> None:
    nt = deobfuscate_digits(text, lang)
    assert nt.text == expected
    check_offsets(nt)
