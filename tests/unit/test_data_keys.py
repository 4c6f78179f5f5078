"""The local data keys (services/adapters/local/data_keys.py) and `python -m services rotate-key`: a fresh laptop gets a
private key file made once, the environment's keys win over it, a bad key is a ConfigError, and the command
re-encrypts in batches, resumes, and prints one JSON line."""

from __future__ import annotations

import base64
import json
import os
import re
import stat
import threading

import pytest

from services.adapters.local.data_keys import LocalKeys, add_file_key
from services.adapters.local.field_crypto import UnreadableData
from services.bootstrap import build_services
from services.cli import main
from services.config import Settings
from services.errors import ConfigError
from services.models import Customer, Message
from services.permissions import CLI
from tests.contracts.conftest import conversation


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def test_a_fresh_data_dir_gets_a_private_key_file_made_once(tmp_path):
    settings = Settings(data_dir=str(tmp_path / "data"))
    first = LocalKeys(settings).data_keys()
    path = tmp_path / "data" / "frontline.keys"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert re.fullmatch(r"k1-[0-9a-f]{6}", first.current) and len(first.hmac_key) == 32
    assert list(first.keys) == [first.current] and len(first.keys[first.current]) == 32
    assert LocalKeys(settings).data_keys() == first  # read back, not made again


