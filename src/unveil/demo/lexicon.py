"""Word lists and sentence banks for the synthetic demo corpus.

Everything here is hand-written, non-explicit wording (companionship, dinner dates, massage appointments) in
the four corpus languages. Sentence templates use two small notations that :mod:`unveil.demo.generator`
expands: ``{a|b|c}`` is a choice between wordings (a poster keeps one as its habit and sometimes swaps it),
and ``<slot>`` is filled per ad (``<name>``, ``<city>``, ``<price>``, ``<phone>``).

The templates deliberately avoid every indicator phrase listed in :data:`INDICATOR_PHRASES`, so that an
indicator found in a generated ad is always one the generator seeded and recorded in the ground truth.
"""

from __future__ import annotations

from typing import Final

LANGS: Final = ("en", "fr", "es", "de")

# Country -> (language, currency code); ES and DE have no fictional phone range of their own, see phones.py.
COUNTRY_LANG: Final[dict[str, str]] = {"GB": "en", "US": "en", "FR": "fr", "ES": "es", "DE": "de"}
COUNTRY_CURRENCY: Final[dict[str, str]] = {"GB": "GBP", "US": "USD", "FR": "EUR", "ES": "EUR", "DE": "EUR"}
# Share of ads per country; GB and US dominate English-language ad collections.
COUNTRY_WEIGHTS: Final[tuple[tuple[str, float], ...]] = (
    ("GB", 0.30),
    ("US", 0.25),
    ("FR", 0.20),
    ("ES", 0.12),
    ("DE", 0.13),
)

# (city, region, US area codes). Area codes are only used for US cities, to keep numbers local.
CITIES: Final[dict[str, tuple[tuple[str, str, tuple[int, ...]], ...]]] = {
    "GB": (
        ("London", "Greater London", ()),
        ("Manchester", "Greater Manchester", ()),
        ("Birmingham", "West Midlands", ()),
        ("Leeds", "West Yorkshire", ()),
        ("Glasgow", "Scotland", ()),
        ("Bristol", "South West England", ()),
        ("Liverpool", "Merseyside", ()),
        ("Edinburgh", "Scotland", ()),
        ("Newcastle upon Tyne", "Tyne and Wear", ()),
        ("Cardiff", "Wales", ()),
    ),
    "US": (
        ("New York", "New York", (212, 332, 347, 646, 718, 917, 929)),
        ("Chicago", "Illinois", (312, 773, 872)),
        ("Los Angeles", "California", (213, 310, 323, 424, 818)),
        ("San Francisco", "California", (415, 628)),
        ("Houston", "Texas", (281, 713, 832)),
        ("Miami", "Florida", (305, 786)),
        ("Las Vegas", "Nevada", (702, 725)),
        ("Washington", "District of Columbia", (202,)),
        ("Atlanta", "Georgia", (404, 470, 678, 770)),
        ("Boston", "Massachusetts", (617, 857)),
        ("Seattle", "Washington", (206,)),
    ),
    "FR": (
        ("Paris", "Île-de-France", ()),
        ("Lyon", "Auvergne-Rhône-Alpes", ()),
        ("Marseille", "Provence-Alpes-Côte d'Azur", ()),
        ("Nice", "Provence-Alpes-Côte d'Azur", ()),
        ("Toulouse", "Occitanie", ()),
        ("Bordeaux", "Nouvelle-Aquitaine", ()),
        ("Lille", "Hauts-de-France", ()),
        ("Strasbourg", "Grand Est", ()),
        ("Nantes", "Pays de la Loire", ()),
    ),
    "ES": (
        ("Madrid", "Comunidad de Madrid", ()),
        ("Barcelona", "Cataluña", ()),
        ("Valencia", "Comunidad Valenciana", ()),
        ("Sevilla", "Andalucía", ()),
        ("Málaga", "Andalucía", ()),
        ("Bilbao", "País Vasco", ()),
        ("Zaragoza", "Aragón", ()),
        ("Palma", "Islas Baleares", ()),
    ),
    "DE": (
        ("Berlin", "Berlin", ()),
        ("Hamburg", "Hamburg", ()),
        ("München", "Bayern", ()),
        ("Köln", "Nordrhein-Westfalen", ()),
        ("Frankfurt am Main", "Hessen", ()),
        ("Düsseldorf", "Nordrhein-Westfalen", ()),
        ("Stuttgart", "Baden-Württemberg", ()),
        ("Leipzig", "Sachsen", ()),
        ("Hannover", "Niedersachsen", ()),
    ),
}

