"""Firms and brands taken for persons that no firm list holds, told by the message itself (session 50, candidate 50-7;
issue 21): a filter of the PERSON spans, run after the learned PERSON check in the default detector (so that its
training rows stay as they are) and near the end of the rules-only one.

By the labelling conventions (``tests/data/pii/build.py``) a company's or an app's name is kept (``COMPANY``). 50-3's
pii_firm_senders drops the firms of a list; this module tells a firm nobody listed by what the message says of it:

- a system sender: a word that heads a turn as its speaker and speaks as an app or a service ("[09:41] Grab: Your
  driver Somchai is arriving", "[7:58 AM] Angkas: Your biker…", "Bolt: Tu conductor…"); that word is no person
  wherever the message names it;
- a greeted firm: a customer's greeting to the firm or app it writes to, at the start of a turn, with an order, a
  ticket or a booking reference or a service word after it in the same line ("Customer: hi Noon, item AirPods…
  order NAE60812234", "sawasdee ka Lineman, order LM-119283", "salam Snapp, راننده…", "hi Keeta, rider has been…");
  the greeting words the finder took with it go too ("alykom Zain" when Zain speaks as a sender elsewhere);
- a firm signing under a department or a person's job title ("Biuro Obsługi Klienta⏎PGNiG Obrót Detaliczny",
  "Odjel za priključke⏎HEP Toplinarstvo", "Customer Relations Manager⏎Ageas" with ageas in the mail's domain), or
  signing as its board or management ("Představenstvo SBD Vinohrady", "Mavi Konak Sitesi Yönetimi").

What it never takes (the look-alikes): a greeted or signing word that is a given name we know ("hi Omar, order
#123…", "Noor"), unless the message makes it a system sender; a greeted word the message names again elsewhere (an
agent answering as it, "Agent Hana: …"); a signature line holding an initial ("J. Nowak") or a given name; a greeting
with no reference and no service word after it ("hi Ruta, thanks!").
Line-bounded regexes with bounded repeats over at most the first 20,000 characters; set look-ups otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.adapters.local import pii_bank_more, pii_firm_senders, pii_role_names, pii_rules
from services.models import PiiSpan

_MAX_TEXT = 20_000
_MAX_SPANS = 200


def _alternation(words: str) -> str:
    """The |-separated words as pii_bank_more.alternation writes them, a space matching one or two blanks."""
    items = [" ".join(w.split()) for w in words.split("|") if w.strip()]
    return pii_bank_more.alternation(items).replace(r"\ ", r"[ \t]{1,2}")


_GREETINGS = _alternation("""hi|hii|hiii|hello|helo|hello there|hey|heya|hallo|halo|hola|buenas|buenos días|buenos dias|
olá|oi|bonjour|salut|ciao|buongiorno|guten tag|moin|servus|hej|hei|dear|salam|salaam|slm|salam alaykom|salam alykom|
salam alaikum|salam aleikum|salam alaikom|assalamu alaikum|assalam alaikum|asalam o alaikum|assalamualaikum|aoa|ahlan|
marhaba|merhaba|selam|sawasdee|sawasdee ka|sawasdee krub|sawasdee kha|sawatdee|sawatdee ka|sawatdee krub|namaste|
namaskar|kumusta|xin chào|chào|annyeong|privet|привет|здравствуйте|добрый день|مرحبا|سلام|السلام عليكم|اهلا|
नमस्ते|हाय|สวัสดี|สวัสดีค่ะ|สวัสดีครับ|你好|您好|안녕하세요|yo|gm|good morning|good evening|good afternoon""")
# the start of a customer's turn: a timestamp at most and the speaker's label, then the greeting and the greeted word
_GREETED = re.compile(
    r"(?m)^[ \t]{0,4}(?:\[[^\]\n]{1,24}\][ \t]{0,3})?([^\W\d_][\w'’-]{0,20})[ \t]{0,2}:[ \t]{0,4}"
    r"(?i:" + _GREETINGS + r")[ \t,]{1,3}([^\W\d_][\w'’&.-]{1,30})(?=[ \t]{0,2}[,!:;.\-–]|[ \t]{1,2}[^\W\d_])")
# the labels of a customer's turn (folded)
_CUSTOMER = frozenset("""customer client cliente kunde kundin klient klientka user caller buyer passenger rider guest
member me asiakas kund kunde müşteri клиент клієнт пользователь العميل عميل الزبون مشتری کاربر مسافر ग्राहक ลูกค้า
客户 顧客 客戶 고객 pelanggan penumpang khách""".split())
# a turn's speaker label at the start of a line (after a timestamp at most) and the turn's first words
_LABEL = re.compile(r"(?m)^[ \t]{0,4}(?:\[[^\]\n]{1,24}\][ \t]{0,3})?([^\W\d_][\w'’&.-]{1,30})[ \t]{0,2}:[ \t]{0,4}"
                    r"([^\n]{0,80})")
_REFERENCE = re.compile(r"(?<![\w-])(?:#[ \t]?\d{3,20}|[A-Z]{1,6}-?[A-Z0-9]{0,6}\d{3,20}[A-Z0-9-]{0,12}|\d{6,20})(?![\w-])")
_TOKEN = re.compile(r"[^\W\d_]{2,30}")
# words of an order, a ride, a delivery, a bill or an app, in many languages (folded)
_SERVICE = frozenset("""order orders item items rider driver biker courier delivery delivered deliver parcel package
booking booked ticket bill billing fatora fatura factura facture invoice refund ride trip cab taxi app account
subscription recharge payment paid charged pickup pick-up shipment tracking otp wallet cashback voucher promo coupon
pedido entrega repartidor conductor reembolso commande livraison livreur colis remboursement bestellung lieferung
fahrer paket rückerstattung ordine consegna corriere rimborso encomenda motorista reembolso sipariş kurye teslimat
заказ курьер доставка водитель посылка возврат طلب طلبي الطلب المندوب السائق التوصيل فاتورة الفاتورة سفارش راننده پیک
ارسال اسنپ ऑर्डर डिलीवरी ड्राइवर ไรเดอร์ ออเดอร์ คนขับ order. 订单 外卖 骑手 司机 訂單 車手 주문 배달 기사 注文 配達""".split())
# the first word of a system sender's turn ("Your driver…", "Tu conductor…")
_YOUR = frozenset("""your yours votre vos tu tus su sus ihr ihre il la seu sua ваш ваша ваше ваши твой
طلبك سائقك""".split())
# a department's or a person's job title's words (the line above a firm's signing line)
_DEPARTMENT = frozenset("""department dept team office relations service services support customer customers desk
centre center division unit billing claims accounts care helpdesk biuro obsługi obslugi klienta klientów dział
odjel odjeljenje odsjek služba sluzba oddělení oddeleni odbor zákaznické zákaznický abteilung kundenservice
kundendienst kundenbetreuung servicio atención atencion departamento área cliente clientes relation clientèle
ufficio servizio clienti afdeling klantenservice avdelning kundtjänst kundeservice asiakaspalvelu osasto müşteri
hizmetleri departmanı отдел служба відділ τμήμα εξυπηρέτησης""".split())
# a board's or a management's word a firm signs as ("Představenstvo SBD …", "… Sitesi Yönetimi")
_BOARD = frozenset("""představenstvo predstavenstvo výbor vybor správa yönetimi yönetim yonetimi zarząd zarzad vorstand
verwaltung hausverwaltung board committee management administración administracion junta comité comite direzione
amministrazione uprava upravitelj bestuur styrelse hallitus styret bestyrelse правление управление правління
διοίκηση""".split())
_LINE_WORD = re.compile(r"[^\W_][\w'’.&-]{0,40}")
_DOMAIN = re.compile(r"(?:@|www\.|https?://)([\w.-]{2,80})")


_fold = pii_firm_senders.fold
_given = pii_firm_senders.is_given_name


def _service_after(rest: str) -> bool:
    """An order, ticket or booking reference, or a service word, in the rest of the greeting's line."""
    if _REFERENCE.search(rest):
        return True
    return any(_fold(t) in _SERVICE for t in _TOKEN.findall(rest[:200]))


