// SPDX-License-Identifier: MIT
#include "models/probe_model.h"

#include <QColor>
#include <QFileInfo>
#include <QFont>

#include <algorithm>

namespace cs {

ProbeModel::ProbeModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProbeModel::setRows(std::vector<ProbeRow> rows, int topK, const QStringList &targets)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_targets = targets;
    m_topK = std::max(topK, 0);
    m_masks = 1; // the candidate columns stay when every checkpoint failed: "failed" is there
    for (const ProbeRow &r : m_rows)
        m_masks = std::max(m_masks, int(r.result.perMask.size()));
    endResetModel();
}

int ProbeModel::candidateColumn(int mask, int rank) const
{
    if (mask < 0 || mask >= m_masks || rank < 0 || rank >= m_topK) return -1;
    return FirstCandidateColumn + mask * m_topK + rank;
}

int ProbeModel::targetColumn(const QString &word) const
{
    const int i = int(m_targets.indexOf(word));
    return i < 0 ? -1 : FirstCandidateColumn + m_masks * m_topK + i;
}

int ProbeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProbeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstCandidateColumn + m_masks * m_topK + int(m_targets.size());
}

QVariant ProbeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProbeRow &row = m_rows[std::size_t(index.row())];
    if (role == EpochRole) return row.epoch ? QVariant(*row.epoch) : QVariant();
    if (role == StepRole) return row.step ? QVariant(qlonglong(*row.step)) : QVariant();
    const int c = index.column();
    if (c == CheckpointColumn) {
        if (role == Qt::DisplayRole)
            return QFileInfo(QString::fromStdString(row.checkpoint)).fileName();
        if (role == Qt::ToolTipRole) return QString::fromStdString(row.checkpoint);
        return {};
    }
    if (c == EpochColumn) {
        if (role == Qt::DisplayRole && row.epoch) return QString::number(*row.epoch, 'f', 2);
        return {};
    }
    if (!row.error.empty()) {
        // A checkpoint without an answer says so in its first candidate cell, and why in the
        // tooltip (the reason names the whole path).
        if (c != FirstCandidateColumn) return {};
        if (role == Qt::DisplayRole) return tr("failed");
        if (role == Qt::ToolTipRole) return QString::fromStdString(row.error);
        if (role == Qt::ForegroundRole) return QColor(Qt::gray);
        return {};
    }
    if (c < FirstCandidateColumn + m_masks * m_topK) return candidateData(row, c, role);
    return targetData(row, c, role);
}

QVariant ProbeModel::candidateData(const ProbeRow &row, int column, int role) const
{
    const int mask = (column - FirstCandidateColumn) / m_topK,
              rank = (column - FirstCandidateColumn) % m_topK;
    if (mask >= int(row.result.perMask.size()) ||
        rank >= int(row.result.perMask[std::size_t(mask)].size()))
        return {};
    const FillCandidate &c = row.result.perMask[std::size_t(mask)][std::size_t(rank)];
    const QString token = QString::fromStdString(c.tokens.empty() ? std::string() : c.tokens[0]);
    switch (role) {
    case Qt::DisplayRole: return QStringLiteral("%1  %2").arg(token).arg(c.prob, 0, 'f', 3);
    case Qt::ToolTipRole:
        return tr("%1: p = %2, log p = %3, id %4")
            .arg(token)
            .arg(c.prob, 0, 'g', 4)
            .arg(c.logProb, 0, 'f', 4)
            .arg(c.ids.empty() ? -1 : c.ids[0]);
    case ProbabilityRole: return c.prob;
    case TokenRole: return token;
    case Qt::FontRole:
        // A followed word among the candidates stands out: compared by token id, as a
        // vocabulary token may carry a prefix the word has not (▁, Ġ, ##) or another case.
        for (const auto &[word, target] : row.result.targets)
            if (target.ids.size() == 1 && !c.ids.empty() && target.ids[0] == c.ids[0]) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
        return {};
    default: return {};
    }
}

QVariant ProbeModel::targetData(const ProbeRow &row, int column, int role) const
{
    const int i = column - FirstCandidateColumn - m_masks * m_topK;
    if (i < 0 || i >= int(m_targets.size())) return {};
    const auto p = targetProbability(row, m_targets[i].toStdString());
    if (!p) return {};
    if (role == Qt::DisplayRole) return QString::number(*p, 'g', 4);
    if (role == ProbabilityRole) return *p;
    return {};
}

QVariant ProbeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columnCount())
        return {};
    if (section == CheckpointColumn) return tr("Checkpoint");
    if (section == EpochColumn) return tr("Epoch");
    const int candidate = section - FirstCandidateColumn;
    if (candidate < m_masks * m_topK) {
        const int mask = candidate / m_topK, rank = candidate % m_topK;
        return m_masks > 1 ? tr("Mask %1 #%2").arg(mask + 1).arg(rank + 1)
                           : QStringLiteral("#%1").arg(rank + 1);
    }
    return tr("p(%1)").arg(m_targets[candidate - m_masks * m_topK]);
}

} // namespace cs
