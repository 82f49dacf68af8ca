"""Phone numbers as E.164, including numbers written to evade detection.

Reading order:

1. The de-obfuscation front end (:mod:`unveil.normalise.deobfuscate`) rewrites
   number words, look-alike letters, emoji keycaps, Unicode digits and odd
   separators into plain digit runs, keeping a map back to the original text.
2. Each digit run that could be a phone (7 to 15 digits, optional ``+``/``00``
   prefix) is read by libphonenumber with the ad's ``country`` as the default
   region; an explicit country code always wins, and a national number valid
   only in a neighbouring country is that country's.  A run too long for one number
   is split only where the poster left a separator, never inside a plain block
   of digits (an order number is not two phones).
3. Runs that are something else are dropped: dates and times, prices and
   measures (a currency or unit right before or after), numbers inside a web
   address other than a messaging link (``wa.me/...``, ``tel:``), unless the
   address spells a valid number out the way a poster writes it: grouped in a
   slug (``/new-in-town-212-555-0123/``) or given to a phone-like query key
   (``?phone=2125550123``).  Classified sites put the poster's number in the
   ad's own address; a bare block of digits in a path is an ad's id.

Each phone carries ``obfuscated`` (how it was written), ``foreign`` (country
code differs from the ad's country), and ``confidence``: ``valid`` when
libphonenumber knows the number range, ``possible`` when only the length fits
(fiction ranges such as UK 07700 900xxx are possible, not valid).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, NamedTuple

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberFormat, PhoneNumberType

from unveil.extract.ages import is_month_word
from unveil.extract.base import AdContext
from unveil.extract.cities import flag_code, word_before
from unveil.extract.crypto import iban_shaped_spans, may_be_in_iban
from unveil.extract.spans import SpanIndex, alnum_around
from unveil.extract.urls import SCHEME_URL, web_address_spans
from unveil.normalise.deobfuscate import deobfuscate_digits_if, digit_spans, glued_layouts, written_plainly
from unveil.normalise.markup import decode_link_escapes
from unveil.normalise.memo import per_text
from unveil.normalise.offsets import NormalisedBuilder, NormalisedText
from unveil.types import Entity

MIN_DIGITS = 7
MAX_DIGITS = 15
#: Fewest digits any plausible number has, country code included (Austria: +43 and a 4-digit national
#: number).  A field whose de-obfuscated text cannot hold this many digits holds no phone, so it is not
#: de-obfuscated at all (see ``deobfuscate_digits_if``); a unit test checks the value against the
#: libphonenumber metadata.
MIN_PLAUSIBLE_DIGITS = 6
# A possible-but-not-valid number must be dialable as a whole and this long:
# libphonenumber calls four-digit local numbers "possible" too.
MIN_POSSIBLE_NATIONAL_DIGITS = 8

# Words and symbols that make the digits before them a price, a measure or a
# duration.  Lower-case, compared against the few characters around a run; on the same line ("-0177\n$200/hr"
# ends a number, then a rate starts).
_UNIT_AFTER = re.compile(
    r"[ \t\u00a0]?(?:€|\$|£|eur|euro|euros|gbp|usd|chf|pln|zł|zl|lei|ron|kr|kč|czk|huf|евро|евра|грн|руб|лв|лева|зл|"
    r"roses?|min|mins|minutes?|h\b|hr|hrs|hours?|"
    r"heures?|horas?|stunden?|std|ore|uur|godz|godzin[ay]?|kg|lbs?|cm|ft|km|kms|m²|m2|qm|mq|sqm|years?|yo|ans|años|"
    r"anos|jahre|anni|jaar|lat|lata|ani|de ani|let|rokov|år|éves|vuotta|godina|godine|ετών|%|"
    r"btc|eth|usdt|usdc|xmr|ltc|trx|sats?)"
    r"(?![^\W\d_])",  # a whole word: "Horario", "you", "minimum" are no units
    re.IGNORECASE,
)
# A currency right before a digit run makes its first group an amount (searched in a 5-character window
# ending at the run, so ``\Z`` is the window's end); only a run the poster broke into groups is cut.
# Not after a digit: in "150€ 01 99 00 12 34" the sign closes the amount before it.  Not across a line
# break: in "Roma EUR\n312 345 6711" the code ends its line (Rome's EUR district).
_CURRENCY_BEFORE = re.compile(
    r"(?<![0-9])(?<![0-9]\s)(?:[€$£]|(?<![a-z])(?:eur|gbp|usd|chf|pln|ron|kr))[ \t\u00a0]?\Z", re.IGNORECASE)
# A label right before a number that names it an identifier ("Order ref #2025550199", "Post ID ...",
# "Anzeigen-Nr. ...", "réf. ..."): searched in the _ID_LABEL_REACH characters ending at the number.  A
# listing word ("ad", "annonce", "Anzeige") counts only with a number word after it ("ad #", "annonce
# n°") or after a label ("Réf. annonce"); "n°", "Nr." and "No." alone also stand before phones ("mon n° :
# 06 ...", "Handy Nr. 0170 ...").
_LISTING_WORD = (r"(?:ad|post|listing|annonce|anuncio|annuncio|anzeigen?|inserats?|advertentie|an[uú]ncio|ogłoszeni[ae]"
                 # a directory's profiles and members: "Profile #713...", "Profil-Nr.: 442...", "Member ID"
                 r"|profile?|profiel|perfil|profilo|member|membre|mitglieds?|user|benutzer|utente|usuario"
                 r"|objekt|object|objet|immobilie"
                 r"|anun[tț](?:ului)?|inzer[aá]tu?|rezervace|rezerv[aá]cia|objedn[aá]vk[ayu]|резервация"
                 r"|объявлени[яеи]|оголошення|анкет[аыиу]"
                 # the Nordic, Baltic and central European words: "Ilmoitus nro", "Annonse nr", "Skelbimo Nr."
                 r"|ilmoitus|ilmoituksen|annonse|annons|kuulutus|kuulutuse|skelbim(?:as|o)|sludin[aā]jum[sa]"
                 r"|oglas[au]?|hirdet[eé]s)")
_NUMBER_WORD = r"(?:id|#|no\.?|nr\.?|nro\.?|n[°º]|n\.|№|č\.?|br\.?|num[eé]ro|number|nummer|n[uú]mero)"
_ID_LABEL_BEFORE = re.compile(
    rf"(?<![^\W\d_])(?:{_LISTING_WORD}[\s-]?{_NUMBER_WORD}"
    # the number word first: "numéro d'annonce", "número de anuncio", "numer ogłoszenia"
    rf"|(?:num[eé]ro|n[uú]mero|numer|nummer|num[aă]r|n[°º]|nr\.?|cod(?:ul)?|c[oó]digo|codice|номер|αριθμ[οό]ς)\s?"
    r"(?:de\s|d['’]|del\s|do\s|van\s(?:de\s)?|al\s)?"
    rf"(?:l['’])?{_LISTING_WORD}|(?:"
    r"order|ordine|commande|pedido|bestellung|bestelling|zamówienie|comand[aă]|invoice|facture|factura|"
    # ... and in Russian, Ukrainian, Greek and the Balkan languages: "Заказ №", "Αριθμός παραγγελίας",
    # "Porudžbina br.", "Код подтверждения"
    r"заказ[аy]?|замовлення|(?:αριθμ[οό]ς\s)?παραγγελ[ιί]ας|porud[žz]bin[aeu]|narud[žz]b[aeu]|"
    r"код\s(?:подтверждения|заказа|бронирования)|"
    r"fattura|rechnung|tracking|ticket|transaction|booking\s?(?:ref|no|nr|number|code|id)|id|r[eé]f|r[eé]f[eé]rence|"
    r"referencia|refer[eê]ncia|riferimento|rif|referenz|referentie|referin[tț][aă]|"
    r"(?:bestell|auftrags|rechnungs|referenz|kunden|steuer)(?:-?nummer|-?nr)|"
    # bank and business numbers: "Acc 1234 5678", "BSB 062-000", "ABN 51 824 753 556", "sort code"
    r"acc|acct|abn|acn|bsb|sort\s?code|"
    # postcodes by their labels: "PLZ-Bereich 5020 / 5026", "Postleitzahl", "CAP 20121", "code postal"
    r"plz|plz-bereich|postleitzahl(?:en)?|postcodes?|code\spostal|c[oó]digo\spostal|cap|kod\spocztowy|"
    # tax, company and personal numbers: "CPF 123.456.789-09", "NIP", "KvK", "UID", "CEP" (a postcode)
    r"cpf|cnpj|cep|nif|nipc|nie|nip|regon|pesel|kvk|btw|uid|cui|cnp|siret|siren|ust-?id|mwst|tva|vat|rcs|"
    # court and company registers: "KRS 0000123456", "Delaware file no. 7731942", "Company no. 09876543"
    r"krs|rea|cro|file|company|companies\shouse|registration|handelsregister|registernummer|"
    r"faktura|fv|bce|ide|hrb|ondernemingsnummer|(?:num[eé]ro|n[°º])\s?d['’]entreprise|"
    # ... in the other languages of Europe: accounts, bookings, tax and company numbers ("účet", "VS",
    # "Adószám", "Org.nr", "CVR", "Y-tunnus", "ЕИК", "PIB", "Davčna številka", "Registrikood", "ΑΦΜ")
    r"[uú][cč]et|[uú][cč]tu|vs|i[cč]o|di[cč]|"
    r"ad[oó]sz[aá]m|c[eé]gjegyz[eé]ksz[aá]m|sz[aá]mlasz[aá]m(?:ra|om)?|banksz[aá]mla(?:sz[aá]m)?|"
    r"rendel[eé]ssz[aá]m|azonos[ií]t[oó]|hirdet[eé]ssz[aá]m|"
    r"org\.?\s?nr|orgnr|organisations?nummer|organisasjonsnummer|bankgiro|plusgiro|clearing(?:nr|nummer)?|"
    r"konto(?:nr|nummer)?|personnummer|cvr|reg\.?\s?nr|"
    r"y-?tunnus|tili(?:lle|numero)?|viite(?:numero)?|"
    r"еик|ддс|булстат|сметка|pib|oib|ra[cč]una?|[zž]iro|"
    r"dav[cč]na\s[sš]tevilka|mati[cč]na\s[sš]tevilka|trr|registrikood|isikukood|arveldusarve|"
    r"[įi]mon[eė]s\skodas|pvm\skodas|s[aą]skait[aą]|pvn|konts|αφμ|λογαριασμ[οό]ς|"
    # German, Italian, Dutch, Portuguese and Argentine accounts and tax numbers: "Kto.", "BLZ", "conto",
    # "P. IVA", "rekening", "NIB", "CBU"
    r"kto|blz|conto|p\.?\s?iva|partita\s?iva|rekening(?:nummer)?|nib|cbu|cvu|"
    # identity documents: "Паспорт 45 12 345678", "passport no."
    r"паспорт|passport|passeport|pasaporte|passaporto|passaporte|reisepass|paszport|pa[sș]aport|"
    r"id\s?card|carte\s?d['’]identit[eé]|personalausweis|dni|cni|"
    r"s[eé]curit[eé]\s?sociale|social\s?security|ssn|nir|seguridad\s?social|sozialversicherungs(?:nummer|nr)|"
    r"codice\s?fiscale|national\s?insurance|"
    # codes and numbers of bookings, orders, parcels, vouchers, cases and permits: "Promo code", "Gutscheincode",
    # "Codice prenotazione", "Localizador", "Numer zamówienia", "N° de suivi", "Claim no.", "City permit"
    r"promo\s?code|code\s?promo|discount\s?code|coupon(?:\s?code)?|voucher(?:\s?code)?|gift\s?card|"
    r"confirmation(?:\s?code)?|receipt|(?:case|claim)\s?(?:#|no|nr|number)|permit|licen[cs]e|serial|isbn|"
    r"(?:gutschein|rabatt|buchungs|sendungs|anzeigen|inserats|bestel|order|boekings|advertentie|annonce|annons"
    r"|annonse)(?:code|nummer|nr)|"
    r"codice\s(?:sconto|prenotazione|promozionale|coupon)|tracciamento|"
    r"c[oó]digo\s(?:de\s)?(?:reserva|descuento|promocional|promo)|localizador|seguimiento|encomenda|"
    r"zam[oó]wienia|(?:n[°º]|num[eé]ro)\s?de\s?suivi|suivi|"
    # view counters of a profile page: "Views: 12 345 678", "Wyświetlenia", "Aufrufe"
    r"views|vues|aufrufe|wy[sś]wietle[nń](?:ia)?|weergaven|visualizzazioni|visualiza[cç][oõ]es|vizualiz[aă]ri|"
    r"katselukerrat|visninger|visningar|per[žz]i[uū]ros|skat[iī]jumi|vaatamised|megtekint[eé]sek|"
    r"zobrazen[ií]a?|ogledi|pregledi"
    # ... and a country or series code written before the number: "UID CHE-123.456.788", "TVA LU1234..."
    rf")\.?(?:[\s-]?{_LISTING_WORD})?(?:\s?{_NUMBER_WORD}\.?)?"
    # "KvK onder nummer", "unter der Nummer", "sous le numéro", "under number"
    rf"(?:\s(?:onder|unter\sder|sous\sle|under|with)\s{_NUMBER_WORD})?)"
    # ... with the number in the next cell of a table: "| Order ref # | 4165550133 |"
    r"\s?[:#]?\s?[#:]?\s?(?:\|\s?)?(?:[a-z]{1,3}[-\s]?|[a-z]{4,8}-)?$",
    re.IGNORECASE,
)
_ID_LABEL_REACH = 32
# The words such a label can end with (lower case), before "#", ":" or "." : a cheap test first.
_ID_LABEL_LAST_WORDS = frozenset("""
    ad post listing annonce anuncio annuncio anzeige anzeigen inserat advertentie anuncio anúncio ogłoszenie ogłoszenia
    plz bereich plz-bereich postleitzahl postleitzahlen postcode postcodes postal cap pocztowy
    profile profil
    anunt anunț anunțului anuntului
    id no nr n° nº numero numéro number nummer número num
    order ordine commande pedido bestellung bestelling zamówienie comanda comandă invoice facture factura fattura
    rechnung tracking ticket transaction ref réf reference référence referencia referência riferimento rif
    referenz referentie referinta referință bestellnummer auftragsnummer rechnungsnummer referenznummer
    kundennummer advertentienummer advertentienr annoncenummer annonsnummer annonsenummer
    acc acct abn acn bsb code cpf cnpj cep nif nipc nie nip regon pesel kvk btw uid cui cnp siret
    siren ust-id ustid id mwst tva vat rcs faktura fv bce ide hrb idnr steuernummer ondernemingsnummer entreprise
    krs rea cro handelsregister registernummer registration
    účet účtu ucet uctu vs ičo ico dič dic rezervace rezervácia rezervacia objednávka objednávky objednávku
    objednavka objednavky objednavku inzerát inzerátu inzerat inzeratu č № adószám adoszam cégjegyzékszám
    cegjegyzekszam számlaszám számlaszámra számlaszámom szamlaszam szamlaszamra bankszámla bankszámlaszám
    bankszamla rendelésszám rendelesszam azonosító azonosito hirdetésszám orgnr organisationsnummer
    organisasjonsnummer bankgiro plusgiro clearing clearingnr clearingnummer konto kontonr kontonummer
    personnummer cvr tunnus ytunnus tili tilille tilinumero viite viitenumero еик ддс булстат сметка
    резервация pib oib račun računa racun racuna žiro ziro številka stevilka trr registrikood isikukood
    arveldusarve kodas sąskaita saskaita sąskaitą pvn konts αφμ λογαριασμός λογαριασμος
    steuernr kto blz conto iva rekening rekeningnummer nib cbu cvu
    паспорт passport passeport pasaporte passaporto passaporte reisepass paszport pasaport pașaport card identité
    identite personalausweis dni cni объявления объявление объявлении оголошення анкеты анкета анкети анкету
    заказ заказа замовлення παραγγελίας παραγγελιας porudžbina porudzbina porudžbine porudzbine porudžbinu
    porudzbinu narudžba narudzba narudžbe narudzbe narudžbu narudzbu br подтверждения бронирования
    sociale security ssn nir social sozialversicherungsnummer sozialversicherungsnr fiscale insurance
    promo promocode coupon voucher gift giftcard confirmation receipt claim case permit license licence serial isbn
    gutscheincode rabattcode buchungscode buchungsnummer buchungsnr sendungsnummer anzeigennummer inseratsnummer
    bestelcode bestelnummer ordercode ordernummer ordernr boekingscode boekingsnummer sconto prenotazione
    promozionale tracciamento reserva descuento promocional localizador seguimiento encomenda zamówienia
    zamowienia suivi views vues aufrufe wyświetlenia wyświetleń wyswietlenia weergaven visualizzazioni
    visualizações visualizacoes vizualizări vizualizari
    nro ilmoitus ilmoituksen annonse annons kuulutus kuulutuse skelbimas skelbimo sludinājums sludinajums
    sludinājuma sludinajuma oglas oglasa oglasu hirdetés hirdetes katselukerrat visninger visningar peržiūros
    perziuros skatījumi skatijumi vaatamised megtekintések megtekintesek zobrazení zobrazeni zobrazenia ogledi
    pregledi
