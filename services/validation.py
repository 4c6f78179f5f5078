"""Validation at the boundary of every public service function: short fields, ids, usernames, passwords.

Free message text (what customers and agents write) goes through ``services.text.clean_text`` instead; this module
is for the short, single-line values around it: subject, author, note, queue, username, display name, password,
disposition, and the integer ids of rows.

Every function raises ``InvalidInput`` with a message a user understands, and nothing else, whatever it is given
(None, bytes, a lone surrogate, ten megabytes). Use them first thing in a use case, before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from services.errors import InvalidInput, PermissionDenied
from services.models import ROLES, User

__all__ = [
    "MAX_ID",
    "check_password",
    "clean_choice",
    "clean_field",
    "clean_username",
    "forbidden_character",
    "require_id",
    "require_user",
    "sanitize_field",
    "short_repr",
]

MAX_ID = 2**63 - 1  # SQLite INTEGER
# Refused in every field: C0 controls other than tab/newline/CR, DEL, C1 controls, bidi embedding/override/isolate
# and mark characters (they reorder what the agent sees), Unicode TAG characters (invisible text, a carrier for
# prompt injection), lone surrogates (half an emoji; they cannot be stored as UTF-8) and non-characters.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufff9-\ufffb\ufffe\uffff"
    "\U000e0000-\U000e007f"
    "\ud800-\udfff]")
# Silently dropped: invisible characters that pasted text often carries and that change nothing a user sees.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u2060-\u2064\ufeff]")
_WHITESPACE = re.compile(r"\s+")
_USERNAME = re.compile(r"[\w.@+-]{1,64}")
_MAX_REPR = 40


def _describe(ch: str) -> str:
    code = f"U+{ord(ch):04X}"
    if 0xD800 <= ord(ch) <= 0xDFFF:
        return f"half of a character ({code}, a broken emoji or encoding)"
    if 0xE0000 <= ord(ch) <= 0xE007F:
        return f"an invisible tag character ({code})"
    if unicodedata.category(ch) == "Cc":
        return f"a control character ({code})"
    if ch in _BIDI:
        return f"a text-direction control ({code})"
    return f"a character that is not allowed ({code})"


def short_repr(value: Any) -> str:
    """repr(value) cut to a readable length, for error messages."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a hostile __repr__ must not escape as something else
        text = f"<{type(value).__name__}>"
    text = text.encode("ascii", "backslashreplace").decode("ascii")
    return text if len(text) <= _MAX_REPR else text[:_MAX_REPR - 1] + "…"


def forbidden_character(text: str) -> str | None:
    """A description of the first character ``clean_field`` refuses in text, or None when there is none."""
    if not isinstance(text, str):
        raise InvalidInput(f"expected text; got {type(text).__name__}")
    found = _FORBIDDEN.search(text)
    return _describe(found.group()) if found else None


