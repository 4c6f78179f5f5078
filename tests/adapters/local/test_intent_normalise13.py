"""Session 13: the shared normalisation reads HTML entities and hashtags the way a person does, in bounded time."""

from __future__ import annotations

import time

from services.adapters.local import intent_features as fx


def test_html_entities_are_unescaped_once_in_both_views():
    assert fx.normalize("bill &amp; refund &gt;:(") == "bill & refund >:("
    assert fx.for_embedding("Bill &amp; refund") == "Bill & refund"
    # one pass only: a doubly escaped entity keeps one level, as the sender's client wrote it
    assert fx.normalize("a &amp;amp; b") == "a &amp; b"


def test_camelcase_hashtags_become_words_and_names_stay_whole():
    assert fx.normalize("#BadService again") == "bad service again"
    assert fx.for_embedding("so slow #CustomerService") == "so slow Customer Service"
    assert fx.clean("#NYCMarathon").split() == ["NYC", "Marathon"]
    assert fx.clean("#customer_service").split() == ["customer", "service"]
    assert fx.clean("#iPhone battery").split() == ["iPhone", "battery"]  # lower then capital: a product name


def test_lower_case_hashtags_are_cut_into_known_words():
    assert fx.clean("#customerservice").split() == ["customer", "service"]
    assert fx.clean("#neveragain").split() == ["never", "again"]
    assert fx.normalize("#applesupport help") == "apple support help"
    # a tag that cannot be cut into listed words only loses its '#'
    assert fx.clean("#qzxv").split() == ["qzxv"]


def test_what_is_not_a_hashtag_is_left_alone():
    assert fx.normalize("order #12345 late") == "order #0 late"
    assert fx.clean("c#sharp and f#") == "c#sharp and f#"
    assert fx.clean("no tags here") == "no tags here"


def test_long_and_hostile_input_stays_linear_and_bounded():
    tag = "ab" * 5000  # one 10,000-letter tag: longer than the segmenter's cap, only the '#' goes
    assert fx.clean("#" + tag).strip() == tag

    def cost(n: int) -> float:
        text = " ".join(f"#{'customerservice'[:(i % 15) + 1]}x{i % 997:03d}q" for i in range(n)) \
            + " &amp;" * n + " #" * n + "#a" * n
        start = time.perf_counter()
        fx.segment_word.cache_clear()
        fx.normalize(text)
        fx.for_embedding(text)
        return time.perf_counter() - start

    cost(200)  # warm the word list
    small, large = min(cost(2_000) for _ in range(2)), min(cost(20_000) for _ in range(2))
    assert large < 1.5, large  # 20,000 tags, entities and stray '#'s well under a second and a half
    assert large < 25 * small, (small, large)  # ten times the input, nowhere near a hundred times the time
    # every lower-case run the segmenter reads is capped, so the worst tag costs a bounded number of look-ups
    worst = "a" * fx.SEGMENT_MAX_TAG
    start = time.perf_counter()
    for _ in range(200):
        fx.segment_word.cache_clear()
        fx.segment_word(worst)
    assert time.perf_counter() - start < 1.0


def test_the_word_list_is_part_of_the_default_models_cache_key(tmp_path, monkeypatch):
    from services.adapters.local import intent

    before = intent.examples_hash()
    words = tmp_path / "hashtag_words.txt"
    words.write_text(fx.HASHTAG_WORDS_FILE.read_text(encoding="utf-8") + "frontlinezz\n", encoding="utf-8")
    monkeypatch.setattr(fx, "HASHTAG_WORDS_FILE", words)
    assert intent.examples_hash() != before
