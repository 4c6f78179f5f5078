"""Knowledge-base use cases for editors and agents: browse articles and their versions, search the approved ones."""

from __future__ import annotations

from services.bootstrap import Services
from services.errors import InvalidInput
from services.models import ARTICLE_STATES, Article, ArticleVersion, KbHit, User
from services.permissions import require
from services.text import MAX_MESSAGE_CHARS
from services.validation import clean_choice, require_id

MAX_HITS = 50


def list_articles(services: Services, user: User, status: str | None = None) -> list[Article]:
    """Articles, all or in one state.

    Raises:
        PermissionDenied: a role that may not browse articles (services/permissions.py "article.read").
        InvalidInput: an unknown state.
    """
    require(user, "article.read")
    if status is not None:
        status = clean_choice(status, "article status", ARTICLE_STATES)
    with services.uow() as uow:
        return uow.articles.all(status=status)


def article_history(services: Services, user: User, article_id: int) -> list[ArticleVersion]:
    """Every saved version of an article, oldest first.

    Raises:
        PermissionDenied: a role that may not browse articles.
        InvalidInput: a bad article id.
    """
    require(user, "article.read")
    article_id = require_id(article_id, "article")
    with services.uow() as uow:
        return uow.articles.versions(article_id)


def search(services: Services, user: User, query: str, k: int = 3) -> list[KbHit]:
    """The k approved articles that best answer a query (any text: a customer's message, a few words).

    Raises:
        PermissionDenied: a role that may not search the knowledge base ("article.search").
        InvalidInput: the query is not text or is over the message limit; k is not between 1 and 50.
    """
    require(user, "article.search")
    if not isinstance(query, str):
        raise InvalidInput(f"the search query must be text; got {type(query).__name__}")
    if len(query) > MAX_MESSAGE_CHARS:
        raise InvalidInput(f"the search query is too long ({len(query):,} characters; the limit is "
                           f"{MAX_MESSAGE_CHARS:,})")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_HITS:
        raise InvalidInput(f"the number of articles must be between 1 and {MAX_HITS}")
    from services import assist  # the search provider and its index live with the assist pipeline

    assist.ensure_kb_index(services)
    return services.search.search(query.encode("utf-8", "replace").decode("utf-8"), k)
