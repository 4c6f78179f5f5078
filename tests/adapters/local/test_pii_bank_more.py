"""Session 47 (candidate 47-2): bank accounts and IBANs the older finders missed — an IBAN printed in its layout with
its length or check digits off, one written without spaces, one read aloud in several languages; payment aliases
(CliQ, an Argentine alias, UPI and InstaPay ids); national layouts (CBU, CLABE, CCI, a Russian "р/с", a roll number,
BSB and account, a Polish NRB, an Israeli branch and account); an account after its bank's name or its own word —
masked whole, through the default detector; a utility's account, a reference, a phone stay as they were."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_bank_more
from tests.adapters.local.pii_support import masked, touched

# (text, the value that must be masked whole)
_MASKED = [
    # IBANs printed in their layout, a digit short or long, check digits made up
    ("Hola, por favor devuelvan el importe a mi cuenta IBAN ES12 2100 0418 4502 0005 133. Gracias, Pilar",
     "ES12 2100 0418 4502 0005 133"),
    ("Bitte überweisen Sie die Kaution auf AT61 1904 3002 3457 3201 1. Mit freundlichen Grüßen",
     "AT61 1904 3002 3457 3201 1"),
    ("Merci de verser le remboursement sur le compte FR12 1027 8060 4100 0204 2170 1451. Cordialement",
     "FR12 1027 8060 4100 0204 2170 1451"),
    ("Nowy numer konta do przelewu: PL 27 1140 2004 0000 3902 8175 6102. Pozdrawiam",
     "PL 27 1140 2004 0000 3902 8175 6102"),
    ("لطفاً وجه را به این شبا واریز کنید: IR55 0560 0000 0012 3456 7890 12 با تشکر",
     "IR55 0560 0000 0012 3456 7890 12"),
    ("برگشت وجه به شبای IR610120000000112233445566 انجام شود", "IR610120000000112233445566"),
    # IBANs read aloud
    ("agent: and where should the refund go?\ncaller: G B two nine, N W B K, six oh one six, one three three one, "
     "nine two six eight, one nine\nagent: thanks", "G B two nine, N W B K, six oh one six, one three three one, "
     "nine two six eight, one nine"),
    ("Beraterin: Wohin soll das Geld?\nKunde: D E acht neun, drei sieben null vier, null null vier vier, null "
     "fünf drei zwei, null eins drei null, null null\nBeraterin: danke", "D E acht neun, drei sieben null vier, "
     "null null vier vier, null fünf drei zwei, null eins drei null, null null"),
    ("conseiller: votre IBAN ?\nclient: f r sept six, trois zéro zéro zéro, six zéro zéro zéro, un un deux trois, "
     "quatre cinq six sept, huit neuf zéro, un huit neuf", "f r sept six, trois zéro zéro zéro, six zéro zéro zéro, "
     "un un deux trois, quatre cinq six sept, huit neuf zéro, un huit neuf"),
    # payment aliases
    ("Hi, I paid JOD 75 by CliQ to alias NOURSALEH77 but the name shown was wrong, I meant NOURSALEH71",
     "NOURSALEH77"),
    ("Hi, I paid JOD 75 by CliQ to alias NOURSALEH77 but the name shown was wrong, I meant NOURSALEH71",
     "NOURSALEH71"),
    ("Operadora: ¿a qué alias transferiste?\nCliente: mesa.gato.verde, pero el bueno era mesa.gato.verdes",
     "mesa.gato.verde"),
    ("Customer: my UPI id for the refund is priya.nair92@okicici, please credit there", "priya.nair92@okicici"),
    # national layouts
    ("Buenas, mi CBU para el reintegro es 2850590940090418135201, titular Lucas Ferreyra", "2850590940090418135201"),
    ("Hola, la CLABE para el reembolso: 0021 8000 7012 3456 78, a nombre de Ana Torres", "0021 8000 7012 3456 78"),
    ("Реквизиты: р/с 40817810099910004312 в АО Тинькофф Банк", "40817810099910004312"),
    ("Please close the savings account, roll number K/55120-38, and send the balance to me.", "K/55120-38"),
    ("Hi, please pay the bond refund to BSB 082-401 account 5512 8830, thanks", "5512 8830"),
    ("הכסף צריך לחזור לחשבון שלי: בנק הפועלים, סניף 532, חשבון 2234781", "2234781"),
    # an account after its bank's name or its own word
    ("Hi, my payout to Capitec 1528 774 093 has not arrived after three days", "1528 774 093"),
    ("Tolong kembalikan dananya ke Mandiri 1370 0188 2231 atas nama Rudi", "1370 0188 2231"),
    ("Guten Tag, bitte übertragen Sie die Aktien auf mein Depotnummer 5512 8804 31. Danke", "5512 8804 31"),
    ("Please send my salary to checking 4471 0922 3385 from next month", "4471 0922 3385"),
    ("Sir I sent ₦40,000 to the wrong person. My account 3094418820, BVN on file.", "3094418820"),
]

# (text, a value that must stay unmasked)
_KEPT = [
    ("Dear Council Tax team, my council tax account is 6004418233 and I moved out last month.", "6004418233"),
    ("Please call me back, reference DBS 4410 22 0918 for the recall", "4410 22 0918"),
    ("Bayar tagihan ke Virtual Account BNI 8808 1234 5566 7788 sebelum jam 5", "8808 1234 5566 7788"),
    ("Hi Aroha, the bond is $1,800 and the flat at 14 Rata Street is yours from Monday. Ref 5402 2281 9930", "5402 2281 9930"),
    ("Roll number 55120384 for the entrance exam, my results are missing", "55120384"),
    ("caller: no oh seven seven three one, four six oh, two two nine", "oh seven seven three one"),
    ("Is DE the right code for Germany in the form? It asks for 2 letters.", "DE"),
]


@pytest.mark.parametrize(("text", "value"), _MASKED)
def test_a_bank_account_or_iban_is_masked_whole(tagged, text: str, value: str) -> None:
    assert masked(tagged, text, value), [text[s.start:s.end] for s in tagged.find(text)]


@pytest.mark.parametrize(("text", "value"), _KEPT[:5] + _KEPT[6:])
def test_a_look_alike_stays_unmasked(tagged, text: str, value: str) -> None:
    assert not touched(tagged, text, value), [text[s.start:s.end] for s in tagged.find(text)]


@pytest.mark.parametrize("text", [
    _KEPT[5][0],  # a phone read after "no" (Norway's letters)
    "caller: is five one eight nine, zero zero three two, seven seven four one, six six oh two",  # a card after "is"
    "New details: Chase routing 021000021, please confirm",  # a routing number after the bank's name
    "es seis uno dos, tres cuatro cinco, seis siete ocho",  # a Spanish phone after "es"
    "I sent it via CliQ, the reference is on the receipt",  # a scheme's word with no alias after it
])
def test_no_account_is_read_in_a_look_alike(text: str) -> None:
    assert pii_bank_more.find_bank_more(text) == []


def test_the_module_reads_no_further_than_twenty_thousand_characters() -> None:
    text = "x " * 10_005 + "IBAN ES12 2100 0418 4502 0005 133"
    assert pii_bank_more.find_bank_more(text) == []
    assert pii_bank_more.find_bank_more("IBAN ES12 2100 0418 4502 0005 133") != []
