// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>

namespace cs {

class Session;

/// Import problems of the session: severity, file, place, reason.
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT
  public:
    /// A model over a session's problems.
    explicit ProblemsModel(Session *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    Session *m_session;
};

} // namespace cs