def test_processes_starting_together_end_up_with_one_key_file(tmp_path):
    settings = Settings(data_key_file=str(tmp_path / "keys" / "shared.keys"))
    found, barrier = [], threading.Barrier(6)

    def start() -> None:
        barrier.wait()
        found.append(LocalKeys(settings).data_keys())

    threads = [threading.Thread(target=start) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 6 and all(keys == found[0] for keys in found)
    assert [p.name for p in (tmp_path / "keys").iterdir()] == ["shared.keys"]  # no temporary file left


def test_a_key_file_others_may_read_is_refused(tmp_path):
    settings = Settings(data_key_file=str(tmp_path / "frontline.keys"))
    LocalKeys(settings).data_keys()
    os.chmod(tmp_path / "frontline.keys", 0o644)
    with pytest.raises(ConfigError, match="may be read by others .mode 644.; make it private: chmod 600"):
        LocalKeys(settings).data_keys()


def test_the_environment_keys_win_the_first_is_current():
    k1, k2, mac = os.urandom(32), os.urandom(32), os.urandom(32)
    keys = LocalKeys(Settings(data_keys=f"k2:{b64(k2)}, k1:{b64(k1)}", data_hmac_key=b64(mac))).data_keys()
    assert (keys.current, keys.keys, keys.hmac_key) == ("k2", {"k2": k2, "k1": k1}, mac)
    assert b64(k2) not in repr(keys) and str(k2) not in repr(keys)  # the key bytes are never in a repr


@pytest.mark.parametrize(("data_keys", "hmac_key", "error"), [
    ("k1:" + b64(os.urandom(32)), "", "FRONTLINE_DATA_KEYS needs FRONTLINE_DATA_HMAC_KEY"),
    ("k1:not-base64!", b64(os.urandom(32)), "key 'k1' is not base64"),
    ("k1:" + b64(os.urandom(16)), b64(os.urandom(32)), "must be 32 bytes .* got 16"),
    (b64(os.urandom(32)), b64(os.urandom(32)), "id:base64 pairs"),
    ("k 1:" + b64(os.urandom(32)), b64(os.urandom(32)), "a data key id is"),
], ids=["no-hmac-key", "not-base64", "16-bytes", "no-key-id", "bad-key-id"])  # the same ids in every xdist worker
def test_malformed_environment_keys_are_config_errors(data_keys, hmac_key, error):
    with pytest.raises(ConfigError, match=error):
        LocalKeys(Settings(data_keys=data_keys, data_hmac_key=hmac_key)).data_keys()


def test_a_new_file_key_becomes_current_and_the_old_ones_stay(tmp_path):
    settings = Settings(data_key_file=str(tmp_path / "frontline.keys"))
    before = LocalKeys(settings).data_keys()
    key_id = add_file_key(settings.key_file)
    after = LocalKeys(settings).data_keys()
    assert re.fullmatch(r"k2-[0-9a-f]{6}", key_id) and after.current == key_id
    assert after.keys[before.current] == before.keys[before.current] and after.hmac_key == before.hmac_key
    assert stat.S_IMODE(settings.key_file.stat().st_mode) == 0o600


@pytest.fixture
def configured(tmp_path, monkeypatch):
    """The environment a `python -m services` run reads: a SQLite file and a key file in tmp_path."""
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(tmp_path / "frontline.db"))
    monkeypatch.setenv("FRONTLINE_DATA_KEY_FILE", str(tmp_path / "frontline.keys"))
    for name in ("FRONTLINE_DATA_KEYS", "FRONTLINE_DATA_HMAC_KEY", "FRONTLINE_PROVIDER_KEYS", "FRONTLINE_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(db_path=str(tmp_path / "frontline.db"), data_key_file=str(tmp_path / "frontline.keys"))
    services = build_services(settings)
    with services.uow() as uow:
        customer = uow.customers.add(Customer(0, "Ada", "ada@example.com", "+44 20 7946 0000", "gold", 0.0, "", "", ""))
        talk = uow.conversations.add(conversation(customer.id))
        uow.conversations.add_messages([Message(0, talk.id, "customer", "ada", f"Message {i} from ada@example.com",
                                                f"Message {i} from [EMAIL]", "2026-11-01T09:00:00Z")
                                        for i in range(11)])
    return settings


def run(capsys, *argv: str) -> tuple[int, dict]:
    code = main(["rotate-key", *argv])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else {}


def test_rotate_key_makes_a_new_key_current_and_reencrypts_in_batches_resumably(configured, capsys):
    code, first = run(capsys, "--new-key", "--batch-size", "5", "--max-batches", "1")
    key_id = first.get("key_id", "")
    assert code == 0 and key_id.startswith("k2-")
    assert first == {"key_id": key_id, "rows_reencrypted": 5, "batches": 1, "remaining": 8}  # customer, subject, 11
    code, rest = run(capsys, "--batch-size", "5")
    assert rest == {"key_id": key_id, "rows_reencrypted": 8, "batches": 2, "remaining": 0}
    assert run(capsys)[1] == {"key_id": key_id, "rows_reencrypted": 0, "batches": 0, "remaining": 0}
    services = build_services(configured)
    with services.uow() as uow:
        assert uow.customers.get(1).email == "ada@example.com"
        assert uow.integrations.customer_by_email("ADA@example.com") == 1
        assert [e.detail for e in uow.audit.entries(actor=CLI.username)][:3] == [
            "0 rows re-encrypted in 0 batches; 0 remaining", "8 rows re-encrypted in 2 batches; 0 remaining",
            "5 rows re-encrypted in 1 batches; 8 remaining"]


def test_rotate_key_refuses_a_new_key_for_environment_keys_and_a_bad_batch(configured, capsys, monkeypatch):
    monkeypatch.setenv("FRONTLINE_DATA_KEYS", "k9:" + b64(os.urandom(32)))
    monkeypatch.setenv("FRONTLINE_DATA_HMAC_KEY", b64(os.urandom(32)))
    assert main(["rotate-key", "--new-key"]) == 2
    assert "a new key can be added to the local key file only" in capsys.readouterr().err
    assert main(["rotate-key"]) == 2  # the rows are under the key file's k1, which the environment lacks
    assert "none of which is configured (configured: k9)" in capsys.readouterr().err
    monkeypatch.delenv("FRONTLINE_DATA_KEYS")
    assert main(["rotate-key", "--batch-size", "0"]) == 2
    assert "batch size must be 1-10000" in capsys.readouterr().err


def test_a_second_host_with_its_own_key_file_is_stopped_before_it_writes(tmp_path):
    database = str(tmp_path / "shared.db")
    first = build_services(Settings(db_path=database, data_key_file=str(tmp_path / "host-a.keys")))
    with first.uow() as uow:
        uow.customers.add(Customer(0, "Ada", "ada@example.com", "", "gold", 0.0, "", "", ""))
    second = build_services(Settings(db_path=database, data_key_file=str(tmp_path / "host-b.keys")))
    with pytest.raises(UnreadableData, match=r"encrypted under data keys k1-\w{6}, none of which is configured "
                                             r"\(configured: k1-\w{6}\); .* a key file made on each host"):
        second.store()
    with first.uow() as uow:
        assert uow.customers.get(1).email == "ada@example.com"