# Names used by organised networks: an international mix, as personas are often presented as foreign.
NETWORK_NAMES: Final = (
    "Lena", "Mia", "Bianca", "Alina", "Sofia", "Nicole", "Vanessa", "Camila", "Daniela", "Jessica",
    "Natalia", "Andreea", "Ioana", "Larissa", "Gabriela", "Yasmin", "Kira", "Nadia", "Tania", "Eva",
    "Maya", "Lara", "Nina", "Paola", "Bruna", "Rafaela", "Mihaela", "Elena", "Irina", "Oksana",
    "Dasha", "Mei", "Lin", "Valentina", "Valeria", "Luna", "Aurora", "Bella", "Roxana", "Diana",
)  # fmt: skip

# Independent posters mostly use local names.
LOCAL_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Charlotte", "Sophie", "Emily", "Grace", "Megan", "Victoria", "Rebecca", "Hannah", "Laura",
           "Claire", "Ashley", "Brooke", "Taylor", "Rachel", "Holly"),
    "fr": ("Camille", "Léa", "Manon", "Julie", "Sophie", "Claire", "Élodie", "Margaux", "Pauline",
           "Aurélie", "Chloé", "Inès"),
    "es": ("Lucía", "Marta", "Paula", "Elena", "Carmen", "Laura", "Alba", "Irene", "Nerea", "Cristina",
           "Rocío", "Noelia"),
    "de": ("Anna", "Julia", "Lena", "Laura", "Sarah", "Katharina", "Nina", "Melanie", "Sabine", "Jana",
           "Vanessa", "Lisa"),
}  # fmt: skip

HANDLE_SUFFIXES: Final = ("vip", "relax", "massage", "booking", "private", "city", "spa", "time")
EMAIL_WORDS: Final = ("bookings", "contact", "relax", "massage", "agenda", "dates", "spa", "info")
EMAIL_DOMAINS: Final = ("example.com", "example.org", "example.net", "mail.example")

# ---------------------------------------------------------------------------------------------------
# Number words, used to write phone numbers out the way obfuscating ads do.
DIGIT_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "fr": ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
    "es": ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"),
    "de": ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"),
}

# 10-19 spelled out; 20-99 are composed by two_digit_words().
TEEN_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen"),
    "fr": ("dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
           "dix-neuf"),
    "es": ("diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
           "diecinueve"),
    "de": ("zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
           "neunzehn"),
}  # fmt: skip