""".split())
# Registry and VAT numbers with more between the label and the digits: a court's town and section ("RCS
# Paris B 199 001 234", "RPM Bruxelles"), or a country code and check key ("TVA intracommunautaire FR 32
# 199 001 234").  Tried only when one of _REGISTRY_WORDS stands in the window before the number.
_REGISTRY_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?:rcs|rpm)\s(?:[^\W\d_][\w'’-]*\s){1,2}(?:[ab]\s)?"
    r"|(?:tva|vat|btw|iva|mwst|ust-?id(?:nr)?)\.?(?:\s?intra-?com(?:munautaire)?)?\s?(?:n[°º]\s?)?[:#]?\s?"
    # the country code in capitals: "TVA FR 32 ...", not "Iva call 020 ..."
    r"(?-i:[A-Z]{2})(?:[\s.-]?[0-9a-z]{2})?[\s.-]?)$",
    re.IGNORECASE,
)
_REGISTRY_WORDS = ("rcs", "rpm", "tva", "vat", "btw", "iva", "mwst", "ust")
# Digit groups split by line breaks or emoji ("202💋555💋0147"): at most this many groups, this many
# characters between two of them (see ``_split_numbers``).
MAX_SPLIT_GROUPS = 15
MAX_SPLIT_GAP = 12
_LINE_REACH = 40
# ... and the long horizontal strokes of Chinese and Japanese text (the numeral one and the sound mark, as
# input methods type a dash between digits: "626一555一0146")
# (OCR reads specks between a flyer's digit groups as ' and `: "01 99 00' 37 `82")
_SPLIT_PUNCT = frozenset(".,-/*~_|#•·()[]{}:'`\u4e00\u30fc")
_LINE_DASHES = frozenset("–—")  # a typographic dash splits a number only alone on its line ("202\n—\n555")
_PRICE_EMOJI = frozenset("🌹💵💶💷💴💰💲💸")
# A phone inside a letters-and-digits token this long, with digits of the token outside it, is part of an
# identifier (crypto addresses are 26-62 characters, hashes and references longer); looked at up to
# _ID_REACH characters on each side, so the test is bounded on a megabyte of letters.
MIN_ID_CHARS = 20
_ID_REACH = 64
# Calendar dates (day and month in range, a 19xx/20xx year) and clock times.
# French numbers such as 06.39.98.12.34 are not dates: 39 is no month.
_DATE_TIME = re.compile(
    r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:19|20)\d{2}(?!\d)"
    r"|(?<!\d)(?:19|20)\d{2}[./-](?:0?[1-9]|1[0-2])[./-](?:0?[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?<!\d)(?:[01]?\d|2[0-3])[:h][0-5]\d(?!\d)"
    # a date with a two-digit year, day or month first, one separator: "12/03/26", "03.12.26" (not a
    # number grouped in twos, "06.12.34.56.78")
    r"|(?<![\d./-])(?:0?[1-9]|[12]\d|3[01])(?P<ds>[./])(?:0?[1-9]|[12]\d|3[01])(?P=ds)\d{2}(?![\d/]|[.,-]\d)"
    # the month first (United States): "03/14/2025"
    r"|(?<!\d)(?:0?[1-9]|1[0-2])[./-](?:0?[1-9]|[12]\d|3[01])[./-](?:19|20)\d{2}(?!\d)"
    # a range of years, "© 2010-2025" (not after a group of digits: "02 2010 2025" may be a Milan number)
    r"|(?<!\d)(?<!\d\s)(?:19|20)\d{2}\s?[-–]\s?(?:19|20)\d{2}(?!\d)"
    # a rating, "10/10", "4,8/5"
    r"|(?<![\d/.,])(?:[0-9]|10)(?:[.,][0-9])?/(?:5|10)(?!\d|[/.,]\d)"
    # a month and year: "member since 03.2019", "07/2025"; not the start of a longer dotted number
    r"|(?<![\d./-])(?:0?[1-9]|1[0-2])[./](?:19|20)\d{2}(?!\d|[./-]\d)"
    # body measurements: "36-24-36"; height/weight(/size): "172/56/36", "165/52"
    # (not after an area code: "(050) 123-45-67", "+52 (222) 123-45-62")
    r"|(?<![\d-])(?<!\d )(?<!\))(?<!\) )[2-5]\d-[1-4]\d-[2-5]\d(?![\d-])"
    # in centimetres, "90-60-90", set apart (not "07.94-60-67_8", a number split by symbols)
    r"|(?<![\d\-.|/_])(?<!\d )(?<!\))(?<!\) )(?:[6-9]\d|1[0-2]\d)-[4-9]\d-(?:[6-9]\d|1[0-2]\d)(?![\d-]|[._|/]\d)"
    r"|(?<![\d/])1[4-9]\d/[3-9]\d(?:/[2-5]\d)?(?![\d/])"
    # age/height/weight(/size): "24/170/58", "24/170/55/3", "Лена | 24 | 170 | 55"
    r"|(?<![\d/|])[1-6]\d(?P<hs>[ \t]?[/|][ \t]?)1[4-9]\d(?P=hs)(?:[3-9]\d|1[0-2]\d)(?:(?P=hs)\d{1,3})?(?![\d/|])"
    # a range of clock times with a dot: "10.00-22.00"
    r"|(?<![\d.])(?:[01]?\d|2[0-3])\.[0-5]\d\s?[-–]\s?(?:[01]?\d|2[0-4])\.[0-5]\d(?!\d|\.\d)"
    # a range of days without a year, months in two digits: "10/07 - 14/07", "1.08-4.08"
    # (each maybe closed by a dot, as the languages of central and northern Europe write it: "12.03.–15.03.")
    r"|(?<![\d.])(?:0?[1-9]|[12]\d|3[01])[./](?:0[1-9]|1[0-2])\.?\s?[-–]\s?(?:0?[1-9]|[12]\d|3[01])[./](?:0[1-9]|1[0-2])"
    r"(?:\.(?!\d)|(?![\d.]))"
    # ... or month first with slashes, as the United States writes them: "3/17–3/19", "12/30 - 1/2"
    r"|(?<![\d./])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])\s?[-–]\s?(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
    r"(?![\d/]|\.\d)"
    # ... months in one digit where a dot closes each date: "12.3.–15.3."
    r"|(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.[1-9]\.\s?[-–]\s?(?:0?[1-9]|[12]\d|3[01])\.(?:[1-9]|1[0-2])\.(?!\d)"
    # ... the month written once, after the last day: "Hannover 18.–20.03.", "12.–14.3."
    r"|(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.\s?[-–]\s?(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?!\d)"
    # days of one month listed: "1/12 2/12 3/12", "01.12., 02.12., 03.12." (the same separator and month)
    r"|(?<![\d./])(?:0?[1-9]|[12]\d|3[01])(?P<ls>[./])(?P<lm>0?[1-9]|1[0-2])\.?"
    r"(?:,?[ \t]{1,2}(?:0?[1-9]|[12]\d|3[01])(?P=ls)(?P=lm)\.?){1,30}(?![\d/]|\.\d)"
)
# A day and month alone at the start of a run, before a comma ("le 15/03, 01 99 ...", "01.12., 02.12.")
# or before a space and a number dialled with its trunk 0 ("du 01.12 au 05.12 01 99 00 68 02").
_DAY_MONTH_THEN_COMMA = re.compile(
    r"(?:(?:0?[1-9]|[12]\d|3[01])[-–])?(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])"
    r"(?:\.?(?=,)|[.)\]]{0,2}[ \t]{1,2}(?:[-–:][ \t]{1,2})?(?=0[1-9]))")
# A range of two-digit figures closing a sentence or an item, "clients 30-60. ...": ages, not a phone's start.
_RANGE_THEN_STOP = re.compile(r"(?<!\d)([1-9]\d)[-–]([1-9]\d)(?=[.,;] )")
# "plus" spelled out before a number stands for "+" (en/fr/de/nl/ro/pl/cs/fi "plus", hu "plusz", no/et/lv
# "pluss", lt "plius", tr "artı", es "más", it "più", pt "mais", ru/uk/be "плюс", "plyus", mk/sr/bg "плус").
_PLUS_WORD = re.compile(r"(?:^|[^\w])(plus[sz]?|plius|artı|m[aá]s|pi[uù]|mais|плюс|плус|plyus|pljus)[\s,:.\-]*$",
                        re.IGNORECASE)
# A word made only of letters that stand for 0 and 1, right before a run (see ``_letters_lead``).
_LETTERS_LEAD = re.compile(r"(?<![^\W_])([OoIl]{1,3})[ .\-]{1,2}$")
_LETTER_DIGITS = str.maketrans("OoIl", "0011")
_PIPE_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])\|(?=[0-9])")
# Messaging links whose number is always international, written without its "+": "wa.me/447700900123",
# "api.whatsapp.com/send?phone=...", "viber://chat?number=...".
_INTERNATIONAL_LINK = re.compile(
    r"(?:wa ?(?:\.|[\[(] ?(?:\.|dot|punto|point|punkt) ?[\])]|dot|punto|point|punkt) ?me ?/ ?(?:c/)?|whatsapp\.com/send/?\?(?:[\w=&]*&)?phone=|viber://(?:chat|add)\?number=(?:%2[Bb])?"
    r"|tg://resolve\?(?:[\w=&]*&)?phone=)$",
    re.IGNORECASE)
_MESSAGING_URL = re.compile(r"(?:wa\.me|whatsapp\.com|t\.me|tg://|signal\.me|viber|tel:|sms:|callto:)", re.IGNORECASE)
# Inside a web address, a number counts when grouped like a phone in a slug: digit groups joined by single
# "-", "." or "_" and nothing else, standing between slug or path punctuation (not glued to letters or
# digits)...
_SLUG_PHONE = re.compile(r"\+?[0-9]+(?:[-._][0-9]+)+")
_SLUG_EDGE_BEFORE = frozenset("/-_=+")
_SLUG_EDGE_AFTER = frozenset("/-_?&#.\"'")  # the quote closing a link's address in markup
# ... or when a query key says it is one ("?phone=2125550123", "&tel=+44...").
_PHONE_KEY_BEFORE = re.compile(
    r"[?&;](?:phone|phone_?number|tel|telephone|mobile|mob|cell|number|whatsapp|wa|contact)=$", re.IGNORECASE)
# Cheap test before a whole-field web address is read for numbers at all.
_URL_PHONE_HINT = re.compile(r"[0-9][-._][0-9]|=\+?[0-9]")


def plausible(number: phonenumbers.PhoneNumber) -> bool:
    if phonenumbers.is_valid_number(number):
        return True
    reason = phonenumbers.is_possible_number_with_reason(number)
    return bool(
        reason == phonenumbers.ValidationResult.IS_POSSIBLE
        and len(phonenumbers.national_significant_number(number)) >= MIN_POSSIBLE_NATIONAL_DIGITS
    )


def _region(country: str | None) -> str:
    if country and country in phonenumbers.SUPPORTED_REGIONS:
        return country
    return "ZZ"  # unknown region: only numbers with an explicit country code are read


class _Read(NamedTuple):
    """A plausible number and what the extractor reports about it, computed once per candidate."""

    number: phonenumbers.PhoneNumber
    e164: str
    valid: bool
    region: str | None


def _parse(candidate: str, region: str) -> phonenumbers.PhoneNumber | None:
    read = _read(candidate, region)
    return read.number if read is not None else None


# Countries whose numbers posters bring across a border without the country code (a French number in a
# Belgian ad, a British one in an Irish ad), most frequent first.  A national number that is only
# "possible" at home is the first neighbour's where it is valid; NANP countries share one code.
_NEIGHBOURS: dict[str, tuple[str, ...]] = {
    # France: numbers of the overseas departments' own ranges before Switzerland's (a mobile of Guadeloupe,
    # "0690 ...", may be valid there)
    "FR": ("BE", "RE", "GP", "MQ", "GF", "CH"),
    "GB": ("IE",), "IE": ("GB",), "BE": ("FR", "NL"), "NL": ("BE", "DE"),
    "LU": ("FR", "BE", "DE"), "MC": ("FR",), "CH": ("FR", "DE", "AT", "IT"),
    "DE": ("AT", "CH", "NL", "PL", "FR"),
    "AT": ("DE", "CH"), "IT": ("CH", "FR"), "ES": ("FR",), "PL": ("DE",), "RO": ("MD",), "MD": ("RO",),
    "AU": ("NZ",), "NZ": ("AU",), "MX": ("US",),
    # France's overseas departments share its numbering and trunk "0": posters touring them keep their
    # mainland number ("01 99 00 23 45" in Guadeloupe), and the other way round
    "GP": ("FR",), "MQ": ("FR",), "GF": ("FR",), "RE": ("FR",), "YT": ("FR",), "PM": ("FR",),
    "BL": ("FR",), "MF": ("FR",),
}


@functools.lru_cache(maxsize=65536)
def _read(candidate: str, region: str) -> _Read | None:
    """Parse ``candidate`` (digits, maybe a leading ``+``) with ``region`` as default; None if implausible.

    Cached: the same numbers recur across the ads of one poster or network.  The ``PhoneNumber`` inside is
    shared between calls and must not be modified.
    """
    try:
        number = phonenumbers.parse(candidate, region)
    except NumberParseException:
        return None
    valid = phonenumbers.is_valid_number(number)
    if not valid and candidate.startswith("+"):
        nsn = phonenumbers.national_significant_number(number)
        if nsn.startswith("0"):
            # "+420 (0) 601 000 033": a trunk zero written out of habit where the country has none
            bare = phonenumbers.parse(f"+{number.country_code}{nsn[1:]}")
            if phonenumbers.is_valid_number(bare):
                number, valid = bare, True
        elif number.country_code == 52 and len(nsn) == 11 and nsn.startswith("1"):
            # "+52 1 222 123 4544": the mobile prefix Mexico dropped in 2019, still written
            bare = phonenumbers.parse(f"+52{nsn[1:]}")
            if phonenumbers.is_valid_number(bare):
                number, valid = bare, True
    if not valid:
        reason = phonenumbers.is_possible_number_with_reason(number)
        nsn = phonenumbers.national_significant_number(number)
        if not (reason == phonenumbers.ValidationResult.IS_POSSIBLE and len(nsn) >= MIN_POSSIBLE_NATIONAL_DIGITS):
            return None
        if nsn[:1] == "0" and _trunk_zero(number.country_code or 0):
            # "078 123 45 6" in Switzerland: libphonenumber keeps the trunk "0" of a number too short to be
            # one, and "+41078123456" is no number anyone can dial
            return None
        if number.country_code == 1 and (nsn[0] in "01" or nsn[3] in "01"):
            # libphonenumber's "possible" is a length test; no North American area code or exchange starts
            # with 0 or 1: "01 99 00 12 34" in a US ad, "123 456 7890"
            return None
    return _Read(
        number,
        phonenumbers.format_number(number, PhoneNumberFormat.E164),
        valid,
        phonenumbers.region_code_for_number(number) if valid else None,
    )


@functools.cache
def _trunk_zero(country_code: int) -> bool:
    """Whether the country's national numbers are dialled with a trunk "0" that is no part of them."""
    region = phonenumbers.region_code_for_country_code(country_code)
    md = PhoneMetadata.metadata_for_region(region) if region else None
    return md is not None and md.national_prefix == "0"


def _home_typo(written: str, home: str) -> bool:
    """Whether ``written`` (a national number of ``home`` that is no valid one) is a home mobile number with
    a digit missing or one too many: "0151 2345678" in a German ad is no Vienna landline, "06 1234567" in a
    Dutch one no Belgian number."""
    variants = [written[:-1]] + [written + d for d in "0123456789"]
    for v in variants:
        try:
            n = phonenumbers.parse(v, home)
        except NumberParseException:
            continue
        if phonenumbers.is_valid_number(n) and phonenumbers.number_type(n) in _MOBILE_TYPES:
            return True
    return False


_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})


@functools.lru_cache(maxsize=4096)
def _across_border(e164: str, written_with_trunk: bool = False, grouped: str = "") -> _Read | None:
    """A number read as national but only possible at home (``e164``), as the valid number of the first
    neighbouring country where it is one, written as at home and starting with that country's trunk
    prefix; else None.

    Decided on the whole number once it is found, never while a run is being split: a piece of a number
    valid next door must not change where the run is cut.  ``written_with_trunk``: the poster wrote a
    leading 0 that the parser dropped as a trunk prefix no national number of ``home`` shows (Monaco's:
    "01 99 00 12 42" there is France's).  ``grouped``: the number as written, whose groups pick between two
    neighbours where it is valid ("01 99 00 72 83" in a German ad is France's, not Vienna's)."""
    number = phonenumbers.parse(e164)
    home = phonenumbers.region_code_for_country_code(number.country_code or 0)
    if home not in _NEIGHBOURS:
        return None
    trunk = _national_dialling(home)[0]
    if not trunk and written_with_trunk:
        trunk = _parsed_trunk(home)
    written = trunk + phonenumbers.national_significant_number(number)
    if _home_typo(written, home):
        return None
    return _neighbours_read(written, home, grouped)


