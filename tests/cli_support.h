// SPDX-License-Identifier: MIT
// Running clozescope-cli from a test: exit status, standard output and error.
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QtTest>

namespace cs::test {

/// What a clozescope-cli run gave.
struct CliResult
{
    int code = -1;  ///< exit status
    QByteArray out; ///< standard output
    QByteArray err; ///< standard error
};

/// Runs clozescope-cli with args (and NAME=VALUE environment additions) to its end.
inline CliResult runCli(const QStringList &args, const QStringList &env = {})
{
    QProcess p;
    if (!env.isEmpty()) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &kv : env)
            e.insert(kv.section('=', 0, 0), kv.section('=', 1));
        p.setProcessEnvironment(e);
    }
    p.start(CLOZESCOPE_CLI, args);
    if (!p.waitForFinished(120000)) qFatal("clozescope-cli did not finish");
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace cs::test
