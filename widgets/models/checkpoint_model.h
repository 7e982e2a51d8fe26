// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace cs {

class Session;

/// The one item model behind both the checkpoint table and the charts: a row per checkpoint
/// of every run, a column per metric. Charts read the roles below; the table shows the text.
class CheckpointModel : public QAbstractTableModel
{
    Q_OBJECT
  public:
    /// Data roles beyond Qt's.
    enum Role {
        ValueRole = Qt::UserRole + 1, ///< metric value (double), invalid when absent
        RunKeyRole,                   ///< run key (QString)
        RunIndexRole,                 ///< index of the run in the session (int)
        CheckpointIndexRole,          ///< index of the checkpoint in its run (int)
        StepRole,                     ///< step (qlonglong), invalid when unknown
        EpochRole,                    ///< epoch (double), invalid when unknown
        IntervalLowRole,              ///< lower bound of the interval, invalid when none
        IntervalHighRole,             ///< upper bound of the interval
        IsPeakRole,                   ///< the run's peak for this column's metric (bool)
        WithinNoiseRole,              ///< tied with the best after Holm (bool)
        MetricRole,                   ///< metric id of a column (header data, QString)
        RunNameRole,                  ///< the run's name as shown (QString)
        RunColourRole,                ///< the run's colour in every chart (QColor)
        RunShownRole,                 ///< the run is ticked in the Runs list (bool)
        SeqLenRole,                   ///< the run's sequence length (int), invalid when unknown
        VerdictRole,                  ///< the run's verdict for this column's metric (int Verdict)
        EarlyStopRole,                ///< EarlyStopMarks of this checkpoint for this metric (int)
        ConfidenceRole,               ///< level of the intervals, e.g. 0.95 (header data)
    };
    /// Where early stopping, watching a cell's metric, stopped and what it restored (flags).
    enum EarlyStopMark { NoEarlyStop = 0, StoppedHere = 1, RestoredHere = 2 };
    /// Fixed columns before the metrics.
    enum Column { RunColumn, CheckpointColumn, StepColumn, EpochColumn, FirstMetricColumn };

    /// A model over a session; follows its changes.
    explicit CheckpointModel(Session *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Column of a metric id, or -1.
    int metricColumn(const QString &metric) const;
    /// Metric ids in column order.
    const QStringList &metricIds() const { return m_metrics; }
    /// Row of (run index, checkpoint index), or -1.
    int rowOf(int runIndex, int checkpointIndex) const;

  private:
    void rebuild();

    Session *m_session;
    QStringList m_metrics;
    std::vector<std::pair<int, int>> m_rows; // (run index, checkpoint index)
    bool m_resetting = false;                // between the session's aboutToChange and changed
    std::vector<int> m_runOffsets;           // first row of each run, then the row count
};

} // namespace cs
