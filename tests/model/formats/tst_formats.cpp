// SPDX-License-Identifier: MIT
// Each file format the core reads and writes, round-tripped without Qt types or LibTorch: the
// results file and its per-example lines, the workspace, the analysis settings, the aliases.
#include "formats/aliases_format.h"
#include "formats/analysis_settings_format.h"
#include "formats/results_format.h"
#include "formats/workspace_format.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;

namespace {

/// Problems a reader reported, as "location: message" lines.
struct Collected
{
    std::vector<std::string> lines;
    FormatProblemFn fn()
    {
        return [this](Severity, const std::string &loc, const std::string &m) {
            lines.push_back(loc + ": " + m);
        };
    }
    std::string joined() const
    {
        std::string all;
        for (const std::string &l : lines)
            all += l + "\n";
        return all;
    }
    bool mentions(const std::string &part) const
    {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string &l) { return l.find(part) != std::string::npos; });
    }
};

ResultsCheckpoint checkpoint(const std::string &name, std::int64_t step)
{
    ResultsCheckpoint cp;
    cp.name = name;
    cp.path = "/runs/a/" + name;
    cp.step = step;
    cp.epoch = step / 63.0;
    cp.metrics.push_back({"real@1", 0.625, 5, 8, "real", 1, std::nullopt, {}});
    cp.metrics.push_back(
        {"real_gold_logprob", -1.25, std::nullopt, std::nullopt, "real", std::nullopt, 0.01, {}});
    cp.examples = name + ".examples.jsonl";
    return cp;
}

ResultsFile resultsFile(int checkpoints)
{
    ResultsFile f;
    f.runName = "mlm_synth_128";
    f.experiment = "continued";
    f.seqLen = 128;
    f.stepsPerEpoch = 63;
    ResultsDataset &set = f.datasets["real"];
    set.file = "real.jsonl";
    set.path = "/data/real.jsonl";
    set.sha256 = std::string(64, 'a');
    set.n = 8;
    set.skipped.push_back({"real-0009", 10, "the answer is longer than max length"});
    for (int i = 1; i <= checkpoints; ++i)
        f.checkpoints.push_back(checkpoint("checkpoint-" + std::to_string(63 * i), 63 * i));
    f.settings = ResultsSettings{128, 64, "float32", "cpu"};
    f.createdBy = "clozescope-cli";
    f.createdAt = "2026-12-01T19:00:00Z";
    f.seconds = 12.5;
    return f;
}

} // namespace