def _senders(head: str) -> set[str]:
    """The folded speaker labels that speak as an app or a service ("Grab: Your driver…")."""
    out: set[str] = set()
    for m in _LABEL.finditer(head):
        word = m.group(1)
        if _given(word) or not word[:1].isupper() or _fold(word) in pii_role_names.ROLES:
            continue
        first = _TOKEN.findall(m.group(2)[:40])
        if first and _fold(first[0]) in _YOUR and any(_fold(t) in _SERVICE for t in first[1:4]):
            out.add(_fold(word))
    return out


def _greeted(head: str, senders: set[str]) -> list[tuple[int, int]]:
    """Where a turn greets a firm: (start, end) of the greeted word."""
    out: list[tuple[int, int]] = []
    for m in _GREETED.finditer(head):
        if _fold(m.group(1)) not in _CUSTOMER:
            continue  # a customer writes to the firm (a firm's message greets its customer: "Hei Liisa, tilauksesi…")
        word = m.group(2)
        low = _fold(word)
        if low in senders:
            out.append(m.span(2))
            continue
        if _given(word) or not word[:1].isupper() or low in pii_role_names.ROLES:
            continue
        line_end = head.find("\n", m.end(2))
        rest = head[m.end(2):line_end if line_end >= 0 else len(head)]
        if not _service_after(rest):
            continue
        elsewhere = re.compile(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])")
        if len(elsewhere.findall(head)) > 1:
            continue  # named again (an agent answering as it)
        out.append(m.span(2))
    return out


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (b if b >= 0 else len(text))


