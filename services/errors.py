"""Errors raised by Frontline services.

    ServiceError
    ├── ConfigError            bad or unknown configuration (names the valid choices)
    ├── ProviderUnavailable    a backend (AWS, a model) cannot answer right now
    ├── InvalidInput           the caller gave something we cannot accept
    │   ├── Conflict           it clashes with a row that exists (a unique key: a username, an order number)
    │   ├── InvalidField       one named field of a request is wrong (.field: "customer.email")
    │   └── ImportRejected     an imported file has bad rows (each in .problems); nothing was imported
    ├── NotFound               no such row
    ├── InvalidTransition      a workflow step that is not allowed from the current state
    ├── PermissionDenied       the signed-in role may not do this (also failed sign-in)
    │   └── NotAuthenticated   no valid credentials at all (an unknown or revoked API key)
    └── RateLimited            too many requests for now (.retry_after: seconds)

Pages catch ServiceError and show its message; anything else is a bug and propagates.
"""

from __future__ import annotations

__all__ = [
    "ServiceError",
    "ConfigError",
    "ProviderUnavailable",
    "InvalidInput",
    "Conflict",
    "ImportRejected",
    "NotFound",
    "InvalidTransition",
    "PermissionDenied",
    "InvalidField",
    "NotAuthenticated",
    "RateLimited",
]


class ServiceError(Exception):
    """Base of every error a page may show to a user."""


class ConfigError(ServiceError):
    """Configuration names something that does not exist or is malformed."""


class ProviderUnavailable(ServiceError):
    """A provider (AWS endpoint, model) could not serve the request."""


class InvalidInput(ServiceError):
    """Input that cannot be processed, with a message that says why."""


class Conflict(InvalidInput):
    """The row clashes with one that exists (a unique key). A kind of InvalidInput: the caller can fix it."""


class InvalidField(InvalidInput):
    """One field of a request is wrong: ``field`` names it (dotted, e.g. "customer.email")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


class ImportRejected(InvalidInput):
    """An import refused as a whole: ``problems`` lists each bad row (services.views.ImportProblem: file, row,
    field, reason), and nothing of the import was stored."""

    def __init__(self, message: str, problems: tuple = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


class NotFound(ServiceError):
    """The requested row does not exist."""


class InvalidTransition(ServiceError):
    """A state change that the workflow does not allow."""


class PermissionDenied(ServiceError):
    """The user may not see or do this."""


class NotAuthenticated(PermissionDenied):
    """The caller brought no valid credentials (an unknown, malformed or revoked API key)."""


class RateLimited(ServiceError):
    """Too many requests in the current period; ``retry_after`` says how many seconds until the next one is let in."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
