"""Factories for the local (offline) providers, registered with ``@provider``; the registry imports this module on
first use, and each factory imports its adapter only when called.

Each takes the Services container (``services.settings``, the typed ports, ``services.local(Services.embedder)``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.ports import Ports
from services.registry import provider

if TYPE_CHECKING:
    from services.bootstrap import Services
    from services.ports import (
        ArticleDrafter,
        Database,
        Embedder,
        EntityExtractor,
        IntentClassifier,
        IntentTrainer,
        KeyProvider,
        LanguageDetector,
        MailInbox,
        MailSender,
        PasswordHasher,
        PiiDetector,
        ReplyGenerator,
        SearchIndex,
        SentimentAnalyzer,
        SentimentLab,
        SocialSender,
        SpeechToText,
        TextToSpeech,
        Translator,
    )


@provider("store", "local", "Conversations, customers, KB, audit log and shared state (SQLite)")
def store(services: Services) -> Database:
    from services.adapters.local.sqlite_uow import SqliteDatabase

    return SqliteDatabase(services.settings.database_file, keys=services.keys)


@provider("keys", "local", "Data keys of field encryption at rest: FRONTLINE_DATA_KEYS, else a key file (mode 0600)")
def keys(services: Services) -> KeyProvider:
    from services.adapters.local.data_keys import LocalKeys

    return LocalKeys(services.settings)


@provider("passwords", "local", "Password hashing (argon2id)")
def passwords(services: Services) -> PasswordHasher:
    from services.adapters.local.passwords import Argon2Hasher

    return Argon2Hasher()


@provider("embedder", "local", "Sentence embeddings")
def embedder(services: Services) -> Embedder:
    from services.adapters.local.embedder import WordLlamaEmbedder

    return WordLlamaEmbedder()


@provider("language", "local", "Language detection")
def language(services: Services) -> LanguageDetector:
    from services.adapters.local.language import LinguaLanguageDetector

    return LinguaLanguageDetector(high_accuracy=services.settings.language_high_accuracy)


@provider("pii", "local", "PII detection and masking")
def pii(services: Services) -> PiiDetector:
    from services.adapters.local.pii_presidio import PresidioPiiDetector

    return PresidioPiiDetector(crf=services.settings.pii_crf, person_check=services.settings.pii_person_check)


@provider("pii", "rules", "PII detection by our rules alone: no NER model (bulk generation, small machines)")
def pii_rules_only(services: Services) -> PiiDetector:
    from services.adapters.local.pii_fast import RulesPiiDetector

    return RulesPiiDetector()


@provider("intent", "local", "Intent classification")
def intent(services: Services) -> IntentClassifier:
    from services.adapters.local.intent import foreign_embedder, intent_embedder, load_intent_classifier

    # the model was trained on wordllama ‖ MiniLM vectors: always the local embedder, whatever the embedder setting;
    # messages in another language go to a multilingual (e5) head, routed by the local language detector
    return load_intent_classifier(services.settings, intent_embedder(services.settings, services.local(Ports.embedder)),
                                  services.local(Ports.language),
                                  foreign_embedder(services.settings.encoder_threads))


@provider("sentiment", "local", "Sentiment and emotion cues")
def sentiment(services: Services) -> SentimentAnalyzer:
    from services.adapters.local.sentiment import LocalSentimentAnalyzer

    # reads the intent model's MiniLM network (one per process) unless sentiment_embeddings is off: its recent-vector
    # cache hands the sentiment step the vector the intent step just computed, so an analysis runs the encoder once
    return LocalSentimentAnalyzer(services.settings)


@provider("entities", "local", "Entity extraction")
def entities(services: Services) -> EntityExtractor:
    from services.adapters.local.entities import RuleEntityExtractor

    return RuleEntityExtractor(services.settings)


@provider("search", "local", "Knowledge-base search")
def search(services: Services) -> SearchIndex:
    from services.adapters.local.kb_search import HybridSearchIndex

    store = services.get("store")  # its SQLite file holds the passages (a fake or PostgreSQL store: a private copy)
    path = getattr(store, "path", None) if not services.is_overridden("store") else None
    return HybridSearchIndex(services.settings, search_embedder(services), mode=services.settings.kb_search_mode,
                             database=path)


def search_embedder(services: Services) -> Embedder:
    """The embedder of a KB search index (local or PostgreSQL).

    The index must be embedded by one model for its whole life, so it uses the local embedder unless Bedrock
    embeddings were chosen explicitly (providers: {embedder: aws}); `backend: aws` alone keeps it local. Never the
    fall-back wrapper: a query embedded by another model than the index would find nothing sensible.
    """
    explicit_aws = services.settings.providers.get("embedder") == "aws"
    return services.primary(Ports.embedder) if explicit_aws else services.local(Ports.embedder)


@provider("intent_training", "local", "Training and measuring intent models (train-intents, eval-intents)")
def intent_training(services: Services) -> IntentTrainer:
    from services.adapters.local.intent_training import LocalIntentTrainer

    return LocalIntentTrainer(services.settings, services.local(Ports.embedder), lambda: services.local(Ports.intent))


@provider("sentiment_lab", "local", "Measuring sentiment: VADER baseline, hold-out training, labelled CSVs")
def sentiment_lab(services: Services) -> SentimentLab:
    from services.adapters.local.sentiment_lab import LocalSentimentLab

    return LocalSentimentLab(services.settings)


@provider("replies", "local", "Suggested replies")
def replies(services: Services) -> ReplyGenerator:
    from services.adapters.local.replies import TemplateReplyGenerator

    return TemplateReplyGenerator(services.settings)


@provider("translator", "local", "Translation: Apertium, English ↔ Spanish (Debian packages apertium, apertium-eng-spa)")
def translator(services: Services) -> Translator:
    from services.adapters.local.translator import ApertiumTranslator

    return ApertiumTranslator()


@provider("drafter", "local", "Article drafting from gaps (extractive: every sentence quoted from a source)")
def drafter(services: Services) -> ArticleDrafter:
    from services.adapters.local.drafter import ExtractiveDrafter

    return ExtractiveDrafter(services.local(Ports.embedder))


@provider("stt", "local", "Speech to text: faster-whisper with a Whisper model shipped in a wheel (offline)")
def stt(services: Services) -> SpeechToText:
    from services.adapters.local.stt import WhisperSpeechToText
    from services.adapters.local.whisper_models import model_dir

    settings = services.settings
    models = settings.resolve(settings.data_dir) / "models"
    return WhisperSpeechToText(settings.stt_model, lambda: model_dir(settings.stt_model, models),
                               settings.stt_max_audio_s, settings.stt_chunk_s, threads=settings.stt_threads)


@provider("mail_inbox", "local", "Email in: the support mailbox polled over IMAP (off unless mail_imap_host is set)")
def mail_inbox(services: Services) -> MailInbox:
    from services.adapters.local.mail import ImapInbox
    from services.errors import ConfigError

    s = services.settings
    if not s.mail_inbound:
        raise ConfigError("the email channel is off: set mail_imap_host, mail_imap_user and "
                          "FRONTLINE_MAIL_IMAP_PASSWORD (docs/email.md)")
    return ImapInbox(s.mail_imap_host, s.mail_imap_port, s.mail_imap_user, s.mail_imap_password,
                     s.mail_imap_security, s.mail_imap_folder, s.mail_timeout_s, s.mail_ca_file)


@provider("mail_sender", "local", "Email out: agents' replies sent over SMTP (off unless mail_smtp_host is set)")
def mail_sender(services: Services) -> MailSender:
    from services.adapters.local.mail import SmtpSender
    from services.errors import ConfigError

    s = services.settings
    if not s.mail_outbound:
        raise ConfigError("sending email is off: set mail_smtp_host and mail_from (docs/email.md)")
    return SmtpSender(s.mail_smtp_host, s.mail_smtp_port, s.mail_smtp_user, s.mail_smtp_password,
                      s.mail_smtp_security, s.mail_timeout_s, s.mail_ca_file)


@provider("tts", "local", "Spoken replies: piper with the joe voice shipped in a wheel (offline)")
def tts(services: Services) -> TextToSpeech:
    from services.adapters.local.tts import PiperTextToSpeech

    return PiperTextToSpeech(services.settings.tts_max_chars)


@provider("social_send", "local", "Social replies: sent to the platform's Send API at social_send_url (off unless set)")
def social_send(services: Services) -> SocialSender:
    from services.adapters.local.social_send import GraphSocialSender

    return GraphSocialSender(services.settings)
