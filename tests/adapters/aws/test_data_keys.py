"""The AWS KeyProviders of field encryption at rest against real botocore clients with Stubber: KMS decrypts the
stored data key blobs under the encryption context, Secrets Manager gives the key document; wrong answers are
ConfigErrors naming the setting, outages ProviderUnavailable."""

from __future__ import annotations

import base64
import json
import os

import boto3
import pytest
from botocore.stub import Stubber

from services.adapters.aws.data_keys import ENCRYPTION_CONTEXT, KmsKeys, SecretsManagerKeys
from services.adapters.local.field_crypto import FieldCodec
from services.bootstrap import build_services
from services.config import Settings
from services.errors import ConfigError, ProviderUnavailable

K1, K2, HMAC = os.urandom(32), os.urandom(32), os.urandom(32)
BLOB1, BLOB2, BLOB_HMAC = b"kms-blob-of-k1" * 4, b"kms-blob-of-k2" * 4, b"kms-blob-of-hmac" * 4


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def client(service: str):
    return boto3.client(service, region_name="eu-west-1", aws_access_key_id="testing",
                        aws_secret_access_key="testing")


def kms_settings(**changes: str) -> Settings:
    values = {"kms_data_keys": f"k2:{b64(BLOB2)},k1:{b64(BLOB1)}", "kms_hmac_key": b64(BLOB_HMAC), **changes}
    return Settings(providers={"keys": "kms"}, **values)


def test_kms_decrypts_each_data_key_blob_under_the_encryption_context():
    kms = client("kms")
    with Stubber(kms) as stubber:
        for blob, plain in ((BLOB2, K2), (BLOB1, K1), (BLOB_HMAC, HMAC)):
            stubber.add_response("decrypt", {"Plaintext": plain, "KeyId": "arn:aws:kms:eu-west-1:1:key/x"},
                                 {"CiphertextBlob": blob, "EncryptionContext": ENCRYPTION_CONTEXT})
        keys = KmsKeys(kms_settings(), client=kms).data_keys()
        stubber.assert_no_pending_responses()
    assert (keys.current, keys.keys, keys.hmac_key) == ("k2", {"k2": K2, "k1": K1}, HMAC)
    codec = FieldCodec(type("Fixed", (), {"data_keys": lambda self: keys})())
    assert codec.decrypt("customers.email", codec.encrypt("customers.email", "ada@example.com")) == "ada@example.com"


def test_a_kms_blob_it_cannot_decrypt_is_a_config_error_naming_the_key():
    kms = client("kms")
    with Stubber(kms) as stubber:
        stubber.add_client_error("decrypt", "InvalidCiphertextException", "bad blob", 400)
        with pytest.raises(ConfigError, match="cannot decrypt kms_data_keys 'k2' .InvalidCiphertextException."):
            KmsKeys(kms_settings(), client=kms).data_keys()


def test_kms_throttled_or_unreachable_is_provider_unavailable():
    kms = client("kms")
    with Stubber(kms) as stubber:
        stubber.add_client_error("decrypt", "ThrottlingException", "slow down", 400)
        with pytest.raises(ProviderUnavailable, match="AWS KMS unavailable"):
            KmsKeys(kms_settings(), client=kms).data_keys()


def test_a_kms_key_of_the_wrong_size_is_refused():
    kms = client("kms")
    with Stubber(kms) as stubber:
        stubber.add_response("decrypt", {"Plaintext": b"short"}, {"CiphertextBlob": BLOB2,
                                                                 "EncryptionContext": ENCRYPTION_CONTEXT})
        with pytest.raises(ConfigError, match="decrypts to 5 bytes"):
            KmsKeys(kms_settings(), client=kms).data_keys()


def test_kms_without_its_settings_is_a_config_error():
    with pytest.raises(ConfigError, match="needs kms_data_keys"):
        KmsKeys(Settings(), client=object())
    with pytest.raises(ConfigError, match="id:base64 pairs"):
        KmsKeys(kms_settings(kms_data_keys="no-colon-here"), client=object())


def secret(document: dict) -> dict:
    return {"ARN": "arn:aws:secretsmanager:eu-west-1:1:secret:frontline/data-keys-AbCdEf",
            "Name": "frontline/data-keys", "SecretString": json.dumps(document)}


def test_secrets_manager_gives_the_key_document():
    sm = client("secretsmanager")
    document = {"current": "k2", "keys": {"k2": b64(K2), "k1": b64(K1)}, "hmac": b64(HMAC)}
    with Stubber(sm) as stubber:
        stubber.add_response("get_secret_value", secret(document), {"SecretId": "frontline/data-keys"})
        keys = SecretsManagerKeys(Settings(data_keys_secret_id="frontline/data-keys"), client=sm).data_keys()
        stubber.assert_no_pending_responses()
    assert (keys.current, keys.keys, keys.hmac_key) == ("k2", {"k2": K2, "k1": K1}, HMAC)


GENERATED = "q8ZyT3vLr0aWm5Nc2Hj7Xk9BdPe4Fs6Gu1Vh8Jw3Mx0Ry5Ct2Lb7Kz4Qn9Pa6Sd"  # as Secrets Manager generates (64)


