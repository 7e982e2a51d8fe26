// SPDX-License-Identifier: MIT
#include "formats/results_format.h"

#include "results/import_common.h"
#include "results/json_reader.h"

#include <charconv>

namespace cs {
namespace {

using json = nlohmann::json;

const json *member(const json &obj, const char *key)
{
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

/// Reads a document's parts, reporting each value of the wrong type where it is.
class Reader
{
  public:
    explicit Reader(const FormatProblemFn &problem) : m_problem(problem) {}

    void warn(const std::string &loc, const std::string &message) const
    {
        if (m_problem) m_problem(Severity::Warning, loc, message);
    }
    void fail(const std::string &loc, const std::string &message) const
    {
        if (m_problem) m_problem(Severity::Error, loc, message);
    }

    /// A string member; "" when absent, a warning when it has another type.
    std::string text(const json &obj, const char *key, const std::string &loc) const
    {
        const json *v = member(obj, key);
        if (!v) return {};
        if (!v->is_string()) {
            warn(loc + "." + key, "not a string; ignored");
            return {};
        }
        return v->get<std::string>();
    }

    ResultsMetric metric(const std::string &key, const json &m, const std::string &loc) const
    {
        ResultsMetric out;
        out.key = key;
        out.location = loc;
        const json *value = m.is_object() ? member(m, "value") : &m;
        if (!value) {
            warn(loc, "metric has no \"value\"; skipped");
            return out;
        }
        out.value = *value;
        if (!m.is_object()) return out;
        if (const json *nv = member(m, "n"); nv && !(out.n = countValue(*nv)))
            warn(loc + ".n", "\"n\" is not a positive integer; n unknown");
        if (const json *c = member(m, "count")) out.count = integerValue(*c);
        if (const json *k = member(m, "k"))
            if (auto v = integerValue(*k); v && *v > 0 && *v < 1'000'000) out.k = int(*v);
        out.dataset = text(m, "dataset", loc);
        if (const json *se = member(m, "stderr"))
            if (auto v = finiteNumber(*se); v && *v >= 0) out.stderr_ = *v;
        return out;
    }

    /// One checkpoint entry; false when it has no metrics (it is read all the same: its
    /// examples may be).
    bool checkpoint(const json &entry, const std::string &loc, ResultsCheckpoint &cp) const
    {
        static const json none = json::object();
        cp.location = loc;
        const json *ckptPtr = member(entry, "checkpoint");
        const json &ckpt = ckptPtr ? *ckptPtr : none;
        if (ckpt.is_string()) cp.name = ckpt.get<std::string>();
        cp.name = cp.name.empty() ? text(ckpt, "name", loc + ".checkpoint") : cp.name;
        cp.path = text(ckpt, "path", loc + ".checkpoint");
        if (const json *st = member(ckpt, "step"); st && !(cp.step = integerValue(*st)))
            warn(loc + ".checkpoint.step", "not an integer; ignored");
        if (const json *ep = member(ckpt, "epoch"); ep && !(cp.epoch = finiteNumber(*ep)))
            warn(loc + ".checkpoint.epoch", "not a finite number; ignored");
        if (const json *ex = member(entry, "examples"); ex && ex->is_string())
            cp.examples = ex->get<std::string>();
        const json *metrics = member(entry, "metrics");
        if (!metrics || !metrics->is_object() || metrics->empty()) {
            warn(loc + ".metrics", "no metrics; checkpoint skipped");
            return false;
        }
        for (const auto &[key, m] : metrics->items())
            if (ResultsMetric rm = metric(key, m, loc + ".metrics." + key); !rm.value.is_null())
                cp.metrics.push_back(std::move(rm));
        return true;
    }

    ResultsDataset dataset(const json &set, const std::string &loc) const
    {
        ResultsDataset d;
        d.file = text(set, "file", loc);
        d.path = text(set, "path", loc);
        d.sha256 = text(set, "sha256", loc);
        if (const json *n = member(set, "n")) d.n = countValue(*n);
        if (const json *skipped = member(set, "skipped"); skipped && skipped->is_array())
            for (const json &s : *skipped)
                if (s.is_object())
                    d.skipped.push_back({text(s, "id", loc + ".skipped"),
                                         integerValue(s.value("line", json())).value_or(0),
                                         text(s, "reason", loc + ".skipped")});
        return d;
    }

  private:
    const FormatProblemFn &m_problem;
};

/// Where a file's one checkpoint is read when it has no "checkpoints" list.
const char *const kTopLevel = "(top level)";

json checkpointJson(const ResultsCheckpoint &cp)
{
    json checkpoint = {{"name", cp.name}};
    if (!cp.path.empty()) checkpoint["path"] = cp.path;
    if (cp.step) checkpoint["step"] = *cp.step;
    if (cp.epoch) checkpoint["epoch"] = *cp.epoch;
    json metrics = json::object();
    for (const ResultsMetric &m : cp.metrics) {
        json &j = metrics[m.key] = {{"value", m.value}};
        if (m.count) j["count"] = *m.count;
        if (m.n) j["n"] = *m.n;
        if (!m.dataset.empty()) j["dataset"] = m.dataset;
        if (m.k) j["k"] = *m.k;
        if (m.stderr_) j["stderr"] = *m.stderr_;
    }
    json out = {{"checkpoint", checkpoint}, {"metrics", metrics}};
    if (!cp.examples.empty()) out["examples"] = cp.examples;
    return out;
}

} // namespace

json resultsJson(const ResultsFile &file)
{
    json run = {{"name", file.runName}};
    if (!file.experiment.empty()) run["experiment"] = file.experiment;
    if (file.seqLen) run["seq_len"] = *file.seqLen;
    if (file.stepsPerEpoch) run["steps_per_epoch"] = *file.stepsPerEpoch;
    json datasets = json::object();
    for (const auto &[name, d] : file.datasets) {
        json &j = datasets[name] = {{"file", d.file}, {"sha256", d.sha256}};
        if (!d.path.empty()) j["path"] = d.path;
        if (d.n) j["n"] = *d.n;
        if (!d.skipped.empty()) {
            j["skipped"] = json::array();
            for (const SkippedLine &s : d.skipped)
                j["skipped"].push_back({{"id", s.id}, {"line", s.line}, {"reason", s.reason}});
        }
    }
    json doc = {{"format", kResultsFormat},
                {"version", file.version},
                {"run", run},
                {"datasets", datasets}};
    if (file.checkpoints.size() == 1) {
        doc.update(checkpointJson(file.checkpoints.front()));
    } else {
        doc["checkpoints"] = json::array();
        for (const ResultsCheckpoint &cp : file.checkpoints)
            doc["checkpoints"].push_back(checkpointJson(cp));
    }
    if (const auto &s = file.settings) {
        json &j = doc["settings"] = json::object();
        if (s->maxLength) j["max_length"] = *s->maxLength;
        if (s->rightKeep) j["right_keep"] = *s->rightKeep;
        if (!s->dtype.empty()) j["dtype"] = s->dtype;
        if (!s->device.empty()) j["device"] = s->device;
    }
    if (!file.createdBy.empty() || !file.createdAt.empty() || file.seconds) {
        json &j = doc["created"] = {{"by", file.createdBy}, {"at", file.createdAt}};
        if (file.seconds) j["seconds"] = *file.seconds;
    }
    return doc;
}

bool readResults(const json &doc, ResultsFile &out, const FormatProblemFn &problem)
{
    const Reader r(problem);
    const json *versionField = member(doc, "version");
    const auto version = versionField ? integerValue(*versionField) : std::nullopt;
    if (!version || *version < 1) {
        r.fail("version", "missing or invalid \"version\"");
        return false;
    }
    if (*version > kResultsVersion) {
        r.fail("version", "format version " + std::to_string(*version) +
                              " is newer than this ClozeScope reads (" +
                              std::to_string(kResultsVersion) + "); please update");
        return false;
    }
    out.version = int(*version);
    if (const json *run = member(doc, "run")) {
        out.runName = r.text(*run, "name", "run");
        out.experiment = r.text(*run, "experiment", "run");
        if (const json *len = member(*run, "seq_len"); len && !(out.seqLen = seqLenValue(*len)))
            r.warn("run.seq_len", "not a positive integer; ignored");
        if (const json *spe = member(*run, "steps_per_epoch"))
            if (auto v = finiteNumber(*spe); v && *v > 0) out.stepsPerEpoch = *v;
    }
    if (const json *sets = member(doc, "datasets"); sets && sets->is_object())
        for (const auto &[name, set] : sets->items())
            if (set.is_object()) out.datasets[name] = r.dataset(set, "datasets." + name);
    if (const json *s = member(doc, "settings"); s && s->is_object()) {
        ResultsSettings &settings = out.settings.emplace();
        if (auto v = integerValue(s->value("max_length", json()))) settings.maxLength = int(*v);
        if (auto v = integerValue(s->value("right_keep", json()))) settings.rightKeep = int(*v);
        settings.dtype = r.text(*s, "dtype", "settings");
        settings.device = r.text(*s, "device", "settings");
    }
    if (const json *c = member(doc, "created"); c && c->is_object()) {
        out.createdBy = r.text(*c, "by", "created");
        out.createdAt = r.text(*c, "at", "created");
        if (const json *sec = member(*c, "seconds")) out.seconds = finiteNumber(*sec);
    }
    if (auto list = doc.find("checkpoints"); list != doc.end()) {
        if (!list->is_array()) {
            r.fail("checkpoints", "\"checkpoints\" is not a list");
            return true;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            ResultsCheckpoint &cp = out.checkpoints.emplace_back();
            r.checkpoint((*list)[i], indexLocation("checkpoints", i), cp);
        }
    } else {
        r.checkpoint(doc, kTopLevel, out.checkpoints.emplace_back());
    }
    return true;
}

std::string exampleLineText(const ExampleLine &line)
{
    json hits = json::object(), top = json::array();
    for (const auto &[k, hit] : line.hits)
        hits[std::to_string(k)] = hit;
    for (const ExampleFilling &f : line.top)
        top.push_back({{"ids", f.ids}, {"tokens", f.tokens}, {"logprob", f.logprob}});
    json j = {{"id", line.id},
              {"dataset", line.dataset},
              {"rank", line.rank ? json(*line.rank) : json()},
              {"answer_ids", line.answerIds},
              {"hits", hits},
              {"top", top}};
    if (line.goldLogprob) j["gold_logprob"] = *line.goldLogprob;
    if (line.inputLength) j["input_length"] = *line.inputLength;
    if (line.untruncatedLength) j["untruncated_length"] = *line.untruncatedLength;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<ExampleLine> readExampleLine(const json &record, std::string &why)
{
    const json *id = member(record, "id"), *ds = member(record, "dataset"),
               *hits = member(record, "hits");
    if (!id || !id->is_string() || !ds || !ds->is_string() || !hits || !hits->is_object()) {
        why = "record needs \"id\", \"dataset\" and \"hits\"";
        return std::nullopt;
    }
    ExampleLine e;
    e.id = id->get<std::string>();
    e.dataset = ds->get<std::string>();
    for (const auto &[key, hit] : hits->items()) {
        int k = 0;
        const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), k);
        if (error == std::errc() && end == key.data() + key.size() && hit.is_boolean())
            e.hits[k] = hit.get<bool>();
    }
    if (const json *r = member(record, "rank"))
        if (auto v = integerValue(*r)) e.rank = int(*v);
    if (const json *g = member(record, "gold_logprob")) e.goldLogprob = numberValue(*g);
    const auto ints = [](const json *list, std::vector<int> &to) {
        if (list && list->is_array())
            for (const json &i : *list)
                if (auto v = integerValue(i)) to.push_back(int(*v));
    };
    ints(member(record, "answer_ids"), e.answerIds);
    if (const json *n = member(record, "input_length")) e.inputLength = integerValue(*n);
    if (const json *n = member(record, "untruncated_length"))
        e.untruncatedLength = integerValue(*n);
    if (const json *top = member(record, "top"); top && top->is_array())
        for (const json &f : *top) {
            if (!f.is_object()) continue;
            ExampleFilling filling;
            ints(member(f, "ids"), filling.ids);
            if (const json *tokens = member(f, "tokens"); tokens && tokens->is_array())
                for (const json &t : *tokens)
                    if (t.is_string()) filling.tokens.push_back(t.get<std::string>());
            if (const json *lp = member(f, "logprob"))
                filling.logprob = numberValue(*lp).value_or(0);
            e.top.push_back(std::move(filling));
        }
    return e;
}

} // namespace cs
