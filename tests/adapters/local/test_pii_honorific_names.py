"""Session 35 (issue 21, candidate 35-1): a name said with a courtesy title or an honorific, before or after it, in
the languages our calls mix, is masked — lower case as transcripts write it; a role, a pronoun or a common word after
the title is not."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_honorific_names
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def names(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


@pytest.mark.parametrize(("text", "person"), [
    ("agente: perfecto señora carrizo, le llega un correo en un rato", "carrizo"),  # Spanish
    ("asesora: gracias don evaristo, que tenga buen día", "evaristo"),
    ("atendente: obrigada senhor tavares, o boleto sai hoje", "tavares"),  # Portuguese
    ("operatore: grazie signora pellegrini, la pratica è aperta", "pellegrini"),  # Italian
    ("conseiller: merci madame lefranc, c'est enregistré", "lefranc"),  # French
    ("mitarbeiter: danke frau kowalczyk, die karte ist gesperrt", "kowalczyk"),  # German
    ("medewerker: dank u meneer brouwers, de monteur komt morgen", "brouwers"),  # Dutch
    ("konsultant: dziękuję, panie tomaszu, zgłoszenie przyjęte", "tomaszu"),  # Polish vocative
    ("υπάλληλος: ευχαριστώ κυρία νικολάου, η κάρτα ακυρώθηκε", "νικολάου"),  # Greek
    ("temsilci: teşekkürler zeynep hanım, iade yarın yatar", "zeynep"),  # Turkish, after the name
    ("müşteri temsilcisi: tamam emre bey, kaydınızı açtım", "emre"),
    ("agent: shukriya farhan sahab, complaint register ho gaya", "farhan"),  # Urdu / Hindi
    ("एजेंट: धन्यवाद कविता जी, आपकी शिकायत दर्ज हो गई", "कविता"),
    ("petugas: terima kasih bu wulan, tagihan sudah lunas", "wulan"),  # Indonesian
    ("agent: terima kasih encik rizal, kad baru akan dihantar", "rizal"),  # Malay
    ("nhân viên: dạ cảm ơn anh khoa, em đã ghi nhận yêu cầu", "khoa"),  # Vietnamese
    ("agent: salamat po ma'am jenelyn, na-process na po", "jenelyn"),  # Filipino
    ("wakala: asante bwana otieno, tumepokea malipo", "otieno"),  # Swahili
    ("agent: thank you mrs okonkwo, that's all sorted", "okonkwo"),  # English
    ("Tanabe-san from the Kobe branch asked for the invoice", "Tanabe"),  # Japanese, after the name
])
def test_a_name_said_with_an_honorific_is_masked(detector: PresidioPiiDetector, text: str, person: str) -> None:
    found = names(detector, text)
    assert any(person in n for n in found), found


@pytest.mark.parametrize(("text", "word"), [
    ("agente: muy bien señor cliente, le confirmo la cita", "cliente"),  # a role
    ("conseiller: madame la directrice a signé le courrier", "directrice"),
    ("konsultant: dobrze, pani kierownik oddzwoni jutro", "kierownik"),
    ("agent: thank you ma'am yes we can do that", "yes"),  # a yes, a pronoun
    ("agent: sorry sir registered number confirm kar dijiye", "registered"),
    ("Dear sir/madam, please close my account", "madam"),  # a slash pair
    ("atendente: qual a chave que a senhora usou?", "usou"),  # a pronoun and its verb
    ("Em qua., 4 de mar. de 2026 às 10:15, escreveu:", "qua"),  # Portuguese "em", no Vietnamese title
    ("nhân viên: dạ em ghi nhận yêu cầu của chị", "ghi"),  # Vietnamese pronouns
    ("caller: haan ji, bilkul theek hai", "haan"),  # "yes" and "ji"
    ("temsilci: bu bey kimdir acaba", "bu"),
    ("Olá Jussara, seu Air Fryer Mondial 4L foi postado hoje", "Air Fryer"),  # "seu": your
    ("Mama Amaka's Kitchen sent the wrong order again", "Amaka"),  # a shop named after its owner
])
def test_a_role_or_common_word_after_a_title_is_kept(detector: PresidioPiiDetector, text: str, word: str) -> None:
    found = names(detector, text)
    assert not any(word in n for n in found), found


def test_the_honorific_stays_outside_the_finders_span() -> None:
    text = "agent: thank you encik faizal bin hamzah, let me check"
    spans = [text[s:e] for _, s, e, _ in pii_honorific_names.find_honorific_names(text)]
    assert spans == ["faizal bin hamzah"]


@pytest.mark.parametrize("text", [
    ("gracias señora gómez " * 10_000)[:200_000],  # many names: at most CAP
    ("sir " * 50_000)[:200_000],
    " " * 200_000,
    ("a" * 199_990) + " ayşe hanım",
])
def test_a_long_input_runs(text: str) -> None:
    found = list(pii_honorific_names.find_honorific_names(text))
    assert len(found) <= pii_honorific_names.CAP
