"""Pure rules of the knowledge base: the review workflow, the fields an editor types, slugs and version diffs.

The review workflow (every other step is an InvalidTransition)::

    draft ──submit──► in_review ──approve──► approved
      ▲                   │                      │
      │                   └──reject──► rejected  │
      └──────── save (an edit of any of them) ───┘
    any state but archived ──archive──► archived ──restore──► draft

A save always leaves a draft: editing an approved or rejected article takes it back to draft, so nothing an editor
wrote reaches agents, the assistant or suggestions before someone approved it.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from services.errors import InvalidInput, InvalidTransition
from services.models import ARTICLE_STATE_LABELS, Article, ArticleVersion
from services.validation import clean_field, forbidden_character
from services.views import DiffLine, DiffRow

MAX_TITLE_CHARS = 200
MAX_BODY_CHARS = 100_000
MAX_TAGS, MAX_TAG_CHARS = 20, 40
MAX_AREA_CHARS = 80
MAX_REASON_CHARS = 1_000
MAX_DIFF_LINES = 2_000

# (state, action) -> the state after it
TRANSITIONS: dict[tuple[str, str], str] = {
    **{(state, "save"): "draft" for state in ("draft", "in_review", "approved", "rejected")},
    ("draft", "submit"): "in_review",
    ("in_review", "approve"): "approved",
    ("in_review", "reject"): "rejected",
    **{(state, "archive"): "archived" for state in ("draft", "in_review", "approved", "rejected")},
    ("archived", "restore"): "draft",
}
_VERBS = {"save": "edit", "submit": "submit for review", "approve": "approve", "reject": "reject",
          "archive": "archive", "restore": "restore"}
_HINTS = {"submit": "only a draft is submitted (edit it first)", "approve": "only an article in review is approved",
          "reject": "only an article in review is rejected", "restore": "only an archived article is restored",
          "save": "restore it first", "archive": "it is archived already"}
_TAG = re.compile(r"[\w][\w &/+.-]{0,39}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z]{2,4})?")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def state_label(state: str) -> str:
    """A state in words: "In review", never "in_review"."""
    return ARTICLE_STATE_LABELS.get(state, state.replace("_", " ").capitalize())


def next_state(state: str, action: str) -> str:
    """The state after an action, or InvalidTransition with a sentence an editor understands.

    >>> next_state("draft", "submit")
    'in_review'
    """
    try:
        return TRANSITIONS[(state, action)]
    except KeyError:
        raise InvalidTransition(f"You cannot {_VERBS.get(action, action)} this article: it is "
                                f"{state_label(state)} and {_HINTS.get(action, 'that is not a step')}.") from None


def actions_from(state: str) -> list[str]:
    """The workflow steps open from a state, in the table's order (what the page offers)."""
    return [action for (source, action) in TRANSITIONS if source == state]


def clean_title(value: Any) -> str:
    return clean_field(value, "title", MAX_TITLE_CHARS)


def clean_body(value: Any) -> str:
    """Markdown kept as typed (indentation, blank lines), line endings made \\n, NFC; refused when empty, huge or
    holding a control, bidi-override or invisible tag character."""
    if not isinstance(value, str):
        raise InvalidInput(f"the body must be text; got {type(value).__name__}")
    if len(value) > MAX_BODY_CHARS * 2:
        raise InvalidInput(f"the body is too long ({len(value):,} characters; the limit is {MAX_BODY_CHARS:,})")
    bad = forbidden_character(value)
    if bad:
        raise InvalidInput(f"the body contains {bad}; please remove it")
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    if not text.strip():
        raise InvalidInput("the body is empty")
    if len(text) > MAX_BODY_CHARS:
        raise InvalidInput(f"the body is too long ({len(text):,} characters; the limit is {MAX_BODY_CHARS:,})")
    return text + "\n"


def clean_tags(value: Any) -> tuple[str, ...]:
    """Tags from a list or a comma-separated text: trimmed, lower-cased, duplicates dropped, in the given order."""
    if value is None:
        return ()
    if isinstance(value, str):
        if len(value) > MAX_TAGS * (MAX_TAG_CHARS + 2) * 2:
            raise InvalidInput(f"too many tags (at most {MAX_TAGS} of {MAX_TAG_CHARS} characters)")
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or not all(isinstance(tag, str) for tag in value):
        raise InvalidInput("the tags must be text, separated by commas")
    tags: list[str] = []
    for raw in value:
        tag = clean_field(raw, "tag", MAX_TAG_CHARS, allow_empty=True).casefold()
        if tag and not _TAG.fullmatch(tag):
            raise InvalidInput(f"the tag {tag!r} may hold only letters, digits, spaces and & / + . -")
        if tag and tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise InvalidInput(f"too many tags ({len(tags)}; at most {MAX_TAGS})")
    return tuple(tags)


