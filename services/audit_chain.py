"""The audit log's hash chain: pure functions shared by the repositories (which chain each row as they append it),
the migration that chained the rows written before it, and ``services.audit.verify_chain``.

Each row stores ``detail_digest`` = sha256(detail) and ``hash`` = sha256 over the JSON list
``[previous row's hash, id, at, actor, action, entity, entity_id, detail_digest]`` (the first row's previous hash is
``GENESIS``). A redaction replaces the detail with ``ERASED`` and keeps the digest, so the chain still verifies
after a privacy erase; any other change to a row breaks that row's hash or its digest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from services.models import AuditLink

ERASED = "[erased]"  # the one value an UPDATE of audit_log may write (into detail, nothing else)
GENESIS = ""
SIGNATURE = ("id", "at", "actor", "action", "entity", "entity_id")  # the columns the hash covers, with the digest


def detail_digest(detail: str | None) -> str:
    return hashlib.sha256((detail or "").encode("utf-8", "surrogatepass")).hexdigest()


def link_hash(previous: str, entry_id: int, at: str, actor: str, action: str, entity: str, entity_id: str,
              digest: str) -> str:
    """The hash of one row, given the hash of the row before it (``GENESIS`` for the first)."""
    body = json.dumps([previous, int(entry_id), at, actor, action, entity, entity_id, digest])
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def chain_rows(previous: str, rows: Iterable[Sequence[object]]) -> list[tuple[str, str, int]]:
    """(detail_digest, hash, id) for rows of (id, at, actor, action, entity, entity_id, detail) in id order,
    continuing from ``previous``: what the migration writes into the rows stored before the chain existed."""
    chained = []
    for entry_id, at, actor, action, entity, entity_id, detail in rows:
        digest = detail_digest(str(detail or ""))
        previous = link_hash(previous, int(str(entry_id)), str(at), str(actor), str(action), str(entity),
                             str(entity_id), digest)
        chained.append((digest, previous, int(str(entry_id))))
    return chained


@dataclass
class ChainCheck:
    """Verification of the chain so far, fed one page of rows at a time (id order)."""

    entries: int = 0
    redacted: int = 0
    first_bad_id: int | None = None
    head_id: int | None = None
    head_hash: str = GENESIS

    def feed(self, links: Iterable[AuditLink]) -> None:
        for link in links:
            self.entries += 1
            if link.detail == ERASED and link.detail_digest != detail_digest(ERASED):
                self.redacted += 1
                detail_ok = True
            else:
                detail_ok = detail_digest(link.detail) == link.detail_digest
            expected = link_hash(self.head_hash, link.id, link.at, link.actor, link.action, link.entity,
                                 link.entity_id, link.detail_digest)
            if self.first_bad_id is None and not (detail_ok and expected == link.hash):
                self.first_bad_id = link.id
            self.head_id, self.head_hash = link.id, link.hash  # the next row chains to what is stored

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None
