// SPDX-License-Identifier: MIT
#include "engine/masked_lm.h"

#include "checkpoint/safetensors.h"
#include "checkpoint/torch_bin.h"
#include "engine/torch_support.h"
#include "results/json_reader.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>

namespace cs {
namespace {

/// y = x Wᵀ + b
torch::Tensor linear(const torch::Tensor &x, const torch::Tensor &w, const torch::Tensor &b)
{
    return torch::nn::functional::linear(x, w, b);
}

} // namespace

struct MaskedLM::Impl
{
    ModelConfig config;
    torch::Device device = torch::kCPU;
    torch::Dtype dtype = torch::kFloat32;
    std::map<std::string, torch::Tensor> w;
    std::string prefix;     ///< "bert." / "roberta." / "deberta."
    CpuThreading threading; ///< how the CPU threads were shared out at load
    /// Per DeBERTa layer: the relative embeddings projected by the key and query weights.
    mutable std::map<std::string, std::pair<torch::Tensor, torch::Tensor>> m_positionCache;

    /// pytorch_model.bin written by torch.save (zip format), read by our own reader
    /// (checkpoint/torch_bin.h): LibTorch 1.13's pickle loader cannot read torch 2.x files.
    void loadPytorchBin(const std::filesystem::path &path)
    {
        TorchBinFile bin;
        std::string error;
        if (!bin.open(path.string(), error)) throw std::runtime_error(error);
        for (const auto &[name, t] : bin.tensors()) {
            auto view = torch::from_blob(const_cast<std::uint8_t *>(t.data), t.shape, t.strides,
                                         torch::TensorOptions().dtype(torchType(t.dtype)));
            auto owned = view.to(torch::kFloat32).clone(); // out of the file's bytes
            w.emplace(name, owned.to(device, torch::isFloatingType(torchType(t.dtype))
                                                 ? dtype
                                                 : owned.scalar_type()));
        }
    }

    const torch::Tensor &get(const std::string &name) const
    {
        auto it = w.find(name);
        if (it == w.end()) throw std::runtime_error("missing weight \"" + name + "\"");
        return it->second;
    }

    void expectShape(const std::string &name, std::vector<std::int64_t> shape) const
    {
        const auto &t = get(name);
        if (t.sizes().vec() != shape) {
            std::ostringstream s;
            s << "weight \"" << name << "\" has shape " << t.sizes() << ", the config needs "
              << torch::IntArrayRef(shape);
            throw std::runtime_error(s.str());
        }
    }

    /// Device, precision and CPU threads.
    void applyOptions(const EngineOptions &options)
    {
        device = engineDevice(options.device);
        dtype = engineDtype(options.dtype, device);
        threading =
            configureCpuThreads(options.threads, device.is_cpu() && dtype == torch::kFloat32);
    }

    /// The ConvLayer's configuration and weights (conv_kernel_size > 0).
    void checkConv() const
    {
        const int64_t h = config.hiddenSize, k = config.convKernelSize, g = config.convGroups;
        if (k % 2 == 0)
            throw std::runtime_error("conv_kernel_size " + std::to_string(k) +
                                     " is even: the convolution would change the sequence length");
        if (g <= 0 || h % g != 0)
            throw std::runtime_error("conv_groups " + std::to_string(g) +
                                     " does not divide hidden_size " + std::to_string(h));
        activate(torch::zeros({1}), config.convAct);
        expectShape("deberta.encoder.conv.conv.weight", {h, h / g, k});
        expectShape("deberta.encoder.conv.conv.bias", {h});
        expectShape("deberta.encoder.conv.LayerNorm.weight", {h});
        expectShape("deberta.encoder.conv.LayerNorm.bias", {h});
    }

    torch::Tensor layerNorm(const torch::Tensor &x, const std::string &name) const
    {
        return torch::layer_norm(x, {x.size(-1)}, get(name + ".weight"), get(name + ".bias"),
                                 config.layerNormEps);
    }

    torch::Tensor dense(const torch::Tensor &x, const std::string &name) const
    {
        return linear(x, get(name + ".weight"), get(name + ".bias"));
    }

