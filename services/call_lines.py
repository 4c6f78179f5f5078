"""Where a live call's final segments are stored (the ``Line`` of services/calls.py).

- ``ConversationLine``: a call an agent takes in the workspace on a voice conversation; the customer's words through
  the ingestion path (``inbox.receive_customer_message``: PII masked before storage, analysed once, the
  ``customer_message`` event), the agent's as their reply in the thread (masked like a typed reply).
- ``ThreadLine``: a call a telephony integration streams to the API under its key; the customer's words through
  ``ingestion.post_call_words`` (its first segment opens a voice conversation for the thread), the agent's stored
  once that conversation exists (words before the caller's first are kept until then).
"""

from __future__ import annotations

from typing import Any

from services import assist, conversations, inbox, ingestion
from services.bootstrap import Services
from services.clock import now_iso
from services.models import ApiKey, Message, User
from services.text import clean_text


class ConversationLine:
    def __init__(self, services: Services, user: User, conversation_id: int) -> None:
        self.services, self.user, self.conversation = services, user, conversation_id
        self.conversation_id: int | None = conversation_id

    def said(self, role: str, text: str) -> int:
        if role == "customer":
            message, _ = inbox.receive_customer_message(self.services, self.conversation, text)
            return message.id
        message = conversations.agent_message(self.services, self.user, self.conversation, text, "agent")
        with self.services.uow() as uow:
            uow.audit.record(self.user.username, "call_agent_words", "conversation", str(self.conversation),
                             f"message {message.id}")
        return message.id


class ThreadLine:
    def __init__(self, services: Services, key: ApiKey, thread_id: str, customer: dict[str, Any]) -> None:
        ingestion.check_call(thread_id, customer)
        self.services, self.key, self.thread_id, self.customer = services, key, thread_id, customer
        self.conversation_id: int | None = None
        self._waiting: list[str] = []  # the agent's words before the caller's first: no conversation yet

    def said(self, role: str, text: str) -> int:
        if role == "customer":
            posted = ingestion.post_call_words(self.services, self.key, self.thread_id, self.customer, text)
            self.conversation_id = posted.body["conversation_id"]
            for waiting in self._waiting:
                self._agent_words(waiting)
            self._waiting.clear()
            return int(posted.body["message_id"])
        if self.conversation_id is None:
            self._waiting.append(text)
            return 0
        return self._agent_words(text)

    def _agent_words(self, text: str) -> int:
        assert self.conversation_id is not None
        cleaned = clean_text(text)
        masked = assist.mask_text(self.services, cleaned)
        actor = f"api:{self.key.name}"
        with self.services.uow() as uow:
            message = uow.conversations.append_message(Message(0, self.conversation_id, "agent", actor, cleaned,
                                                               masked, now_iso()))
            uow.audit.record(actor, "api_call_agent_words", "conversation", str(self.conversation_id),
                             f"message {message.id}")
        return message.id

