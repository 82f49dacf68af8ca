"""Table tests of the shipped indicator rulebook.

Every text rule gets at least one positive and one negative row in each of its
languages (checked programmatically below, so a new rule or language without
rows fails), emoji rules get rows too, and condition rules are driven by
entities and structured fields.  Positives also check that each flag's offsets
point at its text.

Decisions recorded here:

* Matching is on whole words: "duplicate" fires nothing, "youngster",
  "canteen" and "Jugendherberge" are not youth language.
* A plural nationality noun ("Romanians welcome as clients") does not fire
  ``stated_ethnicity_nationality``: the rule lists the adjective / singular
  forms that describe the person advertised, and plurals usually describe
  people in general (clients, neighbours).
* A language spoken ("I speak only Russian") or a massage style ("Thai
  massage") is not a stated ethnicity.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from unveil.indicators import default_rulebook
from unveil.types import Entity, Flag

ROOT = Path(__file__).resolve().parents[2]
BOOK = default_rulebook()
ANY = "*"  # a row for a rule that matches in every language (emoji, "*" patterns)

# (rule id, language, text, should fire)
Row = tuple[str, str, str, bool]

AGE: list[Row] = [
    ("minor_risk.age_phrase", "en", "Lily, age 17, free at weekends", True),
    ("minor_risk.age_phrase", "en", "Age: 17", True),
    ("minor_risk.age_phrase", "en", "I'm 16 and only free at weekends", True),
    ("minor_risk.age_phrase", "en", "sixteen years old, texts only", True),
    ("minor_risk.age_phrase", "en", "I'm 15 minutes from the station", False),
    ("minor_risk.age_phrase", "en", "Age 25, experienced", False),
    ("minor_risk.age_phrase", "en", "been doing this 15 years.", False),
    ("minor_risk.age_phrase", "fr", "Chloé, 16 ans, à Lyon", True),
    ("minor_risk.age_phrase", "fr", "J'ai dix-sept ans", True),
    ("minor_risk.age_phrase", "fr", "Je masse depuis 10 ans", False),
    ("minor_risk.age_phrase", "fr", "dix ans d'expérience", False),
    ("minor_risk.age_phrase", "es", "Tengo 17 años", True),
    ("minor_risk.age_phrase", "es", "desde hace 15 años en el sector", False),
    ("minor_risk.age_phrase", "es", "tengo 10 años de experiencia", False),
    ("minor_risk.age_phrase", "de", "Mia, 16 Jahre alt", True),
    ("minor_risk.age_phrase", "de", "10 Jahre Erfahrung", False),
    ("minor_risk.age_phrase", "de", "seit 12 Jahren in Berlin", False),
    ("minor_risk.age_phrase", "it", "Giulia, 17 anni", True),
    ("minor_risk.age_phrase", "it", "da 12 anni in questo lavoro", False),
    ("minor_risk.age_phrase", "nl", "Sanne, 16 jaar", True),
    ("minor_risk.age_phrase", "nl", "al 12 jaar ervaring", False),
]

SCHOOL: list[Row] = [
    ("minor_risk.school", "en", "still at school, free after 4pm", True),
    ("minor_risk.school", "en", "Still in year 11, weekends only", True),
    ("minor_risk.school", "en", "After high school I trained as a therapist", False),
    ("minor_risk.school", "en", "I finished high school years ago", False),
    ("minor_risk.school", "en", "I am not in high school any more", False),
    ("minor_risk.school", "fr", "Lycéenne, libre le mercredi", True),
    ("minor_risk.school", "fr", "Après le lycée j'ai fait une école d'esthétique", False),
    ("minor_risk.school", "es", "Colegiala, solo por la tarde", True),
    ("minor_risk.school", "es", "Después del instituto estudié estética", False),
    ("minor_risk.school", "de", "Schülerin, nur nachmittags", True),
    ("minor_risk.school", "de", "Ich gehe in die 11. Klasse", True),
    ("minor_risk.school", "de", "Nach der Schule habe ich eine Ausbildung gemacht", False),
    ("minor_risk.school", "it", "Liceale, libera il pomeriggio", True),
    ("minor_risk.school", "it", "Dopo il liceo ho studiato estetica", False),
    ("minor_risk.school", "nl", "Scholiere, alleen 's middags", True),
    ("minor_risk.school", "nl", "Na de middelbare school ben ik gaan werken", False),
]

THIRD_PARTY: list[Row] = [
    ("third_party_control.speaks_for_her", "en", "New in town, ask for her", True),
    ("third_party_control.speaks_for_her", "en", "She's available tonight", True),
    ("third_party_control.speaks_for_her", "en", "Text her manager to arrange a time", True),
    ("third_party_control.speaks_for_her", "en", "I work for myself, no agency", False),
    ("third_party_control.speaks_for_her", "en", "I answer my own phone and take my own bookings", False),
    ("third_party_control.speaks_for_her", "fr", "Elle est disponible ce soir", True),
    ("third_party_control.speaks_for_her", "fr", "Réservez-les auprès de moi", True),
    ("third_party_control.speaks_for_her", "fr", "Je travaille seule, sans agence", False),
    ("third_party_control.speaks_for_her", "fr", "Réservez la séance en ligne", False),
    ("third_party_control.speaks_for_her", "es", "Ella está disponible esta noche", True),
    ("third_party_control.speaks_for_her", "es", "Trabajo sola, sin agencia", False),
    ("third_party_control.speaks_for_her", "de", "Sie ist heute verfügbar", True),
    ("third_party_control.speaks_for_her", "de", "Ich arbeite selbstständig, ohne Manager", False),
    ("third_party_control.speaks_for_her", "it", "Lei è disponibile stasera", True),
    ("third_party_control.speaks_for_her", "it", "Lavoro da sola, nessuna agenzia", False),
    ("third_party_control.speaks_for_her", "nl", "Zij is vanavond beschikbaar", True),
    ("third_party_control.speaks_for_her", "nl", "Ik werk voor mezelf, geen bureau", False),
    ("third_party_control.possessive", "en", "My girls are friendly and punctual", True),
    ("third_party_control.possessive", "en", "Me and my girlfriend love hiking", False),
    ("third_party_control.possessive", "fr", "Mes filles sont charmantes", True),
    ("third_party_control.possessive", "fr", "Je reçois seule, filles et garçons bienvenus", False),
    ("third_party_control.possessive", "es", "Mis chicas son puntuales", True),
    ("third_party_control.possessive", "es", "Chicas, escribidme", False),
    ("third_party_control.possessive", "de", "Meine Mädchen sind pünktlich", True),
    ("third_party_control.possessive", "de", "Mädchen für alles", False),
    ("third_party_control.possessive", "it", "Le mie ragazze sono gentili", True),
    ("third_party_control.possessive", "it", "Ragazze e ragazzi benvenuti", False),
    ("third_party_control.possessive", "nl", "Mijn meiden zijn vriendelijk", True),
    ("third_party_control.possessive", "nl", "Meiden en jongens welkom", False),
]

MULTIPLE: list[Row] = [
    ("multiple_persons.several", "en", "Two girls available together", True),
    ("multiple_persons.several", "en", "Five girls working today", True),
    ("multiple_persons.several", "en", "No new girls here, just me", False),
    ("multiple_persons.several", "en", "Ladies and gentlemen, welcome", False),
    ("multiple_persons.several", "fr", "Deux filles disponibles", True),
    ("multiple_persons.several", "fr", "Pas de nouvelles filles, juste moi", False),
    ("multiple_persons.several", "es", "Dos chicas disponibles", True),
    ("multiple_persons.several", "es", "No hay chicas nuevas", False),
    ("multiple_persons.several", "de", "Zwei Mädchen anwesend", True),
    ("multiple_persons.several", "de", "Kein Duo, nur ich", False),
    ("multiple_persons.several", "it", "Due ragazze disponibili", True),
    ("multiple_persons.several", "it", "Niente duo, solo io", False),
    ("multiple_persons.several", "nl", "Twee dames aanwezig", True),
    ("multiple_persons.several", "nl", "Geen duo, alleen ik", False),
]

MOVEMENT: list[Row] = [
    ("movement.new_in_town", "en", "New in town this week", True),
    ("movement.new_in_town", "en", "Just arrived, leaving soon", True),
    ("movement.new_in_town", "en", "not new in town", False),
    ("movement.new_in_town", "en", "I'm not new in town, I have lived here for years", False),
    ("movement.new_in_town", "en", "I am not new here", False),
    ("movement.new_in_town", "fr", "Nouvelle en ville", True),
    ("movement.new_in_town", "fr", "pas nouvelle en ville", False),
    ("movement.new_in_town", "fr", "Je ne suis pas nouvelle en ville", False),
    ("movement.new_in_town", "es", "Nueva en la ciudad", True),
    ("movement.new_in_town", "es", "no soy nueva en la ciudad", False),
    ("movement.new_in_town", "de", "Neu in der Stadt", True),
    ("movement.new_in_town", "de", "nicht neu in der Stadt", False),
    ("movement.new_in_town", "it", "Nuova in città", True),
    ("movement.new_in_town", "it", "non sono nuova in città", False),
    ("movement.new_in_town", "nl", "Nieuw in de stad", True),
    ("movement.new_in_town", "nl", "niet nieuw in de stad", False),
]

AUTONOMY: list[Row] = [
    ("restricted_autonomy.no_local_language", "en", "Speaks little English", True),
    ("restricted_autonomy.no_local_language", "en", "I speak fluent English", False),
    ("restricted_autonomy.no_local_language", "fr", "Parle très peu français", True),
    ("restricted_autonomy.no_local_language", "fr", "Je parle couramment français", False),
    ("restricted_autonomy.no_local_language", "es", "Hablo poco español", True),
    ("restricted_autonomy.no_local_language", "es", "Hablo español perfectamente", False),
    ("restricted_autonomy.no_local_language", "de", "Spricht kein Deutsch", True),
    ("restricted_autonomy.no_local_language", "de", "Ich spreche fließend Deutsch", False),
    ("restricted_autonomy.no_local_language", "it", "Non parlo italiano", True),
    ("restricted_autonomy.no_local_language", "it", "Parlo bene italiano", False),
    ("restricted_autonomy.no_local_language", "nl", "Spreekt geen Nederlands", True),
    ("restricted_autonomy.no_local_language", "nl", "Ik spreek vloeiend Nederlands", False),
    ("restricted_autonomy.always_available", "en", "Available 24/7", True),
    ("restricted_autonomy.always_available", "en", "Not available 24/7, appointments only", False),
    ("restricted_autonomy.always_available", "fr", "Disponible jour et nuit", True),
    ("restricted_autonomy.always_available", "fr", "Pas disponible jour et nuit", False),
    ("restricted_autonomy.always_available", "es", "Disponible 24 horas", True),
    ("restricted_autonomy.always_available", "es", "No disponible 24 horas", False),
    ("restricted_autonomy.always_available", "de", "Rund um die Uhr erreichbar", True),
    ("restricted_autonomy.always_available", "de", "Nicht rund um die Uhr erreichbar", False),
    ("restricted_autonomy.always_available", "it", "Disponibile giorno e notte", True),
    ("restricted_autonomy.always_available", "it", "Non disponibile giorno e notte", False),
    ("restricted_autonomy.always_available", "nl", "24/7 beschikbaar", True),
    ("restricted_autonomy.always_available", "nl", "Niet dag en nacht beschikbaar", False),
    ("restricted_autonomy.documents", "en", "The manager keeps her passport", True),
    ("restricted_autonomy.documents", "en", "I have my papers in order", False),
    ("restricted_autonomy.documents", "fr", "Sans papiers", True),
    ("restricted_autonomy.documents", "fr", "Papiers en règle", False),
    ("restricted_autonomy.documents", "es", "Sin papeles", True),
    ("restricted_autonomy.documents", "es", "Papeles en regla", False),
    ("restricted_autonomy.documents", "de", "Ohne Papiere", True),
    ("restricted_autonomy.documents", "de", "Papiere vorhanden", False),
    ("restricted_autonomy.documents", "it", "Senza documenti", True),
    ("restricted_autonomy.documents", "it", "Documenti in regola", False),
    ("restricted_autonomy.documents", "nl", "Zonder papieren", True),
    ("restricted_autonomy.documents", "nl", "Papieren in orde", False),
]

ETHNICITY: list[Row] = [
    ("stated_ethnicity_nationality.stated", "en", "Sweet Brazilian lady", True),
    ("stated_ethnicity_nationality.stated", "en", "Romanian", True),
    ("stated_ethnicity_nationality.stated", "en", "Romanians welcome as clients", False),
    ("stated_ethnicity_nationality.stated", "en", "Thai massage by appointment", False),
    ("stated_ethnicity_nationality.stated", "en", "I speak only Russian", False),
    ("stated_ethnicity_nationality.stated", "fr", "Jolie Brésilienne", True),
    ("stated_ethnicity_nationality.stated", "fr", "Massage thaïlandais", False),
    ("stated_ethnicity_nationality.stated", "es", "Preciosa venezolana", True),
    ("stated_ethnicity_nationality.stated", "es", "Masaje tailandés", False),
    ("stated_ethnicity_nationality.stated", "de", "Hübsche Kolumbianerin", True),
    ("stated_ethnicity_nationality.stated", "de", "Thai Massage in Köln", False),
    ("stated_ethnicity_nationality.stated", "it", "Bellissima brasiliana", True),
    ("stated_ethnicity_nationality.stated", "it", "Massaggio thailandese", False),
    ("stated_ethnicity_nationality.stated", "nl", "Mooie Thaise", True),
    ("stated_ethnicity_nationality.stated", "nl", "Thaise massage", False),
]

YOUTH: list[Row] = [
    ("youth_language.words", "en", "Petite and youthful", True),
    ("youth_language.words", "en", "Fresh towels provided", False),
    ("youth_language.words", "en", "A youngster at heart", False),
    ("youth_language.words", "en", "Canteen nearby", False),
    ("youth_language.words", "en", "Young at heart", False),
    ("youth_language.words", "fr", "Toute jeune", True),
    ("youth_language.words", "fr", "Jeune couple bienvenu", False),
    ("youth_language.words", "es", "Jovencita", True),
    ("youth_language.words", "es", "Joven pareja bienvenida", False),
    ("youth_language.words", "de", "Sehr jung", True),
    ("youth_language.words", "de", "Junge Paare willkommen", False),
    ("youth_language.words", "de", "Jugendherberge in der Nähe", False),
    ("youth_language.words", "it", "Giovanissima", True),
    ("youth_language.words", "it", "Giovane coppia benvenuta", False),
    ("youth_language.words", "nl", "Heel jong", True),
    ("youth_language.words", "nl", "Jonge stellen welkom", False),
]

PRICE_TRUST_CODES: list[Row] = [
    ("low_price.words", "en", "Cheap rates today", True),
    ("low_price.words", "en", "Not cheap, quality service", False),
    ("low_price.words", "fr", "Pas cher", True),
    ("low_price.words", "fr", "Tarifs normaux", False),
    ("low_price.words", "es", "Precios bajos", True),
    ("low_price.words", "es", "No es barato", False),
    ("low_price.words", "de", "Günstige Preise", True),
    ("low_price.words", "de", "Nicht billig", False),
    ("low_price.words", "it", "Prezzi bassi", True),
    ("low_price.words", "it", "Non economica", False),
    ("low_price.words", "nl", "Goedkoop", True),
    ("low_price.words", "nl", "Niet goedkoop", False),
    ("trust_language.professional", "en", "Discreet and professional", True),
    ("trust_language.professional", "en", "Professional photographer wanted", False),
    ("trust_language.professional", "fr", "Discrète et professionnelle", True),
    ("trust_language.professional", "fr", "Photos floues", False),
    ("trust_language.professional", "es", "Discreta y profesional", True),
    ("trust_language.professional", "es", "Fotos antiguas", False),
    ("trust_language.professional", "de", "Diskret und professionell", True),
    ("trust_language.professional", "de", "Alte Bilder", False),
    ("trust_language.professional", "it", "Discreta e professionale", True),
    ("trust_language.professional", "it", "Foto vecchie", False),
    ("trust_language.professional", "nl", "Discreet en professioneel", True),
    ("trust_language.professional", "nl", "Oude foto's", False),
    ("coded_language.roses", ANY, "150 roses for the hour", True),
    ("coded_language.roses", ANY, "200 rosas la hora", True),
    ("coded_language.roses", ANY, "Roses are red", False),
    ("coded_language.roses", ANY, "Rosenheim 120", False),
]

EMOJI: list[Row] = [
    ("third_party_control.crown_emoji", ANY, "Queen 👑 of the city", True),
    ("third_party_control.crown_emoji", ANY, "Queen of the city", False),
    ("movement.airplane_emoji", ANY, "Arriving ✈️ Friday", True),
    ("movement.airplane_emoji", ANY, "Airport pickup available", False),
    ("youth_language.emoji", ANY, "Texts only 🍒", True),
    ("youth_language.emoji", ANY, "Spring 🌸 special", True),
    ("youth_language.emoji", ANY, "Sweet 🍓", False),
    ("coded_language.rose_emoji", ANY, "Prices 🌹🌹", True),
    ("coded_language.rose_emoji", ANY, "Prices €", False),
]

# Rows for the 2026.11.2 generalisation: spelled and abbreviated ages, "not 18 yet", school years, third-party
# booking, rotating and listed persons, itineraries. Each positive has a near-miss negative (durations, times,
# rooms, graduation, a first-person independent, a denial).
AGE_FORMS: list[Row] = [
    ("minor_risk.age_phrase", ANY, "Mia (16) and Zoe, weekends only", True),
    ("minor_risk.age_phrase", ANY, "Reviews (16) and photos (12) below", False),
    ("minor_risk.age_phrase", "en", "i am sixteen, weekday evenings only", True),
    ("minor_risk.age_phrase", "en", "Zara here, 15. Texts after 5", True),
    ("minor_risk.age_phrase", "en", "Fifteen, west end, texts only", True),
    ("minor_risk.age_phrase", "en", "Kim 17y, north side", True),
    ("minor_risk.age_phrase", "en", "a 16-year-old from the coast", True),
    ("minor_risk.age_phrase", "en", "not 18 yet, weekends only", True),
    ("minor_risk.age_phrase", "en", "If you are not 18 yet, leave this page", False),
    ("minor_risk.age_phrase", "en", "almost 18 years of experience", False),
    ("minor_risk.age_phrase", "en", "I'm twelve minutes from the station", False),
    ("minor_risk.age_phrase", "en", "Open 16-22h, room 17, 10 years experience", False),
    ("minor_risk.age_phrase", "fr", "j'ai quinze, libre le mercredi", True),
    ("minor_risk.age_phrase", "fr", "Inès 16a, centre-ville", True),
    ("minor_risk.age_phrase", "fr", "bientôt 18 ans, rdv la veille", True),
    ("minor_risk.age_phrase", "fr", "Appartement 17a, deuxième étage", False),
    ("minor_risk.age_phrase", "fr", "Si vous n'avez pas encore 18 ans, quittez la page", False),
    ("minor_risk.age_phrase", "es", "tengo dieciséis, solo por la tarde", True),
    ("minor_risk.age_phrase", "es", "aún no tengo los 18, zona norte", True),
    ("minor_risk.age_phrase", "es", "Llevo casi 18 años en el sector", False),
    ("minor_risk.age_phrase", "de", "Mara, 15 J., nur Nachrichten", True),
    ("minor_risk.age_phrase", "de", "ich bin sechzehn, nur abends", True),
    ("minor_risk.age_phrase", "de", "noch nicht 18, Raum Nord", True),
    ("minor_risk.age_phrase", "de", "fast 18 Uhr, bin gleich da", False),
    ("minor_risk.age_phrase", "de", "mit 12-jähriger Erfahrung", False),
    ("minor_risk.age_phrase", "it", "ho quindici, solo messaggi", True),
    ("minor_risk.age_phrase", "it", "sedicenne, zona centro", True),
    ("minor_risk.age_phrase", "it", "quasi 18 anni di esperienza", False),
    ("minor_risk.age_phrase", "nl", "ik ben vijftien, alleen appen", True),
    ("minor_risk.age_phrase", "nl", "Noor, 15 jr, regio Oost", True),
    ("minor_risk.age_phrase", "nl", "nog geen 18, alleen weekend", True),
    ("minor_risk.age_phrase", "nl", "bijna 18 jaar ervaring", False),
    ("minor_risk.age_phrase", "nl", "Ik ben 16 minuten van het station", False),
    ("minor_risk.school", "en", "in year 10, free after 4", True),
    ("minor_risk.school", "en", "11th grader, weekends only", True),
    ("minor_risk.school", "en", "graduated from high school years ago", False),
    ("minor_risk.school", "en", "Driving school instructor, art school graduate", False),
    ("minor_risk.school", "fr", "je suis en seconde, dispo le samedi", True),
    ("minor_risk.school", "fr", "Quand j'étais au lycée je faisais du sport", False),
    ("minor_risk.school", "es", "estoy en 4º de la ESO, solo tardes", True),
    ("minor_risk.school", "es", "voy al insti por la mañana", True),
    ("minor_risk.school", "es", "Cuando iba al instituto hacía teatro", False),
    ("minor_risk.school", "de", "bin noch auf dem Gymnasium, nur abends", True),
    ("minor_risk.school", "de", "bin noch auf der Realschule, nur abends", True),
    ("minor_risk.school", "de", "Als ich noch in der Schule war, tanzte ich", False),
    ("minor_risk.school", "it", "faccio ancora le superiori, solo la sera", True),
    ("minor_risk.school", "it", "Quando andavo al liceo ballavo", False),
    ("minor_risk.school", "nl", "zit in havo 4, alleen weekend", True),
    ("minor_risk.school", "nl", "Toen ik op de middelbare zat, danste ik", False),
]

THIRD_PARTY_FORMS: list[Row] = [
    ("third_party_control.speaks_for_her", "en", "Her bookings are handled by the office", True),
    ("third_party_control.speaks_for_her", "en", "Don't text the lady directly, everything goes through me", True),
    ("third_party_control.speaks_for_her", "en", "Book at the front desk, ask for Mia at the door", True),
    ("third_party_control.speaks_for_her", "en", "I take my own bookings and answer my own texts", False),
    ("third_party_control.speaks_for_her", "fr", "tout passe par moi, je vous la confirme par SMS", True),
    ("third_party_control.speaks_for_her", "fr", "je gère moi-même mes rendez-vous", False),
    ("third_party_control.speaks_for_her", "es", "yo gestiono sus citas, no le escribas directamente", True),
    ("third_party_control.speaks_for_her", "es", "gestiono yo misma mis citas", False),
    ("third_party_control.speaks_for_her", "de", "Termine nur über mich, sie kann kein Telefon", True),
    ("third_party_control.speaks_for_her", "de", "Ich mache meine Termine selbst", False),
    ("third_party_control.speaks_for_her", "it", "prenotazioni solo tramite la sua agenzia", True),
    ("third_party_control.speaks_for_her", "it", "rispondo io personalmente, nessuna agenzia", False),
    ("third_party_control.speaks_for_her", "nl", "ik plan haar afspraken, niet direct bellen", True),
    ("third_party_control.speaks_for_her", "nl", "ik plan mijn eigen afspraken", False),
]

MULTIPLE_FORMS: list[Row] = [
    ("multiple_persons.several", "en", "A new face every week, see today's lineup", True),
    ("multiple_persons.several", "en", "Ana, Bea, Cleo and Dee - all here tonight", True),
    ("multiple_persons.several", "en", "Mon, Wed and Fri - all day appointments", False),
    ("multiple_persons.several", "en", "We are 5 minutes from the station", False),
    ("multiple_persons.several", "fr", "une nouvelle hôtesse chaque semaine, choisissez sur les photos", True),
    ("multiple_persons.several", "fr", "nouvelles photos chaque semaine", False),
    ("multiple_persons.several", "es", "somos tres, un solo número para todas", True),
    ("multiple_persons.several", "es", "estamos a 5 minutos del centro", False),
    ("multiple_persons.several", "de", "Jeden Tag eine neue Dame, heutige Besetzung unten", True),
    ("multiple_persons.several", "de", "Ina, Pia, Lu und Rosa – alle heute da", True),
    ("multiple_persons.several", "de", "Keine anderen Frauen bei mir", False),
    ("multiple_persons.several", "it", "siamo in tre, tutte disponibili dal pomeriggio", True),
    ("multiple_persons.several", "it", "Nessun'altra ragazza in casa", False),
    ("multiple_persons.several", "nl", "Elke dag een andere dame, kies op de foto's", True),
    ("multiple_persons.several", "nl", "Geen andere meiden bij mij", False),
    ("third_party_control.possessive", "de", "Unsere Mädels freuen sich", True),
    ("third_party_control.possessive", "it", "Le nostre signorine ricevono su appuntamento", True),
]

MOVEMENT_FORMS: list[Row] = [
    ("movement.new_in_town", "en", "Last 3 nights in Leeds, next stop York", True),
    ("movement.new_in_town", "en", "first time in Derby, here till the 14th", True),
    ("movement.new_in_town", "en", "first time in years I changed my photos", False),
    ("movement.new_in_town", "en", "I'm not just in town for a week, I live here", False),
    ("movement.new_in_town", "fr", "Derniers soirs à Lille, semaine pro à Metz", True),
    ("movement.new_in_town", "fr", "Nouvelles photos cette semaine", False),
    ("movement.new_in_town", "es", "último finde en Vigo, la semana que viene en León", True),
    ("movement.new_in_town", "es", "no soy nueva, vivo aquí desde hace años", False),
    ("movement.new_in_town", "de", "Nur kurz in Ulm, nächste Woche in Bonn", True),
    ("movement.new_in_town", "de", "Nicht zum ersten Mal in der Stadt, ich wohne hier", False),
    ("movement.new_in_town", "it", "Ultimi giorni a Pisa, poi vado a Lucca", True),
    ("movement.new_in_town", "it", "Foto nuove in arrivo", False),
    ("movement.new_in_town", "nl", "Een paar dagen in Delft, volgende week in Gouda", True),
    ("movement.new_in_town", "nl", "Niet voor het eerst in de stad, ik woon hier", False),
]

ROWS: list[Row] = [
    *AGE, *SCHOOL, *THIRD_PARTY, *MULTIPLE, *MOVEMENT, *AUTONOMY, *ETHNICITY, *YOUTH, *PRICE_TRUST_CODES, *EMOJI,
    *AGE_FORMS, *THIRD_PARTY_FORMS, *MULTIPLE_FORMS, *MOVEMENT_FORMS,
]


def _ad(lang: str, text: str) -> dict[str, Any]:
    return {"body": text} if lang == ANY else {"body": text, "lang": lang}


def _flags_of(rule_id: str, ad: dict[str, Any], entities: list[Entity] | None = None) -> list[Flag]:
    return [f for f in BOOK.evaluate(ad, entities or []) if f.rule == rule_id]


def _check_offsets(ad: dict[str, Any], flags: list[Flag]) -> None:
    for flag in flags:
        assert flag.field in ad, flag
        assert ad[flag.field][flag.start : flag.end] == flag.text, flag


@pytest.mark.parametrize(("rule_id", "lang", "text", "should_fire"), ROWS)
def test_text_and_emoji_rules(rule_id: str, lang: str, text: str, should_fire: bool) -> None:
    ad = _ad(lang, text)
    flags = _flags_of(rule_id, ad)
    if should_fire:
        assert flags, f"{rule_id} should fire on {text!r}"
        _check_offsets(ad, flags)
        rule = BOOK.rule(rule_id)
        assert all(f.category == rule.category and f.grade == rule.grade and f.weight == rule.weight for f in flags)
    else:
        assert not flags, f"{rule_id} should not fire on {text!r}: {flags}"


def test_every_text_rule_has_positive_and_negative_rows_in_each_language() -> None:
    """A rule or language added without rows fails here."""
    have: dict[tuple[str, str, bool], int] = {}
    for rule_id, lang, _text, fire in ROWS:
        have[(rule_id, lang, fire)] = have.get((rule_id, lang, fire), 0) + 1
    missing = []
    for rule in BOOK.rules:
        if rule.kind == "condition":
            continue
        for lang in rule.languages:
            for fire in (True, False):
                if not have.get((rule.id, lang, fire)):
                    missing.append(f"{rule.id} [{lang}] {'positive' if fire else 'negative'}")
    assert not missing, "rows missing: " + ", ".join(missing)


def test_rows_name_known_rules_and_languages() -> None:
    for rule_id, lang, _text, _fire in ROWS:
        rule = BOOK.rule(rule_id)
        assert lang in rule.languages, (rule_id, lang, rule.languages)


@pytest.mark.parametrize(
    "text",
    ["Duplicate ads are removed by moderators.", "duplicate", "Publication and replication of content"],
)
def test_cue_words_inside_other_words_fire_nothing(text: str) -> None:
    assert BOOK.evaluate({"body": text, "lang": "en"}, []) == []


def test_offsets_map_back_through_folding() -> None:
    """Decomposed accents, ß and upper case change the folded length; offsets still index the original."""
    body = "GRÜSSE aus Gießen! Fraîchement arrive\u0301e, Thailänderin, 16 JAHRE"
    ad = {"body": body, "title": "Neu in der Stadt", "lang": "de"}
    flags = BOOK.evaluate(ad, [])
    assert {f.rule for f in flags} >= {
        "movement.new_in_town",
        "stated_ethnicity_nationality.stated",
        "minor_risk.age_phrase",
    }
    _check_offsets(ad, flags)


# -- condition rules ---------------------------------------------------------------------


def _entity(kind: str, value: str, body: str, text: str, **attrs: Any) -> Entity:
    start = body.index(text)
    return Entity(kind=kind, value=value, field="body", start=start, end=start + len(text), text=text, attrs=attrs)


AGE_BODY = "Hi, Anna here, 16, texts only"


@pytest.mark.parametrize(("value", "should_fire"), [("16", True), ("10", True), ("17", True), ("18", False),
                                                     ("25", False), ("9", False), ("abc", False), ("", False)])
def test_stated_age_from_an_age_entity(value: str, should_fire: bool) -> None:
    ad = {"body": AGE_BODY, "lang": "en"}
    entity = Entity(kind="age", value=value, field="body", start=15, end=17, text="16")
    flags = _flags_of("minor_risk.stated_age", ad, [entity])
    assert bool(flags) is should_fire
    if should_fire:
        _check_offsets(ad, flags)
        assert flags[0].text == "16" and flags[0].category == "minor_risk"


@pytest.mark.parametrize(("age", "should_fire"), [(16, True), ("17", True), (15.0, True), (18, False), ("19", False),
                                                   (None, False), (True, False), ("sixteen", False), (-3, False)])
def test_stated_age_from_the_structured_age_field(age: Any, should_fire: bool) -> None:
    ad = {"body": "Texts only", "lang": "en", "age": age}
    flags = _flags_of("minor_risk.stated_age", ad)
    assert bool(flags) is should_fire
    if should_fire:
        (flag,) = flags
        assert flag.field == "age" and flag.text == str(int(float(age)))
        assert flag.text[flag.start : flag.end] == flag.text


PHONE_BODY = "Call 020 7946 0123 or zero two zero 7946 0456"


@pytest.mark.parametrize(
    ("attrs", "rule_id", "should_fire"),
    [
        ({"obfuscated": True}, "obscured_contact.phone", True),
        ({"obfuscated": False}, "obscured_contact.phone", False),
        ({}, "obscured_contact.phone", False),
        ({"foreign": True}, "movement.foreign_phone", True),
        ({"foreign": False}, "movement.foreign_phone", False),
        ({"obfuscated": True}, "movement.foreign_phone", False),
    ],
)
def test_entity_attr_on_phones(attrs: dict[str, Any], rule_id: str, should_fire: bool) -> None:
    ad = {"body": PHONE_BODY, "lang": "en", "country": "GB"}
    phone = _entity("phone", "+442079460456", PHONE_BODY, "zero two zero 7946 0456", **attrs)
    flags = _flags_of(rule_id, ad, [phone])
    assert bool(flags) is should_fire
    if should_fire:
        _check_offsets(ad, flags)
        assert flags[0].text == "zero two zero 7946 0456"


def test_entity_attr_on_an_obfuscated_email() -> None:
    body = "Write to anna at example dot com"
    email = _entity("email", "anna@example.com", body, "anna at example dot com", obfuscated=True)
    flags = _flags_of("obscured_contact.email", {"body": body}, [email])
    assert [f.text for f in flags] == ["anna at example dot com"]


def test_entity_with_offsets_outside_the_field_is_flagged_without_a_span() -> None:
    phone = Entity("phone", "+442079460123", "body", 500, 520, "020 7946 0123", {"obfuscated": True})
    (flag,) = _flags_of("obscured_contact.phone", {"body": "short"}, [phone])
    assert (flag.field, flag.start, flag.end) == ("", 0, 0)
    assert "020 7946 0123" in flag.text


NAMES_BODY = "Anna, Bella and Cara are waiting"


@pytest.mark.parametrize(
    ("names", "should_fire"),
    [(["Anna", "Bella", "Cara"], True), (["Anna", "Bella"], False), (["Anna", "anna", "ANNA "], False), ([], False)],
)
def test_entity_count_of_names(names: list[str], should_fire: bool) -> None:
    entities = [Entity("name", name, "body", 0, 4, name) for name in names]
    flags = _flags_of("multiple_persons.many_names", {"body": NAMES_BODY}, entities)
    assert bool(flags) is should_fire
    if should_fire:
        (flag,) = flags
        assert (flag.field, flag.start, flag.end) == ("", 0, 0)
        assert flag.text.startswith("3 distinct name values")


PRICE_BODY = "Rates: 40 euros for the hour"


@pytest.mark.parametrize(
    ("attrs", "should_fire"),
    [
        ({"amount": 40.0, "currency": "EUR", "minutes": 60}, True),
        ({"amount": 25.0, "currency": "EUR", "minutes": 30}, True),
        ({"amount": 40.0, "currency": "EUR"}, True),  # minutes default to 60
        ({"amount": 100.0, "currency": "EUR", "minutes": 60}, False),
        ({"amount": 40.0, "currency": "EUR", "minutes": 30}, False),  # 80 an hour
        ({"amount": 40.0, "currency": "USD", "minutes": 60}, False),  # another currency is not compared
        ({"amount": True, "currency": "EUR", "minutes": 60}, False),
        ({"amount": 40.0, "currency": "EUR", "minutes": 0}, True),  # no duration: the default hour
        ({"amount": -5.0, "currency": "EUR", "minutes": 60}, False),
        ({"amount": 20.0, "currency": "EUR", "minutes": None, "fee": True}, False),  # a deposit is no rate
        ({"amount": 20.0, "currency": "EUR", "minutes": None, "fee": False}, True),
        ({"amount": 15.0, "currency": "EUR", "minutes": 60, "fee": False, "wage": True}, False),  # pay for a job
    ],
)
def test_price_below(attrs: dict[str, Any], should_fire: bool) -> None:
    price = _entity("price", "40", PRICE_BODY, "40 euros", **attrs)
    flags = _flags_of("low_price.rate", {"body": PRICE_BODY}, [price])
    assert bool(flags) is should_fire
    if should_fire:
        _check_offsets({"body": PRICE_BODY}, flags)


def test_every_rule_has_a_test() -> None:
    tested = {row[0] for row in ROWS} | {
        "minor_risk.stated_age",
        "obscured_contact.phone",
        "obscured_contact.email",
        "movement.foreign_phone",
        "multiple_persons.many_names",
        "low_price.rate",
    }
    assert {rule.id for rule in BOOK.rules} <= tested


def test_flags_are_sorted_and_unique() -> None:
    ad = {"title": "New in town", "body": "Two girls, she is available 24/7, cheap, discreet and professional 🌹"}
    flags = BOOK.evaluate(ad, [])
    keys = [(f.field, f.start, f.rule, f.end) for f in flags]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


# -- generated documentation -----------------------------------------------------------------


def test_committed_rules_doc_is_up_to_date() -> None:
    from unveil.indicators.docs import render

    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(), "docs/rules.md is stale: run `python -m unveil.indicators.docs > docs/rules.md`"
