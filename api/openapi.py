"""The OpenAPI document the service serves at /openapi.json, built from the same JSON schemas that validate the
requests (services/ingestion.py), and a plain HTML page of it at /docs (no script, nothing from another host)."""

from __future__ import annotations

import copy
import html
import json
from typing import Any

from services.api_keys import MAX_NAME_CHARS as MAX_SITE_CHARS
from services.ingestion import MAX_PAGE_SIZE, MAX_TEXT_CHARS, MESSAGE_SCHEMA, MESSAGES_SCHEMA, PAGE_SIZE, POSTED_SCHEMA
from services.widget import MAX_NAME_CHARS, RATINGS

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["error"],
    "properties": {"error": {"type": "object", "required": ["status", "code", "message"], "properties": {
        "status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"},
        "field": {"type": "string", "description": "the request field at fault, dotted (customer.email)"}}}},
}
_ERR = {"$ref": "#/components/schemas/Error"}


def _errors(*codes: int) -> dict[str, Any]:
    why = {400: "the body is not JSON", 401: "no valid API key (the social webhook: no valid signature)",
           403: "the verify token is not the integration's", 404: "no such thread for this key (the social webhook: no such integration configured)",
           409: "the same Idempotency-Key is still being handled, or the thread belongs to another customer or "
                "channel", 413: "the body is too large", 415: "the body is not application/json",
           422: "a field is wrong (`error.field` names it)", 429: "over the key's rate limit (see Retry-After)",
           503: "the database is unavailable"}
    return {str(c): {"description": why[c], "content": {"application/json": {"schema": _ERR}}} for c in codes}


def document(max_body_bytes: int) -> dict[str, Any]:
    auth: list[dict[str, list[str]]] = [{"apiKey": []}]
    return {
        "openapi": "3.1.0",
        "info": {"title": "Frontline ingestion API", "version": "1",
                 "description": "Customer messages from your channels into Frontline's agent queue. The "
                                "integrations' requests need `Authorization: Bearer <API key>` (create one with "
                                "`python -m services api-key create NAME`); the web chat widget's, a visitor token; "
                                "the social webhook, the platform's signature. A telephony integration streams a "
                                "call's audio over the websocket `/v1/calls/stream` (docs/api.md; OpenAPI does not "
                                "describe websockets)."},
        "components": {
            "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer"},
                                "visitorToken": {"type": "http", "scheme": "bearer",
                                                 "description": "a web chat visitor's token (POST /widget/v1/visitors)"}},
            "schemas": {"Message": MESSAGE_SCHEMA, "Posted": POSTED_SCHEMA, "Messages": MESSAGES_SCHEMA,
                        "VisitorMessages": visitor_messages_schema(), "Error": ERROR_SCHEMA},
        },
        "paths": {
            "/v1/messages": {
                "post": {
                    "summary": "Post a customer message", "operationId": "postMessage", "security": auth,
                    "description": f"Opens a conversation for a new `thread_id`, else adds to it. The body is at "
                                   f"most {max_body_bytes:,} bytes. A retry with the same `Idempotency-Key` and body "
                                   "gets the first response back (header `Idempotent-Replayed: true`) and stores "
                                   "nothing.",
                    "parameters": [{"name": "Idempotency-Key", "in": "header", "required": True,
                                    "schema": {"type": "string", "minLength": 1, "maxLength": 200,
                                               "pattern": "^[\\x21-\\x7e]+$"},
                                    "description": "new for each message, the same on every retry of it"}],
                    "requestBody": {"required": True, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Message"}}}},
                    "responses": {"201": {"description": "stored (or a retry's replay)", "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Posted"}}}},
                        **_errors(400, 401, 409, 413, 415, 422, 429, 503)},
                },
                "get": {
                    "summary": "A thread's messages since a cursor", "operationId": "getMessages", "security": auth,
                    "description": "The customer's messages and the replies they see (never internal notes), oldest "
                                   "first.",
                    "parameters": [
                        {"name": "thread_id", "in": "query", "required": True,
                         "schema": {"type": "string", "minLength": 1, "maxLength": 200}},
                        {"name": "since", "in": "query", "required": False,
                         "schema": {"type": "integer", "minimum": 0, "default": 0},
                         "description": "the `next_cursor` of the previous answer"},
                        {"name": "limit", "in": "query", "required": False,
                         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": PAGE_SIZE}},
                    ],
                    "responses": {"200": {"description": "the messages", "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Messages"}}}},
                        **_errors(401, 404, 422, 429, 503)},
                },
            },
            "/social/v1/meta/{integration}": _social_webhook(),
            **_widget(),
            "/healthz": {"get": {"summary": "Is the service up and its database reachable", "operationId": "health",
                                 "responses": {"200": {"description": "up", "content": {"application/json": {
                                     "schema": {"type": "object"}}}}, **_errors(503)}}},
        },
    }


