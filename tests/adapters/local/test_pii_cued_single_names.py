"""Session 49 (candidate 49-2): a lone given name or surname after a strong cue (a courtesy title in a letter's
greeting, a role word before the name, a first name signing above a quoted thread or a phone's footer, a form post's
name field, a name on a booking said to be wrong) is masked in any language; groups, offices, brands and plain words
after the same cues stay as they are."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_cued_single_names
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start <= start and start + len(value) <= s.end for s in spans)


def _touched(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


def _found(text: str) -> list[str]:
    return [text[a:b] for _, a, b, _ in pii_cued_single_names.find_cued_single_names(text)]


# (text, the lone name that must be masked whole)
_MASKED = [
    ("Sehr geehrte Familie Wojcik,\n\nwir bestätigen den Termin für die Zählerablesung am Dienstag.", "Wojcik"),
    ("Benvolguda senyora Ferrer,\nus informem que la quota de la comunitat puja un 3%.", "Ferrer"),
    ("Estimado señor Arrieta,\nle confirmamos la devolución de 45,90 € a su tarjeta.", "Arrieta"),
    ("Liebe Frau Kranzler,\n\nJonas fehlt heute wegen Fieber.", "Kranzler"),
    ("Spoštovani g. Kranjc,\nvaš paket čaka na pošti.", "Kranjc"),
    ("Bună ziua, doamna Ionescu!\nVă trimit factura pentru luna mai.", "Ionescu"),
    ("Dear Mrs Okonjo,\nyour refund of £18.40 has been issued.", "Okonjo"),
    ("Driver Bayo: madam I'm at the gate, which block?", "Bayo"),
    ("Tài xế Quang: chị ơi em tới cổng rồi", "Quang"),
    ("Курьер Тимур: добрый день, я у подъезда", "Тимур"),
    ("راننده رضا: سلام، من دم در هستم", "رضا"),
    ("the delivery partner Vikram marked it delivered but nothing came", "Vikram"),
    ("Conductor Hughes: tickets from Cardiff please", "Hughes"),
    ("Paketnya sudah dititipkan ke pak Darmono di pos satpam.", "Darmono"),
    ("Fine by me, go ahead with the transfer.\n\nMagnus\n\n-----Original Message-----\nFrom: Accounts <ap@x.example>",
     "Magnus"),
    ("Ok, I'll bring the form on Friday.\n\nBeatriz\n\nSent from my iPhone", "Beatriz"),
    ("Passt so.\n\nGruß\nHenrike\n\nAm 03.02.2026 um 09:14 schrieb Service <service@x.example>:", "Henrike"),
    ("submission: first_name=Callum&last_name=Rennie&email=c.rennie%40mail.example", "Callum"),
    ("name=Tamsin+Holloway\nphone=07700900123", "Tamsin+Holloway"),
    ("Hi, the name on my booking is wrong, it says KOWALCZYK but my passport says KOVALCHUK.", "KOWALCZYK"),
    ("Auf meiner neuen Versichertenkarte steht der Name falsch, darauf steht Meier statt Maier.", "Meier"),
    ("Mijn pakket is afgeleverd bij fam. Verbeek op nummer 12, maar die zijn op vakantie.", "Verbeek"),
    ("Das Paket wurde bei Nachbar Lindqvist abgegeben, der wohnt aber gar nicht hier.", "Lindqvist"),
]


@pytest.mark.parametrize(("text", "name"), _MASKED)
def test_a_lone_name_after_a_strong_cue_is_masked(tagged, text: str, name: str) -> None:
    assert _masked(tagged.find(text), text, name), (text, name)


@pytest.mark.parametrize(("text", "name"), _MASKED)
def test_the_rules_only_detector_masks_it_too(text: str, name: str) -> None:
    assert _masked(RulesPiiDetector().find(text), text, name), (text, name)


# (text, a word after the same cue that is no one's name and must not be masked)
_KEPT = [
    ("Sehr geehrte Kunden,\n\nam Samstag bleibt die Filiale geschlossen.", "Kunden"),
    ("Dear Customer,\nyour bill is ready.", "Customer"),
    ("Hallo Lohnbuchhaltung,\nbitte prüft meine Abrechnung.", "Lohnbuchhaltung"),
    ("Szanowna Pani Dyrektor,\nproszę o zwolnienie syna z lekcji.", "Dyrektor"),
    ("the driver GoRide cancelled three times", "GoRide"),
    ("Tài xế Grab hủy chuyến 2 lần rồi", "Grab"),
    ("the technician Saturday slot is fine for me", "Saturday"),
    ("Rider: Good morning, I'm at your gate.", "Good"),
    ("ไรเดอร์: ถึงแล้วครับ", "ถึงแล้วครับ"),
    ("Krankenkasse: Techniker Krankenkasse\nIBAN: DE12 5001 0517 0648 4898 90", "Krankenkasse\nIBAN"),
    ("Thanks\n\nSent from my iPhone", "Thanks"),
    ("Noted.\n\nPlanning\n\n> Van: Klantenservice <ks@x.example>", "Planning"),
    ("the app says DELIVERED but nothing came, status is wrong", "DELIVERED"),
    ("Hiermit kündige ich den o. g. Vertrag fristgerecht.", "Vertrag"),
    ("Sehr geehrte Frau Mag. Brunner,\n\nanbei die Unterlagen.", "Mag"),
    ("Please note the room name, e.g. \"Bluebells\", on the form.", "Bluebells"),
]


@pytest.mark.parametrize(("text", "word"), _KEPT)
def test_no_name_after_the_same_cues_is_proposed(text: str, word: str) -> None:
    assert word.split("\n")[0] not in _found(text), (text, _found(text))


def test_a_group_greeted_with_a_title_stays(tagged) -> None:
    text = "Sehr geehrte Damen und Herren,\n\nbitte senden Sie mir die Rechnung erneut."
    assert not any(s.kind == "PERSON" for s in tagged.find(text))


def test_the_scan_reads_the_first_20000_characters_only() -> None:
    text = "x " * 10_500 + "\nSehr geehrte Familie Wojcik,\n"
    assert _found(text) == []
    assert _found("Sehr geehrte Familie Wojcik,\n" + "x " * 10_500) == ["Wojcik"]
