// SPDX-License-Identifier: MIT
#include "models/examples_model.h"

#include <QStringList>

#include <limits>

namespace cs {
namespace {

QString joined(const std::vector<std::string> &parts, const QString &separator)
{
    QStringList out;
    for (const std::string &p : parts)
        out << QString::fromStdString(p);
    return out.join(separator);
}

} // namespace

ExamplesModel::ExamplesModel(QObject *parent) : QAbstractTableModel(parent) {}

void ExamplesModel::setExamples(CheckpointExamples examples)
{
    beginResetModel();
    m_examples = std::move(examples);
    endResetModel();
}

int ExamplesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_examples.examples.size());
}

int ExamplesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExamplesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EvaluatedExample &e = m_examples.examples[std::size_t(index.row())];
    if (role == FailedRole) return e.failed();
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole) return {};
    const bool sorting = role == Qt::EditRole;
    switch (index.column()) {
    case SetColumn: return QString::fromStdString(e.dataset);
    case IdColumn: return QString::fromStdString(e.id);
    case RankColumn:
        if (sorting) return e.rank ? *e.rank : std::numeric_limits<int>::max();
        if (e.rank) return QString::number(*e.rank);
        return role == Qt::ToolTipRole ? tr("not among the best fillings the evaluation kept")
                                       : QStringLiteral("—");
    case GoldColumn:
        if (!e.goldLogprob) return {};
        return sorting ? QVariant(*e.goldLogprob)
                       : QVariant(QString::number(*e.goldLogprob, 'f', 3));
    case BestColumn: return joined(e.best, QStringLiteral(" "));
    case AnswerColumn: return joined(e.answers, QStringLiteral(" / "));
    case TextColumn:
        if (e.text.empty() && role == Qt::ToolTipRole)
            return tr("The cloze set was not found; see the line above the table.");
        return QString::fromStdString(e.text);
    default: return {};
    }
}

QVariant ExamplesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case SetColumn: return tr("Set");
    case IdColumn: return tr("Example");
    case RankColumn: return tr("Rank");
    case GoldColumn: return tr("Gold log p");
    case BestColumn: return tr("Best filling");
    case AnswerColumn: return tr("Answer");
    case TextColumn: return tr("Text");
    default: return {};
    }
}

} // namespace cs
