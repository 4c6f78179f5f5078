"""Person names in four forms the older rules miss (session 25, third pass).

- **After a courtesy or professional title** in en/es/pt/it/fr/de/nl/pl, titles chained or not: "Geachte heer De
  Smet", "Egregio sig. Vitale", "con la Dra. Iturbe", "Exma. Senhora Dra. Fonseca", "Mag. Clemens Hörtnagl", "de heer
  J.A. Verschoor"; in a lower-case transcript one word after the title ("gracias señor hernández", "obrigado, dona
  sandra", "merci madame euh monsieur rouvière").
- **After an account holder's or a payee's label**: "Kontoinhaber Friedhelm Aschoff", "titular nicolás pereyra",
  "Titular anterior: Mikel Arrieta", "Payee was entered as L Fairbrother".
- **The first of two given names that share a surname**: "Damien et Laure Chevallier", "Corinne und Lukas Ammann".
- **The answer to an agent's question for the full name**: "and your full name caller: dean whitworth", "nome
  completo do segurado, por favor cliente: gilberto nascimento".

Plain Python over a few tokens after each cue; the cue patterns are literal alternations (linear).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Found = tuple[str, int, int, float]  # kind, start, end, score

_TITLES = (
    "mr|mrs|ms|miss|mx|dr|dra|drª|prof|profª|profa|profe|sr|sra|srta|sres|señor|señora|señorita|don|doña|dña|dona|"
    "senhor|senhora|exmo|exma|sig|sigra|sig\\.ra|signor|signora|signorina|dott|dottssa|dott\\.ssa|avv|ing|arch|"
    "geom|eng|herr|frau|mag|heer|mevrouw|mevr|meneer|dhr|mw|juf|meester|mme|mlle|monsieur|madame|mademoiselle|maître|pan|"
    "pani|panie|panią|pana|sir|madam")
_TITLE = re.compile(rf"(?<![\w'’])(?i:{_TITLES})(?![\w'’])\.?")
_STREET_END = re.compile(r"(?:straße|strasse|str\.|gasse|weg|platz|allee|damm|street|road|avenue|lane|laan|straat|"
                         r"gracht|plein|kade|rue|calle|avenida|rua|via|viale|ulica)$")
_FILLERS = frozenset(("euh", "eh", "ehm", "um", "uh", "er", "äh", "hm"))
_PARTICLES = frozenset(("de", "van", "von", "der", "den", "ter", "ten", "la", "le", "da", "das", "dos", "del", "di",
                        "du", "des", "y", "i", "zu", "vom", "'t"))
_HOLDER = re.compile(
    r"(?i:(?<![\w])(?:kontoinhaber(?:in)?|inhaber(?:in)?|titular(?:[ \t]anterior)?|titulaire|intestatari[oa]|"
    r"rekeninghouder|ten[ \t]name[ \t]van|t\.?n\.?v\.?|account[ \t](?:holder|name)|payee(?:[ \t]was[ \t]entered"
    r"[ \t]as)?|beneficiary|beneficiario|bénéficiaire|begünstigte[rn]?|controparte)(?![\w]))[ \t]{0,2}:?[ \t]{0,2}")
_JOIN = re.compile(r"[ \t](?:and|&|et|und|y|e|en|i|og|och)[ \t]")
_FULL_NAME = re.compile(
    r"(?i:\b(?:(?:your|his|her|the)[ \t](?:full[ \t])?name|full[ \t]name|nome[ \t]completo|nombre[ \t]completo|"
    r"nom[ \t]complet|vollständigen[ \t]namen|volledige[ \t]naam|imię[ \t]i[ \t]nazwisko|nome[ \t]e[ \t]cognome)\b)")
_ANSWER_OPEN = frozenset(("yes", "yeah", "sure", "ok", "okay", "it's", "its", "it", "is", "my", "name", "sí", "si",
                          "claro", "sim", "é", "oui", "c'est", "ja", "also", "so", "um", "uh", "er", "erm", "this",
                          "that's", "thats", "es", "soy", "sou", "je", "suis", "ich", "bin"))
_WORD = re.compile(r"(?:[^\W\d_]\.){1,3}(?![^\W\d_])|[^\W\d_][^\W\d_'’.-]{0,30}(?:[-'’][^\W\d_]{1,30}){0,3}")
# titles after which one lower-case word is a name in a transcript ("gracias señor hernández"); not "miss", "pan", "sir"
_LOWER_TITLES = frozenset(("señor", "señora", "señorita", "doña", "dona", "senhor", "senhora", "signor", "signora",
                           "monsieur", "madame", "mademoiselle", "mister", "missus", "dr", "dra", "herr", "frau",
                           "mevrouw", "meneer", "heer", "panie", "pani", "pana"))
# in a transcript a lower-case word after a title is a name only where the title is said to someone: after thanks or
# a greeting ("gracias señor hernández", "obrigado, dona sandra"); elsewhere "a senhora pode", "la signora dice", "pani
# przy" are a pronoun and a verb
_VOCATIVE_BEFORE = re.compile(r"(?i:(?:gracias|thanks|thank[ \t]you|merci|obrigad[oa]|grazie|dank[ \t]u|danke|"
                              r"dziękuję|bonjour|buenos[ \t]días|buenas|hola|olá|ola|hello|hi|morning|oui|sí|si|sim|ja|"
                              r"yes|perfecto|perfeito|perfetto|parfait|claro|certo|d'accord|okay|ok)[ \t,.!]{1,3}"
                              r"(?:(?:euh|eh|um)[ \t,]{1,2})?)$")
# the office, not the person: "Monsieur le Maire", "Senhor Presidente", "Frau Doktor"
_ROLES = frozenset(("le", "la", "les", "el", "il", "lo", "der", "die", "das", "maire", "presidente", "président",
                    "president", "director", "directora", "directeur", "directrice", "gerente", "manager", "juez",
                    "juge", "richter", "richterin", "notar", "notaire", "notario", "bürgermeister", "doktor",
                    "doctor", "professor", "professeur", "ministre", "minister", "teams", "office", "vous", "you", "prezes",
                    "prezesie", "dyrektor", "dyrektorze", "kierowniku", "engenheiro", "doutor", "doutora", "dottore",
                    "dottoressa", "avvocato", "ingegnere", "kommissar", "inspecteur", "agent", "officer"))


def _names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from services.adapters.local import pii_rules  # imported at call time: pii_rules imports this module

    return pii_rules.GIVEN_NAMES, pii_rules.NOT_NAMES, pii_rules.WORD_NAMES


def _plain(word: str) -> str:
    """pii_rules.fold (read at call time: pii_rules imports this module)."""
    from services.adapters.local import pii_rules

    return pii_rules.fold(word)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or (len(word) <= 6 and word.endswith(".") and word[0].isupper())


def _initial(text: str, word: str, end: int) -> bool:
    """A lone capital before a capitalised word: "L Fairbrother"."""
    nxt = _WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return len(word) == 1 and word.isupper() and nxt is not None and _capitalised(nxt.group())


def _name_after(text: str, pos: int, lower_ok: bool, max_words: int = 3) -> tuple[int, int] | None:
    """A name starting at ``pos`` (after spaces): capitalised words with initials and particles, or, when
    ``lower_ok``, one lower-case word that is not a common word."""
    given, not_names, _ = _names()
    i = pos
    while i < len(text) and text[i] in " \t":
        i += 1
    start, end, words = i, -1, 0
    while i < len(text) and words < max_words + 2:
        m = _WORD.match(text, i)
        if not m:
            break
        word = m.group()
        low = word.lower()
        if _STREET_END.search(low):
            break  # "Clemens Hörtnagl Kaiserstraße 71"
        if _capitalised(word) or _initial(text, word, m.end()) or (word.isupper() and len(word) > 1 and words):
            end, words = m.end(), words + 1
        elif low in _PARTICLES and end < 0 and words == 0 and i + len(word) < len(text):
            pass  # "De Smet", "van Dijk": the particle is kept if a capitalised word follows
        elif low in _PARTICLES and words:
            pass
        else:
            break
        i = m.end()
        if i < len(text) and text[i] in " \t" and words < max_words:
            i += 1
            continue
        break
    if end > 0:
        return start, end
    if not lower_ok:
        return None
    m = _WORD.match(text, start)
    if not m or m.group()[:1].isupper():
        return None
    word = m.group()
    if len(word) < 3 or not word.isalpha() or word in not_names or word in _FILLERS or word in _PARTICLES:
        return None  # "merci madame c'est …"
    return start, m.end()


def _titled(text: str) -> Iterator[Found]:
    for m in _TITLE.finditer(text):
        pos = m.end()
        # chained titles and fillers: "Herr Mag.", "Senhora Dra.", "madame euh monsieur" (three at most)
        for _ in range(3):
            nxt = _TITLE.match(text, pos + 1) if pos < len(text) and text[pos] == " " else None
            if nxt:
                pos = nxt.end()
                continue
            w = _WORD.match(text, pos + 1) if pos < len(text) and text[pos] == " " else None
            if w and w.group().lower() in _FILLERS:
                pos = w.end()
                continue
            break
        if pos >= len(text) or text[pos] not in " \t":
            continue
        title = m.group()
        if title == "MS":
            continue  # Microsoft's ("MS Teams"), or a disease
        lower_ok = (title[:1].islower() and title.rstrip(".") in _LOWER_TITLES
                    and _VOCATIVE_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None)
        found = _name_after(text, pos, lower_ok)
        if found and text[found[0]:found[1]].split()[0].lower() in _ROLES:
            continue
        if found:
            yield "PERSON", found[0], found[1], 0.8


def _holders(text: str) -> Iterator[Found]:
    given, _, _ = _names()
    for m in _HOLDER.finditer(text):
        found = _name_after(text, m.end(), lower_ok=False, max_words=4)
        if found:
            yield "PERSON", found[0], found[1], 0.8
            continue
        words = [w.strip(".,;:!?") for w in text[m.end():m.end() + 60].split()[:2]]  # "titular nicolás pereyra":
        if len(words) == 2 and _plain(words[0].lower()) in given and words[1].isalpha() and words[1].islower():  # a
            # known given name and another word
            start = m.end() + text[m.end():].index(words[0])
            end = start + text[start:].index(words[1]) + len(words[1])
            yield "PERSON", start, end, 0.8


def _coordinated(text: str) -> Iterator[Found]:
    given, _, _ = _names()
    for m in _JOIN.finditer(text):
        before = re.search(r"([^\W\d_][^\W\d_'’-]{1,30})$", text[max(0, m.start() - 32):m.start()])
        after = _WORD.match(text, m.end())
        if not before or not after:
            continue
        first, second = before.group(1), after.group()
        if not (_capitalised(first) and _capitalised(second) and first.lower() in given and second.lower() in given):
            continue
        surname = _WORD.match(text, after.end() + 1) if after.end() < len(text) and text[after.end()] == " " else None
        if surname and _capitalised(surname.group()) and surname.group().lower() not in given:
            yield "PERSON", m.start() - len(first), m.start(), 0.8


def _full_name_answers(text: str) -> Iterator[Found]:
    from services.adapters.local import pii_ids

    _, not_names, _ = _names()
    for m in _FULL_NAME.finditer(text):
        speaker = pii_ids.SPEAKER_AHEAD.search(text, m.end(), min(len(text), m.end() + 60))
        if not speaker or any(c.isdigit() for c in text[m.end():speaker.start()]):
            continue
        i, words, start, end = speaker.end(), 0, -1, -1
        while i < len(text) and words < 4:
            while i < len(text) and text[i] in " \t":
                i += 1
            w = _WORD.match(text, i)
            if not w:
                break
            word = w.group()
            low = word.lower()
            if w.end() < len(text) and text[w.end()] == ":":
                break  # the next speaker's label
            if start < 0 and low in _ANSWER_OPEN:
                i = w.end()
                continue
            if low in not_names and low not in _PARTICLES:
                break
            if start < 0:
                start = i
            end, words, i = w.end(), words + 1, w.end()
            if i < len(text) and text[i] not in " \t":
                break
        if start >= 0 and words >= 2:
            yield "PERSON", start, end, 0.8


def find_titled_names(text: str) -> Iterator[Found]:
    """The forms of the module's docstring."""
    yield from _titled(text)
    yield from _holders(text)
    if " " in text:
        yield from _coordinated(text)
    yield from _full_name_answers(text)
