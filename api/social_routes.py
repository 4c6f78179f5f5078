"""The social webhook over HTTP (docs/api.md, "Social webhook"): Meta's Webhooks format for a Page (Messenger and
comments) or an Instagram account, one URL per integration. The signature is checked on the raw body before it is
read as JSON; errors go through the same STATUSES table as the rest of the API (never a 500 for bad input)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from services import social
from services.bootstrap import Services

WEBHOOK_MAX_BYTES = 256 * 1024  # a platform batches events: more room than one API message, still bounded
PATH = "/social/v1/meta/{integration}"


def routes(services: Services, body_timeout_s: float, headers: dict[str, str]) -> list[Route]:
    from api.app import parse_json, read_body  # the app module imports this one

    async def verify(request: Request) -> Response:
        query = request.query_params
        challenge = await run_in_threadpool(social.verify_subscription, services, request.path_params["integration"],
                                            query.get("hub.mode"), query.get("hub.verify_token"),
                                            query.get("hub.challenge"))
        return PlainTextResponse(challenge, headers=headers)

    async def receive(request: Request) -> Response:
        name = request.path_params["integration"]
        raw = await read_body(request, body_timeout_s, WEBHOOK_MAX_BYTES)
        key = await run_in_threadpool(social.admit, services, name, raw, request.headers.get("x-hub-signature-256"))
        document = parse_json(raw)
        received = await run_in_threadpool(social.receive, services, key, document)
        return JSONResponse(received.as_dict(), headers=headers)

    return [Route(PATH, verify, methods=["GET"]), Route(PATH, receive, methods=["POST"])]
