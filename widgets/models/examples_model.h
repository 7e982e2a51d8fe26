// SPDX-License-Identifier: MIT
#pragma once

#include "results/evaluated_examples.h"

#include <QAbstractTableModel>

namespace cs {

/// The evaluated examples of one checkpoint: set, id, rank, gold log p, best filling, answer,
/// text. Sorting uses Qt::EditRole (numbers for rank and log p; no rank sorts last).
class ExamplesModel : public QAbstractTableModel
{
    Q_OBJECT
  public:
    /// Roles beyond Qt's.
    enum Role {
        FailedRole = Qt::UserRole + 1, ///< the answer was not the first choice (bool)
    };
    /// The columns.
    enum Column {
        SetColumn,
        IdColumn,
        RankColumn,
        GoldColumn,
        BestColumn,
        AnswerColumn,
        TextColumn,
        ColumnCount
    };

    /// An empty table.
    explicit ExamplesModel(QObject *parent = nullptr);

    /// Shows a checkpoint's examples.
    void setExamples(CheckpointExamples examples);
    /// What is shown.
    const CheckpointExamples &examples() const { return m_examples; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    CheckpointExamples m_examples;
};

} // namespace cs
