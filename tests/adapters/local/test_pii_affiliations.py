"""Session 48 (candidate 48-6): the firm an agent or a writer introduces himself with ("soy Lorena de Línea
Directa", "sono Chiara di Fastweb", "hier ist Jannik von Telekom") is kept, the person's name stays masked; a
surname's "de", "da", "von" stays inside the name; "Stammkunde bei Otto" tells Otto as a firm."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_affiliations
from services.models import PiiSpan


def _persons(spans: list[PiiSpan], text: str) -> list[str]:
    return [text[s.start:s.end] for s in spans if s.kind == "PERSON"]


def _overlaps(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.kind == "PERSON" and s.start < start + len(value) and start < s.end for s in spans)


# (text, the person's name that stays masked, the firm that is kept)
_CUT = [
    ("Hola, soy Tomás de Mudanzas Ríos, mañana llegamos a las 9.", "Tomás", "Mudanzas Ríos"),
    ("Operatore: buonasera, sono Federica di Intesa Sanpaolo, come posso aiutarla?", "Federica", "Intesa Sanpaolo"),
    ("Agent: Guten Tag, hier ist Tobias von Vodafone. Wie ist Ihre Kundennummer?", "Tobias", "Vodafone"),
    ("Olá, sou o Duarte da Vinícola Serrana 🍇 a sua caixa de vinhos já foi enviada.", "Duarte", "Vinícola Serrana"),
    ("Guten Morgen, ich bin Jonas Petersen von Küstenwind Energie. Der Zählerwechsel ist am Freitag.",
     "Jonas Petersen", "Küstenwind Energie"),
    ("Temsilci: Merhaba, ben Turkcell'den Zeynep, nasıl yardımcı olabilirim?", "Zeynep", "Turkcell"),
    ("Atendente: Oi, aqui é a Larissa da Magalu, tudo bem? Seu pedido saiu para entrega.", "Larissa", "Magalu"),
]


@pytest.mark.parametrize(("text", "person", "firm"), _CUT)
def test_the_firm_after_an_introduced_name_is_kept(tagged, text: str, person: str, firm: str) -> None:
    spans = tagged.find(text)
    assert person in _persons(spans, text)
    assert not _overlaps(spans, text, firm)


# surnames with a particle stay whole: the cut never reads them
@pytest.mark.parametrize(("span_text", "before"), [
    ("María de la Fuente", "Hola, soy "),
    ("Ana da Silva", "Olá, sou a "),
    ("Marco di Stefano", "Buongiorno, sono "),
    ("Juan de León", "Buenas, soy "),
    ("Lucía de Rosario Gómez", "Hola, soy "),
    ("Femke de Boer-Visser", "Goedemiddag, ik ben "),
    ("Hélène de Montfort-Lacroix", "Bonjour, c'est "),
])
def test_a_surname_with_a_particle_is_not_cut(span_text: str, before: str) -> None:
    text = before + span_text + ", llamo por mi pedido."
    span = PiiSpan(kind="PERSON", start=len(before), end=len(before) + len(span_text), score=0.9)
    assert pii_affiliations.without_affiliations(text, [span]) == [span]


def test_no_introduction_no_cut() -> None:
    text = "Der Vertrag mit Tobias von Vodafone Kabel liegt vor."
    span = PiiSpan(kind="PERSON", start=16, end=16 + len("Tobias von Vodafone Kabel"), score=0.9)
    assert pii_affiliations.without_affiliations(text, [span]) == [span]


def test_a_firm_sharing_a_masked_persons_surname_stays() -> None:
    text = "Hola, soy Lucía de Castro Hermanos. Mi padre, Ramón Castro, firmó el contrato."
    first = PiiSpan(kind="PERSON", start=10, end=10 + len("Lucía de Castro Hermanos"), score=0.9)
    second = PiiSpan(kind="PERSON", start=text.index("Ramón"), end=text.index("Ramón") + len("Ramón Castro"),
                     score=0.9)
    assert pii_affiliations.without_affiliations(text, [first, second]) == [first, second]


def test_the_cut_reads_the_span_itself_with_its_introduction() -> None:
    text = "Operatore: Sono Matteo di Banca Alpina. Mi dice il numero?"
    span = PiiSpan(kind="PERSON", start=11, end=11 + len("Sono Matteo di Banca Alpina"), score=0.9)
    out = pii_affiliations.without_affiliations(text, [span])
    assert [text[s.start:s.end] for s in out] == ["Matteo"]


def test_a_customer_of_the_greeted_firm(tagged) -> None:
    text = "Hallo Otto, ich bin Dieter Brenninger (Stammkunde bei Otto seit 1998). Wo bleibt meine Lieferung?"
    spans = tagged.find(text)
    assert "Dieter Brenninger" in _persons(spans, text)
    assert "Otto" not in _persons(spans, text)


def test_a_person_greeted_stays_masked(tagged) -> None:
    text = "Hallo Otto, danke für deine Hilfe gestern. Viele Grüße, Lena Schubert"
    spans = tagged.find(text)
    assert "Otto" in _persons(spans, text)


def _spans_at(text: str, *values: str) -> list[PiiSpan]:
    return [PiiSpan(kind="PERSON", start=text.index(v), end=text.index(v) + len(v), score=0.9) for v in values]


def test_a_customer_of_a_firm_tells_it_everywhere() -> None:
    from services.adapters.local import pii_brand_mentions

    text = "Hi Otto, customer of Otto since 2009 here, my parcel is late. Thanks, Miriam Kohl"
    spans = _spans_at(text, "Otto", "Miriam Kohl")
    spans.insert(1, PiiSpan(kind="PERSON", start=text.index("Otto", 5), end=text.index("Otto", 5) + 4, score=0.9))
    out = pii_brand_mentions.without_brand_mentions(text, spans)
    assert [text[s.start:s.end] for s in out] == ["Miriam Kohl"]


def test_a_client_of_a_person_stays_masked() -> None:
    from services.adapters.local import pii_brand_mentions

    text = "Buenas, soy cliente de Marcos desde hace años, el entrenador del gimnasio."
    spans = _spans_at(text, "Marcos")
    assert pii_brand_mentions.without_brand_mentions(text, spans) == spans
