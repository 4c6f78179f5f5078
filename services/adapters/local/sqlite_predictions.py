"""The prediction repository on SQLite (and, its SQL being standard, on PostgreSQL): the conversations the predictors
learn from, customers' churn dates and the fitted models (JSON rows, one per kind: schema migration 14)."""

from __future__ import annotations

from services.adapters.local.sqlite_uow import Transaction
from services.errors import NotFound
from services.models import ContactRow, StoredModel

_CONTACTS = """
SELECT c.id, c.customer_id, c.channel, c.status, c.created_at, c.first_response_s, c.transfers, c.reopens,
       c.escalated, c.intent, c.sentiment, c.csat, cu.tier, cu.churned_at
FROM conversations c JOIN customers cu ON cu.id = c.customer_id
{where}
ORDER BY c.created_at, c.id
"""


class SqlitePredictions:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def contacts(self, customer_id: int | None = None) -> list[ContactRow]:
        chosen = ("WHERE c.customer_id = ?", [customer_id]) if customer_id is not None else ("", [])
        return [ContactRow(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5], int(r[6]), int(r[7]), bool(r[8]), r[9] or "",
                           r[10] or "", r[11], r[12], r[13] or "")
                for r in self.tx.rows(_CONTACTS.format(where=chosen[0]), chosen[1])]

    def record_churn(self, customer_id: int, at: str) -> None:
        if self.tx.write("UPDATE customers SET churned_at = ? WHERE id = ?", [at, customer_id]).rowcount != 1:
            raise NotFound("customer not found")

    def save_model(self, model: StoredModel) -> None:
        self.tx.write("INSERT INTO predictor_models (kind, trained_at, trained_by, payload) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (kind) DO UPDATE SET trained_at = excluded.trained_at, "
                      "trained_by = excluded.trained_by, payload = excluded.payload",
                      [model.kind, model.trained_at, model.trained_by, model.payload])

    def model(self, kind: str) -> StoredModel | None:
        rows = self.tx.rows("SELECT kind, trained_at, trained_by, payload FROM predictor_models WHERE kind = ?", [kind])
        return StoredModel(rows[0][0], rows[0][1], rows[0][2], rows[0][3]) if rows else None
