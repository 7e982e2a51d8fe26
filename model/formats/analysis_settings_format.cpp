// SPDX-License-Identifier: MIT
#include "formats/analysis_settings_format.h"

#include "results/import_common.h"
#include "results/json_reader.h"

namespace cs {

nlohmann::json analysisSettingsJson(const AnalysisSettings &s)
{
    return {{"weights", s.weights},
            {"alpha", s.alpha},
            {"confidence", s.confidence},
            {"criterion", s.criterion},
            {"early_stop",
             {{"metric", s.earlyStop.metric},
              {"patience", s.earlyStop.patience},
              {"threshold", s.earlyStop.threshold}}},
            {"score_tolerance", s.scoreTolerance},
            {"power", s.power},
            {"bootstrap", {{"resamples", s.bootstrapResamples}, {"seed", s.bootstrapSeed}}}};
}

AnalysisSettings readAnalysisSettings(const nlohmann::json &obj, const std::string &location,
                                      const FormatProblemFn &problem)
{
    AnalysisSettings s;
    if (!obj.is_object()) return s;
    const auto bad = [&](const std::string &key, const std::string &why) {
        if (problem) problem(Severity::Warning, location + "." + key, why + "; default kept");
    };
    // A number member of o that accept allows, read into to.
    const auto number = [&](const nlohmann::json &o, const char *key, const std::string &where,
                            bool (*accept)(double), double &to) {
        const auto it = o.find(key);
        if (it == o.end()) return;
        if (const auto v = finiteNumber(*it); v && accept(*v))
            to = *v;
        else
            bad(where, "not a number in the allowed range");
    };
    const auto fraction = [](double v) { return v > 0 && v < 1; };
    const auto nonNegative = [](double v) { return v >= 0; };
    if (const auto w = obj.find("weights"); w != obj.end()) {
        if (w->is_object()) {
            s.weights.clear();
            for (const auto &[metric, weight] : w->items()) {
                if (const auto v = finiteNumber(weight); v && nonNegative(*v))
                    s.weights[metric] = *v;
                else
                    bad("weights." + metric, "not a non-negative number");
            }
        } else {
            bad("weights", "not an object {metric: weight}");
        }
    }
    number(obj, "alpha", "alpha", fraction, s.alpha);
    number(obj, "confidence", "confidence", fraction, s.confidence);
    number(
        obj, "score_tolerance", "score_tolerance", [](double v) { return v >= 0 && v < 1; },
        s.scoreTolerance);
    number(obj, "power", "power", fraction, s.power);
    if (const auto b = obj.find("bootstrap"); b != obj.end() && b->is_object()) {
        if (const auto r = b->find("resamples"); r != b->end()) {
            if (const auto v = integerValue(*r); v && *v >= 100 && *v <= 1000000)
                s.bootstrapResamples = int(*v);
            else
                bad("bootstrap.resamples", "not an integer 100 … 1000000");
        }
        if (const auto seed = b->find("seed"); seed != b->end()) {
            if (seed->is_number_unsigned())
                s.bootstrapSeed = seed->get<std::uint64_t>();
            else
                bad("bootstrap.seed", "not a non-negative integer");
        }
    }
    if (const auto c = obj.find("criterion"); c != obj.end()) {
        if (c->is_string())
            s.criterion = c->get<std::string>();
        else
            bad("criterion", "not a string");
    }
    if (const auto es = obj.find("early_stop"); es != obj.end() && es->is_object()) {
        if (const auto m = es->find("metric"); m != es->end() && m->is_string())
            s.earlyStop.metric = m->get<std::string>();
        if (const auto p = es->find("patience"); p != es->end()) {
            if (const auto v = integerValue(*p); v && *v >= 1 && *v <= 1000)
                s.earlyStop.patience = int(*v);
            else
                bad("early_stop.patience", "not an integer 1 … 1000");
        }
        number(*es, "threshold", "early_stop.threshold", nonNegative, s.earlyStop.threshold);
    }
    return s;
}

} // namespace cs
