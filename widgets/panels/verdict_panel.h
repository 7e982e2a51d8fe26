// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace cs {

class Session;

/// The Verdict dock: a recommendation per visible run with its early-stop outcome, and the
/// analysis settings (criterion, weights, patience, threshold, significance level). Editing a
/// setting re-analyses at once.
class VerdictPanel : public QWidget
{
    Q_OBJECT
  public:
    /// A panel over a session.
    explicit VerdictPanel(Session *session, QWidget *parent = nullptr);

    /// The recommendation text shown now (plain text).
    QString verdictText() const;

  private:
    void refresh();
    void apply();

    Session *m_session;
    QLabel *m_verdict;
    QComboBox *m_criterion;
    QComboBox *m_earlyStopMetric;
    QSpinBox *m_patience;
    QDoubleSpinBox *m_threshold;
    QDoubleSpinBox *m_alpha;
    QFormLayout *m_weightsForm;
    QList<QDoubleSpinBox *> m_weights;
    bool m_updating = false;
};

} // namespace cs
