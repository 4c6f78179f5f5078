"""Issue 21, session 14's third part: the kinds of miss, false positive and keep violation that blind batches 16, 16b
and 16c (tests/data/pii/src_blind16*.txt) showed, each tested on new text of the same kind (none of these strings is
in a labelled set). 21 cases of the first three lists fail on c46e3d9 (the others are variants that passed there
already); the guards at the end pass there too and show that the new filters leave real names and data masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_rules
from services.privacy import mask
from tests.adapters.local.pii_support import found


def spans(detector, text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in detector.find(text)]


@pytest.mark.parametrize(("text", "kind", "value"), [
    # a surname spelled out letter by letter, with the written name before it
    ("Customer: yes it's Themba, Themba Nkosi, N-K-O-S-I.", "PERSON", "N-K-O-S-I"),
    ("Customer: yes it's Themba, Themba Nkosi, N-K-O-S-I.", "PERSON", "Themba Nkosi"),
    ("Caller: Imelda Ferreira-Cole, F-E-R-R-E-I-R-A, account 5520.", "PERSON", "F-E-R-R-E-I-R-A"),
    ("Agent: could you spell that?\nCaller: M apostrophe B-A-R-E-K, M'Barek.", "PERSON", "M apostrophe B-A-R-E-K"),
    ("Agent: could you spell that?\nCaller: M apostrophe B-A-R-E-K, M'Barek.", "PERSON", "M'Barek"),
    # an e-mail's local part spelled with a spoken underscore
    ("Caller: it's k-a-y-l-a underscore fenn at outlook dot com", "EMAIL", "k-a-y-l-a underscore fenn at outlook dot com"),
    # a UK postcode read out with hyphens
    ("Caller: postcode L-S-six, three-B-X", "ADDRESS", "L-S-six, three-B-X"),
    ("Agent: and the postcode?\nCustomer: N-W-one, eight-P-D", "ADDRESS", "N-W-one, eight-P-D"),
    # a Portuguese postcode after a street whose number comes first; a floor in words before a French postcode
    ("Morada: 7 Rua do Almada, 4050-037 Porto, obrigado", "ADDRESS", "7 Rua do Almada, 4050-037 Porto"),
    ("livraison au 8 rue des Lilas, 2e étage, 69003 Lyon svp", "ADDRESS", "8 rue des Lilas, 2e étage, 69003 Lyon"),
    ("Avenida da Liberdade, 12 A, 3º andar, 1250-096 Lisboa", "ADDRESS",
     "Avenida da Liberdade, 12 A, 3º andar, 1250-096 Lisboa"),
    # the name embossed on a card, in capitals
    ("Visa ending 4410, name on card MARTA L OKAFOR, expiry next May", "PERSON", "MARTA L OKAFOR"),
    ("cardholder name: DENNIS O'HARE", "PERSON", "DENNIS O'HARE"),
    # a date of birth whose year is said as a decade
    ("Agent: date of birth please?\nCaller: the third of May, seventy-eight", "DOB", "third of May, seventy-eight"),
    ("DOB is 2nd of June eighty one", "DOB", "2nd of June eighty one"),
    # a month's name that is a relative's name
    ("It's booked under my mum's name. I'm her son August.", "PERSON", "August"),
    ("my wife April placed the order", "PERSON", "April"),
])
def test_the_new_rules_find_the_whole_value(text, kind, value):
    assert (kind, value) in found(text)


@pytest.mark.parametrize(("text", "kind", "value"), [
    # a desk of a workplace before the unit
    ("Please deliver to my office: Post room, Unit 7, Kestrel Way, Exeter EX2 7LB. Thanks", "ADDRESS",
     "Post room, Unit 7, Kestrel Way, Exeter EX2 7LB"),
    ("Customer: yes it's Themba, Themba Nkosi, N-K-O-S-I.", "PERSON", "Themba Nkosi"),
])
def test_the_detector_masks_the_whole_value(detector, text, kind, value):
    assert (kind, value) in spans(detector, text)


@pytest.mark.parametrize(("text", "kept"), [
    # a transcript's line in lower case that opens with no first name
    ("Customer: account ending 4471, sort code on file", "account ending"),
    ("Agent: and how did you pay?\nCaller: gift voucher 55120", "gift voucher"),
    # a status after a thanks
    ("Valeu Joana! Resolvida.", "Resolvida"),
    ("Gracias Inés. Solucionado.", "Solucionado"),
    ("Agent: and the reason?\nCustomer: Sorted now thanks", "Sorted"),
    # a name used as a verb, the writer's own name found elsewhere
    ("Hi, Bill here. Could you Bill us annually from now on?", "Bill us"),
    # a number in brackets after a shop's name is no phone
    ("Ordered from Asos (20304050607) last week, still nothing", "20304050607"),
])
def test_what_the_detector_now_leaves_alone(detector, text, kept):
    assert kept in mask(text, detector.find(text))


@pytest.mark.parametrize(("text", "kept"), [
    ("the A-T-M ate my card, call me on Monday", "A-T-M"),  # an acronym spells no word of the message
    ("please deliver after 3 pm, the gate code is 1234", "gate code"),
])
def test_guard_look_alikes_stay_unmasked(detector, text, kept):
    assert kept in mask(text, detector.find(text))


@pytest.mark.parametrize(("text", "name"), [
    # a speaker's line that opens with a known first name stays a name
    ("Customer: priya raman, account 4471", "priya"),
    ("Customer: priya raman 07700 900123", "priya"),
    ("Agent: first line of the address?\nCustomer: sixty one elm grove", "elm grove"),  # masked as before
    ("Caller: account in my name, Harold Bexley. I'm his son Mark", "Bexley"),
    # the name said again where no verb stands
    ("Bill here, can you tell Bill Jones to call me back?", "Jones"),
    ("Kofi here, could you ask Kofi to ring me", "Kofi"),
    # a name after a thanks, in any case
    ("Obrigada Resende! Tudo certo.", "Resende"),
    # a phone in brackets, starting with a 0 or grouped inside
    ("ring me (07700900123) after 5", "07700900123"),
    ("my number (020) 7946 0958", "7946 0958"),
    # a spelled name with no written form after a cue
    ("Agent: the surname?\nCustomer: K-O-W-A-L", "K-O-W-A-L"),
])
def test_guard_real_names_and_data_stay_masked(detector, text, name):
    assert name not in mask(text, detector.find(text))


def test_guard_a_month_after_a_relative_with_a_date_is_kept():
    assert not any(kind == "PERSON" for kind, _ in found("my son May 3rd had his birthday order late"))


def test_guard_a_spoken_date_without_a_birth_cue_is_kept():
    assert not any(kind == "DOB" for kind, _ in found("delivery on the fifth of March, sixty boxes in all"))


def test_guard_lower_case_card_words_are_no_card_name():
    assert not any(kind == "PERSON" for kind, _ in found("name on card is wrong, please fix"))
    assert pii_rules.FIRST_NAMES  # the list the speaker filter reads


@pytest.mark.parametrize(("text", "name"), [
    ("Customer: zhang wei 07700 900456", "zhang wei"),
    ("Customer: okonkwo adaeze 07700 900123", "okonkwo"),
])
def test_a_lower_case_name_on_a_transcript_line_before_a_number_stays_masked(detector, text, name):
    # Review fix: the speaker-label filter for "Customer: card ending 9916" first spared any lower-case words that did
    # not open with a known first name, so a name not in our list was left in the clear; now only words that name a
    # number ("card", "account", "ending"…) are spared (fails on ba87789).
    assert name not in mask(text, detector.find(text))
