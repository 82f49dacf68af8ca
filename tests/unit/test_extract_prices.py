"""Prices and rates: currencies, durations, pairing, the ad's country as default currency, hard negatives."""

from __future__ import annotations

import pytest

from unveil.extract.base import AdContext
from unveil.extract.prices import PriceExtractor, find_prices

PRICES = PriceExtractor()


def prices(text: str, country: str | None = None) -> list[str]:
    return [e.value for e in PRICES.extract(text, "body", AdContext(country=country))]


CASES = [
    # (text, ad country, expected values)
    ("150 GBP/hour", "GB", ["150 GBP/60min"]),
    ("$160 half $260 hr", "US", ["160 USD/30min", "260 USD/60min"]),  # US "half" after an amount
    ("150 roses half", "US", ["150 ROSES/30min"]),
    ("Relaxing massage, Half 60 | Hour 100", "US", ["60 USD/30min", "100 USD/60min"]),  # "Half" before it
    ("$80/half $140/hr", "CA", ["80 CAD/30min", "140 CAD/60min"]),
    ("half price today: 100", "GB", []),
    ("$150 la media", "US", ["150 USD/30min"]),
    # a table's row: its duration is every cell's (incall, outcall)
    ("Duration | Incall | Outcall\nHalf hour | 140$ | 190$\n1 hour | 210$ | 230$", "US",
     ["140 USD/30min", "190 USD/30min", "210 USD/60min", "230 USD/60min"]),
    ("Rates: 1hr 180 USD · Overnight stay 1100 USD", "US", ["180 USD/60min", "1100 USD/night"]),
    # the same rate in another currency shares its duration; one currency is no second rate
    ("½ hr: 150 USD / CAD 200\n1 hr: 230 USD / CAD 310", "US",
     ["150 USD/30min", "200 CAD/30min", "230 USD/60min", "310 CAD/60min"]),
    ("Halbe Stunde: 100 Euro / 100 CHF", "DE", ["100 EUR/30min", "100 CHF/30min"]),
    # a table whose header names the currency: its cells are amounts in it
    ("RATES\nDuration | Incall (£) | Outcall (£)\n½ hr | 100 | —\n1 hour | 150 | 170\nOvernight | 900 | 1000", "GB",
     ["100 GBP/30min", "150 GBP/60min", "170 GBP/60min", "900 GBP/night", "1000 GBP/night"]),
    ("Czas | U mnie (zł) | Wyjazd (zł)\n0,5h | 290 | 340\nCała noc | 2700 | 2800", "PL",
     ["290 PLN/30min", "340 PLN/30min", "2700 PLN/night", "2800 PLN/night"]),
    # ... or, naming none, whose first cell says its rows are lengths: the ad's currency
    ("Duration | Incall | Outcall\nHalf hour | 110 | —\n1 hour | 180 | 210", "US",
     ["110 USD/30min", "180 USD/60min", "210 USD/60min"]),
    ("1h 150€ / 250€", "FR", ["150 EUR/60min", "250 EUR"]),
    # ... but under a header of two columns split by "/", each row's length is both cells'
    ("Incall / Outcall\n30 min: £120 / £150\n1 hour: £180 / £220", "GB",
     ["120 GBP/30min", "150 GBP/30min", "180 GBP/60min", "220 GBP/60min"]),
    ("Reçoit / Se déplace\n1h : 150€ / 200€", "FR", ["150 EUR/60min", "200 EUR/60min"]),
    # the same rate in another currency, in brackets
    ("Belfast: £200 per hour (€230)", "GB", ["200 GBP/60min", "230 EUR/60min"]),
    # the same rate converted, "about" or "or" in brackets or after a slash
    ("1h £120 (ok. 600 zł)", "GB", ["120 GBP/60min", "600 PLN/60min"]),
    ("1 година – 150 € (≈ 6500 грн)", "DE", ["150 EUR/60min", "6500 UAH/60min"]),
    ("$250 la hora (o 4,500 pesos mexicanos)", "US", ["250 USD/60min", "4500 MXN/60min"]),
    ("1h: $200 CAD (or US$150)", "CA", ["200 CAD/60min", "150 USD/60min"]),
    ("1h 150 euro / ok. 650 zł", "NL", ["150 EUR/60min", "650 PLN/60min"]),
    # a rate mark is no length for the next amount across a bar
    ("Sydney CBD | $400/hr | $700 2hrs", "AU", ["400 AUD/60min", "700 AUD/120min"]),
    # a length alone on the line above the amount, an arrow or a slash between
    ("RATES\n\n30 min\n$180\n\n1 hour\n$280\n\nOvernight\n$1,800", "US",
     ["180 USD/30min", "280 USD/60min", "1800 USD/night"]),
    ("Preise:\n1 Stunde\n200 Euro\nganze Nacht\n1.000 Euro", "DE", ["200 EUR/60min", "1000 EUR/night"]),
    ("TARIFE\n30 min → 200 lei\n60 min → 350 lei", "RO", ["200 RON/30min", "350 RON/60min"]),
    ("Seattle: 1hr/$350 · 2hr/$650", "US", ["350 USD/60min", "650 USD/120min"]),
    # hours in brackets between a length and its amount
    ("Leeds: overnight (10pm-10am) £1000", "GB", ["1000 GBP/night"]),
    # a header row of lengths heads the columns of the rows under it
    ("Preisliste:\n30 Min. | 60 Min. | Nacht\n120 €   | 200 €   | 1.000 €", "DE",
     ["120 EUR/30min", "200 EUR/60min", "1000 EUR/night"]),
    ("30min | 1hr | 2hr\n£130 | £200 | £380", "GB", ["130 GBP/30min", "200 GBP/60min", "380 GBP/120min"]),
    # a list of lengths joined by "/", then as many amounts: paired in order
    ("30 min/1h/2h = 120/180/330 €", "FR", ["120 EUR/30min", "180 EUR/60min", "330 EUR/120min"]),
    ("30/60 min: 100/150 EUR", "DE", ["100 EUR/30min", "150 EUR/60min"]),
    ("1h / 2h : 150 / 250 €", "FR", ["150 EUR/60min", "250 EUR/120min"]),
    ("30/60/90 min = $150/$250/$350", "US", ["150 USD/30min", "250 USD/60min", "350 USD/90min"]),
    # lists that do not pair: amounts that shrink, one amount too many
    ("1h/2h: 150/100 €", "FR", ["150 EUR/120min", "100 EUR"]),
    ("1h/2h: 150/250/300 €", "FR", ["300 EUR"]),
    # the whole hour after the half, "l heure" without its apostrophe
    ("100 die halbe Stunde, 160 die ganze Stunde", "DE", ["100 EUR/30min", "160 EUR/60min"]),
    ("100 la demi heure, 160 l heure", "FR", ["100 EUR/30min", "160 EUR/60min"]),
    # a length after a short word on the line above; hours spelled with their accents
    ("Tarifas\nMedia hora:\n80€\nUna hora:\n130€", "ES", ["80 EUR/30min", "130 EUR/60min"]),
    ("Craiova: două ore 600 lei", "RO", ["600 RON/120min"]),
    # thousands written "k" on a bare amount with a length; a currency word heading the card
    ("1.5k overnight, 400 an hour", "US", ["1500 USD/night", "400 USD/60min"]),
    ("2k overnight, dinner date included", "US", ["2000 USD/night"]),
    ("🌹 Roses 🌹\nHalf hour - 200\nHour - 300", "US", ["200 ROSES/30min", "300 ROSES/60min"]),
    ("Roses: 1hr 250, 30min 180", "US", ["250 ROSES/60min", "180 ROSES/30min"]),
    ("Tarife: 1h 410 RON · Noaptea întreagă 2500 RON", "RO", ["410 RON/60min", "2500 RON/night"]),
    ("Tarifs : 1/2 h 110 € · 1h 170 € · Nuit complète 1 000 €", "FR",
     ["110 EUR/30min", "170 EUR/60min", "1000 EUR/night"]),
    ("Tarifas: 1h 150 euros · Noche entera 900 euros", "ES", ["150 EUR/60min", "900 EUR/night"]),
    # "the hour costs": a verb between the length and its amount; Hungarian "egy óra" after it
    ("Die Stunde kostet 160€.", "DE", ["160 EUR/60min"]),
    ("Een uur kost 150 euro.", "BE", ["150 EUR/60min"]),
    ("Relaxáló masszázs 20000 Ft egy óra.", "HU", ["20000 HUF/60min"]),
    # minutes and hours spelled with a hyphen; what the length is for between it and the amount
    ("One hour €70, ninety minutes €100", "IE", ["70 EUR/60min", "100 EUR/90min"]),
    ("Two-hour minimum: $900", "US", ["900 USD/120min"]),
    ("1 Std. 200€, 3 Std. Dinner-Date 550€", "DE", ["200 EUR/60min", "550 EUR/180min"]),
    ("Tarifs : 1h 250 €, 3h dîner 700 €", "FR", ["250 EUR/60min", "700 EUR/180min"]),
    ("Tarifas: 1h 150€, 3h cena 400€", "ES", ["150 EUR/60min", "400 EUR/180min"]),
    ("3 uur diner 600 euro", "NL", ["600 EUR/180min"]),
    ("3h kolacja 1500 zł", "PL", ["1500 PLN/180min"]),
    ("1 Std. einzeln 180 €, 1 Std. Duo 350 €", "DE", ["180 EUR/60min", "350 EUR/60min"]),
    # Portuguese "meia" after an amount; US "hhr" before one
    ("R$ 150 meia / R$ 250 hora", "BR", ["150 BRL/30min", "250 BRL/60min"]),
    ("hhr 150 hr 250", "US", ["150 USD/30min", "250 USD/60min"]),
    # a night's rate that looks like a year, but not a year after a site's name
    ("One hour 400 / Two hours 700 / Overnight 2000", "US", ["400 USD/60min", "700 USD/120min", "2000 USD/night"]),
    ("© Anunturi Noaptea 2025", "RO", []),
    # hryvnias with a space before the thousands; the same rate in another currency after "oppure"
    ("Ніч 12 000 грн", "UA", ["12000 UAH/night"]),
    ("1 ora 250€ oppure 280 CHF", "IT", ["250 EUR/60min", "280 CHF/60min"]),
    # a length in brackets with its dot; ".-" writes a whole amount in the country's currency
    ("Abend (4 Std.) 800 €", "AT", ["800 EUR/240min"]),
    ("250.- die Stunde\n450.- zwei Stunden", "CH", ["250 CHF/60min", "450 CHF/120min"]),
    ("$180 hr | $1200 all nite", "US", ["180 USD/60min", "1200 USD/night"]),
    # minutes without their unit after a priced amount ("for 30", "(30)", "/60")
    ("$150 for 30 / $240 for 60", "CA", ["150 CAD/30min", "240 CAD/60min"]),
    ("€150/60", "DE", ["150 EUR/60min"]),
    ("Rates: 200 (30)", "US", ["200 USD/30min"]),
    # a labelled list goes on after its first amount; its lengths may stand in brackets
    ("Rates: 200 (30) / 300 (60)", "US", ["200 USD/30min", "300 USD/60min"]),
    ("Rates: 300 (1h), 550 (2h), 1500 (overnight)", "US", ["300 USD/60min", "550 USD/120min", "1500 USD/night"]),
    ("Rates 150 | 250 | 400", "GB", ["150 GBP", "250 GBP", "400 GBP"]),
    ("£150 1hr, 180, 200", "GB", ["150 GBP/60min"]),  # no label: figures after a price are no list
    ("Rates: 150/h, 5'6, 120 lbs", "US", ["150 USD/60min"]),
    ("£150 1hr", "GB", ["150 GBP/60min"]),
    ("£150 per hour", None, ["150 GBP/60min"]),
    ("£140/h", "GB", ["140 GBP/60min"]),
    ("150ph", "GB", ["150 GBP/60min"]),
    ("150 p/h", "GB", ["150 GBP/60min"]),
    ("100€ 30 min", "FR", ["100 EUR/30min"]),
    ("100 euros la demi-heure", "FR", ["100 EUR/30min"]),
    ("150 euros l'heure", "FR", ["150 EUR/60min"]),
    ("$200 1h", "US", ["200 USD/60min"]),
    ("$200 1h", "CA", ["200 CAD/60min"]),
    ("200 dollars an hour", "US", ["200 USD/60min"]),
    ("200 roses", "US", ["200 ROSES"]),
    ("300 roses for the hour", "US", ["300 ROSES/60min"]),
    ("🌹 150 an hour", "US", ["150 ROSES/60min"]),
    ("Donations:\n160 hhr\n260 hr", "US", ["160 USD/30min", "260 USD/60min"]),  # "hhr" after the amount
    ("200 roses/hr, 130 roses hhr", "US", ["200 ROSES/60min", "130 ROSES/30min"]),
    ("$150.00 half hour\n$240.00 hour", "US", ["150 USD/30min", "240 USD/60min"]),  # cents before "hour"
    ("$150 dlls la hora\n$90 dlls media hora", "MX", ["150 USD/60min", "90 USD/30min"]),  # dollars in Mexico
    ("$2,500 M.N.", "MX", ["2500 MXN"]),
    ("půl hodiny 1.500 Kč\nhodinka 2 500 Kč", "CZ", ["1500 CZK/30min", "2500 CZK/60min"]),  # "hodinka"
    ("Ολονύχτιο 500€\nΏρα 120€", "GR", ["500 EUR/night", "120 EUR/60min"]),
    ("100€ η ώρα, 60€ το μισάωρο", "GR", ["100 EUR/60min", "60 EUR/30min"]),
    ("naktis 500 €", "LT", ["500 EUR/night"]),
    ("150/h", "GB", ["150 GBP/60min"]),
    # "e" for euros only before a rate mark: "Paris 20e" is an ordinal
    ("150e/h, 90e/30min, 80 e/hh", "FR", ["150 EUR/60min", "90 EUR/30min", "80 EUR/30min"]),
    ("Paris 20e, 150e la demi-heure", "FR", []),
    ("250 fr la demi-heure", "CH", ["250 CHF/30min"]),
    ("100 balles", "FR", ["100 EUR"]),
    ("100 balles", "CH", ["100 CHF"]),
    # a glued "hr" makes a large number a rate; a glued "h" and small numbers stay hours
    ("150hh 200hr", "US", ["150 USD/30min", "200 USD/60min"]),
    # currencies, lengths and nights in the other languages of Europe
    ("Ceník: 1 hodina 2000 Kč, 2 hodiny 3500 Kč, celá noc 8000 Kč", "CZ",
     ["2000 CZK/60min", "3500 CZK/120min", "8000 CZK/night"]),
    ("2 500 Kč/hod.", "CZ", ["2500 CZK/60min"]),
    ("1 hod 25 000 Kč", "CZ", ["25000 CZK/60min"]),  # the thousands, not 1 hour 25 minutes
    ("1500 Kč za hodinu", "CZ", ["1500 CZK/60min"]),
    ("1 óra 25 000 Ft, fél óra 15 000 Ft. Egész éjszaka 150 000 Ft", "HU",
     ["25000 HUF/60min", "15000 HUF/30min", "150000 HUF/night"]),
    ("Masszázs 60 perc 20.000 Ft", "HU", ["20000 HUF/60min"]),
    ("Ολονυχτία 600€. 100€ η ώρα", "GR", ["600 EUR/night", "100 EUR/60min"]),
    ("Hela natten 12 000 kr. 2000 kr/tim, 1 timme 2500 kr", "SE",
     ["12000 SEK/night", "2000 SEK/60min", "2500 SEK/60min"]),
    ("2 timer 2800 kr. 2100 København Ø", "DK", ["2800 DKK/120min"]),  # a postcode after the sign's amount
    ("1h 700 kn, 2h 1200 kn", "HR", ["700 HRK/60min", "1200 HRK/120min"]),
    ("Cena 5.000 din/sat, 9.000 din/2 sata", "RS", ["5000 RSD/60min", "9000 RSD/120min"]),
    ("5 ft 6, $200 1hr", "US", ["200 USD/60min"]),  # feet outside Hungary
    # "time" is an hour only in Danish and Norwegian ads
    ("Priser: 1 time 1500 kr, ½ time 900 kr", "DK", ["1500 DKK/60min", "900 DKK/30min"]),
    ("1 time kr 2.000, 2500 kr/time", "NO", ["2000 NOK/60min", "2500 NOK/60min"]),
    ("$150 for the time, $200 1 time fee", "US", ["150 USD", "200 USD"]),
    ("150/h", None, ["150/60min"]),
    ("half hour 80", "GB", ["80 GBP/30min"]),
    ("1h 200€", "FR", ["200 EUR/60min"]),
    ("30min: 100, 1h: 180", "GB", ["100 GBP/30min", "180 GBP/60min"]),
    ("£150 1hr, £250 2hrs", "GB", ["150 GBP/60min", "250 GBP/120min"]),
    ("30min 100€ 1h 180€", "FR", ["100 EUR/30min", "180 EUR/60min"]),
    ("100€ 30 min 180€ 1h", "FR", ["100 EUR/30min", "180 EUR/60min"]),
    ("Mes tarifs : 30 min 100€ / 1h 170€", "FR", ["100 EUR/30min", "170 EUR/60min"]),
    ("100€/30min 180€/1h", "FR", ["100 EUR/30min", "180 EUR/60min"]),
    ("Hour: 150 / Half hour: 100", "GB", ["150 GBP/60min", "100 GBP/30min"]),
    ("$250/hr | $150/30min | $1000 overnight", "US", ["250 USD/60min", "150 USD/30min", "1000 USD/night"]),
    ("1h = 150€ ; 2h = 280€ ; nuit = 800€", "FR", ["150 EUR/60min", "280 EUR/120min", "800 EUR/night"]),
    ("1h30 250€", "FR", ["250 EUR/90min"]),
    ("1h 30 min 250€", "FR", ["250 EUR/90min"]),
    ("1/2h 80€", "FR", ["80 EUR/30min"]),
    ("60 min massage $80, 90 min $110", "US", ["80 USD/60min", "110 USD/90min"]),
    ("Rates: 150", "GB", ["150 GBP"]),
    ("Price from 120", "GB", ["120 GBP"]),
    ("€1.500 per night", "FR", ["1500 EUR/night"]),
    ("£99.50 30mins", "GB", ["99.5 GBP/30min"]),
    ("150 Euro pro Stunde", "DE", ["150 EUR/60min"]),
    ("30 Min. 110€ / 1 Std. 180€", "DE", ["110 EUR/30min", "180 EUR/60min"]),
    ("halbe Stunde 80 €", "DE", ["80 EUR/30min"]),
    ("150 euros la hora, media hora 80€", "ES", ["150 EUR/60min", "80 EUR/30min"]),
    ("1 hora 150 euros", "ES", ["150 EUR/60min"]),
    ("150 euro all'ora", "IT", ["150 EUR/60min"]),
    ("mezz'ora 80€", "IT", ["80 EUR/30min"]),
    ("150 euro per uur", "NL", ["150 EUR/60min"]),
    ("100 euro het half uur", "NL", ["100 EUR/30min"]),
    ("80€ meia hora", "PT", ["80 EUR/30min"]),
    ("100 euros por hora", "PT", ["100 EUR/60min"]),
    ("CHF 300 pro Stunde", "CH", ["300 CHF/60min"]),
    ("300 zł za godzinę", "PL", ["300 PLN/60min"]),
    ("500 lei ora", "RO", ["500 RON/60min"]),
    ("250 lei pe oră", "RO", ["250 RON/60min"]),  # Romanian "per hour" and "one hour"
    ("80€ le quart d'heure", "FR", ["80 EUR/15min"]),
    # an hour and a half, written out
    ("hora y media 200€", "ES", ["200 EUR/90min"]),
    ("1 hora 100€\n1 hora e meia 140€", "PT", ["100 EUR/60min", "140 EUR/90min"]),
    ("1h y media 140€", "ES", ["140 EUR/90min"]),
    ("o oră și jumătate 500 lei", "RO", ["500 RON/90min"]),
    ("Półtorej godziny 400 zł", "PL", ["400 PLN/90min"]),
    ("Anderhalf uur €220", "NL", ["220 EUR/90min"]),
    ("120 € uma hora e meia", "PT", ["120 EUR/90min"]),
    ("100 € die halbe Std.", "DE", ["100 EUR/30min"]),
    ("60 minut – 120 zł", "PL", ["120 PLN/60min"]),
    ("60 de minute 150 lei", "RO", ["150 RON/60min"]),
    ("O oră 300 lei", "RO", ["300 RON/60min"]),
    ("30 min — 80€", "PT", ["80 EUR/30min"]),
    ("noche completa 1.500€", "ES", ["1500 EUR/night"]),
    ("HH $150", "US", ["150 USD/30min"]),
    ("100 dólares la hora", "MX", ["100 USD/60min"]),
    # thousands after a space, with the currency after or before
    ("1 500 zł", "PL", ["1500 PLN"]),
    ("1 500 lei", "RO", ["1500 RON"]),
    ("Overnight £1 500", "GB", ["1500 GBP/night"]),
    ("Quart d'heure : 80 €", "FR", ["80 EUR/15min"]),
    ("Soirée (4h) 800€", "FR", ["800 EUR/240min"]),
    ("250 frs 1h", "CH", ["250 CHF/60min"]),
    ("CHF 1'200.– Nacht", "CH", ["1200 CHF/night"]),  # Swiss thousands
    ("$160 1/2hr $260 1hr", "US", ["160 USD/30min", "260 USD/60min"]),
    ("100 € 30'", "IT", ["100 EUR/30min"]),  # Italian minutes
    ("Prezzi: 15' 50, 30' 80", "IT", ["50 EUR/15min", "80 EUR/30min"]),
    # a figure before the first price does not decide how durations pair with amounts
    ("Marseille 13008\nTarifs : 30 min 120 € / 1h 200 €", "FR", ["120 EUR/30min", "200 EUR/60min"]),
    ("250 RON o oră, 1000 lei pe noapte", "RO", ["250 RON/60min", "1000 RON/night"]),
    ("1200 kr", "SE", ["1200 SEK"]),
    ("1200 kr", "NO", ["1200 NOK"]),
    ("1200 kr", "DK", ["1200 DKK"]),
    ("£150 07700 900123", "GB", ["150 GBP"]),
    ("150€ 01 99 00 12 34", "FR", ["150 EUR"]),  # the sign closes 150, it does not open "01"
    ("150 € 01 99 00 12 34", "FR", ["150 EUR"]),
    ("£100 £150", "GB", ["100 GBP", "150 GBP"]),
    ("19 €", "FR", ["19 EUR"]),
    ("$120 half hr, $200 per hr", "US", ["120 USD/30min", "200 USD/60min"]),
    ("200 zł pół godziny, 300 zł godzina", "PL", ["200 PLN/30min", "300 PLN/60min"]),
    ("200 lei jumătate de oră", "RO", ["200 RON/30min"]),
    # US shorthand: "hh" after an amount is half an hour; an hour unit after a number too large for hours
    # is the rate of that amount.
    ("$150 hh $250 hr", "US", ["150 USD/30min", "250 USD/60min"]),
    ("150 hh 250 hr", "US", ["150 USD/30min", "250 USD/60min"]),
    ("150hh", "US", ["150 USD/30min"]),
    ("$150/hh", "US", ["150 USD/30min"]),
    ("$80 hr", "US", ["80 USD/60min"]),
    ("$200 hour", "US", ["200 USD/60min"]),
    ("£100 half hour, £150 hour", "GB", ["100 GBP/30min", "150 GBP/60min"]),
    ("200 an hour", "US", ["200 USD/60min"]),  # "an" is no year here
    ("1500 overnight", "US", ["1500 USD/night"]),
    ("$150hh $250hr", "US", ["150 USD/30min", "250 USD/60min"]),
    ("150 half hour", "US", ["150 USD/30min"]),  # a duration without a number serves a bare amount
    # shorthand labels before the amount; QV ("quick visit") has no stated length
    ("HH 150 | H 250", "US", ["150 USD/30min", "250 USD/60min"]),
    ("HH: 150 / H: 250", "US", ["150 USD/30min", "250 USD/60min"]),
    ("QV 80 HH 120 H 200", "US", ["80 USD", "120 USD/30min", "200 USD/60min"]),
    ("$80 HH $120", "US", ["80 USD/30min", "120 USD"]),  # after an amount "HH" is its mark
    ("Preț: 500 lei noaptea", "RO", ["500 RON/night"]),
    ("Cena: 300 zł za noc", "PL", ["300 PLN/night"]),
    ("Nuit complète 1000€", "FR", ["1000 EUR/night"]),
    ("R$ 200 a hora", "BR", ["200 BRL/60min"]),
    ("200 reais a hora", "BR", ["200 BRL/60min"]),
    # hours spelled out
    ("Drie uur 400 euro", "NL", ["400 EUR/180min"]),
    ("Zwei Stunden 300 €", "DE", ["300 EUR/120min"]),
    ("300€ deux heures", "FR", ["300 EUR/120min"]),
    ("Dwie godziny 400 zł", "PL", ["400 PLN/120min"]),
    # A phone's groups are no amounts: a currency between the phone and a price is the price's
    ("07700 900 336 £150", "GB", ["150 GBP"]),
    ("Perth 0491 570 007 AUD 300 1hr", "AU", ["300 AUD/60min"]),
    ("Ava 21 416 555 0161 $200hr", "CA", ["200 CAD/60min"]),
    ("Leicester 🌹 07700 900 222 🌹 £120 half hour", "GB", ["120 GBP/30min"]),  # roses as decoration
    # A code after a sign-written amount, then its duration
    ("$250 CAD/h", "CA", ["250 CAD/60min"]),
    ("$300 NZD per hr, $550 NZD 2hrs", "NZ", ["300 NZD/60min", "550 NZD/120min"]),
    ("NZD 180 30min", "NZ", ["180 NZD/30min"]),
    # Thousands after a space (French), "k" for thousands
    ("Nuit complète: 1 500 $", "CA", ["1500 CAD/night"]),
    ("2 300€ nuit", "FR", ["2300 EUR/night"]),
    ("£1k overnight", "GB", ["1000 GBP/night"]),
    ("Tarifs 150 200 €", "FR", ["150 EUR", "200 EUR"]),
    # A rate right after a whole phone number
    ("07700 900 337 150 ph", "GB", ["150 GBP/60min"]),
    ("416-555-0163 250 hr", "CA", ["250 CAD/60min"]),
    # Swiss and German "no cents" marks, a German night word
    ("CHF 200.- pro Stunde, CHF 350.- für 2 Std", "CH", ["200 CHF/60min", "350 CHF/120min"]),
    ("200,- € die Stunde", "DE", ["200 EUR/60min"]),
    ("Übernachtung 900€", "DE", ["900 EUR/night"]),
    # Moldovan lei, night words in Portuguese and Italian, Dutch "'t halfuur"
    ("1000 lei ora", "MD", ["1000 MDL/60min"]),
    ("500 lei noaptea", "RO", ["500 RON/night"]),
    ("1500 MDL/ora", "MD", ["1500 MDL/60min"]),
    ("pernoite R$ 1.500", "BR", ["1500 BRL/night"]),
    ("Notte intera 1200 CHF", "CH", ["1200 CHF/night"]),
    ("100 euro 't halfuur", "NL", ["100 EUR/30min"]),
    ("Martigny. Fr. 200.– la demi-heure", "CH", ["200 CHF/30min"]),
    # Local shorthand: thousands after a dot are no minutes of "1 óra 25", Swedish ":-", Nordic ",-" after
    # thousands written with a space, a code before thousands with a space, Danish "pr. time"
    ("30 perc 15.000 Ft\n1 óra 25.000 Ft", "HU", ["15000 HUF/30min", "25000 HUF/60min"]),
    ("1 sat 10.000 din", "RS", ["10000 RSD/60min"]),
    ("2000:- /timme", "SE", ["2000 SEK/60min"]),
    ("1 time 2 500,-", "NO", ["2500 NOK/60min"]),
    ("Pris: SEK 1 800/tim", "SE", ["1800 SEK/60min"]),
    ("DKK 2000 pr. time", "DK", ["2000 DKK/60min"]),
    ("Time 2500 kr\nHele natten 15 000 kr", "NO", ["2500 NOK/60min", "15000 NOK/night"]),
    # Thousands as words and letters: Hungarian "e"/"ezer" before forints, Russian, Spanish
    ("1 óra 30e Ft, 2 óra 55e Ft", "HU", ["30000 HUF/60min", "55000 HUF/120min"]),
    ("1 óra 30 ezer Ft", "HU", ["30000 HUF/60min"]),
    ("5 тыс. руб/час", "RU", ["5000 RUB/60min"]),
    ("Час 7к, ночь 30к", "RU", ["7000 RUB/60min", "30000 RUB/night"]),
    ("2 mil la hora", "MX", ["2000 MXN/60min"]),
    ("25 000 форинтов час", "HU", ["25000 HUF/60min"]),
    # "e" for euros next to a length, euros and hours in more languages
    ("1h 150e", "FI", ["150 EUR/60min"]),
    ("100 € sat, 80e pola sata", "RS", ["100 EUR/60min", "80 EUR/30min"]),
    ("150 eura sat, 90 eura pola sata", "HR", ["150 EUR/60min", "90 EUR/30min"]),
    ("80 ευρώ μισή ώρα", "GR", ["80 EUR/30min"]),
    ("80 EUR stundā", "LV", ["80 EUR/60min"]),
    # A country's own night words, as written: Finnish "yö", Estonian "öö", "ON" in the US; "O/N"
    ("tunti 180 €\nyö 800 €", "FI", ["180 EUR/60min", "800 EUR/night"]),
    ("1 tund 100 €\nöö 500 €", "EE", ["100 EUR/60min", "500 EUR/night"]),
    ("QV 100, HH 150, H 250, ON 1200", "US", ["100 USD", "150 USD/30min", "250 USD/60min", "1200 USD/night"]),
    ("$380 2hr / $1500 ON", "US", ["380 USD/120min", "1500 USD/night"]),
    ("O/N 900", "GB", ["900 GBP/night"]),
    ("Anna 22 yo 800 €", "FI", ["800 EUR"]),  # "yo" is no Finnish "yö"
    # North American glued shorthand, "Full" next to "Half"
    ("150hh 250h", "US", ["150 USD/30min", "250 USD/60min"]),
    ("hh150 h250 2h450", "CA", ["150 CAD/30min", "250 CAD/60min", "450 CAD/120min"]),
    ("Half $220 / Full $380", "AU", ["220 AUD/30min", "380 AUD/60min"]),
    ("$160 half $260 full", "US", ["160 USD/30min", "260 USD/60min"]),
    ("3 horas de compañía $4,500", "MX", ["4500 MXN/180min"]),
    # Spelled hours of more languages; hour-rate words; night words; "or" between two currencies
    ("SEK 2 000 per timme, SEK 3 500 för två timmar", "SE", ["2000 SEK/60min", "3500 SEK/120min"]),
    ("Time 2 000,-, to timer 3 500,-", "NO", ["2000 NOK/60min", "3500 NOK/120min"]),
    ("Tunti 150 €, kaksi tuntia 280 €", "FI", ["150 EUR/60min", "280 EUR/120min"]),
    ("Stundensatz 300 €", "DE", ["300 EUR/60min"]),
    ("Óradíj: 20.000 Ft", "HU", ["20000 HUF/60min"]),
    ("Nat 8000 kr", "DK", ["8000 DKK/night"]),
    ("Όλη η νύχτα 600€", "GR", ["600 EUR/night"]),
    ("mitja hora 80€, nit 700€", "ES", ["80 EUR/30min", "700 EUR/night"]),
    ("1 óra 100 € vagy 40 000 Ft", "HU", ["100 EUR/60min", "40000 HUF/60min"]),
    ("Óra: 20e", "HU", ["20000 HUF/60min"]),
    ("1 óra 25 ezer, éjszaka 100 ezer", "HU", ["25000 HUF/60min", "100000 HUF/night"]),
    # Thousands after a space after a length; "euros" after thousands with a space
    ("Cennik (zł): 30 min 200, Noc 2 000", "PL", ["200 PLN/30min", "2000 PLN/night"]),
    ("Nuit 1 350 euros", "FR", ["1350 EUR/night"]),
    # Ranges share their length; incall/outcall pairs too; "+" after a starting rate
    ("Tarifs : 150-200 € de l'heure", "FR", ["150 EUR/60min", "200 EUR/60min"]),
    ("60 Min. 80-100 €", "DE", ["80 EUR/60min", "100 EUR/60min"]),
    ("€ 100-150 per hour", "IE", ["100 EUR/60min", "150 EUR/60min"]),
    ("in/out 280/350 per hour", "CA", ["280 CAD/60min", "350 CAD/60min"]),
    ("1hr in/out 200/250", "US", ["200 USD/60min", "250 USD/60min"]),
    ("Rates start at 300+ per hour", "US", ["300 USD/60min"]),
    # Lengths in brackets, after arrows with a variation selector; a length after a bare amount where the
    # rates before were written amount first
    ("1h (150€) · 2h (280€)", "ES", ["150 EUR/60min", "280 EUR/120min"]),
    ("⏰ 30 min ➡️ $200", "US", ["200 USD/30min"]),
    ("soirée dîner (3h) = 600e", "FR", ["600 EUR/180min"]),
    ("200 hh / 300 h / 550 2h / 1800 overnight", "US",
     ["200 USD/30min", "300 USD/60min", "550 USD/120min", "1800 USD/night"]),
]


