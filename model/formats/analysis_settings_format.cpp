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
            {"score_tolerance", s.scoreTolerance}};
}

AnalysisSettings readAnalysisSettings(const nlohmann::json &obj, const std::string &location,
                                      const FormatProblemFn &problem)
{
    AnalysisSettings s;
    if (!obj.is_object()) return s;
    const auto bad = [&](const std::string &key, const std::string &why) {
        if (problem) problem(Severity::Warning, location + "." + key, why + "; default kept");
    };
    // A number in (low, high) (or [low, high) when lowIncluded) read into to.
    const auto fraction = [&](const nlohmann::json &o, const char *key, double low, double high,
                              bool lowIncluded, const std::string &where, double &to) {
        const auto it = o.find(key);
        if (it == o.end()) return;
        const auto v = finiteNumber(*it);
        if (v && (*v > low || (lowIncluded && *v == low)) && *v < high)
            to = *v;
        else
            bad(where, "not a number in the allowed range");
    };
    if (const auto w = obj.find("weights"); w != obj.end()) {
        if (w->is_object()) {
            s.weights.clear();
            for (const auto &[metric, weight] : w->items()) {
                if (const auto v = finiteNumber(weight); v && *v >= 0)
                    s.weights[metric] = *v;
                else
                    bad("weights." + metric, "not a non-negative number");
            }
        } else {
            bad("weights", "not an object {metric: weight}");
        }
    }
    fraction(obj, "alpha", 0, 1, false, "alpha", s.alpha);
    fraction(obj, "confidence", 0, 1, false, "confidence", s.confidence);
    fraction(obj, "score_tolerance", 0, 1, true, "score_tolerance", s.scoreTolerance);
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
        fraction(*es, "threshold", 0, 1e300, true, "early_stop.threshold", s.earlyStop.threshold);
    }
    return s;
}

} // namespace cs
