"""``from_facts``: a ReplyContext from a facts dict written in a test (the shape services/adapters/reply_facts.py
gives the reply generators), so generator tests can state their cases as the facts the generator works from."""

from __future__ import annotations

from typing import Any

from services.models import Entity, KbHit, OrderFacts, ReplyContext, ReplyCustomer


def _entity(e: dict[str, Any]) -> Entity:
    return Entity(e.get("kind", ""), e.get("text", ""), e.get("start", 0), e.get("end", 0), e.get("value", ""))


def _hit(h: dict[str, Any]) -> KbHit:
    return KbHit(h.get("article_id", 0), h.get("title", ""), float(h.get("score", 0.0)), h.get("snippet", ""))


def _order(o: dict[str, Any]) -> OrderFacts:
    return OrderFacts(o.get("number", ""), o.get("status", ""), o.get("tracking_number", ""), o.get("placed_at", ""),
                      tuple(o.get("items", ())), o.get("total", ""), o.get("eta", ""))


def from_facts(facts: dict[str, Any]) -> ReplyContext:
    customer, order = facts.get("customer"), facts.get("order")
    return ReplyContext(
        intent=facts.get("intent", ""), intent_confidence=float(facts.get("intent_confidence", 0.0)),
        channel=facts.get("channel", "chat"), masked_text=facts.get("masked_text", ""),
        sentiment=facts.get("sentiment", "neutral"), agent_name=facts.get("agent_name", ""),
        customer=None if customer is None else ReplyCustomer(customer.get("name", ""), customer.get("first_name", ""),
                                                             customer.get("tier", "")),
        order=None if order is None else _order(order), order_basis=facts.get("order_basis", ""),
        latest_order=(facts.get("latest_order") or {}).get("number", ""), product=facts.get("product"),
        entities=tuple(_entity(e) for e in facts.get("entities", ())), kb=tuple(_hit(h) for h in facts.get("kb", ())))