@pytest.mark.parametrize(("text", "country", "expected"), CASES)
def test_prices(text: str, country: str | None, expected: list[str]) -> None:
    ents = list(PRICES.extract(text, "body", AdContext(country=country)))
    assert [e.value for e in ents] == expected
    for e in ents:
        assert text[e.start:e.end] == e.text


NEGATIVE = [
    ("Giulia 🌹 38 anni\nNuova a Firenze", "IT"),  # a rose decorating a name before an age
    ("Year | Views (k)\n2024 | 150", "GB"),
    ("2k followers on IG, 10k views", "US"),  # thousands with no length or currency
    ("Roses are red\nPhotos 2024", "US"),  # a currency word heading nothing priced
    ("Time | Place\n10 | 22", "GB"),  # opening hours, not lengths
    ("Call 07700 900123 or 0161 496 0123", "GB"),
    ("020 7946 0351 150", "GB"),  # a figure after a phone, with no rate or currency
    ("open 7 days, 24/7, 24h", "GB"),
    ("Kasia 170/60, blonde", "PL"),  # a height and a weight, not an amount and its minutes
    ("Available 10am-10pm", "GB"),
    ("de 10h à 22h, 7j/7", "FR"),
    ("12.05.2024", "FR"),
    ("22:00 until late", "GB"),
    ("I'm 25 years old", "GB"),
    ("age 25, 1h later", "GB"),
    ("160cm 55kg 34B", "GB"),
    ("Born in 1999", "GB"),
    ("100% discretion", "GB"),
    ("Room 21, bus 19", "GB"),
    ("Rates: 150", None),  # a labelled bare amount needs the ad's currency
    ("lei 150", "IT"),
    ("2 for 1", "GB"),
    ("Suite 150, floor 2", "GB"),
    ("open 24 hours, 48 hrs notice", "US"),  # durations, not rates
    ("available 2 hr", "US"),
    ("Escort HH 150", "DE"),  # Hamburg's plate code, not half an hour
    ("200h", "FR"),
    ("open 24hr, 48hr notice", "US"),
    ("80 hr", "US"),  # a bare number under 100 before an hour unit stays hours
    ("HH 150", "DE"),  # Hamburg, without a currency
    ("Mein Snap ist mia_hh21", None),  # a handle, not a shorthand glued to an amount
    ("hh150", "GB"),  # glued shorthand is North American
    ("Paris 20e", "FR"),  # an ordinal, with no length next to it
    ("TEXT ME ON 555 0123", "US"),
    ("Toronto, ON", "CA"),
    ("30e Ft", "FR"),
    ("100 real photos", "US"),
]


