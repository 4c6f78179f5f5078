"""The web chat widget over HTTP (docs/api.md, "Web chat widget"): the script and the demo shop page, the visitors'
endpoints (a token per visitor, CORS open: the widget runs on the shop's own pages), and a server-sent event stream
of the visitor's chat. Errors go through the same STATUSES table as the rest of the API."""

from __future__ import annotations

import asyncio
import html
import json
import logging
import time
from collections.abc import AsyncIterator, MutableMapping
from pathlib import Path
from typing import Any

import anyio
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from services import conversations, ingestion, widget
from services.bootstrap import Services
from services.errors import ServiceError

log = logging.getLogger(__name__)

DEMO_SITE = "demo-shop"  # the site key `make run` creates for the demo page
STATIC = Path(__file__).resolve().parent / "static"
STREAM_S = 300.0  # a stream ends after this; the browser's EventSource reconnects from its last event id
POLL_S = 0.4  # how often the process looks at the change marker while a stream is open (one row; none on PostgreSQL)
KEEP_ALIVE_S = 15.0  # a comment line this often, so proxies keep an idle stream open
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key",
        "Access-Control-Expose-Headers": "Idempotent-Replayed, Retry-After", "Access-Control-Max-Age": "600"}


class WidgetCors:
    """CORS for /widget/ paths only (the integrations' endpoints stay same-origin): preflights answered here, the
    headers added to every answer, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/widget/"):
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":
            await Response(status_code=204, headers=CORS)(scope, receive, send)
            return

        async def with_cors(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []),
                                      *[(k.lower().encode(), v.encode()) for k, v in CORS.items()]]
            await send(message)

        await self.app(scope, receive, with_cors)


def _bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _demo_as_customer(services: Services, page: str, email: str | None) -> str:
    """The demo shop, signed in as one of our customers when the demo setting allows it (widget.demo_identity):
    the script tag then carries the customer and the signature a real shop's server would compute."""
    identity = widget.demo_identity(services, DEMO_SITE, email)
    if identity is None:
        return page
    email, name, signature = identity
    attributes = (f' data-customer-email="{html.escape(email)}" data-customer-name="{html.escape(name)}"'
                  f' data-customer-signature="{signature}"')
    signed_in = f"<p class=\"signed-in\">Signed in as {html.escape(name)}</p>"
    return page.replace(f'data-site="{DEMO_SITE}"', f'data-site="{DEMO_SITE}"{attributes}', 1).replace(
        "<main>", f"<main>{signed_in}", 1)