def clean_language(value: Any) -> str:
    """A language code such as "en", "es" or "pt-BR"."""
    code = clean_field(value if value not in (None, "") else "en", "language", 12)
    if not _LANGUAGE.fullmatch(code):
        raise InvalidInput(f"the language must be a code such as en, es, fr or de; got {code!r}")
    return code.split("-")[0].lower() + code[len(code.split("-")[0]):]


def clean_area(value: Any) -> str:
    return clean_field(value if value not in (None, "") else "General", "product area", MAX_AREA_CHARS)


def clean_reason(value: Any) -> str:
    return clean_field(value, "reason", MAX_REASON_CHARS, multiline=True)


def slug_for(title: str, taken: Iterable[str]) -> str:
    """A URL slug from the title ("Pairing Corvo earbuds" -> "pairing-corvo-earbuds"), made unique with -2, -3…"""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    base = _SLUG_DROP.sub("-", ascii_title).strip("-")[:60].strip("-") or "article"
    taken = set(taken)
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _as_text(version: Article | ArticleVersion) -> list[str]:
    head = [f"# {version.title}", "", f"State: {state_label(version.status)}", f"Product area: {version.category}",
            f"Language: {version.language}", f"Tags: {', '.join(version.tags)}", ""]
    return head + version.body.rstrip("\n").split("\n")


def diff_versions(old: Article | ArticleVersion | None, new: Article | ArticleVersion) -> tuple[DiffLine, ...]:
    """Line by line, what changed from one version to the next (title, state, area, language and tags as header
    lines).
    The first version is all added. At most MAX_DIFF_LINES lines (a huge body is cut, said in the last line)."""
    before, after = (_as_text(old) if old else []), _as_text(new)
    lines: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after).get_opcodes():
        if tag == "equal":
            lines += [DiffLine("same", text) for text in before[i1:i2]]
            continue
        lines += [DiffLine("removed", text) for text in before[i1:i2]]
        lines += [DiffLine("added", text) for text in after[j1:j2]]
    if len(lines) > MAX_DIFF_LINES:
        lines = [*lines[:MAX_DIFF_LINES], DiffLine("same", f"… {len(lines) - MAX_DIFF_LINES:,} more lines")]
    return tuple(lines)


def side_by_side(old: Article | ArticleVersion | None,
                 new: Article | ArticleVersion) -> tuple[DiffRow, ...]:
    """The same comparison as diff_versions, as rows of (before, after): a replaced block pairs its lines ("changed";
    the longer side's extra lines are "added" or "removed"). At most MAX_DIFF_LINES rows."""
    before, after = (_as_text(old) if old else []), _as_text(new)
    rows: list[DiffRow] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after).get_opcodes():
        if tag == "equal":
            rows += [DiffRow("same", text, text) for text in before[i1:i2]]
            continue
        for left, right in itertools.zip_longest(before[i1:i2], after[j1:j2]):
            kind = "changed" if left is not None and right is not None else "added" if left is None else "removed"
            rows.append(DiffRow(kind, left or "", right or ""))
    if len(rows) > MAX_DIFF_LINES:
        more = f"… {len(rows) - MAX_DIFF_LINES:,} more lines"
        rows = [*rows[:MAX_DIFF_LINES], DiffRow("same", more, more)]
    return tuple(rows)


_CONTENT = ("title", "body", "category", "language", "tags")
AI_DRAFTER = "ai-drafter"  # who a drafted article's first version names: the drafting, not a person (four eyes: the
# editor who asked for the draft reviews machine text and may approve it unchanged; once they edit it, another does)


def last_author(versions: Sequence[ArticleVersion]) -> str:
    """Who wrote the text as it stands: the actor of the latest version whose content (title, body, product area,
    language, tags) differs from the version before it; a step (submit, approve…) changes no content. "" for none.

    Four eyes: that person may not approve it (services/knowledge.py).
    """
    ordered = sorted(versions, key=lambda v: v.version)
    for i in range(len(ordered) - 1, -1, -1):
        if i == 0 or [getattr(ordered[i], f) for f in _CONTENT] != [getattr(ordered[i - 1], f) for f in _CONTENT]:
            return ordered[i].changed_by
    return ""


def duplicate_titles(titles: Sequence[str]) -> dict[int, int]:
    """Index of each title that repeats an earlier one (case-insensitive) -> the index of that earlier one."""
    first: dict[str, int] = {}
    repeats = {}
    for i, title in enumerate(titles):
        key = title.casefold()
        if key in first:
            repeats[i] = first[key]
        else:
            first[key] = i
    return repeats