class TestFormats : public QObject
{
    Q_OBJECT
  private slots:
    void resultsRoundTrip_data()
    {
        QTest::addColumn<int>("checkpoints");
        QTest::newRow("one, at the top level") << 1;
        QTest::newRow("several, in a list") << 3;
    }
    void resultsRoundTrip()
    {
        QFETCH(int, checkpoints);
        const ResultsFile written = resultsFile(checkpoints);
        const nlohmann::json doc = resultsJson(written);
        QCOMPARE(doc.at("format").get<std::string>(), std::string(kResultsFormat));
        QCOMPARE(doc.contains("checkpoints"), checkpoints > 1);
        ResultsFile read;
        Collected problems;
        // Through text, as a file is.
        QVERIFY(readResults(nlohmann::json::parse(doc.dump(2)), read, problems.fn()));
        QVERIFY2(problems.lines.empty(), problems.joined().c_str());
        QCOMPARE(read.runName, written.runName);
        QCOMPARE(read.experiment, written.experiment);
        QCOMPARE(read.seqLen, written.seqLen);
        QCOMPARE(read.stepsPerEpoch, written.stepsPerEpoch);
        const ResultsDataset &set = read.datasets.at("real");
        QCOMPARE(set.sha256, written.datasets.at("real").sha256);
        QCOMPARE(set.n, written.datasets.at("real").n);
        QCOMPARE(set.skipped.size(), std::size_t(1));
        QCOMPARE(set.skipped[0].line, std::int64_t(10));
        QCOMPARE(read.checkpoints.size(), std::size_t(checkpoints));
        for (int i = 0; i < checkpoints; ++i) {
            const ResultsCheckpoint &a = written.checkpoints[i], &b = read.checkpoints[i];
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.path, a.path);
            QCOMPARE(b.step, a.step);
            QCOMPARE(b.epoch, a.epoch);
            QCOMPARE(b.examples, a.examples);
            QCOMPARE(b.metrics.size(), a.metrics.size());
            for (std::size_t m = 0; m < a.metrics.size(); ++m) {
                QCOMPARE(b.metrics[m].key, a.metrics[m].key);
                QCOMPARE(b.metrics[m].value, a.metrics[m].value);
                QCOMPARE(b.metrics[m].count, a.metrics[m].count);
                QCOMPARE(b.metrics[m].n, a.metrics[m].n);
                QCOMPARE(b.metrics[m].dataset, a.metrics[m].dataset);
                QCOMPARE(b.metrics[m].k, a.metrics[m].k);
                QCOMPARE(b.metrics[m].stderr_, a.metrics[m].stderr_);
            }
        }
        QCOMPARE(read.settings->maxLength, std::optional<int>(128));
        QCOMPARE(read.settings->device, std::string("cpu"));
        QCOMPARE(read.createdBy, written.createdBy);
        QCOMPARE(read.seconds, written.seconds);
        // What it reads, it writes back the same.
        QCOMPARE(resultsJson(read), doc);
    }

    void resultsProblemsSayWhere_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("readable");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no version") << QByteArray(R"({"format": "clozescope-results"})") << false
                                    << "version: missing or invalid";
        QTest::newRow("newer") << QByteArray(R"({"format": "clozescope-results", "version": 2})")
                               << false << "newer than this ClozeScope reads (1)";
        QTest::newRow("bad n") << QByteArray(R"({"version": 1, "metrics": {"real@1":
                                  {"value": 0.5, "n": -3}}})")
                               << true << "(top level).metrics.real@1.n";
        QTest::newRow("bad step") << QByteArray(
                                         R"({"version": 1, "checkpoint": {"name": "c", "step": "x"},
                             "metrics": {"a": 1}})")
                                  << true << "(top level).checkpoint.step: not an integer";
        QTest::newRow("list entry")
            << QByteArray(R"({"version": 1, "checkpoints": [{"metrics": {"a": 1}}, {}]})") << true
            << "checkpoints[1].metrics: no metrics";
    }
    void resultsProblemsSayWhere()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, readable);
        QFETCH(QString, problem);
        ResultsFile read;
        Collected problems;
        QCOMPARE(readResults(nlohmann::json::parse(text.toStdString()), read, problems.fn()),
                 readable);
        QVERIFY2(problems.mentions(problem.toStdString()), qPrintable(problem));
    }

    void exampleLineRoundTrip()
    {
        ExampleLine line;
        line.id = "real-0001";
        line.dataset = "real";
        line.rank = 3;
        line.goldLogprob = -2.5;
        line.answerIds = {7, 8};
        line.inputLength = 120;
        line.untruncatedLength = 300;
        line.hits = {{1, false}, {5, true}};
        line.top = {{{7, 9}, {"유재석", "의"}, -1.1}, {{7, 8}, {"유재석", "이"}, -2.5}};
        const std::string text = exampleLineText(line);
        QVERIFY(text.find('\n') == std::string::npos);
        std::string why;
        const auto read = readExampleLine(nlohmann::json::parse(text), why);
        QVERIFY2(read, why.c_str());
        QCOMPARE(read->id, line.id);
        QCOMPARE(read->rank, line.rank);
        QCOMPARE(read->goldLogprob, line.goldLogprob);
        QCOMPARE(read->answerIds, line.answerIds);
        QCOMPARE(read->inputLength, line.inputLength);
        QCOMPARE(read->untruncatedLength, line.untruncatedLength);
        QCOMPARE(read->hits, line.hits);
        QCOMPARE(read->top.size(), line.top.size());
        QCOMPARE(read->top[1].tokens, line.top[1].tokens);
        QCOMPARE(exampleLineText(*read), text);
        // Not ranked among the best: null, read back as none.
        line.rank.reset();
        QVERIFY(!readExampleLine(nlohmann::json::parse(exampleLineText(line)), why)->rank);
        QVERIFY(!readExampleLine(nlohmann::json::parse(R"({"id": "x", "dataset": "real"})"), why));
        QVERIFY(why.find("\"hits\"") != std::string::npos);
    }

    void workspaceRoundTrip()
    {
        QTemporaryDir dir;
        WorkspaceFile w;
        w.paths = {"results", "/elsewhere/eval"};
        w.hiddenRuns = {"mlm_v2 @ 2048"};
        w.settings.weights = {{"Real@1", 1.0}};
        w.settings.alpha = 0.01;
        w.settings.confidence = 0.9;
        w.settings.criterion = "Real@5";
        w.settings.earlyStop = {"LAMBADA@1", 5, 0.002};
        w.runs["mlm_v2"] = {390.0, 2};
        w.runs["other"] = {std::nullopt, 0};
        w.metric = "Real@1";
        w.xAxis = "step";
        w.windowState = "AAAA/w==";
        w.geometry = "AdnQywADAAA=";
        const std::string path = dir.filePath("clozescope.workspace.json").toStdString();
        QCOMPARE(saveWorkspaceFile(w, path), std::string());
        WorkspaceFile read;
        QCOMPARE(loadWorkspaceFile(path, read), std::string());
        // A relative path is the workspace's folder's; an absolute one stays.
        QCOMPARE(read.paths.front(), dir.filePath("results").toStdString());
        QCOMPARE(read.paths.back(), std::string("/elsewhere/eval"));
        QCOMPARE(read.hiddenRuns, w.hiddenRuns);
        QCOMPARE(read.settings.weights, w.settings.weights);
        QCOMPARE(read.settings.alpha, 0.01);
        QCOMPARE(read.settings.confidence, 0.9);
        QCOMPARE(read.settings.criterion, w.settings.criterion);
        QCOMPARE(read.settings.earlyStop.metric, w.settings.earlyStop.metric);
        QCOMPARE(read.settings.earlyStop.patience, 5);
        QCOMPARE(read.settings.earlyStop.threshold, 0.002);
        QCOMPARE(read.runs.at("mlm_v2").stepsPerEpoch, std::optional<double>(390.0));
        QCOMPARE(read.runs.at("mlm_v2").epochDecimals, std::optional<int>(2));
        QVERIFY(!read.runs.at("other").stepsPerEpoch);
        QCOMPARE(read.metric, w.metric);
        QCOMPARE(read.xAxis, w.xAxis);
        QCOMPARE(read.windowState, w.windowState);
        QCOMPARE(read.geometry, w.geometry);
        read.paths = w.paths;
        QCOMPARE(workspaceJson(read), workspaceJson(w));
    }

    void workspaceErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error"); // "" = read, with the problem in warnings
        QTest::addColumn<QString>("warning");
        QTest::newRow("not a workspace")
            << QByteArray(R"({"format": "x"})") << "format: not a ClozeScope workspace"
            << "";
        QTest::newRow("newer") << QByteArray(R"({"format": "clozescope-workspace", "version": 7})")
                               << "workspace version 7 is newer"
                               << "";
        QTest::newRow("runs not an object")
            << QByteArray(R"({"format": "clozescope-workspace", "runs": []})")
            << "runs: \"runs\" is not an object"
            << "";
        QTest::newRow("bad steps per epoch") << QByteArray(R"({"format": "clozescope-workspace",
                             "runs": {"a": {"steps_per_epoch": -1}}})")
                                             << ""
                                             << "runs.a.steps_per_epoch: not a positive number";
        QTest::newRow("alpha out of range")
            << QByteArray(R"({"format": "clozescope-workspace", "settings": {"alpha": 3}})") << ""
            << "settings.alpha: not a number in the allowed range; default kept";
        QTest::newRow("negative weight") << QByteArray(R"({"format": "clozescope-workspace",
                             "settings": {"weights": {"Real@1": -1}}})")
                                         << ""
                                         << "settings.weights.Real@1";
    }
    void workspaceErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        QFETCH(QString, warning);
        QTemporaryDir dir;
        const std::string path = test::writeFile(dir, "w.json", text);
        WorkspaceFile read;
        const std::string got = loadWorkspaceFile(path, read);
        QVERIFY2(error.isEmpty() ? got.empty() : got.find(error.toStdString()) != std::string::npos,
                 got.c_str());
        if (!error.isEmpty()) QVERIFY(got.rfind(path + ": ", 0) == 0);
        if (warning.isEmpty()) return;
        Collected problems;
        QVERIFY(readWorkspace(nlohmann::json::parse(text.toStdString()), read, problems.fn()));
        QVERIFY2(problems.mentions(warning.toStdString()), qPrintable(warning));
        QCOMPARE(read.settings.alpha, AnalysisSettings().alpha);
    }

    void analysisSettingsRoundTrip()
    {
        AnalysisSettings s;
        s.weights = {{"Real@1", 0.5}, {"eval_accuracy", 0.5}};
        s.alpha = 0.1;
        s.confidence = 0.99;
        s.criterion = "score";
        s.earlyStop = {"eval_loss", 2, 0.01};
        s.scoreTolerance = 0.001;
        s.power = 0.9;
        s.bootstrapResamples = 5000;
        s.bootstrapSeed = 7;
        Collected problems;
        const AnalysisSettings read =
            readAnalysisSettings(analysisSettingsJson(s), "settings", problems.fn());
        QVERIFY(problems.lines.empty());
        QCOMPARE(analysisSettingsJson(read), analysisSettingsJson(s));
        QCOMPARE(read.bootstrapSeed, std::uint64_t(7));
        // Out of range: said at its place, the default kept.
        nlohmann::json bad = analysisSettingsJson(s);
        bad["bootstrap"] = {{"resamples", 3}, {"seed", -1}};
        bad["power"] = 1.5;
        const AnalysisSettings kept = readAnalysisSettings(bad, "settings", problems.fn());
        QCOMPARE(kept.bootstrapResamples, AnalysisSettings().bootstrapResamples);
        QCOMPARE(kept.bootstrapSeed, AnalysisSettings().bootstrapSeed);
        QCOMPARE(kept.power, AnalysisSettings().power);
        QVERIFY(problems.mentions("settings.bootstrap.resamples"));
        QVERIFY(problems.mentions("settings.bootstrap.seed"));
        QVERIFY(problems.mentions("settings.power"));
        // Nothing given: the defaults.
        QCOMPARE(analysisSettingsJson(readAnalysisSettings(nlohmann::json::object(), "", {})),
                 analysisSettingsJson(AnalysisSettings()));
    }

    void aliasesRoundTrip()
    {
        MetricAliases mine;
        mine.add("coref_f1", "Real@1");
        mine.setLowerIsBetter("my_error", true);
        QTemporaryDir dir;
        const std::string path = test::writeFile(
            dir, "aliases.json", QByteArray::fromStdString(aliasesJson(mine).dump(2)));
        MetricAliases read;
        QCOMPARE(readAliasesFile(path, read), std::string());
        QCOMPARE(read.table(), mine.table());
        QCOMPARE(read.canonical("COREF_F1"), std::string("Real@1"));
        QVERIFY(read.lowerIsBetter("my_error"));
        QCOMPARE(aliasesJson(read), aliasesJson(mine));
        // A bad file adds nothing and names itself.
        const std::string bad = test::writeFile(
            dir, "bad.json", R"({"aliases": {"x": "Real@5"}, "lower_is_better": [3]})");
        MetricAliases untouched;
        const std::string error = readAliasesFile(bad, untouched);
        QVERIFY(error.rfind(bad + ": ", 0) == 0);
        QCOMPARE(untouched.canonical("x"), std::string("x"));
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
