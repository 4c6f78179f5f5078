"""Who may do what: the role gate every use case passes first, whoever calls it (a page, the CLI, a future API).

Two layers, checked in this order by each use case:

1. ``require(user, action)`` — the role gate: may this role do this kind of thing at all? (this module)
2. the row-level rule — may this user read or act on *this* conversation? (``services/workflow.py`` ``may_read`` /
   ``may_act``: an agent acts on conversations assigned to them or to nobody, a supervisor on the ones they took over)

``PERMISSIONS`` maps each action to the roles allowed to do it. ``USE_CASE_ACTIONS`` names the action each public
use case checks, and ``NO_PERMISSION`` the public functions of use-case modules that check none, each with the
reason; ``tests/unit/test_permissions.py`` fails when a public function is in neither, and walks every role × action
through the use cases themselves. Which role may open which page is derived from the same table (``PAGE_ACTIONS``).

Actors that are not people (the command line, the demo seeder) are ``User`` rows with the admin role and a name of
their own (``CLI``, ``SEEDER``), so what they do passes the same gate and is audited under that name.
"""

from __future__ import annotations

from typing import Any

from services.errors import NotFound, PermissionDenied
from services.models import ROLES, User
from services.validation import require_user, short_repr

_TEAM = frozenset({"agent", "supervisor", "admin"})  # the roles that work on conversations
_SUPERVISING = frozenset({"supervisor", "admin"})
_ADMIN = frozenset({"admin"})

# action -> the roles that may do it
PERMISSIONS: dict[str, frozenset[str]] = {
    "queue.read": frozenset({"agent", "admin"}),
    "conversation.read": _TEAM,
    "conversation.reply": _TEAM,
    "conversation.note": _TEAM,
    "conversation.escalate": _TEAM,
    "conversation.transfer": _TEAM,
    "conversation.resolve": _TEAM,
    "escalations.handle": _SUPERVISING,
    "audit.read": _SUPERVISING,
    "audit.admin": _ADMIN,
    "analytics.read": _SUPERVISING,
    "predictions.train": _SUPERVISING,
    "article.search": frozenset({"agent", "kb_editor", "admin"}),
    "article.read": frozenset({"kb_editor", "admin"}),
    "article.edit": frozenset({"kb_editor", "admin"}),
    "article.approve": frozenset({"kb_editor", "admin"}),
    "article.assign": frozenset({"kb_editor", "admin"}),
    "article.feedback": frozenset({"agent", "kb_editor", "admin"}),
    "article.usage": frozenset({"kb_editor", "admin"}),
    "gap.view": frozenset({"kb_editor", "admin"}),
    "article.draft": frozenset({"kb_editor", "admin"}),
    "settings.read": _ADMIN,
    "simulator.control": _ADMIN,
    "users.manage": _ADMIN,
    "integrations.manage": _ADMIN,
    "privacy.manage": _ADMIN,
    "data_keys.rotate": _ADMIN,
}

# action -> what it is, for the refusal ("<what> is not available to the <role> role.")
DESCRIPTIONS: dict[str, str] = {
    "queue.read": "The agent queue",
    "conversation.read": "Reading conversations",
    "conversation.reply": "Replying to customers",
    "conversation.note": "Adding internal notes",
    "conversation.escalate": "Escalating conversations",
    "conversation.transfer": "Transferring conversations",
    "conversation.resolve": "Resolving conversations",
    "escalations.handle": "The escalation inbox",
    "audit.read": "The audit trail",
    "audit.admin": "The audit log",
    "analytics.read": "Analytics",
    "predictions.train": "Training the CSAT and churn predictors",
    "article.search": "Knowledge-base search",
    "article.read": "Browsing knowledge-base articles",
    "article.edit": "Writing knowledge-base articles",
    "article.approve": "Approving knowledge-base articles",
    "article.assign": "Assigning knowledge-base articles",
    "article.feedback": "Recording views and votes of knowledge-base articles",
    "article.usage": "Knowledge-base usage",
    "gap.view": "Knowledge-base gaps",
    "article.draft": "Drafting articles from gaps",
    "settings.read": "The system settings",
    "simulator.control": "The simulator",
    "users.manage": "Managing users",
    "integrations.manage": "Managing API keys",
    "privacy.manage": "Exporting and erasing customer data",
    "data_keys.rotate": "Rotating the data encryption keys",
}

