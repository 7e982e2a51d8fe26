// SPDX-License-Identifier: MIT
#include "results/import_common.h"

#include "results/json_reader.h"
#include "results/metric_aliases.h"
#include "results/run_naming.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace cs {

void ImportSink::problem(Severity severity, const std::string &location, const std::string &message,
                         ProblemCode code)
{
    m_out.problems.push_back({severity, m_out.path, location, message, code});
}

std::string ImportSink::canonical(const std::string &key) const
{
    return m_aliases.canonical(key);
}

std::string ImportSink::metric(Checkpoint &cp, const std::string &key, const nlohmann::json &value,
                               const std::string &location, std::optional<std::int64_t> n)
{
    const auto v = numberValue(value);
    if (!v) {
        problem(Severity::Warning, location,
                "metric \"" + key + "\" is " + std::string(value.type_name()) +
                    ", not a number; skipped",
                ProblemCode::BadValue);
        return {};
    }
    return metric(cp, key, *v, location, n);
}

std::string ImportSink::metric(Checkpoint &cp, const std::string &key, double value,
                               const std::string &location, std::optional<std::int64_t> n)
{
    if (!std::isfinite(value)) {
        problem(Severity::Warning, location,
                "metric \"" + key + "\" is " + (std::isnan(value) ? "NaN" : "infinite") +
                    "; skipped",
                ProblemCode::BadValue);
        return {};
    }
    const std::string id = canonical(key);
    if (auto it = cp.metrics.find(id); it != cp.metrics.end()) {
        problem(Severity::Warning, location,
                "\"" + key + "\" is " + id + " again (already " + std::to_string(it->second.value) +
                    " from " + it->second.source + "); kept the first");
        return {};
    }
    MetricValue mv;
    mv.value = value;
    // A count of examples belongs to proportions, never to losses or perplexities.
    if (n && *n > 0 && !m_aliases.lowerIsBetter(id)) mv.n = n;
    mv.source = m_out.path + ": " + location;
    cp.metrics[id] = std::move(mv);
    return id;
}

std::optional<int> seqLenValue(const nlohmann::json &j)
{
    const auto v = integerValue(j);
    if (!v || *v <= 0 || *v > (1 << 24)) return std::nullopt;
    return static_cast<int>(*v);
}

std::optional<std::int64_t> countValue(const nlohmann::json &j)
{
    const auto v = integerValue(j);
    return v && *v > 0 ? v : std::nullopt;
}

std::optional<double> finiteNumber(const nlohmann::json &j)
{
    const auto v = numberValue(j);
    return v && std::isfinite(*v) ? v : std::nullopt;
}

bool isNonMetricKey(const std::string &key)
{
    static const std::set<std::string> names = {"checkpoint",
                                                "checkpoint_info",
                                                "checkpoint_name",
                                                "name",
                                                "path",
                                                "run",
                                                "experiment",
                                                "seq_len",
                                                "step",
                                                "global_step",
                                                "epoch",
                                                "epochs",
                                                "evaluated_at",
                                                "finished_at",
                                                "coref_samples",
                                                "lambada_limit",
                                                "coref_limit",
                                                "score",
                                                "n",
                                                "num_examples",
                                                "timings",
                                                "time",
                                                "dataset",
                                                "original",
                                                "eval_samples",
                                                "train_samples",
                                                "total_flos",
                                                "learning_rate",
                                                "grad_norm",
                                                "num_input_tokens_seen"};
    if (names.count(key)) return true;
    for (const char *suffix : {"_time", "_seconds", "_runtime", "_per_second", "_minutes"}) {
        const std::string s(suffix);
        if (key.size() > s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0)
            return true;
    }
    return false;
}

bool isEvalMetricKey(const std::string &key)
{
    static const std::set<std::string> notMetrics = {"eval_runtime", "eval_samples_per_second",
                                                     "eval_steps_per_second", "eval_samples"};
    if (notMetrics.count(key) || isNonMetricKey(key)) return false;
    return key.rfind("eval_", 0) == 0 || key == "perplexity";
}

std::string hfMetricName(const std::string &tag)
{
    for (const char *prefix : {"eval/", "test/"})
        if (tag.rfind(prefix, 0) == 0) return std::string(prefix, 4) + "_" + tag.substr(5);
    if (tag.rfind("train/", 0) == 0) return tag.substr(6);
    return tag;
}

std::string indexLocation(const std::string &base, std::size_t index)
{
    return base + "[" + std::to_string(index) + "]";
}

void completeCheckpointIdentity(Checkpoint &cp)
{
    if (!cp.step && !cp.name.empty()) cp.step = stepFromCheckpointName(cp.name);
    if (cp.name.empty() && cp.step) cp.name = "checkpoint-" + std::to_string(*cp.step);
    if (cp.name.empty() && cp.epoch) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "epoch-%g", *cp.epoch);
        cp.name = buf;
    }
}

