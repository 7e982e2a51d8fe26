// SPDX-License-Identifier: MIT
#include "models/runs_model.h"

#include "models/session.h"
#include "report/format.h"

#include <QPixmap>

#include <functional>
#include <map>
#include <set>

namespace cs {
namespace {

QStandardItem *fixedItem()
{
    auto *item = new QStandardItem;
    item->setEditable(false);
    return item;
}

} // namespace

RunsModel::RunsModel(Session *session, QObject *parent)
    : QStandardItemModel(parent), m_session(session)
{
    connect(session, &Session::changed, this, &RunsModel::rebuild);
    connect(session, &Session::visibilityChanged, this, &RunsModel::syncChecks);
    connect(this, &QStandardItemModel::itemChanged, this, &RunsModel::onItemChanged);
    rebuild();
}

void RunsModel::syncChecks()
{
    // Visibility changed elsewhere (a workspace, a test): the check boxes follow.
    m_building = true;
    std::function<void(QStandardItem *)> visit = [&](QStandardItem *parent) {
        for (int r = 0; r < parent->rowCount(); ++r) {
            QStandardItem *item = parent->child(r);
            if (item->isCheckable()) {
                const auto state = m_session->isRunVisible(item->data(RunKeyRole).toString())
                                       ? Qt::Checked
                                       : Qt::Unchecked;
                if (item->checkState() != state) item->setCheckState(state);
            }
            visit(item);
        }
    };
    visit(invisibleRootItem());
    m_building = false;
}

void RunsModel::rebuild()
{
    m_building = true;
    clear();
    setHorizontalHeaderLabels(
        {tr("Run"), tr("Checkpoints"), tr("n per metric"), tr("Steps/epoch")});
    std::map<std::string, QStandardItem *> experiments;
    std::map<std::pair<std::string, int>, QStandardItem *> lengths;
    const auto &runs = m_session->results().runs;
    for (int i = 0; i < int(runs.size()); ++i) {
        const Run &run = runs[std::size_t(i)];
        QStandardItem *&exp = experiments[run.experiment];
        if (!exp) {
            exp = new QStandardItem(QString::fromStdString(run.experiment));
            exp->setEditable(false);
            appendRow({exp, fixedItem(), fixedItem(), fixedItem()});
        }
        const int len = run.seqLen.value_or(0);
        QStandardItem *&group = lengths[{run.experiment, len}];
        if (!group) {
            group = new QStandardItem(len ? tr("%1 tokens").arg(len) : tr("length unknown"));
            group->setEditable(false);
            exp->appendRow({group, fixedItem(), fixedItem(), fixedItem()});
        }
        auto *item = new QStandardItem(QString::fromStdString(run.displayName()));
        item->setEditable(false);
        item->setCheckable(true);
        item->setCheckState(m_session->isRunVisible(QString::fromStdString(run.key()))
                                ? Qt::Checked
                                : Qt::Unchecked);
        item->setData(QString::fromStdString(run.key()), RunKeyRole);
        QPixmap swatch(12, 12);
        swatch.fill(m_session->runColour(i));
        item->setData(swatch, Qt::DecorationRole);
        item->setToolTip(QString::fromStdString(run.key()));
        std::map<std::string, std::set<std::int64_t>> ns;
        for (const auto &cp : run.checkpoints)
            for (const auto &[id, mv] : cp.metrics)
                if (mv.n) ns[id].insert(*mv.n);
        QString nText;
        for (const auto &[id, set] : ns)
            for (auto n : set)
                nText += (nText.isEmpty() ? "" : ", ") + QString::fromStdString(id) + " " +
                         QString::number(n);
        auto *count = new QStandardItem(QString::number(run.checkpoints.size()));
        auto *nItem = new QStandardItem(nText);
        auto *spe = new QStandardItem(run.stepsPerEpoch
                                          ? QString::fromStdString(fmt::number(*run.stepsPerEpoch))
                                          : QString());
        for (auto *x : {count, nItem})
            x->setEditable(false);
        spe->setData(QString::fromStdString(run.name), RunNameRole);
        spe->setToolTip(tr("Steps per epoch (double-click to set; remembered in the workspace)"));
        group->appendRow({item, count, nItem, spe});
    }
    m_building = false;
}

void RunsModel::onItemChanged(QStandardItem *item)
{
    if (m_building) return;
    if (item->isCheckable()) {
        m_session->setRunVisible(item->data(RunKeyRole).toString(),
                                 item->checkState() == Qt::Checked);
    } else if (const QString run = item->data(RunNameRole).toString(); !run.isEmpty()) {
        bool ok = false;
        const double spe = item->text().toDouble(&ok);
        m_session->setUserStepsPerEpoch(run, ok ? spe : 0.0);
        emit stepsPerEpochEdited();
    }
}

} // namespace cs
