// SPDX-License-Identifier: MIT
#pragma once

#include "results/evaluated_examples.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cs {

class ExamplesModel;

/// The Examples tab: the per-example records of the selected checkpoint's evaluation, failing
/// ones first (answer not ranked first), each openable in the probe on that checkpoint.
class ExamplesPanel : public QWidget
{
    Q_OBJECT
  public:
    /// An empty panel.
    explicit ExamplesPanel(QWidget *parent = nullptr);

    /// Shows the examples recorded beside a ClozeScope results file, read on a worker thread
    /// (examplesShown() when they are in); label names the checkpoint.
    void showResults(const QString &resultsFile, const QString &label);
    /// Shows nothing, saying why.
    void showNothing(const QString &why);
    /// Whether Open in Probe is offered (builds with the engine).
    void setProbeAvailable(bool available);
    /// The examples shown.
    const ExamplesModel &model() const { return *m_model; }
    /// The table (sorted and filtered).
    QTableView *view() const { return m_view; }

  public slots:
    /// Asks for the current example to be probed.
    void probeCurrent();

  signals:
    /// The examples asked for by showResults are shown.
    void examplesShown();
    /// The user wants an example in the probe: the checkpoint folder, its text, its answers.
    void probeRequested(const QString &checkpoint, const QString &text, const QStringList &answers);

  private:
    void show(CheckpointExamples examples, const QString &label);

    ExamplesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_summary;
    QCheckBox *m_failingOnly;
    QPushButton *m_probe;
    quint64 m_request = 0; // the latest showResults; older reads are dropped
};

} // namespace cs