def _parsed_trunk(region: str) -> str:
    """The trunk prefix libphonenumber strips when it parses a national number of ``region`` though the
    region's numbers are written without one ("0" in Monaco), else ""."""
    meta = PhoneMetadata.metadata_for_region(region)
    prefix = (meta.national_prefix or "") if meta is not None else ""
    return prefix if prefix.isdigit() else ""


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Web addresses whose digits are not phone numbers (not a messaging link), and the message a
    messaging link fills in.

    Only addresses with a path or a ``www.`` can hold a number that is not the host's own: a text with
    neither ``/`` nor ``www.`` is not searched.
    """
    if "/" not in text and "www." not in text and "WWW." not in text and "Www." not in text:
        return []
    spans: list[tuple[int, int]] = []
    if "=" in text:
        # a page's own links kept in scraped markup: "<a href=\"/report/59761776\">" holds an id
        spans.extend(m.span(1) for m in _RELATIVE_LINK.finditer(text))
    for s, e in web_address_spans(text):
        if not _MESSAGING_URL.search(text, s, e):
            spans.append((s, e))
            continue
        message = _MESSAGE_KEY.search(text, s, e)
        if message is not None:  # "send?phone=39...&text=Ciao ... n.%20884512": the message is no number
            spans.append((message.start(), e))
    return spans


# A pair of decimal degrees, "48.8566, 2.3522", "-33.8688 151.2093" (a map's pin): four or more decimals
# each, which no phone's groups have after a dot.
_COORDINATES = re.compile(r"(?<![\d.])-?\d{1,3}\.\d{4,8}°?(?:\s?[NSns])?\s?[,;]?\s{0,2}-?\d{1,3}\.\d{4,8}(?![\d.])")


class _Accounts:
    """The IBAN-shaped spans of one text, found the first time a candidate may lie in one."""

    __slots__ = ("_index",)

    def __init__(self) -> None:
        self._index: SpanIndex | None = None

    def hit(self, text: str, start: int, end: int) -> bool:
        if self._index is None:
            if not may_be_in_iban(text, start, end):
                return False
            self._index = SpanIndex(iban_shaped_spans(text))
        return self._index.hits(start, end)


def _coordinate_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _COORDINATES.finditer(text)] if "." in text else []


_RELATIVE_LINK = re.compile(r"""(?:href|src|action)[ ]?=[ ]?["']?([/?#][^"'\s<>]{0,300})""", re.IGNORECASE)
_MESSAGE_KEY = re.compile(r"[?&;](?:text|body|message|msg)=", re.IGNORECASE)


def _spelled_in_url(text: str, ostart: int, oend: int, read: _Read) -> bool:
    """Whether a valid number at ``text[ostart:oend]`` inside a web address is written as a phone there."""
    if not read.valid:
        return False  # a web address needs a real number range: ids and fiction-only "possible" numbers stay out
    if _PHONE_KEY_BEFORE.search(text, max(0, ostart - 16), ostart) is not None:
        return oend == len(text) or not text[oend].isalnum()
    return (
        _SLUG_PHONE.fullmatch(text, ostart, oend) is not None
        and (ostart == 0 or text[ostart - 1] in _SLUG_EDGE_BEFORE)
        and (oend == len(text) or text[oend] in _SLUG_EDGE_AFTER)
    )


def _inside_id(text: str, ostart: int, oend: int) -> bool:
    """Whether ``text[ostart:oend]`` is part of a long letters-and-digits token with digits of its own
    elsewhere: a crypto address, a hash, a reference ("0x5290...0F7030069857D2E..."), or of a code with
    capitals glued on both sides; not a phone glued to a word ("call07700900123", "zerosevenseven...")."""
    if not ((ostart > 0 and text[ostart - 1].isalnum()) or (oend < len(text) and text[oend].isalnum())):
        return False
    if ostart > 0 and text[ostart] == "+" and text[ostart - 1].isdigit() \
            and (oend == len(text) or not text[oend].isalnum()):
        return False  # "+442079460123+33199001234": two numbers written onto each other
    if ostart > 0 and oend < len(text) and text[ostart - 1].isupper() and text[oend].isupper():
        return True  # capitals glued on both sides: a code ("NL123456789B01", a VAT number)
    lo, hi = alnum_around(text, ostart, oend, _ID_REACH)
    if ostart > lo and oend < hi and lo > 0 and text[lo - 1] in "/+=":
        return True  # letters on both sides in a link's path: an invite code ("t.me/+aBcD1234567890xyz")
    if ostart - lo >= 3 and text[ostart - 1].isupper() and text[ostart - 2].isupper() \
            and any(c.isdigit() for c in text[lo:ostart]):
        return True  # digits, capitals, then the run: a code ("1Z999AA10123456784", a parcel's tracking number)
    if hi - lo < MIN_ID_CHARS:
        return False
    return any(c.isdigit() for c in text[lo:ostart]) or any(c.isdigit() for c in text[oend:hi])


# A listing word of a language other than English alone before a number: the ad's own number on a scraped
# page ("Anzeige 41524028", "Annonce : 2245871"), when the number is not written as a phone is (with a "+"
# or a trunk "0"); "ad" alone stays prose ("saw your ad 2125550147").
_LISTING_ALONE = re.compile(
    r"(?<![^\W\d_])(?:annonce|anuncio|annuncio|anzeige|inserat|advertentie|an[uú]ncio|ogłoszenie|anun[tț])"
    r"\s?[:#]?\s?$", re.IGNORECASE)


# A possessive or an article before a label word followed by a full stop: the word ends a sentence of prose
# ("with my passport. 716.555.0181"), not a label ("Steuernr. 244/123/45678").
_PROSE_BEFORE = re.compile(r"(?<![^\W\d_])(?:my|your|the|her|his|our|mi|mon|ma|mein|meine|il|la|le)\s+\Z",
                           re.IGNORECASE)


def _labelled_as_id(text: str, ostart: int) -> bool:
    """An identifier's label right before original offset ``ostart`` ("Order ref #", "Post ID:").

    The label pattern is tried only when the last word before the number can end a label: most phones
    follow "call", "tel" or nothing, and this test is cheaper than the pattern's search.
    """
    lo = max(0, ostart - _ID_LABEL_REACH)
    if "\u20e3" in text[lo:ostart]:
        head = text[lo:ostart].replace("\ufe0f\u20e3", "").replace("\u20e3", "")
        return _labelled_as_id(head, len(head))  # "Profile #️⃣ 4165550133": the keycap "#" is a "#"
    if text.startswith(("CHE-", "CHE "), ostart - 4) and not (ostart > 4 and text[ostart - 5].isalnum()):
        return True  # a Swiss company number, "CHE-199.001.234"
    window = text[lo:ostart].lower()
    if any(w in window for w in _REGISTRY_WORDS) and _REGISTRY_BEFORE.search(text, lo, ostart) is not None:
        return True
    i = ostart
    while i > lo and text[i - 1] in " \t:#.-|" and ostart - i < 6:  # "|": the number in the label's next cell
        i -= 1
    j = i
    while j > lo and (text[j - 1].isalpha() or text[j - 1] in "°º№"):
        j -= 1
    word = text[j:i].lower()
    if text.startswith(".", i) and text[i + 1 : i + 2].isspace() and _PROSE_BEFORE.search(text, lo, j):
        return False  # "I cross the border with my passport. 716.555.0181": a sentence ends, no label
    if word not in _ID_LABEL_LAST_WORDS and (1 <= len(word) <= 3 or (len(word) <= 8 and text[j:i].isupper())) \
            and j > lo and text[j - 1] == " ":
        # a country or series code before the number: the label is the word before it ("UID: CHE-123...",
        # "ref: ANNA-2079-...")
        i = j - 1
        while i > lo and text[i - 1] in " \t:#." and j - i < 4:
            i -= 1
        j = i
        while j > lo and (text[j - 1].isalpha() or text[j - 1] in "°º№"):
            j -= 1
        word = text[j:i].lower()
    if word not in _ID_LABEL_LAST_WORDS:
        return False
    if word == "cep" and _CEP_SHAPE.match(text, ostart) is None:
        return False  # Turkish "Cep:" (mobile) before a phone; a Brazilian postcode is "01310-200"
    if ostart < len(text) and text[ostart] not in "+0" and _LISTING_ALONE.search(text, lo, ostart) is not None:
        return True
    return _ID_LABEL_BEFORE.search(text, lo, ostart) is not None


_CEP_SHAPE = re.compile(r"[0-9]{5}-?[0-9]{3}(?![0-9])")


def _currency_before(text: str, ostart: int) -> bool:
    """A currency sign or code right before original offset ``ostart`` ("£40", "EUR 150", "$ 200")."""
    return _CURRENCY_BEFORE.search(text, max(0, ostart - 5), ostart) is not None


# The rest of a bust, waist and hips after a cup size: "34C-24-36 (702) ..." starts its run at "24".
_CUP_BEFORE = re.compile(r"(?<![\d.])[2-5]\d ?[A-Ha-h]{1,3} ?[-/] ?\Z")
_WAIST_HIPS = re.compile(r"[1-4]\d ?[-/] ?[2-5]\d(?=[ \t])")
# A day and month in brackets before a number dialled with its trunk 0, maybe hidden in words ("Lyon (17/06)
# z3ro un . n3uf ...": the run goes on in the folded text with "0199...").
_BRACKETED_DAY_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[)\]][ \t]{1,2}")
_TRUNK_START = re.compile(r"0[1-9]")
# A ZIP+4 code before a number in a US ad: "TX 77002-1234 · 713-555-0184".
_ZIP4 = re.compile(r"\d{5}-\d{4}(?=[ \t])")


def _after_leading_dates(text: str, nt: NormalisedText, start: int, end: int, region: str = "ZZ") -> int:
    """Where the run ``nt.text[start:end]`` goes on after the dates, times or ranges it starts with (a day and
    month alone only before a comma: "le 15/03, 01 99 ..."; a range of growing two-digit figures before a
    full stop or a comma: "30-60. 512 ..."), a waist and hips after a cup size, or a US ZIP+4 code;
    ``start`` when it starts with none."""
    while start < end:
        at = nt.starts[start]
        m = _DATE_TIME.match(text, at) or _DAY_MONTH_THEN_COMMA.match(text, at)
        if m is None and at >= 3 and text[at - 1] in "-/ " and _CUP_BEFORE.search(text, max(0, at - 8), at):
            m = _WAIST_HIPS.match(text, at)
        if m is None and region == "US":
            m = _ZIP4.match(text, at)
        if m is None:
            r = _RANGE_THEN_STOP.match(text, at)
            m = r if r is not None and r.group(1) < r.group(2) else None  # "panowie 30-60. 512 345 672"
        trunk_after = False
        if m is None and at > 0 and text[at - 1] in "([":
            m = _BRACKETED_DAY_MONTH.match(text, at)  # "Lyon (17/06) z3ro un . n3uf ...": a tour's day
            trunk_after = m is not None
        if m is None or m.end() >= nt.ends[end - 1]:
            return start
        cut = bisect.bisect_left(nt.starts, m.end(), start, end)
        if cut >= end or cut == start or (trunk_after and _TRUNK_START.match(nt.text, cut) is None):
            return start
        start = cut
    return start


# Days of a month listed before its name: "les 01 02 03 04 05 décembre", "am 3, 4 und 5 Mai".
_DAYS_THEN = re.compile(r"(?:[ \t,]{1,3}(?:et|and|und|y|e|i|en|og|och|a|és|si|și)[ \t]{1,2}(?:0?[1-9]|[12]\d|3[01]))?"
                        r"[ \t.]{1,2}([^\W\d_]{3,12})\.?(?![^\W\d_])")
_DAY_GROUPS = re.compile(r"(?:0?[1-9]|[12]\d|3[01])(?:[ \t]?[,/-]?[ \t]{1,2}(?:0?[1-9]|[12]\d|3[01]))+")


def _days_before_month(text: str, ostart: int, oend: int) -> bool:
    """Whether ``text[ostart:oend]`` is days of a month listed before the month's name (``months`` in
    attributes/ages.yaml), not a number grouped in twos."""
    if not text[oend:oend + 1].isspace() and text[oend:oend + 1] not in (",", "."):
        return False
    m = _DAYS_THEN.match(text, oend)
    return m is not None and _DAY_GROUPS.fullmatch(text, ostart, oend) is not None and is_month_word(m.group(1))


def _is_date_or_time(text: str, start: int, end: int) -> bool:
    """A date or clock time overlapping ``text[start:end]`` ("réf. 2025-04-17-0032" holds a date)."""
    lo, hi = max(0, start - _DATE_REACH), min(len(text), end + _DATE_REACH)
    if _DATE_HINT.search(text, lo, hi) is None:
        return False  # most numbers: no digit, separator, digit anywhere near
    return any(m.start() < end and m.end() > start for m in _DATE_TIME.finditer(text, lo, hi))


_DATE_REACH = 12
# Every form of _DATE_TIME has a digit, one of these separators and a digit (a stats line may space its
# slashes or bars: "24 / 170 / 55", "24 | 170 | 55"): a cheap test before it.
_DATE_HINT = re.compile(r"[0-9][./:h-][0-9]|[0-9] ?[/|] ?[0-9]")


def _unit_follows(text: str, end: int) -> bool:
    return _UNIT_AFTER.match(text, end, min(len(text), end + 12)) is not None


# "020 7946 0211 / 0212", "01 99 00 37 41 / 42": the next line of an office, written by its last digits only
# A word item after a slash: the digits before it are an item of a list too ("... / 24 / Leeds")
_WORD_ITEM_NEXT = re.compile(r"[ \t]{0,2}[/|][ \t]{0,2}[^\W\d_]")
_SHORT_NEXT = re.compile(r"[ \t]{0,2}/[ \t]{0,2}([0-9]{2,4})(?![0-9]|[ \t.-]?[0-9]|[^\W\d_])")


def _next_in_line(text: str, e: Entity) -> Entity | None:
    """The number written after ``e`` by its last two to four digits only, when it reads as a valid number:
    four digits must keep all but the last two of the digits they replace ("0211 / 0212", not "0211 / 2024")."""
    m = _SHORT_NEXT.match(text, e.end)
    if m is None or not e.value.startswith("+"):
        return None
    if _unit_follows(text, m.end()) or _WORD_ITEM_NEXT.match(text, m.end()) is not None:
        return None  # "Léa / 01 99 00 13 45 / 23 ans / Lyon", "Tél ... / 55 kg / 1m65": the next item of a list
    tail = m.group(1)
    k = len(tail)
    old = e.value[-k:]
    if tail == old or tail[: k - 2] != old[: k - 2]:
        return None
    read = _read(e.value[:-k] + tail, "ZZ")
    if read is None or not read.valid:
        return None
    return Entity(kind="phone", value=read.e164, field=e.field, start=m.start(1), end=m.end(1), text=tail,
                  attrs=dict(e.attrs))


# The prefix of a message in a chat's export, at a line's start: WhatsApp "[12/03/2026, 22:01:10] Jasmine: ",
# "12/03/2026, 23:10 - Gemma: ", "3/9/26, 6:05 PM - +1 (312) 555-0118: ", "12/03/2026 à 23:10 - Lina: ".
_CHAT_PREFIX = re.compile(
    r"^\[?\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?(?: à| um| alle| a las| às| o)? \d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"(?: ?[ap]\.? ?m\.?)?\]?(?: -)? [^\n:]{1,40}: ", re.MULTILINE | re.IGNORECASE)
_CHAT_REACH = 2000  # two prefixes in the first characters tell an export


def _across_messages(extractor: PhoneExtractor, text: str, field: str, ctx: AdContext,
                     found: list[Entity]) -> list[Entity]:
    """Phones sent in pieces over several messages of a chat's export ("Gemma: 07700" / "Gemma: 900" /
    "Gemma: 846"): read once more without the messages' prefixes, so that the pieces stand on lines of their
    own; offsets mapped back to ``text``; a number found already is not repeated."""
    out = NormalisedBuilder(text)
    pos = 0
    for m in _CHAT_PREFIX.finditer(text):
        out.copy(pos, m.start())
        pos = m.end()
    out.copy(pos, len(text))
    bare = out.build()
    taken = [(e.start, e.end) for e in found]
    extra = []
    for e in extractor._extract(bare.text, field, ctx):
        if "\n" not in e.text:
            continue  # within one message: read already
        start, end = bare.to_original(e.start, e.end)
        if not any(a < end and start < z for a, z in taken):
            extra.append(replace(e, start=start, end=end, text=text[start:end]))
    return extra


