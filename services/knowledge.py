"""Knowledge-base use cases for editors: browse articles and their versions."""

from __future__ import annotations

from services.bootstrap import Services
from services.models import Article, User


def list_articles(services: Services, user: User, status: str | None = None) -> list[Article]:
    return services.store.list_articles(status=status)


def article_history(services: Services, user: User, article_id: int) -> list[dict]:
    return services.store.article_versions(article_id)
