"""One chat-completions call to an OpenAI-compatible endpoint (``POST {openai_base_url}/chat/completions``), with the
standard library only, and every way it can fail translated into ProviderUnavailable (the Fallback then asks the
local provider).

Bounded: the connection, the wait for the answer and each read time out after openai_timeout_s, and the whole answer
must have arrived by that deadline (a server that drips bytes is cut off); an answer larger than MAX_ANSWER_BYTES is
refused. No proxy from the environment is used and redirects are refused, so the API key goes to the configured host
only. The key is sent as a Bearer token and never written into a message or a log: error bodies are quoted with it
blanked out.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from services.config import Settings
from services.errors import ProviderUnavailable

LABEL = "OpenAI-compatible endpoint"
MAX_ANSWER_BYTES = 2_000_000
ERROR_EXCERPT_CHARS = 200
_CHUNK = 65_536


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> None:
        raise urllib.error.HTTPError(req.full_url, code, f"redirected ({code}); set openai_base_url to the final URL",
                                     headers, fp)


def endpoint_name(base_url: str) -> str:
    """scheme://host:port of the endpoint, without credentials, path or query (safe for messages)."""
    parts = urlsplit(base_url)
    host = parts.hostname or "?"
    return f"{parts.scheme}://{host}:{parts.port}" if parts.port else f"{parts.scheme}://{host}"


class ChatClient:
    """Sends one system + user message pair and returns the text of the first choice.

    Args:
        settings: openai_base_url, openai_model, openai_api_key, openai_timeout_s, openai_json_mode.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._url = settings.openai_base_url.rstrip("/") + "/chat/completions"
        self._where = f"{LABEL} {endpoint_name(settings.openai_base_url)}"
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())

    @property
    def model(self) -> str:
        return self._settings.openai_model

    def _unavailable(self, reason: str) -> ProviderUnavailable:
        key = self._settings.openai_api_key
        if key:
            reason = reason.replace(key, "***")
        return ProviderUnavailable(f"{self._where} unavailable ({reason})")

    def _body(self, system: str, user: str, max_tokens: int, temperature: float, schema_name: str,
              schema: dict[str, Any]) -> bytes:
        body: dict[str, Any] = {
            "model": self._settings.openai_model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "max_tokens": max_tokens, "temperature": temperature, "stream": False,
        }
        mode = self._settings.openai_json_mode
        if mode == "json_schema":
            body["response_format"] = {"type": "json_schema",
                                       "json_schema": {"name": schema_name, "schema": schema, "strict": True}}
        elif mode == "json_object":
            body["response_format"] = {"type": "json_object"}
        return json.dumps(body, ensure_ascii=False).encode("utf-8")

    def complete(self, system: str, user: str, *, max_tokens: int, temperature: float, schema_name: str,
                 schema: dict[str, Any]) -> str:
        """The assistant's answer text.

        Raises:
            ProviderUnavailable: the endpoint cannot be reached, timed out, answered an HTTP error (the status and a
                short excerpt of its body are named, never the key), or answered something that is not a
                chat completion.
        """
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self._settings.openai_api_key:
            headers["Authorization"] = f"Bearer {self._settings.openai_api_key}"
        request = urllib.request.Request(self._url, data=self._body(system, user, max_tokens, temperature,
                                                                   schema_name, schema),
                                         headers=headers, method="POST")
        timeout = self._settings.openai_timeout_s
        deadline = time.monotonic() + timeout
        try:
            with self._opener.open(request, timeout=timeout) as response:
                raw = self._read(response, deadline)
        except urllib.error.HTTPError as e:
            raise self._unavailable(self._http_error(e)) from None
        except urllib.error.URLError as e:
            raise self._unavailable(f"cannot connect: {e.reason}") from None
        except TimeoutError:
            raise self._unavailable(f"no answer within {timeout:g} s") from None
        except (OSError, http.client.HTTPException) as e:
            raise self._unavailable(f"{type(e).__name__}: {e}") from None
        return self._content(raw)

    def _read(self, response: Any, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > deadline:
                raise TimeoutError
            chunk = response.read1(_CHUNK)  # what has arrived (read() would wait for all of it)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise self._unavailable(f"answer larger than {MAX_ANSWER_BYTES} bytes")
            chunks.append(chunk)

    def _http_error(self, error: urllib.error.HTTPError) -> str:
        try:
            excerpt = error.read(4096).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException, AttributeError):
            excerpt = ""
        excerpt = " ".join(excerpt.split())[:ERROR_EXCERPT_CHARS]
        hint = {401: "; check openai_api_key", 403: "; check openai_api_key",
                404: "; check openai_base_url (it usually ends in /v1) and openai_model"}.get(error.code, "")
        return f"HTTP {error.code}{hint}" + (f": {excerpt}" if excerpt else "")

    def _content(self, raw: bytes) -> str:
        try:
            payload = json.loads(raw)
        except ValueError:
            raise self._unavailable(f"answered something that is not JSON: {raw[:ERROR_EXCERPT_CHARS]!r}") from None
        try:
            content = payload["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            content = None
        if not isinstance(content, str) or not content.strip():
            raise self._unavailable(f"answered no message: {json.dumps(payload)[:ERROR_EXCERPT_CHARS]}")
        return content
