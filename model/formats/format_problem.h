// SPDX-License-Identifier: MIT
#pragma once

#include "results/result_types.h"

#include <functional>
#include <string>

namespace cs {

/// Reports a problem a format's reader found: severity, place in the document, reason.
using FormatProblemFn =
    std::function<void(Severity, const std::string &location, const std::string &message)>;

} // namespace cs