# "module.function" -> the action it requires first (module relative to services/)
USE_CASE_ACTIONS: dict[str, str] = {
    "conversations.agent_queue": "queue.read",
    "workspace.filter_queue": "queue.read",
    "conversations.readable": "conversation.read",
    "conversations.open_conversation": "conversation.read",
    "conversations.assist_view": "conversation.read",
    "inbox.not_analysed": "conversation.read",
    "inbox.retry_analysis": "conversation.read",
    "conversations.send_reply": "conversation.reply",
    "conversations.add_note": "conversation.note",
    "conversations.escalate": "conversation.escalate",
    "conversations.transfer": "conversation.transfer",
    "conversations.resolve": "conversation.resolve",
    "calls.start_call": "conversation.reply",
    "calls.end_call": "conversation.reply",
    "calls.transcribe_recording": "conversation.reply",
    "escalations.inbox": "escalations.handle",
    "escalations.handled_by": "escalations.handle",
    "escalations.agents": "escalations.handle",
    "escalations.take_over": "escalations.handle",
    "escalations.reassign": "escalations.handle",
    "escalations.return_to_agent": "escalations.handle",
    "escalations.trail": "audit.read",
    "audit.search_log": "audit.admin",
    "audit.export_csv": "audit.admin",
    "audit.verify_chain": "audit.admin",
    "analytics.overview": "analytics.read",
    "analytics.dashboard": "analytics.read",
    "analytics.drill_down": "analytics.read",
    "analytics.assistant_board": "analytics.read",
    "monitor.live_monitor": "analytics.read",
    "predictors.train": "predictions.train",
    "predictors.predictions": "analytics.read",
    "predictors.customer_risk": "conversation.read",
    "kb_lookup.search_articles": "queue.read",  # the agent workspace's lookup (KB editors search on the KB page)
    "knowledge.search": "article.search",
    "knowledge.list_articles": "article.read",
    "knowledge.article_history": "article.read",
    "knowledge.article_detail": "article.read",
    "knowledge.version_diff": "article.read",
    "knowledge.create_article": "article.edit",
    "knowledge.save_article": "article.edit",
    "knowledge.submit_article": "article.edit",
    "knowledge.archive_article": "article.edit",
    "knowledge.restore_article": "article.edit",
    "knowledge.approve_article": "article.approve",
    "knowledge.reject_article": "article.approve",
    "knowledge.review_queue": "article.read",
    "knowledge.editors": "article.assign",
    "knowledge.assign_article": "article.assign",
    "kb_usage.record_view": "article.feedback",
    "kb_usage.vote": "article.feedback",
    "kb_usage.my_votes": "article.feedback",
    "kb_usage.usage_report": "article.usage",
    "kb_transfer.import_articles": "article.edit",
    "kb_gaps.find_gaps": "gap.view",
    "kb_drafting.draft_from_gap": "article.draft",
    "kb_drafting.draft_provenance": "article.read",
    "kb_drafting.drafted_articles": "article.read",
    "kb_transfer.export_articles": "article.read",
    "translation.translate_article": "article.edit",
    "translation.thread_languages": "conversation.read",
    "translation.translate_reply": "conversation.reply",
    "translation.send_translated_reply": "conversation.reply",
    "speech.speak_reply": "conversation.reply",
    "admin.providers_overview": "settings.read",
    "admin.system_overview": "settings.read",
    "admin.set_simulator": "simulator.control",
    "admin.simulator_status": "simulator.control",
    "auth.create_user": "users.manage",
    "auth.list_users": "users.manage",
    "api_keys.create_key": "integrations.manage",
    "api_keys.list_keys": "integrations.manage",
    "api_keys.revoke_key": "integrations.manage",
    "widget.identity_secret": "integrations.manage",
    "encryption.rotate_key": "data_keys.rotate",
    "email_inbound.thread_mails": "conversation.read",
    "social_outbound.reply_states": "conversation.read",
    "data_rights.export_customer": "privacy.manage",
    "data_rights.erase_customer": "privacy.manage",
    "data_rights.apply_retention": "privacy.manage",
}

