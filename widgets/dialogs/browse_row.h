// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QLineEdit;
class QWidget;

namespace cs {

/// A line edit with a Browse… button beside it (a folder, or a file matching filter); the row
/// widget is the edit's parent, for a form. Choosing a path emits the edit's editingFinished.
QLineEdit *browseRow(QWidget *parent, const QString &objectName, bool folder,
                     const QString &filter = {});

} // namespace cs
