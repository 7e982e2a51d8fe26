// SPDX-License-Identifier: MIT
#include "panels/examples_panel.h"

#include "models/examples_model.h"
#include "workers/examples_worker.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace cs {
namespace {

/// Keeps every row, or only the failing ones.
class FailingFilter : public QSortFilterProxyModel
{
  public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFailingOnly(bool on)
    {
        m_failingOnly = on;
        invalidateFilter();
    }

  protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return !m_failingOnly ||
               sourceModel()->index(row, 0, parent).data(ExamplesModel::FailedRole).toBool();
    }

  private:
    bool m_failingOnly = true;
};

} // namespace

ExamplesPanel::ExamplesPanel(QWidget *parent)
    : QWidget(parent), m_model(new ExamplesModel(this)), m_proxy(new FailingFilter(this)),
      m_view(new QTableView(this)), m_summary(new QLabel(this)),
      m_failingOnly(new QCheckBox(tr("Failing only (answer not first)"), this)),
      m_probe(new QPushButton(tr("Open in Probe"), this)),
      m_locate(new QPushButton(tr("Locate set…"), this)), m_settle(new QTimer(this)),
      m_reader(new ExamplesWorker(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(150);
    connect(m_settle, &QTimer::timeout, this, &ExamplesPanel::read);
    connect(m_reader, &ExamplesWorker::finished, this, [this](quint64 id) {
        if (id == m_request) display(m_reader->takeResult(), m_label); // else superseded
    });
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::EditRole);
    m_view->setObjectName("examplesView");
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ExamplesModel::RankColumn, Qt::DescendingOrder); // worst first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_summary->setObjectName("examplesSummary");
    m_summary->setWordWrap(true);
    m_failingOnly->setObjectName("failingOnly");
    m_failingOnly->setChecked(true);
    m_probe->setObjectName("probeExampleButton");
    m_probe->setEnabled(false);
    connect(m_failingOnly, &QCheckBox::toggled, this,
            [this](bool on) { static_cast<FailingFilter *>(m_proxy)->setFailingOnly(on); });
    connect(m_probe, &QPushButton::clicked, this, &ExamplesPanel::probeCurrent);
    m_locate->setObjectName("locateSetButton");
    m_locate->setToolTip(tr("A results file's paths are not followed outside its folder: choose "
                            "the cloze set it was evaluated on to show the texts"));
    m_locate->setVisible(false);
    connect(m_locate, &QPushButton::clicked, this, &ExamplesPanel::locateSet);
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (m_probe->isEnabled()) probeCurrent();
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_locate);
    top->addWidget(m_failingOnly);
    top->addWidget(m_probe);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view);
    m_probe->setVisible(false); // shown by setProbeAvailable
    showNothing(tr("Select a checkpoint evaluated by ClozeScope to see its examples."));
}

void ExamplesPanel::setProbeAvailable(bool available)
{
    m_probe->setVisible(available);
    m_probe->setEnabled(available && m_model->rowCount() > 0);
}

void ExamplesPanel::showResults(const QString &resultsFile, const QString &checkpoint,
                                const QString &label)
{
    ++m_request; // a read in flight no longer applies
    m_file = resultsFile;
    m_checkpoint = checkpoint;
    m_label = label;
    m_summary->setText(tr("%1: reading…").arg(label));
    m_settle->start();
}

void ExamplesPanel::read()
{
    // A set of long texts takes a fraction of a second to read: off the GUI thread.
    m_reader->start({m_file, m_checkpoint, m_chosenSets, ++m_request});
}

void ExamplesPanel::display(CheckpointExamples examples, const QString &label)
{
    m_model->setExamples(std::move(examples));
    const auto &shown = m_model->examples();
    int failed = 0;
    for (const EvaluatedExample &e : shown.examples)
        failed += e.failed();
    QString text =
        tr("%1: %2 of %n example(s) not answered first.", nullptr, int(shown.examples.size()))
            .arg(label)
            .arg(failed);
    for (const Problem &p : shown.problems)
        text += "\n" + QString::fromStdString(p.message);
    m_shownSummary = text;
    m_summary->setText(text);
    m_probe->setEnabled(!m_probe->isHidden() && !shown.examples.empty());
    m_locate->setVisible(!shown.missingSets.empty());
    emit examplesShown();
}

void ExamplesPanel::showNothing(const QString &why)
{
    ++m_request; // a read in flight no longer applies
    m_settle->stop();
    m_file.clear();
    m_model->setExamples({});
    m_shownSummary = why;
    m_summary->setText(why);
    m_probe->setEnabled(false);
    m_locate->setVisible(false);
}

void ExamplesPanel::addChosenSets(const QStringList &files)
{
    bool added = false;
    for (const QString &f : files) {
        const QString path = QFileInfo(f).absoluteFilePath();
        if (!f.isEmpty() && !m_chosenSets.contains(path)) {
            m_chosenSets << path;
            added = true;
        }
    }
    if (added && !m_file.isEmpty()) showResults(m_file, m_checkpoint, m_label);
}

void ExamplesPanel::locateSet()
{
    const auto &missing = m_model->examples().missingSets;
    if (missing.empty()) return;
    const QString recorded = QString::fromStdString(missing.front().recorded);
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Locate cloze set \"%1\"").arg(QString::fromStdString(missing.front().name)),
        QFileInfo(recorded).isAbsolute() ? recorded : QString(),
        tr("Cloze sets (*.jsonl);;All files (*)"));
    if (!file.isEmpty()) addChosenSets({file});
}

void ExamplesPanel::probeCurrent()
{
    QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) current = m_proxy->index(0, 0); // the worst one
    if (!current.isValid()) return;
    const EvaluatedExample &e =
        m_model->examples().examples[std::size_t(m_proxy->mapToSource(current).row())];
    // The evaluated checkpoint, as recorded; a relative path is tried from the results too.
    const QString checkpoint = evaluatedCheckpointFolder(m_model->examples().resultsFile,
                                                         m_model->examples().checkpointPath);
    const QString id = QString::fromStdString(e.id);
    QString why;
    if (e.text.empty())
        why = tr("The text of %1 is not available (see above).").arg(id);
    else if (m_model->examples().checkpointPath.empty())
        why = tr("The results do not say which checkpoint was evaluated: use Probe… and choose "
                 "its folder for %1.")
                  .arg(id);
    else if (!QFileInfo(checkpoint).isDir())
        why = tr("The evaluated checkpoint %1 is not on this machine: use Probe… and choose its "
                 "folder for %2.")
                  .arg(checkpoint, id);
    if (!why.isEmpty()) {
        m_summary->setText(m_shownSummary + "\n" + why);
        return;
    }
    ProbeSetup setup;
    setup.folder = QFileInfo(checkpoint).absoluteFilePath();
    setup.text = QString::fromStdString(e.text);
    for (const std::string &a : e.answers)
        setup.targets << QString::fromStdString(a);
    setup.maxLength = m_model->examples().maxLength;
    setup.rightKeep = m_model->examples().rightKeep;
    setup.dtype = QString::fromStdString(m_model->examples().dtype);
    emit probeRequested(setup);
}

} // namespace cs
