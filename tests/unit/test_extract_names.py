"""Persona names after cues in seven languages; adjectives, nationalities and greetings are not names."""

from __future__ import annotations

import pytest

from unveil.extract.base import AdContext
from unveil.extract.names import NameExtractor, find_names

NAMES = NameExtractor()


def names(text: str, country: str | None = None) -> list[str]:
    return [e.value for e in NAMES.extract(text, "body", AdContext(country=country))]


CASES = [
    # (text, expected names, expected cue of the first)
    ("Hi, I'm Anna", ["Anna"], "i'm"),
    ("★彡 Mia 彡★ 💋 ｡･:*:･ﾟ★ 21 ★ﾟ･:*:･｡", ["Mia"], "age"),  # decorations around the name and the age
    ("Hola chicos, soy ꧁༺ Daniela ༻꧂, tengo ✦ 32 ✦ años", ["Daniela"], "soy"),  # decorations after a cue
    ("Hallo, ich bin 『Lara』 (【35】) aus 『Leipzig』", ["Lara"], "ich bin"),
    ("Jelena iz Srbije, 25 godina", ["Jelena"], "age"),  # where she is from, between the name and the age
    ("Ms. Kandi is back 🍭 Atlanta's favorite", ["Kandi"], "ms."),  # titles
    ("Hello gentlemen, Miss Jade at your service, 33yo", ["Jade"], "miss"),
    ("ask for Ms. Lee", ["Lee"], "ms."),
    ("It's ya girl Mia 😘 back in the city", ["Mia"], "it's ya girl"),
    ("twenty-four years young\n-xo Bree", ["Bree"], "xo"),
    ("Sonja, 41, reife Lady, Bonn", ["Sonja"], "^"),  # "Lady" is no title cue: not "Bonn"
    ("Cześć! Kasia z Polski, 27 let", ["Kasia"], "age"),
    ("Jeg er 26 år gammel og hedder Freja", ["Freja"], "hedder"),
    ("Es esmu Anete, 23 gadi", ["Anete"], "es esmu"),
    ("Esu Rūta, 22 metų", ["Rūta"], "esu"),
    ("»»——⍟ Eva ⍟——«« 💋 ❤28❤ jaar", ["Eva"], "age"),
    ("Hi, I’m Anna", ["Anna"], "i'm"),
    ("Hi, I'm Zoraya, 24", ["Zoraya"], "i'm"),
    ("Je suis Clémence, 22 ans", ["Clémence"], "je suis"),
    ("my name is Bella", ["Bella"], "my name is"),
    # the other languages of Europe; their "I am" only before a known first name
    ("Jmenuji se Nikola, 27 let", ["Nikola"], "jmenuji se"),
    ("Jsem Klára, studentka", ["Klára"], "jsem"),
    ("Som Zuzana, 23 rokov", ["Zuzana"], "som"),
    ("A nevem Eszter", ["Eszter"], "a nevem"),
    ("Jag heter Sara", ["Sara"], "jag heter"),
    ("Minun nimeni on Aino", ["Aino"], "minun nimeni on"),
    ("Zovem se Ivana", ["Ivana"], "zovem se"),
    ("Με λένε Ελένη", ["Ελένη"], "με λένε"),
    ("Anna vagyok, 24 éves", ["Anna"], "here"),  # Hungarian "I am" after the name
    ("Sara här, 25 år", ["Sara"], "age"),  # read with her age, as "Victoria here, 28"
    ("Sara här", ["Sara"], "here"),
    ("Tina (24/170/58), Berlin", ["Tina"], "age"),
    # Irish, Maori and short English forms; an emoji opens a phrase; "new" may follow the age
    ("Aoife, 23, Dublin city centre.", ["Aoife"], "^"),
    ("Lily 19 new girl", ["Lily"], "age"),
    # a listing's tag before the name, a dash between fields
    ("★ FEATURED · Ellie (20) – Galway · 16h ago\nNEW · Sophie 28 – Galway · 1h ago", ["Ellie", "Sophie"], "age"),
    ("NOUVEAU · Lina, 39 – Laval · (514) 555-0163", ["Lina"], "age"),
    ("OUR LADIES\n[Available today] Jasmine, 24 y/o — Colombian", ["Jasmine"], "age"),
    ("(Back this week) Chloe – 33yo – Spanish\nNEW ★ Naomi – 29 – Brazilian", ["Chloe", "Naomi"], "age"),
    ("(Back this week) Ellie – age 19 – Australian", ["Ellie"], "age"),
    # "here" then "!" or an emoji before the age; a name named after a town right after a cue
    ("Victoria here! 28, bubbly brunette", ["Victoria"], "age"),
    ("Sandy, 33, fun & easygoing", ["Sandy"], "^"),
    # a duo: the second name after "&" or "+"
    ("Mia 24 & Lola 26 - Leeds", ["Mia", "Lola"], "age"),
    ("Duo: Mia, 24 + Lola, 26", ["Mia", "Lola"], "duo"),  # a duo's title is a cue
    ("[Available today] Amber, age 29 — Spanish — light brown", ["Amber"], "age"),
    ("(Deze week terug) Fleur, 39jr — Hongaarse", ["Fleur"], "age"),
    ("NEU ★ Svenja (40) · deutsch · 176 cm", ["Svenja"], "age"),
    # a profile page: the last item of the breadcrumb trail, the name heading the page before a dot
    ("Home / Adult Personals / Boston / Sophie\nMember since 10 Nov 2018", ["Sophie"], "^"),
    ("Home › Companions › Miami › Alicia", ["Alicia"], "^"),
    ("Home > Companions > Kilkenny > Amber", ["Amber"], "^"),  # a name that is also a word
    ("ALICIA · Miami\nMember since 22 Oct 2019", ["Alicia"], "^"),
    # a name that is also a word, after a strong cue
    ("Mam na imię Ola, 31 lat", ["Ola"], "mam na imie"),
    ("Halifax NS 🌊 902-555-0177 🌊 Skylar, 23", ["Skylar"], "age"),
    ("my name is anna", ["Anna"], "my name is"),
    ("My Name Is Zoraya and I love to travel", ["Zoraya"], "my name is"),
    ("call me Jade", ["Jade"], "call me"),
    ("ask for Bella", ["Bella"], "ask for"),
    ("Call Crystal on 0161 496 0000", ["Crystal"], "call"),
    ("Name: Anna", ["Anna"], "name"),
    ("I'M ANNA", ["Anna"], "i'm"),
    ("I am Anne-marie, 30", ["Anne-marie"], "i am"),
    ("xoxo Mia", ["Mia"], "xoxo"),
    ("It's Sophie!", ["Sophie"], "it's"),
    ("Victoria here, call me", ["Victoria"], "here"),
    ("Emily - private massage therapist", ["Emily"], "^"),
    # a name where North American ads put it: after a dash or symbol with its age, or closing a line
    ("DC area — Kayla 23\ncall me @ 202-555-0154", ["Kayla"], "age"),
    ("Leipzig. Sandra 26.", ["Sandra"], "age"),
    ("my number: 713.555.0121\nHouston Med Center — Tori", ["Tori"], "^"),
    ("Atlanta ✨ Candice\n404-555-0192", ["Candice"], "^"),
    ("Hamburg. Nastya.\nText me", ["Nastya"], "^"),
    ("Victoria. Text 250-555-0103", ["Victoria"], "^"),
    ("Bella - private massage therapist", ["Bella"], "^"),  # a word-name with a dash after it
    ("Galway. Niamh. 25.\nRelaxing company", ["Niamh"], "^"),  # name and age as sentences of their own
    ("Edinburgh • Leith • Georgia • 25", ["Georgia"], "^"),  # set apart between bullets, before its age
    ("Paris 15 | Rosa | 27 ans | 160 cm", ["Rosa"], "age"),
    ("Québec — Marie-Ève 29 ans", ["Marie-Ève"], "age"),
    # a name after a cue is read even where a name set apart stands later in the text
    ("Lisboa – Saldanha\nOlá, sou a Beatriz, 25 anos.\nLiga-me: 912 345 611", ["Beatriz"], "sou a"),
    ("we are Anna & Bella", ["Anna", "Bella"], "we are"),
    ("I'm Chloe and Bella", ["Chloe", "Bella"], "i'm"),
    # French
    ("je m'appelle Léa", ["Léa"], "je m'appelle"),
    ("Moi c'est Chloé", ["Chloé"], "moi c'est"),
    ("je suis Manon, nouvelle", ["Manon"], "je suis"),
    ("Bisous, Clara", ["Clara"], "bisous"),
    ("Nom : Inès", ["Inès"], "nom"),
    # Spanish
    ("me llamo Sofía", ["Sofía"], "me llamo"),
    ("Hola, soy Valentina, colombiana", ["Valentina"], "soy"),
    ("Pregunta por Lucía", ["Lucía"], "pregunta por"),
    ("Somos Carla y Martina", ["Carla", "Martina"], "somos"),
    # German
    ("ich bin Lena", ["Lena"], "ich bin"),
    ("Ich heiße Mia", ["Mia"], "ich heisse"),
    ("Mein Name ist Jasmin", ["Jasmin"], "mein name ist"),
    ("Wir sind Lisa und Nina", ["Lisa", "Nina"], "wir sind"),
    # Italian
    ("mi chiamo Giulia", ["Giulia"], "mi chiamo"),
    ("Sono Chiara", ["Chiara"], "sono"),
    ("Chiedi di Elena", ["Elena"], "chiedi di"),
    # Dutch
    ("Hoi, ik ben Sanne", ["Sanne"], "ik ben"),
    ("mijn naam is Fleur", ["Fleur"], "mijn naam is"),
    ("Ik heet Noor", ["Noor"], "ik heet"),
    # Portuguese
    ("chamo-me Inês", ["Inês"], "chamo-me"),
    ("Olá, sou a Beatriz", ["Beatriz"], "sou a"),
    ("Meu nome é Carolina", ["Carolina"], "meu nome e"),
    # Polish and Romanian
    ("Mam na imię Kasia", ["Kasia"], "mam na imie"),
    ("Cześć, jestem Kasia, 22 lata", ["Kasia"], "jestem"),
    ("Bună, mă numesc Ioana", ["Ioana"], "ma numesc"),
    ("Sunt Ioana, 23 de ani", ["Ioana"], "sunt"),
    # a known first name opening a phrase and followed by an age
    ("New in town! Mia, 24, sweet", ["Mia"], "age"),
    # words that describe her may open the phrase
    ("Romanian girl Bianca, 23, in Nottingham", ["Bianca"], "age"),
    ("Polin Agnieszka, 27, jetzt in Leipzig", ["Agnieszka"], "age"),
    ("Brasileña Larissa, 24, en Valencia", ["Larissa"], "age"),
    ("Sunt Ana-Maria, 25 de ani", ["Ana-Maria"], "sunt"),  # a hyphenated name is one name
    ("und heiße Laura", ["Laura"], "heisse"),
    ("ich bin die Nina", ["Nina"], "ich bin die"),
    ("sono la Giorgia", ["Giorgia"], "sono la"),
    ("Kim 22", ["Kim"], "age"),
    # a name the first-name list lacks, heading a listing before its age
    ("Taille 38 – 1m68 – Sophie – Lyon 3e", ["Sophie"], "^"),  # between two fields of a listing
    ("Tournée juin 2025 – Clara – Lyon du 12 au 15", ["Clara"], "^"),
    ("Seattle — Wren 29\nX/Twitter @wren_sea", ["Wren"], "heading"),
    ("Natascha, 33\nTermine ab 9 Uhr", ["Natascha"], "heading"),
    ("Edmonton — Sky 23\nonlyfans: skyyeg", ["Sky"], "heading"),
    ("Québec, Limoilou — Daphnée 28 ans\n418-555-0146", ["Daphnée"], "heading"),  # an age with its unit
    ("26 y/o Sky 💋 Sydney CBD", ["Sky"], "heading"),  # right after an age that opens a heading
    ("24 J. junge Lotta aus Hamburg", ["Lotta"], "heading"),
    ("Vaudreuil-Dorion — Karelle 28 ans", ["Karelle"], "heading"),
    # an agency presents her; sign-offs, also on the next line
    ("Elite Diamond Companions presents Ivy: a refined brunette", ["Ivy"], "presents"),
    ("L'agence Rivoli vous présente Margaux, notre nouvelle hôtesse", ["Margaux"], "vous presente"),
    ("Agencia Diamante presenta a Ximena, 24 años", ["Ximena"], "presenta a"),
    ("Die Agentur Seidenglanz präsentiert: Melina, neu im Team", ["Melina"], "prasentiert"),
    ("Long dinners and good wine.\nLove, Harmony 💋", ["Harmony"], "love"),
    ("Hotel visits in Adelaide.\nCheers, Tash x", ["Tash"], "cheers"),
    ("Rencontres élégantes.\nGros bisous,\nAurore vous attend", ["Aurore"], "gros bisous"),
    ("Liebe Grüße, eure Emily", ["Emily"], "eure"),
    ("Pergunta pela Rita, Faro", ["Rita"], "pergunta pela"),
    # a Polish name after "zapytaj o" is given in its own form; two women after "we are"
    ("Zapytaj o Weronikę, salon w Łodzi", ["Weronika"], "zapytaj o"),
    ("Suntem Diana și Roxana, două prietene", ["Diana", "Roxana"], "suntem"),
    ("Jesteśmy Natalia i Monika, dwie przyjaciółki", ["Natalia", "Monika"], "jestesmy"),
    # a name that is also a word, where its phrase ends after a weak cue or a greeting
    ("Jestem Ola, Kraków, tylko hotele", ["Ola"], "jestem"),
    ("Hi, I'm Honey, a Southern belle", ["Honey"], "i'm"),
    ("Hey guys it's Star ⭐ back in town", ["Star"], "it's"),
    ("Hej! Moa, 26, i Göteborg", ["Moa"], "age"),  # a Swedish name, not the Cuban town
    # a town or a place's abbreviation after the age ends the phrase too
    ("Traditional Thai massage by Nok\n1 hour 70", ["Nok"], "massage by"),  # a massage studio's masseuse
    ("Thaise massage door Ploy, 36 jaar", ["Ploy"], "massage door"),
    ("San Jose / South Bay — Mei 27", ["Mei"], "age"),
    # a two-word first name before the age
    ("Ana Clara, 21 anos, universitária", ["Ana Clara"], "age"),
    ("Howdy Calgary! Daisy Mae, 26", ["Daisy Mae"], "age"),
    ("Chamo-me Ana Clara, 21 anos", ["Ana Clara"], "chamo-me"),  # after a cue, where the phrase ends
    ("Je m'appelle Marie Claire.", ["Marie Claire"], "je m'appelle"),
    ("Brand new!!! Tiana 21 NYC Midtown", ["Tiana"], "age"),
    ("Leipzig. Dasha 26 Berlin", ["Dasha"], "age"),
    # the second of two women after "and" and the first one's age
    ("Duo : Léa 23 ans et Inès 26 ans, de passage", ["Léa", "Inès"], "heading"),
    ("Sara 22 anni e Marta 27 anni, due amiche", ["Sara", "Marta"], "age"),
    ("Andreea 22 ani si Bianca 25 ani, doua prietene", ["Andreea", "Bianca"], "age"),
]


