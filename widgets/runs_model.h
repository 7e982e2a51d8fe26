// SPDX-License-Identifier: MIT
#pragma once

#include <QStandardItemModel>

namespace cs {

class Session;

/// Runs as a tree: experiment → sequence length → run; a run is checkable (shown or not) and
/// carries its colour swatch, checkpoint count and n per metric.
class RunsModel : public QStandardItemModel
{
    Q_OBJECT
  public:
    /// Data roles.
    enum Role { RunKeyRole = Qt::UserRole + 1 };

    /// A model over a session.
    explicit RunsModel(Session *session, QObject *parent = nullptr);

  private:
    void rebuild();
    void onItemChanged(QStandardItem *item);

    Session *m_session;
    bool m_building = false;
};

} // namespace cs
