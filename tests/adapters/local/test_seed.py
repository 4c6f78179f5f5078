"""The Brightwave Home demo seed, on a real temporary SQLite file."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from services import auth
from services.bootstrap import build_services
from services.cli import main
from services.clock import parse_iso
from services.config import PROJECT_ROOT, Settings
from services.errors import InvalidInput, PermissionDenied
from services.privacy import luhn_valid
from services.seed import DEMO_USERS, anchor_moment, seed_demo
from tests.conftest import copy_sqlite
from tests.repos import repos

ANCHOR = "2026-03-16"
DIGIT_RUN = re.compile(r"\d(?:[ -]?\d){12,18}")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """One seeded database shared by the read-only tests of this module: (services, seed report). A copy of it as
    seeded is kept beside it as pristine.db (for a test that changes its own copy)."""
    services = build_services(Settings(db_path=str(tmp_path_factory.mktemp("seed") / "frontline.db")))
    report = seed_demo(services, ANCHOR)
    copy_sqlite(services.settings.database_file, services.settings.database_file.with_name("pristine.db"))
    return services, report


@pytest.fixture(scope="module")
def threads(seeded):
    """Every conversation with its messages."""
    store = repos(seeded[0])
    return [(c, store.conversations.messages_for(c.id)) for c in store.conversations.all()]


def test_counts_are_in_the_expected_ranges(seeded):
    counts = seeded[1]["counts"]
    assert counts["users"] == len(DEMO_USERS) == 5
    assert 180 <= counts["customers"] <= 220
    assert 900 <= counts["orders"] <= 1100
    assert 300 <= counts["conversations"] <= 360
    assert 3 * counts["conversations"] <= counts["messages"] <= 8 * counts["conversations"]
    assert counts["escalations"] > 0
    assert counts["kb_articles"] >= 43


def test_report_names_the_database_and_the_demo_passwords(seeded):
    services, report = seeded
    assert report["db"] == str(services.settings.database_file)
    assert {(u["username"], u["password"]) for u in report["users"]} == {(u.username, u.password) for u in DEMO_USERS}
    assert isinstance(report["seconds"], float) and report["seconds"] > 0  # how long is a benchmark's figure, not a test's


def test_same_anchor_gives_the_same_rows_and_another_anchor_does_not(seeded, services):
    again = seed_demo(services, ANCHOR)
    assert (again["counts"], again["content_hash"]) == (seeded[1]["counts"], seeded[1]["content_hash"])
    assert seed_demo(services, "2026-03-17", force=True)["content_hash"] != seeded[1]["content_hash"]


def test_seeding_twice_in_one_database_replaces_the_rows(seeded, tmp_path):
    """Seeded again with force over a copy of the module's seeded database: the same rows as the first seed, none
    left over from it."""
    copy = copy_sqlite(seeded[0].settings.database_file.with_name("pristine.db"), tmp_path / "frontline.db")
    services = build_services(Settings(db_path=str(copy)))
    assert services.store.content_hash() == seeded[1]["content_hash"]  # the copy holds the first seed's rows
    second = seed_demo(services, ANCHOR, force=True)
    assert second["counts"] == seeded[1]["counts"]
    assert second["content_hash"] == seeded[1]["content_hash"]


def test_every_demo_user_signs_in_with_its_password(seeded):
    services = seeded[0]
    for user in DEMO_USERS:
        signed_in = auth.sign_in(services, user.username, user.password)
        assert (signed_in.display_name, signed_in.role) == (user.display_name, user.role)
        with pytest.raises(PermissionDenied):
            auth.sign_in(services, user.username, user.password + "x")


def test_masked_text_hides_customer_contact_details_and_cards(seeded, threads):
    customers = {c.id: c for c in repos(seeded[0]).customers.all()}
    masked = "\n".join(m.masked_text for _, messages in threads for m in messages)
    for conversation, messages in threads:
        customer = customers[conversation.customer_id]
        for message in messages:
            assert customer.email not in message.masked_text
            assert customer.phone not in message.masked_text
            assert not re.search(rf"\b{re.escape(customer.name.split()[-1])}\b", message.masked_text, re.IGNORECASE)
    assert not [run for run in DIGIT_RUN.findall(masked) if luhn_valid(re.sub(r"\D", "", run))]
    assert all(tag in masked for tag in ("[EMAIL]", "[PHONE]", "[CARD •••• ", "[ADDRESS]", "[PERSON]"))


def test_order_and_tracking_numbers_have_the_documented_formats(seeded):
    store = repos(seeded[0])
    orders = [o for c in store.customers.all() for o in store.customers.orders_for(c.id)]
    assert all(re.fullmatch(r"BW-\d{6}", o.number) for o in orders)
    assert len({o.number for o in orders}) == len(orders)
    shipped = [o for o in orders if o.status not in ("processing", "cancelled")]
    assert all(re.fullmatch(r"BWT\d{9}", o.tracking_number) for o in shipped)
    assert all(o.tracking_number == "" for o in orders if o not in shipped)
    assert {"processing", "shipped", "in_transit", "delivered", "delayed", "returned", "refunded",
            "cancelled"} <= {o.status for o in orders}


def test_agent_finds_recent_customer_messages_waiting(seeded, threads):
    now = anchor_moment(ANCHOR)
    waiting = [(c, m) for c, m in threads if c.status in ("open", "pending") and c.assigned_agent == "agent"]
    assert len(waiting) >= 10
    for _, messages in waiting:
        assert messages[-1].author_role == "customer"
        assert now - timedelta(hours=4) <= parse_iso(messages[-1].created_at) <= now
    texts = [m.text for _, messages in waiting for m in messages]
    assert any("<script>alert(1)</script>" in t and "**bold**" in t for t in texts)
    assert any("MANAGER" in t for t in texts)
    customers = {c.id: c for c in repos(seeded[0]).customers.all()}
    assert any(customers[c.customer_id].tier == "vip" for c, _ in waiting)


def test_history_covers_ninety_days_on_every_channel(threads):
    now = anchor_moment(ANCHOR)
    past = [(c, m) for c, m in threads if c.status == "resolved"]
    assert {c.channel for c, _ in past} == {"chat", "email", "social", "voice"}
    assert min(parse_iso(c.created_at) for c, _ in past) >= now - timedelta(days=91)
    assert max(parse_iso(c.updated_at) for c, _ in past) < now
    assert all(2 <= sum(m.author_role in ("customer", "agent") for m in msgs) <= 8 or c.resolution == "spam"
               for c, msgs in past)
    assert all(c.resolution for c, _ in past)
    rated = sum(c.csat is not None for c, _ in past) / len(past)
    assert 0.45 <= rated <= 0.75


def test_social_messages_carry_handles(threads):
    social = [m.text for c, msgs in threads if c.channel == "social" for m in msgs if m.author_role == "customer"]
    assert sum(t.startswith("@BrightwaveHelp") for t in social) >= len(social) // 2


def test_articles_load_with_titles_and_drafts_wait_for_review(seeded):
    store = repos(seeded[0])
    approved, in_review = store.articles.all("approved"), store.articles.all("in_review")
    assert {a.slug for a in approved} == {p.stem for p in (PROJECT_ROOT / "data" / "kb").glob("*.md")}
    assert all(a.title and a.category and not a.body.startswith("---") for a in approved)
    assert all(120 <= len(a.body.split()) <= 400 for a in approved)
    assert len(in_review) == 3


def test_a_malformed_anchor_is_invalid_input(services):
    with pytest.raises(InvalidInput, match="anchor"):
        seed_demo(services, "24/11/2026")


def test_cli_if_missing_leaves_a_seeded_database_alone(seeded, monkeypatch, capsys):
    services, report = seeded
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(services.settings.database_file))
    assert main(["seed", "--if-missing"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["skipped"] is True
    assert printed["counts"]["customers"] == report["counts"]["customers"]
    assert services.store.content_hash() == report["content_hash"]
