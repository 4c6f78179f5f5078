"""Session 45 (candidate 45-7): a pet's name is a kept PET, never a person, in any language and letter case (after
its species' word, before its species in brackets, in a pet form's field, as the answer to a pet's name question, in
its owner's sign-off, repeated later); the owner's, the vet's and any person's name beside it stay masked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_pets
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


def _pets(text: str) -> list[str]:
    return [text[a:b] for a, b, _ in pii_pets.pet_names(text)]


# (text, the pet's name that stays, a person's name that stays masked or None)
_PETS = [
    ("Buonasera, il mio cane Tobia ha la zampa gonfia da ieri. Il microchip è 380260101992231.", "Tobia", None),
    ("Salve, sono Giulia Ferraro, il mio cane Rocco deve fare il richiamo antirabbica, avete posto?", "Rocco",
     "Giulia Ferraro"),
    ("Boa tarde, gostaria de marcar uma consulta para o meu cão Tobias, tem 6 anos. Sofia Matos", "Tobias",
     "Sofia Matos"),
    ("Hi team,\n\nMarmalade (cat, 11) is due for her thyroid bloods. Please send the reminder to my new email.\n\n"
     "Thanks,\nPriya Raman (Marmalade's mum)", "Marmalade", "Priya Raman"),
    ("hi it's Tamsin - Oliver's mum 🐶 can we move his booster to Thursday?", "Oliver", None),
    ("Dobrý den, potvrzujeme termín kastrace pro kocoura Mourek na středu 14. 5. v 8:00.", "Mourek", None),
    ("Goedemorgen, onze hond Sam moet gevaccineerd worden. Groet, Joke de Vries", "Sam", "Joke de Vries"),
    ("Quick q, can I bring my dog (Rosie, small cockapoo) on the train?", "Rosie", None),
    ("Can I add a second pet to policy PP-0448219? She's a Cocker Spaniel puppy called Daisy, 12 weeks old.", "Daisy",
     None),
    ("Gate code is 4471, dog is friendly (his name is Tyson). Tenant: Mark Ellison", "Tyson", "Mark Ellison"),
    ("Pets: yes, a cat (Oliver)\nMessage: is the flat still available? Rachel Obi", "Oliver", "Rachel Obi"),
    ("caller: hi it's Gareth Lyle, ringing about Mabel, the spaniel, she had her op this morning", "Mabel",
     "Gareth Lyle"),
    ("Hi, Archie (our 9 yo spaniel) needs his booster. Thanks, Helen Cross", "Archie", "Helen Cross"),
]


@pytest.mark.parametrize(("text", "pet", "person"), _PETS)
def test_a_pet_s_name_is_kept_the_person_s_masked(tagged, text: str, pet: str, person: str | None) -> None:
    spans = tagged.find(text)
    assert not _masked(spans, text, pet), (pet, [text[s.start:s.end] for s in spans])
    if person:
        assert _masked(spans, text, person), (person, [text[s.start:s.end] for s in spans])


@pytest.mark.parametrize("text,pet", [
    ("Buonasera, il mio cane Rocco ha bisogno del richiamo antirabbica. Saluti, Marta Ruiz", "Rocco"),
    ("Hi, this is about Teddy (cat, 4), his booster is due. Thanks, Helen Cross", "Teddy"),
    ("Goedemorgen, onze hond Sam moet gevaccineerd worden. Groet, Joke Visser", "Sam"),
])
def test_the_default_detector_keeps_it_too(detector, text: str, pet: str) -> None:
    spans = detector.find(text)
    assert not _masked(spans, text, pet)
    assert _masked(spans, text, text.rsplit(", ", 1)[1])


def test_the_rules_only_detector_keeps_it() -> None:
    text = "Hi, it's Jo (Biscuit's mum 🐶). Can we move his booster?"
    spans = [PiiSpan("PERSON", text.index("Biscuit"), text.index("Biscuit") + 7, 0.9),
             PiiSpan("PERSON", 9, 11, 0.9)]
    kept = pii_pets.without_pets(text, spans)
    assert [text[s.start:s.end] for s in kept] == ["Jo"]
    assert "Biscuit" not in [text[s.start:s.end] for s in RulesPiiDetector().find(text)]


@pytest.mark.parametrize("text,pets", [
    ("Our rabbits Pepper and Salt need their vaccinations.", ["Pepper", "Salt"]),
    ("Claim for my dog Biscuit's vet bill. Biscuit is better now.", ["Biscuit", "Biscuit"]),
    ("Husdjur: katt (Simba), håll dörren stängd", ["Simba"]),
    ("Kediniz Pamuk için afiyet olsun", ["Pamuk"]),
    ("unser Kater Herr Müller frisst nicht", ["Herr Müller"]),
    ("Hello, I'm the owner of Biscuit, our vet is Dr Okafor.", ["Biscuit"]),
    ("—¿Nombre de la mascota?\n—Cachupín.\n—¿Y del dueño?\n—Francisca Muñoz", ["Cachupín"]),
])
def test_the_cues(text: str, pets: list[str]) -> None:
    assert _pets(text) == pets


@pytest.mark.parametrize("text", [
    "Please call for Cat Jones at reception.",  # a person named Cat
    "Support chat (Marcus) promised a refund.",  # the chat, no cat
    "Hi Dr. Feldman, my lab results from 4/22 aren't in the portal.",  # a lab, no dog
    "Hi Sarah, my dog has fleas again.",  # the greeted person before "my dog"
    "Our dog walker Anna Berg has the key.",  # a person's job named after the dog
    "Patient: John Harrow, booster due 12 May",  # a hospital's patient
    "Hi, it's Sarah, Ellie's mum. Ellie's booster is due at the school nurse.",  # a child's
    "May I know your name? (live chat)\ncustomer: Nurul Izzati",  # a person's name asked for
    "Please send the invoice for Jane Smith's surgery to the practice.",  # a person's surgery
    "Your Maltese ID / residence card number, please. Report to Clayton.",  # a nationality, no breed
])
def test_look_alikes_are_no_pets(text: str) -> None:
    assert _pets(text) == []


def test_a_long_text_is_fast() -> None:
    text = ("my dog " + "Biscuit (cat, 4) Pet name: x " * 3000) + "our rabbits " * 3000
    started = time.perf_counter()
    pii_pets.pet_names(text)
    assert time.perf_counter() - started < 2.0
