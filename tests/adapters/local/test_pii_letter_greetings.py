"""Session 34 (issue 21, 34-1): the name a letter greets in the words of Central and Eastern European, Nordic, Baltic,
Greek and Cyrillic mail is masked (after a greeting, after a title, before a title said after the name); what such a
letter greets that is no one (an office, a role, a customer service) stays readable, and so does the greeting."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_letter_greetings
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def names(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


@pytest.mark.parametrize(("text", "name"), [
    ("Vážená paní Dvořáková,\n\nv příloze posíláme vyúčtování za březen.", "Dvořáková"),
    ("Dobrý den, pane Kučero, potvrzujeme servis vozu ve čtvrtek.", "Kučero"),
    ("Vážený pán Kováč,\n\nvaša objednávka je pripravená na vyzdvihnutie.", "Kováč"),
    ("Stimată doamnă Ionescu,\n\nvă transmitem contractul semnat.", "Ionescu"),
    ("Poštovani gospodine Perić,\n\nVaš zahtjev je zaprimljen.", "Perić"),
    ("Spoštovana gospa Novak,\n\npošiljamo vam račun.", "Novak"),
    ("Kedves Szabó Bence!\n\nA bérjegyzéket csatoltuk.", "Szabó Bence"),
    ("Tisztelt Kiss Anna!\n\nÉrtesítjük, hogy a kérelmét befogadtuk.", "Kiss Anna"),
    ("Здравейте г-н Петров,\nпотвърждаваме часа ви.", "Петров"),
    ("Уважаемая госпожа Смирнова,\nваш заказ отправлен.", "Смирнова"),
    ("Αγαπητή κα. Οικονόμου,\n\nσας επισυνάπτουμε το τιμολόγιο.", "Οικονόμου"),
    ("Hei Sigrid,\n\nlønnsslippen for april ligger vedlagt.", "Sigrid"),
    ("Hej Johanna!\nTack för din beställning.", "Johanna"),
    ("Tere Kadri Saar!\n\nArve on lisatud.", "Kadri Saar"),
    ("Lugupeetud proua Tamm,\n\narve on lisatud.", "Tamm"),
    ("Hyvä Liisa Mäkelä,\n\najanvarauksesi on vahvistettu.", "Liisa Mäkelä"),
    ("köszönöm a türelmét, Varga Zoltán úr, a számlát elküldtük", "Varga Zoltán"),
    ("Laba diena, ponia Kazlauskienė, jūsų užsakymas išsiųstas.", "Kazlauskienė"),
])
def test_a_greeted_or_titled_name_is_masked_without_its_greeting(detector: PresidioPiiDetector, text: str,
                                                                  name: str) -> None:
    found = names(detector, text)
    assert name in found, found
    assert not any(f != name and name in f for f in found), found  # "Kedves Szabó Bence" would mask the greeting


@pytest.mark.parametrize(("text", "kept"), [
    ("Tisztelt Ügyfélszolgálat!\n\nA januári számlám hibás.", "Ügyfélszolgálat"),
    ("Kedves Óvoda! A gyerek pénteken hiányzik.", "Óvoda"),
    ("Szanowna Pani Dyrektor,\n\nzwracam się z prośbą o zaświadczenie.", "Dyrektor"),
    ("Hej Kundservice,\njag vill reklamera mina hörlurar.", "Kundservice"),
    ("Tisztelt Cím!\n\nKérem a díjbekérő javítását.", "Cím"),
])
def test_an_office_or_role_a_letter_greets_stays_readable(detector: PresidioPiiDetector, text: str,
                                                         kept: str) -> None:
    assert not any(kept in f for f in names(detector, text)), names(detector, text)


def test_one_unknown_word_greeted_is_proposed_and_left_to_the_person_check() -> None:
    # "Tere Kadri!": the finder proposes the name; one unknown capitalised word greeted is then the learned PERSON
    # check's to decide, as "Hi Jenny," is (the check rebuilt after session 34's merges scores "Kadri" here 0.399,
    # under its 0.4)
    text = "Tere Kadri!\n\nArve on lisatud."
    assert [text[s:e] for _, s, e, _ in pii_letter_greetings.find_letter_greetings(text)] == ["Kadri"]


def test_lower_case_words_after_a_greeting_or_title_are_not_names() -> None:
    text = "Dobrý den paní učitelko, syn bude zítra chybět.\nHej allihop, vi ses imorgon."
    assert list(pii_letter_greetings.find_letter_greetings(text)) == []


def test_a_long_letter_of_greetings_is_read_quickly() -> None:
    text = "Vážená paní " * 20_000 + "Kedves " * 10_000 + " " * 50_000 + "úr " * 10_000
    started = time.process_time()
    found = list(pii_letter_greetings.find_letter_greetings(text))
    assert len(found) <= pii_letter_greetings.CAP
    assert time.process_time() - started < 5
