"""Stated ages: digits and number words in seven languages, hard negatives, spans, hostile input."""

from __future__ import annotations

import pytest

from unveil.extract.ages import AgeExtractor, find_ages, number_words
from unveil.extract.base import AdContext

AGES = AgeExtractor()


def ages(text: str) -> list[str]:
    return [e.value for e in AGES.extract(text, "body", AdContext())]


POSITIVE = [
    # (text, expected ages, expected matched text of the first age)
    ("Jade, 19yo, new in town", ["19"], "19yo"),
    # the other languages of Europe
    ("Sladká 23letá studentka", ["23"], "23letá"),
    ("22-ročná blondínka v Trnave", ["22"], "22-ročná"),
    ("25-årig tjej från Västerås", ["25"], "25-årig"),
    ("Man ir 21 gads, studente", ["21"], "21 gads"),
    ("Kor: 27 · magasság: 168", ["27"], "27"),
    ("Godine: 29\nBeograd", ["29"], "29"),
    # decorations between the number and its unit, or between a name and its age
    ("tengo ✦ 32 ✦ años", ["32"], "32 ✦ años"),
    ("Ioana 💕 ❤29❤ ani", ["29"], "29❤ ani"),
    ("Camille (🎀30🎀 ans)", ["30"], "30🎀 ans"),
    ("Lucía, tengo ｡･:*:･ﾟ★ 36 ★ﾟ･:*:･｡ años", ["36"], "36 ★ﾟ･:*:･｡ años"),
    ("Hi I'm Naomi, 🎀28🎀, sensual massage", ["28"], "28"),
    ("★彡 Mia 彡★ 💋 ｡･:*:･ﾟ★ 21 ★ﾟ･:*:･｡", ["21"], "21"),
    ("Hey loves! Chloe here (31)", ["31"], "31"),
    ("19 y/o student", ["19"], "19 y/o"),
    ("Vârstă: 22", ["22"], "22"),
    # "and" makes a range only after "between": two women's ages before one unit
    ("Two friends, 22 and 24 years old", ["22", "24"], "22"),
    ("Somos dos amigas de 21 y 24 años", ["21", "24"], "21"),
    ("entre 21 y 24 años", [], ""),
    # digits set apart, a tens word before a digit, a dot before "y.o", "~" after a cue
    ("Fresh face 2 4 yo, college student", ["24"], "2 4 yo"),
    ("j'ai 2 5 ans, nouvelle", ["25"], "2 5 ans"),
    ("I'm twenty 4 and ready", ["24"], "twenty 4"),
    ("twenty 4 yo", ["24"], "twenty 4 yo"),
    ("I'm Kiara ~ 25.y.o ~ Columbus", ["25"], "25.y.o"),
    ("Age ~ 30", ["30"], "30"),
    # Italian "24enne", Polish "22-letnia", "23 latka", Swiss German "25 Jahr alt"
    ("Ragazza 24enne, studentessa", ["24"], "24enne"),
    ("22-letnia studentka", ["22"], "22-letnia"),
    ("Mam 23 latka, słodka brunetka", ["23"], "23 latka"),
    ("Ich bi d'Nina, 25 Jahr alt, in Basel", ["25"], "25 Jahr alt"),
    # after "here" and "!" or an emoji; after a cue, a name that is also a town of the ad's country
    ("Victoria here! 28, bubbly brunette", ["28"], "28"),
    ("Victoria here 😊 28, natural brunette", ["28"], "28"),
    ("Hi, I'm Aurora 🌙 27, petite and sweet", ["27"], "27"),
    # a duo's two personas, each with her age
    ("Mia 24 & Lola 26 - Leeds", ["24", "26"], "24"),
    ("Duo: Mia, 24 + Lola, 26", ["24", "26"], "24"),
    ("Charlotte here, 28", ["28"], "28"),  # "here": a person, though Charlotte is also a US town
    ("Hier ist Melanie, 36!", ["36"], "36"),
    ("Léa, 24 ans, 18 ans minimum pour les clients", ["24"], "24 ans"),
    ("I am 19 years old", ["19"], "19 years old"),
    ("Anna, 38 years of age", ["38"], "38 years of age"),
    ("Tereza, 24 let, Praha 2", ["24"], "24 let"),
    ("Som Zuzana, 23 rokov", ["23"], "23 rokov"),
    ("Anna vagyok, 24 éves", ["24"], "24 éves"),
    ("Ελένη, 25 ετών", ["25"], "25 ετών"),
    ("Klara, 29 år", ["29"], "29 år"),
    ("Zovem se Ivana, 24 godine", ["24"], "24 godine"),
    ("Възраст: 26", ["26"], "26"),
    # two digits in brackets after a known first name, anywhere; age/height/weight after a name
    ("Hoi, ik ben Femke (30). Prijs per uur", ["30"], "30"),
    ("Lekker ontspannen bij Mandy (31)", ["31"], "31"),
    ("Tina (24/170/58), Berlin", ["24"], "24"),
    ("Ich heiße Carina, bin 34 und nur kurz in Berlin.", ["34"], "34"),
    ("Kasia 22/165/50, Warszawa", ["22"], "22"),
    ("a 19-year-old student", ["19"], "19-year-old"),
    ("Age: 19", ["19"], "19"),
    ("AGE 24 | 5'5 | size 8", ["24"], "24"),
    ("aged 31, discreet", ["31"], "31"),
    ("I'm 22 and friendly", ["22"], "22"),
    ("I’m 22 and friendly", ["22"], "22"),
    ("Im 23 and new in town", ["23"], "23"),  # the apostrophe left out
    ("Hi I m 23", ["23"], "23"),
    ("I am 45.", ["45"], "45"),
    ("Just turned 21!!", ["21"], "21"),
    ("Hi, I'm Zoraya, 26, Brazilian", ["26"], "26"),
    ("Lena, 27 yrs old", ["27"], "27 yrs old"),
    ("seventeen years old", ["17"], "seventeen years old"),
    ("nineteen years old", ["19"], "nineteen years old"),
    ("twenty-two years old", ["22"], "twenty-two years old"),
    ("I'm twenty five", ["25"], "twenty five"),
    # French
    ("Léa, 23 ans, disponible", ["23"], "23 ans"),
    ("j'ai 19 ans", ["19"], "19 ans"),
    ("Âge : 28 ans", ["28"], "28 ans"),
    ("dix-neuf ans", ["19"], "dix-neuf ans"),
    ("vingt et un ans", ["21"], "vingt et un ans"),
    ("soixante-douze ans", ["72"], "soixante-douze ans"),
    ("quatre-vingt-dix-neuf ans", ["99"], "quatre-vingt-dix-neuf ans"),
    ("septante ans", ["70"], "septante ans"),
    ("âgée de 40 ans", ["40"], "40 ans"),
    # Spanish
    ("Chica de 19 años", ["19"], "19 años"),
    ("tengo 19", ["19"], "19"),
    ("Tengo diecinueve años", ["19"], "diecinueve años"),
    ("veintidós años", ["22"], "veintidós años"),
    ("treinta y cinco años", ["35"], "treinta y cinco años"),
    ("Edad: 33 anos", ["33"], "33 anos"),
    # German
    ("Lena, 19 Jahre", ["19"], "19 Jahre"),
    ("Ich bin 25 Jahre alt", ["25"], "25 Jahre alt"),
    ("Lena (19 J.)", ["19"], "19 J."),
    ("neunzehn Jahre", ["19"], "neunzehn Jahre"),
    ("einundzwanzig Jahre alt", ["21"], "einundzwanzig Jahre alt"),
    ("eine 22-jährige Studentin", ["22"], "22-jährige"),
    ("ich bin 30", ["30"], "30"),
    # Italian
    ("ho 19 anni", ["19"], "19 anni"),
    ("ventitré anni", ["23"], "ventitré anni"),
    ("ventotto anni", ["28"], "ventotto anni"),
    ("Età: 30 anni", ["30"], "30 anni"),
    # Dutch
    ("Sanne, 19 jaar", ["19"], "19 jaar"),
    ("tweeëntwintig jaar", ["22"], "tweeëntwintig jaar"),
    ("Ik ben 30", ["30"], "30"),
    ("een 24-jarige studente", ["24"], "24-jarige"),
    # Portuguese
    ("tenho 19 anos", ["19"], "19 anos"),
    ("vinte e dois anos", ["22"], "vinte e dois anos"),
    ("dezanove anos", ["19"], "dezanove anos"),
    # Polish and Romanian
    ("mam 22 lata", ["22"], "22 lata"),
    ("Jestem Ola, 19 lat", ["19"], "19 lat"),
    ("am 23 de ani", ["23"], "23 de ani"),
    ("Sunt Ioana, 20 de ani", ["20"], "20 de ani"),
    ("Kasia, Lat 24, Kraków", ["24"], "24"),  # "Lat" (years) before the number
    ("mam dwadzieścia dwa lata", ["22"], "dwadzieścia dwa lata"),
    ("am douăzeci și doi de ani", ["22"], "douăzeci și doi de ani"),
    # two ages
    ("Anna 23 ans et Bella 25 ans", ["23", "25"], "23 ans"),
    # a known first name opening a phrase, then the age
    ("Sandra, 22, independent", ["22"], "22"),
    ("New in town! Mia, 24 - sweet", ["24"], "24"),
    ("Hi guys, Ashley here, 25, new to Houston", ["25"], "25"),
    ("Anna 22 - new in town", ["22"], "22"),  # without the comma only at the start of the field
    ("Niamh 25 - Cork", ["25"], "25"),
    ("Lily 19 new girl", ["19"], "19"),
    ("Halifax NS 🌊 902-555-0177 🌊 Skylar, 23", ["23"], "23"),
    # a word for the poster, a comma, then the age
    ("Scottish lass, 29", ["29"], "29"),
    ("Asian beauty, 24, new pics", ["24"], "24"),
    ("Dublin 15 / Blanchardstown\nIrish girl, 31", ["31"], "31"),
    ("grad student, 24", ["24"], "24"),
    ("chica latina, 24", ["24"], "24"),
    # a listing's heading: any capitalised word at the start of a line or after a separator, then the age
    ("Memphis — Ebony 31\n901-555-0181", ["31"], "31"),
    ("Natascha, 33\nTermine ab 9 Uhr", ["33"], "33"),
    ("Dallas, 24, new in town.", ["24"], "24"),  # a town, or a persona named after one
    ("Nashville 🎸 Savannah 27\ntext me", ["27"], "27"),
    ("Angel – Graz – 24\nAngel aus Ungarn", ["24"], "24"),
    ("Kerry, 26 – Waterford city", ["26"], "26"),
    ("Natascha (33) – Berlin-Charlottenburg", ["33"], "33"),  # in brackets, between bars, on the next line
    ("Ruby|29|Boston|617.555.0172", ["29"], "29"),
    ("Kim-24-Leeds", ["24"], "24"),
    ("Savannah\n27 | Atlanta (Midtown)", ["27"], "27"),
    ("Paris 22 in Houston – Galleria area", ["22"], "22"),  # a link word, then a capitalised word
    ("Brand new!!! Tiana 21 Chicago River North", ["21"], "21"),  # a town after the number
    ("Wren\nTwenty-six, Leeds", ["26"], "Twenty-six"),  # spelled out
    ("Bogdana — thirty-two\nGalway, Salthill", ["32"], "thirty-two"),
    ("Sol\nsechsundzwanzig\nMünchen", ["26"], "sechsundzwanzig"),
]


