"""The SocialSender port over HTTP (stdlib urllib): Meta's Graph API send endpoints under ``social_send_url``.

    dm                   POST {base}/me/messages          {"recipient": {"id": …}, "messaging_type": "RESPONSE",
                                                           "message": {"text": …}}
    comment (page)       POST {base}/{comment id}/comments  {"message": …}
    comment (instagram)  POST {base}/{comment id}/replies   {"message": …}

with ``Authorization: Bearer <the integration's access token>`` (``social_access_tokens``). No redirects are
followed; the answer is read up to 64 KiB. The platform down, a timeout, a 5xx, 408 or 429 is ProviderUnavailable
(services/social_outbound.py tries again later); any other answer that is not a 2xx is a refusal for good,
InvalidInput, with the status and the platform's own reason (Graph's ``error.message``, one line, at most 200
characters) — never the token.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from services.config import Settings
from services.errors import ConfigError, InvalidInput, ProviderUnavailable
from services.models import SocialDelivery, SocialReply

MAX_ANSWER_BYTES = 64 * 1024
MAX_REASON_CHARS = 200
TRANSIENT = frozenset({408, 425, 429})  # and every 5xx: the platform may take it later


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201 - urllib's signature
        return None


class GraphSocialSender:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._opener = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))

    def send(self, reply: SocialReply) -> SocialDelivery:
        base = self.settings.social_send_url.rstrip("/")
        token = self.settings.social_access_tokens.get(reply.integration, "")
        if not base or not token:
            raise ConfigError(f"sending to {reply.platform} needs social_send_url and an access token for "
                              f"{reply.integration!r} (social_access_tokens)")
        recipient = urllib.parse.quote(reply.recipient, safe="")
        if reply.kind == "dm":
            url, body = f"{base}/me/messages", {"recipient": {"id": reply.recipient}, "messaging_type": "RESPONSE",
                                                "message": {"text": reply.text}}
        else:
            edge = "replies" if reply.platform == "instagram" else "comments"
            url, body = f"{base}/{recipient}/{edge}", {"message": reply.text}
        request = urllib.request.Request(url, json.dumps(body).encode(), method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        try:
            with self._opener.open(request, timeout=self.settings.social_send_timeout_s) as answer:
                raw = answer.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as e:
            reason = _reason(e)
            if e.code in TRANSIENT or e.code >= 500:
                raise ProviderUnavailable(f"{reply.platform} could not take the reply now: HTTP {e.code}{reason}") \
                    from None
            raise InvalidInput(f"{reply.platform} refused the reply: HTTP {e.code}{reason}") from None
        except (urllib.error.URLError, OSError, TimeoutError) as e:
            raise ProviderUnavailable(f"{reply.platform} could not be reached ({type(e).__name__})") from None
        try:
            found = json.loads(raw[:MAX_ANSWER_BYTES]) if len(raw) <= MAX_ANSWER_BYTES else {}
        except ValueError:
            found = {}
        found = found if isinstance(found, dict) else {}
        return SocialDelivery(str(found.get("message_id") or found.get("id") or "")[:200])


def _reason(error: urllib.error.HTTPError) -> str:
    """``": <the platform's message>"`` from a Graph API error answer ({"error": {"message": …}}), "" when none."""
    try:
        raw = error.read(MAX_ANSWER_BYTES + 1)
        found = json.loads(raw) if len(raw) <= MAX_ANSWER_BYTES else {}
    except (OSError, ValueError):
        return ""
    problem = found.get("error") if isinstance(found, dict) else None
    message = problem.get("message") if isinstance(problem, dict) else None
    text = " ".join(message.split())[:MAX_REASON_CHARS] if isinstance(message, str) else ""
    return f": {text}" if text else ""