class PhoneExtractor:
    name = "phones"
    kinds: tuple[str, ...] = ("phone",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        links = decode_link_escapes(text)
        if links is None:
            found: Iterable[Entity] = self._extract(text, field, ctx)
        else:
            # "tel:%2B44%2020%207946%200321": read with the link's escapes decoded, reported as written
            found = [replace(e, start=(span := links.to_original(e.start, e.end))[0], end=span[1],
                             text=text[span[0]:span[1]]) for e in self._extract(links.text, field, ctx)]
        if "\n" in text and text.count(":", 0, _CHAT_REACH) >= 2 \
                and len(_CHAT_PREFIX.findall(text, 0, _CHAT_REACH)) >= 2:  # a colon a message: a cheap test
            found = list(found)
            found += _across_messages(self, text, field, ctx, found)
        if "/" not in text:
            yield from found
            return
        for e in found:
            yield e
            short = _next_in_line(text, e)
            if short is not None:
                yield short

    def _extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        # None: a number that reads as none anyone can dial (see ``_entity``)
        found = [e for e in self._read_numbers(text, field, ctx) if e is not None]
        if len(found) > 1:
            found = _without_home_twins(found, _region(ctx.reading_country))
        yield from found

    def _read_numbers(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity | None]:
        if SCHEME_URL.fullmatch(text) and not _MESSAGING_URL.search(text) and _URL_PHONE_HINT.search(text) is None:
            return  # one web address (an ad's own link) with no number written as a phone
        nt = deobfuscate_digits_if(text, ctx.lang, MIN_PLAUSIBLE_DIGITS)
        if nt is None:  # cannot hold enough digits for any phone number
            return
        runs = digit_spans(nt)
        if not runs:
            return
        region = _region(ctx.reading_country)
        home_cc = phonenumbers.country_code_for_region(region) if region != "ZZ" else 0
        # A phone is foreign only to a stated country or one taken from the ad's own town, never to a guess
        # from the towns its text names or its web address.
        foreign_to = home_cc if ctx.country or ctx.assumed_from == "city" else 0
        assumed = None if ctx.country else ctx.assumed_country
        # the nationalities this field or another field of the ad names ("British babe in Benidorm" as the
        # title, "020 7946 0301" in the body)
        nations = nations_named(text) | ctx.nations if ctx.nations else nations_named(text)
        urls = _blocked_spans(text) + _coordinate_spans(text)
        blocked = SpanIndex(urls) if urls else None
        accounts = _Accounts()  # IBAN-shaped spans, found once a phone needs them
        ntext = nt.text
        unread: list[tuple[int, int]] = []  # runs that read as no number: maybe groups of one, split apart
        rejected: list[tuple[int, int]] = []  # runs whose every reading was dropped as figures
        id_end = -10  # where the digits of the last run labelled as an identifier end
        plus_head: tuple[int, int] | None = None  # the last run, when it starts with "+" and read as nothing
        for start, end, obfuscated in runs:
            head, plus_head = plus_head, None
            if head is not None:
                joined = _joined_to_plus(text, nt, head, (start, end), region)
                if joined is not None:
                    unread.remove(head)
                    ostart, oend = nt.starts[head[0]], nt.ends[end - 1]
                    if not _not_a_phone(text, ostart, oend):
                        yield _entity(text, field, ostart, oend, joined, home_cc, True, foreign_to, assumed,
                                      nations, trunk=False)
                    continue
            if end - start - (ntext[start] == "+") < MIN_PLAUSIBLE_DIGITS:
                unread.append((start, end))
                if ntext[start] == "+":
                    plus_head = (start, end)
                continue  # too few digits for any number, even after a spelled-out "plus"
            run_start = start
            if ntext[start] != "+" and _currency_before(text, nt.starts[start]):
                # "£40. 020 7946 0678": the first group is the amount of a price; the number starts after it.
                cut = next((i for i in range(start + 1, end) if nt.starts[i] > nt.ends[i - 1]), None)
                if cut is not None:
                    if end - cut < MIN_PLAUSIBLE_DIGITS:
                        continue
                    start = cut
            if ntext[start] != "+":
                # "12.03.2025 – 15.03.2025, 01 99 00 68 02": dates at the start of a run are not its number.
                start = _after_leading_dates(text, nt, start, end, region)
                if end - start < MIN_PLAUSIBLE_DIGITS:
                    unread.append((start, end))  # maybe the first group of a number split apart
                    continue
            if start != run_start and obfuscated:
                # "Buffalo 3/17–3/19 716.555.0121": the dates' dash hid nothing of the number after them
                obfuscated = not written_plainly(text[nt.starts[start]:nt.ends[end - 1]])
            ostart_run = nt.starts[start]
            if _labelled_as_id(text, ostart_run) or (
                    0 <= ostart_run - id_end <= 2 and not text[id_end:ostart_run].strip(" -")):
                # "conto 0300 2032 8001 2345 6789 012": an account number, all of it (the front end may
                # have cut its digits into more than one run), up to a list's mark ("Company No. 01234567 ·
                # 020 7946 0715": the number after the mark is not the identifier's)
                item_end = _list_mark_cut(nt, start, end)
                if item_end is None:
                    id_end = nt.ends[end - 1]
                    continue
                id_end = nt.ends[item_end - 1]
                start, ostart_run = item_end, nt.starts[item_end]
                if end - start < MIN_PLAUSIBLE_DIGITS:
                    unread.append((start, end))
                    continue
            lead_at = _spelled_plus(text, nt, start, end)
            international = lead_at is not None or (
                ntext[start] != "+" and _INTERNATIONAL_LINK.search(text, max(0, nt.starts[start] - 48),
                                                                   nt.starts[start]) is not None)
            marked = None if international or ntext[start] == "+" else \
                _marked_country(text, ostart_run, nt.ends[end - 1])
            numbers = list(_numbers_in_run(nt, start, end, marked, plus=False)) if marked else []
            if not all(read.valid for _, _, read in numbers):
                # only "possible" in the marked country: read there if the ad's own reads no valid number
                home = list(_numbers_in_run(nt, start, end, region, plus=international))
                numbers = home if any(read.valid for _, _, read in home) else numbers
            elif not numbers:
                numbers = list(_numbers_in_run(nt, start, end, region, plus=international))
            whole_valid = any(s == start and e == end and read.valid for s, e, read in numbers)
            if region != "ZZ" and not international and marked is None and MIN_DIGITS <= end - start <= MAX_DIGITS \
                    and ((ntext[start] == "0" and not whole_valid)
                         or (nations and ntext[start] not in "+0" and _national_dialling(region)[0] == "0"
                             and (home_cc in _OPEN_PLANS or not whole_valid))):
                # "English girl in Sliema, ring 020 7946 0301": a number the ad's country reads as nothing
                # valid as written (or only a piece of it) is her own country's, valid there whole; so are
                # digits with no trunk "0" where home numbers are written with one ("American girl in Berlin
                # ... (646) 555-0192" is the US number, no German figures)
                nation = _read_in_nations(nations, ntext[start:end], region)
                if nation is not None:
                    written = text[nt.starts[start]:nt.ends[end - 1]]
                    nation = _home_or_named(written, nation, _neighbours_read(ntext[start:end], region, written)) \
                        or nation
                    numbers = [(start, end, nation)]
            if not numbers and obfuscated and lead_at is None:
                lead = _letters_lead(nt, start, end, region)
                if lead is not None:
                    lead_at, read = lead
                    numbers = [(start, end, read)]
                else:
                    piped = _pipes_as_ones(text, nt.starts[start], nt.ends[end - 1], region)
                    if piped is not None:
                        numbers = [(start, end, piped)]
            if not numbers:
                unread.append((start, end))
                if ntext[start] == "+":
                    plus_head = (start, end)
            figure_at = _measured_figure(text, nt, start, end)
            for s, e, read in numbers:
                if s > start and ntext[start] == "0" and not read.valid:
                    # "01 99 00 65 43" in a Polish ad: the rest after a leading "01" is only possible there,
                    # a number with its first digits dropped, not a number after a figure
                    continue
                ostart, oend = nt.to_original(s, e)
                hidden = obfuscated if (s, e) == (start, end) else not written_plainly(text[ostart:oend])
                if figure_at is not None and e > figure_at:
                    continue  # "rok 2014 – 145 000 km": a year, then a mileage, no group of it a phone's
                if _unit_follows(text, oend):
                    # "... 6 9. 150 EUR": a price glued onto the number; read it without its last group.
                    shorter = _without_last_group(nt, s, e, region)
                    if shorter is not None:
                        e, read = shorter
                        ostart, oend = nt.to_original(s, e)
                    elif _last_group_listed(nt, s, e) or _last_group_thousands(nt, s, e) \
                            or _RANGE_OF_AMOUNTS.fullmatch(text, ostart, oend) is not None:
                        # "Porto 4000-123, 80 euros": a postcode, then a price; "80/110/140 €"; "Ford Focus
                        # 2016, 98.000 km": a year, then a figure in thousands; "1500-2200 EUR": a range
                        continue
                if lead_at is not None and s == start:
                    ostart, hidden = lead_at, True
                if blocked is not None and blocked.hits(ostart, ostart + 1) \
                        and not _spelled_in_url(text, ostart, oend, read):
                    continue
                if _not_a_phone(text, ostart, oend, ostart_run) or ntext[s:e].lstrip("+") in _COUNTING:
                    continue
                if accounts.hit(text, ostart, oend):
                    continue
                if not international and ntext[s] not in "+0" and (
                        _untrunked_figures(read, home_cc, region, text[ostart:oend])
                        or _growing_round_amounts(_FIGURE_SPLIT.split(text[ostart_run:nt.ends[end - 1]].strip()),
                                                  _round_amounts_in_row(region, home_cc))
                        or (oend < nt.ends[end - 1]
                            and _growing_round_amounts(_FIGURE_SPLIT.split(text[ostart:oend].strip()),
                                                       _round_amounts_in_row(region, home_cc)))
                        or _amounts_then_lengths(text, ostart_run, nt.ends[end - 1])):
                    # "Rates 150 200 350" in a British ad: a national number is written with its 0;
                    # "Tarifas: 100-150-200-300" anywhere: four growing round amounts are a rate card; three
                    # where numbers have no trunk prefix ("Priser: 2000 2500 4000" in a Danish ad); the
                    # number read may end before its run does ("100 / 150 / 250 / 800 (30 min / 1 ora ...")
                    rejected.append((start, end))
                    continue
                yield _entity(text, field, ostart, oend, read, home_cc, hidden, foreign_to, assumed,
                              nations, trunk=ntext[s] == "0")
        joins: list[tuple[int, int, _Read]] = []
        if len(unread) >= 2 and sum(e - s for s, e in unread) >= MIN_DIGITS:
            joins = list(_split_numbers(text, nt, unread, region))
        # runs whose own readings were all figures may end or start a number the front end cut apart
        tails = sorted({*rejected, *unread})
        if len(tails) >= 2:
            joins += [j for j in _tail_joins(text, nt, tails, region)
                      if not any(a < j[1] and j[0] < z for a, z, _ in joins)]
        if joins:
            for ostart, oend, read in joins:
                if blocked is not None and blocked.hits(ostart, oend):
                    continue
                if _not_a_phone(text, ostart, oend):
                    continue
                if accounts.hit(text, ostart, oend):
                    continue
                # Groups split by line breaks or emoji are hidden; by a plain space after a date, not.
                first = bisect.bisect_left(nt.starts, ostart)
                if "".join(filter(str.isdigit, ntext[first:bisect.bisect_left(nt.starts, oend)])) in _COUNTING:
                    continue
                trunk = first < len(ntext) and ntext[first] == "0"
                if first < len(ntext) and ntext[first] not in "+0" \
                        and _untrunked_figures(read, home_cc, region, text[ostart:oend]):
                    continue
                yield _entity(text, field, ostart, oend, read, home_cc, not written_plainly(text[ostart:oend]),
                              foreign_to, assumed, nations, trunk=trunk)


_CODE_ALIASES = {"UK": "GB", "USA": "US"}


def country_of_code(code: str) -> str | None:
    """The ISO country a code as posters and web addresses write it names ("uk", "UK" and "USA" too), if
    libphonenumber knows it."""
    upper = code.upper()
    country = _CODE_ALIASES.get(upper, upper)
    return country if country in phonenumbers.SUPPORTED_REGIONS else None


def _only_strings(data: dict[str, Any], where: str) -> None:
    """Refuse a word YAML read as something else: unquoted no, yes, on, off are booleans ("no" for number)."""
    for key in ("codes", "number_words"):
        items = data.get(key)
        for w in items if isinstance(items, list) else ():
            if not isinstance(w, str):
                raise ValueError(f"{where}: {key}: {w!r} is not a word; quote it (YAML reads unquoted no, yes, "
                                 "on, off as true or false)")
    for key in ("words", "demonyms", "call_words", "separator_words"):
        groups = data.get(key)
        for group, ws in groups.items() if isinstance(groups, dict) else ():
            for w in ws if isinstance(ws, list) else ():
                if not isinstance(w, str) or not isinstance(group, str):
                    raise ValueError(f"{where}: {key}.{group}: {w!r} is not a word; quote it (YAML reads unquoted "
                                     "no, yes, on, off as true or false)")


class _Marks(NamedTuple):
    """``attributes/phone_marks.yaml``, compiled."""

    codes: frozenset[str]
    words: dict[str, str]  # adjective or name (lower case) -> ISO code
    number_words: frozenset[str]
    before: re.Pattern[str]
    call: re.Pattern[str]  # any of ``call_words``, whole and in any case
    separators: frozenset[str]  # ``separator_words``, lower case
    last_words: frozenset[str]  # the last word of each of ``words`` ("unidos" of "estados unidos")
    nations: dict[str, str]  # one-word ``words`` and ``demonyms`` (lower case) -> ISO code


@functools.cache
def _marks() -> _Marks:
    from unveil.extract.cities import load_attribute_data

    data = load_attribute_data("phone_marks.yaml")
    where = "attributes/phone_marks.yaml"
    _only_strings(data, where)
    codes = frozenset(str(c) for c in data.get("codes") or ())
    words: dict[str, str] = {}
    for country, names in (data.get("words") or {}).items():
        if str(country) not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"{where}: words: {country!r} is not a country code libphonenumber knows")
        for name in names or ():
            words[str(name).lower()] = str(country)
    bad = sorted(c for c in codes if country_of_code(c) is None)
    if bad:
        raise ValueError(f"{where}: codes: {', '.join(bad)} are not country codes libphonenumber knows")
    nouns = frozenset(str(w).lower() for w in data.get("number_words") or ())
    if not nouns:
        raise ValueError(f"{where}: number_words is empty")
    noun_re = "(?:" + "|".join(re.escape(n) for n in sorted(nouns, key=lambda n: (-len(n), n))) + ")"
    # "de Estados Unidos", "des États-Unis"; a hyphen before the noun: "UK-numero"
    # ... and abbreviations with dots inside: "Cel. EE.UU. 469 ...", "Número de EE. UU.: 956 ..."
    word = r"[^\W\d_]+(?:\.[^\W\d_]+){0,3}"
    name = rf"{word}(?:\.?[ -]{word}){{0,2}}\.?"
    before = re.compile(
        r"(?:(?<![A-Za-z])(?P<open>\()?(?P<code>[A-Z]{2,3})(?(open)\)(?P<colon2> ?[:：])?|(?P<colon> ?[:：\-–—])?)"
        r"|(?:(?P<flag>[\U0001F1E6-\U0001F1FF]{2})\ufe0f?(?P<flagcolon>[ \t]?[:：])?"
        rf"|(?i:(?<![^\W\d_])(?:(?P<adj>{name})(?:\.? |-){noun_re}|{noun_re} (?P<adj2>{name})"
        rf"|{noun_re}[ \t]?\((?P<adj4>{name})\)))(?![^\W\d_])"  # "Τηλέφωνο (Γαλλία): 01 99 ..."
        rf"(?i:[ \t](?:{_COPULAS})(?:[ \t](?:{_ARTICLES}))?)?"  # "Mi número de USA es (el) 915 ..."
        # "Spanish number (WhatsApp only): 612", "Número inglés 👉 020 ..."
        # ... the mark in brackets before a colon: "Telefoon (Engels nummer): nul twee nul ..."
        r"(?:[ \t]{0,2}\((?P<aside>[^()\n]{1,48})\))?[ \t]{0,2}(?:\)[ \t]?)?(?:[:：.)\-–—]|" + _ARROWS + r")?"
        r"|(?i:(?<![^\W\d_])(?P<adj3>[^\W\d_]+))[ \t]?[:：]))"
        r"(?P<gap>[ \t]{0,2}|[ \t]{0,2}\n[ \t]{0,2})\(?\Z")  # "Romanian: 0712 ...", "Romanian number:\n0712 ..."
    calls = data.get("call_words") or {}
    if not isinstance(calls, dict) or not calls:
        raise ValueError(f"{where}: call_words must map languages to lists of words")
    call_words = sorted({str(w).lower() for ws in calls.values() for w in ws or ()}, key=lambda w: (-len(w), w))
    call = re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in call_words) + r")(?![^\W\d_])",
                      re.IGNORECASE)
    seps = data.get("separator_words") or {}
    if not isinstance(seps, dict):
        raise ValueError(f"{where}: separator_words must map languages to lists of words")
    separators = frozenset(str(w).lower() for ws in seps.values() for w in ws or ())
    if any(not w.isalpha() for w in separators):
        raise ValueError(f"{where}: separator_words: each must be one word of letters")
    nations = {w: c for w, c in words.items() if " " not in w}
    for country, names in (data.get("demonyms") or {}).items():
        if str(country) not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"{where}: demonyms: {country!r} is not a country code libphonenumber knows")
        nations.update((str(name).lower(), str(country)) for name in names or ())
    return _Marks(codes, words, nouns, before, call, separators, frozenset(w.rsplit(" ", 1)[-1] for w in words),
                  nations)


# Arrows that point from a mark to its number: "Número inglés 👉 020 ...", "Numero inglese 👇\n020 ..."
_ARROW_CHARS = "👉👇➡⬇→⤵⏬"
_ARROWS = f"[{_ARROW_CHARS}]\ufe0f?"
_BEFORE_NUMBER = frozenset(" \t.)(\ufe0f" + _ARROW_CHARS)


# A number dialled as in North America, its "1" set apart: "1-713-555-0175", "1 (915) 555-0175"
_NANP_DIALLED = re.compile(r"1(?:[ .-]|[ .-]?\()[2-9][0-9]{2}\)?[ .-]?[2-9][0-9]{2}[ .-]?[0-9]{4}\Z")
_NANP_REGIONS = frozenset(phonenumbers.region_codes_for_country_code(1)) | {"ZZ"}


