"""The audit log's hash chain: pure functions shared by the repositories (which chain each row as they append it),
the migration that chained the rows written before it, and ``services.audit.verify_chain``.

Each row stores ``detail_digest`` and ``hash`` = sha256 over the JSON list ``[previous row's hash, id, at, actor,
action, entity, entity_id, detail_digest]`` (the first row's previous hash is ``GENESIS``). A redaction replaces the
detail with ``ERASED`` and keeps the digest, so the chain still verifies after a privacy erase; any other change to a
row breaks that row's hash or its digest.

The digest is keyed: ``KEYED`` + HMAC-SHA256(key, detail), the key derived from the HMAC key kept outside the
database (``field_crypto.audit_digest_key``), so that the digest an erased detail leaves behind cannot confirm a
guess of the old text to someone holding only the database, nor can such a person change a detail and write a
digest that verifies. Rows written before keyed digests (and the rows migration 19 chained) carry a plain
sha256(detail) and verify as such; a plain digest *after* a keyed one does not (it could only be a rewrite).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from services.models import AuditLink

ERASED = "[erased]"  # the one value an UPDATE of audit_log may write (into detail, nothing else)
GENESIS = ""
SIGNATURE = ("id", "at", "actor", "action", "entity", "entity_id")  # the columns the hash covers, with the digest
KEYED = "k1:"  # a keyed digest starts with this; a plain sha256 is 64 hex digits


def detail_digest(detail: str | None, key: bytes | None = None) -> str:
    """The keyed digest of a detail (``KEYED`` + 64 hex digits); without a key, the plain sha256 of older rows."""
    data = (detail or "").encode("utf-8", "surrogatepass")
    if key is None:
        return hashlib.sha256(data).hexdigest()
    return KEYED + hmac.new(key, data, hashlib.sha256).hexdigest()


def digest_matches(detail: str | None, digest: str, key: bytes | None = None) -> bool:
    """Whether a stored digest is this detail's: keyed digests need the key (without it they never match)."""
    if digest.startswith(KEYED):
        return key is not None and hmac.compare_digest(detail_digest(detail, key), digest)
    return hmac.compare_digest(detail_digest(detail), digest)


def _unkeyed(detail: str, digest: str) -> bool:
    return digest_matches(detail, digest)


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
    """Verification of the chain so far, fed one page of rows at a time (id order). ``matches(detail, digest)``
    checks a digest: the audit repository's ``detail_matches``, which holds the key (the default knows only the
    plain digests of unkeyed rows)."""

    matches: Callable[[str, str], bool] = field(default=_unkeyed, repr=False)
    entries: int = 0
    redacted: int = 0
    first_bad_id: int | None = None
    head_id: int | None = None
    head_hash: str = GENESIS
    keyed_seen: bool = False  # once a row has a keyed digest, a plain one after it is a rewrite without the key

    def feed(self, links: Iterable[AuditLink]) -> None:
        for link in links:
            self.entries += 1
            if link.detail == ERASED and not self.matches(ERASED, link.detail_digest):
                self.redacted += 1
                detail_ok = True
            else:
                detail_ok = self.matches(link.detail, link.detail_digest)
            keyed = link.detail_digest.startswith(KEYED)
            detail_ok = detail_ok and (keyed or not self.keyed_seen)
            self.keyed_seen = self.keyed_seen or keyed
            expected = link_hash(self.head_hash, link.id, link.at, link.actor, link.action, link.entity,
                                 link.entity_id, link.detail_digest)
            if self.first_bad_id is None and not (detail_ok and expected == link.hash):
                self.first_bad_id = link.id
            self.head_id, self.head_hash = link.id, link.hash  # the next row chains to what is stored

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None