def _signing_firm(text: str, span: PiiSpan) -> bool:
    """A PERSON span that is a signing line of a firm under a department or a job title, or signing as its board."""
    a, b = _line_of(text, span.start, span.end)
    line = text[a:b].strip()
    value = text[span.start:span.end].strip()
    if not value or len(line) > 60 or len(value) < len(line) * 0.6 or ":" in line:
        return False
    if text.count("\n", b) > 8:
        return False  # not in the message's last lines
    words = _LINE_WORD.findall(line)
    if not words or len(words) > 5 or any(_given(w) for w in words) or not words[0][:1].isupper():
        return False
    if any(len(w.rstrip(".")) == 1 and w[:1].isalpha() for w in words):
        return False  # an initial ("J. Nowak")
    if _fold(words[0]) in _BOARD or _fold(words[-1]) in _BOARD:
        return len(words) >= 2
    prev_end = a - 1
    prev = ""
    while prev_end > 0 and not prev:
        pa = text.rfind("\n", 0, prev_end) + 1
        prev = text[pa:prev_end].strip()
        prev_end = pa - 1
    prev_words = _LINE_WORD.findall(prev)
    if (not prev_words or len(prev_words) > 6 or any(_given(w) for w in prev_words) or not prev[:1].isupper()
            or any(c in prev for c in ":?!@|") or any(c.isdigit() for c in prev)):
        return False  # a department's or a job title's line (no turn, no question, no contact line)
    if not any(_fold(w) in _DEPARTMENT or _fold(w) in pii_role_names.ROLES for w in prev_words):
        return False
    first = words[0]
    if (len(words) >= 2 and 3 <= len(first) <= 6 and sum(c.isupper() for c in first) >= 2
            and first.casefold() not in pii_rules.EAST_ASIAN_SURNAMES and not words[1].isupper()):
        return True  # "HEP Toplinarstvo", "PGNiG Obrót Detaliczny" (an acronym heads the line)
    low = _fold(words[0])
    return len(low) >= 3 and any(low in d.casefold() for d in _DOMAIN.findall(text[:_MAX_TEXT]))


def _firm_tail(tail: str) -> bool:
    """What a PERSON span holds after a greeted firm's word: nothing, or a word or two of its name ("Uber Eats")."""
    words = _LINE_WORD.findall(tail)
    return len(words) <= 2 and not any(_given(w) for w in words) and all(w[:1].isupper() for w in words)


def without_greeted_firms(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans that name a firm the message tells as one (see the module's docstring)."""
    if not any(s.kind == "PERSON" for s in spans) or len(spans) > _MAX_SPANS:
        return list(spans)
    head = text[:_MAX_TEXT]
    senders = _senders(head) if ":" in head else set()
    greeted = _greeted(head, senders)
    out: list[PiiSpan] = []
    for s in spans:
        if s.kind != "PERSON":
            out.append(s)
            continue
        value = text[s.start:s.end]
        words = _LINE_WORD.findall(value)
        if senders and words and _fold(words[-1]) in senders and all(
                not _given(w) for w in words[:-1]) and len(words) <= 4:
            continue  # "Grab", "alykom Zain" where Zain speaks as a sender
        if any(s.start <= g0 and g1 <= s.end and not any(_given(w) for w in _LINE_WORD.findall(text[s.start:g0]))
               and _firm_tail(text[g1:s.end]) for g0, g1 in greeted):
            continue  # "Noon", "sawasdee ka Lineman"
        if _signing_firm(text, s):
            continue
        out.append(s)
    return out