    /// BERT / RoBERTa embeddings.
    torch::Tensor embed(const torch::Tensor &ids, const torch::Tensor &mask) const
    {
        torch::Tensor positions;
        if (config.architecture == Architecture::Roberta) {
            const auto notPad = ids.ne(config.padTokenId).to(torch::kInt64);
            positions = torch::cumsum(notPad, 1) * notPad + config.padTokenId;
        } else {
            positions = torch::arange(ids.size(1),
                                      torch::TensorOptions().dtype(torch::kInt64).device(device))
                            .unsqueeze(0)
                            .expand_as(ids);
        }
        (void)mask;
        auto x = torch::embedding(get(prefix + "embeddings.word_embeddings.weight"), ids) +
                 torch::embedding(get(prefix + "embeddings.position_embeddings.weight"), positions);
        if (config.typeVocabSize > 0)
            x = x + get(prefix + "embeddings.token_type_embeddings.weight")[0];
        return layerNorm(x, prefix + "embeddings.LayerNorm");
    }

    torch::Tensor layer(const torch::Tensor &x, const torch::Tensor &additiveMask, int i) const
    {
        const std::string p = prefix + "encoder.layer." + std::to_string(i) + ".";
        const int64_t heads = config.numHeads, dim = config.hiddenSize / config.numHeads;
        auto split = [&](const torch::Tensor &t) {
            return t.view({t.size(0), t.size(1), heads, dim}).transpose(1, 2);
        };
        const auto q = split(dense(x, p + "attention.self.query"));
        const auto k = split(dense(x, p + "attention.self.key"));
        const auto v = split(dense(x, p + "attention.self.value"));
        auto scores = torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(double(dim)) + additiveMask;
        auto context = torch::matmul(torch::softmax(scores, -1), v)
                           .transpose(1, 2)
                           .reshape({x.size(0), x.size(1), -1});
        const auto attn = layerNorm(dense(context, p + "attention.output.dense") + x,
                                    p + "attention.output.LayerNorm");
        const auto inter = activate(dense(attn, p + "intermediate.dense"), config.hiddenAct);
        return layerNorm(dense(inter, p + "output.dense") + attn, p + "output.LayerNorm");
    }

    // ---- DeBERTa-v2/v3 (transformers' modeling_deberta_v2, eval mode) ----

    /// Relative positions [L × L], log-bucketed when position_buckets > 0.
    torch::Tensor relativePositions(int64_t length) const
    {
        const auto opts = torch::TensorOptions().dtype(torch::kInt64).device(device);
        const auto ids = torch::arange(length, opts);
        auto rel = ids.unsqueeze(1) - ids.unsqueeze(0);
        const int64_t buckets = config.positionBuckets;
        const int64_t maxPos = config.maxRelativePositions < 1 ? config.maxPositionEmbeddings
                                                               : config.maxRelativePositions;
        if (buckets > 0 && maxPos > 0) {
            const int64_t mid = buckets / 2;
            const auto sign = torch::sign(rel);
            const auto absPos = torch::where((rel < mid) & (rel > -mid),
                                             torch::full_like(rel, mid - 1), torch::abs(rel));
            const auto logPos =
                torch::ceil(torch::log(absPos.to(torch::kFloat32) / double(mid)) /
                            std::log(double(maxPos - 1) / double(mid)) * double(mid - 1)) +
                double(mid);
            rel = torch::where(absPos <= mid, rel.to(torch::kFloat32), logPos * sign)
                      .to(torch::kInt64);
        }
        return rel;
    }

    /// Query/key/value projections in transformers' [batch·heads × L × d] layout.
    torch::Tensor heads(const torch::Tensor &x) const
    {
        const int64_t h = config.numHeads;
        return x.view({x.size(0), x.size(1), h, -1})
            .permute({0, 2, 1, 3})
            .contiguous()
            .view({-1, x.size(1), x.size(2) / h});
    }

