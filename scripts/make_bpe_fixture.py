#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes tests/data/tokenizers/roberta-bpe-tiny/: a byte-level BPE tokenizer.json as RoBERTa ships
it (ByteLevel pre-tokenizer and decoder, RobertaProcessing, <mask> with lstrip), trained with
Hugging Face `tokenizers` on the bundled cloze sets, and expected.json: the ids `tokenizers`
gives for texts that exercise it. Needs `pip install tokenizers`; the tests read the files only.
"""
import json
import pathlib
import sys

import tokenizers
from tokenizers import Tokenizer, models, pre_tokenizers, decoders, processors, trainers, AddedToken

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "tokenizers" / "roberta-bpe-tiny"

TEXTS = [
    "Hello world",
    "Hello <mask>!",
    "정현우는 세종에서 열린 경기에서 두 골을 넣었다 . 감독은 <mask> 활약을 칭찬했다 .",
    "  leading spaces and trailing   ",
    "tabs\tand\nnewlines\r\nhere",
    "don't won't I'm we'll you've she'd they're",
    "numbers 12345 and 3.14159, 1,000,000",
    "emoji 😀 and ZWJ 👨‍👩‍👧 family",
    "café naïve résumé Ångström",
    "combining e\u0301 and a\u0308",
    "<mask><mask> glued<mask>word",
    "mixed 한국어 English 中文 日本語",
    "punctuation!!! ??? ... ---",
    "",
    " ",
    "a" * 300,
    "zero\u200bwidth and no\u00a0break",
    "<s> and </s> inside text",
    "UPPER lower MiXeD",
    "😀😀😀",
]


def main() -> int:
    corpus = []
    for name in ("real.jsonl", "lambada.jsonl"):
        for line in (ROOT / "tests" / "data" / "cloze" / name).read_text(encoding="utf-8").splitlines():
            corpus.append(json.loads(line).get("text", ""))
    corpus += TEXTS * 3
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=800, min_frequency=2, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        special_tokens=["<s>", "<pad>", "</s>", "<unk>"])
    tok.train_from_iterator(corpus, trainer)
    tok.add_special_tokens([AddedToken("<mask>", lstrip=True, special=True)])
    tok.post_processor = processors.RobertaProcessing(("</s>", tok.token_to_id("</s>")),
                                                      ("<s>", tok.token_to_id("<s>")),
                                                      trim_offsets=True, add_prefix_space=False)
    OUT.mkdir(parents=True, exist_ok=True)
    tok.save(str(OUT / "tokenizer.json"))
    expected = {"made_with": f"tokenizers {tokenizers.__version__}",
                "texts": [{"text": t, "ids": tok.encode(t).ids} for t in TEXTS]}
    (OUT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    print(f"wrote {OUT} ({tok.get_vocab_size()} tokens)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
