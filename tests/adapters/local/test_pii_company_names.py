"""Companies named by their kind's word in any language, and well-known operators, banks, utilities, insurers, couriers
and gyms, are kept names (session 45, candidate 45-3); a person named beside them stays masked. My own messages in the
layouts of the class (a sign-off line, an agent's turn, a sender line, a sentence); each company was masked as a PERSON
on the code before (44899ab)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from services.adapters.local import pii_company_names, pii_rules
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import BRANDS, PresidioPiiDetector
from services.models import PiiSpan

SETS = Path(__file__).resolve().parents[3] / "tests" / "data" / "pii"


def persons(found: list[PiiSpan], text: str) -> list[str]:
    return [text[s.start:s.end] for s in found if s.kind == "PERSON"]


def span(text: str, value: str) -> PiiSpan:
    start = text.index(value)
    return PiiSpan("PERSON", start, start + len(value), 0.85)


BOTH = [  # (text, the company's name) masked by the rules-only detector too before
    ("Hyvä asiakas, korvaus on maksettu tilillenne.\nVakuutusyhtiö Kaleva", "Kaleva"),
    ("Moi! Laskusi on nyt maksettu.\nKeskinäinen Vakuutusyhtiö Fennia", "Fennia"),
    ("Kære lejer, vi skifter vandmålere i næste uge.\nEjendomsselskabet Søtorvet", "Søtorvet"),
    ("Salut, factura e gata. Reformes Ferrer", "Reformes Ferrer"),
    ("Faktura za grijanje je u prilogu.\nLijep pozdrav,\nKlima Dalmacija", "Klima Dalmacija"),
    ("Buongiorno, la bolletta di marzo è arrivata doppia.\nEnergia Adriatica", "Energia Adriatica"),
    ("Sehr geehrte Mieterin, die Heizkostenabrechnung liegt im Portal. Wiener Wohnen", "Wiener Wohnen"),
    ("Cienījamie klienti! Rēķinu var apmaksāt internetbankā. Rīgas Siltums", "Rīgas Siltums"),
    ("Your parcel will be delivered tomorrow by courier Ninja Van", "Ninja"),
    ("From: BDO Unibank <alerts@bdo-unibank-verify.com>\nPlease confirm your details", "BDO Unibank"),
    ("Sender: DHL-Info\nYour parcel is waiting, pay the customs fee here", "DHL"),
    ("Dobrý den, zásilka je připravena k vyzvednutí.\nPPL", "PPL"),
]
TAGGED = [  # masked by the default detector before
    ("Agent: Zain Kuwait, good evening, how can I help?\nCustomer: my data bundle is gone", "Zain"),
    ("Agentti: Elisa, Sanna puhelimessa.\nAsiakas: hei, laskussa on virhe", "Elisa"),
    ("Transfer to Ramesh Iyer, Mashreq, was returned", "Mashreq"),
    ("Operator: Uzcard qo'llab-quvvatlash, Jasur\nMijoz: kartam bloklandi", "Uzcard"),
]


@pytest.mark.parametrize(("text", "company"), BOTH + TAGGED)
def test_a_company_is_not_a_person(tagged: PresidioPiiDetector, text: str, company: str) -> None:
    assert not any(company in n for n in persons(tagged.find(text), text)), persons(tagged.find(text), text)


@pytest.mark.parametrize(("text", "company"), BOTH)
def test_the_rules_only_detector_keeps_them_too(text: str, company: str) -> None:
    assert not any(company in n for n in persons(RulesPiiDetector().find(text), text))


@pytest.mark.parametrize(("text", "values", "kept"), [
    # the rest of a firm's name after its kind's word and a partner's name, or after a two-word kind
    ("Viele Grüße\nTeam Lohn\nSteuerkanzlei Albers & Okonkwo", ["Okonkwo"], []),
    ("Poštovani, vaše vozilo je spremno. Auto servis Marković", ["Marković"], []),
    ("Tổng đài: Viễn thông Hòa Bình xin nghe", ["Hòa Bình"], []),
    # a company and a country or a service word; a known company with a person beside it after a comma
    ("Agent: MTN MoMo Ghana, I am Kofi", ["MoMo Ghana", "Kofi"], ["Kofi"]),
    ("Hi Zain support, my line is cut", ["Zain support"], []),
    ("pls pay to Sreejith Nair, Mashreq", ["Sreejith Nair, Mashreq"], ["Sreejith Nair"]),
    ("Un saludo,\nJordi\nReformes Casals", ["Jordi\nReformes Casals"], ["Jordi"]),
    ("JP VOKA SNAGA obvešča, da bo v petek prekinjena dobava vode.", ["JP VOKA SNAGA"], []),
])
def test_the_filter_drops_or_trims_the_spans(text: str, values: list[str], kept: list[str]) -> None:
    found = pii_company_names.without_company_names(text, [span(text, v) for v in values])
    assert persons(found, text) == kept


@pytest.mark.parametrize(("text", "values"), [
    # people beside companies, and first names that a company bears too
    ("Mi chiamo Elisa Rinaldi e vorrei disdire il contratto", ["Elisa Rinaldi"]),
    ("Ciao Elisa, Marco speaking, can you call me back?", ["Elisa", "Marco"]),
    ("Zain Jordan called about the invoice", ["Zain Jordan"]),
    ("Thanks Zain, see you Monday", ["Zain"]),
    ("Zain, this is Ahmed from accounts", ["Zain", "Ahmed"]),
    ("Kuda help me with the form please", ["Kuda"]),
    ("my name is Delta Burke and my order is late", ["Delta Burke"]),
    ("Usain Bolt was on the Virgin Active poster", ["Usain Bolt"]),
    ("JP Smith will sign the contract tomorrow", ["JP Smith"]),
    ("Department Head Mary and John Smith will attend", ["John Smith"]),
    ("Büro Anna und Tom Berger sind im Urlaub", ["Tom Berger"]),
    # a name inside a firm's name that someone in the message bears stays masked there (the conventions)
    ("Herr Okonkwo ruft zurück.\nSteuerkanzlei Albers & Okonkwo", ["Okonkwo", "Okonkwo"]),
    ("Gospodin Marković će vas nazvati. Auto servis Marković", ["Marković", "Marković"]),
    ("Pozdrawiam\nRobert Nowicki\nUsługi Stolarskie Nowicki", ["Robert Nowicki\nUsługi Stolarskie Nowicki"]),
    ("Dear Ms Rinaldi, Rinaldi Energia will call you", ["Rinaldi", "Rinaldi Energia"]),
    # a brand in lower case and an ADDRESS outside a company's name
    ("the elisa invoice came to Anna Korhonen", ["Anna Korhonen"]),
])
def test_people_beside_companies_stay_masked(text: str, values: list[str]) -> None:
    spans: list[PiiSpan] = []
    pos = 0
    for v in values:
        start = text.index(v, pos)
        spans.append(PiiSpan("PERSON", start, start + len(v), 0.85))
        pos = start + len(v)
    assert persons(pii_company_names.without_company_names(text, spans), text) == values


def test_a_person_is_still_masked_by_the_detectors(tagged: PresidioPiiDetector) -> None:
    text = "Agentti: Elisa, Sanna puhelimessa.\nAsiakas: moi, täällä Riikka Salonen"
    assert "Riikka Salonen" in persons(tagged.find(text), text)


def test_an_address_inside_a_company_name_is_dropped_and_one_beside_it_kept() -> None:
    text = "Wiener Wohnen, Rosenhügelstraße 12, 1120 Wien"
    inside = PiiSpan("ADDRESS", 0, len("Wiener Wohnen"), 0.85)
    beside = PiiSpan("ADDRESS", text.index("Rosen"), len(text), 0.85)
    assert pii_company_names.without_company_names(text, [inside, beside]) == [beside]


def test_the_new_companies_hold_no_labelled_name_word(labelled_person_words: dict[str, frozenset[str]]) -> None:
    """No company of the session's part of pii_brands.txt holds a first name we know, none of one word is a labelled
    PERSON word; the names that hold a first name are read only as a whole (WHOLE_NAMES) or with a company's word after
    them (AMBIGUOUS), never from the list alone."""
    lines = (Path(pii_company_names.__file__).with_name("pii_brands.txt")).read_text(encoding="utf-8").splitlines()
    ours = [" ".join(line.split()).lower() for line in lines[next(i for i, line in enumerate(lines)
                                                                  if line.startswith("# session 45")):]
            if line.strip() and not line.startswith("#")]
    assert len(ours) > 400
    assert not [n for n in ours if any(w in pii_rules.FIRST_NAMES for w in n.split())]
    assert not [n for n in ours if " " not in n and n in labelled_person_words["tokens"]]
    assert not {n for n in BRANDS if " " not in n} & pii_company_names.AMBIGUOUS
    assert all(" " in n or n.lower() not in pii_rules.GIVEN_NAMES for n in pii_company_names.WHOLE_NAMES)


def test_the_sets_hold_no_span_it_would_drop_from_a_labelled_person() -> None:
    """No labelled PERSON span of tests/data/pii is wholly a company we know (what the filter drops whole)."""
    bad = []
    for path in sorted(SETS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = row["text"]
            spans = [PiiSpan(s["kind"], s["start"], s["end"], 1.0) for s in row["pii"] if s["kind"] == "PERSON"]
            if not spans or not pii_company_names.company_names(text):
                continue
            kept = pii_company_names.without_company_names(text, spans)
            bad += [text[s.start:s.end] for s in spans if s not in kept]
    assert bad == []


def test_a_long_message_finishes_fast() -> None:
    text = ("Agent: Zain Kuwait, Noor speaking. Steuerkanzlei Vogt & Auto servis JP VOKA " * 400)[:20000]
    spans = [PiiSpan("PERSON", m.start(), m.end(), 0.85) for m in re.finditer(r"Noor|Vogt", text)][:150]
    start = time.perf_counter()
    pii_company_names.without_company_names(text, spans)
    assert time.perf_counter() - start < 2.0
