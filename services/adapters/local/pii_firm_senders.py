"""Firms, authorities and brands greeted, signing or named as the subject, taken for persons (session 50, candidate
50-3; issue 21): a filter of the PERSON spans, run after the learned PERSON check in the default detector (so that
its training rows stay as they are) and near the end of the rules-only one.

By the labelling conventions (``tests/data/pii/build.py``) a company's, an authority's or a public service's name is
kept (``COMPANY``, ``ORG``), whether the customer greets it ("Kære Nets,", "Hyvä Kela,"), it signs a letter
("Üdvözlettel\\nFőtáv", "S pozdravem\\nČEZ Prodej") or the message names it as its subject ("PTCL internet slow",
"Dunzo: Partner Ravi picked up…", "Swiggy Instamart delivered someone else's bag", "hi Ola Electric, my scooter…").
What it drops (a PERSON span only, never another kind):

- a span that is the name of a firm, an authority or a public service of FIRMS — utilities, posts, tax and social
  insurance offices, operators, banks, delivery apps and marketplaces of many countries, in their own script
  ("Kela", "Skatteverket", "Főtáv", "PTCL", "Нова Пошта", "Royal Jordanian") — with a country or a service word after
  it ("Roshan Afghanistan", "Yandex Go support");
- a span that holds such a name or a one-word name of pii_brands.txt (written capitalised or in capitals) together
  with words that are no name: a service or product word after it ("Swiggy Instamart", "Paytm FASTag", "Bajaj
  Finserv", "ČEZ Prodej"), a lower-case word, a role word before it ("Курьер Kaspi"), an emoji ("🚚 Daraz").

What it never takes (the look-alikes):
- a span holding a given name we know ("Priya Swiggy", "Hyvä Mikko,"): a person stays masked; no name of FIRMS is a
  given name we know (names that are, "Elisa", "Maya", "Hera", "Ola", "Shahid", "Tamara", are left out on purpose:
  privacy first; tests/adapters/local/test_pii_firm_senders.py checks);
- a brand's name as the last word after a capitalised word that is no role ("Kenji Honda": a surname), a name after
  a title ("Mr Bajaj");
- a brand or a firm written in lower case inside a sentence ("the nets were torn").
Plain set look-ups over at most _MAX_WORDS words a span and _MAX_SPANS spans a message (no regex over the whole text).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from services.adapters.local import pii_company_names, pii_role_names, pii_rules
from services.models import PiiSpan

# firms, authorities and public services of many countries, as written (one a line; case does not matter for names
# of mixed case, a name in capitals of six letters at most is read in capitals only)
FIRMS_TEXT = """
Kela
Nets
Traficom
Caruna
Elenia
Posti
Skatteverket
Försäkringskassan
CSN
Arbetsförmedlingen
Transportstyrelsen
Skatteetaten
NAV
Lånekassen
Statens vegvesen
Skattestyrelsen
SKAT
Udbetaling Danmark
Norlys
Hafslund
Elvia
Fjordkraft
Főtáv
FŐTÁV
ELMŰ
Díjbeszedő
Fővárosi Vízművek
Magyar Posta
Yettel
Pražská plynárenská
Pražské vodovody
Zásilkovna
Rohlik
Tauron
Enea
Energa
PGNiG
ZUS
NFZ
KRUS
ANAF
Electrica
Apa Nova
Distrigaz
Hidroelectrica
Italgas
Iren
Acea
A2A
INPS
Agenzia delle Entrate
Sorgenia
Fastweb
Poste Italiane
Trenitalia
Equitalia
Iberdrola
Endesa
Naturgy
Hacienda
SEPE
Correos
Renfe
Agbar
Holaluz
Aqualia
URSSAF
CPAM
GRDF
Enedis
Ameli
France Travail
Pôle emploi
Chronopost
Colissimo
Jobcenter
Bundesagentur
Vattenfall
EnBW
Techniker Krankenkasse
Barmer
Rundfunkbeitrag
Vonovia
HMRC
DVLA
DWP
Ofgem
Ofcom
Octopus Energy
Thames Water
Belastingdienst
UWV
CJIB
Eneco
Essent
Sibelga
Fluvius
Proximus
Telenet
Luminus
EPAL
Galp
ΔΕΗ
ΕΥΔΑΠ
ΟΠΕΚΑ
ΕΦΚΑ
ΑΑΔΕ
ΟΤΕ
ΕΛΤΑ
SGK
İSKİ
İGDAŞ
BEDAŞ
Türk Telekom
Trendyol
Hepsiburada
Yemeksepeti
Госуслуги
Сбербанк
Тинькофф
Яндекс
Yandex
Yandex Go
Wildberries
Авито
Avito
Ozon
Билайн
Мегафон
Почта России
Нова Пошта
Nova Poshta
Укрпошта
ПриватБанк
Монобанк
Rozetka
Halyk
PTCL
Zong
Ufone
K-Electric
SNGPL
SSGC
LESCO
WAPDA
NADRA
JazzCash
Easypaisa
Foodpanda
Dunzo
Zepto
Blinkit
BigBasket
Meesho
Myntra
Nykaa
PhonePe
BSNL
UIDAI
IRCTC
EPFO
BESCOM
MSEDCL
Tata Power
Adani Electricity
Ola Electric
Rapido
Bajaj Finserv
Bajaj Finance
Royal Jordanian
Roshan Afghanistan
Etisalat
Mobily
Ooredoo
DEWA
SEWA
Absher
Talabat
Fawry
Attijariwafa
Attijariwafa Bank
Maroc Telecom
Inwi
Lydec
Amendis
ONEE
Barid Al-Maghrib
KPLC
Kenya Power
NHIF
Eskom
SASSA
DStv
GOtv
Ikeja Electric
EKEDC
Moniepoint
Palmpay
Opay
Konga
Gojek
GrabFood
GrabPay
Shopee
Lazada
Tokopedia
Bukalapak
Traveloka
Telkomsel
Indihome
BPJS
Meralco
Maynilad
PLDT
GCash
Celcom
Maxis
Singtel
StarHub
Viettel
VNPT
Zalo
Telmex
Telcel
Pemex
Mercado Libre
Mercado Pago
Rappi
Nubank
Sabesp
Cemig
Correios
Receita Federal
Detran
Edenor
Edesur
AFIP
ANSES
Sedapal
토스
카카오
쿠팡
네이버
한전
国家电网
支付宝
淘宝
京东
美团
顺丰
"""

# the words of a firm's service or product after its name ("Swiggy Instamart", "Bajaj Finserv", "ČEZ Prodej")
_PRODUCT_WORDS = frozenset("""electric electricity energy energia energie power gas water finserv finance fin pay cash
money wallet mart instamart express food foods eats fresh go ride rides delivery courier cargo mobile telecom fibre
fiber broadband internet tv plus prime premium music bank card credit club store shop market prodej obchod distribuce
sales vertrieb kereskedelem szolgáltató services service care support app""".split())
# words before a brand that say who speaks for it or what it is ("Курьер Kaspi", "Support Yandex Go", "Utenza Italgas")
_BEFORE_WORDS = frozenset("""courier rider driver support agent team store shop app utenza fornitore bolletta courier
kurier kurir kurye курьер кур'єр доставка служба поддержка магазин""".split())
_TITLES = frozenset("""mr mrs ms miss mx dr sir madam herr frau sr sra srta mme mlle sig dott pak bu ibu bapak""".split())
_WORD = re.compile(r"[^\W_][\w'’.&+-]{0,40}")
_MAX_WORDS = 5
_MAX_SPANS = 200
_TITLE_BEFORE = re.compile(r"([^\W\d_]{1,10})\.?[ \t]{1,2}$")


