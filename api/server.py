"""How uvicorn serves the API (``python -m api`` and the tests' loopback servers): the limits that keep one client
from holding the server (docs/api.md, "Limits")."""

from __future__ import annotations

import uvicorn
from starlette.types import ASGIApp

MAX_CONNECTIONS = 200  # beyond this many at once uvicorn answers 503 straight away instead of queueing
KEEP_ALIVE_S = 5  # an idle kept-alive connection is closed after this
MAX_HEADER_BYTES = 16 * 1024  # request headers larger than this are refused (h11's incomplete-event limit)
SHUTDOWN_S = 3  # on stop, open requests (the widget's event streams) get this long to end
MAX_WS_MESSAGE_BYTES = 128 * 1024  # a larger WebSocket message (the telephony endpoint's audio) closes it (1009)


def server_config(app: ASGIApp, host: str, port: int) -> uvicorn.Config:
    """No access log (requests carry customers' thread ids), no server header, HTTP/1.1 by h11, WebSockets (the
    telephony endpoint, api/calls.py) by the websockets library with bounded messages, no lifespan."""
    return uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, server_header=False,
                          limit_concurrency=MAX_CONNECTIONS, timeout_keep_alive=KEEP_ALIVE_S,
                          h11_max_incomplete_event_size=MAX_HEADER_BYTES, http="h11", ws="websockets-sansio",
                          ws_max_size=MAX_WS_MESSAGE_BYTES, lifespan="off", timeout_graceful_shutdown=SHUTDOWN_S)
