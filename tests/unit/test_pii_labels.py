"""The labelled PII sets (tests/data/pii/*.jsonl) are what their marked-up sources say, and every span reads right."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "pii"
SETS = sorted(p.stem[len("src_"):] for p in DATA.glob("src_*.txt"))  # dev, test and the blind batches
SPOKEN = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
          "seven": "7", "eight": "8", "nine": "9",
          # a card read out in Turkish (blind47b's calls) and in Indonesian (blind48b's)
          "sıfır": "0", "bir": "1", "iki": "2", "üç": "3", "dört": "4", "beş": "5", "altı": "6", "yedi": "7",
          "sekiz": "8", "dokuz": "9", "nol": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5",
          "enam": "6", "tujuh": "7", "delapan": "8", "sembilan": "9"}


TEENS = {w: str(10 + i) for i, w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
                                               "nineteen".split())}
TENS = {w: str(20 + 10 * i) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}


def _digits(value: str) -> str:
    """The digits of a value, spoken digits ("four two four…", as a voice transcript writes them) included, and since
    session 23 numbers read in pairs ("forty four oh four, ninety three thirteen": 4404 9313), and since session 29
    digits read in Turkish ("dört beş üç iki")."""
    out: list[str] = []
    tokens = re.findall(r"[^\W\d_]+|\d+", value)
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in TENS:  # "ninety three" is 93, "ninety" alone 90
            after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            out.append(TENS[low][0] if after in SPOKEN and after not in ("zero", "oh") else TENS[low])
        else:
            out.append(TEENS.get(low) or SPOKEN.get(low, re.sub(r"\D", "", token)))
    return "".join(out)


def _build_module():
    spec = importlib.util.spec_from_file_location("pii_build", DATA / "build.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.parametrize("name", SETS)
def test_jsonl_is_built_from_its_source(name: str) -> None:
    build = _build_module()
    source = (DATA / f"src_{name}.txt").read_text(encoding="utf-8").splitlines()
    expected = [build.parse(line) for line in source if line.strip() and not line.startswith("#")]
    rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows == expected, f"{name}.jsonl is stale: run python tests/data/pii/build.py"


_DIGIT_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                "seven": "7", "eight": "8", "nine": "9",
                # an IBAN read out in German, Spanish, French (blind22b's calls)
                "null": "0", "eins": "1", "zwei": "2", "drei": "3", "vier": "4", "fünf": "5", "sechs": "6", "sieben": "7",
                "acht": "8", "neun": "9", "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
                "seis": "6", "siete": "7", "ocho": "8", "nueve": "9", "zéro": "0", "un": "1", "deux": "2", "trois": "3",
                "quatre": "4", "cinq": "5", "sept": "7", "huit": "8", "neuf": "9",
                # Spanish letter names in an IBAN read out ("e ese seis siete, …": ES67…, blind44b)
                "ese": "S", "be": "B", "ce": "C", "de": "D", "efe": "F", "ge": "G", "hache": "H", "jota": "J",
                "ka": "K", "ele": "L", "eme": "M", "ene": "N", "pe": "P", "cu": "Q", "erre": "R", "te": "T",
                "uve": "V", "equis": "X"}
_IBAN_SHAPE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
_SPOKEN_DIGIT = re.compile(r"\b(?:" + "|".join(_DIGIT_WORDS) + r")\b")
# English tens read out in an IBAN's check digits ("P K fifty-five M E Z N …", blind120b)
_TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8",
         "ninety": "9"}
_SPOKEN_TENS = re.compile(r"\b(" + "|".join(_TENS) + r")(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\b")


def _spoken_tens(value: str) -> str:
    return _SPOKEN_TENS.sub(lambda m: _TENS[m[1]] + (_DIGIT_WORDS[m[2]] if m[2] else "0"), value)


def _read_back(value: str, text: str, pii: list[dict]) -> bool:
    """Since session 24 (blind33b): an agent reading back the local part of an e-mail the caller gave in the same
    call ("k dot fowler ninety one" after "k dot f o w l e r nine one at yahoo dot com") is an EMAIL without its @:
    its first five letters open a whole e-mail span of the message (blind36b: "venkat dot rao seven" after "v e n k a
    t dot r a o at rediffmail dot com"; blind48b, in Spanish: "¿p e p e punto v i l l a r r e a l?" after "pepe punto
    villarreal arroba gmail punto com")."""
    def letters(said: str) -> str:  # "v e n k a t dot r a o at …" and "venkat dot rao seven" both open "venkat"
        return re.sub(r"\s+|\bdot\b|\bpunto\b|\.", "", re.split(r"@|\bat\b|\barroba\b", said.lower())[0])[:5]
    def words(said: str) -> set[str]:  # session 25 (blind39b): the record's "b dot ohalloran" read back against the
        # caller's "bridget dot ohalloran at outlook dot com": a shared word of the local part
        return {w for w in re.findall(r"[a-z]{4,}", re.split(r"@|\bat\b", said.lower())[0]) if w != "dot"}

    return any(p["kind"] == "EMAIL" and re.search(r"@|\bat\b|\barroba\b", text[p["start"]:p["end"]])
               and (letters(text[p["start"]:p["end"]]) == letters(value)
                    or (" dot " in value and bool(words(text[p["start"]:p["end"]]) & words(value)))) for p in pii)


@pytest.mark.parametrize("name", SETS)
def test_spans_are_exact(name: str) -> None:
    """No span starts or ends on a space, spans do not overlap, cards hold 13-19 digits (a card in two halves as a
    pair), IBANs a country code, check digits and 11-30 letters or digits, e-mails hold an @ (or %40, URL-encoded in a
    link). Since session 16 a card need not pass Luhn nor an IBAN mod 97: blind20*'s writers typed numbers as people
    do, with a wrong digit, and a customer's mistyped card or IBAN is still their payment data (the owners' set, written
    by people too, may hold such numbers); the detector masks them after a card or IBAN cue. Since session 47 the first
    6 or 8 digits of a card given alone, said as its first digits, are a card's too (blind114c: "jeg gav ham de første
    otte cifre 4570 6452", to a scam caller)."""
    problems = []
    for number, line in enumerate((DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        text = row["text"]
        spans = sorted((s["start"], s["end"], s["kind"]) for s in row["pii"] + row["keep"])
        for i, (start, end, kind) in enumerate(spans):
            following = spans[i + 1] if i + 1 < len(spans) else (len(text), len(text), "")
            value = text[start:end]
            if value != value.strip() or not value:
                problems.append((number, kind, value, "edge space"))
            if end > following[0]:
                problems.append((number, kind, value, "overlaps the next span"))
            digits = _digits(value)
            card_digits = sum(len(_digits(text[p["start"]:p["end"]])) for p in row["pii"] if p["kind"] == "CARD")
            # a card in halves or read out four digits at a time ("5412" "yep" "7703" …), or a first attempt
            # corrected ("its 4929 1234 wait no thats wrong 4929 1243 …"): pieces of 4+ digits of 13+ in the row
            first_digits = len(digits) in (6, 8) and re.search(
                r"(?i)\b(?:first|første|förste|första|erste[nr]?|primeros|premiers|primi|primeiros)\b", text[max(0, start - 40):start])
            if kind == "CARD" and not 13 <= len(digits) <= 19 and not (len(digits) >= 4 and card_digits >= 13) \
                    and not first_digits:
                problems.append((number, kind, value, "not 13-19 digits"))
            if kind == "IBAN" and not _IBAN_SHAPE.fullmatch(re.sub(r"[\s,-]", "", _SPOKEN_DIGIT.sub(
                    lambda m: _DIGIT_WORDS[m.group()], _spoken_tens(value))).upper()):  # "G B two six, H S B C, …" read out
                problems.append((number, kind, value, "not an IBAN's shape"))
            if kind == "EMAIL" and not re.search(r"@|%40|\bat\b|\[at\]|\(at\)|{at}|arroba|arobase|chiocciola|klammeraffe|apenstaartje|\bchez\b|\bbei\b", value, re.IGNORECASE) \
                    and not _read_back(value, text, row["pii"]):
                problems.append((number, kind, value, "no @"))
    assert problems == []
