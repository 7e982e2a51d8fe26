// SPDX-License-Identifier: MIT
#pragma once

#include "dialogs/probe_setup.h"
#include "results/evaluated_examples.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace cs {

class ExamplesWorker;

class ExamplesModel;

/// The Examples tab: the per-example records of the selected checkpoint's evaluation, failing
/// ones first (answer not ranked first), each openable in the probe on that checkpoint.
class ExamplesPanel : public QWidget
{
    Q_OBJECT
  public:
    /// An empty panel.
    explicit ExamplesPanel(QWidget *parent = nullptr);

    /// Shows the examples recorded beside a ClozeScope results file for a checkpoint (its name
    /// picks the entry of a file of several), read on a worker thread once the selection has
    /// settled (examplesShown() when they are in); label names it for people.
    void showResults(const QString &resultsFile, const QString &checkpoint, const QString &label);
    /// Shows nothing, saying why.
    void showNothing(const QString &why);
    /// Whether Open in Probe is offered (builds with the engine).
    void setProbeAvailable(bool available);
    /// Cloze set files the user chose (located, or evaluated from this window): a results
    /// file's sets are looked for beside it, then among these (by SHA-256), never at the path
    /// the file records. What is shown is read again.
    void addChosenSets(const QStringList &files);
    /// The chosen set files.
    const QStringList &chosenSets() const { return m_chosenSets; }
    /// The examples shown.
    const ExamplesModel &model() const { return *m_model; }
    /// The table (sorted and filtered).
    QTableView *view() const { return m_view; }

  public slots:
    /// Asks for the current example to be probed.
    void probeCurrent();
    /// Asks the user for the file of the first set whose texts were not found.
    void locateSet();

  signals:
    /// The examples asked for by showResults are shown.
    void examplesShown();
    /// The user wants an example in the probe: on its checkpoint, its text and answers, read
    /// as the evaluation read it.
    void probeRequested(const ProbeSetup &setup);

  private:
    void read();
    void display(CheckpointExamples examples, const QString &label);

    ExamplesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_summary;
    QCheckBox *m_failingOnly;
    QPushButton *m_probe;
    QPushButton *m_locate; // shown when a set's texts were not found
    QTimer *m_settle;      // a selection held for a moment is read, not each one passed
    ExamplesWorker *m_reader;
    QString m_file, m_checkpoint, m_label; // what to read next
    QString m_shownSummary;                // the summary of what is shown
    QStringList m_chosenSets;              // set files the user chose
    quint64 m_request = 0;                 // the latest request; older reads are dropped
};

} // namespace cs
