"""Knowledge base (editors, admins): the articles by review state, the editor with preview, submit / approve /
reject with a reason / archive / restore / assign, the version history with its diff side by side, import / export, the
review queue and usage."""

import streamlit as st

from components import articles as ui
from components import kb_gaps as gaps_ui
from components import kb_review, kb_search, kb_translate, kb_usage
from components.guard import require
from components.state import get_services
from services import kb_drafting, kb_gaps, kb_transfer, knowledge, translation
from services import kb_usage as usage
from services.errors import ImportRejected, ServiceError
from services.permissions import allowed

SELECTED, CREATING, VERSION, DONE, TABS = "kb_selected", "kb_creating", "kb_version", "kb_done", "kb-tabs"
DONE_TEXT = {"create": "Draft created", "save": "Saved", "submit": "Submitted for review", "approve": "Approved",
             "reject": "Rejected", "archive": "Archived", "restore": "Restored as a draft", "assign": "Assignment saved",
             "vote": "Vote recorded"}

user = require("knowledge")
services = get_services()


def act(choice: ui.Choice) -> int:
    """The use case for the choice; returns the article it left selected."""
    cid, version = choice.article_id, choice.version
    if choice.kind == "create":
        return knowledge.create_article(services, user, **choice.fields).id
    if choice.kind == "save":
        return knowledge.save_article(services, user, cid, version, **choice.fields).id
    if choice.kind == "reject":
        return knowledge.reject_article(services, user, cid, version, choice.reason).id
    if choice.kind == "assign":
        return knowledge.assign_article(services, user, cid, choice.fields["assignee"]).id
    if choice.kind == "vote":
        usage.vote(services, user, cid, choice.fields["helpful"])
        return cid
    step = {"submit": knowledge.submit_article, "approve": knowledge.approve_article,
            "archive": knowledge.archive_article, "restore": knowledge.restore_article}[choice.kind]
    return step(services, user, cid, version).id


def base_key(article_id: int) -> str:
    """Session key of the version the editor started from (see components.articles.editor)."""
    return f"kb_base_{article_id}"


def run(choice: ui.Choice | None) -> None:
    if choice is None:
        return
    if choice.kind in ("open", "new", "version", "reload"):
        if choice.kind != "version":
            st.session_state.pop(base_key(choice.article_id), None)
        st.session_state.update({SELECTED: choice.article_id or None, CREATING: choice.kind == "new",
                                 VERSION: choice.version})
        st.rerun()
    try:
        article_id = act(choice)
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")
    else:
        st.session_state.pop(base_key(article_id), None)
        st.session_state.update({SELECTED: article_id, CREATING: False, VERSION: 0, DONE: DONE_TEXT[choice.kind]})
        st.rerun()


def article_pane(article_id: int) -> None:
    version = st.session_state.get(VERSION)
    try:
        detail = (knowledge.version_diff(services, user, article_id, version) if version
                  else knowledge.article_detail(services, user, article_id))
    except ServiceError as e:
        st.info(str(e), icon=":material/info:")
        return
    run(ui.editor(detail, st.session_state.setdefault(base_key(article_id), detail.article.version)))
    kb_translate.translate_box(detail.article, translation.pairs(services), lambda code: translation.translate_article(
        services, user, article_id, code), lambda new: st.session_state.update({SELECTED: new, VERSION: 0}))
    run(ui.history(detail, version or detail.article.version))
    ui.diff(detail.sides)


def import_export() -> None:
    files = ui.import_form(allowed(user.role, "article.approve"))
    if files is not None:
        try:
            ui.import_result(kb_transfer.import_articles(services, user, files[0], approve=files[1]))
        except ImportRejected as e:
            ui.import_problems(str(e), e.problems)
        except ServiceError as e:
            st.error(str(e), icon=":material/error:")
    st.divider()
    wanted = ui.export_form()
    if wanted is not None:
        fmt, state = wanted
        ui.download(kb_transfer.export_articles(services, user, fmt, state))


def open_for_review(article_id: int) -> None:
    """A review queue item's callback: that article, in the Articles tab."""
    st.session_state.pop(base_key(article_id), None)
    st.session_state.update({SELECTED: article_id, CREATING: False, VERSION: 0, TABS: "Articles"})


def usage_report() -> None:
    since, until = kb_usage.period()
    try:
        kb_usage.report(usage.usage_report(services, user, since, until))
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")


st.header("Knowledge base")
if done := st.session_state.pop(DONE, None):
    st.toast(done, icon=":material/check:")
articles_tab, gaps_tab, review_tab, transfer_tab, usage_tab = st.tabs(
    ["Articles", "Gaps", "Review queue", "Import / export", "Usage"], key=TABS, on_change="rerun")
with articles_tab:
    list_col, work_col = st.columns([1, 2.2], gap="medium")
    with list_col:
        kb_search.search_box(lambda query: knowledge.search(services, user, query, k=5))
        state = ui.state_filter()
        run(ui.article_list(knowledge.list_articles(services, user, state), st.session_state.get(SELECTED)))
    with work_col:
        if st.session_state.get(CREATING):
            run(ui.new_article())
        elif st.session_state.get(SELECTED):
            article_pane(st.session_state[SELECTED])
        else:
            st.caption("Choose an article, or start a new one.")
if gaps_tab.open:  # finding gaps searches every weak question: only while the tab is shown
    with gaps_tab:
        gaps_ui.gaps_tab(gaps_ui.GapActions(
            find=lambda: kb_gaps.find_gaps(services, user),
            draft=lambda gap: kb_drafting.draft_from_gap(services, user,
                                                         [q.conversation_id for q in gap.questions], gap.topic),
            drafted=lambda: kb_drafting.drafted_articles(services, user),
            detail=lambda article_id: knowledge.article_detail(services, user, article_id),
            act=act, open_elsewhere=None if st.session_state.get(CREATING) else st.session_state.get(SELECTED)))
with transfer_tab:
    import_export()
with review_tab:
    kb_review.queue(knowledge.review_queue(services, user), user.username, open_for_review)
if usage_tab.open and allowed(user.role, "article.usage"):
    with usage_tab:
        usage_report()
