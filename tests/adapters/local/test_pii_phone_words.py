"""Session 35 (issue 21): a phone after the phone words of more languages, a phone standing alone in a letter's closing
block, and an extension given alone are masked; a flat's "interno", a labelled account or registration number and a
date in a closing block are not phones. The positive cases fail on the code before the pass (c62121a): each of these
phones stayed readable."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_phone_words
from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.pii_rules_support import phones


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)



@pytest.mark.parametrize(("text", "phone"), [
    # Tok Pisin, Samoan, Swahili, Arabizi, Indonesian, Tagalog, Turkish, Icelandic, Latvian, Bulgarian
    ("gutpela moning, sim kad bilong mi i no wok. namba bilong mi 7231 4408, plis helpim", "7231 4408"),
    ("Talofa, e le o galue le initaneti. lo'u numera 72 41 093. fa'afetai", "72 41 093"),
    ("habari, salio langu limekatwa bila sababu, namba yangu ni 0733 408 117 tafadhali angalieni", "0733 408 117"),
    ("salam, l internet ma5dam mn lbera7. ra2me 71 408 226 w esmi karim", "71 408 226"),
    ("kak paket saya belum sampai, tolong hubungi no hp 0813 4471 2209 ya", "0813 4471 2209"),
    ("hello po, di pa rin dumating yung parcel ko. cp no. 0917 408 2231 salamat", "0917 408 2231"),
    ("Merhaba, faturam iki kez kesilmiş. Numaram 0532 408 17 29, dönüş yapar mısınız?", "0532 408 17 29"),
    ("Góðan dag, reikningurinn er rangur. Kveðja, Jón\nsími 862 4017", "862 4017"),
    ("Labdien, lūdzu atzvaniet. tālr. 2940 8117", "2940 8117"),
    ("Здравейте, пратката не е пристигнала. Моб. 0888 402 917", "0888 402 917"),
])
def test_a_phone_after_the_phone_word_of_another_language_is_masked(detector: PresidioPiiDetector, text: str,
                                                                    phone: str) -> None:
    assert phone in phones(detector, text)


@pytest.mark.parametrize(("text", "phone"), [
    ("Hei,\nkan vi flytte timen til torsdag?\n\nHilsen Kari\n918 40 227", "918 40 227"),
    ("Dear office,\nthe invoice is attached.\n\nGrazzi,\nMaria Borg\n7940 2281", "7940 2281"),
    ("Hej!\nVi kommer en time senere i dag.\n\nVenlig hilsen\nLone Dahl\nKommunens Dagpleje\n86 40 22 17", "86 40 22 17"),
])
def test_a_number_alone_under_the_signer_of_a_letter_is_a_phone(detector: PresidioPiiDetector, text: str,
                                                                phone: str) -> None:
    assert phone in phones(detector, text)


@pytest.mark.parametrize(("text", "phone"), [
    ("the heating in room 12 is off again. call me on ext. 4417 when you are on your way. Niamh", "4417"),
    ("Z poważaniem\nMarek Nowak\nDział Księgowości\ntel. wew. 218", "218"),
    ("Mit freundlichen Grüßen\nSabine Roth\nBuchhaltung, Durchwahl 316", "316"),
    ("Atenciosamente,\nCarla Nunes\nFinanceiro - ramal 2231", "2231"),
])
def test_an_extension_given_alone_is_a_phone(detector: PresidioPiiDetector, text: str, phone: str) -> None:
    assert phone in phones(detector, text)


@pytest.mark.parametrize(("text", "kept"), [
    ("Gentile amministratore, nel mio appartamento interno 7 c'è un'infiltrazione dal piano di sopra.", "7"),
    ("Hei,\nbeløpet er betalt.\n\nHilsen\nPer Lunde\nKonto:\n1503 44 81207", "1503 44 81207"),
    ("Hello,\nplease see the attached order.\n\nThanks\nAnna\nOrder no:\n44712290", "44712290"),
    ("Hej,\nvi ses snart.\n\nMed venlig hilsen\nOle\n12.03.2026", "12.03.2026"),
    ("ra2me el talab 4417 2290 8813 5502 w ba3dein?", "4417 2290 8813 5502"),
])
def test_numbers_that_are_no_phone_stay_readable(detector: PresidioPiiDetector, text: str, kept: str) -> None:
    assert kept not in phones(detector, text)


def test_a_long_message_of_phone_words_yields_at_most_the_cap() -> None:
    text = "namba bilong mi 7155 5284 ext. 4417\nHilsen\nKari\n918 40 227\n" * 4000  # ~200,000 characters
    found = pii_phone_words.find_phone_words(text)
    assert len(found) == pii_phone_words.CAP
