// SPDX-License-Identifier: MIT
#include "dialogs/probe_dialog.h"

#include "dialogs/browse_row.h"
#include "models/probe_model.h"
#include "workers/probe_worker.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace cs {

ProbeDialog::ProbeDialog(QWidget *parent)
    : QDialog(parent), m_worker(new ProbeWorker(this)), m_model(new ProbeModel(this)),
      m_text(new QLineEdit(this)), m_targets(new QLineEdit(this)), m_topK(new QSpinBox(this)),
      m_maxLength(new QSpinBox(this)), m_device(new QComboBox(this)), m_dtype(new QComboBox(this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)), m_table(new QTableView(this)),
      m_chart(new QChart)
{
    setWindowTitle(tr("Probe"));
    auto *form = new QFormLayout;
    m_folder = browseRow(this, "folderEdit", true);
    form->addRow(tr("Checkpoint or run folder"), m_folder->parentWidget());
    m_text->setObjectName("textEdit");
    m_text->setPlaceholderText(tr("A sentence with one or more [MASK]"));
    form->addRow(tr("Text"), m_text);
    m_targets->setObjectName("targetsEdit");
    m_targets->setPlaceholderText(tr("Words to follow across checkpoints, comma-separated"));
    form->addRow(tr("Follow"), m_targets);
    auto *options = new QHBoxLayout;
    m_topK->setObjectName("topKSpin");
    m_topK->setRange(1, 50);
    m_topK->setValue(5);
    m_device->setObjectName("deviceCombo");
    m_device->addItems({"cpu", "cuda"});
    m_dtype->setObjectName("dtypeCombo");
    m_dtype->addItems({"fp32", "bf16", "fp16"});
    m_maxLength->setObjectName("maxLengthSpin");
    m_maxLength->setRange(0, 65536);
    m_maxLength->setSpecialValueText(tr("whole text"));
    m_maxLength->setToolTip(tr("Cut a longer text around its last mask, as the evaluation does"));
    for (auto [label, widget] : {std::pair<QString, QWidget *>{tr("Top k"), m_topK},
                                 {tr("Max length"), m_maxLength},
                                 {tr("Device"), m_device},
                                 {tr("Precision"), m_dtype}}) {
        options->addWidget(new QLabel(label, this));
        options->addWidget(widget);
    }
    options->addStretch();
    form->addRow(options);
    m_progress->setObjectName("progressBar");
    m_status->setObjectName("statusLabel");
    m_status->setWordWrap(true);
    m_table->setObjectName("probeTable");
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_chart->setTitle(tr("Followed words by epoch"));
    m_chart->legend()->setAlignment(Qt::AlignRight);
    auto *chartView = new QChartView(m_chart, this);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(260);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(chartView);
    split->setSizes({340, 300});
    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("Probe"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName("probeButton");
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName("cancelButton");
    m_cancel->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProbeDialog::start);
    connect(m_text, &QLineEdit::returnPressed, this, &ProbeDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &ProbeDialog::cancel);
    connect(buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &QDialog::hide);
    connect(m_worker, &ProbeWorker::progress, this,
            [this](int done, int total, const QString &checkpoint) {
                m_progress->setRange(0, total);
                m_progress->setValue(done);
                if (!checkpoint.isEmpty())
                    m_status->setText(tr("%1 (%2 of %3)").arg(checkpoint).arg(done + 1).arg(total));
            });
    connect(m_worker, &ProbeWorker::finished, this, &ProbeDialog::ended);
    connect(m_targets, &QLineEdit::textEdited, this, [this] { m_givenTargets.clear(); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(960, 720);
}

ProbeDialog::~ProbeDialog() = default;

void ProbeDialog::setFolder(const QString &dir)
{
    m_folder->setText(dir);
}

void ProbeDialog::setText(const QString &text, const QStringList &targets)
{
    m_text->setText(text);
    m_targets->setText(targets.join(", "));
    m_givenTargets = targets;
}

bool ProbeDialog::isRunning() const
{
    return m_busy;
}

bool ProbeDialog::probe(const ProbeSetup &setup)
{
    if (m_busy) {
        m_status->setText(
            tr("A probe is running: cancel it or wait, then open the example again."));
        return false;
    }
    setFolder(setup.folder);
    setText(setup.text, setup.targets);
    m_maxLength->setValue(setup.maxLength);
    m_rightKeep = setup.rightKeep;
    if (const int i = m_dtype->findText(setup.dtype); i >= 0) m_dtype->setCurrentIndex(i);
    start();
    return m_busy;
}

QStringList ProbeDialog::targetWords() const
{
    QStringList words;
    const QStringList given = m_givenTargets.isEmpty()
                                  ? m_targets->text().split(',', Qt::SkipEmptyParts)
                                  : m_givenTargets;
    for (const QString &w : given)
        if (!w.trimmed().isEmpty() && !words.contains(w.trimmed())) words << w.trimmed();
    return words;
}

void ProbeDialog::start()
{
    if (m_busy) return;
    std::vector<std::string> folders;
    try {
        folders = probeFolders(m_folder->text().toStdString());
    } catch (const std::exception &e) {
        m_status->setText(QString::fromStdString(e.what()));
        return;
    }
    if (m_text->text().trimmed().isEmpty()) {
        m_status->setText(tr("Type a sentence with [MASK] where a word is hidden."));
        return;
    }
    m_runningTargets = targetWords();
    m_runningTopK = m_topK->value();
    m_runningTotal = int(folders.size());
    ProbeRequest request;
    request.text = m_text->text().toStdString();
    request.topK = m_runningTopK;
    for (const QString &w : m_runningTargets)
        request.targets.push_back(w.toStdString());
    request.engine.device = m_device->currentText().toStdString();
    request.engine.dtype = m_dtype->currentText().toStdString();
    request.truncation = {m_maxLength->value(), m_rightKeep};
    if (!m_worker->start(folders, request)) return;
    m_busy = true;
    m_progress->setRange(0, int(folders.size()));
    m_progress->setValue(0);
    m_status->setText(tr("Loading…"));
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
}

void ProbeDialog::cancel()
{
    m_worker->cancel();
    m_status->setText(tr("Stopping after the checkpoint in progress…"));
}

void ProbeDialog::ended(bool cancelled, const QString &error)
{
    m_busy = false;
    m_start->setEnabled(true);
    m_cancel->setEnabled(false);
    m_model->setRows(m_worker->rows(), m_runningTopK, m_runningTargets);
    drawTargets();
    int answered = 0;
    QString firstError;
    for (const ProbeRow &row : m_model->rows()) {
        answered += row.error.empty();
        if (!row.error.empty() && firstError.isEmpty())
            firstError = QString::fromStdString(row.error);
    }
    const int failed = m_model->rowCount() - answered;
    QString status = tr("%n checkpoint(s) answered", nullptr, answered);
    if (failed > 0) status += tr("; %n failed (first: %1)", nullptr, failed).arg(firstError);
    if (cancelled && m_model->rowCount() < m_runningTotal)
        status += tr("; stopped before the rest");
    m_status->setText(error.isEmpty() ? status + "." : tr("Not probed: %1").arg(error));
    emit probeEnded(answered, cancelled);
}

void ProbeDialog::drawTargets()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    const auto &rows = m_model->rows();
    // x: the epoch where every answered row has one, else the step, else the row's place.
    bool epochs = true, steps = true;
    for (const ProbeRow &r : rows) {
        epochs = epochs && (r.epoch || !r.error.empty());
        steps = steps && (r.step || !r.error.empty());
    }
    auto *x = new QValueAxis;
    x->setTitleText(epochs ? tr("Epoch") : steps ? tr("Step") : tr("Checkpoint"));
    x->setLabelFormat(epochs ? "%.1f" : "%.0f");
    auto *y = new QLogValueAxis;
    y->setTitleText(tr("p"));
    y->setLabelFormat("%.0e");
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    double lo = 1.0, hi = 0.0, xmin = INFINITY, xmax = -INFINITY;
    for (const QString &word : m_model->targets()) {
        auto *series = new QLineSeries;
        series->setName(word);
        series->setPointsVisible(true);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto p = targetProbability(rows[i], word.toStdString());
            if (!p || !(*p > 0)) continue; // no answer, or too small for a log axis
            const double at = epochs ? *rows[i].epoch : steps ? double(*rows[i].step) : double(i);
            series->append(at, *p);
            lo = std::min(lo, *p);
            hi = std::max(hi, *p);
            xmin = std::min(xmin, at);
            xmax = std::max(xmax, at);
        }
        m_chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    if (hi > 0) {
        const double bottom = std::floor(std::log10(lo)), top = std::ceil(std::log10(hi));
        y->setRange(std::pow(10.0, top > bottom ? bottom : bottom - 1), std::pow(10.0, top));
        const double pad = xmax > xmin ? (xmax - xmin) * 0.04 : 0.5;
        x->setRange(xmin - pad, xmax + pad);
        x->applyNiceNumbers();
    }
}

} // namespace cs
