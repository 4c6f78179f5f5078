"""Session 33 (issue 21): the company a message greets at its start is kept readable, and the greetings of call
openings are not names; the people the same messages name are still masked, and a greeted person stays masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_presidio
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def names(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


@pytest.mark.parametrize(("text", "firm", "person"), [
    ("hey Stanbic Uganda, need a bank statement for my visa, acc 9030012774481. Okello James",
     "Stanbic Uganda", "Okello James"),
    ("Dear DESCO, prepaid meter 661012345678 not loading since Friday. Rahim Uddin", "DESCO", "Rahim Uddin"),
    ("Yo T-Mobile my phone got stolen, pls block it. Tyrone Banks", "T-Mobile", "Tyrone Banks"),
    ("Bonjour Royal Air Maroc, est-ce que le vol AT 205 part à l'heure ? Karim Benali", "Royal Air Maroc",
     "Karim Benali"),
    ("Hi HoYoverse, I topped up 6480 Genesis Crystals and got nothing. Li Wei", "HoYoverse", "Li Wei"),
    ("Dear Celtic Van Hire,\nI'm disputing the damage charge on booking CVH-22871.\nSean Murphy",
     "Celtic Van Hire", "Sean Murphy"),
    ("Hola Aerolíneas Argentinas, necesito corregir el pasaporte de mi reserva. Lucía Fernández",
     "Aerolíneas Argentinas", "Lucía Fernández"),
    # the greeting on the line after the @handle (a defect found on real tweets after the check's rebuild, which now
    # keeps such a name on its own: 0.47)
    ("@TeamHelpAcme \nDear TeamHelpAcme,\nmy channel was hacked last night, how do I get it back? Priya Nair",
     "TeamHelpAcme", "Priya Nair"),
    # the learned PERSON check's cases until session 33 (test_pii_person_check.py), now dropped before it
    ("Hi Snugfit Home Cover, my boiler has packed in again and nobody came. Gareth Pryce", "Snugfit Home Cover",
     "Gareth Pryce"),
    ("Hello Inland Revenue, I'd like to claim back the tax on my uniform. Siobhan Doyle", "Inland Revenue",
     "Siobhan Doyle"),
])
def test_the_company_a_message_greets_is_not_masked(detector: PresidioPiiDetector, text: str, firm: str,
                                                     person: str) -> None:
    found = names(detector, text)
    assert not any(firm in n or n in firm for n in found), found
    assert person in found


@pytest.mark.parametrize(("text", "person"), [
    # one word greeted stays masked when it is a given name we know; since session 36 (candidate 36-5,
    # pii_greeted_brands) one we do not know is read as the greeted firm's ("Hi Globe,", "Salam Inwi,")
    ("Hi Joanna, my P45 still hasn't arrived", "Joanna"),
    ("Hi NGOZIKA, thanks for the quick reply.", "NGOZIKA"),  # capitals: an acronym has at most five letters
    ("Hi Sarah Okonjo, your parcel is at the depot", "Sarah Okonjo"),  # a given name we know
    ("Bonjour M. Girard, la fuite sous l'évier est revenue", "Girard"),  # a title
    ("Dear Mr Okafor, thank you for your letter", "Okafor"),
    ("Hello, I'm Okabe Ren, order 5512 never came", "Okabe Ren"),  # the writer, not whom they greet
    ("Hi Okafor Plumbing, this is Chinedu Okafor about the quote", "Okafor"),  # the writer bears its word
])
def test_a_greeted_person_is_still_masked(detector: PresidioPiiDetector, text: str, person: str) -> None:
    assert any(person in n for n in names(detector, text)), names(detector, text)


@pytest.mark.parametrize(("text", "greeting", "agent"), [
    ("agent: pzu dzień dobry, katarzyna przy telefonie\ncaller: dzień dobry, chciałem zgłosić szkodę",
     "dzień dobry", "katarzyna"),
    ("operator: Orange România bună ziua, numele meu este Andreea\nclient: bună ziua, am o problemă",
     "bună ziua", "Andreea"),
    ("agent: NZ Post kia ora, Aroha speaking\ncaller: kia ora, my parcel is late", "kia ora", "Aroha"),
])
def test_call_greetings_are_not_names(detector: PresidioPiiDetector, text: str, greeting: str, agent: str) -> None:
    found = names(detector, text)
    assert not any(greeting in n for n in found), found
    assert agent in found


def test_the_new_greetings_drop_only_spans_made_wholly_of_them() -> None:
    assert pii_presidio._never_a_name("dzień dobry")
    assert pii_presidio._never_a_name("kia ora")
    assert not pii_presidio._never_a_name("dzień dobry Katarzyna")
