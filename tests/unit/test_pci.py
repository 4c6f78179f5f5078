"""Issue 13.5: card numbers, expiry dates and CVV codes are redacted at ingestion, for every role and everywhere:
the database file itself never holds them (real SQLite, fake models)."""

from __future__ import annotations

import re
import sqlite3

import pytest

from services import assist, conversations, escalations, inbox
from services.adapters.local.sqlite_uow import plain_row
from services.bootstrap import build_services
from services.models import Customer, User
from services.privacy import redact_payment_data
from tests.fakes import fake_pipeline
from tests.repos import repos

CARD, EXPIRY, CVV = "4539 1488 0343 6467", "09/28", "417"
SECRETS = ("4539", "1488", "0343", "4539148803436467", "09/28", "417")
AGENT = User(1, "agent", "Alex Rivera", "agent")
SUPERVISOR = User(2, "supervisor", "Priya Shah", "supervisor")
ADMIN = User(3, "admin", "Sam Okafor", "admin")


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    for user in (AGENT, SUPERVISOR, ADMIN):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    return services


def _database_text(svc) -> str:
    """Every value of every row of every table, as the file holds them, the encrypted fields decrypted (a card
    number must not be stored at all, encrypted or not)."""
    conn = sqlite3.connect(svc.settings.database_file)
    conn.row_factory = sqlite3.Row
    codec = svc.get("store").codec
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(value) for table in tables for row in conn.execute(f"SELECT * FROM {table}")
                         for value in plain_row(codec, table, row).values())
    finally:
        conn.close()


def _leaks(text: str) -> list[str]:
    """The secrets found as numbers of their own: "417" inside a random counter value (123417890), a confidence
    (0.417) or a timestamp's milliseconds is not the CVV (the bare substring check failed once on the merged main:
    migration 7 added one more randomly seeded counter), nor "417" inside a hex digest or base64 token of the audit
    chain or a keyed hash ("…f417c…": the whole suite failed once on it, one run in many)."""
    return [secret for secret in SECRETS if re.search(rf"(?<![\w.+/]){re.escape(secret)}(?![\w+/])", text)]


def test_pci_card_number_expiry_and_cvv_are_never_stored_or_shown_to_any_role(svc):
    text = f"charged twice!! my card is {CARD} exp {EXPIRY} cvv {CVV}, please refund"
    conversation, message, analysis = inbox.start_conversation(
        svc, 1, "email", f"Card {CARD} charged twice", text, "agent")
    inbox.receive_customer_message(svc, conversation.id, f"again: {CARD.replace(' ', '')} {EXPIRY} {CVV}")
    conversations.send_reply(svc, AGENT, conversation.id, f"Thanks, I see the card {CARD}, expiry {EXPIRY}.")
    conversations.add_note(svc, AGENT, conversation.id, f"customer sent card {CARD} with security code {CVV}")

    assert _leaks(_database_text(svc)) == []
    assert "[CARD •••• 6467]" in message.text and "[CARD •••• 6467]" in message.masked_text
    assert "[EXPIRY]" in message.text and "[CVV]" in message.text
    assert _leaks(repr(analysis)) == []
    # Each role as the workflow lets it see the conversation: the assigned agent and an admin from the queue, a
    # supervisor once it is escalated (an agent's conversation is not theirs to open before).
    for user in (AGENT, ADMIN):
        view = conversations.open_conversation(svc, user, conversation.id)
        assert _leaks(repr(view)) == [], user.role
        assert _leaks(repr(conversations.agent_queue(svc, user))) == [], user.role
    conversations.escalate(svc, AGENT, conversation.id, f"card {CARD} exp {EXPIRY} cvv {CVV} charged twice")
    assert _leaks(_database_text(svc)) == []
    for user in (SUPERVISOR, ADMIN):
        view = conversations.open_conversation(svc, user, conversation.id)
        assert len(view.messages) == 4, user.role
        assert _leaks(repr(view)) == [], user.role
        assert _leaks(repr(escalations.inbox(svc, user))) == [], user.role
    assert _leaks(repr(conversations.assist_view(svc, ADMIN, conversation.id))) == []


