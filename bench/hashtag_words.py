"""Write services/adapters/local/hashtag_words.txt: the words a lower-case hashtag may be cut into, commonest first.

Words of our own examples (data/intents/*.yaml; letters only, 2-20 characters, seen at least twice), by how often
they occur, then wordllama's word-start tokens (its bundled Llama tokenizer; lower-case letters only, 3-20
characters, not already listed) in the tokenizer's order (BPE merge order, commonest first). The order is the cost
the segmenter reads (`intent_features.split_hashtag`). Run it again when the examples change much; the file is part
of the feature code's hash, so a new list retrains the default model.

    python bench/hashtag_words.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import wordllama
import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "services" / "adapters" / "local" / "hashtag_words.txt"
WORD = re.compile(r"(?<![\w@#])[a-z]{2,20}(?![\w])")


def main() -> None:
    counts: Counter[str] = Counter()
    for path in sorted((ROOT / "data" / "intents").glob("*.yaml")):
        for text in yaml.safe_load(path.read_text(encoding="utf-8"))["examples"]:
            counts.update(WORD.findall(re.sub(r"https?://\S+", " ", str(text).lower())))
    words = [w for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2]
    seen = set(words)
    config = Path(wordllama.__file__).parent / "tokenizers" / "l2_supercat_tokenizer_config.json"
    vocab = json.loads(config.read_text(encoding="utf-8"))["model"]["vocab"]
    for token, _ in sorted(vocab.items(), key=lambda kv: kv[1]):
        word = token[1:]
        if token.startswith("\u2581") and 3 <= len(word) <= 20 and word.isascii() and word.isalpha() \
                and word.islower() and word not in seen:
            words.append(word)
            seen.add(word)
    OUT.write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    print(json.dumps({"words": len(words), "from_examples": sum(1 for n in counts.values() if n >= 2), "file": str(OUT.relative_to(ROOT))}))


if __name__ == "__main__":
    main()