def test_a_name_that_is_a_home_town_states_an_age_in_brackets() -> None:
    # an agency's list: a first name that is also a town of the ad's country, her age in brackets
    text = "[Disponible aujourd'hui] Nancy (38) · française · 164 cm"
    assert [e.value for e in AGES.extract(text, "body", AdContext(country="FR"))] == ["38"]
    assert [e.value for e in AGES.extract("Nancy, 38 rue Stanislas", "body", AdContext(country="FR"))] == []


@pytest.mark.parametrize(("text", "expected", "span_text"), POSITIVE)
def test_ages_found(text: str, expected: list[str], span_text: str) -> None:
    ents = list(AGES.extract(text, "body", AdContext()))
    assert [e.value for e in ents] == expected
    assert not ents or ents[0].text == span_text
    for e in ents:
        assert text[e.start:e.end] == e.text
        assert e.kind == "age" and e.field == "body"


NEGATIVE = [
    "10 let zkušeností, 3 år erfaring",  # years of experience
    "Prijímam len klientov nad 25 rokov.", "samo za gospode nad 30 let",  # clients over 25, 30
    "Drottninggatan 45, 4 tr",  # a street and its number
    "Anna 24/7 available", "Mia (2 girls)", "Anna (020) 7946 0123",
    "Agende com a recepcionista Cláudia: (11) 96123-4535",  # a Brazilian area code, not an age of 11
    # rules about clients, not the poster's age
    "18 ans minimum, pièce d'identité demandée",
    "âge minimum 18 ans",
    "interdit aux moins de 18 ans",
    "(18 ans et plus)",
    "Age 21 - 35 only",
    "hôtesses de 20 à 30 ans",  # ranges: the clients' ages
    "Clients aged 25 to 60 years",
    "Pentru domni între 30 și 60 de ani",
    "Mayores de 18 años",
    "Sito riservato ai maggiori di 18 anni. Entra | Esci",
    "Réservé aux plus de 18 ans",
    "Damen ab 21 Jahren",
    "Maiores de 18 anos",
    "tengo 10 años viviendo aquí",  # years of residence or experience
    "Experiência de 15 anos",
    # clients' ages and years of marriage or work in the other languages
    "Clientes dos 25 aos 60 anos",
    "Solo uomini sopra i 30 anni",
    "Só clientes acima de 30 anos",
    "Clientes só a partir dos 25 anos.",
    "25 jaar getrouwd geweest, nu vrij",
    "20 lat pracy w zawodzie masażystki",
    "Esperienza di 20 anni",
    "Anna, 25€",
    "Anna 24/7",
    "Ask for Anna 20 min",
    "Room with Anna, 22 rue Haute",  # the name does not open a phrase
    "Hello. Anna 22 here",  # no comma away from the start
    "Hello. Anna. 22 rue Haute",
    "Belge, 15 ans dans le métier du bien-être",  # years in the trade
    "20 años en el mundo del masaje",
    "Anna, 150 roses",
    "19 €",
    "£19 for 15 min",
    "19:30 tonight",
    "open 24/7",
    "24h service",
    "open 7 days a week",
    "Call 07700 900123",
    "12/05/2024",
    "5'6, size 10, 34B",
    "height 170cm",
    "10 years of experience",
    "I have 10 years experience",
    "for 10 years",
    "in 10 years",
    "over 20 years in the business",
    "depuis 10 ans",
    "il y a 15 ans",
    "plus de 10 ans d'expérience",
    "15 años de experiencia",
    "hace 5 años",
    "seit 5 Jahren",
    "vor 10 Jahren",
    "da 10 anni",
    "10 anni fa",
    "al 8 jaar ervaring",
    "há 12 anos",
    "I'm 5 minutes away",
    "I'm 10 minutes from the station",
    "age 18+",
    "Minimum age 21",
    "clients aged 30 and over",
    "I'm 170cm tall",
    "ages 18-25",
    "10-19 years",
    "I'm new",
    "twenty minutes",
    "Room 21, bus 19",
    "2 years",
    "100 years old",
    "anni '90",
    "pracuję od 15 lat",
    "16 lat temu",
    "experiență de 10 ani",
    "am 15 ani de experiență",
    "acum 16 ani",
    "lat 52.2297, lon 21.0122",
    "Wohnung im 23. Bezirk",  # German "im" (in the) before an ordinal
    "Termine im 23 Bezirk",
    "im 3. Stock",
    "Girl, 24/7 available",
    "Lady, 150 roses",
    "girls, 25 min away",
    "the girl, 2023",
    "Girl, 25% off today",
    "Blonde, 5'9, 120 lbs",
]


