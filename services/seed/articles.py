"""Help-centre articles: data/kb/*.md (approved) plus AI-drafted articles awaiting review."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from services.clock import to_iso
from services.errors import ConfigError
from services.kb_rules import AI_DRAFTER
from services.models import Article
from services.seed.drafts import DRAFTS


def read_article(path: Path) -> tuple[dict[str, str], str]:
    """The front matter (title, category, ...) and markdown body of one article file.

    Args:
        path: a markdown file that starts with a ``---`` block of ``key: value`` lines.

    Returns:
        (front matter, body without the block).

    Raises:
        ConfigError: the file has no front matter or no title.
    """
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---\n" not in text[4:]:
        raise ConfigError(f"{path} has no front matter block")
    header, body = text[4:].split("\n---\n", 1)
    meta = {}
    for line in header.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip().strip('"')
    if not meta.get("title"):
        raise ConfigError(f"{path} has no title")
    return meta, body.strip() + "\n"


def kb_articles(kb_dir: Path, rng: random.Random, now: datetime) -> list[Article]:
    """Every article in kb_dir, sorted by slug, approved, last edited some weeks or months ago."""
    articles = []
    for path in sorted(Path(kb_dir).glob("*.md")):
        meta, body = read_article(path)
        edited = now - timedelta(days=rng.randint(12, 420), hours=rng.randint(0, 8))
        articles.append(Article(0, path.stem, meta["title"], body, meta.get("category", "General"),
                                meta.get("status", "approved"), 1, to_iso(edited), meta.get("language", "en")))
    return articles


__all__ = ["AI_DRAFTER", "DRAFT_OWNER", "draft_articles", "kb_articles"]
DRAFT_OWNER = "editor"  # services/seed/users.py: the kb_editor of the demo


def draft_articles(rng: random.Random, now: datetime) -> list[Article]:
    """The AI drafts written from recent conversations, waiting in review, owned by the demo's KB editor (who answers
    for them; the text is the drafter's, so four eyes lets that editor approve it)."""
    return [Article(0, slug, title, body.strip() + "\n", category, "in_review", 1,
                    to_iso(now - timedelta(days=rng.randint(1, 4), hours=rng.randint(1, 6))), owner=DRAFT_OWNER)
            for slug, title, category, body in DRAFTS]
