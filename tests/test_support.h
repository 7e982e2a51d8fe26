// SPDX-License-Identifier: MIT
// Helpers shared by the test suites: data paths and writing small input files.
#pragma once

#include "results/result_loader.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace cs::test {

/// Path of a file under tests/data.
inline std::string dataPath(const std::string &relative)
{
    return std::string(CLOZESCOPE_TEST_DATA) + "/" + relative;
}

/// Path of a file under tests/data/hf-reference (checkpoints written by transformers).
inline std::string fixture(const std::string &relative)
{
    return dataPath("hf-reference/" + relative);
}

/// A file's bytes ("" when it cannot be read).
inline std::string readText(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// A JSON file, parsed (throws when it is not JSON).
inline nlohmann::json readJson(const std::string &path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

/// The first n lines of a file, each ending in a newline.
inline std::string firstLines(const std::string &path, int n)
{
    std::ifstream in(path);
    std::string line, text;
    for (int i = 0; i < n && std::getline(in, line); ++i)
        text += line + "\n";
    return text;
}

/// A Trainer-like run folder: the files of modelDir copied into each named checkpoint folder.
inline void makeRun(const std::string &runDir, const std::string &modelDir,
                    const std::vector<std::string> &checkpoints)
{
    namespace fs = std::filesystem;
    for (const std::string &ckpt : checkpoints) {
        fs::create_directories(fs::path(runDir) / ckpt);
        for (const auto &e : fs::directory_iterator(modelDir))
            fs::copy_file(e.path(), fs::path(runDir) / ckpt / e.path().filename());
    }
}

/// Copies the named files (all files when names is empty) of folder from into folder to,
/// creating it; false when one cannot be copied.
inline bool copyFiles(const std::string &from, const QString &to,
                      const QStringList &names = QStringList())
{
    const QString src = QString::fromStdString(from);
    const QStringList files = names.isEmpty() ? QDir(src).entryList(QDir::Files) : names;
    bool ok = QDir().mkpath(to) && !files.isEmpty();
    for (const QString &f : files)
        ok = QFile::copy(src + "/" + f, to + "/" + f) && ok;
    return ok;
}

/// The files of a checkpoint whose only tokenizer is spm.model.
inline const QStringList spmOnlyCheckpoint{"config.json", "model.safetensors", "spm.model",
                                           "tokenizer_config.json"};

/// Writes text to dir/name (creating folders) and returns the path.
inline std::string writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    f.write(text);
    return path.toStdString();
}

/// The checkpoint of a run by name, or nullptr.
inline const Checkpoint *findCheckpoint(const Run &run, const std::string &name)
{
    auto it = std::find_if(run.checkpoints.begin(), run.checkpoints.end(),
                           [&](const Checkpoint &c) { return c.name == name; });
    return it == run.checkpoints.end() ? nullptr : &*it;
}

/// True when some problem mentions all of the given fragments.
inline bool hasProblem(const ResultSet &set, Severity severity, const std::string &file,
                       const std::string &locationPart, const std::string &messagePart)
{
    return std::any_of(set.problems.begin(), set.problems.end(), [&](const Problem &p) {
        return p.severity == severity && p.file.find(file) != std::string::npos &&
               p.location.find(locationPart) != std::string::npos &&
               p.message.find(messagePart) != std::string::npos;
    });
}

/// True when some problem's file, location or message contains the fragment.
inline bool problemsMention(const std::vector<Problem> &problems, const std::string &fragment)
{
    return std::any_of(problems.begin(), problems.end(), [&](const Problem &p) {
        return (p.file + " " + p.location + " " + p.message).find(fragment) != std::string::npos;
    });
}

/// Problems as text, for failure messages.
inline QByteArray problemText(const ResultSet &set)
{
    QByteArray out;
    for (const auto &p : set.problems)
        out += QByteArray(severityName(p.severity)) + ": " + p.file.c_str() + ": " +
               p.location.c_str() + ": " + p.message.c_str() + "\n";
    return out;
}

} // namespace cs::test