    torch::Tensor disentangledBias(const std::string &p, const torch::Tensor &q,
                                   const torch::Tensor &k, const torch::Tensor &rel,
                                   const torch::Tensor &relEmb, double scaleFactor) const
    {
        const int64_t span = config.attentionSpan();
        const auto emb =
            relEmb.slice(0, 0, span * 2).unsqueeze(0); // a longer table: only its first 2·span rows
        const int64_t repeat = q.size(0) / config.numHeads;
        const bool c2p = std::count(config.posAttType.begin(), config.posAttType.end(), "c2p") > 0;
        const bool p2c = std::count(config.posAttType.begin(), config.posAttType.end(), "p2c") > 0;
        // The projections of the relative embeddings do not depend on the input: computed once
        // per layer and kept (they are most of the work at short lengths).
        auto &cached = m_positionCache[p];
        if (!cached.first.defined() && !cached.second.defined()) {
            if (config.shareAttKey) {
                cached.second = heads(dense(emb, p + "query_proj"));
                cached.first = heads(dense(emb, p + "key_proj"));
            } else {
                if (c2p) cached.first = heads(dense(emb, p + "pos_key_proj"));
                if (p2c) cached.second = heads(dense(emb, p + "pos_query_proj"));
            }
        }
        const torch::Tensor posKey =
            cached.first.defined() ? cached.first.repeat({repeat, 1, 1}) : torch::Tensor();
        const torch::Tensor posQuery =
            cached.second.defined() ? cached.second.repeat({repeat, 1, 1}) : torch::Tensor();
        const int64_t L = q.size(1);
        auto score = torch::zeros({q.size(0), L, L}, q.options());
        if (c2p) {
            const double scale = std::sqrt(double(posKey.size(-1)) * scaleFactor);
            auto att = torch::bmm(q, posKey.transpose(-1, -2));
            const auto pos =
                torch::clamp(rel + span, 0, span * 2 - 1).unsqueeze(0).expand({q.size(0), L, L});
            score = score + torch::gather(att, -1, pos) / scale;
        }
        if (p2c) {
            const double scale = std::sqrt(double(posQuery.size(-1)) * scaleFactor);
            const auto pos =
                torch::clamp(-rel + span, 0, span * 2 - 1).unsqueeze(0).expand({q.size(0), L, L});
            auto att = torch::bmm(k, posQuery.transpose(-1, -2));
            score = score + torch::gather(att, -1, pos).transpose(-1, -2) / scale;
        }
        return score;
    }

    torch::Tensor debertaLayer(const torch::Tensor &x, const torch::Tensor &pairMask,
                               const torch::Tensor &rel, const torch::Tensor &relEmb, int i) const
    {
        const std::string p = "deberta.encoder.layer." + std::to_string(i) + ".";
        const std::string a = p + "attention.self.";
        const auto q = heads(dense(x, a + "query_proj"));
        const auto k = heads(dense(x, a + "key_proj"));
        const auto v = heads(dense(x, a + "value_proj"));
        double scaleFactor = 1 + double(config.posAttType.size());
        if (!config.relativeAttention) scaleFactor = 1;
        const double scale = std::sqrt(double(q.size(-1)) * scaleFactor);
        auto scores = torch::bmm(q, k.transpose(-1, -2) / scale);
        if (config.relativeAttention)
            scores = scores + disentangledBias(a, q, k, rel, relEmb, scaleFactor);
        const int64_t L = x.size(1);
        scores = scores.view({-1, config.numHeads, L, L})
                     .masked_fill(pairMask.logical_not(), lowestOf(scores.scalar_type()));
        auto context = torch::bmm(torch::softmax(scores, -1).view({-1, L, L}), v)
                           .view({-1, config.numHeads, L, v.size(-1)})
                           .permute({0, 2, 1, 3})
                           .contiguous()
                           .view({x.size(0), L, -1});
        const auto attn = layerNorm(dense(context, p + "attention.output.dense") + x,
                                    p + "attention.output.LayerNorm");
        const auto inter = activate(dense(attn, p + "intermediate.dense"), config.hiddenAct);
        return layerNorm(dense(inter, p + "output.dense") + attn, p + "output.LayerNorm");
    }

    std::vector<torch::Tensor> debertaEncode(const torch::Tensor &ids,
                                             const torch::Tensor &mask) const
    {
        auto x = torch::embedding(get("deberta.embeddings.word_embeddings.weight"), ids);
        if (config.positionBiasedInput) {
            const auto positions = torch::arange(
                ids.size(1), torch::TensorOptions().dtype(torch::kInt64).device(device));
            x = x +
                torch::embedding(get("deberta.embeddings.position_embeddings.weight"), positions)
                    .unsqueeze(0);
        }
        if (config.typeVocabSize > 0)
            x = x + get("deberta.embeddings.token_type_embeddings.weight")[0];
        if (config.embeddingSize != config.hiddenSize)
            x = torch::matmul(x, get("deberta.embeddings.embed_proj.weight").t());
        x = layerNorm(x, "deberta.embeddings.LayerNorm") * mask.unsqueeze(-1).to(x.dtype());
        const auto m = mask.to(torch::kBool);
        const auto pairMask = (m.unsqueeze(1) & m.unsqueeze(2)).unsqueeze(1); // [B × 1 × L × L]
        torch::Tensor rel, relEmb;
        if (config.relativeAttention) {
            rel = relativePositions(ids.size(1));
            relEmb = get("deberta.encoder.rel_embeddings.weight");
            if (config.normRelEbdLayerNorm) relEmb = layerNorm(relEmb, "deberta.encoder.LayerNorm");
        }
        std::vector<torch::Tensor> states{x};
        for (int i = 0; i < config.numLayers; ++i) {
            states.push_back(debertaLayer(states.back(), pairMask, rel, relEmb, i));
            if (i == 0 && config.convKernelSize > 0)
                states.back() = debertaConv(states.front(), states.back(), mask);
        }
        return states;
    }

