// SPDX-License-Identifier: MIT
#include "models/checkpoint_model.h"

#include "models/session.h"
#include "report/format.h"
#include "report/report_builder.h"
#include "window/interface_language.h"

#include <QFont>

#include <algorithm>
#include <cmath>

namespace cs {

CheckpointModel::CheckpointModel(Session *session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session)
{
    // The reset brackets the session's change: begin before its data goes, end after.
    connect(session, &Session::aboutToChange, this, [this] {
        if (!m_resetting) {
            beginResetModel();
            m_resetting = true;
        }
    });
    connect(session, &Session::changed, this, &CheckpointModel::rebuild);
    rebuild();
}

void CheckpointModel::rebuild()
{
    if (!m_resetting) // first build, before any session change
        beginResetModel();
    m_resetting = false;
    m_metrics = m_session->metrics();
    m_rows.clear();
    m_runOffsets.clear();
    const auto &runs = m_session->results().runs;
    for (int r = 0; r < int(runs.size()); ++r) {
        m_runOffsets.push_back(int(m_rows.size()));
        for (int c = 0; c < int(runs[std::size_t(r)].checkpoints.size()); ++c)
            m_rows.emplace_back(r, c);
    }
    m_runOffsets.push_back(int(m_rows.size()));
    endResetModel();
}

int CheckpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CheckpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstMetricColumn + int(m_metrics.size());
}

int CheckpointModel::metricColumn(const QString &metric) const
{
    const int i = int(m_metrics.indexOf(metric));
    return i < 0 ? -1 : FirstMetricColumn + i;
}

int CheckpointModel::rowOf(int runIndex, int checkpointIndex) const
{
    // Rows are laid out run by run, so a run's rows start at its offset.
    if (runIndex < 0 || runIndex + 1 >= int(m_runOffsets.size())) return -1;
    const int row = m_runOffsets[std::size_t(runIndex)] + checkpointIndex;
    return checkpointIndex >= 0 && row < m_runOffsets[std::size_t(runIndex) + 1] ? row : -1;
}

QVariant CheckpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == ConfidenceRole) return m_session->settings().confidence;
    if (section >= FirstMetricColumn) {
        const QString id = m_metrics[section - FirstMetricColumn];
        if (role == MetricRole) return id;
        if (role == Qt::DisplayRole)
            return QString::fromStdString(metricLabel(id.toStdString(), interfaceLanguage()));
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case RunColumn: return tr("Run");
    case CheckpointColumn: return tr("Checkpoint");
    case StepColumn: return tr("Step");
    case EpochColumn: return tr("Epoch");
    }
    return {};
}

QVariant CheckpointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto [r, c] = m_rows[std::size_t(index.row())];
    const Run &run = m_session->results().runs[std::size_t(r)];
    const RunAnalysis &ra = m_session->analysed().analyses[std::size_t(r)];
    const Checkpoint &cp = run.checkpoints[std::size_t(c)];
    switch (role) {
    case RunKeyRole: return QString::fromStdString(run.key());
    case RunIndexRole: return r;
    case CheckpointIndexRole: return c;
    case StepRole: return cp.step ? QVariant(qlonglong(*cp.step)) : QVariant();
    case EpochRole: return cp.epoch ? QVariant(*cp.epoch) : QVariant();
    case RunNameRole: return QString::fromStdString(run.displayName());
    case RunColourRole: return m_session->runColour(r);
    case RunShownRole: return m_session->isRunVisible(QString::fromStdString(run.key()));
    case SeqLenRole: return run.seqLen ? QVariant(*run.seqLen) : QVariant();
    default: break;
    }
    const int col = index.column();
    if (col < FirstMetricColumn) {
        if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
        switch (col) {
        case RunColumn: return QString::fromStdString(run.displayName());
        case CheckpointColumn: return QString::fromStdString(cp.name);
        case StepColumn: return cp.step ? QVariant(qlonglong(*cp.step)) : QVariant();
        case EpochColumn:
            if (!cp.epoch) return {};
            return role == Qt::EditRole ? QVariant(*cp.epoch)
                                        : QVariant(QString::fromStdString(fmt::epoch(cp.epoch)));
        }
        return {};
    }
    const std::string metric = m_metrics[col - FirstMetricColumn].toStdString();
    const auto value = metricValue(run, &ra, std::size_t(c), metric);
    const MetricAnalysis *ma = ra.find(metric);
    switch (role) {
    case Qt::DisplayRole: return value ? QString::fromStdString(fmt::value(*value)) : QString();
    case Qt::EditRole:
    case ValueRole: return value ? QVariant(*value) : QVariant();
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole: {
        if (!value || !ma || ma->points.empty()) return {};
        const auto best = metricValue(run, &ra, ma->peak, metric);
        QFont f;
        f.setBold(best && std::fabs(*best - *value) < 1e-12);
        return f;
    }
    case IsPeakRole: return ma && !ma->points.empty() && ma->peak == std::size_t(c);
    case VerdictRole: return ma ? QVariant(int(ma->verdict)) : QVariant();
    case EarlyStopRole: {
        const auto &es = ra.earlyStop;
        if (!es || es->metric != metric || !es->stopped) return int(NoEarlyStop);
        return (es->stopAt == std::size_t(c) ? int(StoppedHere) : 0) |
               (es->restored == std::size_t(c) ? int(RestoredHere) : 0);
    }
    case WithinNoiseRole:
        return ma && std::find(ma->withinNoise.begin(), ma->withinNoise.end(), std::size_t(c)) !=
                         ma->withinNoise.end();
    case IntervalLowRole:
    case IntervalHighRole: {
        const auto ci =
            valueInterval(run, ra, std::size_t(c), metric, m_session->settings().confidence);
        if (!ci) return {};
        return role == IntervalLowRole ? ci->low : ci->high;
    }
    case Qt::ToolTipRole: {
        if (!value) return {};
        QString tip = QString::fromStdString(run.displayName() + " · " + cp.name);
        const auto ci =
            valueInterval(run, ra, std::size_t(c), metric, m_session->settings().confidence);
        tip += "\n" +
               QString::fromStdString(metricLabel(metric, interfaceLanguage()) + " " +
                                      fmt::value(*value)) +
               (ci ? " " + QString::fromStdString(fmt::interval(*ci)) : QString());
        return tip;
    }
    default: return {};
    }
}

} // namespace cs
