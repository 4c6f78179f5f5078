"""The HTTP side of the ingestion API: Starlette routes that read the request (size, time and type limits), call one
use case in a worker thread, and answer JSON. ``STATUSES`` is the one place where a ServiceError becomes an HTTP
status; anything else is a bug, logged, and answered 500 without detail."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from api import calls as call_routes
from api import social_routes, widget_routes
from api.openapi import docs_page, document
from services import api_keys, ingestion
from services.bootstrap import Services
from services.errors import (
    ConfigError,
    Conflict,
    InvalidField,
    InvalidInput,
    InvalidTransition,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    ProviderUnavailable,
    RateLimited,
    ServiceError,
)

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
BODY_TIMEOUT_S = 10.0  # a client that sends its body slower than this is cut off (408)

# The one mapping from ServiceError to HTTP status: the first class that matches wins (subclasses first).
STATUSES: tuple[tuple[type[ServiceError], int, str], ...] = (
    (NotAuthenticated, 401, "unauthenticated"),
    (PermissionDenied, 403, "forbidden"),
    (RateLimited, 429, "rate_limited"),
    (Conflict, 409, "conflict"),
    (InvalidField, 422, "invalid_field"),
    (InvalidInput, 422, "invalid_input"),
    (NotFound, 404, "not_found"),
    (InvalidTransition, 409, "conflict"),
    (ProviderUnavailable, 503, "unavailable"),
    (ConfigError, 503, "unavailable"),
    (ServiceError, 400, "bad_request"),
)
_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}


class BodyRejected(InvalidInput):
    """The request's body cannot be read as a JSON document (status: 400, 408, 413 or 415)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def problem(status: int, code: str, message: str, field: str = "", headers: Mapping[str, str] | None = None) -> Response:
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if field:
        error["field"] = field
    return JSONResponse({"error": error}, status, headers={**_HEADERS, **(headers or {})})


def status_of(error: ServiceError) -> tuple[int, str]:
    """(HTTP status, code) of a ServiceError: the first class of STATUSES it is."""
    return next((s, c) for kind, s, c in STATUSES if isinstance(error, kind))


def error_response(error: ServiceError) -> Response:
    """A ServiceError as the JSON answer its class maps to (STATUSES)."""
    if isinstance(error, BodyRejected):
        return problem(error.status, "bad_body", str(error), "body")
    status, code = status_of(error)
    headers = {}
    if isinstance(error, NotAuthenticated):
        headers["WWW-Authenticate"] = "Bearer"
    if isinstance(error, RateLimited):
        headers["Retry-After"] = str(error.retry_after)
    return problem(status, code, str(error), getattr(error, "field", ""), headers)


async def read_json(request: Request, timeout_s: float = BODY_TIMEOUT_S) -> Any:
    """The body as JSON: application/json, at most MAX_BODY_BYTES, sent within timeout_s, UTF-8, no NaN."""
    return parse_json(await read_body(request, timeout_s))


async def read_body(request: Request, timeout_s: float = BODY_TIMEOUT_S, max_bytes: int = MAX_BODY_BYTES) -> bytes:
    """The raw body of an application/json request: at most max_bytes, sent within timeout_s."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise BodyRejected(415, "send the body as Content-Type: application/json")
    length = request.headers.get("content-length", "")
    if length and (not length.isdigit() or int(length) > max_bytes):
        raise BodyRejected(413, f"the body is larger than {max_bytes:,} bytes")
    chunks, size = [], 0
    try:
        with anyio.fail_after(timeout_s):
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_bytes:
                    raise BodyRejected(413, f"the body is larger than {max_bytes:,} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise BodyRejected(408, f"the body did not arrive within {timeout_s:g} seconds") from None
    return b"".join(chunks)


def parse_json(raw: bytes) -> Any:
    """A body read as JSON: UTF-8, no NaN or Infinity (BodyRejected 400 otherwise)."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError):  # bad UTF-8 or JSON, NaN, a number too long to read, nesting too deep
        raise BodyRejected(400, "the body is not a valid JSON document") from None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def create_app(services: Services, body_timeout_s: float = BODY_TIMEOUT_S) -> Starlette:
    """The ASGI app over these services."""
    doc = document(MAX_BODY_BYTES)
    page = docs_page(doc)

    async def post_message(request: Request) -> Response:
        key = await run_in_threadpool(api_keys.admit, services, _bearer(request))
        body = await read_json(request, body_timeout_s)
        posted = await run_in_threadpool(ingestion.post_message, services, key, body,
                                         request.headers.get("idempotency-key"))
        headers = {**_HEADERS, "Idempotent-Replayed": "true" if posted.replayed else "false"}
        return JSONResponse(posted.body, posted.status, headers=headers)

    async def get_messages(request: Request) -> Response:
        key = await run_in_threadpool(api_keys.admit, services, _bearer(request))
        query = request.query_params
        found = await run_in_threadpool(ingestion.messages_since, services, key, query.get("thread_id"),
                                        query.get("since", "0"), query.get("limit", str(ingestion.PAGE_SIZE)))
        return JSONResponse(found, headers=_HEADERS)

    async def health(request: Request) -> Response:  # noqa: ARG001 - Starlette passes the request
        version = await run_in_threadpool(_database_version, services)
        return JSONResponse({"status": "ok", "schema_version": version}, headers=_HEADERS)

    async def openapi(request: Request) -> Response:  # noqa: ARG001
        return JSONResponse(doc, headers=_HEADERS)

    async def docs(request: Request) -> Response:  # noqa: ARG001
        return HTMLResponse(page, headers={**_HEADERS, "Content-Security-Policy":
                                           "default-src 'none'; style-src 'unsafe-inline'"})

    async def on_service_error(request: Request, error: Exception) -> Response:  # noqa: ARG001
        assert isinstance(error, ServiceError)
        return error_response(error)

    async def on_http_error(request: Request, error: Exception) -> Response:  # noqa: ARG001 - 404, 405
        assert isinstance(error, HTTPException)
        return problem(error.status_code, "not_found" if error.status_code == 404 else "bad_request",
                       str(error.detail), headers=error.headers)

    async def on_bug(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
        return problem(500, "internal", "an internal error occurred; it has been logged")

    routes = [Route("/v1/messages", post_message, methods=["POST"]),
              Route("/v1/messages", get_messages, methods=["GET"]),
              Route("/healthz", health, methods=["GET"]),
              Route("/openapi.json", openapi, methods=["GET"]),
              Route("/docs", docs, methods=["GET"]),
              *widget_routes.routes(services, lambda request: read_json(request, body_timeout_s), _HEADERS),
              *social_routes.routes(services, body_timeout_s, _HEADERS),
              *call_routes.routes(services, status_of)]
    app = Starlette(routes=routes, exception_handlers={ServiceError: on_service_error, HTTPException: on_http_error,
                                                       Exception: on_bug})
    app.add_middleware(widget_routes.WidgetCors)
    return app


def _database_version(services: Services) -> int:
    with services.uow() as uow:
        uow.shared.change_marker()  # one row: the database answers
    return services.store.schema_version()
