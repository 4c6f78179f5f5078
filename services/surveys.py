"""CSAT survey answers (docs/metrics.md#csat): the customer's 1-5 answer for a resolved conversation, recorded once.
Like a customer's message, it arrives from a channel (the simulator plays it in the demo), not from a signed-in user;
the write is audited under the actor "customer"."""

from __future__ import annotations

from typing import Any

from services.bootstrap import Services
from services.errors import Conflict, InvalidInput
from services.models import Conversation
from services.validation import require_id, short_repr

SCORES = (1, 2, 3, 4, 5)


def record_answer(services: Services, conversation_id: Any, score: Any) -> Conversation:
    """Store the survey answer of a resolved conversation.

    Raises:
        InvalidInput: a score that is not a whole number from 1 to 5; a conversation not resolved.
        NotFound: no such conversation.
        Conflict: it already has an answer (the first one stands).
    """
    conversation_id = require_id(conversation_id, "conversation")
    if isinstance(score, bool) or score not in SCORES or not isinstance(score, int):
        raise InvalidInput(f"a survey answer is a whole number from 1 to 5; got {short_repr(score)}")
    with services.uow() as uow:
        conversation = uow.conversations.get(conversation_id)
        if conversation.status != "resolved":
            raise InvalidInput(f"conversation {conversation_id} is {conversation.status}: only a resolved one is "
                               "surveyed")
        if conversation.csat is not None:
            raise Conflict(f"conversation {conversation_id} already has a survey answer")
        updated = uow.conversations.update(conversation_id, csat=score)
        uow.audit.record("customer", "survey_answer", "conversation", str(conversation_id), f"csat {score}")
    return updated
