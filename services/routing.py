"""Routing of a new conversation: from its opening message's intent and language, the customer's tier, the channel
and how many conversations each queue already has waiting, the queue it goes to and why, in words the agent reads
("Routed to billing: intent Billing Question 0.83, tier gold"). The rules live in config/routing.yaml (setting
``routing_rules``); ``route`` is a pure function of them, so the rules are tested without a database.

    rules, top to bottom ─► the first that matches names the queue (none: the default queue)
    that queue overloaded (≥ max_waiting waiting) ─► the fallback queue, and the reason says so
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.bootstrap import Services
from services.errors import ConfigError
from services.models import Analysis, Conversation, Route
from services.yamlfile import load_mapping

log = logging.getLogger(__name__)
CONDITIONS = ("intents", "languages", "tiers", "channels")


@dataclass(frozen=True)
class Rule:
    name: str
    queue: str
    intents: tuple[str, ...] = ()
    min_confidence: float = 0.0
    languages: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    default: str
    max_waiting: int
    fallback: str


@dataclass(frozen=True)
class Signals:
    """What routing looks at: the opening message's analysis (empty when it could not be analysed), the customer's
    tier and the channel."""

    intent: str
    confidence: float
    language: str
    tier: str
    channel: str


def route(rules: Rules, signals: Signals, waiting: Mapping[str, int]) -> Route:
    """The queue for a new conversation and the reason, by the first matching rule, then the queue load.

    Example: ``route(rules, Signals("Billing Question", 0.83, "en", "gold", "chat"), {}).reason``
    → "Routed to billing: intent Billing Question 0.83, tier gold"
    """
    rule = next((r for r in rules.rules if _matches(r, signals)), None)
    queue, name = (rule.queue, rule.name) if rule else (rules.default, "default")
    why = _why(rule, signals)
    load = waiting.get(queue, 0)
    if (load >= rules.max_waiting and rules.fallback != queue
            and waiting.get(rules.fallback, 0) < load):
        why = f"{queue} is overloaded ({load} waiting, limit {rules.max_waiting}); {why}"
        queue, name = rules.fallback, "overloaded"
    return Route(queue, f"Routed to {queue}: {why}", name)


def _matches(rule: Rule, s: Signals) -> bool:
    return ((not rule.intents or (s.intent in rule.intents and s.confidence >= rule.min_confidence))
            and (not rule.languages or s.language in rule.languages)
            and (not rule.tiers or s.tier in rule.tiers)
            and (not rule.channels or s.channel in rule.channels))


def _why(rule: Rule | None, s: Signals) -> str:
    """What the rule matched on first (language, tier, channel), then the intent and the tier agents always want."""
    facts = {"intent": f"intent {s.intent} {s.confidence:.2f}" if s.intent else "the message is not analysed",
             "language": f"language {s.language or 'unknown'}", "tier": f"tier {s.tier}",
             "channel": f"channel {s.channel}"}
    if rule is None:
        return f"no rule matched ({facts['intent']}, {facts['language']}, {facts['tier']})"
    first = [k for k, held in (("language", rule.languages), ("tier", rule.tiers), ("channel", rule.channels)) if held]
    return ", ".join(facts[k] for k in [*first, *(k for k in ("intent", "tier") if k not in first)])


def signals_of(analysis: Analysis | None, tier: str, channel: str) -> Signals:
    if analysis is None:
        return Signals("", 0.0, "", tier, channel)
    return Signals(analysis.intent.label, analysis.intent.confidence, analysis.language or "", tier, channel)


def route_new_conversation(services: Services, draft: Conversation, analysis: Analysis | None) -> Route:
    """Where a conversation about to be created goes (the ingestion path calls it before storing it), by the
    configured rules and the queues' current waiting counts. Rules that cannot be read never cost a customer's
    message: it goes to the first configured queue, the reason says why, and the error is logged."""
    with services.uow() as uow:
        tier = uow.customers.get(draft.customer_id).tier
        waiting = uow.conversations.waiting_by_queue()
    settings = services.settings
    try:
        rules = load_rules(settings.resolve(settings.routing_rules), settings.queues)
    except ConfigError as e:
        log.error("routing rules unusable, new conversations go to %s: %s", settings.queues[0], e)
        return Route(settings.queues[0], f"Routed to {settings.queues[0]}: the routing rules could not be read", "none")
    return route(rules, signals_of(analysis, tier, draft.channel), waiting)


_CACHE: dict[tuple[str, int, tuple[str, ...]], Rules] = {}
_CACHE_LOCK = threading.Lock()


def load_rules(path: Path, queues: tuple[str, ...]) -> Rules:
    """The rules file, read again when it changed. Rules naming a queue that is not configured are skipped (logged):
    one rules file can serve deployments with fewer queues.

    Raises:
        ConfigError: the file is missing, not YAML, or a rule is malformed (the message names it and the field).
    """
    try:
        key = (str(path), path.stat().st_mtime_ns, tuple(queues))
    except OSError as e:
        raise ConfigError(f"the routing rules file {path} cannot be read: {e.strerror or e}") from e
    with _CACHE_LOCK:
        if key not in _CACHE:
            _CACHE.clear()
            _CACHE[key] = _parse(load_mapping(path, "rules, default and overload"), path, queues)
        return _CACHE[key]


def _parse(data: dict[str, Any], path: Path, queues: tuple[str, ...]) -> Rules:
    unknown = set(data) - {"rules", "default", "overload"}
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; valid: rules, default, overload")
    rules = [_rule(item, i, path) for i, item in enumerate(data.get("rules") or [], start=1)]
    for skipped in (r for r in rules if r.queue not in queues):
        log.warning("routing rule %r names the queue %r, which is not configured (queues): skipped",
                    skipped.name, skipped.queue)
    overload = data.get("overload") or {}
    default = _queue_in(str(data.get("default", "general")), queues)
    try:
        max_waiting = int(overload.get("max_waiting", 30))
    except (TypeError, ValueError, AttributeError):
        raise ConfigError(f"{path}: overload.max_waiting must be a whole number") from None
    if max_waiting < 1:
        raise ConfigError(f"{path}: overload.max_waiting must be 1 or more; got {max_waiting}")
    return Rules(tuple(r for r in rules if r.queue in queues), default, max_waiting,
                 _queue_in(str(overload.get("fallback", default)), queues, default))


def _queue_in(queue: str, queues: tuple[str, ...], otherwise: str | None = None) -> str:
    return queue if queue in queues else (otherwise or queues[0])


def _rule(item: Any, number: int, path: Path) -> Rule:
    where = f"{path}: rule {number}"
    if not isinstance(item, dict) or not isinstance(item.get("queue"), str):
        raise ConfigError(f"{where} must be a mapping with a queue (and name, {', '.join(CONDITIONS)})")
    unknown = set(item) - {"name", "queue", "min_confidence", *CONDITIONS}
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; valid: name, queue, "
                          f"min_confidence, {', '.join(CONDITIONS)}")
    lists = {}
    for key in CONDITIONS:
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} must be a list of names")
        lists[key] = tuple(value)
    try:
        confidence = float(item.get("min_confidence", 0.0))
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: min_confidence must be a number from 0 to 1") from None
    if not 0 <= confidence <= 1 or not any(lists.values()):
        raise ConfigError(f"{where}: min_confidence must be 0-1 and a rule needs at least one condition "
                          f"({', '.join(CONDITIONS)})")
    return Rule(str(item.get("name") or f"rule {number}"), item["queue"], min_confidence=confidence, **lists)
