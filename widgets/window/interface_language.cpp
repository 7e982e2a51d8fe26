// SPDX-License-Identifier: MIT
#include "window/interface_language.h"

#include <QCoreApplication>

namespace cs {

ReportLanguage interfaceLanguage()
{
    // Each translation says which language it is, so the core's words match the loaded one.
    return QCoreApplication::translate("cs::InterfaceLanguage", "en",
                                       "language code of this translation") == "ko"
               ? ReportLanguage::Korean
               : ReportLanguage::English;
}

} // namespace cs
