"""Session 36 (candidate 36-4, issue 21): addresses written as central, eastern and northern Europe and Greece write
them are masked from the street (or the town written first) to the town or postcode; a street named alone as a
place, a firm's name line, order and meter numbers and boarding gates stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_european_addresses
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    """Is every character of the value (less spaces) masked?"""
    start = text.index(value)
    spans = detector.find(text)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(value))
               if not text[i].isspace())


def touched(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in detector.find(text))


@pytest.mark.parametrize(("text", "address"), [
    # Romanian: type word, "nr.", block, stair, flat, sector, town
    ("Bună ziua, vă rog livrați coletul la Str. Florilor nr. 7, bl. C2, sc. 1, ap. 31, Sector 3, București. "
     "Mulțumesc!", "Str. Florilor nr. 7, bl. C2, sc. 1, ap. 31, Sector 3, București"),
    ("operator: adresa?\nclient: bulevardul Independenței nr. 40, bloc D1, etaj 4, apartament 12, Iași",
     "bulevardul Independenței nr. 40, bloc D1, etaj 4, apartament 12, Iași"),
    # Hungarian: postcode and town first, the number with its dot, floor and door
    ("Kérem, az új számlát a 1095 Budapest, Mester utca 19. 4/2 címre küldjék.", "1095 Budapest, Mester utca 19. 4/2"),
    ("A lakás (Debrecen, Piac u. 51. III. em. 8.) bérleti díját utaltam.", "Debrecen, Piac u. 51. III. em. 8"),
    ("Lakcím: Rákóczi út 12. 1/3, 7621 Pécs", "Rákóczi út 12. 1/3, 7621 Pécs"),
    # Czech, Slovak: no type word, postcode "NNN NN" and town with district
    ("Dobrý den, prosím o změnu adresy na Milady Horákové 1132/56, 170 00 Praha 7. Děkuji",
     "Milady Horákové 1132/56, 170 00 Praha 7"),
    ("Adresa: Štúrova 22, 949 01 Nitra", "Štúrova 22, 949 01 Nitra"),
    # Ukrainian, Russian, Bulgarian
    ("Доставте, будь ласка, на вул. Франка 33, кв. 12, Тернопіль.", "вул. Франка 33, кв. 12, Тернопіль"),
    ("Мой адрес: ул. Ленина, д. 5, кв. 17, Казань 420111", "ул. Ленина, д. 5, кв. 17, Казань 420111"),
    ("Адрес за доставка: бул. „Христо Ботев“ 112, ет. 4, ап. 10, 4000 Пловдив",
     "бул. „Христо Ботев“ 112, ет. 4, ап. 10, 4000 Пловдив"),
    # Estonian, Latvian, Lithuanian
    ("Uus aadress: Narva mnt 17-4, 10120 Tallinn. Aitäh", "Narva mnt 17-4, 10120 Tallinn"),
    ("Lūdzu sūtīt uz Lāčplēša iela 60-3, Rīga, LV-1011.", "Lāčplēša iela 60-3, Rīga, LV-1011"),
    ("Mano adresas: Savanorių pr. 41-7, LT-03154 Vilnius", "Savanorių pr. 41-7, LT-03154 Vilnius"),
    # Greek: type word or none, postcode "NNN NN" and town
    ("Παρακαλώ στείλτε το δέμα στην Λεωφόρος Συγγρού 140, 176 71 Καλλιθέα.", "Λεωφόρος Συγγρού 140, 176 71 Καλλιθέα"),
    ("Νέα διεύθυνση: Πατησίων 88, 104 34 Αθήνα", "Πατησίων 88, 104 34 Αθήνα"),
    # Norwegian, Danish, Swedish, Finnish
    ("Hei, jeg har flyttet til Dronning Eufemias gate 30, 0191 Oslo fra 1. mars.",
     "Dronning Eufemias gate 30, 0191 Oslo"),
    ("Leiligheten i Markveiens gate 12B er ledig fra juni", "Markveiens gate 12B"),
    ("Mvh\nAnders Berg\nHornsgatan 88 B\n118 21 Stockholm\n070-123 45 67", "118 21 Stockholm"),
    ("Uusi laskutusosoite: Satakunnankatu 18 B 9, 33210 Tampere.", "Satakunnankatu 18 B 9, 33210 Tampere"),
    ("Send fakturaen til Postboks 61 Sentrum, 4001 Stavanger", "Postboks 61 Sentrum, 4001 Stavanger"),
    # Croatian, Serbian, Slovene
    ("Molim dostavu na adresu Vukovarska 58, 21000 Split.", "Vukovarska 58, 21000 Split"),
    ("Adresa: Bulevar kralja Aleksandra 73, stan 4, 11000 Beograd", "Bulevar kralja Aleksandra 73, stan 4, 11000 Beograd"),
    ("Naslov: Celovška cesta 150, 1000 Ljubljana", "Celovška cesta 150, 1000 Ljubljana"),
    # Polish, Danish, Russian with "г." and "д.", Ukrainian with a comma before the number, Estonian "tee"
    ("Proszę o wysyłkę na ul. Kwiatowa 7 m. 12, 60-123 Poznań.", "ul. Kwiatowa 7 m. 12, 60-123 Poznań"),
    ("Leveringsadresse: Peter Bangs Vej 12, 2. tv, 2000 Frederiksberg", "Peter Bangs Vej 12, 2. tv, 2000 Frederiksberg"),
    ("Адрес доставки: г. Казань, ул. Баумана, д. 12, кв. 5", "г. Казань, ул. Баумана, д. 12, кв. 5"),
    ("Моя адреса: м. Київ, вул. Хрещатик, 22, кв. 5.", "м. Київ, вул. Хрещатик, 22, кв. 5"),
    ("Aadress: Kadaka tee 4-12, 12915 Tallinn", "Kadaka tee 4-12, 12915 Tallinn"),
])
def test_european_addresses_are_masked(detector: PresidioPiiDetector, text: str, address: str) -> None:
    assert masked(detector, text, address), [text[s.start:s.end] for s in detector.find(text)]


@pytest.mark.parametrize(("text", "kept"), [
    ("Ne a Váci út felé menjenek, ott dugó van.", "Váci út"),  # a street named alone as a place
    ("Ne a Deák tér felé menjenek, ott dugó van.", "Deák tér"),
    ("Please proceed to boarding gate 14, Departures gate 22 is closed", "gate 14"),
    ("Objednávka 44817, 1000 kusů dorazila poškozená.", "44817"),  # an order number and a count
    ("Invoice 2024, 1000 Euro are still open", "Invoice 2024"),
    ("Smith et al. 2019 found the same", "al. 2019"),
    ("My golf tee 5 times lost this season", "tee 5"),
])
def test_look_alikes_stay_readable(detector: PresidioPiiDetector, text: str, kept: str) -> None:
    assert not touched(detector, text, kept), [text[s.start:s.end] for s in detector.find(text)]


def test_a_firms_name_line_stays_outside_its_address(detector: PresidioPiiDetector) -> None:
    text = "Számlázási adatok:\nTiszakert Kft.\nSzékhely: 2000 Szentendre, Dózsa György út 8."
    assert masked(detector, text, "2000 Szentendre, Dózsa György út 8")
    spans = list(pii_european_addresses.find_european_addresses(text))
    assert [text[start:end] for _, start, end, _ in spans] == ["2000 Szentendre, Dózsa György út 8."]


@pytest.mark.parametrize(("text", "address"), [
    # a housing company named after its street is a firm, not an address (the finder proposes nothing)
    ("Hallitus, As Oy Kuusikatu 9 tiedottaa: saunavuorot muuttuvat.", None),
    ("Styrelsen för Brf Vasagatan 14 informerar om stambyte", None),
    # a date after the town stays outside the address
    ("Wyprowadzka z ul. Długiej 3/4 m. 2, 31-147 Kraków 30 września", "ul. Długiej 3/4 m. 2, 31-147 Kraków"),
    ("Vinohradská 112, Praha 2 na pátek 14. 6.", "Vinohradská 112, Praha 2"),
])
def test_what_the_finder_proposes(text: str, address: str | None) -> None:
    spans = [text[start:end] for _, start, end, _ in pii_european_addresses.find_european_addresses(text)]
    assert spans == ([address] if address else [])


def test_a_long_input_stays_fast() -> None:
    text = ("Str. " + "Ab " * 20 + "nr. 1, " + " " * 500 + "utca 12. 3/4, " + "Ерм 45, 546 24 " * 50 + "\n") * 150
    text = text[:200_000]
    began = time.perf_counter()
    list(pii_european_addresses.find_european_addresses(text))
    assert time.perf_counter() - began < 5.0
