"""Knowledge-base search for agents: approved articles only, opened inline and linked into a reply."""

from __future__ import annotations

from services import kb_usage
from services.assist import ensure_kb_index
from services.bootstrap import Services
from services.errors import InvalidInput
from services.models import User
from services.permissions import require

# moved to services.views (what the UI renders); re-exported for callers of the old names
from services.views import ArticleResult as ArticleResult

MAX_QUERY_CHARS = 300


def search_articles(services: Services, user: User, query: str, k: int = 5) -> list[ArticleResult]:
    """Approved articles answering the agent's query, best first; a blank query finds nothing.

    Raises:
        PermissionDenied: a role that may not search the knowledge base ("article.search": agents and admins).
        InvalidInput: a query longer than MAX_QUERY_CHARS.
    """
    require(user, "queue.read")  # the agent workspace's lookup: editors search on the KB page (knowledge.search)
    require(user, "article.search")
    if len(query or "") > MAX_QUERY_CHARS:
        raise InvalidInput(f"a knowledge-base search has at most {MAX_QUERY_CHARS} characters")
    if not (query or "").strip():
        return []
    ensure_kb_index(services)
    results = []
    hits = services.search.search(query, k)
    with services.uow() as uow:
        articles = {a.id: a for a in uow.articles.all() if a.id in {hit.article_id for hit in hits}}
    for hit in hits:
        article = articles.get(hit.article_id)
        if article is None:
            continue  # deleted since it was indexed
        if article.status == "approved":
            link = f"{services.settings.help_centre_url.rstrip('/')}/{article.slug}"
            results.append(ArticleResult(article, hit.score, hit.snippet, link, hit.passage, hit.highlights))
    kb_usage.note_search(services, user, query, [r.score for r in results], "workspace_kb")  # no good answer: a gap
    return results
