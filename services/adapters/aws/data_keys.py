"""KeyProviders on AWS (services.ports.KeyProvider) for field encryption at rest (docs/security.md):

- ``KmsKeys`` (provider ``kms``): each data key is stored only encrypted by a KMS key, as the CiphertextBlob that
  ``aws kms generate-data-key-without-plaintext --key-spec AES_256 --encryption-context purpose=frontline-data-key``
  prints (settings ``kms_data_keys`` = "k2:<blob>,k1:<blob>", the current key first, and ``kms_hmac_key``); the app
  decrypts them once per process with ``kms:Decrypt`` under that encryption context. The task role needs kms:Decrypt
  on that KMS key and nothing else.
- ``SecretsManagerKeys`` (provider ``secretsmanager``): the secret ``data_keys_secret_id`` holds the key file's JSON
  (``{"current", "keys": {id: base64}, "hmac"}``), read once per process with ``secretsmanager:GetSecretValue``.

Errors: a blob, key or secret that is wrong is a ConfigError naming the setting; throttling, outages and missing
credentials are ProviderUnavailable (the app cannot read customer data until the key service answers).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from services.adapters.aws.clients import make_client, translated_errors
from services.adapters.local.field_crypto import KEY_BYTES, parse_key_document, parse_key_list
from services.config import Settings
from services.errors import ConfigError
from services.models import DataKeys

ENCRYPTION_CONTEXT = {"purpose": "frontline-data-key"}
# answers that mean the configuration is wrong (a retry will not help)
_CONFIG_CODES = frozenset({"InvalidCiphertextException", "IncorrectKeyException", "NotFoundException",
                           "ResourceNotFoundException", "DisabledException", "KMSInvalidStateException",
                           "InvalidKeyUsageException", "DecryptionFailure", "InvalidParameterException"})


def _code(error: BaseException) -> str:
    response = getattr(error, "response", None)
    return str(response.get("Error", {}).get("Code", "")) if isinstance(response, dict) else ""


class KmsKeys:
    def __init__(self, settings: Settings, client: Any = None, batch: bool = False) -> None:
        if not settings.kms_data_keys or not settings.kms_hmac_key:
            raise ConfigError("the kms key provider needs kms_data_keys (FRONTLINE_KMS_DATA_KEYS=\"k1:<CiphertextBlob "
                              "base64>\") and kms_hmac_key (FRONTLINE_KMS_HMAC_KEY); see docs/security.md")
        self._blobs = parse_key_list(settings.kms_data_keys, "kms_data_keys")
        self._hmac_blob = settings.kms_hmac_key.strip()
        self._client = client if client is not None else make_client("kms", settings, batch=batch)

    def _decrypt(self, blob_text: str, what: str) -> bytes:
        from botocore.exceptions import ClientError

        try:
            blob = base64.b64decode(blob_text, validate=True)
        except (binascii.Error, ValueError):
            raise ConfigError(f"{what} is not base64 (a KMS CiphertextBlob)") from None
        try:
            with translated_errors("AWS KMS"):
                answer = self._client.decrypt(CiphertextBlob=blob, EncryptionContext=ENCRYPTION_CONTEXT)
        except Exception as e:
            cause = e.__cause__ if isinstance(e.__cause__, ClientError) else None
            if cause is not None and _code(cause) in _CONFIG_CODES:
                raise ConfigError(f"AWS KMS cannot decrypt {what} ({_code(cause)}): check the blob, its KMS key "
                                  f"and the encryption context purpose=frontline-data-key") from None
            raise
        plaintext = answer.get("Plaintext", b"")
        if len(plaintext) != KEY_BYTES:
            raise ConfigError(f"{what} decrypts to {len(plaintext)} bytes; a data key is {KEY_BYTES} "
                              "(generate it with --key-spec AES_256)")
        return bytes(plaintext)

    def new_key(self) -> str:
        raise ConfigError("with KMS, make the new key with `aws kms generate-data-key-without-plaintext --key-spec "
                          "AES_256 --encryption-context purpose=frontline-data-key`, put it first in kms_data_keys, "
                          "restart, then run rotate-key (docs/security.md)")

    def data_keys(self) -> DataKeys:
        keys = {key_id: self._decrypt(blob, f"kms_data_keys {key_id!r}") for key_id, blob in self._blobs.items()}
        return DataKeys(next(iter(keys)), keys, self._decrypt(self._hmac_blob, "kms_hmac_key"))


class SecretsManagerKeys:
    def __init__(self, settings: Settings, client: Any = None, batch: bool = False) -> None:
        if not settings.data_keys_secret_id:
            raise ConfigError("the secretsmanager key provider needs data_keys_secret_id "
                              "(FRONTLINE_DATA_KEYS_SECRET_ID=frontline/data-keys); see docs/security.md")
        self._secret_id = settings.data_keys_secret_id
        self._client = client if client is not None else make_client("secretsmanager", settings, batch=batch)

    def new_key(self) -> str:
        raise ConfigError("with Secrets Manager, add the new key to the secret's keys and make it current there, "
                          "restart, then run rotate-key (docs/security.md)")

    def data_keys(self) -> DataKeys:
        from botocore.exceptions import ClientError

        where = f"the secret {self._secret_id!r}"
        try:
            with translated_errors("AWS Secrets Manager"):
                answer = self._client.get_secret_value(SecretId=self._secret_id)
        except Exception as e:
            cause = e.__cause__ if isinstance(e.__cause__, ClientError) else None
            if cause is not None and _code(cause) in _CONFIG_CODES:
                raise ConfigError(f"AWS Secrets Manager cannot give {where} ({_code(cause)})") from None
            raise
        text = answer.get("SecretString")
        if not isinstance(text, str):
            raise ConfigError(f"{where} must be a SecretString holding JSON {{current, keys, hmac}}")
        try:
            document = json.loads(text)
        except json.JSONDecodeError:
            raise ConfigError(f"{where} is not JSON {{current, keys, hmac}}") from None
        return parse_key_document(document, where)
