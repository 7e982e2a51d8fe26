// SPDX-License-Identifier: MIT
#include "panels/checkpoint_table.h"

#include "models/checkpoint_model.h"
#include "models/session.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>

#include <map>

namespace cs {

VisibleRunsProxy::VisibleRunsProxy(Session *session, CheckpointModel *model, QObject *parent)
    : QSortFilterProxyModel(parent), m_session(session)
{
    setSourceModel(model);
    setSortRole(Qt::EditRole);
    connect(session, &Session::visibilityChanged, this, &VisibleRunsProxy::invalidateFilter);
}

bool VisibleRunsProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex idx = sourceModel()->index(row, 0, parent);
    return m_session->isRunVisible(idx.data(CheckpointModel::RunKeyRole).toString());
}

CheckpointTable::CheckpointTable(Session *session, CheckpointModel *model, QWidget *parent)
    : QTableView(parent)
{
    setModel(new VisibleRunsProxy(session, model, this));
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *tsv = new QAction(tr("Copy as TSV"), this);
    tsv->setShortcut(QKeySequence::Copy);
    tsv->setShortcutContext(
        Qt::WidgetWithChildrenShortcut); // Ctrl+C elsewhere copies what is there
    connect(tsv, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(selectionAsTsv()); });
    auto *md = new QAction(tr("Copy as Markdown"), this);
    connect(md, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(selectionAsMarkdown()); });
    addAction(tsv);
    addAction(md);
}

QList<QList<QString>> CheckpointTable::selectedCells() const
{
    const QAbstractItemModel *m = model();
    QModelIndexList sel =
        selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList{};
    std::map<int, std::map<int, QString>> grid;
    if (sel.isEmpty())
        for (int r = 0; r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c)
                sel << m->index(r, c);
    for (const QModelIndex &i : sel)
        grid[i.row()][i.column()] = i.data().toString();
    QList<QList<QString>> out;
    QList<QString> header;
    std::map<int, bool> columns;
    for (const auto &[r, cols] : grid)
        for (const auto &[c, text] : cols)
            columns[c] = true;
    for (const auto &[c, x] : columns)
        header << m->headerData(c, Qt::Horizontal).toString();
    out << header;
    for (const auto &[r, cols] : grid) {
        QList<QString> row;
        for (const auto &[c, x] : columns)
            row << (cols.count(c) ? cols.at(c) : QString());
        out << row;
    }
    return out;
}

QString CheckpointTable::selectionAsTsv() const
{
    QString out;
    for (const auto &row : selectedCells())
        out += row.join('\t') + '\n';
    return out;
}

QString CheckpointTable::selectionAsMarkdown() const
{
    const auto cells = selectedCells();
    QString out;
    for (int i = 0; i < cells.size(); ++i) {
        out += "| " + cells[i].join(" | ") + " |\n";
        if (i == 0) {
            QStringList rule;
            for (int c = 0; c < cells[0].size(); ++c)
                rule << (c == 0 ? "---" : "---:");
            out += "| " + rule.join(" | ") + " |\n";
        }
    }
    return out;
}

} // namespace cs
