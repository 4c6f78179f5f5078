"""Helpers shared by the sub-commands (this module registers no command itself)."""

from __future__ import annotations

import argparse

from services.bootstrap import Services, build_services
from services.config import load_settings


def services_from(args: argparse.Namespace, batch: bool = False) -> Services:
    """Services for a command; ``batch`` for evaluations and backfills (AWS keeps botocore's standard retries)."""
    return build_services(load_settings(config_file=getattr(args, "config", None)), batch=batch)


def register(sub: argparse._SubParsersAction) -> None:  # noqa: ARG001 - not a command
    return None
