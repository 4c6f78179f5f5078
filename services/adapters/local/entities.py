"""Rule-based entity extraction: order and tracking numbers, amounts, dates, emails, phones, products, URLs, handles.

Spans are offsets into the original text. When two rules claim overlapping text the earlier kind in PRIORITY wins.
Ambiguous numeric dates (03/04) are read day first; a weekday on its own ("on friday") keeps its text as value
because the tense decides whether it is last or next Friday.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from services.config import Settings
from services.errors import ConfigError
from services.models import Entity
from services.recent import Recent
from services.yamlfile import load_mapping

_I = re.IGNORECASE
URL = re.compile(r"\bhttps?://[^\s<>\"']+|\bwww\.[^\s<>\"']+", _I)
BARE_URL = re.compile(r"(?<![\w@.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co\.uk|shop|store|help)\b(?:/[^\s<>\"']*)?", _I)
# Linear: a match starts only where a run of local-part characters starts, and runs are consumed possessively
# (the unanchored form backtracked quadratically: one 200,000-character word took ~40 s holding the GIL).
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)*\.[A-Za-z]{2,}")
TRACKING = re.compile(r"\bBWT[-\s]?(\d{9})(?!\d)", _I)
ORDER = re.compile(r"\bBW[-\s#]?(\d{6})(?!\d)|(?<=\border)(?:\s*(?:no\.?|number|num|nr\.?|id)?\s*:?\s*)(#?\s?(\d{6}))(?!\d)"
                   r"|(?<![\w#])#(\d{6})(?!\d)", _I)
_NUM = r"\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_CURRENCY = r"US\$|[$£€]|USD|EUR|GBP|bucks|dollars?|quid|pounds?|euros?"
AMOUNT = re.compile(rf"(?<![\w.,])(?:(?P<pre>{_CURRENCY})\s?(?P<n1>{_NUM})|(?P<n2>{_NUM})\s?(?P<post>{_CURRENCY}))(?![\w])", _I)
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "bucks": "USD", "dollar": "USD", "dollars": "USD",
              "£": "GBP", "gbp": "GBP", "quid": "GBP", "pound": "GBP", "pounds": "GBP",
              "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR"}
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,12}(?:[\s.-]\d{2,8}){0,4}(?!\w)")
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}(?![\w@])")
_TRAILING = ".,;:!?)]}'\""

MONTHS = {name: i + 1 for i, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sept sep", "october oct", "november nov", "december dec")) for name in names.split()}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])|(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
DAY_MONTH = re.compile(rf"\b{_DAY}(?:\s+of)?\s+({_MONTH})\b\.?(?:,?\s+(\d{{4}}))?", _I)
MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+{_DAY}\b(?:,?\s+(\d{{4}}))?", _I)
RELATIVE = re.compile(r"\b(?:the day before yesterday|yesterday|today|tonight|tomorrow|(?:last|next|this) week"
                      r"|(\d{1,2}) days? ago|in (\d{1,2}) days?)\b", _I)
WEEKDAY = re.compile(rf"\b(?:(last|next|this|coming)\s+)?({'|'.join(WEEKDAYS)})\b", _I)
_OFFSETS = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
            "last week": -7, "this week": 0, "next week": 7}

Found = tuple[int, int, str]  # start, end, value
Finder = Callable[[str, date], Iterator[Found]]


def _safe_date(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _year(text: str | None, today: date) -> int:
    if not text:
        return today.year
    return int(text) + 2000 if len(text) == 2 else int(text)


def find_dates(text: str, today: date) -> Iterator[Found]:
    """Dates written as ISO, d/m(/y), d.m.y, '3rd of March', 'March 3', relative words and weekdays."""
    for m in ISO_DATE.finditer(text):
        yield m.start(), m.end(), _safe_date(int(m[1]), int(m[2]), int(m[3])) or m[0]
    for m in NUMERIC_DATE.finditer(text):
        if m[0] != "24/7":
            day, month, year = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
            day, month = (month, day) if int(month) > 12 >= int(day) else (day, month)
            yield m.start(), m.end(), _safe_date(_year(year, today), int(month), int(day)) or m[0]
    for m in DAY_MONTH.finditer(text):
        yield m.start(), m.end(), _safe_date(_year(m[3], today), MONTHS[m[2].lower()], int(m[1])) or m[0]
    for m in MONTH_DAY.finditer(text):
        yield m.start(), m.end(), _safe_date(_year(m[3], today), MONTHS[m[1].lower()], int(m[2])) or m[0]
    yield from _relative_dates(text, today)


def _relative_dates(text: str, today: date) -> Iterator[Found]:
    for m in RELATIVE.finditer(text):
        days = -int(m[1]) if m[1] else int(m[2]) if m[2] else _OFFSETS[" ".join(m[0].lower().split())]
        yield m.start(), m.end(), (today + timedelta(days=days)).isoformat()
    for m in WEEKDAY.finditer(text):
        yield m.start(), m.end(), _weekday(m[1], m[2], today) or m[0]


def _weekday(qualifier: str | None, name: str, today: date) -> str:
    """'last friday' is the latest past Friday, 'next/this/coming friday' the next one; a bare weekday is unresolved."""
    if not qualifier:
        return ""
    delta = WEEKDAYS.index(name.lower()) - today.weekday()
    if qualifier.lower() == "last":
        return (today + timedelta(days=delta - 7 if delta >= 0 else delta)).isoformat()
    return (today + timedelta(days=delta + 7 if delta <= 0 else delta)).isoformat()


def number_value(raw: str) -> str:
    """'1,299.5' or '1.299,50' or '49' as a plain two-decimal number: '1299.50', '49.00'."""
    digits = re.sub(r"\s", "", raw)
    last = max(digits.rfind("."), digits.rfind(","))
    if last != -1 and len(digits) - last - 1 in (1, 2):
        whole, cents = re.sub(r"\D", "", digits[:last]), digits[last + 1:]
    else:
        whole, cents = re.sub(r"\D", "", digits), "0"
    return f"{int(whole or 0)}.{cents.ljust(2, '0')}"


def find_amounts(text: str, today: date) -> Iterator[Found]:  # noqa: ARG001 - same shape as the other finders
    """Money with a currency sign, code or word: value like '49.99 USD'."""
    for m in AMOUNT.finditer(text):
        currency = CURRENCIES.get((m["pre"] or m["post"]).casefold(), "USD")
        yield m.start(), m.end(), f"{number_value(m['n1'] or m['n2'])} {currency}"


def _strip_trailing(start: int, raw: str) -> Found:
    stripped = raw.rstrip(_TRAILING)
    return start, start + len(stripped), stripped


def _simple(pattern: re.Pattern[str], value: Callable[[re.Match[str]], str]) -> Finder:
    def find(text: str, today: date) -> Iterator[Found]:  # noqa: ARG001
        for m in pattern.finditer(text):
            yield m.start(), m.end(), value(m)
    return find


def find_orders(text: str, today: date) -> Iterator[Found]:  # noqa: ARG001
    """'BW-104233', 'bw 104233', 'order #104233', 'order no. 104233', '#104233': value 'BW-104233'."""
    for m in ORDER.finditer(text):
        start = m.start(2) if m[2] else m.start()  # after "order no.": the span is the number itself
        yield start, m.end(), f"BW-{m[1] or m[3] or m[4]}"


def find_phones(text: str, today: date) -> Iterator[Found]:  # noqa: ARG001
    """Phone numbers of 7 to 15 digits."""
    for m in PHONE.finditer(text):
        if 7 <= sum(ch.isdigit() for ch in m[0]) <= 15:
            yield m.start(), m.end(), re.sub(r"[^\d+]", "", m[0])


def find_urls(text: str, today: date) -> Iterator[Found]:  # noqa: ARG001
    for pattern in (URL, BARE_URL):
        for m in pattern.finditer(text):
            yield _strip_trailing(m.start(), m[0])


_WORDS = re.compile(r"\w+(?:[.'’-]\w+)*")


class ProductMatcher:
    """Catalogue names found case-insensitively, also by brand plus any words of the name ('aeroblend mini').

    A mention that fits several products equally well ('aeroblend') gets the brand as its value.
    """

    def __init__(self, names: list[str]) -> None:
        self.products: dict[str, list[tuple[str, set[str]]]] = {}
        for name in names:
            words = [w.casefold() for w in _WORDS.findall(name)]
            if words:
                self.products.setdefault(words[0], []).append((name, set(words[1:])))
        self.brands = {words[0].casefold(): words[0] for name in names if (words := _WORDS.findall(name))}
        pattern = "|".join(_brand_pattern(b) for b in sorted(self.brands.values(), key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", _I) if pattern else None

    def find(self, text: str, today: date) -> Iterator[Found]:  # noqa: ARG002
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            brand = re.sub(r"[\s-]", "", m[0]).casefold()
            if brand in self.products:  # a case-insensitive match may fold differently ("ſ" for "s")
                yield self._extend(text, m.start(), m.end(), brand)

    def _extend(self, text: str, start: int, end: int, brand: str) -> Found:
        """The span grown over following words that belong to a product of this brand, with the best product."""
        candidates = self.products[brand]
        vocabulary = set().union(*(words for _, words in candidates))
        matched: set[str] = set()
        for word in _WORDS.finditer(text, end):
            token = word[0].casefold()
            key = token if token in vocabulary else token.rstrip("s")
            if text[end:word.start()].strip() or key not in vocabulary:
                break
            matched.add(key)
            end = word.end()
        ranked = sorted(candidates, key=lambda c: (-len(c[1] & matched), len(c[1])))
        best = ranked[0]
        tie = len(ranked) > 1 and len(ranked[1][1] & matched) == len(best[1] & matched)
        return start, end, self.brands[brand] if tie else best[0]


def _brand_pattern(brand: str) -> str:
    """'AeroBlend' also matches 'aero blend' and 'aero-blend'."""
    parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^A-Za-z\d]+", brand)
    return r"[\s-]?".join(re.escape(part) for part in parts) if len(parts) > 1 else re.escape(brand)


def load_product_names(path: Path) -> list[str]:
    """Product names from catalog.yaml ({products: [{name: ...}]}); none when the file is absent.

    Raises:
        ConfigError: the file exists but is not valid YAML of that shape.
    """
    if not path.exists():
        return []
    products = load_mapping(path, "'products: [{sku, name, category, price}, ...]'").get("products")
    if not isinstance(products, list):
        raise ConfigError(f"{path} must hold 'products: [{{sku, name, category, price}}, ...]'")
    return [str(p["name"]) for p in products if isinstance(p, dict) and p.get("name")]


PRIORITY = ("url", "email", "tracking_number", "order_number", "amount", "date", "phone", "product", "handle")
RECENT, RECENT_CHARS = 64, 5_000  # texts whose entities are remembered, of at most this many characters


class RuleEntityExtractor:
    """EntityExtractor over regular expressions and the product catalogue (data_dir/catalog.yaml, optional).

    Args:
        settings: where the data folder is.
        today: the date relative dates are resolved against; default the current UTC date at each call.

    Raises:
        ConfigError: catalog.yaml exists but is malformed.
    """

    def __init__(self, settings: Settings, today: date | None = None) -> None:
        self.products = ProductMatcher(load_product_names(settings.resolve(settings.data_dir) / "catalog.yaml"))
        self.today = today
        self.finders: dict[str, Finder] = {
            "url": find_urls, "email": _simple(EMAIL, lambda m: m[0].lower()),
            "tracking_number": _simple(TRACKING, lambda m: f"BWT{m[1]}"), "order_number": find_orders,
            "amount": find_amounts, "date": find_dates, "phone": find_phones, "product": self.products.find,
            "handle": _simple(HANDLE, lambda m: m[0].lower())}
        # (text, date) -> its entities, for the last RECENT texts: the pipeline reads one message's text up to three
        # times (the product check of its PII, the entity stage, the KB ordering: 0.5 repeats a message, ~0.17 ms each)
        self._recent: Recent[tuple[str, date], tuple[Entity, ...]] = Recent(RECENT)

    def extract(self, text: str) -> list[Entity]:
        """Entities in order of appearance; where rules overlap, the kind earlier in PRIORITY keeps the text.

        Args:
            text: any string.

        Returns:
            Entity(kind, text, start, end, value) with text == the original text[start:end].
        """
        today = self.today or datetime.now(UTC).date()
        known = self._recent.get((text, today)) if len(text) <= RECENT_CHARS else None
        if known is not None:
            return list(known)
        found = self._extract(text, today)
        if len(text) <= RECENT_CHARS:
            self._recent.put((text, today), tuple(found))
        return found

    def _extract(self, text: str, today: date) -> list[Entity]:
        taken = bytearray(len(text))
        entities: list[Entity] = []
        for kind in PRIORITY:
            for start, end, value in sorted(self.finders[kind](text, today), key=lambda f: (f[0], f[0] - f[1])):
                if end > start and taken.find(1, start, end) == -1:
                    taken[start:end] = b"\x01" * (end - start)
                    entities.append(Entity(kind, text[start:end], start, end, value))
        return sorted(entities, key=lambda e: (e.start, e.end))