HEADING_NEGATIVES = [
    "Paris 18 | Rosa",  # a numbered district, without a comma
    "Dublin 24\nSophie",
    "Rates\nHalf 60\nHour 100",  # rate and duration words
    "Incall 40\nOutcall 50",
    "Size 38 | Room 21",
    "Mo–Sa 18–22 Uhr",
    "HH 40 | H 60",  # abbreviations in capitals
    "Adres: Handelsweg 50, 1012 AB Amsterdam",  # a street's name
    "PLZ 10115 Berlin-Mitte\nHausnummer 27, 3. OG",
    "Kleidergröße 36, BH 75B",
    "Maisonville, 38 rue Stanislas",  # the phrase goes on after the number
    "Ebony31 | Zimmer2",  # glued to the word
    "Stanza 24 – Via Roma 118 – Rimini",
    "Rates from\n40 per half hour",  # a word that ends a longer line
    "Madrid 28 de mayo",  # "de" before a month
    "Open seven days\nTwenty four hours",
    "Room\ntwenty-one",
]


def test_a_heading_age_only_where_nothing_else_states_one() -> None:
    # A profile's stats line states the age with a cue; its sizes are no ages.
    text = "Edad 29 · Talla 38 · Pie 39 · Ojos azules"
    assert ages(text) == ["29"]
    assert ages("Alter 33 · Konfektion 36 · Schuhgröße 38 · Augen braun") == ["33"]


