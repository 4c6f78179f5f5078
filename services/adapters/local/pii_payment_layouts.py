"""Bank accounts in their national layouts and payment addresses that reach a person's account (session 42, 42-5).

The bank-account rules before (pii_rules, pii_bank_accounts, pii_national_accounts, pii_bank_dob) read an account
after its name and a few layouts; missed were these, each taken anywhere by its own shape (no label needed):

- **Serbian and Montenegrin accounts**, bank-number-control in 3-13-2 ("160-3930102138308-75", "265-1100310044182-77"):
  the layout is the account's own (its mod 97 control only raises the score: a mistyped account is still one). Never
  the Belgian 3-7-2 numbers of the same look (an old account, a mutuality's member number, an identity card's number,
  an order number): the middle block must have 13 digits.
- **A Swedbank clearing number with its account in one run** ("8327-9, 944 271 338-4", "8105-9, 924 117 330-5"): a
  five-digit clearing number (8xxx-x, Swedbank's own) with the account right after it is one span. A clearing number
  labelled apart ("Clearingnummer 8327-9, kontonummer 914 …") is left to the rules before (the clearing is kept).
- **Crypto wallet addresses**: an Ethereum-style "0x" and 40 hex digits (a transaction hash has 64: never taken) and a
  bech32 Bitcoin address ("bc1q…", 39 to 59 characters of its alphabet).
- **InstaPay addresses** ("mostafa.adel@instapay"): a handle at InstaPay, never a mail address (no dot after it).
- **Korean and Japanese accounts after their bank's words**: the first run of digits and hyphens (10 to 16 digits)
  within 40 characters after "계좌" (its answer on the next turn too), no other digit between, never a phone
  ("010-2345-6789", "02-3456-7890"), and a run of its very layout later in its line (the other account of a mistyped transfer); a
  seven-digit account after a Japanese account type ("普通 1234408", "当座預金 0012345", "口座番号：1234567").
- **A Mexican CLABE in a message that names the CLABE**: any 18-digit run, its check digit right or wrong (a mistyped
  CLABE is still the account the money went to: "La correcta es 012180015234567894 y puse 012180015234567849").
- **An Indian account with its IFSC right after it** ("50100448217736, HDFC0004417", "… IFSC HDFC0002231"): 9 to 18
  digits followed within a comma or "IFSC" by the IFSC; the IFSC itself stays a kept code. A phone, a UTR or a UAN
  after or away from the IFSC is never taken.
- **A New Zealand account** in its 2-4-7-2/3 layout ("12-3140-0458723-00").
- **A Spanish CCC** in its 4-4-2-10 layout ("2100 0418 40 0200051332"), **a French RIB** in one run of 5-5-11-2
  ("30004 02817 00047719385 63") and the RIB's key labelled after its account ("compte 00020451701, clé 62": the
  key alone, the account is the rules' before), **a Portuguese NIB** after "NIB" (21 digits: bare, the same groups
  are a tracking number or a reference).
- **An Algerian CCP account with its key** ("CCP 0021847362 clé 55": one span, number and key).

pii_bank_dob reads, since this session, a UPI id typed in one token and said with "at" ("rakeshyadav88 at okaxis").

Every pattern is linear (bounded repeats, no nested quantifiers over the same characters); a message yields at most
CAP spans.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

Found = tuple[str, int, int, float]

CAP = 24  # spans a message at most

_END = r"(?![\w/@-]|[.,]\d)"  # a run's end: not the middle of a longer code, a decimal or an address
_RS = re.compile(r"(?<![\w.,/+-])(\d{3})-(\d{13})-(\d{2})" + _END)
_SWEDBANK = re.compile(r"(?<![\w.,/+-])8\d{3}-\d,?[ \t]{1,2}(?:\d{3}[ \t]\d{3}[ \t]\d{3}-\d|\d{2}[ \t]\d{3}[ \t]\d{3}-\d|"
                       r"\d{3}[ \t]\d{3}[ \t]\d{3}[ \t]\d|\d{9,10}|\d{9}-\d)" + _END + r"(?![ \t]\d)")
_ETH = re.compile(r"(?<![\w/.…-])0x[0-9a-fA-F]{40}(?![\w…])")
_BECH32 = re.compile(r"(?<![\w/.-])bc1[02-9ac-hj-np-z]{36,56}(?![\w])")
_INSTAPAY = re.compile(r"(?<![\w.@+-])[A-Za-z0-9][\w.-]{0,40}@(?i:instapay)(?![\w@-]|\.[A-Za-z])")
_KO = re.compile(r"계좌")
_KO_RUN = re.compile(r"(?<![\d-])(\d[\d-]{8,19}\d)(?![\d-])")
_KO_PHONE = re.compile(r"0\d{1,2}-?\d{3,4}-?\d{4}")  # a Korean mobile or landline near the word is no account
_KO_GAP = 40  # "계좌번호 불러주시겠어요?\n고객: 110-482-771093이요": the answer on the next turn
_JA = re.compile(r"(?:普通|当座)(?:預金)?(?:口座)?[ \t　:：]{0,3}(?:番号[ \t　:：]{0,3})?|口座番号[ \t　:：は]{0,3}")
_JA_RUN = re.compile(r"(\d{7})(?!\d)")
_CLABE_NAMED = re.compile(r"(?i:clabe)")
_CLABE_RUN = re.compile(r"(?<![\w.,/-])\d{3}[ \t]?\d{3}[ \t]?\d{11}[ \t]?\d(?![\w/-]|[.,]\d|[ \t]\d)")
_IFSC_AFTER = re.compile(r"(?<![\w.,/+#-])(\d(?:[ -]?\d){8,17})[ \t]{0,2}[,(]?[ \t]{0,2}(?:IFSC[ \t:-]{0,3})?"
                         r"[A-Z]{4}0[A-Z0-9]{6}(?![\w])")
_NZ = re.compile(r"(?<![\w.,/+-])\d{2}-\d{4}-\d{7}-\d{2,3}" + _END)
_CCC = re.compile(r"(?<![\w.,/+-])\d{4}([ -])\d{4}\1\d{2}\1\d{10}" + _END)  # Spain: bank-branch-check-account
_RIB5 = re.compile(r"(?<![\w.,/+-])\d{5}[ \t]\d{5}[ \t][0-9A-Z]{11}[ \t]\d{2}" + _END + r"(?![ \t]\d)")  # France
_NIB = re.compile(r"\bNIB\b[ \t:nº°.]{1,5}(\d{4}(?:[ \t]\d{4}){4}[ \t]\d|\d{4}[ \t]?\d{4}[ \t]?\d{11}[ \t]?\d{2})"
                  + _END)
# a French RIB's key labelled after its account ("compte 00020451701, clé 62", "Compte : 00010374826 – Clé RIB : 91")
_RIB_KEY = re.compile(r"(?i:compte)[ \t:]{0,3}[0-9A-Z]{11}[ \t]{0,2}[,;–-]?[ \t]{0,2}(?i:cl[ée](?:[ \t]rib)?)[ \t:]{1,3}"
                      r"(\d{2})(?![\w-]|[.,]\d)")
_CCP = re.compile(r"(?i:\bccp\b)[ \t:n°º.]{1,5}(\d{6,12}[ \t]{1,2}(?i:cl[ée])[ \t:]{1,3}\d{2})(?![\w])")


def _rs_ok(bank: str, number: str, control: str) -> bool:
    """ISO 7064 mod 97-10 over the 18 digits (Serbia's and Montenegro's account control)."""
    return int(bank + number + control) % 97 == 1


def _serbian(text: str) -> Iterator[Found]:
    for m in _RS.finditer(text):  # the 3-13-2 layout is the account's own: taken with its control wrong too
        yield "BANK_ACCOUNT", m.start(), m.end(), 0.9 if _rs_ok(*m.groups()) else 0.85


def _shaped(text: str) -> Iterator[Found]:
    low = text.lower()
    if "-" in text:
        for m in _SWEDBANK.finditer(text):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.9
        for m in _NZ.finditer(text):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
    for pattern in (_CCC, _RIB5):
        for m in pattern.finditer(text):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
    if "cl" in low:
        for m in _RIB_KEY.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "NIB" in text:
        for m in _NIB.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "0x" in low:
        for m in _ETH.finditer(text):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
    if "bc1" in low:
        for m in _BECH32.finditer(text):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
    if "@instapay" in low:
        for m in _INSTAPAY.finditer(text):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.9
    if "ccp" in low:
        for m in _CCP.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85


def _same_shape(text: str, found: re.Match[str]) -> Iterator[Found]:
    """Runs of the found account's very layout later in its line ("110-482-771093이요, 원래는 110-482-771039로": the
    account sent to and the one meant)."""
    shape = re.sub(r"\d", "9", found.group(1))
    end = text.find("\n", found.end())
    for m in itertools.islice(_KO_RUN.finditer(text, found.end(), len(text) if end < 0 else end), 4):
        if re.sub(r"\d", "9", m.group(1)) == shape:
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85


def _after_words(text: str) -> Iterator[Found]:
    if "계좌" in text:
        for cue in itertools.islice(_KO.finditer(text), CAP):
            m = _KO_RUN.search(text, cue.end(), cue.end() + _KO_GAP)
            if m and not any(c.isdigit() for c in text[cue.end():m.start()]) and not _KO_PHONE.fullmatch(m.group(1)) \
                    and 10 <= sum(c.isdigit() for c in m.group(1)) <= 16:
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
                yield from _same_shape(text, m)
    if "普通" in text or "当座" in text or "口座番号" in text:
        for cue in itertools.islice(_JA.finditer(text), CAP):
            m = _JA_RUN.match(text, cue.end())
            if m:
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if _CLABE_NAMED.search(text):
        for m in _CLABE_RUN.finditer(text):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
    if "IFSC" in text or re.search(r"[A-Z]{4}0", text):
        for m in _IFSC_AFTER.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85


def find_payment_layouts(text: str) -> Iterator[Found]:
    """The forms of the module's docstring, at most CAP a message."""
    return itertools.islice(itertools.chain(_serbian(text), _shaped(text), _after_words(text)), CAP)
