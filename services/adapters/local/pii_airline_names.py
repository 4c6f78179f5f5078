"""Names as a ticket or a passport writes them (issue 21, session 34, candidate 34-3).

An airline, a travel agent or a booking system writes a passenger's name SURNAME/GIVEN NAMES, often with the title
after it: "it says NAIDOO/KRISHEN MR but my passport says NAIDOO/KRISSHEN", "le nom sur le billet : LEFEVBRE/CLAIRE au
lieu de LEFEBVRE/CLAIRE", "my booking shows SHARMA/PRIYANKA MS", "GARCÍA LÓPEZ/ANA". The name finders read words, and
two words joined by a slash were read as neither a name nor two names.

:func:`find_airline_names` (a finder of ``pii_rules.find_all``) proposes, as one PERSON (the title outside), two runs
of letters joined by a slash — the surname (one or two words) before it, the given names (one to three words) after
it, all in capitals or all capitalised — when:

- a passenger's title follows it (MR, MRS, MS, MISS, MSTR, DR, MME, MLLE, SR, SRA …), or
- one of its given names is a given name we know, or
- (capitals only: "Belastingdienst/Toeslagen" is an office) the message speaks of a name, a ticket, a booking, a boarding pass, a passport or a PNR (in the languages our
  messages mix) and both runs have three letters or more, one of them five or more;

:func:`is_ticket_name` tells the learned PERSON check (``pii_person_check``) to keep such a span: it learned names from
words and reads "GARCÍA LÓPEZ/ANA" as no one's.

Never a run a slash or a digit continues ("HL/PEN/2291", a reference), an abbreviation pair on our list ("DNI/NIE",
"SWIFT/BIC", "DD/MM", "TCP/IP", "AC/DC"), a pair holding a title or a word that is no name ("Dear Sir/Madam",
"his/her") or two airport codes ("LHR/JFK").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

CAP = 24  # names a message at most
_SCORE = 0.85

_UPPER_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž](?:[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ'’-]{1,30})"
_CAP_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’-]{1,30}"
# SURNAME/GIVEN NAMES in capitals, or Surname/Given Names capitalised; a space inside either side, one at most
# between words
_PAIR = re.compile(
    rf"(?<![\w/.@-])(?:(?P<up>{_UPPER_WORD}(?:[ ]{_UPPER_WORD})?/{_UPPER_WORD}(?:[ ]{_UPPER_WORD}){{0,2}})"
    rf"|(?P<cap>{_CAP_WORD}(?:[ ]{_CAP_WORD})?/{_CAP_WORD}(?:[ ]{_CAP_WORD}){{0,2}}))(?![\w/@-]|\.\w)")
_TITLES = frozenset(("mr", "mrs", "ms", "miss", "mstr", "mstr.", "dr", "mme", "mlle", "m", "sr", "sra", "srta", "hr",
                     "fr", "chd", "inf", "prof", "rev", "mx", "mrs.", "mr.", "ms.", "dr."))
# a message that speaks of a passenger's name
_CONTEXT = re.compile(
    r"(?i:\b(?:names?|named|ticket|e-?ticket|booking|booked|boarding|passport|pnr|itinerary|passenger|reservation|"
    r"flight|check-?in|nom|billet|réservation|passeport|passager|vol|nombre|billete|reserva|pasaporte|pasajer[oa]|"
    r"vuelo|nome|bilhete|passaporte|passageir[oa]|voo|biglietto|prenotazione|passaporto|passeggero|volo|"
    r"buchung|reisepass|passagier|flug|bordkarte|naam|boeking|paspoort|vlucht|bilet|rezerwacja|paszport|"
    r"lot|rezervare|pașaport|uçuş|pasaport|rezervasyon|isim|ad[ıi])\b)")
# slash pairs of letters that are not a person's name: identity-document, code and unit pairs
_NOT_PAIRS = frozenset("""dni/nie nie/dni nif/nie dni/nif swift/bic bic/swift iban/bic nib/iban dd/mm mm/dd mm/yy yy/mm
dd/mm/yy tcp/ip ac/dc a/c c/o n/a w/o w/e km/h mph/kmh pdf/a plz/ort vat/gst gst/hst tps/tvq hst/gst ip/tcp
tv/dvd cd/dvd it/hr hr/it ssp/sp oc/ac ac/oc ev/hybrid rx/tx ios/android android/ios uk/eu eu/uk usa/canada""".split())
# words that make a slash pair no one's name ("Dear Sir/Madam", "his/her", "and/or", "Mr/Mrs")
_NOT_WORDS = frozenset("""sir madam madame sirs dear respected he she his her him hers and or either yes no
male female m f herr frau monsieur señor señora""".split())


@functools.cache
def _given() -> frozenset[str]:
    from services.adapters.local import pii_rules  # imported at call time: pii_rules imports this module

    return pii_rules.GIVEN_NAMES


def _fold(word: str) -> str:
    from services.adapters.local import pii_rules

    return pii_rules.fold(word)


def _letters(run: str) -> int:
    return sum(ch.isalpha() for ch in run)


_TITLE_AFTER = re.compile(r"[ ]{1,2}([A-Za-z]{1,4}\.?)(?![\w])")  # "NAIDOO/KRISHEN MR"


def _title_after(text: str, end: int) -> bool:
    m = _TITLE_AFTER.match(text, end, end + 8)
    return m is not None and m.group(1).lower() in _TITLES


def _not_a_name(value: str) -> bool:
    """A pair on our list, or one holding a word that is no name ("Dear Sir/Madam", "his/her")."""
    if value.lower() in _NOT_PAIRS:
        return True
    from services.adapters.local import pii_rules

    return any(w in _TITLES or w in pii_rules.NOT_NAMES or w in _NOT_WORDS
               for w in re.split(r"[ /]", value.lower()) if w)


def is_ticket_name(value: str) -> bool:
    """Whether a PERSON span's text is a name in the ticket form, in capitals (the learned PERSON check never saw one,
    and reads "GARCÍA LÓPEZ/ANA" as no name: it keeps such a span)."""
    words = value.split()
    if len(words) > 1 and words[-1].lower() in _TITLES:
        value = value[:value.rfind(" ")]
    m = _PAIR.fullmatch(value) if "/" in value else None
    return m is not None and m.group("up") is not None and not _not_a_name(value)


def find_airline_names(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP."""
    if "/" not in text:
        return
    context: bool | None = None
    given = _given()
    count = 0
    for m in _PAIR.finditer(text):
        value = m.group()
        surname, _, first = value.partition("/")
        start, end = m.start(), m.end()
        # a title written as the last given word ("SHARMA/PRIYANKA MS" read whole): the title stays outside
        words = first.split()
        if len(words) > 1 and words[-1].lower() in _TITLES:
            end -= len(words[-1]) + 1
            words = words[:-1]
            titled = True
        else:
            titled = _title_after(text, end)
        if _not_a_name(text[start:end]):
            continue
        if len(surname.replace(" ", "")) == 3 and len(" ".join(words)) == 3 and not titled:
            continue  # "LHR/JFK": two airport codes
        known = any(_fold(w.lower().strip("'’-")) in given for w in words)
        if m.group("cap") is not None and not (titled or known):
            continue  # "Belastingdienst/Toeslagen": capitalised words need a title or a given name we know
        if not (titled or known):
            if context is None:
                context = _CONTEXT.search(text) is not None
            if not (context and _letters(surname) >= 3 and _letters(first) >= 3
                    and max(_letters(surname), _letters(first)) >= 5):
                continue
        yield "PERSON", start, end, _SCORE
        count += 1
        if count >= CAP:
            return