@pytest.mark.parametrize(("text", "expected", "cue"), CASES)
def test_names(text: str, expected: list[str], cue: str) -> None:
    ents = list(NAMES.extract(text, "body", AdContext()))
    assert [e.value for e in ents] == expected
    assert ents[0].attrs == {"cue": cue}
    for e in ents:
        assert text[e.start:e.end] == e.text


NEGATIVE = [
    "I miss you already", "Miss me? Back in town",
    "Milano Centrale\nBella. Dolce. Discreta.",  # a name that is also a word needs a dash or a comma
    "Porto – Boavista. Nova. Discreta.",
    "Nadia est là.\nDemi-heure 80 €, heure 130 €",  # "demi" is also a word: "Demi-heure" is half an hour
    "Olá, bem-vindos ao meu anúncio",  # "Olá" is a greeting, though "Ola" is a name
    "Home / Escorts / Manchester",  # a breadcrumb ending in a town
    "Total: 3 / 4 / Bella",
    "Available 8pm - 4am, Jan 10 - Jan 14 2025",  # a month before a day
    "Bern – Lorraine-Quartier\nNur mit Termin",  # a quarter, not a double first name
    "Jsem Slovenka, 25 let",  # a nationality, capitalised in Czech
    "Olen Helsingissä.",  # "I am in Helsinki"
    "Tom & Jerry 24 hours a day",  # a name after "&" with a number that is no age
    "Det är som Paris",  # Swedish "som" is "as"
    "Je suis Parisienne, 24 ans",  # where she is from, how she looks: not names
    "Je suis Brune, 1m65",
    "Je suis Belge, 25 ans",
    "ich bin Zärtlich, 25",
    "sono Solare e dolce",
    "I'm new",
    "I'm New In Town",
    "I'm Brazilian.",
    "I'm Available!",
    "I'm in Leeds",
    "I'm Xandrielle and I love to travel",  # unknown name after a weak cue, phrase goes on
    "soy nueva",
    "Soy de Madrid",
    "Soy Colombiana.",
    "ich bin neu",
    "Ich bin aus Berlin",
    "Ich bin Deutsche.",
    "sono disponibile",
    "Sono Italiana.",
    "je suis Française",
    "Je suis Nouvelle en ville",
    "ik ben nieuw",
    "sou nova",
    "Call Me Now",
    "ask for details",
    "Ask For Details",
    "It's Friday!",
    "Meet Me Tonight",
    "Pregunta por ella",
    "Lena und Mia",  # no cue
    "I'm I'm I'm",
    "Charlotte, NC",
    "Jestem Nowa w mieście",
    "Sunt Disponibilă azi",
    "Sympathische 22-jährige Studentin",  # an adjective heading a profile line
    "Manequim 38, 1,65m, 55kg",  # a dress size
    "I'm Sunny and warm",  # a word after a weak cue, the phrase going on
    "I'm Latina, bilingual",  # a word that describes her, though also a name
    "Massage by appointment only",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_name(text: str) -> None:
    assert names(text, "US") == []


def test_a_heading_word_that_is_no_name() -> None:
    # a word for the poster, a town of the ad's country, a town anywhere, a house number: no name
    assert names("Latina 24 | new", "US") == []
    assert names("Nashville 🎸 Savannah 27\ntext me", "US") == []
    assert names("Angel – Graz – 24\nAngel aus Ungarn", "AT") == ["Angel"]
    assert names("PLZ 10115 Berlin-Mitte\nHausnummer 27, 3. OG", "DE") == []
    assert names("Edad 29 · Talla 38 · Pie 39", "ES") == []
    # a cue or a greeting before the age
    assert names("Winnipeg — I'm 19 and new to this", "CA") == []
    assert names("Charlotte ici\nCoucou, 23 ans, nouvelle à Bordeaux", "FR") == ["Charlotte"]
    assert names("Łódź, Piotrkowska\nMam 27 lat", "PL") == []
    # a town of another country heading a listing before the age is a persona named after it; a town of the
    # ad's own country is its place
    assert names("Paris\n27\nDüsseldorf-Altstadt\n01512 3456708", "DE") == ["Paris"]
    assert names("Sydney\n23\nCardiff Bay", "GB") == ["Sydney"]
    assert names("Chester – 25 – fresh face", "GB") == []
    assert names("Phoenix 24 – Tucson", "US") == []
    assert names("24 y/o Latina | Miami", "US") == []
    assert names("Марина. Возраст - 29 лет. Рост - 172 см.", "FR") == ["Марина"]  # after a label, no heading
    # hair, looks and nicknames for a nationality
    assert names("Blondynka 24 lata – Warszawa", "PL") == []
    assert names("Aussie 25 – Perth – 0491 570 027", "AU") == []


def test_opening_city_is_not_a_name() -> None:
    assert names("Charlotte - relaxing massage", "US") == []
    assert names("Charlotte - relaxing massage", "GB") == ["Charlotte"]
    assert names("Leaving soon. Charlotte, 28", "US") == []


def test_find_names_tuples() -> None:
    assert list(find_names("call me Jade")) == [(8, 12, "Jade", "call me")]


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "hostile",
    [
        "I'm I'm I'm " * 90_000,
        "Anna Bella Paris London " * 45_000,
        "my name is " * 90_000,
        "I'm Anna & " * 90_000,
        "1 2-3 4/5 6.7 " * 75_000,
        "Mia (24), Lena (25), Zorb (26), " * 35_000,
        "Ask for Mia at reception, Duo Lena & Eva " * 25_000,
    ],
    ids=["im", "capitalised", "cue", "joined", "digits", "roster", "staff-duo"],
)
def test_hostile_input_is_linear(hostile: str) -> None:
    for _ in NAMES.extract(hostile, "body", AdContext()):
        pass


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a roster: two known names written alike make a list, whose other items are names too
        ("Today: Chloe (25), Jess (32), Lani (27), Sunny (23)", "AU", ["Chloe", "Jess", "Lani", "Sunny"]),
        ("Heute für Sie da: Vanessa 23 – Ivana 28 – Kimberly 25 – Steffi 37", "DE",
         ["Vanessa", "Ivana", "Kimberly", "Steffi"]),
        ("– Sophie, 25, Wienerin\n– Dunja, 28, Serbin\n– Petra, 36, reif", "AT", ["Sophie", "Dunja", "Petra"]),
        ("Hoy trabajan: Noelia (28), Jenny (23), Paola (33) y Cris (25)", "ES", ["Noelia", "Jenny", "Paola", "Cris"]),
        ("Tonight's picks: Nova 23 / Skye 27 / Jade 24", "US", ["Nova", "Skye", "Jade"]),
        # a duo's title
        ("Duo Chloé & Inès 💋 Bordeaux", "FR", ["Chloé", "Inès"]),
        ("Duet Kinga & Weronika 💕 Lublin", "PL", ["Kinga", "Weronika"]),
        # staff of an agency or a salon are no personas; a persona asked for at the desk is
        ("Mia (24), Lena (25)\nCall Maria at reception: 281-555-0147", "US", ["Mia", "Lena"]),
        ("Lucía, 23 años\nCitas: 612 34 56 21 (pregunta por Carmen, de recepción)", "ES", ["Lucía"]),
        ("Clara, 25 ans\nRéservation 01 99 00 23 17, demandez Sophie (accueil)", "FR", ["Clara"]),
        ("Bruna, 23 anos\nAgende com a recepcionista Cláudia: (11) 96123-4535", "BR", ["Bruna"]),
        ("ask for Angel at the front desk\nmassage 60 min $80", "US", ["Angel"]),
        ("Demandez Océane à l'accueil du salon", "CH", ["Océane"]),
        ("Ask for Nina, 24, her driver brings her to you.", "GB", ["Nina"]),  # her staff, after her age
        # a list after a cue, "or" between names; after a comma only a known name
        ("Today ask for Lily, Coco or Amy.", "US", ["Lily", "Coco", "Amy"]),
        ("Klub Nocny – pytaj o Anię, Zuzię lub Martę", "PL", ["Ania", "Zuzia", "Marta"]),
        ("Ask for Mia, Tuesdays only", "GB", ["Mia"]),
        ("Olá, chamo-me Inês, tenho 24 anos.", "PT", ["Inês"]),  # "Olá" greets
        # a third person's ad: her name after "her name is", "se llama", "sie heißt"...; "Name is NN"; the
        # manager, booker or assistant is no persona
        ("Her name is Lena and she is 23, sweet, classy", "US", ["Lena"]),
        ("Se llama Daniela y tiene 21 años", "ES", ["Daniela"]),
        ("Sie heißt Mia, sie ist 24 Jahre jung", "DE", ["Mia"]),
        ("Her manager here. Lucy is 29, from the UK, working in Perth", "AU", ["Lucy"]),
        ("My girl Jessica (24) is available tonight", "US", ["Jessica"]),
        ("Hello, I am Rick, I manage 3 ladies in the Atlanta area.", "US", []),
        ("Hi, I'm Jess, 26. Bookings via my PA Karen as I'm usually busy.", "GB", ["Jess"]),
        ("Carmen - masajista independiente en Palma. ☆ Elegante", "ES", ["Carmen"]),  # "Palma" is no "pa"
        ("Introducing our newest girl Sofia! She is 22", "US", ["Sofia"]),
        ("Please welcome Gabrielle to our team! She is 31.", "CA", ["Gabrielle"]),
        # a studio's list of its women after a label; a recruiter's title is no name
        ("Our staff: Amy, Lucy & Vivian\nAsk for manager Kevin", "US", ["Amy", "Lucy", "Vivian"]),
        ("Masseuses : Coco, Lili et Nana", "FR", ["Coco", "Lili", "Nana"]),
        ("Le nostre ragazze: Jenny, Coco e Lily", "IT", ["Jenny", "Coco", "Lily"]),
        ("Standard ladies: Half hour 220 AUD | 1 hr 340 AUD", "AU", []),
        ("Ladies: please text first", "GB", []),
        ("Pour tout renseignement, demandez Mme Dubois au 01 99 00 17 66.", "FR", []),
        ("Ask for Mr. Tony at 702.555.0193 for interview.", "US", []),
        # the poster as a support ticket names her; text-message shorthand
        ("Advertiser: Brooke (acct #771029)", "US", ["Brooke"]),
        ("Slt c Nadia, dispo ce soir sur Nantes", "FR", ["Nadia"]),
        ("Hi, bin Vanessa, 24, heute in Graz.", "AT", ["Vanessa"]),
        ("Donnerstag 20 Uhr passt.\nLG Melanie", "DE", ["Melanie"]),
        # a known name signing a message off with kisses
        ("Hi James, Friday 8pm is fine.\nLena x", "GB", ["Lena"]),
        ("see you soon\nMia XX", "GB", ["Mia"]),
        ("Anna xylophone", "GB", []),
        # an unknown name heading the ad, an emoji between it and the age
        ("✨Jaide✨ 28 yo — New in Chicago", "US", ["Jaide"]),
        ("💋Valery💋 22 años — Últimos días en Valencia", "ES", ["Valery"]),
        # a known first name in lower case after "I am", as texts write it; not a word or a stop word
        ("hola soy lola, tengo 22 y soy nueva", "ES", ["Lola"]),
        ("Hi, I am kayla.", "US", ["Kayla"]),
        ("ich bin mia, melde dich", "DE", []),
        ("soy nueva en la ciudad", "ES", []),
        # any capitalised name opening its line before "here" and an age; not a town or opening hours
        ("Back in Ottawa 🌸\nSacha here, 23 yo\nRelaxing massage", "CA", ["Sacha"]),
        ("London here, 24", "GB", []),
        ("Booking here, 24 hours", "GB", []),
    ],
)
def test_rosters_duos_and_staff(text: str, country: str, expected: list[str]) -> None:
    assert [e.value for e in NAMES.extract(text, "body", AdContext(country=country))] == expected


