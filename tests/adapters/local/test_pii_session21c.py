"""Session 17, fixer pii21fc (blind21c: European business forms; the CRF tagger's spans on real traffic).

What the local detector must leave unmasked — reference and supply-point numbers read as phones, a company's tax
number, the site of an accident or of works, a UK "postcode" whose area does not exist, bodies, businesses, places,
products, team signatures and chat parties read as names, German nouns — and the tagger's spans in market news,
product specifications, events and bodies; with guards: names nobody's list holds (made up) and personal data in the
same forms stay masked. Every sentence is new (none is a batch's).
"""

from __future__ import annotations

import pytest

from services.adapters.local import pii_presidio
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan
from tests.adapters.local.pii_support import touched


@pytest.mark.parametrize(("text", "value"), [
    # reference numbers after their names, not phones
    ("Mon numéro allocataire 5531907, je n'ai toujours rien reçu.", "5531907"),
    ("Siniestro 2025.11.330218: me robaron la bici en el garaje.", "2025.11.330218"),
    ("Boletim: BO nº 2025-0081127, furto do celular.", "2025-0081127"),
    ("Mijn relatienummer 204418873, kunt u mij terugbellen?", "204418873"),
    ("Hej, mitt kundnummer 66031874 fungerar inte på sajten.", "66031874"),
    ("Lettura del contatore sbagliata, PDR 00761200339912, potete correggere?", "00761200339912"),
    # a company's tax number
    ("Podem emitir a fatura com o NIF da empresa 508 113 442, por favor?", "508 113 442"),
    # streets without a number where something happened, a crossing
    ("O assalto foi na Av. Atlântica, perto do quiosque.", "Av. Atlântica"),
    ("Les travaux de la rue Lepic bloquent la livraison depuis lundi.", "rue Lepic"),
    ("Incidente all'incrocio via Tiburtina / viale Ippocrate, nessun ferito.", "viale Ippocrate"),
    # a UK postcode's shape with no such area: a product's model
    ("The part in my build: SSD Crucial MX5 2TB, bought last week.", "MX5 2TB"),
    # bodies and businesses
    ("Mi hijo estudia en la Universidad Pontificia Comillas desde septiembre.", "Pontificia Comillas"),
    ("Kallelse: tid på Vårdcentralen Norra Ängby måndag kl. 10.", "Norra Ängby"),
    ("Ma mutuelle Groupama Mutuelle ne rembourse pas les lunettes.", "Groupama Mutuelle"),
    # places after a journey or a removal
    ("Depuis mon déménagement à Carcassonne, plus de réseau.", "Carcassonne"),
    ("Onze trein stond 30 minuten stil bij Driebergen.", "Driebergen"),
    # products after a quantity, a team's signature, a shop's chat label
    ("Pedido: 4 x Marqués Riscal 75 cl, llegaron 3.", "Marqués Riscal"),
    ("Merci pour votre message. L'équipe Qonto", "Qonto"),
    ("[10:02] Tienda: hola, ¿qué talla necesitas?\n[10:03] Tienda: tenemos la M", "Tienda"),
    # German nouns, a street, a post alone, an author after a book's title
    ("Bitte 10 € Bastelgeld mitbringen.", "Bastelgeld"),
    ("Antrag auf Elterngeld, Aktenzeichen EG-2026-1182.", "Elterngeld"),
    ("Straße, Hausnr.: Lindenweg 4", "Hausnr"),
    ("Heute Nachmittag: Stau an der Ampel Leipziger Straße, bitte später liefern.", "Leipziger"),
    ("Szanowny Pan Rektor, piszę w sprawie stypendium.", "Rektor"),
    ('I loved the novel "Como agua para chocolate" by Laura Esquivel, but the copy was damaged.', "Laura Esquivel"),
])
def test_session21c_not_personal_data_stays_unmasked(rules, text, value):
    assert not touched(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Je voyage avec Ngozika Oyelaran à Lyon demain matin.", "Ngozika Oyelaran"),
    ("Ho prenotato il volo per Ngozika Oyelaran, arriva lunedì.", "Ngozika Oyelaran"),
    ("Ngozika Oyelaran, Nigeria office, asked for the invoice.", "Ngozika Oyelaran"),
    ("Buenas, soy Tremaine Oyelaran. Atentamente,\nTremaine Oyelaran | Inmobiliaria Oyelaran | 912 345 678",
     "Inmobiliaria Oyelaran"),
    ("Mijn naam is Ngozika Oyelaran van Bakkerij Zoet, bel me terug.", "Ngozika Oyelaran"),
    ("Please forward this to Tremaine Oyelaran at the Centre today.", "Tremaine Oyelaran"),
    ("Regards,\nNgozika Oyelaran\n0171 2345678", "Ngozika Oyelaran"),
    ("Loved the class Tremaine, see you next week!", "Tremaine"),
    ("I live on Rue Neuve, send the new card there. Ngozika", "Rue Neuve"),
    ("My booking number is +44 7700 900123, call me there.", "+44 7700 900123"),
    ("Dzień dobry, proszę o kontakt pod numerem +48 501 222 333.", "+48 501 222 333"),
    ("Mi NIF es 248113905 y el de mi hermano también.", "248113905"),
    ("Trabajo en una empresa de limpieza, mi NIF es 12345678Z.", "12345678Z"),
    ("Hi, my name is KeShawn Oyelaran and my account is locked.", "KeShawn Oyelaran"),
])
def test_session21c_guards_personal_data_stays_masked(tagged, text, value):
    assert touched(tagged, text, value)


