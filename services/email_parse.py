"""Reading a customer's mail safely (docs/email.md): MIME parsed by the standard library, HTML reduced to text by
``html.parser`` (nothing executed, fetched or rendered: scripts, styles and embedded objects are dropped with their
content), attachments listed by name, type and size (never opened), quoted history and signatures stripped for the
analysis while the full text is kept.

Garbage MIME, unknown or wrong charsets and broken headers never raise here: what cannot be decoded is replaced
(U+FFFD) and the mail is still read. Only ``parse`` raises, InvalidInput, when the mail is empty or not a mail at all.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.message import Message as MimeMessage
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

from services.email_models import Attachment
from services.errors import InvalidInput

MAX_PARTS = 200  # a mail of more parts is read up to here (a MIME bomb is not walked to its end)
MAX_HEADER_CHARS = 998 * 4
MAX_REFERENCES = 30  # kept of a References header (the oldest and the newest), as RFC 5322 suggests trimming
_MSG_ID = re.compile(r"<[^<>\s]{1,250}>")


@dataclass(frozen=True)
class ParsedMail:
    message_id: str  # "<…>"; a mail without one gets "<sha256-of-the-bytes@frontline.invalid>" (idempotent)
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    sender_name: str
    sender: str  # the From address, lower-cased; "" when there is none
    reply_to: str
    subject: str
    text: str  # the whole text (HTML reduced), quotes and signature included
    new_text: str  # what the customer wrote this time: quoted history and signature stripped
    attachments: tuple[Attachment, ...]
    defects: int  # MIME defects the parser found (logged; the mail is still read)
    auto_reply: bool  # Auto-Submitted / bounce / vacation reply: never answered automatically


# ---- headers ------------------------------------------------------------------------------------------------


def _header(message: MimeMessage, name: str) -> str:
    value = message.get(name)
    if value is None:
        return ""
    try:
        text = str(make_header(decode_header(str(value))))
    except (LookupError, UnicodeError, ValueError, TypeError, AssertionError):
        text = str(value).encode("ascii", "replace").decode("ascii") if isinstance(value, str) else ""
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", text)
    return " ".join(text.split())[:MAX_HEADER_CHARS]


def _ids(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_MSG_ID.findall(value)))


def trimmed_references(ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """At most MAX_REFERENCES ids: the first (the thread's root) and the newest."""
    ids = tuple(dict.fromkeys(ids))
    return ids if len(ids) <= MAX_REFERENCES else (ids[0], *ids[-(MAX_REFERENCES - 1):])


# ---- bodies --------------------------------------------------------------------------------------------------


def _decoded(part: MimeMessage) -> str:
    payload = part.get_payload(decode=True)
    if payload is None:
        payload = part.get_payload()
        return payload if isinstance(payload, str) else ""
    charset = part.get_content_charset() or "utf-8"
    for candidate in (charset, "utf-8", "cp1252"):
        try:
            return bytes(payload).decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return bytes(payload).decode("utf-8", "replace")


def _filename(part: MimeMessage) -> str:
    try:
        name = part.get_filename() or ""
    except (LookupError, UnicodeError, ValueError, TypeError):
        name = ""
    if name:
        try:
            name = str(make_header(decode_header(name)))
        except (LookupError, UnicodeError, ValueError, TypeError):
            pass
    name = re.sub(r"[\x00-\x1f\x7f/\\]+", "_", name).strip()
    return name[:120]


def _attachment(part: MimeMessage) -> Attachment:
    payload = part.get_payload(decode=True)
    if payload is None:
        raw = part.get_payload()
        size = len(raw.encode("utf-8", "replace")) if isinstance(raw, str) else len(part.as_bytes()) if not \
            part.is_multipart() else 0
        if part.get_content_type() == "message/rfc822" and isinstance(raw, list):
            size = sum(len(str(p)) for p in raw)
    else:
        size = len(payload)
    name = _filename(part) or ("forwarded message" if part.get_content_type() == "message/rfc822" else "unnamed")
    return Attachment(name, part.get_content_type()[:100], size)


def _walk(message: MimeMessage) -> tuple[list[str], list[str], list[Attachment]]:
    """(plain texts, HTML texts, attachments), at most MAX_PARTS parts; a forwarded mail is an attachment."""
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    stack = [message]
    seen = 0
    while stack and seen < MAX_PARTS:
        part = stack.pop(0)
        seen += 1
        kind = part.get_content_type()
        disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
        if kind == "message/rfc822" or (disposition == "attachment") or (
                _filename(part) and not part.is_multipart() and disposition != "inline"):
            attachments.append(_attachment(part))
        elif part.is_multipart():
            inner = part.get_payload()
            stack[0:0] = [p for p in inner if isinstance(p, MimeMessage)] if isinstance(inner, list) else []
        elif kind == "text/plain":
            plain.append(_decoded(part))
        elif kind == "text/html":
            html.append(html_to_text(_decoded(part)))
        elif kind.startswith("text/"):
            plain.append(_decoded(part))  # text/enriched, text/calendar …: shown as text, never interpreted
        else:
            attachments.append(_attachment(part))  # an inline image, a file without a name: listed
    return plain, html, attachments


# ---- HTML → text -------------------------------------------------------------------------------------------

_DROPPED = {"script", "style", "head", "title", "noscript", "template", "svg", "math", "iframe", "object", "embed",
            "applet", "frameset", "frame", "canvas", "audio", "video", "select", "button", "textarea"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "source", "track", "wbr", "param"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          "pre", "hr", "section", "article", "header", "footer", "address", "dd", "dt", "dl", "center", "form"}


_LINE = {"br", "li", "tr", "dt", "dd"}  # a line break only; other blocks leave a blank line


class _TextOnly(HTMLParser):
    """Collects an HTML document's visible text; a blockquote's lines get "> " (quoted history). Never fetches,
    runs or renders anything: tags are only counted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.dropped: list[str] = []  # open tags whose content is dropped (script, style …)
        self.quote = 0

    def _break(self, tag: str = "") -> None:
        """End the current line; a paragraph-like element also leaves one blank line (never two)."""
        text = " ".join("".join(self.line).split())
        self.line = []
        if text:
            self.lines.append(("> " * self.quote) + text)
        elif tag == "br":
            self.lines.append("> " * self.quote)
        if tag not in _LINE and self.lines and self.lines[-1].strip("> "):
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _DROPPED and tag not in _VOID:
            self.dropped.append(tag)
        if self.dropped:
            return
        if tag in _BLOCK:
            self._break(tag)
        if tag == "blockquote":
            self.quote += 1
        if tag == "li":
            self.line.append("- ")
        if tag in ("td", "th"):
            self.line.append(" ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if not self.dropped and tag in _BLOCK:
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropped:
            if tag == self.dropped[-1]:
                self.dropped.pop()
            elif tag in self.dropped:
                del self.dropped[self.dropped.index(tag):]
            return
        if tag == "blockquote":
            self._break(tag)
            self.quote = max(self.quote - 1, 0)
        elif tag in _BLOCK:
            self._break(tag)

    def handle_data(self, data: str) -> None:
        if not self.dropped:
            self.line.append(data)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML mail: tags, scripts, styles, comments and embedded objects removed, block
    elements as line breaks, blockquotes as "> " lines; entities decoded. Nothing is executed or fetched."""
    parser = _TextOnly()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some garbage: keep what it read
        pass
    parser._break()
    text = "\n".join(line.rstrip() for line in parser.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# ---- quoted history and signatures ---------------------------------------------------------------------------

_REPLY_HEADER = re.compile(
    r"^\s*(On\b.{0,300}\bwrote:?|Le\b.{0,300}\ba écrit\s*:?|Am\b.{0,300}\bschrieb.{0,40}:?"
    r"|El\b.{0,300}\bescribió\s*:?|Il\b.{0,300}\bha scritto\s*:?|Op\b.{0,300}\bschreef.{0,40}:?)\s*$",
    re.IGNORECASE)
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(Original Message|Forwarded message|Mensaje original|Message d'origine)"
                       r"\s*-{2,}\s*$", re.IGNORECASE)
_FROM = re.compile(r"^\s*\**(From|De|Von|Van)\s*:\**\s*\S", re.IGNORECASE)
_SENT = re.compile(r"^\s*\**(Sent|Date|Enviado|Envoyé|Gesendet|Verzonden|To|Subject)\s*:", re.IGNORECASE)
_UNDERSCORES = re.compile(r"^\s*_{8,}\s*$")
_SIG_DELIMITER = re.compile(r"^--\s?$")
_MOBILE = re.compile(r"^\s*(Sent from my \w[\w \-]{0,40}|Sent from (Mail|Outlook|Yahoo Mail|Gmail)\b.{0,60}"
                     r"|Get Outlook for \w+.{0,20}|Enviado desde mi \w[\w \-]{0,40}|Envoyé de mon \w[\w \-]{0,40})"
                     r"\s*$", re.IGNORECASE)
_SIGN_OFF = re.compile(r"^\s*(thanks|thank you|thanks again|many thanks|thanks in advance|thx|cheers|regards|"
                       r"best regards|kind regards|warm regards|warmest regards|best wishes|best|all the best|"
                       r"sincerely|yours sincerely|yours truly|yours|br|kr|saludos|un saludo|gracias|cordialement|"
                       r"mit freundlichen grüßen|viele grüße|groeten|met vriendelijke groet)\s*[,.!]*\s*$",
                       re.IGNORECASE)
SIGN_OFF_TAIL_LINES = 4  # a sign-off is cut only with at most this many short lines after it (a name, a title)


def _history_starts(lines: list[str]) -> int:
    """The index of the first line of quoted history (len(lines) when none)."""
    for i, line in enumerate(lines):
        joined = f"{line} {lines[i + 1]}" if i + 1 < len(lines) else line
        if _REPLY_HEADER.match(line) or (line.strip().startswith("On ") and _REPLY_HEADER.match(joined)):
            return i
        if _ORIGINAL.match(line):
            return i
        if _FROM.match(line) and any(_SENT.match(nxt) for nxt in lines[i + 1:i + 4]):
            return i - 1 if i > 0 and _UNDERSCORES.match(lines[i - 1]) else i
    return len(lines)


def _signature_starts(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _SIG_DELIMITER.match(line) or _MOBILE.match(line):
            return i
    content = [i for i, line in enumerate(lines) if line.strip()]
    for i in content[-(SIGN_OFF_TAIL_LINES + 1):]:
        tail = [lines[j] for j in content if j > i]
        if _SIGN_OFF.match(lines[i]) and all(len(t.strip()) <= 60 for t in tail) and any(j < i for j in content):
            return i
    return len(lines)


def strip_history_and_signature(text: str) -> str:
    """What the customer wrote this time: the text before an "On … wrote:" line, an Outlook "From: … Sent:" block
    or "--- Original Message ---", without "> " lines, before a "-- " signature, "Sent from my iPhone" and a closing
    sign-off ("Thanks,\\nAda"). "" when nothing is left (the caller then keeps the whole text)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = lines[:_history_starts(lines)]
    lines = [line for line in lines if not line.lstrip().startswith(">")]
    lines = lines[:_signature_starts(lines)]
    kept = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", kept).strip()


# ---- the whole mail --------------------------------------------------------------------------------------------


def parse(raw: bytes) -> ParsedMail:
    """A mail's headers, text (HTML reduced), new text and attachments.

    Raises:
        InvalidInput: not bytes, empty, or without any header a mail has.
    """
    if not isinstance(raw, (bytes, bytearray)) or not raw.strip():
        raise InvalidInput("the mail is empty")
    try:
        message = email.message_from_bytes(bytes(raw), policy=email.policy.compat32)
    except (ValueError, TypeError, LookupError, IndexError, AttributeError) as e:  # the parser is lenient; belt
        raise InvalidInput(f"the mail cannot be parsed as MIME ({type(e).__name__})") from None
    if not any(message.get(h) for h in ("From", "Message-ID", "Subject", "Date", "To")):
        raise InvalidInput("not a mail: it has no From, To, Subject, Date or Message-ID header")
    plain, html, attachments = _walk(message)
    text = "\n\n".join(t.strip() for t in plain if t.strip()) or "\n\n".join(t for t in html if t)
    name, address = parseaddr(_header(message, "From"))
    reply_to = next((a for _, a in getaddresses([_header(message, "Reply-To")]) if "@" in a), "")
    message_id = next(iter(_ids(_header(message, "Message-ID"))), "")
    if not message_id:
        message_id = f"<{hashlib.sha256(bytes(raw)).hexdigest()[:40]}@frontline.invalid>"
    auto = (_header(message, "Auto-Submitted").lower() not in ("", "no")
            or _header(message, "Precedence").lower() in ("bulk", "junk", "list")
            or _header(message, "X-Autoreply").lower() in ("yes", "true")
            or address.lower().startswith(("mailer-daemon@", "postmaster@")))
    defects = len(message.defects)
    return ParsedMail(
        message_id=message_id, in_reply_to=_ids(_header(message, "In-Reply-To")),
        references=trimmed_references(_ids(_header(message, "References"))), sender_name=name.strip()[:120],
        sender=address.strip().lower() if "@" in address else "", reply_to=reply_to.strip().lower(),
        subject=_header(message, "Subject")[:200], text=text.strip(),
        new_text=strip_history_and_signature(text), attachments=tuple(attachments), defects=defects,
        auto_reply=auto)
