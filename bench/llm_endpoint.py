"""The OpenAI-compatible provider against a real llama.cpp server on loopback: one JSON line.

    python bench/llm_endpoint.py [--n 6] [--threads 1]

Starts xllamacpp's server with SmolLM2-135M-Instruct (requirements-llm.txt; tests/llama_server.py), then drafts --n
articles and asks for --n sets of reply suggestions, each from different sources written here, through the real
adapters (prompt, JSON schema, checks). Prints the wall time per call (p50/p95), how much of what the model wrote
survived the checks (sentences and replies kept / returned, and the share of calls that gave a usable answer rather
than ProviderUnavailable), the server's start time and the load average. A 135M model measures the protocol's cost
and the checks' strictness, not the quality a real deployment would get from a 7B+ model.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.adapters.local.pii import RegexPiiDetector  # noqa: E402
from services.adapters.openai_compat.client import ChatClient  # noqa: E402
from services.adapters.openai_compat.providers import OpenAIArticleDrafter, OpenAIReplyGenerator  # noqa: E402
from services.config import Settings  # noqa: E402
from services.errors import ProviderUnavailable  # noqa: E402
from services.models import DraftRequest, DraftSource  # noqa: E402
from tests.llama_server import MODEL_NAME, start_server  # noqa: E402
from tests.reply_contexts import from_facts  # noqa: E402

TOPICS = [
    ("Resetting the router", "How do I reset my router?",
     "Hold the reset button on the back of the router for 10 seconds until the light blinks."),
    ("Changing the delivery address", "Can I change where my parcel goes?",
     "You can change the delivery address in Your orders until the parcel is dispatched."),
    ("Kettle descaling", "My kettle has white marks inside, what do I do?",
     "Fill the kettle with water and a descaling tablet, boil it and rinse it twice."),
    ("Returning a blender", "How do I send back my blender?",
     "Print the returns label from Your orders and drop the parcel at any post office within 30 days."),
    ("Password reset email", "The password reset email never arrives.",
     "Check the spam folder, then ask for a new link; each link works for 60 minutes."),
    ("Smart plug pairing", "My smart plug will not pair with the app.",
     "Hold the plug's button for 5 seconds until it flashes blue, then add it again in the app."),
]
QUESTIONS = [
    ("Order Status", "where is my order? it has been a week"),
    ("Technical Support", "my router keeps dropping the wifi"),
    ("Refund/Return", "how do I return my blender?"),
    ("Account Management", "I cannot log in to my account"),
    ("Product Information", "is the kettle dishwasher safe?"),
    ("Billing Question", "why was I charged twice?"),
]


class Recording(ChatClient):
    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.answers: list[str] = []

    def complete(self, *args: object, **kwargs: object) -> str:
        answer = super().complete(*args, **kwargs)  # type: ignore[arg-type]
        self.answers.append(answer)
        return answer


def _written(answer: str, key: str) -> int:
    """Sentences (key "sections") or replies (key "replies") the model wrote, before the checks."""
    try:
        found = json.loads(answer)
    except ValueError:
        return 0
    if key == "sections":
        return sum(len(s.get("sentences") or []) for s in found.get("sections") or [] if isinstance(s, dict))
    return len(found.get("replies") or [])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2) if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=6)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    started = time.monotonic()
    server = start_server(Path(tempfile.mkdtemp(prefix="llm-bench-")), threads=args.threads)
    start_s = time.monotonic() - started
    try:
        settings = Settings(openai_base_url=server.base_url, openai_model=MODEL_NAME, openai_timeout_s=600,
                            openai_max_tokens=400)
        client = Recording(settings)
        drafter = OpenAIArticleDrafter(settings, RegexPiiDetector(), client=client)
        replier = OpenAIReplyGenerator(settings, RegexPiiDetector(), client=client)
        draft_s, reply_s = [], []
        drafts_ok = replies_ok = kept_sentences = written_sentences = kept_replies = written_replies = 0
        for i in range(args.n):
            topic, question, reply = TOPICS[i % len(TOPICS)]
            request = DraftRequest(topic, "en", (DraftSource("question", "question 1", question),
                                                 DraftSource("reply", "reply 1", reply)))
            t = time.monotonic()
            try:
                draft = drafter.draft(request)
                drafts_ok += 1
                kept_sentences += sum(len(s.sentences) for s in draft.sections)
            except ProviderUnavailable:
                pass
            draft_s.append(time.monotonic() - t)
            written_sentences += _written(client.answers[-1], "sections") if client.answers else 0
            intent, text = QUESTIONS[i % len(QUESTIONS)]
            facts = {"intent": intent, "masked_text": text, "kb": [
                {"article_id": i + 1, "title": topic, "snippet": reply, "score": 0.7}]}
            before = len(client.answers)
            t = time.monotonic()
            try:
                kept_replies += len(replier.suggest(from_facts(facts), k=2))
                replies_ok += 1
            except ProviderUnavailable:
                pass
            reply_s.append(time.monotonic() - t)
            written_replies += _written(client.answers[-1], "replies") if len(client.answers) > before else 0
    finally:
        server.stop()
    print(json.dumps({
        "model": MODEL_NAME, "threads": args.threads, "n": args.n, "server_start_s": round(start_s, 1),
        "draft_p50_s": _pct(draft_s, 0.5), "draft_p95_s": _pct(draft_s, 0.95),
        "drafts_usable": f"{drafts_ok}/{args.n}", "sentences_kept": f"{kept_sentences}/{written_sentences}",
        "reply_p50_s": _pct(reply_s, 0.5), "reply_p95_s": _pct(reply_s, 0.95),
        "replies_usable": f"{replies_ok}/{args.n}", "replies_kept": f"{kept_replies}/{written_replies}",
        "mean_call_s": round(statistics.mean(draft_s + reply_s), 2),
        "loadavg_start": load_start, "loadavg_end": os.getloadavg()[0],
    }))


if __name__ == "__main__":
    main()
