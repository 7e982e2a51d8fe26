// SPDX-License-Identifier: MIT
#include "models/problems_model.h"

#include "models/session.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QStyle>

namespace cs {

ProblemsModel::ProblemsModel(Session *session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session)
{
    connect(session, &Session::aboutToChange, this, &ProblemsModel::beginResetModel);
    connect(session, &Session::changed, this, &ProblemsModel::endResetModel);
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_session->results().problems.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 4;
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case 0: return tr("Severity");
    case 1: return tr("File");
    case 2: return tr("Place");
    case 3: return tr("Reason");
    }
    return {};
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Problem &p = m_session->results().problems[std::size_t(index.row())];
    if (role == Qt::DecorationRole && index.column() == 0 &&
        qobject_cast<QApplication *>(QCoreApplication::instance())) {
        const auto icon = p.severity == Severity::Error     ? QStyle::SP_MessageBoxCritical
                          : p.severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                            : QStyle::SP_MessageBoxInformation;
        return QApplication::style()->standardIcon(icon);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    // The file by its folder and name (runs/a/trainer_state.json: a/trainer_state.json); its
    // whole path on hover (a path cut from the right hid the name).
    if (index.column() == 1 && role == Qt::DisplayRole && !p.file.empty()) {
        const QFileInfo file(QString::fromStdString(p.file));
        const QString folder = file.dir().dirName();
        return folder.isEmpty() || folder == "." ? file.fileName() : folder + "/" + file.fileName();
    }
    if (index.column() == 1) return QDir::toNativeSeparators(QString::fromStdString(p.file));
    switch (index.column()) {
    case 0:
        return p.severity == Severity::Error     ? tr("error")
               : p.severity == Severity::Warning ? tr("warning")
                                                 : tr("note");
    case 1: return QString::fromStdString(p.file);
    case 2: return QString::fromStdString(p.location);
    case 3: return QString::fromStdString(p.message);
    }
    return {};
}

} // namespace cs
