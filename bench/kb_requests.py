"""KB hits that answer the message's request: one JSON line.

    .venv/bin/python bench/kb_requests.py

Our help-centre articles (data/kb, as the demo seeds them) searched the way the assist pipeline searches them, for
two sets of customer messages we wrote: ``plain`` (bench/kb_eval.py's 30 queries, one topic each) and ``cross``
(below: 20 messages that name one of our products but ask about something else — a refund, a delivery, a charge, a
warranty — where the product's own troubleshooting article used to win). For each: recall@1 and recall@3 of the
shown hits (KB_SHOWN, at or above KB_MIN_SCORE) in the search's own order and as ``services.assist.for_request``
orders them with the default intent model's reading of the message.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb_eval import KB_QUERIES  # noqa: E402

from services import assist  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402
from services.grounding import relevant_hits  # noqa: E402
from services.seed import seed_demo  # noqa: E402

CROSS = [
    ("I returned the HaloCam Indoor Camera but only got part of my money back??", "refund-timing returns-policy"),
    ("can i get a refund instead of a replacement for the HaloCam Indoor Camera",
     "returns-policy how-to-return-an-item refund-timing exchanges"),
    ("the lumio bulbs were a gift, can I send them back unopened?", "how-to-return-an-item returns-policy"),
    ("want to return the sweepo robot vacuum, too loud for my flat", "how-to-return-an-item returns-policy"),
    ("when do i get my money back for the corvo buds i sent back", "refund-timing"),
    ("where is my HaloBell doorbell order? tracking hasnt moved", "delayed-or-missing-delivery tracking-your-order"),
    ("my brewmate espresso machine says delivered but its not here", "delivered-but-not-received"),
    ("charged twice for the air fryer order??", "double-charge-or-pending-authorisation"),
    ("can I pay for the Thermia thermostat with klarna", "buy-now-pay-later payment-methods"),
    ("need a VAT invoice for the plugwise smart plugs", "invoices-and-vat-receipts"),
    ("my latchly smart lock broke after 7 months, is that covered by warranty",
     "warranty-coverage making-a-warranty-claim"),
    ("the orra hub arrived with a cracked case", "damaged-or-faulty-items"),
    ("ordered the lumio bulbs and got plugwise plugs instead", "wrong-item-received"),
    ("can I still cancel the sweepo order? placed it 20 mins ago", "cancel-an-order modify-an-order"),
    ("do you ship the brewmate espresso machine to ireland", "international-shipping shipping-times-and-costs"),
    ("saw the HaloCam outdoor cheaper elsewhere, do you price match", "price-match-promise"),
    ("exchange my corvo buds for the black ones?", "exchanges"),
    ("when is the crispwave air fryer back in stock, can I preorder", "pre-orders-and-backorders"),
    ("my halocam app login code never arrives", "two-factor-authentication reset-your-password"),
    ("the thermia thermostat was damaged in the box, want a refund",
     "damaged-or-faulty-items returns-policy how-to-return-an-item"),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Settings(db_path=f"{folder}/f.db", data_key_file=f"{folder}/keys"))
        seed_demo(services)
        assist.ensure_kb_index(services)
        with services.uow() as uow:
            slug = {a.id: a.slug for a in uow.articles.all()}
        line: dict[str, object] = {}
        for name, queries in (("plain", KB_QUERIES), ("cross", CROSS)):
            tally = {"search": [0, 0], "for_request": [0, 0]}
            for query, wanted in queries:
                want = set(wanted.split())
                hits = relevant_hits(services.search.search(query, assist.KB_CANDIDATES))
                intent = services.intent.classify(query)
                for way, shown in (("search", hits[:assist.KB_SHOWN]),
                                   ("for_request", assist.for_request(services, query, intent, hits))):
                    got = [slug[h.article_id] for h in shown]
                    tally[way][0] += bool(got) and got[0] in want
                    tally[way][1] += any(g in want for g in got)
            for way, (at1, at3) in tally.items():
                line[f"{name}_{way}_recall_at_1"] = round(at1 / len(queries), 3)
                line[f"{name}_{way}_recall_at_3"] = round(at3 / len(queries), 3)
            line[f"{name}_n"] = len(queries)
    print(json.dumps(line))


if __name__ == "__main__":
    main()
