// SPDX-License-Identifier: MIT
// lm-evaluation-harness results v0.3 / v0.4: real files as they are, series over revisions,
// "N/A" stderr, groups, per-example samples.
#include "analysis/run_analysis.h"
#include "results/result_loader.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;
using cs::test::dataPath;
using cs::test::writeFile;

namespace {

QByteArray v04(const QString &revision, double acc, const QString &stderrText,
               const QString &model = "/data/runs/mlm_run/checkpoint-%1")
{
    return QString(
               R"({"results": {"lambada_openai": {"alias": "lambada_openai", "perplexity,none": 12.5,
        "perplexity_stderr,none": 0.4, "acc,none": %2, "acc_stderr,none": %3},
        "mmlu": {"alias": "mmlu", "acc,none": 0.3},
        "mmlu_humanities": {"alias": " - humanities", "acc,none": 0.31, "acc_stderr,none": "N/A"},
        "gsm8k": {"alias": "gsm8k", "exact_match,strict-match": 0.12, "exact_match_stderr,strict-match": 0.01}},
      "group_subtasks": {"mmlu": ["mmlu_humanities"]},
      "n-samples": {"lambada_openai": {"original": 5153, "effective": 4}},
      "config": {"model": "hf", "model_args": "pretrained=%1,dtype=bfloat16"},
      "versions": {"lambada_openai": 1.0}, "task_hashes": {"lambada_openai": "abc"}})")
        .arg(model.contains("%1") ? QString(model).arg(revision) : model)
        .arg(acc)
        .arg(stderrText)
        .toUtf8();
}

} // namespace

class TestLmEvalImport : public QObject
{
    Q_OBJECT
  private slots:
    void legacyPythia()
    {
        const ResultSet set = loadResults({dataPath(
            "realdata/lm_eval/"
            "EleutherAI__pythia__evals__pythia-v1__pythia-160m__zero-shot__160m_step0.json")});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        const Run &run = set.runs.front();
        QCOMPARE(run.name, std::string("pythia-v1.1-160m"));
        const Checkpoint &cp = run.checkpoints.front();
        QCOMPARE(cp.name, std::string("step0"));
        QCOMPARE(*cp.step, std::int64_t(0));
        QCOMPARE(cp.metrics.at("lambada_openai/ppl").value, 3559787.05379182);
        QCOMPARE(*cp.metrics.at("lambada_openai/ppl").stderr_, 343578.12573816424);
        QCOMPARE(cp.metrics.at("lambada_openai/acc").value, 0.0);
        QCOMPARE(cp.metrics.at("hendrycksTest-marketing/acc").value, 0.2264957264957265);
        // Perplexity is lower-is-better; its interval comes from the reported stderr.
        const auto ci = metricInterval(cp, "lambada_openai/acc", 0.95);
        QVERIFY(ci && ci->low == 0.0 && ci->high == 0.0);
    }

    void arcV04()
    {
        const ResultSet set = loadResults(
            {dataPath("realdata/lm_eval/"
                      "saucam__model_evals__meta-llama__Meta-Llama-3-8B__openllm__arc.json")});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        const Run &run = set.runs.front();
        QCOMPARE(run.name, std::string("Meta-Llama-3-8B"));
        const Checkpoint &cp = run.checkpoints.front();
        QCOMPARE(cp.metrics.size(), std::size_t(2));
        QCOMPARE(cp.metrics.at("arc_challenge/acc").value, 0.5546075085324232);
        QCOMPARE(*cp.metrics.at("arc_challenge/acc_norm").stderr_, 0.014445698968520769);
        const auto ci = metricInterval(cp, "arc_challenge/acc", 0.95);
        QVERIFY(ci &&
                qAbs(ci->low - (0.5546075085324232 - 1.959964 * 0.014523987638344081)) < 1e-6);
    }

