"""`python -m api [--host 127.0.0.1] [--port 8502]`: the ingestion API under uvicorn (docs/api.md)."""

from __future__ import annotations

import argparse
import json
import sys

import uvicorn

from api.app import create_app
from api.server import server_config
from services.bootstrap import build_services
from services.config import load_settings
from services.errors import ServiceError

DEFAULT_PORT = 8502


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api", description="Frontline's ingestion API (docs/api.md).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--config", help="config file (default: config/frontline.yaml or $FRONTLINE_CONFIG)")
    args = parser.parse_args(argv)
    try:
        services = build_services(load_settings(config_file=args.config))
        services.store.schema_version()  # migrate and check the database before taking requests
    except ServiceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps({"api": f"http://{args.host}:{args.port}", "docs": f"http://{args.host}:{args.port}/docs"}),
          flush=True)
    uvicorn.Server(server_config(create_app(services), args.host, args.port)).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
