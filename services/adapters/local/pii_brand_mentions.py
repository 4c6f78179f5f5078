"""A company, a shop, an app or a brand the message names as one is a kept name, every time it names it (session 48,
candidate 48-3; issue 21): a filter of the PERSON spans, run right after pii_org_cues in the default detector and the
rules-only one.

By the labelling conventions (``tests/data/pii/build.py``) a company's, an app's or a product's name is kept
(``COMPANY``, ``PRODUCT``, ``ORG``) even when it is also a given name or a surname ("Otto", "Rogers", "Kuda"); a person
named beside it stays masked, and so does a firm that bears the surname of a person masked elsewhere in the message.
pii_org_cues keeps a company told by an agent's opening, a chat's label or a service named after it, but only where
no other PERSON span bears one of its words — and a company named twice is two PERSON spans that bear each other's
word ("Ahmed (Careem): Hi, this is Ahmed from Careem", "Hi Rogers, … my Rogers bill"). This module reads:

- the app, the portal or the platform right before its name ("la app de Glovo", "l'appli Lydia", "die App
  Abfall+", "aplicația HRdesk", "приложение Тинькофф"; not a first name we know: "nama di app Agus S." is a
  driver's name);
- a service of the company's right after its name, joined by a space, a hyphen or a genitive's "'s": its app,
  wallet, support, customer service, helpline, assistant, website, portal ("Streamora app", "Otto-App", "Kuda
  customer care", "Elisa asiakaspalvelu", "Movilta atención al cliente", "Whitaker's customer service"), and after
  "my", "your", "our" (and their forms in French, Spanish, Italian, Portuguese, German, Dutch) its bill, card, plan,
  order, subscription, account ("my Rogers bill", "your Kuda card");
- the writer a customer of the company (48-6): "Stammkunde bei Otto", "customer of Rogers", "klant bij Ziggo",
  "kunde hos Elgiganten", and "cliente de", "client de", "cliente di" before a name that is no first name we know;
- a chat's speaker label with the company in brackets: after a first name we know (pii_org_cues' reading, here at
  every mention: "Ahmed (Careem):" tells the "Careem" of "this is Ahmed from Careem"), or after any one or two words
  when the turn introduces the agent by the label's own name or by another first name we know ("Tolu (Kuda): Hi!
  Tolu here", "Conseiller (Sosh) : bonjour, Yanis à votre écoute", "Support (Jeeny): Hi, I'm Omar"); not
  "Agent (Noura): hello, this is Noura" (the agent's own name in the brackets), nor a first name we know in them, nor
  a label whose turn introduces nobody;
- a PERSON span run over a chat label's bracket ("Ahmed (Careem" of "Ahmed (Careem): Hi"): cut at the bracket, the
  agent's name stays masked and the company in the brackets is kept.
The cues are read wherever the message writes the span's value as a word of its own (a mention no finder took
counts: "Hallo Otto, … die Otto-App zeigt nichts"), and a name so told is kept everywhere the message writes it the
same way (the same letters, the same case: "Hi Rogers," with "my Rogers bill"; "ma'am Maya" written otherwise than
"maya wallet" is a person who bears the name, and both stay masked).

What it never takes (the look-alikes):
- a name that another PERSON span of the message bears in a different span ("Otto Brenner … Otto-App": the
  conventions mask a firm that shares a masked person's name);
- a person's name before a word that is no service's ("Maria account" is not read: "account", "order", "card", "bill"
  count only after a possessive), a name in a new line after the cue word;
- a span of more than four words, or with a digit.
At most 200 spans are read per message, in its first 20,000 characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.adapters.local import pii_institution_names, pii_org_cues, pii_rules
from services.models import PiiSpan

_MAX_SPANS = 200
_MAX_CHARS = 20_000
_MAX_MENTIONS = 20  # the places one value is read at
_WORD = re.compile(r"[^\W\d_][\w'’.-]{0,40}")

# a service of the company's named right after it, no possessive needed ("Streamora app", "Otto-App")
_SERVICE_WORDS = sorted((
    "app", "apps", "application", "aplicación", "aplicativo", "applicazione", "appli", "wallet", "support",
    "customer service", "customer care", "customer support", "customer services", "helpdesk", "help desk",
    "helpline", "hotline", "chatbot", "assistant", "virtual assistant", "website", "web site", "portal",
    "kundenservice", "kundendienst", "kundenkonto", "kundenportal", "asiakaspalvelu", "asiakaspalveluun",
    "kundservice", "kundeservice", "klantenservice", "klantendienst", "service client", "service clients",
    "servicio al cliente", "atención al cliente", "atendimento ao cliente", "assistenza clienti", "servizio clienti",
    "obsługa klienta", "zákaznická linka", "zákaznický servis", "klienditeenindus", "ऐप", "सपोर्ट", "แอป",
    "поддержка", "поддержку", "поддержки", "support client", "kundtjänst", "asiakastuki",
), key=lambda w: (-len(w), w))
_SERVICE_AFTER = re.compile(
    r"(?:[ \t]|-)(?i:" + "|".join(w.replace(" ", r"[ \t]") for w in _SERVICE_WORDS) + r")(?![\w'’-])")
# its service after the company's genitive ("Otto's app", "Rogers's customer service"; not "Sarah's assistant")
_OWNED_SERVICE = re.compile(r"['’]s?[ \t](?i:app|website|web[ \t]site|customer[ \t](?:service|services|care|support)|"
                            r"helpline|hotline|portal)(?![\w'’-])")
# the app, the portal or the platform named before the company ("la app de Glovo", "l'appli Lydia", "die App
# Abfall+", "o app do Banco Inter", "aplicația HRdesk", "il portale INPS")
_APP_BEFORE = re.compile(
    r"(?<![\w'’])(?i:app|apps|aplicación|aplicativo|aplicação|applicazione|aplicația|appli|application|applikation|"
    r"sovellus|aplikacja|aplikacji|aplikace|aplikaci|aplikasi|applicatie|portal|portale|plateforme|plataforma|"
    r"приложение|приложении|приложения|приложению|додаток|застосунок|апликација|تطبيق|ऐप|แอป)[ \t]"
    r"(?i:(?:de|del|do|da|di|della|dell['’]|von|van|de[ \t]la|du)[ \t])?$")
# a thing of the company's after a possessive and its name ("my Rogers bill", "your Kuda card", "mon forfait Sosh")
_OWN_BEFORE = re.compile(
    r"(?<![\w'’])(?i:my|your|our|their|mon|ma|mes|votre|vos|notre|mi|mis|tu|su|nuestra|nuestro|il[ \t]mio|la[ \t]mia|"
    r"il[ \t]suo|la[ \t]sua|o[ \t]meu|a[ \t]minha|mein|meine|meinen|mijn|onze)[ \t]{1,2}$")
_OWN_AFTER = re.compile(
    r"(?:[ \t]|-)(?i:account|bill|billing|card|plan|order|subscription|membership|package|bundle|sim|router|box|"
    r"points|login|password|profile|balance|rewards|konto|rechnung|karte|bestellung|rekening|factuur|bestelling)"
    r"(?![\w'’-])")
# the writer a customer of the company ("Stammkunde bei Otto", "customer of Rogers since 2015", "klant bij Ziggo";
# 48-6): read before any name; "cliente de", "client de", "cliente di" only before a name that is no first name we
# know (a lawyer's or a trainer's client is a person's: "soy cliente de Juan")
_CUSTOMER_OF = re.compile(
    r"(?<![\w'’])(?i:(?:stamm|neu|bestands)?kund(?:e|in|en)[ \t](?:bei|von)|customer[ \t](?:of|at|with)|"
    r"klant[ \t](?:bij|van)|kunde?[ \t]hos)[ \t]{1,2}$")
_CLIENT_OF = re.compile(r"(?<![\w'’])(?i:cliente|client|clienta)[ \t](?i:de|chez|di|da|do|du)[ \t]{1,2}$")
# a chat's speaker label: the line's opening, a role's word or a name (two words at most), then the brackets
_LABEL_OPEN = re.compile(
    r"(?:^|\n)[ \t]{0,4}(?:\[[\d:. -]{1,20}\][ \t]{0,2})?([^\W\d_][\w'’-]{0,30}(?:[ \t]{1,2}[^\W\d_][\w'’-]{0,30})?)"
    r"[ \t]{0,2}\($")
# the agent's introduction in the label's turn, with the agent's name ("Tolu (Kuda): Hi! Tolu here", "Conseiller
# (Sosh) : bonjour, Yanis à votre écoute", "Support (Jeeny): Hi, I'm Omar")
_INTRO = re.compile(
    r"(?i:this[ \t]is|it['’]s|i['’]m|i[ \t]am|my[ \t]name(?:['’]s|[ \t]is)|je[ \t]suis|moi[ \t]c['’]est|soy|me[ \t]llamo|"
    r"sono|mi[ \t]chiamo|ich[ \t]bin|hier[ \t]ist|mein[ \t]name[ \t]ist|eu[ \t]sou|aqui[ \t]é|saya|ako[ \t]si|"
    r"em[ \t]là|jestem|меня[ \t]зовут|с[ \t]вами)[ \t]{1,2}([^\W\d_][\w'’-]{1,30})|"
    r"(?<![\w'’])([^\W\d_][\w'’-]{1,30})[ \t]{1,2}(?i:here|speaking|à[ \t]votre[ \t]écoute|al[ \t]habla|am[ \t]apparat|"
    r"falando|al[ \t]telefono|aan[ \t]de[ \t]lijn|przy[ \t]telefonie)(?![\w'’])")
_LABEL_CLOSE = re.compile(r"\)[ \t]{0,2}:")
# a PERSON span run over a label's bracket: "Ahmed (Careem"
_RUN_OVER = re.compile(r"([^\W\d_][\w'’.-]{0,30}(?:[ \t][^\W\d_][\w'’.-]{0,30}){0,2})[ \t]{0,2}\(([^\W\d_][^()\n]{0,40})")


def _line_start(text: str, start: int) -> int:
    return max(text.rfind("\n", 0, start) + 1, start - 120)


def _shape_ok(value: str) -> bool:
    return (bool(value.strip()) and "\n" not in value and not any(c.isdigit() for c in value)
            and len(_WORD.findall(value)) <= 4)


def _service_told(text: str, span: PiiSpan) -> bool:
    if _SERVICE_AFTER.match(text, span.end) or _OWNED_SERVICE.match(text, span.end):
        return True
    if _APP_BEFORE.search(text, _line_start(text, span.start), span.start) is not None:
        # "nama di app Agus S." is the driver's name shown in an app: no first name we know after "app"
        return not any(pii_org_cues.plain(w) in pii_rules.GIVEN_NAMES for w in _WORD.findall(text[span.start:span.end]))
    line = _line_start(text, span.start)
    if _CUSTOMER_OF.search(text, line, span.start) is not None:
        return True
    if _CLIENT_OF.search(text, line, span.start) is not None:
        return not any(pii_org_cues.plain(w) in pii_rules.GIVEN_NAMES for w in _WORD.findall(text[span.start:span.end]))
    return (_OWN_AFTER.match(text, span.end) is not None
            and _OWN_BEFORE.search(text, _line_start(text, span.start), span.start) is not None)


def _role_label(text: str, span: PiiSpan) -> bool:
    """"Tolu (Kuda): Hi! Tolu here", "Conseiller (Sosh) : bonjour, Yanis à votre écoute" — the span fills the
    brackets of a speaker's label whose turn introduces the agent by another name ("Agent (Noura): hello, this is
    Noura" is the agent's own name in the brackets; a label with no introduction is not read)."""
    close = _LABEL_CLOSE.match(text, span.end)
    label = _LABEL_OPEN.search(text, max(0, span.start - 80), span.start) if close is not None else None
    if close is None or label is None:
        return False
    line_end = text.find("\n", close.end())
    turn = text[close.end():close.end() + 120 if line_end < 0 else min(line_end, close.end() + 120)]
    m = _INTRO.search(turn)
    if m is None:
        return False
    agent = pii_org_cues.plain(m.group(1) or m.group(2))
    mine = {pii_org_cues.plain(w) for w in _WORD.findall(text[span.start:span.end])}
    if agent in mine or any(w in pii_rules.GIVEN_NAMES for w in mine):
        return False
    # the agent's name is the label's own ("Tolu (Kuda): Tolu here") or a first name we know ("Conseiller (Sosh) :
    # bonjour, Yanis à votre écoute"; not "Agent (Wei Ling): Hi, Singtel here")
    return agent in {pii_org_cues.plain(w) for w in _WORD.findall(label.group(1))} or agent in pii_rules.GIVEN_NAMES