@pytest.mark.parametrize(("text", "country"), NEGATIVE)
def test_no_price(text: str, country: str | None) -> None:
    assert prices(text, country) == []


def test_attrs() -> None:
    [p] = PRICES.extract("£150 per hour", "body", AdContext(country="GB"))
    assert p.attrs == {"amount": 150.0, "currency": "GBP", "minutes": 60, "night": False, "fee": False, "wage": False}
    [n] = PRICES.extract("overnight 800", "body", AdContext(country="GB"))
    assert n.attrs == {"amount": 800.0, "currency": "GBP", "minutes": None, "night": True, "fee": False, "wage": False}
    [u] = PRICES.extract("150/h", "body", AdContext())
    assert u.attrs["currency"] is None and u.value == "150/60min"


@pytest.mark.parametrize(
    ("text", "country", "fees"),
    [
        ("£20 deposit required, 1hr £170", "GB", [("20 GBP", True), ("170 GBP/60min", False)]),
        ("Deposit $50 via Cash App to confirm.\n1 hr 300", "US", [("50 USD", True), ("300 USD/60min", False)]),
        ("Frais de taxi en sus (30 €). 1h 300 €", "FR", [("30 EUR", True), ("300 EUR/60min", False)]),
        ("Taxi fare on top (£20-£40)", "GB", [("20 GBP", True), ("40 GBP", True)]),
        ("Anzahlung 50 € per Überweisung", "DE", [("50 EUR", True)]),
        # a fee word in another clause, or an amount with a length, leaves a rate a rate
        ("Outcall 200 €, taxi included", "FR", [("200 EUR", False)]),
        ("Taxi included. 300 €", "FR", [("300 EUR", False)]),
        ("Deposit for 1h 200 €", "FR", [("200 EUR/60min", False)]),
        # French deposits; parking and rides, after a linking word too
        ("Dépôt de 40$ obligatoire. Taux: 200$/h.", "CA", [("40 CAD", True), ("200 CAD/60min", False)]),
        ("Parking $10 at the Green P. My rate is $260 an hour.", "CA", [("10 CAD", True), ("260 CAD/60min", False)]),
        ("$160 la hora + $20 de Uber si voy a tu casa.", "US", [("160 USD/60min", False), ("20 USD", True)]),
        ("Free parking, $200 per hour", "US", [("200 USD/60min", False)]),
        # a fee word in the clause before a full stop leaves the rate after it a rate
        ("Depósito a mi PayPal: paypal.me/karlamty . 2,000 la hora.", "MX", [("2000 MXN/60min", False)]),
        # a few words between an amount and its fee word
        ("$50 non-refundable deposit via Cash App. $250/hr", "US", [("50 USD", True), ("250 USD/60min", False)]),
        ("$25 screening fee via Cash App, $220/hr", "US", [("25 USD", True), ("220 USD/60min", False)]),
        ("30 € d'acompte par Lydia, 200 € l'heure.", "FR", [("30 EUR", True), ("200 EUR/60min", False)]),
        ("$50 e-Transfer deposit. $300/hr.", "CA", [("50 CAD", True), ("300 CAD/60min", False)]),
        ("$100 Apple gift card as deposit. $250/hr", "US", [("100 USD", True), ("250 USD/60min", False)]),
        ("200 € outcall + taxi", "FR", [("200 EUR", False)]),
        # travel costs in more languages, discounts, and amounts added with "+"
        ("1 Std. 200 €. Anfahrtskosten 30 € innerhalb Wiens.", "AT", [("200 EUR/60min", False), ("30 EUR", True)]),
        ("1 hora 150€. Desplazamiento 20€ extra.", "ES", [("150 EUR/60min", False), ("20 EUR", True)]),
        ("1 ora 200€ + spese di viaggio 30€", "IT", [("200 EUR/60min", False), ("30 EUR", True)]),
        ("Godzina 300 zł, dojazd 50 zł", "PL", [("300 PLN/60min", False), ("50 PLN", True)]),
        ("10 € Rabatt für Stammkunden! 1 Std. 180 €", "DE", [("10 EUR", True), ("180 EUR/60min", False)]),
        ("£20 off for regulars. 1 hour £200.", "GB", [("20 GBP", True), ("200 GBP/60min", False)]),
        ("1h 200€. Déplacement +50€.", "FR", [("200 EUR/60min", False), ("50 EUR", True)]),
        ("HH $150 / H $230 (weekends +$30)", "US", [("150 USD/30min", False), ("230 USD/60min", False),
                                                    ("30 USD", True)]),
    ],
)
def test_fees_are_marked(text: str, country: str, fees: list[tuple[str, bool]]) -> None:
    got = [(e.value, e.attrs["fee"]) for e in PRICES.extract(text, "body", AdContext(country=country))]
    assert got == fees


