// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>
#include <QTableView>

namespace cs {

class CheckpointModel;
class Session;

/// The checkpoint model restricted to the visible runs, sortable by value.
class VisibleRunsProxy : public QSortFilterProxyModel
{
    Q_OBJECT
  public:
    /// A proxy over model that follows the session's visibility.
    VisibleRunsProxy(Session *session, CheckpointModel *model, QObject *parent = nullptr);

  protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

  private:
    Session *m_session;
};

/// The checkpoint table: best values bold, sortable, copy as TSV (Ctrl+C) or Markdown.
class CheckpointTable : public QTableView
{
    Q_OBJECT
  public:
    /// A table over the session's checkpoints.
    CheckpointTable(Session *session, CheckpointModel *model, QWidget *parent = nullptr);
    /// The selection (or everything) as tab-separated text.
    QString selectionAsTsv() const;
    /// The selection (or everything) as a Markdown table.
    QString selectionAsMarkdown() const;

  private:
    QList<QList<QString>> selectedCells() const;
};

} // namespace cs
