"""Issue 21, session 15's third round: the causes of miss, false positive and keep violation that blind batches 19, 19b
and 19c (tests/data/pii/src_blind19*.txt) showed, each tested on new text of the same shape (none of these strings is
in a labelled set). The guards at the end probe each new filter that drops a span with private names that are not in
pii_first_names.txt, given as the writer's or a relative's: those stay masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_rules
from services.privacy import mask


def spans(detector, text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in detector.find(text)]


@pytest.mark.parametrize(("text", "kind", "value"), [
    # a surname with an Arabic particle joined by a hyphen
    ("Please move the booking for my brother Tariq el-Masri to Friday.", "PERSON", "Tariq el-Masri"),
    ("Refund still missing. Regards, Layla al-Harbi", "PERSON", "Layla al-Harbi"),
    # a Singapore address with its "#unit-number" and six-digit postcode
    ("New address: 301 Upper Thomson Road, #11-04, Singapore 574408 from Monday", "ADDRESS",
     "301 Upper Thomson Road, #11-04, Singapore 574408"),
    # a date of birth after "it's" and a dash
    ("they want my date of birth - it's 3rd March 1968 - for the claim", "DOB", "3rd March 1968"),
    # an NI number after "my NI is" (a test prefix fails the letter rules, so the cue decides)
    ("and my NI is QQ 52 71 09 A if that helps", "NATIONAL_ID", "QQ 52 71 09 A"),
    # a seven-digit local number after a phone cue, and closing a signature
    ("You can call me on 555-0187 after six", "PHONE", "555-0187"),
    ("Order ZX-4410 never came. Dwayne Carter, 555-0193", "PHONE", "555-0193"),
    # a national ID after its name, in several countries' layouts
    ("Mi cédula es 79.553.201 y necesito el certificado.", "NATIONAL_ID", "79.553.201"),
    ("Bună ziua, CNP-ul meu este 2780915123458, mulțumesc", "NATIONAL_ID", "2780915123458"),
    ("Dobrý den, rodné číslo 905203/4417, děkuji", "NATIONAL_ID", "905203/4417"),
    ("Moi, henkilötunnukseni on 020388-512K. Kiitos", "NATIONAL_ID", "020388-512K"),
    ("Meu RG é 33.912.507-4 e o pedido atrasou", "NATIONAL_ID", "33.912.507-4"),
    # a date of birth in the Czech/German "d. m. yyyy" layout after a birth cue
    ("My name is Ondřej Kratochvíl, born 4. 11. 1983. Thanks", "DOB", "4. 11. 1983"),
    # a district or a unit between two parts of one address on one line
    ("Ship to 1890 rue Sherbrooke Est, app. 7, Montréal (Québec) H2K 1B3 svp", "ADDRESS",
     "1890 rue Sherbrooke Est, app. 7, Montréal (Québec) H2K 1B3"),
    # a first name restated in full, lower case as transcribed
    ("Caller: hi it's tunde, tunde adeyemo, from the flat upstairs", "PERSON", "tunde adeyemo"),
    ("Caller: yeah my name's sam, samantha birchall\nAgent: thanks", "PERSON", "samantha birchall"),
    # a form's or a receipt's name fields
    ("Web form\nfirst_name: Oluwatobi\nlast_name: Fairweather\ncity: Leeds", "PERSON", "Fairweather"),
    ("Web form\nfirst_name: Oluwatobi\nlast_name: Fairweather\ncity: Leeds", "PERSON", "Oluwatobi"),
    ("RECEIPT\nPayer: Okonkwo, Adaeze\nTotal 12.00", "PERSON", "Okonkwo, Adaeze"),
])
def test_the_detector_masks_the_whole_value(detector, text, kind, value):
    assert (kind, value) in spans(detector, text)


@pytest.mark.parametrize(("text", "kept"), [
    # a drug before its dose (the NER reads few drug names as a person: the first passes on d2a0aec too, the second
    # was masked as a PERSON there)
    ("My repeat of Lansoprazole 30mg is late again, can you chase it?", "Lansoprazole"),
    ("ordered Lisinopril 10mg twice", "Lisinopril"),
    # a meter's serial number after "meter"
    ("Subject: Meter reading G 0071934", "0071934"),
    # stations on a route
    ("Your ticket TR-55120: Glasgow Queen → Edinburgh Waverley, 9 Jan", "Glasgow Queen"),
    ("Your ticket TR-55120: Glasgow Queen → Edinburgh Waverley, 9 Jan", "Edinburgh Waverley"),
])
def test_what_the_detector_now_leaves_alone(detector, text, kept):
    assert kept in mask(text, detector.find(text))


@pytest.mark.parametrize(("text", "name"), [
    # the dose filter never spares a name given as the writer's or a relative's, or alone on its line
    ("my name is Zebulon 2 mg short of my dose", "Zebulon"),
    ("my wife Ngozika 10mg of it", "Ngozika"),
    ("my daughter Oyelaran 5ml of calpol was given", "Oyelaran"),
    ("Thanks\nTheodoric\n5 g sample attached", "Theodoric"),
    # the route filter never spares a writer's name whose first word is also a town's
    ("I'm Lagos Adebimpe, from Leeds to York", "Lagos Adebimpe"),
    ("my son Bristol Okafor to the clinic please", "Bristol Okafor"),
    # the meter filter never spares a name after the meter's code
    ("meter number E 0071934, name Tremaine Kobayashi", "Tremaine Kobayashi"),
])
def test_guard_real_names_stay_masked(detector, text, name):
    assert name not in mask(text, detector.find(text))


def test_guard_particle_rule_needs_the_hyphen_and_a_capital():
    assert not list(pii_rules.find_session19("we went al fresco and el-nino was strong"))


def test_guard_restated_name_needs_the_same_first_name():
    assert not list(pii_rules.find_session19("it's fine, nothing broken."))


def test_guard_seven_digits_without_cue_or_signature_are_kept(detector):
    text = "Error code 404-1182 shows on the screen when I log in, any idea?"
    assert "404-1182" in mask(text, detector.find(text))


def test_guard_a_restated_word_is_not_a_name():
    assert not list(pii_rules.find_session19("it's fine, finally working."))


def test_guard_a_company_in_a_form_field_is_not_a_name():
    assert not list(pii_rules.find_session19("Sender: Northern Grid Ltd\nAmount 40.00"))
