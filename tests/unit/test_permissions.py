"""Every role × every action, through the use cases themselves (not the pages), on a real SQLite database.

An allowed role's call succeeds; any other role gets PermissionDenied from the role gate (services/permissions.py),
and the refused call neither wrote a row (the whole database file is compared, audit trail included) nor read one
(every unit of work opened and every Database method called is recorded). A public function of a use-case module that is in neither
USE_CASE_ACTIONS nor NO_PERMISSION fails the suite, so a new use case cannot forget its check.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sqlite3
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

import services
from services import (
    admin,
    analytics,
    api_keys,
    audit,
    auth,
    calls,
    conversations,
    data_rights,
    email_inbound,
    encryption,
    escalations,
    inbox,
    kb_drafting,
    kb_gaps,
    kb_lookup,
    kb_transfer,
    kb_usage,
    knowledge,
    monitor,
    permissions,
    predictors,
    social_outbound,
    speech,
    translation,
    widget,
    workspace,
)
from services.bootstrap import build_services
from services.errors import NotFound, PermissionDenied
from services.models import ROLES, Article, Customer, User
from services.permissions import NO_PERMISSION, PAGE_ACTIONS, PERMISSIONS, USE_CASE_ACTIONS
from services.workspace import QueueFilter
from tests.conftest import fresh_sqlite
from tests.fakes import fake_pipeline
from tests.repos import repos

USERS = {
    "agent": User(1, "agent", "Alex Rivera", "agent"),
    "supervisor": User(2, "supervisor", "Priya Shah", "supervisor"),
    "kb_editor": User(3, "editor", "Jonas Weber", "kb_editor"),
    "admin": User(4, "admin", "Robin Admin", "admin"),
}
SAM = User(5, "sam", "Sam Okafor", "agent")
AGENT = USERS["agent"]


class Recorder:
    """The real Database, with every unit of work opened on it and every method call it receives written down (so
    a refused call can show it read nothing)."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.calls: list[str] = []

    def __call__(self) -> Any:
        self.calls.append("uow")
        return self._store()

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._store, name)
        if not callable(attribute):
            return attribute

        def recorded(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            return attribute(*args, **kwargs)

        return recorded


@pytest.fixture
def svc(request, settings):
    fresh_sqlite(request, settings.database_file)
    store = build_services(settings).store  # the real SQLite store of this test's database file
    services = build_services(settings, store=Recorder(store), **fake_pipeline())
    for user in (*USERS.values(), SAM):
        repos(store).users.add(user.username, user.display_name, user.role, "x")
    repos(store).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    repos(store).articles.add(Article(0, "returns", "Returns", "Send it back within 30 days.", "orders", "approved", 1,
                              "2026-01-01T00:00:00Z"))
    return services


def database_rows(svc) -> dict[str, list[tuple]]:
    """Every row of every table of the database file, in rowid order."""
    with sqlite3.connect(svc.settings.database_file) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: db.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


# ---- the state each call needs, made so that the row-level rule (services/workflow.py) lets the user through ----


def own_conversation(svc, user: User) -> int:
    """A customer's open conversation assigned to this user (an admin's: unassigned), already analysed."""
    owner = "" if user.role == "admin" else user.username
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Order", "where is my order?", owner)
    return conversation.id


def escalated_conversation(svc, user: User) -> int:  # noqa: ARG001 - same signature as own_conversation
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Refund", "I want a manager!", AGENT.username)
    conversations.escalate(svc, AGENT, conversation.id, "wants a refund over my limit")
    return conversation.id


def spanish_conversation(svc, user: User) -> int:
    """own_conversation, with the customer writing Spanish (the fake detector reads "¿" as Spanish)."""
    owner = "" if user.role == "admin" else user.username
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Pedido", "¿Dónde está mi pedido?", owner)
    return conversation.id


def voice_conversation(svc, user: User) -> int:
    """A call waiting on a voice conversation assigned to this user (an admin's: unassigned)."""
    owner = "" if user.role == "admin" else user.username
    conversation, _, _ = inbox.start_conversation(svc, 1, "voice", "Phone call", "hello, it is about my order", owner)
    return conversation.id


def live_call(svc, user: User) -> calls.CallSession:  # noqa: ARG001
    """A call the agent is taking on their voice conversation."""
    return calls.start_call(svc, AGENT, voice_conversation(svc, AGENT))


def agents_queue(svc, user: User) -> list:  # noqa: ARG001
    inbox.start_conversation(svc, 1, "chat", "Order", "where is my order?", AGENT.username)
    return conversations.agent_queue(svc, AGENT)


def nothing(svc, user: User) -> None:  # noqa: ARG001
    return None


def gap_conversation(svc, user: User) -> int:  # noqa: ARG001
    """A resolved conversation whose agent reply a draft can quote."""
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Mounting", "do you mount TVs on the wall?",
                                                  AGENT.username)
    conversations.send_reply(svc, AGENT, conversation.id,
                             "Yes, our fitter mounts TVs on the wall for a fixed fee of seventy nine pounds.")
    conversations.resolve(svc, AGENT, conversation.id, "answered")
    return conversation.id