def test_pci_defect_an_escalation_note_and_a_reply_subject_stored_the_card_number_raw(svc):
    conversation, _, _ = inbox.start_conversation(svc, 1, "email", "Refund", "charged twice, please refund", "agent")
    conversations.send_reply(svc, AGENT, conversation.id, "Looking into it.", subject=f"Re: card {CARD} {EXPIRY}")
    conversations.escalate(svc, AGENT, conversation.id, f"customer gave card {CARD} exp {EXPIRY} cvv {CVV}")
    assert _leaks(_database_text(svc)) == []
    [item] = escalations.inbox(svc, SUPERVISOR)
    assert "[CARD •••• 6467]" in item.note and "[EXPIRY]" in item.note


def test_pci_the_command_line_analysis_shows_only_the_last_four_digits(svc):
    analysis = assist.analysis_to_dict(assist.analyze_message(svc, f"card {CARD} exp {EXPIRY} cvc: {CVV}"))
    assert _leaks(repr(analysis)) == []
    assert analysis["masked_text"] == "card [CARD •••• 6467] exp [EXPIRY] cvc: [CVV]"


@pytest.mark.parametrize("text, redacted", [
    ("4242 4242 4242 4242 09/28 123", "[CARD •••• 4242] [EXPIRY] [CVV]"),
    ("card: 4242424242424242, 12/2027, 321", "card: [CARD •••• 4242], [EXPIRY], [CVV]"),
    ("4539-1488-0343-6467 exp 11/29 cvv 0042", "[CARD •••• 6467] exp [EXPIRY] cvv [CVV]"),
    ("my card number 1234 5678 9012 3456 is wrong", "my card number [CARD •••• 3456] is wrong"),  # no Luhn, cued
    ("the CVC is 987 and expiry date: 11/29", "the CVC is [CVV] and expiry date: [EXPIRY]"),
    ("valid thru 07/2030, security code 555", "valid thru [EXPIRY], security code [CVV]"),
    # session 40: a card typed in Arabic-Indic digits was stored raw (the Luhn check read only ASCII digits right)
    ("رقم البطاقة ٤٥٣٩ ١٤٨٨ ٠٣٤٣ ٦٤٦٧ شكرا", "رقم البطاقة [CARD •••• ٦٤٦٧] شكرا"),
])
def test_pci_card_data_is_redacted_in_the_ways_people_type_it(text, redacted):
    assert redact_payment_data(text) == redacted


@pytest.mark.parametrize("text", [
    "order BW-123456 placed 12/05 for $129", "call me on +44 7700 900123 or 020 7946 0958",
    "tracking BWT204918337 says 3 parcels", "card ending 4242 was charged twice", "IBAN GB82 WEST 1234 5698 7654 32",
])
def test_pci_order_numbers_dates_phones_and_last_four_digits_are_left_alone(text):
    assert redact_payment_data(text) == text


SAID_CALL = ("agent: can you confirm the long card number please\ncaller: yeah four five three nine one four eight "
             "eight\ncaller: sorry hang on it's fallen out of the case\ncaller: zero three four three six four six "
             "seven\nagent: and the three digits on the back\ncaller: four one seven")


def test_pci_defect_a_card_read_out_in_a_call_was_stored_raw(svc):
    """Session 29: ingestion redacted digit characters only, so a voice transcript kept a card read out in two pieces
    and its security code word for word (fails on ec28ab7: the stored text held "four five three nine …")."""
    conversation, message, analysis = inbox.start_conversation(svc, 1, "voice", "Call", SAID_CALL, "agent")
    stored = _database_text(svc)
    for said in ("four five three nine one four eight eight", "zero three four three six four six seven",
                 "four one seven"):
        assert said not in stored and said not in message.text and said not in repr(analysis)
    assert message.text.count("[CARD") == 2 and "[CARD •••• 6467]" in message.text and "[CVV]" in message.text
    assert "agent: and the three digits on the back" in message.text  # the words around stay