    /// transformers' ConvLayer after the first layer (conv_kernel_size > 0): a 1-D convolution
    /// over the embeddings, padding positions zeroed, activated, added to the layer's output and
    /// normalised; padding positions zero again.
    torch::Tensor debertaConv(const torch::Tensor &embedded, const torch::Tensor &layerOut,
                              const torch::Tensor &mask) const
    {
        const std::string c = "deberta.encoder.conv.";
        const int64_t k = config.convKernelSize;
        auto out = torch::conv1d(embedded.permute({0, 2, 1}), get(c + "conv.weight"),
                                 get(c + "conv.bias"), 1, (k - 1) / 2, 1, config.convGroups)
                       .permute({0, 2, 1});
        const auto keep = mask.unsqueeze(-1);
        out = activate(out.masked_fill(keep.eq(0), 0), config.convAct);
        return layerNorm(layerOut + out, c + "LayerNorm") * keep.to(out.dtype());
    }

    /// Every hidden state: embeddings, then each layer.
    std::vector<torch::Tensor> encode(const torch::Tensor &ids, const torch::Tensor &mask) const
    {
        if (config.architecture == Architecture::DebertaV2) return debertaEncode(ids, mask);
        const auto additive = (1.0 - mask.to(dtype)).unsqueeze(1).unsqueeze(2) * lowestOf(dtype);
        std::vector<torch::Tensor> states{embed(ids, mask)};
        for (int i = 0; i < config.numLayers; ++i)
            states.push_back(layer(states.back(), additive, i));
        return states;
    }

    /// The masked-LM head on selected hidden vectors [n × hidden] -> [n × vocab].
    torch::Tensor head(const torch::Tensor &h) const
    {
        if (config.architecture == Architecture::DebertaV2 &&
            w.count("lm_predictions.lm_head.dense.weight")) {
            auto x = activate(dense(h, "lm_predictions.lm_head.dense"), config.hiddenAct);
            x = layerNorm(x, "lm_predictions.lm_head.LayerNorm");
            return linear(x, get("deberta.embeddings.word_embeddings.weight"),
                          get("lm_predictions.lm_head.bias"));
        }
        if (config.architecture == Architecture::Roberta) {
            auto x = torch::gelu(dense(h, "lm_head.dense"));
            x = layerNorm(x, "lm_head.layer_norm");
            return linear(x, get("lm_head.decoder.weight"), get("lm_head.bias"));
        }
        auto x = activate(dense(h, "cls.predictions.transform.dense"), config.hiddenAct);
        x = layerNorm(x, "cls.predictions.transform.LayerNorm");
        return linear(x, get("cls.predictions.decoder.weight"), get("cls.predictions.bias"));
    }

    /// MaskedLM::logitsAt, with LibTorch's own errors.
    std::vector<std::vector<std::vector<float>>>
    logitsAt(const std::vector<std::vector<int>> &batch,
             const std::vector<std::vector<int>> &positions) const;