def article_in(state: str) -> Callable[[Any, User], int]:
    """Set-up: an article in this state at version 1 (the seeded "returns" article is approved)."""
    def made(svc, user: User) -> int:  # noqa: ARG001
        return repos(svc).articles.add(Article(0, f"gift-wrap-{state}", "Gift wrap", "We wrap gifts for £3.",
                                               "orders", state, 1, "2026-01-01T00:00:00Z")).id
    return made


def api_key(svc, user: User) -> str:  # noqa: ARG001
    return api_keys.create_key(svc, permissions.CLI, "mail-gateway")[0].name


def widget_site(svc, user: User) -> str:  # noqa: ARG001
    return api_keys.create_key(svc, permissions.CLI, "shop-chat", widget=True)[0].name


@dataclass(frozen=True)
class Case:
    use_case: str  # "module.function", as in USE_CASE_ACTIONS
    setup: Callable[[Any, User], Any]
    call: Callable[[Any, User, Any], Any]


CASES = (
    Case("conversations.agent_queue", nothing, lambda s, u, _: conversations.agent_queue(s, u, audit=True)),
    Case("workspace.filter_queue", agents_queue,
         lambda s, u, items: workspace.filter_queue(s, u, items, QueueFilter(text="order"))),
    Case("conversations.readable", own_conversation, lambda s, u, cid: conversations.readable(s, u, cid)),
    Case("conversations.open_conversation", own_conversation,
         lambda s, u, cid: conversations.open_conversation(s, u, cid, audit=True)),
    Case("conversations.assist_view", own_conversation, lambda s, u, cid: conversations.assist_view(s, u, cid)),
    Case("inbox.not_analysed", own_conversation, lambda s, u, cid: inbox.not_analysed(s, u, cid)),
    Case("inbox.retry_analysis", own_conversation, lambda s, u, cid: inbox.retry_analysis(s, u, cid)),
    Case("conversations.send_reply", own_conversation,
         lambda s, u, cid: conversations.send_reply(s, u, cid, "It ships tomorrow.")),
    Case("conversations.add_note", own_conversation,
         lambda s, u, cid: conversations.add_note(s, u, cid, "checked the warehouse")),
    Case("conversations.escalate", own_conversation,
         lambda s, u, cid: conversations.escalate(s, u, cid, "over my refund limit")),
    Case("conversations.transfer", own_conversation,
         lambda s, u, cid: conversations.transfer(s, u, cid, "billing", "refund question")),
    Case("conversations.resolve", own_conversation, lambda s, u, cid: conversations.resolve(s, u, cid, "answered")),
    Case("calls.start_call", voice_conversation, lambda s, u, cid: calls.start_call(s, u, cid).end()),
    Case("calls.end_call", live_call, lambda s, u, session: calls.end_call(s, u, session)),
    Case("calls.transcribe_recording", voice_conversation,
         lambda s, u, cid: calls.transcribe_recording(s, u, cid, "call.wav", b"RIFF....WAVE").end()),
    Case("escalations.inbox", escalated_conversation, lambda s, u, _: escalations.inbox(s, u, audit=True)),
    Case("escalations.handled_by", nothing, lambda s, u, _: escalations.handled_by(s, u)),
    Case("escalations.agents", nothing, lambda s, u, _: escalations.agents(s, u)),
    Case("escalations.take_over", escalated_conversation, lambda s, u, cid: escalations.take_over(s, u, cid)),
    Case("escalations.reassign", escalated_conversation,
         lambda s, u, cid: escalations.reassign(s, u, cid, SAM.username, "yours now")),
    Case("escalations.return_to_agent", escalated_conversation,
         lambda s, u, cid: escalations.return_to_agent(s, u, cid, "offer the standard refund")),
    Case("escalations.trail", escalated_conversation, lambda s, u, cid: escalations.trail(s, u, cid)),
    Case("analytics.overview", own_conversation, lambda s, u, _: analytics.overview(s, u)),
    Case("analytics.dashboard", own_conversation, lambda s, u, _: analytics.dashboard(s, u)),
    Case("analytics.assistant_board", own_conversation, lambda s, u, _: analytics.assistant_board(s, u)),
    Case("analytics.drill_down", own_conversation,
         lambda s, u, _: analytics.drill_down(s, u, {"channel": "chat"})),
    Case("monitor.live_monitor", own_conversation, lambda s, u, _: monitor.live_monitor(s, u, audit=True)),
    Case("predictors.train", own_conversation, lambda s, u, _: predictors.train(s, u)),
    Case("predictors.predictions", own_conversation, lambda s, u, _: predictors.predictions(s, u)),
    Case("predictors.customer_risk", own_conversation, lambda s, u, cid: predictors.customer_risk(s, u, cid)),
    Case("kb_lookup.search_articles", nothing, lambda s, u, _: kb_lookup.search_articles(s, u, "returns")),
    Case("knowledge.search", nothing, lambda s, u, _: knowledge.search(s, u, "returns")),
    Case("knowledge.list_articles", nothing, lambda s, u, _: knowledge.list_articles(s, u)),
    Case("knowledge.article_history", nothing, lambda s, u, _: knowledge.article_history(s, u, 1)),
    Case("knowledge.article_detail", nothing, lambda s, u, _: knowledge.article_detail(s, u, 1)),
    Case("knowledge.version_diff", nothing, lambda s, u, _: knowledge.version_diff(s, u, 1, 1)),
    Case("knowledge.create_article", nothing,
         lambda s, u, _: knowledge.create_article(s, u, "Gift wrap", "We wrap gifts for £3.")),
    Case("knowledge.save_article", article_in("draft"),
         lambda s, u, aid: knowledge.save_article(s, u, aid, 1, title="Gift wrap", body="Now £4.")),
    Case("knowledge.submit_article", article_in("draft"), lambda s, u, aid: knowledge.submit_article(s, u, aid, 1)),
    Case("knowledge.archive_article", nothing, lambda s, u, _: knowledge.archive_article(s, u, 1, 1)),
    Case("knowledge.restore_article", article_in("archived"),
         lambda s, u, aid: knowledge.restore_article(s, u, aid, 1)),
    Case("knowledge.approve_article", article_in("in_review"),
         lambda s, u, aid: knowledge.approve_article(s, u, aid, 1)),
    Case("knowledge.reject_article", article_in("in_review"),
         lambda s, u, aid: knowledge.reject_article(s, u, aid, 1, "Say which countries.")),
    Case("knowledge.review_queue", nothing, lambda s, u, _: knowledge.review_queue(s, u, mine=True)),
    Case("knowledge.editors", nothing, lambda s, u, _: knowledge.editors(s, u)),
    Case("knowledge.assign_article", article_in("in_review"),
         lambda s, u, aid: knowledge.assign_article(s, u, aid, "editor")),
    Case("kb_usage.record_view", nothing, lambda s, u, _: kb_usage.record_view(s, u, 1, "workspace_kb")),
    Case("kb_usage.vote", nothing, lambda s, u, _: kb_usage.vote(s, u, 1, True, conversation_id=3)),
    Case("kb_usage.my_votes", nothing, lambda s, u, _: kb_usage.my_votes(s, u, 3)),
    Case("kb_usage.usage_report", nothing,
         lambda s, u, _: kb_usage.usage_report(s, u, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")),
    Case("kb_transfer.import_articles", nothing,
         lambda s, u, _: kb_transfer.import_articles(s, u, [("wrap.md", b"# Gift wrap\n\nWe wrap gifts.\n")])),
    Case("kb_transfer.export_articles", nothing, lambda s, u, _: kb_transfer.export_articles(s, u, "json")),
    Case("translation.translate_article", nothing, lambda s, u, _: translation.translate_article(s, u, 1, "es")),
    Case("translation.thread_languages", own_conversation,
         lambda s, u, cid: translation.thread_languages(s, u, cid)),
    Case("translation.translate_reply", spanish_conversation,
         lambda s, u, cid: translation.translate_reply(s, u, cid, "It ships tomorrow.")),
    Case("translation.send_translated_reply", own_conversation,
         lambda s, u, cid: translation.send_translated_reply(s, u, cid, "It ships tomorrow.", "Sale mañana.", "es")),
    Case("speech.speak_reply", nothing, lambda s, u, _: speech.speak_reply(s, u, "It ships tomorrow.")),
    Case("kb_gaps.find_gaps", nothing, lambda s, u, _: kb_gaps.find_gaps(s, u)),
    Case("kb_drafting.draft_from_gap", gap_conversation,
         lambda s, u, cid: kb_drafting.draft_from_gap(s, u, [cid], "wall mounting")),
    Case("kb_drafting.draft_provenance", nothing, lambda s, u, _: kb_drafting.draft_provenance(s, u, 1)),
    Case("kb_drafting.drafted_articles", nothing, lambda s, u, _: kb_drafting.drafted_articles(s, u)),
    Case("admin.providers_overview", nothing, lambda s, u, _: admin.providers_overview(s, u)),
    Case("admin.system_overview", nothing, lambda s, u, _: admin.system_overview(s, u)),
    Case("admin.set_simulator", nothing, lambda s, u, _: admin.set_simulator(s, u, False, 1.0)),
    Case("admin.simulator_status", nothing, lambda s, u, _: admin.simulator_status(s, u)),
    Case("auth.create_user", nothing,
         lambda s, u, _: auth.create_user(s, u, "kim", "Kim Lee", "agent", "kims-password")),
    Case("auth.list_users", nothing, lambda s, u, _: auth.list_users(s, u)),
    Case("api_keys.create_key", nothing, lambda s, u, _: api_keys.create_key(s, u, "shop-web")),
    Case("api_keys.list_keys", nothing, lambda s, u, _: api_keys.list_keys(s, u)),
    Case("api_keys.revoke_key", api_key, lambda s, u, name: api_keys.revoke_key(s, u, name)),
    Case("widget.identity_secret", widget_site, lambda s, u, name: widget.identity_secret(s, u, name)),
    Case("email_inbound.thread_mails", own_conversation, lambda s, u, cid: email_inbound.thread_mails(s, u, cid)),
    Case("social_outbound.reply_states", own_conversation,
         lambda s, u, cid: social_outbound.reply_states(s, u, cid)),
    Case("audit.search_log", nothing, lambda s, u, _: audit.search_log(s, u, audit.audit_query(actor="admin"))),
    Case("audit.export_csv", nothing, lambda s, u, _: audit.export_csv(s, u, audit.audit_query(text="dana"))),
    Case("audit.verify_chain", nothing, lambda s, u, _: audit.verify_chain(s, u)),
    Case("data_rights.export_customer", nothing, lambda s, u, _: data_rights.export_customer(s, u, 1)),
    Case("data_rights.erase_customer", nothing, lambda s, u, _: data_rights.erase_customer(s, u, 1)),
    Case("data_rights.apply_retention", nothing, lambda s, u, _: data_rights.apply_retention(s, u, days=30)),
    Case("encryption.rotate_key", nothing, lambda s, u, _: encryption.rotate_key(s, u)),
)
CASE_BY_NAME = {case.use_case: case for case in CASES}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("use_case", [case.use_case for case in CASES])
def test_every_role_and_action_through_the_use_case(svc, use_case, role):
    case, user, action = CASE_BY_NAME[use_case], USERS[role], USE_CASE_ACTIONS[use_case]
    state = case.setup(svc, user)
    if role in PERMISSIONS[action]:
        case.call(svc, user, state)
        return
    before, svc.store.calls[:] = database_rows(svc), []
    with pytest.raises(PermissionDenied, match=f"is not available to the {role} role"):
        case.call(svc, user, state)
    assert svc.store.calls == [], f"{use_case} read the store for a refused {role}"
    assert database_rows(svc) == before, f"{use_case} wrote to the database for a refused {role}"


@pytest.mark.parametrize("use_case", [case.use_case for case in CASES])
@pytest.mark.parametrize("nobody", [None, "admin", User(9, "x y", "Forged", "admin"), User(9, "eve", "Eve", "root")])
def test_a_call_without_a_valid_signed_in_user_is_refused_and_touches_nothing(svc, use_case, nobody):
    case = CASE_BY_NAME[use_case]
    state = case.setup(svc, USERS["admin"])
    before, svc.store.calls[:] = database_rows(svc), []
    with pytest.raises(PermissionDenied):
        case.call(svc, nobody, state)
    assert svc.store.calls == [] and database_rows(svc) == before


def test_the_role_gate_runs_before_the_row_level_rule():
    """An editor is refused for the role, even on a conversation assigned to them; an agent passes the role gate
    and is then refused by the workflow rule for someone else's conversation."""
    with pytest.raises(PermissionDenied, match="Reading conversations is not available to the kb_editor role"):
        permissions.require(USERS["kb_editor"], "conversation.read")
    assert permissions.require(AGENT, "conversation.read") is AGENT


def test_an_agent_cannot_read_the_assist_panel_of_another_agents_conversation(svc):
    """assist_view took no user: any caller could read any conversation's analysis. Now the role gate and the
    per-conversation rule both apply."""
    theirs = own_conversation(svc, SAM)
    with pytest.raises(PermissionDenied, match="assigned to sam"):
        conversations.assist_view(svc, AGENT, theirs)
    with pytest.raises(PermissionDenied, match="assigned to sam"):
        inbox.not_analysed(svc, AGENT, theirs)
    assert conversations.assist_view(svc, SAM, theirs) is not None


def test_an_unknown_action_fails_loudly_not_open():
    with pytest.raises(NotFound, match="permission 'conversation.raed'"):
        permissions.require(USERS["admin"], "conversation.raed")


def test_the_cli_and_the_seeder_are_named_admin_actors_audited_under_their_names(svc):
    auth.create_user(svc, permissions.CLI, "kim", "Kim Lee", "agent", "kims-password")
    auth.create_user(svc, permissions.SEEDER, "lou", "Lou Park", "agent", "lous-password")
    assert [(e.actor, e.entity_id) for e in repos(svc).audit.entries(2) if e.action == "create_user"] == [
        ("system", "lou"), ("cli", "kim")]
    assert permissions.CLI.role == permissions.SEEDER.role == "admin"


# ---- the tables are complete and consistent -------------------------------------------------------------------


def test_the_tables_agree_every_action_has_roles_a_description_and_a_use_case():
    assert set(permissions.DESCRIPTIONS) == set(PERMISSIONS)
    for action, roles in PERMISSIONS.items():
        assert roles and roles <= set(ROLES), action
    assert set(USE_CASE_ACTIONS.values()) == set(PERMISSIONS), "an action no use case checks, or an unknown one"
    assert set(PAGE_ACTIONS.values()) <= set(PERMISSIONS)
    assert set(CASE_BY_NAME) == set(USE_CASE_ACTIONS), "every mapped use case is walked through the matrix"
    assert not set(USE_CASE_ACTIONS) & set(NO_PERMISSION)


WIRING = {"__main__", "bootstrap", "registry", "config"}  # build providers and read configuration: not use cases


def _use_case_functions() -> dict[str, Callable]:
    """Every public function of a top-level services module that takes `services`: it can reach
    stored data, so it must name its action or why it needs none."""
    found = {}
    for info in pkgutil.iter_modules(services.__path__):
        if info.ispkg or info.name in WIRING:
            continue
        module = importlib.import_module(f"services.{info.name}")
        for name, function in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(function) or function.__module__ != module.__name__:
                continue
            if "services" in inspect.signature(function).parameters:
                found[f"{info.name}.{name}"] = function
    return found


def test_every_public_use_case_names_its_permission_or_why_it_needs_none():
    functions = _use_case_functions()
    unlisted = sorted(set(functions) - set(USE_CASE_ACTIONS) - set(NO_PERMISSION))
    assert unlisted == [], ("add each to services/permissions.py USE_CASE_ACTIONS (and call require first) or, if "
                            "it reaches no one's data, to NO_PERMISSION with the reason")
    assert set(USE_CASE_ACTIONS) <= set(functions), "USE_CASE_ACTIONS names a function that does not exist"
    assert set(NO_PERMISSION) <= set(functions), "NO_PERMISSION names a function that does not exist"
    for name in USE_CASE_ACTIONS:
        assert "user" in inspect.signature(functions[name]).parameters, f"{name} takes no user"


def _first_require_line(tree: ast.FunctionDef, action: str) -> int | None:
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "require"
                and len(node.args) == 2 and isinstance(node.args[1], ast.Constant) and node.args[1].value == action):
            return node.lineno
    return None


@pytest.mark.parametrize("use_case", sorted(USE_CASE_ACTIONS))
def test_each_use_case_calls_require_with_its_action_before_it_touches_services(use_case):
    function = _use_case_functions()[use_case]
    tree = ast.parse(textwrap.dedent(inspect.getsource(function))).body[0]
    assert isinstance(tree, ast.FunctionDef)
    line = _first_require_line(tree, USE_CASE_ACTIONS[use_case])
    assert line is not None, f"{use_case} never calls require(user, {USE_CASE_ACTIONS[use_case]!r})"
    earlier = [node.lineno for node in ast.walk(tree)
               if isinstance(node, ast.Name) and node.id == "services" and node.lineno < line]
    assert earlier == [], f"{use_case} uses services before require()"
