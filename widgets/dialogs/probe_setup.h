// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

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

} // namespace cs
