// SPDX-License-Identifier: MIT
#include "dialogs/eval_dialog.h"

#include "dialogs/browse_row.h"
#include "workers/eval_worker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cs {

EvalDialog::EvalDialog(QWidget *parent)
    : QDialog(parent), m_worker(new EvalWorker(this)), m_checkpoints(new QListWidget(this)),
      m_device(new QComboBox(this)), m_dtype(new QComboBox(this)), m_maxLength(new QSpinBox(this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_follow(new QCheckBox(tr("Follow the run while it trains: evaluate each checkpoint as "
                                "soon as it is saved, until training ends"),
                             this))
{
    setWindowTitle(tr("Evaluate checkpoints"));
    auto *form = new QFormLayout;
    m_run = browseRow(this, "runEdit", true);
    form->addRow(tr("Run folder"), m_run->parentWidget());
    m_checkpoints->setObjectName("checkpointList");
    form->addRow(tr("Checkpoints"), m_checkpoints);
    const QString jsonl = tr("Cloze sets (*.jsonl)");
    m_real = browseRow(this, "realEdit", false, jsonl);
    form->addRow(tr("Real set"), m_real->parentWidget());
    m_lambada = browseRow(this, "lambadaEdit", false, jsonl);
    form->addRow(tr("LAMBADA set"), m_lambada->parentWidget());
    m_device->setObjectName("deviceCombo");
    m_device->addItems({"cpu", "cuda"});
    form->addRow(tr("Device"), m_device);
    m_dtype->setObjectName("dtypeCombo");
    m_dtype->addItems({"fp32", "bf16", "fp16"});
    form->addRow(tr("Precision"), m_dtype);
    m_maxLength->setObjectName("maxLengthSpin");
    m_maxLength->setRange(16, 65536);
    m_maxLength->setValue(512);
    m_maxLength->setSuffix(tr(" tokens"));
    form->addRow(tr("Max length"), m_maxLength);
    m_out = browseRow(this, "outEdit", true);
    form->addRow(tr("Results folder"), m_out->parentWidget());
    m_follow->setObjectName("followCheck");
    form->addRow(QString(), m_follow);
    connect(m_follow, &QCheckBox::toggled, m_checkpoints, &QWidget::setDisabled);
    m_progress->setObjectName("progressBar");
    m_status->setObjectName("statusLabel");
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName("startButton");
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName("cancelButton");
    m_cancel->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::accepted, this, &EvalDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &EvalDialog::cancel);
    connect(buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &QDialog::hide);
    connect(m_run, &QLineEdit::editingFinished, this, [this] { setRunFolder(m_run->text()); });
    connect(m_worker, &EvalWorker::progress, this, &EvalDialog::showProgress);
    connect(m_worker, &EvalWorker::checkpointFinished, this,
            [this] { emit resultsWritten(m_runningOut); });
    connect(m_worker, &EvalWorker::finished, this, &EvalDialog::ended);
    connect(m_worker, &EvalWorker::followWaiting, this,
            [this](const QString &checkpoint, const QString &why) {
                m_status->setText(
                    tr("Following: %1 is not complete yet (%2).").arg(checkpoint, why));
            });
    connect(m_worker, &EvalWorker::followedCheckpoint, this,
            [this](const QString &checkpoint, const QString &verdict, bool wouldStop) {
                m_progress->setValue(1000);
                m_status->setText(
                    tr("Following: %1 evaluated; %2. Waiting for the next checkpoint…")
                        .arg(checkpoint, verdict));
                if (wouldStop) emit earlyStopWouldStop(checkpoint, verdict);
            });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 560);
}

EvalDialog::~EvalDialog() = default;

void EvalDialog::setRunFolder(const QString &dir)
{
    m_run->setText(dir);
    m_checkpoints->clear();
    std::vector<std::string> found;
    try {
        found = discoverCheckpoints(dir.toStdString());
    } catch (const std::exception &e) {
        m_status->setText(QString::fromStdString(e.what()));
    }
    for (const std::string &path : found) {
        auto *item = new QListWidgetItem(QFileInfo(QString::fromStdString(path)).fileName());
        item->setData(Qt::UserRole, QString::fromStdString(path));
        item->setCheckState(Qt::Checked);
        m_checkpoints->addItem(item);
    }
    if (found.empty() && !dir.isEmpty())
        m_status->setText(tr("%1: no checkpoint-N folders in this run").arg(dir));
    // What the run was trained at, or what its model takes: results that join the run's own
    // curves, not a second run "@ 512" beside them.
    if (!dir.isEmpty()) m_maxLength->setValue(suggestedMaxLength(dir.toStdString(), found));
    if (m_out->text().isEmpty() && !dir.isEmpty())
        m_out->setText(QDir(dir).filePath("clozescope-eval"));
}

void EvalDialog::setDataset(const QString &name, const QString &file)
{
    (name == "lambada" ? m_lambada : m_real)->setText(file);
}

