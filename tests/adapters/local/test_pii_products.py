"""Our own product names are not people: the default detector's NER model read "Lumio Smart Bulb" and "Robot Vacuum"
as names, the masked text lost the product and a suggested reply said "Let's get your [PERSON] back online"."""

from __future__ import annotations

from services import assist


def _masked(services, text: str, names: tuple[str, ...] = ()) -> str:
    return assist.mask_text(services, text, list(names))


def test_catalogue_product_names_stay_in_the_masked_text(services):
    assert _masked(services, "anyway my Lumio Smart Bulb 4-Pack won't connect to wifi") == \
        "anyway my Lumio Smart Bulb 4-Pack won't connect to wifi"
    assert _masked(services, "The Sweepo S7 Robot Vacuum is great") == "The Sweepo S7 Robot Vacuum is great"


def test_names_beside_a_product_are_still_masked(services):
    masked = _masked(services, "Hi, this is Dana Reyes, my Lumio Smart Bulb 4-Pack won't connect. Regards, Ann Lee",
                     ("Dana Reyes",))
    assert masked == "Hi, this is [PERSON], my Lumio Smart Bulb 4-Pack won't connect. Regards, [PERSON]"


def test_the_reply_names_the_product_not_a_mask(services):
    analysis = assist.analyze_message(services, "hey is this thing on?? anyway my Lumio Smart Bulb 4-Pack won't "
                                                "connect to wifi")
    assert analysis.intent.label == "Technical Support"
    assert not any("[PERSON]" in s.text for s in analysis.suggestions)
    assert any("Lumio Smart Bulb 4-Pack" in s.text for s in analysis.suggestions)
