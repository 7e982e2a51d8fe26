#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes tokenizer folders under tests/data/tokenizers/ whose tokenizer.json pipelines use the
components real masked LMs ship beyond WordPiece and byte-level BPE, each trained on the bundled
cloze sets and the corpus strings (scripts/make_tokenizer_corpus.py then records their ids):

- xlm-roberta-hub/: XLM-RoBERTa's tokenizer.json as the Hub serves it: a SentencePiece Unigram
  model (nmt_nfkc) converted by transformers' XLMRobertaConverter (Precompiled
  charsmap, Strip, Replace of space runs, Metaspace), <mask> with lstrip and normalized.
- bpe-metaspace/: SentencePiece-style BPE as Llama-family and many Korean/multilingual MLMs
  ship it: normalizer Prepend("▁") + Replace(" ", "▁"), no pre-tokenizer, byte_fallback,
  fuse_unk, <0xNN> byte tokens; and bpe-metaspace-first/: the same model behind a Metaspace
  pre-tokenizer with prepend_scheme "first" and no split.
- bpe-split-digits/: byte-level BPE behind NFKD + StripAccents + Lowercase, a Split with a
  Llama-3-style regex, Digits (individual), Punctuation (contiguous) and ByteLevel without its
  regex; an added token matched after normalisation ("<Mask>" normalized).
- unigram-whitespace/: Unigram behind Strip, Replace (regex), the Whitespace pre-tokenizer,
  Metaspace with prepend_scheme "first", a BertProcessing template.
- bert-uncased/: WordPiece with the BERT normalizer lower-casing and stripping accents (as
  bert-base-uncased), where the other WordPiece fixtures keep case.

