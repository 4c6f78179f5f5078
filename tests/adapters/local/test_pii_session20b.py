"""Session 16 (blind20b): call-centre transcripts as speech-to-text writes them (lower case, no "?"), chat logs and
e-mail threads. Our rules find spoken dates of birth, spoken postcodes and first lines, names answering a name
question or opening a call, spelled names, spoken ID, account and card numbers; the detector's filters leave speaker
labels, number words and talk read as names, chatbots, teams and job titles, and codes read out as phones alone.
Every case is written in new words; each masking case fails on 324150a."""

from __future__ import annotations

import re

import pytest

from tests.adapters.local.pii_support import found


def spans(detector, text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in detector.find(text)]


@pytest.mark.parametrize(("text", "kind", "value"), [
    # dates of birth said in words, the question without a "?"
    ("Agent: could you confirm the date of birth on the policy\nCaller: nineteenth of august nineteen seventy three",
     "DOB", "nineteenth of august nineteen seventy three"),
    ("Agent: and his date of birth\nCaller: twenty one oh seven eighty four", "DOB", "twenty one oh seven eighty four"),
    ("Agent: and the date of birth please\nCaller: the third of the ninth", "DOB", "the third of the ninth"),
    ("Agent: date of birth for the account holder\nCaller: sixth of june sixty sorry nineteen sixty one",
     "DOB", "nineteen sixty one"),
    ("Agent: whats your date of birth\nCaller: seven march two thousand and four", "DOB",
     "seven march two thousand and four"),
    # spoken postcodes and first lines
    ("Agent: and whats the postcode\nCaller: w a nine, four dee kay", "ADDRESS", "w a nine, four dee kay"),
    ("Caller: its flat three, sixty two orchard road, bexley, d a five, one x z", "ADDRESS",
     "flat three, sixty two orchard road, bexley, d a five, one x z"),
    ("Agent: whats the address\nCaller: forty eight tennyson avenue, wrexham\nAgent: thanks", "ADDRESS",
     "forty eight tennyson avenue, wrexham"),
    ("Agent: and the first line\nCaller: number six hazel crescent", "ADDRESS", "number six hazel crescent"),
    ("Agent: eircode please\nCaller: h nine one, t w seven k", "ADDRESS", "h nine one, t w seven k"),
    # names answering a name question, opening a call, after a relative or a role, spelled out
    ("Agent: and whos it to be signed for by\nCaller: uh its ngozika eze", "PERSON", "ngozika eze"),
    ("Agent: whats the patients name\nCaller: ngozika balogun shes my niece", "PERSON", "ngozika balogun"),
    ("Agent: good morning harrowgate water you're speaking to ifeoma how can i help", "PERSON", "ifeoma"),
    ("Agent: thank you for calling pennant gas this is rosalind\nCaller: hi rosalind", "PERSON", "rosalind"),
    ("Agent: pennant gas billing oyelaran speaking\nCaller: hello", "PERSON", "oyelaran"),
    ("Caller: hello yes its tremaine achterberg i need a new meter", "PERSON", "tremaine achterberg"),
    ("Caller: its k as in kilo, w, a as in alpha, m, e", "PERSON", "k as in kilo, w, a as in alpha, m, e"),
    ("Caller: my name is t-e-m-i-t-o-p-e okoro", "PERSON", "t-e-m-i-t-o-p-e"),
    ("Caller: my name is t-e-m-i-t-o-p-e okoro", "PERSON", "okoro"),
    ("Caller: the surname is b a n j o hyphen s m i t h", "PERSON", "b a n j o hyphen s m i t h"),
    ("Customer: my husband tremaine who usually pays it", "PERSON", "tremaine"),
    ("Caller: yeah the engineer bartek came out yesterday", "PERSON", "bartek"),
    ("Caller: i saw doctor oyelaran last week", "PERSON", "oyelaran"),
    ("Agent: is that katrina with a k", "PERSON", "katrina"),
    ("Agent: and the first name\nCaller: first name ngozika", "PERSON", "ngozika"),
    ("Caller: its for mr d k oyelaran at this address", "PERSON", "mr d k oyelaran"),
    ("Agent: thank you mr du plessis ive got the policy", "PERSON", "mr du plessis"),
    ("Caller: first name ngozi surname eze-okafor with a hyphen", "PERSON", "eze-okafor"),
    # spoken ID, account and card numbers
    ("Agent: your national insurance number please\nCaller: s r one two, three four, five six, b", "NATIONAL_ID",
     "s r one two, three four, five six, b"),
    ("Caller: my pps is one two three four five six seven w", "NATIONAL_ID", "one two three four five six seven w"),
    ("Rep: and your social security number\nCaller: one two three, dash, four five, dash, six seven eight nine",
     "SSN", "one two three, dash, four five, dash, six seven eight nine"),
    ("Agent: and the sort code\nCaller: one one, two two, three three\nAgent: and the account number\n"
     "Caller: five five, six six, seven seven, eight eight", "BANK_ACCOUNT", "five five, six six, seven seven, eight eight"),
    ("Caller: the long number on my card is four one one one, two two two two, three three three three, "
     "four four four four", "CARD", "four one one one, two two two two, three three three three, four four four four"),
])
def test_our_rules_find_what_a_transcript_says(text, kind, value):
    assert (kind, value) in found(text)


