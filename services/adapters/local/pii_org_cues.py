"""A company, a public body or a team told as one by the words around it is a kept name, whatever its name (session
46, candidate 46-3): a filter of the PERSON spans, run last in the default detector and the rules-only one (after every
add-back, which may take a brand for a greeted name or an agent's).

By the labelling conventions (``tests/data/pii/build.py``) a company's, a public body's, a team's or a product's name
is kept (``COMPANY``, ``ORG``, ``TEAM``, ``PRODUCT``); a person's name beside it stays masked. pii_company_names keeps
the companies we know by name; this module keeps the ones nobody could list, by what the message says around them:

- an agent's opening of a call or a chat: the name after "thank you for calling", "thanks for contacting", "you're
  through to", "you've reached", "welcome to" and their French, Spanish, Italian, Portuguese, German, Dutch, Polish,
  Swahili… forms ("Agent: thank you for calling Brightcart, this is Marcus", "gracias por llamar a Movistella"), and
  the name an agent's turn opens with before the agent's own introduction ("Agent: Good evening, Suvidha Payments,
  this is Karthik", "agent: Sumitomo Mitra customer line, Dewi speaking", "оператор: Алатау Телеком, Айгерим, слушаю
  вас", "recepție: Regina Maria, bună ziua, Bianca la telefon");
- the company in brackets after an agent's first name in a chat's speaker label ("Ahmed (Careem): Hi…", "Agente Nerea
  (Movistella): ¡Hola!");
- an acronym in capitals greeted at the start of a message ("Hello KRA, …", "Dear IRD,", "Bonjour ENEO") — in our
  labelled sets a greeted acronym is always a body or a firm, never a person's initials;
- the display name of a mail's sender when the address is a team's mailbox ("no-reply@", "info@", "rechnung@") or
  the name is the address's domain ("Loomcraft Ceramics <hello@loomcraftceramics.co.uk>"), and holds no first name.

What it never takes (the look-alikes):
- a person greeted by an agent ("Agent: Hi Maria, this is Tom from Brightcart" — no comma after the greeting word, a
  company named after the introduction), a person after a title, a caller's or a customer's own turn;
- a name with a first name we know ("thank you for calling Maria", "Anna Weber <info@weber-bau.de>"), and a name
  borne by another PERSON span of the message (the conventions: a person's surname in a firm's name stays masked);
- initials greeted in lower case or inside a sentence ("hi JT" is read only at a message's or a line's start, and
  only two to six capitals).
At most 200 spans are read per message, in its first 20,000 characters, and only the 200 characters around each.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from services.adapters.local import pii_institution_names, pii_rules
from services.models import PiiSpan

_MAX_SPANS = 200
_MAX_CHARS = 20_000  # spans past the first 20,000 characters are left as they are
_WORD = re.compile(r"[^\W\d_][\w'’.-]{0,40}")

# the words an agent opens a call or a chat with, right before the company's name
_OPENING_CUE = re.compile(
    r"(?i:(?<![\w'’])(?:thank(?:s|[ \t]you)[ \t]{1,2}for[ \t]{1,2}(?:calling|contacting|choosing|phoning|"
    r"reaching[ \t]out[ \t]to|reaching)|welcome[ \t]{1,2}to|"
    r"gracias[ \t]por[ \t](?:llamar|comunicarse|contactar)(?:[ \t](?:a|con))?|bienvenid[oa]s?[ \t]a|"
    r"merci[ \t]d['’]avoir[ \t](?:appelé|contacté|choisi)|bienvenue[ \t](?:chez|à)|vous[ \t]êtes[ \t](?:bien[ \t])?chez|"
    r"grazie[ \t]per[ \t]aver[ \t](?:chiamato|contattato|scelto)|benvenut[oiae][ \t](?:in|da|a)|"
    r"obrigad[oa][ \t]por[ \t](?:ligar|contactar|escolher)(?:[ \t](?:para|a|o))?|bem-vind[oa]s?[ \t](?:à|ao|a)|"
    r"danke[ \t]für[ \t]ihren[ \t]anruf[ \t]bei|willkommen[ \t]bei|sie[ \t]sind[ \t]verbunden[ \t]mit|"
    r"bedankt[ \t]voor[ \t]het[ \t]bellen[ \t]met|welkom[ \t]bij|dziękujemy[ \t]za[ \t]telefon[ \t]do|"
    r"unaongea[ \t]na|karibu)[ \t]{1,2}(?:the[ \t]{1,2})?)$")
# the words that put a caller through, before a company's name or the agent's own ("you're through to Revenue, my
# name is Ciarán", "you're through to Kirsty"): read only with the agent's introduction after the name
_THROUGH_CUE = re.compile(
    r"(?i:(?<![\w'’])(?:you(?:'|’|[ \t]a)?re[ \t]{1,2}(?:through|connected)[ \t]{1,2}to|you(?:'|’|[ \t]ha)?ve[ \t]{1,2}"
    r"reached|vous[ \t]êtes[ \t]en[ \t]ligne[ \t]avec|está[ \t]comunicado[ \t]con)[ \t]{1,2}(?:the[ \t]{1,2})?)$")
# an agent's introduction of himself right after the company's name ("…, this is Marcus", "…, Dewi speaking")
_INTRO_AFTER = re.compile(
    r"(?:[ \t]{1,2}(?i:customer[ \t]line|customer[ \t]care|customer[ \t]service|helpdesk|helpline|support|chat|"
    r"service[ \t]client|servicio[ \t]al[ \t]cliente|atención[ \t]al[ \t]cliente|kundenservice))?"
    r"[ \t]{0,2}[,!.][ \t]{1,3}(?:(?i:good[ \t](?:morning|afternoon|evening|day)|bonjour|bonsoir|buenos[ \t]días|"
    r"buenas[ \t]tardes|buongiorno|bom[ \t]dia|boa[ \t]tarde|guten[ \t]tag|bună[ \t]ziua|dzień[ \t]dobry|"
    r"здравствуйте|добрый[ \t]день|hello|hi)[ \t]{0,2}[,!.]?[ \t]{1,3})?"
    r"(?:(?i:this[ \t]is|my[ \t]name(?:'s|[ \t]is)|i['’]m|i[ \t]am|je[ \t]suis|soy|me[ \t]llamo|mi[ \t]chiamo|sono|"
    r"eu[ \t]sou|ich[ \t]bin|hier[ \t]ist|mein[ \t]name[ \t]ist|u[ \t]spreekt[ \t]met|mówi|jestem|меня[ \t]зовут|"
    r"how[ \t](?:can|may)[ \t]i[ \t]help|main)(?![\w'’])|"
    r"[^\W\d_][\w'’-]{1,30}[ \t]{1,2}(?i:speaking|here|la[ \t]telefon|à[ \t]l['’]écoute|al[ \t]habla|am[ \t]apparat|"
    r"aan[ \t]de[ \t]lijn|przy[ \t]telefonie|u[ \t]telefonu|falando|al[ \t]telefono)(?![\w'’])|"
    r"[^\W\d_][\w'’-]{1,30},[ \t]{1,2}(?i:слушаю|w[ \t]czym|en[ \t]quoi|¿en[ \t]qué|in[ \t]cosa|em[ \t]que|how[ \t]can|"
    r"how[ \t]may|wie[ \t]kann)(?![\w'’]))")
_AT_YOUR_SERVICE = re.compile(r"[ \t]{1,2}(?i:at[ \t]your[ \t]service|xin[ \t]nghe|ยินดีให้บริการ)")
# what may open a turn before the company's name: a speaker's label, a greeting and its comma, "yes this is"
_TURN_OPENING = re.compile(
    r"[ \t]{0,4}(?:\[[\d:. -]{1,20}\][ \t]{0,2})?(?:[^\W\d_][\w .'’()-]{0,40}:[ \t]{0,4})?"
    r"(?:(?i:good[ \t](?:morning|afternoon|evening|day)|hello|hi|hey|namaste|bonjour|bonsoir|buenos[ \t]días|"
    r"buenas[ \t]tardes|buongiorno|bom[ \t]dia|boa[ \t]tarde|guten[ \t]tag|bună[ \t]ziua|dzień[ \t]dobry|"
    r"здравствуйте|добрый[ \t]день|habari|salam|sawubona|kumusta)[ \t]{0,2}[,!][ \t]{1,3})?"
    r"(?:(?i:yes[ \t]{1,2})?(?i:this[ \t]is|it['’]s|c['’]est|aquí|qui)[ \t]{1,3})?")  # noqa: RUF001
# speaker labels of the customer's own turn (the company is the agent's to name)
_CUSTOMER_LABEL = re.compile(r"[ \t]{0,4}(?:\[[\d:. -]{1,20}\][ \t]{0,2})?(?i:caller|customer|client|cliente|klient|"
                             r"kunde|me|you|user|patient|paciente|tenant|guest|member)\b[^:\n]{0,30}:")
# "Ahmed (Careem):", "Agente Nerea (Movistella):" — a first name, then the company in brackets, then the colon
_BRACKET_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_][\w'’-]{1,30})[ \t]{0,2}\($")
_BRACKET_AFTER = re.compile(r"(?:[ \t]{1,2}[^\W\d_][\w'’-]{0,30})?\)[ \t]{0,2}:")
# greetings a message opens with, before an acronym ("Hello KRA,", "Dear IRD,", "Bonjour ENEO")
_GREETING_BEFORE = re.compile(
    r"(?:^|\n)[ \t]{0,4}(?:[^\W\d_][\w .'’()-]{0,30}:[ \t]{0,4})?(?:(?i:po)[ \t])?(?i:hi|hello|hey|dear|hallo|hola|"
    r"ciao|olá|ola|oi|bonjour|bonsoir|salut|salam|salaam|hej|hei|moi|tere|buongiorno|buenos[ \t]días|guten[ \t]tag|"
    r"beste|geachte|estimado|estimados|sehr[ \t]geehrte|szanowni|dzień[ \t]dobry|poštovani|kedves|mpendwa)"
    r"[ \t]{0,2},?[ \t]{1,3}$")
# "Name" <local@domain.tld> after the span
_MAIL_AFTER = re.compile(r"[\"”]?[ \t]{0,2}[<(\[][ \t]{0,2}([\w.+-]{1,64})@([\w-]{1,63})\.")
# the mailboxes of a team, not of a person
_TEAM_MAILBOXES = frozenset("""noreply no-reply no_reply donotreply do-not-reply do_not_reply notifications
notification notify alerts alert news newsletter hello info information contact contacto kontakt contatto orders order
support service services customerservice customercare care help helpdesk team billing invoice invoices invoicing
accounts accounting finance payments sales ventas vendas admin office reception bookings booking reservations
reservas reservations claims claim shop store mail enquiries enquiry inquiries facturacion facturación factures
facture facturation comptabilite comptabilité compta rechnung rechnungen buchhaltung abrechnung schaden schaeden
szkody siniestros sinistri sinistres fatture fatturazione amministrazione faktura fakturor faktura fakturaer
laskutus kundservice kundeservice kundenservice klantenservice servicioalcliente serviceclient atendimento
secretariat secretaria sekretariat hr recruiting jobs careers dispatch logistics logistik disposition
verhuur lettings rentals collections recouvrement""".split())


def plain(word: str) -> str:
    """A word as the name lists hold it: stripped of punctuation around it, NFC, case-folded."""
    return unicodedata.normalize("NFC", word.strip(".,;:!?'’\"()-")).casefold()


def _compact(value: str) -> str:
    folded = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in folded if c.isalnum() and c.isascii())


def _has_first_name(value: str) -> bool:
    return any(plain(w) in pii_rules.GIVEN_NAMES for w in _WORD.findall(value))


def _line_before(text: str, start: int) -> str:
    return text[max(text.rfind("\n", 0, start) + 1, start - 120):start]


def _opening(text: str, span: PiiSpan) -> bool:
    """The span is the company an agent's opening names: after an opening cue, or at the opening of a turn (after a
    greeting and its comma) right before the agent's introduction."""
    before = _line_before(text, span.start)
    if _CUSTOMER_LABEL.match(before):
        return False
    after = text[span.end:span.end + 80]
    if _OPENING_CUE.search(before):
        return re.match(r"[ \t]{1,2}(?i:back|again|about|for)(?![\w'’])", after) is None  # "thanks for calling Penny back"
    if not (_INTRO_AFTER.match(after) or _AT_YOUR_SERVICE.match(after)):
        return False
    if _THROUGH_CUE.search(before):
        return True
    intro = after.split("\n", 1)[0]
    if re.search(r"(?i:\b(?:from|calling from|de|da|di|von|bei|with|na|van|z|ze|из|от)\b)", intro):
        return False  # "Hi Maria, this is Tom from Brightcart": the company is named after
    return _TURN_OPENING.fullmatch(before) is not None


