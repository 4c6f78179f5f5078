"""Turn a scenario into the turns of one conversation, styled for its channel, with the slots filled in."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from services.seed import noise, vocab
from services.seed.scenarios import Scenario, Thread

SLOT = re.compile(r"\{(\w+)\}")
GREETING = re.compile(r"^(?:Hi|Hello|Hey|Thanks|Good news)\b[^,.!]{0,20}[,.!]\s*")
SAYS_HELLO = re.compile(r"^(?:hi|hello|hey|good morning|dear)\b", re.IGNORECASE)
VOICE_HELLO = "thank you for calling brightwave home you're speaking with {agent} how can i help"


@dataclass(frozen=True)
class Turn:
    role: str  # customer | agent | note
    text: str  # a template with {slots}
    verbatim: bool = False  # written exactly as given, no channel styling


def _opening(scenario: Scenario, rng: random.Random) -> tuple[str, str, Thread, bool]:
    """(customer text, agent reply, follow-ups, whether every follow-up must be played)."""
    opening = rng.choice(scenario.openings)
    thread = rng.choice(scenario.threads) if scenario.threads else ()
    if isinstance(opening, str):
        reply = rng.choice(scenario.replies) if scenario.replies else ""
        return opening, reply, thread, False
    if len(opening) == 3:  # the reply asks something only this thread answers
        return opening[0], opening[1], opening[2], True
    return opening[0], opening[1], thread, False


def _first(customer: str, opening: str | None) -> Turn:
    return Turn("customer", opening, verbatim=True) if opening else Turn("customer", customer)


def past_script(scenario: Scenario, rng: random.Random, opening: str | None = None) -> list[Turn]:
    """A finished conversation: opening, answer, some follow-ups, maybe a thank-you (2-8 turns).

    An explicit opening replaces the scenario's and is kept verbatim.
    """
    customer, reply, thread, complete = _opening(scenario, rng)
    turns = [_first(customer, opening), Turn("agent", reply) if reply else Turn("note", scenario.internal_note)]
    if not reply:
        return turns
    for ask, answer in thread[:len(thread) if complete else rng.randint(0, len(thread))]:
        turns += [Turn("customer", ask), Turn("agent", answer)]
    if scenario.closings and rng.random() < 0.65:
        ask, answer = rng.choice(scenario.closings)
        turns += [Turn("customer", ask)] + ([Turn("agent", answer)] if rng.random() < 0.7 else [])
    return turns[:8]


def live_script(scenario: Scenario, rng: random.Random, opening: str | None = None,
                answered: bool = True) -> list[Turn]:
    """A conversation waiting for the agent: it ends with the customer (1 turn, or 3 when already answered once)."""
    customer, reply, thread, _ = _opening(scenario, rng)
    if answered and reply and thread and rng.random() < 0.4:
        return [_first(customer, opening), Turn("agent", reply), Turn("customer", thread[0][0])]
    return [_first(customer, opening)]


def _customer_style(text: str, channel: str, mood: str, rng: random.Random, first: bool) -> str:
    if mood == "spam":
        return text
    if channel == "voice":
        return noise.transcript(text, rng)
    if mood == "angry" and rng.random() < 0.35:
        text = noise.shout(text, rng)
    if channel in ("chat", "social"):
        text = noise.typos(noise.casual(text, rng), rng, 0.05 if channel == "chat" else 0.07)
        text = noise.slang(text, rng, 0.5) if rng.random() < 0.35 else text
        text = noise.with_emoji(text, rng, mood) if rng.random() < 0.2 else text
    if channel == "social":
        text = noise.with_hashtag(text, rng, mood) if first and rng.random() < 0.3 else text
        return f"{vocab.BRAND_HANDLE} {text}" if first or rng.random() < 0.5 else text
    if channel == "email" and first:
        return _email(noise.typos(text, rng, 0.02), rng)
    return text


def _email(text: str, rng: random.Random) -> str:
    hello = "" if SAYS_HELLO.match(text) else rng.choice(("Hi,", "Hello,", "Dear Brightwave,", "Hi there,")) + "\n\n"
    signature = "\n{name}\n{phone}" if rng.random() < 0.3 else "\n{first}"
    return f"{hello}{text}\n\n{rng.choice(('Thanks', 'Regards', 'Cheers', 'Best'))},{signature}"


def _agent_style(text: str, channel: str, rng: random.Random, handle: str) -> str:
    if channel == "voice":
        return noise.transcript(text, rng, 0.03)
    if channel == "social":
        return f"{handle or ''} {text} ^{{agent_initial}}".strip()
    if channel == "email":
        body = GREETING.sub("", text, count=1)
        return f"Hi {{first}},\n\n{body[:1].upper()}{body[1:]}\n\nBest regards,\n{{agent_name}}\nBrightwave Home Support"
    return text


def styled(turns: list[Turn], channel: str, mood: str, rng: random.Random, handle: str) -> list[Turn]:
    """Each turn written the way it would arrive on this channel (voice calls open with the agent's greeting)."""
    result, first = [], True
    for turn in turns:
        if turn.role == "customer" and turn.verbatim:
            result.append(turn)
            first = False
        elif turn.role == "customer":
            result.append(Turn("customer", _customer_style(turn.text, channel, mood, rng, first)))
            first = False
        elif turn.role == "agent":
            result.append(Turn("agent", _agent_style(turn.text, channel, rng, handle)))
        else:
            result.append(turn)
    if channel == "voice":
        result.insert(0, Turn("agent", VOICE_HELLO))
    return result[:8] if len(turns) > 1 else result


def fill(template: str, slots: dict[str, str]) -> str:
    """Replace {name} by slots[name]; unknown names are left as written."""
    return SLOT.sub(lambda m: slots.get(m.group(1), m.group(0)), template)
