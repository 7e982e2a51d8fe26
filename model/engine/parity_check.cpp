// SPDX-License-Identifier: MIT
#include "engine/parity_check.h"

#include "engine/fill_mask.h"
#include "results/json_reader.h"
#include "tokenizers/tokenizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

namespace cs {
namespace {

namespace fs = std::filesystem;

/// A checkpoint folder and the file of what transformers computed for it.
struct Fixture
{
    fs::path folder;
    fs::path expected;
};

const char *const expectedSuffix = ".expected.json";

std::vector<fs::path> fixtureDirs(const fs::path &root)
{
    std::vector<fs::path> dirs;
    for (const fs::path &d : {root, root / "hf-reference", root / "families", root / "storage"})
        if (fs::is_directory(d)) dirs.push_back(d);
    return dirs;
}

std::vector<fs::path> sortedEntries(const fs::path &dir)
{
    std::vector<fs::path> out;
    for (const auto &e : fs::directory_iterator(dir))
        out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Fixture> findFixtures(const fs::path &root)
{
    std::vector<fs::path> entries;
    for (const fs::path &dir : fixtureDirs(root))
        for (const fs::path &p : sortedEntries(dir))
            entries.push_back(p);
    std::map<std::string, fs::path> expectedByName;
    const std::string suffix = expectedSuffix;
    for (const fs::path &p : entries) {
        const std::string name = p.filename().string();
        if (name.size() > suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            expectedByName.emplace(name.substr(0, name.size() - suffix.size()), p);
    }
    std::vector<Fixture> out;
    for (const fs::path &p : entries) {
        if (!fs::exists(p / "config.json")) continue;
        const std::string name = p.filename().string();
        fs::path expected;
        if (const auto it = expectedByName.find(name); it != expectedByName.end())
            expected = it->second;
        else // storage/<reference>-<variant>: the longest reference name that prefixes it
            for (const auto &[ref, path] : expectedByName)
                if (name.rfind(ref + "-", 0) == 0) expected = path;
        if (!expected.empty()) out.push_back({p, expected});
    }
    return out;
}

std::vector<double> toDouble(const std::vector<float> &v)
{
    return std::vector<double>(v.begin(), v.end());
}

/// Largest absolute difference; infinite for rows of other lengths or any value not finite
/// (an fp16 overflow must not hide behind std::max's NaN rule).
double maxAbsDiff(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size()) return INFINITY;
    double m = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = std::fabs(a[i] - b[i]);
        if (!std::isfinite(d)) return INFINITY;
        m = std::max(m, d);
    }
    return m;
}

/// Compares the engine's logits at masked positions with transformers'.
class LogitComparison
{
  public:
    LogitComparison(ParityResult &r, const ParityOptions &o)
        : m_r(r), m_fullPrecision(o.engine.dtype == "fp32"), m_o(o)
    {
    }

    void add(const std::vector<float> &got, const std::vector<double> &want)
    {
        const std::vector<double> row = toDouble(got);
        const double diff = maxAbsDiff(row, want);
        m_r.maxDiff = std::max(m_r.maxDiff, diff);
        ++m_r.compared;
        if (!std::isfinite(diff)) return; // another length, NaN or infinity: never agreeing
        if (m_fullPrecision) {
            m_r.agreeing += topIndices(row, 5) == topIndices(want, 5) && diff <= m_o.tolerance;
            return;
        }
        const int ours = topIndices(row, 1).at(0), theirs = topIndices(want, 1).at(0);
        if (ours == theirs) {
            ++m_r.agreeing;
        } else if (want[std::size_t(ours)] >= want[std::size_t(theirs)] - m_o.tieMargin) {
            ++m_r.agreeing;
            ++m_r.nearTies;
        }
    }