def routes(services: Services, read_json, headers: dict[str, str]) -> list[Route]:  # noqa: ANN001 - app.read_json
    script = (STATIC / "widget.js").read_text(encoding="utf-8")
    watch = MarkerWatch(services)
    demo = (STATIC / "demo.html").read_text(encoding="utf-8")

    async def widget_js(request: Request) -> Response:  # noqa: ARG001
        return Response(script, media_type="application/javascript; charset=utf-8",
                        headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"})

    async def demo_page(request: Request) -> Response:
        page = await run_in_threadpool(_demo_as_customer, services, demo, request.query_params.get("customer"))
        return Response(page, media_type="text/html; charset=utf-8", headers={
            "X-Content-Type-Options": "nosniff", "Content-Security-Policy":
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'"})

    async def start(request: Request) -> Response:
        body = await read_json(request)
        body = body if isinstance(body, dict) else {}
        client = request.client.host if request.client else ""
        visitor, token = await run_in_threadpool(widget.start_visitor, services, body.get("site"), client,
                                                 body.get("customer"), body.get("signature"))
        return JSONResponse({"token": token, "thread_id": visitor.thread_id}, 201, headers=headers)

    async def post(request: Request) -> Response:
        visitor = await run_in_threadpool(widget.visitor, services, _bearer(request))
        body = await read_json(request)
        body = body if isinstance(body, dict) else {}
        posted = await run_in_threadpool(widget.post, services, visitor, body.get("text"),
                                         request.headers.get("idempotency-key"), body.get("name"))
        return JSONResponse(posted.body, posted.status,
                            headers={**headers, "Idempotent-Replayed": "true" if posted.replayed else "false"})

    async def rate(request: Request) -> Response:
        visitor = await run_in_threadpool(widget.visitor, services, _bearer(request))
        body = await read_json(request)
        body = body if isinstance(body, dict) else {}
        rated = await run_in_threadpool(widget.rate, services, visitor, body.get("message_id"), body.get("rating"))
        return JSONResponse(rated, headers=headers)

    async def read(request: Request) -> Response:
        visitor = await run_in_threadpool(widget.visitor, services, _bearer(request))
        page = await run_in_threadpool(widget.messages, services, visitor, request.query_params.get("since", "0"))
        return JSONResponse(page, headers=headers)

    async def stream(request: Request) -> Response:
        visitor = await run_in_threadpool(widget.visitor, services, request.query_params.get("token"))
        raw = request.headers.get("last-event-id") or request.query_params.get("since", "0")
        since = ingestion.cursor(raw)  # a bad cursor: 422 before the stream starts
        return StreamingResponse(_events(services, watch, visitor, since), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    return [Route("/widget.js", widget_js, methods=["GET"]), Route("/demo", demo_page, methods=["GET"]),
            Route("/widget/v1/visitors", start, methods=["POST"]), Route("/widget/v1/messages", post, methods=["POST"]),
            Route("/widget/v1/messages", read, methods=["GET"]), Route("/widget/v1/ratings", rate, methods=["POST"]),
            Route("/widget/v1/stream", stream, methods=["GET"])]


class MarkerWatch:
    """One reader of the database's change marker per process, however many widget streams are open: every POLL_S
    while at least one stream is open (none otherwise), and each stream waits for the next change instead of
    polling itself. ``generation`` moves on every change; a stream compares the one it read its page at."""

    def __init__(self, services: Services, poll_s: float = POLL_S) -> None:
        self.services, self.poll_s = services, poll_s
        self.generation, self.streams = 0, 0
        self._event = asyncio.Event()
        self._task: asyncio.Task | None = None

    def open(self) -> int:
        """A stream begins: the watch runs while any is open. Returns the generation to read the first page at."""
        self.streams += 1
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())
        return self.generation

    def close(self) -> None:
        self.streams -= 1

    async def changed_since(self, generation: int, timeout: float) -> bool:
        """True as soon as anything changed after ``generation`` (at once if it already has), False after timeout."""
        event = self._event
        if self.generation == generation:
            with anyio.move_on_after(timeout):
                await event.wait()
        return self.generation != generation

    def _moved(self) -> None:
        self.generation += 1
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def _run(self) -> None:
        marker: tuple[Any, ...] | None = None
        current: tuple[Any, ...] | None
        first = True
        while self.streams > 0:
            try:
                current = await run_in_threadpool(conversations.queue_marker, self.services)
            except ServiceError:  # the database is away: try again next tick
                current = marker
            except Exception:  # noqa: BLE001 - a bug must not stop every stream's updates
                log.exception("the widget's change watch failed; trying again")
                current = marker
            if first or current != marker:  # the first read wakes everyone once: a change may predate it
                marker, first = current, False
                self._moved()
            await anyio.sleep(self.poll_s)


async def _events(services: Services, watch: MarkerWatch, visitor: widget.Visitor,
                  since: int) -> AsyncIterator[str]:
    """The chat's messages after ``since``, then every new one as it is stored, until STREAM_S."""
    generation = watch.open()  # before the first read: a change after it wakes this stream
    try:
        yield "retry: 1000\n\n"
        try:
            page = await run_in_threadpool(widget.messages, services, visitor, since)
        except ServiceError:
            return
        ends = time.monotonic() + STREAM_S
        while True:
            for message in page["messages"]:
                yield f"id: {message['id']}\nevent: message\ndata: {json.dumps(message)}\n\n"
            cursor = page["next_cursor"]
            if time.monotonic() > ends:
                return
            if not await watch.changed_since(generation, min(KEEP_ALIVE_S, max(0.0, ends - time.monotonic()))):
                yield ": keep-alive\n\n"
                page = {"messages": [], "next_cursor": cursor}
                continue
            generation = watch.generation  # read at (or after) this generation: nothing it holds is missed
            try:
                page = await run_in_threadpool(widget.messages, services, visitor, cursor)
            except ServiceError:  # the database is away: end the stream; the browser reconnects from its last id
                return
    finally:
        watch.close()
