"""What a spoken reply says: markup, emoji and control characters dropped, long text cut at a sentence end, nothing
to say refused; and who may have a reply spoken."""

from __future__ import annotations

import pytest

from services import speech
from services.bootstrap import build_services
from services.config import Settings
from services.errors import InvalidInput, PermissionDenied
from services.models import User
from services.speech import speakable
from tests.fakes import FakeTextToSpeech


@pytest.mark.parametrize(("text", "said"), [
    ("Your refund of £20 is on its way.", "Your refund of £20 is on its way."),
    ("<speak>Hello <emphasis>Anna</emphasis>!</speak>", "Hello Anna!"),
    ("Thanks 🙏 for waiting 😊.", "Thanks for waiting."),
    ("&lt;break time=&quot;9s&quot;/&gt;Hi", "Hi"),
    ("Say [[ h ə l oʊ ]] this", "Say this"),
    ("tab\tand\x00null\u200bzero-width", "tab and null zero-width"),
])
def test_markup_emoji_and_control_characters_are_not_spoken(text, said):
    assert speakable(text, 600) == (said, False)


@pytest.mark.parametrize("text", ["", " \n ", "🎉🎉", "<p></p>", "[[ ]]", "***"])
def test_nothing_left_to_say_is_refused(text):
    with pytest.raises(InvalidInput, match="nothing to say"):
        speakable(text, 600)


def test_not_text_is_refused():
    with pytest.raises(InvalidInput, match="only text"):
        speakable(None, 600)


def test_long_text_is_cut_at_the_last_sentence_end_that_fits():
    said, cut = speakable("First sentence here. Second one is here. Third would not fit at all.", 45)
    assert (said, cut) == ("First sentence here. Second one is here.", True)


def test_without_a_sentence_end_it_is_cut_at_a_word_end():
    said, cut = speakable("word " * 50, 23)
    assert (said, cut) == ("word word word word", True)


def test_huge_input_is_read_only_up_to_the_limit():
    said, cut = speakable("a" * 1_000_000, 100)
    assert (len(said), cut) == (100, True)


def test_an_unclosed_markup_flood_is_cleaned_in_linear_time():
    said, _ = speakable("[[<" * 16_000 + "ok", 600)  # a quadratic scan would take minutes
    assert said.endswith("ok")


def test_the_agent_hears_the_cleaned_reply(tmp_path):
    tts = FakeTextToSpeech()
    services = build_services(Settings(db_path=str(tmp_path / "x.db"), tts_max_chars=40), tts=tts)
    spoken = speech.speak_reply(services, User(1, "ann", "Ann", "agent"), "<b>Hi!</b> " + "More words here. " * 10)
    assert tts.said == [spoken.text] and spoken.text == "Hi! More words here. More words here." and spoken.truncated


def test_a_role_that_does_not_reply_to_customers_cannot_have_replies_spoken(tmp_path):
    tts = FakeTextToSpeech()
    services = build_services(Settings(db_path=str(tmp_path / "x.db")), tts=tts)
    with pytest.raises(PermissionDenied):
        speech.speak_reply(services, User(2, "kim", "Kim", "kb_editor"), "Hello")
    assert tts.said == []
