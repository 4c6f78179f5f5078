"""Session 16, first fixer (session20a; blind20 and blind20c scored once on main): personal numbers after their names
(passports, a card failing Luhn, national IDs, long bank accounts, dates of birth), addresses' tails and layouts, and
spans that are no one's name (role words, form titles, offices, companies with a legal form). Written in new words,
not the batches' sentences; every case that must be masked fails on main (324150a); the look-alikes and the names
beside the new filters are guards."""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import found


def spans(detector, text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in detector.find(text)]


def masked(detector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start <= start and start + len(value) <= s.end for s in detector.find(text))


@pytest.mark.parametrize(("text", "value"), [
    ("Please update my file, passport KT5520913 expires soon", "KT5520913"),
    ("My passport number was renewed, the new one is P4471208.", "P4471208"),
    ("Adjunto mi pasaporte: AC4410297", "AC4410297"),
    ("The card on file is 5218 0037 4419 2206 but it bounces", "5218 0037 4419 2206"),
    ("Karte 4970 1122 8830 5516, Ablauf 09/28", "4970 1122 8830 5516"),
    ("My BVN is 40118276530, kindly check", "40118276530"),
    ("Mijn rijksregisternummer: 92.07.14-331.66", "92.07.14-331.66"),
    ("Sozialversicherungsnummer 12 150885 K 047 anbei", "12 150885 K 047"),
    ("Cartão de Cidadão 28811045 6 ZY2 em anexo", "28811045 6 ZY2"),
    ("tarjeta sanitaria MRTZ 7718 2200 9154, gracias", "MRTZ 7718 2200 9154"),
    ("Versichertennummer T551902837 bitte notieren", "T551902837"),
    ("Carta d'identità n. CB 55120 DE allegata", "CB 55120 DE"),
    ("Bank transfer failed. Account number 3301 7725 0418, please help", "3301 7725 0418"),
    ("my payout went nowhere, settlement account 6620184473 at the bank", "6620184473"),
    ("Dados bancários: Ag. 1203 c/c 55102-7", "1203 c/c 55102-7"),
    ("The portal has my date of birth wrong, it should be 9 April 1991", "9 April 1991"),
    ("Residenza: nata a Lecco il 22/02/1987", "22/02/1987"),
    ("Nascimento: 15/05/1966", "15/05/1966"),
    ("a sign-in from 91.204.18.77 that wasn't me", "91.204.18.77"),
])
def test_a_personal_number_after_its_name_is_masked(detector, text, value):
    assert masked(detector, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Anschrift: Ehrenfelder Markt 3, 50823 Köln", "Ehrenfelder Markt 3, 50823 Köln"),
    ("Postcode en huisnummer: 3511 AB 42", "3511 AB 42"),
    ("Ngozika Oyelaran\n4 Quarry View\nEnnis, Co. Clare\nV95 K2P8", "Ennis, Co. Clare"),
    ("Ngozika Oyelaran\n4 Quarry View\nEnnis, Co. Clare\nV95 K2P8", "V95 K2P8"),
    ("deliver to Blk 4 Lot 19, Sampaguita St., Brgy. Malinta, Valenzuela City pls", "Blk 4 Lot 19, Sampaguita St., "
                                                                                  "Brgy. Malinta, Valenzuela City"),
    ("Adresse : 14 rue des Lilas boîte 7, 4020 Liège", "14 rue des Lilas boîte 7, 4020 Liège"),
    ("Endereço: Rua Augusta 901, ap. 12, Consolação, São Paulo/SP, CEP 01305-100",
     "Rua Augusta 901, ap. 12, Consolação, São Paulo/SP, CEP 01305-100"),
    ("Dirección: Calle Morelos 45, Col. Centro, 76000 Querétaro, Qro. Gracias", "76000 Querétaro, Qro"),
    ("Mit freundlichen Grüßen\nTremaine Oyelaran\nKastanienweg 7, 2. OG rechts\n30159 Hannover", "30159 Hannover"),
])
def test_an_address_is_masked_whole(detector, text, value):
    assert masked(detector, text, value)