def _social_webhook() -> dict[str, Any]:
    """The social webhook (services/social.py): Meta's Webhooks format, signed by the platform (no API key)."""
    integration = {"name": "integration", "in": "path", "required": True, "schema": {"type": "string"},
                   "description": "the API key name the app secret is configured for (docs/api.md)"}
    received = {"type": "object", "required": ["events", "stored", "replayed", "ignored", "stale"],
                "properties": {k: {"type": "integer"} for k in ("events", "stored", "replayed", "ignored", "stale")}}
    return {
        "get": {"summary": "The platform's subscription handshake", "operationId": "verifySocialWebhook",
                "parameters": [integration, *({"name": f"hub.{n}", "in": "query", "required": True,
                                                "schema": {"type": "string"}} for n in
                                               ("mode", "verify_token", "challenge"))],
                "responses": {"200": {"description": "the challenge, as text/plain", "content": {
                    "text/plain": {"schema": {"type": "string"}}}}, **_errors(403, 404, 422)}},
        "post": {"summary": "A webhook call in Meta's format (Page / Messenger, Instagram)",
                 "operationId": "receiveSocialWebhook",
                 "description": "Signed with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. "
                                "Private messages join the sender's private thread, comments a public one; an "
                                "event already taken is `replayed`, one too old `stale`; nothing of a refused call "
                                "is stored.",
                 "parameters": [integration, {"name": "X-Hub-Signature-256", "in": "header", "required": True,
                                              "schema": {"type": "string", "pattern": "^sha256=[0-9a-fA-F]{64}$"}}],
                 "requestBody": {"required": True, "content": {"application/json": {"schema": {
                     "type": "object", "required": ["object", "entry"],
                     "properties": {"object": {"type": "string", "enum": ["page", "instagram"]},
                                    "entry": {"type": "array", "maxItems": 200}}}}}},
                 "responses": {"200": {"description": "what the call did", "content": {
                     "application/json": {"schema": received}}}, **_errors(400, 401, 404, 413, 415, 422, 429, 503)}},
    }


def visitor_messages_schema() -> dict[str, Any]:
    """A web chat visitor's page of messages: /v1/messages's shape, with no conversation before their first message
    and each assistant answer's ``rateable`` and ``rating``."""
    schema = copy.deepcopy(MESSAGES_SCHEMA)
    schema["properties"]["conversation_id"] = {"type": ["integer", "null"]}
    schema["properties"]["messages"]["items"]["properties"].update(
        rateable={"type": "boolean"}, rating={"type": ["string", "null"], "enum": [*sorted(RATINGS), None]})
    return schema


