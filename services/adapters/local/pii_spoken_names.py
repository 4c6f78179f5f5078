"""Names in call and chat openings, after a role, after "for" a parcel or a call, and spelled back (session 25, fourth
pass).

- **Who answers or who calls**: "riverbend medical centre jess speaking", "Bonjour, Samia à votre service", "camila
  falando", "aqui é a juliana", "le atiende jorge", "my name's dean", "con quién tengo el gusto? cliente: con
  guadalupe herrera tovar", "who am i speaking with cust: it's siobhán nic an bhaird".
- **After a role**: "rider Sodiq", "your driver Sunday", "el domiciliario Yeison", "o motorista Cleiton", "driver ni
  Mutua", "recipient carlo".
- **After "for" a parcel, a guard or a call**: "a parcel for Aisling", "ask the guard for Mercy", "returning a call to
  cheryl ann voss".
- **A name spelled back letter by letter** that opens a word of the message: "so that's b e v" (after "bev dot
  partridge sixty one at …"), "agent: j e n".

Plain Python over the few words after each cue; cue patterns are literal alternations (linear).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from services.adapters.local.pii_titled_names import _plain

Found = tuple[str, int, int, float]  # kind, start, end, score

_WORD = re.compile(r"[^\W\d_]{1,31}(?:['’-][^\W\d_]{1,30}){0,3}")
_SPEAKING_AFTER = re.compile(r"(?i:[ \t,]{1,3}(?:speaking|falando|à[ \t]votre[ \t](?:service|écoute)|al[ \t]habla|"
                             r"a[ \t]su[ \t]servicio|am[ \t]apparat|aan[ \t]de[ \t]lijn|à[ \t]l'appareil)\b)")
_INTRO_BEFORE = re.compile(
    r"(?i:\b(?:aqui[ \t]é[ \t](?:a|o)|aqui[ \t]fala[ \t](?:a|o)?|le[ \t]atiende|les[ \t]atiende|vous[ \t]parlez[ \t]"
    r"(?:à|avec)|my[ \t]name's|my[ \t]names|naitwa|jina[ \t]langu[ \t]ni|mi[ \t]nombre[ \t]es|meu[ \t]nome[ \t]é|"
    r"mon[ \t]nom[ \t]est)[ \t]{1,2})")  # not "je suis" / "ich bin": "je suis disponible", "ich bin sauer"
_WHO_ASKED = re.compile(r"(?i:con[ \t]quién[ \t]tengo[ \t]el[ \t]gusto|who[ \t]am[ \t]i[ \t](?:speaking|talking)"
                        r"[ \t](?:with|to)|com[ \t]quem[ \t]eu[ \t]falo|à[ \t]qui[ \t]ai-je[ \t]l'honneur|"
                        r"mit[ \t]wem[ \t]spreche[ \t]ich)")
_ROLE = re.compile(
    r"(?i:\b(?:driver|rider|courier|delivery[ \t]guy|dispatch[ \t]rider|technician|recipient|domiciliario|"
    r"repartidor|motorista|entregador|livreur|destinatario|destinatário|fahrer|bezorger)(?:[ \t](?:ni|is|was|named|"
    r"called|se[ \t]llama|chamado))?[ \t]{1,2})")
_FOR = re.compile(r"(?i:\b(?:parcel|package|delivery|call|message|letter)[ \t](?:for|to)[ \t]|\bask[ \t](?:the[ \t]"
                  r"(?:guard|security|gateman|concierge|receptionist)[ \t])?for[ \t]|\ba[ \t]call[ \t]to[ \t])")
_ANSWER_OPEN = frozenset(("it's", "its", "this", "is", "con", "com", "é", "c'est", "yes", "yeah", "sure", "ok", "hi",
                          "hello", "um", "uh", "oui", "sí", "si", "sim", "ja", "mit", "me", "my", "name", "i'm", "im",
                          "bom", "boa", "dia", "tarde", "noite", "buenas", "buenos", "días", "dias", "tardes", "noches",
                          "bonjour", "bonsoir", "good", "morning", "afternoon", "evening", "la", "a", "o", "el"))
# what follows a role that is not its holder's name: "driver's License", "rider app"
_NOT_AFTER_ROLE = frozenset(("license", "licence", "app", "seat", "side", "door", "number", "id", "rating", "details",
                             "support", "partner", "team", "account", "profile", "name", "phone"))
_GREETED = re.compile(r"(?i:(?:bonjour|bonsoir|hello|hi|hola|buenas|buenos[ \t]días|olá|ola|bom[ \t]dia|"
                      r"boa[ \t]tarde|guten[ \t]tag|goedemiddag|goedemorgen)[ \t,!.]{1,3})$")
_SPELLED = re.compile(r"(?<![\w'])(?:[a-z][ \t]){2,11}[a-z](?![\w'])")


def _lists() -> tuple[frozenset[str], frozenset[str]]:
    from services.adapters.local import pii_rules  # at call time: pii_rules imports this module

    return pii_rules.GIVEN_NAMES, pii_rules.NOT_NAMES


def _a_name(word: str, given: frozenset[str], not_names: frozenset[str], known_only: bool) -> bool:
    low = word.lower()
    if len(word) < 2 or low in not_names or not word.replace("-", "").replace("'", "").isalpha():
        return False
    if _plain(low) in given:
        return True
    return not known_only and (word[:1].isupper() and not word.isupper() or word.islower())


_PARTICLES = frozenset(("de", "da", "do", "dos", "das", "del", "la", "le", "van", "von", "der", "den", "nic", "ni",
                        "mac", "mc", "an", "bin", "binti", "binte", "al", "el"))
_STOPS = frozenset(("speaking", "falando", "from", "here", "again", "just", "now", "today", "tomorrow"))
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))


def _names_from(text: str, pos: int, given: frozenset[str], not_names: frozenset[str], most: int,
                particles: bool = True, first_known: bool | None = None) -> tuple[int, int]:
    """The run of name-like words from ``pos`` (the first a known given name when in lower case, capitalised
    otherwise), particles inside it when ``particles``, never the next speaker's label."""
    start = end = -1
    i, count, lower = pos, 0, False
    while count < most:
        while i < len(text) and text[i] in " \t":
            i += 1
        m = _WORD.match(text, i)
        if not m or (m.end() < len(text) and text[m.end()] == ":"):
            break
        word, low = m.group(), m.group().lower()
        if count == 0:
            if not _a_name(word, given, not_names, known_only=word.islower() if first_known is None else first_known):
                break
            lower = word.islower()
        elif (word.islower() != lower) and low not in _PARTICLES:
            break  # "Sodiq never", "Cleiton da Uber": a name keeps its case
        elif low in _PARTICLES:
            if not particles:
                break
            i = m.end()
            continue
        elif low in not_names or low in _STOPS or not word.replace("-", "").replace("'", "").isalpha():
            break
        if start < 0:
            start = m.start()
        end, count, i = m.end(), count + 1, m.end()
        if i >= len(text) or text[i] not in " \t":
            break
    return start, end


