#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes tests/data/families/: tiny masked-LM checkpoints of the families beyond
../shared/fixtures/hf-reference, with random weights, saved by Hugging Face transformers, and
what transformers computes for them, in hf-reference's format (<name>.expected.json: tokenizer,
golden, batch, long; see tests/data/families/README.md).

- electra-tiny: ElectraForMaskedLM (a generator: embedding_size 16 < hidden 32, so
  embeddings_project and the generator head's projection back), bert-tiny's WordPiece tokenizer.
- distilbert-tiny: DistilBertForMaskedLM (its own names and config keys), the same tokenizer.
- xlm-roberta-tiny: XLMRobertaForMaskedLM (pad id 1, positions past the padding), a Unigram
  tokenizer with XLM-R's pipeline in transformers 5 (WhitespaceSplit, Metaspace), trained here
  on the cloze sets.
- roberta-bpe-tiny: RobertaForMaskedLM with the byte-level BPE tokenizer of
  tests/data/tokenizers/roberta-bpe-tiny (RoBERTa's real kind).
- modernbert-tiny: ModernBertForMaskedLM, 4 layers (global every third, the others local with
  a window of 16: ± 8), rotary bases 160 000 / 10 000, no biases but the decoder's, with the
  same byte-level BPE tokenizer.
Each has a 1 024-token case and a padded batch. Run with the environment scripts/torch-venv.sh
makes, plus transformers (scripts/bench-side-by-side.sh installs it):
    $(scripts/torch-venv.sh transformers==5.17.0 numpy)/bin/python scripts/make_family_fixtures.py
The tests read the files only.
"""
import json
import pathlib
import shutil


import tokenizers
import torch
import transformers
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers
from tokenizers import processors, trainers
from transformers import AutoTokenizer

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = DATA / "families"
REFERENCE = DATA / "hf-reference"


def reference_texts():
    """hf-reference's texts (bert-tiny), with [MASK] for the family's mask token later."""
    d = json.loads((REFERENCE / "bert-tiny.expected.json").read_text(encoding="utf-8"))
    return ([t["text"] for t in d["tokenizer"]], [g["text"] for g in d["golden"]],
            d["batch"]["texts"])


def cloze_corpus():
    corpus = []
    for name in ("real.jsonl", "lambada.jsonl"):
        for line in (DATA / "cloze" / name).read_text(encoding="utf-8").splitlines():
            corpus.append(json.loads(line).get("text", ""))
    return corpus


def xlmr_tokenizer(folder, previous=None):
    """A Unigram tokenizer.json with the pipeline transformers 5's XLMRobertaTokenizer builds (it
    rebuilds it whatever the file says): no normaliser, WhitespaceSplit then Metaspace,
    <s> $A </s>, <mask> with lstrip. Unigram training is not repeatable run to run, so the
    tokenizer.json already there (previous) is kept: the corpus ids were recorded with it."""
    if previous is not None:
        (folder / "tokenizer.json").write_bytes(previous)
        write_tokenizer_config(folder, "XLMRobertaTokenizer")
        return Tokenizer.from_file(str(folder / "tokenizer.json")).get_vocab_size()
    tok = Tokenizer(models.Unigram())
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.WhitespaceSplit(),
        pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")])
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    texts, golden, _ = reference_texts()
    trainer = trainers.UnigramTrainer(vocab_size=600, special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
                                      unk_token="<unk>")
    tok.train_from_iterator(cloze_corpus() + texts + golden, trainer)
    tok.add_special_tokens([AddedToken("<mask>", lstrip=True, special=True)])
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", tok.token_to_id("<s>")), ("</s>", tok.token_to_id("</s>"))])
    tok.save(str(folder / "tokenizer.json"))
    write_tokenizer_config(folder, "XLMRobertaTokenizer")
    return tok.get_vocab_size()


def write_tokenizer_config(folder, tokenizer_class):
    """tokenizer_config.json with RoBERTa's special tokens."""
    (folder / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": tokenizer_class, "bos_token": "<s>", "eos_token": "</s>",
        "cls_token": "<s>", "sep_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>",
        "mask_token": "<mask>", "model_max_length": 1024}, indent=2))


def bpe_tokenizer(folder, previous=None):
    shutil.copy(DATA / "tokenizers" / "roberta-bpe-tiny" / "tokenizer.json", folder)
    write_tokenizer_config(folder, "RobertaTokenizer")
    return Tokenizer.from_file(str(folder / "tokenizer.json")).get_vocab_size()


def wordpiece_tokenizer(folder, previous=None):
    for name in ("tokenizer.json", "tokenizer_config.json", "vocab.txt"):
        shutil.copy(REFERENCE / "bert-tiny" / name, folder)
    return Tokenizer.from_file(str(folder / "tokenizer.json")).get_vocab_size()