def keys_of(document: dict) -> object:
    sm = client("secretsmanager")
    with Stubber(sm) as stubber:
        stubber.add_response("get_secret_value", secret(document), {"SecretId": "frontline/data-keys"})
        return SecretsManagerKeys(Settings(data_keys_secret_id="frontline/data-keys"), client=sm).data_keys()


def test_a_secret_the_deployment_generated_gives_keys_derived_from_its_passphrase_the_same_in_every_task():
    """deploy/stack.py has Secrets Manager generate {"current": "k1", "passphrase": <64 random characters>}: every
    task derives the same data key and HMAC key from it, so replicas share one key and none makes its own."""
    first, second = keys_of({"current": "k1", "passphrase": GENERATED}), keys_of({"current": "k1", "passphrase": GENERATED})
    assert first.current == "k1" and list(first.keys) == ["k1"]
    assert (first.keys, first.hmac_key) == (second.keys, second.hmac_key)
    assert len(first.keys["k1"]) == len(first.hmac_key) == 32 and first.keys["k1"] != first.hmac_key
    other = keys_of({"current": "k1", "passphrase": GENERATED[::-1]})
    assert other.keys["k1"] != first.keys["k1"] and other.hmac_key != first.hmac_key
    codec = FieldCodec(type("Fixed", (), {"data_keys": lambda self: first})())
    sealed = codec.encrypt("customers.email", "ada@example.com")
    assert codec.decrypt("customers.email", sealed) == "ada@example.com"
    # a rotation adds an explicit key and makes it current; the passphrase still gives k1 (old rows) and the HMAC
    rotated = keys_of({"current": "k2", "passphrase": GENERATED, "keys": {"k2": b64(K2)}})
    assert (rotated.current, rotated.keys["k1"], rotated.keys["k2"], rotated.hmac_key) == (
        "k2", first.keys["k1"], K2, first.hmac_key)


@pytest.mark.parametrize(("document", "error"), [
    ({"current": "k1", "passphrase": "short"}, "passphrase must be at least 32 characters"),
    ({"current": "k1", "passphrase": GENERATED, "keys": {"k1": b64(K1)}}, "both in keys and derived"),
    ({"current": "k2", "passphrase": GENERATED}, "current key 'k2' is not among its keys .k1."),
    ({"current": "k1"}, "must be a JSON object with current, keys"),
    ({"current": "k3", "keys": {"k2": b64(K2)}, "hmac": b64(HMAC)}, "current key 'k3' is not among its keys"),
    ({"current": "k2", "keys": {"k2": b64(b"too short")}, "hmac": b64(HMAC)}, "must be 32 bytes"),
    ({"current": "k2", "keys": {"k2": b64(K2)}}, "hmac is not base64|hmac must be 32 bytes"),
])
def test_a_malformed_secret_is_a_config_error(document, error):
    sm = client("secretsmanager")
    with Stubber(sm) as stubber:
        stubber.add_response("get_secret_value", secret(document), {"SecretId": "frontline/data-keys"})
        with pytest.raises(ConfigError, match=error):
            SecretsManagerKeys(Settings(data_keys_secret_id="frontline/data-keys"), client=sm).data_keys()


def test_a_missing_secret_is_a_config_error_and_an_outage_provider_unavailable():
    sm = client("secretsmanager")
    with Stubber(sm) as stubber:
        stubber.add_client_error("get_secret_value", "ResourceNotFoundException", "no such secret", 400)
        stubber.add_client_error("get_secret_value", "InternalServiceError", "oops", 500)
        provider = SecretsManagerKeys(Settings(data_keys_secret_id="frontline/data-keys"), client=sm)
        with pytest.raises(ConfigError, match="ResourceNotFoundException"):
            provider.data_keys()
        with pytest.raises(ProviderUnavailable, match="AWS Secrets Manager unavailable"):
            provider.data_keys()


def test_the_provider_is_chosen_by_config_and_an_unknown_one_lists_the_valid_ones(tmp_path):
    built = build_services(Settings(providers={"keys": "secretsmanager"}, data_keys_secret_id="frontline/data-keys"))
    assert type(built.get("keys")).__name__ == "SecretsManagerKeys"
    assert type(build_services(kms_settings()).get("keys")).__name__ == "KmsKeys"
    assert type(build_services(Settings(backend="aws")).get("keys")).__name__ == "LocalKeys"  # only when chosen
    with pytest.raises(ConfigError, match="unknown provider 'vault' for keys; valid: local, kms, secretsmanager"):
        build_services(Settings(providers={"keys": "vault"}))


def test_a_new_key_is_made_in_the_key_service_not_by_the_app():
    with pytest.raises(ConfigError, match="generate-data-key-without-plaintext"):
        KmsKeys(kms_settings(), client=object()).new_key()
    with pytest.raises(ConfigError, match="add the new key to the secret"):
        SecretsManagerKeys(Settings(data_keys_secret_id="frontline/data-keys"), client=object()).new_key()
