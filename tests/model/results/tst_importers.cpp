// SPDX-License-Identifier: MIT
// The importer registry: one entry per kind, files recognised by it, one list of results file
// names, and problems that carry codes.
#include "results/importers.h"
#include "results/metric_aliases.h"
#include "test_support.h"

#include <set>

using namespace cs;
using cs::test::dataPath;
using cs::test::writeFile;

Q_DECLARE_METATYPE(cs::FileKind)

namespace {

const FileKind kEveryKind[] = {
    FileKind::ClozeScopeResults, FileKind::Workspace,      FileKind::TrainerState,
    FileKind::TrainerResults,    FileKind::SeedCheckpoint, FileKind::SeedSummary,
    FileKind::SeedCsv,           FileKind::SeedJsonl,      FileKind::SeedFinal,
    FileKind::LooseJson,         FileKind::LmEval,         FileKind::TensorBoardCsv,
    FileKind::WandbCsv,          FileKind::WandbRunsCsv,   FileKind::TensorBoardEvents,
    FileKind::ClozeSet};

bool hasCode(const std::vector<Problem> &problems, ProblemCode code)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const Problem &p) { return p.code == code; });
}

} // namespace

class TestImporters : public QObject
{
    Q_OBJECT

  private slots:
    void everyKindHasOneEntry()
    {
        std::set<std::string> names;
        for (FileKind kind : kEveryKind) {
            const auto n = std::count_if(importers().begin(), importers().end(),
                                         [&](const Importer &i) { return i.kind == kind; });
            QCOMPARE(int(n), 1);
            QVERIFY(names.insert(fileKindName(kind)).second);
        }
        QCOMPARE(importers().size(), std::size(kEveryKind));
        QCOMPARE(std::string(fileKindName(FileKind::Unknown)), std::string("unrecognised"));
    }