def test_a_phone_group_makes_no_roster_item() -> None:
    got = [e.value for e in NAMES.extract("Margaux 32 – Lyon · Mia 24 – Vénissieux · 06 - 12 - 34",
                                         "body", AdContext(country="FR"))]
    assert "Vénissieux" not in got


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # Québec's spoken "je suis", "ici" and "c'est moi" before a name
        ("Allo! Chu Marilou, 24 ans, nouvelle à Mtl", "CA", ["Marilou"]),
        ("Jsuis Audrey-Anne, 22 ans, Laval QC.", "CA", ["Audrey-Anne"]),
        ("Bonsoir 🌙 Ici Ariane, 22 ans", "CA", ["Ariane"]),
        ("C'est moi Chloé 💕 30 ans.", "CA", ["Chloé"]),
        ("Chu pas dispo ce soir", "CA", []),
        ("Ici Montréal, 24h", "CA", []),
        ("Hermosillo, Son. Kenia 23 años.", "MX", ["Kenia"]),
        # a town of the ad's country before its state's code is no name, whatever its size
        ("Florence, AL — Gabriela, 34, mexicana.", "US", ["Gabriela"]),
        ("Florence, SC — Georgia 29 🍑 call", "US", ["Georgia"]),
        ("Florence, 24, new in town", "US", ["Florence"]),
    ],
)
def test_north_american_cues_and_towns(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # "I have", "I am" heading an age are no names
        ("Имам 23 години, се викам Ивана.", "MK", ["Ивана"]),
        ("Είμαι 24 χρονών, με λένε Δέσποινα.", "GR", ["Δέσποινα"]),
        ("Imam 28 godina, Varaždin.", "HR", []),
    ],
)
def test_first_person_words_heading_an_age(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # drivers in more languages, the desk asked at before the cue, a saint's place
        ("Soy Javier, el chófer. Llevo a Nerea (25) y a Alexa (29).", "ES", ["Nerea", "Alexa"]),
        ("Sunt Mihai, șoferul fetelor. Disponibile: Ana (24 ani)", "RO", ["Ana"]),
        ("Sono Luca, l'autista delle ragazze. Disponibili: Sara (23)", "IT", ["Sara"]),
        ("Reception (ask for Dave): 020 7946 0463", "GB", []),
        # the desk and its number before the cue; a new sentence after the desk's number asks for a persona
        ("Call reception on 020 7946 0731 (ask for Marie)", "GB", []),
        ("Reception: 020 7946 0731. Ask for Marie, 25, new this week", "GB", ["Marie"]),
        ("Ask for Angel at the front desk", "US", ["Angel"]),
        ("St. Louis. (314) 555-0159", "US", []),
        ("Visiting St. Louis", "US", []),  # the end of the ad, where a signature stands
    ],
)
def test_staff_and_places_are_no_personas(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Hola, em dic Laia, tinc 24 anys.", "ES", ["Laia"]),
        ("Merhaba, benim adım Elif, 25 yaşındayım.", "DE", ["Elif"]),
        ("Përshëndetje, quhem Elira, jam 24 vjeç.", "AL", ["Elira"]),
        ("Bonġu, jisimni Maria.", "MT", ["Maria"]),
        ("Hæ, ég heiti Sigrún, 26 ára.", "IS", ["Sigrún"]),
        ("Dia duit, is mise Aoife.", "IE", ["Aoife"]),
        ("Moien, ech heeschen Lena.", "LU", ["Lena"]),
    ],
)
def test_name_cues_of_more_languages(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # the first of a pair joined by "and" before the second and their ages
        ("Nadine and Katya, 26 and 38, visiting Ottawa", "CA", ["Nadine", "Katya"]),
        ("Dupla Mel & Luna", "PT", ["Mel", "Luna"]),
        ("London and Katya, 26", "GB", []),  # a town is no first name
        # common first names added to the list
        ("Oxford. Harriet, 34.", "GB", ["Harriet"]),
        ("Vancouver escorts: meet Sakura (23), Lin (26), Hana (29).", "CA", ["Sakura", "Lin", "Hana"]),
    ],
)
def test_the_first_of_a_pair(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # British and Australian sign-offs before a known first name; Welsh, Scottish and Australian names
        ("Text me to book. Ta, Jess x", "GB", ["Jess"]),
        ("Looking forward to it. Speak soon, Jess x", "GB", ["Jess"]),
        ("Please text, no calls. Kind regards, Hannah", "GB", ["Hannah"]),
        ("I'm Bethan from Cardiff, new to the site", "GB", ["Bethan"]),
        ("I'm Eilidh from Inverness", "GB", ["Eilidh"]),
        ("Kind regards, Reception", "GB", []),
    ],
)
def test_sign_offs_and_names_of_britain_and_australia(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a staff member's name after "name is", reviewers after a quote
        ("Hi, I'm Destiny, 28. Driver's name is Marcus, he will text you.", "US", ["Destiny"]),
        ('Hi, I am Amber, 26.\nReviews:\n"Amazing evening." — James\n"Exactly like her photos." — Oliver', "GB",
         ["Amber"]),
        ("Je suis Lisa, 29 ans. Avis : « Très belle rencontre » — Thomas, 52 ans.", "FR", ["Lisa"]),
    ],
)
def test_staff_named_by_a_cue_and_reviewers(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # known first names signing the ad off at its end, maybe with the town
        ("Tarifa / Rate: $300 (1 hora / 1 hour). Rosa, Miami.", "US", ["Rosa"]),
        ("1h 200€ / 1 Std. 200€ / one hour €200 — Melanie, Innsbruck", "AT", ["Melanie"]),
        ("Tarifas: 1 hora 150€ (una chica), 1 hora 280€ (dúo). Sevilla, Triana. Marta y Elena.", "ES",
         ["Marta", "Elena"]),
        ("Duo 1h 400€ — en solo 1h 200€. Clara & Jade, Bordeaux.", "FR", ["Clara", "Jade"]),
        # ... not a town, nor a name followed by a word that is no town
        ("Call me. Sydney, Australia.", "AU", []),
        ("Book now! Paris & Milan.", "FR", []),
        ("Rates below. Rosa, Monday.", "US", []),
        # a duo's second woman after "her friend", "her bestie"
        ("Priya, 29, and her friend Leilani, 24, touring Perth together.", "AU", ["Priya", "Leilani"]),
    ],
)
def test_signatures_and_a_duos_second_woman(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # cues as posters who write another language say them
        ("My name it is Daniela and I am from Romania.", "GB", ["Daniela"]),
        ("I am called Monica, I am new here.", "GB", ["Monica"]),
        ("Hi gentelmen, is me Ramona, new in London.", "GB", ["Ramona"]),
        ("Me llamo es Carla, soy brasileña.", "ES", ["Carla"]),
        ("what is me Time", "GB", []),
    ],
)
def test_cues_of_non_native_writers(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # after "I am", a word for where she comes from, read by its ending; a name with such an ending is known
        ("Ich bin Schweizerin, gepflegt und diskret.", "CH", []),
        ("Ich bin Zürcherin, 100 % echt.", "CH", []),
        ("Je suis Liégeoise, 100 % réelle, photos vérifiées.", "BE", []),
        ("Je suis Suissesse, discrète et élégante.", "CH", []),
        ("Ik ben Antwerpse, spontaan en sportief.", "BE", []),
        ("Je suis Françoise, 30 ans.", "FR", ["Françoise"]),
        ("Ik ben Ilse, 30 jaar.", "NL", ["Ilse"]),
        # a joiner in letters is a word of its own; pronouns of the other languages are no second name
        ("MY NAME IS AURORA IM 23 IN DENVER THIS WEEK", "US", ["Aurora"]),
        ("MIJN NAAM IS FLEUR IK BEN 26 JAAR", "NL", ["Fleur"]),
        ("Je m'appelle Emma / Ik heet Emma, 27 ans / 27 jaar.", "BE", ["Emma", "Emma"]),
        ("we are Anna and Bella", "GB", ["Anna", "Bella"]),
        # Dutch sign-offs with the names they sign
        ("Tot snel!\nGroetjes, Elke xx", "BE", ["Elke"]),
        ("Tot gauw.\nKusjes, Roos", "NL", ["Roos"]),
        ("Mooie roos voor jou", "NL", []),
        # a known name in lower case has only accents to fold: Polish "miłą" (nice) is no "mila"
        ("Mam na imię Kasia, jestem miłą i zadbaną dziewczyną.", "PL", ["Kasia"]),
        ("je suis léa, 25 ans", "FR", ["Léa"]),
        # months heading a repost log's dates
        ("• Mar 3 – Kira 24 – Portland\n• Feb 27 – Kira 24 – Salem", "US", ["Kira", "Kira"]),
    ],
)
def test_where_she_is_from_joiners_and_months(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a page trail's last item; the Polish label "Imię:"
        ("Home > Ontario > Toronto > Escorts > Jade 25", "CA", ["Jade"]),
        ("Inicio » Madrid » Sofía 23", "ES", ["Sofía"]),
        ("Imię: Kasia", "PL", ["Kasia"]),
        ("Provider: Sienna\nAge: 26", "US", ["Sienna"]),
        # a listing's heading quoted in a warning or a review
        ("Beware: the number in the 'Chloe, 22, Manchester' ads is a scam line.", "GB", ["Chloe"]),
        ("Las fotos de 'Daniela, 23, Málaga' son de una influencer.", "ES", ["Daniela"]),
        ("It's Mia, 24", "GB", ["Mia"]),
    ],
)
def test_page_trails_and_labels(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a field in capitals, run on from scraping: a known name before its age needs no phrase start
        ("NEW IN TOWN MIA 24 YEARS OLD LEEDS CALL 020 7946 0123", "GB", ["Mia"]),
        ("HOT CHLOE 24ANS PARIS", "FR", ["Chloe"]),
        ("NIEUW IN DEN BOSCH MIJN NAAM IS FLEUR IK BEN 26 JAAR", "NL", ["Fleur"]),
        ("OPEN 24 HOURS ASK FOR MIA 24 HOURS A DAY", "GB", ["Mia"]),
        # ... not in a sentence case ad, where a name in the middle of a phrase needs a comma
        ("New in town Mia 24 years old", "GB", []),
    ],
)
def test_names_before_ages_in_a_field_in_capitals(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # "im" for "I'm": a known first name only, in lower case too; German "im" before a month or a noun
        ("hi im kayla 24", "US", ["Kayla"]),
        ("hi im lauren im 25 in leeds", "GB", ["Lauren"]),
        ("HELLO IM CANDY 24 YEARS OLD", "GB", ["Candy"]),
        ("Im Nicoleta, 25, neu in Berlin", "DE", ["Nicoleta"]),
        ("im Mai und im Juni", "DE", []),
        ("Termine im April", "DE", []),
        ("im Zentrum.", "DE", []),
        ("Lani 25, Ploy 23, Mai 27.", "US", ["Lani", "Ploy", "Mai"]),
    ],
)
def test_im_without_its_apostrophe(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a presentation takes any name when her age follows it after a comma, a bracket, emoji or before an age word
        ("Hi gentlemen it's Kandi 😘 24 yrs old", "US", ["Kandi"]),
        ("Hey its Kandi, 24, new in town", "US", ["Kandi"]),
        ("hey its Kandi 24 yrs old", "US", ["Kandi"]),
        ("Meet Jaylah (22) new in town", "US", ["Jaylah"]),
        ("Coucou c'est Maëlys, 23 ans", "FR", ["Maëlys"]),
        # alone, or before other figures, such a cue still takes known first names only
        ("Hey its Kandi", "US", []),
        ("Incall: it's Suite 24, 3rd floor", "US", []),
        ("this is Houston, 24/7 service", "US", []),
        ("It's Friday, 25 dollars off", "US", []),
        ("meet Exotic 24 hours", "US", []),
    ],
)
def test_presentations_before_an_age(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


def test_a_numbering_word_under_a_roster_is_no_name() -> None:
    from unveil.extract import extract_ad

    body = ("Duo Chloe & Jasmine 💕 Chloe 23 & Jasmine 26\n"
            "Incall north side Indianapolis, off I-465 & 82nd St (Suite 16), thanks")
    found = [(e.kind, e.value) for e in extract_ad({"body": body, "country": "US"}) if e.kind in ("name", "age")]
    assert ("name", "Suite") not in found and ("age", "16") not in found
    assert ("age", "23") in found and ("age", "26") in found