def _widget() -> dict[str, Any]:
    """The web chat widget's endpoints (api/widget_routes.py, services/widget.py): a visitor token each (no API key),
    CORS open, because the widget runs on the shop's own pages."""
    visitor: list[dict[str, list[str]]] = [{"visitorToken": []}]
    name = {"type": "string", "maxLength": MAX_NAME_CHARS}
    json_body = lambda schema: {"required": True, "content": {"application/json": {"schema": schema}}}  # noqa: E731
    answer = lambda what, schema: {"description": what, "content": {"application/json": {"schema": schema}}}  # noqa: E731
    since = {"name": "since", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 0, "default": 0},
             "description": "the `next_cursor` of the previous answer (the stream: the last event id)"}
    return {
        "/widget/v1/visitors": {"post": {
            "summary": "Start a web chat visitor", "operationId": "startVisitor",
            "description": "A token for one visitor of the site (its key name, `site`). A shop whose customer is signed "
                           "in passes `customer` and `signature` = hex HMAC-SHA256 of the lower-cased e-mail under the "
                           "site's identity secret (computed on the shop's server): the chat is then theirs.",
            "requestBody": json_body({"type": "object", "required": ["site"], "properties": {
                "site": {"type": "string", "minLength": 1, "maxLength": MAX_SITE_CHARS},
                "customer": {"type": "object", "properties": {"email": {"type": "string", "maxLength": 254},
                                                               "name": name}},
                "signature": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}}),
            "responses": {"201": answer("the visitor's token and chat thread", {
                "type": "object", "required": ["token", "thread_id"],
                "properties": {"token": {"type": "string"}, "thread_id": {"type": "string"}}}),
                **_errors(400, 401, 413, 415, 422, 429, 503)}}},
        "/widget/v1/messages": {
            "post": {"summary": "The visitor writes", "operationId": "postVisitorMessage", "security": visitor,
                     "description": "Into the visitor's chat (a new conversation on the first message); the virtual "
                                    "assistant answers or hands over. Once per `Idempotency-Key`, as /v1/messages.",
                     "parameters": [{"name": "Idempotency-Key", "in": "header", "required": True,
                                     "schema": {"type": "string", "minLength": 1, "maxLength": 200}}],
                     "requestBody": json_body({"type": "object", "required": ["text"], "properties": {
                         "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS}, "name": name}}),
                     "responses": {"201": answer("stored (or a retry's replay)",
                                                 {"$ref": "#/components/schemas/Posted"}),
                                   **_errors(400, 401, 409, 413, 415, 422, 429, 503)}},
            "get": {"summary": "The visitor's chat since a cursor", "operationId": "getVisitorMessages",
                    "security": visitor, "parameters": [since],
                    "responses": {"200": answer("the messages the visitor sees, each assistant answer with its "
                                                "rating", {"$ref": "#/components/schemas/VisitorMessages"}),
                                  **_errors(401, 422, 429, 503)}}},
        "/widget/v1/ratings": {"post": {
            "summary": "The visitor rates an assistant answer", "operationId": "rateAnswer", "security": visitor,
            "requestBody": json_body({"type": "object", "required": ["message_id", "rating"], "properties": {
                "message_id": {"type": "integer", "minimum": 1}, "rating": {"type": "string", "enum": sorted(RATINGS)}}}),
            "responses": {"200": answer("the rating kept (a later one replaces it)", {"type": "object"}),
                          **_errors(400, 401, 404, 413, 415, 422, 429, 503)}}},
        "/widget/v1/stream": {"get": {
            "summary": "The visitor's chat as server-sent events", "operationId": "streamVisitorMessages",
            "description": "`text/event-stream`: one event per message the visitor sees, its id the cursor (an "
                           "EventSource resumes from `Last-Event-ID`); a comment line every 15 s keeps it open; it "
                           "ends after 5 minutes and the browser reconnects.",
            "parameters": [{"name": "token", "in": "query", "required": True, "schema": {"type": "string"},
                            "description": "the visitor's token (EventSource cannot send a header)"}, since],
            "responses": {"200": {"description": "the event stream", "content": {"text/event-stream": {
                "schema": {"type": "string"}}}}, **_errors(401, 422, 429, 503)}}},
        "/widget.js": {"get": {"summary": "The widget's script (one script tag on the shop's pages)",
                               "operationId": "widgetScript", "responses": {"200": {
                                   "description": "JavaScript", "content": {"application/javascript": {
                                       "schema": {"type": "string"}}}}}}},
    }


def docs_page(doc: dict[str, Any]) -> str:
    """The document as a plain page: each operation with its parameters, body and responses."""
    parts = [f"<h1>{html.escape(doc['info']['title'])}</h1><p>{html.escape(doc['info']['description'])}</p>",
             '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>']
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            parts.append(f"<h2><code>{method.upper()} {html.escape(path)}</code> — {html.escape(op['summary'])}</h2>")
            if op.get("description"):
                parts.append(f"<p>{html.escape(op['description'])}</p>")
            for p in op.get("parameters", []):
                parts.append(f"<p><code>{html.escape(p['name'])}</code> ({p['in']}"
                             f"{', required' if p.get('required') else ''}): {html.escape(p.get('description', ''))}"
                             f" <code>{html.escape(json.dumps(p['schema']))}</code></p>")
            codes = ", ".join(op["responses"])
            parts.append(f"<p>Responses: {codes}</p>")
    for name, schema in doc["components"]["schemas"].items():
        parts.append(f"<h2>Schema <code>{name}</code></h2><pre>{html.escape(json.dumps(schema, indent=2))}</pre>")
    style = "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;" \
            "padding:1rem;overflow:auto}"
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(doc['info']['title'])}"
            f"</title><style>{style}</style></head><body>{''.join(parts)}</body></html>")