@pytest.mark.parametrize("text, redacted", [
    # read out in one run, the filler "the new one" before it left alone
    ("no use the new one four five three nine one four eight eight zero three four three six four six seven thanks",
     "no use the new one [CARD •••• 6467] thanks"),
    # typed in two messages' worth of pieces after the card was asked for
    ("Agent: Which card did you use?\nCustomer: 4539 1488\nCustomer: 0343 6467\nCustomer: sorry hit enter lol",
     "Agent: Which card did you use?\nCustomer: [CARD]\nCustomer: [CARD •••• 6467]\nCustomer: sorry hit enter lol"),
    # an Amex read out with its four-digit code on the front; "double" repeats a digit
    ("caller: amex three seven eight two, eight two two four six three, one double oh oh five\n"
     "agent: and the four digit code on the front\ncaller: five five two oh",
     "caller: amex [CARD •••• 0005]\nagent: and the four digit code on the front\ncaller: [CVV]"),
    # other languages
    ("cliente: tarjeta cuatro cinco tres nueve, uno cuatro ocho ocho, cero tres cuatro tres, seis cuatro seis siete",
     "cliente: tarjeta [CARD •••• 6467]"),
    ("müşteri: kartım bloke oldu temsilci: güvenlik kodu? müşteri: dört bir yedi",
     "müşteri: kartım bloke oldu temsilci: güvenlik kodu? müşteri: [CVV]"),
])
def test_pci_card_data_read_out_or_typed_in_pieces_is_redacted(text, redacted):
    assert redact_payment_data(text) == redacted


@pytest.mark.parametrize("text", [
    # a phone read out, an order number read out, the last digits of a card, a phone's country code and a year
    "my number is oh seven nine four six one two three four five six, order one two three four five six",
    "what are the last four digits of the card? caller: four four one two",
    "The CVV on my new card has rubbed off, can you send a new one? Card ends 0931.",
    "they asked my card number and CVV. The number who sent it was +34 600 118 227. Client since 2015.",
    # a card services line where the caller gives the social security number and the zip, each asked for
    "rep: credit card services\nrep: social security number\ncust: four one two, five five, eight eight one nine\n"
    "rep: and the zip\ncust: three oh three one eight",
    "credit note CN-00412 for $1,280, energy account GS-88203114, a payment of 312,40 € on my card",
    "um so the card um it was declined at the till um two times",
])
def test_pci_numbers_read_out_that_are_no_card_data_are_left_alone(text):
    assert redact_payment_data(text) == text


def test_pci_seeded_demo_messages_hold_no_card_number(tmp_path):
    from services.config import Settings
    from services.seed import seed_demo

    services = build_services(Settings(db_path=str(tmp_path / "demo.db")))
    seed_demo(services, "2026-03-16")
    texts = "\n".join(m.text for c in repos(services).conversations.all() for m in repos(services).conversations.messages_for(c.id))
    assert "[CARD •••• " in texts
    runs = re.findall(r"\d(?:[ -]?\d){12,18}", texts)
    assert [r for r in runs if redact_payment_data(r) != r] == []


def test_the_leak_check_finds_the_cvv_as_a_number_but_not_inside_an_audit_digest():
    """The check itself: a stored "cvv 417" is a leak; the audit chain's sha256 "…9f417c0…" is not (the old check
    reported it: the whole suite failed once on a random digest)."""
    assert _leaks("customer gave cvv 417, exp 09/28") == ["09/28", "417"]
    assert _leaks("prev_hash 3b9f417c0e2a hmac:ab417ff0") == []