@pytest.mark.parametrize("text", HEADING_NEGATIVES)
def test_no_heading_age(text: str) -> None:
    assert ages(text) == []


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_age(text: str) -> None:
    assert ages(text) == []


def test_words_attribute() -> None:
    [digits] = AGES.extract("19 ans", "body", AdContext())
    [spelled] = AGES.extract("dix-neuf ans", "body", AdContext())
    assert digits.attrs == {"words": False}
    assert spelled.attrs == {"words": True}


def test_minor_age_is_extracted_as_plain_fact() -> None:
    # The minor-risk rule downstream needs ages under 18 exactly as stated.
    assert ages("Age 17") == ["17"]
    assert ages("16 ans") == ["16"]


def test_identifier_fields_are_skipped() -> None:
    for field in ("url", "email", "phone"):
        assert list(AGES.extract("19 years old", field, AdContext())) == []


def test_number_word_table() -> None:
    table = number_words({"en": {"units": {1: ["one"]}, "teens": {10: ["ten"]}, "tens": {20: ["twenty"]},
                                 "compound": ["{t} {u}"]}})
    assert table == {"ten": 10, "twenty": 20, "twenty one": 21}


def test_find_ages_is_ordered() -> None:
    text = "Mia 25 ans, Lena 19 ans"
    assert [v for _, _, v, _ in find_ages(text)] == [25, 19]


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "hostile",
    [
        "1 2-3 4/5 6.7 " * 75_000,
        "Anna Berlin Paris " * 60_000,
        "I'm I'm I'm " * 90_000,
        "19 years " * 120_000,
        "vingt-" * 180_000 + "ans",
        "Anna, 22. " * 100_000,
        "Irish girl, 31, " * 60_000,
        "girl " * 200_000 + ", 31",
        "Memphis — Ebony 31 " * 60_000,
        "Wordy, 24 x" * 90_000,
        "2 4 yo twenty 4 yo 21 y 24 años " * 30_000,
        "Léa 23 ans et Inès 26 ans " * 40_000,
        "Mia ★ ★ ★ ★ ★ ★ ★ ★ ★ ★ ★ ★ 21 " * 30_000 + "★" * 100_000 + " ans",
        "| 24 " * 200_000,
        "Lexi 🍒 | 24 | Toronto\n" * 40_000,
        "|" + "🍒" * 300_000 + " 24 " + "🍒" * 300_000 + "|a|b",
        "18 ans et " * 100_000 + "+",
        "max. 40 de ani " * 70_000,
        "(12 Mar 2026 " * 80_000,
        "✨Jaide✨ 28 ✨" * 80_000,
    ],
    ids=["digits", "capitalised", "im", "ages", "number-words", "name-age", "person-age", "persons", "headings",
         "heading-like", "split-digits", "duos", "decorations", "bio-items", "bio-lines", "item-decorations",
         "and-over", "abbreviations", "dates", "emoji-headings"],
)
def test_hostile_input_is_linear(hostile: str) -> None:
    for _ in AGES.extract(hostile, "body", AdContext()):
        pass


