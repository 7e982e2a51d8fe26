// SPDX-License-Identifier: MIT
// Helpers for the widget suites: a session holding the bundled samples.
#pragma once

#include "models/session.h"
#include "results/result_loader.h"

#include <QStringList>

namespace cs::test {

/// Loads resources/samples into a session synchronously.
inline void loadSamples(Session &session)
{
    session.setResults(loadResults({CLOZESCOPE_SAMPLES}), {QStringLiteral(CLOZESCOPE_SAMPLES)});
}

} // namespace cs::test
