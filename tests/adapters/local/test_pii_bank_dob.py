"""Bank details and dates of birth in the forms the older rules miss (session 25, pii_bank_dob.py)."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_bank_dob
from tests.pii_rules_support import rules_cover


def _found(text: str) -> list[tuple[str, str]]:
    return [(kind, text[s:e]) for kind, s, e, _ in pii_bank_dob.find_bank_and_birth(text)]




@pytest.mark.parametrize(("text", "kind", "value"), [
    ("sent ₹4,200 to the wrong UPI id anita.desai77@okhdfc, it should have been anita.desai@okhdfc", "BANK_ACCOUNT",
     "anita.desai77@okhdfc"),
    ("paid the shop at kiranamart@ybl by mistake", "BANK_ACCOUNT", "kiranamart@ybl"),
    ("agent: which upi id caller: priya dot nair nine one at oksbi agent: ok", "BANK_ACCOUNT",
     "priya dot nair nine one at oksbi"),
    ("Proszę o zwrot na rachunek 61 1090 1014 0000 0712 1981 2874, dziękuję", "BANK_ACCOUNT",
     "61 1090 1014 0000 0712 1981 2874"),
    ("Hice la transferencia SPEI a la CLABE 012180001183597198 y no llegó", "BANK_ACCOUNT", "012180001183597198"),
    ("caller: the routing is two one oh, and the account is six six one two oh eight four nine agent: thanks",
     "BANK_ACCOUNT", "six six one two oh eight four nine"),
    ("Agent: and your date of birth? Customer: 11/03/1984", "DOB", "11/03/1984"),
    ("Please confirm your ID number and date of birth Customer: 31092274, 17-Feb-1976 Agent: thanks", "DOB",
     "17-Feb-1976"),
    ("¿Tu fecha de nacimiento? Cliente: 3 de junio del 88 Agente: gracias", "DOB", "3 de junio del 88"),
    ("medewerker: uw geboortedatum? beller: twaalf mei negentienachtenzeventig medewerker: dank u", "DOB",
     "twaalf mei negentienachtenzeventig"),
    ("Operatore: la data di nascita? Cliente: sette marzo sessantanove Operatore: perfetto", "DOB",
     "sette marzo sessantanove"),
    ("Agent: wann sind Sie geboren? Kunde: am dritten vierten neunzehnhundertzweiundsiebzig Agent: danke", "DOB",
     "dritten vierten neunzehnhundertzweiundsiebzig"),
    ("agent: and the date of birth caller: oh nine, twenty two, nineteen ninety agent: ok", "DOB",
     "oh nine, twenty two, nineteen ninety"),
    ("Onze zoon Lars Peeters (°14/02/2019) start in september", "DOB", "14/02/2019"),
])
def test_bank_details_and_dates_of_birth_are_masked(text: str, kind: str, value: str) -> None:
    assert (kind, value) in _found(text)
    assert rules_cover(text, value)


@pytest.mark.parametrize("text", [
    "write to help@sbi.co.in or john@gmail.com",  # mail domains, not payment handles
    "we can meet at ybl… no, at the café",
    "Tracking 123456789012345678 for the parcel",  # 18 digits, no CLABE cue
    "Nationality: Japanese\nDate of birth: 1993-07-19\nHome address: 2-4-18 Nishiki, Naka-ku",  # the address stays
    "Date of Birth: 30 SEP 1979\nPassport expiry: 17 MAR 2031",  # the expiry is not a birth date
    "date of birth is on file; appointment 12/05/2026 at 3pm",
    "account 4 of 5 was closed, the bank says",  # not read aloud digits
])
def test_look_alikes_are_left(text: str) -> None:
    found = _found(text)
    if "1993-07-19" in text:
        assert found == [("DOB", "1993-07-19")]
    elif "30 SEP 1979" in text:
        assert found == [("DOB", "30 SEP 1979")]
    else:
        assert found == []


def test_compound_number_words_are_read_in_linear_time() -> None:
    text = "date of birth " + "negentien" * 3000 + " " + "@ybl " * 5000 + "1 " * 20000
    t0 = time.process_time()
    list(pii_bank_dob.find_bank_and_birth(text))
    assert time.process_time() - t0 < 5
