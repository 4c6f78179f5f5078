"""The KB search index of each process follows the database's KB index version (two Services = two processes)."""

from __future__ import annotations

from typing import Any

from services import assist, knowledge
from services.bootstrap import build_services
from services.clock import now_iso
from services.models import Article
from services.permissions import CLI
from tests.repos import repos

WARRANTY = "Warranty claims: a faulty appliance is repaired or replaced free of charge within two years."


def titles(services, query: str) -> list[str]:
    return [hit.title for hit in knowledge.search(services, CLI, query, 3) if hit.score >= 0.3]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_defect_15_an_article_approved_in_one_process_is_found_by_the_others_search(settings):
    """The writer's own process searches the change at once; another process within assist.KB_VERSION_TTL_S (it
    trusts its last look at the KB index version that long: docs/retrieval.md)."""
    clock = FakeClock()
    editor_side = build_services(settings)  # one SQLite file, two processes
    agent_side = build_services(settings, clock=clock)
    repos(editor_side).articles.add(Article(0, "returns", "Returning an item", "Print the prepaid label and drop the "
                                          "parcel at any post office within 30 days.", "returns", "approved", 1,
                                          now_iso()))
    assert titles(agent_side, "how do I return an item") == ["Returning an item"]  # the agent's index is built
    draft = repos(editor_side).articles.add(Article(0, "warranty", "Warranty claims", WARRANTY, "repairs", "draft", 1,
                                                  now_iso()))
    assert "Warranty claims" not in titles(editor_side, "my appliance is faulty, warranty claim")
    clock.advance(assist.KB_VERSION_TTL_S)
    assert "Warranty claims" not in titles(agent_side, "my appliance is faulty, warranty claim")

    repos(editor_side).articles.update(draft.id, "editor", status="approved")
    assert titles(editor_side, "my appliance is faulty, warranty claim")[0] == "Warranty claims"  # at once
    clock.advance(assist.KB_VERSION_TTL_S)
    assert titles(agent_side, "my appliance is faulty, warranty claim")[0] == "Warranty claims"

    repos(editor_side).articles.update(draft.id, "editor", status="archived")  # withdrawn
    assert "Warranty claims" not in titles(editor_side, "my appliance is faulty, warranty claim")  # at once
    clock.advance(assist.KB_VERSION_TTL_S)
    assert "Warranty claims" not in titles(agent_side, "my appliance is faulty, warranty claim")


class CountingStore:
    """The real Database, counting the units of work opened on it."""

    def __init__(self, store: Any) -> None:
        self._store, self.opened = store, 0

    def __call__(self) -> Any:
        self.opened += 1
        return self._store()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def test_the_kb_index_version_is_read_once_per_interval_unless_this_process_wrote(settings):
    """Reading the version opened a unit of work for every analysed message (~1 ms of ~10): now once per
    KB_VERSION_TTL_S, and at once after this process committed anything."""
    clock = FakeClock()
    store = CountingStore(build_services(settings).get("store"))
    services = build_services(settings, store=store, clock=clock)
    repos(services).articles.add(Article(0, "warranty", "Warranty claims", WARRANTY, "repairs", "approved", 1,
                                         now_iso()))
    assist.ensure_kb_index(services)  # reads the version, then builds the index (a second unit of work)
    opened = store.opened
    for _ in range(5):
        clock.advance(assist.KB_VERSION_TTL_S / 10)
        assist.ensure_kb_index(services)
    assert store.opened == opened  # within the interval: no read
    clock.advance(assist.KB_VERSION_TTL_S)
    assist.ensure_kb_index(services)
    assert store.opened == opened + 1  # the interval passed: one read, nothing changed, no rebuild
    repos(services).articles.update(1, "editor", status="archived")  # this process writes ...
    opened = store.opened
    assist.ensure_kb_index(services)
    assert store.opened == opened + 2  # ... so the next look reads at once (and rebuilds)
    assert titles(services, "my appliance is faulty, warranty claim") == []


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