# A copula between a mark and its number: "Mi cel de Estados Unidos es (915) ...", "my UK number is 020 ..."
_COPULA_WORDS = frozenset({"es", "is", "est", "ist", "è", "é", "este", "jest", "to"})
_COPULAS = "|".join(sorted(_COPULA_WORDS))
_FOLDED_COPULAS = frozenset({"es", "is", "est", "ist", "e", "este", "jest", "to"})  # accents folded ("è", "é")
# ... and an article after it: "Mi número de Estados Unidos es el 520 ...", "Il mio numero inglese è il 020 ..."
_ARTICLE_WORDS = frozenset({"el", "il", "le", "o", "the"})
_ARTICLES = "|".join(sorted(_ARTICLE_WORDS))


_MARK_NEAR = 40  # how far before a number its mark may start ...
_MARK_REACH = 64  # ... or with an aside in brackets: "numer z USA (pracowałam kilka lat w Stanach): "
_MARK_AFTER = re.compile(
    r"[ \t]?(?:\((?:(?P<flag>[\U0001F1E6-\U0001F1FF]{2})\ufe0f?|(?P<code>[A-Z]{2,3}))\)"
    r"|(?P<flag2>[\U0001F1E6-\U0001F1FF]{2}))")
_LIST_BEFORE = frozenset("\n|/·•,;")
_WORDS_AFTER = re.compile(r"[ \t]{0,2}\(([^()\n]{2,32})\)")  # a few words in brackets after a number
_WORD_RUN = re.compile(r"[^\W\d_]+")


def _may_be_marked(text: str, ostart: int, marks: _Marks) -> bool:
    """A cheap test of what ends right before a number: a colon or dash, a flag, or a word that may end a
    mark (most numbers follow "call", "text" or a line break), maybe with an arrow between ("Número inglés
    👉 020 ...")."""
    i = ostart
    while i > 0 and ostart - i < 5 and text[i - 1] in _BEFORE_NUMBER:
        i -= 1
    if i > 0 and text[i - 1] == "\n":  # a mark ending the line before: "Romanian number:\n0712 ..."
        i -= 1
        while i > 0 and ostart - i < 10 and text[i - 1] in _BEFORE_NUMBER:
            i -= 1
    if i == 0:
        return False
    c = text[i - 1]
    if c in ":：-–—" or "\U0001F1E6" <= c <= "\U0001F1FF":
        return True
    if not c.isalpha():
        return False
    j = i - 1
    while j > 0 and i - j < 20 and (text[j - 1].isalpha() or (text[j - 1] == "." and j > 1 and text[j - 2].isalpha())):
        j -= 1
    word = text[j:i]
    low = word.lower()
    if low in _ARTICLE_WORDS:
        return word_before(text, j) in _FOLDED_COPULAS  # "... es el 520 ...", not "o 020" alone
    return low in marks.number_words or low in marks.last_words or low in _COPULA_WORDS or word in marks.codes


def _marked_country(text: str, ostart: int, oend: int) -> str | None:
    """The country a label, flag or adjective right before a number, or a code or flag right after it,
    says the number is from ("UK: 020 ...", "🇫🇷 06 ...", "my Italian SIM 312 ...", "0151 ... (DE)")."""
    marks = _marks()
    code = ""
    nxt = text[oend] if oend < len(text) else ""
    m = _MARK_AFTER.match(text, oend, oend + 12) if nxt and (nxt in " \t(" or "\U0001F1E6" <= nxt <= "\U0001F1FF") \
        else None
    if m is not None:
        flag = m.group("flag") or m.group("flag2")
        code = flag_code(flag) if flag else m.group("code") if m.group("code") in marks.codes else ""
    elif nxt in " \t(":
        m = _WORDS_AFTER.match(text, oend)
        if m is not None:  # "0712 034 527 (număr din România)", "... (Romanian number)"
            said = _WORD_RUN.findall(m.group(1).lower())
            if not marks.number_words.isdisjoint(said) and said != ["no"] and "no" not in said[:1]:
                pairs = [f"{a} {b}" for a, b in itertools.pairwise(said)]  # "(número de Estados Unidos)"
                code = next((marks.words[w] for w in pairs + said if w in marks.words), "")
    if not code and _may_be_marked(text, ostart, marks):
        # (farther back only where an aside in brackets may stand between: most numbers have none)
        reach = _MARK_REACH if "(" in text[max(0, ostart - _MARK_REACH):ostart] else _MARK_NEAR
        m = marks.before.search(text, max(0, ostart - reach), ostart)
        if m is not None and "\n" in m.group("gap") and ((m.group("flag") and not m.group("flagcolon"))
                                                         or (m.group("code") and not m.group("colon"))):
            m = None  # a flag or a code ending the line before tells a nationality or a town, not the number's
            # (with a colon it labels the number: "🇺🇸:\n212 555 0149")
        if m is not None:
            if m.group("flag"):
                code = flag_code(m.group("flag"))
            elif m.group("code"):
                if m.group("code") in marks.codes and (m.group("open") or m.group("colon")
                                                        or _starts_an_item(text, m.start("code"))):
                    code = m.group("code")
            else:
                written = m.group("adj") or m.group("adj2") or m.group("adj3") or m.group("adj4") or ""
                if written.lower() not in marks.words:
                    written = written.rstrip(".")  # "Укр. номер": an abbreviation's dot ("EE.UU." keeps it)
                said = written.lower().split(" ")
                if len(said) > 1 and said[-1] in _COPULA_WORDS:
                    said.pop()  # "Mi número de USA es ..."
                code = marks.words.get(" ".join(said)) or marks.words.get(said[-1]) or \
                    marks.words.get(" ".join(said[-2:])) or marks.words.get(said[0], "")
                aside = m.group("aside")
                if not code and aside in marks.codes:
                    code = aside  # "Tel oficina (UK): 020 ..."
                if not code and aside and not marks.number_words.isdisjoint(said_aside := aside.lower().split()):
                    # "Telefoon of WhatsApp (Engels nummer): ...": the mark in brackets names the country
                    code = next((marks.words[w] for w in said_aside if w in marks.words), "")
                if not code and (m.group("adj") or m.group("adj2")):
                    # a code in capitals next to a word for a number: "my RO mobile", "Nr. RO:"
                    code = next((w for w in (written.rsplit(" ", 1)[-1], written.split(" ", 1)[0])
                                 if w in marks.codes), "")
    return country_of_code(code) if code else None


def _starts_an_item(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a line or an item of a list ("CH 078 ... | DE 0151 ...")."""
    i = pos
    while i > 0 and text[i - 1] in " \t" and pos - i < 3:
        i -= 1
    return i == 0 or text[i - 1] in _LIST_BEFORE


def _valid_as_is(run: str, region: str) -> bool:
    number = _read(run, region)
    return number is not None and number.valid


_FIGURE_CHARS = frozenset("0123456789, ")


# (with spaces only after a head of one or two digits: "170 123 456" may be a mobile without its 0)
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?P<t>[.,'])\d{3}(?:(?P=t)\d{3})+"
                        r"|[1-9]\d?(?P<s>[ \u00a0\u202f])\d{3}(?:(?P=s)\d{3})+")
_FIGURE_SPLIT = re.compile(r"[\s\-–/·•]+")


def _untrunked_figures(read: _Read, home_cc: int, region: str, written: str) -> bool:
    """For digits written with no "+", "00" or trunk "0" before them, in a country whose national numbers
    are written with a trunk prefix: a number of that country is figures, not a phone, when it is only
    possible there ("Rates 150 200 350" in a British ad), is plain digits with a comma between them, or is
    written as three or more round amounts apart or joined by dashes ("Tarifs 150 200 350" or
    "150-250-400-1200 €" in a French ad reads as a valid Paris number without its 0)."""
    groups = _FIGURE_SPLIT.split(written.strip())
    if read.number.country_code != home_cc or _national_dialling(region)[0] != "0":
        return False
    if not read.valid or ("," in written and _FIGURE_CHARS.issuperset(written)):
        return True  # "Musterstraße 87, 10115 Berlin": a house number and a postcode
    if home_cc in _OPEN_PLANS:
        # German numbers of any length from 5 to 15 digits are "valid": without the trunk 0 a German
        # writes, digits are an identifier or hours ("Chip-Nr. 276098106543210", "IMEI 3501...",
        # "8-12 / 14-18 Uhr", "Kennziffer 2026-0417")
        return True
    if _THOUSANDS.fullmatch(written.strip()) is not None:
        return True  # "gesamt: 56 789 012": a count grouped in thousands
    if _FIGURE_THEN_TRUNK.match(written.strip()) is not None:
        return True  # "Skye 24 – 0491 570": an age, then the start of a number written with its trunk 0
    if len(groups) == 2 and all(g.isdigit() and 3 <= len(g) <= 4 and g[0] != "0" and g[-1] in "05"
                                for g in groups) and int(groups[0]) < int(groups[1]):
        return True  # "Hele nacht 900 1100" (night rates, incall and outcall) is no Dutch "0900 1100"
    return len(groups) >= 3 and all(
        g.isdigit() and 2 <= len(g) <= 4 and g[0] != "0" and g[-1] in "05" for g in groups)


# A figure set apart by a spaced dash or a comma before a group that opens with the trunk prefix.
_FIGURE_THEN_TRUNK = re.compile(r"\d{1,4}[ \t]*(?:[-–—][ \t]|,)[ \t]*0\d")

# Country codes whose numbering plan makes almost any run of digits a valid number (Germany)
_OPEN_PLANS = frozenset({49})


# Growing round amounts that make a rate card, where numbers have no trunk prefix (three; four in North
# America, where "310 450 2000" is a Los Angeles number).
_ROUND_AMOUNTS_IN_ROW = {1: 4}


def _round_amounts_in_row(region: str, home_cc: int) -> int:
    return 4 if _national_dialling(region)[0] else _ROUND_AMOUNTS_IN_ROW.get(home_cc, 3)


@functools.cache
def _home_trunk(home_cc: int) -> str:
    """The trunk prefix of national numbers where the country code ``home_cc`` is dialled ("" in Mexico)."""
    return _national_dialling(phonenumbers.region_code_for_country_code(home_cc))[0]


# The lengths of a rate card's amounts in a bracket after them: "150/250/400 (30 min/1 hr/2 hrs)".
_LENGTHS_IN_BRACKET = re.compile(
    r"\([ \t]?\d{1,3}[ \t]?(?:min|mins|minutes?|h|hr|hrs|hours?|uur|std|heures?|horas?|ore)(?![^\W\d_])",
    re.IGNORECASE)


def _amounts_then_lengths(text: str, a: int, z: int) -> bool:
    """Whether the run ``text[a:z]`` is three or more growing round amounts, then the bracket that opens their
    lengths: "rates: 150/250/400 (30 min/1 hr/2 hrs)" reads as no North American number."""
    bracket = text.find("(", a, z)
    if bracket < 0 or _LENGTHS_IN_BRACKET.match(text, bracket) is None:
        return False
    return _growing_round_amounts(_FIGURE_SPLIT.split(text[a:bracket].strip()), 3)


def _growing_round_amounts(groups: list[str], least: int) -> bool:
    """At least ``least`` groups of two to four digits, each a multiple of ten, each larger than the last."""
    if len(groups) < least or not all(g.isdigit() and 2 <= len(g) <= 4 and g[0] != "0" and g[-1] == "0"
                                      for g in groups):
        return False
    values = [int(g) for g in groups]
    return all(a < b for a, b in itertools.pairwise(values))


def _entity(text: str, field: str, ostart: int, oend: int, read: _Read, home_cc: int,
            obfuscated: bool, foreign_to: int, assumed: str | None, nations: frozenset[str],
            trunk: bool = True) -> Entity | None:
    """``nations``: the countries whose nationality the ad names (:func:`nations_named`).  ``trunk``: the
    number was written with a leading 0 (a trunk prefix), as a neighbour's number is when it is written like
    a national one; "Rates 150 200 350" in a British ad is no Irish number."""
    if read.valid and trunk and read.number.country_code == home_cc and nations:
        read = _named_layout(text[ostart:oend], read, _nationality_read(nations, read)) or read
    if not read.valid and read.number.country_code == home_cc:
        if trunk:
            read = _home_or_named(text[ostart:oend], _nationality_read(nations, read),
                                  _across_border(read.e164, True, text[ostart:oend])) or read
        elif not _home_trunk(home_cc):
            read = _across_border(read.e164) or read  # "(915) 555-0134" in a Mexican ad: El Paso's
    if not read.valid and phonenumbers.national_significant_number(read.number)[:1] == "0":
        # where numbers have no trunk prefix, a French "01 99 00 65 43" in a Polish ad is no "+48 0199 ..."
        # (read as the neighbour's number above when it is valid there: Luxembourg's French numbers)
        return None
    attrs = _attrs(read, foreign_to, obfuscated)
    if assumed is not None:
        attrs["assumed_country"] = assumed
    if ostart > 0 and text[ostart - 1] in "([" and _closes_before(text, ostart, oend, text[ostart - 1]):
        ostart -= 1  # "(212) 555-0142" whole, not "212) 555-0142": the bracket opens the area code
    return Entity(kind="phone", value=read.e164, field=field, start=ostart, end=oend, text=text[ostart:oend],
                  attrs=attrs)


def _closes_before(text: str, start: int, end: int, opening: str) -> bool:
    """Whether the bracket opened right before ``start`` closes inside ``text[start:end]``, with no other
    opened before it closes."""
    closing = ")" if opening == "(" else "]"
    close = text.find(closing, start, end)
    return close != -1 and text.find(opening, start, close) == -1


# A photo's or a document's file name: "IMG_2025550143.HEIC", "DSC-0199001234.jpg", "photo_4165550199_2.jpg",
# "/media/images/0199001234_thumb.jpg": the number glued to the name's other parts, the name ending in a type.
_FILE_NAME_TAIL = re.compile(r"[\w.-]{0,40}?\.(?i:jpe?g|png|heic|gif|webp|mp4|mov|avi|pdf|docx?)(?![\w.-])")


def _file_name(text: str, ostart: int, oend: int) -> bool:
    glued = (ostart > 0 and text[ostart - 1] in "_-/") or (oend < len(text) and text[oend] in "_-")
    return glued and oend < len(text) and text[oend] in "._-" and _FILE_NAME_TAIL.match(text, oend) is not None


def _counting_strings() -> frozenset[str]:
    """Digits that count up or down ("12345678910", "0123456789", "9876543210"): a numbered list read as
    one run ("1 2 3 4 5 6 7 8 9 10", "one\ntwo\nthree ...") or a placeholder, never a poster's number."""
    out = set()
    for first in range(10):
        for step in (1, -1):
            digits = ""
            for k in range(first, first + 15 * step, step):
                if k < 0:
                    break
                digits += str(k)
                if len(digits) >= MIN_PLAUSIBLE_DIGITS:
                    out.add(digits)
    return frozenset(out)


_COUNTING = _counting_strings()


def _not_a_phone(text: str, ostart: int, oend: int, unlabelled: int = -1) -> bool:
    """A date or time, part of a long identifier, a number labelled as an identifier or glued to a code,
    ending in a postcode before its place, an account or a card number.  ``unlabelled``: an offset already
    known to follow no identifier's label."""
    return _is_date_or_time(text, ostart, oend) or _inside_id(text, ostart, oend) or _masked(text, ostart, oend) \
        or _days_before_month(text, ostart, oend) or _file_name(text, ostart, oend) \
        or " = " in text[ostart:oend] \
        or (ostart != unlabelled and _labelled_as_id(text, ostart)) or _ends_in_postcode(text, ostart, oend) \
        or _DECIMAL.fullmatch(text, ostart, oend) is not None or _in_bank_account(text, ostart, oend) \
        or _in_card_number(text, ostart, oend) or _glued_to_code(text, ostart, oend) \
        or _in_iban_shape(text, ostart, oend)


# A code in capitals joined by a dash to a number written in dashed groups: a reference, a file's name or
# an offer's number ("DE-2025-0473", "IMG-20260313-WA0012.jpg", "Nr. 2025-0815-HH", "RO-11820"), never how
# a phone is written.
_CODE_DASH_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z]{2,5}-\Z")
_CODE_GLUED_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z]{2,5}\Z")
_GLUED_CALL_WORDS = frozenset({"tel", "ph", "phone", "call", "text", "txt", "sms", "wa", "mob", "cell", "no", "nr",
                               "num", "fon", "tlf", "tfn", "cel", "tg", "imsg"})
_DASH_CODE_AFTER = re.compile(r"-[A-Z]{1,5}[0-9]*(?![^\W_])")


def _glued_to_code(text: str, ostart: int, oend: int) -> bool:
    if ostart >= 3 and text[ostart - 1] == "-" and _CODE_DASH_BEFORE.search(text, ostart - 6, ostart) is not None:
        return True
    if ostart >= 2 and text[ostart - 1].isupper() and text[ostart] not in "+0":
        # a serial or a frame number, capitals glued to digits written with no trunk prefix ("WTU123456789");
        # not a call word glued on ("TEL2025550143")
        code = _CODE_GLUED_BEFORE.search(text, max(0, ostart - 6), ostart)
        if code is not None and code.group().lower() not in _GLUED_CALL_WORDS:
            return True
    return oend < len(text) and text[oend] == "-" and "-" in text[ostart:oend] \
        and _DASH_CODE_AFTER.match(text, oend) is not None


# A range of amounts before a currency or unit, "1500-2200 EUR", "havi 6000-9000 CHF": growing figures.
_RANGE_OF_AMOUNTS = re.compile(r"([1-9][0-9]{1,5})[ \t\u00a0]?[-–][ \t\u00a0]?([1-9][0-9]{1,5})")