# public functions of use-case modules that check no permission, and why (the test fails on any function that
# takes `services` or a `user` and is in neither table)
NO_PERMISSION: dict[str, str] = {
    "auth.sign_in": "before sign-in: the credentials are the check",
    "warmup.warm_up": "loads the models with a built-in sample text; reads and returns no data",
    "warmup.warm_up_in_background": "loads the models with a built-in sample text; reads and returns no data",
    "warmup.start": "loads the models with a built-in sample text, once per process; reads and returns no data",
    "simulator.control": "reads the simulator switch only (on/off and rate); no customer data",
    "simulator.serve": "the simulator process: writes through the ingestion path like a customer channel",
    "surveys.record_answer": "a customer's CSAT answer arriving from a channel, like a customer message",
    "auth.start_session": "before sign-in: the credentials are the check",
    "auth.resume_session": "the signed session token is the check",
    "auth.check_session": "the signed session token is the check (read only: an automatic rerun's check)",
    "auth.open_sessions": "the signed session tokens are the check (read only: which of many tabs are still signed in)",
    "auth.sign_out": "ends the caller's own sessions only (require_user)",
    "conversations.load": "helper: its callers are use cases that called require first",
    "conversations.checked": "helper: its callers are use cases that called require first (then workflow.may_act)",
    "conversations.agent_message": "helper: its callers are use cases that called require first",
    "conversations.queues": "the configured queue names; no data",
    "kb_usage.note_search": "helper: its callers are search use cases that called require first",
    "kb_usage.note_reply": "helper inside send_reply's unit of work, which called require first",
    "conversations.queue_marker": "a change marker; no data",
    "inbox.receive_customer_message": "ingestion: acts for the customer's channel (adapters, simulator), not a person",
    "inbox.start_conversation": "ingestion: acts for the customer's channel (adapters, simulator), not a person",
    "routing.route_new_conversation": "ingestion: routes the conversation start_conversation is creating",
    "inbox.analyze_stored": "ingestion: the analysis of a stored message; returns it to the ingestion path only",
    "inbox.analyze_latest": "ingestion: stores a missing analysis; returns only whether it did",
    "inbox.backfill_open": "ingestion: stores missing analyses; returns only a count",
    "assist.ensure_kb_index": "indexes approved (customer-facing) articles; returns nothing",
    "assist.reindex_kb": "indexes approved (customer-facing) articles; returns nothing",
    "assist.detect_pii": "pipeline step on text the caller already holds",
    "assist.mask_text": "pipeline step on text the caller already holds",
    "assist.analyze_message": "pipeline step on text the caller already holds",
    "assist.for_request": "pipeline step: orders KB hits (approved, customer-facing articles) the caller already holds",
    "assist.context_for": "pipeline step of the ingestion path (reads the customer for the analysis it stores)",
    "intents.train_model": "trains a model on labelled text the operator gives; no stored customer data",
    "intents.train_from_csv": "trains a model on a file the operator gives; no stored customer data",
    "intents.classifier_for": "loads a model; no stored customer data",
    "intents.evaluate": "scores a model on labelled text the operator gives; no stored customer data",
    "pii_eval.evaluate": "scores PII masking on labelled text the operator gives; no stored customer data",
    "intents.train_and_evaluate": "trains and scores a model on data the operator gives; no stored customer data",
    "translation.pairs": "the language pairs the configured translator offers; no data",
    "api_keys.admit": "the ingestion API's gate: the API key is the check (and the key's rate limit)",
    "ingestion.post_message": "ingestion: acts for an integration admitted by its API key (api_keys.admit)",
    "ingestion.post_call_words": "ingestion: a phone call's words for an integration admitted by its API key",
    "calls.start_phone_call": "ingestion: a telephony integration admitted by its API key (api_keys.admit)",
    "calls.ice_servers": "the configured ICE servers for the browser's call audio; no data",
    "ingestion.messages_since": "ingestion: the admitted integration reads only the threads it opened",
    "widget.start_visitor": "the web chat widget: a visitor of a site that takes chats; an identified customer "
                            "only with the site's HMAC signature of their e-mail",
    "widget.demo_identity": "the demo shop page: only with the widget_demo_identity demo setting on",
    "assistant.respond": "the virtual assistant, called by the ingestion path after a customer's message",
    "widget.visitor": "the web chat widget: the signed visitor token is the check",
    "widget.post": "the web chat widget: the visitor's own chat, through the ingestion path",
    "widget.messages": "the web chat widget: the visitor reads only their own chat",
    "email_inbound.ingest": "ingestion: acts for the email channel (a mail in the support mailbox), not a person",
    "email_inbound.poll_once": "ingestion: the mail poller reads the support mailbox into conversations",
    "email_inbound.run": "ingestion: the mail poller's loop (python -m services mail-poll)",
    "email_outbox.queue_reply": "helper inside send_reply's unit of work, which called require first",
    "email_outbox.deliver_due": "sends replies agents already sent (send_reply checked them); returns counts only",
    "email_outbox.deliver_soon": "sends replies agents already sent (send_reply checked them); returns nothing",
    "email_outbox.backoff_s": "a retry delay from the settings; no data",
    "widget.rate": "the web chat widget: the visitor rates only the assistant's answers in their own chat",
    "social.integration": "the social webhook: names a configured integration, reads no customer data",
    "social.verify_subscription": "the social webhook's handshake: the integration's verify token is the check",
    "social.admit": "the social webhook: the platform's signature on the raw body is the check",
    "social.receive": "the social webhook: acts for an integration admitted by its signature (social.admit)",
    "social_outbound.queue_reply": "helper inside send_reply's unit of work, which called require first",
    "social_outbound.deliver_now": "sends replies agents already sent (send_reply checked them); returns counts only",
    "social_outbound.deliver_due": "sends replies agents already sent (send_reply checked them); returns counts only",
    "social_outbound.backoff_s": "a retry delay from the settings; no data",
    "social_outbound.public_text": "shapes a text for a public post; reads no stored data",
}

