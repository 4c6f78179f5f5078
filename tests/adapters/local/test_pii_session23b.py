"""Session 18's second round, fixer session23b (blind23b: e-mail threads; blind23c: forms, key=value pastes, slot
answers, KYC).

What the local detector must mask — passport numbers after "passport(s)"/"Passport no.:" (several in a list), an IP
address in a visitor's/client's IP field or after "came from", a birth date with a short month's name or answering a
question for it on the next line, a Spanish DNI/NIE and an Italian codice fiscale answering their cue (check letter
right or not), the last four of an SSN given to prove who one is — and what it must leave unmasked: firms whose name
ends in a trade's word or a legal form, or starts with one, a router's or a server's IP, the last digits of an SSN in a
complaint; with guards: made-up names (no list holds them) stay masked next to those forms. Every sentence is new
(none is a batch's).
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.adapters.local.pii_support import masked


@pytest.fixture(scope="module")
def tagged() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def _touched(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in detector.find(text))


@pytest.mark.parametrize(("text", "value"), [
    # passports after their cue, with "no.", a colon, a list
    ("KYC upload\nFull name: see scan\nPassport no.: K73310582\nIssued: 2019", "K73310582"),
    ("Travel desk: Passport no. LM5530914, expiring next spring, please update.", "LM5530914"),
    ("For the group booking the kids' passports are C55102938 and C55102977 as agreed.", "C55102977"),
    ("For the group booking the kids' passports are C55102938 and C55102977 as agreed.", "C55102938"),
    # an IP address in a visitor's field or after "came from"
    ("form_id=77\nclient_ip: 93.184.12.201\ncomment=call me", "93.184.12.201"),
    ("The failed sign-up requests came from 102.66.4.19 last night.", "102.66.4.19"),
    ("Widget log\nvisitor_ip: 2001:db8:4f1c:0:9a2:11ff:fe83:7c21\nmood: angry", "2001:db8:4f1c:0:9a2:11ff:fe83:7c21"),
    # birth dates
    ("Clinic intake | DOB: 03-Sep-1977 | GP: Riverside", "03-Sep-1977"),
    ("Bot: Votre date de naissance, s'il vous plaît.\nClient: 19/11/1984", "19/11/1984"),
    # national numbers answering their cue
    ("Bot: Necesito su DNI para seguir.\nUsuario: 55019342Q", "55019342Q"),
    ("Bot: Mi serve il codice fiscale del titolare.\nUtente: TRMLSE85C41F205X", "TRMLSE85C41F205X"),
    # the last four of an SSN to prove who one is
    ("To confirm the W-2 reprint: last four of her SSN 6027, employee since 2019.", "6027"),
])
def test_session23b_personal_data_is_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # firms: a trade's word, a legal form, a trade's first word
    ("Kind regards,\nNadia\nProcurement, Stonebridge Architects", "Stonebridge Architects"),
    ("The refund was sent from Wrenfield Mutual Bank on Friday.", "Wrenfield Mutual Bank"),
    ("Our installer, Lindqvist Bygg AB, will call before the visit.", "Lindqvist Bygg AB"),
    ("Invoice 2231 from Corvane Biotech GmbH is still unpaid.", "Corvane Biotech"),
    ("We booked the tour through Viajes Montalbo last month.", "Viajes Montalbo"),
    ("Hola,\nreservamos con Viajes Montalbo.", "Viajes Montalbo"),
    ("Regards,\nOla Berg\nLindqvist Bygg AB", "Lindqvist Bygg AB"),
    ("Regards,\nOla Berg\nCorvane Biotech", "Corvane Biotech"),
    ("Cleaning is handled by Ashgrove Facilities on weekends.", "Ashgrove Facilities"),
    # a service's line, a utility's account, a routing number
    ("Out of hours, please ring the help desk on 0808 157 0192 instead.", "0808 157 0192"),
    ("While abroad, call our 24-hour line +44 161 496 0000 for lost cards.", "+44 161 496 0000"),
    ("Stromzähler getauscht, Vertragskonto 5102 8834 61, bitte anpassen.", "5102 8834 61"),
    ("the heating bill for account 771 204 9935 doubled in March", "771 204 9935"),
    ("refund by wire please, routing 026009593, account ending 4410", "026009593"),
    # a router's or a server's IP, the last digits of an SSN in a complaint (no verification)
    ("My router's WAN IP 81.2.69.160 keeps changing every hour.", "81.2.69.160"),
    ("the app asked for my ssn and froze, last 4 are 5512, not typing it again", "5512"),
])
def test_session23b_not_personal_data_stays_unmasked(tagged, text, value):
    assert not _touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # made-up names next to the firms' forms
    ("Thanks for your help,\nNgozika Oyelaran AB", "Ngozika Oyelaran"),
    ("Regards, Tremaine Bank", "Tremaine"),
    ("Our contact Ngozika Oyelaran works at Oyelaran Facilities.", "Ngozika Oyelaran"),
    ("Please call Tremaine Oyelaran back about his passport AB1234567.", "Tremaine Oyelaran"),
    # a customer's own phone after a service's or an account's word
    ("The helpline rang back; my mobile 07841 993 210 is best.", "07841 993 210"),
    ("Linked WhatsApp account: 07841 993 210", "07841 993 210"),
    ("the phone number on the account is 07841 993 210", "07841 993 210"),
])
def test_session23b_guards_personal_data_stays_masked(tagged, text, value):
    assert _touched(tagged, text, value)


def test_session23b_a_firm_named_after_a_masked_signer_keeps_the_name_masked(tagged):
    """build.py's convention: the surname of a masked signer stays masked inside the firm's name."""
    text = "Regards,\nTremaine Oyelaran\nOyelaran Architects"
    assert _touched(tagged, text, "Tremaine Oyelaran")
    assert _touched(tagged, text, "Oyelaran Architects")