def families():
    """name: (model class, config keywords, tokenizer writer)."""
    small = dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64)
    return {
        "electra-tiny": (transformers.ElectraForMaskedLM,
                         dict(small, embedding_size=16, max_position_embeddings=1024,
                              hidden_act="gelu"), wordpiece_tokenizer),
        "distilbert-tiny": (transformers.DistilBertForMaskedLM,
                            dict(dim=32, hidden_dim=64, n_layers=2, n_heads=4,
                                 max_position_embeddings=1024, activation="gelu"),
                            wordpiece_tokenizer),
        "xlm-roberta-tiny": (transformers.XLMRobertaForMaskedLM,
                             dict(small, max_position_embeddings=1026, pad_token_id=1,
                                  bos_token_id=0, eos_token_id=2, type_vocab_size=1,
                                  layer_norm_eps=1e-5), xlmr_tokenizer),
        "modernbert-tiny": (transformers.ModernBertForMaskedLM,
                            dict(hidden_size=32, num_hidden_layers=4, num_attention_heads=4,
                                 intermediate_size=48, max_position_embeddings=1024,
                                 local_attention=16, global_attn_every_n_layers=3,
                                 pad_token_id=1, bos_token_id=0, eos_token_id=2, cls_token_id=0,
                                 sep_token_id=2), bpe_tokenizer),
        "roberta-bpe-tiny": (transformers.RobertaForMaskedLM,
                             dict(small, max_position_embeddings=1026, pad_token_id=1,
                                  bos_token_id=0, eos_token_id=2, type_vocab_size=1,
                                  layer_norm_eps=1e-5), bpe_tokenizer),
    }


def run(model, ids, mask=None):
    with torch.no_grad():
        ids_t = torch.tensor([ids] if isinstance(ids[0], int) else ids)
        mask_t = torch.ones_like(ids_t) if mask is None else torch.tensor(mask)
        return model(input_ids=ids_t, attention_mask=mask_t, output_hidden_states=True)


def rows(logits, positions):
    return [logits[p].tolist() for p in positions]


def top5(row):
    return torch.topk(torch.as_tensor(row), 5).indices.tolist()


def make(name, model_class, config_kw, write_tokenizer):
    folder = OUT / name
    previous = None
    if folder.exists():
        if (folder / "tokenizer.json").exists():
            previous = (folder / "tokenizer.json").read_bytes()
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    vocab = write_tokenizer(folder, previous)
    tok = AutoTokenizer.from_pretrained(str(folder))
    torch.manual_seed(42)
    config = model_class.config_class(vocab_size=vocab, **config_kw)
    model = model_class(config).eval()
    model.save_pretrained(str(folder))
    mask_token, mask_id, pad_id = tok.mask_token, tok.mask_token_id, tok.pad_token_id
    texts, golden_texts, batch_texts = reference_texts()
    swap = lambda t: t.replace("[MASK]", mask_token)
    out = {"name": name, "transformers": transformers.__version__, "torch": torch.__version__,
           "tokenizers": tokenizers.__version__, "model_class": model_class.__name__,
           "state_dict_keys": sorted(model.state_dict().keys()),
           "mask_token_id": mask_id, "pad_token_id": pad_id, "mask_token": mask_token}
    from safetensors import safe_open
    with safe_open(str(folder / "model.safetensors"), "pt") as f:
        out["saved_keys"] = sorted(f.keys())
    out["tokenizer"] = []
    for t in texts:
        enc = tok(swap(t))
        out["tokenizer"].append({"text": swap(t), "input_ids": enc["input_ids"],
                                 "tokens": tok.convert_ids_to_tokens(enc["input_ids"])})
    out["golden"] = []
    for i, t in enumerate(golden_texts):
        ids = tok(swap(t))["input_ids"]
        positions = [p for p, x in enumerate(ids) if x == mask_id]
        res = run(model, ids)
        logits = res.logits[0]
        g = {"text": swap(t), "input_ids": ids, "mask_positions": positions,
             "mask_logits": rows(logits, positions),
             "mask_top5": [top5(logits[p]) for p in positions]}
        if i == 0:
            g["hidden_states"] = [h[0].reshape(-1).tolist() for h in res.hidden_states]
            g["hidden_size"] = model.config.hidden_size if hasattr(model.config, "hidden_size") \
                else model.config.dim
        out["golden"].append(g)
    encoded = [tok(swap(t))["input_ids"] for t in batch_texts]
    longest = max(map(len, encoded))
    padded = [e + [pad_id] * (longest - len(e)) for e in encoded]
    masks = [[1] * len(e) + [0] * (longest - len(e)) for e in encoded]
    logits = run(model, padded, masks).logits
    out["batch"] = {"texts": [swap(t) for t in batch_texts], "rows": [
        {"input_ids": padded[b], "attention_mask": masks[b],
         "mask_positions": [p for p, x in enumerate(encoded[b]) if x == mask_id],
         "mask_logits": rows(logits[b], [p for p, x in enumerate(encoded[b]) if x == mask_id])}
        for b in range(len(padded))]}
    special = set(tok.all_special_ids)
    gen = torch.Generator().manual_seed(7)
    ordinary = [i for i in range(vocab) if i not in special]
    body = [ordinary[int(j)] for j in torch.randint(len(ordinary), (1022,), generator=gen)]
    long_ids = [tok.cls_token_id] + body + [tok.sep_token_id]
    positions = [3, 500, 1020]
    for p in positions:
        long_ids[p] = mask_id
    res = run(model, long_ids)
    probes = [0, 1, 511, 1023]
    out["long"] = {"input_ids": long_ids, "mask_positions": positions,
                   "mask_logits": rows(res.logits[0], positions),
                   "mask_top5": [top5(res.logits[0][p]) for p in positions],
                   "last_hidden_probe_positions": probes,
                   "last_hidden_probe": [res.hidden_states[-1][0][p].tolist() for p in probes]}
    (OUT / f"{name}.expected.json").write_text(json.dumps(out), encoding="utf-8")
    print(name, "vocab", vocab, "saved", len(out["saved_keys"]), "keys")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (model_class, config_kw, write_tokenizer) in families().items():
        make(name, model_class, config_kw, write_tokenizer)


if __name__ == "__main__":
    main()