# An account number in an IBAN's shape, valid or not ("IBAN: DE73 3704 0044 8882 3130 937" has a digit too
# many, "IT15 X030 6909 6061 7893 3826 99"): two capitals, two digits, then groups of four.
_IBAN_SHAPE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?:[ \u00a0\u202f.\-]?[A-Z0-9]{4}){3,8}(?:[ \u00a0\u202f.\-]?[A-Z0-9]{1,4})?"
    r"(?![A-Za-z0-9])")


def _in_iban_shape(text: str, ostart: int, oend: int) -> bool:
    """Whether ``text[ostart:oend]`` lies in an account number written as an IBAN is."""
    lo, hi = max(0, ostart - 40), min(len(text), oend + 40)
    return any(m.start() <= ostart and oend <= m.end() for m in _IBAN_SHAPE.finditer(text, lo, hi))


def _in_card_number(text: str, ostart: int, oend: int) -> bool:
    """Whether ``text[ostart:oend]`` lies in a card number ("PostePay n. 4023 6009 1234 5678": the phone
    reader may take its first three groups)."""
    if oend - ostart < 9:
        return False
    lo, hi = max(0, ostart - 20), min(len(text), oend + 20)
    return any(m.start() <= ostart and oend <= m.end() for m in _CARD_NUMBER.finditer(text, lo, hi))


# A number shown with its last digits hidden, behind a button that reveals it ("01512 34567XX Nummer
# anzeigen", "312 345 67** Mostra numero", "02 1234 56•• "): the digits shown are no number.
_MASK = re.compile(r"[xX*•●#?_]{2,}")  # glued to the digits: "Call 702-555-0147 xxx" signs off


def _masked(text: str, ostart: int, oend: int) -> bool:
    m = _MASK.match(text, oend)
    if m is None or (m.end() < len(text) and text[m.end()].isalnum()):
        return False
    mark = m.group()
    if mark in _EMPHASIS:
        # "**020 7946 0345**", "**Call: 020 7946 0345**": markdown's bold closes where it opened on the line
        line = text[text.rfind("\n", 0, ostart) + 1 : ostart]
        return line.count(mark) % 2 == 0
    return True


_EMPHASIS = frozenset({"**", "__", "***", "___"})


# Domestic bank account numbers whose groups a phone never has: Hungarian "11773016-11111018(-00000000)",
# Serbian "160-0000000123456-78", Czech and Slovak "19-2000145399/0800" (a bank code after the slash).
_BANK_ACCOUNT = re.compile(
    r"(?<![\d-])(?:\d{8}-\d{8}(?:-\d{8})?|\d{3}-\d{13}-\d{2}|(?:\d{1,6}-)?\d{6,10}/\d{4})(?![\d-]|/\d)"
)
# A card or voucher number: four groups of four digits ("Paysafecard 0123 4567 8901 2345"), more digits
# than any phone written with its trunk prefix.
_CARD_NUMBER = re.compile(r"(?<!\d)(?<!\d[ -])\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?!\d|[ -]\d)")
_ACCOUNT_REACH = 40


_SIX_DIGITS = re.compile(r"[0-9]{6}")


def _in_bank_account(text: str, ostart: int, oend: int) -> bool:
    # Every account form above has six digits in a row: most phones, written in shorter groups, stop here.
    if oend - ostart < 6 or _SIX_DIGITS.search(text, max(0, ostart - 12), oend + 12) is None:
        return False
    lo, hi = max(0, ostart - _ACCOUNT_REACH), min(len(text), oend + _ACCOUNT_REACH)
    return any(m.start() < oend and m.end() > ostart for m in _BANK_ACCOUNT.finditer(text, lo, hi))


# A fraction, not a number: "Deposit 0.00250000 BTC".
_DECIMAL = re.compile(r"0[.,][0-9]{3,}")
# A postcode with a dash at the end of a run, then a capitalised place: "00-514 Warszawa", "1100-053 Lisboa".
_POSTCODE_END = re.compile(r"(?<![\d-])(?:\d{2}-\d{3}|\d{4}-\d{3})$")


# ... or cut inside one: "104/122, 00" before "-017 Warszawa".
_POSTCODE_HEAD = re.compile(r"(?<![\d-])(?:\d{2}|\d{4})$")
_POSTCODE_REST = re.compile(r"-\d{3} [^\W\d_]")


# Brazil's shapes, which no phone is written in: a CPF (tax number, often a Pix key: "123.456.789-09") and
# a CEP (postcode, "01310-200"), also when a run stops at its dash ("Av. Paulista 1578, 01310" before "-200").
_CPF_SHAPE = re.compile(r"(?<![\d.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d.-]?\d)")
_CEP_SHAPE = re.compile(r"(?<![\d.-])\d{5}-\d{3}(?![\d.-]?\d)")
_CEP_HEAD = re.compile(r"(?<![\d-])\d{5}$")
_CEP_REST = re.compile(r"-\d{3}(?![\d.-]?\d)")


def _brazilian_id_shape(text: str, ostart: int, oend: int) -> bool:
    """A CPF or a CEP written in its shape in the run or ending it."""
    if "-" in text[ostart:oend] and (_CPF_SHAPE.search(text, ostart, oend) is not None
                                     or _CEP_SHAPE.search(text, ostart, oend) is not None):
        return True
    return _CEP_REST.match(text, oend) is not None and _CEP_HEAD.search(text, ostart, oend) is not None


def _ends_in_postcode(text: str, ostart: int, oend: int) -> bool:
    if _brazilian_id_shape(text, ostart, oend):
        return True
    if _POSTCODE_REST.match(text, oend) is not None and text[oend + 5].isupper():
        return _POSTCODE_HEAD.search(text, ostart, oend) is not None
    return oend + 1 < len(text) and text[oend] == " " and text[oend + 1].isupper() \
        and _POSTCODE_END.search(text, ostart, oend) is not None


# Up to three words between a country code alone and the rest of its number, on one line: ", номер ".
_WORDS_GAP = re.compile(r"[,:;]?[ \t]{1,2}(?:[^\W\d_]{1,12}[,:]?[ \t]{1,2}){1,3}")


def _joined_to_plus(text: str, nt: NormalisedText, head: tuple[int, int], run: tuple[int, int],
                    region: str) -> _Read | None:
    """A country code and the start of a number on one line, the rest on the next ("+44 20\n7946 0525"):
    the join, when it is *valid*; read before the rest alone, which may be a number of the ad's country.
    A code alone may also stand a few words before the rest: "Code +44, number 20 7946 0606"."""
    a, b = nt.ends[head[1] - 1], nt.starts[run[0]]
    if not _split_gap(text, a, b) and not (
            head[1] - head[0] <= 4 and _WORDS_GAP.fullmatch(text, a, b)
            and phonenumbers.region_code_for_country_code(int(nt.text[head[0] + 1:head[1]] or 0)) != "ZZ"):
        return None
    digits = nt.text[head[0]:head[1]] + nt.text[run[0]:run[1]]
    if len(digits) - 1 > MAX_DIGITS:
        return None
    read = _read(digits, region)
    return read if read is not None and read.valid else None


def _split_gap(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]``, between two digit groups, is only breaks and decoration: line breaks,
    emoji and symbols ("202💋555💋0147", "07700\\n900123"), never a letter, digit, currency or price emoji."""
    if not 0 < b - a <= MAX_SPLIT_GAP and not (0 < b - a <= _MAX_WORD_GAP and text[a:b].isspace()):
        return False  # longer only when blank: a group per line, indented ("3 0 5\n            5 5 5")
    if text[a] == " " and text[b - 1] == " " and text[a + 1:b - 1].isalpha():
        return text[a + 1:b - 1].lower() in _marks().separators  # "212 dot 555 dot 0109"
    for ch in text[a:b]:
        if ch.isspace() or ch in _SPLIT_PUNCT or (ch in _LINE_DASHES and "\n" in text[a:b]):
            continue
        cat = unicodedata.category(ch)
        if cat == "Sc" or ch in _PRICE_EMOJI or cat[0] not in "SMC" or cat in ("Cn", "Co", "Cs"):
            return False
    return True


@functools.lru_cache(maxsize=512)
def _national_dialling(region: str) -> tuple[str, frozenset[int]]:
    """The trunk prefix a national number is written with in ``region`` ("0" in France, "" in the US) and
    the lengths of such numbers, prefix included (from libphonenumber's metadata and example number)."""
    meta = PhoneMetadata.metadata_for_region(region)
    example = phonenumbers.example_number(region)
    if meta is None or meta.general_desc is None or example is None:
        return "", frozenset()
    national = "".join(c for c in phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL) if c.isdigit())
    prefix = national[: len(national) - len(phonenumbers.national_significant_number(example))]
    return prefix, frozenset(n + len(prefix) for n in meta.general_desc.possible_length)


def _may_be_dialled(digits: str, region: str) -> bool:
    """Cheap test before a join of split groups is parsed: an international prefix and enough digits, or
    the length and trunk prefix of a national number of ``region``."""
    if digits.startswith(("+", "00")):
        return MIN_DIGITS <= len(digits) - (1 if digits[0] == "+" else 2) <= MAX_DIGITS
    if region == "ZZ":
        return False
    prefix, lengths = _national_dialling(region)
    return len(digits) in lengths and digits.startswith(prefix)


def _one_separator(text: str, nt: NormalisedText, chain: list[tuple[int, int]]) -> bool:
    """Whether the same separator, with no line break, stands between every two groups of ``chain``."""
    gaps = {text[nt.ends[a[1] - 1]:nt.starts[b[0]]] for a, b in itertools.pairwise(chain)}
    return len(gaps) == 1 and not any(c in "\n\r" for c in next(iter(gaps)))


def _alone_on_line(text: str, a: int, z: int) -> bool:
    """Whether ``text[a:z]`` is the only word of its line: nothing but spaces, symbols and punctuation
    between it and the line breaks around it (looked at up to _LINE_REACH characters each way)."""
    i = a
    while i > 0 and a - i < _LINE_REACH and text[i - 1] not in "\n\r":
        if text[i - 1].isalnum():
            return False
        i -= 1
    if i > 0 and text[i - 1] not in "\n\r":
        return False
    k = z
    while k < len(text) and k - z < _LINE_REACH and text[k] not in "\n\r":
        if text[k].isalnum():
            return False
        k += 1
    return k == len(text) or text[k] in "\n\r"


def _as_dialled(digits: str, read: _Read) -> bool:
    """Whether ``digits`` are the whole number as dialled: with its country code, or in the national format
    with the trunk prefix ("0150250400" in France, not "150250400", which is more likely three prices)."""
    if digits.startswith(("+", "00")):
        return True
    national = phonenumbers.format_number(read.number, PhoneNumberFormat.NATIONAL)
    return "".join(c for c in national if c.isdigit()) == digits


def _split_numbers(text: str, nt: NormalisedText, unread: list[tuple[int, int]],
                   region: str) -> Iterator[tuple[int, int, _Read]]:
    """*Valid* numbers whose digit groups the poster split with line breaks or emoji, as original spans.

    ``unread`` are the runs that read as no number on their own, in order.  Runs with only breaks and
    decoration between them (:func:`_split_gap`) form a chain; a chain of more than MAX_SPLIT_GROUPS
    groups is a column of figures, not a phone.  In a chain, from each group on, the longest join that is
    a valid number written as dialled wins.  A currency before the first group or a unit after the last
    one makes it a price.
    """
    chain = [unread[0]]
    found: list[tuple[int, int]] = []
    for prev, run in itertools.pairwise(unread):
        if nt.text[run[0]] != "+" and _split_gap(text, nt.ends[prev[1] - 1], nt.starts[run[0]]):
            chain.append(run)
            continue
        for number in _numbers_in_chain(text, nt, chain, region):
            found.append(number[:2])
            yield number
        chain = [run]
    for number in _numbers_in_chain(text, nt, chain, region):
        found.append(number[:2])
        yield number
    left = [r for r in unread if not any(a <= nt.starts[r[0]] < z for a, z in found)]
    if len(left) >= 2:
        yield from _announced_numbers(text, nt, left, region)


_TAIL_GROUPS = 4


def _tail_joins(text: str, nt: NormalisedText, unread: list[tuple[int, int]],
                region: str) -> Iterator[tuple[int, int, _Read]]:
    """*Valid* numbers, written as dialled, made of the last groups of one run and the first groups of the
    next, where the front end cut a row of figures and a number at the wrong gap ("Rates 150 200 350 |
    020 7946 0431" gives "150200350020" and "79460431"; "365/24/7 · 0491 570 099 · 100%")."""
    for prev, run in itertools.pairwise(unread):
        a, b = nt.ends[prev[1] - 1], nt.starts[run[0]]
        if not 0 < b - a <= 3 or not _split_gap(text, a, b):
            continue
        heads = _cuts(nt, prev[0], prev[1])[-_TAIL_GROUPS:]
        ends = [*_cuts(nt, run[0], run[1])[:_TAIL_GROUPS], run[1]]
        best: tuple[int, int, _Read] | None = None
        for head in heads:
            for end in ends:
                digits = nt.text[head:prev[1]] + nt.text[run[0]:end]
                if not MIN_DIGITS <= len(digits) <= MAX_DIGITS or not _may_be_dialled(digits, region):
                    continue
                read = _read(digits, region)
                if read is not None and read.valid and _as_dialled(digits, read) \
                        and (best is None or end - head > best[1] - best[0]):
                    best = (head, end, read)
        if best is not None and not _currency_before(text, nt.starts[best[0]]) \
                and not _unit_follows(text, nt.ends[best[1] - 1]):
            yield nt.starts[best[0]], nt.ends[best[1] - 1], best[2]


# Digit groups of one number given apart with a few words between: "call 212 me 555 now 0147", "Vorwahl
# 0151, dann 2345, dann 67, zum Schluss 03", "empieza por 612, luego 34 56 y termina en 03".
_MAX_WORD_GAP = 40
_MAX_GAP_WORDS = 5
_MAX_ANNOUNCED_GROUPS = 4
_CALL_REACH = 60  # how far before the first group a call word is looked for (on the same line)
_GAP_WORD = re.compile(r"[^\W\d_]+")


def _word_gap(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]``, between two digit groups, is a few words and commas or dashes: no digit, line
    break, full stop, list mark or emoji."""
    if not 0 < b - a <= _MAX_WORD_GAP:
        return False
    gap = text[a:b]
    inner = gap[1:] if gap[0] == ")" else gap  # "(020), then 7946"
    inner = inner[:-1] if inner and inner[-1] == "(" else inner
    if any(not (ch.isalpha() or ch in _WORD_GAP_CHARS) for ch in inner):
        return False  # a digit, a line break, a full stop, a list's "|" or "•", a currency, an emoji
    return len(_GAP_WORD.findall(gap)) <= _MAX_GAP_WORDS


_WORD_GAP_CHARS = frozenset(" \t,:;-–—'’…")


def _announced_numbers(text: str, nt: NormalisedText, runs: list[tuple[int, int]],
                       region: str) -> Iterator[tuple[int, int, _Read]]:
    """*Valid* numbers, written as dialled, whose two to four groups (of two digits or more, one of three
    or more) stand apart with a few words between (:func:`_word_gap`), after a word that announces a
    number on the same line ("call", "Vorwahl": ``call_words``); no group is followed by a unit or led by a
    currency ("age 24 height 165" is no number)."""
    i = 0
    n = len(runs)
    while i < n - 1:
        best: tuple[int, _Read] | None = None
        digits = nt.text[runs[i][0]:runs[i][1]]
        for j in range(i + 1, min(n, i + _MAX_ANNOUNCED_GROUPS)):
            if not _word_gap(text, nt.ends[runs[j - 1][1] - 1], nt.starts[runs[j][0]]):
                break
            digits += nt.text[runs[j][0]:runs[j][1]]
            if len(digits) > MAX_DIGITS:
                break
            groups = runs[i:j + 1]
            if any(z - a < 2 for a, z in groups) or all(z - a < 3 for a, z in groups):
                continue
            if _may_be_dialled(digits, region):
                read = _read(digits, region)
                if read is not None and read.valid and _as_dialled(digits, read):
                    best = (j, read)
        if best is not None:
            j, read = best
            groups = runs[i:j + 1]
            ostart, oend = nt.starts[groups[0][0]], nt.ends[groups[-1][1] - 1]
            line = text.rfind("\n", 0, ostart) + 1
            if not _currency_before(text, ostart) and not any(
                    _unit_follows(text, nt.ends[z - 1]) for _, z in groups) \
                    and _marks().call.search(text, max(line, ostart - _CALL_REACH), ostart) is not None:
                yield ostart, oend, read
                i = j + 1
                continue
        i += 1


def _numbers_in_chain(text: str, nt: NormalisedText, chain: list[tuple[int, int]],
                      region: str) -> Iterator[tuple[int, int, _Read]]:
    n = len(chain)
    if not 2 <= n <= MAX_SPLIT_GROUPS:
        return
    i = 0
    while i < n - 1:
        ostart = nt.starts[chain[i][0]]
        best: tuple[int, _Read] | None = None
        if not _currency_before(text, ostart):
            digits = nt.text[chain[i][0]:chain[i][1]]
            for j in range(i + 1, n):
                digits += nt.text[chain[j][0]:chain[j][1]]
                if len(digits) > MAX_DIGITS + 2:
                    break
                if _may_be_dialled(digits, region):
                    read = _read(digits, region)
                    if read is not None and not read.valid and digits[0] == "0":
                        # "12.03.2025 – 15.03.2025, 01 99 00 68 04" in a Swiss ad: a neighbour's number
                        read = _across_border(read.e164) or read
                    if read is not None and read.valid and _as_dialled(digits, read):
                        best = (j, read)
        if best is None:
            i += 1
            continue
        j, read = best
        oend = nt.ends[chain[j][1] - 1]
        left_out = chain[:i] + [g for g in chain[j + 1:] if not _page_number(text, nt.starts[g[0]], nt.ends[g[1] - 1])]
        if left_out and (any(_alone_on_line(text, nt.starts[a], nt.ends[z - 1]) for a, z in left_out)
                         or _one_separator(text, nt, chain)):
            # A column of figures ("Rates\n150\n250\n400\n1000") or a row with one separator ("150 💋 250
            # 💋 400 💋 1000") that the number is only part of: a list, not a phone.
            return
        if not _unit_follows(text, oend):
            yield ostart, oend, read
        i = j + 1


# A page's number between dashes on a line of its own, as a scan or a printed flyer shows it: "- 2 -", "— 3 —".
_PAGE_NUMBER_LINE = re.compile(r"[ \t]*[-–—][ \t]*[0-9]{1,3}[ \t]*[-–—][ \t]*(?:\n|\Z)")


def _page_number(text: str, a: int, z: int) -> bool:
    """Whether the digits at ``text[a:z]`` are a page's number ("...0173\n- 2 -"), no group of a number."""
    line = text.rfind("\n", 0, a) + 1
    return _PAGE_NUMBER_LINE.match(text, line) is not None and line <= a and z <= a + 3