TENS_WORDS: Final[dict[str, tuple[str, ...]]] = {
    # index 2..9 used
    "en": ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
    "fr": ("", "", "vingt", "trente", "quarante", "cinquante", "soixante", "soixante", "quatre-vingt", "quatre-vingt"),
    "es": ("", "", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"),
    "de": ("", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"),
}

_ES_TWENTIES: Final = ("veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco",
                       "veintiséis", "veintisiete", "veintiocho", "veintinueve")  # fmt: skip

HUNDRED_WORDS: Final[dict[str, tuple[str, ...]]] = {
    # index 1..9: how "X00" is said.
    "en": ("", "one hundred", "two hundred", "three hundred", "four hundred", "five hundred", "six hundred",
           "seven hundred", "eight hundred", "nine hundred"),
    "fr": ("", "cent", "deux cents", "trois cents", "quatre cents", "cinq cents", "six cents", "sept cents",
           "huit cents", "neuf cents"),
    "es": ("", "cien", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
           "setecientos", "ochocientos", "novecientos"),
    "de": ("", "einhundert", "zweihundert", "dreihundert", "vierhundert", "fünfhundert", "sechshundert",
           "siebenhundert", "achthundert", "neunhundert"),
}  # fmt: skip


def two_digit_words(value: int, lang: str) -> str:
    """Spell out an integer from 10 to 99 the way it is said aloud in ``lang``.

    Args:
        value: The number, 10 <= value <= 99.
        lang: One of :data:`LANGS`.

    Returns:
        The number in words, e.g. ``"quatre-vingt-dix-huit"`` for 98 in French.
    """
    tens, unit = divmod(value, 10)
    if tens == 1:
        return TEEN_WORDS[lang][unit]
    units = DIGIT_WORDS[lang]
    if lang == "en":
        return TENS_WORDS["en"][tens] + ("" if unit == 0 else "-" + units[unit])
    if lang == "es":
        if tens == 2:
            return _ES_TWENTIES[unit]
        return TENS_WORDS["es"][tens] + ("" if unit == 0 else " y " + units[unit])
    if lang == "de":
        if unit == 0:
            return TENS_WORDS["de"][tens]
        return ("ein" if unit == 1 else units[unit]) + "und" + TENS_WORDS["de"][tens]
    # French counts in twenties above 60: 70 = soixante-dix, 80 = quatre-vingts, 91 = quatre-vingt-onze.
    base = TENS_WORDS["fr"][tens]
    if tens in (7, 9):
        rest = TEEN_WORDS["fr"][unit]
        return base + (" et " if (tens == 7 and unit == 1) else "-") + rest
    if unit == 0:
        return "quatre-vingts" if tens == 8 else base
    if unit == 1 and tens != 8:
        return base + " et un"
    return base + "-" + units[unit]


# Word for the "+" sign and the joiner between spelled-out groups.
AT_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("at",),
    "fr": ("arobase", "at"),
    "es": ("arroba", "at"),
    "de": ("at", "ät"),
}
DOT_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("dot",),
    "fr": ("point", "dot"),
    "es": ("punto", "dot"),
    "de": ("punkt", "dot"),
}

# ---------------------------------------------------------------------------------------------------
# Ages and prices.
AGE_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Age {n}", "{n} years old", "{n}yo", "{n} years", "I am {n} years old"),
    "fr": ("{n} ans", "Âge : {n} ans", "J'ai {n} ans"),
    "es": ("{n} años", "Edad: {n} años", "Tengo {n} años"),
    "de": ("{n} Jahre", "Alter: {n} Jahre", "{n} Jahre alt"),
}
# The one form used for the rare stated age of 17: a plain statement, nothing more, so that the minor-risk
# rule can be tested on a clean fact.
AGE_PLAIN_FORM: Final[dict[str, str]] = {
    "en": "Age {n}",
    "fr": "Âge : {n} ans",
    "es": "Edad: {n} años",
    "de": "Alter: {n} Jahre",
}

# Hourly rate bands per currency: (usual low, usual high, cut-price low, cut-price high).
PRICE_BANDS: Final[dict[str, tuple[int, int, int, int]]] = {
    "GBP": (120, 200, 40, 60),
    "USD": (180, 300, 50, 80),
    "EUR": (120, 200, 40, 60),
}
# {h} is the hourly amount, {m} the half-hour amount.
PRICE_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "GBP": ("{h} GBP/hour", "£{h} per hour", "£{h}/h", "30 min £{m}, 1 hour £{h}", "1h £{h}"),
    "USD": ("${h} 1h", "${h}/hr", "${m} half hour, ${h} full hour", "{h} USD per hour"),
    "EUR:fr": ("{h}€ l'heure", "{m}€ 30 min", "1h {h} €", "30 min {m}€ / 1h {h}€", "{h} EUR/h"),
    "EUR:es": ("{h}€ la hora", "{m}€ 30 min", "1 hora {h} €", "30 min {m}€ / 1 hora {h}€", "{h} EUR/h"),
    "EUR:de": ("{h} € pro Stunde", "{m}€/30 Min.", "1 Std. {h} €", "30 Min. {m}€ / 1 Std. {h}€", "{h} EUR/h"),
    "EUR:en": ("€{h} per hour", "€{m} 30 min", "1h €{h}"),
}

