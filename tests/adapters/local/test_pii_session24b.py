"""Session 19, fixer session24b (blind24b: customer messages in Spanish, Portuguese, French, German, Italian, Dutch,
Polish, Turkish and code-switched mixes).

What the local detector must mask — passport numbers after a passport's word in these languages, "my IP" in them, an
Argentine CBU, a Philippine CRN, the last four of an SSN the writer gives, dates of birth after local birth cues (in
words too, without a year after a birthday's word, and after a correction), dates of birth in a list of travellers, a
Turkish address, a Dutch postcode with its house number, an address's unit, an address of cité/lot pieces, names after
a parent's word or quoted after a neighbour's, a name spelled with a phonetic alphabet, a phone read out in Spanish
number words — and what it must leave unmasked: closings, particles, role words and common nouns of these languages, a
shop named with its trade, German nouns after a determiner, order, utility and service-line numbers; with guards:
made-up names (no list holds them) stay masked next to those forms, and the older sets' conventions hold. Every
sentence is new (none is the batch's); on main (a658e49) every case but the guards fails.
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.adapters.local.pii_support import masked, touched


@pytest.fixture(scope="module")
def tagged() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


@pytest.mark.parametrize(("text", "value"), [
    # passports after a passport's word in these languages
    ("Vuelo mañana y la web rechaza mi pasaporte: es XDB551029, vence en 2030.", "XDB551029"),
    ("Pasaport numaram T71930284, lütfen sisteme girin.", "T71930284"),
    ("Mam nowy paszport ZR5512083 i chcę go dopisać do rezerwacji.", "ZR5512083"),
    # an IP address after "my IP" in these languages
    ("Od wczoraj nie mogę się zalogować, moje IP to 91.204.33.18, sprawdźcie.", "91.204.33.18"),
    ("Le jeu me bannit alors que mon IP est 78.192.40.7 depuis toujours.", "78.192.40.7"),
    # an Argentine CBU, a Philippine CRN, the last four of an SSN given after the social was asked for
    ("Para el débito usen mi CBU 0170099220000067797370, gracias.", "0170099220000067797370"),
    ("Attached my UMID, CRN 0111-5529301-4, for the postpaid plan.", "0111-5529301-4"),
    ("They keep asking for my social over chat. I'll give the last four: 8302 and nothing more.", "8302"),
    # dates of birth after local birth cues
    ("Quiero cambiar el titular; nací el doce de marzo de 1978 y así figura en el DNI.", "doce de marzo de 1978"),
    ("¿Hay descuento? Mi cumpleaños es el 14 de julio.", "14 de julio"),
    ("Bei der Buchung stimmt das Geburtsdatum meines Sohnes nicht. Richtig ist der 17. März 2015.", "17. März 2015"),
    ("Pasajeros:\n1. Tremaine Oyelaran — 02/08/1979\n2. Ngozika Oyelaran — 19/01/1982", "02/08/1979"),
    ("Pasajeros:\n1. Tremaine Oyelaran — 02/08/1979\n2. Ngozika Oyelaran — 19/01/1982", "19/01/1982"),
    # addresses: Turkish, a Dutch postcode and house number, a unit after, a street type before, a cité/villa/lot one
    ("Yeni adresim Çamlık Mahallesi, Papatya Sokak No: 22/5, 16140 Nilüfer/Bursa olacak.",
     "Çamlık Mahallesi, Papatya Sokak No: 22/5, 16140 Nilüfer/Bursa"),
    ("Adres: Yavuz Mah. 2104. Sokak No: 9 D: 12, 01170 Çukurova/Adana", "Yavuz Mah. 2104. Sokak No: 9 D: 12"),
    ("Medewerker: uw postcode?\nKlant: 3521 KT, huisnummer 44", "3521 KT, huisnummer 44"),
    ("le colis est parti au 1275 rue Beaubien, app. 4 au lieu du 6, merci de vérifier", "1275 rue Beaubien, app. 4"),
    ("Bonsoir, j'habite Yopougon Maroc, lot 112, îlot 9, Abidjan et le technicien n'est pas venu.",
     "Yopougon Maroc, lot 112, îlot 9, Abidjan"),
    # names after a parent's word and a neighbour's quoted name
    ("sono la mamma di Ludovico e vorrei disdire il suo abbonamento", "Ludovico"),
    ("Der Bote hat das Paket bei der Nachbarin „Oyelaran“ abgegeben, die kenne ich nicht.", "Oyelaran"),
    # a name spelled with a phonetic alphabet (Italian, German, Dutch); a phone read out in Spanish number words
    ("Agente: come si scrive?\nCliente: B come Bologna, A come Ancona, doppia esse, I come Imperia",
     "B come Bologna, A come Ancona, doppia esse, I come Imperia"),
    ("Mitarbeiter: Buchstabieren bitte?\nKunde: Kaufmann, Ludwig, Emil, Ida, Nordpol, Emil",
     "Kaufmann, Ludwig, Emil, Ida, Nordpol, Emil"),
    ("Agent: spell it please\nKlant: Teunis, Ypsilon, Simon, Zaandam, Emil", "Teunis, Ypsilon, Simon, Zaandam, Emil"),
    ("Mi teléfono nuevo es seis seis cero, treinta y uno, cuarenta y cinco, doce. Gracias",
     "seis seis cero, treinta y uno, cuarenta y cinco, doce"),
])
def test_session24b_personal_data_is_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # closings, particles, role words and common nouns of these languages
    ("Dziękuję za szybką odpowiedź.\n\nPozdrawiam", "Pozdrawiam"),
    ("Bedankt voor het snelle antwoord!\n\nGroetjes", "Groetjes"),
    ("Merhaba, faturama itirazım var.\n\nİyi çalışmalar", "İyi çalışmalar"),
    ("[09:12] Kundin: Guten Morgen, mein Router blinkt rot", "Kundin"),
    ("Gentile Servizio Clienti,\nla bolletta è sbagliata.", "Gentile Servizio Clienti"),
    ("-------- Ursprüngliche Nachricht --------\nBetreff: Lieferung", "Ursprüngliche Nachricht"),
    # a shop named with its trade, a German noun after a determiner
    ("Livraison chez Amélie (la pâtisserie du coin) arrivée écrasée.", "Amélie"),
    ("Bitte bestätigen Sie die Löschung meines Kontos bis Freitag.", "Kontos"),
    # order, tax, utility and service-line numbers
    ("Mijn bestelnummer 5038814472 is nog steeds niet verzonden.", "5038814472"),
    ("Zamówienie 7731-20-5518 nadal nie dotarło, zwrot też nie.", "7731-20-5518"),
    ("Infolinia 801 300 800 nie odbiera od rana.", "801 300 800"),
    ("Pagué la factura del agua (cuenta 2291-55810-7) dos veces.", "2291-55810-7"),
])
def test_session24b_not_personal_data_stays_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # made-up names next to the filters' forms
    ("Salamat po,\nNgozika Dimagiba", "Ngozika Dimagiba"),
    ("Kundin: Ngozika Oyelaran, 12.04.1981", "Ngozika Oyelaran"),
    ("Hello, my name is São Tremaine, São like the saint.", "São Tremaine"),
    ("My name is Ngozika (the shop manager) and I ordered it.", "Ngozika"),
    ("Groetjes,\nTremaine Oyelaran", "Tremaine Oyelaran"),
    # a customer's own numbers and an IP that is no one's
    ("Mijn mobiele nummer is 06 4471 2093, bel me na vijven.", "06 4471 2093"),
    ("Agência/conta: 0261 / 55120-3, favorecido Tremaine Oyelaran", "0261 / 55120-3"),
])
def test_session24b_guards_personal_data_stays_masked(tagged, text, value):
    assert touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Router IP 192.168.1.1 and still no internet since Sunday", "192.168.1.1"),
    ("the bot asked for my ssn then froze, last 4 are 5512, not typing it again", "5512"),
    ("I'm at number 9, 9 Albany Road, Leeds LS6 1TL, tracking LD-22019", "LS6 1TL"),
])
def test_session24b_older_conventions_hold(tagged, text, value):
    """An IP of a home network and an SSN's last digits in a complaint stay kept; a UK postcode ending in TL is no sum
    of money (the filter of amounts in addresses leaves it masked)."""
    masked_now = touched(tagged, text, value)
    assert masked_now is value.endswith("TL")
