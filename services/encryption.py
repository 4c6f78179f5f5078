"""Field encryption at rest, the operator's side (docs/security.md "Encryption at rest"): ``rotate_key`` re-encrypts
every encrypted column under the current data key, in batches of one transaction each.

The repositories encrypt and decrypt as they store and read (services/adapters/local/field_crypto.py); what is left
for a command is the rows under an older key after a new key became current, and the plaintext rows of a database
upgraded from before migration 20. A row already under the current key is never selected again, so an interrupted
run (a crash, Ctrl-C, ``max_batches``) loses at most its open batch and the next run continues where it stopped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.errors import InvalidInput
from services.models import User
from services.permissions import require

if TYPE_CHECKING:
    from services.bootstrap import Services

DEFAULT_BATCH = 500
MAX_BATCH = 10_000


def rotate_key(services: Services, user: User, batch_size: int = DEFAULT_BATCH,
               max_batches: int | None = None, new_key: bool = False) -> dict[str, int | str]:
    """Re-encrypt under the current key, ``batch_size`` rows per transaction, at most ``max_batches`` batches (None:
    until nothing is left); ``new_key``: first make a fresh key current (the local key file only). Audited once,
    with the totals.

    Returns:
        {"key_id", "rows_reencrypted", "batches", "remaining"}: remaining is 0 once everything is under the current key.

    Raises:
        PermissionDenied: not an admin. InvalidInput: a batch size outside 1-10000 or a negative max_batches.
        ConfigError: ``new_key`` with keys the app does not own (environment, KMS, Secrets Manager).
        ServiceError (UnreadableData, ConfigError, ProviderUnavailable): a value whose key is missing or wrong, or
        keys that cannot be had; the batch being written is rolled back, earlier batches stay done.
    """
    user = require(user, "data_keys.rotate")
    if not isinstance(batch_size, int) or not 1 <= batch_size <= MAX_BATCH:
        raise InvalidInput(f"batch size must be 1-{MAX_BATCH} rows; got {batch_size!r}")
    if max_batches is not None and (not isinstance(max_batches, int) or max_batches < 0):
        raise InvalidInput(f"max batches must be 0 or more; got {max_batches!r}")
    if new_key:
        services.keys.new_key()
    key_id = services.keys.data_keys().current
    rows = batches = 0
    while max_batches is None or batches < max_batches:
        done = services.store.reencrypt(batch_size)
        if not done:
            break
        rows, batches = rows + done, batches + 1
    remaining = services.store.reencrypt_pending()
    with services.uow() as uow:
        uow.audit.record(user.username, "data_keys_rotated", "data_keys", key_id,
                         f"{rows} rows re-encrypted in {batches} batches; {remaining} remaining")
    return {"key_id": key_id, "rows_reencrypted": rows, "batches": batches, "remaining": remaining}