Training is not repeatable across runs (tokenizers' trainers break ties in hash order), so run
scripts/make_tokenizer_corpus.py after this script; an existing xlm-roberta-hub/ is kept unless
--force is given. Needs `pip install tokenizers sentencepiece
protobuf transformers`; the tests read the files only.
"""
import io
import json
import pathlib
import sys
import tempfile
import types

import sentencepiece
import tokenizers
import transformers
from tokenizers import (AddedToken, Regex, Tokenizer, decoders, models, normalizers,
                        pre_tokenizers, processors, trainers)
from transformers.convert_slow_tokenizer import XLMRobertaConverter

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_tokenizer_corpus  # noqa: E402  (the corpus strings, for training)

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "tokenizers"
LLAMA3_SPLIT = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|"
                r" ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+")


def training_texts():
    texts = []
    for name in ("real.jsonl", "lambada.jsonl"):
        for line in (ROOT / "tests" / "data" / "cloze" / name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line).get("text", ""))
    return texts + make_tokenizer_corpus.strings()[:2000]


def write(folder, tok, config):
    (OUT / folder).mkdir(parents=True, exist_ok=True)
    tok.save(str(OUT / folder / "tokenizer.json"))
    (OUT / folder / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n")
    print(folder, tok.get_vocab_size(), "tokens")


def xlm_roberta_hub(texts, force):
    folder = OUT / "xlm-roberta-hub"
    if (folder / "tokenizer.json").exists() and not force:
        print("xlm-roberta-hub kept (--force retrains)")
        return
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        # The cloze sets and a few hundred corpus strings: SentencePiece wants 98% of the
        # characters it sees covered by pieces, too many with all the random Korean and CJK.
        sentence_iterator=iter(t for t in texts[-2000:-1700] + texts[:-2000] if t.strip()),
        model_writer=model,
        vocab_size=2000, model_type="unigram", normalization_rule_name="nmt_nfkc",
        character_coverage=0.98, num_threads=1, hard_vocab_limit=False, minloglevel=2)
    # The SentencePiece model itself is not kept: ClozeScope reads the converted tokenizer.json.
    spm_file = tempfile.NamedTemporaryFile(suffix=".model", delete=False)
    spm_file.write(model.getvalue())
    spm_file.close()
    original = types.SimpleNamespace(vocab_file=spm_file.name,
                                     add_prefix_space=True, legacy=True,
                                     convert_tokens_to_ids={"<s>": 0, "</s>": 2}.get)
    tok = XLMRobertaConverter(original).converted()
    pathlib.Path(spm_file.name).unlink()
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False)
                            for t in ("<s>", "<pad>", "</s>", "<unk>")])
    tok.add_special_tokens([AddedToken("<mask>", special=True, lstrip=True, normalized=True)])
    write("xlm-roberta-hub", tok, {"tokenizer_class": "XLMRobertaTokenizer",
                                   "mask_token": "<mask>", "model_max_length": 512})


def bpe_metaspace(texts):
    tok = Tokenizer(models.BPE(unk_token="<unk>", byte_fallback=True, fuse_unk=True))
    tok.normalizer = normalizers.Sequence([normalizers.Prepend("▁"),
                                           normalizers.Replace(" ", "▁")])
    trainer = trainers.BpeTrainer(vocab_size=900, min_frequency=2,
                                  special_tokens=["<unk>", "<s>", "</s>", "<pad>"],
                                  limit_alphabet=400)
    tok.train_from_iterator(texts, trainer)
    # SentencePiece's byte pieces, in the model's vocabulary (not added tokens).
    doc = json.loads(tok.to_str())
    vocab = doc["model"]["vocab"]
    for b in range(256):
        vocab.setdefault(f"<0x{b:02X}>", len(vocab))
    tok = Tokenizer.from_str(json.dumps(doc))
    tok.add_special_tokens([AddedToken("<mask>", special=True, normalized=False)])
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", tok.token_to_id("<s>")),
                                              ("</s>", tok.token_to_id("</s>"))])
    tok.decoder = decoders.Sequence([decoders.Replace("▁", " "), decoders.ByteFallback(),
                                     decoders.Fuse(), decoders.Strip(" ", 1, 0)])
    write("bpe-metaspace", tok, {"mask_token": "<mask>"})
    tok.normalizer = None
    tok.pre_tokenizer = pre_tokenizers.Metaspace(prepend_scheme="first", split=False)
    tok.decoder = decoders.Metaspace(prepend_scheme="first", split=False)
    write("bpe-metaspace-first", tok, {"mask_token": "<mask>"})


def bpe_split_digits(texts):
    tok = Tokenizer(models.BPE())
    tok.normalizer = normalizers.Sequence([normalizers.NFKD(), normalizers.StripAccents(),
                                           normalizers.Lowercase()])
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(LLAMA3_SPLIT), behavior="isolated"),
        pre_tokenizers.Digits(individual_digits=True),
        pre_tokenizers.Punctuation(behavior="contiguous"),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=900, min_frequency=2,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  special_tokens=["[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]"])
    tok.train_from_iterator(texts, trainer)
    tok.add_tokens([AddedToken("<Mask>", normalized=True)])  # matched as "<mask>", normalised
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", tok.token_to_id("[CLS]")),
                                                 ("[SEP]", tok.token_to_id("[SEP]"))])
    write("bpe-split-digits", tok, {"mask_token": "[MASK]"})


def unigram_whitespace(texts):
    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.Sequence([normalizers.Strip(), normalizers.NFC(),
                                           normalizers.Replace(Regex(r"[0-9]{3,}"), "#")])
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Whitespace(),
        pre_tokenizers.Metaspace(prepend_scheme="first")])
    trainer = trainers.UnigramTrainer(vocab_size=1500, unk_token="[UNK]", shrinking_factor=0.75,
                                      special_tokens=["[CLS]", "[SEP]", "[PAD]", "[UNK]",
                                                      "[MASK]"])
    tok.train_from_iterator(texts[:-2000], trainer)  # the cloze sets: every character a piece
    tok.post_processor = processors.BertProcessing(("[SEP]", tok.token_to_id("[SEP]")),
                                                   ("[CLS]", tok.token_to_id("[CLS]")))
    write("unigram-whitespace", tok, {"mask_token": "[MASK]"})


def bert_uncased(texts):
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=900, limit_alphabet=400,
                                        special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]",
                                                        "[MASK]"])
    tok.train_from_iterator(texts, trainer)
    tok.post_processor = processors.BertProcessing(("[SEP]", tok.token_to_id("[SEP]")),
                                                   ("[CLS]", tok.token_to_id("[CLS]")))
    tok.decoder = decoders.WordPiece()
    write("bert-uncased", tok, {"do_lower_case": True, "mask_token": "[MASK]"})


def main():
    texts = training_texts()
    xlm_roberta_hub(texts, "--force" in sys.argv)
    bpe_metaspace(texts)
    bpe_split_digits(texts)
    unigram_whitespace(texts)
    bert_uncased(texts)
    (OUT / "PIPELINES.md").write_text(
        "Made by scripts/make_pipeline_tokenizers.py with tokenizers "
        f"{tokenizers.__version__}, sentencepiece {sentencepiece.__version__}, transformers "
        f"{transformers.__version__}.\n")


if __name__ == "__main__":
    main()