def clean_field(value: Any, field_name: str, max_len: int = 200, allow_empty: bool = False,
                multiline: bool = False) -> str:
    """A short text field, validated and normalised: NFC, invisible characters dropped, whitespace collapsed
    (single-line) or kept as newlines (multiline), stripped.

    Args:
        value: what the caller gave; None counts as empty.
        field_name: how the user knows the field, e.g. "subject" (used in the error message).
        max_len: the longest accepted value, counted after normalisation.
        allow_empty: "" (and None) are accepted and returned as "".
        multiline: keep line breaks (internal notes); otherwise every run of whitespace becomes one space.

    Raises:
        InvalidInput: not text; a control, bidi-override, tag or half-surrogate character; empty when that is not
            allowed; longer than max_len.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(f"the {field_name} must be text; got {type(value).__name__}")
    if len(value) > max_len * 4 + 64:  # cheap guard before any work on a huge value
        raise InvalidInput(f"the {field_name} is too long ({len(value):,} characters; the limit is {max_len:,})")
    bad = forbidden_character(value)
    if bad:
        raise InvalidInput(f"the {field_name} contains {bad}; please remove it")
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", value.replace("\r\n", "\n")))
    if multiline:
        text = "\n".join(_WHITESPACE.sub(" ", line).strip() for line in text.split("\n")).strip()
    else:
        text = _WHITESPACE.sub(" ", text).strip()
    if not text and not allow_empty:
        raise InvalidInput(f"the {field_name} is empty")
    if len(text) > max_len:
        raise InvalidInput(f"the {field_name} is too long ({len(text):,} characters; the limit is {max_len:,})")
    return text


def sanitize_field(value: Any, field_name: str, max_len: int = 200) -> str:
    """A short field that arrives from outside with a customer's message (an email subject, a sender's name):
    forbidden characters are removed and the value is cut to max_len instead of refusing the message with it.

    Raises:
        InvalidInput: not text (None counts as "").
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(f"the {field_name} must be text; got {type(value).__name__}")
    text = _FORBIDDEN.sub("", value[: max_len * 4 + 64])
    return clean_field(text, field_name, max_len * 4 + 64, allow_empty=True)[:max_len].rstrip()


def require_id(value: Any, what: str) -> int:
    """A row id: a positive integer (or a string of digits, as the command line gives it).

    Raises:
        InvalidInput: anything else, e.g. None, a bool, a float, a negative number, a number SQLite cannot hold.
    """
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) < 20:
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
        raise InvalidInput(f"the {what} id must be a positive whole number; got {short_repr(value)}")
    return value


def clean_username(value: Any) -> str:
    """A username: 1–64 letters, digits and . _ - + @ (no spaces, no invisible or direction characters).

    Raises:
        InvalidInput: empty, too long, or with another character.
    """
    text = clean_field(value, "username", max_len=64)
    if not _USERNAME.fullmatch(text):
        raise InvalidInput("a username may contain only letters, digits and . _ - + @ (no spaces), "
                           "at most 64 characters")
    return text


def require_user(user: Any) -> User:
    """The signed-in user a page passes to a use case: a User with a well-formed username and a known role.

    Raises:
        PermissionDenied: None or anything that is not a User ("Please sign in first."), or a User whose username
            or role could not have come from a sign-in (a forged or corrupted session).
    """
    if not isinstance(user, User):
        raise PermissionDenied("Please sign in first.")
    username, role = user.username, user.role
    if not isinstance(username, str) or not _USERNAME.fullmatch(username) or _FORBIDDEN.search(username):
        raise PermissionDenied("Please sign in again: this session's user name is not valid.")
    if not isinstance(role, str) or role not in ROLES:
        raise PermissionDenied("Please sign in again: this session's role is not valid.")
    return user


def check_password(value: Any, min_len: int = 8, max_len: int = 1024) -> str:
    """A new password, unchanged (never normalised, so it verifies byte for byte later).

    Raises:
        InvalidInput: not text, too short or too long, only spaces, or with a control or half-surrogate character.
    """
    if not isinstance(value, str):
        raise InvalidInput("the password must be text")
    if len(value) > max_len:
        raise InvalidInput(f"a password may have at most {max_len:,} characters")
    bad = forbidden_character(value)
    if bad:
        raise InvalidInput(f"the password contains {bad}; please choose another")
    if len(value) < min_len:
        raise InvalidInput(f"a password needs at least {min_len} characters")
    if not value.strip():
        raise InvalidInput("a password cannot be only spaces")
    return value


def clean_choice(value: Any, field_name: str, choices: Iterable[str]) -> str:
    """One of a fixed set of strings (a role, a channel, a disposition).

    Raises:
        InvalidInput: anything not in choices, naming the valid ones.
    """
    options = tuple(choices)
    if isinstance(value, str) and value in options:
        return value
    raise InvalidInput(f"the {field_name} must be one of {', '.join(options)}; got {short_repr(value)}")