def _last_group_listed(nt: NormalisedText, start: int, end: int) -> bool:
    """Whether the last digit group of ``nt.text[start:end]`` follows a comma or a slash (a figure of its
    own: "4000-123, 80 euros", "80/110/140 €")."""
    last = next((i for i in range(end - 1, start, -1) if nt.starts[i] > nt.ends[i - 1]), None)
    if last is None:
        return False
    gap = _gap(nt, last)
    return "," in gap or "/" in gap


def _last_group_thousands(nt: NormalisedText, start: int, end: int, gaps: tuple[str, ...] = (".", ",")) -> bool:
    """Whether ``nt.text[start:end]`` ends in three digits after a dot or a comma (or another of ``gaps``),
    as a figure's thousands do ("98.000 km", "1,500 €"); numbers grouped with dots end in two or four
    digits."""
    last = next((i for i in range(end - 1, start, -1) if nt.starts[i] > nt.ends[i - 1]), None)
    return last is not None and end - last == 3 and _gap(nt, last) in gaps


_THOUSANDS_SPACES = (" ", "\u00a0", "\u202f")


def _measured_figure(text: str, nt: NormalisedText, start: int, end: int) -> int | None:
    """Where a figure in thousands before a measure starts, when the run ``nt.text[start:end]`` ends in one
    ("2014 – 145 000 km": at "145"): no reading may take its digits."""
    if _MEASURE_AFTER.match(text, nt.ends[end - 1]) is None or not _last_group_thousands(nt, start, end,
                                                                                           _THOUSANDS_SPACES):
        return None
    cuts = _cuts(nt, start, end)
    return cuts[-2] if len(cuts) >= 2 else start


# A measure after a figure: "2017, 112 000 km", "54 000 km" (thousands after a space, as French, Canadian
# and Polish ads write a car's mileage); no phone number is followed by one.
_MEASURE_AFTER = re.compile(r"[ \t\u00a0\u202f]?(?:km|kms|mi|miles|m²|m2|qm|mq|sqm|kg|lbs?|cm)(?![^\W\d_])",
                            re.IGNORECASE)


def _without_last_group(nt: NormalisedText, start: int, end: int, region: str,
                        cuts: list[int] | None = None) -> tuple[int, _Read] | None:
    """The number read without the digits after its last gap, when that still reads."""
    if cuts is None:
        cuts = _cuts(nt, start, end)
    if not cuts:
        return None
    cut = cuts[-1]
    read = _read(nt.text[start:cut], region)
    return (cut, read) if read is not None else None


def _pipes_as_ones(text: str, a: int, z: int, region: str) -> _Read | None:
    """A run that reads as no number with its "|" as separators, read with each "|" between two digits as
    a 1 ("3|2-555-0|88"), when that gives a *valid* number.  "07|700|900" stays separated: it reads."""
    chunk = text[a:z]
    if "|" not in chunk or len(chunk) > 2 * MAX_DIGITS + 10:
        return None
    digits = "".join(c for c in _PIPE_BETWEEN_DIGITS.sub("1", chunk) if c in "0123456789")
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    read = _read(digits, region)
    return read if read is not None and read.valid and _as_dialled(digits, read) else None


def _letters_lead(nt: NormalisedText, start: int, end: int, region: str) -> tuple[int, _Read] | None:
    """A run that reads as no number, led by a word of look-alike letters only ("OI 99 OO 9I 96").

    The front end leaves such a word alone at the start of a run: "Oi" is a greeting and "io" a pronoun
    before a number.  Here the run already hides digits behind letters and is a digit or two short of a
    number, so the word is read as its digits when that gives a *valid* number.
    """
    if nt.text[start] == "+":
        return None
    # Read in the folded text, where look-alike letters of other scripts ("Оl", Cyrillic О) are Latin.
    m = _LETTERS_LEAD.search(nt.text, max(0, start - 8), start)
    if m is None:
        return None
    read = _read(m.group(1).translate(_LETTER_DIGITS) + nt.text[start:end], region)
    if read is None or not read.valid:
        return None
    return nt.starts[m.start(1)], read


def _spelled_plus(text: str, nt: NormalisedText, start: int, end: int) -> int | None:
    """Original offset of a spelled-out "plus" right before this run, if any."""
    if nt.text[start] == "+":
        return None
    ostart = nt.starts[start]
    m = _PLUS_WORD.search(text, max(0, ostart - 12), ostart)
    if m is not None:
        return m.start(1)
    m = _BRACKETED_PLUS.search(text, max(0, ostart - 8), ostart)  # "[+][4][4] [2][0] ..."
    return m.start() if m else None


# A "+" in brackets of its own before a number's digits: "[+][4][4] [2][0] ...", "(+) 44 20 ..."
_BRACKETED_PLUS = re.compile(r"[\[({]\+[\])}][ \t]?[\[(]?\Z")


def _numbers_in_run(nt: NormalisedText, start: int, end: int, region: str,
                    plus: bool = False) -> Iterator[tuple[int, int, _Read]]:
    """Phone numbers in one digit run of ``nt.text``, as ``(start, end, number)``."""
    run = nt.text[start:end]
    if plus:
        number = _read("+" + run, region) if len(run) <= MAX_DIGITS else None
        if number is None or not number.valid:
            # "plus four four two zero ... four five, 24 years old": the figure after the number is not its
            # last digits; the longest valid number from the start, up to a gap, is.
            for cut in reversed(_cuts(nt, start, end)):
                if cut - start < MIN_DIGITS:
                    break
                if cut - start > MAX_DIGITS:
                    continue
                head = _read("+" + nt.text[start:cut], region)
                if head is not None and head.valid:
                    yield start, cut, head
                    return
        if number is not None:
            yield start, end, number
            return
    digits = len(run) - run.startswith("+")
    if digits < MIN_DIGITS:
        return
    cuts: list[int] | None = None  # where the poster left a gap, found when needed
    listed = False
    chunk = nt.original[nt.starts[start]:nt.ends[end - 1]]
    always = _ALWAYS_OPEN.match(chunk)
    if always is not None:
        # "Available 24/7 020 7946 0111": opening hours, never a number's first digits (024 7020 7946 reads
        # as a valid British number)
        after = nt.starts[start] + always.end()
        rest = bisect.bisect_left(nt.starts, after, start, end)
        if end - rest >= MIN_DIGITS:
            yield from _numbers_in_run(nt, rest, end, region)
        return
    loose = _ALWAYS_OPEN_LOOSE.match(chunk)
    if loose is not None:
        # "Available 24-7 oh two oh ...", "twenty four seven two one two ...": opening hours written loosely
        # are no number's first digits when the rest is a valid number by itself
        rest = bisect.bisect_left(nt.starts, nt.starts[start] + loose.end(), start, end)
        own = _read(nt.text[rest:end], region) if end - rest >= MIN_DIGITS else None
        if own is not None and own.valid:
            yield from _numbers_in_run(nt, rest, end, region)
            return
    if "/" in chunk:
        always = _ALWAYS_OPEN_END.search(chunk)
        if always is not None:
            # "0491 570 069 | 24/7": opening hours after the number, never its last digits
            last = bisect.bisect_left(nt.starts, nt.starts[start] + always.start(), start, end)
            if last - start >= MIN_DIGITS:
                yield from _numbers_in_run(nt, start, last, region, plus)
            return
    if "," in chunk or "." in chunk or "!" in chunk or "?" in chunk:
        # Figures set apart by commas or sentence punctuation: a list, a figure before the number or a
        # number word that starts the next sentence.
        cuts = _cuts(nt, start, end)
        listed = chunk.count(",") >= 2 and _is_list(nt, start, end, cuts)
        if cuts and not listed and not run.startswith("+"):
            lead = _after_leading_figure(nt, start, end, cuts[0], region)
            if lead is not None:
                yield lead
                return
        if cuts:
            tail = _before_next_sentence(nt, start, end, cuts, region)
            if tail is not None:
                yield tail
                return
    if digits <= MAX_DIGITS + 2:  # room for a 00 international prefix
        if run.startswith("00") and not run.startswith("000"):
            lone = _LONE_ZERO.match(chunk)
            if lone is not None and region != "ZZ":
                # "0 020 7946 0611": a lone 0 (an icon read as a letter, a stray figure) before a national
                # number of the ad's country, not the international prefix of +20 (Egypt)
                rest = bisect.bisect_left(nt.starts, nt.starts[start] + lone.end(), start, end)
                own = _read(nt.text[rest:end], region)
                if own is not None and own.valid and own.region == region:
                    yield rest, end, own
                    return
            # "0061 491 570 131" in Australia, whose own international prefix is 0011: posters write 00.
            number = _read("+" + run[2:], region)
            if number is not None and number.valid:
                yield start, end, number
                return
        if digits == 11 and run[0] == "1" and region not in _NANP_REGIONS and _NANP_DIALLED.match(chunk):
            # "Cel. 1-713-555-0175" in a Mexican ad: North America's "1" and its layout, not Mexico's old
            # mobile prefix
            number = _read("+" + run, region)
            if number is not None and number.valid:
                yield start, end, number
                return
        if digits == 10 and region in _NANP_NEIGHBOURS and _NANP_LAYOUT.fullmatch(chunk):
            # "WhatsApp 305-555-0127" in Curaçao: a number of North America as it is written there, of no
            # length dialled at home
            number = _read("+1" + run, region)
            if number is not None and number.valid and _read(run, region) is None:
                yield start, end, number
                return
        if run.startswith("011") and digits >= 11 and (region in ("US", "CA", "ZZ") or not _valid_as_is(run, region)):
            # "011 44 20 7946 0555": North America's international prefix before a country code
            number = _read("+" + run[3:], region)
            if number is not None and number.valid:
                yield start, end, number
                return
        number = _read(run, region)
        if number is not None and not number.valid and not run.startswith("+"):
            # Only possible as a whole: maybe figures, or a figure and a valid number.
            if cuts is None:
                cuts = _cuts(nt, start, end)
            if cuts and _figures(nt, start, end, cuts):
                return
            part = _valid_part(nt, start, end, region, cuts) if cuts else None
            if part is not None:
                yield part
                return
        if number is not None:
            yield start, end, number
            return
    # Too long or unreadable as one number: try the places where the poster
    # left a gap (a separator in the original), left to right; not in a list of figures.
    if cuts is None:
        cuts = _cuts(nt, start, end)
    if not cuts or listed or _row_of_amounts(nt, start, end):
        return  # "Rates: 150, 250, 400, 1000" holds no "250 400 1000"
    glued = _glued_numbers(nt, start, end, cuts, region)
    if glued:
        yield from glued
        return
    if not run.startswith("+"):
        # "Age 22 020 7946 0351", "Sydney 2000 0491 570 071": a figure, then a number as dialled.
        lead = _after_leading_figure(nt, start, end, cuts[0], region, any_gap=True)
        if lead is not None:
            yield lead
            return
    trunk = _national_dialling(region)[0] if region != "ZZ" else ""
    pos = start
    while pos < end:
        found = None
        after = bisect.bisect_right(cuts, pos)  # the cuts after pos (a list scan here was quadratic)
        for k in range(after, len(cuts) + 1):
            cut = cuts[k] if k < len(cuts) else end
            piece = nt.text[pos:cut]
            n = len(piece) - piece.startswith("+")
            if n < MIN_DIGITS:
                continue
            if n > MAX_DIGITS + 2:
                break
            if pos > start and trunk and not piece.startswith(("+", trunk)):
                # "01 99 00 12 345", "+44 20 7946 01234", "2 85 01 75 123 456 78": where numbers are dialled
                # with a trunk prefix, digits in the middle of a longer run are no number of their own
                break
            if pos > start and not trunk and region != "ZZ" and run[0] == "0" and cuts[0] - start >= 2:
                # "020 7946 0155" in Malta, where no number starts with 0: one number dialled elsewhere, no
                # Maltese "7946 0155" after a figure
                break
            number = _read(piece, region)
            if number is not None and (number.valid or not trunk or piece.startswith(("+", trunk))) \
                    and (found is None or number.valid or not found[2].valid):
                # prefer the longest valid piece from here, else the longest possible one ("0491 570 063
                # 300 1hr"); a piece that is only possible must be written as dialled where numbers have a
                # trunk prefix ("150 200 250" is no UK number)
                found = (pos, cut, number)
        if pos == start and (found is None or not found[2].valid) and not run.startswith("+"):
            # No valid number from the start: maybe a figure, then one ("Jessica 24 seven oh two ...").
            lead = _after_leading_figure(nt, start, end, cuts[0], region, any_gap=True, need_trunk=False)
            if lead is not None and lead[2].valid:
                yield lead
                return
        if found is None:
            if after >= len(cuts):
                return
            pos = cuts[after]
            continue
        if pos == start and found[1] < end and end - found[1] < MIN_DIGITS and _spelled_on(nt, start, end):
            # "cuatro cuatro dos cero siete nueve cuatro seis cero uno ocho tres": a number spelled word by
            # word does not stop a few words before its end; read whole, maybe with its country code
            whole = _read("+" + run, region) if digits >= MIN_DIGITS + 3 else None
            if whole is not None and whole.valid:
                yield start, end, whole
            return
        yield found
        pos = found[1]


# Caribbean countries outside the North American plan, where posters give Miami's and New York's numbers
_NANP_NEIGHBOURS = frozenset(("CW", "AW", "BQ", "GP", "MQ", "MF", "BL", "GF", "HT", "CU"))
_NANP_LAYOUT = re.compile(r"\(?[2-9][0-9]{2}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}")
_LONE_ZERO = re.compile(r"0[^0-9+]+(?=0[0-9])")
_ALWAYS = r"24 ?/ ?7|24 ?/ ?24|7 ?/ ?7"
_ALWAYS_OPEN = re.compile(rf"(?:365 ?/ ?)?(?:{_ALWAYS}|24 ?[x×] ?7)(?![0-9])")
# ... written loosely: "24 7", "24-7", "24 7/7", in words ("twenty four seven", "vingt-quatre sept")
_ALWAYS_WORDS = (r"(?:twenty[ -]?four|vingt[ -]quatre|veinticuatro|ventiquattro|vierundzwanzig|vierentwintig"
                 r"|vinte[ -]e[ -]quatro|dou[aă]zeci[ -](?:[sș]i|şi)[ -]patru|dwadzie[sś]cia[ -]cztery)[ \t,-]{1,3}"
                 r"(?:seven|sept|siete|sette|sieben|zeven|sete|[sș]apte|şapte|siedem)(?![^\W\d_])")
_ALWAYS_OPEN_LOOSE = re.compile(rf"(?:24[ \t]?[-–][ \t]?7|24[ \t]7(?:[ \t]?/[ \t]?7)?|{_ALWAYS_WORDS})(?![0-9])", re.I)
_ALWAYS_OPEN_END = re.compile(rf"(?<=[0-9])[ \t]{{0,2}}[|·•,;–-]?[ \t]{{1,2}}(?:{_ALWAYS})\Z")


def _glued_numbers(nt: NormalisedText, start: int, end: int, cuts: list[int],
                   region: str) -> list[tuple[int, int, _Read]]:
    """Valid numbers of one layout glued end to start in ``nt.text[start:end]`` (each as ``(start, end,
    number)``), else none: the same groups twice is no accident of a longer number."""
    if len(cuts) > 15:
        return []  # at most four numbers of four groups; bounds the search on a run of digits and separators
    bounds = [start, *cuts, end]
    layouts = glued_layouts([b - a for a, b in itertools.pairwise(bounds)])
    if layouts is None or sum(layouts[0]) < MIN_DIGITS:
        return []
    out, pos = [], start
    for layout in layouts:
        read = _read(nt.text[pos:pos + sum(layout)], region)
        if read is None or not read.valid:
            return []
        out.append((pos, pos + sum(layout), read))
        pos += sum(layout)
    return out