def _bracketed(text: str, span: PiiSpan) -> bool:
    """"Ahmed (Careem):" — the span fills the brackets after a first name that opens a speaker's label."""
    before = _line_before(text, span.start)
    m = _BRACKET_BEFORE.search(before)
    if m is None or plain(m.group(1)) not in pii_rules.GIVEN_NAMES:
        return False
    if not re.fullmatch(r"[ \t]{0,4}(?:\[[\d:. -]{1,20}\][ \t]{0,2})?(?:[^\W\d_][\w'’-]{0,30}[ \t]{1,2})?",
                        before[:m.start()]):
        return False
    return _BRACKET_AFTER.match(text, span.end) is not None


def _greeted_acronym(text: str, span: PiiSpan) -> bool:
    value = text[span.start:span.end]
    if not (2 <= len(value) <= 6 and value.isalpha() and value.isupper()):
        return False
    return _GREETING_BEFORE.search(text, max(0, span.start - 60), span.start) is not None  # "^": the text's start


def _team_sender(text: str, span: PiiSpan) -> bool:
    """A mail's sender whose address is a team's mailbox or whose name is the address's domain."""
    m = _MAIL_AFTER.match(text, span.end)
    if m is None:
        return False
    local, domain = m.group(1).casefold(), m.group(2).casefold()
    name = _compact(text[span.start:span.end].strip("\"“” "))
    if len(name) < 3:
        return False
    if local in _TEAM_MAILBOXES or local.split(".")[0] in _TEAM_MAILBOXES:
        return True
    dom = _compact(domain)
    return len(dom) >= 5 and (dom == name or name.startswith(dom) or dom.startswith(name))