@pytest.mark.parametrize(("text", "name"), [
    ("Segurado: Ngozika Tremaine Oyelaran\nApólice: X-1", "Ngozika Tremaine Oyelaran"),
    ("il rimborso va sul conto intestato a Oyelaran Ngozika", "Oyelaran Ngozika"),
    ("is my visit with Nurse Oyelaran still on?", "Oyelaran"),
    ("Gentile Dott.ssa Oyelaran, le scrivo", "Oyelaran"),
    ("Dear Mrs. Van der Oyelaran, thank you", "Van der Oyelaran"),
])
def test_a_name_after_a_form_field_a_holder_cue_or_a_title_is_masked(text, name):
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("[09:12] Comprador: ¿sigue a la venta?\n[09:14] Ngozika: sí", "Comprador"),
    ("Antrag Elternzeit\nName: Ngozika Oyelaran\nGeburtsdatum: 01.02.1990", "Antrag Elternzeit"),
    ("Mit freundlichen Grüßen\nSpedition Oyelaran GmbH\nBuchhaltung", "Buchhaltung"),
    ("Best regards\nBrightwell Logistik GmbH\nFinance", "Brightwell Logistik GmbH"),
    ("Unfallort: Kreuzung Goethestraße / Schillerstraße", "Goethestraße"),
    ("Référence client 7 118 204 553, merci", "7 118 204 553"),
    ("Protocolo 2027.01.14.008812 para a reclamação", "2027.01.14.008812"),
    ("Ref. 31 442 118 907, pagamento feito", "31 442 118 907"),
    ("the router's IP is 192.168.0.12 and the server 203.0.113.9", "192.168.0.12"),
    ("The order ID 8911240012345 shipped", "8911240012345"),
    ("Customer account 5512 8830 1029 for my broadband, bank says fine", "5512 8830 1029"),
    ("gift card 6280 1133 4455 6677 was not accepted", "6280 1133 4455 6677"),
])
def test_look_alikes_stay_unmasked(detector, text, kept):
    start = text.index(kept)
    assert not any(s.start < start + len(kept) and start < s.end for s in detector.find(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Sehr geehrter Herr Dr. Oyelaran, anbei der Befund", "Oyelaran"),
    ("Cordiali saluti,\nNgozika Oyelaran", "Ngozika Oyelaran"),
    ("My passport name is Tremaine Oyelaran", "Tremaine Oyelaran"),
    ("Dear Ms Oyelaran,\nYour claim was approved.", "Oyelaran"),
    ("I sent the money to account 0123456789 (Ngozika) yesterday, bank says pending", "Ngozika"),
    ("hi, per olsen here, my order is late", "per olsen"),
    ("Regards,\nHildegard Damm", "Hildegard Damm"),
    ("Kontakt: Tremaine Platz, Tel. 0171 5550 123", "Tremaine Platz"),
    ("Thanks for the quick fix.\nDon", "Don"),
    ("Regards,\nLaszlo Sas", "Laszlo Sas"),
])
def test_names_beside_the_new_filters_stay_masked(detector, text, name):
    assert masked(detector, text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("Please call me back. Ji-hoon Baek, 604-555-0188", "Ji-hoon Baek"),
    ("I have no idea who Tremaine Oyelaran is, stop texting me", "Tremaine Oyelaran"),
    ("still waiting on the deposit refund, Grace Oyelaran", "Grace Oyelaran"),
    ("please reset the pin. my name tremaine oyelaran", "tremaine oyelaran"),
    ("Sou o Tremaine, passo amanhã", "Tremaine"),
    ("Bonjour, c'est le papa d'Ngozika, elle est malade", "Ngozika"),
    ("Cumprimentos, Ngozika – apoio ao cliente", "Ngozika"),
    ("Kann morgen kommen. LG Tremaine 0664 555 1234", "Tremaine"),
    ("Je passe demain. Tremaine – 06 12 34 56 78", "Tremaine"),
])
def test_a_name_in_these_forms_is_masked(text, name):
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(("text", "value"), [
    ("Pagamento debitado na conta PT12 0002 0123 1234 5678 9015 4, por favor devolvam", "PT12 0002 0123 1234 5678 9015 4"),
    ("Order never came, refund please. Siti Hajar binti Abdullah", "Siti Hajar binti Abdullah"),
])
def test_the_whole_value_is_masked(detector, text, value):
    assert masked(detector, text, value)


@pytest.mark.parametrize(("text", "kept"), [
    ("I paid into account 2231908876 (Moniepoint) yesterday, bank transfer", "Moniepoint"),
    ("Is the bus stop in Rua das Flores still closed for the works?", "Rua das Flores"),
    ("ordered from Golden Route Kitchen last night and it was cold", "Route Kitchen"),
    ("Merci de répondre par retour.", "répondre par retour"),
    ("Hey Lucky Corner 👋 do you deliver on Sundays?", "Lucky Corner"),
])
def test_these_look_alikes_stay_unmasked(detector, text, kept):
    start = text.index(kept)
    assert not any(s.start < start + len(kept) and start < s.end for s in detector.find(text))