def _cut_run_over(text: str, span: PiiSpan) -> tuple[PiiSpan, str] | None:
    """"Ahmed (Careem" followed by "):" — the span cut to the name before the bracket, and the bracket's company."""
    m = _RUN_OVER.fullmatch(text, span.start, span.end)
    if m is None or _LABEL_CLOSE.match(text, span.end) is None:
        return None
    line = text[_line_start(text, span.start):span.start]
    if not re.fullmatch(r"[ \t]{0,4}(?:\[[\d:. -]{1,20}\][ \t]{0,2})?(?:[^\W\d_][\w'’-]{0,30}[ \t]{1,2})?", line):
        return None
    company = m.group(2).strip()
    if not company or any(pii_org_cues.plain(w) in pii_rules.GIVEN_NAMES for w in _WORD.findall(company)):
        return None
    name_end = span.start + len(m.group(1))
    return PiiSpan(kind=span.kind, start=span.start, end=name_end, score=span.score), company


def _borne_by_another(text: str, value: str, people: Sequence[PiiSpan], span: PiiSpan) -> bool:
    """Another PERSON span, written otherwise than the company, bears one of its words (the conventions)."""
    others = [p for p in people if text[p.start:p.end] != value]
    return pii_institution_names._named_elsewhere(text, span, others)


