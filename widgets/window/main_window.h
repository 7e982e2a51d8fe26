// SPDX-License-Identifier: MIT
#pragma once

#include "charts/metric_chart.h"
#include "window/shown_exports.h"
#include "window/workspace_io.h"

#include <QMainWindow>
#include <QStringList>

#include <functional>

class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QTreeView;

namespace cs {

class CheckpointModel;
class CheckpointTable;
class CurvesGrid;
class EvalDialog;
class ExamplesPanel;
class FlipsDialog;
class ProbeDialog;
class ImportWorker;
class ProblemsModel;
class ResultsWatcher;
class RunsModel;
class Session;
class VerdictPanel;

/// The workbench window: runs tree, curves, verdict, checkpoint table and problems, wired to
/// one session. Layout and wiring only: the views, the import worker, the results watcher,
/// the workspace (WorkspaceIo) and the exports (ShownExports) do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
  public:
    /// An empty window.
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Imports paths on the worker thread and shows them; a workspace file opens the workspace.
    void openPaths(const QStringList &paths);
    /// Adds paths to those shown (File ▸ Add folder…): a run beside its evaluation's results.
    void addPaths(const QStringList &paths);
    /// Opens a saved workspace: its settings, then its paths, then what was shown. "" or why not.
    QString openWorkspace(const QString &path);
    /// Saves the workspace (paths, shown runs, settings, steps per epoch, layout). "" or why not.
    QString saveWorkspaceTo(const QString &path) const;
    /// Writes the table of what is shown (the charts' metrics, the ticked runs) in the format of
    /// the suffix (.csv, .md, .tex, .json). "" or why not.
    QString writeTable(const QString &path);
    /// Writes the report (Markdown or HTML by suffix) with the charts as shown: inside the HTML
    /// (a PNG data URI), as a PNG beside the Markdown. "" or why not.
    QString writeReport(const QString &path);
    /// The session behind the views.
    Session *session() const { return m_session; }
    /// The chart grid.
    CurvesGrid *curves() const { return m_curves; }
    /// The checkpoint table.
    CheckpointTable *table() const { return m_table; }
    /// The Examples tab of the bottom dock.
    ExamplesPanel *examples() const { return m_examples; }
    /// The verdict dock's panel.
    VerdictPanel *verdict() const { return m_verdict; }
    /// The import worker (tests wait for it).
    ImportWorker *importer() const { return m_importer; }
    /// Evaluate…: opens the evaluation dialog (created on first use) for the shown run folder;
    /// results it writes are added to the shown paths as each checkpoint finishes. nullptr when
    /// built without the engine.
    EvalDialog *openEvaluateDialog();
    /// Probe…: opens the fill-mask probe (created on first use) on folder, else (first use) on
    /// the shown run folder. nullptr when built without the engine.
    ProbeDialog *openProbeDialog(const QString &folder = {});

    /// The last notice that a followed run's early stopping would stop ("" = none yet).
    QString earlyStopNotice() const { return m_earlyStopNotice; }
    /// The context menu of a chart point: flips since the previous checkpoint and since the
    /// peak (disabled, with the reason, where records do not allow them). The caller owns it.
    QMenu *pointMenu(int runIndex, int checkpointIndex, const QString &metric);
    /// Opens the flips of metric (for the score: the criterion, else Real@1) in run from one
    /// checkpoint to another; nullptr, after saying why in the status bar, when not possible.
    FlipsDialog *showFlips(int runIndex, int from, int to, const QString &metric);

  signals:
    /// An import finished and the views show it.
    void resultsShown();

  protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

  private:
    void buildActions();
    void buildDocks();
    void onImported(const QStringList &paths);
    void addRecent(const QStringList &paths);
    void rebuildRecentMenu();
    void exportCharts();
    void exportTable();
    void exportReport();
    /// Where file dialogs start: the folder of the last file or folder chosen in one.
    QString lastFolder() const;
    /// Remembers path's folder (a folder itself, or a file's) for the next dialog; returns path.
    QString rememberFolder(const QString &path);
    /// Asks where to save (in the last folder, name proposed), writes with write ("" or why
    /// not), and says the outcome: a warning, or the path written in the status bar.
    void saveAs(const QString &title, const QString &name, const QString &filter,
                const std::function<QString(const QString &)> &write);
    void selectCheckpoint(int runIndex, int checkpointIndex);
    QString shownRunFolder() const;
    void showExamplesOf(const QModelIndex &tableIndex);

    Session *m_session;
    CheckpointModel *m_model;
    RunsModel *m_runs;
    ProblemsModel *m_problems;
    ImportWorker *m_importer;
    EvalDialog *m_evalDialog = nullptr;
    ProbeDialog *m_probeDialog = nullptr;
    FlipsDialog *m_flipsDialog = nullptr;
    CurvesGrid *m_curves;
    CheckpointTable *m_table;
    VerdictPanel *m_verdict;
    ExamplesPanel *m_examples;
    QTreeView *m_runsView;
    QComboBox *m_metric;
    QComboBox *m_xAxis;
    QMenu *m_recentMenu;
    QProgressBar *m_progress;
    QLabel *m_status;
    ResultsWatcher *m_watcher;
    WorkspaceIo m_workspaces;
    ShownExports m_exports;
    bool m_layoutRestored = false;   // the saved dock layout was restored
    bool m_docksSized = false;       // first start: docks sized on the first show
    QStringList m_requestedPaths;    // paths of the import in flight or shown
    bool m_openingWorkspace = false; // guards workspaces that name workspaces
    QString m_earlyStopNotice;       // see earlyStopNotice()
};

} // namespace cs
