"""Session 18, fixer pii22fc (blind22c: business e-mails and forms from many countries).

What the local detector must leave unmasked — a register's, a tax office's or a meter's number read as a phone, a
company's CUIT, a boleto's digits read as a card, companies with their legal form, businesses, shops and marketplaces,
job titles, roles and acronyms greeted, events, goods, buildings, German nouns, a route's cities, an office's
building — and the personal data of the same mail it must mask: national numbers after their names (Aadhaar, PESEL,
AMKA, CNIC, CIN, "ID No"), a RIB, an account after "rekening", IBANs of more countries, eight-digit mobiles after a
name, a name before an e-mail in a header, after "CA" or before a closing phone, Polish, Ukrainian, Turkish, Korean
and Japanese address forms; with guards: names nobody's list holds (made up) stay masked. Every sentence is new
(none is a batch's).
"""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import masked, touched


@pytest.mark.parametrize(("text", "value"), [
    # a register's, a tax office's or a meter's number
    ("Our supplier's Org.nr 559021-3387 is missing on the credit note.", "559021-3387"),
    ("Please bill the Ikeja branch, TIN 02374411-0001, not head office.", "02374411-0001"),
    ("Company registration number 301-86-55210 must appear on every receipt.", "301-86-55210"),
    ("The reading for MPRN: 10 006 338 291 looks estimated again.", "10 006 338 291"),
    ("Clinic file no. MRN 0077341 shows the wrong allergy.", "0077341"),
    ("Our CR number is 2050117734 and the VAT certificate follows.", "2050117734"),
    ("The vendor's tax registration number 552-310-884 was rejected by the portal.", "552-310-884"),
    # a company's CUIT
    ("Facturar a la sociedad con CUIT 33-70981124-9, por favor.", "33-70981124-9"),
    # companies with their legal form, businesses, shops, marketplaces
    ("Factura para Distribuidora Alvarado, NIF pendiente.", "Distribuidora Alvarado"),
    ("Dear Abacus Lab, my results are not on the portal.", "Abacus Lab"),
    ("Dear Shopee, my payout is late again.", "Shopee"),
    ("Minha loja Jardim Secreto Presentes vende pelo site desde março.", "Jardim Secreto"),
    ("Saya berjualan dengan toko Berkah Jaya Abadi sejak 2020.", "Berkah Jaya"),
    # job titles, roles and acronyms greeted, events, goods, German nouns, a route
    ("Regards,\nTremaine Oyelaran\nProcurement Lead", "Procurement Lead"),
    ("Dear Headteacher, my son will miss the trip on Friday.", "Headteacher"),
    ("Dear PLDT, my fibre line has been down since Monday.", "PLDT"),
    ("The Christmas Concert starts at 6pm in the main hall.", "Christmas Concert"),
    ("Category is Designer Handbags, sold yesterday for £300.", "Designer Handbags"),
    ("Mit freundlichen Grüßen, Lohnbuchhaltung", "Lohnbuchhaltung"),
    ("Our SLA for Rotterdam–Bremen is 48h.", "Rotterdam"),
    # an office's building and city, no home's address
    ("Please add our company address: Level 30, Kerry Centre, Shanghai. Thanks.", "Kerry Centre"),
])
def test_session22c_not_personal_data_stays_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # national numbers after their names
    ("For the lease I shared my Aadhaar 5521 0093 7714 yesterday.", "5521 0093 7714"),
    ("Wnioskodawca: Tremaine Oyelaran\nPESEL: 85120311223\nTelefon: brak", "85120311223"),
    ("Report for patient with CNIC 42101-5523114-7 is delayed.", "42101-5523114-7"),
    ("Adresse : 4 Rue Tarik, Rabat. CIN AB123456.", "AB123456"),
    ("Name: Ngozika Oyelaran\nID No: 24419983\nPhone: none", "24419983"),
    # bank accounts and IBANs
    ("La caution n'est pas revenue. Mon RIB est 007 780 0001234567890123 12.", "007 780 0001234567890123 12"),
    # a mobile after a name, names in headers, after a professional title, before a closing phone
    ("The lift is broken again. Occupant Lim Boon Keng, 9733 1045.", "9733 1045"),
    ("Queries on the audit: please contact CA Rupal Dholakia.", "Rupal Dholakia"),
    # address forms
    ("Proszę o odbiór z adresu os. Słoneczne 12/4, 60-101 Poznań jutro.", "os. Słoneczne 12/4, 60-101 Poznań"),
    ("Teslimat adresi Bağdat Caddesi No:120 D:4, Maltepe/İstanbul olacak.", "Bağdat Caddesi No:120 D:4, Maltepe"),
    ("Deliver to No. 7 Ahmadu Bello Way, Kaduna before noon.", "No. 7"),
    ("Deliver to 101-502, 12 Teheran-ro, Gangnam-gu, Seoul 06234 please.", "101-502"),
    ("Room 3, Maison Ebisu, 1-2-3 Ebisu, Shibuya-ku, Tokyo 150-0013 is my flat.", "150-0013"),
])
def test_session22c_personal_data_is_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # names nobody's list holds, in the forms the filters read
    ("Hi NGOZIKA, thanks for the quick reply.", "NGOZIKA"),
    ("Dear BRYNN, thanks for sorting the refund.", "BRYNN"),
    ("Regards,\nTremaine Sas", "Tremaine Sas"),
    ("Regards,\nNgozika Co", "Ngozika Co"),
    ("Company: Tremaine Oyelaran\nEmail: none given", "Tremaine Oyelaran"),
    ("Regards,\nTremaine Oyelaran\nSenior Analyst", "Tremaine Oyelaran"),
    ("Company: Oyelaran Foods\nContact: Ngozika Oyelaran\nPhone: 0803 441 2290", "Oyelaran"),
    ("I sold my bike to Ngozika Oyelaran on Monday.", "Ngozika Oyelaran"),
    ("Tenant Ngozika Oyelaran, 0803 441 2290, flat 2.", "Ngozika Oyelaran"),
    ("Call me on +44 7700 900456, VAT number to follow.", "+44 7700 900456"),
    # personal data main masks by other rules too, which session 22c's rules and filters must leave masked
    ("Please cancel my session, AMKA 03057712345, thank you.", "03057712345"),
    ("Dana belum masuk ke rekening BNI 0723118845 sejak Senin.", "0723118845"),
    ("The refund should go to EG38 0019 0005 0000 0000 2631 8000 2 please.", "EG38 0019 0005 0000 0000 2631 8000 2"),
    ("From: Trương Thu Hà <ha.truong@example.vn>\nSubject: rates", "Trương Thu Hà"),
    ("The parcel never came. Ngozika Oyelaran 0803 441 2290", "Ngozika Oyelaran"),
    ("Please redirect to vul. Sahaidachnoho 14, kv. 7, Kyiv 01001 instead.", "vul. Sahaidachnoho 14, kv. 7, Kyiv 01001"),
    ("I live at Flat 3, Kestrel House, Leeds, my landlord ignores me.", "Flat 3, Kestrel House"),
])
def test_session22c_guards_personal_data_stays_masked(tagged, text, value):
    assert touched(tagged, text, value)


