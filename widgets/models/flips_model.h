// SPDX-License-Identifier: MIT
#pragma once

#include "results/flip_examples.h"

#include <QAbstractTableModel>

namespace cs {

/// The examples that flipped between two checkpoints: change, set, id, rank before and after,
/// answer, text. Sorting uses Qt::EditRole (ranks as numbers; "not among the best" last).
class FlipsModel : public QAbstractTableModel
{
    Q_OBJECT
  public:
    /// Roles beyond Qt's.
    enum Role {
        LostRole = Qt::UserRole + 1, ///< right → wrong (bool)
    };
    /// The columns.
    enum Column {
        ChangeColumn,
        SetColumn,
        IdColumn,
        RankBeforeColumn,
        RankAfterColumn,
        AnswerColumn,
        TextColumn,
        ColumnCount
    };

    /// An empty table.
    explicit FlipsModel(QObject *parent = nullptr);

    /// Shows the flips of one metric between two checkpoints.
    void setFlips(DescribedFlips flips);
    /// What is shown.
    const DescribedFlips &flips() const { return m_flips; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    DescribedFlips m_flips;
};

} // namespace cs