    void stepInAnyLayoutOfSavedModel_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("run");
        QTest::addColumn<QString>("checkpoint");
        QTest::addColumn<qint64>("step");
        QTest::newRow("Trainer") << "/data/runs/mlm_run/checkpoint-500"
                                 << "mlm_run"
                                 << "checkpoint-500" << qint64(500);
        QTest::newRow("Megatron, converted") << "/data/megatron/bert_mlm/iter_0500000/mp_rank_00/hf"
                                             << "bert_mlm"
                                             << "iter_0500000" << qint64(500000);
        QTest::newRow("DeepSpeed") << "/ckpt/deberta_mlm/global_step1200/hf_model"
                                   << "deberta_mlm"
                                   << "global_step1200" << qint64(1200);
        QTest::newRow("a step word higher up is not the step") << "/models/ckpt2/bert_mlm_512"
                                                               << "bert_mlm_512"
                                                               << "final" << qint64(-1);
    }
    void stepInAnyLayoutOfSavedModel()
    {
        // Not run "hf", checkpoint "final": the step is in the path, the run before it.
        QFETCH(QString, model);
        QFETCH(QString, run);
        QFETCH(QString, checkpoint);
        QFETCH(qint64, step);
        QTemporaryDir dir;
        const std::string path =
            writeFile(dir, "results_2025-01-01T00-00-00.json", v04("", 0.4, "0.05", model));
        const ResultSet set = loadResults({path});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        QCOMPARE(int(set.runs.size()), 1);
        QCOMPARE(QString::fromStdString(set.runs[0].name), run);
        QCOMPARE(QString::fromStdString(set.runs[0].checkpoints[0].name), checkpoint);
        QCOMPARE(set.runs[0].checkpoints[0].step ? qint64(*set.runs[0].checkpoints[0].step) : -1,
                 step);
    }

    void seriesOverCheckpoints()
    {
        QTemporaryDir dir;
        writeFile(dir, "evals/a/results_2025-01-01T00-00-00.json", v04("500", 0.40, "0.05"));
        writeFile(dir, "evals/b/results_2025-01-02T00-00-00.json", v04("1000", 0.55, "\"N/A\""));
        writeFile(
            dir, "evals/b/samples_lambada_openai_2025-01-02T00-00-00.jsonl",
            "{\"doc_id\": 0, \"acc\": 1.0, \"perplexity\": 3.2}\n{\"doc_id\": 1, \"acc\": 0.0}\n"
            "{\"doc_id\": 2, \"acc\": 1.0}\n{\"doc_id\": 3, \"acc\": 0.0}\n");
        const ResultSet set = loadResults({dir.path().toStdString()});
        QVERIFY2(!set.hasInputProblems(), cs::test::problemText(set));
        QCOMPARE(int(set.runs.size()), 1);
        const Run &run = set.runs.front();
        QCOMPARE(run.name, std::string("mlm_run"));
        QCOMPARE(int(run.checkpoints.size()), 2);
        QCOMPARE(*run.checkpoints[0].step, std::int64_t(500));
        QCOMPARE(*run.checkpoints[1].step, std::int64_t(1000));
        const Checkpoint &last = run.checkpoints[1];
        QCOMPARE(last.metrics.at("lambada_openai/acc").value, 0.55);
        QVERIFY(!last.metrics.at("lambada_openai/acc").stderr_);             // "N/A"
        QCOMPARE(*last.metrics.at("lambada_openai/acc").n, std::int64_t(4)); // n-samples effective
        QCOMPARE(last.metrics.at("lambada_openai/acc").examples.size(), std::size_t(4));
        QVERIFY(last.metrics.count("lambada_openai/perplexity"));
        QVERIFY(last.metrics.count("mmlu/acc") && last.metrics.count("mmlu_humanities/acc"));
        QCOMPARE(last.metrics.at("gsm8k/exact_match,strict-match").value, 0.12);
        QCOMPARE(*last.metrics.at("gsm8k/exact_match,strict-match").stderr_, 0.01);
    }
};

QTEST_APPLESS_MAIN(TestLmEvalImport)
#include "tst_lm_eval_import.moc"
