"""Salutations to a group or a role, and the common words that open a sentence, taken for persons (session 44,
candidate 44-2)."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_group_greetings, pii_rules
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


def names(found: list[PiiSpan], text: str) -> list[str]:
    return [text[s.start:s.end] for s in found if s.kind == "PERSON"]


def person(text: str, value: str) -> PiiSpan:
    start = text.index(value)
    return PiiSpan("PERSON", start, start + len(value), 0.85)


def kept(text: str, value: str) -> list[str]:
    return [text[s.start:s.end] for s in pii_group_greetings.without_group_greetings(text, [person(text, value)])]


GROUP_SALUTATIONS = [
    ("Tisztelt Lakosok!\n\nÉrtesítjük, hogy a csatornafelújítás miatt a Fő utcát lezárják.", "Lakosok"),
    ("Tisztelt Biztosító!\n\nA kárszámhoz csatolom a javítási számlát.", "Biztosító"),
    ("Estimado vecino:\n\nLe informamos de que la junta se celebrará el jueves.", "vecino"),
    ("Gentile contribuente,\n\nla informiamo che la rata scade il 16 giugno.", "contribuente"),
    ("Kære borger\n\nDin affaldsbeholder tømmes fremover om onsdagen.", "borger"),
    ("Beste huurder,\n\nVolgende week wordt de lift vervangen.", "huurder"),
    ("Head lapsevanemad!\n\nReedel on koolis lõpuaktus.", "lapsevanemad"),
    ("Sehr geehrte Eigentümerinnen und Eigentümer,\n\ndie Versammlung findet im Mai statt.",
     "Eigentümerinnen und Eigentümer"),
    ("Sehr geehrte Bürgerinnen und Bürger,\n\ndie Sperrmüllabfuhr ist im April.", "Bürgerinnen und Bürger"),
    ("Уважаеми съседи,\n\nв събота ще почистваме входа.", "съседи"),
    ("Dear Council Tax team,\n\nI have moved out and need a final bill.", "Council Tax"),
    ("Szanowni Mieszkańcy,\n\nw piątek nie będzie ciepłej wody.", "Mieszkańcy"),
]


@pytest.mark.parametrize(("text", "value"), GROUP_SALUTATIONS)
def test_group_salutation_dropped(text: str, value: str) -> None:
    assert kept(text, value) == []


OPENERS = [
    ("Wenn Sie einverstanden sind, antworten Sie bitte kurz.", "Wenn Sie"),
    ("Unsere Bankverbindung ist gleich. Sollten Sie E-Mails mit neuen Daten erhalten, melden Sie sich.",
     "Sollten Sie E-Mails"),
    ("DNSB valdyba informuoja, kad Jūsų butui priskaičiuota 48 eurų.", "Jūsų"),
    ("Autobusai kursuos kitais maršrutais.\n\nAtsiprašome už nepatogumus.", "Atsiprašome už nepatogumus"),
    ("Програмата е на сайта.\n\nЗаповядайте!", "Заповядайте"),
    ("Soitan huomenna.\n\nLähetetty Outlook for Android -sovelluksesta", "sovelluksesta"),
    ("Soitan huomenna.\n\nLähetetty Outlook for Android -sovelluksesta", "Lähetetty Outlook"),
    ("Viitenumero: 20241182\n\nJos lasku on jo maksettu, tämä muistutus on aiheeton.", "Jos"),
    ("Tere!\n\nMina olen Marko Tamm ja elan Tartus.", "Mina"),
    ("Elektrogeräte, Reifen und Bauschutt werden nicht mitgenommen.", "Reifen"),
    ("Bestellung DE-10044, Größe 43 war zu klein.", "Größe"),
    ("Für Familien liegen Anträge im Sekretariat.", "Anträge"),
]


@pytest.mark.parametrize(("text", "value"), OPENERS)
def test_sentence_opener_dropped(text: str, value: str) -> None:
    assert kept(text, value) == []


LOOK_ALIKES = [
    ("Tisztelt Fekete Ildikó!\n\nA számlát csatoltuk.", "Fekete Ildikó"),
    ("Kære Jens\n\nTak for sidst.", "Jens"),
    ("Estimado Sr. Pérez:\n\nLe escribimos por su recibo.", "Pérez"),
    ("Sehr geehrte Frau Bürger,\n\nanbei Ihre Rechnung.", "Bürger"),
    ("Dear Mr Smith and team,\n\nthanks for the quote.", "Smith"),
    ("Jos Verstappen called about the invoice.", "Jos Verstappen"),
    ("Mina called about her parcel.", "Mina"),
    ("Hi, I spoke to Mina yesterday.", "Mina"),
    ("Gentile Sig.ra Rossi,\n\nle inviamo il riparto.", "Rossi"),
    ("Dear Priya's team,\n\nplease see attached.", "Priya"),
    ("Sent from WhatsApp: hi, this is Rukhsana Begum, I missed your call.", "Rukhsana Begum"),
    ("Thanks\n\nSent from Anna's iPhone", "Anna"),
]


@pytest.mark.parametrize(("text", "value"), LOOK_ALIKES)
def test_person_kept(text: str, value: str) -> None:
    assert kept(text, value) == [value]


def test_opener_cut_to_given_name() -> None:
    text = "Wenn Sie Anna Berger erreichen, rufen Sie zurück."
    assert kept(text, "Wenn Sie Anna Berger") == ["Anna Berger"]
    text = "Vielen Dank für Ihre Geduld.\n\nIhre Frau Huber"
    assert kept(text, "Ihre Frau Huber") == ["Frau Huber"]


def test_other_kinds_untouched() -> None:
    text = "Tisztelt Lakosok!\n\nHívjon: 06 30 123 4567"
    spans = [PiiSpan("PHONE", text.index("06"), len(text), 0.9), person(text, "Lakosok")]
    assert [s.kind for s in pii_group_greetings.without_group_greetings(text, spans)] == ["PHONE"]


def test_word_lists_hold_no_given_name() -> None:
    lists = pii_group_greetings._GROUPS | pii_group_greetings._OPENERS | pii_group_greetings._NOUNS
    assert sorted(w for w in lists if w in pii_rules.GIVEN_NAMES and len(w) > 3) == []


DETECTED = [
    ("Tisztelt Lakosok!\n\nA lomtalanítás május 12-én lesz, kérjük, a lomot előző este tegyék ki.", "Lakosok"),
    ("Gentile contribuente,\n\nsi ricorda che la prima rata TARI scade il 16 giugno.", "contribuente"),
    ("Estimado vecino:\n\nLe recordamos que la derrama vence el día 5.", "vecino"),
    ("Tere!\n\nMina olen Kadri Mets, elan Tallinnas ja soovin lepingu lõpetada.", "Mina"),
    ("Hyvä asiakas,\n\nViitenumero: 20241182\n\nJos lasku on jo maksettu, tämä muistutus on aiheeton.", "Jos"),
]


@pytest.mark.parametrize(("text", "value"), DETECTED)
def test_default_detector(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert value not in names(detector.find(text), text)


def test_default_detector_keeps_name(detector: PresidioPiiDetector) -> None:
    text = "Wir haben die Rechnung geprüft. Wenn Sie einverstanden sind, antworten Sie bitte kurz.\nGruß Jens Albers"
    assert names(detector.find(text), text) == ["Jens Albers"]


def test_rules_only_detector() -> None:
    for text in ("Tisztelt Lakosok!\n\nA lomtalanítás május 12-én lesz, kérjük, a lomot előző este tegyék ki.",
                 "Estimado vecino:\n\nLe recordamos que la derrama vence el día 5.",
                 "Tere!\n\nMina olen Kadri Mets, elan Tallinnas ja soovin lepingu lõpetada."):
        assert names(RulesPiiDetector().find(text), text) == []


def test_long_input_is_fast() -> None:
    text = ("Tisztelt Lakosok und Bürger " * 3000) + "!"
    spans = [PiiSpan("PERSON", i, i + 7, 0.5) for i in range(0, 150, 10)]
    began = time.monotonic()
    pii_group_greetings.without_group_greetings(text, spans)
    assert time.monotonic() - began < 1.0
