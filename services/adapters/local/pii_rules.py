"""Our own PII rules, for what Presidio's recognisers and the English NER model miss in contact-centre text.

Each ``find_*`` function returns ``(kind, start, end, score)`` tuples and runs in linear time on any input (bounded
quantifiers, possessive runs, no nested repetition over the same characters): a message may be 200,000 characters.

- e-mails with accented local parts (``josé.garcía@…``) and obfuscated ones (``ana (at) correo (dot) es``);
- card numbers written with dots, double spaces or dashes (Luhn-checked); IBANs in lower case or with dashes (mod 97);
- street addresses in English, Spanish, French, German and Portuguese (``221B Baker Street``, ``rue de Rivoli``,
  ``Hauptstraße 12``, ``350 5th Avenue``, ``Calle Mayor 5``, ``Rua Augusta, 274``);
- person names after a cue (``my name is``, ``me llamo``, ``je m'appelle``, ``ich heiße``, ``meu nome é``), in a
  sign-off (``Regards,`` / ``Saludos,`` / ``Cordialement,`` / ``Grüße,`` … then a name on its own), in any case,
  hyphenated or with an apostrophe, and East-Asian names of two short syllables (``Li Wei``, ``Wang Fang``);
- phone numbers in the local formats of those countries, with the same exclusions as for ``keep`` values: an order
  number (``BW-123456``), a tracking number (``BWT…``), a date or date-time, an amount are never a phone;
- (session 9) phone and card numbers read out digit by digit in transcripts (``oh seven nine…``), a postcode after
  its name (``postcode is L18 2EP``), a known first name standing alone (``Thanks so much Agnieszka!!``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from services import privacy  # the ingestion's payment patterns (CVV: find_session27d); it imports no detector
from services.adapters.local import (
    pii_address_answers,
    pii_address_forms,
    pii_agent_intros,
    pii_airline_names,
    pii_answering,
    pii_asian_addresses,
    pii_bank_accounts,
    pii_bank_dob,
    pii_closing_names,
    pii_country_ids,
    pii_european_addresses,
    pii_home_units,
    pii_honorific_names,
    pii_id_layouts,
    pii_ids,
    pii_letter_greetings,
    pii_name_answers,
    pii_national_accounts,
    pii_native_addresses,
    pii_own_units,
    pii_payment_layouts,
    pii_said_ids,
    pii_script_name_cues,
    pii_script_names,
    pii_script_signatures,
    pii_short_phones,
    pii_signoff_names,
    pii_spelled_ids,
    pii_spoken_ids,
    pii_spoken_names,
    pii_structured_ids,
    pii_table_cells,
    pii_titled_names,
    pii_town_fields,
    pii_unit_complements,
    pii_world_ids,
)

Found = tuple[str, int, int, float]  # kind, start, end, score

_L = r"[^\W\d_]"  # one letter, any script
_NAME_TOKEN = rf"{_L}{{1,30}}+(?:['’-]{_L}{{1,30}}+){{0,3}}"  # Mary-Jane, O'Connor, D’Souza, José
_PARTICLES = r"(?:(?:van|von|der|den|de|del|della|di|da|du|dos|das|la|le|bin|binti|ibn|al|el|ter|ten|y|i|'t|’t)[ \t]){0,2}"

# ---- e-mail -----------------------------------------------------------------------------------------------------
EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]{1,64}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,8}+")
_TLD = re.compile(r"\.[^\W\d_]{2,24}$")
# "at" in other languages too (since session 11): French "arobase", Italian "chiocciola", German "Klammeraffe", Dutch
# "apenstaartje"; Dutch "punt" for the dot
_AT_WORDS = r"at|arroba|arobase|chiocciola|klammeraffe|apenstaartje|chez|bei"
_AT = rf"(?:\s?[(\[{{<]\s?(?:{_AT_WORDS}|em|@)\s?[)\]}}>]\s?|\s(?:{_AT_WORDS})\s)"
_DOT = r"(?:\s?[(\[{<]\s?(?:dot|punto|point|punkt|ponto|punt|\.)\s?[)\]}>]\s?|\s(?:dot|punto|point|punkt|ponto|punt)\s)"
# since session 14's third part an underscore or a hyphen said in words joins the local part ("d-o-t-t-y underscore
# bloom at hotmail dot co dot uk")
_SPOKEN_JOIN = r"\s(?:underscore|hyphen|dash)\s"
OBFUSCATED_EMAIL = re.compile(
    # not a pronoun or a plain word before a spoken "at": "mail me at k dot obrien at gmail dot com"
    r"(?<![\w.-])(?!(?i:me|us|you|him|her|them|it|home|work|this|that|there|here|least|once|all|one|someone)\s)"
    rf"(?:[\w+-]{{1,64}}+(?:{_DOT}|{_SPOKEN_JOIN})){{0,3}}[\w.+-]{{1,64}}+{_AT}[\w-]{{1,63}}+(?:{_DOT}[\w-]{{1,63}}+){{1,4}}"
    r"(?![\w-])", re.IGNORECASE)
# a bracketed "(at)" or a spaced "@" with ordinary dots after it: "tom_h(at)yahoo.co.uk", "sven.lindgren @ telia.se"
_BRACKETED_AT = rf"(?:[ \t]?[(\[{{<][ \t]?(?:{_AT_WORDS}|em|@)[ \t]?[)\]}}>][ \t]?|[ \t]@[ \t]?|@[ \t])"
SPACED_EMAIL = re.compile(
    rf"(?<![\w.-])[\w.+-]{{1,64}}+{_BRACKETED_AT}[\w-]{{1,63}}+(?:(?:\.|[ \t]\.[ \t])[\w-]{{1,63}}+){{0,3}}"
    rf"(?:\.|[ \t]\.[ \t])[^\W\d_]{{2,24}}(?![\w-]|\.[\w-])",  # a full stop may end the sentence
    re.IGNORECASE)


# since session 14: a spoken "at" after a number is a price or a count, not a mailbox ("pay 2.99 at royalmail-redelivery
# dot com", "3 at amazon dot com"): an obfuscated address's local part holds a letter
_NUMBER_AT = re.compile(r"[\d.,]{1,64}[ \t(\[{<]")


def find_emails(text: str) -> Iterator[Found]:
    for m in EMAIL.finditer(text):
        if _TLD.search(m.group()):
            yield "EMAIL", m.start(), m.end(), 0.95
    for m in OBFUSCATED_EMAIL.finditer(text):
        if "@" not in m.group() and not _NUMBER_AT.match(m.group()):
            yield "EMAIL", m.start(), m.end(), 0.85
    if "@ " in text or " @" in text or "(" in text or "[" in text or "{" in text or "<" in text:
        for m in SPACED_EMAIL.finditer(text):
            yield "EMAIL", m.start(), m.end(), 0.85


# ---- card numbers and IBANs -------------------------------------------------------------------------------------
# groups of 3-6 digits (4-4-4-4, 4-6-5, 4-4-4-4-3) or one run of 13-19
# since session 14's second part also groups of four split by slashes ("6011/1728/2607/6797"; a date's groups are shorter)
_CARD_RUN = re.compile(r"(?<![\w.-])\d{3,6}(?:(?:[ .-]|  )\d{3,6}){1,5}(?![\w-]|\.\d)|(?<![\w.-])\d{13,19}(?![\w])"
                       r"|(?<![\w./-])\d{4}(?:/\d{4}){2,3}(?:/\d{1,4})?(?![\w/-]|\.\d)")
def card_layout_ok(value: str) -> bool:
    """Whether digits are grouped as a card is written (since session 12): one run, groups of four (the last of 1-4:
    "4-4-4-4-3"), Amex/Diners "4-6-5"/"4-6-4", or one digit a group (read out). "112-4471920-5530184" (an order
    number) is 3-7-7: no card, even when it passes Luhn."""
    groups = [len(g) for g in re.findall(r"\d+", value)]
    return (len(groups) <= 1 or all(g == 1 for g in groups) or groups in ([4, 6, 5], [4, 6, 4])
            or (all(g == 4 for g in groups[:-1]) and 1 <= groups[-1] <= 4))


def find_cards(text: str) -> Iterator[Found]:
    """Luhn-valid runs of 13-19 digits in groups split by one space, two spaces, a dot or a dash."""
    for m in _CARD_RUN.finditer(text):
        groups = list(re.finditer(r"\d+", m.group()))
        # the longest prefix of whole groups that is a valid card (a run may carry an expiry or CVV after it)
        count, ends = 0, []
        for g in groups:
            count += len(g.group())
            ends.append((m.start() + g.end(), count))
        digits = re.sub(r"\D", "", m.group())
        for end, n in reversed(ends):
            # a card number never starts with 0 (ISO/IEC 7812): "0044 7911 123456" is a phone that passes Luhn
            if 13 <= n <= 19 and digits[0] != "0" and privacy.luhn_valid(digits[:n]) and len(set(digits[:n])) > 1 and (
                    card_layout_ok(text[m.start():end])):
                yield "CARD", m.start(), end, 0.95
                break


IBAN_LENGTHS = {"AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
                "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26,
                "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
                "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "BR": 29, "TR": 26, "SA": 24, "AE": 23,
                "IL": 23, "MX": 18}
_IBAN_RUN = re.compile(r"(?<![\w-])([A-Za-z]{2})(\d{2})((?:[ -]{0,2}[A-Za-z0-9]{1,4}){2,8})(?![\w])")


def iban_ok(compact: str) -> bool:
    compact = compact.upper()
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


_IBAN_TOKEN = re.compile(r"[A-Za-z0-9]+")


def _iban_walk(m: re.Match[str]) -> tuple[str, int, bool] | None:
    """An `_IBAN_RUN` match read word by word up to its country's IBAN length: (the upper-case compact IBAN, where it
    ends, whether it is printed in the IBAN's own layout — groups of four, one space or dash between them, the last
    group 1-4), or None when no whole word ends at that length (a word after the number is not part of it)."""
    country = m.group(1).upper()
    length = IBAN_LENGTHS.get(country)
    if length is None:
        return None
    compact, end, printed, last = country + m.group(2), m.end(2), True, False
    for g in _IBAN_TOKEN.finditer(m.group(3)):
        if len(compact) >= length:
            break
        gap = m.group(3)[end - m.start(3):g.start()]
        printed = printed and not last and gap in (" ", "-") and 1 <= len(g.group()) <= 4
        last = len(g.group()) < 4
        compact += g.group()
        end = m.start(3) + g.end()
    if len(compact) != length:
        return None
    return compact.upper(), end, printed


def find_ibans(text: str) -> Iterator[Found]:
    """IBANs in any case, grouped by spaces or dashes or not at all, checked by their mod-97 digits; since session
    17 also one whose check digits fail (mistyped, or made up in a test, still the customer's) when it is printed in
    the IBAN's own layout (``DE44 5001 0517 5407 3249 32``) with at least half of its account part digits."""
    for m in _IBAN_RUN.finditer(text):
        walked = _iban_walk(m)
        if walked is None:
            continue
        compact, end, printed = walked
        if iban_ok(compact):
            yield "IBAN", m.start(), end, 0.95
        elif printed and sum(c.isdigit() for c in compact[4:]) * 2 >= len(compact) - 4:
            yield "IBAN", m.start(), end, 0.8


# ---- phones -------------------------------------------------------------------------------------------------------
# "+44 20 7946 0958", "(+34) 612 345 678", "+49 (0)89 1234 5678", "415.555.0133", then an extension ("ext. 204", "x31")
PHONE = re.compile(r"(?<![\w+/.-])(?P<number>\(?(?:\+|00)?\d{1,12}\)?(?:[ .-]{0,2}\(0\)[ .-]{0,2}\d{1,8})?"
                   r"(?:[ .-]{1,2}\(?\d{1,8}\)?){0,5})"
                   r"(?:,?[ \t]?(?i:ext\.?|extn\.?|extension|x|poste|dw\.?|durchwahl|ramal)[ \t]?[.:]?[ \t]?\d{1,5})?"
                   r"(?![\w/]|[.,]\d)")
# German and Austrian numbers with a slash after the area code: "030/1234567", "089 / 123 45 67"
PHONE_SLASH = re.compile(r"(?<![\w/.-])0\d{2,4}[ \t]?/[ \t]?\d{2,9}(?:[ -]\d{1,5}){0,3}(?:[ \t]-[ \t]\d{1,4})?(?![\w/]|[.,]\d)")
_PHONE_CUE = re.compile(r"(?i:phone|t[eé]l[eé]?(?:fono|fone|phone|foon)?|mobile|mobiel|cell|call|ring|text|whats ?app|"
                        r"sms|m[oó]vil|handy|portable|celular|cellulare|number|número|numéro|nummer|numero|ruf|bel|"
                        r"contact)")
# since session 14: a number typed one digit at a time, a group gap of up to three spaces ("0 7 7 0 0   9 0 0   2 1 8"),
# starting with 0 or + and after a phone cue
SPACED_DIGITS = re.compile(r"(?<![\w+.,-])(?:\+[ \t]?\d|0)(?:[ \t]{1,3}\d){8,14}(?![\w]|[ \t]{1,3}\d|[.,]\d)")
_SPACED_HINT = re.compile(r"(?<!\d)[0+][ \t]\d[ \t]\d[ \t]\d")
_DATE_LIKE = re.compile(r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?:[ T]\d{1,2}[:h]\d{2})?$")
_TIME_AFTER = re.compile(r"\s?(?::\d{2}|h\d{2}|\s?(?:am|pm|uhr|h)\b)", re.IGNORECASE)


_FOURS = re.compile(r"\d{4}([ .-])\d{4}\1\d{4}")
# capital letters just before a number make it a code ("PEX 1120 9931 05", "CTX 5501 2278"), unless they say phone
_LETTERS_BEFORE = re.compile(r"(?<![\w-])([A-Z]{2,5})[ -]$")
_PHONE_LETTERS = frozenset("TEL TLF FAX MOB PH CELL SMS GSM TFN DDI DD WA NR NO NUM UK US IE".split())


def _lettered_code(text: str, before: str) -> bool:
    """Capital letters that open a code just before the number, in a text that is not written in capitals."""
    m = _LETTERS_BEFORE.search(before)
    return m is not None and m.group(1) not in _PHONE_LETTERS and any(c.islower() for c in before)


def phone_candidates(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of up to ``limit`` runs that could be a phone number (7-15 digits), with the prefix before them."""
    out = []
    for m in PHONE.finditer(text):
        if 7 <= sum(c.isdigit() for c in m.group("number")) <= 15:
            out.append((max(0, m.start() - 1), m.end()))
            if len(out) >= limit:
                break
    return out


def find_phones(text: str) -> Iterator[Found]:
    """7-15 digit numbers written as phones: with a + or 00 prefix, or grouped, or after a phone cue."""
    for m in PHONE.finditer(text):
        if m.end("number") - m.start("number") < 7:  # too short to hold 7 digits (most of a hostile text's runs)
            continue
        raw = m.group("number").strip()
        digits = re.sub(r"\D", "", raw)
        if not 7 <= len(digits) <= 15 or _DATE_LIKE.match(raw) or _TIME_AFTER.match(text, m.end()):
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if re.search(r"(?i)(?:BWT?|order|pedido|commande|bestellung|encomenda|tracking|#)[\s:#-]*$", before):
            continue
        international = raw.lstrip("(").startswith(("+", "00"))
        if not international and raw[0] != "0" and (_FOURS.fullmatch(raw) or _lettered_code(text, before)):
            continue  # since session 13: "Account 8500 1129 3304" (no phone is grouped 4-4-4), "renewal PEX 1120 9931 05"
        # since session 14's third part brackets around a whole run group nothing ("Zalando (10203040506)")
        grouped = bool(re.search(r"[ .()-]", raw.strip("()")))
        cued = _PHONE_CUE.search(before) is not None
        if international or cued or (grouped and len(digits) >= 9) or (len(digits) in (10, 11) and raw[0] == "0"):
            yield "PHONE", m.start(), m.start() + len(m.group().rstrip()), 0.85 if (international or cued) else 0.6
    if "  " in text or _SPACED_HINT.search(text):
        for m in SPACED_DIGITS.finditer(text):
            count = sum(c.isdigit() for c in m.group())
            if 9 <= count <= 13 and _PHONE_CUE.search(text, max(0, m.start() - 30), m.start()):
                yield "PHONE", m.start(), m.end(), 0.8
    if "/" in text:
        for m in PHONE_SLASH.finditer(text):
            if 7 <= sum(c.isdigit() for c in m.group()) <= 13:
                yield "PHONE", m.start(), m.end(), 0.8


# ---- street addresses ---------------------------------------------------------------------------------------------
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]{0,30}+"
_EN_TYPES = (r"Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Way|Court|Ct|Boulevard|Blvd|Place|Pl|Terrace|Close|"
             r"Crescent|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Mews|Gardens|Grove|Hill|Walk|Circle|Cir|Trail|Alley|Estate|"
             r"Loop|Plaza|Rise|Vale|Wharf|Quay|Heights|Parade|Esplanade|Embankment|Ridge|Meadows|Villas|Yard|Pike|"
             r"Expressway|Expy|Freeway|Fwy|Cottages|Cottage|Buildings|Mansions|Chase|Croft|Wynd|Tower|Towers|Residences")
# since session 10: an estate or a green named like a street ("12 Seaview Park, Salthill, …"), only with a town or a
# postcode after it ("2 Jurassic Park" is a game)
_ESTATE_TYPES = r"Park|Green|Gate|View|Fields|Lawns|Approach|Mount"
# a flat, floor, staircase or building after the street: "Apt 4B", "apto 92", "Bât. B", "piso 2", "Top 12", "bus 3"
_UNIT = (r"(?:,?\s#\s?\d{1,5}[A-Za-z]?|,?\s(?i:apartment|apartamento|appartement|bâtiment|batiment|escalera|andar|apto|appt|apt|flat|unit|"
         r"suite|ste|floor|fl|piso|planta|puerta|pta|esc|bloco|bloque|portal|dpto|depto|bât|bat|étage|etage|whg|"
         r"stiege|stock|top|scala|interno|int|piano|bus|room|rm|m|lok)\b\.?\s?[\w-]{1,6}+){0,2}")
_HOUSE = r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,4})?"
# a house number read out (voice transcripts): "fifteen Albert Road", "forty-two Mill Lane"
_SPOKEN_HOUSE = (r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|"
                 r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
EN_ADDRESS = re.compile(
    rf"(?<![\w-])(?:(?i:flat|apt|apartment|unit|suite|plot|lot|block|villa|level|floor|room)\.?\s[\w/-]{{1,5}},?\s(?:{_HOUSE}\s)?|{_HOUSE}\s"
    rf"|{_SPOKEN_HOUSE},?\s(?=[A-Z]))"
    rf"(?:(?:\d{{1,3}}(?:st|nd|rd|th)|{_CAP})\s){{1,4}}"
    rf"(?:{_EN_TYPES})\b\.?(?:\s(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Lower|Upper)\b)?{_UNIT}"
    rf"|(?<![\w-]){_HOUSE}\s(?:Broadway|Piccadilly|The Strand|Strand|Kingsway|Haymarket|Deansgate)\b{_UNIT}")
EN_ESTATE_ADDRESS = re.compile(rf"(?<![\w-])(?:(?:Flat|Apt|Apartment|Unit|Suite)\.?\s[\w/-]{{1,5}},?\s(?:{_HOUSE}\s)?|{_HOUSE}\s)"
                               rf"(?:{_CAP}\s){{1,3}}(?:{_ESTATE_TYPES})\b(?=,\s)")
_PARTICLE = (r"(?:(?:de la|de las|de los|de l['’]|della|delle|degli|dello|dei|de|del|des|du|d['’]|di|da|do|das|dos|"
             r"von|zum|zur|am)\s?)")
_FR_ES_PT_TYPES = (r"rue|avenue|boulevard|bd|place|impasse|allée|chemin|quai|cours|route|passage|faubourg|"
                   r"calle|c/|avenida|avda\.?|av\.|paseo|plaza|pza\.?|camino|carretera|ronda|travesía|carrer|passeig|"
                   r"rambla|avinguda|plaça|rua|travessa|praça|largo|estrada|alameda|calçada|rodovia|viale|piazza|"
                   r"piazzale|corso|vicolo|strada|lungomare|ul\.|ulica|al\.|aleja|plac|"
                   # since session 11: French residences and hamlets, Italian rural addresses
                   r"résidence|lotissement|hameau|lieu-dit|contrada|località|frazione|borgo|vico|salita")
# a floor and door after a Spanish or Portuguese number: "3º B", "2º Esq.", "2º izq", "1ª dcha"
_FLOOR = (r"(?:,?\s\d{1,2}(?:\.?[º°ª]|(?i:r|n|t|a|o|er|e|ème)(?![\w]))?\s?(?:(?i:esquerdo|esq|direito|dto|dta|dcha|dcho|"
          r"drcha|izquierda|izqda|izda|izq|derecha|frente|fte|centro|ctro)\b\.?|[A-Za-z](?!\w))?(?![\w]|-\d)"
          r"(?![ \t](?i:étage|etage|floor|andar|piso|planta|stock|og)\b)){0,2}")
# since session 14's third part a number that a floor's word follows is no house number ("rue de Rivoli, 3e étage")
_NOT_FLOOR = r"(?![ \t](?i:étage|etage|floor|andar|piso|planta|stock|og)\b)"
LATIN_ADDRESS = re.compile(
    # "Via" only with its capital: "shipped Nov 20 via DHL 1234567890" is no address
    rf"\b(?:\d{{1,4}}(?:\s?(?:bis|ter))?,?\s)?(?:(?i:{_FR_ES_PT_TYPES})|Via(?=\s(?:{_PARTICLE})?[A-ZÀ-Þ][a-zà-ÿ]))\s{_PARTICLE}?"
    rf"(?:{_CAP}|\d{{1,2}}\sde\s{_CAP})(?:\s{_PARTICLE}?{_CAP}){{0,3}}"
    rf"(?:,?\s(?:n[º°o]\.?\s?)?\d{{1,4}}(?:/\d{{1,4}})?(?!\d|-\d)(?:\s?[A-Za-z](?!\w|\.[ \t]?\d))?(?![\w]){_NOT_FLOOR}{_FLOOR})?{_UNIT}")
DE_ADDRESS = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß-]{1,30}(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|"
    r"steig|pfad)|(?:[A-ZÄÖÜ][\wäöüß-]{0,30}+\s)(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm)|"
    r"(?:Am|An der|Auf dem|Im|Unter den|In der)\s[A-ZÄÖÜ][\wäöüß-]{2,30}+|"
    r"(?:Straße|Strasse|Platz|Allee|Weg|Ring|Damm)\s(?:des|der|dem|den)\s(?:\d{1,2}\.\s)?[A-ZÄÖÜ][\wäöüß-]{2,30}+"
    r"(?:\s[A-ZÄÖÜ][\wäöüß-]{2,30}+)?"
    # since session 14: a street named after a person, hyphenated ("Karl-Marx-Allee 90", "Konrad-Adenauer-Straße 3")
    r"|[A-ZÄÖÜ][a-zäöüß]{1,20}(?:-[A-ZÄÖÜ][a-zäöüß]{1,20}){1,3}-(?:Straße|Strasse|Str\.|Allee|Platz|Weg|Ring|Damm|"
    r"Gasse|Ufer|Chaussee))\s\d{1,4}\s?[a-z]?(?:[-/]\d{1,4}){0,3}"
    r"(?![\w])")
_LOCALITY = (r"(?:Co\.?\s|County\s|Col\.?\s|Colonia\s|Bairro\s|Barrio\s)?[A-ZÀ-Þ][\w'’-]{1,30}+(?:\s(?:de |do |da |del |"
             r"upon |on |am |an der |sur |en |di |la |le )?[A-ZÀ-Þ][\w'’-]{1,30}+){0,2}(?:[ \t]\d{1,2}(?![\w]|[.,:/-]\d))?")
# "P O 4 0 J T"; since session 12 also with commas and the outward digits together ("M, 14, 5, R, X")
# since session 13 a digit may be said as a word ("L S six, three A B"); _SPOKEN_POSTCODE_TAIL reads one in any case
# after an address ("…, london, n seven, eight j l")
_SD = r"(?:\d|(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?![\w'’]))"
# since session 14's second part the district may be said as a number ("B H twenty one, four R T")
_SPOKEN_DISTRICT = (r"(?i:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|"
                    r"seven|eight|nine))?)(?![\w'’])")
# since session 14's third part the letters and digits may be joined by hyphens ("B-S-one, four-A-B", "S-E-nine, four-Q-T")
_SPC = r"(?:,?[ \t]|-)"
_SPOKEN_POSTCODE = (rf"[A-Z](?:{_SPC}[A-Z])?{_SPC}(?:\d\d|{_SPOKEN_DISTRICT}|{_SD}(?:{_SPC}(?:[A-Z]|{_SD}))?){_SPC}{_SD}{_SPC}[A-Z]{_SPC}[A-Z]"
                    r"(?![\w])")
_POSTCODE = r"(?:\d{4}\s?[A-Z]{2}(?=\s[A-Z])|\d{3}[ \t]\d{2}(?=[ \t][A-ZÀ-Þ])|" + _SPOKEN_POSTCODE + r"|\d{2}-\d{3}(?![\w-])|[AC-FHKNPRTV-Y]\d[\dW]\s?[AC-FHKNPRTV-Y\d]{4}(?![\w])|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|\d{4,5}(?:-\d{3,4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)"
# a month or a weekday is not a town's second word ("10115 Berlin im Juni")
_MONTH_OR_DAY = (r"(?:Januar|January|Jänner|Februar|February|März|March|April|Mai|May|Juni|June|Juli|July|August|"
                 r"September|Oktober|October|November|Dezember|December|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
                 r"Samstag|Sonntag|Frühling|Frühjahr|Sommer|Herbst|Winter)\b")
# what may follow a street: "28013 Madrid", ", London NW1 6XE", ", Didsbury, Manchester M20 2RN", ", New York, NY 10025",
# ", Newtown NSW 2042", ", Kingston upon Thames KT1 1AA", ", 1012 LG Amsterdam", or a town ending the sentence
_POSTCODE_CITY = re.compile(
    rf",?\s{_POSTCODE}(?:[ \t](?:(?:de|del|am|an der|sur|en|im|ob der)\s(?!{_MONTH_OR_DAY}))?[A-ZÀ-ÞĀ-Ž][\w'’-]{{1,30}}+){{0,3}}"
    r"(?:[ \t](?:NV|SV|NØ|SØ|[KVNSCØ])(?=[ \t]*(?:[.,;!?\r\n]|$)))?"
    rf"|(?:,\s{_LOCALITY}){{1,2}}(?:[ \t]?[-–][ \t]?[A-Z]{{2}})?,?\s(?:[A-Z]{{2,3}}\s)?{_POSTCODE}"
    rf"(?:(?<=\d)[ \t](?!{_MONTH_OR_DAY})[A-ZÀ-Þ][\w'’-]{{1,30}}+(?:[ \t](?:de|del|am|im|an der|sur|en)[ \t][A-ZÀ-Þ][\w'’-]{{1,30}}+)?)?"
    rf"|(?:,\s{_LOCALITY}){{1,3}}(?:\s\d{{1,2}}(?:e|er|ème)?(?:,\s{_POSTCODE})?)?(?=[ \t]{{0,4}}(?:[.!?;\r\n]|$)|,[ \t]"
    rf"[a-zà-ÿ]|[ \t][-–—][ \t])")
# since session 12: a Spanish, Portuguese, French or Italian street all in lower case, with its number then a comma, a
# floor or the sentence's end ("avenida de la constitución 22, 4ºB, sevilla"; not "la rue depuis 3 jours")
LOWER_LATIN_ADDRESS = re.compile(
    r"(?<![\w-])(?:calle|avenida|avda\.?|paseo|plaza|carrer|rua|rue|boulevard|viale|piazza|corso|travessa|praça|camino|"
    r"allée|chemin)[ \t](?:(?:de la|de las|de los|del|de|da|do|das|dos|des|du|di|della|dei)[ \t])?"
    r"[a-zà-ÿ][a-zà-ÿ'’-]{2,30}(?:[ \t](?:(?:de la|de|del|da|do|des|du|di)[ \t])?[a-zà-ÿ][a-zà-ÿ'’-]{2,30}){0,2}"
    rf",?[ \t](?:n[º°o]\.?[ \t]?)?\d{{1,4}}[a-z]?(?:{_FLOOR})(?=[ \t]*(?:[,.;!?\r\n]|$))")
_DUTCH_TYPES = ("gracht", "straat", "laan", "weg", "plein", "kade", "dijk", "singel", "steeg", "dreef", "markt", "hof",
                "wal", "pad", "park")
OTHER_ADDRESS = re.compile(
    r"\b(?:P\.?\s?O\.?\s?Box|Apartado(?: de [Cc]orreos)?|Postfach|Caixa Postal|Boîte [Pp]ostale)\s\d{1,6}(?:[ \t]\d{2}){0,2}(?![\w])"  # PO boxes
    # since session 12, North American rural routes: "RR 2, Box 118", "Rural Route 3 Site 5", "HC 61 Box 20"
    r"|\b(?:RR|R\.R\.|Rural Route|HC|Star Route)[ \t]?\d{1,3},?[ \t](?:Box|Site|Comp)[ \t]\d{1,5}(?![\w])"
    # since session 13 with up to two words before ("Ferdinand Bolstraat", "Eerste Jacob van Campenstraat")
    rf"|\b(?:(?!(?:Mijn|Ons|Onze|Het|Bij|Op|Naar|Adres|Hallo|Hoi|Dag|Beste|Graag|In|Aan|Te|Wij|Ik|We|Is|En|Of)\s)"
    rf"[A-Z][a-z]{{1,20}}\s(?:(?:van|de|der|den)\s)?){{0,2}}[A-Z][a-zë]{{1,30}}(?:{'|'.join(_DUTCH_TYPES)})\s\d{{1,4}}[a-zA-Z]?"
    r"(?:[-/]\d{1,4}(?:hg|h|hoog)?|[ -](?:bis|ter|hs|huis|boven|bus[ \t]?\d{1,3})|-(?:I{1,3}|IV))?(?![\w])"  # 152-III, 88-2hg
    r"|\b(?:[A-Z][a-z]{2,30}\s(?:(?:van|de|der|den|het|op|aan|bij|'t)\s){0,2}){0,2}[A-Z][a-z]{2,30}\s\d{1,4}[a-z]?"
    r"(?=,?\s\d{4}\s?[A-Z]{2}\s[A-Z])"  # "Laan van Meerdervoort 220, 2517 BJ Den Haag"
    # Colombia and its neighbours: "Carrera 15 # 93-47", "Calle 72 No. 10-34", "Cra. 7 #45-10"
    r"|\b(?i:carrera|calle|diagonal|transversal|avenida|cra\.?|kra\.?|cl\.?|av\.?)\s\d{1,3}[A-Za-z]?(?:\s?bis)?\s?"
    r"(?:#|(?i:n[º°o]\.?))\s?\d{1,3}[A-Za-z]?\s?-\s?\d{1,3}(?![\w-])")  # Damrak 1, 1012 LG
# lower-case English streets: "22 victoria street" (one or two words before a common street type, none a plain word)
LOWER_EN_ADDRESS = re.compile(
    r"(?<![\w-])(?:(?:flat|apt|apartment|unit|suite)\.?\s[\w-]{1,5},?\s)?(?:\d{1,5}[a-z]?|(?i:one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))\s"
    r"((?:[a-z]{3,20}\s){1,2})"
    r"(?:street|road|avenue|lane|drive|st|rd|ave|court|close|crescent|grove|terrace|mews|gardens)\b")  # s. 15: court…
_NOT_STREET_WORDS = frozenset("""
the and for from with down along across near off main new old big small same other next this that each every more
minutes hours days weeks times miles blocks km metres meters doors houses streets roads other into onto over under
way side dead one
""".split())


# words that open a sentence, not a street's name: "The Old Rectory" is a house, "Please Road" no street
NOT_STREET_OPENERS = frozenset("""the a an my our your his her their this that at on in to from for via and or near by
off opposite behind please send deliver ship""".split())


# since session 11: Danish, Norwegian and Swedish streets ("Nørrebrogade 45, 3. th., 2200 København N")
_NORDIC_TYPES = ("gade", "vej", "vei", "veien", "veg", "vegen", "gata", "gatan", "vägen", "väg", "stræde", "torv",
                 "torget", "plads", "plass", "gränd")
NORDIC_ADDRESS = re.compile(rf"(?<![\w-])[A-ZÆØÅÄÖ][a-zæøåäöé]{{1,30}}(?:{'|'.join(_NORDIC_TYPES)})\s\d{{1,4}}[A-Za-z]?"
                            r"(?:,?\s\d{1,2}\.?\s?(?:th|tv|mf|sal)\.?)?"
                            r"(?:,?\s(?i:lgh|lägenhet|leil|leilighet)\.?\s?\d{1,5})?(?![\w])")  # "lgh 1102" since session 12
_DE_STREET = r"[A-ZÄÖÜ][a-zäöüß-]{2,30}(?:straße|strasse|gasse|platz|allee|weg|ring|damm|ufer|markt|graben)"
# a German or Austrian street without a house number, which the postcode and town after it make an address:
# "Hauptplatz, 8010 Graz"
DE_NUMBERLESS = re.compile(rf"(?<![\w-]){_DE_STREET}(?=,?\s\d{{4,5}}\s[A-ZÄÖÜ])")
# a street without a number after words that say the writer lives or wants a delivery there: "I live at Rosemary
# Lane", "we're at Kastanienallee", "deliver to Kings Road" ("the shop on Castle Street" stays: no such words)
RESIDENCE_STREET = re.compile(
    r"(?i:\b(?:live|lives|living|stay|staying|based|located|moved|move|moving)[ \t](?:at|on|in|to)"
    r"|\b(?:i['’]?m|we['’]?re|i[ \t]am|we[ \t]are)[ \t](?:at|on)"
    r"|\b(?:my|our|his|her|their|new|delivery|home|postal)[ \t]address[ \t](?:is|:)|\baddress[ \t]?:"
    r"|\b(?:deliver|send|ship|post|bring)(?:[ \t](?:it|them|this|everything))?[ \t]to)[ \t]{1,2}(?:the[ \t])?"
    rf"((?:{_CAP}[ \t]){{1,3}}(?:{_EN_TYPES})\b\.?|{_DE_STREET}"
    rf"|[A-Z][a-zë]{{2,30}}(?:straat|laan|gracht|plein|kade|singel)"
    rf"|[A-ZÆØÅÄÖ][a-zæøåäöé]{{1,30}}(?:{'|'.join(_NORDIC_TYPES)}))(?![\w'’-])"
    # since session 12: not a shop or a station named by its street ("I'm at Oxford Street store right now")
    r"(?![ \t](?i:store|shop|branch|station|stop|mall|outlet|location|office|market|tube|underground|car park|"
    r"parking|entrance|exit|site|depot|clinic|surgery|pharmacy|library|hotel|restaurant|cafe|café|bar|pub)s?\b)")
_RESIDENCE_WORDS = ("live", "living", "stay", "based", "located", "move", "i'm at", "im at", "we're at", "i am at",
                    "we are at", "i'm on", "we're on", "address", "deliver", "send", "ship", "post", "bring")
# a unit before an address found without it: "Room 214, Cartwright Hall, …", "flat 4b, 27 …", "Lot 12, Chemin …"
_UNIT_BEFORE = re.compile(r"(?<![\w-])(?i:flat|apt|apartment|unit|suite|room|rm|lot|plot|block|villa|studio|office|"
                          r"bâtiment|batiment|bât|bat|escalier|edificio|bloque|portal|gebäude|haus|building|"  # session 12

                          r"appartement|apto|apartamento|wohnung|whg)\.?[ \t](?:(?:[\w/-]{0,4}\d[\w/-]{0,4}|[A-Za-z]),?[ \t])?$")
# the lines of an address before a UK or Canadian postcode found alone: "Ty Gwyn, Heol y Felin, Llandeilo SA19 6BD"
_ADDRESS_PARTICLES = frozenset("y yr de la le du des upon on of the am im an der den van".split())
_TOWN_BEFORE = re.compile(r"(?<![^\s:;(\[])([A-ZÀ-Þ][\w'’-]{1,30}(?:[ \t](?:[A-ZÀ-Þ][\w'’-]{1,30}|upon|on|in|le|de|"
                          r"by|the)){0,3}),?[ \t]{1,2}$")
_LINE_BEFORE = re.compile(r"(?<![^\s:;(\[])((?:[A-ZÀ-Þ]|\d{1,5}[A-Za-z]?[ \t])[\w'’-]{0,30}"
                          r"(?:[ \t](?:[A-ZÀ-Þ0-9][\w'’-]{0,30}|y|yr|de|la|le|du|des|upon|on|of|the|am|im|an|der|den|van)){0,4}),"
                          r"[ \t]{1,2}$")


_UNIT_LINE = re.compile(r"(?i:flat|apt|apartment|unit|suite|room|lot|plot|block|villa|studio|office|p\.?\s?o\.?\s?box)\b")


def _lines_before(text: str, start: int) -> int:
    """Where an address that starts at a postcode starts: over the town before it and up to three comma-separated
    lines of capitalised words (a house name, a street without a number), not over a greeting or a plain word."""
    for i, pattern in enumerate((_TOWN_BEFORE, _LINE_BEFORE, _LINE_BEFORE, _LINE_BEFORE)):
        m = pattern.search(text, max(0, start - 80), start)
        if m is None:
            break
        if i == 0 and _DIGIT.search(m.group(1)):
            break
        words = list(re.finditer(r"\S+", m.group(1)))
        bad = [j for j, w in enumerate(words) if _not_address_word(w.group().lower()) or (
            j == 0 and w.group().lower() in NOT_STREET_OPENERS and w.group() != "The")]
        if bad:  # "Address Bryn Teg, …": the line starts after the last plain word, and the address there
            rest = words[bad[-1] + 1:]
            if rest and rest[0].group()[0].isupper():
                start = m.start(1) + rest[0].start()
            break
        start = m.start(1)
        if i and (m.group(1)[0].isdigit() or _UNIT_LINE.match(m.group(1))):
            if m.group(1)[0].isdigit():  # since session 14's second part: a unit and a building's name before the
                before = _BUILDING_BEFORE.search(text, max(0, start - 80), start)  # street ("Flat 12, Mariner House,")
                start = before.start() if before else start
            break  # a numbered street or a unit is the first line ("Harpreet Kaur, Unit 4, …": not the name before)
    return start


_GREETING_WORDS = frozenset("hi hey dear hello hiya thanks thx cheers regards please ok okay hola bonjour hallo olá ciao "
                            "attn attention".split())


def _not_address_word(word: str) -> bool:
    """A greeting or a plain word ("Dear Bob, M1 1AA"); two-letter words of NOT_NAMES may be Welsh ("Ty Gwyn")."""
    return word in _GREETING_WORDS or (len(word) > 2 and word in NOT_NAMES and word not in _ADDRESS_PARTICLES)


# since session 14's third part: a desk or a room of a workplace before the unit ("Reception, Block C, Harcourt Road")
_DESK_BEFORE = re.compile(r"(?<![\w-])(?i:reception|front[ \t]desk|mail[ \t]?room|post[ \t]?room|goods[ \t]in(?:wards?)?)"
                          r",?[ \t]$")


def _unit_before(text: str, start: int) -> int:
    m = _UNIT_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return start
    desk = _DESK_BEFORE.search(text, max(0, m.start() - 20), m.start())
    return desk.start() if desk else m.start()


# Words one of which an address of each family holds (lower case): a fast substring test skips the pattern.
_ADDRESS_WORDS = (
    (EN_ADDRESS, tuple(w.lower().rstrip(".") for w in _EN_TYPES.split("|"))),
    (LATIN_ADDRESS, (*(re.sub(r"[\\.?]", "", w) for w in _FR_ES_PT_TYPES.split("|")), "via")),
    (LOWER_LATIN_ADDRESS, ("calle", "avenida", "avda", "paseo", "plaza", "carrer", "rua", "rue", "boulevard", "viale",
                           "piazza", "corso", "travessa", "praça", "camino", "allée", "chemin")),
    (OTHER_ADDRESS, ("box", "rural route", "rr ", "hc ", "apartado", "postfach", "caixa", "boîte", "#", " no", " nº", " n°", ", 1", ", 2", ", 3", ", 4", ", 5", ", 6", ", 7",
                     ", 8", ", 9", *_DUTCH_TYPES)),
    (DE_ADDRESS, ("straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer", "chaussee",
                  "steig", "pfad", "am ", "an der", "auf dem", "im ", "unter den", "in der")),
    (NORDIC_ADDRESS, _NORDIC_TYPES),
    (DE_NUMBERLESS, ("straße", "strasse", "gasse", "platz", "allee", "weg", "ring", "damm", "ufer", "markt", "graben")),
)


# a street without a house number, which only the postcode after it makes an address (since session 10): "The Old
# Rectory, Church Lane, Little Wenham, Colchester CO7 6PU"
NUMBERLESS_EN_STREET = re.compile(rf"(?<![\w'’-])(?:{_CAP}\s){{1,3}}(?:{_EN_TYPES})\b\.?(?=,?\s)")


# what may stand before a street: a building or company ("Brightwater House, ", "Müller GmbH, "), a floor ("3e étage, ")
_BUILDING_BEFORE = re.compile(
    # since session 14's second part: a unit, then a building's name of any words ("Apartment 4, The Maltings, ")
    r"(?:(?:Unit|Flat|Suite|Apt|Apartment|Office|Studio)\.?[ \t][\w/-]{1,5},[ \t](?:[A-ZÀ-Þ][\w'’&.-]{1,30}[ \t]){0,3}"
    r"[A-ZÀ-Þ][\w'’&.-]{1,30}"
    r"|(?:(?:Unit|Flat|Suite|Apt|Apartment|Office|Studio)\.?[ \t][\w/-]{1,5},?[ \t])?"
    r"(?:[A-ZÀ-Þ][\w'’&.-]{1,30}[ \t]){0,3}(?:House|Court|Building|Buildings|Tower|Centre|Center|Hall|Lodge|Mill|"
    r"Park|Estate|Campus|Works|Farm|Barn|Cottage|Chambers|Rectory|Vicarage|Manor|Grange|Granary|Stables|Bungalow|"
    r"Farmhouse|Schoolhouse|Coach House|Gatehouse|Forge|Dairy|Orchard|Oast|Point|Quarter|Exchange|Wharf|Plaza|"
    r"Place|Square|Gate|Yard|Studios|Hub|Arcade|Towers|GmbH|Ltd\.?|Limited|S\.?L\.?|S\.?A\.?|SARL|SAS|Inc\.?|LLC|B\.?V\.?|AG|KG|Srl|"
    r"S\.?p\.?A\.?|Lda\.?)|\d{1,2}(?:e|er|ème|º|ª|st|nd|rd|th)?[ \t](?i:étage|floor|piso|planta|andar|Stock|OG))"
    r",?[ \t]$")


def find_addresses(text: str) -> Iterator[Found]:
    """Street addresses; since session 11 each grown over a unit written before it ("Room 214, …"), since session 12
    over a known town after it with no comma or postcode ("Rua das Flores 88 apartamento 402 Porto"), since session 13
    over a postcode read out after it, in any case ("…, london, n seven, eight j l")."""
    low = text.lower()
    spoken_digits = "," in text and any(w in low for w in _DIGIT_NAMES)
    for kind, start, end, score in _find_addresses(text):
        if _WORD_NOT_HOUSE_LETTER.search(text, start, end):
            end -= 2  # "Piazza Garibaldi 3 a Bergamo": "a" is "in", no house letter
        if "," in text:
            end = _units_after(text, end)
        placed = _place_after(text, end)
        lower_code = _LOWER_POSTCODE_TAIL.match(text, placed)
        if lower_code and (lower_code.group(1) is None or placed > end):
            placed = lower_code.end()  # "…, london se5 9na", "…, dublin 4, d04 x2p1" (since session 14)
        end = placed
        spoken = _SPOKEN_POSTCODE_TAIL.match(text, end) if spoken_digits else None
        end = spoken.end() if spoken else end
        dutch = _NL_POSTCODE_TAIL.match(text, end) if "," in text else None
        end = dutch.end() if dutch else end  # since session 15: "Kerkstraat 88-2hg, 1017 GM Amsterdam"
        province = _PROVINCE_AFTER.match(text, end) if "(" in text else None
        yield kind, _unit_before(text, start) if start else start, province.end() if province else end, score


_NL_POSTCODE_TAIL = re.compile(r",[ \t]{1,2}\d{4}[ \t]?[A-Z]{2}[ \t][A-Z][\w'’-]{1,30}(?:[ \t][A-Z][\w'’-]{1,30})?(?![\w])")
# since session 14's second part: a province's code in brackets after the town ("10122 Torino (TO)", "Getafe (M)")
_PROVINCE_AFTER = re.compile(r"[ \t]\([A-Z]{1,2}\)")


# since session 14: a floor, a staircase, a building or a door written after the street and before the postcode
# ("Hauptstraße 12, 3. OG links, 69117 Heidelberg", "Karl-Marx-Allee 90, Aufgang B, 10243 Berlin", "Avda. de la
# Constitución 12, bajo izda., 41001 Sevilla"): taken only when a postcode or a town follows it
_UNIT_TAIL = re.compile(
    r",[ \t](?:\d{1,2}(?:[º°ª]|(?i:st|nd|rd|th|e|er|ère|ème|eme|o|a))?\.?[ \t]?(?i:og|obergeschoss|etage|stock|ug|dg|étage|etage|piso|planta|andar|floor)"
    r"|(?i:eg|erdgeschoss|dachgeschoss|hinterhaus|vorderhaus|seitenflügel|gartenhaus|souterrain|hochparterre|bajo|"
    r"entresuelo|ático|atico|principal|rdc|rez-de-chaussée|r/c|cave)"
    r"|(?i:aufgang|eingang|haus|stiege|tür|whg\.?|wohnung|bloque|portal|escalera|esc\.|puerta|pta\.?|bât\.?|bâtiment|"
    r"bat\.?|batiment|escalier|appt\.?|appartement|porte|bloco|bl\.|torre|casa)[ \t]?[A-Za-z\d]{1,4}(?![\w])"
    r"|\d{1,2}[º°ª](?:[ \t]?[A-Za-z](?![\w]))?)"  # since session 14's second part: a floor and a door ("5ºB")
    r"(?:[ \t](?i:links|rechts|mitte|li|re|izda|izq|izquierda|dcha|dcho|derecha|centro|gauche|droite|esq|dto|"
    r"esquerdo|direito)(?![\w]))?\.?(?=,[ \t])")
# a UK postcode or an Irish Eircode in lower case after a town ("…, london se5 9na"), with a Dublin district before it
_LOWER_POSTCODE_TAIL = re.compile(r"([ \t]\d{1,2}(?![\w.:/-]))?,?[ \t]{1,2}(?i:[a-z]{1,2}\d[a-z\d]?[ \t]?\d[a-z]{2}"
                                  r"|[ac-fhknprtv-y]\d[\dw][ \t]?[ac-fhknprtv-y\d]{4})(?![\w])")


def _units_after(text: str, end: int) -> int:
    """The end of an address grown over up to three units after it, when a postcode or a town follows them."""
    pos = end
    for _ in range(3):
        unit = _UNIT_TAIL.match(text, pos)
        if unit is None:
            break
        pos = unit.end()
    if pos == end:
        return end
    tail = _POSTCODE_CITY.match(text, pos)
    return tail.end() if tail else end


_DIGIT_NAMES = ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SPOKEN_POSTCODE_TAIL = re.compile(rf",[ \t]{{1,2}}(?i:{_SPOKEN_POSTCODE})")
_WORD_NOT_HOUSE_LETTER = re.compile(r"\d[ \t][aeoyi]$")

_PLACE_AFTER = re.compile(r",?[ \t]{1,2}([^\W\d_][\w'’-]{1,30}(?:[ \t][^\W\d_][\w'’-]{1,30}){0,2})")


def _place_after(text: str, end: int) -> int:
    m = _PLACE_AFTER.match(text, end)
    if m is None:
        return end
    words = m.group(1).split()
    for n in range(len(words), 0, -1):  # the longest run of words that is a place of pii_places.txt
        if " ".join(words[:n]).lower() in PLACE_WORDS:
            return m.start(1) + len(" ".join(words[:n]))  # one space or tab between the words
    return end


def _find_addresses(text: str) -> Iterator[Found]:
    low = text.lower()
    if any(w in low for w in _RESIDENCE_WORDS):
        for m in RESIDENCE_STREET.finditer(text):
            tail = _POSTCODE_CITY.match(text, m.end())
            before = _BUILDING_BEFORE.search(text, max(0, m.start(1) - 80), m.start(1))
            yield "ADDRESS", before.start() if before else m.start(1), tail.end() if tail else m.end(), 0.75
    for pattern, words in _ADDRESS_WORDS:
        if not any(w in low for w in words):
            continue
        for m in pattern.finditer(text):
            end = m.end()
            tail = _POSTCODE_CITY.match(text, end)
            if tail:
                end = tail.end()
            before = _BUILDING_BEFORE.search(text, max(0, m.start() - 80), m.start())
            yield "ADDRESS", before.start() if before else m.start(), end, 0.85
    if "," in text and any(w in low for w in (" park,", " green,", " gate,", " view,", " fields,", " lawns,",
                                                 " approach,", " mount,")):
        for m in EN_ESTATE_ADDRESS.finditer(text):
            tail = _POSTCODE_CITY.match(text, m.end())
            if tail:
                yield "ADDRESS", m.start(), tail.end(), 0.85
    if "," in text and _DIGIT.search(text) and any(w in low for w in _ADDRESS_WORDS[0][1]):
        for m in NUMBERLESS_EN_STREET.finditer(text):
            tail = _POSTCODE_CITY.match(text, m.end())
            if not tail or not _DIGIT.search(tail.group()):
                continue
            start, street = m.start(), m.group().split()
            while len(street) > 2 and street[0].lower() in NOT_STREET_OPENERS:  # "The Church Lane" is "Church Lane"
                start = text.index(street[1], start + len(street[0]))
                street = street[1:]
            if street[0].lower() in NOT_STREET_OPENERS or street[0].lower() in NOT_NAMES:
                continue
            before = _BUILDING_BEFORE.search(text, max(0, start - 80), start)
            yield "ADDRESS", before.start() if before else start, tail.end(), 0.75
    if any(w in low for w in (" street", " road", " avenue", " lane", " drive", " st", " rd", " ave", " court",
                              " close", " crescent", " grove", " terrace", " mews", " gardens")):
        for m in LOWER_EN_ADDRESS.finditer(text):
            if not any(w in _NOT_STREET_WORDS or w in NOT_NAMES for w in m.group(1).split()):
                tail = _POSTCODE_CITY.match(text, m.end())
                yield "ADDRESS", m.start(), tail.end() if tail else m.end(), 0.8


# ---- person names ------------------------------------------------------------------------------------------------
# Words that follow a cue or a sign-off but are not names (en, es, fr, de, pt); lower case.
NOT_NAMES = frozenset("""
a about after again all also am an and any are as at available back be been best but by can cannot could customer did do does
done for from furious glad going good great happy have having here hi hello hey how i if in is it just kind know let
looking lot love many me more much my no not now of ok okay on or our please really regards right see sent so soon
sorry still sure team thank thanks that the them then there these they this to today too try trying upset us very
wait waiting was we well were what when where which who why will with writing you your yours angry annoyed confused
disappointed frustrated fine calling contacting here ready tired worried afraid unhappy satisfied pleased
advance help support service order again asap anyway everything everyone all again appreciated regards
y el la los las de del en un una por para con que muy mucho gracias saludos hola buenas un cordial atentamente es
et le les des du un une pour avec que très merci bonjour cordialement bien vous à
und der die das ein eine für mit sehr danke hallo grüße freundlichen viele beste ihr ihre
e o os as um uma para com que muito obrigado obrigada olá atenciosamente cumprimentos
q qué grazie bedankt
ordered placed bought said told called recommended suggested mentioned promised explained paid wants wanted needs needed sent got made asked received signed took left
liebe beste herzliche viele vielen dank guys mate team folks lots heaps loads man bro dude xx xxx
everyone everybody anyway anyways heaps cordiales cordialmente abrazo saludo besos bisous amitiés tschüss
i'm i've i'd i'll it's we're you're that's there's he's she's they're
lives lived works worked says thinks tried emailed rang phoned booked returned cancelled canceled complained
next door upstairs downstairs opposite across who which whose lol nvm pls plz thx ty tia btw imo fyi smh omg wtf ffs
haha hehe name names surname number details seat info information data list im ive id ill dont cant its
au aux chez dans sur sous avec qui que con para na nos nas em nel nella alla bij naar op aan het een ugh sigh meh hmm
argh grr wow yay misspelt misspelled spelt spelled incorrect correct wrong missing showing listed
displayed written adresse address dirección direccion endereço morada indirizzo adres
set up down out off over give gives gets got use uses used helps helped buys has had is does made makes put puts
tries took takes came comes went goes opened opens changed changes moves moved lost loses finds pays
grüßen grüssen gruß gruss groet groeten saluti saluto respectfully rgds nothing nobody someone somebody anyone anybody sir madam
yeah yes yep yup nope nah uh um umm erm er ah oh hm mhm
bye byee goodbye cya adios tchau
last next yesterday tomorrow tonight week weekend month year ago earlier later
same driver instead directly personally himself herself themselves either neither though otherwise
subject message enquiry inquiry query comments comment email e-mail telephone postcode zip
link cheers thnx tanks stay safe xo whack sitting frustrating legends phone buy
first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth thirtieth ja och og ve și
landlord landlady tenant homeowner householder owner resident occupant leaseholder freeholder lodger
guardian manager director secretary treasurer chairman admin administrator caller
antemano avance voraus anticipo anticipato adiantado
resolved solved sorted fixed resolvido resolvida resolvidos resuelto resuelta solucionado solucionada risolto risolta
résolu résolue réglé erledigt gelöst opgelost
""".split())  # since session 14: who writes ("Landlord here."), not a name; "gracias de antemano", "merci d'avance"; since session 14's third part a status after the thanks ("Obrigada Thaís! Resolvido.")  # the last three lines since session 13: a form's labels; words that end a tweet ("Thanks! link",
# "Whack"); a transcript's "Customer: phone is …", "Customer: third of March"
# what follows a cue: a religious title between the cue and the name ("Contact: Revd. Canon David Ashworth") is not the
# name
_CUE_TAIL = (r"\s{1,3}[\"“«']?(?:(?i:revd|rev|reverend|canon|pastor|rabbi|imam|fr|father)\.?[ \t]{1,2}){0,3}"
             # since session 14's second part a title too ("Kontoinhaber: Dr. Konstantin von Ahlefeldt")
             r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Herr|Frau|Mme|Sr|Sra)\.?[ \t]{1,2})?"
             rf"((?:[A-Z]\.[ \t]?){{0,2}}{_NAME_TOKEN}(?:/{_NAME_TOKEN})?(?:[ \t]{{1,2}}{_PARTICLES}{_NAME_TOKEN}){{0,3}})")
_CUE = re.compile(
    # since session 11: "in my partner's name jess whitaker" (in lower case a known first name only, as after "owner is")
    r"\b(?i:(?:in|under) (?:my|his|her|their|our|the) (?:[\w-]{2,20}['’]s )?name(?![ \t]+of\b),?|"
    r"(?:owner|account ?holder|policy ?holder|card ?holder|patient|guest|tenant|applicant|caller|passenger)"
    r"(?:['’]s name)? (?:is|was)|"  # since session 10: "owner is jamie rees" (lower case: a known first name only)
    r"(?:gave|gives|give|giving|left|wrote|signed|used|put) (?:his|her|their|my|a|the) name as|"  # capitalised only
    r"(?:my|his|her|their) (?:real |full |legal |first |last |maiden |new |family |given |middle )?(?:sur)?name (?:is|was)|"
    r"my name's|"
    r"my names|(?:the )?name on (?:it|the [a-z]{3,12})(?: (?:is|was|says|reads)|[ \t]?:|,?(?=[ \t]))|(?:eu )?sou (?:a|o)|"
    r"(?:first|last|sur|family|given)[ \t]?name is|"
    r"(?:booked|booking|reservation|reserved|registered|account|order|table|ticket)s? (?:is )?under(?: the name(?: of)?)?|"
    r"(?:booking|reservation|table|room)s? for [\w ]{1,20}? under|"  # "Reservation for two under Takahashi"
    r"under the name(?: of)?|in the name of|t\.n\.v\.|ten name van|a nombre de|au nom de|auf den namen|em nome de|a nome di|op naam van|"
    r"signed (?:for )?by|received by|collected by|accepted by|contact person[ \t]?:|"
    r"account of|owned by|belongs to|belonging to|should (?:be|read|say)|spelt|spelled|reply to|speak to|speak with|talk to|ask for|pass (?:it|this) (?:on )?to|forward (?:it|this) to|"
    r"give (?:it|this) to|hand (?:it|this) to|cc:?|"
    r"mi chiamo|il mio nome è|mijn naam is|ik heet|ik ben|io sono|sono|"
    r"(?:mio|mia) (?:marito|moglie|madre|padre|figlio|figlia|fratello|sorella|vicino|vicina|collega),?|"
    r"mijn (?:vrouw|man|moeder|vader|zoon|dochter|broer|zus|buurman|buurvrouw|collega),?|"
    r"my (?:sister-in-law|brother-in-law|mother-in-law|father-in-law|son-in-law|daughter-in-law|stepmother|"
    r"stepfather|stepmum|stepmom|stepdad|godmother|godfather|flatmate|roommate|housemate|cousin|uncle|aunt|auntie|grandma|granny|grandmother|grandfather|grandpa|"
    r"nan|nana|nanna|nanny|gran|grandad|granddad|grampa|gramps|great-grandmother|great-grandfather|"
    r"grandson|granddaughter|nephew|niece|fianc[ée]e?|stepson|stepdaughter|landlord|landlady|tenant|carer|assistant|"
    r"manager|flat mate|room mate),?|"
    r"mi (?:prim[oa]|tí[oa]|abuel[oa]|compañer[oa]|sobrin[oa]|jef[ea]),?|"
    r"(?:ma|mon) (?:cousine?|oncle|tante|grand-mère|grand-père|colocataire|neveu|nièce|patron|patronne),?|"
    r"meine? (?:Mitbewohnerin|Mitbewohner|Onkel|Tante|Oma|Opa|Cousine|Cousin|Chefin|Chef),?|"
    r"(?:minha|meu) (?:prim[oa]|ti[oa]|avó|avô|chefe),?|"
    r"(?:first|last|full|middle|given|family|customer|passenger|account)[ \t]?name[ \t]?:|"
    r"surname[ \t]?:|nombre[ \t]?:|apellidos?[ \t]?:|prénom[ \t]?:|nom[ \t]?:|vorname[ \t]?:|nachname[ \t]?:|"
    r"nome[ \t]?:|sobrenome[ \t]?:|customer[ \t]?:|caller[ \t]?:|client[ \t]?:|attn[ \t]?:?|c/o|"
    r"(?:beneficiary|recipient|payee|policy ?holder|card ?holder|passenger|titulaire|empfängerin|empfänger|"
    r"kontoinhaberin|kontoinhaber|"
    r"destinatário|destinatario|bénéficiaire|beneficiario|begünstigter)[ \t]?:?|"
    r"name:|this is|it['’]?s|it is|c['’]est|cest|c|i am|i'm|me llamo|mi nombre es|soy|em dic|el meu nom és|sóc|je m['’]appelle|je suis|mon nom est|"
    r"ich heiße|ich heisse|mein name ist|ich bin|meu nome é|me chamo|chamo-me|eu sou|sou|on behalf of|de la part de|"
    r"im namen von|en nombre de|em nome de|account holder:?|titular:?|contact:|kontakt:|called|named|llamad[oa]|"
    r"nommée?|namens|chamad[oa]|my (?:mum|mom|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|"
    r"friend|neighbou?r|bf|gf|boyfriend|girlfriend|colleague|boss),?|spoke (?:to|with)|talked (?:to|with)|"
    r"mi (?:hermana|hermano|madre|padre|marido|esposa|mujer|hijo|hija|vecin[oa]|novi[oa]),?|"
    r"(?:ma|mon) (?:voisine?|femme|mari|mère|père|fille|fils|sœur|frère|collègue),?|"
    r"meine? (?:Frau|Mann|Mutter|Vater|Tochter|Sohn|Schwester|Bruder|Nachbarin|Nachbar|Kollegin|Kollege),?|"
    r"(?:minha|meu) (?:mãe|pai|esposa|marido|filha|filho|irmã|irmão|vizinh[ao]),?|(?:sur|last |family )name|name)"
    + _CUE_TAIL)
# since session 13, a second list of cues read only when one of their words is in the text (the first list is read
# for most messages; a longer one costs every message): Czech, Polish, Romanian, Finnish, Swedish, Danish/Norwegian,
# Turkish, Hungarian self-introductions; "speaking with Jasper"; a relative "of" a name ("la madre de Valentina", "il
# padre di", "die Mutter von"; capitalised only)
_CUE_MORE = re.compile(
    r"\b(?i:jmenuji se|jmenuju se|nazywam się|mam na imię|mă numesc|ma numesc|numele meu (?:este|e)|sunt|nimeni on|"
    r"jag heter|jeg heter|jeg hedder|benim adım|adım|a nevem|"
    r"(?:speaking|chatting|chatted|spoken|dealing|dealt) (?:to|with)|"
    r"(?:madre|padre|hij[oa]|mujer|marido|espos[oa]|herman[oa]|mère|père|fils|fille|femme|mari|sœur|frère|"
    r"figli[oa]|moglie|marito|sorella|fratello|mãe|pai|filh[oa]|irmã|irmão|mutter|vater|sohn|tochter|moeder|vader|"
    r"zoon|dochter) (?:de|di|da|do|von|van))" + _CUE_TAIL)
_ROLE_CUE = re.compile(r"(?i:beneficiary|recipient|payee|policy ?holder|card ?holder|passenger|titulaire|titular|empfänger|"
                       r"kontoinhaberin|empfängerin|"
                       r"kontoinhaber|destinatário|destinatario|bénéficiaire|beneficiario|begünstigter)")
# after a lower-case first name, who the writer is to someone: "soy valentina la hija de don Aurelio"
# since session 14: an initial and a surname after a role, in lower case too ("payee r. d'souza", "beneficiary j smith"
# needs the full stop)
_ROLE_INITIAL = re.compile(_ROLE_CUE.pattern + r"[ \t]?:?[ \t]{1,2}([A-Za-z]\.[ \t]?[A-Za-z][a-zà-ÿ'’]{1,30}"
                           r"(?:-[A-Za-z][a-zà-ÿ]{1,30})?)(?![\w'’-])")
_ROLE_INITIAL_WORDS = ("payee", "beneficiar", "recipient", "holder", "passenger", "titula", "empfänger", "inhaber",
                       "destinat", "bénéfic", "begünstig")
_KIN_AFTER = re.compile(r"[ \t,]{1,3}(?i:(?:la|el|the|le|die|der|a|o|il|de|his|her|their|your)[ \t])?(?i:hij[oa]|daughter|son|"
                        r"wife|husband|mother|mum|mom|father|dad|sister|brother|madre|padre|mujer|esposa|esposo|marido|"
                        r"hermana|hermano|fille|fils|femme|mari|mère|père|sœur|frère|tochter|sohn|frau|mann|mutter|vater|"
                        r"schwester|bruder|figli[oa]|moglie|marito|sorella|fratello|filh[oa]|mãe|pai|irmã|irmão|esposa)\b")
_SELF_NAME_END = re.compile(r"[ \t]{0,3}(?:[,.!]|\r?\n|\Z|(?i:btw|here|again|from|speaking|calling|lol|x+)\b)")
_RELATIVE_CUES = ("my", "mi", "ma", "mon", "mein", "meine", "minha", "meu", "mio", "mia", "mijn")
_ROLE_IS = re.compile(r"(?:owner|holder|patient|guest|tenant|applicant|caller|passenger)(?:['’]s name)? (?:is|was)$"
                      r"|(?:in|under) (?:my|his|her|their|our|the) (?:[\w-]{2,20}['’]s )?name,?$")
# what a "name" before a name says is not a person's: "company name Oakridge Analytics GmbH", "product name X Y"
_THING_NAME = re.compile(r"(?i:\b(?:company|business|firm|brand|product|file|user|domain|store|shop|trading|"
                         r"organi[sz]ation|club|school|team|band|app|device|network|wifi|wi-fi|host|server|project|"
                         r"pet|dog|cat|horse|boat|street|road)[ \t]?$)")
COMPANY_SUFFIXES = frozenset("ltd limited plc inc llc llp corp co gmbh ag kg sa sl sarl sas bv nv srl spa lda oy ab "
                             "as ug".split())
_NEXT_WORD = re.compile(r"[ \t]{1,3}([^\W\d_]{1,30})")
_TO_CUES = ("should", "spelt", "spelled", "owned", "belongs", "belonging", "reply", "speak", "talk", "ask", "pass", "forward", "give", "hand", "cc", "cc:",
            "speaking", "chatting", "chatted", "spoken", "dealing", "dealt")
_FOREIGN_SELF_CUES = frozenset("jmenuji jmenuju nazywam mam mă ma numele sunt nimeni jag jeg benim adım a".split())
# since session 13: "la madre de Valentina": a capitalised name only
_KIN_OF_CUES = frozenset("""madre padre hijo hija mujer marido esposa esposo hermana hermano mère père fils fille femme
mari sœur frère figlio figlia moglie marito sorella fratello mãe pai filho filha irmã irmão mutter vater sohn tochter
moeder vader zoon dochter""".split())
_CUE_WORDS = ("should", "spel", "account of", "owned by", "belong", "payee", "holder", "passenger", "titulaire", "empfänger", "inhaber", "destinat", "bénéficiaire",
              "beneficiario", "begünstigter", "sou a", "sou o", "names", "name on",
              "under", "by", " to ", "ask for", "cc", "t.n.v", "ten name", "chiamo", "nome", "naam", "heet", "ik ", "sono", "mio ", "mia ", "mijn", "person",
              "prénom", "recipient", "customer", "caller", "client", "beneficiary", "attn", "c/o", "surname", "apellido", "spoke", "talked", "mi ", "ma ", "mon ", "mein", "minha", "meu ", "name", "llam", "appelle", "hei", "nome", "chamo", "behalf", "part", "namen", "nombre", "holder",
              "titular", "contact", "kontakt", "called", "named", "nomm", "chamad", "my ", "this is", "i am", "i'm",
              "soy", "sou ", "je suis", "ich bin", "it's", "it’s", "it is", "its ", "em dic", "nom és", "sóc",
              "c'est", "c’est", "cest", "c ")
_CUE_MORE_WORDS = ("jmenu", "nazywam", "imię", "numesc", "numele", "sunt", "nimeni", "heter", "hedder", "adım", "nevem",
                   "speaking ", "chatt", "spoken ", "dealing ", "dealt ", " de ", " di ", " da ", " do ", " von ",
                   " van ")
_SIGN_OFF = re.compile(
    r"(?im:(?:^|(?<=[.!?][ \t]))[ \t]*(?:(?:ok(?:ay)?|and|so)[ \t,]+)?(?:(?:thanks|thank you|many thanks)[ \t]?(?:&|and|n)[ \t]?)?"
    r"(?:(?:best|kind|warm|warmest|many|all the)\s)?(?:regards|thanks|thank you|thanks again|thx|cheers|"
    r"best|wishes|best wishes|talk soon|take care|saludos cordiales|un abrazo|besos|bisous|tschüss|"
    r"sincerely|yours|yours truly|cordially|saludos|un saludo|atentamente|gracias|muchas gracias|cordialement|merci|"
    r"bien à vous|amicalement|grüße|viele grüße|liebe grüße|beste grüße|mit freundlichen grüßen|danke|lg|vg|mfg|"
    r"atenciosamente|obrigado|obrigada|cumprimentos|abraços?|beijos?|ta|vielen dank|merci beaucoup|un abrazo|love|xoxo|xx|"
    r"respectfully|rgds|regds|br|kr|tks|thnx|thanx|with thanks|with many thanks|much appreciated|bien cordialement|"
    r"salutations|bonne journée|à bientôt|hochachtungsvoll|gruß|herzliche grüße|freundliche grüße|"
    r"un cordial saludo|atte|att|abs|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groet(?:en)?|"
    r"groetjes|hartelijke groet(?:en)?|cordiali saluti|distinti saluti|saluti|un saluto|grazie|grazie mille|ciao|"
    r"a presto|mvg|m\.v\.g\.|vr\.gr\.|cdlt|slds|bjs|grtz|gr\.)"  # since session 13 the abbreviations
    # a name on its own line (a few words may follow the sign-off: "thanks for your help", "merci d'avance"), or on
    # the same line after punctuation ("Thanks, Dave")
    r"(?:(?:[ \t]+[^\W\d_][\w'’]{0,20}){0,4}?[ \t]*[,.!:—-]*[ \t]*(?:\r?\n[ \t]*){1,2}"
    r"|(?:[ \t]+[^\W\d_][\w'’]{0,20}){0,2}?[ \t]*[,.!:—-]+[ \t]{0,3}))"
    rf"(?:[-–—]{{1,2}}\s?)?((?:[A-Z]\.[ \t]?){{0,2}}{_NAME_TOKEN}(?:[ \t]{{1,2}}{_PARTICLES}{_NAME_TOKEN}){{0,3}})[ \t]*"
    # then the line's end, a bar, or (since session 10) a phone or an e-mail on the same line ("Thanks, Tyler Brooks
    # 512-555-0143")
    r"(?:[.!]?[ \t]*$|(?=[|•])|(?=[ \t]{0,3}[,–—-]?[ \t]{0,3}(?:\+\d|\(?\d{3}|[\w.+-]{1,64}@))"
    # since session 17, a link after the name ("Kind regards,\nChris https://…"; our real-traffic dev set writes a
    # link as the word "link": "Chris link")
    r"|(?=[ \t]{1,3}(?:https?://|www\.|link[ \t]*$)))",
    re.MULTILINE)
_LINK_WORD = " link"
# a sign-off and a name ending the message on the line of its last sentence: "… 0172 5566778. Gruß Stefan Wolf"
_BARE_SIGN_OFF = re.compile(rf"(?im:(?:^|(?<=[.!?),][ \t]))[ \t]*(?:thanks|thank you|thx|ty|cheers|regards|kind regards|"
                            rf"mit (?:besten|freundlichen|herzlichen|lieben) grüßen|beste grüße|liebe grüße|"
                            rf"herzliche grüße|"
                            rf"best regards|best|gracias|saludos|un saludo|merci|cordialement|danke|gruß|grüße|"
                            rf"viele grüße|obrigad[oa]|atenciosamente|xoxo|xx|love|grazie|saluti|ciao|bedankt|groet|"
                            rf"groeten|groetjes|greetings|love|hugs|besos|bisous|abrazos|mvg|cdlt|slds|grtz)"
                            rf"[ \t]*[,.!:—-]?[ \t]+(?:(?:from|van|von|de|da|di)[ \t]+)?"
                            rf"({_NAME_TOKEN}(?:[ \t](?:(?:and|&|en|und|y|et|e)[ \t])?{_NAME_TOKEN}){{0,2}})[ \t]*[.!]?[ \t]*"
                            rf"(?:(?:https?://|www\.)[^\s]{{1,300}}[ \t]*|link[ \t]*)?\Z)")  # since session 17, a link after
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mister|Missus|Mx|Dr|Prof|Sr|Sra|Srta|Don|Doña|Dona|Dña|Mme|Mlle|Madame|Monsieur|Herr|Frau|"
                    r"Sir|Dame|Col|Capt|Rev|Sgt|Lt|Fr|Pastor|Rabbi|Imam|Sheikh|Hon|Ing|Dott|Sig|Sig\.ra|Signora|Signor|"
                    r"Mevrouw|Meneer|Dhr|Mevr)\.?[ \t]([A-ZÀ-Þ][\w'’-]{1,30}+(?:[ \t][A-ZÀ-Þ][\w'’-]{1,30}+)?)")
_CAP_NAME = r"[A-ZÀ-Þ][^\W\d_]{0,30}+(?:['’-][^\W\d_]{1,30}+){0,3}"
# a title in lower case, then a name in any case: "left with mrs o'reilly", "ask for mr patel"
_LOWER_TITLED = re.compile(rf"(?<![\w.])(?<!\d\s)(?:mr|mrs|ms|miss|mister|missus|dr|sra|srta|herr|frau|mme)\.?[ \t]({_NAME_TOKEN}(?:[ \t]{_NAME_TOKEN})?)")
# an e-mail header or a note's opening: "From: Robert Hughes <…>", "From Aoife Murphy:"
_FROM_LINE = re.compile(rf"(?im:^[ \t]*(?:from|de|von|van|da)[ \t]?:?[ \t]+({_CAP_NAME}(?:[ \t]{_PARTICLES}{_CAP_NAME}){{0,3}})"
                        r"[ \t]*(?:[:<(,]|\r?\n|$))")
_HERE = re.compile(rf"(?:^|(?<=[.!?,;:(]\s)|(?<=\n))({_CAP_NAME}(?:\s(?:(?:and|&|und|y|et|e|en)\s)?{_CAP_NAME}){{0,3}})"
                   r"\s(?:from\s[^.!?,\n]{1,40}?\s)?(?:here|speaking|writing|again|aquí|ici|hier)\b")
_SURNAME_FIRST = re.compile(r"(?i:name|nombre|nom|naam|nome)[ \t]?:[ \t]{0,3}([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]{1,30}(?:[ \t][A-ZÀ-ÖØ-Þ]"
                            r"[A-ZÀ-ÖØ-Þ'’-]{1,30})?,[ \t][A-ZÀ-ÖØ-Þ][a-zß-ÿ'’-]{1,30}(?:[ \t][A-ZÀ-ÖØ-Þ][a-zß-ÿ'’-]{1,30})?)")
_JOINERS = frozenset(("and", "&", "und", "y", "et", "e", "en"))
# a message that opens with the writer's name in lower case: "yuki tanaka here, …"
_LOWER_HERE = re.compile(rf"(?i:\A[ \t]*({_NAME_TOKEN}(?:[ \t]{_NAME_TOKEN})?)[ \t]+(?:here|speaking)\b)")
_END_NAME = re.compile(rf"(?<=[.!?])[ \t]{{1,3}}({_CAP_NAME}(?:[ \t]{_CAP_NAME}){{0,2}})[ \t]{{0,3}}[.!]?[ \t]{{0,3}}\Z")
_GREETINGS = (r"hi|hello|hey|hiya|heya|dear|hola|buenas|estimad[oa]|querid[oa]|bonjour|bonsoir|salut|cher|chère|"
              r"hallo|liebe|lieber|hoi|olá|ola|oi|prezad[oa]|car[oa]|ciao|buongiorno|gentile|beste|goedemiddag|"
              r"goedemorgen|sehr geehrte|sehr geehrter")
# a message that opens addressing someone: "Hi Jenny,", "Dear Aleksandra,", "Hey sarah," (a name, then a comma or a
# line break; "Hi team", "Dear Customer Services" are not names)
_GREETING_NAME = re.compile(rf"(?im:^[ \t]*(?:{_GREETINGS})[ \t]+({_NAME_TOKEN}(?:[ \t]{_NAME_TOKEN}){{0,2}})"
                            r"[ \t]*(?:[,!:]|\r?\n|$))")
# the writer introducing themself after a greeting, in any case: "hi its priya from…", "hiya, dave here", "hey it's
# kenji again", "hi this is rahul from flat 3"
_GREETING_SELF = re.compile(rf"(?i:^[ \t]*(?:hi|hello|hey|hiya|heya|yo|morning|evening|hola|bonjour|hallo|olá|ciao)"
                            rf"[ \t,!.-]{{1,3}}(?:(?:team|all|guys|folks|there|everyone|again)[ \t,!.-]{{1,3}})?"
                            rf"(?:(?:it['’]?s|its|it is|this is|i['’]?m|i am|we['’]?re|we are)[ \t]+)?"
                            rf"({_NAME_TOKEN}(?:[ \t](?:and|&|y|et|und|e|en)[ \t]{_NAME_TOKEN})?(?:[ \t]{_NAME_TOKEN})??)"
                            rf"[ \t,]+(?:from|here|again|speaking|calling|writing|lol|"
                            rf"haha)\b)")
# "This is Carmen from the café", "I'm Dave here": one capitalised word after "this is"/"I'm" is a name only then
_INTRODUCED = re.compile(r"[ \t,]{1,4}(?:from|here|speaking|calling|again)\b")
# what the writer says next about themself: "I'm Grace and I'd like…", "this is Ruby, I ordered…"
_AND_I_AFTER = re.compile(r"(?:[ \t]{1,2}and|[ \t]?,)[ \t]{1,2}(?:I|i|I['’](?:d|m|ve|ll)|i['’](?:d|m|ve|ll)|we|my)\b")
# a name after the role of the person who has it: "the driver (Marek)", "your agent, Laura", "technician Steve"
_ROLE_NAME = re.compile(rf"\b(?i:driver|courier|technician|engineer|agent|advisor|adviser|representative|rep|"
                        rf"operator|postman|postwoman|installer|consultant|delivery guy|delivery man|fahrer|"
                        rf"techniker|repartidor|técnico|livreur|technicien|conseill[eè]re?|bezorger|monteur|corriere|"
                        rf"tecnico|entregador)(?:[ \t]*[,(][ \t]*|[ \t]+)({_CAP_NAME}(?:[ \t]{_CAP_NAME})?)"
                        rf"(?=[ \t]*[),.;:!?]|[ \t]+[a-z])")
_ROLE_WORDS = ("driver", "courier", "technic", "engineer", "agent", "advis", "represent", "rep", "operator", "post",
               "install", "consult", "delivery", "fahrer", "techniker", "repartidor", "técnico", "livreur", "conseill",
               "bezorger", "monteur", "corriere", "tecnico", "entregador")
# words that open a greeting or follow "it's" but are not names (lower case)
NOT_ADDRESSEES = frozenset("""
team support sir madam madame monsieur sirs all everyone everybody there guys folks friends people again customer
customers service services care helpdesk help desk billing department dept manager management agent admin staff
colleagues company brightwave valued gentlemen ladies whom concerned it you y'all mate bro dude operator
representative rep sales accounts complaints officer shop store seller bot assistant chat quick question morning
afternoon evening good dear messieurs dames señor señora señores damen herren equipo équipe servicio atención
atendimento equipe kundenservice kundendienst klantenservice assistenza senhor senhora senhores broken late down
back happening charged delayed missing gone stuck wrong off out over urgent ridiculous crazy bad worse dead frozen
failing failed only regarding re him her them me us we your the my a an still also just really about support's
unacceptable seriously whatever pathetic disgusting terrible awful joke useless nonsense please help asap urgent
apple google amazon microsoft samsung netflix spotify paypal uber vodafone orange o2 ee bt virgin sky tesco ikea dhl
ups fedex dpd hermes evri ryanair easyjet iberia lufthansa klarna revolut monzo telefónica telefonica movistar
tardes días dias noches dia tarde noite sera giorno mattina journée soir morgen tag abend middag avond day night
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december lunes martes miércoles jueves viernes sábado domingo lundi mardi mercredi jeudi vendredi
samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag teams word office excel edge windows
stock etage og eg floor
zusammen allerseits todos tutti allemaal tous servizio clienti cliente clientes client clients clientèle clientela
serviço ufficio kunden kundenservice atención atencion accounting reception receptionist front desk
""".split())
# the last line of a message, after a sentence: a name on its own ("…long message!\ntina")
_LAST_LINE_NAME = re.compile(rf"([.!?)]?)[ \t]{{0,8}}\r?\n(?:[ \t]{{0,8}}\r?\n)?[ \t]{{0,8}}(?:[-–—]{{1,2}}[ \t]?)?"
                             rf"({_NAME_TOKEN}(?:[ \t]{_NAME_TOKEN}){{0,2}})[ \t]{{0,8}}[.!]?[ \t]{{0,8}}\Z")
# a name on the line after a "--" signature delimiter, the signature going on after it (title, company, phone)
_DELIMITED_SIGNATURE = re.compile(rf"(?m:^[ \t]*--[ \t]*\r?\n[ \t]*({_CAP_NAME}(?:[ \t]{{1,2}}{_CAP_NAME}){{0,3}})[ \t]*\r?$)")
_DASH_SIGNATURE = re.compile(rf"(?:^|(?<=\s))(?:--|—|–|-)[ \t]?\n?[ \t]*({_NAME_TOKEN}(?:[ \t]{_NAME_TOKEN}){{0,3}})[ \t]*\Z")
EAST_ASIAN_SURNAMES = frozenset("""
li wang zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin luo gao liang song zheng xie han tang feng
deng cao peng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding shen kim park choi jung kang cho yoon
jang lim shin seo kwon hwang ahn song nguyen tran pham hoang huynh phan vu dang bui ngo duong ly tanaka sato suzuki
takahashi watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto inoue kimura
wong chan cheung leung lau tse yip kwok chow tsang fung poon yeung choi tam yuen kwan chu hui ng lai mak siu tsui
""".split())  # the last line since session 12: Cantonese romanisations
# French, German and English compound first names, with the surname after them: "Jean-Baptiste Morel", "Anna-Lena"
_COMPOUND_FIRST_NAME = re.compile(
    r"\b(?:Jean|Marie|Anne|Anna|Ann|Hans|Karl|Mary|Ana|José|Juan|María|Maria|Pierre|Paul|Louis|Claude|Franz|Klaus|Eva|"
    r"Lisa|Lena|Jan|Sarah|Emma|Lou|Luc|Marc|Rose|Ella|Kim|Jo|Lee|Billy|Bobbie|Hanne|Heinz|Uwe)-[A-ZÀ-Þ][a-zà-ÿ]{1,15}"
    r"(?:[ \t]([A-ZÀ-Þ][a-zà-ÿ'’]{1,30}(?:-[A-ZÀ-Þ][a-zà-ÿ]{1,30})?))?(?![\w-])")
FIRST_NAMES_FILE = Path(__file__).with_name("pii_first_names.txt")
FIRST_NAMES = frozenset(word for line in FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines()
                        if not line.startswith("#") for word in line.split())
# since session 12: first names that are as often a common word or a place (left out of pii_first_names.txt), a name
# only where the writer says it is theirs: "I'm Grace and I'd like…", "This is Mo!", "it's hope here", "me and hope
# (my sister)"; never alone ("Grace period", "I hope")
# (not months, seasons or weather, which "it's …," says as often: "It's May, and…", "it's sunny.")
WORD_NAMES = frozenset("""grace hope faith joy rose mark will jack frank bill sue pat rob dawn holly ivy lily ruby
jade amber skye max ray hunter mercy patience honor honour destiny harmony melody pearl violet daisy poppy iris hazel
heather olive brook mo jo al ed ted sam chris penny sandy rusty bob bud kay dean earl nick drew gene victoria
florence sydney austin jordan paris georgia isla madison beverly nancy donna gloria randy louis ralph russell""".split())
_CAP_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][^\W\d_]{1,20}(?![\w-])")
# after a known first name: more capitalised words (a second given name, particles, the surname)
_NAME_TAIL = re.compile(rf"(?:[ \t]{_PARTICLES}[A-ZÀ-Þ][^\W\d_]{{1,30}}+(?:['’-][^\W\d_]{{1,30}}+)?){{1,3}}")
_STREET_WORDS = frozenset(w.lower().rstrip(".") for w in (_EN_TYPES + "|" + _FR_ES_PT_TYPES).split("|"))
_SYLLABLE = r"[A-Z][a-z]{1,6}"
_SURNAME = "|".join(sorted((n.capitalize() for n in EAST_ASIAN_SURNAMES), key=lambda w: (-len(w), w)))
_EAST_ASIAN = re.compile(rf"\b(?:({_SURNAME})(?:[ -]({_SYLLABLE})|-([a-z]{{2,6}}))?\s({_SYLLABLE})|({_SYLLABLE})"
                         rf"(?:[ -]({_SYLLABLE})|-([a-z]{{2,6}}))?"
                         rf"\s({_SURNAME}))(?![\w'’-])")
_PINYIN_SYLLABLE = re.compile(r"^(?:[bcdfghjklmnpqrstwxyz]|ch|sh|zh)?h?[aeiouüv]{1,3}(?:n|ng|r)?$|^(?:min|jun|yeon|"
                              r"hyun|seong|ji|soo|woo|hee|eun|jin|young|hye|kyung|sook|yuki|hiro|taro|ken|mai|lan|"
                              r"thi|van|an|anh|minh|linh|hoa|hung|tuan|duc|dung|khanh)$")


# Vietnamese: a family name, a middle name that marks it (Van, Thi, Duc…) and a given name: "Le Thi Hoa"
_VIETNAMESE = re.compile(r"\b(?:Nguyen|Nguyễn|Tran|Trần|Le|Lê|Pham|Phạm|Hoang|Hoàng|Huynh|Phan|Vu|Vũ|Vo|Võ|Dang|Đặng|"
                         r"Bui|Bùi|Do|Đỗ|Ho|Hồ|Ngo|Ngô|Duong|Dương|Ly|Lý|Truong|Trương|Dinh|Đinh|Lam|Mai|Trinh|Ta|"
                         r"Luong|Cao|Ha|Chu|Quach|Tang|Lai)\s(?:Van|Văn|Thi|Thị|Duc|Đức|Huu|Hữu|Ngoc|Ngọc|Thanh|Quoc|"
                         r"Quốc|Xuan|Xuân|Minh|Kim|Cong|Công|Quang|Thu|Bao|Bảo|Gia|Hong|Hồng)"
                         r"(?:\s[A-ZÀ-ỸĐ][a-zà-ỹđ]{1,7}){1,2}(?![\w'’-])")
_ONE_SYLLABLE = r"(?:[bcdfghjklmnpqrstwxyz]|ch|sh|zh)?h?[aeiouy]{1,3}(?:n|ng|r|m|k)?"
_TWO_SYLLABLES = re.compile(rf"^{_ONE_SYLLABLE}{_ONE_SYLLABLE}$")

PARTICLES = frozenset(_PARTICLES[6:_PARTICLES.index(")")].split("|"))


def east_asian_name(tokens: list[str]) -> bool:
    """Two or three tokens in any case that read as an East-Asian name: a known surname first or last, the other
    tokens short syllables ("li na", "wong kar fai", "Tan Wei Ling"), even when a syllable is a word elsewhere."""
    low = [t.lower() for t in tokens]
    if not 2 <= len(low) <= 3 or not (low[0] in EAST_ASIAN_SURNAMES or low[-1] in EAST_ASIAN_SURNAMES):
        return False
    rest = low[1:] if low[0] in EAST_ASIAN_SURNAMES else low[:-1]
    return all(len(p) <= 6 and (_PINYIN_SYLLABLE.match(p) or _TWO_SYLLABLES.match(p)) for p in rest)


_LONE_PARTICLES = frozenset(("la", "le", "el", "y", "i", "al"))


def _lower_particle_name(tokens: list[str], i: int) -> bool:
    """Whether the particles at tokens[i] lead to a lower-case surname: one or two particles, then a word that is not
    a plain word, a place or another particle, and the last word the cue took ("de la cruz"; not "de madrid")."""
    if tokens[i].lower() in _LONE_PARTICLES and tokens[i - 1].lower() not in PARTICLES:
        return False  # "carmen la mujer de Pedro": "la", "el", "y" open no surname alone
    j = i
    while j < len(tokens) and j - i < 2 and tokens[j].lower() in PARTICLES:
        j += 1
    if j != len(tokens) - 1:
        return False  # the surname ends what the cue took (a comma or the sentence's end after it)
    word = tokens[j].lower().strip("'’-,.")
    return (tokens[j][0].islower() and word not in NOT_NAMES and word not in PLACE_WORDS and word not in PARTICLES
            and len(word) > 2)


def _name_tokens(name: str) -> list[str]:
    """The leading tokens of a cued name, stopping at the first word that is not a name ("van der" stays when a
    name follows it)."""
    kept: list[str] = []
    tokens = name.split()
    for i, token in enumerate(tokens):
        low = token.lower().strip("'’-")
        if low in PARTICLES and kept and i + 1 < len(tokens) and tokens[i + 1].lower() in PLACE_WORDS:
            break  # since session 13: "sono Matteo di Torino" (where he is from)
        if low in PARTICLES and kept and any(t[0].isupper() for t in tokens[i + 1:i + 3]):
            kept.append(token)
            continue
        if low in PARTICLES and kept and kept[0][0].islower() and _lower_particle_name(tokens, i):
            kept.append(token)  # since session 14: "soy maría josé fernández de la cruz" (all in lower case)
            continue
        if low in NOT_NAMES:
            break
        if kept and kept[0][0].isupper() and token[0].islower() and low not in PARTICLES and not (
                i + 1 < len(tokens) and tokens[i + 1][0].isupper()):
            break  # since session 15: "my neighbour Harrison Ford parked across…": a lower-case word ends a name
            # unless a capitalised one follows it ("Rhys ap Gwilym", "Ana maria Lopez")
        kept.append(token)
    while kept and kept[-1].lower() in PARTICLES:
        kept.pop()
    return kept


_SPEAKER_LABEL = re.compile(r"(?i:customer|caller|client)[ \t]?:")
# the verb after a lower-case word that opens a transcript's line: the word is a subject, not the caller's name
_SUBJECT_VERBS = frozenset("""is was has had keeps kept isnt isn't isn’t wasnt wasn't wasn’t hasnt hasn't hasn’t wont
won't won’t doesnt doesn't doesn’t didnt didn't didn’t never still not stopped failed broke went got came arrived says
said shows showed needs took takes charged cut dropped drops""".split())
_SUBJECT_VERB = re.compile(r"[ \t]{1,3}([\w'’]{2,12})(?![\w'’])")
# what a transcript's line names before a number ("Customer: card ending 9916", "Caller: account number 4417…");
# review fix: only these words, so that "Customer: zhang wei 07700 900456" (a name not in our list) stays a name;
# since session 15 also when a later word is one of them and the first is not a known first name ("gift voucher 55120")
_NUMBER_NOUNS = frozenset("""card account acct phone mobile cell number no ending last reference ref order booking ticket
policy claim case invoice pin code sort postcode zip meter reg registration serial tracking member membership customer
iban passport licence license dob date it its it's the my yes yeah um uh so ok okay voucher coupon promo receipt
transaction payment parcel package contract subscription quote confirmation flight seat room pnr otp password username
id imei sim router extension ext""".split())


# since session 15: what a transcript's line names, then its number read out ("Caller: policy number is P L seven…")
_NUMBER_SAID_AFTER = re.compile(r"[ \t]{1,2}(?i:number|no|num|nr|ending)(?:[ \t]{1,2}(?i:is|was|it['’]?s))?[ \t]{1,2}"
                                r"(?:[A-Z](?![\w'’])|(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|double)\b)")


# since session 15: one capitalised word ending a message after a full stop, in a message the writer writes as "I"
# ("…Dossier QC-44102. Mathieu", "…I only live at … now. Wren"), signs it, unless it reads as a word: an exclamation
# or verdict ("…again. Ridiculous", "Unacceptable", "Sorted") has an English adjective's, adverb's or participle's
# ending, or is a common word, a place, a greeting or a thanks; never in a social post (@handles, #tags: "@Apple I.
# Want. Footwork!")
_FIRST_PERSON_WORD = re.compile(r"(?i:\b(?:i|i['’]m|im|my|me|mine|je|j['’]|mon|ma|mes|moi|mi|me|yo|ich|mein|meine|mir|"
                                r"ik|mijn|eu|meu|minha|io|mio|mia)\b)")
_WORD_ENDING = re.compile(r"(?i:(?:ous|able|ible|ing|ed|less|ful|ic|ive|al|ly|ent|ant|ary|ness|ment|tion|ise|ize|"
                          r"ish|est|er|ry|ty)$)")


def _lone_signature(text: str, start: int, word: str) -> bool:
    low = word.lower()
    return (len(word) >= 3 and not word.isupper() and text[:start].rstrip().endswith(".")
            and "@" not in text and "#" not in text  # a social post signs with its handle, not a closing word
            and not _WORD_ENDING.search(word) and low not in NOT_NAMES and low not in NOT_ADDRESSEES
            and low not in PLACE_WORDS and low not in _COMMON_WORDS and low not in _GREETING_WORDS
            and _FIRST_PERSON_WORD.search(text, 0, start) is not None)


def find_names(text: str) -> Iterator[Found]:
    low = text.lower()
    for m in _cue_matches(text, low):
        tokens = _name_tokens(m.group(1))
        cue = m.group().split()[0].lower()
        if not tokens or all(t.lower() in NOT_ADDRESSEES for t in tokens):
            continue  # "ATTN billing:", "Contact: Sales Team"
        lowered = tokens[0][0].islower()
        first = tokens[0].lower()
        if lowered and _SPEAKER_LABEL.match(text, m.start()) and not text[
                text.rfind("\n", 0, m.start()) + 1:m.start()].strip() and (first in _NUMBER_NOUNS or (
                    first not in FIRST_NAMES and any(t.lower() in _NUMBER_NOUNS for t in tokens[1:]))) and (
                _DIGIT_AFTER.match(text, _span_end(text, m.start(1), tokens))
                or _NUMBER_SAID_AFTER.match(text, _span_end(text, m.start(1), tokens))):
            continue  # since session 14's third part: "Customer: card ending 9916" opens a transcript's line; in
            # lower case words that a number follows are what the number is, unless they open with a known first name
        if lowered and first not in FIRST_NAMES and _SPEAKER_LABEL.match(text, m.start()) and not text[
                text.rfind("\n", 0, m.start()) + 1:m.start()].strip() and (
                any(t.lower() in _SUBJECT_VERBS for t in tokens[1:]) or (
                    len(tokens) == 1 and (verb := _SUBJECT_VERB.match(text, _span_end(text, m.start(1), tokens)))
                    and verb[1].lower() in _SUBJECT_VERBS)):
            continue  # since session 15: "Customer: refund is still missing", "Caller: internet keeps dropping": one
            # lower-case word opening a transcript's line with a verb after it is what the caller talks about
            # ("Customer: shane, from Leeds" and "Caller: zhang wei 0770…" stay names)
        cue_text = text[m.start():m.start(1)].rstrip(" \t\"“«'").lower()
        role_is = _ROLE_IS.search(cue_text) is not None
        if role_is:  # "the owner is jamie rees": in lower case a known first name only
            if lowered and tokens[0].lower() not in FIRST_NAMES and not (
                    tokens[0].lower() in WORD_NAMES and len(tokens) == 2 and _SELF_NAME_END.match(
                        text, _span_end(text, m.start(1), tokens))):
                continue  # since session 13 a first name that is a word too, with a surname: "in my mum's name dawn ellery."
        elif lowered and _ROLE_CUE.match(m.group()) and ":" not in text[m.start():m.start(1)]:
            continue  # "recipient address", "passenger list": a lower-case word after a role needs a colon
        if cue_text.endswith(("name as", "surname", "last name", "family name")):
            # "gave his name as Pieter de Vries", "surname Kavanagh": capitalised words only
            tokens = _capitalised_prefix(tokens)
            if not tokens or lowered:
                continue
            yield "PERSON", m.start(1), _span_end(text, m.start(1), tokens), 0.85
            continue
        if cue == "name" and " on " in m.group().lower():
            if not _NAME_ON_VERB.search(cue_text) and (tokens[0].lower() not in FIRST_NAMES or not _SELF_NAME_END.match(
                    text, _span_end(text, m.start(1), tokens))):
                continue  # since session 14 "name on it ciaran o'rourke." (no "is"): a known first name, then the end
            cue = "the"  # "Name on the bell: Schmidt/Yilmaz", as "the name on the card is …"
        relative = cue in _RELATIVE_CUES and "nam" not in m.group().lower() and "nom" not in m.group().lower()
        if lowered and relative and tokens[0].lower() not in FIRST_NAMES and (
                len(tokens) > 2 or not _ends_a_name(text, _span_end(text, m.start(1), tokens),
                                                  len(tokens) == 1 and tokens[0].lower() not in WORD_NAMES)):
            continue  # "my neighbour, router keeps rebooting": a lower-case name after a relative is a known first
            # name, or one or two words that a verb or punctuation ends ("my flatmate josh ordered it")
        # "I am X" / "this is X" / "soy X" / "ich bin X": only a capitalised name, and (single word) not a plain word
        if m.group().lower().startswith("account of"):
            cue = "owned"  # capitalised names only, like "owned by"
        if cue in ("it's", "it’s", "it", "its", "c'est", "c’est", "cest", "c"):  # "yes it's maria dos santos", "it's Kofi
            # again", since session 14 French "c'est julie", texted "slt, c jean-luc,": a known first name
            if east_asian_name(m.group(1).split()[:3]):  # since session 12: "yeah it's wong kar fai"
                tokens = m.group(1).split()[:3]
            elif (not _first_name(tokens[0]) and not (tokens[0].lower() in WORD_NAMES and _SELF_NAME_END.match(
                    text, m.start(1) + len(tokens[0])))) or (len(tokens) == 1 and lowered and not _SELF_NAME_END.match(
                    text, m.start(1) + len(tokens[0]))):
                continue  # alone in lower case, what follows must close it: "it's jess btw", "it's kofi."
            tokens = tokens[:3]
        elif cue == "name" and m.group(1)[0].isupper():  # "Name Eilidh Fraser": two capitalised words at least
            tokens = tokens[:next((i for i, t in enumerate(tokens) if not t[0].isupper()), len(tokens))]
            if len(tokens) < 2 or any(t.lower() in NOT_ADDRESSEES for t in tokens):
                continue
            if _THING_NAME.search(text, max(0, m.start() - 20), m.start()) or tokens[-1].lower().rstrip(
                    ".") in COMPANY_SUFFIXES:
                continue  # "our company name Oakridge Analytics GmbH", "product name Aurora Pro": not a person
        elif cue == "name":
            continue
        if cue in ("called", "named") and lowered and tokens[0].lower() not in FIRST_NAMES:
            continue  # since session 13: "an app called cardio guru", "Called mechanic": a known first name only
        if cue in _FOREIGN_SELF_CUES:  # "nimeni on Eero Laine ja…": the capitalised words (since session 13)
            tokens = _capitalised_prefix(tokens) or tokens
        if cue in _KIN_OF_CUES and lowered:
            continue  # "la madre de valentina": capitalised only (since session 13)
        if cue in ("i", "i'm", "this", "soy", "sóc", "sou", "je", "ich", "eu", "ik", "sono", "io", "sunt", *_TO_CUES) and not m.group().lower(
                ).startswith(("ich heiß", "je m", "ich heiss", "ik heet")):
            tokens = _capitalised_prefix(tokens) or tokens  # "ik ben Sanne de Jong en…": particles stay
            if cue in _TO_CUES and any(t.lower() in NOT_ADDRESSEES for t in tokens):
                continue
            first = tokens[0].lower()
            if len(tokens) == 1 and cue in _STATE_CUES and first not in FIRST_NAMES and ADJECTIVE_ENDING.match(first):
                continue  # since session 14: "Sono Arrabbiato", a state
            # since session 12 a name the writer gives as theirs may be one that is a word too ("I'm Grace and I'd
            # like…", "This is Mo!"), in any case
            named = first in FIRST_NAMES or (first in WORD_NAMES and cue not in _TO_CUES) or (
                len(tokens) == 2 and "-" in first and tokens[1].lower() in EAST_ASIAN_SURNAMES and all(
                    _PINYIN_SYLLABLE.match(p) or _TWO_SYLLABLES.match(p) for p in first.split("-")))  # since
            # session 14's second part a Korean given name with its hyphen ("i'm seo-yeon park")
            introduced = _INTRODUCED.match(text, m.start(1) + len(tokens[0])) is not None or (
                len(tokens) == 1 and named and cue not in _TO_CUES and (lowered or first in WORD_NAMES or cue in (
                    "i", "i'm", "this")) and (
                    _SELF_NAME_END.match(text, m.start(1) + len(tokens[0])) is not None
                    or _KIN_AFTER.match(text, m.start(1) + len(tokens[0])) is not None
                    or _AND_I_AFTER.match(text, m.start(1) + len(tokens[0])) is not None))
            known = lowered and (len(tokens) >= 2 or introduced) and named and cue not in _TO_CUES
            if (lowered and not known) or (len(tokens) == 1 and cue in ("i", "i'm", "je", "ich", "eu", "soy", "sóc", "sou",
                                                                         "this") and not introduced):
                continue
        end = m.start(1) + len(" ".join(tokens)) if " " not in m.group(1) else _span_end(text, m.start(1), tokens)
        yield "PERSON", m.start(1), end, 0.9
    if "." in text and any(w in low for w in _ROLE_INITIAL_WORDS):
        for m in _ROLE_INITIAL.finditer(text):
            if m.group(1).split(".")[-1].strip().lower() not in NOT_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.85
    yield from _known_first_names(text)
    yield from _lower_names(text, low)
    for m in _SURNAME_FIRST.finditer(text) if ":" in text else ():
        yield "PERSON", m.start(1), m.end(1), 0.9
    for m in _TITLED.finditer(text):
        if m.group(1).split()[0].lower() not in NOT_NAMES:
            yield "PERSON", m.start(), m.end(), 0.9
    for pattern in (_LOWER_TITLED, _FROM_LINE):
        for m in pattern.finditer(text):
            tokens = _name_tokens(m.group(1))
            if tokens and not any(t.lower() in NOT_ADDRESSEES for t in tokens):
                if pattern is _FROM_LINE and tokens[0][0].islower() and ":" not in m.group():
                    continue  # "De monteur, Mohamed El Amrani, kwam niet": not a header
                start = m.start() if pattern is _LOWER_TITLED else m.start(1)
                yield "PERSON", start, _span_end(text, m.start(1), tokens), 0.85
    for m in _ROLE_NAME.finditer(text) if any(w in low for w in _ROLE_WORDS) else ():
        tokens = m.group(1).split()
        if len(tokens) == 1 and len(tokens[0]) > 1 and tokens[0].isupper() and tokens[0].lower() not in FIRST_NAMES:
            continue  # since session 13: "il corriere BRT", "courier DPD": a company's acronym
        if not any(t.lower().strip("'’-") in NOT_NAMES or t.lower() in NOT_ADDRESSEES for t in tokens):
            yield "PERSON", m.start(1), m.end(1), 0.8
    for pattern in (_GREETING_NAME, _GREETING_SELF, _LOWER_HERE):
        for m in pattern.finditer(text):
            tokens = [t for t in m.group(1).split() if t not in _JOINERS]
            if any(t.lower().strip("'’-") in NOT_NAMES or t.lower() in NOT_ADDRESSEES for t in tokens):
                continue
            yield "PERSON", m.start(1), m.end(1), 0.85
    for m in _COMPOUND_FIRST_NAME.finditer(text) if "-" in text else ():
        surname_ok = m.group(1) is not None and m.group(1).lower() not in NOT_NAMES
        yield "PERSON", m.start(), m.end() if surname_ok or m.group(1) is None else m.start(1) - 1, 0.8
    for m in _END_NAME.finditer(text, max(0, len(text) - 80)):
        words = m.group(1).split()
        if len(words) == 1 and words[0].lower() not in FIRST_NAMES and not _lone_signature(text, m.start(1), words[0]):
            continue  # "…from Liu Yang to Liu Yan? Typo.": one word with a full stop is a known first name or none;
            # since session 13 so is any one word ending a message ("…into a rap song? Gross", "…phones. WAFWOFT"):
            # a sign-off's name is the sign-off rules' business
        if m.start() >= 2 and text[m.start() - 2].isdigit() and words[0].lower() not in FIRST_NAMES and not (
                len(words) == 1 and _lone_signature(text, m.start(1), words[0])):
            continue  # after "version 2." a known first name only (since session 13: "…45 09. Aurélien")
        if not any(t.lower().strip("'’-") in NOT_NAMES or t.lower() in NOT_ADDRESSEES for t in words):
            yield "PERSON", m.start(1), m.end(1), 0.7
    if "\n" in text:
        for m in _LAST_LINE_NAME.finditer(text, max(0, len(text) - 200)):
            tokens = m.group(2).split()
            if not m.group(1) and len(tokens) < 2:  # one word after an unfinished line: "…refund asap\nkyle" is
                continue  # a name only with its surname
            if tokens[0][0].islower() and tokens[0].lower() not in FIRST_NAMES and tokens[0].lower() not in WORD_NAMES \
                    and not east_asian_name(tokens):
                continue  # since session 13 a last line in lower case opens with a known first name ("ur stuff sucks")
            if not any(t.lower().strip("'’-") in NOT_NAMES or t.lower() in NOT_ADDRESSEES or len(t) < 2 for t in tokens):
                yield "PERSON", m.start(2), m.end(2), 0.75
    for pattern in (_SIGN_OFF, _DASH_SIGNATURE, _HERE, _BARE_SIGN_OFF, _DELIMITED_SIGNATURE):
        if pattern is _DELIMITED_SIGNATURE and "--" not in text:
            continue
        for m in pattern.finditer(text):
            value, end = m.group(1), m.end(1)
            if value.endswith(_LINK_WORD) and len(value) > len(_LINK_WORD):
                value = value[:-len(_LINK_WORD)].rstrip()  # since session 17: "Chris link" (a link written as a word)
                end = m.start(1) + len(value)
            tokens = [t for i, t in enumerate(value.split()) if t not in _JOINERS and not (i and t in PARTICLES)]
            if not tokens or (any(t.lower().strip("'’-") in NOT_NAMES for t in tokens) and not east_asian_name(
                    tokens)) or len(tokens) > 3 + (pattern is _HERE):
                continue
            if pattern is _DELIMITED_SIGNATURE and any(t.lower() in NOT_ADDRESSEES for t in tokens):
                continue
            if any(t in _THANKS_FOR for t in tokens):
                continue  # since session 14's second part: "grazie per la pazienza", "danke für alles": what for
            yield "PERSON", m.start(1), end, 0.9
    for m in _VIETNAMESE.finditer(text):
        yield "PERSON", m.start(), m.end(), 0.85
    for m in _EAST_ASIAN.finditer(text):
        parts = [p for p in m.groups() if p]
        low_parts = [p.lower() for p in parts]
        if not (low_parts[0] in EAST_ASIAN_SURNAMES or low_parts[-1] in EAST_ASIAN_SURNAMES):
            continue
        if all(_PINYIN_SYLLABLE.match(p) or p in EAST_ASIAN_SURNAMES or _TWO_SYLLABLES.match(p) for p in low_parts) and not any(
                len(p) > 2 and p in NOT_NAMES for p in low_parts):
            yield "PERSON", m.start(), m.end(), 0.9
    yield from _named_people(text, low)
    yield from _more_named_people(text, low)


# ---- since session 14's second part (blind batches 15/15b/15c) ----------------------------------------------------
# - the answer to a question asking for a name, on the next line of a dialogue ("and your surname?\nCaller:
#   Ashworth, that's A for apple"): capitalised words that a comma, a full stop or the line's end closes
# - a relative named after "is" ("my husband is Jun Hao"): two capitalised words, or one known first name
# - a name on a delivery or billing label before the address ("Ship to: Dana Whitaker, 1820 N Lakeshore Blvd")
# - a double first name of two known first names ("Amelia-Rose Carter", "Lily-Mae"), with the surname after it
_NAME_ASKED = re.compile(
    r"(?i:\b(?:surname|last[ \t]name|family[ \t]name|full[ \t]name|first[ \t]name|name|apellidos?|nombre|nom|"
    r"nachname|vorname|achternaam|cognome|sobrenome)(?:[ \t]{1,2}(?:please|again|for[ \t]the[ \t]account|"
    r"on[ \t]the[ \t]account|bitte|por[ \t]favor|s['’]il[ \t]vous[ \t]pla[iî]t))?[ \t]?\?[ \t]{0,3}\r?\n[ \t]{0,3}"
    r"[^\W\d_]{1,20}[ \t]?:[ \t]{0,3}(?:(?:yes|yeah|yep|sure|it['’]?s|its|sí|si|ja|oui)[ \t,.]{1,3}){0,2})"
    rf"({_CAP_NAME}(?:[ \t]{_PARTICLES}{_CAP_NAME}){{0,3}})(?=[ \t]{{0,3}}(?:[,.!]|\r?\n|\Z))")
_LABEL_NAME = re.compile(r"(?i:\b(?:ship|deliver|send|post|bill|sold|invoice|dispatch)[ \t]to[ \t]?:)[ \t]{0,3}"
                         rf"({_CAP_NAME}(?:[ \t]{_PARTICLES}{_CAP_NAME}){{1,2}})(?=[ \t]?,[ \t]{{0,2}}\d)")
_DOUBLE_FIRST_NAME = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ]{1,15})-([A-ZÀ-Þ][a-zà-ÿ]{1,15})"
                                r"(?:[ \t]([A-ZÀ-Þ][a-zà-ÿ'’]{1,30}(?:-[A-ZÀ-Þ][a-zà-ÿ]{1,30})?))?(?![\w-])")


def _plain(tokens: list[str]) -> bool:
    """Whether no token is a plain word, an addressee, a place or a company's suffix."""
    return not any((w := t.lower().strip("'’-.,")) in NOT_NAMES or w in NOT_ADDRESSEES or _STREET_OR_PLACE(w)
                   or w in COMPANY_SUFFIXES for t in tokens)


def _more_named_people(text: str, low: str) -> Iterator[Found]:
    if "?" in text and "\n" in text and any(w in low for w in ("nam", "nom", "apellido", "cognome")):
        for m in _NAME_ASKED.finditer(text):
            tokens = [t for t in m.group(1).split() if t.lower() not in PARTICLES]
            if _plain(tokens):
                yield "PERSON", m.start(1), m.end(1), 0.85
    if " my " in f" {low}" or " our " in f" {low}":
        for m in _KIN_IS.finditer(text):
            tokens = [t for t in m.group(1).split() if t.lower() not in PARTICLES]
            if _plain(tokens) and (len(tokens) >= 2 or tokens[0].lower() in FIRST_NAMES):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if " to" in low and ":" in text:
        for m in _LABEL_NAME.finditer(text):
            if _plain(m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.85
    for m in _DOUBLE_FIRST_NAME.finditer(text) if "-" in text else ():
        first, second = m.group(1).lower(), m.group(2).lower()
        if first in FIRST_NAMES and (second in FIRST_NAMES or second in WORD_NAMES):
            surname = m.group(3) is not None and _plain([m.group(3)])
            yield "PERSON", m.start(), m.end() if surname else m.end(2), 0.8


_THANKS_FOR = frozenset("for per por pour für fur voor pela pelo pelas pelos".split())


# since session 12: a name and who the person is to the writer in brackets ("me and hope (my sister)", "Kabir (my
# son)"), in any case; a name on a doorbell or an intercom ("citofono Russo", "Klingel: Öztürk"); a capitalised word
# after a thanks that ends the message or its sentence ("AGENT: thanks Kamau") — not a word of our lists, a place, a
# brand we know or an acronym
_KIN_WORDS = (r"sister|brother|mum|mom|mother|dad|father|son|daughter|wife|husband|partner|friend|neighbou?r|"
              r"flatmate|roommate|cousin|uncle|aunt|auntie|niece|nephew|grandma|grandpa|gran|nan|grandson|granddaughter|"
              r"boyfriend|girlfriend|fianc[ée]e?|colleague|boss|carer|landlord|landlady|tenant|kid|child|baby")
_NAME_THEN_KIN = re.compile(rf"(?<![\w'’-])({_NAME_TOKEN})[ \t]{{0,2}}\((?i:my|our|his|her|their)[ \t](?i:{_KIN_WORDS})\)")
_KIN_IS = re.compile(rf"\b(?i:my|our)[ \t](?i:{_KIN_WORDS})[ \t](?i:is|was|is called|'s)[ \t]{{1,2}}"
                     rf"({_CAP_NAME}(?:[ \t]{_PARTICLES}{_CAP_NAME}){{0,2}})(?![\w'’-])")
_BELL_NAME = re.compile(rf"(?i:\b(?:citofono|campanello|interfono|sonnette|interphone|timbre|portero|klingel|"
                        rf"türschild|doorbell|buzzer|intercom|bel|deurbel)\b)[ \t]?:?[ \t]{{1,2}}"
                        rf"({_CAP_NAME}(?:[ \t/]{_CAP_NAME})?)(?![\w'’-])")
_THANKED_NAME = re.compile(r"(?i:(?:^|(?<=[\s:,.!]))(?:thanks|thank you|thank u|thx|cheers|ta|gracias|merci|danke|grazie|"
                           r"obrigad[oa]|bedankt))[ \t,]{1,3}([A-ZÀ-Þ][a-zà-ÿ'’-]{1,20})(?=[ \t]{0,2}(?:[,.!]|\r?\n|\Z))")
_BELL_WORDS = ("citofono", "campanello", "interfono", "sonnette", "interphone", "timbre", "portero", "klingel",
               "türschild", "doorbell", "buzzer", "intercom", "bel")


# since session 13: a first name before a department ("tell Will from billing", "ask Faith from the claims team"):
# a known first name, or a first name that is a word too after a lower-case word
_FROM_DEPARTMENT = re.compile(r"(?<![\w'’-])([A-Za-zÀ-ÿ][a-zà-ÿ'’-]{1,20})[ \t]from[ \t](?:(?:your|ur|the)[ \t])?"
                              r"(?i:billing|support|accounts|sales|customer services?|tech(?:nical)? support|"
                              r"collections|complaints|retentions?|claims|reception|the (?:shop|store|branch)|"
                              r"customer care|the helpdesk|helpdesk|it|hr|payroll|bookings|lettings)\b")
# a lower-case name with an Irish or Scottish surname after the writer's "I'm": "im kayden o'neil and…"
_SELF_OC_NAME = re.compile(r"(?i:\b(?:i['’]?m|i am|this is|it['’]?s|name is|name's)[ \t]{1,2})([a-zà-ÿ][a-zà-ÿ-]{1,20}"
                           r"[ \t](?:o['’]|mc)[a-zà-ÿ]{2,20})(?![\w'’-])")
# a name in another script inside a message in Latin letters ("my name in Arabic is فاطمة الزهراء", "王小明"):
# Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai words (1-4), or 2-4 CJK/kana/Hangul characters
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
                           r"\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_SCRIPT_WORD = r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f]{2,20}"
_SCRIPT_NAME = re.compile(rf"(?<![\w-])(?:{_SCRIPT_WORD}(?:[ \t]{_SCRIPT_WORD}){{0,3}}"
                          r"|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,4}(?:[ \t][\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{1,3})?)"
                          r"(?![\w-])")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")


def _script_names(text: str) -> Iterator[Found]:
    """Since session 13: short runs of another script in a message mostly in Latin letters are names."""
    if text.isascii() or not _OTHER_SCRIPT.search(text):
        return
    other = len(_OTHER_SCRIPT.findall(text))
    if len(_LATIN_LETTER.findall(text)) < 1.5 * other:
        return  # a message written in that script: its names are NER's and the cues' business
    for m in _SCRIPT_NAME.finditer(text):
        if m.group().lower() not in PLACE_WORDS:  # "上海", "Москва": a city
            yield "PERSON", m.start(), m.end(), 0.75


def _named_people(text: str, low: str) -> Iterator[Found]:
    yield from _script_names(text)
    if " from " in low:
        for m in _FROM_DEPARTMENT.finditer(text):
            word = m.group(1).lower()
            if word in FIRST_NAMES or (word in WORD_NAMES and m.group(1)[0].isupper() and re.search(
                    r"[a-z][ \t]$", text[max(0, m.start() - 2):m.start()])):
                yield "PERSON", m.start(1), m.end(1), 0.75
    if " o'" in low or " o’" in low or " mc" in low:
        for m in _SELF_OC_NAME.finditer(text):
            if m.group(1).split()[0].lower() not in NOT_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.8
    if "(" in text:
        for m in _NAME_THEN_KIN.finditer(text):
            word = m.group(1).lower()
            if word not in NOT_NAMES and word not in NOT_ADDRESSEES and not _STREET_OR_PLACE(word):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in _BELL_WORDS):
        for m in _BELL_NAME.finditer(text):
            if not any(t.lower() in NOT_NAMES or t.lower() in NOT_ADDRESSEES for t in re.split(r"[ \t/]", m.group(1))):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("than", "thx", "cheers", "ta", "gracias", "merci", "danke", "grazie", "obrigad", "bedankt")):
        for m in _THANKED_NAME.finditer(text):
            word = m.group(1)
            if (word.lower() not in NOT_NAMES and word.lower() not in NOT_ADDRESSEES and not _STREET_OR_PLACE(
                    word.lower()) and word.lower() not in _COMMON_WORDS and not any(c.isupper() for c in word[1:])):
                yield "PERSON", m.start(1), m.end(1), 0.75


def _STREET_OR_PLACE(word: str) -> bool:
    return word in _STREET_WORDS or word in PLACE_WORDS


PLACES_FILE = Path(__file__).with_name("pii_places.txt")
PLACE_WORDS = frozenset(line.strip().lower() for line in PLACES_FILE.read_text(encoding="utf-8").splitlines()
                        if line.strip() and not line.startswith("#"))
# words a thanks is said to that are no one's name ("Thank God.", "thanks Mate!")
_COMMON_WORDS = frozenset("""god goodness heaven heavens lord jesus christ mate love babe dear darling hun bud buddy pal
man bro sis boss guys all everyone folks friend friends again anyway anyways though tho so lots loads heaps million
bunch kindly in advance much plenty twitter facebook instagram whatsapp google""".split())


# since session 11, lower-case known first names with something that says they are people: a thanks or a greeting
# then punctuation ("thanks marta!!", "hi sofia,"), "from your/the …" ("ok so ahmed from your team said"), or a person
# asked for ("is li na there?", "is Tomasz around?")
_LOWER_THANKED = re.compile(r"(?i:\b(?:thanks|thank you|thanx|thx|ty|cheers|hi|hey|hello|hiya|dear|gracias|merci|danke|"
                            r"obrigad[oa]|grazie|bedankt|ciao|bye)[ \t,]{1,3})([a-zà-ÿ][a-zà-ÿ'’-]{1,20})"
                            r"(?=[ \t]{0,2}(?:[,.!?\r\n]|\Z|x{1,3}\b|[:;]-?[()D]|<3))")
_LOWER_FROM_TEAM = re.compile(r"(?<![\w'’-])([a-zà-ÿ][a-zà-ÿ'’-]{1,20})[ \t](?:from|at|in)[ \t](?:your|ur|the)[ \t]"
                              r"(?i:team|support|store|shop|office|branch|call cent(?:re|er)|helpdesk|help desk|company|"
                              r"billing|customer|service|desk|chat|side)")
_ASKED_FOR = re.compile(rf"(?i:\bis[ \t])({_NAME_TOKEN}(?:[ \t]{_NAME_TOKEN})?)[ \t](?i:there|around|in today|"
                        r"in the office|on shift|working today|back from)\b")


def _lower_names(text: str, low: str) -> Iterator[Found]:
    if any(w in low for w in ("than", "thx", "ty", "cheers", "hi", "hey", "hello", "dear", "gracias", "merci", "danke",
                              "obrigad", "grazie", "bedankt", "ciao", "bye")):
        for m in _LOWER_THANKED.finditer(text):
            if m.group(1) in FIRST_NAMES or m.group(1).lower() in FIRST_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.75
    if " from " in low or " at " in low or " in " in low:
        for m in _LOWER_FROM_TEAM.finditer(text):
            if m.group(1).lower() in FIRST_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.75
    if "is " in low:
        for m in _ASKED_FOR.finditer(text):
            tokens = m.group(1).split()
            low_tokens = [t.lower() for t in tokens]
            east_asian = len(tokens) == 2 and low_tokens[0] in EAST_ASIAN_SURNAMES and _PINYIN_SYLLABLE.match(low_tokens[1])
            if not east_asian and any(t in NOT_NAMES or t in NOT_ADDRESSEES for t in low_tokens):
                continue
            if low_tokens[0] in FIRST_NAMES or east_asian:
                yield "PERSON", m.start(1), m.end(1), 0.75


def _capitalised_prefix(tokens: list[str]) -> list[str]:
    """The tokens up to the first one in lower case that is not a particle between names ("Sanne de Jong")."""
    kept: list[str] = []
    for token in tokens:
        if not token[0].isupper() and not (kept and token in PARTICLES):
            break
        kept.append(token)
    while kept and kept[-1] in PARTICLES:
        kept.pop()
    return kept


def _known_first_names(text: str) -> Iterator[Found]:
    """A known first name (pii_first_names.txt) followed by a capitalised surname: "Can Tobias Lindqvist sign…",
    "put Ana Lucía Paredes as a second user". The surname may not be a street type, a place word or a common word.
    **Since session 9** a known first name alone too ("Thanks so much Agnieszka!!", "Hablé con Lucía"), unless a
    capitalised word, an article or a possessive stands before it ("HBO Max", "the Maria") or a number is next to it
    ("Jan 12", "12 Jan")."""
    lone = 0
    for m in _CAP_WORD.finditer(text):
        if m.group().lower() not in FIRST_NAMES:
            continue
        tail = _NAME_TAIL.match(text, m.end())
        if tail is None:
            if lone >= MAX_LONE_NAMES:
                continue  # a hostile text of names: the detector masks the other mentions of those found
            lone += 1
            before = _LONE_NAME_BEFORE_NOT.search(text, max(0, m.start() - 24), m.start())
            if before and before.group(1) and before.group(1).lower() in _NOT_NAME_WORDS:
                before = None  # "Thx Beatriz", "Gracias Lucía": a greeting or thanks before the name
            if not before and not _DIGIT_AFTER.match(text, m.end()):
                yield "PERSON", m.start(), m.end(), 0.7
            continue
        if _THING_ARTICLE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "ordered the Stanley Quencher": a product named like a person
        kept_end = m.end()
        words = list(re.finditer(r"[^\W\d_][\w'’-]*", tail.group()))
        for i, word in enumerate(words):
            low = word.group().lower()
            if low in PARTICLES and i + 1 < len(words) and words[i + 1].group().lower() in PLACE_WORDS:
                break  # since session 13: "Matteo di Torino", "Ana de Madrid": where the person is from
            if low in PARTICLES:  # "Yannick Le Goff", "Sanne de Jong": a particle, when a surname follows
                continue
            if low in NOT_NAMES or low in NOT_ADDRESSEES or low in _STREET_WORDS:
                break
            kept_end = m.end() + word.end()
        if kept_end > m.end():
            yield "PERSON", m.start(), kept_end, 0.75


# what may not stand before a lone first name: a capitalised word ("HBO Max", "Pro Max"), an article or possessive
# ("the Maria", "my Alexa"), a number ("12 Jan")
_LONE_NAME_BEFORE_NOT = re.compile(r"(?:(?<![.!?:;\n])([A-ZÀ-Þ][\w'’&+-]{0,20})[ \t]|\d[ \t]?|(?i:\b(?:the|a|an|my|your|our|"
                                   r"his|her|their|this|that|el|la|le|les|los|las|der|die|das|de|het|o|a|il|lo|un|una|"
                                   r"une|ein|eine)[ \t]))$")
# an English article or determiner before a first name and a surname: a thing named like a person ("the Stanley
# Quencher", "an Audrey Hepburn dress"); not Portuguese "a Maria Silva" or German "der Thomas Müller"
_THING_ARTICLE = re.compile(r"(?i:\b(?:the|an|this|that|these|those|your|our|their)[ \t])$")
MAX_LONE_NAMES = 64  # lone first names one text yields (a real message holds a few)
_NOT_NAME_WORDS = NOT_NAMES | NOT_ADDRESSEES | frozenset("""cheers thanks thx ty ta hi hello hey hiya dear gracias merci danke
obrigado obrigada grazie bedankt dank bye ciao salut hola olá""".split())
_DIGIT_AFTER = re.compile(r"[ \t.,]{0,2}\d")


def _ends_a_name(text: str, end: int, verb: bool = False) -> bool:
    """Whether a name may end at ``end``: punctuation or the end follows, or a word that is not a name ("ordered");
    with ``verb`` (since session 13, one unknown word after a relative) that word must be a verb: "my flatmate yiannis
    ordered it", not "my dad struggle to answer", "my daughter brought on"."""
    following = _NEXT_WORD.match(text, end)
    return following is None or (following.group(1).lower() in _NAME_VERBS if verb else
                                 following.group(1).lower() in NOT_NAMES)


_NAME_VERBS = frozenset("""ordered placed bought said told called recommended suggested mentioned promised explained
paid wants wanted needs needed sent got made asked received signed took left lives lived works worked says thinks
tried emailed rang phoned booked returned cancelled canceled complained uses used helps helped buys has had is was
does did makes put puts tries takes came comes went goes opened opens changed changes moves moved lost loses finds
pays will can could would should""".split())


# since session 14: a word with an adjective's ending (fr/es/it/pt/de) after "je suis", "soy", "sono", "ich bin"…
# is how the writer feels, not their name ("Je suis Furieux", "Sono Arrabbiato", "Je suis Déçue")
ADJECTIVE_ENDING = re.compile(r"(?i:^[^\W\d_]{2,}(?:eux|euse|ées?|és|çue?s?|ante?|ive|oso|osa|ato|ata|uto|uta|isch|"
                              r"lich|los|voll|iert)$)")
_STATE_CUES = frozenset(("je", "soy", "sono", "sou", "ich", "ik", "io", "eu"))
_NAME_ON_VERB = re.compile(r"(?:is|was|says|reads|:)$")


def _first_name(token: str) -> bool:
    """A known first name, or a compound one of two known ones ("jean-luc", "Anna-Lena")."""
    low = token.lower()
    return low in FIRST_NAMES or ("-" in low and all(part in FIRST_NAMES for part in low.split("-")))


def _cue_matches(text: str, low: str) -> Iterator[re.Match[str]]:
    """Each cue and the words after it; the next search starts where those words start, so that a cue among them is
    found too ("signed by someone called Jorge"); since session 13 the second list only where one of its words is."""
    for pattern, words in ((_CUE, _CUE_WORDS), (_CUE_MORE, _CUE_MORE_WORDS)):
        if not any(w in low for w in words):
            continue
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            yield m
            pos = m.start(1)


def _span_end(text: str, start: int, tokens: list[str]) -> int:
    """Where the kept tokens end in text (they are separated by one or two spaces there)."""
    end = start
    for token in tokens:
        end = text.index(token, end) + len(token)
    return end


_DIGIT = re.compile(r"\d")
SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)(\d{3})-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])")


def find_ssns(text: str) -> Iterator[Found]:
    """US social security numbers written 123-45-6789 (not the never-issued 000, 666 and 9xx areas)."""
    for m in SSN.finditer(text):
        yield "SSN", m.start(), m.end(), 0.85


# ---- numbers read out (voice transcripts) -------------------------------------------------------------------------
_SPOKEN_VALUES = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                  "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
# since session 12 also Spanish, French, Italian, Portuguese, German and Dutch digits ("seis uno dos, tres cuatro…"),
# and "hundred" after a digit ("oh seven seven hundred nine hundred…": 07700 900…)
_SPOKEN_VALUES.update({w: str(i) for words in (
    "cero uno dos tres cuatro cinco seis siete ocho nueve", "zéro un deux trois quatre cinq six sept huit neuf",
    "zero uno due tre quattro cinque sei sette otto nove", "zero um dois três quatro cinco seis sete oito nove",
    "null eins zwei drei vier fünf sechs sieben acht neun", "nul een twee drie vier vijf zes zeven acht negen")
    for i, w in enumerate(words.split())})
_DIGIT_WORDS = "|".join(sorted(_SPOKEN_VALUES, key=lambda w: (-len(w), w)))
_SPOKEN_VALUES["hundred"] = "00"
_REPEATS = {"double": 2, "doble": 2, "doppio": 2, "doppel": 2, "doppelt": 2, "triple": 3}
ENGLISH_DIGIT_WORDS = frozenset("zero oh one two three four five six seven eight nine".split())
_SPOKEN_DIGIT = (rf"(?:(?:double|triple|doble|doppio|doppelt?)[ \t])?(?:{_DIGIT_WORDS}|\d)(?:[ \t]hundred)?(?![\w'’])")
# one digit a token, as a transcript writes a number read out: "oh seven nine four six, one two three, four five six",
# "five five five, two one three…", "0 2 0 7 9 4 6 0 5 5 5", "double four"; seven tokens at least
SPOKEN_NUMBER = re.compile(rf"(?i)(?<![\w'’-]){_SPOKEN_DIGIT}(?:(?:[ \t]{{1,2}}|,[ \t]{{0,2}}|[ \t]?-[ \t]?|\.{{1,3}}[ \t]{{1,2}})"
                           rf"{_SPOKEN_DIGIT}){{4,24}}")  # since session 13 five tokens (doubles, hundreds): the digits are counted below
_SPOKEN_WORDS = ("zero", "oh", "nought", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "cero",
                 "uno", "dos", "tres", "cuatro", "seis", "siete", "ocho", "nueve", "deux", "trois", "quatre", "cinq",
                 "sept", "huit", "neuf", "due", "tre", "sette", "otto", "nove", "dois", "três", "sete", "oito",
                 "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "twee", "drie", "vijf", "zes",
                 "zeven", "negen", " 0 ",
                 " 1 ", " 2 ", " 3 ", " 4 ", " 5 ", " 6 ", " 7 ", " 8 ", " 9 ")
_CODE_BEFORE = re.compile(r"(?i:(?:order|pedido|commande|bestellung|encomenda|tracking|ticket|case|reference|ref|"
                          r"booking|confirmation|invoice|policy|claim|serial|voucher|pin|code|otp|password|version)"
                          r"(?:[ \t]?(?:number|no\.?|nr\.?|#|code|id))?(?:[ \t]?(?:is|was|:|#))?[ \t]{0,3})$")


def spoken_digits(said: str, others: bool = True) -> str:
    """The digits of a number read out ("oh seven double four" is "0744"; "hundred" after a digit is "00"): each
    digit word or digit by _SPOKEN_VALUES, a "double"/"triple" repeating the next; any other word kept as it is
    (others) or left out."""
    digits, repeat = "", 1
    for token in re.findall(r"[^\W\d_]+|\d", said.lower()):
        if token in _REPEATS:
            repeat = _REPEATS[token]
            continue
        digits += _SPOKEN_VALUES.get(token, token if others else "") * repeat
        repeat = 1
    return digits


def find_spoken_numbers(text: str) -> Iterator[Found]:
    """A phone or card number read out one digit at a time (7-19 digits): a CARD when it passes Luhn with 13-19
    digits, else a PHONE (7-15 digits); not after the name of a code ("order number is one two three…")."""
    low = text.lower()
    if not any(w in low for w in _SPOKEN_WORDS):
        return
    for m in SPOKEN_NUMBER.finditer(text):
        digits = spoken_digits(m.group())
        if _CODE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if 13 <= len(digits) <= 19 and digits[0] != "0" and privacy.luhn_valid(digits):
            yield "CARD", m.start(), m.end(), 0.85
        elif 7 <= len(digits) <= 15:
            yield "PHONE", m.start(), m.end(), 0.85


# ---- a postcode after its name: "her postcode is L18 2EP", "PLZ 10115", "zip: 94107-1234", "CEP 01310-200" --------
POSTCODE_AFTER_CUE = re.compile(
    r"(?i:\b(?:post[ \t]?code|postal[ \t]code|zip(?:[ \t]?code)?|postleitzahl|plz|code[ \t]postal|c[oó]digo[ \t]postal|"
    r"cep|c\.p\.|cap|postnummer))(?:[ \t]?(?:is|es|est|ist|é|è|:|-|\?[ \t]{0,2}(?:it['’]?s|it is)?))?[ \t]{1,3}"
    r"([A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]?\d[A-Za-z]{2}|[A-Za-z]\d[A-Za-z][ \t]?\d[A-Za-z]\d|\d{4}[ \t]?[A-Za-z]{2}"
    r"|\d{5}(?:-\d{3,4})?|\d{4}(?:-\d{3})?|[A-Za-z]\d[\dWw][ \t]?[A-Za-z\d]{4})(?![\w-])")
_POSTCODE_WORDS = ("post", "zip", "plz", "code", "cep", "c.p.", "cap")


UK_CA_POSTCODE = re.compile(r"(?<![\w-])(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[A-Z]\d[A-Z] \d[A-Z]\d)(?![\w-])"
                            r"|(?<![\w-])" + _SPOKEN_POSTCODE)  # "P O 4 0 J T", read out on a call


def find_postcodes(text: str) -> Iterator[Found]:
    low = text.lower()
    if any(w in low for w in _POSTCODE_WORDS):
        for m in POSTCODE_AFTER_CUE.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.8
    for m in UK_CA_POSTCODE.finditer(text):
        yield "ADDRESS", _lines_before(text, m.start()), m.end(), 0.7


# since session 13: a lower-case first name found once, said again with a surname that punctuation closes ("it's
# bernadette, bernadette kowalczyk.")
_LOWER_AGAIN = r"(?<![\w'’-]){}(?![\w'’-])"
_LOWER_SURNAME = re.compile(r"[ \t]([a-zà-ÿ][a-zà-ÿ'’-]{1,25})(?=[ \t]*(?:[,.!?;\r\n]|\Z))")


def _lower_names_again(text: str, names: list[Found]) -> list[Found]:
    words = {text[s:e] for kind, s, e, _ in names if kind == "PERSON" and text[s:e].isalpha() and text[s:e].islower()
             and text[s:e] in FIRST_NAMES}
    out: list[Found] = []
    for word in words:
        for m in re.finditer(_LOWER_AGAIN.format(re.escape(word)), text):
            surname = _LOWER_SURNAME.match(text, m.end())
            ok = surname is not None and surname.group(1) not in NOT_NAMES and surname.group(1) not in NOT_ADDRESSEES
            out.append(("PERSON", m.start(), surname.end() if ok and surname else m.end(), 0.75))
    return out


# ---- since session 14's third part: a name spelled out letter by letter on a call ------------------------------
# "Summer Hayes, H-A-Y-E-S", "Caller: Precious Dlamini, D-L-A-M-I-N-I", "O apostrophe S-H-E-A, O'Shea": three or more
# capitals joined by hyphens are a name's letters when the message also writes the word they spell, or when a
# "spell"/"surname" cue comes shortly before; the written word is masked too, with a capitalised word right before it
# (the first name). An acronym ("the A-T-M") spells no word of the message and has no such cue: kept.
_SPELLED = re.compile(r"(?<![\w'’-])(?:([A-Z])[ \t](?i:apostrophe|hyphen|dash)[ \t])?([A-Z](?:-[A-Z]){2,24})(?![\w'’-])")
_SPELL_CUE = re.compile(r"(?i:spell|spelt|spelled|surname|last name|family name|first name|name)")
_FIRST_BEFORE = re.compile(r"([A-ZÀ-Þ][a-zà-ÿ]{1,20})[ \t]$")
_WRITTEN_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][\w'’]{1,30}(?:-[A-ZÀ-Þ][\w'’]{1,30})?(?![\w'’-])")


def find_spelled_names(text: str) -> Iterator[Found]:
    for m in _SPELLED.finditer(text):
        word = (m.group(1) or "") + m.group(2).replace("-", "")
        hits = [w for w in _WRITTEN_WORD.finditer(text)
                if not w.group().isupper() and word.lower() in w.group().replace("'", "").replace("’", "").lower().split("-")]
        if not hits and not _SPELL_CUE.search(text, max(0, m.start() - 60), m.start()):
            continue
        yield "PERSON", m.start(), m.end(), 0.8
        for w in hits:
            first = _FIRST_BEFORE.search(text, max(0, w.start() - 22), w.start())
            ok = first is not None and first.group(1).lower() not in NOT_NAMES
            yield "PERSON", first.start(1) if ok and first else w.start(), w.end(), 0.8


# the name embossed on a card, in capitals after "name on card" or "cardholder" ("name on card ROBIN A WELLS")
_CARD_NAME = re.compile(r"(?i:name[ \t]on[ \t](?:the[ \t])?card|card[ \t]?holder(?:['’]s)?(?:[ \t]name)?)"
                        r"(?:[ \t](?i:is|reads|says))?[ \t]?:?[ \t]{1,3}"
                        r"([A-Z][A-Z'’-]{1,30}(?:[ \t][A-Z](?:[A-Z'’-]{1,30}|\.)?){1,3})(?![\w'’-])")


# a month's or a season's name right after a relative is that relative's name ("I'm his daughter June.", "my wife
# April rang you"); not with a day's number after it ("my son May 3rd")
_KIN_MONTH_NAME = re.compile(rf"(?i:\b(?:my|our|his|her|their)[ \t](?:{_KIN_WORDS})[ \t])"
                             r"(April|May|June|August|Summer|Autumn|Winter)(?![\w'’-])(?![ \t,]{0,2}\d)")


def fold(word: str) -> str:
    """Lower case without accents ("Nicolás" → "nicolas"): the name lists are written both ways."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def find_all(text: str) -> list[Found]:
    names = list(find_names(text))
    if "-" in text:
        names += find_spelled_names(text)
    if "card" in text or "CARD" in text or "Card" in text:
        names += [("PERSON", m.start(1), m.end(1), 0.85) for m in _CARD_NAME.finditer(text)]
    names += [("PERSON", m.start(1), m.end(1), 0.8) for m in _KIN_MONTH_NAME.finditer(text)]
    if names:
        names += _lower_names_again(text, names)
    found = [*find_emails(text), *names, *find_spoken_numbers(text), *find_personal_numbers(text),
             *find_session15(text, text.lower()), *find_session15_names(text, text.lower()),
             *find_session18(text), *find_session18_more(text), *find_session19(text),
             *find_session20a(text), *find_session20a_more(text), *find_session20a_names(text),
             *find_session20b(text),
             *find_session21a(text)]  # session 21a (fixer pii21fa)
    found += find_session21c(text)  # session 17, fixer pii21fc (blind21c)
    found += [*find_session22a(text), *find_session22a_more(text),
              *find_session22a_names(text), *find_session22a_third(text)]  # session 18, fixer pii22fa (blind22/22b)
    found += find_session22c(text)  # session 18, fixer pii22fc (blind22c)
    found += find_session23a(text)  # session 18 second round, fixer pii23fa (blind23)
    seen = {(start, end) for _, start, end, _ in found}  # session 18's second round, fixer session23b (blind23b/23c)
    found += [f for f in find_session23b(text) if (f[1], f[2]) not in seen]  # what no rule above found
    found += find_session24a(text)  # session 19, fixer session24a (blind24)
    found += find_session24b(text)  # session 19, fixer session24b (blind24b)
    found += _s24c_capped(find_session24c(text))  # session 19, fixer session24c (blind24c)
    found += find_session25a(text)  # session 20, fixer session25a (blind25)
    found += _s25c_capped(find_session25c(text))  # session 20, fixer session25c (blind25c)
    found += find_session26a(text)  # session 20 second round, fixer session26a (blind26)
    found += [*find_session26b(text), *find_session26b_signed(text)]  # session 20 second round, fixer session26b
    found += find_session26c(text)  # session 20 second round, fixer session26c (blind26c)
    found += find_session24(text)  # session 24 (this file's last block; blind33b's spoken and SMS forms)
    found += find_session24_last_first(text)  # session 24, candidate 4 ("Von: Dunkelberg, Ralf <…>")
    found += itertools.islice(find_session27(text), _S27_CAP)  # session 21 short round, fixer session27 (blind27*)
    found += itertools.islice(find_session27a(text), _S27_CAP)  # session 22, fixer session27a (blind27)
    found += itertools.islice(find_session27b(text), _S27_CAP)  # session 22, fixer session27b (blind27b)
    found += itertools.islice(find_session27c(text), _S27_CAP)  # session 22, fixer session27c (blind27c)
    found += itertools.islice(find_session27d(text), _S27_CAP)  # session 22, fixer session27d (CVV; blind19c/21c/22/22b/23/23b/23c)
    # session 29: cards and security codes read out or typed in pieces (privacy.said_payment_spans, which the
    # ingestion's redaction uses too); a card scores above the PHONE a run of spoken digits also reads as
    found += [("CARD" if label.startswith("[CARD") else "CVV", start, end, 0.9)
              for start, end, label in privacy.said_payment_spans(text)]
    ids = {f[:3]: f[3] for f in itertools.chain(pii_ids.find_labelled_ids(text),  # session 25: a document's number
                                                   pii_bank_dob.find_bank_and_birth(text),  # after its name; bank, DOB;
                                                   pii_titled_names.find_titled_names(text),  # titled and held
                                                   pii_spoken_names.find_spoken_names(text),  # names; said in calls;
                                                   pii_answering.find_answering_names(text),  # the agent's (s. 32);
                                                   pii_address_forms.find_address_forms(text),  # session 29: forms
                                                   pii_town_fields.find_town_fields(text),  # s. 44: towns
                                                   pii_bank_accounts.find_bank_accounts(text),  # session 30: banks;
                                                   pii_spelled_ids.find_spelled_ids(text),  # ids read with letters;
                                                   pii_own_units.find_own_units(text),  # s. 33: one's own door;
                                                   pii_script_names.find_script_names(text),  # s. 33: other scripts
                                                   pii_letter_greetings.find_letter_greetings(text),  # s. 34: letters
                                                   pii_airline_names.find_airline_names(text),  # s. 34: tickets
                                                   pii_honorific_names.find_honorific_names(text),  # s. 35: titles
                                                   pii_script_signatures.find_script_signatures(text),  # s. 34: signed
                                                   pii_script_name_cues.find_name_cues(text),  # s. 35: "name …"
                                                   pii_national_accounts.find_national_accounts(text),  # s. 35: banks
                                                   pii_payment_layouts.find_payment_layouts(text),  # s. 42: layouts
                                                   pii_country_ids.find_country_ids(text),  # s. 35: more ids
                                                   pii_world_ids.find_world_ids(text),  # s. 37: ids, pairs
                                                   pii_structured_ids.find_structured_ids(text),  # s. 39: by shape
                                                   pii_id_layouts.find_id_layouts(text),  # s. 41: layouts, reach
                                                   pii_asian_addresses.find_asian_addresses(text),  # s. 36: Asia
                                                   pii_european_addresses.find_european_addresses(text),  # s. 36
                                                   pii_native_addresses.find_native_addresses(text),  # s. 42: scripts
                                                   pii_signoff_names.find_signoff_names(text),  # s. 36: "Thanks, Em"
                                                   pii_name_answers.find_name_answers(text),  # s. 36: "name?" answered
                                                   pii_closing_names.find_closing_names(text),  # s. 41: signed, fields
                                                   pii_agent_intros.find_agent_intros(text),  # s. 36: agent's name
                                                   pii_spoken_ids.find_spoken_ids(text),  # s. 37: ids read aloud
                                                   pii_said_ids.find_said_ids(text),  # s. 45: more words, cues
                                                   pii_table_cells.find_table_cells(text),  # s. 38: table cells
                                                   pii_address_answers.find_address_answers(text),  # s. 38: answers
                                                   pii_short_phones.find_short_phones(text),  # s. 38: short phones
                                                   pii_unit_complements.find_unit_complements(text),  # s. 40: units,
                                                   pii_unit_complements.find_postcode_towns(text),  # postcode-towns
                                                   pii_home_units.find_home_units(text))}  # s. 44: a home's unit alone
    if ids:  # (pii_ids); a span another rule found too stays once, where it was, with the higher score
        found = [(*f[:3], max(f[3], ids.pop(f[:3]))) if f[:3] in ids else f for f in found]
        found += [(*key, score) for key, score in ids.items()]
    if _DIGIT.search(text):  # every other rule needs a digit (or an IBAN's check digits)
        found += [*find_cards(text), *find_ibans(text), *find_phones(text), *find_addresses(text), *find_ssns(text),
                  *find_postcodes(text)]
    else:
        found += find_addresses(text)  # "rue de Rivoli" has no number
        low = text.lower()
        if any(w in low for w in _DIGIT_NAMES):
            found += find_postcodes(text)  # since session 13: "my postcode is L S six, three A B"
    accounts = [(f[1], f[2]) for f in found if f[0] == "BANK_ACCOUNT"]  # session 30: a mistyped transfer's other number
    if accounts:
        found += itertools.islice(pii_bank_accounts.near_copies(text, accounts), pii_bank_accounts.CAP)
    return found


# ---- since session 13 (second part): bank details, national ID numbers, dates of birth ---------------------------
# Written with this detector's code in view (not a blind estimate). Kinds: BANK_ACCOUNT, NATIONAL_ID, DOB.
# - BANK_ACCOUNT: a UK account number (8 digits) after "account"/"acc"/"acct"/"a/c" (with "number", "no"…), or a sort
#   code followed by one ("40-77-12 31178842": one span). A sort code alone names a bank branch, not a person: kept.
# - NATIONAL_ID: UK National Insurance numbers (letter rules), Spanish DNI/NIE (mod-23 check letter), Dutch BSN
#   (11-proof), Italian codice fiscale (check character), Irish PPS numbers (mod-23 check character). A number whose
#   check fails is masked only after a strong cue naming the ID ("mi DNI es…", "BSN:"), as the customer's own ID
#   mistyped; BSN and PPS, whose patterns alone are too common (9 digits; 7 digits and a letter), need that cue always.
# - DOB: a date (numeric, or day and month in words, year optional) right after a date-of-birth cue in en/es/fr/de/
#   it/pt/nl ("DOB 12/03/1985", "date of birth: 3 March 1985", "born on…", "fecha de nacimiento…", "né le…",
#   "geboren am…"), also on the next line of a dialogue ("your date of birth?\nCustomer: third of March"). A year alone
#   ("born in 1985") is not a DOB for us, and a date without such a cue is kept (an order date).
_ACCOUNT_CUE = r"(?:account|acc|acct|a/c|bank[ \t]account|kontonummer|rekeningnummer)"
BANK_ACCOUNT = re.compile(
    rf"(?i:(?<![\w/]){_ACCOUNT_CUE}(?:[ \t]?(?:number|num|no\.?|nr\.?|#))?(?:[ \t]{{0,2}}(?:is|:|-))?[ \t]{{1,3}})"
    r"(?:(\d{2}-\d{2}-\d{2}[ \t,/]{1,3})?(\d{8}))(?![\w-]|[.,]\d)")
SORT_THEN_ACCOUNT = re.compile(r"(?<![\w.-])(\d{2}-\d{2}-\d{2}|\d{2} \d{2} \d{2})(?:[ \t]{1,3}|,[ \t]{0,2}|[ \t]?/[ \t]?)"
                               r"(\d{8})(?![\w-]|[.,]\d)")
_TWO_DIGITS = re.compile(r"\d\d")
_SEVEN_DIGITS = re.compile(r"\d{7}")
_BANK_WORDS = ("sort", "acc", "a/c", "bank", "konto", "rekening")

NINO = re.compile(r"(?<![\w-])([A-Za-z]{2})([ \t]?)(\d{2})[ \t]?(\d{2})[ \t]?(\d{2})[ \t]?([A-Da-d])(?![\w-])")
_NINO_BAD_PREFIX = frozenset(("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"))
DNI = re.compile(r"(?<![\w-])(?:(\d{8})|([XYZxyz])[ \t-]?(\d{7}))[ \t-]?([A-Za-z])(?![\w-])")
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
BSN = re.compile(r"(?<![\w.-])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\w-]|[.,]\d)")
CODICE_FISCALE = re.compile(r"(?<![\w-])[A-Za-z]{6}\d{2}[A-EHLMPR-Ta-ehlmpr-t]\d{2}[A-Za-z]\d{3}[A-Za-z](?![\w-])")
PPS = re.compile(r"(?<![\w-])(\d{7})[ \t]?([A-Wa-w])([A-IWa-iw]?)(?![\w-])")
_ID_CUES = {
    "NINO": r"national[ \t]insurance|\bni[ \t]?(?:number|no\b|:)|\bnino\b|\bn\.i\.|\b(?:my|your|his|her)[ \t]ni\b",
    "DNI": r"\bdni\b|\bnie\b|\bnif\b|\bd\.n\.i\.|documento[ \t]de[ \t]identidad",
    "BSN": r"\bbsn\b|burgerservicenummer|sofi-?nummer",
    "CF": r"codice[ \t]fiscale|\bc\.f\.|\bcf\b",
    "PPS": r"\bppsn?\b|personal[ \t]public[ \t]service",
}
# the cue, then at most a few link words ("number", "is", ":"), no digit and no line break in between; since session
# 14's second part also the cue asked as a question and the answer on the next line of a dialogue ("and your BSN?\n
# Klant: 310626936", "e o contribuinte?\nCliente: …"): a speaker's label and a yes may open the answer
_ANSWER = r"(?:\?[ \t]{0,3}\r?\n[ \t]{0,3}(?:[^\W\d_]{1,20}[ \t]?:[ \t]{0,3})?(?:(?i:yes|yeah|yep|sí|si|sim|ja|oui)[ \t,.]{1,3})?)?"
_ID_CUE = {k: re.compile(rf"(?i:(?:{v})[^\d\n]{{0,25}}){_ANSWER}$") for k, v in _ID_CUES.items()}
_CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12,
                    14, 16, 10, 22, 25, 24, 23), strict=True))


def _cued(kind: str, text: str, start: int) -> bool:
    return _ID_CUE[kind].search(text, max(0, start - 60), start) is not None


def _code_named_before(text: str, start: int) -> bool:
    return _CODE_BEFORE.search(text, max(0, start - 40), start) is not None


def dni_ok(digits: str, letter: str) -> bool:
    return _DNI_LETTERS[int(digits) % 23] == letter.upper()


def bsn_ok(digits: str) -> bool:
    """The Dutch 11-proof: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros)."""
    return len(digits) == 9 and int(digits) > 0 and (
        sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])) % 11 == 0


def codice_fiscale_ok(code: str) -> bool:
    code = code.upper()
    total = sum(_CF_ODD[c] if i % 2 == 0 else (int(c) if c.isdigit() else ord(c) - 65) for i, c in enumerate(code[:15]))
    return chr(65 + total % 26) == code[15]


def pps_ok(digits: str, check: str, second: str) -> bool:
    """Irish PPS: 8·d1 + … + 2·d7 (+ 9 × the second letter's value, A=1 … I=9, W=0), mod 23: 0 is W, 1-22 A-V."""
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    if second and second.upper() != "W":
        total += 9 * (ord(second.upper()) - 64)
    return "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == check.upper()


def find_bank_accounts(text: str) -> Iterator[Found]:
    low = text.lower()
    if not any(w in low for w in _BANK_WORDS):
        return
    for m in BANK_ACCOUNT.finditer(text):
        yield "BANK_ACCOUNT", m.start(1) if m.group(1) else m.start(2), m.end(2), 0.9
    for m in SORT_THEN_ACCOUNT.finditer(text):
        yield "BANK_ACCOUNT", m.start(), m.end(), 0.9


def find_national_ids(text: str) -> Iterator[Found]:
    seven = _SEVEN_DIGITS.search(text) is not None  # a DNI, NIE or PPS number holds seven digits in a row
    for m in NINO.finditer(text):
        prefix = m.group(1).upper()
        valid = (prefix[0] not in "DFIQUV" and prefix[1] not in "DFIOQUV" and prefix not in _NINO_BAD_PREFIX)
        if _cued("NINO", text, m.start()) or (valid and m.group(2) and m.group(1).isupper()
                                               and not _code_named_before(text, m.start())):
            yield "NATIONAL_ID", m.start(), m.end(), 0.9
    for m in DNI.finditer(text) if seven else ():
        digits = m.group(1) or str("XYZ".index(m.group(2).upper())) + m.group(3)
        if _cued("DNI", text, m.start()) or (dni_ok(digits, m.group(4)) and not _code_named_before(text, m.start())):
            yield "NATIONAL_ID", m.start(), m.end(), 0.9
    for m in CODICE_FISCALE.finditer(text):
        if _cued("CF", text, m.start()) or (codice_fiscale_ok(m.group()) and not _code_named_before(text, m.start())):
            yield "NATIONAL_ID", m.start(), m.end(), 0.9
    low = text.lower()
    if "bsn" in low or "burgerservice" in low or "sofi" in low:  # "1112.22.333": no seven digits in a row
        for m in BSN.finditer(text):
            if _cued("BSN", text, m.start()):
                yield "NATIONAL_ID", m.start(), m.end(), 0.9 if bsn_ok(re.sub(r"\D", "", m.group())) else 0.8
    if seven and ("pps" in low or "personal public" in low):
        for m in PPS.finditer(text):
            if _cued("PPS", text, m.start()):
                ok = pps_ok(m.group(1), m.group(2), m.group(3))
                yield "NATIONAL_ID", m.start(), m.end(), 0.9 if ok else 0.8


_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|december|"
           r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
           r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
           r"januar|jänner|februar|märz|april|juni|juli|oktober|dezember|"
           r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
           r"janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
           r"januari|februari|maart|mei|augustus|"
           r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_ORDINALS = (r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
             r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
             r"twenty[ \t-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirty[ \t-]first")
_NUMBER_WORD = (r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                r"forty|fifty|sixty|seventy|eighty|ninety|oh|one|two|three|four|five|six|seven|eight|nine)")
# since session 14's second part: a day and a year said in Spanish or Portuguese ("el catorce de abril del ochenta y
# dos", "vinte e dois de julho de 1988"), read only after a date-of-birth cue like the English words
_UNIT_ES_PT = (r"uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|um|dois|três|quatro|sete|oito|nove")
_DAY_ES_PT = (r"primero|primeiro|diez|once|doce|trece|catorce|quince|diecis[ée]is|diecisiete|dieciocho|diecinueve|"
              r"veinte|veintiuno|veintid[óo]s|veintitr[ée]s|veinticuatro|veinticinco|veintis[ée]is|veintisiete|"
              r"veintiocho|veintinueve|treinta(?:[ \t]y[ \t]uno)?|dez|onze|doze|treze|catorze|quatorze|quinze|"
              r"dezasseis|dezesseis|dezassete|dezessete|dezoito|dezanove|dezenove|"
              rf"vinte(?:[ \t]e[ \t](?:{_UNIT_ES_PT}))?|trinta(?:[ \t]e[ \t]um)?|{_UNIT_ES_PT}")
_YEAR_ES_PT = (r"(?:mil[ \t]novecientos[ \t]|mil[ \t]novecentos[ \t]e[ \t])?(?:cincuenta|sesenta|setenta|ochenta|"
               rf"noventa|cinquenta|sessenta|oitenta)(?:[ \t][ye][ \t](?:{_UNIT_ES_PT}))?")
# since session 14's third part a year's last two digits said as a decade ("nineteenth of August, sixty-two")
_DECADE_YEAR = (r"(?:forty|fifty|sixty|seventy|eighty|ninety)(?:[ \t-](?:one|two|three|four|five|six|seven|eight|"
                r"nine))?")
_YEAR = (rf"(?:\d{{4}}|['’]\d{{2}}|(?:nineteen|two[ \t]thousand(?:[ \t]and)?|twenty)(?:[ \t-]{_NUMBER_WORD}){{1,2}}"
         rf"|{_YEAR_ES_PT}|{_DECADE_YEAR})(?![\w])")
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?|{_ORDINALS}|{_DAY_ES_PT})"
_DATE = (r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d)"
         rf"|{_DAY}(?:[ \t](?:of|de|del))?[ \t]{{1,2}}(?:{_MONTHS})\.?(?:,?[ \t]{{1,2}}(?:del?[ \t])?{_YEAR})?"
         rf"|(?:{_MONTHS})\.?[ \t]{{1,2}}(?:the[ \t])?{_DAY}(?:,?[ \t]{{1,2}}{_YEAR})?)(?![\w])")
_DOB_CUE = (r"date[ \t]of[ \t]birth|d\.?o\.?b\.?|birth[ \t]?date|birthday|born(?:[ \t]on)?|fecha[ \t]de[ \t]nacimiento|"
            r"nacid[oa][ \t](?:el)?|n[ée]e?[ \t]le|date[ \t]de[ \t]naissance|geboren[ \t](?:am|op)|geburtsdatum|"
            r"geb\.|data[ \t]di[ \t]nascita|nat[oa][ \t]il|data[ \t]de[ \t]nascimento|nascid[oa][ \t]em|"
            r"geboortedatum")
DOB = re.compile(
    rf"(?i:(?<![\w])(?:{_DOB_CUE}))(?![\w])"  # since session 23 the cue's every form is a whole word ("consegnato il 12
    # novembre" read "nato il" inside "consegnato": the look-behind bound only the first alternative)
    r"(?i:[ \t]{0,3}(?:is|was|es|est|ist|è|é|:|-|=|on|el|le|am|op|em|il)?[ \t]{0,3}(?:(?:is|was|on)[ \t]{1,3})?"
    # since session 14's second part a few words may end the question ("Ihr Geburtsdatum bitte?") and a yes open the
    # answer ("sí, el catorce de abril…")
    r"(?:(?:[ \t,]{1,2}[^\W\d_]{1,15}){0,3}[ \t]{0,2}\?[ \t]{0,3}\r?\n(?:[^\W\d_]{1,20}[ \t]?:)?[ \t]{0,3}"
    r"(?:(?:yes|yeah|yep|sí|si|sim|ja|oui)[ \t,.]{1,3})?|\([ \t]?)?(?:(?:the|der|den|el|le|il|o)[ \t]{1,3})?)"
    rf"(?i:({_DATE}))")
_DOB_WORDS = ("birth", "dob", "d.o.b", "born", "nacimiento", "nacid", "né", "nee", "née", "naissance", "geboren",
              "geburt", "geb.", "nascita", "nato", "nata", "nascimento", "nascid", "geboorte")


def find_dobs(text: str) -> Iterator[Found]:
    low = text.lower()
    if not any(w in low for w in _DOB_WORDS):
        return
    for m in DOB.finditer(text):
        yield "DOB", m.start(1), m.end(1), 0.9


# ---- since session 14: more national IDs, account numbers read digit by digit, a date-of-birth cue after the date ---
# Written with this detector's code in view (not a blind estimate; the kinds session 13's note listed as missing).
# - French NIR (numéro de sécurité sociale, 13 digits + a 2-digit key = 97 − the 13-digit number mod 97; Corsica's 2A /
#   2B count as 19 / 18): masked wherever its key checks ("1 85 05 78 006 084 36"), after its name also without the key
#   or with a wrong one.
# - German Steuer-ID (11 digits, ISO 7064 MOD 11,10 check digit, one of the first ten digits twice or three times and
#   the others once): after its name; without a cue only in the printed layout "12 345 678 903" with a valid check.
# - Portuguese NIF (9 digits): after its name only (nine digits alone are a Portuguese phone number).
# - An account number read one digit at a time after "account" ("account 5 3 0 7 1 1 8 9"; a spoken run was a PHONE).
# - A date followed by a date-of-birth cue ("12/03/1985 is my DOB", "3 March 1985 (date of birth)").
NIR = re.compile(r"(?<![\w-])([1-478])[ \t.]?(\d{2})[ \t.]?(\d{2})[ \t.]?(\d{2}|2[AaBb])[ \t.]?(\d{3})[ \t.]?(\d{3})"
                 r"(?:[ \t.]?(\d{2}))?(?![\w-]|[.,]\d)")
STEUER_ID = re.compile(r"(?<![\w.-])([1-9]\d)([ \t]?)(\d{3})[ \t]?(\d{3})[ \t]?(\d{3})(?![\w-]|[.,]\d)")
NIF_PT = re.compile(r"(?<![\w.-])(\d{3})[ \t.]?(\d{3})[ \t.]?(\d{3})(?![\w-]|[.,]\d)")
_ID_CUES_14 = {
    "NIR": r"s[ée]curit[ée][ \t]sociale|num[ée]ro[ \t]de[ \t]s[ée]cu|\bs[ée]cu\b|\bnir\b|carte[ \t]vitale|\binsee\b",
    "STEUER": r"steuer[ \t-]?id|steuer-?identifikationsnummer|steuerliche[ \t]identifikationsnummer|"
              r"identifikationsnummer|\bidnr\b|\btin\b",
    "NIF_PT": r"\bnif\b|contribuinte|n[úu]mero[ \t]fiscal|n\.?[ºo][ \t]fiscal",
}
_ID_CUE_14 = {k: re.compile(rf"(?i:(?:{v})[^\d\n]{{0,25}}){_ANSWER}$") for k, v in _ID_CUES_14.items()}
_ID_WORDS_14 = ("cu", "nir", "vitale", "insee", "steuer", "identifikation", "idnr", "tin", "nif", "contribuinte",
                "fiscal")
SPOKEN_ACCOUNT = re.compile(
    rf"(?i:(?<![\w/]){_ACCOUNT_CUE}(?:[ \t]?(?:number|num|no\.?|nr\.?|#))?(?:[ \t]{{0,2}}(?:is|:|-))?[ \t]{{1,3}})"
    r"(\d(?:[ \t-]\d){7})(?![\w-]|[ \t-]\d|[.,]\d)")
_DOB_CUE_AFTER = pii_bank_dob.DOB_WORDS  # one list of a date of birth's names (session 25's pass reads it too)
DOB_BEFORE_CUE = re.compile(
    rf"(?i:(?<![\w/.-])({_DATE}))"
    r"(?i:[ \t]{0,3}(?:\([ \t]?|,[ \t]{0,2}|-[ \t]{0,2}|=[ \t]{0,2}|(?:is|was|es|est|ist|è|é)[ \t]{1,3})?"
    r"(?:(?:my|his|her|their|our|the|mi|su|ma|sa|mon|son|mein|meine|sein|seine|il[ \t]mio|a[ \t]minha|mijn)[ \t]{1,3})?)"
    rf"(?i:{_DOB_CUE_AFTER})(?![\w])(?=[ \t]{{0,3}}(?:[.,;:!?)\r\n]|$|(?i:and|und|et|y|e|en)(?![\w])))")


# - since session 14's tuning: a Brazilian CPF ("123.456.789-09", 11 digits, two mod-11 check digits) in its printed
#   layout wherever its check digits hold, after "CPF" in any layout.
CPF = re.compile(r"(?<![\w.,/-])(\d{3})([ \t.]?)(\d{3})\2(\d{3})[ \t]?[-./]?[ \t]?(\d{2})(?![\w-]|[.,/]\d)")
_CPF_CUE = re.compile(r"(?i:\bcpf\b[^\d\n]{0,20})$")


def cpf_ok(digits: str) -> bool:
    """The Brazilian CPF's two check digits (mod 11 over weights 10..2, then 11..2); eleven equal digits are not one."""
    if len(digits) != 11 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    for n in (9, 10):
        total = sum(int(d) * w for d, w in zip(digits[:n], range(n + 1, 1, -1), strict=True))
        if (total * 10 % 11) % 10 != int(digits[n]):
            return False
    return True


def nir_ok(number: str, key: str) -> bool:
    """The French NIR's key: 97 − (the 13-digit number mod 97), Corsica's departments 2A and 2B read as 19 and 18."""
    digits = number.upper().replace("2A", "19", 1) if number[5:7].upper() == "2A" else number
    digits = digits.upper().replace("2B", "18", 1) if number[5:7].upper() == "2B" else digits
    return digits.isdigit() and len(digits) == 13 and 97 - int(digits) % 97 == int(key)


def steuer_id_ok(digits: str) -> bool:
    """The German tax ID: 11 digits, not starting with 0; in the first ten one digit appears twice or three times
    and every other at most once; the last is the ISO 7064 MOD 11,10 check digit of the first ten."""
    if len(digits) != 11 or not digits.isdigit() or digits[0] == "0":
        return False
    counts = sorted((digits[:10].count(d) for d in set(digits[:10])), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
        return False
    product = 10
    for d in digits[:10]:
        total = (int(d) + product) % 10 or 10
        product = total * 2 % 11
    return (11 - product) % 10 == int(digits[10])


def _cued14(kind: str, text: str, start: int) -> bool:
    return _ID_CUE_14[kind].search(text, max(0, start - 60), start) is not None


def find_more_national_ids(text: str, low: str) -> Iterator[Found]:
    cue_words = any(w in low for w in _ID_WORDS_14)
    for m in NIR.finditer(text):
        number = "".join(m.group(i) for i in range(1, 7))
        checked = m.group(7) is not None and nir_ok(number, m.group(7))
        cued = cue_words and _cued14("NIR", text, m.start())
        if cued or (checked and m.group(1) in "12" and not _code_named_before(text, m.start())):
            yield "NATIONAL_ID", m.start(), m.end(), 0.9 if checked or cued else 0.8
    for m in STEUER_ID.finditer(text):
        ok = steuer_id_ok(re.sub(r"\D", "", m.group()))
        if (cue_words and _cued14("STEUER", text, m.start())) or (
                ok and m.group(2) and not _code_named_before(text, m.start())):
            yield "NATIONAL_ID", m.start(), m.end(), 0.9
    for m in CPF.finditer(text) if ("." in text or "cpf" in low) else ():
        cued = "cpf" in low and _CPF_CUE.search(text, max(0, m.start() - 30), m.start()) is not None
        printed = m.group(2) == "." and text[m.end(4)] in "-./"
        if cued or (printed and cpf_ok("".join(m.group(i) for i in (1, 3, 4, 5)))):
            yield "NATIONAL_ID", m.start(), m.end(), 0.9
    if cue_words and ("nif" in low or "contribuinte" in low or "fiscal" in low):
        for m in NIF_PT.finditer(text):
            if _cued14("NIF_PT", text, m.start()):
                yield "NATIONAL_ID", m.start(), m.end(), 0.9


def find_spoken_accounts(text: str, low: str) -> Iterator[Found]:
    if not any(w in low for w in _BANK_WORDS):
        return
    for m in SPOKEN_ACCOUNT.finditer(text):
        yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.9


def find_dobs_before_cue(text: str, low: str) -> Iterator[Found]:
    if not any(w in low for w in _DOB_WORDS):
        return
    for m in DOB_BEFORE_CUE.finditer(text):
        yield "DOB", m.start(1), m.end(1), 0.9


def find_personal_numbers(text: str) -> Iterator[Found]:
    """Bank accounts, national IDs and dates of birth (all need a digit, or a date or year in words after a cue)."""
    low = text.lower()
    if _TWO_DIGITS.search(text):  # every account and ID holds two digits in a row at least (cheap to look for)
        yield from find_bank_accounts(text)
        yield from find_national_ids(text)
        yield from find_more_national_ids(text, low)
    if _DIGIT.search(text):
        yield from find_spoken_accounts(text, low)
    yield from find_dobs(text)
    yield from find_dobs_before_cue(text, low)


# ---- since session 13: names in social posts and headlines -------------------------------------------------------
_TOKEN = re.compile(r"\S+")
_TAGGED = re.compile(r"[@#]")


def without_tags(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a PERSON span that are not an @handle or a #hashtag ("@Apple Neil" → "Neil", "#Winnipeg" → none):
    a handle or hashtag is an account or a topic, never the name a message gives. A part of one word that is left is
    kept only when it is a known first name (the model read it together with the tag)."""
    parts: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, start, end):
        tagged = m.group()[0] in "@#" or (m.start() > 0 and text[m.start() - 1] in "@#")
        if tagged:
            if run:
                parts.append((run[0][0], run[-1][1]))
            run = []
        else:
            run.append((m.start(), m.end()))
    if run:
        parts.append((run[0][0], run[-1][1]))
    if [(start, end)] == parts:  # no tag inside: one word next to a handle ("Hoping @Firefox", "@Apple Yeh") is a
        beside = (_HANDLE_BEFORE.search(text, max(0, start - 40), start) is not None  # name only when a known one
                  or _HANDLE_AFTER.match(text, end) is not None)
        return parts if " " in text[start:end].strip() or not beside or _known(text[start:end]) else []
    return [(s, e) for s, e in parts if text[s:e].split()[0].lower() not in NOT_NAMES and (
        " " in text[s:e].strip() or _known(text[s:e]))]


_HANDLE_BEFORE = re.compile(r"@\w{1,30}[ \t]{1,2}$")
_HANDLE_AFTER = re.compile(r"[ \t]{1,2}@\w")


def _known(word: str) -> bool:
    return word.strip(".,;:!?'’").lower() in FIRST_NAMES


_SEGMENT = re.compile(r"[^\n.!?|\[\]()\"“”]+")
_HEADLINE_SMALL = frozenset("""of to the in for and a an on with at by from as is vs via or but into over after
about its it's off up out""".split())
_JOINERS_SMALL = frozenset(("and", "or", "&"))
_FIRST_PERSON = frozenset("""i i'm im i've i'd i'll my me we we're our us hi hello hey dear thanks thank""".split())
_WORDISH = re.compile(r"(?<![@#\w/.])[^\W\d_][\w'’-]*")


_SEGMENT_END = re.compile(r"[\n.!?|\[\]()\"“”]")


@functools.lru_cache(maxsize=8)
def _segment_ends(text: str) -> list[int]:
    """Where the headline segments of a text end (the positions of their separators), found once per text."""
    return [m.start() for m in _SEGMENT_END.finditer(text)]


def headline(text: str, start: int, end: int) -> bool:
    """Whether the span stands in a headline written in title case ("Tim Cook Shows Off Apple Watch to…"): six words
    or more, every word but the small ones capitalised."""
    ends = _segment_ends(text)
    before = bisect.bisect_left(ends, start)  # separators before the span: the last one opens its segment
    seg_end, titled = _headline_segment(text, ends[before - 1] + 1 if before else 0)
    return titled and seg_end >= end


@functools.lru_cache(maxsize=256)
def _headline_segment(text: str, seg_start: int) -> tuple[int, bool]:
    """Where the segment opening at seg_start ends and whether it is a headline, judged once per text and segment (a
    long message with many name-like spans judged the same segment again for each: quadratic on hostile text,
    session 20)."""
    seg = _SEGMENT.match(text, seg_start)
    if seg is None:
        return -1, False
    return seg.end(), _headline_words(seg.group())


def _headline_words(segment: str) -> bool:
    words = [w for w in _WORDISH.findall(segment) if not w.lower().startswith("http") and w not in ("amp", "quot")]
    if len(words) < 8:
        return False
    low = [w.lower() for w in words]
    return (all(w[0].isupper() or w.lower() in _HEADLINE_SMALL or any(c.isupper() for c in w[1:]) for w in words)
            and any(w in _HEADLINE_SMALL and w not in _JOINERS_SMALL for w in low)  # not a list of names
            and not any(w in _FIRST_PERSON for w in low))  # not a customer writing in title case


def headline_name(text: str, start: int, end: int) -> bool:
    """Whether a PERSON span in a headline holds a known first name; without one it is dropped (a headline
    capitalises every word, so the model reads names into it: "Sketchy Rumor Claims…", "Apple Flash Crash")."""
    return any(w.lower() in FIRST_NAMES for w in re.findall(r"[^\W\d_][\w'’-]*", text[start:end]))


# ---- since session 15's first round (blind17/17b/17c): spelled values, encoded e-mails, IDs, chat logs ---------------
# - a run of three NATO spelling words or more, spoken digits between them allowed ("Lima Echo Whiskey India Sierra",
#   "Lima Sierra two, seven Delta Golf"): a caller spelling a surname or a postcode — masked whole;
# - an e-mail written URL-encoded inside a link ("…?email=ana.ruiz%40gmail.com&token=…"): the address, not the URL;
# - a UK driving licence number (5 surname letters padded with 9, a birth date coded in 6 digits, initials, a digit,
#   2 letters: month 01-12 or 51-62, day 01-31), a Polish PESEL and a Turkish T.C. kimlik number (11 digits, their
#   check digits) after their names;
# - the second half of a card written in two halves after the first ("second half is 2259 7768");
# - an IBAN read aloud after "IBAN" ("I E nine two, A I B K, nine six five nine, …");
# - the speaker of a chat log's line ("[2026-12-03 09:41] Patience A: helo"), a staff/bot label excepted;
# - a quoted "Surname, First" sender of an e-mail header ('From: "Okafor, Chidi" <c.okafor@…>');
# - a Spanish "don"/"doña" before a capitalised name ("mi padre, don Evaristo Gil").
_NATO = ("alfa|alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett|juliet|kilo|lima|mike|november|oscar|"
         "papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|x-ray|xray|yankee|zulu")
NATO_WORDS = frozenset(_NATO.split("|"))  # also read by pii_presidio and pii_reference_letters
_NATO_OR_DIGIT = rf"(?:(?i:{_NATO})|(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine)|\d)(?![\w'’-])"
NATO_RUN = re.compile(rf"(?<![\w'’-]){_NATO_OR_DIGIT}(?:(?:,[ \t]{{0,2}}|[ \t]{{1,2}}|[ \t]?-[ \t]?){_NATO_OR_DIGIT}){{2,24}}")
_NATO_HINTS = ("alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
               "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform",
               "victor", "whisk", "ray", "yankee", "zulu")
URL_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}+%40[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,8}+")
UK_LICENCE = re.compile(r"(?<![\w-])[A-Z9]{5}\d([0156]\d)([0-3]\d)\d[A-Z9]{2}\d[A-Z]{2}(?![\w-])")
ELEVEN_DIGITS = re.compile(r"(?<![\w.,-])\d{11}(?![\w-]|[.,]\d)")
_ELEVEN_CUE = re.compile(r"(?i:\bpesel\b|kimlik|\bt\.?c\.?[ \t]?(?:no|numaras)|\btckn\b)[^\d\n]{0,25}$")
_CARD_HALF = re.compile(r"(?i:\b(?:second|other|last|remaining|next)[ \t]half\b[^\d\n]{0,12}?)(\d{4}[ \t-]?\d{4})(?![\w-])")
_SPOKEN_LETTER_OR_DIGIT = rf"(?:[A-Z](?![\w'’])|{_SPOKEN_DIGIT})"
SPOKEN_IBAN = re.compile(rf"(?i:\biban\b)[^\n\d]{{0,25}}?(?<![\w'’])([A-Z][ \t]?[A-Z](?:(?:,[ \t]{{0,2}}|[ \t]{{1,2}})"
                         rf"{_SPOKEN_LETTER_OR_DIGIT}){{10,40}})")
_CHAT_SPEAKER = re.compile(r"(?m:^[ \t]{0,4}\[[^\]\n]{1,30}\][ \t]{1,2}"
                           r"([A-ZÀ-Þ][^\W\d_]{1,30}(?:[ \t](?:[A-ZÀ-Þ][^\W\d_]{1,30}|[A-Z]\.?)){0,2})[ \t]?:)")
_STAFF_LABELS = frozenset("""bot agent system support assistant operator admin advisor adviser rep staff team helpdesk
automated auto chatbot virtual me you customer caller client user guest visitor moderator""".split())
_QUOTED_SENDER = re.compile(r"(?im:^[ \t]{0,4}(?:from|de|von|van|da)[ \t]?:[ \t]{0,3}\"([A-ZÀ-Þ][^\W\d_'’-]{1,30}"
                            r"(?:['’-][^\W\d_]{1,30})?,[ \t][A-ZÀ-Þ][^\W\d_]{1,30}(?:[ \t][A-ZÀ-Þ][^\W\d_]{1,30})?)\"[ \t]{0,3}<)")
_DON_NAME = re.compile(r"(?<![\w'’])(?:don|doña|dña|dona)[ \t]([A-ZÀ-Þ][^\W\d_]{1,30}(?:[ \t][A-ZÀ-Þ][^\W\d_]{1,30}){0,2})"
                       r"(?![\w'’-])")


def pesel_ok(digits: str) -> bool:
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return (10 - sum(int(d) * w for d, w in zip(digits[:10], weights, strict=True)) % 10) % 10 == int(digits[10])


def tc_kimlik_ok(digits: str) -> bool:
    d = [int(c) for c in digits]
    return d[0] != 0 and (sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10 == d[9] and sum(d[:10]) % 10 == d[10]


def find_session15(text: str, low: str) -> Iterator[Found]:
    """The rules of session 15's first round (see above); each runs only where a cheap substring allows it."""
    if any(w in low for w in _NATO_HINTS):
        for m in NATO_RUN.finditer(text):
            words = re.findall(r"[^\W\d_][\w-]*", m.group())
            if sum(w.lower() in NATO_WORDS for w in words) >= 3:
                yield "PERSON", m.start(), m.end(), 0.85
    if "%40" in text:
        yield from (("EMAIL", m.start(), m.end(), 0.95) for m in URL_EMAIL.finditer(text))
    if _DIGIT.search(text):
        for m in UK_LICENCE.finditer(text):
            month, day = int(m.group(1)), int(m.group(2))
            if (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31:
                yield "NATIONAL_ID", m.start(), m.end(), 0.9
        if "pesel" in low or "kimlik" in low or "t.c" in low or "tckn" in low:
            for m in ELEVEN_DIGITS.finditer(text):
                if _ELEVEN_CUE.search(text, max(0, m.start() - 40), m.start()) and (
                        pesel_ok(m.group()) or tc_kimlik_ok(m.group())):
                    yield "NATIONAL_ID", m.start(), m.end(), 0.9
        if "half" in low and "card" in low:
            yield from (("CARD", m.start(1), m.end(1), 0.85) for m in _CARD_HALF.finditer(text))
    if "iban" in low:
        yield from (("IBAN", m.start(1), m.end(1), 0.9) for m in SPOKEN_IBAN.finditer(text))
    if "]" in text:
        for m in _CHAT_SPEAKER.finditer(text):
            words = m.group(1).split()
            if words[0].lower() not in _STAFF_LABELS and not any(
                    len(w) > 1 and w.lower() in NOT_ADDRESSEES for w in words):
                yield "PERSON", m.start(1), m.end(1), 0.85
    if '"' in text and ("from" in low or "de" in low or "von" in low or "van" in low or "da" in low):
        yield from (("PERSON", m.start(1), m.end(1), 0.9) for m in _QUOTED_SENDER.finditer(text))
    if "don" in low or "doña" in low or "dña" in low:
        for m in _DON_NAME.finditer(text):
            if m.group(1).split()[0].lower() not in NOT_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.85


# - since session 15's first round, names: "Hi its Priti" (a greeting, "it's"/"this is", one capitalised word that is
#   no common word or place); a staff signature line "Oskar | Claims Team"; a first name at your branch or team
#   ("Rose at your Rose Street branch was…"); an address after "address" whose street has no street word ("my old
#   address 5 The Paddocks, Great Bentley")
_GREETING_ITS = re.compile(r"(?i:^[ \t]*(?:hi|hello|hey|hiya|heya|morning|evening)[ \t,!.-]{1,3}(?:it['’]?s|its|this[ \t]is)"
                           r"[ \t]{1,2})([A-ZÀ-Þ][a-zà-ÿ'’-]{1,30})(?=[ \t,.!]|$)")
_PIPE_SIGNATURE = re.compile(r"(?m:^[ \t]{0,4}([A-ZÀ-Þ][a-zà-ÿ'’-]{1,30}(?:[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]{1,30})?)[ \t]{0,2}\|[ \t]{0,2}"
                             r"[A-Z][\w&]{1,30}(?:[ \t][\w&]{1,30}){0,4}[ \t]*\r?$)")
_NAME_AT_BRANCH = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ'’-]{1,20})[ \t](?:at|in|from)[ \t](?:your|ur|the)[ \t]"
                             r"(?:[A-Z][\w'’-]{1,20}[ \t]){0,3}(?i:branch|store|shop|office|team|desk|counter|depot)\b")
_ADDRESS_CUE_STREET = re.compile(
    r"(?i:\baddress)(?:[ \t](?:is|was|to|now))?[ \t:]{1,3}(\d{1,5}[A-Za-z]?[ \t](?:The[ \t])?[A-ZÀ-Þ][\w'’-]{1,30}"
    r"(?:[ \t][A-ZÀ-Þ][\w'’-]{1,30}){0,2}(?:,[ \t]{1,2}[A-ZÀ-Þ][\w'’-]{1,30}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,30}){0,2})?)")


def _fine_word(word: str) -> bool:
    w = word.lower()
    return w not in NOT_NAMES and w not in NOT_ADDRESSEES and w not in PLACE_WORDS and w not in _COMMON_WORDS


def find_session15_names(text: str, low: str) -> Iterator[Found]:
    for m in _GREETING_ITS.finditer(text) if ("it" in low or "this" in low) else ():
        if _fine_word(m.group(1)):
            yield "PERSON", m.start(1), m.end(1), 0.85
    for m in _PIPE_SIGNATURE.finditer(text) if "|" in text else ():
        if all(_fine_word(w) for w in m.group(1).split()):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if " at " in low or " in " in low or " from " in low:
        for m in _NAME_AT_BRANCH.finditer(text):
            word = m.group(1).lower()
            if word in FIRST_NAMES or word in WORD_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.75
    if "address" in low and _DIGIT.search(text):
        for m in _ADDRESS_CUE_STREET.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.8


# ---- since session 15, round 2 (blind18) ----------------------------------------------------------------------------
# Written after scoring blind18/18b/18c once. Each rule is gated on a cheap substring check.
# - BANK_ACCOUNT: the account number asked as a question and answered on the next line of a dialogue ("And the account
#   number?\nCustomer: 41190283"), a speaker's label and a yes may open the answer (as _ANSWER does for national IDs).
# - PERSON: a name spelled out in single letters with spaces ("b r o o k e", "M W A N G I") — when the letters make a
#   word written elsewhere in the message, or follow a spelling cue ("that's", "spelt", "as in"); the written word is
#   masked too, with the word after it when that is a lower-case surname after "name is"/"it's"/"i'm".
# - ADDRESS: a first line read out with a compound house number ("forty two leeds road"), with the flat, town and a
#   spoken postcode after it in any case ("flat b huddersfield h d one four e t"); a spoken postcode in lower case
#   after "postcode is" ("l s six two b z").
# - PERSON: a sign-off after a dash with the writer's team ("- Marguerite, Tech Support" ending the message).
_ACCOUNT_ANSWER = re.compile(
    r"(?i:\b(?:account|acc|acct|a/c)(?:[ \t]?(?:number|num|no\.?|nr\.?|#))?)[ \t]?\?[ \t]{0,3}\r?\n[ \t]{0,3}"
    r"(?:[^\W\d_]{1,20}[ \t]?:[ \t]{0,3})?(?:(?i:yes|yeah|yep|sure|it['’]?s)[ \t,.]{1,3})?(\d{8})(?![\w-]|[.,]\d)")
_SPACED_LETTERS = re.compile(r"(?<![\w'’.-])([A-Za-z](?:[ \t][A-Za-z]){3,24})(?![\w'’-])")
_SPACED_CUE = re.compile(r"(?i:\b(?:that['’]?s|thats|spelt|spelled|spelling|spell\w{0,3}|as in|then)[ \t,:]{1,3}$)")
_NAME_IS_BEFORE = re.compile(r"(?i:\b(?:name(?:['’]s|[ \t]is)|it['’]?s|i['’]?m|this is)[ \t]{1,2}$)")
_LOWER_WORD_AFTER = re.compile(r"[ \t]([a-z][a-z'’-]{2,25})(?![\w'’-])")
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_SPOKEN_FIRST_LINE = re.compile(
    rf"(?<![\w'’-])(?i:(?:{_TENS})[ -](?:{_UNITS})(?:[ \t](?:a|b|c))?[ \t]"
    r"(?:[a-z]{3,20}[ \t]){1,2}(?:street|road|avenue|lane|drive|close|crescent|grove|terrace|place|way|gardens|row))\b"
    r"(?:,?[ \t](?i:flat|apartment|apt|unit)[ \t][a-z0-9]{1,4}(?![\w'’-]))?"
    rf"(?:,?[ \t](?i:[a-z]{{3,25}}),?[ \t](?i:{_SPOKEN_POSTCODE})(?![\w'’-]))?")
_LOWER_SPOKEN_POSTCODE = re.compile(
    rf"(?i:\bpost[ \t]?code)(?:[ \t](?i:is|it['’]?s|its))?[ \t]?:?[ \t]{{1,3}}((?i:{_SPOKEN_POSTCODE}))(?![\w'’-])")
_TEAM_SIGN_OFF = re.compile(
    r"(?:^|(?<=\s))[-–—][ \t]?([A-ZÀ-Þ][a-zà-ÿ'’]{1,20}(?:[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]{1,30})?),[ \t]{1,2}"
    r"(?:[A-Z][\w&]{0,20}[ \t]){0,3}(?:Support|Team|Care|Services?|Desk|Helpdesk|Billing|Sales|Accounts|Returns|"
    r"Operations|Department|Dept)[ \t]*[.!]?[ \t]*\Z")


def find_session18(text: str) -> Iterator[Found]:
    low = text.lower()
    if "?" in text and ("acc" in low or "a/c" in low):
        for m in _ACCOUNT_ANSWER.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.9
    if " " in text:
        for m in _SPACED_LETTERS.finditer(text):
            word = m.group(1).replace(" ", "").replace("\t", "").lower()
            written = [w for w in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", low)
                       if not m.start() <= w.start() < m.end()]
            if not written and not _SPACED_CUE.search(text, max(0, m.start() - 12), m.start()):
                continue
            yield "PERSON", m.start(1), m.end(1), 0.8
            for w in written:
                end = w.end()
                surname = _LOWER_WORD_AFTER.match(text, end)
                if (surname and _NAME_IS_BEFORE.search(text, max(0, w.start() - 12), w.start())
                        and surname.group(1) not in NOT_NAMES and surname.group(1) not in _NOT_STREET_WORDS):
                    end = surname.end(1)
                yield "PERSON", w.start(), end, 0.8
    if any(t in low for t in ("road", "street", "lane", "avenue", "drive", "close", "crescent", "grove", "terrace",
                              "place", "way", "gardens", "row")):
        for m in _SPOKEN_FIRST_LINE.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.75
    if "post" in low:
        for m in _LOWER_SPOKEN_POSTCODE.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.8
    if "-" in text or "–" in text or "—" in text:
        for m in _TEAM_SIGN_OFF.finditer(text):
            if m.group(1).lower() not in PLACE_WORDS and m.group(1).lower() not in NOT_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.8


# - PERSON: the answer to a question about a name on the next line of a chat log or transcript ("Can I confirm the
#   name on the order?\n[14:04] Visitor: Hope Adeyemi."), a capitalised name of one to three words closed by
#   punctuation or the line's end (the speaker's label may carry a time stamp before it and a name in brackets).
# - NATIONAL_ID: a number of 6 to 10 digits after "my ID", "national ID", "ID card", "identity card" (not "order ID").
# - DOB: a date after "bday"/"birthday is" ("bday is 22 june 1990").
# - ADDRESS: an Eircode after "eircode" or at the end of an Irish address line ("…, Co. Clare, H91 E2W7"), with the
#   places before it on that line; an Australian address (number, street, suburb, state, postcode: "14 Wattle Cres,
#   Kambah ACT 2902"); an Indian one (a flat or house number, then comma-separated parts ending in a six-digit PIN).
_NAME_ANSWER = re.compile(
    rf"(?i:\bname\b)[^\n?]{{0,60}}\?[ \t]*\r?\n[ \t]*(?:\[[^\]\n]{{1,12}}\][ \t]*)?[^\W\d_]{{1,20}}"
    rf"(?:[ \t]\([^)\n]{{1,30}}\))?[ \t]?:[ \t]{{0,3}}({_CAP_NAME}(?:[ \t]{_CAP_NAME}){{1,2}})(?=[ \t]*(?:[.,!\r\n]|\Z))")
_MY_ID = re.compile(r"(?i:\b(?:my[ \t](?:national[ \t])?id|national[ \t]id|id[ \t]card|identity[ \t]card)"
                    r"(?:[ \t](?:number|num|no\.?|#))?(?:[ \t](?:is|was))?[ \t]?:?[ \t]{1,2})(\d{6,10})(?![\w-]|[.,]\d)")
_MONTHS18 = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|"
           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_BDAY = re.compile(rf"(?i:\b(?:bday|b-day|birthday)[ \t](?:is|was|:)[ \t]{{1,2}}((?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]"
                   rf"(?:{_MONTHS18})\b\.?(?:,?[ \t]\d{{4}})?|(?:{_MONTHS18})\b\.?[ \t]\d{{1,2}}(?:st|nd|rd|th)?"
                   rf"(?:,?[ \t]\d{{4}})?|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}}))))(?![\w/.-])")
_EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t]?[AC-FHKNPRTV-Y\d]{4}"
_EIRCODE_CUED = re.compile(rf"(?i:\beircode)[ \t]?(?:is|:)?[ \t]{{1,2}}({_EIRCODE})(?![\w-])")
_IRISH_LINE = re.compile(rf"(?<![\w-])((?:[A-ZÁÉÍÓÚ][\w'’.-]{{1,30}}(?:[ \t][A-ZÁÉÍÓÚ][\w'’.-]{{1,30}}){{0,2}},[ \t]){{0,3}}"
                         rf"(?:Co\.?|County)[ \t][A-Z][a-z]{{2,15}},?[ \t]({_EIRCODE}))(?![\w-])")
_AU_STATES = r"ACT|NSW|VIC|QLD|SA|WA|TAS|NT"
_AU_ADDRESS = re.compile(
    rf"(?<![\w-])(?:(?:Unit|Flat|Apt)[ \t]\w{{1,5}},?[ \t]|\d{{1,4}}/)?\d{{1,5}}[A-Za-z]?[ \t](?:[A-Z][a-z'’-]{{1,20}}[ \t]){{1,3}}"
    rf"[A-Z][a-z]{{1,12}}\.?,?[ \t](?:[A-Z][a-z'’-]{{1,20}}[ \t]){{1,3}}(?:{_AU_STATES}),?[ \t]\d{{4}}(?![\w-])")
_IN_ADDRESS = re.compile(
    r"(?<![\w-])(?i:flat|house|h\.?[ \t]?no\.?|door[ \t]no\.?|plot|no\.)[ \t]?[\w/-]{1,8},[ \t](?:[^,\n]{2,40},[ \t]){1,5}"
    r"[A-Z][a-z]{2,20}(?:[ \t]?-[ \t]?|[ \t])\d{6}(?![\w-])")


def find_session18_more(text: str) -> Iterator[Found]:
    low = text.lower()
    if "name" in low and "?" in text:
        for m in _NAME_ANSWER.finditer(text):
            if not any(w.lower() in NOT_NAMES for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if "id" in low and _DIGIT.search(text):
        for m in _MY_ID.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.9
    if "day" in low:
        for m in _BDAY.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.8
    if "eircode" in low:
        for m in _EIRCODE_CUED.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.8
    if "Co" in text or "County" in text:
        for m in _IRISH_LINE.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.75
    if any(s in text for s in ("ACT", "NSW", "VIC", "QLD", "SA ", "WA ", "TAS", "NT ")):
        for m in _AU_ADDRESS.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.75
    if _SIX_DIGITS.search(text):
        for m in _IN_ADDRESS.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.75


_SIX_DIGITS = re.compile(r"(?<!\d)\d{6}(?!\d)")


# ---- since session 15's third round (blind19) ---------------------------------------------------------------------
# - PERSON: a surname with an Arabic particle joined by a hyphen ("Fatima al-Rashid", "Hamza el-Amin"): the lower-case
#   particle ended the name before; the capitalised word before it is taken too unless it is a common word.
# - ADDRESS: a Singapore address with its "#05-12" unit and six-digit postcode ("88 Tanjong Pagar Road, #05-12,
#   Singapore 088509").
# - DOB: a date after a date-of-birth cue and "it's" / "is", a dash or colon between ("date of birth — it's 14th July
#   1979").
# - PHONE: a seven-digit local number ("555-0142") after a phone cue, or closing a signature after the writer's name
#   ("Tyrone Jackson, 555-0142" at the message's end).
# - NATIONAL_ID: a code with six digits at least after a national ID's name (CURP, RG, CNP, rodné číslo,
#   henkilötunnus, CPR, fødselsnummer, AHV, DNI, cédula…) and at most three words ("mi cédula es 1.020.456.789").
# - DOB: a date written "22. 6. 1990" after a birth cue.
# - PERSON: a name restated in full after the first name ("it's joy, joy okafor", "my name's rich, richard hill"),
#   lower case as typed or transcribed, one of the two a known first name ("it's fine, finally working" is no one);
#   a form's or a receipt's name field ("last_name: Brooks", "Payer: Walker, Jade",
#   "Sender: GUPTA RAVI K"), the value filling the rest of its line.
_PARTICLE_NAME = re.compile(r"(?<![\w'’-])(?:([A-ZÀ-Þ][^\W\d_]{1,30})[ \t])?((?:al|el|ul|ad|ar|as|ash|at|az)-[A-ZÀ-Þ][^\W\d_]{1,30})"
                            r"(?![\w'’-])")
_SG_ADDRESS = re.compile(r"(?<![\w-])\d{1,5}[A-Za-z]?[ \t][A-Z][\w'’.-]{1,25}(?:[ \t][A-Z][\w'’.-]{1,25}){0,4},?[ \t]"
                         r"#\d{1,3}-\d{1,5}[A-Za-z]?(?:,[ \t][A-Z][\w'’.-]{1,25}(?:[ \t][A-Z][\w'’.-]{1,25}){0,3})?,?[ \t]"
                         r"(?:Singapore[ \t])?\d{6}(?![\w-])")
_DOB_ITS = re.compile(rf"(?i:(?<![\w])(?:date[ \t]of[ \t]birth|d\.?o\.?b\.?|birth[ \t]?date|birthday)(?![\w])"
                      rf"[ \t]{{0,3}}(?:[—–:,-][ \t]{{0,3}})?(?:it['’]s|it[ \t]is|that['’]s|is)[ \t]{{1,3}}(?:the[ \t]{{1,3}})?)"
                      rf"(?i:({_DATE}))")
_ID_NAMES19 = (r"curp|\brfc\b|\brg\b|henkilötunnu\w{0,6}|personnummer|f[øo]dselsnummer|\bcpr(?:-nummer)?\b|"
               r"rodn[ée][ \t]č[ií]slo|rodne[ \t]cislo|\bcnp(?:-ul)?\b|\bdni\b|c[ée]dula|\bahv(?:-nummer)?\b|\bavs\b|"
               r"sozialversicherungsnummer|svnr|\bcuil\b|\bcuit\b|\brut\b|\bnie\b|\bnif\b|\bbsn\b|"
               r"burgerservicenummer|identity[ \t]number|id[ \t]number|national[ \t]id(?:entity)?(?:[ \t]number)?")
_CUED_ID = re.compile(rf"(?i:(?:{_ID_NAMES19})(?:[ \t]{{1,2}}[^\W\d_]{{1,12}}){{0,3}}[ \t]{{0,2}}:?[ \t]{{1,3}})"
                      r"([A-Za-z0-9](?:[A-Za-z0-9]|[./-][A-Za-z0-9]|[ \t](?=\d)){5,22})(?![\w-]|[./]\w)")
# _CUED_ID's gate (session 17): each name in _ID_NAMES19 holds one of these ASCII words ("nummer": personnummer,
# fødselsnummer, sozialversicherungsnummer, burgerservicenummer; "number": identity/id number; "tunnu": henkilötunnus;
# "rodn": rodné číslo; "dula": cédula), so a text whose lower-cased form holds none has no match. Exact: under
# IGNORECASE an ASCII letter of the pattern matches only characters that str.lower() turns into that letter, but for
# "İ" and "ı" (i) and "ſ" (s) (every code point checked: tests/adapters/local/test_pii_gates_session17.py), and a text
# holding one of those three is searched as before.
_CUED_ID_WORDS = ("nummer", "number", "national", "curp", "rfc", "rg", "tunnu", "cpr", "rodn", "cnp", "dni", "dula",
                  "ahv", "avs", "svnr", "cuil", "cuit", "rut", "nie", "nif", "bsn")
_CASE_TWINS = ("İ", "ı", "ſ")  # the non-ASCII characters IGNORECASE matches to an ASCII letter that lower() keeps apart


def cued_id_possible(text: str, low: str) -> bool:
    """False only where _CUED_ID finds nothing in text (`low`: text.lower()): none of its names' words is there."""
    return any(w in low for w in _CUED_ID_WORDS) or any(c in text for c in _CASE_TWINS)


_SPACED_DOB = re.compile(r"(?i:\b(?:date[ \t]of[ \t]birth|d\.?o\.?b\.?|born(?:[ \t]on)?|birthday|narozen[áý]?|geboren(?:[ \t]am)?|"
                         r"geb\.|datum[ \t]narozen[íi])[ \t]{0,2}:?[ \t]{1,3})(\d{1,2}\.[ \t]\d{1,2}\.[ \t]?\d{4})(?![\w.]\w)")
_RESTATED = re.compile(r"(?i:\b(?:it['’]s|it[ \t]is|my[ \t]name['’]s|my[ \t]name[ \t]is|name[ \t]is|i['’]m|i[ \t]am|this[ \t]is)"
                       r"[ \t]{1,2})([a-z][a-z'’]{1,20}),[ \t]{1,2}(?:i[ \t]mean[ \t]{1,2})?"
                       r"([a-z][a-z'’]{1,20}[ \t][a-z][a-z'’]{1,20}(?:-[a-z][a-z'’]{1,20})?)(?=[ \t]*(?:[,.;!?\r\n]|$))")
_FORM_NAME = re.compile(r"(?im:^[ \t]*(?:(?:first|last|given|family|middle|sur|full|customer|card[ \t_-]?holder|"
                        r"account[ \t_-]holder)[ \t_-]?name|surname|payer|sender|cardholder)[ \t]*[:=][ \t]*)"
                        r"([A-ZÀ-Þ][\w'’-]{1,30}(?:,?[ \t][A-ZÀ-Þ][\w'’-]{0,30}){0,2})[ \t]*(?=\r?\n|\Z)")
_LOCAL_PHONE = re.compile(r"(?<![\w.,/+-])\d{3}-\d{4}(?![\w-]|[.,]\d)")
_LOCAL_PHONE_CUE = re.compile(r"(?i:\b(?:phone|tel|mobile|cell|call|ring|text|number|contact)\b[^\d\n]{0,20})$")
_SIGNED_BEFORE = re.compile(r"(?:^|[.!?\n][ \t]{0,3})[A-Z][a-z'’-]{1,30}(?:[ \t][A-Z][a-z'’-]{1,30}){1,2},[ \t]{1,2}$")
_END_AFTER = re.compile(r"[ \t.!]*$")


def find_session19(text: str) -> Iterator[Found]:
    if "l-" in text or "r-" in text or "d-" in text or "s-" in text or "h-" in text or "t-" in text or "z-" in text:
        for m in _PARTICLE_NAME.finditer(text):
            first = m.group(1)
            start = m.start(1) if first and first.lower() not in NOT_NAMES and first.lower() not in PLACE_WORDS \
                and first.lower() not in _NOT_STREET_WORDS else m.start(2)
            yield "PERSON", start, m.end(2), 0.8
    if "#" in text:
        for m in _SG_ADDRESS.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.8
    low = text.lower()
    if any(w in low for w in ("birth", "dob", "d.o.b")):
        for m in _DOB_ITS.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.9
    if any(w in low for w in ("birth", "dob", "d.o.b", "born", "narozen", "geb")):
        for m in _SPACED_DOB.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.9
    if _DIGIT.search(text) and cued_id_possible(text, low):  # its cues are words (session 17: one of them is there)
        for m in _CUED_ID.finditer(text):
            value = m.group(1)  # the layouts that session 13's cued rules find already are left to them
            if sum(c.isdigit() for c in value) >= 6 and not any(
                    p.fullmatch(value) for p in (DNI, BSN, CODICE_FISCALE, PPS, NINO)):
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "," in text:
        for m in _RESTATED.finditer(text):
            first, full = m.group(1).lower(), m.group(2).lower().split()
            if (full[0][:3] == first[:3] and not any(w in NOT_NAMES for w in full)
                    and (first in FIRST_NAMES or first in WORD_NAMES or full[0] in FIRST_NAMES)):
                yield "PERSON", m.start(1), m.end(1), 0.8
                yield "PERSON", m.start(2), m.end(2), 0.8
    if ":" in text or "=" in text:
        for m in _FORM_NAME.finditer(text):
            if not any(w.strip(",").lower() in NOT_NAMES or w.strip(",").lower() in COMPANY_SUFFIXES
                       for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.8
    for m in _LOCAL_PHONE.finditer(text) if "-" in text else ():
        if (_LOCAL_PHONE_CUE.search(text, max(0, m.start() - 30), m.start())
                or (_SIGNED_BEFORE.search(text, max(0, m.start() - 70), m.start())
                    and _END_AFTER.fullmatch(text, m.end()))):
            yield "PHONE", m.start(), m.end(), 0.8


# ---- session 16, fixer session20a (blind20: chat/e-mail from many countries; blind20c: es/fr/de/pt/it/nl forms) ------
# Written after scoring blind20/blind20c once. Each rule is gated on a cheap substring check.
# - PASSPORT (as NATIONAL_ID, the kind Comprehend gives it): a passport number (0-2 letters and 6-9 digits) after
#   "passport" in en/es/fr/de/it/pt/nl and a few words ("passport LN8820431", "new one is Z7734128").
# - CARD: a 4-4-4-4 number after a card's name that fails Luhn (a mistyped or made-up card is still the customer's
#   card); never after a gift, loyalty, SIM, transit or member card's name, never starting with 0, 1, 7, 8 or 9.
# - NATIONAL_ID: a South African ID (13 digits, YYMMDD first) after "ID"; a Nigerian BVN/NIN (11 digits) after its
#   name; a Belgian national number ("81.04.17-263.83", mod-97 key) in its printed layout or after its name; a German
#   social insurance number ("65 120378 W 512", a birth date in it); a Portuguese Cartão de Cidadão
#   ("13940725 3 ZX8"); a code after a health card's, an ID card's or a driving licence's name ("tarjeta sanitaria
#   BBBB 5572 0913 8840", "Versichertennummer K882014573", "carta d'identità n. CA 41872 BX").
# - BANK_ACCOUNT: 9-18 digits (one run or groups of 3-4) after "account (no)" where the message speaks of a bank
#   (bank, PIN, payout, settlement, transfer, NUBAN…) and the account is no customer's account at a shop or utility;
#   a Brazilian "Ag. 0001 c/c 8841207-3".
# - DOB: a date after a birth cue and "it should be"/"is" ("wrong date of birth. It should be 14 March 2007"); the
#   answer to a question asking for the date of birth after a name on the next line ("…date of birth?\nCustomer:
#   Marcus Whitfield, June 3rd 1979"); Portuguese, Italian and Dutch cues ("Nascimento: 03/11/1949", "nasceu a 12 de
#   setembro de 2017", "nato a Bari il 19/01/1969", "(geboren 12/08/1938)").
# - IP_ADDRESS: an IPv4 address after a sign-in's words ("a login from 185.220.101.47"): who signed in, not a router's
#   or a server's address (those stay kept, as the older sets label them).
_PASSPORT20 = re.compile(r"(?i:\b(?:passport|pasaporte|passeport|reisepass|passaporto|passaporte|paspoort)\b)"
                         r"([^\d\n.!?]{0,45}?)(?<![\w-])([A-Z]{0,2}\d{6,9})(?![\w-]|[.,]\d)")
_PASSPORT_NOT = re.compile(r"(?i:order|booking|reference|\bref\b|application|case|ticket|photo|fee|appointment|"
                           r"tracking|invoice|policy)")
_CARD_CUE20 = re.compile(r"(?i:\b(?:card|tarjeta|carte|karte|carta|cart[ãa]o|kaart)\b)[^\d\n]{0,25}?(?<![\w.-])"
                         r"([2-6]\d{3}([ -])\d{4}\2\d{4}\2\d{4})(?![\w-]|[.,]\d)")
_NOT_PAYMENT_CARD = re.compile(r"(?i:\b(?:gift|loyalty|reward|sim|oyster|transit|travel|metro|bus|member|library|student|"
                               r"club|id|identity|health|insurance|sanitaria|sus|navigo|chip|viva|store|shop|points?))"
                               r"[ \t-]{0,2}$")
_SA_ID = re.compile(r"(?i:\b(?:id|identity)(?:[ \t](?:number|no\.?|nr\.?))?\b)[^\d\n]{0,25}?(?<![\w.-])"
                    r"(\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{7})(?![\w-]|[.,]\d)")
_ID_OWNER_NOT = re.compile(r"(?i:\b(?:order|transaction|booking|reference|device|session|user|customer|member|"
                           r"account|tracking|ticket|case|client|application|student|employee|staff|product|meter|"
                           r"apple|merchant|payment|reservation|request)[ \t]$)")
_BVN = re.compile(r"(?i:\b(?:bvn|nin)\b)[^\d\n]{0,20}?(?<![\w.-])(\d{11})(?![\w-]|[.,]\d)")
_BE_NATIONAL = re.compile(r"(?<![\w.-])(\d{2})\.(\d{2})\.(\d{2})[-.](\d{3})\.(\d{2})(?![\w-]|[.,]\d)")
_BE_CUED = re.compile(r"(?i:\b(?:rijksregisternummer|rijksregister|insz|niss|num[ée]ro[ \t]national|registre[ \t]national|"
                      r"national[ \t]number)\b)[^\d\n]{0,20}?(?<![\w.-])(\d{2})[ .]?(\d{2})[ .]?(\d{2})[ .-]?(\d{3})"
                      r"[ .]?(\d{2})(?![\w-]|[.,]\d)")
_DE_SOCIAL = re.compile(r"(?<![\w-])\d{2}[ \t]?(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[ \t]?[A-Z][ \t]?\d{3}(?![\w-])")
_PT_CITIZEN = re.compile(r"(?<![\w-])\d{8}[ \t]?\d[ \t]?[A-Z]{2}\d(?![\w-])")
_CARD_ID_NAMES = (r"tarjeta[ \t]sanitaria|health[ \t](?:card|insurance[ \t](?:card|number))|tessera[ \t]sanitaria|"
                  r"versichertennummer|krankenversichertennummer|\bkvnr\b|carte[ \t]vitale|"
                  r"cart[ãa]o[ \t](?:sus|de[ \t]cidad[ãa]o|do[ \t]cidad[ãa]o)|carta[ \t]d['’]identit[àa]|"
                  r"carte[ \t]d['’]identit[ée]|identiteitskaart|personalausweis(?:nummer)?|"
                  r"documento[ \t]de[ \t]identidad|\bid[ \t]card|identity[ \t]card|medicare|\bnhs[ \t]number|"
                  r"driv(?:ing|er['’]?s?)\b[^\d.\n]{0,30}?\blicen[cs]e|permis[ \t]de[ \t]conduire|f[üu]hrerschein|"
                  r"carta[ \t]de[ \t]condu[çc][ãa]o|carn[eé]t?[ \t]de[ \t]conducir|rijbewijs")
_CARD_ID = re.compile(rf"(?i:(?:{_CARD_ID_NAMES})(?:[ \t](?:n[º°o]\.?|no\.?|nr\.?|number|numero|número|nummer|"
                      r"num[ée]ro|n\.))?(?:[ \t](?:is|es|est|ist|è|é|was))?[ \t]{0,2}:?[ \t]{1,3})"
                      r"([A-Z0-9]{1,16}(?:[ ./-][A-Z0-9]{1,16}){0,5})(?![\w-])")
_CARD_ID_WORDS = ("sanitari", "health", "versicherten", "kvnr", "vitale", "cartão", "cartao", "identit", "ausweis",
                  "identidad", "id card", "medicare", "nhs", "licen", "permis", "führerschein", "fuhrerschein",
                  "condu", "rijbewijs")
_LONG_ACCOUNT = re.compile(
    r"(?i:(?<![\w/])(?:account|acct|a/c)(?:[ \t]?(?:number|num|no\.?|nr\.?|#))?(?:[ \t]{0,2}(?:is|:|-))?[ \t]{1,3})"
    r"(\d{9,18}|\d{3,4}(?:[ \t-]\d{3,4}){2,4})(?![\w-]|[.,]\d)")
_BANK_CONTEXT = ("bank", " pin", "payout", "settlement", "transfer", "nuban", "salary", "deposit", "withdraw",
                 "savings", "ifsc", "routing", "sort code", "swift", "m-pesa", "mpesa", "atm")
_NOT_BANK_ACCOUNT = re.compile(r"(?i:\b(?:customer|client|billing|utility|electricity|gas|water|energy|broadband|"
                               r"mobile|phone|internet|tv|loyalty|member|store|shop|game|gaming|streaming)[ \t]$)")
_BR_AGENCY = re.compile(r"(?i:\b(?:ag\.|ag[êe]ncia)[ \t:]{0,3})(\d{3,5}(?:-\d)?[ \t,/]{1,4}(?:(?:c/c|c\.c\.|cc|"
                        r"conta(?:[ \t]corrente)?)[ \t:.]{0,3})?\d{3,12}-[\dxX])(?![\w-])")
_DOB_CUE20 = (r"date[ \t]of[ \t]birth|d\.?o\.?b\.?|birth[ \t]?date|birthday|fecha[ \t]de[ \t]nacimiento|"
              r"date[ \t]de[ \t]naissance|geburtsdatum|data[ \t]di[ \t]nascita|data[ \t]de[ \t]nascimento|geboortedatum")
_DOB_SHOULD = re.compile(rf"(?i:\b(?:{_DOB_CUE20})\b[^\d\n]{{0,30}}?\b(?:should[ \t](?:be|read|say)|must[ \t]be|"
                         rf"is[ \t]actually|is|was)[ \t]{{1,2}}(?:the[ \t])?)(?i:({_DATE}))")
_DOB_ANSWER = re.compile(rf"(?i:\b(?:{_DOB_CUE20})\b[^\n?]{{0,30}}\?[ \t]{{0,4}}\r?\n[ \t]{{0,4}}[^\W\d_]{{1,20}}[ \t]?:"
                         rf"[^\d\n]{{1,60}}?,[ \t]{{1,2}})(?i:({_DATE}))")
_DOB_ROMANCE = re.compile(rf"(?i:(?<![\w])(?:nascimento|nasceu(?:[ \t](?:a|em|no|na|dia))?|geboren|"
                          rf"nat[oa][ \t]a[ \t][^\W\d_][\w'’-]{{1,25}}(?:[ \t][^\W\d_][\w'’-]{{1,25}})?(?:[ \t]\(\w\w\))?"
                          rf"[ \t](?:il|el))[ \t]{{0,2}}:?[ \t]{{0,3}})(?i:({_DATE}))")
_LOGIN_IP = re.compile(r"(?i:\b(?:log[ \t-]?in|logins|logged[ \t]in|sign[ \t-]?in|signed[ \t]in|sign-ons?|access(?:ed)?|"
                       r"attempts?)\b[^\d\n]{0,20}?\bfrom[ \t](?:(?:the|an|ip|address|ip[ \t]address)[ \t]){0,2})"
                       r"((?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))(?![\w.]|\.\d)")


def _be_national_ok(groups: tuple[str, ...]) -> bool:
    base, key = "".join(groups[:4]), int(groups[4])
    return 97 - int(base) % 97 == key or 97 - int("2" + base) % 97 == key


def find_session20a(text: str) -> Iterator[Found]:
    """The rules of session 16's first fixer (see the block's comment)."""
    if not _DIGIT.search(text):
        return
    low = text.lower()
    for word in ("passport", "pasaporte", "passeport", "reisepass", "passaporto", "passaporte", "paspoort"):
        if word in low:
            for m in _PASSPORT20.finditer(text):
                if not _PASSPORT_NOT.search(m.group(1)):
                    yield "NATIONAL_ID", m.start(2), m.end(2), 0.85
            break
    if any(w in low for w in ("card", "tarjeta", "carte", "karte", "carta", "cartão", "cartao", "kaart")):
        for m in _CARD_CUE20.finditer(text):
            cue_start = m.start()
            if not _NOT_PAYMENT_CARD.search(text, max(0, cue_start - 25), cue_start):
                yield "CARD", m.start(1), m.end(1), 0.85
    if "id" in low:
        for m in _SA_ID.finditer(text):
            if not _ID_OWNER_NOT.search(text, max(0, m.start() - 20), m.start()):
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "bvn" in low or "nin" in low:
        for m in _BVN.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "-" in text:
        for m in _BE_NATIONAL.finditer(text):
            if _be_national_ok(m.groups()):
                yield "NATIONAL_ID", m.start(), m.end(), 0.85
    if any(w in low for w in ("rijksregister", "insz", "niss", "national")):
        for m in _BE_CUED.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(5), 0.85
    for m in _DE_SOCIAL.finditer(text):
        yield "NATIONAL_ID", m.start(), m.end(), 0.8
    for m in _PT_CITIZEN.finditer(text):
        yield "NATIONAL_ID", m.start(), m.end(), 0.8
    if any(w in low for w in _CARD_ID_WORDS):
        for m in _CARD_ID.finditer(text):
            value = m.group(1)
            if sum(c.isdigit() for c in value) >= 5 and not _NOT_PAYMENT_CARD.search(
                    text, max(0, m.start() - 25), m.start()):
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "acc" in low or "a/c" in low:
        if any(w in low for w in _BANK_CONTEXT):
            for m in _LONG_ACCOUNT.finditer(text):
                if not _NOT_BANK_ACCOUNT.search(text, max(0, m.start() - 20), m.start()):
                    yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "ag" in low:
        for m in _BR_AGENCY.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("birth", "dob", "d.o.b", "nacimiento", "naissance", "geburt", "nascita", "nascimento",
                              "geboorte")):
        for m in _DOB_SHOULD.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.85
        if "?" in text:
            for m in _DOB_ANSWER.finditer(text):
                yield "DOB", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("nascimento", "nasceu", "geboren", "nato a", "nata a")):
        for m in _DOB_ROMANCE.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.85
    if "from" in low and "." in text:
        for m in _LOGIN_IP.finditer(text):
            yield "IP_ADDRESS", m.start(1), m.end(1), 0.85


# session20a, addresses and names:
# - ADDRESS: a German street of two words with its number, postcode and town ("Lindenauer Markt 9, 04177 Leipzig",
#   "Bergisch Gladbacher Str. 1044, 51069 Köln"); a Dutch postcode and house number after their cue ("Postcode en
#   huisnummer: 9712 HV 18"); an Irish town and county alone on a line ("Tralee, Co. Kerry") and an Eircode alone on
#   a line; a Philippine address around "Brgy."/"Barangay" ("Blk 12 Lot 7, Camia St., Brgy. San Isidro, Parañaque
#   City").
# - PERSON: a form's name field in es/fr/de/it/pt/nl ("Segurado: Joaquim Amadeu Lourenço", "Alunno: …"); the holder of
#   an account after "intestato a", "a nome di", "au nom de", "ten name van" ("intestato a Benedetta Sant'Angelo");
#   a surname after a title that our other rules do not read ("Nurse Hollis", "Dott.ssa Lombardo", "Herr Dr.
#   Lindqvist", "juf Hilde", "Mrs. Van den Broeck").
_DE_TWO_WORD_STREET = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß]{2,25}[ \t]){1,2}(?:Markt|Platz|Straße|Strasse|Str\.|Weg|Allee|Ring|Damm|Ufer|Graben|"
    r"Gasse|Chaussee|Landstraße|Tor|Steig|Hof)[ \t]\d{1,4}[a-zA-Z]?,?[ \t]\d{5}[ \t][A-ZÄÖÜ][\w-]{1,30}(?![\w-])")
_NL_POSTCODE_HOUSE = re.compile(r"(?i:postcode[ \t](?:en|\+|&)[ \t]huisnummer)[ \t]?:?[ \t]{0,3}"
                                r"(\d{4}[ \t]?[A-Z]{2}[ \t,]{1,2}\d{1,5}(?:[ \t-]?[A-Za-z]{1,2})?)(?![\w-])")
_IRISH_COUNTY_LINE = re.compile(r"(?m:^[ \t]{0,4}([A-Z][\w'’-]{2,30}(?:[ \t][A-Z][\w'’-]{2,30})?,[ \t](?:Co\.|County)[ \t]"
                                r"[A-Z][a-z]{2,15})[ \t]{0,4}$)")
_EIRCODE_LINE = re.compile(rf"(?m:^[ \t]{{0,4}}({_EIRCODE})[ \t]{{0,4}}$)")
_PH_PART = r"[^\W\d_][\w.'’-]{0,25}(?:[ \t][A-Z\d][\w.'’-]{0,25}){0,4}"
_PH_ADDRESS = re.compile(
    rf"(?<![\w-])((?:(?:Blk|Block|Lot|Unit|Ph\.?|Phase|Purok|Sitio|\d{{1,5}}[A-Za-z]?)[ \t]?[\w-]{{1,6}}[ \t,]{{1,2}}){{1,3}}"
    rf"(?:{_PH_PART},[ \t]){{0,2}}(?:Brgy\.?|Barangay)[ \t]{_PH_PART}(?:,[ \t]{_PH_PART}){{0,2}}"
    r"(?:,?[ \t]\d{4})?)(?![\w-])")
_FORM_LABELS20 = (r"segurad[oa]|tomador|titular|favorecid[oa]|benefici[áa]ri[oa]|alunn[oa]|genitore|paciente|"
                  r"patient(?:in)?|versicherungsnehmer(?:in)?|erziehungsberechtigte[rn]?|mutter|vater|kind|"
                  r"name[ \t]des[ \t]kindes|nome|nom|pr[ée]nom|naam|nombre|apellidos?|cognome|vorname|nachname|"
                  r"asegurad[oa]|interessad[oa]|requerente|solicitante|locataire|mieter(?:in)?|contraente|intestatario")
_FORM_NAME20 = re.compile(rf"(?im:^[ \t]{{0,4}}(?:{_FORM_LABELS20})[ \t]{{0,4}}:[ \t]{{0,4}})"
                          r"([A-ZÀ-Þ][\w'’-]{1,30}(?:[ \t](?:(?:de|da|do|dos|das|del|van|von|der|den|di)[ \t])?"
                          r"[A-ZÀ-Þ][\w'’-]{1,30}){0,4})[ \t]{0,4}(?=\r?\n|\Z|,)")
_HOLDER20 = re.compile(r"(?i:\b(?:intestat[oa][ \t]a|a[ \t]nome[ \t]di|au[ \t]nom[ \t]de|ten[ \t]name[ \t]van|"
                       r"em[ \t]nome[ \t]de|a[ \t]nombre[ \t]de)[ \t]{1,2})"
                       r"([A-ZÀ-Þ][\w'’-]{1,30}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,30}){1,3})")
_TITLE_NAME20 = re.compile(
    r"(?<![\w.])(?:Nurse|Matron|Dott\.ssa|Dott\.|Prof\.ssa|Avv\.|Sig\.ra|Sig\.na|Sig\.|juf|meester|Mevr\.|Mevrouw|"
    r"Dhr\.|(?:Herr|Frau)[ \t](?:Dr\.|Prof\.)|Mrs\.?|Mr\.?|Ms\.?)[ \t]"
    r"((?:Van|Von|De|Den|Der|Da|Di|Du|Le|La)(?:[ \t](?:den|der|de|la|van|von))?[ \t][A-ZÀ-Þ][\w'’-]{1,30}"
    r"|[A-ZÀ-Þ][\w'’-]{1,30})(?![\w'’-])")
_TITLE_HINTS20 = ("Nurse", "Matron", "Dott", "Prof.ssa", "Avv.", "Sig.", "juf", "meester", "Mevr", "Dhr.", "Dr.", "Prof.",
                  "Mrs", "Mr", "Ms")


def find_session20a_more(text: str) -> Iterator[Found]:
    low = text.lower()
    if _DIGIT.search(text):
        for m in _DE_TWO_WORD_STREET.finditer(text):
            if m.group().split()[0].lower() not in NOT_STREET_OPENERS:
                yield "ADDRESS", m.start(), m.end(), 0.75
        if "huisnummer" in low:
            for m in _NL_POSTCODE_HOUSE.finditer(text):
                yield "ADDRESS", m.start(1), m.end(1), 0.8
        if "brgy" in low or "barangay" in low:
            for m in _PH_ADDRESS.finditer(text):
                yield "ADDRESS", m.start(1), m.end(1), 0.75
    if "\n" in text:
        if "Co." in text or "County" in text:
            for m in _IRISH_COUNTY_LINE.finditer(text):
                yield "ADDRESS", m.start(1), m.end(1), 0.75
        for m in _EIRCODE_LINE.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.75
    if ":" in text:
        for m in _FORM_NAME20.finditer(text):
            if not any(w.lower() in NOT_NAMES or w.lower() in COMPANY_SUFFIXES or w.lower() in PLACE_WORDS
                       for w in m.group(1).split() if w[0].isupper()):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("intestat", "nome di", "nom de", "name van", "nombre de")):
        for m in _HOLDER20.finditer(text):
            if not any(w.lower() in NOT_NAMES or w.lower() in COMPANY_SUFFIXES for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(h in text for h in _TITLE_HINTS20):
        for m in _TITLE_NAME20.finditer(text):
            words = m.group(1).split()
            if words[-1].lower() not in NOT_NAMES and words[-1].lower() not in _NOT_STREET_WORDS:
                yield "PERSON", m.start(1), m.end(1), 0.8


# session20a, round 2 (names and an IBAN):
# - a Korean name given first with its hyphen and a Korean surname after it ("Hyun-woo Baek", "Ji-hoon Park");
# - a name asked about ("I don't know who Babajide Olatunji is"); a first name and a surname ending the message after
#   a comma ("…property ref LET-3091, Hope Adeniran"), the first a first name we know;
# - "my name" and one to three words ending the message ("…my name chiamaka obi");
# - "sou o/a", "sono il/la", "soy el/la" and a capitalised name ("Sou o Tiago", "sou a Lurdes");
# - a relative's name after a French elision ("la maman d'Anaïs");
# - a sign-off and a name followed by a dash and a role, a shop or a phone ("Cumprimentos, Vitória – loja …", "LG
#   Florian 0664 …", "Cordiali saluti, Valerio Guidi – Ufficio Rimborsi"), or a name alone after a sentence, then a
#   dash and a phone number ("… à Nantes. Mathis – 07 62 14 09 88");
# - an IBAN whose check digits fail (mistyped or made up, still the customer's) right after "IBAN"/"conta"/"account"…
_KOREAN_SURNAMES = ("Kim|Lee|Park|Choi|Jung|Chung|Kang|Cho|Yoon|Yun|Jang|Lim|Im|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|"
                    "Yoo|Ryu|Hong|Jeon|Ko|Moon|Yang|Son|Bae|Baek|Heo|Nam|Noh|Ha|Kwak|Sung|Cha|Joo|Woo|Min|Na|Jin|Um|"
                    "Chae|Won|Chun|Bang|Gong|Hyun|Pyo|Yeo|Tak|Byun|Seong|Suh|Koo|Ku|Do|Ji")
_KOREAN_NAME = re.compile(rf"(?<![\w'’-])([A-Z][a-z]{{1,5}}-[A-Za-z][a-z]{{1,5}}[ \t](?:{_KOREAN_SURNAMES}))(?![\w'’-])")
_WHO_IS = re.compile(r"\bwho[ \t]([A-ZÀ-Þ][a-zà-ÿ'’-]{1,20}[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]{1,20})[ \t](?:is|was)\b")
_COMMA_END_NAME = re.compile(r",[ \t]{1,2}([A-ZÀ-Þ][a-zà-ÿ'’-]{1,20}[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]{1,20})[ \t.!]*\Z")
_MY_NAME_END = re.compile(r"(?i:\bmy[ \t]name[ \t]{1,2})([^\W\d_][\w'’-]{1,20}(?:[ \t][^\W\d_][\w'’-]{1,20}){0,2})"
                          r"[ \t.!]*\Z")
_SOU_O = re.compile(r"\b(?i:sou|sono|soy)[ \t](?i:o|a|il|la|el)[ \t]([A-ZÀ-Þ][\w'’-]{1,30}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,30}){0,2})"
                    r"(?![\w'’-])")
_ELIDED_KIN = re.compile(r"\b(?i:maman|papa|mère|père|fille|fils|frère|sœur|soeur|tante|oncle|mamie|papi)[ \t]d['’]"
                         r"([A-ZÀ-Þ][\w-]{1,30})")
_SIGN_OFF_DASH = re.compile(
    r"(?:^|(?<=[.!?\n])[ \t]{0,3}|(?<=[.!?][ \t]))(?i:lg|vg|mfg|cumprimentos|cordiali[ \t]saluti|distinti[ \t]saluti|saluti|"
    r"saludos|atentamente|cordialement|groetjes|met[ \t]vriendelijke[ \t]groet(?:en)?|regards|best[ \t]regards|"
    r"kind[ \t]regards|thanks|cheers|obrigad[oa]|grazie|gruß|grüße|viele[ \t]grüße|liebe[ \t]grüße)[ \t]{0,2},?[ \t]{1,2}"
    r"([A-ZÀ-Þ][a-zà-ÿ'’-]{1,20}(?:[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]{1,20}){0,2})(?=[ \t]{1,2}(?:[–—|-][ \t]|\+?\(?\d))")
_NAME_DASH_PHONE = re.compile(r"(?<=[.!?][ \t])([A-ZÀ-Þ][a-zà-ÿ'’-]{1,20}(?:[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]{1,20})?)[ \t]{1,2}"
                              r"[–—-][ \t]{1,2}(?=\+?\(?\d[\d \t().-]{6,20}\d)")
_IBAN_CUE20 = re.compile(r"(?i:\b(?:iban|conta|account|cuenta|compte|konto|rekening|conto|rib)\b[^\d\n]{0,25})$")


def _plain_name_words(words: list[str]) -> bool:
    return not any(w.lower() in NOT_NAMES or w.lower() in PLACE_WORDS or w.lower() in NOT_ADDRESSEES
                   or w.lower() in COMPANY_SUFFIXES for w in words)


def find_session20a_names(text: str) -> Iterator[Found]:
    low = text.lower()
    if "-" in text:
        for m in _KOREAN_NAME.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if "who " in low:
        for m in _WHO_IS.finditer(text):
            if _plain_name_words(m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.75
    if "," in text and (end_name := _COMMA_END_NAME.search(text)):
        first, last = end_name.group(1).split()
        if (first.lower() in FIRST_NAMES or first.lower() in WORD_NAMES) and _plain_name_words([last]):
            yield "PERSON", end_name.start(1), end_name.end(1), 0.75
    if "my name" in low and (named := _MY_NAME_END.search(text)) and _plain_name_words(named.group(1).split()):
        yield "PERSON", named.start(1), named.end(1), 0.75
    if "sou " in low or "sono " in low or "soy " in low:
        for m in _SOU_O.finditer(text):
            if _plain_name_words(m.group(1).split()[:1]):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if "d'" in low or "d’" in low:
        for m in _ELIDED_KIN.finditer(text):
            if _plain_name_words([m.group(1)]):
                yield "PERSON", m.start(1), m.end(1), 0.8
    for m in _SIGN_OFF_DASH.finditer(text):
        if _plain_name_words(m.group(1).split()):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if "–" in text or "—" in text or " - " in text:
        for m in _NAME_DASH_PHONE.finditer(text):
            if _plain_name_words(m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.75
    if _DIGIT.search(text):
        for m in _IBAN_RUN.finditer(text):
            walked = _iban_walk(m)  # session 17: read word by word (a word after the number used to hide it)
            if walked is not None and _IBAN_CUE20.search(text, max(0, m.start() - 40), m.start()):
                yield "IBAN", m.start(), walked[1], 0.8


# ---- since session 16 (blind20b: call-centre transcripts, chat logs, e-mail threads) ------------------------------
# Written after scoring blind20b once. Every rule reads lower-case speech-to-text as typed ("c v two, five r t").
# - DOB: a date said in words in the lines that answer a date-of-birth question, the question without its "?"
#   ("date of birth for me\nC: twenty third of april nineteen eighty one"), numbers said as day, month and year
#   ("sixteen oh three ninety two", "eighteen six seventy"), an ordinal month ("fifth of the eleventh"), the agent's
#   read-back and a correction ("…forty one sorry nineteen forty one": the year alone, where a whole date was said).
# - ADDRESS: a UK postcode said in lower case, with letters' names ("bee tee nine, seven ee dee") and a doubled letter
#   ("two b double e"), near an address or a postcode cue; the address line before it on the same line (from the house
#   number, a flat or a unit: "flat six, ninety one hawthorn road, walthamstow, e seventeen four p w"); the town after a
#   spoken first line ("fifty eight wakefield road, dewsbury"); a spoken Eircode after "eircode".
# - PERSON: the answer to "can I take your name", "and your name", "whats his name" without a "?" (a transcript), lower
#   case, the words before a plain word, a number or the line's end; an agent's name in a call's opening ("you're
#   speaking to kerry-ann", "…benefits shauna speaking", "thank you for calling … this is pam") and its repeats; a
#   caller's greeting "hi yes its moira keane i want…"; a name spelled "m as in mother, c, a as in apple, l…",
#   "z for zebra a i n a b", "o-l-a-m-i-d-e", "m e n s a h hyphen b o n s u", and the spelled word written elsewhere.
# - NATIONAL_ID / SSN: a National Insurance number said in words ("j p six one four eight two oh b"), a PPS number
#   after "pps", a US social security number with "dash" said, the last four of a social after that question.
_S20_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_S20_DIGITS = rf"(?:(?:double|triple)[ \t])?{_S20_DIGIT}(?![\w'’])"
_S20_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_S20_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_S20_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_S20_MONTH = r"january|february|march|april|may|june|july|august|september|october|november|december"
_S20_ORD_MONTH = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
_S20_CARD_DAY = rf"(?:(?:twenty|thirty)(?:[ \t-](?:{_S20_UNITS}))?|{_S20_TEENS}|{_S20_UNITS})"
_S20_NUM_DAY = rf"(?:oh[ \t](?:{_S20_UNITS})|(?:twenty)(?:[ \t-](?:{_S20_UNITS}))?|thirty(?:[ \t-]one)?|{_S20_TEENS}|{_S20_UNITS})"
_S20_NUM_MONTH = rf"(?:oh[ \t](?:{_S20_UNITS})|ten|eleven|twelve|{_S20_UNITS})"
_S20_YEAR = (rf"(?:(?:nineteen|twenty)[ \t-](?:(?:{_S20_TENS})(?:[ \t-](?:{_S20_UNITS}))?|{_S20_TEENS}|oh[ \t-](?:{_S20_UNITS}))"
             rf"|two[ \t]thousand(?:(?:[ \t]and)?[ \t](?:{_S20_TEENS}|{_S20_UNITS}|twenty(?:[ \t-](?:{_S20_UNITS}))?))?"
             rf"|(?:{_S20_TENS})(?:[ \t-](?:{_S20_UNITS}))?)")
_S20_SPOKEN_DATE = re.compile(
    rf"(?<![\w'’-])(?:(?:the[ \t])?(?:{_ORDINALS})[ \t](?:of[ \t])?(?:(?:{_S20_MONTH})|the[ \t](?:{_S20_ORD_MONTH}))"
    rf"(?:,?[ \t]{_S20_YEAR})?"
    rf"|{_S20_CARD_DAY}[ \t](?:of[ \t])?(?:{_S20_MONTH}),?[ \t]{_S20_YEAR}"
    rf"|(?:{_S20_MONTH})[ \t](?:the[ \t])?(?:{_ORDINALS})(?:,?[ \t]{_S20_YEAR})?"
    rf"|{_S20_NUM_DAY}[ \t]{_S20_NUM_MONTH}[ \t]{_S20_YEAR})(?![\w'’-]|[ \t,]{{1,2}}(?:{_S20_DIGIT}|{_S20_TEENS})(?![\w'’]))",
    re.IGNORECASE)
_S20_SPOKEN_YEAR = re.compile(rf"(?<![\w'’-])(?:nineteen[ \t-](?:(?:{_S20_TENS})(?:[ \t-](?:{_S20_UNITS}))?|{_S20_TEENS})"
                              rf"|two[ \t]thousand(?:(?:[ \t]and)?[ \t](?:{_S20_TEENS}|{_S20_UNITS}))?)(?![\w'’-])",
                              re.IGNORECASE)
_S20_DOB_CUE = re.compile(r"(?i:\b(?:date[ \t]of[ \t]birth|birth[ \t]?date|d\.?o\.?b\b|d[ \t]o[ \t]b\b|birthday|"
                          r"(?:of|your|his|her)[ \t]birth\b|born[ \t]on))")
# a line that asks for something else ends the answer to a date-of-birth question
_S20_OTHER_QUESTION = re.compile(r"(?i:\b(?:number|address|postcode|post[ \t]code|email|e-mail|phone|name|reference|"
                                 r"make[ \t]and|model|amount|payment|policy|account)\b)")


def _s20_dobs(text: str) -> Iterator[Found]:
    scanned = 0
    for cue in _S20_DOB_CUE.finditer(text):
        if cue.end() < scanned:
            continue  # inside the lines an earlier cue's answer was read in
        start = cue.end()
        limit = min(len(text), start + 400)
        line_end = text.find("\n", start, limit)
        end = limit if line_end < 0 else line_end
        for _ in range(3):  # the answer, a read-back, a confirmation
            if end >= limit:
                break
            nxt = text.find("\n", end + 1, limit)
            nxt = limit if nxt < 0 else nxt
            if _S20_OTHER_QUESTION.search(text, end + 1, nxt) or _S20_DOB_CUE.search(text, end + 1, nxt):
                break
            end = nxt
        end = min(end, start + 400)
        scanned = end
        dates = list(_S20_SPOKEN_DATE.finditer(text, start, end))
        for m in dates:
            yield "DOB", m.start(), m.end(), 0.85
        if dates:
            for m in _S20_SPOKEN_YEAR.finditer(text, start, end):
                if not any(d.start() <= m.start() < d.end() for d in dates):
                    yield "DOB", m.start(), m.end(), 0.8


_S20_LETTER = r"(?:[a-z](?![\w'’])|bee|cee|dee|ee|gee|aitch|jay|kay|pee|tee|vee|zed)"
_S20_SEP = r"(?:,?[ \t]|-)"
_S20_SD = rf"(?:\d|{_S20_DIGIT}(?![\w'’]))"
_S20_DISTRICT = rf"(?:(?:{_S20_TENS})(?:[ -](?:{_S20_UNITS}))?(?![\w'’])|(?:{_S20_TEENS})(?![\w'’])|\d\d?|{_S20_SD}(?:{_S20_SEP}{_S20_LETTER})?)"
_S20_POSTCODE = re.compile(
    rf"(?<![\w'’-])(?i:{_S20_LETTER}(?:{_S20_SEP}{_S20_LETTER})?{_S20_SEP}{_S20_DISTRICT}{_S20_SEP}{_S20_SD}{_S20_SEP}"
    rf"(?:double[ \t]{_S20_LETTER}|{_S20_LETTER}{_S20_SEP}(?:double[ \t])?{_S20_LETTER}))"
    rf"(?![\w'’-]|,?[ \t](?i:{_S20_DIGIT}|[a-z])(?![\w'’]))")
_S20_POSTCODE_CONTEXT = re.compile(r"(?i:post[ \t]?code|address|\bzip\b|\b(?:road|street|lane|avenue|drive|close|"
                                   r"crescent|grove|terrace|place|way|gardens|row|parade|park|hill|court|square|walk|"
                                   r"mews|rise|view|green)\b)")
_S20_NUMBER_HEAD = (rf"(?:(?:{_S20_TENS})(?:[ \t-](?:{_S20_UNITS}))?|{_S20_TEENS}|{_S20_UNITS}|\d{{1,4}})"
                    rf"(?:[ \t]hundred(?:[ \t]and)?(?:[ \t](?:(?:{_S20_TENS})(?:[ \t-](?:{_S20_UNITS}))?|{_S20_TEENS}|{_S20_UNITS}))?)?"
                    rf"(?:[ \t](?:{_S20_TENS}|{_S20_TEENS})(?:[ \t-](?:{_S20_UNITS}))?)?")
_S20_ADDRESS_HEAD = re.compile(
    rf"(?<![\w'’-])(?i:(?:(?:flat|unit|apartment|apt)[ \t](?:{_S20_NUMBER_HEAD}|[a-z])(?![\w'’-]),?[ \t]"
    rf"(?:(?:number[ \t])?{_S20_NUMBER_HEAD}(?:[ \t][a-z])?(?![\w'’-]),?[ \t])?"
    rf"|(?:number[ \t])?{_S20_NUMBER_HEAD}(?:[ \t][a-z])?(?![\w'’-]),?[ \t]))")
_S20_ADDRESS_BODY = re.compile(r"[a-z'’.]{1,25}(?:,?[ \t][a-z'’.]{1,25}){0,9},?[ \t]?")
_S20_NOT_ADDRESS_WORDS = frozenset("""is was it its it's and but postcode post code my your i me to for at from that thats
that's yes no please sorry address sent send ok okay um uh so if not or""".split())
_S20_STREET = (r"street|road|avenue|lane|drive|close|crescent|grove|terrace|place|way|gardens|row|parade|park|hill|court|"
               r"square|walk|mews|rise|view|green")
# a first line said in words: a house number (or "number", a flat or a unit and a building's name first), one or two
# words, a street type, a flat after it, and one or two words of a town that the line's end, a full stop or a comma,
# "postcode" or "is that…" ends ("flat one, the maltings, station road, hitchin is that correct")
_S20_WORD_HEAD = _S20_NUMBER_HEAD.replace(r"|\d{1,4})", ")")
_S20_FIRST_LINE = re.compile(
    rf"(?<![\w'’-])(?:(?:(?:flat|unit|apartment|apt)[ \t](?:{_S20_WORD_HEAD}|[a-z])(?![\w'’-]),?[ \t]"
    rf"(?:the[ \t][a-z]{{3,20}},?[ \t])?(?:(?:number[ \t])?{_S20_WORD_HEAD}(?:[ \t][a-z])?,?[ \t])?"
    rf"|(?:number[ \t])?{_S20_WORD_HEAD}(?:[ \t][a-z])?,?[ \t])"
    rf"(?:st\.?[ \t])?((?:[a-z'’]{{2,20}}[ \t]){{1,3}})(?:{_S20_STREET})(?![\w'’-])"
    rf"(?:[ \t](?:north|south|east|west))?"
    rf"(?:,?[ \t](?:apartment|apt|flat|unit)[ \t](?:(?:{_S20_NUMBER_HEAD})|[a-z0-9]{{1,4}})(?![\w'’-]))?)"
    rf"(?:,[ \t]([a-z]{{3,20}}(?:[ \t][a-z]{{3,20}}){{0,2}})(?=[ \t]*(?:\r?\n|$|[,.]|(?i:post[ \t]?code|is[ \t]that|"
    rf"yeah|please)\b)))?")
_S20_A_BEFORE = re.compile(r"(?i:\b(?:a|an|the)[ \t])$")
_S20_UNIT_WORDS = frozenset("""pounds pound quid pence p euros dollars days day weeks week months month years year hours hour
minutes minute times time each per more less extra of to the a in on at by for my your his her our their and or but
this that it miles mile mins way""".split())
_S20_TOWN_AFTER = re.compile(
    rf"(?<![\w'’-])(?i:(?:{_S20_NUMBER_HEAD})(?:[ \t][a-z])?,?[ \t](?:st\.?[ \t])?(?:[a-z'’]{{2,20}}[ \t]){{1,2}}(?:{_S20_STREET}))"
    r",[ \t]([a-z]{3,20}(?:[ \t][a-z]{3,20})?)(?=[ \t]*(?:\r?\n|$|[,.]|(?i:post[ \t]?code|is[ \t]that|yeah|please)\b))")
_S20_EIRCODE = re.compile(r"(?i:\beircode\b)[^\n]{0,40}\n[ \t]*[^\W\d_]{1,20}[ \t]?:[ \t]*(?:(?i:its|it's|yeah|yes)[ \t]+)?"
                          r"((?:[a-z0-9]|zero|oh|one|two|three|four|five|six|seven|eight|nine)(?:,?[ \t](?:[a-z0-9]|zero|oh|"
                          r"one|two|three|four|five|six|seven|eight|nine)){4,8})[ \t]*(?=\r?\n|$)", re.IGNORECASE)


def _s20_addresses(text: str, low: str) -> Iterator[Found]:
    for m in _S20_POSTCODE.finditer(text):
        if not _S20_POSTCODE_CONTEXT.search(text, max(0, m.start() - 250), m.start()):
            continue
        yield "ADDRESS", m.start(), m.end(), 0.8
        line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 200)
        head = None
        for h in _S20_ADDRESS_HEAD.finditer(text, line_start, m.start()):
            head = h
        if head is None:
            continue
        body = text[head.end():m.start()]
        words = [w.strip(",.") for w in body.lower().split()]
        if body and not _S20_ADDRESS_BODY.fullmatch(body):
            continue
        if any(w in _S20_NOT_ADDRESS_WORDS for w in words):
            continue
        yield "ADDRESS", head.start(), m.end(), 0.8
    if any(w in low for w in (" road", " street", " lane", " avenue", " drive", " close", " crescent", " grove", " hill",
                              " park", " place", " way", " gardens", " parade", " terrace")):
        for m in _S20_TOWN_AFTER.finditer(text):
            if not any(w in NOT_NAMES or w in _S20_NOT_ADDRESS_WORDS for w in m.group(1).lower().split()):
                yield "ADDRESS", m.start(), m.end(1), 0.75
    if any(w in low for w in (" road", " street", " lane", " avenue", " drive", " close", " crescent", " grove", " hill",
                              " park", " place", " way", " gardens", " parade", " terrace", " court", " square", " row")):
        for m in _S20_FIRST_LINE.finditer(text):
            middle = m.group(1).lower().split()
            if any(w in _S20_UNIT_WORDS or w in _S20_NOT_ADDRESS_WORDS or w in NOT_NAMES for w in middle) or \
                    _S20_A_BEFORE.search(text, max(0, m.start() - 6), m.start()):
                continue  # "a one way street", "the two mile lane"
            end = m.end(2) if m.group(2) and not any(
                w in NOT_NAMES or w in _S20_NOT_ADDRESS_WORDS for w in m.group(2).lower().split()) else m.end(1) + len(
                    text[m.end(1):m.end()].split(",")[0])
            if m.group(2) is None:
                end = m.end()
            yield "ADDRESS", m.start(), end, 0.75
    if "eircode" in low:
        for m in _S20_EIRCODE.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.8


_S20_NAME_QUESTION = re.compile(
    r"(?i:\b(?:(?:take|have|get|confirm)[ \t](?:your|his|her|the)[ \t](?:full[ \t]|first[ \t]|last[ \t])?name|"
    r"(?:and|what['’]?s|whats|what[ \t]is)[ \t](?:your|his|her|their|the)[ \t](?:[a-z'’]{2,12}[ \t])?name|(?:and[ \t])?(?:the[ \t])?(?:first[ \t]name|surname|last[ \t]name)|"
    r"name[ \t](?:of|on)[ \t]the[ \t](?:account|policy|card|second[ \t]driver|driver|patient|account[ \t]holder)|"
    r"name[ \t]as[ \t](?:in|on|it[ \t]appears)|who['’]?s[ \t]it[ \t](?:for|to[ \t]be[ \t]signed[ \t]for[ \t]by)|"
    r"whos[ \t]it[ \t](?:for|to[ \t]be[ \t]signed[ \t]for[ \t]by))\b)[^\n]{0,20}\r?\n[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?"
    r"[^\W\d_]{1,20}(?:[ \t]\([^)\n]{1,30}\))?[ \t]?:[ \t]*")
_S20_BUSINESS_NAME = re.compile(r"(?i:\b(?:company|business|employer|firm|shop|store|street|road|product|user|pet|dog|"
                                r"cat|town|village|hotel|school|bank|file|app|website|site|device|network|wifi|model)\b)")
_S20_ANSWER_FILLERS = frozenset("yeah yes yep its it's it’s um uh er erm sure ok okay so oh right well".split())
_S20_TOKEN = re.compile(r"[^\W\d_][\w'’-]{0,30}")
_S20_STOP = frozenset("""hes he's shes she's im i'm i ive i've theyre its it's thats that's mum mom dad son daughter wife
husband partner brother sister mother father and or but with from at in on the a an my his her your our their please
thanks thank cheers yes yeah no not is was are speaking calling here again sorry mr mrs ms miss dr doctor spelled spelt
spelling as then surname hyphen first last name double whats what's what congratulations support team has had does did
said says wants called rang will would can could should works came come told someone anyone everyone nobody somebody
people staff guy lady man woman girl boy bloke person never just still already finally eventually also only even actually
always""".split())
_S20_NUMBER_WORDS = frozenset(("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                               "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                               "eighty ninety hundred thousand double triple first second third fourth fifth sixth "
                               "seventh eighth ninth tenth eleventh twelfth").split()) | frozenset(_S20_MONTH.split("|"))


def _s20_name_word(word: str) -> bool:
    w = word.lower()
    return (len(w) >= 2 and w not in NOT_NAMES and w not in _S20_STOP and w not in _S20_NUMBER_WORDS
            and w not in _COMMON_WORDS and w not in _S20_ANSWER_FILLERS and not w.endswith(("ly", "ing")))


def _s20_name_run(text: str, pos: int, most: int = 3) -> tuple[int, int] | None:
    """The name words from pos: at most ``most``, ended by a word that is no name's, a number or punctuation."""
    start = end = -1
    count = 0
    for m in _S20_TOKEN.finditer(text, pos, min(len(text), pos + 120)):
        gap = text[end if end >= 0 else pos:m.start()]
        if gap.strip() or "\n" in gap or count >= most or not _s20_name_word(m.group()) or len(m.group()) < 2:
            break
        if start < 0:
            start = m.start()
        end = m.end()
        count += 1
    return (start, end) if start >= 0 else None


_S20_INTRO = re.compile(r"(?i:\b(?:you['’]?re|youre|you[ \t]are)[ \t](?:speaking|talking|through)[ \t]to[ \t]"
                        r"|\b(?:calling|through[ \t]to|welcome[ \t]to|speaking[ \t]to)[^\n]{1,60}?[ \t]this[ \t]is[ \t]"
                        r"|\bmy[ \t]name['’]?s[ \t])")
# what may follow an agent's name in a call's opening: an intro's "you're through to opalnet fibre support" names a firm
_S20_INTRO_END = re.compile(r"[ \t]*(?:\r?\n|$|[,.!]|(?i:can|how|what|who|speaking|here|and|thanks|today|please|i|with)\b)")
_S20_SPEAKING = re.compile(r"(?<![\w'’-])([a-z][a-z'’-]{1,20})[ \t]speaking(?=[ \t]*(?:\r?\n|$|[,.]|how\b|what\b))")
_S20_GREETING_ITS = re.compile(
    r"(?i:\b(?:hi|hello|hiya|hey|yes|yeah|morning|afternoon|evening)\b[^\n]{0,20}?\bit['’]?s[ \t])"
    r"([^\W\d_][\w'’-]{1,25}(?:[ \t][^\W\d_][\w'’-]{1,25}){1,3})(?=[ \t](?:i|i['’]m|im|i['’]ve|calling|ringing|here|again)\b)")
_S20_KIN = r"wife|husband|son|daughter|partner|mum|mom|dad|brother|sister|friend|neighbour|neighbor|boyfriend|girlfriend"
_S20_KIN_NAME = re.compile(rf"(?i:\b(?:my|his|her|their|our)[ \t](?:{_S20_KIN})[ \t])([a-z][a-z'’-]{{2,25}})"
                           r"(?=[ \t]*(?:\r?\n|$|[,.])|[ \t](?:who|whos|who's|is|and|has|was|does|did|will)\b)")
_S20_ROLE = r"engineer|technician|driver|courier|agent|advisor|adviser|nurse|plumber|electrician|fitter"
_S20_KIN_GATE = tuple(_S20_KIN.split("|"))
_S20_ROLE_GATE = tuple(_S20_ROLE.split("|"))
_S20_ROLE_NAME = re.compile(
    rf"(?i:\b(?:the|your|our|an?)[ \t](?:{_S20_ROLE})[ \t](?:will[ \t]be|called|named)[ \t])([a-z][a-z'’-]{{2,25}})"
    r"(?=[ \t](?:came|come|said|told|was|is|will|has|had|did|who|and|from)\b|[ \t]*(?:\r?\n|$|[,.]))"
    rf"|(?i:\b(?:the|your|our|an?)[ \t](?:{_S20_ROLE})[ \t])([a-z][a-z'’-]{{2,25}})"
    r"(?=[ \t](?:came|said|told|who|rang|called|turned|fitted|phoned)\b)")
_S20_ON_TEAM = re.compile(r"(?<![\w'’-])(?<!my[ \t])(?<!the[ \t])(?<!our[ \t])(?<!your[ \t])(?<!a[ \t])"
                          r"([a-z][a-z'’-]{2,25})[ \t](?:on|from|in)[ \t](?:your|the)[ \t](?:team|helpdesk|"
                          r"help[ \t]desk|support[ \t]team)\b")
_S20_DOCTOR = re.compile(r"(?<![\w'’-])(?:doctor|dr\.?)[ \t]([a-z][a-z'’-]{2,25})(?![\w'’-])")
_S20_WITH_A = re.compile(r"(?i:\b(?:is[ \t]that|it['’]?s|its|that['’]?s|thats)[ \t])([a-z][a-z'’-]{1,20})[ \t]with[ \t]"
                         r"(?:a|an|two|double)[ \t](?:[a-z]|[a-z]['’]?s)(?![\w'’-])")
_S20_NAME_IS = re.compile(r"(?i:\b(?:(?:the|my|his|her|your|their)[ \t]name(?:['’]s|[ \t]is|[ \t]was)|"
                          r"(?:first|last|sur)[ \t]?name(?:[ \t]is|[ \t]was)?|he['’]s|she['’]s|hes|shes)[ \t])")
_S20_FIELD_NAME = re.compile(r"(?i:first|last|sur)")
_S20_AND_I = re.compile(r"[ \t]and[ \t](?:i['’]?m|i[ \t]am)\b")
_S20_TITLED_INITIALS = re.compile(r"(?<![\w'’-])(?:mr|mrs|ms|miss|dr)[ \t](?:(?:[a-z][ \t]){1,2}|(?:du|de|van|von|le|la|da|di|"
                                  r"del|della|dos|mac|mc|st)[ \t])([a-z][a-z'’-]{2,25})(?![\w'’-])")
_S20_SPELLED_AS = re.compile(
    r"(?<![\w'’-])[a-z](?:[ \t](?:as[ \t]in|for)[ \t][a-z]{2,12})?(?:(?:,[ \t]?|[ \t])[a-z](?![\w'’-])"
    r"(?:[ \t](?:as[ \t]in|for)[ \t][a-z]{2,12})?){3,30}(?![\w'’-])", re.IGNORECASE)
_S20_SPELLED_HYPHENS = re.compile(r"(?<![\w'’-])[a-z](?:-[a-z]){3,30}(?![\w'’-])", re.IGNORECASE)
_S20_SPELLED_JOINED = re.compile(r"(?<![\w'’-])[a-z](?:[ \t][a-z]){1,24}(?:(?:,[ \t]|[ \t](?:hyphen|dash)[ \t])"
                                 r"[a-z](?:[ \t][a-z]){1,24}){1,4}(?![\w'’-])", re.IGNORECASE)
_S20_SPELL_CUE = re.compile(r"(?i:\b(?:spell\w{0,4}|spelt|as[ \t]in|then|surname|name|its|it['’]s|that['’]?s|no)"
                            r"(?:[ \t](?:is|was))?[ \t,:]{1,3}$)")


def _s20_fold(word: str) -> str:
    return word.lower().translate(_S20_FOLD)


_S20_FOLD = str.maketrans("áàâäãéèêëíìîïóòôöõúùûüçñ", "aaaaaeeeeiiiiooooouuuucn")


def _s20_names(text: str, low: str) -> Iterator[Found]:
    found: list[tuple[int, int]] = []
    if "name" in low or "who" in low:
        for m in _S20_NAME_QUESTION.finditer(text):
            question = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
            if _S20_BUSINESS_NAME.search(m.group()) or _S20_BUSINESS_NAME.search(question):
                continue
            pos = m.end()
            for t in _S20_TOKEN.finditer(text, pos, min(len(text), pos + 40)):
                if t.group().lower() not in _S20_ANSWER_FILLERS or text[pos:t.start()].strip(" \t,"):
                    break
                pos = t.end()
            run = _s20_name_run(text, pos)
            if run and not _s20_spelled_letter(text, run):
                found.append(run)
    if "speaking" in low or "through" in low or "this is" in low or "name" in low:
        for m in _S20_INTRO.finditer(text):
            run = _s20_name_run(text, m.end(), 2)
            if run and _S20_INTRO_END.match(text, run[1]):
                found.append(run)
        for m in _S20_SPEAKING.finditer(text):
            if _s20_name_word(m.group(1)) and m.group(1).lower() not in ("who", "whos", "who's", "public", "roughly"):
                found.append((m.start(1), m.end(1)))
    for pattern, gate in ((_S20_KIN_NAME, _S20_KIN_GATE), (_S20_ROLE_NAME, _S20_ROLE_GATE), (_S20_ON_TEAM, ("team", "desk")),
                          (_S20_DOCTOR, ("doctor", "dr")), (_S20_WITH_A, (" with ",))):
        if not any(g in low for g in gate):
            continue
        for m in pattern.finditer(text):
            group = 1 if m.group(1) is not None else 2
            if _s20_name_word(m.group(group)):
                found.append((m.start(group), m.end(group)))
    if "name" in low or "he" in low or "she" in low:
        for m in _S20_NAME_IS.finditer(text):
            run = _s20_name_run(text, m.end(), 3)
            if not run or not _S20_INTRO_END.match(text, run[1]):
                continue
            parts = text[run[0]:run[1]].split()
            if m.group().lower().startswith(("he", "she")):  # "he's gone away": a known first name, or "…and i'm"
                if parts[0].lower() in FIRST_NAMES or _S20_AND_I.match(text, run[1]):
                    found.append(run)
            elif len(parts) >= 2 or parts[0].lower() in FIRST_NAMES or _S20_FIELD_NAME.search(m.group()):
                found.append(run)
    for m in _S20_TITLED_INITIALS.finditer(text) if "m" in low else ():
        if _s20_name_word(m.group(1)):
            found.append((m.start(), m.end(1)))
    if "it" in low:
        for m in _S20_GREETING_ITS.finditer(text):
            if all(_s20_name_word(w) for w in m.group(1).split()):
                found.append((m.start(1), m.end(1)))
    for start, end in found:
        yield "PERSON", start, end, 0.8
    # a name found once is masked where it is said again: in lower case only where it was found in lower case
    # ("…you're through to hannah\nC: hi hannah"; "Hope Adeyemi" found does not make "i hope" a name)
    words = {_s20_fold(text[a:b].split()[0]): text[a:b].islower() for a, b in found if len(text[a:b].split()[0]) >= 3}
    yield from _s20_spelled(text, low, words)


def _s20_spelled_letter(text: str, run: tuple[int, int]) -> bool:
    return run[1] - run[0] <= 1


_S20_ANY_SPELLED = re.compile(r"(?<![\w'’-])[a-z](?:(?:[ \t,-]{1,2}|[ \t](?:as[ \t]in|for)[ \t][a-z]{2,12},?[ \t])[a-z]"
                              r"(?![\w'’])){3}", re.IGNORECASE)


def _s20_spelled(text: str, low: str, words: dict[str, bool]) -> Iterator[Found]:
    if not words and not _S20_ANY_SPELLED.search(text):
        return  # four single letters in a row at least spell a name
    spelled: list[tuple[int, int, str]] = []
    known = _S20Words(low)
    if " as in " in low or " for " in low:
        for m in _S20_SPELLED_AS.finditer(text):
            if " as in " in m.group().lower() or " for " in m.group().lower():
                stripped = re.sub(r"(?i)[ \t](?:as[ \t]in|for)[ \t][a-z]{2,12}", "", m.group())
                letters = "".join(re.findall(r"(?<![\w'’-])[a-z](?![\w'’-])", stripped, re.IGNORECASE))
                spelled.append((m.start(), m.end(), letters.lower()))
    if "-" in text:
        for m in _S20_SPELLED_HYPHENS.finditer(text):
            spelled.append((m.start(), m.end(), m.group().replace("-", "").lower()))
    if "," in text or "hyphen" in low or "dash" in low:
        for m in _S20_SPELLED_JOINED.finditer(text):
            letters = re.sub(r"(?i)hyphen|dash|[ \t,]", "", m.group()).lower()
            written = letters in known.written
            if written or _S20_SPELL_CUE.search(text, max(0, m.start() - 15), m.start()):
                spelled.append((m.start(), m.end(), letters))
    for m in _S20_SPACED_RUN.finditer(text):
        letters = re.sub(r"[ \t]", "", m.group()).lower()
        if letters in known.written:
            spelled.append((m.start(), m.end(), letters))
            before = _S20_SPELLED_AFTER_NAME.search(text, max(0, m.start() - 60), m.start())
            if before and _s20_fold(before.group(1)) == letters:  # "my name is shabnam s h a b n a m hussain"
                after = _LOWER_WORD_AFTER.match(text, m.end())
                if after and _s20_name_word(after.group(1)):
                    yield "PERSON", after.start(1), after.end(1), 0.75
    spelled = [(a, b, letters) for a, b, letters in spelled if not known.mail_word(letters)]
    for start, end, letters in spelled:
        yield "PERSON", start, end, 0.8
        words.setdefault(letters, text[start:end].islower())
    for m in _S20_SPACED_RUN.finditer(text) if "-" in text else ():
        letters = m.group().replace(" ", "").replace("\t", "").lower()
        if letters in known.hyphenated:
            yield "PERSON", m.start(), m.end(), 0.8
    for word, lower_ok in list(words.items())[:20]:
        if len(word) < 3 or word in NOT_NAMES or word in _S20_STOP or known.mail_word(word):
            continue
        for w in _S20_WORD.finditer(text):  # a name that is a word too ("gloria", "hope") only said to someone
            if _s20_fold(w.group()) == word and (w.group()[0].isupper() or lower_ok) and not _S20_ARTICLE_BEFORE.search(
                    text, max(0, w.start() - 6), w.start()) and (
                    word not in WORD_NAMES or _S20_VOCATIVE_END.match(text, w.end())):
                yield "PERSON", w.start(), w.end(), 0.75
    # the surname after a spelled first name given as one's name ("my name is o-l-a-m-i-d-e adewale")
    for start, end, _ in spelled:
        if _NAME_IS_BEFORE.search(text, max(0, start - 12), start) or re.search(
                r"(?i:\bname[ \t]is[ \t]{1,2})$", text[max(0, start - 12):start]):
            after = _LOWER_WORD_AFTER.match(text, end)
            if after and _s20_name_word(after.group(1)):
                yield "PERSON", after.start(1), after.end(1), 0.75


_S20_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]{1,40}")
_S20_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|a|an|this|that|some)[ \t])$")
_S20_VOCATIVE_END = re.compile(r"[ \t]*(?:\r?\n|$|[,.!?])")
_S20_MAIL_PART = r"(?:\.|@|[ \t](?:dot|at|underscore)[ \t])"


_S20_SPELLED_AFTER_NAME = re.compile(r"(?i:\b(?:name[ \t]is|name['’]s|i['’]?m|it['’]?s|this[ \t]is)[ \t])"
                                     r"([^\W\d_][\w'’-]{1,25})[ \t]$")
_S20_SPACED_RUN = re.compile(r"(?<![\w'’.-])[a-z](?:[ \t][a-z]){3,30}(?![\w'’-])", re.IGNORECASE)


class _S20Words:
    """The message's words folded once (spelled runs are checked against them; linear in the message)."""

    def __init__(self, low: str) -> None:
        words = [_s20_fold(w).replace("'", "").replace("’", "") for w in _S20_WORD.findall(low)]
        plain = [w.replace("-", "") for w in words]
        self.written = set(plain) | {a + b for a, b in zip(plain, plain[1:], strict=False)} | {
            a + b + c for a, b, c in zip(plain, plain[1:], plain[2:], strict=False)}
        self.hyphenated = {w.replace("-", "") for w in words if "-" in w}
        self.mail: set[str] = set()
        self.local_parts: list[str] = []
        if "@" in low or " at " in low:
            self.mail = {m.group(m.lastindex or 0) for m in _S20_MAIL_NEIGHBOUR.finditer(low)}
            for m in _S20_AT.finditer(low):
                if len(self.local_parts) >= 20:
                    break
                self.local_parts.append(re.sub(r"[ \t](?:dot|underscore)[ \t]|[._]", "", low[max(0, m.start() - 60):m.start()]))

    def mail_word(self, word: str) -> bool:
        """Whether the word is spelled as a part of an e-mail address ("p dot okonkwo at gmail dot com",
        "P-O-K-A-F-O-R?" for "p dot okafor at…")."""
        return word in self.mail or any(part.endswith(word) for part in self.local_parts)


_S20_MAIL_NEIGHBOUR = re.compile(r"(?<=[.@])([a-z0-9]{1,40})|(?<=[ \t]dot[ \t])([a-z0-9]{1,40})|([a-z0-9]{1,40})(?=\.[a-z]|@|"
                                 r"[ \t](?:dot|at|underscore)[ \t])")
_S20_AT = re.compile(r"@|[ \t]at[ \t]")


_S20_NI_CUE = re.compile(r"(?i:national[ \t]insurance|\bni[ \t](?:number|no)\b|\bnino\b)")
_S20_SPOKEN_NI = re.compile(
    rf"(?<![\w'’-])(?i:([a-z])(?:,?[ \t])([a-z])((?:,?[ \t]{_S20_DIGITS}){{3,6}})(?:,?[ \t])([a-d]))(?![\w'’-])")
_S20_PPS = re.compile(rf"(?i:\bpps(?:n)?\b(?:[ \t](?:number|no))?(?:[ \t](?:is|was))?[ \t:]{{1,3}})"
                      rf"((?i:{_S20_DIGITS}(?:,?[ \t]{_S20_DIGITS}){{2,6}},?[ \t][a-w](?:[ \t][a-iw])?))(?![\w'’-])")
_S20_SSN = re.compile(rf"(?i:\b(?:social[ \t]security|ssn|social)\b[^\n]{{0,60}}\n[^\n:]{{1,20}}:[ \t]*(?:(?:sure|yes|yeah|its|it's)[ \t,]+){{0,2}})"
                      rf"((?i:{_S20_DIGITS}(?:,?[ \t](?:dash,?[ \t])?{_S20_DIGITS}){{3,10}}))(?![\w'’-]|,?[ \t]{_S20_DIGIT})")


_S20_ACCOUNT = re.compile(
    rf"(?i:\baccount\b(?:[ \t](?:number|no))?(?:[ \t](?:is|was))?(?:[^\n\d]{{0,20}}\r?\n[^\n:]{{1,20}}:)?[ \t]*"
    rf"(?:(?:its|it's|yeah|yes|sure|uh|um)[ \t,]+){{0,2}})"
    rf"((?i:{_S20_DIGITS}(?:,?[ \t]{_S20_DIGITS}){{2,9}}))(?![\w'’-]|,?[ \t]{_S20_DIGIT})")


# a card number read out in groups, 15 or 16 digits, after "card" or "long number" (a mistyped or misheard digit fails
# Luhn, so it is not checked after the cue)
_S20_CARD = re.compile(rf"(?<![\w'’-])(?i:{_S20_DIGITS}(?:(?:,[ \t]?|[ \t])(?:(?:um|uh|er)[ \t])?{_S20_DIGITS}){{11,17}})"
                       rf"(?![\w'’-]|,?[ \t]{_S20_DIGIT})")
_S20_CARD_CUE = re.compile(r"(?i:\bcard\b|long[ \t]number)")


def _s20_digit_count(value: str) -> int:
    n = 0
    mult = 1
    for w in value.lower().replace(",", " ").split():
        if w in ("double", "triple"):
            mult = 2 if w == "double" else 3
            continue
        if w in ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
            n += mult
        mult = 1
    return n


def _s20_ids(text: str, low: str) -> Iterator[Found]:
    if any(w in low for w in ("insurance", "ni ", "nino")):
        for m in _S20_SPOKEN_NI.finditer(text):
            prefix = (m.group(1) + m.group(2)).upper()
            if (_s20_digit_count(m.group(3)) == 6 and prefix[0] not in "DFIQUV" and prefix[1] not in "DFIQUVO"
                    and prefix not in _NINO_BAD_PREFIX and _S20_NI_CUE.search(text, max(0, m.start() - 300), m.start())):
                yield "NATIONAL_ID", m.start(), m.end(), 0.85
    if "pps" in low:
        for m in _S20_PPS.finditer(text):
            if _s20_digit_count(m.group(1)) == 7:
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if ("sort code" in low or "bank" in low) and "account" in low:  # a bank's account, not a telecom's (a reference)
        for m in _S20_ACCOUNT.finditer(text):
            if _s20_digit_count(m.group(1)) == 8:
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "card" in low or "long number" in low:
        for m in _S20_CARD.finditer(text):
            if _s20_digit_count(m.group()) in (15, 16) and _S20_CARD_CUE.search(text, max(0, m.start() - 120), m.start()):
                yield "CARD", m.start(), m.end(), 0.85
    if "social" in low or "ssn" in low:
        for m in _S20_SSN.finditer(text):
            n = _s20_digit_count(m.group(1))
            last_four = re.search(r"(?i:last[ \t]four)", text[max(0, m.start() - 80):m.start(1)])
            if n == 9 or (n == 4 and last_four):
                yield "SSN", m.start(1), m.end(1), 0.85


def find_session20b(text: str) -> Iterator[Found]:
    """Session 16's rules for call transcripts (see the notes above)."""
    low = text.lower()
    if "birth" in low or "dob" in low or "d o b" in low:
        yield from _s20_dobs(text)
    if " " in text:
        yield from _s20_addresses(text, low)
        yield from _s20_names(text, low)
        yield from _s20_ids(text, low)


# ---- session 21a (fixer pii21fa; blind21: chat/e-mail from many countries; blind21b: voice/chat transcripts) --------
# Written after scoring blind21/blind21b once. Each rule is gated on a cheap substring check and is linear.
# - CARD: a 4-4-4-4 number (a dot, a dash, one or two spaces between groups, mixed spaces too) opening with 2-6 after a
#   card's or a payment's word on its line ("card for the deposit: 5399.8321.0047.2256", "charged twice on 5186  2039
#   7710  4428"), Luhn not checked (a mistyped card is still the customer's), never a gift/loyalty/member card's; a card
#   read out in groups of four (each group on its own answer line after "card number", at least three; or a run of 15/16
#   digits after a false start "four six five eight um four six five eight, …", the false start too).
# - BANK_ACCOUNT: a UK sort code said as three two-digit numbers ("twenty, thirty two, oh six", "eighty twenty two
#   sixty") with the eight-digit account said after it, or alone right after "sort code (is)" where an account is named;
#   9-18 digits after "account" where the message speaks of a debit or a bank ("debited from my account 30418827651"),
#   or after "banking/bank details".
# - ADDRESS: a UK postcode said with a two-digit district read digit by digit ("c f one four, two d w") or with a letter
#   said "as in"/"for" a word ("n w ten, four, r as in robert, h as in harry"), near an address or postcode cue; a
#   first attempt the speaker broke off ("n w ten uh n w ten, four…"); a Canadian postal code said ("k two p, one l
#   four", "toronto, m eight v, one a one": the town before it too) near a postal-code or address cue; a spoken
#   Eircode in the lines after "eircode" whatever the speaker's label ("Speaker 2:"), a correction after it too.
# - NATIONAL_ID: a Hong Kong ID after "HKID" ("K123456(7)"), a Singapore NRIC/FIN after its name ("S8812345D"), an
#   Indian PAN after "PAN" ("BQKPR4417M"), a Ghana Card number in its own layout ("GHA-712345678-3"), an NHS number
#   (3-3-4 digits) after "NHS", 7-9 digits after "ID" where an ID number was asked for.
# - DOB: a date written d/m/yyyy (or with dots) or "5th Jan 1984" on the line of a date-of-birth cue or the answer line
#   after it (chat logs), never after an order's or a delivery's word.
# - PERSON: "mr and mrs petrakis"; a relative named in lower case with one to three words the line's end or a pronoun
#   ends ("my mum shamima begum she has…", "my son ethan doyle hes seventeen", "mother rokeya begum"); "a lady called
#   bernadette"; an agent's name at the end of a call's first line ("metrolink mobile this is aziz"); "my name is
#   wanjiku" at the line's end; a role word and a capitalised name in a case note ("patient Carmel Fitzpatrick (DOB").
_S21A_CARD = re.compile(r"(?<![\w.-])[2-6]\d{3}(?:(?P<s>[.-])\d{4}(?P=s)\d{4}(?P=s)\d{4}|(?: {1,2}\d{4}){3})(?![\w-]|[.,]\d)")
_S21A_CARD_CUE = re.compile(r"(?i:\b(?:card|visa|mastercard|amex|debit|credit)\b|\bcharged\b)")
_S21A_CARD_CUE_WORDS = ("card", "visa", "master", "amex", "debit", "credit", "charged")
_S21A_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_S21A_DIGITS = rf"(?:(?:double|triple)[ \t])?{_S21A_DIGIT}(?![\w'’])"
_S21A_GROUP_LINE = re.compile(rf"(?im:^[^\n:]{{1,20}}:[ \t]*(?:(?:its|it's|yeah|yes|ok|okay|um|uh)[ \t,]+)?"
                              rf"({_S21A_DIGITS}(?:,?[ \t]{_S21A_DIGITS}){{1,3}})[ \t,.]*$)")
_S21A_SPOKEN_RUN = re.compile(rf"(?<![\w'’-])(?i:{_S21A_DIGITS}(?:(?:,[ \t]?|[ \t])(?:(?:um|uh|er|erm)[ \t,]{{1,2}})?"
                              rf"{_S21A_DIGITS}){{3,24}})(?![\w'’-])")
_S21A_BROKEN_OFF = re.compile(r"[ \t,]{1,2}(?i:um|uh|er|erm|sorry|no)[ \t,]{1,2}")
_S21A_PAIR = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \t-](?:one|two|three|four|five|six|seven|"
              rf"eight|nine)(?![\w'’]))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
              rf"double[ \t]{_S21A_DIGIT}|{_S21A_DIGIT}[ \t]{_S21A_DIGIT})(?![\w'’-])")
_S21A_SORT_CODE = re.compile(rf"(?<![\w'’-])(?i:{_S21A_PAIR}(?:,?[ \t]{_S21A_PAIR}){{2}})"
                             rf"(?P<account>,?[ \t](?i:{_S21A_DIGITS}(?:,?[ \t]{_S21A_DIGITS}){{3,9}}))?(?![\w'’-]|,?[ \t]{_S21A_DIGIT})")
_S21A_TENS = re.compile(r"(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|teen)")
_S21A_SORT_CUE = re.compile(r"(?i:\bsort[ \t]code(?:[ \t](?:is|was))?[ \t,:]{1,3}$)")
_S21A_ACCOUNT_DIGITS = re.compile(r"(?i:\baccount\b(?:[ \t](?:number|no\.?|nr\.?|#))?:?|\bbank(?:ing)?[ \t]details\b)"
                                  r"[^\d\n.]{0,40}?(?<![\w.-])(\d{9,18})(?![\w-]|[.,]\d)")
_S21A_BANK_CONTEXT = re.compile(r"(?i:\b(?:debited|credited|upi|neft|imps|rtgs|ifsc|bank|banking|payout|transfer)\b)")
_S21A_L = r"(?:[a-z](?:[ \t](?:as[ \t]in|for)[ \t][a-z]{2,12})?)"
_S21A_SEP = r"(?:,?[ \t])"
_S21A_UK_POSTCODE = re.compile(
    rf"(?<![\w'’-])(?i:{_S21A_L}(?:{_S21A_SEP}{_S21A_L})?{_S21A_SEP}"
    rf"(?:{_S21A_DIGIT}{_S21A_SEP}{_S21A_DIGIT}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    rf"nineteen|twenty|{_S21A_DIGIT}){_S21A_SEP}{_S21A_DIGIT}{_S21A_SEP}{_S21A_L}{_S21A_SEP}{_S21A_L})(?![\w'’-])")
_S21A_POSTCODE_CONTEXT = re.compile(r"(?i:post[ \t]?code|postal[ \t]code|address|\bzip\b)")
_S21A_CA_POSTCODE = re.compile(rf"(?<![\w'’-])(?i:[a-z]{_S21A_SEP}{_S21A_DIGIT}{_S21A_SEP}[a-z]{_S21A_SEP}{_S21A_DIGIT}"
                               rf"{_S21A_SEP}[a-z]{_S21A_SEP}{_S21A_DIGIT})(?![\w'’-])")
_S21A_TOWN_BEFORE = re.compile(r"(?<![\w'’-])([a-z]{3,20}(?:[ \t][a-z]{3,20})?),[ \t]$")
_S21A_EIRCODE_TOKEN = (rf"(?:[a-z]|{_S21A_DIGIT}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                       rf"nineteen|twenty|\d)(?![\w'’-])")
_S21A_EIRCODE = re.compile(rf"(?<![\w'’-])(?i:[a-z](?:{_S21A_SEP}{_S21A_EIRCODE_TOKEN}){{4,7}})")
_S21A_HKID = re.compile(r"(?i:\bhkid\b|hong[ \t]kong[ \t]id)[^\w\n]{0,20}(?:[^\d\n]{0,20}?)(?<![\w])([A-Z]{1,2}\d{6}[ \t]?\(?[\dA]\)?)(?![\w])")
_S21A_NRIC = re.compile(r"(?i:\b(?:nric|fin)\b)[^\d\n]{0,25}?(?<![\w])([STFGM]\d{7}[A-Z])(?![\w])")
_S21A_PAN = re.compile(r"\b(?:PAN|(?i:pan[ \t]card|pan[ \t]number|pan[ \t]no))\b[^\n]{0,25}?(?<![\w])([A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z])(?![\w])")
_S21A_GHANA_CARD = re.compile(r"(?<![\w-])GHA-\d{9}-\d(?![\w-])")
_S21A_NHS = re.compile(r"(?i:\bnhs\b(?:[ \t](?:number|no\.?))?:?[ \t]{1,3})(\d{3}[ \t-]\d{3}[ \t-]\d{4}|\d{10})(?![\w-])")
_S21A_ID_ASKED = re.compile(r"(?i:\bid[ \t]number|national[ \t]id|identity[ \t](?:card|number))")
_S21A_ID = re.compile(r"\bID[ \t]?:?[ \t]{1,2}(\d{7,9})(?![\w-]|[.,]\d)")
_S21A_DOB_CUE = re.compile(r"(?i:date[ \t]of[ \t]birth|\bdob\b|d\.o\.b|birth[ \t]?date|birthday)")
_S21A_DATE = re.compile(r"(?<![\w/.-])(?:(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d"
                        r"|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[ \t](?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|"
                        r"nov|dec)[a-z]{0,6}\.?,?[ \t](?:19|20)\d\d)(?![\w/-]|\.\d)")
_S21A_NOT_DOB_BEFORE = re.compile(r"(?i:\b(?:order(?:ed)?|deliver\w{0,4}|paid|sent|since|from|until|till|expir\w{0,4}|"
                                  r"exp|renew\w{0,4}|booked|appointment)\b[^\n\d]{0,15}$)")
_S21A_MR_AND_MRS = re.compile(r"(?<![\w'’-])(?i:mr[ \t](?:and|&)[ \t]mrs|mrs[ \t](?:and|&)[ \t]mr)\.?[ \t]"
                              r"([^\W\d_][\w'’-]{1,25})(?![\w'’-])")
_S21A_KIN = (r"mum|mom|mam|mother|dad|father|son|daughter|grandson|granddaughter|grandmother|grandfather|nan|gran|"
             r"grandma|grandad|wife|husband|partner|brother|sister|aunt|auntie|uncle|nephew|niece|cousin")
_S21A_KIN_NAME = re.compile(rf"(?<![\w'’-])(?:(?:my|his|her|their|our)[ \t](?:{_S21A_KIN})|(?<!the[ \t])(?<!a[ \t])(?<!your[ \t])"
                            rf"(?:father|mother))[ \t](?=[a-z])")
_S21A_NAME_END = re.compile(r"[ \t]{0,3}(?:\r?\n|$|[,.!?]|(?:she|he|hes|shes|she's|he's|who|is|was|and|has|had|i|im|"
                            r"i'm|its|it's|they|theyre|lives|passed|died)\b)")
_S21A_CALLED = re.compile(r"(?<![\w'’-])(?i:lady|man|guy|woman|gentleman|girl|bloke|chap|fella|someone|nurse|agent)"
                          r"[ \t](?:called|named)[ \t](?=[a-z])")
_S21A_FIRST_LINE_THIS_IS = re.compile(r"\A[^\n:]{1,20}:[^\n]{0,60}?\bthis[ \t]is[ \t](?=[a-z])")
_S21A_AGENT_END = re.compile(r"[ \t]{0,3}(?:\r?\n|$|[,.!]|speaking\b|how\b)")
_S21A_LINE_END = re.compile(r"[ \t]{0,3}(?:\r?\n|$|[,.!])")
_S21A_MY_NAME_IS = re.compile(r"(?i:\bmy[ \t]name[ \t]is[ \t])(?=[a-z])")
_S21A_ROLE_NAME = re.compile(r"\b(?:[Pp]atient|[Tt]enant|[Cc]lient|[Rr]esident|[Mm]ember|[Ss]tudent|[Pp]upil|[Cc]laimant)[ \t]"
                             r"([A-Z][a-z'’]{1,20}(?:-[A-Z][a-z'’]{1,20})?[ \t][A-Z][a-z'’]{1,25}(?:-[A-Z][a-z'’]{1,25})?)"
                             r"(?=[ \t]?[(,.;]|[ \t]+(?:and|is|was|has)\b)")


def _s21a_digits(value: str) -> int:
    return _s20_digit_count(value)


def _s21a_cards(text: str, low: str) -> Iterator[Found]:
    if any(c in low for c in _S21A_CARD_CUE_WORDS) and _DIGIT.search(text):
        for m in _S21A_CARD.finditer(text):
            line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 90)
            cue = None
            for found_cue in _S21A_CARD_CUE.finditer(text, line_start, m.start()):
                cue = found_cue  # the last card word before the number
            if cue is None or _NOT_PAYMENT_CARD.search(text, max(0, cue.start() - 12), cue.start()):
                continue
            if _CODE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue
            yield "CARD", m.start(), m.end(), 0.8
    if "card" in low or "long number" in low:
        for cue in re.finditer(r"(?i:\bcard\b[^\n]{0,30}\bnumber|long[ \t]number|\bcard\b[^\n]{0,40}pay)", text):
            window_end = min(len(text), cue.end() + 300)
            groups = [g for g in _S21A_GROUP_LINE.finditer(text, cue.end(), window_end) if _s21a_digits(g.group(1)) == 4]
            if len(groups) >= 3:
                for g in groups[:5]:
                    yield "CARD", g.start(1), g.end(1), 0.8
            for r in _S21A_SPOKEN_RUN.finditer(text, cue.end(), window_end):
                parts = []
                pos = r.start()
                for brk in _S21A_BROKEN_OFF.finditer(text, r.start(), r.end()):
                    parts.append((pos, brk.start()))
                    pos = brk.end()
                parts.append((pos, r.end()))
                if len(parts) == 1:
                    continue
                for i, (a, z) in enumerate(parts):
                    if _s21a_digits(text[a:z]) in (15, 16):
                        yield "CARD", a, z, 0.8
                        first = text[parts[i - 1][0]:parts[i - 1][1]].lower() if i > 0 else ""
                        if first and _s21a_digits(first) <= 8 and text[a:z].lower().startswith(first):
                            yield "CARD", parts[i - 1][0], parts[i - 1][1], 0.8  # the false start


def _s21a_bank(text: str, low: str) -> Iterator[Found]:
    if any(w in low for w in ("sort code", "direct debit", "account", "payee")):
        for m in _S21A_SORT_CODE.finditer(text):
            head_end = m.start("account") if m.group("account") else m.end()
            if not _S21A_TENS.search(text, m.start(), head_end):
                continue  # digits read one by one: a phone or a reference, left to their rules
            if m.group("account"):
                if _s21a_digits(m.group("account")) == 8:
                    yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
            elif "account" in low and _S21A_SORT_CUE.search(text, max(0, m.start() - 30), m.start()):
                yield "BANK_ACCOUNT", m.start(), m.end(), 0.8
    if "account" in low or "bank" in low:
        for m in _S21A_ACCOUNT_DIGITS.finditer(text):
            if _S21A_BANK_CONTEXT.search(text) and not _ID_OWNER_NOT.search(text, max(0, m.start() - 30), m.start()):
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.8


def _s21a_addresses(text: str, low: str) -> Iterator[Found]:
    found: list[tuple[int, int]] = []
    if any(w in low for w in ("post", "address", "zip")):
        for m in _S21A_UK_POSTCODE.finditer(text):
            if _S21A_POSTCODE_CONTEXT.search(text, max(0, m.start() - 250), m.start()):
                found.append((m.start(), m.end()))
        for m in _S21A_CA_POSTCODE.finditer(text):
            if _S21A_POSTCODE_CONTEXT.search(text, max(0, m.start() - 250), m.start()):
                start = m.start()
                town = _S21A_TOWN_BEFORE.search(text, max(0, m.start() - 45), m.start())
                if town is not None:
                    words = town.group(1).split()
                    while words and not all(_s20_name_word(w) for w in words):
                        words = words[1:]
                    start = m.start() - len(town.group()) + len(town.group(1)) - len(" ".join(words)) if words else start
                found.append((start, m.end()))
    if "eircode" in low:
        for cue in re.finditer(r"(?i:\beircode\b)", text):
            line_end = text.find("\n", cue.end())
            if line_end < 0:
                continue
            answer_end = text.find("\n", line_end + 1)
            answer_end = len(text) if answer_end < 0 else answer_end
            label = re.match(r"\n[^\n:]{1,20}:", text[line_end:answer_end])
            if label is None:
                continue
            for m in _S21A_EIRCODE.finditer(text, line_end + label.end(), answer_end):
                chars = sum(2 if len(w) > 1 and w not in _SPOKEN_VALUES else 1 for w in m.group().lower().replace(",", " ").split())
                if 6 <= chars <= 7 and any(c.isalpha() and len(c) == 1 for c in m.group().lower().replace(",", " ").split()[1:]):
                    found.append((m.start(), m.end()))
    for a, b in found:
        yield "ADDRESS", a, b, 0.8
        value = text[a:b].lower()
        # a first attempt broken off: "n w ten uh n w ten, four, r…"
        before = re.search(r"(?<![\w'’-])([a-z](?:[ \t,]{1,2}[a-z0-9]{1,6}){1,4})[ \t,]{1,2}(?:uh|um|er|erm|sorry)[ \t,]{1,2}$",
                           text[max(0, a - 40):a], re.IGNORECASE)
        if before and value.startswith(before.group(1).lower()):
            yield "ADDRESS", max(0, a - 40) + before.start(1), max(0, a - 40) + before.end(1), 0.8


def _s21a_ids(text: str, low: str) -> Iterator[Found]:
    if "hkid" in low or "hong kong id" in low:
        for m in _S21A_HKID.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "nric" in low or "fin" in low:
        for m in _S21A_NRIC.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "pan" in low:
        for m in _S21A_PAN.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "GHA-" in text:
        for m in _S21A_GHANA_CARD.finditer(text):
            yield "NATIONAL_ID", m.start(), m.end(), 0.85
    if "nhs" in low:
        for m in _S21A_NHS.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "ID" in text and _S21A_ID_ASKED.search(text):
        for m in _S21A_ID.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.8


def _s21a_dobs(text: str, low: str) -> Iterator[Found]:
    if not any(w in low for w in ("birth", "dob", "d.o.b")):
        return
    for cue in _S21A_DOB_CUE.finditer(text):
        line_end = text.find("\n", cue.end())
        end = len(text) if line_end < 0 else line_end
        if line_end >= 0:  # the answer line of a chat log
            nxt = text.find("\n", line_end + 1)
            end = len(text) if nxt < 0 else nxt
        end = min(end, cue.end() + 160)
        for m in _S21A_DATE.finditer(text, cue.end(), end):
            if not _S21A_NOT_DOB_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                yield "DOB", m.start(), m.end(), 0.8


def _s21a_names(text: str, low: str) -> Iterator[Found]:
    found: list[tuple[int, int]] = []
    if " and m" in low or " & m" in low:
        for m in _S21A_MR_AND_MRS.finditer(text):
            if _s20_name_word(m.group(1)):
                found.append((m.start(1), m.end(1)))
    if any(k in low for k in ("mum", "mom", "mam", "mother", "father", "dad", "son", "daughter", "wife", "husband",
                              "partner", "brother", "sister", "gran", "nan", "aunt", "uncle", "nephew", "niece", "cousin")):
        for m in _S21A_KIN_NAME.finditer(text):
            run = _s20_name_run(text, m.end(), 3)
            if run and text[run[0]:run[1]].islower() and _S21A_NAME_END.match(text, run[1]):
                words = text[run[0]:run[1]].split()
                if len(words) >= 2 or words[0] in FIRST_NAMES:
                    found.append(run)
    if "called" in low or "named" in low:
        for m in _S21A_CALLED.finditer(text):
            run = _s20_name_run(text, m.end(), 2)
            if run and text[run[0]:run[1]].islower() and _S21A_NAME_END.match(text, run[1]) is None:
                run = (run[0], run[0] + len(text[run[0]:run[1]].split()[0]))
            if run and text[run[0]:run[1]].islower():
                found.append(run)
    if "this is" in low:
        opening = _S21A_FIRST_LINE_THIS_IS.match(text)
        if opening:
            run = _s20_name_run(text, opening.end(), 2)
            if run and _S21A_AGENT_END.match(text, run[1]):
                found.append(run)
    if "my name is" in low:
        for m in _S21A_MY_NAME_IS.finditer(text):
            run = _s20_name_run(text, m.end(), 3)
            if run and text[run[0]:run[1]].islower() and _S21A_LINE_END.match(text, run[1]):
                found.append(run)
    if any(w in low for w in ("patient ", "tenant ", "client ", "resident ", "member ", "student ", "pupil ", "claimant ")):
        for m in _S21A_ROLE_NAME.finditer(text):
            if all(w.lower() not in NOT_NAMES and w.lower() not in PLACE_WORDS for w in m.group(1).split()):
                found.append((m.start(1), m.end(1)))
    for a, b in found:
        yield "PERSON", a, b, 0.8


# session 21a, second group:
# - PHONE: a Singapore mobile after "hp"/"handphone" ("my hp 9123 4567"); an extension said after a number read out
#   (", extension three one": inside the PHONE span, as the convention says).
# - ADDRESS: a "House (No.) N, …, Town" layout (Pakistan, Ghana, Bangladesh: "House 14, Street 9, F-7/2, Islamabad"),
#   two to four comma-separated parts, the last a capitalised town; a Ghana digital (GPS) address after its name
#   ("GA-415-2271").
# - PASSPORT / NATIONAL_ID: a letter and six or more digits read out in the answer to a passport or a driving
#   licence question ("passport numbers\nCaller: fathers is b, zero two, four four…").
# - DOB: a month's short name, an ordinal and a year said ("feb twenty fourth two thousand eight") after a
#   date-of-birth cue.
_S21A_HP = re.compile(r"(?i:\b(?:hp|h/p|handphone)\b)(?:[ \t](?:no\.?|number|is))?[ \t:]{1,3}((?:\+65[ \t]?)?[689]\d{3}[ \t-]?\d{4})(?![\w-]|[.,]\d)")
_S21A_EXTENSION = re.compile(rf"(?i:,?[ \t](?:extension|ext|extn)[ \t](?:{_S21A_DIGIT}|\d)(?:[ \t](?:{_S21A_DIGIT}|\d)){{0,4}})(?![\w'’-])")
_S21A_HOUSE = re.compile(r"(?<![\w-])House(?:[ \t]No\.?)?[ \t]\d{1,5}[A-Za-z]?,[ \t]"
                         r"(?:[\w/.'’-]{1,25}(?:[ \t][\w/.'’-]{1,25}){0,3},[ \t]){1,3}[A-Z][a-z]{2,25}(?![\w-])")
_S21A_GPS = re.compile(r"(?i:\b(?:gps|digital)[ \t]address\b)[^\n\d]{0,15}?(?<![\w-])([A-Z]{2}-\d{3,4}-\d{4})(?![\w-])")
_S21A_DOC_QUESTION = re.compile(r"(?i:\b(?:passport|driv\w{0,4}[ \t]licen[cs]e|licen[cs]e)[ \t]?(?:number|no)s?\b[^\n]{0,40}\n"
                                r"[^\n:]{1,20}:[ \t]*(?:(?:its|it's|yeah|yes|sure|ok|um|uh)[ \t,]+){0,2}"
                                r"(?:[a-z]{2,12}(?:['’]?s)?[ \t](?:is|one)[ \t])?)")
_S21A_DOC_SPOKEN = re.compile(rf"(?i:[a-z](?:,?[ \t]{_S21A_DIGITS}){{1,2}}(?:,?[ \t]{_S21A_DIGITS}){{5,16}})(?![\w'’-]|,?[ \t]{_S21A_DIGIT})")
_S21A_SHORT_MONTH_DOB = re.compile(
    rf"(?<![\w'’-])(?i:(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?[ \t](?:the[ \t])?(?:{_ORDINALS}),?[ \t]{_S20_YEAR})(?![\w'’-])")


def _s21a_more(text: str, low: str) -> Iterator[Found]:
    if "hp" in low or "handphone" in low:
        for m in _S21A_HP.finditer(text):
            yield "PHONE", m.start(1), m.end(1), 0.8
    if "ext" in low:
        for m in SPOKEN_NUMBER.finditer(text):
            ext = _S21A_EXTENSION.match(text, m.end())
            if ext:
                yield "PHONE", m.start(), ext.end(), 0.8
    if "House " in text:
        for m in _S21A_HOUSE.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.8
    if "address" in low:
        for m in _S21A_GPS.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.8
    if "passport" in low or "licen" in low:
        for q in _S21A_DOC_QUESTION.finditer(text):
            kind = "PASSPORT" if "passport" in q.group().lower() else "NATIONAL_ID"
            line_end = text.find("\n", q.end())
            doc = _S21A_DOC_SPOKEN.match(text, q.end(), len(text) if line_end < 0 else line_end)
            if doc and _s20_digit_count(doc.group()) >= 6:
                yield kind, doc.start(), doc.end(), 0.9
    if "birth" in low or "dob" in low:
        for cue in _S21A_DOB_CUE.finditer(text):
            for m in _S21A_SHORT_MONTH_DOB.finditer(text, cue.end(), min(len(text), cue.end() + 160)):
                yield "DOB", m.start(), m.end(), 0.8


# session 21a, third group:
# - SSN: a US social security number said with pairs ("three one seven, sixty two, four four oh eight": nine digits,
#   "sixty two" two of them) in the answer to a social security question, and a first attempt broken off before it.
# - NATIONAL_ID: a National Insurance number whose letters are said "as in" a word ("s as in sugar, h, seven three…").
# - ADDRESS: a room in a hall of residence ("Room 14C, Harcourt Hall, Elm Road").
_S21A_TENS_WORDS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_S21A_TEEN_WORDS = frozenset("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())
_S21A_UNIT_WORDS = frozenset("one two three four five six seven eight nine".split())
_S21A_SSN_QUESTION = re.compile(r"(?i:\bsocial[ \t]security(?:[ \t]number)?\b[^\n]{0,40}\n[^\n:]{1,20}:[ \t]*"
                                r"(?:(?:its|it's|yeah|yes|sure|um|uh)[ \t,]+){0,2})")
_S21A_PAIRED_RUN = re.compile(rf"(?i:(?:{_S21A_DIGITS}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \t-](?:one|two|"
                              rf"three|four|five|six|seven|eight|nine))?(?![\w'’])|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|"
                              rf"sixteen|seventeen|eighteen|nineteen)(?![\w'’]))(?:,?[ \t](?:{_S21A_DIGITS}|(?:twenty|thirty|forty|"
                              rf"fifty|sixty|seventy|eighty|ninety)(?:[ \t-](?:one|two|three|four|five|six|seven|eight|nine))?"
                              rf"(?![\w'’])|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
                              rf"(?![\w'’]))){{1,14}})")
_S21A_AS_IN = r"(?:[ \t](?:as[ \t]in|for)[ \t][a-z]{2,12})?"
_S21A_SPOKEN_NI = re.compile(rf"(?<![\w'’-])(?i:([a-z]){_S21A_AS_IN},?[ \t]([a-z]){_S21A_AS_IN}((?:,?[ \t]{_S21A_DIGITS}){{3,6}}),?"
                             rf"[ \t]([a-d]){_S21A_AS_IN})(?![\w'’-])")
_S21A_ROOM = re.compile(r"(?<![\w-])Room[ \t]\d{1,4}[A-Za-z]?,[ \t](?:[A-Z][\w'’-]{1,25}[ \t]){1,2}(?:Hall|House|Court|Halls|Building)"
                        r",[ \t](?:[A-Z][\w'’-]{1,25}[ \t]){1,2}(?:Road|Street|Lane|Avenue|Drive|Way|Place|Close|Crescent)\b")


# - PERSON: a caller's name after a greeting in another language and "its" ("kia ora kiri its hemi walker i had…").
# - ADDRESS: a first line said in words and its town that "thats", "that's" or "i think" ends ("eleven banksia drive,
#   mount gravatt thats all i got").
_S21A_GREETING_ITS = re.compile(r"(?i:\b(?:kia[ \t]ora|talofa|bula|salaam|salam|namaste|howdy|g['’]?day|good[ \t](?:morning|"
                                r"afternoon|evening)|hiya|hello|hi|hey)\b[^\n]{0,30}?\bit['’]?s[ \t])(?=[a-z])")
_S21A_AFTER_GREETING_NAME = re.compile(r"[ \t](?:i|i['’]m|im|i['’]ve|ive|calling|ringing|here|again|from)\b")
_S21A_TOWN_AFTER = re.compile(_S20_TOWN_AFTER.pattern.replace("is[ \\t]that|", "is[ \\t]that|that['’]?s|thats|i[ \\t]think|"))


# - PERSON: a name opened by "Md."/"Mohd." (Muhammad's short forms: "I am Md. Rafiqul Islam from…").
# - DOB: a day, a month and a year said with commas between ("one, seven, seventy three") in the answer to a
#   date-of-birth question.
# - ADDRESS: the whole answer to an address question when it is a house number said in words, a comma and one to
#   three comma-separated groups of one to three words ("twenty two, the spinney, great barton").
_S21A_MD = re.compile(r"(?<![\w.])(?:Md|Mohd|Muhd|Mohd)\.?[ \t]([A-Z][a-z'’-]{1,25}(?:[ \t][A-Z][a-z'’-]{1,25}){0,2})(?![\w'’-])")
_S21A_COMMA_DATE = re.compile(rf"(?<![\w'’-])(?i:{_S20_NUM_DAY},[ \t]{_S20_NUM_MONTH},?[ \t]{_S20_YEAR}"
                              rf"|{_S20_NUM_DAY},?[ \t]{_S20_NUM_MONTH},[ \t]{_S20_YEAR})(?![\w'’-]|,?[ \t]{_S20_DIGIT})")
_S21A_ADDRESS_QUESTION = re.compile(r"(?i:\baddress\b[^\n]{0,40}\n[^\n:]{1,20}:[ \t]*(?:(?:its|it's|yeah|yes|sure|um|uh)[ \t,]+){0,2})")
_S21A_ANSWER_ADDRESS = re.compile(rf"(?i:{_S20_WORD_HEAD},[ \t](?:[a-z'’]{{2,20}}(?:[ \t][a-z'’]{{2,20}}){{0,2}})"
                                  rf"(?:,[ \t][a-z'’]{{2,20}}(?:[ \t][a-z'’]{{2,20}}){{0,2}}){{1,2}})[ \t]*(?=\r?\n|$)")


def _s21a_paired_digits(value: str) -> int:
    words = value.lower().replace(",", " ").replace("-", " ").split()
    n, mult, i = 0, 1, 0
    while i < len(words):
        w = words[i]
        if w in ("double", "triple"):
            mult = 2 if w == "double" else 3
        elif w in _S21A_TENS_WORDS:
            n += 2
            if i + 1 < len(words) and words[i + 1] in _S21A_UNIT_WORDS:
                i += 1
        elif w in _S21A_TEEN_WORDS:
            n += 2
        else:
            n += mult
            mult = 1
        i += 1
    return n


def _s21a_third(text: str, low: str) -> Iterator[Found]:
    if "social security" in low:
        for q in _S21A_SSN_QUESTION.finditer(text):
            line_end = text.find("\n", q.end())
            end = len(text) if line_end < 0 else line_end
            runs = list(_S21A_PAIRED_RUN.finditer(text, q.end(), end))
            for i, r in enumerate(runs):
                if _s21a_paired_digits(r.group()) == 9 and any(w in _S21A_TENS_WORDS | _S21A_TEEN_WORDS
                                                               for w in r.group().lower().replace(",", " ").split()):
                    yield "SSN", r.start(), r.end(), 0.85
                    if i > 0 and r.group().lower().startswith(runs[i - 1].group().lower()):
                        yield "SSN", runs[i - 1].start(), runs[i - 1].end(), 0.8  # the first attempt
    if "insurance" in low and " as in " in low:
        for m in _S21A_SPOKEN_NI.finditer(text):
            prefix = (m.group(1) + m.group(2)).upper()
            if (_s20_digit_count(m.group(3)) == 6 and prefix[0] not in "DFIQUV" and prefix[1] not in "DFIQUVO"
                    and prefix not in _NINO_BAD_PREFIX and "as in" in m.group().lower()
                    and _S20_NI_CUE.search(text, max(0, m.start() - 300), m.start())):
                yield "NATIONAL_ID", m.start(), m.end(), 0.9  # above the spelled name its letters look like
    if "Room " in text:
        for m in _S21A_ROOM.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.8
    if "it" in low:
        for m in _S21A_GREETING_ITS.finditer(text):
            run = _s20_name_run(text, m.end(), 3)
            if run and len(text[run[0]:run[1]].split()) >= 2 and text[run[0]:run[1]].islower() \
                    and _S21A_AFTER_GREETING_NAME.match(text, run[1]):
                yield "PERSON", run[0], run[1], 0.8
    if "Md" in text or "Mohd" in text or "Muhd" in text:
        for m in _S21A_MD.finditer(text):
            if all(w.lower() not in NOT_NAMES for w in m.group(1).split()):
                yield "PERSON", m.start(), m.end(), 0.8
    if "birth" in low or "dob" in low:
        for cue in _S21A_DOB_CUE.finditer(text):
            for m in _S21A_COMMA_DATE.finditer(text, cue.end(), min(len(text), cue.end() + 120)):
                yield "DOB", m.start(), m.end(), 0.8
    if "address" in low:
        for q in _S21A_ADDRESS_QUESTION.finditer(text):
            answer = _S21A_ANSWER_ADDRESS.match(text, q.end())
            if answer and not any((w.strip(",") in _S20_NOT_ADDRESS_WORDS or w.strip(",") in _S20_STOP) and w != "the"
                                  for w in answer.group().lower().split()[1:]):
                yield "ADDRESS", answer.start(), answer.end(), 0.8
    if "that" in low or "think" in low:
        for m in _S21A_TOWN_AFTER.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.8


def find_session21a(text: str) -> Iterator[Found]:
    """Session 21a's rules (see the block's comment)."""
    low = text.lower()
    yield from _s21a_cards(text, low)
    yield from _s21a_bank(text, low)
    yield from _s21a_addresses(text, low)
    if _DIGIT.search(text):
        yield from _s21a_ids(text, low)
        yield from _s21a_dobs(text, low)
    yield from _s21a_names(text, low)
    yield from _s21a_more(text, low)
    yield from _s21a_third(text, low)


# ---- session 17, fixer pii21fc (blind21c: European forms, chats and letters) ----------------------------------------
# - the speakers of a chat log without time stamps ("Ana: hola…\nVous : oui…\nAna: ok"): three labelled lines or more,
#   two speakers or more, alternating, one speaking twice at least; a label that is a known first name, or any label
#   beside the writer's or a seller's ("Vous", "Ich", "Jag", "Säljare") or a known first name, is masked wherever it
#   opens a line (a space before the colon allowed) — never a role, a party or a staff word ("Agent", "Patient",
#   "Medewerker" beside "Klant": a transcript's roles);
# - a date of birth after an abbreviated or a Portuguese cue ("Fecha nac.: …", "F. nac. …", "nascida a …") or before
#   "geboren"/"born" ("ist am 3.4.2019 geboren"), and the first name the sentence opens with there ("Mila ist am …");
# - a surname after an Italian title written in lower case ("prof.ssa X", "dott.ssa X", "sig.ra X"), a name after a
#   Polish "Pani"/"Panie"/"Pana"/"Panu" (no post: "Pani Dziekan"), a first name after "Pozdrawiam," ending the message;
# - a Portuguese SNS user number after "utente"/"SNS", a French NIR after "n° SS", a passport number of three letters
#   and six digits right after "passport" ("passport AAF482107");
# - a postcode and town after a form's postcode field ("PLZ / Ort: 10961 Berlin", "Code postal, ville : 69003 Lyon").
_S21C_LABEL_LINE = re.compile(r"(?m:^[ \t]{0,4}([A-ZÀ-Þ][^\W\d_]{1,20}|[a-zà-ÿ]{2,10})[ \t]?:(?=[ \t]))")
_S21C_NOT_SPEAKERS = frozenset("""agent agente agentin client cliente kunde klant kund customer caller vous moi toi ich du
ik jij io tu eu você yo jag me you säljare köpare verkoper koper vendeur vendeuse acheteur acheteuse vendedor vendedora
comprador compradora verkäufer verkäuferin käufer käuferin venditore venditrice acquirente seller buyer loja tienda shop
store boutique winkel negozio laden support soporte suporte operator operador operadora bot system sistema admin
speaker sprecher note nota edit update ps re fw fwd subject objet asunto betreff onderwerp assunto oggetto""".split())
# the other party of a chat export or a marketplace chat: the writer ("Vous", "Ich", "Jag") or a seller, a buyer
_S21C_CHAT_PARTIES = frozenset("""vous moi ich ik io eu yo jag me du jij tu säljare köpare verkoper koper vendeur
vendeuse acheteur acheteuse vendedor vendedora comprador compradora verkäufer verkäuferin käufer käuferin venditore
venditrice acquirente seller buyer""".split())
_S21C_DOB_CUE = re.compile(
    rf"(?i:\b(?:fecha[ \t](?:de[ \t])?nac\.|f\.[ \t]?nac\.|data[ \t](?:de[ \t])?nasc\.|nascid[oa][ \t]a|nacid[oa][ \t]a)"
    rf"[ \t]{{0,3}}:?[ \t]{{0,3}}({_DATE}))")
_S21C_DOB_BEFORE_BORN = re.compile(
    rf"(?i:(?:\b([A-ZÀ-Þ][a-zà-ÿ]{{1,20}})[ \t](?:ist|wurde|is|was|est|è|é|foi|fue|werd|är)[ \t])?"
    rf"\b(?:am|on|le|il|em|el|op|den)[ \t]{{1,2}}({_DATE})[ \t]{{1,3}}(?:geboren|born|né|née|nato|nata|nascid[oa]|"
    rf"nacid[oa]|född))\b")
_S21C_LOWER_TITLE = re.compile(r"(?<![\w.])(?:prof\.ssa|dott\.ssa|sig\.ra|sig\.na|avv\.)[ \t]{1,2}"
                               r"([A-ZÀ-Þ][^\W\d_]{1,30}(?:['’-][A-ZÀ-Þ][^\W\d_]{1,30})?)(?![\w'’-])")
_S21C_PANI = re.compile(r"(?<![\w'’-])(?:Pani|Panie|Pana|Panu)[ \t]{1,2}([A-ZÀ-Þ][a-ząćęłńóśźż]{2,30}"
                        r"(?:[ \t][A-ZÀ-Þ][a-ząćęłńóśźż]{2,30})?)(?![\w'’-])")
_S21C_PANI_NOT = frozenset("""dziekan dziekanie rektor rektorze doktor doktorze profesor profesorze dyrektor dyrektorze
kierownik kierowniku prezes prezesie mecenas magister inżynier sędzia sędzio""".split())
_S21C_POZDRAWIAM = re.compile(r"(?i:\b(?:pozdrawiam|z[ \t]poważaniem|pozdrowienia))[ \t]{0,2}[,\n][ \t\n]{0,3}"
                              r"([A-ZÀ-Þ][a-ząćęłńóśźż]{2,20})[ \t.!]*$")
_S21C_SNS = re.compile(r"(?i:\butente(?:[ \t]sns)?|\bsns\b)[^\d\n]{0,12}(?<![\d])(\d{3}[ \t]?\d{3}[ \t]?\d{3})(?![\w-])")
_S21C_NIR_SS = re.compile(r"(?:\b[Nn][°º]|\b(?i:num[ée]ro))[ \t]?(?:de[ \t])?SS\b[ \t:]{0,3}"
                          r"([12][ \t]?\d{2}[ \t]?\d{2}[ \t]?(?:\d{2}|2[AB])[ \t]?\d{3}[ \t]?\d{3}(?:[ \t]?\d{2})?)(?![\w-])")


_S21C_PASSPORT = re.compile(r"(?i:\b(?:passport|pasaporte|passeport|reisepass|passaporto|passaporte|paspoort)"
                            r"(?:[ \t](?:no|number|nº|n°|nr)\.?)?[ \t:]{0,3}(?:is[ \t])?)([A-Z]{3}\d{6})(?![\w-])")
_S21C_POSTCODE_FIELD = re.compile(
    r"(?i:\b(?:plz|postleitzahl|code[ \t]postal|c\.?p\.?|cap|postcode|postnummer|c[óo]digo[ \t]postal)"
    r"(?:[ \t]?(?:/|,|und|en|et|y|e|och|&)[ \t]?(?:wohnort|ort|stadt|ville|localit[ée]|localidad|ciudad|citt[àa]|"
    r"plaats|woonplaats|cidade|localidade|postort))?[ \t]?:[ \t]{0,3})"
    r"(\d{4,5}(?:[ \t]?[A-Z]{2})?[ \t][A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,25})?)")


def _s21c_speakers(text: str) -> Iterator[Found]:
    labels = [(m.group(1), m.start(1), m.end(1)) for m in _S21C_LABEL_LINE.finditer(text)]
    if len(labels) < 3:
        return
    speakers = {label for label, _, _ in labels}
    if len(speakers) < 2 or len(speakers) == len(labels) or any(
            a[0] == b[0] for a, b in zip(labels, labels[1:], strict=False)):
        return  # not a dialogue: one speaker, no one speaking twice (a form's fields), a speaker twice in a row
    lows = {label.lower() for label in speakers}
    if not lows & (_S21C_CHAT_PARTIES | FIRST_NAMES):
        return  # a transcript's roles ("Agent:", "Patient:", "Mitarbeiter:"): a name only beside "me", a seller or a name
    for label, start, end in labels:
        low = label.lower()
        if label[:1].isupper() and low not in _S21C_NOT_SPEAKERS and low not in NOT_NAMES and \
                low not in _STAFF_LABELS and (low in FIRST_NAMES or lows - {low} & (_S21C_CHAT_PARTIES | FIRST_NAMES)):
            yield "PERSON", start, end, 0.8


def find_session21c(text: str) -> Iterator[Found]:
    if "\n" in text and ":" in text:
        yield from _s21c_speakers(text)
    low = text.lower()
    if "nac" in low or "nasc" in low:
        for m in _S21C_DOB_CUE.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.9
    if any(w in low for w in ("geboren", "born", "né", "nato", "nata", "nascid", "nacid", "född")):
        for m in _S21C_DOB_BEFORE_BORN.finditer(text):
            yield "DOB", m.start(2), m.end(2), 0.9
            if m.group(1) and m.group(1).lower() not in NOT_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.8
    if ".ss" in low or "sig." in low or "avv." in low:
        for m in _S21C_LOWER_TITLE.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.85
    if "Pan" in text:
        for m in _S21C_PANI.finditer(text):
            if not any(w.lower() in _S21C_PANI_NOT for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.85
    if "pozdr" in low or "poważ" in low:
        for m in _S21C_POZDRAWIAM.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.85
    if "utente" in low or "sns" in low:
        for m in _S21C_SNS.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.9
    if "SS" in text:
        for m in _S21C_NIR_SS.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.9
    if "pass" in low or "pasap" in low or "paspo" in low:
        for m in _S21C_PASSPORT.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.9
    if ":" in text and any(w in low for w in ("plz", "postleitzahl", "postal", "c.p", "cp", "cap", "postcode",
                                               "postnummer")):
        for m in _S21C_POSTCODE_FIELD.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.85


# ---- session 18, fixer pii22fa (session 22a: blind22/blind22b, voice and chat transcripts) ---------------------------
# - an e-mail address read out whose local part is several words, spelled letters, numbers or spoken joins
#   ("C: luzmarina c at yahoo dot com", "its m underscore kowalczyk eighty seven at gmail dot com", "c'est t r a o r e
#   point moussa arobase orange point f r", "fer guion bajo olvera arroba hotmail punto com") and whose domain may be
#   two or three words ("kyc at meridian trust dot co dot uk"): the local part runs back from the spoken "at" to a
#   speaker's label, the line's start or a cue ("its", "c'est", "to", "is"…); more than one plain word only then;
# - a number read out after its cue on the same line ("my ssn is five two three, forty one…", "mi número de cuenta es
#   el e s siete seis, cero cero…") or as the answer on the next line to an agent asking for it ("su dni o nie\nCliente:
#   el nie equis siete siete uno…", "whats the card number\nCaller: two nine four eight, one one seven three…"):
#   letters, letter names, digits and two-digit numbers ("cuarenta y dos", "soixante-quinze", "forty one"); at least
#   four digits; the kind follows the cue (IBAN, NATIONAL_ID, PASSPORT, SSN, PHONE, IP_ADDRESS after a sign-in's words).
_S22A_AT = re.compile(r"(?i)[ \t](?:at|arroba|arobase|chiocciola)[ \t]+((?:[a-z0-9-]{1,30}[ \t]){0,2}[a-z0-9-]{1,30}"
                      r"(?:[ \t](?:dot|punto|point|punkt)[ \t](?:[a-z]{2,10}|[a-z][ \t][a-z])(?![\w'’-])){1,3})")
_S22A_TLDS = frozenset("""com net org co uk fr de es it nl au nz ie ca law io info edu gov mx br pt be ch at pl in za us
me biz ar cl pe se dk no fi eu""".split())
_S22A_LOCAL_JOINS = frozenset("dot point punto punkt underscore guion guión bajo hyphen dash tiret bas".split())
_S22A_LOCAL_STOPS = frozenset("""its it's it’s is es c'est c’est est ist to at email e-mail mail correo courriel yeah yes
sí si oui ja é me address sent the el le la my mi mon ma meine mein of de para pour an it we you they he she them
him her us this that there here home work bought buy order ordered shop shopped purchased login logged signed""".split())
_S22A_NUMBER_WORDS = frozenset("""zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred""".split())


def _s22a_local_start(text: str, at: int) -> int | None:
    """Where a spoken address's local part starts, reading back from the spoken "at" (None: no local part)."""
    line_start = text.rfind("\n", 0, at) + 1
    tokens = list(re.finditer(r"\S+", text[line_start:at]))
    start, words, stopped = None, 0, False
    for tok in reversed(tokens[-30:]):
        word = tok.group().lower()
        if word.endswith(":") or word in _S22A_LOCAL_STOPS or word.rstrip(",.") != word:
            stopped = True
            break
        if len(word) == 1 and word.isalnum() or word in _S22A_NUMBER_WORDS or word in _S22A_LOCAL_JOINS \
                or word.isdigit():
            start = line_start + tok.start()
            continue
        if not re.fullmatch(r"[^\W\d_]{2,20}\d{0,4}", word) or word in NOT_NAMES and words or words == 2:
            break  # a plain word before the local part: only its last word is read as it
        words += 1
        start = line_start + tok.start()
    else:
        stopped = len(tokens) <= 30
    if start is None:
        return None
    local = text[start:at].lower().split()
    while local and local[0] in _S22A_LOCAL_JOINS:
        start = text.index(" ", start) + 1
        local.pop(0)
    if not local or local[-1] in _S22A_LOCAL_JOINS or words > 1 and not stopped:
        return None
    return start


def _s22a_emails(text: str) -> Iterator[Found]:
    for m in _S22A_AT.finditer(text):
        tld = re.split(r"[ \t](?:dot|punto|point|punkt)[ \t]", m.group(1).lower())[-1].replace(" ", "")
        if tld not in _S22A_TLDS:
            continue
        start = _s22a_local_start(text, m.start())
        if start is not None:
            yield "EMAIL", start, m.end(), 0.85


_S22A_D2 = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \t-](?:one|two|three|four|five|six|seven|"
            r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
            r"(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?:[ \t]y[ \t](?:uno|dos|tres|cuatro|cinco|"
            r"seis|siete|ocho|nueve))?|veinti(?:uno|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)|veinte|"
            r"diez|once|doce|trece|catorce|quince|dieci(?:séis|seis|siete|ocho|nueve)|"
            r"(?:quatre-vingts?|soixante)(?:-dix-sept|-dix-huit|-dix-neuf|-dix|-onze|-douze|-treize|-quatorze|-quinze|"
            r"-seize|[ \t-]et[ \t-](?:un|onze)|-(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf))?|"
            r"(?:vingt|trente|quarante|cinquante)(?:[ \t-]et[ \t-]un|-(?:deux|trois|quatre|cinq|six|sept|huit|neuf))?|"
            r"dix(?:-sept|-huit|-neuf)?|onze|douze|treize|quatorze|quinze|seize|"
            r"(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|"
            r"siebzig|achtzig|neunzig)|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|"
            r"undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|ventuno|ventidue|"
            r"ventitré|ventitre|ventiquattro|venticinque|ventisei|ventisette|ventotto|ventinove|venti|trentuno|trenta)")
_S22A_LETTER_NAMES = (r"(?:be|ce|che|efe|ge|hache|jota|ka|ele|eme|ene|eñe|pe|cu|erre|ere|ese|te|uve|ve|equis|zeta|"
                      r"ye|doble[ \t]uve)")
_S22A_TOKEN = rf"(?>{_S22A_D2}|{_DIGIT_WORDS}|{_S22A_LETTER_NAMES}|\d{{1,4}}|[a-z])(?![\w'’-])"
_S22A_VALUE = re.compile(rf"(?i)(?<![\w'’-]){_S22A_TOKEN}(?:(?:,?[ \t]{{1,2}}|[ \t]?-[ \t]?|[ \t](?:dot|punto|point)"
                         rf"[ \t]){_S22A_TOKEN}){{3,40}}")
_S22A_D2_ONLY = re.compile(rf"(?i)(?>{_S22A_D2})")
_S22A_CUE = re.compile(
    r"(?i)\b(?:(iban)|(n[úu]mero[ \t]de[ \t]cuenta|account[ \t]number|kontonummer|num[ée]ro[ \t]de[ \t]compte)|"
    r"(dni|nie|nif|pan[ \t]number|versichertennummer|versicherungsnummer|nhi[ \t]number|medicare|tarjeta[ \t]sanitaria|"
    r"national[ \t]insurance|id[ \t]number|ausweisnummer|personalausweis|n[°º][ \t]de[ \t]s[ée]cu|"
    r"num[ée]ro[ \t]de[ \t]s[ée]curit[ée][ \t]sociale)|"
    r"(passport[ \t]number|n[úu]mero[ \t]de[ \t]pasaporte|passport[ \t]no|reisepassnummer|num[ée]ro[ \t]de[ \t]passeport)|"
    r"(ssn|social[ \t]security[ \t]number)|"
    r"(phone[ \t]number|mobile[ \t]number|registered[ \t]mobile|n[úu]mero[ \t]de[ \t]tel[ée]fono|m[óo]vil|"
    r"telefonnummer|handynummer|num[ée]ro[ \t]de[ \t]t[ée]l[ée]phone|portable)|"
    r"(ip[ \t]address))\b")
_S22A_KINDS = ("IBAN", "ACCOUNT", "NATIONAL_ID", "PASSPORT", "SSN", "PHONE", "IP_ADDRESS")
_S22A_LABEL = re.compile(r"[ \t]{0,4}(?:\[[\d:]{4,8}\][ \t]*)?[^\W\d_]{1,15}(?:[ \t]\([^)\n]{1,20}\))?[ \t]?:[ \t]*")
_S22A_FILLER = re.compile(r"(?i)[ \t:,]*(?:(?:yes|yeah|yep|uh|um|ok|okay|so|its|it's|it’s|it[ \t]is|is|it[ \t]said|sí|si|vale|"
                          r"pues|es|el|la|mi|oui|c'est|c’est|le|ja|also|ist|die|meine|mein|my|the|number|n[úu]mero|"
                          r"nie|dni|est|sure)[ \t,]{1,3}){0,5}")


def _s22a_digits(value: str) -> int:
    digits = 0
    for tok in re.finditer(rf"(?i){_S22A_TOKEN}", value):
        word = tok.group().lower()
        if _S22A_D2_ONLY.fullmatch(word):
            digits += 2
        elif word.isdigit():
            digits += len(word)
        elif word in _SPOKEN_VALUES and (word != "o" or digits):
            digits += 1
    return digits


def _s22a_value_at(text: str, pos: int, kind: str) -> Found | None:
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    filler = _S22A_FILLER.match(text, pos, end)
    m = _S22A_VALUE.match(text, filler.end() if filler else pos, end)
    if m is None:
        return None
    value = m.group()
    if kind == "IP_ADDRESS":
        return ("IP_ADDRESS", m.start(), m.end(), 0.85) if len(re.findall(r"(?i)[ \t](?:dot|punto|point)[ \t]",
                                                                           value)) == 3 else None
    if re.search(r"(?i)[ \t](?:dot|punto|point)[ \t]", value):
        return None
    stop = m.end()
    while True:  # a trailing "y"/"e"/"a" is the next sentence's "and", no check letter
        tail = re.search(r"(?i)[ \t,]+(?:y|e|a|i)$", text[m.start():stop])
        if not tail:
            break
        stop = m.start() + tail.start()
    if _s22a_digits(text[m.start():stop]) < 4 or len(text[m.start():stop].split()) < 4 and kind != "IBAN":
        return None
    if kind == "ACCOUNT":  # a shop's or a utility's account number is a reference: only an IBAN's form after it
        if not re.match(r"(?i)[a-z][ \t][a-z][ \t,]", value) or value[:1].lower() == "o" or _s22a_digits(value) < 12:
            return None
        kind = "IBAN"
    return kind, m.start(), stop, 0.9  # above a spoken run's PHONE (0.85): the kind the cue names wins the merge


def _s22a_numbers(text: str, low: str) -> Iterator[Found]:
    for cue in _S22A_CUE.finditer(text):
        kind = _S22A_KINDS[cue.lastindex - 1] if cue.lastindex else "NATIONAL_ID"
        if kind == "IP_ADDRESS" and not re.search(r"log[ \t-]?in|sign[ \t-]?in|signed[ \t]in|alert",
                                                  low[max(0, cue.start() - 80):cue.end() + 80]):
            continue
        found = _s22a_value_at(text, cue.end(), kind)
        line_end = text.find("\n", cue.end())
        for _ in range(2):  # the next line answers; or the one after, when the next asks for the number again
            if found is not None or line_end < 0:
                break
            label = _S22A_LABEL.match(text, line_end + 1)
            if label:
                found = _s22a_value_at(text, label.end(), kind)
            next_end = text.find("\n", line_end + 1)
            if not re.search(r"(?i)number|n[úu]mero|nummer|num[ée]ro", text[line_end:next_end if next_end > 0 else None]):
                break
            line_end = next_end
        if found is not None:
            yield found


def find_session22a(text: str) -> Iterator[Found]:
    """Session 22a's rules (see the block's comment)."""
    low = text.lower()
    if any(w in low for w in (" at ", " arroba ", " arobase ", " chiocciola ")) and any(
            w in low for w in (" dot ", " punto ", " point ", " punkt ")):
        yield from _s22a_emails(text)
    if any(w in low for w in ("iban", "cuenta", "account", "konto", "compte", "dni", "nie", "nif", "pan ", "versich",
                              "nhi", "medicare", "sanitaria", "insurance", "id number", "ausweis", "sécu", "secu",
                              "passport", "pasaporte", "passeport", "reisepass", "ssn", "social security", "phone",
                              "mobile", "teléfono", "telefono", "móvil", "movil", "telefon", "handy", "téléphone",
                              "portable", "ip address")):
        yield from _s22a_numbers(text, low)


# - a French, Spanish or German number read in pairs, as those phones are ("zéro six, soixante-quinze, trente et un,
#   quatorze, zéro deux"): a run that opens with a spoken zero and holds two two-digit numbers at least, 9-13 digits;
# - a date of birth read out in words after "né le"/"geboren am"/"nata il" or as the answer to a question asking for
#   it ("date de naissance…\nCliente: le douze avril soixante-dix-neuf", "geburtsdatum\nKundin: vierter august
#   neunzehnhundertachtundfünfzig", "date of birth\nCaller: uh one nine eight five, oh six, twenty").
_S22A_NUM_TOKEN = rf"(?>{_S22A_D2}|{_DIGIT_WORDS}|\d{{1,4}})(?![\w'’-])"
_S22A_PAIRS = re.compile(rf"(?i)(?<![\w'’-])(?:zéro|zero|cero|null|nul|oh)(?:(?:,?[ \t]{{1,2}}|[ \t]?-[ \t]?)"
                         rf"{_S22A_NUM_TOKEN}){{3,14}}")
_S22A_ORDINAL = (r"(?:(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?(?:zwanzigst|dreißigst)|erst|zweit|dritt|"
                 r"viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft|dreizehnt|vierzehnt|fünfzehnt|sechzehnt|"
                 r"siebzehnt|achtzehnt|neunzehnt)e[rnm]?")
_S22A_MONTHS = (r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
                r"décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
                r"noviembre|diciembre|januar|jänner|februar|märz|april|juni|juli|august|oktober|dezember|gennaio|"
                r"febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)")
_S22A_YEAR = (rf"(?:\d{{4}}|mille[ \t-]neuf[ \t-]cents?(?:[ \t-](?>{_S22A_D2}|{_DIGIT_WORDS}))?|"
              rf"deux[ \t-]mille(?:[ \t-](?>{_S22A_D2}|{_DIGIT_WORDS}))?|neunzehnhundert[a-zäöüß]{{0,25}}|"
              rf"zweitausend[a-zäöüß]{{0,20}}|mil[ \t]novecientos(?:[ \t](?>{_S22A_D2}|{_DIGIT_WORDS}))?|"
              rf"dos[ \t]mil(?:[ \t](?>{_S22A_D2}|{_DIGIT_WORDS}))?|millenovecento[a-z]{{0,20}}|duemila[a-z]{{0,12}}|"
              rf"{_S22A_D2})")
_S22A_WORD_DATE = re.compile(
    rf"(?i)(?<![\w'’-])(?:(?:le|el|il|am|den|the)[ \t])?((?:premier|1er|primo|(?>{_S22A_D2}|{_DIGIT_WORDS})|{_S22A_ORDINAL}|"
    rf"\d{{1,2}}\.?)(?:[ \t](?:de|di))?[ \t](?:{_S22A_MONTHS}|{_S22A_ORDINAL})(?:[ \t](?:de|del))?[ \t]{_S22A_YEAR})"
    rf"(?![\w'’-])")
_S22A_BORN = re.compile(r"(?i)\b(?:née?|nata|nato|nacid[oa]|geboren|geb\.)[ \t]")
_S22A_DOB_QUESTION = re.compile(r"(?i)\b(?:date[ \t]de[ \t]naissance|geburtsdatum|fecha[ \t]de[ \t]nacimiento|"
                                r"data[ \t]di[ \t]nascita|date[ \t]of[ \t]birth|dob)\b")
_S22A_YMD = re.compile(rf"(?i)(?<![\w'’-])(?:{_S22A_NUM_TOKEN}[ \t]){{3}}{_S22A_NUM_TOKEN},?[ \t]{_S22A_NUM_TOKEN}"
                       rf"(?:[ \t]{_S22A_NUM_TOKEN})?,?[ \t]{_S22A_NUM_TOKEN}(?:[ \t]{_S22A_NUM_TOKEN})?(?![\w'’-])")
_S22A_DOB_FILLER = re.compile(r"(?i)[ \t:,]*(?:(?:uh|um|yes|yeah|it's|its|it[ \t]is|sí|si|oui|c'est|c’est|ja|also|es|"
                              r"ist|é|è)[ \t,]{1,3}){0,3}")


def _s22a_pairs(text: str) -> Iterator[Found]:
    for m in _S22A_PAIRS.finditer(text):
        value = m.group()
        if len(_S22A_D2_ONLY.findall(value)) >= 2 and 9 <= _s22a_digits(value) <= 13 and not \
                _CODE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            yield "PHONE", m.start(), m.end(), 0.85


def _s22a_dobs(text: str) -> Iterator[Found]:
    for cue in _S22A_BORN.finditer(text):
        m = _S22A_WORD_DATE.match(text, cue.end())
        if m:
            yield "DOB", m.start(1), m.end(1), 0.85
    for cue in _S22A_DOB_QUESTION.finditer(text):
        starts = [cue.end()]
        line_end = text.find("\n", cue.end())
        if line_end >= 0:
            label = _S22A_LABEL.match(text, line_end + 1)
            if label:
                starts.append(label.end())
        for pos in starts:
            filler = _S22A_DOB_FILLER.match(text, pos)
            pos = filler.end() if filler else pos
            m = _S22A_WORD_DATE.match(text, pos)
            if m is None and pos > cue.end():
                m = _S22A_YMD.match(text, pos)
                if m and not 6 <= _s22a_digits(m.group()) <= 8:
                    m = None
            if m:
                yield "DOB", m.start(m.lastindex or 0), m.end(m.lastindex or 0), 0.85
                break


def find_session22a_more(text: str) -> Iterator[Found]:
    """Session 22a's second rules (see the comment above)."""
    low = text.lower()
    if any(w in low for w in ("zéro", "zero", "cero", "null", "nul", "oh ")):
        yield from _s22a_pairs(text)
    if any(w in low for w in ("né", "nata", "nato", "nacid", "geb", "naissance", "nacimiento", "nascita", "birth",
                              "dob")):
        yield from _s22a_dobs(text)


# - a transcript in lower case: the agent's own name in the greeting ("le atiende noelia", "habla joaquín", "sie
#   sprechen mit reto", "en ligne avec yannick", "bonjour élodie à l'appareil", "maternity rhiannon speaking" on an
#   agent's line); the answer to a question asking for a name on the next line ("et votre nom\nCliente: véronique
#   lambotte l a m b o t t e", "y el nombre del titular\nCliente: remedios albiach soler", "the name of the patient\n
#   Caller: its me rangi te whare"): the words up to a spelled letter, a common word or the line's end.
_S22A_INTRO = re.compile(r"(?i)\b(?:le[ \t]atiende|le[ \t]saluda|le[ \t]habla|habla|sie[ \t]sprechen[ \t]mit|"
                         r"vous[ \t]parlez[ \t]avec|en[ \t]ligne[ \t]avec|vous[ \t]êtes[ \t]avec|parla)[ \t]"
                         r"([a-zà-ÿ][a-zà-ÿ'’-]{1,20})(?![\w'’-])")
_S22A_INTRO_AFTER = re.compile(r"(?m)^[ \t]{0,4}(?:\[[\d:]{4,8}\][ \t]{0,2})?(?i:agent|agente|agentin|conseill[eè]re?|"
                               r"operator|operadora?|mitarbeiter(?:in)?|a)[ \t]?:[^\n]{0,80}?[ \t]"
                               r"([a-zà-ÿ][a-zà-ÿ'’-]{1,20})[ \t](?:speaking|à[ \t]l['’]appareil|am[ \t]apparat|al[ \t]habla)\b"
                               r"(?![ \t](?:with|to|about|for|on)\b)")
_S22A_NAME_QUESTION = re.compile(
    r"(?i)\b(?:votre[ \t]nom(?:[ \t]de[ \t]famille)?|(?:el|su)[ \t]nombre(?:[ \t]del[ \t](?:titular|paciente))?|"
    r"el[ \t]titular|se[ \t]llama[ \t](?:el|la)[ \t]paciente|(?:ihr|ihren)[ \t](?:name|namen|nachnamen?)|"
    r"the[ \t]name[ \t]of[ \t]the[ \t](?:patient|account[ \t]holder|caller|passenger)|in[ \t]whose[ \t]name|"
    r"your[ \t](?:full[ \t])?name|whose[ \t]name)[ \t?¿!.,]{0,3}(?:please|por[ \t]favor|s['’]il[ \t]vous[ \t]pla[iî]t|"
    r"bitte)?[ \t?.]{0,2}$", re.MULTILINE)
_S22A_NAME_FILLER = re.compile(r"(?i)[ \t:,]*(?:(?:yes|yeah|uh|um|its|it's|it’s|it[ \t]is|sí|si|oui|ja|me|c'est|c’est|"
                               r"my[ \t]late[ \t]husbands|my[ \t]late[ \t]wife'?s|soy|je[ \t]suis|ich[ \t]bin|"
                               r"moi|yo)[ \t,]{1,3}){0,3}")
_S22A_PARTICLES = frozenset("de del la le van von der den te da di dos das du ben bin al el y".split())
_S22A_NOT_NAME_WORDS = frozenset("""no not sorry what pardon hold wait one moment sure okay ok yes the a an my your his her
for about is are was et est pas je il elle nous vous ils non merci bonjour oui lo que sé por favor para con es un una
uno mi su ich nicht bitte danke moment mal weiß ja nein ist er sie wir mein meine hi hello hola allo allô""".split())


def _s22a_answer_name(text: str, pos: int) -> tuple[int, int] | None:
    filler = _S22A_NAME_FILLER.match(text, pos)
    pos = filler.end() if filler else pos
    line_end = text.find("\n", pos)
    line = text[pos:line_end if line_end >= 0 else len(text)]
    start = end = None
    for i, tok in enumerate(re.finditer(r"\S+", line)):
        word = tok.group().lower()
        if start is not None and word in _S22A_PARTICLES and i < 6:
            continue  # "maría del carmen", "rangi te whare"
        if i >= 6 or not re.fullmatch(r"[a-zà-ÿ][a-zà-ÿ'’-]{1,25}", word) or word in _S22A_NOT_NAME_WORDS or \
                word in NOT_NAMES or word in _S22A_PARTICLES:
            break
        if start is None:
            start = pos + tok.start()
        if word not in _S22A_PARTICLES:
            end = pos + tok.end()
    return (start, end) if start is not None and end is not None else None


def find_session22a_names(text: str) -> Iterator[Found]:
    """Session 22a's rules for names in transcripts (see the comment above)."""
    if not text.islower() and sum(c.isupper() for c in text) > 8:
        return  # written in lower case only: a transcript
    low = text.lower()
    if any(w in low for w in ("atiende", "saluda", "habla", "sprechen", "parlez", "ligne", "êtes avec", "parla")):
        for m in _S22A_INTRO.finditer(text):
            if m.group(1).lower() not in _S22A_NOT_NAME_WORDS and m.group(1).lower() not in NOT_NAMES and \
                    m.group(1).lower() not in _S22A_PARTICLES and m.group(1).lower() not in _S22A_INTRO_NOT:
                yield "PERSON", m.start(1), m.end(1), 0.85
    if ":" in text and any(w in low for w in ("speaking", "appareil", "apparat", "al habla")):
        for m in _S22A_INTRO_AFTER.finditer(text):
            word = m.group(1).lower()
            if word not in _S22A_NOT_NAME_WORDS and word not in NOT_NAMES and word not in _S22A_INTRO_NOT:
                yield "PERSON", m.start(1), m.end(1), 0.85
    if "\n" in text and any(w in low for w in ("nom", "nombre", "titular", "llama", "name")):
        for q in _S22A_NAME_QUESTION.finditer(text):
            label = _S22A_LABEL.match(text, q.end() + 1) if q.end() < len(text) else None
            found = _s22a_answer_name(text, label.end()) if label else None
            if found:
                yield "PERSON", found[0], found[1], 0.85


_S22A_INTRO_NOT = frozenset("""español espanol inglés ingles francés frances alemán aleman english spanish french german
italian italiano usted ustedes conmigo contigo con un una el la los las ihnen mir dem der die einem einer vous nous un
une le la les quelqu'un moi lui eux qui someone anyone who everyone nobody youre you're you’re im i'm i’m are is am
was were be being currently now""".split())


# - a German health-insurance number (a letter and nine digits) after the cue's short forms ("Versichertennr
#   K812345679", "Versicherten-Nr.: …", "KV-Nr. …");
# - a day and month after "birthday"/"date of birth" in the same sentence ("my birthday … its the 1st of may not the
#   5th of jan").
_S22A_KVNR = re.compile(r"(?i:\b(?:versicherten|krankenversicherten|kv)[ \t-]?(?:nr|nummer)\.?)[ \t:]{0,3}"
                        r"([A-Z]\d{9})(?![\w-])")
_S22A_BIRTHDAY = re.compile(r"(?i)\b(?:birthday|birth[ \t]date|date[ \t]of[ \t]birth|dob)\b")
_S22A_DAY_MONTH = re.compile(rf"(?i)(?<![\w.-])(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t](?:of[ \t])?(?:{_MONTHS})|"
                             rf"(?:{_MONTHS})[ \t]\d{{1,2}}(?:st|nd|rd|th)?)(?![\w-])")


def find_session22a_third(text: str) -> Iterator[Found]:
    """Session 22a's third rules (see the comment above)."""
    if not _DIGIT.search(text):
        return
    low = text.lower()
    if "nr" in low or "nummer" in low:
        for m in _S22A_KVNR.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.9
    if "birth" in low or "dob" in low:
        for cue in _S22A_BIRTHDAY.finditer(text):
            stop = re.compile(r"[.!?\n]").search(text, cue.end(), cue.end() + 120)
            for m in _S22A_DAY_MONTH.finditer(text, cue.end(), stop.start() if stop else min(len(text), cue.end() + 120)):
                yield "DOB", m.start(), m.end(), 0.8


# ---- session 18, fixer pii22fc (blind22c: business e-mails and forms from many countries) -------------------------
# - IBANs of the countries IBAN_LENGTHS lacked (Egypt, Pakistan, Ukraine, Qatar, Jordan, Kuwait, …: their registry's
#   lengths), read by find_ibans like the others (checked, or printed in the IBAN's own layout);
# - national numbers right after the ID's own name, whatever their check: an Indian Aadhaar (4-4-4 digits), a Polish
#   PESEL and a Greek AMKA (11 digits), a Pakistani CNIC (5-7-1 digits, also without its name: no other number is
#   written so), a Moroccan CIN (one or two letters and 5-6 digits), and a number after "ID No"/"ID card no";
# - a bank account after its own bank's word: a French or Moroccan RIB (digit groups, 20 digits at least after "RIB"),
#   an account after "rekening"/"no. rek"/"account" and a bank's acronym ("rekening BCA 4418207731");
# - a mobile of eight digits in two fours (Singapore, Hong Kong: 8/9 first) right after a name ("Tan Wei Ling,
#   9184 2271") or a phone's word;
# - a name before an e-mail in angle brackets on a header's line ("To: Hoàng Mai Anh <…>"), a name after the Indian
#   professional titles "CA", "CS", "Adv." (a lower-case word before: "contact CA Hetal Shah"), two capitalised words
#   closing a message right before a phone ("… Islamabad. Sana Iqbal 0300 5184 227");
# - addresses: a Polish "os." (an estate) or Ukrainian "vul." street with its number, flat ("m."/"kv.") and postcode
#   and town; a Turkish "… Caddesi/Sokak/Sokağı No:41 D:6, Kadıköy/İstanbul".
IBAN_LENGTHS.update({"EG": 29, "PK": 24, "UA": 29, "QA": 29, "JO": 30, "KW": 30, "BH": 22, "LB": 28, "PS": 29,
                     "IQ": 23, "AZ": 28, "GE": 22, "KZ": 20, "BY": 28, "MD": 24, "AL": 28, "BA": 20, "ME": 22, "MK": 19,
                     "RS": 22, "XK": 20, "MR": 27, "MU": 30, "TN": 24, "LY": 25, "SC": 31, "CR": 22, "DO": 28,
                     "GT": 28, "SV": 28, "FO": 18, "GL": 18, "VA": 22, "LC": 32, "TL": 23, "VG": 24, "ST": 25,
                     "OM": 23, "SD": 18, "MN": 20})
_S22C_AADHAAR = re.compile(r"(?i:\b(?:aadhaa?r|uidai)(?:[ \t](?:card|no\.?|number))?[ \t:#-]{0,3}(?:is[ \t])?)"
                           r"(\d{4}[ \t-]?\d{4}[ \t-]?\d{4})(?![\w-])")
_S22C_ELEVEN = re.compile(r"(?i:\b(?:pesel|amka)(?:[ \t](?:no\.?|nr\.?|number|numer))?[ \t:#-]{0,3}(?:is[ \t])?)"
                          r"(\d{11})(?![\w-])")
_S22C_CNIC = re.compile(r"(?<![\w-])(\d{5}-\d{7}-\d)(?![\w-])")
_S22C_CIN = re.compile(r"(?:\b(?:CIN|CNIE)(?:[ \t](?:n[°º]|no\.?))?[ \t:#]{0,3})([A-Z]{1,2}[ \t]?\d{5,6})(?![\w-])")
_S22C_ID_NO = re.compile(r"(?im:(?:^|[,;(]|\b(?:my|his|her|national))[ \t]{0,2}id(?:[ \t]card)?[ \t]?(?:no\.?|nr\.?|#)"
                         r"[ \t:]{0,3})(\d{6,10})(?![\w-])")
_S22C_RIB = re.compile(r"(?:\bRIB\b|(?i:relev[ée][ \t]d['’]identit[ée][ \t]bancaire))[^\d\n]{0,12}"
                       r"(\d{2,24}(?:[ \t]\d{2,24}){1,5})(?![\w-])")
_S22C_REKENING = re.compile(r"(?i:\b(?:rekening|no\.?[ \t]rek\.?|bank[ \t]account|conta|cuenta)(?:[ \t](?:bank|no\.?|nomor))?)"
                            r"[ \t]{1,2}(?!ID\b|NO\b|NR\b|REF\b|PIN\b)(?:[A-Z]{2,6}|Bank[ \t][A-Z][a-z]{2,12})[ \t:]{1,3}"
                            r"(\d{8,16})(?![\w-])")
_S22C_FOURS_PHONE = re.compile(r"(?<![\w+.-])([689]\d{3}[ \t]\d{4})(?![\w-]|[.,]\d)")
_S22C_PHONE_BEFORE = re.compile(r"(?i:\b(?:phone|tel|mobile|mob|hp|whatsapp|call|contact)\b[^\d\n]{0,12})$|"
                                r"(?<![\w'’-])([A-Z][a-z]{1,20}(?:[ \t][A-Z][a-z]{1,20}){1,3})[ \t]?,?[ \t]$")
_S22C_NOT_NAME_WORDS = frozenset("""order invoice ref reference ticket account customer number phone mobile tel call
contact whatsapp shop store id case booking tracking policy member code pin box room unit total amount price sum
balance fee cost""".split())
_S22C_HEADER_NAME = re.compile(r"(?im:^[ \t>]*(?:from|to|cc|von|an|de|para|à|van|aan|da|a)[ \t]?:[ \t]{0,3})"
                               r"([A-ZÀ-ÞĐ][^\W\d_]{0,20}(?:[ \t'’-][A-ZÀ-ÞĐ][^\W\d_]{0,20}){1,4})[ \t]{1,3}<[^<>@\s]{1,64}@")
_PRO_TITLES = r"(?:CA|CS|Adv\.|Er\.|Engr\.?)"
_S22C_PRO_TITLE = re.compile(rf"(?<=[a-z,])[ \t]{{1,2}}{_PRO_TITLES}[ \t]{{1,2}}"
                             r"([A-Z][a-z]{1,20}(?:[ \t][A-Z][a-z'’-]{1,20}){1,2})(?=[ \t]*[.,;!]|[ \t]*$)")
_PRO_TITLED_NAME = re.compile(rf"{_PRO_TITLES}[ \t]{{1,2}}[A-Z][a-z]{{1,20}}(?:[ \t][A-Z][a-z'’-]{{1,20}}){{1,2}}")


def is_pro_titled_name(value: str) -> bool:
    """Whether value is an Indian professional title and a capitalised full name ("CA Rupal Dholakia", "Adv. Meera
    Nair"): the title tells a person, so the learned PERSON check keeps the span the NER drew over both (session 48)."""
    return _PRO_TITLED_NAME.fullmatch(value) is not None
_S22C_NAME_THEN_PHONE = re.compile(r"(?:[.!?][ \t]{1,3}|\n[ \t]{0,3})([A-Z][a-z]{1,20}[ \t][A-Z][a-z'’-]{1,20})[ \t,]{1,3}"
                                   r"(?=\+?\d[\d \t-]{6,16}\d[ \t.]*$)")
_S22C_PL_UA_ADDRESS = re.compile(
    r"(?<![\w-])(?:os\.|vul\.|vulytsia)[ \t][A-ZÀ-Þ][\w'’-]{1,25}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,25}){0,2}[ \t]"
    r"\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?(?:,?[ \t](?:m\.|kv\.|apt\.?|lok\.)[ \t]?\d{1,4})?"
    r",[ \t](?:\d{2}-\d{3}|\d{5})[ \t][A-ZÀ-Þ][\w'’-]{1,25}"
    r"|(?<![\w-])(?:vul\.|vulytsia)[ \t][A-ZÀ-Þ][\w'’-]{1,25}[ \t]\d{1,4}[A-Za-z]?(?:,[ \t](?:kv\.|apt\.?)[ \t]?\d{1,4})?"
    r",[ \t][A-ZÀ-Þ][\w'’-]{1,25}[ \t]\d{5}(?![\w-])")
_S22C_TR_ADDRESS = re.compile(
    r"(?<![\w-])[A-ZÇĞİÖŞÜ][\wçğıöşü'’-]{1,25}(?:[ \t][A-ZÇĞİÖŞÜ][\wçğıöşü'’-]{1,25}){0,2}[ \t]"
    r"(?:Caddesi|Cad\.|Sokak|Sokağı|Sok\.|Bulvarı|Mahallesi|Mah\.)(?:[ \t][A-ZÇĞİÖŞÜ][\wçğıöşü'’-]{1,25}[ \t]"
    r"(?:Caddesi|Cad\.|Sokak|Sokağı|Sok\.))?[ \t,]{1,2}No[ \t]?:[ \t]?\d{1,4}[A-Za-z]?(?:[ \t/,]{1,2}(?:D|Daire|Kat)"
    r"[ \t]?:[ \t]?\d{1,3})?(?:,[ \t][A-ZÇĞİÖŞÜ][\wçğıöşü'’-]{1,25}(?:[ \t]?/[ \t]?[A-ZÇĞİÖŞÜİ][\wçğıöşü'’-]{1,25})?)?")


def find_session22c(text: str) -> Iterator[Found]:
    low = text.lower()
    digit = _DIGIT.search(text) is not None
    if digit and ("aadha" in low or "uidai" in low):
        for m in _S22C_AADHAAR.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.9
    if digit and ("pesel" in low or "amka" in low):
        for m in _S22C_ELEVEN.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.9
    if digit and "-" in text:
        for m in _S22C_CNIC.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if digit and ("CIN" in text or "CNIE" in text):
        for m in _S22C_CIN.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.9
    if digit and "id" in low:
        for m in _S22C_ID_NO.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if digit and ("RIB" in text or "bancaire" in low):
        for m in _S22C_RIB.finditer(text):
            if sum(c.isdigit() for c in m.group(1)) >= 20:
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.9
    if digit and ("rek" in low or "acc" in low or "a/c" in low):
        for m in _S22C_REKENING.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if digit and " " in text:
        for m in _S22C_FOURS_PHONE.finditer(text):
            before = _S22C_PHONE_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if before and (before.group(1) is None or not any(
                    w.lower() in NOT_NAMES or w.lower() in _S22C_NOT_NAME_WORDS or w.lower() in PLACE_WORDS
                    for w in before.group(1).split()[-2:])):
                yield "PHONE", m.start(1), m.end(1), 0.8
    if "<" in text and "@" in text:
        for m in _S22C_HEADER_NAME.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.85
    if "CA " in text or "CS " in text or "Adv." in text or "Er." in text or "Engr" in text:
        for m in _S22C_PRO_TITLE.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.85
    if digit:
        for m in _S22C_NAME_THEN_PHONE.finditer(text):
            if not any(w.lower() in NOT_NAMES or w.lower() in PLACE_WORDS or w.lower() in _S22C_NOT_NAME_WORDS
                       for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if digit and ("os." in text or "vul" in text):
        for m in _S22C_PL_UA_ADDRESS.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.85
    if digit and "No" in text and ("Cad" in text or "Sok" in text or "Bulvar" in text or "Mah" in text):
        for m in _S22C_TR_ADDRESS.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.85


# Session 18, second round, fixer pii23fa ("session 23a", tuned on blind23: social-media DMs and public replies):
# - a phone number cut by a line break, as chat apps and pasted DMs do ("his line is 0813\n772 6610", "cel (21) 99182-\n
#   4470", "Me: 0817 220\nMe: 5591 sorry it cut"): a run of digit groups ending a line after a phone cue (within 150
#   characters before it), continued by digit groups at the next line's start (after a short speaker label), 9-13
#   digits in all with 2-8 on the first line; both pieces are masked;
# - a date of birth after a cue of Turkish, Polish, Portuguese or Dutch ("doğum tarihi 11.04.1958", "ur. 3 lutego
#   1956", "nascida em 02/03/1979", "geboortedatum 4-5-1966") in digits or with the language's month name;
# - a Turkish identity number after "TC"/"T.C."/"TCKN"/"kimlik" that passes its two check digits;
# - an Australian Unique Student Identifier after "USI" (ten capitals and digits, both present);
# - a driver's licence number written in digit groups after "licence/license (no/number) (is)" ("048 221 773").
_S23A_PHONE_CUE = re.compile(
    r"(?i:\b(?:phone|mobile|cell|cel|celular|cellulare|telefono|teléfono|telefone|telefoon|tel|line|number|num|"
    r"numero|número|numer|numarası|numaram|nummer|contact|whatsapp|móvil|movil|handy|gsm|komórka|cep)\b)")
_S23A_SPLIT_PHONE = re.compile(
    r"(?<![\w+/.:,-])(\+?(?:\(\d{2,4}\)[ \t]?)?\d{2,5}(?:[ \t-]\d{2,5}){0,3}-?)[ \t]{0,3}\n"
    r"(?:[A-Z][a-z]{1,12}:[ \t]{1,2})?(\d{2,5}(?:[ \t-]\d{2,5}){0,2})(?![\w/:-]|\.\d|[ \t]?\d)")
_S23A_MONTHS = (r"(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|"
                r"pazdziernika|listopada|grudnia|ocak|şubat|subat|mart|nisan|mayıs|mayis|haziran|temmuz|ağustos|"
                r"agustos|eylül|eylul|ekim|kasım|kasim|aralık|aralik|janeiro|fevereiro|março|marco|abril|maio|junho|"
                r"julho|agosto|setembro|outubro|novembro|dezembro|januari|februari|maart|april|mei|juni|juli|"
                r"augustus|september|oktober|november|december)")
_S23A_DOB = re.compile(
    r"(?i:\b(?:doğum[ \t]tarihi(?:m|miz)?|dogum[ \t]tarihi|d\.[ \t]?t\.|ur\.|urodzon[aey]|urodził[ae]?[ \t]się|"
    r"data[ \t]urodzenia|nascid[oa][ \t]em|data[ \t]de[ \t]nascimento|geboortedatum|geboren[ \t]op|geb\.[ \t]?datum)"
    r"(?:[ \t]?(?::|-|is|jest|é))?[ \t]{1,3})"
    rf"(\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)\d{{2}}|\d{{1,2}}\.?[ \t](?:de[ \t])?{_S23A_MONTHS}(?:[ \t]de)?[ \t]"
    r"(?:19|20)\d{2})(?![\w/-]|\.\d)")
_S23A_TC = re.compile(r"(?:\bT\.?C\.?|\bTCKN|(?i:\bkimlik))(?:[ \t]?(?i:kimlik|no|numarası|numaram|nr))*\.?[ \t:]{1,3}"
                      r"(?:(?i:is|:)[ \t])?([1-9]\d{10})(?!\d)")
_S23A_USI = re.compile(r"\bUSI(?:[ \t](?:is|no\.?|number|#))?[ \t:]{1,3}((?=[A-Z]{0,9}\d)(?=\d{0,9}[A-Z])[A-Z0-9]{10})\b")
_S23A_LICENCE = re.compile(r"(?i:\b(?:licen[cs]e|DL)(?:[ \t](?:no\.?|number|num|#))?(?:[ \t](?:is|:))?[ \t:]{1,3})"
                           r"(\d{2,4}[ \t]\d{3}[ \t]\d{3,4})(?![\w/.-]|[ \t]\d)")


def _s23a_tc_ok(value: str) -> bool:
    d = [int(c) for c in value]
    return (sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10 == d[9] and sum(d[:10]) % 10 == d[10]


def find_session23a(text: str) -> Iterator[Found]:
    """Session 23a's rules (see the block's comment)."""
    if not _DIGIT.search(text):
        return
    if "\n" in text:
        pos = 0
        while (m := _S23A_SPLIT_PHONE.search(text, pos)) is not None:
            first = sum(c.isdigit() for c in m.group(1))
            total = first + sum(c.isdigit() for c in m.group(2))
            if 2 <= first <= 8 and 9 <= total <= 13 and not re.fullmatch(r"(?:19|20)\d\d", m.group(1)) \
                    and _S23A_PHONE_CUE.search(text, max(0, m.start() - 150), m.start()) \
                    and not _CODE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                yield "PHONE", m.start(1), m.end(1), 0.8
                yield "PHONE", m.start(2), m.end(2), 0.8
                pos = m.end()
            else:
                pos = m.start(2)  # the next line's digits may open a number of their own
    low = text.lower()
    if any(w in low for w in ("doğum", "dogum", "d.t", "ur.", "urodz", "nascid", "nascimento", "geboorte", "geboren",
                              "geb.")):
        for m in _S23A_DOB.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.85
    if "TC" in text or "T.C" in text or "kimlik" in low:
        for m in _S23A_TC.finditer(text):
            if _s23a_tc_ok(m.group(1)):
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.9
    if "USI" in text:
        for m in _S23A_USI.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "licen" in low or "DL" in text:
        for m in _S23A_LICENCE.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85


# ---- session 18's second round, fixer session23b (blind23b: e-mail threads; blind23c: forms, key=value pastes, slot
# answers, KYC). Each rule is gated on a cheap substring check.
# - PASSPORT: a passport number of one or two letters and 6-9 digits after "passport(s)", its "no."/"nr."/"number"
#   and a colon ("Passport no.: U48120937", "Their passports are A09482113 and A09482297"), every such number up to the
#   sentence's end; never after an order's, a booking's or an application's word;
# - IP_ADDRESS: an IPv4 or IPv6 address after an "IP" field's label ("IP: 81.2.69.142", "visitor_ip: 2a02:…",
#   "client IP address = …") or after "came from"/"requests from" (who called, as a sign-in's address);
# - DOB: a day-month-year date with the month's short name ("22-Feb-1951") after a birth cue; a numeric date answering
#   on the next line a question for the date of birth ("Ihr Geburtsdatum bitte.\nKunde: 7.3.1962");
# - NATIONAL_ID: a Spanish DNI/NIE whose check letter is right, where the message names it ("DNI", "NIE", "NIF"); an
#   Italian codice fiscale (its layout: six letters, two digits, a month letter, two digits, a letter, three digits and
#   a check letter that is right);
# - SSN: the last four digits after "last four/4 (digits) (of … SSN/social)" where the message speaks of an SSN.
_S23B_PASSPORT = re.compile(r"(?i:\bpassports?\b)(?:[ \t]*(?i:no|nr|number|num|nº|n°|#)\.?)?[ \t]*:?")
_S23B_PASSPORT_NUM = re.compile(r"(?<![\w-])([A-Z]{1,2}\d{6,9})(?![\w-]|[.,]\d)")
_S23B_PASSPORT_GAP = re.compile(r"(?i)[ \t]*(?:(?:is|are|was|were|reads|and|&|number|no\.?|nr\.?)[ \t]+|[,;:/][ \t]*)*")
_S23B_IPV4 = r"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w.]|\.\d)"
_S23B_IPV6 = r"[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7}(?![\w:])"
_S23B_IP = re.compile(r"(?i:\b(?:visitor|client|remote|user|source|src|customer)[ \t_-]?ip(?:[ \t_-]?(?:address|addr))?\b|"
                      r"\b(?:came|come|coming|requests?|calls?|traffic)[ \t]from)[ \t]*[:=]?[ \t]*"
                      r"(" + _S23B_IPV4 + "|" + _S23B_IPV6 + ")")
_S23B_DOB_SHORT = re.compile(r"(?i:\b(?:dob|d\.o\.b\.?|date[ \t]of[ \t]birth|born|birth[ \t]?date)\b)[ \t:,()-]{0,4}"
                             r"(\d{1,2}[- ](?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}[- ]"
                             r"(?:19|20)\d\d)(?![\w-])")
_S23B_DOB_QUESTION = re.compile(r"(?i:geburtsdatum|date[ \t]of[ \t]birth|fecha[ \t]de[ \t]nacimiento|date[ \t]de[ \t]"
                                r"naissance|data[ \t]di[ \t]nascita|data[ \t]de[ \t]nascimento|geboortedatum|dob)"
                                r"[^\n]{0,40}\n[ \t]*[^\W\d][\w ]{0,15}[ \t]?:[ \t]*"
                                r"([0-3]?\d[./-][01]?\d[./-](?:19|20)\d\d)[ \t.]*(?:\n|$)")
_S23B_DNI = re.compile(r"(?<![\w-])([XYZ]?\d{7,8})[ \t-]?([A-Z])(?![\w-])")
_S23B_CF = re.compile(r"(?<![\w-])[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z](?![\w-])")
_S23B_LAST4 = re.compile(r"(?i:\blast[ \t](?:four|4)(?:[ \t]digits)?(?P<of>[ \t]of[ \t](?:(?:his|her|their|your|my|the)"
                         r"[ \t])?(?:ssn|social(?:[ \t]security)?(?:[ \t]number)?))?)[ \t:,]{0,3}(?:(?:is|are)[ \t])?"
                         r"(?P<last>\d{4})(?![\w-])")


_NIE_FIRST = str.maketrans("XYZ", "012")
# the cue a national number answers, on its line or the line before ("indique su DNI.\nCliente: 77412093W"): a number
# in its layout there is the customer's, its check letter right or not (a mistyped one is still theirs)
_S23B_ID_CUE = re.compile(r"(?i:\b(?:dni|nie|nif|codice[ \t]fiscale|c\.f\.|cf)\b)[^\n]{0,40}(?:\n[^\n]{0,15})?$")


def find_session23b(text: str) -> Iterator[Found]:
    low = text.lower()
    digit = _DIGIT.search(text) is not None
    if not digit:
        return
    if "passport" in low:
        for m in _S23B_PASSPORT.finditer(text):
            if _PASSPORT_NOT.search(text, max(0, m.start() - 15), m.start()):
                continue
            pos = m.end()
            for _ in range(4):
                gap = _S23B_PASSPORT_GAP.match(text, pos)
                num = _S23B_PASSPORT_NUM.match(text, gap.end() if gap else pos)
                if num is None:
                    break
                yield "PASSPORT", num.start(1), num.end(1), 0.85
                pos = num.end()
    if "ip" in low or "from" in low:
        for m in _S23B_IP.finditer(text):
            if m.group(1).count(":") >= 2 or "." in m.group(1):
                yield "IP_ADDRESS", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("dob", "d.o.b", "birth", "born")):
        for m in _S23B_DOB_SHORT.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.85
    if "\n" in text and any(w in low for w in ("geburtsdatum", "birth", "nacimiento", "naissance", "nascita",
                                                "nascimento", "geboortedatum", "dob")):
        for m in _S23B_DOB_QUESTION.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("dni", "nie", "nif", "fiscal", "cf")):
        for m in _S23B_DNI.finditer(text):
            if (m.group(1)[0] in "XYZ" or len(m.group(1)) == 8) and (dni_ok(
                    m.group(1).translate(_NIE_FIRST), m.group(2)) or _S23B_ID_CUE.search(
                    text, max(0, m.start() - 60), m.start())):
                yield "NATIONAL_ID", m.start(), m.end(), 0.85
        for m in _S23B_CF.finditer(text):
            if codice_fiscale_ok(m.group()) or _S23B_ID_CUE.search(text, max(0, m.start() - 60), m.start()):
                yield "NATIONAL_ID", m.start(), m.end(), 0.9
    if "last" in low and ("ssn" in low or "social" in low):
        proving = any(w in low for w in ("verif", "confirm", "security", "identity", "reprint"))
        for m in _S23B_LAST4.finditer(text):
            if proving or m.group("of"):
                yield "SSN", m.start("last"), m.end("last"), 0.85


# ---- session 19, fixer session24c (blind24c: live web/in-app chat, IT admins' pastes, data given for someone else).
# Each rule is gated on a cheap substring check.
# - IP_ADDRESS: a public IPv4 or IPv6 address (not a private, loopback, link-local, shared or documentation one —
#   a LAN's router or printer and a writer's example address stay kept, as the older sets label them) after an "IP"
#   cue ("our public ip is …", "new ip allowlist A and B", "Source IPs from the audit log:\nA\nB\nC": every address
#   of the list) or after "from" (who connected: "Authentication failed for user svc-x from …"). A MAC address
#   (six groups of two hex digits) is no IPv6 address.
# - PERSON: a first-dot-last username after "user(s)" ("reset mfa for user first.last", "users: finance-shared,
#   p.surname"); a name and its misspelling in a spelling fix ("its TURSUNOV not TURSONOV"); a name after "he's"/
#   "she's" in a message about a relative ("my mums card … shes Parveen Akhtar"); children named after "my (2) kids";
#   a surname before "family" ("Wiśniewski family booking"); "X's mum/dad" ("tolu's mum"); a nickname after "calls
#   me"/"goes by"; a lower-case name after a greeting or a thanks when it is a first name or is followed by an emoji,
#   "!" or "ur" ("hey mia 👋", "thx sione ur a legend"); a name on its own line right before "dob <date>".
# - NATIONAL_ID: a Saudi iqama or national ID (ten digits from 1 or 2) after "iqama"/"hawiya"; a New Zealand NHI
#   number (three letters and four digits, or three letters, two digits and two letters) after "NHI"; a Medicare MBI in
#   its layout after "MBI"/"medicare".
# - CARD: four groups of four digits followed by an expiry ("exp 08/28"), Luhn or not (a mistyped card is still one).
# - DOB: a numeric date after "bday"/"b-day"; a day-and-month DOB span is extended over its two-digit year.
# - PASSPORT: a correction right after a passport number ("passport no 548120937\nsorry 548120973").
# - SSN: the last four digits answering, on the next speaker line, a question for the last four of the social.
# - ADDRESS: a US address over lines: "City ST 12345" on a line after a "number street" line (and an "Apt 4C" line
#   before it): each line an ADDRESS.
_S24C_IPV4 = re.compile(r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
                        r"(?![\w]|\.\d)")
_S24C_IPV6 = re.compile(r"(?<![\w:.])[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7}(?![\w:])")
_S24C_IP_CUE = re.compile(r"(?i:\b(?:ips?|ip[ \t-]?addr(?:ess)?(?:es)?|allow[ \t-]?list(?:ed)?|white[ \t-]?list(?:ed)?)\b"
                          r"[^\d\n]{0,40}?(?::[ \t]*\n)?[ \t]*|\bfrom[ \t]+(?:(?:the[ \t])?ip[ \t]+)?)"
                          r"(?=\d|[0-9a-fA-F]{1,4}:)")
_S24C_IP_SEP = re.compile(r"(?<![ \t])(?i:[ \t]*(?:[,;/&]|\band\b|\bor\b)[ \t]*|[ \t]*\r?\n[ \t]*)")
# MaxMind's published test addresses, used as examples in documentation (the older sets keep them)
_S24C_EXAMPLE_NETS = ("81.2.69.",)


def _s24c_public_ip(value: str) -> bool:
    import ipaddress
    if value.count(":") == 5 and all(len(g) == 2 for g in value.split(":")):
        return False  # a MAC address
    if ":" in value and value.count(":") < 3 and "::" not in value:
        return False  # a time of day or a ratio
    try:
        ip = ipaddress.ip_address(value)
    except ValueError:
        return False
    return ip.is_global and not value.startswith(_S24C_EXAMPLE_NETS)


def _s24c_ip_at(text: str, pos: int) -> re.Match[str] | None:
    return _S24C_IPV4.match(text, pos) or _S24C_IPV6.match(text, pos)


_S24C_USERNAME = re.compile(r"(?<![\w.@/-])([a-z]{1,20})\.([a-z]{2,20})(?![\w@/-]|\.[a-z])")
_S24C_USER_CUE = re.compile(r"(?i:\b(?:users?|usernames?|accounts?|logins?|mailbox(?:es)?)\b)")
_S24C_NOT_USER_PARTS = frozenset("""admin administrator svc service test root sys system local corp internal dev prod
backup shared info support sales noreply no reply helpdesk it hr finance ops scanner printer guest default user web mail
com net org io co uk us de fr es au nz ca gov edu biz app exe dll txt log pdf doc docx xls xlsx csv zip json xml html""".split())
_S24C_W = r"[^\W\d_][\w'’-]{0,30}"
_S24C_SPELL_FIX = re.compile(rf"(?i:\b(?:its|it's|it’s|is|spelt|spelled|not|names?|name['’]s|surname)[ \t]+)({_S24C_W}(?:[ \t]{_S24C_W})?)(?:[ \t]*,)?"
                             rf"[ \t]+not[ \t]+({_S24C_W}(?:[ \t]{_S24C_W})?)(?![\w'’-])")
_S24C_HE_SHE = re.compile(r"(?<![\w'’])(?i:she|he)(?:['’]?s|[ \t]is)[ \t]+([A-ZÀ-Þ][^\W\d_'’-]{1,25}[ \t]"
                          r"[A-ZÀ-Þ][\w'’-]{1,30})(?![\w'’-])")
_S24C_KIDS = re.compile(r"(?i:\bmy[ \t]+(?:\d[ \t]+|two[ \t]+|three[ \t]+|four[ \t]+)?(?:kids|children|sons|daughters|"
                        r"boys|girls|twins|grandkids|grandchildren)[ \t]*[,:]?[ \t]+)"
                        r"([A-ZÀ-Þ][^\W\d_]{1,20})(?:[ \t]*,[ \t]*([A-ZÀ-Þ][^\W\d_]{1,20}))?"
                        r"(?:(?:[ \t]*,)?[ \t]+(?i:and|&)[ \t]+([A-ZÀ-Þ][^\W\d_]{1,20}))?(?![\w'’-])")
_S24C_FAMILY = re.compile(r"(?<![\w'’.-])([A-ZÀ-Þ][^\W\d_'’]{2,25}(?:-[A-ZÀ-Þ][^\W\d_]{2,25})?)[ \t]+family\b")  # not "Family Clinic"
_S24C_KIN_OF = re.compile(r"(?<![\w'’.@-])([^\W\d_]{2,20})['’]s[ \t]+(?i:mum|mom|mam|mummy|mommy|mother|dad|daddy|"
                          r"father|nan|nana|gran|granny|grandma|grandad|grandpa|stepmum|stepmom|stepdad|auntie|aunt|"
                          r"uncle)\b")
_S24C_NICK = re.compile(r"(?i:\b(?:(?:everyone|everybody|people|friends|most[ \t]people|all|family)[ \t]+calls?[ \t]+me|"
                        r"(?:please|pls|plz|just|you[ \t]can|u[ \t]can)[ \t]+call[ \t]+me|i[ \t]go[ \t]by|goes[ \t]by|"
                        r"nick[ \t]?name[ \t]?(?:is|:)?)[ \t]+)([^\W\d_][\w'’-]{1,20})(?![\w'’-])")
_S24C_GREET = re.compile(r"(?i:(?:^|(?<=[\n.!?]))[ \t]*(?:hey|hi|hello|hiya|heya|thx|thanks|thank[ \t]you|ty|tysm|"
                         r"cheers|ta)[ \t]+)([a-z][a-z'’-]{1,20})(?![\w'’-])([ \t]*(?:!|ur\b|you['’]?re\b|u['’]?re\b|"
                         r"[\U0001F300-\U0001FAFF\u2600-\u27BF]))?")
_S24C_NAME_DOB = re.compile(r"(?m:^)[ \t]*([A-ZÀ-Þ][^\W\d_'’]{1,25}(?:[ \t][A-ZÀ-Þ][\w'’-]{1,30}){1,2})(?:[ \t]*,)?[ \t]+"
                            r"(?i:dob|d\.o\.b\.?|born|date[ \t]of[ \t]birth)\b")
# words no rule here takes for a name (lower-case): function words, chat fillers, kin and role words
_S24C_STOP = frozenset("""a an the my your his her our their its it it's this that these those there here all any some
every each one no not and or but so if of on in at to for from by with as is are was were be been am do does did have has
had will would can could should may might must shall i me you u ur he she we they him them us who what when where why
how which guys team all everyone everybody folks mate mates man bro dude sir madam maam ma'am miss mister lol lmao omg
pls plz please sorry again so very much heaps loads alot lot lots anyway anyways tho though back later tomorrow today
tonight now asap soon first instead whenever anytime again just only also too yes yeah yep no nope ok okay sure thanks
thank thx ty cheers hi hey hello hiya there again friend friends kid kids child children baby boy girl someone somebody
anyone anybody everyone nobody other others customer person guy lady woman women men people neighbour neighbor partner
boyfriend girlfriend cousin colleague student pupil son daughter wife husband mum mom dad mother father brother sister
nan gran grandma grandad teacher doctor nurse boss manager owner support agent bot admin user member host royal foster
whole entire new big small large extended same happy lovely young nice blended immediate nuclear single host host
swim travel traveling travelling dear honey hun love babe darling sweetie all good great morning afternoon evening night
day days week weekend crazy stupid rude names name""".split())


def _s24c_name_word(word: str) -> bool:
    w = word.lower().strip("'’-")
    return (len(w) >= 2 and w not in _S24C_STOP and w not in NOT_NAMES and w not in _COMMON_WORDS
            and w not in PLACE_WORDS and w not in _GREETING_WORDS and not w.endswith(("ing", "ly")))


def _s24c_similar(a: str, b: str) -> bool:
    import difflib
    a, b = a.lower(), b.lower()
    return a != b and len(a.split()) == len(b.split()) and difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


# a role's word before a lower-case first name (and an initial): "buyer mohammed k says…"
_S24C_ROLE_LOWER = re.compile(r"(?i:\b(?:buyer|seller|customer|client|driver|courier|tenant|landlord|neighbour|"
                              r"neighbor|guest|passenger|patient|student|pupil|member|user|caller|engineer|technician)"
                              r"[ \t]+)([a-z]{2,20})((?:[ \t][a-z](?![\w'’-]))?)(?![\w'’-])")
# Filipino compound surnames: "Maricel Dela Cruz", "Jun Delos Santos"
_S24C_DELA = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ]{1,20}(?:[ \t][A-ZÀ-Þ][a-zà-ÿ]{1,20})?[ \t](?:Dela|Delos|Dela|De[ \t]La|"
                        r"De[ \t]Los|De[ \t]Las)[ \t][A-ZÀ-Þ][a-zà-ÿ]{2,20})(?![\w'’-])")
# a lower-case name after a Spanish/Portuguese/French self-introduction, ending its line or sentence
_S24C_SELF_LOWER = re.compile(r"(?:^|(?<=[\s,.!?]))(?i:soy|me[ \t]llamo|mi[ \t]nombre[ \t]es|meu[ \t]nome[ \t][ée]|"
                              r"je[ \t]m['’]appelle|my[ \t]name[ \t]is|my[ \t]names|my[ \t]name['’]s)[ \t]+"
                              r"([a-zà-ÿ][a-zà-ÿ'’-]{1,20}[ \t][a-zà-ÿ][a-zà-ÿ'’-]{1,25})[ \t]*(?=[\n.,!]|$)")
_S24C_SELF_NOT = frozenset("""cliente clienta usuario usuaria nuevo nueva frecuente socio socia titular de del el la los
las un una uno su tu mi muy yo madre padre hijo hija esposa esposo dueño dueña propietario propietaria estudiante alumno
alumna profesor profesora paciente aqui aquí para por con sin que se le lo bien mal ya no si sí gracias hola buenas
cliente desde en y o e ao do da dos das um uma je suis le les du des et ou pas très tres trying going looking waiting
calling writing contacting still just really very so not sorry glad happy new here""".split())
# a line of two lower-case words right before a line that begins an address ("for my babcia\nhalina kowalczyk\nul.
# Ogrodowa 7/12"): the addressee's name, as on an envelope
_S24C_LOWER_LINE = re.compile(r"(?m:^)[ \t]*([a-zà-ÿ][a-zà-ÿ'’-]{1,20}[ \t][a-zà-ÿ][a-zà-ÿ'’-]{1,25})[ \t]*\n(?=[ \t]*(?:"
                              r"ul\.|ul[ \t]|flat[ \t]|apt\.?[ \t]|unit[ \t]|calle[ \t]|rua[ \t]|via[ \t]|rue[ \t]|\d{1,5}[a-z]?,?[ \t]"
                              r"[^\W\d_]))", re.IGNORECASE)
# Korean: a road-name address ("서울특별시 마포구 월드컵북로 44, 302호": province or city, district, road and number,
# unit) and a name (two to four syllables from a common surname) after a recipient's cue ("받는 사람 이도현") or alone
# on the line right after such an address
_S24C_KO_ADDRESS = re.compile(r"(?<![\uac00-\ud7a3])(?:[\uac00-\ud7a3]{1,8}(?:특별시|광역시|특별자치시|특별자치도|도|시)"
                              r"[ \t])?[\uac00-\ud7a3]{1,6}(?:시|군|구)[ \t](?:[\uac00-\ud7a3]{1,6}(?:구|읍|면)[ \t])?"
                              r"[\uac00-\ud7a3\d]{1,12}(?:로|길)(?:[ \t]?\d{1,3}번?길)?[ \t]\d{1,5}(?:-\d{1,5})?"
                              r"(?:,?[ \t]?(?:\d{1,4}동[ \t]?)?\d{1,5}호)?(?![\w-])")
_S24C_KO_SURNAMES = frozenset("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백 허 유 남 심 노 하 곽 성 차 주 우 "
                              "구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 "
                              "모 탁 국 어 은 편 용 예 경 봉 사 부 가 복 태 목 형 피 두 감 음 빈 동 온 호 범 좌".split())
_S24C_KO_NAME_CUE = re.compile(r"(?:받는[ \t]?(?:사람|분)|수령인|수취인|성함|이름|고객명|주문자|예금주)[ \t]*:?[ \t]*"
                               r"([\uac00-\ud7a3]{2,4})(?![\uac00-\ud7a3])")
_S24C_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_S24C_KO_NAME_LINE = re.compile(r"(?<![ \t])[ \t]*\n[ \t]*([\uac00-\ud7a3]{2,4})[ \t]*(?:\n|$)")
_S24C_IQAMA = re.compile(r"(?i:\b(?:iqama|iqamah|hawiya|hawiyah|muqeem)\b(?:[ \t](?:no\.?|number|id|#))?[ \t:#-]{0,4}"
                         r"(?:is[ \t])?)([12]\d{9})(?![\w-]|[.,]\d)")
_S24C_NHI = re.compile(r"(?i:\bnhi\b(?:[ \t](?:no\.?|number|#))?[ \t:#-]{0,4}(?:is[ \t])?)"
                       r"((?i:[a-hj-np-z]{3}(?:\d{4}|\d{2}[a-hj-np-z]{2})))(?![\w-])")
_S24C_MBI_L = "AC-HJKMNP-RT-Y"
_S24C_MBI = re.compile(rf"(?i:\b(?:mbi|medicare(?:[ \t](?:beneficiary|member))?(?:[ \t](?:id|number|no\.?|#))?)\b"
                       rf"[^\w\n]{{0,4}}(?:(?:is|number|no\.?|#)[ \t]{{1,2}})?)"
                       rf"([1-9][{_S24C_MBI_L}][{_S24C_MBI_L}\d]\d-?[{_S24C_MBI_L}][{_S24C_MBI_L}\d]\d-?"
                       rf"[{_S24C_MBI_L}]{{2}}\d{{2}})(?![\w-])")
_S24C_CARD_EXP = re.compile(r"(?<![\w.-])([2-6]\d{3}([ -]?)\d{4}\2\d{4}\2\d{4})[ \t,]{1,3}"
                            r"(?i:exp(?:iry|ires|\.)?|valid[ \t]thru|vto)[ \t:]{0,3}(?:0[1-9]|1[0-2])[/-]\d\d(?!\d)")
_S24C_BDAY = re.compile(r"(?i:\b(?:bday|b-day|b'day|b’day|bdate)\b[ \t:]{0,3}(?:is[ \t])?)"
                        r"(\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d)(?![\w/-]|\.\d)")
_S24C_DOB_YY = re.compile(r"[ \t,]{1,2}['’]?(\d\d)(?![\w/.-])")
_S24C_PASSPORT_FIX = re.compile(r"(?<![\w-])([A-Z]{0,2}\d{6,9})(?![\w-])[ \t.,]*(?:\r?\n[ \t]*)?"
                                r"(?i:(?:sorry|correction|oops|typo|my[ \t]bad)(?:[ \t,:.-]{0,3}i[ \t]mean)?|i[ \t]mean)[ \t,:.-]*(?:\r?\n[ \t]*)?"
                                r"([A-Z]{0,2}\d{6,9})(?![\w-])")
_S24C_LAST4_ASKED = re.compile(r"(?i:\blast[ \t](?:four|4)(?:[ \t]digits)?[ \t]of[ \t](?:(?:his|her|their|your|my|the)"
                               r"[ \t])?(?:ssn|social(?:[ \t]security)?(?:[ \t]number)?)\b[^\n]{0,20}\r?\n"
                               r"[ \t]*[^\W\d][\w ]{0,15}[ \t]?:[ \t]*)(\d{4})(?![\w-])")
_S24C_US_CITY = re.compile(r"(?m:^)[ \t]*([A-Z][a-z]{2,20}(?:[ \t][A-Z][a-z]{2,20}){0,2},?[ \t]"
                           r"(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|"
                           r"S[CD]|T[NX]|UT|V[AT]|W[AIVY])[ \t]\d{5}(?:-\d{4})?)[ \t]*$")
_S24C_US_STREET = re.compile(r"(?<![ \t])[ \t]*(\d{1,6}[A-Z]?[ \t][A-Z][\w'’.-]{1,25}(?:[ \t][A-Z][\w'’.-]{1,25}){0,4})[ \t]*$")
_S24C_US_UNIT = re.compile(r"(?<![ \t])[ \t]*((?i:apt|apartment|unit|suite|ste|#)\.?[ \t]?#?[\dA-Z]{1,5}(?:-[\dA-Z]{1,4})?)[ \t]*$")


def _s24c_line_before(text: str, start: int) -> tuple[int, int] | None:
    if start < 2 or text[start - 1] != "\n":
        return None
    end = start - 1
    return text.rfind("\n", 0, end) + 1, end


# no message names more people than this: a flood of one form ("my kids Aa, my kids Aa, …") stays cheap for the filters
# that compare every name with the whole text
_S24C_MAX_NAMES = 12


def _s24c_capped(found: Iterator[Found]) -> list[Found]:
    out, names = [], 0
    for f in found:
        if f[0] == "PERSON":
            names += 1
            if names > _S24C_MAX_NAMES:
                continue
        out.append(f)
    return out


def find_session24c(text: str) -> Iterator[Found]:
    low = text.lower()
    digit = _DIGIT.search(text) is not None
    if digit and ("ip" in low or "from" in low or "list" in low) and ("." in text or ":" in text):
        for m in _S24C_IP_CUE.finditer(text):
            pos, cue_is_from = m.end(), m.group().lower().startswith("from")
            for _ in range(1 if cue_is_from else 8):
                ip = _s24c_ip_at(text, pos)
                if ip is None:
                    break
                if _s24c_public_ip(ip.group()):
                    yield "IP_ADDRESS", ip.start(), ip.end(), 0.85
                sep = _S24C_IP_SEP.match(text, ip.end())
                if sep is None or sep.end() == ip.end():
                    break
                pos = sep.end()
    if "." in text and ("user" in low or "account" in low or "login" in low or "mailbox" in low):
        for m in _S24C_USERNAME.finditer(text):
            first, last = m.group(1), m.group(2)
            if (first not in _S24C_NOT_USER_PARTS and last not in _S24C_NOT_USER_PARTS
                    and (len(first) == 1 or first in FIRST_NAMES)
                    and _S24C_USER_CUE.search(text, max(0, m.start() - 40), m.start())):
                yield "PERSON", m.start(), m.end(), 0.85
    if " not " in low and any(w in low for w in ("name", "spell", "spelt", "typo")):
        for m in _S24C_SPELL_FIX.finditer(text):
            a, b = m.group(1), m.group(2)
            if _s24c_similar(a, b) and all(_s24c_name_word(w) for w in (a + " " + b).split()):
                yield "PERSON", m.start(1), m.end(1), 0.8
                yield "PERSON", m.start(2), m.end(2), 0.8
    if ("he" in low or "she" in low) and any(k in low for k in ("mum", "mom", "mam", "mother", "dad", "father", "wife",
                                                                "husband", "son", "daughter", "sister", "brother",
                                                                "gran", "nan", "partner", "friend")):
        for m in _S24C_HE_SHE.finditer(text):
            if all(_s24c_name_word(w) for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if "my " in low and any(k in low for k in ("kids", "children", "sons", "daughters", "boys", "girls", "twins",
                                              "grandkids", "grandchildren")):
        for m in _S24C_KIDS.finditer(text):
            for g in (1, 2, 3):
                if m.group(g) and _s24c_name_word(m.group(g)):
                    yield "PERSON", m.start(g), m.end(g), 0.8
    if "family" in low:
        for m in _S24C_FAMILY.finditer(text):
            if all(_s24c_name_word(w) for w in m.group(1).split("-")):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if "'s " in low or "’s " in low:
        for m in _S24C_KIN_OF.finditer(text):
            if _s24c_name_word(m.group(1)):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if "call" in low or "go" in low or "nick" in low:
        for m in _S24C_NICK.finditer(text):
            if _s24c_name_word(m.group(1)):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("hey", "hi", "hello", "thx", "thank", "ty", "cheers", "ta ")):
        for m in _S24C_GREET.finditer(text):
            word = m.group(1)
            if (m.group(2) or word in FIRST_NAMES) and _s24c_name_word(word) and word not in WORD_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("buyer", "seller", "customer", "client", "driver", "courier", "tenant", "landlord",
                              "neighb", "guest", "passenger", "patient", "student", "pupil", "member", "user", "caller",
                              "engineer", "technician")):
        for m in _S24C_ROLE_LOWER.finditer(text):
            if m.group(1) in FIRST_NAMES and m.group(1) not in WORD_NAMES and _s24c_name_word(m.group(1)):
                yield "PERSON", m.start(1), m.end(2), 0.8
    if "Del" in text or "De L" in text:
        for m in _S24C_DELA.finditer(text):
            if all(_s24c_name_word(w) for w in m.group(1).split()[:1]):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("soy", "llamo", "nombre", "nome", "appelle", "name")):
        for m in _S24C_SELF_LOWER.finditer(text):
            words = m.group(1).split()
            if all(_s24c_name_word(w) and w not in _S24C_SELF_NOT for w in words):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if "\n" in text:
        for m in _S24C_LOWER_LINE.finditer(text):
            words = m.group(1).split()
            if all(_s24c_name_word(w) and w not in _S24C_SELF_NOT for w in words):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if not digit:
        return
    if _S24C_HANGUL.search(text):
        for m in _S24C_KO_ADDRESS.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.85
            line = _S24C_KO_NAME_LINE.match(text, m.end())
            if line and line.group(1)[0] in _S24C_KO_SURNAMES:
                yield "PERSON", line.start(1), line.end(1), 0.8
        for m in _S24C_KO_NAME_CUE.finditer(text):
            if m.group(1)[0] in _S24C_KO_SURNAMES:
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("dob", "d.o.b", "born", "birth")):
        for m in _S24C_NAME_DOB.finditer(text):
            if all(_s24c_name_word(w) for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("iqama", "hawiya", "muqeem")):
        for m in _S24C_IQAMA.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "nhi" in low:
        for m in _S24C_NHI.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "mbi" in low or "medicare" in low:
        for m in _S24C_MBI.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "exp" in low or "valid" in low or "vto" in low:
        for m in _S24C_CARD_EXP.finditer(text):
            yield "CARD", m.start(1), m.end(1), 0.85
    if "day" in low or "bdate" in low:
        for m in _S24C_BDAY.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.85
    if "passport" in low:
        for m in _S24C_PASSPORT_FIX.finditer(text):
            if len(m.group(1)) == len(m.group(2)) and "passport" in low[max(0, m.start() - 40):m.start()]:
                yield "PASSPORT", m.start(2), m.end(2), 0.85
    if "last" in low and ("social" in low or "ssn" in low):
        for m in _S24C_LAST4_ASKED.finditer(text):
            yield "SSN", m.start(1), m.end(1), 0.85
    if "\n" in text:
        for m in _S24C_US_CITY.finditer(text):
            street_line = _s24c_line_before(text, m.start())
            street = _S24C_US_STREET.fullmatch(text, *street_line) if street_line else None
            if street_line is None or street is None:
                continue
            yield "ADDRESS", m.start(1), m.end(1), 0.85
            yield "ADDRESS", street.start(1), street.end(1), 0.85
            unit_line = _s24c_line_before(text, street_line[0])
            unit = _S24C_US_UNIT.fullmatch(text, *unit_line) if unit_line else None
            if unit:
                yield "ADDRESS", unit.start(1), unit.end(1), 0.85


# ---- session 19, fixer session24b (blind24b: customer messages in Spanish, Portuguese, French, German, Italian, Dutch,
# Polish, Turkish and code-switched mixes). Each rule is gated on a cheap substring check.
# - PASSPORT: a number of one to three letters and 6-9 digits after a passport's word in these languages ("pasaporte …
#   Es PAK482917", "Pasaport no U28473916", "w nowym paszporcie EK4829173"), within 60 characters on its line;
# - IP_ADDRESS: an IPv4/IPv6 address right after "IP" and a few linking words ("moje IP to …", "mon IP est …");
# - BANK_ACCOUNT: an Argentine CBU/CVU (22 digits) after its name; NATIONAL_ID: a Philippine CRN/SSS/UMID number in its
#   layout (4-7-1 or 2-7-1) after its name;
# - SSN: the last four digits ("the last four: 4471") where the message asked for the writer's social a little before;
# - DOB: a date in words or digits after a birth cue of these languages the older rules lack ("nací el nueve de abril
#   de 1989", "mi cumple es el 5 de enero", "né le 3 mai 1990", "nato il 4 marzo 1975", "geboren am 4. Oktober 2012"), and a
#   date a few linking words after a date-of-birth word ("Geburtsdatum. Richtig ist der 4. Oktober 2012");
# - ADDRESS: a Turkish address (mahalle, cadde, sokak, "No: 14 Daire: 6", postcode and "İlçe/İl"); a Dutch postcode
#   with its house number ("9712 GH, huisnummer 18");
# - PERSON: a name after "M." (French Monsieur: "Merci M. Boukhalfa"), after a passenger's or a name's word of these
#   languages ("pasajera Yesenia Maldonado", "Naam Sneha Kulkarni": two words at least), after "sou eu," / "soy yo,",
#   after a mother's or father's word and "di/de/da" ("la mamma di Tommaso"), a neighbour's name in quotes ("an
#   Nachbar „Krause“"), and a name under a Swiss sign-off ("Freundliche Grüsse\nReto Stäheli").
_S24B_CAP = r"[A-ZÀ-ÞĀ-ŽŞİÇĞÖÜ][^\W\d_]{1,30}+(?:['’-][^\W\d_]{1,30}+){0,2}"
_S24B_PASSPORT = re.compile(r"(?i:\b(?:pasaporte|passaporte|passeport|reisepass|paspoort|passaporto|paszpor\w{1,5}|"
                            r"pasaport\w{0,4}|passport)\b)")
_S24B_PASSPORT_NUM = re.compile(r"(?<![\w-])([A-Z]{1,3}\d{6,9})(?![\w-]|[.,]\d)")
_S24B_IPV4 = r"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d)"
_S24B_IP = re.compile(r"(?i:\b(?:my|moje|moja|mój|moj|mi|mon|ma|mein|meine|minha|meu|mio|mia|mijn|benim)[ \t]"
                      r"(?:own[ \t]|public[ \t]|home[ \t]|publiczne[ \t]|pública[ \t]|publique[ \t])?IP\b)(?:[ \t]{0,3}(?:(?i:address|adres|adresi|adresse|adresa|dirección|direccion|indirizzo|"
                      r"endereço|to|is|es|est|ist|è|é|era|war|was|jest)\b|[:=-])){0,4}[ \t]{0,3}"
                      r"(" + _S24B_IPV4 + "|" + _S23B_IPV6 + ")")
_S24B_PRIVATE_IP = re.compile(r"(?:10|127|192\.168|172\.(?:1[6-9]|2\d|3[01]))\.")  # a home network's, no one's
_S24B_CBU = re.compile(r"\b(?:CBU|CVU)\b[^\d\n]{0,15}(\d{22}|\d{8}[ \t-]\d{14})(?![\d-])")
_S24B_CRN = re.compile(r"\b(?:CRN|SSS|UMID)\b[^\d\n]{0,15}(\d{4}-\d{7}-\d|\d{2}-\d{7}-\d)(?![\d-])")
_S24B_LAST4 = re.compile(r"(?i:\blast[ \t](?:four|4)(?:[ \t]digits)?)[ \t:,]{0,3}(?:(?i:is|are)[ \t])?(\d{4})(?![\w-])")
_S24B_GIVE = re.compile(r"(?i:\b(?:give|giving|provide|providing|share|sharing|send|verify|confirm)\b[^.!?\n]{0,20})$")
_S24B_SOCIAL = re.compile(r"(?i:\b(?:my|your|the|his|her)[ \t](?:social|ssn)\b)")
_S24B_DAY_WORDS = (r"(?:primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
                   r"dieciséis|dieciseis|diecisiete|dieciocho|diecinueve|veinte|veintiuno|veintidós|veintidos|veintitrés|"
                   r"veintitres|veinticuatro|veinticinco|veintiséis|veintiseis|veintisiete|veintiocho|veintinueve|"
                   r"treinta|treinta[ \t]y[ \t]uno)")
_S24B_MONTHS = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
                r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
                r"decembre|januar|jänner|februar|märz|april|juni|juli|august|oktober|dezember|gennaio|febbraio|"
                r"aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|" + _S23A_MONTHS[3:-1] + ")")
_S24B_DATE = (rf"(?i:\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)\d{{2}}|(?:\d{{1,2}}(?:\.|º|°|er)?|{_S24B_DAY_WORDS})[ \t]"
              rf"(?:de[ \t])?{_S24B_MONTHS}(?:[ \t](?:de[ \t])?(?:19|20)\d{{2}})?)")
_S24B_DOB = re.compile(
    r"(?i:\b(?:nac[ií]|nacid[oa]|naci[oó]|nací[ \t]yo|cumple(?:años|anos)?|nascid[oa]|nasci|né|née|"
    r"nato|nata|nati|geboren|urodzon[aey]|urodził[ae]m?[ \t]się|anniversaire|compleanno|aniversário)"
    r"(?:,?[ \t](?:es|est|è|é|ist|is|jest))?(?:[ \t](?:el|em|le|il|am|op|a|o|dia|the))?[ \t]{1,2})"
    r"(?:(?i:el|le|il|der|o)[ \t])?"
    r"(" + _S24B_DATE + r")(?![\w/-]|\.\d)")
_S24B_DOB_AFTER_WORD = re.compile(
    r"(?i:\b(?:geburtsdatum|fecha[ \t]de[ \t]nacimiento|date[ \t]de[ \t]naissance|data[ \t]di[ \t]nascita|"
    r"data[ \t]de[ \t]nascimento|geboortedatum|data[ \t]urodzenia|doğum[ \t]tarihi|date[ \t]of[ \t]birth))"
    r"[ \t.:,]{0,3}(?:(?i:richtig|correct[ao]?|korrekt|juste|giusta|certa|right|ist|is|es|est|è|é|der|el|la|le|il|"
    r"o|a|mein|mi|my|ma|mon|jest|poprawna|prawidłowa|juist|de|doğrusu|correcte|correto|richtige)[ \t.:,]{1,3}){1,5}"
    r"(" + _S24B_DATE + r")(?![\w/-]|\.\d)")
_S24B_DOB_CORRECTED = re.compile(
    r"(?i:\b(?:geburtsdatum|fecha[ \t]de[ \t]nacimiento|date[ \t]de[ \t]naissance|data[ \t]di[ \t]nascita|"
    r"data[ \t]de[ \t]nascimento|geboortedatum|data[ \t]urodzenia|doğum[ \t]tarihi|date[ \t]of[ \t]birth))"
    r"[^\n]{0,50}?(?i:\b(?:richtig|richtige|correct[ao]?|correcte|correto|korrekt|juste|giusta|certa|right|poprawna|"
    r"prawidłowa|juist|doğrusu)\b)(?:[ \t.:,]{1,3}(?i:ist|is|es|est|è|é|der|el|la|le|il|o|a|jest|de|datum|date|"
    r"fecha|data)\b){0,4}[ \t.:,]{1,3}(" + _S24B_DATE + r")(?![\w/-]|\.\d)")
_S24B_TR_PIECE = (r"(?:(?!(?:Adres|Adresim|Adresi|Merhaba|Yeni|Eski)\b)(?:[A-ZÇĞİÖŞÜ][^\W\d_]{1,25}|\d{1,5}\.)[ \t]){1,3}"
                  r"(?:Mahallesi|Mahalle|Mah\.|Caddesi|Cad\.|Cd\.|Sokak|Sokağı|Sok\.|Sk\.|Bulvarı|Blv\.)")
_S24B_TR_ADDRESS = re.compile(
    _S24B_TR_PIECE + r"(?:,?[ \t]" + _S24B_TR_PIECE + r"){0,2}[ \t,]{1,2}No[:.]?[ \t]?\d{1,4}[A-Z]?(?:/\d{1,4})?"
    r"(?:[ \t,]{1,2}(?:Daire|D|Kat|K)[:.]?[ \t]?\d{1,3})*"
    r"(?:,?[ \t]\d{5}[ \t][A-ZÇĞİÖŞÜ][^\W\d_]+(?:[ \t]?/[ \t]?[A-ZÇĞİÖŞÜ][^\W\d_]+)?)?")
_S24B_NL_POSTCODE = re.compile(r"\b([1-9]\d{3}[ \t]?(?!SS|SA|SD)[A-Z]{2}\b(?:,?[ \t](?:huisnummer|huisnr\.?|nummer|nr\.?)"
                               r"[ \t]?\d{1,5}(?:[ \t-]?[a-zA-Z]\b)?)?)")
_S24B_MONSIEUR = re.compile(rf"(?<![\w.'’])M\.[ \t]{{1,2}}({_S24B_CAP}(?:[ \t]{_S24B_CAP})?)(?![\w'’-])")
_S24B_NAME_CUE = re.compile(rf"(?i:\b(?:naam|pasajer[oa]|passageir[oa]|passager|passagère|passegger[oa]|passagier|"
                            rf"fluggast|yolcu|pasażer(?:ka)?)\b)[ \t:]{{1,3}}({_S24B_CAP}(?:[ \t]{_S24B_CAP}){{1,3}})")
_S24B_SELF_COMMA = re.compile(rf"(?i:\b(?:sou[ \t]eu|soy[ \t]yo|c['’]est[ \t]moi|sono[ \t]io|ich[ \t]bin['’]s|"
                              rf"to[ \t]ja|ben[ \t]de)),[ \t]{{1,2}}({_S24B_CAP}(?:[ \t]{_S24B_CAP}){{0,2}})(?![\w'’-])")
_S24B_PARENT_OF = re.compile(rf"(?i:\b(?:mamma|mamá|mama|mamãe|mãe|maman|papà|papá|papai|pai|papa|papa|nonna|nonno|"
                             rf"madre|padre)[ \t](?:di|de|do|da|du|von|van)[ \t])({_S24B_CAP})(?![\w'’-])")
_S24B_NEIGHBOUR = re.compile(rf"(?i:\b(?:nachbar(?:in|n)?|neighbou?r|vecin[oa]|voisin[e]?|vicin[oa]|vizinh[oa]|buren|"
                             rf"buurman|buurvrouw|sąsiad\w{{0,3}}|komşu\w{{0,3}})[ \t]{{1,2}})[\"„“«‚‘'][ \t]?"
                             rf"({_S24B_CAP}(?:[ \t]{_S24B_CAP})?)[ \t]?[\"“”»‘’']")
_S24B_SWISS_SIGN = re.compile(rf"(?im:^[ \t]*(?:(?:freundliche|liebe|viele|beste|herzliche)[ \t]grüsse|"
                              rf"mit[ \t]freundlichen[ \t]grüssen|grüessli|en[ \t]gruess|liebi[ \t]grüess)[ \t]*,?[ \t]*"
                              rf"\r?\n[ \t]*({_S24B_CAP}(?:[ \t]{_S24B_CAP}){{0,2}})[ \t]*$)")
_S24B_AFRICAN_ADDRESS_WORDS = r"(?:cité|villa|lot|îlot|ilot|quartier|carré|résidence|immeuble|lotissement|bâtiment|porte)"
_S24B_PIECE_WORD = (r"(?:[A-ZÀ-Þ][^\W\d_]{1,25}(?:['’-][^\W\d_]{1,20})?|\d{1,5}[A-Za-z]?|(?i:" + _S24B_AFRICAN_ADDRESS_WORDS +
                    r")|les|des|de|du|la|le|d['’]|l['’])")
_S24B_LIVE_ADDRESS = re.compile(
    r"(?i:\b(?:j['’]habite|domicilié|domiciliée|je[ \t]vis|je[ \t]réside|nous[ \t]habitons)(?:[ \t](?:à|au|a))?[ \t]{1,2})"
    r"((?=[A-ZÀ-Þ]|(?i:" + _S24B_AFRICAN_ADDRESS_WORDS + r")\b)" + _S24B_PIECE_WORD + r"(?:[ \t]" + _S24B_PIECE_WORD +
    r"){0,5}(?:,[ \t]?(?=[A-ZÀ-Þ]|(?i:" + _S24B_AFRICAN_ADDRESS_WORDS + r")\b)" + _S24B_PIECE_WORD + r"(?:[ \t]" +
    _S24B_PIECE_WORD + r"){0,5}){1,5})(?![\w'’-])")
_S24B_SPELL_ITEM = (r"(?:[A-Z][ \t](?:come|comme|wie|como|de|van|voor)[ \t][A-ZÀ-Þ][^\W\d_]{2,20}|"
                    r"(?i:doppia|doppio|double|doble|dupla|doppel|dubbele)[ \t][^\W\d_]{1,8})")
_S24B_SPELLED = re.compile(r"(?<![\w])" + _S24B_SPELL_ITEM + r"(?:,?[ \t]" + _S24B_SPELL_ITEM + r"){1,15}")
# the Dutch and the German spelling alphabets' words: four or more in a row spell a name ("Dirk, Eduard, Karel, Karel")
_S24B_ALPHABET_WORD = (r"(?:Anton|Bernard|Cornelis|Dirk|Eduard|Ferdinand|Gerard|Hendrik|Izaak|Johan|Karel|Lodewijk|"
                       r"Marie|Nico|Otto|Pieter|Quirinus|Rudolf|Simon|Teunis|Utrecht|Victor|Willem|Xantippe|IJmuiden|"
                       r"Ypsilon|Zaandam|Berta|Cäsar|Charlotte|Dora|Emil|Friedrich|Gustav|Heinrich|Ida|Julius|Kaufmann|"
                       r"Ludwig|Martha|Nordpol|Paula|Quelle|Richard|Samuel|Siegfried|Theodor|Ulrich|Viktor|Wilhelm|"
                       r"Xanthippe|Zacharias|Zeppelin|Ärger|Ökonom|Übermut|Eszett)")
_S24B_ALPHABET = re.compile(r"(?<![\w'’-])" + _S24B_ALPHABET_WORD + r"(?:,?[ \t]{1,2}" + _S24B_ALPHABET_WORD +
                            r"){3,24}(?![\w'’-])")
_S24B_ES_UNITS = r"(?:cero|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
_S24B_ES_WORD = (r"(?:(?:veinti(?:uno|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)|diez|once|doce|trece|"
                 r"catorce|quince|dieci(?:séis|seis|siete|ocho|nueve))|(?:veinte|treinta|cuarenta|cincuenta|sesenta|setenta|"
                 r"ochenta|noventa)(?:[ \t]y[ \t]" + _S24B_ES_UNITS + r")?|" + _S24B_ES_UNITS + r")")
_S24B_ES_PHONE = re.compile(r"(?i:\b(?:número|numero|móvil|movil|teléfono|telefono|celular|cel|whatsapp)\b[^.\n\d]{0,25}?)"
                            r"(?i:\b(" + _S24B_ES_WORD + r"(?:[ \t,]{1,3}" + _S24B_ES_WORD + r"){3,14})\b)")
_S24B_YEAR_NOW = __import__("datetime").date.today().year


def _s24b_es_digits(words: str) -> int:
    n = 0
    for m in re.finditer(_S24B_ES_WORD, words, re.IGNORECASE):
        n += 1 if re.fullmatch(_S24B_ES_UNITS, m.group(), re.IGNORECASE) else 2
    return n


def find_session24b(text: str) -> Iterator[Found]:
    """Session 24b's rules (see the block's comment)."""
    low = text.lower()
    if "M." in text:
        for m in _S24B_MONSIEUR.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("naam", "pasaj", "passag", "passeg", "fluggast", "yolcu", "pasaż")):
        for m in _S24B_NAME_CUE.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if "," in text and any(w in low for w in ("sou eu", "soy yo", "est moi", "sono io", "bin's", "to ja", "ben de")):
        for m in _S24B_SELF_COMMA.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("mamm", "mamá", "mama", "mãe", "maman", "papà", "papá", "papa", "pai ", "nonn", "madre",
                              "padre")):
        for m in _S24B_PARENT_OF.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("nachbar", "neighb", "vecin", "voisin", "vicin", "vizinh", "buren", "buur", "sąsiad",
                              "komşu")):
        for m in _S24B_NEIGHBOUR.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if "grüss" in low or "gruess" in low or "grüess" in low:
        for m in _S24B_SWISS_SIGN.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in (" come ", " comme ", " wie ", " como ", " de ", " van ", " voor ", "doppi", "double",
                              "doble", "dupla", "doppel", "dubbele")):
        for m in _S24B_SPELLED.finditer(text):
            yield "PERSON", m.start(), m.end(), 0.8
    if ", " in text or text.count(" ") >= 3:
        for m in _S24B_ALPHABET.finditer(text):
            yield "PERSON", m.start(), m.end(), 0.8
    if any(w in low for w in ("número", "numero", "móvil", "movil", "teléfono", "telefono", "cel", "whatsapp")):
        for m in _S24B_ES_PHONE.finditer(text):
            if 9 <= _s24b_es_digits(m.group(1)) <= 13 and not re.search(
                    r"(?i:pedido|orden|referencia|factura|cliente|cuenta|dni|nie|seguimiento|tarjeta|código|codigo)",
                    m.group()[:m.start(1) - m.start()]):
                yield "PHONE", m.start(1), m.end(1), 0.8
    if not _DIGIT.search(text):
        return
    if any(w in low for w in ("pasaport", "passaport", "passeport", "reisepass", "paspoort", "paszpor", "passport")):
        for m in _S24B_PASSPORT.finditer(text):
            if _PASSPORT_NOT.search(text, max(0, m.start() - 15), m.start()):
                continue
            stop = text.find("\n", m.end())
            stop = min(m.end() + 60, len(text) if stop < 0 else stop)
            num = _S24B_PASSPORT_NUM.search(text, m.end(), stop)
            if num is not None:
                yield "PASSPORT", num.start(1), num.end(1), 0.85
    if "ip" in low:
        for m in _S24B_IP.finditer(text):
            if (m.group(1).count(":") >= 2 or "." in m.group(1)) and not _S24B_PRIVATE_IP.match(m.group(1)):
                yield "IP_ADDRESS", m.start(1), m.end(1), 0.85
    if "CBU" in text or "CVU" in text:
        for m in _S24B_CBU.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.95
    if "CRN" in text or "SSS" in text or "UMID" in text:
        for m in _S24B_CRN.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.95
    if "last" in low and ("social" in low or "ssn" in low):
        for m in _S24B_LAST4.finditer(text):
            if _S24B_SOCIAL.search(text, max(0, m.start() - 200), m.start()) and _S24B_GIVE.search(
                    text, max(0, m.start() - 30), m.start()):
                yield "SSN", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("nac", "cumple", "nasc", "né", "née", "nat", "geboren", "urodz", "anniversaire",
                              "compleanno", "aniversário")):
        for m in _S24B_DOB.finditer(text):
            years = re.findall(r"(?:19|20)\d\d", m.group(1))
            if not years or 1900 <= int(years[-1]) <= _S24B_YEAR_NOW - 1:
                yield "DOB", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("geburtsdatum", "nacimiento", "naissance", "nascita", "nascimento", "geboortedatum",
                              "urodzenia", "doğum tarihi", "date of birth")):
        for m in (*_S24B_DOB_AFTER_WORD.finditer(text), *_S24B_DOB_CORRECTED.finditer(text)):
            years = re.findall(r"(?:19|20)\d\d", m.group(1))
            if years and 1900 <= int(years[-1]) <= _S24B_YEAR_NOW - 1:
                yield "DOB", m.start(1), m.end(1), 0.85
    if "No" in text and any(w in text for w in ("Sok", "Cad", "Mah", "Cd.", "Sk.", "Bulv", "Blv.")):
        for m in _S24B_TR_ADDRESS.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.85
    if any(w in low for w in ("habite", "domicili", "je vis", "réside", "habitons")) and "," in text:
        for m in _S24B_LIVE_ADDRESS.finditer(text):
            if any(c.isdigit() for c in m.group(1)):
                yield "ADDRESS", m.start(1), m.end(1), 0.8
    if "postcode" in low or "huisn" in low:
        for m in _S24B_NL_POSTCODE.finditer(text):
            yield "ADDRESS", m.start(1), m.end(1), 0.85


# ---- session 19, fixer session24a (blind24: voice-call transcripts and voicemails as speech-to-text writes them) -------
# Lower-case, unpunctuated turns. Each rule is gated on a cheap substring check.
# - PERSON: an agent's or a caller's name after an introduction's cue, ended by a word that follows names in speech
#   ("this is tamika may i have…", "youre speaking with thandeka", "this is brandi lyn sauceda um my cat…", "hello its
#   bridie cusack in…", "this message is for uh kenji watanabe this is…", "ill transfer you to shireen now", "ask for
#   femi hes the one"); an opening "shannonside electric declan here"; a title before a name with particles ("mister
#   van der merwe"); the answer to a name question after a numbered speaker's label ("Speaker 2: fenella achterberg");
#   a name at a turn's end after thanks or a greeting ("thanks bronte", "ok cheers dom", "hi harvey its…").
# - DOB: a spoken date of birth with a month and a cardinal day ("march twelve nineteen ninety"), or day, month and a
#   two-digit year said in numbers ("two three oh six thirty eight", "twenty eight two seventy one").
_S24A_INTRO = re.compile(
    r"(?i:\bthis[ \t]is[ \t]|(?P<strong>\bthis[ \t]message[ \t](?:is[ \t])?for[ \t]|\ba[ \t]message[ \t]for[ \t]|"
    r"\b(?:you['’]?re|youre|you[ \t]are)[ \t](?:speaking|talking|through)[ \t](?:to|with)[ \t]|"
    r"\bspeaking[ \t]with[ \t]|\btransfer(?:ring)?[ \t]you[ \t](?:over[ \t]|through[ \t]|across[ \t])?to[ \t]|"
    r"\bput(?:ting)?[ \t]you[ \t]through[ \t]to[ \t]|\bask[ \t]for[ \t])|"
    r"(?P<two>\bit['’]?s[ \t]for[ \t]|\b(?:my|his|her|our)[ \t](?:mum|mom|dad|wife|husband|son|daughter|partner|nan|"
    r"gran|grandad|grandma|brother|sister|mother|father)s?\b[^\n]{0,40}?\b(?:she|he)['’]?s[ \t])|"
    r"\b(?:hi|hello|hiya|hey|yes|yeah|morning|afternoon|evening)\b[^\n]{0,20}?\bit['’]?s[ \t](?:only[ \t]|just[ \t])?)"
    r"(?:(?:uh|um|er|erm)[ \t]+)?")
# what follows a name said in an introduction (a name at the line's end needs two words or a first name we know)
_S24A_INTRO_END = re.compile(
    r"[ \t]{0,3}(?:(?P<strong>(?i:may|can|could|from|of|calling|ringing|here|speaking|um|uh|er|erm|in|at|ha|now|hes|shes|"
    r"he['’]s|she['’]s|with|about|regarding|returning|this|its|it['’]s|who|whos|date|dob|born|postcode|address)\b)|"
    r"(?P<weak>\r?\n|$|[,.!?]))")
# words that "this is" / "it's" are followed by in talk, which are no one's name
_S24A_NOT_NAME = frozenset("""ready urgent fine great good bad terrible awful ridiculous unacceptable important serious
crazy insane weird strange odd annoying frustrating stupid silly wrong right correct true false late early new old
normal usual same different other another last first next second third final free cheap expensive dear broken done
finished over gone lost missing stuck sorted closed open cancelled delayed because getting going gonna gotta wanna not
never really actually literally basically honestly just only also still even already about regarding re for from to
with without into onto upon your my our their his her its it this that these those there here where what which who
whom whose how why when whatever anyway someone somebody something anything nothing everything everyone anybody
nobody me him them us you we they i im ive id ill hes shes thats theres whats whos hows mine yours ours theirs ok okay
yes yeah yep yup no nope nah sure fair true absolutely definitely exactly probably maybe perhaps please thanks thank
cheers sorry hello hi hey hiya bye goodbye morning afternoon evening night today tomorrow yesterday tonight
weekend week month year day time call phone line number email address message voicemail text letter payment
account card order booking reference ticket claim policy date name passport send sent call called calling ring rang
mum mom dad nan gran grandad grandma son daughter wife husband partner brother sister mother father aunt uncle cousin
friend neighbour neighbor boss manager team staff customer client member caller agent engineer driver doctor nurse
mate love dear darling babe hun pal buddy man bro sir maam madam miss mister mrs mr ms dr guys folks all everybody
lads girls boys kids lot lots heaps loads much more less again too so such very quite pretty bit kind sort type way
upi atm pin otp app site website online store shop office branch bank building society service services support
help helpline desk department reception switchboard line queue hold transfer accounts sales billing claims
support technical collections complaints bookings reservations enquiries payments ha haha lol isnt isn't wasnt wasn't
arent aren't dont don't doesnt doesn't didnt didn't cant can't wont won't is be was were are been being water
broadband energy gas power electric electricity telecom mobile internet fibre council school home business work
purposes uniforms group ltd limited company plc airline airlines airways travel holidays hotel rail trains buses taxi
cabs parcel parcels delivery deliveries insurance repairs repair maintenance housing rent lettings retentions dispatch
nights days lates earlies residents resident homeowner occupier tenant tenants customers pet sunshine chief hon honey
sweetheart sweetie chuck duck hen flower petal operations logistics warehouse returns refunds renewals underwriting
fraud security admissions maternity outpatients appointments accounts""".split())
_S24A_FOR_WHOM = re.compile(r"(?i:\b(?:script|prescription|repeat|order|booking|appointment|reservation|collection|"
                            r"parcel|delivery|refill|ready|ticket|tickets)\b)")
_S24A_TURN = re.compile(r"(?m:^[ \t]{0,3}(?:\[[^\]\n]{1,20}\][ \t]{0,3})?[^\W\d_][\w ]{0,20}:)")
_S24A_OPENING = re.compile(r"[ \t]{0,3}(?:\[[^\]\n]{1,12}\][ \t]{0,3})?[^\W\d_][\w ]{0,20}:")  # a call's first turn
_S24A_HERE = re.compile(r"(?<![\w'’-])([a-z][a-z'’-]{1,20})[ \t]here(?=[ \t]*(?:\r?\n|$|[,.!]))")
_S24A_TITLED = re.compile(
    r"(?<![\w'’-])(?i:mister|mr|mrs|missus|ms|miss|dr|doctor)\.?[ \t]"
    r"((?i:van|von|de|der|den|du|da|di|la|le|del|della|dos|das|mac|mc|ter|ten|al|el|bin|ben|ni|nic|st)"
    r"(?:[ \t](?i:der|den|de|la|le|los|las|da))?[ \t][a-z][a-z'’-]{2,25})(?![\w'’-])")
_S24A_NAME_QUESTION = re.compile(
    r"(?i:\b(?:what['’]?s|whats|what[ \t]is|and|can[ \t]i[ \t](?:have|take|get)|could[ \t]i[ \t](?:have|take|get)|"
    r"may[ \t]i[ \t](?:have|take|get))[ \t](?:your|his|her|their|the)[ \t](?:full[ \t])?names?|"
    r"\bfull[ \t]names?(?:[ \t]and[ \t](?:your[ \t])?(?:date[ \t]of[ \t]birth|d[ \t]?o[ \t]?b|birthday))?|"
    r"\bpassenger[ \t]names?)\b[^\n]{0,25}\r?\n[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?"
    r"[^\W\d_]{1,20}(?:[ \t]?\d{1,2})?[ \t]?:[ \t]*")
_S24A_NUMBER_AFTER = re.compile(rf"[ \t]{{1,3}}(?i:{_S20_DIGIT}|{_S20_TENS}|{_S20_TEENS}|{_S20_MONTH})\b")
_S24A_THANKED = re.compile(
    r"(?i:\b(?:thanks|thank[ \t]you|cheers|ta|bye|goodbye|hi|hello|hiya|hey|morning)[ \t])([a-z][a-z'’-]{2,20})"
    r"(?=[ \t]*(?:\r?\n|$|[,.!?])|[ \t](?:and|it['’]?s|its|this[ \t]is)\b)")
_S24A_LINE_END = re.compile(r"[ \t]{0,3}(?:\r?\n|$)")
_S24A_NAME_LINE = re.compile(r"(?i:(?<![\w'’-])name[ \t](?:is[ \t])?)(?=[a-z])")


# endings of English adjectives and nouns that no name has ("outrageous", "unbelievable", "frustration")
_S24A_NOT_NAME_ENDS = ("ous", "able", "ible", "ful", "less", "tion", "sion", "ised", "ized", "ated")


def _s24a_word_ok(word: str) -> bool:
    w = word.lower()
    if len(w) < 2 or w in _S24A_NOT_NAME:
        return False
    if w in FIRST_NAMES and w not in NOT_NAMES and w not in _S20_STOP:
        return True  # "emily", "kelly": _s20_name_word turns down every word ending in "ly"
    return _s20_name_word(w) and not w.endswith(_S24A_NOT_NAME_ENDS)


def _s24a_run(text: str, pos: int, most: int = 3) -> tuple[int, int] | None:
    """The name words from pos (at most ``most``), each a name's by _s20_name_word and not in _S24A_NOT_NAME."""
    start = end = -1
    count = 0
    for m in _S20_TOKEN.finditer(text, pos, min(len(text), pos + 120)):
        gap = text[end if end >= 0 else pos:m.start()]
        if gap.strip() or "\n" in gap or count >= most or len(m.group()) < 2 or not _s24a_word_ok(m.group()):
            break
        if start < 0:
            start = m.start()
        end = m.end()
        count += 1
    return (start, end) if start >= 0 else None


def _s24a_known(value: str) -> bool:
    return any(w in FIRST_NAMES for w in value.lower().split())


def _s24a_names(text: str, low: str) -> Iterator[Found]:
    said = "voicemail" in low or _S24A_TURN.search(text) is not None  # a call's transcript or a voicemail
    if any(w in low for w in ("this is", "message", "speaking", "talking", "through to", "transfer", "ask for", "it's",
                              "its", "it’s")):
        for m in _S24A_INTRO.finditer(text):
            run = _s24a_run(text, m.end())
            if run is None:
                continue
            end = _S24A_INTRO_END.match(text, run[1])
            if end is None:
                continue
            value = text[run[0]:run[1]]
            if m.group("two") is not None and (" " not in value or end.group("strong") is None and "for" not in
                                               m.group("two").lower()):
                continue  # "its for kostas papadimitriou", "my mums prescription shes nirmala gunasekera date of…"
            if m.group("two") is not None and "for" in m.group("two").lower() and not _s24a_known(value) and \
                    not _S24A_FOR_WHOM.search(text, max(0, m.start() - 80), m.start()):
                continue  # "its for school uniforms": whom a prescription, a booking or an order is for only
            if end.group("weak") is not None and not _s24a_known(value) and (
                    not said or " " not in value and m.group("strong") is None):
                continue  # "this is disgust bs." in a post: a name at a line's end only in a call's turns
            if not value.islower():
                continue  # a transcript's lower case only: capitalised text has its own rules
            yield "PERSON", run[0], run[1], 0.8
    if " here" in low and _S24A_OPENING.match(text):
        first_end = text.find("\n")
        for m in _S24A_HERE.finditer(text, 0, len(text) if first_end < 0 else first_end):
            if _s24a_word_ok(m.group(1)):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("mister", "mr", "mrs", "ms", "miss", "dr", "doctor")):
        for m in _S24A_TITLED.finditer(text):
            yield "PERSON", m.start(1), m.end(1), 0.8
    if "name" in low and "\n" in text:
        for m in _S24A_NAME_QUESTION.finditer(text):
            if _S20_BUSINESS_NAME.search(m.group()):
                continue  # "the name of your bank", "the dog's name"
            run = _s24a_run(text, m.end())
            if run is not None and (_S24A_INTRO_END.match(text, run[1]) or _S24A_NUMBER_AFTER.match(text, run[1])):
                yield "PERSON", run[0], run[1], 0.8
    if "name " in low:
        for m in _S24A_NAME_LINE.finditer(text):
            run = _s24a_run(text, m.end())
            if run is not None and " " in text[run[0]:run[1]] and _S24A_LINE_END.match(text, run[1]):
                yield "PERSON", run[0], run[1], 0.8
    if said and any(w in low for w in ("thank", "cheers", "ta ", "bye", "hi ", "hello", "hiya", "hey", "morning")):
        for m in _S24A_THANKED.finditer(text):
            if _s24a_word_ok(m.group(1)) and m.group(1).islower():
                yield "PERSON", m.start(1), m.end(1), 0.75


_S24A_DIGIT_PAIR_DAY = rf"(?:oh|zero|one|two|three)[ \t]{_S20_DIGIT}"
_S24A_DIGIT_PAIR_MONTH = r"(?:oh|zero)[ \t](?:one|two|three|four|five|six|seven|eight|nine)|one[ \t](?:oh|zero|one|two)"
_S24A_DOB = re.compile(
    rf"(?<![\w'’-])(?i:(?:{_S20_MONTH})[ \t](?:the[ \t])?{_S20_CARD_DAY},?[ \t]{_S20_YEAR}"
    rf"|{_S24A_DIGIT_PAIR_DAY}[ \t](?:{_S24A_DIGIT_PAIR_MONTH})[ \t](?:{_S20_YEAR}))"
    rf"(?![\w'’-]|[ \t,]{{1,2}}(?:{_S20_DIGIT}|{_S20_TEENS})(?![\w'’]))")


def _s24a_dobs(text: str) -> Iterator[Found]:
    for m in _S24A_DOB.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else 0
        if _S20_DOB_CUE.search(text, max(before_start, m.start() - 200), m.start()):
            yield "DOB", m.start(), m.end(), 0.85


# a bank account's, a sort code's or a building society's roll number read out after its cue (on its line or the line
# before), in a bank's call: "account number is three one four two, zero zero one, …", "roll number\nMember: r four
# four oh nine one two slash seven", "sort code four oh nine one oh four, seven one three three two oh eight five"
_S24A_BANK_CUE = re.compile(r"(?i:\b(?:account[ \t](?:number|no)|sort[ \t]code|roll[ \t]number)\b(?:[ \t](?:is|was))?)"
                            r"(?:[^\n\d]{0,25}\r?\n[^\n:]{1,20}:)?[ \t,:]*(?:(?i:its|it's|yeah|yes|sure|uh|um|ok)[ \t,]+){0,2}")
_S24A_BANK_TOKEN = rf"(?:(?:(?:double|triple)[ \t])?{_S20_DIGIT}|[a-z]|slash|dash)"
_S24A_BANK_RUN = re.compile(rf"(?i:{_S24A_BANK_TOKEN}(?:,?[ \t]{_S24A_BANK_TOKEN}){{5,30}})(?![\w'’-])")
_S24A_BANK_CALL = re.compile(r"(?i:\b(?:bank|banking|building[ \t]society|credit[ \t]union|savings|sort[ \t]code|iban|upi|"
                             r"neft|imps|ifsc|roll[ \t]number)\b)")
_S24A_DIGIT_WORD = re.compile(rf"(?i:\b{_S20_DIGIT}\b)")


def _s24a_bank(text: str) -> Iterator[Found]:
    for m in _S24A_BANK_CUE.finditer(text):
        run = _S24A_BANK_RUN.match(text, m.end())
        if run is None or not _S24A_DIGIT_WORD.match(run.group()) and len(run.group().split(None, 1)[0]) > 1:
            continue  # opens with a digit or a letter ("r four four…"), never "slash"
        tokens = list(re.finditer(r"[^\s,]+", run.group()))
        while tokens and not _S24A_DIGIT_WORD.fullmatch(tokens[-1].group()):
            tokens.pop()  # a run ends with a digit
        if sum(1 for t in tokens if _S24A_DIGIT_WORD.fullmatch(t.group())) >= 7:  # a sort code alone is kept
            yield "BANK_ACCOUNT", run.start(), run.start() + tokens[-1].end(), 0.85


# - ADDRESS: a first line said in words whose street type the older rules lack ("six primrose bank, holmfirth", "old
#   mill pike"), after an address's cue; a US address said in words, house number to ZIP ("four oh eight two old mill
#   pike knoxville tennessee three seven nine one nine").
# - PHONE: the caller's number in a voicemail's header ("Voicemail from 01632 960 441 (00:27)"); a number said half in
#   figures, half in words after a phone's cue ("call me back on 07700 nine double oh, one four two").
_S24A_MORE_STREETS = r"bank|brow|fold|gate|pike|wynd|chase|croft|meadows|paddocks|heights|loop|trail|boulevard|highway"
_S24A_ADDRESS_CUE = re.compile(r"(?i:\baddress|\blive[ \t]at|\bliving[ \t]at|\bmoved[ \t]to|\bpostcode)")
_S24A_FIRST_LINE = re.compile(
    rf"(?<![\w'’-])(?:(?:number[ \t])?{_S20_WORD_HEAD}(?:[ \t][a-z])?,?[ \t])"
    rf"((?:[a-z'’]{{2,20}}[ \t]){{1,3}})(?:{_S24A_MORE_STREETS})(?![\w'’-])"
    r"(?:,[ \t]([a-z]{3,20}(?:[ \t][a-z]{3,20})?)(?=[ \t]*(?:\r?\n|$|[,.])))?")
_S24A_US_STATES = frozenset("""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
washington wisconsin wyoming""".split())
_S24A_US_ADDRESS = re.compile(
    rf"(?<![\w'’-])(?i:{_S20_DIGIT}(?:[ \t]{_S20_DIGIT}){{1,4}}[ \t]((?:[a-z'’]{{2,20}}[ \t]){{2,7}})"
    rf"(?:new[ \t]|north[ \t]|south[ \t]|west[ \t]|rhode[ \t])?([a-z]{{4,14}})[ \t,]{{1,2}}"
    rf"{_S20_DIGIT}(?:,?[ \t]{_S20_DIGIT}){{4}})(?![\w'’-]|,?[ \t]{_S20_DIGIT}\b)")
_S24A_HEADER_PHONE = re.compile(r"(?i:\b(?:voicemail|missed[ \t]call|call)[ \t]from[ \t]?:?[ \t])"
                                r"(\+?(?:\(\d{1,5}\)[ \t]?)?\d[\d \t.-]{6,16}\d)(?![\w-])")
_S24A_NOT_PHONE_BEFORE = re.compile(r"(?i:\b(?:account|reference|ref|order|policy|ticket|booking|claim|case|"
                                    r"membership|member|tracking|invoice|meter)\b)")
_S24A_MIXED_PHONE = re.compile(
    rf"(?i:\b(?:call[ \t]me(?:[ \t]back)?[ \t]on|reach[ \t]me[ \t]on|ring[ \t]me(?:[ \t]back)?[ \t]on|my[ \t]number[ \t]is|"
    rf"number[ \t]is|mobile[ \t]is|text[ \t]me[ \t]on)[ \t])"
    rf"((?:\+|plus[ \t])?(?:\d{{1,5}}|{_S21A_DIGITS})(?:,?[ \t](?:\d{{1,5}}|{_S21A_DIGITS})){{1,14}})(?![\w'’-])")


def _s24a_addresses(text: str, low: str) -> Iterator[Found]:
    if any(w in low for w in _S24A_MORE_STREETS.split("|")):
        for m in _S24A_FIRST_LINE.finditer(text):
            if any(w in _S20_UNIT_WORDS or w in _S20_NOT_ADDRESS_WORDS or w in NOT_NAMES for w in m.group(1).split()):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else 0
            if _S24A_ADDRESS_CUE.search(text, prev_start, m.start()):
                town = m.group(2) and not any(w in NOT_NAMES or w in _S20_NOT_ADDRESS_WORDS for w in m.group(2).split())
                yield "ADDRESS", m.start(), m.end() if town else m.end(1) + len(
                    text[m.end(1):m.end()].split(",")[0]), 0.8
    if any(w in low for w in _S24A_US_STATES):
        for m in _S24A_US_ADDRESS.finditer(text):
            if m.group(2).lower() in _S24A_US_STATES and not any(
                    w in _S20_NOT_ADDRESS_WORDS for w in m.group(1).lower().split()):
                yield "ADDRESS", m.start(), m.end(), 0.8


def _s24a_phones(text: str, low: str) -> Iterator[Found]:
    if "from" in low and _DIGIT.search(text):
        for m in _S24A_HEADER_PHONE.finditer(text):
            if 9 <= sum(c.isdigit() for c in m.group(1)) <= 15:
                yield "PHONE", m.start(1), m.end(1), 0.8
    if "on" in low or "is" in low:
        for m in _S24A_MIXED_PHONE.finditer(text):
            if _S24A_NOT_PHONE_BEFORE.search(text, max(0, m.start() - 25), m.start() + 1):
                continue  # "account number is 4471 two two nine"
            value = m.group(1)
            figures = sum(c.isdigit() for c in value)
            words = re.findall(r"(?i:double|triple|zero|oh|one|two|three|four|five|six|seven|eight|nine)", value)
            said = sum(0 if w.lower() in ("double", "triple") else 1 for w in words) + sum(
                1 if w.lower() == "double" else 2 if w.lower() == "triple" else 0 for w in words)
            if figures and words and 9 <= figures + said <= 13:
                yield "PHONE", m.start(1), m.end(1), 0.8


# - NATIONAL_ID: a national number read out answering its cue on the line before or after it, "dash" said between
#   its groups, a PPS number's letters after its digits ("pps number\nCaller: seven six five four three two one t a",
#   "sss number\nClient: three three dash four one nine oh two seven six dash one").
# - CARD: a card read out in two halves joined by "then" after a card's cue: both halves (_S24A_CARD_HALVES, used by
#   pii_presidio's _session24a_filters: an older filter drops the first half).
# - ADDRESS: "building c apartment three twelve" (a block's letter and a flat's number said in words).
_S24A_ID_CUE = re.compile(r"(?i:\b(?:ppsn?|sss|umid|tin|sin|(?:national|personal)[ \t]id|id|identity|social[ \t]"
                          r"(?:insurance|security))[ \t](?:number|no)\b|\bppsn?\b)"
                          r"(?:[^\n\d]{0,30}\r?\n[^\n:]{1,20}:)?[ \t,:]*(?:(?i:its|it's|yeah|yes|sure|uh|um|ok|is)[ \t,]+){0,2}")
_S24A_ID_RUN = re.compile(rf"(?i:{_S20_DIGITS}(?:,?[ \t](?:dash[ \t])?{_S20_DIGITS}){{6,14}})"
                          r"(?P<letters>[ \t][a-z](?:[ \t][a-z])?(?=[ \t]*(?:\r?\n|$|[,.])))?(?![\w'’-])")
_S24A_CARD_HALVES = re.compile(
    rf"(?i:((?:{_S20_DIGITS},?[ \t]){{3}}{_S20_DIGITS},?[ \t](?:{_S20_DIGITS},?[ \t]){{3}}{_S20_DIGITS})"
    rf"[ \t]then[ \t]((?:{_S20_DIGITS},?[ \t]){{3}}{_S20_DIGITS},?[ \t](?:{_S20_DIGITS},?[ \t]){{3}}{_S20_DIGITS}))"
    r"(?![\w'’-])")
_S24A_BLOCK_FLAT = re.compile(rf"(?i:\b(?:building|block|tower)[ \t][a-z0-9](?![\w'’-]),?[ \t](?:apartment|apt|flat|"
                              rf"unit|suite)[ \t](?:{_S20_NUMBER_HEAD}))(?![\w'’-])")


def _s24a_more(text: str, low: str) -> Iterator[Found]:
    if any(w in low for w in ("pps", "sss", "umid", "tin ", "sin ", " id ", "identity", "social")):
        for m in _S24A_ID_CUE.finditer(text):
            run = _S24A_ID_RUN.match(text, m.end())
            if run and len(_S24A_DIGIT_WORD.findall(run.group())) >= 7:
                yield "NATIONAL_ID", run.start(), run.end(), 0.85
    if any(w in low for w in ("building ", "block ", "tower ")):
        for m in _S24A_BLOCK_FLAT.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.8


def find_session24a(text: str) -> Iterator[Found]:
    """Session 24a's rules (see the block's comment)."""
    low = text.lower()
    yield from _s24a_names(text, low)
    if any(w in low for w in ("birth", "dob", "d o b", "born")):
        yield from _s24a_dobs(text)
    if any(w in low for w in ("account", "sort code", "roll number")) and _S24A_BANK_CALL.search(text):
        yield from _s24a_bank(text)
    yield from _s24a_addresses(text, low)
    yield from _s24a_phones(text, low)
    yield from _s24a_more(text, low)


# ---- session 20, fixer session25a (blind25: the everyday mix, 70 % English of 8 countries, 30 % es/fr/de/pt/it) ------
# - PASSPORT: a number with a closing letter after its cue ("Passport K1234587P", Singapore's layout);
# - DOB: a year-first date after a birth cue ("DOB 1975/10/02", "born 1968-04-21");
# - NATIONAL_ID: digits grouped 2-3-3 or 7-9 in a row after a nationality's or "national" ID ("my Kenyan ID 31 226
#   804", "national ID number 27 418 930");
# - ADDRESS: a Singapore unit ("#09-117") and "Singapore 650415" where the message speaks of Singapore or a block;
#   a German parcel locker with its postcode and town ("Packstation 118, 80331 München"; alone, "die Packstation 118",
#   it is kept as blind24b labels it);
# - PHONE: eight digits written 4-4 right after a phone's cue ("postpaid line 9127 4406", "mobile: 8123 4567");
# - PERSON: two capitalised words after a household role ("Tenant Callista Moyo", "our lodger Tomasz Wrona"); a
#   surname after German "Herrn" ("bei Herrn Wróblewski"); a capitalised name thanked ("Merci à Samia pour",
#   "grazie a Loredana per"); a lower-case known first name with a particle and a surname after a self cue
#   ("c yannick le goff,", "it's maria de souza.").
_S25A_PASSPORT = re.compile(r"(?i:\bpassport)[^\d\n!?]{0,40}?(?<![\w-])([A-Z]{1,2}\d{6,8}[A-Z])(?![\w-])")
_S25A_DOB = re.compile(r"(?i:\b(?:dob|d\.o\.b\.?|date[ \t]of[ \t]birth|born(?:[ \t]on)?|birth[ \t]?date|birthday)"
                       r"(?:[ \t](?:is|was))?[ \t]?[:=-]?[ \t]{0,3})"
                       r"((?:19|20)\d\d([/.-])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01]))(?![\w/.-]\d|\d)")
_S25A_NATIONAL_ID = re.compile(r"(?:\b(?i:national|identity)|\b[A-Z][a-z]{2,15}(?:an|ese|ish|i))[ \t](?:ID|Id|id)"
                               r"(?:[ \t](?i:card))?(?:[ \t](?i:number|no\.?|#))?(?:[ \t](?i:is))?[ \t]?:?[ \t]{0,3}"
                               r"(\d{2}[ \t]\d{3}[ \t]\d{3}|\d{7,9})(?![\w-]|[.,]\d)")
_S25A_SG_BLOCK = re.compile(r"(?i:\b(?:blk|block)[ \t]?\d{1,4}[a-z]?\b)")  # a unit follows its block or precedes its postcode
_S25A_SG_UNIT = re.compile(r"(?<![\w#-])#\d{2}-\d{2,5}[A-Z]?(?![\w-])")
_S25A_SG_POSTCODE = re.compile(r"\b(?i:singapore)[ \t]?(?:\(\d{6}\)|\d{6})(?![\w-])|\bS\(\d{6}\)")
_S25A_PACKSTATION = re.compile(r"\b(?:Packstation|Postfiliale|Paketshop|Paketkasten)[ \t]?(?:Nr\.?[ \t]?)?\d{1,4}(?![\w-])"
                               r",?[ \t]{1,2}\d{5}[ \t][A-ZÄÖÜ][a-zäöüß]{1,25}(?:[-/][A-ZÄÖÜ]?[a-zäöüß]{1,25})?")
_S25A_PHONE_44 = re.compile(r"(?i:\b(?:line|mobile|mob|cell|handphone|hp|phone|tel|whatsapp|contact[ \t]number|"
                            r"call[ \t]me[ \t](?:on|at))(?:[ \t](?:number|no\.?))?(?:[ \t]is)?[ \t]?:?[ \t]{0,3})"
                            r"([3689]\d{3}[ \t]?\d{4})(?![\w-]|[.,]\d)")
_S25A_ROLE = re.compile(rf"\b(?i:tenant|sub-?tenant|lodger|occupant|landlord|landlady|flatmate|housemate|roommate|"
                        rf"carer|caregiver|nanny|childminder|executor|executrix|guarantor|policyholder|"
                        rf"policy[ \t]holder)(?:[ \t]{{0,3}}([,:])[ \t]{{0,3}}|[ \t]{{1,3}})"
                        rf"({_CAP_NAME}[ \t]{_CAP_NAME})(?=[ \t]{{0,3}}[),.;:!?]|[ \t]{{1,3}}[a-z]|[ \t]{{0,3}}$)")
# what a person does after a role's name ("Tenant Callista Moyo moved in"; not "Tenant Portal Login keeps failing")
_S25A_PERSON_VERB = re.compile(r"[ \t]{1,3}(?:moved|moves|is|was|has|had|lives|lived|left|leaves|passed|died|will|wants|"
                               r"wanted|pays|paid|signed|rang|called|says|said|asked|needs|owes|would|can|should|"
                               r"and|who|from|at|in|of)\b|['’]s\b")
_S25A_HERRN = re.compile(rf"\bHerrn[ \t]((?:(?:Dr|Prof)\.?[ \t])?{_CAP_NAME}(?:[ \t]{_CAP_NAME})?)"
                         rf"(?=[ \t]{{0,3}}[),.;:!?]|[ \t]{{1,3}}[a-zäöü]|[ \t]{{0,3}}$)")
_S25A_THANKED = re.compile(rf"(?i:\b(?:merci|grazie|gracias|obrigad[oa]|danke|thanks|thank[ \t]you|kudos|shout[ \t-]?out)"
                           rf"[ \t](?:à|a|an|to|ao|à[ \t]la|a[ \t]la)[ \t](?:(?:Dr|Dra|Mr|Mrs|Ms|Sr|Sra|Srta|Prof|Mme|"
                           rf"Herrn?|Frau|Dott|Dott\.ssa)\.?[ \t])?)({_CAP_NAME}(?:[ \t]{_CAP_NAME})?)"
                           rf"(?=[ \t]{{1,3}}(?i:pour|for|por|per|für|pela|pelo|qui|who|que|che|die|der)\b|[ \t]{{0,3}}[,!.])")
# what follows a thanked person, not a thing one is "thanks to" ("Merci à Samia pour son aide", "thanks to Ngozika,
# she…", "Grazie a Loredana per l'aiuto"; not "thanks to Covid for the delay", "thanks to Brexit, prices…")
_S25A_THANKED_PERSON = re.compile(
    r"[ \t]{1,3}(?i:(?:pour|por|per|pela|pelo|für|for)[ \t](?:son|sa|ses|leur|su|sus|il[ \t]suo|la[ \t]sua|l['’]aiuto|"
    r"l['’]aide|la[ \t]pazienza|la[ \t]gentilezza|ihre|seine|die[ \t]hilfe|sua|seu|her|his|their|being|the[ \t]help|"
    r"helping|sorting|the[ \t]patience)|qui|who|que|che|die|der)\b|[ \t]{0,3}[,!.][ \t]{0,3}(?i:she|he|elle|il|ella|lei|"
    r"sie|er|ela|ele)\b|[ \t]{0,3}!")
_S25A_LOWER_SELF = re.compile(r"(?i:(?:^|[\s,.!])(?:c|c['’]est|cest|it['’]?s|its|this[ \t]is|je[ \t]suis|soy|sou|sono)"
                              r"[ \t])([a-zà-ÿ]{2,20})[ \t]((?:le|la|de|du|des|da|di|do|dos|van|von|el|al|ben|mac|mc|"
                              r"del|della|van[ \t]der|van[ \t]den|de[ \t]la)[ \t][a-zà-ÿ'’-]{2,25})"
                              r"(?=[ \t]{0,3}(?:[,.!?;]|$|\n))")
_S25A_NOT_NAME_WORDS = frozenset("""team support service services customer care everyone everybody all staff the you
guys folks store shop app help helpdesk desk company bank dr dra mr mrs ms sr sra srta prof mme herr herrn frau dott
sig""".split())


def find_session25a(text: str) -> Iterator[Found]:
    """Session 25a's rules (see the block's comment)."""
    low = text.lower()
    digit = _DIGIT.search(text) is not None
    if digit and "passport" in low:
        for m in _S25A_PASSPORT.finditer(text):
            yield "PASSPORT", m.start(1), m.end(1), 0.85
    if digit and any(w in low for w in ("dob", "d.o.b", "birth", "born")):
        for m in _S25A_DOB.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.85
    if digit and ("id" in low):
        for m in _S25A_NATIONAL_ID.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if digit and "#" in text and ("singapore" in low or "blk" in low or "block" in low):
        for m in _S25A_SG_UNIT.finditer(text):
            if _S25A_SG_BLOCK.search(text, max(0, m.start() - 60), m.start()) or _S25A_SG_POSTCODE.search(
                    text, m.end(), min(len(text), m.end() + 30)):
                yield "ADDRESS", m.start(), m.end(), 0.8
    if digit and ("singapore" in low or "S(" in text):
        for m in _S25A_SG_POSTCODE.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.8
    if digit and ("packstation" in low or "postfiliale" in low or "paketshop" in low or "paketkasten" in low):
        for m in _S25A_PACKSTATION.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.85
    if digit:
        for m in _S25A_PHONE_44.finditer(text):
            yield "PHONE", m.start(1), m.end(1), 0.8
    if any(w in low for w in ("tenant", "lodger", "occupant", "landl", "mate", "carer", "caregiver", "nanny",
                              "childminder", "executor", "executrix", "guarantor", "holder")):
        for m in _S25A_ROLE.finditer(text):
            words = m.group(2).split()
            if any(t.lower() in NOT_NAMES or t.lower() in _S25A_NOT_NAME_WORDS for t in words):
                continue
            if m.group(1) or _first_name(words[0]) or _S25A_PERSON_VERB.match(text, m.end(2)):
                yield "PERSON", m.start(2), m.end(2), 0.8
    if "Herrn" in text:
        for m in _S25A_HERRN.finditer(text):
            if m.group(1).split()[-1].lower() not in NOT_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("merci", "grazie", "gracias", "obrigad", "danke", "thank", "kudos", "shout")):
        for m in _S25A_THANKED.finditer(text):
            words = m.group(1).split()
            if any(w.lower() in NOT_NAMES or w.lower() in _S25A_NOT_NAME_WORDS or w.isupper() for w in words):
                continue
            if _first_name(words[0]) or _S25A_THANKED_PERSON.match(text, m.end(1)):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if " " in text and text != text.upper():
        for m in _S25A_LOWER_SELF.finditer(text):
            if m.group(1).islower() and _first_name(m.group(1)) and m.group(2).islower():
                yield "PERSON", m.start(1), m.end(2), 0.8


# ---- session 20, fixer session25c (blind25c: short social posts and DMs — handles, slang, staff and friends named,
# gamer tags, delivery addresses without commas). Each rule is gated on a cheap substring check.
# - NATIONAL_ID: a Kenyan ID number (7-8 digits) after "ID no"/"ID number"/"national ID" (not an order's, a user's or
#   a ticket's ID); a Kenyan KRA PIN of a person (A, nine digits, a letter: a firm's starts with P and is kept) after
#   "PIN"/"KRA"; a Philippine PhilSys number
#   (4-4-4-4 digits) after "PhilSys"/"PSN"/"PhilID". (A TIN stays kept: the older sets label a firm's TIN so.)
# - BANK_ACCOUNT: 9-18 digits after "acc"/"acc no" where the message speaks of a bank (a Nigerian NUBAN: "bank acc
#   2047718830 GTBank"); an account number after "from/into my account" where money was taken or paid ("SOMEONE TOOK
#   R4,500 FROM MY ACCOUNT 62881044917").
# - PASSPORT: a passport number of letters and digits mixed ("passport NX4B72K98") right after the word.
# - ADDRESS: a lower-case US address ending in a state and ZIP ("apt 4c 1180 grand concourse bronx ny 10456"); an
#   Indonesian "Jl. … No. 17 RT 04 RW 02 …" address to its postcode; a Japanese address (prefecture, ward, block
#   numbers, building and room); a Singapore "Blk 412 … #08-115 Singapore 460412" address; "Singapore 650415" (a
#   postcode names one building there) and a "#09-117" unit line next to it or after a "Block …" line; a Philippine
#   "Blk 5 Lot 12 …" and a Pakistani "house 14 street 9 …" address to the end of its words.
# - PERSON: a name after Arabic "اسمي" (my name is); a lower-case name thanked "from support"/"from the team" ("thx
#   aiyana from support"); a staff name quoted after an agent's word ('Chat agent ("Kelsey")').
_S25C_KE_ID = re.compile(r"(?i:\b(?:(?:national[ \t])?id|identity)[ \t]?(?:no\.?|number|num|nr\.?|#)(?![\w])"
                         r"[ \t:#.-]{0,3}(?:is[ \t])?)(\d{7,8})(?![\w-]|[.,]\d)")
_S25C_KE_ID_NOT = re.compile(r"(?i:\b(?:order|transaction|booking|reference|device|session|user|customer|member|"
                             r"account|tracking|ticket|case|client|application|student|employee|staff|product|meter|"
                             r"merchant|payment|reservation|request|rider|driver|agent|seller|store|shop|game|player|"
                             r"trip|ride|delivery|parcel|invoice|bet|loan)[ \t]$)")
_S25C_KRA_PIN = re.compile(r"(?i:\b(?:kra|pin)\b(?:[ \t](?:pin|no\.?|number))?[ \t:#-]{0,3}(?:is[ \t])?)"
                           r"(A\d{9}[A-Z])(?![\w-])")
_S25C_PHILSYS = re.compile(r"(?i:\b(?:philsys|psn|philid|phil[ \t]id|national[ \t]id)\b(?:[ \t](?:card[ \t])?"
                           r"(?:no\.?|number|num|#))?[ \t:#.-]{0,3}(?:is[ \t])?)(\d{4}([ -]?)\d{4}\2\d{4}\2\d{4})"
                           r"(?![\w-]|[.,]\d)")
_S25C_ACC = re.compile(r"(?i:(?<![\w/])acc(?:[ \t]?(?:number|num|no\.?|nr\.?|#))?(?:[ \t]{0,2}(?:is|:|-))?[ \t]{1,3})"
                       r"(\d{9,18})(?![\w-]|[.,]\d)")
_S25C_MY_ACCOUNT = re.compile(r"(?i:\b(?:from|into|to|in)[ \t]my[ \t](?:bank[ \t]|savings[ \t]|current[ \t]|cheque[ \t])?"
                              r"(?:account|acct|acc|a/c)(?:[ \t]?(?:number|num|no\.?|#))?[ \t:]{0,3})"
                              r"(\d{8,18})(?![\w-]|[.,]\d)")
_S25C_MONEY_TAKEN = re.compile(r"(?i:\b(?:took|taken|debited|deducted|stole|stolen|withdrew|withdrawn|unauthori[sz]ed|"
                               r"did[ \t]not[ \t]authori[sz]e|didn['’]?t[ \t]authori[sz]e|fraud|credited|reversed|"
                               r"reversal|refunded|refund|paid|sent|transferred)\b)")
_S25C_PASSPORT = re.compile(r"(?i:\b(?:passport|pasaporte|passeport|passaporte)(?:[ \t](?:no\.?|number|num|#))?"
                            r"[ \t:#-]{0,3}(?:(?:is|to|now|should[ \t]be)[ \t])?)([A-Z][A-Z0-9]{7,8})(?![\w-])")
_S25C_US_STATES = (r"a[klrz]|c[aot]|d[ce]|fl|ga|hi|i[adln]|k[sy]|la|m[adeinost]|n[cdehjmvy]|o[hkr]|pa|ri|s[cd]|t[nx]|"
                   r"ut|v[at]|w[aivy]")
_S25C_US_LOWER = re.compile(rf"(?<![\w#-])((?:(?:apt|apartment|unit|ste|suite)\.?[ \t]?#?[0-9]{{0,4}}[a-z]?[ \t,]{{1,2}})?"
                            rf"\d{{1,6}}[a-z]?(?:[ \t][a-z][a-z'’.-]{{0,20}}){{1,6}},?[ \t](?:{_S25C_US_STATES})"
                            rf",?[ \t]\d{{5}}(?:-\d{{4}})?)(?![\w-])")
_S25C_US_STREET_WORDS = frozenset("""st street ave avenue rd road blvd boulevard dr drive ln lane ct court pl place way
pkwy parkway hwy highway ter terrace cir circle concourse sq square trl trail loop row plaza pike expy expressway
broadway""".split())
_S25C_ID_ADDRESS = re.compile(r"(?<![\w.])(?:Jl|Jln|JL)\.?[ \t]{1,2}[A-Z][\w'’.-]{1,25}(?:[ \t][A-Z][\w'’.-]{1,25}){0,4}"
                              r"[ \t,]{1,2}(?:No|NO|no)\.?[ \t]?\d{1,4}[A-Za-z]?(?:[ \t,]{1,2}(?:(?:RT|RW)\.?[ \t]?"
                              r"\d{1,3}(?:/\d{1,3})?))*(?:[ \t,]{1,2}[A-Z][\w'’.-]{1,25}){0,7}(?:[ \t,]{1,2}\d{5})?"
                              r"(?![\w-])")
_S25C_JP_ADDRESS = re.compile(r"(?:〒?\d{3}-\d{4}[ \t　]?)?(?:[\u4e00-\u9fff]{2,3}[都道府県])?[\u4e00-\u9fff]{1,6}[市区町村郡]"
                              r"[\u4e00-\u9fff\u3040-\u30ff]{0,10}?[0-9０-９]{1,4}(?:[-−－の丁目番地号][0-9０-９]{1,4}){1,3}"
                              r"[号]?(?:[ \t　]?[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]{1,15}[0-9０-９]{1,4}(?:号室)?)?")
_S25C_ZIP = re.compile(r"[ \t]\d{5}(?![\w-])")
_S25C_CJK = re.compile(r"[\u4e00-\u9fff]")
_S25C_SG_ADDRESS = re.compile(r"(?<![\w-])(?i:blk|block)\.?[ \t]?\d{1,4}[A-Za-z]?(?:[ \t][A-Z][\w'’.-]{0,25}){1,5}"
                              r"(?:[ \t]\d{1,3})?(?:[ \t,]{1,2}#\d{1,3}-\d{1,5}[A-Z]?)?(?:[ \t,]{1,2}Singapore)?"
                              r"(?:[ \t,]{1,2}S?\(?\d{6}\)?)?(?![\w-])")
# a Singapore postcode names one building (as a UK postcode names a few homes): "Singapore 650415" alone is ADDRESS,
# and so is a "#09-117" unit on its own line next to it or after a "Blk/Block" line
_S25C_SG_POSTCODE = re.compile(r"(?<![\w-])Singapore[ \t,]{1,2}S?\(?\d{6}\)?(?![\w-])")
_S25C_SG_UNIT_LINE = re.compile(r"(?m:^)[ \t]*(#\d{1,3}-\d{2,5}[A-Z]?)[ \t]*\r?(?m:$)")
# a lower-case first name right after a friend's or housemate's word ("my bestie kemi", "my roommate ngozika keeps…"):
# a known first name, or a word that is no function word, verb form or common word
_S25C_FRIEND_LOWER = re.compile(r"(?i:\b(my|our|ur|your|the)[ \t]+((?:best[ \t]+friend|bestie|bestfriend|bff|friend|"
                                r"roommate|room[ \t]?mate|flatmate|housemate|homie|mate|pal|buddy|colleague|coworker|"
                                r"co-worker|neighbou?r|cousin|niece|nephew|aunty|auntie|uncle|fiance|fiancé|fiancee|"
                                r"fiancée|mans|guy|gal|twin)|(?:rider|driver|courier|agent|rep|delivery[ \t]guy|"
                                r"dispatch[ \t]rider|cashier|waiter|waitress|barista|stylist|barber))"
                                r"[ \t]+)([a-z][a-z'’-]{1,20})(?![\w'’@-])")
# what follows a name in such a message ("my roommate ngozika keeps using…", "my bestie kemi, …")
_S25C_NAME_FOLLOWS = re.compile(r"(?:[ \t]*(?:[,.!?;:)]|['’]s\b|$)|[ \t]+(?:is|was|said|says|has|had|keeps|kept|wants|"
                                r"will|who|needs|lives|ordered|paid|bought|sent|got|and|at|from|in|on|too|also|just|"
                                r"used|uses|tried|tries|left|booked|made|gave|told|asked|called|texted|happy|hbd|hi|hello|[\U0001F300-\U0001FAFF"
                                r"\u2600-\u27BF])(?![\w'’-]))")
_S25C_VERB_FORMS = frozenset("""gave got came went made took sent told left saw said ran won lost paid met bought brought
thought felt kept let put set sat stood spent lent found heard knew meant read rang sang drove wrote broke chose
forgot hid hit hurt quit shut spoke stole swore threw tore understood woke wore did does do has had have is was were
are am will would can could should may might must shall just also who whom whose which that what when where why how
and or but so then too here there now still even never always only really literally basically actually lol lmao
tho though because cause cuz coz if is isnt wasnt doesnt didnt cant wont dont hasnt hadnt couldnt wouldnt shouldnt
ordered never always literally rly really prob probably def definitely even leave come go arrive say call text pick
drop take give deliver ask tell send bring wait need want get make keep help refund cancel answer reply show stop start
try be""".split())
# staff words: after "ur"/"the" too ("ur rider yaw was lovely"); a friend's only after "my"/"our"
_S25C_STAFF = frozenset("rider driver courier agent rep cashier waiter waitress barista stylist barber".split())
# an Indian PAN of a person (its fourth letter P) after "pan" in any case ("my pan is ABCPK1234E"); a firm's is kept
_S25C_PAN = re.compile(r"(?i:\bpan\b(?:[ \t](?:card|no\.?|number|#))?[ \t:#-]{0,3}(?:is[ \t])?)([A-Z]{3}P[A-Z]\d{4}[A-Z])"
                       r"(?![\w])")
# a delivery address typed without commas after its cue, from a unit's or a house's number to its postcode ("addy:
# flat 302 sai residency andheri east mumbai 400069", "ship to 77 rue de la paix 75002 paris")
_S25C_CUED_ADDRESS = re.compile(r"(?i:\b(?:addy|address|addr|deliver(?:y)?[ \t](?:it[ \t])?(?:to|address)|ship[ \t]"
                                r"(?:it[ \t])?to|send[ \t](?:it[ \t])?to|drop[ \t](?:it[ \t])?(?:off[ \t])?(?:at|to)|"
                                r"i[ \t]live[ \t]at|located[ \t]at)\b[ \t]{0,2}[:-]?[ \t]{0,2}(?:is[ \t]|now[ \t]|to[ \t]|2[ \t])?)"
                                r"((?i:(?:flat|apt|apartment|unit|house|plot|h\.?[ \t]?no\.?|door[ \t]no\.?)[ \t]?)?"
                                r"\d{1,5}[a-zA-Z]?(?:[ \t/-]\d{1,4}[a-zA-Z]?)?(?:[ \t][^\W\d_][\w'’.-]{0,24}){1,8}"
                                r"[ \t]\d{5,6}(?:[ \t][^\W\d_][\w'’-]{2,20})?)(?![\w-])")
_S25C_CUED_STREETS = frozenset("""street st road rd avenue ave lane ln drive dr close crescent way boulevard blvd rue
avenida calle rua via viale strasse straße str weg laan marg nagar colony sector residency apartments apts society
layout cross main phase estate gardens park place court terrace""".split())
# a Philippine "Blk 5 Lot 12 …" or a Pakistani "house 14 street 9 …" address typed without commas: its head, then the
# words of its line (subdivision, phase, town, province, ZIP), trailing chat words left out
_S25C_BLK_LOT = re.compile(r"(?i:(?<![\w-])(?:(?:blk|block)\.?[ \t]?\d{1,4}[a-z]?[ \t,]{1,2}(?:lot|lt)\.?[ \t]?\d{1,4}[a-z]?|"
                           r"(?:house|h\.?[ \t]?no\.?|plot)[ \t]?#?\d{1,5}[a-z]?[ \t,]{1,2}(?:street|st|gali|lane)\.?[ \t]?"
                           r"(?:no\.?[ \t]?)?\d{1,4}))((?:[ \t,]{1,2}(?:[a-z]-\d{1,2}(?:/\d)?(?![\w/-])|[^\W\d_][\w'’.-]{0,25}|\d{4}"
                           r"(?![\w-])|\d{1,2}(?![\w-]))){0,8})")
_S25C_TAIL_STOP = frozenset("""po opo pls plz please thanks thank thx ty salamat lol asap and for to the at on in is was
are my me your ur it its this that if so or but pa naman lang din rin na ng sa ko mo kay shukriya bhai jee ji yaar
order ref tracking tomorrow today tonight""".split())
_S25C_AR_NAME = re.compile(r"(?:اسمي|إسمي|الاسم|الإسم)[ \t:]{1,3}((?:[\u0621-\u064a]{2,15})(?:[ \t][\u0621-\u064a]{2,15}){0,2})")
_S25C_AR_STOP = frozenset("""و في من على عن الى إلى رقم رقمي جوالي جوال هاتفي هاتف عنواني عنوان ايميلي بريدي الطلب طلبي
هو هي انا أنا اللي الي مع بس لو ما لا كيف وين متى""".split())
_S25C_THANKED = re.compile(r"(?i:(?:^|(?<=[\s,.!?]))(?:thx|thanks|thank[ \t]you|ty|tysm|shout[ \t]?out[ \t]to|"
                           r"kudos[ \t]to|big[ \t]up|props[ \t]to)[ \t]+)([a-z][a-z'’-]{1,20})(?:[ \t]+[a-z](?![\w'’-]))?"
                           r"(?=[ \t]+(?i:from|at|in|on)[ \t]+(?:the[ \t]+|ur[ \t]+|your[ \t]+)?(?:support|customer[ \t]"
                           r"(?:service|care|support)|cs|help[ \t]?desk|team|live[ \t]chat|chat|billing|care|returns|"
                           r"the[ \t]store|store)\b)")
_S25C_QUOTED_STAFF = re.compile(r"(?i:\b(?:agent|rep|representative|advisor|adviser|assistant|operator|associate|csr|"
                                r"staff(?:[ \t]member)?|rider|driver|courier|support)[ \t]{0,2}(?:named[ \t]|called[ \t])?)"
                                r"(?:\([ \t]?[\"“'‘]?|[\"“'‘])([A-Z][a-z]{1,20}(?:[ \t][A-Z][a-z'’-]{1,25})?)"
                                r"(?:[\"”'’][ \t]?\)?|\))")


# no message holds more of these than this: a flood of one form ("Singapore 111111" × 6,000) stays cheap for the older
# filters that compare every span with every other
_S25C_MAX_SPANS = 40


def _s25c_capped(found: Iterator[Found]) -> list[Found]:
    out = []
    for f in found:
        out.append(f)
        if len(out) >= _S25C_MAX_SPANS:
            break
    return out


def find_session25c(text: str) -> Iterator[Found]:
    low = text.lower()
    if "thx" in low or "than" in low or "ty " in low or "tysm" in low or "out" in low or "to " in low:
        for m in _S25C_THANKED.finditer(text):
            if _s24c_name_word(m.group(1)) and m.group(1) not in WORD_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.8
    if ('"' in text or "“" in text or "(" in text or "'" in text or "‘" in text) and any(
            w in low for w in ("agent", "rep", "advis", "assistant", "operator", "associate", "csr", "staff", "rider",
                               "driver", "courier", "support")):
        for m in _S25C_QUOTED_STAFF.finditer(text):
            if all(_s24c_name_word(w) for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if "my " in low or "our " in low or "ur " in low or "the " in low:
        for m in _S25C_FRIEND_LOWER.finditer(text):
            word, owner = m.group(3), m.group(1).lower()
            staff = m.group(2).lower().split()[0] in _S25C_STAFF or m.group(2).lower().startswith(("delivery", "dispatch"))
            if not staff and owner == "the":
                continue
            if word.islower() and (word in FIRST_NAMES and word not in WORD_NAMES or (
                    (owner in ("my", "our") or staff) and _S25C_NAME_FOLLOWS.match(text, m.end())
                    and _s24c_name_word(word) and word not in _S25C_VERB_FORMS and word not in NOT_ADDRESSEES
                    and not word.endswith(("ed", "s", "ing", "ly")))):
                yield "PERSON", m.start(3), m.end(3), 0.75
    if "اسم" in text or "الإسم" in text:
        for m in _S25C_AR_NAME.finditer(text):
            words = m.group(1).split()
            kept: list[str] = []
            for i, w in enumerate(words):
                if w in _S25C_AR_STOP or (i >= 2 and w.startswith("و")) or (i >= 1 and w.startswith("و") and len(w) > 4
                                                                             and w[1:] in _S25C_AR_STOP):
                    break
                kept.append(w)
            if kept:
                yield "PERSON", m.start(1), m.start(1) + len(" ".join(kept)), 0.8
    if not _DIGIT.search(text):
        return
    if " id" in low or "identity" in low:
        for m in _S25C_KE_ID.finditer(text):
            if not _S25C_KE_ID_NOT.search(text, max(0, m.start() - 20), m.start()):
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "pin" in low or "kra" in low:
        for m in _S25C_KRA_PIN.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("philsys", "psn", "philid", "phil id", "national id")):
        for m in _S25C_PHILSYS.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "acc" in low:
        if "bank" in low or any(w in low for w in _BANK_CONTEXT):
            for m in _S25C_ACC.finditer(text):
                if not _NOT_BANK_ACCOUNT.search(text, max(0, m.start() - 20), m.start()):
                    yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
        if " my " in low and _S25C_MONEY_TAKEN.search(text):
            for m in _S25C_MY_ACCOUNT.finditer(text):
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "pan" in low:
        for m in _S25C_PAN.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "pass" in low:
        for m in _S25C_PASSPORT.finditer(text):
            value = m.group(1)
            if sum(c.isdigit() for c in value) >= 3 and sum(c.isalpha() for c in value) >= 2:
                yield "PASSPORT", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("addy", "addr", "deliver", "ship", "send", "drop", "live at", "located")):
        for m in _S25C_CUED_ADDRESS.finditer(text):
            words = m.group(1).lower().split()
            if words[0] in ("flat", "apt", "apartment", "unit", "house", "plot") or any(
                    w.strip(".") in _S25C_CUED_STREETS for w in words):
                yield "ADDRESS", m.start(1), m.end(1), 0.8
    for m in _S25C_US_LOWER.finditer(text) if _S25C_ZIP.search(text) else ():
        value = m.group(1)
        if value.islower() and any(w.strip(".,") in _S25C_US_STREET_WORDS for w in value.split()):
            yield "ADDRESS", m.start(1), m.end(1), 0.85
    if "Jl" in text or "JL" in text:
        for m in _S25C_ID_ADDRESS.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.85
    if _S25C_CJK.search(text):
        for m in _S25C_JP_ADDRESS.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.85
    if "Singapore" in text:
        for m in _S25C_SG_POSTCODE.finditer(text):
            yield "ADDRESS", m.start(), m.end(), 0.85
        if "#" in text and "\n" in text:
            for m in _S25C_SG_UNIT_LINE.finditer(text):
                line_start = text.rfind("\n", 0, max(0, m.start() - 1)) + 1
                before = text[line_start:m.start()].lower()
                after = text[m.end():m.end() + 24]
                if before.lstrip().startswith(("blk", "block")) or _S25C_SG_POSTCODE.match(after.lstrip("\r\n \t")):
                    yield "ADDRESS", m.start(1), m.end(1), 0.85
    if "lot" in low or "street" in low or "gali" in low or " st" in low or "lane" in low:
        for m in _S25C_BLK_LOT.finditer(text):
            end = m.start(1)
            for w in re.finditer(r"\S+", m.group(1)):
                word = w.group().strip(",.").lower()
                if word in _S25C_TAIL_STOP or word in _S24C_STOP:
                    break
                end = m.start(1) + w.end()
            yield "ADDRESS", m.start(), end, 0.85
    if "blk" in low or "block" in low:
        for m in _S25C_SG_ADDRESS.finditer(text):
            value = m.group()
            if "#" in value or "singapore" in value.lower() or re.search(r"\d{6}\)?$", value):
                yield "ADDRESS", m.start(), m.end(), 0.85


# ---- session 20 second round, fixer session26a (blind26: the everyday mix). National ids after their cue: a Canadian
# SIN 3-3-3 ("SIN 516-203-981"), a South African ID's 13 digits grouped 6-4-3 whose first six are a date ("ID 880612
# 5184 083"), a Quebec health card's four letters and eight digits after its cue ("carte d'assurance maladie GAGM 8203
# 1514"); an Indian mobile's ten digits (6-9 first, plain or 4-3-3) in a message in rupees or about UPI.
_S26A_SIN = re.compile(r"\bSIN(?:[ \t](?:no\.?|number|#))?[ \t:#]{1,3}(\d{3}[- ]\d{3}[- ]\d{3})(?![\d-])")
_S26A_ZA_ID = re.compile(r"\b(?i:id|identity)(?:[ \t](?:no\.?|number|#))?[ \t:#]{1,3}"
                         r"(\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ \t]\d{4}[ \t]\d{3})(?![\d-])")
_S26A_RAMQ = re.compile(r"(?i:assurance[ \t]maladie|ramq|health[ \t]card)[^\n\d]{0,20}?\b([A-Z]{4}[ \t]?\d{4}[ \t]?\d{4})"
                        r"(?![\w-])")
_S26A_IN_MOBILE = re.compile(r"(?<![\w+/.-])([6-9]\d{9}|[6-9]\d{3}[ \t]\d{3}[ \t]\d{3})(?![\w/-]|[.,]\d)")


def find_session26a(text: str) -> Iterator[Found]:
    """Session 26a's rules (see the block's comment)."""
    if _DIGIT.search(text) is None:
        return
    if "SIN" in text:
        for m in _S26A_SIN.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    low = text.lower()
    if "id" in low:
        for m in _S26A_ZA_ID.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "maladie" in low or "ramq" in low or "health card" in low:
        for m in _S26A_RAMQ.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "₹" in text or "upi" in low or "rs." in low or "inr" in low:
        for m in _S26A_IN_MOBILE.finditer(text):
            yield "PHONE", m.start(1), m.end(1), 0.8


# Session 20, second round, fixer session26b (blind26b: healthcare, insurance, lettings, rentals, councils, vets):
# - the name after a cue of ownership or of naming in Polish and Spanish ("właściciel Irena Sobczak", "se llamaba Iván")
_S26B_CUED = re.compile(r"\b(?:[Ww]łaściciel(?:ka)?(?: konta| rachunku)?:?|[Ss]e llamaba|[Ss]e llama|[Mm]e atendió)[ \t]+"
                        r"([A-ZÁÉÍÓÚÑŁŚŻŹĆ][a-záéíóúñąćęłńóśźż'-]{1,20}(?:[ \t][A-ZÁÉÍÓÚÑŁŚŻŹĆ][a-záéíóúñąćęłńóśźż'-]{1,20})?)"
                        r"(?![\w])")


def find_session26b(text: str) -> Iterator[Found]:
    if "łaściciel" in text or "llama" in text or "atendió" in text:
        for m in _S26B_CUED.finditer(text):
            if m.group(1).lower() not in NOT_NAMES:
                yield "PERSON", m.start(1), m.end(1), 0.8


# - a signature of two name words before " / " and a phone number, or ending the message after a sentence that ends
#   in digits ("Parisa Hosseini / 07700 900 553", "Mi móvil 612 48 90 33. Miren Otxoa")
_S26B_NAME2 = r"([A-Z][a-záéíóúñ'’-]{1,20}[ \t][A-Z][a-záéíóúñ'’-]{1,20})"
_S26B_SLASH = re.compile(r"(?<![\w'’-])" + _S26B_NAME2 + r"[ \t]/[ \t]?\+?\d[\d \t]{6,16}\d")
_S26B_LAST = re.compile(r"\d\.[ \t]+" + _S26B_NAME2 + r"\s*\Z")


def find_session26b_signed(text: str) -> Iterator[Found]:
    found = [*_S26B_SLASH.finditer(text)] if " / " in text else []
    if (last := _S26B_LAST.search(text, max(0, len(text) - 80))) is not None:
        found.append(last)
    for m in found:
        if all(_s24c_name_word(w) and w.lower() not in _STREET_WORDS for w in m.group(1).split()):
            yield "PERSON", m.start(1), m.end(1), 0.8


# ---- session 20 second round, fixer session26c (blind26c: the written forms detectors miss) -------------------------
# - a card number split in two halves of 4+4 digits joined by "and"/"then"/"&"/"+" in a message that names a card
#   ("its 4182 0668 and 4237 4715", "4879 9503 and then 6036 6716"): each half is the card's (the chat hides long
#   numbers, so people split them); only with "card" in the message, and never a half of a longer digit run.
_S26C_SPLIT_CARD = re.compile(r"(?<![\d.,/-])(\d{4} \d{4}),?[ \t]+(?:and[ \t]+then|and|then|&|\+)[ \t]+(\d{4} \d{4})"
                              r"(?!\d)(?![/:.,]\d)")

# - a phone number cut off and continued: after a phone cue, digit groups then "..."/"…" then more groups ("My
#   number's 086 44 1... 29 73"), or "the rest is 418 then 263" in a message that gives a number; each part is the
#   phone's;
# - a German number written with slashes after its cue ("Tel: 0176 / 448 / 21 90").
_S26C_PHONE_CUE = r"(?i:\b(?:number(?:'s|[ \t]+is)?|phone|mobile|cell|tel|handy|telefon(?:nummer)?)\.?:?[ \t]*)"
_S26C_CUT_PHONE = re.compile(_S26C_PHONE_CUE + r"(\+?\d{2,5}(?:[ \t]\d{1,4}){0,3})[ \t]*(?:\.\.\.|…)[ \t]*"
                             r"(\d{1,4}(?:[ \t]\d{1,4}){0,3})(?![\d/.:-]?\d)")
_S26C_PHONE_REST = re.compile(r"(?i:\bthe[ \t]+rest[ \t]+(?:is|was|of[ \t]+it[ \t]+is)[ \t]*:?[ \t]*)(\d{2,5})"
                              r"(?:,?[ \t]+(?:then|and)[ \t]+(\d{2,5}))?(?![\d/.:-]?\d)")
_S26C_SLASH_PHONE = re.compile(r"(?i:\b(?:tel|phone|mobile|handy|telefon(?:nummer)?)\.?:?[ \t]*)"
                               r"(\+?\d{2,5}(?:[ \t]*/[ \t]*\d{2,4}(?:[ \t]\d{2,4})?){1,3})(?!\d)")

# - a Korean given name of two romanised syllables joined by a hyphen after "I'm"/"my name is"/"this is" ("I'm
#   Kyung-soo.", "this is Min-jun here"): each part a Korean syllable, the name ended by punctuation or "here"/"from".
_S26C_KO_SYLLABLE = r"(?:[bcdghjklmnpst]|ch|kk|pp|ss|jj|tt)?[yw]?(?:ae|eo|eu|oe|ui|oo|ee|a|e|i|o|u)(?:ng|n|k|l|m|p|t)?"
_S26C_KO_NAME = re.compile(r"(?:\b(?:I'm|I’m|I[ \t]+am|[Mm]y[ \t]+name[ \t]+is|[Tt]his[ \t]+is|[Ii]t's)[ \t]+)"
                           rf"((?-i:[A-Z]){_S26C_KO_SYLLABLE}-{_S26C_KO_SYLLABLE})(?=[.,!;]|[ \t]+(?:here|from)\b)",
                           re.IGNORECASE)
_S26C_NOT_KO = frozenset({"so-so", "co-op", "pre-op", "yo-yo"})

def find_session26c(text: str) -> Iterator[Found]:
    """Session 26c's rules (see the block's comment)."""
    low = text.lower()
    if "-" in text and any(w in low for w in ("i'm", "i’m", "i am", "name is", "this is", "it's")):
        for m in _S26C_KO_NAME.finditer(text):
            if m.group(1).lower() not in _S26C_NOT_KO:
                yield "PERSON", m.start(1), m.end(1), 0.8
    if not _DIGIT.search(text):
        return
    if "card" in low:
        for m in _S26C_SPLIT_CARD.finditer(text):
            yield "CARD", m.start(1), m.end(1), 0.85
            yield "CARD", m.start(2), m.end(2), 0.85
    if "..." in text or "…" in text:
        for m in _S26C_CUT_PHONE.finditer(text):
            yield "PHONE", m.start(1), m.end(1), 0.8
            yield "PHONE", m.start(2), m.end(2), 0.8
    if "rest" in low and any(w in low for w in ("number", "phone", "mobile", "cell")):
        for m in _S26C_PHONE_REST.finditer(text):
            yield "PHONE", m.start(1), m.end(1), 0.8
            if m.group(2):
                yield "PHONE", m.start(2), m.end(2), 0.8
    if "/" in text and any(w in low for w in ("tel", "phone", "mobile", "handy")):
        for m in _S26C_SLASH_PHONE.finditer(text):
            yield "PHONE", m.start(1), m.end(1), 0.8


# ---- session 21 short round, fixer session27 (blind27, blind27b, blind27c: bank accounts in national layouts) -------
# A bank account number in a national layout after a bank-account cue (the cue within a few words before it):
# - Singapore 3-5-1 / 3-6-3 ("my POSB account 188-52941-7", "DBS account number is 027-91734-8");
# - New Zealand 2-4-7-2/3 ("account 12-3140-0123456-00");
# - Canada: "transit 12345, institution 003, account 1234567" (the account after "account"/"acct" in a message that
#   names a transit and an institution number), and the 3-5-7 institution-transit-account layout;
# - Mexico: 18 digits after "CLABE"; Nigeria: 10 digits after "NUBAN"; Brazil: "conta 12345-6" / "c/c 1234567-8".
# Bounded quantifiers only; each pattern is gated by a substring test.
# At most _S27_CAP spans a message (a long paste repeating one form must stay linear downstream).
_S27_CAP = 24
_S27_ACCT_CUE = r"(?i:\b(?:account|acct|a/c)\b(?:[ \t]+(?:number|no\.?|#))?(?:[ \t]+(?:is|was))?[ \t]*[:#]?[ \t]*)"
_S27_SG_NZ = re.compile(_S27_ACCT_CUE + r"(\d{3}-\d{5}-\d|\d{3}-\d{6}-\d{3}|\d{2}-\d{4}-\d{7}-\d{2,3}"
                        r"|\d{3}-\d{5}-\d{7})(?![\d-]|[.,]\d)")
_S27_CA_ACCT = re.compile(r"(?i:\b(?:account|acct)\b\.?(?:[ \t]+(?:number|no\.?|#))?[ \t]*[:#]?[ \t]*)"
                          r"(\d{7}|\d{12})(?![\d-]|[.,]\d)")
_S27_CLABE = re.compile(r"(?i:\bCLABE\b(?:[ \t]+(?:interbancaria|es|is|:|#)){0,2}[ \t]*:?[ \t]*)"
                        r"(\d{3}[ \t]?\d{3}[ \t]?\d{11}[ \t]?\d|\d{18})(?!\d)")
_S27_NUBAN = re.compile(r"(?i:\bNUBAN\b(?:[ \t]+(?:number|no\.?|is|:|#)){0,2}[ \t]*:?[ \t]*)(\d{10})(?!\d)")
_S27_CONTA = re.compile(r"(?i:\b(?:conta(?:[ \t]+corrente)?|c/c)\b[ \t]*(?:n[º°o]\.?[ \t]*)?:?[ \t]*)"
                        r"(\d{4,10}-[\dXx])(?![\d-])")


def find_session27(text: str) -> Iterator[Found]:
    """Session 27's rules (see the block's comment)."""
    if not _DIGIT.search(text):
        return
    low = text.lower()
    if "-" in text and ("account" in low or "acct" in low or "a/c" in low):
        for m in _S27_SG_NZ.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "transit" in low and "institution" in low:
        for m in _S27_CA_ACCT.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "clabe" in low:
        for m in _S27_CLABE.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "nuban" in low:
        for m in _S27_NUBAN.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "conta" in low or "c/c" in low:
        for m in _S27_CONTA.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85


# ---- session 22, fixer session27a (blind27: the everyday mix — national ids after their cue, bank accounts, Irish
# addresses, names a cue gives in lower case or after a baby's word) ------------------------------------------------
# - BANK_ACCOUNT: 8-13 digits in one run after "account"/"acct"/"a/c" (number, no, #) in a message about a bank (a
#   bank's word: cheque, savings, checking, overdraft, ATM, sort code, IFSC, routing, BSB; or a payment's word —
#   transfer, deposit, withdrawal, salary, debited — in a message naming no utility, shop or policy, whose account
#   numbers are references we keep);
# - NATIONAL_ID: a driving licence number of letters and digits after the licence's name in en/de/fr/es/nl/it
#   ("license number? … it's D420-5571-9983", "DL#: F255-921-50-094-0", "Führerschein … (Nr. B072RRE2I55)": digit
#   groups after a letter, or letters among the digits — "AB12345678" is no layout we know), not a plate's or a
#   software key's; an Australian Centrelink CRN (nine digits and a letter, "CRN 307 841 553K": a
#   customer reference number of digits only stays kept); a Philippine TIN of a person in four groups
#   ("TIN: 402-118-773-000") in a message naming no firm (a firm's TIN is kept);
# - PASSPORT: a passport number (one or two letters, 6-8 digits, a letter or none) in the lines after "passport",
#   with no other code's cue (booking, order, ref…) between;
# - SSN: the last four of a social security number after the question ("the last four of your social?\n
#   Caller: 4 4 0 9"), in digits or words;
# - ADDRESS: an Irish address with an Irish-language street word ("12 Ardán na Coille, Knocknacarra, Galway H91 E2X4",
#   "3 Páirc na Sailí, Oranmore") to its towns and Eircode; a postcode spelt in the phonetic alphabet after its cue
#   ("postcode Sierra Kilo eleven, four Bravo Tango": two phonetic words at least);
# - PERSON: a lower-case first name and surname in brackets after a role ("the seller (gemma whitlock)") or after
#   "named"/"called" that punctuation or the line's end closes ("a driver named kevin mbatha, he…"); a name after a
#   baby's word ("my newborn Lesedi", "our baby daughter Amara").
_S27A_ACCT = re.compile(r"(?i:\b(?:account|acct|a/c)\b\.?(?:[ \t]?(?:number|no\.?|nr\.?|#))?(?:[ \t]?(?:is|:))?"
                        r"[ \t]{0,2}[:#]?[ \t]{0,2})(\d{8,13})(?![\d-]|[.,]\d)")
_S27A_BANK_STRONG = re.compile(r"(?i:\b(?:bank|banking|cheque|cheques|chequing|checking|savings|overdraft|atm|"
                               r"sort[ \t]code|ifsc|routing|bsb|drawn[ \t]on)\b)")
_S27A_BANK_WEAK = re.compile(r"(?i:\b(?:transfer\w{0,3}|deposit\w{0,3}|withdraw\w{0,4}|salary|debited|credited|"
                             r"wire)\b)")
_S27A_NOT_BANK = re.compile(r"(?i:\b(?:electricity|gas|water|energy|broadband|internet|mobile|phone|cable|utility|"
                            r"bill|meter|insurance|policy|store|shop|loyalty|rewards|points|order|subscription)\b)")
_S27A_LICENCE_CUE = re.compile(r"(?i:\b(?:licen[cs]e|DL|führerschein\w{0,6}|fuhrerschein\w{0,6}|permis|rijbewijs"
                               r"\w{0,8}|patente|carnet|licencia)\b(?:[ \t]?(?:number|no\.?|nr\.?|num|#|nummer))?)")
_S27A_LICENCE_TOKEN = re.compile(r"(?<![\w-])([A-Z]{1,2}\d{2,8}(?:[- ]\d{1,6}){1,5}|[A-Z][A-Z0-9]{6,14})(?![\w-])")
_S27A_LETTER_AFTER_DIGIT = re.compile(r"\d[A-Z]")
_S27A_LICENCE_NOT = re.compile(r"(?i:plate|key|serial|regist|vin\b|order|booking|ref|tracking|software|business|"
                               r"liquor|product|activation|\n)")
_S27A_CRN = re.compile(r"\bCRN\b[^\d\n]{0,12}(\d{3}[ \t]?\d{3}[ \t]?\d{3}[ \t]?[A-Za-z])(?![\w-])")
_S27A_TIN = re.compile(r"\bTIN\b(?:[ \t]?(?:no\.?|number|#))?[ \t]{0,2}[:#]?[ \t]{0,2}(\d{3}-\d{3}-\d{3}-\d{3,5})"
                       r"(?![\d-])")
_S27A_FIRM = re.compile(r"(?i:\b(?:ltd|inc|llc|corp|corporation|plc|gmbh|pty|company|enterprises|trading|"
                        r"we[ \t]are|our[ \t]firm)\b)")
_S27A_PASSPORT_CUE = re.compile(r"(?i:\bpassports?\b)")
_S27A_PASSPORT_TOKEN = re.compile(r"(?<![\w-])([A-Z]{1,2}\d{6,8}[A-Z]?)(?![\w-])")
_S27A_OTHER_CODE = re.compile(r"(?i:\b(?:booking|order|ref|reference|tracking|confirmation|invoice|flight|ticket|"
                              r"pnr|policy|claim|account|card|visa[ \t]application)\b)")
_S27A_SSN_CUE = re.compile(r"(?i:\blast[ \t](?:four|4)(?:[ \t]digits)?[ \t]of[ \t](?:(?:your|my|the|his|her)[ \t])?"
                           r"(?:social|ssn|ss#|s\.s\.n\.))")
_S27A_FOUR = re.compile(r"(?<![\w-])(\d(?:[ \t-]?\d){3})(?![\w-]|[ \t-]?\d)|(?i:\b((?:(?:zero|oh|one|two|three|four|"
                        r"five|six|seven|eight|nine),?[ \t]){3}(?:zero|oh|one|two|three|four|five|six|seven|eight|"
                        r"nine))\b)")
_S27A_IRISH_STREET = (r"(?:Ardán|Ardan|Páirc|Pairc|Bóthar|Bothar|Sráid|Sraid|Radharc|Lána|Céide|Ceide|Plás|"
                      r"Ascaill|Cúirt|Cuirt|Gleann|Bóithrín|Boithrin|Faiche|Garrán|Garran|Cearnóg|Cearnog|Cluain|"
                      r"Árd|Coill|Cnoc)")
_S27A_IRISH_WORD = r"[A-ZÁÉÍÓÚ][a-záéíóú'’-]{1,20}"
_S27A_IRISH = re.compile(
    rf"(?<![\w-])\d{{1,4}}[A-Za-z]?,?[ \t]{_S27A_IRISH_STREET}(?:[ \t](?:na|an|an[ \t]t-?|a|de|Uí|Ui|Mhic|"
    rf"{_S27A_IRISH_WORD})){{1,4}}(?![\w'’-])"
    rf"(?:,[ \t]{{1,2}}(?:Co\.?[ \t])?{_S27A_IRISH_WORD}(?:[ \t]{_S27A_IRISH_WORD})?(?![\w'’-])){{0,3}}"
    rf"(?:,?[ \t]{{1,2}}{_EIRCODE}(?![\w-]))?")
_S27A_ROLE = (r"seller|buyer|driver|courier|landlord|landlady|tenant|agent|technician|engineer|rep|host|owner|"
              r"neighbou?r|installer|plumber|electrician|cleaner|nurse|doctor|tutor|manager|adviser|advisor|"
              r"representative|guy|lady|man|woman|person|customer|caller|sender|recipient|seller's[ \t]name")
_S27A_LOWER_NAME = re.compile(rf"(?i:\b(?:{_S27A_ROLE}))[ \t]{{0,2}}\(([a-z]{{2,15}})[ \t]([a-z]{{2,20}}"
                              r"(?:-[a-z]{2,20})?)\)|\b(?:named|called)[ \t]([a-z]{2,15})[ \t]([a-z]{2,20})(?=[ \t]{0,2}(?:[,.!?;:)\n]|$))")
_S27A_BABY = re.compile(rf"\b(?i:my|our|his|her|their)[ \t](?i:newborn|new-born|new[ \t]baby|baby|infant|toddler|"
                        rf"twins|little[ \t]one|grandchild|godson|goddaughter|godchild)"
                        rf"(?:[ \t](?i:son|daughter|girl|boy|brother|sister))?,?[ \t]({_CAP_NAME})(?![\w'’-])")
_S27A_STOP = frozenset("""is was has had and or but says said the a an to from for with who that back about on in at
of it me him her them us up out off again today yesterday tomorrow""".split())


_S27A_NATO = (r"alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike|november|"
              r"oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|x-ray|xray|yankee|zulu")
_S27A_NUM = (r"zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
             r"sixteen|seventeen|eighteen|nineteen|twenty|double|\d{1,2}")
_S27A_POSTCODE_CUE = re.compile(r"(?i:\b(?:post[ \t]?code|postal[ \t]code|zip[ \t]?code|eircode)\b)")
_S27A_NATO_RUN = re.compile(rf"(?<![\w'’-])(?i:(?:{_S27A_NATO})(?:,?[ \t]{{1,2}}(?:{_S27A_NATO}|{_S27A_NUM})){{3,9}})"
                            r"(?![\w'’-])")
_S27A_NATO_WORD = re.compile(rf"(?i:\b(?:{_S27A_NATO})\b)")


def _s27a_nato_postcodes(text: str) -> Iterator[Found]:
    """A postcode spelt in the phonetic alphabet after its cue ("postcode Sierra Kilo eleven, four Bravo Tango")."""
    for cue in itertools.islice(_S27A_POSTCODE_CUE.finditer(text), 4):
        m = _S27A_NATO_RUN.search(text, cue.end(), cue.end() + 90)
        if m and len(_S27A_NATO_WORD.findall(m.group())) >= 2:
            yield "ADDRESS", m.start(), m.end(), 0.8


def _s27a_bank(text: str) -> bool:
    return bool(_S27A_BANK_STRONG.search(text) or (_S27A_BANK_WEAK.search(text) and not _S27A_NOT_BANK.search(text)))


def _s27a_licences(text: str) -> Iterator[Found]:
    for cue in itertools.islice(_S27A_LICENCE_CUE.finditer(text), 8):
        window = text[cue.end():cue.end() + 48]
        for m in _S27A_LICENCE_TOKEN.finditer(window):
            value = m.group(1)
            digits = sum(c.isdigit() for c in value)
            compact = "-" not in value and " " not in value
            if compact and not _S27A_LETTER_AFTER_DIGIT.search(value):
                break  # "AB12345678": letters then digits only, no licence layout we know
            if digits >= 5 and len(value) >= 7 and not _S27A_LICENCE_NOT.search(window, 0, m.start()):
                yield "NATIONAL_ID", cue.end() + m.start(1), cue.end() + m.end(1), 0.85
            break


def _s27a_passports(text: str) -> Iterator[Found]:
    for cue in itertools.islice(_S27A_PASSPORT_CUE.finditer(text), 4):
        end = cue.end() + 220
        for m in itertools.islice(_S27A_PASSPORT_TOKEN.finditer(text, cue.end(), end), 6):
            if _S27A_OTHER_CODE.search(text, cue.end(), m.start()):
                break
            yield "PASSPORT", m.start(1), m.end(1), 0.85


def _s27a_ssn_last_four(text: str) -> Iterator[Found]:
    for cue in itertools.islice(_S27A_SSN_CUE.finditer(text), 4):
        m = _S27A_FOUR.search(text, cue.end(), cue.end() + 60)
        if m:
            g = 1 if m.group(1) else 2
            yield "SSN", m.start(g), m.end(g), 0.85


def _s27a_names(text: str, low: str) -> Iterator[Found]:
    if "(" in text or "named" in low or "called" in low:
        for m in itertools.islice(_S27A_LOWER_NAME.finditer(text), 8):
            g = 1 if m.group(1) else 3
            first, last = m.group(g), m.group(g + 1)
            if first in FIRST_NAMES and last not in _S27A_STOP and last not in _COMMON_WORDS and last not in NOT_NAMES:
                yield "PERSON", m.start(g), m.end(g + 1), 0.8
    if any(w in low for w in ("newborn", "new-born", "baby", "infant", "toddler", "twins", "little one", "grandchild",
                              "god")):
        for m in itertools.islice(_S27A_BABY.finditer(text), 8):
            name = m.group(1).lower()
            if name not in _COMMON_WORDS and name not in NOT_NAMES and name not in PLACE_WORDS:
                yield "PERSON", m.start(1), m.end(1), 0.8


def find_session27a(text: str) -> Iterator[Found]:
    """Session 27a's rules (see the block's comment)."""
    low = text.lower()
    yield from _s27a_names(text, low)
    if ("post" in low or "zip" in low or "eircode" in low) and ("o" in low and _S27A_NATO_WORD.search(text)):
        yield from _s27a_nato_postcodes(text)
    if not _DIGIT.search(text):
        return
    if ("account" in low or "acct" in low or "a/c" in low) and _s27a_bank(text):
        for m in itertools.islice(_S27A_ACCT.finditer(text), 8):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if any(w in low for w in ("licen", "dl", "führerschein", "fuhrerschein", "permis", "rijbewijs", "patente",
                              "carnet")):
        yield from _s27a_licences(text)
    if "CRN" in text:
        for m in itertools.islice(_S27A_CRN.finditer(text), 8):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "TIN" in text and not _S27A_FIRM.search(text):
        for m in itertools.islice(_S27A_TIN.finditer(text), 8):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "passport" in low:
        yield from _s27a_passports(text)
    if "last" in low and ("social" in low or "ss" in low):
        yield from _s27a_ssn_last_four(text)
    if any(w in text for w in ("Ard", "ár", "Pá", "Pai", "Bó", "Bot", "Srá", "Sra", "Radh", "Lá", "Cé", "Cei",
                               "Plá", "Asc", "Cú", "Cui", "Glea", "Fai", "Garr", "Cear", "Clu", "Árd", "Coil", "Cnoc")):
        for m in itertools.islice(_S27A_IRISH.finditer(text), 8):
            yield "ADDRESS", m.start(), m.end(), 0.8
# ---- session 21 short round, fixer session27b (blind27b: voice transcripts read aloud; es/fr/de/pt/it/nl/pl/Taglish) --
# - a number read aloud in pieces split by a pause ("oh seven seven six four ... nine two two five oh one"): digit words
#   in runs joined by "..." after a phone cue (10-12 digits: PHONE) or a card cue (13-19 digits: CARD), one span;
# - dates of birth after a plural cue ("Fechas de nacimiento 03/09/1991 y 22/12/1993", "dates of birth …"): every
#   numeric date up to the line's end; a date of birth read digit by digit ("date of birth one two oh five one nine
#   seven three": 6 or 8 digit words making a valid day, month and year);
# - a national id or licence spelt aloud after its cue, on the same line or as the next line's answer, with English
#   letter names ("national insurance number is jay kay four four double one nine two c", "driving licence number\n
#   caller: h a r g r nine oh one …"): letters and digit words, 8-18 symbols, both letters and digits;
# - a German identity card number after its cue ("Ausweisnummer L01X7RT42"): 9-10 of the card's letters and digits;
# - a Tagalog self-introduction ("Ako po si Rowena", "ito si Marites");
# - a spoken e-mail address whose local part follows "got"/"have"/"read" ("i've got priya underscore nandakumar eight
#   one at outlook dot com") or is read with commas between its pieces ("the letter t, dot, oyelowo, at, proton mail
#   dot com").
_S27B_DW = r"(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|double|triple)"
_S27B_RUN = rf"{_S27B_DW}(?:,?[ \t]{{1,2}}{_S27B_DW}){{0,15}}"
_S27B_PAUSED = re.compile(rf"(?i)(?<![\w'’-]){_S27B_RUN}(?:,?[ \t]{{0,2}}(?:\.{{3}}|…)[ \t]{{0,2}}{_S27B_RUN}){{1,3}}"
                          r"(?![\w'’-])")
_S27B_PHONE_CUE = re.compile(r"(?i:\b(?:number['’]?s|number[ \t]is|ring[ \t]me(?:[ \t]back)?[ \t]on|call[ \t]me"
                             r"(?:[ \t]back)?[ \t]on|reach[ \t]me[ \t]on|mobile|phone|cell|landline|contact[ \t]number)\b)")
_S27B_CARD_CUE = re.compile(r"(?i:\b(?:card[ \t]number|card[ \t]no|long[ \t]number[ \t]on[ \t]the[ \t]card)\b)")


def _s27b_paused(text: str) -> Iterator[Found]:
    for m in _S27B_PAUSED.finditer(text):
        digits = spoken_digits(m.group(), others=False)
        before = text[max(0, m.start() - 60):m.start()]
        if 13 <= len(digits) <= 19 and _S27B_CARD_CUE.search(before):
            yield "CARD", m.start(), m.end(), 0.85
        elif 10 <= len(digits) <= 12 and _S27B_PHONE_CUE.search(before):
            yield "PHONE", m.start(), m.end(), 0.85


_S27B_PLURAL_DOB = re.compile(r"(?i:\b(?:fechas[ \t]de[ \t]nacimiento|dates[ \t]of[ \t]birth|dates[ \t]de[ \t]naissance|"
                              r"datas[ \t]de[ \t]nascimento|date[ \t]di[ \t]nascita|geburtsdaten|geboortedata|"
                              r"daty[ \t]urodzenia|dobs)\b)")
_S27B_NUM_DATE = re.compile(r"(?<![\w./-])(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d(?![\w/-]|\.\d)")
_S27B_DOB_CUE = re.compile(r"(?i:\b(?:date[ \t]of[ \t]birth|dob|d[ \t.]o[ \t.]b|birth[ \t]?date|born[ \t]on)\b"
                           r"[ \t,:]{0,3}(?:is[ \t]{1,2}|it['’]s[ \t]{1,2})?)")
_S27B_DOB_DIGITS = re.compile(rf"(?i){_S27B_DW}(?:,?[ \t]{{1,2}}{_S27B_DW}){{5,9}}(?![\w'’-])")


def _s27b_date_digits_ok(digits: str) -> bool:
    if len(digits) not in (6, 8):
        return False
    a, b = int(digits[:2]), int(digits[2:4])
    year_ok = len(digits) == 6 or digits[4:6] in ("19", "20")
    return year_ok and 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


def _s27b_dobs(text: str) -> Iterator[Found]:
    for m in _S27B_PLURAL_DOB.finditer(text):
        line_end = text.find("\n", m.end())
        stop = min(m.end() + 120, line_end if line_end >= 0 else len(text))
        for d in itertools.islice(_S27B_NUM_DATE.finditer(text, m.end(), stop), 6):
            yield "DOB", d.start(), d.end(), 0.85
    for cue in itertools.islice(_S27B_DOB_CUE.finditer(text), 8):
        said = _S27B_DOB_DIGITS.match(text, cue.end())
        if said and _s27b_date_digits_ok(spoken_digits(said.group(), others=False)):
            yield "DOB", said.start(), said.end(), 0.85


_S27B_LETTER_NAMES = (r"(?:ay|bee|cee|see|dee|ee|ef|eff|gee|aitch|haitch|jay|kay|el|ell|em|en|pee|queue|cue|ar|are|ess|tee|"
                      r"you|vee|double[ \t]you|ex|why|wye|zed|zee)")
_S27B_SPELT_TOKEN = rf"(?:{_S27B_DW}|{_S27B_LETTER_NAMES}|[a-z]|\d{{1,4}})"
_S27B_SPELT = re.compile(rf"(?i)(?<![\w'’-]){_S27B_SPELT_TOKEN}(?:(?:,?[ \t]{{1,2}}|[ \t]?-[ \t]?){_S27B_SPELT_TOKEN})"
                         r"{5,24}(?![\w'’-])")
_S27B_ID_CUE = re.compile(r"(?i:\b(?:national[ \t]insurance(?:[ \t]number)?|n[ \t]?i[ \t]number|ni[ \t]no|"
                          r"driv(?:ing|er['’]?s)[ \t]licen[cs]e(?:[ \t]number)?|licen[cs]e[ \t]number|"
                          r"passport[ \t]number|aadhaar(?:[ \t]number)?|aadhar(?:[ \t]number)?|"
                          r"t[ \t]?i[ \t]?n(?:[ \t]number)?|tax[ \t]identification[ \t]number|pan[ \t]number)\b)")
_S27B_ID_FILLER = re.compile(r"(?i)[ \t:,?]{0,4}(?:(?:is|it['’]s|its|yeah|yes|sure|ok|okay|um|er|uh|erm|so|the|"
                             r"number|my|it[ \t]is)[ \t,:]{1,3}){0,5}")
_S27B_LABEL = re.compile(r"[ \t]{0,4}(?:\[[\d:]{4,8}\][ \t]{0,2})?\[?[^\W\d_]{1,15}\]?(?:[ \t]\([^)\n]{1,20}\))?[ \t]?:?[ \t]*")


def _s27b_spelt_ok(value: str) -> bool:
    tokens = re.findall(r"[a-z]+|\d+", value.lower())
    digits = letters = 0
    for i, tok in enumerate(tokens):
        if tok.isdigit():
            digits += len(tok)
        elif tok in ENGLISH_DIGIT_WORDS:
            digits += 1
        elif tok in ("double", "triple"):
            digits += 1 if i + 1 < len(tokens) and tokens[i + 1] != "you" else 0
        else:
            letters += 1
    return 8 <= digits + letters <= 20 and (digits >= 2 and letters >= 1 or digits >= 9)


def _s27b_spelt_ids(text: str) -> Iterator[Found]:
    for m in itertools.islice(_S27B_ID_CUE.finditer(text), 8):
        pos = m.end()
        line_end = text.find("\n", pos)
        rest = text[pos:line_end if line_end >= 0 else len(text)].strip(" \t?.")
        if not rest and line_end >= 0:  # the question: the answer is on the next line, after its speaker label
            label = _S27B_LABEL.match(text, line_end + 1)
            pos = label.end() if label else line_end + 1
        filler = _S27B_ID_FILLER.match(text, pos)
        pos = filler.end() if filler else pos
        v = _S27B_SPELT.match(text, pos)
        if v and _s27b_spelt_ok(v.group()):
            yield "NATIONAL_ID", v.start(), v.end(), 0.85


_S27B_AUSWEIS = re.compile(r"(?i:\b(?:personal)?ausweis(?:[ \t-]?(?:nummer|nr\.?|no\.?))[ \t:]{0,3}(?:ist[ \t]{1,2})?)"
                           r"([CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d?)(?![\w-])")
_S27B_TAGALOG_SELF = re.compile(r"\b(?i:ako|ito)(?:[ \t]po)?[ \t]si[ \t]([A-Z][a-zà-ÿ'’-]{1,20}(?:[ \t][A-Z][a-zà-ÿ'’-]{1,20})?)"
                                r"(?![\w'’-])")
_S27B_EMAIL_STOPS = frozenset("""got have had read confirm confirming that's thats it's its is email address""".split())


def _s27b_email_start(text: str, at: int) -> int | None:
    """A spoken address's local part read back from the spoken "at" to a stop word (two plain words at most)."""
    line_start = text.rfind("\n", 0, at) + 1
    tokens = list(re.finditer(r"\S+", text[max(line_start, at - 200):at]))
    base = max(line_start, at - 200)
    start, words = None, 0
    for tok in reversed(tokens):
        word = tok.group().lower().strip(",")
        if word in _S27B_EMAIL_STOPS or word.endswith(":"):
            return start if words or start is not None else None
        if word in ("letter", "letters") and start is not None:
            start = base + tok.start()
            continue
        if len(word) == 1 and word.isalnum() or word in _S22A_NUMBER_WORDS or word in _S22A_LOCAL_JOINS \
                or word.isdigit():
            start = base + tok.start()
            continue
        if word == "the" and start is not None and text[start:start + 6].lower() == "letter":
            start = base + tok.start()
            continue
        if not re.fullmatch(r"[^\W\d_]{2,20}\d{0,4}", word) or word in NOT_NAMES or words == 2:
            return None
        words += 1
        start = base + tok.start()
    return None


def _s27b_emails(text: str) -> Iterator[Found]:
    # commas between a spoken address's pieces read as blanks (same length)
    flat = re.sub(r",(?=[ \t])", " ", text) if ", at, " in text or ", dot, " in text else text
    for m in itertools.islice(_S22A_AT.finditer(flat), 8):
        tld = re.split(r"[ \t](?:dot|punto|point|punkt)[ \t]", m.group(1).lower())[-1].replace(" ", "")
        if tld not in _S22A_TLDS:
            continue
        start = _s27b_email_start(flat, m.start())
        if start is not None and any(c.isalpha() for c in _s27b_digits_free(flat[start:m.start()])):
            yield "EMAIL", start, m.end(), 0.85


def _s27b_digits_free(value: str) -> str:
    return " ".join(w for w in value.split() if w.lower() not in _S22A_NUMBER_WORDS)


_S27B_PASSENGER_Q = re.compile(r"(?im)\b(?:(?:lead|main|first|second|other)[ \t])?passenger(?:['’]s)?(?:[ \t](?:full[ \t])?name)?"
                               r"(?:[ \t]please)?[ \t?.]{0,3}$")
_S27B_CAPS_ANSWER = re.compile(r"(?:(?:yes|yeah|it['’]s|that['’]s|that[ \t]would[ \t]be|um|er)[ \t,]{1,3}){0,3}"
                               r"([A-ZÀ-Þ][a-zà-ÿ'’-]{1,25}(?:[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]{1,25}){1,2})(?![\w'’-])")
_S27B_NAME_BEFORE_DOB = re.compile(r"(?<![\w'’])(?:he['’]s|she['’]s|he[ \t]is|she[ \t]is|named|called)[ \t]"
                                   r"([A-ZÀ-Þ][a-zà-ÿ'’-]{1,25}(?:[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]{1,25})?),?[ \t]"
                                   r"(?i:date[ \t]of[ \t]birth|dob|born[ \t]on|birthday)\b")


def _s27b_spelt_back(text: str) -> Iterator[Found]:
    """The word a caller spelt in the spelling alphabet, said back on the next line ("Underhay, thank you")."""
    for m in itertools.islice(NATO_RUN.finditer(text), 8):
        words = re.findall(r"[^\W\d_][\w-]*", m.group().lower())
        if len(words) < 4 or not all(w in NATO_WORDS for w in words) or "\n" not in text[m.end():m.end() + 2]:
            continue
        spelt = "".join(w[0] for w in words)
        line_end = text.find("\n", m.end() + 1)
        line = text[m.end() + 1:line_end if line_end >= 0 else len(text)]
        for w in itertools.islice(re.finditer(r"(?<![\w'’-])[A-ZÀ-Þ][a-zà-ÿ'’-]{3,25}(?![\w'’-])", line), 12):
            if w.group().lower() in spelt and len(w.group()) >= len(spelt) - 1:
                yield "PERSON", m.end() + 1 + w.start(), m.end() + 1 + w.end(), 0.85


_S27B_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                     r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                     r"hundred|\d{1,4}[a-z]?)")
_S27B_PAUSED_ADDRESS = re.compile(
    rf"(?i)\b(?:address(?:[ \t]is)?|live[ \t]at|living[ \t]at|moved[ \t]to|deliver(?:ed)?[ \t]to)[ \t:,]{{1,3}}"
    rf"(?:it['’]s[ \t]|is[ \t])?({_S27B_NUMBER_WORD}(?:[ \t-]{_S27B_NUMBER_WORD}){{0,2}}"
    r"(?:[ \t]{1,2}(?:\.{3}|…)?[ \t]{0,2}[a-z'’-]{1,20}){1,8}?[ \t]{1,2}(?:road|street|lane|avenue|drive|close|way|"
    r"crescent|court|place|terrace|grove|gardens|square|hill|row|walk|mews|rise|park|view|green)\b)")
_S27B_ITS_NAME = re.compile(r"(?i)\bit['’]s[ \t]((?:[a-z]{1,6}[ \t]{0,2}(?:\.{3}|…)[ \t]{0,2})?[a-z]{3,20})[ \t]"
                            r"(?:from|calling|here)\b")
_S27B_ITS_NOT = frozenset("""just only about the that this me him her them us you your my our his their nothing
something someone somebody anyone everyone all been being not now still also really actually regarding re urgent
coming going working""".split())


def _s27b_spoken_names(text: str) -> Iterator[Found]:
    """A first name after "it's" before "from"/"calling"/"here", a stuttered start joined ("it's pa ... palesa from")."""
    for m in itertools.islice(_S27B_ITS_NAME.finditer(text), 8):
        pieces = re.split(r"[ \t]{0,2}(?:\.{3}|…)[ \t]{0,2}", m.group(1).lower())
        name = pieces[-1]
        if name in _S27B_ITS_NOT or name in NOT_NAMES or len(pieces) > 1 and not name.startswith(pieces[0]):
            continue
        yield "PERSON", m.start(1), m.end(1), 0.8


def find_session27b(text: str) -> Iterator[Found]:
    """Session 27b's rules (see the block's comment)."""
    low = text.lower()
    if "..." in text or "…" in text:
        yield from _s27b_paused(text)
    if "birth" in low or "dob" in low or "nacimiento" in low or "naissance" in low or "nascita" in low \
            or "nascimento" in low or "geburtsdaten" in low or "geboortedata" in low or "urodzenia" in low:
        yield from _s27b_dobs(text)
    if "insurance" in low or "licen" in low or "passport" in low or "aadha" in low or "tin" in low or "pan " in low \
            or "ni " in low or "n i " in low or "tax" in low:
        yield from _s27b_spelt_ids(text)
    if "ausweis" in low:
        for m in _S27B_AUSWEIS.finditer(text):
            if any(c.isdigit() for c in m.group(1)):
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if " si " in low:
        for m in itertools.islice(_S27B_TAGALOG_SELF.finditer(text), 8):
            yield "PERSON", m.start(1), m.end(1), 0.85
    if " at " in low or " at," in low:
        yield from _s27b_emails(text)
    if "passenger" in low and "\n" in text:
        for q in itertools.islice(_S27B_PASSENGER_Q.finditer(text), 8):
            label = _S27B_LABEL.match(text, q.end() + 1) if q.end() < len(text) else None
            a = _S27B_CAPS_ANSWER.match(text, label.end()) if label else None
            if a and not any(w.lower() in NOT_NAMES for w in a.group(1).split()):
                yield "PERSON", a.start(1), a.end(1), 0.85
    if "\n" in text and any(w in low for w in _NATO_HINTS):
        yield from _s27b_spelt_back(text)
    if "..." in text or "…" in text:
        for m in itertools.islice(_S27B_PAUSED_ADDRESS.finditer(text), 8):
            if "..." in m.group(1) or "…" in m.group(1):
                yield "ADDRESS", m.start(1), m.end(1), 0.85
    if "it's" in low or "it’s" in low:
        yield from _s27b_spoken_names(text)
    if "birth" in low or "dob" in low or "born" in low:
        for m in itertools.islice(_S27B_NAME_BEFORE_DOB.finditer(text), 8):
            if not any(w.lower() in NOT_NAMES for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.85
# ---- session 22, fixer session27c (blind27c: payments, banking, lending, insurance, payroll, tax and id checks) -----
# - a bank account number of 6-17 digits, plain or in groups ("account 2210 4471", "Acct # 7730 2291 84", "a/c no
#   0011883022917"), after an account cue, in a message that speaks of a bank (a bank's word or code, a transfer, a
#   refund, a salary, a bank's name; "a/c" alone is a bank's word) and not of a utility's or telecom's bill (there
#   an account number is a customer reference, kept; nor an employee's, a member's, a customer's, a trading
#   account's), nor an amount in thousands before its currency; the answer line
#   after the question "… account number?" in a dialogue (not a line labelled as a code: "Branch code: 250655"); the
#   number after "refund to:" / "pay into" / "deposit to" (10-17 digits, not a phone's 0-led 10 or 11); a second
#   number of an account's length after "typed" / "entered" / "instead of" / "should be" ("account 55120489, but I
#   typed 55120498": the mistyped account is someone's too), and both numbers of one length in "N instead of M";
# - national ids by their layout: an Emirates ID 784-YYYY-NNNNNNN-N (15 plain digits after its cue), a Malaysian MyKad
#   YYMMDD-PB-###G (a valid date; 12 plain digits after its cue), a Philippine TIN (3-3-3, 3-3-3-3/5) after "TIN" (not
#   in a message naming a firm: a firm's TIN is kept), an SSS / PhilHealth / Pag-IBIG / UMID number after its cue, a
#   Singapore NRIC/FIN written with spaces after its cue ("NRIC S 8812 345 D"), a
#   Hong Kong ID with its check digit in brackets (the check digit verified when no cue names it; letters and digits
#   spaced after "HKID" / "Hong Kong ID card"), an Aadhaar number in 4-4-4 groups up to 60 characters after the word
#   ("it asks for Aadhaar. It is …");
# - the first 8 or 12 digits of a card after "card" (a customer starting a number and correcting it);
# - the full name (two or three capitalised words) after "my accountant" / "my solicitor" / "my executor" / "my
#   financial adviser" and other roles a customer names someone by, unless a firm's word is in it ("my broker
#   Interactive Brokers");
# - a date of birth after "b." in brackets or after a comma ("my grandmother … (b. 02/09/1939)").
_S27C_BANK = re.compile(
    r"(?i:bank|\b(?:sort[ \t]?code|iban|bic|swift|routing|bsb|ifsc|branch[ \t]code|transit|payee|"
    r"beneficiary|building[ \t]society|credit[ \t]union|savings?|current[ \t]account|checking|cheque|salary|payout|"
    r"debit[ \t]order|eft|neft|rtgs|imps|wire|transfer\w{0,3}|deposit\w{0,3}|refund\w{0,3}|paid[ \t]into|"
    r"pay[ \t]into|loan|mortgage|overdraft|nuban|clabe)\b)")
_S27C_BANK_NAME = re.compile(  # a bank's own name (case as banks write it): a bank's word too
    r"\b(?:KCB|Equity|Absa|ABSA|FNB|Nedbank|Capitec|Stanbic|GTBank|GTB|Zenith|UBA|HDFC|ICICI|SBI|Axis|Kotak|DBS|OCBC|"
    r"UOB|POSB|Maybank|CIMB|RHB|BDO|BPI|Metrobank|Landbank|HSBC|Barclays|Lloyds|NatWest|Santander|Monzo|Starling|"
    r"Halifax|Nationwide|Chase|Wells[ \t]Fargo|Citi|Citibank|RBC|Scotiabank|BMO|CIBC|ANZ|NAB|Westpac|CommBank|ASB|"
    r"Kiwibank|ENBD|ADCB|FAB|Mashreq|Revolut)\b")
_S27C_UTILITY = re.compile(
    r"(?i:\b(?:meter|router|broadband|internet|fibre|fiber|wifi|wi-fi|tariff|bill|billing|billed|council[ \t]tax|"
    r"electricity|energy|gas|water|subscription|gym|loyalty|utility|sim[ \t]card|handset|airtime|top-?up|"
    r"(?:mobile|phone|data|broadband)[ \t]plan)\b)")
_S27C_ACCT = re.compile(
    r"(?<![\w/])(?i:account|acct|acc|a/c)(?:[ \t]{0,2}(?i:number|num|no\.?|nr\.?|#))?\.?(?:[ \t]{0,2}(?:is|was|:|-|=))?"
    r"[ \t]{0,2}[:#]?[ \t]{0,3}(\d{6,17}|\d{2,6}(?:[ \t-]\d{1,6}){1,4})(?![\w-]|[.,/]\d|[ \t]\d)")
_S27C_ANSWER = re.compile(
    r"(?i:\baccount[ \t](?:number|no\.?)[^\n?]{0,24}\?[ \t]{0,3})\n[ \t]{0,4}(?:([A-Za-z][\w ]{0,15}):[ \t]{0,3})?"
    r"(\d{2,6}(?:[ \t-]\d{1,6}){0,4})[ \t.]{0,3}(?=\n|$)")
_S27C_CODE_LABEL = re.compile(r"(?i:code|sort|routing|branch|bsb|ifsc|swift|bic|transit|pin|ref)")
_S27C_PAY_TO = re.compile(
    r"(?i:\b(?:refund|pay|paid|deposit|transfer|credit|send|sent)\w{0,4}[ \t]+(?:(?:it|the[ \t]+(?:money|refund|"
    r"amount|funds))[ \t]+)?(?:in)?to[ \t]{0,2}:?[ \t]{0,2}(?:my[ \t]+)?(?:account[ \t]{1,2})?(?:[:#][ \t]{0,2})?)"
    r"(\d{10,17}|\d{2,6}(?:[ \t-]\d{2,6}){1,4})(?![\w-]|[.,/]\d|[ \t]\d)")
_S27C_TYPED = re.compile(r"(?i:\b(?:typed|entered|keyed|put|wrote|used|gave|instead[ \t]of|rather[ \t]than|meant|"
                         r"should[ \t](?:be|have[ \t]been)|not)[ \t]+(?:in[ \t]+)?(?:it[ \t]+as[ \t]+)?)"
                         r"(\d{6,17})(?![\w-]|[.,/]\d)")
_S27C_AADHAAR = re.compile(r"(?i:\baadh?aar\b)[^\n]{0,60}?(?<![\d-])([2-9]\d{3}[ \t-]\d{4}[ \t-]\d{4})(?![\w-]|[.,]\d)")
_S27C_PAIR = re.compile(r"(?<![\w.,/-])(\d{6,17})[ \t,]{0,3}(?i:instead[ \t]of|rather[ \t]than|not)[ \t]{1,3}"
                        r"(\d{6,17})(?![\w-]|[.,/]\d)")
_S27C_EMIRATES = re.compile(r"(?<![\w-])(784-(?:19|20)\d\d-\d{7}-\d)(?![\w-])")
_S27C_EMIRATES_PLAIN = re.compile(r"(?i:\b(?:emirates[ \t]id|eid)\b(?:[ \t]{0,2}(?:number|no\.?|#))?"
                                  r"(?:[ \t]{0,2}(?:is|:))?[ \t]{0,3})(784(?:19|20)\d{10})(?!\d)")
_S27C_MYKAD = re.compile(r"(?<![\w-])(\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d\d-\d{4})(?![\w-])")
_S27C_MYKAD_PLAIN = re.compile(r"(?:\b(?:MyKad|MYKAD|mykad|IC|I/C|NRIC|(?i:kad[ \t]pengenalan))\b"
                               r"(?:[ \t]{0,2}(?i:number|no\.?|#))?(?:[ \t]{0,2}(?:is|:))?[ \t]{0,3})"
                               r"(\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{6})(?!\d)")
_S27C_PH_ID = re.compile(
    r"(?:\b(?:TIN|(?i:tin[ \t](?:number|no\.?|#)|tax[ \t]identification[ \t]number))\b\.?"
    r"(?:[ \t]{0,2}(?i:number|no\.?|#))?(?:[ \t]{0,2}(?:is|:))?[ \t]{0,3})"
    r"(\d{3}[- ]\d{3}[- ]\d{3}(?:[- ](?:\d{5}|\d{3}))?|\d{9}(?:\d{3}|\d{5})?)(?![\w-])"
    r"|(?:\b(?:SSS|UMID|PhilHealth|PHILHEALTH|Pag-IBIG|PAG-IBIG|HDMF)\b(?:[ \t]{0,2}(?i:mid|number|no\.?|#|id)){0,2}"
    r"(?:[ \t]{0,2}(?:is|:))?[ \t]{0,3})(\d{2}-\d{7}-\d|\d{2}-\d{9}-\d|\d{4}-\d{4}-\d{4}|\d{4}-\d{7}-\d|\d{10,12})"
    r"(?![\w-])")
_S27C_FIRM = re.compile(r"(?i:\b(?:ltd|limited|inc|llc|llp|corp|corporation|plc|gmbh|pty|company|enterprises|"
                        r"trading|exporters|importers|supplier|vendor|merchant|business|employer|we[ \t]are|"
                        r"our[ \t](?:firm|company))\b)")
_S27C_SG_SPACED = re.compile(r"\b(?:NRIC|FIN)\b(?:[ \t]{0,2}(?i:number|no\.?|#))?(?:[ \t]{0,2}(?:is|:))?[ \t]{0,3}"
                             r"([STFGM][ \t]\d{4}[ \t]?\d{3}[ \t][A-Z]|[STFGM]\d{4}[ \t]\d{3}[A-Z])(?![\w])")
_S27C_HKID_CUED = re.compile(r"(?i:\bhkid\b|\bhong[ \t]kong[ \t]id(?:entity)?\b)[^\w\n]{0,6}(?:[^\d\n]{0,24}?)"
                             r"(?<![\w])([A-Z]{1,2}[ \t]?\d{6}[ \t]?\([\dA]\)|[A-Z]{1,2}[ \t]?\d{6}[ \t][\dA])(?![\w])")
_S27C_HKID = re.compile(r"(?<![\w])([A-Z]{1,2}\d{6}\([\dA]\))(?![\w])")
_S27C_CARD_START = re.compile(r"(?i:\bcard\b(?:[ \t]{1,2}(?:number|no\.?|#))?(?:[ \t]{1,2}(?:is|was))?[ \t]{0,2}:?"
                              r"[ \t]{0,2})([3-6]\d{3}[ \t-]\d{4}(?:[ \t-]\d{4})?)(?![\d]|[ \t-]\d|[.,]\d)")
_S27C_BORN_B = re.compile(r"(?:\(|,[ \t])b\.[ \t]?(\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|\d{1,2}[ \t]"
                          rf"(?i:{_MONTHS18})\.?[ \t](?:19|20)\d\d)(?!\d)")

_S27C_ROLE_NAME = re.compile(
    r"\b(?i:my|our|her|his|their)[ \t]{1,2}(?i:accountant|solicitor|lawyer|attorney|(?:financial[ \t]{1,2})?advis[eo]r|"
    r"broker|executor|executrix|carer|caregiver|guardian|trustee|bookkeeper|tax[ \t]{1,2}(?:agent|preparer)|"
    r"power[ \t]{1,2}of[ \t]{1,2}attorney|attorney-in-fact|representative|conveyancer|notary)[ \t]{0,2},?[ \t]{1,2}"
    r"([A-Z][a-z'’]{1,20}(?:-[A-Z][a-z'’]{1,20})?(?:[ \t][A-Z][a-z'’]{1,20}(?:-[A-Z][a-z'’]{1,20})?){1,2})(?![\w'’-])")

_S27C_FIRM_WORDS = frozenset("""brokers broking partners associates law legal accountants accounting place wealth capital
financial finance group advisers advisors securities investments bank trust chambers solicitors lawyers llp ltd inc
services consulting tax""".split())


def _s27c_hkid_ok(value: str) -> bool:
    """The Hong Kong ID's check digit (mod 11 over the letters' and digits' weights 9..2)."""
    s = value.replace(" ", "").replace("(", "").replace(")", "")
    letters, digits, check = s[:-7], s[-7:-1], s[-1]
    vals = ([36] if len(letters) == 1 else []) + [ord(c) - 55 for c in letters] + [int(d) for d in digits]
    r = (11 - sum(w * v for w, v in zip(range(9, 1, -1), vals, strict=False)) % 11) % 11
    return check == ("A" if r == 10 else str(r))


_S27C_THOUSANDS = re.compile(r"\d{1,3}(?:[ \t]\d{3}){1,4}")
_S27C_CURRENCY = re.compile(r"[ \t]{0,2}(?i:kes|ksh|ngn|naira|zar|rand|inr|rs|rupees|shillings?|php|pesos?|myr|"
                            r"ringgit|rm|aed|dirhams?|usd|eur|gbp|sgd|hkd|aud|cad|nzd|dollars?|euros?|pounds?|/=)(?![a-z])")


_S27C_NOT_BANK_BEFORE = re.compile(r"(?i:\b(?:employee|staff|student|member|membership|loyalty|portal|login|user|"
                                   r"wallet|trading|demat|gaming|betting|online|customer|client|supplier|vendor)"
                                   r"[ \t]{1,2})$")


def _s27c_amount(text: str, start: int, end: int) -> bool:
    """A number in thousands groups before a currency ("account 150 000 KES"): an amount, no account."""
    return bool(_S27C_THOUSANDS.fullmatch(text, start, end) and _S27C_CURRENCY.match(text, end))


def _s27c_digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def find_session27c(text: str) -> Iterator[Found]:
    """Session 27c's rules (see the block's comment)."""
    low = text.lower()
    if any(w in low for w in ("my ", "our ", "her ", "his ", "their ")) and any(
            w in low for w in ("accountant", "solicitor", "lawyer", "attorney", "advis", "broker", "execut", "carer",
                               "caregiver", "guardian", "trustee", "bookkeeper", "tax ", "representative",
                               "conveyancer", "notary")):
        for m in _S27C_ROLE_NAME.finditer(text):
            if all(w.lower() not in NOT_NAMES and w.lower() not in _S27C_FIRM_WORDS for w in m.group(1).split()):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if not _DIGIT.search(text):
        return
    if ("acc" in low or "a/c" in low or " to" in low) and (_S27C_BANK.search(text) or "a/c" in low
                                                            or _S27C_BANK_NAME.search(text)) \
            and not _S27C_UTILITY.search(text):
        lengths = set()
        if "acc" in low or "a/c" in low:
            for m in _S27C_ACCT.finditer(text):
                if 6 <= _s27c_digits(m.group(1)) <= 17 and not _s27c_amount(text, m.start(1), m.end(1)) \
                        and not _S27C_NOT_BANK_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
                    lengths.add(_s27c_digits(m.group(1)))
                    yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
            if "\n" in text:
                for m in _S27C_ANSWER.finditer(text):
                    if 6 <= _s27c_digits(m.group(2)) <= 17 and not (m.group(1) and _S27C_CODE_LABEL.search(m.group(1))):
                        yield "BANK_ACCOUNT", m.start(2), m.end(2), 0.85
        for m in _S27C_PAY_TO.finditer(text):
            n = _s27c_digits(m.group(1))
            if 10 <= n <= 17 and (m.group(1)[0] != "0" or n >= 12) and not _s27c_amount(text, m.start(1), m.end(1)):
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
        if ("acc" in low or "a/c" in low) and ("instead" in low or "rather" in low or "not " in low):
            for m in _S27C_PAIR.finditer(text):
                if len(m.group(1)) == len(m.group(2)):
                    yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.8
                    yield "BANK_ACCOUNT", m.start(2), m.end(2), 0.8
        if lengths and any(w in low for w in ("typed", "entered", "keyed", "put", "wrote", "used", "gave", "instead",
                                              "rather", "meant", "should", "not ")):
            for m in _S27C_TYPED.finditer(text):
                if _s27c_digits(m.group(1)) in lengths:
                    yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.8
    if "aadh" in low:
        for m in _S27C_AADHAAR.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "784" in text:
        for m in _S27C_EMIRATES.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
        if "id" in low:
            for m in _S27C_EMIRATES_PLAIN.finditer(text):
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "-" in text:
        for m in _S27C_MYKAD.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "NRIC" in text or "FIN" in text:
        for m in _S27C_SG_SPACED.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "IC" in text or "kad" in low or "I/C" in text:
        for m in _S27C_MYKAD_PLAIN.finditer(text):
            yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if any(w in text for w in ("TIN", "tin ", "Tax", "tax", "SSS", "UMID", "hil", "HIL", "IBIG", "HDMF")):
        firm = _S27C_FIRM.search(text) is not None
        for m in _S27C_PH_ID.finditer(text):
            g = 1 if m.group(1) else 2
            if firm and g == 1:
                continue  # a firm's TIN is kept
            yield "NATIONAL_ID", m.start(g), m.end(g), 0.85
    if "(" in text or "hkid" in low or "hong kong" in low:
        if "hkid" in low or "hong kong" in low:
            for m in _S27C_HKID_CUED.finditer(text):
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
        for m in _S27C_HKID.finditer(text):
            if _s27c_hkid_ok(m.group(1)):
                yield "NATIONAL_ID", m.start(1), m.end(1), 0.85
    if "card" in low:
        for m in _S27C_CARD_START.finditer(text):
            yield "CARD", m.start(1), m.end(1), 0.8
    if "b." in text:
        for m in _S27C_BORN_B.finditer(text):
            yield "DOB", m.start(1), m.end(1), 0.85
# ---- session 22, fixer session27d (CVV as a detected kind; families of blind19c/21c/22/22b/23/23b/23c) -------------
# - CVV: a card's security code given in clear ("CVV: 382", "cvc 917", "security code on the back is 4410", the code
#   typed right after a card number and its expiry: "4242 4242 4242 4242 09/28 123") — the labelling guide's
#   [[CVV:…]]. The spans are those the ingestion's payment redaction removes (``privacy.payment_spans``: its _CVV and
#   after-a-card patterns, imported, not copied), less what reads as no code: a number behind words other than the
#   cue's own and its link words ("CVV failed on my £250 payment"), a currency before it, an amount's decimals or a
#   unit after it ("cvv 123.45", "… 250 dollars"), and after the weak cues (security code/number/digits, 3-digit code,
#   code on the back, CID, CSC) a number with no card named within 80 characters before (an alarm's or a door's code).
_S27D_STRONG = frozenset({"cvv", "cvv2", "cvc", "cvc2", "cvn", "verification"})
_S27D_LINK = frozenset("""cvv cvv2 cvc cvc2 cvn cid csc security code number digits digit card verification value
3 three 3-digit three-digit on the back is was are it's its it’s my no no. num nr # : = - – is: of this that for card's
and please here below just""".split())
_S27D_GATE = ("cv", "cid", "csc", "security", "verification", "digit", "back", "card", "visa", "master", "amex",
              "exp", "debit", "credit")
_S27D_BARE_CHARS = 4000
_S27D_WORD = re.compile(r"[^\s:=#,;()\[\]]{1,30}")
_S27D_UNIT_AFTER = re.compile(r"(?i:[.,/-]\d|[ \t]{0,2}(?:%|€|£|\$|(?:dollars?|usd|eur|euros?|gbp|pounds?|rand|zar|inr|rs|"
                              r"rupees?|kes|ngn|naira|aud|cad|nzd|sgd|myr|aed|items?|pcs|times|days?|months?|years?|"
                              r"km|kg|mins?|minutes?|hours?|hrs?|pts|points)\b))")
_S27D_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:R|Rs|rs|USD|EUR|GBP|INR|KES|NGN|ZAR|AUD|CAD)\.?)[ \t]?$")


def _s27d_cvv_ok(text: str, start: int, end: int) -> bool:
    if _S27D_UNIT_AFTER.match(text, end) or _S27D_CURRENCY_BEFORE.search(text[max(0, start - 5):start]):
        return False
    return True


def find_session27d(text: str) -> Iterator[Found]:
    """Session 27d's rules (see the block's comment)."""
    if not _DIGIT.search(text):
        return
    low = text.lower()
    if len(text) > _S27D_BARE_CHARS and not any(w in low for w in _S27D_GATE):
        return  # a long text without a cue or a card's word: the bare "card expiry code" runs are short messages
    cued = {m.start(1): m for m in privacy._CVV.finditer(text)}
    for start, end, label in privacy.payment_spans(text):
        if label != "[CVV]" or not _s27d_cvv_ok(text, start, end):
            continue
        m = cued.get(start)
        if m is not None:  # after a cue ("CVV:", "security code"), not right after a card number
            words = [w.lower() for w in _S27D_WORD.findall(text[m.start():start])]
            if any(w not in _S27D_LINK for w in words):
                continue
            if not any(w in _S27D_STRONG for w in words) and not privacy._CARD_CUE.search(
                    low, max(0, m.start() - 80), m.start()):
                continue
        yield "CVV", start, end, 0.85


# ---- session 24 ------------------------------------------------------------------------------------------------------
# Short messages and call turns where the writer gives their first name in lower case after "its"/"this is"/"name"
# with nothing after it but a comma, a full stop, an emoji or the end ("hi its naledi 👋", "its mpho, redelivery fee
# pls", "my wife's name anneke"): a name only when the word is a given name we know (pii_first_names.txt or the
# multicultural list pii_given_names.txt, written in session 23 from general knowledge, less the names that are also
# words, WORD_NAMES) — "its broken.", "its me again" stay. A surname after it is taken when it too ends at such a mark.
# And an English street address in lower case given with a direction letter ("2817 n halsted st apt 3f chicago il
# 60657"), a unit before it ("3/17 grevillea cres") and its suburb, state and postcode after it ("…, mount lawley wa
# 6050", "14 jacaranda ave, fourways"), which LOWER_EN_ADDRESS stopped short of.
GIVEN_NAMES_FILE = Path(__file__).with_name("pii_given_names.txt")
GIVEN_NAMES = (FIRST_NAMES | frozenset(line.strip() for line in GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
                                       if line.strip() and not line.startswith("#"))) - WORD_NAMES - NOT_NAMES
_S24_SELF_NAME = re.compile(
    r"(?i:(?:^|[.!?\n]|\b(?:hi|hey|hello|hiya|heya|morning|evening|afternoon|yes|yeah|ok|okay)\b)[ \t,!.-]{0,3}"
    r"(?:it['’]?s|its|it[ \t]is|this[ \t]is|my[ \t]name[ \t]is|name[ \t]is|name['’]s|name:?)[ \t]{1,2}"
    r"|\bname[ \t]{1,2})"
    r"([a-zà-ÿ][a-zà-ÿ'’-]{1,20})(?:[ \t]([a-zà-ÿ][a-zà-ÿ'’-]{1,20}))?(?=([ \t]*(?:[,.!?;:)\n]|$|[^\w\s])|[ \t]+\w+))")
_S24_NAME_END = re.compile(r"[ \t]*(?:[,.!?;:)\n]|\Z|[^\w\s])")
_S24_AFTER_NAME = frozenset("""here again from speaking calling writing texting confirming checking pls plz please thx
thanks ta cheers""".split())
_S24_LOWER_STREET = re.compile(
    r"(?<![\w-])(?:(\d{1,4})/)?(\d{1,5}[a-z]?)[ \t](?:(?:n|s|e|w|ne|nw|se|sw)\.?[ \t])?((?:[a-z]{3,20}[ \t]){1,2})"
    r"(?:street|road|avenue|lane|drive|st|rd|ave|court|ct|close|crescent|cres|grove|terrace|tce|place|pl|parkway|"
    r"pkwy|boulevard|blvd|way|highway|hwy)\b")
_S24_UNIT_AFTER = re.compile(r",?[ \t](?:apt|apartment|unit|flat|suite|ste|#)\.?[ \t]?[\w-]{1,5}\b")
_S24_LOWER_WORD = re.compile(r"(,?[ \t])([a-z]{3,20})(?![\w'’-])")
_S24_STATE_POSTCODE = re.compile(r"(?:,?[ \t][a-z]{2,3})?,?[ \t]\d{4,5}(?![\w-])")


def _s24_lower_place(text: str, end: int) -> int:
    """The end of a lower-case suburb, town, state and postcode after a street (up to three words, none an everyday
    word), or `end`: taken after a comma, or without one when a postcode closes them."""
    words, at, comma = 0, end, False
    while words < 3 and (m := _S24_LOWER_WORD.match(text, at)):
        word = m.group(2)
        if word in NOT_NAMES or word in _S24_AFTER_NAME or word in _NOT_STREET_WORDS:
            break
        comma = comma or (words == 0 and m.group(1).startswith(","))
        words, at = words + 1, m.end()
    code = _S24_STATE_POSTCODE.match(text, at)
    if code and (words or code.group().lstrip(", \t")[:1].isdigit()):
        return code.end()
    return at if words and comma else end


def _s24_word_after(text: str, end: int) -> str:
    m = _S24_LOWER_WORD.match(text, end)
    return m.group(2) if m and not m.group(1).startswith(",") else ""


def find_session24(text: str) -> Iterator[Found]:
    """See the block's comment."""
    low = text.lower()
    if ("its" in low or "it's" in low or "it’s" in low or "this is" in low or "name" in low) and text != text.upper():
        for m in _S24_SELF_NAME.finditer(text):
            first, second = m.group(1), m.group(2)
            if first.lower() not in GIVEN_NAMES or not first.islower():
                continue
            if second is not None and second.lower() not in NOT_NAMES and second.lower() not in _S24_AFTER_NAME \
                    and (_S24_NAME_END.match(text, m.end(2)) or _s24_word_after(text, m.end(2)) in _S24_AFTER_NAME):
                yield "PERSON", m.start(1), m.end(2), 0.8
            elif _S24_NAME_END.match(text, m.end(1)) or (
                    second is not None and second.lower() in _S24_AFTER_NAME):
                yield "PERSON", m.start(1), m.end(1), 0.8
    if _DIGIT.search(text):
        for m in _S24_LOWER_STREET.finditer(text):
            if any(w in _NOT_STREET_WORDS or w in NOT_NAMES for w in m.group(3).split()):
                continue
            end = m.end()
            unit = _S24_UNIT_AFTER.match(text, end)
            end = unit.end() if unit else end
            end = _s24_lower_place(text, end)
            if unit or end > m.end() or m.group(1):
                yield "ADDRESS", m.start(), end, 0.8
# and (session 24, candidate 4) a name written "Surname, Givenname", as Outlook writes a sender in a quoted header
# ("Von: Dunkelberg, Ralf <r.dunkelberg@…>", "An: Kolbe, Nadine") or a form field holds it ("Mietinteressent/in:
# Okafor, Chidinma"): after a label and a colon at the start of a line, one or two capitalised surname words, a comma
# and a capitalised given name we know, then the line's end, an e-mail in angle brackets or a bracket.
_S24_LAST_FIRST = re.compile(
    r"(?m:^[ \t>]{0,4}[A-Za-zÀ-ÿ][\w/.-]{0,30}(?:[ \t][A-Za-zÀ-ÿ][\w/.-]{0,20}){0,2}[ \t]{0,2}:[ \t]{0,4})"
    r"((?:(?i:van|von|de|der|den|del|della|di|da|du|dos|das|le|la|ten|ter)[ \t]){0,2}[A-ZÀ-Þ][a-zà-ÿß'’-]{1,30}"
    r"(?:[ \t-][A-ZÀ-Þ][a-zà-ÿß'’-]{1,30})?,[ \t]([A-ZÀ-Þ][a-zà-ÿß'’-]{1,20}))(?=[ \t]{0,3}(?:<|\(|\[|\r?\n|\Z))")


def find_session24_last_first(text: str) -> Iterator[Found]:
    """See the comment above _S24_LAST_FIRST."""
    if ", " not in text or ":" not in text:
        return
    for m in _S24_LAST_FIRST.finditer(text):
        if m.group(2).lower() in GIVEN_NAMES and m.group(1).split(",")[0].split()[-1].lower() not in NOT_NAMES:
            yield "PERSON", m.start(1), m.end(1), 0.85