# ---------------------------------------------------------------------------------------------------
# Indicator phrases by category and language. Each phrase is inserted verbatim and recorded as evidence.
INDICATOR_PHRASES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "movement": {
        "en": ("New in town", "Just arrived", "Only here this week", "Leaving soon", "Visiting for a few days"),
        "fr": ("Nouvelle en ville", "Tout juste arrivée", "De passage cette semaine", "Seulement quelques jours"),
        "es": ("Recién llegada", "Nueva en la ciudad", "Solo esta semana", "De paso por pocos días"),
        "de": ("Neu in der Stadt", "Gerade angekommen", "Nur diese Woche hier", "Nur für kurze Zeit"),
    },
    "third_party_control": {
        "en": ("She is available now", "Ask for her by name", "Call to book my girls",
               "She does not answer the phone, call me"),
        "fr": ("Elle est disponible", "Demandez-la par son prénom", "Mes filles vous attendent",
               "Appelez-moi pour elle"),
        "es": ("Ella está disponible", "Pregunta por ella", "Mis chicas te esperan", "Llámame para reservar con ella"),
        "de": ("Sie ist verfügbar", "Fragen Sie nach ihr", "Meine Mädchen warten", "Termine für sie nur über mich"),
    },
    "multiple_persons": {
        "en": ("Two girls available", "New girls every week", "Several ladies to choose from"),
        "fr": ("Deux filles disponibles", "Nouvelles filles chaque semaine"),
        "es": ("Dos chicas disponibles", "Chicas nuevas cada semana"),
        "de": ("Zwei Mädchen verfügbar", "Jede Woche neue Mädchen"),
    },
    "restricted_autonomy": {
        "en": ("No English", "Speaks little English", "Does not speak English"),
        "fr": ("Ne parle pas français", "Parle peu français"),
        "es": ("No habla español", "Habla poco español"),
        "de": ("Spricht kein Deutsch", "Spricht wenig Deutsch"),
    },
    "stated_ethnicity_nationality": {
        "en": ("Brazilian", "Romanian", "Colombian", "Hungarian", "Thai", "Venezuelan", "Bulgarian",
               "Ukrainian", "Nigerian", "Chinese"),
        "fr": ("brésilienne", "roumaine", "colombienne", "hongroise", "thaïlandaise", "vénézuélienne",
               "bulgare", "ukrainienne", "nigériane", "chinoise"),
        "es": ("brasileña", "rumana", "colombiana", "húngara", "tailandesa", "venezolana", "búlgara",
               "ucraniana", "nigeriana", "china"),
        "de": ("Brasilianerin", "Rumänin", "Kolumbianerin", "Ungarin", "Thailänderin", "Venezolanerin",
               "Bulgarin", "Ukrainerin", "Nigerianerin", "Chinesin"),
    },
    "youth_language": {
        "en": ("Young", "Petite", "Fresh"),
        "fr": ("Jeune", "Petite", "Toute fraîche"),
        "es": ("Jovencita", "Joven", "Menudita"),
        "de": ("Jung", "Zierlich", "Frisch"),
    },
    "trust_language": {
        "en": ("Discreet and professional", "100% discretion guaranteed", "Genuine and reliable"),
        "fr": ("Discrète et professionnelle", "Discrétion assurée", "Sérieuse et fiable"),
        "es": ("Discreta y profesional", "Discreción total", "Seria y de confianza"),
        "de": ("Diskret und professionell", "Absolute Diskretion", "Seriös und zuverlässig"),
    },
}  # fmt: skip

# Frames that carry a single-word indicator: <w> is replaced by the phrase above, as written there.
ETHNICITY_FRAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Beautiful <w> lady.", "Lovely <w> woman.", "Elegant <w> companion."),
    "fr": ("Belle femme <w>.", "Jolie <w> souriante.", "Élégante <w>."),
    "es": ("Preciosa mujer <w>.", "Guapa <w> y sonriente.", "Elegante <w>."),
    "de": ("Hübsche <w>.", "Charmante <w>.", "Elegante <w> mit Stil."),
}
YOUTH_FRAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("<w> and cheerful.", "<w> and charming.", "<w> and smiling."),
    "fr": ("<w> et souriante.", "<w> et charmante."),
    "es": ("<w> y alegre.", "<w> y simpática."),
    "de": ("<w> und charmant.", "<w> und fröhlich."),
}

