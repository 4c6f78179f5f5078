"""The knowledge-base page for editors (issue 17 item 3): states in words, the review steps, the reason a
rejected article's editor reads."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from services import knowledge
from tests.app.conftest import ROOT, TIMEOUT, user
from tests.repos import repos


def knowledge_page(editor) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/knowledge_base.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = editor
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


def test_the_gaps_tab_lists_the_seeded_gap_and_drafts_an_article_shown_beside_its_sources(app_services):
    """Issue 17 items 4-5 on the page: the seeded wall-mounting questions are a gap (masked examples, trend); "Draft
    an article" opens the draft In review in the editor, each sentence beside its source; approving it closes the
    gap."""
    at = knowledge_page(user(app_services, "editor"))
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
