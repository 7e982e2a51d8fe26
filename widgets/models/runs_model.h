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
    enum Role {
        RunKeyRole = Qt::UserRole + 1, ///< run key, on run items
        RunNameRole,                   ///< run name, on steps-per-epoch items
    };

    /// A model over a session.
    explicit RunsModel(Session *session, QObject *parent = nullptr);

  signals:
    /// The user typed a run's steps per epoch (the session has it; results need re-importing).
    void stepsPerEpochEdited();

  private:
    void rebuild();
    void onItemChanged(QStandardItem *item);
    void syncChecks();

    Session *m_session;
    bool m_building = false;
};

} // namespace cs