def test_span_covers_currency_amount_and_duration() -> None:
    text = "Tarifs : 100 euros la demi-heure."
    [p] = PRICES.extract(text, "body", AdContext(country="FR"))
    assert p.text == "100 euros la demi-heure"


def test_find_prices_tuples() -> None:
    assert list(find_prices("1h 200€", "FR")) == [(0, 7, 200.0, "EUR", 60, False, False, False)]


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "hostile",
    [
        "1 2-3 4/5 6.7 " * 75_000,
        "150€ 1h " * 120_000,
        "£" * 500_000 + "150",
        "1h" * 400_000,
        "9" * 1_000_000,
        "I'm I'm I'm " * 90_000,
        "Duration | Incall (£) | Outcall (£)\n" + "1 hour | 150 | 170\n" * 50_000,
        "| (£) |\n" * 125_000,
        "Incall / Outcall / Hotel" * 40_000 + "\n1h: 150€ / 200€",
        "🌹" * 300_000 + "\n" + "30 min\n180\n" * 50_000,
        "a b/" * 250_000 + "\n1h 150€ / 250€",
        "1h | " * 100_000 + "1h\n" + "£1 | " * 100_000 + "£1",
        "30min | 1hr\n" + "£130 | £200\n" * 60_000,
        "1h/" * 250_000 + ": 1/" * 100_000 + "€",
        "Salary " + "3000 € netto / " * 70_000 + "month",
        "£400 for the hour, £700 for 2 " * 35_000,
        "120 halbe 200 pół " * 60_000,
        "150 - " * 150_000 + "200 €",
        "24 hours " * 100_000 + "$4,000",
    ],
    ids=["digits", "prices", "symbols", "durations", "one-number", "im", "rate-table", "table-headers",
         "slash-header", "heading-word", "slash-words", "wide-header", "length-columns", "slash-lists",
         "wages", "hours-only", "half-words", "range-ends", "whole-days"],
)
def test_hostile_input_is_linear(hostile: str) -> None:
    for _ in PRICES.extract(hostile, "body", AdContext(country="GB")):
        pass


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    ("hostile", "country"),
    [
        ("1 óra 25.000 Ft " * 70_000, "HU"),
        ("1 óra 30e Ft 30 ezer " * 50_000, "HU"),
        ("SEK 1 800/tim " * 70_000, "SE"),
        ("1 time 2 500,- 2000:- " * 50_000, "NO"),
        ("Час 7к тыс. 2 mil " * 50_000, "RU"),
        ("1h 150e 80e " * 80_000, "FI"),
        ("yö öö " * 150_000, "FI"),
        ("ON 1200 $1500 ON " * 60_000, "US"),
        ("hh150 h250 2h450 " * 60_000, "CA"),
        ("Half $220 / Full $380 full " * 40_000, "AU"),
    ],
    ids=["thousands-dot", "hu-thousands", "code-spaced", "dashes", "thousand-words", "e-lengths", "night-words",
         "on-nights", "glued-shorthand", "full-hours"],
)
def test_hostile_local_shorthand_is_linear(hostile: str, country: str) -> None:
    for _ in PRICES.extract(hostile, "body", AdContext(country=country)):
        pass


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # hours without their unit after an hour's rate; a word for half after an amount
        ("$400 for the hour, $700 for 2.", "AU", ["400 AUD/60min", "700 AUD/120min"]),
        ("Rates: 250 for the hour, 450 for two", "GB", ["250 GBP/60min", "450 GBP/120min"]),
        ("$200 for 2", "US", ["200 USD"]),  # maybe two people
        ("1 hr $300, $500 for 2 girls", "US", ["300 USD/60min", "500 USD"]),
        ("200 die Stunde, 120 halbe", "DE", ["200 EUR/60min", "120 EUR/30min"]),
        ("300 zł godzina, 200 pół", "PL", ["300 PLN/60min", "200 PLN/30min"]),
        ("Zürich, 400 CHF pro Stunde, 250 CHF halbe Stunde.", "CH", ["400 CHF/60min", "250 CHF/30min"]),
        # what a salon's length is for between it and the amount
        ("Happy Hour: 60 Min. nur 59 €!", "DE", ["59 EUR/60min"]),
        ("60 min foot $35", "US", ["35 USD/60min"]),
        # a length, a copula, then the amount, as a chat says it
        ("hi yes still working, 2 hrs is 400", "GB", ["400 GBP/120min"]),
        ("una hora es 100 euros", "ES", ["100 EUR/60min"]),
        ("24 hours is enough notice, rates 200", "GB", ["200 GBP"]),
        # the word for half before an hour's shorthand
        ("media hr 800, hr 1300. sin anticipos xfa", "MX", ["800 MXN/30min", "1300 MXN/60min"]),
        ("pół h 200 zl, 1h 300 zl", "PL", ["200 PLN/30min", "300 PLN/60min"]),
    ],
)
def test_hours_without_unit_and_words_for_half(text: str, country: str, expected: list[str]) -> None:
    assert [e.value for e in PRICES.extract(text, "body", AdContext(country=country))] == expected


