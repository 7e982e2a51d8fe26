// SPDX-License-Identifier: MIT
// CSV exports of TensorBoard ("Wall time,Step,Value") and Weights & Biases (line-plot panels
// with "<run> - <metric>" columns and __MIN/__MAX companions; the runs table).
#include "results/import_formats.h"

#include "results/csv_reader.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

namespace cs {
namespace {

std::optional<double> cellNumber(const std::string &cell)
{
    if (cell.empty()) return std::nullopt;
    errno = 0;
    char *end = nullptr;
    const double v = std::strtod(cell.c_str(), &end);
    if (errno == ERANGE || end == cell.c_str() || *end != '\0' || !std::isfinite(v) ||
        std::fabs(v) > 9e15)
        return std::nullopt; // also keeps steps representable as integers
    return v;
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Checkpoint for a plotted point at a step (or an epoch when the x axis is epochs).
Checkpoint &pointAt(std::map<std::string, std::map<double, Checkpoint>> &runs,
                    const std::string &run, double x, bool xIsEpoch, const std::string &source)
{
    Checkpoint &cp = runs[run][x];
    if (cp.name.empty()) {
        if (xIsEpoch) {
            cp.epoch = x;
            cp.epochSource = EpochSource::File;
        } else {
            cp.step = static_cast<std::int64_t>(x);
        }
        completeCheckpointIdentity(cp);
        if (cp.step) cp.name = "step-" + std::to_string(*cp.step);
        cp.sources.push_back(source);
    }
    return cp;
}

void emit(std::map<std::string, std::map<double, Checkpoint>> &runs, ImportSink &sink)
{
    for (auto &[run, points] : runs)
        for (auto &[x, cp] : points) {
            if (cp.metrics.empty()) continue;
            ImportedRecord rec;
            rec.runName = run;
            rec.checkpoint = std::move(cp);
            sink.out().records.push_back(std::move(rec));
        }
}

bool checkRow(const CsvTable &t, std::size_t r, ImportSink &sink)
{
    if (t.rows[r].size() == t.header.size()) return true;
    sink.problem(Severity::Warning, "line " + std::to_string(t.rowLines[r]),
                 "row has " + std::to_string(t.rows[r].size()) + " cells, the header " +
                     std::to_string(t.header.size()) + "; row skipped");
    return false;
}

} // namespace

bool isTensorBoardCsvHeader(const std::vector<std::string> &header)
{
    return header.size() == 3 && header[0] == "Wall time" && header[1] == "Step" &&
           header[2] == "Value";
}

bool isWandbRunsHeader(const std::vector<std::string> &header)
{
    const auto has = [&](const char *name) {
        return std::find(header.begin(), header.end(), name) != header.end();
    };
    // The runs table (Name, State, …) and a sweep's export (Name, _wandb, …).
    return has("Name") && (has("State") || has("_wandb"));
}

bool isWandbPlotHeader(const std::vector<std::string> &header)
{
    std::size_t runColumns = 0;
    for (std::size_t i = 1; i < header.size(); ++i)
        runColumns += header[i].find(" - ") != std::string::npos;
    return header.size() > 1 && runColumns + 1 == header.size();
}

void importTensorBoardCsv(const CsvTable &t, const std::string &fileName, ImportSink &sink)
{
    // TensorBoard names downloads run-<run>-tag-<tag>.csv ("/" in tags becomes "_").
    static const std::regex re(R"((?:^|_)run-(.*)-tag-(.+)\.csv$)");
    std::smatch m;
    std::string run, tag = "value";
    if (std::regex_search(fileName, m, re)) {
        run = m[1].str() == "." ? "" : m[1].str();
        tag = m[2].str();
    }
    std::map<std::string, std::map<double, Checkpoint>> runs;
    std::map<double, double> wallTimeAt; // step -> wall time of the value kept
    std::vector<std::string> repeated;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (!checkRow(t, r, sink)) continue;
        const std::string loc = "line " + std::to_string(t.rowLines[r]);
        const auto step = cellNumber(t.rows[r][1]);
        const auto value = cellNumber(t.rows[r][2]);
        const double wall = cellNumber(t.rows[r][0]).value_or(0.0);
        if (!step || !value) {
            sink.problem(Severity::Warning, loc,
                         std::string(!step ? "Step" : "Value") + " \"" + t.rows[r][!step ? 1 : 2] +
                             "\" is not a number; row skipped");
            continue;
        }
        if (auto seen = wallTimeAt.find(*step); seen != wallTimeAt.end()) {
            repeated.push_back(t.rows[r][1]);
            if (wall < seen->second) continue; // keep the value written last
        }
        wallTimeAt[*step] = wall;
        Checkpoint &cp = pointAt(runs, run, *step, false, sink.out().path);
        cp.metrics.erase(sink.canonical(tag)); // a restart's later value replaces the earlier one
        sink.metric(cp, tag, *value, loc);
    }
    if (!repeated.empty()) {
        std::string list;
        for (std::size_t i = 0; i < repeated.size() && i < 5; ++i)
            list += (i ? ", " : "") + repeated[i];
        sink.problem(Severity::Info, "Step",
                     std::to_string(repeated.size()) + " steps appear twice (" + list +
                         (repeated.size() > 5 ? ", …" : "") +
                         "), as when a run is restarted in the same log folder; the later value "
                         "(by wall time) is kept");
    }
    emit(runs, sink);
}

void importWandbPlotCsv(const CsvTable &t, ImportSink &sink)
{
    std::string x = t.header[0];
    std::transform(x.begin(), x.end(), x.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool xIsEpoch = x.find("epoch") != std::string::npos;
    std::map<std::string, std::map<double, Checkpoint>> runs;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (!checkRow(t, r, sink)) continue;
        const std::string loc = "line " + std::to_string(t.rowLines[r]);
        const auto xv = cellNumber(t.rows[r][0]);
        if (!xv) {
            sink.problem(Severity::Warning, loc,
                         t.header[0] + " \"" + t.rows[r][0] + "\" is not a number; row skipped");
            continue;
        }
        for (std::size_t c = 1; c < t.header.size(); ++c) {
            const std::string &col = t.header[c];
            if (endsWith(col, "__MIN") || endsWith(col, "__MAX") || t.rows[r][c].empty())
                continue; // the range of a sampled bucket, not an interval
            const auto sep = col.find(" - ");
            const std::string run = col.substr(0, sep),
                              metricName = hfMetricName(col.substr(sep + 3));
            const auto v = cellNumber(t.rows[r][c]);
            if (!v) {
                sink.problem(Severity::Warning, loc + ", column " + col,
                             "\"" + t.rows[r][c] + "\" is not a number");
                continue;
            }
            sink.metric(pointAt(runs, run, *xv, xIsEpoch, sink.out().path), metricName, *v,
                        loc + ", column " + col);
        }
    }
    emit(runs, sink);
}

void importWandbRunsCsv(const CsvTable &t, ImportSink &sink)
{
    static const std::set<std::string> bookkeeping = {
        "Name",       "State",          "Notes", "User",        "Tags",
        "Created",    "Runtime",        "Sweep", "ID",          "_runtime",
        "_timestamp", "_wandb.runtime", "_step", "global_step", "train/global_step",
        "epoch",      "train/epoch"};
    const int name = csvColumn(t, "Name");
    int stepCol = -1, epochCol = -1;
    for (const char *c : {"train/global_step", "global_step", "_step"})
        if (stepCol < 0) stepCol = csvColumn(t, c);
    for (const char *c : {"train/epoch", "epoch"})
        if (epochCol < 0) epochCol = csvColumn(t, c);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (!checkRow(t, r, sink)) continue;
        const auto &row = t.rows[r];
        const std::string loc = "line " + std::to_string(t.rowLines[r]);
        ImportedRecord rec;
        rec.runName = row[static_cast<std::size_t>(name)];
        Checkpoint &cp = rec.checkpoint;
        if (stepCol >= 0)
            if (auto s = cellNumber(row[static_cast<std::size_t>(stepCol)]))
                cp.step = static_cast<std::int64_t>(*s);
        if (epochCol >= 0)
            if (auto e = cellNumber(row[static_cast<std::size_t>(epochCol)])) {
                cp.epoch = *e;
                cp.epochSource = EpochSource::File;
            }
        completeCheckpointIdentity(cp);
        if (cp.name.empty()) cp.name = "final";
        cp.sources.push_back(sink.out().path);
        for (std::size_t c = 0; c < t.header.size(); ++c)
            // W&B's own columns start with "_" (_wandb, _runtime, _timestamp, _step, …).
            if (!bookkeeping.count(t.header[c]) && t.header[c].rfind('_', 0) != 0)
                if (auto v = cellNumber(row[c]))
                    sink.metric(cp, hfMetricName(t.header[c]), *v, loc + ", column " + t.header[c]);
        if (!cp.metrics.empty()) sink.out().records.push_back(std::move(rec));
    }
}

} // namespace cs
