"""The KB search index of each process follows the database's KB index version (two Services = two processes)."""

from __future__ import annotations

from services import knowledge
from services.bootstrap import build_services
from services.clock import now_iso
from services.models import Article
from services.permissions import CLI
from tests.repos import repos

WARRANTY = "Warranty claims: a faulty appliance is repaired or replaced free of charge within two years."


def titles(services, query: str) -> list[str]:
    return [hit.title for hit in knowledge.search(services, CLI, query, 3) if hit.score >= 0.3]


def test_defect_15_an_article_approved_in_one_process_is_found_by_the_others_search(settings):
    editor_side, agent_side = build_services(settings), build_services(settings)  # one SQLite file, two processes
    repos(editor_side).articles.add(Article(0, "returns", "Returning an item", "Print the prepaid label and drop the "
                                          "parcel at any post office within 30 days.", "returns", "approved", 1,
                                          now_iso()))
    assert titles(agent_side, "how do I return an item") == ["Returning an item"]  # the agent's index is built
    draft = repos(editor_side).articles.add(Article(0, "warranty", "Warranty claims", WARRANTY, "repairs", "draft", 1,
                                                  now_iso()))
    assert "Warranty claims" not in titles(agent_side, "my appliance is faulty, warranty claim")

    repos(editor_side).articles.update(draft.id, "editor", status="approved")
    assert titles(agent_side, "my appliance is faulty, warranty claim")[0] == "Warranty claims"

    repos(editor_side).articles.update(draft.id, "editor", status="archived")  # withdrawn
    assert "Warranty claims" not in titles(agent_side, "my appliance is faulty, warranty claim")


class CountingEmbedder:
    """The real embedder, remembering every text it was asked to embed."""

    def __init__(self) -> None:
        from services.adapters.local.embedder import WordLlamaEmbedder

        self.model = WordLlamaEmbedder()
        self.name, self.dim, self.texts = self.model.name, self.model.dim, []

    def embed(self, texts):
        self.texts.extend(texts)
        return self.model.embed(texts)


def test_the_passages_and_vectors_live_in_the_database_so_a_second_process_embeds_no_article(settings):
    editor_side = build_services(settings, embedder=CountingEmbedder())
    agent_embedder = CountingEmbedder()
    agent_side = build_services(settings, embedder=agent_embedder)
    repos(editor_side).articles.add(Article(0, "warranty", "Warranty claims", WARRANTY, "repairs", "approved", 1,
                                            now_iso()))
    assert titles(editor_side, "warranty claim for a faulty appliance") == ["Warranty claims"]
    assert any(WARRANTY in text for text in editor_side.embedder.texts)  # the editor's process embedded it ...
    assert titles(agent_side, "my appliance is faulty, warranty claim")[0] == "Warranty claims"
    assert agent_embedder.texts == ["my appliance is faulty, warranty claim"]  # ... the agent's only its query
    with editor_side.uow() as uow:
        stored = uow.shared.tx.rows("SELECT title, embedding FROM kb_passages") if hasattr(uow.shared, "tx") else []
    assert [(r["title"], len(r["embedding"])) for r in stored] == [("Warranty claims", 4 * 256)]
