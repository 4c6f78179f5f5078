"""Field encryption at rest (issue 21 item 2, docs/security.md "Encryption at rest"): the codec both stores' repositories
(SQLite and PostgreSQL) encrypt and decrypt PII columns with, so use cases keep seeing plaintext dataclasses.

A stored value is an envelope naming its key: ``enc:v1:<key id>:<base64url(nonce ‖ AES-256-GCM ciphertext ‖ tag)>``,
the column's name (``customers.email``) bound as associated data, so a value moved to another column does not
decrypt. Values under an older key still decrypt after a rotation (every configured key is kept by id); a value
without the ``enc:v1:`` prefix is plaintext from before migration 20 and is read as it is until ``rotate-key``
encrypts it. Empty strings and NULL stay as they are (nothing to hide; the rotation skips them).

E-mail lookups go through a keyed hash (HMAC-SHA256 of the trimmed, lower-cased address under the HMAC key, which
never rotates with the data keys) kept indexed in ``customers.email_hmac``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import threading
import time
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from services.errors import ConfigError, ServiceError
from services.models import DataKeys
from services.ports import KeyProvider

PREFIX = "enc:v1:"
NONCE_BYTES = 12
KEY_BYTES = 32
PASSPHRASE_CHARS = 32  # a generated 64-character alphanumeric secret carries ~380 bits
KEY_ID = re.compile(r"[A-Za-z0-9_.-]{1,40}")
ROTATION_BATCH = 500  # rows re-encrypted per transaction by rotate-key
RELOAD_S = 5.0  # a value under a key id this process does not know makes it ask for the keys again, at most this often

# The encrypted columns per table, with the table's key column (docs/security.md lists why each is or is not here).
# The masked copies (messages.masked_text, escalations.masked_note, mail_messages.full_text) stay in clear.
ENCRYPTED: dict[str, tuple[str, tuple[str, ...]]] = {
    "customers": ("id", ("email", "phone", "handle")),
    "conversations": ("id", ("subject",)),
    "messages": ("id", ("text", "original")),
    "escalations": ("id", ("note",)),
    "suggestions": ("id", ("final_text",)),
    "analyses": ("message_id", ("payload",)),
    "mail_messages": ("id", ("address", "subject")),
    "mail_outbox": ("id", ("recipient", "subject", "body")),
    "social_outbox": ("id", ("body",)),
}
HMAC_COLUMNS = {"customers": {"email_hmac": "email"}}  # keyed hashes kept beside an encrypted column


class UnreadableData(ServiceError):
    """A stored value cannot be decrypted: its key is not configured, or the key or the value is wrong."""


AUDIT_LABEL = b"frontline audit detail digest v1"


def email_digest(hmac_key: bytes, email: str) -> str:
    """The keyed hash an e-mail is looked up by (trimmed and lower-cased, so lookups ignore case)."""
    return hmac.new(hmac_key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def audit_digest_key(hmac_key: bytes) -> bytes:
    return hmac.new(hmac_key, AUDIT_LABEL, hashlib.sha256).digest()


def decode_key(text: str, what: str) -> bytes:
    """A 32-byte key from base64 (standard or URL-safe alphabet); ConfigError naming ``what`` otherwise."""
    try:
        raw = base64.b64decode(text.strip().replace("-", "+").replace("_", "/") + "=" * (-len(text.strip()) % 4),
                               validate=True)
    except (binascii.Error, ValueError):
        raise ConfigError(f"{what} is not base64") from None
    if len(raw) != KEY_BYTES:
        raise ConfigError(f"{what} must be {KEY_BYTES} bytes (base64 of 32 random bytes); got {len(raw)}")
    return raw


def check_key_id(key_id: str) -> str:
    if not isinstance(key_id, str) or not KEY_ID.fullmatch(key_id):
        raise ConfigError(f"a data key id is 1-40 letters, digits, '.', '_' or '-'; got {str(key_id)[:40]!r}")
    return key_id


def parse_key_document(document: Any, where: str) -> DataKeys:
    """DataKeys from the JSON document the key file and the Secrets Manager secret hold:
    ``{"current": "k2", "keys": {"k2": "<base64>", "k1": "<base64>"}, "hmac": "<base64>"}``.

    A document may instead (or as well) carry a ``passphrase``: at least 32 characters of generated random text, from
    which key ``passphrase_key`` (default ``"k1"``) and, when ``hmac`` is absent, the HMAC key are derived with
    HKDF-SHA256 — the form a deployment can have Secrets Manager generate (``deploy/stack.py``); a rotation adds an
    explicit key to ``keys`` and makes it current, and the passphrase keeps giving the old key and the HMAC key."""
    if not isinstance(document, dict):
        raise ConfigError(f"{where} must be a JSON object with current, keys (id -> base64) and hmac")
    explicit = document.get("keys", {})
    passphrase = document.get("passphrase")
    if not isinstance(explicit, dict) or not (explicit or passphrase is not None):
        raise ConfigError(f"{where} must be a JSON object with current, keys (id -> base64) and hmac")
    keys = {check_key_id(k): decode_key(v if isinstance(v, str) else "", f"{where}: key {k!r}")
            for k, v in explicit.items()}
    derived_hmac = None
    if passphrase is not None:
        if not isinstance(passphrase, str) or len(passphrase.strip()) < PASSPHRASE_CHARS:
            raise ConfigError(f"{where}: passphrase must be at least {PASSPHRASE_CHARS} characters of generated "
                              "random text")
        key_id = check_key_id(str(document.get("passphrase_key", "k1")))
        if key_id in keys:
            raise ConfigError(f"{where}: key {key_id!r} is both in keys and derived from the passphrase")
        keys[key_id] = derive_key(passphrase.strip(), f"data key {key_id}")
        derived_hmac = derive_key(passphrase.strip(), "hmac")
    current = document.get("current")
    if current not in keys:
        raise ConfigError(f"{where}: current key {current!r} is not among its keys ({', '.join(keys)})")
    hmac_text = document.get("hmac")
    if hmac_text is None and derived_hmac is not None:
        return DataKeys(current, keys, derived_hmac)
    return DataKeys(current, keys, decode_key(hmac_text if isinstance(hmac_text, str) else "", f"{where}: hmac"))


def derive_key(passphrase: str, purpose: str) -> bytes:
    """32 bytes for ``purpose`` from a high-entropy passphrase (HKDF-SHA256, fixed salt: the passphrase is random)."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=b"frontline data keys v1",
                info=purpose.encode()).derive(passphrase.encode("utf-8", "surrogatepass"))


