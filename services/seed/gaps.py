"""Conversations the help centre does not answer: two topics customers keep asking about that no article covers, so
the knowledge base's Gaps tab has something real to show on first start (issue 17 item 4).

Written by us for the demo, messy like real traffic (typos, e-mail greetings, @handles, several questions at once).
Each is answered by an agent whose replies carry the facts an editor would put in an article (the drafter quotes
them); some were escalated because the agent had nothing to point to. They use their own random stream, so adding
them leaves every other seeded row as it was.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from services.clock import to_iso
from services.models import Conversation
from services.seed.conversations import Planned, World
from services.seed.slots import AGENTS

GAP_SEED = 17_004
# (channel, opening question) — {first} is the customer's first name
WALL_MOUNT_QUESTIONS = (
    ("chat", "do you offer a TV wall mounting service? just bought the Vistra TV Wall Mount and I'm useless with a drill"),
    ("email", "Hi,\n\nDoes someone from Brightwave come and mount the TV on the wall or do I need to find my own "
              "installer?\n\nThanks,\n{first}"),
    ("social", "@BrightwaveHelp can u guys put my tv on the wall?? got the vistra mount but no idea how to fit it"),
    ("chat", "hi is there an instalation service for wall mounting a 55 inch tv"),
    ("chat", "how much do you charge to wall mount a TV? and do you take the old bracket away"),
    ("email", "Hello,\n\nI'd like to book someone to fit my TV wall bracket. Is that something you do and how "
              "much is it?\n\nKind regards,\n{first}"),
    ("voice", "yeah hi, I wanted to ask if you do TV mounting, like someone comes out and puts it on the wall"),
    ("chat", "can your fitter mount my tv on a plasterboard wall or only brick?"),
    ("social", "@BrightwaveHelp do you do tv wall mounting or nah 😅"),
)
WALL_MOUNT_REPLIES = (
    "Hi {first}, yes we do! Our installation partner mounts TVs up to 65 inches on the wall for £79, including "
    "fitting the bracket and tidying the cables. You can add wall mounting at checkout under Delivery options, or "
    "book it afterwards from Your orders by choosing Add a service. Bookings open 48 hours after delivery and the "
    "fitter arrives in a two-hour slot you pick.",
    "Thanks for asking, {first}. Wall mounting is £79 for TVs up to 65 inches and the fitter brings the tools. "
    "Go to Your orders, choose the TV or the Vistra mount and select Add a service to book a slot. "
    "The fitter needs a solid or brick wall; plasterboard walls need the Vistra heavy-duty fixings kit, which the "
    "fitter can bring for £12. If the fitter finds the wall unsuitable, the visit is free and we refund the fee.",
    "Hi {first}, we can do that. The service costs £79 and covers one TV up to 65 inches on one of our brackets "
    "or your own. The fitter takes the old bracket and all the packaging away at no extra cost. "
    "If you need to move the booking, reply to the confirmation e-mail at least 24 hours before the slot.",
)
DELIVERY_SLOT_QUESTIONS = (
    ("chat", "can I pick a delivery time slot? I work 9 to 5 and nobody's home"),
    ("email", "Hi there,\n\nis saturday delivery possible? weekdays are impossible for me\n\nCheers,\n{first}"),
    ("social", "@BrightwaveHelp do you deliver on sundays or evenings?? need a slot after 6pm"),
    ("chat", "is there an option for an evening delivery slot"),
    ("chat", "can i choose what time the delivery comes? last time i waited in all day"),
)
DELIVERY_SLOT_REPLIES = (
    "Hi {first}, you can choose a two-hour delivery slot at checkout, including evenings until 9pm. "
    "Saturday delivery is available for £5.95 and Sunday delivery in most of our delivery areas for £7.95. "
    "If you have already ordered, open Your orders and choose Change delivery slot up to 6pm the day before.",
    "Thanks {first}! Evening slots run from 6pm to 9pm on weekdays. "
    "Open Your orders and choose Change delivery slot to move it, free of charge, up to 6pm the day before. "
    "If no slot suits you, the driver can leave the parcel with a neighbour you name in the delivery notes.",
)
TOPICS = ((WALL_MOUNT_QUESTIONS, WALL_MOUNT_REPLIES, "Installation question", (0, 9)),
          (DELIVERY_SLOT_QUESTIONS, DELIVERY_SLOT_REPLIES, "Delivery slot question", (2, 20)))
CLOSINGS = ("great thanks!", "ok perfect, thank you", "cool cheers", "thanks, that's what I needed")
ESCALATION_NOTE = "Escalated to Priya Shah (supervisor): no help-centre article on this, customer wants an answer."


def gap_conversations(world: World, now: datetime) -> list[Planned]:
    """The gap topics' conversations, resolved (a few escalated first), in the weeks before ``now``."""
    rng = random.Random(GAP_SEED)
    customers = sorted(world.profiles)
    planned = []
    for questions, replies, subject, (youngest, oldest) in TOPICS:
        for n, (channel, question) in enumerate(questions):
            pool = [c for c in (sorted(world.with_handle) if channel == "social" else customers)
                    if world.book.by_customer.get(c)]
            profile = world.profiles[rng.choice(pool)]
            start = (now - timedelta(days=rng.randint(youngest, oldest), hours=rng.randint(1, 10),
                                     minutes=rng.randint(0, 59)))
            # what the conversation is about, as every seeded one records: the newest order placed before it
            orders = world.book.by_customer[profile.customer.id]
            placed = [o for o in orders if o.placed_at <= to_iso(start)] or orders
            order = max(placed, key=lambda o: o.placed_at)
            planned.append(_conversation(rng, profile.customer.id, profile.customer.name, channel, question,
                                         replies[n % len(replies)], subject, start, escalated=n % 3 == 1,
                                         order_number=order.number))
    return planned


def _conversation(rng: random.Random, customer_id: int, name: str, channel: str, question: str, reply: str,
                  subject: str, start: datetime, escalated: bool, order_number: str) -> Planned:
    first = name.split()[0]
    username = rng.choice(AGENTS)[0]
    at = [start + timedelta(minutes=m) for m in (0, rng.randint(2, 30), rng.randint(31, 60), rng.randint(61, 70))]
    messages = [("customer", name, question.format(first=first), to_iso(at[0]))]
    escalation = None
    if escalated:
        messages.append(("note", username, ESCALATION_NOTE, to_iso(at[1] - timedelta(minutes=1))))
        escalation = (("no_kb_answer",), 0.7, username, ESCALATION_NOTE, to_iso(at[1] - timedelta(minutes=1)))
    messages += [("agent", username, reply.format(first=first), to_iso(at[1])),
                 ("customer", name, rng.choice(CLOSINGS), to_iso(at[2]))]
    conversation = Conversation(0, customer_id, channel, "resolved", subject, messages[0][3], messages[-1][3],
                                username, "general", "escalated" if escalated else "info_provided",
                                rng.choice((4, 5, None)), order_number)
    return Planned(conversation, messages, escalation)