def _cuts(nt: NormalisedText, start: int, end: int) -> list[int]:
    """Positions in ``nt.text[start:end]`` where the original has something between two digits."""
    return [i for i in range(start + 1, end) if nt.starts[i] > nt.ends[i - 1]]


_LIST_MARKS = frozenset("·•|;")


def _list_mark_cut(nt: NormalisedText, start: int, end: int) -> int | None:
    """The first place in the run ``nt.text[start:end]`` where a list's mark with a space, or a comma and a
    space, stands between two digits: the end of an item."""
    for cut in _cuts(nt, start, end):
        gap = _gap(nt, cut)
        if " " in gap and (any(c in _LIST_MARKS for c in gap) or ", " in gap):
            return cut
    return None


def _gap(nt: NormalisedText, cut: int) -> str:
    """The original text between the digit before ``cut`` and the digit at it."""
    return nt.original[nt.ends[cut - 1]:nt.starts[cut]]


def _figures(nt: NormalisedText, start: int, end: int, cuts: list[int]) -> bool:
    """A run that reads only as a possible number but holds figures: a comma, a slash, an opening bracket or
    a table's "|" between two of them ("Via Roma 123, 20121 Milano", "Rates: 200 (30) / 300 (60)", "noc |
    2700 | 2800") or a row of round amounts ("Rates 100 150 200 ..."); not a run that starts with 0, as
    national numbers do ("06, 39, 98, 12, 34", "0151 / 2345 6710")."""
    if nt.text[start] == "0":
        return False
    return any(ch in _gap(nt, c) for c in cuts for ch in ",/(|") or _row_of_amounts(nt, start, end)


_DASH_APART = re.compile(r"[ \t\u00a0]+[-–—][ \t\u00a0]+")


def _valid_part(nt: NormalisedText, start: int, end: int, region: str,
                cuts: list[int]) -> tuple[int, int, _Read] | None:
    """In a run that reads only as a possible number, a valid one after a leading figure ("Skye 25 – 0491
    570 112") or before a last figure ("0491 570 063 300 1hr")."""
    lead = _after_leading_figure(nt, start, end, cuts[0], region, any_gap=True)
    if lead is None and cuts[0] - start <= 2 and _DASH_APART.fullmatch(_gap(nt, cuts[0])) is not None:
        # "Noemi, 24 – 312 345 6760": an age set apart by a spaced dash, where numbers have no trunk prefix
        lead = _after_leading_figure(nt, start, end, cuts[0], region, any_gap=True, need_trunk=False)
    if lead is not None and lead[2].valid:
        return lead
    shorter = _without_last_group(nt, start, end, region, cuts)
    if shorter is not None and shorter[1].valid and _as_dialled(nt.text[start:shorter[0]], shorter[1]) \
            and not _last_word_of_a_spelled_run(nt, shorter[0], end):
        return start, shorter[0], shorter[1]
    return None


def _spelled_on(nt: NormalisedText, start: int, end: int) -> bool:
    """Whether every digit of ``nt.text[start:end]`` is read from a word, one space after the word before."""
    text = nt.original
    for i in range(start, end):
        a = nt.starts[i]
        if not text[a:nt.ends[i]].isalpha():
            return False
        if i > start and a != nt.starts[i - 1] and (text[nt.ends[i - 1]:a] != " "):
            return False
    return True


def _last_word_of_a_spelled_run(nt: NormalisedText, cut: int, end: int) -> bool:
    """Whether the digits from ``cut`` are one number word going on from the words before it with a space:
    "... zero jeden siedem siedem" is ten digits of a number, not nine and a figure."""
    if end - cut != 1 or cut == 0:
        return False
    word = nt.original[nt.starts[cut]:nt.ends[cut]]
    before = nt.original[nt.starts[cut - 1]:nt.ends[cut - 1]]
    gap = nt.original[nt.ends[cut - 1]:nt.starts[cut]]
    return word.isalpha() and before.isalpha() and gap == " "


_ROW_REACH = 48


def _row_of_amounts(nt: NormalisedText, start: int, end: int) -> bool:
    """Whether the run stands in a row of four or more round figures of two to four digits written with
    single spaces ("Rates 100 150 200 250 300 500 1000"): rates, not a phone, whose groups are not all
    round.  The row is read in the original text, around the run (the front end may have cut it)."""
    text = nt.original
    a, z = nt.starts[start], nt.ends[end - 1]
    lo, hi = max(0, a - _ROW_REACH), min(len(text), z + _ROW_REACH)
    while a > lo and (text[a - 1].isdigit() or (text[a - 1] == " " and a - 2 >= lo and text[a - 2].isdigit())):
        a -= 1
    while z < hi and (text[z].isdigit() or (text[z] == " " and z + 1 < hi and text[z + 1].isdigit())):
        z += 1
    groups = text[a:z].split(" ")
    # The row ends where the figures do: "800 (15' 30' ...)" goes on with durations in brackets.
    groups = list(itertools.takewhile(str.isdigit, groups))
    return len(groups) >= 4 and all(2 <= len(g) <= 4 and g[0] != "0" and g[-1] in "05" for g in groups)


def _is_list(nt: NormalisedText, start: int, end: int, cuts: list[int]) -> bool:
    """Figures of two or more digits listed with commas ("150, 250, 400, 1000"): two such commas make a
    list, whose pieces are not phones (digits given one by one, "2, 0, 2, ...", are not a list; a list that
    reads whole, "zéro six, trente neuf, ...", is read before this is asked)."""
    bounds = [start, *cuts, end]
    listed = 0
    for k in range(1, len(bounds) - 1):
        if "," in _gap(nt, bounds[k]) and bounds[k] - bounds[k - 1] >= 2 and bounds[k + 1] - bounds[k] >= 2:
            listed += 1
            if listed == 2:
                return True
    return False


def _after_leading_figure(nt: NormalisedText, start: int, end: int, first_cut: int, region: str,
                          any_gap: bool = False, need_trunk: bool = True) -> tuple[int, int, _Read] | None:
    """The number after a leading figure of one to four digits (an age, a district, a postcode, a list
    number), or a five-digit postcode before a trunk prefix, when the rest alone is a number written as
    dialled: valid, or possible with the length and trunk prefix of a national number ("Jess, 22, 07700
    900 333").

    A comma or a full stop sets the figure apart ("Lena, 22, 0170 1234567", "Lyon 3, 01 99 00 12 34", "1.
    0170 1234567"); this is asked before the whole run is read.  With ``any_gap`` (asked once the whole
    run read as no number, or only as a possible one) any gap does, where the rest starts with the trunk
    prefix that national numbers are dialled with: "Age 22 020 7946 0351", "Perth WA 6000 – 0491 570 140";
    without ``need_trunk`` (asked when no valid number reads from the run's start) also where numbers
    have no trunk prefix: "Jessica 24 seven oh two five five five ...".
    """
    figure = first_cut - start
    if figure > 5 or (nt.text[start] == "0" and figure < 4):
        return None  # "0 0 33 6 ...", "00 33 ...": the start of a prefix, not a figure (a 4-digit postcode may be)
    gap = _gap(nt, first_cut)
    rest = nt.text[first_cut:end]
    if figure == 5:
        # A five-digit postcode before a number dialled with its trunk prefix ("Paris 75008 01 99 00 12 34");
        # a subscriber number never starts with the trunk prefix, so the rest is a number of its own.
        trunk = _national_dialling(region)[0] if region != "ZZ" else ""
        if not trunk or not rest.startswith(trunk):
            return None
    if any_gap:
        trunk = _national_dialling(region)[0] if region != "ZZ" and need_trunk else ""
        if need_trunk and (not trunk or not rest.startswith(trunk)):
            return None  # where numbers have no trunk prefix, "416 555 0163" starts with its area code
    elif ("," not in gap and not ("." in gap and gap[-1:].isspace())) \
            or _spelled_area_code(nt, start, end, first_cut, region):
        return None
    if not MIN_DIGITS <= len(rest) <= MAX_DIGITS + 2:
        return None
    read = _read(rest, region)
    if (read is None or not read.valid) and _grouped_digits(nt.original[nt.starts[first_cut]:nt.ends[end - 1]]):
        # "Room 27 · 0491 570 042" in a New Zealand ad: an Australian number as dialled there, not "27 049 1570"
        read = _neighbours_read(rest, region) or read
    if read is None or not (read.valid or _may_be_dialled(rest, region)) or not _as_dialled(rest, read):
        return None
    return first_cut, end, read


_DIGIT_GROUP = re.compile(r"[0-9]+")


def _grouped_digits(chunk: str) -> bool:
    """Whether ``chunk`` is digits in groups of two or more and separators only, as a phone number is written
    ("0491 570 042"), not a version's or a date's figures ("0.1 / iOS 17.4.1")."""
    return not any(ch.isalpha() for ch in chunk) and all(len(g) >= 2 for g in _DIGIT_GROUP.findall(chunk))


@per_text
def nations_named(text: str) -> frozenset[str]:
    """The countries whose nationality words (four letters or more) ``text`` holds; once per field, however
    many numbers it holds.  ``extract_batch`` gives the ones of every field of an ad to the phones of each
    (``AdContext.nations``)."""
    nations = _marks().nations
    return frozenset(nations[w] for w in _WORD_RUN.findall(text.lower()) if len(w) >= 4 and w in nations)


def _nationality_read(nations: frozenset[str], read: _Read) -> _Read | None:
    """A number that is no valid one at home (``read``), written as dialled, read in the one country that
    the field names a nationality of (``words`` and ``demonyms`` of ``attributes/phone_marks.yaml``, four
    letters or more) where it is a valid number as written: touring posters give their home number ("French
    girl in London this week. Ring 01 99 00 13 58", "Engländerin in Berlin, Tel. 020 7946 0300")."""
    home = phonenumbers.region_code_for_country_code(read.number.country_code or 0)
    written = _national_dialling(home)[0] + phonenumbers.national_significant_number(read.number)
    return _read_in_nations(nations, written, home)


def _read_in_nations(nations: frozenset[str], written: str, home: str) -> _Read | None:
    """``written`` (digits as dialled) as the valid number of the one country other than ``home`` among
    ``nations`` (whose nationality the ad names), where it is one as written; else None."""
    found = set(nations)
    found.discard(home)
    if not found or len(found) > _MAX_NATIONS:
        return None
    reads = [r for c in sorted(found) if (r := _read(written, c)) is not None and r.valid and _as_dialled(written, r)]
    return reads[0] if len({r.e164 for r in reads}) == 1 else None


def _without_home_twins(found: list[Entity], region: str) -> list[Entity]:
    """``found`` without a number read at home whose digits, as dialled at home, are those of a foreign number
    of the same field as dialled in its own country: the poster wrote her number twice, once with its country
    code ("0 uno - 9 nove - 0 zero - 7 tre - 4 uno oppure wa.me/33199007341" in an Italian ad is one French
    number, not also Savona's +39 0199 007341)."""
    if region == "ZZ":
        return found
    home_cc = phonenumbers.country_code_for_region(region)
    foreign = {_dialled_at_home(e.value) for e in found
               if e.attrs.get("confidence") == "valid" and not e.value.startswith(f"+{home_cc}")}
    foreign.discard("")
    if not foreign:
        return found
    return [e for e in found if not (e.value.startswith(f"+{home_cc}") and _dialled_at_home(e.value) in foreign)]


def _dialled_at_home(e164: str) -> str:
    """``e164`` as its own country dials it (trunk prefix and national number), "" when it is no number."""
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return ""
    region = phonenumbers.region_code_for_country_code(number.country_code or 0)
    return _national_dialling(region)[0] + phonenumbers.national_significant_number(number)


# Countries whose landline numbers start with a "0" that is part of the number, no trunk prefix: Italy's
# "019 900 1463" written in a Swiss ad is dialled as written.
_ZERO_IN_NUMBER = frozenset({"IT", "SM", "VA"})


def _home_or_named(written: str, named: _Read | None, neighbour: _Read | None) -> _Read | None:
    """The number as read in the country of a nationality the field names (``named``) or next door
    (``neighbour``): the nationality's, unless only the neighbour writes its numbers in the groups the poster
    used.  "Italienne ... 01 99 00 14 63" in a Swiss ad is France's number in France's pairs, not Genoa's
    "019 900 1463"."""
    if named is None or neighbour is None or named.e164 == neighbour.e164:
        return named or neighbour
    return neighbour if _only_grouped_as(written, neighbour, named) else named


def _named_layout(written: str, home: _Read, named: _Read | None) -> _Read | None:
    """The number as read in the country of a nationality the field names (``named``), where the home reading
    is valid too but only that country writes its numbers in the poster's groups: "ragazza australiana ...
    0491 570 087" in an Italian ad is Australia's mobile in its 4-3-3 groups, not Padua's "049 157 0087"."""
    if named is None or named.e164 == home.e164 or not _only_grouped_as(written, named, home):
        return None
    # a poster gives her mobile: a home landline yields to the nationality's mobile, never a home mobile
    # ("Française à Perth ... 04 91 57 00 75" in French pairs is still Perth's mobile)
    if phonenumbers.number_type(home.number) != PhoneNumberType.FIXED_LINE \
            or phonenumbers.number_type(named.number) != PhoneNumberType.MOBILE:
        return None
    return named


def _only_grouped_as(written: str, read: _Read, other: _Read) -> bool:
    """Whether the poster wrote the digits (``written``, three groups or more) as ``read``'s country groups
    its numbers and not as ``other``'s."""
    if not _grouped_digits(written):
        return False
    groups = [len(g) for g in _DIGIT_GROUP.findall(written)]
    return len(groups) >= 3 and _national_groups(read) == groups and _national_groups(other) != groups


def _national_groups(read: _Read) -> list[int]:
    """The lengths of the digit groups of ``read`` as its own country writes it."""
    national = phonenumbers.format_number(read.number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return [len(g) for g in _DIGIT_GROUP.findall(national)]


_MAX_NATIONS = 3  # more nationalities named make a list ("we speak English, French, Spanish ..."), not a hint


def _neighbours_read(written: str, region: str, grouped: str = "") -> _Read | None:
    """``written`` (digits as dialled at home, with a trunk prefix) as the valid number of the first
    neighbouring country (``_NEIGHBOURS``) where it is one, dialled with that country's trunk prefix; of
    several, the one whose own grouping the poster wrote (``grouped``, the number as written), if only one
    is written so: "01 99 00 72 83" in a German ad is France's, in France's pairs, not Vienna's."""
    first: _Read | None = None
    for other in _NEIGHBOURS.get(region, ()):
        trunk = _national_dialling(other)[0]
        # without a trunk prefix ("6 12 34 56 78" in Monaco) a national number says nothing, unless neither
        # country has one: "(915) 555-0134" in a Mexican ad is only possible there, and El Paso's
        if (trunk and written.startswith(trunk)) or (not trunk and not _national_dialling(region)[0]) \
                or (other in _ZERO_IN_NUMBER and written.startswith("0")):
            read = _read(written, other)
            if read is None or not read.valid:
                continue
            if first is None:
                first = read
                if not grouped:
                    return first
            elif read.e164 != first.e164 and _home_or_named(grouped, first, read) is read:
                return read
    return first


def _spelled_area_code(nt: NormalisedText, start: int, end: int, first_cut: int, region: str) -> bool:
    """Whether the figure before a comma is the number's own first group, spelled out like the rest: "onze,
    nove seis um dois três, quatro cinco um zero" is one Brazilian number (area code 11) even though "nove
    seis ..." alone reads as one too.  A figure or a rest in digits keeps the comma: "Ana, 22, 96123-4510",
    "Ana, vinte e dois, 96123-4510" state an age.
    """
    figure = nt.original[nt.starts[start]:nt.ends[first_cut - 1]]
    rest = nt.original[nt.starts[first_cut]:nt.ends[end - 1]]
    if not (any(ch.isalpha() for ch in figure) and any(ch.isalpha() for ch in rest)):
        return False
    run = nt.text[start:end]
    whole = _read(run, region) if len(run) <= MAX_DIGITS else None
    return whole is not None and whole.valid and _as_dialled(run, whole)


def _before_next_sentence(nt: NormalisedText, start: int, end: int, cuts: list[int],
                          region: str) -> tuple[int, int, _Read] | None:
    """The number without a last group of one to three digits that starts the next sentence or clause
    ("... sei sette. Sei libero?", "... sette, sei il benvenuto": Italian "sei" is also "you are"), when
    the number without it is valid; maybe after a leading figure too ("Paris 75008 01 99 00 67 90, 3e
    étage": a postcode, the number, then a floor)."""
    last_cut = cuts[-1]
    if end - last_cut > 3:
        return None
    gap = _gap(nt, last_cut)
    if not (gap[-1:].isspace() and any(c in gap for c in ".!?,")):
        return None
    head = nt.text[start:last_cut]
    digits = len(head) - head.startswith("+")
    if not MIN_DIGITS <= digits <= MAX_DIGITS + 2:
        return None
    read = _read(head, region)
    if read is None or not read.valid or not (head.startswith("+") or _as_dialled(head, read)):
        if len(cuts) < 2 or head.startswith("+"):
            return None
        lead = _after_leading_figure(nt, start, last_cut, cuts[0], region, any_gap=True)
        return lead if lead is not None and lead[2].valid else None
    return start, last_cut, read


def _attrs(read: _Read, home_cc: int, obfuscated: bool) -> dict[str, Any]:
    return {
        "obfuscated": obfuscated,
        "foreign": bool(home_cc) and read.number.country_code != home_cc,
        "confidence": "valid" if read.valid else "possible",
        "region": read.region,
    }