# page key -> the action a page needs to open (the page's title and icon live with the app: components/pages.py)
PAGE_ACTIONS: dict[str, str] = {
    "workspace": "queue.read",
    "inbox": "escalations.handle",
    "analytics": "analytics.read",
    "knowledge": "article.read",
    "settings": "settings.read",
    "audit": "audit.admin",
}

CLI = User(0, "cli", "Command-line operator", "admin")
SEEDER = User(0, "system", "Demo seeder", "admin")


def roles_for(action: str) -> frozenset[str]:
    """The roles allowed to do an action.

    Raises:
        NotFound: no such action (a typo in a use case fails loudly, never open).
    """
    if not isinstance(action, str) or action not in PERMISSIONS:
        raise NotFound(f"permission {short_repr(action)}")
    return PERMISSIONS[action]


def allowed(role: Any, action: str) -> bool:
    return role in roles_for(action)


def require(user: Any, action: str) -> User:
    """The validated user when their role may do action; call it first in a use case, before any read or write.

    Raises:
        PermissionDenied: not a signed-in user (services.validation.require_user), or a role not in
            PERMISSIONS[action] ("<What> is not available to the <role> role.").
        NotFound: an action that is not in PERMISSIONS.
    """
    roles = roles_for(action)
    user = require_user(user)
    if user.role not in roles:
        raise PermissionDenied(f"{DESCRIPTIONS[action]} is not available to the {user.role} role.")
    return user


def page_roles(key: str) -> frozenset[str]:
    """The roles that may open a page.

    Raises:
        NotFound: no such page.
    """
    if not isinstance(key, str) or key not in PAGE_ACTIONS:
        raise NotFound(f"page {short_repr(key)}")
    return PERMISSIONS[PAGE_ACTIONS[key]]


def page_keys_for(role: str) -> list[str]:
    """The pages a role may open, in menu order (PAGE_ACTIONS order); none for an unknown role."""
    return [key for key, action in PAGE_ACTIONS.items() if role in ROLES and role in PERMISSIONS[action]]
