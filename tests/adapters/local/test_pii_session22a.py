"""Session 18, fixer pii22fa (session 22a: blind22 and blind22b, short multilingual chats and voice transcripts).

Forms, written in new words: e-mail addresses read out whose local part is several words, spelled letters, numbers or
spoken joins, or whose domain is two words; identifiers, IBANs, SSNs, passports and phones read out after their cue
(on the same line or as the answer on the next), with letter names and two-digit numbers; French and Spanish phones
read in pairs; dates of birth said in words after "né le"/"geboren am"/"nata il" or as the answer to the question;
and guards: look-alikes (shops' addresses, codes, delivery dates) that must stay unmasked, made-up names that must
stay masked.
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.adapters.local.pii_support import touched


def _covered(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start <= start and s.end >= start + len(value) for s in detector.find(text))


@pytest.mark.parametrize(("text", "value"), [
    # e-mail addresses read out
    ("C: tremaine jd at hotmail dot com", "tremaine jd at hotmail dot com"),
    ("Caller: yes its r underscore adebayo ninety one at yahoo dot com",
     "r underscore adebayo ninety one at yahoo dot com"),
    ("Agent: please send the form to w dot ngata at kiwi mail dot co dot nz", "w dot ngata at kiwi mail dot co dot nz"),
    ("Cliente: oui c'est b o u a z i z point nora arobase free point f r",
     "b o u a z i z point nora arobase free point f r"),
    ("Cliente: lupe guion bajo zamora arroba gmail punto com", "lupe guion bajo zamora arroba gmail punto com"),
    # identifiers read out after their cue
    ("Agente: ¿me da su dni?\nCliente: sí siete tres uno cero cuatro cuatro nueve dos ele",
     "siete tres uno cero cuatro cuatro nueve dos ele"),
    ("Agent: what's your nhi number\nCaller: k l m, three three nine one", "k l m, three three nine one"),
    ("Kundin: meine iban ist a t eins zwei, drei vier null null, fünf sechs sieben acht, neun null eins zwei",
     "a t eins zwei, drei vier null null, fünf sechs sieben acht, neun null eins zwei"),
    ("Caller: my ssn is six one two, thirty four, five five seven one", "six one two, thirty four, five five seven one"),
    ("Agent: and your passport number\nCaller: its l m four four nine one two zero eight",
     "l m four four nine one two zero eight"),
    ("Agente: ¿y su número de tarjeta sanitaria?\nCliente: ge ere te u cero cero uno dos siete siete cuatro",
     "ge ere te u cero cero uno dos siete siete cuatro"),
    ("Caller: ringing about my medicare card\nAgent: right whats the card number\n"
     "Caller: three one one seven, two two eight four, five, two", "three one one seven, two two eight four, five, two"),
    ("Agent: which ip address was in the sign in alert\nCaller: it said ninety two dot one one eight dot four dot two two",
     "ninety two dot one one eight dot four dot two two"),
    # phones with two-digit numbers
    ("Cliente: vale mi móvil es el seis dos ocho, cincuenta y cinco, diecinueve, cero tres",
     "seis dos ocho, cincuenta y cinco, diecinueve, cero tres"),
    ("Client: zéro sept, quarante-huit, vingt et un, treize, zéro neuf",
     "zéro sept, quarante-huit, vingt et un, treize, zéro neuf"),
    # dates of birth in words
    ("Client: c'est bien moi, né le vingt mars quatre-vingt-un", "vingt mars quatre-vingt-un"),
    ("Agent: ihr geburtsdatum bitte\nKunde: dritter mai neunzehnhundertsiebzig", "dritter mai neunzehnhundertsiebzig"),
    ("Agent: and your date of birth\nCaller: uh two oh oh one, oh nine, fifteen", "two oh oh one, oh nine, fifteen"),
    ("la piccola è nata il ventitré marzo duemilasedici, grazie", "ventitré marzo duemilasedici"),
    ("Kind geboren am achtzehnten neunten zweitausendzwölf", "achtzehnten neunten zweitausendzwölf"),
    ("Madame, née le premier octobre mille neuf cent soixante-douze", "premier octobre mille neuf cent soixante-douze"),
    # names in lower-case transcripts: the agent's greeting, the answer to a question asking for a name
    ("Agente: seguros del norte buenos días le atiende tremaine\nCliente: hola", "tremaine"),
    ("Agent: stadtwerke nord guten tag sie sprechen mit ngozika\nKunde: hallo", "ngozika"),
    ("Agent: caisse régionale bonsoir oyelaran à l'appareil\nClient: oui bonsoir", "oyelaran"),
    ("Agent: hallo stadtwerke ngozika am apparat\nKunde: hallo", "ngozika"),
    ("Agent: et votre nom\nCliente: ngozika oyelaran o y e l a r a n\nAgent: merci", "ngozika oyelaran"),
    ("Agente: y el nombre del titular\nCliente: marisela quintanar de la vega\nAgente: vale", "marisela quintanar"),
    ("Agent: and the name of the patient\nCaller: its me tremaine okafor\nAgent: thanks", "tremaine okafor"),
    # written forms: a health-insurance number after a short cue, a day and month after a birthday
    ("Bitte Rezept neu ausstellen, Versicherten-Nr. M204871936, danke", "M204871936"),
    ("they have my birthday down wrong, its the 2nd of june not the 12th of july", "2nd of june"),
])
def test_read_out_personal_data_is_masked(rules: PresidioPiiDetector, text: str, value: str) -> None:
    assert _covered(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # a shop's web address after a purchase, not a mailbox
    ("i bought it at currys dot co dot uk last week", "i bought it"),
    ("we ordered from them at argos dot co dot uk", "we ordered from them"),
    # codes read out after their own names
    ("Agent: and the booking reference please\nCaller: its t r seven seven one four", "t r seven seven one four"),
    ("Agent: whats the membership card number\nCaller: four four one two, nine eight two seven",
     "four four one two, nine eight two seven"),
    # a delivery date, no birth
    ("Client: la livraison est prévue le vingt mars deux mille vingt-six", "vingt mars deux mille vingt-six"),
    # a router's address read out with no sign-in
    ("Caller: the router ip address is one nine two dot one six eight dot one dot one",
     "one nine two dot one six eight dot one dot one"),
    # a greeting or an answer with no name in it
    ("Agent: hi youre speaking with the billing team\nCaller: hi", "billing"),
    ("Agente: buenos días le atiende el servicio técnico\nCliente: hola", "servicio"),
    ("Agent: can i take your name please\nCaller: sorry what was that", "sorry what"),
    ("Cliente: hola ¿habla español? no entiendo", "español"),
    # a date with no birthday
    ("please deliver by the 23rd of october, it's a present", "23rd of october"),
])
def test_look_alikes_stay_unmasked(rules: PresidioPiiDetector, text: str, value: str) -> None:
    assert not touched(rules, text, value)
