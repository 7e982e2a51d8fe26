// SPDX-License-Identifier: MIT
#pragma once

#include "dialogs/probe_setup.h"
#include "results/flip_examples.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cs {

class FlipsModel;

/// The examples that flipped on one metric between two checkpoints, with the counts and the
/// McNemar p; each example opens in the probe.
class FlipsDialog : public QDialog
{
    Q_OBJECT
  public:
    /// An empty dialog; probeAvailable: the engine is built in (Open in Probe shown).
    explicit FlipsDialog(bool probeAvailable, QWidget *parent = nullptr);

    /// Shows the flips of metric in run (its display name) between two checkpoints.
    void showFlips(const QString &run, DescribedFlips flips);
    /// The model (tests read it).
    FlipsModel *model() const { return m_model; }
    /// The summary line.
    QString summary() const;
    /// Asks for the probe of the selected example (the first when none is selected).
    void probeCurrent();

  signals:
    /// The user asked to probe an example.
    void probeRequested(const ProbeSetup &setup);

  private:
    FlipsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_summary;
    QLabel *m_why;
    QPushButton *m_probe;
};

} // namespace cs
