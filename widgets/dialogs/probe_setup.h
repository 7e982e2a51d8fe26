// SPDX-License-Identifier: MIT
#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <string>

namespace cs {

/// What a probe is asked to do from an evaluated example: where, what, and how the evaluation
/// read it (so the probe gives its numbers).
struct ProbeSetup
{
    QString folder;      ///< checkpoint or run folder
    QString text;        ///< text with its [MASK]
    QStringList targets; ///< words to follow (an example's answers)
    int maxLength = 0;   ///< cut a longer text as the evaluation did (0 = whole text)
    int rightKeep = 64;  ///< tokens kept after the mask when cutting
    QString dtype;       ///< precision the evaluation used ("" = leave as chosen)
};

/// The checkpoint folder an evaluation recorded: as written, or, when relative and not found
/// from here, relative to the results file's folder.
inline QString evaluatedCheckpointFolder(const std::string &resultsFile,
                                         const std::string &recorded)
{
    const QString checkpoint = QString::fromStdString(recorded);
    if (QFileInfo(checkpoint).isRelative() && !QFileInfo(checkpoint).isDir())
        return QFileInfo(QString::fromStdString(resultsFile)).dir().filePath(checkpoint);
    return checkpoint;
}

} // namespace cs
