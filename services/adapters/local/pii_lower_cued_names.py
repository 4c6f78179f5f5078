"""A given name written in lower case after the cue a capitalised name would have (session 50, candidate 50-6).

Chats, calls, social posts and e-mails write names in lower case: "hi omar, i think…", "vale, gracias marta",
"thx priya!!", "merci julien", "ahlan ya ahmed, ana mona", "shukriya asif bhai", "hi this is kev from billing",
"me llamo lucía", "ich bin jonas", "mick here", "mvh lars", "… 3 days now 😡 — moussa, 77 448 21 09". The tagger and
the learned PERSON check miss or drop such a word: with no capital it reads as any word. Here, after the check, a
lower-case word is a PERSON when

- it is a given name we know (pii_rules.GIVEN_NAMES, which holds no word-name such as "will", "grace" or "mark", less
  the given names that are also places and brands, pii_given_names' list), and
- a cue stands right before it: a greeting or a thanks said to someone ("hi", "thank you", "gracias", "merci",
  "asante", "shukran", "obrigado", "danke", "salamat", …, a courtesy word "ya", "ustaz", "kak", "don" between them)
  with the name ending the clause (a comma, a stop, an emoji, the line's end, or "bhai", "ji", "ma'am" then one);
  or a self-introduction ("it's", "this is", "i'm", "my name is", "me llamo", "soy", "je suis", "c'est", "ich bin",
  "hier ist", "sono", "mi chiamo", "aqui é", "ana", "saya", "mimi ni", "naitwa", "ako si", "mera naam", …); or the
  name opens a clause and "here", "speaking", "hier", "ici", "aquí" follows; or it signs the message: the message's
  last word after a sentence's end, a dash or an emoji, a phone number alone after it.

A lower-case second word after it is its surname when it too ends the clause and is no common word ("ayesha siddiqui
hai", "petra lange hier", "… im leanne wright, hes mason"). Never a word the lists do not know ("hi all", "thanks
again", "this is ridiculous", "gracias igual", "mvh kundeservice"), never a word a span or a kept value covers.

Linear: one regex pass over the first 20,000 characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from services.adapters.local import pii_bank_more, pii_found, pii_given_names, pii_rules, pii_script_given_names
from services.models import PiiSpan

_SCORE = 0.8
_MAX_TEXT = 20_000
_CAP = 8
_alt = pii_bank_more.alternation  # escaped, longest first, in a fixed order

# greetings and thanks said to someone: the name after them ends the clause
_ADDRESSED = [
    "hi", "hii", "hiii", "hey", "heyy", "hello", "helo", "hallo", "halo", "hai", "hiya", "heya", "g'day", "gday",
    "morning", "good morning", "afternoon", "good afternoon", "evening", "good evening", "dear", "yo",
    "thanks", "thank you", "thank u", "thankyou", "thx", "thnx", "thanx", "tks", "ty", "cheers", "ta",
    "many thanks", "thanks so much", "thank you so much",
    "hola", "buenas", "buenos días", "buenos dias", "buenas tardes", "buenas noches", "gracias", "muchas gracias",
    "perfecto", "perfecta", "listo", "vale gracias",
    "bonjour", "bonsoir", "salut", "coucou", "merci", "merci beaucoup", "parfait",
    "hallo", "moin", "servus", "danke", "danke schön", "danke schon", "vielen dank",
    "ciao", "buongiorno", "buonasera", "salve", "grazie", "grazie mille", "perfetto",
    "olá", "ola", "oi", "bom dia", "boa tarde", "boa noite", "obrigado", "obrigada", "valeu", "perfeito",
    "hoi", "dag", "dank je", "dank u", "bedankt", "hej", "hei", "tak", "takk", "tack", "kiitos", "dzięki", "dziękuję",
    "asante", "asante sana", "shukran", "shukriya", "dhonnobad", "dhanyavaad", "dhanyawad", "salamat",
    "maraming salamat", "terima kasih", "makasih", "trims", "dankie", "ngiyabonga", "siyabonga", "ke a leboga",
    "marhaba", "ahlan", "salam", "salaam", "assalamualaikum", "wa alaikum salam", "chào", "xin chào", "cảm ơn",
    "cám ơn", "merhaba", "teşekkürler", "sağol", "mhoro", "shikamoo", "habari", "sawubona", "medaase",
]
# a courtesy word between the greeting and the name ("ahlan ya ahmed", "shukran ustaz saad", "terima kasih kak sari")
_COURTESY = ["ya", "ustaz", "ustadh", "ustad", "alhaji", "kak", "kakak", "mas", "mbak", "don", "doña", "dona",
             "ate", "kuya", "bro", "sis", "dear", "my dear", "my friend", "sayang", "abang", "bang", "teta"]
# a self-introduction: the name after it
_INTRO = [
    "it's", "it’s", "its", "it is", "this is", "i'm", "i’m", "im", "i am", "my name is", "my name's", "my name’s",
    "name is", "name's", "mi name is", "me llamo", "mi nombre es", "soy", "habla", "le habla", "je suis",
    "je m'appelle", "je m’appelle", "c'est", "c’est", "moi c'est", "ici", "ich bin", "hier ist", "hier spricht",
    "mein name ist", "ich heiße", "ich heisse", "sono", "mi chiamo", "qui è", "qui parla", "eu sou", "sou o", "sou a",
    "aqui é", "aqui é o", "aqui é a", "aqui e", "meu nome é", "ana", "ismi", "esmi", "saya", "nama saya", "aku",
    "mimi ni", "naitwa", "jina langu ni", "ako si", "ako po si", "ako po", "mera naam", "mera nam", "mai", "ik ben",
    "mijn naam is", "jeg er", "jag heter", "jeg heter", "jestem", "mam na imię", "tôi là", "mình là", "em là",
    "adım", "benim adım", "ndini", "me din de", "na me be", "my name na",
]
# after the name: courtesy words and a clause's end
_HONOUR_AFTER = r"(?:[ \t](?:bhai|bhaiya|bhaiyya|ji|sahab|saab|sahib|didi|apa|apu|bey|hanım|hanim|san|sama|ma'am|" \
                r"ma’am|mam|madam|sir|po|bhabhi|jan|la|ah|oh|dear))?"
_END = re.compile(_HONOUR_AFTER + r"[ \t]*(?:[,.!?;:)\n…]|\Z|[^\w\s'’\"-])")
_SAID = re.compile(r"[ \t,]{1,3}(?i:here|speaking|hier|ici|aquí|aqui|on the line|am apparat|à l'appareil|"
                   r"à l’appareil|al habla|hai|hoon|hu|hun|hapa|falando|hablando|parlando)\b")
_WORD = r"[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]{1,20}"
_CUED = re.compile(
    rf"(?<![\w'’-])(?:(?P<addr>(?i:{_alt(_ADDRESSED)}))|(?P<intro>(?i:{_alt(_INTRO)})))"
    rf"[ \t]{{1,2}},?[ \t]{{0,2}}(?:(?i:{_alt(_COURTESY)})[ \t]{{1,2}})?"
    rf"(?P<name>{_WORD})(?![\w@'’-]|\.\w)(?:[ \t](?P<sur>{_WORD})(?![\w@'’-]|\.\w))?")
# a name opening a clause, then "here" / "speaking" ("g'day bec, mick here", "billing zara speaking")
_OPENS = re.compile(
    rf"(?:^|(?<=[,.!?:;\n]))[ \t]{{0,3}}(?P<name>{_WORD})(?:[ \t](?P<sur>{_WORD}))?(?=[ \t,]{{1,3}}"
    r"(?:here|speaking|hier|ici|aquí|aqui)\b)", re.M)
# the message's signature: its last word after a sentence's end, a dash or an emoji, a phone number alone after it
_SIGNED = re.compile(
    rf"(?:[.!?)]|[—–~]|(?<=\s)-|[^\w\s,;:'’\"(\[&+/>|@#*-])[ \t]{{1,3}}(?P<name>{_WORD})(?:[ \t](?P<sur>{_WORD}))?"
    r"[ \t]*(?:[,/]?[ \t]{0,2}\+?\d[\d \t().-]{5,18}\d)?[ \t]*[^\w\n]{0,6}\s{0,6}\Z")


# given names that are also places, brands and assistants (pii_given_names' list)
_ELSEWHERE = pii_given_names._NOT_HERE  # noqa: SLF001


# given names that are common words of the languages our chats mix ("saya salah transfer", "chào anh", "ben burak",
# "opo ako po yun", "Jeg er ute av kontoret"), and the courtesy words, the words of a spoken e-mail after a name
_NOT_HERE = frozenset("""salah anh chi em yun thi ute tuan ben yang labas aku saya kak mas pak bu ibu bey hanım hanim
sahab saab sahib bhai bhaiya ji didi apa apu san sama po jan la ah oh dear madam sir mam speaking here hier ici aqui
aquí hai hoon hu hun hapa underscore dot at arroba punto point punkt ponto chiamo nanda kamu dia leo jos ma'am ma’am
falando hablando parlando sprechend""".split())
_SPOKEN_EMAIL = re.compile(r"(?i:[ \t]{1,2}(?:underscore|dot|at|arroba|punto|ponto|point|punkt|hyphen|dash|@|\.[a-z])\b)")

# the same cues in Cyrillic ("спасибо олена", "здравствуйте, это дмитрий", "привіт, я андрій"): a given name of
# pii_script_given_names' list, less those that are words too (вера, надежда, роза)
_CYRILLIC_GIVEN = frozenset(w.lower() for w in pii_script_given_names._CYRILLIC_NAMES  # noqa: SLF001
                            ) - frozenset(w.lower() for w in pii_script_given_names._CYRILLIC_WORDS)  # noqa: SLF001
_CYRILLIC_ADDRESSED = ["спасибо", "большое спасибо", "благодарю", "дякую", "щиро дякую", "привет", "привіт",
                       "здравствуйте", "добрый день", "добрий день", "добрый вечер", "добрий вечір", "вітаю",
                       "благодаря", "здрасти", "хвала", "здраво"]
_CYRILLIC_INTRO = ["это", "я", "це", "меня зовут", "мене звати", "аз съм", "казвам се", "ја сам", "зовем се"]
_CYRILLIC_WORD = r"[а-яёіїєґјђћџљњ][а-яёіїєґјђћџљњ'’-]{1,20}"
_CYRILLIC_CUED = re.compile(
    rf"(?<![\w'’-])(?:(?P<addr>(?i:{_alt(_CYRILLIC_ADDRESSED)}))|(?P<intro>(?i:{_alt(_CYRILLIC_INTRO)})))"
    rf"[ \t]{{1,2}},?[ \t]{{0,2}}(?P<name>{_CYRILLIC_WORD})(?![\w@'’-])")


def _cyrillic(text: str) -> Iterator[tuple[int, int]]:
    for m in _CYRILLIC_CUED.finditer(text):
        name = m.group("name")
        if name.lower() != name or name not in _CYRILLIC_GIVEN:
            continue
        if m.group("intro") or _END.match(text, m.end("name")):
            yield m.start("name"), m.end("name")


def _common(word: str) -> bool:
    low = word.lower()
    return (low in _NOT_HERE or low in pii_given_names.FUNCTION_WORDS or low in pii_given_names.GREETINGS or low in pii_rules.NOT_NAMES
            or low in pii_rules.WORD_NAMES)


def _given(word: str, named: frozenset[str] = frozenset()) -> bool:
    low = word.lower().strip("'’-")
    return (word.islower() and (low in pii_rules.GIVEN_NAMES and low not in _ELSEWHERE or low in named)
            and not _common(low))


def _with_surname(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The name's span with its surname where one ends the clause, the name alone where it ends it; None where
    neither does."""
    sur = m.group("sur")
    if sur and not _common(sur) and sur.islower() and (_END.match(text, m.end("sur")) or _SAID.match(text, m.end("sur"))):
        return m.start("name"), m.end("sur")
    if _END.match(text, m.end("name")) or _SAID.match(text, m.end("name")):
        return m.start("name"), m.end("name")
    return None