# Rotation notice: a network switching numbers sometimes still shows the old one. {old} is the old number.
NEW_NUMBER_NOTICE: Final[dict[str, tuple[str, ...]]] = {
    "en": ("New number! The old one ({old}) is no longer in use.", "Changed number, old number was {old}."),
    "fr": ("Nouveau numéro ! L'ancien ({old}) n'est plus utilisé.", "Numéro changé, ancien numéro : {old}."),
    "es": ("¡Número nuevo! El antiguo ({old}) ya no se usa.", "He cambiado de número, el antiguo era {old}."),
    "de": ("Neue Nummer! Die alte ({old}) ist nicht mehr aktiv.", "Nummer gewechselt, alte Nummer: {old}."),
}
WHATSAPP_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("WhatsApp: {p}", "WhatsApp only {p}"),
    "fr": ("WhatsApp : {p}", "Uniquement WhatsApp {p}"),
    "es": ("WhatsApp: {p}", "Solo WhatsApp {p}"),
    "de": ("WhatsApp: {p}", "Nur WhatsApp {p}"),
}
TELEGRAM_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Telegram @{h}", "telegram: @{h}", "Also on Telegram @{h}"),
    "fr": ("Telegram : @{h}", "Aussi sur telegram @{h}"),
    "es": ("Telegram: @{h}", "También en telegram @{h}"),
    "de": ("Telegram: @{h}", "Auch auf telegram @{h}"),
}
EMAIL_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Email: {e}", "Or email {e}"),
    "fr": ("E-mail : {e}", "Ou par mail : {e}"),
    "es": ("Correo: {e}", "O por email: {e}"),
    "de": ("E-Mail: {e}", "Oder per Mail: {e}"),
}

