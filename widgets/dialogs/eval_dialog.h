// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QElapsedTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace cs {

class EvalWorker;

/// Evaluate…: checkpoints of a run, Real and LAMBADA sets, device, precision and max length;
/// runs on a worker thread with progress, ETA and cancel. Finished checkpoints are announced
/// as they are written so the charts can show them while the rest runs.
class EvalDialog : public QDialog
{
    Q_OBJECT
  public:
    /// A dialog; nothing runs until Start.
    explicit EvalDialog(QWidget *parent = nullptr);
    ~EvalDialog() override;

    /// Shows the checkpoint-N folders of a run folder, all ticked, and proposes an output folder.
    void setRunFolder(const QString &dir);
    /// Sets the file of a cloze set: "real" or "lambada".
    void setDataset(const QString &name, const QString &file);
    /// The results folder.
    QString outFolder() const;
    /// The cloze set files chosen (Real, LAMBADA), those given.
    QStringList datasetFiles() const;
    /// True while an evaluation runs.
    bool isRunning() const;
    /// Follow the run while it trains: each checkpoint evaluated as soon as it is saved
    /// (the checkpoint list is not used), until training ends.
    void setFollowing(bool follow);
    /// Whether Start follows the run.
    bool isFollowing() const;
    /// The settle time of a followed run's checkpoints, in seconds (default 60).
    void setSettleSeconds(double seconds) { m_settle = seconds; }

  public slots:
    /// Starts evaluating the ticked checkpoints; says why not in the status line.
    void start();
    /// Cancels the running evaluation; finished checkpoints are kept.
    void cancel();

  signals:
    /// A checkpoint's results were written under outFolder.
    void resultsWritten(const QString &outFolder);
    /// The evaluation ended (done, cancelled or failed); the status line says which.
    void evaluationEnded(int evaluated, bool cancelled, const QString &error);
    /// Following: early stopping would stop at checkpoint; verdict says so in words.
    void earlyStopWouldStop(const QString &checkpoint, const QString &verdict);

  private:
    void showProgress(int checkpoint, int checkpoints, int done, int total, const QString &name);
    void ended(int evaluated, bool cancelled, const QString &error);

    EvalWorker *m_worker;
    QLineEdit *m_run, *m_real, *m_lambada, *m_out;
    QListWidget *m_checkpoints;
    QComboBox *m_device, *m_dtype;
    QSpinBox *m_maxLength;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_start, *m_cancel;
    QCheckBox *m_follow;
    double m_settle = 60;
    QElapsedTimer m_clock;
    QString m_runningOut; // results folder of the evaluation in progress
    int m_ticked = 0;     // checkpoints it was given
};

} // namespace cs