@pytest.mark.parametrize(
    ("text", "country", "wages"),
    [
        # pay offered for a job: after a wage word in its clause, before one, or before a pay period
        ("Salariu 2200 € net/lună, cazare gratuită.", "RO", [("2200 EUR", True)]),
        ("Câștig de la 150£ pe zi + bacșiș.", "RO", [("150 GBP", True)]),
        ("Zarobki 1500-2200 EUR netto + premia.", "PL", [("1500 EUR", True), ("2200 EUR", True)]),
        ("Masszőz állás, napi 100-200 € kereset.", "HU", [("100 EUR", True), ("200 EUR", True)]),
        ("Verdienst bis 5000 € im Monat, Unterkunft kostenlos.", "DE", [("5000 EUR", True)]),
        ("Vergütung 2.400 € brutto/Monat.", "DE", [("2400 EUR", True)]),
        ("Praca w Oslo. Pensja 32 000 NOK miesięcznie.", "PL", [("32000 NOK", True)]),
        ("Au pair wanted, €120/week pocket money + own room.", "IE", [("120 EUR", True)]),
        ("ЗП от 2000 евро. Телефон / Viber: 062-11-23-33", "MD", [("2000 EUR", True)]),
        # gross and net, tips, commissions, a day's pay
        ("12€/oră net.", "RO", [("12 EUR/60min", True)]),
        ("Cocktail waitresses. $25/hr + tips, weekly pay.", "US", [("25 USD/60min", True)]),
        ("Hôtesses, 150 € par soirée + commissions.", "BE", [("150 EUR", True)]),
        ("Compenso 120 € al giorno.", "IT", [("120 EUR", True)]),
        # rent is a fee, not pay
        ("Accommodation £90/week deducted from wages.", "GB", [("90 GBP", False)]),
        # rates of her time stay rates, whatever the name or words around them
        ("Luna 200€ 1h, 350€ 2h", "IT", [("200 EUR/60min", False), ("350 EUR/120min", False)]),
        ("150€ luna piena", "IT", [("150 EUR", False)]),
        ("1 Monat 3000€", "DE", [("3000 EUR", False)]),
    ],
)
def test_pay_offered_for_a_job_is_marked_wage(text: str, country: str, wages: list[tuple[str, bool]]) -> None:
    got = [(e.value, e.attrs["wage"]) for e in PRICES.extract(text, "body", AdContext(country=country))]
    assert got == wages


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # the same rate in two currencies joined by "or" shares its length, both ways
        ("$300 CAD or $220 USD per hour.", "US", ["300 CAD/60min", "220 USD/60min"]),
        ("Cancún. 150 dólares o 2,700 pesos la hora.", "MX", ["150 USD/60min", "2700 MXN/60min"]),
        ("$200 or $350 for two hours", "US", ["200 USD", "350 USD/120min"]),
        # a dollar's code after the rate mark of a "$" amount names it
        ("Text my US cell. $300/hr USD", "MX", ["300 USD/60min"]),
        ("$300/hr", "MX", ["300 MXN/60min"]),
        # currency words with their country, and Mexican slang for pesos
        ("Precio de 1,500 pesos mexicanos la hora (o 80 dólares).", "MX", ["1500 MXN/60min", "80 USD/60min"]),
        ("Señora madura, 48 años. 700 pesitos la hora.", "MX", ["700 MXN/60min"]),
        ("$800 varos la media hora y 1,300 la hora.", "MX", ["800 MXN/30min", "1300 MXN/60min"]),
        ("250 dollars canadiens de l'heure", "US", ["250 CAD/60min"]),
        # a thousands separator is written in amounts, never in years
        ("Hola. 2,000 la hora.", "MX", ["2000 MXN/60min"]),
        ("Hola. 2000 la hora.", "MX", []),
        # lengths: an elided filler, an hour and a half after its number, Spanish "la media" before and
        # "por media" after the amount, minutes after "for" before a comma
        ("Pour 1h c'est 240$, pour 30 min c'est 160$.", "CA", ["240 CAD/60min", "160 CAD/30min"]),
        ("Mes tarifs: 1 heure 200$, 1 heure et demie 280$, 2 heures 350$.", "CA",
         ["200 CAD/60min", "280 CAD/90min", "350 CAD/120min"]),
        ("La hora 150, la media 100, la noche 800.", "US", ["150 USD/60min", "100 USD/30min", "800 USD/night"]),
        ("Costo: $2,200 por hora, $1,400 por media.", "MX", ["2200 MXN/60min", "1400 MXN/30min"]),
        ("$120 for 60, $90 for 30.", "CA", ["120 CAD/60min", "90 CAD/30min"]),
        ("€150/60,5", "DE", ["150 EUR"]),
        ("Ih 150€ / 2h 280€", "FR", ["150 EUR/60min", "280 EUR/120min"]),  # OCR's "1h"
        # a labelled list's items, a bare amount then its length ("2hrs / 1500" paired them wrongly)
        ("Rates: 300 1hr / 550 2hrs / 1500 overnight", "CA", ["300 CAD/60min", "550 CAD/120min", "1500 CAD/night"]),
        ("Prices: 150 2 girls", "US", ["150 USD"]),
        ("RATES\nHH      $180\nH       $280", "US", ["180 USD/30min", "280 USD/60min"]),  # aligned with spaces
    ],
)
def test_north_american_rates(text: str, country: str, expected: list[str]) -> None:
    assert prices(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # the first end of a range takes the second's currency, and both its length
        ("150-200 € de l'heure selon la prestation", "FR", ["150 EUR/60min", "200 EUR/60min"]),
        ("300 - 400 lei / oră", "RO", ["300 RON/60min", "400 RON/60min"]),
        ("Entre 100 y 150 euros la hora", "ES", ["100 EUR/60min", "150 EUR/60min"]),
        ("1 ora tra 150 e 200 euro", "IT", ["150 EUR/60min", "200 EUR/60min"]),
        ("Call 5 to 10 € off", "GB", ["10 EUR"]),  # too small to be a rate's end
        # thousands after a space before more currency words; Norwegian "kroner"
        ("A partir de 1 500 pesos la hora.", "MX", ["1500 MXN/60min"]),
        ("En time koster 2500 kroner.", "NO", ["2500 NOK/60min"]),
        ("1 time 2500 kroner", "DK", ["2500 DKK/60min"]),
        # whole days written with an hour word; not around the clock
        ("Fly me to you: 24 hours $4,000 plus travel. 48 hours $7,000.", "US", ["4000 USD/1440min",
                                                                                "7000 USD/2880min"]),
        ("Available 24 hours a day. $200", "US", ["200 USD"]),
        ("Open 24 hours. $200", "US", ["200 USD"]),
        ("Dispo 24 heures sur 24, 150€ la demi-heure", "FR", ["150 EUR/30min"]),
        # "from" and "are" between a length and its amount
        ("Termine ab 150 € / Std., Übernachtung ab 1.200 €", "DE", ["150 EUR/60min", "1200 EUR/night"]),
        ("Spotkania od 300 zł/h, noc od 2000 zł", "PL", ["300 PLN/60min", "2000 PLN/night"]),
        ("Dos horas son 250 euros", "ES", ["250 EUR/120min"]),
        # Danish "1t", an amount like a year right after a length in a card, forints in six digits
        ("Incall 1t 1500 kr. Outcall 1t 2000 kr.", "DK", ["1500 DKK/60min", "2000 DKK/60min"]),
        ("Priser: 30min 1200 | 1h 2000 | 2h 3500", "SE", ["1200 SEK/30min", "2000 SEK/60min", "3500 SEK/120min"]),
        ("Member since 2019. 1h 200€", "FR", ["200 EUR/60min"]),
        ("Egész éjszaka 150000 Ft, 1 óra 30000 Ft", "HU", ["150000 HUF/night", "30000 HUF/60min"]),
        # one and a half, half and "per" in more languages
        ("1 óra: 25.000,- Ft, másfél óra 35 000 Ft", "HU", ["25000 HUF/60min", "35000 HUF/90min"]),
        ("Половина час 1.800 ден.", "MK", ["1800 MKD/30min"]),
        ("Цена: 150 лв. на час", "BG", ["150 BGN/60min"]),
        # pounds as Bulgarian posters in Britain write them
        ("1 час – 150 паунда\nТакси до хотел – 20 паунда", "GB", ["150 GBP/60min", "20 GBP"]),
        # Turkish, Albanian, Maltese, Icelandic, Irish and Luxembourgish hours, nights and currencies
        ("1 saat 5.000 ₺, gece 20.000 ₺.", "TR", ["5000 TRY/60min", "20000 TRY/night"]),
        ("Yarım saat 2.500 TL, 1 saat 4.000 TL.", "TR", ["2500 TRY/30min", "4000 TRY/60min"]),
        ("1 orë 5.000 lekë. Nata 150 €.", "AL", ["5000 ALL/60min", "150 EUR/night"]),
        ("Nofs siegħa €50, siegħa €90.", "MT", ["50 EUR/30min", "90 EUR/60min"]),
        ("1 klst 30.000 kr.", "IS", ["30000 ISK/60min"]),
        ("Leathuair €100.", "IE", ["100 EUR/30min"]),
        # a verb of asking between a length and its amount; an extra hour
        ("For 1 hour I ask 200 pounds, overnight 1000 pounds.", "GB", ["200 GBP/60min", "1000 GBP/night"]),
        ("Pour une heure comptez 200 euros", "FR", ["200 EUR/60min"]),
        ("Für eine Stunde nehme ich 180 Euro", "DE", ["180 EUR/60min"]),
        ("Pentru o oră cer 400 de lei.", "RO", ["400 RON/60min"]),
        ("Extra hour +150€", "ES", ["150 EUR/60min"]),
        ("Hora extra 100€. Hora 150€.", "ES", ["100 EUR/60min", "150 EUR/60min"]),
        ("Hallef Stonn 120 €.", "LU", ["120 EUR/30min"]),
    ],
)
def test_ranges_currencies_days_and_fillers(text: str, country: str, expected: list[str]) -> None:
    assert prices(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "wages"),
    [
        # a wage word after a rate counts in its clause only
        ("$250/hr. Tips appreciated", "US", [("250 USD/60min", False)]),
        ("$250 1hr (tips welcome) — Cash App deposit", "US", [("250 USD/60min", False)]),
        ("$25/hr + tips", "US", [("25 USD/60min", True)]),
    ],
)
def test_a_wage_word_after_a_rate_counts_in_its_clause(text: str, country: str, wages: list[tuple[str, bool]]) -> None:
    assert [(e.value, e.attrs["wage"]) for e in PRICES.extract(text, "body", AdContext(country=country))] == wages


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # the incall and the outcall rate written apart share the length stated for one
        ("1hr incall £150 / outcall £180", "GB", ["150 GBP/60min", "180 GBP/60min"]),
        ("£150 ph in / £180 out", "GB", ["150 GBP/60min", "180 GBP/60min"]),
        ("$250/hr incall, $300 outcall", "CA", ["250 CAD/60min", "300 CAD/60min"]),
        ("Incall £150, Outcall £180 (1 hour)", "GB", ["150 GBP/60min", "180 GBP/60min"]),
        ("£150 1hr, £50 deposit", "GB", ["150 GBP/60min", "50 GBP"]),
        # "CDN" for Canadian dollars; "quid" is euros in Ireland
        ("$300 CDN/hr", "CA", ["300 CAD/60min"]),
        ("150 quid an hour, cash only", "IE", ["150 EUR/60min"]),
        ("150 quid an hour", "GB", ["150 GBP/60min"]),
    ],
)
def test_incall_and_outcall_apart_and_local_currency_words(text: str, country: str, expected: list[str]) -> None:
    assert prices(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # words for one woman or two between a length and its amount; a night last in a "/" list of lengths
        ("1 Std. Duo 350 € / 1 Std. allein 200 €", "DE", ["350 EUR/60min", "200 EUR/60min"]),
        ("1h duet 550 zł / 1h solo 300 zł / 2h duet 1000 zł", "PL", ["550 PLN/60min", "300 PLN/60min",
                                                                   "1000 PLN/120min"]),
        ("30 min / 1 h / nuit : 150 / 250 / 1200 $", "CA", ["150 CAD/30min", "250 CAD/60min", "1200 CAD/night"]),
        ("30 min / 1 hr / overnight: $150 / $250 / $1200", "CA", ["150 CAD/30min", "250 CAD/60min",
                                                                  "1200 CAD/night"]),
        # Romanian "de" between an amount and its currency
        ("300 de lei ora, 500 de lei două ore", "RO", ["300 RON/60min", "500 RON/120min"]),
    ],
)
def test_duo_words_nights_in_lists_and_romanian_de(text: str, country: str, expected: list[str]) -> None:
    assert prices(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # as posters who write another language spell units, nights and currencies
        ("1 houre 140, half houre 90, the night entire 700.", "GB", ["140 GBP/60min", "90 GBP/30min",
                                                                    "700 GBP/night"]),
        ("150 pounds/hour, 800 pounds all the night.", "GB", ["150 GBP/60min", "800 GBP/night"]),
        ("150 Euro die Stunde, Nacht komplett 1000 Euro.", "DE", ["150 EUR/60min", "1000 EUR/night"]),
        ("La nuit entière 1000 euro.", "FR", ["1000 EUR/night"]),
        ("Halb stunde 90 euro.", "DE", ["90 EUR/30min"]),
        ("150 dolar one hour, 100 half hour.", "US", ["150 USD/60min", "100 USD/30min"]),
        ("30 minuts - 80£", "GB", ["80 GBP/30min"]),
        ("Price 250 franc one hour", "CH", ["250 CHF/60min"]),
        # glued and connected shorthand; a road's number; a full stop before a phone
        ("1hr200 hh150", "US", ["200 USD/60min", "150 USD/30min"]),
        ("150 for hh 250 for h", "US", ["150 USD/30min", "250 USD/60min"]),
        ("5 minute from I-45", "US", []),
        ("Rates: HH-150, H-250", "US", ["150 USD/30min", "250 USD/60min"]),
        ("30 mins 120, 1 hour 200. 604 555 0121", "CA", ["120 CAD/30min", "200 CAD/60min"]),
    ],
)
def test_non_native_spellings_and_shorthand(text: str, country: str, expected: list[str]) -> None:
    assert prices(text, country) == expected


