"""Language detection bench: accuracy on a held-out set of short messages written for this bench (not used for tuning), load time, RSS, latency.

Usage: python bench/bench_language.py [ours|ours-high|low|high]  (ours = LinguaLanguageDetector; low/high = bare lingua)   (prints one JSON line)
"""

import json
import resource
import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))  # project root
HOLDOUT = {
    "en": [
        "is this covered by warranty",
        "need to return the air fryer",
        "door bell not ringing",
        "when will it ship",
        "ur courier left it in the rain",
        "what's the status",
        "pretty sure it's faulty",
        "coupon code not working",
        "lost my receipt",
        "screen flickers a lot",
        "great, another delay",
        "do you ship to canada",
        "package marked delivered but nothing here",
        "love it",
        "hey quick question",
    ],
    "es": [
        "la pantalla parpadea",
        "el cupón no funciona",
        "perdí el recibo",
        "hacen envíos a México?",
        "está en garantía?",
    ],
    "fr": [
        "l'écran clignote",
        "le code promo ne marche pas",
        "j'ai perdu le reçu",
        "livrez-vous en Belgique ?",
        "c'est sous garantie ?",
    ],
    "de": [
        "der bildschirm flackert",
        "der gutscheincode geht nicht",
        "ich habe den beleg verloren",
        "liefert ihr nach österreich?",
        "ist das noch garantie?",
    ],
    "it": ["lo schermo sfarfalla", "il codice sconto non va", "ho perso lo scontrino"],
    "pt": ["a tela fica piscando", "o cupom não funciona", "perdi o recibo"],
    "nl": ["het scherm flikkert", "de kortingscode werkt niet", "ik ben de bon kwijt"],
    "ru": ["экран мигает", "промокод не работает"],
    "uk": ["екран блимає", "я загубив чек"],
    "ar": ["الشاشة تومض", "كود الخصم لا يعمل"],
    "ja": ["画面がちらつきます", "クーポンが使えません"],
    "zh": ["屏幕一直闪", "优惠码不能用"],
    "ko": ["화면이 깜빡여요"],
    "he": ["המסך מהבהב"],
    "hi": ["स्क्रीन झपक रही है"],
    "tr": ["ekran titriyor", "indirim kodu çalışmıyor"],
    "sv": ["skärmen flimrar"],
    "pl": ["ekran miga"],
}
mode = sys.argv[1] if len(sys.argv) > 1 else "ours"
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
if mode in ("ours", "ours-high"):
    from services.adapters.local.language import LinguaLanguageDetector

    det = LinguaLanguageDetector(high_accuracy=mode == "ours-high")
    detect = det.detect
    detect("hola amigo")
    detect("привет")
else:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    from services.adapters.local.language import LANGUAGES

    b = LanguageDetectorBuilder.from_languages(
        *[Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in LANGUAGES]
    )
    d = (b.with_low_accuracy_mode() if mode == "low" else b).build()

    def detect(s):
        lang = d.detect_language_of(s)
        return lang.iso_code_639_1.name.lower() if lang else "und"

    detect("warm up")
    detect("hola amigo")
    detect("привет")
load_s = time.perf_counter() - t0
pairs = [(c, s) for c, items in HOLDOUT.items() for s in items]
ok = sum(detect(s) == c for c, s in pairs)
en = [(c, s) for c, s in pairs if c == "en"]
en_ok = sum(detect(s) == c for c, s in en)
t = time.perf_counter()
n = 0
for _ in range(20):
    for _, s in pairs:
        detect(s)
        n += 1
short_ms = (time.perf_counter() - t) / n * 1000
big = ("My order BW-104233 has not arrived and nobody answers my emails. " * 1600)[:100_000]
t = time.perf_counter()
detect(big)
big_ms = (time.perf_counter() - t) * 1000
print(
    json.dumps(
        {
            "bench": "language",
            "mode": mode,
            "holdout_accuracy": round(ok / len(pairs), 3),
            "n": len(pairs),
            "english_accuracy": round(en_ok / len(en), 3),
            "n_english": len(en),
            "load_and_first_call_s": round(load_s, 3),
            "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "short_ms_per_call": round(short_ms, 3),
            "100kb_ms": round(big_ms, 1),
        }
    )
)