    void containers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("container"); // -1: not a results file
        QTest::newRow("json") << "trainer_state.json" << int(Container::Json);
        QTest::newRow("upper case") << "RESULTS.JSON" << int(Container::Json);
        QTest::newRow("jsonl") << "half_epoch_eval.jsonl" << int(Container::JsonLines);
        QTest::newRow("csv") << "run-.-tag-loss.csv" << int(Container::Csv);
        QTest::newRow("events") << "events.out.tfevents.1756945877.host.1.0"
                                << int(Container::EventFile);
        QTest::newRow("weights") << "model.safetensors" << -1;
        QTest::newRow("notes") << "notes.txt" << -1;
    }
    void containers()
    {
        QFETCH(QString, name);
        QFETCH(int, container);
        const auto c = containerOf(name.toStdString());
        QCOMPARE(c ? int(*c) : -1, container);
    }

    void patternsAreOneList()
    {
        // The window's Open dialog and its watcher use these; each maps to a container.
        QCOMPARE(resultFilePatterns().size(), std::size_t(4));
        for (const std::string &p : resultFilePatterns()) {
            std::string example = p;
            std::replace(example.begin(), example.end(), '*', 'x');
            QVERIFY2(containerOf(example).has_value(), p.c_str());
        }
    }

    void realFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<FileKind>("kind");
        const QString real = QString::fromStdString(dataPath("realdata/"));
        QTest::newRow("trainer_state")
            << real + "trainer_state/"
                      "sliderSun__chinese_pytorch_pretrain_lm__output__trainer_state.json"
            << FileKind::TrainerState;
        QTest::newRow("all_results")
            << real +
                   "trainer_state/sliderSun__chinese_pytorch_pretrain_lm__output__all_results.json"
            << FileKind::TrainerResults;
        QTest::newRow("lm-eval")
            << real + "lm_eval/saucam__model_evals__meta-llama__Meta-Llama-3-8B__openllm__arc.json"
            << FileKind::LmEval;
        QTest::newRow("evaluator summary")
            << real + "seed_system/real_coref_results.json" << FileKind::SeedSummary;
        QTest::newRow("evaluator csv")
            << real + "seed_system/real_coref_results.csv" << FileKind::SeedCsv;
        QTest::newRow("tensorboard csv")
            << real + "csv/Brunogomes97__Imdb__run-.-tag-loss.csv" << FileKind::TensorBoardCsv;
        QTest::newRow("tensorboard events")
            << real + "tensorboard/uelkerd__goemotions-deberta__phase1_asymmetric_fixed_20250904_"
                      "000028__runs__Sep04_00-31-16_2fd62b2353f7__events.out.tfevents.1756945877."
                      "2fd62b2353f7.432614.0"
            << FileKind::TensorBoardEvents;
        QTest::newRow("evaluator checkpoint")
            << QString(CLOZESCOPE_SAMPLES) +
                   "/evaluation_results_20251011_191556/checkpoint-110_eval_results.json"
            << FileKind::SeedCheckpoint;
        QTest::newRow("workspace")
            << QString(CLOZESCOPE_SAMPLES) + "/clozescope.workspace.json" << FileKind::Workspace;
        QTest::newRow("cloze set")
            << QString::fromStdString(dataPath("cloze/real.jsonl")) << FileKind::ClozeSet;
    }
    void realFiles()
    {
        QFETCH(QString, path);
        QFETCH(FileKind, kind);
        const FileImport imp = importFile(path.toStdString(), defaultAliases(), true);
        QCOMPARE(std::string(fileKindName(imp.kind)), std::string(fileKindName(kind)));
    }

    void writtenFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<FileKind>("kind");
        QTest::newRow("own format")
            << "results.json"
            << QByteArray(R"({"format": "clozescope-results", "version": 1, "checkpoints": []})")
            << FileKind::ClozeScopeResults;
        QTest::newRow("final results")
            << "final_results.json" << QByteArray(R"({"real1": 0.5, "real5": 0.7})")
            << FileKind::SeedFinal;
        QTest::newRow("loose") << "scores.json"
                               << QByteArray(R"({"checkpoint-10": {"Real@1": 0.5}})")
                               << FileKind::LooseJson;
        QTest::newRow("json lines")
            << "half_epoch_eval.jsonl" << QByteArray("{\"step\": 10, \"real1\": 0.5}\n")
            << FileKind::SeedJsonl;
        QTest::newRow("w&b plot") << "wandb.csv" << QByteArray("Step,a - eval/loss\n1,2.5\n")
                                  << FileKind::WandbCsv;
        QTest::newRow("w&b runs") << "runs.csv"
                                  << QByteArray("Name,State,eval/loss\nrun-1,finished,2.5\n")
                                  << FileKind::WandbRunsCsv;
        QTest::newRow("no results csv")
            << "notes.csv" << QByteArray("a,b\n1,2\n") << FileKind::Unknown;
    }
    void writtenFiles()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        QFETCH(FileKind, kind);
        QTemporaryDir dir;
        const FileImport imp = importFile(writeFile(dir, name, text), defaultAliases(), true);
        QCOMPARE(std::string(fileKindName(imp.kind)), std::string(fileKindName(kind)));
    }

    void problemCodes()
    {
        QTemporaryDir dir;
        writeFile(dir, "run/notes.json", R"({"author": "me", "comment": "no results here"})");
        writeFile(dir, "run/broken.json", "{\"step\": ");
        const ResultSet set =
            loadResults({dir.filePath("run").toStdString(), dir.filePath("missing").toStdString()});
        auto codeOf = [&](const std::string &file) {
            for (const Problem &p : set.problems)
                if (p.file.find(file) != std::string::npos) return p.code;
            return ProblemCode::Other;
        };
        // A folder's file with no results is one note, found by its code, not its words.
        QCOMPARE(codeOf("notes.json"), ProblemCode::SkippedFile);
        QCOMPARE(codeOf("broken.json"), ProblemCode::Syntax);
        QCOMPARE(codeOf("missing"), ProblemCode::Unreadable);
        QVERIFY(hasCode(set.problems, ProblemCode::NothingToShow));

        // Named on its own, the same file keeps its reason.
        const FileImport named =
            importFile(dir.filePath("run/notes.json").toStdString(), defaultAliases(), true);
        QCOMPARE(named.kind, FileKind::LooseJson);
        QVERIFY(hasCode(named.problems, ProblemCode::NoResults));
    }
};

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"