QStringList EvalDialog::datasetFiles() const
{
    QStringList files;
    for (const QLineEdit *edit : {m_real, m_lambada})
        if (!edit->text().trimmed().isEmpty()) files << edit->text().trimmed();
    return files;
}

QString EvalDialog::outFolder() const
{
    return m_out->text();
}

void EvalDialog::setFollowing(bool follow)
{
    m_follow->setChecked(follow);
}

bool EvalDialog::isFollowing() const
{
    return m_follow->isChecked();
}

bool EvalDialog::isRunning() const
{
    return m_worker->isRunning();
}

void EvalDialog::start()
{
    EvalJob job;
    for (int i = 0; i < m_checkpoints->count(); ++i)
        if (m_checkpoints->item(i)->checkState() == Qt::Checked)
            job.checkpoints.push_back(
                m_checkpoints->item(i)->data(Qt::UserRole).toString().toStdString());
    if (!m_real->text().isEmpty()) job.datasets.emplace_back("real", m_real->text().toStdString());
    if (!m_lambada->text().isEmpty())
        job.datasets.emplace_back("lambada", m_lambada->text().toStdString());
    if (m_follow->isChecked()) {
        job.checkpoints.clear();
        job.follow = m_run->text().toStdString();
        job.followOptions.settleSeconds = m_settle;
        job.followOptions.pollSeconds = std::min(10.0, std::max(0.05, m_settle / 4));
        job.followOptions.idleTimeoutSeconds = 24 * 3600.0;
    }
    QString why;
    if (m_follow->isChecked() && !QFileInfo(m_run->text()).isDir())
        why = tr("Choose the run folder to follow.");
    else if (job.checkpoints.empty() && job.follow.empty())
        why = tr("Tick at least one checkpoint.");
    else if (job.datasets.empty())
        why = tr("Choose a Real or a LAMBADA set.");
    else if (m_out->text().isEmpty())
        why = tr("Choose a results folder.");
    if (!why.isEmpty()) {
        m_status->setText(why);
        return;
    }
    job.options.outDir = m_out->text().toStdString();
    job.options.createdBy = "clozescope " CLOZESCOPE_VERSION; // the workbench, not the CLI
    job.options.cloze.maxLength = m_maxLength->value();
    job.options.engine.device = m_device->currentText().toStdString();
    job.options.engine.dtype = m_dtype->currentText().toStdString();
    job.options.cloze.batchSize = defaultBatchSize(job.options.engine.device);
    if (!m_worker->start(job)) {
        m_status->setText(tr("An evaluation is still running."));
        return;
    }
    m_runningOut = m_out->text(); // edits during the run do not move its results
    m_ticked = int(job.checkpoints.size());
    m_clock.start();
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status->setText(job.follow.empty()
                          ? tr("Loading…")
                          : tr("Following %1: waiting for checkpoints…").arg(m_run->text()));
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
}

void EvalDialog::cancel()
{
    m_worker->cancel();
    m_status->setText(
        tr("Cancelling: the checkpoint in progress is dropped, finished ones are kept."));
}

void EvalDialog::showProgress(int checkpoint, int checkpoints, int done, int total,
                              const QString &name)
{
    const double fraction =
        checkpoints > 0 ? (checkpoint + (total > 0 ? double(done) / total : 0.0)) / checkpoints
                        : 0.0;
    m_progress->setValue(int(fraction * 1000));
    QString eta;
    if (fraction > 0.01) {
        const qint64 left = qint64(m_clock.elapsed() * (1.0 - fraction) / fraction / 1000.0);
        eta = tr(", about %1 min %2 s left").arg(left / 60).arg(left % 60);
    }
    m_status->setText(tr("%1 (%2 of %3): %4 of %5 examples%6")
                          .arg(name)
                          .arg(checkpoint + 1)
                          .arg(checkpoints)
                          .arg(done)
                          .arg(total)
                          .arg(eta));
}

void EvalDialog::ended(int evaluated, bool cancelled, const QString &error)
{
    m_start->setEnabled(true);
    m_cancel->setEnabled(false);
    if (!error.isEmpty())
        m_status->setText(tr("Failed: %1").arg(error));
    else if (cancelled)
        m_status->setText(
            tr("Cancelled; %n checkpoint(s) evaluated and kept in %1.", nullptr, evaluated)
                .arg(m_out->text()));
    else {
        m_progress->setValue(1000);
        // Those not evaluated now had results already (resume) or were another evaluation's;
        // said only when there were.
        const int skipped = m_ticked - evaluated;
        m_status->setText(
            skipped > 0 ? tr("Done: %n checkpoint(s) evaluated into %1; %2 skipped (evaluated "
                             "before, or by another evaluation).",
                             nullptr, evaluated)
                              .arg(m_out->text())
                              .arg(skipped)
                        : tr("Done: %n checkpoint(s) evaluated into %1.", nullptr, evaluated)
                              .arg(m_out->text()));
    }
    emit evaluationEnded(evaluated, cancelled, error);
}

} // namespace cs
