"""Session 46 (candidate 46-4): numbers that are kept — a vehicle's VIN, a sort code said alone, a firm's tax number,
a utility's account, a virtual account — stay in the text whatever finder read them as a phone, an id or an account;
a person's tax number, a bank account and a phone beside them stay masked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_kept_numbers
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan
from tests.adapters.local.pii_support import overlapped as _masked

# (text, the number that stays, a personal value that stays masked or None)
_KEPT = [
    ("Guten Tag, mein Passat (Kennzeichen B-XT 7712, FIN WVWZZZ3CZEE112233) braucht neue Bremsen. Termin Dienstag?",
     "WVWZZZ3CZEE112233", None),
    ("Hi, the VIN on the logbook is 1FTFW1ET5DFC10312 but your quote says something else. Call me on 07700 900 318.",
     "1FTFW1ET5DFC10312", "07700 900 318"),
    ("Buongiorno, telaio ZFA31200000765432, la Panda è ferma in officina da lunedì.", "ZFA31200000765432", None),
    # a sort code alone is a branch's (with an account number beside it, it is part of the bank details: masked,
    # test_pii_session21a)
    ("agent: which branch did you pay it in at?\ncaller: sort code forty, twelve, sixty six, the one on the high street",
     "forty, twelve, sixty six", None),
    ("Dzień dobry,\nw załączeniu korekta faktury.\n\nPozdrawiamy\nDział Księgowości\nKwadrat Serwis Sp. z o.o.\n"
     "NIP 674-118-30-57", "674-118-30-57", None),
    ("Poštovani,\nmolim ispravak računa.\n\nLijep pozdrav\nVodoinstal Rijeka d.o.o.\nOIB 53119402876",
     "53119402876", None),
    ("Με εκτίμηση,\nΓιάννης Καλογήρου\nΛογιστήριο\nΝαυτιλιακή Πειραιώς Α.Ε.\nΑΦΜ 094771203, ΔΟΥ Πειραιά",
     "094771203", None),
    ("Reikningur fyrir þakviðgerð er kominn í heimabanka. Smiðjan ehf., kt. 470912-0480", "470912-0480", None),
    ("Hola, la factura debe ir a nombre de la empresa, RUT 77.104.552-6, no a mi nombre.", "77.104.552-6", None),
    ("Dear Council Tax team,\nI moved out of 4 Elm Row on 2 March, please close council tax account 60417729 and "
     "send the final bill to my new address.", "60417729", None),
    ("habari, nimelipa KSh 1,500 kupitia paybill 888880 account 37190264418 lakini token bado haijafika.",
     "37190264418", None),
    ("Hi, my water bill doubled this quarter, acct 50029371846, nobody has read the meter since May.",
     "50029371846", None),
    ("Kak, saya sudah transfer ke VA 8807 0215 6643 2918 dari tadi pagi tapi status masih menunggu pembayaran.",
     "8807 0215 6643 2918", None),
]


@pytest.mark.parametrize(("text", "kept", "person"), _KEPT)
def test_a_kept_number_stays_the_person_s_data_is_masked(tagged, text: str, kept: str, person: str | None) -> None:
    spans = tagged.find(text)
    assert not _masked(spans, text, kept), [text[s.start:s.end] for s in spans]
    if person is not None:
        assert _masked(spans, text, person), [text[s.start:s.end] for s in spans]


def test_the_rules_only_detector_keeps_them_too() -> None:
    detector = RulesPiiDetector()
    for text, kept, _ in _KEPT:
        spans = detector.find(text)
        assert not _masked(spans, text, kept), (text, [text[s.start:s.end] for s in spans])


# personal numbers that look like the kept ones: they stay masked
_PERSONAL = [
    ("Dzień dobry, prowadzę jednoosobową działalność gospodarczą (Usługi Malarskie Adam Nowak), NIP 7781204336.",
     "7781204336"),
    ("Στοιχεία εργαζομένου:\nΟνοματεπώνυμο: Μαρία Αντωνίου\nΑΦΜ: 138204775", "138204775"),
    ("Olá, sou a Rita Matos, o meu NIF é 231 048 772 e preciso da fatura em meu nome.", "231 048 772"),
    ("Please pay the deposit to sort code 20-41-77, account 83019264. Thanks, Owen", "83019264"),
    ("Hi, please refund the overpaid council tax to my bank, account 41190382, sort code 30-90-12.", "41190382"),
    ("Kveðja, Sigrún Jónsdóttir, kt. 120488-3129", "120488-3129"),
]


@pytest.mark.parametrize(("text", "personal"), _PERSONAL)
def test_a_personal_number_stays_masked(tagged, text: str, personal: str) -> None:
    spans = tagged.find(text)
    assert _masked(spans, text, personal), [text[s.start:s.end] for s in spans]


def _span(text: str, value: str, kind: str) -> PiiSpan:
    start = text.index(value)
    return PiiSpan(kind, start, start + len(value), 0.9)


@pytest.mark.parametrize(("text", "value", "kind", "kept"), [
    ("FIN WVGZZZ1TZBW061823", "WVGZZZ1TZBW061823", "NATIONAL_ID", True),
    ("passport 123456789", "123456789", "PASSPORT", False),
    ("sort code twenty thirty thirty five", "twenty thirty thirty five", "BANK_ACCOUNT", True),
    ("sort code twenty thirty thirty five, account one two", "twenty thirty thirty five, account one two",
     "BANK_ACCOUNT", False),
    ("Nordkapp Verktøy AS\nOrg.nr 918 442 071", "918 442 071", "NATIONAL_ID", True),
    ("Kennzeichen 12-AB-34. Mein Name: Jan Kowalski, NIP 7781204336", "7781204336", "NATIONAL_ID", False),
    ("RUT 15.482.903-2", "15.482.903-2", "NATIONAL_ID", False),
    ("RUT 76.441.820-3", "76.441.820-3", "NATIONAL_ID", True),
    ("ΑΦΜ 099413277", "099413277", "NATIONAL_ID", True),
    ("CIF B48771204", "B48771204", "NATIONAL_ID", True),
    ("ΑΦΜ 041934277", "041934277", "NATIONAL_ID", False),
    ("Please close my electricity account 88120394 at the bank transfer desk", "88120394", "BANK_ACCOUNT", False),
    ("call me on +44 7700 900123 about the VA", "+44 7700 900123", "PHONE", False),
    ("Sent KSh 900 to paybill 888880 account 0722918304 but no token", "0722918304", "BANK_ACCOUNT", False),
])
def test_the_rules(text: str, value: str, kind: str, kept: bool) -> None:
    assert pii_kept_numbers.is_kept_number(text, _span(text, value, kind)) is kept


def test_a_long_text_is_fast() -> None:
    text = ("NIP Sp. z o.o. account water VA sort code " + "1" * 50 + " ") * 4000
    spans = [PiiSpan("NATIONAL_ID", i, i + 10, 0.9) for i in range(0, 190_000, 1900)]
    began = time.perf_counter()
    pii_kept_numbers.drop_kept_numbers(text, spans)
    assert time.perf_counter() - began < 0.5
