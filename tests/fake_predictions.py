"""The prediction repository in memory (services/ports.py PredictionRepository); tests/contracts pins that it agrees
with the SQL of services/adapters/local/sqlite_predictions.py."""

from __future__ import annotations

from typing import Any

from services.errors import NotFound
from services.models import ContactRow, ConversationFacts, StoredModel


class FakePredictions:
    def __init__(self, repository: Any) -> None:  # a tests.fake_repositories._Repository, for its state
        self._repo = repository

    def contacts(self, customer_id: int | None = None) -> list[ContactRow]:
        s = self._repo.s
        rows = []
        for c in sorted(s.conversations.values(), key=lambda c: (c.created_at, c.id)):
            if customer_id is not None and c.customer_id != customer_id:
                continue
            f = s.facts.get(c.id, ConversationFacts())
            rows.append(ContactRow(c.id, c.customer_id, c.channel, c.status, c.created_at, f.first_response_s,
                                   f.transfers, f.reopens, f.escalated, f.intent, f.sentiment, c.csat,
                                   s.customers[c.customer_id].tier, s.churned.get(c.customer_id, "")))
        return rows

    def record_churn(self, customer_id: int, at: str) -> None:
        if customer_id not in self._repo.s.customers:
            raise NotFound("customer not found")
        self._repo.w.churned[customer_id] = at
        self._repo._wrote()  # customers are change-counted, as on SQLite

    def save_model(self, model: StoredModel) -> None:
        self._repo.w.models[model.kind] = model

    def model(self, kind: str) -> StoredModel | None:
        return self._repo.s.models.get(kind)