def test_a_unit_glued_to_the_number_in_its_own_country_only() -> None:
    def ages(text: str, country: str) -> list[str]:
        return [e.value for e in AGES.extract(text, "body", AdContext(country=country))]
    assert ages("Tampereella 23v nainen", "FI") == ["23"]
    assert ages("Emma 22v, Helsinki", "FI") == ["22"]
    assert ages("Emma 22v", "CZ") == []  # "v" is "in" in Czech


def test_name_then_here_is_a_person_even_when_it_is_a_home_town() -> None:
    us = AdContext(country="US")
    assert [e.value for e in AGES.extract("Charlotte here, 28", "body", us)] == ["28"]
    assert [e.value for e in AGES.extract("Charlotte, 28th Street", "body", us)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Duo Lisa & Demi – Haarlem\n25 en 27 jaar, spontaan", ["25", "27"]),  # Dutch "en" is "and" here
        ("Duo Katya & Rosa (20 & 25) – Bristol", ["20", "25"]),
        ("We are Nadine and Katya, 26 and 38, visiting Houston", ["26", "38"]),
        ("Wij zijn Vera en Fenna, 33 en 35, deze week in Amsterdam.", ["33", "35"]),
        ("Llevo en 20 años en Madrid", []),  # "en" before a number of years is no pair
        ("Mia 24 & 7 days a week", ["24"]),
    ],
)
def test_two_womens_ages(text: str, expected: list[str]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NEW IN TOWN!! Her name is Lena and she is 23, sweet", ["23"]),
        ("Back in Boston for two days. She's 35 but looks 25", ["35"]),
        ("Text Mike to book Bella. Bella is 26, Mike is her driver.", ["26"]),
        ("I book for my girlfriend Monique who is 26.", ["26"]),
        ("Her sister is 30 and works with her on weekends.", []),  # not a known name before "is"
        ("Paris is 25 minutes away", []),
    ],
)
def test_a_third_persons_age(text: str, expected: list[str]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23 | 🇷🇴 | London 📍 | DM for rates", ["23"]),
        ("Lexi 🍒 | 24 | Toronto 📍 | txt 416-555-0123", ["24"]),
        ("✨ Sophie ✨\n22 • 🇧🇷 • Vegas\n🔗 in bio", ["22"]),
        ("Montpellier 🌊 | 33 | tél: +33 1 99 00 45 67", ["33"]),
        ("Lisboa 🇵🇹 | 25\n📲 912 345 677", ["25"]),
        ("Berlin based 🇩🇪 | 25", ["25"]),
        # rate tables, a number that numbers something else, a unit after it, two numbers in one line
        ("30 min | 45 | 60", []),
        ("Half hour | 40 | Full hour | 60", []),
        ("Floor | 12 | Room 4", []),
        ("Rates | 30 | min", []),
        ("Nice | 18 🔞 | discreet", []),
        ("Zone | 24 | 25 | 26", []),
        ("Reviews (37) · Profile views 12,483 · Bookings this month: 14", []),
    ],
)
def test_an_age_alone_as_an_item_of_a_bio_line(text: str, expected: list[str]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize("text", ["18 ans et + uniquement 🔞", "21 years + only", "18 años y + solamente"])
def test_and_over_written_with_a_plus_is_a_rule_about_clients(text: str) -> None:
    assert ages(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soy Karina, ucraniana, 28.", ["28"]),
        ("Sou a Carol, brasileira, 28, now in Manchester", ["28"]),
        ("Marina, brasileña, 24. Llámame", ["24"]),
        ("Je suis Ana, roumaine, 23 - Paris", ["23"]),
        ("Italiana, 24/7", []),  # always open, no age
    ],
)
def test_where_she_is_from_then_a_comma_and_her_age(text: str, expected: list[str]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a job's age limit, a firm's years, a range written "t/m", a date: no age
        ("Căutăm cameriste, max. 40 de ani.", []),
        ("Firma noastră e pe piață de 25 de ani. Vârsta maximă 50 ani.", []),
        ("Hostesses gezocht, leeftijd 18 t/m 30, voor club in Rotterdam.", []),
        ("Agent Maria (12 Mar 2026 14:30): we'll review within 48 hours", []),
        ("Anna, 24 mai 2026", []),
        # ... an age still
        ("o tânără de 25 de ani", ["25"]),
        ("Andreea, für dich da. 22 Jahre.", ["22"]),
        ("Lena (24) March 2026 tour", ["24"]),
        # an emoji between a heading name and the age; roses are a price
        ("✨Jaide✨ 28 yo — New in Chicago", ["28"]),
        ("Jaide ✨ 28 yo", ["28"]),
        ("London 🌹 25", []),
    ],
)
def test_age_limits_firm_years_and_dates(text: str, expected: list[str]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize("text", ["Centro de masajes en Sevilla, C/ Sierpes 20, 41004",
                                  "Palazzina C, interno 14\nCitofono 21\nMessaggi WhatsApp"])
def test_a_street_number_or_an_intercom_is_no_age(text: str) -> None:
    assert ages(text) == []


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a house number before its street, a day before its month: no age after a name
        ("Emma, 16 rue de la Paix, 2e étage", "FR", []),
        ("Amber, 14 Station Road, Reading – ring the top bell.", "GB", []),
        ("Amber, 24, Kings Road area", "GB", ["24"]),
        # another person's age stated with a verb (a third person's ad, "Elle a 25 ans", stays)
        ("Ma colocataire a 30 ans, moi 24 ans", "FR", ["24"]),
        ("Mi compañera de piso tiene 30 años", "ES", []),
        ("Elle a 25 ans", "FR", ["25"]),
        ("Sofia, 16 marzo a Bergamo", "IT", []),
        ("Léa, 14 mars à Lyon", "FR", []),
        # tram and bus lines, sizes, a decade
        ("Dojazd: Tramwaj 16, przystanek Rondo", "PL", []),
        ("Tramvaiul 16, stația Unirii", "RO", []),
        ("Mărimea 36, brunetă", "RO", []),
        ("Anna, Anfang 30, aus Köln", "DE", []),
        ("Mitte 40, reife Dame", "DE", []),
        ("Begin dertig, Amsterdam", "NL", []),
        ("Mindestalter der Gäste 25 Jahre", "DE", []),
        ("Mindestalter der Gäste: 25 Jahre", "DE", []),  # a label's colon before the rule's number
        ("Edad: 25 años", "ES", ["25"]),
        ("Alter ca. 35, aus Köln", "DE", ["35"]),  # a word for "about" between the cue and the age
        ("Age: approx. 40", "GB", ["40"]),
        ("Ik ben ongeveer 30", "NL", ["30"]),
        ("I'm about 5 minutes from the station", "GB", []),
        ("Uomini tra i 30 e i 60 anni", "IT", []),  # clients' range with its articles
        ("entre los 25 y los 40 años", "ES", []),
        # the forms they must not hide
        ("Emma, 26, Paris", "FR", ["26"]),
        ("Hübsche Lettin, 28, in Hamburg", "DE", ["28"]),  # more words for where she is from
        ("Belgische dame, 41", "BE", ["41"]),
        ("Sou a Jéssica, mineira, 25", "BR", ["25"]),
        ("Dos amigas de 21 y 24 años", "ES", ["21", "24"]),
        ("Sofia, 24 anni, Bergamo", "IT", ["24"]),
    ],
)
def test_numbers_after_a_name_that_are_no_age(text: str, country: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country=country))] == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a date's day with its dot before a month of the other languages of Europe (a false minor's age)
        ("Freja, 15. marts i Aarhus – kun få tider ledige. Alder: 29.", "DK", ["29"]),
        ("Ivana, 15. ožujka u Splitu, samo jedan dan.", "HR", []),
        ("Simona, 15. marca v Bratislave, len jeden deň.", "SK", []),
        ("Aino, 15. maaliskuuta Tampereella – vain yksi päivä.", "FI", []),
        ("Мария, 15 март във Варна.", "BG", []),
        ("Anna, 25. Mi piace Roma", "IT", ["25"]),  # a capital after the dot opens a sentence
        # a street and its number before a postcode and a town
        ("Vinohradská 25, 120 00 Praha 2. Výška 170 cm", "CZ", []),
        ("Ilica 45, 10000 Zagreb. Visina 170 cm", "HR", []),
        ("Laugavegur 22, 101 Reykjavík.", "IS", []),
        ("Natascha 33, 170 cm", "DE", ["33"]),
        # years of residence or work, clients' ages
        ("Jag bor i Linköping sedan 12 år tillbaka, är 35 år.", "SE", ["35"]),
        ("V Praze žiju už 12 let, je mi 34 let.", "CZ", ["34"]),
        ("Som Lucia, 25 rokov. Pracujem tu 10 rokov ako masérka.", "SK", ["25"]),
        ("Kokemusta 10 vuotta. Lahti.", "FI", []),
        ("Само за господа над 30 години. Аз съм Ива, 27 години.", "BG", ["27"]),
        ("Μόνο για κυρίους άνω των 30 ετών. Είμαι η Σοφία, 28 ετών", "GR", ["28"]),
        ("Pouze pro pány starší 25 let. 10 let praxe. Jsem Eliška, 29 let.", "CZ", ["29"]),
        ("Samo gospoda iznad 35 godina. Imam 28 godina.", "HR", ["28"]),
        ("Само за господу старију од 30 година. Имам 26 година.", "RS", ["26"]),
        ("Jeg er 25 år", "NO", ["25"]),
    ],
)
def test_dates_streets_and_rules_in_the_other_languages(text: str, country: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country=country))] == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # the days of a tour after a town are no ages
        ("Köln 21.–23.05., Bonn 24.–26.05. Zierliche Asiatin.", "DE", []),
        ("Lyon 25, 26 et 27 juin puis Grenoble 28 et 29 juin.", "FR", []),
        ("Madrid 22, 23 y 24 de mayo; Toledo 25 de mayo.", "ES", []),
        ("Mia 24 & 7 days a week", "GB", ["24"]),  # days are no month
    ],
)
def test_days_of_a_tour_are_no_ages(text: str, country: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country=country))] == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # Albanian, Turkish, Catalan, Basque, Maltese, Icelandic, Irish and Luxembourgish units and cues
        ("Përshëndetje, quhem Elira, jam 24 vjeç, në Tiranë.", "AL", ["24"]),
        ("Merhaba, benim adım Elif, 25 yaşındayım.", "DE", ["25"]),
        ("Yaş: 24 · Boy: 168 · Kilo: 55 · Hamburg", "DE", ["24"]),
        ("Hola, em dic Laia, tinc 24 anys i sóc a Barcelona.", "ES", ["24"]),
        ("Nire izena Maialen da, 28 urte.", "ES", ["28"]),
        ("Bonġu, jisimni Maria, għandi 25 sena.", "MT", ["25"]),
        ("Hæ, ég heiti Sigrún, 26 ára, í Reykjavík.", "IS", ["26"]),
        ("Is mise Aoife, 27 bliain d'aois.", "IE", ["27"]),
        ("Ech sinn 28 Joer al.", "LU", ["28"]),
        # ... and their clients' ages
        ("Vetëm për zotërinj mbi 30 vjeç.", "AL", []),
        ("Només senyors de més de 30 anys. Tinc 27 anys.", "ES", ["27"]),
        ("Sadece 30 yaş üstü beyler. Yaşım 28.", "DE", ["28"]),
    ],
)
def test_more_languages_of_europe(text: str, country: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country=country))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first item of a roster after a word in lower case, when the next item is a known name
        ("Vancouver escorts: meet Sakura (23), Lin (26), Hana (29). Incall", ["23", "26", "29"]),
        ("Book Size (38), Lin (26), Hana (29).", ["26", "29"]),  # not after a capitalised word
    ],
)
def test_the_first_item_of_a_roster_after_a_word(text: str, expected: list[str]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # years of living or working somewhere, the place between, are no age; with "old" they are
        ("Been in Leeds 10 years, I'm 32", ["32"]),
        ("Lived in Perth 12 years, I'm 30", ["30"]),
        ("Living in the UK 10 years", []),
        ("Based in London 25 years old", ["25"]),
    ],
)
def test_years_of_living_somewhere(text: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country="GB"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative's age after "is"; a reviewer's after a quote
        ("Hi, I'm Raven, 32. My brother Jacob is 35 and stays with me.", ["32"]),
        ("My friend Nova is 23", ["23"]),
        ("Je suis Lisa, 29 ans. Avis : « Très belle rencontre » — Thomas, 52 ans.", ["29"]),
        ('Reviews: "Lovely lady" — Peter, 48, Bath. I am Holly, 31.', ["31"]),
    ],
)
def test_relatives_and_reviewers_ages(text: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country="GB"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bio's item after a height and a weight: their units number them, not the age
        ("1m70 | 55kg | 27 | Lyon", ["27"]),
        ("165cm | 52kg | 24 | Berlin", ["24"]),
        ("Floor | 12 | Berlin", []),
    ],
)
def test_a_bio_age_after_a_height_and_a_weight(text: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country="FR"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the singular unit, as posters who write another language use it; a thing's or a firm's years
        ("Thai massage, lady 35 year. Open 10am to 10pm", ["35"]),
        ("je suis nouvelle, j'ai 23 an.", ["23"]),
        ("ho 30 anno, vivo a Napoli da 5 anni", ["30"]),
        ("10 year anniversary sale", []),
        # clients' ages with "old" or "and up", years in a trade
        ("Only gentlemans over 30 years old. I am discret lady.", []),
        ("Only gentleman 35 years and up. I am 28 years, cuban", ["28"]),
        ("I am in this business 12 years", []),
        ("Hi, Lily 25 years old", ["25"]),
    ],
)
def test_singular_units_and_clients_ages_with_old(text: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country="GB"))] == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a day before a German month, capitalised as German writes months: a date, not an age
        ("Mia, 15. März bis 20. März in Basel", "CH", []),
        ("Mia, 15. Juni in Basel", "CH", []),
        ("Freja, 15. marts", "DK", []),
        # after a full stop a capital opens a sentence: an English month that is also a word, or no month
        ("Anna, 25. May I call you?", "GB", ["25"]),
        ("Anna, 25. Neu in Berlin", "DE", ["25"]),
        # a repost log's dates: the month is no name heading an age
        ("Repost log:\n• Mar 3 – Kira 24 – Portland\n• Feb 27 – Kira 24 – Salem", "US", ["24", "24"]),
    ],
)
def test_capitalised_months_after_and_before_days(text: str, country: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country=country))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hashtags: an age with its unit glued behind "#", not a number with no unit nor a firm's years
        ("#Leeds #24yo #NewInTown", ["24"]),
        ("#25ans #Paris", ["25"]),
        ("Room #24 years old building", []),
        ("Celebrating #24years in business 🎉", []),
        # a page trail's last item
        ("Home > Ontario > Toronto > Escorts > Jade 25", ["25"]),
        ("Accueil › Paris › Escort › Chloé 24", ["24"]),
    ],
)
def test_hashtags_and_page_trails(text: str, expected: list[str]) -> None:
    assert [e.value for e in AGES.extract(text, "body", AdContext(country="GB"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an emoji between a cued name and her age, as between a heading's name and its age
        ("Hi I'm Dallas 😘 25 – new in Houston", ["25"]),
        # a rose makes it a price, and minutes no age
        ("Hi I'm Dallas 🌹 25 – new", []),
        ("I'm Dallas 😘 45 minutes away", []),
        # a relative, then "who has" or "who is" after a comma: the relative's age
        ("Locuiesc cu sora mea, care are 28 de ani. Am 23 de ani.", ["23"]),
        ("I live with my sister, who is 30 years old. I am 24.", ["24"]),
        ("Je vis avec ma sœur, qui a 30 ans. J'ai 24 ans.", ["24"]),
        ("My name is Anna, who is 24 years old", ["24"]),
    ],
)
def test_emoji_after_a_cued_name_and_a_relative_who_has(text: str, expected: list[str]) -> None:
    assert ages(text) == expected
