#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes tests/data/tokenizers/corpus/: 5 000 generated strings (strings.json) and, for every
tokenizer.json the tests ship, the ids Hugging Face `tokenizers` gives for each (<name>.ids.qz:
JSON compressed as Qt's qUncompress reads it, a 4-byte big-endian length and zlib; special
tokens added as the post-processor says). The strings mix Korean, Latin with accents
(precomposed and combining), CJK, emoji and ZWJ sequences, combining marks, control characters,
every Unicode whitespace, long repeats, digits and punctuation, and mask tokens ([MASK], <mask>)
glued to words. Seeded: the same files every run. Needs `pip install tokenizers`; the test
(tests/model/tokenizers/tst_tokenizer_corpus.cpp) reads the files only.
"""
import hashlib
import json
import pathlib
import random
import struct
import zlib

import tokenizers
from tokenizers import Tokenizer

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = DATA / "tokenizers" / "corpus"
COUNT = 5000

WHITESPACE = [chr(c) for c in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680,
                               *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)]
CONTROL = [chr(c) for c in (0x00, 0x01, 0x07, 0x08, 0x1B, 0x7F, 0x80, 0x9F, 0x200B, 0x200C,
                            0x200D, 0xFEFF, 0x00AD, 0x2060)]
COMBINING = [chr(c) for c in (0x0300, 0x0301, 0x0302, 0x0303, 0x0308, 0x030A, 0x0327, 0x0331,
                              0x20DD, 0x1AB0)]
EMOJI = ["😀", "👍", "👍🏽", "❤️", "👨‍👩‍👧", "👩🏻‍💻", "🏳️‍🌈", "🇰🇷", "🇺🇸", "★", "©", "™", "🤖",
         "1️⃣", "🧑‍🤝‍🧑"]
LATIN = ["café", "naïve", "résumé", "Ångström", "façade", "Straße", "Dvořák", "Łódź", "señor",
         "coöperate", "ÉCOLE", "Œuvre", "ﬁne", "Ｆｕｌｌｗｉｄｔｈ", "ＡＢＣ", "don't", "we'll",
         "I'm", "they're", "U.S.A.", "e-mail", "state-of-the-art", "İstanbul", "ǅemal",
         "ΣΊΣΥΦΟΣ", "ﬀ", "ĲSSEL", "Ꭰꮳ", "ஸ்ரீ", "नमस्ते", "ক্ষ"]
WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "model", "checkpoint",
         "Hello", "WORLD", "MiXeD", "data", "token", "training", "epoch", "loss"]
MASKS = ["[MASK]", "<mask>", "[mask]", "<MASK>"]
PUNCT = list(".,;:!?()[]{}<>\"'`~@#$%^&*-_=+/\\|…—–·«»「」『』、。")


def korean(rng):
    return "".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(rng.randint(1, 6)))


def cjk(rng):
    return "".join(chr(0x4E00 + rng.randrange(0x5000)) for _ in range(rng.randint(1, 4)))


def number(rng):
    return rng.choice([str(rng.randrange(10 ** rng.randint(1, 7))), f"{rng.random() * 1000:.2f}",
                       f"{rng.randrange(1000):,}", f"{rng.randrange(100)}%", "3.14159",
                       "1,000,000", "２０２６", "①②"])


def piece(rng):
    kind = rng.randrange(12)
    if kind == 0:
        return korean(rng)
    if kind == 1:
        return rng.choice(LATIN)
    if kind == 2:
        return rng.choice(WORDS)
    if kind == 3:
        return rng.choice(EMOJI)
    if kind == 4:
        return rng.choice(WORDS) + "".join(rng.choice(COMBINING) for _ in range(rng.randint(1, 3)))
    if kind == 5:
        return cjk(rng)
    if kind == 6:
        return number(rng)
    if kind == 7:
        return "".join(rng.choice(PUNCT) for _ in range(rng.randint(1, 4)))
    if kind == 8:
        return rng.choice(MASKS)
    if kind == 9:
        return rng.choice(CONTROL)
    if kind == 10:
        return rng.choice(WORDS + LATIN) * rng.randint(2, 30)  # long repeats
    return korean(rng) + rng.choice(MASKS) + rng.choice(WORDS)  # a mask glued to words


def separator(rng):
    r = rng.random()
    if r < 0.6:
        return " "
    if r < 0.8:
        return ""
    return "".join(rng.choice(WHITESPACE) for _ in range(rng.randint(1, 3)))


def strings():
    rng = random.Random(20261202)
    out = [""] + WHITESPACE + ["".join(WHITESPACE)] + CONTROL + EMOJI
    while len(out) < COUNT:
        parts = [piece(rng) for _ in range(rng.randint(1, 12))]
        text = "".join(p + separator(rng) for p in parts)
        if rng.random() < 0.1:
            text = rng.choice(WHITESPACE) + text
        out.append(text)
    return out[:COUNT]


def shipped():
    """Every distinct tokenizer.json under tests/data, by a name from its folder."""
    seen, found = set(), []
    for path in sorted(DATA.glob("**/tokenizer.json")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in seen or "corpus" in path.parts:
            continue
        seen.add(digest)
        found.append((path.parent.name, path))
    return found


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    texts = strings()
    (OUT / "strings.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    index = {"tokenizers": tokenizers.__version__, "count": len(texts), "files": {}}
    for name, path in shipped():
        tok = Tokenizer.from_file(str(path))
        tok.no_truncation()  # a Trainer's file may keep its max_length; ClozeScope truncates itself
        tok.no_padding()
        ids = [e.ids for e in tok.encode_batch(texts)]
        data = json.dumps(ids, separators=(",", ":")).encode()
        (OUT / f"{name}.ids.qz").write_bytes(struct.pack(">I", len(data)) + zlib.compress(data, 9))
        index["files"][name] = str(path.parent.relative_to(DATA))
        print(name, path.relative_to(DATA), sum(map(len, ids)), "ids")
    (OUT / "index.json").write_text(json.dumps(index, indent=2) + "\n")


if __name__ == "__main__":
    main()
