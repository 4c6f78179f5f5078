"""Session 50 (candidate 50-6): a given name written in lower case after the cue a capitalised name would have — a
greeting or a thanks said to someone, a self-introduction, "… here" / "… speaking", a message's signature — is a
PERSON, in the languages our chats mix; a lower-case word after such a cue that is no given name stays as it is."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_lower_cued_names
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start <= start and start + len(value) <= s.end and s.kind == "PERSON" for s in spans)


def _touched(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


def _found(text: str) -> list[str]:
    return [text[a:b] for _, a, b, _ in pii_lower_cued_names.find_lower_cued_names(text)]


# (text, the lower-case name that is masked whole)
_NAMES = [
    ("Agent: Hi, you're chatting with Tariq, how can I help?\nCustomer: hi tariq, my router keeps dropping", "tariq"),
    ("ok perfecto, muchas gracias rocío", "rocío"),
    ("the courier left it at the wrong door again. thx lakshmi!!", "lakshmi"),
    ("ça marche, merci mathieu, bonne soirée", "mathieu"),
    ("hey it's siobhan, can i move my appointment to friday?", "siobhan"),
    ("hola, me llamo marisol y tengo un problema con la factura", "marisol"),
    ("guten tag, ich bin henrik, mein paket ist nicht angekommen", "henrik"),
    ("shukriya farhan bhai, ab theek hai", "farhan"),
    ("ahlan ya khalid, el router mesh shaghal", "khalid"),
    ("the parcel was left in the rain and everything is soaked. not happy at all. — callum", "callum"),
    ("Operator: Helios Energy, good morning\nCaller: morning, ingrid here, about my meter reading", "ingrid"),
    ("oi, aqui é o rodrigo, meu pedido ainda não chegou", "rodrigo"),
    ("Оператор: Билайн, здравствуйте\nКлиент: добрый день, это светлана, у меня не работает интернет", "светлана"),
    ("Клієнт: дякую тарас, все працює", "тарас"),
]


@pytest.mark.parametrize(("text", "name"), _NAMES)
def test_lower_case_name_after_a_cue_is_masked(tagged, text: str, name: str) -> None:
    spans = tagged.find(text)
    assert _masked(spans, text, name), (text, [(s.kind, text[s.start:s.end]) for s in spans])


@pytest.mark.parametrize(("text", "name"), _NAMES)
def test_rules_only_detector_masks_it_too(text: str, name: str) -> None:
    spans = RulesPiiDetector().find(text)
    assert _masked(spans, text, name), (text, [(s.kind, text[s.start:s.end]) for s in spans])


def test_surname_in_lower_case_is_taken_with_the_name() -> None:
    assert _found("hello, my name is fatima haddad, my card was charged twice") == ["fatima haddad"]
    assert _found("teşekkürler murat bey, iyi günler") == ["murat"]  # the courtesy word stays outside


# (text, a word after a cue that is no name and must stay unmasked)
_WORDS = [
    "hi all, is the app down for everyone?",
    "thanks again for sorting it so quickly",
    "this is ridiculous, third time this week",
    "vale, gracias igual, ya lo miro yo",
    "mvh kundeservice",
    "hi there, quick question about my bill",
    "min saya salah transfer Rp 500.000 ke rekening lain",
    "chào anh, em muốn hỏi về hóa đơn",
    "caller: yeah it's connor underscore byrne at gmail dot com",
    "я вера в лучшее, спасибо большое",
]


@pytest.mark.parametrize("text", _WORDS)
def test_words_after_a_cue_that_are_no_names_stay(text: str) -> None:
    assert _found(text) == []


def test_ordinary_words_stay_unmasked_in_the_detector(tagged) -> None:
    text = "hi all, thanks again. this is ridiculous, the order is still missing. gracias igual"
    spans = tagged.find(text)
    for word in ("all", "again", "ridiculous", "igual"):
        assert not _touched(spans, text, word), [(s.kind, text[s.start:s.end]) for s in spans]


def test_name_must_end_the_greeting_clause() -> None:
    # a given name after a greeting with the sentence going on is not read as addressed ("hi omar i think" is left)
    assert _found("hey marco polo restaurant is closed today?") == []


def test_a_name_the_message_gives_capitalised_is_read_in_lower_case_too(tagged) -> None:
    text = "Agent: Optus, you're speaking with Kirrily\nCaller: g'day kirrily, my nbn has been down since sunday"
    spans = tagged.find(text)
    assert _masked(spans, text, "kirrily"), [(s.kind, text[s.start:s.end]) for s in spans]
    assert _found("g'day kirrily, my nbn has been down since sunday") == []  # no list knows the word alone
