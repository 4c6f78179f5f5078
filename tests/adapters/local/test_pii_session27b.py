"""Session 21 short round, fixer session27b (blind27b: voice transcripts read aloud; es/fr/de/pt/it/nl/pl and mixed
Spanglish/Hinglish/Taglish messages).

What the local detector must mask: a phone or card number read aloud in pieces split by a pause ("..."), dates of birth
after a plural cue and a date of birth read digit by digit, a national insurance or driving licence number spelt with
letter names, a German identity card number after "Ausweisnummer", a Tagalog self-introduction ("ako po si …"), a
spoken e-mail read back after "I've got" or with commas between its pieces, the surname said back after a
spelling-alphabet run, the answer naming the lead passenger, a name before a date of birth ("he's Ambrose, date of
birth …"), a hyphenated second surname, a bracketed date of birth after a name, a spelt street with its street word,
a spoken address and a first name said with pauses and a stutter, a Philippine TIN read digit by digit.
What must stay unmasked: number words after a spoken "at" ("months at nine point nine percent"), a booking reference
in the spelling alphabet, spelt capitals and digits of an account or PCN code, a spoken postcode shape inside a
tracking number, a receipt or tracking number after its cue, an amount after an address. Every sentence is new.
"""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import masked, touched


@pytest.mark.parametrize(("text", "value"), [
    ("caller: best number's oh seven nine one two ... four four eight three oh six, any time after five",
     "oh seven nine one two ... four four eight three oh six"),
    ("voicemail: it's about the boiler, ring me back on oh two nine ... six six one ... four oh eight two three",
     "oh two nine ... six six one ... four oh eight two three"),
    ("customer: the card number is four nine two nine one one ... three eight oh oh two two seven five four one",
     "four nine two nine one one ... three eight oh oh two two seven five four one"),
    ("Reserva para dos. Fechas de nacimiento: 17/06/1984 y 02/11/1987, gracias.", "02/11/1987"),
    ("Voici les dates de naissance des enfants : 05-04-2016 et 28-09-2018.", "28-09-2018"),
    ("IVR: policy holder date of birth two one oh three one nine eight eight, thank you", "two one oh three one nine eight eight"),
    ("agent: go ahead with your national insurance number\ncustomer: it's pee are two three double seven one eight dee",
     "pee are two three double seven one eight dee"),
    ("caller: my driving licence number is m o r g a six one oh seven two four s t nine x y", "m o r g a six one oh"),
    ("Hallo, mein Ausweis ist weg. Ausweisnummer T22000129, bitte sperren.", "T22000129"),
    ("Hi po, yung order ko hindi pa dumating. Ako po si Marites Dumalagan, taga Cebu.", "Marites Dumalagan"),
    ("rep: so i've got jonah underscore pike seven two at yahoo dot co dot uk\ncust: that's it",
     "jonah underscore pike seven two at yahoo dot co dot uk"),
    ("caller: it's the letter k, dot, amadi, at, fastmail dot com", "k, dot, amadi, at, fastmail dot com"),
    ("AGENT: please spell the surname\nCALLER: Quebec Uniform India November Tango Oscar\nAGENT: Quinto, lovely",
     "Quinto"),
    ("agent: and the name of the lead passenger\ncaller: Ifeoma Castellanos please", "Ifeoma Castellanos"),
    ("I'm ringing for my mother's repeat prescription, she's Philippa, date of birth second of may", "Philippa"),
    ("Prosimy o zwrot na konto, właściciel Bożena Wróblewska-Ogunleye, dziękuję.", "Bożena Wróblewska-Ogunleye"),
    ("Goedemorgen, voor Sanne Verhoeven (09-07-2014) is een nieuw paspoort nodig.", "09-07-2014"),
    ("agent: which street\ncaller: t-r-e-v-a-n-i-o-n road, number twelve", "t-r-e-v-a-n-i-o-n road"),
    ("voicemail: the address is fifty one ... cedar ... cedar bank close, ring me", "fifty one ... cedar ... cedar"),
    ("voicemail (low confidence): hi it's ma ... marguerite from flat six, about the leak", "ma ... marguerite"),
    ("caller: my tin is four one two three three nine eight seven six oh oh oh", "four one two three three nine"),
])
def test_spoken_and_foreign_personal_data_is_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("agent: the plan is twenty four months at four point nine percent, is that ok", "months at four point nine"),
    ("agent: the booking reference please\ncaller: tango bravo four victor nine echo", "tango bravo four victor"),
    ("agent: your customer account number please\ncustomer: H K four four one nine two oh six", "H K"),
    ("agent: your customer account number please\ncustomer: H K four four one nine two oh six", "four four one nine"),
    ("agent: what's the PCN\ncustomer: Y D five five two one eight oh three", "Y D"),
    ("agent: the tracking number please\ncaller: one Z four four one B B two oh nine nine one two three four five",
     "Z four four one B B"),
    ("Hallo, Bon-Nr. 2218-4409-17 vom Markt in Köln, der Toaster ist defekt.", "2218-4409-17"),
    ("Su envío ya salió. Puede seguirlo con el número 0311 7720 5548 en la web.", "0311 7720 5548"),
    ("Flat C-702, Lakeview Towers, Powai, Mumbai 400076 ka bill ₹12,400 aaya hai, please check", "₹12,400"),
    ("voicemail: hi it's just here from the garage about the van, call us back", "just here"),
    ("caller: a tin of paint was twenty four ninety nine in your Leeds branch", "tin of paint"),
])
def test_look_alikes_stay_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("my mobile is oh seven seven one two nine four four eight three one, reference is 4471", "oh seven seven one two"),
    ("agent: your postcode\ncaller: S W one A one A A", "S W one A one A A"),
    ("Tel. 0221 448 1190 and my receipt Bon-Nr. 2218-4409-17", "0221 448 1190"),
])
def test_phones_and_postcodes_stay_masked(tagged, text, value):
    assert touched(tagged, text, value)