def test_session22c_a_business_keeps_the_name_masked_elsewhere(tagged):
    """build.py's convention: the surname of a masked signer stays masked inside the firm's name, with its particles."""
    text = "We will return the deposit.\nRegards, Pieter van den Oyelaran, Van den Oyelaran Makelaardij"
    assert masked(tagged, text, "Van den Oyelaran")
    assert not touched(tagged, text, "Makelaardij")


def test_session22c_a_first_name_the_ner_left_out_is_joined():
    """A capitalised word between a lower-case word and a full name is the name's first ("o aluno X Y Z" where only
    "Y Z" was found); a weekday, a place or a brand there is not."""
    from services.adapters.local.pii_presidio import _session22c_filters
    from services.models import PiiSpan

    def grown(text: str, found: str) -> str:
        start = text.index(found)
        spans = _session22c_filters(text, [PiiSpan("PERSON", start, start + len(found), 0.85)])
        return text[spans[0].start:spans[0].end]

    assert grown("Sou responsável pelo aluno Tainá Oyelaran Brito do 5º ano.", "Oyelaran Brito") == \
        "Tainá Oyelaran Brito"
    assert grown("we met on Monday Ngozika Oyelaran came too", "Ngozika Oyelaran") == "Ngozika Oyelaran"
    assert grown("the parcel went to Lagos Ngozika Oyelaran said", "Ngozika Oyelaran") == "Ngozika Oyelaran"