def parse_key_list(text: str, what: str) -> dict[str, str]:
    """``"k2:<value>,k1:<value>"`` (the first is the current key) as an ordered mapping of id -> value."""
    found: dict[str, str] = {}
    for item in (part.strip() for part in text.split(",")):
        key_id, sep, value = item.partition(":")
        if not item or not sep or not value.strip():
            raise ConfigError(f"{what} must be id:base64 pairs separated by commas, the current key first "
                              "(e.g. k2:…,k1:…)")
        found[check_key_id(key_id.strip())] = value.strip()
    return found


class FieldCodec:
    """Encrypts and decrypts column values with the data keys of a KeyProvider (asked once, on first use)."""

    def __init__(self, provider: KeyProvider) -> None:
        self._provider = provider
        self._keys: DataKeys | None = None
        self._ciphers: dict[str, AESGCM] = {}
        self._loaded_at = 0.0
        self._lock = threading.Lock()

    @property
    def keys(self) -> DataKeys:
        if self._keys is None:
            with self._lock:
                if self._keys is None:
                    keys = self._provider.data_keys()
                    self._ciphers = {key_id: AESGCM(key) for key_id, key in keys.keys.items()}
                    self._keys, self._loaded_at = keys, time.monotonic()
        return self._keys

    def _reload(self) -> DataKeys:
        """Ask the provider again, at most once every RELOAD_S seconds (a value under an unknown key id)."""
        with self._lock:
            if self._keys is None or time.monotonic() - self._loaded_at >= RELOAD_S:
                keys = self._provider.data_keys()
                self._ciphers = {key_id: AESGCM(key) for key_id, key in keys.keys.items()}
                self._keys, self._loaded_at = keys, time.monotonic()
            return self._keys

    @property
    def current_prefix(self) -> str:
        """What every value under the current key starts with (``enc:v1:k2:``)."""
        return f"{PREFIX}{self.keys.current}:"

    def encrypt(self, column: str, value: str | None) -> str | None:
        if not value:
            return value
        keys = self.keys
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._ciphers[keys.current].encrypt(nonce, value.encode("utf-8", "surrogatepass"), column.encode())
        return f"{PREFIX}{keys.current}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def decrypt(self, column: str, value: str | None) -> str | None:
        """The plaintext of a stored value (a value from before encryption comes back as it is).

        Raises:
            UnreadableData: the value names a key that is not configured, or it does not decrypt with it.
        """
        if not value or not value.startswith(PREFIX):
            return value
        key_id, sep, body = value[len(PREFIX):].partition(":")
        keys = self.keys
        if sep and key_id not in self._ciphers:
            keys = self._reload()  # another process may have made a new key current (rotate-key --new-key)
        if not sep or key_id not in self._ciphers:
            raise UnreadableData(
                f"{column} is encrypted under data key {key_id[:40]!r}, which is not configured (configured: "
                f"{', '.join(keys.keys)}); give the app every key that still has data under it (docs/security.md)")
        try:
            raw = base64.urlsafe_b64decode(body)
            return self._ciphers[key_id].decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], column.encode()).decode(
                "utf-8", "surrogatepass")
        except (InvalidTag, binascii.Error, ValueError):
            raise UnreadableData(f"{column} does not decrypt with data key {key_id!r}: the key configured under "
                                 "that id is not the one it was encrypted with, or the value was altered") from None

    def email_hmac(self, email: str | None) -> str | None:
        return email_digest(self.keys.hmac_key, email) if email else None

    @property
    def audit_key(self) -> bytes:
        """The key of the audit log's detail digests (services/audit_chain.py), derived from the HMAC key: like it,
        outside the database and never rotated, so every digest stays checkable."""
        return audit_digest_key(self.keys.hmac_key)

    def seal_row(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """A row to store: its encrypted columns encrypted, its keyed hashes added."""
        sealed = dict(row)
        for column in ENCRYPTED[table][1]:
            if column in sealed:
                sealed[column] = self.encrypt(f"{table}.{column}", sealed[column])
        for hashed, source in HMAC_COLUMNS.get(table, {}).items():
            if source in row:
                sealed[hashed] = self.email_hmac(row[source])
        return sealed

    def open_row(self, table: str, row: Any) -> dict[str, Any]:
        """A stored row's columns by name, its encrypted columns decrypted."""
        opened = {key: row[key] for key in row.keys()}
        for column in ENCRYPTED[table][1]:
            if column in opened:
                opened[column] = self.decrypt(f"{table}.{column}", opened[column])
        return opened

    def stale_condition(self, table: str) -> tuple[str, list[Any]]:
        """SQL (both dialects) true for a row with a value not under the current key, or a keyed hash missing."""
        prefix = self.current_prefix
        parts, args = [], []
        for column in ENCRYPTED[table][1]:
            parts.append(f"({column} IS NOT NULL AND {column} <> '' AND substr({column}, 1, ?) <> ?)")
            args += [len(prefix), prefix]
        for hashed, source in HMAC_COLUMNS.get(table, {}).items():
            parts.append(f"({hashed} IS NULL AND {source} IS NOT NULL AND {source} <> '')")
        return " OR ".join(parts), args


def reencrypt_batch(tx: Any, codec: FieldCodec, limit: int = ROTATION_BATCH) -> int:
    """Re-encrypt up to ``limit`` rows not wholly under the current key (old key or plaintext) through one
    Transaction (sqlite_uow's or the PostgreSQL one); returns how many rows were rewritten. Rows already under the
    current key are never selected, so an interrupted rotation just continues."""
    done = 0
    for table, (key, columns) in ENCRYPTED.items():
        if done >= limit:
            break
        hashed = list(HMAC_COLUMNS.get(table, {}))
        condition, args = codec.stale_condition(table)
        rows = tx.rows(f"SELECT {key}, {', '.join(columns)} FROM {table} WHERE {condition} "  # noqa: S608
                       f"ORDER BY {key} LIMIT ?", [*args, limit - done])
        changed = [*columns, *hashed]
        update = (f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in changed)} WHERE {key} = ? AND "  # noqa: S608
                  + " AND ".join(f"COALESCE({c}, '') = ?" for c in columns))
        for row in rows:
            plain = {column: codec.decrypt(f"{table}.{column}", row[column]) for column in columns}
            sealed = codec.seal_row(table, plain)
            # only if the row still holds what was read: a change the app made meanwhile (feedback, a retried
            # analysis) is never overwritten with the older value; such a row is under the current key already
            cursor = tx.write(update, [*(sealed[c] for c in changed), row[key], *(row[c] or "" for c in columns)])
            done += cursor.rowcount
    return done


