"""Session 20 second round, fixer session26c (blind26c: the written forms detectors miss, and their traps).

What the local detector must mask — a card number split into two 4+4 halves joined by "and"/"then" where a card is
named, a phone number cut off with "..." and continued, "the rest is 418 then 263" after a number, a German number
written with slashes after its cue, a Korean hyphened given name after "I'm" — and what it must leave unmasked: a product line's name before the goods it names ("the Aalto office chair",
"the Lunde 3-seater sofa", "Ted Baker stock"), a phone model after its cue ("device Galaxy 9"), a business read as a
person whose last word is a trade or a department ("Okafor Roofing", "Brightwater Returns"), a street or garden
named without a number as the venue of a public event; with guards: made-up names (no list holds them) stay masked
next to those forms, and a street with a house number stays masked. Every sentence is new (none is the batch's).
"""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import masked, touched


@pytest.mark.parametrize(("text", "value"), [
    ("please bill my card 5312 7740 and 9021 3385, the app cuts long numbers", "5312 7740"),
    ("please bill my card 5312 7740 and 9021 3385, the app cuts long numbers", "9021 3385"),
    ("new card: 4410 2298 then 7736 0152 expiry 11/28", "4410 2298"),
    ("new card: 4410 2298 then 7736 0152 expiry 11/28", "7736 0152"),
    ("Card number is 3790 6612 and then 8845 2071 ok?", "8845 2071"),
    # a phone number cut off and continued
    ("ring me back, my number's 087 31 5... 62 09", "087 31 5"),
    ("ring me back, my number's 087 31 5... 62 09", "62 09"),
    ("my mobile is 07911 482… the rest is 605 then 117, thanks", "605"),
    ("my mobile is 07911 482… the rest is 605 then 117, thanks", "117"),
    # a Korean given name of two hyphened syllables after "I'm"/"this is"
    ("Good evening, I'm Seung-hoon. My parcel never came.", "Seung-hoon"),
    ("this is Ha-eun here, about the refund", "Ha-eun"),
    # a German number written with slashes
    ("Telefon: 0151 / 372 / 90 44\nMit freundlichen Grüßen", "0151 / 372 / 90 44"),
])
def test_session26c_personal_data_is_masked(rules, tagged, text, value):
    assert masked(rules, text, value)
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("The Aalto office chair wobbles since week two. Order KX-30482.\nHenrik Dahl", "Aalto"),
    ("We ordered the product Lunde 3-seater sofa in grey and got blue.", "Lunde"),
    ("Is Ted Baker stock back at the Oxford Street store next week?", "Ted Baker"),
    ("the app froze at 09:14, device Pixel 7, build 3.2.1", "Pixel"),
    ("hi it's Amara from Okafor Roofing, please send the quote", "Okafor Roofing"),
    ("> On 3 Nov 2026, 10:02, Brightwater Returns wrote:\n> please confirm", "Brightwater Returns"),
    ("The concert at Princes Street Gardens was cancelled and nobody told us. Booking QP-22081.", "Princes Street"),
    ("the meeting point for the walking tour was Calle Mayor but the guide never came", "Calle Mayor"),
])
def test_session26c_not_personal_data_stays_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("order number 4410 2298 and 7736 0152 both show as pending", "4410 2298"),  # no card named
    ("the rest is 3 items then 2 more, order number to follow", "3"),
    ("Version 2.4... 5 was the last good build, phone app", "5"),
    ("I'm so-so, thanks for asking", "so-so"),
    ("This is Pre-paid. Can I top it up?", "Pre-paid"),
])
def test_session26c_guards_look_alikes_stay_unmasked(rules, text, value):
    assert not touched(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Ngozika Oyelaran bought the chair last week and it broke.", "Ngozika Oyelaran"),
    ("I gave my phone to Tremaine Okafor yesterday", "Tremaine Okafor"),
    ("Ngozika sofa delivery was late, signed Ngozika", "Ngozika"),
    ("Regards,\nOyelaran Tiles-Mbeki", "Oyelaran"),
    ("Still no refund for my order.\n\nNgozika Oyelaran\nOyelaran Roofing", "Oyelaran Roofing"),
    ("Please send the parcel to 14 Calle Mayor, 28013 Madrid for the tour", "14 Calle Mayor"),
    ("Tremaine Okonkwo, 22 Ashgrove Avenue, Leeds LS6 2AB", "Tremaine Okonkwo"),
])
def test_session26c_guards_personal_data_stays_masked(tagged, text, value):
    assert touched(tagged, text, value)
