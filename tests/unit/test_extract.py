"""Extraction v1: phones, emails, URLs with offsets into the original field text."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad
from unveil.extract.base import AdContext
from unveil.extract.emails import scan_emails

PHONE_CASES = [
    # (text, country, expected E.164 values)
    ("Call 020 7946 0123 today", "GB", ["+442079460123"]),
    ("ring +44 20 7946 0456", "FR", ["+442079460456"]),
    ("appelle 01 99 00 12 34", "FR", ["+33199001234"]),
    ("(202) 555-0142 anytime", "US", ["+12025550142"]),
    ("txt 07700 900123", "GB", ["+447700900123"]),
    ("no phone here, only 150 GBP", "GB", []),
    # A price glued before the number: its amount is not the first digits of the phone.
    ("Rates £40. 020 7946 0678 call me", "GB", ["+442079460678"]),
    ("EUR 150 06 39 98 12 34", "FR", ["+33639981234"]),
    ("$200 (212) 555-0123", "US", ["+12125550123"]),
    ("150€ 01 99 00 12 34", "FR", ["+33199001234"]),
    ("$ 2125550123", "US", ["+12125550123"]),  # one block: nothing to cut, read as written
    ("https://citylistings.example/gb/london/02079460123", "GB", []),  # an address's digits
    ("https://wa.me/447700900123", "GB", ["+447700900123"]),  # a messaging link is a phone
    # A number written as a phone inside a web address: grouped in a slug or given to a phone-like key.
    ("https://nyc.classifieds.example/companions/new-in-town-212-555-0147/88123456", "US", ["+12125550147"]),
    ("https://bookings.example/form?ref=9921&phone=02079460311", "GB", ["+442079460311"]),
    ("https://site.example/ad?id=2125550123", "US", []),  # an id, whatever its digits
    ("https://site.example/ad/07700-900-123", "GB", []),  # only "possible": a web address needs a valid range
    ("https://archive.example/2026-11-03/item", "US", []),
    ("https://site.example/v2.555.0123.4", "US", []),  # glued to letters and to more digits
    # A leading word of look-alike letters is read only when the run hides digits too and falls short without it.
    ("appelle OI 99 OO 9I 96", "FR", ["+33199009196"]),
    ("Oi 912 345 678", "PT", ["+351912345678"]),  # a greeting: the run reads alone
    ("appelle Oi 99 00 91 96", "FR", []),  # plain digits after a greeting: not enough to call "Oi" digits
    ("\u041el 99 \u041e\u041e 85 75", "FR", ["+33199008575"]),  # Cyrillic O: folded first
    # Accounts and identifiers hold digit runs that read as numbers; none of them is a phone.
    ("IBAN DE89 3704 0044 0532 0130 00", "DE", []),
    ("IBAN: DE89 3704 0044 0532 0130 01", "GB", []),  # a mistyped IBAN is still an account
    ("eth 0x52908400098527886E0F7030069857D2E4169EE7", "US", []),
    ("ref A7F30200794601234D2E99 call 020 7946 0123", "GB", ["+442079460123"]),
    ("tel07700900123", "GB", ["+447700900123"]),  # glued to a word, not inside an identifier
    ("zerosevensevenzerozeroninezerozeroonetwothree", "GB", ["+447700900123"]),
    # A label that names the number an identifier: no phone.
    ("Order ref #2025550199 confirmed", "US", []),
    ("Post ID 2025550147", "US", []),
    ("Reference: 3125550188", "US", []),
    ("Ad #3125550188 renewed", "US", []),
    ("Booking ref 07700900123", "GB", []),
    ("annonce n° 0199001234", "FR", []),
    ("réf. 0199001234", "FR", []),
    ("Anzeigen-Nr. 030 23125456", "DE", []),
    ("Bestellnummer: 030 23125456", "DE", []),
    ("pedido 612345678", "ES", []),
    ("Numer ogłoszenia: 512345678", "PL", []),  # the number word first
    ("numéro d'annonce 0199001234", "FR", []),
    # Identifier words that are no label.
    ("Call 202-555-0147 (ad id 3125550188)", "US", ["+12025550147"]),
    ("mon n° : 06 39 98 12 34", "FR", ["+33639981234"]),  # "n°" alone is the number's own label
    ("Handy Nr. 030 23125456", "DE", ["+493023125456"]),
    ("Mój numer 512 345 678", "PL", ["+48512345678"]),
    ("paid? text 2025550147", "US", ["+12025550147"]),  # "id" inside a word is no label
    # Groups split by line breaks or emoji that are no phone.
    ("Rates\n150\n250\n400", "FR", []),  # no trunk prefix: three figures, not 01 50 25 04 00
    ("150🌹 250🌹 400🌹", "FR", []),  # prices
    ("£20\n7946\n0123", "GB", []),  # a currency before the first group
    ("open 10:00\n22:00\n", "DK", []),  # clock times
    ("\n".join(["0", "2", "0", "7", "9", "4", "6", "0", "1", "2", "3", "4", "5", "6", "7", "8"]), "GB", []),  # a column
    ("202 apples\n555 pears\n0147", "US", []),  # words between the groups
    # "|" as a separator or as a 1.
    ("Call 3|2-555-0|88", "US", ["+13125550188"]),  # "|" for 1 where reading it as a separator gives nothing
    ("07|700|900|123", "GB", ["+447700900123"]),  # "|" as a separator where that reads
    ("020|7946|0123", "GB", ["+442079460123"]),
    # A figure set apart by a comma or a full stop is not the start of the phone after it
    ("Lena, 22, 0170 1234567", "DE", ["+491701234567"]),
    ("Kasia, 22, 512 345 678", "PL", ["+48512345678"]),
    ("Lyon 3, 01 99 00 12 34", "FR", ["+33199001234"]),
    ("1. 0170 1234567\n2. 0151 23456789", "DE", ["+491701234567", "+4915123456789"]),
    # Lists and columns of figures hold no phone.
    ("Rates: 150, 250, 400, 1000", "US", []),
    ("Rates\n150\n250\n400\n1000", "US", []),
    ("💋150\n💋250\n💋400\n💋1000", "US", []),
    ("Cennik\n150\n250\n500\n800", "PL", []),
    ("150 💋 250 💋 400 💋 1000", "US", []),  # a row with one separator
    # A postcode, then a price.
    ("Kraków 31-000, 150 zł", "PL", []),
    # Spelled-out groups listed with commas still read whole
    ("zéro six, trente neuf, quatre vingt dix huit, douze, trente quatre", "FR", ["+33639981234"]),
    # A number word that starts the next sentence or clause is not the phone's last digit.
    ("tre quattro sette uno due tre quattro cinque sei sette. Sei libero?", "IT", ["+393471234567"]),
    ("tre quattro sette uno due tre quattro cinque sei sette, sei il benvenuto", "IT", ["+393471234567"]),
    ("06. 39. 98. 12. 34", "FR", ["+33639981234"]),
    # A word that starts with a unit's letters is no unit ("Horario" is not "horas")
    ("seis uno dos, treinta y cuatro, cincuenta y seis, setenta y ocho\nHorario: 10-22", "ES", ["+34612345678"]),
    # An age, a postcode or a room number before a number dialled with its trunk prefix is no part of it.
    ("Age 22 020 7946 0351", "GB", ["+442079460351"]),
    ("Room 12 020 7946 0354", "GB", ["+442079460354"]),
    ("Anna 24 07700 900 334 Leeds", "GB", ["+447700900334"]),
    ("Jess, 22, 07700 900 333", "GB", ["+447700900333"]),
    ("Sydney 2000 0491 570 071", "AU", ["+61491570071"]),
    # A five-digit postcode before a number dialled with its trunk prefix.
    ("Paris 75008 01 99 00 67 89", "FR", ["+33199006789"]),
    ("Marseille 13008 – 06 39 98 57 91", "FR", ["+33639985791"]),
    ("Nice 06000 01 99 00 12 34", "FR", ["+33199001234"]),
    ("Perth WA 6000 – 0491 570 140", "AU", ["+61491570140"]),
    ("Bondi Junction NSW 2022, 0491 570 141", "AU", ["+61491570141"]),
    ("Adelaide – Skye 25 – 0491 570 112", "AU", ["+61491570112"]),
    ("Mia 23 0491 570 060 $300", "AU", ["+61491570060"]),
    # ... and a figure after a valid number is not glued onto it; NANP area codes stay the number's start.
    ("0491 570 063 300 1hr", "AU", ["+61491570063"]),
    ("416-555-0163 250 hr", "CA", ["+14165550163"]),
    ("Québec (Sainte-Foy) - 418-555-0144 - 200$ l'heure", "CA", ["+14185550144"]),
    ("Léa 22 ans 514 555 0166 200$", "CA", ["+15145550166"]),
    # "00" for the international prefix where the country's own is another (Australia: 0011)
    ("0061 491 570 131", "AU", ["+61491570131"]),
    ("null null drei drei sechs neununddreißig achtundneunzig zwölf vierunddreißig", "DE", ["+33639981234"]),
    # Rows of amounts, bank and business numbers, ranges of days
    ("Rates 150 200 250 300 450 800", "GB", []),
    ("ABN 51 824 753 556 – registered business", "AU", []),
    ("BSB 062-000 Acc 1234 5678", "AU", []),
    ("Tour dates 07/07 - 09/07 Perth, 10/07 - 14/07 Adelaide", "AU", []),
    ("0.2.0.7.9 - 4.6.0.4.2 - 8", "GB", ["+442079460428"]),
    # WhatsApp links carry the number international, without its "+"
    ("wa.me/17025550147", "DE", ["+17025550147"]),
    ("https://wa.me/33199001234", "IT", ["+33199001234"]),
    ("https://api.whatsapp.com/send?phone=442079460388&text=hi", "ES", ["+442079460388"]),
    ("wa . me / 13055550162", "MX", ["+13055550162"]),
    # A figure after a spelled country code's number, a figure before a number in a country without trunk prefix
    ("plus four four two zero seven nine four six zero three four five, 24 years old", "US", ["+442079460345"]),
    ("più quattro quattro due zero sette nove quattro sei zero cinque uno due, 23 anni", "IT", ["+442079460512"]),
    ("Jessica 24 seven oh two five five five oh one four seven", "US", ["+17025550147"]),
    ("Wien, 1100, 0044 20 7946 0378", "AT", ["+442079460378"]),
    # Tens then a unit as words of their own: 27 in English, 20 then 7 where the language glues them
    ("+44 veinte, siete nueve cuatro seis, cero cuatro cinco seis", "MX", ["+442079460456"]),
    ("+44 zwanzig sieben neun vier sechs null drei zwei eins", "DE", ["+442079460321"]),
    ("+33 1 99 00 dodici trentaquattro", "IT", ["+33199001234"]),
    ("+33 1 99 00 veintiséis catorce", "MX", ["+33199002614"]),
    ("seven oh two, five five five, oh one, forty seven", "US", ["+17025550147"]),
    # Addresses, US dates, measurements, rows of rates
    ("Via Roma 123, 20121 Milano", "IT", []),
    ("Posted 03/14/2025 10:42 AM", "US", []),
    ("Born 2001 · 36-24-36", "US", []),
    ("Rates 100 150 200 250 300 500 1000", "US", []),
    # From a fifth red team (nl/pt/ro/pl, BE/CH/LU): "00" before a grouped number and a price after it;
    # a country code on one line, the number on the next; commas end a spelled number
    ("Bel 0044 20 7946 0123. 150 euro per uur.", "NL", ["+442079460123"]),
    ("Sună\n+44 20\n7946 0525", "MD", ["+442079460525"]),
    ("plus quarante-quatre, vingt, sept, neuf, quatre, six, zéro, un, cinq, six", "BE", ["+442079460156"]),
    ("plus patruzeci și patru, douăzeci, șapte nouă patru șase, zero cinci zero opt", "MD", ["+442079460508"]),
    # Tax and company numbers, addresses with postcodes, opening hours, a lower-case IBAN, a VAT code
    ("CPF 123.456.789-09", "BR", []),
    ("KvK 12345678, BTW NL123456789B01", "NL", []),
    ("ul. Marszałkowska 84/92, 00-514 Warszawa", "PL", []),
    ("Rua Augusta 100, 1100-053 Lisboa", "PT", []),
    ("Czynne codziennie 10.00-22.00", "PL", []),
    ("iban de89 3704 0044 0532 0130 00", "DE", []),
    ("Tel 22 123 45-67 Warszawa", "PL", ["+48221234567"]),
    ("UID CHE-123.456.788 MWST", "CH", []),  # a code between the label and the number
    ("RCS Luxembourg B123456 – TVA LU12345678", "LU", []),
    ("Numéro d'annonce : 88412376 — réf. 2025-04-17-0032", "BE", []),  # a date inside a reference
    ("faktura FV 123/06/2025", "PL", []),
    # a hyphenated compound's last word does not open a two-word number ("quarante-quatre vingt" is 44 20)
    ("zéro zéro quarante-quatre vingt septante-neuf quarante-six zéro un cinquante-six", "BE", ["+442079460156"]),
    ("plus patruzeci și patru douăzeci șapte nouă patru șase zero cinci douăzeci și patru", "MD",
     ["+442079460524"]),
    ("call 07700 900123 10:30 tonight", "GB", ["+447700900123"]),
    # "double" in German, Italian, Dutch: "doppelnull", "doppio zero", "dubbel nul"
    ("+44 20 7946 doppelnull vier sieben", "DE", ["+442079460047"]),
    ("+44 20 7946 doppio zero quattro sette", "IT", ["+442079460047"]),
    ("+44 20 7946 dubbel nul vier zeven", "NL", ["+442079460047"]),
    # a spaced dash before a last group of four is inside the number; before a price it is not
    ("+ 1 ( 702 ) 555 – 0164", "US", ["+17025550164"]),
    ("612 345 678 – 1500 €", "ES", ["+34612345678"]),
    ("Whatsapp ➕4️⃣4️⃣2️⃣0️⃣7️⃣9️⃣4️⃣6️⃣0️⃣4️⃣1️⃣0️⃣", "IE", ["+442079460410"]),  # a heavy plus sign
    ("Ingeschreven bij de KvK onder nummer 81234567", "NL", []),  # a label, "under number", the number
    ("Rocznik 1998, 172/56/36, od 2020 w Poznaniu", "PL", []),  # height/weight/size
    # Dates before a number are not its first digits; a colon after the first group stays inside it.
    ("Disponible 12.03.2025 – 15.03.2025, 01 99 00 68 02", "FR", ["+33199006802"]),
    # a phone in a Telegram link with its "+" escaped
    ("Telegram: https://t.me/%2B351912345644", "PT", ["+351912345644"]),
    ("Joignable au O6 l2 34 S6 7B", "FR", ["+33612345678"]),
    ("Empresa CIF B12345678, masajes profesionales", "ES", []),
    # four growing round amounts joined by dashes are a rate card; a German listing's number
    ("Tarifas: 100-150-200-300\nSolo por chat de la web.", "ES", []),
    ("Tarieven 150-250-450-1000", "NL", []),
    ("Inserat-Nr. 48213390571\nMia, Stuttgart.", "DE", []),
    # a range of clients' ages closing a sentence before the number
    ("Tylko 18+, panowie 30-60. 512 345 672", "PL", ["+48512345672"]),
    ("le 15/03, 01 99 00 68 02", "FR", ["+33199006802"]),
    # a tour's day and month in brackets before a number hidden in words (its trunk 0 in leet)
    ("Lyon (17/06) z3ro un . n3uf n3uf . 0️⃣0️⃣ . quatre-v1ngt-dix-sept . douze", "FR", ["+33199009712"]),
    ("Lyon (17/06) 01 99 00 97 12", "FR", ["+33199009712"]),
    ("Mon 01 : 99 00 12 34", "FR", ["+33199001234"]),
    ("de 10 : 00 à 22 : 00", "FR", []),
    ("020・7946・0744", "GB", ["+442079460744"]),  # a katakana middle dot between groups
    # Company, registry and tax numbers, with a town, a country code or a check key before the digits.
    ("SIRET 199 001 234 00017 – RCS Paris B 199 001 234", "FR", []),
    ("RCS Nanterre 199 001 234", "FR", []),
    ("N° TVA intracommunautaire FR 32 199001234", "FR", []),
    ("TVA : FR 32 199 001 234", "FR", []),
    ("BCE 0199.001.234 – TVA BE 0199.001.234", "BE", []),
    ("Numéro d'entreprise 0199.001.234 – RPM Bruxelles", "BE", []),
    ("IDE CHE-199.001.234 TVA, inscrite au registre du commerce de Genève", "CH", []),
    ("UID: CHE-123.456.789", "CH", []),
    # a word in capitals ending in "CHE" is no Swiss company number's code
    ("DISPONIBLE ESTA NOCHE +44 20 7946 0501 VALENCIA", "ES", ["+442079460501"]),
    ("NUR DIESE WOCHE +33 1 99 00 12 34", "DE", ["+33199001234"]),
    # a country's adjective in Dutch before "nummer"
    ("Frans nummer: 01 99 00 23 45 (ik zit deze maand in Rotterdam)", "NL", ["+33199002345"]),
    ("Engels nummer: 020 7946 0123", "NL", ["+442079460123"]),
    ("Steuer-Nr. 12/345/67890", "DE", []),
    ("USt-IdNr. DE123456789", "DE", []),
    ("TVA incluse 01 99 00 12 34", "FR", ["+33199001234"]),  # "incluse" is no country code
    ("Iva call 020 7946 0123 now", "GB", ["+442079460123"]),  # a name, then "call": no VAT number
    # North America's international prefix "011" before a country code; a British "0114" stays national.
    ("call 011 44 20 7946 0555", "US", ["+442079460555"]),
    ("011 33 1 99 00 12 34", "CA", ["+33199001234"]),
    ("0114 496 0123", "GB", ["+441144960123"]),
    # A rate row written without the trunk "0" is no number of the ad's country nor of its neighbour's.
    ("Rates 150 200 350", "GB", []),
    ("🇬🇧 150 200 350\n🇪🇺 180 240 400\n(30min / 1hr / 2hr)", "GB", []),
    ("07700 900690 · 150 200 300", "GB", ["+447700900690"]),
    # ... nor when it happens to be valid there: a French number is written with its 0
    ("Tarifs 150 200 350", "FR", []),
    ("Appelle au 1 50 20 03 50", "FR", ["+33150200350"]),  # not round amounts: a number missing its 0
    # A month and year is a date: "Member since 03.2019 — 1200 reviews" holds no phone.
    ("Member since 03.2019 — 1200 reviews", "GB", []),
    ("Membre depuis 11/2021. 01 99 00 12 34", "FR", ["+33199001234"]),
    ("Chiama 06.2019.1234", "IT", ["+390620191234"]),  # a Rome number with dots is no month and year
    # Digit groups given apart with a few words between, after a word that announces a number
    ("call 212 me 555 now 0147 ❤️", "US", ["+12125550147"]),
    ("first bit is the London code (020), then 7946, then 0345", "GB", ["+442079460345"]),
    ("Vorwahl 0151, dann 2345, dann 67, zum Schluss 03", "DE", ["+4915123456703"]),
    ("Mi número empieza por 612, luego 34 56 y termina en 03", "ES", ["+34612345603"]),
    ("Mijn nummer begint met 06, dan 1234, en eindigt op 5611", "NL", ["+31612345611"]),
    ("numărul începe cu 0712, apoi 034, se termină cu 511", "RO", ["+40712034511"]),
    ("call me ➡ 3 0 5\n            5 5 5\n            0 1 9 1", "US", ["+13055550191"]),  # indented lines
    ("my # is 678-555 then 0186", "US", ["+16785550186"]),  # "my #" for "my number"
    ("Room # 212, floor 555 and 0147", "US", []),  # "#" alone numbers rooms: only "my #" announces
    # An area code spelled out like the rest before a comma is the number's, a figure in digits an age
    ("Zap: onze, nove seis um dois três, quatro cinco um zero", "BR", ["+5511961234510"]),
    ("Ana, 22, 96123-4510", "BR", ["+55961234510"]),
    ("Ana, vinte e dois, 96123-4510", "BR", ["+55961234510"]),
    # A currency code that ends its line is no amount of the next line's number (Rome's EUR district)
    ("Roma EUR\n312 345 6711", "IT", ["+393123456711"]),
    ("text 602-555\n-0177\n$200/hr incall", "US", ["+16025550177"]),  # ... nor a rate on the next line
    ("EUR 312 345 6711", "IT", []),
    # ... never figures of another kind: stats, dates, counts, a column of rates, or groups with no call word
    ("Яна, 23 роки, зріст 168, вага 52, розмір 36.", "CZ", []),
    ("DE: 01.-05.06. | AT: 06.-09.06. | CH: 10.-14.06.", "DE", []),
    ("Verified since 2019 • 1,204 reviews • 4.8★", "US", []),
    ("Rates\n150\n250\n400\n1000\nText first", "US", []),
    ("Studio 212 in block 555, room 0147", "US", []),
    # A scraped page's chrome: ad numbers after a listing word, a range of years, ratings, a table's cells,
    # "hours ago" after a number, a house number and a postcode
    ("Home / Incontri / Roma / ID annuncio: 27128610", "IT", []),
    ("Strona główna > Towarzyskie > Poznań > Nr ogłoszenia: 16055947", "PL", []),
    ("37.849x angesehen · Anzeige 41524028 · Eingestellt vor 8 Tagen", "DE", []),
    ("Annuncio n. 87721010 · Visto 37.640 volte", "IT", []),
    ("Anzeige 0151 23456789", "DE", ["+4915123456789"]),  # written as a phone is: a trunk 0
    ("© 2010-2025 AnnunciDolci S.r.l.", "IT", []),
    ("Chiama 02 2010 2025", "IT", ["+390220102025"]),  # a Milan number after its area code, no years
    ('"Byłem w styczniu 2024, 10/10. Miła"\n"Byłem w styczniu 2025, 10/10."', "PL", []),
    ("Cała noc | 2700 | 2800", "PL", []),
    ("Natalia, 37 – Warszawa · +48 512 345 666 · 6 godz. temu", "PL", ["+48512345666"]),
    ("Anschrift: Musterstraße 87, 10115 Berlin – HRB 123456", "DE", []),
    ("Paysafecard-Code bekommen: 0123 4567 8901 2345 – war leer.", "DE", []),  # a voucher: four groups of four
    # Body measurements in centimetres are no phone; digits split by symbols still are
    ("Giada, 23 anni, 1,70, 90-60-90\nChiamami al 312 345 6730", "IT", ["+393123456730"]),
    # a number marked as another country's, in the words of the ad's language
    ("Romanian, Limerick. Irish no. 085 012 3488 / Romanian no. 0712 034 588", "IE",
     ["+353850123488", "+40712034588"]),
    ("Москва, новенькая, украинский номер 050 123-45-67", "RU", ["+380501234567"]),
    ("Нова у Львові, польський номер 512 345 678", "UA", ["+48512345678"]),
    ("Revin din Spania, număr spaniol 612 345 678", "RO", ["+34612345678"]),
    ("Marocaine à Toulouse, numéro marocain 06 50 12 34 56", "FR", ["+212650123456"]),
    # a number too short keeps no trunk "0" in its E.164 form: no number at all
    ("Tel. 078 123 45 6 – bitte nur SMS", "CH", []),
    ("Tel 0712 034 56 (lipsește o cifră)", "RO", []),
    # identity documents, a listing's number in Russian, a company number after its country code
    ("Паспорт 45 12 345678 проверен модератором.", "RU", []),
    ("Объявление № 2918374650, опубликовано 01.04.2025.", "RU", []),
    ("Numéro d'entreprise BE 0450.001.234 – massage bien-être agréé.", "BE", []),
    # groups of three, two and two after an area code in brackets are no body measurements
    ("Llámame al +52 (222) 123-45-62", "MX", ["+522221234562"]),
    ("Телефон (050) 123-45-65", "UA", ["+380501234565"]),
    ("available today. 02|07.94-60-67_8. Rates 150", "GB", ["+442079460678"]),
    ("+44 7700 900123", "GB", ["+447700900123"]),
    # No North American area code or exchange starts with 0 or 1.
    ("call 123 456 7890", "US", []),
    ("Appelle le 01 99 00 12 34", "US", []),
    # Accounts, amounts, addresses and invite links.
    ("Nr konta: 62 1090 1014 0000 0712 1981 2874", "PL", []),  # a Polish account (mistyped), no "PL"
    ("Wpłata na konto 61 1090 1014 0000 0712 1981 2874, tel +48 22 123 45 67", "PL", ["+48221234567"]),
    ("Deposit 0.00250000 BTC", "GB", []),
    ("24/170/58, Lena, Tel 0170 1234567", "DE", ["+491701234567"]),  # age/height/weight
    ("Deposit ref: ANNA-2079-4601-23, pay by 12/03", "GB", []),  # a code in capitals after a label
    ("ul. Marszałkowska 104/122, 00-017 Warszawa", "PL", []),
    ("join t.me/joinchat/AAAAAE1234567890abcdef", "GB", []),
    ("t.me/+aBcD1234567890xyz", "GB", []),
    ("t.me/+447700900123", "GB", ["+447700900123"]),
    ("Rates 150 200 250 300 450 800 1200 (30m 45m 1h 1.5h 2h 3h overnight)", "GB", []),
    ("Prezzi: 100 150 200 500 800 (15' 30' 1h 2h notte)", "IT", []),
    # Tax, company, account and booking numbers in the other languages of Europe
    ("CVR 31457826. Ingen telefon", "DK", []),
    ("Adószám: 24857316-2-42. Cégjegyzékszám: 01-09-123456.", "HU", []),
    ("Org.nr 556677-8899, bankgiro 5050-1055, Personnummer 900101-1234", "SE", []),
    ("Y-tunnus 2345678-9", "FI", []),
    ("ЕИК 204857316, ДДС № BG204857316", "BG", []),
    ("PIB 104857362, tekući račun 160-0000000123456-78", "RS", []),
    ("Davčna številka 48573162", "SI", []),
    ("Registrikood 10374512", "EE", []),
    # accounts and tax numbers behind their labels, all their digits ("conto" runs on past one number)
    ("Bonifico: conto 0300 2032 8001 2345 6789 012", "IT", []),
    ("Kto. 7712 3344 05, BLZ 290 500 00", "DE", []),
    ("Steuernr. 244/123/45678", "DE", []),
    # a label word ending a sentence of prose is no label of the number after it
    ("I cross the border with my passport. 716.555.0181. $250/hr USD.", "US", ["+17165550181"]),
    ("Passport. 716555018", "US", []),
    # opening hours before a number are no digits of it ("24 7020 7946" reads as a valid British number)
    ("Open 24/7 call me24/7 020 7946 0111", "GB", ["+442079460111"]),
    ("Available 24 / 7 020 7946 0111", "GB", ["+442079460111"]),
    # a lone 0 before a national number (an icon read as a letter) is no international prefix (+20, Egypt)
    ("0 020 7946 0611\nCall me anytime x", "GB", ["+442079460611"]),
    ("0 01 99 00 12 34", "FR", ["+33199001234"]),
    ("0 044 20 7946 0611", "GB", ["+442079460611"]),
    ("0 0 4 4 2 0 7 9 4 6 0 6 1 1", "GB", ["+442079460611"]),
    # a WhatsApp link with its dot hidden is international too
    ("WhatsApp 👉 wa[.]me/33199004455", "DE", ["+33199004455"]),
    ("WhatsApp: wa [dot] me / 61491570155", "IT", ["+61491570155"]),
    ("Solo WhatsApp: wa(.)me/12025550181", "ES", ["+12025550181"]),
    ("P. IVA 12345678901", "IT", []),
    ("rekening 0123 4567 89 t.n.v. J. de Vries", "NL", []),
    ("Transferência para NIB 0035 0123 0001 2345 6789 1", "PT", []),
    ("Záloha na účet 19-2000145399/0800, VS 20240315", "CZ", []),
    ("Platba 2612345678/1100", "SK", []),
    ("Előleg a 11773016-11111018-00000000 számlaszámra", "HU", []),
    ("Rezervace č. 2024031512 potvrzena", "CZ", []),
    ("Ledig kl. 12.00-20.00.", "DK", []),  # a range of times, then a full stop
    ("Hinnat 60/90/120 min: 80/110/140 €.", "FI", []),  # amounts in a row with slashes
    ("Ref code 1Z999AA10123456784 (UPS)", "US", []),  # digits, capitals, digits: a tracking number
    ("wa.me/send?phone=%2B13125550107", "US", ["+13125550107"]),  # an escaped "+" is no capital
    # ... while the same words before a phone do not hide it
    ("Objednávky 0905 000 033 po 10:00", "SK", ["+421905000033"]),
    ("Tel. č. 601 000 012", "CZ", ["+420601000012"]),
    ("see anna.org 020 7946 0123", "GB", ["+442079460123"]),
    # a trunk zero written out of habit after a country code that has none
    ("Tel./WhatsApp: +420 (0) 601 000 033", "CZ", ["+420601000033"]),
    # an age set apart by a spaced dash where numbers have no trunk prefix
    ("Noemi, 24 – 312 345 6760", "IT", ["+393123456760"]),
    # scraped pages: a number half hidden behind a reveal button, a page's own links, registers, a rate card
    ("📞 01512 34567XX Nummer anzeigen", "DE", []),
    ("📞 312 345 67** Mostra numero", "IT", []),
    ("📞 02 1234 56•• Mostra", "IT", []),
    ("Call 702-555-0147 xxx", "US", ["+17025550147"]),  # kisses, not a mask
    ('<a href="/report/59761776">Anzeige melden</a>', "DE", []),
    ('<a href="/escort/new-in-town-212-555-0147">Sasha</a>', "US", ["+12125550147"]),
    ("© 2026 Nocne Media Sp. z o.o. · KRS 0000123456", "PL", []),
    ("Delaware file no. 7731942", "US", []),
    ("Rates: 30 = 180, 60 = 280", "US", []),
    # a "g" or "q" for a 9 inside a number, as read from an image; grams and "5g" stay out
    ("ring me o2o 7g46 o5o1", "GB", ["+442079460501"]),
    ("WhatsApp: 6l2 345 6g3", "ES", ["+34612345693"]),
    ("Only 100g of sugar, 5g network", "GB", []),
    # the next line of an office, written by its last digits only
    ("Booking lines: 020 7946 0211 / 0212 (two lines)", "GB", ["+442079460211", "+442079460212"]),
    ("Réservation : 01 99 00 37 41 / 42", "FR", ["+33199003741", "+33199003742"]),
    ("Call 020 7946 0211 / 2024", "GB", ["+442079460211"]),  # a year, not the next line
    ("Call 020 7946 0211 / 24h", "GB", ["+442079460211"]),
    # codes of bookings, orders, parcels, vouchers, cases and permits, and view counters, are no phones
    ("Gutscheincode 4482 1337 12 für 10 % Rabatt", "DE", []),
    ("Buchungscode 0199 0012 34 bitte nennen", "DE", []),
    ("Codice prenotazione 3481234567 · camera 305", "IT", []),
    ("Localizador: 912345678 — vuelo de Iberia", "ES", []),
    ("Numer zamówienia 512 345 678, tel. 512 345 679", "PL", ["+48512345679"]),
    ("N° de suivi 01 99 00 12 34 — merci !", "FR", []),
    ("Promo code 2025550143 for 10% off", "US", []),
    ("Case # 2025-550-143 closed, my ad is back. Text 312-555-0108.", "US", ["+13125550108"]),
    ("City permit 2026-004512 · call 213-555-0121", "US", ["+12135550121"]),
    ("ISBN 978-0-306-40615-7 — my book club pick", "GB", []),
    ("Wyświetlenia: 123 456 789 · Polubienia: 12 345", "PL", []),
    ("Just in case: 202-555-0143", "US", ["+12025550143"]),  # "case" alone is no label
    ("Aufrufe heute: 1 234 · gesamt: 56 789 012", "DE", []),  # a count in thousands without a trunk 0
    ("Photos: DSC_0199001234.JPG, IMG_2025550143.HEIC", "US", []),  # file names
    # a map's pin, days of a month listed, measurements apart
    ("📍 48.8566, 2.3522 (Paris centre)", "FR", []),
    ("📍 -33.8688, 151.2093 · 0491 570 156", "AU", ["+61491570156"]),
    ("Présente à Lyon les 01 02 03 04 05 décembre", "FR", []),
    ("Termine frei: 01.12., 02.12., 03.12., 04.12. und 05.12.", "DE", []),
    ("Calendario: 1/12 2/12 3/12 4/12 5/12 completi", "IT", []),
    ("Dispo du 01.12 au 05.12 01 99 00 68 02", "FR", ["+33199006802"]),
    ("90 60 90 · 170 55 · 36 38", "FR", []),
    ("Stats: 5'6 120lbs 34C-24-36 (702) 555-0117", "US", ["+17025550117"]),
    # a ZIP+4 code, an identifier or a row of rates before a number cut apart by the front end
    ("Houston, TX 77002-1234 · 713-555-0184", "US", ["+17135550184"]),
    ("Company No. 01234567 · 020 7946 0715", "GB", ["+442079460715"]),
    ("Rates 150 200 350 | 020 7946 0431", "GB", ["+442079460431"]),
    ("Tarifs 100 150 250 | 01 99 00 31 19", "FR", ["+33199003119"]),
    ("365/24/7 · 0491 570 099 · 100% genuine", "AU", ["+61491570099"]),
    ("0491 570 069 | 24/7", "AU", ["+61491570069"]),
    ("12.03.2025 – 15.03.2025, 01 99 00 68 04", "CH", ["+33199006804"]),  # a neighbour's, joined
    # digits in the middle of a longer run are no number of their own where numbers have a trunk prefix
    ("Tél. 01 99 00 12 345 ou 01 99 00 12 34", "FR", ["+33199001234"]),
    ("WhatsApp +44 20 7946 01234", "DE", []),
    # postcodes after their label, listed with slashes, are no number
    ("Hotels im PLZ-Bereich 5020 / 5026 / 5061.", "AT", []),
    ("PLZ 5020 / 5026 / 5061", "AT", []),
    ("CAP 20121 / 20122", "IT", []),
    ("code postal 75008, tél. 01 99 00 12 34", "FR", ["+33199001234"]),
]


@pytest.mark.parametrize(("text", "country", "values"), PHONE_CASES)
def test_phones(text, country, values):
    ents = [e for e in extract_ad({"body": text, "country": country}) if e.kind == "phone"]
    assert [e.value for e in ents] == values
    for e in ents:
        assert text[e.start:e.end] == e.text


def test_phone_in_the_ads_own_address_field():
    ad = {"url": "https://nyc.classifieds.example/companions/new-in-town-212-555-0147/88123456", "country": "US"}
    [phone] = [e for e in extract_ad(ad) if e.kind == "phone"]
    assert (phone.field, phone.value, phone.text) == ("url", "+12125550147", "212-555-0147")
    assert phone.attrs["obfuscated"] is False
    assert not [e for e in extract_ad({"url": "https://site.example/ad/88123456", "country": "US"})
                if e.kind == "phone"]


def test_a_number_cut_from_its_run_is_obfuscated_only_by_what_it_holds():
    # The dash before it belongs to the age, not to the number.
    [ph] = [e for e in extract_ad({"body": "Skye 25 – 0491 570 112", "country": "AU"}) if e.kind == "phone"]
    assert (ph.text, ph.attrs["obfuscated"]) == ("0491 570 112", False)
    [ph] = [e for e in extract_ad({"body": "Lena, 22, 0170 1234567", "country": "DE"}) if e.kind == "phone"]
    assert ph.attrs["obfuscated"] is False


def test_phone_attrs_mark_foreign_and_confidence():
    [fr] = [e for e in extract_ad({"body": "+33 1 99 00 12 34", "country": "ES"}) if e.kind == "phone"]
    assert fr.attrs["foreign"] is True and fr.attrs["confidence"] == "valid"
    [uk] = [e for e in extract_ad({"body": "07700 900123", "country": "GB"}) if e.kind == "phone"]
    assert uk.attrs["foreign"] is False and uk.attrs["confidence"] == "possible"


@pytest.mark.parametrize(
    ("text", "country", "value", "region"),
    [
        ("020 7946 0123", "IE", "+442079460123", "GB"),  # a London number in an Irish ad
        ("01 99 00 12 34", "BE", "+33199001234", "FR"),  # a Paris number in a Belgian or Swiss ad
        ("01.99.00.12.34", "CH", "+33199001234", "FR"),
        ("01 99 00 12 34", "LU", "+33199001234", "FR"),  # Luxembourg dials without a trunk prefix
        ("0491 570 006", "NZ", "+61491570006", "AU"),
    ],
)
def test_national_number_valid_only_next_door_is_the_neighbours(text, country, value, region):
    [ph] = [e for e in extract_ad({"body": text, "country": country}) if e.kind == "phone"]
    assert (ph.value, ph.attrs["region"], ph.attrs["foreign"], ph.attrs["confidence"]) == (value, region, True, "valid")


@pytest.mark.parametrize(
    ("text", "country", "value"),
    [
        ("07700 900123", "IE", "+3537700900123"),  # possible at home and nowhere valid: stays at home
        # a home mobile number with a digit missing is no landline next door
        ("Neu in Köln! Tel. 0151 2345678", "DE", "+491512345678"),
        ("Tel 06 1234567", "NL", "+3161234567"),
        ("0 6 - 3 9 - 9 8 - 1 2 - 3 4", "FR", "+33639981234"),  # a valid piece next door does not cut a run
        ("06 39 98 12 34", "FR", "+33639981234"),  # Monaco dials without a trunk prefix: never its number
    ],
)
def test_number_stays_at_home_unless_a_neighbour_says_more(text, country, value):
    assert [e.value for e in extract_ad({"body": text, "country": country}) if e.kind == "phone"] == [value]


@pytest.mark.parametrize(
    ("text", "emails"),
    [
        ("mail Anna.B@Example.com.", ["anna.b@example.com"]),
        ("a@b.co and x.y+z@mail.example.org", ["a@b.co", "x.y+z@mail.example.org"]),
        ("3233@no.s", []),
        ("@@@@", []),
        ("user@localhost", []),
        ("..@example.com", []),
    ],
)
def test_emails(text, emails):
    assert [v for _, _, v in scan_emails(text)] == emails


def test_every_field_is_read_and_offsets_are_per_field():
    ad = {"title": "Mia 020 7946 0001", "body": "see https://www.site.example/ad/1", "phone": "020 7946 0002",
          "email": "mia@example.com", "url": "https://site.example/ad/1", "country": "GB"}
    ents = extract_ad(ad)
    by_field = {(e.field, e.kind) for e in ents}
    assert {("title", "phone"), ("body", "url"), ("phone", "phone"), ("email", "email"), ("url", "url")} <= by_field
    for e in ents:
        assert ad[e.field][e.start:e.end] == e.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["GB", "FR", "US", None]))
def test_extraction_never_raises_and_offsets_point_at_text(text, country):
    for e in extract_ad({"body": text, "country": country}):
        assert text[e.start:e.end] == e.text
        if e.kind == "language":
            assert (e.start, e.end, e.text) == (0, 0, "")  # a whole-field fact ("AChbuick ablk wAAAAAAc" is "en")
            continue
        assert 0 <= e.start < e.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",), blacklist_characters="@+"), max_size=80),
       st.text(alphabet=st.characters(blacklist_categories=("Nd",), blacklist_characters="@+"), max_size=80))
def test_phone_found_whatever_the_surrounding_text(before, after):
    # A word either side: a number word touching the digits is read as part of the number, by design.
    text = f"{before} call 020 7946 0123 now {after}"
    values = [e.value for e in extract_ad({"body": text, "country": "GB"}) if e.kind == "phone"]
    assert values == ["+442079460123"]


@pytest.mark.timeout(60)
def test_hostile_inputs_finish():
    for text in ("@" * 200_000, "a@" * 100_000, "a" * 100_000 + "@" + "b." * 50_000, "www." * 50_000,
                 "1-" * 100_000):
        extract_ad({"body": text, "country": "GB"})


@pytest.mark.parametrize("text", ["Ref 19998", "Ref 1234", "only 150 GBP", "call 555 0142"])
def test_short_local_numbers_are_not_phones(text):
    assert [e for e in extract_ad({"body": text, "country": "GB"}) if e.kind == "phone"] == []


@pytest.mark.parametrize(("text", "country", "phone", "written"), [
    ("Call me\n202\n555\n0147", "US", "+12025550147", "202\n555\n0147"),
    ("Text 202💋555💋0147", "US", "+12025550147", "202💋555💋0147"),
    ("Call 202 ❤️ 555 ❤️ 0147 anytime", "US", "+12025550147", "202 ❤️ 555 ❤️ 0147"),
    ("#202 #555 #0147", "US", "+12025550147", "202 #555 #0147"),
    ("Tel.\n020\n7946\n0123", "GB", "+442079460123", "020\n7946\n0123"),
    ("0💋2💋0💋7💋9💋4💋6💋0💋1💋2💋3", "GB", "+442079460123", "0💋2💋0💋7💋9💋4💋6💋0💋1💋2💋3"),
    ("appelle-moi 01 99 00\n12 34", "FR", "+33199001234", "01 99 00\n12 34"),
    ("+44\n20 7946\n0123", "FR", "+442079460123", "+44\n20 7946\n0123"),
    ("Age 25\n202\n555\n0147", "US", "+12025550147", "202\n555\n0147"),  # the age is not joined
    # a separator spelled out between the groups (`separator_words` in attributes/phone_marks.yaml)
    ("212 dot 555 dot 0109\nMidtown West spa", "US", "+12125550109", "212 dot 555 dot 0109"),
    ("612 punto 345 punto 677", "ES", "+34612345677", "612 punto 345 punto 677"),
])
def test_digit_groups_split_by_line_breaks_or_emoji_are_one_phone(text, country, phone, written):
    phones = [e for e in extract_ad({"body": text, "country": country}) if e.kind == "phone"]
    assert [(e.value, e.text, e.attrs["obfuscated"]) for e in phones] == [(phone, written, True)]


@pytest.mark.parametrize(
    ("text", "country", "phones"),
    [
        # a number sent in pieces over the messages of a chat's export
        ("12/03/2026 à 23:10 - Lina: mon nouveau numéro\n12/03/2026 à 23:10 - Lina: 01 99\n"
         "12/03/2026 à 23:10 - Lina: 00 81 62", "FR", ["+33199008162"]),
        ("[12/3/26, 23:10:01] Lorena: número nuevo\n[12/3/26, 23:10:05] Lorena: 612 34\n"
         "[12/3/26, 23:10:09] Lorena: 56 26", "ES", ["+34612345626"]),
        ("12.03.26, 23.10 - Lina: 01 99\n12.03.26, 23.10 - Lina: 00 81 62", "FR", ["+33199008162"]),
        # ... a sender's number is read once per line, a number within a message once
        ("3/9/26, 6:05 PM - +1 (312) 555-0118: hi\n3/9/26, 6:07 PM - Me: rates?\n"
         "3/9/26, 6:09 PM - +1 (312) 555-0118: text 212-555-0147", "US",
         ["+13125550118", "+13125550118", "+12125550147"]),
        # ... and two prices in two messages are no number
        ("[12/03/2026, 22:01] Mia: 150 half hour\n[12/03/2026, 22:02] Mia: 250 hour", "GB", []),
    ],
)
def test_a_number_sent_in_pieces_over_chat_messages(text: str, country: str, phones: list[str]) -> None:
    got = [e.value for e in extract_ad({"id": "x", "body": text, "country": country}) if e.kind == "phone"]
    assert got == phones


@pytest.mark.timeout(60)
def test_a_megabyte_chat_export_is_linear() -> None:
    text = "12/03/2026, 23:10 - A: 1 2\n" * 40_000
    extract_ad({"id": "x", "body": text, "country": "FR"})


@pytest.mark.parametrize("text", ["size 8 dot 5 dot 3", "rooms 12 dot 14 dot 16", "Call 212 dot 555"])
def test_spelled_separators_join_only_a_valid_number(text):
    assert [e for e in extract_ad({"body": text, "country": "US"}) if e.kind == "phone"] == []


@pytest.mark.timeout(120)
@pytest.mark.parametrize("unit", ["7\n", "202💋", "0\n2\n0\n7\n9\n4\n6\n0\n1\n2\n3\n4\n5\n6\nx ", "212 dot "])
def test_megabyte_of_split_groups_is_linear(unit):
    from unveil.extract.phones import PhoneExtractor

    text = unit * (1_000_000 // len(unit))
    t0 = time.process_time()
    list(PhoneExtractor().extract(text, "body", AdContext(country="GB")))
    assert time.process_time() - t0 < 60  # linear: seconds per megabyte; a quadratic scan takes hours


@pytest.mark.timeout(120)
@pytest.mark.parametrize("unit", ["48.8566, ", "01.12., ", "1/12 ", "150 200 350 | 020 ", "Company No. 01234567 · ",
                                  "34C-24-36 ", "01 02 03 ", "56 789 012 · "])
def test_megabyte_of_figures_is_linear(unit):
    """Coordinates, days of a month, rows of rates before a cut number, identifiers before a list's mark
    (a quarter of a megabyte each: a quadratic scan would already take hours)."""
    from unveil.extract.phones import PhoneExtractor

    text = unit * (250_000 // len(unit))
    t0 = time.process_time()
    list(PhoneExtractor().extract(text, "body", AdContext(country="FR")))
    assert time.process_time() - t0 < 30


def test_min_plausible_digits_matches_phone_metadata() -> None:
    """No plausible number has fewer digits (country code included) than the phone extractor's skip bound."""
    import phonenumbers
    from phonenumbers import PhoneMetadata

    from unveil.extract.phones import MIN_PLAUSIBLE_DIGITS

    descs = ("general_desc", "fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
             "personal_number", "voip", "pager", "uan", "voicemail")
    metas = [PhoneMetadata.metadata_for_region(r) for r in phonenumbers.SUPPORTED_REGIONS]
    metas += [PhoneMetadata.metadata_for_nongeo_region(cc) for cc in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS]
    fewest = min(
        len(str(md.country_code)) + length
        for md in metas
        if md is not None
        for d in descs
        if getattr(md, d, None) is not None
        for length in (getattr(md, d).possible_length or ())
        if length > 0
    )
    assert fewest >= MIN_PLAUSIBLE_DIGITS


