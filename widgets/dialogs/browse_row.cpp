// SPDX-License-Identifier: MIT
#include "dialogs/browse_row.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace cs {

QLineEdit *browseRow(QWidget *parent, const QString &objectName, bool folder, const QString &filter)
{
    auto *row = new QWidget(parent);
    auto *edit = new QLineEdit(row);
    edit->setObjectName(objectName);
    auto *browse = new QPushButton(QCoreApplication::translate("cs::BrowseRow", "Browse…"), row);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(edit);
    h->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [parent, edit, folder, filter] {
        const QString path = folder
                                 ? QFileDialog::getExistingDirectory(parent, {}, edit->text())
                                 : QFileDialog::getOpenFileName(parent, {}, edit->text(), filter);
        if (path.isEmpty()) return;
        edit->setText(path);
        emit edit->editingFinished();
    });
    return edit;
}

} // namespace cs