# a service of the company's named after it: a chat's assistant in a speaker's label ("[14:02] Vireo Assistant:"),
# "the Lumenet assistant", "my PayFlow account", "your Kopa Wallet app"
_BOT_LABEL = re.compile(r"[ \t]{1,2}(?i:assistant|virtual[ \t]assistant|bot|chatbot|support|helpdesk|care)[ \t]{0,2}:")
_SERVICE_BEFORE = re.compile(r"(?<![\w'’])(?i:the|my|your|our|their)[ \t]{1,2}$")
_SERVICE_AFTER = re.compile(r"[ \t]{1,2}((?i:assistant|virtual[ \t]assistant|chatbot|bot|app|application|account|"
                            r"wallet|portal|website|web[ \t]site|login|password|subscription|plan|card))(?![\w'’])")


def _service_named(text: str, span: PiiSpan) -> bool:
    before = _line_before(text, span.start)
    if _BOT_LABEL.match(text, span.end):
        return re.fullmatch(r"[ \t]{0,4}(?:\[[\d:. -]{1,20}\][ \t]{0,2})?", before) is not None
    cue, service = _SERVICE_BEFORE.search(before), _SERVICE_AFTER.match(text, span.end)
    if cue is None or service is None:
        return False
    # "the Henderson account" is a client's: after "the" no account ("the Premium plan", "the Lumenet assistant")
    return cue.group().casefold().strip() != "the" or service.group(1).casefold() != "account"


def _kept(text: str, span: PiiSpan, people: Sequence[PiiSpan]) -> bool:
    value = text[span.start:span.end]
    if "\n" in value or not value.strip():
        return False
    # a greeted name in capitals is a person's ("Dear BRYNN,"): no cue counts over a first name we know
    if _has_first_name(value) or not (_greeted_acronym(text, span) or _opening(text, span) or _bracketed(text, span)
                                      or _team_sender(text, span) or _service_named(text, span)):
        return False
    return not pii_institution_names._named_elsewhere(text, span, people)


def without_org_cues(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans without the PERSON spans the words around them tell as a company's, a body's or a team's name."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind == "PERSON" for s in spans):
        return list(spans)
    head = text[:_MAX_CHARS]
    people = [s for s in spans if s.kind == "PERSON" and s.end <= _MAX_CHARS]
    return [s for s in spans if s.kind != "PERSON" or s.end > _MAX_CHARS or not _kept(head, s, people)]
