"""Issue 14 item 3, "ReDoS holding the GIL": every recogniser that reads user text is linear.

The PII e-mail pattern took ~40 s on one 200,000-character word, holding the GIL and so freezing every session of
the server. Here every recogniser runs on adversarial 200,000-character inputs, and every regular expression the
services compile runs on adversarial 20,000-character ones; a backtracking pattern takes seconds to minutes on them,
a linear one milliseconds. Each bound is on the CPU time of the calling thread (time.thread_time), which C regex
code counts and other processes on a loaded machine do not; the bounds are loose on purpose. The figures of record
live in docs/benchmarks.md.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import os
import pkgutil
import re
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import services
from services import assist, escalation, injection, privacy
from services.adapters.local import kb_search, language, replies, sentiment_cues, sentiment_features
from services.adapters.local.entities import RuleEntityExtractor
from services.adapters.local.intent_features import normalize
from services.adapters.local.pii import RegexPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.adapters.local.sentiment import CUES_FILE, data_file
from services.bootstrap import Services, build_services
from services.config import Settings
from services.escalation import EscalationSignals
from services.text import MAX_MESSAGE_CHARS, clean_text, plain_for_models
from services.validation import clean_field

N = MAX_MESSAGE_CHARS
UNITS = ("<!--", "<span hidden>", "ignore all ", "\u202e", "a\u200b", "\U000e0041", "QUFB", "![", "you are now ", "word then at", "digits then letter", "a", "a_", "a.", "a-", "@", "a@", "a@b.", "x.y@", "1", "1 ", "1-", "1.", "1,", "1/", "$1", "+1 ", "(1)",
         " ", "\n", "\n \n", "[", "[a](", "](", "**", "`", "<a ", "#", "# ", "- ", "1. ", "http://", "www.", "BW",
         "order ", "my name is ", "Aa ", "A", "'", "!", "?", "é", "😡", "card ", "cvv ", "exp ",
         # session 9's PII rules: digits read out, "dot"-spelled e-mails, postcodes after their name, lone first names
         "one ", "oh, ", "1 - ", "a dot ", "zip 1", "Le Thi ", "Maria ", "Thanks & regards,\n",
         "Calle 1 # ", "AB1 2", "Name: AB, ", "a @ b . ",
         # session 10's: streets without a number, "--" signatures, titles after a cue, spoken postcodes
         "Aa Lane, ", "--\nAa ", "Contact: Revd ", "owner is a ", "B 1 2 ", "Thanks, Aa de ",
         # session 11's: lines before a postcode, units, residence words, lower-case names, businesses, sellers
         "Aa y Aa, ", "1 Aa, ", "flat 1, ", "live at Aa ", "is a ", "thanks a", "a from the ", "Aagade 1 ",
         "Postfach 1 ", "bought a from ", "Aa & ", "Aa Bar ", "in my a's name ", "a arobase ", "Aaplatz, ",
         # session 13's second part: bank details, national IDs, dates of birth
         "account ", "acc no 1", "12-34-56 ", "AB 12 ", "12345678", "DNI 1", "BSN ", "PPS 1", "AAAAAA00", "DOB ",
         "born on ", "date of birth?\n", "1 March ", "the first of ", "nineteen ",
         # session 14's: spaced digits, units after a street, hyphenated streets, lower-case postcodes, CPFs, names
         "0 1 ", "1   ", "Aa-Aa-", ", 1. OG, ", ", bajo ", "a 1, a1 1aa ", "123.456.", "CPF 1", "1.1 at ",
         "payee a. ", "name on it a ", "c'est a ", "soy a de la ",
         # session 14's second part (blind 15): dialogue answers, spoken dates, slash cards, units and buildings,
         # provinces, spoken districts, label names, double first names, relatives after "is"
         "BSN?\nA: ", "nif a a?\nA: sim, ", "surname?\nA: Aa, ", "geburtsdatum a?\nA: ", "veinte de ", "del noventa y ",
         "1111/", "Flat 1, Aa ", "Apt 1, The Aa, ", ", 1ºA", "1 Aa (A) ", "A A twenty ", "ship to: Aa Aa, 1",
         "Aa-Aa ", "my wife is Aa ", "grazie per la ", "hola q ",
         # session 14's third part (blind 16): spelled names and postcodes, spoken underscores, floors, card names,
         # months after a relative, desks before a unit, a name as a verb
         "A-", "A-A-", "O apostrophe A-A-", "A-one, ", "a underscore ", ", 3e ", "1 rue de Aa, 1e ", ", 1-",
         "name on card AA ", "AA A ", "my son May ", "Reception, ", "Block A, ", "can you Aa me ", "DOB 1 May, sixty-",
         # session 16's first fixer (session20a): passports, cards and IDs after their names, long accounts, birth
         # cues, sign-in IPs, address tails and layouts, form fields, holders and titles
         "passport a ", "card 4111 ", "ID 1", "BVN 1", "11.11.11-", "11 111111 A ", "tarjeta sanitaria A ",
         "account no 1 ", "bank ", "Ag. 1 ", "date of birth is ", "birth?\nA: a, ", "nato a Aa il ",
         "login from 1.", "Aa Aa Markt 1, ", "huisnummer 1", "Aa, Co. Aa\n", "A11 AAAA\n", "Blk 1 Lot 1, ",
         "Brgy. Aa ", "Segurado: Aa ", "intestato a Aa ", "Nurse Aa ", "Mrs. Van de ", ", apto 1", ", Aa.",
         ", Aa/AA", " boîte 1", ", 1. OG links", "\n1111 Aa", "Herr Dr. ", "ref. 1 ", "Aa GmbH ",
         "Aa-aa Kim ", "who Aa Aa ", ", Aa Aa", "my name a ", "sou o Aa ", "maman d'Aa", "LG Aa ", ". Aa – 1",
         "conta AA11 ", "Aa de los Aa", "account 111111 (", "stop in Rua ", "Aa 👋 ",
         # session 16 (blind20b): transcripts' dates of birth, postcodes, first lines, names, spelled names, IDs
         "date of birth\nA: ", "birth the first of may ", "a b one, two c d ", "address a b one ", "flat one, ",
         "number one a road, ", "twenty one a road, a, ", "and your name\nA: a ", "its a a ", "my wife a ",
         "the engineer will be a ", "a on your team ", "doctor a ", "name is a ", "mr a a ", "a speaking ",
         "thank you for calling a this is a ", "a as in a, ", "a for a ", "a b, c d ", "a hyphen b ", "a-a-a-a ",
         "a b c d ", "a dot a at a ", "national insurance a b one ", "pps one ", "social\nA: one ",
         "sort code account one ", "card one, ", "plus one ", "Aa (bot) ", "I'm Aa, the Aa assistant ",
         # session 21a (pii21fa): cards, sort codes, spoken postcodes and Eircodes, IDs, dates of birth, names, filters
         "card 4111 ", "card 4111  1111 ", "card number\nA: one two three four\n", "card one two um one ",
         "sort code twenty, thirty two, ", "account 1111111111 bank ", "postcode a as in a, b ", "postcode a one b, ",
         "eircode\nA: a one, ", "hkid A1 ", "NRIC S1 ", "PAN AAAPA1 ", "GHA-1", "nhs 111 ", "date of birth 1/1/1990 ",
         "mr and mrs a ", "my mum a a ", "lady called a ", "my name is a ", "patient Aa Aa ", "Patient: ",
         "Aa & Aa Aa ", "letter\nA: its a, one ", "a lady called aa aa ", "hp 9111 ", "one two three four five six seven extension one ",
         "House 1, a, ", "gps address AA-111-", "passport number\nA: a, one ", "date of birth feb first ", "Aa No.",
         "Valentine's ", "a tower ", "social security\nA: one two, sixty ", "insurance a as in a, b ", "Room 1, Aa Hall, ",
         "hi its a a ", "one a road, a a thats ", "acct 11111111 gas ", "Aa\n", "Md. Aa ", "birth one, two, ",
         "address\nA: one, a, ")
# session 17's fixer pii21fc (blind21c): reference and supply-point cues, year-opened numbers, company tax cues, sites
# and crossings, UK areas, bodies before and in names, journeys, countries after, products, quantities and volumes,
# authors, team signatures, chat parties, German nouns, streets after, titles; the tagger's cashtags and model numbers
UNITS += ("allocataire 1 ", "PDR 1", "2026-1", "NIF da empresa 1 ", "de la place Aa ", "incrocio via Aa / ", "AA1 1AA ",
          "Centre Aa Aa ", "Aa van Bakkerij ", "voyage à Aa ", "trein stil bij Aa ", "in Aa, Aa ", "la poussette Aa ",
          "1 x Aa ", "Aa 1 ml ", 'book "a" by Aa ', "L'équipe Aa ", "Loja: ", "Aageld ", "Aa Straße ", "dr hab ",
          "med Aa ", "AA\nAa ", "$AA ", "#AA http ", "aA ", "Aa Card ", "contract bij Aa ", "Aa: a\n", "Aa : a\n",
          "Fecha nac.: 1", "nascida a 1 de ", "Aa ist am 1.1.", "prof.ssa Aa ", "Pani Aa ", "Pozdrawiam, Aa ",
          "utente SNS 1", "n° SS 1 ", "passport AAA1", "PLZ / Ort: 1111 Aa ", ", 1. OG ", "1111111, no sorry 1",
          "AA11 1111 ")
# session 17 (mine): a sign-off's name before a link; an IBAN read word by word
UNITS += ("regards,\nAa link ", "regards, Aa https://a ", "thanks - Aa www.", "AA11 1111 a ", "iban AA11 1111 a ")
UNITS += ("właściciel Aa ", "se llamaba Aa ", "Aa Aa / 1", "1. Aa Aa", 'From: "Aa Aa" <a', "Aa (1/1/1999) ",
          "Dr Aa van ", "Aa Pharmacy, Aa\n", "3-bed, Aa Way\n", "Hund Aa ", "praxis Dr. Aa ")  # session26b
# session 18, fixer pii22fa: e-mails read out word by word; numbers read out after their cue; pairs; word dates
UNITS += ("a at a dot ", "a b at a a dot a ", "a dot ", "iban a ", "dni\nA: ", "ssn is one ", "one dot ",
          "cuarenta y ", "soixante-dix-", "zéro un, ", "vingt et un, ", "né le un ", "geburtsdatum\nA: dritter ",
          "date of birth\nA: one ", "one, ", "le atiende a ", "agent: a a speaking ", "votre nom\nA: a ",
          "agent: a ", "Versicherten-Nr. A1", "birthday 1 may ", "birthday 1st of ")
# session 18's fixer pii22fc (blind22c): national numbers, RIBs and accounts after their names, eight-digit mobiles,
# header names, professional titles, closing names before a phone, Polish/Ukrainian/Turkish addresses; the filters'
# register cues, CUITs, digit runs, legal forms, shops, marketplaces, particles, acronyms, buildings, routes, units
UNITS += ("aadhaar 1111 ", "pesel 1", "11111-1111111-", "CIN A1", "ID No 1", "RIB 11 ", "rekening AA 1", "9111 1111 ",
          "Aa Aa 9111 ", "To: Aa Aa <a@", "a CA Aa ", ". Aa Aa 1", "os. Aa 1", "vul. Aa 1, kv. 1, ", "Aa Caddesi No:1 ",
          "TIN 1", "CUIT 30-", "1.1 1 ", "Aa Co., Ltd", "Aa & Aa Ltd", "toko Aa ", "sell on Aa ", "Van der Aa ",
          "Dear BCDFG", "Aa Tower, Aa", "Aa–Aa", "No. 1 ", "1-1, 1 ", "Aa 111-1111")
# session 18's second round, fixer pii23fa (blind23): phones cut by a line break, DOB cues of Turkish/Polish/Portuguese/
# Dutch, Turkish identity numbers, USIs, licence numbers in groups; the filters' speaker brands, IMEIs, dates after names
UNITS += ("Aa Aa 1.1.1111, kids Aa 1.1.", "tel 11\n", "11 11\nAa: 11 ", "(11) 11-\n", "doğum tarihi 1.1.1", "ur. 1 lutego ", "TC 1", "T.C. kimlik no 1",
          "USI A1", "licence no 11 111 ", "@AaAa\nAaAa: ", "IMEI 1", "müşteri no 1", "Aa Aa, 1.1.", "Aa\n[1:11] Aa: 1")
# session 18's second round, fixer session23b (blind23b/23c): passports in a list, IP fields, short-month and answered
# birth dates, DNIs and codici fiscali after their cue, an SSN's last four; firms' legal forms and trades
UNITS += ("passports are A1111111 and ", "passport no.: A1", "visitor_ip: 1.1.1.", "visitor_ip: a:a:", "came from 1.",
          "dob 1-Feb-", "geburtsdatum\nA: 1.1.", "dni\nA: 1111111", "codice fiscale AAAAAA11A11A", "last four of ssn 1",
          "Aa Aa GmbH ", "Aa Aa Bank ", "Viajes Aa ", "Aa Bygg AB ", "service desk on 0111 111 1111 ", "account 111 111 1111 ")
# session 19, fixer session24c (blind24c): IP lists and "from", usernames, spelling fixes, relatives, kids, families,
# nicknames, greetings, roles, "Dela" surnames, self-introductions, name lines, iqama/NHI/MBI, cards with an expiry,
# bday, corrected passports, an answered last four, US and Korean addresses; the filters' legal forms, pets, hotels
UNITS += ("ips 1.1.1.1, ", "ip 1.1.1.1\n", "from 1.1.1.", "allowlist: a:a:", "user a.aa ", "its Aa not Aa ",
          "name Aa , not ", "shes Aa Aa ", "my kids Aa, ", "my 2 kids Aa  and ", "Aa family ", "a's mum ",
          "everyone calls me a ", "hey aa! ", "seller aa a ", "Aa Dela Aa ", "soy aa aa ", "aa aa\n1 a",
          "Aa Aa  , dob ", "iqama 1", "nhi AAA1", "mbi 1A", "1111 1111 1111 1111 exp 1", "bday 1/1/",
          "passport 111111 sorry  ", "last four of your social\nA: 1", "Aa AA 11111\n", "1 Aa\nAa AA 11111\n",
          "서울특별시 마포구 1로 1", "받는 사람 ", "Aa SA de ", "Aa de Aa ", "my dog ", "Aa\nAa Aa\n", "2nd of feb 1",
          "Hotel Aa ", "\nCustomer: 11111\nAgent Aa: ")
# session 19, fixer session24b (blind24b): local passport, IP, CBU, CRN, birth and address cues, spelled names, Spanish
# number words, and the filters' triggers (amounts in addresses, units after addresses, dashes before dates)
UNITS += ("pasaporte es A", "my IP is 1.1.1.", "moje IP to ", "CBU 1", "CRN 1111-1111111-", "last four: 1", "nací el 1 de ",
          "nací el nueve de ", "Geburtsdatum. Richtig ist der ", "Aa Sokak No: 1 Daire: ", "Aa Mah. 1. Sokak ", "1111 AA, huisnummer ",
          "M. Aa ", "Naam Aa ", "sou eu, Aa ", "mamma di Aa ", "Nachbar „Aa", "Freundliche Grüsse\nAa ", "j'habite Aa 1, ",
          "A come Aa, ", "doppia a ", "número es uno, ", "cuarenta y ", "1.111,11 TL ", "Aa 1, app. 1", "Aa — 1/1/1",
          "bestelnummer 1", "rue de Aa 1, ", "Dirk, ", "Anton Berta ")
# session 19, fixer session24a (blind24): speech transcripts' intros, openings, titles with particles, name questions,
# thanks at a turn's end, spoken DOBs, bank and national numbers, addresses and phones read out; the filters' cues
UNITS += ("this is a ", "this message is for uh a ", "hi its a ", "its for a a ", "my mum a shes a a ", "A: a here\n",
          "mr van a ", "whats your name\nSpeaker 1: a ", "full names\nA: a a ", "name a a\n", "A: thanks a\n",
          "march one nineteen ", "date of birth one one oh one ", "account number one ", "sort code one, ",
          "roll number a one ", "bank ", "address\nA: one a a bank, ", "one one a a ohio one one ", "voicemail from 1 ",
          "call me on 1 one ", "oh one one one sorry no ", "A: one road, a ", "k for a, ", "a a one ", "pps number one ",
          "sss number one dash ", "card one one one one, then ", "building a apartment one ", "a sorry a ",
          "meter number one ")
# session 20, fixer session25a (blind25): passports with a closing letter, year-first DOBs, nationalities' IDs,
# Singapore units and postcodes, parcel lockers, 4-4 phones, household roles, Herrn, thanks, French self cues with a
# particle; the filters' account, "…nummer", bill, films, street-before-name, gerund, German noun, CPA and digit groups
UNITS += ("passport a ", "passport A1111111A ", "DOB 1111/1/", "Aaaan ID 11 111 ", "national ID 1", "#11-11 singapore ",
          "Singapore 111111 ", "S(111111) ", "Packstation 1, 11111 Aa", "line 1111 ", "Tenant Aa Aa ", "tenant: Aa Aa ",
          "Herrn Aa Aa ", "merci à Dr. Aa ", "grazie a Aa Aa per ", "c aa de aa ", "c aa de la aa, ",
          "account number is AA 1111 1111 ", "Postnummer 111111111 ", "bill Account 11111111 ", "Aa Aa his films ",
          "Aa St W. Aa ", "I'm aaaing from ", "gibt es in Aa ", "Aa 1, A1111AAA Aa Aa ", "bank account 111111111 11 ",
          "Postnummer 111111, Aa ")
# session 20, fixer session25b (blind25b): numbers after an account's, a customer's or a student's cue, readings, a
# flat "on" a street, firms and departments, "Ta", "Mr Can …", a signature's name line, address blocks, people-named firms
UNITS += ("account (number 1", "acct there is 1 ", "numéro étudiant 1", "account AA 1", "compte 1 ", "Account 11111111. ",
          "reads: A 11111, ", "flat on Aa ", "Aa & Aa Aa LLP ", "Aa Design ", "Thanks, Facilities ", "Thanks Ta, ",
          "Mr Can Aa ", "regards\nAa Aa Aa\n", "Aa Aa\n1 Aa Road\nAa AA1 1AA\n", "Aa, 1 Aa Road, Aa AA1 1AA\n", "Aa\n",
          "Aa House\nAa Lane\n", "from John Lewis ", "Aa, Ray White Aa\n")
# session 20, fixer session25c (blind25c): Kenyan IDs and KRA PINs, PhilSys, "acc" and "from my account", mixed
# passports, lower-case US, Indonesian, Japanese and Singapore addresses, Arabic and thanked names, quoted staff; the
# filters' handles, seasons, game prices, shops, trades, events, Brazilian and Singapore tails, Lekki phases, hotels
UNITS += ("ID no 1", "kra pin A1", "philsys no 1111 ", "acc no 1", "from my account 1", "passport A1", "apt 1a 1 a ",
          "1 a a ny 1", "Jl. Aa No. 1 RT 1 ", "東京都世田谷区1-", "Blk 1 Aa ", "اسمي ا", "thx aa from ", 'agent ("Aa',
          "Aa season 1", "Aa 1 gems ", "parcel from Aa ", "Aa's Tacos ", "Aa concert ", "is @a.a ", "Aa AA 11111-",
          "Aa Singapore 111111", "Aa Aa Phase 1", "Hotel Aa room 1", "1 Aa Aa ", "my friend a ", "addy: flat 1 a ",
          "Singapore 111111\n", "\n#11-111\n", "a @a.a.a ", "my mans a ", "ur rider a ", "pan AAAPA1", "aa 1111 a ", "blk 1 lot 1 a ", "house 1 street 1 a-1/",
          "lot 1 ")
# session 20 second round, fixer session26a (blind26): businesses and figures named after people, products and plans,
# pizzas, towns after "in"/"at", firms after an owner, carriers' parcel numbers, till numbers, "the 1st of", parishes
UNITS += ("Tim Hortons ", "Kobo Aa ", "Aa Bundle ", "pizza Aa ", "in Hamilton ", "Aa van Aa Aatechniek ", "BRT 1111 ",
          "till number 1111111 instead of ", "paybill ", "the 1st of Aa 1111 ", ", St. Catherine ", "SIN 111-111-111 ",
          "ID 880612 1111 111 ", "assurance maladie AAAA 1111 1111 ", "₹ 6111111111 ")
UNITS += ("card 1111 1111 and 1111 1111 ", "number's 11 1... 11 ", "the rest is 11 then ", "tel 11 / 11 / ",
          "the Aa office chair ", "device Aa 1", "concert at Aa ", "Aa Aa Tiles ", "I'm Aa-aa ")  # session 26c
UNITS += ("account 111-11111-1 ", "account 11-1111-1111111-11 ", "transit institution acct 1111111 ",
          "CLABE 111 111 11111111111 1 ", "NUBAN 1111111111 ", "conta 11111-1 ", "1 Jan Aa to ", "speaker 1: ",
          "Aa Mobile ", "reference A A one two oh ", "account number ")  # session 27
# The 200,000-character run uses the units that stressed some recogniser in the full scan (all UNITS at 20,000).
LONG_UNITS = ("word then at", "digits then letter", "a", "a_", "@", "a@b.", "1 ", "1/", "$1", "[a](", "\n", "`", "😡", "word then at",
              "<!--", "<span hidden>", "ignore all ", "\u202e", "a\u200b", "\U000e0041", "QUFB", "![", "you are now ",
              # not "Maria " (a name 33,333 times): linear, but 1.0-1.3 s at 200,000 characters on main as on
              # session 9's branch at load 9 (0.7 s at 100,000), so over ONE_CALL_S; its 20,000 run is above
              "one ", "a dot ")
# a 200,000-character input, one recogniser: the heaviest linear ones (entities on "1 " × N, the intent pipeline's
# head on markup) take 0.3 s of CPU alone and up to 0.6 s while the suite's other processes share the cores (CPU time
# grows under contention); a quadratic one takes tens of seconds, so 1 s still tells them apart
ONE_CALL_S = 1.0
# the local PII detector runs some 300 linear rules over the whole message (every session's fixers add some): 0.7-0.9 s
# of CPU on "1 " × 100,000 on a quiet machine in session 16 (0.62 s in session 15), 1.02-1.03 s (the least of three
# tries) in CI and in the suite here; a backtracking rule takes tens of seconds, so 2 s still told them apart. Session
# 34: 1.87-2.06 s on session 33's final code (e47bb6d) and on session 34's alike, quiet (pii_ids.find_labelled_ids
# alone 0.57 s of it), so the least of three tries met 2.01 s once in the suite; 3 s still tells a linear detector
# from a backtracking one. Session 40: 2.9 s on e38b8e5 and 3.12 s with the session's merges on "1/" × 100,000, quiet
# (0.78 s on 50,000 characters, 1.6 s on 100,000: linear; pii_ids.find_labelled_ids 0.6 s of it), so the bound is 4 s;
# a quadratic rule still takes tens of seconds
PII_CALL_S = 4.0
CALL_BOUNDS = {"pii (local: Presidio + NER + rules)": PII_CALL_S,
               "pii (local, with the CRF tagger: the pii_crf setting)": PII_CALL_S}
# a 20,000-character input, one pattern: the slowest linear ones take 0.056 s (pii_rules._CUE), the incident's
# quadratic e-mail pattern 0.23-0.27 s on this machine (session 16; the old bound, 0.25, let it pass one run in three),
# other quadratic ones 1-20 s, the cubic one minutes
ONE_PATTERN_S = 0.15


def adversarial(n: int, units: tuple[str, ...] = UNITS) -> Iterator[tuple[str, str]]:
    for unit in units:
        if unit == "word then at":
            yield unit, "a" * (n - 1) + "@"
        elif unit == "digits then letter":
            yield unit, "1" * (n - 1) + "a"
        else:
            yield unit, (unit * (n // len(unit) + 1))[:n]


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Services:
    services = build_services(Settings(db_path=str(tmp_path_factory.mktemp("redos") / "frontline.db")))
    assist.analyze_message(services, "warm-up: where is my order?")  # the models load once, outside the timings
    return services


def recognisers(services: Services) -> dict[str, Callable[[str], object]]:
    settings = services.settings
    cues = sentiment_cues.EmotionCues(data_file(settings.resolve(settings.data_dir), CUES_FILE))
    pii = RegexPiiDetector()
    return {
        "pii (regex)": pii.find,
        "pii (local: Presidio + NER + rules)": PresidioPiiDetector().find,
        "pii (local, with the CRF tagger: the pii_crf setting)": PresidioPiiDetector(crf=True).find,
        "payment data": privacy.redact_payment_data,
        "known names": lambda t: privacy.known_name_spans(t, ["Dana Reyes-Ortiz", "Ana"]),
        "entities": RuleEntityExtractor(settings).extract,
        "language cleaning": language.clean,
        "language": services.get("language").detect,
        "sentiment cues": cues.scores,
        "sarcasm cues": cues.sarcasm,
        "sentiment features": sentiment_features.normalise,
        "sentiment": services.get("sentiment").analyze,
        "intent features": normalize,
        # The intent model reads what the pipeline gives it, the first ANALYSIS_CHARS (its n-gram features grow
        # faster than linearly: ~1.3 s of CPU on 80,000 emoji; the pipeline never passes it that much).
        "intent (pipeline head)": lambda t: services.get("intent").classify(t[:assist.ANALYSIS_CHARS]),
        "kb query": lambda t: services.get("search").search(t, 3),
        "kb markdown": kb_search.split_passages,
        "escalation cues": escalation.cue_rules,
        "escalation": lambda t: escalation.decide(EscalationSignals(text=t), settings),
        "text cleaning": clean_text,
        "markup for models": plain_for_models,
        "short field": lambda t: clean_field(t, "subject", N),
        "public reply": replies.public_safe,
        "prompt-injection check": injection.scan,
        "text for models": injection.for_models,
    }


def test_redos_every_recogniser_reads_200000_hostile_characters_in_under_half_a_second(local):
    assist.ensure_kb_index(local)
    slow = []
    for name, recognise in recognisers(local).items():
        for unit, text in adversarial(N, LONG_UNITS):
            bound = CALL_BOUNDS.get(name, ONE_CALL_S)
            seconds = least_cpu_seconds(recognise, text, bound=bound)
            if seconds > bound:
                slow.append(f"{name} on {unit!r}×: {seconds:.2f} s")
    assert slow == []


def least_cpu_seconds(recognise: Callable[[str], object], text: str, tries: int = 3, bound: float = ONE_CALL_S) -> float:
    """The CPU time of one call; over the bound, the least of `tries` calls. A backtracking recogniser is slow on
    every try; a linear one that met a busy moment (CI's 2 cores shared with the other xdist worker: 1.02 s once on
    the local PII detector's "1 "×, 0.62 s quiet) is not slow on the next."""
    best = float("inf")
    for _ in range(tries):
        started = time.thread_time()
        try:
            recognise(text)
        except services.errors.ServiceError:
            pass  # refusing is fine; taking forever is not
        best = min(best, time.thread_time() - started)
        if best <= bound:
            break
    return best


def test_redos_a_recogniser_slow_on_every_try_is_still_reported():
    """The retry above cannot hide a slow recogniser: one that spends 1.5 s of CPU on every call stays over the bound."""
    def slow_recogniser(text: str) -> None:
        started = time.thread_time()
        while time.thread_time() - started < ONE_CALL_S * 1.5:
            pass

    assert least_cpu_seconds(slow_recogniser, "x") > ONE_CALL_S


def compiled_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled regular expression at module or class level in the services package (and in dicts/lists
    there), plus the ones built from data files (emotion cues, product names)."""
    found: dict[str, re.Pattern[str]] = {}

    def collect(value: object, name: str, depth: int = 0) -> None:
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found[name] = value
        elif isinstance(value, dict) and depth < 2:
            for key, item in value.items():
                collect(item, f"{name}[{key!r}]", depth + 1)
        elif isinstance(value, list | tuple) and depth < 2:
            for i, item in enumerate(value):
                collect(item, f"{name}[{i}]", depth + 1)

    for info in pkgutil.walk_packages(services.__path__, "services."):
        if info.name == "services.__main__":
            continue
        module = importlib.import_module(info.name)
        for key, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for attribute, item in vars(value).items():
                    collect(item, f"{info.name}.{key}.{attribute}")
            else:
                collect(value, f"{info.name}.{key}")
    settings = Settings()
    cues = sentiment_cues.EmotionCues(data_file(settings.resolve(settings.data_dir), CUES_FILE))
    for emotion, emotion_cues in [*cues.cues.items(), ("sarcasm", cues.sarcasm_cues),
                                  ("sarcasm_in_context", cues.context_sarcasm_cues), ("problems", cues.problem_cues),
                                  ("resolved", cues.resolved_cues)]:
        for i, (pattern, _) in enumerate(emotion_cues):
            found[f"emotion cue {emotion}[{i}]"] = pattern
    products = RuleEntityExtractor(settings).products.pattern
    if products is not None:
        found["product names"] = products
    return found


# Since session 24: the check below took 1,466 s of the whole suite's 1,606 (1,316 patterns × 628 inputs of 20,000
# characters, half of the suite's CPU). How long a pattern takes on an input depends on its source, its flags and the
# regex engine only, so a pattern found linear on the first k inputs of UNITS (UNITS only grows at its end) under the
# same Python minor version is not run on them again: VERIFIED_FILE keeps "<key of version, flags and pattern> <k>
# <key of UNITS[:k]>" a line. A new or changed pattern, and every pattern on the inputs added after its k, runs as
# before. `FRONTLINE_REDOS_RECORD=1 .venv/bin/python -m pytest tests/adapters/local/test_redos.py -k compiled` runs
# the check on everything not yet verified and, when it passes, rewrites the file (commit it with the new patterns).
VERIFIED_FILE = Path(__file__).with_name("redos_verified.txt")


def pattern_key(pattern: re.Pattern[str]) -> str:
    said = f"{sys.version_info.major}.{sys.version_info.minor}\0{pattern.flags}\0{pattern.pattern}"
    return hashlib.sha256(said.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def units_key(units: tuple[str, ...]) -> str:
    return hashlib.sha256("\0".join(units).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def verified(path: Path = VERIFIED_FILE) -> dict[str, tuple[int, str]]:
    """pattern key -> (how many of UNITS' first inputs it was found linear on, the key of those inputs)."""
    if not path.exists():
        return {}
    rows = (line.split() for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    return {key: (int(count), prefix) for key, count, prefix in rows}


def first_unverified(pattern: re.Pattern[str], known: dict[str, tuple[int, str]], units: tuple[str, ...] = UNITS) -> int:
    """The index in `units` from which the pattern must still be run: 0 unless it was found linear on a prefix of
    today's units under this Python."""
    count, prefix = known.get(pattern_key(pattern), (0, ""))
    return count if count <= len(units) and prefix == units_key(units[:count]) else 0


def test_redos_a_verified_pattern_is_run_again_on_new_inputs_only_and_a_changed_one_on_all():
    pattern = re.compile(r"(?:ab|cd)+x")
    known = {pattern_key(pattern): (3, units_key(UNITS[:3]))}
    assert first_unverified(pattern, known) == 3
    assert first_unverified(re.compile(r"(?:ab|cd)+y"), known) == 0  # another source
    assert first_unverified(re.compile(r"(?:ab|cd)+x", re.IGNORECASE), known) == 0  # other flags
    assert first_unverified(pattern, {pattern_key(pattern): (3, units_key(UNITS[1:4]))}) == 0  # the units changed
    assert first_unverified(pattern, known, ("x", *UNITS)) == 0


def test_redos_every_compiled_pattern_in_services_is_linear_on_hostile_text():
    patterns = compiled_patterns()
    assert len(patterns) > 60  # the scan found them
    inputs = list(adversarial(20_000))
    known = verified()
    slow, done = [], {}
    for name, pattern in sorted(patterns.items()):
        key = pattern_key(pattern)
        if key in done:
            continue  # the same pattern under another name
        for unit, text in inputs[first_unverified(pattern, known):]:
            seconds = least_cpu_seconds(lambda t, p=pattern: [*p.finditer(t)], text, bound=ONE_PATTERN_S)
            if seconds > ONE_PATTERN_S:
                slow.append(f"{name} on {unit!r}×: {seconds:.2f} s")
        done[key] = name
    assert slow == []
    if os.environ.get("FRONTLINE_REDOS_RECORD") == "1":
        prefix = units_key(UNITS)
        VERIFIED_FILE.write_text(
            "# test_redos.py: patterns found linear on the first N inputs of UNITS (pattern key, N, key of those inputs)\n"
            + "".join(f"{key} {len(UNITS)} {prefix}\n" for key in sorted(done)), encoding="utf-8")


_KEYS_SCRIPT = """
import json, sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import test_redos
print(json.dumps({name: test_redos.pattern_key(p) for name, p in test_redos.compiled_patterns().items()}))
"""


def test_redos_every_pattern_is_the_same_in_every_process():
    """A pattern built from a set in its iteration order (sorted by length only) had another source in each process
    (string hashing is salted per process), so it was never found among the verified ones and CI ran it afresh and
    timed it: _CLOSING_LINE at 0.16 s on 20,000 spaces failed the suite (session 47). Two hash seeds, the same keys."""
    import json
    import subprocess

    here, root = str(Path(__file__).parent), str(Path(services.__file__).parent.parent)
    keys = []
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", _KEYS_SCRIPT, here, root], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": seed}, cwd=root).stdout
        keys.append(json.loads(out))
    assert len(keys[0]) > 60
    assert sorted(name for name in keys[0] if keys[0][name] != keys[1].get(name)) == []


def test_redos_the_old_email_pattern_is_caught_by_this_test():
    """The check can fail: the pattern of the incident, on 20,000 characters, is far over the bound."""
    old = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
    assert least_cpu_seconds(lambda t: [*old.finditer(t)], "a" * 20_000, bound=ONE_PATTERN_S) > ONE_PATTERN_S


def test_redos_a_short_request_is_served_while_a_200000_character_message_is_analysed(local):
    """The server stays responsive: while one thread analyses the longest message allowed, another thread's short
    analysis is not held up behind it (nothing holds the GIL for long)."""
    long_texts = [text for unit, text in adversarial(N) if unit in ("a", "a_", "@", "1 ", "[a](", "\n")]
    done = threading.Event()

    def long_analyses() -> None:
        try:
            for text in long_texts:
                try:
                    assist.analyze_message(local, text, "email")
                except services.errors.ServiceError:
                    pass
        finally:
            done.set()

    worker = threading.Thread(target=long_analyses)
    worker.start()
    latencies = []
    try:
        while not done.is_set() and len(latencies) < 20:
            started = time.perf_counter()
            assist.analyze_message(local, "hi, where is my order BW-100200?")
            latencies.append(time.perf_counter() - started)
    finally:
        worker.join(timeout=120)
    assert latencies, "the long analyses finished before a short one could run"
    assert statistics.median(latencies) < 0.2, [round(s, 3) for s in latencies]
