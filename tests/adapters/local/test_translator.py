"""The offline translator: the real apertium binary (Debian's apertium-eng-spa), English ↔ Spanish."""

from __future__ import annotations

import pytest

from services.adapters.local.translator import ApertiumTranslator
from services.errors import InvalidInput, ProviderUnavailable


def test_english_to_spanish_gives_the_gist(apertium):
    result = apertium.translate("My order has not arrived.", "en", "es")
    assert result.provider == "apertium" and (result.source, result.target) == ("en", "es")
    assert "no ha llegado" in result.text


def test_spanish_to_english_gives_the_gist(apertium):
    assert "has not arrived" in apertium.translate("Mi pedido no ha llegado.", "es", "en").text


def test_markdown_lines_and_outer_whitespace_survive(apertium):
    text = "# Returns\n\n- Pack the item\n- Print the label\n"
    result = apertium.translate(text, "en", "es").text
    assert result.startswith("# ") and result.endswith("\n") and result.count("\n- ") == 2


def test_unknown_words_are_kept_without_apertiums_star(apertium):
    assert "*" not in apertium.translate("Order BW-10234 for Zorblax", "en", "es").text


def test_the_offered_pairs_are_english_and_spanish(apertium):
    assert sorted(apertium.pairs()) == [("en", "es"), ("es", "en")]


def test_a_pair_it_lacks_says_it_needs_aws_translate(apertium):
    with pytest.raises(ProviderUnavailable, match="between English and French needs AWS Translate"):
        apertium.translate("Hello", "en", "fr")
    with pytest.raises(ProviderUnavailable, match="between German and Spanish needs AWS Translate"):
        apertium.translate("Hallo", "de", "es")


def test_a_missing_binary_says_what_to_install():
    translator = ApertiumTranslator(binary="apertium-not-installed-here")
    assert translator.pairs() == []
    with pytest.raises(ProviderUnavailable, match="apt-get install apertium apertium-eng-spa"):
        translator.translate("Hello", "en", "es")


def test_same_language_is_returned_as_is_without_the_binary():
    assert ApertiumTranslator(binary="apertium-not-installed-here").translate("Hola", "es", "es").text == "Hola"


def test_empty_or_oversized_text_is_refused(apertium):
    with pytest.raises(InvalidInput, match="empty"):
        apertium.translate("  \n", "en", "es")
    with pytest.raises(InvalidInput, match="too long"):
        ApertiumTranslator(max_chars=10).translate("x" * 11, "en", "es")


def test_a_slow_run_is_cut_at_the_timeout(apertium):
    slow = ApertiumTranslator(timeout_s=0.001)
    with pytest.raises(ProviderUnavailable, match="took longer than"):
        slow.translate("The parcel is on its way. " * 200, "en", "es")
