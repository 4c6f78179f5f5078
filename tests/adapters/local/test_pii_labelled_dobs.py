"""Dates of birth after a birth label of more languages and in era and spoken forms (session 42, grown in
pii_bank_dob.py): South Slavic, Baltic and Czech labels, a form's "date and place of birth", "geb. am", "gim.", a
Japanese era date, a date said in Hindi or Urdu (Latin letters or Devanagari), Polish, Czech or Russian words, an
Arabic month's name; never a date that is not a birth date."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_bank_dob
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def fast() -> RulesPiiDetector:
    return RulesPiiDetector()


def _masked(found: list, text: str, value: str) -> bool:
    """The value lies inside one masked span (masking is what counts: a name rule's overlapping span may give the
    merged span its kind)."""
    at = text.index(value)
    return any(s.start <= at and at + len(value) <= s.end for s in found)


DOBS = [
    # a birth label of another language or a form's field, the date right after it
    ("Ime i prezime: Petra Jurić\nOIB: 16620912499\nDatum rođenja: 22. 8. 1994.\nAdresa: Vukovarska 58, Split",
     "22. 8. 1994"),
    ("za prijavu šaljem: Ivana Marić, datum rodjenja 14.06.1983. Adresa: Ilica 208, 10000 Zagreb", "14.06.1983"),
    ("Vardas, pavardė: Eglė Kazlauskienė\nGimimo data: 1985-01-28\nAdresas: Savanorių pr. 176-12, Vilnius",
     "1985-01-28"),
    ("Labdien, Jānis Bērziņš, dzimšanas datums: 1979. 08. 14., lūdzu atzvaniet", "1979. 08. 14"),
    ("Příjmení, jméno: Dvořáková Lucie\nDatum a místo narození: 14. 3. 1979, Jihlava", "14. 3. 1979"),
    ("Informations pour l'embauche :\n- Date et lieu de naissance : 23/04/1989, Villeurbanne", "23/04/1989"),
    ("Personalfragebogen\nName, Vorname: Yılmaz, Deniz\ngeb. am: 27.02.1991 in Duisburg", "27.02.1991"),
    ("siunčiu duomenis: Tomas Kazlauskas, gim. 1983-09-04, gyv. Vilniuje", "1983-09-04"),
    ("Richiesta voltura\nCognome: Castelli\nNata a: Torino il 15/08/1990\nIndirizzo: Corso Francia 3",
     "15/08/1990"),
    # a Japanese era date, in digits or kanji
    ("受付：鈴木健一様ですね。生年月日は？\n患者：昭和52年4月3日です\n受付：ありがとうございます。", "昭和52年4月3日"),
    ("オペレーター：お名前と生年月日をお願いいたします\nお客様：山口健太、昭和六十二年四月九日です", "昭和六十二年四月九日"),
    # the answer to the agent's question, said in Hindi or Urdu, Bengali-cued English, Polish, Czech, Russian, Arabic
    ("agent: policy holder ka naam aur date of birth\ncaller: Ramesh Chand Yadav, baara march unnees sau unhattar\n"
     "agent: revival ke liye 30 din hain", "baara march unnees sau unhattar"),
    ("agent: aur tareekh e paidaish?\ncaller: chaar march do hazaar bees\nagent: shukriya", "chaar march do hazaar bees"),
    ("agent: ar jonmo tarikh?\ncaller: third january nineteen ninety\nagent: dhonnobad", "third january nineteen ninety"),
    ("एजेंट: और आपकी जन्मतिथि?\nग्राहक: बारह मार्च उन्नीस सौ नवासी\nएजेंट: धन्यवाद सुनीता जी", "बारह मार्च उन्नीस सौ नवासी"),
    ("konsultant: a data urodzenia\nklient: siódmego maja osiemdziesiątego dziewiątego\nkonsultant: dziękuję",
     "siódmego maja osiemdziesiątego dziewiątego"),
    ("bankéř: a datum narození?\nklientka: pátého srpna osmdesát osm\nbankéř: děkuji", "pátého srpna osmdesát osm"),
    ("оператор: и дату рождения\nклиент: девятнадцатое октября восемьдесят первого\nоператор: спасибо",
     "девятнадцатое октября восемьдесят первого"),
    ("الموظف: وتاريخ الميلاد؟\nالعميل: ١٤ رجب ١٤٠٨\nالموظف: تم الإيقاف", "١٤ رجب ١٤٠٨"),
    ("Salaam, mujhe apni beti Ayesha ka B-form banwana hai. Uski paidaish 14 March 2019 ki hai.", "14 March 2019"),
    ("Voldria una plaça per a la meva filla Júlia, nascuda el 22 de març de 2024. Gràcies", "22 de març de 2024"),
    # a Korean particle or a Japanese word right against the date's digits
    ("아이 이름은 최하준, 생년월일 2019.07.22이에요. 감사합니다", "2019.07.22"),
    ("受付：生年月日は1985/04/03ですね", "1985/04/03"),
]


@pytest.mark.parametrize(("text", "value"), DOBS)
def test_the_date_of_birth_is_masked(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert _masked(detector.find(text), text, value)


@pytest.mark.parametrize(("text", "value"), DOBS)
def test_the_rules_only_detector_masks_it_too(fast: RulesPiiDetector, text: str, value: str) -> None:
    assert _masked(fast.find(text), text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Ime: Petra Jurić, datum rođenja djeteta nepoznat, termin 14.06.2027. u 10 sati", "14.06.2027"),
    ("Frau Müller geb. Schmidt hat am 12.03.1985 ihr Konto eröffnet", "12.03.1985"),
    ("Nata a Torino, si è trasferita qui; la visita è fissata per il 15/08/2027", "15/08/2027"),
    ("agent: date of birth?\ncaller: I set it up in march, the card ends four four\nagent: ok", "march"),
    ("Geburtsdatum? Das ist mir egal, der Termin ist im März", "März"),
    ("受付：次回の予約は令和8年4月3日です", "令和8年4月3日"),
    ("예약 변경은 2027.03.14이에요, 생년월일은 나중에 알려 드릴게요", "2027.03.14"),
    ("Uski paidaish ka certificate 14 March 2027 tak ready hoga", "14 March 2027"),
])
def test_a_date_that_is_not_a_birth_date_is_kept(text: str, value: str) -> None:
    found = [text[s:e] for kind, s, e, _ in pii_bank_dob.find_bank_and_birth(text) if kind == "DOB"]
    assert not any(value in f or f in value for f in found)
