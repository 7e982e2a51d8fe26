// SPDX-License-Identifier: MIT
#pragma once

#include "dialogs/probe_setup.h"

#include <QDialog>

class QChart;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace cs {

class ProbeModel;
class ProbeWorker;

/// Probe: a text with masks on one checkpoint or on every checkpoint of a run, side by side —
/// the top-k of each mask per checkpoint (epoch × rank) and the probability of followed words
/// across epochs as a curve. Runs on a worker thread with progress and cancel.
class ProbeDialog : public QDialog
{
    Q_OBJECT
  public:
    /// A dialog; nothing runs until Probe.
    explicit ProbeDialog(QWidget *parent = nullptr);
    ~ProbeDialog() override;

    /// The checkpoint or run folder to probe.
    void setFolder(const QString &dir);
    /// The text (with [MASK]) and the words to follow (used as given, commas and all, until
    /// the field is edited).
    void setText(const QString &text, const QStringList &targets = {});
    /// The answers shown.
    const ProbeModel &model() const { return *m_model; }
    /// The chart of the followed words' probabilities.
    QChart *chart() const { return m_chart; }
    /// True while probing.
    bool isRunning() const;

  public slots:
    /// Probes the folder's checkpoints; says why not in the status line.
    void start();
    /// Sets folder, text, words, where a long text is cut and the precision, and probes;
    /// refused (false, said in the status line, the fields left as they are) while a probe
    /// runs.
    bool probe(const ProbeSetup &setup);
    /// Stops after the checkpoint in progress.
    void cancel();

  signals:
    /// The probe ended: checkpoints answered, whether it was cancelled.
    void probeEnded(int answered, bool cancelled);

  private:
    void ended(bool cancelled, const QString &error);
    QStringList targetWords() const;
    void drawTargets();

    ProbeWorker *m_worker;
    ProbeModel *m_model;
    QLineEdit *m_folder, *m_text, *m_targets;
    QSpinBox *m_topK, *m_maxLength;
    QComboBox *m_device, *m_dtype;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_start, *m_cancel;
    QTableView *m_table;
    QChart *m_chart;
    QStringList m_givenTargets;   // set by setText; dropped when the field is edited
    QStringList m_runningTargets; // the words of the probe in progress
    int m_runningTopK = 5;
    int m_runningTotal = 0; // checkpoints of the probe in progress
    int m_rightKeep = 64;   // with the max length: set by probe()
    bool m_busy = false;    // from start() until its ended(): one probe at a time
};

} // namespace cs