@pytest.mark.parametrize(("text", "value"), [
    ("A: so the new address is forty seven b, larch gardens, ilford, i g two, one n h\nC: yes",
     "forty seven b, larch gardens, ilford, i g two, one n h"),
    ("A: can i take your name please\nC: tremaine oyelaran\nA: thanks tremaine", "tremaine oyelaran"),
])
def test_the_detector_masks_the_whole_value(detector, text, value):
    assert value in [v for _, v in spans(detector, text)]


@pytest.mark.parametrize(("text", "kept"), [
    ("Agent: and the sort code\nCustomer: four zero, one one, two two", "four zero"),  # a sort code is kept
    ("Agent: and the postcode\nCaller: two thousand", "two thousand"),  # an Australian postcode, as a ZIP: kept
    ("Agent: can i take the tracking number\nCaller: j k four four one two nine nine oh", "four four"),
    ("[10:02] Max (bot): Hi, I'm Max, the Larkspur Energy assistant.\n[10:03] Max (bot): One moment.", "Max"),
    ("Kind regards,\nPriya Natarajan\nPensions Specialist\nLarkspur Mutual", "Specialist"),
    ("From: Larkspur Claims <claims@larkspur.example>\nSubject: your claim", "Larkspur Claims"),
    ("To: Reservations <reservations@larkspurhotels.example>\nPlease cancel my stay", "Reservations"),
    ("Caller: hiya its about the bill again", "hiya"),
    ("Customer: brilliant thanks", "brilliant"),
    ("C: okay\nA: thanks", "C"),
    ("my number is 07700 900 123 text me when the driver is close", "close"),
    ("The technician never came on Friday", "never"),
    ("Agent: the engineer visit is booked for monday", "visit"),
    ("i paid two pounds each way on the toll road", "two pounds each way"),
    ("Caller: me and my son kit\nAgent: sorry, like the kit bag?", "the kit"),
    ("Hi, please cancel my Larkspur TV Max add-on", "TV Max"),
])
def test_what_the_detector_leaves_alone(detector, text, kept):
    places = [(m.start(), m.end()) for m in re.finditer(re.escape(kept), text)]
    assert places
    assert not [text[s.start:s.end] for s in detector.find(text) if any(s.start < b and a < s.end for a, b in places)]


@pytest.mark.parametrize(("text", "name"), [
    # names outside our first-name lists stay masked through the new filters
    ("Caller: hiya its ngozika oyelaran i need a new card", "ngozika oyelaran"),
    ("Agent: and your name\nCaller: tremaine", "tremaine"),
    ("Kind regards,\nNgozika Oyelaran\nClaims Handler", "Ngozika Oyelaran"),
    ("[09:10] Oyelaran (Larkspur): Hi there, Oyelaran here.", "Oyelaran"),
    ("Caller: my wife ngozika who does the driving", "ngozika"),
])
def test_names_outside_our_lists_stay_masked(detector, text, name):
    assert name in [v for k, v in spans(detector, text) if k == "PERSON"]