def _cued(text: str, named: frozenset[str]) -> Iterator[tuple[int, int]]:
    for m in _CUED.finditer(text):
        if not _given(m.group("name"), named) or _SPOKEN_EMAIL.match(text, m.end("name")):
            continue
        found = _with_surname(text, m)
        if found:
            yield found
        elif m.group("intro") and not (m.group("sur") and _SPOKEN_EMAIL.match(text, m.end("sur"))):
            yield m.start("name"), m.end("name")  # "hi its dana confirming for thur", "hier ist jonas von dienstag"
    for m in _OPENS.finditer(text):
        if _given(m.group("name"), named):
            sur = m.group("sur")
            if sur and (_common(sur) or not sur.islower()):
                if _given(sur, named):
                    yield m.start("sur"), m.end("sur")
                continue
            yield m.start("name"), m.end("sur" if sur else "name")


def _signed(text: str, named: frozenset[str]) -> Iterator[tuple[int, int]]:
    tail = text[-200:]
    if len(re.findall(r"\w+", tail)) < 5:
        return
    m = _SIGNED.search(tail)
    if not m or not _given(m.group("name"), named):
        return
    base = len(text) - len(tail)
    sur = m.group("sur")
    if sur and (_common(sur) or not sur.islower()):
        return
    yield base + m.start("name"), base + m.end("sur" if sur else "name")


def find_lower_cued_names(text: str, named: frozenset[str] = frozenset()) -> Iterator[tuple[str, int, int, float]]:
    """PERSON spans of the lower-case names this module reads (the first 20,000 characters); ``named``: the
    lower-cased words of the capitalised one-word names the message holds already ("…speaking with Bec\nCaller:
    g'day bec"), read as given names too."""
    head = text[:_MAX_TEXT]
    found = sorted(set(_cued(head, named)) | set(_cyrillic(head))
                   | (set(_signed(text, named)) if len(text) <= _MAX_TEXT else set()))
    return pii_found.unique_persons(found, _CAP, _SCORE)


_CAPITALISED_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,20}")


def with_lower_cued_names(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the lower-case names of this module added where no span covers them and no kept value lies
    there; a PERSON span inside the name gives way."""
    named = frozenset(text[s.start:s.end].lower() for s in spans
                      if s.kind == "PERSON" and _CAPITALISED_WORD.fullmatch(text[s.start:s.end]))
    found = [(start, end) for _, start, end, _ in find_lower_cued_names(text, named)]
    if not found:
        return spans
    return pii_found.add_back(spans, found, keep, pii_found.inside_person, _SCORE)
