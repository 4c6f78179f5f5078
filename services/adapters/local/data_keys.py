"""The local KeyProvider (services.ports.KeyProvider): the data keys from the environment, else from a key file made
once in the app's data directory, so a fresh laptop encrypts at rest offline with nothing to set up.

- FRONTLINE_DATA_KEYS="k2:<base64>,k1:<base64>" (the current key first, older ones after it so their values still
  decrypt) and FRONTLINE_DATA_HMAC_KEY="<base64>": 32 random bytes each (``openssl rand -base64 32``).
- Otherwise ``Settings.key_file`` (default ``<data_dir>/frontline.keys``): JSON ``{"current", "keys", "hmac"}``,
  written with mode 0600 on first use (atomically: two processes starting at once end up with the same file), and
  refused when group or others may read it.

The keys are not kept in the database they protect: a copy of the database file (a backup, a dump, a stolen disk
image of the database volume alone) is then unreadable without the key file or the environment.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from services.adapters.local.field_crypto import KEY_BYTES, decode_key, parse_key_document, parse_key_list
from services.config import Settings
from services.errors import ConfigError
from services.models import DataKeys


def new_key() -> str:
    return base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def _key_id(number: int) -> str:
    """``k<n>-<6 hex>``: the number orders the keys for people; the random part tells apart two files made on two
    hosts (two replicas each with its own key file is a misconfiguration the error message then shows)."""
    return f"k{number}-{secrets.token_hex(3)}"


def _write_new(path: Path, document: dict) -> None:
    """Write the file with mode 0600, never half-written; ``FileExistsError`` when another process made it first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _put(path, document, os.link)


def _replace(path: Path, document: dict) -> None:
    """Replace the file's content atomically, keeping mode 0600."""
    _put(path, document, os.replace)


def _put(path: Path, document: dict, into_place: Callable[[Path, Path], None]) -> None:
    """Write the document to a temporary 0600 file beside ``path``, synced, then ``into_place(temporary, path)``
    (``os.link``: only if nothing is there; ``os.replace``: atomically over it)."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        into_place(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def read_key_file(path: Path, create: bool = True) -> dict:
    """The key file's JSON document, made first when it does not exist (``create``)."""
    if not path.exists():
        if not create:
            raise ConfigError(f"no data key file at {path}")
        try:
            key_id = _key_id(1)
            _write_new(path, {"current": key_id, "keys": {key_id: new_key()}, "hmac": new_key()})
        except FileExistsError:
            pass  # another process made it a moment ago: read theirs
        except OSError as e:
            raise ConfigError(f"cannot create the data key file {path}: {e.strerror or e}") from None
    try:
        mode = path.stat().st_mode
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(f"the data key file {path} may be read by others (mode {stat.S_IMODE(mode):o}); "
                              f"make it private: chmod 600 {path}")
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"cannot read the data key file {path}: {e}") from None
    if not isinstance(document, dict):
        raise ConfigError(f"the data key file {path} must hold a JSON object")
    return document


def add_file_key(path: Path) -> str:
    """A new random key made current in the key file (the old ones kept, so their values still decrypt); returns its
    id. What ``rotate-key --new-key`` does before re-encrypting."""
    document = read_key_file(path)
    parse_key_document(document, str(path))  # a broken file is not extended
    numbers = [int(found[1]) for k in document["keys"] if (found := re.match(r"k(\d{1,9})(?:-|$)", k))]
    key_id = _key_id(max(numbers, default=0) + 1)
    document = {**document, "current": key_id, "keys": {key_id: new_key(), **document["keys"]}}
    _replace(path, document)
    return key_id


class LocalKeys:
    """KeyProvider: FRONTLINE_DATA_KEYS (+ FRONTLINE_DATA_HMAC_KEY) when set, else the key file."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def new_key(self) -> str:
        if self.settings.data_keys:
            raise ConfigError("a new key can be added to the local key file only; with FRONTLINE_DATA_KEYS put the new "
                              "key first in the list (keep the old ones after it), restart, then run rotate-key")
        return add_file_key(self.settings.key_file)

    def data_keys(self) -> DataKeys:
        if self.settings.data_keys:
            if not self.settings.data_hmac_key:
                raise ConfigError("FRONTLINE_DATA_KEYS needs FRONTLINE_DATA_HMAC_KEY (base64 of 32 random bytes; it "
                                  "keys the hash e-mails are looked up by and never rotates)")
            listed = parse_key_list(self.settings.data_keys, "FRONTLINE_DATA_KEYS")
            keys = {key_id: decode_key(value, f"FRONTLINE_DATA_KEYS: key {key_id!r}") for key_id, value in listed.items()}
            return DataKeys(next(iter(keys)), keys, decode_key(self.settings.data_hmac_key, "FRONTLINE_DATA_HMAC_KEY"))
        path = self.settings.key_file
        return parse_key_document(read_key_file(path), f"the data key file {path}")