# ---------------------------------------------------------------------------------------------------
# Sentence banks. Network templates read like one controller writing for several personas; independent
# wording is first person and talks about appointments, deposits and screening (T-Net's counter-cues).
NETWORK_ROLES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "en": {
        "intro": (
            "{Hello|Hi|Welcome} {gentlemen|guys|everyone}, {my name is|I am|this is} <name>.",
            "<name> {here|waiting for your call}, {sweet|kind|charming} and {elegant|smiling|cheerful}.",
            "{Say hello to|Meet} <name>, {charming|lovely|elegant} {company|companion} in <city>.",
        ),
        "desc": (
            "{Friendly|Charming|Elegant|Warm} and {smiling|relaxed|attentive}, {perfect|ideal|great} "
            "{company|companion} for {dinner|an evening out|a quiet evening}.",
            "{Long dark hair|Blonde hair|Brown eyes|Green eyes}, {slim|tall|athletic} {figure|build}, "
            "always {well dressed|elegant|smiling}.",
        ),
        "service": (
            "{Relaxing|Soothing|Full body|Hot stone} massage {in a calm setting|with soft music|by appointment}.",
            "{Dinner dates|Companionship|Social evenings} and {relaxing massage|good conversation}.",
        ),
        "location": (
            "{Incall|Private apartment} {near|close to} <city> {centre|station|city centre}.",
            "{Outcall|Hotel visits} {only|available} {in|around} <city>.",
            "{Incall and outcall|In and out} in <city>.",
        ),
        "hours": ("{Available|Open} {every day|7 days a week|from 10am until late|day and night}.",),
        "price": ("{Rates|Prices|Donation}: <price>.", "<price>."),
        "contact": (
            "{Call|Text|Call or text|Message} {me |}{on|at} <phone>",
            "<phone> {call|text} {now|anytime|for appointments}",
            "{Bookings|Appointments}: <phone>",
        ),
        "closing": (
            "{See you soon|Looking forward to meeting you|Have a lovely day}{!|.| ♥|}",
            "No {withheld|private|hidden} numbers.",
        ),
    },
    "fr": {
        "intro": (
            "{Bonjour|Coucou|Salut} {messieurs|à tous}, {je m'appelle|je suis|moi c'est} <name>.",
            "<name>, {douce|charmante|souriante} et {élégante|attentionnée}, {à votre écoute|pour des moments "
            "de détente}.",
            "{Je suis|Moi c'est} <name>, {charmante|élégante} compagnie à <city>.",
        ),
        "desc": (
            "{Charmante|Élégante|Souriante} et {agréable|attentionnée|détendue}, {parfaite|idéale} pour {un "
            "dîner|une soirée|un moment de détente}.",
            "{Cheveux bruns|Cheveux blonds|Yeux verts|Yeux marron}, {silhouette fine|silhouette sportive|grande "
            "et mince}, toujours {élégante|souriante|bien habillée}.",
        ),
        "service": (
            "{Massage relaxant|Massage aux huiles|Massage aux pierres chaudes} {dans un cadre calme|sur "
            "rendez-vous|avec musique douce}.",
            "{Accompagnement pour dîners|Compagnie pour soirées|Sorties} et {massage relaxant|bonne conversation}.",
        ),
        "location": (
            "{Je reçois|Appartement privé} {près du centre de|près de la gare de|à} <city>.",
            "{Je me déplace|Déplacements} {à l'hôtel|en ville} à <city>.",
        ),
        "hours": ("{Disponible|Dispo} {tous les jours|7j/7|de 10h à 22h|jour et nuit}.",),
        "price": ("{Tarifs|Prix|Cadeau} : <price>.", "<price>."),
        "contact": (
            "{Appelez|Contactez|Écrivez}{-moi|} au <phone>",
            "{Rendez-vous|RDV} : <phone>",
            "<phone> {appel|SMS} {bienvenu|de 10h à 22h}",
        ),
        "closing": (
            "{À très vite|À bientôt|N'hésitez pas}{ !|.| ♥|}",
            "{Pas de|Aucun} {numéro masqué|appel masqué}.",
        ),
    },
    "es": {
        "intro": (
            "{Hola|Buenas} {caballeros|chicos|a todos}, {me llamo|soy} <name>.",
            "<name>, {dulce|simpática|cariñosa} y {elegante|sonriente}, {para ti|a tu disposición}.",
            "{Soy|Me llamo} <name>, {encantadora|elegante} compañía en <city>.",
        ),
        "desc": (
            "{Simpática|Elegante|Sonriente} y {atenta|tranquila|alegre}, {ideal|perfecta} para {una cena|una "
            "velada|un rato de relax}.",
            "{Pelo castaño|Pelo rubio|Ojos verdes|Ojos marrones}, {figura delgada|figura atlética|alta "
            "y delgada}, siempre {elegante|sonriente|bien vestida}.",
        ),
        "service": (
            "{Masaje relajante|Masaje con aceites|Masaje con piedras calientes} {en un ambiente tranquilo|con "
            "cita previa|con música suave}.",
            "{Compañía para cenas|Acompañante para eventos|Salidas} y {masaje relajante|buena conversación}.",
        ),
        "location": (
            "{Piso privado|Recibo} {cerca del centro de|cerca de la estación de|en} <city>.",
            "{Salidas a hotel|Desplazamientos} en <city>.",
        ),
        "hours": ("{Disponible|Atiendo} {todos los días|24 horas|de 10 a 22 h|de lunes a domingo}.",),
        "price": ("{Tarifas|Precio}: <price>.", "<price>."),
        "contact": (
            "{Llámame|Escríbeme|Llama o escribe} al <phone>",
            "{Citas|Reservas}: <phone>",
            "<phone> {llamadas|mensajes} {a cualquier hora|de 10 a 22 h}",
        ),
        "closing": (
            "{Un saludo|Hasta pronto|No seas tímido}{!|.| ♥|}",
            "No {atiendo|contesto} números ocultos.",
        ),
    },
    "de": {
        "intro": (
            "{Hallo|Hi|Willkommen} {meine Herren|zusammen|ihr Lieben}, {ich heiße|ich bin|hier ist} <name>.",
            "<name>, {süß|charmant|herzlich} und {elegant|fröhlich}, {für dich da|für entspannte Stunden}.",
            "{Ich bin|Hier ist} <name>, {charmante|elegante} Begleitung in <city>.",
        ),
        "desc": (
            "{Charmant|Elegant|Herzlich} und {aufmerksam|entspannt|fröhlich}, {perfekt|ideal} für {ein "
            "Abendessen|einen schönen Abend|entspannte Stunden}.",
            "{Lange dunkle Haare|Blonde Haare|Grüne Augen|Braune Augen}, {schlanke Figur|sportliche "
            "Figur|groß und schlank}, immer {elegant|gepflegt|gut gelaunt}.",
        ),
        "service": (
            "{Entspannende Massage|Ölmassage|Hot-Stone-Massage} {in ruhiger Atmosphäre|nach Termin|mit sanfter Musik}.",
            "{Begleitung zum Abendessen|Begleitung für Events|Gesellschaft} und {entspannende Massage|gute Gespräche}.",
        ),
        "location": (
            "{Privatwohnung|Eigene Wohnung} {im Zentrum von|nahe dem Bahnhof von|in} <city>.",
            "{Hotelbesuche|Haus- und Hotelbesuche} in <city>.",
        ),
        "hours": ("{Erreichbar|Da} {täglich|7 Tage die Woche|von 10 bis 22 Uhr|Tag und Nacht}.",),
        "price": ("{Preise|Tarif}: <price>.", "<price>."),
        "contact": (
            "{Ruf mich an|Schreib mir|Anrufen oder schreiben} unter <phone>",
            "{Termine|Buchung}: <phone>",
            "<phone> {Anruf|SMS} {jederzeit|von 10 bis 22 Uhr}",
        ),
        "closing": (
            "{Liebe Grüße|Bis bald|Trau dich}{!|.| ♥|}",
            "Keine unterdrückten Nummern.",
        ),
    },
}

