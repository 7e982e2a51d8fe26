// SPDX-License-Identifier: MIT
// Helpers shared by the test suites: data paths and writing small input files.
#pragma once

#include "results/result_loader.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <string>

namespace cs::test {

/// Path of a file under tests/data.
inline std::string dataPath(const std::string &relative)
{
    return std::string(CLOZESCOPE_TEST_DATA) + "/" + relative;
}

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