def pending_rows(tx: Any, codec: FieldCodec) -> int:
    """How many rows still hold a value not under the current key (what rotate-key has left to do)."""
    total = 0
    for table in ENCRYPTED:
        condition, args = codec.stale_condition(table)
        total += int(tx.scalar(f"SELECT COUNT(*) FROM {table} WHERE {condition}", args) or 0)  # noqa: S608
    return total


def key_check(key: bytes) -> str:
    """A value that tells keys apart without revealing them: 64 bits of HMAC-SHA256(key, a fixed label)."""
    return hmac.new(key, b"frontline data key check", hashlib.sha256).hexdigest()[:16]


def check_registered(tx: Any, keys: DataKeys, at: str) -> None:
    """Compare the configured keys with the ones this database has been written under (app_settings 'data_keys':
    key id -> key_check), registering the current key: a process given other keys (a wrong key under a known id,
    or a key file made on another host) is stopped when its store is built, before it writes anything.

    Raises:
        UnreadableData: a configured key differs from the one registered under its id, or none of the database's
        keys is configured.
    """
    checks = {key_id: key_check(key) for key_id, key in keys.keys.items()}
    tx.write("INSERT INTO app_settings (name, value, updated_at, updated_by) VALUES ('data_keys', ?, ?, 'system') "
             "ON CONFLICT (name) DO NOTHING", [json.dumps({keys.current: checks[keys.current]}), at])
    try:
        registered = json.loads(tx.scalar("SELECT value FROM app_settings WHERE name = 'data_keys'") or "{}")
    except json.JSONDecodeError:
        registered = {}
    registered = registered if isinstance(registered, dict) else {}
    wrong = sorted(key_id for key_id in registered if key_id in checks and registered[key_id] != checks[key_id])
    if wrong:
        raise UnreadableData(f"data key {wrong[0]!r} is not the key this database was encrypted with under that id; "
                             "configure the right key (docs/security.md)")
    if registered and not set(registered) & set(checks):
        raise UnreadableData(f"this database is encrypted under data keys {', '.join(sorted(registered))}, none of "
                             f"which is configured (configured: {', '.join(checks)}); every process needs the same "
                             "keys — a key file made on each host is not (docs/security.md)")
    if keys.current not in registered:
        tx.write("UPDATE app_settings SET value = ?, updated_at = ? WHERE name = 'data_keys'",
                 [json.dumps({**registered, keys.current: checks[keys.current]}), at])

