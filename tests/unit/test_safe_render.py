"""Customer text is escaped for st.markdown (the e2e test checks what the browser finally shows)."""

from __future__ import annotations

import re

import pytest

from components.safe import literal_markdown


@pytest.mark.parametrize("text", ["**bold**", "<script>alert(1)</script>", ":red[alarm]", "# heading", "[link](http://x)",
                                  "`code`", "$x^2$", "> quote", "1. list", ":material/home:"])
def test_every_markdown_or_html_construct_is_escaped(text):
    escaped = literal_markdown(text)
    assert "<" not in escaped and ">" not in escaped
    unescaped_specials = re.findall(r"(?<!\\)[*_`\[\]:#$]", escaped)
    assert unescaped_specials == []


def test_plain_words_and_newlines_survive():
    assert literal_markdown("hello there\nsecond line") == "hello there  \nsecond line"