    /// Pads a batch on the right; returns ids and attention mask.
    std::pair<torch::Tensor, torch::Tensor> pad(const std::vector<std::vector<int>> &batch) const
    {
        std::size_t longest = 0;
        for (const auto &s : batch)
            longest = std::max(longest, s.size());
        auto ids = torch::full({int64_t(batch.size()), int64_t(longest)}, config.padTokenId,
                               torch::kInt64);
        auto mask = torch::zeros({int64_t(batch.size()), int64_t(longest)}, torch::kInt64);
        for (std::size_t b = 0; b < batch.size(); ++b)
            for (std::size_t t = 0; t < batch[b].size(); ++t) {
                if (batch[b][t] < 0 || batch[b][t] >= config.vocabSize)
                    throw std::runtime_error("token id " + std::to_string(batch[b][t]) +
                                             " outside the vocabulary");
                ids[int64_t(b)][int64_t(t)] = batch[b][t];
                mask[int64_t(b)][int64_t(t)] = 1;
            }
        return {ids.to(device), mask.to(device)};
    }
};

MaskedLM::MaskedLM() : d(std::make_unique<Impl>()) {}
MaskedLM::~MaskedLM() = default;

const ModelConfig &MaskedLM::config() const
{
    return d->config;
}

const CpuThreading &MaskedLM::cpuThreading() const
{
    return d->threading;
}

std::unique_ptr<MaskedLM> MaskedLM::load(const std::string &dirPath, const EngineOptions &options,
                                         std::string &error)
{
    namespace fs = std::filesystem;
    std::unique_ptr<MaskedLM> lm(new MaskedLM);
    Impl &m = *lm->d;
    try {
        const fs::path dir(dirPath);
        std::string configText, readError;
        if (!readTextFile((dir / "config.json").string(), configText, readError))
            throw std::runtime_error((dir / "config.json").string() + ": " + readError);
        if (const std::string e = parseModelConfig(configText, m.config); !e.empty())
            throw std::runtime_error((dir / "config.json").string() + ": " + e);
        m.applyOptions(options);
        if (!fs::exists(dir / "model.safetensors") &&
            !fs::exists(dir / "model.safetensors.index.json") &&
            fs::exists(dir / "pytorch_model.bin"))
            m.loadPytorchBin(dir / "pytorch_model.bin");
        SafetensorsCheckpoint ckpt;
        std::string e;
        if (m.w.empty() && !openSafetensorsCheckpoint(dirPath, ckpt, e))
            throw std::runtime_error(e + " (nor pytorch_model.bin)");
        for (const auto &[name, view] : ckpt.tensors) {
            auto t = torch::from_blob(const_cast<std::uint8_t *>(view->data), view->shape,
                                      torch::TensorOptions().dtype(torchType(view->dtype)));
            auto owned =
                t.to(torch::kFloat32).clone(); // leaves the mapping; computed in fp32 first
            m.w.emplace(name, owned.to(m.device, torch::isFloatingType(owned.scalar_type())
                                                     ? m.dtype
                                                     : owned.scalar_type()));
        }
        m.prefix = m.config.architecture == Architecture::Roberta     ? "roberta."
                   : m.config.architecture == Architecture::DebertaV2 ? "deberta."
                                                                      : "bert.";
        // Tied weights absent from safetensors are restored.
        const std::string headPrefix =
            m.config.architecture == Architecture::Roberta ? "lm_head." : "cls.predictions.";
        if (!m.w.count(headPrefix + "decoder.weight"))
            m.w[headPrefix + "decoder.weight"] =
                m.get(m.prefix + "embeddings.word_embeddings.weight");
        const int64_t h = m.config.hiddenSize;
        m.expectShape(m.prefix + "embeddings.word_embeddings.weight",
                      {m.config.vocabSize, m.config.embeddingSize});
        const bool deberta = m.config.architecture == Architecture::DebertaV2;
        if (deberta && m.config.relativeAttention) {
            const auto rows = m.get("deberta.encoder.rel_embeddings.weight").size(0);
            if (rows < 2 * m.config.attentionSpan())
                throw std::runtime_error("rel_embeddings has " + std::to_string(rows) +
                                         " rows, the config needs " +
                                         std::to_string(2 * m.config.attentionSpan()));
        }
        activate(torch::zeros({1}), m.config.hiddenAct); // an unknown name is refused here
        if (deberta && m.config.convKernelSize > 0) m.checkConv();
        for (int i = 0; i < m.config.numLayers; ++i) {
            const std::string p = m.prefix + "encoder.layer." + std::to_string(i) + ".";
            for (const char *qkv : {"query", "key", "value"})
                m.expectShape(p + "attention.self." + qkv + (deberta ? "_proj" : "") + ".weight",
                              {h, h});
            m.expectShape(p + "intermediate.dense.weight", {m.config.intermediateSize, h});
            m.expectShape(p + "output.dense.weight", {h, m.config.intermediateSize});
            m.expectShape(p + "attention.output.dense.weight", {h, h});
            for (const char *norm : {"attention.output.LayerNorm", "output.LayerNorm"})
                m.expectShape(p + norm + ".weight", {h});
        }
    } catch (const c10::Error &e) {
        error = dirPath + ": " + e.what_without_backtrace();
        return nullptr;
    } catch (const std::exception &e) {
        error = e.what();
        return nullptr;
    }
    return lm;
}

std::unique_ptr<MaskedLM> MaskedLM::randomDeberta(const ModelConfig &config,
                                                  const EngineOptions &options, std::uint64_t seed)
{
    std::unique_ptr<MaskedLM> lm(new MaskedLM);
    Impl &m = *lm->d;
    m.config = config;
    m.applyOptions(options);
    m.prefix = "deberta.";
    torch::manual_seed(seed);
    const auto opts = torch::TensorOptions().dtype(m.dtype).device(m.device);
    const int64_t h = config.hiddenSize, v = config.vocabSize, inter = config.intermediateSize;
    // Drawn in fp32 on the CPU, then converted: one seed gives the same weights in every dtype.
    auto normal = [&](std::vector<int64_t> shape) {
        return (torch::randn(shape, torch::kFloat32) * 0.02).to(opts);
    };
    auto norm = [&](const std::string &name, int64_t size) {
        m.w[name + ".weight"] = torch::ones({size}, opts);
        m.w[name + ".bias"] = torch::zeros({size}, opts);
    };
    auto linearW = [&](const std::string &name, int64_t out, int64_t in) {
        m.w[name + ".weight"] = normal({out, in});
        m.w[name + ".bias"] = torch::zeros({out}, opts);
    };
    m.w["deberta.embeddings.word_embeddings.weight"] = normal({v, h});
    norm("deberta.embeddings.LayerNorm", h);
    m.w["deberta.encoder.rel_embeddings.weight"] = normal({2 * config.attentionSpan(), h});
    norm("deberta.encoder.LayerNorm", h);
    for (int i = 0; i < config.numLayers; ++i) {
        const std::string p = "deberta.encoder.layer." + std::to_string(i) + ".";
        for (const char *proj : {"query_proj", "key_proj", "value_proj"})
            linearW(p + "attention.self." + proj, h, h);
        linearW(p + "attention.output.dense", h, h);
        norm(p + "attention.output.LayerNorm", h);
        linearW(p + "intermediate.dense", inter, h);
        linearW(p + "output.dense", h, inter);
        norm(p + "output.LayerNorm", h);
    }
    linearW("cls.predictions.transform.dense", h, h);
    norm("cls.predictions.transform.LayerNorm", h);
    m.w["cls.predictions.bias"] = torch::zeros({v}, opts);
    m.w["cls.predictions.decoder.weight"] = m.w["deberta.embeddings.word_embeddings.weight"];
    return lm;
}

std::vector<std::vector<std::vector<float>>>
MaskedLM::logitsAt(const std::vector<std::vector<int>> &batch,
                   const std::vector<std::vector<int>> &positions) const
{
    return withoutBacktrace([&] { return d->logitsAt(batch, positions); });
}

std::vector<std::vector<std::vector<float>>>
MaskedLM::Impl::logitsAt(const std::vector<std::vector<int>> &batch,
                         const std::vector<std::vector<int>> &positions) const
{
    torch::NoGradGuard noGrad;
    const auto [ids, mask] = pad(batch);
    const auto hidden = encode(ids, mask).back();
    std::vector<std::vector<std::vector<float>>> out(batch.size());
    for (std::size_t b = 0; b < batch.size() && b < positions.size(); ++b) {
        if (positions[b].empty()) continue;
        std::vector<int64_t> at(positions[b].begin(), positions[b].end());
        const auto index = torch::tensor(at, torch::kInt64).to(device);
        const auto logits = head(hidden[int64_t(b)].index_select(0, index))
                                .to(torch::kCPU, torch::kFloat32)
                                .contiguous();
        for (int64_t r = 0; r < logits.size(0); ++r) {
            const float *row = logits[r].data_ptr<float>();
            out[b].emplace_back(row, row + logits.size(1));
        }
    }
    return out;
}

std::vector<std::vector<float>> MaskedLM::hiddenStates(const std::vector<int> &ids) const
{
    return withoutBacktrace([&] {
        torch::NoGradGuard noGrad;
        const auto [t, mask] = d->pad({ids});
        std::vector<std::vector<float>> out;
        for (const auto &state : d->encode(t, mask)) {
            const auto flat = state[0].to(torch::kCPU, torch::kFloat32).contiguous().view({-1});
            out.emplace_back(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
        }
        return out;
    });
}

} // namespace cs
