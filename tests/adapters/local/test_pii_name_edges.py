"""Session 50 (candidate 50-5): greetings, honorifics, vocatives, fillers and the turn's own words are no part of a
name: a PERSON span that runs past a name is cut to it, one that holds no name is dropped (chats, calls and
code-mixed text in every language); the names themselves stay masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_name_edges
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _persons(spans: list[PiiSpan], text: str) -> list[str]:
    return [text[s.start:s.end] for s in spans if s.kind == "PERSON"]


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (text, the words no PERSON span may cover)
_NO_NAME = [
    ("Customer: hello madam I'm calling about my refund, order 5521", "madam I'm"),
    ("Pelanggan: Halo Kak, paket saya belum sampai sejak Senin", "Halo Kak"),
    ("Customer: noted sir. And the invoice number?", "sir. And"),
    ("Customer: Ok noted madam. And the tracking link?", "madam. And"),
]


@pytest.mark.parametrize(("text", "words"), _NO_NAME)
def test_a_span_of_greetings_and_honorifics_only_is_dropped(tagged, text: str, words: str) -> None:
    assert not _masked(tagged.find(text), text, words)


# (text, the name that stays masked, the words around it that are left out)
_CUT = [
    ("Caller: rahul bhai mera parcel abhi tak nahi aaya", "rahul", "bhai"),
    ("Caller: kiran ji maine 2 baar payment kiya", "kiran", "ji maine"),
    ("Pembeli: Kak Rina, paket saya belum sampai", "Rina", "Kak"),
    ("Customer: salamat po ate Joy, na-receive ko na", "Joy", "ate"),
]


@pytest.mark.parametrize(("text", "name", "around"), _CUT)
def test_a_span_is_cut_to_the_name_it_holds(tagged, text: str, name: str, around: str) -> None:
    spans = tagged.find(text)
    assert name in _persons(spans, text)
    assert not _masked(spans, text, around)


# names and titled names the pass leaves as they are
_KEPT = [
    ("Caller: yes madam, it's Joseph Mwangi speaking", "Joseph Mwangi"),
    ("Caller: haan ji, main Sunita Sharma bol rahi hoon", "Sunita Sharma"),
    ("Cliente: gracias señora Pilar, ya me llegó", "Pilar"),
    ("Mteja: asante sana mama Wanjiru kwa msaada", "Wanjiru"),
    ("Customer: hi Dewi, thanks for the help", "Dewi"),
]


@pytest.mark.parametrize(("text", "name"), _KEPT)
def test_names_beside_greetings_stay_masked(tagged, text: str, name: str) -> None:
    assert name in _persons(tagged.find(text), text)


def _cut(text: str, value: str) -> list[str]:
    start = text.index(value)
    return _persons(pii_name_edges.trim_name_edges(text, [PiiSpan("PERSON", start, start + len(value))]), text)


@pytest.mark.parametrize(("text", "value", "left"), [
    ("Caller: usman bhai maine 0301 pe bheje", "usman bhai maine", ["usman"]),
    ("Driver: madam I'm at Liberty Plaza", "madam I'm", []),
    ("Cliente: Hola señora Marta, buenas", "Hola señora Marta", ["Marta"]),
    ("Cliente: Oi senhora Beatriz, tudo bem", "Oi senhora Beatriz", ["Beatriz"]),
    ("Mteja: Habari bwana Otieno", "Habari bwana Otieno", ["Otieno"]),
    ("Bot: Halo", "Halo", []),
    ("Client : Bonjour Madame, merci", "Bonjour Madame", []),  # a title with a greeting only
    ("Kunde: Hallo Herr, danke", "Hallo Herr", []),
    ("Cliente: Buongiorno signora Bianchi", "Buongiorno signora Bianchi", ["signora Bianchi"]),  # the title stays
    ("Customer: ok noted", "noted", []),
    ("Caller: han wohi wala", "han wohi", []),  # lower-case words that are surnames in capitals
])
def test_the_pass_cuts_and_drops(text: str, value: str, left: list[str]) -> None:
    assert _cut(text, value) == left


@pytest.mark.parametrize(("text", "value"), [
    ("Dear Mr. Alan Whitfield,", "Mr. Alan Whitfield"),  # an English title may be inside a labelled name: left
    ("Kim Min-ji called", "Kim Min-ji"),  # a surname that is an honorific too, inside a hyphenated name
    ("Yaw Asante paid", "Yaw Asante"),  # "asante" ("thanks") is a surname too: never an edge word
    ("Rosalind Ng wrote", "Rosalind Ng"),
    ("from Ji today", "Ji"),  # a one-word span that may be a surname stays
    ("Han Solo rang", "Han Solo"),  # capitalised surnames that are words in lower case stay
    ("Herr Becker", "Herr Becker"),  # a title alone beside a name stays (older labelled sets hold it)
    ("lo dijo vale", "vale"),  # a short form of a name ("Valentina")
    ("ref Jan de Vries 0301", "Jan de Vries 0301"),  # a span with digits is read as it is
])
def test_names_that_hold_edge_words_stay_whole(text: str, value: str) -> None:
    assert _cut(text, value) == [value]


def test_the_rules_only_detector_drops_a_greeting_span() -> None:
    text = "Caller: usman bhai maine aapko paise bheje"
    spans = RulesPiiDetector().find(text)
    assert _persons(spans, text) == ["usman"]
    text = "Customer: noted sir. And the invoice number?"
    assert _persons(RulesPiiDetector().find(text), text) == []
