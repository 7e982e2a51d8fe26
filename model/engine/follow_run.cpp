// SPDX-License-Identifier: MIT
#include "engine/follow_run.h"

#include "analysis/run_analysis.h"
#include "checkpoint/run_follower.h"
#include "report/format.h"
#include "report/report_builder.h"
#include "results/result_loader.h"

#include <filesystem>
#include <thread>

namespace cs {

std::string earlyStopVerdict(const std::string &resultsDir, int patience, bool *stopsNow)
{
    if (stopsNow) *stopsNow = false;
    const ResultSet set = loadResults({resultsDir});
    if (set.runs.empty()) return "no results yet";
    const Run &run = set.runs.front();
    AnalysisSettings settings;
    settings.earlyStop.patience = patience;
    const RunAnalysis ra = analyseRun(run, settings);
    if (!ra.earlyStop) return "no metric to watch yet";
    const EarlyStopOutcome &es = *ra.earlyStop;
    const MetricAnalysis *m = ra.find(es.metric);
    const Checkpoint &best = run.checkpoints[es.restored];
    const std::string value = fmt::value(*metricValue(run, &ra, es.restored, es.metric));
    const std::string with =
        "patience " + std::to_string(patience) + " on " + metricLabel(es.metric) + " ";
    if (es.stopped) {
        const bool now = es.stopAt == m->points.back();
        if (stopsNow) *stopsNow = now;
        return with +
               (now ? "would stop now"
                    : "would have stopped at " + run.checkpoints[es.stopAt].name) +
               " and restore " + best.name + " (" + value + ")";
    }
    std::size_t since = 0; // evaluations since the best
    for (std::size_t i : m->points)
        since = i == es.restored ? 0 : since + 1;
    return with + "would not stop yet: best so far " + best.name + " (" + value + "), " +
           std::to_string(since) + " evaluation(s) since";
}

int followRun(const std::string &runDir, const std::vector<EvalDataset> &datasets,
              const EvalRunOptions &options, const FollowOptions &follow,
              const std::function<void(const FollowEvent &)> &onEvent,
              const std::function<void(const std::string &)> &log, const EvalProgressFn &progress,
              const std::function<bool()> &keepGoing)
{
    namespace fs = std::filesystem;
    using Clock = RunFollower::Clock;
    const auto going = [&] { return !keepGoing || keepGoing(); };
    const auto event = [&](FollowEvent::Kind kind, const std::string &checkpoint = {},
                           const std::string &why = {}) {
        FollowEvent e;
        e.kind = kind;
        e.checkpoint = checkpoint;
        e.why = why;
        return e;
    };
    const auto say = [&](const FollowEvent &e) {
        if (onEvent) onEvent(e);
    };
    RunFollower follower(runDir, follow.settleSeconds);
    const std::string resultsDir =
        (fs::path(options.outDir) / fs::path(runDir).filename()).string();
    auto lastNew = Clock::now();
    int evaluated = 0;
    const auto stillGoing = [&](const EvalProgress &p) {
        return (!progress || progress(p)) && going();
    };
    while (going()) {
        std::vector<std::pair<std::string, std::string>> waiting;
        const auto ready = follower.poll(Clock::now(), &waiting);
        for (const auto &[dir, why] : waiting)
            say(event(FollowEvent::Kind::Waiting, fs::path(dir).filename().string(), why));
        for (const std::string &dir : ready) {
            evaluated += evaluateCheckpoints({dir}, datasets, options, log, stillGoing);
            if (!going()) return evaluated;
            FollowEvent e = event(FollowEvent::Kind::Evaluated, fs::path(dir).filename().string());
            e.verdict = earlyStopVerdict(resultsDir, follow.patience, &e.wouldStop);
            say(e);
        }
        if (!ready.empty()) lastNew = Clock::now();
        if (follower.trainingEnded() && follower.pending() == 0) {
            say(event(FollowEvent::Kind::Ended));
            return evaluated;
        }
        if (Clock::now() - lastNew > std::chrono::duration<double>(follow.idleTimeoutSeconds)) {
            say(event(FollowEvent::Kind::IdleTimeout));
            return evaluated;
        }
        // Wait for the next look in short steps, so that a stop is heard at once.
        const auto next = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(follow.pollSeconds));
        while (Clock::now() < next && going())
            std::this_thread::sleep_for(
                std::min<Clock::duration>(next - Clock::now(), std::chrono::milliseconds(50)));
    }
    return evaluated;
}

} // namespace cs
