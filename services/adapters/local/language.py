"""Offline language detection with lingua (models ship in the wheel), restricted to a contact centre's languages.

Lingua's low-accuracy mode (the default) keeps memory at ~40 MB instead of ~360 MB and loads in 0.1 s instead of
2.4 s, but on a few words of English it often guesses another Latin-script language ("where is my order" ->
German). Short texts whose words are mostly English function words or chat shorthand are therefore answered "en"
before lingua is asked. Figures in docs/sentiment.md.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import Any

from services.errors import ProviderUnavailable

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "sv", "pl", "ru", "uk", "tr",
             "ar", "he", "hi", "zh", "ja", "ko", "vi", "id")
UNDETERMINED = "und"
MAX_CHARS = 2000  # enough for a confident answer; keeps a 100 KB paste as fast as a chat line
SHORT_TEXT = 120  # below this many characters, lingua's low-accuracy mode is unreliable
RECENT = 16  # texts whose answer is remembered
# Token-anchored and possessive, so a 200,000-character word is one pass, not one pass per character.
_NOISE = re.compile(r"https?://\S++|www\.\S++|(?<!\S)[^\s@]*+@\S++|[@#]\w++|(?<!\S)[^\s\d]*+\d\S*+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# English words that are not also common words in the other Latin-script languages above ("in", "is", "die" are).
# The second block (session 11): profanity, slang and problem words of short angry tweets, which lingua's low-accuracy
# mode sent to Swedish or German ("fuck yo shit", "airplay sucks on yosemite"; docs/models.md).
_ENGLISH = frozenset("""
the your our their this that these those what where when why how which who whom whose can could would should
shall must might you he she it they them his its i i'm im i've ive it's don't dont doesn't doesnt didn't didnt
won't wont can't cant isn't isnt wasn't wasnt aren't haven't hasn't not with for from about into and or but if
then than because just still yet already again very too really any some every there here have has had does did
be been being are were get got getting need please pls plz thanks thank thx ty yes yeah yep nope hi hello hey ur
what's where's wrong never ever now soon today tomorrow yesterday own after before back out up off at asap lol omg
btw idk tbh gonna wanna gotta cuz coz
fuck fucking fucked fck shit shitty sucks suck damn wtf smh ffs af fr ngl yall y'all ain't aint u ya youre you're
ass crap fix fixed broken crash crashes crashing freezing freezes working doesnt worst worse garbage trash customer
""".split())
_DETECTORS: dict[bool, Any] = {}
_LOCK = threading.Lock()


def _build(high_accuracy: bool) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in LANGUAGES]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return (builder if high_accuracy else builder.with_low_accuracy_mode()).build()


def _detector(high_accuracy: bool) -> Any:
    """The process's lingua detector for a mode (read-only after build, so shared by every thread)."""
    with _LOCK:
        if high_accuracy not in _DETECTORS:
            try:
                _DETECTORS[high_accuracy] = _build(high_accuracy)
            except Exception as e:  # a broken install raises assorted errors from the Rust extension
                raise ProviderUnavailable(f"the lingua language detector could not be built: {e}") from e
    return _DETECTORS[high_accuracy]


def clean(text: str) -> str:
    """The text without links, emails, handles, order numbers or unencodable characters, cut to MAX_CHARS."""
    text = text[: MAX_CHARS * 2].encode("utf-8", "ignore").decode("utf-8")  # drops lone surrogates
    return _NOISE.sub(" ", text)[:MAX_CHARS]


def looks_english(text: str) -> bool:
    """True for a short text whose words are mostly English function words or chat shorthand."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words or len(text) >= SHORT_TEXT:
        return False
    hits = sum(w in _ENGLISH for w in words)
    return hits >= 1 and hits / len(words) >= 0.25


class LinguaLanguageDetector:
    """LanguageDetector over lingua; 'und' for text without enough letters.

    Args:
        high_accuracy: lingua's full n-gram models: better on 2-4 word messages, ~360 MB and ~2.4 s to load.
        min_letters: texts with fewer letters than this are 'und'.
    """

    def __init__(self, high_accuracy: bool = False, min_letters: int = 2) -> None:
        self.high_accuracy = high_accuracy
        self.min_letters = min_letters
        # the last RECENT texts' answers: the pipeline's language stage and the intent step ask about the same message
        self._recent: OrderedDict[str, str] = OrderedDict()
        self._recent_lock = threading.Lock()

    def detect(self, text: str) -> str:
        """ISO 639-1 code of the text's language.

        Args:
            text: any string; only its first few thousand characters are looked at.

        Returns:
            A lowercase code from LANGUAGES, or 'und' when the text is too short, has no letters or is ambiguous.

        Raises:
            ProviderUnavailable: the lingua extension cannot be loaded.
        """
        key = text[: MAX_CHARS * 2]  # all that clean() reads
        with self._recent_lock:
            known = self._recent.get(key)
        if known is None:
            known = self._detect(key)
            with self._recent_lock:
                self._recent[key] = known
                while len(self._recent) > RECENT:
                    self._recent.popitem(last=False)
        return known

    def _detect(self, text: str) -> str:
        cleaned = clean(text)
        if sum(ch.isalpha() for ch in cleaned) < self.min_letters:
            return UNDETERMINED
        if looks_english(cleaned):
            return "en"
        language = _detector(self.high_accuracy).detect_language_of(cleaned)
        return language.iso_code_639_1.name.lower() if language is not None else UNDETERMINED
