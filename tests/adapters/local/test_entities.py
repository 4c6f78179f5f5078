"""RuleEntityExtractor: formats, exact spans, currency amounts, products from a temporary catalogue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.adapters.local.entities import PRIORITY, RuleEntityExtractor
from services.config import Settings
from services.errors import ConfigError

TODAY = date(2025, 3, 12)  # a Wednesday
CATALOG = """products:
  - {sku: "BW-SKU-0001", name: "AeroBlend 900 Blender", category: "Kitchen", price: 89.99}
  - {sku: "BW-SKU-0002", name: "AeroBlend Mini Personal Blender", category: "Kitchen", price: 39.99}
  - {sku: "BW-SKU-0034", name: "Sweepo S7 Robot Vacuum", category: "Cleaning", price: 299.99}
  - {sku: "BW-SKU-0043", name: "Corvo Soundbar 2.1", category: "Audio & TV", price: 229.99}
"""


@pytest.fixture
def extractor(tmp_path: Path) -> RuleEntityExtractor:
    (tmp_path / "catalog.yaml").write_text(CATALOG, encoding="utf-8")
    return RuleEntityExtractor(Settings(data_dir=str(tmp_path)), today=TODAY)


def found(extractor: RuleEntityExtractor, text: str, kind: str) -> list[tuple[str, str]]:
    """(text, value) of each entity of a kind, checking that every span points at its text."""
    entities = extractor.extract(text)
    assert all(text[e.start:e.end] == e.text for e in entities)
    return [(e.text, e.value) for e in entities if e.kind == kind]


def test_order_numbers_in_every_spelling(extractor: RuleEntityExtractor) -> None:
    text = "BW-104233, bw 104234, Bw104235, order #104236, order no. 104237 and #104238"
    assert found(extractor, text, "order_number") == [
        ("BW-104233", "BW-104233"), ("bw 104234", "BW-104234"), ("Bw104235", "BW-104235"),
        ("#104236", "BW-104236"), ("104237", "BW-104237"), ("#104238", "BW-104238")]


def test_exact_spans(extractor: RuleEntityExtractor) -> None:
    entities = extractor.extract("Order BW-104233 via BWT123456789 cost $49.99")
    assert [(e.kind, e.start, e.end) for e in entities] == [
        ("order_number", 6, 15), ("tracking_number", 20, 32), ("amount", 38, 44)]


def test_tracking_number_is_not_an_order_number(extractor: RuleEntityExtractor) -> None:
    text = "tracking BWT 123456789 please"
    assert found(extractor, text, "tracking_number") == [("BWT 123456789", "BWT123456789")]
    assert found(extractor, text, "order_number") == []


@pytest.mark.parametrize(("text", "amount"), [
    ("I paid $49.99 twice", ("$49.99", "49.99 USD")),
    ("refund £1,299.00 please", ("£1,299.00", "1299.00 GBP")),
    ("it was €15,50 in the sale", ("€15,50", "15.50 EUR")),
    ("charged 49.99 USD", ("49.99 USD", "49.99 USD")),
    ("EUR 30 for shipping?!", ("EUR 30", "30.00 EUR")),
    ("only 20 bucks lol", ("20 bucks", "20.00 USD")),
    ("cost me 12 quid", ("12 quid", "12.00 GBP")),
])
def test_amounts_with_currency(extractor: RuleEntityExtractor, text: str, amount: tuple[str, str]) -> None:
    assert found(extractor, text, "amount") == [amount]


def test_number_without_currency_is_not_an_amount(extractor: RuleEntityExtractor) -> None:
    assert found(extractor, "I have 2 kettles and firmware 3.14", "amount") == []


@pytest.mark.parametrize(("text", "date_entity"), [
    ("ordered on 2025-03-01 ok", ("2025-03-01", "2025-03-01")),
    ("delivered 12/03 apparently", ("12/03", "2025-03-12")),
    ("delivered 03/25/2024 apparently", ("03/25/2024", "2024-03-25")),
    ("came on the 3rd of March", ("3rd of March", "2025-03-03")),
    ("since March 5th, 2024", ("March 5th, 2024", "2024-03-05")),
    ("it arrived yesterday", ("yesterday", "2025-03-11")),
    ("I called last week", ("last week", "2025-03-05")),
    ("ordered last friday", ("last friday", "2025-03-07")),
    ("deliver next Monday pls", ("next Monday", "2025-03-17")),
    ("sent 5 days ago", ("5 days ago", "2025-03-07")),
    ("can it come on Friday", ("Friday", "Friday")),
])
def test_dates(extractor: RuleEntityExtractor, text: str, date_entity: tuple[str, str]) -> None:
    assert found(extractor, text, "date") == [date_entity]


def test_around_the_clock_is_not_a_date(extractor: RuleEntityExtractor) -> None:
    assert found(extractor, "is support 24/7?", "date") == []


def test_contacts_links_and_handles(extractor: RuleEntityExtractor) -> None:
    text = ("mail Jo.Smith@example.com or call +44 20 7946 0958 / 07700 900123, "
            "see https://brightwave.example/returns. @BrightwaveHome")
    assert found(extractor, text, "email") == [("Jo.Smith@example.com", "jo.smith@example.com")]
    assert found(extractor, text, "phone") == [("+44 20 7946 0958", "+442079460958"), ("07700 900123", "07700900123")]
    assert found(extractor, text, "url") == [("https://brightwave.example/returns", "https://brightwave.example/returns")]
    assert found(extractor, text, "handle") == [("@BrightwaveHome", "@brightwavehome")]


def test_email_domain_is_not_a_handle(extractor: RuleEntityExtractor) -> None:
    assert found(extractor, "write to help@brightwave.com", "handle") == []


def test_products_full_partial_and_ambiguous(extractor: RuleEntityExtractor) -> None:
    text = "my aeroblend mini died, the SWEEPO s7 too, also the aero-blend, and the Corvo Soundbar 2.1"
    assert found(extractor, text, "product") == [
        ("aeroblend mini", "AeroBlend Mini Personal Blender"), ("SWEEPO s7", "Sweepo S7 Robot Vacuum"),
        ("aero-blend", "AeroBlend"), ("Corvo Soundbar 2.1", "Corvo Soundbar 2.1")]


def test_without_a_catalogue_there_are_no_products(tmp_path: Path) -> None:
    extractor = RuleEntityExtractor(Settings(data_dir=str(tmp_path)))
    assert found(extractor, "my AeroBlend 900 Blender broke, order BW-104233", "product") == []
    assert found(extractor, "my AeroBlend 900 Blender broke, order BW-104233", "order_number") != []


def test_malformed_catalogue_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "catalog.yaml").write_text("products: {oops", encoding="utf-8")
    with pytest.raises(ConfigError, match="catalog.yaml"):
        RuleEntityExtractor(Settings(data_dir=str(tmp_path)))


def test_100_kb_text(extractor: RuleEntityExtractor) -> None:
    text = ("Order BW-104233 cost $49.99 on 12/03, mail jo@example.com. " * 1700)[:100_000]
    assert len(found(extractor, text, "order_number")) == text.count("BW-104233") > 1600


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_consistent_non_overlapping_spans(text: str) -> None:
    entities = RuleEntityExtractor(Settings(), today=TODAY).extract(text)
    assert all(text[e.start:e.end] == e.text and e.kind in PRIORITY for e in entities)
    assert all(a.end <= b.start for a, b in zip(entities, entities[1:], strict=False))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["BW-104233", "$49.99", "12/03", "jo@x.io", "@bw", "Corvo", " ", "é", "🙄", "#", "1"]),
                max_size=12).map("".join))
def test_entity_like_fragments_never_crash(text: str) -> None:
    entities = RuleEntityExtractor(Settings(), today=TODAY).extract(text)
    assert all(text[e.start:e.end] == e.text for e in entities)