def _mentions(text: str, value: str, span: PiiSpan) -> list[PiiSpan]:
    """Every place the message writes the value as a word of its own, the span's first (at most 20, read among the
    value's first 60 places, inside words too)."""
    found = [span]
    at, looked = text.find(value), 0
    while at >= 0 and len(found) < _MAX_MENTIONS and looked < 3 * _MAX_MENTIONS:
        looked += 1
        end = at + len(value)
        if at != span.start and not (at > 0 and _is_word_char(text[at - 1])) and not (
                end < len(text) and _is_word_char(text[end])):
            found.append(PiiSpan(kind=span.kind, start=at, end=end, score=span.score))
        at = text.find(value, end)
    return found


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_'’"


def without_brand_mentions(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans without the PERSON spans that name a company the message tells as one, wherever it names it."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind == "PERSON" for s in spans):
        return list(spans)
    head = text[:_MAX_CHARS]
    out: list[PiiSpan] = []
    companies: set[str] = set()
    for s in spans:  # first the spans run over a label's bracket
        if s.kind == "PERSON" and s.end <= _MAX_CHARS:
            cut = _cut_run_over(head, s)
            if cut is not None:
                if cut[0].end > cut[0].start:
                    out.append(cut[0])
                companies.add(cut[1])
                continue
        out.append(s)
    people = [s for s in out if s.kind == "PERSON" and s.end <= _MAX_CHARS]
    read: set[str] = set()
    for s in people:
        value = head[s.start:s.end]
        if value in read or value in companies or not _shape_ok(value):
            continue
        read.add(value)
        if any(_service_told(head, at) or _role_label(head, at) or pii_org_cues._bracketed(head, at)
               for at in _mentions(head, value, s)):
            if not _borne_by_another(head, value, people, s):
                companies.add(value)
    if not companies:
        return out
    kept: list[PiiSpan] = []
    for s in out:
        value = head[s.start:s.end] if s.end <= _MAX_CHARS else ""
        if s.kind == "PERSON" and value in companies and not _borne_by_another(head, value, people, s):
            continue
        kept.append(s)
    return kept
