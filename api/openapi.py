"""The OpenAPI document the service serves at /openapi.json, built from the same JSON schemas that validate the
requests (services/ingestion.py), and a plain HTML page of it at /docs (no script, nothing from another host)."""

from __future__ import annotations

import html
import json
from typing import Any

from services.ingestion import MAX_PAGE_SIZE, MESSAGE_SCHEMA, MESSAGES_SCHEMA, PAGE_SIZE, POSTED_SCHEMA

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
    auth = [{"apiKey": []}]
    return {
        "openapi": "3.1.0",
        "info": {"title": "Frontline ingestion API", "version": "1",
                 "description": "Customer messages from your channels into Frontline's agent queue. Every "
                                "request but /healthz needs `Authorization: Bearer <API key>` (create one with "
                                "`python -m services api-key create NAME`)."},
        "components": {
            "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Message": MESSAGE_SCHEMA, "Posted": POSTED_SCHEMA, "Messages": MESSAGES_SCHEMA,
                        "Error": ERROR_SCHEMA},
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
