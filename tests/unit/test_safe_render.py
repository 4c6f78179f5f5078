"""Customer text is shown exactly as typed (the e2e tests check what the browser finally shows)."""

from __future__ import annotations

import html
import re

import pytest

from components.safe import literal_html, literal_markdown

HOSTILE = ["**bold**", "<script>alert(1)</script>", ":red[alarm]", "# heading", "[link](http://x)", "`code`",
           "$x^2$", "> quote", "1. list", ":material/home:", ":material/warning:", ":smile:",
           "see https://evil.example/pay now", "www.example.com", "mail me: dana@example.com",
           "![img](http://x/y.png)", '<img src="http://x/y.png" onerror="alert(1)">', "a\n\nb  c\td"]


@pytest.mark.parametrize("text", ["**bold**", "<script>alert(1)</script>", ":red[alarm]", "# heading", "[link](http://x)",
                                  "`code`", "$x^2$", "> quote", "1. list"])
def test_our_own_labels_escape_every_markdown_or_html_construct(text):
    escaped = literal_markdown(text)
    assert "<" not in escaped and ">" not in escaped
    unescaped_specials = re.findall(r"(?<!\\)[*_`\[\]:#$]", escaped)
    assert unescaped_specials == []


@pytest.mark.parametrize("text", HOSTILE)
def test_defect_13_6_customer_text_is_fully_literal(text):
    """Icons, emoji codes, bare URLs and e-mail addresses survive markdown escaping, so customer text goes out as
    escaped HTML: one element, no tag or attribute of the customer's, the exact characters once unescaped."""
    block = literal_html(text)
    inner = re.fullmatch(r'<div class="fl-literal" style="[^"<>]*">(.*)</div>', block, flags=re.S)
    assert inner is not None
    assert "<" not in inner.group(1) and ">" not in inner.group(1)
    assert html.unescape(inner.group(1)) == text


def test_plain_words_and_newlines_survive():
    assert literal_markdown("hello there\nsecond line") == "hello there  \nsecond line"
    assert "white-space:pre-wrap" in literal_html("a\nb")