INDEPENDENT_ROLES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "en": {
        "intro": (
            "{Hi|Hello}, I'm <name>, {an independent|a mature|a friendly} {masseuse|companion|lady} {based "
            "in|living in|working from} <city>.",
            "<name> - {independent|private} {massage therapist|companion} in <city>.",
        ),
        "about": (
            "I {work|see clients} {independently|on my own|from my own flat}{ and set my own hours|}.",
            "I enjoy {good conversation|art and travel|cooking and music} and {a relaxed atmosphere|taking my "
            "time|meeting people}.",
        ),
        "booking": (
            "{Appointments only|By appointment only}, please {book|text} at least {2 hours|one hour|a day} "
            "{ahead|in advance}.",
            "A {small|modest} deposit is {required|needed} for {first-time|first} {clients|bookings}.",
            "{Screening|Verification} {is required|required} for first {visits|meetings}: please {introduce "
            "yourself|text your name and preferred time}.",
            "Please {text|message} {first|before calling}{, no calls after 9pm|, I reply within the hour|}.",
        ),
        "price": ("{My rates|Rates}: <price>{.|, no haggling please.| (deposit deducted).}",),
        "contact": ("{Text|Message|Call} <phone>", "{Bookings|Contact}: <phone>"),
        "closing": ("{Respectful|Polite|Kind} {gentlemen|clients} only{, thank you| please|}.",),
    },
    "fr": {
        "intro": (
            "{Bonjour|Salut}, je suis <name>, {masseuse indépendante|accompagnatrice indépendante|femme mûre et "
            "indépendante} {à|basée à} <city>.",
            "<name> - {masseuse|accompagnatrice} indépendante à <city>.",
        ),
        "about": (
            "Je {travaille|reçois} {seule|à mon compte|chez moi} et je choisis mes horaires.",
            "J'aime {la bonne conversation|l'art et les voyages|la cuisine et la musique} et {prendre mon "
            "temps|une ambiance détendue}.",
        ),
        "booking": (
            "{Uniquement sur rendez-vous|Sur rendez-vous seulement}, merci de réserver au moins {2 heures|une "
            "heure|un jour} à l'avance.",
            "Un {petit|léger} acompte est demandé pour {les premiers rendez-vous|une première rencontre}.",
            "Merci de vous présenter {par SMS|par message} avec votre prénom et l'heure souhaitée{ avant tout "
            "rendez-vous|}.",
            "{Envoyez|Merci d'envoyer} un SMS {d'abord|avant d'appeler}{, pas d'appel après 21h|, je réponds "
            "dans l'heure|}.",
        ),
        "price": ("{Mes tarifs|Tarifs} : <price>{.|, non négociable.| (acompte déduit).}",),
        "contact": ("{SMS|Message|Téléphone} : <phone>",),
        "closing": ("Messieurs {respectueux|polis|courtois} uniquement{, merci|}.",),
    },
    "es": {
        "intro": (
            "Hola, soy <name>, {masajista independiente|acompañante independiente|mujer madura e "
            "independiente} en <city>.",
            "<name> - {masajista|acompañante} independiente en <city>.",
        ),
        "about": (
            "{Trabajo|Atiendo} {sola|por mi cuenta|en mi propio piso} y {elijo mis horarios|sin prisas}.",
            "Me gusta {la buena conversación|el arte y los viajes|la cocina y la música} y {un ambiente "
            "tranquilo|ir con calma}.",
        ),
        "booking": (
            "{Solo con cita previa|Únicamente con cita}, reserva con al menos {2 horas|una hora|un día} de antelación.",
            "Pido una pequeña señal {para la primera cita|a quien viene por primera vez}.",
            "Para la primera cita, preséntate {por mensaje|por SMS} con tu nombre y la hora que prefieres.",
            "Escribe {primero|antes de llamar}{, no llamadas después de las 21 h|, respondo en una hora|}.",
        ),
        "price": ("{Mis tarifas|Tarifas}: <price>{.|, sin regateos.| (señal descontada).}",),
        "contact": ("{SMS|Mensajes|Teléfono}: <phone>",),
        "closing": ("Solo caballeros {respetuosos|educados|amables}{, gracias|}.",),
    },
    "de": {
        "intro": (
            "Hallo, ich bin <name>, {unabhängige Masseurin|private Begleiterin|reife, selbstständige Frau} in <city>.",
            "<name> - {selbstständige|private} {Masseurin|Begleiterin} in <city>.",
        ),
        "about": (
            "Ich arbeite {selbstständig|auf eigene Rechnung|in meiner eigenen Wohnung} und {bestimme meine "
            "Zeiten selbst|nehme mir Zeit}.",
            "Ich mag {gute Gespräche|Kunst und Reisen|Kochen und Musik} und {eine entspannte Atmosphäre|keine Eile}.",
        ),
        "booking": (
            "{Nur mit Termin|Nur nach Vereinbarung}, bitte mindestens {2 Stunden|eine Stunde|einen Tag} vorher buchen.",
            "Beim ersten Termin ist eine kleine Anzahlung nötig.",
            "Beim ersten Treffen bitte kurz vorstellen: {per SMS|per Nachricht} mit Vorname und Wunschzeit.",
            "Bitte {zuerst schreiben|vor dem Anruf schreiben}{, keine Anrufe nach 21 Uhr|, ich antworte "
            "innerhalb einer Stunde|}.",
        ),
        "price": ("{Meine Preise|Preise}: <price>{.|, nicht verhandelbar.| (Anzahlung wird angerechnet).}",),
        "contact": ("{SMS|Nachricht|Telefon}: <phone>",),
        "closing": ("Nur {respektvolle|höfliche|freundliche} Herren{, danke|}.",),
    },
}

TITLE_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("<name> - {relaxing massage|companion|elegant company} in <city>", "<city>: <name>, {massage|dinner "
           "dates}", "<name> {|♥ }<city>"),
    "fr": ("<name>, {massage relaxant|compagnie élégante} à <city>", "<city> - <name> {massage|accompagnatrice}"),
    "es": ("<name>, {masajes|compañía} en <city>", "<city> - <name> {masajista|acompañante}"),
    "de": ("<name> – {Massage|Begleitung} in <city>", "<city>: <name>, {Massage|Begleitung}"),
}  # fmt: skip

# Sentence joiners a poster habitually uses.
JOINERS: Final = (" ", " ", "\n", " ✨ ", " • ", "\n\n", " ☆ ")