def fold(word: str) -> str:
    """The word without the punctuation around it, NFC, case-folded (how the lists here and in pii_greeted_firms
    compare words)."""
    return unicodedata.normalize("NFC", word.strip(".,:;!?'’\"-")).casefold()


def is_given_name(word: str) -> bool:
    """A given name of pii_rules' lists: a span holding one is never taken for a firm (privacy first)."""
    low = fold(word)
    return low in pii_rules.GIVEN_NAMES or low in pii_rules.FIRST_NAMES


def _named(names: str) -> list[str]:
    """The names of a one-a-line list less those holding a given name we know (privacy first)."""
    out: list[str] = []
    for line in names.splitlines():
        name = " ".join(line.split())
        if not name or name.startswith("#") or len(name) < 2:
            continue
        if any(is_given_name(w) for w in name.split()):
            continue
        out.append(name)
    return out


@functools.cache
def _firms() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(our names in lower case, their acronyms as written, the one-word names of pii_brands.txt in lower case and
    its acronyms as written)."""
    ours = _named(FIRMS_TEXT)
    acronyms = frozenset(n for n in ours if n.isupper() and len(n) <= 6 and " " not in n)
    lows = frozenset(fold(n) if " " not in n else " ".join(fold(w) for w in n.split()) for n in ours
                     if n not in acronyms)
    brands = [n for n in _named(pii_company_names._BRANDS_FILE.read_text(encoding="utf-8")) if " " not in n]
    ones = frozenset(fold(n) for n in brands if len(n) >= 3 and not n.isupper())
    brand_acronyms = frozenset(n for n in brands if n.isupper() and 2 <= len(n) <= 6)
    return lows, acronyms, ones, brand_acronyms


def _written_as_name(word: str) -> bool:
    first = next((c for c in word if c.isalpha()), "")
    return bool(first) and not first.islower()


def _is_firm(words: list[str]) -> bool:
    """The words are a firm of FIRMS (its acronym as written, its name in any case but written as a name)."""
    lows, acronyms, _, _ = _firms()
    if len(words) == 1 and words[0] in acronyms:
        return True
    return _written_as_name(words[0]) and " ".join(fold(w) for w in words) in lows


def _firm_at(words: list[str], marked: bool) -> tuple[int, int] | None:
    """Where in the words a firm of FIRMS (longest first) stands, or a one-word brand of pii_brands.txt with another
    word or a symbol (an emoji) in the span ("Paytm FASTag", "🚚 Daraz"; a brand alone may be a person's name too:
    pii_presidio reads those whole, before the check)."""
    _, _, ones, brand_acronyms = _firms()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            if _is_firm(words[i:i + size]):
                return i, i + size
    if len(words) < 2 and not marked:
        return None
    for i, word in enumerate(words):
        if word in brand_acronyms or (_written_as_name(word) and not word.isupper() and fold(word) in ones):
            return i, i + 1
    return None


def _no_name(word: str) -> bool:
    """A word beside a firm's name that is no name: lower case, a service, product, country or role word, mixed
    case or digits ("FASTag", "S1")."""
    low = fold(word)
    if not low or low in pii_rules.GIVEN_NAMES or low in pii_rules.FIRST_NAMES:
        return False
    if word[:1].islower() or low in _PRODUCT_WORDS or low in _BEFORE_WORDS or low in pii_role_names.ROLES:
        return True
    if pii_company_names._company_word(word):
        return True
    return any(c.isdigit() for c in word) or (len(word) > 2 and any(c.isupper() for c in word[1:]))


def _firm_span(text: str, span: PiiSpan) -> bool:
    value = text[span.start:span.end]
    if "\n" in value.strip() or len(value) > 80:
        return False
    words = _WORD.findall(value)
    if not words or len(words) > _MAX_WORDS:
        return False
    if any(fold(w) in pii_rules.GIVEN_NAMES or fold(w) in pii_rules.FIRST_NAMES for w in words):
        return False  # a person we know the name of
    title = _TITLE_BEFORE.search(text, max(0, span.start - 14), span.start)
    if title is not None and title.group(1).casefold() in _TITLES:
        return False  # "Mr Bajaj"
    at = _firm_at(words, any(unicodedata.category(c) == "So" for c in value))
    if at is None:
        return False
    start, end = at
    before, after = words[:start], words[end:]
    if not all(_no_name(w) for w in after):
        return False
    if before and not after and any(w[:1].isupper() and fold(w) not in _BEFORE_WORDS
                                    and fold(w) not in pii_role_names.ROLES for w in before):
        return False  # "Kenji Honda": a surname after a capitalised word
    return all(_no_name(w) for w in before)


def without_firm_senders(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans that name a firm, an authority or a brand (see the module's docstring)."""
    if not any(s.kind == "PERSON" for s in spans) or len(spans) > _MAX_SPANS:
        return list(spans)
    return [s for s in spans if not (s.kind == "PERSON" and _firm_span(text, s))]