def test_session21c_a_business_keeps_the_name_masked_elsewhere(rules):
    """build.py's convention: "Inmobiliaria Oyelaran" loses its body's word, the surname masked elsewhere stays."""
    text = "Buenas, soy Tremaine Oyelaran. Atentamente,\nTremaine Oyelaran | Inmobiliaria Oyelaran | 912 345 678"
    spans = [text[s.start:s.end] for s in rules.find(text) if s.kind == "PERSON"]
    assert "Inmobiliaria Oyelaran" not in spans and spans.count("Oyelaran") == 1


def _tagger_span(text: str, value: str, kind: str) -> list[PiiSpan]:
    start = text.index(value)
    spans = PresidioPiiDetector().find(text)
    return pii_presidio.with_crf(text, spans, [(kind, start, start + len(value), 0.99)], 0.9)


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("not sure why Piper Jaffray is down on $AAPL today", "Piper Jaffray", "PERSON"),
    ("@AdobeCare Windows 10, NVIDIA GeForce GTX 1650 4GB", "NVIDIA GeForce GTX 1650 4GB", "ADDRESS"),
    ("I bought the Megalodon Shark Card and nothing arrived.", "Megalodon Shark Card", "PERSON"),
    ("Organizers, Twin Cities store workers walk out.", "Twin Cities", "PERSON"),
    ("the new law will grace Nebraska next year", "grace Nebraska", "PERSON"),
    ("Buzz Stocks: Northwind Inc., and bEEtLe's, I…", "bEEtLe's", "PERSON"),
    ("Pacjent: Ngozika Oyelaran, PESEL 44051401359, wizyta 7 maja.", "Ngozika Oyelaran, PESEL 44051401359, wizyta 7",
     "ADDRESS"),
    ("KEIN BOCK AUF DIESE WERBUNG MACHT SIE WEG", "KEIN BOCK AUF DIESE WERBUNG MACHT SIE WEG", "ADDRESS"),
])
def test_session21c_tagger_spans_that_are_no_ones_stay_unmasked(text, value, kind):
    """The tagger's span is not added to what the rules and the NER found."""
    assert _tagger_span(text, value, kind) == PresidioPiiDetector().find(text)


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Hi, my name is KeShawn Oyelaran and my account is locked.", "KeShawn Oyelaran", "PERSON"),
    ("Please send it to Blk 12 Tampines St 81, #05-221, Singapore 520012", "Blk 12 Tampines St 81, #05-221", "ADDRESS"),
    ("I LIVE AT 4 MARULA STREET\nROSEBANK\nthanks", "ROSEBANK", "ADDRESS"),
    ("Call Ngozika Oyelaran about the $5 refund", "Ngozika Oyelaran", "PERSON"),
])
def test_session21c_tagger_spans_of_personal_data_stay_masked(text, value, kind):
    start = text.index(value)
    assert any(s.start <= start and start + len(value) <= s.end for s in _tagger_span(text, value, kind))


@pytest.mark.parametrize(("text", "value"), [
    # a chat export's speaker beside "Vous"/"Jag" or a seller, a space before the colon allowed
    ("Oyeyemi : Bonjour, le vélo est dispo ?\nVous : Oui, 80 €\nOyeyemi : Je passe demain", "Oyeyemi"),
    ("Tremaine: Hej! Finns cykeln kvar?\nSäljare: Ja\nTremaine: Toppen", "Tremaine"),
    # dates of birth after abbreviated and Portuguese cues, before "geboren", and the child the sentence names
    ("Solicitud de cita.\nFecha nac.: 04-11-1992\nNIE pendiente", "04-11-1992"),
    ("A minha filha (nascida a 9 de junho de 2014) muda de escola.", "9 de junho de 2014"),
    ("Die Kita braucht die Urkunde. Ngozi ist am 02.05.2021 geboren.", "02.05.2021"),
    ("Die Kita braucht die Urkunde. Ngozi ist am 02.05.2021 geboren.", "Ngozi"),
    # titles and sign-offs
    ("Buongiorno prof.ssa Bellandi, le scrivo per l'esame.", "Bellandi"),
    ("Pani Jolanto, przesyłam umowę w załączniku.", "Jolanto"),
    ("Czynsz przelany, kaloryfer dalej cieknie. Pozdrawiam, Wiesław", "Wiesław"),
    # national numbers and a passport after their cues
    ("Marcação para o utente SNS 312 558 904 na próxima semana.", "312 558 904"),
    ("Accident du 3 mai, n° SS 2 84 11 75 112 044 81, merci.", "2 84 11 75 112 044 81"),
    ("I am Oyelaran, passport BRK553210, please check my visa.", "BRK553210"),
    ("Mein BSN ist 111222333, nee sorry 111222334, ich habe mich vertippt.", "111222334"),
    # a postcode field, a floor after the street, a mistyped IBAN beside the right one
    ("Vorname: Tremaine\nPLZ / Ort: 80331 München\nTelefon folgt", "80331 München"),
    ("Hello, the heating in Lindenstraße 8, 2. OG rechts is cold again.", "2. OG rechts"),
    ("Ich habe an DE02 1203 0000 0000 2020 52 überwiesen, richtig wäre DE02 1203 0000 0000 2020 51.",
     "DE02 1203 0000 0000 2020 52"),
])
def test_session21c_personal_data_in_european_forms_is_masked(rules, text, value):
    assert touched(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Agent: hello, how can I help?\nPatient: I need my results\nAgent: which test?\nPatient: blood", "Patient"),
    ("Medewerker: goedemiddag\nKlant: hallo\nMedewerker: uw nummer?\nKlant: 12", "Medewerker"),
    ("From: Ngozika Oyelaran\nTo: Support\nSubject: refund", "To"),
])
def test_session21c_guards_transcript_roles_stay_unmasked(rules, text, value):
    assert not touched(rules, text, value)
