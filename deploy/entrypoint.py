"""Container entry point: assemble FRONTLINE_DATABASE_URL from the DB_* variables, then exec Streamlit (or the
command given as arguments).

ECS injects the Aurora secret's fields (host, port, username, password) as DB_HOST, DB_PORT, DB_USER and DB_PASSWORD,
plus DB_NAME from the task definition. The URL is built here, inside the container, so the password never appears in
the task definition, the CloudFormation template or the logs. A FRONTLINE_DATABASE_URL already set wins (e.g. an RDS
proxy or a local test). With neither set the app keeps its SQLite default. Standard library only.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from urllib.parse import quote

PORT = "8501"
REQUIRED = ("DB_HOST", "DB_USER", "DB_PASSWORD")


class EntrypointError(RuntimeError):
    """The DB_* variables cannot make a database URL."""


def database_url(environ: Mapping[str, str]) -> str | None:
    """postgresql://user:password@host:port/name with user and password percent-encoded; None when no DB_* is set."""
    if environ.get("FRONTLINE_DATABASE_URL"):
        return environ["FRONTLINE_DATABASE_URL"]
    present = [key for key in REQUIRED if environ.get(key)]
    if not present:
        return None
    missing = [key for key in REQUIRED if not environ.get(key)]
    if missing:
        raise EntrypointError(f"database settings incomplete: {', '.join(missing)} missing "
                              f"(set all of {', '.join(REQUIRED)} or FRONTLINE_DATABASE_URL)")
    port = environ.get("DB_PORT") or "5432"
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise EntrypointError(f"DB_PORT must be a TCP port number, got {port!r}")
    host = environ["DB_HOST"]
    if any(ch in host for ch in "/@?# "):
        raise EntrypointError(f"DB_HOST must be a host name, got {host!r}")
    name = environ.get("DB_NAME") or "frontline"
    user = quote(environ["DB_USER"], safe="")
    password = quote(environ["DB_PASSWORD"], safe="")
    url = f"postgresql://{user}:{password}@{host}:{port}/{quote(name, safe='')}"
    sslmode = environ.get("DB_SSLMODE", "require")  # Aurora accepts TLS; never send the password in the clear
    return f"{url}?sslmode={sslmode}" if sslmode else url


def streamlit_command(port: str = PORT, public_host: str = "", public_port: str = "") -> list[str]:
    """Streamlit on all interfaces. browser.serverAddress is the address users reach (the ALB's name, set by the
    stack as PUBLIC_HOST): Streamlit prints it instead of asking an outside service for the task's external IP."""
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port",
               port, "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--browser.serverAddress", public_host or "localhost"]
    if public_port:
        command += ["--browser.serverPort", public_port]
    return command


def main() -> None:
    environ = dict(os.environ)
    try:
        url = database_url(environ)
    except EntrypointError as exc:
        print(f"frontline entrypoint: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    if url:
        environ["FRONTLINE_DATABASE_URL"] = url
    for key in ("DB_PASSWORD",):  # the assembled URL carries it; the app needs no second copy
        environ.pop(key, None)
    # Arguments run a one-off command with the same database (`aws ecs run-task` with a command override, e.g.
    # `python -m services users`); none start the app.
    command = sys.argv[1:] or streamlit_command(environ.get("PORT", PORT), environ.get("PUBLIC_HOST", ""),
                                                environ.get("PUBLIC_PORT", ""))
    os.execvpe(command[0], command, environ)


if __name__ == "__main__":
    main()
