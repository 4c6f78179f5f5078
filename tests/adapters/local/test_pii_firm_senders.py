"""Session 50 (candidate 50-3): a firm, an authority, a department, a role or a collective sender greeted or signing a
letter, a brand a customer addresses or names as a subject, a speaker's role label and a common word of another
script are no person (kept, in every language); a person greeted or signing, a given name alone, stays masked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_firm_senders, pii_rules
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (text, the firm's, role's or word's value that stays, a person's name that stays masked or None)
_KEPT = [
    ("Hyvä Kela,\n\nhaen asumistukea marraskuusta alkaen. Hakemus on liitteenä.\n\nTerveisin\nAnni Laaksonen",
     "Kela", "Anni Laaksonen"),
    ("Kære Nets,\n\nmin betaling med Dankort gik ikke igennem i går aftes.\n\nMvh Søren Kjær", "Nets", "Søren Kjær"),
    ("Tisztelt Szolgáltató!\n\nA számlámon kétszer szerepel a novemberi díj.\n\nÜdvözlettel:\nKovács Eszter",
     "Szolgáltató", "Kovács Eszter"),
    ("Sayın Yetkili,\n\nfaturamda iki kez ücret alınmış, iadesini rica ediyorum.\n\nSaygılarımla,\nMehmet Yılmaz",
     "Yetkili", "Mehmet Yılmaz"),
    ("Hej!\nMatsalen serverade fisk två gånger i veckan trots allergin.\n\nMvh föräldrarna", "föräldrarna", None),
    ("Hei alle sammen, barnehagen stenger kl. 15 fredag.\n\nHilsen styreren", "styreren", None),
    ("Liebe Nachbarn,\nder Hof wird am Samstag gereinigt.\nEure Hausgemeinschaft", "Hausgemeinschaft", None),
    ("Dzień dobry, w piwnicy od tygodnia nie działa światło.\n\nLokatorka", "Lokatorka", None),
    ("Vă informăm că apa caldă se oprește joi.\nAdministrația", "Administrația", None),
    ("Su reserva queda confirmada para el 3 de marzo.\n\nUn saludo,\nCentral de Reservas", "Central de Reservas", None),
    ("Tisztelt Ügyfelünk!\nA díjfizetési határidő december 10.\n\nÜdvözlettel\nFőtáv", "Főtáv", None),
    ("Customer: PTCL broadband down since morning, ticket PT-88120", "PTCL", None),
    ("Customer: Paytm FASTag charged me twice at the toll plaza", "Paytm FASTag", None),
    ("Caller: hello Ola Electric, my scooter won't charge after the update", "Ola Electric", None),
    ("Agent Lina: Royal Jordanian, this is Lina speaking\nCaller: hi, I need to change my flight", "Royal Jordanian",
     "Lina"),
    ("Cliente: il corriere Nova Poshta non è mai arrivato.\nKurier: Нова Пошта посилка вже у відділенні",
     "Нова Пошта", None),
    ("[10:02] Pembeli: kak, paket saya belum sampai\n[10:03] Admin: baik kak, kami cek", "Pembeli", None),
    ("العميل: مساء الخير، الفاتورة غلط\nAgent: رقم العملية؟\nالعميل: 55120", "العميل", None),
    ("Agent: 주문자 성함과 연락처 알려주세요\n고객: 박지훈이요", "성함과", "박지훈"),
]


@pytest.mark.parametrize(("text", "kept", "person"), _KEPT)
def test_a_firm_or_a_role_is_kept_the_person_masked(tagged, text: str, kept: str, person: str | None) -> None:
    spans = tagged.find(text)
    assert not any(s.kind == "PERSON" and _masked([s], text, kept) for s in spans), (kept, spans)
    if person is not None:
        assert _masked(spans, text, person), (person, spans)


# people greeted or signing, a name that is also a brand word, a surname after a given name: masked
_MASKED = [
    ("Hyvä Mikko,\n\nkiitos viestistä, palaan asiaan huomenna.", "Mikko"),
    ("Hej Lise,\ntak for i går!\n\nMvh Henrik", "Henrik"),
    ("Kære Astrid,\n\nkan du sende kontoudtoget igen?\n\nHilsen Jens", "Jens"),
    ("Hi, I spoke to Rahul Bajaj at your Pune branch about the loan.", "Rahul Bajaj"),
    ("Dear Mr Bajaj, thank you for your patience.", "Bajaj"),
]


@pytest.mark.parametrize(("text", "person"), _MASKED)
def test_a_person_greeted_or_signing_stays_masked(tagged, text: str, person: str) -> None:
    assert _masked(tagged.find(text), text, person)


def test_the_rules_only_detector_keeps_a_greeted_authority() -> None:
    text = "Hyvä Kela,\n\nliitteenä vuokrasopimus.\n\nTerveisin Anni Laaksonen"
    spans = RulesPiiDetector().find(text)
    assert not any(s.kind == "PERSON" and _masked([s], text, "Kela") for s in spans)


def test_the_filter_drops_only_firms_and_keeps_other_spans() -> None:
    text = "Customer: Swiggy Instamart delivered the wrong bag, I'm Kenji Honda, 0412 555 019"
    firm = PiiSpan("PERSON", text.index("Swiggy"), text.index("Swiggy") + len("Swiggy Instamart"), 0.8)
    person = PiiSpan("PERSON", text.index("Kenji"), text.index("Kenji") + len("Kenji Honda"), 0.8)
    phone = PiiSpan("PHONE", text.index("0412"), len(text), 0.9)
    assert pii_firm_senders.without_firm_senders(text, [firm, person, phone]) == [person, phone]
    lower = "the nets were torn"
    assert pii_firm_senders.without_firm_senders(lower, [PiiSpan("PERSON", 4, 8, 0.5)]) == [PiiSpan("PERSON", 4, 8, 0.5)]


def test_no_firm_is_a_given_name_we_know() -> None:
    lows, _, _, _ = pii_firm_senders._firms()
    assert not [n for n in lows for w in n.split() if w in pii_rules.GIVEN_NAMES or w in pii_rules.FIRST_NAMES]


def test_firm_filter_is_fast_on_hostile_text() -> None:
    text = ("Kela Nets PTCL " * 3000) + "x"
    spans = [PiiSpan("PERSON", i * 15, i * 15 + 14, 0.5) for i in range(150)]
    start = time.perf_counter()
    pii_firm_senders.without_firm_senders(text, spans)
    assert time.perf_counter() - start < 0.5