def test_a_priced_amount_right_after_a_number() -> None:
    assert prices("01 99 00 45 18 200€ 1h", "FR") == ["200 EUR/60min"]
    assert prices("01 99 00 45 18 200 € 1h", "FR") == ["200 EUR/60min"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German "Fr." is Freitag in opening hours and before dates, and still francs before a rate
        ("Tel. 01 99 00 23 45, Mo.–Fr. 10–20 Uhr", []),
        ("Mo.–Fr. 10–20 Uhr, Sa. nach Vereinbarung", []),
        ("Fr. 24.12. geöffnet, Sa. 25.12. geschlossen", []),
        ("Do. 24.12. 18–22 Uhr, Fr. 25.12. geschlossen", []),
        ("Fr. 18h bis 2h", []),
        ("1 Std. Fr. 250.–, 2 Std. Fr. 450.-", ["250 CHF/60min", "450 CHF/120min"]),
        ("Fr. 200 pro Stunde", ["200 CHF/60min"]),
        ("Fr. 24.50 pro Stunde", ["24.5 CHF/60min"]),
        ("Mo-Fr 10-20h, 1h Fr. 300", ["300 CHF/60min"]),
    ],
)
def test_friday_is_no_franc(text: str, expected: list[str]) -> None:
    assert prices(text, "CH") == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a sign written apart from the number before it and glued to the next amount is that amount's
        ("MADISON 25 $350 HR", "US", ["350 USD/60min"]),
        ("LONDON ZONE 1 £200 PER HOUR", "GB", ["200 GBP/60min"]),
        ("150 $ 200 $", "CA", ["150 CAD", "200 CAD"]),
        ("150 € 30min", "FR", ["150 EUR/30min"]),
    ],
)
def test_a_sign_glued_to_the_next_amount(text: str, country: str, expected: list[str]) -> None:
    assert prices(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # the banknote emoji stand for their currency's sign; the dollar's is the ad's own dollar
        ("1 hour 💶 150", "FR", ["150 EUR/60min"]),
        ("150💶 1h", "DE", ["150 EUR/60min"]),
        ("💷150 per hour", "GB", ["150 GBP/60min"]),
        ("30 min 💵 120 | 1 hr 💵 200", "US", ["120 USD/30min", "200 USD/60min"]),
        ("30 min 💵 120 | 1 hr 💵 200", "CA", ["120 CAD/30min", "200 CAD/60min"]),
        ("💶 01 99 00 12 34 💶", "FR", []),
    ],
)
def test_banknote_emoji_are_currencies(text: str, country: str, expected: list[str]) -> None:
    assert prices(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "fees"),
    [
        # a cancellation fee; its notice period in brackets, after the fee word or before the amount, is no length
        ("$40 booking fee\n$100 cancellation fee (less than 24 hrs notice)", "US", [("40 USD", True),
                                                                                    ("100 USD", True)]),
        ("Frais de réservation : 20 €\nFrais d'annulation (moins de 3h avant) : 50 €", "BE",
         [("20 EUR", True), ("50 EUR", True)]),
        # German fees compounded with "Gebühr"
        ("1 Std. 200 €\nBuchungsgebühr 20 €\nStornogebühr 50 € bei Absage unter 24 Std.", "DE",
         [("200 EUR/60min", False), ("20 EUR", True), ("50 EUR", True)]),
        # a bracket that words follow before the amount ends the fee's clause
        ("Taxi (pas inclus) ensuite 200 €", "FR", [("200 EUR", False)]),
        # money sent ahead by a payment service that closes the amount's clause is a deposit
        ("No deposit for regulars; new friends $50 Interac.", "CA", [("50 CAD", True)]),
        ("$30 e-transfer, the rest cash", "CA", [("30 CAD", True)]),
        # the deposit's clause goes on past an email address to the amount in brackets
        ("Deposit via Interac e-Transfer to kayla.yyz.sb@gmail.com ($60 to lock in our first date).", "CA",
         [("60 CAD", True)]),
        ("Hour: 150 PayPal", "GB", [("150 GBP/60min", False)]),
        # a bracket that names the fee before its amount, past a comma
        ("déplacement (taxi à vos frais, env. 25 €). 1h : 120 €", "BE", [("25 EUR", True), ("120 EUR/60min", False)]),
    ],
)
def test_cancellation_and_compound_fees(text: str, country: str, fees: list[tuple[str, bool]]) -> None:
    got = [(e.value, e.attrs["fee"]) for e in PRICES.extract(text, "body", AdContext(country=country))]
    assert got == fees


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # Italian "da" (from) between a length and its amount; Catalan plural hours
        ("Mezz'ora da 100 €\nUn'ora da 150 €\nDue ore da 280 €", "IT",
         ["100 EUR/30min", "150 EUR/60min", "280 EUR/120min"]),
        ("30 min 90€\n1 hora 150€\n2 hores 280€", "ES", ["90 EUR/30min", "150 EUR/60min", "280 EUR/120min"]),
        # a second currency in brackets, or after a comma where it ends its clause, shares the rate's length
        ("£150 (€175) per hour, £280 (€325) two hours.", "GB",
         ["150 GBP/60min", "175 EUR/60min", "280 GBP/120min", "325 EUR/120min"]),
        ("300 BBD per hour, US$150. text me", "BB", ["300 BBD/60min", "150 USD/60min"]),
        ("£150 per hour, £200", "GB", ["150 GBP/60min", "200 GBP"]),
        # an amount of no length before a card leaves its habit open: the card writes lengths first
        ("Downtown incall 11am–2am, outcall +$50\nRates: 1 hr $300 / 2 hrs $550 / overnight $2000", "US",
         ["50 USD", "300 USD/60min", "550 USD/120min", "2000 USD/night"]),
        # alone or as a duo between the length and its amount
        ("1h en duo : 400 € — 1h seule : 220 €", "FR", ["400 EUR/60min", "220 EUR/60min"]),
        # the same rate in another currency in brackets shares the length written before the first
        ("1 Std. 180 € (ca. CHF 170) / 2 Std. 320 € (ca. CHF 300)", "AT",
         ["180 EUR/60min", "170 CHF/60min", "320 EUR/120min", "300 CHF/120min"]),
        # the Dutch hour's diminutive
        ("half uurtje 90 euro\n1 uurtje 150 euro", "BE", ["90 EUR/30min", "150 EUR/60min"]),
    ],
)
def test_italian_from_and_catalan_hours(text: str, country: str, expected: list[str]) -> None:
    assert prices(text, country) == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # a currency's code written as a first name, capitalised, is her name before her age
        ("Adelaide CBD – Nok 28, Thai massage", "AU", []),
        ("Nok 28", "NO", []),
        # in capitals or lower case it stays a code
        ("NOK 280 per hour", "AU", ["280 NOK/60min"]),
        ("nok 280", "AU", ["280 NOK"]),
        ("Eur 150", "GB", ["150 EUR"]),
        # all hours of the week before a rose or a sign: no rate of seven
        ("Atiendo 24/7 🌹", "US", []),
        ("available 24/7 💵", "US", []),
    ],
)
def test_a_code_written_as_a_first_name(text: str, country: str, expected: list[str]) -> None:
    assert prices(text, country) == expected