class _TwoFieldExtractor:
    """A user extractor that reports a repeat of one entity and, from the body, one on the title."""

    name = "two_fields"
    kinds = ("marker",)

    def extract(self, text, field, ctx):
        from unveil.types import Entity

        if "zz" in text:
            yield Entity("marker", "zz", field, text.index("zz"), text.index("zz") + 2, "zz")
            yield Entity("marker", "zz", field, text.index("zz"), text.index("zz") + 2, "zz")  # a repeat
        if field == "body":
            yield Entity("marker", "from-body", "title", 0, 1, "x")


def test_batch_entities_are_deduplicated_and_ordered_by_field_then_offset():
    from unveil.extract import extract_batch
    from unveil.extract.base import default_extractors

    extractors = (*default_extractors(), _TwoFieldExtractor())
    ads = [
        {"title": "zz Anna", "body": "zz call 020 7946 0123", "country": "GB"},
        {"title": "zz Anna", "url": "https://example.com/zz"},  # no body: every entity on its own field
    ]
    first, second = extract_batch(ads, extractors)
    keys = [(e.field, e.start, e.end, e.kind, e.value) for e in first]
    assert len(keys) == len(set(keys))  # the repeat is gone
    order = {"title": 0, "body": 1, "url": 2, "phone": 3, "email": 4}
    assert keys == sorted(keys, key=lambda k: (order[k[0]], *k[1:]))
    # The body's entity that points at the title is merged into the title's place.
    assert [e.value for e in first if e.field == "title" and e.kind == "marker"] == ["from-body", "zz"]
    assert [e.field for e in second if e.kind == "marker"] == ["title", "url"]
    assert extract_batch(ads[:1], extractors)[0] == first


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("unit", "phones"), [
    ("DE89 3704 0044 0532 0130 00 ", 0),  # every run is checked against every account span: must not be n^2
    ("https://x.example/a-212-555-0147/ ", 1),  # and against every web address
    ("0x52908400098527886E0F7030069857D2E4169EE7 ", 0),
])
def test_phones_on_a_megabyte_of_accounts_and_addresses(unit: str, phones: int) -> None:
    from unveil.extract.phones import PhoneExtractor

    text = unit * (1_000_000 // len(unit))
    found = list(PhoneExtractor().extract(text, "body", AdContext(country="US")))
    assert len(found) == phones * (1_000_000 // len(unit))
    assert all(text[e.start:e.end] == e.text for e in found)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("unit", ["1\u200b", "1\u00ad", "1\u2060"])
def test_phones_on_a_megabyte_of_digits_split_by_invisible_characters(unit: str) -> None:
    # Folding drops the invisible characters: one long digit run with a possible cut between every two
    # digits, which a list scan per cut made quadratic.
    from unveil.extract.phones import PhoneExtractor

    text = unit * 500_000
    found = list(PhoneExtractor().extract(text, "body", AdContext(country="US")))
    assert all(text[e.start:e.end] == e.text for e in found)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("unit", ["snap: anna_b a@b.com ", "venmo: anna-b a@b.com "])
def test_handles_on_a_megabyte_of_handles_next_to_emails(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    ents = extract_ad({"body": text, "country": "US", "lang": "en"})
    assert {e.kind for e in ents} >= {"email"}
    assert all(text[e.start:e.end] == e.text for e in ents)


@pytest.mark.parametrize("bad", [float("nan"), 44, ["GB"], {"c": "GB"}, b"GB"])
def test_a_country_or_language_that_is_not_a_string_is_unknown(bad) -> None:
    text = "Anna, 24 ans, 150€ l'heure, appelle +44 20 7946 0123 ou anna at example dot com"
    got = extract_ad({"body": text, "country": bad, "lang": bad})
    assert got == extract_ad({"body": text})
    assert "+442079460123" in {e.value for e in got if e.kind == "phone"}


def test_phone_marks_refuse_a_word_yaml_read_as_a_boolean() -> None:
    from unveil.extract.phones import _only_strings

    with pytest.raises(ValueError, match="quote it"):
        _only_strings({"number_words": ["number", False]}, "phone_marks.yaml")
    _only_strings({"number_words": ["number", "no"], "words": {"RO": ["romanian"]}}, "phone_marks.yaml")


@pytest.mark.parametrize(
    ("text", "country", "lang", "value"),
    [
        ("Zavolej: šest nula jedna jedna dva tři čtyři devět pět", "CZ", "cs", "+420601123495"),
        ("Číslo: nula deväť jedna dva jedna dva tri štyri štyri sedem", "SK", "sk", "+421912123447"),
        ("Számom: nulla hat húsz egy kettő három négy öt nyolc kilenc", "HU", "hu", "+36201234589"),
        ("Numret: noll sju noll ett två tre fyra fem åtta nio", "SE", "sv", "+46701234589"),
        ("Mit nummer: tre fire fire en to tre fire syv", "DK", "da", "+4534412347"),
        ("Numero: nolla neljä yksi kaksi kolme neljä viisi kuusi kahdeksan yhdeksän", "FI", "fi", "+358412345689"),
        ("Τηλέφωνο: έξι εννιά ένα δύο τρία τέσσερα πέντε έξι οκτώ εννιά", "GR", "el", "+306912345689"),
        ("Numurs: divi viens divi trīs četri pieci astoņi deviņi", "LV", "lv", "+37121234589"),
    ],
)
def test_numbers_spelled_in_the_other_languages_of_europe(text: str, country: str, lang: str, value: str) -> None:
    found = [e for e in extract_ad({"body": text, "country": country, "lang": lang}) if e.kind == "phone"]
    assert [e.value for e in found] == [value]
    assert found[0].attrs["obfuscated"] is True


@pytest.mark.parametrize("text", ["I have a hat and a fire, sex appeal, to the top en route",
                                  "Call me at six to ten, two or three"])
def test_number_words_of_other_languages_in_english_prose_are_no_phone(text: str) -> None:
    assert [e for e in extract_ad({"body": text, "country": "GB"}) if e.kind == "phone"] == []


@pytest.mark.parametrize(
    ("text", "emails"),
    [
        ("Bookings: lola.ldn©outlook.com\nMayfair incall", ["lola.ldn@outlook.com"]),  # "@" read as "©" by OCR
        ("Contact : chloe.paris®proton.me", ["chloe.paris@proton.me"]),
        ("© 2026 Site Ltd. Brand©2026.com", []),
    ],
)
def test_an_at_sign_misread_from_an_image(text: str, emails: list[str]) -> None:
    found = [e for e in extract_ad({"body": text, "country": "GB"}) if e.kind == "email"]
    assert [e.value for e in found] == emails
    assert all(e.attrs["obfuscated"] and "@" not in e.text for e in found)


@pytest.mark.parametrize(
    ("text", "country", "phones"),
    [
        # weekday abbreviations before dates are words, not "S" (5) and "un" (1)
        ("Available 6pm-2am, Fri 12/12 - Sun 14/12.\nHotel room 1215, 12th floor", "GB", []),
        ("lun 12/12 - mar 13/12 à Lyon", "FR", []),
        # dates with a two-digit year
        ("Available 12/03/26 – 12/06/26, 11am to 11pm.\nOrlando", "US", []),
        ("Termine 03.12.26 – 05.12.26, 10 bis 22 Uhr", "DE", []),
        # a year then a figure in thousands before a unit; a postcode then an area before a unit
        ("Ford Focus 2016, 98.000 km, APK tot 04-2026\nBellen 06 12345605", "NL", ["+31612345605"]),
        ("Arrendo T1 em Coimbra, 3000-150\n40 m², 2.º andar", "PT", []),
        # an object's, an ad's and a booking's number
        ("Anfragen über das Portal (Objekt-Nr. 2025-04-118)", "DE", []),
        ("Cod anunț 0744112233 (sub poze)\nSună la 0712 034 502", "RO", ["+40712034502"]),
        ("Check-in 15:00, booking no. 4471 2208 19.", "DE", []),
        # numbers grouped in twos are still numbers; a booking label without a number word is a phone's
        ("Tel 06.12.34.56.78", "FR", ["+33612345678"]),
        ("Booking 07700 900123", "GB", ["+447700900123"]),
        # a range of amounts before a currency (job ads: wages)
        ("Zarobki 1500-2200 EUR netto + premia. Dzwoń: 512 345 611", "PL", ["+48512345611"]),
        ("Magas kereset: havi 6000-9000 CHF.", "HU", []),
        ("Зарплата 2500-4000 евро нетто. Звоните: 5123 4533", "EE", ["+37251234533"]),
        # a code in capitals joined by a dash: offers, tickets, a chat's picture file
        ("Cod ofertă DE-2025-0473. Salariu 1900€ net. Tel. 0712 034 519", "RO", ["+40712034519"]),
        ("Ticketnummer: DE-2026-031245", "DE", []),
        ("Stellenangebot Nr. 2025-0815-HH", "DE", []),
        ("[13/03/26, 12:00:30] Vale: IMG-20260313-WA0012.jpg (file allegato)", "IT", []),
        # a card number holds no phone, even where its first groups would read as one
        ("caparra 30 euro su PostePay n. 4023 6009 1234 5678 intestata a me", "IT", []),
        # ... and a number written after a country code in capitals is still a phone
        ("Tel RO: 0712 034 527", "DE", ["+40712034527"]),
    ],
)
def test_dates_weekdays_figures_and_references_are_no_phones(text: str, country: str, phones: list[str]) -> None:
    got = [e.value for e in extract_ad({"id": "x", "body": text, "country": country}) if e.kind == "phone"]
    assert got == phones