  private:
    ParityResult &m_r;
    bool m_fullPrecision;
    const ParityOptions &m_o;
};

/// Runs one sequence and compares the logits at its masks with transformers' (maskLogits).
void addMaskLogits(LogitComparison &cmp, const MaskedLM &lm, const std::vector<int> &ids,
                   const std::vector<int> &positions, const nlohmann::json &maskLogits)
{
    const auto logits = lm.logitsAt({ids}, {positions}).at(0);
    for (std::size_t m = 0; m < positions.size(); ++m)
        cmp.add(logits[m], maskLogits.at(m).get<std::vector<double>>());
}

void addState(ParityResult &r, const std::vector<double> &got, const nlohmann::json &want,
              double tolerance)
{
    const double diff = maxAbsDiff(got, want.get<std::vector<double>>());
    r.maxDiff = std::max(r.maxDiff, diff);
    ++r.compared;
    r.agreeing += diff <= tolerance;
}

ParityResult checkTokenizer(const Tokenizer &tok, const nlohmann::json &cases)
{
    ParityResult r;
    r.check = "tokenizer";
    const auto list = [](const std::vector<int> &ids) {
        std::string s;
        for (int id : ids)
            s += (s.empty() ? "" : " ") + std::to_string(id);
        return "[" + s + "]";
    };
    for (const auto &c : cases) {
        ++r.compared;
        const std::string text = c.at("text").get<std::string>();
        const auto ours = tok.encode(text).ids;
        const auto want = c.at("input_ids").get<std::vector<int>>();
        r.agreeing += ours == want;
        if (ours != want && r.firstMismatch.empty())
            r.firstMismatch = nlohmann::json(text).dump(-1, ' ', true) + ": " + list(ours) +
                              ", transformers " + list(want);
    }
    return r;
}

std::vector<ParityResult> checkModel(const Fixture &f, const ParityOptions &o)
{
    std::vector<ParityResult> out;
    const JsonDocument read = readJsonFile(f.expected.string());
    if (!read.error.empty()) {
        ParityResult r;
        r.check = "read";
        r.error = f.expected.string() + ": " + read.error;
        return {r};
    }
    const nlohmann::json &expected = read.json;
    std::string error;
    const auto lm = MaskedLM::load(f.folder.string(), o.engine, error);
    if (!lm) {
        ParityResult r;
        r.check = "load";
        r.error = error;
        return {r};
    }
    // A folder without tokenizer files has no tokenizer row; one whose tokenizer fails to load
    // has a failing row.
    if (hasTokenizerFiles(f.folder.string()) && expected.contains("tokenizer")) {
        std::string tokError;
        if (const auto tok = loadTokenizer(f.folder.string(), tokError)) {
            out.push_back(checkTokenizer(*tok, expected.at("tokenizer")));
        } else {
            ParityResult r;
            r.check = "tokenizer";
            r.error = tokError;
            out.push_back(r);
        }
    }
    const bool full = o.engine.dtype == "fp32";

    ParityResult golden, hidden;
    golden.check = "golden";
    hidden.check = "hidden states";
    LogitComparison goldenLogits(golden, o);
    for (const auto &g : expected.at("golden")) {
        const auto ids = g.at("input_ids").get<std::vector<int>>();
        addMaskLogits(goldenLogits, *lm, ids, g.at("mask_positions").get<std::vector<int>>(),
                      g.at("mask_logits"));
        if (full && g.contains("hidden_states") && hidden.compared == 0) {
            const auto states = lm->hiddenStates(ids);
            const auto &want = g.at("hidden_states");
            for (std::size_t s = 0; s < want.size(); ++s)
                addState(hidden, s < states.size() ? toDouble(states[s]) : std::vector<double>{},
                         want.at(s), o.tolerance);
        }
    }
    out.push_back(golden);
    if (hidden.compared > 0) out.push_back(hidden);

    if (expected.contains("batch")) {
        ParityResult batch;
        batch.check = "padded batch";
        LogitComparison cmp(batch, o);
        std::vector<std::vector<int>> seqs, positions;
        const auto &rows = expected.at("batch").at("rows");
        for (const auto &row : rows) {
            auto ids = row.at("input_ids").get<std::vector<int>>();
            const auto mask = row.at("attention_mask").get<std::vector<int>>();
            ids.resize(std::size_t(std::count(mask.begin(), mask.end(), 1)));
            seqs.push_back(ids);
            positions.push_back(row.at("mask_positions").get<std::vector<int>>());
        }
        const auto logits = lm->logitsAt(seqs, positions);
        for (std::size_t b = 0; b < rows.size(); ++b)
            for (std::size_t m = 0; m < positions[b].size(); ++m)
                cmp.add(logits[b][m], rows[b].at("mask_logits").at(m).get<std::vector<double>>());
        out.push_back(batch);
    }

    if (expected.contains("long")) {
        ParityResult longer;
        longer.check = "long sequence";
        LogitComparison cmp(longer, o);
        const auto &l = expected.at("long");
        const auto ids = l.at("input_ids").get<std::vector<int>>();
        addMaskLogits(cmp, *lm, ids, l.at("mask_positions").get<std::vector<int>>(),
                      l.at("mask_logits"));
        if (full && l.contains("last_hidden_probe")) {
            const auto last = lm->hiddenStates(ids).back();
            const auto hidden = std::size_t(lm->config().hiddenSize);
            const auto probes = l.at("last_hidden_probe_positions").get<std::vector<int>>();
            for (std::size_t p = 0; p < probes.size(); ++p) {
                const auto at = std::size_t(probes[p]) * hidden;
                const std::vector<double> row =
                    probes[p] >= 0 && at + hidden <= last.size()
                        ? std::vector<double>(last.begin() + long(at),
                                              last.begin() + long(at + hidden))
                        : std::vector<double>{}; // outside the sequence: never agreeing
                addState(longer, row, l.at("last_hidden_probe").at(p), o.tolerance);
            }
        }
        out.push_back(longer);
    }
    return out;
}

} // namespace

std::vector<ParityResult> checkParity(const std::string &root, const ParityOptions &options,
                                      const std::function<bool(const std::string &)> &progress)
{
    std::vector<ParityResult> out;
    const auto fixtures = findFixtures(root);
    if (fixtures.empty()) {
        ParityResult r;
        r.model = root;
        r.check = "fixtures";
        r.error = "no <name>/ folder beside a <name>.expected.json here, in hf-reference/, "
                  "families/ or storage/";
        return {r};
    }
    for (const Fixture &f : fixtures) {
        const std::string model = f.folder.lexically_relative(root).generic_string();
        if (progress && !progress(model)) break;
        std::vector<ParityResult> results;
        try {
            results = checkModel(f, options);
        } catch (const nlohmann::json::exception &e) {
            ParityResult r;
            r.check = "read";
            r.error = f.expected.string() + ": " + e.what();
            results = {r};
        } catch (const std::exception &e) { // from LibTorch: a device error, a kernel missing
            ParityResult r;
            r.check = "run";
            r.error = e.what();
            results = {r};
        }
        for (auto &r : results) {
            r.model = model;
            out.push_back(std::move(r));
        }
    }
    return out;
}

} // namespace cs