namespace {

void readIdentity(const nlohmann::json &obj, ImportedRecord &rec, const std::string &location,
                  ImportSink &sink)
{
    Checkpoint &cp = rec.checkpoint;
    const nlohmann::json *info = nullptr;
    if (auto it = obj.find("checkpoint_info"); it != obj.end() && it->is_object()) info = &*it;
    auto field = [&](const char *key) -> const nlohmann::json * {
        if (auto it = obj.find(key); it != obj.end() && !it->is_null()) return &*it;
        if (info)
            if (auto it = info->find(key); it != info->end() && !it->is_null()) return &*it;
        return nullptr;
    };
    if (const auto *p = field("checkpoint"); p && p->is_string())
        cp.path = p->get<std::string>();
    else if (const auto *q = field("path"); q && q->is_string())
        cp.path = q->get<std::string>();
    if (!cp.path.empty()) {
        const auto parts = checkpointPathComponents(cp.path);
        if (!parts.empty()) cp.name = parts.back();
        rec.runName = runNameFromComponents(
            std::vector<std::string>(parts.begin(), parts.empty() ? parts.end() : parts.end() - 1));
    } else if (const auto *nm = field("name"); nm && nm->is_string()) {
        cp.name = nm->get<std::string>();
    }
    for (const char *key : {"step", "global_step"}) {
        if (const auto *s = field(key)) {
            if (auto v = integerValue(*s))
                cp.step = *v;
            else
                sink.problem(Severity::Warning, location + "." + key,
                             std::string("\"") + key + "\" is not an integer; ignored",
                             ProblemCode::BadValue);
            break;
        }
    }
    if (const auto *e = field("epoch")) {
        const auto v = numberValue(*e);
        if (v && std::isfinite(*v)) {
            cp.epoch = *v;
            cp.epochSource = EpochSource::File;
        } else {
            sink.problem(Severity::Warning, location + ".epoch",
                         "\"epoch\" is not a finite number; ignored", ProblemCode::BadValue);
        }
    }
    if (const auto *s = field("seq_len")) {
        if (auto v = seqLenValue(*s))
            rec.seqLen = *v;
        else
            sink.problem(Severity::Warning, location + ".seq_len",
                         "\"seq_len\" is not a positive integer; ignored", ProblemCode::BadValue);
    }
    if (const auto *r = field("run"); r && r->is_string()) rec.runName = r->get<std::string>();
    if (const auto *x = field("experiment"); x && x->is_string())
        rec.experiment = x->get<std::string>();
    completeCheckpointIdentity(cp);
}

} // namespace

ImportedRecord parseRecord(const nlohmann::json &obj, const std::string &location, ImportSink &sink,
                           const RecordRules &rules)
{
    ImportedRecord rec;
    readIdentity(obj, rec, location, sink);
    Checkpoint &cp = rec.checkpoint;
    cp.sources.push_back(sink.out().path);

    std::optional<std::int64_t> recordN, corefN;
    if (auto it = obj.find("n"); it != obj.end() && !(recordN = countValue(*it)))
        sink.problem(Severity::Warning, location + ".n",
                     "\"n\" is not a positive integer; n unknown", ProblemCode::BadValue);
    if (auto it = obj.find("coref_samples"); it != obj.end()) {
        corefN = countValue(*it);
        if (!corefN) {
            sink.problem(Severity::Warning, location + ".coref_samples",
                         "\"coref_samples\" is not a positive integer; Real@k n unknown",
                         ProblemCode::BadValue);
            corefN.reset();
        }
    }
    for (const auto &[key, value] : obj.items()) {
        if (isNonMetricKey(key) || value.is_object() || value.is_array()) continue;
        const std::string id = sink.canonical(key);
        const bool known = id != key || value.is_number();
        if (!known && !numberValue(value)) continue; // descriptive strings and flags
        std::optional<std::int64_t> n = recordN;
        if (id == metric::Lambada1)
            n = n ? n : rules.lambadaN;
        else if (rules.seedEvaluator && corefN)
            n = corefN;
        sink.metric(cp, key, value, location + "." + key, n);
    }
    if (auto it = obj.find("score"); it != obj.end() && !it->is_null()) {
        if (auto v = numberValue(*it); v && std::isfinite(*v)) {
            FileScore fs;
            fs.value = *v;
            const bool coref = cp.metrics.count("coref_f1") && !cp.metrics.count(metric::Real1);
            fs.basis =
                coref ? std::vector<std::string>{"coref_f1", "coref_top5", metric::Lambada1}
                      : std::vector<std::string>{metric::Real1, metric::Real5, metric::Lambada1};
            fs.source = sink.out().path + ": " + location + ".score";
            cp.fileScores.push_back(fs);
        } else {
            sink.problem(Severity::Warning, location + ".score",
                         "\"score\" is not a finite number; ignored", ProblemCode::BadValue);
        }
    }
    return rec;
}

} // namespace cs