def _openings(text: str, given: frozenset[str], not_names: frozenset[str]) -> Iterator[Found]:
    for m in _SPEAKING_AFTER.finditer(text):
        before = re.search(r"(?<![\w'])([^\W\d_][^\W\d_'’-]{1,20})$", text[max(0, m.start() - 22):m.start()])
        greeted = before is not None and _GREETED.search(text, max(0, m.start() - len(before.group(1)) - 16),
                                                         m.start() - len(before.group(1))) is not None
        if before and _a_name(before.group(1), given, not_names, known_only=not greeted):
            yield "PERSON", m.start() - len(before.group(1)), m.start(), 0.8
    for m in _INTRO_BEFORE.finditer(text):
        start, end = _names_from(text, m.end(), given, not_names, 1, first_known=False)
        if start >= 0:
            yield "PERSON", start, end, 0.8
    from services.adapters.local import pii_ids

    for m in _WHO_ASKED.finditer(text):
        speaker = pii_ids.SPEAKER_AHEAD.search(text, m.end(), min(len(text), m.end() + 40))
        if not speaker:
            continue
        i = speaker.end()
        for _ in range(5):
            while i < len(text) and text[i] in " \t":
                i += 1
            w = _WORD.match(text, i)
            if w and w.group().lower() in _ANSWER_OPEN:
                i = w.end()
        start, end = _names_from(text, i, given, not_names, 4, first_known=False)
        if start >= 0:
            yield "PERSON", start, end, 0.8


def _roles(text: str, given: frozenset[str], not_names: frozenset[str]) -> Iterator[Found]:
    for m in _ROLE.finditer(text):
        start, end = _names_from(text, m.end(), given, not_names, 2, particles=False)
        if start >= 0 and text[start:end].split()[0].lower() not in _NOT_AFTER_ROLE:
            yield "PERSON", start, end, 0.8
    for m in _FOR.finditer(text):
        start, end = _names_from(text, m.end(), given, not_names, 3, particles=False, first_known=True)
        if start >= 0 and text[start:end].split()[0].lower() not in _WEEKDAYS:  # "a parcel for Monday"
            yield "PERSON", start, end, 0.8


def _spelled(text: str) -> Iterator[Found]:
    words = None
    for m in _SPELLED.finditer(text):
        around = text[max(0, m.start() - 7):m.start()] + text[m.end():m.end() + 7]
        if re.search(r"slash|dash|/|\d", around):
            continue  # a reference read aloud: "i s i slash m o t slash two oh …"
        letters = m.group().replace(" ", "").replace("\t", "")
        if words is None:
            words = {w.lower() for w in _WORD.findall(text) if len(w) >= 3}
        if any(w.startswith(letters) for w in words):
            yield "PERSON", m.start(), m.end(), 0.8


def find_spoken_names(text: str) -> Iterator[Found]:
    """The forms of the module's docstring."""
    given, not_names = _lists()
    yield from _openings(text, given, not_names)
    yield from _roles(text, given, not_names)
    if " " in text:
        yield from _spelled(text)
