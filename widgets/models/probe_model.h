// SPDX-License-Identifier: MIT
#pragma once

#include "engine/probe.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace cs {

/// A probe's answers, epoch × rank: a row per checkpoint; columns Checkpoint, Epoch, the top-k
/// candidates of each mask, then the probability of each followed word.
class ProbeModel : public QAbstractTableModel
{
    Q_OBJECT
  public:
    /// Roles beyond Qt's.
    enum Role {
        ProbabilityRole = Qt::UserRole + 1, ///< a candidate's or a followed word's p (double)
        TokenRole,                          ///< a candidate's token (QString)
        EpochRole,                          ///< the row's epoch (double), invalid when unknown
        StepRole,                           ///< the row's step (qlonglong), invalid when unknown
    };
    /// Fixed columns before the candidates.
    enum Column { CheckpointColumn, EpochColumn, FirstCandidateColumn };

    /// An empty table.
    explicit ProbeModel(QObject *parent = nullptr);

    /// Shows a probe's rows; topK and the followed words fix the columns.
    void setRows(std::vector<ProbeRow> rows, int topK, const QStringList &targets);
    /// The rows shown.
    const std::vector<ProbeRow> &rows() const { return m_rows; }
    /// The followed words.
    const QStringList &targets() const { return m_targets; }
    /// Column of a mask's rank (0-based both), or -1.
    int candidateColumn(int mask, int rank) const;
    /// Column of a followed word's probability, or -1.
    int targetColumn(const QString &word) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    QVariant candidateData(const ProbeRow &row, int column, int role) const;
    QVariant targetData(const ProbeRow &row, int column, int role) const;

    std::vector<ProbeRow> m_rows;
    QStringList m_targets;
    int m_masks = 1, m_topK = 0;
};

} // namespace cs
