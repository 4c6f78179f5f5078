"""The knowledge-base page for editors (issue 17 item 3): states in words, the review steps, the reason a
rejected article's editor reads."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from services import kb_gaps, knowledge
from tests.app.conftest import ROOT, TIMEOUT, user
from tests.repos import repos


def knowledge_page(editor, tab: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/knowledge_base.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = editor
    if tab:
        at.session_state["kb-tabs"] = tab
    return at.run()


def shown_text(at: AppTest) -> str:
    return " ".join([b.label for b in at.button] + [m.value for m in at.markdown] + [c.value for c in at.caption])


def test_states_are_shown_in_words_never_as_their_code(app_services):
    at = knowledge_page(user(app_services, "editor"))
    assert not at.exception
    assert any(b.label.startswith("In review · ") for b in at.button)
    assert any(b.label.startswith("Approved · ") for b in at.button)
    assert "in_review" not in shown_text(at)
    state = at.selectbox(key="kb-state")
    assert state.options == [
        "All states", "Draft", "In review", "Approved", "Rejected", "Archived"]


def test_an_editor_rejects_with_a_reason_and_the_author_reads_it(app_services):
    editor = user(app_services, "editor")
    article = knowledge.create_article(app_services, editor, "Page test: wrapping", "We wrap gifts.")
    knowledge.submit_article(app_services, editor, article.id, 1)
    at = knowledge_page(editor)
    at.button(key=f"kb-article-{article.id}").click().run()
    assert any("wrapping" in m.value and "In review" in m.value for m in at.markdown)
    at.text_area(key=f"kb-editor-{article.id}-2-reason").input("Say which countries.").run()
    at.button(key=f"kb-editor-{article.id}-2-reject").click().run()
    assert not at.exception
    assert [w.value for w in at.warning] == ["Rejected: Say which countries\\."]  # escaped for markdown
    assert knowledge.article_detail(app_services, editor, article.id).article.status == "rejected"
    history = at.dataframe[0].value
    assert list(history["what changed"]) == ["Rejected: Say which countries.", "Submitted for review", "Created"]


def test_a_save_over_someone_elses_newer_version_is_refused_and_keeps_the_editors_text(app_services):
    editor, admin = user(app_services, "editor"), user(app_services, "admin")
    article = knowledge.create_article(app_services, editor, "Page test: stale", "Version one.")
    at = knowledge_page(editor)
    at.button(key=f"kb-article-{article.id}").click().run()
    at.text_area(key=f"kb-editor-{article.id}-1-body").input("My careful rewrite.").run()
    knowledge.save_article(app_services, admin, article.id, 1, title="Page test: stale", body="Admin's text.")
    at.button(key=f"kb-editor-{article.id}-1-save").click().run()
    assert not at.exception
    assert any("changed by someone else" in e.value for e in at.error)
    assert at.text_area(key=f"kb-editor-{article.id}-1-body").value == "My careful rewrite."
    assert repos(app_services).articles.get(article.id).body == "Admin's text.\n"
    at.button(key=f"kb-editor-{article.id}-1-reload").click().run()
    assert at.text_area(key=f"kb-editor-{article.id}-2-body").value == "Admin's text.\n"


def test_an_editor_translates_an_article_into_spanish_and_the_draft_opens(app_services, apertium):
    editor = user(app_services, "editor")
    article = knowledge.create_article(app_services, editor, "Page test: the parcel has not arrived",
                                       "Check the tracking number first.")
    at = knowledge_page(editor)
    at.button(key=f"kb-article-{article.id}").click().run()
    into = at.selectbox(key=f"kb-translate-into-{article.id}")
    assert into.options == ["Spanish", "French (needs AWS Translate)", "German (needs AWS Translate)"]
    into.select("es").run()
    at.button(key=f"kb-translate-{article.id}").click().run()
    assert not at.exception and not at.error
    spanish = next(a for a in knowledge.list_articles(app_services, editor) if a.source_id == article.id)
    assert (spanish.language, spanish.status) == ("es", "draft")
    assert "número de seguir" in spanish.body or "número" in spanish.body  # Apertium's rough Spanish
    assert any(f"Translated from article {article.id}" in c.value for c in at.caption)  # the draft is open
    assert at.text_area(key=f"kb-editor-{spanish.id}-1-body").value == spanish.body


def test_a_pair_the_offline_translator_lacks_is_refused_in_words(app_services):
    editor = user(app_services, "editor")
    article = knowledge.create_article(app_services, editor, "Page test: gift cards", "Gift cards never expire.")
    at = knowledge_page(editor)
    at.button(key=f"kb-article-{article.id}").click().run()
    at.selectbox(key=f"kb-translate-into-{article.id}").select("fr").run()
    assert any("needs AWS Translate" in c.value for c in at.caption)
    at.button(key=f"kb-translate-{article.id}").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "translation between English and French needs AWS Translate (offline, only English ↔ Spanish)"]


def test_gaps_are_looked_for_only_while_the_gaps_tab_is_shown(app_services, monkeypatch):
    """find_gaps searches every weak question (seconds on a cold process): the Articles tab must not pay for it."""
    calls = []
    real = kb_gaps.find_gaps
    monkeypatch.setattr(kb_gaps, "find_gaps", lambda *a, **k: calls.append(1) or real(*a, **k))
    at = knowledge_page(user(app_services, "editor"))
    assert not at.exception and calls == []
    at = knowledge_page(user(app_services, "editor"), "Gaps")
    assert not at.exception and calls == [1]


def test_the_gaps_tab_lists_the_seeded_gap_and_drafts_an_article_shown_beside_its_sources(app_services):
    """Issue 17 items 4-5 on the page: the seeded wall-mounting questions are a gap (masked examples, trend); "Draft
    an article" opens the draft In review in the editor, each sentence beside its source; approving it closes the
    gap."""
    at = knowledge_page(user(app_services, "editor"), "Gaps")
    assert not at.exception
    cards = [m.value for m in at.markdown if "questions]" in m.value]
    mounting = next(i for i, text in enumerate(cards) if "mount" in text)
    assert any("this week" in c.value and "last week" in c.value for c in at.caption)
    at.button(key=f"gap-draft-{mounting}").click().run()
    assert not at.exception
    drafted = [a for a in knowledge.list_articles(app_services, user(app_services, "editor"), "in_review")
               if "drafted from a gap" in a.tags]
    assert len(drafted) == 1 and "£79" in drafted[0].body
    article = drafted[0]
    assert any(m.value == "**Where each sentence comes from**" for m in at.markdown)
    assert any(c.value.startswith("from reply in conversation") for c in at.caption)
    assert any(b.label.startswith("In review · ") for b in at.button if b.key == f"gap-drafted-{article.id}")
    at.button(key=f"kb-editor-{article.id}-{article.version}-approve").click().run()
    assert not at.exception
    assert knowledge.article_detail(app_services, user(app_services, "editor"), article.id).article.status == \
        "approved"
    assert not any("mount" in m.value for m in at.markdown if "questions]" in m.value), "the gap closed"
