// SPDX-License-Identifier: MIT
#include "dialogs/flips_dialog.h"

#include "models/flips_model.h"
#include "report/format.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cs {

FlipsDialog::FlipsDialog(bool probeAvailable, QWidget *parent)
    : QDialog(parent), m_model(new FlipsModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)), m_summary(new QLabel(this)), m_why(new QLabel(this)),
      m_probe(new QPushButton(tr("Open in Probe"), this))
{
    setObjectName("flipsDialog");
    resize(1000, 520);
    m_summary->setObjectName("flipsSummary");
    m_summary->setWordWrap(true);
    m_why->setWordWrap(true);
    m_why->setVisible(false);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::EditRole);
    m_view->setObjectName("flipsView");
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_probe->setObjectName("probeFlipButton");
    m_probe->setVisible(probeAvailable);
    connect(m_probe, &QPushButton::clicked, this, &FlipsDialog::probeCurrent);
    connect(m_view, &QTableView::doubleClicked, this, [this, probeAvailable] {
        if (probeAvailable) probeCurrent();
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_probe, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_why);
    layout->addWidget(buttons);
}

void FlipsDialog::showFlips(const QString &run, DescribedFlips flips)
{
    const Flips &f = flips.flips;
    setWindowTitle(
        tr("Flips: %1, %2 → %3")
            .arg(run, QString::fromStdString(flips.from), QString::fromStdString(flips.to)));
    m_summary->setText(
        tr("%1 from %2 to %3: %4 right → wrong, %5 wrong → right of %6 examples both recorded "
           "(exact McNemar, %7).")
            .arg(QString::fromStdString(f.metric), QString::fromStdString(flips.from),
                 QString::fromStdString(flips.to))
            .arg(f.lost.size())
            .arg(f.gained.size())
            .arg(f.paired)
            .arg(QString::fromStdString(fmt::pClause(f.p))));
    QStringList problems;
    for (const auto &p : flips.problems)
        problems << QString::fromStdString(problemLine(p));
    m_why->setText(problems.join("\n"));
    m_why->setVisible(!problems.isEmpty());
    m_model->setFlips(std::move(flips));
    m_view->resizeColumnsToContents();
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the records' order: lost first
    m_probe->setEnabled(m_model->rowCount() > 0);
}

QString FlipsDialog::summary() const
{
    return m_summary->text();
}

void FlipsDialog::probeCurrent()
{
    QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) current = m_proxy->index(0, 0);
    if (!current.isValid()) return;
    const DescribedFlips &d = m_model->flips();
    const FlippedExample &e = d.examples[std::size_t(m_proxy->mapToSource(current).row())];
    // The run folder of the evaluated checkpoint: the probe shows every checkpoint side by
    // side, the two compared among them.
    const QString checkpoint = evaluatedCheckpointFolder(d.resultsFile, d.checkpointPath);
    const QString run = QFileInfo(checkpoint).absolutePath();
    if (e.text.empty() || d.checkpointPath.empty() || !QFileInfo(checkpoint).isDir()) {
        m_why->setText(
            e.text.empty()
                ? tr("The text of %1 is not available.").arg(QString::fromStdString(e.id))
                : tr("The evaluated checkpoint %1 is not on this machine.").arg(checkpoint));
        m_why->setVisible(true);
        return;
    }
    ProbeSetup setup;
    setup.folder = run;
    setup.text = QString::fromStdString(e.text);
    for (const std::string &a : e.answers)
        setup.targets << QString::fromStdString(a);
    setup.maxLength = d.maxLength;
    setup.rightKeep = d.rightKeep;
    setup.dtype = QString::fromStdString(d.dtype);
    emit probeRequested(setup);
}

} // namespace cs
