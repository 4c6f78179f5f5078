"""The KB page's review queue, assign control, side-by-side diff and Usage tab (issue 17 items 6 and 8)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from services import kb_usage, knowledge
from tests.app.conftest import ROOT, TIMEOUT, user


def knowledge_page(editor, tab: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/knowledge_base.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = editor
    if tab:
        at.session_state["kb-tabs"] = tab
    return at.run()


def test_the_review_queue_opens_an_article_in_the_articles_tab_and_assigning_shows_in_the_list(app_services):
    editor, admin = user(app_services, "editor"), user(app_services, "admin")
    article = knowledge.create_article(app_services, admin, "Page test: review me", "Please <b>review</b>.")
    knowledge.submit_article(app_services, admin, article.id, 1)
    at = knowledge_page(editor, "Review queue")
    assert not at.exception
    item = next(c for c in at.caption if "submitted by admin" in c.value and "written by admin" in c.value)
    assert "assigned to nobody" in item.value
    at.button(key=f"kb-review-open-{article.id}").click().run()
    assert not at.exception
    assert at.session_state["kb-tabs"] == "Articles" and at.session_state["kb_selected"] == article.id
    assert any("review me" in m.value and "In review" in m.value for m in at.markdown)
    at.selectbox(key=f"kb-assign-{article.id}-assignee").select("editor").run()
    at.button(key=f"kb-assign-{article.id}-assign").click().run()
    assert not at.exception
    assert any(b.label.endswith("review me · assigned to editor") for b in at.button)
    side_by_side = [h.proto.body for h in at.get("html") if "kb-side-by-side" in h.proto.body]
    assert side_by_side and "&lt;b&gt;review&lt;/b&gt;" in side_by_side[0] and "<b>" not in side_by_side[0]
    at = knowledge_page(editor, "Review queue")
    at.toggle(key="kb-review-mine").set_value(True).run()
    assert any("yours to review" in c.value for c in at.caption)


def test_the_usage_tab_shows_an_articles_votes_and_views(app_services):
    editor, agent = user(app_services, "editor"), user(app_services, "agent")
    article = next(a for a in knowledge.list_articles(app_services, editor, "approved"))
    kb_usage.record_view(app_services, agent, article.id)
    kb_usage.vote(app_services, agent, article.id, True, conversation_id=1)
    at = knowledge_page(editor, "Usage")
    assert not at.exception
    table = next(t for t in at.tabs if t.label == "Usage").dataframe[0].value
    row = table[table["article"] == article.title].iloc[0]
    assert (row["views"], row["helpful"]) == (1, 1)


def test_an_admin_votes_on_an_approved_article_on_the_kb_page(app_services):
    admin = user(app_services, "admin")
    article = knowledge.list_articles(app_services, admin, "approved")[1]
    at = knowledge_page(admin)
    at.button(key=f"kb-article-{article.id}").click().run()
    at.button(key=f"kb-page-vote-{article.id}-down").click().run()
    assert not at.exception
    assert knowledge.article_detail(app_services, admin, article.id).my_vote is False
    assert kb_usage.my_votes(app_services, admin) == {article.id: False}
