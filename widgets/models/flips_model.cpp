// SPDX-License-Identifier: MIT
#include "models/flips_model.h"

#include <QColor>

namespace cs {

FlipsModel::FlipsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FlipsModel::setFlips(DescribedFlips flips)
{
    beginResetModel();
    m_flips = std::move(flips);
    endResetModel();
}

int FlipsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_flips.examples.size());
}

int FlipsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlipsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FlippedExample &e = m_flips.examples[std::size_t(index.row())];
    if (role == LostRole) return e.lost;
    if (role == Qt::ForegroundRole && index.column() == ChangeColumn)
        return e.lost ? QColor(0xc0, 0x39, 0x2b) : QColor(0x1e, 0x84, 0x49);
    const auto rank = [&](const std::optional<int> &r) -> QVariant {
        if (role == Qt::EditRole) return r ? *r : 1000000; // not among the best: last
        return r ? QString::number(*r) : tr(">10");
    };
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
    case ChangeColumn: return e.lost ? tr("right → wrong") : tr("wrong → right");
    case SetColumn: return QString::fromStdString(e.dataset);
    case IdColumn: return QString::fromStdString(e.id);
    case RankBeforeColumn: return rank(e.rankFrom);
    case RankAfterColumn: return rank(e.rankTo);
    case AnswerColumn: {
        QStringList answers;
        for (const auto &a : e.answers)
            answers << QString::fromStdString(a);
        return answers.join(" | ");
    }
    case TextColumn:
        return e.text.empty() && role == Qt::DisplayRole ? tr("(text not found)")
                                                         : QString::fromStdString(e.text);
    }
    return {};
}

QVariant FlipsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case ChangeColumn: return tr("Change");
    case SetColumn: return tr("Set");
    case IdColumn: return tr("Example");
    case RankBeforeColumn: return tr("Rank at %1").arg(QString::fromStdString(m_flips.from));
    case RankAfterColumn: return tr("Rank at %1").arg(QString::fromStdString(m_flips.to));
    case AnswerColumn: return tr("Answer");
    case TextColumn: return tr("Text");
    }
    return {};
}

} // namespace cs
